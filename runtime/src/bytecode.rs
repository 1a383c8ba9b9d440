//! krait's bytecode: the instruction set (defined once, as a table), code objects and
//! their constants. Produced by `compiler`, executed by `interp`, recorded by the JIT.
//!
//! Conventions used in the stack comments below: `[a, b] -> [c]` means the instruction
//! pops `a` (deeper) and `b` (top of stack) and pushes `c`. Jump targets are absolute
//! instruction indices into `CodeObject::instrs`. `UNDEF` is the internal "no value"
//! marker (`Value::Undef`), never visible to Python code.

use std::fmt;
use std::rc::Rc;

/// Declares the instruction set once: the `Op` enum, its names, and the stack effect of
/// each instruction as `(fallthrough, taken_branch)` deltas computed from the argument.
macro_rules! define_ops {
    ($( $(#[doc = $doc:literal])* $name:ident = $text:literal, |$arg:ident| ($fall:expr, $jump:expr); )*) => {
        /// One bytecode operation. See each variant for its stack effect.
        #[repr(u8)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types)]
        pub enum Op { $( $(#[doc = $doc])* $name, )* }

        impl Op {
            /// Every opcode, in table order.
            pub const ALL: &'static [Op] = &[ $( Op::$name, )* ];

            /// The opcode's display name (as `--dis` prints it).
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => $text, )* }
            }

            /// Stack depth change when the instruction falls through, and when it jumps
            /// (for non-jumping instructions both are the same).
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32) -> (i32, i32) {
                match self { $( Op::$name => { let $arg = arg as i32; ($fall, $jump) } )* }
            }
        }
    };
}

define_ops! {
    /// Does nothing.
    Nop = "NOP", |a| (0, 0);
    /// `[v] -> []`
    PopTop = "POP_TOP", |a| (-1, -1);
    /// `[.., x(arg-th from top)] -> [.., x, x]`: push a copy of the arg-th item (1 = TOS).
    Copy = "COPY", |a| (1, 1);
    /// Swap TOS with the arg-th item (2 = the item below TOS).
    Swap = "SWAP", |a| (0, 0);

    /// `[] -> [consts[arg]]`
    LoadConst = "LOAD_CONST", |a| (1, 1);
    /// `[] -> [locals[arg]]`; UnboundLocalError if unset.
    LoadFast = "LOAD_FAST", |a| (1, 1);
    /// `[v] -> []`, `locals[arg] = v`
    StoreFast = "STORE_FAST", |a| (-1, -1);
    /// Unset `locals[arg]` (UnboundLocalError if already unset).
    DeleteFast = "DELETE_FAST", |a| (0, 0);
    /// `[] -> [cell.value]` for the cell in slot `nlocals + arg` (cellvars then freevars).
    /// NameError/UnboundLocalError ("cannot access free variable ...") if empty.
    LoadDeref = "LOAD_DEREF", |a| (1, 1);
    /// `[v] -> []`, store into the cell in slot `nlocals + arg`.
    StoreDeref = "STORE_DEREF", |a| (-1, -1);
    /// Empty the cell in slot `nlocals + arg`.
    DeleteDeref = "DELETE_DEREF", |a| (0, 0);
    /// `[] -> [cell]`: push the cell object itself (to build a closure tuple).
    LoadClosure = "LOAD_CLOSURE", |a| (1, 1);
    /// In a class body: `[] -> [v]` looking up `freevar_name(arg)` in the class namespace
    /// first, then in the cell.
    LoadClassDeref = "LOAD_CLASSDEREF", |a| (1, 1);
    /// `[] -> [v]`: global `names[arg]`, then builtins; NameError if missing.
    LoadGlobal = "LOAD_GLOBAL", |a| (1, 1);
    /// `[v] -> []`: set global `names[arg]`.
    StoreGlobal = "STORE_GLOBAL", |a| (-1, -1);
    /// Delete global `names[arg]`.
    DeleteGlobal = "DELETE_GLOBAL", |a| (0, 0);
    /// `[] -> [v]`: `names[arg]` from the frame's locals namespace (class body / module),
    /// then globals, then builtins.
    LoadName = "LOAD_NAME", |a| (1, 1);
    /// `[v] -> []`: store `names[arg]` into the frame's locals namespace.
    StoreName = "STORE_NAME", |a| (-1, -1);
    /// Delete `names[arg]` from the frame's locals namespace.
    DeleteName = "DELETE_NAME", |a| (0, 0);

    /// `[obj] -> [obj.names[arg]]`
    LoadAttr = "LOAD_ATTR", |a| (0, 0);
    /// `[value, obj] -> []`, `obj.names[arg] = value`
    StoreAttr = "STORE_ATTR", |a| (-2, -2);
    /// `[obj] -> []`, `del obj.names[arg]`
    DeleteAttr = "DELETE_ATTR", |a| (-1, -1);
    /// `[obj] -> [func, obj]` when `names[arg]` is a plain function found on the type
    /// (a method call can skip making a bound method), else `[obj.name, UNDEF]`.
    LoadMethod = "LOAD_METHOD", |a| (1, 1);

    /// `[container, key] -> [container[key]]`
    BinarySubscr = "BINARY_SUBSCR", |a| (-1, -1);
    /// `[value, container, key] -> []`, `container[key] = value`
    StoreSubscr = "STORE_SUBSCR", |a| (-3, -3);
    /// `[container, key] -> []`, `del container[key]`
    DeleteSubscr = "DELETE_SUBSCR", |a| (-2, -2);
    /// `[start, stop] -> [slice]` (arg 2) or `[start, stop, step] -> [slice]` (arg 3).
    BuildSlice = "BUILD_SLICE", |a| (1 - a, 1 - a);

    /// `[a, b] -> [a op b]` where `op = BinOp::from_arg(arg)` (in-place variants included).
    BinaryOp = "BINARY_OP", |a| (-1, -1);
    /// `[a, b] -> [a cmp b]` where `cmp = CmpOp::from_arg(arg)`.
    CompareOp = "COMPARE_OP", |a| (-1, -1);
    /// `[a, b] -> [a is b]` (arg 0) or `[a is not b]` (arg 1).
    IsOp = "IS_OP", |a| (-1, -1);
    /// `[a, b] -> [a in b]` (arg 0) or `[a not in b]` (arg 1).
    ContainsOp = "CONTAINS_OP", |a| (-1, -1);
    /// `[v] -> [-v]`
    UnaryNegative = "UNARY_NEGATIVE", |a| (0, 0);
    /// `[v] -> [+v]`
    UnaryPositive = "UNARY_POSITIVE", |a| (0, 0);
    /// `[v] -> [not v]`
    UnaryNot = "UNARY_NOT", |a| (0, 0);
    /// `[v] -> [~v]`
    UnaryInvert = "UNARY_INVERT", |a| (0, 0);

    /// Jump forward (or anywhere) to `arg`; not a loop back-edge.
    Jump = "JUMP", |a| (0, 0);
    /// Loop back-edge to `arg` (target <= this instruction). Counts toward hotness and is
    /// a safepoint (GC, Ctrl-C).
    JumpBackward = "JUMP_BACKWARD", |a| (0, 0);
    /// `[v] -> []`; jump to `arg` if `v` is falsy.
    PopJumpIfFalse = "POP_JUMP_IF_FALSE", |a| (-1, -1);
    /// `[v] -> []`; jump to `arg` if `v` is truthy.
    PopJumpIfTrue = "POP_JUMP_IF_TRUE", |a| (-1, -1);
    /// `[v] -> [v]` and jump to `arg` if `v` is falsy, else `[v] -> []` (for `and`).
    JumpIfFalseOrPop = "JUMP_IF_FALSE_OR_POP", |a| (-1, 0);
    /// `[v] -> [v]` and jump to `arg` if `v` is truthy, else `[v] -> []` (for `or`).
    JumpIfTrueOrPop = "JUMP_IF_TRUE_OR_POP", |a| (-1, 0);

    /// `[obj] -> [iter(obj)]`
    GetIter = "GET_ITER", |a| (0, 0);
    /// `[it] -> [it, next(it)]`; when `it` is exhausted: `[it] -> []` and jump to `arg`.
    ForIter = "FOR_ITER", |a| (1, -1);

    /// `[a1..an] -> [(a1, .., an)]`
    BuildTuple = "BUILD_TUPLE", |a| (1 - a, 1 - a);
    /// `[a1..an] -> [[a1, .., an]]`
    BuildList = "BUILD_LIST", |a| (1 - a, 1 - a);
    /// `[a1..an] -> [{a1, .., an}]`
    BuildSet = "BUILD_SET", |a| (1 - a, 1 - a);
    /// `[k1, v1, .., kn, vn] -> [{k1: v1, ..}]`
    BuildMap = "BUILD_MAP", |a| (1 - 2 * a, 1 - 2 * a);
    /// `[s1..sn] -> [s1 + .. + sn]` (all str; f-strings).
    BuildString = "BUILD_STRING", |a| (1 - a, 1 - a);
    /// `[.., list, .., v] -> [.., list, ..]`: `list.append(v)` where list is the arg-th
    /// item counting from TOS after popping v (1 = the new TOS).
    ListAppend = "LIST_APPEND", |a| (-1, -1);
    /// Like LIST_APPEND for a set: `set.add(v)`.
    SetAdd = "SET_ADD", |a| (-1, -1);
    /// `[.., dict, .., k, v] -> [.., dict, ..]`: `dict[k] = v` (dict is arg-th after popping).
    MapAdd = "MAP_ADD", |a| (-2, -2);
    /// `[.., list, .., it] -> [.., list, ..]`: `list.extend(it)`.
    ListExtend = "LIST_EXTEND", |a| (-1, -1);
    /// `[.., set, .., it] -> [.., set, ..]`: `set.update(it)`.
    SetUpdate = "SET_UPDATE", |a| (-1, -1);
    /// `[.., dict, .., m] -> [.., dict, ..]`: `dict.update(m)` (for `{**m}`).
    DictUpdate = "DICT_UPDATE", |a| (-1, -1);
    /// Like DICT_UPDATE, but a repeated key is a TypeError ("got multiple values for
    /// keyword argument") and `m` must be a mapping (for `f(**m)`).
    DictMerge = "DICT_MERGE", |a| (-1, -1);
    /// `[list] -> [tuple(list)]`
    ListToTuple = "LIST_TO_TUPLE", |a| (0, 0);
    /// `[seq] -> [x_{n-1}, .., x_0]` (x_0 on top); ValueError on length mismatch.
    UnpackSequence = "UNPACK_SEQUENCE", |a| (a - 1, a - 1);
    /// `[seq] -> [after.., starred_list, before..]` with `before = arg & 0xff` and
    /// `after = arg >> 8` (first item on top, as UNPACK_SEQUENCE).
    UnpackEx = "UNPACK_EX", |a| ((a & 0xff) + (a >> 8), (a & 0xff) + (a >> 8));
    /// `[value, spec?] -> [str]`: `arg & 3` is the conversion (0 none, 1 str, 2 repr,
    /// 3 ascii); `arg & 4` means a format spec string is on the stack above the value.
    FormatValue = "FORMAT_VALUE", |a| (if a & 4 != 0 { -1 } else { 0 }, if a & 4 != 0 { -1 } else { 0 });

    /// `[f, a1..an] -> [f(a1..an)]`
    Call = "CALL", |a| (-a, -a);
    /// `[f, self_or_UNDEF, a1..an] -> [result]`: after LOAD_METHOD; calls `f(self, a1..)`
    /// when self is set, else `f(a1..)`.
    CallMethod = "CALL_METHOD", |a| (-a - 1, -a - 1);
    /// `[f, a1..an, kwnames] -> [result]`: `n = arg` counts all arguments; the last
    /// `len(kwnames)` of them are passed by keyword (kwnames is a const tuple of str).
    CallKw = "CALL_KW", |a| (-a - 1, -a - 1);
    /// `[f, args_tuple_or_list, kwargs_dict?] -> [result]`; `arg & 1`: a kwargs dict is present.
    CallEx = "CALL_EX", |a| (if a & 1 != 0 { -2 } else { -1 }, if a & 1 != 0 { -2 } else { -1 });
    /// `[defaults?, kwdefaults?, closure?, code] -> [function]`; `arg` flags:
    /// 0x01 a defaults tuple, 0x02 a kwdefaults dict, 0x08 a closure tuple of cells.
    /// Stack order from deepest: defaults, kwdefaults, closure, code (code on top).
    MakeFunction = "MAKE_FUNCTION", |a| (-((a & 1) + ((a >> 1) & 1) + ((a >> 3) & 1)), -((a & 1) + ((a >> 1) & 1) + ((a >> 3) & 1)));
    /// `[v] -> (return v to the caller)`
    ReturnValue = "RETURN_VALUE", |a| (-1, -1);
    /// `[] -> [__build_class__]`: the builtin that runs a class body. It is called as
    /// `__build_class__(body_function, name, *bases, **keywords)`; the body function
    /// runs with a fresh namespace as its locals and returns its `__class__` cell (if
    /// the body has one) or None.
    LoadBuildClass = "LOAD_BUILD_CLASS", |a| (1, 1);

    /// `[v] -> (suspend, giving v)`, on resume `[] -> [sent]`.
    YieldValue = "YIELD_VALUE", |a| (0, 0);
    /// `[obj] -> [iter]` for `yield from` (generators pass through unchanged).
    GetYieldFromIter = "GET_YIELD_FROM_ITER", |a| (0, 0);
    /// `[recv, v] -> [recv, y]` where y is what `recv.send(v)` (or `next(recv)` if v is
    /// None) yielded; when recv returns: `[recv, v] -> [return_value]` and jump to `arg`.
    Send = "SEND", |a| (0, -1);

    /// `raise` (arg 0: re-raise the exception being handled), `[exc] -> raise exc`
    /// (arg 1), `[exc, cause] -> raise exc from cause` (arg 2).
    RaiseVarargs = "RAISE_VARARGS", |a| (-a, -a);
    /// `[exc] -> (raise exc again, its traceback unchanged)`.
    Reraise = "RERAISE", |a| (-1, -1);
    /// `[exc] -> [prev_exc, exc]`: at the start of a handler; makes `exc` the exception
    /// being handled (sys.exc_info) and saves the previous one (or None).
    PushExcInfo = "PUSH_EXC_INFO", |a| (1, 1);
    /// `[prev_exc] -> []`: at the end of a handler; restores the handled exception.
    PopExcept = "POP_EXCEPT", |a| (-1, -1);
    /// `[exc, type] -> [exc, bool]`: isinstance(exc, type) where type is a class or a
    /// tuple of classes (TypeError if not exception classes).
    CheckExcMatch = "CHECK_EXC_MATCH", |a| (0, 0);
    /// `[] -> [AssertionError]`
    LoadAssertionError = "LOAD_ASSERTION_ERROR", |a| (1, 1);
    /// `[mgr] -> [exit, mgr.__enter__()]` where exit is the bound `mgr.__exit__`.
    BeforeWith = "BEFORE_WITH", |a| (1, 1);
    /// `[exit, prev_exc, exc] -> [exit, prev_exc, exc, exit(type(exc), exc, tb)]`
    WithExceptStart = "WITH_EXCEPT_START", |a| (1, 1);

    /// `[level, fromlist] -> [module]` importing `names[arg]` (dotted).
    ImportName = "IMPORT_NAME", |a| (-1, -1);
    /// `[module] -> [module, module.names[arg]]` (ImportError if missing).
    ImportFrom = "IMPORT_FROM", |a| (1, 1);
    /// `[module] -> []`: `from module import *` into the frame's namespace.
    ImportStar = "IMPORT_STAR", |a| (-1, -1);
    /// `[v] -> []`: the REPL's echo: print repr(v) unless None, and set `builtins._`.
    PrintExpr = "PRINT_EXPR", |a| (-1, -1);
}

/// The operator of a BINARY_OP instruction. In-place forms (`+=`) try `__iadd__` first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
    InplaceAdd,
    InplaceSub,
    InplaceMul,
    InplaceTrueDiv,
    InplaceFloorDiv,
    InplaceMod,
    InplacePow,
    InplaceLShift,
    InplaceRShift,
    InplaceAnd,
    InplaceOr,
    InplaceXor,
    InplaceMatMul,
}

