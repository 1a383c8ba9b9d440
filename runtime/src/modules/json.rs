//! The `_json` module: the native scanner and encoder behind `py/json.py` (CPython's
//! `_json` accelerator plays the same part). `json.py` keeps the API, the classes and
//! `JSONDecodeError`; these functions do the per-character work.
//!
//! Positions in error messages are character indices, as CPython's; the scanner works
//! on the str's UTF-8 bytes and converts a byte offset to a character index only when
//! it reports an error.
//!
//! Values the scanner creates are parked on `vm.roots` until the parse returns, since
//! hooks (`object_hook`, `parse_float`, ...) run Python code, where a collection may
//! happen.

use crate::builtins::args::*;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::unwrap_builtin;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use rustc_hash::FxHashMap;

type Kw<'a> = &'a [(ObjRef, Value)];

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_json");
    vm.module_add_fn(m, "scan_once", scan_once);
    vm.module_add_fn(m, "scanstring", scanstring);
    vm.module_add_fn(m, "encode_basestring_ascii", encode_basestring_ascii);
    vm.module_add_fn(m, "encode_basestring", encode_basestring);
    vm.module_add_fn(m, "encode", encode);
    Ok(m)
}

// -- decoding -------------------------------------------------------------------------------------

/// Why a scan stopped.
enum Fail {
    /// A `JSONDecodeError(msg, doc, pos)` at byte offset `pos`.
    Decode(&'static str, usize),
    /// A Python exception (from a hook, or a RecursionError).
    Py(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

type SResult<T> = Result<T, Fail>;

struct Scanner<'a> {
    s: &'a str,
    b: &'a [u8],
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    memo: FxHashMap<&'a str, Value>,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn hex4(b: &[u8]) -> Option<u32> {
    if b.len() < 4 || b[1] == b'x' || b[1] == b'X' {
        return None;
    }
    let mut n = 0u32;
    for &c in &b[..4] {
        n = n * 16 + (c as char).to_digit(16)?;
    }
    Some(n)
}

impl<'a> Scanner<'a> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn keep(&self, vm: &mut Vm, v: Value) -> Value {
        if let Value::Obj(_) = v {
            vm.roots.push(v);
        }
        v
    }

    fn new_str(&self, vm: &mut Vm, s: &str) -> Value {
        let v = vm.new_str(s);
        self.keep(vm, v)
    }

    /// The string whose contents start at byte `end` (after its opening quote); returns
    /// its text and the byte offset after the closing quote.
    fn string(&self, end: usize) -> SResult<(std::borrow::Cow<'a, str>, usize)> {
        let b = self.b;
        let begin = end - 1;
        let mut i = end;
        // Fast path: no escapes.
        while i < b.len() {
            match b[i] {
                b'"' => return Ok((std::borrow::Cow::Borrowed(&self.s[end..i]), i + 1)),
                b'\\' => break,
                c if c < 0x20 && self.strict => return Err(Fail::Decode("Invalid control character at", i)),
                _ => i += 1,
            }
        }
        let mut out = String::with_capacity(i - end + 16);
        out.push_str(&self.s[end..i]);
        let mut chunk = i;
        loop {
            if i >= b.len() {
                return Err(Fail::Decode("Unterminated string starting at", begin));
            }
            match b[i] {
                b'"' => {
                    out.push_str(&self.s[chunk..i]);
                    return Ok((std::borrow::Cow::Owned(out), i + 1));
                }
                b'\\' => {
                    out.push_str(&self.s[chunk..i]);
                    let Some(&esc) = b.get(i + 1) else {
                        return Err(Fail::Decode("Unterminated string starting at", begin));
                    };
                    if esc == b'u' {
                        let Some(mut u) = hex4(&b[i + 2..]) else {
                            return Err(Fail::Decode("Invalid \\uXXXX escape", i + 1));
                        };
                        i += 6;
                        if (0xD800..=0xDBFF).contains(&u) && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
                            let Some(u2) = hex4(&b[i + 2..]) else {
                                return Err(Fail::Decode("Invalid \\uXXXX escape", i + 1));
                            };
                            if (0xDC00..=0xDFFF).contains(&u2) {
                                u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
                                i += 6;
                            }
                        }
                        // krait's str cannot hold a lone surrogate.
                        out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                    } else {
                        let c = match esc {
                            b'"' => '"',
                            b'\\' => '\\',
                            b'/' => '/',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            b'n' => '\n',
                            b'r' => '\r',
                            b't' => '\t',
                            _ => return Err(Fail::Decode("Invalid \\escape", i)),
                        };
                        out.push(c);
                        i += 2;
                    }
                    chunk = i;
                }
                c if c < 0x20 && self.strict => return Err(Fail::Decode("Invalid control character at", i)),
                _ => i += 1,
            }
        }
    }

