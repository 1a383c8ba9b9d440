//! Seeded random-program differential test for the JIT.
//!
//! A generator writes small deterministic Python programs built around loops (for-range,
//! while with break/continue, for over lists, enumerate, zip, generators and generator
//! expressions, nested up to three deep)
//! mixing ints (including values near 2**62 and 2**63, so arithmetic overflows into big
//! ints and back, and multiply-mod expressions whose products pass i64), floats (including nan, inf and -0.0), bools, lists, an instance whose
//! shape changes, calls to small generated functions (defaults, keywords, a closure,
//! bounded recursion, functions that raise), data-dependent branches, and caught
//! exceptions. Each program prints intermediate values and a checksum of its final state.
//! About 60% of the programs use only a core subset (operators on ints, floats and bools;
//! lists indexed, appended to, popped and measured; plain calls of generated functions;
//! if/elif/else; for-range and while loops; division by zero caught), so that their loops
//! are compiled by a JIT that does not handle everything yet; the rest use everything.
//!
//! Every program runs with `--no-jit`, `--jit-threshold 1 --jit-sync` (every trace used as
//! soon as it is recorded) and `--jit-threshold 7` (traces compiled in the background); stdout,
//! stderr and the exit status must agree exactly. A program that disagrees is copied to
//! tests/jit_regressions/fuzz_<seed>.py (which the main harness then runs on every test
//! run) and the test fails with the difference.
//!
//! Environment: `KRAIT_FUZZ_SEED` (decimal or 0x-hex) is the first program's seed (the
//! programs use seed, seed+1, ...); without it a fixed base seed keeps CI reproducible.
//! `KRAIT_FUZZ_COUNT` is the number of programs (default 300). `KRAIT_FUZZ_CPYTHON=python3`
//! additionally compares the `--no-jit` stdout with that interpreter (it finds interpreter
//! bugs and generator mistakes; off by default so CI does not need Python).
//! `KRAIT_FUZZ_KEEP=1` keeps the temporary folder of generated programs.
//!
//! Invariants of the generated programs (kept by the generator, checked by the test: the
//! `--no-jit` run must exit 0 without output on stderr): no infinite loops (every loop has
//! a constant or list-length bound, while loops increment their counter first), bounded
//! integers (the generator tracks an upper bound on the bit length of every variable and
//! expression; an expression that could pass 300 bits is reduced modulo M, and at the end
//! of each loop body every variable that may have grown is reduced when it leaves
//! (NLIM, LIM) = (-2**64, 2**64)), so int-to-float conversions never overflow; no uncaught exceptions
//! (divisors are `x % k + 1`, or the division sits in a try/except ZeroDivisionError;
//! lists are never emptied and are indexed modulo their length).

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// "krait_ji": the first seed when KRAIT_FUZZ_SEED is not set.
const BASE_SEED: u64 = 0x6b72_6169_745f_6a69;
const DEFAULT_COUNT: u64 = 300;
const FUZZ_MODES: [(&str, &[&str]); 3] = [
    ("--no-jit", &["--no-jit"]),
    ("--jit-threshold 1 --jit-sync", &["--jit-threshold", "1", "--jit-sync"]),
    ("--jit-threshold 7", &["--jit-threshold", "7"]),
];
/// Per-run time limit; a generated program takes a few milliseconds.
const RUN_TIMEOUT: Duration = Duration::from_secs(20);
/// At most this many failing programs are copied into tests/jit_regressions per run.
const MAX_SAVED: usize = 5;

// ---------------------------------------------------------------------------------------
// Random numbers (splitmix64: tiny, and the same sequence on every platform)

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------------------
// The generator

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    /// Always an int (or a bool, which behaves as one).
    Int,
    /// An int or a float (the type may change from one iteration to the next).
    Num,
    Bool,
    /// A non-empty list of ints, at most ~41 long.
    List,
    /// An `Acc` instance.
    Obj,
}

#[derive(Clone)]
struct Var {
    name: String,
    ty: Ty,
    /// Upper bound on the bit length of the value (numbers only).
    bits: u32,
    /// Loop variables and while counters: never assigned by generated statements.
    readonly: bool,
}

#[derive(Clone)]
struct Func {
    name: String,
    params: Vec<(String, Ty)>,
    /// How many trailing parameters have defaults.
    defaults: usize,
    ret: Ty,
    /// Estimated statement executions per call.
    cost: u64,
    /// May raise ValueError: called only inside try/except ValueError.
    raises: bool,
}

struct LoopCtx {
    /// Bit bounds of the variables at the top of every iteration.
    start: Vec<u32>,
    /// Bit bounds at each `break`.
    breaks: Vec<Vec<u32>>,
}

/// Largest bit length an expression may have before it is reduced modulo M.
const CAP: u32 = 300;
/// Bit bound of a value reduced modulo M (M < 2**65) or into (-2**64, 2**64).
const REDUCED: u32 = 66;
/// Bit bound of function parameters and results, enforced at call sites and returns.
const ARG_BITS: u32 = 70;
/// Estimated statement executions allowed per program.
const COST_LIMIT: u64 = 150_000;

struct Gen {
    rng: Rng,
    out: String,
    ind: usize,
    vars: Vec<Var>,
    funcs: Vec<Func>,
    loops: Vec<LoopCtx>,
    /// Product of the trip counts of the enclosing loops.
    mult: u64,
    cost: u64,
    /// Inside a try whose handler catches ValueError.
    in_try_value: bool,
    /// The function being generated calls something that may raise.
    func_raises: bool,
    fresh: usize,
    /// Generating a function body (not the main scope).
    generating_func: bool,
    /// The core profile: only what every JIT handles first (operators on ints, floats,
    /// bools; lists indexed, appended to, measured with len; plain calls of generated
    /// functions; if/else; for-range and while loops). Other programs use everything.
    core: bool,
    /// Try bodies being generated: the largest bound each variable reaches inside them
    /// (an exception can leave a variable with any value it had along the way).
    watches: Vec<Vec<u32>>,
}

struct E {
    s: String,
    bits: u32,
}

