//! Native modules: sys, gc, _time (under the embedded time.py), math and dis. Each is an initialiser registered by
//! name and run on first import.

pub mod array;
pub mod bisect;
pub mod collections;
pub mod fileio;
pub mod functools;
pub mod heapq;
pub mod itertools;
pub mod json;
pub mod math;
pub mod operator;
pub mod params;
pub mod posix;
pub mod random;
pub mod sizeof;

use crate::builtins::args::*;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub fn register(vm: &mut Vm) {
    vm.register_native_module("sys", sys_init);
    vm.register_native_module("gc", gc_init);
    vm.register_native_module("_time", time_init);
    vm.embedded_modules.insert("time", include_str!("py/time.py"));
    vm.embedded_modules.insert("_consume", include_str!("py/_consume.py"));
    vm.embedded_modules.insert("_exceptiongroup", include_str!("py/_exceptiongroup.py"));
    vm.register_native_module("math", math::init);
    vm.register_native_module("dis", dis_init);
    vm.register_native_module("_random", random::init);
    vm.embedded_modules.insert("random", include_str!("py/random.py"));
    vm.register_native_module("itertools", itertools::init);
    vm.register_native_module("_operator", operator::init);
    vm.embedded_modules.insert("operator", include_str!("py/operator.py"));
    vm.register_native_module("_heapq", heapq::init);
    vm.embedded_modules.insert("heapq", include_str!("py/heapq.py"));
    vm.register_native_module("_bisect", bisect::init);
    vm.embedded_modules.insert("bisect", include_str!("py/bisect.py"));
    vm.register_native_module("_functools", functools::init);
    vm.embedded_modules.insert("functools", include_str!("py/functools.py"));
    vm.embedded_modules.insert("_collections_abc", include_str!("py/_collections_abc.py"));
    vm.register_native_module("_collections", collections::init);
    vm.embedded_modules.insert("collections", include_str!("py/collections.py"));
    vm.embedded_modules.insert("collections.abc", include_str!("py/collections_abc.py"));
    vm.embedded_modules.insert("copy", include_str!("py/copy.py"));
    vm.embedded_modules.insert("string", include_str!("py/string.py"));
    vm.register_native_module("array", array::init);
    vm.embedded_modules.insert("__future__", include_str!("py/__future__.py"));
    vm.embedded_modules.insert("enum", include_str!("py/enum.py"));
    vm.embedded_modules.insert("dataclasses", include_str!("py/dataclasses.py"));
    vm.embedded_modules.insert("typing", include_str!("py/typing.py"));
    vm.embedded_modules.insert("types", include_str!("py/types.py"));
    vm.embedded_modules.insert("_bigrange", include_str!("py/_bigrange.py"));
    vm.embedded_modules.insert("abc", include_str!("py/abc.py"));
    // stdout/stderr objects exist from the start (print uses them).
    let textio = vm.types.textio;
    let shape = vm.shapes.root();
    for fd in [1i64, 2] {
        let o = vm.alloc(Kind::Instance(Instance {
            class: Cell::new(textio),
            shape: Cell::new(shape),
            slots: RefCell::new(vec![]),
            payload: Payload::Builtin(Cell::new(Value::Int(fd))),
        }));
        if fd == 1 {
            vm.stdout_obj = Value::Obj(o);
        } else {
            vm.stderr_obj = Value::Obj(o);
        }
    }
    vm.register_native_module("_io", fileio::init);
    vm.embedded_modules.insert("io", include_str!("py/io.py"));
    fileio::register(vm);
    vm.register_native_module("posix", posix::init);
    vm.embedded_modules.insert("os", include_str!("py/os.py"));
    vm.embedded_modules.insert("posixpath", include_str!("py/posixpath.py"));
    vm.register_native_module("_json", json::init);
    vm.embedded_modules.insert("json", include_str!("py/json.py"));
    vm.embedded_modules.insert("json.decoder", "from json import JSONDecoder, JSONDecodeError, scanstring\n");
    vm.embedded_modules
        .insert("json.encoder", "from json import JSONEncoder, encode_basestring, encode_basestring_ascii\n");
    // sys is imported eagerly: print and tracebacks consult it.
    let sys = sys_init(vm).expect("sys");
    let k = vm.intern("sys");
    crate::ops::dict_set_str(vm.modules, k, Value::Obj(sys));
    let b = vm.builtins;
    let bk = vm.intern("builtins");
    crate::ops::dict_set_str(vm.modules, bk, Value::Obj(b));
}

