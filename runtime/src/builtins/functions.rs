//! Builtin functions: print, len, isinstance, iter/next, min/max, sorted, getattr and
//! the rest of the functions the language leans on.

use super::args::*;
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{is_subclass, isinstance};
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub fn register(vm: &mut Vm) {
    vm.add_builtin("print", print);
    vm.add_builtin("len", len);
    vm.add_builtin("repr", repr);
    vm.add_builtin("ascii", ascii);
    vm.add_builtin("isinstance", isinstance_fn);
    vm.add_builtin("issubclass", issubclass_fn);
    vm.add_builtin("iter", iter);
    vm.add_builtin("next", next);
    vm.add_builtin("min", min);
    vm.add_builtin("max", max);
    vm.add_builtin("sum", sum);
    vm.add_builtin("abs", abs);
    vm.add_builtin("sorted", sorted);
    vm.add_builtin("getattr", getattr);
    vm.add_builtin("setattr", setattr);
    vm.add_builtin("hasattr", hasattr);
    vm.add_builtin("delattr", delattr);
    vm.add_builtin("id", id);
    vm.add_builtin("hash", hash);
    vm.add_builtin("callable", callable);
    vm.add_builtin("chr", chr);
    vm.add_builtin("ord", ord);
    vm.add_builtin("any", any);
    vm.add_builtin("all", all);
    vm.add_builtin("enumerate", enumerate);
    vm.add_builtin("zip", zip);
    vm.add_builtin("map", map);
    vm.add_builtin("filter", filter);
    vm.add_builtin("reversed", reversed);
    vm.add_builtin("divmod", divmod);
    vm.add_builtin("pow", pow);
    vm.add_builtin("round", round);
    vm.add_builtin("bin", bin);
    vm.add_builtin("oct", oct);
    vm.add_builtin("hex", hex);
    vm.add_builtin("vars", vars);
    vm.add_builtin("globals", globals);
    vm.add_builtin("locals", locals);
    vm.add_builtin("dir", dir);
    vm.add_builtin("input", input);
    vm.add_builtin("exec", exec);
    vm.add_builtin("eval", eval);
    vm.add_builtin("__import__", import_fn);
    vm.add_builtin("exit", exit);
    vm.add_builtin("quit", exit);
    add_printers(vm);
    vm.add_builtin("compile", |vm, _, _| Err(vm.not_implemented_error("compile() is not supported by krait")));
    vm.add_builtin("memoryview", |vm, _, _| Err(vm.not_implemented_error("memoryview is not supported by krait")));
    vm.add_builtin("breakpoint", |vm, _, _| Err(vm.not_implemented_error("breakpoint() is not supported by krait")));
    vm.add_builtin("help", |vm, _, _| Err(vm.not_implemented_error("help() is not supported by krait")));
    vm.add_builtin("aiter", |vm, _, _| Err(vm.not_implemented_error("aiter() is not supported by krait")));
    vm.add_builtin("anext", |vm, _, _| Err(vm.not_implemented_error("anext() is not supported by krait")));
}

/// `exit(code)` / `quit(code)`: raises SystemExit, like the site module's helpers.
fn exit(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "exit", args, 0, 1)?;
    let c = vm.exc.SystemExit;
    let a = if args.is_empty() { vec![] } else { vec![args[0]] };
    Err(crate::value::PyErr(vm.new_exception(c, a)))
}

// -- copyright, credits, license ---------------------------------------------------------------

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n\
Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n\
Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

const CREDITS: &str = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    \
for supporting Python development.  See www.python.org for more information.";

const LICENSE: &str = "See https://www.python.org/psf/license/";

/// The builtins `copyright`, `credits` and `license`: instances of a `_Printer` class (as
/// the site module makes them) whose repr is their text, or for `license` a hint to call
/// it; calling one prints its text.
fn add_printers(vm: &mut Vm) {
    let object = vm.types.object;
    let cls = vm.new_class_raw("_Printer", vec![object], BaseKind::Builtin, true);
    *cls.as_class().unwrap().module.borrow_mut() = "_sitebuiltins".into();
    vm.add_method(cls, "__repr__", printer_repr);
    vm.add_method(cls, "__call__", printer_call);
    let shape = vm.shapes.root();
    for (name, text) in [("copyright", COPYRIGHT), ("credits", CREDITS), ("license", LICENSE)] {
        let inst = vm.alloc(Kind::Instance(Instance {
            class: Cell::new(cls),
            shape: Cell::new(shape),
            slots: RefCell::new(vec![]),
            payload: Payload::None,
        }));
        let (k_name, k_data) = (vm.intern("_Printer__name"), vm.intern("_Printer__data"));
        let (v_name, v_data) = (vm.new_str(name), vm.new_str(text));
        let i = inst.as_instance().unwrap();
        vm.store_instance_attr(i, k_name, v_name);
        vm.store_instance_attr(i, k_data, v_data);
        vm.set_builtin(name, Value::Obj(inst));
    }
}

