//! The runtime helpers compiled traces call: `extern "C"` functions named by the `helpers!`
//! table in `ir.rs`, and the context (`JitCtx`) they reach the VM through.
//!
//! # Invariants (read before adding a helper)
//!
//! * A helper never runs Python code and never collects: the recorder only emits a helper
//!   call after guarding that its operands are of built-in types whose operation stays in
//!   Rust. Allocation only sets the heap's "collection wanted" flag, which the trace checks
//!   at its loop header (`pending`) and leaves to the interpreter to collect.
//! * A helper never touches `Vm::stack` (compiled code holds a pointer into it) nor the
//!   frame stack.
//! * Values cross the boundary as two words (tag, payload); a helper that returns any
//!   Python value returns `SlotWords`. Tag `UNDEF` means "no value": not found, out of
//!   range, exhausted, or failed. A helper that fails with a Python exception stores it in
//!   `JitCtx::err`; the exit that follows raises it in the interpreter at the recorded
//!   instruction, so no effect runs twice.
//! * A wide int (IR type i128) crosses as two words, low first (`WideWords`); it becomes a
//!   Python value only through `wide_box`, which normalizes as the runtime does (an inline
//!   int when it fits i64, else a big int object).
//! * Words from compiled code are well-formed: compiled code only produces them from real
//!   `Value`s (slots, helper results, typed values boxed with their own tag).

use std::sync::atomic::{AtomicBool, AtomicU64};

use krait_runtime::bytecode::{BinOp, CmpOp};
use krait_runtime::heap::ObjRef;
use krait_runtime::object::{IterState, Kind, Obj};
use krait_runtime::value::{tag, PyErr, Value};
use krait_runtime::vm::Vm;

use crate::backend::SlotWords;

/// What compiled code and helpers reach through their `ctx` argument. Field order is
/// part of the contract with the backend (`pending` loads the first two words).
#[repr(C)]
pub struct JitCtx {
    /// The VM's Ctrl-C flag.
    pub interrupt: *const AtomicBool,
    /// The heap's "collection wanted" flag.
    pub gc_wanted: *const bool,
    /// The number (`Links::id`) of the trace that returned: compiled code may have
    /// continued in other traces.
    pub last_trace: u64,
    /// Nonzero once `err` is set (compiled code tests it before continuing in another
    /// trace).
    pub err_flag: u64,
    /// The VM, for helpers that allocate or call runtime operations.
    pub vm: *mut Vm,
    /// An exception a helper raised (raised by the exit that follows).
    pub err: Option<PyErr>,
}

/// Offset of `interrupt` in `JitCtx`.
pub const CTX_INTERRUPT: i32 = 0;
/// Offset of `gc_wanted` in `JitCtx`.
pub const CTX_GC_WANTED: i32 = 8;
/// Offset of `last_trace` in `JitCtx`.
pub const CTX_LAST_TRACE: i32 = 16;
/// Offset of `err_flag` in `JitCtx`.
pub const CTX_ERR_FLAG: i32 = 24;
/// Offset of `vm` in `JitCtx`.
pub const CTX_VM: i32 = 32;
const _: () = assert!(
    std::mem::offset_of!(JitCtx, interrupt) == CTX_INTERRUPT as usize
        && std::mem::offset_of!(JitCtx, gc_wanted) == CTX_GC_WANTED as usize
        && std::mem::offset_of!(JitCtx, last_trace) == CTX_LAST_TRACE as usize
        && std::mem::offset_of!(JitCtx, err_flag) == CTX_ERR_FLAG as usize
        && std::mem::offset_of!(JitCtx, vm) == CTX_VM as usize
);
/// Offset of the class epoch (`Vm::class_epoch`, a `Cell<u64>`) in the VM.
pub const VM_CLASS_EPOCH: usize = std::mem::offset_of!(Vm, class_epoch);

impl JitCtx {
    /// A context for compiled code running with these flags and VM.
    pub fn new(interrupt: *const AtomicBool, gc_wanted: *const bool, vm: *mut Vm) -> JitCtx {
        JitCtx { interrupt, gc_wanted, last_trace: 0, err_flag: 0, vm, err: None }
    }

    /// Leave `e` to be raised by the exit that follows.
    pub fn raise(&mut self, e: PyErr) {
        self.err = Some(e);
        self.err_flag = 1;
    }
}

fn vm<'a>(ctx: *mut JitCtx) -> (&'a mut Vm, &'a mut JitCtx) {
    // SAFETY: `ctx` is the context `Jit::run_trace` built for this call of compiled code;
    // it points to a live `JitCtx` whose `vm` is the VM running the trace, which no other
    // code uses while the compiled code runs (the caller's `&mut Vm` is not used until the
    // trace returns).
    unsafe { (&mut *(*ctx).vm, &mut *ctx) }
}

/// The object a payload word of an `OBJ`-tagged value points to.
fn obj(p: u64) -> ObjRef {
    // SAFETY: compiled code passes an object payload only from a value tagged OBJ (checked
    // by a guard the recorder emitted), i.e. from a live `ObjRef::as_ptr`; the object is
    // alive because no collection runs while a trace runs.
    unsafe { ObjRef::from_ptr(p as *mut Obj) }
}

/// Rebuild a `Value` from its two words.
pub fn value(t: u64, p: u64) -> Value {
    match t {
        tag::NONE => Value::None,
        tag::BOOL => Value::Bool(p & 0xff != 0),
        tag::INT => Value::Int(p as i64),
        tag::FLOAT => Value::Float(f64::from_bits(p)),
        tag::OBJ => Value::Obj(obj(p)),
        _ => Value::Undef,
    }
}

/// A `Value` as two words.
pub fn words(v: Value) -> SlotWords {
    match v {
        Value::Undef => SlotWords { tag: tag::UNDEF, payload: 0 },
        Value::None => SlotWords { tag: tag::NONE, payload: 0 },
        Value::Bool(b) => SlotWords { tag: tag::BOOL, payload: b as u64 },
        Value::Int(i) => SlotWords { tag: tag::INT, payload: i as u64 },
        Value::Float(f) => SlotWords { tag: tag::FLOAT, payload: f.to_bits() },
        Value::Obj(o) => SlotWords { tag: tag::OBJ, payload: o.as_ptr() as u64 },
    }
}

const NOTHING: SlotWords = SlotWords { tag: tag::UNDEF, payload: 0 };

fn fail(ctx: &mut JitCtx, e: PyErr) -> SlotWords {
    ctx.raise(e);
    NOTHING
}

// -- Object kinds, as the recorder guards them ---------------------------------------------

/// Kind numbers `obj_kind` returns (a guard compares against one).
pub mod kind {
    /// Anything not listed.
    pub const OTHER: i64 = 0;
    /// list
    pub const LIST: i64 = 1;
    /// tuple
    pub const TUPLE: i64 = 2;
    /// str
    pub const STR: i64 = 3;
    /// dict
    pub const DICT: i64 = 4;
    /// int past i64
    pub const BIGINT: i64 = 5;
    /// instance of a Python class
    pub const INSTANCE: i64 = 6;
    /// built-in iterator
    pub const ITER: i64 = 7;
    /// Python function
    pub const FUNCTION: i64 = 8;
    /// class
    pub const CLASS: i64 = 9;
    /// set
    pub const SET: i64 = 10;
    /// bound method
    pub const BOUND_METHOD: i64 = 11;
    /// range
    pub const RANGE: i64 = 12;
    /// slice
    pub const SLICE: i64 = 13;
    /// closure cell
    pub const CELL: i64 = 14;
    /// generator
    pub const GENERATOR: i64 = 15;
}