fn sys_init(vm: &mut Vm) -> PyResult<ObjRef> {
    let key = vm.intern("sys");
    if let Some(m) = crate::ops::dict_get_str(vm.modules, key).and_then(|v| v.as_obj()) {
        return Ok(m);
    }
    let m = vm.new_module("sys");
    let argv: Vec<Value> = vm.options.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    vm.module_set(m, "argv", argv);
    let path: Vec<Value> = vm.options.path.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let path = vm.new_list(path);
    vm.module_set(m, "path", path);
    let (so, se) = (vm.stdout_obj, vm.stderr_obj);
    vm.module_set(m, "stdout", so);
    vm.module_set(m, "stderr", se);
    vm.module_set(m, "__stdout__", so);
    vm.module_set(m, "__stderr__", se);
    let si = fileio::stdin_object(vm);
    vm.module_set(m, "stdin", si);
    vm.module_set(m, "__stdin__", si);
    vm.module_set(m, "maxsize", Value::Int(i64::MAX));
    let fin = vm.new_str("final");
    let vi = struct_seq(
        vm,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![Value::Int(3), Value::Int(11), Value::Int(0), fin, Value::Int(0)],
    )?;
    vm.module_set(m, "version_info", vi);
    let fi = struct_seq(
        vm,
        "sys.float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
    )?;
    vm.module_set(m, "float_info", fi);
    let ii = struct_seq(
        vm,
        "sys.int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
        vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)],
    )?;
    vm.module_set(m, "int_info", ii);
    let alg = vm.new_str("siphash13");
    let hi = struct_seq(
        vm,
        "sys.hash_info",
        &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
        vec![
            Value::Int(64),
            Value::Int((1 << 61) - 1),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            alg,
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    )?;
    vm.module_set(m, "hash_info", hi);
    // The flags of a plain `python3 script.py`; dont_write_bytecode follows
    // PYTHONDONTWRITEBYTECODE as CPython's does (krait never writes bytecode files).
    let no_bytecode = std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    let flag_names = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let flag_values = flag_names
        .iter()
        .map(|n| match *n {
            "dont_write_bytecode" => Value::Int(no_bytecode as i64),
            "hash_randomization" => Value::Int(1),
            "dev_mode" | "safe_path" => Value::Bool(false),
            "int_max_str_digits" => Value::Int(-1),
            _ => Value::Int(0),
        })
        .collect();
    let flags = struct_seq(vm, "sys.flags", &flag_names, flag_values)?;
    vm.module_set(m, "flags", flags);
    vm.module_set(m, "hexversion", Value::Int(HEXVERSION));
    // sys.implementation is made on first use (it is a types.SimpleNamespace).
    vm.module_add_fn(m, "__getattr__", sys_getattr);
    let v = vm.new_str(format!("3.11.0 (krait {})", env!("CARGO_PKG_VERSION")));
    vm.module_set(m, "version", v);
    let p = vm.new_str(std::env::consts::OS);
    vm.module_set(m, "platform", p);
    let bo = vm.new_str(if cfg!(target_endian = "little") { "little" } else { "big" });
    vm.module_set(m, "byteorder", bo);
    let exe = vm.new_str(std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default());
    vm.module_set(m, "executable", exe);
    let mods = Value::Obj(vm.modules);
    vm.module_set(m, "modules", mods);
    vm.module_set(m, "maxunicode", Value::Int(0x10ffff));
    let bmn = vm.new_tuple(vec![]);
    vm.module_set(m, "builtin_module_names", bmn);
    vm.module_add_fn(m, "exit", sys_exit);
    vm.module_add_fn(m, "getrecursionlimit", sys_getrecursionlimit);
    vm.module_add_fn(m, "setrecursionlimit", sys_setrecursionlimit);
    vm.module_add_fn(m, "exc_info", sys_exc_info);
    vm.module_add_fn(m, "exception", sys_exception);
    vm.module_add_fn(m, "getsizeof", sizeof::sys_getsizeof);
    vm.module_add_fn(m, "intern", sys_intern);
    vm.module_add_fn(m, "getdefaultencoding", |vm, _, _| Ok(vm.new_str("utf-8")));
    vm.module_add_fn(m, "getfilesystemencoding", |vm, _, _| Ok(vm.new_str("utf-8")));
    Ok(m)
}

