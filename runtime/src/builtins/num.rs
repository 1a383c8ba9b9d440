//! int, float and bool: constructors and methods.

use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Registers int, float and bool methods and constructors.
pub fn register(_vm: &mut Vm) {}

/// `float(v)` for numbers (TypeError otherwise).
pub fn to_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::Float(f) => Ok(f),
        Value::Obj(o) => match &o.kind {
            crate::object::Kind::BigInt(b) => crate::arith::bigint_to_f64(vm, b),
            _ => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("must be real number, not {}", tn)))
            }
        },
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {}", tn)))
        }
    }
}

/// `pow(base, exp, mod)`.
pub fn pow_mod(vm: &mut Vm, _base: Value, _exp: Value, _m: Value) -> PyResult<Value> {
    Err(vm.not_implemented_error("pow() with a modulus"))
}

/// `round(x[, ndigits])`.
pub fn round(vm: &mut Vm, x: Value, _nd: Option<Value>) -> PyResult<Value> {
    match x {
        Value::Int(_) => Ok(x),
        Value::Float(f) => Ok(Value::Int(f.round_ties_even() as i64)),
        _ => Err(vm.type_error("round() not supported")),
    }
}