    fn value(&mut self, vm: &mut Vm, i: usize) -> SResult<(Value, usize)> {
        let b = self.b;
        let Some(&c) = b.get(i) else { return Err(Fail::Decode("Expecting value", i)) };
        match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                let v = self.new_str(vm, &s);
                Ok((v, end))
            }
            b'{' => {
                vm.enter_native(" while decoding a JSON object from a unicode string")?;
                let r = self.object(vm, i + 1);
                vm.leave_native();
                r
            }
            b'[' => {
                vm.enter_native(" while decoding a JSON array from a unicode string")?;
                let r = self.array(vm, i + 1);
                vm.leave_native();
                r
            }
            b'n' if b[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if b[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if b[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if b[i..].starts_with(b"NaN") => Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3)),
            b'I' if b[i..].starts_with(b"Infinity") => Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8)),
            b'-' if b[i..].starts_with(b"-Infinity") => Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9)),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Fail::Decode("Expecting value", i)),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str, x: f64) -> SResult<Value> {
        if self.parse_constant.is_none() {
            return Ok(Value::Float(x));
        }
        let n = self.new_str(vm, name);
        let v = vm.call(self.parse_constant, &[n], &[])?;
        Ok(self.keep(vm, v))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> SResult<(Value, usize)> {
        let b = self.b;
        let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
            if !digit(i) {
                return Err(Fail::Decode("Expecting value", start));
            }
        }
        if b[i] == b'0' {
            i += 1;
        } else {
            while digit(i) {
                i += 1;
            }
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            i += 2;
            while digit(i) {
                i += 1;
            }
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
                is_float = true;
            }
        }
        let text = &self.s[start..i];
        let hook = if is_float { self.parse_float } else { self.parse_int };
        if !hook.is_none() {
            let t = self.new_str(vm, text);
            let v = vm.call(hook, &[t], &[])?;
            return Ok((self.keep(vm, v), i));
        }
        if is_float {
            return Ok((Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)), i));
        }
        let v = match text.parse::<i64>() {
            Ok(n) => Value::Int(n),
            Err(_) => {
                let big: num_bigint::BigInt = text.parse().unwrap_or_default();
                let v = vm.new_int(big);
                self.keep(vm, v)
            }
        };
        Ok((v, i))
    }

    fn object(&mut self, vm: &mut Vm, mut end: usize) -> SResult<(Value, usize)> {
        let b = self.b;
        let pairs_hook = !self.object_pairs_hook.is_none();
        let container = if pairs_hook { vm.new_list(vec![]) } else { vm.new_dict(crate::dict::Dict::new()) };
        let container = self.keep(vm, container);
        let cobj = container.as_obj().unwrap();
        end = self.skip_ws(end);
        if b.get(end) == Some(&b'}') {
            return Ok((self.finish_object(vm, container)?, end + 1));
        }
        if b.get(end) != Some(&b'"') {
            return Err(Fail::Decode("Expecting property name enclosed in double quotes", end));
        }
        end += 1;
        loop {
            let (k, e) = self.string(end)?;
            end = e;
            let key = match k {
                std::borrow::Cow::Borrowed(s) => match self.memo.get(s) {
                    Some(v) => *v,
                    None => {
                        let v = self.new_str(vm, s);
                        self.memo.insert(s, v);
                        v
                    }
                },
                std::borrow::Cow::Owned(s) => self.new_str(vm, &s),
            };
            if b.get(end) != Some(&b':') {
                end = self.skip_ws(end);
                if b.get(end) != Some(&b':') {
                    return Err(Fail::Decode("Expecting ':' delimiter", end));
                }
            }
            end = self.skip_ws(end + 1);
            let (value, e) = self.value(vm, end)?;
            end = e;
            if pairs_hook {
                let t = vm.new_tuple(vec![key, value]);
                cobj.as_list().unwrap().borrow_mut().push(t);
            } else {
                vm.dict_set(cobj, key, value)?;
            }
            end = self.skip_ws(end);
            let next = b.get(end).copied();
            end += 1;
            match next {
                Some(b'}') => break,
                Some(b',') => {}
                _ => return Err(Fail::Decode("Expecting ',' delimiter", end - 1)),
            }
            end = self.skip_ws(end);
            let next = b.get(end).copied();
            end += 1;
            if next != Some(b'"') {
                return Err(Fail::Decode("Expecting property name enclosed in double quotes", end - 1));
            }
        }
        Ok((self.finish_object(vm, container)?, end))
    }

    fn finish_object(&self, vm: &mut Vm, container: Value) -> SResult<Value> {
        if !self.object_pairs_hook.is_none() {
            let v = vm.call(self.object_pairs_hook, &[container], &[])?;
            return Ok(self.keep(vm, v));
        }
        if !self.object_hook.is_none() {
            let v = vm.call(self.object_hook, &[container], &[])?;
            return Ok(self.keep(vm, v));
        }
        Ok(container)
    }

    fn array(&mut self, vm: &mut Vm, mut end: usize) -> SResult<(Value, usize)> {
        let b = self.b;
        let list = vm.new_list(vec![]);
        let list = self.keep(vm, list);
        let lobj = list.as_obj().unwrap();
        end = self.skip_ws(end);
        if b.get(end) == Some(&b']') {
            return Ok((list, end + 1));
        }
        loop {
            let (v, e) = self.value(vm, end)?;
            lobj.as_list().unwrap().borrow_mut().push(v);
            end = self.skip_ws(e);
            let next = b.get(end).copied();
            end += 1;
            match next {
                Some(b']') => break,
                Some(b',') => {}
                _ => return Err(Fail::Decode("Expecting ',' delimiter", end - 1)),
            }
            end = self.skip_ws(end);
        }
        Ok((list, end))
    }
}

