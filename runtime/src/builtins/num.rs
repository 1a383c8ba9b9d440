//! int, float and bool: their constructors, methods and attributes, `round()` and
//! three-argument `pow()`, with CPython 3.11's results and error messages.
//!
//! The operators themselves live in `arith`; the dunder methods registered here
//! (`int.__add__`, `float.__lt__`, ...) delegate to it. They matter for explicit calls
//! (`int.__add__(1, 2)`, `super().__add__(x)`) and for subclasses of int and float,
//! whose instances carry the wrapped value as their payload: every method here unwraps
//! its receiver first.

use super::args::*;
use super::core::set_construct;
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::unwrap_builtin;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Registers int, float and bool methods and constructors.
pub fn register(vm: &mut Vm) {
    register_int(vm);
    register_bool(vm);
    register_float(vm);
    for (name, cls) in [("int", vm.types.int), ("float", vm.types.float), ("bool", vm.types.bool_)] {
        vm.set_builtin(name, Value::Obj(cls));
    }
}

// -- Values ------------------------------------------------------------------------------------

/// The int a value holds: ints, bools (as ints), big ints and instances of int
/// subclasses. The result is `Value::Int` or a big-int object.
pub fn int_value(v: Value) -> Option<Value> {
    match unwrap_builtin(v) {
        Value::Int(i) => Some(Value::Int(i)),
        Value::Bool(b) => Some(Value::Int(b as i64)),
        w @ Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => Some(w),
        _ => None,
    }
}

/// The float a value holds: floats and instances of float subclasses.
fn float_value(v: Value) -> Option<f64> {
    match unwrap_builtin(v) {
        Value::Float(f) => Some(f),
        _ => None,
    }
}

/// A BigInt copy of an int value (as returned by `int_value`).
fn big_of(v: Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(i),
        Value::Bool(b) => BigInt::from(b as i64),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) => b.clone(),
            _ => BigInt::zero(),
        },
        _ => BigInt::zero(),
    }
}

/// The sign of an int value: -1, 0 or 1.
fn int_sign(v: Value) -> i32 {
    match v {
        Value::Int(i) => i.signum() as i32,
        Value::Bool(b) => b as i32,
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) => match b.sign() {
                Sign::Minus => -1,
                Sign::NoSign => 0,
                Sign::Plus => 1,
            },
            _ => 0,
        },
        _ => 0,
    }
}

/// An int value as f64 (OverflowError when too large).
fn int_to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        _ => {
            let b = big_of(v);
            crate::arith::bigint_to_f64(vm, &b)
        }
    }
}

/// `int(f)` for a float: truncation toward zero, exact for large values.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    let (m, e) = decompose(t);
    let mut b = BigInt::from(m);
    if e >= 0 {
        b <<= e as usize;
    } else {
        b >>= (-e) as usize;
    }
    if t < 0.0 {
        b = -b;
    }
    Ok(vm.new_int(b))
}

/// `|x| = m * 2**e` with an integer mantissa (x finite).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `x * 2**n` correctly rounded (musl's scalbn).
pub fn ldexp(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-100_000, 100_000) as i32;
    let p1023 = f64::from_bits(0x7fe << 52);
    let pm969 = f64::from_bits(0x36 << 52); // 2**-1022 * 2**53
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// `x * 2**e` for a big mantissa, correctly rounded (ties to even); None on overflow.
fn big_ldexp(m: &BigUint, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits + e - 1;
    if top > 1023 {
        return None;
    }
    // Bits of precision available at this magnitude (fewer for subnormals).
    let prec = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = nbits - prec;
    let (q, e2) = if shift > 0 {
        let s = shift as u64;
        let q: BigUint = m >> s;
        let rem: BigUint = m - (&q << s);
        let half = BigUint::one() << (s - 1);
        let q = match rem.cmp(&half) {
            std::cmp::Ordering::Greater => q + 1u32,
            std::cmp::Ordering::Equal if q.bit(0) => q + 1u32,
            _ => q,
        };
        (q, e + shift)
    } else {
        (m.clone(), e)
    };
    let qf = q.to_u64().unwrap_or(0) as f64;
    let r = ldexp(qf, e2);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// CPython's `__sizeof__` of an int: the object header plus 30-bit digits.
fn int_sizeof(v: Value) -> i64 {
    let bits = match v {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        Value::Bool(b) => b as u64,
        _ => big_of(v).bits(),
    };
    24 + 4 * bits.div_ceil(30).max(1) as i64
}

// -- Receivers and arguments ---------------------------------------------------------------

/// The receiver of a regular int method (`bit_length`, ...).
fn recv_int(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let Some(&s) = args.first() else {
        return Err(vm.type_error(format!("unbound method int.{}() needs an argument", name)));
    };
    match int_value(s) {
        Some(v) => Ok(v),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!("descriptor '{}' for 'int' objects doesn't apply to a '{}' object", name, tn)))
        }
    }
}

/// The receiver of an int slot wrapper (`__add__`, `__repr__`, ...).
fn recv_int_slot(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let Some(&s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{}' of 'int' object needs an argument", name)));
    };
    match int_value(s) {
        Some(v) => Ok(v),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!("descriptor '{}' requires a 'int' object but received a '{}'", name, tn)))
        }
    }
}

/// The receiver of a regular float method.
fn recv_float(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    let Some(&s) = args.first() else {
        return Err(vm.type_error(format!("unbound method float.{}() needs an argument", name)));
    };
    match float_value(s) {
        Some(v) => Ok(v),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!("descriptor '{}' for 'float' objects doesn't apply to a '{}' object", name, tn)))
        }
    }
}

/// The receiver of a float slot wrapper.
fn recv_float_slot(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    let Some(&s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{}' of 'float' object needs an argument", name)));
    };
    match float_value(s) {
        Some(v) => Ok(v),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!("descriptor '{}' requires a 'float' object but received a '{}'", name, tn)))
        }
    }
}

/// A method that takes no arguments besides self.
fn no_args(vm: &mut Vm, owner: &str, name: &str, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}.{}() takes no keyword arguments", owner, name)));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("{}.{}() takes no arguments ({} given)", owner, name, args.len() - 1)));
    }
    Ok(())
}

