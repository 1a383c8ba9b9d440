//! The `posix` module: the operating-system calls behind `os` (`py/os.py`) and
//! `os.path` (`py/posixpath.py`): the working directory, directories, files' status,
//! the environment, the process id. Errors are OSError subclasses with CPython's
//! `[Errno N] message: 'path'` text. Every call that looks at the file system first
//! flushes the write buffers of open files (see `fileio`).

use super::fileio::{flush_all, fspath, os_error};
use super::params::bind;
use crate::builtins::args::*;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use std::path::PathBuf;

type Kw<'a> = &'a [(ObjRef, Value)];

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("posix");
    let fns: &[(&'static str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("replace", rename),
        ("stat", stat),
        ("lstat", lstat),
        ("readlink", readlink),
        ("getpid", getpid),
        ("getppid", getppid),
        ("cpu_count", cpu_count),
        ("_environ", environ),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("strerror", strerror),
        ("urandom", urandom),
        ("fspath", os_fspath),
    ];
    for &(name, f) in fns {
        vm.module_add_fn(m, name, f);
    }
    Ok(m)
}

/// A path argument; `what` names the function for the TypeError.
fn path_arg(vm: &mut Vm, fname: &str, argname: &str, v: Value) -> PyResult<PathBuf> {
    match fspath(vm, v)? {
        Some(p) if p.as_os_str().to_string_lossy().contains('\0') => {
            let bytes = matches!(v.as_obj().map(|o| o.kind()), Some(Kind::Bytes(_)));
            Err(vm.value_error(format!(
                "{}: embedded null {} in path",
                fname,
                if bytes { "byte" } else { "character" }
            )))
        }
        Some(p) => Ok(p),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}: {} should be string, bytes or os.PathLike, not {}", fname, argname, tn)))
        }
    }
}

fn err(vm: &mut Vm, e: &std::io::Error, path: Value) -> PyErr {
    os_error(vm, e, Some(path), None)
}

fn getcwd(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "getcwd", args, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_str(p.to_string_lossy().to_string())),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "chdir", args, kw, &["path"], 1)?;
    let p = path_arg(vm, "chdir", "path", a[0].unwrap())?;
    flush_all();
    std::env::set_current_dir(&p).map_err(|e| err(vm, &e, a[0].unwrap()))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "listdir", args, kw, &["path"], 0)?;
    let (p, arg, as_bytes) = match a[0] {
        None | Some(Value::None) => (PathBuf::from("."), vm.new_str("."), false),
        Some(v) => {
            let b = matches!(v.as_obj().map(|o| o.kind()), Some(Kind::Bytes(_)));
            (path_arg(vm, "listdir", "path", v)?, v, b)
        }
    };
    flush_all();
    let rd = std::fs::read_dir(&p).map_err(|e| err(vm, &e, arg))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| err(vm, &e, arg))?;
        let name = entry.file_name();
        if as_bytes {
            #[cfg(unix)]
            let b = {
                use std::os::unix::ffi::OsStrExt;
                name.as_bytes().to_vec()
            };
            #[cfg(not(unix))]
            let b = name.to_string_lossy().as_bytes().to_vec();
            out.push(Value::Obj(vm.alloc(Kind::Bytes(b.into_boxed_slice()))));
        } else {
            out.push(vm.new_str(name.to_string_lossy().to_string()));
        }
    }
    Ok(vm.new_list(out))
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "mkdir", args, kw, &["path", "mode", "dir_fd"], 1)?;
    let p = path_arg(vm, "mkdir", "path", a[0].unwrap())?;
    let mode = match a[1] {
        None => 0o777,
        Some(v) => int_arg(vm, v)?,
    };
    flush_all();
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(mode as u32);
    }
    #[cfg(not(unix))]
    let _ = mode;
    b.create(&p).map_err(|e| err(vm, &e, a[0].unwrap()))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "rmdir", args, kw, &["path", "dir_fd"], 1)?;
    let p = path_arg(vm, "rmdir", "path", a[0].unwrap())?;
    flush_all();
    std::fs::remove_dir(&p).map_err(|e| err(vm, &e, a[0].unwrap()))?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "remove", args, kw, &["path", "dir_fd"], 1)?;
    let p = path_arg(vm, "remove", "path", a[0].unwrap())?;
    flush_all();
    // unlink(2) on a directory fails with EISDIR on Linux; std's remove_file does the same.
    std::fs::remove_file(&p).map_err(|e| err(vm, &e, a[0].unwrap()))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "rename", args, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd"], 2)?;
    let (s, d) = (a[0].unwrap(), a[1].unwrap());
    let src = path_arg(vm, "rename", "src", s)?;
    let dst = path_arg(vm, "rename", "dst", d)?;
    flush_all();
    std::fs::rename(&src, &dst).map_err(|e| os_error(vm, &e, Some(s), Some(d)))?;
    Ok(Value::None)
}