/// The byte offset of character `idx` in `s` (clamped to its length).
fn byte_offset(s: &str, nchars: usize, idx: usize) -> usize {
    if nchars == s.len() {
        return idx.min(s.len());
    }
    s.char_indices().nth(idx).map(|(b, _)| b).unwrap_or(s.len())
}

fn char_index(s: &str, nchars: usize, byte: usize) -> usize {
    if nchars == s.len() {
        return byte;
    }
    let byte = byte.min(s.len());
    s[..byte].chars().count()
}

fn decode_error(vm: &mut Vm, cls: Value, doc: Value, s: &str, nchars: usize, msg: &str, pos: usize) -> PyErr {
    let m = vm.new_str(msg);
    let p = Value::Int(char_index(s, nchars, pos) as i64);
    match vm.call(cls, &[m, doc, p], &[]) {
        Ok(Value::Obj(e)) if e.exc_data().is_some() => PyErr(e),
        Ok(_) => vm.type_error("exceptions must derive from BaseException"),
        Err(e) => e,
    }
}

fn str_of_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a Str> {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Str(s)) => Ok(s),
        _ => {
            let tn = vm.type_name(*v);
            Err(vm.type_error(format!("{} must be str, not {}", what, tn)))
        }
    }
}

/// `scan_once(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant, error_class)`: the value starting at character `idx` and the index
/// after it. Hooks that are None mean the defaults. No value there raises
/// `error_class("Expecting value", s, idx)`.
fn scan_once(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "scan_once", args, 9, 9)?;
    let doc = args[0];
    let st = str_of_arg(vm, &args[0], "first argument")?;
    let idx = int_arg(vm, args[1])?;
    let strict = vm.truthy(args[2])?;
    let (s, nchars) = (&*st.s, st.nchars);
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let start = byte_offset(s, nchars, idx as usize);
    let mut sc = Scanner {
        s,
        b: s.as_bytes(),
        strict,
        object_hook: args[3],
        object_pairs_hook: args[4],
        parse_float: args[5],
        parse_int: args[6],
        parse_constant: args[7],
        memo: FxHashMap::default(),
    };
    let mark = vm.roots.len();
    let r = sc.value(vm, start);
    let out = match r {
        Ok((v, end)) => {
            let e = Value::Int(char_index(s, nchars, end) as i64);
            Ok(vm.new_tuple(vec![v, e]))
        }
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::Decode(msg, pos)) => Err(decode_error(vm, args[8], doc, s, nchars, msg, pos)),
    };
    vm.roots.truncate(mark);
    out
}

