//! Values: the small `Copy` type every Python value is, and the error type of Python
//! operations.
//!
//! A `Value` is 16 bytes: a u64 tag and a payload. Ints in i64 range, floats, bools and
//! None live inline and never allocate; everything else is an `ObjRef` to a heap object
//! whose `Kind` says its type. A type check is one compare on the tag, which is what a JIT
//! guard compiles to. The layout is fixed (`repr(C, u64)`) so compiled traces can read
//! and write values directly: tag at offset 0, payload at offset 8.

use crate::heap::ObjRef;

/// A Python value (or the internal `Undef` marker for unbound locals and missing stack
/// items, which Python code never sees).
#[derive(Copy, Clone, Debug)]
#[repr(C, u64)]
pub enum Value {
    Undef = 0,
    None = 1,
    Bool(bool) = 2,
    Int(i64) = 3,
    Float(f64) = 4,
    Obj(ObjRef) = 5,
}

/// Tag numbers as compiled code sees them (the `repr(C, u64)` discriminants).
pub mod tag {
    pub const UNDEF: u64 = 0;
    pub const NONE: u64 = 1;
    pub const BOOL: u64 = 2;
    pub const INT: u64 = 3;
    pub const FLOAT: u64 = 4;
    pub const OBJ: u64 = 5;
}

impl Value {
    /// The tag number (see `tag`).
    #[inline]
    pub fn tag(&self) -> u64 {
        match self {
            Value::Undef => tag::UNDEF,
            Value::None => tag::NONE,
            Value::Bool(_) => tag::BOOL,
            Value::Int(_) => tag::INT,
            Value::Float(_) => tag::FLOAT,
            Value::Obj(_) => tag::OBJ,
        }
    }

    #[inline]
    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(&self) -> Option<ObjRef> {
        match self {
            Value::Obj(o) => Some(*o),
            _ => None,
        }
    }

    /// Identity (`is`): same inline value or same object.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Undef, Value::Undef) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.ptr_eq(*b),
            _ => false,
        }
    }

    #[inline]
    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b)
    }
}

/// A raised Python exception: the exception instance.
#[derive(Copy, Clone, Debug)]
pub struct PyErr(pub ObjRef);

/// The result of any operation that can raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_layout_is_tag_then_payload() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        let v = Value::Int(42);
        // SAFETY: Value is repr(C, u64): a u64 tag followed by the payload at offset 8.
        let words: [u64; 2] = unsafe { std::mem::transmute(v) };
        assert_eq!(words[0], tag::INT);
        assert_eq!(words[1], 42);
        let f: [u64; 2] = unsafe { std::mem::transmute(Value::Float(1.5)) };
        assert_eq!(f[0], tag::FLOAT);
        assert_eq!(f64::from_bits(f[1]), 1.5);
    }
}
