//! Arithmetic: the binary and unary operators on numbers with Python semantics (i64
//! fast paths that overflow into big ints, floor division and modulo signs, float rules),
//! sequence concatenation and repetition, and the dunder protocol for everything else.

use crate::bytecode::BinOp;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A number operand: small int, big int or float.
#[derive(Clone)]
/// A number operand; a big int is borrowed from its object (copying thousands of digits
/// per operation cost pidigits a third of its time).
enum N<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

fn as_num(v: &Value) -> Option<N<'_>> {
    match v {
        Value::Int(i) => Some(N::I(*i)),
        Value::Bool(b) => Some(N::I(*b as i64)),
        Value::Float(f) => Some(N::F(*f)),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) => Some(N::B(b)),
            _ => None,
        },
        _ => None,
    }
}

fn big<'a>(n: &N<'a>) -> std::borrow::Cow<'a, BigInt> {
    match n {
        N::I(i) => std::borrow::Cow::Owned(BigInt::from(*i)),
        N::B(b) => std::borrow::Cow::Borrowed(*b),
        N::F(_) => std::borrow::Cow::Owned(BigInt::zero()),
    }
}

/// Converts a big int to float, or OverflowError.
pub fn bigint_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    match crate::format::bigint_to_f64(b) {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

fn to_f64(vm: &mut Vm, n: &N) -> PyResult<f64> {
    match n {
        N::I(i) => Ok(*i as f64),
        N::B(b) => bigint_to_f64(vm, b),
        N::F(f) => Ok(*f),
    }
}

/// Python's float modulo (result has the sign of the divisor).
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// Python's float floor division (CPython's float_divmod algorithm).
pub fn float_floordiv(x: f64, y: f64) -> f64 {
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(x / y)
    }
}

