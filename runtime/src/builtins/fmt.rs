//! Formatting: `format()`, the `__format__` protocol, `str.format`/`format_map`, and
//! `%`-formatting of str and bytes, with CPython 3.11's results and error messages.
//! The number and string layouts themselves come from `crate::format`.

use super::str::{as_pystr, bytes_like};
use crate::format::{
    format_float_named, format_int_named, format_str_named, is_overflow_error, parse_format_spec_for,
    percent_format_float, percent_format_int, percent_format_str, PercentFlags,
};
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::unwrap_builtin;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::borrow::Cow;

type Kw<'a> = &'a [(ObjRef, Value)];

/// Registers format-related builtins and methods.
pub fn register(vm: &mut Vm) {
    vm.add_builtin("format", format_builtin);
    let t = vm.types.int;
    vm.add_method(t, "__format__", int_format);
    let t = vm.types.float;
    vm.add_method(t, "__format__", float_format);
    let t = vm.types.str;
    vm.add_method(t, "__format__", str_format_method);
    vm.add_method(t, "format", str_format);
    vm.add_method(t, "format_map", str_format_map);
}

/// `ascii()`-style escaping of a repr: non-ASCII characters as \x, \u or \U escapes.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    out
}

/// A format-spec error from `crate::format` as the Python exception it stands for.
fn spec_error(vm: &mut Vm, msg: String) -> PyErr {
    if is_overflow_error(&msg) {
        vm.overflow_error(msg)
    } else {
        vm.value_error(msg)
    }
}

/// An int value as a BigInt (bool and int subclasses included).
fn int_value(v: Value) -> Option<BigInt> {
    match unwrap_builtin(v) {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::Obj(o) => match o.kind() {
            Kind::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn fmt_int(vm: &mut Vm, v: &BigInt, spec: &str, type_name: &str) -> PyResult<String> {
    let parsed = parse_format_spec_for(spec, type_name).map_err(|m| spec_error(vm, m))?;
    format_int_named(v, &parsed, type_name).map_err(|m| spec_error(vm, m))
}

fn fmt_float(vm: &mut Vm, x: f64, spec: &str, type_name: &str) -> PyResult<String> {
    let parsed = parse_format_spec_for(spec, type_name).map_err(|m| spec_error(vm, m))?;
    format_float_named(x, &parsed, type_name).map_err(|m| spec_error(vm, m))
}

fn fmt_str(vm: &mut Vm, s: &str, spec: &str, type_name: &str) -> PyResult<String> {
    let parsed = parse_format_spec_for(spec, type_name).map_err(|m| spec_error(vm, m))?;
    format_str_named(s, &parsed, type_name).map_err(|m| spec_error(vm, m))
}

impl Vm {
    /// `format(v, spec)`: int, bool, float and str directly, anything else through
    /// `type(v).__format__(v, spec)`.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let Some(spec_s) = as_pystr(spec) else {
            let tn = self.type_name(spec);
            return Err(self.type_error(format!("Format specifier must be a string, not {}", tn)));
        };
        let spec_s: &str = &spec_s.s;
        let text = match v {
            Value::Int(i) => {
                if spec_s.is_empty() {
                    i.to_string()
                } else {
                    fmt_int(self, &BigInt::from(i), spec_s, "int")?
                }
            }
            Value::Bool(b) => {
                if spec_s.is_empty() {
                    return Ok(Value::Obj(self.intern(if b { "True" } else { "False" })));
                }
                fmt_int(self, &BigInt::from(b as i64), spec_s, "bool")?
            }
            Value::Float(x) => {
                if spec_s.is_empty() {
                    crate::floatfmt::float_repr(x)
                } else {
                    fmt_float(self, x, spec_s, "float")?
                }
            }
            Value::Obj(o) if matches!(o.kind, Kind::Str(_)) => {
                if spec_s.is_empty() {
                    return Ok(v);
                }
                let s: &str = o.as_str().unwrap_or("");
                fmt_str(self, s, spec_s, "str")?
            }
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                let Kind::BigInt(b) = o.kind() else { unreachable!() };
                if spec_s.is_empty() {
                    b.to_string()
                } else {
                    fmt_int(self, b, spec_s, "int")?
                }
            }
            _ => return self.format_via_dunder(v, spec),
        };
        Ok(self.new_str(text))
    }

    /// Calls `type(v).__format__(v, spec)` and checks that it returned a str.
    fn format_via_dunder(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let cls = self.type_of(v);
        let name = self.names.format;
        let Some(f) = self.class_lookup(cls, name) else {
            let tn = self.type_name(v);
            return Err(self.type_error(format!("Type {} doesn't define __format__", tn)));
        };
        let mark = self.roots.len();
        self.roots.push(v);
        self.roots.push(spec);
        let r = self.call(f, &[v, spec], &[]);
        self.roots.truncate(mark);
        let r = r?;
        if as_pystr(r).is_none() {
            let tn = self.type_name(r);
            return Err(self.type_error(format!("__format__ must return a str, not {}", tn)));
        }
        Ok(r)
    }
}

