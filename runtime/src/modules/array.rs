//! The `array` module: `array.array`, a mutable sequence of unboxed machine numbers.
//!
//! An array is an instance of the built-in class `array.array` whose payload is
//! `Payload::Array` (typecode and native-endian bytes). Instances of Python subclasses
//! wrap such an object in `Payload::Builtin`, as subclasses of other built-in types do.
//! Values are checked and converted on the way in with CPython's exceptions and
//! messages (OverflowError per C type, TypeError for floats in integer arrays).
//! `ops::getitem`/`setitem` read and write items of exact arrays directly
//! (`get_fast`/`set_fast`); everything else goes through the methods here.

use crate::builtins::args::*;
use crate::bytecode::CmpOp;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{norm_index, slice_indices, unwrap_builtin};
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};

type Kw<'a> = &'a [(ObjRef, Value)];

/// Every typecode, in CPython's order.
const TYPECODES: &str = "bBuhHiIlLqQfd";

/// Size in bytes of one item of typecode `c` (0: not a typecode).
pub fn itemsize(c: u8) -> usize {
    match c {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => 0,
    }
}

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("array");
    let object = vm.types.object;
    let cls = vm.new_class_raw("array", vec![object], BaseKind::Builtin, true);
    *cls.as_class().unwrap().module.borrow_mut() = "array".into();
    crate::builtins::core::set_construct(vm, cls, array_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", array_append),
        ("extend", array_extend),
        ("pop", array_pop),
        ("insert", array_insert),
        ("remove", array_remove),
        ("index", array_index),
        ("count", array_count),
        ("reverse", array_reverse),
        ("tolist", array_tolist),
        ("tobytes", array_tobytes),
        ("frombytes", array_frombytes),
        ("tofile", array_tofile),
        ("fromfile", array_fromfile),
        ("buffer_info", array_buffer_info),
        ("fromlist", array_fromlist),
        ("tounicode", array_tounicode),
        ("fromunicode", array_fromunicode),
        ("byteswap", array_byteswap),
        ("__len__", array_len),
        ("__getitem__", array_getitem),
        ("__setitem__", array_setitem),
        ("__delitem__", array_delitem),
        ("__contains__", array_contains),
        ("__iter__", array_iter),
        ("__add__", array_add),
        ("__iadd__", array_iadd),
        ("__mul__", array_mul),
        ("__rmul__", array_mul),
        ("__imul__", array_imul),
        ("__eq__", array_eq),
        ("__ne__", array_ne),
        ("__lt__", array_lt),
        ("__le__", array_le),
        ("__gt__", array_gt),
        ("__ge__", array_ge),
        ("__repr__", array_repr),
        ("__copy__", array_copy),
        ("__deepcopy__", array_deepcopy),
    ];
    for &(name, f) in methods {
        vm.add_method(cls, name, f);
    }
    // CPython sets __hash__ to None; a raising native gives its message ('array.array').
    vm.add_method(cls, "__hash__", |vm, _, _| Err(vm.type_error("unhashable type: 'array.array'")));
    for (name, f) in [("typecode", array_typecode as NativeFn), ("itemsize", array_itemsize as NativeFn)] {
        let fget = Value::Obj(vm.alloc(Kind::Native(Native { name, owner: Some("array"), f, bound: Value::Undef })));
        let p = Property { fget, fset: Value::None, fdel: Value::None, doc: Value::None };
        let p = Value::Obj(vm.alloc(Kind::new_property(p)));
        vm.set_class_attr(cls, name, p);
    }
    vm.module_set(m, "array", Value::Obj(cls));
    vm.module_set(m, "ArrayType", Value::Obj(cls));
    let tc = vm.new_str(TYPECODES);
    vm.module_set(m, "typecodes", tc);
    if !vm.iter_types.contains_key("arrayiterator") {
        let c = vm.new_class_raw("arrayiterator", vec![object], BaseKind::Builtin, true);
        *c.as_class().unwrap().module.borrow_mut() = "array".into();
        crate::builtins::register_iter_type(vm, c);
        vm.iter_types.insert("arrayiterator", c);
    }
    Ok(m)
}

// -- Access ---------------------------------------------------------------------------------

/// The array data of an exact array object.
fn data_of(o: ObjRef) -> Option<&'static RefCell<ArrayData>> {
    match &o.obj().kind {
        Kind::Instance(Instance { payload: Payload::Array(a), .. }) => Some(a),
        _ => None,
    }
}

