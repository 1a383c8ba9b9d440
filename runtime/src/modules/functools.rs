//! The `_functools` module: native `reduce`, `cmp_to_key` and `_lru_cache_wrapper`
//! (the object `lru_cache` and `cache` return), which `py/functools.py` imports like
//! CPython's functools imports its C accelerator.
//!
//! The lru_cache wrapper is an instance of a built-in class whose payload is a cell
//! holding its state list (function, cache dict, statistics, the circular list of
//! links of the bounded cache, ...). Bounded caches keep CPython's linked list of
//! `[prev, next, key, result]` links (list objects), so evictions happen in the same
//! order as in CPython.

use crate::builtins::args::*;
use crate::bytecode::CmpOp;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

type Kw<'a> = &'a [(ObjRef, Value)];

// Slots of an lru_cache wrapper's state list.
const FUNC: usize = 0;
const CACHE: usize = 1;
const HITS: usize = 2;
const MISSES: usize = 3;
const MAXSIZE: usize = 4;
const TYPED: usize = 5;
const ROOT: usize = 6;
const FULL: usize = 7;
const KWD_MARK: usize = 8;
const CACHE_INFO: usize = 9;
const NSLOTS: usize = 10;

// Slots of a link of the bounded cache.
const PREV: usize = 0;
const NEXT: usize = 1;
const KEY: usize = 2;
const RESULT: usize = 3;

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_functools");
    vm.module_add_fn(m, "reduce", reduce);

    let object = vm.types.object;
    let lru = vm.new_class_raw("_lru_cache_wrapper", vec![object], BaseKind::Builtin, true);
    *lru.as_class().unwrap().module.borrow_mut() = "functools".into();
    crate::builtins::core::set_construct(vm, lru, lru_new);
    vm.add_method(lru, "__call__", lru_call);
    vm.add_method(lru, "__get__", lru_get);
    vm.add_method(lru, "cache_info", lru_cache_info);
    vm.add_method(lru, "cache_clear", lru_cache_clear);
    vm.add_method(lru, "__copy__", |vm, a, _k| super::params::self_arg(vm, a, "_lru_cache_wrapper", "__copy__"));
    vm.add_method(lru, "__deepcopy__", |vm, a, _k| {
        super::params::self_arg(vm, a, "_lru_cache_wrapper", "__deepcopy__")
    });
    vm.module_set(m, "_lru_cache_wrapper", Value::Obj(lru));

    let kw = vm.new_class_raw("KeyWrapper", vec![object], BaseKind::Builtin, true);
    *kw.as_class().unwrap().module.borrow_mut() = "functools".into();
    crate::builtins::core::set_construct(vm, kw, super::params::no_construct);
    vm.add_method(kw, "__call__", keywrapper_call);
    vm.add_method(kw, "__lt__", |vm, a, k| keywrapper_cmp(vm, a, k, CmpOp::Lt));
    vm.add_method(kw, "__le__", |vm, a, k| keywrapper_cmp(vm, a, k, CmpOp::Le));
    vm.add_method(kw, "__eq__", |vm, a, k| keywrapper_cmp(vm, a, k, CmpOp::Eq));
    vm.add_method(kw, "__ne__", |vm, a, k| keywrapper_cmp(vm, a, k, CmpOp::Ne));
    vm.add_method(kw, "__gt__", |vm, a, k| keywrapper_cmp(vm, a, k, CmpOp::Gt));
    vm.add_method(kw, "__ge__", |vm, a, k| keywrapper_cmp(vm, a, k, CmpOp::Ge));
    vm.set_class_attr(kw, "__hash__", Value::None);
    vm.module_set(m, "KeyWrapper", Value::Obj(kw));
    vm.module_add_fn(m, "cmp_to_key", cmp_to_key);

    let pc = vm.new_class_raw("_partial_core", vec![object], BaseKind::Builtin, true);
    *pc.as_class().unwrap().module.borrow_mut() = "functools".into();
    crate::builtins::core::set_construct(vm, pc, partial_new);
    vm.add_method(pc, "__call__", partial_call);
    vm.add_method(pc, "_setstate", partial_setstate);
    for (name, f) in [("func", partial_func as NativeFn), ("args", partial_args), ("keywords", partial_keywords)] {
        let getter = vm.new_native(name, f);
        let prop = Value::Obj(vm.alloc(Kind::new_property(Property {
            fget: getter,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        })));
        vm.set_class_attr(pc, name, prop);
    }
    vm.module_set(m, "_partial_core", Value::Obj(pc));
    Ok(m)
}