fn format_builtin(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut value = args.first().copied();
    let mut spec = args.get(1).copied();
    for (k, v) in kw {
        match k.as_str().unwrap_or("") {
            "value" if value.is_none() => value = Some(*v),
            "format_spec" if spec.is_none() => spec = Some(*v),
            n => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for format()", n))),
        }
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("format expected at most 2 arguments, got {}", args.len())));
    }
    let Some(value) = value else {
        return Err(vm.type_error("format expected at least 1 argument, got 0"));
    };
    let spec = match spec {
        None => Value::Obj(vm.intern("")),
        Some(s) => {
            if as_pystr(s).is_none() {
                let tn = vm.type_name(s);
                return Err(vm.type_error(format!("format() argument 2 must be str, not {}", tn)));
            }
            s
        }
    };
    vm.format(value, spec)
}

/// The spec argument of a `__format__` method.
fn dunder_spec<'a>(vm: &mut Vm, owner: &str, args: &[Value], kw: Kw) -> PyResult<&'a str> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}.__format__() takes no keyword arguments", owner)));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{}.__format__() takes exactly one argument ({} given)",
            owner,
            args.len().saturating_sub(1)
        )));
    }
    match as_pystr(args[1]) {
        Some(s) => Ok(&s.s),
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("__format__() argument must be str, not {}", tn)))
        }
    }
}

fn descriptor_error(vm: &mut Vm, owner: &str, v: Option<&Value>) -> PyErr {
    match v {
        Some(v) => {
            let tn = vm.type_name(*v);
            vm.type_error(format!("descriptor '__format__' for '{}' objects doesn't apply to a '{}' object", owner, tn))
        }
        None => vm.type_error(format!("unbound method {}.__format__() needs an argument", owner)),
    }
}

fn int_format(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(v) = args.first().and_then(|v| int_value(*v)) else {
        return Err(descriptor_error(vm, "int", args.first()));
    };
    let spec = dunder_spec(vm, "int", args, kw)?;
    if spec.is_empty() {
        return vm.str_value(args[0]);
    }
    let tn = vm.type_name(args[0]);
    let s = fmt_int(vm, &v, spec, &tn)?;
    Ok(vm.new_str(s))
}

fn float_format(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(Value::Float(x)) = args.first().map(|v| unwrap_builtin(*v)) else {
        return Err(descriptor_error(vm, "float", args.first()));
    };
    let spec = dunder_spec(vm, "float", args, kw)?;
    if spec.is_empty() {
        return vm.str_value(args[0]);
    }
    let tn = vm.type_name(args[0]);
    let s = fmt_float(vm, x, spec, &tn)?;
    Ok(vm.new_str(s))
}

fn str_format_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(s) = args.first().and_then(|v| as_pystr(*v)) else {
        return Err(descriptor_error(vm, "str", args.first()));
    };
    let spec = dunder_spec(vm, "str", args, kw)?;
    if spec.is_empty() {
        return vm.str_value(args[0]);
    }
    let tn = vm.type_name(args[0]);
    let r = fmt_str(vm, &s.s, spec, &tn)?;
    Ok(vm.new_str(r))
}