/// The arity check of the `__pow__`/`__rpow__` wrappers (one or two arguments).
fn pow_arity(vm: &mut Vm, n: usize) -> PyResult<()> {
    match n {
        0 => Err(vm.type_error(" expected at least 1 argument, got 0")),
        1 | 2 => Ok(()),
        _ => Err(vm.type_error(format!(" expected at most 2 arguments, got {}", n))),
    }
}

/// A slot wrapper taking exactly `n` arguments besides self.
fn slot_args(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], n: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    let got = args.len().saturating_sub(1);
    if got != n {
        return Err(vm.type_error(format!("expected {} argument{}, got {}", n, if n == 1 { "" } else { "s" }, got)));
    }
    Ok(())
}

/// `operator.index(v)` as a BigInt (no i64 limit).
pub fn index_big(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => return Ok(BigInt::from(i)),
        Value::Bool(b) => return Ok(BigInt::from(b as i64)),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => return Ok(big_of(v)),
        _ => {}
    }
    let cls = vm.type_of(v);
    let n = vm.names.index;
    if let Some(f) = vm.class_lookup(cls, n) {
        let r = vm.call(f, &[v], &[])?;
        return match int_value(r) {
            Some(i) => Ok(big_of(i)),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__index__ returned non-int (type {})", tn)))
            }
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
}

/// `operator.index(v)` clamped to i64 (CPython's `PyNumber_AsSsize_t(v, NULL)`).
fn index_clamped(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let b = index_big(vm, v)?;
    Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

fn new_bytes(vm: &mut Vm, b: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(Kind::Bytes(b.into_boxed_slice())))
}

/// The value a classmethod constructor returns: the value itself for the base type,
/// `cls(value)` for subclasses.
fn construct_for(vm: &mut Vm, cls: Value, base: ObjRef, v: Value) -> PyResult<Value> {
    match cls.as_obj() {
        Some(c) if !c.ptr_eq(base) => {
            let mark = vm.roots.len();
            vm.roots.push(v);
            let r = vm.call(cls, &[v], &[]);
            vm.roots.truncate(mark);
            r
        }
        _ => Ok(v),
    }
}

// -- Constructors ------------------------------------------------------------------------------

/// `int.__new__(cls, ...)` (and float's, bool's): the plain value for the type itself,
/// an instance wrapping a new value for subclasses.
fn new_value(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, construct: NativeFn) -> PyResult<Value> {
    let base = match name {
        "int" => vm.types.int,
        "float" => vm.types.float,
        _ => vm.types.bool_,
    };
    let cls = match args.first().and_then(|v| vm.as_class(*v)) {
        Some(c) if crate::ops::is_subclass(c, base) => c,
        Some(c) => {
            let cn = crate::ops::class_name(c);
            return Err(vm.type_error(format!("{}.__new__({}): {} is not a subtype of {}", name, cn, cn, name)));
        }
        None => return Err(vm.type_error(format!("{}.__new__(X): X is not a type object", name))),
    };
    if cls.as_class().is_some_and(|c| c.builtin) {
        let mut a = args.to_vec();
        a[0] = Value::Obj(cls);
        return construct(vm, &a, kw);
    }
    vm.new_instance(cls, &args[1..], kw)
}

fn int_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    check_kw(vm, "int", kw, &["base"])?;
    let base_kw = kwarg(kw, "base");
    let total = args.len() + kw.len();
    if total > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", total)));
    }
    if args.len() == 2 && base_kw.is_some() {
        return Err(vm.type_error("argument for int() given by name ('base') and position (2)"));
    }
    let base = args.get(1).copied().or(base_kw);
    match (args.first().copied(), base) {
        (None, None) => Ok(Value::Int(0)),
        (None, Some(_)) => Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from(vm, x),
        (Some(x), Some(b)) => {
            let b = index_clamped(vm, b)?;
            if (b != 0 && b < 2) || b > 36 {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match parse_int_value(vm, x, b as u32)? {
                Some(v) => Ok(v),
                None => Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    }
}

/// `int(s, base)` for str, bytes and bytearray (and their subclasses); None for other
/// types.
fn parse_int_value(vm: &mut Vm, x: Value, base: u32) -> PyResult<Option<Value>> {
    let u = unwrap_builtin(x);
    let Some(o) = u.as_obj() else { return Ok(None) };
    match &o.kind {
        Kind::Str(s) => match crate::format::parse_int(&s.s, base) {
            Ok(b) => {
                check_str_digits(vm, &s.s, base)?;
                Ok(Some(vm.new_int(b)))
            }
            Err(()) => {
                check_str_digits(vm, &s.s, base)?;
                let r: String = crate::ops::repr_str(&s.s).chars().take(200).collect();
                Err(vm.value_error(format!("invalid literal for int() with base {}: {}", base, r)))
            }
        },
        Kind::Bytes(_) | Kind::ByteArray(_) => {
            let data: Vec<u8> = match &o.kind {
                Kind::Bytes(b) => b.to_vec(),
                Kind::ByteArray(b) => b.borrow().clone(),
                _ => unreachable!(),
            };
            let parsed = if data.is_ascii() {
                crate::format::parse_int(std::str::from_utf8(&data).unwrap_or(""), base).ok()
            } else {
                None
            };
            match parsed {
                Some(b) => {
                    check_str_digits(vm, std::str::from_utf8(&data).unwrap_or(""), base)?;
                    Ok(Some(vm.new_int(b)))
                }
                None => {
                    if data.is_ascii() {
                        check_str_digits(vm, std::str::from_utf8(&data).unwrap_or(""), base)?;
                    }
                    let r = crate::ops::repr_bytes(&data[..data.len().min(200)]);
                    Err(vm.value_error(format!("invalid literal for int() with base {}: {}", base, r)))
                }
            }
        }
        _ => Ok(None),
    }
}

/// CPython's limit on the digits of an int converted from or to decimal text
/// (`sys.get_int_max_str_digits()`; bases that are powers of two are exempt).
const MAX_STR_DIGITS: usize = 4300;

/// The ValueError `int(s, base)` raises for a valid literal with too many digits.
fn check_str_digits(vm: &mut Vm, s: &str, base: u32) -> PyResult<()> {
    if s.len() <= MAX_STR_DIGITS {
        return Ok(());
    }
    let t = crate::floatfmt::numeric_ascii(s).unwrap_or_default();
    let t = t.trim_start_matches(['+', '-']);
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let base = match (base, lower.as_deref()) {
        (0, Some("0x")) | (0, Some("0o")) | (0, Some("0b")) => 2,
        (0, _) => 10,
        (b, _) => b,
    };
    if base.is_power_of_two() {
        return Ok(());
    }
    // The leading run of digits counts, even when junk follows (CPython checks the
    // limit before it reports an invalid literal).
    let digits = t.chars().take_while(|c| *c == '_' || c.is_digit(base)).filter(|c| *c != '_').count();
    if digits > MAX_STR_DIGITS {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            MAX_STR_DIGITS, digits
        )));
    }
    Ok(())
}

