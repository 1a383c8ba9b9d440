//! The `_collections` module: the native core of `collections.deque`.
//!
//! `_deque_core` is a built-in class holding a ring buffer; `py/collections.py`
//! defines `deque` as its Python subclass (the subclass makes instance creation go
//! through `__init__`, as CPython's deque does, so subclasses behave) and adds the
//! rarely used methods in Python. The hot operations (append, appendleft, pop,
//! popleft, extend, rotate, indexing, len, iteration) run here.
//!
//! An instance's payload is a cell holding its state list `[buf, head, len, maxlen,
//! mutations]`: `buf` is a list used as a ring buffer (its length is the capacity),
//! `mutations` counts changes so iterators can detect them like CPython's.

use super::params::bind;
use crate::builtins::args::*;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use std::cell::Cell;

type Kw<'a> = &'a [(ObjRef, Value)];

const BUF: usize = 0;
const HEAD: usize = 1;
const LEN: usize = 2;
const MAXLEN: usize = 3;
const MUTATIONS: usize = 4;

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_collections");
    let object = vm.types.object;
    let cls = vm.new_class_raw("_deque_core", vec![object], BaseKind::Builtin, true);
    *cls.as_class().unwrap().module.borrow_mut() = "collections".into();
    crate::builtins::core::set_construct(vm, cls, deque_new);
    vm.add_method(cls, "__init__", deque_init);
    vm.add_method(cls, "append", deque_append);
    vm.add_method(cls, "appendleft", deque_appendleft);
    vm.add_method(cls, "pop", deque_pop);
    vm.add_method(cls, "popleft", deque_popleft);
    vm.add_method(cls, "extend", deque_extend);
    vm.add_method(cls, "extendleft", deque_extendleft);
    vm.add_method(cls, "clear", deque_clear);
    vm.add_method(cls, "rotate", deque_rotate);
    vm.add_method(cls, "__len__", deque_len);
    vm.add_method(cls, "__bool__", deque_bool);
    vm.add_method(cls, "__getitem__", deque_getitem);
    vm.add_method(cls, "__setitem__", deque_setitem);
    vm.add_method(cls, "__delitem__", deque_delitem);
    vm.add_method(cls, "__contains__", deque_contains);
    vm.add_method(cls, "__iter__", deque_iter);
    vm.add_method(cls, "__reversed__", deque_reversed);
    vm.add_method(cls, "_list", deque_list);
    vm.add_method(cls, "_assign", deque_assign);
    vm.add_method(cls, "_maxlen", deque_maxlen);
    vm.module_set(m, "_deque_core", Value::Obj(cls));
    vm.module_add_fn(m, "_count_elements", count_elements);
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        if !vm.iter_types.contains_key(name) {
            let c = vm.new_class_raw(name, vec![object], BaseKind::Builtin, true);
            *c.as_class().unwrap().module.borrow_mut() = "_collections".into();
            crate::builtins::core::set_construct(vm, c, super::params::no_construct);
            crate::builtins::register_iter_type(vm, c);
            vm.iter_types.insert(name, c);
        }
    }
    Ok(m)
}

/// A deque's state, loaded from its state list.
struct Dq {
    st: ObjRef,
    buf: ObjRef,
    head: usize,
    len: usize,
    maxlen: Option<usize>,
}

fn ival(v: Value) -> usize {
    match v {
        Value::Int(i) => i as usize,
        _ => 0,
    }
}

impl Dq {
    fn load(st: ObjRef) -> Dq {
        let l = st.as_list().unwrap().borrow();
        Dq {
            st,
            buf: l[BUF].as_obj().unwrap(),
            head: ival(l[HEAD]),
            len: ival(l[LEN]),
            maxlen: match l[MAXLEN] {
                Value::Int(m) => Some(m as usize),
                _ => None,
            },
        }
    }

    /// Writes the state back, counting a mutation (iterators check the count).
    fn store(&self) {
        self.store_quiet();
        let mut l = self.st.as_list().unwrap().borrow_mut();
        if let Value::Int(n) = l[MUTATIONS] {
            l[MUTATIONS] = Value::Int(n.wrapping_add(1));
        }
    }