impl BinOp {
    /// Every operator, indexed by its BINARY_OP argument.
    pub const ALL: [BinOp; 26] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
        BinOp::InplaceAdd,
        BinOp::InplaceSub,
        BinOp::InplaceMul,
        BinOp::InplaceTrueDiv,
        BinOp::InplaceFloorDiv,
        BinOp::InplaceMod,
        BinOp::InplacePow,
        BinOp::InplaceLShift,
        BinOp::InplaceRShift,
        BinOp::InplaceAnd,
        BinOp::InplaceOr,
        BinOp::InplaceXor,
        BinOp::InplaceMatMul,
    ];

    /// Decodes a BINARY_OP argument.
    pub fn from_arg(arg: u32) -> BinOp {
        BinOp::ALL[arg as usize]
    }

    /// The in-place variant (`+` -> `+=`).
    pub fn inplace(self) -> BinOp {
        let i = self as usize;
        if i < 13 {
            BinOp::ALL[i + 13]
        } else {
            self
        }
    }

    /// The plain variant (`+=` -> `+`).
    pub fn base(self) -> BinOp {
        let i = self as usize;
        if i >= 13 {
            BinOp::ALL[i - 13]
        } else {
            self
        }
    }

    /// Whether this is an in-place form.
    pub fn is_inplace(self) -> bool {
        self as usize >= 13
    }

    /// The operator as Python spells it (`+`, `+=`, ...).
    pub fn symbol(self) -> &'static str {
        const SYMS: [&str; 26] = [
            "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "+=", "-=", "*=", "/=", "//=", "%=",
            "**=", "<<=", ">>=", "&=", "|=", "^=", "@=",
        ];
        SYMS[self as usize]
    }

    /// The dunder names: (forward, reflected, in-place).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self.base() {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            _ => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// The comparison of a COMPARE_OP instruction.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// Every comparison, indexed by its COMPARE_OP argument.
    pub const ALL: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];

    /// Decodes a COMPARE_OP argument.
    pub fn from_arg(arg: u32) -> CmpOp {
        CmpOp::ALL[arg as usize]
    }

    /// The operator as Python spells it.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The rich comparison dunder (`__lt__`, ...).
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    /// The reflected comparison (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// One instruction: an opcode and a 32-bit argument (0 when unused).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

