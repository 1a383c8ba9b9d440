//! krait's embedding API: create an interpreter, run Python source or files, evaluate
//! expressions, and get results or formatted exceptions back. The `krait` CLI is built
//! on this API.
//!
//! ```
//! let mut k = krait::Krait::new(krait::Options { capture_stdout: true, ..Default::default() });
//! k.run_source("print(sum(range(10)))", "<example>").unwrap();
//! assert_eq!(k.take_stdout(), "45\n");
//! assert_eq!(k.eval("2 ** 100").unwrap(), "1267650600228229401496703205376");
//! let err = k.run_source("1 / 0", "<example>").unwrap_err();
//! assert_eq!(err.type_name, "ZeroDivisionError");
//! assert_eq!(err.exit_code, 1);
//! ```
//!
//! Deep Python recursion through native code (e.g. `__repr__` calling `repr`) uses the
//! Rust stack; run the interpreter on a thread with a large stack (see
//! [`run_with_big_stack`]) as the CLI does.

use krait_runtime::object::Kind;
use krait_runtime::ops::dict_set_str;
use krait_runtime::value::{PyErr, Value};
use krait_runtime::vm::{Vm, VmOptions};
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub use krait_jit;
pub use krait_runtime;

pub mod bench;

/// Interpreter settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// `sys.argv` (argv[0] is the script name).
    pub argv: Vec<String>,
    /// Extra module search directories, searched first.
    pub path: Vec<String>,
    /// Capture `print` output instead of writing to stdout (read it with `take_stdout`).
    pub capture_stdout: bool,
    /// Run without the JIT.
    pub no_jit: bool,
    /// Loop back-edges before a loop is compiled (`--jit-threshold`).
    pub jit_threshold: u32,
    /// `--jit-report` and `--jit-dump`.
    pub jit: krait_jit::JitOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            argv: vec![String::new()],
            path: vec![],
            capture_stdout: false,
            no_jit: false,
            jit_threshold: 1000,
            jit: Default::default(),
        }
    }
}

/// A Python exception that escaped to the embedder.
#[derive(Clone, Debug)]
pub struct PyException {
    /// The exception class name (`ZeroDivisionError`).
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
    /// The full traceback as CPython prints it.
    pub traceback: String,
    /// The process exit status this exception means (SystemExit's code, 130 for
    /// KeyboardInterrupt, otherwise 1).
    pub exit_code: i32,
    /// For SystemExit: the text to print on stderr, if any.
    pub exit_message: Option<String>,
}

impl std::fmt::Display for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.traceback)
    }
}

impl std::error::Error for PyException {}

/// A Python interpreter.
pub struct Krait {
    vm: Vm,
    main: krait_runtime::ObjRef,
}

impl Krait {
    /// Creates an interpreter with a `__main__` module.
    pub fn new(options: Options) -> Krait {
        let mut path = options.path.clone();
        path.push(".".into());
        let mut vm = Vm::new(VmOptions {
            argv: options.argv.clone(),
            path,
            capture_stdout: options.capture_stdout,
            interactive: false,
        });
        vm.jit_threshold = if options.no_jit { 0 } else { options.jit_threshold };
        if !options.no_jit {
            let mut jit = options.jit.clone();
            if let Ok(d) = std::env::var("KRAIT_JIT_DUMP") {
                jit.dump = krait_jit::DumpFlags::parse(&d).unwrap_or_default();
            }
            vm.hooks = Some(Box::new(krait_jit::Jit::new(jit)));
        }
        let main = vm.new_module("__main__");
        let key = vm.intern("__main__");
        let modules = vm.modules;
        dict_set_str(modules, key, Value::Obj(main));
        Krait { vm, main }
    }

    /// The program is over: print the JIT report if one was asked for.
    pub fn at_exit(&mut self) {
        self.vm.with_hooks(|h, vm| h.at_exit(vm));
    }

