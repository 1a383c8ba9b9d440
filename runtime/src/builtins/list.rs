//! list and tuple: constructors and methods.
//!
//! Every method accepts, as self, either the built-in object or an instance of a
//! subclass (whose `Payload::Builtin` holds the real list or tuple). The operators on
//! plain lists and tuples have fast paths in `ops`/`arith`; the dunders registered here
//! serve explicit calls (`list.__add__(a, b)`), subclass instances and `super()`.

use super::args::*;
use super::core::set_construct;
use super::functions::sort_values;
use crate::bytecode::CmpOp;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{norm_index, unwrap_builtin};
use crate::value::{PyResult, Value};
use crate::vm::Vm;

type Kw<'a> = &'a [(ObjRef, Value)];

/// Registers list and tuple methods and constructors.
pub fn register(vm: &mut Vm) {
    let list = vm.types.list;
    set_construct(vm, list, list_construct);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
        ("__init__", list_init),
        ("__len__", list_len),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__contains__", list_contains),
        ("__iter__", list_iter),
        ("__reversed__", list_reversed),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", list_mul),
        ("__rmul__", list_mul),
        ("__imul__", list_imul),
        ("__eq__", list_eq),
        ("__ne__", list_ne),
        ("__lt__", list_lt),
        ("__le__", list_le),
        ("__gt__", list_gt),
        ("__ge__", list_ge),
        ("__repr__", list_repr),
    ];
    for &(name, f) in methods {
        vm.add_method(list, name, f);
    }
    // Lists are unhashable: `hash()` of a subclass instance finds this None.
    vm.set_class_attr(list, "__hash__", Value::None);
    vm.set_builtin("list", Value::Obj(list));

    let tuple = vm.types.tuple;
    set_construct(vm, tuple, tuple_construct);
    let methods: &[(&'static str, NativeFn)] = &[
        ("index", tuple_index),
        ("count", tuple_count),
        ("__len__", tuple_len),
        ("__getitem__", tuple_getitem),
        ("__contains__", tuple_contains),
        ("__iter__", tuple_iter),
        ("__add__", tuple_add),
        ("__mul__", tuple_mul),
        ("__rmul__", tuple_mul),
        ("__eq__", tuple_eq),
        ("__ne__", tuple_ne),
        ("__lt__", tuple_lt),
        ("__le__", tuple_le),
        ("__gt__", tuple_gt),
        ("__ge__", tuple_ge),
        ("__repr__", tuple_repr),
    ];
    for &(name, f) in methods {
        vm.add_method(tuple, name, f);
    }
    add_hash_slot(vm, tuple, builtin_hash);
    vm.set_builtin("tuple", Value::Obj(tuple));
}

/// Installs `__hash__` on a built-in hashable container (tuple, frozenset) as a slot the
/// VM treats like `object.__hash__`: `Vm::hash` then hashes the built-in value itself
/// (for subclass instances, the wrapped value) instead of calling this method and
/// reducing its result as it does for user `__hash__` methods, so that an instance of
/// a tuple subclass hashes exactly like the equal tuple. Explicit calls
/// (`(1, 2).__hash__()`) still get the right number.
pub(crate) fn add_hash_slot(vm: &mut Vm, cls: ObjRef, f: NativeFn) {
    let m =
        Value::Obj(vm.alloc(Kind::Native(Native { name: "__hash__", owner: Some("object"), f, bound: Value::Undef })));
    vm.set_class_attr(cls, "__hash__", m);
}

/// `__hash__` of a hashable built-in value (or a subclass instance wrapping one).
pub(crate) fn builtin_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len().saturating_sub(1))));
    }
    let h = vm.hash(unwrap_builtin(args[0]))?;
    Ok(Value::Int(h))
}

// -- argument helpers ------------------------------------------------------------------------