/// A compile-time constant. The runtime turns these into values when it loads a code object.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An integer literal outside i64, as decimal digits (with a leading '-' if negative).
    BigInt(String),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    Code(Rc<CodeObject>),
}

/// Flags of a code object.
pub mod flags {
    /// The function takes `*args`.
    pub const VARARGS: u32 = 0x04;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x08;
    /// Calling the function creates a generator.
    pub const GENERATOR: u32 = 0x20;
    /// The code is a class body (runs with a namespace dict as locals).
    pub const CLASS_BODY: u32 = 0x1000;
    /// The code is a module (or exec'd) body: names go through LOAD_NAME/STORE_NAME.
    pub const MODULE: u32 = 0x2000;
}

/// An exception table entry: an exception raised by an instruction in `start..end` is
/// handled by popping the value stack down to `depth` items (counted from the frame's
/// stack base), pushing the exception, and jumping to `handler`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// A compiled function, class body or module body.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    /// The function's name (`<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, ...).
    pub name: String,
    /// The dotted qualified name (`A.method.<locals>.inner`).
    pub qualname: String,
    /// The source file as given on the command line.
    pub filename: Rc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    pub consts: Vec<Const>,
    /// Names used by *_GLOBAL, *_NAME, *_ATTR, LOAD_METHOD, IMPORT_* instructions.
    pub names: Vec<String>,
    /// Local variable names; the parameters come first in order: positional (incl.
    /// positional-only), keyword-only, then `*args`, then `**kwargs`.
    pub varnames: Vec<String>,
    /// Variables of this code captured by inner functions. A cellvar that is also a
    /// parameter keeps its varnames slot too; the frame copies the argument into the cell.
    pub cellvars: Vec<String>,
    /// Variables this code reads from enclosing functions (filled from the closure).
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exc_table: Vec<ExcEntry>,
    /// The largest value stack depth the code can reach.
    pub max_stack: u32,
    /// The docstring, if the body starts with one.
    pub doc: Option<String>,
}

