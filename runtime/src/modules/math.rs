//! The math module.

use crate::builtins::args::*;
use crate::heap::ObjRef;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("math");
    vm.module_set(m, "pi", Value::Float(std::f64::consts::PI));
    vm.module_set(m, "e", Value::Float(std::f64::consts::E));
    vm.module_set(m, "tau", Value::Float(std::f64::consts::TAU));
    vm.module_set(m, "inf", Value::Float(f64::INFINITY));
    vm.module_set(m, "nan", Value::Float(f64::NAN));
    vm.module_add_fn(m, "sqrt", |vm, a, _| unary(vm, a, "sqrt", |x| if x < 0.0 { None } else { Some(x.sqrt()) }));
    vm.module_add_fn(m, "exp", |vm, a, _| unary(vm, a, "exp", |x| Some(x.exp())));
    vm.module_add_fn(m, "sin", |vm, a, _| unary(vm, a, "sin", |x| if x.is_infinite() { None } else { Some(x.sin()) }));
    vm.module_add_fn(m, "cos", |vm, a, _| unary(vm, a, "cos", |x| if x.is_infinite() { None } else { Some(x.cos()) }));
    vm.module_add_fn(m, "tan", |vm, a, _| unary(vm, a, "tan", |x| if x.is_infinite() { None } else { Some(x.tan()) }));
    vm.module_add_fn(m, "atan", |vm, a, _| unary(vm, a, "atan", |x| Some(x.atan())));
    vm.module_add_fn(m, "asin", |vm, a, _| unary(vm, a, "asin", |x| if x.abs() > 1.0 { None } else { Some(x.asin()) }));
    vm.module_add_fn(m, "acos", |vm, a, _| unary(vm, a, "acos", |x| if x.abs() > 1.0 { None } else { Some(x.acos()) }));
    vm.module_add_fn(m, "fabs", |vm, a, _| unary(vm, a, "fabs", |x| Some(x.abs())));
    vm.module_add_fn(m, "log10", |vm, a, _| unary(vm, a, "log10", |x| if x <= 0.0 { None } else { Some(x.log10()) }));
    vm.module_add_fn(m, "log2", |vm, a, _| unary(vm, a, "log2", |x| if x <= 0.0 { None } else { Some(x.log2()) }));
    vm.module_add_fn(m, "log", math_log);
    vm.module_add_fn(m, "pow", math_pow);
    vm.module_add_fn(m, "atan2", math_atan2);
    vm.module_add_fn(m, "floor", math_floor);
    vm.module_add_fn(m, "ceil", math_ceil);
    vm.module_add_fn(m, "isnan", |vm, a, _| { check_args(vm, "isnan", a, 1, 1)?; Ok(Value::Bool(float_arg(vm, a[0])?.is_nan())) });
    vm.module_add_fn(m, "isinf", |vm, a, _| { check_args(vm, "isinf", a, 1, 1)?; Ok(Value::Bool(float_arg(vm, a[0])?.is_infinite())) });
    vm.module_add_fn(m, "isfinite", |vm, a, _| { check_args(vm, "isfinite", a, 1, 1)?; Ok(Value::Bool(float_arg(vm, a[0])?.is_finite())) });
    Ok(m)
}

fn unary(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> Option<f64>) -> PyResult<Value> {
    check_args(vm, name, args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    match f(x) {
        Some(r) if r.is_infinite() && x.is_finite() => Err(vm.overflow_error("math range error")),
        Some(r) => Ok(Value::Float(r)),
        None => Err(vm.value_error("math domain error")),
    }
}

fn math_log(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "log", args, 1, 2)?;
    let x = float_arg(vm, args[0])?;
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    if args.len() == 2 {
        let b = float_arg(vm, args[1])?;
        if b <= 0.0 || b == 1.0 {
            return Err(vm.value_error("math domain error"));
        }
        return Ok(Value::Float(x.ln() / b.ln()));
    }
    Ok(Value::Float(x.ln()))
}

fn math_pow(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "pow", args, 2, 2)?;
    let (x, y) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    if x == 0.0 && y < 0.0 || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return Err(vm.value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn math_atan2(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "atan2", args, 2, 2)?;
    let (y, x) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    Ok(Value::Float(y.atan2(x)))
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.2e18 {
        return Ok(Value::Int(f as i64));
    }
    use num_traits::FromPrimitive;
    let b = num_bigint::BigInt::from_f64(f).unwrap_or_default();
    Ok(vm.new_int(b))
}

fn math_floor(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "floor", args, 1, 1)?;
    match args[0] {
        Value::Int(_) => Ok(args[0]),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => float_to_int(vm, f.floor()),
        v if matches!(v.as_obj().map(|o| o.kind()), Some(crate::object::Kind::BigInt(_))) => Ok(v),
        v => {
            let c = vm.type_of(v);
            let n = vm.names.floor;
            if let Some(f) = vm.class_lookup(c, n) {
                return vm.call(f, &[v], &[]);
            }
            let f = float_arg(vm, v)?;
            float_to_int(vm, f.floor())
        }
    }
}

fn math_ceil(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "ceil", args, 1, 1)?;
    match args[0] {
        Value::Int(_) => Ok(args[0]),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => float_to_int(vm, f.ceil()),
        v if matches!(v.as_obj().map(|o| o.kind()), Some(crate::object::Kind::BigInt(_))) => Ok(v),
        v => {
            let c = vm.type_of(v);
            let n = vm.names.ceil;
            if let Some(f) = vm.class_lookup(c, n) {
                return vm.call(f, &[v], &[]);
            }
            let f = float_arg(vm, v)?;
            float_to_int(vm, f.ceil())
        }
    }
}
