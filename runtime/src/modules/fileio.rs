//! The `_io` module and the `open()` builtin: file objects (`TextIOWrapper`,
//! `BufferedReader`, `BufferedWriter`, `BufferedRandom`, `FileIO`), `sys.stdin`, and the
//! methods of `sys.stdout`/`sys.stderr`.
//!
//! A file object is an instance of one of those classes whose payload is a small
//! "handle" object (a `NativeIter` that yields its id): the open file's state (the OS
//! file, read and write buffers, text settings) lives in a per-thread table under that
//! id. When the collector frees the file object it drops the handle, whose `Drop`
//! removes the table entry; dropping the state flushes its write buffer and closes the
//! file, so an unclosed file loses no data (CPython closes such files by reference
//! counting; krait when they are collected or when the interpreter ends).
//!
//! Writes are buffered. Because an unreachable file is only flushed when collected,
//! every operation that looks at the file system (`open`, and the `os` functions
//! through [`flush_all`]) first flushes all write buffers, so what one file object
//! wrote is visible to the next, as with CPython's reference counting.
//!
//! Text files decode with the codecs `str.encode`/`bytes.decode` support (utf-8,
//! ascii, latin-1) and translate newlines like CPython (`newline=None` reads `\r`,
//! `\n` and `\r\n` as `\n`). Text positions (`tell`/`seek`) are byte offsets, which is
//! what CPython's opaque cookies are for these stateless codecs.

use super::params::bind;
use crate::builtins::args::*;
use crate::builtins::str::Codec;
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::io::{self, Read, Seek, SeekFrom, Write};

type Kw<'a> = &'a [(ObjRef, Value)];

/// Bytes read from the OS at a time; also the write buffer's flush threshold.
const CHUNK: usize = 64 * 1024;
pub const DEFAULT_BUFFER_SIZE: i64 = 8192;

// -- open-file state ---------------------------------------------------------------------------

enum Stream {
    File(std::fs::File),
    /// The process's standard input (`sys.stdin`): read a line at a time so that
    /// `input()`, which reads the same stream, sees what this did not consume.
    Stdin,
}

impl Stream {
    /// Appends up to `CHUNK` bytes to `buf`; returns how many (0 at end of file).
    fn read_more(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        match self {
            Stream::File(f) => {
                let old = buf.len();
                buf.resize(old + CHUNK, 0);
                let r = loop {
                    match f.read(&mut buf[old..]) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        r => break r,
                    }
                };
                buf.truncate(old + *r.as_ref().unwrap_or(&0));
                r
            }
            Stream::Stdin => {
                use std::io::BufRead;
                std::io::stdin().lock().read_until(b'\n', buf)
            }
        }
    }

    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        match self {
            Stream::File(f) => f.read_to_end(buf),
            Stream::Stdin => std::io::stdin().lock().read_to_end(buf),
        }
    }

    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Stream::File(f) => f.write_all(b),
            Stream::Stdin => Err(io::Error::from_raw_os_error(9)),
        }
    }

    fn seek(&mut self, p: SeekFrom) -> io::Result<u64> {
        match self {
            Stream::File(f) => f.seek(p),
            Stream::Stdin => Err(io::Error::from_raw_os_error(29)),
        }
    }

    fn is_terminal(&self) -> bool {
        use std::io::IsTerminal;
        match self {
            Stream::File(f) => f.is_terminal(),
            Stream::Stdin => std::io::stdin().is_terminal(),
        }
    }

    fn fileno(&self) -> i64 {
        match self {
            #[cfg(unix)]
            Stream::File(f) => {
                use std::os::unix::io::AsRawFd;
                f.as_raw_fd() as i64
            }
            #[cfg(not(unix))]
            Stream::File(_) => -1,
            Stream::Stdin => 0,
        }
    }
}

/// How a text file treats line endings (CPython's `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// `None`: `\r`, `\n`, `\r\n` end lines and read as `\n`.
    Translate,
    /// `''`: the three end lines, untranslated.
    Universal,
    Lf,
    Cr,
    CrLf,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Text,
    Buffered,
    Raw,
}

struct FileState {
    /// None once closed.
    stream: Option<Stream>,
    flavor: Flavor,
    readable: bool,
    writable: bool,
    seekable: bool,
    codec: Codec,
    errors: String,
    newline: Newline,
    /// Bytes read ahead; `rbuf[rpos..]` is not consumed yet.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written but not yet passed to the OS.
    wbuf: Vec<u8>,
    /// False while iterating a text file with `next()` (CPython refuses `tell()` then).
    telling: bool,
    /// Kinds of line ending read so far (`newlines`): 1 `\r`, 2 `\n`, 4 `\r\n`.
    seen_nl: u8,
}

impl Drop for FileState {
    fn drop(&mut self) {
        let _ = self.flush_w();
    }
}

/// Why an operation failed, turned into a Python exception once the table is released.
enum Fail {
    Os(io::Error),
    /// ValueError (closed file, bad argument).
    Value(String),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        Fail::Os(e)
    }
}

type FResult<T> = Result<T, Fail>;

impl FileState {
    fn stream(&mut self) -> FResult<&mut Stream> {
        match self.stream.as_mut() {
            Some(s) => Ok(s),
            None => Err(Fail::Value("I/O operation on closed file.".into())),
        }
    }