/// A named tuple-like value (CPython's struct sequences such as `sys.version_info`):
/// a tuple subclass instance with the fields also readable as attributes.
pub fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], values: Vec<Value>) -> PyResult<Value> {
    let tuple = vm.types.tuple;
    let ns = vm.new_dict(crate::dict::Dict::new()).as_obj().unwrap();
    let cls = crate::builtins::core::new_class(vm, name, vec![tuple], ns)?;
    let (module, short) = name.rsplit_once('.').unwrap_or(("builtins", name));
    *cls.as_class().unwrap().module.borrow_mut() = module.to_string();
    *cls.as_class().unwrap().name.borrow_mut() = short.to_string();
    *cls.as_class().unwrap().qualname.borrow_mut() = short.to_string();
    let t = vm.new_tuple(values.clone());
    let shape = vm.shapes.root();
    let inst = vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(vec![]),
        payload: Payload::Builtin(Cell::new(t)),
    }));
    let inst_ref = inst.as_instance().unwrap();
    for (f, v) in fields.iter().zip(values) {
        let k = vm.intern(f);
        vm.store_instance_attr(inst_ref, k, v);
    }
    let fields_t: Vec<Value> = fields.iter().map(|f| Value::Obj(vm.intern(f))).collect();
    let ft = vm.new_tuple(fields_t);
    vm.set_class_attr(cls, "_fields", ft);
    vm.add_method(cls, "__repr__", struct_seq_repr);
    Ok(Value::Obj(inst))
}

fn struct_seq_repr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let v = args[0];
    let cls = vm.type_of(v);
    let fk = vm.intern("_fields");
    let fields = vm.class_lookup(cls, fk).and_then(|f| crate::ops::seq_items(&f)).unwrap_or_default();
    let items = crate::ops::seq_items(&crate::ops::unwrap_builtin(v)).unwrap_or_default();
    let mut parts = Vec::new();
    for (f, x) in fields.iter().zip(items.iter()) {
        parts.push(format!("{}={}", vm.str_of(*f)?, vm.repr(*x)?));
    }
    let c = cls.as_class().unwrap();
    let name = format!("{}.{}", c.module.borrow(), c.name.borrow());
    Ok(vm.new_str(format!("{}({})", name, parts.join(", "))))
}

/// `sys.hexversion`: 3.11.0 final, like `sys.version_info`.
const HEXVERSION: i64 = 0x030b_00f0;

