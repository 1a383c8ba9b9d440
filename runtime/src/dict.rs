//! The insertion-ordered hash table behind `dict` (and class, module and instance
//! namespaces). Entries live in a vector in insertion order; a hashbrown index maps
//! hashes to entry positions. Key equality is supplied by the caller, because Python
//! equality can run user code: `ops` compares simple keys directly and falls back to
//! `candidates` + `Vm::eq` for the rest.

use crate::heap::ObjRef;
use crate::value::Value;
use hashbrown::HashTable;
use smallvec::SmallVec;

#[derive(Clone, Copy)]
struct Entry {
    hash: i64,
    /// `Value::Undef` marks a deleted entry.
    key: Value,
    value: Value,
}

/// An insertion-ordered Python dict table.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    index: HashTable<u32>,
    live: usize,
    /// Bumped whenever a key is added or removed (not when a value changes).
    pub version: u64,
}

/// Spreads a Python hash (often a small int) over all 64 bits for the index.
#[inline]
fn mix(h: i64) -> u64 {
    (h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        Dict { entries: Vec::with_capacity(n), index: HashTable::with_capacity(n), live: 0, version: 0 }
    }

    /// Number of keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.live
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Where compiled code finds entry values: the entry table (a `Vec`, here to learn its
    /// layout from), the size of an entry and the offset of its value.
    pub fn entry_layout(&self) -> (&Vec<impl Sized>, usize, usize) {
        (&self.entries, std::mem::size_of::<Entry>(), std::mem::offset_of!(Entry, value))
    }

    /// Allocated entry slots.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// The entry position of a key with this hash for which `eq(key)` holds.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| {
                let e = &entries[i as usize];
                e.hash == hash && eq(&e.key)
            })
            .map(|&i| i as usize)
    }

    /// Positions of all entries whose hash equals `hash` (for equality that needs the VM).
    pub fn candidates(&self, hash: i64) -> SmallVec<[usize; 4]> {
        let mut out = SmallVec::new();
        let entries = &self.entries;
        for &i in self.index.iter_hash(mix(hash)) {
            if entries[i as usize].hash == hash {
                out.push(i as usize);
            }
        }
        out
    }

    /// The (key, value) at an entry position, if that entry is live.
    #[inline]
    pub fn entry(&self, pos: usize) -> Option<(Value, Value)> {
        self.entries.get(pos).and_then(|e| if e.key.is_undef() { None } else { Some((e.key, e.value)) })
    }

    /// The value at an entry position known to be live (inline caches).
    #[inline]
    pub fn value_at(&self, pos: usize) -> Value {
        self.entries[pos].value
    }

    /// Replaces the value at a live entry position.
    #[inline]
    pub fn set_value(&mut self, pos: usize, value: Value) {
        self.entries[pos].value = value;
    }

    /// Appends a key known to be absent.
    pub fn push(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index.insert_unique(mix(hash), pos, |&i| mix(entries[i as usize].hash));
        self.live += 1;
        self.version += 1;
    }

    /// Removes the live entry at `pos`, returning its key and value.
    pub fn remove_at(&mut self, pos: usize) -> (Value, Value) {
        let e = self.entries[pos];
        if let Ok(slot) = self.index.find_entry(mix(e.hash), |&i| i as usize == pos) {
            slot.remove();
        }
        self.entries[pos].key = Value::Undef;
        self.entries[pos].value = Value::Undef;
        self.live -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        } else if pos + 1 == self.entries.len() {
            self.entries.pop();
        }
        (e.key, e.value)
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_undef());
        self.index.clear();
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            self.index.insert_unique(mix(e.hash), i as u32, |&j| mix(entries[j as usize].hash));
        }
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
        self.version += 1;
    }

    /// The last inserted (key, value), removed (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = self.entries.iter().rposition(|e| !e.key.is_undef())?;
        Some(self.remove_at(pos))
    }

    /// One past the largest entry position (positions below it may be deleted).
    #[inline]
    pub fn end(&self) -> usize {
        self.entries.len()
    }

    /// The first live entry at or after `pos`: (position, key, value).
    #[inline]
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            if !e.key.is_undef() {
                return Some((pos, e.key, e.value));
            }
            pos += 1;
        }
        None
    }

    /// Live (key, value) pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_undef()).map(|e| (e.key, e.value))
    }

    /// Live (hash, key, value) triples in insertion order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, Value, Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_undef()).map(|e| (e.hash, e.key, e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v).collect()
    }

    /// Reports every object held (for marking).
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for e in &self.entries {
            if let Value::Obj(o) = e.key {
                out.push(o);
            }
            if let Value::Obj(o) = e.value {
                out.push(o);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(k: i64) -> impl FnMut(&Value) -> bool {
        move |v| matches!(v, Value::Int(x) if *x == k)
    }

    #[test]
    fn insert_find_remove_keeps_order() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.push(i, Value::Int(i), Value::Int(i * 10));
        }
        for i in (0..100).step_by(2) {
            let pos = d.find(i, int_eq(i)).unwrap();
            d.remove_at(pos);
        }
        assert_eq!(d.len(), 50);
        let keys: Vec<i64> = d.iter().map(|(k, _)| if let Value::Int(i) = k { i } else { -1 }).collect();
        assert_eq!(keys, (1..100).step_by(2).collect::<Vec<_>>());
        for i in 0..100 {
            assert_eq!(d.find(i, int_eq(i)).is_some(), i % 2 == 1);
        }
        assert_eq!(d.candidates(7).len(), 1);
    }
}