/// The array object behind a value (an array or an instance of a subclass).
fn array_obj(v: Value) -> Option<ObjRef> {
    let mut cur = v;
    for _ in 0..4 {
        let o = cur.as_obj()?;
        if data_of(o).is_some() {
            return Some(o);
        }
        let inner = unwrap_builtin(cur);
        if inner.is(&cur) {
            return None;
        }
        cur = inner;
    }
    None
}

/// `self` of a method as an array object, or CPython's TypeError.
fn self_array(vm: &mut Vm, args: &[Value]) -> PyResult<ObjRef> {
    let v = super::params::self_arg(vm, args, "array", "method")?;
    match array_obj(v) {
        Some(o) => Ok(o),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'array.array' object but received a '{}'", tn)))
        }
    }
}

fn data(o: ObjRef) -> &'static RefCell<ArrayData> {
    data_of(o).expect("array object")
}

fn len_of(o: ObjRef) -> usize {
    let d = data(o).borrow();
    d.bytes.len() / itemsize(d.code)
}

/// One item, decoded.
#[derive(Clone, Copy)]
enum Item {
    I(i64),
    U(u64),
    F(f64),
    C(u32),
}

fn read(code: u8, b: &[u8]) -> Item {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    let u2 = || [buf[0], buf[1]];
    let u4 = || [buf[0], buf[1], buf[2], buf[3]];
    match code {
        b'b' => Item::I(buf[0] as i8 as i64),
        b'B' => Item::I(buf[0] as i64),
        b'h' => Item::I(i16::from_ne_bytes(u2()) as i64),
        b'H' => Item::I(u16::from_ne_bytes(u2()) as i64),
        b'i' => Item::I(i32::from_ne_bytes(u4()) as i64),
        b'I' => Item::I(u32::from_ne_bytes(u4()) as i64),
        b'l' | b'q' => Item::I(i64::from_ne_bytes(buf)),
        b'L' | b'Q' => Item::U(u64::from_ne_bytes(buf)),
        b'f' => Item::F(f32::from_ne_bytes(u4()) as f64),
        b'd' => Item::F(f64::from_ne_bytes(buf)),
        _ => Item::C(u32::from_ne_bytes(u4())),
    }
}

fn item_value(vm: &mut Vm, it: Item) -> Value {
    match it {
        Item::I(i) => Value::Int(i),
        Item::U(u) => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => vm.new_int(BigInt::from(u)),
        },
        Item::F(f) => Value::Float(f),
        Item::C(c) => {
            let s: String = char::from_u32(c).map(String::from).unwrap_or_else(|| "\u{fffd}".into());
            vm.new_str(s)
        }
    }
}

/// Item `i` (in range) of an array object as a value.
fn get(vm: &mut Vm, o: ObjRef, i: usize) -> Value {
    let it = {
        let d = data(o).borrow();
        let n = itemsize(d.code);
        read(d.code, &d.bytes[i * n..(i + 1) * n])
    };
    item_value(vm, it)
}

/// Every item of an array object as values.
fn items(vm: &mut Vm, o: ObjRef) -> Vec<Value> {
    let (code, bytes) = {
        let d = data(o).borrow();
        (d.code, d.bytes.clone())
    };
    bytes.chunks_exact(itemsize(code)).map(|c| read(code, c)).map(|it| item_value(vm, it)).collect()
}

/// `a[i]` for the interpreter's fast path: exact arrays, items that are inline values.
#[inline]
pub fn get_fast(a: &RefCell<ArrayData>, i: i64) -> Option<Value> {
    let d = a.borrow();
    let n = itemsize(d.code);
    let j = norm_index(i, d.bytes.len() / n)?;
    match read(d.code, &d.bytes[j * n..(j + 1) * n]) {
        Item::I(i) => Some(Value::Int(i)),
        Item::F(f) => Some(Value::Float(f)),
        Item::U(u) if u <= i64::MAX as u64 => Some(Value::Int(u as i64)),
        _ => None,
    }
}