/// CPython's error for a method descriptor applied to the wrong type.
pub(crate) fn descriptor_error(vm: &mut Vm, args: &[Value], ty: &str, name: &str) -> crate::value::PyErr {
    match args.first() {
        None if name.starts_with("__") => {
            vm.type_error(format!("descriptor '{}' of '{}' object needs an argument", name, ty))
        }
        None => vm.type_error(format!("unbound method {}.{}() needs an argument", ty, name)),
        Some(&v) => {
            let tn = vm.type_name(v);
            if name.starts_with("__") {
                vm.type_error(format!("descriptor '{}' requires a '{}' object but received a '{}'", name, ty, tn))
            } else {
                vm.type_error(format!("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", name, ty, tn))
            }
        }
    }
}

/// Checks a METH_NOARGS method: no arguments besides self.
pub(crate) fn no_args(vm: &mut Vm, qualname: &str, args: &[Value], kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("{}() takes no arguments ({} given)", qualname, args.len() - 1)));
    }
    Ok(())
}

/// Checks a METH_O method: exactly one argument besides self.
pub(crate) fn one_arg(vm: &mut Vm, qualname: &str, args: &[Value], kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qualname,
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

/// Checks a positional-only method taking `min..=max` arguments besides self.
pub(crate) fn pos_args(
    vm: &mut Vm,
    name: &str,
    qualname: &str,
    args: &[Value],
    kw: Kw,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    check_method(vm, name, args, min, max)
}

/// A start/stop argument of `index()`: an int or an object with `__index__` (big ints
/// clamp), never None.
fn slice_bound(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => vm.to_index_clamped(v),
        _ => {
            let cls = vm.type_of(v);
            let ix = vm.names.index;
            if vm.class_lookup(cls, ix).is_some() {
                vm.to_index(v)
            } else {
                Err(vm.type_error("slice indices must be integers or have an __index__ method"))
            }
        }
    }
}

/// The (start, stop) range of `seq.index(x, start, stop)` for a sequence of length `n`.
fn index_range(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + n as i64).max(0) as usize
        } else {
            i as usize
        }
    };
    let start = match args.get(2) {
        Some(&v) => norm(slice_bound(vm, v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => norm(slice_bound(vm, v)?),
        None => usize::MAX,
    };
    Ok((start, stop))
}

/// A repeat count for `*`: an int (or `__index__`), negatives meaning zero.
fn repeat_arg(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let n = int_arg(vm, v)?;
    Ok(n.max(0) as usize)
}

fn check_repeat_size(vm: &mut Vm, len: usize, n: usize) -> PyResult<()> {
    if len.saturating_mul(n) > (1 << 31) {
        return Err(vm.err(vm.exc.MemoryError, ""));
    }
    Ok(())
}

fn cmp_result(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    vm.compare(a, b, op)
}

// -- list -------------------------------------------------------------------------------------

/// The list object behind self (a list or an instance of a list subclass).
fn this_list(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().map(|v| unwrap_builtin(*v)) {
        Some(Value::Obj(o)) if matches!(o.kind, Kind::List(_)) => Ok(o),
        _ => Err(descriptor_error(vm, args, "list", name)),
    }
}

/// The list object behind any value, if it is a list (or list subclass instance).
fn as_list(v: Value) -> Option<ObjRef> {
    unwrap_builtin(v).as_obj().filter(|o| matches!(o.kind, Kind::List(_)))
}

#[inline]
fn cells(o: ObjRef) -> &'static std::cell::RefCell<Vec<Value>> {
    o.as_list().expect("list")
}

fn list_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.len() - 1)));
    }
    let items = match args.get(1) {
        Some(&it) => vm.collect_iter(it)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn list_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__init__")?;
    if !kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.len() - 1)));
    }
    // Like CPython: empty the list first, then extend it (so `l.__init__(l)` empties l).
    cells(l).borrow_mut().clear();
    if let Some(&it) = args.get(1) {
        let items = vm.collect_iter(it)?;
        cells(l).borrow_mut().extend(items);
    }
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "append")?;
    one_arg(vm, "list.append", args, kw)?;
    cells(l).borrow_mut().push(args[1]);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "extend")?;
    one_arg(vm, "list.extend", args, kw)?;
    let items = vm.collect_iter(args[1])?;
    cells(l).borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "insert")?;
    pos_args(vm, "insert", "list.insert", args, kw, 2, 2)?;
    let i = int_arg(vm, args[1])?;
    let mut v = cells(l).borrow_mut();
    let n = v.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(at as usize, args[2]);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "pop")?;
    pos_args(vm, "pop", "list.pop", args, kw, 0, 1)?;
    let i = match args.get(1) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let mut v = cells(l).borrow_mut();
    if v.is_empty() {
        drop(v);
        return Err(vm.index_error("pop from empty list"));
    }
    match norm_index(i, v.len()) {
        Some(j) => Ok(v.remove(j)),
        None => {
            drop(v);
            Err(vm.index_error("pop index out of range"))
        }
    }
}

