//! The itertools module: CPython 3.11's iterator building blocks as native iterators
//! (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, groupby,
//! islice, starmap, tee, zip_longest, product, permutations, combinations,
//! combinations_with_replacement, pairwise, filterfalse), each following the C
//! implementation's step order so side effects and results match.
//!
//! Each iterator is a `Step` wrapped in `Rooted`, which implements `NativeIter`. While
//! a native iterator runs, its state is out of its heap cell (see `next_builtin`), so
//! nothing traces it: `Rooted` parks everything the state holds on `vm.roots` before a
//! step that may run Python code, and steps push the values they hold in locals there
//! too (`Rooted` truncates the roots afterwards).
//!
//! Every iterator type is a class of this module (`itertools.chain`, ...) registered as
//! the class of its iterator objects, so `type(it)` and `isinstance` work, and the
//! classes are constructible and subclassable.

use super::params::bind;
use crate::builtins::args::*;
use crate::builtins::num::index_big;
use crate::bytecode::BinOp;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;
use std::rc::Rc;

type Kw<'a> = &'a [(ObjRef, Value)];

/// One kind of itertools iterator.
trait Step: 'static {
    const NAME: &'static str;
    /// Whether `step` can run Python code (then its state is rooted around the step).
    const CALLS: bool = true;
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>>;
    fn trace(&self, out: &mut Vec<ObjRef>);
    /// See `NativeIter::repr_args`.
    fn repr_args(&self) -> Option<Vec<Value>> {
        None
    }
}

struct Rooted<T: Step> {
    inner: T,
    scratch: Vec<ObjRef>,
}

impl<T: Step> NativeIter for Rooted<T> {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if !T::CALLS {
            return self.inner.step(vm);
        }
        // Iterators nested in iterators recurse on the Rust stack.
        vm.enter_native(" while calling a Python object")?;
        self.scratch.clear();
        self.inner.trace(&mut self.scratch);
        let mark = vm.roots.len();
        vm.roots.extend(self.scratch.iter().map(|o| Value::Obj(*o)));
        let r = self.inner.step(vm);
        vm.roots.truncate(mark);
        vm.leave_native();
        r
    }

    fn trace(&self, out: &mut Vec<ObjRef>) {
        self.inner.trace(out);
    }

    fn type_name(&self) -> &'static str {
        T::NAME
    }

    fn repr_args(&self) -> Option<Vec<Value>> {
        self.inner.repr_args()
    }
}

fn make<T: Step>(vm: &mut Vm, x: T) -> Value {
    vm.new_iter(IterState::Dyn(Box::new(Rooted { inner: x, scratch: Vec::new() })))
}

#[inline]
fn tv(v: &Value, out: &mut Vec<ObjRef>) {
    if let Value::Obj(o) = v {
        out.push(*o);
    }
}

#[inline]
fn tvo(v: &Option<Value>, out: &mut Vec<ObjRef>) {
    if let Some(Value::Obj(o)) = v {
        out.push(*o);
    }
}

