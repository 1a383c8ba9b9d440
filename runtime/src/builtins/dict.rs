//! dict, set and frozenset: constructors, methods, views and set algebra.
//!
//! The set algorithms follow CPython 3.11's setobject.c step by step (which table is
//! iterated, when a table is pre-sized, copied slot for slot or rebuilt), because the
//! iteration order of a set of ints — what `print(s)` shows — depends on exactly which
//! keys were inserted into which table in which order.
//!
//! Methods accept, as self, the built-in object or an instance of a subclass (whose
//! `Payload::Builtin` holds the real dict or set). The dict views (`d.keys()` ...) are
//! instances of the `dict_keys`/`dict_values`/`dict_items` classes holding the dict they
//! show in their first slot (see `new_view`).
//!
//! Rooting: every function that allocates an intermediate object or copies keys into a
//! Rust `Vec` and then may run Python code (`__hash__`, `__eq__`, iterators) pushes them
//! on `vm.roots` inside a `with_roots` scope, which truncates the root stack on exit.

use super::core::set_construct;
use super::list::{add_hash_slot, builtin_hash, descriptor_error, no_args, one_arg, pos_args, repr_items_self};
use crate::bytecode::{BinOp, CmpOp};
use crate::dict::Dict;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{key_eq_simple, real_dict, unwrap_builtin, SetLike};
use crate::set::SetTable;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};

type Kw<'a> = &'a [(ObjRef, Value)];

/// Registers dict, set and frozenset methods and constructors.
pub fn register(vm: &mut Vm) {
    register_dict(vm);
    register_views(vm);
    register_sets(vm);
}

/// Runs `f`, then drops whatever it pushed on the root stack.
fn with_roots<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let mark = vm.roots.len();
    let r = f(vm);
    vm.roots.truncate(mark);
    r
}

/// Runs `f` with `vals` rooted. Operator entry points root their operands themselves:
/// the interpreter pops them off its stack before calling the operator.
fn with_rooted<T>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    with_roots(vm, |vm| {
        vm.roots.extend_from_slice(vals);
        f(vm)
    })
}

fn is_type_error(vm: &Vm, e: &PyErr) -> bool {
    vm.err_matches(e, vm.exc.TypeError)
}

// == dict =======================================================================================

fn register_dict(vm: &mut Vm) {
    let dict = vm.types.dict;
    set_construct(vm, dict, dict_construct);
    let methods: &[(&'static str, NativeFn)] = &[
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__init__", dict_init),
        ("__len__", dict_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
        ("__reversed__", dict_reversed),
        ("__eq__", dict_eq),
        ("__ne__", dict_ne),
        ("__or__", dict_or),
        ("__ror__", dict_ror),
        ("__ior__", dict_ior),
        ("__repr__", dict_repr),
    ];
    for &(name, f) in methods {
        vm.add_method(dict, name, f);
    }
    vm.add_static_method(dict, "fromkeys", dict_fromkeys, true);
    vm.set_class_attr(dict, "__hash__", Value::None);
    vm.set_builtin("dict", Value::Obj(dict));
}

/// The dict object behind self (a dict or an instance of a dict subclass).
fn this_dict(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| v.as_obj()).and_then(real_dict) {
        Some(d) => Ok(d),
        None => Err(descriptor_error(vm, args, "dict", name)),
    }
}

/// The dict object behind any value, if it is a dict (or dict subclass instance).
fn as_dict(v: Value) -> Option<ObjRef> {
    v.as_obj().and_then(real_dict)
}

/// The value itself when it is an exact dict (not a subclass instance).
fn exact_dict(v: Value) -> Option<ObjRef> {
    v.as_obj().filter(|o| matches!(o.kind, Kind::Dict(_)))
}

#[inline]
fn table<'a>(d: ObjRef) -> &'a RefCell<Dict> {
    d.as_dict().expect("dict")
}

/// The entry position of `key` (whose hash is `h`) in dict `d`, comparing with `__eq__`
/// only when the keys are not simple values.
fn dict_find_hashed(vm: &mut Vm, d: ObjRef, key: Value, h: i64) -> PyResult<Option<usize>> {
    let cell = table(d);
    let mut slow = false;
    let found = cell.borrow().find(h, |k| match key_eq_simple(k, &key) {
        Some(r) => r,
        None => {
            slow = true;
            false
        }
    });
    if found.is_some() || !slow {
        return Ok(found);
    }
    let cands = cell.borrow().candidates(h);
    for pos in cands {
        let Some((k, _)) = cell.borrow().entry(pos) else {
            continue;
        };
        if k.is(&key) || vm.eq(k, key)? {
            return Ok(Some(pos));
        }
    }
    Ok(None)
}

/// `d[key] = value` for a key whose hash is already known (no second `__hash__` call).
fn dict_set_hashed(vm: &mut Vm, d: ObjRef, key: Value, h: i64, value: Value) -> PyResult<()> {
    let pos = dict_find_hashed(vm, d, key, h)?;
    let mut t = table(d).borrow_mut();
    match pos {
        Some(p) if t.entry(p).is_some() => t.set_value(p, value),
        _ => t.push(h, key, value),
    }
    Ok(())
}

/// Whether `v` is a dict whose iteration is the built-in one (an exact dict, or a
/// subclass that does not override `__iter__`): CPython's `dict_merge` fast path.
fn iterates_as_dict(vm: &mut Vm, v: Value) -> Option<ObjRef> {
    let d = as_dict(v)?;
    if exact_dict(v).is_some() {
        return Some(d);
    }
    let cls = vm.type_of(v);
    let it = vm.names.iter;
    match vm.class_lookup(cls, it).and_then(|f| f.as_obj()).map(|o| o.kind()) {
        Some(Kind::Native(n)) if n.owner == Some("dict") && n.name == "__iter__" => Some(d),
        _ => None,
    }
}

/// `PyDict_Merge(dst, src, override=1)`: from a dict, or from any mapping through its
/// `keys()` and `__getitem__`.
fn dict_merge(vm: &mut Vm, dst: ObjRef, src: Value) -> PyResult<()> {
    if let Some(s) = iterates_as_dict(vm, src) {
        if s.ptr_eq(dst) {
            return Ok(());
        }
        let items: Vec<(i64, Value, Value)> = table(s).borrow().iter_hashed().collect();
        return with_roots(vm, |vm| {
            for &(_, k, v) in &items {
                vm.roots.push(k);
                vm.roots.push(v);
            }
            for (h, k, v) in items {
                dict_set_hashed(vm, dst, k, h, v)?;
            }
            Ok(())
        });
    }
    with_roots(vm, |vm| {
        let keys = vm.call_method(src, "keys", &[])?;
        vm.roots.push(keys);
        let it = vm.get_iter(keys)?;
        vm.roots.push(it);
        while let Some(k) = vm.next(it)? {
            let mark = vm.roots.len();
            vm.roots.push(k);
            let v = vm.getitem(src, k)?;
            vm.roots.push(v);
            vm.dict_set(dst, k, v)?;
            vm.roots.truncate(mark);
        }
        Ok(())
    })
}

/// `PyDict_MergeFromSeq2`: `d.update([(k, v), ...])`.
fn merge_from_seq2(vm: &mut Vm, dst: ObjRef, seq: Value) -> PyResult<()> {
    with_roots(vm, |vm| {
        let it = vm.get_iter(seq)?;
        vm.roots.push(it);
        let mut i = 0usize;
        while let Some(item) = vm.next(it)? {
            let mark = vm.roots.len();
            vm.roots.push(item);
            let parts = match item.as_obj().map(|o| o.kind()) {
                Some(Kind::List(l)) => l.borrow().clone(),
                Some(Kind::Tuple(t)) => t.to_vec(),
                _ => {
                    let sub = match vm.get_iter(item) {
                        Ok(s) => s,
                        Err(e) if is_type_error(vm, &e) => {
                            return Err(vm.type_error(format!(
                                "cannot convert dictionary update sequence element #{} to a sequence",
                                i
                            )));
                        }
                        Err(e) => return Err(e),
                    };
                    vm.collect_iter(sub)?
                }
            };
            if parts.len() != 2 {
                return Err(vm.value_error(format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    i,
                    parts.len()
                )));
            }
            vm.roots.extend_from_slice(&parts);
            vm.dict_set(dst, parts[0], parts[1])?;
            vm.roots.truncate(mark);
            i += 1;
        }
        Ok(())
    })
}

/// `dict_update_arg`: a dict or mapping (has `keys`), else an iterable of pairs.
fn dict_update_arg(vm: &mut Vm, dst: ObjRef, arg: Value) -> PyResult<()> {
    if exact_dict(arg).is_some() {
        return dict_merge(vm, dst, arg);
    }
    let keys = vm.intern("keys");
    if vm.get_attr_opt(arg, keys)?.is_some() {
        return dict_merge(vm, dst, arg);
    }
    merge_from_seq2(vm, dst, arg)
}