fn e(s: String, bits: u32) -> E {
    E { s, bits }
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            out: String::new(),
            ind: 0,
            vars: Vec::new(),
            funcs: Vec::new(),
            loops: Vec::new(),
            mult: 1,
            cost: 0,
            in_try_value: false,
            func_raises: false,
            fresh: 0,
            generating_func: false,
            core: false,
            watches: Vec::new(),
        }
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.ind {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{}{}", prefix, self.fresh)
    }

    fn charge(&mut self, n: u64) {
        self.cost = self.cost.saturating_add(self.mult.saturating_mul(n));
    }

    fn budget_left(&self) -> u64 {
        COST_LIMIT.saturating_sub(self.cost)
    }

    fn vars_of(&self, ty: Ty, writable: bool) -> Vec<usize> {
        (0..self.vars.len()).filter(|&i| self.vars[i].ty == ty && (!writable || !self.vars[i].readonly)).collect()
    }

    fn snapshot(&self) -> Vec<u32> {
        self.vars.iter().map(|v| v.bits).collect()
    }

    fn restore(&mut self, snap: &[u32]) {
        for (v, &b) in self.vars.iter_mut().zip(snap) {
            v.bits = b;
        }
    }

    fn merge_into(acc: &mut [u32], other: &[u32]) {
        for (a, &b) in acc.iter_mut().zip(other) {
            *a = (*a).max(b);
        }
    }

    // ----- expressions -----

    fn wrap(x: E) -> E {
        e(format!("(({}) % M)", x.s), REDUCED)
    }

    fn cap(x: E) -> E {
        if x.bits > CAP {
            Gen::wrap(x)
        } else {
            x
        }
    }

    fn int_const(&mut self) -> E {
        match self.rng.below(10) {
            0..=5 => {
                let v = self.rng.range(-20, 40);
                e(if v < 0 { format!("({})", v) } else { v.to_string() }, 7)
            }
            6 => e(self.rng.range(100, 100_000).to_string(), 17),
            _ => {
                let s = self.rng.pick(&[
                    "BIG",
                    "(-BIG)",
                    "MAXI",
                    "MINI",
                    "(2**62)",
                    "(-(2**62))",
                    "(2**63 - 1)",
                    "(-(2**63))",
                    "(2**64 + 1)",
                    "(MAXI - 3)",
                    "(MINI + 5)",
                ]);
                e(s.to_string(), 66)
            }
        }
    }

    fn float_const(&mut self) -> E {
        let s = self.rng.pick(&[
            "0.5",
            "(-1.5)",
            "3.25",
            "0.001",
            "(-0.0)",
            "0.0",
            "1e18",
            "(2.0**62)",
            "9.2e18",
            "1e-300",
            "NAN",
            "INF",
            "(-INF)",
            "0.1",
            "(-7.75)",
        ]);
        e(s.to_string(), 66)
    }

    fn list_name(&mut self) -> Option<String> {
        let ls = self.vars_of(Ty::List, false);
        if ls.is_empty() {
            None
        } else {
            let i = self.rng.pick(&ls);
            Some(self.vars[i].name.clone())
        }
    }

    fn obj_name(&mut self) -> Option<String> {
        let os = self.vars_of(Ty::Obj, false);
        if os.is_empty() {
            None
        } else {
            let i = self.rng.pick(&os);
            Some(self.vars[i].name.clone())
        }
    }

    fn int_leaf(&mut self, depth: u32) -> E {
        loop {
            match self.rng.below(20) {
                0..=7 => {
                    let mut vs = self.vars_of(Ty::Int, false);
                    vs.extend(self.vars_of(Ty::Bool, false));
                    if vs.is_empty() {
                        continue;
                    }
                    let i = self.rng.pick(&vs);
                    let v = &self.vars[i];
                    return e(v.name.clone(), if v.ty == Ty::Bool { 1 } else { v.bits });
                }
                8..=10 => return self.int_const(),
                11 => {
                    if let Some(l) = self.list_name() {
                        return e(format!("len({})", l), 7);
                    }
                }
                12 | 13 => {
                    if let Some(l) = self.list_name() {
                        let idx = if depth > 0 { self.int_expr(depth - 1) } else { self.int_leaf(0) };
                        return e(format!("{}[{} % len({})]", l, idx.s, l), REDUCED);
                    }
                }
                14 if !self.core => {
                    if let Some(l) = self.list_name() {
                        return e(format!("sum({})", l), REDUCED + 6);
                    }
                }
                15 => return e("G".to_string(), REDUCED),
                16 | 17 => {
                    if depth > 0 {
                        if let Some(c) = self.call(Ty::Int, depth - 1) {
                            return c;
                        }
                    }
                }
                18 => {
                    if let Some(o) = self.obj_name() {
                        let s = self.rng.pick(&["{}.v", "{}.n", "getattr({}, 'w', 0)", "{}.bonus"]);
                        return e(s.replace("{}", &o), REDUCED);
                    }
                }
                _ => {
                    if depth > 0 && self.mult <= 2000 && !self.core {
                        let a = self.int_expr(depth - 1);
                        let a = self.arg(a);
                        return e(format!("ADD({})", a.s), ARG_BITS + 1);
                    }
                }
            }
        }
    }

    fn num_leaf(&mut self, depth: u32) -> E {
        match self.rng.below(10) {
            0..=3 => {
                let vs = self.vars_of(Ty::Num, false);
                if vs.is_empty() {
                    return self.float_const();
                }
                let i = self.rng.pick(&vs);
                e(self.vars[i].name.clone(), self.vars[i].bits)
            }
            4 | 5 => self.float_const(),
            6 if depth > 0 => {
                if let Some(c) = self.call(Ty::Num, depth - 1) {
                    c
                } else {
                    self.int_leaf(depth)
                }
            }
            _ => self.int_leaf(depth),
        }
    }

    /// A divisor that is never zero: k in 1..=7 (or -7..=-1), or nan for a nan operand.
    fn safe_divisor(&mut self, x: E) -> String {
        let k = self.rng.range(2, 9);
        if self.rng.chance(70) {
            format!("({} % {} + 1)", x.s, k)
        } else {
            format!("(-({} % {}) - 1)", x.s, k)
        }
    }

    /// Integer-valued expression (ints and bools only).
    fn int_expr(&mut self, depth: u32) -> E {
        if depth == 0 || self.rng.chance(25) {
            return self.int_leaf(depth);
        }
        let d = depth - 1;
        let r = match self.rng.below(18) {
            0..=2 => {
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                let op = self.rng.pick(&["+", "-"]);
                e(format!("({} {} {})", a.s, op, b.s), a.bits.max(b.bits) + 1)
            }
            3 | 4 => {
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                let (a, b) = if a.bits + b.bits > CAP { (Gen::wrap(a), Gen::wrap(b)) } else { (a, b) };
                e(format!("({} * {})", a.s, b.s), a.bits + b.bits)
            }
            5 | 6 => {
                let (a, b) = (self.int_expr(d), self.int_leaf(0));
                let op = self.rng.pick(&["//", "%"]);
                let div = self.safe_divisor(b);
                e(format!("({} {} {})", a.s, op, div), a.bits)
            }
            7 => {
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                let op = self.rng.pick(&["&", "|", "^"]);
                e(format!("({} {} {})", a.s, op, b.s), a.bits.max(b.bits))
            }
            8 => {
                let a = self.int_expr(d);
                let k = self.rng.range(0, 12) as u32;
                e(format!("({} << {})", a.s, k), a.bits + k)
            }
            9 => {
                let a = self.int_expr(d);
                let k = self.rng.range(0, 70);
                e(format!("({} >> {})", a.s, k), a.bits)
            }
            10 => {
                let a = self.int_expr(d);
                let f = if self.core {
                    self.rng.pick(&["(-{})", "(~{})"])
                } else {
                    self.rng.pick(&["(-{})", "abs({})", "(~{})"])
                };
                e(f.replace("{}", &a.s), a.bits + 1)
            }
            11 => {
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                self.min_max(a, b)
            }
            12 => {
                let c = self.cond(d);
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                e(format!("({} if {} else {})", a.s, c, b.s), a.bits.max(b.bits))
            }
            13 => {
                let a = self.int_expr(d);
                e(format!("(({} % 1000003) ** 2)", a.s), 40)
            }
            14 if !self.core => {
                // int() of a number: finite floats truncate, nan/inf give 0
                let a = self.num_expr(d);
                e(format!("(int({0}) if {0} - {0} == 0 else 0)", a.s), a.bits)
            }
            14 | 15 => {
                let a = self.int_expr(d);
                e(format!("({} % M)", a.s), REDUCED)
            }
            16 => {
                // Multiply-mod past i64: a product of two values below 2**62 (either sign)
                // overflows i64 (an i128 in a trace); a modulus of either sign brings it back.
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                let k = self.rng.range(-1000, 1000);
                let p = self.rng.pick(&["(2**61 - 1)", "(-(2**61) + 1)", "1000000007", "(-1000000007)", "M"]);
                let (op, bits) = if self.rng.chance(70) { ("%", 66) } else { ("//", 126) };
                let (a, b) = (format!("({} % 2**62 - 2**61)", a.s), format!("({} % 2**62)", b.s));
                e(format!("(({} * {} + {}) {} {})", a, b, k, op, p), bits)
            }
            _ => {
                let (a, b) = (self.int_expr(d), self.int_expr(d));
                e(format!("({} + {} * 3 - 1)", a.s, b.s), a.bits.max(b.bits + 2) + 1)
            }
        };
        Gen::cap(r)
    }

    /// Numeric expression (int or float).
    fn num_expr(&mut self, depth: u32) -> E {
        if depth == 0 || self.rng.chance(25) {
            return self.num_leaf(depth);
        }
        let d = depth - 1;
        let r = match self.rng.below(14) {
            0..=2 => {
                let (a, b) = (self.num_expr(d), self.num_expr(d));
                let op = self.rng.pick(&["+", "-"]);
                e(format!("({} {} {})", a.s, op, b.s), a.bits.max(b.bits) + 1)
            }
            3 | 4 => {
                let (a, b) = (self.num_expr(d), self.num_expr(d));
                let (a, b) = if a.bits + b.bits > CAP { (Gen::wrap(a), Gen::wrap(b)) } else { (a, b) };
                e(format!("({} * {})", a.s, b.s), a.bits + b.bits)
            }
            5 | 6 => {
                let (a, b) = (self.num_expr(d), self.num_leaf(0));
                let op = self.rng.pick(&["/", "//", "%"]);
                let div = self.safe_divisor(b);
                e(format!("({} {} {})", a.s, op, div), a.bits)
            }
            7 => {
                let a = self.num_expr(d);
                let f = if self.core {
                    self.rng.pick(&["(-{})", "({} * 1.0)", "({} * 0.5)", "({} + 0.25)"])
                } else {
                    self.rng.pick(&["(-{})", "abs({})", "float({})", "({} * 0.5)", "({} + 0.25)"])
                };
                e(f.replace("{}", &a.s), a.bits + 1)
            }
            8 => {
                let (a, b) = (self.num_expr(d), self.num_expr(d));
                self.min_max(a, b)
            }
            9 => {
                let c = self.cond(d);
                let (a, b) = (self.num_expr(d), self.num_expr(d));
                e(format!("({} if {} else {})", a.s, c, b.s), a.bits.max(b.bits))
            }
            10 => {
                let a = self.num_expr(d);
                e(format!("(({} % 1000003) ** 2)", a.s), 40)
            }
            11 => {
                let a = self.num_expr(d);
                e(format!("({} % M)", a.s), REDUCED)
            }
            _ => self.int_expr(depth),
        };
        Gen::cap(r)
    }

    /// min/max as builtins, or (core profile) as a conditional expression.
    fn min_max(&mut self, a: E, b: E) -> E {
        let bits = a.bits.max(b.bits);
        let op = self.rng.pick(&["<", ">"]);
        if self.core {
            e(format!("({} if {} {} {} else {})", a.s, a.s, op, b.s, b.s), bits)
        } else {
            e(format!("{}({}, {})", if op == "<" { "min" } else { "max" }, a.s, b.s), bits)
        }
    }

    fn loop_var_cond(&mut self) -> Option<String> {
        let lv: Vec<usize> =
            (0..self.vars.len()).filter(|&i| self.vars[i].readonly && self.vars[i].bits < 20).collect();
        if lv.is_empty() {
            return None;
        }
        let i = self.rng.pick(&lv);
        let name = self.vars[i].name.clone();
        let k = self.rng.range(0, 300);
        Some(match self.rng.below(4) {
            0 => format!("{} > {}", name, k),
            1 => format!("{} < {}", name, k),
            2 => format!("{} % {} == {}", name, self.rng.range(2, 9), self.rng.range(0, 1)),
            _ => format!("{} == {}", name, k % 20),
        })
    }

    fn cond(&mut self, depth: u32) -> String {
        match self.rng.below(12) {
            0..=2 => {
                let (a, b) = (self.num_expr(depth.min(1)), self.num_expr(depth.min(1)));
                let op = self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                format!("{} {} {}", a.s, op, b.s)
            }
            3 | 4 => {
                let a = self.int_expr(depth.min(1));
                format!("{} % {} == {}", a.s, self.rng.range(2, 7), self.rng.range(0, 1))
            }
            5 | 6 => self.loop_var_cond().unwrap_or_else(|| "True".to_string()),
            7 => {
                let bs = self.vars_of(Ty::Bool, false);
                if bs.is_empty() {
                    return "False".to_string();
                }
                let i = self.rng.pick(&bs);
                let n = self.vars[i].name.clone();
                if self.rng.chance(50) {
                    n
                } else {
                    format!("not {}", n)
                }
            }
            8 if depth > 0 => {
                let (a, b) = (self.cond(depth - 1), self.cond(depth - 1));
                let op = self.rng.pick(&["and", "or"]);
                format!("({}) {} ({})", a, op, b)
            }
            9 if !self.core => {
                if let Some(l) = self.list_name() {
                    let a = self.int_leaf(0);
                    let neg = if self.rng.chance(30) { "not " } else { "" };
                    format!("{} {}in {}", a.s, neg, l)
                } else {
                    "True".to_string()
                }
            }
            10 => {
                let (a, b, c) = (self.num_leaf(0), self.num_leaf(0), self.num_leaf(0));
                format!("{} < {} <= {}", a.s, b.s, c.s)
            }
            _ => {
                let a = self.num_expr(depth.min(1));
                format!("{} != {}", a.s, a.s)
            }
        }
    }

    /// Reduce a call argument to the bound functions assume of their parameters.
    fn arg(&mut self, x: E) -> E {
        if x.bits > ARG_BITS {
            Gen::wrap(x)
        } else {
            x
        }
    }

    /// A call of a generated function returning `want` (Num also accepts Int functions).
    fn call(&mut self, want: Ty, depth: u32) -> Option<E> {
        let cands: Vec<usize> = (0..self.funcs.len())
            .filter(|&i| {
                let f = &self.funcs[i];
                (f.ret == want || want == Ty::Num)
                    && (!f.raises || self.in_try_value || self.func_raises_allowed())
                    && self.mult.saturating_mul(f.cost + 1) <= self.budget_left() / 2
            })
            .collect();
        if cands.is_empty() {
            return None;
        }
        let f = self.funcs[self.rng.pick(&cands)].clone();
        if f.raises && !self.in_try_value {
            self.func_raises = true;
        }
        self.charge(f.cost);
        let mut args = Vec::new();
        let n = f.params.len();
        let omit =
            if f.defaults > 0 && self.rng.chance(40) { self.rng.range(1, f.defaults as i64) as usize } else { 0 };
        let use_kw = !self.core && self.rng.chance(30);
        for (k, (pname, pty)) in f.params.iter().enumerate().take(n - omit) {
            let a = if *pty == Ty::Int { self.int_expr(depth) } else { self.num_expr(depth) };
            let a = self.arg(a);
            if use_kw && k + 1 == n - omit && k > 0 {
                args.push(format!("{}={}", pname, a.s));
            } else {
                args.push(a.s);
            }
        }
        Some(e(format!("{}({})", f.name, args.join(", ")), ARG_BITS))
    }

    /// Inside a function body being generated, a raising callee makes the function raise.
    fn func_raises_allowed(&self) -> bool {
        self.generating_func
    }

    // ----- statements -----

    fn assign_target(&mut self, ty: Ty) -> Option<usize> {
        let vs = self.vars_of(ty, true);
        if vs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vs))
        }
    }

    fn set_bits(&mut self, i: usize, bits: u32) {
        self.vars[i].bits = bits;
        self.note();
    }

    fn note(&mut self) {
        let snap = self.snapshot();
        for w in self.watches.iter_mut() {
            Gen::merge_into(w, &snap);
        }
    }

    fn stmt(&mut self, depth: u32) {
        self.charge(1);
        let in_loop = !self.loops.is_empty();
        let nested = self.loops.len();
        loop {
            match self.rng.below(30) {
                0..=4 => {
                    if let Some(i) = self.assign_target(Ty::Int) {
                        let x = self.int_expr(3);
                        let name = self.vars[i].name.clone();
                        self.line(&format!("{} = {}", name, x.s));
                        self.set_bits(i, x.bits);
                        return;
                    }
                }
                5..=8 => {
                    if let Some(i) = self.assign_target(Ty::Num) {
                        let x = self.num_expr(3);
                        let name = self.vars[i].name.clone();
                        self.line(&format!("{} = {}", name, x.s));
                        self.set_bits(i, x.bits);
                        return;
                    }
                }
                9 | 10 => {
                    let ty = if self.rng.chance(50) { Ty::Int } else { Ty::Num };
                    if let Some(i) = self.assign_target(ty) {
                        let x = if ty == Ty::Int { self.int_expr(2) } else { self.num_expr(2) };
                        let name = self.vars[i].name.clone();
                        let cur = self.vars[i].bits;
                        match self.rng.below(3) {
                            0 => {
                                self.line(&format!("{} += {}", name, x.s));
                                self.set_bits(i, cur.max(x.bits) + 1);
                            }
                            1 => {
                                self.line(&format!("{} -= {}", name, x.s));
                                self.set_bits(i, cur.max(x.bits) + 1);
                            }
                            _ => {
                                if cur + x.bits <= CAP {
                                    self.line(&format!("{} *= {}", name, x.s));
                                    self.set_bits(i, cur + x.bits);
                                } else {
                                    self.line(&format!("{} = ({} * {}) % M", name, name, x.s));
                                    self.set_bits(i, REDUCED);
                                }
                            }
                        }
                        return;
                    }
                }
                11 => {
                    if let Some(i) = self.assign_target(Ty::Bool) {
                        let c = self.cond(2);
                        let name = self.vars[i].name.clone();
                        self.line(&format!("{} = {}", name, c));
                        return;
                    }
                }
                12 => {
                    // type flips of a Num variable
                    if let Some(i) = self.assign_target(Ty::Num) {
                        let name = self.vars[i].name.clone();
                        let bits = self.vars[i].bits;
                        let form = self.rng.below(4);
                        let (s, b) = match form {
                            0 if self.core => (format!("{0} = {0} * 1.0", name), bits),
                            0 => (format!("{0} = float({0})", name), bits),
                            1 if self.core => (format!("{0} = {0} // 1 + (1 if {0} > 0 else -1)", name), bits + 1),
                            1 => (format!("{0} = (int({0}) if {0} - {0} == 0 else 0)", name), bits),
                            2 => (format!("{0} = {0} + BIG * {1}", name, self.rng.range(1, 4)), bits.max(66) + 3),
                            _ => (format!("{0} = {0} * 0.5 + {1}", name, self.rng.range(-3, 3)), bits + 1),
                        };
                        self.line(&s);
                        self.set_bits(i, b);
                        return;
                    }
                }
                13..=15 if self.list_stmt() => return,
                16 if self.obj_stmt() => return,
                17..=19 if depth < 3 => {
                    self.if_stmt(depth);
                    return;
                }
                20..=22 if depth < 3 && nested < 3 && self.loop_stmt(depth) => return,
                23 => {
                    self.try_stmt(depth);
                    return;
                }
                24 | 25 if in_loop => {
                    self.break_or_continue();
                    return;
                }
                26 => {
                    // a call whose result is stored
                    let ty = if self.rng.chance(50) { Ty::Int } else { Ty::Num };
                    if let Some(i) = self.assign_target(ty) {
                        if let Some(c) = self.call(ty, 2) {
                            let name = self.vars[i].name.clone();
                            self.line(&format!("{} = {}", name, c.s));
                            self.set_bits(i, c.bits);
                            return;
                        }
                    }
                }
                27 if !self.core && self.rng.chance(50) => {
                    let k = self.rng.range(0, 6);
                    self.line(&format!("Acc.bonus = {}", k));
                    return;
                }
                _ => {}
            }
        }
    }

    fn list_stmt(&mut self) -> bool {
        let Some(l) = self.list_name() else { return false };
        let kind = if self.core { self.rng.pick(&[0, 1, 2, 3, 4]) } else { self.rng.below(9) };
        match kind {
            0 | 1 => {
                let x = self.int_expr(2);
                let x = if x.bits > REDUCED { Gen::wrap(x) } else { x };
                self.line(&format!("if len({}) < 40:", l));
                self.ind += 1;
                self.line(&format!("{}.append({})", l, x.s));
                self.ind -= 1;
            }
            2 => {
                self.line(&format!("if len({}) > 1:", l));
                self.ind += 1;
                let s = if self.core {
                    "{}.pop()"
                } else {
                    self.rng.pick(&["{}.pop()", "{}.pop(0)", "del {}[len({}) // 2]"])
                };
                self.line(&s.replace("{}", &l));
                self.ind -= 1;
            }
            3 | 4 => {
                let idx = self.int_expr(2);
                let x = self.int_expr(2);
                let x = if x.bits > REDUCED { Gen::wrap(x) } else { x };
                self.line(&format!("{}[{} % len({})] = {}", l, idx.s, l, x.s));
            }
            5 => {
                let s = self.rng.pick(&["{}.sort()", "{}.reverse()", "{}.sort(reverse=True)"]);
                self.line(&s.replace("{}", &l));
            }
            6 => {
                let x = self.int_expr(1);
                let x = if x.bits > REDUCED { Gen::wrap(x) } else { x };
                let k = self.rng.range(0, 5);
                self.line(&format!("if len({}) < 40:", l));
                self.ind += 1;
                self.line(&format!("{}.insert({}, {})", l, k, x.s));
                self.ind -= 1;
            }
            8 => {
                // a prefix replaced by a reversed slice of a list, maybe itself (never
                // empties it: the source slice is not empty when the prefix is)
                let ls = self.vars_of(Ty::List, false);
                let src = self.vars[self.rng.pick(&ls)].name.clone();
                let a = self.int_leaf(0);
                let step = self.rng.pick(&["-1", "-1", "-2"]);
                self.line(&format!("if len({}) + len({}) < 40:", l, src));
                self.ind += 1;
                self.line(&format!("{}[: ({}) + 1] = {}[{}::{}]", l, a.s, src, a.s, step));
                self.ind -= 1;
            }
            _ => {
                // rebind the list to a new one built from another (never empty)
                let ls = self.vars_of(Ty::List, false);
                let src = self.vars[self.rng.pick(&ls)].name.clone();
                let a = self.int_leaf(0);
                let x = self.int_leaf(0);
                let x = if x.bits > REDUCED { Gen::wrap(x) } else { x };
                self.line(&format!("{} = {}[{} % len({}):][:20] + [{}]", l, src, a.s, src, x.s));
            }
        }
        true
    }

    fn obj_stmt(&mut self) -> bool {
        let Some(o) = self.obj_name() else { return false };
        match self.rng.below(5) {
            0 | 1 => {
                let x = self.int_expr(2);
                let x = self.arg(x);
                self.line(&format!("{}.add({})", o, x.s));
            }
            2 => {
                let x = self.int_expr(2);
                let x = if x.bits > REDUCED { Gen::wrap(x) } else { x };
                self.line(&format!("{}.w = {}", o, x.s));
            }
            3 => {
                self.line(&format!("if hasattr({}, 'w'):", o));
                self.ind += 1;
                self.line(&format!("del {}.w", o));
                self.ind -= 1;
            }
            _ => {
                let x = self.int_expr(1);
                let x = self.arg(x);
                self.line(&format!("{} = Acc({})", o, x.s));
            }
        }
        true
    }

    fn block(&mut self, depth: u32, min: u64, max: u64) {
        self.ind += 1;
        let n = self.rng.range(min as i64, max as i64);
        for _ in 0..n {
            self.stmt(depth);
        }
        self.ind -= 1;
    }

    fn if_stmt(&mut self, depth: u32) {
        let start = self.snapshot();
        let mut merged = start.clone();
        let c = self.cond(2);
        self.line(&format!("if {}:", c));
        self.block(depth + 1, 1, 3);
        Gen::merge_into(&mut merged, &self.snapshot());
        let mut has_else = false;
        for _ in 0..self.rng.below(3) {
            self.restore(&start);
            let c = self.cond(2);
            self.line(&format!("elif {}:", c));
            self.block(depth + 1, 1, 2);
            Gen::merge_into(&mut merged, &self.snapshot());
        }
        if self.rng.chance(50) {
            has_else = true;
            self.restore(&start);
            self.line("else:");
            self.block(depth + 1, 1, 2);
            Gen::merge_into(&mut merged, &self.snapshot());
        }
        let _ = has_else;
        self.restore(&merged);
    }

    fn try_stmt(&mut self, depth: u32) {
        let start = self.snapshot();
        let mut merged = start.clone();
        let kind = self.rng.below(if self.core { 2 } else { 4 });
        self.line("try:");
        self.ind += 1;
        let saved_try = self.in_try_value;
        match kind {
            0 => {
                // ZeroDivisionError from an int or float division
                let ty = if self.rng.chance(50) { Ty::Int } else { Ty::Num };
                let target = self.assign_target(ty);
                let a = if ty == Ty::Int { self.int_expr(2) } else { self.num_expr(2) };
                let b = if ty == Ty::Int { self.int_leaf(0) } else { self.num_leaf(0) };
                let op = if ty == Ty::Int { self.rng.pick(&["//", "%"]) } else { self.rng.pick(&["/", "//", "%"]) };
                let k = self.rng.range(3, 6);
                let expr = format!("{} {} ({} % {} - {})", a.s, op, b.s, k, self.rng.range(0, k - 1));
                match target {
                    Some(i) if ty == Ty::Int => {
                        let name = self.vars[i].name.clone();
                        self.line(&format!("{} = {}", name, expr));
                        self.set_bits(i, a.bits);
                    }
                    Some(i) => {
                        // a float divisor may be tiny: reduce the quotient
                        let name = self.vars[i].name.clone();
                        self.line(&format!("{} = ({}) % M", name, expr));
                        self.set_bits(i, REDUCED);
                    }
                    None => self.line(&format!("err += ({}) == 0", expr)),
                }
            }
            1 => {
                // IndexError from an index that may be past the end
                let Some(l) = self.list_name() else {
                    self.line("err += 0");
                    self.ind -= 1;
                    self.line("except IndexError:");
                    self.ind += 1;
                    self.line("err += 1");
                    self.ind -= 1;
                    return;
                };
                let idx = self.int_expr(1);
                let target = self.assign_target(Ty::Int);
                let name = match target {
                    Some(i) => self.vars[i].name.clone(),
                    None => "err".to_string(),
                };
                self.line(&format!("{} = {}[{} % (len({}) + 3)]", name, l, idx.s, l));
                if let Some(i) = target {
                    self.set_bits(i, REDUCED);
                }
            }
            _ => {
                // ValueError raised somewhere below a call, or statements that may raise
                self.in_try_value = true;
                self.watches.push(self.snapshot());
                let n = self.rng.range(1, 3);
                for _ in 0..n {
                    self.stmt(depth + 1);
                }
                let ty = if self.rng.chance(50) { Ty::Int } else { Ty::Num };
                if let Some(i) = self.assign_target(ty) {
                    if let Some(c) = self.call(ty, 2) {
                        let name = self.vars[i].name.clone();
                        self.line(&format!("{} = {}", name, c.s));
                        self.set_bits(i, c.bits);
                    }
                }
                let w = self.watches.pop().unwrap();
                Gen::merge_into(&mut merged, &w);
            }
        }
        self.in_try_value = saved_try;
        Gen::merge_into(&mut merged, &self.snapshot());
        self.ind -= 1;
        let exc = match kind {
            0 => "ZeroDivisionError",
            1 => "IndexError",
            _ => "ValueError",
        };
        if kind >= 2 && self.rng.chance(50) {
            self.line(&format!("except {} as ex:", exc));
            self.ind += 1;
            self.line("err += 1 + len(ex.args)");
        } else {
            self.line(&format!("except {}:", exc));
            self.ind += 1;
            self.line("err += 1");
        }
        self.ind -= 1;
        if self.rng.chance(20) {
            self.line("else:");
            self.ind += 1;
            self.line("err -= 1");
            self.ind -= 1;
        }
        self.restore(&merged);
    }

    fn break_or_continue(&mut self) {
        let c = self.cond(1);
        self.line(&format!("if {}:", c));
        self.ind += 1;
        if self.rng.chance(50) {
            let snap = self.snapshot();
            self.loops.last_mut().unwrap().breaks.push(snap);
            self.line("break");
        } else {
            // the next iteration must start within the bounds assumed at its top
            let start = self.loops.last().unwrap().start.clone();
            self.reduce_grown(&start, false);
            self.line("continue");
        }
        self.ind -= 1;
    }

    /// Emit reductions of every number variable whose bound grew past `start`; with
    /// `update`, record that they are reduced.
    fn reduce_grown(&mut self, start: &[u32], update: bool) {
        for (i, &bound) in start.iter().enumerate().take(self.vars.len()) {
            let v = &self.vars[i];
            if matches!(v.ty, Ty::Int | Ty::Num) && !v.readonly && v.bits > bound {
                let name = v.name.clone();
                self.line(&format!("{0} = {0} if NLIM < {0} < LIM else {0} % M", name));
                if update {
                    self.vars[i].bits = REDUCED;
                }
            }
        }
    }

    fn loop_stmt(&mut self, depth: u32) -> bool {
        let left = self.budget_left();
        let cap = if self.generating_func {
            10
        } else if self.loops.is_empty() {
            1500
        } else {
            30
        };
        let max_trips = (left / self.mult.max(1) / 4).min(cap);
        if max_trips < 2 {
            return false;
        }
        let trips = self.rng.range(2, max_trips as i64) as u64;
        let mut kind = self.rng.below(9);
        if self.core && (kind == 4 || kind == 5) {
            kind = 0;
        }
        // header
        let pushed;
        let mut est = trips;
        match kind {
            0..=2 => {
                let v = self.fresh("i");
                let (hdr, bits) = match self.rng.below(6) {
                    0 => (format!("for {} in range({}, {}, -1):", v, trips, 0), 12),
                    1 => (format!("for {} in range(BIG, BIG + {}):", v, trips), 64),
                    2 => {
                        let s = self.rng.range(2, 5);
                        est = trips * 2;
                        (format!("for {} in range(-{}, {}, {}):", v, trips, trips * s as u64, s), 14)
                    }
                    _ => (format!("for {} in range({}):", v, trips), 12),
                };
                self.line(&hdr);
                self.vars.push(Var { name: v, ty: Ty::Int, bits, readonly: true });
                pushed = 1;
            }
            3 => {
                let v = self.fresh("j");
                self.line(&format!("{} = 0", v));
                self.line(&format!("while {} < {}:", v, trips));
                self.ind += 1;
                self.line(&format!("{} += 1", v));
                self.ind -= 1;
                self.vars.push(Var { name: v, ty: Ty::Int, bits: 12, readonly: true });
                pushed = 1;
            }
            4 | 5 => {
                let Some(l) = self.list_name() else { return false };
                est = 41;
                if self.mult.saturating_mul(est * 4) > left {
                    return false;
                }
                let v = self.fresh("e");
                match self.rng.below(3) {
                    0 => {
                        self.line(&format!("for {} in {}:", v, l));
                        self.vars.push(Var { name: v, ty: Ty::Int, bits: REDUCED, readonly: true });
                        pushed = 1;
                    }
                    1 => {
                        let k = self.fresh("k");
                        self.line(&format!("for {}, {} in enumerate({}):", k, v, l));
                        self.vars.push(Var { name: k, ty: Ty::Int, bits: 7, readonly: true });
                        self.vars.push(Var { name: v, ty: Ty::Int, bits: REDUCED, readonly: true });
                        pushed = 2;
                    }
                    _ => {
                        let ls = self.vars_of(Ty::List, false);
                        let l2 = self.vars[self.rng.pick(&ls)].name.clone();
                        let w = self.fresh("e");
                        self.line(&format!("for {}, {} in zip({}, {}[::-1]):", v, w, l, l2));
                        self.vars.push(Var { name: v, ty: Ty::Int, bits: REDUCED, readonly: true });
                        self.vars.push(Var { name: w, ty: Ty::Int, bits: REDUCED, readonly: true });
                        pushed = 2;
                    }
                }
            }
            8 => {
                // a generator (a new one each time the loop starts)
                let v = self.fresh("g");
                let hdr = match self.list_name() {
                    Some(l) if self.rng.chance(40) => {
                        est = 41;
                        if self.mult.saturating_mul(est * 4) > left {
                            return false;
                        }
                        self.vars.push(Var { name: v.clone(), ty: Ty::Int, bits: REDUCED, readonly: true });
                        format!("for {} in gitems({}):", v, l)
                    }
                    _ => {
                        let step = self.rng.range(1, 3);
                        est = trips;
                        self.vars.push(Var { name: v.clone(), ty: Ty::Int, bits: 12, readonly: true });
                        if self.rng.chance(30) {
                            format!("for {} in (x * {} for x in range({})):", v, step, trips)
                        } else {
                            format!("for {} in gcount({}, {}):", v, trips * step as u64, step)
                        }
                    }
                };
                self.line(&hdr);
                pushed = 1;
            }
            6 => {
                // data-dependent trip count
                let v = self.fresh("i");
                let a = self.int_expr(1);
                let t = trips.min(12);
                est = t;
                self.line(&format!("for {} in range({} % {}):", v, a.s, t + 1));
                self.vars.push(Var { name: v, ty: Ty::Int, bits: 5, readonly: true });
                pushed = 1;
            }
            _ => {
                // while with a data-dependent exit as well as the counter bound
                let v = self.fresh("j");
                self.line(&format!("{} = 0", v));
                let c = self.cond(1);
                self.line(&format!("while {} < {} and not ({}):", v, trips, c));
                self.ind += 1;
                self.line(&format!("{} += 1", v));
                self.ind -= 1;
                self.vars.push(Var { name: v, ty: Ty::Int, bits: 12, readonly: true });
                pushed = 1;
            }
        }
        let outer = self.loops.is_empty() && !self.generating_func;
        // bounds at the top of each iteration
        for v in self.vars.iter_mut() {
            if matches!(v.ty, Ty::Int | Ty::Num) && !v.readonly {
                v.bits = v.bits.max(REDUCED);
            }
        }
        self.note();
        let start = self.snapshot();
        self.loops.push(LoopCtx { start: start.clone(), breaks: Vec::new() });
        let saved_mult = self.mult;
        self.mult = self.mult.saturating_mul(est);
        let loop_var = self.vars[self.vars.len() - pushed].name.clone();
        let loop_bits = self.vars[self.vars.len() - pushed].bits;
        self.ind += 1;
        if outer && loop_bits < 20 {
            // intermediate prints: a handful per top-level loop
            let every = (trips / 5).max(1);
            let mut shown: Vec<String> = Vec::new();
            for v in &self.vars {
                if !v.readonly && matches!(v.ty, Ty::Int | Ty::Num | Ty::Bool) && shown.len() < 4 {
                    shown.push(v.name.clone());
                }
            }
            self.line(&format!("if {} % {} == 0:", loop_var, every));
            self.line(&format!("    print('{}', {}, {})", loop_var, loop_var, shown.join(", ")));
        }
        let n = self.rng.range(2, if outer { 7 } else { 4 });
        for _ in 0..n {
            self.stmt(depth + 1);
        }
        self.reduce_grown(&start, true);
        self.ind -= 1;
        self.mult = saved_mult;
        let ctx = self.loops.pop().unwrap();
        let mut after = start;
        for b in &ctx.breaks {
            Gen::merge_into(&mut after, b);
        }
        self.vars.truncate(self.vars.len() - pushed);
        after.truncate(self.vars.len());
        self.restore(&after);
        if outer && self.rng.chance(30) {
            self.line("else:");
            self.line("    print('loop done', err)");
        }
        true
    }

    // ----- functions and the program -----

    fn function(&mut self, idx: usize) {
        let name = format!("f{}", idx);
        let ret = if self.rng.chance(50) { Ty::Int } else { Ty::Num };
        let nparams = self.rng.range(1, 3) as usize;
        let mut params = Vec::new();
        for k in 0..nparams {
            let ty = if ret == Ty::Int || self.rng.chance(40) { Ty::Int } else { Ty::Num };
            params.push((format!("p{}", k), ty));
        }
        let defaults = if !self.core && self.rng.chance(50) { self.rng.range(1, nparams as i64) as usize } else { 0 };
        let mut sig = Vec::new();
        for (k, (p, _)) in params.iter().enumerate() {
            if k >= nparams - defaults {
                let d = self.int_const();
                sig.push(format!("{}={}", p, d.s));
            } else {
                sig.push(p.clone());
            }
        }
        self.line(&format!("def {}({}):", name, sig.join(", ")));
        self.ind += 1;
        let touches_g = !self.core && self.rng.chance(30);
        if touches_g {
            self.line("global G");
        }
        self.vars.clear();
        for (p, ty) in &params {
            self.vars.push(Var { name: p.clone(), ty: *ty, bits: ARG_BITS, readonly: false });
        }
        self.line("err = 0");
        self.vars.push(Var { name: "err".into(), ty: Ty::Int, bits: 12, readonly: false });
        let loc = self.fresh("t");
        let x = self.num_expr(1);
        let lty = if ret == Ty::Int { Ty::Int } else { Ty::Num };
        let x = if lty == Ty::Int { self.int_expr(1) } else { x };
        self.line(&format!("{} = {}", loc, x.s));
        self.vars.push(Var { name: loc, ty: lty, bits: x.bits, readonly: false });
        let raises = !self.core && self.rng.chance(20);
        if raises {
            let p = params[0].0.clone();
            let s = format!("if {} % {} == {}:", p, self.rng.range(5, 17), self.rng.range(0, 4));
            self.line(&s);
            self.line(&format!("    raise ValueError({})", p));
        }
        let saved_cost = self.cost;
        self.cost = 0;
        self.func_raises = false;
        self.generating_func = true;
        let n = self.rng.range(1, 4);
        for _ in 0..n {
            self.stmt(2); // depth 2: at most one nested if or loop
        }
        if touches_g {
            let g = self.int_leaf(0);
            let g = self.arg(g);
            self.line(&format!("G = (G + {}) % M", g.s));
        }
        let r = if ret == Ty::Int { self.int_expr(2) } else { self.num_expr(2) };
        let r = self.arg(r);
        self.line(&format!("return {}", r.s));
        self.generating_func = false;
        self.ind -= 1;
        self.line("");
        let cost = self.cost.max(1) + 2;
        self.cost = saved_cost;
        let raises = raises || self.func_raises;
        self.funcs.push(Func { name, params, defaults, ret, cost, raises });
    }

    fn program(mut self, seed: u64) -> String {
        self.core = self.rng.chance(60);
        let module_level = self.rng.chance(if self.core { 25 } else { 40 });
        let _ = writeln!(
            self.out,
            "# krait JIT fuzz program, seed {} (tests/fuzz/mod.rs), {} profile",
            seed,
            if self.core { "core" } else { "full" }
        );
        let _ = writeln!(
            self.out,
            "# reproduce: KRAIT_FUZZ_SEED={} KRAIT_FUZZ_COUNT=1 cargo test --release --test programs jit_fuzz",
            seed
        );
        let m = self.rng.pick(&["2**62 + 135", "2**63 - 25", "2**64 + 13", "1000003", "2**31 - 1", "2**61 - 1"]);
        self.line(&format!("M = {}", m));
        let s = format!("BIG = 2**62 + {}", self.rng.range(-5000, 5000));
        self.line(&s);
        self.line("MAXI = 2**63 - 1");
        self.line("MINI = -2**63");
        self.line("LIM = 2**64");
        self.line("NLIM = -2**64");
        self.line("NAN = float('nan')");
        self.line("INF = float('inf')");
        let s = format!("G = {}", self.rng.range(0, 1000));
        self.line(&s);
        self.line("");
        self.line("class Acc:");
        let s = format!("    bonus = {}", self.rng.range(0, 3));
        self.line(&s);
        self.line("    def __init__(self, v):");
        self.line("        self.v = v % M");
        self.line("        self.n = 0");
        self.line("    def add(self, x):");
        self.line("        self.n += 1");
        self.line("        self.v = (self.v + x + self.bonus) % M");
        self.line("        return self.v");
        self.line("");
        self.line("def mk(k):");
        self.line("    def add(x):");
        self.line("        return x + k");
        self.line("    return add");
        let s = format!("ADD = mk({})", self.rng.range(-9, 9));
        self.line(&s);
        self.line("");
        // Generators the loops iterate over (their frames run inside the loop's trace).
        self.line("def gcount(n, step):");
        self.line("    i = 0");
        self.line("    while i < n:");
        self.line("        yield i");
        self.line("        i += step");
        self.line("");
        self.line("def gitems(xs):");
        self.line("    for k, x in enumerate(xs):");
        let s = format!("        if k % {} == 1:", self.rng.range(2, 5));
        self.line(&s);
        self.line("            yield -x");
        self.line("        else:");
        self.line("            yield x");
        self.line("");
        self.line("def rec(n, a):");
        self.line("    if n <= 0:");
        self.line("        return a");
        let s = format!("    return rec(n - 1, (a * {} + n) % M) + 1", self.rng.range(2, 7));
        self.line(&s);
        self.line("");
        self.line("def chk(vals):");
        self.line("    h = 0");
        self.line("    for v in vals:");
        self.line("        if isinstance(v, float):");
        self.line("            v = int(v * 1024) if v - v == 0 else (7 if v != v else 11)");
        self.line("        h = (h * 1000003 + v) % 2305843009213693951");
        self.line("    return h");
        self.line("");
        // `rec` is called only through `r`, which bounds the recursion depth.
        self.line("def r(n, a):");
        self.line("    return rec(n % 12, a)");
        self.line("");
        // The core profile calls only the generated functions (no closure, no recursion).
        if !self.core {
            self.funcs.push(Func {
                name: "r".into(),
                params: vec![("n".into(), Ty::Int), ("a".into(), Ty::Int)],
                defaults: 0,
                ret: Ty::Int,
                cost: 14,
                raises: false,
            });
            self.funcs.push(Func {
                name: "ADD".into(),
                params: vec![("x".into(), Ty::Int)],
                defaults: 0,
                ret: Ty::Int,
                cost: 1,
                raises: false,
            });
        }
        let nfuncs = self.rng.range(1, 5) as usize;
        for k in 0..nfuncs {
            self.function(k);
        }

        // the main scope
        if !module_level {
            self.line("def main():");
            self.ind += 1;
        }
        self.vars.clear();
        self.line("err = 0");
        self.vars.push(Var { name: "err".into(), ty: Ty::Int, bits: 20, readonly: false });
        let counts =
            [(Ty::Int, 2, 4), (Ty::Num, 1, 3), (Ty::Bool, 1, 2), (Ty::List, 1, 2), (Ty::Obj, 0, !self.core as i64)];
        for (ty, lo, hi) in counts {
            for _ in 0..self.rng.range(lo, hi) {
                let (prefix, init, bits) = match ty {
                    Ty::Int => {
                        let c = self.int_const();
                        ("a", c.s, c.bits)
                    }
                    Ty::Num => {
                        let c = if self.rng.chance(50) { self.float_const() } else { self.int_const() };
                        ("x", c.s, c.bits)
                    }
                    Ty::Bool => ("b", self.rng.pick(&["True", "False"]).to_string(), 1),
                    Ty::List => {
                        let n = self.rng.range(1, 8);
                        let items: Vec<String> = (0..n).map(|_| self.int_const().s).collect();
                        ("l", format!("[{}]", items.join(", ")), 0)
                    }
                    Ty::Obj => {
                        let c = self.int_const();
                        ("o", format!("Acc({})", c.s), 0)
                    }
                };
                let name = self.fresh(prefix);
                self.line(&format!("{} = {}", name, init));
                self.vars.push(Var { name, ty, bits, readonly: false });
            }
        }
        let nloops = self.rng.range(1, 3);
        for _ in 0..nloops {
            for _ in 0..self.rng.range(0, 2) {
                self.stmt(1);
            }
            if !self.loop_stmt(0) {
                break;
            }
            let shown: Vec<String> =
                self.vars.iter().filter(|v| matches!(v.ty, Ty::Int | Ty::Num)).map(|v| v.name.clone()).collect();
            self.line(&format!("print('after loop', {})", shown.join(", ")));
        }
        // never print an object itself (its repr shows an address)
        let mut shown: Vec<String> = Vec::new();
        let mut nums: Vec<String> = Vec::new();
        for v in &self.vars {
            match v.ty {
                Ty::Int | Ty::Num | Ty::Bool => {
                    shown.push(v.name.clone());
                    nums.push(v.name.clone());
                }
                Ty::Obj => {
                    for f in ["{}.v", "{}.n", "getattr({}, 'w', -1)"] {
                        shown.push(f.replace("{}", &v.name));
                        nums.push(f.replace("{}", &v.name));
                    }
                }
                Ty::List => shown.push(v.name.clone()),
            }
        }
        let lists: Vec<String> =
            self.vars.iter().filter(|v| v.ty == Ty::List).map(|v| format!(" + {}", v.name)).collect();
        self.line(&format!("print('end', {}, G)", shown.join(", ")));
        self.line(&format!("print('checksum', chk([{}]{}), Acc.bonus)", nums.join(", "), lists.join("")));
        if !module_level {
            self.ind -= 1;
            self.line("");
            self.line("main()");
        }
        self.out
    }
}