/// Rejects keyword arguments like CPython's `_PyArg_NoKeywords`.
fn no_keywords(vm: &mut Vm, name: &str, kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

// -- Module and classes ----------------------------------------------------------------------

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("itertools");
    let classes: &[(&'static str, Option<NativeFn>)] = &[
        ("count", Some(count_new)),
        ("cycle", Some(cycle_new)),
        ("repeat", Some(repeat_new)),
        ("accumulate", Some(accumulate_new)),
        ("chain", Some(chain_new)),
        ("compress", Some(compress_new)),
        ("dropwhile", Some(dropwhile_new)),
        ("takewhile", Some(takewhile_new)),
        ("filterfalse", Some(filterfalse_new)),
        ("groupby", Some(groupby_new)),
        ("_grouper", None),
        ("islice", Some(islice_new)),
        ("starmap", Some(starmap_new)),
        ("_tee", Some(tee_type_new)),
        ("zip_longest", Some(zip_longest_new)),
        ("product", Some(product_new)),
        ("permutations", Some(permutations_new)),
        ("combinations", Some(combinations_new)),
        ("combinations_with_replacement", Some(cwr_new)),
        ("pairwise", Some(pairwise_new)),
    ];
    for (name, ctor) in classes {
        let cls = match vm.iter_types.get(name) {
            Some(c) => *c,
            None => {
                let object = vm.types.object;
                let cls = vm.new_class_raw(name, vec![object], BaseKind::Builtin, true);
                *cls.as_class().unwrap().module.borrow_mut() = "itertools".into();
                crate::builtins::core::set_construct(vm, cls, ctor.unwrap_or(super::params::no_construct));
                vm.add_method(cls, "__iter__", iter_self);
                vm.add_method(cls, "__next__", iter_next);
                vm.iter_types.insert(name, cls);
                cls
            }
        };
        if *name == "chain" {
            vm.add_static_method(cls, "from_iterable", chain_from_iterable, true);
        }
        vm.module_set(m, name, Value::Obj(cls));
    }
    vm.module_add_fn(m, "tee", tee_fn);
    Ok(m)
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    super::params::self_arg(vm, args, "itertools", "__iter__")
}

/// `__next__` of the itertools classes; instances of Python subclasses carry the native
/// iterator as their built-in payload.
fn iter_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let this = super::params::self_arg(vm, args, "itertools", "__next__")?;
    let it = crate::ops::unwrap_builtin(this);
    if !matches!(it.as_obj().map(|o| o.kind()), Some(Kind::Iter(_))) {
        let tn = vm.type_name(this);
        return Err(vm.type_error(format!("descriptor '__next__' requires an itertools object, not '{}'", tn)));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

// -- count -------------------------------------------------------------------------------------

struct Count {
    cnt: Value,
    step: Value,
}

impl Step for Count {
    const NAME: &'static str = "count";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let v = self.cnt;
        let next = match (self.cnt, self.step) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            (a, b) => vm.binary_op(a, b, BinOp::Add)?,
        };
        self.cnt = next;
        Ok(Some(v))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.cnt, out);
        tv(&self.step, out);
    }
    /// `count(cnt)` when the step is the int 1 (CPython's fast mode, which shows a
    /// bool start as a number), else `count(cnt, step)`.
    fn repr_args(&self) -> Option<Vec<Value>> {
        match (self.cnt, self.step) {
            (Value::Bool(b), Value::Int(1) | Value::Bool(true)) => Some(vec![Value::Int(b as i64)]),
            (cnt, Value::Int(1) | Value::Bool(true)) => Some(vec![cnt]),
            (cnt, step) => Some(vec![cnt, step]),
        }
    }
}

fn is_number(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(_) => true,
            Kind::Instance(_) => {
                let cls = vm.type_of(v);
                ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| {
                    let k = vm.intern(n);
                    vm.class_lookup(cls, k).is_some()
                })
            }
            _ => false,
        },
        _ => false,
    }
}

fn count_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "count", &args[1..], kw, &["start", "step"], 0)?;
    let start = a[0].unwrap_or(Value::Int(0));
    let step = a[1].unwrap_or(Value::Int(1));
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(make(vm, Count { cnt: start, step }))
}

// -- cycle -------------------------------------------------------------------------------------

struct Cycle {
    it: Option<Value>,
    /// A list object with the items seen on the first pass.
    saved: Value,
    index: usize,
}

impl Step for Cycle {
    const NAME: &'static str = "cycle";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(it) = self.it {
            match vm.next(it)? {
                Some(v) => {
                    if let Some(l) = self.saved.as_obj().and_then(|o| o.as_list()) {
                        l.borrow_mut().push(v);
                    }
                    return Ok(Some(v));
                }
                None => self.it = None,
            }
        }
        let l = self.saved.as_obj().and_then(|o| o.as_list()).unwrap().borrow();
        if l.is_empty() {
            return Ok(None);
        }
        let v = l[self.index];
        self.index += 1;
        if self.index >= l.len() {
            self.index = 0;
        }
        Ok(Some(v))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tvo(&self.it, out);
        tv(&self.saved, out);
    }
}

fn cycle_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "cycle", kw)?;
    check_args(vm, "cycle", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    vm.roots.push(it);
    let saved = vm.new_list(vec![]);
    vm.roots.pop();
    Ok(make(vm, Cycle { it: Some(it), saved, index: 0 }))
}

// -- repeat ------------------------------------------------------------------------------------

struct Repeat {
    obj: Value,
    /// Remaining count; None repeats forever.
    cnt: Option<i64>,
}

impl Step for Repeat {
    const NAME: &'static str = "repeat";
    const CALLS: bool = false;
    fn step(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        match &mut self.cnt {
            None => Ok(Some(self.obj)),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(self.obj))
            }
        }
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.obj, out);
    }
    fn repr_args(&self) -> Option<Vec<Value>> {
        Some(match self.cnt {
            None => vec![self.obj],
            Some(n) => vec![self.obj, Value::Int(n)],
        })
    }
}