/// The shared body of `dict(...)`, `dict.__init__` and `dict.update`.
fn dict_update_common(vm: &mut Vm, dst: ObjRef, rest: &[Value], kw: Kw, fname: &str) -> PyResult<()> {
    if rest.len() > 1 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", fname, rest.len())));
    }
    if let Some(&a) = rest.first() {
        dict_update_arg(vm, dst, a)?;
    }
    for &(k, v) in kw {
        vm.dict_set(dst, Value::Obj(k), v)?;
    }
    Ok(())
}

fn dict_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = vm.new_dict(Dict::new());
    with_roots(vm, |vm| {
        vm.roots.push(d);
        dict_update_common(vm, d.as_obj().unwrap(), &args[1..], kw, "dict")
    })?;
    Ok(d)
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__init__")?;
    dict_update_common(vm, d, &args[1..], kw, "dict")?;
    Ok(Value::None)
}

fn dict_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "update")?;
    dict_update_common(vm, d, &args[1..], kw, "update")?;
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    pos_args(vm, "fromkeys", "dict.fromkeys", args, kw, 1, 2)?;
    let (cls, iterable) = (args[0], args[1]);
    let value = args.get(2).copied().unwrap_or(Value::None);
    let d = vm.call(cls, &[], &[])?;
    with_roots(vm, |vm| {
        vm.roots.push(d);
        if let Some(dd) = exact_dict(d) {
            let hashed: Option<Vec<(i64, Value)>> = match iterable.as_obj().map(|o| o.kind()) {
                Some(Kind::Dict(src)) => Some(src.borrow().iter_hashed().map(|(h, k, _)| (h, k)).collect()),
                Some(Kind::Set(s)) => Some(s.borrow().iter().collect()),
                Some(Kind::FrozenSet(s)) => Some(s.iter().collect()),
                _ => None,
            };
            if let Some(keys) = hashed {
                vm.roots.extend(keys.iter().map(|(_, k)| *k));
                for (h, k) in keys {
                    dict_set_hashed(vm, dd, k, h, value)?;
                }
                return Ok(d);
            }
        }
        let it = vm.get_iter(iterable)?;
        vm.roots.push(it);
        while let Some(k) = vm.next(it)? {
            vm.roots.push(k);
            match exact_dict(d) {
                Some(dd) => vm.dict_set(dd, k, value)?,
                None => vm.setitem(d, k, value)?,
            }
            vm.roots.pop();
        }
        Ok(d)
    })
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "get")?;
    pos_args(vm, "get", "dict.get", args, kw, 1, 2)?;
    Ok(vm.dict_get(d, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "setdefault")?;
    pos_args(vm, "setdefault", "dict.setdefault", args, kw, 1, 2)?;
    let key = args[1];
    let h = vm.hash(key)?;
    if let Some(pos) = dict_find_hashed(vm, d, key, h)? {
        if let Some((_, v)) = table(d).borrow().entry(pos) {
            return Ok(v);
        }
    }
    let dflt = args.get(2).copied().unwrap_or(Value::None);
    table(d).borrow_mut().push(h, key, dflt);
    Ok(dflt)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "pop")?;
    pos_args(vm, "pop", "dict.pop", args, kw, 1, 2)?;
    match vm.dict_remove(d, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(&dflt) => Ok(dflt),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "popitem")?;
    no_args(vm, "dict.popitem", args, kw)?;
    let popped = table(d).borrow_mut().pop_last();
    match popped {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(msg))
        }
    }
}

fn dict_keys(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this_dict(vm, args, "keys")?;
    no_args(vm, "dict.keys", args, kw)?;
    let cls = vm.types.dict_keys;
    Ok(new_view(vm, cls, args[0]))
}

fn dict_values(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this_dict(vm, args, "values")?;
    no_args(vm, "dict.values", args, kw)?;
    let cls = vm.types.dict_values;
    Ok(new_view(vm, cls, args[0]))
}

fn dict_items(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this_dict(vm, args, "items")?;
    no_args(vm, "dict.items", args, kw)?;
    let cls = vm.types.dict_items;
    Ok(new_view(vm, cls, args[0]))
}

fn dict_copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "copy")?;
    no_args(vm, "dict.copy", args, kw)?;
    let t = table(d).borrow().clone();
    Ok(vm.new_dict(t))
}

fn dict_clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "clear")?;
    no_args(vm, "dict.clear", args, kw)?;
    table(d).borrow_mut().clear();
    Ok(Value::None)
}

fn dict_len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__len__")?;
    no_args(vm, "dict.__len__", args, kw)?;
    Ok(Value::Int(table(d).borrow().len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__getitem__")?;
    one_arg(vm, "dict.__getitem__", args, kw)?;
    if let Some(v) = vm.dict_get(d, args[1])? {
        return Ok(v);
    }
    // Subclasses may define __missing__ (looked up on the type, like CPython).
    if exact_dict(args[0]).is_none() {
        let cls = vm.type_of(args[0]);
        let missing = vm.names.missing;
        if let Some(m) = vm.class_lookup(cls, missing) {
            return vm.call(m, &[args[0], args[1]], &[]);
        }
    }
    Err(vm.key_error(args[1]))
}

fn dict_setitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__setitem__")?;
    pos_args(vm, "__setitem__", "dict.__setitem__", args, kw, 2, 2)?;
    vm.dict_set(d, args[1], args[2])?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__delitem__")?;
    one_arg(vm, "dict.__delitem__", args, kw)?;
    match vm.dict_remove(d, args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1])),
    }
}

fn dict_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__contains__")?;
    one_arg(vm, "dict.__contains__", args, kw)?;
    Ok(Value::Bool(vm.dict_get(d, args[1])?.is_some()))
}

fn dict_iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__iter__")?;
    no_args(vm, "dict.__iter__", args, kw)?;
    Ok(dict_iterator(vm, d, 0))
}

fn dict_iterator(vm: &mut Vm, d: ObjRef, what: u8) -> Value {
    let len = table(d).borrow().len();
    vm.new_iter(IterState::Dict { dict: d, idx: 0, what, len })
}

/// A reverse iterator over a snapshot of the keys (0), values (1) or items (2).
fn dict_reverse_iterator(vm: &mut Vm, d: ObjRef, what: u8) -> Value {
    let entries: Vec<(Value, Value)> = table(d).borrow().iter().collect();
    let items: Vec<Value> = match what {
        0 => entries.iter().map(|e| e.0).collect(),
        1 => entries.iter().map(|e| e.1).collect(),
        _ => entries.iter().map(|&(k, v)| vm.new_tuple(vec![k, v])).collect(),
    };
    let n = items.len();
    let l = vm.new_list(items);
    vm.new_iter(IterState::Reversed { seq: l, idx: n })
}

fn dict_reversed(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__reversed__")?;
    no_args(vm, "dict.__reversed__", args, kw)?;
    Ok(dict_reverse_iterator(vm, d, 0))
}