/// An instance of the built-in class `cls` whose payload is a cell holding `data`.
fn new_cell_instance(vm: &mut Vm, cls: ObjRef, data: Value) -> Value {
    let cell = Value::Obj(vm.alloc(Kind::Cell(Cell::new(data))));
    let shape = vm.shapes.root();
    Value::Obj(vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(Vec::new()),
        payload: Payload::Builtin(Cell::new(cell)),
    })))
}

/// The value in the payload cell of such an instance (through subclass instances).
fn cell_data(v: Value) -> Option<Value> {
    let mut cur = v;
    for _ in 0..4 {
        let inner = crate::ops::unwrap_builtin(cur);
        if let Some(Kind::Cell(c)) = inner.as_obj().map(|o| o.kind()) {
            return Some(c.get());
        }
        if inner.is(&cur) {
            return None;
        }
        cur = inner;
    }
    None
}

// -- reduce ----------------------------------------------------------------------------------

fn reduce(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "reduce", kw)?;
    check_args(vm, "reduce", args, 2, 3)?;
    let func = args[0];
    let it = match vm.get_iter(args[1]) {
        Ok(it) => it,
        Err(e) => {
            if vm.err_matches(&e, vm.exc.TypeError) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mark = vm.roots.len();
    vm.roots.push(it);
    let r = (|| {
        let mut acc = args.get(2).copied();
        let slot = vm.roots.len();
        vm.roots.push(acc.unwrap_or(Value::None));
        while let Some(x) = vm.next(it)? {
            acc = Some(match acc {
                None => x,
                Some(a) => {
                    vm.roots.push(x);
                    let r = vm.call(func, &[a, x], &[]);
                    vm.roots.pop();
                    r?
                }
            });
            vm.roots[slot] = acc.unwrap();
        }
        match acc {
            Some(a) => Ok(a),
            None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
        }
    })();
    vm.roots.truncate(mark);
    r
}

// -- cmp_to_key ------------------------------------------------------------------------------

/// `cmp_to_key(mycmp)`: a `KeyWrapper` holding `(mycmp, Undef)`; calling it wraps an
/// object as `(mycmp, obj)`.
fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mycmp = match (args.first(), kwarg(kw, "mycmp")) {
        (Some(f), None) if args.len() == 1 && kw.is_empty() => *f,
        (None, Some(f)) if kw.len() == 1 => f,
        _ => return Err(vm.type_error("cmp_to_key() takes exactly 1 argument")),
    };
    let cls = keywrapper_class(vm)?;
    let t = vm.new_tuple(vec![mycmp, Value::None]);
    Ok(new_cell_instance(vm, cls, t))
}

fn keywrapper_class(vm: &mut Vm) -> PyResult<ObjRef> {
    let name = vm.intern("_functools");
    let m = crate::ops::dict_get_str(vm.modules, name).and_then(|v| v.as_obj());
    let kname = vm.intern("KeyWrapper");
    match m.map(|m| vm.get_attr(Value::Obj(m), kname)) {
        Some(Ok(Value::Obj(c))) => Ok(c),
        _ => Err(vm.runtime_error("functools.KeyWrapper is missing")),
    }
}

fn keywrapper_parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    match cell_data(v).and_then(|d| d.as_obj().and_then(|o| o.as_tuple().map(|t| (t[0], t[1])))) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("other argument must be K instance")),
    }
}

fn keywrapper_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "K", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("K() takes exactly 1 argument ({} given)", args.len() - 1)));
    }
    let (mycmp, _) = keywrapper_parts(vm, args[0])?;
    let cls = vm.type_of(args[0]);
    let t = vm.new_tuple(vec![mycmp, args[1]]);
    Ok(new_cell_instance(vm, cls, t))
}

fn keywrapper_cmp(vm: &mut Vm, args: &[Value], _kw: Kw, op: CmpOp) -> PyResult<Value> {
    check_method(vm, op.dunder(), args, 1, 1)?;
    let (mycmp, a) = keywrapper_parts(vm, args[0])?;
    let (_, b) = keywrapper_parts(vm, args[1])?;
    let r = vm.call(mycmp, &[a, b], &[])?;
    vm.roots.push(r);
    let c = vm.compare(r, Value::Int(0), op);
    vm.roots.pop();
    c
}

