//! The trace IR: typed SSA instructions with guards and snapshots, defined once in the
//! `ir_ops!` table; a builder, a text dump (`Display`) and a verifier.
//!
//! A `Trace` is a straight list of instructions. An instruction's `IrRef` is its index in
//! that list, and an operand always names an earlier instruction, except the second
//! operand of a `Phi` (the value carried round the loop), which names a later one.
//!
//! The shape of a looping trace (LuaJIT's, with the phis moved to the loop header so a
//! hand-written trace reads top to bottom):
//!
//! ```text
//! 0000 i64  sload_int  #0          entry: load and guard the slots the trace reads
//! 0001 i64  sload_int  #1
//! 0002 nil  loop                   the loop header: everything below repeats
//! 0003 i64  phi        0000 0005   i = phi(entry value, value at the end of the body)
//! 0004 i64  kint       1
//! 0005 i64  add_ov     0003 0004  [snap 0, exit 0]
//! ...                              falling off the end jumps back to `loop`
//! ```
//!
//! Values live in SSA refs while the trace runs; interpreter slots are written only by
//! `sstore` and by the exit path of a guard, which writes its snapshot (slot -> ref) back.
//! A trace without `loop` ends with `exit`, an unconditional guard.

use std::fmt;

use crate::helpers as h;

// -- Typed indices -----------------------------------------------------------------------

macro_rules! typed_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// The index as a `usize`, for indexing the list it points into.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

typed_index!(
    /// An instruction of a trace (its index in `Trace::ins`); also the SSA value it defines.
    IrRef
);
typed_index!(
    /// A snapshot of a trace (index in `Trace::snaps`).
    SnapNo
);
typed_index!(
    /// An exit of a trace: the number compiled code returns when that guard fails. Exits
    /// are numbered densely in instruction order (index in `Trace::exits`).
    ExitNo
);
typed_index!(
    /// An interpreter slot: index into the `Value` array compiled code is handed.
    Slot
);

// -- Types -------------------------------------------------------------------------------

/// The type of an IR value.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// A 64-bit integer (Python int in i64 range, or a tag word).
    I64,
    /// A 128-bit integer: a Python int that may be past i64 ("wide"), kept unboxed. Where
    /// the interpreter sees it (an exit's slot, a helper's argument as a `Value`) it is
    /// materialized as the runtime represents that int: inline when it fits i64, else a big
    /// int object (`helpers::wide_box`).
    I128,
    /// A 64-bit float.
    F64,
    /// A boolean (result of a compare, or a Python bool).
    Bool,
    /// A heap object pointer (a Python value with the `OBJ` tag).
    Obj,
    /// A boxed 16-byte `Value` (tag and payload), passed through unexamined.
    Value,
    /// No value (stores, guards, markers).
    Nil,
}

impl Type {
    /// The name in the text dump.
    pub fn name(self) -> &'static str {
        match self {
            Type::I64 => "i64",
            Type::I128 => "i128",
            Type::F64 => "f64",
            Type::Bool => "bool",
            Type::Obj => "obj",
            Type::Value => "val",
            Type::Nil => "nil",
        }
    }

    /// The `Value` tag a slot gets when a value of this type is written back to it, if the
    /// type fixes the tag (a boxed `Value` carries its own; a wide int's depends on its
    /// magnitude).
    pub fn slot_tag(self) -> Option<u64> {
        use krait_runtime::value::tag;
        match self {
            Type::I64 => Some(tag::INT),
            Type::F64 => Some(tag::FLOAT),
            Type::Bool => Some(tag::BOOL),
            Type::Obj => Some(tag::OBJ),
            Type::I128 | Type::Value | Type::Nil => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

// -- The op table ------------------------------------------------------------------------

/// What an operand field of an op holds (the verifier's contract for each op).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// Unused: must be `Arg::None`.
    Nil,
    /// An immediate (`Arg::Imm`): int constant, float bits, tag number.
    Imm,
    /// An interpreter slot (`Arg::Slot`).
    Slot,
    /// A helper table entry (`Arg::Helper`).
    Helper,
    /// A ref of type i64.
    I64,
    /// A ref of type i128.
    I128,
    /// A ref of type f64.
    F64,
    /// A ref of type bool.
    Bool,
    /// A ref of type obj.
    Obj,
    /// A ref of type val (a boxed value).
    Val,
    /// A ref of any value type (not nil).
    Any,
    /// A ref of the same type as operand `a`.
    SameAsA,
    /// The arguments of a helper call: a ref, or a `carg` chain for several.
    Args,
    /// A ref of any type, including nil (a `carg` chain link).
    ArgList,
}

/// The type of an op's result.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ResultType {
    /// Always this type.
    Fixed(Type),
    /// The type of operand `a` (phi).
    OfA,
    /// The result type of the helper named by operand `b` (call).
    OfHelper,
}

/// What running an op may do, for passes deciding what they may move, merge or drop.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// No effect: may be folded, merged (CSE), hoisted or removed when unused.
    Pure,
    /// Reads interpreter slots: may be merged with an identical load if no store intervenes.
    Load,
    /// May leave the trace: carries a snapshot and an exit number; never removed unless
    /// proved redundant.
    Guard,
    /// Writes interpreter slots: runs exactly once, never removed.
    Store,
    /// Calls a runtime helper.
    Call,
    /// Structure of the trace (loop header, phi, argument list).
    Marker,
}

