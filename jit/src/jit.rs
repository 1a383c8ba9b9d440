//! The JIT driver (LuaJIT's lj_trace): implements the runtime's `JitHooks`. It starts
//! recordings at hot back-edges, hot exits and hot function calls, feeds the recorder,
//! optimizes and compiles finished traces, enters compiled traces, rebuilds the
//! interpreter state at exits, blacklists loops that keep aborting, throws away traces
//! that keep failing on entry, and keeps the statistics `--jit-report` prints.
//!
//! # Invariants (the one place compiled code runs against the live VM)
//!
//! * Compiled code runs on the slots of the frame its loop is in (for a function entry
//!   trace, the frame of the call it was entered at): `Vm::stack[base..]`,
//!   grown first to the most slots any trace uses (a trace may continue in any other:
//!   exits with a side trace attached and side traces ending at a loop jump to them with
//!   tail calls, through words in the traces' link tables and the loops' `entry` words).
//!   Helpers never touch `Vm::stack` (see helpers.rs), so the slot pointer stays valid.
//! * No collection happens while compiled code runs (helpers never reach a safepoint);
//!   objects a trace refers to as constants are GC roots (`roots`) while it lives. Every
//!   chain of traces passes a loop trace's pending check, so a wanted collection or a
//!   Ctrl-C returns to the interpreter within one iteration.
//! * When compiled code returns, `JitCtx::last_trace` names the trace that left and the
//!   exit's snapshot has been written to the slots; the driver pushes the inlined frames
//!   it names, sets every pc, truncates the stack to the snapshot's length, and raises
//!   the exception a helper left in the context, if any.
//! * A trace's code is freed (`retire`) only after its loop's entry word and every link
//!   into its tree are zeroed, and only while no compiled code runs.

use std::fmt::Write as _;
use std::rc::Rc;
use std::time::{Duration, Instant};

use krait_runtime::heap::ObjRef;
use krait_runtime::object::Code;
use krait_runtime::value::{PyResult, Value};
use krait_runtime::vm::{JitHooks, Vm};
use rustc_hash::FxHashMap;

use std::sync::atomic::{AtomicU64, Ordering};

use crate::backend::{CompiledTrace, JitBackend, Links};
use crate::helpers::JitCtx;
use crate::ir::{FrameKind, Trace};
use crate::record::{Abort, Recorded, Recorder, Step};
use crate::worker::{Done, Job, Worker};

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
    /// `--jit-sync`: compile on the interpreter's thread, each trace as soon as it is
    /// recorded (by default traces compile on a thread of their own and are used once
    /// ready). Dumping Cranelift IR or machine code implies it.
    pub sync: bool,
}

/// What a trace is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TraceKind {
    /// A loop: recorded at a hot back-edge, peeled, loops natively.
    Loop,
    /// A side trace: recorded from a hot exit (`parent`'s exit `exit`), ends by entering
    /// a loop's trace.
    Side { parent: usize, exit: usize },
    /// A function entry: recorded from the first instruction of a hot function's call,
    /// ends as a side trace does (at its return, at a loop, or before an instruction it
    /// cannot record).
    Entry,
}

/// What an exit of a compiled trace leads to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum ExitState {
    /// Back to the interpreter; side recordings that failed from here so far.
    #[default]
    Interpreter,
    /// Failed side recordings from here: never tried again.
    Blacklisted,
    /// A side trace is attached (its id).
    Side(usize),
}

/// A compiled trace and its statistics.
struct TraceRec {
    id: usize,
    kind: TraceKind,
    /// Where it starts: the code and pc of the frame its recording started in.
    code: Rc<Code>,
    start_pc: usize,
    /// For a loop trace, its back-edge instruction (`start_pc` is the header).
    jump_pc: usize,
    /// The loop trace at the root of its tree (itself for a loop trace).
    tree: usize,
    /// Side traces in the tree (counted on the loop trace).
    n_sides: usize,
    trace: Trace,
    /// The native code (None once thrown away: its memory is freed).
    compiled: Option<CompiledTrace>,
    code_size: u32,
    objs: Vec<ObjRef>,
    n_recorded: usize,
    /// Position of the `loop` marker (type guards before it are entry failures).
    loop_pos: usize,
    compile_time: Duration,
    /// Counters and link targets compiled code reads and writes (`Links`): entries, loop
    /// iterations, a count per exit, an entry address per exit.
    table: Box<[AtomicU64]>,
    exit_state: Vec<ExitState>,
    side_aborts: Vec<u8>,
    alive: bool,
    /// Its last exit continues in a loop's trace (a side or entry trace that ended at a
    /// loop header, or at the back-edge of an inlined `_consume` loop, where the
    /// interpreter enters that loop's trace).
    linked_end: bool,
}

impl TraceRec {
    fn n_exits(&self) -> usize {
        self.trace.exits.len()
    }

    fn entered(&self) -> u64 {
        self.table[0].load(Ordering::Relaxed)
    }

    fn iterations(&self) -> u64 {
        self.table[1].load(Ordering::Relaxed)
    }

    fn exit_count(&self, e: usize) -> u64 {
        self.table[Links::count_index(e)].load(Ordering::Relaxed)
    }

    /// Where compiled code continues after exit `e` (0: back to the driver).
    fn set_target(&self, e: usize, entry: u64) {
        self.table[Links::target_index(self.n_exits(), e)].store(entry, Ordering::Relaxed);
    }