    fn flush_w(&mut self) -> io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        match self.stream.as_mut() {
            Some(s) => s.write_all(&buf),
            None => Ok(()),
        }
    }

    /// Gives back read-ahead bytes to the OS position (before a write or a seek).
    fn drop_rbuf(&mut self) -> io::Result<()> {
        let unread = self.rbuf.len() - self.rpos;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            if let Some(s) = self.stream.as_mut() {
                s.seek(SeekFrom::Current(-(unread as i64)))?;
            }
        }
        Ok(())
    }

    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    /// Prepares a read: flushes pending writes and drops consumed read-ahead.
    fn start_read(&mut self) -> FResult<()> {
        self.flush_w()?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        Ok(())
    }

    fn fill(&mut self) -> FResult<usize> {
        let s = self.stream.as_mut().ok_or_else(|| Fail::Value("I/O operation on closed file.".into()))?;
        Ok(s.read_more(&mut self.rbuf)?)
    }

    /// Takes `rbuf[rpos..end]`.
    fn take(&mut self, end: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..end].to_vec();
        self.rpos = end;
        out
    }

    fn read_all(&mut self) -> FResult<Vec<u8>> {
        self.start_read()?;
        let mut out = std::mem::take(&mut self.rbuf);
        self.rpos = 0;
        self.stream()?.read_to_end(&mut out)?;
        Ok(out)
    }

    /// Up to `n` bytes (fewer only at end of file).
    fn read_bytes(&mut self, n: usize) -> FResult<Vec<u8>> {
        self.start_read()?;
        while self.unread() < n {
            if self.fill()? == 0 {
                break;
            }
        }
        let end = self.rpos + n.min(self.unread());
        Ok(self.take(end))
    }

    fn is_char_start(&self, b: u8) -> bool {
        self.codec != Codec::Utf8 || b & 0xC0 != 0x80
    }

    /// The byte at `i`, reading more if needed; None at end of file.
    fn byte_at(&mut self, i: usize) -> FResult<Option<u8>> {
        while i >= self.rbuf.len() {
            if self.fill()? == 0 {
                return Ok(None);
            }
        }
        Ok(Some(self.rbuf[i]))
    }

    /// The bytes of the next line: up to and including its terminator, or `limit`
    /// characters (bytes for binary files), or the end of the file.
    fn read_line(&mut self, limit: Option<usize>) -> FResult<Vec<u8>> {
        self.start_read()?;
        let text = self.flavor == Flavor::Text;
        let mut i = self.rpos;
        let mut count = 0usize;
        while let Some(b) = self.byte_at(i)? {
            if !text || self.is_char_start(b) {
                if limit == Some(count) {
                    break;
                }
                count += 1;
            }
            i += 1;
            let nl = if text { self.newline } else { Newline::Lf };
            match (nl, b) {
                (Newline::Lf, b'\n') | (Newline::Cr, b'\r') => break,
                (Newline::Translate | Newline::Universal, b'\n') => break,
                (Newline::Translate | Newline::Universal, b'\r') => {
                    if self.byte_at(i)? == Some(b'\n') && limit != Some(count) {
                        i += 1;
                    }
                    break;
                }
                (Newline::CrLf, b'\r') if self.byte_at(i)? == Some(b'\n') => {
                    i += 1;
                    break;
                }
                _ => {}
            }
        }
        Ok(self.take(i))
    }

    /// The bytes of the next `n` characters of a text file (`\r\n` counts as one when
    /// newlines are translated).
    fn read_chars(&mut self, n: usize) -> FResult<Vec<u8>> {
        self.start_read()?;
        let mut i = self.rpos;
        let mut count = 0usize;
        while let Some(b) = self.byte_at(i)? {
            if self.is_char_start(b) {
                if count == n {
                    break;
                }
                count += 1;
                if b == b'\r' && self.newline == Newline::Translate && self.byte_at(i + 1)? == Some(b'\n') {
                    i += 1;
                }
            }
            i += 1;
        }
        Ok(self.take(i))
    }

    fn write(&mut self, b: &[u8]) -> FResult<()> {
        // A binary file writes at its logical position. A text file, like CPython's
        // TextIOWrapper, drops what it read ahead and writes where the OS position is
        // (after the read-ahead: the end of any file shorter than a chunk).
        if self.unread() > 0 && self.flavor != Flavor::Text {
            self.drop_rbuf()?;
        } else {
            self.rbuf.clear();
            self.rpos = 0;
        }
        self.wbuf.extend_from_slice(b);
        if self.wbuf.len() >= CHUNK {
            self.flush_w()?;
        }
        Ok(())
    }

    fn tell(&mut self) -> FResult<u64> {
        let unread = self.unread() as u64;
        let pending = self.wbuf.len() as u64;
        let p = self.stream()?.seek(SeekFrom::Current(0))?;
        Ok((p + pending).saturating_sub(unread))
    }

    fn seek(&mut self, pos: SeekFrom) -> FResult<u64> {
        self.stream()?;
        self.flush_w()?;
        let unread = self.unread() as i64;
        self.rbuf.clear();
        self.rpos = 0;
        let pos = match pos {
            SeekFrom::Current(d) => SeekFrom::Current(d - unread),
            p => p,
        };
        Ok(self.stream()?.seek(pos)?)
    }

    fn truncate(&mut self, size: Option<u64>) -> FResult<u64> {
        let pos = self.tell()?;
        self.flush_w()?;
        self.drop_rbuf()?;
        let size = size.unwrap_or(pos);
        match self.stream()? {
            Stream::File(f) => f.set_len(size)?,
            Stream::Stdin => return Err(Fail::Os(io::Error::from_raw_os_error(22))),
        }
        Ok(size)
    }

    fn close(&mut self) -> FResult<()> {
        let r = self.flush_w();
        self.stream = None;
        self.rbuf = Vec::new();
        self.rpos = 0;
        Ok(r?)
    }
}

thread_local! {
    static FILES: RefCell<FxHashMap<u64, FileState>> = RefCell::new(FxHashMap::default());
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// Flushes the write buffers of every open file (before anything that looks at the
/// file system, so unclosed files are seen as CPython's reference counting shows them).
pub fn flush_all() {
    let _ = FILES.try_with(|f| {
        if let Ok(mut m) = f.try_borrow_mut() {
            for st in m.values_mut() {
                let _ = st.flush_w();
            }
        }
    });
}

/// The payload of a file object: yields its table id; dropping it closes the file.
struct Handle {
    id: u64,
}

impl NativeIter for Handle {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(Some(Value::Int(self.id as i64)))
    }
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
    fn type_name(&self) -> &'static str {
        "_io_handle"
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        let id = self.id;
        let _ = FILES.try_with(|f| {
            let st = f.try_borrow_mut().ok().and_then(|mut m| m.remove(&id));
            drop(st);
        });
    }
}

/// What a file method's `self` is.
#[derive(Clone, Copy)]
enum Target {
    /// sys.stdout (1) or sys.stderr (2).
    Std(i64),
    File(u64),
}