fn repeat_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "repeat", &args[1..], kw, &["object", "times"], 1)?;
    let cnt = match a[1] {
        None => None,
        Some(t) => {
            let n = int_arg(vm, t)?;
            Some(n.max(0))
        }
    };
    Ok(make(vm, Repeat { obj: a[0].unwrap(), cnt }))
}

// -- accumulate --------------------------------------------------------------------------------

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}

impl Step for Accumulate {
    const NAME: &'static str = "accumulate";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(init) = self.initial.take() {
            self.total = Some(init);
            return Ok(Some(init));
        }
        let Some(v) = vm.next(self.it)? else { return Ok(None) };
        let Some(total) = self.total else {
            self.total = Some(v);
            return Ok(Some(v));
        };
        vm.roots.push(v);
        let nt = match (total, v) {
            (Value::Int(a), Value::Int(b)) if self.func.is_none() && a.checked_add(b).is_some() => Value::Int(a + b),
            _ if self.func.is_none() => vm.binary_op(total, v, BinOp::Add)?,
            _ => vm.call(self.func, &[total, v], &[])?,
        };
        self.total = Some(nt);
        Ok(Some(nt))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.it, out);
        tv(&self.func, out);
        tvo(&self.total, out);
        tvo(&self.initial, out);
    }
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "accumulate", &args[1..], kw, &["iterable", "func", "initial"], 1)?;
    if args.len() > 3 {
        return Err(
            vm.type_error(format!("accumulate() takes at most 2 positional arguments ({} given)", args.len() - 1))
        );
    }
    let it = vm.get_iter(a[0].unwrap())?;
    let initial = a[2].filter(|v| !v.is_none());
    Ok(make(vm, Accumulate { it, func: a[1].unwrap_or(Value::None), total: None, initial }))
}

// -- chain -------------------------------------------------------------------------------------

struct Chain {
    source: Option<Value>,
    active: Option<Value>,
}

impl Step for Chain {
    const NAME: &'static str = "chain";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        while let Some(source) = self.source {
            let active = match self.active {
                Some(a) => a,
                None => {
                    let iterable = match vm.next(source) {
                        Ok(Some(x)) => x,
                        Ok(None) => {
                            self.source = None;
                            return Ok(None);
                        }
                        Err(e) => {
                            self.source = None;
                            return Err(e);
                        }
                    };
                    vm.roots.push(iterable);
                    match vm.get_iter(iterable) {
                        Ok(a) => {
                            vm.roots.push(a);
                            self.active = Some(a);
                            a
                        }
                        Err(e) => {
                            self.source = None;
                            return Err(e);
                        }
                    }
                }
            };
            if let Some(v) = vm.next(active)? {
                return Ok(Some(v));
            }
            self.active = None;
        }
        Ok(None)
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tvo(&self.source, out);
        tvo(&self.active, out);
    }
}

fn chain_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "chain", kw)?;
    let t = vm.new_tuple(args[1..].to_vec());
    vm.roots.push(t);
    let source = vm.get_iter(t);
    vm.roots.pop();
    let source = source?;
    Ok(make(vm, Chain { source: Some(source), active: None }))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let source = vm.get_iter(args[1])?;
    Ok(make(vm, Chain { source: Some(source), active: None }))
}

// -- compress, dropwhile, takewhile, filterfalse, starmap ------------------------------------

struct Compress {
    data: Value,
    selectors: Value,
}

impl Step for Compress {
    const NAME: &'static str = "compress";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(d) = vm.next(self.data)? else { return Ok(None) };
            vm.roots.push(d);
            let Some(s) = vm.next(self.selectors)? else { return Ok(None) };
            vm.roots.push(s);
            if vm.truthy(s)? {
                return Ok(Some(d));
            }
        }
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.data, out);
        tv(&self.selectors, out);
    }
}

fn compress_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "compress", &args[1..], kw, &["data", "selectors"], 2)?;
    let data = vm.get_iter(a[0].unwrap())?;
    vm.roots.push(data);
    let selectors = vm.get_iter(a[1].unwrap());
    vm.roots.pop();
    let selectors = selectors?;
    Ok(make(vm, Compress { data, selectors }))
}

/// Calls a predicate on an item (rooted by the caller) and tests the result.
fn pred_true(vm: &mut Vm, f: Value, v: Value) -> PyResult<bool> {
    let r = vm.call(f, &[v], &[])?;
    vm.truthy(r)
}

struct DropWhile {
    func: Value,
    it: Value,
    start: bool,
}