/// The (name, text) of a `_Printer` passed as self.
fn printer_parts(vm: &mut Vm, args: &[Value]) -> PyResult<(String, String)> {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("descriptor of '_Printer' object needs an argument"));
    };
    let mut parts = Vec::new();
    for attr in ["_Printer__name", "_Printer__data"] {
        let k = vm.intern(attr);
        let v = vm.get_attr(this, k)?;
        parts.push(vm.str_of(v)?);
    }
    let data = parts.pop().unwrap_or_default();
    Ok((parts.pop().unwrap_or_default(), data))
}

fn printer_repr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let (name, data) = printer_parts(vm, args)?;
    // CPython's license text is longer than a screen, so its repr only says how to see it.
    let s = if name == "license" { format!("Type {0}() to see the full {0} text", name) } else { data };
    Ok(vm.new_str(s))
}

fn printer_call(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__call__", args, 1, 1)?;
    let (_, data) = printer_parts(vm, args)?;
    vm.write_to(None, &format!("{}\n", data))?;
    Ok(Value::None)
}

fn print(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_kw(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(v) => match v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
            Some(s) => s,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("sep must be None or a string, not {}", tn)));
            }
        },
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(v) => match v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
            Some(s) => s,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("end must be None or a string, not {}", tn)));
            }
        },
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a.as_obj().map(|o| o.kind()) {
            Some(Kind::Str(s)) => out.push_str(&s.s),
            _ => out.push_str(&vm.str_of(*a)?),
        }
    }
    out.push_str(&end);
    let file = kwarg(kw, "file").filter(|f| !f.is_none());
    vm.write_to(file, &out)?;
    if let Some(f) = kwarg(kw, "flush") {
        if vm.truthy(f)? {
            match file {
                Some(t) if !t.is(&vm.stdout_obj) && !t.is(&vm.stderr_obj) => {
                    vm.call_method(t, "flush", &[])?;
                }
                _ => vm.flush_stdout(),
            }
        }
    }
    Ok(Value::None)
}

impl Vm {
    /// Writes text to `file` (a file-like object) or to `sys.stdout`.
    pub fn write_to(&mut self, file: Option<Value>, s: &str) -> PyResult<()> {
        let target = match file {
            Some(f) => f,
            None => {
                let sys = self.sys_attr("stdout");
                sys.unwrap_or(self.stdout_obj)
            }
        };
        if target.is(&self.stdout_obj) {
            self.write_stdout_raw(s);
            return Ok(());
        }
        if target.is(&self.stderr_obj) {
            self.write_stderr_raw(s);
            return Ok(());
        }
        let sv = self.new_str(s);
        self.call_method(target, "write", &[sv])?;
        Ok(())
    }

    /// Prints a line to sys.stdout (REPL echo).
    pub fn print_line(&mut self, s: &str) -> PyResult<()> {
        let line = format!("{}\n", s);
        self.write_to(None, &line)
    }

    /// An attribute of the sys module, if sys has been set up.
    pub fn sys_attr(&mut self, name: &str) -> Option<Value> {
        let sys_name = self.intern("sys");
        let modules = self.modules;
        let m = crate::ops::dict_get_str(modules, sys_name)?;
        let k = self.intern(name);
        match m.as_obj().map(|o| o.kind()) {
            Some(Kind::Module(md)) => crate::ops::dict_get_str(md.dict, k),
            _ => None,
        }
    }
}