macro_rules! ir_ops {
    ($($(#[$doc:meta])* $op:ident $name:literal $res:ident, $a:ident, $b:ident, $eff:ident;)*) => {
        /// An IR opcode. The table in `ir_ops!` is the single definition of every op.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Op {
            $($(#[$doc])* $op,)*
        }

        impl Op {
            /// Every op, in table order.
            pub const ALL: &'static [Op] = &[$(Op::$op,)*];

            /// The name in the text dump.
            pub fn name(self) -> &'static str {
                match self { $(Op::$op => $name,)* }
            }

            /// The result type.
            pub fn result(self) -> ResultType {
                match self { $(Op::$op => ir_ops!(@res $res),)* }
            }

            /// What operands `a` and `b` hold.
            pub fn operands(self) -> [OperandKind; 2] {
                match self { $(Op::$op => [OperandKind::$a, OperandKind::$b],)* }
            }

            /// What the op may do.
            pub fn effect(self) -> Effect {
                match self { $(Op::$op => Effect::$eff,)* }
            }
        }
    };
    (@res OfA) => { ResultType::OfA };
    (@res OfHelper) => { ResultType::OfHelper };
    (@res $t:ident) => { ResultType::Fixed(Type::$t) };
}

ir_ops! {
    // -- Constants --
    /// An i64 constant (`a`: the value).
    KInt      "kint"      I64,      Imm,    Nil,     Pure;
    /// An f64 constant (`a`: its bits).
    KFloat    "kfloat"    F64,      Imm,    Nil,     Pure;
    /// A bool constant (`a`: 0 or 1).
    KBool     "kbool"     Bool,     Imm,    Nil,     Pure;
    /// A heap object constant (`a`: its address; the trace keeps the object alive).
    KObj      "kobj"      Obj,      Imm,    Nil,     Pure;
    /// A boxed constant (`a`: index into `Trace::consts`), e.g. None or the unbound marker.
    KVal      "kval"      Value,    Imm,    Nil,     Pure;
    /// The runtime context pointer compiled code was handed (helpers take it first).
    Ctx       "ctx"       I64,      Nil,    Nil,     Pure;

    // -- Interpreter slots --
    /// The tag word of a slot.
    SLoadTag  "sload_tag" I64,      Slot,   Nil,     Load;
    /// The payload of a slot holding an int (guard its tag first).
    SLoadInt  "sload_int" I64,      Slot,   Nil,     Load;
    /// The payload of a slot holding a float (guard its tag first).
    SLoadFloat "sload_float" F64,   Slot,   Nil,     Load;
    /// The payload of a slot holding a bool (guard its tag first).
    SLoadBool "sload_bool" Bool,    Slot,   Nil,     Load;
    /// The payload of a slot holding an object (guard its tag first).
    SLoadObj  "sload_obj" Obj,      Slot,   Nil,     Load;
    /// A whole slot, boxed (tag and payload), not examined.
    SLoadVal  "sload_val" Value,    Slot,   Nil,     Load;
    /// Write `b` to slot `a`; the tag comes from `b`'s type (a boxed value brings its own).
    SStore    "sstore"    Nil,      Slot,   Any,     Store;

    // -- Memory a helper handed out (a suspended generator's saved frame) --
    /// The address `a + b` (`b`: a byte offset).
    PAdd      "padd"      I64,      I64,    Imm,     Pure;
    /// The boxed value (tag and payload) at address `a + b` (`b`: a byte offset).
    PLoadVal  "pload_val" Value,    I64,    Imm,     Load;
    /// Write `b`, boxed, at address `a`.
    PStore    "pstore"    Nil,      I64,    Any,     Store;

    // -- Boxed values (results of helpers that return any Python value) --
    /// The tag word of a boxed value.
    TagOf     "tag_of"    I64,      Val,    Nil,     Pure;
    /// The payload of a boxed int (guard its tag first).
    UnboxInt  "unbox_int" I64,      Val,    Nil,     Pure;
    /// The payload of a boxed float (guard its tag first).
    UnboxFloat "unbox_float" F64,   Val,    Nil,     Pure;
    /// The payload of a boxed bool (guard its tag first).
    UnboxBool "unbox_bool" Bool,    Val,    Nil,     Pure;
    /// The payload of a boxed object (guard its tag first).
    UnboxObj  "unbox_obj" Obj,      Val,    Nil,     Pure;
    /// Box a typed value (its type gives the tag); a boxed value passes through.
    Box       "box"       Value,    Any,    Nil,     Pure;

    // -- Integer arithmetic: leaves the trace on overflow (the interpreter promotes to a
    // big int), so the result is always the exact i64 --
    /// `a + b`, exits on overflow.
    AddOv     "add_ov"    I64,      I64,    I64,     Guard;
    /// `a - b`, exits on overflow.
    SubOv     "sub_ov"    I64,      I64,    I64,     Guard;
    /// `a * b`, exits on overflow.
    MulOv     "mul_ov"    I64,      I64,    I64,     Guard;

    // -- Wide integer arithmetic (i128): ints past i64 kept unboxed; exits where even i128
    // would overflow (the interpreter goes on with big ints) --
    /// `a` (an i64) as an i128.
    Widen     "widen"     I128,     I64,    Nil,     Pure;
    /// `a + b`, exits on i128 overflow.
    WAddOv    "wadd_ov"   I128,     I128,   I128,    Guard;
    /// `a - b`, exits on i128 overflow.
    WSubOv    "wsub_ov"   I128,     I128,   I128,    Guard;
    /// `a * b` of two i64s: exact in i128.
    WMul      "wmul"      I128,     I64,    I64,     Pure;
    /// `a * b`, exits on i128 overflow (and on a product of exactly -2**127:
    /// `helpers::wide_mul`).
    WMulOv    "wmul_ov"   I128,     I128,   I128,    Guard;
    /// `a % b` with Python's sign rule, exits on a zero divisor (`helpers::wide_mod_wide`).
    WModOv    "wmod_ov"   I128,     I128,   I128,    Guard;
    /// `a // b` (floor), exits on a zero divisor or a quotient past i128 (and on a quotient
    /// of exactly -2**127: `helpers::wide_floordiv_wide`).
    WFloorDivOv "wfloordiv_ov" I128, I128,  I128,    Guard;
    /// `a >> b` for `0 <= b` (arithmetic: Python's floor).
    WShr      "wshr"      I128,     I128,   I64,     Pure;
    /// Whether `a` fits i64.
    WFits     "wfits"     Bool,     I128,   Nil,     Pure;
    /// The low 64 bits of `a` (its value once `wfits` holds).
    WNarrow   "wnarrow"   I64,      I128,   Nil,     Pure;
    /// The big int object `a` as an i128; exits unless it is a big int inside
    /// (-2**127, 2**127) (`helpers::big_to_wide`).
    WUnbox    "wunbox"    I128,     Obj,    Nil,     Guard;
    /// `a < b` of wide ints.
    WLt       "wlt"       Bool,     I128,   I128,    Pure;
    /// `a <= b` of wide ints.
    WLe       "wle"       Bool,     I128,   I128,    Pure;
    /// `a > b` of wide ints.
    WGt       "wgt"       Bool,     I128,   I128,    Pure;
    /// `a >= b` of wide ints.
    WGe       "wge"       Bool,     I128,   I128,    Pure;
    /// `a == b` of wide ints.
    WEq       "weq"       Bool,     I128,   I128,    Pure;
    /// `a != b` of wide ints.
    WNe       "wne"       Bool,     I128,   I128,    Pure;
    /// `a & b`.
    BAnd      "band"      I64,      I64,    I64,     Pure;
    /// `a | b`.
    BOr       "bor"       I64,      I64,    I64,     Pure;
    /// `a ^ b`.
    BXor      "bxor"      I64,      I64,    I64,     Pure;
    /// `a >> b` (arithmetic; the recorder guards `0 <= b < 64`).
    Sar       "sar"       I64,      I64,    I64,     Pure;
    /// `a` as a float (round to nearest, as Python's `float(i)`).
    IToF      "itof"      F64,      I64,    Nil,     Pure;
    /// A bool as the int 0 or 1.
    BToI      "btoi"      I64,      Bool,   Nil,     Pure;

    // -- Integer compares --
    /// `a < b` (signed).
    Lt        "lt"        Bool,     I64,    I64,     Pure;
    /// `a <= b` (signed).
    Le        "le"        Bool,     I64,    I64,     Pure;
    /// `a > b` (signed).
    Gt        "gt"        Bool,     I64,    I64,     Pure;
    /// `a >= b` (signed).
    Ge        "ge"        Bool,     I64,    I64,     Pure;
    /// `a == b`.
    Eq        "eq"        Bool,     I64,    I64,     Pure;
    /// `a != b`.
    Ne        "ne"        Bool,     I64,    I64,     Pure;
    /// Identity of two objects (`a is b`).
    ObjEq     "obj_eq"    Bool,     Obj,    Obj,     Pure;
    /// `not a`.
    Not       "not"       Bool,     Bool,   Nil,     Pure;

    // -- Float arithmetic and compares (IEEE; a compare with NaN is false except `fne`) --
    /// `a + b`.
    FAdd      "fadd"      F64,      F64,    F64,     Pure;
    /// `a - b`.
    FSub      "fsub"      F64,      F64,    F64,     Pure;
    /// `a * b`.
    FMul      "fmul"      F64,      F64,    F64,     Pure;
    /// `a / b` (the recorder guards `b != 0` first: Python raises ZeroDivisionError).
    FDiv      "fdiv"      F64,      F64,    F64,     Pure;
    /// `-a`.
    FNeg      "fneg"      F64,      F64,    Nil,     Pure;
    /// `abs(a)`.
    FAbs      "fabs"      F64,      F64,    Nil,     Pure;
    /// `math.sqrt(a)` (the recorder guards `a >= 0`: Python raises ValueError).
    FSqrt     "fsqrt"     F64,      F64,    Nil,     Pure;
    /// `a < b`.
    FLt       "flt"       Bool,     F64,    F64,     Pure;
    /// `a <= b`.
    FLe       "fle"       Bool,     F64,    F64,     Pure;
    /// `a > b`.
    FGt       "fgt"       Bool,     F64,    F64,     Pure;
    /// `a >= b`.
    FGe       "fge"       Bool,     F64,    F64,     Pure;
    /// `a == b`.
    FEq       "feq"       Bool,     F64,    F64,     Pure;
    /// `a != b`.
    FNe       "fne"       Bool,     F64,    F64,     Pure;

    // -- Guards: continue when the condition holds, else leave through the snapshot --
    /// The tag word `a` equals the tag number `b`.
    GuardTag  "guard_tag" Nil,      I64,    Imm,     Guard;
    /// `a` is true.
    GuardTrue "guard_true" Nil,     Bool,   Nil,     Guard;
    /// `a` is false.
    GuardFalse "guard_false" Nil,   Bool,   Nil,     Guard;
    /// `a == b` (same type: i64, bool, obj or f64).
    GuardEq   "guard_eq"  Nil,      Any,    SameAsA, Guard;
    /// Nothing is pending (collection wanted, Ctrl-C): checked at the loop header.
    Pending   "pending"   Nil,      Nil,    Nil,     Guard;
    /// Leave unconditionally (the end of a trace without a loop).
    Exit      "exit"      Nil,      Nil,    Nil,     Guard;

    // -- Loop structure --
    /// The loop header: instructions after it repeat; the end of the list jumps back here.
    Loop      "loop"      Nil,      Nil,    Nil,     Marker;
    /// At the loop header: `a` on entry, `b` on each back-edge (all phis take their `b` at once).
    Phi       "phi"       OfA,      Any,    SameAsA, Marker;

    // -- Calls into the runtime --
    /// Argument list link: `a` then the arguments in `b` (a ref or another `carg`).
    CArg      "carg"      Nil,      Any,    ArgList, Marker;
    /// Call helper `b` with the arguments `a` (a ref, a `carg` chain, or none).
    CallHelper "call"     OfHelper, Args,   Helper,  Call;
}

// -- The helper table --------------------------------------------------------------------

macro_rules! helpers {
    ($($(#[$doc:meta])* $id:ident $name:literal ($($param:ident),*) -> $ret:ident, $eff:ident = $func:path;)*) => {
        /// A runtime helper compiled code may call, by its entry in the `helpers!` table.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Helper {
            $($(#[$doc])* $id,)*
        }

        impl Helper {
            /// Every helper, in table order.
            pub const ALL: &'static [Helper] = &[$(Helper::$id,)*];

            /// The name in the text dump.
            pub fn name(self) -> &'static str {
                match self { $(Helper::$id => $name,)* }
            }

            /// The parameter types (the C signature, in order; a boxed value is two words).
            pub fn params(self) -> &'static [Type] {
                match self { $(Helper::$id => &[$(Type::$param),*],)* }
            }

            /// The result type.
            pub fn result(self) -> Type {
                match self { $(Helper::$id => Type::$ret,)* }
            }

            /// What a call may do: `Pure` (depends only on its arguments), `Load` (reads
            /// mutable heap state), `Store` (changes heap state: never merged or moved).
            pub fn effect(self) -> Effect {
                match self { $(Helper::$id => Effect::$eff,)* }
            }

            /// The address of the `extern "C"` function.
            pub fn address(self) -> *const u8 {
                match self { $(Helper::$id => $func as *const u8,)* }
            }
        }
    };
}

helpers! {
    /// `a ** b` on floats (C `pow`).
    PowF64 "pow_f64" (F64, F64) -> F64, Pure = h::pow_f64;
    /// `math.floor` as a float.
    FloorF64 "floor_f64" (F64) -> F64, Pure = h::floor_f64;
    /// `math.sqrt` (the recorder guards `a >= 0`: Python raises ValueError).
    SqrtF64 "sqrt_f64" (F64) -> F64, Pure = h::sqrt_f64;
    /// `a // b` on ints (UNDEF on zero division or overflow).
    IntFloorDiv "int_floordiv" (I64, I64) -> Value, Pure = h::int_floordiv;
    /// `a % b` on ints (UNDEF on zero division).
    IntMod "int_mod" (I64, I64) -> Value, Pure = h::int_mod;
    /// A wide int as a Python int (inline when it fits i64, else a new big int object).
    WideBox "wide_box" (I64, I128) -> Value, Store = h::wide_box;
    /// A big int object as (lo, hi) words; `i128::MIN` when it is no big int or does not
    /// fit (`wunbox`'s helper).
    BigToWide "big_to_wide" (Obj) -> I128, Pure = h::big_to_wide;
    /// `a * b` of wide ints; `i128::MIN` when the product does not fit (`wmul_ov`'s helper).
    WideMul "wide_mul" (I128, I128) -> I128, Pure = h::wide_mul;
    /// `a % b` of wide ints (`WIDE_NONE` on zero division).
    WideModWide "wide_mod_wide" (I128, I128) -> I128, Pure = h::wide_mod_wide;
    /// `a // b` of wide ints (`WIDE_NONE` on zero division or a quotient outside i128).
    WideFloorDivWide "wide_floordiv_wide" (I128, I128) -> I128, Pure = h::wide_floordiv_wide;
    /// `a // b`, `a` wide (UNDEF on zero division or a quotient outside i64).
    WideFloorDiv "wide_floordiv" (I128, I64) -> Value, Pure = h::wide_floordiv;
    /// `a % b`, `a` wide (UNDEF on zero division).
    WideMod "wide_mod" (I128, I64) -> Value, Pure = h::wide_mod;
    /// `a // b` on floats (UNDEF on zero division).
    FloatFloorDiv "float_floordiv" (F64, F64) -> Value, Pure = h::float_floordiv;
    /// `a % b` on floats (UNDEF on zero division).
    FloatMod "float_mod" (F64, F64) -> Value, Pure = h::float_mod;
    /// `int(x)` of a float: the truncated int, UNDEF when `x` is not finite or outside
    /// the i64 range (the interpreter then makes the big int or raises).
    FloatToInt "float_to_int" (F64) -> Value, Pure = h::float_to_int;
    /// A math function of a float, by number (UNDEF on a domain error).
    Math1 "math1" (I64, F64) -> Value, Pure = h::math1;
    /// Exact int/float comparison `op(a, b)`.
    CmpIntFloat "cmp_int_float" (I64, I64, I64, F64) -> Bool, Pure = h::cmp_int_float;
    /// Any binary op on built-in operands (allocates: never merged).
    BinOp "binop" (I64, I64, Value, Value) -> Value, Store = h::binop;
    /// Any comparison of built-in scalar operands.
    Compare "compare" (I64, I64, Value, Value) -> Value, Pure = h::compare;
    /// A comparison of two tuples of built-in scalars (UNDEF, nothing done, otherwise).
    CompareTuples "compare_tuples" (I64, I64, Obj, Obj) -> Value, Load = h::compare_tuples;
    /// `k in c` for built-in containers when no Python code runs (UNDEF otherwise).
    Contains "contains" (I64, Obj, Value) -> Value, Load = h::contains;
    /// The kind number of an object (`helpers::kind`).
    ObjKind "obj_kind" (Obj) -> I64, Pure = h::obj_kind;
    /// The kind of a built-in iterator (0: not one `iter_next` handles).
    IterKind "iter_kind" (Obj) -> I64, Pure = h::iter_kind;
    /// Truth value of a built-in object.
    Truthy "truthy" (I64, Obj) -> Bool, Load = h::truthy;
    /// `len()` of a built-in container.
    Len "len" (I64, Obj) -> I64, Load = h::len;
    /// `len(list)`.
    ListLen "list_len" (Obj) -> I64, Load = h::list_len;
    /// `len(tuple)`.
    TupleLen "tuple_len" (Obj) -> I64, Pure = h::tuple_len;
    /// `list[i]` (UNDEF when out of range).
    ListGet "list_get" (Obj, I64) -> Value, Load = h::list_get;
    /// `tuple[i]` (UNDEF when out of range).
    TupleGet "tuple_get" (Obj, I64) -> Value, Pure = h::tuple_get;
    /// `list[i] = v` (false when out of range).
    ListSet "list_set" (Obj, I64, Value) -> Bool, Store = h::list_set;
    /// A function's `__defaults__`.
    FuncDefaults "func_defaults" (Obj) -> Value, Load = h::func_defaults;
    /// The value in a closure cell (UNDEF when empty).
    CellGet "cell_get" (Obj) -> Value, Load = h::cell_get;
    /// Set the value in a closure cell.
    CellSet "cell_set" (Obj, Value) -> Bool, Store = h::cell_set;
    /// A new instance of a plain class (no slots yet, the root shape).
    NewInstance "new_instance" (I64, Obj) -> Obj, Store = h::new_instance;
    /// A new empty list with room for `n` items.
    ListNew "list_new" (I64, I64) -> Obj, Store = h::list_new;
    /// A new empty dict.
    DictNew "dict_new" (I64) -> Obj, Store = h::dict_new;
    /// A new closure cell holding `v` (UNDEF: empty).
    CellNew "cell_new" (I64, Value) -> Obj, Store = h::cell_new;
    /// MAKE_FUNCTION of code `a` in globals `b` with closure `c` (a tuple of cells, or
    /// None).
    MakeFunction "make_function" (I64, Obj, Obj, Value) -> Obj, Store = h::make_function;
    /// A function's code object (never changes).
    FuncCode "func_code" (Obj) -> Obj, Pure = h::func_code;
    /// Cell `i` of a function's closure (never changes).
    FuncCell "func_cell" (Obj, I64) -> Obj, Pure = h::func_cell;
    /// A tuple of a list's items (the list is the trace's own, just built).
    TupleOfList "tuple_of_list" (I64, Obj) -> Obj, Store = h::tuple_of_list;
    /// Generator `a` is suspended with code `b`, at pc and started flag `c` (`pc << 1 |
    /// started`) with `d` saved values: the address of those values (else 0, nothing done).
    GenEnter "gen_enter" (Obj, Obj, I64, I64) -> I64, Store = h::gen_enter;
    /// Mark generator `a` started (its first resumption runs in the trace).
    GenStart "gen_start" (Obj) -> Bool, Store = h::gen_start;
    /// Generator `a` yields at pc `b` with `c` saved values: it is suspended there, its
    /// saved frame `c` long; the address to write the values that changed.
    GenYield "gen_yield" (Obj, I64, I64) -> I64, Store = h::gen_yield;
    /// Generator `a`, resumed by compiled code, returns: it is finished (false, nothing
    /// done, if it is in use).
    GenFinish "gen_finish" (Obj) -> Bool, Store = h::gen_finish;
    /// `list.pop(i)`: the item at `b` (negative counts from the end; -1 for `pop()`),
    /// removed, if in range and its tag is `c` (else UNDEF, nothing done).
    ListPop "list_pop" (Obj, I64, I64) -> Value, Store = h::list_pop;
    /// `list.extend(s)` with a list or tuple `s` (false, nothing done, otherwise).
    ListExtend "list_extend" (Obj, Obj) -> Bool, Store = h::list_extend;
    /// `del c[k]` on a built-in container.
    DelItem "delitem" (I64, Obj, Value) -> Bool, Store = h::delitem;
    /// `list.append(v)`.
    ListAppend "list_append" (Obj, Value) -> Bool, Store = h::list_append;
    /// `c[k]` on a built-in container.
    GetItem "getitem" (I64, Obj, Value) -> Value, Load = h::getitem;
    /// `c[s]` with a slice of ints/None on a built-in sequence (a new object: never merged).
    GetSlice "getslice" (I64, Obj, Obj) -> Value, Store = h::getslice;
    /// `c[a:b:s]` with ints/None on a list, tuple or str (no slice object built).
    GetSlice3 "getslice3" (I64, Obj, Value, Value, Value) -> Value, Store = h::getslice3;
    /// `c[a:b:s] = v` with ints/None on a list, `v` a list or tuple (no slice object built).
    SetSlice3 "setslice3" (I64, Obj, Value, Value, Value, Value) -> Bool, Store = h::setslice3;
    /// `d[a:b:s] = c[e:f:g]` with ints/None, `d` a list and `c` a list or tuple, without
    /// the intermediate list (`builtins::copy_slice`); false, nothing done, when either
    /// slice would raise.
    SliceCopy "slice_copy" (Obj, Value, Value, Value, Obj, Value, Value, Value) -> Bool, Store = h::slice_copy;
    /// `d[a:b] = d[c:d:-1]` on one list when that reverses a range in place (the bounds
    /// ints, a None one as an i64 extreme: `helpers::reversal_range`); false, nothing
    /// done, otherwise.
    ListReverseSlice "list_reverse_slice" (Obj, I64, I64, I64, I64) -> Bool, Store = h::list_reverse_slice;
    /// `l[:]` of a list: a new list of its items (never merged).
    ListCopy "list_copy" (I64, Obj) -> Obj, Store = h::list_copy;
    /// A new slice object of ints/None.
    MakeSlice "make_slice" (I64, Value, Value, Value) -> Value, Store = h::make_slice;
    /// `c[k] = v` on a built-in container.
    SetItem "setitem" (I64, Obj, Value, Value) -> Bool, Store = h::setitem;
    /// `d.get(k, default)` with a scalar key.
    DictGet "dict_get" (I64, Obj, Value, Value) -> Value, Load = h::dict_get;
    /// A dict's version.
    DictVersion "dict_version" (Obj) -> I64, Load = h::dict_version;
    /// The value at a dict entry position.
    DictValueAt "dict_value_at" (Obj, I64) -> Value, Load = h::dict_value_at;
    /// Replace the value at a dict entry position (valid under a version guard).
    DictSetAt "dict_set_at" (Obj, I64, Value) -> Bool, Store = h::dict_set_at;
    /// The VM's class epoch.
    ClassEpoch "class_epoch" (I64) -> I64, Load = h::class_epoch;
    /// Whether an object is a plain instance of a class with a shape.
    InstCheck "inst_check" (Obj, Obj, I64) -> Bool, Load = h::inst_check;
    /// An instance slot.
    InstGet "inst_get" (Obj, I64) -> Value, Load = h::inst_get;
    /// Set an instance slot.
    InstSet "inst_set" (Obj, I64, Value) -> Bool, Store = h::inst_set;
    /// Add an instance attribute (new slot, new shape).
    InstAdd "inst_add" (Obj, I64, Value) -> Bool, Store = h::inst_add;
    /// `next()` of a built-in iterator (UNDEF when exhausted).
    IterNext "iter_next" (I64, Obj) -> Value, Store = h::iter_next;
    /// `next()` of a list iterator (UNDEF when exhausted).
    ListIterNext "list_iter_next" (I64, Obj) -> Value, Store = h::iter_next;
    /// `next()` of a range iterator (UNDEF when exhausted).
    RangeIterNext "range_iter_next" (I64, Obj) -> Value, Store = h::iter_next;
    /// Whether a range iterator counts up from a position not below zero (`step > 0` and
    /// `cur >= 0`). Pure: once true it stays true, as `cur` only ever grows by `step`.
    RangeUp "range_up" (Obj) -> Bool, Pure = h::range_up;
    /// `next()` of a range iterator `range_up` holds for (UNDEF when exhausted): its items
    /// are never negative.
    RangeIterNextUp "range_iter_next_up" (I64, Obj) -> Value, Store = h::iter_next;
    /// Whether no helper has raised an exception (`JitCtx::err` is empty).
    NoError "no_error" (I64) -> Bool, Load = h::no_error;
    /// `iter()` of a built-in iterable.
    GetIter "get_iter" (I64, Obj) -> Value, Store = h::get_iter;
    /// `iter(range(a, b, c))` of ints, `c` not 0: the range iterator without the range.
    RangeIter "range_iter" (I64, I64, I64, I64) -> Obj, Store = h::range_iter;
    /// `print` of up to three built-in scalars (count first) to the real `sys.stdout`;
    /// false, having done nothing, when `sys.stdout` is another object.
    PrintScalars "print_scalars" (I64, I64, Value, Value, Value) -> Bool, Store = h::print_scalars;
    /// Call a native built-in with up to three arguments (count first).
    CallNative "call_native" (I64, Obj, I64, Value, Value, Value) -> Value, Store = h::call_native;
}

// -- Instructions, snapshots, traces -----------------------------------------------------

/// An operand field.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Unused.
    None,
    /// An SSA value.
    Ref(IrRef),
    /// An immediate.
    Imm(i64),
    /// An interpreter slot.
    Slot(Slot),
    /// A helper table entry.
    Helper(Helper),
}

impl Arg {
    /// The ref, if this operand is one.
    pub fn as_ref(self) -> Option<IrRef> {
        match self {
            Arg::Ref(r) => Some(r),
            _ => None,
        }
    }
}

/// One instruction.
#[derive(Clone, Debug, PartialEq)]
pub struct Ins {
    /// The opcode.
    pub op: Op,
    /// The result type (derived from the op table when built).
    pub ty: Type,
    /// First operand.
    pub a: Arg,
    /// Second operand.
    pub b: Arg,
    /// For a guard: the snapshot its exit writes back, and its exit number.
    pub exit: Option<(SnapNo, ExitNo)>,
}

/// An inlined call frame a snapshot rebuilds (the root frame, the one the trace started
/// in, always exists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapFrame {
    /// The function running in the frame (a live `ObjRef`'s address; the trace keeps it
    /// alive).
    pub func: u64,
    /// Its first slot, relative to the root frame's first slot.
    pub base: u32,
    /// The stack length (relative) to restore when it returns.
    pub ret_sp: u32,
    /// The pc its caller resumes at when it returns.
    pub ret_pc: u32,
    /// What frame the interpreter runs there.
    pub kind: FrameKind,
}

/// What an inlined frame is, as the interpreter runs it: how an exit rebuilds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A plain call.
    Call,
    /// A constructor's `__init__` (`Frame::init_self`): the instance the call returns is
    /// in its `self` slot.
    Init,
    /// An operator dunder (`Frame::binop`): the BINARY_OP argument and the protocol stage
    /// after it (its operands are in its first two slots).
    Binop(u32, u8),
    /// A generator's frame resumed by its caller's FOR_ITER (0: the generator is the
    /// iterator just below the frame's first slot), or by a call `next(g)` (1) or
    /// `next(g, default)` (2) (`Frame::next_of`: the call's arguments are just below the
    /// frame's first slot).
    Generator(u8),
    /// The `__len__` frame of a call `len(x)` (`Frame::len_of`).
    Len,
    /// The `_consume` loop of a call `sum(gen)`, `all(gen)`... (`Vm::push_consume_frame_at`).
    Consume,
}

