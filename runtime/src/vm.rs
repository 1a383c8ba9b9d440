//! The virtual machine: heap, value stack, frames, built-in types, interned names,
//! modules, and the entry points to run code. Python semantics live in `ops`; the
//! dispatch loop in `interp`; the built-in functions and methods in `builtins`.

use crate::bytecode::{CodeObject, Const};
use crate::dict::Dict;
use crate::heap::{Heap, ObjRef};
use crate::object::*;
use crate::shape::Shapes;
use crate::value::{PyErr, PyResult, Value};
use num_bigint::BigInt;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// An activation record. Its slots (locals, cells, free variables) start at `base` on
/// the VM value stack, followed by its operand stack.
pub struct Frame {
    pub code: Rc<Code>,
    pub code_obj: ObjRef,
    pub func: Option<ObjRef>,
    pub globals: ObjRef,
    /// The namespace dict of a module or class body (LOAD_NAME/STORE_NAME).
    pub locals: Option<ObjRef>,
    pub pc: usize,
    pub base: usize,
    /// Stack length to truncate to when the frame returns (drops callee and arguments).
    pub ret_sp: usize,
    /// Returning from this frame returns from the `run` call that pushed it.
    pub entry: bool,
    /// The generator this frame belongs to, if any.
    pub generator: Option<ObjRef>,
    /// Set for the `__init__` frame of a constructor call `C(...)` that the dispatch loop
    /// pushed itself: the new instance. RETURN_VALUE checks that `__init__` returned None
    /// (else raises TypeError in the caller, as CPython does) and returns the instance.
    /// Such a frame is never an `entry` frame. A GC root.
    pub init_self: Option<ObjRef>,
    /// Set for the `__len__` frame of a call `len(x)` that the dispatch loop pushed itself
    /// (`Vm::len_frame_target`): RETURN_VALUE checks the result as `len()` does.
    pub len_of: bool,
    /// Set for a generator's frame that a call `next(g)` (1) or `next(g, default)` (2)
    /// resumed in the dispatch loop (`Vm::gen_push_inline`): 0 otherwise. Its `ret_sp` is
    /// the call's; the call's arguments are just below `base` (the generator at
    /// `base - next_of`, the default at `base - 1`). YIELD_VALUE
    /// gives the value to the caller as the call's result, RETURN_VALUE gives the default
    /// or raises StopIteration in the caller.
    pub next_of: u8,
    /// Set for a frame that does not count toward the recursion limit (`Vm::hidden_frames`):
    /// the `_consume` loop CALL runs for `sum(gen)` (`Vm::push_consume_frame_at`). CPython's
    /// call of `sum` enters no recursion level; `any`, `all`, `min` and `max` enter one, as
    /// their frames here do.
    pub uncounted: bool,
    /// Set for a binary operator's dunder (`a.__add__(b)`...) that BINARY_OP runs as a
    /// frame of the dispatch loop: if it returns NotImplemented, RETURN_VALUE goes on with
    /// the rest of the protocol (`Vm::binary_op_dunder_from`). The operands are GC roots.
    pub binop: Option<BinopFrame>,
}

/// What RETURN_VALUE of a dunder frame needs to finish the binary operation.
#[derive(Clone, Copy, Debug)]
pub struct BinopFrame {
    /// The operation (in-place or not).
    pub op: crate::bytecode::BinOp,
    /// The operands.
    pub a: Value,
    pub b: Value,
    /// Where the protocol goes on after NotImplemented (see `binary_op_dunder_from`).
    pub stage: u8,
}

/// Hooks the JIT implements; the runtime calls them and knows nothing of the JIT. While a
/// hook runs, `Vm::hooks` is empty (the hook has the VM to itself).
pub trait JitHooks {
    /// The top frame took a hot loop back-edge (its pc is the loop header `target`, the
    /// back-edge instruction is at `jump_pc`). The hook may start recording, or run a
    /// compiled trace and leave the interpreter state (frames, pcs, stack) where the trace
    /// exited. Returns whether the state changed; an error is raised in the top frame,
    /// whose pc the hook has set.
    fn back_edge(&mut self, vm: &mut Vm, jump_pc: usize, target: usize) -> PyResult<bool>;
    /// The top frame is a call of a plain Python function that became hot, about to run
    /// its first instruction. As `back_edge`: the hook may start recording a function
    /// entry trace or run one. Returns whether the state changed.
    fn call_entry(&mut self, _vm: &mut Vm) -> PyResult<bool> {
        Ok(false)
    }
    /// While `Vm::recording` is set: the top frame is about to run the instruction at its
    /// pc (operands on the stack).
    fn record(&mut self, vm: &mut Vm);
    /// Objects compiled traces refer to (GC roots).
    fn roots(&self, out: &mut Vec<ObjRef>);
    /// The program ends (print reports).
    fn at_exit(&mut self, vm: &mut Vm);
}

