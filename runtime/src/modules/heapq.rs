//! The `_heapq` module: CPython's C heap operations (heappush, heappop, heapify,
//! heapreplace, heappushpop and the `_max` variants `heapq.py` uses), with the same
//! sift algorithms, so heaps end up in the same order as in CPython. `py/heapq.py`
//! (CPython's module: merge, nlargest, nsmallest) imports them.
//!
//! Comparisons can run Python code (`__lt__`), which can collect garbage or change the
//! list: compared items and items taken out of the list are rooted, and the list's size
//! is checked after each comparison like CPython does.

use crate::builtins::args::*;
use crate::bytecode::CmpOp;
use crate::heap::ObjRef;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;

type Kw<'a> = &'a [(ObjRef, Value)];

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_heapq");
    vm.module_add_fn(m, "heappush", heappush);
    vm.module_add_fn(m, "heappop", heappop);
    vm.module_add_fn(m, "heapify", heapify);
    vm.module_add_fn(m, "heapreplace", heapreplace);
    vm.module_add_fn(m, "heappushpop", heappushpop);
    vm.module_add_fn(m, "_heappop_max", heappop_max);
    vm.module_add_fn(m, "_heapify_max", heapify_max);
    vm.module_add_fn(m, "_heapreplace_max", heapreplace_max);
    Ok(m)
}

fn list_arg<'a>(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    match v.as_obj().and_then(|o| o.as_list()) {
        Some(l) => Ok(l),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}() argument 1 must be list, not {}", name, tn)))
        }
    }
}

/// `a < b`, with both rooted while Python code may run.
#[inline]
fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            let mark = vm.roots.len();
            vm.roots.push(a);
            vm.roots.push(b);
            let r = vm.compare_bool(a, b, CmpOp::Lt);
            vm.roots.truncate(mark);
            r
        }
    }
}

fn changed_size(vm: &mut Vm) -> crate::value::PyErr {
    vm.runtime_error("list changed size during iteration")
}

/// CPython's `siftdown` (`max` swaps the comparison's operands).
fn siftdown(vm: &mut Vm, heap: &RefCell<Vec<Value>>, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.borrow().len();
    if pos >= size {
        return Err(vm.index_error("index out of range"));
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = {
            let h = heap.borrow();
            (h[pos], h[parentpos])
        };
        let lt = if max { less(vm, parent, newitem)? } else { less(vm, newitem, parent)? };
        if size != heap.borrow().len() {
            return Err(changed_size(vm));
        }
        if !lt {
            break;
        }
        heap.borrow_mut().swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// CPython's `siftup`: moves the smaller child up until a leaf, then sifts down.
fn siftup(vm: &mut Vm, heap: &RefCell<Vec<Value>>, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.borrow().len();
    let startpos = pos;
    if pos >= endpos {
        return Err(vm.index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = {
                let h = heap.borrow();
                (h[childpos], h[childpos + 1])
            };
            let lt = if max { less(vm, b, a)? } else { less(vm, a, b)? };
            if !lt {
                childpos += 1;
            }
            if endpos != heap.borrow().len() {
                return Err(changed_size(vm));
            }
        }
        heap.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "heappush", kw)?;
    check_args(vm, "heappush", args, 2, 2)?;
    let heap = list_arg(vm, args[0], "heappush")?;
    heap.borrow_mut().push(args[1]);
    let n = heap.borrow().len();
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(Value::None)
}

fn pop_common(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, max: bool) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)?;
    let heap = list_arg(vm, args[0], name)?;
    let last = heap.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if heap.borrow().is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut heap.borrow_mut()[0], last);
    vm.roots.push(ret);
    let r = siftup(vm, heap, 0, max);
    vm.roots.pop();
    r?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    pop_common(vm, args, kw, "heappop", false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    pop_common(vm, args, kw, "_heappop_max", true)
}

fn replace_common(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, max: bool) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    check_args(vm, name, args, 2, 2)?;
    let heap = list_arg(vm, args[0], name)?;
    if heap.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut heap.borrow_mut()[0], args[1]);
    vm.roots.push(ret);
    let r = siftup(vm, heap, 0, max);
    vm.roots.pop();
    r?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    replace_common(vm, args, kw, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    replace_common(vm, args, kw, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "heappushpop", kw)?;
    check_args(vm, "heappushpop", args, 2, 2)?;
    let heap = list_arg(vm, args[0], "heappushpop")?;
    let item = args[1];
    let top = match heap.borrow().first() {
        None => return Ok(item),
        Some(t) => *t,
    };
    if !less(vm, top, item)? {
        return Ok(item);
    }
    if heap.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut heap.borrow_mut()[0], item);
    vm.roots.push(ret);
    let r = siftup(vm, heap, 0, false);
    vm.roots.pop();
    r?;
    Ok(ret)
}

/// The largest power of two not above n (CPython's `keep_top_bit`).
fn keep_top_bit(mut n: usize) -> usize {
    let mut i = 0;
    while n > 1 {
        n >>= 1;
        i += 1;
    }
    n << i
}

fn heapify_common(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, max: bool) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)?;
    let heap = list_arg(vm, args[0], name)?;
    let n = heap.borrow().len();
    if n > 2500 {
        // CPython's cache-friendly order for big heaps.
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        let run = |vm: &mut Vm, i: usize| -> PyResult<()> {
            let mut j = i;
            loop {
                siftup(vm, heap, j, max)?;
                if j & 1 == 0 {
                    break;
                }
                j >>= 1;
            }
            Ok(())
        };
        for i in (mhalf..leftmost).rev() {
            run(vm, i)?;
        }
        for i in (leftmost..m).rev() {
            run(vm, i)?;
        }
    } else {
        for i in (0..n >> 1).rev() {
            siftup(vm, heap, i, max)?;
        }
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    heapify_common(vm, args, kw, "heapify", false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    heapify_common(vm, args, kw, "_heapify_max", true)
}