/// The interpreter state to rebuild when leaving the trace at a guard: which slots must
/// get which IR values (slots not listed already hold the right value), the inlined
/// frames, the stack length, and where the interpreter resumes.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The bytecode offset the innermost frame resumes at.
    pub pc: u32,
    /// Slot -> value to write back, in slot order.
    pub entries: Vec<(Slot, IrRef)>,
    /// Inlined frames, outermost first (empty: the root frame only).
    pub frames: Vec<SnapFrame>,
    /// The stack length, relative to the root frame's first slot.
    pub sp: u32,
    /// The instruction being recorded when the snapshot was taken (an exception a helper
    /// raised is raised there).
    pub ins_pc: u32,
}

/// What an exit knows of the slots it leaves (`Trace::exit_facts`): (slot, tag) and
/// (slot, object kind), in slot order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExitFacts {
    /// Slots whose value has this tag.
    pub tags: Vec<(u32, u64)>,
    /// Slots holding an object of this kind (`helpers::kind_of`).
    pub kinds: Vec<(u32, i64)>,
}

/// A recorded trace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The instructions, in order; `IrRef(i)` is `ins[i]`.
    pub ins: Vec<Ins>,
    /// The snapshots guards refer to.
    pub snaps: Vec<Snapshot>,
    /// Exit number -> the guard that takes it.
    pub exits: Vec<IrRef>,
    /// How many slots the trace may touch (the slot array compiled code gets is at least
    /// this long).
    pub n_slots: u32,
    /// Boxed constants (`kval`), as (tag, payload) words.
    pub consts: Vec<(u64, u64)>,
}