/// The Python source of the program for `seed`.
pub fn generate(seed: u64) -> String {
    Gen::new(seed).program(seed)
}

// ---------------------------------------------------------------------------------------
// Running

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
    timed_out: bool,
}

fn run_prog(exe: &Path, args: &[&str], prog: &Path) -> Run {
    let mut child = Command::new(exe)
        .args(args)
        .arg(prog.file_name().unwrap())
        .current_dir(prog.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Ok(Some(s)) = child.try_wait() {
            break Some(s);
        }
        if start.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            timed_out = true;
            break child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    Run {
        stdout: String::from_utf8_lossy(&t_out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&t_err.join().unwrap()).into_owned(),
        code: status.and_then(|s| s.code()),
        timed_out,
    }
}

/// First differing line with a little context, for the failure message.
fn line_diff(what: &str, a: &str, b: &str, b_label: &str) -> String {
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = (0..al.len().max(bl.len())).find(|&i| al.get(i) != bl.get(i)).unwrap_or(0);
    let lo = i.saturating_sub(2);
    let mut s = format!("  {} differs at line {}:\n", what, i + 1);
    for (label, ls) in [("--no-jit", &al), (b_label, &bl)] {
        for (k, l) in ls.iter().enumerate().skip(lo).take(i + 3 - lo) {
            let _ = writeln!(s, "    {:<17} {:>4}{} {}", label, k + 1, if k == i { ">" } else { ":" }, l);
        }
        if ls.len() <= i {
            let _ = writeln!(s, "    {:<17} {:>4}> <end of output, {} lines>", label, i + 1, ls.len());
        }
    }
    s
}

fn compare(base: &Run, other: &Run, mode: &str) -> Option<String> {
    if base.stdout == other.stdout && base.stderr == other.stderr && base.code == other.code && !other.timed_out {
        return None;
    }
    let mut s = format!(" [{}]", mode);
    if other.timed_out {
        let _ = write!(s, " timed out after {:?}", RUN_TIMEOUT);
    }
    if base.code != other.code {
        let _ = write!(s, " exit status {:?} (--no-jit: {:?})", other.code, base.code);
    }
    s.push('\n');
    if base.stdout != other.stdout {
        s.push_str(&line_diff("stdout", &base.stdout, &other.stdout, mode));
    }
    if base.stderr != other.stderr {
        s.push_str(&line_diff("stderr", &base.stderr, &other.stderr, mode));
    }
    Some(s)
}

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    let parsed = match v.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16),
        None => v.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{} must be a number, got {:?}", name, v)))
}