/// CPython's `dict_equal`: same length, and every key of `a` maps to an equal value in `b`.
fn dict_equal(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    if table(a).borrow().len() != table(b).borrow().len() {
        return Ok(false);
    }
    let items: Vec<(i64, Value, Value)> = table(a).borrow().iter_hashed().collect();
    with_roots(vm, |vm| {
        for &(_, k, v) in &items {
            vm.roots.push(k);
            vm.roots.push(v);
        }
        for (h, k, v) in items {
            let Some(pos) = dict_find_hashed(vm, b, k, h)? else {
                return Ok(false);
            };
            let Some((_, bv)) = table(b).borrow().entry(pos) else {
                return Ok(false);
            };
            vm.roots.push(bv);
            if !(v.is(&bv) || vm.eq(v, bv)?) {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

fn dict_richcmp(vm: &mut Vm, args: &[Value], kw: Kw, eq: bool) -> PyResult<Value> {
    let name = if eq { "__eq__" } else { "__ne__" };
    let a = this_dict(vm, args, name)?;
    one_arg(vm, &format!("dict.{}", name), args, kw)?;
    let Some(b) = as_dict(args[1]) else {
        return Ok(vm.not_implemented);
    };
    let e = with_rooted(vm, args, |vm| dict_equal(vm, a, b))?;
    Ok(Value::Bool(e == eq))
}

fn dict_eq(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    dict_richcmp(vm, args, kw, true)
}

fn dict_ne(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    dict_richcmp(vm, args, kw, false)
}

/// `a | b` for dicts: a copy of `a` updated from `b`.
fn dict_union(vm: &mut Vm, a: ObjRef, b: Value) -> PyResult<Value> {
    let t = table(a).borrow().clone();
    let new = vm.new_dict(t);
    with_roots(vm, |vm| {
        vm.roots.push(new);
        dict_update_arg(vm, new.as_obj().unwrap(), b)
    })?;
    Ok(new)
}

fn dict_or(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = this_dict(vm, args, "__or__")?;
    one_arg(vm, "dict.__or__", args, kw)?;
    if as_dict(args[1]).is_none() {
        return Ok(vm.not_implemented);
    }
    dict_union(vm, a, args[1])
}

fn dict_ror(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this_dict(vm, args, "__ror__")?;
    one_arg(vm, "dict.__ror__", args, kw)?;
    let Some(other) = as_dict(args[1]) else {
        return Ok(vm.not_implemented);
    };
    dict_union(vm, other, args[0])
}

fn dict_ior(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = this_dict(vm, args, "__ior__")?;
    one_arg(vm, "dict.__ior__", args, kw)?;
    dict_update_arg(vm, a, args[1])?;
    Ok(args[0])
}

fn dict_repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this_dict(vm, args, "__repr__")?;
    no_args(vm, "dict.__repr__", args, kw)?;
    let s = if exact_dict(args[0]).is_some() {
        vm.repr(args[0])?
    } else {
        // A subclass instance: the VM's recursion guard is keyed on the instance, so a
        // value that is the instance itself is shown as `{...}` here.
        let items: Vec<(Value, Value)> = table(d).borrow().iter().collect();
        let this = args[0];
        with_roots(vm, |vm| {
            for &(k, v) in &items {
                vm.roots.push(k);
                vm.roots.push(v);
            }
            let mut parts = Vec::with_capacity(items.len());
            for (k, v) in items {
                let ks = if k.is(&this) { "{...}".to_string() } else { vm.repr(k)? };
                let vs = if v.is(&this) { "{...}".to_string() } else { vm.repr(v)? };
                parts.push(format!("{}: {}", ks, vs));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        })?
    };
    Ok(vm.new_str(s))
}

// == dict views ==================================================================================

const KEYS: u8 = 0;
const VALUES: u8 = 1;
const ITEMS: u8 = 2;

fn register_views(vm: &mut Vm) {
    let keys = vm.types.dict_keys;
    let values = vm.types.dict_values;
    let items = vm.types.dict_items;
    // Methods every view has.
    for (cls, len, iter, reversed, repr) in [
        (keys, keys_len as NativeFn, keys_iter as NativeFn, keys_reversed as NativeFn, keys_repr as NativeFn),
        (values, values_len, values_iter, values_reversed, values_repr),
        (items, items_len, items_iter, items_reversed, items_repr),
    ] {
        vm.add_method(cls, "__len__", len);
        vm.add_method(cls, "__iter__", iter);
        vm.add_method(cls, "__reversed__", reversed);
        vm.add_method(cls, "__repr__", repr);
        // Views have no attributes of their own (and slot 0 is taken, see `new_view`).
        vm.add_method(cls, "__setattr__", view_setattr);
        vm.add_method(cls, "__delattr__", view_setattr);
        let getter = vm.new_native("mapping", view_mapping);
        let setter = vm.new_native("mapping", view_setattr_mapping);
        let p = Kind::new_property(Property { fget: getter, fset: setter, fdel: setter, doc: Value::None });
        let p = Value::Obj(vm.alloc(p));
        vm.set_class_attr(cls, "mapping", p);
    }
    // Set-like views: comparisons and set operators.
    // (dict_values has no `__contains__`: `in` iterates it.)
    let ops: &[(&'static str, NativeFn, NativeFn)] = &[
        ("__contains__", keys_contains, items_contains),
        ("__eq__", keys_eq, items_eq),
        ("__ne__", keys_ne, items_ne),
        ("__lt__", keys_lt, items_lt),
        ("__le__", keys_le, items_le),
        ("__gt__", keys_gt, items_gt),
        ("__ge__", keys_ge, items_ge),
        ("isdisjoint", keys_isdisjoint, items_isdisjoint),
    ];
    for &(name, fk, fi) in ops {
        vm.add_method(keys, name, fk);
        vm.add_method(items, name, fi);
    }
    // The binary operators are plain natives without an owner type: the operator
    // dispatch skips owned natives of built-in types (those have fast paths), and views
    // have none.
    let binops: &[(&'static str, NativeFn)] = &[
        ("__and__", view_and),
        ("__rand__", view_and),
        ("__or__", view_or),
        ("__ror__", view_ror),
        ("__sub__", view_sub),
        ("__rsub__", view_rsub),
        ("__xor__", view_xor),
        ("__rxor__", view_rxor),
    ];
    for cls in [keys, items] {
        for &(name, f) in binops {
            let m = vm.new_native(name, f);
            vm.set_class_attr(cls, name, m);
        }
        vm.set_class_attr(cls, "__hash__", Value::None);
    }
    // dict_values has no comparisons or hash of its own: like a plain object, it
    // compares and hashes by identity.
}

/// A new view of class `cls` over `dict` (a dict or a dict subclass instance).
///
/// The dict sits in slot 0 of an instance with the root shape (which names no slot, so
/// it is no attribute), not in `Payload::Builtin`: the VM treats a builtin payload as
/// the value an instance stands for (operators, hashing, comparisons, subscripts fall
/// back to it), and a view is not its dict.
fn new_view(vm: &mut Vm, cls: ObjRef, dict: Value) -> Value {
    let shape = vm.shapes.root();
    Value::Obj(vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(vec![dict]),
        payload: Payload::None,
    })))
}

/// If `v` is a dict view: (which view, the dict as given to `keys()` & co, the real dict).
fn as_view(vm: &Vm, v: Value) -> Option<(u8, Value, ObjRef)> {
    let o = v.as_obj()?;
    let Kind::Instance(Instance { class, slots, payload: Payload::None, .. }) = &o.kind else {
        return None;
    };
    let c = class.get();
    let which = if c.ptr_eq(vm.types.dict_keys) {
        KEYS
    } else if c.ptr_eq(vm.types.dict_values) {
        VALUES
    } else if c.ptr_eq(vm.types.dict_items) {
        ITEMS
    } else {
        return None;
    };
    let dict = slots.borrow().first().copied()?;
    let real = as_dict(dict)?;
    Some((which, dict, real))
}

const VIEW_NAMES: [&str; 3] = ["dict_keys", "dict_values", "dict_items"];

/// The real dict behind a view passed as self.
fn this_view(vm: &mut Vm, args: &[Value], which: u8, name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| as_view(vm, *v)) {
        Some((w, _, real)) if w == which => Ok(real),
        _ => Err(descriptor_error(vm, args, VIEW_NAMES[which as usize], name)),
    }
}

fn view_len(vm: &mut Vm, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    let d = this_view(vm, args, which, "__len__")?;
    no_args(vm, &format!("{}.__len__", VIEW_NAMES[which as usize]), args, kw)?;
    Ok(Value::Int(table(d).borrow().len() as i64))
}

fn view_iter(vm: &mut Vm, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    let d = this_view(vm, args, which, "__iter__")?;
    no_args(vm, &format!("{}.__iter__", VIEW_NAMES[which as usize]), args, kw)?;
    Ok(dict_iterator(vm, d, which))
}

fn view_reversed(vm: &mut Vm, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    let d = this_view(vm, args, which, "__reversed__")?;
    no_args(vm, &format!("{}.__reversed__", VIEW_NAMES[which as usize]), args, kw)?;
    Ok(dict_reverse_iterator(vm, d, which))
}

fn view_repr(vm: &mut Vm, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    let d = this_view(vm, args, which, "__repr__")?;
    no_args(vm, &format!("{}.__repr__", VIEW_NAMES[which as usize]), args, kw)?;
    let entries: Vec<(Value, Value)> = table(d).borrow().iter().collect();
    let items: Vec<Value> = match which {
        KEYS => entries.iter().map(|e| e.0).collect(),
        VALUES => entries.iter().map(|e| e.1).collect(),
        _ => entries.iter().map(|&(k, v)| vm.new_tuple(vec![k, v])).collect(),
    };
    let l = vm.new_list(items);
    let inner = with_roots(vm, |vm| {
        vm.roots.push(l);
        vm.repr(l)
    })?;
    let s = format!("{}({})", VIEW_NAMES[which as usize], inner);
    Ok(vm.new_str(s))
}

/// `x in view` for keys and items views.
fn view_has(vm: &mut Vm, which: u8, d: ObjRef, x: Value) -> PyResult<bool> {
    match which {
        KEYS => Ok(vm.dict_get(d, x)?.is_some()),
        _ => {
            let Some(&[k, v]) = x.as_obj().and_then(|o| o.as_tuple()).and_then(|t| <&[Value; 2]>::try_from(t).ok())
            else {
                return Ok(false);
            };
            match vm.dict_get(d, k)? {
                Some(found) => Ok(found.is(&v) || vm.eq(found, v)?),
                None => Ok(false),
            }
        }
    }
}

fn view_contains(vm: &mut Vm, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    let d = this_view(vm, args, which, "__contains__")?;
    one_arg(vm, &format!("{}.__contains__", VIEW_NAMES[which as usize]), args, kw)?;
    Ok(Value::Bool(view_has(vm, which, d, args[1])?))
}

/// `view.mapping`: a read-only proxy (types.MappingProxyType) of the dict behind the view.
fn view_mapping(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match args.first().and_then(|v| as_view(vm, *v)) {
        Some((_, dict, _)) => super::core::types_call(vm, "MappingProxyType", &[dict]),
        None => Err(descriptor_error(vm, args, "dict_keys", "mapping")),
    }
}

/// Assigning or deleting `view.mapping`.
fn view_setattr_mapping(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let tn = match args.first() {
        Some(&v) => vm.type_name(v),
        None => "dict_keys".into(),
    };
    Err(vm.attribute_error(format!("attribute 'mapping' of '{}' objects is not writable", tn)))
}

/// `__setattr__`/`__delattr__` of views: they have no attributes but the read-only
/// `mapping`.
fn view_setattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let tn = match args.first() {
        Some(&v) => vm.type_name(v),
        None => "dict_keys".into(),
    };
    let name = match args.get(1).and_then(|v| v.as_obj()).and_then(|o| o.as_str()) {
        Some(n) => n.to_string(),
        None => return Err(vm.type_error("attribute name must be string")),
    };
    if name == "mapping" {
        return view_setattr_mapping(vm, args, _kw);
    }
    Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", tn, name)))
}

macro_rules! view_fns {
    ($which:expr, $len:ident, $iter:ident, $reversed:ident, $repr:ident) => {
        fn $len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
            view_len(vm, args, kw, $which)
        }
        fn $iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
            view_iter(vm, args, kw, $which)
        }
        fn $reversed(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
            view_reversed(vm, args, kw, $which)
        }
        fn $repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
            view_repr(vm, args, kw, $which)
        }
    };
}