impl Trace {
    /// The instruction defining `r`.
    pub fn get(&self, r: IrRef) -> &Ins {
        &self.ins[r.index()]
    }

    /// The position of the `loop` marker, if the trace loops.
    pub fn loop_ref(&self) -> Option<IrRef> {
        self.ins.iter().position(|i| i.op == Op::Loop).map(|p| IrRef(p as u32))
    }

    /// The snapshot that exit `e` writes back.
    pub fn exit_snapshot(&self, e: ExitNo) -> &Snapshot {
        let (snap, _) = self.get(self.exits[e.index()]).exit.expect("exit without a snapshot");
        &self.snaps[snap.index()]
    }

    /// What the interpreter's slots are known to hold when exit `e` is taken, below the
    /// exit's stack top: their tags (those its snapshot writes with values whose type
    /// fixes the tag, and those guarded or stored earlier in the trace and not written
    /// since), and the kinds of objects the trace guarded before the exit.
    pub fn exit_facts(&self, e: ExitNo) -> ExitFacts {
        use std::collections::BTreeMap;
        let at = self.exits[e.index()].index();
        let snap = self.exit_snapshot(e);
        let mut tags: BTreeMap<u32, Option<u64>> = Default::default();
        // The ref each slot holds where it is known, and the kinds of guarded objects.
        let mut holds: BTreeMap<u32, IrRef> = Default::default();
        let mut kinds: rustc_hash::FxHashMap<IrRef, i64> = Default::default();
        for (i, ins) in self.ins[..at].iter().enumerate() {
            match (ins.op, ins.a, ins.b) {
                (Op::GuardTag, Arg::Ref(t), Arg::Imm(tg)) => {
                    if let (Op::SLoadTag, Arg::Slot(s)) = (self.get(t).op, self.get(t).a) {
                        tags.insert(s.0, Some(tg as u64));
                    }
                }
                (Op::GuardEq, Arg::Ref(k), Arg::Ref(want)) => {
                    let (call, konst) = (self.get(k), self.get(want));
                    if let (Op::CallHelper, Arg::Helper(Helper::ObjKind), Op::KInt, Arg::Imm(kind)) =
                        (call.op, call.b, konst.op, konst.a)
                    {
                        kinds.insert(self.call_args(call.a)[0], kind);
                    }
                }
                (Op::SLoadObj, Arg::Slot(s), _) => {
                    holds.insert(s.0, IrRef(i as u32));
                }
                (Op::SStore, Arg::Slot(s), Arg::Ref(v)) => {
                    tags.insert(s.0, self.get(v).ty.slot_tag());
                    holds.insert(s.0, v);
                }
                _ => {}
            }
        }
        for &(s, r) in &snap.entries {
            tags.insert(s.0, self.get(r).ty.slot_tag());
            holds.insert(s.0, r);
        }
        let sp = snap.sp;
        ExitFacts {
            tags: tags.into_iter().filter(|&(s, _)| s < sp).filter_map(|(s, t)| Some((s, t?))).collect(),
            kinds: holds.into_iter().filter(|&(s, _)| s < sp).filter_map(|(s, r)| Some((s, *kinds.get(&r)?))).collect(),
        }
    }