fn target_of(vm: &mut Vm, v: Value) -> Option<Target> {
    let o = v.as_obj()?;
    let Kind::Instance(Instance { payload: Payload::Builtin(b), .. }) = o.kind() else { return None };
    match b.get() {
        Value::Int(fd) => Some(Target::Std(fd)),
        Value::Obj(h) => match h.kind() {
            Kind::Iter(st) => {
                let mut st = st.borrow_mut();
                match &mut *st {
                    IterState::Dyn(d) if d.type_name() == "_io_handle" => match d.next(vm) {
                        Ok(Some(Value::Int(id))) => Some(Target::File(id as u64)),
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    }
}

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Target> {
    let Some(&v) = args.first() else {
        return Err(vm.type_error(format!("unbound method {}() needs an argument", name)));
    };
    match target_of(vm, v) {
        Some(t) => Ok(t),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for '_io._IOBase' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
    }
}

/// Runs `f` on the state of file `id`. `f` must not call into Python.
fn with_file<R>(vm: &mut Vm, id: u64, f: impl FnOnce(&mut FileState) -> FResult<R>) -> PyResult<R> {
    let r = FILES.with(|m| match m.borrow_mut().get_mut(&id) {
        Some(st) => f(st),
        None => Err(Fail::Value("I/O operation on closed file.".into())),
    });
    r.map_err(|e| fail_to_err(vm, e))
}

/// A property of a file's state, without side effects.
fn peek<R>(id: u64, f: impl FnOnce(&FileState) -> R) -> Option<R> {
    FILES.with(|m| m.borrow().get(&id).map(f))
}

fn fail_to_err(vm: &mut Vm, e: Fail) -> PyErr {
    match e {
        Fail::Os(e) => os_error(vm, &e, None, None),
        Fail::Value(m) => vm.value_error(m),
    }
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let c = unsupported_class(vm);
    vm.err(c, msg)
}

fn unsupported_class(vm: &mut Vm) -> ObjRef {
    let io = init_io(vm).ok();
    let k = vm.intern("UnsupportedOperation");
    io.and_then(|m| match m.kind() {
        Kind::Module(md) => crate::ops::dict_get_str(md.dict, k).and_then(|v| v.as_obj()),
        _ => None,
    })
    .unwrap_or(vm.exc.OSError)
}

/// The OSError (subclass chosen by errno) for an OS error, with CPython's
/// `[Errno N] message: 'filename'` form.
pub fn os_error(vm: &mut Vm, e: &io::Error, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let errno = e.raw_os_error();
    let mut msg = e.to_string();
    if let Some(p) = msg.find(" (os error ") {
        msg.truncate(p);
    }
    let Some(errno) = errno else {
        let c = vm.exc.OSError;
        return vm.err(c, msg);
    };
    let args = [Value::Int(errno as i64), Value::None];
    let cls = crate::builtins::exceptions::oserror_subclass(vm, &args).unwrap_or(vm.exc.OSError);
    let m = vm.new_str(msg);
    let exc = vm.new_exception(cls, vec![Value::Int(errno as i64), m]);
    if let Some(inst) = exc.as_instance() {
        let attrs = [
            ("errno", Value::Int(errno as i64)),
            ("strerror", m),
            ("filename", filename.unwrap_or(Value::None)),
            ("filename2", filename2.unwrap_or(Value::None)),
        ];
        for (n, v) in attrs {
            let k = vm.intern(n);
            vm.store_instance_attr(inst, k, v);
        }
    }
    PyErr(exc)
}

// -- the module ----------------------------------------------------------------------------------

/// Registers `open` and the methods of sys.stdout/sys.stderr (their class is
/// `TextIOWrapper`); the `_io` module itself is built on first import.
pub fn register(vm: &mut Vm) {
    vm.add_builtin("open", open);
    let textio = vm.types.textio;
    *textio.as_class().unwrap().module.borrow_mut() = "_io".into();
    add_file_methods(vm, textio);
    let (so, se) = (vm.stdout_obj, vm.stderr_obj);
    for (o, name) in [(so, "<stdout>"), (se, "<stderr>")] {
        if let Some(inst) = o.as_obj().and_then(|o| o.as_instance()) {
            let n = vm.new_str(name);
            let w = vm.new_str("w");
            let enc = vm.new_str("utf-8");
            let strict = vm.new_str("strict");
            for (k, v) in [("name", n), ("mode", w), ("encoding", enc), ("errors", strict)] {
                let k = vm.intern(k);
                vm.store_instance_attr(inst, k, v);
            }
        }
    }
}

/// `sys.stdin`: a text file reading the process's standard input.
pub fn stdin_object(vm: &mut Vm) -> Value {
    let st = new_state(Stream::Stdin, Flavor::Text, true, false, false);
    let textio = vm.types.textio;
    let name = vm.new_str("<stdin>");
    let enc = vm.new_str("utf-8");
    new_file_object(vm, textio, st, name, "r", Some(enc))
}

fn new_state(stream: Stream, flavor: Flavor, readable: bool, writable: bool, seekable: bool) -> FileState {
    FileState {
        stream: Some(stream),
        flavor,
        readable,
        writable,
        seekable,
        codec: Codec::Utf8,
        errors: "strict".into(),
        newline: Newline::Translate,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        telling: seekable,
        seen_nl: 0,
    }
}

fn new_file_object(vm: &mut Vm, cls: ObjRef, st: FileState, name: Value, mode: &str, enc: Option<Value>) -> Value {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let errors = vm.new_str(st.errors.as_str());
    let count = FILES.with(|m| {
        let mut m = m.borrow_mut();
        m.insert(id, st);
        m.len()
    });
    // Unreachable files are closed when collected: with many open, collect soon.
    if count >= 256 && count.is_multiple_of(64) {
        vm.heap.wanted = true;
    }
    let h = vm.alloc(Kind::Iter(RefCell::new(IterState::Dyn(Box::new(Handle { id })))));
    let shape = vm.shapes.root();
    let o = vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(vec![]),
        payload: Payload::Builtin(Cell::new(Value::Obj(h))),
    }));
    let inst = o.as_instance().unwrap();
    let mode = vm.new_str(mode);
    let mut attrs = vec![("name", name), ("mode", mode)];
    if let Some(e) = enc {
        attrs.push(("encoding", e));
        attrs.push(("errors", errors));
    }
    for (k, v) in attrs {
        let k = vm.intern(k);
        vm.store_instance_attr(inst, k, v);
    }
    Value::Obj(o)
}

/// The `_io` module (and the classes `open` needs), created once.
fn init_io(vm: &mut Vm) -> PyResult<ObjRef> {
    let key = vm.intern("_io");
    if let Some(m) = crate::ops::dict_get_str(vm.modules, key).and_then(|v| v.as_obj()) {
        return Ok(m);
    }
    let m = vm.new_module("_io");
    let object = vm.types.object;
    let mk = |vm: &mut Vm, name: &str, bases: Vec<ObjRef>, kind: BaseKind| {
        let c = vm.new_class_raw(name, bases, kind, true);
        *c.as_class().unwrap().module.borrow_mut() = "_io".into();
        vm.module_set(m, name, Value::Obj(c));
        c
    };
    let iobase = mk(vm, "_IOBase", vec![object], BaseKind::Object);
    for (name, f) in [
        ("__enter__", base_enter as NativeFn),
        ("__exit__", base_exit),
        ("__iter__", base_iter),
        ("__next__", base_next),
        ("readlines", base_readlines),
        ("writelines", base_writelines),
        ("readable", base_false),
        ("writable", base_false),
        ("seekable", base_false),
        ("isatty", base_false),
        ("flush", base_none),
        ("close", base_none),
        ("fileno", base_fileno),
    ] {
        let leaked: &'static str = name;
        vm.add_method(iobase, leaked, f);
    }
    let raw = mk(vm, "_RawIOBase", vec![iobase], BaseKind::Object);
    let buffered = mk(vm, "_BufferedIOBase", vec![iobase], BaseKind::Object);
    let text = mk(vm, "_TextIOBase", vec![iobase], BaseKind::Object);
    // TextIOWrapper (the class of sys.stdout) is a built-in type; give it its io base.
    let textio = vm.types.textio;
    {
        let c = textio.as_class().unwrap();
        *c.bases.borrow_mut() = vec![text];
        *c.mro.borrow_mut() = vec![textio, text, iobase, object];
    }
    vm.module_set(m, "TextIOWrapper", Value::Obj(textio));
    let fileio = mk(vm, "FileIO", vec![raw], BaseKind::Object);
    add_file_methods(vm, fileio);
    for name in ["BufferedReader", "BufferedWriter", "BufferedRandom"] {
        let c = mk(vm, name, vec![buffered], BaseKind::Object);
        add_file_methods(vm, c);
    }
    let (ose, ve) = (vm.exc.OSError, vm.exc.ValueError);
    let uo = vm.new_class_raw("UnsupportedOperation", vec![ose, ve], BaseKind::Exception, false);
    *uo.as_class().unwrap().module.borrow_mut() = "io".into();
    vm.module_set(m, "UnsupportedOperation", Value::Obj(uo));
    vm.module_set(m, "DEFAULT_BUFFER_SIZE", Value::Int(DEFAULT_BUFFER_SIZE));
    // `io.open is open`.
    let ok = vm.intern("open");
    let bopen = match crate::ops::dict_get_str(vm.builtins_dict, ok) {
        Some(f) => f,
        None => vm.new_native("open", open),
    };
    vm.module_set(m, "open", bopen);
    crate::ops::dict_set_str(vm.modules, key, Value::Obj(m));
    Ok(m)
}

/// Initialiser registered for `import _io`.
pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    init_io(vm)
}

