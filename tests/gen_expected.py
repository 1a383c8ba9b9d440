#!/usr/bin/env python3
"""Regenerate the expected output files of krait's Python test corpus.

CPython 3.11 is the reference implementation. Every program is run with
`python3 <bare file name>` from inside its own folder, so tracebacks and
sys.argv[0] show the bare file name, exactly as krait's test runner does.

  tests/py/<group>/<name>.py  -> <name>.out (stdout); the program must exit 0
  tests/errors/<name>.py      -> <name>.out, <name>.err (full stderr),
                                 <name>.exit (exit code, newline-terminated)

CPython 3.11 prints the main script's absolute path in tracebacks
(File "/abs/dir/name.py"); the folder part is stripped so that expected files
read File "name.py" and do not depend on the checkout location. Any other
appearance of the absolute folder in the output is an error.

Files whose name starts with "_" are helper modules, not tests.

Usage: python3 tests/gen_expected.py [paths...]
  Paths may be program files or directories; no paths means the whole corpus.
"""
import os
import subprocess
import sys

TESTS = os.path.dirname(os.path.abspath(__file__))
PY_DIR = os.path.join(TESTS, "py")
ERR_DIR = os.path.join(TESTS, "errors")
PYTHON = os.environ.get("KRAIT_REFERENCE_PYTHON", "python3")
TIMEOUT = 60


def is_program(path):
    name = os.path.basename(path)
    return name.endswith(".py") and not name.startswith("_")


def collect(paths):
    out = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if is_program(full):
                        out.append(full)
        elif is_program(p):
            out.append(p)
        else:
            sys.exit(f"gen_expected: not a test program: {p}")
    return out


def in_dir(path, directory):
    return os.path.commonpath([path, directory]) == directory


def run(path):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONSAFEPATH"):
        env.pop(var, None)
    return subprocess.run(
        [PYTHON, os.path.basename(path)],
        cwd=os.path.dirname(path),
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )


def normalize(data, path):
    """CPython 3.11 makes the main script's path absolute in tracebacks and
    SyntaxError reports; strip the folder so the expected files do not depend
    on where the repository is checked out (krait prints the path it was
    given, which is the bare file name)."""
    folder = os.path.dirname(path).encode() + os.sep.encode()
    return data.replace(b'File "' + folder, b'File "')


def leaks_path(data, path):
    return os.path.dirname(path).encode() in data


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print(f"gen_expected: warning: reference is CPython 3.11, running {sys.version.split()[0]}",
              file=sys.stderr)
    programs = collect(argv or [PY_DIR, ERR_DIR])
    if not programs:
        sys.exit("gen_expected: no programs found")
    failures = []
    for path in programs:
        rel = os.path.relpath(path, TESTS)
        base = path[:-3]
        try:
            res = run(path)
        except subprocess.TimeoutExpired:
            failures.append(f"{rel}: timed out after {TIMEOUT}s")
            continue
        stdout = normalize(res.stdout, path)
        stderr = normalize(res.stderr, path)
        if leaks_path(stdout, path) or leaks_path(stderr, path):
            failures.append(f"{rel}: output contains the absolute test folder path")
            continue
        if in_dir(path, ERR_DIR):
            write(base + ".out", stdout)
            write(base + ".err", stderr)
            write(base + ".exit", b"%d\n" % res.returncode)
            if res.returncode == 0:
                failures.append(f"{rel}: error test exited 0")
        else:
            if res.returncode != 0:
                failures.append(f"{rel}: exit code {res.returncode}\n"
                                + res.stderr.decode("utf-8", "replace"))
                continue
            if res.stderr:
                failures.append(f"{rel}: wrote to stderr\n" + res.stderr.decode("utf-8", "replace"))
                continue
            write(base + ".out", stdout)
        print(f"ok   {rel}")
    if failures:
        print("\nFAILED:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)
    print(f"\n{len(programs)} programs regenerated")


if __name__ == "__main__":
    main(sys.argv[1:])