    /// The argument refs of a helper call (flattening a `carg` chain).
    pub fn call_args(&self, args: Arg) -> Vec<IrRef> {
        let mut out = Vec::new();
        let mut cur = args;
        while let Arg::Ref(r) = cur {
            let ins = self.get(r);
            if ins.op == Op::CArg {
                out.extend(ins.a.as_ref());
                cur = ins.b;
            } else {
                out.push(r);
                break;
            }
        }
        out
    }

    /// Count of guards (including `exit`).
    pub fn n_guards(&self) -> usize {
        self.exits.len()
    }
}

// -- Builder -----------------------------------------------------------------------------

/// Builds a `Trace` instruction by instruction, deriving result types from the op table
/// and numbering exits. It does not check operands: run `verify` on the result.
#[derive(Default)]
pub struct TraceBuilder {
    trace: Trace,
}

impl TraceBuilder {
    /// An empty trace over `n_slots` interpreter slots.
    pub fn new(n_slots: u32) -> TraceBuilder {
        TraceBuilder { trace: Trace { n_slots, ..Trace::default() } }
    }

    fn ty_of(&self, arg: Arg) -> Type {
        match arg {
            Arg::Ref(r) if r.index() < self.trace.ins.len() => self.trace.get(r).ty,
            _ => Type::Nil,
        }
    }