fn len(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_kw(vm, "len", kw)?;
    check_args(vm, "len", args, 1, 1)?;
    Ok(Value::Int(vm.len(args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "repr", args, 1, 1)?;
    let s = vm.repr(args[0])?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "ascii", args, 1, 1)?;
    let s = vm.repr(args[0])?;
    let a = super::fmt::ascii_escape(&s);
    Ok(vm.new_str(a))
}

/// isinstance with a class or (nested) tuple of classes.
pub fn isinstance_of(vm: &mut Vm, v: Value, cls: Value) -> PyResult<bool> {
    match cls.as_obj().map(|o| (o, o.kind())) {
        Some((c, Kind::Class(_))) => {
            if isinstance(vm, v, c) {
                return Ok(true);
            }
            // The metaclass's __instancecheck__.
            let ic = vm.intern("__instancecheck__");
            if let Some(f) = vm.meta_method(c, ic) {
                let r = vm.call(f, &[cls, v], &[])?;
                return vm.truthy(r);
            }
            // A user class may also define __instancecheck__ (as a classmethod) itself, as
            // krait's abstract base classes in collections.abc do.
            match user_hook(vm, c, "__instancecheck__")? {
                Some(hook) => {
                    let r = vm.call(hook, &[v], &[])?;
                    vm.truthy(r)
                }
                None => Ok(false),
            }
        }
        Some((_, Kind::Tuple(items))) => {
            for it in items.iter() {
                if isinstance_of(vm, v, *it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => match instance_hook(vm, cls, "__instancecheck__") {
            // An object whose type defines __instancecheck__ (typing's aliases).
            Some(f) => {
                let r = vm.call(f, &[cls, v], &[])?;
                vm.truthy(r)
            }
            None => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
        },
    }
}

fn isinstance_fn(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "isinstance", args, 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, args[0], args[1])?))
}

/// The `__instancecheck__`/`__subclasscheck__` that the class of a non-class object
/// defines (unbound).
fn instance_hook(vm: &mut Vm, obj: Value, name: &str) -> Option<Value> {
    if !matches!(obj.as_obj().map(|o| o.kind()), Some(Kind::Instance(_))) {
        return None;
    }
    let n = vm.intern(name);
    let t = vm.type_of(obj);
    vm.class_lookup(t, n)
}

/// A `__instancecheck__`/`__subclasscheck__` defined by a user class (not a built-in
/// type), bound to the class.
fn user_hook(vm: &mut Vm, cls: ObjRef, name: &str) -> PyResult<Option<Value>> {
    if cls.as_class().is_none_or(|c| c.builtin) {
        return Ok(None);
    }
    let n = vm.intern(name);
    // Only a classmethod: an ordinary method is for the class's own instances.
    match vm.class_lookup(cls, n) {
        Some(v) if matches!(v.as_obj().map(|o| o.kind()), Some(Kind::ClassMethod(_))) => {
            vm.get_attr(Value::Obj(cls), n).map(Some)
        }
        _ => Ok(None),
    }
}

fn issubclass_of(vm: &mut Vm, c: ObjRef, cls: Value) -> PyResult<bool> {
    match cls.as_obj().map(|o| (o, o.kind())) {
        Some((k, Kind::Class(_))) => {
            if is_subclass(c, k) {
                return Ok(true);
            }
            let sc = vm.intern("__subclasscheck__");
            if let Some(f) = vm.meta_method(k, sc) {
                let r = vm.call(f, &[cls, Value::Obj(c)], &[])?;
                return vm.truthy(r);
            }
            match user_hook(vm, k, "__subclasscheck__")? {
                Some(hook) => {
                    let r = vm.call(hook, &[Value::Obj(c)], &[])?;
                    vm.truthy(r)
                }
                None => Ok(false),
            }
        }
        Some((_, Kind::Tuple(items))) => {
            for it in items.iter() {
                if issubclass_of(vm, c, *it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => match instance_hook(vm, cls, "__subclasscheck__") {
            Some(f) => {
                let r = vm.call(f, &[cls, Value::Obj(c)], &[])?;
                vm.truthy(r)
            }
            None => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
        },
    }
}

fn issubclass_fn(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "issubclass", args, 2, 2)?;
    let Some(c) = vm.as_class(args[0]) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(issubclass_of(vm, c, args[1])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(vm.new_iter(IterState::Callable { f: args[0], sentinel: args[1] }));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "next", args, 1, 2)?;
    let it = args[0];
    let is_iter = match it.as_obj().map(|o| o.kind()) {
        Some(Kind::Iter(_) | Kind::Generator(_)) => true,
        _ => {
            let c = vm.type_of(it);
            let n = vm.names.next;
            vm.class_lookup(c, n).is_some()
        }
    };
    if !is_iter {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{}' object is not an iterator", tn)));
    }
    // Generators report their return value through StopIteration.
    if let Some(g) = it.as_obj().filter(|o| matches!(o.kind, Kind::Generator(_))) {
        return match vm.gen_resume(g, Value::None)? {
            crate::interp::GenResult::Yield(v) => Ok(v),
            crate::interp::GenResult::Return(v) => {
                if args.len() == 2 {
                    Ok(args[1])
                } else {
                    Err(vm.stop_iteration(v))
                }
            }
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => {
            if args.len() == 2 {
                Ok(args[1])
            } else {
                Err(vm.stop_iteration(Value::None))
            }
        }
    }
}

/// The file name of the embedded module whose frames tracebacks leave out.
pub const CONSUME_FILE: &str = "<frozen _consume>";

/// `name(gen, ...)` of a built-in consuming generator `gen` runs as the Python loop
/// `_consume.name`: the interpreter resumes the generator as a frame of its own loop
/// (not one nested run per item), and the JIT compiles that loop with the generator's
/// body inlined. None when `args[0]` is not a generator.
fn consume_generator(vm: &mut Vm, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    args[0].as_obj().filter(|o| matches!(o.kind, Kind::Generator(_)))?;
    Some(call_consume(vm, name, args))
}

/// The built-ins that run as `_consume` loops when given a generator: CALL runs them as
/// frames of its own loop (`Vm::consume_builtin`), in this order.
pub const CONSUME_BUILTINS: [&str; 5] = ["sum", "any", "all", "min", "max"];

/// `_consume.name`.
pub(crate) fn consume_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let g = vm.builtins_dict;
    let m = vm.import("_consume", 0, Value::None, g)?;
    let n = vm.intern(name);
    vm.get_attr(m, n)
}

/// `_consume.name(*args)`. The frames of `sum` and `collect` do not count toward the
/// recursion limit (`Vm::hidden_frames`): CPython's sum (called by CALL), list(), tuple(),
/// sorted() enter no recursion level, its any(), all(), min() and max() enter one.
pub(crate) fn call_consume(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = match CONSUME_BUILTINS.iter().position(|n| *n == name) {
        Some(i) => Value::Obj(vm.consume_func(i)?),
        None => consume_attr(vm, name)?,
    };
    let hidden = matches!(name, "sum" | "collect");
    if hidden {
        vm.hide_frame();
    }
    let r = vm.call(f, args, &[]);
    if hidden {
        vm.unhide_frame();
    }
    r
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)], name: &str, op: CmpOp) -> PyResult<Value> {
    if args.len() == 1 && kw.is_empty() {
        if let Some(r) = consume_generator(vm, name, args) {
            return r;
        }
    }
    check_kw(vm, name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    let items = if args.len() == 1 {
        vm.collect_iter(args[0])?
    } else if args.is_empty() {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    } else {
        if default.is_some() {
            return Err(
                vm.type_error(format!("Cannot specify a default for {}() with multiple positional arguments", name))
            );
        }
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(&items);
    let r = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call(k, &[best], &[])?,
            None => best,
        };
        vm.roots.push(best_key);
        for &it in &items[1..] {
            let k = match key {
                Some(kf) => vm.call(kf, &[it], &[])?,
                None => it,
            };
            vm.roots.push(k);
            if vm.compare_bool(k, best_key, op)? {
                best = it;
                best_key = k;
            }
        }
        Ok(best)
    })();
    vm.roots.truncate(mark);
    r
}