fn io_class(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = init_io(vm)?;
    let k = vm.intern(name);
    let cls = match m.kind() {
        Kind::Module(md) => crate::ops::dict_get_str(md.dict, k).and_then(|v| v.as_obj()),
        _ => None,
    };
    Ok(cls.unwrap_or(vm.types.object))
}

fn add_file_methods(vm: &mut Vm, cls: ObjRef) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", f_read),
        ("read1", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("flush", f_flush),
        ("close", f_close),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("fileno", f_fileno),
        ("isatty", f_isatty),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("__repr__", f_repr),
        ("detach", f_detach),
    ];
    for &(name, f) in methods {
        vm.add_method(cls, name, f);
    }
    let getter = vm.new_native("closed", f_closed);
    let p = Kind::new_property(Property { fget: getter, fset: Value::None, fdel: Value::None, doc: Value::None });
    let p = Value::Obj(vm.alloc(p));
    vm.set_class_attr(cls, "closed", p);
    let getter = vm.new_native("newlines", f_newlines);
    let p = Kind::new_property(Property { fget: getter, fset: Value::None, fdel: Value::None, doc: Value::None });
    let p = Value::Obj(vm.alloc(p));
    vm.set_class_attr(cls, "newlines", p);
    vm.set_class_attr(cls, "line_buffering", Value::Bool(false));
}

// -- open() ---------------------------------------------------------------------------------------

/// Encodings CPython has that krait's codecs do not implement.
const KNOWN_ENCODINGS: &[&str] = &[
    "utf-16",
    "utf16",
    "utf-16-le",
    "utf-16-be",
    "utf-16le",
    "utf-16be",
    "utf-32",
    "utf32",
    "utf-32-le",
    "utf-32-be",
    "utf-32le",
    "utf-32be",
    "utf-8-sig",
    "utf8-sig",
    "utf-7",
    "cp1252",
    "cp1251",
    "cp1250",
    "cp437",
    "cp850",
    "cp932",
    "cp949",
    "cp950",
    "windows-1252",
    "windows-1251",
    "windows-1250",
    "iso-8859-2",
    "iso-8859-5",
    "iso-8859-15",
    "latin-2",
    "latin2",
    "koi8-r",
    "koi8-u",
    "mac-roman",
    "macroman",
    "shift-jis",
    "shift_jis",
    "sjis",
    "euc-jp",
    "euc-kr",
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "hz",
    "iso-2022-jp",
];

/// Checks an encoding name: a codec krait implements, or CPython's LookupError for an
/// unknown name, or NotImplementedError for a CPython codec krait lacks.
pub fn check_encoding(vm: &mut Vm, enc: &str) -> PyResult<Codec> {
    if let Some(c) = Codec::lookup(enc) {
        return Ok(c);
    }
    let norm: String = enc.trim().to_ascii_lowercase().replace('_', "-");
    if KNOWN_ENCODINGS.contains(&norm.as_str()) || norm.starts_with("iso-8859-") || norm.starts_with("cp") {
        return Err(vm.not_implemented_error(format!(
            "encoding '{}' is not supported by krait (utf-8, ascii and latin-1 are)",
            enc
        )));
    }
    let c = vm.exc.LookupError;
    Err(vm.err(c, format!("unknown encoding: {}", enc)))
}