/// The position of the first item equal to `x` in `l[start..stop]` (the list may change
/// while user `__eq__` methods run; it is re-read at every step).
fn find_in_list(vm: &mut Vm, l: ObjRef, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let item = match cells(l).borrow().get(i) {
            Some(v) => *v,
            None => break,
        };
        if item.is(&x) || vm.eq(item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "remove")?;
    one_arg(vm, "list.remove", args, kw)?;
    if let Some(i) = find_in_list(vm, l, args[1], 0, usize::MAX)? {
        let mut v = cells(l).borrow_mut();
        if i < v.len() {
            v.remove(i);
        }
        return Ok(Value::None);
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "index")?;
    pos_args(vm, "index", "list.index", args, kw, 1, 3)?;
    let n = cells(l).borrow().len();
    let (start, stop) = index_range(vm, args, n)?;
    match find_in_list(vm, l, args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.value_error(format!("{} is not in list", r)))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "count")?;
    one_arg(vm, "list.count", args, kw)?;
    let x = args[1];
    let mut n = 0i64;
    let mut i = 0;
    loop {
        let item = match cells(l).borrow().get(i) {
            Some(v) => *v,
            None => break,
        };
        if item.is(&x) || vm.eq(item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "sort")?;
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    check_kw(vm, "sort", kw, &["key", "reverse"])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => int_arg(vm, r)? != 0,
        None => false,
    };
    // As in CPython the list is empty while it is being sorted: key functions and
    // comparisons see `[]`, and anything they add is detected and discarded.
    let mut items = std::mem::take(&mut *cells(l).borrow_mut());
    let r = sort_values(vm, &mut items, key, reverse);
    let modified = !cells(l).borrow().is_empty();
    *cells(l).borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "reverse")?;
    no_args(vm, "list.reverse", args, kw)?;
    cells(l).borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "copy")?;
    no_args(vm, "list.copy", args, kw)?;
    let items = cells(l).borrow().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "clear")?;
    no_args(vm, "list.clear", args, kw)?;
    cells(l).borrow_mut().clear();
    Ok(Value::None)
}

fn list_len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__len__")?;
    no_args(vm, "list.__len__", args, kw)?;
    Ok(Value::Int(cells(l).borrow().len() as i64))
}

fn list_getitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__getitem__")?;
    one_arg(vm, "list.__getitem__", args, kw)?;
    vm.getitem(Value::Obj(l), args[1])
}

fn list_setitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__setitem__")?;
    pos_args(vm, "__setitem__", "list.__setitem__", args, kw, 2, 2)?;
    vm.setitem(Value::Obj(l), args[1], args[2])?;
    Ok(Value::None)
}

fn list_delitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__delitem__")?;
    one_arg(vm, "list.__delitem__", args, kw)?;
    vm.delitem(Value::Obj(l), args[1])?;
    Ok(Value::None)
}

fn list_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__contains__")?;
    one_arg(vm, "list.__contains__", args, kw)?;
    Ok(Value::Bool(vm.contains(Value::Obj(l), args[1])?))
}

fn list_iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__iter__")?;
    no_args(vm, "list.__iter__", args, kw)?;
    Ok(vm.new_iter(IterState::Seq { seq: Value::Obj(l), idx: 0 }))
}

fn list_reversed(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__reversed__")?;
    no_args(vm, "list.__reversed__", args, kw)?;
    let n = cells(l).borrow().len();
    Ok(vm.new_iter(IterState::Reversed { seq: Value::Obj(l), idx: n }))
}