// -- lru_cache -------------------------------------------------------------------------------

fn state_of(vm: &mut Vm, args: &[Value]) -> PyResult<ObjRef> {
    let v = super::params::self_arg(vm, args, "_lru_cache_wrapper", "method")?;
    match cell_data(v).and_then(|d| d.as_obj()).filter(|o| o.as_list().is_some_and(|l| l.borrow().len() == NSLOTS)) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'functools._lru_cache_wrapper' object but received '{}'",
                tn
            )))
        }
    }
}

fn get(st: ObjRef, i: usize) -> Value {
    st.as_list().unwrap().borrow()[i]
}

fn set(st: ObjRef, i: usize, v: Value) {
    st.as_list().unwrap().borrow_mut()[i] = v;
}

fn bump(st: ObjRef, i: usize) {
    let mut l = st.as_list().unwrap().borrow_mut();
    if let Value::Int(n) = l[i] {
        l[i] = Value::Int(n + 1);
    }
}

fn link_get(link: Value, i: usize) -> Value {
    link.as_obj().and_then(|o| o.as_list()).map(|l| l.borrow()[i]).unwrap_or(Value::None)
}

fn link_set(link: Value, i: usize, v: Value) {
    if let Some(l) = link.as_obj().and_then(|o| o.as_list()) {
        l.borrow_mut()[i] = v;
    }
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
fn lru_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "_lru_cache_wrapper", kw)?;
    if args.len() != 5 {
        return Err(vm.type_error(format!("_lru_cache_wrapper expected 4 arguments, got {}", args.len() - 1)));
    }
    let cls = args[0].as_obj().unwrap_or(vm.types.object);
    let func = args[1];
    let callable = {
        let c = vm.builtins_dict;
        let k = vm.intern("callable");
        crate::ops::dict_get_str(c, k)
    };
    if let Some(cf) = callable {
        let ok = vm.call(cf, &[func], &[])?;
        if !vm.truthy(ok)? {
            return Err(vm.type_error("the first argument must be callable"));
        }
    }
    let maxsize = match args[2] {
        Value::None => Value::None,
        v => {
            let n = match crate::builtins::num::int_value(v) {
                Some(Value::Int(n)) => n,
                Some(_) => i64::MAX,
                None => return Err(vm.type_error("maxsize should be integer or None")),
            };
            Value::Int(n.max(0))
        }
    };
    let typed = Value::Bool(vm.truthy(args[3])?);
    let cache = vm.new_dict(crate::dict::Dict::new());
    vm.roots.push(cache);
    let root = vm.new_list(vec![Value::None; 4]);
    link_set(root, PREV, root);
    link_set(root, NEXT, root);
    vm.roots.push(root);
    let object = Value::Obj(vm.types.object);
    let mark = vm.call(object, &[], &[]);
    vm.roots.pop();
    vm.roots.pop();
    let mark = mark?;
    let state = vm.new_list(vec![
        func,
        cache,
        Value::Int(0),
        Value::Int(0),
        maxsize,
        typed,
        root,
        Value::Bool(false),
        mark,
        args[4],
    ]);
    Ok(new_cell_instance(vm, cls, state))
}

/// The cache key of a call (CPython's `_make_key`).
fn make_key(vm: &mut Vm, st: ObjRef, args: &[Value], kw: Kw) -> Value {
    let typed = matches!(get(st, TYPED), Value::Bool(true));
    if kw.is_empty() && !typed && args.len() == 1 {
        let a = args[0];
        let simple = match a {
            Value::Int(_) => true,
            Value::Obj(o) => matches!(o.kind, Kind::Str(_) | Kind::BigInt(_)),
            _ => false,
        };
        if simple {
            return a;
        }
    }
    let mut key: Vec<Value> = args.to_vec();
    if !kw.is_empty() {
        key.push(get(st, KWD_MARK));
        for (k, v) in kw {
            key.push(Value::Obj(*k));
            key.push(*v);
        }
    }
    if typed {
        for a in args {
            key.push(Value::Obj(vm.type_of(*a)));
        }
        for (_, v) in kw {
            key.push(Value::Obj(vm.type_of(*v)));
        }
    }
    vm.new_tuple(key)
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let st = state_of(vm, args)?;
    let cargs = &args[1..];
    let func = get(st, FUNC);
    let maxsize = get(st, MAXSIZE);
    if let Value::Int(0) = maxsize {
        bump(st, MISSES);
        return vm.call(func, cargs, kw);
    }
    let key = make_key(vm, st, cargs, kw);
    let cache = get(st, CACHE).as_obj().unwrap();
    let mark = vm.roots.len();
    vm.roots.push(key);
    let r = if maxsize.is_none() {
        unbounded_call(vm, st, cache, func, key, cargs, kw)
    } else {
        bounded_call(vm, st, cache, func, key, cargs, kw)
    };
    vm.roots.truncate(mark);
    r
}