/// `a[i] = v` for the interpreter's fast path: true when done (in-range index, value
/// an int or float that fits without conversion); false to take the general path.
#[inline]
pub fn set_fast(a: &RefCell<ArrayData>, i: i64, v: Value) -> bool {
    let mut d = a.borrow_mut();
    let code = d.code;
    let raw = match (code, v) {
        (b'd', Value::Float(f)) => f.to_ne_bytes(),
        (b'd', Value::Int(x)) => (x as f64).to_ne_bytes(),
        (b'l' | b'q', Value::Int(x)) => x.to_ne_bytes(),
        (b'i', Value::Int(x)) if i32::try_from(x).is_ok() => pad(&(x as i32).to_ne_bytes()),
        _ => return false,
    };
    let n = itemsize(code);
    let Some(j) = norm_index(i, d.bytes.len() / n) else { return false };
    d.bytes[j * n..(j + 1) * n].copy_from_slice(&raw[..n]);
    true
}

fn pad(b: &[u8]) -> [u8; 8] {
    let mut out = [0u8; 8];
    out[..b.len()].copy_from_slice(b);
    out
}

// -- Conversion in ---------------------------------------------------------------------------

/// An int argument for an integer array: Int, or a big int's value.
enum IntArg {
    Small(i64),
    Big(BigInt),
}

fn int_item(vm: &mut Vm, v: Value) -> PyResult<IntArg> {
    let iv = match crate::builtins::num::int_value(v) {
        Some(x) => x,
        None => Value::Int(vm.to_index(v)?),
    };
    Ok(match iv {
        Value::Int(i) => IntArg::Small(i),
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) => IntArg::Big(b.clone()),
            _ => IntArg::Small(0),
        },
        _ => IntArg::Small(0),
    })
}