fn min(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "sum", args, 1, 2)?;
    let mut acc = arg_or_kw(args, 1, kw, "start").unwrap_or(Value::Int(0));
    if let Some(Kind::Str(_)) = acc.as_obj().map(|o| o.kind()) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if !matches!(acc.as_obj().map(|o| o.kind()), Some(Kind::Bytes(_) | Kind::ByteArray(_))) {
        if let Some(r) = consume_generator(vm, "sum", &[args[0], acc]) {
            return r;
        }
    }
    let it = vm.get_iter(args[0])?;
    let mark = vm.roots.len();
    vm.roots.push(it);
    let r = (|| {
        // Float sums use compensated-free left-to-right addition like CPython's fast path.
        while let Some(x) = vm.next(it)? {
            acc = vm.binary_op(acc, x, BinOp::Add)?;
            vm.roots.push(acc);
        }
        Ok(acc)
    })();
    vm.roots.truncate(mark);
    r
}

fn abs(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "abs", args, 1, 1)?;
    match args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Ok(Value::Int(a)),
            None => Ok(vm.new_int(num_bigint::BigInt::from(i).magnitude().clone().into())),
        },
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
            let Kind::BigInt(b) = &o.kind else { unreachable!() };
            let r = num_traits::Signed::abs(b);
            Ok(vm.new_int(r))
        }
        v => {
            let c = vm.type_of(v);
            let n = vm.names.abs;
            match vm.class_lookup(c, n) {
                Some(f) => vm.call(f, &[v], &[]),
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("bad operand type for abs(): '{}'", tn)))
                }
            }
        }
    }
}

