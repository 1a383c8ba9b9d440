//! The krait command-line interface.
fn main() {}