/// Converts a value to the raw bytes of one item of typecode `code` (CPython's checks
/// and messages). May run Python code (`__index__`, `__float__`).
fn encode(vm: &mut Vm, code: u8, v: Value) -> PyResult<[u8; 8]> {
    match code {
        b'f' => {
            let f = crate::builtins::num::to_float(vm, v)?;
            return Ok(pad(&(f as f32).to_ne_bytes()));
        }
        b'd' => {
            let f = crate::builtins::num::to_float(vm, v)?;
            return Ok(f.to_ne_bytes());
        }
        b'u' => {
            let s = unwrap_builtin(v).as_obj().and_then(|o| o.as_str().map(|s| s.to_string()));
            let mut chars = s.as_deref().unwrap_or("").chars();
            return match (s.is_some(), chars.next(), chars.next()) {
                (true, Some(c), None) => Ok(pad(&(c as u32).to_ne_bytes())),
                _ => Err(vm.type_error("array item must be unicode character")),
            };
        }
        _ => {}
    }
    let n = int_item(vm, v)?;
    // The value as i128 (None: beyond i128) and its sign.
    let (wide, neg) = match &n {
        IntArg::Small(i) => (Some(*i as i128), *i < 0),
        IntArg::Big(b) => (b.to_i128(), b.is_negative()),
    };
    let as_long = |vm: &mut Vm| -> PyResult<i64> {
        match wide.and_then(|w| i64::try_from(w).ok()) {
            Some(x) => Ok(x),
            None => Err(vm.overflow_error("Python int too large to convert to C long")),
        }
    };
    let ranged = |vm: &mut Vm, x: i64, lo: i64, hi: i64, what: &str| -> PyResult<i64> {
        if x < lo {
            Err(vm.overflow_error(format!("{} is less than minimum", what)))
        } else if x > hi {
            Err(vm.overflow_error(format!("{} is greater than maximum", what)))
        } else {
            Ok(x)
        }
    };
    Ok(match code {
        b'b' => {
            let x = as_long(vm)?;
            pad(&[ranged(vm, x, -128, 127, "signed char")? as i8 as u8])
        }
        b'B' => {
            let x = as_long(vm)?;
            pad(&[ranged(vm, x, 0, 255, "unsigned byte integer")? as u8])
        }
        b'h' => {
            let x = as_long(vm)?;
            pad(&(ranged(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")? as i16).to_ne_bytes())
        }
        b'H' => {
            let x = as_long(vm)?;
            pad(&(ranged(vm, x, 0, u16::MAX as i64, "unsigned short")? as u16).to_ne_bytes())
        }
        b'i' => {
            let x = as_long(vm)?;
            pad(&(ranged(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")? as i32).to_ne_bytes())
        }
        b'l' => as_long(vm)?.to_ne_bytes(),
        b'q' => match wide.and_then(|w| i64::try_from(w).ok()) {
            Some(x) => x.to_ne_bytes(),
            None => return Err(vm.overflow_error("int too big to convert")),
        },
        b'I' | b'L' => {
            if neg {
                return Err(vm.overflow_error("can't convert negative value to unsigned int"));
            }
            let Some(x) = wide.and_then(|w| u64::try_from(w).ok()) else {
                return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
            };
            if code == b'I' {
                if x > u32::MAX as u64 {
                    return Err(vm.overflow_error("unsigned int is greater than maximum"));
                }
                pad(&(x as u32).to_ne_bytes())
            } else {
                x.to_ne_bytes()
            }
        }
        _ => {
            if neg {
                return Err(vm.overflow_error("can't convert negative int to unsigned"));
            }
            match wide.and_then(|w| u64::try_from(w).ok()) {
                Some(x) => x.to_ne_bytes(),
                None => return Err(vm.overflow_error("int too big to convert")),
            }
        }
    })
}

/// Converts many values (nothing is stored if one fails).
fn encode_all(vm: &mut Vm, code: u8, vals: &[Value]) -> PyResult<Vec<u8>> {
    let n = itemsize(code);
    let mut out = Vec::with_capacity(vals.len() * n);
    for v in vals {
        let raw = encode(vm, code, *v)?;
        out.extend_from_slice(&raw[..n]);
    }
    Ok(out)
}

fn new_array(vm: &mut Vm, cls: ObjRef, code: u8, bytes: Vec<u8>) -> Value {
    let shape = vm.shapes.root();
    Value::Obj(vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(vec![]),
        payload: Payload::Array(Box::new(RefCell::new(ArrayData { code, bytes }))),
    })))
}

/// A new exact `array.array` like `o` (same class as the module's array type).
fn new_like(vm: &mut Vm, o: ObjRef, bytes: Vec<u8>) -> Value {
    let code = data(o).borrow().code;
    let cls = o.as_instance().map(|i| i.class.get()).unwrap();
    new_array(vm, cls, code, bytes)
}

fn bytes_of(v: Value) -> Option<Vec<u8>> {
    match unwrap_builtin(v).as_obj().map(|o| o.kind()) {
        Some(Kind::Bytes(b)) => Some(b.to_vec()),
        Some(Kind::ByteArray(b)) => Some(b.borrow().clone()),
        _ => array_obj(v).map(|o| data(o).borrow().bytes.clone()),
    }
}

// -- Construction -----------------------------------------------------------------------------

fn array_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].as_obj().unwrap();
    let args = &args[1..];
    if !kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("array() takes at most 2 arguments ({} given)", args.len())));
    }
    let tc = unwrap_builtin(args[0]).as_obj().and_then(|o| o.as_str().map(|s| s.to_string()));
    let code = match tc.as_deref().map(|s| (s.chars().count(), s)) {
        Some((1, s)) => s.chars().next().unwrap(),
        Some(_) => return Err(vm.type_error("array() argument 1 must be a unicode character, not str")),
        None => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("array() argument 1 must be a unicode character, not {}", tn)));
        }
    };
    if !code.is_ascii() || itemsize(code as u8) == 0 {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let code = code as u8;
    let init = args.get(1).copied().filter(|v| !v.is_none());
    let bytes = match init {
        None => Vec::new(),
        Some(v) => {
            let s = unwrap_builtin(v).as_obj().and_then(|o| o.as_str().map(|s| s.to_string()));
            if let Some(s) = s {
                if code != b'u' {
                    return Err(vm.type_error(format!(
                        "cannot use a str to initialize an array with typecode '{}'",
                        code as char
                    )));
                }
                s.chars().flat_map(|c| (c as u32).to_ne_bytes()).collect()
            } else if matches!(unwrap_builtin(v).as_obj().map(|o| o.kind()), Some(Kind::Bytes(_) | Kind::ByteArray(_)))
            {
                let b = bytes_of(v).unwrap_or_default();
                if !b.len().is_multiple_of(itemsize(code)) {
                    return Err(vm.value_error("bytes length not a multiple of item size"));
                }
                b
            } else {
                if let Some(src) = array_obj(v) {
                    let sc = data(src).borrow().code;
                    if sc == b'u' && code != b'u' {
                        return Err(vm.type_error(format!(
                            "cannot use a unicode array to initialize an array with typecode '{}'",
                            code as char
                        )));
                    }
                }
                let vals = vm.collect_iter(v)?;
                let mark = vm.roots.len();
                vm.roots.extend_from_slice(&vals);
                let r = encode_all(vm, code, &vals);
                vm.roots.truncate(mark);
                r?
            }
        }
    };
    Ok(new_array(vm, cls, code, bytes))
}