    /// Writes the state back without counting a mutation (rotate, like CPython's).
    fn store_quiet(&self) {
        let mut l = self.st.as_list().unwrap().borrow_mut();
        l[BUF] = Value::Obj(self.buf);
        l[HEAD] = Value::Int(self.head as i64);
        l[LEN] = Value::Int(self.len as i64);
    }

    fn cap(&self) -> usize {
        self.buf.as_list().unwrap().borrow().len()
    }

    fn get(&self, i: usize) -> Value {
        let b = self.buf.as_list().unwrap().borrow();
        b[(self.head + i) % b.len()]
    }

    fn set(&self, i: usize, v: Value) {
        let mut b = self.buf.as_list().unwrap().borrow_mut();
        let n = b.len();
        b[(self.head + i) % n] = v;
    }

    fn items(&self) -> Vec<Value> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    /// Lays the items out from index 0 in a buffer of capacity `cap`.
    fn relayout(&mut self, vm: &mut Vm, cap: usize) {
        let mut items = self.items();
        items.resize(cap.max(self.len), Value::None);
        self.buf = vm.new_list(items).as_obj().unwrap();
        self.head = 0;
    }

    fn reserve_one(&mut self, vm: &mut Vm) {
        let cap = self.cap();
        if self.len == cap {
            self.relayout(vm, (cap * 2).max(8));
        }
    }

    fn shrink(&mut self, vm: &mut Vm) {
        let cap = self.cap();
        if cap > 64 && self.len * 4 < cap {
            self.relayout(vm, cap / 2);
        }
    }

    fn push_back(&mut self, vm: &mut Vm, v: Value) {
        self.reserve_one(vm);
        let i = self.len;
        self.len += 1;
        self.set(i, v);
        if self.maxlen.is_some_and(|m| self.len > m) {
            self.pop_front();
        }
    }

    fn push_front(&mut self, vm: &mut Vm, v: Value) {
        self.reserve_one(vm);
        let cap = self.cap();
        self.head = (self.head + cap - 1) % cap;
        self.len += 1;
        self.set(0, v);
        if self.maxlen.is_some_and(|m| self.len > m) {
            self.pop_back();
        }
    }

    fn pop_front(&mut self) -> Option<Value> {
        if self.len == 0 {
            return None;
        }
        let v = self.get(0);
        self.set(0, Value::None);
        self.head = (self.head + 1) % self.cap();
        self.len -= 1;
        if self.len == 0 {
            self.head = 0;
        }
        Some(v)
    }

    fn pop_back(&mut self) -> Option<Value> {
        if self.len == 0 {
            return None;
        }
        let v = self.get(self.len - 1);
        self.set(self.len - 1, Value::None);
        self.len -= 1;
        if self.len == 0 {
            self.head = 0;
        }
        Some(v)
    }

    fn mutations(&self) -> Value {
        self.st.as_list().unwrap().borrow()[MUTATIONS]
    }
}