impl Step for DropWhile {
    const NAME: &'static str = "dropwhile";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(v) = vm.next(self.it)? else { return Ok(None) };
            if self.start {
                return Ok(Some(v));
            }
            vm.roots.push(v);
            if !pred_true(vm, self.func, v)? {
                self.start = true;
                return Ok(Some(v));
            }
        }
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.func, out);
        tv(&self.it, out);
    }
}

fn two_args(vm: &mut Vm, name: &str, args: &[Value], kw: Kw) -> PyResult<(Value, Value)> {
    no_keywords(vm, name, kw)?;
    let n = args.len() - 1;
    if n != 2 {
        return Err(vm.type_error(format!("{} expected 2 arguments, got {}", name, n)));
    }
    Ok((args[1], args[2]))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (func, seq) = two_args(vm, "dropwhile", args, kw)?;
    let it = vm.get_iter(seq)?;
    Ok(make(vm, DropWhile { func, it, start: false }))
}

struct TakeWhile {
    func: Value,
    it: Value,
    stop: bool,
}

impl Step for TakeWhile {
    const NAME: &'static str = "takewhile";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.stop {
            return Ok(None);
        }
        let Some(v) = vm.next(self.it)? else { return Ok(None) };
        vm.roots.push(v);
        if pred_true(vm, self.func, v)? {
            return Ok(Some(v));
        }
        self.stop = true;
        Ok(None)
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.func, out);
        tv(&self.it, out);
    }
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (func, seq) = two_args(vm, "takewhile", args, kw)?;
    let it = vm.get_iter(seq)?;
    Ok(make(vm, TakeWhile { func, it, stop: false }))
}

struct FilterFalse {
    func: Value,
    it: Value,
}

impl Step for FilterFalse {
    const NAME: &'static str = "filterfalse";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let plain = self.func.is_none() || self.func.as_obj().is_some_and(|o| o.ptr_eq(vm.types.bool_));
        loop {
            let Some(v) = vm.next(self.it)? else { return Ok(None) };
            vm.roots.push(v);
            let ok = if plain { vm.truthy(v)? } else { pred_true(vm, self.func, v)? };
            if !ok {
                return Ok(Some(v));
            }
        }
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.func, out);
        tv(&self.it, out);
    }
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (func, seq) = two_args(vm, "filterfalse", args, kw)?;
    let it = vm.get_iter(seq)?;
    Ok(make(vm, FilterFalse { func, it }))
}

struct StarMap {
    func: Value,
    it: Value,
}

impl Step for StarMap {
    const NAME: &'static str = "starmap";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(v) = vm.next(self.it)? else { return Ok(None) };
        vm.roots.push(v);
        let items = match v.as_obj().and_then(|o| o.as_tuple().map(|t| t.to_vec())) {
            Some(t) => t,
            None => {
                let items = vm.collect_iter(v)?;
                let t = vm.new_tuple(items.clone());
                vm.roots.push(t);
                items
            }
        };
        vm.call(self.func, &items, &[]).map(Some)
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.func, out);
        tv(&self.it, out);
    }
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (func, seq) = two_args(vm, "starmap", args, kw)?;
    let it = vm.get_iter(seq)?;
    Ok(make(vm, StarMap { func, it }))
}

// -- groupby -----------------------------------------------------------------------------------

struct GroupState {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Id of the current grouper (0: none); groupers with another id are finished.
    currgrouper: u64,
    next_id: u64,
}

impl GroupState {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.it, out);
        tv(&self.keyfunc, out);
        tvo(&self.tgtkey, out);
        tvo(&self.currkey, out);
        tvo(&self.currvalue, out);
    }
}

/// Advances the underlying iterator: sets currvalue and currkey. False when exhausted.
fn groupby_step(vm: &mut Vm, st: &Rc<RefCell<GroupState>>) -> PyResult<bool> {
    let (it, keyfunc) = {
        let s = st.borrow();
        (s.it, s.keyfunc)
    };
    let Some(v) = vm.next(it)? else { return Ok(false) };
    vm.roots.push(v);
    let k = if keyfunc.is_none() { v } else { vm.call(keyfunc, &[v], &[])? };
    vm.roots.push(k);
    let mut s = st.borrow_mut();
    s.currvalue = Some(v);
    s.currkey = Some(k);
    Ok(true)
}

struct GroupBy {
    st: Rc<RefCell<GroupState>>,
}

