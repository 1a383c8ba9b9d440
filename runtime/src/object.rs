//! Heap object layouts: one `Kind` variant per built-in object layout, with the tracing
//! the collector needs. Behaviour (Python semantics) lives in `ops` and `builtins`;
//! this file only says what objects hold.

use crate::bytecode::CodeObject;
use crate::dict::Dict;
use crate::heap::{Header, ObjRef};
use crate::set::SetTable;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A heap object: GC header plus its layout.
pub struct Obj {
    pub(crate) header: Header,
    pub kind: Kind,
}

/// The signature of every native (Rust) function callable from Python: positional
/// arguments (for methods, `args[0]` is self) and keyword arguments as (name, value)
/// pairs with interned str names. The argument values stay rooted on the VM stack for
/// the duration of the call.
pub type NativeFn = fn(&mut Vm, &[Value], &[(ObjRef, Value)]) -> crate::value::PyResult<Value>;

/// Every object layout.
pub enum Kind {
    Str(Str),
    BigInt(BigInt),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(Box<RefCell<Dict>>),
    Set(RefCell<SetTable>),
    FrozenSet(SetTable),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Range(Range),
    Slice(Value, Value, Value),
    Function(Box<Function>),
    Native(Native),
    /// A function bound to its first argument: `(function, self)`.
    BoundMethod(Value, Value),
    Code(Rc<Code>),
    Class(Box<Class>),
    Instance(Instance),
    Module(Module),
    Cell(Cell<Value>),
    Iter(RefCell<IterState>),
    Generator(Box<RefCell<Generator>>),
    Property(Box<Property>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(type, obj)`: (the class to start after, the object or class).
    Super(Value, Value),
    /// A unique named object: NotImplemented, Ellipsis.
    Singleton(&'static str),
}

impl Kind {
    /// Large layouts are boxed so that every object stays small (see `Obj` size test).
    pub fn new_dict(d: RefCell<Dict>) -> Kind {
        Kind::Dict(Box::new(d))
    }
    pub fn new_class(c: Class) -> Kind {
        Kind::Class(Box::new(c))
    }
    pub fn new_function(f: Function) -> Kind {
        Kind::Function(Box::new(f))
    }
    pub fn new_generator(g: RefCell<Generator>) -> Kind {
        Kind::Generator(Box::new(g))
    }
    pub fn new_property(p: Property) -> Kind {
        Kind::Property(Box::new(p))
    }
}

impl Payload {
    pub fn new_exception(e: RefCell<ExcData>) -> Payload {
        Payload::Exception(Box::new(e))
    }
}

/// An immutable Unicode string.
pub struct Str {
    pub s: Box<str>,
    /// Number of code points.
    pub nchars: usize,
    hash: Cell<i64>,
}

impl Str {
    pub fn new(s: Box<str>) -> Str {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        Str { s, nchars, hash: Cell::new(-1) }
    }

    /// Whether indexing by code point is indexing by byte.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }

    /// The string's hash (cached). Never -1.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::ops::hash_str(&self.s);
        self.hash.set(h);
        h
    }
}

/// `range(start, stop, step)` with i64 bounds.
#[derive(Clone, Copy, Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// A code object as the runtime uses it: the compiled code plus its constants and names
/// turned into values.
pub struct Code {
    pub co: Rc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `co.names`, interned.
    pub names: Box<[ObjRef]>,
    /// `co.varnames`, interned (for keyword argument binding).
    pub varnames: Box<[ObjRef]>,
    /// For each cellvar, the varnames slot of the parameter it shadows, if any.
    pub cell_params: Box<[Option<u32>]>,
    /// Whether calls can take the fast path (arguments bound by `Vm::call_layout`, then
    /// laid out by `push_callee_locals`): positional-or-keyword parameters only (no
    /// `*args`, `**kwargs` or keyword-only ones), not a generator.
    pub simple: bool,
    /// Per-loop hotness counters for the JIT (indexed by instruction).
    pub hot: RefCell<Vec<u16>>,
    /// One inline cache per instruction (used by LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and
    /// LOAD_METHOD).
    pub caches: Box<[Cell<InlineCache>]>,
    /// Older entries of the attribute caches (LOAD_ATTR, STORE_ATTR, LOAD_METHOD) of
    /// sites that see several classes or shapes; `caches` holds the newest.
    pub caches_more: Box<[[Cell<InlineCache>; 3]]>,
}

/// An instruction's inline cache. What the fields mean depends on the instruction; a
/// cache is only trusted after its keys (class, class epoch, shape, dict versions) match.
#[derive(Clone, Copy, Debug)]
pub struct InlineCache {
    /// Class address (attributes) or globals dict address (LOAD_GLOBAL); 0 = empty.
    pub key: usize,
    /// `Vm::class_epoch` (attributes) or the globals dict's version (LOAD_GLOBAL).
    pub epoch: u64,
    /// The builtins dict's version (LOAD_GLOBAL).
    pub epoch2: u64,
    /// The instance shape the entry is for.
    pub shape: u32,
    /// Slot index, or dict entry position (u32::MAX: found in builtins).
    pub slot: u32,
    /// STORE_ATTR adding an attribute: the shape after the store (u32::MAX: none).
    pub new_shape: u32,
    /// A cached value (LOAD_METHOD's function, LOAD_ATTR's class attribute).
    pub value: Value,
}

impl Default for InlineCache {
    fn default() -> Self {
        InlineCache { key: 0, epoch: 0, epoch2: 0, shape: 0, slot: 0, new_shape: u32::MAX, value: Value::Undef }
    }
}

/// A Python function.
pub struct Function {
    pub code: ObjRef,
    pub globals: ObjRef,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub defaults: Cell<Value>,
    pub kwdefaults: Cell<Value>,
    pub closure: Box<[ObjRef]>,
    /// Function attributes (`f.__dict__`), created on first store.
    pub dict: Cell<Option<ObjRef>>,
    pub module: Value,
    pub doc: Cell<Value>,
}

/// A built-in function or method implemented in Rust.
pub struct Native {
    pub name: &'static str,
    /// The type this is a method of (for repr and `__qualname__`), if any.
    pub owner: Option<&'static str>,
    pub f: NativeFn,
    /// For functions of a native module or bound builtins: the bound self (Undef if none).
    pub bound: Value,
}

/// How instances of a class are laid out beyond their attribute slots.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BaseKind {
    /// Plain objects.
    Object,
    /// BaseException and subclasses: instances carry `ExcData`.
    Exception,
    /// A subclass of a built-in value type (int, str, list, dict, ...): instances carry
    /// the underlying built-in value in `Payload::Builtin`.
    Builtin,
}

/// A class (also used for the built-in types).
pub struct Class {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub module: RefCell<String>,
    pub bases: RefCell<Vec<ObjRef>>,
    pub mro: RefCell<Vec<ObjRef>>,
    /// The class namespace (a dict object).
    pub dict: ObjRef,
    pub base_kind: BaseKind,
    /// For built-in types: constructs a new value from the call arguments (`int("3")`).
    /// Subclasses of built-in types inherit it.
    pub construct: Cell<Option<NativeFn>>,
    /// True for the built-in types (their dict is not writable from Python).
    pub builtin: bool,
    /// Bumped on every change to the class or a base: caches and JIT guards check it.
    pub version: Cell<u64>,
    /// Cached lookups of special methods along the MRO (None = not cached yet).
    pub cache: RefCell<rustc_hash::FxHashMap<usize, Option<Value>>>,
    /// The metaclass, when it is not `type` (a class made by a subclass of `type`).
    pub meta: Cell<Option<ObjRef>>,
}

/// A user-defined object: attribute values in slots laid out by a shared shape.
pub struct Instance {
    pub class: Cell<ObjRef>,
    pub shape: Cell<u32>,
    pub slots: RefCell<Vec<Value>>,
    pub payload: Payload,
}

/// Extra state of instances of special classes.
pub enum Payload {
    None,
    Exception(Box<RefCell<ExcData>>),
    /// The built-in value a subclass of int/str/list/dict/... wraps.
    Builtin(Cell<Value>),
    /// An `array.array`: typecode and unboxed items (behaviour in `modules/array.rs`).
    Array(Box<RefCell<ArrayData>>),
}

/// The items of an `array.array`, stored as native-endian machine values.
pub struct ArrayData {
    /// The typecode (`b'd'`, `b'i'`, ...).
    pub code: u8,
    /// `len * itemsize` bytes.
    pub bytes: Vec<u8>,
}

/// One traceback entry: a code object and the line being executed.
#[derive(Clone, Copy, Debug)]
pub struct TbEntry {
    pub code: ObjRef,
    pub line: u32,
}

/// The state of an exception instance.
pub struct ExcData {
    pub args: Value,
    /// Innermost entry last.
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// A module: a name and a namespace dict.
pub struct Module {
    pub name: String,
    pub dict: ObjRef,
}

/// A property descriptor.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// The suspended state of a generator: its frame, moved to the heap.
pub struct Generator {
    pub func: ObjRef,
    pub code: ObjRef,
    pub globals: ObjRef,
    pub pc: usize,
    /// Frame slots (locals, cells, free vars) followed by the saved value stack.
    pub saved: Vec<Value>,
    pub running: bool,
    pub finished: bool,
    pub started: bool,
    /// Handled-exception stack depth entries saved while suspended.
    pub exc_state: Vec<Value>,
}

/// A native iterator defined outside this file (itertools and friends).
pub trait NativeIter {
    /// The next item, `None` when exhausted.
    fn next(&mut self, vm: &mut Vm) -> crate::value::PyResult<Option<Value>>;
    /// Reports every object the iterator holds.
    fn trace(&self, out: &mut Vec<ObjRef>);
    /// The type name shown by `type(it).__name__`.
    fn type_name(&self) -> &'static str;
    /// The arguments shown by `repr(it)` as `name(arg, ...)`, for iterators whose repr
    /// is their constructor call (itertools.count, itertools.repeat); None shows
    /// `<name object at 0x...>`. An int argument is shown as a number.
    fn repr_args(&self) -> Option<Vec<Value>> {
        None
    }
}

/// The state of a built-in iterator.
pub enum IterState {
    /// Over a list, tuple, or any object indexed by position.
    Seq {
        seq: Value,
        idx: usize,
    },
    /// Over a str, by byte offset.
    Str {
        s: ObjRef,
        pos: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// Over a dict: what (0 keys, 1 values, 2 items), entry index, expected length.
    Dict {
        dict: ObjRef,
        idx: usize,
        what: u8,
        len: usize,
    },
    /// Over a set's table, slot index, expected length.
    Set {
        set: ObjRef,
        idx: usize,
        len: usize,
    },
    Reversed {
        seq: Value,
        idx: usize,
    },
    /// Calls `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
    GetItem {
        obj: Value,
        idx: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        f: Value,
        sentinel: Value,
    },
    Enumerate {
        it: Value,
        n: Value,
    },
    Zip {
        its: Vec<Value>,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    Dyn(Box<dyn NativeIter>),
    Exhausted,
}

impl IterState {
    /// The Python type name of the iterator.
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::Seq { seq, .. } => match seq {
                Value::Obj(o) => match o.kind() {
                    Kind::List(_) => "list_iterator",
                    Kind::Tuple(_) => "tuple_iterator",
                    Kind::Bytes(_) => "bytes_iterator",
                    Kind::ByteArray(_) => "bytearray_iterator",
                    _ => "iterator",
                },
                _ => "iterator",
            },
            IterState::Str { s, .. } => match s.kind() {
                Kind::Str(st) if st.is_ascii() => "str_ascii_iterator",
                _ => "str_iterator",
            },
            IterState::Range { .. } => "range_iterator",
            IterState::Dict { what: 0, .. } => "dict_keyiterator",
            IterState::Dict { what: 1, .. } => "dict_valueiterator",
            IterState::Dict { .. } => "dict_itemiterator",
            IterState::Set { .. } => "set_iterator",
            IterState::Reversed { seq: Value::Obj(o), .. } if matches!(o.kind(), Kind::List(_)) => {
                "list_reverseiterator"
            }
            IterState::Reversed { .. } => "reversed",
            IterState::GetItem { .. } => "iterator",
            IterState::Callable { .. } => "callable_iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Dyn(d) => d.type_name(),
            IterState::Exhausted => "iterator",
        }
    }
}