/// `int(x)` with one argument (CPython's `PyNumber_Long`).
pub fn int_from(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => return Ok(x),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(f) => return float_to_int(vm, f),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(_) => return Ok(x),
            Kind::Str(_) | Kind::Bytes(_) | Kind::ByteArray(_) => {
                return Ok(parse_int_value(vm, x, 10)?.unwrap_or(Value::Int(0)));
            }
            _ => {}
        },
        _ => {}
    }
    let cls = vm.type_of(x);
    let n = vm.names.int;
    if let Some(f) = vm.class_lookup(cls, n) {
        let r = vm.call(f, &[x], &[])?;
        return match int_value(r) {
            Some(v) => Ok(v),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__int__ returned non-int (type {})", tn)))
            }
        };
    }
    let n = vm.names.index;
    if let Some(f) = vm.class_lookup(cls, n) {
        let r = vm.call(f, &[x], &[])?;
        return match int_value(r) {
            Some(v) => Ok(v),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__index__ returned non-int (type {})", tn)))
            }
        };
    }
    let n = vm.names.trunc;
    if let Some(f) = vm.class_lookup(cls, n) {
        let r = vm.call(f, &[x], &[])?;
        if let Some(v) = int_value(r) {
            return Ok(v);
        }
        let rc = vm.type_of(r);
        let ix = vm.names.index;
        if vm.class_lookup(rc, ix).is_some() {
            let mark = vm.roots.len();
            vm.roots.push(r);
            let b = index_big(vm, r);
            vm.roots.truncate(mark);
            let b = b?;
            return Ok(vm.new_int(b));
        }
        let tn = vm.type_name(r);
        return Err(vm.type_error(format!("__trunc__ returned non-Integral (type {})", tn)));
    }
    if let Some(v) = parse_int_value(vm, x, 10)? {
        return Ok(v);
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", tn)))
}

fn float_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    if !kw.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", args.len())));
    }
    match args.first() {
        None => Ok(Value::Float(0.0)),
        Some(&x) => float_from(vm, x).map(Value::Float),
    }
}

/// `float(s)` for str, bytes and bytearray (and their subclasses); None for other types.
fn parse_float_value(vm: &mut Vm, x: Value) -> PyResult<Option<f64>> {
    let u = unwrap_builtin(x);
    let Some(o) = u.as_obj() else { return Ok(None) };
    match &o.kind {
        Kind::Str(s) => match crate::floatfmt::parse_float(&s.s) {
            Some(f) => Ok(Some(f)),
            None => {
                let r = crate::ops::repr_str(&s.s);
                Err(vm.value_error(format!("could not convert string to float: {}", r)))
            }
        },
        Kind::Bytes(_) | Kind::ByteArray(_) => {
            let data: Vec<u8> = match &o.kind {
                Kind::Bytes(b) => b.to_vec(),
                Kind::ByteArray(b) => b.borrow().clone(),
                _ => unreachable!(),
            };
            let parsed = if data.is_ascii() {
                crate::floatfmt::parse_float(std::str::from_utf8(&data).unwrap_or(""))
            } else {
                None
            };
            match parsed {
                Some(f) => Ok(Some(f)),
                None => {
                    let r = crate::ops::repr_bytes(&data);
                    Err(vm.value_error(format!("could not convert string to float: {}", r)))
                }
            }
        }
        _ => Ok(None),
    }
}

/// `float(x)` with one argument (CPython's `PyNumber_Float`).
pub fn float_from(vm: &mut Vm, x: Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(f),
        Value::Int(_) | Value::Bool(_) => return int_to_f64(vm, x),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(_) => return int_to_f64(vm, x),
            Kind::Str(_) | Kind::Bytes(_) | Kind::ByteArray(_) => {
                return Ok(parse_float_value(vm, x)?.unwrap_or(0.0));
            }
            _ => {}
        },
        _ => {}
    }
    if let Some(f) = dunder_float(vm, x)? {
        return Ok(f);
    }
    if let Some(f) = parse_float_value(vm, x)? {
        return Ok(f);
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", tn)))
}

/// `x.__float__()`, else `x.__index__()` converted; None when x has neither.
fn dunder_float(vm: &mut Vm, x: Value) -> PyResult<Option<f64>> {
    let cls = vm.type_of(x);
    let n = vm.names.float;
    if let Some(f) = vm.class_lookup(cls, n) {
        let r = vm.call(f, &[x], &[])?;
        return match float_value(r) {
            Some(v) => Ok(Some(v)),
            None => {
                let (xn, rn) = (vm.type_name(x), vm.type_name(r));
                Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", xn, rn)))
            }
        };
    }
    let n = vm.names.index;
    if vm.class_lookup(cls, n).is_some() {
        let b = index_big(vm, x)?;
        return match crate::format::bigint_to_f64(&b) {
            Some(f) => Ok(Some(f)),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    Ok(None)
}

/// `float(v)` for numbers and objects with `__float__` or `__index__` (CPython's
/// `PyFloat_AsDouble`); TypeError otherwise.
pub fn to_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::Float(f) => Ok(f),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) => crate::arith::bigint_to_f64(vm, b),
            _ => match dunder_float(vm, v)? {
                Some(f) => Ok(f),
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("must be real number, not {}", tn)))
                }
            },
        },
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {}", tn)))
        }
    }
}

fn bool_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    if !kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("bool expected at most 1 argument, got {}", args.len())));
    }
    match args.first() {
        None => Ok(Value::Bool(false)),
        Some(&x) => Ok(Value::Bool(vm.truthy(x)?)),
    }
}