#[test]
fn generator_is_deterministic_and_varied() {
    // Same seed, same program; different seeds, different programs; every program has
    // loops, prints and the final checksum.
    let a = generate(BASE_SEED);
    assert_eq!(a, generate(BASE_SEED));
    let mut distinct = std::collections::HashSet::new();
    let mut core = 0;
    for k in 0..50 {
        let p = generate(BASE_SEED.wrapping_add(k));
        assert!(p.contains("for ") || p.contains("while "), "seed {}: no loop\n{}", k, p);
        assert!(p.contains("print('checksum'"), "seed {}: no checksum\n{}", k, p);
        if p.lines().next().unwrap().ends_with("core profile") {
            core += 1;
            for name in ["int(", "sum(", "ADD(", "Acc(", "enumerate(", "zip(", "ValueError", "r("] {
                let body = &p[p.find("def main").or_else(|| p.find("err = 0\n")).unwrap()..];
                let called = body.match_indices(name).any(|(i, _)| {
                    i == 0 || !body.as_bytes()[i - 1].is_ascii_alphanumeric() && body.as_bytes()[i - 1] != b'_'
                });
                assert!(!called, "seed {}: {} in a core-profile main\n{}", k, name, p);
            }
        }
        distinct.insert(p);
    }
    assert_eq!(distinct.len(), 50);
    assert!((15..=45).contains(&core), "{} of 50 programs use the core profile", core);
}

