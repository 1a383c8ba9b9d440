//! The `_bisect` module: CPython's C bisection functions (bisect_left, bisect_right,
//! insort_left, insort_right, with `lo`, `hi` and `key`), which `py/bisect.py`
//! imports over its pure-Python definitions.

use super::params::bind;
use crate::builtins::args::*;
use crate::bytecode::CmpOp;
use crate::heap::ObjRef;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

type Kw<'a> = &'a [(ObjRef, Value)];

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_bisect");
    vm.module_add_fn(m, "bisect_right", |vm, a, k| bisect_fn(vm, a, k, "bisect_right", true));
    vm.module_add_fn(m, "bisect_left", |vm, a, k| bisect_fn(vm, a, k, "bisect_left", false));
    vm.module_add_fn(m, "insort_right", |vm, a, k| insort_fn(vm, a, k, "insort_right", true));
    vm.module_add_fn(m, "insort_left", |vm, a, k| insort_fn(vm, a, k, "insort_left", false));
    vm.module_add_fn(m, "bisect", |vm, a, k| bisect_fn(vm, a, k, "bisect_right", true));
    vm.module_add_fn(m, "insort", |vm, a, k| insort_fn(vm, a, k, "insort_right", true));
    Ok(m)
}

/// `x < y` for the bisection, rooting both operands while Python code may run.
#[inline]
fn less(vm: &mut Vm, x: Value, y: Value) -> PyResult<bool> {
    match (x, y) {
        (Value::Int(a), Value::Int(b)) => Ok(a < b),
        (Value::Float(a), Value::Float(b)) => Ok(a < b),
        _ => {
            let mark = vm.roots.len();
            vm.roots.push(x);
            vm.roots.push(y);
            let r = vm.compare_bool(x, y, CmpOp::Lt);
            vm.roots.truncate(mark);
            r
        }
    }
}

/// `a[i]`: direct for lists, `__getitem__` otherwise.
#[inline]
fn item(vm: &mut Vm, a: Value, i: i64) -> PyResult<Value> {
    if let Some(l) = a.as_obj().and_then(|o| o.as_list()) {
        if let Some(v) = l.borrow().get(i as usize) {
            return Ok(*v);
        }
    }
    vm.getitem(a, Value::Int(i))
}

/// CPython's `internal_bisect_right` / `internal_bisect_left`.
fn internal_bisect(vm: &mut Vm, a: Value, x: Value, lo: i64, hi: i64, key: Value, right: bool) -> PyResult<i64> {
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let mut lo = lo;
    let mut hi = if hi == -1 { vm.len(a)? as i64 } else { hi };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut litem = item(vm, a, mid)?;
        if !key.is_none() {
            vm.roots.push(litem);
            let r = vm.call(key, &[litem], &[]);
            vm.roots.pop();
            litem = r?;
        }
        let lt = if right { less(vm, x, litem)? } else { less(vm, litem, x)? };
        if right {
            if lt {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if lt {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// Parses `(a, x, lo=0, hi=None, *, key=None)`.
fn parse(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<(Value, Value, i64, i64, Value)> {
    if args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at most 4 positional arguments ({} given)", name, args.len())));
    }
    let a = bind(vm, name, args, kw, &["a", "x", "lo", "hi", "key"], 2)?;
    let lo = match a[2] {
        None => 0,
        Some(v) => int_arg(vm, v)?,
    };
    let hi = match a[3] {
        None | Some(Value::None) => -1,
        Some(v) => int_arg(vm, v)?,
    };
    Ok((a[0].unwrap(), a[1].unwrap(), lo, hi, a[4].unwrap_or(Value::None)))
}

fn bisect_fn(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, right: bool) -> PyResult<Value> {
    let (a, x, lo, hi, key) = parse(vm, args, kw, name)?;
    Ok(Value::Int(internal_bisect(vm, a, x, lo, hi, key, right)?))
}

fn insort_fn(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, right: bool) -> PyResult<Value> {
    let (a, x, lo, hi, key) = parse(vm, args, kw, name)?;
    let index = if key.is_none() {
        internal_bisect(vm, a, x, lo, hi, key, right)?
    } else {
        let kx = vm.call(key, &[x], &[])?;
        vm.roots.push(kx);
        let r = internal_bisect(vm, a, kx, lo, hi, key, right);
        vm.roots.pop();
        r?
    };
    if let Some(l) = a.as_obj().and_then(|o| o.as_list()) {
        let mut l = l.borrow_mut();
        let i = (index.max(0) as usize).min(l.len());
        l.insert(i, x);
        return Ok(Value::None);
    }
    vm.call_method(a, "insert", &[Value::Int(index), x])?;
    Ok(Value::None)
}