fn list_add(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__add__")?;
    one_arg(vm, "list.__add__", args, kw)?;
    let Some(m) = as_list(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", tn)));
    };
    let mut r = cells(l).borrow().clone();
    r.extend_from_slice(&cells(m).borrow());
    Ok(vm.new_list(r))
}

fn list_iadd(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__iadd__")?;
    one_arg(vm, "list.__iadd__", args, kw)?;
    let items = vm.collect_iter(args[1])?;
    cells(l).borrow_mut().extend(items);
    Ok(args[0])
}

fn repeated(items: &[Value], n: usize) -> Vec<Value> {
    let mut r = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        r.extend_from_slice(items);
    }
    r
}

fn list_mul(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__mul__")?;
    one_arg(vm, "list.__mul__", args, kw)?;
    let n = repeat_arg(vm, args[1])?;
    let src = cells(l).borrow().clone();
    check_repeat_size(vm, src.len(), n)?;
    Ok(vm.new_list(repeated(&src, n)))
}

fn list_imul(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__imul__")?;
    one_arg(vm, "list.__imul__", args, kw)?;
    let n = repeat_arg(vm, args[1])?;
    let src = cells(l).borrow().clone();
    check_repeat_size(vm, src.len(), n)?;
    *cells(l).borrow_mut() = repeated(&src, n);
    Ok(args[0])
}

fn list_richcmp(vm: &mut Vm, args: &[Value], kw: Kw, op: CmpOp) -> PyResult<Value> {
    let l = this_list(vm, args, op.dunder())?;
    one_arg(vm, &format!("list.{}", op.dunder()), args, kw)?;
    match as_list(args[1]) {
        Some(m) => cmp_result(vm, Value::Obj(l), Value::Obj(m), op),
        None => Ok(vm.not_implemented),
    }
}

fn list_eq(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    list_richcmp(vm, args, kw, CmpOp::Eq)
}
fn list_ne(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    list_richcmp(vm, args, kw, CmpOp::Ne)
}
fn list_lt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    list_richcmp(vm, args, kw, CmpOp::Lt)
}
fn list_le(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    list_richcmp(vm, args, kw, CmpOp::Le)
}
fn list_gt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    list_richcmp(vm, args, kw, CmpOp::Gt)
}
fn list_ge(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    list_richcmp(vm, args, kw, CmpOp::Ge)
}

/// Reprs of `items` joined by ", ", showing `shown_as` for items that are `this` itself
/// (a subclass instance containing itself: the VM's repr guard is keyed on the instance).
pub(crate) fn repr_items_self(vm: &mut Vm, items: &[Value], this: Value, shown_as: &str) -> PyResult<String> {
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(items);
    let mut parts = Vec::with_capacity(items.len());
    let mut err = None;
    for it in items {
        if it.is(&this) {
            parts.push(shown_as.to_string());
            continue;
        }
        match vm.repr(*it) {
            Ok(s) => parts.push(s),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.roots.truncate(mark);
    match err {
        Some(e) => Err(e),
        None => Ok(parts.join(", ")),
    }
}

fn list_repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = this_list(vm, args, "__repr__")?;
    no_args(vm, "list.__repr__", args, kw)?;
    let s = if matches!(args[0].as_obj().map(|o| o.kind()), Some(Kind::Instance(_))) {
        let items = cells(l).borrow().clone();
        format!("[{}]", repr_items_self(vm, &items, args[0], "[...]")?)
    } else {
        vm.repr(Value::Obj(l))?
    };
    Ok(vm.new_str(s))
}

// -- tuple ------------------------------------------------------------------------------------

/// The tuple object behind self (a tuple or an instance of a tuple subclass).
fn this_tuple(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().map(|v| unwrap_builtin(*v)) {
        Some(Value::Obj(o)) if matches!(o.kind, Kind::Tuple(_)) => Ok(o),
        _ => Err(descriptor_error(vm, args, "tuple", name)),
    }
}

fn as_tuple(v: Value) -> Option<ObjRef> {
    unwrap_builtin(v).as_obj().filter(|o| matches!(o.kind, Kind::Tuple(_)))
}

#[inline]
fn elems(o: ObjRef) -> &'static [Value] {
    o.as_tuple().expect("tuple")
}

