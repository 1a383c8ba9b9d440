//! The JIT driver (LuaJIT's lj_trace): implements the runtime's `JitHooks`. It starts
//! recordings at hot back-edges, feeds the recorder, optimizes and compiles finished
//! traces, enters compiled traces, rebuilds the interpreter state at exits, blacklists
//! loops that keep aborting, throws away traces that keep failing on entry, and keeps the
//! statistics `--jit-report` prints.
//!
//! # Invariants (the one place compiled code runs against the live VM)
//!
//! * A trace runs on the slots of the frame its loop is in: `Vm::stack[base..]`, grown to
//!   the trace's `n_slots` first. Helpers never touch `Vm::stack` (see helpers.rs), so the
//!   slot pointer stays valid for the whole run.
//! * No collection happens while a trace runs (helpers never reach a safepoint); objects
//!   a trace refers to as constants are GC roots (`roots`) for as long as it lives.
//! * At an exit, the snapshot has been written to the slots; the driver pushes the inlined
//!   frames it names, sets every pc, truncates the stack to the snapshot's length, and
//!   raises the exception a helper left in the context, if any.

use std::fmt::Write as _;
use std::rc::Rc;
use std::time::{Duration, Instant};

use krait_runtime::heap::ObjRef;
use krait_runtime::object::Code;
use krait_runtime::value::{PyResult, Value};
use krait_runtime::vm::{JitHooks, Vm};
use rustc_hash::FxHashMap;

use crate::backend::{CompiledTrace, JitBackend};
use crate::helpers::JitCtx;
use crate::ir::Trace;
use crate::record::{Abort, Recorded, Recorder, Step};

/// Aborted recordings of one loop before it is blacklisted.
const MAX_ABORTS: u32 = 3;
/// Recordings cut short by the loop ending before a loop is given up on.
const MAX_LEFT: u32 = 50;
/// Times a trace may be thrown away (failing on entry) and re-recorded before its loop
/// is blacklisted.
const MAX_RETRACES: u32 = 3;

/// What `--jit-dump` prints for each trace.
#[derive(Clone, Copy, Debug, Default)]
pub struct DumpFlags {
    /// The recorded IR.
    pub ir: bool,
    /// The IR after optimization.
    pub opt: bool,
    /// The Cranelift IR.
    pub clif: bool,
    /// The machine code size and bytes.
    pub asm: bool,
}

impl DumpFlags {
    /// Parse `ir,opt,clif,asm` (any subset; `all`).
    pub fn parse(s: &str) -> Result<DumpFlags, String> {
        let mut d = DumpFlags::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "ir" => d.ir = true,
                "opt" => d.opt = true,
                "clif" => d.clif = true,
                "asm" => d.asm = true,
                "all" => d = DumpFlags { ir: true, opt: true, clif: true, asm: true },
                other => return Err(format!("unknown --jit-dump item '{other}' (expected ir, opt, clif, asm)")),
            }
        }
        Ok(d)
    }
}

/// JIT settings from the command line.
#[derive(Clone, Debug, Default)]
pub struct JitOptions {
    /// `--jit-report`: None (off), Some(None) (stderr) or Some(Some(file)).
    pub report: Option<Option<String>>,
    /// `--jit-dump`.
    pub dump: DumpFlags,
}

/// A compiled trace and its statistics.
struct TraceRec {
    id: usize,
    code: Rc<Code>,
    start_pc: usize,
    trace: Trace,
    compiled: CompiledTrace,
    objs: Vec<ObjRef>,
    max_depth: usize,
    n_recorded: usize,
    /// Position of the `loop` marker (exits before it are entry failures).
    loop_pos: usize,
    compile_time: Duration,
    entered: u64,
    exits: Vec<u64>,
    /// Exits taken before the loop was reached (entry guards), since the last reset.
    entry_failures: u64,
    alive: bool,
}

#[derive(Default)]
struct LoopState {
    aborts: u32,
    /// Recordings that ended because the loop did.
    left: u32,
    retraces: u32,
    blacklisted: bool,
    trace: Option<usize>,
}

struct AbortRec {
    code: Rc<Code>,
    pc: usize,
    reason: String,
}