view_fns!(KEYS, keys_len, keys_iter, keys_reversed, keys_repr);
view_fns!(VALUES, values_len, values_iter, values_reversed, values_repr);
view_fns!(ITEMS, items_len, items_iter, items_reversed, items_repr);

fn keys_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    view_contains(vm, args, kw, KEYS)
}

fn items_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    view_contains(vm, args, kw, ITEMS)
}

/// Whether `v` is a keys or items view (set-like).
fn is_setlike_view(vm: &Vm, v: Value) -> bool {
    matches!(as_view(vm, v), Some((KEYS | ITEMS, _, _)))
}

/// CPython's `all_contained_in(a, b)`: every item of iterable `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    with_roots(vm, |vm| {
        let it = vm.get_iter(a)?;
        vm.roots.push(it);
        while let Some(x) = vm.next(it)? {
            vm.roots.push(x);
            let found = vm.contains(b, x)?;
            vm.roots.pop();
            if !found {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// `dictview_richcompare`: set-like comparison of a keys/items view with a set or view.
fn view_richcmp(vm: &mut Vm, args: &[Value], kw: Kw, which: u8, op: CmpOp) -> PyResult<Value> {
    this_view(vm, args, which, op.dunder())?;
    one_arg(vm, &format!("{}.{}", VIEW_NAMES[which as usize], op.dunder()), args, kw)?;
    let (this, other) = (args[0], args[1]);
    if real_set(other).is_none() && !is_setlike_view(vm, other) {
        return Ok(vm.not_implemented);
    }
    with_rooted(vm, args, |vm| view_compare(vm, this, other, op))
}

fn view_compare(vm: &mut Vm, this: Value, other: Value, op: CmpOp) -> PyResult<Value> {
    let len_self = vm.len(this)?;
    let len_other = vm.len(other)?;
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let same = len_self == len_other && all_contained_in(vm, this, other)?;
            same == (op == CmpOp::Eq)
        }
        CmpOp::Lt => len_self < len_other && all_contained_in(vm, this, other)?,
        CmpOp::Le => len_self <= len_other && all_contained_in(vm, this, other)?,
        CmpOp::Gt => len_self > len_other && all_contained_in(vm, other, this)?,
        CmpOp::Ge => len_self >= len_other && all_contained_in(vm, other, this)?,
    };
    Ok(Value::Bool(r))
}

macro_rules! view_cmp_fns {
    ($which:expr, $($name:ident = $op:expr),*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
            view_richcmp(vm, args, kw, $which, $op)
        })*
    };
}

view_cmp_fns!(
    KEYS,
    keys_eq = CmpOp::Eq,
    keys_ne = CmpOp::Ne,
    keys_lt = CmpOp::Lt,
    keys_le = CmpOp::Le,
    keys_gt = CmpOp::Gt,
    keys_ge = CmpOp::Ge
);
view_cmp_fns!(
    ITEMS,
    items_eq = CmpOp::Eq,
    items_ne = CmpOp::Ne,
    items_lt = CmpOp::Lt,
    items_le = CmpOp::Le,
    items_gt = CmpOp::Gt,
    items_ge = CmpOp::Ge
);

/// `dictviews_isdisjoint`.
fn view_isdisjoint(vm: &mut Vm, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    this_view(vm, args, which, "isdisjoint")?;
    one_arg(vm, &format!("{}.isdisjoint", VIEW_NAMES[which as usize]), args, kw)?;
    with_rooted(vm, args, |vm| view_disjoint(vm, args[0], args[1]))
}

fn view_disjoint(vm: &mut Vm, mut this: Value, mut other: Value) -> PyResult<Value> {
    if this.is(&other) {
        return Ok(Value::Bool(vm.len(this)? == 0));
    }
    // Iterate over the shorter object when both sides have cheap membership tests.
    if real_set(other).is_some() || is_setlike_view(vm, other) {
        let len_self = vm.len(this)?;
        let len_other = vm.len(other)?;
        if len_other > len_self {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let r = with_roots(vm, |vm| {
        let it = vm.get_iter(other)?;
        vm.roots.push(it);
        while let Some(x) = vm.next(it)? {
            vm.roots.push(x);
            let found = vm.contains(this, x)?;
            vm.roots.pop();
            if found {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    Ok(Value::Bool(r))
}

fn keys_isdisjoint(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    view_isdisjoint(vm, args, kw, KEYS)
}

fn items_isdisjoint(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    view_isdisjoint(vm, args, kw, ITEMS)
}

/// `dictviews_to_set`: a new set from the left operand of a view operator (a keys view
/// of an exact dict takes the set-from-dict path).
fn view_to_set(vm: &mut Vm, left: Value) -> PyResult<ObjRef> {
    if let Some((KEYS, dict, _)) = as_view(vm, left) {
        if exact_dict(dict).is_some() {
            return make_set(vm, Some(dict));
        }
    }
    make_set(vm, Some(left))
}

fn binop_args(vm: &mut Vm, args: &[Value]) -> PyResult<(Value, Value)> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    Ok((args[0], args[1]))
}

/// `_PyDictView_Intersect(view, other)`.
fn view_and(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_and(vm, a, b))
}

fn views_and(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (mut this, mut other) = if as_view(vm, a).is_some() { (a, b) } else { (b, a) };
    let len_self = vm.len(this)?;
    // An exact set at least as large: other.intersection(view).
    if let Some(o) = other.as_obj().filter(|o| matches!(o.kind, Kind::Set(_))) {
        if len_self <= set_len(o) {
            let r = set_intersection(vm, o, this)?;
            return Ok(Value::Obj(r));
        }
    }
    if is_setlike_view(vm, other) {
        let len_other = vm.len(other)?;
        if len_other > len_self {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let Some((which, _, d)) = as_view(vm, this) else {
        return Ok(vm.not_implemented);
    };
    let result = new_set(vm);
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(result));
        let it = vm.get_iter(other)?;
        vm.roots.push(it);
        while let Some(x) = vm.next(it)? {
            vm.roots.push(x);
            if view_has(vm, which, d, x)? {
                add_key(vm, result, x)?;
            }
            vm.roots.pop();
        }
        Ok(())
    })?;
    Ok(Value::Obj(result))
}

/// `dictviews_or(left, right)`: set(left), updated from right.
fn views_or(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    let r = view_to_set(vm, left)?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(r));
        set_update_internal(vm, r, right)
    })?;
    Ok(Value::Obj(r))
}

/// `dictviews_sub(left, right)`: set(left) with right's items removed.
fn views_sub(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    let r = view_to_set(vm, left)?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(r));
        difference_update_internal(vm, r, right)
    })?;
    Ok(Value::Obj(r))
}

/// `dictviews_xor(left, right)`.
fn views_xor(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    if let (Some((ITEMS, _, d1)), Some((ITEMS, _, d2))) = (as_view(vm, left), as_view(vm, right)) {
        return items_xor(vm, d1, d2);
    }
    let r = view_to_set(vm, left)?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(r));
        symmetric_difference_update(vm, r, right)
    })?;
    Ok(Value::Obj(r))
}