// -- Methods --------------------------------------------------------------------------------

fn array_typecode(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    let c = data(o).borrow().code as char;
    Ok(vm.new_str(c.to_string()))
}

fn array_itemsize(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    Ok(Value::Int(itemsize(data(o).borrow().code) as i64))
}

fn array_append(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "append", kw)?;
    let o = self_array(vm, args)?;
    check_method(vm, "append", args, 1, 1)?;
    let code = data(o).borrow().code;
    let raw = encode(vm, code, args[1])?;
    data(o).borrow_mut().bytes.extend_from_slice(&raw[..itemsize(code)]);
    Ok(Value::None)
}

/// Appends an iterable's items, one at a time (items before a bad one stay, as in
/// CPython); arrays must have the same typecode.
fn extend_with(vm: &mut Vm, o: ObjRef, v: Value, what: &str) -> PyResult<()> {
    let code = data(o).borrow().code;
    if let Some(src) = array_obj(v) {
        let (sc, b) = {
            let d = data(src).borrow();
            (d.code, d.bytes.clone())
        };
        if sc != code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        data(o).borrow_mut().bytes.extend_from_slice(&b);
        return Ok(());
    }
    if what == "+=" {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("can only extend array with array (not \"{}\")", tn)));
    }
    let it = vm.get_iter(v)?;
    let mark = vm.roots.len();
    vm.roots.push(it);
    let n = itemsize(code);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            let raw = encode(vm, code, x)?;
            data(o).borrow_mut().bytes.extend_from_slice(&raw[..n]);
        }
        Ok(())
    })();
    vm.roots.truncate(mark);
    r
}

fn array_extend(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "extend", kw)?;
    let o = self_array(vm, args)?;
    check_method(vm, "extend", args, 1, 1)?;
    extend_with(vm, o, args[1], "extend")?;
    Ok(Value::None)
}

fn array_iadd(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__iadd__", args, 1, 1)?;
    if array_obj(args[1]).is_none() {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("can only extend array with array (not \"{}\")", tn)));
    }
    extend_with(vm, o, args[1], "+=")?;
    Ok(args[0])
}

fn array_pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "pop", kw)?;
    let o = self_array(vm, args)?;
    check_method(vm, "pop", args, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => int_arg(vm, *v)?,
        None => -1,
    };
    let n = len_of(o);
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let Some(j) = norm_index(i, n) else { return Err(vm.index_error("pop index out of range")) };
    let v = get(vm, o, j);
    let sz = itemsize(data(o).borrow().code);
    data(o).borrow_mut().bytes.drain(j * sz..(j + 1) * sz);
    Ok(v)
}

fn array_insert(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "insert", kw)?;
    let o = self_array(vm, args)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = int_arg(vm, args[1])?;
    let code = data(o).borrow().code;
    let raw = encode(vm, code, args[2])?;
    let n = len_of(o) as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let sz = itemsize(code);
    data(o).borrow_mut().bytes.splice(j * sz..j * sz, raw[..sz].iter().copied());
    Ok(Value::None)
}

/// Index of the first item equal to `x` in `start..stop`.
fn find(vm: &mut Vm, o: ObjRef, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(len_of(o)) {
        let item = get(vm, o, i);
        if vm.eq(item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn array_remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "remove", kw)?;
    let o = self_array(vm, args)?;
    check_method(vm, "remove", args, 1, 1)?;
    match find(vm, o, args[1], 0, usize::MAX)? {
        Some(j) => {
            let sz = itemsize(data(o).borrow().code);
            data(o).borrow_mut().bytes.drain(j * sz..(j + 1) * sz);
            Ok(Value::None)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn array_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "index", kw)?;
    let o = self_array(vm, args)?;
    check_method(vm, "index", args, 1, 3)?;
    let n = len_of(o) as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, dflt: i64| -> PyResult<usize> {
        let Some(v) = v else { return Ok(dflt as usize) };
        let i = vm.to_index_clamped(*v)?;
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
    };
    let start = bound(vm, args.get(2), 0)?;
    let stop = bound(vm, args.get(3), n)?;
    match find(vm, o, args[1], start, stop)? {
        Some(j) => Ok(Value::Int(j as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn array_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "count", kw)?;
    let o = self_array(vm, args)?;
    check_method(vm, "count", args, 1, 1)?;
    let mut c = 0;
    let mut i = 0;
    while i < len_of(o) {
        let item = get(vm, o, i);
        if vm.eq(item, args[1])? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::Int(c))
}

fn array_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__contains__", args, 1, 1)?;
    Ok(Value::Bool(find(vm, o, args[1], 0, usize::MAX)?.is_some()))
}

fn array_reverse(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "reverse", args, 0, 0)?;
    let mut d = data(o).borrow_mut();
    let sz = itemsize(d.code);
    let n = d.bytes.len() / sz;
    for i in 0..n / 2 {
        let j = n - 1 - i;
        for k in 0..sz {
            d.bytes.swap(i * sz + k, j * sz + k);
        }
    }
    Ok(Value::None)
}

fn array_byteswap(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "byteswap", args, 0, 0)?;
    let mut d = data(o).borrow_mut();
    let sz = itemsize(d.code);
    for c in d.bytes.chunks_exact_mut(sz) {
        c.reverse();
    }
    Ok(Value::None)
}

fn array_tolist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "tolist", args, 0, 0)?;
    let v = items(vm, o);
    Ok(vm.new_list(v))
}

