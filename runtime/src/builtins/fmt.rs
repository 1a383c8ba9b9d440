//! Formatting: `format()`, the `__format__` protocol, `str.format`, and `%`-formatting.

use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Registers format-related builtins and methods.
pub fn register(_vm: &mut Vm) {}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, _fmt: &str, _args: Value) -> PyResult<Value> {
    Err(vm.not_implemented_error("%-formatting"))
}

/// `ascii()`-style escaping of a repr: non-ASCII characters as \x, \u or \U escapes.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    out
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let _ = spec;
        self.str_value(v)
    }
}