impl CodeObject {
    /// Number of plain local slots (varnames).
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Total slots in a frame before its value stack: locals, cells and free variables.
    pub fn nslots(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// Whether calling this code makes a generator.
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    /// The name of cell/free slot `i` (as LOAD_DEREF numbers them).
    pub fn deref_name(&self, i: usize) -> &str {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }

    /// The innermost exception table entry covering instruction `pc`.
    pub fn handler_for(&self, pc: usize) -> Option<&ExcEntry> {
        let pc = pc as u32;
        // Entries are emitted inner-first for nested ranges; pick the narrowest match.
        self.exc_table.iter().filter(|e| e.start <= pc && pc < e.end).min_by_key(|e| e.end - e.start)
    }

    /// A readable description of an instruction's argument (the part `--dis` shows in
    /// parentheses), or an empty string.
    pub fn describe_arg(&self, instr: Instr) -> String {
        let a = instr.arg as usize;
        match instr.op {
            Op::LoadConst => self.consts.get(a).map(const_repr).unwrap_or_default(),
            Op::LoadFast | Op::StoreFast | Op::DeleteFast => self.varnames.get(a).cloned().unwrap_or_default(),
            Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure | Op::LoadClassDeref => {
                if a < self.cellvars.len() + self.freevars.len() {
                    self.deref_name(a).to_string()
                } else {
                    String::new()
                }
            }
            Op::LoadGlobal
            | Op::StoreGlobal
            | Op::DeleteGlobal
            | Op::LoadName
            | Op::StoreName
            | Op::DeleteName
            | Op::LoadAttr
            | Op::StoreAttr
            | Op::DeleteAttr
            | Op::LoadMethod
            | Op::ImportName
            | Op::ImportFrom => self.names.get(a).cloned().unwrap_or_default(),
            Op::BinaryOp if a < BinOp::ALL.len() => BinOp::from_arg(instr.arg).symbol().into(),
            Op::CompareOp if a < CmpOp::ALL.len() => CmpOp::from_arg(instr.arg).symbol().into(),
            Op::Jump
            | Op::JumpBackward
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter
            | Op::Send => format!("to {}", a),
            Op::IsOp => if a == 0 { "is" } else { "is not" }.into(),
            Op::ContainsOp => if a == 0 { "in" } else { "not in" }.into(),
            _ => String::new(),
        }
    }
}

/// Python-like repr of a constant, for disassembly.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.clone(),
        Const::Float(f) => format!("{:?}", f),
        Const::Str(s) => format!("{:?}", s).replace('"', "'"),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::Code(code) => format!("<code object {}, line {}>", code.name, code.first_line),
    }
}

