//! Hidden classes (shapes): the attribute name -> slot map shared by every instance
//! whose attributes were added in the same order. A shape is a small integer, so an
//! instance's layout check (and a JIT guard) is one compare.
//!
//! Shapes form a tree from the empty root; adding attribute `n` to an instance of shape
//! `s` moves it to the child `s + n`, created once and reused. Deleting an attribute
//! rebuilds the instance along the path of its remaining names.

use crate::heap::ObjRef;
use rustc_hash::FxHashMap;

/// One shape: its attribute names in slot order and the transitions to its children.
pub struct Shape {
    /// Interned attribute names, in slot order (interned strings are never freed).
    pub names: Vec<ObjRef>,
    index: FxHashMap<usize, u32>,
    transitions: FxHashMap<usize, u32>,
}

/// The shape of an instance whose attributes live in a real dict (`slots[0]`), after
/// its `__dict__` was taken: lookups through shapes find nothing for it.
pub const DICT_MODE: u32 = u32::MAX;

/// The table of all shapes.
pub struct Shapes {
    shapes: Vec<Shape>,
}

impl Shapes {
    pub fn new() -> Shapes {
        Shapes { shapes: vec![Shape { names: vec![], index: FxHashMap::default(), transitions: FxHashMap::default() }] }
    }

    /// The empty shape.
    #[inline]
    pub fn root(&self) -> u32 {
        0
    }

    /// The slot of `name` in shape `s`.
    #[inline]
    pub fn lookup(&self, s: u32, name: ObjRef) -> Option<usize> {
        if s == DICT_MODE {
            return None;
        }
        self.shapes[s as usize].index.get(&name.addr()).map(|&i| i as usize)
    }

    /// The names of shape `s` in slot order.
    pub fn names(&self, s: u32) -> &[ObjRef] {
        if s == DICT_MODE {
            return &[];
        }
        &self.shapes[s as usize].names
    }

    /// The shape reached from `s` by adding `name` (which must not be in `s`).
    pub fn add(&mut self, s: u32, name: ObjRef) -> u32 {
        if let Some(&t) = self.shapes[s as usize].transitions.get(&name.addr()) {
            return t;
        }
        let parent = &self.shapes[s as usize];
        let mut names = parent.names.clone();
        let mut index = parent.index.clone();
        index.insert(name.addr(), names.len() as u32);
        names.push(name);
        let id = self.shapes.len() as u32;
        self.shapes.push(Shape { names, index, transitions: FxHashMap::default() });
        self.shapes[s as usize].transitions.insert(name.addr(), id);
        id
    }

    /// The shape holding `names` in this order (built from the root).
    pub fn from_names(&mut self, names: &[ObjRef]) -> u32 {
        let mut s = self.root();
        for &n in names {
            s = self.add(s, n);
        }
        s
    }

    /// Number of shapes created.
    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}
