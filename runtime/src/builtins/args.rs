//! Argument helpers for native functions: arity checks with CPython's messages,
//! keyword lookup, and conversions of arguments to Rust types.

use crate::heap::ObjRef;
use crate::object::Kind;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Checks the number of positional arguments: `min..=max`.
pub fn check_args(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{}() takes no arguments ({} given)", name, n)
            } else if min == 1 {
                format!("{}() takes exactly one argument ({} given)", name, n)
            } else {
                format!("{} expected {} arguments, got {}", name, min, n)
            }
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Checks a method's arguments (args[0] is self): `min..=max` besides self.
pub fn check_method(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    check_args(vm, name, args.get(1..).unwrap_or(&[]), min, max)
}

/// Rejects keyword arguments.
pub fn no_kw(vm: &mut Vm, name: &str, kw: &[(ObjRef, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

/// The value of keyword argument `name`, if given.
pub fn kwarg(kw: &[(ObjRef, Value)], name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| *v)
}

/// Rejects keyword arguments other than `allowed`.
pub fn check_kw(vm: &mut Vm, fname: &str, kw: &[(ObjRef, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let n = k.as_str().unwrap_or("");
        if !allowed.contains(&n) {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", n, fname)));
        }
    }
    Ok(())
}

/// Positional argument `i`, or keyword `name`, or None.
pub fn arg_or_kw(args: &[Value], i: usize, kw: &[(ObjRef, Value)], name: &str) -> Option<Value> {
    args.get(i).copied().or_else(|| kwarg(kw, name))
}

/// The str inside an argument, or a TypeError naming the function.
pub fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Obj(o) => match &o.kind {
            Kind::Str(s) => Ok(&s.s),
            _ => {
                let tn = vm.type_name(*v);
                Err(vm.type_error(format!("{} must be str, not {}", what, tn)))
            }
        },
        _ => {
            let tn = vm.type_name(*v);
            Err(vm.type_error(format!("{} must be str, not {}", what, tn)))
        }
    }
}

/// An int argument as i64 (`__index__` honoured).
pub fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Float(_) => Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        _ => vm.to_index(v),
    }
}

/// A float argument (ints converted).
pub fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    crate::builtins::num::to_float(vm, v)
}