/// The header byte caching an object's kinds (`Obj::jit_kind`): `kind + 1` in the low
/// `KIND_BITS` bits (0: not classified yet), and for an iterator whose `iter_kind_of`
/// never changes, that iterator kind in the bits above.
pub const KIND_BITS: u8 = 5;
/// The bits of that byte holding the kind.
pub const KIND_MASK: u8 = (1 << KIND_BITS) - 1;

/// The kind number of an object (cached in its header: kinds never change).
pub fn kind_of(o: ObjRef) -> i64 {
    let cache = o.jit_kind();
    let c = cache.get() & KIND_MASK;
    if c != 0 {
        return c as i64 - 1;
    }
    let k = classify(o);
    cache.set(k as u8 + 1);
    k
}

fn classify(o: ObjRef) -> i64 {
    match &o.kind {
        Kind::List(_) => kind::LIST,
        Kind::Tuple(_) => kind::TUPLE,
        Kind::Str(_) => kind::STR,
        Kind::Dict(_) => kind::DICT,
        Kind::BigInt(_) => kind::BIGINT,
        Kind::Instance(i) if matches!(i.payload, krait_runtime::object::Payload::None) => kind::INSTANCE,
        Kind::Iter(_) => kind::ITER,
        Kind::Function(_) => kind::FUNCTION,
        Kind::Class(_) => kind::CLASS,
        Kind::Set(_) => kind::SET,
        Kind::Slice(..) => kind::SLICE,
        Kind::Cell(_) => kind::CELL,
        Kind::BoundMethod(..) => kind::BOUND_METHOD,
        Kind::Range(_) => kind::RANGE,
        Kind::Generator(_) => kind::GENERATOR,
        _ => kind::OTHER,
    }
}

/// Iterator kinds `iter_kind` returns: those `iter_next` handles without running Python
/// code (0: anything else). Kinds 1 to 5 never change over an iterator's life (its state
/// keeps its variant and the kind of what it iterates over), so they are cached in the
/// header (`KIND_BITS`), where compiled code reads them.
pub fn iter_kind_of(o: ObjRef) -> i64 {
    let cache = o.jit_kind();
    if cache.get() >> KIND_BITS != 0 {
        return (cache.get() >> KIND_BITS) as i64;
    }
    let Kind::Iter(cell) = &o.kind else { return 0 };
    let Ok(st) = cell.try_borrow() else { return 0 };
    let stable = match &*st {
        IterState::Range { .. } => 1,
        IterState::Seq { seq: Value::Obj(s), .. } => match s.kind {
            Kind::List(_) => 2,
            Kind::Tuple(_) => 3,
            _ => 0,
        },
        IterState::Str { .. } => 4,
        IterState::Dict { .. } => 5,
        _ => 0,
    };
    if stable != 0 {
        kind_of(o);
        cache.set(cache.get() | (stable << KIND_BITS) as u8);
        return stable;
    }
    match &*st {
        // enumerate/zip over built-in iterators: their `next` runs no Python code.
        IterState::Enumerate { it: Value::Obj(inner), n: Value::Int(_) } if iter_kind_of(*inner) != 0 => 6,
        IterState::Zip { its } if its.iter().all(|v| v.as_obj().is_some_and(|o| iter_kind_of(o) != 0)) => 7,
        _ => 0,
    }
}

// -- Numbers -------------------------------------------------------------------------------

pub(crate) extern "C" fn pow_f64(a: f64, b: f64) -> f64 {
    krait_runtime::arith::pow_f64(a, b)
}

pub(crate) extern "C" fn floor_f64(a: f64) -> f64 {
    a.floor()
}

pub(crate) extern "C" fn sqrt_f64(a: f64) -> f64 {
    a.sqrt()
}

pub(crate) extern "C" fn int_floordiv(a: i64, b: i64) -> SlotWords {
    if b == 0 {
        return NOTHING;
    }
    match krait_runtime::arith::i64_divmod(a, b) {
        Some((q, _)) => words(Value::Int(q)),
        None => NOTHING,
    }
}

pub(crate) extern "C" fn int_mod(a: i64, b: i64) -> SlotWords {
    if b == 0 {
        return NOTHING;
    }
    match krait_runtime::arith::i64_divmod(a, b) {
        Some((_, r)) => words(Value::Int(r)),
        None => NOTHING,
    }
}

// -- Wide ints (i128 in traces) ------------------------------------------------------------

/// An i128 as the two words compiled code passes and returns (low word first: the layout
/// of a two-word struct in the C ABI, returned in two registers like `SlotWords`).
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct WideWords {
    /// The low 64 bits.
    pub lo: u64,
    /// The high 64 bits.
    pub hi: u64,
}

/// What `big_to_wide` returns for an object it cannot unbox (i128::MIN, which it never
/// returns otherwise: such a big int is not unboxed either).
pub const WIDE_NONE: WideWords = WideWords { lo: 0, hi: 1 << 63 };

fn wide(lo: u64, hi: u64) -> i128 {
    ((hi as i128) << 64) | lo as i128
}

/// Whether a big int can live in a trace as an i128 (`wunbox`): inside (-2**127, 2**127).
pub fn fits_wide(b: &num_bigint::BigInt) -> Option<i128> {
    num_traits::ToPrimitive::to_i128(b).filter(|&v| v != i128::MIN)
}

/// A wide int as the runtime represents it: inline when it fits i64, else a new big int
/// (`Vm::new_int`, which normalizes the same way).
pub(crate) extern "C" fn wide_box(ctx: *mut JitCtx, lo: u64, hi: u64) -> SlotWords {
    let v = wide(lo, hi);
    match i64::try_from(v) {
        Ok(i) => words(Value::Int(i)),
        Err(_) => {
            let (vm, _) = vm(ctx);
            words(vm.new_int(num_bigint::BigInt::from(v)))
        }
    }
}

/// A big int object as an i128 (`WIDE_NONE` when it is not a big int or does not fit).
pub(crate) extern "C" fn big_to_wide(o: u64) -> WideWords {
    let Kind::BigInt(b) = &obj(o).kind else { return WIDE_NONE };
    match fits_wide(b) {
        Some(v) => WideWords { lo: v as u64, hi: (v >> 64) as u64 },
        None => WIDE_NONE,
    }
}

/// The product of two wide ints (`WIDE_NONE`, i.e. i128::MIN, when it does not fit i128 or
/// is exactly i128::MIN).
pub(crate) extern "C" fn wide_mul(alo: u64, ahi: u64, blo: u64, bhi: u64) -> WideWords {
    wide_words(wide(alo, ahi).checked_mul(wide(blo, bhi)))
}

/// Python's floor division and modulo of an i128 by a nonzero i64 (the remainder has the
/// divisor's sign). None for a zero divisor, and for `i128::MIN // -1` (past i128).
pub fn wide_divmod(a: i128, b: i64) -> Option<(i128, i64)> {
    // |r| < |b| fits i64.
    wide_divmod128(a, b as i128).map(|(q, r)| (q, r as i64))
}