    /// Append a non-guard instruction.
    pub fn ins(&mut self, op: Op, a: Arg, b: Arg) -> IrRef {
        let ty = match op.result() {
            ResultType::Fixed(t) => t,
            ResultType::OfA => self.ty_of(a),
            ResultType::OfHelper => match b {
                Arg::Helper(h) => h.result(),
                _ => Type::Nil,
            },
        };
        let r = IrRef(self.trace.ins.len() as u32);
        self.trace.ins.push(Ins { op, ty, a, b, exit: None });
        r
    }

    /// Append a guard that leaves through snapshot `snap`; gets the next exit number.
    pub fn guard(&mut self, op: Op, a: Arg, b: Arg, snap: SnapNo) -> IrRef {
        let r = self.ins(op, a, b);
        let exit = ExitNo(self.trace.exits.len() as u32);
        self.trace.ins[r.index()].exit = Some((snap, exit));
        self.trace.exits.push(r);
        r
    }

    /// Add a snapshot (entries in any order; kept sorted by slot).
    pub fn snapshot(&mut self, pc: u32, entries: &[(u32, IrRef)]) -> SnapNo {
        let mut entries: Vec<(Slot, IrRef)> = entries.iter().map(|&(s, r)| (Slot(s), r)).collect();
        entries.sort_by_key(|&(s, _)| s);
        self.push_snapshot(Snapshot { pc, entries, frames: vec![], sp: 0, ins_pc: pc })
    }

    /// Add a complete snapshot.
    pub fn push_snapshot(&mut self, snap: Snapshot) -> SnapNo {
        let n = SnapNo(self.trace.snaps.len() as u32);
        self.trace.snaps.push(snap);
        n
    }

    /// A boxed constant.
    pub fn kval(&mut self, tag: u64, payload: u64) -> IrRef {
        let i = match self.trace.consts.iter().position(|&c| c == (tag, payload)) {
            Some(i) => i,
            None => {
                self.trace.consts.push((tag, payload));
                self.trace.consts.len() - 1
            }
        };
        self.ins(Op::KVal, Arg::Imm(i as i64), Arg::None)
    }

    /// The instructions so far.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The instructions so far, for in-place edits by the recorder.
    pub fn trace_mut(&mut self) -> &mut Trace {
        &mut self.trace
    }

    /// An i64 constant.
    pub fn kint(&mut self, v: i64) -> IrRef {
        self.ins(Op::KInt, Arg::Imm(v), Arg::None)
    }

    /// An f64 constant.
    pub fn kfloat(&mut self, v: f64) -> IrRef {
        self.ins(Op::KFloat, Arg::Imm(v.to_bits() as i64), Arg::None)
    }

    /// A slot load (`op` is one of the `SLoad*` ops).
    pub fn sload(&mut self, op: Op, slot: u32) -> IrRef {
        self.ins(op, Arg::Slot(Slot(slot)), Arg::None)
    }

    /// A binary op on two refs.
    pub fn bin(&mut self, op: Op, a: IrRef, b: IrRef) -> IrRef {
        self.ins(op, Arg::Ref(a), Arg::Ref(b))
    }

    /// A guard on two refs (`b` may be unused).
    pub fn guard_ref(&mut self, op: Op, a: IrRef, b: Option<IrRef>, snap: SnapNo) -> IrRef {
        self.guard(op, Arg::Ref(a), b.map_or(Arg::None, Arg::Ref), snap)
    }

    /// The `loop` marker.
    pub fn loop_marker(&mut self) -> IrRef {
        self.ins(Op::Loop, Arg::None, Arg::None)
    }

    /// A phi with its entry value; give its back-edge value with `set_phi` once the body
    /// has defined it.
    pub fn phi(&mut self, entry: IrRef) -> IrRef {
        self.ins(Op::Phi, Arg::Ref(entry), Arg::None)
    }

    /// Set the back-edge value of `phi`.
    pub fn set_phi(&mut self, phi: IrRef, next: IrRef) {
        self.trace.ins[phi.index()].b = Arg::Ref(next);
    }

    /// A helper call on `args` (a `carg` chain is built for more than one).
    pub fn call(&mut self, helper: Helper, args: &[IrRef]) -> IrRef {
        let mut list = Arg::None;
        for (i, &r) in args.iter().enumerate().rev() {
            list = if i == args.len() - 1 { Arg::Ref(r) } else { Arg::Ref(self.ins(Op::CArg, Arg::Ref(r), list)) };
        }
        self.ins(Op::CallHelper, list, Arg::Helper(helper))
    }

    /// The trace built so far.
    pub fn finish(self) -> Trace {
        self.trace
    }
}

// -- Text dump ---------------------------------------------------------------------------

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::None => Ok(()),
            Arg::Ref(r) => write!(f, "{:04}", r.0),
            Arg::Imm(v) => write!(f, "{v}"),
            Arg::Slot(s) => write!(f, "#{}", s.0),
            Arg::Helper(h) => f.write_str(h.name()),
        }
    }
}