/// The JIT: plug into a VM with `vm.hooks = Some(Box::new(Jit::new(options)))`.
pub struct Jit {
    options: JitOptions,
    backend: Option<JitBackend>,
    loops: FxHashMap<(usize, usize), LoopState>,
    traces: Vec<TraceRec>,
    recording: Option<Recorder>,
    aborts: Vec<AbortRec>,
    start: Instant,
}

impl Jit {
    /// A JIT with these options (the backend is created on first use).
    pub fn new(options: JitOptions) -> Jit {
        Jit {
            options,
            backend: None,
            loops: FxHashMap::default(),
            traces: vec![],
            recording: None,
            aborts: vec![],
            start: Instant::now(),
        }
    }

    fn key(code: &Rc<Code>, pc: usize) -> (usize, usize) {
        (Rc::as_ptr(code) as usize, pc)
    }

    /// A recording ended without a trace: count it against its loop.
    fn abort(&mut self, vm: &mut Vm, a: Abort) {
        vm.recording = false;
        let rec = self.recording.take().expect("recording");
        self.abort_loop(rec.root_code(), rec.start_pc, a);
    }

    fn abort_loop(&mut self, code: &Rc<Code>, start_pc: usize, a: Abort) {
        let st = self.loops.entry(Self::key(code, start_pc)).or_default();
        if a.left_loop {
            // Not the loop's fault: record again at its next back-edge.
            st.left += 1;
            if st.left > MAX_LEFT {
                st.blacklisted = true;
                self.aborts.push(AbortRec { code: a.code, pc: a.pc, reason: a.reason });
            }
            return;
        }
        st.aborts += 1;
        if st.aborts >= MAX_ABORTS {
            st.blacklisted = true;
        }
        self.aborts.push(AbortRec { code: a.code, pc: a.pc, reason: a.reason });
        reset_counter(code, start_pc);
    }

    /// Peel, optimize and compile a finished recording (dumping what `--jit-dump` asks).
    fn build(
        &mut self,
        id: usize,
        code: &Rc<Code>,
        start_pc: usize,
        rec: &Recorded,
    ) -> Result<(Trace, CompiledTrace), String> {
        if self.options.dump.ir {
            eprintln!("---- trace {id} {} IR (recorded)\n{}", location(code, start_pc), rec.trace);
        }
        let opt = crate::opt::optimize(crate::opt::peel(&rec.trace, &rec.end)?);
        if self.options.dump.opt {
            eprintln!("---- trace {id} {} IR (optimized)\n{opt}", location(code, start_pc));
        }
        if self.backend.is_none() {
            self.backend = Some(JitBackend::new().map_err(|e| e.to_string())?);
        }
        let backend = self.backend.as_mut().expect("backend");
        if self.options.dump.clif {
            if let Ok(text) = backend.clif_text(&opt) {
                eprintln!("---- trace {id} Cranelift IR\n{text}");
            }
        }
        let compiled = backend.compile(&opt).map_err(|e| e.to_string())?;
        if self.options.dump.asm {
            eprintln!("---- trace {id} machine code: {} bytes at {:p}", compiled.code_size(), compiled.entry());
        }
        Ok((opt, compiled))
    }

    fn complete(&mut self, vm: &mut Vm, rec: Recorded) {
        vm.recording = false;
        let recorder = self.recording.take().expect("recording");
        let code = recorder.root_code().clone();
        let start_pc = recorder.start_pc;
        let started = Instant::now();
        let id = self.traces.len();
        let (opt, compiled) = match self.build(id, &code, start_pc, &rec) {
            Ok(built) => built,
            Err(reason) => {
                let a = Abort { reason, code: code.clone(), pc: start_pc, left_loop: false };
                self.abort_loop(&code, start_pc, a);
                return;
            }
        };
        let n_exits = opt.exits.len();
        self.loops.entry(Self::key(&code, start_pc)).or_default().trace = Some(id);
        self.traces.push(TraceRec {
            id,
            code,
            start_pc,
            n_recorded: rec.trace.ins.len(),
            loop_pos: opt.loop_ref().map_or(usize::MAX, |l| l.index()),
            trace: opt,
            compiled,
            objs: rec.objs,
            max_depth: rec.max_depth,
            compile_time: started.elapsed(),
            entered: 0,
            exits: vec![0; n_exits],
            entry_failures: 0,
            alive: true,
        });
    }