/// Python's int floor division and modulo on i64 (None on overflow).
#[inline]
pub fn i64_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    if a == i64::MIN && b == -1 {
        return None;
    }
    let q = a / b;
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// True division of two ints with correct rounding for the common cases.
fn int_truediv(vm: &mut Vm, a: &N, b: &N) -> PyResult<Value> {
    let bz = match b {
        N::I(0) => true,
        N::B(x) => x.is_zero(),
        _ => false,
    };
    if bz {
        return Err(vm.zero_division("division by zero"));
    }
    if let (N::I(x), N::I(y)) = (a, b) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(Value::Float(*x as f64 / *y as f64));
        }
    }
    // Exact rational rounding: scale so the quotient has 64+ significant bits.
    let (x, y) = (big(a), big(b));
    let neg = x.is_negative() != y.is_negative();
    let (x, y) = (x.abs(), y.abs());
    let shift = 70i64 - (x.bits() as i64 - y.bits() as i64);
    let (num, den) = if shift >= 0 { (x << shift as usize, y) } else { (x, y << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    // Sticky bit keeps rounding exact.
    let q = if r.is_zero() { q } else { (q << 1usize) | BigInt::one() };
    let extra = if r.is_zero() { 0 } else { 1 };
    let qf = match crate::format::bigint_to_f64(&q) {
        Some(f) => f,
        None => return Err(vm.overflow_error("integer division result too large for a float")),
    };
    let e = -(shift as i32) - extra;
    let res = if e > 1023 {
        f64::INFINITY
    } else if e < -1074 - 64 {
        qf * 2f64.powi(-1074) * 2f64.powi(e + 1074)
    } else {
        let half = e / 2;
        qf * 2f64.powi(half) * 2f64.powi(e - half)
    };
    if res.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(Value::Float(if neg { -res } else { res }))
}

/// `x ** y` of floats as C's `pow` gives it (what CPython calls), with a shortcut for
/// `y == 0.5`. `sqrt` is correctly rounded, and `pow` (glibc's: error at most 0.54 ulp,
/// below 0.53 when `|y * log(x)| < 400`, as here) gives the same double whenever the
/// exact root is within 0.45 ulp of `sqrt`'s (every other double is then at least 0.55
/// ulp away). How far it is shows in the residual `r = s*s - x`: the root is `s -
/// r/(2s)` to within a relative 2**-100. Otherwise (one root in ten, and some of those do
/// differ) `pow` decides. (The bound is glibc's, whose `pow` CPython calls here too; on a
/// C library with a less exact `pow` the shortcut could round differently from it.)
pub fn pow_f64(x: f64, y: f64) -> f64 {
    if y == 0.5 && (1e-250..1e250).contains(&x) {
        let s = x.sqrt();
        // `s*s - x` exactly as a sum of exact parts (Dekker's product: `hi` and `lo` have
        // 26 bits each, `hi*hi` is within a factor of 2 of `x`), rounded twice, which
        // matters nothing next to the margin: no fused multiply-add needed, which
        // without the instruction is a slow library call.
        let t = 134217729.0 * s;
        let hi = t - (t - s);
        let lo = s - hi;
        let r = ((hi * hi - x) + 2.0 * hi * lo) + lo * lo;
        // ulp(s): 2**(exponent - 52).
        let ulp = f64::from_bits(s.to_bits() & 0x7ff0_0000_0000_0000) * f64::EPSILON;
        if r.abs() < 0.9 * s * ulp {
            return s;
        }
    }
    x.powf(y)
}

fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(vm.not_implemented_error(
            "complex numbers are not supported by krait: a negative number raised to a fractional power",
        ));
    }
    let r = pow_f64(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

/// Arithmetic on two numbers; None if an operand is not a number.
/// `a op b` for small ints and floats when the result is a plain int or float (no big
/// int, no error): the same result `num_binop` gives, without its conversions. The
/// interpreter's fast path.
#[inline(always)]
pub fn fast_binop(a: Value, b: Value, op: BinOp) -> Option<Value> {
    use BinOp::*;
    /// Below 2**53 an int converts to float exactly, so `x / y` rounds once, as in CPython.
    const EXACT: u64 = 1 << 53;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op.base() {
            Add => x.checked_add(y).map(Value::Int),
            Sub => x.checked_sub(y).map(Value::Int),
            Mul => x.checked_mul(y).map(Value::Int),
            FloorDiv if y != 0 => i64_divmod(x, y).map(|(q, _)| Value::Int(q)),
            Mod if y != 0 => i64_divmod(x, y).map(|(_, r)| Value::Int(r)),
            TrueDiv if y != 0 && x.unsigned_abs() < EXACT && y.unsigned_abs() < EXACT => {
                Some(Value::Float(x as f64 / y as f64))
            }
            And => Some(Value::Int(x & y)),
            Or => Some(Value::Int(x | y)),
            Xor => Some(Value::Int(x ^ y)),
            RShift if (0..64).contains(&y) => Some(Value::Int(x >> y)),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => fast_float_binop(x, y, op),
        (Value::Int(x), Value::Float(y)) => fast_float_binop(x as f64, y, op),
        (Value::Float(x), Value::Int(y)) => fast_float_binop(x, y as f64, op),
        _ => None,
    }
}

#[inline(always)]
fn fast_float_binop(x: f64, y: f64, op: BinOp) -> Option<Value> {
    use BinOp::*;
    match op.base() {
        Add => Some(Value::Float(x + y)),
        Sub => Some(Value::Float(x - y)),
        Mul => Some(Value::Float(x * y)),
        TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
        FloorDiv if y != 0.0 => Some(Value::Float(float_floordiv(x, y))),
        Mod if y != 0.0 => Some(Value::Float(float_mod(x, y))),
        _ => None,
    }
}

fn num_binop(vm: &mut Vm, a: &N, b: &N, op: BinOp) -> PyResult<Option<Value>> {
    use BinOp::*;
    let op = op.base();
    // Floats.
    if matches!(a, N::F(_)) || matches!(b, N::F(_)) {
        if matches!(op, LShift | RShift | And | Or | Xor | MatMul) {
            return Ok(None);
        }
        let x = to_f64(vm, a)?;
        let y = to_f64(vm, b)?;
        return Ok(Some(match op {
            Add => Value::Float(x + y),
            Sub => Value::Float(x - y),
            Mul => Value::Float(x * y),
            TrueDiv => {
                if y == 0.0 {
                    return Err(vm.zero_division("float division by zero"));
                }
                Value::Float(x / y)
            }
            FloorDiv => {
                if y == 0.0 {
                    return Err(vm.zero_division("float floor division by zero"));
                }
                Value::Float(float_floordiv(x, y))
            }
            Mod => {
                if y == 0.0 {
                    return Err(vm.zero_division("float modulo"));
                }
                Value::Float(float_mod(x, y))
            }
            Pow => float_pow(vm, x, y)?,
            _ => return Ok(None),
        }));
    }
    // Small ints.
    if let (N::I(x), N::I(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            Add => x.checked_add(y).map(Value::Int),
            Sub => x.checked_sub(y).map(Value::Int),
            Mul => x.checked_mul(y).map(Value::Int),
            FloorDiv => {
                if y == 0 {
                    return Err(vm.zero_division("integer division or modulo by zero"));
                }
                i64_divmod(x, y).map(|(q, _)| Value::Int(q))
            }
            Mod => {
                if y == 0 {
                    return Err(vm.zero_division("integer modulo by zero"));
                }
                i64_divmod(x, y).map(|(_, r)| Value::Int(r))
            }
            TrueDiv => return int_truediv(vm, a, b).map(Some),
            And => Some(Value::Int(x & y)),
            Or => Some(Value::Int(x | y)),
            Xor => Some(Value::Int(x ^ y)),
            LShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if x == 0 {
                    Some(Value::Int(0))
                } else if y < 63 && (x.unsigned_abs().leading_zeros() as i64) > y + 1 {
                    Some(Value::Int(x << y))
                } else {
                    None
                }
            }
            RShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }))
            }
            Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    return float_pow(vm, x as f64, y as f64).map(Some);
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32).map(Value::Int)
                } else if x == 0 || x == 1 {
                    Some(Value::Int(x))
                } else if x == -1 {
                    Some(Value::Int(if y % 2 == 0 { 1 } else { -1 }))
                } else {
                    None
                }
            }
            MatMul => return Ok(None),
            _ => return Ok(None),
        };
        if let Some(v) = r {
            return Ok(Some(v));
        }
    }
    // Big ints.
    let (x, y) = (big(a), big(b));
    let (x, y) = (&*x, &*y);
    let r: BigInt = match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(y)
        }
        Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(y)
        }
        TrueDiv => return int_truediv(vm, a, b).map(Some),
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
        LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) if s < (1 << 32) => x << s,
                _ => return Err(vm.overflow_error("too many digits in integer")),
            }
        }
        RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        Pow => {
            if y.is_negative() {
                let xf = bigint_to_f64(vm, x)?;
                let yf = bigint_to_f64(vm, y)?;
                return float_pow(vm, xf, yf).map(Some);
            }
            match y.to_u32() {
                Some(e) => {
                    if x.bits() * e as u64 > 200_000_000 {
                        return Err(vm.overflow_error("exponent too large"));
                    }
                    num_traits::Pow::pow(x, e)
                }
                None => return Err(vm.overflow_error("exponent too large")),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.new_int(r)))
}