/// The state list of a deque (through the payload cell).
fn state_of(vm: &mut Vm, args: &[Value]) -> PyResult<ObjRef> {
    let v = super::params::self_arg(vm, args, "deque", "method")?;
    let mut cur = v;
    for _ in 0..4 {
        let inner = crate::ops::unwrap_builtin(cur);
        if let Some(Kind::Cell(c)) = inner.as_obj().map(|o| o.kind()) {
            if let Some(st) = c.get().as_obj().filter(|o| o.as_list().is_some_and(|l| l.borrow().len() == 5)) {
                return Ok(st);
            }
        }
        if inner.is(&cur) {
            break;
        }
        cur = inner;
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor requires a 'collections.deque' object but received a '{}'", tn)))
}

fn load(vm: &mut Vm, args: &[Value]) -> PyResult<Dq> {
    let st = state_of(vm, args)?;
    Ok(Dq::load(st))
}

/// An empty deque state; `__init__` fills it.
fn deque_new(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let buf = vm.new_list(vec![Value::None; 8]);
    let st = vm.new_list(vec![buf, Value::Int(0), Value::Int(0), Value::None, Value::Int(0)]);
    Ok(Value::Obj(vm.alloc(Kind::Cell(Cell::new(st)))))
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let st = state_of(vm, args)?;
    let a = bind(vm, "deque", &args[1..], kw, &["iterable", "maxlen"], 0)?;
    let maxlen = match a[1] {
        None | Some(Value::None) => Value::None,
        Some(v) => {
            let n = match crate::builtins::num::int_value(v) {
                Some(Value::Int(n)) => n,
                Some(_) => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
                None => return Err(vm.type_error("an integer is required")),
            };
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Value::Int(n)
        }
    };
    {
        let mut l = st.as_list().unwrap().borrow_mut();
        l[MAXLEN] = maxlen;
    }
    let mut d = Dq::load(st);
    if d.len > 0 {
        d.buf = vm.new_list(vec![Value::None; 8]).as_obj().unwrap();
        d.head = 0;
        d.len = 0;
        d.store();
    }
    if let Some(it) = a[0] {
        extend_impl(vm, args[0], it, false)?;
    }
    Ok(Value::None)
}

fn deque_append(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "append", args, 1, 1)?;
    let mut d = load(vm, args)?;
    d.push_back(vm, args[1]);
    d.store();
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "appendleft", args, 1, 1)?;
    let mut d = load(vm, args)?;
    d.push_front(vm, args[1]);
    d.store();
    Ok(Value::None)
}

fn empty_pop(vm: &mut Vm) -> PyErr {
    vm.index_error("pop from an empty deque")
}

fn deque_pop(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "pop", args, 0, 0)?;
    let mut d = load(vm, args)?;
    let Some(v) = d.pop_back() else { return Err(empty_pop(vm)) };
    d.shrink(vm);
    d.store();
    Ok(v)
}

fn deque_popleft(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "popleft", args, 0, 0)?;
    let mut d = load(vm, args)?;
    let Some(v) = d.pop_front() else { return Err(empty_pop(vm)) };
    d.shrink(vm);
    d.store();
    Ok(v)
}

/// Appends (or appendlefts) every item of `iterable`; the iterator can run Python code
/// that changes the deque, so the state is reloaded for each item.
fn extend_impl(vm: &mut Vm, this: Value, iterable: Value, left: bool) -> PyResult<()> {
    let st = state_of(vm, &[this])?;
    let items: Option<Vec<Value>> = match iterable.as_obj().map(|o| (o, o.kind())) {
        Some((_, Kind::List(l))) => Some(l.borrow().clone()),
        Some((_, Kind::Tuple(t))) => Some(t.to_vec()),
        _ if iterable.is(&this) => Some(Dq::load(st).items()),
        _ => None,
    };
    if let Some(items) = items {
        let mark = vm.roots.len();
        vm.roots.extend_from_slice(&items);
        let mut d = Dq::load(st);
        for v in items {
            if left {
                d.push_front(vm, v);
            } else {
                d.push_back(vm, v);
            }
        }
        d.store();
        vm.roots.truncate(mark);
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    vm.roots.push(it);
    let r = (|| {
        while let Some(v) = vm.next(it)? {
            let mut d = Dq::load(st);
            if left {
                d.push_front(vm, v);
            } else {
                d.push_back(vm, v);
            }
            d.store();
        }
        Ok(())
    })();
    vm.roots.pop();
    r
}

fn deque_extend(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "extend", args, 1, 1)?;
    extend_impl(vm, args[0], args[1], false)?;
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "extendleft", args, 1, 1)?;
    extend_impl(vm, args[0], args[1], true)?;
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "clear", args, 0, 0)?;
    let mut d = load(vm, args)?;
    d.buf = vm.new_list(vec![Value::None; 8]).as_obj().unwrap();
    d.head = 0;
    d.len = 0;
    d.store();
    Ok(Value::None)
}

