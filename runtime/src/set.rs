//! The hash table behind `set` and `frozenset`, laid out as CPython's setobject.c lays
//! it out (open addressing, 9 linear probes then perturbation, the same growth policy),
//! so that iteration order — what `print({3, 1, 2})` shows — matches CPython for keys
//! whose hashes match CPython's (ints, floats, tuples of them).

use crate::heap::ObjRef;
use crate::value::Value;
use smallvec::SmallVec;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One table slot: empty (`key` Undef, hash 0), dummy (`key` Undef, hash -1) or active.
#[derive(Clone, Copy)]
pub struct Slot {
    pub hash: i64,
    pub key: Value,
}

const EMPTY: Slot = Slot { hash: 0, key: Value::Undef };
const DUMMY: Slot = Slot { hash: -1, key: Value::Undef };

impl Slot {
    #[inline]
    fn is_empty(&self) -> bool {
        self.key.is_undef() && self.hash == 0
    }
    #[inline]
    fn is_active(&self) -> bool {
        !self.key.is_undef()
    }
}

/// A CPython-compatible set table.
#[derive(Clone)]
pub struct SetTable {
    table: Vec<Slot>,
    mask: usize,
    used: usize,
    fill: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { table: vec![EMPTY; MIN_SIZE], mask: MIN_SIZE - 1, used: 0, fill: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn capacity(&self) -> usize {
        self.table.len()
    }

    /// Number of table slots (iteration positions).
    #[inline]
    pub fn slots(&self) -> usize {
        self.table.len()
    }

    /// The key in slot `i`, if active.
    #[inline]
    pub fn slot(&self, i: usize) -> Option<(i64, Value)> {
        let s = self.table.get(i)?;
        if s.is_active() {
            Some((s.hash, s.key))
        } else {
            None
        }
    }

    /// Active slots holding this hash on the key's probe path, in probe order.
    pub fn candidates(&self, hash: i64) -> SmallVec<[usize; 4]> {
        let mut out = SmallVec::new();
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = &self.table[j];
                if s.is_empty() {
                    return out;
                }
                if s.is_active() && s.hash == hash {
                    out.push(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The slot of a key for which `eq` holds.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        self.candidates(hash).into_iter().find(|&j| eq(&self.table[j].key))
    }

    /// Inserts a key known to be absent (CPython's set_add_entry for a new key).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let found_unused = 'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = &self.table[j];
                if s.is_empty() {
                    break 'outer j;
                }
                // CPython 3.11 reuses the last dummy on the probe path.
                if !s.is_active() {
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        if let Some(f) = freeslot {
            self.used += 1;
            self.table[f] = Slot { hash, key };
            return;
        }
        self.fill += 1;
        self.used += 1;
        self.table[found_unused] = Slot { hash, key };
        if self.fill * 5 < mask * 3 {
            return;
        }
        let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
        self.resize(minused);
    }

    /// Rebuilds the table with room for `minused` keys (CPython's set_table_resize).
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![EMPTY; newsize]);
        self.mask = newsize - 1;
        self.fill = self.used;
        for s in old.iter().filter(|s| s.is_active()) {
            self.insert_clean(s.hash, s.key);
        }
    }

    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.table[i].key.is_undef() {
                self.table[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if self.table[j].key.is_undef() {
                        self.table[j] = Slot { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Makes room before merging `n` more keys (CPython's set_merge pre-resize).
    pub fn reserve_for_merge(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// Copies another table slot for slot when this one is empty and the same size, as
    /// CPython's set_merge does (keeps the other's order exactly).
    /// The caller guarantees `other`'s keys are absent from `self` when `self` is not
    /// empty (the empty case is what `set(other)` and `other.copy()` need).
    pub fn copy_from(&mut self, other: &SetTable) {
        if self.fill == 0 && self.mask == other.mask && other.fill == other.used {
            // No dummies: a slot-for-slot copy keeps every probe path intact.
            self.table.copy_from_slice(&other.table);
            self.used = other.used;
            self.fill = other.used;
        } else if self.fill == 0 {
            for s in other.table.iter().filter(|s| s.is_active()) {
                self.insert_clean(s.hash, s.key);
                self.used += 1;
                self.fill += 1;
            }
        } else {
            for s in other.table.iter().filter(|s| s.is_active()) {
                self.insert_new(s.hash, s.key);
            }
        }
    }

    /// Slots that are active or dummies (CPython's `fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Removes the key in slot `i` (leaves a dummy).
    pub fn remove_slot(&mut self, i: usize) -> Value {
        let k = self.table[i].key;
        self.table[i] = DUMMY;
        self.used -= 1;
        k
    }

    /// Removes and returns an arbitrary key (CPython's set.pop order: scanning from a
    /// finger that advances).
    pub fn pop_any(&mut self, finger: &mut usize) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mut i = *finger & self.mask;
        while !self.table[i].is_active() {
            i += 1;
            if i > self.mask {
                i = 0;
            }
        }
        let k = self.remove_slot(i);
        *finger = i + 1;
        Some(k)
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// Active (hash, key) pairs in table order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.table.iter().filter(|s| s.is_active()).map(|s| (s.hash, s.key))
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for s in &self.table {
            if let Value::Obj(o) = s.key {
                out.push(o);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(keys: &[i64]) -> Vec<i64> {
        let mut t = SetTable::new();
        for &k in keys {
            if t.find(k, |v| matches!(v, Value::Int(x) if *x == k)).is_none() {
                t.insert_new(k, Value::Int(k));
            }
        }
        t.iter().map(|(h, _)| h).collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        // print({3, 1, 2}) -> {1, 2, 3}; print({10, 100, 5, 8}) -> {8, 10, 100, 5}
        assert_eq!(order(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(order(&[10, 100, 5, 8]), vec![8, 10, 100, 5]);
        // set(range(20, 0, -3)) -> {2, 5, 8, 11, 14, 17, 20}
        assert_eq!(order(&[20, 17, 14, 11, 8, 5, 2]), vec![2, 5, 8, 11, 14, 17, 20]);
    }
}