/// CPython's `dictitems_xor`: pairs of d2 not in d1 (in d2's order), then the pairs of d1
/// not matched in d2.
fn items_xor(vm: &mut Vm, d1: ObjRef, d2: ObjRef) -> PyResult<Value> {
    let temp = table(d1).borrow().clone();
    let temp = vm.new_dict(temp);
    let tmp = temp.as_obj().unwrap();
    let result = new_set(vm);
    let other: Vec<(i64, Value, Value)> = table(d2).borrow().iter_hashed().collect();
    with_roots(vm, |vm| {
        vm.roots.push(temp);
        vm.roots.push(Value::Obj(result));
        for &(_, k, v) in &other {
            vm.roots.push(k);
            vm.roots.push(v);
        }
        for (h, k, v2) in other {
            let to_delete = match dict_find_hashed(vm, tmp, k, h)? {
                None => false,
                Some(pos) => match table(tmp).borrow().entry(pos) {
                    Some((_, v1)) => {
                        vm.roots.push(v1);
                        v1.is(&v2) || vm.eq(v1, v2)?
                    }
                    None => false,
                },
            };
            if to_delete {
                if let Some(pos) = dict_find_hashed(vm, tmp, k, h)? {
                    let mut t = table(tmp).borrow_mut();
                    if t.entry(pos).is_some() {
                        t.remove_at(pos);
                    }
                }
            } else {
                let pair = vm.new_tuple(vec![k, v2]);
                vm.roots.push(pair);
                add_key(vm, result, pair)?;
            }
        }
        let rest: Vec<(Value, Value)> = table(tmp).borrow().iter().collect();
        for (k, v) in rest {
            let pair = vm.new_tuple(vec![k, v]);
            vm.roots.push(pair);
            add_key(vm, result, pair)?;
        }
        Ok(())
    })?;
    Ok(Value::Obj(result))
}

fn view_or(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_or(vm, a, b))
}

fn view_ror(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_or(vm, b, a))
}

fn view_sub(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_sub(vm, a, b))
}

fn view_rsub(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_sub(vm, b, a))
}

fn view_xor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_xor(vm, a, b))
}

fn view_rxor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    with_rooted(vm, args, |vm| views_xor(vm, b, a))
}

// == set tables ==================================================================================
//
// The primitives below work on set objects (`Kind::Set`, or `Kind::FrozenSet` when only
// read). Results are always built in a fresh `Kind::Set` and turned into a frozenset at
// the end when the operation's left operand is one (`make_new_set_basetype`).

/// The set or frozenset behind a value (unwrapping subclass instances).
fn real_set(v: Value) -> Option<ObjRef> {
    unwrap_builtin(v).as_obj().filter(|o| matches!(o.kind, Kind::Set(_) | Kind::FrozenSet(_)))
}

fn is_frozen(o: ObjRef) -> bool {
    matches!(o.kind, Kind::FrozenSet(_))
}

fn with_table<R>(o: ObjRef, f: impl FnOnce(&SetTable) -> R) -> R {
    match &o.kind {
        Kind::Set(s) => f(&s.borrow()),
        Kind::FrozenSet(s) => f(s),
        _ => f(&SetTable::new()),
    }
}

/// Mutates a (non-frozen) set's table. Callers only pass `Kind::Set` objects.
fn with_table_mut<R>(o: ObjRef, f: impl FnOnce(&mut SetTable) -> R) -> R {
    match &o.kind {
        Kind::Set(s) => f(&mut s.borrow_mut()),
        _ => f(&mut SetTable::new()),
    }
}

fn set_len(o: ObjRef) -> usize {
    with_table(o, |t| t.len())
}

/// The active (hash, key) pairs of a set, in table order.
fn snapshot(o: ObjRef) -> Vec<(i64, Value)> {
    with_table(o, |t| t.iter().collect())
}

/// Pushes the keys of a snapshot on the root stack.
fn root_keys(vm: &mut Vm, keys: &[(i64, Value)]) {
    vm.roots.extend(keys.iter().filter(|(_, k)| matches!(k, Value::Obj(_))).map(|(_, k)| *k));
}

fn new_set(vm: &mut Vm) -> ObjRef {
    vm.alloc(Kind::Set(RefCell::new(SetTable::new())))
}

/// Turns a set under construction into a frozenset (the set object is left empty).
fn freeze(vm: &mut Vm, s: ObjRef) -> Value {
    let t = with_table_mut(s, std::mem::take);
    Value::Obj(vm.alloc(Kind::FrozenSet(t)))
}

fn finish(vm: &mut Vm, s: ObjRef, frozen: bool) -> Value {
    if frozen {
        freeze(vm, s)
    } else {
        Value::Obj(s)
    }
}

/// Tables up to this many slots get the exact dummy count after `difference_update`;
/// larger ones only the count of keys the operation removed (a copy per call would make
/// repeated `s -= {x}` on a large set quadratic).
const EXACT_DUMMY_COUNT_MAX_SLOTS: usize = 1 << 13;

/// Whether a table holds at least `k` dummy (deleted) slots: CPython's
/// `fill - used >= k`. `SetTable` keeps `fill` private, so this asks the table's own
/// growth policy on a copy: `reserve_for_merge(n)` rebuilds a table exactly when
/// `(fill + n) * 5 >= mask * 3`. Between operations `fill * 5 < mask * 3` always holds.
/// Costs up to three copies of the table.
fn dummies_at_least(t: &SetTable, k: usize) -> bool {
    if k == 0 {
        return true;
    }
    let size = t.slots();
    let mask = size - 1;
    let used = t.len();
    // The smallest fill that makes a table of this size grow.
    let thresh = (3 * mask).div_ceil(5);
    if used + k >= thresh {
        // fill <= thresh - 1, so fewer than k dummies.
        return false;
    }
    let mut c = t.clone();
    c.reserve_for_merge(thresh - used - k);
    if c.slots() != size {
        return true;
    }
    if k == 1 {
        // A rebuild triggered at the k == 1 threshold always grows the table, so the
        // copy was left alone: there is no dummy.
        return false;
    }
    // Rebuilt at the same size (dummies purged) or left alone: tell them apart.
    dummies_at_least(t, 1) && !dummies_at_least(&c, 1)
}

/// `set_add_entry`: adds `key` (hash `h`) to set `dst` unless an equal key is there.
fn add_entry(vm: &mut Vm, dst: ObjRef, key: Value, h: i64) -> PyResult<()> {
    if vm.set_find(&SetLike::Set(dst), key, h)?.is_none() {
        with_table_mut(dst, |t| t.insert_new(h, key));
    }
    Ok(())
}

/// `set_add_key`: hashes, then adds. The caller keeps `key` rooted.
fn add_key(vm: &mut Vm, dst: ObjRef, key: Value) -> PyResult<()> {
    let h = vm.hash(key)?;
    add_entry(vm, dst, key, h)
}

/// `set_discard_entry`: removes `key` from set `dst`; whether it was there.
fn discard_entry(vm: &mut Vm, dst: ObjRef, key: Value, h: i64) -> PyResult<bool> {
    match vm.set_find(&SetLike::Set(dst), key, h)? {
        Some(pos) => Ok(with_table_mut(dst, |t| {
            if t.slot(pos).is_some() {
                t.remove_slot(pos);
                true
            } else {
                false
            }
        })),
        None => Ok(false),
    }
}

/// `set_contains_entry` on a set or frozenset.
fn contains_entry(vm: &mut Vm, s: ObjRef, key: Value, h: i64) -> PyResult<bool> {
    match SetLike::of(s) {
        Some(sl) => Ok(vm.set_find(&sl, key, h)?.is_some()),
        None => Ok(false),
    }
}

/// `set_merge(dst, other)`: adds every key of another set, pre-sizing once, and copying
/// the other table slot for slot when `dst` is empty (CPython's fast paths).
fn set_merge(vm: &mut Vm, dst: ObjRef, other: ObjRef) -> PyResult<()> {
    if dst.ptr_eq(other) {
        return Ok(());
    }
    let n = set_len(other);
    if n == 0 {
        return Ok(());
    }
    with_table_mut(dst, |t| t.reserve_for_merge(n));
    if set_len(dst) == 0 {
        // No duplicates are possible, and no user code runs.
        let Kind::Set(cell) = &dst.kind else {
            return Ok(());
        };
        let mut d = cell.borrow_mut();
        with_table(other, |o| {
            // CPython copies slot for slot when both tables have the same size and
            // neither has dummies (`copy_from` checks `dst`; the dummy test on `other`
            // costs a table copy, so it only runs when the sizes match). Otherwise the
            // keys are reinserted in table order, which `copy_from` also does when the
            // sizes differ.
            if d.slots() != o.slots() || !dummies_at_least(o, 1) {
                d.copy_from(o);
            } else {
                for (h, k) in o.iter() {
                    d.insert_new(h, k);
                }
            }
        });
        return Ok(());
    }
    let keys = snapshot(other);
    with_roots(vm, |vm| {
        root_keys(vm, &keys);
        for (h, k) in keys {
            add_entry(vm, dst, k, h)?;
        }
        Ok(())
    })
}

