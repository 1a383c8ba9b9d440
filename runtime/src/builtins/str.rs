//! str, bytes and bytearray: constructors and methods, matching CPython 3.11's results
//! and error messages, with byte-level fast paths for ASCII text.
//!
//! Methods receive self as `args[0]`; instances of subclasses are unwrapped with
//! `unwrap_builtin`. Every method returns plain `str`/`bytes`/`bytearray` values, like
//! CPython does for subclasses. `str.format`, `format_map` and `__format__` live in
//! `fmt.rs`.

use crate::dict::Dict;
use crate::floatfmt::{decimal_value, py_is_space};
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::unwrap_builtin;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::RefCell;

type Kw<'a> = &'a [(ObjRef, Value)];

/// Registers str, bytes and bytearray methods and constructors.
pub fn register(vm: &mut Vm) {
    let t = vm.types.str;
    super::core::set_construct(vm, t, str_construct);
    let str_methods: &[(&'static str, NativeFn)] = &[
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("join", str_join),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("capitalize", str_capitalize),
        ("title", str_title),
        ("swapcase", str_swapcase),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable),
        ("isascii", str_isascii),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("translate", str_translate),
        ("encode", str_encode),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("__len__", str_len),
        ("__contains__", str_contains),
        ("__getitem__", str_getitem),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_mul),
        ("__mod__", str_mod),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__iter__", str_iter),
        ("__repr__", str_repr),
        ("__str__", str_str),
    ];
    for (name, f) in str_methods {
        vm.add_method(t, name, *f);
    }
    // `__hash__` is deliberately not registered: `Vm::hash` reduces the result of a
    // `__hash__` method like an int, so a str subclass would stop hashing like the
    // str it wraps; without it the subclass falls back to the wrapped str's hash.
    vm.add_static_method(t, "maketrans", str_maketrans, false);
    vm.add_static_method(t, "__new__", str_new, false);

    let b = vm.types.bytes;
    let ba = vm.types.bytearray;
    super::core::set_construct(vm, b, bytes_construct);
    super::core::set_construct(vm, ba, bytearray_construct);
    let shared: &[(&'static str, NativeFn)] = &[
        ("decode", bytes_decode),
        ("hex", bytes_hex),
        ("count", bytes_count),
        ("find", bytes_find),
        ("rfind", bytes_rfind),
        ("index", bytes_index),
        ("rindex", bytes_rindex),
        ("startswith", bytes_startswith),
        ("endswith", bytes_endswith),
        ("split", bytes_split),
        ("rsplit", bytes_rsplit),
        ("splitlines", bytes_splitlines),
        ("join", bytes_join),
        ("strip", bytes_strip),
        ("lstrip", bytes_lstrip),
        ("rstrip", bytes_rstrip),
        ("replace", bytes_replace),
        ("upper", bytes_upper),
        ("lower", bytes_lower),
        ("capitalize", bytes_capitalize),
        ("swapcase", bytes_swapcase),
        ("title", bytes_title),
        ("isalnum", bytes_isalnum),
        ("isalpha", bytes_isalpha),
        ("isdigit", bytes_isdigit),
        ("isspace", bytes_isspace),
        ("islower", bytes_islower),
        ("isupper", bytes_isupper),
        ("istitle", bytes_istitle),
        ("isascii", bytes_isascii),
        ("partition", bytes_partition),
        ("rpartition", bytes_rpartition),
        ("center", bytes_center),
        ("ljust", bytes_ljust),
        ("rjust", bytes_rjust),
        ("zfill", bytes_zfill),
        ("removeprefix", bytes_removeprefix),
        ("removesuffix", bytes_removesuffix),
        ("translate", bytes_translate),
        ("__len__", bytes_len),
        ("__contains__", bytes_contains_m),
        ("__getitem__", bytes_getitem),
        ("__iter__", bytes_iter),
        ("__eq__", bytes_eq),
        ("__ne__", bytes_ne),
        ("__lt__", bytes_lt),
        ("__le__", bytes_le),
        ("__gt__", bytes_gt),
        ("__ge__", bytes_ge),
        ("__repr__", bytes_repr),
        ("__str__", bytes_repr),
    ];
    for cls in [b, ba] {
        for (name, f) in shared {
            vm.add_method(cls, name, *f);
        }
        vm.add_static_method(cls, "fromhex", bytes_fromhex, true);
        vm.add_static_method(cls, "__new__", if cls.ptr_eq(ba) { bytearray_new } else { bytes_new }, false);
        vm.add_static_method(cls, "maketrans", bytes_maketrans, false);
        // The interpreter's operator dispatch skips native methods of built-in types
        // (it has fast paths for them), but it has none for bytes `%` or for mixing
        // bytes with bytearray. Registering these as plain functions (no owner type)
        // makes the dispatch call them.
        add_operator(vm, cls, "__add__", bytes_add);
        add_operator(vm, cls, "__mul__", bytes_mul);
        add_operator(vm, cls, "__rmul__", bytes_mul);
        add_operator(vm, cls, "__mod__", bytes_mod);
    }
    let ba_methods: &[(&'static str, NativeFn)] = &[
        ("__init__", bytearray_init),
        ("append", bytearray_append),
        ("extend", bytearray_extend),
        ("pop", bytearray_pop),
        ("insert", bytearray_insert),
        ("remove", bytearray_remove),
        ("clear", bytearray_clear),
        ("copy", bytearray_copy),
        ("reverse", bytearray_reverse),
        ("__setitem__", bytearray_setitem),
        ("__iadd__", bytearray_iadd),
    ];
    for (name, f) in ba_methods {
        vm.add_method(ba, name, *f);
    }

    vm.set_builtin("str", Value::Obj(t));
    vm.set_builtin("bytes", Value::Obj(b));
    vm.set_builtin("bytearray", Value::Obj(ba));
}

/// Stores a native function without an owner type in a class namespace, so that
/// operator dispatch calls it (see `register`).
fn add_operator(vm: &mut Vm, cls: ObjRef, name: &'static str, f: NativeFn) {
    let v = vm.new_native(name, f);
    vm.set_class_attr(cls, name, v);
}

// -- Argument helpers ------------------------------------------------------------------------

/// How CPython words arity errors of a method.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `PyArg_ParseTuple*`: "find() takes at most 3 arguments (4 given)".
    Tuple,
    /// Argument Clinic, positional-only: "center expected at most 2 arguments, got 3".
    Clinic,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Binds positional arguments (self excluded) and keywords to `names`; the first
/// `required` are mandatory.
fn parse<const N: usize>(
    vm: &mut Vm,
    f: &str,
    style: Style,
    kw_ok: bool,
    args: &[Value],
    kw: Kw,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let n = args.len();
    let arity_msg = |k: usize, n: usize| -> String {
        let exact = required == N;
        match (style, exact) {
            (Style::Tuple, true) => format!("{}() takes exactly {} argument{} ({} given)", f, k, plural(k), n),
            (Style::Tuple, false) if n > k => {
                format!("{}() takes at most {} argument{} ({} given)", f, k, plural(k), n)
            }
            (Style::Tuple, false) => format!("{}() takes at least {} argument{} ({} given)", f, k, plural(k), n),
            (Style::Clinic, true) => {
                format!("{} expected {} argument{}, got {}", f, k, plural(k), n)
            }
            (Style::Clinic, false) if n > k => format!("{} expected at most {} argument{}, got {}", f, k, plural(k), n),
            (Style::Clinic, false) => format!("{} expected at least {} argument{}, got {}", f, k, plural(k), n),
        }
    };
    if n > N {
        let m = arity_msg(N, n);
        return Err(vm.type_error(m));
    }
    let mut out = [None; N];
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(*a);
    }
    if !kw.is_empty() {
        if !kw_ok {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", f)));
        }
        for (k, v) in kw {
            let name = k.as_str().unwrap_or("");
            match names.iter().position(|x| *x == name) {
                Some(i) if out[i].is_some() => {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        f,
                        name,
                        i + 1
                    )));
                }
                Some(i) => out[i] = Some(*v),
                None => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", name, f))),
            }
        }
    }
    if out[..required].iter().any(|x| x.is_none()) {
        let m = arity_msg(required, n);
        return Err(vm.type_error(m));
    }
    Ok(out)
}

/// A method that takes no arguments besides self (METH_NOARGS).
fn noargs(vm: &mut Vm, qualname: &str, args: &[Value], kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("{}() takes no arguments ({} given)", qualname, args.len() - 1)));
    }
    Ok(())
}

/// A method that takes exactly one argument besides self (METH_O).
fn onearg(vm: &mut Vm, qualname: &str, args: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qualname,
            args.len().saturating_sub(1)
        )));
    }
    Ok(args[1])
}

/// The str inside a value (str or a subclass instance).
pub fn as_pystr<'a>(v: Value) -> Option<&'a Str> {
    match unwrap_builtin(v) {
        Value::Obj(o) => match o.kind() {
            Kind::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Self of a str method.
fn this<'a>(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'a Str> {
    match args.first() {
        None => Err(vm.type_error(format!("unbound method str.{}() needs an argument", name))),
        Some(v) => match as_pystr(*v) {
            Some(s) => Ok(s),
            None => {
                let tn = vm.type_name(*v);
                Err(vm
                    .type_error(format!("descriptor '{}' for 'str' objects doesn't apply to a '{}' object", name, tn)))
            }
        },
    }
}

/// Whether `v` is an exact str object (not a subclass instance).
fn is_exact_str(v: Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, Kind::Str(_)))
}

/// Returns self unchanged when it is an exact str, else a new str with the same text.
fn same_str(vm: &mut Vm, v: Value, s: &Str) -> Value {
    if is_exact_str(v) {
        v
    } else {
        vm.new_str(&*s.s)
    }
}

/// A str argument (subclass instances accepted), or TypeError "`what` must be str, not X".
fn str_param<'a>(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'a Str> {
    match as_pystr(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}must be str, not {}", what, tn)))
        }
    }
}

/// An index-sized integer argument.
fn index_param(vm: &mut Vm, v: Value) -> PyResult<i64> {
    super::args::int_arg(vm, v)
}

/// An optional start/end argument of the find family (None allowed, big values clamp).
fn slice_bound(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => vm.to_index_clamped(v).map(Some),
    }
}

/// CPython's `ADJUST_INDICES`: start/end against a length (start may exceed end).
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s = (s + len).max(0);
    }
    (s as usize, e as usize)
}

/// Byte offset of code point `cp` (which may equal the length).
fn cp_to_byte(s: &Str, cp: usize) -> usize {
    if s.is_ascii() {
        return cp.min(s.s.len());
    }
    s.s.char_indices().nth(cp).map_or(s.s.len(), |(b, _)| b)
}

/// The character of a one-character string.
fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn new_list_of_strs(vm: &mut Vm, parts: &[&str]) -> Value {
    let mut items: Vec<Value> = Vec::with_capacity(parts.len());
    items.extend(parts.iter().map(|p| vm.new_str(*p)));
    vm.new_list(items)
}

// -- The str constructor and codecs ------------------------------------------------------------