/// `scanstring(s, end, strict, error_class)`: the string whose contents start at
/// character `end`, and the index after its closing quote.
fn scanstring(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "scanstring", args, 4, 4)?;
    let doc = args[0];
    let st = str_of_arg(vm, &args[0], "first argument")?;
    let end = int_arg(vm, args[1])?;
    let strict = vm.truthy(args[2])?;
    let (s, nchars) = (&*st.s, st.nchars);
    if end < 0 || end as usize > nchars {
        return Err(vm.value_error("end is out of bounds"));
    }
    let start = byte_offset(s, nchars, end as usize);
    let sc = Scanner {
        s,
        b: s.as_bytes(),
        strict,
        object_hook: Value::None,
        object_pairs_hook: Value::None,
        parse_float: Value::None,
        parse_int: Value::None,
        parse_constant: Value::None,
        memo: FxHashMap::default(),
    };
    // `string` reports an unterminated string at the byte before `start`.
    match sc.string(start.max(1)) {
        Ok((text, e)) => {
            let v = vm.new_str(&*text);
            let e = Value::Int(char_index(s, nchars, e) as i64);
            Ok(vm.new_tuple(vec![v, e]))
        }
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::Decode(msg, pos)) => Err(decode_error(vm, args[3], doc, s, nchars, msg, pos)),
    }
}

// -- encoding -------------------------------------------------------------------------------------

fn escape_into(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let n = c as u32;
                if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    let n = n - 0x10000;
                    out.push_str(&format!("\\u{:04x}\\u{:04x}", 0xD800 | ((n >> 10) & 0x3FF), 0xDC00 | (n & 0x3FF)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "encode_basestring_ascii", args, 1, 1)?;
    let u = unwrap_builtin(args[0]);
    let s = str_of_arg(vm, &u, "first argument")?;
    let mut out = String::with_capacity(s.s.len() + 2);
    escape_into(&mut out, &s.s, true);
    Ok(vm.new_str(out))
}

fn encode_basestring(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "encode_basestring", args, 1, 1)?;
    let u = unwrap_builtin(args[0]);
    let s = str_of_arg(vm, &u, "first argument")?;
    let mut out = String::with_capacity(s.s.len() + 2);
    escape_into(&mut out, &s.s, false);
    Ok(vm.new_str(out))
}

struct Encoder {
    ascii: bool,
    allow_nan: bool,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    circular: bool,
    default: Value,
    /// Addresses of the containers being encoded (circular-reference check).
    markers: Vec<usize>,
    out: String,
}

/// What a value is, for the encoder (subclasses of the built-in types included).
enum Shape {
    Str(ObjRef),
    Int(Value),
    Float(f64),
    Seq(ObjRef),
    Dict(ObjRef),
    Other,
}

fn shape_of(v: Value) -> Shape {
    let u = unwrap_builtin(v);
    match u {
        Value::Int(_) => Shape::Int(u),
        Value::Float(x) => Shape::Float(x),
        Value::Obj(o) => match o.kind() {
            Kind::Str(_) => Shape::Str(o),
            Kind::BigInt(_) => Shape::Int(u),
            Kind::List(_) | Kind::Tuple(_) => Shape::Seq(o),
            Kind::Dict(_) => Shape::Dict(o),
            _ => Shape::Other,
        },
        _ => Shape::Other,
    }
}