/// `rotate(n)`: CPython's normalisation of n, then the cheaper direction.
fn deque_rotate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "rotate", args, 0, 1)?;
    let mut d = load(vm, args)?;
    let n = match args.get(1) {
        Some(v) => {
            let b = crate::builtins::num::index_big(vm, *v)?;
            let len = num_bigint::BigInt::from(d.len.max(1));
            let r: num_bigint::BigInt = ((b % &len) + &len) % &len;
            num_traits::ToPrimitive::to_i64(&r).unwrap_or(0)
        }
        None => 1,
    };
    let len = d.len as i64;
    if len <= 1 || n == 0 {
        return Ok(Value::None);
    }
    // n is in [0, len): rotating right by n is rotating left by len - n.
    let cap = d.cap();
    if d.len == cap {
        d.head = ((d.head as i64 - n).rem_euclid(cap as i64)) as usize;
    } else if n <= len / 2 {
        for _ in 0..n {
            let v = d.pop_back().unwrap();
            d.push_front(vm, v);
        }
    } else {
        for _ in 0..(len - n) {
            let v = d.pop_front().unwrap();
            d.push_back(vm, v);
        }
    }
    d.store_quiet();
    Ok(Value::None)
}

fn deque_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let d = load(vm, args)?;
    Ok(Value::Int(d.len as i64))
}

fn deque_bool(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let d = load(vm, args)?;
    Ok(Value::Bool(d.len > 0))
}

/// A position from an index argument (ints only, negative from the end).
fn position(vm: &mut Vm, d: &Dq, i: Value) -> PyResult<usize> {
    let idx = match i {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        _ => {
            let is_int = crate::builtins::num::int_value(i).is_some();
            let has_index = {
                let cls = vm.type_of(i);
                let n = vm.names.index;
                vm.class_lookup(cls, n).is_some()
            };
            if is_int || has_index {
                match crate::builtins::num::index_big(vm, i) {
                    Ok(b) => num_traits::ToPrimitive::to_i64(&b).unwrap_or(i64::MAX),
                    Err(e) => return Err(e),
                }
            } else {
                let tn = vm.type_name(i);
                return Err(vm.type_error(format!("sequence index must be integer, not '{}'", tn)));
            }
        }
    };
    let n = d.len as i64;
    let j = if idx < 0 { idx + n } else { idx };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "__getitem__", args, 1, 1)?;
    let d = load(vm, args)?;
    let i = position(vm, &d, args[1])?;
    Ok(Dq::load(d.st).get(i))
}

fn deque_setitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "__setitem__", args, 2, 2)?;
    let d = load(vm, args)?;
    let i = position(vm, &d, args[1])?;
    let d = Dq::load(d.st);
    if i < d.len {
        d.set(i, args[2]);
    }
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "__delitem__", args, 1, 1)?;
    let d = load(vm, args)?;
    let i = position(vm, &d, args[1])?;
    let mut d = Dq::load(d.st);
    let mut items = d.items();
    if i < items.len() {
        items.remove(i);
    }
    let cap = d.cap();
    d.len = items.len();
    items.resize(cap, Value::None);
    d.buf = vm.new_list(items).as_obj().unwrap();
    d.head = 0;
    d.store();
    Ok(Value::None)
}

fn mutated(vm: &mut Vm) -> PyErr {
    vm.runtime_error("deque mutated during iteration")
}

fn deque_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "__contains__", args, 1, 1)?;
    let d = load(vm, args)?;
    let (n, m0) = (d.len, d.mutations());
    let x = args[1];
    for i in 0..n {
        let d = Dq::load(d.st);
        if !d.mutations().is(&m0) || d.len != n {
            return Err(mutated(vm));
        }
        let v = d.get(i);
        if v.is(&x) {
            return Ok(Value::Bool(true));
        }
        vm.roots.push(v);
        let r = vm.eq(v, x);
        vm.roots.pop();
        if r? {
            return Ok(Value::Bool(true));
        }
    }
    if !Dq::load(d.st).mutations().is(&m0) {
        return Err(mutated(vm));
    }
    Ok(Value::Bool(false))
}

/// An iterator over a deque: its state list, the next position, the number of items
/// left and the mutation count it started with.
struct DequeIter {
    st: ObjRef,
    pos: usize,
    left: usize,
    mutations: Value,
    reverse: bool,
}