/// `set_update_internal(dst, other)`: from a set, a dict (its keys), or any iterable.
fn set_update_internal(vm: &mut Vm, dst: ObjRef, other: Value) -> PyResult<()> {
    if let Some(o) = real_set(other) {
        return set_merge(vm, dst, o);
    }
    if let Some(d) = exact_dict(other) {
        let keys: Vec<(i64, Value)> = table(d).borrow().iter_hashed().map(|(h, k, _)| (h, k)).collect();
        with_table_mut(dst, |t| t.reserve_for_merge(keys.len()));
        return with_roots(vm, |vm| {
            root_keys(vm, &keys);
            for (h, k) in keys {
                add_entry(vm, dst, k, h)?;
            }
            Ok(())
        });
    }
    with_roots(vm, |vm| {
        let it = vm.get_iter(other)?;
        vm.roots.push(it);
        while let Some(k) = vm.next(it)? {
            vm.roots.push(k);
            add_key(vm, dst, k)?;
            vm.roots.pop();
        }
        Ok(())
    })
}

/// `make_new_set`: a new set (a `Kind::Set`; see `finish`) filled from `iterable`.
/// The result is not rooted: callers that run Python code afterwards root it.
fn make_set(vm: &mut Vm, iterable: Option<Value>) -> PyResult<ObjRef> {
    let s = new_set(vm);
    if let Some(it) = iterable {
        with_roots(vm, |vm| {
            vm.roots.push(Value::Obj(s));
            set_update_internal(vm, s, it)
        })?;
    }
    Ok(s)
}

/// `set_copy`: a new set with the keys of `so` (as a `Kind::Set`).
fn set_copy(vm: &mut Vm, so: ObjRef) -> PyResult<ObjRef> {
    make_set(vm, Some(Value::Obj(so)))
}

/// `set_intersection(so, other)`.
fn set_intersection(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<ObjRef> {
    if real_set(other).is_some_and(|o| o.ptr_eq(so)) {
        return set_copy(vm, so);
    }
    let result = new_set(vm);
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(result));
        if let Some(o) = real_set(other) {
            // Iterate over the smaller set, probing the larger.
            let (probe, iter) = if set_len(o) > set_len(so) { (o, so) } else { (so, o) };
            let keys = snapshot(iter);
            root_keys(vm, &keys);
            for (h, k) in keys {
                if contains_entry(vm, probe, k, h)? {
                    add_entry(vm, result, k, h)?;
                }
            }
            return Ok(());
        }
        let it = vm.get_iter(other)?;
        vm.roots.push(it);
        while let Some(k) = vm.next(it)? {
            vm.roots.push(k);
            let h = vm.hash(k)?;
            if contains_entry(vm, so, k, h)? {
                add_entry(vm, result, k, h)?;
            }
            vm.roots.pop();
        }
        Ok(())
    })?;
    Ok(result)
}

/// `set_intersection_multi(so, others)`.
fn intersection_multi(vm: &mut Vm, so: ObjRef, others: &[Value]) -> PyResult<ObjRef> {
    if others.is_empty() {
        return set_copy(vm, so);
    }
    with_roots(vm, |vm| {
        let mut result = so;
        for &o in others {
            result = set_intersection(vm, result, o)?;
            vm.roots.push(Value::Obj(result));
        }
        Ok(result)
    })
}

/// `set_difference_update_internal(so, other)`, including CPython's final rebuild when
/// more than a quarter of the table is dummies.
fn difference_update_internal(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<()> {
    if real_set(other).is_some_and(|o| o.ptr_eq(so)) {
        with_table_mut(so, |t| t.clear());
        return Ok(());
    }
    let removed = with_roots(vm, |vm| {
        let mut removed = 0usize;
        if let Some(o) = real_set(other) {
            // When the other set is much larger, discard only the common keys.
            let src = if (set_len(o) >> 3) > set_len(so) {
                let i = set_intersection(vm, so, Value::Obj(o))?;
                vm.roots.push(Value::Obj(i));
                i
            } else {
                o
            };
            let keys = snapshot(src);
            root_keys(vm, &keys);
            for (h, k) in keys {
                removed += discard_entry(vm, so, k, h)? as usize;
            }
        } else {
            let it = vm.get_iter(other)?;
            vm.roots.push(it);
            while let Some(k) = vm.next(it)? {
                vm.roots.push(k);
                let h = vm.hash(k)?;
                removed += discard_entry(vm, so, k, h)? as usize;
                vm.roots.pop();
            }
        }
        Ok(removed)
    })?;
    with_table_mut(so, |t| {
        // CPython: rebuild when more than a quarter of the slots are dummies. The keys
        // removed just now are a lower bound; the exact count costs a table copy, which
        // is skipped for large tables (see `dummies_at_least`).
        let limit = (t.slots() - 1) / 4;
        let rebuild = removed > limit || (t.slots() <= EXACT_DUMMY_COUNT_MAX_SLOTS && dummies_at_least(t, limit + 1));
        if rebuild {
            let used = t.len();
            t.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    });
    Ok(())
}

/// `set_difference(so, other)`.
fn set_difference(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<ObjRef> {
    let other_set = real_set(other);
    let other_dict = if other_set.is_none() { exact_dict(other) } else { None };
    let other_size = match (other_set, other_dict) {
        (Some(o), _) => Some(set_len(o)),
        (None, Some(d)) => Some(table(d).borrow().len()),
        _ => None,
    };
    let copy_and_difference = match other_size {
        None => true,
        Some(n) => (set_len(so) >> 2) > n,
    };
    if copy_and_difference {
        let r = set_copy(vm, so)?;
        with_roots(vm, |vm| {
            vm.roots.push(Value::Obj(r));
            difference_update_internal(vm, r, other)
        })?;
        return Ok(r);
    }
    let result = new_set(vm);
    let keys = snapshot(so);
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(result));
        root_keys(vm, &keys);
        for (h, k) in keys {
            let present = match (other_set, other_dict) {
                (Some(o), _) => contains_entry(vm, o, k, h)?,
                (None, Some(d)) => dict_find_hashed(vm, d, k, h)?.is_some(),
                _ => false,
            };
            if !present {
                add_entry(vm, result, k, h)?;
            }
        }
        Ok(())
    })?;
    Ok(result)
}

/// `set_symmetric_difference_update(so, other)`.
fn symmetric_difference_update(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<()> {
    if real_set(other).is_some_and(|o| o.ptr_eq(so)) {
        with_table_mut(so, |t| t.clear());
        return Ok(());
    }
    with_roots(vm, |vm| {
        let keys: Vec<(i64, Value)> = if let Some(d) = exact_dict(other) {
            table(d).borrow().iter_hashed().map(|(h, k, _)| (h, k)).collect()
        } else {
            let oset = match real_set(other) {
                Some(o) => o,
                None => {
                    let o = make_set(vm, Some(other))?;
                    vm.roots.push(Value::Obj(o));
                    o
                }
            };
            snapshot(oset)
        };
        root_keys(vm, &keys);
        for (h, k) in keys {
            if !discard_entry(vm, so, k, h)? {
                add_entry(vm, so, k, h)?;
            }
        }
        Ok(())
    })
}

/// `set_symmetric_difference(so, other)`: a set built from `other`, updated with `so`.
fn set_symmetric_difference(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<ObjRef> {
    let r = make_set(vm, Some(other))?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(r));
        symmetric_difference_update(vm, r, Value::Obj(so))
    })?;
    Ok(r)
}

