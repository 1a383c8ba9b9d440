//! dict, set and frozenset: constructors, methods, views and set algebra.

use crate::bytecode::BinOp;
use crate::heap::ObjRef;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Registers dict, set and frozenset methods and constructors.
pub fn register(_vm: &mut Vm) {}

/// `a op b` for two sets/frozensets (`|`, `&`, `-`, `^` and in-place forms).
pub fn set_binop(vm: &mut Vm, _a: ObjRef, _b: ObjRef, _op: BinOp) -> PyResult<Value> {
    Err(vm.not_implemented_error("set operators"))
}

/// Rich comparison of two sets (`name` is the dunder, e.g. `__lt__`).
pub fn set_compare(vm: &mut Vm, _a: Value, _b: Value, _name: ObjRef) -> PyResult<Value> {
    Ok(vm.not_implemented)
}