// -- str.format ------------------------------------------------------------------------------

/// Where replacement fields get their values.
enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Args(&'a [Value], Kw<'a>),
    /// `str.format_map(mapping)`.
    Map(Value),
}

/// Automatic/manual field numbering state.
#[derive(Default)]
struct AutoNumber {
    /// 0: not decided yet, 1: automatic, 2: manual.
    state: u8,
    next: usize,
}

/// One parsed replacement field: byte ranges into the format string.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

fn str_format(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(s) = args.first().and_then(|v| as_pystr(*v)) else {
        return Err(match args.first() {
            Some(v) => {
                let tn = vm.type_name(*v);
                vm.type_error(format!("descriptor 'format' for 'str' objects doesn't apply to a '{}' object", tn))
            }
            None => vm.type_error("unbound method str.format() needs an argument"),
        });
    };
    let text: &str = &s.s;
    if !text.contains(['{', '}']) {
        return Ok(if matches!(args[0], Value::Obj(o) if matches!(o.kind, Kind::Str(_))) {
            args[0]
        } else {
            vm.new_str(text)
        });
    }
    let src = Source::Args(&args[1..], kw);
    run_format(vm, text, &src)
}

fn str_format_map(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(s) = args.first().and_then(|v| as_pystr(*v)) else {
        return Err(vm.type_error("descriptor 'format_map' for 'str' objects needs a str"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("str.format_map() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("str.format_map() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let src = Source::Map(args[1]);
    run_format(vm, &s.s, &src)
}

fn run_format(vm: &mut Vm, text: &str, src: &Source) -> PyResult<Value> {
    let mark = vm.roots.len();
    let mut out = String::with_capacity(text.len() + 16);
    let mut auto = AutoNumber::default();
    let r = build_string(vm, text, src, 2, &mut auto, &mut out);
    vm.roots.truncate(mark);
    r?;
    Ok(vm.new_str(out))
}

/// Port of CPython's `build_string`/`MarkupIterator`: literal text with `{{`/`}}`
/// escapes and replacement fields. Values looked up are pushed on `vm.roots` (the
/// caller truncates), since formatting a field may run Python code.
fn build_string(
    vm: &mut Vm,
    fmt: &str,
    src: &Source,
    depth: i32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> PyResult<()> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut c = 0u8;
        let mut markup = false;
        while i < n {
            c = b[i];
            i += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = i >= n;
        let mut lit_end = i;
        if markup {
            if c == b'}' && (at_end || b[i] != b'}') {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            if at_end && c == b'{' {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            if b[i] == c {
                // An escaped brace: the literal keeps one of the two.
                i += 1;
                markup = false;
            } else {
                lit_end -= 1;
            }
        }
        out.push_str(&fmt[start..lit_end]);
        if !markup {
            continue;
        }
        let field = parse_field(vm, fmt, &mut i)?;
        output_field(vm, fmt, &field, src, depth, auto, out)?;
    }
    Ok(())
}

/// Parses `name[!conv][:spec]}` starting at `*i` (just after the `{`).
fn parse_field(vm: &mut Vm, fmt: &str, i: &mut usize) -> PyResult<Field> {
    let b = fmt.as_bytes();
    let n = b.len();
    let fstart = *i;
    let mut c = 0u8;
    while *i < n {
        c = b[*i];
        *i += 1;
        match c {
            b'{' => return Err(vm.value_error("unexpected '{' in field name")),
            b'[' => {
                while *i < n && b[*i] != b']' {
                    *i += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    let name = (fstart, (*i).saturating_sub(1).max(fstart));
    if c == b'!' || c == b':' {
        let mut conversion = None;
        if c == b'!' {
            if *i >= n {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            let ch = fmt[*i..].chars().next().unwrap_or('\0');
            *i += ch.len_utf8();
            conversion = Some(ch);
            if *i < n {
                let c2 = b[*i];
                *i += 1;
                if c2 == b'}' {
                    return Ok(Field { name, conversion, spec: (*i, *i), spec_needs_expanding: false });
                }
                if c2 != b':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *i;
        let mut count = 1;
        let mut expand = false;
        while *i < n {
            let c = b[*i];
            *i += 1;
            if c == b'{' {
                expand = true;
                count += 1;
            } else if c == b'}' {
                count -= 1;
                if count == 0 {
                    return Ok(Field { name, conversion, spec: (spec_start, *i - 1), spec_needs_expanding: expand });
                }
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if c != b'}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(Field { name, conversion: None, spec: (*i, *i), spec_needs_expanding: false })
}

/// A field name part made only of decimal digits, as an index.
fn get_integer(vm: &mut Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = crate::floatfmt::decimal_value(c) else {
            return Ok(None);
        };
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// Resolves a field name (`0`, `name`, `0.attr[key][1]`, or empty for automatic
/// numbering) to its value.
fn get_field(vm: &mut Vm, name: &str, src: &Source, auto: &mut AutoNumber) -> PyResult<Value> {
    let b = name.as_bytes();
    let first_end = b.iter().position(|&c| c == b'.' || c == b'[').unwrap_or(b.len());
    let first = &name[..first_end];
    let mut idx = get_integer(vm, first)?;
    let empty = first.is_empty();
    let numeric = empty || idx.is_some();
    if auto.state == 0 && numeric {
        auto.state = if empty { 1 } else { 2 };
    }
    if numeric {
        if auto.state == 2 && empty {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        if auto.state == 1 && !empty {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
    }
    if empty {
        idx = Some(auto.next);
        auto.next += 1;
    }
    let mut obj = match (idx, src) {
        (None, Source::Args(_, kw)) => match kw.iter().find(|(k, _)| k.as_str() == Some(first)) {
            Some((_, v)) => *v,
            None => {
                let k = vm.new_str(first);
                return Err(vm.key_error(k));
            }
        },
        (None, Source::Map(m)) => {
            let k = vm.new_str(first);
            vm.roots.push(k);
            vm.getitem(*m, k)?
        }
        (Some(i), Source::Args(a, _)) => match a.get(i) {
            Some(v) => *v,
            None => {
                return Err(vm.index_error(format!("Replacement index {} out of range for positional args tuple", i)))
            }
        },
        (Some(_), Source::Map(_)) => return Err(vm.value_error("Format string contains positional fields")),
    };
    let mut pos = first_end;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'.' => {
                let st = pos;
                while pos < b.len() && b[pos] != b'.' && b[pos] != b'[' {
                    pos += 1;
                }
                let attr = &name[st..pos];
                if attr.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                vm.roots.push(obj);
                let an = vm.intern(attr);
                obj = vm.get_attr(obj, an)?;
            }
            b'[' => {
                let st = pos;
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
                if pos >= b.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &name[st..pos];
                pos += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                vm.roots.push(obj);
                let k = match get_integer(vm, key)? {
                    Some(i) => Value::Int(i as i64),
                    None => {
                        let k = vm.new_str(key);
                        vm.roots.push(k);
                        k
                    }
                };
                obj = vm.getitem(obj, k)?;
            }
            _ => return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}

/// `!r`, `!s`, `!a`.
fn convert_field(vm: &mut Vm, v: Value, conv: char) -> PyResult<Value> {
    match conv {
        's' => vm.str_value(v),
        'r' => {
            let s = vm.repr(v)?;
            Ok(vm.new_str(s))
        }
        'a' => {
            let s = vm.repr(v)?;
            let a = ascii_escape(&s);
            Ok(vm.new_str(a))
        }
        c => {
            let u = c as u32;
            if u > 32 && u < 127 {
                Err(vm.value_error(format!("Unknown conversion specifier {}", c)))
            } else {
                Err(vm.value_error(format!("Unknown conversion specifier \\x{:x}", u)))
            }
        }
    }
}

fn output_field(
    vm: &mut Vm,
    fmt: &str,
    f: &Field,
    src: &Source,
    depth: i32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> PyResult<()> {
    let name = &fmt[f.name.0..f.name.1];
    let mut obj = get_field(vm, name, src, auto)?;
    vm.roots.push(obj);
    if let Some(c) = f.conversion {
        obj = convert_field(vm, obj, c)?;
        vm.roots.push(obj);
    }
    let spec: Cow<str> = if f.spec_needs_expanding {
        let mut s = String::new();
        build_string(vm, &fmt[f.spec.0..f.spec.1], src, depth - 1, auto, &mut s)?;
        Cow::Owned(s)
    } else {
        Cow::Borrowed(&fmt[f.spec.0..f.spec.1])
    };
    if spec.is_empty() {
        match obj {
            Value::Int(i) => {
                out.push_str(&i.to_string());
                return Ok(());
            }
            Value::Obj(o) if matches!(o.kind, Kind::Str(_)) => {
                out.push_str(o.as_str().unwrap_or(""));
                return Ok(());
            }
            _ => {}
        }
    }
    let spec_v = vm.new_str(spec.as_ref());
    vm.roots.push(spec_v);
    let r = vm.format(obj, spec_v)?;
    out.push_str(as_pystr(r).map(|s| &*s.s).unwrap_or(""));
    Ok(())
}

// -- %-formatting ------------------------------------------------------------------------------

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<Value> {
    let mark = vm.roots.len();
    vm.roots.push(args);
    let r = percent_core(vm, fmt, args, false);
    vm.roots.truncate(mark);
    let s = r?;
    Ok(vm.new_str(s))
}

/// `fmt % args` for bytes and bytearray: the formatted bytes.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let mark = vm.roots.len();
    vm.roots.push(args);
    let r = percent_core(vm, &text, args, true);
    vm.roots.truncate(mark);
    Ok(r?.chars().map(|c| c as u32 as u8).collect())
}

/// The items of a tuple (or tuple subclass instance).
fn tuple_items(v: Value) -> Option<Vec<Value>> {
    match unwrap_builtin(v) {
        Value::Obj(o) => o.as_tuple().map(|t| t.to_vec()),
        _ => None,
    }
}

/// CPython's `PyMapping_Check` as `%` uses it: the type supports subscripting and is
/// not a tuple or str (nor bytes, for bytes formatting).
fn is_mapping(vm: &Vm, v: Value, bytes: bool) -> bool {
    if as_pystr(v).is_some() || tuple_items(v).is_some() {
        return false;
    }
    if bytes && bytes_like(v).is_some() {
        return false;
    }
    match v {
        Value::Obj(o) => match &o.kind {
            Kind::Dict(_) | Kind::List(_) | Kind::Bytes(_) | Kind::ByteArray(_) | Kind::Range(_) => true,
            Kind::Instance(i) => {
                vm.class_lookup(i.class.get(), vm.names.getitem).is_some()
                    || matches!(&i.payload, Payload::Builtin(b) if matches!(b.get().as_obj().map(|x| x.kind()), Some(Kind::Dict(_) | Kind::List(_))))
            }
            _ => false,
        },
        _ => false,
    }
}

/// Reads the format string one character at a time, like CPython's `fmtcnt`/`fmtpos`
/// bookkeeping: `exhausted` is set once a read past the end was attempted.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
    ch: char,
    exhausted: bool,
}

impl Cursor<'_> {
    fn next(&mut self) -> bool {
        if self.exhausted {
            return false;
        }
        match self.s[self.pos..].chars().next() {
            Some(c) => {
                self.ch = c;
                self.pos += c.len_utf8();
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }
}

/// The argument state of one `%` operation.
struct PctArgs {
    args: Value,
    items: Vec<Value>,
    arglen: isize,
    argidx: isize,
}

impl PctArgs {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                Ok(self.args)
            } else {
                Ok(self.items[i as usize])
            }
        } else {
            Err(vm.type_error("not enough arguments for format string"))
        }
    }
}

/// An int argument of `*` (width or precision).
fn star_arg(vm: &mut Vm, v: Value, limit: i64) -> PyResult<i64> {
    let Some(b) = int_value(v) else {
        return Err(vm.type_error("* wants int"));
    };
    match b.to_i64() {
        Some(i) if i.abs() <= limit => Ok(i),
        _ => Err(vm.overflow_error(if limit == i32::MAX as i64 {
            "Python int too large to convert to C int"
        } else {
            "Python int too large to convert to C ssize_t"
        })),
    }
}

/// Port of CPython's `PyUnicode_Format` (and `_PyBytes_FormatEx` when `bytes`, with the
/// format and bytes arguments as latin-1 text).
fn percent_core(vm: &mut Vm, fmt: &str, args: Value, bytes: bool) -> PyResult<String> {
    let items = tuple_items(args);
    let mut st = match items {
        Some(items) => PctArgs { args, arglen: items.len() as isize, argidx: 0, items },
        None => PctArgs { args, items: Vec::new(), arglen: -1, argidx: -2 },
    };
    let dict = if st.arglen < 0 && is_mapping(vm, args, bytes) { Some(args) } else { None };
    let b = fmt.as_bytes();
    let n = b.len();
    let mut out = String::with_capacity(n + 16);
    let mut i = 0;
    while i < n {
        let lit = i;
        while i < n && b[i] != b'%' {
            i += 1;
        }
        out.push_str(&fmt[lit..i]);
        if i >= n {
            break;
        }
        i += 1;
        if i < n && b[i] == b'%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut cur = Cursor { s: fmt, pos: i, ch: fmt[i..].chars().next().unwrap_or('\0'), exhausted: false };
        let mut flags = PercentFlags::default();
        // A mapping key: %(name)s.
        if cur.ch == '(' && i < n {
            let Some(d) = dict else {
                return Err(vm.type_error("format requires a mapping"));
            };
            cur.pos += 1;
            let keystart = cur.pos;
            let mut pcount = 1;
            while pcount > 0 && cur.next() {
                if cur.ch == ')' {
                    pcount -= 1;
                } else if cur.ch == '(' {
                    pcount += 1;
                }
            }
            if cur.exhausted || pcount > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key = &fmt[keystart..cur.pos - 1];
            let keyv = if bytes {
                let kb: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                super::str::new_bytes(vm, false, kb)
            } else {
                vm.new_str(key)
            };
            vm.roots.push(keyv);
            let v = vm.getitem(d, keyv)?;
            vm.roots.push(v);
            st.args = v;
            st.arglen = -1;
            st.argidx = -2;
        }
        // Flags.
        while cur.next() {
            match cur.ch {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alternate = true,
                '0' => flags.zero = true,
                _ => break,
            }
        }
        // Width.
        if cur.ch == '*' && !cur.exhausted {
            let v = st.next(vm)?;
            let w = star_arg(vm, v, isize::MAX as i64)?;
            if w < 0 {
                flags.left = true;
            }
            flags.width = Some(w.unsigned_abs() as usize);
            cur.next();
        } else if cur.ch.is_ascii_digit() && !cur.exhausted {
            let mut w = cur.ch as usize - '0' as usize;
            while cur.next() {
                if !cur.ch.is_ascii_digit() {
                    break;
                }
                let d = cur.ch as usize - '0' as usize;
                if w > (isize::MAX as usize - d) / 10 {
                    return Err(vm.value_error("width too big"));
                }
                w = w * 10 + d;
            }
            flags.width = Some(w);
        }
        // Precision.
        if cur.ch == '.' && !cur.exhausted {
            flags.precision = Some(0);
            cur.next();
            if cur.ch == '*' && !cur.exhausted {
                let v = st.next(vm)?;
                let p = star_arg(vm, v, i32::MAX as i64)?;
                flags.precision = Some(p.max(0) as usize);
                cur.next();
            } else if cur.ch.is_ascii_digit() && !cur.exhausted {
                let mut p = cur.ch as usize - '0' as usize;
                while cur.next() {
                    if !cur.ch.is_ascii_digit() {
                        break;
                    }
                    let d = cur.ch as usize - '0' as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        return Err(vm.value_error("precision too big"));
                    }
                    p = p * 10 + d;
                }
                flags.precision = Some(p);
            }
        }
        // Length modifiers are ignored.
        if !cur.exhausted && matches!(cur.ch, 'h' | 'l' | 'L') {
            cur.next();
        }
        if cur.exhausted {
            return Err(vm.value_error("incomplete format"));
        }
        i = cur.pos;
        let ch = cur.ch;
        let v = st.next(vm)?;
        format_one(vm, v, ch, &flags, bytes, fmt, i, &mut out)?;
        if dict.is_some() && st.argidx < st.arglen {
            return Err(vm.type_error("not all arguments converted during string formatting"));
        }
    }
    if st.argidx < st.arglen && dict.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// Formats one `%` conversion `ch` of `v` into `out`; `end` is the byte position just
/// after the conversion character (for the error message).
#[allow(clippy::too_many_arguments)]
fn format_one(
    vm: &mut Vm,
    v: Value,
    ch: char,
    flags: &PercentFlags,
    bytes: bool,
    fmt: &str,
    end: usize,
    out: &mut String,
) -> PyResult<()> {
    match ch {
        's' | 'r' | 'a' | 'b' if bytes => {
            let text: String = if ch == 's' || ch == 'b' {
                match bytes_like(v) {
                    Some(d) => d.iter().map(|&x| x as char).collect(),
                    None => {
                        let cls = vm.type_of(v);
                        let bn = vm.intern("__bytes__");
                        match vm.class_lookup(cls, bn) {
                            Some(f) => {
                                let r = vm.call(f, &[v], &[])?;
                                match r.as_obj().map(|o| o.kind()) {
                                    Some(Kind::Bytes(d)) => d.iter().map(|&x| x as char).collect(),
                                    _ => {
                                        let tn = vm.type_name(r);
                                        return Err(
                                            vm.type_error(format!("__bytes__ returned non-bytes (type {})", tn))
                                        );
                                    }
                                }
                            }
                            None => {
                                let tn = vm.type_name(v);
                                return Err(vm.type_error(format!(
                                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                    tn
                                )));
                            }
                        }
                    }
                }
            } else {
                let r = vm.repr(v)?;
                ascii_escape(&r)
            };
            out.push_str(&percent_format_str(&text, flags));
        }
        's' | 'r' | 'a' => {
            let text: Cow<str> = match ch {
                's' => match v {
                    Value::Obj(o) if matches!(o.kind, Kind::Str(_)) => Cow::Borrowed(o.as_str().unwrap_or("")),
                    _ => Cow::Owned(vm.str_of(v)?),
                },
                'r' => Cow::Owned(vm.repr(v)?),
                _ => {
                    let r = vm.repr(v)?;
                    Cow::Owned(ascii_escape(&r))
                }
            };
            if flags.width.is_none() && flags.precision.is_none() {
                out.push_str(&text);
            } else {
                out.push_str(&percent_format_str(&text, flags));
            }
        }
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
            let big = int_for_percent(vm, v, ch)?;
            out.push_str(&percent_format_int(&big, flags, ch));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_for_percent(vm, v)?;
            out.push_str(&percent_format_float(x, flags, ch));
        }
        'c' => {
            let code: u32 = if bytes {
                match bytes_like(v) {
                    Some(d) if d.len() == 1 => d[0] as u32,
                    Some(_) => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                    None => match int_value(v) {
                        Some(i) => match i.to_u32() {
                            Some(u) if u < 256 => u,
                            _ => return Err(vm.overflow_error("%c arg not in range(256)")),
                        },
                        None => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                    },
                }
            } else {
                match as_pystr(v) {
                    Some(s) if s.nchars == 1 => s.s.chars().next().unwrap_or('\0') as u32,
                    Some(_) => return Err(vm.type_error("%c requires int or char")),
                    None => match int_value(v) {
                        Some(i) => match i.to_u32() {
                            Some(u) if u < 0x110000 => u,
                            _ => return Err(vm.overflow_error(crate::format::CHAR_RANGE_MSG)),
                        },
                        None => {
                            let cls = vm.type_of(v);
                            let ix = vm.names.index;
                            if vm.class_lookup(cls, ix).is_some() {
                                let i = vm.to_index(v)?;
                                if !(0..0x110000).contains(&i) {
                                    return Err(vm.overflow_error(crate::format::CHAR_RANGE_MSG));
                                }
                                i as u32
                            } else {
                                return Err(vm.type_error("%c requires int or char"));
                            }
                        }
                    },
                }
            };
            out.push_str(&percent_format_int(&BigInt::from(code), flags, 'c'));
        }
        _ => {
            let u = ch as u32;
            let shown = if (31..=126).contains(&u) { ch } else { '?' };
            let index = fmt[..end - ch.len_utf8()].chars().count();
            return Err(
                vm.value_error(format!("unsupported format character '{}' (0x{:x}) at index {}", shown, u, index))
            );
        }
    }
    Ok(())
}

fn percent_wrong_type(vm: &mut Vm, v: Value, ch: char) -> PyErr {
    let tn = vm.type_name(v);
    if matches!(ch, 'o' | 'x' | 'X') {
        vm.type_error(format!("%{} format: an integer is required, not {}", ch, tn))
    } else {
        vm.type_error(format!("%{} format: a real number is required, not {}", ch, tn))
    }
}

/// The integer a `%d`/`%x`/... conversion formats: ints as they are, floats truncated
/// (not for `%o %x %X`), other objects through `__int__`/`__index__`.
fn int_for_percent(vm: &mut Vm, v: Value, ch: char) -> PyResult<BigInt> {
    if let Some(b) = int_value(v) {
        return Ok(b);
    }
    let u = unwrap_builtin(v);
    if let Value::Float(x) = u {
        if matches!(ch, 'o' | 'x' | 'X') {
            return Err(percent_wrong_type(vm, v, ch));
        }
        if x.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(BigInt::from_f64(x.trunc()).unwrap_or_default());
    }
    if let Value::Obj(o) = v {
        if let Kind::Instance(i) = &o.kind {
            let cls = i.class.get();
            let names: &[ObjRef] =
                if matches!(ch, 'o' | 'x' | 'X') { &[vm.names.index] } else { &[vm.names.int, vm.names.index] };
            for &name in names {
                if let Some(f) = vm.class_lookup(cls, name) {
                    let r = vm.call(f, &[v], &[])?;
                    return match int_value(r) {
                        Some(b) => Ok(b),
                        None => {
                            let tn = vm.type_name(r);
                            let which = name.as_str().unwrap_or("__int__");
                            Err(vm.type_error(format!("{} returned non-int (type {})", which, tn)))
                        }
                    };
                }
            }
        }
    }
    Err(percent_wrong_type(vm, v, ch))
}

/// The float a `%f`/`%e`/`%g` conversion formats.
fn float_for_percent(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match unwrap_builtin(v) {
        Value::Float(x) => return Ok(x),
        Value::Int(i) => return Ok(i as f64),
        Value::Bool(b) => return Ok(b as i64 as f64),
        Value::Obj(o) => {
            if let Kind::BigInt(b) = o.kind() {
                return crate::arith::bigint_to_f64(vm, b);
            }
        }
        _ => {}
    }
    if let Value::Obj(o) = v {
        if let Kind::Instance(i) = &o.kind {
            let cls = i.class.get();
            if let Some(f) = vm.class_lookup(cls, vm.names.float) {
                let r = vm.call(f, &[v], &[])?;
                return match unwrap_builtin(r) {
                    Value::Float(x) => Ok(x),
                    _ => {
                        let (tn, rn) = (vm.type_name(v), vm.type_name(r));
                        Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", tn, rn)))
                    }
                };
            }
            if let Some(f) = vm.class_lookup(cls, vm.names.index) {
                let r = vm.call(f, &[v], &[])?;
                if let Some(b) = int_value(r) {
                    return crate::arith::bigint_to_f64(vm, &b);
                }
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {}", tn)))
}
