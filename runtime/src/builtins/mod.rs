//! The builtins: registration of every built-in type's methods and every builtin
//! function. Adding a method or a function is one `add_method`/`add_builtin` line in
//! the file of its type; the interpreter loop never changes for it.
//!
//! Rooting rule for native code (see heap.rs): argument slices are rooted by the
//! caller; a native that keeps values in Rust locals while it calls back into Python
//! (key functions, `__eq__`, iteration) must push them on `vm.roots` first.

pub mod args;
pub mod core;
pub mod dict;
pub mod exceptions;
pub mod fmt;
pub mod functions;
pub mod list;
pub mod num;
pub mod str;

pub use self::core::{
    bytes_contains, copy_slice, delitem_builtin, get_slice, getitem_builtin, register_iter_type, set_slice,
    setitem_builtin,
};
pub use self::dict::{set_binop, set_compare};
pub use self::fmt::{ascii_escape, percent_format};

use crate::value::Value;
use crate::vm::Vm;

/// Registers all built-in types' methods, builtin functions and native modules.
pub fn init(vm: &mut Vm) {
    core::register(vm);
    num::register(vm);
    str::register(vm);
    list::register(vm);
    dict::register(vm);
    exceptions::register(vm);
    fmt::register(vm);
    functions::register(vm);
    crate::modules::register(vm);
    let len = vm.intern("len");
    vm.len_builtin = crate::ops::dict_get_str(vm.builtins_dict, len).unwrap_or(Value::None);
    let next = vm.intern("next");
    vm.next_builtin = crate::ops::dict_get_str(vm.builtins_dict, next).unwrap_or(Value::None);
    for (i, name) in functions::CONSUME_BUILTINS.iter().enumerate() {
        let n = vm.intern(name);
        vm.consume_builtins[i] = crate::ops::dict_get_str(vm.builtins_dict, n).unwrap_or(Value::None);
    }
}