/// A path argument: str, bytes or os.PathLike, as CPython's `os.fspath` accepts it.
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult<Option<std::path::PathBuf>> {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Str(s)) => return Ok(Some(std::path::PathBuf::from(&*s.s))),
        Some(Kind::Bytes(b)) => return Ok(Some(bytes_path(b))),
        _ => {}
    }
    if let Some(Kind::Instance(_)) = v.as_obj().map(|o| o.kind()) {
        let k = vm.intern("__fspath__");
        let cls = vm.type_of(v);
        if let Some(f) = vm.class_lookup(cls, k) {
            let r = vm.call(f, &[v], &[])?;
            return match r.as_obj().map(|o| o.kind()) {
                Some(Kind::Str(s)) => Ok(Some(std::path::PathBuf::from(&*s.s))),
                Some(Kind::Bytes(b)) => Ok(Some(bytes_path(b))),
                _ => {
                    let (cn, tn) = (vm.type_name(v), vm.type_name(r));
                    Err(vm.type_error(format!("expected {}.__fspath__() to return str or bytes, not {}", cn, tn)))
                }
            };
        }
        // str and bytes subclasses.
        let u = crate::ops::unwrap_builtin(v);
        if !u.is(&v) {
            return fspath(vm, u);
        }
    }
    Ok(None)
}

#[cfg(unix)]
fn bytes_path(b: &[u8]) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    std::path::PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn bytes_path(b: &[u8]) -> std::path::PathBuf {
    std::path::PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

fn opt_str(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_obj().and_then(|o| o.as_str()) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("open() argument '{}' must be str or None, not {}", what, tn)))
            }
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = bind(
        vm,
        "open",
        args,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        1,
    )?;
    let file = a[0].unwrap();
    let mode = match a[1] {
        None => "r".to_string(),
        Some(v) => match v.as_obj().and_then(|o| o.as_str()) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", tn)));
            }
        },
    };
    let buffering = match a[2] {
        None => -1,
        Some(v) => int_arg(vm, v)?,
    };
    let encoding = opt_str(vm, a[3], "encoding")?;
    let errors = opt_str(vm, a[4], "errors")?;
    let newline = opt_str(vm, a[5], "newline")?;
    if let Some(o) = a[7] {
        if !o.is_none() {
            return Err(vm.not_implemented_error("open(): the opener argument is not supported by krait"));
        }
    }
    // Mode letters, as CPython's _io.open checks them.
    let (mut creating, mut reading, mut writing, mut appending, mut updating, mut text, mut binary) =
        (false, false, false, false, false, false, false);
    let mut seen = String::new();
    for c in mode.chars() {
        if !"xrwab+t".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
        }
        seen.push(c);
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            _ => binary = true,
        }
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if !(creating || reading || writing || appending) {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    // The file: a path, or a file descriptor (reopened through /dev/fd).
    let path = match file {
        Value::Int(fd) if fd >= 0 => std::path::PathBuf::from(format!("/dev/fd/{}", fd)),
        Value::Bool(b) => std::path::PathBuf::from(format!("/dev/fd/{}", b as i64)),
        Value::Int(_) => {
            return Err(vm.value_error("negative file descriptor"));
        }
        _ => match fspath(vm, file)? {
            Some(p) => p,
            None => {
                let tn = vm.type_name(file);
                return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", tn)));
            }
        },
    };
    if matches!(file, Value::Int(_) | Value::Bool(_)) {
        vm.flush_stdout();
    }
    if path.as_os_str().to_string_lossy().contains('\0') {
        let bytes = matches!(file.as_obj().map(|o| o.kind()), Some(Kind::Bytes(_)));
        return Err(vm.value_error(if bytes { "embedded null byte" } else { "embedded null character" }));
    }
    flush_all();
    let mut oo = std::fs::OpenOptions::new();
    let readable = reading || updating;
    let writable = writing || appending || creating || updating;
    oo.read(readable);
    if writing {
        oo.write(true).create(true).truncate(true);
    } else if appending {
        oo.append(true).create(true);
    } else if creating {
        oo.write(true).create_new(true);
    } else if updating {
        oo.write(true);
    }
    let name = match file {
        Value::Obj(o) if matches!(o.kind(), Kind::Str(_) | Kind::Bytes(_)) => file,
        Value::Int(_) => file,
        _ => {
            let s = path.to_string_lossy().to_string();
            vm.new_str(s)
        }
    };
    let mut f = match oo.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, Some(name), None)),
    };
    if let Ok(md) = f.metadata() {
        if md.is_dir() {
            let e = io::Error::from_raw_os_error(21);
            return Err(os_error(vm, &e, Some(name), None));
        }
    }
    let seekable = f.stream_position().is_ok();
    if appending && seekable {
        let _ = f.seek(SeekFrom::End(0));
    }
    if buffering == 0 && !binary {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let flavor = if !binary {
        Flavor::Text
    } else if buffering == 0 {
        Flavor::Raw
    } else {
        Flavor::Buffered
    };
    let mut st = new_state(Stream::File(f), flavor, readable, writable, seekable);
    if flavor != Flavor::Text {
        let raw_mode = format!(
            "{}{}",
            if creating {
                "xb"
            } else if appending {
                "ab"
            } else if readable {
                "rb"
            } else {
                "wb"
            },
            if updating { "+" } else { "" }
        );
        let cls = match (flavor, readable, writable) {
            (Flavor::Raw, _, _) => "FileIO",
            (_, true, true) => "BufferedRandom",
            (_, true, false) => "BufferedReader",
            _ => "BufferedWriter",
        };
        let cls = io_class(vm, cls)?;
        return Ok(new_file_object(vm, cls, st, name, &raw_mode, None));
    }
    st.codec = match &encoding {
        Some(e) => check_encoding(vm, e)?,
        None => Codec::Utf8,
    };
    if let Some(e) = &errors {
        if !["strict", "replace", "ignore", "backslashreplace", "surrogateescape"].contains(&e.as_str()) {
            let c = vm.exc.LookupError;
            return Err(vm.err(c, format!("unknown error handler name '{}'", e)));
        }
        st.errors = e.clone();
    }
    st.newline = match newline.as_deref() {
        None => Newline::Translate,
        Some("") => Newline::Universal,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        Some(other) => {
            let r = crate::ops::repr_str(other);
            return Err(vm.value_error(format!("illegal newline value: {}", &r[1..r.len() - 1])));
        }
    };
    let enc = match encoding {
        Some(e) => vm.new_str(e),
        None => vm.new_str("UTF-8"),
    };
    let textio = vm.types.textio;
    init_io(vm)?;
    Ok(new_file_object(vm, textio, st, name, &mode, Some(enc)))
}

