//! `cargo bench`: runs `krait bench` over every benches/*.py with the release build
//! of krait and prints its table.
//!
//! `cargo bench -- --quick` (or `KRAIT_BENCH_QUICK=1 cargo bench`) runs the programs at
//! their small `quick` size. Words that do not start with `-` select the programs
//! whose file name contains one of them (`cargo bench -- nbody sieve`); any other
//! option is passed on to `krait bench` (`cargo bench -- --runs 3 --svg chart.svg`).

use std::path::{Path, PathBuf};
use std::process::{exit, Command};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()));
    let mut quick = std::env::var("KRAIT_BENCH_QUICK").map(|v| !v.is_empty() && v != "0").unwrap_or(false);
    let mut filters = vec![];
    let mut passed = vec![];
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // cargo bench adds --bench; libtest's own flags mean nothing here.
            "--bench" | "--nocapture" | "--test" => {}
            "--quick" => quick = true,
            // Options of krait bench that take a value.
            "--runs" | "--warmup" | "--against" | "--json" | "--svg" | "--timeout" => {
                passed.push(a.clone());
                passed.extend(args.next());
            }
            s if s.starts_with('-') => passed.push(a),
            _ => filters.push(a),
        }
    }

    let krait = match krait_binary(&root) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("harness: {}", e);
            exit(2);
        }
    };
    let mut scripts: Vec<PathBuf> = match std::fs::read_dir(root.join("benches")) {
        Ok(dir) => {
            dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "py")).collect()
        }
        Err(e) => {
            eprintln!("harness: cannot list benches/: {}", e);
            exit(2);
        }
    };
    scripts.retain(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
    });
    scripts.sort();
    if scripts.is_empty() {
        eprintln!("harness: no benchmark programs match {:?}", filters);
        exit(2);
    }

    // Ctrl-C reaches this process too (it shares the terminal's process group with
    // cargo); krait bench handles it and prints its partial results, so wait for it.
    let _ = ctrlc::set_handler(|| {});
    eprintln!("harness: krait {} · commit {} · {}", krait.display(), commit(&root), std::env::consts::ARCH);
    let mut cmd = Command::new(&krait);
    cmd.current_dir(&root).arg("bench");
    if quick {
        cmd.arg("--quick");
    }
    cmd.args(&passed);
    cmd.args(scripts.iter().map(|p| p.strip_prefix(&root).unwrap_or(p)));
    let status = match cmd.status() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("harness: cannot run {}: {}", krait.display(), e);
            exit(2);
        }
    };
    exit(status.code().unwrap_or(1));
}

/// target/release/krait (under CARGO_TARGET_DIR when set), built first if missing.
fn krait_binary(root: &Path) -> Result<PathBuf, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let target = if target.is_absolute() { target } else { root.join(target) };
    let krait = target.join("release").join("krait");
    if !krait.is_file() {
        eprintln!("harness: {} is missing; building it", krait.display());
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let ok = Command::new(cargo)
            .current_dir(root)
            .args(["build", "--release", "--bin", "krait"])
            .status()
            .map_err(|e| format!("cannot run cargo build: {}", e))?
            .success();
        if !ok || !krait.is_file() {
            return Err(format!("cargo build --release did not produce {}", krait.display()));
        }
    }
    Ok(krait)
}

/// The checked-out commit, for the record (`unknown` outside a git checkout).
fn commit(root: &Path) -> String {
    let out = Command::new("git").current_dir(root).args(["rev-parse", "--short", "HEAD"]).output();
    match out {
        Ok(o) if o.status.success() => {
            let dirty = Command::new("git")
                .current_dir(root)
                .args(["status", "--porcelain", "--untracked-files=no"])
                .output()
                .map(|o| !o.stdout.is_empty())
                .unwrap_or(false);
            format!("{}{}", String::from_utf8_lossy(&o.stdout).trim(), if dirty { " (with local changes)" } else { "" })
        }
        _ => "unknown".into(),
    }
}
