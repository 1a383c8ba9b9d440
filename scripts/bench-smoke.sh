#!/usr/bin/env bash
# Smoke run of the benchmark programs, for CI: runs every benches/*.py once at its
# quick size under krait (JIT and --no-jit) and python3, and fails if any program's
# output differs from CPython's or any run fails or times out. It checks answers, not
# speed (no timing is compared). Takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x target/release/krait ]; then
    cargo build --release
fi
exec target/release/krait bench --quick --runs 1 --warmup 0 --timeout 30 \
    --against-only --against python3 benches/*.py