/// The class argument of a `__new__` that must be `base` or a subclass of it.
fn new_cls(vm: &mut Vm, args: &[Value], base: ObjRef, name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| vm.as_class(*v)) {
        Some(c) if crate::ops::is_subclass(c, base) => Ok(c),
        Some(c) => {
            let cn = crate::ops::class_name(c);
            Err(vm.type_error(format!("{}.__new__({}): {} is not a subtype of {}", name, cn, cn, name)))
        }
        None => Err(vm.type_error(format!("{}.__new__(X): X is not a type object", name))),
    }
}

/// `str.__new__(cls, ...)`: the constructor for str itself, an instance wrapping a
/// new str for subclasses.
fn str_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let base = vm.types.str;
    let cls = new_cls(vm, args, base, "str")?;
    if cls.ptr_eq(base) {
        return str_construct(vm, args, kw);
    }
    vm.new_instance(cls, &args[1..], kw)
}

fn bytes_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let base = vm.types.bytes;
    let cls = new_cls(vm, args, base, "bytes")?;
    if cls.ptr_eq(base) {
        return bytes_construct(vm, args, kw);
    }
    vm.new_instance(cls, &args[1..], kw)
}

/// `bytearray.__new__` makes an empty bytearray; `__init__` fills it (as in CPython).
fn bytearray_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let base = vm.types.bytearray;
    let cls = new_cls(vm, args, base, "bytearray")?;
    if cls.ptr_eq(base) {
        return Ok(new_bytes(vm, true, Vec::new()));
    }
    vm.new_instance(cls, &[], &[])
}

fn str_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [obj, encoding, errors] =
        parse(vm, "str", Style::Tuple, true, &args[1..], kw, ["object", "encoding", "errors"], 0)?;
    let Some(obj) = obj else {
        return Ok(Value::Obj(vm.intern("")));
    };
    if encoding.is_none() && errors.is_none() {
        return vm.str_value(obj);
    }
    let enc = match encoding {
        Some(e) => str_param(vm, e, "str() argument 'encoding' ")?.s.to_string(),
        None => "utf-8".to_string(),
    };
    let err = match errors {
        Some(e) => str_param(vm, e, "str() argument 'errors' ")?.s.to_string(),
        None => "strict".to_string(),
    };
    let data = match bytes_like(obj) {
        Some(d) => d,
        None => {
            if as_pystr(obj).is_some() {
                return Err(vm.type_error("decoding str is not supported"));
            }
            let tn = vm.type_name(obj);
            return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", tn)));
        }
    };
    let s = decode(vm, &data, &enc, &err)?;
    Ok(vm.new_str(s))
}

/// The codecs krait implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// Looks up an encoding name the way CPython's codec registry normalises it.
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String =
            name.trim().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
        match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Some(Codec::Utf8),
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => Some(Codec::Ascii),
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100"
            | "iso-8859-1:1987" => Some(Codec::Latin1),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The first code point the codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

fn unknown_encoding(vm: &mut Vm, name: &str) -> crate::value::PyErr {
    let c = vm.exc.LookupError;
    vm.err(c, format!("unknown encoding: {}", name))
}

fn unknown_handler(vm: &mut Vm, name: &str) -> crate::value::PyErr {
    let c = vm.exc.LookupError;
    vm.err(c, format!("unknown error handler name '{}'", name))
}

/// An encoding failure: code point range `start..end` and the reason.
#[derive(Debug, PartialEq, Eq)]
pub struct EncodeError {
    pub start: usize,
    pub end: usize,
    pub ch: char,
    pub reason: &'static str,
}

/// Encodes `s` with `codec`; `errors` is the error handler name. `Err(Ok(e))` is a
/// strict failure, `Err(Err(()))` an unknown error handler.
pub fn encode_str(s: &str, codec: Codec, errors: &str) -> Result<Vec<u8>, Result<EncodeError, ()>> {
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let reason =
                    if codec == Codec::Ascii { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                return Err(Ok(EncodeError { start: i, end: j, ch: c, reason }));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &ch in &chars[i..j] {
                    out.extend_from_slice(escape_cp(ch as u32).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &ch in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            "namereplace" => {
                for &ch in &chars[i..j] {
                    out.extend_from_slice(escape_cp(ch as u32).as_bytes());
                }
            }
            _ => return Err(Err(())),
        }
        i = j;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
fn escape_cp(u: u32) -> String {
    if u < 0x100 {
        format!("\\x{:02x}", u)
    } else if u < 0x10000 {
        format!("\\u{:04x}", u)
    } else {
        format!("\\U{:08x}", u)
    }
}

pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = Codec::lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    match encode_str(s, codec, errors) {
        Ok(b) => Ok(b),
        Err(Err(())) => Err(unknown_handler(vm, errors)),
        Err(Ok(e)) => {
            let msg = if e.end - e.start == 1 {
                format!(
                    "'{}' codec can't encode character '{}' in position {}: {}",
                    codec.name(),
                    escape_cp(e.ch as u32),
                    e.start,
                    e.reason
                )
            } else {
                format!(
                    "'{}' codec can't encode characters in position {}-{}: {}",
                    codec.name(),
                    e.start,
                    e.end - 1,
                    e.reason
                )
            };
            let c = vm.exc.UnicodeEncodeError;
            Err(vm.err(c, msg))
        }
    }
}

/// A decoding failure: byte range `start..end` and the reason.
#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// Decodes bytes with `codec`; errors as for [`encode_str`].
pub fn decode_bytes(b: &[u8], codec: Codec, errors: &str) -> Result<String, Result<DecodeError, ()>> {
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            if b.is_ascii() {
                // SAFETY-free: ASCII is valid UTF-8.
                return Ok(String::from_utf8(b.to_vec()).unwrap_or_default());
            }
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "strict" | "surrogateescape" | "surrogatepass" => {
                        return Err(Ok(DecodeError { start: i, end: i + 1, reason: "ordinal not in range(128)" }))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{:02x}", x)),
                    _ => return Err(Err(())),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or_default());
                        let start = pos + good;
                        let first = b[start];
                        let (len, reason) = if (0x80..=0xc1).contains(&first) || first >= 0xf5 {
                            (1, "invalid start byte")
                        } else {
                            match e.error_len() {
                                None => (b.len() - start, "unexpected end of data"),
                                Some(n) => (n, "invalid continuation byte"),
                            }
                        };
                        match errors {
                            "strict" | "surrogateescape" | "surrogatepass" => {
                                return Err(Ok(DecodeError { start, end: start + len, reason }))
                            }
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for x in &b[start..start + len] {
                                    out.push_str(&format!("\\x{:02x}", x));
                                }
                            }
                            _ => return Err(Err(())),
                        }
                        pos = start + len;
                    }
                }
            }
        }
    }
}

pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = Codec::lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    match decode_bytes(b, codec, errors) {
        Ok(s) => Ok(s),
        Err(Err(())) => Err(unknown_handler(vm, errors)),
        Err(Ok(e)) => {
            let msg = if e.end - e.start == 1 {
                format!(
                    "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                    codec.name(),
                    b[e.start],
                    e.start,
                    e.reason
                )
            } else {
                format!(
                    "'{}' codec can't decode bytes in position {}-{}: {}",
                    codec.name(),
                    e.start,
                    e.end - 1,
                    e.reason
                )
            };
            let c = vm.exc.UnicodeDecodeError;
            Err(vm.err(c, msg))
        }
    }
}

fn str_encode(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "encode")?;
    let [enc, err] = parse(vm, "encode", Style::Tuple, true, &args[1..], kw, ["encoding", "errors"], 0)?;
    let enc = match enc {
        Some(e) => str_param(vm, e, "encode() argument 'encoding' ")?.s.to_string(),
        None => "utf-8".into(),
    };
    let err = match err {
        Some(e) => str_param(vm, e, "encode() argument 'errors' ")?.s.to_string(),
        None => "strict".into(),
    };
    let b = encode(vm, &s.s, &enc, &err)?;
    Ok(Value::Obj(vm.alloc(Kind::Bytes(b.into_boxed_slice()))))
}

// -- Splitting and joining -----------------------------------------------------------------------

fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f)
}

/// `s.split()` (runs of whitespace) with at most `maxsplit` splits (negative: no limit).
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut splits = 0i64;
    if s.is_ascii() {
        let b = s.as_bytes();
        let n = b.len();
        let mut i = 0;
        loop {
            while i < n && is_ascii_ws(b[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if maxsplit >= 0 && splits == maxsplit {
                out.push(&s[i..]);
                break;
            }
            let st = i;
            while i < n && !is_ascii_ws(b[i]) {
                i += 1;
            }
            out.push(&s[st..i]);
            splits += 1;
        }
        return out;
    }
    let mut it = s.char_indices().peekable();
    loop {
        while let Some(&(_, c)) = it.peek() {
            if py_is_space(c) {
                it.next();
            } else {
                break;
            }
        }
        let Some(&(st, _)) = it.peek() else { break };
        if maxsplit >= 0 && splits == maxsplit {
            out.push(&s[st..]);
            break;
        }
        let mut en = s.len();
        while let Some(&(j, c)) = it.peek() {
            if py_is_space(c) {
                en = j;
                break;
            }
            it.next();
        }
        out.push(&s[st..en]);
        splits += 1;
    }
    out
}

/// `s.rsplit()` (runs of whitespace, from the right).
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut splits = 0i64;
    let mut it = s.char_indices().rev().peekable();
    let mut end = s.len();
    loop {
        while let Some(&(j, c)) = it.peek() {
            if py_is_space(c) {
                end = j;
                it.next();
            } else {
                break;
            }
        }
        if it.peek().is_none() {
            break;
        }
        if maxsplit >= 0 && splits == maxsplit {
            out.push(&s[..end]);
            break;
        }
        let mut st = 0;
        while let Some(&(j, c)) = it.peek() {
            if py_is_space(c) {
                st = j + c.len_utf8();
                break;
            }
            it.next();
        }
        out.push(&s[st..end]);
        splits += 1;
        end = st;
    }
    out.reverse();
    out
}

fn split_args(vm: &mut Vm, name: &str, args: &[Value], kw: Kw) -> PyResult<(Option<Value>, i64)> {
    let [sep, maxsplit] = parse(vm, name, Style::Tuple, true, &args[1..], kw, ["sep", "maxsplit"], 0)?;
    let maxsplit = match maxsplit {
        Some(m) => index_param(vm, m)?,
        None => -1,
    };
    Ok((sep.filter(|s| !s.is_none()), maxsplit))
}