// -- int ---------------------------------------------------------------------------------------

/// Registers `name` as a read-only attribute computed by `f(self)`.
fn add_property(vm: &mut Vm, cls: ObjRef, name: &'static str, f: NativeFn) {
    let getter = vm.new_native(name, f);
    let p = Kind::new_property(Property { fget: getter, fset: Value::None, fdel: Value::None, doc: Value::None });
    let p = Value::Obj(vm.alloc(p));
    vm.set_class_attr(cls, name, p);
}

macro_rules! binops {
    ($vm:ident, $cls:ident, $f:ident, [$(($name:literal, $rname:literal, $op:expr)),* $(,)?]) => {
        $(
            $vm.add_method($cls, $name, |vm, a, k| $f(vm, a, k, $name, $op, false));
            $vm.add_method($cls, $rname, |vm, a, k| $f(vm, a, k, $rname, $op, true));
        )*
    };
}

macro_rules! cmpops {
    ($vm:ident, $cls:ident, $f:ident, [$(($name:literal, $op:expr)),* $(,)?]) => {
        $(
            $vm.add_method($cls, $name, |vm, a, k| $f(vm, a, k, $name, $op));
        )*
    };
}

fn register_int(vm: &mut Vm) {
    let t = vm.types.int;
    set_construct(vm, t, int_construct);
    vm.add_static_method(t, "__new__", |vm, a, k| new_value(vm, a, k, "int", int_construct), false);
    vm.add_method(t, "bit_length", int_bit_length);
    vm.add_method(t, "bit_count", int_bit_count);
    vm.add_method(t, "to_bytes", int_to_bytes);
    vm.add_static_method(t, "from_bytes", int_from_bytes, true);
    vm.add_method(t, "as_integer_ratio", int_as_integer_ratio);
    vm.add_method(t, "conjugate", |vm, a, k| {
        no_args(vm, "int", "conjugate", a, k)?;
        recv_int(vm, a, "conjugate")
    });
    add_property(vm, t, "real", |vm, a, _| recv_int(vm, a, "real"));
    add_property(vm, t, "numerator", |vm, a, _| recv_int(vm, a, "numerator"));
    add_property(vm, t, "imag", |vm, a, _| recv_int(vm, a, "imag").map(|_| Value::Int(0)));
    add_property(vm, t, "denominator", |vm, a, _| recv_int(vm, a, "denominator").map(|_| Value::Int(1)));
    // Conversions to int: all return the plain int value.
    vm.add_method(t, "__index__", |vm, a, k| int_unary(vm, a, k, "__index__"));
    vm.add_method(t, "__int__", |vm, a, k| int_unary(vm, a, k, "__int__"));
    vm.add_method(t, "__pos__", |vm, a, k| int_unary(vm, a, k, "__pos__"));
    vm.add_method(t, "__trunc__", |vm, a, k| int_unary_method(vm, a, k, "__trunc__"));
    vm.add_method(t, "__floor__", |vm, a, k| int_unary_method(vm, a, k, "__floor__"));
    vm.add_method(t, "__ceil__", |vm, a, k| int_unary_method(vm, a, k, "__ceil__"));
    vm.add_method(t, "__float__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__float__")?;
        int_to_f64(vm, v).map(Value::Float)
    });
    vm.add_method(t, "__neg__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__neg__")?;
        vm.neg(v)
    });
    vm.add_method(t, "__invert__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__invert__")?;
        vm.invert(v)
    });
    vm.add_method(t, "__abs__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__abs__")?;
        if int_sign(v) < 0 {
            vm.neg(v)
        } else {
            Ok(v)
        }
    });
    vm.add_method(t, "__bool__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__bool__")?;
        Ok(Value::Bool(int_sign(v) != 0))
    });
    vm.add_method(t, "__hash__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__hash__")?;
        vm.hash(v).map(Value::Int)
    });
    vm.add_method(t, "__repr__", |vm, a, k| {
        let v = int_unary(vm, a, k, "__repr__")?;
        let s = match v {
            Value::Int(i) => i.to_string(),
            _ => big_of(v).to_string(),
        };
        if s.trim_start_matches('-').len() > MAX_STR_DIGITS {
            return Err(vm.value_error(format!(
                "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                MAX_STR_DIGITS
            )));
        }
        Ok(vm.new_str(s))
    });
    vm.add_method(t, "__getnewargs__", |vm, a, k| {
        no_args(vm, "int", "__getnewargs__", a, k)?;
        let v = recv_int(vm, a, "__getnewargs__")?;
        Ok(vm.new_tuple(vec![v]))
    });
    vm.add_method(t, "__sizeof__", |vm, a, k| {
        no_args(vm, "int", "__sizeof__", a, k)?;
        let s = a.first().map(|v| unwrap_builtin(*v)).unwrap_or(Value::None);
        recv_int(vm, a, "__sizeof__")?;
        Ok(Value::Int(int_sizeof(s)))
    });
    vm.add_method(t, "__round__", int_round_method);
    binops!(
        vm,
        t,
        int_binop,
        [
            ("__add__", "__radd__", BinOp::Add),
            ("__sub__", "__rsub__", BinOp::Sub),
            ("__mul__", "__rmul__", BinOp::Mul),
            ("__truediv__", "__rtruediv__", BinOp::TrueDiv),
            ("__floordiv__", "__rfloordiv__", BinOp::FloorDiv),
            ("__mod__", "__rmod__", BinOp::Mod),
            ("__lshift__", "__rlshift__", BinOp::LShift),
            ("__rshift__", "__rrshift__", BinOp::RShift),
            ("__and__", "__rand__", BinOp::And),
            ("__or__", "__ror__", BinOp::Or),
            ("__xor__", "__rxor__", BinOp::Xor),
        ]
    );
    vm.add_method(t, "__pow__", |vm, a, k| int_pow(vm, a, k, "__pow__", false));
    vm.add_method(t, "__rpow__", |vm, a, k| int_pow(vm, a, k, "__rpow__", true));
    vm.add_method(t, "__divmod__", |vm, a, k| int_divmod(vm, a, k, "__divmod__", false));
    vm.add_method(t, "__rdivmod__", |vm, a, k| int_divmod(vm, a, k, "__rdivmod__", true));
    cmpops!(
        vm,
        t,
        int_cmp,
        [
            ("__eq__", CmpOp::Eq),
            ("__ne__", CmpOp::Ne),
            ("__lt__", CmpOp::Lt),
            ("__le__", CmpOp::Le),
            ("__gt__", CmpOp::Gt),
            ("__ge__", CmpOp::Ge),
        ]
    );
}

