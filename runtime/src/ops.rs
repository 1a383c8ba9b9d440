//! Python semantics in one place: types, truth, hashing, equality and ordering,
//! attribute access, calls, iteration, subscripts and repr. The interpreter calls these,
//! and so will compiled traces (as helpers for their slow paths).

use crate::bytecode::CmpOp;
use crate::dict::Dict;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;

pub use crate::arith::*;

// -- Types ------------------------------------------------------------------------------

impl Vm {
    /// The class of a value.
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::Undef | Value::None => t.none_type,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(o) => match &o.kind {
                Kind::Str(_) => t.str,
                Kind::BigInt(_) => t.int,
                Kind::Tuple(_) => t.tuple,
                Kind::List(_) => t.list,
                Kind::Dict(_) => t.dict,
                Kind::Set(_) => t.set,
                Kind::FrozenSet(_) => t.frozenset,
                Kind::Bytes(_) => t.bytes,
                Kind::ByteArray(_) => t.bytearray,
                Kind::Range(_) => t.range,
                Kind::Slice(..) => t.slice,
                Kind::Function(_) => t.function,
                Kind::Native(_) => t.builtin_function,
                Kind::BoundMethod(..) => t.method,
                Kind::Code(_) => t.code,
                Kind::Class(c) => c.meta.get().unwrap_or(t.type_),
                Kind::Instance(i) => i.class.get(),
                Kind::Module(_) => t.module,
                Kind::Cell(_) => t.cell,
                Kind::Iter(s) => {
                    let name = s.borrow().type_name();
                    self.iter_types.get(name).copied().unwrap_or(t.object)
                }
                Kind::Generator(_) => t.generator,
                Kind::Property(_) => t.property,
                Kind::StaticMethod(_) => t.staticmethod,
                Kind::ClassMethod(_) => t.classmethod,
                Kind::Super(..) => t.super_,
                Kind::Singleton("NotImplemented") => t.notimplemented_type,
                Kind::Singleton(_) => t.ellipsis_type,
            },
        }
    }

    /// The `__name__` of a value's class.
    pub fn type_name(&self, v: Value) -> String {
        class_name(self.type_of(v))
    }

    /// The class stored in a value, if it is one.
    pub fn as_class(&self, v: Value) -> Option<ObjRef> {
        v.as_obj().filter(|o| matches!(o.kind, Kind::Class(_)))
    }
}

/// A class's `__name__`.
pub fn class_name(cls: ObjRef) -> String {
    cls.as_class().map(|c| c.name.borrow().clone()).unwrap_or_default()
}

/// Whether `a` is `b` or derives from it.
pub fn is_subclass(a: ObjRef, b: ObjRef) -> bool {
    if a.ptr_eq(b) {
        return true;
    }
    match a.as_class() {
        Some(c) => c.mro.borrow().iter().any(|m| m.ptr_eq(b)),
        None => false,
    }
}

/// `isinstance(v, cls)` for a single class.
pub fn isinstance(vm: &Vm, v: Value, cls: ObjRef) -> bool {
    is_subclass(vm.type_of(v), cls)
}

/// The C3 linearisation of a new class with `bases`.
pub fn compute_mro(vm: &mut Vm, cls: ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> =
        bases.iter().map(|b| b.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            break;
        }
        let mut cand = None;
        for s in &seqs {
            let head = s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.ptr_eq(head))) {
                cand = Some(head);
                break;
            }
        }
        let Some(c) = cand else {
            let names: Vec<String> = bases.iter().map(|b| class_name(*b)).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0].ptr_eq(c) {
                s.remove(0);
            }
        }
    }
    if !out.iter().any(|c| c.ptr_eq(vm.types.object)) {
        out.push(vm.types.object);
    }
    Ok(out)
}

// -- Strings ----------------------------------------------------------------------------

/// krait's str hash (FNV-1a, folded to never be -1). CPython randomises str hashes, so
/// no program can depend on their values.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0; // as CPython, whose other str hashes vary per process
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The str inside a value (str objects only).
#[inline]
pub fn as_str(v: &Value) -> Option<&str> {
    match v {
        Value::Obj(o) => match &o.kind {
            Kind::Str(s) => Some(&s.s),
            _ => None,
        },
        _ => None,
    }
}

/// The underlying built-in value of a subclass-of-builtin instance, or the value itself.
#[inline]
pub fn unwrap_builtin(v: Value) -> Value {
    if let Value::Obj(o) = v {
        if let Kind::Instance(Instance { payload: Payload::Builtin(b), .. }) = &o.kind {
            return b.get();
        }
    }
    v
}

/// Python's repr of a str.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Approximates `str.isprintable` for one non-ASCII character.
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if c.is_control() || (c.is_whitespace() && c != ' ') {
        return false;
    }
    // Unassigned / private use / surrogates / format characters commonly seen.
    !matches!(u, 0xad | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xe000..=0xf8ff | 0xfff9..=0xfffb | 0xf0000..)
}

/// Python's repr of bytes.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

// -- Truth, repr, str -------------------------------------------------------------------

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::Undef | Value::None => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Obj(o) => match &o.kind {
                Kind::Str(s) => !s.s.is_empty(),
                Kind::BigInt(b) => !b.is_zero(),
                Kind::Tuple(t) => !t.is_empty(),
                Kind::List(l) => !l.borrow().is_empty(),
                Kind::Dict(d) => !d.borrow().is_empty(),
                Kind::Set(s) => !s.borrow().is_empty(),
                Kind::FrozenSet(s) => !s.is_empty(),
                Kind::Bytes(b) => !b.is_empty(),
                Kind::ByteArray(b) => !b.borrow().is_empty(),
                Kind::Range(r) => !r.is_empty(),
                Kind::Instance(_) => {
                    let cls = o.as_instance().unwrap().class.get();
                    if let Some(f) = self.lookup_special(cls, self.names.bool_) {
                        let r = self.call(f, &[v], &[])?;
                        match r {
                            Value::Bool(b) => b,
                            _ => {
                                let tn = self.type_name(r);
                                return Err(self.type_error(format!("__bool__ should return bool, returned {}", tn)));
                            }
                        }
                    } else if let Some(f) = self.lookup_special(cls, self.names.len) {
                        let r = self.call(f, &[v], &[])?;
                        let n = self.len_result(r)?;
                        n != 0
                    } else if let Payload::Builtin(b) = &o.as_instance().unwrap().payload {
                        return self.truthy(b.get());
                    } else {
                        true
                    }
                }
                _ => true,
            },
        })
    }

    pub(crate) fn len_result(&mut self, r: Value) -> PyResult<i64> {
        match r {
            Value::Int(n) if n >= 0 => Ok(n),
            Value::Bool(b) => Ok(b as i64),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            Value::Obj(o) if matches!(&o.kind, Kind::BigInt(b) if b.sign() == num_bigint::Sign::Minus) => {
                Err(self.value_error("__len__() should return >= 0"))
            }
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            _ => {
                let tn = self.type_name(r);
                Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
            }
        }
    }

    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Undef => Ok("<NULL>".into()),
            Value::None => Ok("None".into()),
            Value::Bool(b) => Ok(if b { "True" } else { "False" }.into()),
            Value::Int(i) => Ok(i.to_string()),
            Value::Float(f) => Ok(crate::floatfmt::float_repr(f)),
            Value::Obj(o) => self.repr_obj(o, v),
        }
    }

    fn repr_obj(&mut self, o: ObjRef, v: Value) -> PyResult<String> {
        if let Some(f) = self.meta_method(o, self.names.repr) {
            let r = self.call(f, &[v], &[])?;
            return match r.as_obj().and_then(|x| x.as_str().map(|s| s.to_string())) {
                Some(s) => Ok(s),
                None => {
                    let tn = self.type_name(r);
                    Err(self.type_error(format!("__repr__ returned non-string (type {})", tn)))
                }
            };
        }
        match &o.kind {
            Kind::Str(s) => return Ok(repr_str(&s.s)),
            Kind::BigInt(b) => return Ok(b.to_string()),
            Kind::Bytes(b) => return Ok(repr_bytes(b)),
            Kind::ByteArray(b) => return Ok(format!("bytearray({})", repr_bytes(&b.borrow()))),
            Kind::Range(r) => {
                return Ok(if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                })
            }
            Kind::Singleton(name) => return Ok(name.to_string()),
            _ => {}
        }
        if let Kind::Instance(_) = o.kind {
            self.enter_native(" while getting the repr of an object")?;
            let r = self.repr_obj_inner(o, v);
            self.leave_native();
            return r;
        }
        let is_container =
            matches!(o.kind, Kind::List(_) | Kind::Tuple(_) | Kind::Dict(_) | Kind::Set(_) | Kind::FrozenSet(_));
        if is_container {
            if self.repr_stack.contains(&o.addr()) {
                return Ok(match &o.kind {
                    Kind::List(_) => "[...]".into(),
                    Kind::Dict(_) => "{...}".into(),
                    Kind::Tuple(_) => "(...)".into(),
                    _ => "...".into(),
                });
            }
            self.enter_native(" while getting the repr of an object")?;
            self.repr_stack.push(o.addr());
            let r = self.repr_obj_inner(o, v);
            self.repr_stack.pop();
            self.leave_native();
            return r;
        }
        self.repr_obj_inner(o, v)
    }

    fn repr_obj_inner(&mut self, o: ObjRef, v: Value) -> PyResult<String> {
        Ok(match &o.kind {
            Kind::Tuple(items) => {
                let items = items.clone();
                let mut parts = Vec::with_capacity(items.len());
                for it in items.iter() {
                    parts.push(self.repr(*it)?);
                }
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Kind::List(l) => {
                let items = l.borrow().clone();
                let mark = self.roots.len();
                self.roots.extend_from_slice(&items);
                let mut out = String::from("[");
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    match self.repr(*it) {
                        Ok(s) => out.push_str(&s),
                        Err(e) => {
                            self.roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                self.roots.truncate(mark);
                out.push(']');
                out
            }
            Kind::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().iter().collect();
                self.repr_dict_items(&items)?
            }
            Kind::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().map(|(_, k)| k).collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.repr_join(&items)?)
                }
            }
            Kind::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().map(|(_, k)| k).collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.repr_join(&items)?)
                }
            }
            Kind::Slice(a, b, c) => {
                let (a, b, c) = (*a, *b, *c);
                format!("slice({}, {}, {})", self.repr(a)?, self.repr(b)?, self.repr(c)?)
            }
            Kind::Function(f) => {
                let q = f.qualname.get();
                format!("<function {} at {:#x}>", self.str_of(q)?, o.addr())
            }
            Kind::Native(n) => match (n.owner, n.bound) {
                (_, Value::Obj(m)) if matches!(m.kind, Kind::Module(_)) => format!("<built-in function {}>", n.name),
                (Some(owner), Value::Undef) => format!("<method '{}' of '{}' objects>", n.name, owner),
                _ => format!("<built-in function {}>", n.name),
            },
            Kind::BoundMethod(f, s) => {
                let (f, s) = (*f, *s);
                match f.as_obj().map(|x| x.kind()) {
                    Some(Kind::Native(n)) => {
                        let tn = self.type_name(s);
                        format!(
                            "<built-in method {} of {} object at {:#x}>",
                            n.name,
                            tn,
                            s.as_obj().map(|x| x.addr()).unwrap_or(0)
                        )
                    }
                    _ => {
                        let qn = self.get_attr(f, self.names.qualname)?;
                        let qn = self.str_of(qn)?;
                        let sr = self.repr(s)?;
                        format!("<bound method {} of {}>", qn, sr)
                    }
                }
            }
            Kind::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.co.name,
                o.addr(),
                c.co.filename,
                c.co.first_line
            ),
            Kind::Class(c) => {
                let m = c.module.borrow().clone();
                if m == "builtins" {
                    format!("<class '{}'>", c.qualname.borrow())
                } else {
                    format!("<class '{}.{}'>", m, c.qualname.borrow())
                }
            }
            Kind::Module(m) => {
                if self.native_modules.contains_key(m.name.as_str()) || m.name == "builtins" {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    let file = dict_get_str(m.dict, self.names.file);
                    match file {
                        Some(f) => format!("<module '{}' from {}>", m.name, self.repr(f)?),
                        None => format!("<module '{}'>", m.name),
                    }
                }
            }
            Kind::Cell(_) => format!("<cell at {:#x}>", o.addr()),
            Kind::Iter(cell) => {
                let args = match cell.try_borrow().as_deref() {
                    Ok(IterState::Dyn(d)) => d.repr_args(),
                    _ => None,
                };
                match args {
                    Some(args) => format!("{}({})", self.type_name(v), self.repr_join(&args)?),
                    None => format!("<{} object at {:#x}>", self.type_name(v), o.addr()),
                }
            }
            Kind::Generator(g) => {
                let func = g.borrow().func;
                let q = func.as_function().map(|f| f.qualname.get()).unwrap_or(Value::None);
                format!("<generator object {} at {:#x}>", self.str_of(q)?, o.addr())
            }
            Kind::Property(_) => format!("<property object at {:#x}>", o.addr()),
            Kind::StaticMethod(_) => format!("<staticmethod object at {:#x}>", o.addr()),
            Kind::ClassMethod(_) => format!("<classmethod object at {:#x}>", o.addr()),
            Kind::Super(..) => "<super object>".into(),
            Kind::Instance(_) => {
                let cls = self.type_of(v);
                let f = self.lookup_special(cls, self.names.repr).unwrap();
                let r = self.call(f, &[v], &[])?;
                match r.as_obj().and_then(|x| x.as_str().map(|s| s.to_string())) {
                    Some(s) => s,
                    None => {
                        let tn = self.type_name(r);
                        return Err(self.type_error(format!("__repr__ returned non-string (type {})", tn)));
                    }
                }
            }
            Kind::Str(_)
            | Kind::BigInt(_)
            | Kind::Bytes(_)
            | Kind::ByteArray(_)
            | Kind::Range(_)
            | Kind::Singleton(_) => unreachable!(),
        })
    }

    /// Reprs joined by ", ", keeping the items rooted while user reprs run.
    pub fn repr_join(&mut self, items: &[Value]) -> PyResult<String> {
        let mark = self.roots.len();
        self.roots.extend_from_slice(items);
        let mut parts = Vec::with_capacity(items.len());
        for it in items {
            match self.repr(*it) {
                Ok(s) => parts.push(s),
                Err(e) => {
                    self.roots.truncate(mark);
                    return Err(e);
                }
            }
        }
        self.roots.truncate(mark);
        Ok(parts.join(", "))
    }

    pub fn repr_dict_items(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mark = self.roots.len();
        for (k, v) in items {
            self.roots.push(*k);
            self.roots.push(*v);
        }
        let mut out = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let r = self.repr(*k).and_then(|ks| Ok((ks, self.repr(*v)?)));
            match r {
                Ok((ks, vs)) => {
                    out.push_str(&ks);
                    out.push_str(": ");
                    out.push_str(&vs);
                }
                Err(e) => {
                    self.roots.truncate(mark);
                    return Err(e);
                }
            }
        }
        self.roots.truncate(mark);
        out.push('}');
        Ok(out)
    }

    /// `str(v)` as a Rust string.
    pub fn str_of(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Obj(o) => match &o.kind {
                Kind::Str(s) => Ok(s.s.to_string()),
                Kind::Class(_) if self.meta_method(o, self.names.str).is_some() => {
                    let f = self.meta_method(o, self.names.str).unwrap();
                    let r = self.call(f, &[v], &[])?;
                    self.str_of(r)
                }
                Kind::Instance(i) => {
                    let cls = i.class.get();
                    let f = self.lookup_special(cls, self.names.str).unwrap();
                    let r = self.call(f, &[v], &[])?;
                    match r.as_obj().and_then(|x| x.as_str().map(|s| s.to_string())) {
                        Some(s) => Ok(s),
                        None => {
                            let tn = self.type_name(r);
                            Err(self.type_error(format!("__str__ returned non-string (type {})", tn)))
                        }
                    }
                }
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a str value (no copy when v is already a str).
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            if let Kind::Str(_) = o.kind {
                return Ok(v);
            }
        }
        let s = self.str_of(v)?;
        Ok(self.new_str(s))
    }
}