fn array_tobytes(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "tobytes", args, 0, 0)?;
    let b = data(o).borrow().bytes.clone();
    Ok(Value::Obj(vm.alloc(Kind::Bytes(b.into_boxed_slice()))))
}

fn array_frombytes(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "frombytes", args, 1, 1)?;
    let Some(b) = bytes_of(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
    };
    let sz = itemsize(data(o).borrow().code);
    if !b.len().is_multiple_of(sz) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    data(o).borrow_mut().bytes.extend_from_slice(&b);
    Ok(Value::None)
}

/// `a.tofile(f)`: writes the machine values to a binary file object (`f.write(bytes)`).
fn array_tofile(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "tofile", args, 1, 1)?;
    let b = data(o).borrow().bytes.clone();
    let bytes = Value::Obj(vm.alloc(Kind::Bytes(b.into_boxed_slice())));
    vm.roots.push(bytes);
    let name = vm.intern("write");
    let r = vm.get_attr(args[1], name).and_then(|w| vm.call(w, &[bytes], &[]));
    vm.roots.pop();
    r?;
    Ok(Value::None)
}

/// `a.fromfile(f, n)`: appends n items read from a binary file object; EOFError (after
/// appending what was there) when the file holds fewer.
fn array_fromfile(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "fromfile", args, 2, 2)?;
    let n = vm.to_index(args[2])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let sz = itemsize(data(o).borrow().code);
    let want = (n as usize).saturating_mul(sz);
    let name = vm.intern("read");
    let read = vm.get_attr(args[1], name)?;
    let r = vm.call(read, &[Value::Int(want.min(i64::MAX as usize) as i64)], &[])?;
    let Some(b) = bytes_of(r) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let whole = b.len() - b.len() % sz;
    data(o).borrow_mut().bytes.extend_from_slice(&b[..whole]);
    if b.len() < want {
        let c = vm.exc.EOFError;
        return Err(vm.err(c, "read() didn't return enough bytes"));
    }
    Ok(Value::None)
}

/// `a.buffer_info()`: (an address, the number of items).
fn array_buffer_info(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "buffer_info", args, 0, 0)?;
    let d = data(o).borrow();
    let n = d.bytes.len() / itemsize(d.code);
    let addr = d.bytes.as_ptr() as usize as i64;
    drop(d);
    Ok(vm.new_tuple(vec![Value::Int(addr), Value::Int(n as i64)]))
}

fn array_fromlist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "fromlist", args, 1, 1)?;
    let Some(l) = args[1].as_obj().and_then(|x| x.as_list()) else {
        return Err(vm.type_error("arg must be list"));
    };
    let vals = l.borrow().clone();
    let code = data(o).borrow().code;
    let b = encode_all(vm, code, &vals)?;
    data(o).borrow_mut().bytes.extend_from_slice(&b);
    Ok(Value::None)
}

fn array_tounicode(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "tounicode", args, 0, 0)?;
    let d = data(o).borrow();
    if d.code != b'u' {
        drop(d);
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s: String = d
        .bytes
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect();
    drop(d);
    Ok(vm.new_str(s))
}

fn array_fromunicode(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "fromunicode", args, 1, 1)?;
    let s = str_arg(vm, &args[1], "fromunicode() argument")?.to_string();
    if data(o).borrow().code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    data(o).borrow_mut().bytes.extend(s.chars().flat_map(|c| (c as u32).to_ne_bytes()));
    Ok(Value::None)
}