fn unbounded_call(
    vm: &mut Vm,
    st: ObjRef,
    cache: ObjRef,
    func: Value,
    key: Value,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    if let Some(v) = vm.dict_get(cache, key)? {
        bump(st, HITS);
        return Ok(v);
    }
    bump(st, MISSES);
    let r = vm.call(func, args, kw)?;
    vm.roots.push(r);
    vm.dict_set(cache, key, r)?;
    Ok(r)
}

fn bounded_call(
    vm: &mut Vm,
    st: ObjRef,
    cache: ObjRef,
    func: Value,
    key: Value,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    if let Some(link) = vm.dict_get(cache, key)? {
        // Move the link to the front of the circular queue.
        let (prev, next, result) = (link_get(link, PREV), link_get(link, NEXT), link_get(link, RESULT));
        link_set(prev, NEXT, next);
        link_set(next, PREV, prev);
        let root = get(st, ROOT);
        let last = link_get(root, PREV);
        link_set(last, NEXT, link);
        link_set(root, PREV, link);
        link_set(link, PREV, last);
        link_set(link, NEXT, root);
        bump(st, HITS);
        return Ok(result);
    }
    bump(st, MISSES);
    let result = vm.call(func, args, kw)?;
    vm.roots.push(result);
    if vm.dict_get(cache, key)?.is_some() {
        // Added by a recursive call while the function ran.
        return Ok(result);
    }
    if matches!(get(st, FULL), Value::Bool(true)) {
        // Use the old root to store the new key and result; the oldest link becomes
        // the new root.
        let oldroot = get(st, ROOT);
        link_set(oldroot, KEY, key);
        link_set(oldroot, RESULT, result);
        let root = link_get(oldroot, NEXT);
        set(st, ROOT, root);
        let oldkey = link_get(root, KEY);
        let oldresult = link_get(root, RESULT);
        vm.roots.push(oldkey);
        vm.roots.push(oldresult);
        link_set(root, KEY, Value::None);
        link_set(root, RESULT, Value::None);
        vm.dict_remove(cache, oldkey)?;
        vm.dict_set(cache, key, oldroot)?;
    } else {
        let root = get(st, ROOT);
        let last = link_get(root, PREV);
        let link = vm.new_list(vec![last, root, key, result]);
        link_set(last, NEXT, link);
        link_set(root, PREV, link);
        vm.dict_set(cache, key, link)?;
        let len = cache.as_dict().map(|d| d.borrow().len()).unwrap_or(0) as i64;
        if let Value::Int(m) = get(st, MAXSIZE) {
            set(st, FULL, Value::Bool(len >= m));
        }
    }
    Ok(result)
}

fn lru_get(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "__get__", args, 1, 2)?;
    if args[1].is_none() {
        return Ok(args[0]);
    }
    Ok(Value::Obj(vm.alloc(Kind::BoundMethod(args[0], args[1]))))
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "cache_info", args, 0, 0)?;
    let st = state_of(vm, args)?;
    let n = get(st, CACHE).as_obj().and_then(|d| d.as_dict().map(|d| d.borrow().len())).unwrap_or(0);
    let info = get(st, CACHE_INFO);
    let vals = [get(st, HITS), get(st, MISSES), get(st, MAXSIZE), Value::Int(n as i64)];
    vm.call(info, &vals, &[])
}

fn lru_cache_clear(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "cache_clear", args, 0, 0)?;
    let st = state_of(vm, args)?;
    if let Some(d) = get(st, CACHE).as_obj().and_then(|d| d.as_dict()) {
        d.borrow_mut().clear();
    }
    let root = get(st, ROOT);
    link_set(root, PREV, root);
    link_set(root, NEXT, root);
    link_set(root, KEY, Value::None);
    link_set(root, RESULT, Value::None);
    set(st, HITS, Value::Int(0));
    set(st, MISSES, Value::Int(0));
    set(st, FULL, Value::Bool(false));
    Ok(Value::None)
}