/// A no-argument slot wrapper: checks the arguments, returns the receiver's int.
fn int_unary(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str) -> PyResult<Value> {
    let v = recv_int_slot(vm, args, name)?;
    slot_args(vm, args, kw, 0)?;
    Ok(v)
}

/// A no-argument method (`__trunc__`, `__floor__`, `__ceil__`): the receiver's int.
fn int_unary_method(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str) -> PyResult<Value> {
    no_args(vm, "int", name, args, kw)?;
    recv_int(vm, args, name)
}

fn int_binop(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(ObjRef, Value)],
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let a = recv_int_slot(vm, args, name)?;
    slot_args(vm, args, kw, 1)?;
    let Some(b) = int_value(args[1]) else {
        return Ok(vm.not_implemented);
    };
    if reflected {
        vm.binary_op(b, a, op)
    } else {
        vm.binary_op(a, b, op)
    }
}

fn int_pow(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, reflected: bool) -> PyResult<Value> {
    let a = recv_int_slot(vm, args, name)?;
    if !kw.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    pow_arity(vm, args.len() - 1)?;
    let Some(b) = int_value(args[1]) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    match args.get(2).copied().filter(|m| !m.is_none()) {
        None => vm.binary_op(x, y, BinOp::Pow),
        Some(m) => {
            if int_value(m).is_none() {
                return Ok(vm.not_implemented);
            }
            pow_mod(vm, x, y, m)
        }
    }
}