    /// Exits taken at entry type guards (`is_entry_guard`).
    fn entry_failures(&self) -> u64 {
        (0..self.n_exits())
            .filter(|&e| is_entry_guard(&self.trace, self.trace.exits[e], self.loop_pos))
            .map(|e| self.exit_count(e))
            .sum()
    }
}

#[derive(Default)]
struct LoopState {
    aborts: u32,
    /// Recordings that ended because the loop did.
    left: u32,
    retraces: u32,
    /// Times its trace was thrown away for having recorded the less common path.
    rare_retraces: u32,
    blacklisted: bool,
    /// Its first trace (`variants[0]`), where the interpreter enters.
    trace: Option<usize>,
    /// Its loop traces, each recorded for other slot types at the header: a trace whose
    /// entry type guard fails continues in the next (its entry guards' exits are linked
    /// to it), the last returns to the interpreter.
    variants: Vec<usize>,
    /// Returns to the interpreter at the last variant's entry guards since the last
    /// recording: at `HOT_EXIT`, a new variant is recorded.
    misses: u32,
    /// The entry of its first trace's code, or 0: side traces that end at this loop
    /// continue there (their last exit reads this word).
    entry: Box<AtomicU64>,
}

struct AbortRec {
    code: Rc<Code>,
    pc: usize,
    reason: String,
}

/// The recording in progress and where it started.
struct Recording {
    rec: Recorder,
    /// None for a loop or function entry; Some((trace, exit)) for a side trace of that
    /// exit.
    side_of: Option<(usize, usize)>,
    /// A function entry trace.
    entry: bool,
}

/// A function's entry trace and its failed recordings.
#[derive(Default)]
struct EntryState {
    trace: Option<usize>,
    aborts: u32,
    blacklisted: bool,
}

/// Failed side recordings from one exit before it is left to the interpreter for good.
const MAX_SIDE_ABORTS: u8 = 2;
/// Exits taken before an exit gets a side trace (lower if the loop threshold is lower).
const HOT_EXIT: u64 = 50;
/// Most traces alive at once (loops and side traces).
const MAX_TRACES: usize = 4000;
/// Most side traces in one loop's tree.
const MAX_SIDES: usize = 100;
/// Compile time allowed: this share of the run time so far, plus `COMPILE_GRACE` (new
/// recordings wait while more has been spent).
const COMPILE_SHARE: f64 = 0.04;
const COMPILE_GRACE: Duration = Duration::from_millis(30);
/// Fewest instructions an entry trace must cover before it returns to the interpreter:
/// entering compiled code, leaving it and rebuilding the frames costs about as much as
/// interpreting a few dozen (12 made sudoku, minijson and scheduler 3–9% slower).
const MIN_ENTRY_BYTECODES: usize = 40;
/// Most loop traces of one loop (for different slot types at its header).
const MAX_VARIANTS: usize = 4;
/// Most traces queued for the compiler thread at once (new recordings wait).
const MAX_IN_FLIGHT: usize = 4;

/// The JIT: plug into a VM with `vm.hooks = Some(Box::new(Jit::new(options)))`.
pub struct Jit {
    options: JitOptions,
    backend: Option<JitBackend>,
    loops: FxHashMap<(usize, usize), LoopState>,
    /// Function entry traces, by code address.
    entries: FxHashMap<usize, EntryState>,
    traces: Vec<TraceRec>,
    recording: Option<Recording>,
    aborts: Vec<AbortRec>,
    start: Instant,
    /// The most slots and the deepest inlining of any trace (compiled code may continue
    /// in any trace, so entering it needs room for all).
    max_slots: usize,
    max_depth: usize,
    /// Traces alive (not thrown away).
    n_alive: usize,
    /// Time the interpreter's thread spent optimizing and compiling so far (what the
    /// compile budget counts).
    compile_total: Duration,
    /// The compiler thread (None when compiling on this thread, or until first used).
    worker: Option<Worker>,
    /// The machine has one CPU: traces compile on this thread.
    single_cpu: bool,
}

impl Jit {
    /// A JIT with these options (the backend is created on first use).
    pub fn new(options: JitOptions) -> Jit {
        Jit {
            options,
            backend: None,
            loops: FxHashMap::default(),
            entries: FxHashMap::default(),
            traces: vec![],
            recording: None,
            aborts: vec![],
            start: Instant::now(),
            max_slots: 0,
            max_depth: 0,
            n_alive: 0,
            compile_total: Duration::ZERO,
            worker: None,
            single_cpu: std::thread::available_parallelism().map_or(true, |n| n.get() < 2),
        }
    }

    /// Whether traces compile on this thread: asked for, dumping Cranelift's output (in
    /// order), or a single CPU (a compiler thread would only take turns with this one).
    fn sync(&self) -> bool {
        self.options.sync || self.options.dump.clif || self.options.dump.asm || self.single_cpu
    }

    /// Whether trace `id` is waiting for its code from the compiler thread.
    fn pending(&self, id: usize) -> bool {
        self.traces[id].alive && self.traces[id].compiled.is_none()
    }

    /// Install the traces the compiler thread has finished (waiting for all of them if
    /// `wait`).
    fn poll_compiled(&mut self, wait: bool) {
        loop {
            let Some(w) = self.worker.as_mut() else { return };
            let Some(done) = w.poll(wait) else { return };
            self.install(done);
        }
    }