/// Sorts values in place with an optional key function, stably (a merge sort that
/// compares with `<` only, as CPython's list.sort does).
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(items);
    let r = (|| {
        let keys: Vec<Value> = match key {
            Some(k) => {
                let mut ks = Vec::with_capacity(items.len());
                for &it in items.iter() {
                    let kv = vm.call(k, &[it], &[])?;
                    vm.roots.push(kv);
                    ks.push(kv);
                }
                ks
            }
            None => items.clone(),
        };
        let mut idx: Vec<usize> = (0..items.len()).collect();
        if reverse {
            idx.reverse();
        }
        // Merge sort on indices; `less(a, b)` = keys[a] < keys[b].
        let mut err = None;
        let mut less = |a: usize, b: usize, vm: &mut Vm| -> bool {
            if err.is_some() {
                return false;
            }
            match (keys[a], keys[b]) {
                (Value::Int(x), Value::Int(y)) => x < y,
                (Value::Float(x), Value::Float(y)) => x < y,
                (ka, kb) => match simple_less(ka, kb).map_or_else(|| vm.compare_bool(ka, kb, CmpOp::Lt), Ok) {
                    Ok(r) => r,
                    Err(e) => {
                        err = Some(e);
                        false
                    }
                },
            }
        };
        merge_sort(&mut idx, &mut |a, b| less(a, b, vm));
        if let Some(e) = err {
            return Err(e);
        }
        if reverse {
            // Stable reverse sort: sort the reversed sequence, then reverse the result.
            idx.reverse();
        }
        let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
        *items = sorted;
        Ok(())
    })();
    vm.roots.truncate(mark);
    r
}

/// `p < q` for two strs, or two tuples decided by ints, floats and strs alone (the common
/// sort keys), without the general comparison's dispatch; None otherwise.
fn simple_less(a: Value, b: Value) -> Option<bool> {
    let (Value::Obj(p), Value::Obj(q)) = (a, b) else { return None };
    match (&p.kind, &q.kind) {
        (Kind::Str(s), Kind::Str(t)) => Some(s.s < t.s),
        (Kind::Tuple(x), Kind::Tuple(y)) => crate::ops::compare_items_simple(x, y, CmpOp::Lt),
        _ => None,
    }
}

fn merge_sort(v: &mut [usize], less: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n <= 1 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], less);
    merge_sort(&mut v[mid..], less);
    if !less(v[mid], v[mid - 1]) {
        return;
    }
    let left = v[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < n {
        if less(v[j], left[i]) {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    check_kw(vm, "sort", kw, &["key", "reverse"])?;
    let mut items = vm.collect_iter(args[0])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let l = vm.new_list(Vec::new());
    vm.roots.push(l);
    let r = sort_values(vm, &mut items, key, reverse);
    vm.roots.pop();
    r?;
    if let Some(Kind::List(lst)) = l.as_obj().map(|o| o.kind()) {
        *lst.borrow_mut() = items;
    }
    Ok(l)
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "getattr", args, 2, 3)?;
    let name = match args[1].as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => vm.intern(&s),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)));
        }
    };
    if args.len() == 3 {
        match vm.get_attr(args[0], name) {
            Ok(v) => Ok(v),
            Err(e) if vm.err_matches(&e, vm.exc.AttributeError) => Ok(args[2]),
            Err(e) => Err(e),
        }
    } else {
        vm.get_attr(args[0], name)
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "setattr", args, 3, 3)?;
    let name = match args[1].as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => vm.intern(&s),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)));
        }
    };
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "hasattr", args, 2, 2)?;
    let name = match args[1].as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => vm.intern(&s),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)));
        }
    };
    match vm.get_attr(args[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_matches(&e, vm.exc.AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "delattr", args, 2, 2)?;
    let name = super::core::attr_name(vm, args[1])?;
    vm.del_attr(args[0], name)?;
    Ok(Value::None)
}

fn id(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "id", args, 1, 1)?;
    Ok(match args[0] {
        Value::Obj(o) => Value::Int(o.addr() as i64),
        Value::Int(i) => Value::Int(i.wrapping_mul(16) ^ 0x7f00_0000_0000),
        Value::Float(f) => Value::Int((f.to_bits() >> 4) as i64),
        Value::Bool(b) => Value::Int(0x7e00_0000_0000 + b as i64 * 32),
        _ => Value::Int(0x7d00_0000_0000),
    })
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(args[0])?))
}

