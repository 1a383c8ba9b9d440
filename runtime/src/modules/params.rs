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
