//! `sys.getsizeof`: the sizes CPython 3.11 reports on a 64-bit build.
//!
//! Numbers, strings, bytes, tuples, empty containers and the common fixed-size objects
//! get CPython's exact sizes. Containers that grow follow CPython's layout from their
//! length (dicts: the table CPython would have after inserting that many keys; sets:
//! krait's set table, which is sized like CPython's) or krait's own capacity (lists:
//! the allocation grows 4, 8, 16, 32, ... where CPython's grows 4, 8, 16, 24, 32, 40,
//! ...), so a list or dict built in some other order can differ. A class defining
//! `__sizeof__` is asked, as CPython does (plus its 32-byte object pre-header).

use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Size of an int with `bits` significant bits: 30-bit digits after a 24-byte header.
fn int_size(bits: u64) -> i64 {
    24 + 4 * (bits.div_ceil(30).max(1) as i64)
}

fn str_size(s: &str, nchars: usize) -> i64 {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let n = nchars as i64;
    if max < 0x80 {
        49 + n
    } else if max < 0x100 {
        73 + n
    } else if max < 0x10000 {
        74 + 2 * n
    } else {
        76 + 4 * n
    }
}

/// A dict of `n` items: CPython's table after `n` insertions (8 slots, then the next
/// power of two at or above three times the usable slots), 16-byte entries when every
/// key is a str, 24 otherwise.
fn dict_size(n: usize, str_keys: bool) -> i64 {
    if n == 0 {
        return 64;
    }
    let usable = |s: usize| s * 2 / 3;
    let mut size = 8usize;
    while usable(size) < n {
        size = (usable(size) * 3).next_power_of_two();
    }
    let index_bytes = if size <= 0x80 {
        1
    } else if size <= 0x8000 {
        2
    } else if size <= 0x8000_0000 {
        4
    } else {
        8
    };
    let entry = if str_keys { 16 } else { 24 };
    (96 + size * index_bytes + usable(size) * entry) as i64
}

fn set_size(capacity: usize) -> i64 {
    if capacity <= 8 {
        216
    } else {
        216 + 16 * capacity as i64
    }
}

/// `sys.getsizeof(obj[, default])`.
pub fn getsizeof(vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(match v {
        Value::Undef | Value::None => 16,
        Value::Bool(_) => 28,
        Value::Int(i) => int_size(64 - i.unsigned_abs().leading_zeros() as u64),
        Value::Float(_) => 24,
        Value::Obj(o) => return obj_size(vm, o, v),
    })
}

fn obj_size(vm: &mut Vm, o: ObjRef, v: Value) -> PyResult<i64> {
    Ok(match &o.kind {
        Kind::Str(s) => str_size(&s.s, s.nchars),
        Kind::BigInt(b) => int_size(b.bits()),
        Kind::Tuple(t) => 40 + 8 * t.len() as i64,
        Kind::List(l) => 56 + 8 * l.borrow().capacity() as i64,
        Kind::Dict(d) => {
            let d = d.borrow();
            let str_keys = d.keys().iter().all(|k| matches!(k.as_obj().map(|o| o.kind()), Some(Kind::Str(_))));
            dict_size(d.len(), str_keys)
        }
        Kind::Set(s) => set_size(s.borrow().capacity()),
        Kind::FrozenSet(s) => set_size(s.capacity()),
        Kind::Bytes(b) => 33 + b.len() as i64,
        Kind::ByteArray(b) => {
            let n = b.borrow().len() as i64;
            if n == 0 {
                56
            } else {
                57 + n
            }
        }
        Kind::Range(_) => 48,
        Kind::Slice(..) => 56,
        Kind::Function(_) => 152,
        Kind::Native(_) | Kind::Module(_) => 72,
        Kind::BoundMethod(..) => 64,
        Kind::Code(_) => 168,
        Kind::Class(c) => {
            if c.builtin {
                424
            } else {
                1688
            }
        }
        Kind::Cell(_) => 40,
        Kind::Iter(it) => match it.borrow().type_name() {
            "dict_keyiterator" | "dict_valueiterator" | "dict_itemiterator" | "enumerate" => 72,
            "zip" => 64,
            _ => 48,
        },
        Kind::Generator(_) => 176,
        Kind::Property(_) => 80,
        Kind::StaticMethod(_) | Kind::ClassMethod(_) | Kind::Super(..) => 48,
        Kind::Singleton(_) => 16,
        Kind::Instance(i) => {
            let cls = i.class.get();
            let sz = vm.intern("__sizeof__");
            if let Some(f) = vm.class_lookup(cls, sz) {
                if matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Function(_))) {
                    let r = vm.call(f, &[v], &[])?;
                    return match r {
                        // Plus the GC header and the managed-dict words of a 3.11 instance.
                        Value::Int(n) if n >= 0 => Ok(n + 32),
                        Value::Int(_) => Err(vm.value_error("__sizeof__() should return >= 0")),
                        _ => {
                            let tn = vm.type_name(r);
                            Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
                        }
                    };
                }
            }
            match &i.payload {
                Payload::None if cls.ptr_eq(vm.types.object) => 16,
                Payload::None => 56,
                Payload::Exception(_) => 72,
                Payload::Builtin(b) => getsizeof(vm, b.get())? + 16,
                Payload::Array(a) => 80 + a.borrow().bytes.len() as i64,
            }
        }
    })
}

/// The native `sys.getsizeof`.
pub fn sys_getsizeof(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let a = super::params::bind(vm, "getsizeof", args, kw, &["object", "default"], 1)?;
    let v = a[0].unwrap_or(Value::None);
    Ok(Value::Int(getsizeof(vm, v)?))
}