/// Whether a value can be called.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Function(_) | Kind::Native(_) | Kind::BoundMethod(..) | Kind::Class(_)) => true,
        Some(Kind::Instance(i)) => {
            let c = i.class.get();
            let n = vm.names.call;
            vm.class_lookup(c, n).is_some()
        }
        _ => false,
    }
}

fn callable(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(vm, args[0])))
}

fn chr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "chr", args, 1, 1)?;
    let i = int_arg(vm, args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.new_str(c.to_string())),
        None if (0..0x110000).contains(&i) => Ok(vm.new_str("\u{fffd}")),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "ord", args, 1, 1)?;
    match args[0].as_obj().map(|o| o.kind()) {
        Some(Kind::Str(s)) => {
            if s.nchars != 1 {
                return Err(
                    vm.type_error(format!("ord() expected a character, but string of length {} found", s.nchars))
                );
            }
            Ok(Value::Int(s.s.chars().next().unwrap() as i64))
        }
        Some(Kind::Bytes(b)) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        _ => {
            let tn = vm.type_name(args[0]);
            Err(vm.type_error(format!("ord() expected string of length 1, but {} found", tn)))
        }
    }
}

fn any(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "any", args, 1, 1)?;
    if let Some(r) = consume_generator(vm, "any", args) {
        return r;
    }
    let it = vm.get_iter(args[0])?;
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            if vm.truthy(x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    })();
    vm.roots.pop();
    r
}

fn all(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "all", args, 1, 1)?;
    if let Some(r) = consume_generator(vm, "all", args) {
        return r;
    }
    let it = vm.get_iter(args[0])?;
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            if !vm.truthy(x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    })();
    vm.roots.pop();
    r
}

fn enumerate(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(iterable) = arg_or_kw(args, 0, kw, "iterable") else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = arg_or_kw(args, 1, kw, "start").unwrap_or(Value::Int(0));
    if !matches!(start, Value::Int(_)) && !matches!(start.as_obj().map(|o| o.kind()), Some(Kind::BigInt(_))) {
        let tn = vm.type_name(start);
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
    }
    let it = vm.get_iter(iterable)?;
    Ok(vm.new_iter(IterState::Enumerate { it, n: start }))
}

fn zip(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_kw(vm, "zip", kw, &["strict"])?;
    let mut its = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        match vm.get_iter(*a) {
            Ok(it) => its.push(it),
            Err(e) => {
                if vm.err_matches(&e, vm.exc.TypeError) {
                    let tn = vm.type_name(*a);
                    let _ = tn;
                    return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)));
                }
                return Err(e);
            }
        }
    }
    Ok(vm.new_iter(IterState::Zip { its }))
}

fn map(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(vm.get_iter(*a)?);
    }
    Ok(vm.new_iter(IterState::Map { f: args[0], its }))
}