impl Step for GroupBy {
    const NAME: &'static str = "groupby";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        self.st.borrow_mut().currgrouper = 0;
        loop {
            let (tgt, cur) = {
                let s = self.st.borrow();
                (s.tgtkey, s.currkey)
            };
            if let Some(cur) = cur {
                match tgt {
                    None => break,
                    Some(t) => {
                        if !vm.eq(t, cur)? {
                            break;
                        }
                    }
                }
            }
            if !groupby_step(vm, &self.st)? {
                return Ok(None);
            }
        }
        let (key, id) = {
            let mut s = self.st.borrow_mut();
            s.tgtkey = s.currkey;
            s.next_id += 1;
            s.currgrouper = s.next_id;
            (s.currkey.unwrap(), s.next_id)
        };
        let g = make(vm, Grouper { st: self.st.clone(), id, tgtkey: key });
        Ok(Some(vm.new_tuple(vec![key, g])))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        self.st.borrow().trace(out);
    }
}

struct Grouper {
    st: Rc<RefCell<GroupState>>,
    id: u64,
    tgtkey: Value,
}

impl Step for Grouper {
    const NAME: &'static str = "_grouper";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.st.borrow().currgrouper != self.id {
            return Ok(None);
        }
        if self.st.borrow().currvalue.is_none() && !groupby_step(vm, &self.st)? {
            return Ok(None);
        }
        let cur = self.st.borrow().currkey.unwrap_or(Value::None);
        if !vm.eq(self.tgtkey, cur)? {
            return Ok(None);
        }
        let mut s = self.st.borrow_mut();
        let v = s.currvalue.take();
        s.currkey = None;
        Ok(v)
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tv(&self.tgtkey, out);
        self.st.borrow().trace(out);
    }
}

fn groupby_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "groupby", &args[1..], kw, &["iterable", "key"], 1)?;
    let it = vm.get_iter(a[0].unwrap())?;
    let st = GroupState {
        it,
        keyfunc: a[1].unwrap_or(Value::None),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        currgrouper: 0,
        next_id: 0,
    };
    Ok(make(vm, GroupBy { st: Rc::new(RefCell::new(st)) }))
}

// -- islice ------------------------------------------------------------------------------------

struct ISlice {
    it: Option<Value>,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}

impl Step for ISlice {
    const NAME: &'static str = "islice";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it else { return Ok(None) };
        while self.cnt < self.next {
            if self.cnt & 0xffff == 0 {
                vm.check_interrupt()?;
            }
            if vm.next(it)?.is_none() {
                self.it = None;
                return Ok(None);
            }
            self.cnt += 1;
        }
        if self.stop != -1 && self.cnt >= self.stop {
            self.it = None;
            return Ok(None);
        }
        let Some(v) = vm.next(it)? else {
            self.it = None;
            return Ok(None);
        };
        self.cnt += 1;
        let old = self.next;
        self.next = self.next.wrapping_add(self.step);
        if self.next < old || (self.stop != -1 && self.next > self.stop) {
            self.next = self.stop;
        }
        Ok(Some(v))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tvo(&self.it, out);
    }
}

/// CPython's `PyNumber_AsSsize_t` with errors turned into -1.
fn ssize_or_minus1(vm: &mut Vm, v: Value) -> i64 {
    match v {
        Value::Int(i) => i,
        _ => match index_big(vm, v) {
            Ok(b) => b.to_i64().unwrap_or(-1),
            Err(_) => -1,
        },
    }
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "islice", kw)?;
    let a = &args[1..];
    if a.len() < 2 || a.len() > 4 {
        let msg = if a.len() < 2 {
            format!("islice expected at least 2 arguments, got {}", a.len())
        } else {
            format!("islice expected at most 4 arguments, got {}", a.len())
        };
        return Err(vm.type_error(msg));
    }
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if a.len() == 2 {
        if !a[1].is_none() {
            stop = ssize_or_minus1(vm, a[1]);
            if stop == -1 {
                return Err(vm.value_error(stop_msg));
            }
        }
    } else {
        if !a[1].is_none() {
            start = ssize_or_minus1(vm, a[1]);
        }
        if !a[2].is_none() {
            stop = ssize_or_minus1(vm, a[2]);
            if stop == -1 {
                return Err(vm.value_error(stop_msg));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
    }
    if a.len() == 4 && !a[3].is_none() {
        step = ssize_or_minus1(vm, a[3]);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(a[0])?;
    Ok(make(vm, ISlice { it: Some(it), next: start, stop, step, cnt: 0 }))
}

// -- tee ---------------------------------------------------------------------------------------

struct TeeShared {
    it: Value,
    /// Items not yet read by every live tee; `buf[0]` is item number `base`.
    buf: Vec<Value>,
    base: usize,
    /// Position of each tee (None once the tee is freed).
    positions: Vec<Option<usize>>,
    exhausted: bool,
    running: bool,
}

struct Tee {
    shared: Rc<RefCell<TeeShared>>,
    id: usize,
}

impl Tee {
    fn new(shared: &Rc<RefCell<TeeShared>>, pos: usize) -> Tee {
        let mut s = shared.borrow_mut();
        s.positions.push(Some(pos));
        Tee { shared: shared.clone(), id: s.positions.len() - 1 }
    }
}

impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut s) = self.shared.try_borrow_mut() {
            s.positions[self.id] = None;
        }
    }
}