/// The module `__getattr__` of sys: makes `sys.implementation` on first use, a
/// types.SimpleNamespace(name='krait', cache_tag=None, version=sys.version_info,
/// hexversion=sys.hexversion). cache_tag None says that krait caches no bytecode.
fn sys_getattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__getattr__", args, 1, 1)?;
    let key = vm.intern("sys");
    let sys = crate::ops::dict_get_str(vm.modules, key).and_then(|v| v.as_obj());
    let name = args[0].as_obj().and_then(|o| o.as_str().map(|s| s.to_string())).unwrap_or_default();
    let Some(sys) = sys.filter(|_| name == "implementation") else {
        return Err(vm.attribute_error(format!("module 'sys' has no attribute '{}'", name)));
    };
    let vi_key = vm.intern("version_info");
    let version = match &sys.kind {
        Kind::Module(m) => crate::ops::dict_get_str(m.dict, vi_key),
        _ => None,
    };
    let g = vm.builtins_dict;
    let types = vm.import("types", 0, Value::None, g)?;
    let sn = vm.intern("SimpleNamespace");
    let cls = vm.get_attr(types, sn)?;
    let kname = vm.new_str("krait");
    let kw = [
        (vm.intern("name"), kname),
        (vm.intern("cache_tag"), Value::None),
        (vm.intern("version"), version.unwrap_or(Value::None)),
        (vm.intern("hexversion"), Value::Int(HEXVERSION)),
    ];
    vm.roots.push(kname);
    let r = vm.call(cls, &[], &kw);
    vm.roots.pop();
    let ns = r?;
    vm.module_set(sys, "implementation", ns);
    Ok(ns)
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "exit", args, 0, 1)?;
    let c = vm.exc.SystemExit;
    let a = if args.is_empty() { vec![] } else { vec![args[0]] };
    Err(PyErr(vm.new_exception(c, a)))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    // Less the `_consume` frames of built-ins, which do not count (`Vm::hidden_frames`).
    Ok(Value::Int((vm.recursion_limit - vm.hidden_frames) as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "setrecursionlimit", args, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() - vm.hidden_frames;
    if (n as usize) <= depth {
        return Err(vm.err(
            vm.exc.RecursionError,
            format!("cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", n, depth),
        ));
    }
    vm.recursion_limit = (n as usize).min(10_000_000) + vm.hidden_frames;
    Ok(Value::None)
}

fn sys_exc_info(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let h = vm.handled;
    if h.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.type_of(h));
    Ok(vm.new_tuple(vec![t, h, Value::None]))
}

fn sys_exception(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    Ok(vm.handled)
}

fn sys_intern(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "intern", args, 1, 1)?;
    let s = str_arg(vm, &args[0], "intern() argument")?.to_string();
    Ok(Value::Obj(vm.intern(&s)))
}

fn gc_init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("gc");
    vm.module_add_fn(m, "collect", gc_collect);
    vm.module_add_fn(m, "enable", |_, _, _| Ok(Value::None));
    vm.module_add_fn(m, "disable", |_, _, _| Ok(Value::None));
    vm.module_add_fn(m, "isenabled", |_, _, _| Ok(Value::Bool(true)));
    vm.module_add_fn(m, "heap_stats", gc_heap_stats);
    Ok(m)
}

fn gc_collect(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    // A native call is not a safepoint for the caller's Rust locals, but every value a
    // Python-level `gc.collect()` caller holds is on the VM stack.
    let freed = vm.collect();
    Ok(Value::Int(freed as i64))
}

/// `gc.heap_stats()`: krait-specific (live objects, live bytes, peak bytes, collections).
fn gc_heap_stats(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let s = vm.heap.stats();
    let pairs = [
        ("live_objects", s.live_objects as i64),
        ("live_bytes", s.live_bytes as i64),
        ("peak_bytes", s.peak_bytes as i64),
        ("collections", s.collections as i64),
    ];
    let dv = vm.new_dict(crate::dict::Dict::new());
    for (k, v) in pairs {
        let ks = vm.new_str(k);
        vm.dict_set(dv.as_obj().unwrap(), ks, Value::Int(v))?;
    }
    Ok(dv)
}

fn time_init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_time");
    vm.module_add_fn(m, "time", |_, _, _| Ok(Value::Float(now_secs())));
    vm.module_add_fn(m, "time_ns", |_, _, _| Ok(Value::Int((now_secs() * 1e9) as i64)));
    vm.module_add_fn(m, "perf_counter", time_perf_counter);
    vm.module_add_fn(m, "monotonic", time_perf_counter);
    vm.module_add_fn(m, "process_time", |vm, _, _| Ok(Value::Float(cpu_time_ns(vm) as f64 / 1e9)));
    vm.module_add_fn(m, "process_time_ns", |vm, _, _| Ok(Value::Int(cpu_time_ns(vm))));
    vm.module_add_fn(m, "perf_counter_ns", |vm, _, _| Ok(Value::Int(vm.start_time.elapsed().as_nanos() as i64)));
    vm.module_add_fn(m, "monotonic_ns", |vm, _, _| Ok(Value::Int(vm.start_time.elapsed().as_nanos() as i64)));
    vm.module_add_fn(m, "sleep", time_sleep);
    Ok(m)
}