fn str_split(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "split")?;
    let (sep, maxsplit) = split_args(vm, "split", args, kw)?;
    let parts: Vec<&str> = match sep {
        None => split_whitespace(&s.s, maxsplit),
        Some(sep) => {
            let Some(sep) = as_pystr(sep) else {
                let tn = vm.type_name(sep);
                return Err(vm.type_error(format!("must be str or None, not {}", tn)));
            };
            let sep: &str = &sep.s;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let n = if maxsplit < 0 { usize::MAX } else { (maxsplit as usize).saturating_add(1) };
            match single_char(sep) {
                // A char pattern searches with memchr, a str pattern with two-way.
                Some(c) => s.s.splitn(n, c).collect(),
                None => s.s.splitn(n, sep).collect(),
            }
        }
    };
    Ok(new_list_of_strs(vm, &parts))
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, "rsplit", args, kw)?;
    let parts: Vec<&str> = match sep {
        None => rsplit_whitespace(&s.s, maxsplit),
        Some(sep) => {
            let Some(sep) = as_pystr(sep) else {
                let tn = vm.type_name(sep);
                return Err(vm.type_error(format!("must be str or None, not {}", tn)));
            };
            let sep: &str = &sep.s;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let n = if maxsplit < 0 { usize::MAX } else { (maxsplit as usize).saturating_add(1) };
            let mut v: Vec<&str> = match single_char(sep) {
                Some(c) => s.s.rsplitn(n, c).collect(),
                None => s.s.rsplitn(n, sep).collect(),
            };
            v.reverse();
            v
        }
    };
    Ok(new_list_of_strs(vm, &parts))
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' && b.get(eol) == Some(&b'\n') {
            it.next();
            eol += 1;
        }
        out.push(if keepends { &s[start..eol] } else { &s[start..i] });
        start = eol;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn bool_param(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(b),
        Some(Value::Int(i)) => Ok(i != 0),
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let i = vm.to_index(v)?;
            Ok(i != 0)
        }
    }
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "splitlines")?;
    let [keep] = parse(vm, "splitlines", Style::Tuple, true, &args[1..], kw, ["keepends"], 0)?;
    let keep = bool_param(vm, keep)?;
    let parts = splitlines(&s.s, keep);
    Ok(new_list_of_strs(vm, &parts))
}

fn str_join(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let sep = this(vm, args, "join")?;
    let iterable = onearg(vm, "str.join", args, kw)?;
    let items: Vec<Value> = match iterable {
        Value::Obj(o) if matches!(o.kind, Kind::List(_) | Kind::Tuple(_)) => match &o.kind {
            Kind::List(l) => l.borrow().clone(),
            Kind::Tuple(t) => t.to_vec(),
            _ => unreachable!(),
        },
        _ => {
            let it = match vm.get_iter(iterable) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, vm.exc.TypeError) => {
                    return Err(vm.type_error("can only join an iterable"))
                }
                Err(e) => return Err(e),
            };
            vm.roots.push(it);
            let r = vm.collect_iter(it);
            vm.roots.pop();
            r?
        }
    };
    if items.len() == 1 && is_exact_str(items[0]) {
        return Ok(items[0]);
    }
    let mut total = sep.s.len() * items.len().saturating_sub(1);
    for (i, it) in items.iter().enumerate() {
        match as_pystr(*it) {
            Some(s) => total += s.s.len(),
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!("sequence item {}: expected str instance, {} found", i, tn)));
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep.s);
        }
        out.push_str(&as_pystr(*it).unwrap().s);
    }
    Ok(vm.new_str(out))
}

// -- Stripping, replacing, searching -----------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Both,
}

fn strip_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, side: Side) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let [chars] = parse(vm, name, Style::Clinic, false, &args[1..], kw, ["chars"], 0)?;
    let text: &str = &s.s;
    let r = match chars {
        None | Some(Value::None) => match side {
            Side::Left => text.trim_start_matches(py_is_space),
            Side::Right => text.trim_end_matches(py_is_space),
            Side::Both => text.trim_matches(py_is_space),
        },
        Some(c) => {
            let Some(cs) = as_pystr(c) else {
                return Err(vm.type_error(format!("{} arg must be None or str", name)));
            };
            let set: &str = &cs.s;
            if cs.nchars == 1 {
                let ch = set.chars().next().unwrap();
                match side {
                    Side::Left => text.trim_start_matches(ch),
                    Side::Right => text.trim_end_matches(ch),
                    Side::Both => text.trim_matches(ch),
                }
            } else {
                let f = |c: char| set.contains(c);
                match side {
                    Side::Left => text.trim_start_matches(f),
                    Side::Right => text.trim_end_matches(f),
                    Side::Both => text.trim_matches(f),
                }
            }
        }
    };
    if r.len() == text.len() {
        return Ok(same_str(vm, args[0], s));
    }
    Ok(vm.new_str(r))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", Side::Both)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", Side::Left)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", Side::Right)
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "replace")?;
    let [old, new, count] = parse(vm, "replace", Style::Clinic, false, &args[1..], kw, ["old", "new", "count"], 2)?;
    let old = str_param(vm, old.unwrap(), "replace() argument 1 ")?;
    let new = str_param(vm, new.unwrap(), "replace() argument 2 ")?;
    let count = match count {
        Some(c) => index_param(vm, c)?,
        None => -1,
    };
    if count == 0 || (!old.s.is_empty() && !s.s.contains(&*old.s)) {
        return Ok(same_str(vm, args[0], s));
    }
    let r = if count < 0 { s.s.replace(&*old.s, &new.s) } else { s.s.replacen(&*old.s, &new.s, count as usize) };
    Ok(vm.new_str(r))
}

/// Parses `(sub[, start[, end]])` of the find family; returns sub and the code point
/// range.
fn find_args<'a>(vm: &mut Vm, name: &str, s: &Str, args: &[Value], kw: Kw) -> PyResult<(&'a Str, usize, usize)> {
    let [sub, start, end] = parse(vm, name, Style::Tuple, false, &args[1..], kw, ["sub", "start", "end"], 1)?;
    let sub = str_param(vm, sub.unwrap(), "")?;
    let start = slice_bound(vm, start)?;
    let end = slice_bound(vm, end)?;
    let (a, b) = adjust_indices(start, end, s.nchars);
    Ok((sub, a, b))
}

/// Index (in code points) of the first (or last) `sub` within code points `a..b`.
fn find_in(s: &Str, sub: &str, a: usize, b: usize, rev: bool) -> Option<usize> {
    if a > b {
        return None;
    }
    if sub.is_empty() {
        return Some(if rev { b } else { a });
    }
    let (ba, bb) = if s.is_ascii() { (a, b) } else { (cp_to_byte(s, a), cp_to_byte(s, b)) };
    let hay = &s.s[ba..bb];
    let found = match (single_char(sub), rev) {
        (Some(c), false) => hay.find(c),
        (Some(c), true) => hay.rfind(c),
        (None, false) => hay.find(sub),
        (None, true) => hay.rfind(sub),
    }?;
    Some(if s.is_ascii() { a + found } else { a + hay[..found].chars().count() })
}

fn find_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, rev: bool, raise: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let (sub, a, b) = find_args(vm, name, s, args, kw)?;
    match find_in(s, &sub.s, a, b, rev) {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_find(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_impl(vm, args, kw, "find", false, false)
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_impl(vm, args, kw, "rfind", true, false)
}

fn str_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_impl(vm, args, kw, "index", false, true)
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_impl(vm, args, kw, "rindex", true, true)
}

fn str_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "count")?;
    let (sub, a, b) = find_args(vm, "count", s, args, kw)?;
    if a > b {
        return Ok(Value::Int(0));
    }
    if sub.s.is_empty() {
        return Ok(Value::Int((b - a + 1) as i64));
    }
    let (ba, bb) = if s.is_ascii() { (a, b) } else { (cp_to_byte(s, a), cp_to_byte(s, b)) };
    let hay = &s.s[ba..bb];
    let n = if sub.s.len() == 1 {
        let c = sub.s.as_bytes()[0];
        hay.bytes().filter(|&x| x == c).count()
    } else {
        hay.matches(&*sub.s).count()
    };
    Ok(Value::Int(n as i64))
}

/// CPython's `tailmatch`: whether `sub` matches at the start (or end) of code points
/// `a..b` of `s`.
fn tailmatch(s: &Str, sub: &Str, a: usize, b: usize, end: bool) -> bool {
    if b < sub.nchars || b - sub.nchars < a {
        return false;
    }
    let (ba, bb) = if s.is_ascii() { (a, b) } else { (cp_to_byte(s, a), cp_to_byte(s, b)) };
    let hay = &s.s[ba..bb];
    if end {
        hay.ends_with(&*sub.s)
    } else {
        hay.starts_with(&*sub.s)
    }
}

fn starts_ends(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, end: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let [prefix, start, stop] = parse(vm, name, Style::Tuple, false, &args[1..], kw, ["prefix", "start", "end"], 1)?;
    let prefix = prefix.unwrap();
    let start = slice_bound(vm, start)?;
    let stop = slice_bound(vm, stop)?;
    let (a, b) = adjust_indices(start, stop, s.nchars);
    if let Some(items) = prefix.as_obj().and_then(|o| o.as_tuple()) {
        for it in items {
            match as_pystr(*it) {
                Some(p) => {
                    if tailmatch(s, p, a, b, end) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => {
                    let tn = vm.type_name(*it);
                    return Err(vm.type_error(format!("tuple for {} must only contain str, not {}", name, tn)));
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    match as_pystr(prefix) {
        Some(p) => Ok(Value::Bool(tailmatch(s, p, a, b, end))),
        None => {
            let tn = vm.type_name(prefix);
            Err(vm.type_error(format!("{} first arg must be str or a tuple of str, not {}", name, tn)))
        }
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    starts_ends(vm, args, kw, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    starts_ends(vm, args, kw, "endswith", true)
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let qual = if rev { "str.rpartition" } else { "str.partition" };
    let sep = onearg(vm, qual, args, kw)?;
    let sep_s = str_param(vm, sep, "")?;
    if sep_s.s.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.s.rfind(&*sep_s.s) } else { s.s.find(&*sep_s.s) };
    let parts = match found {
        Some(i) => {
            let a = vm.new_str(&s.s[..i]);
            let m = same_str(vm, sep, sep_s);
            let b = vm.new_str(&s.s[i + sep_s.s.len()..]);
            vec![a, m, b]
        }
        None => {
            let whole = same_str(vm, args[0], s);
            let e = Value::Obj(vm.intern(""));
            if rev {
                vec![e, e, whole]
            } else {
                vec![whole, e, e]
            }
        }
    };
    Ok(vm.new_tuple(parts))
}

fn str_partition(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(vm, args, kw, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(vm, args, kw, "rpartition", true)
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "removeprefix")?;
    let p = onearg(vm, "str.removeprefix", args, kw)?;
    let p = str_param(vm, p, "removeprefix() argument ")?;
    match s.s.strip_prefix(&*p.s) {
        Some(r) if !p.s.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(same_str(vm, args[0], s)),
    }
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "removesuffix")?;
    let p = onearg(vm, "str.removesuffix", args, kw)?;
    let p = str_param(vm, p, "removesuffix() argument ")?;
    match s.s.strip_suffix(&*p.s) {
        Some(r) if !p.s.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(same_str(vm, args[0], s)),
    }
}

// -- Padding ---------------------------------------------------------------------------------------

fn fill_char(vm: &mut Vm, v: Option<Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => match as_pystr(v) {
            Some(s) if s.nchars == 1 => Ok(s.s.chars().next().unwrap()),
            Some(_) => Err(vm.type_error("The fill character must be exactly one character long")),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("The fill character must be a unicode character, not {}", tn)))
            }
        },
    }
}

fn pad_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let [width, fill] = parse(vm, name, Style::Clinic, false, &args[1..], kw, ["width", "fillchar"], 1)?;
    let width = index_param(vm, width.unwrap())?;
    let fill = fill_char(vm, fill)?;
    let len = s.nchars as i64;
    if width <= len {
        return Ok(same_str(vm, args[0], s));
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(s.s.len() + marg * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&s.s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.new_str(out))
}

fn str_center(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(vm, args, kw, "center")
}

fn str_ljust(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(vm, args, kw, "ljust")
}

fn str_rjust(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(vm, args, kw, "rjust")
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "zfill")?;
    let w = onearg(vm, "str.zfill", args, kw)?;
    let width = index_param(vm, w)?;
    let len = s.nchars as i64;
    if width <= len {
        return Ok(same_str(vm, args[0], s));
    }
    let fill = (width - len) as usize;
    let mut out = String::with_capacity(s.s.len() + fill);
    let rest = match s.s.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            out.push_str(&s.s[..1]);
            &s.s[1..]
        }
        _ => &s.s[..],
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(vm.new_str(out))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?;
    let [ts] = parse(vm, "expandtabs", Style::Tuple, true, &args[1..], kw, ["tabsize"], 0)?;
    let tabsize = match ts {
        Some(v) => index_param(vm, v)?,
        None => 8,
    };
    if !s.s.contains('\t') {
        return Ok(same_str(vm, args[0], s));
    }
    let mut out = String::with_capacity(s.s.len() + 16);
    let mut col: i64 = 0;
    for c in s.s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(out))
}