// -- Hashing and equality ---------------------------------------------------------------

const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of an i64.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = HASH_MODULUS as i128;
    let r = if i >= 0 { (i as i128 % m) as i64 } else { -(((-(i as i128)) % m) as i64) };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// CPython's hash of a big int.
pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let r = if b.is_negative() { -r } else { r };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// CPython's hash of a float (equal to the hash of an equal int).
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let r = (x as i64).wrapping_mul(sign);
    if r == -1 {
        -2
    } else {
        r
    }
}

/// `frexp`: v = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

fn hash_tuple_items(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Undef | Value::None => Ok(0x5f5e_1234),
            Value::Bool(b) => Ok(b as i64),
            Value::Int(i) => Ok(hash_i64(i)),
            Value::Float(f) => Ok(hash_f64(f)),
            Value::Obj(o) => match &o.kind {
                Kind::Str(s) => Ok(s.hash()),
                Kind::BigInt(b) => Ok(hash_bigint(b)),
                Kind::Tuple(items) => {
                    let items = items.clone();
                    self.enter_native(" while calling a Python object")?;
                    let mut hs = SmallVec::<[i64; 8]>::new();
                    for it in items.iter() {
                        match self.hash(*it) {
                            Ok(h) => hs.push(h),
                            Err(e) => {
                                self.leave_native();
                                return Err(e);
                            }
                        }
                    }
                    self.leave_native();
                    Ok(hash_tuple_items(&hs))
                }
                Kind::FrozenSet(s) => {
                    let mut h: u64 = 0;
                    for (eh, _) in s.iter() {
                        let x = eh as u64;
                        h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
                    }
                    h ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
                    h ^= (h >> 11) ^ (h >> 25);
                    h = h.wrapping_mul(69069).wrapping_add(907133923);
                    Ok(if h as i64 == -1 { 590923713 } else { h as i64 })
                }
                Kind::Bytes(b) => Ok(hash_str(&String::from_utf8_lossy(b))),
                Kind::Range(r) => Ok(hash_tuple_items(&[hash_i64(r.len()), hash_i64(r.start), hash_i64(r.step)])),
                Kind::List(_) | Kind::Dict(_) | Kind::Set(_) | Kind::ByteArray(_) | Kind::Slice(..) => {
                    let tn = self.type_name(v);
                    Err(self.type_error(format!("unhashable type: '{}'", tn)))
                }
                Kind::Instance(i) => {
                    let cls = i.class.get();
                    match self.lookup_special(cls, self.names.hash) {
                        Some(Value::None) => {
                            let tn = self.type_name(v);
                            Err(self.type_error(format!("unhashable type: '{}'", tn)))
                        }
                        Some(f) if !self.is_object_slot(f, "__hash__") => {
                            let r = self.call(f, &[v], &[])?;
                            match r {
                                // A result that fits is the hash itself (CPython's Py_ssize_t).
                                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                                Value::Bool(b) => Ok(b as i64),
                                Value::Obj(ro) if matches!(ro.kind, Kind::BigInt(_)) => self.hash(r),
                                _ => Err(self.type_error("__hash__ method should return an integer")),
                            }
                        }
                        _ => {
                            if let Payload::Builtin(b) = &i.payload {
                                return self.hash(b.get());
                            }
                            Ok(identity_hash(o))
                        }
                    }
                }
                _ => Ok(identity_hash(o)),
            },
        }
    }

    /// Whether `f` is the native slot of `object` (the default behaviour).
    fn is_object_slot(&self, f: Value, name: &str) -> bool {
        match f.as_obj().map(|o| o.kind()) {
            Some(Kind::Native(n)) => n.owner == Some("object") && n.name == name,
            _ => false,
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = eq_simple(&a, &b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// Rich comparison `a op b`.
    pub fn compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        // Fast paths for numbers and strings.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(cmp_apply(op, x.cmp(&y)))),
            (Value::Float(x), Value::Float(y)) => return Ok(Value::Bool(float_cmp(op, x, y))),
            _ => {}
        }
        if let (Some(x), Some(y)) = (num_of(&a), num_of(&b)) {
            return Ok(Value::Bool(match num_cmp(&x, &y) {
                Some(o) => cmp_apply(op, o),
                None => op == CmpOp::Ne,
            }));
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            match (&x.kind, &y.kind) {
                (Kind::Str(s), Kind::Str(t)) => return Ok(Value::Bool(cmp_apply(op, s.s.cmp(&t.s)))),
                (Kind::List(_), Kind::List(_)) | (Kind::Tuple(_), Kind::Tuple(_)) => {
                    return self.compare_seq(a, b, op);
                }
                (Kind::Bytes(s), Kind::Bytes(t)) => return Ok(Value::Bool(cmp_apply(op, s.cmp(t)))),
                _ => {}
            }
        }
        self.compare_generic(a, b, op)
    }

    fn compare_generic(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // The reflected method of a subclass goes first.
        let mut reflected_first = false;
        if !ta.ptr_eq(tb) && is_subclass(tb, ta) {
            reflected_first = true;
        }
        let name = self.op_names.cmp[op as usize];
        let rname = self.op_names.cmp[op.swapped() as usize];
        let tries: [(Value, Value, ObjRef); 2] =
            if reflected_first { [(b, a, rname), (a, b, name)] } else { [(a, b, name), (b, a, rname)] };
        for (x, y, n) in tries {
            let r = self.richcmp_builtin(x, y, n)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(&b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(&b))),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    na,
                    nb
                )))
            }
        }
    }

    /// Calls the rich comparison `name` of `x`'s type with `y`, or the built-in
    /// comparison for built-in types; NotImplemented when not supported.
    fn richcmp_builtin(&mut self, x: Value, y: Value, name: ObjRef) -> PyResult<Value> {
        let tx = self.type_of(x);
        if let Some(f) = self.lookup_special(tx, name) {
            // object's defaults compare by identity below; its __ne__ still runs, as it
            // inverts a user-defined __eq__.
            let is_default = !name.ptr_eq(self.names.ne)
                && matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(n)) if n.owner == Some("object"));
            if !is_default {
                self.enter_native(" in comparison")?;
                let r = self.call(f, &[x, y], &[]);
                self.leave_native();
                return r;
            }
        }
        // Built-in container comparisons with subclass instances.
        let (ux, uy) = (unwrap_builtin(x), unwrap_builtin(y));
        if !ux.is(&x) || !uy.is(&y) {
            if let (Value::Obj(p), Value::Obj(q)) = (ux, uy) {
                if std::mem::discriminant(&p.kind) == std::mem::discriminant(&q.kind) {
                    let op = CmpOp::ALL
                        .iter()
                        .copied()
                        .find(|o| o.dunder() == name.as_str().unwrap_or(""))
                        .unwrap_or(CmpOp::Eq);
                    return self.compare(ux, uy, op);
                }
            }
        }
        #[allow(clippy::single_match)]
        match (&x, &y) {
            (Value::Obj(p), Value::Obj(q)) => match (&p.kind, &q.kind) {
                (Kind::Dict(_), Kind::Dict(_)) => {
                    let n = name.as_str().unwrap_or("");
                    if n == "__eq__" || n == "__ne__" {
                        let e = self.dict_eq(*p, *q)?;
                        return Ok(Value::Bool(if n == "__eq__" { e } else { !e }));
                    }
                }
                (Kind::Set(_) | Kind::FrozenSet(_), Kind::Set(_) | Kind::FrozenSet(_)) => {
                    return crate::builtins::set_compare(self, x, y, name);
                }
                (Kind::Range(r1), Kind::Range(r2)) => {
                    let n = name.as_str().unwrap_or("");
                    if n == "__eq__" || n == "__ne__" {
                        let e = range_eq(r1, r2);
                        return Ok(Value::Bool(if n == "__eq__" { e } else { !e }));
                    }
                }
                (Kind::Slice(a1, b1, c1), Kind::Slice(a2, b2, c2)) => {
                    let n = name.as_str().unwrap_or("");
                    if n == "__eq__" || n == "__ne__" {
                        let (l, r) = ([*a1, *b1, *c1], [*a2, *b2, *c2]);
                        let t1 = self.new_tuple(l.to_vec());
                        let t2 = self.new_tuple(r.to_vec());
                        let op = if n == "__eq__" { CmpOp::Eq } else { CmpOp::Ne };
                        return self.compare(t1, t2, op);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        Ok(self.not_implemented)
    }

    fn dict_eq(&mut self, a: ObjRef, b: ObjRef) -> PyResult<bool> {
        let (da, db) = (a.as_dict().unwrap(), b.as_dict().unwrap());
        if da.borrow().len() != db.borrow().len() {
            return Ok(false);
        }
        let items: Vec<(Value, Value)> = da.borrow().iter().collect();
        for (k, v) in items {
            match self.dict_get(b, k)? {
                Some(v2) => {
                    if !self.eq(v, v2)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn compare_seq(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        // Items are read by index each time (no copy): a list may change while a user
        // __eq__ runs, as in CPython. `a` and `b` are rooted by the caller.
        fn item(v: &Value, i: usize) -> Option<Value> {
            match v.as_obj().map(|o| o.kind()) {
                Some(Kind::List(l)) => l.borrow().get(i).copied(),
                Some(Kind::Tuple(t)) => t.get(i).copied(),
                _ => None,
            }
        }
        fn len(v: &Value) -> usize {
            match v.as_obj().map(|o| o.kind()) {
                Some(Kind::List(l)) => l.borrow().len(),
                Some(Kind::Tuple(t)) => t.len(),
                _ => 0,
            }
        }
        if (op == CmpOp::Eq || op == CmpOp::Ne) && len(&a) != len(&b) {
            return Ok(Value::Bool(op == CmpOp::Ne));
        }
        if let (Some(Kind::Tuple(x)), Some(Kind::Tuple(y))) =
            (a.as_obj().map(|o| o.kind()), b.as_obj().map(|o| o.kind()))
        {
            if let Some(r) = compare_items_simple(x, y, op) {
                return Ok(Value::Bool(r));
            }
        }
        self.enter_native(" in comparison")?;
        let r = (|| {
            let mut i = 0;
            while let (Some(x), Some(y)) = (item(&a, i), item(&b, i)) {
                i += 1;
                if x.is(&y) {
                    continue;
                }
                let same = match eq_simple(&x, &y) {
                    Some(r) => r,
                    None => self.eq(x, y)?,
                };
                if !same {
                    return match op {
                        CmpOp::Eq => Ok(Value::Bool(false)),
                        CmpOp::Ne => Ok(Value::Bool(true)),
                        _ => self.compare(x, y, op),
                    };
                }
            }
            Ok(Value::Bool(cmp_apply(op, len(&a).cmp(&len(&b)))))
        })();
        self.leave_native();
        r
    }

    /// `a < b` etc. as a bool (for sorting, min, max).
    pub fn compare_bool(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(cmp_apply(op, x.cmp(&y))),
            _ => {
                let r = self.compare(a, b, op)?;
                self.truthy(r)
            }
        }
    }
}

fn range_eq(a: &Range, b: &Range) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la != lb {
        return false;
    }
    if la == 0 {
        return true;
    }
    if a.start != b.start {
        return false;
    }
    la == 1 || a.step == b.step
}

/// The items of a list or tuple (copied).
pub fn seq_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Obj(o) => match &o.kind {
            Kind::List(l) => Some(l.borrow().clone()),
            Kind::Tuple(t) => Some(t.to_vec()),
            _ => None,
        },
        _ => None,
    }
}

#[inline]
pub fn cmp_apply(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

/// Lexicographic `op` of two sequences' items when it is decided by identical items, ints,
/// floats and strs alone (no Python code can run): the result `compare_seq` would give, or
/// None for the general path (which starts over; nothing here has effects).
pub fn compare_items_simple(a: &[Value], b: &[Value], op: CmpOp) -> Option<bool> {
    for (x, y) in a.iter().zip(b.iter()) {
        if x.is(y) {
            continue;
        }
        match (x, y) {
            (Value::Int(p), Value::Int(q)) => return Some(cmp_apply(op, p.cmp(q))),
            (Value::Float(p), Value::Float(q)) => {
                if p == q {
                    continue;
                }
                return Some(float_cmp(op, *p, *q));
            }
            (Value::Obj(p), Value::Obj(q)) => match (&p.kind, &q.kind) {
                (Kind::Str(s), Kind::Str(t)) => match s.s.cmp(&t.s) {
                    Ordering::Equal => continue,
                    o => return Some(cmp_apply(op, o)),
                },
                _ => return None,
            },
            _ => return None,
        }
    }
    Some(cmp_apply(op, a.len().cmp(&b.len())))
}

#[inline]
fn float_cmp(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// Key equality for dict and set lookups: identity first, as CPython's containers do
/// (so a NaN finds itself), then `eq_simple`.
#[inline]
pub fn key_eq_simple(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    eq_simple(a, b)
}

/// Equality that needs no user code: Some(result) for simple values, None otherwise.
#[inline]
pub fn eq_simple(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Obj(x), Value::Obj(y)) => {
            if x.ptr_eq(*y) && !matches!(x.kind, Kind::Instance(_)) {
                return Some(true);
            }
            match (&x.kind, &y.kind) {
                (Kind::Str(s), Kind::Str(t)) => Some(s.s == t.s),
                (Kind::BigInt(p), Kind::BigInt(q)) => Some(p == q),
                (Kind::Str(_), Kind::BigInt(_) | Kind::Tuple(_)) | (Kind::BigInt(_) | Kind::Tuple(_), Kind::Str(_)) => {
                    Some(false)
                }
                _ => None,
            }
        }
        (Value::None, Value::None) => Some(true),
        (Value::None, _) | (_, Value::None) => {
            if matches!(a, Value::Obj(o) if matches!(o.kind, Kind::Instance(_)))
                || matches!(b, Value::Obj(o) if matches!(o.kind, Kind::Instance(_)))
            {
                None
            } else {
                Some(false)
            }
        }
        _ => {
            let (x, y) = (num_of(a)?, num_of(b)?);
            Some(num_cmp(&x, &y) == Some(Ordering::Equal))
        }
    }
}

// -- Dict and set helpers ---------------------------------------------------------------

/// Looks up an interned-str key (identity, then content) with no user code.
#[inline]
pub fn dict_get_str(d: ObjRef, key: ObjRef) -> Option<Value> {
    let dict = d.as_dict()?.borrow();
    let Kind::Str(ks) = &key.kind else { return None };
    let h = ks.hash();
    let pos = dict.find(h, |k| match k {
        Value::Obj(o) => o.ptr_eq(key) || matches!(&o.kind, Kind::Str(s) if s.s == ks.s),
        _ => false,
    })?;
    dict.entry(pos).map(|(_, v)| v)
}

/// `needle in hay` for strs: a one-byte needle (the common `ch in s`) is a byte search.
#[inline]
pub fn str_contains(hay: &str, needle: &str) -> bool {
    match needle.as_bytes() {
        [b] => hay.as_bytes().contains(b),
        _ => hay.contains(needle),
    }
}

/// `d[key]` for an exact dict and a str key, with no user code: `Some(found)`, or
/// `None` when the answer needs `Vm::dict_get` (another key kind, or a candidate entry
/// whose equality with a str may run Python code: an instance key with the same hash).
/// Identity is tried before content, as in `key_eq_simple`.
#[inline]
pub fn dict_get_str_key(d: ObjRef, key: Value) -> Option<Option<Value>> {
    let Kind::Dict(cell) = &d.kind else { return None };
    let Value::Obj(ko) = key else { return None };
    let Kind::Str(ks) = &ko.kind else { return None };
    let h = ks.hash();
    let dict = cell.borrow();
    let mut slow = false;
    let pos = dict.find(h, |k| match k {
        Value::Obj(o) => {
            o.ptr_eq(ko)
                || match &o.kind {
                    Kind::Str(s) => s.s == ks.s,
                    Kind::Instance(_) => {
                        slow = true;
                        false
                    }
                    _ => false,
                }
        }
        _ => false,
    });
    match pos {
        Some(p) => Some(dict.entry(p).map(|(_, v)| v)),
        None if slow => None,
        None => Some(None),
    }
}

/// Stores under an interned-str key with no user code.
pub fn dict_set_str(d: ObjRef, key: ObjRef, v: Value) {
    let Some(cell) = d.as_dict() else { return };
    let mut dict = cell.borrow_mut();
    let Kind::Str(ks) = &key.kind else { return };
    let h = ks.hash();
    match dict.find(h, |k| match k {
        Value::Obj(o) => o.ptr_eq(key) || matches!(&o.kind, Kind::Str(s) if s.s == ks.s),
        _ => false,
    }) {
        Some(pos) => dict.set_value(pos, v),
        None => dict.push(h, Value::Obj(key), v),
    }
}

/// Removes an interned-str key; returns whether it was there.
pub fn dict_del_str(d: ObjRef, key: ObjRef) -> bool {
    let Some(cell) = d.as_dict() else { return false };
    let mut dict = cell.borrow_mut();
    let Kind::Str(ks) = &key.kind else { return false };
    match dict.find(
        ks.hash(),
        |k| matches!(k, Value::Obj(o) if o.ptr_eq(key) || matches!(&o.kind, Kind::Str(s) if s.s == ks.s)),
    ) {
        Some(pos) => {
            dict.remove_at(pos);
            true
        }
        None => false,
    }
}

impl Vm {
    /// The entry position of `key` in dict table `d` (which may belong to a dict object or
    /// a subclass instance's payload).
    fn dict_find(&mut self, d: &RefCell<Dict>, key: Value, h: i64) -> PyResult<Option<usize>> {
        let mut needs_slow = false;
        let found = d.borrow().find(h, |k| match key_eq_simple(k, &key) {
            Some(r) => r,
            None => {
                needs_slow = true;
                false
            }
        });
        if found.is_some() || !needs_slow {
            return Ok(found);
        }
        let cands = d.borrow().candidates(h);
        for pos in cands {
            let Some((k, _)) = d.borrow().entry(pos) else { continue };
            if k.is(&key) || self.eq(k, key)? {
                return Ok(Some(pos));
            }
        }
        Ok(None)
    }

    /// `d[key]` or None when missing (d must be a dict object or dict subclass instance).
    pub fn dict_get(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        if let Some(r) = dict_get_str_key(d, key) {
            return Ok(r);
        }
        let h = self.hash(key)?;
        let d = real_dict(d).expect("dict");
        let cell = d.as_dict().unwrap();
        let pos = self.dict_find(cell, key, h)?;
        Ok(pos.and_then(|p| cell.borrow().entry(p).map(|(_, v)| v)))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: ObjRef, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        let d = real_dict(d).expect("dict");
        let cell = d.as_dict().unwrap();
        match self.dict_find(cell, key, h)? {
            Some(pos) => cell.borrow_mut().set_value(pos, value),
            None => cell.borrow_mut().push(h, key, value),
        }
        Ok(())
    }

    /// `del d[key]`; returns the removed value or None when missing.
    pub fn dict_remove(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let d = real_dict(d).expect("dict");
        let cell = d.as_dict().unwrap();
        match self.dict_find(cell, key, h)? {
            Some(pos) => Ok(Some(cell.borrow_mut().remove_at(pos).1)),
            None => Ok(None),
        }
    }

    /// The slot of `key` in a set table.
    pub fn set_find(&mut self, s: &SetLike, key: Value, h: i64) -> PyResult<Option<usize>> {
        let cands = s.with(|t| t.candidates(h));
        for pos in cands {
            let Some((_, k)) = s.with(|t| t.slot(pos)) else { continue };
            let eq = match key_eq_simple(&k, &key) {
                Some(r) => r,
                None => k.is(&key) || self.eq(k, key)?,
            };
            if eq {
                return Ok(Some(pos));
            }
        }
        Ok(None)
    }

    /// Adds `key` to a set object; returns whether it was new.
    pub fn set_add(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        let sl = SetLike::of(s).expect("set");
        if self.set_find(&sl, key, h)?.is_some() {
            return Ok(false);
        }
        sl.with_mut(|t| t.insert_new(h, key));
        Ok(true)
    }

    /// `key in s` for a set or frozenset object.
    pub fn set_contains(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // `[1] in {..}`: unhashable keys are a TypeError in CPython too.
                return Err(e);
            }
        };
        let sl = SetLike::of(s).expect("set");
        Ok(self.set_find(&sl, key, h)?.is_some())
    }

    /// Removes `key` from a set object; returns whether it was there.
    pub fn set_discard(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        let sl = SetLike::of(s).expect("set");
        match self.set_find(&sl, key, h)? {
            Some(pos) => {
                sl.with_mut(|t| t.remove_slot(pos));
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// The dict object behind a dict or dict-subclass instance.
#[inline]
pub fn real_dict(o: ObjRef) -> Option<ObjRef> {
    match &o.kind {
        Kind::Dict(_) => Some(o),
        Kind::Instance(Instance { payload: Payload::Builtin(b), .. }) => {
            b.get().as_obj().filter(|p| matches!(p.kind, Kind::Dict(_)))
        }
        _ => None,
    }
}

/// A set or frozenset table, mutable or not.
pub enum SetLike {
    Set(ObjRef),
    Frozen(ObjRef),
}

impl SetLike {
    pub fn of(o: ObjRef) -> Option<SetLike> {
        match &o.kind {
            Kind::Set(_) => Some(SetLike::Set(o)),
            Kind::FrozenSet(_) => Some(SetLike::Frozen(o)),
            Kind::Instance(Instance { payload: Payload::Builtin(b), .. }) => b.get().as_obj().and_then(SetLike::of),
            _ => None,
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&crate::set::SetTable) -> R) -> R {
        match self {
            SetLike::Set(o) => match &o.kind {
                Kind::Set(s) => f(&s.borrow()),
                _ => unreachable!(),
            },
            SetLike::Frozen(o) => match &o.kind {
                Kind::FrozenSet(s) => f(s),
                _ => unreachable!(),
            },
        }
    }

    /// Mutates the table (frozensets are only mutated while being built).
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut crate::set::SetTable) -> R) -> R {
        match self {
            SetLike::Set(o) => match &o.kind {
                Kind::Set(s) => f(&mut s.borrow_mut()),
                _ => unreachable!(),
            },
            SetLike::Frozen(o) => match &o.kind {
                // Frozensets are built through a Set and converted; this path only
                // happens while building, before the object escapes.
                Kind::FrozenSet(s) => {
                    let mut copy = s.clone();
                    let r = f(&mut copy);
                    let p = o.as_ptr();
                    // SAFETY: only reached while a frozenset under construction is not
                    // yet visible to Python code; no other reference reads it meanwhile.
                    unsafe {
                        if let Kind::FrozenSet(t) = &mut (*p).kind {
                            *t = copy;
                        }
                    }
                    r
                }
                _ => unreachable!(),
            },
        }
    }
}

/// Whether a class attribute is a native function (possibly wrapped in staticmethod or
/// classmethod): the built-in `__new__`s, which are not user-defined constructors.
pub(crate) fn is_native_callable(v: &Value) -> bool {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Native(_)) => true,
        Some(Kind::StaticMethod(f) | Kind::ClassMethod(f)) => {
            matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(_)))
        }
        _ => false,
    }
}

