//! Exception objects: BaseException's methods, and tracebacks formatted as CPython
//! prints them (chained exceptions, repeated-frame folding, SyntaxError layout).

use super::args::*;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{class_name, is_subclass};
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let be = vm.exc.BaseException;
    vm.add_method(be, "__init__", exc_init);
    vm.add_method(be, "__str__", exc_str);
    vm.add_method(be, "__repr__", exc_repr);
    vm.add_method(be, "with_traceback", exc_with_traceback);
    vm.add_method(be, "add_note", exc_add_note);
    let ke = vm.exc.KeyError;
    vm.add_method(ke, "__str__", keyerror_str);
    let ose = vm.exc.OSError;
    vm.add_method(ose, "__init__", oserror_init);
    vm.add_method(ose, "__str__", oserror_str);
    for n in ["errno", "strerror", "filename", "filename2"] {
        vm.set_class_attr(ose, n, Value::None);
    }
    // ExceptionGroup(BaseExceptionGroup, Exception).
    let (beg, eg, exc) = (vm.exc.BaseExceptionGroup, vm.exc.ExceptionGroup, vm.exc.Exception);
    if let Ok(mro) = crate::ops::compute_mro(vm, eg, &[beg, exc]) {
        let c = eg.as_class().unwrap();
        *c.bases.borrow_mut() = vec![beg, exc];
        *c.mro.borrow_mut() = mro;
    }
    vm.add_method(beg, "__str__", |vm, a, _| group_call(vm, "_str", a, 0));
    vm.add_method(beg, "subgroup", |vm, a, _| group_call(vm, "subgroup", a, 1));
    vm.add_method(beg, "split", |vm, a, _| group_call(vm, "split", a, 1));
    vm.add_method(beg, "derive", |vm, a, _| group_call(vm, "derive", a, 1));
}

/// Calls `name(self, *args)` of the embedded `_exceptiongroup` module for a method of
/// BaseExceptionGroup taking `n_args` arguments.
fn group_call(vm: &mut Vm, name: &str, args: &[Value], n_args: usize) -> PyResult<Value> {
    let short = name.trim_start_matches('_');
    if !args.first().is_some_and(|v| isinstance_group(vm, *v)) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a 'BaseExceptionGroup' object",
            if short == "str" { "__str__" } else { short }
        )));
    }
    if args.len() != n_args + 1 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.{}() takes exactly one argument ({} given)",
            short,
            args.len() - 1
        )));
    }
    let f = group_module_fn(vm, name)?;
    vm.call(f, args, &[])
}

fn isinstance_group(vm: &Vm, v: Value) -> bool {
    v.as_obj().is_some_and(|o| o.exc_data().is_some()) && is_subclass(vm.type_of(v), vm.exc.BaseExceptionGroup)
}

fn group_module_fn(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let g = vm.builtins_dict;
    let m = vm.import("_exceptiongroup", 0, Value::None, g)?;
    let n = vm.intern(name);
    vm.get_attr(m, n)
}

/// The class `cls(*args)` makes for a BaseExceptionGroup subclass `cls` (ExceptionGroup
/// for a BaseExceptionGroup of Exceptions), after checking the arguments.
pub fn group_class(vm: &mut Vm, cls: ObjRef, args: &[Value], has_kw: bool) -> PyResult<ObjRef> {
    let f = group_module_fn(vm, "_new_class")?;
    let t = vm.new_tuple(args.to_vec());
    vm.roots.push(t);
    let r = vm.call(f, &[Value::Obj(cls), t, Value::Bool(has_kw)], &[]);
    vm.roots.pop();
    match r?.as_obj() {
        Some(c) if c.as_class().is_some() => Ok(c),
        _ => Ok(cls),
    }
}

/// Sets `message` and `exceptions` (a tuple) of a new exception group from its
/// (already checked) arguments.
pub fn group_fields(vm: &mut Vm, inst: Value, args: &[Value]) -> PyResult<()> {
    let (Some(&msg), Some(&excs)) = (args.first(), args.get(1)) else { return Ok(()) };
    let items = vm.collect_iter(excs)?;
    let t = vm.new_tuple(items);
    if let Some(i) = inst.as_obj().and_then(|o| o.as_instance()) {
        let (km, ke) = (vm.intern("message"), vm.intern("exceptions"));
        vm.store_instance_attr(i, km, msg);
        vm.store_instance_attr(i, ke, t);
    }
    Ok(())
}