fn int_text(v: Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Obj(o) => match o.kind() {
            Kind::BigInt(b) => b.to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

impl Encoder {
    fn float_text(&self, vm: &mut Vm, x: f64) -> PyResult<String> {
        let t = if x.is_nan() {
            "NaN"
        } else if x == f64::INFINITY {
            "Infinity"
        } else if x == f64::NEG_INFINITY {
            "-Infinity"
        } else {
            return Ok(crate::floatfmt::float_repr(x));
        };
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(t.to_string())
    }

    fn enter(&mut self, vm: &mut Vm, o: Value) -> PyResult<()> {
        vm.enter_native(" while encoding a JSON object")?;
        if self.circular {
            let a = o.as_obj().map(|o| o.addr()).unwrap_or(0);
            if self.markers.contains(&a) {
                vm.leave_native();
                return Err(vm.value_error("Circular reference detected"));
            }
            self.markers.push(a);
        }
        Ok(())
    }

    fn leave(&mut self, vm: &mut Vm) {
        if self.circular {
            self.markers.pop();
        }
        vm.leave_native();
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn encode(&mut self, vm: &mut Vm, v: Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            _ => match shape_of(v) {
                Shape::Str(s) => escape_into(&mut self.out, s.as_str().unwrap_or(""), self.ascii),
                Shape::Int(i) => self.out.push_str(&int_text(i)),
                Shape::Float(x) => {
                    let t = self.float_text(vm, x)?;
                    self.out.push_str(&t);
                }
                Shape::Seq(o) => self.encode_seq(vm, v, o, level)?,
                Shape::Dict(o) => self.encode_dict(vm, v, o, level)?,
                Shape::Other => {
                    self.enter(vm, v)?;
                    let r = (|| {
                        let d = vm.call(self.default, &[v], &[])?;
                        vm.roots.push(d);
                        self.encode(vm, d, level)
                    })();
                    self.leave(vm);
                    r?;
                }
            },
        }
        Ok(())
    }

    fn encode_seq(&mut self, vm: &mut Vm, v: Value, o: ObjRef, level: usize) -> PyResult<()> {
        let items: Vec<Value> = match o.kind() {
            Kind::List(l) => l.borrow().clone(),
            Kind::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(vm, v)?;
        let sep = self.item_sep.clone();
        let r = (|| {
            self.out.push('[');
            self.newline(level + 1);
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    self.out.push_str(&sep);
                    self.newline(level + 1);
                }
                self.encode(vm, *x, level + 1)?;
            }
            self.newline(level);
            self.out.push(']');
            Ok(())
        })();
        self.leave(vm);
        r
    }

    fn key_text(&self, vm: &mut Vm, k: Value) -> PyResult<Option<String>> {
        Ok(Some(match k {
            Value::None => "null".into(),
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            _ => match shape_of(k) {
                Shape::Str(s) => s.as_str().unwrap_or("").to_string(),
                Shape::Float(x) => self.float_text(vm, x)?,
                Shape::Int(i) => int_text(i),
                _ if self.skipkeys => return Ok(None),
                _ => {
                    let tn = vm.type_name(k);
                    return Err(vm.type_error(format!("keys must be str, int, float, bool or None, not {}", tn)));
                }
            },
        }))
    }

    fn encode_dict(&mut self, vm: &mut Vm, v: Value, o: ObjRef, level: usize) -> PyResult<()> {
        let mut items: Vec<(Value, Value)> = o.as_dict().map(|d| d.borrow().iter().collect()).unwrap_or_default();
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, v)?;
        let (sep, ks) = (self.item_sep.clone(), self.key_sep.clone());
        let r = (|| {
            if self.sort_keys {
                let pairs: Vec<Value> = items.iter().map(|&(k, x)| vm.new_tuple(vec![k, x])).collect();
                let list = vm.new_list(pairs);
                vm.roots.push(list);
                vm.call_method(list, "sort", &[])?;
                let sorted = list.as_obj().and_then(|l| l.as_list().map(|l| l.borrow().clone())).unwrap_or_default();
                items =
                    sorted.iter().filter_map(|t| t.as_obj().and_then(|t| t.as_tuple().map(|t| (t[0], t[1])))).collect();
            }
            self.out.push('{');
            self.newline(level + 1);
            let mut first = true;
            for (k, x) in items.iter().copied() {
                let Some(kt) = self.key_text(vm, k)? else { continue };
                if !first {
                    self.out.push_str(&sep);
                    self.newline(level + 1);
                }
                first = false;
                escape_into(&mut self.out, &kt, self.ascii);
                self.out.push_str(&ks);
                self.encode(vm, x, level + 1)?;
            }
            self.newline(level);
            self.out.push('}');
            Ok(())
        })();
        self.leave(vm);
        r
    }
}

fn opt_string(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    Ok(Some(str_of_arg(vm, &v, what)?.s.to_string()))
}

/// `encode(o, ensure_ascii, allow_nan, indent, key_separator, item_separator,
/// sort_keys, skipkeys, check_circular, default)`: the JSON text of `o`. `indent` is
/// None or the str one level indents by.
fn encode(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "encode", args, 10, 10)?;
    let indent = opt_string(vm, args[3], "indent")?;
    let key_sep = str_of_arg(vm, &args[4], "key_separator")?.s.to_string();
    let item_sep = str_of_arg(vm, &args[5], "item_separator")?.s.to_string();
    let mut e = Encoder {
        ascii: vm.truthy(args[1])?,
        allow_nan: vm.truthy(args[2])?,
        indent,
        key_sep,
        item_sep,
        sort_keys: vm.truthy(args[6])?,
        skipkeys: vm.truthy(args[7])?,
        circular: vm.truthy(args[8])?,
        default: args[9],
        markers: Vec::new(),
        out: String::new(),
    };
    let mark = vm.roots.len();
    let r = e.encode(vm, args[0], 0);
    vm.roots.truncate(mark);
    r?;
    Ok(vm.new_str(e.out))
}