fn int_divmod(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, reflected: bool) -> PyResult<Value> {
    let a = recv_int_slot(vm, args, name)?;
    slot_args(vm, args, kw, 1)?;
    let Some(b) = int_value(args[1]) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let q = vm.binary_op(x, y, BinOp::FloorDiv)?;
    let r = vm.binary_op(x, y, BinOp::Mod)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn int_cmp(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, op: CmpOp) -> PyResult<Value> {
    let a = recv_int_slot(vm, args, name)?;
    slot_args(vm, args, kw, 1)?;
    let Some(b) = int_value(args[1]) else {
        return Ok(vm.not_implemented);
    };
    vm.compare(a, b, op)
}

fn int_bit_length(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_args(vm, "int", "bit_length", args, kw)?;
    let v = recv_int(vm, args, "bit_length")?;
    Ok(Value::Int(match v {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        _ => big_of(v).bits() as i64,
    }))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_args(vm, "int", "bit_count", args, kw)?;
    let v = recv_int(vm, args, "bit_count")?;
    Ok(Value::Int(match v {
        Value::Int(i) => i.unsigned_abs().count_ones() as i64,
        _ => big_of(v).magnitude().count_ones() as i64,
    }))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_args(vm, "int", "as_integer_ratio", args, kw)?;
    let v = recv_int(vm, args, "as_integer_ratio")?;
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}

/// The `byteorder` and `signed` arguments of to_bytes/from_bytes.
fn byteorder_arg(vm: &mut Vm, fname: &str, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    let s = match v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => s,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("{}() argument 'byteorder' must be str, not {}", fname, tn)));
        }
    };
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let v = recv_int(vm, args, "to_bytes")?;
    let pos = &args[1..];
    check_kw(vm, "to_bytes", kw, &["length", "byteorder", "signed"])?;
    if pos.len() > 2 {
        return Err(vm.type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", pos.len())));
    }
    let length = match arg_or_kw(pos, 0, kw, "length") {
        Some(l) => index_clamped(vm, l)?,
        None => 1,
    };
    let little = byteorder_arg(vm, "to_bytes", arg_or_kw(pos, 1, kw, "byteorder"))?;
    let signed = match kwarg(kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let b = big_of(v);
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if b.is_zero() {
        vec![]
    } else if signed {
        b.to_signed_bytes_le()
    } else {
        b.magnitude().to_bytes_le()
    };
    if bytes.len() as i64 > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(new_bytes(vm, bytes))
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let cls = args[0];
    let pos = &args[1..];
    check_kw(vm, "from_bytes", kw, &["bytes", "byteorder", "signed"])?;
    if pos.len() > 2 {
        return Err(vm.type_error(format!("from_bytes() takes at most 2 positional arguments ({} given)", pos.len())));
    }
    let Some(src) = arg_or_kw(pos, 0, kw, "bytes") else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg(vm, "from_bytes", arg_or_kw(pos, 1, kw, "byteorder"))?;
    let signed = match kwarg(kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut data = bytes_of(vm, src)?;
    if !little {
        data.reverse();
    }
    let b = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    let v = vm.new_int(b);
    let base = vm.types.int;
    construct_for(vm, cls, base, v)
}

/// `bytes(x)` for the bytes argument of `int.from_bytes`.
fn bytes_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(o) = unwrap_builtin(v).as_obj() {
        match &o.kind {
            Kind::Bytes(b) => return Ok(b.to_vec()),
            Kind::ByteArray(b) => return Ok(b.borrow().clone()),
            Kind::Str(_) => return Err(vm.type_error("cannot convert 'str' object to bytes")),
            _ => {}
        }
    }
    if int_value(v).is_some() || matches!(v, Value::Float(_) | Value::None) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("cannot convert '{}' object to bytes", tn)));
    }
    let items = vm.collect_iter(v)?;
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(&items);
    let mut out = Vec::with_capacity(items.len());
    let mut r = Ok(());
    for it in items {
        match index_big(vm, it) {
            Ok(b) => match b.to_u8() {
                Some(x) => out.push(x),
                None => {
                    r = Err(vm.value_error("bytes must be in range(0, 256)"));
                    break;
                }
            },
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.roots.truncate(mark);
    r.map(|_| out)
}

fn int_round_method(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let v = recv_int(vm, args, "__round__")?;
    if !kw.is_empty() {
        return Err(vm.type_error("int.__round__() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len() - 1)));
    }
    match args.get(1) {
        None => Ok(v),
        Some(&nd) => int_round(vm, v, nd),
    }
}

/// `round(x, nd)` for an int: x itself for nd >= 0, else rounded half-to-even at
/// `10**-nd`.
fn int_round(vm: &mut Vm, x: Value, nd: Value) -> PyResult<Value> {
    let nd = index_big(vm, nd)?;
    if !nd.is_negative() {
        return Ok(x);
    }
    let xb = big_of(x);
    let k = -nd;
    // 10**k > 2|x| rounds to zero; k > bits/3 + 2 guarantees that.
    if k > BigInt::from(xb.bits() / 3 + 2) {
        return Ok(Value::Int(0));
    }
    let k = k.to_u32().unwrap_or(0);
    let p = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = xb.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    Ok(vm.new_int(q * p))
}

// -- bool --------------------------------------------------------------------------------------

fn register_bool(vm: &mut Vm) {
    let t = vm.types.bool_;
    set_construct(vm, t, bool_construct);
    vm.add_static_method(t, "__new__", |vm, a, k| new_value(vm, a, k, "bool", bool_construct), false);
    vm.add_method(t, "__repr__", |vm, a, k| {
        let b = recv_bool(vm, a, "__repr__")?;
        slot_args(vm, a, k, 0)?;
        Ok(vm.new_str(if b { "True" } else { "False" }))
    });
    binops!(
        vm,
        t,
        bool_binop,
        [("__and__", "__rand__", BinOp::And), ("__or__", "__ror__", BinOp::Or), ("__xor__", "__rxor__", BinOp::Xor),]
    );
}

fn recv_bool(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<bool> {
    match args.first() {
        Some(Value::Bool(b)) => Ok(*b),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{}' requires a 'bool' object but received a '{}'", name, tn)))
        }
        None => Err(vm.type_error(format!("descriptor '{}' of 'bool' object needs an argument", name))),
    }
}

fn bool_binop(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(ObjRef, Value)],
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let a = recv_bool(vm, args, name)?;
    slot_args(vm, args, kw, 1)?;
    let a = Value::Bool(a);
    let b = match args[1] {
        Value::Bool(b) => Value::Bool(b),
        other => match int_value(other) {
            Some(i) => i,
            None => return Ok(vm.not_implemented),
        },
    };
    let a = if matches!(b, Value::Bool(_)) { a } else { int_value(a).unwrap_or(a) };
    if reflected {
        vm.binary_op(b, a, op)
    } else {
        vm.binary_op(a, b, op)
    }
}

// -- float -------------------------------------------------------------------------------------

fn register_float(vm: &mut Vm) {
    let t = vm.types.float;
    set_construct(vm, t, float_construct);
    vm.add_static_method(t, "__new__", |vm, a, k| new_value(vm, a, k, "float", float_construct), false);
    vm.add_method(t, "is_integer", |vm, a, k| {
        no_args(vm, "float", "is_integer", a, k)?;
        let f = recv_float(vm, a, "is_integer")?;
        Ok(Value::Bool(f.is_finite() && f.floor() == f))
    });
    vm.add_method(t, "as_integer_ratio", float_as_integer_ratio);
    vm.add_method(t, "hex", |vm, a, k| {
        no_args(vm, "float", "hex", a, k)?;
        let f = recv_float(vm, a, "hex")?;
        Ok(vm.new_str(float_hex(f)))
    });
    vm.add_static_method(t, "fromhex", float_fromhex, true);
    vm.add_static_method(t, "__getformat__", float_getformat, true);
    vm.add_method(t, "conjugate", |vm, a, k| {
        no_args(vm, "float", "conjugate", a, k)?;
        recv_float(vm, a, "conjugate").map(Value::Float)
    });
    add_property(vm, t, "real", |vm, a, _| recv_float(vm, a, "real").map(Value::Float));
    add_property(vm, t, "imag", |vm, a, _| recv_float(vm, a, "imag").map(|_| Value::Float(0.0)));
    vm.add_method(t, "__float__", |vm, a, k| float_unary(vm, a, k, "__float__").map(Value::Float));
    vm.add_method(t, "__pos__", |vm, a, k| float_unary(vm, a, k, "__pos__").map(Value::Float));
    vm.add_method(t, "__neg__", |vm, a, k| float_unary(vm, a, k, "__neg__").map(|f| Value::Float(-f)));
    vm.add_method(t, "__abs__", |vm, a, k| float_unary(vm, a, k, "__abs__").map(|f| Value::Float(f.abs())));
    vm.add_method(t, "__bool__", |vm, a, k| float_unary(vm, a, k, "__bool__").map(|f| Value::Bool(f != 0.0)));
    vm.add_method(t, "__int__", |vm, a, k| {
        let f = float_unary(vm, a, k, "__int__")?;
        float_to_int(vm, f)
    });
    vm.add_method(t, "__trunc__", |vm, a, k| {
        no_args(vm, "float", "__trunc__", a, k)?;
        let f = recv_float(vm, a, "__trunc__")?;
        float_to_int(vm, f)
    });
    vm.add_method(t, "__floor__", |vm, a, k| {
        no_args(vm, "float", "__floor__", a, k)?;
        let f = recv_float(vm, a, "__floor__")?;
        float_to_int(vm, f.floor())
    });
    vm.add_method(t, "__ceil__", |vm, a, k| {
        no_args(vm, "float", "__ceil__", a, k)?;
        let f = recv_float(vm, a, "__ceil__")?;
        float_to_int(vm, f.ceil())
    });
    vm.add_method(t, "__hash__", |vm, a, k| {
        let f = float_unary(vm, a, k, "__hash__")?;
        Ok(Value::Int(crate::ops::hash_f64(f)))
    });
    vm.add_method(t, "__repr__", |vm, a, k| {
        let f = float_unary(vm, a, k, "__repr__")?;
        Ok(vm.new_str(crate::floatfmt::float_repr(f)))
    });
    vm.add_method(t, "__getnewargs__", |vm, a, k| {
        no_args(vm, "float", "__getnewargs__", a, k)?;
        let f = recv_float(vm, a, "__getnewargs__")?;
        Ok(vm.new_tuple(vec![Value::Float(f)]))
    });
    vm.add_method(t, "__sizeof__", |vm, a, k| {
        no_args(vm, "float", "__sizeof__", a, k)?;
        recv_float(vm, a, "__sizeof__")?;
        Ok(Value::Int(24))
    });
    vm.add_method(t, "__round__", float_round_method);
    binops!(
        vm,
        t,
        float_binop,
        [
            ("__add__", "__radd__", BinOp::Add),
            ("__sub__", "__rsub__", BinOp::Sub),
            ("__mul__", "__rmul__", BinOp::Mul),
            ("__truediv__", "__rtruediv__", BinOp::TrueDiv),
            ("__floordiv__", "__rfloordiv__", BinOp::FloorDiv),
            ("__mod__", "__rmod__", BinOp::Mod),
        ]
    );
    vm.add_method(t, "__pow__", |vm, a, k| float_pow(vm, a, k, "__pow__", false));
    vm.add_method(t, "__rpow__", |vm, a, k| float_pow(vm, a, k, "__rpow__", true));
    vm.add_method(t, "__divmod__", |vm, a, k| float_divmod(vm, a, k, "__divmod__", false));
    vm.add_method(t, "__rdivmod__", |vm, a, k| float_divmod(vm, a, k, "__rdivmod__", true));
    cmpops!(
        vm,
        t,
        float_cmp,
        [
            ("__eq__", CmpOp::Eq),
            ("__ne__", CmpOp::Ne),
            ("__lt__", CmpOp::Lt),
            ("__le__", CmpOp::Le),
            ("__gt__", CmpOp::Gt),
            ("__ge__", CmpOp::Ge),
        ]
    );
}

/// A no-argument float slot wrapper: checks the arguments, returns the receiver.
fn float_unary(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str) -> PyResult<f64> {
    let f = recv_float_slot(vm, args, name)?;
    slot_args(vm, args, kw, 0)?;
    Ok(f)
}

/// The other operand of a float operator: floats and ints; None otherwise.
fn float_other(v: Value) -> Option<Value> {
    match float_value(v) {
        Some(f) => Some(Value::Float(f)),
        None => int_value(v),
    }
}

fn float_binop(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(ObjRef, Value)],
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let a = Value::Float(recv_float_slot(vm, args, name)?);
    slot_args(vm, args, kw, 1)?;
    let Some(b) = float_other(args[1]) else {
        return Ok(vm.not_implemented);
    };
    if reflected {
        vm.binary_op(b, a, op)
    } else {
        vm.binary_op(a, b, op)
    }
}

fn float_pow(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, reflected: bool) -> PyResult<Value> {
    let a = Value::Float(recv_float_slot(vm, args, name)?);
    if !kw.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    pow_arity(vm, args.len() - 1)?;
    let Some(b) = float_other(args[1]) else {
        return Ok(vm.not_implemented);
    };
    if args.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    if reflected {
        vm.binary_op(b, a, BinOp::Pow)
    } else {
        vm.binary_op(a, b, BinOp::Pow)
    }
}

fn float_divmod(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, reflected: bool) -> PyResult<Value> {
    let a = recv_float_slot(vm, args, name)?;
    slot_args(vm, args, kw, 1)?;
    let Some(b) = float_other(args[1]) else {
        return Ok(vm.not_implemented);
    };
    let b = match b {
        Value::Float(f) => f,
        other => int_to_f64(vm, other)?,
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let q = crate::arith::float_floordiv(x, y);
    let r = crate::arith::float_mod(x, y);
    Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]))
}