// -- file methods ------------------------------------------------------------------------------------

fn flavor_of(id: u64) -> Flavor {
    peek(id, |s| s.flavor).unwrap_or(Flavor::Text)
}

fn is_closed(id: u64) -> bool {
    peek(id, |s| s.stream.is_none()).unwrap_or(true)
}

/// Raises the ValueError for an operation on a closed file (`msg` for binary files;
/// text files always say "I/O operation on closed file.").
fn check_open(vm: &mut Vm, id: u64, msg: &str) -> PyResult<()> {
    if is_closed(id) {
        let m = match flavor_of(id) {
            Flavor::Text => "I/O operation on closed file.",
            Flavor::Raw if msg.ends_with(" of closed file") => "I/O operation on closed file",
            _ => msg,
        };
        return Err(vm.value_error(m));
    }
    Ok(())
}

fn check_readable(vm: &mut Vm, id: u64, msg: &str) -> PyResult<()> {
    let fl = flavor_of(id);
    if fl != Flavor::Text && !peek(id, |s| s.readable).unwrap_or(false) {
        return Err(unsupported(vm, "read"));
    }
    check_open(vm, id, msg)?;
    if !peek(id, |s| s.readable).unwrap_or(false) {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, id: u64, msg: &str) -> PyResult<()> {
    let fl = flavor_of(id);
    if fl != Flavor::Text && !peek(id, |s| s.writable).unwrap_or(false) {
        return Err(unsupported(vm, "write"));
    }
    check_open(vm, id, msg)?;
    if !peek(id, |s| s.writable).unwrap_or(false) {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

/// A size argument: None or negative means "all".
fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
            let n = int_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        Some(v) => {
            if let Some(Kind::BigInt(_)) = v.as_obj().map(|o| o.kind()) {
                return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
            if let Some(Kind::Instance(_)) = v.as_obj().map(|o| o.kind()) {
                let n = vm.to_index(v)?;
                return Ok(if n < 0 { None } else { Some(n as usize) });
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("argument should be integer or None, not '{}'", tn)))
        }
    }
}

fn not_readable_std(vm: &mut Vm) -> PyErr {
    unsupported(vm, "not readable")
}

/// Decodes a text file's bytes and translates its newlines.
fn decode_text(vm: &mut Vm, id: u64, b: Vec<u8>) -> PyResult<Value> {
    let (codec, errors, nl) = peek(id, |s| (s.codec, s.errors.clone(), s.newline)).unwrap_or((
        Codec::Utf8,
        "strict".into(),
        Newline::Translate,
    ));
    let mut s = match (codec, String::from_utf8(b)) {
        (Codec::Utf8, Ok(s)) => s,
        (_, Ok(s)) if s.is_ascii() => s,
        (_, r) => {
            let b = match r {
                Ok(s) => s.into_bytes(),
                Err(e) => e.into_bytes(),
            };
            let enc = match codec {
                Codec::Utf8 => "utf-8",
                Codec::Ascii => "ascii",
                Codec::Latin1 => "latin-1",
            };
            crate::builtins::str::decode(vm, &b, enc, &errors)?
        }
    };
    if matches!(nl, Newline::Translate | Newline::Universal) {
        let b = s.as_bytes();
        let mut seen = 0u8;
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => seen |= 2,
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    seen |= 4;
                    i += 1;
                }
                b'\r' => seen |= 1,
                _ => {}
            }
            i += 1;
        }
        if seen != 0 {
            FILES.with(|m| m.borrow_mut().get_mut(&id).map(|st| st.seen_nl |= seen));
        }
        if nl == Newline::Translate && seen & 5 != 0 {
            s = s.replace("\r\n", "\n").replace('\r', "\n");
        }
    }
    Ok(vm.new_str(s))
}

fn new_bytes(vm: &mut Vm, b: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(Kind::Bytes(b.into_boxed_slice())))
}

fn f_read(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "read")?;
    let a = bind(vm, "read", &args[1..], kw, &["size"], 0)?;
    let Target::File(id) = t else { return Err(not_readable_std(vm)) };
    check_readable(vm, id, "read of closed file")?;
    let n = size_arg(vm, a[0])?;
    let text = flavor_of(id) == Flavor::Text;
    if id_is_stdin(id) {
        vm.flush_stdout();
    }
    let b = with_file(vm, id, |s| match n {
        None => s.read_all(),
        Some(n) if text => s.read_chars(n),
        Some(n) => s.read_bytes(n),
    })?;
    if text {
        decode_text(vm, id, b)
    } else {
        Ok(new_bytes(vm, b))
    }
}

fn id_is_stdin(id: u64) -> bool {
    peek(id, |s| matches!(s.stream, Some(Stream::Stdin))).unwrap_or(false)
}

fn readline_value(vm: &mut Vm, id: u64, limit: Option<usize>) -> PyResult<Value> {
    if id_is_stdin(id) {
        vm.flush_stdout();
    }
    let b = with_file(vm, id, |s| s.read_line(limit))?;
    if flavor_of(id) == Flavor::Text {
        decode_text(vm, id, b)
    } else {
        Ok(new_bytes(vm, b))
    }
}

fn f_readline(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "readline")?;
    let a = bind(vm, "readline", &args[1..], kw, &["size"], 0)?;
    let Target::File(id) = t else { return Err(not_readable_std(vm)) };
    check_readable(vm, id, "readline of closed file")?;
    let n = size_arg(vm, a[0])?;
    readline_value(vm, id, n)
}

fn value_len(v: Value) -> usize {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Str(s)) => s.nchars,
        Some(Kind::Bytes(b)) => b.len(),
        _ => 0,
    }
}

fn f_readlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "readlines")?;
    let a = bind(vm, "readlines", &args[1..], kw, &["hint"], 0)?;
    let Target::File(id) = t else { return Err(not_readable_std(vm)) };
    if is_closed(id) {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    check_readable(vm, id, "readline of closed file")?;
    let hint = size_arg(vm, a[0])?.filter(|&h| h > 0);
    let list = vm.new_list(vec![]);
    let mark = vm.roots.len();
    vm.roots.push(list);
    let mut total = 0usize;
    let r = (|| loop {
        let line = readline_value(vm, id, None)?;
        let n = value_len(line);
        if n == 0 {
            return Ok(());
        }
        list.as_obj().unwrap().as_list().unwrap().borrow_mut().push(line);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            return Ok(());
        }
    })();
    vm.roots.truncate(mark);
    r.map(|_| list)
}