// -- partial ---------------------------------------------------------------------------------

/// The state tuple `(marker, func, args, keywords)` of a partial object: the marker is
/// the `_partial_core` class, which tells partials from other cell-payload objects.
fn partial_state<'a>(v: Value) -> Option<&'a [Value]> {
    let t = cell_data(v)?.as_obj()?.as_tuple()?;
    (t.len() == 4
        && t[0].as_obj().is_some_and(|c| c.as_class().is_some_and(|k| k.name.borrow().as_str() == "_partial_core")))
    .then_some(t)
}

fn partial_self<'a>(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'a [Value]> {
    let v = super::params::self_arg(vm, args, "partial", name)?;
    match partial_state(v) {
        Some(t) => Ok(t),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' requires a 'functools.partial' object but received '{}'",
                name, tn
            )))
        }
    }
}

/// `partial(func, /, *args, **keywords)`; a partial of a plain partial is flattened.
fn partial_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let marker = args[0];
    if args.len() < 2 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[1];
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pargs: Vec<Value> = Vec::new();
    let mut pkw: Vec<(Value, Value)> = Vec::new();
    if let Some(t) = partial_state(func) {
        let plain = func.as_obj().and_then(|o| o.as_instance()).is_some_and(|i| i.slots.borrow().is_empty());
        if plain {
            pargs.extend(t[2].as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[]).iter().copied());
            if let Some(d) = t[3].as_obj().and_then(|o| o.as_dict()) {
                pkw.extend(d.borrow().iter());
            }
            func = t[1];
        }
    }
    pargs.extend_from_slice(&args[2..]);
    let targs = vm.new_tuple(pargs);
    vm.roots.push(targs);
    let d = vm.new_dict(crate::dict::Dict::new());
    vm.roots.push(d);
    let dobj = d.as_obj().unwrap();
    let r = (|| {
        for (k, v) in pkw {
            vm.dict_set(dobj, k, v)?;
        }
        for (k, v) in kw {
            vm.dict_set(dobj, Value::Obj(*k), *v)?;
        }
        Ok(())
    })();
    vm.roots.pop();
    vm.roots.pop();
    r?;
    let state = vm.new_tuple(vec![marker, func, targs, d]);
    Ok(Value::Obj(vm.alloc(Kind::Cell(std::cell::Cell::new(state)))))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = partial_self(vm, args, "__call__")?;
    let func = t[1];
    let pargs = t[2].as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[]);
    let mut all: Vec<Value> = Vec::with_capacity(pargs.len() + args.len() - 1);
    all.extend_from_slice(pargs);
    all.extend_from_slice(&args[1..]);
    let pkw =
        t[3].as_obj().and_then(|o| o.as_dict()).map(|d| d.borrow().iter().collect::<Vec<_>>()).unwrap_or_default();
    if pkw.is_empty() {
        return vm.call(func, &all, kw);
    }
    let mut merged: Vec<(ObjRef, Value)> = Vec::with_capacity(pkw.len() + kw.len());
    for (k, v) in pkw {
        let Some(name) = k.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) else {
            return Err(vm.type_error("keywords must be strings"));
        };
        let name = vm.intern(&name);
        if !kw.iter().any(|(kk, _)| kk.ptr_eq(name)) {
            merged.push((name, v));
        }
    }
    merged.extend_from_slice(kw);
    vm.call(func, &all, &merged)
}

fn partial_func(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(partial_self(vm, args, "func")?[1])
}

fn partial_args(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(partial_self(vm, args, "args")?[2])
}

fn partial_keywords(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(partial_self(vm, args, "keywords")?[3])
}

/// `_setstate(func, args, keywords)` (for `__setstate__`): replaces the state.
fn partial_setstate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "_setstate", args, 3, 3)?;
    let t = partial_self(vm, args, "_setstate")?;
    let marker = t[0];
    let state = vm.new_tuple(vec![marker, args[1], args[2], args[3]]);
    let mut cur = args[0];
    for _ in 0..4 {
        let inner = crate::ops::unwrap_builtin(cur);
        if let Some(Kind::Cell(c)) = inner.as_obj().map(|o| o.kind()) {
            c.set(state);
            return Ok(Value::None);
        }
        if inner.is(&cur) {
            break;
        }
        cur = inner;
    }
    Ok(Value::None)
}