#[inline]
fn push_val(v: &Value, out: &mut Vec<ObjRef>) {
    if let Value::Obj(o) = v {
        out.push(*o);
    }
}

impl Kind {
    /// The variant's name, for debugging.
    pub fn variant_name(&self) -> &'static str {
        match self {
            Kind::Str(_) => "str",
            Kind::BigInt(_) => "int",
            Kind::Tuple(_) => "tuple",
            Kind::List(_) => "list",
            Kind::Dict(_) => "dict",
            Kind::Set(_) => "set",
            Kind::FrozenSet(_) => "frozenset",
            Kind::Bytes(_) => "bytes",
            Kind::ByteArray(_) => "bytearray",
            Kind::Range(_) => "range",
            Kind::Slice(..) => "slice",
            Kind::Function(_) => "function",
            Kind::Native(_) => "builtin_function_or_method",
            Kind::BoundMethod(..) => "method",
            Kind::Code(_) => "code",
            Kind::Class(_) => "type",
            Kind::Instance(_) => "instance",
            Kind::Module(_) => "module",
            Kind::Cell(_) => "cell",
            Kind::Iter(_) => "iterator",
            Kind::Generator(_) => "generator",
            Kind::Property(_) => "property",
            Kind::StaticMethod(_) => "staticmethod",
            Kind::ClassMethod(_) => "classmethod",
            Kind::Super(..) => "super",
            Kind::Singleton(_) => "singleton",
        }
    }

    /// Approximate bytes owned outside the `Obj` itself (for the GC trigger).
    pub fn extra_size(&self) -> usize {
        match self {
            Kind::Str(s) => s.s.len(),
            Kind::BigInt(b) => b.bits() as usize / 8,
            Kind::Tuple(t) => t.len() * 16,
            Kind::List(l) => l.borrow().capacity() * 16,
            Kind::Dict(d) => d.borrow().capacity() * 48,
            Kind::Set(s) => s.borrow().capacity() * 24,
            Kind::FrozenSet(s) => s.capacity() * 24,
            Kind::Bytes(b) => b.len(),
            Kind::ByteArray(b) => b.borrow().capacity(),
            Kind::Instance(i) => {
                i.slots.borrow().capacity() * 16
                    + match &i.payload {
                        Payload::Array(a) => a.borrow().bytes.capacity(),
                        _ => 0,
                    }
            }
            Kind::Generator(g) => g.borrow().saved.capacity() * 16,
            _ => 0,
        }
    }

    /// Pushes every object this one references (for marking).
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        match self {
            Kind::Str(_) | Kind::BigInt(_) | Kind::Bytes(_) | Kind::ByteArray(_) => {}
            Kind::Range(_) | Kind::Singleton(_) => {}
            Kind::Tuple(items) => items.iter().for_each(|v| push_val(v, out)),
            Kind::List(items) => items.borrow().iter().for_each(|v| push_val(v, out)),
            Kind::Dict(d) => d.borrow().trace(out),
            Kind::Set(s) => s.borrow().trace(out),
            Kind::FrozenSet(s) => s.trace(out),
            Kind::Slice(a, b, c) => {
                push_val(a, out);
                push_val(b, out);
                push_val(c, out);
            }
            Kind::Function(f) => {
                out.push(f.code);
                out.push(f.globals);
                push_val(&f.name.get(), out);
                push_val(&f.qualname.get(), out);
                push_val(&f.defaults.get(), out);
                push_val(&f.kwdefaults.get(), out);
                out.extend(f.closure.iter().copied());
                if let Some(d) = f.dict.get() {
                    out.push(d);
                }
                push_val(&f.module, out);
                push_val(&f.doc.get(), out);
            }
            Kind::Native(n) => push_val(&n.bound, out),
            Kind::BoundMethod(f, s) => {
                push_val(f, out);
                push_val(s, out);
            }
            Kind::Code(c) => {
                c.caches.iter().for_each(|e| push_val(&e.get().value, out));
                c.consts.iter().for_each(|v| push_val(v, out));
                out.extend(c.names.iter().copied());
                out.extend(c.varnames.iter().copied());
            }
            Kind::Class(c) => {
                out.extend(c.bases.borrow().iter().copied());
                out.extend(c.mro.borrow().iter().copied());
                out.push(c.dict);
                if let Some(m) = c.meta.get() {
                    out.push(m);
                }
                for v in c.cache.borrow().values().flatten() {
                    push_val(v, out);
                }
            }
            Kind::Instance(i) => {
                out.push(i.class.get());
                i.slots.borrow().iter().for_each(|v| push_val(v, out));
                match &i.payload {
                    Payload::None | Payload::Array(_) => {}
                    Payload::Builtin(v) => push_val(&v.get(), out),
                    Payload::Exception(e) => {
                        let e = e.borrow();
                        push_val(&e.args, out);
                        push_val(&e.cause, out);
                        push_val(&e.context, out);
                        out.extend(e.traceback.iter().map(|t| t.code));
                    }
                }
            }
            Kind::Module(m) => out.push(m.dict),
            Kind::Cell(c) => push_val(&c.get(), out),
            Kind::Iter(it) => match &*it.borrow() {
                IterState::Seq { seq, .. } => push_val(seq, out),
                IterState::Str { s, .. } => out.push(*s),
                IterState::Range { .. } | IterState::Exhausted => {}
                IterState::Dict { dict, .. } => out.push(*dict),
                IterState::Set { set, .. } => out.push(*set),
                IterState::Reversed { seq, .. } => push_val(seq, out),
                IterState::GetItem { obj, .. } => push_val(obj, out),
                IterState::Callable { f, sentinel } => {
                    push_val(f, out);
                    push_val(sentinel, out);
                }
                IterState::Enumerate { it, n } => {
                    push_val(it, out);
                    push_val(n, out);
                }
                IterState::Zip { its } => its.iter().for_each(|v| push_val(v, out)),
                IterState::Map { f, its } => {
                    push_val(f, out);
                    its.iter().for_each(|v| push_val(v, out));
                }
                IterState::Filter { f, it } => {
                    push_val(f, out);
                    push_val(it, out);
                }
                IterState::Dyn(d) => d.trace(out),
            },
            Kind::Generator(g) => {
                let g = g.borrow();
                out.push(g.func);
                out.push(g.code);
                out.push(g.globals);
                g.saved.iter().for_each(|v| push_val(v, out));
                g.exc_state.iter().for_each(|v| push_val(v, out));
            }
            Kind::Property(p) => {
                push_val(&p.fget, out);
                push_val(&p.fset, out);
                push_val(&p.fdel, out);
                push_val(&p.doc, out);
            }
            Kind::StaticMethod(f) | Kind::ClassMethod(f) => push_val(f, out),
            Kind::Super(a, b) => {
                push_val(a, out);
                push_val(b, out);
            }
        }
    }
}