impl Step for Tee {
    const NAME: &'static str = "_tee";
    // Only a tee at the head of the buffer calls into Python, and then it roots the
    // source itself: the buffered items are traced by the tees that have still to read
    // them, which keeps a lagging tee's steps O(1).
    const CALLS: bool = false;
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let (pos, base, have, it, exhausted, running) = {
            let s = self.shared.borrow();
            (s.positions[self.id].unwrap_or(0), s.base, s.buf.len(), s.it, s.exhausted, s.running)
        };
        let v = if pos - base < have {
            self.shared.borrow().buf[pos - base]
        } else {
            if exhausted {
                return Ok(None);
            }
            if running {
                return Err(vm.runtime_error("cannot re-enter the tee iterator"));
            }
            self.shared.borrow_mut().running = true;
            vm.roots.push(it);
            let r = match vm.enter_native(" while calling a Python object") {
                Ok(()) => {
                    let r = vm.next(it);
                    vm.leave_native();
                    r
                }
                Err(e) => Err(e),
            };
            vm.roots.pop();
            let mut s = self.shared.borrow_mut();
            s.running = false;
            match r? {
                Some(v) => {
                    s.buf.push(v);
                    v
                }
                None => {
                    s.exhausted = true;
                    return Ok(None);
                }
            }
        };
        let mut s = self.shared.borrow_mut();
        s.positions[self.id] = Some(pos + 1);
        // Drop the items every live tee has read.
        let min = s.positions.iter().flatten().copied().min().unwrap_or(pos + 1);
        let done = min - s.base;
        if done >= 64 && done * 2 >= s.buf.len() {
            s.buf.drain(..done);
            s.base = min;
        }
        Ok(Some(v))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        let s = self.shared.borrow();
        tv(&s.it, out);
        let pos = s.positions[self.id].unwrap_or(s.base);
        // Only the items this tee has still to read matter to it; others are kept
        // alive by the tees that need them.
        let from = pos.saturating_sub(s.base).min(s.buf.len());
        s.buf[from..].iter().for_each(|v| tv(v, out));
    }
}

fn new_tee_group(vm: &mut Vm, it: Value, n: usize) -> Vec<Value> {
    let shared = Rc::new(RefCell::new(TeeShared {
        it,
        buf: Vec::new(),
        base: 0,
        positions: Vec::new(),
        exhausted: false,
        running: false,
    }));
    let mut out = Vec::with_capacity(n);
    let mark = vm.roots.len();
    for _ in 0..n {
        let t = Tee::new(&shared, 0);
        let v = make(vm, t);
        vm.roots.push(v);
        out.push(v);
    }
    vm.roots.truncate(mark);
    out
}

fn tee_fn(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "tee", kw)?;
    check_args(vm, "tee", args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => int_arg(vm, *v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let it = vm.get_iter(args[0])?;
    if n == 0 {
        return Ok(vm.new_tuple(vec![]));
    }
    vm.roots.push(it);
    let tees = new_tee_group(vm, it, n as usize);
    vm.roots.pop();
    Ok(vm.new_tuple(tees))
}

/// `itertools._tee(iterable)`: one tee over an iterable.
fn tee_type_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "_tee", kw)?;
    check_args(vm, "_tee", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    vm.roots.push(it);
    let t = new_tee_group(vm, it, 1);
    vm.roots.pop();
    Ok(t[0])
}

// -- zip_longest -------------------------------------------------------------------------------

struct ZipLongest {
    its: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}