// -- Case mapping --------------------------------------------------------------------------------

/// Unicode general category Lt (titlecase letters).
pub fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// The Unicode `Cased` property.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// An approximation of the Unicode `Case_Ignorable` property.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{a8}'
            | '\u{ad}'
            | '\u{af}'
            | '\u{b4}'
            | '\u{b7}'
            | '\u{b8}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
    ) || matches!(c as u32, 0x02B0..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200B..=0x200F | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// CPython's `handle_capital_sigma`: the lowercase of U+03A3 at `i` (final or not).
fn sigma_lower(chars: &[char], i: usize) -> char {
    let mut j = i;
    let mut final_sigma = false;
    while j > 0 {
        j -= 1;
        let c = chars[j];
        if !is_case_ignorable(c) {
            final_sigma = is_cased(c);
            break;
        }
    }
    if final_sigma {
        let mut k = i + 1;
        while k < chars.len() && is_case_ignorable(chars[k]) {
            k += 1;
        }
        final_sigma = k == chars.len() || !is_cased(chars[k]);
    }
    if final_sigma {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// Lowercases `chars[i]` into `out` (full mapping, final sigma aware).
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(sigma_lower(chars, i));
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Title-cases one character into `out` (full mapping).
pub fn push_title(out: &mut String, c: char) {
    let u = c as u32;
    match u {
        0x01C4..=0x01C6 => out.push('\u{01C5}'),
        0x01C7..=0x01C9 => out.push('\u{01C8}'),
        0x01CA..=0x01CC => out.push('\u{01CB}'),
        0x01F1..=0x01F3 => out.push('\u{01F2}'),
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => out.push(char::from_u32(u + 8).unwrap_or(c)),
        0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC => out.push(c),
        0x1FB3 => out.push('\u{1FBC}'),
        0x1FC3 => out.push('\u{1FCC}'),
        0x1FF3 => out.push('\u{1FFC}'),
        _ => {
            let mut up = c.to_uppercase();
            if up.len() == 1 {
                out.extend(up);
                return;
            }
            // Ligatures: the first letter upper case, the rest lower case (ß -> Ss).
            let first = up.next().unwrap();
            out.push(first);
            if is_cased(first) {
                for r in up {
                    out.extend(r.to_lowercase());
                }
            } else {
                out.extend(up);
            }
        }
    }
}

/// `str.casefold()` of one character (full case folding, approximated as
/// lower(upper(c)) with the exceptions that rule gets wrong).
pub fn push_casefold(out: &mut String, c: char) {
    let u = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{131}' {
        out.push(c);
    } else if (0xAB70..=0xABBF).contains(&u) || (0x13F8..=0x13FD).contains(&u) {
        // Cherokee small letters fold to the capitals.
        out.extend(c.to_uppercase());
    } else if (0x13A0..=0x13F5).contains(&u) {
        out.push(c);
    } else {
        for up in c.to_uppercase() {
            out.extend(up.to_lowercase());
        }
    }
}

fn str_upper(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "upper")?;
    noargs(vm, "str.upper", args, kw)?;
    let r = if s.is_ascii() { s.s.to_ascii_uppercase() } else { s.s.to_uppercase() };
    Ok(vm.new_str(r))
}

fn str_lower(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "lower")?;
    noargs(vm, "str.lower", args, kw)?;
    let r = if s.is_ascii() { s.s.to_ascii_lowercase() } else { s.s.to_lowercase() };
    Ok(vm.new_str(r))
}

fn str_casefold(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "casefold")?;
    noargs(vm, "str.casefold", args, kw)?;
    if s.is_ascii() {
        return Ok(vm.new_str(s.s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.s.len());
    for c in s.s.chars() {
        push_casefold(&mut out, c);
    }
    Ok(vm.new_str(out))
}

fn str_capitalize(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "capitalize")?;
    noargs(vm, "str.capitalize", args, kw)?;
    if s.is_ascii() {
        let mut b = s.s.as_bytes().to_ascii_lowercase();
        if let Some(f) = b.first_mut() {
            f.make_ascii_uppercase();
        }
        return Ok(vm.new_str(String::from_utf8(b).unwrap_or_default()));
    }
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = String::with_capacity(s.s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    Ok(vm.new_str(out))
}

/// `str.title()`.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn str_title(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "title")?;
    noargs(vm, "str.title", args, kw)?;
    if s.is_ascii() {
        let mut b = s.s.as_bytes().to_vec();
        let mut prev = false;
        for x in b.iter_mut() {
            let cased = x.is_ascii_alphabetic();
            if prev {
                x.make_ascii_lowercase();
            } else {
                x.make_ascii_uppercase();
            }
            prev = cased;
        }
        return Ok(vm.new_str(String::from_utf8(b).unwrap_or_default()));
    }
    let r = title(&s.s);
    Ok(vm.new_str(r))
}

fn str_swapcase(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "swapcase")?;
    noargs(vm, "str.swapcase", args, kw)?;
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = String::with_capacity(s.s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(vm.new_str(out))
}

// -- Classification --------------------------------------------------------------------------------