impl Obj {
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(&s.s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_class(&self) -> Option<&Class> {
        match &self.kind {
            Kind::Class(c) => Some(c),
            _ => None,
        }
    }

    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match &self.kind {
            Kind::Tuple(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn as_dict(&self) -> Option<&RefCell<Dict>> {
        match &self.kind {
            Kind::Dict(d) => Some(d),
            _ => None,
        }
    }

    #[inline]
    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match &self.kind {
            Kind::List(l) => Some(l),
            _ => None,
        }
    }

    #[inline]
    pub fn as_code(&self) -> Option<&Rc<Code>> {
        match &self.kind {
            Kind::Code(c) => Some(c),
            _ => None,
        }
    }

    #[inline]
    pub fn as_function(&self) -> Option<&Function> {
        match &self.kind {
            Kind::Function(f) => Some(f),
            _ => None,
        }
    }

    #[inline]
    pub fn as_instance(&self) -> Option<&Instance> {
        match &self.kind {
            Kind::Instance(i) => Some(i),
            _ => None,
        }
    }

    /// The exception state, if this is an exception instance.
    #[inline]
    pub fn exc_data(&self) -> Option<&RefCell<ExcData>> {
        match &self.kind {
            Kind::Instance(Instance { payload: Payload::Exception(e), .. }) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn objects_stay_small() {
        // Every heap object pays for the largest layout: keep big ones boxed.
        assert!(std::mem::size_of::<super::Obj>() <= 80, "Obj is {} bytes", std::mem::size_of::<super::Obj>());
    }
}