#[test]
fn jit_fuzz_programs_agree_across_modes() {
    let base = env_u64("KRAIT_FUZZ_SEED").unwrap_or(BASE_SEED);
    let count = env_u64("KRAIT_FUZZ_COUNT").unwrap_or(DEFAULT_COUNT);
    let cpython = std::env::var("KRAIT_FUZZ_CPYTHON").ok().filter(|s| !s.is_empty());
    let exe = crate::krait();
    let dir = std::env::temp_dir().join(format!("krait-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let started = Instant::now();
    let progs: Vec<(u64, PathBuf)> = (0..count)
        .map(|k| {
            let seed = base.wrapping_add(k);
            let path = dir.join(format!("fuzz_{}.py", seed));
            std::fs::write(&path, generate(seed)).unwrap();
            (seed, path)
        })
        .collect();

    let next = AtomicUsize::new(0);
    // (seed, path, message, is a mode mismatch)
    let failures: Mutex<Vec<(u64, PathBuf, String, bool)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((seed, path)) = progs.get(i) else { break };
                let base_run = run_prog(&exe, FUZZ_MODES[0].1, path);
                let mut msg = String::new();
                for (mode, args) in &FUZZ_MODES[1..] {
                    let r = run_prog(&exe, args, path);
                    if let Some(d) = compare(&base_run, &r, mode) {
                        msg.push_str(&d);
                    }
                }
                if !msg.is_empty() {
                    failures.lock().unwrap().push((*seed, path.clone(), msg, true));
                    continue;
                }
                // The generator promises a clean exit; anything else is a generator mistake
                // or an interpreter bug (the JIT agrees with it).
                if base_run.code != Some(0) || !base_run.stderr.is_empty() || base_run.timed_out {
                    let m = format!(
                        " [--no-jit] exit status {:?}{}; every mode agrees, so this is a generator mistake or an interpreter bug\n{}",
                        base_run.code,
                        if base_run.timed_out { " (timed out)" } else { "" },
                        base_run.stderr.lines().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n")
                    );
                    failures.lock().unwrap().push((*seed, path.clone(), m, false));
                    continue;
                }
                if let Some(py) = &cpython {
                    let out = Command::new(py)
                        .arg(path.file_name().unwrap())
                        .current_dir(path.parent().unwrap())
                        .env("PYTHONHASHSEED", "0")
                        .output()
                        .expect("run KRAIT_FUZZ_CPYTHON");
                    let py_out = String::from_utf8_lossy(&out.stdout);
                    if py_out != base_run.stdout || out.status.code() != Some(0) {
                        let m = format!(
                            " [{} vs --no-jit]\n{}{}",
                            py,
                            line_diff("stdout", &base_run.stdout, &py_out, py),
                            String::from_utf8_lossy(&out.stderr)
                        );
                        failures.lock().unwrap().push((*seed, path.clone(), m, false));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.0);
    let elapsed = started.elapsed();
    println!(
        "jit fuzz: {} programs from seed {} ({:#x}), {} runs each, {} failed, {:.1}s",
        count,
        base,
        base,
        FUZZ_MODES.len() + cpython.is_some() as usize,
        failures.len(),
        elapsed.as_secs_f64()
    );
    if failures.is_empty() {
        if std::env::var_os("KRAIT_FUZZ_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
        return;
    }
    let regressions = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jit_regressions");
    std::fs::create_dir_all(&regressions).unwrap();
    let mut report = String::new();
    let mut saved = 0;
    for (seed, path, msg, mismatch) in &failures {
        let _ = write!(report, "\nFAIL fuzz program seed {} ({}){}", seed, path.display(), msg);
        if *mismatch && saved < MAX_SAVED {
            let dest = regressions.join(format!("fuzz_{}.py", seed));
            std::fs::copy(path, &dest).expect("copy failing program into tests/jit_regressions");
            saved += 1;
            let _ = writeln!(report, "  copied to {}", dest.display());
        }
    }
    eprintln!("{}", report);
    eprintln!("generated programs kept in {}", dir.display());
    panic!(
        "{} of {} fuzz programs failed (seeds {:?})",
        failures.len(),
        count,
        failures.iter().map(|f| f.0).collect::<Vec<_>>()
    );
}