/// The OSError subclass CPython's `OSError(errno, ...)` constructor picks for an errno.
pub fn oserror_subclass(vm: &Vm, args: &[Value]) -> Option<ObjRef> {
    if !(2..=5).contains(&args.len()) {
        return None;
    }
    let Value::Int(e) = args[0] else { return None };
    let x = &vm.exc;
    Some(match e {
        1 | 13 => x.PermissionError,
        2 => x.FileNotFoundError,
        3 => x.ProcessLookupError,
        4 => x.InterruptedError,
        10 => x.ChildProcessError,
        11 | 114 | 115 => x.BlockingIOError,
        17 => x.FileExistsError,
        20 => x.NotADirectoryError,
        21 => x.IsADirectoryError,
        32 | 108 => x.BrokenPipeError,
        103 => x.ConnectionAbortedError,
        104 => x.ConnectionResetError,
        110 => x.TimeoutError,
        111 => x.ConnectionRefusedError,
        _ => return None,
    })
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: with two to five
/// arguments the attributes are set and `args` keeps only `(errno, strerror)`.
fn oserror_init(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let o = exc_data(vm, args[0])?;
    let a = &args[1..];
    let kept = if (3..=5).contains(&a.len()) { &a[..2] } else { a };
    let t = vm.new_tuple(kept.to_vec());
    o.exc_data().unwrap().borrow_mut().args = t;
    if (2..=5).contains(&a.len()) {
        if let Some(inst) = o.as_instance() {
            let names = ["errno", "strerror", "filename", "", "filename2"];
            for (n, v) in names.iter().zip(a.iter()) {
                if !n.is_empty() {
                    let k = vm.intern(n);
                    vm.store_instance_attr(inst, k, *v);
                }
            }
        }
    }
    Ok(Value::None)
}

fn oserror_str(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let o = exc_data(vm, args[0])?;
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = vm.intern(n);
        Ok(vm.get_attr_opt(Value::Obj(o), k)?.unwrap_or(Value::None))
    };
    let errno = get(vm, "errno")?;
    let strerror = get(vm, "strerror")?;
    let filename = get(vm, "filename")?;
    let filename2 = get(vm, "filename2")?;
    if !filename.is_none() {
        let (e, s, f) = (vm.str_of(errno)?, vm.str_of(strerror)?, vm.repr(filename)?);
        let msg = if filename2.is_none() {
            format!("[Errno {}] {}: {}", e, s, f)
        } else {
            format!("[Errno {}] {}: {} -> {}", e, s, f, vm.repr(filename2)?)
        };
        return Ok(vm.new_str(msg));
    }
    if !errno.is_none() && !strerror.is_none() {
        let (e, s) = (vm.str_of(errno)?, vm.str_of(strerror)?);
        return Ok(vm.new_str(format!("[Errno {}] {}", e, s)));
    }
    exc_str(vm, args, &[])
}

fn exc_data(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(o) if o.exc_data().is_some() => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn exc_init(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let o = exc_data(vm, args[0])?;
    let t = vm.new_tuple(args[1..].to_vec());
    o.exc_data().unwrap().borrow_mut().args = t;
    Ok(Value::None)
}

fn exc_args(o: ObjRef) -> Vec<Value> {
    o.exc_data()
        .and_then(|d| d.borrow().args.as_obj().and_then(|t| t.as_tuple().map(|t| t.to_vec())))
        .unwrap_or_default()
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let o = exc_data(vm, args[0])?;
    let a = exc_args(o);
    match a.len() {
        0 => Ok(vm.new_str("")),
        1 => vm.str_value(a[0]),
        _ => {
            let t = vm.new_tuple(a);
            let s = vm.repr(t)?;
            Ok(vm.new_str(s))
        }
    }
}

fn keyerror_str(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let o = exc_data(vm, args[0])?;
    let a = exc_args(o);
    if a.len() == 1 {
        let s = vm.repr(a[0])?;
        return Ok(vm.new_str(s));
    }
    exc_str(vm, args, &[])
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let o = exc_data(vm, args[0])?;
    let a = exc_args(o);
    let name = class_name(vm.type_of(args[0]));
    let s = if a.len() == 1 {
        format!("{}({})", name, vm.repr(a[0])?)
    } else {
        let t = vm.new_tuple(a);
        format!("{}{}", name, vm.repr(t)?)
    };
    Ok(vm.new_str(s))
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "with_traceback", args, 1, 1)?;
    Ok(args[0])
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "add_note", args, 1, 1)?;
    Ok(Value::None)
}

// -- Traceback formatting ----------------------------------------------------------------------

impl Vm {
    /// The last line of a traceback: `Type: message` (or just `Type`).
    pub fn exception_line(&mut self, e: ObjRef) -> String {
        let cls = self.type_of(Value::Obj(e));
        let c = cls.as_class().unwrap();
        let module = c.module.borrow().clone();
        let qual = c.qualname.borrow().clone();
        let name = if module == "builtins" || module == "__main__" { qual } else { format!("{}.{}", module, qual) };
        let msg = match self.str_of(Value::Obj(e)) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    /// The source line `line` of `filename` (1-based), if known.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        // Like CPython, no source text for `-c`, stdin and exec'd strings.
        if filename.starts_with('<') {
            return None;
        }
        let src = self.sources.get(filename)?;
        src.lines().nth(line.checked_sub(1)? as usize).map(|l| l.trim().to_string())
    }

