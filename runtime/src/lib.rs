//! krait-runtime: bytecode, compiler, object model, GC, interpreter and builtins.
pub mod bytecode;