/// Identity hash of an object (CPython rotates the address by 4 bits).
#[inline]
pub fn identity_hash(o: ObjRef) -> i64 {
    let a = o.addr() as u64;
    (a.rotate_right(4)) as i64 & i64::MAX
}

// -- Attributes -------------------------------------------------------------------------

impl Vm {
    /// Looks `name` up along a class's MRO (class namespace values, unbound).
    pub fn class_lookup(&self, cls: ObjRef, name: ObjRef) -> Option<Value> {
        let c = cls.as_class()?;
        let epoch = self.class_epoch.get();
        if c.version.get() == epoch {
            if let Some(r) = c.cache.borrow().get(&name.addr()) {
                return *r;
            }
        } else {
            c.cache.borrow_mut().clear();
            c.version.set(epoch);
        }
        let mut found = None;
        for m in c.mro.borrow().iter() {
            if let Some(mc) = m.as_class() {
                if let Some(v) = dict_get_str(mc.dict, name) {
                    found = Some(v);
                    break;
                }
            }
        }
        c.cache.borrow_mut().insert(name.addr(), found);
        found
    }

    /// A special method of a class (looked up on the type, never the instance).
    #[inline]
    pub fn lookup_special(&self, cls: ObjRef, name: ObjRef) -> Option<Value> {
        self.class_lookup(cls, name)
    }

