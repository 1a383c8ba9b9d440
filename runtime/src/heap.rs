//! The GC heap: allocation of objects and a non-moving mark-sweep collector with
//! precise roots.
//!
//! # Invariants (read before touching `unsafe` here)
//!
//! * Every `ObjRef` points to a live `Obj` allocated by `Heap::alloc`. Objects are freed
//!   only by `Heap::sweep`, which runs only from `Vm::collect`, which runs only at
//!   interpreter safepoints (loop back-edges and function entry) or on `gc.collect()`.
//! * At a safepoint every object that Rust code still uses is reachable from a root:
//!   the VM value stack and frames, module table, builtins, interned strings, type
//!   objects, the handled-exception stack, and `Vm::roots` (the explicit root stack
//!   where native code that calls back into Python parks the values it holds).
//!   Native code that holds an `ObjRef` in a Rust local across a call into Python must
//!   root it there first.
//! * Objects are never moved, so an `ObjRef` stays valid as long as the object is alive.
//! * The VM is single-threaded: `ObjRef` is neither `Send` nor `Sync`.

use crate::object::{Kind, Obj};
use std::cell::Cell;
use std::fmt;
use std::ptr::NonNull;

/// A reference to a heap object. Copyable; equality of references is identity.
#[derive(Copy, Clone)]
pub struct ObjRef(NonNull<Obj>);

impl ObjRef {
    /// Identity comparison.
    #[inline]
    pub fn ptr_eq(self, other: ObjRef) -> bool {
        self.0 == other.0
    }

    /// The address, used for `id()` and identity hashing.
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }

    /// The raw pointer, for compiled code.
    #[inline]
    pub fn as_ptr(self) -> *mut Obj {
        self.0.as_ptr()
    }

    /// Rebuilds a reference from a pointer obtained from `as_ptr`.
    ///
    /// # Safety
    /// `p` must come from `ObjRef::as_ptr` of an object that is still alive.
    #[inline]
    pub unsafe fn from_ptr(p: *mut Obj) -> ObjRef {
        // SAFETY: the caller guarantees p came from a live ObjRef, so it is non-null.
        ObjRef(unsafe { NonNull::new_unchecked(p) })
    }
}

/// Accessors whose result lives as long as the object (not the `ObjRef` copy): by the
/// module invariants the object outlives any use made of it before the next safepoint.
impl ObjRef {
    /// The object.
    #[inline]
    pub fn obj<'a>(self) -> &'a Obj {
        // SAFETY: see the module invariants; the object stays alive at least until the
        // next safepoint, and callers do not keep the reference across one.
        unsafe { &*self.0.as_ptr() }
    }

    #[inline]
    pub fn kind<'a>(self) -> &'a crate::object::Kind {
        &self.obj().kind
    }

    #[inline]
    pub fn as_str<'a>(self) -> Option<&'a str> {
        self.obj().as_str()
    }

    #[inline]
    pub fn as_class<'a>(self) -> Option<&'a crate::object::Class> {
        self.obj().as_class()
    }

    #[inline]
    pub fn as_tuple<'a>(self) -> Option<&'a [crate::value::Value]> {
        self.obj().as_tuple()
    }

    #[inline]
    pub fn as_dict<'a>(self) -> Option<&'a std::cell::RefCell<crate::dict::Dict>> {
        self.obj().as_dict()
    }

    #[inline]
    pub fn as_list<'a>(self) -> Option<&'a std::cell::RefCell<Vec<crate::value::Value>>> {
        self.obj().as_list()
    }

    #[inline]
    pub fn as_code<'a>(self) -> Option<&'a std::rc::Rc<crate::object::Code>> {
        self.obj().as_code()
    }

    #[inline]
    pub fn as_function<'a>(self) -> Option<&'a crate::object::Function> {
        self.obj().as_function()
    }

    #[inline]
    pub fn as_instance<'a>(self) -> Option<&'a crate::object::Instance> {
        self.obj().as_instance()
    }

    #[inline]
    pub fn exc_data<'a>(self) -> Option<&'a std::cell::RefCell<crate::object::ExcData>> {
        self.obj().exc_data()
    }
}

impl std::ops::Deref for ObjRef {
    type Target = Obj;
    #[inline]
    fn deref(&self) -> &Obj {
        // SAFETY: by the module invariants, an ObjRef held by running Rust code points
        // to a live object: objects are freed only at safepoints, when every reference
        // still in use is reachable from a root.
        unsafe { self.0.as_ref() }
    }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ObjRef({:p}: {})", self.0.as_ptr(), self.kind.variant_name())
    }
}