fn now_secs() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

/// The CPU time of the process in nanoseconds (user and system, all threads), for
/// `time.process_time`: the sum of the threads' on-CPU times from
/// /proc/self/task/*/schedstat; else utime + stime from /proc/self/stat (in clock ticks,
/// taken as 100 Hz); else, where /proc is missing, the time since start.
fn cpu_time_ns(vm: &Vm) -> i64 {
    if let Ok(dir) = std::fs::read_dir("/proc/self/task") {
        let mut total: i64 = 0;
        let mut found = false;
        for entry in dir.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path().join("schedstat")) else { continue };
            if let Some(ns) = text.split_whitespace().next().and_then(|f| f.parse::<i64>().ok()) {
                total = total.saturating_add(ns);
                found = true;
            }
        }
        if found {
            return total;
        }
    }
    if let Ok(text) = std::fs::read_to_string("/proc/self/stat") {
        // The fields after the parenthesised command name; utime and stime are 14 and 15.
        let rest = text.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
        let f: Vec<i64> = rest.split_whitespace().skip(11).take(2).filter_map(|x| x.parse().ok()).collect();
        if f.len() == 2 {
            return (f[0] + f[1]).saturating_mul(10_000_000);
        }
    }
    vm.start_time.elapsed().as_nanos() as i64
}

fn time_perf_counter(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    Ok(Value::Float(vm.start_time.elapsed().as_secs_f64()))
}

fn time_sleep(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "sleep", args, 1, 1)?;
    let s = float_arg(vm, args[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(s);
    // Sleep in slices so Ctrl-C is noticed.
    loop {
        vm.check_interrupt()?;
        let now = std::time::Instant::now();
        if now >= end {
            break;
        }
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
    }
    Ok(Value::None)
}

fn dis_init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("dis");
    vm.module_add_fn(m, "dis", dis_dis);
    Ok(m)
}

/// `dis.dis(x)`: prints what `krait --dis` prints for a function, method, class, code
/// object or source string.
fn dis_dis(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "dis", args, 1, 1)?;
    let mut out = String::new();
    dis_value(vm, args[0], &mut out)?;
    vm.write_to(None, &out)?;
    Ok(Value::None)
}

fn dis_value(vm: &mut Vm, v: Value, out: &mut String) -> PyResult<()> {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Function(f)) => {
            let c = f.code.as_code().unwrap();
            out.push_str(&c.co.to_string());
        }
        Some(Kind::BoundMethod(f, _)) => {
            let f = *f;
            dis_value(vm, f, out)?;
        }
        Some(Kind::Code(c)) => out.push_str(&c.co.to_string()),
        Some(Kind::Str(s)) => match crate::compiler::compile(&s.s, "<dis>", crate::compiler::Mode::Exec) {
            Ok(co) => out.push_str(&co.to_string()),
            Err(ce) => return Err(vm.syntax_error_from(&ce)),
        },
        Some(Kind::Class(c)) => {
            let items: Vec<(Value, Value)> = c.dict.as_dict().unwrap().borrow().iter().collect();
            for (k, item) in items {
                if let Some(Kind::Function(_)) = item.as_obj().map(|o| o.kind()) {
                    let name = vm.str_of(k)?;
                    out.push_str(&format!("Disassembly of {}:\n", name));
                    dis_value(vm, item, out)?;
                    out.push('\n');
                }
            }
        }
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("don't know how to disassemble {} objects", tn)));
        }
    }
    Ok(())
}