fn array_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    Ok(Value::Int(len_of(o) as i64))
}

/// An index (not a slice) for subscripts, with CPython's TypeError for other types.
fn index_key(vm: &mut Vm, k: Value) -> PyResult<i64> {
    match crate::builtins::num::int_value(k) {
        Some(Value::Int(i)) => Ok(i),
        Some(_) => Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        None => {
            let cls = vm.type_of(k);
            if vm.class_lookup(cls, vm.names.index).is_some() {
                vm.to_index(k)
            } else {
                Err(vm.type_error("array indices must be integers"))
            }
        }
    }
}

fn slice_of(k: Value) -> Option<(Value, Value, Value)> {
    match k.as_obj().map(|o| o.kind()) {
        Some(Kind::Slice(a, b, c)) => Some((*a, *b, *c)),
        _ => None,
    }
}

fn array_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__getitem__", args, 1, 1)?;
    let k = args[1];
    if let Some((a, b, c)) = slice_of(k) {
        let (start, _, step, n) = slice_indices(vm, a, b, c, len_of(o))?;
        let out = {
            let d = data(o).borrow();
            let sz = itemsize(d.code);
            let mut out = Vec::with_capacity(n * sz);
            for t in 0..n as i64 {
                let i = (start + t * step) as usize;
                out.extend_from_slice(&d.bytes[i * sz..(i + 1) * sz]);
            }
            out
        };
        return Ok(new_like(vm, o, out));
    }
    let i = index_key(vm, k)?;
    match norm_index(i, len_of(o)) {
        Some(j) => Ok(get(vm, o, j)),
        None => Err(vm.index_error("array index out of range")),
    }
}

fn array_setitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__setitem__", args, 2, 2)?;
    let (k, v) = (args[1], args[2]);
    let code = data(o).borrow().code;
    let sz = itemsize(code);
    if let Some((a, b, c)) = slice_of(k) {
        let Some(src) = array_obj(v) else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("can only assign array (not \"{}\") to array slice", tn)));
        };
        let (sc, sb) = {
            let d = data(src).borrow();
            (d.code, d.bytes.clone())
        };
        if sc != code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let (start, stop, step, n) = slice_indices(vm, a, b, c, len_of(o))?;
        let m = sb.len() / sz;
        let mut d = data(o).borrow_mut();
        if step == 1 {
            let start = start as usize;
            let stop = (stop as usize).max(start);
            d.bytes.splice(start * sz..stop * sz, sb);
        } else {
            if m != n {
                drop(d);
                return Err(
                    vm.value_error(format!("attempt to assign array of size {} to extended slice of size {}", m, n))
                );
            }
            for t in 0..n {
                let i = (start + t as i64 * step) as usize;
                d.bytes[i * sz..(i + 1) * sz].copy_from_slice(&sb[t * sz..(t + 1) * sz]);
            }
        }
        return Ok(Value::None);
    }
    let i = index_key(vm, k)?;
    if norm_index(i, len_of(o)).is_none() {
        return Err(vm.index_error("array assignment index out of range"));
    }
    let raw = encode(vm, code, v)?;
    // The conversion may have run Python code that resized the array.
    let mut d = data(o).borrow_mut();
    match norm_index(i, d.bytes.len() / sz) {
        Some(j) => {
            d.bytes[j * sz..(j + 1) * sz].copy_from_slice(&raw[..sz]);
            Ok(Value::None)
        }
        None => {
            drop(d);
            Err(vm.index_error("array assignment index out of range"))
        }
    }
}

fn array_delitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__delitem__", args, 1, 1)?;
    let k = args[1];
    let sz = itemsize(data(o).borrow().code);
    if let Some((a, b, c)) = slice_of(k) {
        let (start, _, step, n) = slice_indices(vm, a, b, c, len_of(o))?;
        let mut del = vec![false; len_of(o)];
        for t in 0..n as i64 {
            del[(start + t * step) as usize] = true;
        }
        let mut d = data(o).borrow_mut();
        let old = std::mem::take(&mut d.bytes);
        d.bytes = old.chunks_exact(sz).zip(del).filter(|(_, x)| !x).flat_map(|(c, _)| c.iter().copied()).collect();
        return Ok(Value::None);
    }
    let i = index_key(vm, k)?;
    match norm_index(i, len_of(o)) {
        Some(j) => {
            data(o).borrow_mut().bytes.drain(j * sz..(j + 1) * sz);
            Ok(Value::None)
        }
        None => Err(vm.index_error("array assignment index out of range")),
    }
}