/// `set_issubset(so, other)`.
fn issubset(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<bool> {
    let Some(o) = real_set(other) else {
        let tmp = make_set(vm, Some(other))?;
        return with_roots(vm, |vm| {
            vm.roots.push(Value::Obj(tmp));
            issubset(vm, so, Value::Obj(tmp))
        });
    };
    if set_len(so) > set_len(o) {
        return Ok(false);
    }
    let keys = snapshot(so);
    with_roots(vm, |vm| {
        root_keys(vm, &keys);
        for (h, k) in keys {
            if !contains_entry(vm, o, k, h)? {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// `set_issuperset(so, other)`.
fn issuperset(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<bool> {
    if let Some(o) = real_set(other) {
        return issubset(vm, o, Value::Obj(so));
    }
    let tmp = make_set(vm, Some(other))?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(tmp));
        issubset(vm, tmp, Value::Obj(so))
    })
}

/// `set_isdisjoint(so, other)`.
fn isdisjoint(vm: &mut Vm, so: ObjRef, other: Value) -> PyResult<bool> {
    if real_set(other).is_some_and(|o| o.ptr_eq(so)) {
        return Ok(set_len(so) == 0);
    }
    if let Some(o) = other.as_obj().filter(|o| matches!(o.kind, Kind::Set(_) | Kind::FrozenSet(_))) {
        let (probe, iter) = if set_len(o) > set_len(so) { (o, so) } else { (so, o) };
        let keys = snapshot(iter);
        return with_roots(vm, |vm| {
            root_keys(vm, &keys);
            for (h, k) in keys {
                if contains_entry(vm, probe, k, h)? {
                    return Ok(false);
                }
            }
            Ok(true)
        });
    }
    with_roots(vm, |vm| {
        let it = vm.get_iter(other)?;
        vm.roots.push(it);
        while let Some(k) = vm.next(it)? {
            vm.roots.push(k);
            let h = vm.hash(k)?;
            if contains_entry(vm, so, k, h)? {
                return Ok(false);
            }
            vm.roots.pop();
        }
        Ok(true)
    })
}

/// `set_richcompare`.
fn set_cmp(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CmpOp) -> PyResult<bool> {
    let (la, lb) = (set_len(a), set_len(b));
    Ok(match op {
        CmpOp::Eq => la == lb && issubset(vm, a, Value::Obj(b))?,
        CmpOp::Ne => !(la == lb && issubset(vm, a, Value::Obj(b))?),
        CmpOp::Le => issubset(vm, a, Value::Obj(b))?,
        CmpOp::Ge => issuperset(vm, a, Value::Obj(b))?,
        CmpOp::Lt => la < lb && issubset(vm, a, Value::Obj(b))?,
        CmpOp::Gt => la > lb && issuperset(vm, a, Value::Obj(b))?,
    })
}

/// An in-place operator on a (non-frozen) set: `so op= other`.
fn set_inplace(vm: &mut Vm, so: ObjRef, other: Value, op: BinOp) -> PyResult<()> {
    match op {
        BinOp::Or => set_update_internal(vm, so, other),
        BinOp::And => {
            let tmp = set_intersection(vm, so, other)?;
            let t = with_table_mut(tmp, std::mem::take);
            with_table_mut(so, |s| *s = t);
            Ok(())
        }
        BinOp::Sub => difference_update_internal(vm, so, other),
        _ => symmetric_difference_update(vm, so, other),
    }
}

/// `a op b` for two sets/frozensets (`|`, `&`, `-`, `^` and in-place forms).
pub fn set_binop(vm: &mut Vm, a: ObjRef, b: ObjRef, op: BinOp) -> PyResult<Value> {
    with_rooted(vm, &[Value::Obj(a), Value::Obj(b)], |vm| set_binop_rooted(vm, a, b, op))
}

fn set_binop_rooted(vm: &mut Vm, a: ObjRef, b: ObjRef, op: BinOp) -> PyResult<Value> {
    let (Some(sa), Some(sb)) = (real_set(Value::Obj(a)), real_set(Value::Obj(b))) else {
        return Ok(vm.not_implemented);
    };
    let base = op.base();
    if !matches!(base, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
        return Ok(vm.not_implemented);
    }
    let frozen = is_frozen(sa);
    if op.is_inplace() && !frozen {
        set_inplace(vm, sa, Value::Obj(sb), base)?;
        return Ok(Value::Obj(a));
    }
    let r = match base {
        BinOp::Or => {
            let r = set_copy(vm, sa)?;
            if !sb.ptr_eq(sa) {
                with_roots(vm, |vm| {
                    vm.roots.push(Value::Obj(r));
                    set_update_internal(vm, r, Value::Obj(sb))
                })?;
            }
            r
        }
        BinOp::And => set_intersection(vm, sa, Value::Obj(sb))?,
        BinOp::Sub => set_difference(vm, sa, Value::Obj(sb))?,
        _ => set_symmetric_difference(vm, sa, Value::Obj(sb))?,
    };
    Ok(finish(vm, r, frozen))
}

/// Rich comparison of two sets (`name` is the dunder, e.g. `__lt__`).
pub fn set_compare(vm: &mut Vm, a: Value, b: Value, name: ObjRef) -> PyResult<Value> {
    let (Some(sa), Some(sb)) = (real_set(a), real_set(b)) else {
        return Ok(vm.not_implemented);
    };
    let n = name.as_str().unwrap_or("");
    let Some(op) = CmpOp::ALL.iter().copied().find(|o| o.dunder() == n) else {
        return Ok(vm.not_implemented);
    };
    let r = with_rooted(vm, &[a, b], |vm| set_cmp(vm, sa, sb, op))?;
    Ok(Value::Bool(r))
}

// == set and frozenset methods ==================================================================

fn register_sets(vm: &mut Vm) {
    let set = vm.types.set;
    let frozenset = vm.types.frozenset;
    set_construct(vm, set, set_construct_fn);
    set_construct(vm, frozenset, frozenset_construct);
    let shared: &[(&'static str, NativeFn)] = &[
        ("union", set_union),
        ("intersection", set_intersection_method),
        ("difference", set_difference_method),
        ("symmetric_difference", set_symmetric_difference_method),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len_method),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
        ("__or__", set_or),
        ("__and__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__ror__", set_ror),
        ("__rand__", set_rand),
        ("__rsub__", set_rsub),
        ("__rxor__", set_rxor),
    ];
    for &(name, f) in shared {
        vm.add_method(set, name, f);
        vm.add_method(frozenset, name, f);
    }
    let mutators: &[(&'static str, NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("copy", set_copy_method),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
        ("__init__", set_init),
        ("__ior__", set_ior),
        ("__iand__", set_iand),
        ("__isub__", set_isub),
        ("__ixor__", set_ixor),
    ];
    for &(name, f) in mutators {
        vm.add_method(set, name, f);
    }
    vm.set_class_attr(set, "__hash__", Value::None);
    vm.add_method(frozenset, "copy", frozenset_copy);
    add_hash_slot(vm, frozenset, builtin_hash);
    vm.set_builtin("set", Value::Obj(set));
    vm.set_builtin("frozenset", Value::Obj(frozenset));
}

/// The set or frozenset behind self.
fn this_set(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| real_set(*v)) {
        Some(s) => Ok(s),
        None => Err(descriptor_error(vm, args, "set", name)),
    }
}

/// The (mutable) set behind self.
fn this_mut_set(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| real_set(*v)) {
        Some(s) if !is_frozen(s) => Ok(s),
        _ => Err(descriptor_error(vm, args, "set", name)),
    }
}

fn no_kw_method(vm: &mut Vm, qualname: &str, kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    Ok(())
}

fn set_args(vm: &mut Vm, fname: &str, args: &[Value], kw: Kw) -> PyResult<Option<Value>> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", fname)));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", fname, args.len() - 1)));
    }
    Ok(args.get(1).copied())
}

fn set_construct_fn(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let it = set_args(vm, "set", args, kw)?;
    Ok(Value::Obj(make_set(vm, it)?))
}

fn frozenset_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let it = set_args(vm, "frozenset", args, kw)?;
    if let Some(v) = it {
        if matches!(v.as_obj().map(|o| o.kind()), Some(Kind::FrozenSet(_))) {
            return Ok(v);
        }
    }
    let s = make_set(vm, it)?;
    Ok(freeze(vm, s))
}

fn set_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "__init__")?;
    let it = set_args(vm, "set", args, kw)?;
    with_table_mut(s, |t| t.clear());
    if let Some(it) = it {
        set_update_internal(vm, s, it)?;
    }
    Ok(Value::None)
}

/// Hashes a key for lookup; an unhashable set key is looked up as a frozenset with the
/// same items (CPython's `set.__contains__`/`remove`/`discard`). The converted key is
/// pushed on the root stack.
fn lookup_key(vm: &mut Vm, key: Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key, h)),
        Err(e) => {
            let is_set = real_set(key).is_some_and(|s| !is_frozen(s));
            if !is_set || !is_type_error(vm, &e) {
                return Err(e);
            }
            let s = make_set(vm, Some(key))?;
            let f = freeze(vm, s);
            vm.roots.push(f);
            let h = vm.hash(f)?;
            Ok((f, h))
        }
    }
}

fn set_add(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "add")?;
    one_arg(vm, "set.add", args, kw)?;
    add_key(vm, s, args[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "remove")?;
    one_arg(vm, "set.remove", args, kw)?;
    let found = with_roots(vm, |vm| {
        let (k, h) = lookup_key(vm, args[1])?;
        discard_entry(vm, s, k, h)
    })?;
    if !found {
        return Err(vm.key_error(args[1]));
    }
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "discard")?;
    one_arg(vm, "set.discard", args, kw)?;
    with_roots(vm, |vm| {
        let (k, h) = lookup_key(vm, args[1])?;
        discard_entry(vm, s, k, h)
    })?;
    Ok(Value::None)
}

fn set_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "__contains__")?;
    one_arg(vm, "set.__contains__", args, kw)?;
    let found = with_roots(vm, |vm| {
        let (k, h) = lookup_key(vm, args[1])?;
        contains_entry(vm, s, k, h)
    })?;
    Ok(Value::Bool(found))
}

