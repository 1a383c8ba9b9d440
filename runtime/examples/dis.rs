//! Disassembles a Python file: `cargo run -p krait-runtime --example dis -- file.py`
//! (`-` reads standard input; `--eval` / `--single` pick the compile mode; `--raw-errors`
//! prints a SyntaxError as `kind|msg|line|col|end_col` for scripts; `--ruff-errors` also
//! prints the parser's raw diagnostics; `--quiet` only reports errors).

use std::io::Read;

use krait_runtime::compiler::{compile, Mode};

fn main() {
    let mut mode = Mode::Exec;
    let mut path = None;
    let mut raw_errors = false;
    let mut ruff_errors = false;
    let mut quiet = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--eval" => mode = Mode::Eval,
            "--single" => mode = Mode::Single,
            "--raw-errors" => raw_errors = true,
            "--ruff-errors" => ruff_errors = true,
            "--quiet" => quiet = true,
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
    if ruff_errors {
        // Debugging aid: the parser's own diagnostics, before krait maps them.
        let parse_mode = match mode {
            Mode::Eval => ruff_python_parser::Mode::Expression,
            _ => ruff_python_parser::Mode::Module,
        };
        let parsed = ruff_python_parser::parse_unchecked(&source, parse_mode.into());
        for e in parsed.errors() {
            println!("{:?} at {:?}", e.error, e.location);
        }
    }
    match compile(&source, &path, mode) {
        Ok(code) => {
            if !quiet {
                print!("{}", code);
            }
        }
        Err(e) if raw_errors => {
            println!("{}|{}|{}|{}|{}", e.kind.name(), e.msg, e.line, e.col, e.end_col);
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("{}", e);
            std::process::exit(1);
        }
    }
}