/// `str.isdecimal()` of one character.
pub fn is_decimal_char(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit()` of one character: decimals plus the Numeric_Type=Digit characters.
pub fn is_digit_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    is_decimal_char(c)
        || matches!(c as u32,
            0x00B2 | 0x00B3 | 0x00B9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
            | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF
            | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x10E60..=0x10E68
            | 0x11052..=0x1105A | 0x1F100..=0x1F10A)
}

/// `str.isnumeric()` of one character.
pub fn is_numeric_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric()
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
                | '廿'
                | '卅'
                | '两'
                | '兩'
                | '拾'
                | '佰'
                | '仟'
                | '萬'
                | '壹'
                | '贰'
                | '貳'
                | '叁'
                | '參'
                | '肆'
                | '伍'
                | '陸'
                | '陆'
                | '柒'
                | '捌'
                | '玖'
        )
}

/// Combining marks that Rust counts as alphabetic (Other_Alphabetic) but CPython does
/// not (it takes letters by general category), plus circled letters.
fn is_alpha_exception(c: char) -> bool {
    matches!(c as u32,
        0x0345 | 0x05B0..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0955..=0x0957
        | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BE..=0x09D7 | 0x0A01..=0x0A03 | 0x0A3E..=0x0A51
        | 0x0A81..=0x0A83 | 0x0ABE..=0x0ACC | 0x0B01..=0x0B03 | 0x0B3E..=0x0B57 | 0x0BBE..=0x0BD7
        | 0x0C00..=0x0C04 | 0x0C3E..=0x0C56 | 0x0C81..=0x0C83 | 0x0CBE..=0x0CD6 | 0x0D00..=0x0D03
        | 0x0D3E..=0x0D57 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E4D | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0ECD
        | 0x0F71..=0x0F83 | 0x102B..=0x103E | 0x17B6..=0x17C8 | 0x1DE7..=0x1DF4 | 0x24B6..=0x24E9)
}

/// `str.isalpha()` of one character (general categories L*).
pub fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !c.is_numeric() && !is_alpha_exception(c)
}

fn is_alnum_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha_char(c) || is_decimal_char(c) || is_digit_char(c) || is_numeric_char(c)
}

fn is_printable_char(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    crate::ops::is_printable(c)
}

fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    // Letters (including letter numbers such as U+2160), not combining marks.
    c.is_alphabetic() && !is_alpha_exception(c)
}

fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    (c.is_alphabetic() && !(0x24B6..=0x24E9).contains(&(c as u32)))
        || is_decimal_char(c)
        || matches!(c as u32, 0x00B7 | 0x0387 | 0x0300..=0x036F | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F)
        || is_alpha_exception(c)
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_xid_start(c) => it.all(is_xid_continue),
        _ => false,
    }
}

macro_rules! str_predicate {
    ($fname:ident, $name:literal, $qual:literal, |$s:ident| $body:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
            let $s = this(vm, args, $name)?;
            noargs(vm, $qual, args, kw)?;
            Ok(Value::Bool($body))
        }
    };
}

str_predicate!(str_isdigit, "isdigit", "str.isdigit", |s| !s.s.is_empty() && s.s.chars().all(is_digit_char));
str_predicate!(str_isdecimal, "isdecimal", "str.isdecimal", |s| !s.s.is_empty() && s.s.chars().all(is_decimal_char));
str_predicate!(str_isnumeric, "isnumeric", "str.isnumeric", |s| !s.s.is_empty() && s.s.chars().all(is_numeric_char));
str_predicate!(str_isalpha, "isalpha", "str.isalpha", |s| !s.s.is_empty() && s.s.chars().all(is_alpha_char));
str_predicate!(str_isalnum, "isalnum", "str.isalnum", |s| !s.s.is_empty() && s.s.chars().all(is_alnum_char));
str_predicate!(str_isspace, "isspace", "str.isspace", |s| !s.s.is_empty() && s.s.chars().all(py_is_space));
str_predicate!(str_isidentifier, "isidentifier", "str.isidentifier", |s| is_identifier(&s.s));
str_predicate!(str_isprintable, "isprintable", "str.isprintable", |s| s.s.chars().all(is_printable_char));
str_predicate!(str_isascii, "isascii", "str.isascii", |s| s.is_ascii());
str_predicate!(str_isupper, "isupper", "str.isupper", |s| {
    let mut cased = false;
    let mut ok = true;
    for c in s.s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            ok = false;
            break;
        } else if c.is_uppercase() {
            cased = true;
        }
    }
    ok && cased
});
str_predicate!(str_islower, "islower", "str.islower", |s| {
    let mut cased = false;
    let mut ok = true;
    for c in s.s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            ok = false;
            break;
        } else if c.is_lowercase() {
            cased = true;
        }
    }
    ok && cased
});
str_predicate!(str_istitle, "istitle", "str.istitle", |s| is_title_str(&s.s));

/// `str.istitle()`.
pub fn is_title_str(s: &str) -> bool {
    let mut cased = false;
    let mut prev = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

// -- translate / maketrans -----------------------------------------------------------------------

fn str_translate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "translate")?;
    let table = onearg(vm, "str.translate", args, kw)?;
    let mut cache: FxHashMap<char, Option<String>> = FxHashMap::default();
    let mut out = String::with_capacity(s.s.len());
    let lookup_error = vm.exc.LookupError;
    for c in s.s.chars() {
        if let Some(m) = cache.get(&c) {
            if let Some(m) = m {
                out.push_str(m);
            }
            continue;
        }
        let r = vm.getitem(table, Value::Int(c as i64));
        let mapped: Option<String> = match r {
            Err(e) if vm.err_matches(&e, lookup_error) => Some(c.to_string()),
            Err(e) => return Err(e),
            Ok(Value::None) => None,
            Ok(v) => match v {
                Value::Int(i) => {
                    if !(0..0x110000).contains(&i) {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"));
                    }
                    Some(char::from_u32(i as u32).unwrap_or('\u{fffd}').to_string())
                }
                Value::Bool(b) => Some(char::from_u32(b as u32).unwrap_or('\0').to_string()),
                _ => match as_pystr(v) {
                    Some(t) => Some(t.s.to_string()),
                    None => {
                        if let Value::Obj(o) = v {
                            if matches!(o.kind, Kind::BigInt(_)) {
                                return Err(vm.value_error("character mapping must be in range(0x110000)"));
                            }
                        }
                        return Err(vm.type_error("character mapping must return integer, None or str"));
                    }
                },
            },
        };
        if let Some(m) = &mapped {
            out.push_str(m);
        }
        cache.insert(c, mapped);
    }
    Ok(vm.new_str(out))
}

fn str_maketrans(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [x, y, z] = parse(vm, "maketrans", Style::Clinic, false, args, kw, ["x", "y", "z"], 1)?;
    let x = x.unwrap();
    let d = vm.new_dict(Dict::new());
    let dref = d.as_obj().unwrap();
    match y {
        None => {
            let Some(src) = x.as_obj().filter(|o| o.as_dict().is_some()) else {
                return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
            };
            let items: Vec<(Value, Value)> = src.as_dict().unwrap().borrow().iter().collect();
            for (k, v) in items {
                let key = match k {
                    Value::Int(_) => k,
                    Value::Bool(b) => Value::Int(b as i64),
                    _ => match as_pystr(k) {
                        Some(s) if s.nchars == 1 => Value::Int(s.s.chars().next().unwrap() as i64),
                        Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                        None => {
                            if matches!(k, Value::Obj(o) if matches!(o.kind, Kind::BigInt(_))) {
                                k
                            } else {
                                return Err(vm.type_error("keys in translate table must be strings or integers"));
                            }
                        }
                    },
                };
                vm.dict_set(dref, key, v)?;
            }
        }
        Some(y) => {
            let xs = str_param(vm, x, "maketrans() argument 1 ")?;
            let ys = str_param(vm, y, "maketrans() argument 2 ")?;
            if xs.nchars != ys.nchars {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            for (a, b) in xs.s.chars().zip(ys.s.chars()) {
                vm.dict_set(dref, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = z {
                let zs = str_param(vm, z, "maketrans() argument 3 ")?;
                for c in zs.s.chars() {
                    vm.dict_set(dref, Value::Int(c as i64), Value::None)?;
                }
            }
        }
    }
    Ok(d)
}

// -- Dunders -------------------------------------------------------------------------------------

fn str_len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__len__")?;
    noargs(vm, "str.__len__", args, kw)?;
    Ok(Value::Int(s.nchars as i64))
}

fn str_contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__contains__")?;
    let k = onearg(vm, "str.__contains__", args, kw)?;
    match as_pystr(k) {
        Some(t) => Ok(Value::Bool(s.s.contains(&*t.s))),
        None => {
            let tn = vm.type_name(k);
            Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", tn)))
        }
    }
}

fn str_getitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let k = onearg(vm, "str.__getitem__", args, kw)?;
    vm.getitem(unwrap_builtin(args[0]), k)
}

fn str_add(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__add__")?;
    let o = onearg(vm, "str.__add__", args, kw)?;
    match as_pystr(o) {
        Some(t) => {
            let mut r = String::with_capacity(s.s.len() + t.s.len());
            r.push_str(&s.s);
            r.push_str(&t.s);
            Ok(vm.new_str(r))
        }
        None => {
            let tn = vm.type_name(o);
            Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", tn)))
        }
    }
}

fn str_mul(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__mul__")?;
    let n = onearg(vm, "str.__mul__", args, kw)?;
    let n = vm.to_index(n)?;
    if n <= 0 {
        return Ok(Value::Obj(vm.intern("")));
    }
    if s.s.len().saturating_mul(n as usize) > (1 << 34) {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    Ok(vm.new_str(s.s.repeat(n as usize)))
}

fn str_mod(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__mod__")?;
    let a = onearg(vm, "str.__mod__", args, kw)?;
    super::fmt::percent_format(vm, &s.s, a)
}

fn str_cmp(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let o = onearg(vm, name, args, kw)?;
    match as_pystr(o) {
        Some(t) => Ok(Value::Bool(f(s.s.cmp(&t.s)))),
        None => Ok(vm.not_implemented),
    }
}

fn str_eq(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    str_cmp(vm, args, kw, "__eq__", |o| o.is_eq())
}

fn str_ne(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    str_cmp(vm, args, kw, "__ne__", |o| o.is_ne())
}

fn str_lt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    str_cmp(vm, args, kw, "__lt__", |o| o.is_lt())
}

fn str_le(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    str_cmp(vm, args, kw, "__le__", |o| o.is_le())
}

fn str_gt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    str_cmp(vm, args, kw, "__gt__", |o| o.is_gt())
}

fn str_ge(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    str_cmp(vm, args, kw, "__ge__", |o| o.is_ge())
}

fn str_iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    noargs(vm, "str.__iter__", args, kw)?;
    vm.get_iter(unwrap_builtin(args[0]))
}

fn str_repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__repr__")?;
    noargs(vm, "str.__repr__", args, kw)?;
    let r = crate::ops::repr_str(&s.s);
    Ok(vm.new_str(r))
}

fn str_str(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__str__")?;
    noargs(vm, "str.__str__", args, kw)?;
    let u = unwrap_builtin(args[0]);
    if is_exact_str(u) {
        return Ok(u);
    }
    Ok(vm.new_str(&*s.s))
}

// -- bytes and bytearray ------------------------------------------------------------------------

/// The bytes of a bytes-like value (bytes, bytearray, or subclass instances).
pub fn bytes_like<'a>(v: Value) -> Option<Cow<'a, [u8]>> {
    match unwrap_builtin(v) {
        Value::Obj(o) => match o.kind() {
            Kind::Bytes(b) => Some(Cow::Borrowed(&b[..])),
            Kind::ByteArray(b) => Some(Cow::Owned(b.borrow().clone())),
            _ => None,
        },
        _ => None,
    }
}

/// Self of a bytes/bytearray method: its data and whether it is a bytearray.
fn bself<'a>(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Cow<'a, [u8]>, bool)> {
    let Some(v) = args.first() else {
        return Err(vm.type_error(format!("unbound method bytes.{}() needs an argument", name)));
    };
    let u = unwrap_builtin(*v);
    let is_ba = matches!(u, Value::Obj(o) if matches!(o.kind, Kind::ByteArray(_)));
    match bytes_like(u) {
        Some(d) => Ok((d, is_ba)),
        None => {
            let tn = vm.type_name(*v);
            Err(vm.type_error(format!("descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object", name, tn)))
        }
    }
}

/// The bytearray object behind self of a bytearray method.
fn ba_self(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().map(|v| unwrap_builtin(*v)) {
        Some(Value::Obj(o)) if matches!(o.kind, Kind::ByteArray(_)) => Ok(o),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'bytearray' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
        None => Err(vm.type_error(format!("unbound method bytearray.{}() needs an argument", name))),
    }
}

fn ba_cell<'a>(o: ObjRef) -> &'a RefCell<Vec<u8>> {
    match o.kind() {
        Kind::ByteArray(b) => b,
        _ => unreachable!("not a bytearray"),
    }
}

/// A new bytes (or bytearray) value.
pub fn new_bytes(vm: &mut Vm, bytearray: bool, data: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(if bytearray {
        Kind::ByteArray(RefCell::new(data))
    } else {
        Kind::Bytes(data.into_boxed_slice())
    }))
}

fn bytes_param<'a>(vm: &mut Vm, v: Value) -> PyResult<Cow<'a, [u8]>> {
    match bytes_like(v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

/// One byte value (0..256) from an int-like value.
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
            return Err(vm.value_error("byte must be in range(0, 256)"))
        }
        _ => vm.to_index(v)?,
    };
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// The contents `bytes(v)` / `bytearray(v)` builds (no encoding given).
fn bytes_from_object(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d.into_owned());
    }
    if as_pystr(v).is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    match v {
        Value::Int(_) | Value::Bool(_) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            if n > (1 << 34) {
                return Err(vm.err(vm.exc.MemoryError, ""));
            }
            return Ok(vec![0; n as usize]);
        }
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
        }
        Value::Float(_) => {
            return Err(vm.type_error(format!("cannot convert 'float' object to {}", what)));
        }
        _ => {}
    }
    // __bytes__, then __index__, then iteration.
    let cls = vm.type_of(v);
    if what == "bytes" {
        let bn = vm.intern("__bytes__");
        if let Some(f) = vm.class_lookup(cls, bn) {
            let r = vm.call(f, &[v], &[])?;
            return match r.as_obj().map(|o| o.kind()) {
                Some(Kind::Bytes(b)) => Ok(b.to_vec()),
                _ => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", tn)))
                }
            };
        }
    }
    let ix = vm.names.index;
    if vm.class_lookup(cls, ix).is_some() {
        let n = vm.to_index(v)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.exc.TypeError) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("cannot convert '{}' object to {}", tn, what)));
        }
        Err(e) => return Err(e),
    };
    bytes_from_iter(vm, it)
}

/// The byte values an iterator of ints yields.
fn bytes_from_iter(vm: &mut Vm, it: Value) -> PyResult<Vec<u8>> {
    let mark = vm.roots.len();
    vm.roots.push(it);
    let mut out = Vec::new();
    let r = (|| -> PyResult<()> {
        while let Some(x) = vm.next(it)? {
            let b = match x {
                Value::Int(i) if (0..256).contains(&i) => i as u8,
                Value::Int(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
                    return Err(vm.value_error("bytes must be in range(0, 256)"))
                }
                _ => {
                    let i = vm.to_index(x)?;
                    if !(0..256).contains(&i) {
                        return Err(vm.value_error("bytes must be in range(0, 256)"));
                    }
                    i as u8
                }
            };
            out.push(b);
        }
        Ok(())
    })();
    vm.roots.truncate(mark);
    r?;
    Ok(out)
}

fn bytes_args(vm: &mut Vm, name: &str, args: &[Value], kw: Kw) -> PyResult<Vec<u8>> {
    let [src, enc, err] = parse(vm, name, Style::Tuple, true, args, kw, ["source", "encoding", "errors"], 0)?;
    let Some(src) = src else {
        if enc.is_some() || err.is_some() {
            return Err(vm.type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if enc.is_some() || err.is_some() {
        let Some(s) = as_pystr(src) else {
            return Err(vm.type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        };
        let enc = match enc {
            Some(e) => str_param(vm, e, &format!("{}() argument 'encoding' ", name))?.s.to_string(),
            None => "utf-8".into(),
        };
        let err = match err {
            Some(e) => str_param(vm, e, &format!("{}() argument 'errors' ", name))?.s.to_string(),
            None => "strict".into(),
        };
        return encode(vm, &s.s, &enc, &err);
    }
    bytes_from_object(vm, src, name)
}

fn bytes_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() == 2 && kw.is_empty() {
        if let Value::Obj(o) = args[1] {
            if matches!(o.kind, Kind::Bytes(_)) {
                return Ok(args[1]);
            }
        }
    }
    let d = bytes_args(vm, "bytes", &args[1..], kw)?;
    Ok(new_bytes(vm, false, d))
}

fn bytearray_construct(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = bytes_args(vm, "bytearray", &args[1..], kw)?;
    Ok(new_bytes(vm, true, d))
}

/// `bytearray.__init__` (runs for subclass instances: fills the wrapped bytearray).
fn bytearray_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "__init__")?;
    let d = bytes_args(vm, "bytearray", &args[1..], kw)?;
    *ba_cell(o).borrow_mut() = d;
    Ok(Value::None)
}

fn bytes_decode(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, _) = bself(vm, args, "decode")?;
    let [enc, err] = parse(vm, "decode", Style::Tuple, true, &args[1..], kw, ["encoding", "errors"], 0)?;
    let enc = match enc {
        Some(e) => str_param(vm, e, "decode() argument 'encoding' ")?.s.to_string(),
        None => "utf-8".into(),
    };
    let err = match err {
        Some(e) => str_param(vm, e, "decode() argument 'errors' ")?.s.to_string(),
        None => "strict".into(),
    };
    let s = decode(vm, &d, &enc, &err)?;
    Ok(vm.new_str(s))
}

/// `bytes.hex(sep, bytes_per_sep)`.
pub fn hex_string(d: &[u8], sep: Option<char>, per: i64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in d.iter().enumerate() {
        if let Some(sc) = sep {
            if i > 0 && group > 0 {
                // Groups count from the right for a positive bytes_per_sep.
                let boundary = if per > 0 { (d.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
                if boundary {
                    out.push(sc);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

fn bytes_hex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, _) = bself(vm, args, "hex")?;
    let [sep, per] = parse(vm, "hex", Style::Tuple, true, &args[1..], kw, ["sep", "bytes_per_sep"], 0)?;
    let sep = match sep {
        None => None,
        Some(v) => {
            let s: String = if let Some(s) = as_pystr(v) {
                s.s.to_string()
            } else if let Some(b) = bytes_like(v) {
                b.iter().map(|&x| x as char).collect()
            } else {
                return Err(vm.type_error("sep must be str or bytes."));
            };
            if s.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let c = s.chars().next().unwrap();
            if !c.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c)
        }
    };
    let per = match per {
        Some(p) => index_param(vm, p)?,
        None => 1,
    };
    Ok(vm.new_str(hex_string(&d, sep, per)))
}

/// `bytes.fromhex(s)`: the bytes, or the index of the first invalid character.
pub fn from_hex(s: &str) -> Result<Vec<u8>, usize> {
    if !s.is_ascii() {
        return Err(s.chars().position(|c| !c.is_ascii()).unwrap_or(0));
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    while i < b.len() {
        if ws(b[i]) {
            while i < b.len() && ws(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
        }
        let hi = (b[i] as char).to_digit(16).ok_or(i)?;
        i += 1;
        let lo = b.get(i).and_then(|&c| (c as char).to_digit(16)).ok_or(i)?;
        i += 1;
        out.push((hi * 16 + lo) as u8);
    }
    Ok(out)
}

fn bytes_fromhex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args.first().copied().unwrap_or(Value::Obj(vm.types.bytes));
    let [s] = parse(vm, "fromhex", Style::Clinic, false, &args[1..], kw, ["string"], 1)?;
    let s = str_param(vm, s.unwrap(), "fromhex() argument ")?;
    let d = match from_hex(&s.s) {
        Ok(d) => d,
        Err(pos) => {
            return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", pos)))
        }
    };
    let clsref = cls.as_obj().unwrap_or(vm.types.bytes);
    if clsref.ptr_eq(vm.types.bytes) || clsref.ptr_eq(vm.types.bytearray) {
        let ba = clsref.ptr_eq(vm.types.bytearray);
        return Ok(new_bytes(vm, ba, d));
    }
    let ba = crate::ops::is_subclass(clsref, vm.types.bytearray);
    let v = new_bytes(vm, ba, d);
    vm.roots.push(v);
    let r = vm.call(cls, &[v], &[]);
    vm.roots.pop();
    r
}

/// A search needle: bytes-like or a single byte given as an int.
fn needle<'a>(vm: &mut Vm, v: Value) -> PyResult<Cow<'a, [u8]>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d);
    }
    match v {
        Value::Int(_) | Value::Bool(_) => Ok(Cow::Owned(vec![byte_value(vm, v)?])),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => Err(vm.value_error("byte must be in range(0, 256)")),
        _ => {
            let cls = vm.type_of(v);
            let ix = vm.names.index;
            if vm.class_lookup(cls, ix).is_some() {
                return Ok(Cow::Owned(vec![byte_value(vm, v)?]));
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", tn)))
        }
    }
}

/// Position of `n` in `h` (first or last).
pub fn bfind(h: &[u8], n: &[u8], rev: bool) -> Option<usize> {
    if n.is_empty() {
        return Some(if rev { h.len() } else { 0 });
    }
    if n.len() > h.len() {
        return None;
    }
    if n.len() == 1 {
        return if rev { h.iter().rposition(|&x| x == n[0]) } else { h.iter().position(|&x| x == n[0]) };
    }
    if rev {
        (0..=h.len() - n.len()).rev().find(|&i| &h[i..i + n.len()] == n)
    } else {
        let first = n[0];
        let last = h.len() - n.len();
        let mut i = 0;
        while i <= last {
            match h[i..=last].iter().position(|&x| x == first) {
                None => return None,
                Some(p) => {
                    i += p;
                    if &h[i..i + n.len()] == n {
                        return Some(i);
                    }
                    i += 1;
                }
            }
        }
        None
    }
}

/// Non-overlapping occurrences of `n` in `h`.
fn bcount(h: &[u8], n: &[u8]) -> usize {
    if n.is_empty() {
        return h.len() + 1;
    }
    let mut count = 0;
    let mut i = 0;
    while let Some(p) = bfind(&h[i..], n, false) {
        count += 1;
        i += p + n.len();
    }
    count
}

fn bfind_args<'a>(
    vm: &mut Vm,
    name: &str,
    len: usize,
    args: &[Value],
    kw: Kw,
) -> PyResult<(Cow<'a, [u8]>, usize, usize)> {
    let [sub, start, end] = parse(vm, name, Style::Tuple, false, &args[1..], kw, ["sub", "start", "end"], 1)?;
    let sub = needle(vm, sub.unwrap())?;
    let start = slice_bound(vm, start)?;
    let end = slice_bound(vm, end)?;
    let (a, b) = adjust_indices(start, end, len);
    Ok((sub, a, b))
}

fn bytes_find_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, rev: bool, raise: bool) -> PyResult<Value> {
    let (d, _) = bself(vm, args, name)?;
    let (sub, a, b) = bfind_args(vm, name, d.len(), args, kw)?;
    let r = if a > b || b - a < sub.len() { None } else { bfind(&d[a..b], &sub, rev).map(|i| i + a) };
    match r {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn bytes_find(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_find_impl(vm, args, kw, "find", false, false)
}

fn bytes_rfind(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_find_impl(vm, args, kw, "rfind", true, false)
}

fn bytes_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_find_impl(vm, args, kw, "index", false, true)
}

fn bytes_rindex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_find_impl(vm, args, kw, "rindex", true, true)
}

fn bytes_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, _) = bself(vm, args, "count")?;
    let (sub, a, b) = bfind_args(vm, "count", d.len(), args, kw)?;
    if a > b {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(bcount(&d[a..b], &sub) as i64))
}

fn bytes_starts_ends(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, end: bool) -> PyResult<Value> {
    let (d, _) = bself(vm, args, name)?;
    let [prefix, start, stop] = parse(vm, name, Style::Tuple, false, &args[1..], kw, ["prefix", "start", "end"], 1)?;
    let prefix = prefix.unwrap();
    let start = slice_bound(vm, start)?;
    let stop = slice_bound(vm, stop)?;
    let (a, b) = adjust_indices(start, stop, d.len());
    let matches = |p: &[u8]| -> bool {
        if b < p.len() || b - p.len() < a {
            return false;
        }
        if end {
            &d[b - p.len()..b] == p
        } else {
            &d[a..a + p.len()] == p
        }
    };
    if let Some(items) = prefix.as_obj().and_then(|o| o.as_tuple()) {
        for it in items {
            match bytes_like(*it) {
                Some(p) => {
                    if matches(&p) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => {
                    let tn = vm.type_name(*it);
                    return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    match bytes_like(prefix) {
        Some(p) => Ok(Value::Bool(matches(&p))),
        None => {
            let tn = vm.type_name(prefix);
            Err(vm.type_error(format!("{} first arg must be bytes or a tuple of bytes, not {}", name, tn)))
        }
    }
}

fn bytes_startswith(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_starts_ends(vm, args, kw, "startswith", false)
}

fn bytes_endswith(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_starts_ends(vm, args, kw, "endswith", true)
}

fn is_bytes_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Splits bytes on `sep` (None: runs of ASCII whitespace).
pub fn bsplit<'a>(d: &'a [u8], sep: Option<&[u8]>, maxsplit: i64, rev: bool) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut splits = 0i64;
    match sep {
        None => {
            if !rev {
                let mut i = 0;
                let n = d.len();
                loop {
                    while i < n && is_bytes_space(d[i]) {
                        i += 1;
                    }
                    if i == n {
                        break;
                    }
                    if maxsplit >= 0 && splits == maxsplit {
                        out.push(&d[i..]);
                        break;
                    }
                    let st = i;
                    while i < n && !is_bytes_space(d[i]) {
                        i += 1;
                    }
                    out.push(&d[st..i]);
                    splits += 1;
                }
            } else {
                let mut end = d.len();
                loop {
                    while end > 0 && is_bytes_space(d[end - 1]) {
                        end -= 1;
                    }
                    if end == 0 {
                        break;
                    }
                    if maxsplit >= 0 && splits == maxsplit {
                        out.push(&d[..end]);
                        break;
                    }
                    let mut st = end;
                    while st > 0 && !is_bytes_space(d[st - 1]) {
                        st -= 1;
                    }
                    out.push(&d[st..end]);
                    splits += 1;
                    end = st;
                }
                out.reverse();
            }
        }
        Some(sep) => {
            if !rev {
                let mut i = 0;
                while maxsplit < 0 || splits < maxsplit {
                    match bfind(&d[i..], sep, false) {
                        Some(p) => {
                            out.push(&d[i..i + p]);
                            i += p + sep.len();
                            splits += 1;
                        }
                        None => break,
                    }
                }
                out.push(&d[i..]);
            } else {
                let mut end = d.len();
                while maxsplit < 0 || splits < maxsplit {
                    match bfind(&d[..end], sep, true) {
                        Some(p) => {
                            out.push(&d[p + sep.len()..end]);
                            end = p;
                            splits += 1;
                        }
                        None => break,
                    }
                }
                out.push(&d[..end]);
                out.reverse();
            }
        }
    }
    out
}

fn bytes_split_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, name)?;
    let (sep, maxsplit) = split_args(vm, name, args, kw)?;
    let sep = match sep {
        Some(s) => Some(bytes_param(vm, s)?),
        None => None,
    };
    if sep.as_ref().is_some_and(|s| s.is_empty()) {
        return Err(vm.value_error("empty separator"));
    }
    let parts = bsplit(&d, sep.as_deref(), maxsplit, rev);
    let items: Vec<Value> = parts.iter().map(|p| new_bytes(vm, ba, p.to_vec())).collect();
    Ok(vm.new_list(items))
}

fn bytes_split(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_split_impl(vm, args, kw, "split", false)
}

fn bytes_rsplit(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_split_impl(vm, args, kw, "rsplit", true)
}

fn bytes_splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "splitlines")?;
    let [keep] = parse(vm, "splitlines", Style::Tuple, true, &args[1..], kw, ["keepends"], 0)?;
    let keep = bool_param(vm, keep)?;
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        let c = d[i];
        if c == b'\n' || c == b'\r' {
            let mut eol = i + 1;
            if c == b'\r' && d.get(eol) == Some(&b'\n') {
                eol += 1;
            }
            parts.push(if keep { &d[start..eol] } else { &d[start..i] });
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        parts.push(&d[start..]);
    }
    let items: Vec<Value> = parts.iter().map(|p| new_bytes(vm, ba, p.to_vec())).collect();
    Ok(vm.new_list(items))
}

fn bytes_join(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (sep, ba) = bself(vm, args, "join")?;
    let iterable = onearg(vm, "bytes.join", args, kw)?;
    let items: Vec<Value> = match vm.get_iter(iterable) {
        Ok(it) => {
            vm.roots.push(it);
            let r = vm.collect_iter(it);
            vm.roots.pop();
            r?
        }
        Err(e) if vm.err_matches(&e, vm.exc.TypeError) => return Err(vm.type_error("can only join an iterable")),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        match bytes_like(*it) {
            Some(p) => {
                if i > 0 {
                    out.extend_from_slice(&sep);
                }
                out.extend_from_slice(&p);
            }
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!("sequence item {}: expected a bytes-like object, {} found", i, tn)));
            }
        }
    }
    Ok(new_bytes(vm, ba, out))
}

fn bytes_strip_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, side: Side) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, name)?;
    let [chars] = parse(vm, name, Style::Clinic, false, &args[1..], kw, ["bytes"], 0)?;
    let set: Cow<[u8]> = match chars {
        None | Some(Value::None) => Cow::Borrowed(b" \t\n\r\x0b\x0c"),
        Some(c) => bytes_param(vm, c)?,
    };
    let mut a = 0;
    let mut b = d.len();
    if side != Side::Right {
        while a < b && set.contains(&d[a]) {
            a += 1;
        }
    }
    if side != Side::Left {
        while b > a && set.contains(&d[b - 1]) {
            b -= 1;
        }
    }
    Ok(new_bytes(vm, ba, d[a..b].to_vec()))
}

fn bytes_strip(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_strip_impl(vm, args, kw, "strip", Side::Both)
}

fn bytes_lstrip(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_strip_impl(vm, args, kw, "lstrip", Side::Left)
}

fn bytes_rstrip(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_strip_impl(vm, args, kw, "rstrip", Side::Right)
}

/// `bytes.replace(old, new, count)`.
pub fn breplace(d: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0i64;
    if old.is_empty() {
        for (i, &b) in d.iter().enumerate() {
            if count < 0 || n < count {
                out.extend_from_slice(new);
                n += 1;
            } else {
                out.extend_from_slice(&d[i..]);
                return out;
            }
            out.push(b);
        }
        if count < 0 || n < count {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    while count < 0 || n < count {
        match bfind(&d[i..], old, false) {
            Some(p) => {
                out.extend_from_slice(&d[i..i + p]);
                out.extend_from_slice(new);
                i += p + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    out
}

fn bytes_replace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "replace")?;
    let [old, new, count] = parse(vm, "replace", Style::Clinic, false, &args[1..], kw, ["old", "new", "count"], 2)?;
    let old = bytes_param(vm, old.unwrap())?;
    let new = bytes_param(vm, new.unwrap())?;
    let count = match count {
        Some(c) => index_param(vm, c)?,
        None => -1,
    };
    let r = breplace(&d, &old, &new, count);
    Ok(new_bytes(vm, ba, r))
}

fn bytes_map(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, name)?;
    noargs(vm, name, args, kw)?;
    let r = f(&d);
    Ok(new_bytes(vm, ba, r))
}

fn bytes_upper(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_map(vm, args, kw, "upper", |d| d.to_ascii_uppercase())
}

fn bytes_lower(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_map(vm, args, kw, "lower", |d| d.to_ascii_lowercase())
}

fn bytes_capitalize(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_map(vm, args, kw, "capitalize", |d| {
        let mut r = d.to_ascii_lowercase();
        if let Some(f) = r.first_mut() {
            f.make_ascii_uppercase();
        }
        r
    })
}

fn bytes_swapcase(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_map(vm, args, kw, "swapcase", |d| {
        d.iter()
            .map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() })
            .collect()
    })
}

fn bytes_title(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_map(vm, args, kw, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|&b| {
                let r = if prev { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn bytes_pred(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (d, _) = bself(vm, args, name)?;
    noargs(vm, name, args, kw)?;
    Ok(Value::Bool(f(&d)))
}

fn bytes_isalnum(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}

fn bytes_isalpha(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}

fn bytes_isdigit(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}

fn bytes_isspace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_bytes_space(b)))
}

fn bytes_islower(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn bytes_isupper(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn bytes_istitle(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "istitle", |d| {
        let s: String = d.iter().map(|&b| if b.is_ascii() { b as char } else { '\0' }).collect();
        is_title_str(&s)
    })
}

fn bytes_isascii(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pred(vm, args, kw, "isascii", |d| d.is_ascii())
}

fn bytes_partition_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, name)?;
    let sep = onearg(vm, name, args, kw)?;
    let sep = bytes_param(vm, sep)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts: [Vec<u8>; 3] = match bfind(&d, &sep, rev) {
        Some(i) => [d[..i].to_vec(), sep.to_vec(), d[i + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), d.to_vec()],
        None => [d.to_vec(), Vec::new(), Vec::new()],
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| new_bytes(vm, ba, p)).collect();
    Ok(vm.new_tuple(vals))
}

fn bytes_partition(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_partition_impl(vm, args, kw, "partition", false)
}

fn bytes_rpartition(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_partition_impl(vm, args, kw, "rpartition", true)
}

fn bytes_pad_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, name)?;
    let [width, fill] = parse(vm, name, Style::Clinic, false, &args[1..], kw, ["width", "fillchar"], 1)?;
    let width = index_param(vm, width.unwrap())?;
    let fill = match fill {
        None => b' ',
        Some(f) => match bytes_like(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let tn = vm.type_name(f);
                return Err(
                    vm.type_error(format!("{}() argument 2 must be a byte string of length 1, not {}", name, tn))
                );
            }
        },
    };
    let len = d.len() as i64;
    if width <= len {
        return Ok(new_bytes(vm, ba, d.to_vec()));
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = Vec::with_capacity(width as usize);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_bytes(vm, ba, out))
}

fn bytes_center(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pad_impl(vm, args, kw, "center")
}

fn bytes_ljust(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pad_impl(vm, args, kw, "ljust")
}

fn bytes_rjust(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_pad_impl(vm, args, kw, "rjust")
}

fn bytes_zfill(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "zfill")?;
    let w = onearg(vm, "zfill", args, kw)?;
    let width = index_param(vm, w)?;
    let len = d.len() as i64;
    if width <= len {
        return Ok(new_bytes(vm, ba, d.to_vec()));
    }
    let fill = (width - len) as usize;
    let mut out = Vec::with_capacity(width as usize);
    let rest = match d.first() {
        Some(b'+') | Some(b'-') => {
            out.push(d[0]);
            &d[1..]
        }
        _ => &d[..],
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(new_bytes(vm, ba, out))
}

fn bytes_removeprefix(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "removeprefix")?;
    let p = onearg(vm, "removeprefix", args, kw)?;
    let p = bytes_param(vm, p)?;
    let r = d.strip_prefix(&p[..]).unwrap_or(&d).to_vec();
    Ok(new_bytes(vm, ba, r))
}

fn bytes_removesuffix(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "removesuffix")?;
    let p = onearg(vm, "removesuffix", args, kw)?;
    let p = bytes_param(vm, p)?;
    let r = d.strip_suffix(&p[..]).unwrap_or(&d).to_vec();
    Ok(new_bytes(vm, ba, r))
}

fn bytes_translate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "translate")?;
    let [table, delete] = parse(vm, "translate", Style::Clinic, true, &args[1..], kw, ["table", "delete"], 1)?;
    let table = match table.unwrap() {
        Value::None => None,
        t => {
            let t = bytes_param(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(x) => bytes_param(vm, x)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> =
        d.iter().filter(|b| !delete.contains(b)).map(|&b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
    Ok(new_bytes(vm, ba, out))
}

fn bytes_maketrans(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [from, to] = parse(vm, "maketrans", Style::Clinic, false, args, kw, ["frm", "to"], 2)?;
    let from = bytes_param(vm, from.unwrap())?;
    let to = bytes_param(vm, to.unwrap())?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (a, b) in from.iter().zip(to.iter()) {
        t[*a as usize] = *b;
    }
    Ok(new_bytes(vm, false, t))
}

fn bytes_len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (d, _) = bself(vm, args, "__len__")?;
    noargs(vm, "__len__", args, kw)?;
    Ok(Value::Int(d.len() as i64))
}

fn bytes_contains_m(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bself(vm, args, "__contains__")?;
    let k = onearg(vm, "__contains__", args, kw)?;
    let (d, _) = bself(vm, args, "__contains__")?;
    let n = needle(vm, k)?;
    Ok(Value::Bool(bfind(&d, &n, false).is_some()))
}

fn bytes_getitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bself(vm, args, "__getitem__")?;
    let k = onearg(vm, "__getitem__", args, kw)?;
    vm.getitem(unwrap_builtin(args[0]), k)
}

fn bytes_iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bself(vm, args, "__iter__")?;
    noargs(vm, "__iter__", args, kw)?;
    vm.get_iter(unwrap_builtin(args[0]))
}

fn bytes_cmp(vm: &mut Vm, args: &[Value], name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let (d, _) = bself(vm, args, name)?;
    match args.get(1).and_then(|o| bytes_like(*o)) {
        Some(o) => Ok(Value::Bool(f(d[..].cmp(&o[..])))),
        None => Ok(vm.not_implemented),
    }
}

fn bytes_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bytes_cmp(vm, args, "__eq__", |o| o.is_eq())
}

fn bytes_ne(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bytes_cmp(vm, args, "__ne__", |o| o.is_ne())
}

fn bytes_lt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bytes_cmp(vm, args, "__lt__", |o| o.is_lt())
}

fn bytes_le(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bytes_cmp(vm, args, "__le__", |o| o.is_le())
}

fn bytes_gt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bytes_cmp(vm, args, "__gt__", |o| o.is_gt())
}

fn bytes_ge(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bytes_cmp(vm, args, "__ge__", |o| o.is_ge())
}

fn bytes_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (d, ba) = bself(vm, args, "__repr__")?;
    let r = crate::ops::repr_bytes(&d);
    // A bytearray subclass shows its own name: `BA(b'...')`.
    let r = if ba { format!("{}({})", vm.type_name(args[0]), r) } else { r };
    Ok(vm.new_str(r))
}

/// `a + b` for bytes-likes (the result has the type of `a`).
fn bytes_add(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, ba) = bself(vm, args, "__add__")?;
    let Some(&bv) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    match bytes_like(bv) {
        Some(b) => {
            let mut r = Vec::with_capacity(a.len() + b.len());
            r.extend_from_slice(&a);
            r.extend_from_slice(&b);
            Ok(new_bytes(vm, ba, r))
        }
        None => {
            let tn = vm.type_name(bv);
            Err(vm.type_error(format!("can't concat {} to {}", tn, if ba { "bytearray" } else { "bytes" })))
        }
    }
}

fn bytes_mul(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, ba) = bself(vm, args, "__mul__")?;
    let Some(&n) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    let cls = vm.type_of(n);
    let ix = vm.names.index;
    let is_int = matches!(n, Value::Int(_) | Value::Bool(_))
        || matches!(n, Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)))
        || vm.class_lookup(cls, ix).is_some();
    if !is_int {
        // Give a reflected `__rmul__` defined in Python a chance, as CPython's
        // number slots come before sequence repetition.
        let rmul = vm.intern("__rmul__");
        let user_rmul =
            vm.class_lookup(cls, rmul).is_some_and(|f| !matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(_))));
        if user_rmul {
            return Ok(vm.not_implemented);
        }
        let tn = vm.type_name(n);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", tn)));
    }
    let n = vm.to_index(n)?;
    if n <= 0 {
        return Ok(new_bytes(vm, ba, Vec::new()));
    }
    if a.len().saturating_mul(n as usize) > (1 << 34) {
        return Err(vm.err(vm.exc.MemoryError, ""));
    }
    Ok(new_bytes(vm, ba, a.repeat(n as usize)))
}

fn bytes_mod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, ba) = bself(vm, args, "__mod__")?;
    let Some(&v) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    let r = super::fmt::percent_format_bytes(vm, &a, v)?;
    Ok(new_bytes(vm, ba, r))
}

fn bytearray_append(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "append")?;
    let v = onearg(vm, "bytearray.append", args, kw)?;
    let b = byte_value(vm, v)?;
    ba_cell(o).borrow_mut().push(b);
    Ok(Value::None)
}

fn bytearray_extend(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "extend")?;
    let v = onearg(vm, "bytearray.extend", args, kw)?;
    let d = match bytes_like(v) {
        Some(d) => d.into_owned(),
        None => {
            let it = match vm.get_iter(v) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, vm.exc.TypeError) => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!("can't extend bytearray with {}", tn)));
                }
                Err(e) => return Err(e),
            };
            bytes_from_iter(vm, it)?
        }
    };
    ba_cell(o).borrow_mut().extend_from_slice(&d);
    Ok(Value::None)
}

fn bytearray_iadd(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "__iadd__")?;
    let v = onearg(vm, "bytearray.__iadd__", args, kw)?;
    match bytes_like(v) {
        Some(d) => {
            ba_cell(o).borrow_mut().extend_from_slice(&d);
            Ok(args[0])
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("can't concat {} to bytearray", tn)))
        }
    }
}

fn bytearray_pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "pop")?;
    let [i] = parse(vm, "pop", Style::Clinic, false, &args[1..], kw, ["index"], 0)?;
    let i = match i {
        Some(v) => index_param(vm, v)?,
        None => -1,
    };
    let cell = ba_cell(o);
    let n = cell.borrow().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    match crate::ops::norm_index(i, n) {
        Some(j) => Ok(Value::Int(cell.borrow_mut().remove(j) as i64)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn bytearray_insert(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "insert")?;
    let [i, v] = parse(vm, "insert", Style::Clinic, false, &args[1..], kw, ["index", "item"], 2)?;
    let i = index_param(vm, i.unwrap())?;
    let b = byte_value(vm, v.unwrap())?;
    let cell = ba_cell(o);
    let n = cell.borrow().len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    cell.borrow_mut().insert(j as usize, b);
    Ok(Value::None)
}

fn bytearray_remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "remove")?;
    let v = onearg(vm, "bytearray.remove", args, kw)?;
    let b = byte_value(vm, v)?;
    let cell = ba_cell(o);
    let pos = cell.borrow().iter().position(|&x| x == b);
    match pos {
        Some(p) => {
            cell.borrow_mut().remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn bytearray_clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "clear")?;
    noargs(vm, "bytearray.clear", args, kw)?;
    ba_cell(o).borrow_mut().clear();
    Ok(Value::None)
}

fn bytearray_copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "copy")?;
    noargs(vm, "bytearray.copy", args, kw)?;
    let d = ba_cell(o).borrow().clone();
    Ok(new_bytes(vm, true, d))
}

fn bytearray_reverse(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "reverse")?;
    noargs(vm, "bytearray.reverse", args, kw)?;
    ba_cell(o).borrow_mut().reverse();
    Ok(Value::None)
}

fn bytearray_setitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let o = ba_self(vm, args, "__setitem__")?;
    let [k, v] = parse(vm, "__setitem__", Style::Clinic, false, &args[1..], kw, ["key", "value"], 2)?;
    vm.setitem(Value::Obj(o), k.unwrap(), v.unwrap())?;
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split_matches_python() {
        assert_eq!(split_whitespace("  a b  c ", -1), vec!["a", "b", "c"]);
        assert_eq!(split_whitespace("  a  b  c  ", 1), vec!["a", "b  c  "]);
        assert_eq!(split_whitespace("   ", -1), Vec::<&str>::new());
        assert_eq!(split_whitespace("a\u{3000}b\u{a0}c", -1), vec!["a", "b", "c"]);
        assert_eq!(rsplit_whitespace("  a  b  c  ", 1), vec!["  a  b", "c"]);
        assert_eq!(rsplit_whitespace(" x\u{2003}y ", -1), vec!["x", "y"]);
    }

    #[test]
    fn splitlines_boundaries() {
        assert_eq!(splitlines("a\nb\r\nc\rd\x0be", false), vec!["a", "b", "c", "d", "e"]);
        assert_eq!(splitlines("a\r\n\nb\n", true), vec!["a\r\n", "\n", "b\n"]);
        assert_eq!(splitlines("x\u{2028}y", false), vec!["x", "y"]);
    }

    #[test]
    fn case_mappings() {
        assert_eq!(title("hello wORLD ßx"), "Hello World Ssx");
        let mut s = String::new();
        push_title(&mut s, 'ǆ');
        push_title(&mut s, 'ﬁ');
        assert_eq!(s, "ǅFi");
        let mut f = String::new();
        for c in "Straße ΣΑΣ ı".chars() {
            push_casefold(&mut f, c);
        }
        assert_eq!(f, "strasse σασ ı");
        assert!(is_title_str("Hello World"));
        assert!(!is_title_str("Hello world"));
    }

    #[test]
    fn codecs() {
        assert_eq!(
            decode_bytes(b"a\xffb", Codec::Utf8, "strict"),
            Err(Ok(DecodeError { start: 1, end: 2, reason: "invalid start byte" }))
        );
        assert_eq!(
            decode_bytes(b"a\xe4\xbd", Codec::Utf8, "strict"),
            Err(Ok(DecodeError { start: 1, end: 3, reason: "unexpected end of data" }))
        );
        assert_eq!(decode_bytes(b"a\xffb", Codec::Utf8, "replace"), Ok("a\u{fffd}b".to_string()));
        assert_eq!(encode_str("aé€", Codec::Latin1, "replace"), Ok(b"a\xe9?".to_vec()));
        assert_eq!(encode_str("éé", Codec::Ascii, "strict").unwrap_err().unwrap().end, 2);
        assert_eq!(Codec::lookup("UTF_8"), Some(Codec::Utf8));
        assert_eq!(Codec::lookup("Latin-1"), Some(Codec::Latin1));
    }

    #[test]
    fn hex_helpers() {
        assert_eq!(hex_string(&[1, 2, 3], Some(':'), 2), "01:0203");
        assert_eq!(hex_string(&[1, 2, 3], Some(':'), -2), "0102:03");
        assert_eq!(from_hex("01 ff"), Ok(vec![1, 255]));
        assert_eq!(from_hex("a"), Err(1));
        assert_eq!(from_hex("zz"), Err(0));
    }

    #[test]
    fn bytes_split_and_replace() {
        assert_eq!(bsplit(b"a,b,,c", Some(b","), -1, false), vec![&b"a"[..], b"b", b"", b"c"]);
        assert_eq!(bsplit(b"a,b,c", Some(b","), 1, true), vec![&b"a,b"[..], b"c"]);
        assert_eq!(bsplit(b"  a b ", None, -1, false), vec![&b"a"[..], b"b"]);
        assert_eq!(breplace(b"abc", b"", b"-", -1), b"-a-b-c-".to_vec());
        assert_eq!(breplace(b"aaa", b"a", b"bb", 2), b"bbbba".to_vec());
    }
}