/// Iterates over an array object by position (sees later changes, like CPython's).
struct ArrayIter {
    arr: ObjRef,
    idx: usize,
}

impl NativeIter for ArrayIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.idx < len_of(self.arr) {
            let v = get(vm, self.arr, self.idx);
            self.idx += 1;
            Ok(Some(v))
        } else {
            self.idx = usize::MAX;
            Ok(None)
        }
    }

    fn trace(&self, out: &mut Vec<ObjRef>) {
        out.push(self.arr);
    }

    fn type_name(&self) -> &'static str {
        "arrayiterator"
    }
}

fn array_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    Ok(vm.new_iter(IterState::Dyn(Box::new(ArrayIter { arr: o, idx: 0 }))))
}

fn array_add(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__add__", args, 1, 1)?;
    let Some(p) = array_obj(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("can only append array (not \"{}\") to array", tn)));
    };
    let (a, b) = (data(o).borrow(), data(p).borrow());
    if a.code != b.code {
        drop((a, b));
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut out = a.bytes.clone();
    out.extend_from_slice(&b.bytes);
    drop((a, b));
    Ok(new_like(vm, o, out))
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match crate::builtins::num::int_value(v) {
        Some(Value::Int(n)) => Ok(n),
        Some(_) => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        None => {
            let cls = vm.type_of(v);
            if vm.class_lookup(cls, vm.names.index).is_some() {
                vm.to_index(v)
            } else {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", tn)))
            }
        }
    }
}

fn repeated(vm: &mut Vm, o: ObjRef, n: i64) -> PyResult<Vec<u8>> {
    let d = data(o).borrow();
    let n = n.max(0) as usize;
    if d.bytes.len().checked_mul(n).is_none_or(|t| t > isize::MAX as usize / 2) {
        drop(d);
        return Err(vm.err(vm.exc.MemoryError, ""));
    }
    Ok(d.bytes.repeat(n))
}

fn array_mul(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__mul__", args, 1, 1)?;
    let n = repeat_count(vm, args[1])?;
    let b = repeated(vm, o, n)?;
    Ok(new_like(vm, o, b))
}

fn array_imul(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "__imul__", args, 1, 1)?;
    let n = repeat_count(vm, args[1])?;
    let b = repeated(vm, o, n)?;
    data(o).borrow_mut().bytes = b;
    Ok(args[0])
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    check_method(vm, "comparison", args, 1, 1)?;
    let Some(p) = array_obj(args[1]) else { return Ok(vm.not_implemented) };
    let (n, m) = (len_of(o), len_of(p));
    if n != m && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    while i < n.min(m) && i < len_of(o) && i < len_of(p) {
        let (x, y) = (get(vm, o, i), get(vm, p, i));
        if !vm.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(x, y, op),
            };
        }
        i += 1;
    }
    let (n, m) = (len_of(o), len_of(p));
    Ok(Value::Bool(match op {
        CmpOp::Lt => n < m,
        CmpOp::Le => n <= m,
        CmpOp::Eq => n == m,
        CmpOp::Ne => n != m,
        CmpOp::Gt => n > m,
        CmpOp::Ge => n >= m,
    }))
}

fn array_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn array_ne(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}
fn array_lt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn array_le(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}
fn array_gt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn array_ge(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}

fn array_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    let cls = vm.type_of(args[0]);
    let name = crate::ops::class_name(cls);
    let code = data(o).borrow().code;
    let s = if len_of(o) == 0 {
        format!("{}('{}')", name, code as char)
    } else if code == b'u' {
        let s = array_tounicode(vm, &[Value::Obj(o)], &[])?;
        let r = vm.repr(s)?;
        format!("{}('u', {})", name, r)
    } else {
        let l = array_tolist(vm, &[Value::Obj(o)], &[])?;
        let r = vm.repr(l)?;
        format!("{}('{}', {})", name, code as char, r)
    };
    Ok(vm.new_str(s))
}

fn array_copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let o = self_array(vm, args)?;
    let b = data(o).borrow().bytes.clone();
    Ok(new_like(vm, o, b))
}

fn array_deepcopy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    array_copy(vm, &args[..1], &[])
}