fn tuple_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("tuple expected at most 1 argument, got {}", args.len() - 1)));
    }
    match args.get(1) {
        None => Ok(Value::Obj(vm.empty_tuple)),
        Some(&v) if matches!(v.as_obj().map(|o| o.kind()), Some(Kind::Tuple(_))) => Ok(v),
        Some(&v) => {
            let items = vm.collect_iter(v)?;
            Ok(vm.new_tuple(items))
        }
    }
}

fn tuple_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "index")?;
    pos_args(vm, "index", "tuple.index", args, kw, 1, 3)?;
    let items = elems(t);
    let (start, stop) = index_range(vm, args, items.len())?;
    let x = args[1];
    for (i, item) in items.iter().enumerate().take(stop.min(items.len())).skip(start) {
        if item.is(&x) || vm.eq(*item, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "count")?;
    one_arg(vm, "tuple.count", args, kw)?;
    let x = args[1];
    let mut n = 0i64;
    for item in elems(t) {
        if item.is(&x) || vm.eq(*item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__len__")?;
    no_args(vm, "tuple.__len__", args, kw)?;
    Ok(Value::Int(elems(t).len() as i64))
}

fn tuple_getitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__getitem__")?;
    one_arg(vm, "tuple.__getitem__", args, kw)?;
    vm.getitem(Value::Obj(t), args[1])
}

fn tuple_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__contains__")?;
    one_arg(vm, "tuple.__contains__", args, kw)?;
    Ok(Value::Bool(vm.contains(Value::Obj(t), args[1])?))
}

fn tuple_iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__iter__")?;
    no_args(vm, "tuple.__iter__", args, kw)?;
    Ok(vm.new_iter(IterState::Seq { seq: Value::Obj(t), idx: 0 }))
}

fn tuple_add(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__add__")?;
    one_arg(vm, "tuple.__add__", args, kw)?;
    let Some(u) = as_tuple(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", tn)));
    };
    let mut r = elems(t).to_vec();
    r.extend_from_slice(elems(u));
    Ok(vm.new_tuple(r))
}

fn tuple_mul(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__mul__")?;
    one_arg(vm, "tuple.__mul__", args, kw)?;
    let n = repeat_arg(vm, args[1])?;
    if n == 1 && matches!(args[0].as_obj().map(|o| o.kind()), Some(Kind::Tuple(_))) {
        return Ok(args[0]);
    }
    let items = elems(t);
    check_repeat_size(vm, items.len(), n)?;
    Ok(vm.new_tuple(repeated(items, n)))
}

fn tuple_richcmp(vm: &mut Vm, args: &[Value], kw: Kw, op: CmpOp) -> PyResult<Value> {
    let t = this_tuple(vm, args, op.dunder())?;
    one_arg(vm, &format!("tuple.{}", op.dunder()), args, kw)?;
    match as_tuple(args[1]) {
        Some(u) => cmp_result(vm, Value::Obj(t), Value::Obj(u), op),
        None => Ok(vm.not_implemented),
    }
}

fn tuple_eq(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tuple_richcmp(vm, args, kw, CmpOp::Eq)
}
fn tuple_ne(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tuple_richcmp(vm, args, kw, CmpOp::Ne)
}
fn tuple_lt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tuple_richcmp(vm, args, kw, CmpOp::Lt)
}
fn tuple_le(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tuple_richcmp(vm, args, kw, CmpOp::Le)
}
fn tuple_gt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tuple_richcmp(vm, args, kw, CmpOp::Gt)
}
fn tuple_ge(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tuple_richcmp(vm, args, kw, CmpOp::Ge)
}

fn tuple_repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this_tuple(vm, args, "__repr__")?;
    no_args(vm, "tuple.__repr__", args, kw)?;
    let s = vm.repr(Value::Obj(t))?;
    Ok(vm.new_str(s))
}