    /// The flag that, when set, raises KeyboardInterrupt in the running code.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.vm.interrupt.clone()
    }

    /// Direct access to the VM.
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }

    fn main_dict(&self) -> krait_runtime::ObjRef {
        match &self.main.kind {
            Kind::Module(m) => m.dict,
            _ => unreachable!(),
        }
    }

    /// Runs source as the `__main__` module.
    pub fn run_source(&mut self, source: &str, filename: &str) -> Result<(), PyException> {
        self.run_mode(source, filename, krait_runtime::compiler::Mode::Exec).map(|_| ())
    }

    /// Runs a file as the `__main__` module.
    pub fn run_file(&mut self, path: &str) -> Result<(), PyException> {
        let bytes = std::fs::read(path).map_err(|e| PyException {
            type_name: "FileNotFoundError".into(),
            message: e.to_string(),
            traceback: format!("can't open file '{}': [Errno {}] {}\n", path, e.raw_os_error().unwrap_or(2), e),
            exit_code: 2,
            exit_message: None,
        })?;
        let file = self.vm.new_str(path);
        let fk = self.vm.intern("__file__");
        dict_set_str(self.main_dict(), fk, file);
        self.run_bytes(&bytes, path)
    }

    /// Runs source bytes (which must be UTF-8) as the `__main__` module.
    pub fn run_bytes(&mut self, bytes: &[u8], path: &str) -> Result<(), PyException> {
        let bytes = bytes.to_vec();
        let source = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                return Err(PyException {
                    type_name: "SyntaxError".into(),
                    message: "invalid utf-8".into(),
                    traceback: format!(
                        "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                        e.as_bytes()[pos],
                        path,
                        e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1
                    ),
                    exit_code: 1,
                    exit_message: None,
                });
            }
        };
        self.run_source(&source, path)
    }

    /// Compiles and runs one REPL entry: expression statements print their repr.
    pub fn run_interactive(&mut self, source: &str) -> Result<(), PyException> {
        self.run_mode(source, "<stdin>", krait_runtime::compiler::Mode::Single).map(|_| ())
    }

    /// Evaluates an expression in `__main__` and returns its repr.
    pub fn eval(&mut self, expr: &str) -> Result<String, PyException> {
        let v = self.run_mode(expr, "<string>", krait_runtime::compiler::Mode::Eval)?;
        self.vm.roots.push(v);
        let r = self.vm.repr(v);
        self.vm.roots.pop();
        r.map_err(|e| self.exception(e))
    }

    fn run_mode(
        &mut self,
        source: &str,
        filename: &str,
        mode: krait_runtime::compiler::Mode,
    ) -> Result<Value, PyException> {
        self.vm.sources.insert(filename.to_string(), source.into());
        let co = match krait_runtime::compiler::compile(source, filename, mode) {
            Ok(c) => c,
            Err(ce) => {
                let e = self.vm.syntax_error_from(&ce);
                return Err(self.exception(e));
            }
        };
        let code = self.vm.load_code(Rc::new(co));
        let globals = self.main_dict();
        self.vm.roots.push(Value::Obj(code));
        let r = self.vm.run_code(code, globals, None);
        self.vm.roots.pop();
        self.vm.flush_stdout();
        r.map_err(|e| self.exception(e))
    }

    /// Everything printed so far (when capturing stdout).
    pub fn take_stdout(&mut self) -> String {
        self.vm.take_captured()
    }

    /// Flushes buffered output.
    pub fn flush(&mut self) {
        self.vm.flush_stdout();
    }

    fn exception(&mut self, e: PyErr) -> PyException {
        self.vm.flush_stdout();
        let vm = &mut self.vm;
        let cls = vm.type_of(Value::Obj(e.0));
        let type_name = krait_runtime::ops::class_name(cls);
        let message = vm.str_of(Value::Obj(e.0)).unwrap_or_default();
        let system_exit = vm.exc.SystemExit;
        if krait_runtime::ops::is_subclass(cls, system_exit) {
            let args = e.0.exc_data().map(|d| d.borrow().args).unwrap_or(Value::None);
            let items: Vec<Value> = args.as_obj().and_then(|t| t.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
            let code = if items.len() == 1 {
                items[0]
            } else if items.is_empty() {
                Value::None
            } else {
                args
            };
            let (exit_code, exit_message) = match code {
                Value::None => (0, None),
                Value::Int(i) => (i as i32, None),
                Value::Bool(b) => (b as i32, None),
                other => (1, Some(vm.str_of(other).unwrap_or_default())),
            };
            return PyException { type_name, message, traceback: String::new(), exit_code, exit_message };
        }
        let traceback = vm.format_exception(e.0);
        let ki = vm.exc.KeyboardInterrupt;
        let exit_code = if krait_runtime::ops::is_subclass(cls, ki) { 130 } else { 1 };
        PyException { type_name, message, traceback, exit_code, exit_message: None }
    }
}

/// Runs `f` on a thread with a stack large enough for deep recursion through native
/// code, and returns its result.
pub fn run_with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let handle = std::thread::Builder::new()
        .name("krait".into())
        .stack_size(krait_runtime::vm::MAX_NATIVE_DEPTH * 64 * 1024 + (64 << 20))
        .spawn(f)
        .expect("spawn interpreter thread");
    match handle.join() {
        Ok(v) => v,
        Err(p) => std::panic::resume_unwind(p),
    }
}
