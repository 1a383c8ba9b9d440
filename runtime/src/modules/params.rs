//! Positional-or-keyword argument binding for the library modules' native functions,
//! with the messages CPython's argument clinic gives.

use crate::heap::ObjRef;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Binds `args` and `kw` to `names` (positional-or-keyword, in order); the first
/// `required` are mandatory. Returns one slot per name.
pub fn bind(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: &[(ObjRef, Value)],
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if args.len() > names.len() {
        let msg = if names.len() == required {
            format!(
                "{}() takes exactly {} positional argument{} ({} given)",
                fname,
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{}() takes at most {} argument{} ({} given)",
                fname,
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                args.len() + kw.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    let mut out: Vec<Option<Value>> = names.iter().enumerate().map(|(i, _)| args.get(i).copied()).collect();
    for (k, v) in kw {
        let key = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    key,
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(*v),
            None => {
                return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", key, fname)));
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(format!("{}() missing required argument '{}' (pos {})", fname, names[i], i + 1)));
        }
    }
    Ok(out)
}

/// `self` of a native method, or CPython's TypeError when an unbound method is called
/// without it.
pub fn self_arg(vm: &mut Vm, args: &[Value], owner: &str, name: &str) -> PyResult<Value> {
    match args.first() {
        Some(v) => Ok(*v),
        None => Err(vm.type_error(format!("unbound method {}.{}() needs an argument", owner, name))),
    }
}

/// The constructor of built-in classes that cannot be instantiated from Python
/// (`cannot create 'itertools._grouper' instances`); without one, a class made by
/// `new_class_raw` would inherit object's.
pub fn no_construct(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let name = match args.first().and_then(|c| c.as_obj()).and_then(|c| c.as_class().map(|k| (k, c))) {
        Some((k, _)) => format!("{}.{}", k.module.borrow(), k.name.borrow()),
        None => "object".to_string(),
    };
    Err(vm.type_error(format!("cannot create '{}' instances", name)))
}