    /// A trace the compiler thread finished: link it in, as `complete` does on this
    /// thread, unless it was thrown away meanwhile (its code is then freed at once).
    fn install(&mut self, done: Done) {
        let id = done.id;
        self.traces[id].compile_time += done.time;
        let compiled = match done.result {
            Ok(c) => c,
            Err(reason) => {
                // Unregistered from where `complete` registered it, then counted as a
                // failed recording.
                let t = &mut self.traces[id];
                let (kind, code, start_pc) = (t.kind, t.code.clone(), t.start_pc);
                if t.alive {
                    t.alive = false;
                    t.objs = vec![];
                    self.n_alive -= 1;
                }
                match kind {
                    TraceKind::Entry => self.entries.entry(Rc::as_ptr(&code) as usize).or_default().trace = None,
                    TraceKind::Loop => self.relink(Self::key(&code, start_pc)),
                    TraceKind::Side { parent, exit } => {
                        if self.traces[parent].exit_state[exit] == ExitState::Side(id) {
                            self.traces[parent].exit_state[exit] = ExitState::Interpreter;
                        }
                    }
                }
                let a = Abort { reason, code: code.clone(), pc: start_pc, left_loop: false };
                self.count_failure(kind, &code, start_pc, a);
                return;
            }
        };
        if !self.traces[id].alive {
            return;
        }
        let entry = compiled.entry() as u64;
        let t = &mut self.traces[id];
        t.code_size = compiled.code_size();
        t.compiled = Some(compiled);
        let key = Self::key(&t.code, t.start_pc);
        match t.kind {
            TraceKind::Loop => self.relink(key),
            TraceKind::Side { parent, exit } => {
                let p = &self.traces[parent];
                if p.alive && p.exit_state[exit] == ExitState::Side(id) {
                    p.set_target(exit, entry);
                }
            }
            TraceKind::Entry => {}
        }
    }

    /// Start recording the loop at header `start_pc` of the top frame (back-edge at
    /// `jump_pc`).
    fn record_loop(&mut self, vm: &mut Vm, jump_pc: usize, start_pc: usize) {
        self.recording = Some(Recording { rec: Recorder::new(vm, jump_pc, start_pc), side_of: None, entry: false });
        vm.recording = true;
    }

    /// Whether compiling more now keeps compile time within its share of the run time
    /// (and the compiler thread's queue short).
    fn within_budget(&self) -> bool {
        self.compile_total < self.start.elapsed().mul_f64(COMPILE_SHARE) + COMPILE_GRACE
            && self.worker.as_ref().is_none_or(|w| w.in_flight() < MAX_IN_FLIGHT)
    }

    fn key(code: &Rc<Code>, pc: usize) -> (usize, usize) {
        (Rc::as_ptr(code) as usize, pc)
    }

    /// The live trace of the loop at (code, header pc), if any.
    fn loop_trace(&self, key: (usize, usize)) -> Option<usize> {
        self.loops.get(&key).and_then(|st| st.trace).filter(|&id| self.traces[id].alive)
    }

    /// A recording ended without a trace: count it against its loop or exit.
    fn abort(&mut self, vm: &mut Vm, a: Abort) {
        vm.recording = false;
        let Recording { rec, side_of, entry } = self.recording.take().expect("recording");
        let kind = match side_of {
            None if entry => TraceKind::Entry,
            None => TraceKind::Loop,
            Some((parent, exit)) => TraceKind::Side { parent, exit },
        };
        self.count_failure(kind, rec.root_code(), rec.start_pc, a);
    }

    /// Count a recording or compile that failed against what it was for: its function,
    /// its loop or its parent's exit.
    fn count_failure(&mut self, kind: TraceKind, code: &Rc<Code>, start_pc: usize, a: Abort) {
        match kind {
            TraceKind::Entry => self.abort_entry(code, a),
            TraceKind::Loop => self.abort_loop(code, start_pc, a),
            TraceKind::Side { parent, exit } => self.abort_side(parent, exit, a),
        }
    }

    fn abort_entry(&mut self, code: &Rc<Code>, a: Abort) {
        let st = self.entries.entry(Rc::as_ptr(code) as usize).or_default();
        st.aborts += 1;
        if st.aborts >= MAX_ABORTS {
            st.blacklisted = true;
        }
        self.aborts.push(AbortRec { code: a.code, pc: a.pc, reason: format!("function entry: {}", a.reason) });
        // Count to the threshold again (the call counter is instruction 0's).
        code.hot.borrow_mut()[0] = 0;
    }