impl NativeIter for DequeIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let d = Dq::load(self.st);
        if !d.mutations().is(&self.mutations) {
            self.left = 0;
            return Err(mutated(vm));
        }
        if self.left == 0 {
            return Ok(None);
        }
        let v = if self.reverse { d.get(d.len - 1 - self.pos) } else { d.get(self.pos) };
        self.pos += 1;
        self.left -= 1;
        Ok(Some(v))
    }

    fn trace(&self, out: &mut Vec<ObjRef>) {
        out.push(self.st);
    }

    fn type_name(&self) -> &'static str {
        if self.reverse {
            "_deque_reverse_iterator"
        } else {
            "_deque_iterator"
        }
    }
}

fn make_iter(vm: &mut Vm, args: &[Value], reverse: bool) -> PyResult<Value> {
    let d = load(vm, args)?;
    let it = DequeIter { st: d.st, pos: 0, left: d.len, mutations: d.mutations(), reverse };
    Ok(vm.new_iter(IterState::Dyn(Box::new(it))))
}

fn deque_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    make_iter(vm, args, false)
}

fn deque_reversed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    make_iter(vm, args, true)
}

/// `_list()`: the items as a new list.
fn deque_list(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let d = load(vm, args)?;
    let items = d.items();
    Ok(vm.new_list(items))
}

/// `_assign(items)`: replaces the contents (keeping the last `maxlen` items).
fn deque_assign(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "_assign", args, 1, 1)?;
    let mut d = load(vm, args)?;
    let mut items = vm.collect_iter(args[1])?;
    if let Some(m) = d.maxlen {
        if items.len() > m {
            items.drain(..items.len() - m);
        }
    }
    d.len = items.len();
    let cap = items.len().max(8);
    items.resize(cap, Value::None);
    d.buf = vm.new_list(items).as_obj().unwrap();
    d.head = 0;
    d.store();
    Ok(Value::None)
}

fn deque_maxlen(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let d = load(vm, args)?;
    Ok(match d.maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

// -- Counter's helper ------------------------------------------------------------------------

/// Whether `cls` still uses dict's own `name` method.
fn uses_dict_method(vm: &mut Vm, cls: ObjRef, name: &str) -> bool {
    let k = vm.intern(name);
    let dict = vm.types.dict;
    match (vm.class_lookup(cls, k), vm.class_lookup(dict, k)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each
/// item, directly on the dict when the mapping does not override `get` or
/// `__setitem__` (CPython's C helper does the same).
fn count_elements(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "_count_elements", kw)?;
    check_args(vm, "_count_elements", args, 2, 2)?;
    let mapping = args[0];
    let cls = vm.type_of(mapping);
    let direct = mapping
        .as_obj()
        .and_then(crate::ops::real_dict)
        .filter(|_| uses_dict_method(vm, cls, "get") && uses_dict_method(vm, cls, "__setitem__"));
    let it = vm.get_iter(args[1])?;
    let mark = vm.roots.len();
    vm.roots.push(it);
    let r = (|| {
        let get = match direct {
            Some(_) => Value::None,
            None => {
                let k = vm.intern("get");
                let g = vm.get_attr(mapping, k)?;
                vm.roots.push(g);
                g
            }
        };
        let slot = vm.roots.len();
        vm.roots.push(Value::None);
        while let Some(x) = vm.next(it)? {
            vm.roots[slot] = x;
            let old = match direct {
                Some(d) => vm.dict_get(d, x)?.unwrap_or(Value::Int(0)),
                None => vm.call(get, &[x, Value::Int(0)], &[])?,
            };
            let new = match old {
                Value::Int(n) if n < i64::MAX => Value::Int(n + 1),
                _ => {
                    vm.roots.push(old);
                    let r = vm.binary_op(old, Value::Int(1), crate::bytecode::BinOp::Add);
                    vm.roots.pop();
                    r?
                }
            };
            match direct {
                Some(d) => {
                    vm.roots.push(new);
                    let r = vm.dict_set(d, x, new);
                    vm.roots.pop();
                    r?
                }
                None => {
                    vm.roots.push(new);
                    let r = vm.setitem(mapping, x, new);
                    vm.roots.pop();
                    r?
                }
            }
        }
        Ok(Value::None)
    })();
    vm.roots.truncate(mark);
    r
}