impl Step for ZipLongest {
    const NAME: &'static str = "zip_longest";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(self.its.len());
        for i in 0..self.its.len() {
            let item = match self.its[i] {
                None => self.fill,
                Some(it) => match vm.next(it) {
                    Ok(Some(v)) => v,
                    Ok(None) => {
                        self.active -= 1;
                        if self.active == 0 {
                            return Ok(None);
                        }
                        self.its[i] = None;
                        self.fill
                    }
                    Err(e) => {
                        self.active = 0;
                        return Err(e);
                    }
                },
            };
            vm.roots.push(item);
            items.push(item);
        }
        Ok(Some(vm.new_tuple(items)))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        self.its.iter().for_each(|v| tvo(v, out));
        tv(&self.fill, out);
    }
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut fill = Value::None;
    for (k, v) in kw {
        if k.as_str() == Some("fillvalue") {
            fill = *v;
        } else {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
    }
    let mark = vm.roots.len();
    let mut its = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        match vm.get_iter(*a) {
            Ok(it) => {
                vm.roots.push(it);
                its.push(Some(it));
            }
            Err(e) => {
                vm.roots.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.roots.truncate(mark);
    let active = its.len();
    Ok(make(vm, ZipLongest { its, active, fill }))
}

// -- pairwise ----------------------------------------------------------------------------------

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}

impl Step for Pairwise {
    const NAME: &'static str = "pairwise";
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it else { return Ok(None) };
        let old = match self.old {
            Some(o) => o,
            None => match vm.next(it)? {
                Some(o) => {
                    self.old = Some(o);
                    vm.roots.push(o);
                    o
                }
                None => {
                    self.it = None;
                    return Ok(None);
                }
            },
        };
        match vm.next(it)? {
            Some(new) => {
                self.old = Some(new);
                Ok(Some(vm.new_tuple(vec![old, new])))
            }
            None => {
                self.it = None;
                self.old = None;
                Ok(None)
            }
        }
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        tvo(&self.it, out);
        tvo(&self.old, out);
    }
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "pairwise", kw)?;
    check_args(vm, "pairwise", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    Ok(make(vm, Pairwise { it: Some(it), old: None }))
}

// -- Combinatorics -----------------------------------------------------------------------------

/// `tuple(iterable)` as a Vec (items rooted only until the caller stores them).
fn pool_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    vm.collect_iter(v)
}

struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl Step for Product {
    const NAME: &'static str = "product";
    const CALLS: bool = false;
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.stopped {
            return Ok(None);
        }
        if !self.started {
            self.started = true;
            if self.pools.iter().any(|p| p.is_empty()) {
                self.stopped = true;
                return Ok(None);
            }
        } else {
            let mut i = self.pools.len();
            loop {
                if i == 0 {
                    self.stopped = true;
                    return Ok(None);
                }
                i -= 1;
                self.indices[i] += 1;
                if self.indices[i] == self.pools[i].len() {
                    self.indices[i] = 0;
                } else {
                    break;
                }
            }
        }
        let items: Vec<Value> = self.pools.iter().zip(&self.indices).map(|(p, &i)| p[i]).collect();
        Ok(Some(vm.new_tuple(items)))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        for p in &self.pools {
            p.iter().for_each(|v| tv(v, out));
        }
    }
}