/// Writes one str (text) or bytes-like (binary) value; returns its length.
fn write_one(vm: &mut Vm, t: Target, v: Value) -> PyResult<usize> {
    let id = match t {
        Target::Std(fd) => {
            let Some(s) = v.as_obj().and_then(|o| o.as_str()) else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
            };
            let n = value_len(v);
            if fd == 2 {
                vm.write_stderr_raw(s);
            } else {
                vm.write_stdout_raw(s);
            }
            return Ok(n);
        }
        Target::File(id) => id,
    };
    if flavor_of(id) == Flavor::Text {
        check_writable(vm, id, "")?;
        let u = crate::ops::unwrap_builtin(v);
        let Some(s) = u.as_obj().and_then(|o| o.as_str()) else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
        };
        let n = value_len(u);
        let (codec, errors, nl) = peek(id, |st| (st.codec, st.errors.clone(), st.newline)).unwrap_or((
            Codec::Utf8,
            String::new(),
            Newline::Lf,
        ));
        let translated;
        let s = match nl {
            Newline::Cr if s.contains('\n') => {
                translated = s.replace('\n', "\r");
                translated.as_str()
            }
            Newline::CrLf if s.contains('\n') => {
                translated = s.replace('\n', "\r\n");
                translated.as_str()
            }
            _ => s,
        };
        if codec == Codec::Utf8 || s.is_ascii() {
            with_file(vm, id, |st| st.write(s.as_bytes()))?;
        } else {
            let enc = if codec == Codec::Ascii { "ascii" } else { "latin-1" };
            let b = crate::builtins::str::encode(vm, s, enc, &errors)?;
            with_file(vm, id, |st| st.write(&b))?;
        }
        Ok(n)
    } else {
        check_writable(vm, id, "write to closed file")?;
        let Some(b) = crate::builtins::str::bytes_like(v) else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
        };
        let n = b.len();
        with_file(vm, id, |st| st.write(&b))?;
        Ok(n)
    }
}

fn f_write(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "write")?;
    check_method(vm, "write", args, 1, 1)?;
    let n = write_one(vm, t, args[1])?;
    Ok(Value::Int(n as i64))
}

fn f_writelines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "writelines")?;
    check_method(vm, "writelines", args, 1, 1)?;
    if let Target::File(id) = t {
        if is_closed(id) {
            return Err(vm.value_error("I/O operation on closed file."));
        }
    }
    let it = vm.get_iter(args[1])?;
    let mark = vm.roots.len();
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            write_one(vm, t, x)?;
        }
        Ok(Value::None)
    })();
    vm.roots.truncate(mark);
    r
}

fn f_flush(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "flush")?;
    match t {
        Target::Std(_) => vm.flush_stdout(),
        Target::File(id) => {
            let w = peek(id, |s| s.writable).unwrap_or(false);
            check_open(vm, id, if w { "flush of closed file" } else { "I/O operation on closed file." })?;
            with_file(vm, id, |s| Ok(s.flush_w()?))?;
        }
    }
    Ok(Value::None)
}

fn f_close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "close")?;
    match t {
        Target::Std(_) => vm.flush_stdout(),
        Target::File(id) => {
            if !is_closed(id) {
                with_file(vm, id, |s| s.close())?;
            }
        }
    }
    Ok(Value::None)
}

fn illegal_seek(vm: &mut Vm) -> PyErr {
    os_error(vm, &io::Error::from_raw_os_error(29), None, None)
}

fn f_seek(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "seek")?;
    let a = bind(vm, "seek", &args[1..], kw, &["cookie", "whence"], 1)?;
    let Target::File(id) = t else { return Err(illegal_seek(vm)) };
    check_open(vm, id, "seek of closed file")?;
    let off = int_arg(vm, a[0].unwrap())?;
    let whence = match a[1] {
        None => 0,
        Some(w) => int_arg(vm, w)?,
    };
    let text = flavor_of(id) == Flavor::Text;
    let pos = match whence {
        0 if off < 0 => {
            if text {
                return Err(vm.value_error(format!("negative seek position {}", off)));
            }
            return Err(os_error(vm, &io::Error::from_raw_os_error(22), None, None));
        }
        0 => SeekFrom::Start(off as u64),
        1 if text && off != 0 => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
        1 => SeekFrom::Current(off),
        2 if text && off != 0 => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
        2 => SeekFrom::End(off),
        w if text => return Err(vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", w))),
        w => return Err(vm.value_error(format!("whence value {} unsupported", w))),
    };
    let p = with_file(vm, id, |s| {
        let p = s.seek(pos)?;
        s.telling = s.seekable;
        Ok(p)
    })?;
    Ok(Value::Int(p as i64))
}

fn f_tell(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "tell")?;
    let Target::File(id) = t else { return Err(illegal_seek(vm)) };
    let text = flavor_of(id) == Flavor::Text;
    check_open(vm, id, "I/O operation on closed file")?;
    if text && !peek(id, |s| s.telling || !s.seekable).unwrap_or(true) {
        let c = vm.exc.OSError;
        return Err(vm.err(c, "telling position disabled by next() call"));
    }
    let p = with_file(vm, id, |s| s.tell())?;
    Ok(Value::Int(p as i64))
}

fn f_truncate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "truncate")?;
    let a = bind(vm, "truncate", &args[1..], kw, &["pos"], 0)?;
    let Target::File(id) = t else { return Err(illegal_seek(vm)) };
    check_open(vm, id, "truncate of closed file")?;
    if !peek(id, |s| s.writable).unwrap_or(false) {
        let text = flavor_of(id) == Flavor::Text;
        return Err(unsupported(vm, if text { "not writable" } else { "truncate" }));
    }
    let size = match a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = int_arg(vm, v)?;
            if n < 0 {
                return Err(os_error(vm, &io::Error::from_raw_os_error(22), None, None));
            }
            Some(n as u64)
        }
    };
    let n = with_file(vm, id, |s| s.truncate(size))?;
    Ok(Value::Int(n as i64))
}

