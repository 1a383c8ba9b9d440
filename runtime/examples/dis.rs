//! Disassembles a Python file: `cargo run -p krait-runtime --example dis -- file.py`
//! (`-` reads standard input; `--eval` / `--single` pick the compile mode).

use std::io::Read;

use krait_runtime::compiler::{compile, Mode};

fn main() {
    let mut mode = Mode::Exec;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--eval" => mode = Mode::Eval,
            "--single" => mode = Mode::Single,
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: dis [--eval|--single] FILE.py");
        std::process::exit(2);
    };
    let source = if path == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("dis: cannot read standard input: {}", e);
            std::process::exit(2);
        }
        s
    } else {
        match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("dis: cannot read {}: {}", path, e);
                std::process::exit(2);
            }
        }
    };
    match compile(&source, &path, mode) {
        Ok(code) => print!("{}", code),
        Err(e) => {
            eprintln!("{}", e);
            std::process::exit(1);
        }
    }
}