fn product_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut repeat = 1i64;
    for (k, v) in kw {
        if k.as_str() == Some("repeat") {
            repeat = int_arg(vm, *v)?;
        } else {
            return Err(
                vm.type_error(format!("product() got an unexpected keyword argument '{}'", k.as_str().unwrap_or("")))
            );
        }
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let nargs = args.len() - 1;
    if repeat > 0 && nargs > 0 && (repeat as usize).checked_mul(nargs).is_none_or(|n| n > (1 << 28)) {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let mark = vm.roots.len();
    let mut base: Vec<Vec<Value>> = Vec::with_capacity(nargs);
    for a in &args[1..] {
        match pool_of(vm, *a) {
            Ok(p) => {
                vm.roots.extend_from_slice(&p);
                base.push(p);
            }
            Err(e) => {
                vm.roots.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.roots.truncate(mark);
    let total: usize = base.iter().map(|p| p.len()).sum();
    if total.saturating_mul(repeat as usize) > (1 << 28) {
        let c = vm.exc.MemoryError;
        return Err(vm.err(c, ""));
    }
    let mut pools = Vec::with_capacity(nargs * repeat as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(make(vm, Product { pools, indices: vec![0; n], started: false, stopped: false }))
}

/// The optional `r` argument of permutations / required of combinations.
fn r_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let r = match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => {
            let b = match index_big(vm, v) {
                Ok(b) => b,
                Err(_) => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
                }
            };
            if b.is_negative() {
                -1
            } else {
                b.to_i64().unwrap_or(i64::MAX)
            }
        }
    };
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(r)
}

struct Permutations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl Step for Permutations {
    const NAME: &'static str = "permutations";
    const CALLS: bool = false;
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.stopped {
            return Ok(None);
        }
        let n = self.pool.len();
        let r = self.r;
        if !self.started {
            self.started = true;
            if r > n {
                self.stopped = true;
                return Ok(None);
            }
        } else {
            if n == 0 {
                self.stopped = true;
                return Ok(None);
            }
            let mut i = r;
            loop {
                if i == 0 {
                    self.stopped = true;
                    return Ok(None);
                }
                i -= 1;
                self.cycles[i] -= 1;
                if self.cycles[i] == 0 {
                    let idx = self.indices[i];
                    self.indices[i..].rotate_left(1);
                    self.indices[n - 1] = idx;
                    self.cycles[i] = n - i;
                } else {
                    let j = self.cycles[i];
                    self.indices.swap(i, n - j);
                    break;
                }
            }
        }
        let items: Vec<Value> = self.indices[..r].iter().map(|&i| self.pool[i]).collect();
        Ok(Some(vm.new_tuple(items)))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        self.pool.iter().for_each(|v| tv(v, out));
    }
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "permutations", &args[1..], kw, &["iterable", "r"], 1)?;
    let pool = pool_of(vm, a[0].unwrap())?;
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(&pool);
    let r = match a[1] {
        None | Some(Value::None) => Ok(pool.len() as i64),
        Some(v) => {
            if !matches!(v, Value::Int(_)) && crate::builtins::num::int_value(v).is_none() {
                vm.roots.truncate(mark);
                return Err(vm.type_error("Expected int as r"));
            }
            r_arg(vm, v)
        }
    };
    vm.roots.truncate(mark);
    let r = r? as usize;
    let n = pool.len();
    let r = r.min(n + 1);
    let cycles = if r <= n { (n - r + 1..=n).rev().collect() } else { vec![] };
    Ok(make(vm, Permutations { pool, r, indices: (0..n).collect(), cycles, started: false, stopped: false }))
}

struct Combinations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
    replace: bool,
}

impl Step for Combinations {
    const NAME: &'static str = "combinations";
    const CALLS: bool = false;
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.stopped {
            return Ok(None);
        }
        let n = self.pool.len();
        let r = self.r;
        if !self.started {
            self.started = true;
            let empty = if self.replace { n == 0 && r > 0 } else { r > n };
            if empty {
                self.stopped = true;
                return Ok(None);
            }
        } else if self.replace {
            let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
                self.stopped = true;
                return Ok(None);
            };
            let v = self.indices[i] + 1;
            self.indices[i..].iter_mut().for_each(|x| *x = v);
        } else {
            let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
                self.stopped = true;
                return Ok(None);
            };
            self.indices[i] += 1;
            for j in i + 1..r {
                self.indices[j] = self.indices[j - 1] + 1;
            }
        }
        let items: Vec<Value> = self.indices.iter().map(|&i| self.pool[i]).collect();
        Ok(Some(vm.new_tuple(items)))
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        self.pool.iter().for_each(|v| tv(v, out));
    }
}

/// `combinations_with_replacement` shares `Combinations`' state with another type name.
struct Cwr(Combinations);

impl Step for Cwr {
    const NAME: &'static str = "combinations_with_replacement";
    const CALLS: bool = false;
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        self.0.step(vm)
    }
    fn trace(&self, out: &mut Vec<ObjRef>) {
        self.0.trace(out);
    }
}

fn combinations_state(vm: &mut Vm, name: &str, args: &[Value], kw: Kw, replace: bool) -> PyResult<Combinations> {
    let a = bind(vm, name, &args[1..], kw, &["iterable", "r"], 2)?;
    let pool = pool_of(vm, a[0].unwrap())?;
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(&pool);
    let r = r_arg(vm, a[1].unwrap());
    vm.roots.truncate(mark);
    let r = r? as usize;
    let n = pool.len();
    if !replace && r > n {
        return Ok(Combinations { pool, r, indices: vec![], started: true, stopped: true, replace });
    }
    if replace && n == 0 && r > 0 {
        return Ok(Combinations { pool, r, indices: vec![], started: true, stopped: true, replace });
    }
    if r > (1 << 28) {
        let c = vm.exc.MemoryError;
        return Err(vm.err(c, ""));
    }
    let indices = if replace { vec![0; r] } else { (0..r).collect() };
    Ok(Combinations { pool, r, indices, started: false, stopped: false, replace })
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let st = combinations_state(vm, "combinations", args, kw, false)?;
    Ok(make(vm, st))
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let st = combinations_state(vm, "combinations_with_replacement", args, kw, true)?;
    Ok(make(vm, Cwr(st)))
}