/// Per-set `set.pop` search fingers (CPython keeps one in every set object; the set
/// layout here has no room for it). Keyed by object address, so the table is dropped
/// whenever a collection may have freed a set and let its address be reused — a set
/// popped from again after that starts from slot 0, which finds the same key unless
/// keys were added below the old finger meanwhile.
#[derive(Default)]
struct Fingers {
    vm: Option<(usize, std::time::Instant)>,
    collections: u64,
    map: FxHashMap<usize, usize>,
}

thread_local! {
    static FINGERS: RefCell<Fingers> = RefCell::new(Fingers::default());
}

fn set_pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "pop")?;
    no_args(vm, "set.pop", args, kw)?;
    let vm_id = (std::sync::Arc::as_ptr(&vm.interrupt) as usize, vm.start_time);
    let collections = vm.heap.stats.collections;
    let mut finger = FINGERS.with(|f| {
        let mut f = f.borrow_mut();
        if f.vm != Some(vm_id) || f.collections != collections {
            f.map.clear();
            f.vm = Some(vm_id);
            f.collections = collections;
        }
        f.map.get(&s.addr()).copied().unwrap_or(0)
    });
    match with_table_mut(s, |t| t.pop_any(&mut finger)) {
        Some(k) => {
            FINGERS.with(|f| f.borrow_mut().map.insert(s.addr(), finger));
            Ok(k)
        }
        None => {
            let msg = vm.new_str("pop from an empty set");
            Err(vm.key_error(msg))
        }
    }
}

fn set_clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "clear")?;
    no_args(vm, "set.clear", args, kw)?;
    with_table_mut(s, |t| t.clear());
    Ok(Value::None)
}

fn set_copy_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "copy")?;
    no_args(vm, "set.copy", args, kw)?;
    let r = set_copy(vm, s)?;
    Ok(finish(vm, r, is_frozen(s)))
}

fn frozenset_copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "copy")?;
    no_args(vm, "frozenset.copy", args, kw)?;
    if matches!(args[0].as_obj().map(|o| o.kind()), Some(Kind::FrozenSet(_))) {
        return Ok(args[0]);
    }
    let r = set_copy(vm, s)?;
    Ok(finish(vm, r, true))
}

fn set_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "update")?;
    no_kw_method(vm, "set.update", kw)?;
    for &o in &args[1..] {
        set_update_internal(vm, s, o)?;
    }
    Ok(Value::None)
}

fn set_union(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "union")?;
    no_kw_method(vm, "set.union", kw)?;
    let r = set_copy(vm, s)?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(r));
        for &o in &args[1..] {
            if o.is(&args[0]) {
                continue;
            }
            set_update_internal(vm, r, o)?;
        }
        Ok(())
    })?;
    Ok(finish(vm, r, is_frozen(s)))
}

fn set_intersection_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "intersection")?;
    no_kw_method(vm, "set.intersection", kw)?;
    let r = intersection_multi(vm, s, &args[1..])?;
    Ok(finish(vm, r, is_frozen(s)))
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "intersection_update")?;
    no_kw_method(vm, "set.intersection_update", kw)?;
    let tmp = intersection_multi(vm, s, &args[1..])?;
    let t = with_table_mut(tmp, std::mem::take);
    with_table_mut(s, |st| *st = t);
    Ok(Value::None)
}

fn set_difference_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "difference")?;
    no_kw_method(vm, "set.difference", kw)?;
    let Some((&first, rest)) = args[1..].split_first() else {
        let r = set_copy(vm, s)?;
        return Ok(finish(vm, r, is_frozen(s)));
    };
    let r = set_difference(vm, s, first)?;
    with_roots(vm, |vm| {
        vm.roots.push(Value::Obj(r));
        for &o in rest {
            difference_update_internal(vm, r, o)?;
        }
        Ok(())
    })?;
    Ok(finish(vm, r, is_frozen(s)))
}

fn set_difference_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "difference_update")?;
    no_kw_method(vm, "set.difference_update", kw)?;
    for &o in &args[1..] {
        difference_update_internal(vm, s, o)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "symmetric_difference")?;
    one_arg(vm, "set.symmetric_difference", args, kw)?;
    let r = set_symmetric_difference(vm, s, args[1])?;
    Ok(finish(vm, r, is_frozen(s)))
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_mut_set(vm, args, "symmetric_difference_update")?;
    one_arg(vm, "set.symmetric_difference_update", args, kw)?;
    symmetric_difference_update(vm, s, args[1])?;
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "issubset")?;
    one_arg(vm, "set.issubset", args, kw)?;
    Ok(Value::Bool(issubset(vm, s, args[1])?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "issuperset")?;
    one_arg(vm, "set.issuperset", args, kw)?;
    Ok(Value::Bool(issuperset(vm, s, args[1])?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "isdisjoint")?;
    one_arg(vm, "set.isdisjoint", args, kw)?;
    Ok(Value::Bool(isdisjoint(vm, s, args[1])?))
}

fn set_len_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "__len__")?;
    no_args(vm, "set.__len__", args, kw)?;
    Ok(Value::Int(set_len(s) as i64))
}

fn set_iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "__iter__")?;
    no_args(vm, "set.__iter__", args, kw)?;
    let len = set_len(s);
    Ok(vm.new_iter(IterState::Set { set: s, idx: 0, len }))
}

fn set_repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this_set(vm, args, "__repr__")?;
    no_args(vm, "set.__repr__", args, kw)?;
    let r = if matches!(args[0].as_obj().map(|o| o.kind()), Some(Kind::Instance(_))) {
        // Subclass instances show their class: `S({1, 2})`, `S()`.
        let name = crate::ops::class_name(vm.type_of(args[0]));
        let keys: Vec<Value> = snapshot(s).into_iter().map(|(_, k)| k).collect();
        if keys.is_empty() {
            format!("{}()", name)
        } else {
            format!("{}({{{}}})", name, repr_items_self(vm, &keys, args[0], "...")?)
        }
    } else {
        vm.repr(Value::Obj(s))?
    };
    Ok(vm.new_str(r))
}

fn set_richcmp(vm: &mut Vm, args: &[Value], kw: Kw, op: CmpOp) -> PyResult<Value> {
    let s = this_set(vm, args, op.dunder())?;
    one_arg(vm, &format!("set.{}", op.dunder()), args, kw)?;
    match real_set(args[1]) {
        Some(o) => Ok(Value::Bool(with_rooted(vm, args, |vm| set_cmp(vm, s, o, op))?)),
        None => Ok(vm.not_implemented),
    }
}

fn set_eq(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_richcmp(vm, args, kw, CmpOp::Eq)
}
fn set_ne(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_richcmp(vm, args, kw, CmpOp::Ne)
}
fn set_lt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_richcmp(vm, args, kw, CmpOp::Lt)
}
fn set_le(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_richcmp(vm, args, kw, CmpOp::Le)
}
fn set_gt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_richcmp(vm, args, kw, CmpOp::Gt)
}
fn set_ge(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_richcmp(vm, args, kw, CmpOp::Ge)
}

/// The explicit `set.__or__` & co: NotImplemented unless both operands are sets.
fn set_operator(vm: &mut Vm, args: &[Value], kw: Kw, op: BinOp, reflected: bool) -> PyResult<Value> {
    let (fwd, rev, _) = op.dunders();
    this_set(vm, args, if reflected { rev } else { fwd })?;
    one_arg(vm, &format!("set.{}", if reflected { rev } else { fwd }), args, kw)?;
    let (Some(a), Some(b)) = (real_set(args[0]), real_set(args[1])) else {
        return Ok(vm.not_implemented);
    };
    if reflected {
        set_binop(vm, b, a, op)
    } else {
        set_binop(vm, a, b, op)
    }
}

fn set_or(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::Or, false)
}
fn set_and(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::And, false)
}
fn set_sub(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::Sub, false)
}
fn set_xor(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::Xor, false)
}
fn set_ror(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::Or, true)
}
fn set_rand(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::And, true)
}
fn set_rsub(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::Sub, true)
}
fn set_rxor(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_operator(vm, args, kw, BinOp::Xor, true)
}

/// `set.__ior__` & co: mutate self (for subclass instances, the wrapped set) and return it.
fn set_inplace_method(vm: &mut Vm, args: &[Value], kw: Kw, op: BinOp) -> PyResult<Value> {
    let (_, _, name) = op.dunders();
    let s = this_mut_set(vm, args, name)?;
    one_arg(vm, &format!("set.{}", name), args, kw)?;
    if real_set(args[1]).is_none() {
        return Ok(vm.not_implemented);
    }
    set_inplace(vm, s, args[1], op)?;
    Ok(args[0])
}

fn set_ior(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_inplace_method(vm, args, kw, BinOp::Or)
}
fn set_iand(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_inplace_method(vm, args, kw, BinOp::And)
}
fn set_isub(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_inplace_method(vm, args, kw, BinOp::Sub)
}
fn set_ixor(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    set_inplace_method(vm, args, kw, BinOp::Xor)
}
