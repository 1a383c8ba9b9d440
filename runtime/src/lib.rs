//! krait-runtime: bytecode, compiler, object model, GC, interpreter and builtins.
pub mod bytecode;
pub mod floatfmt;
pub mod format;