fn f_fileno(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match this(vm, args, "fileno")? {
        Target::Std(fd) => Ok(Value::Int(fd)),
        Target::File(id) => {
            if is_closed(id) {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            Ok(Value::Int(peek(id, |s| s.stream.as_ref().map(|s| s.fileno()).unwrap_or(-1)).unwrap_or(-1)))
        }
    }
}

fn f_isatty(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    use std::io::IsTerminal;
    match this(vm, args, "isatty")? {
        Target::Std(1) => Ok(Value::Bool(std::io::stdout().is_terminal())),
        Target::Std(_) => Ok(Value::Bool(std::io::stderr().is_terminal())),
        Target::File(id) => {
            if is_closed(id) {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            Ok(Value::Bool(peek(id, |s| s.stream.as_ref().is_some_and(|s| s.is_terminal())).unwrap_or(false)))
        }
    }
}

fn capability(vm: &mut Vm, args: &[Value], name: &str, f: fn(&FileState) -> bool, std: bool) -> PyResult<Value> {
    match this(vm, args, name)? {
        Target::Std(_) => Ok(Value::Bool(std)),
        Target::File(id) => {
            // Like CPython: a file that never had the capability says so even closed.
            if name != "seekable" && !peek(id, f).unwrap_or(false) {
                return Ok(Value::Bool(false));
            }
            if is_closed(id) {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            Ok(Value::Bool(peek(id, f).unwrap_or(false)))
        }
    }
}

fn f_readable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    capability(vm, args, "readable", |s| s.readable, false)
}

fn f_writable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    capability(vm, args, "writable", |s| s.writable, true)
}

fn f_seekable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    capability(vm, args, "seekable", |s| s.seekable, false)
}

fn f_enter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if let Target::File(id) = this(vm, args, "__enter__")? {
        if is_closed(id) {
            return Err(vm.value_error("I/O operation on closed file."));
        }
    }
    Ok(args[0])
}

fn f_exit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    f_close(vm, &args[..1], &[])?;
    Ok(Value::None)
}

fn f_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if let Target::File(id) = this(vm, args, "__iter__")? {
        if is_closed(id) {
            return Err(vm.value_error("I/O operation on closed file."));
        }
    }
    Ok(args[0])
}

fn f_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Target::File(id) = this(vm, args, "__next__")? else { return Err(not_readable_std(vm)) };
    check_readable(vm, id, "readline of closed file")?;
    let text = flavor_of(id) == Flavor::Text;
    if text {
        FILES.with(|m| m.borrow_mut().get_mut(&id).map(|s| s.telling = false));
    }
    let line = readline_value(vm, id, None)?;
    if value_len(line) == 0 {
        FILES.with(|m| m.borrow_mut().get_mut(&id).map(|s| s.telling = s.seekable));
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn f_newlines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Target::File(id) = this(vm, args, "newlines")? else { return Ok(Value::None) };
    let seen = peek(id, |s| s.seen_nl).unwrap_or(0);
    let kinds: Vec<&str> =
        [(1, "\r"), (2, "\n"), (4, "\r\n")].iter().filter(|(bit, _)| seen & bit != 0).map(|(_, k)| *k).collect();
    Ok(match kinds.len() {
        0 => Value::None,
        1 => vm.new_str(kinds[0]),
        _ => {
            let items: Vec<Value> = kinds.iter().map(|k| vm.new_str(*k)).collect();
            vm.new_tuple(items)
        }
    })
}

/// `detach()`: krait's file objects have no separate raw/buffer layers.
fn f_detach(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if let Target::File(id) = this(vm, args, "detach")? {
        let w = peek(id, |s| s.writable && s.flavor != Flavor::Text).unwrap_or(false);
        check_open(vm, id, if w { "flush of closed file" } else { "I/O operation on closed file." })?;
    }
    Err(unsupported(vm, "detach"))
}

fn f_closed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match this(vm, args, "closed")? {
        Target::Std(_) => Ok(Value::Bool(false)),
        Target::File(id) => Ok(Value::Bool(is_closed(id))),
    }
}

fn f_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = this(vm, args, "__repr__")?;
    let v = args[0];
    let cls = vm.type_of(v);
    let cname = cls.as_class().map(|c| c.name.borrow().clone()).unwrap_or_default();
    let attr = |vm: &mut Vm, n: &str| -> PyResult<Option<String>> {
        let k = vm.intern(n);
        match vm.get_attr_opt(v, k)? {
            Some(x) => Ok(Some(vm.repr(x)?)),
            None => Ok(None),
        }
    };
    let flavor = match t {
        Target::Std(_) => Flavor::Text,
        Target::File(id) => flavor_of(id),
    };
    let mut s = format!("<_io.{}", cname);
    if flavor == Flavor::Raw {
        if let Target::File(id) = t {
            if is_closed(id) {
                return Ok(vm.new_str("<_io.FileIO [closed]>"));
            }
        }
    }
    if let Some(n) = attr(vm, "name")? {
        s.push_str(&format!(" name={}", n));
    }
    if flavor != Flavor::Buffered {
        if let Some(m) = attr(vm, "mode")? {
            s.push_str(&format!(" mode={}", m));
        }
    }
    if flavor == Flavor::Text {
        if let Some(e) = attr(vm, "encoding")? {
            s.push_str(&format!(" encoding={}", e));
        }
    }
    if flavor == Flavor::Raw {
        s.push_str(" closefd=True");
    }
    s.push('>');
    Ok(vm.new_str(s))
}

// -- _IOBase's generic methods (for Python subclasses such as StringIO) ---------------------------

fn base_enter(_vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(args.first().copied().unwrap_or(Value::None))
}

fn base_exit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if let Some(&s) = args.first() {
        vm.call_method(s, "close", &[])?;
    }
    Ok(Value::None)
}

fn base_iter(_vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(args.first().copied().unwrap_or(Value::None))
}

fn base_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(&s) = args.first() else { return Err(vm.type_error("__next__() needs an argument")) };
    let line = vm.call_method(s, "readline", &[])?;
    if !vm.truthy(line)? {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn base_readlines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(&s) = args.first() else { return Err(vm.type_error("readlines() needs an argument")) };
    let it = vm.get_iter(s)?;
    let items = vm.collect_iter(it)?;
    Ok(vm.new_list(items))
}

fn base_writelines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "writelines", args, 1, 1)?;
    let it = vm.get_iter(args[1])?;
    let mark = vm.roots.len();
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            vm.call_method(args[0], "write", &[x])?;
        }
        Ok(Value::None)
    })();
    vm.roots.truncate(mark);
    r
}

fn base_false(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn base_none(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn base_fileno(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}