    /// Run trace `id` on the top frame; rebuild the interpreter state at its exit.
    fn run_trace(&mut self, vm: &mut Vm, id: usize) -> PyResult<bool> {
        let t = &mut self.traces[id];
        let fi = vm.frames.len() - 1;
        if vm.frames.len() + t.max_depth + 2 >= vm.recursion_limit {
            return Ok(false);
        }
        let base = vm.frames[fi].base;
        let n_slots = t.trace.n_slots as usize;
        if vm.stack.len() < base + n_slots {
            vm.stack.resize(base + n_slots, Value::Undef);
        }
        t.entered += 1;
        let len = vm.stack.len() - base;
        let vm_ptr: *mut Vm = vm;
        let mut ctx = JitCtx {
            interrupt: std::sync::Arc::as_ptr(&vm.interrupt),
            gc_wanted: &vm.heap.wanted,
            vm: vm_ptr,
            err: None,
        };
        // SAFETY: `base + len` is within `vm.stack` (grown above). The slice aliases the
        // stack's buffer, which nothing else touches while the trace runs: helpers reach
        // the VM through `ctx.vm` but never `Vm::stack` (helpers.rs invariants), and this
        // function does not use `vm` until the trace returns.
        let slots = unsafe { std::slice::from_raw_parts_mut((*vm_ptr).stack.as_mut_ptr().add(base), len) };
        let exit = t.compiled.run(slots, &mut ctx);
        t.exits[exit.index()] += 1;
        if t.trace.exits[exit.index()].index() < t.loop_pos {
            t.entry_failures += 1;
        }
        let snap = t.trace.exit_snapshot(exit);
        // Rebuild the inlined frames.
        vm.frames[fi].pc = snap.frames.first().map_or(snap.pc, |f| f.ret_pc) as usize;
        for (i, fr) in snap.frames.iter().enumerate() {
            // SAFETY: `fr.func` is the address of a function object the trace keeps alive
            // (it is in `objs`, a GC root), taken from a live `ObjRef`.
            let func = unsafe { ObjRef::from_ptr(fr.func as *mut krait_runtime::object::Obj) };
            vm.push_frame_at(func, base + fr.base as usize, base + fr.ret_sp as usize, false, None);
            let pc = snap.frames.get(i + 1).map_or(snap.pc, |next| next.ret_pc);
            vm.frames.last_mut().expect("pushed").pc = pc as usize;
        }
        vm.stack.truncate(base + snap.sp as usize);
        if let Some(e) = ctx.err {
            vm.frames.last_mut().expect("frame").pc = snap.ins_pc as usize + 1;
            return Err(e);
        }
        // A trace that keeps failing on entry goes; its loop may be recorded again.
        if t.entry_failures > 100 && t.entry_failures * 2 > t.entered {
            self.retire(id);
        }
        Ok(true)
    }

    fn retire(&mut self, id: usize) {
        let t = &mut self.traces[id];
        t.alive = false;
        t.objs = vec![];
        let key = Self::key(&t.code, t.start_pc);
        let st = self.loops.entry(key).or_default();
        st.trace = None;
        st.retraces += 1;
        if st.retraces >= MAX_RETRACES {
            st.blacklisted = true;
        }
        reset_counter(&t.code, t.start_pc);
    }