/// `wide_divmod` by an i128: None for a zero divisor and for `i128::MIN // -1`.
pub fn wide_divmod128(a: i128, b: i128) -> Option<(i128, i128)> {
    // Truncating division, then the floor correction (r + b cannot overflow when their
    // signs differ).
    let q = a.checked_div(b)?;
    let r = a - q * b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// The words of `v`, `WIDE_NONE` for None (or for `i128::MIN` itself).
fn wide_words(v: Option<i128>) -> WideWords {
    match v {
        Some(v) if v != i128::MIN => WideWords { lo: v as u64, hi: (v >> 64) as u64 },
        _ => WIDE_NONE,
    }
}

pub(crate) extern "C" fn wide_mod_wide(alo: u64, ahi: u64, blo: u64, bhi: u64) -> WideWords {
    wide_words(wide_divmod128(wide(alo, ahi), wide(blo, bhi)).map(|(_, r)| r))
}

pub(crate) extern "C" fn wide_floordiv_wide(alo: u64, ahi: u64, blo: u64, bhi: u64) -> WideWords {
    wide_words(wide_divmod128(wide(alo, ahi), wide(blo, bhi)).map(|(q, _)| q))
}

pub(crate) extern "C" fn wide_floordiv(lo: u64, hi: u64, b: i64) -> SlotWords {
    match wide_divmod(wide(lo, hi), b).and_then(|(q, _)| i64::try_from(q).ok()) {
        Some(q) => words(Value::Int(q)),
        None => NOTHING,
    }
}

pub(crate) extern "C" fn wide_mod(lo: u64, hi: u64, b: i64) -> SlotWords {
    match wide_divmod(wide(lo, hi), b) {
        Some((_, r)) => words(Value::Int(r)),
        None => NOTHING,
    }
}

pub(crate) extern "C" fn float_floordiv(a: f64, b: f64) -> SlotWords {
    if b == 0.0 {
        return NOTHING;
    }
    words(Value::Float(krait_runtime::arith::float_floordiv(a, b)))
}

pub(crate) extern "C" fn float_mod(a: f64, b: f64) -> SlotWords {
    if b == 0.0 {
        return NOTHING;
    }
    words(Value::Float(krait_runtime::arith::float_mod(a, b)))
}

/// A value slot's two words (tag, payload) holding UNDEF: compiled code reads an item
/// from here instead of out of range, which needs no branch (backend.rs).
pub static UNDEF_WORDS: [u64; 2] = [tag::UNDEF, 0];

/// The byte compiled code stores to before reading the pending flags (`Op::Pending`):
/// never read.
pub static POLL_SCRATCH: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Where compiled code stores an item instead of out of range (never read; backend.rs).
pub static SCRATCH_WORDS: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];

/// `int(a)` of a float when it fits in an i64 (`float_to_int_fits`); UNDEF otherwise.
pub(crate) extern "C" fn float_to_int(a: f64) -> SlotWords {
    if float_to_int_fits(a) {
        words(Value::Int(a as i64))
    } else {
        NOTHING
    }
}

/// 2**63 as a float (exact).
pub const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// Whether `int(a)` is an i64: finite and -2**63 <= a < 2**63 (NaN fails both).
pub fn float_to_int_fits(a: f64) -> bool {
    (-TWO_POW_63..TWO_POW_63).contains(&a)
}

/// A math function of one float by number (`MATH1` in record.rs); UNDEF on a domain
/// error (the interpreter then raises it).
pub(crate) extern "C" fn math1(f: i64, x: f64) -> SlotWords {
    let r = match f {
        0 => x.sin(),
        1 => x.cos(),
        2 => x.tan(),
        3 => x.atan(),
        4 => x.exp(),
        5 if x > 0.0 => x.ln(),
        6 => x.sinh(),
        7 => x.cosh(),
        8 => x.tanh(),
        9 if (-1.0..=1.0).contains(&x) => x.asin(),
        10 if (-1.0..=1.0).contains(&x) => x.acos(),
        _ => return NOTHING,
    };
    if r.is_finite() || !x.is_finite() {
        words(Value::Float(r))
    } else {
        NOTHING
    }
}

/// `a op b` for an int and a float compared exactly (Python's semantics).
pub(crate) extern "C" fn cmp_int_float(ctx: *mut JitCtx, op: i64, a: i64, b: f64) -> bool {
    let (vm, _) = vm(ctx);
    vm.compare_bool(Value::Int(a), Value::Float(b), CmpOp::from_arg(op as u32)).unwrap_or(false)
}