impl fmt::Display for CodeObject {
    /// The `--dis` layout: a header per code object, then one row per instruction
    /// (line number when it changes, `>>` on jump targets, offset, name, arg, meaning),
    /// then the exception table; nested code objects follow.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut targets = vec![false; self.instrs.len() + 1];
        for ins in &self.instrs {
            if matches!(
                ins.op,
                Op::Jump
                    | Op::JumpBackward
                    | Op::PopJumpIfFalse
                    | Op::PopJumpIfTrue
                    | Op::JumpIfFalseOrPop
                    | Op::JumpIfTrueOrPop
                    | Op::ForIter
                    | Op::Send
            ) && (ins.arg as usize) < targets.len()
            {
                targets[ins.arg as usize] = true;
            }
        }
        for e in &self.exc_table {
            if (e.handler as usize) < targets.len() {
                targets[e.handler as usize] = true;
            }
        }
        writeln!(
            f,
            "Disassembly of <code object {} at line {}, file \"{}\">:",
            self.qualname, self.first_line, self.filename
        )?;
        let mut last_line = 0;
        for (i, ins) in self.instrs.iter().enumerate() {
            let line = self.lines.get(i).copied().unwrap_or(0);
            let line_col = if line != last_line {
                last_line = line;
                format!("{:>4}", line)
            } else {
                "    ".to_string()
            };
            let mark = if targets[i] { ">>" } else { "  " };
            let desc = self.describe_arg(*ins);
            let has_arg = ins.op.stack_effect(0) != ins.op.stack_effect(1)
                || !matches!(
                    ins.op,
                    Op::Nop
                        | Op::PopTop
                        | Op::BinarySubscr
                        | Op::StoreSubscr
                        | Op::DeleteSubscr
                        | Op::UnaryNegative
                        | Op::UnaryPositive
                        | Op::UnaryNot
                        | Op::UnaryInvert
                        | Op::GetIter
                        | Op::ListToTuple
                        | Op::ReturnValue
                        | Op::LoadBuildClass
                        | Op::YieldValue
                        | Op::GetYieldFromIter
                        | Op::Reraise
                        | Op::PushExcInfo
                        | Op::PopExcept
                        | Op::CheckExcMatch
                        | Op::LoadAssertionError
                        | Op::BeforeWith
                        | Op::WithExceptStart
                        | Op::ImportStar
                        | Op::PrintExpr
                );
            let arg = if has_arg { ins.arg.to_string() } else { String::new() };
            let desc = if desc.is_empty() { desc } else { format!("({})", desc) };
            let row = format!("{} {} {:>6} {:<24} {:>5} {}", line_col, mark, i, ins.op.name(), arg, desc);
            writeln!(f, "{}", row.trim_end())?;
        }
        if !self.exc_table.is_empty() {
            writeln!(f, "ExceptionTable:")?;
            for e in &self.exc_table {
                writeln!(f, "  {} to {} -> {} [{}]", e.start, e.end, e.handler, e.depth)?;
            }
        }
        for c in &self.consts {
            if let Const::Code(code) = c {
                writeln!(f)?;
                write!(f, "{}", code)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_table_names_are_unique_and_uppercase() {
        let mut seen = std::collections::HashSet::new();
        for op in Op::ALL {
            assert!(seen.insert(op.name()), "duplicate name {}", op.name());
            assert_eq!(op.name(), op.name().to_uppercase());
        }
    }

    #[test]
    fn binop_inplace_roundtrip() {
        for op in BinOp::ALL.iter().take(13) {
            assert!(op.inplace().is_inplace());
            assert_eq!(op.inplace().base(), *op);
            assert_eq!(format!("{}=", op.symbol()), op.inplace().symbol());
        }
    }

    #[test]
    fn stack_effects_of_jumps_differ() {
        assert_eq!(Op::ForIter.stack_effect(0), (1, -1));
        assert_eq!(Op::BuildList.stack_effect(3), (-2, -2));
        assert_eq!(Op::MakeFunction.stack_effect(0x09), (-2, -2));
        assert_eq!(Op::UnpackEx.stack_effect(1 | (2 << 8)), (3, 3));
    }
}