fn filter(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "filter", args, 2, 2)?;
    let it = vm.get_iter(args[1])?;
    Ok(vm.new_iter(IterState::Filter { f: args[0], it }))
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "reversed", args, 1, 1)?;
    let v = args[0];
    let c = vm.type_of(v);
    let rn = vm.names.reversed;
    if let Some(Kind::Instance(_)) = v.as_obj().map(|o| o.kind()) {
        if let Some(f) = vm.class_lookup(c, rn) {
            return vm.call(f, &[v], &[]);
        }
    }
    // A class whose metaclass defines __reversed__ (enums).
    if let Some(f) = v.as_obj().and_then(|o| vm.meta_method(o, rn)) {
        return vm.call(f, &[v], &[]);
    }
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Dict(d)) => {
            let keys = d.borrow().keys();
            let l = vm.new_list(keys);
            let n = vm.len(l)?;
            return Ok(vm.new_iter(IterState::Reversed { seq: l, idx: n }));
        }
        Some(Kind::Set(_) | Kind::FrozenSet(_) | Kind::Iter(_) | Kind::Generator(_)) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{}' object is not reversible", tn)));
        }
        _ => {}
    }
    let gi = vm.names.getitem;
    let has_getitem = matches!(
        v.as_obj().map(|o| o.kind()),
        Some(Kind::List(_) | Kind::Tuple(_) | Kind::Str(_) | Kind::Range(_) | Kind::Bytes(_) | Kind::ByteArray(_))
    ) || vm.class_lookup(c, gi).is_some();
    if !has_getitem {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{}' object is not reversible", tn)));
    }
    let n = vm.len(v)?;
    Ok(vm.new_iter(IterState::Reversed { seq: v, idx: n }))
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    let is_num = |v: &Value| {
        matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_))
            || matches!(v.as_obj().map(|o| o.kind()), Some(Kind::BigInt(_)))
    };
    if is_num(&a) && is_num(&b) {
        let q = vm.binary_op(a, b, BinOp::FloorDiv)?;
        let r = vm.binary_op(a, b, BinOp::Mod)?;
        return Ok(vm.new_tuple(vec![q, r]));
    }
    let (ca, cb) = (vm.type_of(a), vm.type_of(b));
    let (f, r) = (vm.intern("__divmod__"), vm.intern("__rdivmod__"));
    if let Some(m) = vm.class_lookup(ca, f) {
        let res = vm.call(m, &[a, b], &[])?;
        if !res.is(&vm.not_implemented) {
            return Ok(res);
        }
    }
    if let Some(m) = vm.class_lookup(cb, r) {
        let res = vm.call(m, &[b, a], &[])?;
        if !res.is(&vm.not_implemented) {
            return Ok(res);
        }
    }
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", na, nb)))
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let base = arg_or_kw(args, 0, kw, "base");
    let exp = arg_or_kw(args, 1, kw, "exp");
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    let m = arg_or_kw(args, 2, kw, "mod").filter(|m| !m.is_none());
    match m {
        None => vm.binary_op(base, exp, BinOp::Pow),
        Some(m) => super::num::pow_mod(vm, base, exp, m),
    }
}

fn round(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(x) = arg_or_kw(args, 0, kw, "number") else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = arg_or_kw(args, 1, kw, "ndigits").filter(|v| !v.is_none());
    super::num::round(vm, x, nd)
}

fn int_text(vm: &mut Vm, v: Value, base: u32, prefix: &str) -> PyResult<Value> {
    let b = match v {
        Value::Int(i) => num_bigint::BigInt::from(i),
        Value::Bool(b) => num_bigint::BigInt::from(b as i64),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
            let Kind::BigInt(b) = &o.kind else { unreachable!() };
            b.clone()
        }
        _ => num_bigint::BigInt::from(vm.to_index(v)?),
    };
    let neg = num_traits::Signed::is_negative(&b);
    let digits = crate::format::int_to_str_radix(&num_traits::Signed::abs(&b), base);
    Ok(vm.new_str(format!("{}{}{}", if neg { "-" } else { "" }, prefix, digits)))
}

fn bin(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "bin", args, 1, 1)?;
    int_text(vm, args[0], 2, "0b")
}

fn oct(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "oct", args, 1, 1)?;
    int_text(vm, args[0], 8, "0o")
}

fn hex(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "hex", args, 1, 1)?;
    int_text(vm, args[0], 16, "0x")
}

fn current_globals(vm: &Vm) -> Option<ObjRef> {
    vm.frames.last().map(|f| f.globals)
}

fn vars(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "vars", args, 0, 1)?;
    if args.is_empty() {
        return locals(vm, args, &[]);
    }
    let dn = vm.names.dict;
    match vm.get_attr_opt(args[0], dn)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    match current_globals(vm) {
        Some(g) => Ok(Value::Obj(g)),
        None => Ok(vm.new_dict(Default::default())),
    }
}

fn locals(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(frame) = vm.frames.last() else { return Ok(vm.new_dict(Default::default())) };
    if let Some(ns) = frame.locals {
        return Ok(Value::Obj(ns));
    }
    let code = frame.code.clone();
    let base = frame.base;
    let mut d = crate::dict::Dict::new();
    for (i, name) in code.varnames.iter().enumerate() {
        let v = vm.stack[base + i];
        if !v.is_undef() {
            if let Kind::Str(s) = &name.kind {
                d.push(s.hash(), Value::Obj(*name), v);
            }
        }
    }
    Ok(vm.new_dict(d))
}