/// Interned strings the runtime uses often.
pub struct Names {
    pub init: ObjRef,
    pub new: ObjRef,
    pub repr: ObjRef,
    pub str: ObjRef,
    pub hash: ObjRef,
    pub eq: ObjRef,
    pub ne: ObjRef,
    pub len: ObjRef,
    pub bool_: ObjRef,
    pub iter: ObjRef,
    pub next: ObjRef,
    pub getitem: ObjRef,
    pub setitem: ObjRef,
    pub delitem: ObjRef,
    pub contains: ObjRef,
    pub call: ObjRef,
    pub getattr: ObjRef,
    pub getattribute: ObjRef,
    pub setattr: ObjRef,
    pub delattr: ObjRef,
    pub enter: ObjRef,
    pub exit: ObjRef,
    pub name: ObjRef,
    pub qualname: ObjRef,
    pub module: ObjRef,
    pub doc: ObjRef,
    pub dict: ObjRef,
    pub class: ObjRef,
    pub classcell: ObjRef,
    pub get: ObjRef,
    pub set: ObjRef,
    pub delete: ObjRef,
    pub neg: ObjRef,
    pub pos: ObjRef,
    pub invert: ObjRef,
    pub abs: ObjRef,
    pub index: ObjRef,
    pub int: ObjRef,
    pub float: ObjRef,
    pub format: ObjRef,
    pub reversed: ObjRef,
    pub missing: ObjRef,
    pub set_name: ObjRef,
    pub init_subclass: ObjRef,
    pub write: ObjRef,
    pub flush: ObjRef,
    pub args: ObjRef,
    pub builtins: ObjRef,
    pub main: ObjRef,
    pub file: ObjRef,
    pub round: ObjRef,
    pub trunc: ObjRef,
    pub floor: ObjRef,
    pub ceil: ObjRef,
    pub slots: ObjRef,
}

/// Interned names looked up by operators (no hashing of a `&str` per operation), and
/// the one-character ASCII strings (CPython shares them too).
pub struct OpNames {
    /// `(__op__, __rop__, __iop__)` by `BinOp` index (the first 13, the base operators).
    pub bin: [[ObjRef; 3]; 13],
    /// `__lt__` ... by `CmpOp` index.
    pub cmp: [ObjRef; 6],
    /// The str of each ASCII character.
    pub chars: [ObjRef; 128],
}

macro_rules! define_types {
    ($($field:ident = $name:literal),* $(,)?) => {
        /// The built-in types.
        pub struct Types { $(pub $field: ObjRef,)* }
        /// Names of the built-in types, in `Types` order.
        pub const TYPE_NAMES: &[&str] = &[$($name,)*];
        impl Types {
            fn from_vec(v: &[ObjRef]) -> Types {
                let mut it = v.iter().copied();
                Types { $($field: it.next().unwrap(),)* }
            }
            /// Every built-in type (GC roots).
            pub fn all(&self) -> Vec<ObjRef> {
                vec![$(self.$field,)*]
            }
        }
    };
}

define_types! {
    object = "object", type_ = "type", int = "int", bool_ = "bool", float = "float",
    complex = "complex", str = "str", list = "list", tuple = "tuple", dict = "dict", set = "set",
    frozenset = "frozenset", bytes = "bytes", bytearray = "bytearray", range = "range",
    slice = "slice", function = "function", builtin_function = "builtin_function_or_method",
    method = "method", code = "code", module = "module", cell = "cell", generator = "generator",
    property = "property", staticmethod = "staticmethod", classmethod = "classmethod",
    super_ = "super", none_type = "NoneType", notimplemented_type = "NotImplementedType",
    ellipsis_type = "ellipsis", dict_keys = "dict_keys", dict_values = "dict_values",
    dict_items = "dict_items", textio = "TextIOWrapper",
}

