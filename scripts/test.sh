#!/usr/bin/env bash
# The project's test command (README.md): builds everything in release mode, then runs
# the Rust unit tests and every Python program against CPython's expected output in the
# three modes (--no-jit, default, --jit-threshold 1), then checks that every benchmark
# program prints CPython's output.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --workspace
cargo test --release --workspace
# Every benchmark program must still print CPython's output (quick size, no timing).
bash scripts/bench-smoke.sh