fn stat_impl(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, follow: bool) -> PyResult<Value> {
    let a = bind(vm, name, args, kw, &["path", "dir_fd", "follow_symlinks"], 1)?;
    let p = path_arg(vm, name, "path", a[0].unwrap())?;
    let follow = match a[2] {
        Some(v) => follow && vm.truthy(v)?,
        None => follow,
    };
    flush_all();
    let md = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    let md = md.map_err(|e| err(vm, &e, a[0].unwrap()))?;
    let fields = stat_fields(&md);
    let mut items: Vec<Value> = fields.ints.iter().map(|&i| Value::Int(i)).collect();
    items.extend(fields.times.iter().map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)));
    items.extend(fields.times.iter().map(|&(s, ns)| Value::Int(s.saturating_mul(1_000_000_000).saturating_add(ns))));
    Ok(vm.new_tuple(items))
}

struct StatFields {
    /// mode, ino, dev, nlink, uid, gid, size.
    ints: [i64; 7],
    /// atime, mtime, ctime as (seconds, nanoseconds).
    times: [(i64, i64); 3],
}

#[cfg(unix)]
fn stat_fields(md: &std::fs::Metadata) -> StatFields {
    use std::os::unix::fs::MetadataExt;
    StatFields {
        ints: [
            md.mode() as i64,
            md.ino() as i64,
            md.dev() as i64,
            md.nlink() as i64,
            md.uid() as i64,
            md.gid() as i64,
            md.size() as i64,
        ],
        times: [(md.atime(), md.atime_nsec()), (md.mtime(), md.mtime_nsec()), (md.ctime(), md.ctime_nsec())],
    }
}

#[cfg(not(unix))]
fn stat_fields(md: &std::fs::Metadata) -> StatFields {
    let t = |r: std::io::Result<std::time::SystemTime>| {
        r.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| (d.as_secs() as i64, d.subsec_nanos() as i64))
            .unwrap_or((0, 0))
    };
    let mode = if md.is_dir() { 0o040755 } else { 0o100644 };
    StatFields {
        ints: [mode, 0, 0, 1, 0, 0, md.len() as i64],
        times: [t(md.accessed()), t(md.modified()), t(md.created())],
    }
}

/// `_stat(path)`: `(mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime,
/// atime_ns, mtime_ns, ctime_ns)`; `os.stat` wraps it in `os.stat_result`.
fn stat(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    stat_impl(vm, args, kw, "stat", true)
}

fn lstat(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    stat_impl(vm, args, kw, "lstat", false)
}

fn readlink(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "readlink", args, kw, &["path", "dir_fd"], 1)?;
    let p = path_arg(vm, "readlink", "path", a[0].unwrap())?;
    let t = std::fs::read_link(&p).map_err(|e| err(vm, &e, a[0].unwrap()))?;
    Ok(vm.new_str(t.to_string_lossy().to_string()))
}

fn getpid(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "getpid", args, 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "getppid", args, 0, 0)?;
    #[cfg(unix)]
    return Ok(Value::Int(std::os::unix::process::parent_id() as i64));
    #[cfg(not(unix))]
    Ok(Value::Int(0))
}

fn cpu_count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "cpu_count", args, 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

/// `_environ()`: the process environment as a dict of str.
fn environ(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let d = vm.new_dict(crate::dict::Dict::new());
    for (k, v) in std::env::vars_os() {
        let k = vm.new_str(k.to_string_lossy().to_string());
        let v = vm.new_str(v.to_string_lossy().to_string());
        vm.dict_set(d.as_obj().unwrap(), k, v)?;
    }
    Ok(d)
}

fn env_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    let s = str_arg(vm, &v, what)?.to_string();
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(s)
}

fn putenv(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "putenv", args, 2, 2)?;
    let k = env_str(vm, args[0], "putenv() argument 1")?;
    let v = env_str(vm, args[1], "putenv() argument 2")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "unsetenv", args, 1, 1)?;
    let k = env_str(vm, args[0], "unsetenv() argument")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

fn strerror(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "strerror", args, 1, 1)?;
    let code = int_arg(vm, args[0])?;
    let mut msg = std::io::Error::from_raw_os_error(code as i32).to_string();
    if let Some(p) = msg.find(" (os error ") {
        msg.truncate(p);
    }
    Ok(vm.new_str(msg))
}

fn urandom(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    use std::io::Read;
    check_args(vm, "urandom", args, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    r.map_err(|e| os_error(vm, &e, None, None))?;
    Ok(Value::Obj(vm.alloc(Kind::Bytes(buf.into_boxed_slice()))))
}

/// `os.fspath(path)`: str and bytes as they are, else `__fspath__()`.
fn os_fspath(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(vm, "fspath", args, kw, &["path"], 1)?;
    let v = a[0].unwrap();
    if let Some(Kind::Str(_) | Kind::Bytes(_)) = v.as_obj().map(|o| o.kind()) {
        return Ok(v);
    }
    let k = vm.intern("__fspath__");
    let cls = vm.type_of(v);
    if let Some(f) = vm.class_lookup(cls, k) {
        let r = vm.call(f, &[v], &[])?;
        if let Some(Kind::Str(_) | Kind::Bytes(_)) = r.as_obj().map(|o| o.kind()) {
            return Ok(r);
        }
        let (cn, tn) = (vm.type_name(v), vm.type_name(r));
        return Err(vm.type_error(format!("expected {}.__fspath__() to return str or bytes, not {}", cn, tn)));
    }
    let u = crate::ops::unwrap_builtin(v);
    if let Some(Kind::Str(_) | Kind::Bytes(_)) = u.as_obj().map(|o| o.kind()) {
        return Ok(v);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", tn)))
}