/// Any binary operation on operands of built-in types (big ints, str, tuples...), by the
/// runtime's own `binary_op`.
pub(crate) extern "C" fn binop(ctx: *mut JitCtx, op: i64, at: u64, ap: u64, bt: u64, bp: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.binary_op(value(at, ap), value(bt, bp), BinOp::from_arg(op as u32)) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

/// Any comparison of operands of built-in scalar types (str, big int, None...).
pub(crate) extern "C" fn compare(ctx: *mut JitCtx, op: i64, at: u64, ap: u64, bt: u64, bp: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.compare(value(at, ap), value(bt, bp), CmpOp::from_arg(op as u32)) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

/// Whether the runtime compares tuples `a` and `b` without running Python code: walking
/// the items as `compare_seq` does (identical items are skipped), every pair compared is
/// of built-in scalars (or tuples of them), up to the first pair that differs.
pub fn tuple_compare_is_safe(vm: &mut Vm, a: Value, b: Value) -> bool {
    fn scalar(v: Value, depth: u32) -> bool {
        match v {
            Value::Obj(o) if matches!(o.kind, Kind::Tuple(_)) => {
                let Kind::Tuple(items) = &o.kind else { return false };
                depth < 4 && items.iter().all(|x| scalar(*x, depth + 1))
            }
            _ => scalar_value(v),
        }
    }
    let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else { return false };
    let (Kind::Tuple(x), Kind::Tuple(y)) = (&ao.kind, &bo.kind) else { return false };
    for (p, q) in x.iter().zip(y.iter()) {
        if p.is(q) {
            continue;
        }
        if !scalar(*p, 0) || !scalar(*q, 0) {
            return false;
        }
        match vm.eq(*p, *q) {
            Ok(true) => continue,
            Ok(false) => return true,
            Err(_) => return false,
        }
    }
    true
}

/// Whether `v` is a value whose hashing and comparing run no Python code (int, float,
/// bool, None, str, big int).
pub fn scalar_value(v: Value) -> bool {
    match v {
        Value::Undef => false,
        Value::Obj(o) => matches!(o.kind, Kind::Str(_) | Kind::BigInt(_)),
        _ => true,
    }
}

/// Whether the runtime answers `k in c` without running Python code: a str in a str, a
/// scalar key in a dict or set, an int in a range, or a list/tuple whose items up to the
/// first equal one are scalars or `k` itself.
pub fn contains_is_safe(c: ObjRef, k: Value) -> bool {
    match &c.kind {
        Kind::Str(_) => k.as_obj().is_some_and(|o| matches!(o.kind, Kind::Str(_))),
        Kind::Dict(_) | Kind::Set(_) | Kind::FrozenSet(_) => scalar_value(k),
        Kind::Range(_) => matches!(k, Value::Int(_)),
        Kind::List(_) | Kind::Tuple(_) => {
            if !scalar_value(k) {
                return false;
            }
            let ok = |items: &[Value]| items.iter().all(|x| x.is(&k) || scalar_value(*x));
            match &c.kind {
                Kind::List(l) => l.try_borrow().is_ok_and(|items| ok(&items)),
                Kind::Tuple(t) => ok(t),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `k in c` when `contains_is_safe`; UNDEF, having done nothing, otherwise.
pub(crate) extern "C" fn contains(ctx: *mut JitCtx, c: u64, kt: u64, kp: u64) -> SlotWords {
    let (c, k) = (obj(c), value(kt, kp));
    if !contains_is_safe(c, k) {
        return NOTHING;
    }
    let (vm, ctx) = vm(ctx);
    match vm.contains(Value::Obj(c), k) {
        Ok(b) => words(Value::Bool(b)),
        Err(e) => fail(ctx, e),
    }
}

/// A comparison of two tuples; UNDEF, having done nothing, unless
/// `tuple_compare_is_safe`.
pub(crate) extern "C" fn compare_tuples(ctx: *mut JitCtx, op: i64, a: u64, b: u64) -> SlotWords {
    let (va, vb) = (Value::Obj(obj(a)), Value::Obj(obj(b)));
    let (vm, ctx) = vm(ctx);
    let op = CmpOp::from_arg(op as u32);
    // Decided by identical items, ints, floats and strs: the runtime's shortcut, no call.
    if let (Kind::Tuple(x), Kind::Tuple(y)) = (&obj(a).kind, &obj(b).kind) {
        if let Some(r) = krait_runtime::ops::compare_items_simple(x, y, op) {
            return words(Value::Bool(r));
        }
    }
    if !tuple_compare_is_safe(vm, va, vb) {
        return NOTHING;
    }
    match vm.compare(va, vb, op) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

// -- Objects -------------------------------------------------------------------------------

pub(crate) extern "C" fn obj_kind(o: u64) -> i64 {
    kind_of(obj(o))
}

pub(crate) extern "C" fn iter_kind(o: u64) -> i64 {
    iter_kind_of(obj(o))
}

/// Whether `o` is a range iterator counting up from a position not below zero.
pub fn range_counts_up(o: ObjRef) -> bool {
    let Kind::Iter(cell) = &o.kind else { return false };
    matches!(cell.try_borrow().as_deref(), Ok(IterState::Range { cur, step, .. }) if *step > 0 && *cur >= 0)
}

/// `iter(range(start, stop, step))` (`step` is not 0), its iterator kind cached already.
pub(crate) extern "C" fn range_iter(ctx: *mut JitCtx, start: i64, stop: i64, step: i64) -> u64 {
    let (vm, _) = vm(ctx);
    let it = vm.new_iter(IterState::Range { cur: start, stop, step });
    let o = it.as_obj().expect("an iterator object");
    iter_kind_of(o);
    o.as_ptr() as u64
}

/// `range_counts_up` for compiled code.
pub(crate) extern "C" fn range_up(o: u64) -> bool {
    range_counts_up(obj(o))
}

/// The truth value of a built-in object (str, list, tuple, dict, set, big int): 0 or 1.
pub(crate) extern "C" fn truthy(ctx: *mut JitCtx, o: u64) -> bool {
    let (vm, _) = vm(ctx);
    vm.truthy(Value::Obj(obj(o))).unwrap_or(false)
}

/// `len(o)` of a built-in container.
pub(crate) extern "C" fn len(ctx: *mut JitCtx, o: u64) -> i64 {
    let (vm, _) = vm(ctx);
    vm.len(Value::Obj(obj(o))).map_or(-1, |n| n as i64)
}

/// `list[i]` (negative indexes count from the end); UNDEF when out of range.
pub(crate) extern "C" fn list_get(l: u64, i: i64) -> SlotWords {
    let Kind::List(items) = &obj(l).kind else { return NOTHING };
    let items = items.borrow();
    let n = items.len() as i64;
    let i = if i < 0 { i + n } else { i };
    if (0..n).contains(&i) {
        words(items[i as usize])
    } else {
        NOTHING
    }
}

/// `len(l)` of a list (the recorder guarded the kind).
pub(crate) extern "C" fn list_len(l: u64) -> i64 {
    match &obj(l).kind {
        Kind::List(items) => items.borrow().len() as i64,
        _ => 0,
    }
}

/// `len(t)` of a tuple (the recorder guarded the kind).
pub(crate) extern "C" fn tuple_len(t: u64) -> i64 {
    match &obj(t).kind {
        Kind::Tuple(items) => items.len() as i64,
        _ => 0,
    }
}

/// `tuple[i]`; UNDEF when out of range.
pub(crate) extern "C" fn tuple_get(t: u64, i: i64) -> SlotWords {
    let Kind::Tuple(items) = &obj(t).kind else { return NOTHING };
    let n = items.len() as i64;
    let i = if i < 0 { i + n } else { i };
    if (0..n).contains(&i) {
        words(items[i as usize])
    } else {
        NOTHING
    }
}

/// `list[i] = v`; false (nothing stored) when out of range.
pub(crate) extern "C" fn list_set(l: u64, i: i64, t: u64, p: u64) -> bool {
    let Kind::List(items) = &obj(l).kind else { return false };
    let Ok(mut items) = items.try_borrow_mut() else { return false };
    let n = items.len() as i64;
    let i = if i < 0 { i + n } else { i };
    if (0..n).contains(&i) {
        items[i as usize] = value(t, p);
        true
    } else {
        false
    }
}

/// `list.append(v)`.
pub(crate) extern "C" fn list_append(l: u64, t: u64, p: u64) -> bool {
    let Kind::List(items) = &obj(l).kind else { return false };
    let Ok(mut items) = items.try_borrow_mut() else { return false };
    items.push(value(t, p));
    true
}

/// The saved values of generator `g` if it is suspended with code `code` at pc
/// `pc_started >> 1`, started as `pc_started & 1` says, with `n` saved values (its frame's
/// slots and operand stack): their address, for compiled code to read its frame from and
/// to check nothing else holds it. 0 otherwise. Nothing changes: a trace that resumes the
/// generator writes it back at its yield (`gen_yield`).
pub(crate) extern "C" fn gen_enter(g: u64, code: u64, pc_started: i64, n: i64) -> i64 {
    let Kind::Generator(cell) = &obj(g).kind else { return 0 };
    let Ok(st) = cell.try_borrow() else { return 0 };
    let ok = !st.running
        && !st.finished
        && st.code.addr() == code as usize
        && st.pc as i64 == pc_started >> 1
        && st.started as i64 == pc_started & 1
        && st.saved.len() as i64 == n;
    if ok {
        st.saved.as_ptr() as i64
    } else {
        0
    }
}

/// Mark generator `g` started: its first resumption runs in compiled code.
pub(crate) extern "C" fn gen_start(g: u64) -> bool {
    let Kind::Generator(cell) = &obj(g).kind else { return false };
    let Ok(mut st) = cell.try_borrow_mut() else { return false };
    st.started = true;
    true
}

/// Generator `g`, resumed by compiled code, yields at pc `pc` with `n` values in its frame:
/// it is suspended there (not running), its saved frame resized to `n` (values it had stay,
/// new ones are None until written). Returns the address compiled code writes the values
/// that changed to.
pub(crate) extern "C" fn gen_yield(g: u64, pc: i64, n: i64) -> i64 {
    let Kind::Generator(cell) = &obj(g).kind else { return 0 };
    let Ok(mut st) = cell.try_borrow_mut() else { return 0 };
    st.pc = pc as usize;
    st.running = false;
    st.saved.resize(n as usize, Value::None);
    st.saved.as_mut_ptr() as i64
}

/// Generator `g`, resumed by compiled code, returns: it is finished, its frame dropped (as
/// the interpreter's `gen_finished`). False, nothing done, if it is in use.
pub(crate) extern "C" fn gen_finish(g: u64) -> bool {
    let Kind::Generator(cell) = &obj(g).kind else { return false };
    let Ok(mut st) = cell.try_borrow_mut() else { return false };
    st.running = false;
    st.finished = true;
    st.saved = Vec::new();
    true
}

/// The `__defaults__` of function `f` (UNDEF if it is not a function).
pub(crate) extern "C" fn func_defaults(f: u64) -> SlotWords {
    match &obj(f).kind {
        Kind::Function(func) => words(func.defaults.get()),
        _ => NOTHING,
    }
}

/// `list.pop(i)` (`i` negative counts from the end): the item, removed, if `i` is in range
/// and the item's tag is `t`; UNDEF otherwise, the list unchanged.
pub(crate) extern "C" fn list_pop(l: u64, i: i64, t: i64) -> SlotWords {
    let Kind::List(items) = &obj(l).kind else { return NOTHING };
    let Ok(mut items) = items.try_borrow_mut() else { return NOTHING };
    let n = items.len() as i64;
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n || items[at as usize].tag() as i64 != t {
        return NOTHING;
    }
    words(items.remove(at as usize))
}

/// `list.extend(s)` with `s` a list or tuple (the list itself too); false, nothing done,
/// for anything else.
pub(crate) extern "C" fn list_extend(l: u64, s: u64) -> bool {
    let Kind::List(items) = &obj(l).kind else { return false };
    match &obj(s).kind {
        Kind::Tuple(t) => match items.try_borrow_mut() {
            Ok(mut items) => items.extend_from_slice(t),
            Err(_) => return false,
        },
        // Copied first: `l.extend(l)` borrows the list twice.
        Kind::List(src) => {
            let Ok(more) = src.try_borrow().map(|src| src.clone()) else { return false };
            let Ok(mut items) = items.try_borrow_mut() else { return false };
            items.extend(more);
        }
        _ => return false,
    }
    true
}

/// `del c[k]` on a built-in container (false, with the exception raised, if it fails).
pub(crate) extern "C" fn delitem(ctx: *mut JitCtx, c: u64, kt: u64, kp: u64) -> bool {
    let (vm, ctx) = vm(ctx);
    match vm.delitem(Value::Obj(obj(c)), value(kt, kp)) {
        Ok(()) => true,
        Err(e) => {
            ctx.raise(e);
            false
        }
    }
}

/// The value in closure cell `c` (UNDEF when empty or not a cell).
pub(crate) extern "C" fn cell_get(c: u64) -> SlotWords {
    match &obj(c).kind {
        Kind::Cell(v) => words(v.get()),
        _ => NOTHING,
    }
}

/// Set the value in closure cell `c` (false if it is not a cell).
pub(crate) extern "C" fn cell_set(c: u64, t: u64, p: u64) -> bool {
    match &obj(c).kind {
        Kind::Cell(v) => {
            v.set(value(t, p));
            true
        }
        _ => false,
    }
}

/// A new instance of plain class `cls`, as a constructor call makes it before `__init__`.
pub(crate) extern "C" fn new_instance(ctx: *mut JitCtx, cls: u64) -> u64 {
    let (vm, _) = vm(ctx);
    let shape = vm.shapes.root();
    let inst = vm.alloc(Kind::Instance(krait_runtime::object::Instance {
        class: std::cell::Cell::new(obj(cls)),
        shape: std::cell::Cell::new(shape),
        slots: std::cell::RefCell::new(Vec::new()),
        payload: krait_runtime::object::Payload::None,
    }));
    inst.as_ptr() as u64
}

/// A new empty list with capacity `n` (BUILD_LIST appends its items).
pub(crate) extern "C" fn list_new(ctx: *mut JitCtx, n: i64) -> u64 {
    let (vm, _) = vm(ctx);
    match vm.new_list(Vec::with_capacity(n.max(0) as usize)) {
        Value::Obj(o) => o.as_ptr() as u64,
        _ => unreachable!("new_list returns an object"),
    }
}

/// A new closure cell holding the value `(t, p)` (UNDEF: an empty cell).
pub(crate) extern "C" fn cell_new(ctx: *mut JitCtx, t: u64, p: u64) -> u64 {
    let (vm, _) = vm(ctx);
    vm.alloc(Kind::Cell(std::cell::Cell::new(value(t, p)))).as_ptr() as u64
}

/// MAKE_FUNCTION of a code object in `globals` with a closure tuple or None (no
/// defaults).
pub(crate) extern "C" fn make_function(ctx: *mut JitCtx, code: u64, globals: u64, ct: u64, cp: u64) -> u64 {
    let (vm, _) = vm(ctx);
    vm.make_function(obj(code), obj(globals), Value::None, Value::None, value(ct, cp)).as_ptr() as u64
}

/// The code object of function `f` (0 if `f` is not a function).
pub(crate) extern "C" fn func_code(f: u64) -> u64 {
    match &obj(f).kind {
        Kind::Function(func) => func.code.as_ptr() as u64,
        _ => 0,
    }
}

/// Cell `i` of function `f`'s closure (the recorder checked the code, hence the count).
pub(crate) extern "C" fn func_cell(f: u64, i: i64) -> u64 {
    match &obj(f).kind {
        Kind::Function(func) => func.closure.get(i as usize).map_or(0, |c| c.as_ptr() as u64),
        _ => 0,
    }
}

/// A new empty dict (BUILD_MAP sets its items).
pub(crate) extern "C" fn dict_new(ctx: *mut JitCtx) -> u64 {
    let (vm, _) = vm(ctx);
    let d = vm.alloc(Kind::new_dict(std::cell::RefCell::new(krait_runtime::dict::Dict::with_capacity(0))));
    d.as_ptr() as u64
}

/// A copy of the items of list `l` (none if it is not a list).
fn list_items(l: u64) -> Vec<Value> {
    match &obj(l).kind {
        Kind::List(items) => items.borrow().clone(),
        _ => vec![],
    }
}

/// A tuple of the items of list `l` (BUILD_TUPLE).
pub(crate) extern "C" fn tuple_of_list(ctx: *mut JitCtx, l: u64) -> u64 {
    let (vm, _) = vm(ctx);
    match vm.new_tuple(list_items(l)) {
        Value::Obj(o) => o.as_ptr() as u64,
        _ => unreachable!("new_tuple returns an object"),
    }
}

/// `c[k]` for a built-in container and a key of a built-in type.
pub(crate) extern "C" fn getitem(ctx: *mut JitCtx, c: u64, kt: u64, kp: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.getitem(Value::Obj(obj(c)), value(kt, kp)) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

/// `c[s]` for a built-in sequence and a slice of ints/None (a new sequence).
pub(crate) extern "C" fn getslice(ctx: *mut JitCtx, c: u64, s: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.getitem(Value::Obj(obj(c)), Value::Obj(obj(s))) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

/// `c[a:b:s]` for a list, tuple or str and ints/None.
#[allow(clippy::too_many_arguments)]
pub(crate) extern "C" fn getslice3(
    ctx: *mut JitCtx,
    c: u64,
    t0: u64,
    p0: u64,
    t1: u64,
    p1: u64,
    t2: u64,
    p2: u64,
) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match krait_runtime::builtins::get_slice(vm, Value::Obj(obj(c)), value(t0, p0), value(t1, p1), value(t2, p2)) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

/// `c[a:b:s] = v` for a list, ints/None and a list or tuple `v`.
#[allow(clippy::too_many_arguments)]
pub(crate) extern "C" fn setslice3(
    ctx: *mut JitCtx,
    c: u64,
    t0: u64,
    p0: u64,
    t1: u64,
    p1: u64,
    t2: u64,
    p2: u64,
    vt: u64,
    vp: u64,
) -> bool {
    let (vm, ctx) = vm(ctx);
    let (c, v) = (Value::Obj(obj(c)), value(vt, vp));
    match krait_runtime::builtins::set_slice(vm, c, value(t0, p0), value(t1, p1), value(t2, p2), v) {
        Ok(()) => true,
        Err(e) => {
            ctx.raise(e);
            false
        }
    }
}

/// `d[a:b:s] = c[e:f:g]` for a list `d`, a list or tuple `c` and ints/None (false,
/// nothing done, when either slice would raise: the exit's interpreter raises it).
#[allow(clippy::too_many_arguments)]
pub(crate) extern "C" fn slice_copy(
    d: u64,
    t0: u64,
    p0: u64,
    t1: u64,
    p1: u64,
    t2: u64,
    p2: u64,
    c: u64,
    t3: u64,
    p3: u64,
    t4: u64,
    p4: u64,
    t5: u64,
    p5: u64,
) -> bool {
    let (a, b, s) = (value(t0, p0), value(t1, p1), value(t2, p2));
    let (e, f, g) = (value(t3, p3), value(t4, p4), value(t5, p5));
    krait_runtime::builtins::copy_slice(obj(d), a, b, s, obj(c), e, f, g)
}

/// The range `lo..hi` that `l[a:b] = l[c:d:-1]` reverses in place on one `len`-long
/// list, when the two slices are that range (target step 1, the source its items
/// backwards: the same range, or both empty); None when the assignment does anything
/// else. The bounds are ints; a None bound is passed as the i64 extreme that clamps as
/// None does (`a` and `d`: `i64::MIN`, `b` and `c`: `i64::MAX`), so the answer is exact.
pub(crate) fn reversal_range(len: usize, a: i64, b: i64, c: i64, d: i64) -> Option<(usize, usize)> {
    use krait_runtime::ops::clamp_slice;
    let (lo, hi, _, m) = clamp_slice(Some(a), Some(b), 1, len);
    let (top, _, _, n) = clamp_slice(Some(c), Some(d), -1, len);
    match (m, n) {
        (0, 0) => Some((0, 0)),
        (m, n) if m == n && top + 1 == hi => Some((lo as usize, hi as usize)),
        _ => None,
    }
}

/// `l[a:b] = l[c:d:-1]` of one list when it reverses a range in place
/// (`reversal_range`, which gives the bounds' encoding): the items swapped, true. False,
/// nothing done, otherwise (the exit's interpreter runs the two steps).
pub(crate) extern "C" fn list_reverse_slice(l: u64, a: i64, b: i64, c: i64, d: i64) -> bool {
    let Kind::List(items) = &obj(l).kind else { return false };
    let Ok(mut items) = items.try_borrow_mut() else { return false };
    let Some((lo, hi)) = reversal_range(items.len(), a, b, c, d) else { return false };
    items[lo..hi].reverse();
    true
}

/// `l[:]` of a list: a new list of its items (its kind already cached, for the guard
/// that follows).
pub(crate) extern "C" fn list_copy(ctx: *mut JitCtx, l: u64) -> u64 {
    let (vm, _) = vm(ctx);
    match vm.new_list(list_items(l)) {
        Value::Obj(o) => {
            kind_of(o);
            o.as_ptr() as u64
        }
        _ => unreachable!("new_list returns an object"),
    }
}

/// `slice(start, stop, step)` of ints/None.
pub(crate) extern "C" fn make_slice(
    ctx: *mut JitCtx,
    t0: u64,
    p0: u64,
    t1: u64,
    p1: u64,
    t2: u64,
    p2: u64,
) -> SlotWords {
    let (vm, _) = vm(ctx);
    words(Value::Obj(vm.alloc(Kind::Slice(value(t0, p0), value(t1, p1), value(t2, p2)))))
}

/// `c[k] = v` for a built-in container and a key of a built-in type.
pub(crate) extern "C" fn setitem(ctx: *mut JitCtx, c: u64, kt: u64, kp: u64, vt: u64, vp: u64) -> bool {
    let (vm, ctx) = vm(ctx);
    match vm.setitem(Value::Obj(obj(c)), value(kt, kp), value(vt, vp)) {
        Ok(()) => true,
        Err(e) => {
            ctx.raise(e);
            false
        }
    }
}

/// `d.get(k, default)` for a dict and a key of a built-in scalar type.
pub(crate) extern "C" fn dict_get(ctx: *mut JitCtx, d: u64, kt: u64, kp: u64, dt: u64, dp: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.dict_get(obj(d), value(kt, kp)) {
        Ok(Some(v)) => words(v),
        Ok(None) => words(value(dt, dp)),
        Err(e) => fail(ctx, e),
    }
}

/// A dict's version (bumped when a key is added or removed).
pub(crate) extern "C" fn dict_version(d: u64) -> i64 {
    obj(d).as_dict().map_or(-1, |d| d.borrow().version as i64)
}

/// The value at entry position `i` of a dict (valid under a version guard).
pub(crate) extern "C" fn dict_value_at(d: u64, i: i64) -> SlotWords {
    match obj(d).as_dict() {
        Some(d) => words(d.borrow().value_at(i as usize)),
        None => NOTHING,
    }
}

/// Replace the value at entry position `i` of a dict (valid under a version guard).
pub(crate) extern "C" fn dict_set_at(d: u64, i: i64, t: u64, p: u64) -> bool {
    match obj(d).as_dict() {
        Some(d) => {
            let mut d = d.borrow_mut();
            if d.entry(i as usize).is_some() {
                d.set_value(i as usize, value(t, p));
                return true;
            }
            false
        }
        None => false,
    }
}

/// The VM's class epoch (bumped when any class namespace changes).
pub(crate) extern "C" fn class_epoch(ctx: *mut JitCtx) -> i64 {
    vm(ctx).0.class_epoch.get() as i64
}

/// Whether `o` is a plain instance of class `cls` with shape `shape`.
pub(crate) extern "C" fn inst_check(o: u64, cls: u64, shape: i64) -> bool {
    // Caches the kind: compiled code checks the class and shape inline once it is known.
    let _ = kind_of(obj(o));
    match &obj(o).kind {
        Kind::Instance(i) => i.class.get().as_ptr() as u64 == cls && i.shape.get() as i64 == shape,
        _ => false,
    }
}

/// Instance slot `i` (valid under an `inst_check` guard).
pub(crate) extern "C" fn inst_get(o: u64, i: i64) -> SlotWords {
    match &obj(o).kind {
        Kind::Instance(inst) => inst.slots.borrow().get(i as usize).map_or(NOTHING, |v| words(*v)),
        _ => NOTHING,
    }
}

/// Set instance slot `i` (valid under an `inst_check` guard).
pub(crate) extern "C" fn inst_set(o: u64, i: i64, t: u64, p: u64) -> bool {
    let Kind::Instance(inst) = &obj(o).kind else { return false };
    let Ok(mut slots) = inst.slots.try_borrow_mut() else { return false };
    match slots.get_mut(i as usize) {
        Some(s) => {
            *s = value(t, p);
            true
        }
        None => false,
    }
}

/// Add an attribute to an instance: push slot value and move to `shape` (valid under an
/// `inst_check` guard on the shape before).
pub(crate) extern "C" fn inst_add(o: u64, shape: i64, t: u64, p: u64) -> bool {
    let Kind::Instance(inst) = &obj(o).kind else { return false };
    let Ok(mut slots) = inst.slots.try_borrow_mut() else { return false };
    slots.push(value(t, p));
    inst.shape.set(shape as u32);
    true
}

/// `next(it)` for a built-in iterator (`iter_kind` != 0): the item, or UNDEF when
/// exhausted or failed (an error, e.g. a dict changed size, is left in `ctx.err`).
pub(crate) extern "C" fn iter_next(ctx: *mut JitCtx, it: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.next(Value::Obj(obj(it))) {
        Ok(Some(v)) => words(v),
        Ok(None) => NOTHING,
        Err(e) => fail(ctx, e),
    }
}

/// Whether no helper has raised an exception yet.
pub(crate) extern "C" fn no_error(ctx: *mut JitCtx) -> bool {
    vm(ctx).1.err.is_none()
}

/// `iter(o)` for a built-in iterable (list, tuple, range, str, dict).
pub(crate) extern "C" fn get_iter(ctx: *mut JitCtx, o: u64) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    match vm.get_iter(Value::Obj(obj(o))) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

/// Call a native (Rust) built-in with up to three arguments of built-in types (the
/// recorder allows only natives that run no Python code on such arguments).
pub(crate) extern "C" fn call_native(
    ctx: *mut JitCtx,
    f: u64,
    n: i64,
    t0: u64,
    p0: u64,
    t1: u64,
    p1: u64,
    t2: u64,
    p2: u64,
) -> SlotWords {
    let (vm, ctx) = vm(ctx);
    let args = [value(t0, p0), value(t1, p1), value(t2, p2)];
    match vm.call(Value::Obj(obj(f)), &args[..n as usize], &[]) {
        Ok(v) => words(v),
        Err(e) => fail(ctx, e),
    }
}

pub(crate) extern "C" fn print_scalars(
    ctx: *mut JitCtx,
    n: i64,
    t0: u64,
    p0: u64,
    t1: u64,
    p1: u64,
    t2: u64,
    p2: u64,
) -> bool {
    let (vm, ctx) = vm(ctx);
    // `sys.stdout` rebound (to a StringIO, say): writing could run Python code.
    if vm.sys_attr("stdout").is_some_and(|out| !out.is(&vm.stdout_obj)) {
        return false;
    }
    let args = [value(t0, p0), value(t1, p1), value(t2, p2)];
    let mut line = String::new();
    for (i, a) in args[..n as usize].iter().enumerate() {
        if i > 0 {
            line.push(' ');
        }
        match vm.str_of(*a) {
            Ok(s) => line.push_str(&s),
            Err(e) => {
                ctx.raise(e);
                return true;
            }
        }
    }
    line.push('\n');
    vm.write_stdout_raw(&line);
    true
}

// -- Object layouts compiled code reads directly --------------------------------------------

/// Where compiled code finds a sequence's items: byte offsets, from an object's address,
/// of the items pointer and of the length word. Rust fixes neither the layout of `Vec`
/// and boxed slices nor where an enum variant keeps its fields, so each layout is learnt
/// from a real object (`learn_layout`) and checked against it before it is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeqLayout {
    /// Offset of the pointer to the first item (`Value`s, 16 bytes each).
    pub ptr: i32,
    /// Offset of the number of items.
    pub len: i32,
}

/// Where compiled code finds a list iterator's position and list: byte offsets, from
/// the iterator object's address, of `IterState::Seq`'s `idx` and of the payload word of
/// its `seq` (the list's address). Taken from the fields of a real list iterator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListIterLayout {
    /// Offset of `idx` (usize::MAX once exhausted).
    pub idx: i32,
    /// Offset of the list's address.
    pub list: i32,
}

/// Where compiled code finds a range iterator's state: byte offsets, from the iterator
/// object's address, of `IterState::Range`'s `cur`, `stop` and `step`. Taken from the
/// fields of a real range iterator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeIterLayout {
    /// Offset of the next value.
    pub cur: i32,
    /// Offset of the end (exclusive).
    pub stop: i32,
    /// Offset of the step (never 0).
    pub step: i32,
}

/// Where compiled code finds a plain instance's class and shape: byte offsets, from the
/// object's address, of `Instance::class` (an object address) and `Instance::shape` (a
/// u32). Taken from the fields of a real instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstClassLayout {
    /// Offset of the class's address.
    pub class: i32,
    /// Offset of the shape number (32 bits).
    pub shape: i32,
}

/// Layouts learnt once, from real objects (`learn_layout`): each a static and its getter.
macro_rules! learnt {
    ($($(#[$doc:meta])* $getter:ident $cell:ident: $ty:ty;)*) => {$(
        static $cell: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
        $(#[$doc])*
        pub fn $getter() -> Option<$ty> {
            $cell.get().copied()
        }
    )*};
}

learnt! {
    /// Offset from an object's address of its header's kind cache (a byte: 0, or the kind
    /// number plus one).
    kind_cache_offset KIND_CACHE_OFFSET: i32;
    /// The layout of list items.
    list_layout LIST_LAYOUT: SeqLayout;
    /// The layout of tuple items.
    tuple_layout TUPLE_LAYOUT: SeqLayout;
    /// The layout of instance slots.
    inst_layout INST_LAYOUT: SeqLayout;
    /// The layout of list iterators.
    list_iter_layout LIST_ITER_LAYOUT: ListIterLayout;
    /// The layout of range iterators.
    range_iter_layout RANGE_ITER_LAYOUT: RangeIterLayout;
    /// The layout of instance classes and shapes.
    inst_class_layout INST_CLASS_LAYOUT: InstClassLayout;
    /// Offset of the value (two words: tag, payload) in a closure cell.
    cell_value_offset CELL_VALUE_OFFSET: i32;
    /// The layout of dicts.
    dict_layout DICT_LAYOUT: DictLayout;
}

/// Where a dict's version and entry values are. A dict object holds a pointer to its
/// table (`Kind::Dict` is boxed); the other offsets are from that pointer.
#[derive(Clone, Copy, Debug)]
pub struct DictLayout {
    /// Offset in the object of the pointer to the table.
    pub boxed: i32,
    /// Offset of the version (`Dict::version`, a u64).
    pub version: i32,
    /// The entry table's pointer and length (entries, live or deleted).
    pub table: SeqLayout,
    /// The size of an entry (`Dict::entry_layout`).
    pub stride: i32,
    /// The offset of the value (two words) in an entry.
    pub value: i32,
}

/// The offset of `field`, a part of the object at `base`, from `base` (None when it is
/// not within the object's first KiB).
fn field_offset<T>(base: usize, field: *const T) -> Option<usize> {
    (field as usize).checked_sub(base).filter(|&off| off < 1024)
}

/// The machine word at `base + off`.
///
/// # Safety
/// `base + off` must be a word-aligned, initialised word of a live object.
unsafe fn word_at(base: usize, off: usize) -> usize {
    // SAFETY: as the caller promises.
    unsafe { *((base + off) as *const usize) }
}

/// The word order of a `Vec<Value>` (`word_order`).
fn vec_order() -> Option<(usize, usize)> {
    word_order::<Vec<Value>, 3>(
        || {
            let mut v = Vec::with_capacity(8);
            v.extend([Value::None; 3]);
            v
        },
        |v| v.as_ptr() as usize,
    )
}

/// Indexes (in words) of the pointer and the length in a value of type `T` made by
/// `make(3)` (3 items, capacity other than 3), read as `N` words.
fn word_order<T, const N: usize>(make: impl Fn() -> T, ptr: impl Fn(&T) -> usize) -> Option<(usize, usize)> {
    if std::mem::size_of::<T>() != N * 8 {
        return None;
    }
    let probe = make();
    // SAFETY: `T` is exactly N words (checked above) of initialized integers and
    // pointers (a `Vec` or a boxed slice), so reading them as `usize`s is a plain copy.
    let words: [usize; N] = unsafe { std::mem::transmute_copy(&probe) };
    let p = words.iter().position(|&w| w == ptr(&probe))?;
    let l = words.iter().position(|&w| w == 3)?;
    (words.iter().filter(|&&w| w == 3).count() == 1).then_some((p, l))
}

/// Learn the layout of `o`'s kind (list, tuple or plain instance) from `o` itself, once,
/// and where objects cache their kind number.
pub fn learn_layout(o: ObjRef) {
    let base = o.as_ptr() as usize;
    if KIND_CACHE_OFFSET.get().is_none() {
        let off = o.jit_kind() as *const std::cell::Cell<u8> as usize - base;
        if off < 1024 {
            let _ = KIND_CACHE_OFFSET.set(off as i32);
        }
    }
    // The layout at `field` (the address of the `Vec`/slice inside `o`), given the word
    // order of its type, checked against the real pointer and length.
    let check = |field: usize, order: Option<(usize, usize)>, ptr: usize, len: usize| -> Option<SeqLayout> {
        let (p, l) = order?;
        let off = field_offset(base, field as *const u8)?;
        let (po, lo) = (off + 8 * p, off + 8 * l);
        // SAFETY: both are words of the field (part of `*o`, which is alive: the caller
        // holds `o`), at word-aligned offsets.
        let (rp, rl) = unsafe { (word_at(base, po), word_at(base, lo)) };
        (rp == ptr && rl == len).then_some(SeqLayout { ptr: po as i32, len: lo as i32 })
    };
    match &o.kind {
        Kind::Cell(v) if CELL_VALUE_OFFSET.get().is_none() => {
            // The `Value` inside the cell: read back to check.
            if let Some(off) = field_offset(base, v.as_ptr()) {
                // SAFETY: the cell's `Value` is part of `*o` (alive: the caller holds
                // `o`): two initialised, word-aligned words.
                let (t, p) = unsafe { (word_at(base, off), word_at(base, off + 8)) };
                let w = words(v.get());
                // (Only a value whose payload is a whole word can be compared.)
                if matches!(v.get(), Value::Int(_) | Value::Obj(_)) && (t as u64, p as u64) == (w.tag, w.payload) {
                    let _ = CELL_VALUE_OFFSET.set(off as i32);
                }
            }
        }
        Kind::Dict(d) if DICT_LAYOUT.get().is_none() => {
            // The object holds the box's pointer (read back to check); the rest is at
            // offsets from it.
            let inner = &**d as *const std::cell::RefCell<krait_runtime::dict::Dict> as usize;
            let Some(boxed) = field_offset(base, d as *const Box<_>) else { return };
            // SAFETY: the box is a field of `*o` (alive: the caller holds `o`): one
            // initialised, word-aligned pointer.
            if unsafe { word_at(base, boxed) } != inner {
                return;
            }
            let Ok(b) = d.try_borrow() else { return };
            let (entries, stride, value) = b.entry_layout();
            let (Some(version), Some(off), Some((p, l))) =
                (field_offset(inner, &b.version), field_offset(inner, entries as *const _), vec_order())
            else {
                return;
            };
            let (po, lo) = (off + 8 * p, off + 8 * l);
            // SAFETY: both are words of the entry table's `Vec`, part of the boxed dict
            // (alive with `*o`), at word-aligned offsets.
            let (rp, rl) = unsafe { (word_at(inner, po), word_at(inner, lo)) };
            if rp == entries.as_ptr() as usize && rl == entries.len() {
                let _ = DICT_LAYOUT.set(DictLayout {
                    boxed: boxed as i32,
                    version: version as i32,
                    table: SeqLayout { ptr: po as i32, len: lo as i32 },
                    stride: stride as i32,
                    value: value as i32,
                });
            }
        }
        Kind::List(items) if LIST_LAYOUT.get().is_none() => {
            let b = items.borrow();
            if let Some(l) = check(items.as_ptr() as usize, vec_order(), b.as_ptr() as usize, b.len()) {
                let _ = LIST_LAYOUT.set(l);
            }
        }
        Kind::Tuple(items) if TUPLE_LAYOUT.get().is_none() => {
            let order =
                word_order::<Box<[Value]>, 2>(|| vec![Value::None; 3].into_boxed_slice(), |v| v.as_ptr() as usize);
            let field = items as *const Box<[Value]> as usize;
            if let Some(l) = check(field, order, items.as_ptr() as usize, items.len()) {
                let _ = TUPLE_LAYOUT.set(l);
            }
        }
        Kind::Iter(cell) if RANGE_ITER_LAYOUT.get().is_none() && iter_kind_of(o) == 1 => {
            let Ok(st) = cell.try_borrow() else { return };
            if let IterState::Range { cur, stop, step } = &*st {
                // Plain i64 fields: their offsets are the layout.
                let at = |f: &i64| field_offset(base, f);
                if let (Some(c), Some(p), Some(s)) = (at(cur), at(stop), at(step)) {
                    let _ = RANGE_ITER_LAYOUT.set(RangeIterLayout { cur: c as i32, stop: p as i32, step: s as i32 });
                }
            }
        }
        Kind::Iter(cell) if LIST_ITER_LAYOUT.get().is_none() => {
            let Ok(st) = cell.try_borrow() else { return };
            if let IterState::Seq { seq: seq @ Value::Obj(l), idx } = &*st {
                if !matches!(l.kind, Kind::List(_)) {
                    return;
                }
                // The list's address is the payload word of the `Value` (tag word first:
                // `SlotWords`), checked by reading it back.
                let (Some(i), Some(v)) = (field_offset(base, idx), field_offset(base, seq)) else { return };
                // SAFETY: the `Value` is a field of `*o` (alive: the caller holds `o`), two
                // initialised words, word-aligned.
                if unsafe { word_at(base, v + 8) } == l.as_ptr() as usize {
                    let _ = LIST_ITER_LAYOUT.set(ListIterLayout { idx: i as i32, list: (v + 8) as i32 });
                }
            }
        }
        Kind::Instance(inst) if INST_CLASS_LAYOUT.get().is_none() || INST_LAYOUT.get().is_none() => {
            // The class cell holds the class's address (checked by reading it back); the
            // shape is a plain u32.
            if let (None, Some(c), Some(sh)) =
                (INST_CLASS_LAYOUT.get(), field_offset(base, &inst.class), field_offset(base, &inst.shape))
            {
                // SAFETY: `class` is a field of `*o` (alive: the caller holds `o`), one
                // initialised, word-aligned word (`Cell<ObjRef>`).
                if unsafe { word_at(base, c) } == inst.class.get().as_ptr() as usize {
                    let _ = INST_CLASS_LAYOUT.set(InstClassLayout { class: c as i32, shape: sh as i32 });
                }
            }
            if INST_LAYOUT.get().is_none() {
                let b = inst.slots.borrow();
                if let Some(l) = check(inst.slots.as_ptr() as usize, vec_order(), b.as_ptr() as usize, b.len()) {
                    let _ = INST_LAYOUT.set(l);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_divmod_has_python_floor_semantics() {
        // Python: divmod(a, b) for each sign of a and b, small and past i64.
        let cases: [(i128, i64, i128, i64); 8] = [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (1 << 100, 1_000_000_007, 1267650591354675262013, 976371285),
            (-(1 << 100), 1_000_000_007, -1267650591354675262014, 23628722),
            (i128::MAX, i64::MIN, -18446744073709551616, -1),
            (i128::MIN, 1, i128::MIN, 0),
        ];
        for (a, b, q, r) in cases {
            assert_eq!(wide_divmod(a, b), Some((q, r)), "divmod({a}, {b})");
            assert_eq!(q * b as i128 + r as i128, a);
        }
        assert_eq!(wide_divmod(5, 0), None);
        assert_eq!(wide_divmod(i128::MIN, -1), None);
    }
}