    /// The `--jit-report` text.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let total = self.start.elapsed();
        let _ = writeln!(s, "krait JIT report");
        let _ = writeln!(
            s,
            "{:>3} {:<5} {:<32} {:>5} {:>5} {:>6} {:>7} {:>9} {:>9}  exits (number:count)",
            "id", "kind", "start", "ir", "opt", "guards", "bytes", "compile", "entered"
        );
        let mut compile = Duration::ZERO;
        for t in &self.traces {
            compile += t.compile_time;
            let exits: Vec<String> =
                t.exits.iter().enumerate().filter(|(_, &n)| n > 0).map(|(i, n)| format!("{i}:{n}")).collect();
            let _ = writeln!(
                s,
                "{:>3} {:<5} {:<32} {:>5} {:>5} {:>6} {:>7} {:>7.2}ms {:>9}  {}{}",
                t.id,
                "loop",
                location(&t.code, t.start_pc),
                t.n_recorded,
                t.trace.ins.len(),
                t.trace.n_guards(),
                t.compiled.code_size(),
                t.compile_time.as_secs_f64() * 1e3,
                t.entered,
                if exits.is_empty() { "-".to_string() } else { exits.join(" ") },
                if t.alive { "" } else { "  (thrown away)" },
            );
        }
        if !self.aborts.is_empty() {
            let _ = writeln!(s, "aborted recordings:");
            for a in &self.aborts {
                let _ = writeln!(s, "    {}: {}", location(&a.code, a.pc), a.reason);
            }
        }
        let blacklisted = self.loops.values().filter(|l| l.blacklisted).count();
        let share = if total.is_zero() { 0.0 } else { 100.0 * compile.as_secs_f64() / total.as_secs_f64() };
        let _ = writeln!(
            s,
            "totals: {} traces, {} aborts, {} loops blacklisted, compile time {:.2}ms ({:.1}% of run time {:.2}s)",
            self.traces.len(),
            self.aborts.len(),
            blacklisted,
            compile.as_secs_f64() * 1e3,
            share,
            total.as_secs_f64()
        );
        s
    }
}

/// `file:line (function)` of a pc.
fn location(code: &Rc<Code>, pc: usize) -> String {
    let line = code.co.lines.get(pc).copied().unwrap_or(0);
    format!("{}:{} ({})", code.co.filename, line, code.co.name)
}

/// Make a loop count to the threshold again before its next recording.
fn reset_counter(code: &Rc<Code>, start_pc: usize) {
    // The counter lives at the back-edge instruction; find the JUMP_BACKWARDs to start_pc.
    let mut hot = code.hot.borrow_mut();
    for (i, ins) in code.co.instrs.iter().enumerate() {
        if ins.op == krait_runtime::bytecode::Op::JumpBackward && ins.arg as usize == start_pc {
            hot[i] = 0;
        }
    }
}

impl JitHooks for Jit {
    fn back_edge(&mut self, vm: &mut Vm, jump_pc: usize, target: usize) -> PyResult<bool> {
        if vm.recording {
            return Ok(false);
        }
        let code = vm.frames.last().expect("frame").code.clone();
        let key = Self::key(&code, target);
        let st = self.loops.entry(key).or_default();
        if let Some(id) = st.trace {
            return self.run_trace(vm, id);
        }
        if st.blacklisted {
            code.hot.borrow_mut()[jump_pc] = 0;
            return Ok(false);
        }
        self.recording = Some(Recorder::new(vm, jump_pc, target));
        vm.recording = true;
        // With a threshold of 1 the trace is recorded from this iteration on, and entered
        // at the next back-edge.
        Ok(false)
    }

    fn record(&mut self, vm: &mut Vm) {
        let Some(rec) = self.recording.as_mut() else {
            vm.recording = false;
            return;
        };
        if vm.frames.len() <= rec.root_frame() {
            let code = rec.root_code().clone();
            let pc = rec.start_pc;
            self.abort(vm, Abort { reason: "left the loop's frame".into(), code, pc, left_loop: true });
            return;
        }
        match rec.step(vm) {
            Step::Continue => {}
            Step::Done(r) => self.complete(vm, *r),
            Step::Abort(a) => self.abort(vm, a),
        }
    }

    fn roots(&self, out: &mut Vec<ObjRef>) {
        for t in self.traces.iter().filter(|t| t.alive) {
            out.extend(t.objs.iter().copied());
        }
        if let Some(rec) = &self.recording {
            rec.roots(out);
        }
    }

    fn at_exit(&mut self, _vm: &mut Vm) {
        let Some(dest) = &self.options.report else { return };
        let text = self.report();
        match dest {
            None => eprint!("{text}"),
            Some(file) => {
                if let Err(e) = std::fs::write(file, &text) {
                    eprintln!("krait: cannot write JIT report to {file}: {e}");
                }
            }
        }
    }
}