    /// Formats an exception with its traceback and chained exceptions, as CPython prints
    /// an uncaught exception.
    pub fn format_exception(&mut self, e: ObjRef) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(e, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, e: ObjRef, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(e.addr());
        if let Some(d) = e.exc_data() {
            let (cause, context, suppress) = {
                let d = d.borrow();
                (d.cause, d.context, d.suppress_context)
            };
            if let Value::Obj(c) = cause {
                if !seen.contains(&c.addr()) && c.exc_data().is_some() {
                    self.format_chain(c, out, seen);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                }
            } else if let Value::Obj(c) = context {
                if !suppress && !seen.contains(&c.addr()) && c.exc_data().is_some() {
                    self.format_chain(c, out, seen);
                    out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
                }
            }
        }
        self.format_one(e, out);
    }

    fn format_one(&mut self, e: ObjRef, out: &mut String) {
        let tb: Vec<TbEntry> = e.exc_data().map(|d| d.borrow().traceback.clone()).unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0usize;
            let flush = |out: &mut String, repeat: usize| {
                if repeat > 3 {
                    let n = repeat - 3;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        n,
                        if n == 1 { "" } else { "s" }
                    ));
                }
            };
            for entry in tb.iter().rev() {
                let Some(code) = entry.code.as_code() else { continue };
                let key = (code.co.filename.to_string(), entry.line, code.co.name.clone());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat > 3 {
                        continue;
                    }
                } else {
                    flush(out, repeat);
                    repeat = 1;
                    last = Some(key);
                }
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.co.filename, entry.line, code.co.name));
                if let Some(src) = self.source_line(&code.co.filename, entry.line) {
                    if !src.is_empty() {
                        out.push_str(&format!("    {}\n", src));
                    }
                }
            }
            flush(out, repeat);
        }
        let cls = self.type_of(Value::Obj(e));
        let se = self.exc.SyntaxError;
        if is_subclass(cls, se) {
            self.format_syntax_error(e, out);
            return;
        }
        let line = self.exception_line(e);
        out.push_str(&line);
        out.push('\n');
    }

    fn format_syntax_error(&mut self, e: ObjRef, out: &mut String) {
        let get = |vm: &mut Vm, n: &str| -> Value {
            let k = vm.intern(n);
            vm.get_attr_opt(Value::Obj(e), k).ok().flatten().unwrap_or(Value::None)
        };
        let filename = get(self, "filename");
        let lineno = get(self, "lineno");
        let offset = get(self, "offset");
        let end_offset = get(self, "end_offset");
        let text = get(self, "text");
        let msg = get(self, "msg");
        if let (Some(f), Value::Int(l)) = (filename.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())), lineno) {
            out.push_str(&format!("  File \"{}\", line {}\n", f, l));
        }
        if let Some(t) = text.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
            let line = t.trim_end_matches(['\n', '\r']);
            let stripped = line.trim_start();
            let indent = line.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            if let Value::Int(off) = offset {
                let start = (off as usize).saturating_sub(1).saturating_sub(indent);
                let end = match end_offset {
                    Value::Int(eo) if eo > off => (eo as usize).saturating_sub(1).saturating_sub(indent),
                    _ => start + 1,
                };
                let width = end.saturating_sub(start).max(1);
                out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
            }
        }
        let cls = self.type_of(Value::Obj(e));
        let name = class_name(cls);
        let m = msg
            .as_obj()
            .and_then(|o| o.as_str().map(|s| s.to_string()))
            .unwrap_or_else(|| self.str_of(Value::Obj(e)).unwrap_or_default());
        out.push_str(&format!("{}: {}\n", name, m));
    }

    /// A SyntaxError (or subclass) exception from a compile error.
    pub fn syntax_error_from(&mut self, ce: &crate::compiler::CompileError) -> PyErr {
        let cls = match ce.kind {
            crate::compiler::CompileErrorKind::IndentationError => self.exc.IndentationError,
            crate::compiler::CompileErrorKind::TabError => self.exc.TabError,
            _ => self.exc.SyntaxError,
        };
        let msg = self.new_str(ce.msg.as_str());
        let e = self.new_exception(cls, vec![msg]);
        let inst = e.as_instance().unwrap();
        let set = |vm: &mut Vm, n: &str, v: Value| {
            let k = vm.intern(n);
            vm.store_instance_attr(inst, k, v);
        };
        set(self, "msg", msg);
        let f = self.new_str(ce.filename.as_str());
        set(self, "filename", f);
        set(self, "lineno", Value::Int(ce.line as i64));
        set(self, "offset", Value::Int(ce.col as i64));
        set(self, "end_offset", Value::Int(ce.end_col as i64));
        let t = match &ce.text {
            Some(t) => self.new_str(t.as_str()),
            None => Value::None,
        };
        set(self, "text", t);
        PyErr(e)
    }
}