/// The per-object GC header.
pub struct Header {
    marked: Cell<bool>,
    /// Free for the JIT: its classification of the object's (immutable) kind, cached at
    /// first use (0: not yet), which compiled code reads instead of calling back.
    jit_kind: Cell<u8>,
}

impl Header {
    pub(crate) fn new() -> Header {
        Header { marked: Cell::new(false), jit_kind: Cell::new(0) }
    }
}

impl crate::object::Obj {
    /// The JIT's cache of its classification of this object's kind (see `Header`).
    pub fn jit_kind(&self) -> &Cell<u8> {
        &self.header.jit_kind
    }
}

/// Statistics the `gc` module and the memory tests read.
#[derive(Clone, Copy, Debug, Default)]
pub struct HeapStats {
    /// Objects currently allocated.
    pub live_objects: usize,
    /// Approximate bytes currently allocated.
    pub live_bytes: usize,
    /// The largest `live_bytes` seen right after a collection or allocation.
    pub peak_bytes: usize,
    /// Collections run so far.
    pub collections: u64,
    /// Objects freed by the last collection.
    pub last_freed: usize,
}

/// All heap objects and the collection trigger.
pub struct Heap {
    objects: Vec<NonNull<Obj>>,
    bytes: usize,
    threshold: usize,
    /// Set when enough has been allocated since the last collection; the interpreter
    /// collects at its next safepoint.
    pub wanted: bool,
    pub stats: HeapStats,
}

const MIN_THRESHOLD: usize = 8 << 20;

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::with_capacity(1 << 16),
            bytes: 0,
            threshold: MIN_THRESHOLD,
            wanted: false,
            stats: HeapStats::default(),
        }
    }

    /// Allocates an object. Never collects (collection only happens at safepoints).
    #[inline]
    pub fn alloc(&mut self, kind: Kind) -> ObjRef {
        let size = std::mem::size_of::<Obj>() + kind.extra_size();
        let b = Box::new(Obj { header: Header::new(), kind });
        // SAFETY: Box::into_raw never returns null.
        let p = unsafe { NonNull::new_unchecked(Box::into_raw(b)) };
        self.objects.push(p);
        self.bytes += size;
        if self.bytes > self.threshold {
            self.wanted = true;
        }
        ObjRef(p)
    }

    /// Number of objects currently allocated.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// Approximate bytes allocated.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Marks everything reachable from `roots` (transitively) and frees the rest.
    /// Returns the number of objects freed. The caller (`Vm::collect`) supplies every
    /// root, per the module invariants.
    pub fn collect(&mut self, roots: &mut Vec<ObjRef>) -> usize {
        // Mark: an explicit worklist, so deep structures never recurse on the Rust stack.
        let mut work = std::mem::take(roots);
        while let Some(o) = work.pop() {
            if o.header.marked.get() {
                continue;
            }
            o.header.marked.set(true);
            o.kind.trace(&mut work);
        }
        // Sweep.
        let before = self.objects.len();
        let mut bytes = 0usize;
        self.objects.retain(|p| {
            // SAFETY: every pointer in `objects` is a live allocation from `alloc`.
            let obj = unsafe { p.as_ref() };
            if obj.header.marked.get() {
                obj.header.marked.set(false);
                bytes += std::mem::size_of::<Obj>() + obj.kind.extra_size();
                true
            } else {
                // SAFETY: unmarked means unreachable from every root, so by the module
                // invariants nothing uses it any more; it was allocated by Box.
                drop(unsafe { Box::from_raw(p.as_ptr()) });
                false
            }
        });
        let freed = before - self.objects.len();
        self.bytes = bytes;
        self.threshold = (bytes * 2).max(MIN_THRESHOLD);
        self.wanted = false;
        self.stats.collections += 1;
        self.stats.last_freed = freed;
        self.stats.live_objects = self.objects.len();
        self.stats.live_bytes = bytes;
        self.stats.peak_bytes = self.stats.peak_bytes.max(bytes);
        freed
    }

    /// Current statistics.
    pub fn stats(&self) -> HeapStats {
        let mut s = self.stats;
        s.live_objects = self.objects.len();
        s.live_bytes = self.bytes;
        s.peak_bytes = s.peak_bytes.max(self.bytes);
        s
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for p in self.objects.drain(..) {
            // SAFETY: the heap owns every object; when it is dropped nothing uses them.
            drop(unsafe { Box::from_raw(p.as_ptr()) });
        }
    }
}
