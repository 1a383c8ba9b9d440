//! krait-runtime: bytecode, compiler, object model, GC, interpreter and builtins.
//!
//! The phases, one module each: `compiler` (AST -> `bytecode`), `interp` (the dispatch
//! loop), `ops`/`arith` (Python semantics shared by the interpreter and compiled
//! traces), `heap` (GC), `object`/`value` (layouts), `builtins` and `modules`.

pub mod arith;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod dict;
pub mod floatfmt;
pub mod format;
pub mod heap;
pub mod import;
pub mod interp;
pub mod modules;
pub mod object;
pub mod ops;
pub mod set;
pub mod shape;
pub mod symtable;
pub mod value;
pub mod vm;

pub use heap::ObjRef;
pub use value::{PyErr, PyResult, Value};
pub use vm::{Vm, VmOptions};

/// Installs the Ctrl-C handler: it sets `flag`, which the interpreter checks at loop
/// back-edges and calls and turns into KeyboardInterrupt.
pub fn set_interrupt_handler(flag: std::sync::Arc<std::sync::atomic::AtomicBool>) -> Result<(), String> {
    ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst)).map_err(|e| e.to_string())
}