fn dir(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "dir", args, 0, 1)?;
    if args.is_empty() {
        let l = locals(vm, args, &[])?;
        let mut keys = vm.collect_iter(l)?;
        sort_values(vm, &mut keys, None, false)?;
        return Ok(vm.new_list(keys));
    }
    let v = args[0];
    let mut names: Vec<String> = Vec::new();
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Module(m)) => {
            for (k, _) in m.dict.as_dict().unwrap().borrow().iter() {
                if let Some(s) = k.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
                    names.push(s);
                }
            }
        }
        Some(Kind::Class(c)) => {
            let cls = v.as_obj().unwrap();
            crate::builtins::core::dir_class_names(vm, cls, &mut names);
            for m in c.mro.borrow().iter() {
                for (k, _) in m.as_class().unwrap().dict.as_dict().unwrap().borrow().iter() {
                    if let Some(s) = k.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
                        names.push(s);
                    }
                }
            }
        }
        _ => {
            let r = vm.call_method(v, "__dir__", &[])?;
            for x in vm.collect_iter(r)? {
                if let Some(s) = x.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
                    names.push(s);
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn input(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str_of(*p)?;
        vm.write_to(None, &s)?;
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => {
            let c = vm.exc.EOFError;
            Err(vm.err(c, "EOF when reading a line"))
        }
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(line))
        }
        Err(e) => {
            let c = vm.exc.OSError;
            Err(vm.err(c, e.to_string()))
        }
    }
}

fn exec_or_eval(vm: &mut Vm, args: &[Value], mode: crate::compiler::Mode, name: &str) -> PyResult<Value> {
    check_args(vm, name, args, 1, 3)?;
    let src = match args[0].as_obj().map(|o| o.kind()) {
        Some(Kind::Str(s)) => s.s.to_string(),
        Some(Kind::Code(_)) => {
            let g = args.get(1).and_then(|v| v.as_obj()).or_else(|| current_globals(vm)).unwrap();
            return vm.run_code(args[0].as_obj().unwrap(), g, args.get(2).and_then(|v| v.as_obj()));
        }
        _ => return Err(vm.type_error(format!("{}() arg 1 must be a string, bytes or code object", name))),
    };
    let globals = match args.get(1).filter(|v| !v.is_none()) {
        Some(g) => match g.as_obj().filter(|o| o.as_dict().is_some()) {
            Some(d) => d,
            None => {
                let tn = vm.type_name(*g);
                return Err(vm.type_error(format!("{}() globals must be a dict, not {}", name, tn)));
            }
        },
        None => current_globals(vm).unwrap_or(vm.builtins_dict),
    };
    let locals = args.get(2).filter(|v| !v.is_none()).and_then(|v| v.as_obj()).or_else(|| {
        if args.len() < 2 {
            vm.frames.last().and_then(|f| f.locals)
        } else {
            None
        }
    });
    let src = if matches!(mode, crate::compiler::Mode::Eval) { src.trim_start().to_string() } else { src };
    let co = match crate::compiler::compile(&src, "<string>", mode) {
        Ok(c) => c,
        Err(ce) => return Err(vm.syntax_error_from(&ce)),
    };
    vm.sources.insert("<string>".into(), src.into());
    let code = vm.load_code(std::rc::Rc::new(co));
    vm.roots.push(Value::Obj(code));
    let r = vm.run_code(code, globals, locals);
    vm.roots.pop();
    r
}

fn exec(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    exec_or_eval(vm, args, crate::compiler::Mode::Exec, "exec")?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    exec_or_eval(vm, args, crate::compiler::Mode::Eval, "eval")
}

fn import_fn(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(name) = arg_or_kw(args, 0, kw, "name") else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let name = str_arg(vm, &name, "__import__() argument 1")?.to_string();
    let fromlist = arg_or_kw(args, 3, kw, "fromlist").unwrap_or(Value::None);
    let level = match arg_or_kw(args, 4, kw, "level") {
        Some(Value::Int(l)) => l as usize,
        _ => 0,
    };
    let g = current_globals(vm).unwrap_or(vm.builtins_dict);
    vm.import(&name, level, fromlist, g)
}