impl Vm {
    /// `a op b` for a BINARY_OP.
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        // Hot paths first.
        if let Some(r) = fast_binop(a, b, op) {
            return Ok(r);
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => match op.base() {
                BinOp::Add => {
                    if let Some(r) = x.checked_add(y) {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::Sub => {
                    if let Some(r) = x.checked_sub(y) {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::Mul => {
                    if let Some(r) = x.checked_mul(y) {
                        return Ok(Value::Int(r));
                    }
                }
                _ => {}
            },
            (Value::Float(x), Value::Float(y)) => match op.base() {
                BinOp::Add => return Ok(Value::Float(x + y)),
                BinOp::Sub => return Ok(Value::Float(x - y)),
                BinOp::Mul => return Ok(Value::Float(x * y)),
                BinOp::TrueDiv if y != 0.0 => return Ok(Value::Float(x / y)),
                _ => {}
            },
            _ => {}
        }
        if let (Some(x), Some(y)) = (as_num(&a), as_num(&b)) {
            if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                match op.base() {
                    BinOp::And => return Ok(Value::Bool(p & q)),
                    BinOp::Or => return Ok(Value::Bool(p | q)),
                    BinOp::Xor => return Ok(Value::Bool(p ^ q)),
                    _ => {}
                }
            }
            if let Some(v) = num_binop(self, &x, &y, op)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.seq_binop(a, b, op)? {
            return Ok(v);
        }
        self.binary_op_dunder(a, b, op)
    }

    /// Built-in sequence/str/set/dict operators; None when not applicable.
    fn seq_binop(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
        let (Some(ao), bo) = (a.as_obj(), b.as_obj()) else {
            // int * sequence
            if let (Value::Int(_) | Value::Bool(_), Some(bo)) = (a, b.as_obj()) {
                if op.base() == BinOp::Mul
                    && matches!(bo.kind, Kind::Str(_) | Kind::List(_) | Kind::Tuple(_) | Kind::Bytes(_))
                {
                    return self.seq_binop(b, a, BinOp::Mul);
                }
            }
            return Ok(None);
        };
        let inplace = op.is_inplace();
        match (&ao.kind, op.base()) {
            (Kind::Str(s), BinOp::Add) => {
                if let Some(Kind::Str(t)) = bo.map(|o| o.kind()) {
                    let mut r = String::with_capacity(s.s.len() + t.s.len());
                    r.push_str(&s.s);
                    r.push_str(&t.s);
                    return Ok(Some(self.new_str(r)));
                }
            }
            (Kind::Str(s), BinOp::Mod) => return crate::builtins::percent_format(self, &s.s.clone(), b).map(Some),
            (Kind::Str(s), BinOp::Mul) => {
                if let Some(n) = self.repeat_count(b)? {
                    if s.s.len().saturating_mul(n) > (1 << 34) {
                        return Err(self.err(self.exc.MemoryError, ""));
                    }
                    let r = s.s.repeat(n);
                    return Ok(Some(self.new_str(r)));
                }
            }
            (Kind::List(l), BinOp::Add) => {
                if let Some(Kind::List(m)) = bo.map(|o| o.kind()) {
                    if inplace {
                        let extra = m.borrow().clone();
                        l.borrow_mut().extend(extra);
                        return Ok(Some(a));
                    }
                    let mut r = l.borrow().clone();
                    r.extend_from_slice(&m.borrow());
                    return Ok(Some(self.new_list(r)));
                }
                if inplace {
                    let items = self.collect_iter(b)?;
                    l.borrow_mut().extend(items);
                    return Ok(Some(a));
                }
            }
            (Kind::List(l), BinOp::Mul) => {
                if let Some(n) = self.repeat_count(b)? {
                    let src = l.borrow().clone();
                    if src.len().saturating_mul(n) > (1 << 31) {
                        return Err(self.err(self.exc.MemoryError, ""));
                    }
                    // `repeat` copies in doublings (one item filled, not copied n times).
                    let r = src.repeat(n);
                    if inplace {
                        *l.borrow_mut() = r;
                        return Ok(Some(a));
                    }
                    return Ok(Some(self.new_list(r)));
                }
            }
            (Kind::Tuple(t), BinOp::Add) => {
                if let Some(Kind::Tuple(u)) = bo.map(|o| o.kind()) {
                    let mut r = t.to_vec();
                    r.extend_from_slice(u);
                    return Ok(Some(self.new_tuple(r)));
                }
            }
            (Kind::Tuple(t), BinOp::Mul) => {
                if let Some(n) = self.repeat_count(b)? {
                    if t.len().saturating_mul(n) > (1 << 31) {
                        return Err(self.err(self.exc.MemoryError, ""));
                    }
                    return Ok(Some(self.new_tuple(t.repeat(n))));
                }
            }
            (Kind::Bytes(x), BinOp::Add) => {
                if let Some(Kind::Bytes(y)) = bo.map(|o| o.kind()) {
                    let mut r = x.to_vec();
                    r.extend_from_slice(y);
                    return Ok(Some(Value::Obj(self.alloc(Kind::Bytes(r.into_boxed_slice())))));
                }
            }
            (Kind::Bytes(x), BinOp::Mul) => {
                if let Some(n) = self.repeat_count(b)? {
                    let r = x.repeat(n);
                    return Ok(Some(Value::Obj(self.alloc(Kind::Bytes(r.into_boxed_slice())))));
                }
            }
            (Kind::Set(_) | Kind::FrozenSet(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                if let Some(bo) = bo {
                    if matches!(bo.kind, Kind::Set(_) | Kind::FrozenSet(_)) {
                        return crate::builtins::set_binop(self, ao, bo, op).map(Some);
                    }
                }
            }
            (Kind::Dict(_), BinOp::Or) => {
                if let Some(bo) = bo {
                    if matches!(bo.kind, Kind::Dict(_)) {
                        let target = if inplace {
                            ao
                        } else {
                            let copy = ao.as_dict().unwrap().borrow().clone();
                            self.new_dict(copy).as_obj().unwrap()
                        };
                        let items: Vec<(Value, Value)> = bo.as_dict().unwrap().borrow().iter().collect();
                        for (k, v) in items {
                            self.dict_set(target, k, v)?;
                        }
                        return Ok(Some(Value::Obj(target)));
                    }
                }
            }
            _ => {}
        }
        Ok(None)
    }

    fn repeat_count(&mut self, b: Value) -> PyResult<Option<usize>> {
        match b {
            Value::Int(n) => Ok(Some(n.max(0) as usize)),
            Value::Bool(x) => Ok(Some(x as usize)),
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                if let Kind::BigInt(x) = &o.kind {
                    if x.is_negative() {
                        return Ok(Some(0));
                    }
                }
                Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            Value::Obj(o) if matches!(o.kind, Kind::Instance(_)) => {
                let cls = self.type_of(b);
                let ix = self.names.index;
                if self.class_lookup(cls, ix).is_some() {
                    let n = self.to_index(b)?;
                    return Ok(Some(n.max(0) as usize));
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// The dunder protocol: `a.__op__(b)`, then `b.__rop__(a)`; in-place first tries
    /// `a.__iop__(b)`.
    fn binary_op_dunder(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        self.binary_op_dunder_from(a, b, op, 0)
    }

    /// When `a` is an instance of a plain class (no metaclass) and the first method the
    /// dunder protocol calls is a plain Python function of `(self, other)`: that function,
    /// and the stage `binary_op_dunder_from` goes on from if it returns NotImplemented
    /// (1: after `__iop__`, 2: after `__op__`). BINARY_OP runs it as a frame.
    pub fn binop_frame_target(&self, a: Value, b: Value, op: BinOp) -> Option<(ObjRef, u8)> {
        // `2 * v`: an int, float or bool on the left has no method for a Python instance
        // on the right (its own returns NotImplemented without running Python code), so
        // the right operand's reflected method runs, with the operands swapped (stage 3).
        if matches!(a, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
            let Value::Obj(bo) = b else { return None };
            let Kind::Instance(inst) = &bo.kind else { return None };
            if !matches!(inst.payload, crate::object::Payload::None) || op.is_inplace() {
                return None;
            }
            let tb = inst.class.get();
            if tb.as_class()?.meta.get().is_some() {
                return None;
            }
            let [_, rname, _] = self.op_names.bin[op.base() as usize];
            let f = self.class_lookup(tb, rname)?.as_obj()?;
            let code = f.as_function()?.code.as_code()?;
            return (code.simple && code.co.argcount == 2).then_some((f, 3));
        }
        let Value::Obj(ao) = a else { return None };
        let Kind::Instance(inst) = &ao.kind else { return None };
        if !matches!(inst.payload, crate::object::Payload::None) {
            return None;
        }
        let ta = inst.class.get();
        if ta.as_class()?.meta.get().is_some() {
            return None;
        }
        let plain = |f: Value| {
            let fo = f.as_obj()?;
            let func = fo.as_function()?;
            let code = func.code.as_code()?;
            (code.simple && code.co.argcount == 2).then_some(fo)
        };
        let [fname, rname, iname] = self.op_names.bin[op.base() as usize];
        if op.is_inplace() {
            if let Some(f) = self.class_lookup(ta, iname) {
                return plain(f).map(|f| (f, 1));
            }
        }
        let tb = self.type_of(b);
        if !ta.ptr_eq(tb) && crate::ops::is_subclass(tb, ta) && self.class_lookup(tb, rname).is_some() {
            return None; // the subclass's reflected method goes first
        }
        plain(self.class_lookup(ta, fname)?).map(|f| (f, 2))
    }

    /// `binop_frame_target` through instruction `cache`: keyed by the operands' classes
    /// and the class epoch (which any change to a class namespace or MRO, and every class
    /// creation, bumps), it holds the function and stage found for them. The per-instance
    /// conditions (no built-in payload) are checked each time.
    #[inline]
    pub fn binop_frame_target_cached(
        &self,
        cache: &std::cell::Cell<crate::object::InlineCache>,
        a: Value,
        b: Value,
        op: BinOp,
    ) -> Option<(ObjRef, u8)> {
        let plain_inst = |v: Value| match v {
            Value::Obj(o) => match &o.kind {
                Kind::Instance(i) => matches!(i.payload, crate::object::Payload::None).then(|| i.class.get()),
                _ => None,
            },
            _ => None,
        };
        let (ta, tb) = match (plain_inst(a), plain_inst(b)) {
            (Some(ta), _) => (ta, self.type_of(b)),
            (None, Some(tb)) if matches!(a, Value::Int(_) | Value::Float(_) | Value::Bool(_)) => (self.type_of(a), tb),
            _ => return None,
        };
        let epoch = self.class_epoch.get();
        let c = cache.get();
        if c.key == ta.addr() && c.epoch2 == tb.addr() as u64 && c.epoch == epoch {
            if let Value::Obj(f) = c.value {
                return Some((f, c.slot as u8));
            }
        }
        let r = self.binop_frame_target(a, b, op);
        if let Some((f, stage)) = r {
            cache.set(crate::object::InlineCache {
                key: ta.addr(),
                epoch,
                epoch2: tb.addr() as u64,
                slot: stage as u32,
                value: Value::Obj(f),
                ..crate::object::InlineCache::default()
            });
        }
        r
    }

    /// The dunder protocol from `stage`: 0 from the start, 1 after `a.__iop__(b)` returned
    /// NotImplemented, 2 after `a.__op__(b)` did, 3 after `b.__rop__(a)` did (the frames
    /// `binop_frame_target` names).
    pub fn binary_op_dunder_from(&mut self, a: Value, b: Value, op: BinOp, stage: u8) -> PyResult<Value> {
        let [fname, rname, iname] = self.op_names.bin[op.base() as usize];
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if op.is_inplace() && stage == 0 {
            let n = iname;
            if let Some(f) = self.class_lookup(ta, n) {
                let r = self.call(f, &[a, b], &[])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        // Natives of the core built-in types are skipped (the wrapped value is operated on
        // below); those of library types whose values are instances (array) are called.
        let fa = self.class_lookup(ta, fname).filter(|f| !is_builtin_slot(f) || wraps_instance(a));
        let rb = if ta.ptr_eq(tb) {
            None
        } else {
            self.class_lookup(tb, rname).filter(|f| !is_builtin_slot(f) || wraps_instance(b))
        };
        // A subclass's reflected method takes priority.
        let rb_first = rb.is_some() && crate::ops::is_subclass(tb, ta) && !ta.ptr_eq(tb);
        if rb_first {
            let r = self.call(rb.unwrap(), &[b, a], &[])?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(f) = fa.filter(|_| stage < 2) {
            let r = self.call(f, &[a, b], &[])?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !rb_first && stage < 3 {
            if let Some(f) = rb {
                let r = self.call(f, &[b, a], &[])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        // Subclasses of built-in types: operate on the wrapped values.
        let (ua, ub) = (crate::ops::unwrap_builtin(a), crate::ops::unwrap_builtin(b));
        if !ua.is(&a) || !ub.is(&b) {
            return self.binary_op(ua, ub, op.base());
        }
        let (na, nb) = (self.type_name(a), self.type_name(b));
        if op.base() == BinOp::Pow {
            return Err(self.type_error(format!("unsupported operand type(s) for ** or pow(): '{}' and '{}'", na, nb)));
        }
        if op.base() == BinOp::Add && na == "str" && nb != "str" {
            return Err(self.type_error(format!("can only concatenate str (not \"{}\") to str", nb)));
        }
        if op.base() == BinOp::Add && na == "list" && na != nb {
            return Err(self.type_error(format!("can only concatenate list (not \"{}\") to list", nb)));
        }
        if op.base() == BinOp::Add && na == "tuple" && na != nb {
            return Err(self.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", nb)));
        }
        if op.base() == BinOp::Mul
            && matches!(na.as_str(), "str" | "list" | "tuple")
            && !matches!(nb.as_str(), "int" | "bool")
        {
            return Err(self.type_error(format!("can't multiply sequence by non-int of type '{}'", nb)));
        }
        if op.base() == BinOp::Mul
            && matches!(nb.as_str(), "str" | "list" | "tuple")
            && !matches!(na.as_str(), "int" | "bool")
        {
            return Err(self.type_error(format!("can't multiply sequence by non-int of type '{}'", na)));
        }
        Err(self.type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), na, nb)))
    }

    /// `-v`.
    pub fn neg(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => match i.checked_neg() {
                Some(r) => Ok(Value::Int(r)),
                None => Ok(self.new_int(-BigInt::from(i))),
            },
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                let Kind::BigInt(b) = &o.kind else { unreachable!() };
                let r = -b.clone();
                Ok(self.new_int(r))
            }
            _ => self.unary_dunder(v, self.names.neg, "unary -"),
        }
    }

    /// `+v`.
    pub fn pos(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => Ok(v),
            _ => self.unary_dunder(v, self.names.pos, "unary +"),
        }
    }

    /// `~v`.
    pub fn invert(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                let Kind::BigInt(b) = &o.kind else { unreachable!() };
                let r = -b.clone() - 1;
                Ok(self.new_int(r))
            }
            _ => self.unary_dunder(v, self.names.invert, "unary ~"),
        }
    }

    fn unary_dunder(&mut self, v: Value, name: ObjRef, what: &str) -> PyResult<Value> {
        let t = self.type_of(v);
        if let Some(f) = self.class_lookup(t, name) {
            return self.call(f, &[v], &[]);
        }
        let u = crate::ops::unwrap_builtin(v);
        if !u.is(&v) {
            return match what {
                "unary -" => self.neg(u),
                "unary +" => self.pos(u),
                _ => self.invert(u),
            };
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("bad operand type for {}: '{}'", what, tn)))
    }
}

/// Whether a value is (or a subclass instance wraps) an instance of a library type
/// implemented natively, or a class (`int | None`), rather than a core built-in value.
fn wraps_instance(v: Value) -> bool {
    matches!(crate::ops::unwrap_builtin(v).as_obj().map(|o| o.kind()), Some(Kind::Instance(_) | Kind::Class(_)))
}

/// Whether a class attribute is a native method of a built-in type (those are handled
/// by the built-in fast paths, not the dunder protocol).
fn is_builtin_slot(f: &Value) -> bool {
    matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(n)) if n.owner.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_signs() {
        assert_eq!(i64_divmod(7, 2), Some((3, 1)));
        assert_eq!(i64_divmod(-7, 2), Some((-4, 1)));
        assert_eq!(i64_divmod(7, -2), Some((-4, -1)));
        assert_eq!(i64_divmod(-7, -2), Some((3, -1)));
        assert_eq!(i64_divmod(i64::MIN, -1), None);
        assert_eq!(float_mod(-7.5, 2.0), 0.5);
        assert_eq!(float_floordiv(-7.5, 2.0), -4.0);
        assert_eq!(float_mod(7.5, -2.0), -0.5);
    }

    /// The `** 0.5` shortcut gives `pow`'s double for random floats of every size and for
    /// roots nearly halfway between two floats (where `sqrt` and `pow` can differ).
    #[test]
    fn pow_half_is_pows() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed
        };
        let (mut taken, mut differ) = (0, 0);
        for i in 0..400_000 {
            let x = if i % 2 == 0 {
                // Any positive normal float.
                f64::from_bits(next() % 0x7fe0_0000_0000_0000 + 0x0010_0000_0000_0000)
            } else {
                // The float nearest `m*m`, `m` a halfway point between two floats.
                let m = ((next() >> 10) | 1 | (1 << 53)) as f64 * 0.5f64.powi(53);
                m * m
            };
            // (Through `black_box`: LLVM turns `pow(x, 0.5)` into `sqrt(x)` itself.)
            let half = std::hint::black_box(0.5);
            let want = x.powf(half);
            assert_eq!(pow_f64(x, half).to_bits(), want.to_bits(), "{x:e}");
            taken += (x.sqrt() == want) as u32;
            differ += (x.sqrt() != want) as u32;
        }
        // The test means something only if some roots do differ.
        assert!(taken > 0 && differ > 0, "{taken} {differ}");
        assert!(pow_f64(-0.0, 0.5).is_sign_positive() && pow_f64(f64::INFINITY, 0.5) == f64::INFINITY);
    }
}
