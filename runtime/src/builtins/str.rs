//! str (and bytes/bytearray): constructors and methods.

use crate::vm::Vm;

/// Registers str, bytes and bytearray methods and constructors.
pub fn register(_vm: &mut Vm) {}