    fn abort_side(&mut self, parent: usize, exit: usize, a: Abort) {
        let t = &mut self.traces[parent];
        t.side_aborts[exit] = t.side_aborts[exit].saturating_add(1);
        if t.side_aborts[exit] >= MAX_SIDE_ABORTS {
            t.exit_state[exit] = ExitState::Blacklisted;
        }
        // Count to the threshold again before the next try.
        t.table[Links::count_index(exit)].store(0, Ordering::Relaxed);
        self.aborts.push(AbortRec {
            code: a.code,
            pc: a.pc,
            reason: format!("side trace of {parent}/{exit}: {}", a.reason),
        });
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

    /// Peel (a loop), optimize and compile a finished recording (dumping what
    /// `--jit-dump` asks).
    fn build(
        &mut self,
        id: usize,
        loc: &str,
        rec: &Recorded,
        peel: bool,
        end_target: u64,
    ) -> Result<(Trace, Option<CompiledTrace>, Box<[AtomicU64]>), String> {
        if self.options.dump.ir {
            eprintln!("---- trace {id} {loc} IR (recorded)\n{}", rec.trace);
        }
        let opt = if let (true, Some(header)) = (peel, rec.header) {
            let (t, map) = crate::opt::hoist_entry_guards(&rec.trace, header);
            let end: Vec<_> = rec.end.iter().map(|&(s, r)| (s, map[r.index()])).collect();
            crate::opt::optimize(crate::opt::peel(&t, &end)?)
        } else if peel {
            crate::opt::optimize(crate::opt::peel(&rec.trace, &rec.end)?)
        } else {
            crate::opt::optimize(rec.trace.clone())
        };
        if self.options.dump.opt {
            eprintln!("---- trace {id} {loc} IR (optimized)\n{opt}");
        }
        crate::ir::verify(&opt).map_err(|e| e.to_string())?;
        let table: Box<[AtomicU64]> = (0..Links::table_len(opt.exits.len())).map(|_| AtomicU64::new(0)).collect();
        let links = Links { id: id as u64, table: table.as_ptr() as u64, end_target };
        if !self.sync() {
            if self.worker.is_none() {
                self.worker = Some(Worker::start()?);
            }
            let job = Job { id, trace: opt.clone(), links };
            self.worker.as_mut().expect("worker").submit(job)?;
            return Ok((opt, None, table));
        }
        if self.backend.is_none() {
            let mut backend = JitBackend::new().map_err(|e| e.to_string())?;
            backend.set_disasm(self.options.dump.asm);
            self.backend = Some(backend);
        }
        let backend = self.backend.as_mut().expect("backend");
        if self.options.dump.clif {
            if let Ok(text) = backend.clif_text(&opt) {
                eprintln!("---- trace {id} Cranelift IR\n{text}");
            }
        }
        let compiled = backend.compile_linked(&opt, links).map_err(|e| e.to_string())?;
        if self.options.dump.asm {
            eprintln!("---- trace {id} machine code: {} bytes at {:p}", compiled.code_size(), compiled.entry());
            if let Some(text) = compiled.disasm() {
                eprint!("{text}");
            }
        }
        Ok((opt, Some(compiled), table))
    }

    fn complete(&mut self, vm: &mut Vm, rec: Recorded, link: Option<(usize, usize)>) {
        vm.recording = false;
        let Recording { rec: recorder, side_of, entry: is_entry } = self.recording.take().expect("recording");
        let started = thread_cpu_time();
        let id = self.traces.len();
        let (code, start_pc, kind) = match side_of {
            None if is_entry => (recorder.root_code().clone(), 0, TraceKind::Entry),
            None => (recorder.root_code().clone(), recorder.start_pc, TraceKind::Loop),
            Some((parent, exit)) => {
                let (code, pc) = recorder.start_location();
                (code, pc, TraceKind::Side { parent, exit })
            }
        };
        if let (Some((parent, exit)), None) = (side_of, link) {
            if recorder.n_bytecodes() <= 3 {
                // It would return to the interpreter at once: entering it costs more than
                // it saves. The exit stays with the interpreter.
                self.traces[parent].exit_state[exit] = ExitState::Blacklisted;
                return;
            }
        }
        // (Fewer with a lower threshold: `--jit-threshold 1` keeps them all.)
        let min_entry = MIN_ENTRY_BYTECODES.min(vm.jit_threshold.max(1) as usize);
        if is_entry && link.is_none() && recorder.n_bytecodes() < min_entry {
            // As short a side trace: the interpreter runs the function.
            let st = self.entries.entry(Rc::as_ptr(&code) as usize).or_default();
            st.blacklisted = true;
            return;
        }
        let loc = location(&code, start_pc);
        // The word a side trace's end reads for the loop trace to continue in.
        let end_target = match link {
            Some(key) => &*self.loops.entry(key).or_default().entry as *const AtomicU64 as u64,
            None => 0,
        };
        let built = self.build(id, &loc, &rec, kind == TraceKind::Loop, end_target);
        let (opt, compiled, table) = match built {
            Ok(built) => built,
            Err(reason) => {
                let a = Abort { reason, code: code.clone(), pc: start_pc, left_loop: false };
                self.count_failure(kind, &code, start_pc, a);
                return;
            }
        };
        let n_exits = opt.exits.len();
        // 0 while the compiler thread has it (`install` links it in then).
        let entry = compiled.as_ref().map_or(0, |c| c.entry() as u64);
        let tree = match kind {
            TraceKind::Loop => id,
            TraceKind::Entry => {
                self.entries.entry(Rc::as_ptr(&code) as usize).or_default().trace = Some(id);
                id
            }
            TraceKind::Side { parent, exit } => {
                self.traces[parent].exit_state[exit] = ExitState::Side(id);
                if entry != 0 {
                    self.traces[parent].set_target(exit, entry);
                }
                let tree = self.traces[parent].tree;
                self.traces[tree].n_sides += 1;
                tree
            }
        };
        self.n_alive += 1;
        self.max_slots = self.max_slots.max(opt.n_slots as usize);
        self.max_depth = self.max_depth.max(rec.max_depth);
        let compile_time = thread_cpu_time().saturating_sub(started);
        self.compile_total += compile_time;
        self.traces.push(TraceRec {
            id,
            kind,
            code,
            start_pc,
            jump_pc: recorder.jump_pc(),
            tree,
            n_sides: 0,
            n_recorded: rec.trace.ins.len(),
            loop_pos: opt.loop_ref().map_or(usize::MAX, |l| l.index()),
            trace: opt,
            code_size: compiled.as_ref().map_or(0, |c| c.code_size()),
            compiled,
            objs: rec.objs,
            compile_time,
            table,
            exit_state: vec![ExitState::Interpreter; n_exits],
            side_aborts: vec![0; n_exits],
            alive: true,
            linked_end: end_target != 0 || rec.ends_at_consume_loop,
        });
        if kind == TraceKind::Loop {
            let key = Self::key(&self.traces[id].code, start_pc);
            let st = self.loops.entry(key).or_default();
            st.variants.push(id);
            st.misses = 0;
            self.relink(key);
        }
    }

    /// Point the loop's entry word at its first variant and each variant's entry type
    /// guards at the next one (after a variant was added or thrown away).
    fn relink(&mut self, key: (usize, usize)) {
        let Some(st) = self.loops.get_mut(&key) else { return };
        let traces = &self.traces;
        st.variants.retain(|&v| traces[v].alive);
        let entry_of = |v: usize| traces[v].compiled.as_ref().map_or(0, |c| c.entry() as u64);
        st.trace = st.variants.first().copied();
        st.entry.store(st.trace.map_or(0, entry_of), Ordering::Relaxed);
        for (i, &v) in st.variants.iter().enumerate() {
            let next = st.variants.get(i + 1).map_or(0, |&n| entry_of(n));
            let t = &traces[v];
            for e in 0..t.n_exits() {
                if is_header_guard(t, e) {
                    t.set_target(e, next);
                }
            }
        }
    }

    /// Run trace `id` on the top frame (compiled code continues in the side traces and
    /// loop traces it is linked to); rebuild the interpreter state where the last one left.
    fn run_trace(&mut self, vm: &mut Vm, id: usize) -> PyResult<bool> {
        let fi = vm.frames.len() - 1;
        let base = vm.frames[fi].base;
        // Compiled code may continue in any trace: room for the deepest and widest.
        if vm.frames.len() + self.max_depth + 2 >= vm.recursion_limit {
            return Ok(false);
        }
        let Some(compiled) = &self.traces[id].compiled else { return Ok(false) };
        if vm.stack.len() < base + self.max_slots {
            vm.stack.resize(base + self.max_slots, Value::Undef);
        }
        let len = vm.stack.len() - base;
        let vm_ptr: *mut Vm = vm;
        let mut ctx = JitCtx::new(std::sync::Arc::as_ptr(&vm.interrupt), &vm.heap.wanted, vm_ptr);
        // SAFETY: `base + len` is within `vm.stack` (grown above). The slice aliases the
        // stack's buffer, which nothing else touches while the trace runs: helpers reach
        // the VM through `ctx.vm` but never `Vm::stack` (helpers.rs invariants), and this
        // function does not use `vm` until the trace returns.
        let slots = unsafe { std::slice::from_raw_parts_mut((*vm_ptr).stack.as_mut_ptr().add(base), len) };
        let exit = compiled.run(slots, &mut ctx);
        // The trace that returned (compiled code may have continued in others). Exits with
        // a side trace attached and side traces ending at a loop with a trace never return
        // here unless a helper raised: the link words make compiled code go on itself.
        let cur = ctx.last_trace as usize;
        let t = &self.traces[cur];
        let e = exit.index();
        let snap = t.trace.exit_snapshot(exit);
        // Rebuild the inlined frames.
        vm.frames[fi].pc = snap.frames.first().map_or(snap.pc, |f| f.ret_pc) as usize;
        for (i, fr) in snap.frames.iter().enumerate() {
            // SAFETY: `fr.func` is the address of a function object the trace keeps alive
            // (it is in `objs`, a GC root), taken from a live `ObjRef`.
            let func = unsafe { ObjRef::from_ptr(fr.func as *mut krait_runtime::object::Obj) };
            let (fbase, ret_sp) = (base + fr.base as usize, base + fr.ret_sp as usize);
            match (fr.kind, vm.stack[fbase]) {
                // A generator's frame: the generator is its caller's iterator, below it.
                // Or the argument of the call `next(g)` / `next(g, default)` below it.
                (FrameKind::Generator(next_of), _) => match vm.stack[fbase - next_of.max(1) as usize] {
                    Value::Obj(gen) => {
                        let call = (next_of != 0).then_some((ret_sp, next_of));
                        vm.push_running_gen_frame_at(gen, fbase, call)
                    }
                    _ => unreachable!("generator frame without its generator"),
                },
                // An inlined `__len__` of `len(x)`.
                (FrameKind::Len, _) => vm.push_len_frame_at(func, fbase, ret_sp),
                // An inlined `_consume` loop of `sum(gen)`, `all(gen)`...
                (FrameKind::Consume, _) => vm.push_consume_frame_at(func, fbase, ret_sp),
                // An inlined `__init__`: the instance is in its `self` slot.
                (FrameKind::Init, Value::Obj(inst)) => vm.push_init_frame_at(func, fbase, ret_sp, inst),
                // An inlined operator dunder: its operands are its first two slots.
                (FrameKind::Binop(op, stage), a) => {
                    let (b, op) = (vm.stack[fbase + 1], krait_runtime::bytecode::BinOp::from_arg(op));
                    // A reflected method (stage 3) has the operands swapped.
                    let (a, b) = if stage == 3 { (b, a) } else { (a, b) };
                    let bf = krait_runtime::vm::BinopFrame { op, a, b, stage };
                    vm.push_binop_frame_at(func, fbase, ret_sp, bf)
                }
                _ => vm.push_frame_at(func, fbase, ret_sp, false, None),
            }
            let pc = snap.frames.get(i + 1).map_or(snap.pc, |next| next.ret_pc);
            vm.frames.last_mut().expect("pushed").pc = pc as usize;
        }
        vm.stack.truncate(base + snap.sp as usize);
        if let Some(e) = ctx.err {
            vm.frames.last_mut().expect("frame").pc = snap.ins_pc as usize + 1;
            return Err(e);
        }
        // A hot exit gets a side trace, recorded from here on.
        let hot_exit = HOT_EXIT.min(vm.jit_threshold.max(1) as u64);
        if t.exit_count(e) >= hot_exit && self.side_eligible(cur, e) {
            let root = &self.traces[t.tree];
            debug_assert!(Rc::ptr_eq(&root.code, &vm.frames[fi].code));
            let known = t.trace.exit_facts(exit);
            match Recorder::new_side(vm, fi, root.jump_pc, root.start_pc, &known) {
                Ok(rec) => {
                    self.recording = Some(Recording { rec, side_of: Some((cur, e)), entry: false });
                    vm.recording = true;
                }
                Err(reason) => {
                    let top = vm.frames.last().expect("frame");
                    let a = Abort { reason, code: top.code.clone(), pc: top.pc, left_loop: false };
                    self.abort_side(cur, e, a);
                }
            }
        }
        // Slot types at the header that no variant of the loop takes, often enough: a
        // new variant is recorded from here (the interpreter is at the header).
        let t = &self.traces[cur];
        if is_header_guard(t, e) {
            let (key, jump_pc, start_pc) = (Self::key(&t.code, t.start_pc), t.jump_pc, t.start_pc);
            let waiting = self.loops.get(&key).is_some_and(|st| st.variants.iter().any(|&v| self.pending(v)));
            let st = self.loops.entry(key).or_default();
            st.misses += 1;
            if st.misses as u64 >= hot_exit
                && !waiting
                && st.variants.len() < MAX_VARIANTS
                && !st.blacklisted
                && self.recording.is_none()
                && self.n_alive < MAX_TRACES
            {
                st.misses = 0;
                self.record_loop(vm, jump_pc, start_pc);
                return Ok(true);
            }
        }
        // A loop trace goes (its loop may be recorded again) when its entry type guards
        // keep failing, or when most iterations leave at one exit: it recorded the less
        // common side of a branch (twice at most).
        let t = &self.traces[cur];
        if t.kind != TraceKind::Loop || t.entered() <= 100 {
            return Ok(true);
        }
        let guard = t.trace.exits[e];
        if is_entry_guard(&t.trace, guard, t.loop_pos) {
            // Not while a variant for other slot types waits for its code: it will take
            // those entries (a loop whose accumulator is an int at first and a big or wide
            // int later alternates between two variants).
            let key = Self::key(&t.code, t.start_pc);
            let waiting = self.loops.get(&key).is_some_and(|st| st.variants.iter().any(|&v| self.pending(v)));
            let failures = t.entry_failures();
            if failures > 100 && failures * 2 > t.entered() && !waiting {
                self.retire(cur, true);
            }
        } else if t.trace.get(guard).op != crate::ir::Op::Pending
            && t.exit_count(e) * 10 > (t.entered() + t.iterations()) * 6
            && self.loops.get(&Self::key(&t.code, t.start_pc)).is_some_and(|l| l.rare_retraces < 2)
        {
            self.retire(cur, false);
        }
        Ok(true)
    }

    /// Whether exit `e` of trace `id` may get a side trace: not the pending check (the
    /// interpreter must run the collection or raise KeyboardInterrupt), not a loop's entry
    /// type guard (those count toward throwing the trace away), not the end of a side or
    /// entry trace that links on to a loop, not tried too often.
    fn side_eligible(&self, id: usize, e: usize) -> bool {
        let t = &self.traces[id];
        let guard = t.trace.exits[e];
        t.exit_state[e] == ExitState::Interpreter
            && t.trace.get(guard).op != crate::ir::Op::Pending
            && (t.kind != TraceKind::Loop || !is_entry_guard(&t.trace, guard, t.loop_pos))
            && (t.kind == TraceKind::Loop || e + 1 != t.n_exits() || !t.linked_end)
            && self.traces[t.tree].n_sides < MAX_SIDES
            && self.n_alive < MAX_TRACES
            && self.recording.is_none()
            && self.within_budget()
    }

    /// Throw away a loop trace and its side traces (their code is freed); the loop may be
    /// recorded again.
    fn retire(&mut self, id: usize, counts: bool) {
        let mut stack = vec![id];
        while let Some(t) = stack.pop() {
            let tr = &mut self.traces[t];
            tr.alive = false;
            self.n_alive -= 1;
            tr.objs = vec![];
            // Nothing may jump into the code once it is freed: the loop's entry word and
            // the exits of the tree (all of it goes) stop pointing at it.
            for w in tr.table.iter() {
                w.store(0, Ordering::Relaxed);
            }
            tr.compiled = None;
            for st in &mut tr.exit_state {
                if let ExitState::Side(s) = *st {
                    stack.push(s);
                    *st = ExitState::Interpreter;
                }
            }
        }
        let t = &self.traces[id];
        let (code, start_pc) = (t.code.clone(), t.start_pc);
        let key = Self::key(&code, start_pc);
        self.relink(key);
        let st = self.loops.entry(key).or_default();
        if counts {
            st.retraces += 1;
            if st.retraces >= MAX_RETRACES {
                st.blacklisted = true;
            }
        } else {
            st.rare_retraces += 1;
        }
        reset_counter(&code, start_pc);
    }

    /// The `--jit-report` text.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let total = self.start.elapsed();
        let _ = writeln!(s, "krait JIT report");
        let _ = writeln!(
            s,
            "{:>3} {:<5} {:<7} {:<32} {:>5} {:>5} {:>6} {:>7} {:>9} {:>9}  exits (number:count, >side trace)",
            "id", "kind", "from", "start", "ir", "opt", "guards", "bytes", "compile", "entered"
        );
        let mut compile = Duration::ZERO;
        for t in &self.traces {
            compile += t.compile_time;
            let counts: Vec<u64> = (0..t.n_exits()).map(|e| t.exit_count(e)).collect();
            let exits: Vec<String> = counts
                .iter()
                .enumerate()
                .filter(|(i, &n)| n > 0 || matches!(t.exit_state[*i], ExitState::Side(_)))
                .map(|(i, n)| match t.exit_state[i] {
                    ExitState::Side(s) => format!("{i}:{n}>{s}"),
                    _ => format!("{i}:{n}"),
                })
                .collect();
            let (kind, from) = match t.kind {
                TraceKind::Loop => ("loop", "-".to_string()),
                TraceKind::Side { parent, exit } => ("side", format!("{parent}/{exit}")),
                TraceKind::Entry => ("entry", "-".to_string()),
            };
            let _ = writeln!(
                s,
                "{:>3} {:<5} {:<7} {:<32} {:>5} {:>5} {:>6} {:>7} {:>7.2}ms {:>9}  {}{}",
                t.id,
                kind,
                from,
                location(&t.code, t.start_pc),
                t.n_recorded,
                t.trace.ins.len(),
                t.trace.n_guards(),
                t.code_size,
                t.compile_time.as_secs_f64() * 1e3,
                t.entered(),
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
        let sides = self.traces.iter().filter(|t| t.kind != TraceKind::Loop).count();
        let share = if total.is_zero() { 0.0 } else { 100.0 * compile.as_secs_f64() / total.as_secs_f64() };
        let main = if self.sync() {
            String::new()
        } else {
            let main_share = 100.0 * self.compile_total.as_secs_f64() / total.as_secs_f64().max(1e-9);
            format!("; on the main thread {:.2}ms, {main_share:.1}%", self.compile_total.as_secs_f64() * 1e3)
        };
        let _ = writeln!(
            s,
            "totals: {} traces ({} side), {} aborts, {} loops blacklisted, compile time {:.2}ms ({:.1}% of run time {:.2}s{main})",
            self.traces.len(),
            sides,
            self.aborts.len(),
            blacklisted,
            compile.as_secs_f64() * 1e3,
            share,
            total.as_secs_f64()
        );
        s
    }
}

/// Whether `guard` checks the type of a slot as the loop is entered: a tag guard on a slot
/// load before `loop`. (Other guards before `loop` are the first iteration's.)
fn is_entry_guard(trace: &Trace, guard: crate::ir::IrRef, loop_pos: usize) -> bool {
    let g = trace.get(guard);
    guard.index() < loop_pos
        && g.op == crate::ir::Op::GuardTag
        && g.a.as_ref().is_some_and(|r| trace.get(r).op == crate::ir::Op::SLoadTag)
}

/// Whether exit `e` of loop trace `t` is an entry type guard that leaves at the loop
/// header with nothing written (`opt::hoist_entry_guards`): the state it leaves is the
/// state the loop's next variant starts from.
fn is_header_guard(t: &TraceRec, e: usize) -> bool {
    let guard = t.trace.exits[e];
    let Some((snap, _)) = t.trace.get(guard).exit else { return false };
    let snap = &t.trace.snaps[snap.index()];
    t.kind == TraceKind::Loop
        && is_entry_guard(&t.trace, guard, t.loop_pos)
        && snap.pc as usize == t.start_pc
        && snap.entries.is_empty()
        && snap.frames.is_empty()
}

/// The CPU time this thread has run: compile time is measured in it, so a busy machine
/// (the thread descheduled mid-compile) does not make compiling look dear and hold back
/// the next traces (`within_budget`).
pub(crate) fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec it is given, which lives across the call.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// `file:line (function)` of a pc.
fn location(code: &Rc<Code>, pc: usize) -> String {
    let line = code.co.lines.get(pc).copied().unwrap_or(0);
    format!("{}:{} ({})", code.co.filename, line, code.co.name)
}

/// Make a loop count toward its threshold again before its next recording, from a varying
/// start: a loop whose branches follow a period would otherwise be recorded at the same
/// point of its period (and down the same path) every time.
fn reset_counter(code: &Rc<Code>, start_pc: usize) {
    thread_local!(static SEED: std::cell::Cell<u32> = const { std::cell::Cell::new(0x9e37_79b9) });
    let r = SEED.with(|s| {
        // xorshift32
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.set(x);
        x
    });
    // The counter lives at the back-edge instruction; find the JUMP_BACKWARDs to start_pc.
    let mut hot = code.hot.borrow_mut();
    for (i, ins) in code.co.instrs.iter().enumerate() {
        if ins.op == krait_runtime::bytecode::Op::JumpBackward && ins.arg as usize == start_pc {
            hot[i] = (r % 512) as u16;
        }
    }
}

impl JitHooks for Jit {
    fn back_edge(&mut self, vm: &mut Vm, jump_pc: usize, target: usize) -> PyResult<bool> {
        if vm.recording {
            return Ok(false);
        }
        self.poll_compiled(false);
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
        if !self.within_budget() {
            // Compiled enough for now: count to the threshold again first.
            reset_counter(&code, target);
            return Ok(false);
        }
        if code.co.instrs[..jump_pc]
            .iter()
            .any(|i| i.op == krait_runtime::bytecode::Op::JumpBackward && i.arg as usize == target)
        {
            // A header an inner loop shares (`while True:` whose body starts with a
            // `while`): only the inner loop is recorded, and its trace is entered from
            // both back-edges (recordings from this one could only abort at the inner
            // loop and blacklist the header they share).
            code.hot.borrow_mut()[jump_pc] = 0;
            return Ok(false);
        }
        self.record_loop(vm, jump_pc, target);
        // With a threshold of 1 the trace is recorded from this iteration on, and entered
        // at the next back-edge.
        Ok(false)
    }

    fn call_entry(&mut self, vm: &mut Vm) -> PyResult<bool> {
        if vm.recording {
            return Ok(false);
        }
        self.poll_compiled(false);
        let top = vm.frames.len() - 1;
        let code = vm.frames[top].code.clone();
        let st = self.entries.entry(Rc::as_ptr(&code) as usize).or_default();
        if let Some(id) = st.trace.filter(|&id| self.traces[id].alive) {
            return self.run_trace(vm, id);
        }
        let over = !self.within_budget();
        let st = self.entries.entry(Rc::as_ptr(&code) as usize).or_default();
        if st.blacklisted || self.n_alive >= MAX_TRACES || over {
            // Count again from 0: the hook is not asked at every call.
            code.hot.borrow_mut()[0] = 0;
            return Ok(false);
        }
        match Recorder::new_side(vm, top, usize::MAX, 0, &Default::default()) {
            Ok(rec) => {
                self.recording = Some(Recording { rec, side_of: None, entry: true });
                vm.recording = true;
            }
            Err(reason) => {
                let a = Abort { reason, code: code.clone(), pc: 0, left_loop: false };
                self.abort_entry(&code, a);
            }
        }
        Ok(false)
    }

    fn record(&mut self, vm: &mut Vm) {
        let Some(Recording { rec, side_of, entry }) = self.recording.as_ref() else {
            vm.recording = false;
            return;
        };
        let linking = side_of.is_some() || *entry;
        if vm.frames.len() <= rec.root_frame() {
            let code = rec.root_code().clone();
            let pc = rec.start_pc;
            self.abort(vm, Abort { reason: "left the loop's frame".into(), code, pc, left_loop: true });
            return;
        }
        if let Some((parent, _)) = *side_of {
            if !self.traces[parent].alive {
                let (code, pc) = (rec.root_code().clone(), rec.start_pc);
                self.abort(vm, Abort { reason: "parent trace thrown away".into(), code, pc, left_loop: false });
                return;
            }
        }
        if linking {
            // A side trace ends where the root frame reaches a loop header with a trace.
            let top = vm.frames.len() - 1;
            if top == rec.root_frame() && rec.n_bytecodes() > 0 && !rec.slice_pending() {
                let key = Self::key(&vm.frames[top].code, vm.frames[top].pc);
                if self.loop_trace(key).is_some() {
                    let pc = vm.frames[top].pc;
                    let r = self.recording.as_mut().expect("recording").rec.link(pc);
                    self.complete(vm, r, Some(key));
                    return;
                }
            }
        }
        let rec = &mut self.recording.as_mut().expect("recording").rec;
        let root = rec.root_frame();
        match rec.step(vm) {
            Step::Continue => {}
            Step::Done(r) => self.complete(vm, *r, None),
            Step::Linked(r, target) => {
                let code = vm.frames[root].code.clone();
                self.complete(vm, *r, target.map(|pc| Self::key(&code, pc)))
            }
            Step::Abort(a) => self.abort(vm, a),
        }
    }

    fn roots(&self, out: &mut Vec<ObjRef>) {
        for t in self.traces.iter().filter(|t| t.alive) {
            out.extend(t.objs.iter().copied());
        }
        if let Some(r) = &self.recording {
            r.rec.roots(out);
        }
    }

    fn at_exit(&mut self, _vm: &mut Vm) {
        if self.options.report.is_none() {
            return;
        }
        // The report shows every trace recorded, compiled.
        self.poll_compiled(true);
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
