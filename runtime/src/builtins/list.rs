//! list and tuple: constructors and methods.

use crate::vm::Vm;

/// Registers list and tuple methods and constructors.
pub fn register(_vm: &mut Vm) {}