/// Declares the exception hierarchy once: each class with its base.
macro_rules! define_exceptions {
    ($($field:ident : $base:ident),* $(,)?) => {
        /// The built-in exception classes (fields named as the Python classes).
        #[allow(non_snake_case)]
        pub struct ExcTypes { $(pub $field: ObjRef,)* }
        /// (name, base name) of every built-in exception, bases first.
        pub const EXCEPTION_TABLE: &[(&str, &str)] = &[$((stringify!($field), stringify!($base)),)*];
        impl ExcTypes {
            fn from_map(m: &FxHashMap<&'static str, ObjRef>) -> ExcTypes {
                ExcTypes { $($field: m[stringify!($field)],)* }
            }
            /// Every built-in exception class (GC roots).
            pub fn all(&self) -> Vec<ObjRef> {
                vec![$(self.$field,)*]
            }
        }
    };
}

define_exceptions! {
    BaseException: object,
    BaseExceptionGroup: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    // Also derives from BaseExceptionGroup (set up by builtins::exceptions::register).
    ExceptionGroup: Exception,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UserWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

/// Where `print` and `sys.stdout.write` go when sys.stdout is the real stdout.
pub enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    /// Captured (for the embedding API and tests).
    Capture(Vec<u8>),
}

/// Settings a VM is created with.
#[derive(Clone, Debug)]
pub struct VmOptions {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path` (module search path); the script's directory first.
    pub path: Vec<String>,
    /// Capture stdout instead of writing to the process's stdout.
    pub capture_stdout: bool,
    /// Whether stdin/stdout are interactive (REPL).
    pub interactive: bool,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions { argv: vec![String::new()], path: vec![".".into()], capture_stdout: false, interactive: false }
    }
}

/// The interpreter state.
pub struct Vm {
    pub heap: Heap,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// Values native code holds across calls into Python (see heap.rs invariants).
    pub roots: Vec<Value>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    pub interned: FxHashMap<Box<str>, ObjRef>,
    pub names: Names,
    pub op_names: OpNames,
    pub types: Types,
    pub exc: ExcTypes,
    /// Classes of built-in iterators, by type name.
    pub iter_types: FxHashMap<&'static str, ObjRef>,
    pub builtins: ObjRef,
    pub builtins_dict: ObjRef,
    /// `sys.modules`: a dict of name -> module.
    pub modules: ObjRef,
    pub shapes: Shapes,
    pub none_str: ObjRef,
    pub empty_tuple: ObjRef,
    pub not_implemented: Value,
    /// The builtin `len` function (CALL runs a Python `__len__` in the dispatch loop).
    pub len_builtin: Value,
    /// The builtin `next` function (CALL resumes a generator in the dispatch loop).
    pub next_builtin: Value,
    /// The built-ins `sum`, `any`, `all`, `min`, `max` (`CONSUME_BUILTINS`): called with a
    /// generator, CALL runs their `_consume` loop as a frame (`Vm::push_consume_frame_at`).
    pub consume_builtins: [Value; 5],
    /// Their `_consume` functions, once that module is loaded (`Vm::consume_func`).
    pub consume_funcs: Option<[ObjRef; 5]>,
    /// Frames on the frame stack that do not count toward the recursion limit
    /// (`Frame::uncounted`, `call_consume`'s of sum and `collect`): `recursion_limit` is
    /// this much above the limit the program set (`sys.getrecursionlimit()`).
    pub hidden_frames: usize,
    pub ellipsis: Value,
    pub stdout_obj: Value,
    pub stderr_obj: Value,
    pub recursion_limit: usize,
    /// Nesting of Rust-level recursion (repr of nested containers, nested `run` calls).
    pub native_depth: usize,
    pub interrupt: Arc<AtomicBool>,
    pub output: Output,
    pub options: VmOptions,
    /// Bumped when any class namespace changes (invalidates attribute caches).
    pub class_epoch: Cell<u64>,
    pub hooks: Option<Box<dyn JitHooks>>,
    /// Loop back-edge count that makes a loop hot (0: never).
    pub jit_threshold: u32,
    /// Set while the JIT records: the interpreter calls `JitHooks::record` before each
    /// instruction.
    pub recording: bool,
    /// Native-module initialisers by module name (`sys`, `math`, ...).
    pub native_modules: FxHashMap<&'static str, fn(&mut Vm) -> PyResult<ObjRef>>,
    /// Python source of modules shipped inside the binary, by module name.
    pub embedded_modules: FxHashMap<&'static str, &'static str>,
    /// Counter for `set.pop`.
    pub set_finger: usize,
    /// Objects currently being repr'd (for `[...]` on recursive containers).
    pub repr_stack: Vec<usize>,
    pub start_time: std::time::Instant,
    /// Source text of every compiled file, for tracebacks.
    pub sources: FxHashMap<String, Rc<str>>,
    /// Set by YIELD_VALUE so `gen_resume` can tell a yield from a return.
    pub yielded: bool,
    /// Set by RERAISE and bare `raise`: the error keeps its traceback as is.
    pub reraise: bool,
    /// An exception to raise in a generator frame as it resumes (`throw`).
    pub pending_throw: Option<PyErr>,
}

/// Maximum nesting of Rust-level recursion, whatever the recursion limit says: the VM
/// thread's stack is sized for this.
pub const MAX_NATIVE_DEPTH: usize = 12_000;

impl Vm {
    /// Creates a VM with built-in types, exceptions, builtins and native modules.
    pub fn new(options: VmOptions) -> Vm {
        let mut heap = Heap::new();
        // Bootstrap: the built-in types need dicts and names; create raw objects first.
        let mut interned: FxHashMap<Box<str>, ObjRef> = FxHashMap::default();
        let mut intern = |heap: &mut Heap, s: &str| -> ObjRef {
            if let Some(o) = interned.get(s) {
                return *o;
            }
            let o = heap.alloc(Kind::Str(Str::new(s.into())));
            interned.insert(s.into(), o);
            o
        };
        macro_rules! names {
            ($($f:ident = $s:literal),* $(,)?) => { Names { $($f: intern(&mut heap, $s),)* } };
        }
        let names = names! {
            init = "__init__", new = "__new__", repr = "__repr__", str = "__str__", hash = "__hash__",
            eq = "__eq__", ne = "__ne__", len = "__len__", bool_ = "__bool__", iter = "__iter__",
            next = "__next__", getitem = "__getitem__", setitem = "__setitem__", delitem = "__delitem__",
            contains = "__contains__", call = "__call__", getattr = "__getattr__",
            getattribute = "__getattribute__", setattr = "__setattr__", delattr = "__delattr__",
            enter = "__enter__", exit = "__exit__", name = "__name__", qualname = "__qualname__",
            module = "__module__", doc = "__doc__", dict = "__dict__", class = "__class__",
            classcell = "__classcell__", get = "__get__", set = "__set__", delete = "__delete__",
            neg = "__neg__", pos = "__pos__", invert = "__invert__", abs = "__abs__", index = "__index__",
            int = "__int__", float = "__float__", format = "__format__", reversed = "__reversed__",
            missing = "__missing__", set_name = "__set_name__", init_subclass = "__init_subclass__",
            write = "write", flush = "flush", args = "args", builtins = "builtins", main = "__main__",
            file = "__file__", round = "__round__", trunc = "__trunc__", floor = "__floor__",
            ceil = "__ceil__", slots = "__slots__",
        };
        let none_str = intern(&mut heap, "None");
        let op_names = OpNames {
            bin: std::array::from_fn(|i| {
                let (f, r, inp) = crate::bytecode::BinOp::ALL[i].dunders();
                [intern(&mut heap, f), intern(&mut heap, r), intern(&mut heap, inp)]
            }),
            cmp: std::array::from_fn(|i| intern(&mut heap, crate::bytecode::CmpOp::ALL[i].dunder())),
            chars: std::array::from_fn(|i| {
                let c = [i as u8];
                intern(&mut heap, std::str::from_utf8(&c).unwrap())
            }),
        };
        let mut type_objs = Vec::new();
        for name in TYPE_NAMES {
            let dict = heap.alloc(Kind::new_dict(RefCell::new(Dict::new())));
            type_objs.push(heap.alloc(Kind::new_class(Class {
                name: RefCell::new(name.to_string()),
                qualname: RefCell::new(name.to_string()),
                module: RefCell::new("builtins".into()),
                bases: RefCell::new(vec![]),
                mro: RefCell::new(vec![]),
                dict,
                base_kind: BaseKind::Builtin,
                construct: Cell::new(None),
                builtin: true,
                version: Cell::new(0),
                cache: RefCell::new(FxHashMap::default()),
                meta: Cell::new(None),
            })));
        }
        let types = Types::from_vec(&type_objs);
        // Wire bases and MROs of the built-in types: everything derives from object,
        // bool from int.
        for &t in &type_objs {
            let c = t.as_class().unwrap();
            if t.ptr_eq(types.object) {
                *c.mro.borrow_mut() = vec![t];
            } else if t.ptr_eq(types.bool_) {
                *c.bases.borrow_mut() = vec![types.int];
                *c.mro.borrow_mut() = vec![t, types.int, types.object];
            } else {
                *c.bases.borrow_mut() = vec![types.object];
                *c.mro.borrow_mut() = vec![t, types.object];
            }
        }
        let empty_tuple = heap.alloc(Kind::Tuple(Box::new([])));
        let not_implemented = Value::Obj(heap.alloc(Kind::Singleton("NotImplemented")));
        let ellipsis = Value::Obj(heap.alloc(Kind::Singleton("Ellipsis")));
        let builtins_dict = heap.alloc(Kind::new_dict(RefCell::new(Dict::new())));
        let builtins = heap.alloc(Kind::Module(Module { name: "builtins".into(), dict: builtins_dict }));
        let modules = heap.alloc(Kind::new_dict(RefCell::new(Dict::new())));
        // Placeholder exception types until the hierarchy is built below.
        let placeholder: FxHashMap<&'static str, ObjRef> =
            EXCEPTION_TABLE.iter().map(|(n, _)| (*n, types.object)).collect();
        let exc = ExcTypes::from_map(&placeholder);
        let mut vm = Vm {
            heap,
            stack: Vec::with_capacity(1 << 16),
            frames: Vec::with_capacity(256),
            roots: Vec::new(),
            handled: Value::None,
            interned,
            names,
            op_names,
            types,
            exc,
            iter_types: FxHashMap::default(),
            builtins,
            builtins_dict,
            modules,
            shapes: Shapes::new(),
            none_str,
            empty_tuple,
            not_implemented,
            len_builtin: Value::None,
            next_builtin: Value::None,
            consume_builtins: [Value::None; 5],
            consume_funcs: None,
            hidden_frames: 0,
            ellipsis,
            stdout_obj: Value::None,
            stderr_obj: Value::None,
            recursion_limit: 1000,
            native_depth: 0,
            interrupt: Arc::new(AtomicBool::new(false)),
            output: if options.capture_stdout {
                Output::Capture(Vec::new())
            } else {
                Output::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()))
            },
            options,
            class_epoch: Cell::new(1),
            hooks: None,
            jit_threshold: 0,
            recording: false,
            native_modules: FxHashMap::default(),
            embedded_modules: FxHashMap::default(),
            set_finger: 0,
            repr_stack: Vec::new(),
            start_time: std::time::Instant::now(),
            sources: FxHashMap::default(),
            yielded: false,
            reraise: false,
            pending_throw: None,
        };
        // Exceptions.
        let mut map: FxHashMap<&'static str, ObjRef> = FxHashMap::default();
        for (name, base) in EXCEPTION_TABLE {
            let base = if *base == "object" { vm.types.object } else { map[base] };
            let cls = vm.new_class_raw(name, vec![base], BaseKind::Exception, true);
            map.insert(name, cls);
        }
        vm.exc = ExcTypes::from_map(&map);
        for (name, cls) in &map {
            vm.set_builtin(name, Value::Obj(*cls));
        }
        let env_error = vm.exc.OSError;
        vm.set_builtin("EnvironmentError", Value::Obj(env_error));
        vm.set_builtin("IOError", Value::Obj(env_error));
        crate::builtins::init(&mut vm);
        vm
    }

    // -- Strings and allocation -------------------------------------------------------

    /// The interned str object for `s`.
    pub fn intern(&mut self, s: &str) -> ObjRef {
        if let Some(o) = self.interned.get(s) {
            return *o;
        }
        let o = self.heap.alloc(Kind::Str(Str::new(s.into())));
        self.interned.insert(s.into(), o);
        o
    }

    /// Allocates an object.
    #[inline]
    pub fn alloc(&mut self, kind: Kind) -> ObjRef {
        self.heap.alloc(kind)
    }

    /// A new str value.
    pub fn new_str(&mut self, s: impl Into<Box<str>>) -> Value {
        let s: Box<str> = s.into();
        if s.len() == 1 && s.is_ascii() {
            return Value::Obj(self.op_names.chars[s.as_bytes()[0] as usize]);
        }
        if s.is_empty() {
            return Value::Obj(self.intern(&s));
        }
        Value::Obj(self.heap.alloc(Kind::Str(Str::new(s))))
    }

    /// A new int from a BigInt (inline when it fits in i64).
    pub fn new_int(&mut self, b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(self.heap.alloc(Kind::BigInt(b))),
        }
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(Kind::List(RefCell::new(items))))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.empty_tuple);
        }
        Value::Obj(self.heap.alloc(Kind::Tuple(items.into_boxed_slice())))
    }

    pub fn new_dict(&mut self, d: Dict) -> Value {
        Value::Obj(self.heap.alloc(Kind::new_dict(RefCell::new(d))))
    }

    pub fn new_native(&mut self, name: &'static str, f: NativeFn) -> Value {
        Value::Obj(self.heap.alloc(Kind::Native(Native { name, owner: None, f, bound: Value::Undef })))
    }

    // -- Classes -------------------------------------------------------------------------

    /// Creates a class without running any Python code (for built-in classes).
    pub fn new_class_raw(&mut self, name: &str, bases: Vec<ObjRef>, base_kind: BaseKind, builtin: bool) -> ObjRef {
        let dict = self.alloc(Kind::new_dict(RefCell::new(Dict::new())));
        let construct = Cell::new(bases.iter().find_map(|b| b.as_class().and_then(|c| c.construct.get())));
        let cls = self.alloc(Kind::new_class(Class {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            module: RefCell::new("builtins".into()),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(vec![]),
            dict,
            base_kind,
            construct,
            builtin,
            version: Cell::new(0),
            cache: RefCell::new(FxHashMap::default()),
            meta: Cell::new(None),
        }));
        let mro = crate::ops::compute_mro(self, cls, &bases).unwrap_or_else(|_| vec![cls, self.types.object]);
        *cls.as_class().unwrap().mro.borrow_mut() = mro;
        cls
    }

    /// Stores a value in a class namespace by name.
    pub fn set_class_attr(&mut self, cls: ObjRef, name: &str, v: Value) {
        let key = self.intern(name);
        let dict = cls.as_class().expect("class").dict;
        crate::ops::dict_set_str(dict, key, v);
        self.class_epoch.set(self.class_epoch.get() + 1);
    }

    /// Registers a native method on a (built-in) class.
    pub fn add_method(&mut self, cls: ObjRef, name: &'static str, f: NativeFn) {
        let owner: &'static str = {
            let n = cls.as_class().unwrap().name.borrow().clone();
            Box::leak(n.into_boxed_str())
        };
        let m = Value::Obj(self.alloc(Kind::Native(Native { name, owner: Some(owner), f, bound: Value::Undef })));
        self.set_class_attr(cls, name, m);
    }

    /// Registers a native static or class method: `kind` is "static" or "class".
    pub fn add_static_method(&mut self, cls: ObjRef, name: &'static str, f: NativeFn, class_method: bool) {
        let n = self.new_native(name, f);
        let wrapped = if class_method { Kind::ClassMethod(n) } else { Kind::StaticMethod(n) };
        let w = Value::Obj(self.alloc(wrapped));
        self.set_class_attr(cls, name, w);
    }

    /// Defines a builtin name (in the builtins module).
    pub fn set_builtin(&mut self, name: &str, v: Value) {
        let key = self.intern(name);
        crate::ops::dict_set_str(self.builtins_dict, key, v);
    }

    /// Registers a builtin function.
    pub fn add_builtin(&mut self, name: &'static str, f: NativeFn) {
        let v = self.new_native(name, f);
        self.set_builtin(name, v);
    }

    /// Creates a module object with a fresh namespace holding `__name__`.
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = self.alloc(Kind::new_dict(RefCell::new(Dict::new())));
        let nm = self.new_str(name);
        let k = self.names.name;
        crate::ops::dict_set_str(dict, k, nm);
        let k = self.intern("__builtins__");
        crate::ops::dict_set_str(dict, k, Value::Obj(self.builtins));
        self.alloc(Kind::Module(Module { name: name.into(), dict }))
    }

    /// Adds a native function to a module.
    pub fn module_add_fn(&mut self, module: ObjRef, name: &'static str, f: NativeFn) {
        let v = self.new_native(name, f);
        self.module_set(module, name, v);
    }

    /// Sets a module attribute.
    pub fn module_set(&mut self, module: ObjRef, name: &str, v: Value) {
        let key = self.intern(name);
        if let Kind::Module(m) = &module.kind {
            crate::ops::dict_set_str(m.dict, key, v);
        }
    }

    /// Registers a native module initialiser (run on first import).
    pub fn register_native_module(&mut self, name: &'static str, init: fn(&mut Vm) -> PyResult<ObjRef>) {
        self.native_modules.insert(name, init);
    }

    // -- Errors --------------------------------------------------------------------------

    /// Creates an exception instance of `cls` with the given args.
    pub fn new_exception(&mut self, cls: ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.new_tuple(args);
        let shape = self.shapes.root();
        self.alloc(Kind::Instance(Instance {
            class: Cell::new(cls),
            shape: Cell::new(shape),
            slots: RefCell::new(Vec::new()),
            payload: Payload::new_exception(RefCell::new(ExcData {
                args,
                traceback: Vec::new(),
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
            })),
        }))
    }

    /// An exception of class `cls` with a message, as a `PyErr`.
    pub fn err(&mut self, cls: ObjRef, msg: impl AsRef<str>) -> PyErr {
        let m = self.new_str(msg.as_ref());
        PyErr(self.new_exception(cls, vec![m]))
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.TypeError;
        self.err(c, msg)
    }

    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.ValueError;
        self.err(c, msg)
    }

    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.IndexError;
        self.err(c, msg)
    }

    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.AttributeError;
        self.err(c, msg)
    }

    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.ZeroDivisionError;
        self.err(c, msg)
    }

    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.OverflowError;
        self.err(c, msg)
    }

    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.RuntimeError;
        self.err(c, msg)
    }

    pub fn name_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.NameError;
        self.err(c, msg)
    }

    pub fn not_implemented_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.NotImplementedError;
        self.err(c, msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.exc.KeyError;
        PyErr(self.new_exception(c, vec![key]))
    }

    /// `StopIteration(value)` (no args when value is None).
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let c = self.exc.StopIteration;
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr(self.new_exception(c, args))
    }

    /// RecursionError with CPython's message.
    pub fn recursion_error(&mut self, what: &str) -> PyErr {
        let c = self.exc.RecursionError;
        self.err(c, format!("maximum recursion depth exceeded{}", what))
    }

    /// Whether `err` is an instance of exception class `cls`.
    pub fn err_matches(&self, err: &PyErr, cls: ObjRef) -> bool {
        let t = self.type_of(Value::Obj(err.0));
        crate::ops::is_subclass(t, cls)
    }

    /// Enters a level of Rust recursion (repr, eq, hash of nested data; nested runs).
    #[inline]
    pub fn enter_native(&mut self, what: &str) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth + self.frames.len() > self.recursion_limit + 50 || self.native_depth > MAX_NATIVE_DEPTH {
            self.native_depth -= 1;
            return Err(self.recursion_error(what));
        }
        Ok(())
    }

    #[inline]
    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    // -- Output --------------------------------------------------------------------------

    /// Writes text to the process's stdout (or the capture buffer).
    pub fn write_stdout_raw(&mut self, s: &str) {
        match &mut self.output {
            Output::Stdout(w) => {
                let _ = w.write_all(s.as_bytes());
            }
            Output::Capture(buf) => buf.extend_from_slice(s.as_bytes()),
        }
    }

    /// Flushes buffered stdout.
    pub fn flush_stdout(&mut self) {
        if let Output::Stdout(w) = &mut self.output {
            let _ = w.flush();
        }
    }

    /// Takes what was captured so far (capture mode).
    pub fn take_captured(&mut self) -> String {
        match &mut self.output {
            Output::Capture(buf) => String::from_utf8_lossy(&std::mem::take(buf)).into_owned(),
            Output::Stdout(_) => String::new(),
        }
    }

    /// Writes text to stderr (flushing stdout first so the two interleave as written).
    pub fn write_stderr_raw(&mut self, s: &str) {
        self.flush_stdout();
        let mut e = std::io::stderr();
        let _ = e.write_all(s.as_bytes());
        let _ = e.flush();
    }

    // -- Code loading --------------------------------------------------------------------

    /// Turns a compiled code object into a runtime code object (materialising constants).
    pub fn load_code(&mut self, co: Rc<CodeObject>) -> ObjRef {
        let mut consts = Vec::with_capacity(co.consts.len());
        for c in &co.consts {
            let v = self.const_value(c);
            consts.push(v);
        }
        let names: Vec<ObjRef> = co.names.iter().map(|n| self.intern(n)).collect();
        let varnames: Vec<ObjRef> = co.varnames.iter().map(|n| self.intern(n)).collect();
        let cell_params: Vec<Option<u32>> =
            co.cellvars.iter().map(|c| co.varnames.iter().position(|v| v == c).map(|p| p as u32)).collect();
        let simple = co.kwonlyargcount == 0
            && co.flags
                & (crate::bytecode::flags::VARARGS
                    | crate::bytecode::flags::VARKEYWORDS
                    | crate::bytecode::flags::GENERATOR)
                == 0;
        let n = co.instrs.len();
        let code = Code {
            co,
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            varnames: varnames.into_boxed_slice(),
            cell_params: cell_params.into_boxed_slice(),
            simple,
            hot: RefCell::new(vec![0; if n > 0 { n } else { 0 }]),
            caches: (0..n).map(|_| Cell::new(InlineCache::default())).collect(),
            caches_more: (0..n).map(|_| std::array::from_fn(|_| Cell::new(InlineCache::default()))).collect(),
        };
        self.alloc(Kind::Code(Rc::new(code)))
    }

    /// The runtime value of a compile-time constant.
    pub fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(s) => {
                let b: BigInt = s.parse().unwrap_or_default();
                self.new_int(b)
            }
            Const::Float(f) => Value::Float(*f),
            Const::Str(s) => {
                // Identifier-like constants are interned, like CPython does.
                if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    Value::Obj(self.intern(s))
                } else {
                    self.new_str(s.as_str())
                }
            }
            Const::Bytes(b) => Value::Obj(self.alloc(Kind::Bytes(b.clone().into_boxed_slice()))),
            Const::Ellipsis => self.ellipsis,
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(vals)
            }
            Const::Code(co) => Value::Obj(self.load_code(co.clone())),
        }
    }

    // -- GC ------------------------------------------------------------------------------

    /// Runs a JIT hook with the VM (the hook is taken out of `hooks` meanwhile).
    pub fn with_hooks<R>(&mut self, f: impl FnOnce(&mut dyn JitHooks, &mut Vm) -> R) -> Option<R> {
        let mut h = self.hooks.take()?;
        let r = f(h.as_mut(), self);
        self.hooks = Some(h);
        Some(r)
    }

    /// Collects garbage now. Only call at a safepoint (see heap.rs).
    pub fn collect(&mut self) -> usize {
        let mut roots: Vec<ObjRef> = Vec::with_capacity(self.stack.len() + 1024);
        let push = |v: &Value, roots: &mut Vec<ObjRef>| {
            if let Value::Obj(o) = v {
                roots.push(*o);
            }
        };
        for v in &self.stack {
            push(v, &mut roots);
        }
        for v in &self.roots {
            push(v, &mut roots);
        }
        if let Some(h) = &self.hooks {
            h.roots(&mut roots);
        }
        for f in &self.frames {
            roots.push(f.code_obj);
            roots.push(f.globals);
            if let Some(x) = f.func {
                roots.push(x);
            }
            if let Some(x) = f.locals {
                roots.push(x);
            }
            if let Some(x) = f.generator {
                roots.push(x);
            }
            if let Some(x) = f.init_self {
                roots.push(x);
            }
            if let Some(bf) = f.binop {
                roots.extend([bf.a, bf.b].iter().filter_map(|v| v.as_obj()));
            }
        }
        push(&self.handled, &mut roots);
        roots.extend(self.interned.values().copied());
        roots.extend(self.iter_types.values().copied());
        roots.extend([self.builtins, self.builtins_dict, self.modules, self.none_str, self.empty_tuple]);
        push(&self.not_implemented, &mut roots);
        push(&self.len_builtin, &mut roots);
        push(&self.next_builtin, &mut roots);
        for b in &self.consume_builtins {
            push(b, &mut roots);
        }
        roots.extend(self.consume_funcs.iter().flatten().copied());
        push(&self.ellipsis, &mut roots);
        push(&self.stdout_obj, &mut roots);
        push(&self.stderr_obj, &mut roots);
        // Built-in types and exception classes: Rust code uses them directly, so they stay
        // alive even if Python code deletes their names from builtins.
        roots.extend(self.types.all());
        roots.extend(self.exc.all());
        self.heap.collect(&mut roots)
    }

    /// Runs a collection if one is wanted. Called at safepoints by the interpreter.
    #[inline]
    pub fn maybe_collect(&mut self) {
        if self.heap.wanted {
            self.collect();
        }
    }

    /// Checks for Ctrl-C; raises KeyboardInterrupt if it was pressed.
    #[inline]
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        if self.interrupt.load(Ordering::Relaxed) {
            self.interrupt.store(false, Ordering::Relaxed);
            let c = self.exc.KeyboardInterrupt;
            return Err(PyErr(self.new_exception(c, vec![])));
        }
        Ok(())
    }
}