fn float_cmp(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, op: CmpOp) -> PyResult<Value> {
    let a = Value::Float(recv_float_slot(vm, args, name)?);
    slot_args(vm, args, kw, 1)?;
    let Some(b) = float_other(args[1]) else {
        return Ok(vm.not_implemented);
    };
    vm.compare(a, b, op)
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_args(vm, "float", "as_integer_ratio", args, kw)?;
    let f = recv_float(vm, args, "as_integer_ratio")?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = decompose(f);
    if m == 0 {
        return Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i64;
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if f < 0.0 {
        num = -num;
    }
    let n = vm.new_int(num);
    let d = vm.new_int(den);
    Ok(vm.new_tuple(vec![n, d]))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals).
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return crate::floatfmt::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, frac, if e < 0 { '-' } else { '+' }, e.abs())
}

/// Why `float.fromhex` failed.
enum HexErr {
    Invalid,
    Overflow,
}

/// Parses `float.fromhex`'s syntax, correctly rounded.
fn parse_hex_float(s: &str) -> Result<f64, HexErr> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    let s = s.trim_matches(is_space);
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if lower == "nan" {
        return Ok(if neg { -f64::NAN } else { f64::NAN });
    }
    let b = lower.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && b[1] == b'x' {
        i = 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut ndigits = 0;
    while i < b.len() && b[i].is_ascii_hexdigit() {
        digits.push((b[i] as char).to_digit(16).unwrap_or(0) as u8);
        ndigits += 1;
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            digits.push((b[i] as char).to_digit(16).unwrap_or(0) as u8);
            frac_digits += 1;
            ndigits += 1;
            i += 1;
        }
    }
    if ndigits == 0 {
        return Err(HexErr::Invalid);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = (exp.saturating_mul(10)).saturating_add((b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(HexErr::Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(HexErr::Invalid);
    }
    // Drop leading zeros so the mantissa stays small.
    let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    let digits = &digits[first..];
    let e = exp - 4 * frac_digits;
    let r = if digits.is_empty() {
        0.0
    } else {
        let m = BigUint::from_radix_be(digits, 16).unwrap_or_default();
        let top = m.bits() as i64 + e;
        if top > 1100 {
            return Err(HexErr::Overflow);
        }
        if top < -1100 {
            0.0
        } else {
            big_ldexp(&m, e).ok_or(HexErr::Overflow)?
        }
    };
    Ok(if neg { -r } else { r })
}

fn float_fromhex(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_kw(vm, "float.fromhex", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("float.fromhex() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let s = match unwrap_builtin(args[1]).as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => s,
        None => return Err(vm.type_error("bad argument type for built-in operation")),
    };
    let f = match parse_hex_float(&s) {
        Ok(f) => f,
        Err(HexErr::Invalid) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        Err(HexErr::Overflow) => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
    };
    let base = vm.types.float;
    construct_for(vm, args[0], base, Value::Float(f))
}

fn float_getformat(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(
            vm.type_error(format!("float.__getformat__() takes exactly one argument ({} given)", args.len() - 1))
        );
    }
    let s = str_arg(vm, &args[1], "__getformat__() argument")?.to_string();
    match s.as_str() {
        "double" | "float" => {
            let desc = if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" };
            Ok(vm.new_str(desc))
        }
        _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn float_round_method(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let f = recv_float(vm, args, "__round__")?;
    if !kw.is_empty() {
        return Err(vm.type_error("float.__round__() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len() - 1)));
    }
    float_round(vm, f, args.get(1).copied().filter(|v| !v.is_none()))
}

/// `round(x)` (an int, ties to even) or `round(x, nd)` (a float, correctly rounded).
fn float_round(vm: &mut Vm, x: f64, nd: Option<Value>) -> PyResult<Value> {
    let Some(nd) = nd else {
        return float_to_int(vm, x.round_ties_even());
    };
    let nd = index_clamped(vm, nd)?;
    match round_to_digits(x, nd) {
        Some(r) => Ok(Value::Float(r)),
        None => Err(vm.overflow_error("rounded value too large to represent")),
    }
}

/// `x` rounded to `nd` decimal digits after the point (negative: before it), ties to
/// even on the exact binary value, like CPython's `double_round`; None on overflow.
pub fn round_to_digits(x: f64, nd: i64) -> Option<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || nd > NDIGITS_MAX {
        return Some(x);
    }
    if nd < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    let (m, e) = decompose(x);
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let p = num_traits::pow(BigInt::from(10), nd.unsigned_abs() as usize);
    if nd >= 0 {
        num *= p;
    } else {
        den *= p;
    }
    let (q, r) = num.div_rem(&den);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let s = format!("{}{}e{}", if x < 0.0 { "-" } else { "" }, q, -nd);
    let y: f64 = s.parse().ok()?;
    if y.is_infinite() {
        None
    } else {
        Some(y)
    }
}

// -- round() and pow() ---------------------------------------------------------------------

/// `round(x[, ndigits])` (ndigits None means absent).
pub fn round(vm: &mut Vm, x: Value, nd: Option<Value>) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::Bool(_) => {
            let v = int_value(x).unwrap_or(x);
            match nd {
                None => Ok(v),
                Some(n) => int_round(vm, v, n),
            }
        }
        Value::Float(f) => float_round(vm, f, nd),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => match nd {
            None => Ok(x),
            Some(n) => int_round(vm, x, n),
        },
        _ => {
            let cls = vm.type_of(x);
            let n = vm.names.round;
            match vm.class_lookup(cls, n) {
                Some(f) => match nd {
                    None => vm.call(f, &[x], &[]),
                    Some(n) => vm.call(f, &[x, n], &[]),
                },
                None => {
                    let tn = vm.type_name(x);
                    Err(vm.type_error(format!("type {} doesn't define __round__ method", tn)))
                }
            }
        }
    }
}

/// `pow(base, exp, mod)`.
pub fn pow_mod(vm: &mut Vm, base: Value, exp: Value, m: Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(md)) = (int_value(base), int_value(exp), int_value(m)) else {
        let is_num = |v: Value| int_value(v).is_some() || float_value(v).is_some();
        if is_num(base) && is_num(exp) && is_num(m) {
            return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        }
        // A user type's three-argument __pow__.
        let cls = vm.type_of(base);
        let n = vm.intern("__pow__");
        if let Some(f) = vm.class_lookup(cls, n) {
            let native = matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(_)));
            if !native {
                let r = vm.call(f, &[base, exp, m], &[])?;
                if !r.is(&vm.not_implemented) {
                    return Ok(r);
                }
            }
        }
        let (a, b, c) = (vm.type_name(base), vm.type_name(exp), vm.type_name(m));
        return Err(vm.type_error(format!("unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'", a, b, c)));
    };
    let (b, e, md) = (big_of(b), big_of(e), big_of(md));
    if md.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let m_abs = md.abs();
    if m_abs.is_one() {
        return Ok(Value::Int(0));
    }
    let r = if e.is_negative() {
        let inv = b.mod_floor(&m_abs).modinv(&m_abs);
        match inv {
            Some(inv) => inv.modpow(&-e, &m_abs),
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
    } else {
        b.modpow(&e, &m_abs)
    };
    let r = if md.is_negative() && !r.is_zero() { r - m_abs } else { r };
    Ok(vm.new_int(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_to_digits_matches_cpython() {
        assert_eq!(round_to_digits(2.675, 2), Some(2.67));
        assert_eq!(round_to_digits(0.125, 2), Some(0.12));
        assert_eq!(round_to_digits(0.375, 2), Some(0.38));
        assert_eq!(round_to_digits(123.456, -1), Some(120.0));
        assert_eq!(round_to_digits(-0.4, 0).map(|f| f.to_bits()), Some((-0.0f64).to_bits()));
        assert_eq!(round_to_digits(1.7976931348623157e308, -308), None);
        assert_eq!(round_to_digits(2.5, -400), Some(0.0));
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        for x in [0.1, 1.5, -2.75, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.0e-310] {
            assert_eq!(parse_hex_float(&float_hex(x)).ok(), Some(x));
        }
        assert_eq!(parse_hex_float("0x1p-1075").ok(), Some(0.0));
        assert_eq!(parse_hex_float("0x1.1p-1075").ok(), Some(5e-324));
        assert_eq!(parse_hex_float("0x3p-1076").ok(), Some(5e-324));
        assert!(matches!(parse_hex_float("0x1.fffffffffffff8p1023"), Err(HexErr::Overflow)));
        assert!(matches!(parse_hex_float("0x.p1"), Err(HexErr::Invalid)));
        assert_eq!(parse_hex_float(" -0x1.8p1 ").ok(), Some(-3.0));
    }

    #[test]
    fn ldexp_rounds_subnormals() {
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(1.5, -1074), 1e-323);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(0.75, 1024), 1.348269851146737e308);
    }
}