impl fmt::Display for Trace {
    /// One line per instruction (`0003 i64  add_ov     0001 0002  [snap 1, exit 0]`),
    /// then the snapshots (`snap 1 pc 12: #0=0003 #1=0001`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, ins) in self.ins.iter().enumerate() {
            let mut line = format!("{i:04} {:<4} {:<11}", ins.ty.name(), ins.op.name());
            match (ins.op, ins.a) {
                (Op::KFloat, Arg::Imm(bits)) => line.push_str(&format!(" {:?}", f64::from_bits(bits as u64))),
                (Op::KBool, Arg::Imm(v)) => line.push_str(if v != 0 { " true" } else { " false" }),
                (_, Arg::None) => {}
                (_, a) => line.push_str(&format!(" {a}")),
            }
            match (ins.op, ins.b) {
                (_, Arg::None) if ins.op == Op::Phi => line.push_str(" ----"),
                (_, Arg::None) => {}
                (_, b) => line.push_str(&format!(" {b}")),
            }
            if let Some((snap, exit)) = ins.exit {
                line = format!("{line:<36} [snap {}, exit {}]", snap.0, exit.0);
            }
            writeln!(f, "{}", line.trim_end())?;
        }
        for (i, snap) in self.snaps.iter().enumerate() {
            write!(f, "snap {i} pc {}", snap.pc)?;
            if snap.sp != 0 {
                write!(f, " sp {}", snap.sp)?;
            }
            for fr in &snap.frames {
                let what = match fr.kind {
                    FrameKind::Generator(0) => "generator",
                    FrameKind::Generator(_) => "next-generator",
                    FrameKind::Len => "len",
                    FrameKind::Consume => "consume",
                    FrameKind::Init => "init",
                    FrameKind::Binop(..) => "operator",
                    FrameKind::Call => "frame",
                };
                write!(f, " [{what} {:#x} base {} ret_pc {}]", fr.func, fr.base, fr.ret_pc)?;
            }
            write!(f, ":")?;
            for (slot, r) in &snap.entries {
                write!(f, " #{}={:04}", slot.0, r.0)?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

// -- Verifier ----------------------------------------------------------------------------

/// A broken invariant found by `verify`: the instruction (if one) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The offending instruction, if the error is about one.
    pub at: Option<IrRef>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some(r) => write!(f, "{:04}: {}", r.0, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Check every invariant the backend and the passes rely on:
///
/// 1. Every instruction's type is the one the op table gives it.
/// 2. Every operand is of the kind the op table says (ref / imm / slot / helper / none),
///    and a ref operand has the required type.
/// 3. A ref operand names an earlier instruction; only a phi's back-edge operand names a
///    later one (in the loop body).
/// 4. Slot operands and snapshot slots are below `n_slots`.
/// 5. Every guard has a snapshot that exists and a unique exit number, and `exits` lists
///    the guards in order; no other instruction has a snapshot.
/// 6. A snapshot used by a guard only names values of a storable type defined before the
///    guard, and if the guard is in the loop body, defined in the body or before `loop`.
/// 7. At most one `loop`; phis come right after it, each with an entry value defined
///    before `loop` and a back-edge value (any value of the trace: the back-edge passes
///    all phis' values at once). Phis exist only there.
/// 8. A trace without `loop` ends with `exit`; `exit` appears only last.
/// 9. A helper call's arguments match the helper's parameter types.
/// 10. A wide (i128) value is materialized only by `wide_box` (or an exit): `box`,
///     `pstore` and `guard_eq` never take one.
pub fn verify(trace: &Trace) -> Result<(), VerifyError> {
    let err = |at: usize, message: String| VerifyError { at: Some(IrRef(at as u32)), message };
    let loop_pos = trace.loop_ref().map(IrRef::index);
    let n = trace.ins.len();
    let mut n_exits = 0usize;

    if trace.ins.iter().filter(|i| i.op == Op::Loop).count() > 1 {
        return Err(VerifyError { at: None, message: "more than one loop marker".into() });
    }

    for (pos, ins) in trace.ins.iter().enumerate() {
        let ty_of = |r: IrRef| trace.ins.get(r.index()).map(|i| i.ty);

        // 3: where each ref operand may point.
        for (which, arg) in [("a", ins.a), ("b", ins.b)] {
            if let Arg::Ref(r) = arg {
                let back_edge = ins.op == Op::Phi && which == "b";
                if r.index() >= n {
                    return Err(err(pos, format!("operand {which} {:04} is past the end", r.0)));
                }
                if back_edge {
                    // Any value defined by the end of the body: a body value, a phi (the
                    // back-edge copies are parallel: block arguments) or a preamble value.
                    if trace.ins[r.index()].ty == Type::Nil {
                        return Err(err(pos, format!("phi back-edge {:04} has no value", r.0)));
                    }
                } else if r.index() >= pos {
                    return Err(err(pos, format!("operand {which} {:04} is not defined before use", r.0)));
                }
            }
        }

        // 1: result type.
        let want_ty = match ins.op.result() {
            ResultType::Fixed(t) => t,
            ResultType::OfA => ins.a.as_ref().and_then(ty_of).unwrap_or(Type::Nil),
            ResultType::OfHelper => match ins.b {
                Arg::Helper(h) => h.result(),
                _ => Type::Nil,
            },
        };
        if ins.ty != want_ty {
            return Err(err(pos, format!("type {} but {} gives {}", ins.ty, ins.op.name(), want_ty)));
        }

        // 2 and 4: operand kinds.
        let a_ty = ins.a.as_ref().and_then(ty_of);
        for (which, kind, arg) in [("a", ins.op.operands()[0], ins.a), ("b", ins.op.operands()[1], ins.b)] {
            let ok = match (kind, arg) {
                (OperandKind::Nil, Arg::None) => true,
                (OperandKind::Imm, Arg::Imm(i)) => ins.op != Op::KVal || (i as usize) < trace.consts.len(),
                (OperandKind::Slot, Arg::Slot(s)) => {
                    if s.0 >= trace.n_slots {
                        return Err(err(pos, format!("slot #{} out of range (n_slots {})", s.0, trace.n_slots)));
                    }
                    true
                }
                (OperandKind::Helper, Arg::Helper(_)) => true,
                (OperandKind::I64, Arg::Ref(r)) => ty_of(r) == Some(Type::I64),
                (OperandKind::I128, Arg::Ref(r)) => ty_of(r) == Some(Type::I128),
                (OperandKind::F64, Arg::Ref(r)) => ty_of(r) == Some(Type::F64),
                (OperandKind::Bool, Arg::Ref(r)) => ty_of(r) == Some(Type::Bool),
                (OperandKind::Obj, Arg::Ref(r)) => ty_of(r) == Some(Type::Obj),
                (OperandKind::Val, Arg::Ref(r)) => ty_of(r) == Some(Type::Value),
                (OperandKind::Any, Arg::Ref(r)) => !matches!(ty_of(r), Some(Type::Nil) | None),
                (OperandKind::SameAsA, Arg::Ref(r)) => ty_of(r).is_some() && ty_of(r) == a_ty,
                // A phi's back edge is filled in after the body is built.
                (OperandKind::SameAsA, Arg::None) if ins.op == Op::Phi => {
                    return Err(err(pos, "phi without a back-edge value".into()));
                }
                (OperandKind::Args, Arg::None) => true,
                (OperandKind::Args, Arg::Ref(r)) | (OperandKind::ArgList, Arg::Ref(r)) => {
                    ty_of(r) != Some(Type::Nil) || trace.ins[r.index()].op == Op::CArg
                }
                _ => false,
            };
            if !ok {
                let got = match arg {
                    Arg::Ref(r) => format!("{:04} of type {}", r.0, ty_of(r).map_or("?", Type::name)),
                    other => format!("{other:?}"),
                };
                return Err(err(pos, format!("{} operand {which}: expected {kind:?}, got {got}", ins.op.name())));
            }
        }

        // 10: wide values are boxed only by `wide_box`.
        if matches!(ins.op, Op::Box | Op::PStore | Op::GuardEq) {
            let operand = if ins.op == Op::PStore { ins.b } else { ins.a };
            if operand.as_ref().and_then(ty_of) == Some(Type::I128) {
                return Err(err(pos, format!("{} of a wide value (needs wide_box)", ins.op.name())));
            }
        }

        // 9: helper signature.
        if ins.op == Op::CallHelper {
            let Arg::Helper(h) = ins.b else { unreachable!("checked above") };
            let args: Vec<Type> = trace.call_args(ins.a).iter().map(|&r| trace.get(r).ty).collect();
            if args != h.params() {
                return Err(err(pos, format!("call {}: arguments {args:?}, parameters {:?}", h.name(), h.params())));
            }
        }

        // 5 and 6: guards and snapshots.
        let is_guard = ins.op.effect() == Effect::Guard;
        match (is_guard, ins.exit) {
            (true, None) => return Err(err(pos, format!("guard {} has no snapshot", ins.op.name()))),
            (false, Some(_)) => return Err(err(pos, format!("{} is not a guard but has a snapshot", ins.op.name()))),
            (false, None) => {}
            (true, Some((snap, exit))) => {
                if exit.index() != n_exits || trace.exits.get(exit.index()) != Some(&IrRef(pos as u32)) {
                    return Err(err(pos, format!("exit {} out of order or not listed in exits", exit.0)));
                }
                n_exits += 1;
                let Some(s) = trace.snaps.get(snap.index()) else {
                    return Err(err(pos, format!("snapshot {} does not exist", snap.0)));
                };
                for &(slot, r) in &s.entries {
                    if slot.0 >= trace.n_slots {
                        return Err(err(pos, format!("snapshot {} slot #{} out of range", snap.0, slot.0)));
                    }
                    if r.index() >= pos {
                        return Err(err(pos, format!("snapshot {} names {:04}, not defined before", snap.0, r.0)));
                    }
                    if trace.ins[r.index()].ty == Type::Nil {
                        return Err(err(pos, format!("snapshot {} names {:04}, which has no value", snap.0, r.0)));
                    }
                }
            }
        }

        // 7: loop and phis.
        if ins.op == Op::Phi {
            let Some(lp) = loop_pos else { return Err(err(pos, "phi without a loop".into())) };
            if pos <= lp || trace.ins[lp + 1..pos].iter().any(|i| i.op != Op::Phi) {
                return Err(err(pos, "phi not at the loop header".into()));
            }
            if ins.a.as_ref().is_some_and(|r| r.index() >= lp) {
                return Err(err(pos, "phi entry value defined after the loop marker".into()));
            }
        }

        // 8: exit only last.
        if ins.op == Op::Exit && pos != n - 1 {
            return Err(err(pos, "exit before the end of the trace".into()));
        }
    }

    if n_exits != trace.exits.len() {
        return Err(VerifyError { at: None, message: "exits lists instructions that are not guards".into() });
    }
    if loop_pos.is_none() && trace.ins.last().map(|i| i.op) != Some(Op::Exit) {
        return Err(VerifyError { at: None, message: "a trace without a loop must end with exit".into() });
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use krait_runtime::value::tag;

    /// `while i < n: i = i + 1` over slots #0 (i) and #1 (n), both ints.
    pub(crate) fn counting_loop() -> Trace {
        let mut b = TraceBuilder::new(2);
        let entry = b.snapshot(0, &[]);
        let t0 = b.sload(Op::SLoadTag, 0);
        b.guard(Op::GuardTag, Arg::Ref(t0), Arg::Imm(tag::INT as i64), entry);
        let t1 = b.sload(Op::SLoadTag, 1);
        b.guard(Op::GuardTag, Arg::Ref(t1), Arg::Imm(tag::INT as i64), entry);
        let i0 = b.sload(Op::SLoadInt, 0);
        let n = b.sload(Op::SLoadInt, 1);
        let one = b.kint(1);
        b.loop_marker();
        let i = b.phi(i0);
        let s = b.snapshot(10, &[(0, i)]);
        let lt = b.bin(Op::Lt, i, n);
        b.guard_ref(Op::GuardTrue, lt, None, s);
        let next = b.guard_ref(Op::AddOv, i, Some(one), s);
        b.set_phi(i, next);
        b.finish()
    }

    /// What an exit knows: slots guarded before it (their tags, their objects' kinds), its
    /// snapshot's entries by type (a boxed value's is unknown), none at or above its stack
    /// top, none guarded after it.
    #[test]
    fn exit_facts_of_guarded_and_written_slots() {
        let mut b = TraceBuilder::new(4);
        let snap = |pc: u32, entries: Vec<(Slot, IrRef)>| Snapshot { pc, entries, frames: vec![], sp: 4, ins_pc: pc };
        let s0 = b.push_snapshot(snap(0, vec![]));
        let t0 = b.sload(Op::SLoadTag, 0);
        b.guard(Op::GuardTag, Arg::Ref(t0), Arg::Imm(tag::INT as i64), s0);
        let t1 = b.sload(Op::SLoadTag, 1);
        b.guard(Op::GuardTag, Arg::Ref(t1), Arg::Imm(tag::OBJ as i64), s0);
        let x = b.sload(Op::SLoadInt, 0);
        let o = b.sload(Op::SLoadObj, 1);
        let kind = b.call(Helper::ObjKind, &[o]);
        let list = b.kint(1);
        b.guard(Op::GuardEq, Arg::Ref(kind), Arg::Ref(list), s0);
        let f = b.ins(Op::IToF, Arg::Ref(x), Arg::None);
        let none = b.kval(tag::NONE, 0);
        let s1 = b.push_snapshot(snap(5, vec![(Slot(0), f), (Slot(2), none), (Slot(5), x)]));
        let lt = b.bin(Op::Lt, x, x);
        b.guard_ref(Op::GuardTrue, lt, None, s1);
        let t3 = b.sload(Op::SLoadTag, 3);
        b.guard(Op::GuardTag, Arg::Ref(t3), Arg::Imm(tag::FLOAT as i64), s1);
        let t = b.finish();
        let facts = |e: u32| t.exit_facts(ExitNo(e));
        assert_eq!(facts(0), ExitFacts::default());
        assert_eq!(facts(1).tags, vec![(0, tag::INT)]);
        assert_eq!(facts(2), ExitFacts { tags: vec![(0, tag::INT), (1, tag::OBJ)], kinds: vec![] });
        let known = ExitFacts { tags: vec![(0, tag::FLOAT), (1, tag::OBJ)], kinds: vec![(1, 1)] };
        assert_eq!(facts(3), known);
        assert_eq!(facts(4), known);
    }

    #[test]
    fn dump_of_counting_loop() {
        let t = counting_loop();
        verify(&t).unwrap();
        let expected = "\
0000 i64  sload_tag   #0
0001 nil  guard_tag   0000 3         [snap 0, exit 0]
0002 i64  sload_tag   #1
0003 nil  guard_tag   0002 3         [snap 0, exit 1]
0004 i64  sload_int   #0
0005 i64  sload_int   #1
0006 i64  kint        1
0007 nil  loop
0008 i64  phi         0004 0011
0009 bool lt          0008 0005
0010 nil  guard_true  0009           [snap 1, exit 2]
0011 i64  add_ov      0008 0006      [snap 1, exit 3]
snap 0 pc 0:
snap 1 pc 10: #0=0008
";
        assert_eq!(t.to_string(), expected);
    }

    #[test]
    fn every_op_has_a_distinct_name() {
        let mut names: Vec<&str> = Op::ALL.iter().map(|o| o.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Op::ALL.len());
    }

    fn expect_error(t: &Trace, needle: &str) {
        let e = verify(t).expect_err("verifier accepted a broken trace");
        assert!(e.to_string().contains(needle), "error {e} does not mention {needle:?}");
    }

    #[test]
    fn verifier_rejects_guard_without_snapshot() {
        let mut t = counting_loop();
        t.ins[10].exit = None;
        expect_error(&t, "has no snapshot");
    }

    #[test]
    fn verifier_rejects_operand_type_mismatch() {
        let mut t = counting_loop();
        t.ins[9].op = Op::FLt;
        expect_error(&t, "expected F64");
    }

    #[test]
    fn verifier_rejects_use_before_definition() {
        let mut t = counting_loop();
        t.ins[9].b = Arg::Ref(IrRef(11));
        expect_error(&t, "not defined before use");
    }

    #[test]
    fn verifier_rejects_snapshot_of_later_value() {
        let mut t = counting_loop();
        t.snaps[1].entries.push((Slot(1), IrRef(11)));
        expect_error(&t, "not defined before");
    }

    #[test]
    fn verifier_rejects_trace_without_loop_or_exit() {
        let mut b = TraceBuilder::new(1);
        b.kint(1);
        expect_error(&b.finish(), "must end with exit");
    }

    #[test]
    fn verifier_checks_helper_arguments() {
        let mut b = TraceBuilder::new(1);
        let x = b.kfloat(2.0);
        let i = b.kint(3);
        b.call(Helper::PowF64, &[x, i]);
        let s = b.snapshot(0, &[]);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        expect_error(&b.finish(), "call pow_f64");

        let mut b = TraceBuilder::new(1);
        let x = b.kfloat(2.0);
        let y = b.kfloat(3.0);
        let p = b.call(Helper::PowF64, &[x, y]);
        let s = b.snapshot(0, &[(0, p)]);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        let t = b.finish();
        verify(&t).unwrap();
        assert!(t.to_string().contains("0003 f64  call        0002 pow_f64"), "{t}");
    }
}