    /// A special method a user metaclass defines for the class `o` (None for classes of
    /// `type` and for methods `type` itself provides).
    #[inline]
    pub fn meta_method(&self, o: ObjRef, name: ObjRef) -> Option<Value> {
        let m = match &o.kind {
            Kind::Class(c) => c.meta.get()?,
            _ => return None,
        };
        self.class_lookup(m, name).filter(|f| !is_native_callable(f))
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: Value, name: ObjRef) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// The AttributeError for a missing attribute, with CPython's message.
    pub fn no_attribute(&mut self, obj: Value, name: ObjRef) -> PyErr {
        let n = name.as_str().unwrap_or("?").to_string();
        let msg = match obj.as_obj().map(|o| o.kind()) {
            Some(Kind::Module(m)) => format!("module '{}' has no attribute '{}'", m.name, n),
            Some(Kind::Class(c)) => format!("type object '{}' has no attribute '{}'", c.name.borrow(), n),
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), n),
        };
        let e = self.attribute_error(msg);
        if let Some(inst) = e.0.as_instance() {
            let k = self.intern("name");
            self.store_instance_attr(inst, k, Value::Obj(name));
            let k = self.intern("obj");
            self.store_instance_attr(inst, k, obj);
        }
        e
    }

    /// `getattr(obj, name)`, None when missing (errors other than AttributeError propagate).
    pub fn get_attr_opt(&mut self, obj: Value, name: ObjRef) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            if let Kind::Instance(inst) = &o.kind {
                let cls = inst.class.get();
                if let Some(ga) = self.class_lookup(cls, self.names.getattribute) {
                    if !self.is_object_slot(ga, "__getattribute__") {
                        let nv = Value::Obj(name);
                        return match self.call(ga, &[obj, nv], &[]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.err_matches(&e, self.exc.AttributeError) => {
                                match self.class_lookup(cls, self.names.getattr) {
                                    Some(f) => self.call(f, &[obj, nv], &[]).map(Some),
                                    None => Err(e),
                                }
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
            }
        }
        self.generic_get_attr_opt(obj, name)
    }

    /// Whether instances of `cls` have a user-defined `__getattribute__`.
    #[inline]
    pub fn has_custom_getattribute(&self, cls: ObjRef) -> bool {
        match self.class_lookup(cls, self.names.getattribute) {
            Some(f) => !self.is_object_slot(f, "__getattribute__"),
            None => false,
        }
    }

    /// Attribute lookup without a user `__getattribute__` (`object.__getattribute__`).
    pub fn generic_get_attr_opt(&mut self, obj: Value, name: ObjRef) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        if name.ptr_eq(self.names.class) && !matches!(obj, Value::Obj(_)) {
            return Ok(Some(Value::Obj(cls)));
        }
        // Modules and classes first: their namespaces are the attributes.
        if let Value::Obj(o) = obj {
            match &o.kind {
                Kind::Module(m) => {
                    if let Some(v) = dict_get_str(m.dict, name) {
                        return Ok(Some(v));
                    }
                    if name.ptr_eq(self.names.dict) {
                        return Ok(Some(Value::Obj(m.dict)));
                    }
                    if let Some(ga) = dict_get_str(m.dict, self.names.getattr) {
                        let nv = Value::Obj(name);
                        return self.call_catch_attr(ga, &[nv]);
                    }
                    return Ok(None);
                }
                Kind::Class(_) => return self.class_get_attr(o, name),
                Kind::Super(start, target) => return self.super_get_attr(*start, *target, name),
                _ => {}
            }
        }
        let descr = self.class_lookup(cls, name);
        // Data descriptors (properties) win over the instance dict.
        if let Some(Value::Obj(d)) = descr {
            if let Kind::Property(p) = &d.kind {
                if p.fget.is_none() || p.fget.is_undef() {
                    let n = name.as_str().unwrap_or("").to_string();
                    let tn = class_name(cls);
                    return Err(self.attribute_error(format!("property '{}' of '{}' object has no getter", n, tn)));
                }
                let g = p.fget;
                return self.call(g, &[obj], &[]).map(Some);
            }
            if let Kind::Instance(_) = &d.kind {
                // A user descriptor with __get__ and __set__ is a data descriptor.
                let dcls = self.type_of(Value::Obj(d));
                if let Some(get) = self.class_lookup(dcls, self.names.get) {
                    if self.class_lookup(dcls, self.names.set).is_some() {
                        return self.call(get, &[Value::Obj(d), obj, Value::Obj(cls)], &[]).map(Some);
                    }
                }
            }
        }
        if let Value::Obj(o) = obj {
            if let Kind::Instance(inst) = &o.kind {
                if let Some(v) = self.instance_get(inst, name) {
                    return Ok(Some(v));
                }
            }
            if let Some(v) = self.special_attr(o, obj, name)? {
                return Ok(Some(v));
            }
        }
        if let Some(d) = descr {
            return self.bind_descriptor(d, obj, cls).map(Some);
        }
        if let Value::Obj(o) = obj {
            if let Kind::Instance(_) = &o.kind {
                if let Some(ga) = self.class_lookup(cls, self.names.getattr) {
                    // An AttributeError raised by __getattr__ propagates as it is.
                    let nv = Value::Obj(name);
                    return self.call(ga, &[obj, nv], &[]).map(Some);
                }
            }
        }
        if name.as_str() == Some("__doc__") {
            // Every class has a __doc__ (None when it has no docstring).
            return self.class_get_attr(cls, name);
        }
        Ok(None)
    }

    fn call_catch_attr(&mut self, f: Value, args: &[Value]) -> PyResult<Option<Value>> {
        match self.call(f, args, &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, self.exc.AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Applies the descriptor protocol to a class attribute found for `obj`.
    pub fn bind_descriptor(&mut self, d: Value, obj: Value, cls: ObjRef) -> PyResult<Value> {
        let Value::Obj(o) = d else { return Ok(d) };
        Ok(match &o.kind {
            Kind::Function(_) => Value::Obj(self.alloc(Kind::BoundMethod(d, obj))),
            Kind::Native(n) if n.bound.is_undef() && n.owner.is_some() => {
                Value::Obj(self.alloc(Kind::BoundMethod(d, obj)))
            }
            Kind::StaticMethod(f) => *f,
            Kind::ClassMethod(f) => {
                let f = *f;
                Value::Obj(self.alloc(Kind::BoundMethod(f, Value::Obj(cls))))
            }
            Kind::Instance(_) => {
                let dcls = self.type_of(d);
                match self.class_lookup(dcls, self.names.get) {
                    Some(get) => self.call(get, &[d, obj, Value::Obj(cls)], &[])?,
                    None => d,
                }
            }
            _ => d,
        })
    }

    fn class_get_attr(&mut self, cls: ObjRef, name: ObjRef) -> PyResult<Option<Value>> {
        // The metaclass (type) provides a few attributes.
        if let Some(v) = self.special_attr(cls, Value::Obj(cls), name)? {
            return Ok(Some(v));
        }
        // A user metaclass: its properties win over the class's own attributes.
        let meta = cls.as_class().and_then(|c| c.meta.get());
        if let Some(m) = meta {
            if let Some(Value::Obj(d)) = self.class_lookup(m, name) {
                if let Kind::Property(p) = &d.kind {
                    let g = p.fget;
                    return self.call(g, &[Value::Obj(cls)], &[]).map(Some);
                }
            }
        }
        match self.class_lookup(cls, name) {
            Some(Value::Obj(d)) => Ok(Some(match &d.kind {
                Kind::StaticMethod(f) => *f,
                Kind::ClassMethod(f) => {
                    let f = *f;
                    Value::Obj(self.alloc(Kind::BoundMethod(f, Value::Obj(cls))))
                }
                Kind::Instance(_) => {
                    let dcls = self.type_of(Value::Obj(d));
                    match self.class_lookup(dcls, self.names.get) {
                        Some(get) => self.call(get, &[Value::Obj(d), Value::None, Value::Obj(cls)], &[])?,
                        None => Value::Obj(d),
                    }
                }
                _ => Value::Obj(d),
            })),
            Some(v) => Ok(Some(v)),
            None => {
                // Attributes of the metaclass (a user metaclass, or `type` itself: mro,
                // __subclasses__...).
                if let Some(m) = meta {
                    if let Some(d) = self.class_lookup(m, name) {
                        return self.bind_descriptor(d, Value::Obj(cls), m).map(Some);
                    }
                }
                let tt = self.types.type_;
                match self.class_lookup(tt, name) {
                    Some(d) => self.bind_descriptor(d, Value::Obj(cls), tt).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    fn super_get_attr(&mut self, start: Value, target: Value, name: ObjRef) -> PyResult<Option<Value>> {
        let Some(start) = start.as_obj() else { return Ok(None) };
        let target_cls = match target.as_obj() {
            Some(o)
                if matches!(o.kind, Kind::Class(_))
                    && !matches!(start.kind, Kind::Instance(_))
                    && is_subclass(o, start) =>
            {
                o
            }
            _ => self.type_of(target),
        };
        let mro = target_cls.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
        let mut after = false;
        for m in mro {
            if after {
                if let Some(v) = m.as_class().and_then(|c| dict_get_str(c.dict, name)) {
                    // `super(C, C)`: plain functions stay unbound; `super(Meta, cls)` binds.
                    let is_class_target = target.as_obj().is_some_and(|t| t.ptr_eq(target_cls));
                    return Ok(Some(match v.as_obj().map(|o| o.kind()) {
                        Some(Kind::Function(_)) | Some(Kind::Native(_)) if is_class_target => v,
                        _ => self.bind_descriptor(v, target, target_cls)?,
                    }));
                }
            } else if m.ptr_eq(start) {
                after = true;
            }
        }
        if name.ptr_eq(self.names.class) {
            return Ok(Some(Value::Obj(self.types.super_)));
        }
        Ok(None)
    }

    /// Attributes that built-in objects provide without a class namespace entry.
    fn special_attr(&mut self, o: ObjRef, obj: Value, name: ObjRef) -> PyResult<Option<Value>> {
        let n = name.as_str().unwrap_or("");
        if !n.starts_with("__")
            && !matches!(
                o.kind,
                Kind::Instance(_) | Kind::Range(_) | Kind::Slice(..) | Kind::Function(_) | Kind::Property(_)
            )
        {
            return Ok(None);
        }
        if n == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        if (n == "__doc__" || n == "__weakref__") && matches!(o.kind, Kind::Instance(_) | Kind::Iter(_)) {
            // An object's __doc__ is its class's; __weakref__ (no weak references are
            // held) is None.
            let cls = self.type_of(obj);
            if n == "__weakref__" {
                return Ok(cls.as_class().filter(|c| !c.builtin).map(|_| Value::None));
            }
            if self.class_lookup(cls, name).is_none() {
                return self.class_get_attr(cls, name);
            }
        }
        Ok(match (&o.kind, n) {
            (Kind::Instance(i), "__dict__") => {
                let d = self.instance_dict(i);
                Some(d)
            }
            (Kind::Instance(Instance { payload: Payload::Exception(e), .. }), _) => {
                let e = e.borrow();
                match n {
                    "args" => Some(e.args),
                    "__cause__" => Some(e.cause),
                    "__context__" => Some(e.context),
                    "__suppress_context__" => Some(Value::Bool(e.suppress_context)),
                    "__traceback__" => Some(Value::None),
                    "value" if is_subclass(self.type_of(obj), self.exc.StopIteration) => Some(
                        e.args
                            .as_obj()
                            .and_then(|t| t.as_tuple().and_then(|t| t.first().copied()))
                            .unwrap_or(Value::None),
                    ),
                    "name" | "path" if is_subclass(self.type_of(obj), self.exc.ImportError) => Some(Value::None),
                    "name" | "obj" if is_subclass(self.type_of(obj), self.exc.AttributeError) => Some(Value::None),
                    "code" if is_subclass(self.type_of(obj), self.exc.SystemExit) => Some(
                        e.args
                            .as_obj()
                            .and_then(|t| t.as_tuple().and_then(|t| if t.len() == 1 { Some(t[0]) } else { None }))
                            .unwrap_or(Value::None),
                    ),
                    _ => None,
                }
            }
            (Kind::Class(c), _) => match n {
                "__name__" => {
                    let s = c.name.borrow().clone();
                    Some(self.new_str(s))
                }
                "__qualname__" => {
                    let s = c.qualname.borrow().clone();
                    Some(self.new_str(s))
                }
                "__module__" => match dict_get_str(c.dict, name) {
                    Some(v) => Some(v),
                    None => {
                        let s = c.module.borrow().clone();
                        Some(self.new_str(s))
                    }
                },
                "__mro__" => {
                    let m: Vec<Value> = c.mro.borrow().iter().map(|x| Value::Obj(*x)).collect();
                    Some(self.new_tuple(m))
                }
                "__bases__" => {
                    let m: Vec<Value> = c.bases.borrow().iter().map(|x| Value::Obj(*x)).collect();
                    Some(self.new_tuple(m))
                }
                "__base__" => Some(c.bases.borrow().first().map(|b| Value::Obj(*b)).unwrap_or(Value::None)),
                "__dict__" => Some(Value::Obj(c.dict)),
                "__doc__" => Some(dict_get_str(c.dict, name).unwrap_or(Value::None)),
                "__weakref__" if !c.builtin => Some(Value::None),
                // A class's own annotations (created empty on first access, like CPython's).
                "__annotations__" if !c.builtin => match dict_get_str(c.dict, name) {
                    Some(v) => Some(v),
                    None => {
                        let a = self.new_dict(Dict::new());
                        dict_set_str(c.dict, name, a);
                        self.class_epoch.set(self.class_epoch.get() + 1);
                        Some(a)
                    }
                },
                _ => None,
            },
            (Kind::Function(f), _) => match n {
                "__name__" => Some(f.name.get()),
                "__qualname__" => Some(f.qualname.get()),
                "__module__" => Some(f.module),
                "__doc__" => Some(f.doc.get()),
                "__defaults__" => Some(f.defaults.get()),
                "__kwdefaults__" => Some(f.kwdefaults.get()),
                "__code__" => Some(Value::Obj(f.code)),
                "__globals__" => Some(Value::Obj(f.globals)),
                "__dict__" => {
                    let d = match f.dict.get() {
                        Some(d) => d,
                        None => {
                            let d = self.alloc(Kind::new_dict(RefCell::new(Dict::new())));
                            f.dict.set(Some(d));
                            d
                        }
                    };
                    Some(Value::Obj(d))
                }
                "__closure__" => {
                    if f.closure.is_empty() {
                        Some(Value::None)
                    } else {
                        let c: Vec<Value> = f.closure.iter().map(|c| Value::Obj(*c)).collect();
                        Some(self.new_tuple(c))
                    }
                }
                "__annotations__" => {
                    // Created empty on first access, like CPython's.
                    let d = match f.dict.get() {
                        Some(d) => d,
                        None => {
                            let d = self.alloc(Kind::new_dict(RefCell::new(Dict::new())));
                            f.dict.set(Some(d));
                            d
                        }
                    };
                    match dict_get_str(d, name) {
                        Some(v) => Some(v),
                        None => {
                            let a = self.new_dict(Dict::new());
                            dict_set_str(d, name, a);
                            Some(a)
                        }
                    }
                }
                _ => f.dict.get().and_then(|d| dict_get_str(d, name)),
            },
            (Kind::Native(nf), _) => match n {
                "__name__" => Some(self.new_str(nf.name)),
                "__qualname__" => Some(match nf.owner {
                    Some(ow) => self.new_str(format!("{}.{}", ow, nf.name)),
                    None => self.new_str(nf.name),
                }),
                "__self__" => Some(if nf.bound.is_undef() { Value::None } else { nf.bound }),
                "__doc__" => Some(Value::None),
                "__module__" => Some(Value::None),
                _ => None,
            },
            (Kind::BoundMethod(f, s), _) => match n {
                "__self__" => Some(*s),
                "__func__" => Some(*f),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = *f;
                    Some(self.get_attr(f, name)?)
                }
                _ => None,
            },
            (Kind::Module(m), "__name__") => {
                let s = m.name.clone();
                Some(self.new_str(s))
            }
            (Kind::Code(c), _) => match n {
                "co_name" => Some(self.new_str(c.co.name.as_str())),
                "co_filename" => Some(self.new_str(&*c.co.filename)),
                "co_firstlineno" => Some(Value::Int(c.co.first_line as i64)),
                "co_argcount" => Some(Value::Int(c.co.argcount as i64)),
                _ => None,
            },
            (Kind::Range(r), _) => match n {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            (Kind::Slice(a, b, c), _) => match n {
                "start" => Some(*a),
                "stop" => Some(*b),
                "step" => Some(*c),
                _ => None,
            },
            (Kind::Property(p), _) => match n {
                "fget" => Some(p.fget),
                "fset" => Some(p.fset),
                "fdel" => Some(p.fdel),
                "__doc__" => Some(p.doc),
                "__isabstractmethod__" => {
                    let mut abs = false;
                    let n = self.intern("__isabstractmethod__");
                    for f in [p.fget, p.fset, p.fdel] {
                        if !f.is_none() && !abs {
                            let v = self.get_attr_opt(f, n)?;
                            abs = match v {
                                Some(v) => self.truthy(v)?,
                                None => false,
                            };
                        }
                    }
                    Some(Value::Bool(abs))
                }
                _ => None,
            },
            (Kind::StaticMethod(f) | Kind::ClassMethod(f), "__func__") => Some(*f),
            (Kind::Generator(g), _) => match n {
                "__name__" | "__qualname__" => {
                    let func = g.borrow().func;
                    Some(self.get_attr(Value::Obj(func), name)?)
                }
                _ => None,
            },
            _ => None,
        })
    }

    /// An instance attribute stored on the instance itself (not the class).
    #[inline]
    pub fn instance_get(&self, inst: &Instance, name: ObjRef) -> Option<Value> {
        let shape = inst.shape.get();
        if shape == crate::shape::DICT_MODE {
            let d = inst.slots.borrow()[0].as_obj()?;
            return dict_get_str(d, name);
        }
        let slot = self.shapes.lookup(shape, name)?;
        let v = inst.slots.borrow()[slot];
        if v.is_undef() {
            None
        } else {
            Some(v)
        }
    }

    /// Removes an attribute stored on the instance; returns whether it was there.
    pub fn instance_del(&mut self, inst: &Instance, name: ObjRef) -> bool {
        let shape = inst.shape.get();
        if shape == crate::shape::DICT_MODE {
            let Some(d) = inst.slots.borrow()[0].as_obj() else { return false };
            return dict_del_str(d, name);
        }
        let Some(slot) = self.shapes.lookup(shape, name) else { return false };
        if inst.slots.borrow()[slot].is_undef() {
            return false;
        }
        let names: Vec<ObjRef> = self.shapes.names(shape).to_vec();
        let old = inst.slots.borrow().clone();
        let mut keep_names = Vec::new();
        let mut keep_vals = Vec::new();
        for (i, (n, v)) in names.iter().zip(old.iter()).enumerate() {
            if i != slot && !v.is_undef() {
                keep_names.push(*n);
                keep_vals.push(*v);
            }
        }
        let ns = self.shapes.from_names(&keep_names);
        inst.shape.set(ns);
        *inst.slots.borrow_mut() = keep_vals;
        true
    }

    /// An instance's `__dict__`: from then on the instance keeps its attributes in that
    /// dict (shape `DICT_MODE`), so changes through either side are seen by both.
    pub fn instance_dict(&mut self, i: &Instance) -> Value {
        if i.shape.get() == crate::shape::DICT_MODE {
            return i.slots.borrow()[0];
        }
        let names: Vec<ObjRef> = self.shapes.names(i.shape.get()).to_vec();
        let slots = i.slots.borrow().clone();
        let mut d = Dict::new();
        for (n, v) in names.iter().zip(slots.iter()) {
            if !v.is_undef() {
                if let Kind::Str(s) = &n.kind {
                    d.push(s.hash(), Value::Obj(*n), *v);
                }
            }
        }
        let dv = self.new_dict(d);
        i.shape.set(crate::shape::DICT_MODE);
        *i.slots.borrow_mut() = vec![dv];
        dv
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: Value, name: ObjRef, value: Value) -> PyResult<()> {
        let Value::Obj(o) = obj else {
            return Err(self.set_attr_error(obj, name));
        };
        match &o.kind {
            Kind::Instance(inst) => {
                let cls = inst.class.get();
                if let Some(d) = self.class_lookup(cls, name) {
                    if let Value::Obj(dobj) = d {
                        match &dobj.kind {
                            Kind::Property(p) => {
                                if p.fset.is_none() || p.fset.is_undef() {
                                    let n = name.as_str().unwrap_or("").to_string();
                                    let tn = class_name(cls);
                                    return Err(self.attribute_error(format!(
                                        "property '{}' of '{}' object has no setter",
                                        n, tn
                                    )));
                                }
                                let s = p.fset;
                                self.call(s, &[obj, value], &[])?;
                                return Ok(());
                            }
                            Kind::Instance(_) => {
                                let dcls = self.type_of(d);
                                if let Some(set) = self.class_lookup(dcls, self.names.set) {
                                    self.call(set, &[d, obj, value], &[])?;
                                    return Ok(());
                                }
                            }
                            _ => {}
                        }
                    }
                }
                if let Some(sa) = self.class_lookup(cls, self.names.setattr) {
                    if !self.is_object_slot(sa, "__setattr__") {
                        self.call(sa, &[obj, Value::Obj(name), value], &[])?;
                        return Ok(());
                    }
                }
                self.store_instance_attr(inst, name, value);
                Ok(())
            }
            Kind::Class(_) => {
                if let Some(f) = self.meta_method(o, self.names.setattr) {
                    self.call(f, &[obj, Value::Obj(name), value], &[])?;
                    return Ok(());
                }
                self.set_class_attr_raw(o, name, value)
            }
            Kind::Module(m) => {
                dict_set_str(m.dict, name, value);
                Ok(())
            }
            Kind::Function(f) => {
                match name.as_str() {
                    Some("__name__") => f.name.set(value),
                    Some("__qualname__") => f.qualname.set(value),
                    Some("__doc__") => f.doc.set(value),
                    Some("__defaults__") => f.defaults.set(value),
                    Some("__kwdefaults__") => f.kwdefaults.set(value),
                    _ => {
                        let d = match f.dict.get() {
                            Some(d) => d,
                            None => {
                                let d = self.alloc(Kind::new_dict(RefCell::new(Dict::new())));
                                f.dict.set(Some(d));
                                d
                            }
                        };
                        dict_set_str(d, name, value);
                    }
                }
                Ok(())
            }
            _ => Err(self.set_attr_error(obj, name)),
        }
    }

    /// Stores a class attribute without consulting the metaclass's `__setattr__` (what
    /// `type.__setattr__` does).
    pub fn set_class_attr_raw(&mut self, o: ObjRef, name: ObjRef, value: Value) -> PyResult<()> {
        let Some(c) = o.as_class() else { return Err(self.set_attr_error(Value::Obj(o), name)) };
        if c.builtin {
            let n = c.name.borrow().clone();
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str().unwrap_or(""),
                n
            )));
        }
        if name.as_str() == Some("__bases__") {
            return self.set_class_bases(o, value);
        }
        dict_set_str(c.dict, name, value);
        self.class_epoch.set(self.class_epoch.get() + 1);
        match name.as_str() {
            Some("__name__") => *c.name.borrow_mut() = self.str_of(value)?,
            Some("__qualname__") => *c.qualname.borrow_mut() = self.str_of(value)?,
            Some("__module__") => {
                if let Some(s) = value.as_obj().and_then(|v| v.as_str().map(str::to_string)) {
                    *c.module.borrow_mut() = s;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `C.__bases__ = (...)`: new bases and a recomputed MRO for `C` (the MROs of
    /// existing subclasses of `C` are not recomputed).
    fn set_class_bases(&mut self, o: ObjRef, value: Value) -> PyResult<()> {
        let cname = class_name(o);
        let Some(items) = value.as_obj().and_then(|t| t.as_tuple().map(|t| t.to_vec())) else {
            let tn = self.type_name(value);
            return Err(self.type_error(format!("can only assign tuple to {}.__bases__, not {}", cname, tn)));
        };
        if items.is_empty() {
            return Err(self.type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", cname)));
        }
        let mut bases = Vec::with_capacity(items.len());
        for b in items {
            let Some(bc) = self.as_class(b) else {
                let tn = self.type_name(b);
                return Err(self.type_error(format!("{}.__bases__ must be tuple of classes, not '{}'", cname, tn)));
            };
            if bc.ptr_eq(o) || bc.as_class().is_some_and(|k| k.mro.borrow().iter().any(|m| m.ptr_eq(o))) {
                return Err(self.type_error("a __bases__ item causes an inheritance cycle"));
            }
            // Only plain classes: instances of a class with another layout (a built-in
            // or exception payload) could not change layout with their class.
            let plain = |k: ObjRef| k.as_class().is_some_and(|k| matches!(k.base_kind, BaseKind::Object));
            if !plain(o) || !plain(bc) || (bc.as_class().is_some_and(|k| k.builtin) && !bc.ptr_eq(self.types.object)) {
                let old =
                    o.as_class().and_then(|k| k.bases.borrow().first().map(|b| class_name(*b))).unwrap_or_default();
                return Err(self.type_error(format!(
                    "__bases__ assignment: '{}' object layout differs from '{}'",
                    class_name(bc),
                    old
                )));
            }
            bases.push(bc);
        }
        let mro = compute_mro(self, o, &bases)?;
        let Some(c) = o.as_class() else { return Ok(()) };
        *c.bases.borrow_mut() = bases;
        *c.mro.borrow_mut() = mro;
        c.cache.borrow_mut().clear();
        self.class_epoch.set(self.class_epoch.get() + 1);
        Ok(())
    }

    /// Deletes a class attribute without consulting the metaclass's `__delattr__`.
    pub fn del_class_attr_raw(&mut self, o: ObjRef, name: ObjRef) -> PyResult<()> {
        match o.as_class() {
            Some(c) if dict_del_str(c.dict, name) => {
                self.class_epoch.set(self.class_epoch.get() + 1);
                Ok(())
            }
            _ => Err(self.no_attribute(Value::Obj(o), name)),
        }
    }

    /// Stores into an instance's slots, moving it to a new shape if the name is new.
    #[inline]
    pub fn store_instance_attr(&mut self, inst: &Instance, name: ObjRef, value: Value) {
        let shape = inst.shape.get();
        if shape == crate::shape::DICT_MODE {
            if let Some(d) = inst.slots.borrow()[0].as_obj() {
                dict_set_str(d, name, value);
            }
        } else if let Some(slot) = self.shapes.lookup(shape, name) {
            inst.slots.borrow_mut()[slot] = value;
        } else {
            let ns = self.shapes.add(shape, name);
            inst.shape.set(ns);
            inst.slots.borrow_mut().push(value);
        }
        if let Payload::Exception(e) = &inst.payload {
            match name.as_str() {
                Some("__cause__") => {
                    let mut e = e.borrow_mut();
                    e.cause = value;
                    e.suppress_context = true;
                }
                Some("__context__") => e.borrow_mut().context = value,
                Some("args") => e.borrow_mut().args = value,
                _ => {}
            }
        }
    }

    fn set_attr_error(&mut self, obj: Value, name: ObjRef) -> PyErr {
        let tn = self.type_name(obj);
        let n = name.as_str().unwrap_or("");
        if self.class_lookup(self.type_of(obj), name).is_some() {
            self.attribute_error(format!("'{}' object attribute '{}' is read-only", tn, n))
        } else {
            self.attribute_error(format!("'{}' object has no attribute '{}'", tn, n))
        }
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: Value, name: ObjRef) -> PyResult<()> {
        let Value::Obj(o) = obj else { return Err(self.no_attribute(obj, name)) };
        match &o.kind {
            Kind::Instance(inst) => {
                let cls = inst.class.get();
                if let Some(Value::Obj(d)) = self.class_lookup(cls, name) {
                    if let Kind::Property(p) = &d.kind {
                        if p.fdel.is_none() || p.fdel.is_undef() {
                            let n = name.as_str().unwrap_or("").to_string();
                            let tn = class_name(cls);
                            return Err(
                                self.attribute_error(format!("property '{}' of '{}' object has no deleter", n, tn))
                            );
                        }
                        let f = p.fdel;
                        self.call(f, &[obj], &[])?;
                        return Ok(());
                    }
                }
                if let Some(da) = self.class_lookup(cls, self.names.delattr) {
                    if !self.is_object_slot(da, "__delattr__") {
                        self.call(da, &[obj, Value::Obj(name)], &[])?;
                        return Ok(());
                    }
                }
                if self.instance_del(inst, name) {
                    Ok(())
                } else {
                    Err(self.no_attribute(obj, name))
                }
            }
            Kind::Class(_) => {
                if let Some(f) = self.meta_method(o, self.names.delattr) {
                    self.call(f, &[obj, Value::Obj(name)], &[])?;
                    return Ok(());
                }
                self.del_class_attr_raw(o, name)
            }
            Kind::Module(m) => {
                if dict_del_str(m.dict, name) {
                    Ok(())
                } else {
                    Err(self.no_attribute(obj, name))
                }
            }
            Kind::Function(f) => {
                if let Some(d) = f.dict.get() {
                    if dict_del_str(d, name) {
                        return Ok(());
                    }
                }
                Err(self.no_attribute(obj, name))
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// LOAD_METHOD: `(function, self)` when `name` is a plain function or native method
    /// on the type (no bound method allocated), else `(attribute, Undef)`.
    #[inline]
    pub fn load_method(&mut self, obj: Value, name: ObjRef) -> PyResult<(Value, Value)> {
        if let Value::Obj(o) = obj {
            if matches!(o.kind, Kind::Module(_) | Kind::Class(_) | Kind::Super(..)) {
                return Ok((self.get_attr(obj, name)?, Value::Undef));
            }
            if let Kind::Instance(inst) = &o.kind {
                if self.has_custom_getattribute(inst.class.get()) {
                    return Ok((self.get_attr(obj, name)?, Value::Undef));
                }
                if let Some(v) = self.instance_get(inst, name) {
                    {
                        // An instance attribute shadows methods unless a data descriptor exists.
                        let cls = inst.class.get();
                        let is_data = matches!(self.class_lookup(cls, name), Some(Value::Obj(d)) if matches!(d.kind, Kind::Property(_)));
                        if !is_data {
                            return Ok((v, Value::Undef));
                        }
                    }
                }
            }
        }
        let cls = self.type_of(obj);
        if let Some(d @ Value::Obj(dobj)) = self.class_lookup(cls, name) {
            match &dobj.kind {
                Kind::Function(_) => return Ok((d, obj)),
                Kind::Native(n) if n.bound.is_undef() && n.owner.is_some() => return Ok((d, obj)),
                _ => {}
            }
        }
        Ok((self.get_attr(obj, name)?, Value::Undef))
    }
}

// -- Calls ------------------------------------------------------------------------------

impl Vm {
    /// Calls any callable with positional and keyword arguments.
    pub fn call(&mut self, f: Value, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
        let Value::Obj(o) = f else {
            let tn = self.type_name(f);
            return Err(self.type_error(format!("'{}' object is not callable", tn)));
        };
        match &o.kind {
            Kind::Function(_) => self.call_function(o, args, kw),
            Kind::Native(n) => {
                let (func, bound) = (n.f, n.bound);
                if bound.is_undef() {
                    func(self, args, kw)
                } else {
                    let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                    a.push(bound);
                    a.extend_from_slice(args);
                    func(self, &a, kw)
                }
            }
            Kind::BoundMethod(func, s) => {
                let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                a.push(*s);
                a.extend_from_slice(args);
                let func = *func;
                self.call(func, &a, kw)
            }
            Kind::Class(_) => {
                // A user metaclass's __call__ takes over instance creation.
                if let Some(f) = self.meta_method(o, self.names.call) {
                    let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                    a.push(Value::Obj(o));
                    a.extend_from_slice(args);
                    return self.call(f, &a, kw);
                }
                self.call_class(o, args, kw)
            }
            Kind::Instance(i) => {
                let cls = i.class.get();
                match self.class_lookup(cls, self.names.call) {
                    Some(c) => {
                        let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                        a.push(f);
                        a.extend_from_slice(args);
                        self.call(c, &a, kw)
                    }
                    None => {
                        let tn = self.type_name(f);
                        Err(self.type_error(format!("'{}' object is not callable", tn)))
                    }
                }
            }
            Kind::StaticMethod(inner) => {
                let inner = *inner;
                self.call(inner, args, kw)
            }
            _ => {
                let tn = self.type_name(f);
                Err(self.type_error(format!("'{}' object is not callable", tn)))
            }
        }
    }

    /// Calls a method of `obj` by name.
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (f, s) = self.load_method(obj, n)?;
        if s.is_undef() {
            self.call(f, args, &[])
        } else {
            let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
            a.push(s);
            a.extend_from_slice(args);
            self.call(f, &a, &[])
        }
    }

    /// Instantiates a class: `cls(*args, **kw)`.
    pub fn call_class(&mut self, cls: ObjRef, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
        let c = cls.as_class().unwrap();
        if cls.ptr_eq(self.types.type_) && args.len() == 1 && kw.is_empty() {
            return Ok(Value::Obj(self.type_of(args[0])));
        }
        // A user-defined __new__ anywhere in the MRO (before object) takes over creation.
        let new_name = self.names.new;
        let user_new = self.class_lookup(cls, new_name).filter(|v| !is_native_callable(v));
        if c.builtin && c.base_kind != BaseKind::Exception && user_new.is_none() {
            return match c.construct.get() {
                Some(ctor) => {
                    let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                    a.push(Value::Obj(cls));
                    a.extend_from_slice(args);
                    ctor(self, &a, kw)
                }
                None => {
                    let n = c.name.borrow().clone();
                    Err(self.type_error(format!("cannot create '{}' instances", n)))
                }
            };
        }
        // OSError(errno, ...) makes the subclass the errno names (FileNotFoundError, ...).
        // BaseExceptionGroup(msg, excs) checks its arguments and becomes an
        // ExceptionGroup when every exception is an Exception.
        let is_group = user_new.is_none() && is_subclass(cls, self.exc.BaseExceptionGroup);
        let cls = match user_new {
            None if cls.ptr_eq(self.exc.OSError) => {
                crate::builtins::exceptions::oserror_subclass(self, args).unwrap_or(cls)
            }
            None if is_group => crate::builtins::exceptions::group_class(self, cls, args, !kw.is_empty())?,
            _ => cls,
        };
        let inst = match user_new {
            Some(newf) => {
                let f = match newf.as_obj().map(|o| o.kind()) {
                    Some(Kind::StaticMethod(f)) => *f,
                    _ => newf,
                };
                let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                a.push(Value::Obj(cls));
                a.extend_from_slice(args);
                let r = self.call(f, &a, kw)?;
                if !isinstance(self, r, cls) {
                    return Ok(r);
                }
                r
            }
            // A metaclass makes classes (`type.__new__`).
            None if is_subclass(cls, self.types.type_) => {
                let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                a.push(Value::Obj(cls));
                a.extend_from_slice(args);
                crate::builtins::core::type_new(self, &a, kw)?
            }
            None => self.new_instance(cls, args, kw)?,
        };
        let mark = self.roots.len();
        self.roots.push(inst);
        if is_group {
            if let Err(e) = crate::builtins::exceptions::group_fields(self, inst, args) {
                self.roots.truncate(mark);
                return Err(e);
            }
        }
        let r = self.run_init(cls, inst, args, kw);
        self.roots.truncate(mark);
        r?;
        Ok(inst)
    }

    fn run_init(&mut self, cls: ObjRef, inst: Value, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<()> {
        let init = self.class_lookup(cls, self.names.init);
        match init {
            Some(f) if !self.is_object_slot(f, "__init__") => {
                let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                a.push(inst);
                a.extend_from_slice(args);
                let r = self.call(f, &a, kw)?;
                if !r.is_none() {
                    let tn = self.type_name(r);
                    return Err(self.type_error(format!("__init__() should return None, not '{}'", tn)));
                }
            }
            _ => {
                let base_kind = cls.as_class().unwrap().base_kind;
                let has_new = self.class_lookup(cls, self.names.new).is_some_and(|v| !is_native_callable(&v));
                if (!args.is_empty() || !kw.is_empty()) && base_kind == BaseKind::Object && !has_new {
                    let n = class_name(cls);
                    return Err(self.type_error(format!("{}() takes no arguments", n)));
                }
            }
        }
        Ok(())
    }

    /// The error of instantiating a class whose `__abstractmethods__` (set by
    /// `abc.ABCMeta`) is not empty.
    fn check_not_abstract(&mut self, cls: ObjRef) -> PyResult<()> {
        let Some(c) = cls.as_class() else { return Ok(()) };
        let key = self.intern("__abstractmethods__");
        let Some(v) = dict_get_str(c.dict, key) else { return Ok(()) };
        let Some(sl) = v.as_obj().and_then(SetLike::of) else { return Ok(()) };
        let mut names: Vec<String> = sl.with(|t| {
            t.iter().map(|(_, k)| k.as_obj().and_then(|o| o.as_str().map(str::to_string)).unwrap_or_default()).collect()
        });
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        Err(self.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            class_name(cls),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )))
    }

    /// Allocates an uninitialised instance of a user class (`object.__new__(cls)`),
    /// with the payload its built-in base needs.
    pub fn new_instance(&mut self, cls: ObjRef, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
        let c = cls.as_class().unwrap();
        if c.meta.get().is_some() {
            self.check_not_abstract(cls)?;
        }
        let payload = match c.base_kind {
            BaseKind::Object => Payload::None,
            BaseKind::Exception => Payload::new_exception(RefCell::new(ExcData {
                args: self.new_tuple(args.to_vec()),
                traceback: Vec::new(),
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
            })),
            BaseKind::Builtin => {
                // Find the built-in base and construct its value.
                let mro = c.mro.borrow().clone();
                let object = self.types.object;
                let base = mro.iter().copied().find(|m| {
                    !m.ptr_eq(object) && m.as_class().is_some_and(|mc| mc.builtin && mc.construct.get().is_some())
                });
                if base.is_none() {
                    let shape = self.shapes.root();
                    return Ok(Value::Obj(self.alloc(Kind::Instance(Instance {
                        class: Cell::new(cls),
                        shape: Cell::new(shape),
                        slots: RefCell::new(Vec::new()),
                        payload: Payload::None,
                    }))));
                }
                let v = match base {
                    Some(b) => {
                        let ctor = b.as_class().unwrap().construct.get().unwrap();
                        let mutable = [self.types.list, self.types.dict, self.types.set, self.types.bytearray]
                            .iter()
                            .any(|t| t.ptr_eq(b));
                        let mut a: SmallVec<[Value; 8]> = SmallVec::new();
                        a.push(Value::Obj(b));
                        if mutable {
                            ctor(self, &a, &[])?
                        } else {
                            a.extend_from_slice(args);
                            ctor(self, &a, kw)?
                        }
                    }
                    None => Value::None,
                };
                Payload::Builtin(Cell::new(v))
            }
        };
        let shape = self.shapes.root();
        Ok(Value::Obj(self.alloc(Kind::Instance(Instance {
            class: Cell::new(cls),
            shape: Cell::new(shape),
            slots: RefCell::new(Vec::new()),
            payload,
        }))))
    }
}

// -- Iteration --------------------------------------------------------------------------

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let state = match v {
            Value::Obj(o) => match &o.kind {
                Kind::List(_) | Kind::Tuple(_) => IterState::Seq { seq: v, idx: 0 },
                Kind::Str(_) => IterState::Str { s: o, pos: 0 },
                Kind::Range(r) => IterState::Range { cur: r.start, stop: r.stop, step: r.step },
                Kind::Dict(d) => IterState::Dict { dict: o, idx: 0, what: 0, len: d.borrow().len() },
                Kind::Set(s) => IterState::Set { set: o, idx: 0, len: s.borrow().len() },
                Kind::FrozenSet(s) => IterState::Set { set: o, idx: 0, len: s.len() },
                Kind::Bytes(_) | Kind::ByteArray(_) => IterState::Seq { seq: v, idx: 0 },
                Kind::Iter(_) | Kind::Generator(_) => return Ok(v),
                Kind::Class(_) if self.meta_method(o, self.names.iter).is_some() => {
                    let f = self.meta_method(o, self.names.iter).unwrap();
                    let it = self.call(f, &[v], &[])?;
                    let itc = self.type_of(it);
                    if self.class_lookup(itc, self.names.next).is_none()
                        && !matches!(it.as_obj().map(|o| o.kind()), Some(Kind::Iter(_) | Kind::Generator(_)))
                    {
                        let tn = self.type_name(it);
                        return Err(self.type_error(format!("iter() returned non-iterator of type '{}'", tn)));
                    }
                    return Ok(it);
                }
                Kind::Instance(i) => {
                    let cls = i.class.get();
                    if let Some(f) = self.class_lookup(cls, self.names.iter) {
                        let it = self.call(f, &[v], &[])?;
                        let itc = self.type_of(it);
                        if self.class_lookup(itc, self.names.next).is_none()
                            && !matches!(it.as_obj().map(|o| o.kind()), Some(Kind::Iter(_) | Kind::Generator(_)))
                        {
                            let tn = self.type_name(it);
                            return Err(self.type_error(format!("iter() returned non-iterator of type '{}'", tn)));
                        }
                        return Ok(it);
                    }
                    if let Payload::Builtin(b) = &i.payload {
                        return self.get_iter(b.get());
                    }
                    if self.class_lookup(cls, self.names.getitem).is_some() {
                        IterState::GetItem { obj: v, idx: 0 }
                    } else {
                        let tn = self.type_name(v);
                        return Err(self.type_error(format!("'{}' object is not iterable", tn)));
                    }
                }
                _ => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("'{}' object is not iterable", tn)));
                }
            },
            _ => {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("'{}' object is not iterable", tn)));
            }
        };
        Ok(self.new_iter(state))
    }

    /// Wraps an iterator state in an object.
    pub fn new_iter(&mut self, state: IterState) -> Value {
        let name = state.type_name();
        if !self.iter_types.contains_key(name) {
            let obj = self.types.object;
            let cls = self.new_class_raw(name, vec![obj], BaseKind::Builtin, true);
            crate::builtins::register_iter_type(self, cls);
            self.iter_types.insert(name, cls);
        }
        Value::Obj(self.alloc(Kind::Iter(RefCell::new(state))))
    }

    /// `next(it)`: Some(item), or None when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = it else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{}' object is not an iterator", tn)));
        };
        match &o.kind {
            Kind::Iter(cell) => self.next_builtin(cell),
            Kind::Generator(_) => match self.gen_resume(o, Value::None)? {
                crate::interp::GenResult::Yield(v) => Ok(Some(v)),
                crate::interp::GenResult::Return(_) => Ok(None),
            },
            _ => {
                let cls = self.type_of(it);
                match self.class_lookup(cls, self.names.next) {
                    Some(f) => match self.call(f, &[it], &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_matches(&e, self.exc.StopIteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => {
                        let tn = self.type_name(it);
                        Err(self.type_error(format!("'{}' object is not an iterator", tn)))
                    }
                }
            }
        }
    }

    fn next_builtin(&mut self, cell: &RefCell<IterState>) -> PyResult<Option<Value>> {
        let Ok(mut st) = cell.try_borrow_mut() else {
            return Err(self.value_error("generator already executing"));
        };
        match &mut *st {
            IterState::Seq { seq, idx } => {
                let Value::Obj(so) = *seq else { return Ok(None) };
                let item = match &so.kind {
                    Kind::List(l) => l.borrow().get(*idx).copied(),
                    Kind::Tuple(t) => t.get(*idx).copied(),
                    Kind::Bytes(b) => b.get(*idx).map(|x| Value::Int(*x as i64)),
                    Kind::ByteArray(b) => b.borrow().get(*idx).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *idx += 1;
                        Ok(Some(v))
                    }
                    None => {
                        // Stay exhausted (a list that grows later is not resumed), and
                        // keep the iterator's type.
                        *idx = usize::MAX;
                        Ok(None)
                    }
                }
            }
            IterState::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    if (*step > 0 && *cur < v) || (*step < 0 && *cur > v) {
                        *cur = *stop;
                    }
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Str { s, pos } => {
                let st2 = s.as_str().unwrap_or("");
                match st2[*pos..].chars().next() {
                    Some(c) => {
                        *pos += c.len_utf8();
                        drop(st);
                        let mut buf = [0u8; 4];
                        let cs: &str = c.encode_utf8(&mut buf);
                        Ok(Some(Value::Obj(self.intern_char(cs))))
                    }
                    None => Ok(None),
                }
            }
            IterState::Dict { dict, idx, what, len } => {
                let dobj = real_dict(*dict).unwrap();
                let d = dobj.as_dict().unwrap().borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    drop(d);
                    drop(st);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                match d.next_entry(*idx) {
                    Some((pos, k, v)) => {
                        *idx = pos + 1;
                        let w = *what;
                        drop(d);
                        drop(st);
                        Ok(Some(match w {
                            0 => k,
                            1 => v,
                            _ => self.new_tuple(vec![k, v]),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Set { set, idx, len } => {
                let sl = SetLike::of(*set).unwrap();
                let (n, slots) = sl.with(|t| (t.len(), t.slots()));
                if n != *len {
                    *len = usize::MAX;
                    drop(st);
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                while *idx < slots {
                    let i = *idx;
                    *idx += 1;
                    if let Some((_, k)) = sl.with(|t| t.slot(i)) {
                        return Ok(Some(k));
                    }
                }
                Ok(None)
            }
            IterState::Reversed { seq, idx } => {
                if *idx == 0 {
                    return Ok(None);
                }
                *idx -= 1;
                let (s, i) = (*seq, *idx);
                drop(st);
                match s.as_obj().map(|o| o.kind()) {
                    Some(Kind::List(l)) => Ok(l.borrow().get(i).copied()),
                    _ => {
                        let r = self.getitem(s, Value::Int(i as i64));
                        match r {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.err_matches(&e, self.exc.IndexError) => Ok(None),
                            Err(e) => Err(e),
                        }
                    }
                }
            }
            IterState::GetItem { obj, idx } => {
                let (o, i) = (*obj, *idx);
                *idx += 1;
                drop(st);
                match self.getitem(o, Value::Int(i as i64)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.err_matches(&e, self.exc.IndexError)
                            || self.err_matches(&e, self.exc.StopIteration) =>
                    {
                        *cell.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Callable { f, sentinel } => {
                let (f, s) = (*f, *sentinel);
                drop(st);
                let v = self.call(f, &[], &[])?;
                if self.eq(v, s)? {
                    *cell.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            IterState::Enumerate { it, n } => {
                let (it, cur) = (*it, *n);
                drop(st);
                match self.next(it)? {
                    Some(v) => {
                        let next_n = self.binary_op(cur, Value::Int(1), crate::bytecode::BinOp::Add)?;
                        if let IterState::Enumerate { n, .. } = &mut *cell.borrow_mut() {
                            *n = next_n;
                        }
                        Ok(Some(self.new_tuple(vec![cur, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its } => {
                let its = its.clone();
                drop(st);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                let mark = self.roots.len();
                for it in its {
                    match self.next(it) {
                        Ok(Some(v)) => {
                            self.roots.push(v);
                            out.push(v);
                        }
                        Ok(None) => {
                            self.roots.truncate(mark);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                self.roots.truncate(mark);
                Ok(Some(self.new_tuple(out)))
            }
            IterState::Map { f, its } => {
                let (f, its) = (*f, its.clone());
                drop(st);
                let mut args = Vec::with_capacity(its.len());
                let mark = self.roots.len();
                for it in its {
                    match self.next(it) {
                        Ok(Some(v)) => {
                            self.roots.push(v);
                            args.push(v);
                        }
                        Ok(None) => {
                            self.roots.truncate(mark);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                let r = self.call(f, &args, &[]);
                self.roots.truncate(mark);
                r.map(Some)
            }
            IterState::Filter { f, it } => {
                let (f, it) = (*f, *it);
                drop(st);
                loop {
                    let Some(v) = self.next(it)? else { return Ok(None) };
                    let keep = if f.is_none() {
                        self.truthy(v)?
                    } else {
                        self.roots.push(v);
                        let r = self.call(f, &[v], &[]);
                        self.roots.pop();
                        let r = r?;
                        self.truthy(r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::Dyn(_) => {
                let IterState::Dyn(mut d) = std::mem::replace(&mut *st, IterState::Exhausted) else { unreachable!() };
                drop(st);
                let r = d.next(self);
                *cell.borrow_mut() = IterState::Dyn(d);
                r
            }
            IterState::Exhausted => Ok(None),
        }
    }

    /// The interned one-character string.
    pub fn intern_char(&mut self, c: &str) -> ObjRef {
        match c.as_bytes() {
            [b] if b.is_ascii() => self.op_names.chars[*b as usize],
            _ => self.intern(c),
        }
    }

    /// Collects an iterable into a Vec. The items are rooted only while collecting:
    /// a caller that runs Python code afterwards must root them itself.
    pub fn collect_iter(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            match &o.kind {
                Kind::List(l) => return Ok(l.borrow().clone()),
                Kind::Tuple(t) => return Ok(t.to_vec()),
                Kind::Dict(d) => return Ok(d.borrow().keys()),
                Kind::Set(s) => return Ok(s.borrow().iter().map(|(_, k)| k).collect()),
                Kind::FrozenSet(s) => return Ok(s.iter().map(|(_, k)| k).collect()),
                Kind::Generator(_) => {
                    // A list comprehension over it (see `_consume`): list(), tuple(),
                    // sorted(), str.join... of a generator are compiled loops too.
                    let l = crate::builtins::functions::call_consume(self, "collect", &[v])?;
                    // (The list is the comprehension's own: its items are taken.)
                    return Ok(l
                        .as_obj()
                        .and_then(|o| o.as_list())
                        .map(|l| std::mem::take(&mut *l.borrow_mut()))
                        .unwrap_or_default());
                }
                Kind::Range(r) => {
                    let n = r.len();
                    if n > 100_000_000 {
                        return Err(self.err(self.exc.MemoryError, ""));
                    }
                    return Ok((0..n).map(|i| Value::Int(r.get(i))).collect());
                }
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mark = self.roots.len();
        self.roots.push(it);
        let mut out = Vec::new();
        loop {
            match self.next(it) {
                Ok(Some(x)) => {
                    self.roots.push(x);
                    out.push(x);
                }
                Ok(None) => break,
                Err(e) => {
                    self.roots.truncate(mark);
                    return Err(e);
                }
            }
        }
        self.roots.truncate(mark);
        Ok(out)
    }
}

// -- Subscripts, len, contains ----------------------------------------------------------

/// Resolves a possibly negative index against a length; None when out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

/// `slice.indices(len)` for bounds and step that are ints, bools or None and a nonzero
/// step; None otherwise (the caller then takes the general path, which converts or
/// raises).
#[inline]
pub fn plain_slice_indices(start: Value, stop: Value, step: Value, len: usize) -> Option<(i64, i64, i64, usize)> {
    let int = |v: Value| match v {
        Value::Int(i) => Some(Some(i)),
        Value::Bool(b) => Some(Some(b as i64)),
        Value::None => Some(None),
        _ => None,
    };
    let step = int(step)?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(clamp_slice(int(start)?, int(stop)?, step, len))
}

/// (start, stop, step, count) of a slice of a `len`-long sequence, from its bounds (None:
/// the default) and a nonzero step, clamped as `slice.indices` does.
#[inline]
pub fn clamp_slice(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> (i64, i64, i64, usize) {
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let conv = |i: Option<i64>, dflt: i64| match i {
        None => dflt,
        Some(i) if i < 0 => (i.saturating_add(len)).max(lower),
        Some(i) => i.min(upper),
    };
    let a = conv(start, if step < 0 { upper } else { lower });
    let b = conv(stop, if step < 0 { lower } else { upper });
    // (Steps of 1 and -1, the common ones, without a division.)
    let n = match step {
        1 => (b - a).max(0),
        -1 => (a - b).max(0),
        _ if step < 0 && b < a => (a - b - 1) / step.saturating_neg() + 1,
        _ if step > 0 && a < b => (b - a - 1) / step + 1,
        _ => 0,
    };
    (a, b, step, n as usize)
}

/// `slice.indices(len)`: (start, stop, step, count).
pub fn slice_indices(
    vm: &mut Vm,
    start: Value,
    stop: Value,
    step: Value,
    len: usize,
) -> PyResult<(i64, i64, i64, usize)> {
    if let Some(r) = plain_slice_indices(start, stop, step, len) {
        return Ok(r);
    }
    let step = match step {
        Value::None => 1,
        Value::Int(i) => i,
        _ => vm.to_index(step)?,
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let conv = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(i)),
            _ => vm.to_index_clamped(v).map(Some),
        }
    };
    let a = conv(vm, start)?;
    let b = conv(vm, stop)?;
    Ok(clamp_slice(a, b, step, len))
}

impl Vm {
    /// `operator.index(v)` as i64 (OverflowError past i64).
    pub fn to_index(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                let tn = self.type_name(v);
                let _ = tn;
                Err(self.err(self.exc.IndexError, "cannot fit 'int' into an index-sized integer"))
            }
            _ => {
                let cls = self.type_of(v);
                if let Some(f) = self.class_lookup(cls, self.names.index) {
                    let r = self.call(f, &[v], &[])?;
                    return self.to_index(r);
                }
                if let Value::Obj(o) = v {
                    if let Kind::Instance(Instance { payload: Payload::Builtin(b), .. }) = &o.kind {
                        return self.to_index(b.get());
                    }
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
            }
        }
    }

    /// Like `to_index` but big values clamp (for slice bounds).
    pub fn to_index_clamped(&mut self, v: Value) -> PyResult<i64> {
        if let Value::Obj(o) = v {
            if let Kind::BigInt(b) = &o.kind {
                return Ok(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 });
            }
        }
        match self.to_index(v) {
            Ok(i) => Ok(i),
            Err(_) => {
                let tn = self.type_name(v);
                let _ = tn;
                Err(self.type_error("slice indices must be integers or None or have an __index__ method"))
            }
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            match &o.kind {
                Kind::Str(s) => return Ok(s.nchars),
                Kind::List(l) => return Ok(l.borrow().len()),
                Kind::Tuple(t) => return Ok(t.len()),
                Kind::Dict(d) => return Ok(d.borrow().len()),
                Kind::Set(s) => return Ok(s.borrow().len()),
                Kind::FrozenSet(s) => return Ok(s.len()),
                Kind::Bytes(b) => return Ok(b.len()),
                Kind::ByteArray(b) => return Ok(b.borrow().len()),
                Kind::Range(r) => return Ok(r.len() as usize),
                Kind::Class(_) => {
                    if let Some(f) = self.meta_method(o, self.names.len) {
                        let r = self.call(f, &[v], &[])?;
                        return Ok(self.len_result(r)? as usize);
                    }
                }
                Kind::Instance(i) => {
                    let cls = i.class.get();
                    if let Some(f) = self.class_lookup(cls, self.names.len) {
                        let r = self.call(f, &[v], &[])?;
                        return Ok(self.len_result(r)? as usize);
                    }
                    if let Payload::Builtin(b) = &i.payload {
                        return self.len(b.get());
                    }
                }
                _ => {}
            }
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("object of type '{}' has no len()", tn)))
    }

    /// `c[k]`.
    pub fn getitem(&mut self, c: Value, k: Value) -> PyResult<Value> {
        if let Value::Obj(o) = c {
            match &o.kind {
                Kind::List(l) => {
                    if let Value::Int(i) = k {
                        let l = l.borrow();
                        return match norm_index(i, l.len()) {
                            Some(j) => Ok(l[j]),
                            None => {
                                drop(l);
                                Err(self.index_error("list index out of range"))
                            }
                        };
                    }
                }
                Kind::Tuple(t) => {
                    if let Value::Int(i) = k {
                        return match norm_index(i, t.len()) {
                            Some(j) => Ok(t[j]),
                            None => Err(self.index_error("tuple index out of range")),
                        };
                    }
                }
                Kind::Dict(_) => {
                    return match self.dict_get(o, k)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(k)),
                    };
                }
                Kind::Instance(i) => {
                    if let (Payload::Array(a), Value::Int(j)) = (&i.payload, k) {
                        if let Some(v) = crate::modules::array::get_fast(a, j) {
                            return Ok(v);
                        }
                    }
                    let cls = i.class.get();
                    if let Some(f) = self.class_lookup(cls, self.names.getitem) {
                        return self.call(f, &[c, k], &[]);
                    }
                    if let Payload::Builtin(b) = &i.payload {
                        let inner = b.get();
                        if let Some(Kind::Dict(_)) = inner.as_obj().map(|x| x.kind()) {
                            return match self.dict_get(inner.as_obj().unwrap(), k)? {
                                Some(v) => Ok(v),
                                None => {
                                    if let Some(m) = self.class_lookup(cls, self.names.missing) {
                                        return self.call(m, &[c, k], &[]);
                                    }
                                    Err(self.key_error(k))
                                }
                            };
                        }
                        return self.getitem(inner, k);
                    }
                }
                Kind::Class(_) => {
                    if let Some(f) = self.meta_method(o, self.names.getitem) {
                        return self.call(f, &[c, k], &[]);
                    }
                    // `list[int]` and friends in annotations: return the class itself.
                    let cgi = self.intern("__class_getitem__");
                    if let Some(f) = self.class_lookup(o, cgi) {
                        let f = self.bind_descriptor(f, c, o)?;
                        return self.call(f, &[k], &[]);
                    }
                    if o.as_class().is_some_and(|cl| cl.builtin) {
                        // `list[int]`: a types.GenericAlias.
                        return crate::builtins::core::types_call(self, "GenericAlias", &[c, k]);
                    }
                }
                _ => {}
            }
        }
        crate::builtins::getitem_builtin(self, c, k)
    }

    /// `c[k] = v`.
    pub fn setitem(&mut self, c: Value, k: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            match &o.kind {
                Kind::List(l) => {
                    if let Value::Int(i) = k {
                        let mut l = l.borrow_mut();
                        let n = l.len();
                        return match norm_index(i, n) {
                            Some(j) => {
                                l[j] = v;
                                Ok(())
                            }
                            None => {
                                drop(l);
                                Err(self.index_error("list assignment index out of range"))
                            }
                        };
                    }
                }
                Kind::Dict(_) => return self.dict_set(o, k, v),
                Kind::Instance(i) => {
                    if let (Payload::Array(a), Value::Int(j)) = (&i.payload, k) {
                        if crate::modules::array::set_fast(a, j, v) {
                            return Ok(());
                        }
                    }
                    let cls = i.class.get();
                    if let Some(f) = self.class_lookup(cls, self.names.setitem) {
                        self.call(f, &[c, k, v], &[])?;
                        return Ok(());
                    }
                    if let Payload::Builtin(b) = &i.payload {
                        return self.setitem(b.get(), k, v);
                    }
                }
                _ => {}
            }
        }
        crate::builtins::setitem_builtin(self, c, k, v)
    }

    /// `del c[k]`.
    pub fn delitem(&mut self, c: Value, k: Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            match &o.kind {
                Kind::Dict(_) => {
                    return match self.dict_remove(o, k)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(k)),
                    }
                }
                Kind::Instance(i) => {
                    let cls = i.class.get();
                    if let Some(f) = self.class_lookup(cls, self.names.delitem) {
                        self.call(f, &[c, k], &[])?;
                        return Ok(());
                    }
                    if let Payload::Builtin(b) = &i.payload {
                        return self.delitem(b.get(), k);
                    }
                }
                _ => {}
            }
        }
        crate::builtins::delitem_builtin(self, c, k)
    }

    /// `k in c`.
    pub fn contains(&mut self, c: Value, k: Value) -> PyResult<bool> {
        if let Value::Obj(o) = c {
            match &o.kind {
                Kind::Str(s) => {
                    return match unwrap_builtin(k).as_obj().and_then(|x| x.as_str()) {
                        Some(t) => Ok(str_contains(&s.s, t)),
                        None => {
                            let tn = self.type_name(k);
                            Err(self.type_error(format!("'in <string>' requires string as left operand, not {}", tn)))
                        }
                    };
                }
                Kind::Dict(_) => return Ok(self.dict_get(o, k)?.is_some()),
                Kind::Set(_) | Kind::FrozenSet(_) => return self.set_contains(o, k),
                Kind::Range(r) => {
                    if let Value::Int(i) = k {
                        let r = *r;
                        let inr = if r.step > 0 { i >= r.start && i < r.stop } else { i <= r.start && i > r.stop };
                        return Ok(inr && (i - r.start) % r.step == 0);
                    }
                }
                Kind::List(_) | Kind::Tuple(_) => {
                    let mut i = 0;
                    loop {
                        let item = match &o.kind {
                            Kind::List(l) => l.borrow().get(i).copied(),
                            Kind::Tuple(t) => t.get(i).copied(),
                            _ => None,
                        };
                        let Some(item) = item else { return Ok(false) };
                        if item.is(&k) || self.eq(item, k)? {
                            return Ok(true);
                        }
                        i += 1;
                    }
                }
                Kind::Class(_) => {
                    if let Some(f) = self.meta_method(o, self.names.contains) {
                        let r = self.call(f, &[c, k], &[])?;
                        return self.truthy(r);
                    }
                }
                Kind::Instance(i) => {
                    let cls = i.class.get();
                    if let Some(f) = self.class_lookup(cls, self.names.contains) {
                        let r = self.call(f, &[c, k], &[])?;
                        return self.truthy(r);
                    }
                    if let Payload::Builtin(b) = &i.payload {
                        return self.contains(b.get(), k);
                    }
                }
                Kind::Bytes(_) | Kind::ByteArray(_) => return crate::builtins::bytes_contains(self, c, k),
                _ => {}
            }
        }
        // Fall back to iteration.
        let it = match self.get_iter(c) {
            Ok(it) => it,
            Err(_) => {
                let tn = self.type_name(c);
                return Err(self.type_error(format!("argument of type '{}' is not iterable", tn)));
            }
        };
        self.roots.push(it);
        let r = (|| {
            while let Some(x) = self.next(it)? {
                if x.is(&k) || self.eq(x, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.roots.pop();
        r
    }
}

// -- Numbers ----------------------------------------------------------------------------

/// A numeric view of a value, for mixed comparisons.
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

#[inline]
pub fn num_of(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) => Some(Num::B(b)),
            _ => None,
        },
        _ => None,
    }
}

/// Exact comparison of two numbers (None if a NaN is involved).
pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(x), Num::F(y)) => int_float_cmp(&BigInt::from(*x), *y, Some(*x)),
        (Num::F(x), Num::I(y)) => int_float_cmp(&BigInt::from(*y), *x, Some(*y)).map(|o| o.reverse()),
        (Num::B(x), Num::F(y)) => int_float_cmp(x, *y, None),
        (Num::F(x), Num::B(y)) => int_float_cmp(y, *x, None).map(|o| o.reverse()),
        (Num::B(x), Num::B(y)) => Some(x.cmp(y)),
        (Num::I(x), Num::B(y)) => Some(BigInt::from(*x).cmp(y)),
        (Num::B(x), Num::I(y)) => Some((*x).cmp(&BigInt::from(*y))),
    }
}

fn int_float_cmp(i: &BigInt, f: f64, small: Option<i64>) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(s) = small {
        if s.unsigned_abs() < (1u64 << 53) {
            return (s as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let fb = num_bigint::BigInt::from_f64_exact(fl);
    match i.cmp(&fb) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// Conversion of an integral float to BigInt.
pub trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        use num_traits::FromPrimitive;
        BigInt::from_f64(f).unwrap_or_default()
    }
}
