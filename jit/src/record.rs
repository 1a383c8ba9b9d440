//! The recorder: runs beside the interpreter while a hot loop executes once, sees each
//! instruction with its real operands before it runs, and emits typed IR specialized to
//! what it saw, every assumption protected by a guard (LuaJIT's lj_record).
//!
//! The recorder keeps an abstract copy of the slots of the root frame and of every inlined
//! frame (`slots`, relative to the root frame's first slot): each slot it has touched maps
//! to an IR value with a known Python type. A slot read for the first time is loaded from
//! memory and its type guarded. Snapshots list the slots whose value differs from memory,
//! the inlined frames, and the stack length, so an exit can rebuild the interpreter state.
//!
//! An int operation whose result the interpreter makes a big int is recorded on i128
//! ("wide" ints, `WIDE`) rather than through the generic binop helper: wide values stay in
//! the trace through arithmetic and slot moves, and every other use materializes them as
//! the Python int the interpreter holds (`materialize`); exits do the same.
//!
//! Guards before an instruction's effect leave with the state before the instruction (the
//! interpreter then runs it itself); guards on the result of an effect (an iterator
//! advanced) leave with the state after it, so no effect runs twice.

use std::cell::Cell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use krait_runtime::bytecode::{BinOp, CmpOp, Op as BcOp};
use krait_runtime::heap::ObjRef;
use krait_runtime::object::{Code, InlineCache, Kind};
use krait_runtime::value::{tag, Value};
use krait_runtime::vm::Vm;

use crate::helpers::{iter_kind_of, kind, kind_of};
use crate::ir::{
    Arg, Effect, ExitFacts, FrameKind, Helper, IrRef, Op, Slot, SnapFrame, SnapNo, Snapshot, Trace, TraceBuilder,
};

/// Most bytecode instructions one recording may take before it gives up.
pub const MAX_RECORD_INS: usize = 4000;
/// Most IR instructions one recording may emit (compile time grows with it).
pub const MAX_TRACE_IR: usize = 1500;
/// Deepest inlining of Python calls.
pub const MAX_INLINE_DEPTH: usize = 8;
/// Most iterations of loops in inlined calls one recording unrolls.
pub const MAX_UNROLL: usize = 8;
/// The same for a side or entry trace, which ends there instead (the interpreter goes
/// on into the loop, and the loop's own trace if it has one).
pub const MAX_UNROLL_SIDE: usize = 2;

/// The `Tv::tag` of a wide int: a Python int (inline or big, whichever the interpreter
/// holds) kept as an i128 in the trace. Only BINARY_OP and the instructions that move
/// values between slots (LOAD_FAST, STORE_FAST, COPY, SWAP) see one; every other read
/// materializes it first (`read`, `peek`). Not a runtime tag.
const WIDE: u64 = 0x100;

/// An int operand of wide arithmetic, with its value.
#[derive(Copy, Clone)]
enum W {
    /// An i64 (or a bool) in the trace.
    Small(i64),
    /// A wide int in the trace.
    Wide(i128),
    /// A big int object that fits i128 (`wunbox`).
    Big(i128),
}

impl W {
    /// What `tv` (real value `v`) is as a wide operand, if an int that fits i128.
    fn of(tv: &Tv, v: Value) -> Option<W> {
        let big = |v: Value| match v {
            Value::Obj(o) => match &o.kind {
                Kind::BigInt(x) => crate::helpers::fits_wide(x),
                _ => None,
            },
            Value::Int(i) => Some(i as i128),
            _ => None,
        };
        match (tv.tag, v) {
            (WIDE, v) => big(v).map(W::Wide),
            (tag::INT | tag::BOOL, Value::Int(_) | Value::Bool(_)) => Some(W::Small(as_i64(v))),
            (tag::OBJ, Value::Obj(_)) => big(v).map(W::Big),
            _ => None,
        }
    }
}

/// A typed IR value the recorder knows for a slot or stack entry.
#[derive(Copy, Clone, Debug)]
struct Tv {
    r: IrRef,
    /// The Python tag of the value (`tag::INT`...); its IR type follows from it.
    tag: u64,
    /// Loaded from this slot and not changed since (so a snapshot need not write it).
    from: Option<u32>,
    /// The object, when the value is a known constant object.
    obj: Option<ObjRef>,
}

/// The slice of `c[a:b]` or `c[a:b] = v` while BUILD_SLICE's subscript is recorded: its
/// parts (boxed) and the snapshot before BUILD_SLICE, with which the subscript's guards
/// leave (the interpreter then builds the slice itself). The stack slot holding it stays
/// unwritten until `materialize_slice` (for a subscript that needs the object).
#[derive(Clone, Copy)]
struct VSlice {
    parts: [IrRef; 3],
    /// The parts as the recorder knows them (an int, bool or None each).
    tvs: [Tv; 3],
    snap: SnapNo,
    slot: usize,
}

/// `src[a:b:s]` of a list or tuple whose result is only assigned to a list slice a few
/// instructions on (`dst[c:d] = src[a:b:s]`, copied by `SliceCopy` without the list):
/// not taken yet. Until it is consumed or taken (`Recorder::take_pending`, before any
/// instruction but the loads, int arithmetic and slice building that lead to the store),
/// nothing with an effect is recorded, so every guard leaves before the source's
/// BUILD_SLICE (`snap`) and the interpreter runs those instructions again. Its stack slot
/// holds a placeholder nothing reads.
#[derive(Clone, Copy)]
struct PendingSlice {
    src: Tv,
    parts: [IrRef; 3],
    /// The parts as the recorder knows them, and their values now.
    tvs: [Tv; 3],
    seen: [Value; 3],
    snap: SnapNo,
    slot: usize,
}

/// A frame of the recording: the root frame or an inlined call.
struct RFrame {
    code: Rc<Code>,
    func: Option<ObjRef>,
    globals: ObjRef,
    /// Names (LOAD_NAME/STORE_NAME) live in the globals dict: module-level code.
    names_are_globals: bool,
    /// An inlined `__init__`: the instance its call returns (also in its `self` slot).
    init_self: Option<Tv>,
    /// An inlined operator dunder: the operator and the protocol stage after it.
    binop: Option<(BinOp, u8)>,
    /// A generator's frame, resumed by the caller's FOR_ITER (the generator is the
    /// iterator just below `base`) or by a call `next(g)` (`GenFrame::next_of`).
    gen: Option<GenFrame>,
    /// The `__len__` frame of a call `len(x)`: its result is checked as `len()` does.
    len_of: bool,
    /// The `_consume` loop of a call `sum(gen)`, `all(gen)`... (`Vm::push_consume_frame_at`).
    consume: bool,
    base: usize,
    ret_sp: usize,
    ret_pc: usize,
    /// Its depth in the interpreter's frame stack.
    depth: usize,
}

/// A generator's frame: for one the trace resumed itself, the value each of its saved
/// values was read as (`Helper::GenEnter`), so its yield writes back only the ones that
/// changed. A frame the interpreter resumed (a side trace starting in it) has none: its
/// yield writes every value.
#[derive(Clone)]
struct GenFrame {
    read_as: Vec<IrRef>,
    /// 0 for a frame FOR_ITER resumed; for one a call `next(g)` (1) or `next(g, default)`
    /// (2) resumed, its number of arguments, just below the frame (`Frame::next_of`).
    next_of: u8,
}

impl GenFrame {
    /// The stack position of the generator, for a frame at `base`.
    fn gen_slot(&self, base: usize) -> usize {
        base - self.next_of.max(1) as usize
    }
}

/// Why a recording stopped without a trace (for the report).
#[derive(Clone)]
pub struct Abort {
    /// The loop was left while it was being recorded (its last iteration): not the loop's
    /// fault, try again at its next back-edge.
    pub left_loop: bool,
    /// What the recorder could not handle.
    pub reason: String,
    /// The code and pc it was at.
    pub code: Rc<Code>,
    /// The pc.
    pub pc: usize,
}

/// What recording one instruction led to.
pub enum Step {
    /// Keep recording.
    Continue,
    /// The loop closed: the trace is complete.
    Done(Box<Recorded>),
    /// A side trace reached another loop's back-edge: it ends there (the loop's trace is
    /// entered if it has one, else the interpreter runs the back-edge). The loop's header
    /// pc if the back-edge is in the root frame.
    Linked(Box<Recorded>, Option<usize>),
    /// The recording failed.
    Abort(Abort),
}

/// A finished recording.
pub struct Recorded {
    /// The trace (one iteration, ending where the loop jumps back; no `loop` yet).
    pub trace: Trace,
    /// Slot -> value at the end of the iteration (the state the next iteration starts in).
    pub end: Vec<(Slot, IrRef)>,
    /// Objects the trace refers to (kept alive while the trace lives).
    pub objs: Vec<ObjRef>,
    /// Deepest inlining the trace does.
    pub max_depth: usize,
    /// For a loop: the snapshot of the loop header as entered (nothing written), which
    /// `opt::hoist_entry_guards` gives the slot type guards.
    pub header: Option<SnapNo>,
    /// A side or entry trace that ends at the back-edge of the loop of an inlined
    /// `_consume` frame (`sum(gen)`...): the interpreter goes on into that loop's own
    /// trace there, so the end gets no side trace (which would unroll the loop further).
    pub ends_at_consume_loop: bool,
}

/// The recorder state for one loop.
pub struct Recorder {
    b: TraceBuilder,
    /// The interpreter frame the loop is in (index in `Vm::frames`).
    root: usize,
    root_base: usize,
    /// The loop header and back-edge pcs in the root frame.
    pub start_pc: usize,
    jump_pc: usize,
    frames: Vec<RFrame>,
    slots: Vec<Option<Tv>>,
    sp: usize,
    /// Where the next instruction must be: (frame depth, pc).
    expect: Option<(usize, usize)>,
    objs: Vec<ObjRef>,
    n_bytecodes: usize,
    /// Back-edges of loops in inlined calls recorded so far (unrolled).
    unrolled: usize,
    /// The recording stopped at the back-edge of a loop in an inlined `_consume` frame
    /// (`Recorded::ends_at_consume_loop`).
    stopped_at_consume_loop: bool,
    max_depth: usize,
    /// The snapshot of the instruction being recorded (taken lazily).
    pre_snap: Option<SnapNo>,
    cur_pc: usize,
    ctx_ref: Option<IrRef>,
    /// A side trace: starts at an exit of a compiled trace and ends where the root frame
    /// reaches the header of a loop that has a trace (`link`).
    side: bool,
    /// Set when a side trace ends at a back-edge (`Step::Linked`).
    link_to: Option<Option<usize>>,
    /// A loop recording's header snapshot (`Recorded::header`).
    header_snap: Option<SnapNo>,
    /// A slice built by BUILD_SLICE for the subscript right after it: not allocated
    /// unless that subscript needs the object (`VSlice`).
    vslice: Option<VSlice>,
    /// Tuples built in the trace (BUILD_TUPLE), with their items: a closure's cells.
    tuples: FxHashMap<IrRef, Vec<Tv>>,
    /// Functions made in the trace (MAKE_FUNCTION), with their closure's cells: a call
    /// of one needs no identity guard (its code is the instruction's constant).
    fresh_funcs: FxHashMap<IrRef, Vec<Tv>>,
    /// A slice of a list or tuple not taken yet (`PendingSlice`).
    pending: Option<PendingSlice>,
    /// Set when a snapshot would have held `pending`'s placeholder (the recording aborts).
    pending_leaked: bool,
    /// For a side trace: the tags of slots its exit knows (`Trace::exit_facts`: written by
    /// the exit or guarded before it), which need no guard when read before the trace has
    /// changed them.
    entry_tags: FxHashMap<usize, u64>,
    /// For a side trace: the kinds of the objects in slots its parent guarded, which need
    /// no guard when read before the trace has changed them.
    entry_kinds: FxHashMap<usize, i64>,
    /// Objects whose kind is known (guarded, or known at the side trace's entry).
    known_kinds: FxHashMap<IrRef, i64>,
    /// The stack slot holding the iterator a `range(...)` call made for the GET_ITER that
    /// follows it, where the interpreter has the range (no snapshot may see it there).
    fused_range: Option<usize>,
    /// Where the recording started (code and pc of the top frame).
    start_code: Rc<Code>,
    start_at: usize,
    /// The first IR instruction of the bytecode instruction being recorded.
    ins_start: usize,
}

type R<T> = Result<T, String>;

/// The abort reason when the loop ends during its recording.
const LEFT_LOOP: &str = "loop left during recording";

/// Whether the BINARY_SUBSCR at `pc` is followed, within a few loads, int operations and
/// one BUILD_SLICE, by a STORE_SUBSCR that would assign its result to a slice
/// (`dst[c:d] = src[a:b]`).
fn copy_follows(code: &Code, pc: usize) -> bool {
    let instrs = &code.co.instrs;
    let mut depth = 0usize;
    for i in pc + 1..(pc + 12).min(instrs.len()) {
        match instrs[i].op {
            BcOp::LoadFast | BcOp::LoadConst | BcOp::LoadGlobal => depth += 1,
            BcOp::BinaryOp if depth >= 2 => depth -= 1,
            BcOp::BuildSlice if depth > instrs[i].arg as usize => {
                depth -= instrs[i].arg as usize - 1;
                return depth == 2 && instrs.get(i + 1).is_some_and(|n| n.op == BcOp::StoreSubscr);
            }
            _ => return false,
        }
    }
    false
}

fn abort<T>(why: impl Into<String>) -> R<T> {
    Err(why.into())
}

/// Marks a reason after which a side or entry trace may end before the instruction (the
/// interpreter runs it) instead of being thrown away: nothing the instruction does has
/// been recorded or changed in the recorder yet.
const STOP: char = '\u{1}';

fn stop<T>(why: impl Into<String>) -> R<T> {
    Err(format!("{STOP}{}", why.into()))
}

impl Recorder {
    /// Start recording the loop whose header is the top frame's pc.
    pub fn new(vm: &Vm, jump_pc: usize, start_pc: usize) -> Recorder {
        let root = vm.frames.len() - 1;
        let f = &vm.frames[root];
        let sp = vm.stack.len() - f.base;
        let mut r = Recorder {
            b: TraceBuilder::new(0),
            root,
            root_base: f.base,
            start_pc,
            jump_pc,
            frames: vec![RFrame {
                code: f.code.clone(),
                func: f.func,
                globals: f.globals,
                names_are_globals: f.locals.is_none_or(|l| l.ptr_eq(f.globals)),
                init_self: None,
                binop: None,
                gen: None,
                len_of: false,
                consume: false,
                base: 0,
                ret_sp: 0,
                ret_pc: 0,
                depth: root,
            }],
            slots: vec![None; sp],
            sp,
            expect: Some((root, start_pc)),
            objs: vec![],
            n_bytecodes: 0,
            unrolled: 0,
            stopped_at_consume_loop: false,
            max_depth: 0,
            pre_snap: None,
            cur_pc: start_pc,
            ctx_ref: None,
            side: false,
            link_to: None,
            vslice: None,
            tuples: FxHashMap::default(),
            fresh_funcs: FxHashMap::default(),
            pending: None,
            pending_leaked: false,
            fused_range: None,
            entry_tags: FxHashMap::default(),
            entry_kinds: FxHashMap::default(),
            known_kinds: FxHashMap::default(),
            header_snap: None,
            start_code: f.code.clone(),
            start_at: start_pc,
            ins_start: 0,
        };
        r.header();
        r.header_snap = Some(r.snapshot_at(start_pc, r.sp));
        r
    }

    /// Start recording a side trace where a compiled trace of the loop `start_pc` (back-edge
    /// at `jump_pc`) in frame `root` left: the interpreter state is the exit's, with the
    /// inlined frames it rebuilt above `root`. The recording ends at a loop header with a
    /// trace in the root frame (`link`). `known` is what the exit knows of the slots it
    /// leaves (`Trace::exit_facts`): the side trace is entered only through that exit, so
    /// it need not check those tags and kinds again (`entry_tags`, `entry_kinds`).
    pub fn new_side(
        vm: &Vm,
        root: usize,
        jump_pc: usize,
        start_pc: usize,
        known: &ExitFacts,
    ) -> Result<Recorder, String> {
        let root_base = vm.frames[root].base;
        let mut frames = vec![];
        for (i, f) in vm.frames.iter().enumerate().skip(root) {
            if i > root && (f.entry || f.locals.is_some() || f.func.is_none()) {
                return Err("side exit inside a frame the recorder cannot inline".into());
            }
            frames.push(RFrame {
                code: f.code.clone(),
                func: f.func,
                globals: f.globals,
                names_are_globals: f.locals.is_none_or(|l| l.ptr_eq(f.globals)),
                init_self: None,
                binop: None,
                // A generator's frame FOR_ITER or `next()` resumed: its yield returns to the
                // caller.
                gen: (i > root && f.generator.is_some()).then(|| GenFrame { read_as: vec![], next_of: f.next_of }),
                len_of: i > root && f.len_of,
                consume: i > root && vm.is_consume_frame(f),
                base: f.base - root_base,
                ret_sp: f.ret_sp.saturating_sub(root_base),
                ret_pc: if i > root { vm.frames[i - 1].pc } else { 0 },
                depth: i,
            });
        }
        let top = vm.frames.len() - 1;
        let sp = vm.stack.len() - root_base;
        let mut r = Recorder {
            b: TraceBuilder::new(0),
            root,
            root_base,
            start_pc,
            jump_pc,
            max_depth: frames.len() - 1,
            frames,
            slots: vec![None; sp],
            sp,
            expect: Some((top, vm.frames[top].pc)),
            objs: vec![],
            n_bytecodes: 0,
            unrolled: 0,
            stopped_at_consume_loop: false,
            pre_snap: None,
            cur_pc: vm.frames[top].pc,
            ctx_ref: None,
            side: true,
            link_to: None,
            vslice: None,
            tuples: FxHashMap::default(),
            fresh_funcs: FxHashMap::default(),
            pending: None,
            pending_leaked: false,
            fused_range: None,
            entry_tags: known.tags.iter().map(|&(slot, t)| (slot as usize, t)).collect(),
            entry_kinds: known.kinds.iter().map(|&(slot, k)| (slot as usize, k)).collect(),
            known_kinds: FxHashMap::default(),
            header_snap: None,
            start_code: vm.frames[top].code.clone(),
            start_at: vm.frames[top].pc,
            ins_start: 0,
        };
        // Inlined `__init__` frames: their instance is in their `self` slot.
        for i in 1..r.frames.len() {
            let Some(inst) = vm.frames[root + i].init_self else { continue };
            let slot = r.frames[i].base;
            if !r.real(vm, slot).is(&Value::Obj(inst)) {
                return Err("side exit in an __init__ that rebound self".into());
            }
            let tv = r.read(vm, slot)?;
            r.frames[i].init_self = Some(tv);
        }
        // Inlined operator dunders: their operands are in their first two slots.
        for i in 1..r.frames.len() {
            let Some(bf) = vm.frames[root + i].binop else { continue };
            let slot = r.frames[i].base;
            // (Swapped for a reflected method, stage 3.)
            let (x, y) = if bf.stage == 3 { (bf.b, bf.a) } else { (bf.a, bf.b) };
            if !r.real(vm, slot).is(&x) || !r.real(vm, slot + 1).is(&y) {
                return Err("side exit in an operator method that rebound its arguments".into());
            }
            r.frames[i].binop = Some((bf.op, bf.stage));
        }
        Ok(r)
    }

    /// The code and pc the recording started at.
    pub fn start_location(&self) -> (Rc<Code>, usize) {
        (self.start_code.clone(), self.start_at)
    }

    /// The back-edge instruction of the loop (of the tree, for a side trace).
    pub fn jump_pc(&self) -> usize {
        self.jump_pc
    }

    /// Instructions recorded so far.
    pub fn n_bytecodes(&self) -> usize {
        self.n_bytecodes
    }

    /// Whether a slice is pending (`PendingSlice`) or `range()` is fused with the GET_ITER
    /// that follows (`fused_range`): the recording cannot end here (a loop header never
    /// falls inside the statement that takes and stores the slice, nor between the two).
    pub fn slice_pending(&self) -> bool {
        self.pending.is_some() || self.fused_range.is_some()
    }

    /// End a side trace: the root frame is at `pc`, the header of a loop with a trace; the
    /// trace leaves there (its last exit) and the driver enters that loop's trace.
    pub fn link(&mut self, pc: usize) -> Recorded {
        self.cur_pc = pc;
        let snap = self.snapshot_at(pc, self.sp);
        self.b.guard(Op::Exit, Arg::None, Arg::None, snap);
        self.finish()
    }

    /// Emit the loop header's pending check (collection wanted, Ctrl-C): it leaves at the
    /// back-edge instruction, where the interpreter handles both.
    fn header(&mut self) {
        let snap = self.snapshot_at(self.jump_pc, self.sp);
        self.b.guard(Op::Pending, Arg::None, Arg::None, snap);
    }

    /// Objects the recording refers to so far (GC roots while it runs).
    pub fn roots(&self, out: &mut Vec<ObjRef>) {
        out.extend(self.objs.iter().copied());
        out.extend(self.frames.iter().filter_map(|f| f.func));
    }

    /// The root frame's code (where the loop is).
    pub fn root_code(&self) -> &Rc<Code> {
        &self.frames[0].code
    }

    /// The interpreter frame index the loop runs in.
    pub fn root_frame(&self) -> usize {
        self.root
    }

    /// Record the instruction the top frame is about to run.
    pub fn step(&mut self, vm: &mut Vm) -> Step {
        let depth = vm.frames.len() - 1;
        let pc = vm.frames[depth].pc;
        let code = vm.frames[depth].code.clone();
        let fail = |reason: String| Step::Abort(Abort { reason, code: code.clone(), pc, left_loop: false });
        if self.expect != Some((depth, pc)) {
            let expected =
                self.expect.map_or(String::new(), |(d, p)| format!(": expected pc {p} at depth {d}, at {pc}"));
            return fail(format!(
                "left the recorded path (exception, generator or native call back into Python){expected}"
            ));
        }
        if depth != self.frames.last().map_or(usize::MAX, |f| f.depth) {
            return fail("frame mismatch".into());
        }
        if vm.stack.len() != self.root_base + self.sp {
            return fail(format!("stack depth mismatch ({} vs {})", vm.stack.len() - self.root_base, self.sp));
        }
        self.n_bytecodes += 1;
        if self.n_bytecodes > MAX_RECORD_INS || self.b.trace().ins.len() > MAX_TRACE_IR {
            return fail("trace too long".into());
        }
        self.pre_snap = None;
        self.cur_pc = pc;
        if self.pending.is_some() && !self.pending_allows(vm, &code, pc) {
            if let Err(reason) = self.take_pending(vm) {
                return fail(reason);
            }
        }
        self.ins_start = self.b.trace().ins.len();
        if self.fused_range.is_none() && self.slots.iter().any(|s| s.is_some_and(|tv| tv.tag == WIDE)) {
            // The state before the instruction, for a materialization's guard wherever in
            // the instruction it happens (`materialize`).
            self.snap();
        }
        let result = self.instruction(vm, &code, pc);
        if self.pending.is_some() && result.is_ok() {
            let t = self.b.trace();
            let effect = t.ins[self.ins_start..].iter().any(|i| match (i.op.effect(), i.b) {
                (Effect::Store, _) => true,
                (Effect::Call, Arg::Helper(h)) => h.effect() == Effect::Store,
                _ => false,
            });
            if effect {
                return fail("effect while a slice copy is pending".into());
            }
        }
        if self.pending_leaked {
            return fail("snapshot while a slice copy is pending or range() is fused with iter()".into());
        }
        match result {
            Ok(Some(next)) => {
                self.expect = Some(next);
                Step::Continue
            }
            Ok(None) => match self.link_to.take() {
                Some(target) => Step::Linked(Box::new(self.link(pc)), target),
                None => match self.settle_wide_ends(vm) {
                    Ok(()) => Step::Done(Box::new(self.finish())),
                    Err(reason) => fail(reason),
                },
            },
            Err(reason) if reason == LEFT_LOOP => Step::Abort(Abort { reason, code, pc, left_loop: true }),
            Err(reason) if reason.starts_with(STOP) => {
                if self.side && self.n_bytecodes > 1 && self.vslice.is_none() && !self.slice_pending() {
                    Step::Linked(Box::new(self.link(pc)), None)
                } else {
                    fail(reason.trim_start_matches(STOP).to_string())
                }
            }
            Err(reason) => fail(reason),
        }
    }

    fn finish(&mut self) -> Recorded {
        let header_sp = self.sp;
        let mut end = vec![];
        for i in 0..header_sp {
            if let Some(tv) = self.slots[i] {
                if tv.from != Some(i as u32) {
                    end.push((Slot(i as u32), tv.r));
                }
            }
        }
        let mut b = std::mem::take(&mut self.b);
        b.trace_mut().n_slots = self.slots.len().max(1) as u32;
        Recorded {
            ends_at_consume_loop: self.stopped_at_consume_loop,
            trace: b.finish(),
            end,
            objs: std::mem::take(&mut self.objs),
            max_depth: self.max_depth,
            header: self.header_snap,
        }
    }

    // -- Abstract slots and stack ---------------------------------------------------------

    fn real(&self, vm: &Vm, slot: usize) -> Value {
        vm.stack[self.root_base + slot]
    }

    fn set_slot(&mut self, slot: usize, tv: Tv) {
        if slot >= self.slots.len() {
            self.slots.resize(slot + 1, None);
        }
        self.entry_tags.remove(&slot);
        self.entry_kinds.remove(&slot);
        self.slots[slot] = Some(tv);
    }

    /// The value of a slot, loading and guarding it on first use; a wide int is
    /// materialized (for the slot too).
    fn read(&mut self, vm: &Vm, slot: usize) -> R<Tv> {
        let tv = self.read_raw(vm, slot)?;
        if tv.tag != WIDE {
            return Ok(tv);
        }
        let m = self.materialize(tv, self.real(vm, slot))?;
        self.set_slot(slot, m);
        Ok(m)
    }

    /// A wide int as the Python int the interpreter holds (`real`): boxed by `wide_box`,
    /// its tag guarded (inline or big int, as the runtime normalizes), unboxed. The guard
    /// leaves before the instruction, so nothing it did may have an effect yet.
    fn materialize(&mut self, tv: Tv, real: Value) -> R<Tv> {
        let effect = self.b.trace().ins[self.ins_start..].iter().any(|i| match (i.op, i.b) {
            (Op::CallHelper, Arg::Helper(h)) => h.effect() == Effect::Store && h != Helper::WideBox,
            (op, _) => op.effect() == Effect::Store,
        });
        if effect {
            return abort("wide int read after an effect");
        }
        let snap = self.snap();
        let c = self.ctx();
        let boxed = self.b.call(Helper::WideBox, &[c, tv.r]);
        let m = self.unbox(boxed, real, snap)?;
        Ok(Tv { from: tv.from, ..m })
    }

    /// The value of a slot as it is, a wide int too (for instructions that only move it).
    fn read_raw(&mut self, vm: &Vm, slot: usize) -> R<Tv> {
        if let Some(Some(tv)) = self.slots.get(slot) {
            return Ok(*tv);
        }
        let v = self.real(vm, slot);
        let s = Slot(slot as u32);
        let tg = v.tag();
        if tg == tag::UNDEF {
            return abort("unbound local");
        }
        if self.entry_tags.get(&slot) != Some(&tg) {
            let snap = self.snap();
            let t = self.b.sload(Op::SLoadTag, slot as u32);
            self.b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tg as i64), snap);
        }
        let r = match v {
            Value::Int(_) => self.b.sload(Op::SLoadInt, s.0),
            Value::Float(_) => self.b.sload(Op::SLoadFloat, s.0),
            Value::Bool(_) => self.b.sload(Op::SLoadBool, s.0),
            Value::Obj(_) => self.b.sload(Op::SLoadObj, s.0),
            Value::None => self.b.kval(tag::NONE, 0),
            Value::Undef => unreachable!("checked above"),
        };
        if let (Value::Obj(_), Some(&k)) = (v, self.entry_kinds.get(&slot)) {
            self.known_kinds.insert(r, k);
        }
        let tv = Tv { r, tag: tg, from: Some(s.0), obj: None };
        self.set_slot(slot, tv);
        Ok(tv)
    }

    fn push(&mut self, tv: Tv) {
        let tv = Tv { from: None, ..tv };
        let sp = self.sp;
        self.set_slot(sp, tv);
        self.sp += 1;
    }

    /// The stack entry `n` from the top (1 = top), and its real value.
    fn peek(&mut self, vm: &Vm, n: usize) -> R<(Tv, Value)> {
        let slot = self.sp - n;
        Ok((self.read(vm, slot)?, self.real(vm, slot)))
    }

    /// `peek`, leaving a wide int as it is.
    fn peek_raw(&mut self, vm: &Vm, n: usize) -> R<(Tv, Value)> {
        let slot = self.sp - n;
        Ok((self.read_raw(vm, slot)?, self.real(vm, slot)))
    }

    fn pop_n(&mut self, n: usize) {
        for i in self.sp - n..self.sp {
            self.slots[i] = None;
        }
        self.sp -= n;
    }

    // -- Snapshots ------------------------------------------------------------------------

    fn snapshot_at(&mut self, pc: usize, sp: usize) -> SnapNo {
        if self.pending.is_some_and(|p| p.slot < sp) || self.fused_range.is_some_and(|slot| slot < sp) {
            self.pending_leaked = true;
        }
        let mut entries = vec![];
        for i in 0..sp.min(self.slots.len()) {
            if let Some(tv) = self.slots[i] {
                if tv.from != Some(i as u32) {
                    entries.push((Slot(i as u32), tv.r));
                }
            }
        }
        let frames = self.frames[1..]
            .iter()
            .map(|f| SnapFrame {
                func: f.func.map_or(0, |o| o.as_ptr() as u64),
                base: f.base as u32,
                ret_sp: f.ret_sp as u32,
                ret_pc: f.ret_pc as u32,
                kind: match (f.init_self, f.binop, &f.gen, f.len_of, f.consume) {
                    (Some(_), ..) => FrameKind::Init,
                    (_, Some((op, stage)), ..) => FrameKind::Binop(op as u32, stage),
                    (_, _, Some(g), ..) => FrameKind::Generator(g.next_of),
                    (_, _, _, true, _) => FrameKind::Len,
                    (.., true) => FrameKind::Consume,
                    _ => FrameKind::Call,
                },
            })
            .collect();
        let n = self.slots.len().max(sp) as u32;
        if self.b.trace().n_slots < n {
            self.b.trace_mut().n_slots = n;
        }
        self.b.push_snapshot(Snapshot { pc: pc as u32, entries, frames, sp: sp as u32, ins_pc: self.cur_pc as u32 })
    }

    /// The snapshot of the state before the current instruction.
    fn snap(&mut self) -> SnapNo {
        if let Some(p) = self.pending {
            return p.snap;
        }
        if let Some(s) = self.pre_snap {
            return s;
        }
        let s = self.snapshot_at(self.cur_pc, self.sp);
        self.pre_snap = Some(s);
        s
    }

    fn ctx(&mut self) -> IrRef {
        if let Some(c) = self.ctx_ref {
            return c;
        }
        let c = self.b.ins(Op::Ctx, Arg::None, Arg::None);
        self.ctx_ref = Some(c);
        c
    }

    // -- Typed values ---------------------------------------------------------------------

    fn tv(r: IrRef, tag: u64) -> Tv {
        Tv { r, tag, from: None, obj: None }
    }

    fn konst(&mut self, v: Value) -> R<Tv> {
        Ok(match v {
            Value::Int(i) => Self::tv(self.b.kint(i), tag::INT),
            Value::Float(f) => Self::tv(self.b.kfloat(f), tag::FLOAT),
            Value::Bool(x) => Self::tv(self.b.ins(Op::KBool, Arg::Imm(x as i64), Arg::None), tag::BOOL),
            Value::None => Self::tv(self.b.kval(tag::NONE, 0), tag::NONE),
            Value::Obj(o) => {
                self.objs.push(o);
                let r = self.b.ins(Op::KObj, Arg::Imm(o.as_ptr() as i64), Arg::None);
                Tv { r, tag: tag::OBJ, from: None, obj: Some(o) }
            }
            Value::Undef => return abort("unbound value"),
        })
    }

    /// Guard a boxed helper result to have the type of `seen` and unbox it.
    fn unbox(&mut self, boxed: IrRef, seen: Value, snap: SnapNo) -> R<Tv> {
        let t = self.b.ins(Op::TagOf, Arg::Ref(boxed), Arg::None);
        let tg = seen.tag();
        if tg == tag::UNDEF {
            return abort("helper result unbound");
        }
        self.b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tg as i64), snap);
        let op = match seen {
            Value::Int(_) => Op::UnboxInt,
            Value::Float(_) => Op::UnboxFloat,
            Value::Bool(_) => Op::UnboxBool,
            Value::Obj(_) => Op::UnboxObj,
            _ => return Ok(Self::tv(self.b.kval(tag::NONE, 0), tag::NONE)),
        };
        Ok(Self::tv(self.b.ins(op, Arg::Ref(boxed), Arg::None), tg))
    }

    fn boxed(&mut self, tv: Tv) -> IrRef {
        if tv.tag == tag::NONE {
            return tv.r;
        }
        self.b.ins(Op::Box, Arg::Ref(tv.r), Arg::None)
    }

    fn guard_kind(&mut self, tv: Tv, o: ObjRef) -> i64 {
        crate::helpers::learn_layout(o);
        let k = kind_of(o);
        if tv.obj.is_some() || self.known_kinds.get(&tv.r) == Some(&k) {
            return k;
        }
        let snap = self.snap();
        let kr = self.b.call(Helper::ObjKind, &[tv.r]);
        let kk = self.b.kint(k);
        self.b.guard(Op::GuardEq, Arg::Ref(kr), Arg::Ref(kk), snap);
        self.known_kinds.insert(tv.r, k);
        k
    }

    /// Guard that `tv` is the object `o` (a callee, a global function); returns the
    /// constant.
    fn guard_identity(&mut self, tv: Tv, o: ObjRef) -> Tv {
        if tv.obj.is_some_and(|x| x.ptr_eq(o)) {
            return tv;
        }
        let snap = self.snap();
        self.objs.push(o);
        let k = self.b.ins(Op::KObj, Arg::Imm(o.as_ptr() as i64), Arg::None);
        self.b.guard(Op::GuardEq, Arg::Ref(tv.r), Arg::Ref(k), snap);
        Tv { r: k, tag: tag::OBJ, from: None, obj: Some(o) }
    }

    /// An int-valued view of a number (bools count as ints).
    fn as_int(&mut self, tv: Tv) -> IrRef {
        if tv.tag == tag::BOOL {
            self.b.ins(Op::BToI, Arg::Ref(tv.r), Arg::None)
        } else {
            tv.r
        }
    }

    fn as_float(&mut self, tv: Tv) -> IrRef {
        match tv.tag {
            tag::FLOAT => tv.r,
            _ => {
                let i = self.as_int(tv);
                self.b.ins(Op::IToF, Arg::Ref(i), Arg::None)
            }
        }
    }

    /// The truth value of `tv` as a bool ref, or a constant.
    fn truth(&mut self, vm: &Vm, tv: Tv, v: Value) -> R<Result<IrRef, bool>> {
        Ok(match v {
            Value::Bool(_) => Ok(tv.r),
            Value::Int(_) => {
                let z = self.b.kint(0);
                Ok(self.b.bin(Op::Ne, tv.r, z))
            }
            Value::Float(_) => {
                let z = self.b.kfloat(0.0);
                Ok(self.b.bin(Op::FNe, tv.r, z))
            }
            Value::None => Err(false),
            Value::Obj(o) => {
                let k = self.guard_kind(tv, o);
                if !matches!(k, kind::LIST | kind::TUPLE | kind::STR | kind::DICT | kind::SET | kind::BIGINT) {
                    return abort(format!("truth value of {}", vm.type_name(v)));
                }
                let c = self.ctx();
                Ok(self.b.call(Helper::Truthy, &[c, tv.r]))
            }
            Value::Undef => return abort("unbound value"),
        })
    }

    /// Whether a value is of a built-in type whose operations run no Python code.
    fn builtin_scalar(v: Value) -> bool {
        match v {
            Value::Obj(o) => matches!(kind_of(o), kind::STR | kind::BIGINT | kind::TUPLE | kind::LIST),
            Value::Undef => false,
            _ => true,
        }
    }

    // -- Instructions ---------------------------------------------------------------------

    /// Record one instruction; returns where the interpreter goes next, or None when the
    /// loop closed.
    fn instruction(&mut self, vm: &mut Vm, code: &Rc<Code>, pc: usize) -> R<Option<(usize, usize)>> {
        let ins = code.co.instrs[pc];
        let depth = self.frames.len() - 1;
        let fdepth = self.frames[depth].depth;
        let base = self.frames[depth].base;
        let next = Some((fdepth, pc + 1));
        let arg = ins.arg as usize;
        if depth == 0 && !self.side && (pc < self.start_pc || pc > self.jump_pc) {
            // Past the loop's back-edge or before its header: the loop was left.
            return abort(LEFT_LOOP);
        }
        match ins.op {
            BcOp::Nop => {}
            BcOp::PopTop => self.pop_n(1),
            BcOp::Copy => {
                let (tv, _) = self.peek_raw(vm, arg)?;
                self.push(tv);
            }
            BcOp::Swap => {
                let (a, _) = self.peek_raw(vm, 1)?;
                let (b, _) = self.peek_raw(vm, arg)?;
                let (i, j) = (self.sp - 1, self.sp - arg);
                self.set_slot(i, Tv { from: None, ..b });
                self.set_slot(j, Tv { from: None, ..a });
            }
            BcOp::LoadConst => {
                let tv = self.konst(code.consts[arg])?;
                self.push(tv);
            }
            BcOp::LoadFast => {
                let tv = self.read_raw(vm, base + arg)?;
                self.push(tv);
            }
            BcOp::StoreFast => {
                if arg == 0 && self.frames[depth].init_self.is_some() {
                    return abort("__init__ rebinds self");
                }
                if arg < 2 && self.frames[depth].binop.is_some() {
                    return abort("operator method rebinds its arguments");
                }
                let (tv, _) = self.peek_raw(vm, 1)?;
                self.pop_n(1);
                self.set_slot(base + arg, Tv { from: None, ..tv });
            }
            BcOp::LoadDeref | BcOp::StoreDeref => {
                let slot = base + code.co.nlocals() + arg;
                let (cell, cv) = (self.read(vm, slot)?, self.real(vm, slot));
                let Value::Obj(co) = cv else { return abort("closure cell missing") };
                if self.guard_kind(cell, co) != kind::CELL {
                    return abort("closure cell missing");
                }
                if ins.op == BcOp::LoadDeref {
                    let Kind::Cell(c) = &co.kind else { return abort("closure cell missing") };
                    let seen = c.get();
                    if seen.is_undef() {
                        return abort("empty closure cell");
                    }
                    let snap = self.snap();
                    crate::helpers::learn_layout(co);
                    let boxed = self.b.call(Helper::CellGet, &[cell.r]);
                    let tv = self.unbox(boxed, seen, snap)?;
                    self.push(tv);
                } else {
                    let (v, _) = self.peek(vm, 1)?;
                    let vb = self.boxed(v);
                    self.b.call(Helper::CellSet, &[cell.r, vb]);
                    self.pop_n(1);
                }
            }
            BcOp::LoadClosure => {
                let tv = self.read(vm, base + code.co.nlocals() + arg)?;
                self.push(tv);
            }
            BcOp::MakeFunction if arg == 0 || arg == 8 => {
                // A function without defaults, a closure or not: its code is a constant,
                // its cells a tuple the trace built.
                let (code_tv, code_v) = self.peek(vm, 1)?;
                let (closure, cells) = if arg == 8 {
                    let (closure, _) = self.peek(vm, 2)?;
                    let Some(cells) = self.tuples.get(&closure.r).cloned() else {
                        return abort("MAKE_FUNCTION of an unknown closure");
                    };
                    (self.boxed(closure), cells)
                } else {
                    (self.b.kval(tag::NONE, 0), vec![])
                };
                if !code_tv.obj.is_some_and(|o| code_v.is(&Value::Obj(o))) {
                    return abort("MAKE_FUNCTION of an unknown code");
                }
                let c = self.ctx();
                let g = self.konst(Value::Obj(self.frames[depth].globals))?;
                let f = self.b.call(Helper::MakeFunction, &[c, code_tv.r, g.r, closure]);
                self.fresh_funcs.insert(f, cells);
                self.pop_n(if arg == 8 { 2 } else { 1 });
                self.push(Self::tv(f, tag::OBJ));
            }
            BcOp::LoadName if self.frames[depth].names_are_globals => {
                let globals = self.frames[depth].globals;
                let tv = self.load_global(vm, globals, code.names[arg])?;
                self.push(tv);
            }
            BcOp::StoreName | BcOp::StoreGlobal
                if ins.op == BcOp::StoreGlobal || self.frames[depth].names_are_globals =>
            {
                let globals = self.frames[depth].globals;
                let (v, _) = self.peek(vm, 1)?;
                self.store_global(vm, globals, code.names[arg], v)?;
                self.pop_n(1);
            }
            BcOp::ListAppend => {
                let (l, lv) = self.peek(vm, arg + 1)?;
                let (x, _) = self.peek(vm, 1)?;
                let Value::Obj(lo) = lv else { return abort("LIST_APPEND to a non-list") };
                if self.guard_kind(l, lo) != kind::LIST {
                    return abort("LIST_APPEND to a non-list");
                }
                let xb = self.boxed(x);
                let snap = self.snap();
                let ok = self.b.call(Helper::ListAppend, &[l.r, xb]);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                self.pop_n(1);
            }
            BcOp::LoadGlobal => {
                let globals = self.frames[depth].globals;
                let tv = self.load_global(vm, globals, code.names[arg])?;
                self.push(tv);
            }
            BcOp::LoadAttr => {
                let (tv, v) = self.peek(vm, 1)?;
                let r = self.load_attr(vm, tv, v, code.names[arg])?;
                self.pop_n(1);
                self.push(r);
            }
            BcOp::StoreAttr => {
                let (val, _) = self.peek(vm, 2)?;
                let (tv, v) = self.peek(vm, 1)?;
                self.store_attr(vm, tv, v, code.names[arg], val)?;
                self.pop_n(2);
            }
            BcOp::LoadMethod => {
                let (tv, v) = self.peek(vm, 1)?;
                let (f, s) = self.load_method(vm, tv, v, code.names[arg])?;
                self.pop_n(1);
                self.push(f);
                match s {
                    Some(s) => self.push(s),
                    None => {
                        let u = self.b.kval(tag::UNDEF, 0);
                        self.push(Tv { r: u, tag: tag::UNDEF, from: None, obj: None });
                    }
                }
            }
            BcOp::BuildList | BcOp::BuildTuple => {
                // The items first (a wide int is materialized before the list exists).
                let mut items = vec![];
                for n in (1..=arg).rev() {
                    items.push(self.peek(vm, n)?.0);
                }
                let c = self.ctx();
                let kn = self.b.kint(arg as i64);
                let l = self.b.call(Helper::ListNew, &[c, kn]);
                for &tv in &items {
                    let xb = self.boxed(tv);
                    // Appending to the trace's own new list cannot fail.
                    self.b.call(Helper::ListAppend, &[l, xb]);
                }
                let r = if ins.op == BcOp::BuildTuple { self.b.call(Helper::TupleOfList, &[c, l]) } else { l };
                if ins.op == BcOp::BuildTuple {
                    // (A closure's cells, should MAKE_FUNCTION take the tuple.)
                    self.tuples.insert(r, items);
                }
                self.pop_n(arg);
                self.push(Self::tv(r, tag::OBJ));
            }
            BcOp::BuildMap => {
                // Scalar keys only: hashing and comparing them runs no Python code.
                for i in 0..arg {
                    let (k, kv) = self.peek(vm, 2 * (arg - i))?;
                    self.scalar_key(k, kv)?;
                }
                let snap = self.snap();
                let c = self.ctx();
                let d = self.b.call(Helper::DictNew, &[c]);
                for i in 0..arg {
                    let (k, _) = self.peek(vm, 2 * (arg - i))?;
                    let (v, _) = self.peek(vm, 2 * (arg - i) - 1)?;
                    let (kb, vb) = (self.boxed(k), self.boxed(v));
                    let ok = self.b.call(Helper::SetItem, &[c, d, kb, vb]);
                    self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                }
                self.pop_n(2 * arg);
                self.push(Self::tv(d, tag::OBJ));
            }
            BcOp::MapAdd => {
                let (d, dv) = self.peek(vm, arg + 2)?;
                let (k, kv) = self.peek(vm, 2)?;
                let (v, _) = self.peek(vm, 1)?;
                let Value::Obj(dobj) = dv else { return abort("MAP_ADD to a non-dict") };
                if self.guard_kind(d, dobj) != kind::DICT {
                    return abort("MAP_ADD to a non-dict");
                }
                self.scalar_key(k, kv)?;
                let snap = self.snap();
                let c = self.ctx();
                let (kb, vb) = (self.boxed(k), self.boxed(v));
                let ok = self.b.call(Helper::SetItem, &[c, d.r, kb, vb]);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                self.pop_n(2);
            }
            BcOp::BuildSlice => {
                let mut parts = vec![];
                let mut tvs = vec![];
                for n in (1..=arg).rev() {
                    let (tv, v) = self.peek(vm, n)?;
                    if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::None) {
                        return abort(format!("slice of {}", vm.type_name(v)));
                    }
                    parts.push(self.boxed(tv));
                    tvs.push(tv);
                }
                if parts.len() == 2 {
                    let none = self.b.kval(tag::NONE, 0);
                    parts.push(none);
                    tvs.push(Self::tv(none, tag::NONE));
                }
                let parts = [parts[0], parts[1], parts[2]];
                let tvs = [tvs[0], tvs[1], tvs[2]];
                // The snapshot before BUILD_SLICE, for the fused subscript's guards.
                let snap = self.snap();
                self.pop_n(arg);
                let none = self.b.kval(tag::NONE, 0);
                self.push(Self::tv(none, tag::NONE));
                let vs = VSlice { parts, tvs, snap, slot: self.sp - 1 };
                if matches!(code.co.instrs.get(pc + 1).map(|i| i.op), Some(BcOp::BinarySubscr | BcOp::StoreSubscr)) {
                    // The subscript decides whether the object is needed (`VSlice`).
                    self.vslice = Some(vs);
                } else {
                    self.materialize_slice(vs);
                }
            }
            BcOp::BinarySubscr => {
                if let Some(vs) = self.vslice.take() {
                    let (c, cv) = self.peek(vm, 2)?;
                    let (_, kv) = self.peek(vm, 1)?;
                    if self.pend_getslice(vm, code, pc, c, cv, kv, vs) {
                        return Ok(next);
                    }
                    if let Some(r) = self.fused_getslice(vm, c, cv, kv, vs)? {
                        self.pop_n(2);
                        self.push(r);
                        return Ok(next);
                    }
                    self.materialize_slice(vs);
                }
                let (c, cv) = self.peek(vm, 2)?;
                let (k, kv) = self.peek(vm, 1)?;
                let r = self.subscr(vm, c, cv, k, kv)?;
                self.pop_n(2);
                self.push(r);
            }
            BcOp::StoreSubscr => {
                if let Some(p) = self.pending {
                    if let Some(vs) = self.vslice {
                        if self.fused_copy(vm, p, vs)? {
                            self.vslice = None;
                            self.pop_n(3);
                            return Ok(next);
                        }
                    }
                    self.take_pending(vm)?;
                }
                if let Some(vs) = self.vslice.take() {
                    let (v, vv) = self.peek(vm, 3)?;
                    let (c, cv) = self.peek(vm, 2)?;
                    if self.fused_setslice(c, cv, v, vv, vs) {
                        self.pop_n(3);
                        return Ok(next);
                    }
                    self.materialize_slice(vs);
                }
                let (v, vv) = self.peek(vm, 3)?;
                let (c, cv) = self.peek(vm, 2)?;
                let (k, kv) = self.peek(vm, 1)?;
                self.store_subscr(c, cv, k, kv, v, vv)?;
                self.pop_n(3);
            }
            BcOp::DeleteSubscr => {
                let (c, cv) = self.peek(vm, 2)?;
                let (k, kv) = self.peek(vm, 1)?;
                let Value::Obj(o) = cv else { return abort("del on a non-object") };
                let kd = self.guard_kind(c, o);
                match (kd, kv) {
                    (kind::LIST, Value::Int(_) | Value::Bool(_)) => {}
                    (kind::LIST, Value::Obj(_)) if self.traced_slice(k) => {}
                    (kind::DICT, _) => self.scalar_key(k, kv)?,
                    _ => return abort(format!("del of an item of {}", vm.type_name(cv))),
                }
                let snap = self.snap();
                let ctx = self.ctx();
                let kb = self.boxed(k);
                let ok = self.b.call(Helper::DelItem, &[ctx, c.r, kb]);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                self.pop_n(2);
            }
            BcOp::BinaryOp => {
                let (a, av) = self.peek_raw(vm, 2)?;
                let (b, bv) = self.peek_raw(vm, 1)?;
                let op = BinOp::from_arg(ins.arg);
                // (The interpreter's fast paths take no instance.)
                {
                    if let Some((f, stage)) = vm.binop_frame_target(av, bv, op) {
                        // (A wide operand becomes the Python int it is.)
                        let (a, _) = self.peek(vm, 2)?;
                        let (b, _) = self.peek(vm, 1)?;
                        // The interpreter runs the dunder as a frame: inline it.
                        self.can_inline(&f.as_function().expect("function").code.as_code().expect("code").clone())?;
                        let snap = self.snap();
                        for (tv, v) in [(a, av), (b, bv)] {
                            match v {
                                Value::Obj(o) if kind_of(o) == kind::INSTANCE => self.inst_guard(tv, o, snap)?,
                                Value::Obj(o) => {
                                    self.guard_kind(tv, o);
                                }
                                _ => {}
                            }
                        }
                        self.epoch_guard(vm, snap);
                        self.objs.push(f);
                        let at = self.sp - 2;
                        if stage == 3 {
                            // A reflected method: `b.__rop__(a)`, operands swapped.
                            self.set_slot(at, Tv { from: None, ..b });
                            self.set_slot(at + 1, Tv { from: None, ..a });
                        }
                        return self.inline_call(vm, f, at, at, 2, fdepth, pc, None, Some((op, stage)), None);
                    }
                }
                let r = self.binary(vm, BinOp::from_arg(ins.arg), a, av, b, bv)?;
                self.pop_n(2);
                self.push(r);
            }
            BcOp::CompareOp => {
                let (a, av) = self.peek_raw(vm, 2)?;
                let (b, bv) = self.peek_raw(vm, 1)?;
                let r = self.compare(vm, CmpOp::from_arg(ins.arg), a, av, b, bv)?;
                self.pop_n(2);
                self.push(r);
            }
            BcOp::ContainsOp => {
                let (k, kv) = self.peek(vm, 2)?;
                let (c, cv) = self.peek(vm, 1)?;
                let Value::Obj(co) = cv else { return abort("`in` on a non-container") };
                if !crate::helpers::contains_is_safe(co, kv) {
                    return abort(format!("`in` on {}", vm.type_name(cv)));
                }
                self.guard_kind(c, co);
                if let Value::Obj(ko) = kv {
                    self.guard_kind(k, ko);
                }
                let seen = vm.contains(cv, kv).map_err(|_| "`in` raises".to_string())?;
                let snap = self.snap();
                let ctx = self.ctx();
                let kb = self.boxed(k);
                let boxed = self.b.call(Helper::Contains, &[ctx, c.r, kb]);
                let r = self.unbox(boxed, Value::Bool(seen), snap)?;
                let r =
                    if ins.arg == 1 { Self::tv(self.b.ins(Op::Not, Arg::Ref(r.r), Arg::None), tag::BOOL) } else { r };
                self.pop_n(2);
                self.push(r);
            }
            BcOp::IsOp => {
                let (a, av) = self.peek(vm, 2)?;
                let (b, bv) = self.peek(vm, 1)?;
                let r = match (av, bv) {
                    (Value::Obj(_), Value::Obj(_)) => self.b.bin(Op::ObjEq, a.r, b.r),
                    (Value::Int(_), Value::Int(_)) => self.b.bin(Op::Eq, a.r, b.r),
                    (Value::Bool(_), Value::Bool(_)) => {
                        let (x, y) = (self.as_int(a), self.as_int(b));
                        self.b.bin(Op::Eq, x, y)
                    }
                    _ if av.tag() != bv.tag() => self.b.ins(Op::KBool, Arg::Imm(0), Arg::None),
                    (Value::None, Value::None) => self.b.ins(Op::KBool, Arg::Imm(1), Arg::None),
                    _ => return abort("`is` on floats"),
                };
                let r = if ins.arg == 1 { self.b.ins(Op::Not, Arg::Ref(r), Arg::None) } else { r };
                self.pop_n(2);
                self.push(Self::tv(r, tag::BOOL));
            }
            BcOp::UnaryNegative => {
                let (a, av) = self.peek_raw(vm, 1)?;
                if let Some(w) =
                    W::of(&a, av).filter(|w| matches!(w, W::Wide(_) | W::Big(_)) || matches!(av, Value::Int(i64::MIN)))
                {
                    // A wide or big int, or -(-2**63): 0 - x in i128.
                    let snap = self.snap();
                    let x = self.wide_operand(a, matches!(w, W::Big(_)), snap);
                    let z = self.b.kint(0);
                    let zw = self.b.ins(Op::Widen, Arg::Ref(z), Arg::None);
                    let r = self.b.guard_ref(Op::WSubOv, zw, Some(x), snap);
                    self.pop_n(1);
                    self.push(Self::tv(r, WIDE));
                    return Ok(next);
                }
                let (a, av) = self.peek(vm, 1)?;
                let r = match av {
                    Value::Int(i64::MIN) => return abort("unary - of the smallest i64 (a big int result)"),
                    Value::Int(_) | Value::Bool(_) => {
                        let snap = self.snap();
                        let z = self.b.kint(0);
                        let x = self.as_int(a);
                        Self::tv(self.b.guard_ref(Op::SubOv, z, Some(x), snap), tag::INT)
                    }
                    Value::Float(_) => Self::tv(self.b.ins(Op::FNeg, Arg::Ref(a.r), Arg::None), tag::FLOAT),
                    _ => return abort(format!("unary - on {}", vm.type_name(av))),
                };
                self.pop_n(1);
                self.push(r);
            }
            BcOp::UnaryNot => {
                let (a, av) = self.peek(vm, 1)?;
                let r = match self.truth(vm, a, av)? {
                    Ok(t) => self.b.ins(Op::Not, Arg::Ref(t), Arg::None),
                    Err(c) => self.b.ins(Op::KBool, Arg::Imm(!c as i64), Arg::None),
                };
                self.pop_n(1);
                self.push(Self::tv(r, tag::BOOL));
            }
            BcOp::UnaryInvert => {
                let (a, av) = self.peek(vm, 1)?;
                if !matches!(av, Value::Int(_) | Value::Bool(_)) {
                    return abort(format!("unary ~ on {}", vm.type_name(av)));
                }
                let x = self.as_int(a);
                let m = self.b.kint(-1);
                let r = self.b.bin(Op::BXor, x, m);
                self.pop_n(1);
                self.push(Self::tv(r, tag::INT));
            }
            BcOp::Jump => return Ok(Some((fdepth, arg))),
            BcOp::JumpBackward => {
                if depth > 0 && self.side && self.frames[1..=depth].iter().any(|f| f.consume) {
                    // The loop of a built-in consuming a generator (`all(gen)`...), or
                    // one in that generator: more often long than not. The side trace
                    // ends at its back-edge, where the interpreter goes on into the
                    // loop's own trace.
                    self.stopped_at_consume_loop = true;
                    return stop("loop of a consumed generator in an inlined call");
                }
                if depth > 0 {
                    // A loop inside an inlined call (`for obj in scene.objects` in a
                    // method): unrolled, a few iterations at most per recording.
                    self.unrolled += 1;
                    let mut limit = if self.side { MAX_UNROLL_SIDE } else { MAX_UNROLL };
                    if self.frames[1..=depth].iter().any(|f| f.consume) {
                        // Each item of a generator consumed by an inlined `_consume` loop
                        // takes two back-edges (the generator's and the consumer's).
                        limit *= 2;
                    }
                    if self.unrolled > limit {
                        // (A side or entry trace ends here, the interpreter runs the loop.)
                        return stop("inner loop in an inlined call (too many iterations to unroll)");
                    }
                    return Ok(Some((fdepth, arg)));
                }
                if self.side && depth == 0 && arg <= self.start_pc && pc >= self.jump_pc {
                    // The loop's own back-edge or an enclosing loop's: the recording goes
                    // on to the loop header it links to.
                    return Ok(Some((fdepth, arg)));
                }
                if self.side {
                    // Another loop: the side trace ends at its back-edge.
                    self.link_to = Some((depth == 0).then_some(arg));
                    return Ok(None);
                }
                if depth == 0 && pc == self.jump_pc && arg == self.start_pc {
                    return Ok(None);
                }
                if depth == 0 && (arg < self.start_pc || pc > self.jump_pc) {
                    // An enclosing loop's back-edge, or a loop after this one: the loop
                    // was left (its condition failed) during the recording.
                    return abort(LEFT_LOOP);
                }
                return abort("inner loop");
            }
            BcOp::PopJumpIfFalse | BcOp::PopJumpIfTrue | BcOp::JumpIfFalseOrPop | BcOp::JumpIfTrueOrPop => {
                let (a, av) = self.peek(vm, 1)?;
                let taken_if = matches!(ins.op, BcOp::PopJumpIfTrue | BcOp::JumpIfTrueOrPop);
                // `truth` aborts unless the value is of a built-in type, so asking the
                // VM for the truth value runs no Python code (`__bool__`, `__len__`).
                let t = self.truth(vm, a, av)?;
                let truth = vm.truthy(av).map_err(|_| "truth value raised".to_string())?;
                match t {
                    Ok(t) => {
                        let snap = self.snap();
                        let op = if truth { Op::GuardTrue } else { Op::GuardFalse };
                        self.b.guard_ref(op, t, None, snap);
                    }
                    Err(c) => debug_assert_eq!(c, truth),
                }
                let jump = truth == taken_if;
                let pops = matches!(ins.op, BcOp::PopJumpIfFalse | BcOp::PopJumpIfTrue) || !jump;
                if pops {
                    self.pop_n(1);
                }
                return Ok(Some((fdepth, if jump { arg } else { pc + 1 })));
            }
            BcOp::GetIter if self.fused_range.take().is_some() => {
                // The iterator `range(...)` made (`fused_range`) is already there.
            }
            BcOp::GetIter => {
                let (a, av) = self.peek(vm, 1)?;
                let Value::Obj(o) = av else { return abort(format!("iter() of {}", vm.type_name(av))) };
                let k = self.guard_kind(a, o);
                if (k == kind::ITER && iter_kind_of(o) != 0) || k == kind::GENERATOR {
                    // iter() of a built-in iterator (enumerate, zip...) or a generator is
                    // itself.
                    self.pop_n(1);
                    self.push(a);
                    return Ok(next);
                }
                if !matches!(k, kind::LIST | kind::TUPLE | kind::RANGE | kind::STR | kind::DICT) {
                    return abort(format!("iter() of {}", vm.type_name(av)));
                }
                let snap = self.snap();
                let c = self.ctx();
                let it = self.b.call(Helper::GetIter, &[c, a.r]);
                let t = self.b.ins(Op::TagOf, Arg::Ref(it), Arg::None);
                self.b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::OBJ as i64), snap);
                let r = self.b.ins(Op::UnboxObj, Arg::Ref(it), Arg::None);
                self.pop_n(1);
                self.push(Self::tv(r, tag::OBJ));
            }
            BcOp::ForIter => return self.for_iter(vm, fdepth, pc, arg),
            BcOp::YieldValue => return self.yield_value(vm, fdepth, pc),
            BcOp::UnpackSequence => {
                let (s, sv) = self.peek(vm, 1)?;
                let Value::Obj(o) = sv else { return abort("unpack of a non-sequence") };
                let k = self.guard_kind(s, o);
                let (helper, items) = match (&o.kind, k) {
                    (Kind::Tuple(t), _) => (Helper::TupleGet, t.to_vec()),
                    (Kind::List(l), _) => (Helper::ListGet, l.borrow().clone()),
                    _ => return abort(format!("unpack of {}", vm.type_name(sv))),
                };
                if items.len() != arg {
                    return abort("unpack length mismatch");
                }
                let snap = self.snap();
                let len = if k == kind::TUPLE { Helper::TupleLen } else { Helper::ListLen };
                let n = self.b.call(len, &[s.r]);
                let kn = self.b.kint(arg as i64);
                self.b.guard(Op::GuardEq, Arg::Ref(n), Arg::Ref(kn), snap);
                let mut vals = vec![];
                for (i, item) in items.iter().enumerate() {
                    let ki = self.b.kint(i as i64);
                    let boxed = self.b.call(helper, &[s.r, ki]);
                    vals.push(self.unbox(boxed, *item, snap)?);
                }
                self.pop_n(1);
                for tv in vals.into_iter().rev() {
                    self.push(tv);
                }
            }
            BcOp::Call | BcOp::CallMethod => return self.call(vm, ins.op, arg, fdepth, pc),
            BcOp::CallKw => return self.call_kw(vm, arg, fdepth, pc),
            BcOp::ReturnValue => {
                if depth == 0 && self.side {
                    // The loop's function returns: the side trace ends, the interpreter
                    // returns.
                    self.link_to = Some(None);
                    return Ok(None);
                }
                if depth == 0 {
                    return abort(LEFT_LOOP);
                }
                if let Some(gf) = self.frames[depth].gen.clone() {
                    if gf.next_of == 2 {
                        return self.next_default(vm, &gf, fdepth);
                    }
                    if gf.next_of == 0 && depth >= 2 {
                        // The generator is exhausted, and so is the loop of the inlined
                        // call consuming it (`all(gen)`...): the recording goes on after it.
                        return self.generator_returns(vm, depth, fdepth);
                    }
                    // The generator is exhausted: its caller's loop is over, or its call
                    // `next(g)` raises StopIteration. A side trace ends before the return
                    // (the interpreter finishes the generator).
                    return if self.side {
                        stop("generator returns")
                    } else if gf.next_of == 0 {
                        abort(LEFT_LOOP)
                    } else {
                        abort("next() of an exhausted generator raises")
                    };
                }
                let (v, real) = self.peek(vm, 1)?;
                let init_self = self.frames[depth].init_self;
                if init_self.is_some() && !real.is_none() {
                    return abort("__init__ returned a value");
                }
                let mut v = init_self.unwrap_or(v);
                if self.frames[depth].len_of {
                    // `len()` takes a non-negative int (or a bool); anything else the
                    // interpreter raises for (the guard leaves before the return).
                    let snap = self.snap();
                    match real {
                        Value::Int(n) if n >= 0 && v.tag == tag::INT => {
                            let zero = self.b.kint(0);
                            let ok = self.b.bin(Op::Ge, v.r, zero);
                            self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                        }
                        Value::Bool(_) if v.tag == tag::BOOL => {
                            v = Self::tv(self.b.ins(Op::BToI, Arg::Ref(v.r), Arg::None), tag::INT);
                        }
                        _ => return abort("__len__ returned a bad value"),
                    }
                }
                if self.frames[depth].binop.is_some() {
                    // The operator's result: NotImplemented would go on with the protocol.
                    if real.is(&vm.not_implemented) {
                        return abort("operator method returned NotImplemented");
                    }
                    if v.tag == tag::OBJ && v.obj.is_none() {
                        let snap = self.snap();
                        let ni = self.konst(vm.not_implemented)?;
                        let same = self.b.bin(Op::ObjEq, v.r, ni.r);
                        self.b.guard_ref(Op::GuardFalse, same, None, snap);
                    }
                }
                let f = self.pop_frame();
                self.push(v);
                return Ok(Some((fdepth - 1, f.ret_pc)));
            }
            op if self.side && self.n_bytecodes > 1 => {
                // Nothing recorded for it yet: the side trace ends before it and the
                // interpreter runs it (and goes on to the loop's back-edge).
                let _ = op;
                self.link_to = Some(None);
                return Ok(None);
            }
            op => return abort(format!("{} not supported", op.name())),
        }
        Ok(next)
    }

    fn load_global(&mut self, vm: &mut Vm, globals: ObjRef, name: ObjRef) -> R<Tv> {
        let cache = Cell::new(InlineCache::default());
        vm.fill_global_cache(&cache, globals, name);
        let c = cache.get();
        if c.key != globals.addr() {
            return abort("global not found");
        }
        let snap = self.snap();
        let g = self.dict_konst(globals)?;
        let ver = self.b.call(Helper::DictVersion, &[g.r]);
        let kv = self.b.kint(c.epoch as i64);
        self.b.guard(Op::GuardEq, Arg::Ref(ver), Arg::Ref(kv), snap);
        let (dict, pos) = if c.slot != u32::MAX {
            (globals, c.slot as usize)
        } else {
            let bd = vm.builtins_dict;
            let b = self.dict_konst(bd)?;
            let ver = self.b.call(Helper::DictVersion, &[b.r]);
            let kv = self.b.kint(c.epoch2 as i64);
            self.b.guard(Op::GuardEq, Arg::Ref(ver), Arg::Ref(kv), snap);
            (bd, c.new_shape as usize)
        };
        let seen = dict.as_dict().expect("globals dict").borrow().value_at(pos);
        let d = self.konst(Value::Obj(dict))?;
        let kp = self.b.kint(pos as i64);
        let boxed = self.b.call(Helper::DictValueAt, &[d.r, kp]);
        let tv = self.unbox(boxed, seen, snap)?;
        Ok(match seen {
            // Functions, classes and modules: guard identity, so calls and attribute
            // loads on them see a constant.
            Value::Obj(o)
                if matches!(&o.kind, Kind::Function(_) | Kind::Class(_) | Kind::Module(_) | Kind::Native(_)) =>
            {
                self.guard_identity(tv, o)
            }
            _ => tv,
        })
    }

    /// `name = v` at module level (or `global name`): the name must exist already, at a
    /// position the dict's version guards.
    fn store_global(&mut self, vm: &mut Vm, globals: ObjRef, name: ObjRef, v: Tv) -> R<()> {
        let cache = Cell::new(InlineCache::default());
        vm.fill_global_cache(&cache, globals, name);
        let c = cache.get();
        if c.key != globals.addr() || c.slot == u32::MAX {
            return abort("store of a new global");
        }
        let snap = self.snap();
        let g = self.dict_konst(globals)?;
        let ver = self.b.call(Helper::DictVersion, &[g.r]);
        let kv = self.b.kint(c.epoch as i64);
        self.b.guard(Op::GuardEq, Arg::Ref(ver), Arg::Ref(kv), snap);
        let kp = self.b.kint(c.slot as i64);
        let vb = self.boxed(v);
        self.b.call(Helper::DictSetAt, &[g.r, kp, vb]);
        Ok(())
    }

    /// The dict `d` (globals or builtins) as a constant, its kind cached and layout learnt
    /// so that compiled code reads its version inline.
    fn dict_konst(&mut self, d: ObjRef) -> R<Tv> {
        kind_of(d);
        crate::helpers::learn_layout(d);
        self.konst(Value::Obj(d))
    }

    fn epoch_guard(&mut self, vm: &Vm, snap: SnapNo) {
        let c = self.ctx();
        let e = self.b.call(Helper::ClassEpoch, &[c]);
        let k = self.b.kint(vm.class_epoch.get() as i64);
        self.b.guard(Op::GuardEq, Arg::Ref(e), Arg::Ref(k), snap);
    }

    /// Guard that `tv` (the object `o`, an instance) has its class and shape.
    fn inst_guard(&mut self, tv: Tv, o: ObjRef, snap: SnapNo) -> R<()> {
        crate::helpers::learn_layout(o);
        let Kind::Instance(inst) = &o.kind else { return abort("not an instance") };
        let cls = self.konst(Value::Obj(inst.class.get()))?;
        let shape = self.b.kint(inst.shape.get() as i64);
        let ok = self.b.call(Helper::InstCheck, &[tv.r, cls.r, shape]);
        self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        Ok(())
    }

    fn load_attr(&mut self, vm: &mut Vm, tv: Tv, v: Value, name: ObjRef) -> R<Tv> {
        let Value::Obj(o) = v else { return abort(format!("attribute of {}", vm.type_name(v))) };
        match &o.kind {
            Kind::Instance(inst) if kind_of(o) == kind::INSTANCE => {
                let cache = Cell::new(InlineCache::default());
                vm.fill_attr_cache(&cache, v, name);
                let c = cache.get();
                if c.key != inst.class.get().addr() {
                    return abort(format!("attribute {} (descriptor or dynamic)", name.as_str().unwrap_or("?")));
                }
                let snap = self.snap();
                self.inst_guard(tv, o, snap)?;
                self.epoch_guard(vm, snap);
                if c.slot != u32::MAX {
                    let seen = inst.slots.borrow()[c.slot as usize];
                    let k = self.b.kint(c.slot as i64);
                    let boxed = self.b.call(Helper::InstGet, &[tv.r, k]);
                    self.unbox(boxed, seen, snap)
                } else {
                    self.konst(c.value)
                }
            }
            Kind::Module(m) => {
                self.guard_identity(tv, o);
                self.load_global(vm, m.dict, name)
            }
            _ => abort(format!("attribute of {}", vm.type_name(v))),
        }
    }

    fn store_attr(&mut self, vm: &mut Vm, tv: Tv, v: Value, name: ObjRef, val: Tv) -> R<()> {
        let Value::Obj(o) = v else { return abort("attribute store on a non-object") };
        let Kind::Instance(inst) = &o.kind else { return abort("attribute store on a non-instance") };
        if kind_of(o) != kind::INSTANCE
            || inst.shape.get() == krait_runtime::shape::DICT_MODE
            || vm.class_has_setter(inst.class.get(), name)
        {
            return abort("attribute store with a descriptor or __setattr__");
        }
        let snap = self.snap();
        self.inst_guard(tv, o, snap)?;
        self.epoch_guard(vm, snap);
        let bv = self.boxed(val);
        let ok = match vm.shapes.lookup(inst.shape.get(), name) {
            Some(slot) => {
                let k = self.b.kint(slot as i64);
                self.b.call(Helper::InstSet, &[tv.r, k, bv])
            }
            None => {
                let new_shape = vm.shapes.add(inst.shape.get(), name);
                let k = self.b.kint(new_shape as i64);
                self.b.call(Helper::InstAdd, &[tv.r, k, bv])
            }
        };
        self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        Ok(())
    }

    /// LOAD_METHOD: (callable, self or None for a plain call).
    fn load_method(&mut self, vm: &mut Vm, tv: Tv, v: Value, name: ObjRef) -> R<(Tv, Option<Tv>)> {
        let Value::Obj(o) = v else { return abort(format!("method of {}", vm.type_name(v))) };
        match &o.kind {
            Kind::Instance(inst) if kind_of(o) == kind::INSTANCE => {
                if inst.shape.get() == krait_runtime::shape::DICT_MODE
                    || vm.shapes.lookup(inst.shape.get(), name).is_some()
                {
                    return abort("method shadowed by an instance attribute");
                }
                let cls = inst.class.get();
                let f = vm.class_lookup(cls, name);
                let Some(Value::Obj(fo)) = f else { return abort("method not found on the class") };
                if !matches!(fo.kind, Kind::Function(_)) {
                    return abort("method is not a plain function");
                }
                if vm.class_lookup(cls, vm.names.getattribute).is_some_and(
                    |g| !matches!(g.as_obj().map(|x| x.kind()), Some(Kind::Native(n)) if n.owner == Some("object")),
                ) {
                    return abort("class has __getattribute__");
                }
                let snap = self.snap();
                self.inst_guard(tv, o, snap)?;
                self.epoch_guard(vm, snap);
                let f = self.konst(Value::Obj(fo))?;
                Ok((f, Some(tv)))
            }
            Kind::List(_) | Kind::Dict(_) | Kind::Str(_) => {
                // Methods of built-in types cannot be rebound: the kind guard fixes them.
                self.guard_kind(tv, o);
                let (f, s) = vm.load_method(v, name).map_err(|_| "method lookup failed".to_string())?;
                if !s.is_undef() && matches!(f.as_obj().map(|x| x.kind()), Some(Kind::Native(_))) {
                    let f = self.konst(f)?;
                    Ok((f, Some(tv)))
                } else {
                    abort(format!("attribute of {}", vm.type_name(v)))
                }
            }
            Kind::Module(m) => {
                self.guard_identity(tv, o);
                let f = self.load_global(vm, m.dict, name)?;
                Ok((f, None))
            }
            Kind::Class(cl) if cl.meta.get().is_none() && !cl.builtin => {
                // `Base.method` (as in `Base.__init__(self, ...)`): a plain function found
                // on a class without a metaclass; the class epoch guards the lookup.
                let f = vm.class_lookup(o, name);
                let Some(Value::Obj(fo)) = f else { return abort("class attribute not found") };
                if !matches!(fo.kind, Kind::Function(_)) {
                    return abort("class attribute is not a plain function");
                }
                let (_, s) = vm.load_method(v, name).map_err(|_| "class attribute lookup failed".to_string())?;
                if !s.is_undef() {
                    return abort("class attribute binds");
                }
                let snap = self.snap();
                self.guard_identity(tv, o);
                self.epoch_guard(vm, snap);
                let f = self.konst(Value::Obj(fo))?;
                Ok((f, None))
            }
            _ => abort(format!("method of {}", vm.type_name(v))),
        }
    }

    /// Whether `k` is a slice this trace built (from ints and None: slicing with it runs
    /// no Python code).
    fn traced_slice(&self, k: Tv) -> bool {
        let t = self.b.trace();
        let ins = t.get(k.r);
        ins.op == Op::UnboxObj
            && ins.a.as_ref().is_some_and(|b| {
                let call = t.get(b);
                call.op == Op::CallHelper && call.b == Arg::Helper(Helper::MakeSlice)
            })
    }

    /// Build the slice object of `vs` after all (a subscript that needs it).
    fn materialize_slice(&mut self, vs: VSlice) {
        let c = self.ctx();
        let [a, b, s] = vs.parts;
        let boxed = self.b.call(Helper::MakeSlice, &[c, a, b, s]);
        let r = self.b.ins(Op::UnboxObj, Arg::Ref(boxed), Arg::None);
        self.set_slot(vs.slot, Self::tv(r, tag::OBJ));
    }

    /// `c[a:b:s]` on a list, tuple or str without the slice object; its guards leave
    /// before BUILD_SLICE. None (nothing recorded) for other containers.
    fn fused_getslice(&mut self, vm: &mut Vm, c: Tv, cv: Value, kv: Value, vs: VSlice) -> R<Option<Tv>> {
        let Value::Obj(o) = cv else { return Ok(None) };
        if !matches!(kind_of(o), kind::LIST | kind::TUPLE | kind::STR) {
            return Ok(None);
        }
        if kind_of(o) == kind::LIST && self.whole_slice(vs.tvs) {
            // `l[:]`: a copy, no slice machinery (it cannot raise).
            self.pre_snap = Some(vs.snap);
            self.guard_kind(c, o);
            let ctx = self.ctx();
            let r = self.b.call(Helper::ListCopy, &[ctx, c.r]);
            return Ok(Some(Self::tv(r, tag::OBJ)));
        }
        let seen = vm.getitem(cv, kv).map_err(|_| "slice raises".to_string())?;
        self.pre_snap = Some(vs.snap);
        self.guard_kind(c, o);
        let ctx = self.ctx();
        let [a, b, s] = vs.parts;
        let boxed = self.b.call(Helper::GetSlice3, &[ctx, c.r, a, b, s]);
        self.unbox(boxed, seen, vs.snap).map(Some)
    }

    /// The value of `tv` when it is an int constant of the trace.
    fn const_int(&self, tv: Tv) -> Option<i64> {
        let ins = self.b.trace().get(tv.r);
        match (tv.tag, ins.op, ins.a) {
            (tag::INT, Op::KInt, Arg::Imm(i)) => Some(i),
            _ => None,
        }
    }

    /// Whether slice parts `tvs` are `[:]`, `[0:]`, `[::1]` or `[0::1]` whatever their
    /// values (the whole sequence, in order).
    fn whole_slice(&self, [a, b, s]: [Tv; 3]) -> bool {
        (a.tag == tag::NONE || self.const_int(a) == Some(0)) && b.tag == tag::NONE && self.step_one(s)
    }

    /// Whether slice step `s` is None or the constant 1.
    fn step_one(&self, s: Tv) -> bool {
        s.tag == tag::NONE || self.const_int(s) == Some(1)
    }

    /// Slice bound `tv` as an i64 for `ListReverseSlice`: a None bound as `none`, the
    /// extreme that clamps as None does (`helpers::reversal_range`).
    fn bound_i64(&mut self, tv: Tv, none: i64) -> IrRef {
        match tv.tag {
            tag::NONE => self.b.kint(none),
            _ => self.as_int(tv),
        }
    }

    /// `c[a:b:s]` on a list or tuple whose result the instructions after `pc` only assign
    /// to a list slice (`copy_follows`): guarded, left pending (`PendingSlice`). False
    /// (nothing recorded) otherwise.
    #[allow(clippy::too_many_arguments)]
    fn pend_getslice(&mut self, vm: &mut Vm, code: &Code, pc: usize, c: Tv, cv: Value, kv: Value, vs: VSlice) -> bool {
        let Value::Obj(o) = cv else { return false };
        if !matches!(kind_of(o), kind::LIST | kind::TUPLE) || !copy_follows(code, pc) {
            return false;
        }
        let Some(Kind::Slice(a, b, st)) = kv.as_obj().map(|k| k.kind()) else { return false };
        let seen = [*a, *b, *st];
        // The interpreter will take the slice itself; one that raises is not recorded.
        if vm.getitem(cv, kv).is_err() {
            return false;
        }
        self.pre_snap = Some(vs.snap);
        self.guard_kind(c, o);
        self.pop_n(2);
        let slot = self.sp;
        // The placeholder: the value nothing reads (`pending_allows`).
        let none = self.b.kval(tag::NONE, 0);
        self.push(Self::tv(none, tag::OBJ));
        self.pending = Some(PendingSlice { src: c, parts: vs.parts, tvs: vs.tvs, seen, snap: vs.snap, slot });
        true
    }

    /// Whether the instruction at `pc` may be recorded with a slice pending: a load (of a
    /// local, constant or global: guards and reads only), int add/sub or a BUILD_SLICE
    /// above the pending slot, or the STORE_SUBSCR of a
    /// slice that may consume it. Anything else takes the slice first.
    fn pending_allows(&self, vm: &Vm, code: &Code, pc: usize) -> bool {
        let Some(p) = self.pending else { return true };
        let ins = code.co.instrs[pc];
        let above = |n: usize| self.sp >= n && self.sp - n > p.slot;
        match ins.op {
            BcOp::LoadFast | BcOp::LoadConst | BcOp::LoadGlobal => true,
            BcOp::BinaryOp => {
                matches!(BinOp::from_arg(ins.arg), BinOp::Add | BinOp::Sub | BinOp::InplaceAdd | BinOp::InplaceSub)
                    && above(2)
                    && matches!(self.real(vm, self.sp - 1), Value::Int(_))
                    && matches!(self.real(vm, self.sp - 2), Value::Int(_))
            }
            BcOp::BuildSlice => above(ins.arg as usize),
            BcOp::StoreSubscr => self.vslice.is_some() && self.sp >= 3 && self.sp - 3 == p.slot,
            _ => false,
        }
    }

    /// Take the pending slice after all (`GetSlice3`, leaving before the source's
    /// BUILD_SLICE if it raises), into its stack slot.
    fn take_pending(&mut self, vm: &mut Vm) -> R<()> {
        let Some(p) = self.pending.take() else { return Ok(()) };
        let ctx = self.ctx();
        let [a, b, s] = p.parts;
        let boxed = self.b.call(Helper::GetSlice3, &[ctx, p.src.r, a, b, s]);
        let seen = self.real(vm, p.slot);
        let tv = self.unbox(boxed, seen, p.snap)?;
        self.set_slot(p.slot, tv);
        Ok(())
    }

    /// `dst[c:d:t] = v` where `v` is the pending slice `p` and `vs` the target slice:
    /// `SliceCopy` without the intermediate list, its guard leaving before the source's
    /// BUILD_SLICE (nothing was done; the interpreter runs both steps and raises if
    /// either does). False (nothing recorded) when `dst` is not a list or the copy would
    /// not succeed now.
    fn fused_copy(&mut self, vm: &mut Vm, p: PendingSlice, vs: VSlice) -> R<bool> {
        let (dst, dv) = self.peek(vm, 2)?;
        let Value::Obj(o) = dv else { return Ok(false) };
        let Kind::List(l) = o.kind() else { return Ok(false) };
        let Value::Obj(so) = self.real(vm, vs.slot) else { return Ok(false) };
        let Kind::Slice(a, b, st) = so.kind() else { return Ok(false) };
        // The copy must succeed now (the interpreter is about to make the same store).
        let width = match self.real(vm, p.slot).as_obj().map(|x| x.kind()) {
            Some(Kind::List(v)) => v.borrow().len(),
            Some(Kind::Tuple(t)) => t.len(),
            _ => return Ok(false),
        };
        match krait_runtime::ops::plain_slice_indices(*a, *b, *st, l.borrow().len()) {
            Some((_, _, 1, _)) => {}
            Some((_, _, _, n)) if n == width => {}
            _ => return Ok(false),
        }
        self.guard_kind(dst, o);
        if dst.r == p.src.r && self.reversal_now(l.borrow().len(), [*a, *b, *st], p, vs) {
            // `l[i:j] = l[j-1:i-1:-1]` (`l[:k+1] = l[k::-1]`): swapped in place.
            let [a, b, _] = vs.tvs;
            let [c, d, _] = p.tvs;
            let a = self.bound_i64(a, i64::MIN);
            let b = self.bound_i64(b, i64::MAX);
            let c = self.bound_i64(c, i64::MAX);
            let d = self.bound_i64(d, i64::MIN);
            let ok = self.b.call(Helper::ListReverseSlice, &[dst.r, a, b, c, d]);
            self.b.guard_ref(Op::GuardTrue, ok, None, p.snap);
            self.pending = None;
            return Ok(true);
        }
        let [a, b, s] = vs.parts;
        let [e, f, g] = p.parts;
        let ok = self.b.call(Helper::SliceCopy, &[dst.r, a, b, s, p.src.r, e, f, g]);
        self.b.guard_ref(Op::GuardTrue, ok, None, p.snap);
        self.pending = None;
        Ok(true)
    }

    /// Whether `l[a:b:s] = l[c:d:t]` (target parts `vs`, values `target`; source `p`, one
    /// list `len` long) reverses a range in place now, with steps that always do: `s` 1
    /// or None and `t` -1, constants of the trace (`ListReverseSlice` checks the bounds).
    fn reversal_now(&self, len: usize, target: [Value; 3], p: PendingSlice, vs: VSlice) -> bool {
        if !self.step_one(vs.tvs[2]) || self.const_int(p.tvs[2]) != Some(-1) {
            return false;
        }
        let bound = |v: Value, none: i64| match v {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            _ => none,
        };
        let (a, b) = (bound(target[0], i64::MIN), bound(target[1], i64::MAX));
        let (c, d) = (bound(p.seen[0], i64::MAX), bound(p.seen[1], i64::MIN));
        crate::helpers::reversal_range(len, a, b, c, d).is_some()
    }

    /// `c[a:b:s] = v` on a list with a list or tuple `v` (no Python code runs) without
    /// the slice object; its guards leave before BUILD_SLICE. False (nothing recorded)
    /// otherwise.
    fn fused_setslice(&mut self, c: Tv, cv: Value, v: Tv, vv: Value, vs: VSlice) -> bool {
        let (Value::Obj(o), Value::Obj(vo)) = (cv, vv) else { return false };
        if kind_of(o) != kind::LIST || !matches!(kind_of(vo), kind::LIST | kind::TUPLE) {
            return false;
        }
        self.pre_snap = Some(vs.snap);
        self.guard_kind(c, o);
        self.guard_kind(v, vo);
        let vb = self.boxed(v);
        let ctx = self.ctx();
        let [a, b, s] = vs.parts;
        let ok = self.b.call(Helper::SetSlice3, &[ctx, c.r, a, b, s, vb]);
        self.b.guard_ref(Op::GuardTrue, ok, None, vs.snap);
        true
    }

    fn subscr(&mut self, vm: &mut Vm, c: Tv, cv: Value, k: Tv, kv: Value) -> R<Tv> {
        let Value::Obj(o) = cv else { return abort(format!("subscript of {}", vm.type_name(cv))) };
        let kd = self.guard_kind(c, o);
        if !matches!(kd, kind::LIST | kind::TUPLE | kind::STR | kind::DICT) {
            return abort(format!("subscript of {}", vm.type_name(cv)));
        }
        if self.traced_slice(k) && kd != kind::DICT {
            let seen = vm.getitem(cv, kv).map_err(|_| "slice raises".to_string())?;
            let snap = self.snap();
            let ctx = self.ctx();
            let boxed = self.b.call(Helper::GetSlice, &[ctx, c.r, k.r]);
            return self.unbox(boxed, seen, snap);
        }
        self.scalar_key(k, kv)?;
        let seen = match vm.getitem(cv, kv) {
            Ok(v) => v,
            Err(_) => return abort("subscript raises"),
        };
        let snap = self.snap();
        let boxed = match (kd, kv) {
            (kind::LIST, Value::Int(_) | Value::Bool(_)) => {
                let i = self.as_int(k);
                self.b.call(Helper::ListGet, &[c.r, i])
            }
            (kind::TUPLE, Value::Int(_) | Value::Bool(_)) => {
                let i = self.as_int(k);
                self.b.call(Helper::TupleGet, &[c.r, i])
            }
            _ => {
                let ctx = self.ctx();
                let kb = self.boxed(k);
                self.b.call(Helper::GetItem, &[ctx, c.r, kb])
            }
        };
        self.unbox(boxed, seen, snap)
    }

    /// Require (and guard) a key of a built-in scalar type: hashing and comparing it runs
    /// no Python code.
    fn scalar_key(&mut self, k: Tv, kv: Value) -> R<()> {
        match kv {
            Value::Obj(ko) if matches!(kind_of(ko), kind::STR | kind::BIGINT) => {
                self.guard_kind(k, ko);
                Ok(())
            }
            Value::Obj(_) | Value::Undef => abort("subscript with a key that is not a scalar"),
            _ => Ok(()),
        }
    }

    fn store_subscr(&mut self, c: Tv, cv: Value, k: Tv, kv: Value, v: Tv, vv: Value) -> R<()> {
        let Value::Obj(o) = cv else { return abort("subscript store on a non-object") };
        let kd = self.guard_kind(c, o);
        if kd == kind::LIST && self.traced_slice(k) {
            // A list or tuple assigned to a slice: no Python code runs (another iterable
            // would be iterated).
            let Value::Obj(vo) = vv else { return abort("slice assignment of a non-sequence") };
            if !matches!(self.guard_kind(v, vo), kind::LIST | kind::TUPLE) {
                return abort("slice assignment of a non-sequence");
            }
        }
        let snap = self.snap();
        let vb = self.boxed(v);
        let ok = match (kd, kv) {
            (kind::LIST, Value::Obj(_)) if self.traced_slice(k) => {
                let ctx = self.ctx();
                let kb = self.boxed(k);
                self.b.call(Helper::SetItem, &[ctx, c.r, kb, vb])
            }
            (kind::LIST, Value::Int(_) | Value::Bool(_)) => {
                let i = self.as_int(k);
                self.b.call(Helper::ListSet, &[c.r, i, vb])
            }
            (kind::DICT, _) => {
                self.scalar_key(k, kv)?;
                let ctx = self.ctx();
                let kb = self.boxed(k);
                self.b.call(Helper::SetItem, &[ctx, c.r, kb, vb])
            }
            _ => return abort("subscript store"),
        };
        self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        Ok(())
    }

    /// Int arithmetic past i64 kept in the trace as i128 ("wide" ints): `+`, `-`, `*` whose
    /// result the interpreter makes a big int now, or with a wide or big int operand (that
    /// fits i128, as the result must); `%`
    /// and `//` of a wide or big int by a nonzero i64 (an i64 result) or by a wide or big
    /// int (a wide result); `>>` of a wide or big int. None when the operation is none of
    /// those, nothing emitted.
    fn wide_binary(&mut self, base: BinOp, a: Tv, av: Value, b: Tv, bv: Value) -> R<Option<Tv>> {
        let (Some(x), Some(y)) = (W::of(&a, av), W::of(&b, bv)) else { return Ok(None) };
        let val = |w: W| match w {
            W::Small(i) => i as i128,
            W::Wide(i) | W::Big(i) => i,
        };
        let (xv, yv) = (val(x), val(y));
        let both_small = matches!((x, y), (W::Small(_), W::Small(_)));
        let fits64 = |v: Option<i128>| v.is_some_and(|v| i64::try_from(v).is_ok());
        let snap = self.snap();
        match base {
            BinOp::Add | BinOp::Sub => {
                let r = if base == BinOp::Add { xv.checked_add(yv) } else { xv.checked_sub(yv) };
                if r.is_none() || (both_small && fits64(r)) {
                    return Ok(None);
                }
                let op = if base == BinOp::Add { Op::WAddOv } else { Op::WSubOv };
                Ok(Some(self.wide_guarded(op, (a, x), (b, y), snap)))
            }
            BinOp::Mul => {
                let r = xv.checked_mul(yv);
                let small_operands =
                    !matches!(x, W::Big(_)) && !matches!(y, W::Big(_)) && fits64(Some(xv)) && fits64(Some(yv));
                if !small_operands {
                    // A wide operand past i64 (or a big int): `wmul_ov` (a helper call),
                    // unless the product leaves i128 now (its sentinel, -2**127, too).
                    if r.is_none_or(|p| p == i128::MIN) {
                        return Ok(None);
                    }
                    return Ok(Some(self.wide_guarded(Op::WMulOv, (a, x), (b, y), snap)));
                }
                // Operands in i64 (a wide one guarded to stay there): the product is exact
                // in i128, inline.
                if both_small && fits64(r) {
                    return Ok(None);
                }
                let (xs, ys) = (self.narrow_operand(a, snap), self.narrow_operand(b, snap));
                if fits64(r) {
                    return Ok(Some(Self::tv(self.b.guard_ref(Op::MulOv, xs, Some(ys), snap), tag::INT)));
                }
                Ok(Some(Self::tv(self.b.bin(Op::WMul, xs, ys), WIDE)))
            }
            BinOp::Mod | BinOp::FloorDiv if !matches!(y, W::Small(_)) => {
                // By a wide or big divisor (`x % 2**64`): a wide result.
                let Some((q, r)) = crate::helpers::wide_divmod128(xv, yv) else { return Ok(None) };
                if (if base == BinOp::Mod { r } else { q }) == i128::MIN {
                    return Ok(None);
                }
                let op = if base == BinOp::Mod { Op::WModOv } else { Op::WFloorDivOv };
                Ok(Some(self.wide_guarded(op, (a, x), (b, y), snap)))
            }
            BinOp::RShift if !matches!(x, W::Small(_)) && matches!(y, W::Small(n) if n >= 0) => {
                // A wide or big int shifted right by a non-negative int.
                let xw = self.wide_operand(a, matches!(x, W::Big(_)), snap);
                let n = self.as_int(b);
                let zero = self.b.kint(0);
                let ok = self.b.bin(Op::Ge, n, zero);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                Ok(Some(Self::tv(self.b.bin(Op::WShr, xw, n), WIDE)))
            }
            BinOp::Mod | BinOp::FloorDiv => {
                let W::Small(d) = y else { return Ok(None) };
                if matches!(x, W::Small(_)) {
                    return Ok(None);
                }
                let Some((q, _)) = crate::helpers::wide_divmod(xv, d) else { return Ok(None) };
                if base == BinOp::FloorDiv && !fits64(Some(q)) {
                    return Ok(None);
                }
                let xw = self.wide_operand(a, matches!(x, W::Big(_)), snap);
                let yi = self.as_int(b);
                let h = if base == BinOp::Mod { Helper::WideMod } else { Helper::WideFloorDiv };
                let boxed = self.b.call(h, &[xw, yi]);
                // UNDEF (zero division, a quotient past i64) leaves before the instruction.
                Ok(Some(self.unbox(boxed, Value::Int(0), snap)?))
            }
            _ => Ok(None),
        }
    }

    /// Guarded wide op `op` (it leaves at `snap`) of int operands `a` and `b` as i128s.
    fn wide_guarded(&mut self, op: Op, (a, x): (Tv, W), (b, y): (Tv, W), snap: SnapNo) -> Tv {
        let xw = self.wide_operand(a, matches!(x, W::Big(_)), snap);
        let yw = self.wide_operand(b, matches!(y, W::Big(_)), snap);
        Self::tv(self.b.guard_ref(op, xw, Some(yw), snap), WIDE)
    }

    /// An int operand as an i128 ref: widened, unboxed from its big int object (`big`),
    /// or already wide.
    fn wide_operand(&mut self, tv: Tv, big: bool, snap: SnapNo) -> IrRef {
        match tv.tag {
            WIDE => tv.r,
            _ if big => self.b.guard_ref(Op::WUnbox, tv.r, None, snap),
            _ => {
                let i = self.as_int(tv);
                self.b.ins(Op::Widen, Arg::Ref(i), Arg::None)
            }
        }
    }

    /// An int operand whose value fits i64 as an i64 ref (a wide one guarded to fit).
    fn narrow_operand(&mut self, tv: Tv, snap: SnapNo) -> IrRef {
        if tv.tag != WIDE {
            return self.as_int(tv);
        }
        let fits = self.b.ins(Op::WFits, Arg::Ref(tv.r), Arg::None);
        self.b.guard_ref(Op::GuardTrue, fits, None, snap);
        self.b.ins(Op::WNarrow, Arg::Ref(tv.r), Arg::None)
    }

    /// A loop recording ends (its back-edge): a slot ending the iteration with a wide int
    /// stays wide round the loop only where peeling can carry it (`opt::widened_slot`:
    /// never loaded, or loaded as a big int used only as a wide one); others are
    /// materialized, as the interpreter holds them.
    fn settle_wide_ends(&mut self, vm: &Vm) -> R<()> {
        // The end state as `finish` gives it.
        let end: Vec<(Slot, IrRef)> = (0..self.sp.min(self.slots.len()))
            .filter_map(|i| self.slots[i].filter(|tv| tv.from != Some(i as u32)).map(|tv| (Slot(i as u32), tv.r)))
            .collect();
        for i in 0..self.sp.min(self.slots.len()) {
            let Some(tv) = self.slots[i] else { continue };
            if tv.tag != WIDE || tv.from == Some(i as u32) {
                continue;
            }
            let loaded = self.b.trace().ins.iter().any(|l| {
                matches!(l.op, Op::SLoadInt | Op::SLoadFloat | Op::SLoadBool | Op::SLoadObj | Op::SLoadVal)
                    && l.a == Arg::Slot(Slot(i as u32))
            });
            if !loaded || crate::opt::widened_slot(self.b.trace(), &end, i as u32) {
                continue;
            }
            let m = self.materialize(tv, self.real(vm, i))?;
            self.set_slot(i, Tv { from: None, ..m });
        }
        Ok(())
    }

    fn binary(&mut self, vm: &mut Vm, op: BinOp, a: Tv, av: Value, b: Tv, bv: Value) -> R<Tv> {
        let base = op.base();
        if let Some(r) = self.wide_binary(base, a, av, b, bv)? {
            return Ok(r);
        }
        // Anything else on a wide int: the Python int it is.
        let a = if a.tag == WIDE { self.materialize(a, av)? } else { a };
        let b = if b.tag == WIDE { self.materialize(b, bv)? } else { b };
        let is_int = |v: Value| matches!(v, Value::Int(_) | Value::Bool(_));
        let snap = self.snap();
        if is_int(av) && is_int(bv) {
            // The operation as it runs now: one that overflows (a big int result) or fails
            // takes the generic path, so no guard is recorded that fails on this iteration.
            let (xv, yv) = (as_i64(av), as_i64(bv));
            let fits = match base {
                BinOp::Add => xv.checked_add(yv).is_some(),
                BinOp::Sub => xv.checked_sub(yv).is_some(),
                BinOp::Mul => xv.checked_mul(yv).is_some(),
                BinOp::FloorDiv | BinOp::Mod => yv != 0 && !(xv == i64::MIN && yv == -1),
                _ => true,
            };
            if !fits {
                return self.generic_binary(vm, op, a, av, b, bv);
            }
            let (x, y) = (self.as_int(a), self.as_int(b));
            if matches!((av, bv), (Value::Bool(_), Value::Bool(_)))
                && matches!(base, BinOp::And | BinOp::Or | BinOp::Xor)
            {
                // `&`, `|`, `^` of two bools is a bool.
                let o = match base {
                    BinOp::And => Op::BAnd,
                    BinOp::Or => Op::BOr,
                    _ => Op::BXor,
                };
                let r = self.b.bin(o, x, y);
                let z = self.b.kint(0);
                return Ok(Self::tv(self.b.bin(Op::Ne, r, z), tag::BOOL));
            }
            let r = match base {
                BinOp::Add => self.b.guard_ref(Op::AddOv, x, Some(y), snap),
                BinOp::Sub => self.b.guard_ref(Op::SubOv, x, Some(y), snap),
                BinOp::Mul => self.b.guard_ref(Op::MulOv, x, Some(y), snap),
                BinOp::And => self.b.bin(Op::BAnd, x, y),
                BinOp::Or => self.b.bin(Op::BOr, x, y),
                BinOp::Xor => self.b.bin(Op::BXor, x, y),
                BinOp::TrueDiv if yv != 0 && xv.unsigned_abs() <= 1 << 53 && yv.unsigned_abs() <= 1 << 53 => {
                    // Both exact as floats: one rounding, as CPython's fast path.
                    let (lo, hi, z) = (self.b.kint(-(1 << 53)), self.b.kint(1 << 53), self.b.kint(0));
                    for v in [x, y] {
                        let ge = self.b.bin(Op::Ge, v, lo);
                        self.b.guard_ref(Op::GuardTrue, ge, None, snap);
                        let le = self.b.bin(Op::Le, v, hi);
                        self.b.guard_ref(Op::GuardTrue, le, None, snap);
                    }
                    let nz = self.b.bin(Op::Ne, y, z);
                    self.b.guard_ref(Op::GuardTrue, nz, None, snap);
                    let (xf, yf) =
                        (self.b.ins(Op::IToF, Arg::Ref(x), Arg::None), self.b.ins(Op::IToF, Arg::Ref(y), Arg::None));
                    return Ok(Self::tv(self.b.bin(Op::FDiv, xf, yf), tag::FLOAT));
                }
                BinOp::RShift if (0..64).contains(&yv) => {
                    // A negative count raises and one past 63 gives 0 or -1: the generic
                    // path's, behind the guards.
                    let (lo, hi) = (self.b.kint(0), self.b.kint(64));
                    let ge = self.b.bin(Op::Ge, y, lo);
                    self.b.guard_ref(Op::GuardTrue, ge, None, snap);
                    let lt = self.b.bin(Op::Lt, y, hi);
                    self.b.guard_ref(Op::GuardTrue, lt, None, snap);
                    self.b.bin(Op::Sar, x, y)
                }
                BinOp::FloorDiv | BinOp::Mod => {
                    let h = if base == BinOp::FloorDiv { Helper::IntFloorDiv } else { Helper::IntMod };
                    let boxed = self.b.call(h, &[x, y]);
                    return self.unbox(boxed, Value::Int(0), snap);
                }
                _ => return self.generic_binary(vm, op, a, av, b, bv),
            };
            return Ok(Self::tv(r, tag::INT));
        }
        let is_num = |v: Value| is_int(v) || matches!(v, Value::Float(_));
        if is_num(av) && is_num(bv) {
            let divides = matches!(base, BinOp::TrueDiv | BinOp::FloorDiv | BinOp::Mod);
            if divides && matches!(bv, Value::Float(0.0) | Value::Int(0) | Value::Bool(false)) {
                return self.generic_binary(vm, op, a, av, b, bv);
            }
            let as_f = |v: Value| match v {
                Value::Float(f) => f,
                other => as_i64(other) as f64,
            };
            let (xf, yf) = (as_f(av), as_f(bv));
            if base == BinOp::Pow && (xf <= 0.0 || !xf.powf(yf).is_finite()) {
                // Zero or negative bases, overflow: the runtime's errors and special cases.
                return self.generic_binary(vm, op, a, av, b, bv);
            }
            let (x, y) = (self.as_float(a), self.as_float(b));
            let r = match base {
                BinOp::Pow => {
                    // A positive base and a finite result: C's pow, as the runtime computes it.
                    let z = self.b.kfloat(0.0);
                    let positive = self.b.bin(Op::FGt, x, z);
                    self.b.guard_ref(Op::GuardTrue, positive, None, snap);
                    let r = self.b.call(Helper::PowF64, &[x, y]);
                    let d = self.b.bin(Op::FSub, r, r);
                    let finite = self.b.bin(Op::FEq, d, z);
                    self.b.guard_ref(Op::GuardTrue, finite, None, snap);
                    r
                }
                BinOp::Add => self.b.bin(Op::FAdd, x, y),
                BinOp::Sub => self.b.bin(Op::FSub, x, y),
                BinOp::Mul => self.b.bin(Op::FMul, x, y),
                BinOp::TrueDiv => {
                    let z = self.b.kfloat(0.0);
                    let is_zero = self.b.bin(Op::FEq, y, z);
                    self.b.guard_ref(Op::GuardFalse, is_zero, None, snap);
                    self.b.bin(Op::FDiv, x, y)
                }
                BinOp::FloorDiv | BinOp::Mod => {
                    let h = if base == BinOp::FloorDiv { Helper::FloatFloorDiv } else { Helper::FloatMod };
                    let boxed = self.b.call(h, &[x, y]);
                    return self.unbox(boxed, Value::Float(0.0), snap);
                }
                _ => return self.generic_binary(vm, op, a, av, b, bv),
            };
            return Ok(Self::tv(r, tag::FLOAT));
        }
        self.generic_binary(vm, op, a, av, b, bv)
    }

    /// A binary op on built-in operands through the runtime's `binary_op`.
    fn generic_binary(&mut self, vm: &mut Vm, op: BinOp, a: Tv, av: Value, b: Tv, bv: Value) -> R<Tv> {
        // Tuples and lists only for + and * (concatenation, repetition): `%` formatting or
        // comparing their items could run Python code.
        // A list's `+=` / `*=` changes it in place: recording it here would do it twice.
        let container = |v: Value| v.as_obj().is_some_and(|o| matches!(kind_of(o), kind::TUPLE | kind::LIST));
        let list = |v: Value| v.as_obj().is_some_and(|o| kind_of(o) == kind::LIST);
        if !Self::builtin_scalar(av)
            || !Self::builtin_scalar(bv)
            || ((container(av) || container(bv)) && !matches!(op.base(), BinOp::Add | BinOp::Mul))
            || (op.is_inplace() && list(av))
        {
            return abort(format!("binary op on {} and {}", vm.type_name(av), vm.type_name(bv)));
        }
        for (tv, v) in [(a, av), (b, bv)] {
            if let Value::Obj(o) = v {
                self.guard_kind(tv, o);
            }
        }
        let seen = vm.binary_op(av, bv, op).map_err(|_| "binary op raises".to_string())?;
        let snap = self.snap();
        let c = self.ctx();
        let kop = self.b.kint(op as i64);
        let (ab, bb) = (self.boxed(a), self.boxed(b));
        let boxed = self.b.call(Helper::BinOp, &[c, kop, ab, bb]);
        self.unbox(boxed, seen, snap)
    }

    fn compare(&mut self, vm: &mut Vm, op: CmpOp, a: Tv, av: Value, b: Tv, bv: Value) -> R<Tv> {
        if a.tag == WIDE || b.tag == WIDE {
            // A wide int and an int: compared in i128; else the Python int it is.
            if let (Some(x), Some(y)) = (W::of(&a, av), W::of(&b, bv)) {
                let snap = self.snap();
                let xw = self.wide_operand(a, matches!(x, W::Big(_)), snap);
                let yw = self.wide_operand(b, matches!(y, W::Big(_)), snap);
                let o = match op {
                    CmpOp::Lt => Op::WLt,
                    CmpOp::Le => Op::WLe,
                    CmpOp::Eq => Op::WEq,
                    CmpOp::Ne => Op::WNe,
                    CmpOp::Gt => Op::WGt,
                    CmpOp::Ge => Op::WGe,
                };
                return Ok(Self::tv(self.b.bin(o, xw, yw), tag::BOOL));
            }
            let a = if a.tag == WIDE { self.materialize(a, av)? } else { a };
            let b = if b.tag == WIDE { self.materialize(b, bv)? } else { b };
            return self.compare(vm, op, a, av, b, bv);
        }
        let is_int = |v: Value| matches!(v, Value::Int(_) | Value::Bool(_));
        let r = if is_int(av) && is_int(bv) {
            let (x, y) = (self.as_int(a), self.as_int(b));
            let o = match op {
                CmpOp::Lt => Op::Lt,
                CmpOp::Le => Op::Le,
                CmpOp::Eq => Op::Eq,
                CmpOp::Ne => Op::Ne,
                CmpOp::Gt => Op::Gt,
                CmpOp::Ge => Op::Ge,
            };
            self.b.bin(o, x, y)
        } else if matches!(av, Value::Float(_)) && matches!(bv, Value::Float(_)) {
            let o = match op {
                CmpOp::Lt => Op::FLt,
                CmpOp::Le => Op::FLe,
                CmpOp::Eq => Op::FEq,
                CmpOp::Ne => Op::FNe,
                CmpOp::Gt => Op::FGt,
                CmpOp::Ge => Op::FGe,
            };
            self.b.bin(o, a.r, b.r)
        } else if is_int(av) && matches!(bv, Value::Float(_)) {
            let c = self.ctx();
            let k = self.b.kint(op as i64);
            let x = self.as_int(a);
            self.b.call(Helper::CmpIntFloat, &[c, k, x, b.r])
        } else if matches!(av, Value::Float(_)) && is_int(bv) {
            let c = self.ctx();
            let k = self.b.kint(swap(op) as i64);
            let y = self.as_int(b);
            self.b.call(Helper::CmpIntFloat, &[c, k, y, a.r])
        } else if [av, bv].iter().all(|v| v.as_obj().is_some_and(|o| kind_of(o) == kind::TUPLE))
            && crate::helpers::tuple_compare_is_safe(vm, av, bv)
        {
            // Tuples (heap entries, sort keys): the helper checks each time that the items
            // it compares are scalars.
            self.guard_kind(a, av.as_obj().expect("tuple"));
            self.guard_kind(b, bv.as_obj().expect("tuple"));
            let seen = vm.compare(av, bv, op).map_err(|_| "comparison raises".to_string())?;
            let snap = self.snap();
            let c = self.ctx();
            let kop = self.b.kint(op as i64);
            let boxed = self.b.call(Helper::CompareTuples, &[c, kop, a.r, b.r]);
            return self.unbox(boxed, seen, snap);
        } else {
            if !crate::helpers::scalar_value(av) || !crate::helpers::scalar_value(bv) {
                return abort(format!("comparison of {} and {}", vm.type_name(av), vm.type_name(bv)));
            }
            for (tv, v) in [(a, av), (b, bv)] {
                if let Value::Obj(o) = v {
                    self.guard_kind(tv, o);
                }
            }
            let seen = vm.compare(av, bv, op).map_err(|_| "comparison raises".to_string())?;
            let snap = self.snap();
            let c = self.ctx();
            let kop = self.b.kint(op as i64);
            let (ab, bb) = (self.boxed(a), self.boxed(b));
            let boxed = self.b.call(Helper::Compare, &[c, kop, ab, bb]);
            return self.unbox(boxed, seen, snap);
        };
        Ok(Self::tv(r, tag::BOOL))
    }

    fn for_iter(&mut self, vm: &mut Vm, fdepth: usize, pc: usize, target: usize) -> R<Option<(usize, usize)>> {
        let (it, itv) = self.peek(vm, 1)?;
        let Value::Obj(o) = itv else { return abort("FOR_ITER on a non-iterator") };
        if let Kind::Generator(g) = &o.kind {
            return self.resume_generator(it, g, fdepth, pc, None);
        }
        let ik = iter_kind_of(o);
        if ik == 0 {
            return abort(format!("iteration over {}", vm.type_name(itv)));
        }
        let snap = self.snap();
        let k = self.b.call(Helper::IterKind, &[it.r]);
        let kk = self.b.kint(ik);
        self.b.guard(Op::GuardEq, Arg::Ref(k), Arg::Ref(kk), snap);
        // What the iterator will give (peeked without advancing it).
        let seen = iter_peek(o);
        let c = self.ctx();
        crate::helpers::learn_layout(o);
        // List and range iterators (kinds 2 and 1) have their own helpers, which the
        // backend inlines; a range counting up from zero or more gives items the backend
        // knows are not negative (list indexes without the wrap-around).
        let next = match ik {
            1 if crate::helpers::range_counts_up(o) => {
                let up = self.b.call(Helper::RangeUp, &[it.r]);
                self.b.guard_ref(Op::GuardTrue, up, None, snap);
                Helper::RangeIterNextUp
            }
            1 => Helper::RangeIterNext,
            2 => Helper::ListIterNext,
            _ => Helper::IterNext,
        };
        let item = self.b.call(next, &[c, it.r]);
        let t = self.b.ins(Op::TagOf, Arg::Ref(item), Arg::None);
        // The state after the iterator is exhausted: iterator popped, at the loop exit.
        let exhausted = self.snapshot_at(target, self.sp - 1);
        match seen {
            Some(v) => {
                let undef = self.b.kint(tag::UNDEF as i64);
                let more = self.b.bin(Op::Ne, t, undef);
                self.b.guard_ref(Op::GuardTrue, more, None, exhausted);
                let tv = if ik == 1 {
                    // A range iterator's item is an int whenever there is one.
                    Self::tv(self.b.ins(Op::UnboxInt, Arg::Ref(item), Arg::None), tag::INT)
                } else {
                    // The state after the item was taken: item (boxed) on the stack.
                    let sp = self.sp;
                    self.set_slot(sp, Self::tv(item, tag::OBJ));
                    let after = self.snapshot_at(pc + 1, sp + 1);
                    self.slots[sp] = None;
                    self.unbox(item, v, after)?
                };
                self.push(tv);
                Ok(Some((fdepth, pc + 1)))
            }
            None => {
                if self.frames.len() == 1 && pc == self.start_pc {
                    return abort(LEFT_LOOP);
                }
                // An item after all: leave with it taken (the iterator advanced).
                let sp = self.sp;
                self.set_slot(sp, Self::tv(item, tag::OBJ));
                let after = self.snapshot_at(pc + 1, sp + 1);
                self.slots[sp] = None;
                self.b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::UNDEF as i64), after);
                // Exhausted, or failed (dict changed size): the error is raised here.
                let ok = self.b.call(Helper::NoError, &[c]);
                self.b.guard_ref(Op::GuardTrue, ok, None, exhausted);
                self.pop_n(1);
                Ok(Some((fdepth, target)))
            }
        }
    }

    /// FOR_ITER on generator `it` (suspended, as the interpreter's `gen_push_inline` needs
    /// it): its frame is inlined as FOR_ITER pushes it, its values read from its saved
    /// frame where they are (`Helper::GenEnter`, which also checks the generator is at the
    /// same code, pc and frame size), each guarded to the type it has now. The guards
    /// leave before FOR_ITER, nothing done. Its YIELD_VALUE returns to the caller.
    /// `call` is set for a call `next(g)` / `next(g, default)` (the call's stack position
    /// and number of arguments), which the interpreter resumes the same way
    /// (`Frame::next_of`): the guards leave before the call.
    fn resume_generator(
        &mut self,
        it: Tv,
        g: &std::cell::RefCell<krait_runtime::object::Generator>,
        fdepth: usize,
        pc: usize,
        call: Option<(usize, u8)>,
    ) -> R<Option<(usize, usize)>> {
        let Ok(st) = g.try_borrow() else { return abort("generator in use") };
        if st.running || st.finished {
            return abort("resumption of a running or finished generator");
        }
        let Some(gcode) = st.code.as_code() else { return abort("generator without code") };
        let gcode = gcode.clone();
        self.can_inline(&gcode)?;
        let (func, globals, gpc, started, saved) = (st.func, st.globals, st.pc, st.started, st.saved.clone());
        let code_obj = st.code;
        drop(st);
        let snap = self.snap();
        let code_k = self.konst(Value::Obj(code_obj))?;
        let where_k = self.b.kint(((gpc as i64) << 1) | started as i64);
        let n_k = self.b.kint(saved.len() as i64);
        let at = self.b.call(Helper::GenEnter, &[it.r, code_k.r, where_k, n_k]);
        let zero = self.b.kint(0);
        let ok = self.b.bin(Op::Ne, at, zero);
        self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        let base = self.sp;
        let mut read_as = Vec::with_capacity(saved.len());
        for (i, &v) in saved.iter().enumerate() {
            let boxed = self.b.ins(Op::PLoadVal, Arg::Ref(at), Arg::Imm(16 * i as i64));
            let tv = if v.is_undef() {
                let t = self.b.ins(Op::TagOf, Arg::Ref(boxed), Arg::None);
                self.b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::UNDEF as i64), snap);
                Tv { r: self.b.kval(tag::UNDEF, 0), tag: tag::UNDEF, from: None, obj: None }
            } else {
                self.unbox(boxed, v, snap)?
            };
            read_as.push(tv.r);
            self.set_slot(base + i, tv);
        }
        self.sp = base + saved.len();
        if started {
            // The value the paused `yield` evaluates to.
            let none = self.konst(Value::None)?;
            self.push(none);
        } else {
            let ok = self.b.call(Helper::GenStart, &[it.r]);
            self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        }
        for i in self.sp..self.slots.len() {
            self.slots[i] = None;
        }
        // The generator's function, for the frame an exit rebuilds (kept alive by `objs`).
        self.objs.push(func);
        self.frames.push(RFrame {
            code: gcode,
            func: Some(func),
            globals,
            names_are_globals: false,
            init_self: None,
            binop: None,
            gen: Some(GenFrame { read_as, next_of: call.map_or(0, |c| c.1) }),
            len_of: false,
            consume: false,
            base,
            ret_sp: call.map_or(base, |c| c.0),
            ret_pc: pc + 1,
            depth: fdepth + 1,
        });
        self.max_depth = self.max_depth.max(self.frames.len() - 1);
        Ok(Some((fdepth + 1, gpc)))
    }

    /// YIELD_VALUE in an inlined generator frame: the generator is suspended after it with
    /// its frame written back (the values that changed), and the value is the caller's
    /// FOR_ITER item (or the result of its call `next(g)`).
    fn yield_value(&mut self, vm: &mut Vm, fdepth: usize, pc: usize) -> R<Option<(usize, usize)>> {
        let depth = self.frames.len() - 1;
        let Some(gf) = self.frames[depth].gen.clone() else {
            // A loop in a generator: its yield leaves the trace's frame (a side trace
            // ends before it).
            return if self.side {
                stop("yield in the loop's own frame")
            } else {
                abort("yield in the loop's own frame")
            };
        };
        let snap = self.snap();
        let (v, _) = self.peek(vm, 1)?;
        let base = self.frames[depth].base;
        let gen = self.read(vm, gf.gen_slot(base))?;
        let mut values = vec![];
        for pos in base..self.sp - 1 {
            values.push(self.read(vm, pos)?);
        }
        let pc_k = self.b.kint(pc as i64 + 1);
        let n_k = self.b.kint(values.len() as i64);
        let at = self.b.call(Helper::GenYield, &[gen.r, pc_k, n_k]);
        let zero = self.b.kint(0);
        let ok = self.b.bin(Op::Ne, at, zero);
        self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        for (i, tv) in values.into_iter().enumerate() {
            if gf.read_as.get(i) == Some(&tv.r) {
                continue;
            }
            let boxed = self.boxed(tv);
            let addr = if i == 0 { at } else { self.b.ins(Op::PAdd, Arg::Ref(at), Arg::Imm(16 * i as i64)) };
            self.b.ins(Op::PStore, Arg::Ref(addr), Arg::Ref(boxed));
        }
        let f = self.pop_frame();
        self.push(v);
        Ok(Some((fdepth - 1, f.ret_pc)))
    }

    /// Pop the top inlined frame: its slots are unknown again, the stack is its caller's.
    fn pop_frame(&mut self) -> RFrame {
        let f = self.frames.pop().expect("inlined frame");
        for i in f.ret_sp..self.slots.len() {
            self.slots[i] = None;
        }
        self.sp = f.ret_sp;
        f
    }

    /// The top frame, generator frame `gf`, returns: the generator is finished
    /// (`Helper::GenFinish`, leaving at `snap` if it is in use) and the frame popped.
    fn finish_generator(&mut self, vm: &mut Vm, gf: &GenFrame, snap: SnapNo) -> R<RFrame> {
        let base = self.frames.last().expect("a frame").base;
        let gen = self.read(vm, gf.gen_slot(base))?;
        let ok = self.b.call(Helper::GenFinish, &[gen.r]);
        self.b.guard_ref(Op::GuardTrue, ok, None, snap);
        Ok(self.pop_frame())
    }

    /// RETURN_VALUE of a generator's frame resumed by `next(g, default)`: the generator is
    /// finished and the call gives the default.
    fn next_default(&mut self, vm: &mut Vm, gf: &GenFrame, fdepth: usize) -> R<Option<(usize, usize)>> {
        let base = self.frames.last().expect("a frame").base;
        let default = self.read(vm, base - 1)?;
        let snap = self.snap();
        let f = self.finish_generator(vm, gf, snap)?;
        self.push(Tv { from: None, ..default });
        Ok(Some((fdepth - 1, f.ret_pc)))
    }

    /// RETURN_VALUE of the inlined generator frame `depth`, resumed by the FOR_ITER of an
    /// inlined call: the generator is finished (`Helper::GenFinish`), and the caller's loop
    /// ends as the interpreter ends it: the iterator dropped, on at FOR_ITER's target.
    fn generator_returns(&mut self, vm: &mut Vm, depth: usize, fdepth: usize) -> R<Option<(usize, usize)>> {
        let caller = &self.frames[depth - 1];
        let ret_pc = self.frames[depth].ret_pc;
        let Some(&krait_runtime::bytecode::Instr { op: BcOp::ForIter, arg }) = caller.code.co.instrs.get(ret_pc - 1)
        else {
            return abort("generator not resumed by FOR_ITER");
        };
        let snap = self.snap();
        let gf = self.frames[depth].gen.clone().expect("a generator's frame");
        self.finish_generator(vm, &gf, snap)?;
        self.pop_n(1);
        Ok(Some((fdepth - 1, arg as usize)))
    }

    /// Guard that function `f`'s defaults are still the tuple `t` (its items are then
    /// constants of the trace).
    fn guard_defaults(&mut self, f: Tv, t: ObjRef) -> R<()> {
        let snap = self.snap();
        let d = self.b.call(Helper::FuncDefaults, &[f.r]);
        let d = self.unbox(d, Value::Obj(t), snap)?;
        let k = self.konst(Value::Obj(t))?;
        let same = self.b.bin(Op::ObjEq, d.r, k.r);
        self.b.guard_ref(Op::GuardTrue, same, None, snap);
        Ok(())
    }

    /// CALL_KW: a plain function's call, its keyword names a constant of the code.
    fn call_kw(&mut self, vm: &mut Vm, n: usize, fdepth: usize, pc: usize) -> R<Option<(usize, usize)>> {
        let (names_tv, names_v) = self.peek(vm, 1)?;
        let Value::Obj(no) = names_v else { return abort("keyword names not a tuple") };
        // A constant of the code (LOAD_CONST), guarded when the trace did not load it.
        self.guard_identity(names_tv, no);
        let Some(names) = no.as_tuple() else { return abort("keyword names not a tuple") };
        let fpos = self.sp - 1 - n - 1;
        let fv = self.real(vm, fpos);
        let ftv = self.read(vm, fpos)?;
        let Value::Obj(fo) = fv else { return abort("call of a non-callable") };
        self.call_python(vm, fo, ftv, fpos, fpos + 1, n, names, fdepth, pc)
    }

    /// A call of plain function `fo` (at `fpos`) with `n` arguments from `first` (the last
    /// `names.len()` of them by keyword): inlined as the interpreter runs it, the arguments
    /// put in parameter order (`Vm::call_layout`) with the defaults (their tuple guarded,
    /// its items constants) for the missing ones.
    #[allow(clippy::too_many_arguments)]
    fn call_python(
        &mut self,
        vm: &mut Vm,
        fo: ObjRef,
        ftv: Tv,
        fpos: usize,
        first: usize,
        n: usize,
        names: &[Value],
        fdepth: usize,
        pc: usize,
    ) -> R<Option<(usize, usize)>> {
        let Kind::Function(func) = &fo.kind else { return abort(format!("call of {}", vm.type_name(Value::Obj(fo)))) };
        let fcode = func.code.as_code().expect("function code").clone();
        let argcount = fcode.co.argcount as usize;
        let layout = match (fcode.simple, names.is_empty() && n == argcount) {
            (false, _) => return abort(format!("call of {} (special arguments)", fcode.co.name)),
            (true, true) => None,
            (true, false) => match vm.call_layout(fo, n - names.len(), names) {
                Some(layout) => Some(layout),
                None => return abort(format!("call of {} that binds its arguments otherwise", fcode.co.name)),
            },
        };
        self.can_inline(&fcode)?;
        let fresh = self.fresh_funcs.get(&ftv.r).cloned();
        if (fresh.is_some() || !func.closure.is_empty()) && layout.is_some() {
            return abort("call of a closure that binds its arguments otherwise");
        }
        let fresh = match fresh {
            None if !func.closure.is_empty() => {
                // A closure made outside the trace (one of many with this code, made
                // anew per call of the function around it): guard its code and read its
                // cells.
                if self.guard_kind(ftv, fo) != kind::FUNCTION {
                    return abort("call of a non-function");
                }
                let snap = self.snap();
                let code_o = func.code;
                let code_k = self.konst(Value::Obj(code_o))?;
                let got = self.b.call(Helper::FuncCode, &[ftv.r]);
                self.b.guard(Op::GuardEq, Arg::Ref(got), Arg::Ref(code_k.r), snap);
                let mut cells = vec![];
                for i in 0..func.closure.len() {
                    let ki = self.b.kint(i as i64);
                    let cell = self.b.call(Helper::FuncCell, &[ftv.r, ki]);
                    cells.push(Self::tv(cell, tag::OBJ));
                }
                Some(cells)
            }
            None => {
                self.guard_identity(ftv, fo);
                None
            }
            fresh => fresh,
        };
        if fresh.is_some() {
            // The function seen now stands for the others of its code (exits rebuild
            // frames of it): kept alive with the trace.
            self.objs.push(fo);
        }
        if let Some(layout) = layout {
            let defaults = match func.defaults.get() {
                Value::Obj(t) if layout.iter().any(|&src| src < 0) => {
                    self.guard_defaults(ftv, t)?;
                    t.as_tuple().map(|d| d.to_vec()).unwrap_or_default()
                }
                _ => vec![],
            };
            let mut given = vec![];
            for i in 0..n {
                given.push(self.read(vm, first + i)?);
            }
            let mut args = vec![];
            for &src in layout.iter() {
                args.push(if src >= 0 { given[src as usize] } else { self.konst(defaults[(-1 - src) as usize])? });
            }
            // As the interpreter: the arguments (and keyword names) go, the parameters come.
            self.pop_n(self.sp - first);
            for a in args {
                self.push(a);
            }
        }
        self.inline_call(vm, fo, fpos, first, argcount, fdepth, pc, None, None, fresh)
    }

    fn call(&mut self, vm: &mut Vm, op: BcOp, n: usize, fdepth: usize, pc: usize) -> R<Option<(usize, usize)>> {
        let (fpos, first, nargs) = match op {
            BcOp::Call => (self.sp - n - 1, self.sp - n, n),
            _ => {
                let fpos = self.sp - n - 2;
                if self.real(vm, fpos + 1).is_undef() {
                    (fpos, fpos + 2, n)
                } else {
                    (fpos, fpos + 1, n + 1)
                }
            }
        };
        let fv = self.real(vm, fpos);
        let ftv = self.read(vm, fpos)?;
        let Value::Obj(fo) = fv else { return abort("call of a non-callable") };
        // The `__len__` the interpreter runs as a frame for `len(x)`.
        let len_of =
            (nargs == 1 && fv.is(&vm.len_builtin)).then(|| vm.len_frame_target(self.real(vm, first))).flatten();
        // The `_consume` loop the interpreter runs as a frame for `sum(gen)`, `all(gen)`...
        let consume = match vm.consume_builtin(fv, &vm.stack[self.root_base + first..self.root_base + self.sp]) {
            Some(i) => vm.consume_funcs.map(|fs| (i, fs[i])),
            None => None,
        };
        match &fo.kind {
            Kind::Function(func)
                if nargs <= 3
                    && func.code.as_code().is_some_and(|c| c.co.is_generator() && c.co.kwonlyargcount == 0) =>
            {
                // A generator function: the call binds the arguments and makes the
                // generator, running none of its code (`call_native` does it as
                // `Vm::call`; a binding error leaves with the exception, at the call).
                let snap = self.snap();
                if self.fresh_funcs.contains_key(&ftv.r) {
                    // A function the trace made (a generator expression's): its code is
                    // the constant it was made from.
                } else if !func.closure.is_empty() {
                    // A closure made outside the trace, one of many with this code: the
                    // call makes a generator of any of them (guard the code).
                    if self.guard_kind(ftv, fo) != kind::FUNCTION {
                        return abort("call of a non-function");
                    }
                    let code_k = self.konst(Value::Obj(func.code))?;
                    let got = self.b.call(Helper::FuncCode, &[ftv.r]);
                    self.b.guard(Op::GuardEq, Arg::Ref(got), Arg::Ref(code_k.r), snap);
                } else {
                    self.guard_identity(ftv, fo);
                }
                let mut args = vec![];
                for i in 0..nargs {
                    args.push((self.read(vm, first + i)?, self.real(vm, first + i)));
                }
                let c = self.ctx();
                let kn = self.b.kint(nargs as i64);
                let boxes = self.boxed3(&args);
                let boxed = self.b.call(Helper::CallNative, &[c, ftv.r, kn, boxes[0], boxes[1], boxes[2]]);
                let g = self.unbox(boxed, fv, snap)?;
                self.pop_n(self.sp - fpos);
                self.push(g);
                Ok(Some((fdepth, pc + 1)))
            }
            Kind::Function(_) => self.call_python(vm, fo, ftv, fpos, first, nargs, &[], fdepth, pc),
            Kind::Native(_) if len_of.is_some() => {
                // `len(x)` of an instance with a plain Python `__len__`: the interpreter
                // runs it as a frame (`Frame::len_of`); inline it.
                let lf = len_of.expect("checked");
                self.can_inline(&lf.as_function().expect("function").code.as_code().expect("code").clone())?;
                let snap = self.snap();
                self.guard_identity(ftv, fo);
                let (x, xv) = (self.read(vm, first)?, self.real(vm, first));
                let Value::Obj(xo) = xv else { return abort("len() of a non-object") };
                self.inst_guard(x, xo, snap)?;
                self.epoch_guard(vm, snap);
                self.objs.push(lf);
                let next = self.inline_call(vm, lf, fpos, first, 1, fdepth, pc, None, None, None)?;
                self.frames.last_mut().expect("inlined").len_of = true;
                Ok(next)
            }
            Kind::Native(_)
                if (nargs == 1 || nargs == 2)
                    && fv.is(&vm.next_builtin)
                    && self.real(vm, first).as_obj().is_some_and(|g| matches!(g.kind, Kind::Generator(_))) =>
            {
                // `next(g)` / `next(g, default)` of a generator: the interpreter resumes it
                // as a frame (`Frame::next_of`); inline it as FOR_ITER's.
                let Value::Obj(go) = self.real(vm, first) else { unreachable!("checked") };
                let Kind::Generator(g) = &go.kind else { unreachable!("checked") };
                if !g.try_borrow().is_ok_and(|st| !st.running && !st.finished) {
                    // The interpreter calls the built-in (which raises, or gives the
                    // default).
                    return abort("next() of a running or finished generator");
                }
                self.guard_identity(ftv, fo);
                let it = self.read(vm, first)?;
                self.resume_generator(it, g, fdepth, pc, Some((fpos, nargs as u8)))
            }
            Kind::Native(_) if consume.is_some() => {
                // `sum/any/all/min/max(gen)`: the interpreter runs the built-in's
                // `_consume` loop as a frame (`Vm::push_consume_frame_at`); inline it.
                let (i, cf) = consume.expect("checked");
                self.can_inline(&cf.as_function().expect("function").code.as_code().expect("code").clone())?;
                self.guard_identity(ftv, fo);
                let (g, gv) = (self.read(vm, first)?, self.real(vm, first));
                let Value::Obj(go) = gv else { return abort("consumed a non-object") };
                if self.guard_kind(g, go) != kind::GENERATOR {
                    return abort("consumed a non-generator");
                }
                if nargs == 2 {
                    // sum's start value: not a str, bytes or bytearray.
                    let (s, sv) = (self.read(vm, first + 1)?, self.real(vm, first + 1));
                    if let Value::Obj(so) = sv {
                        if !matches!(self.guard_kind(s, so), kind::BIGINT | kind::LIST | kind::TUPLE | kind::INSTANCE) {
                            return abort("sum() with a start value of another kind");
                        }
                    }
                } else if i == 0 {
                    // sum's start value 0, as the interpreter pushes it.
                    let zero = self.konst(Value::Int(0))?;
                    self.push(zero);
                }
                self.objs.push(cf);
                let argcount = cf.as_function().and_then(|f| f.code.as_code()).map_or(0, |c| c.co.argcount as usize);
                let next = self.inline_call(vm, cf, fpos, first, argcount, fdepth, pc, None, None, None)?;
                self.frames.last_mut().expect("inlined").consume = true;
                Ok(next)
            }
            Kind::Native(nat) => {
                let name = nat.name;
                let owner = nat.owner;
                self.guard_identity(ftv, fo);
                let mut args = vec![];
                for i in 0..nargs {
                    args.push((self.read(vm, first + i)?, self.real(vm, first + i)));
                }
                let r = self.native(vm, fo, owner, name, &args)?;
                self.pop_n(self.sp - fpos);
                self.push(r);
                Ok(Some((fdepth, pc + 1)))
            }
            Kind::Class(_)
                if op == BcOp::Call && vm.plain_init(&Cell::new(InlineCache::default()), fo, nargs).is_some() =>
            {
                // A plain class: the instance is allocated here and `__init__` inlined as a
                // frame that returns it (as the interpreter runs it: `Frame::init_self`).
                let init = vm.plain_init(&Cell::new(InlineCache::default()), fo, nargs).expect("checked");
                if let Some(f) = init.as_function() {
                    self.can_inline(&f.code.as_code().expect("function code").clone())?;
                }
                let snap = self.snap();
                self.guard_identity(ftv, fo);
                self.epoch_guard(vm, snap);
                let c = self.ctx();
                let cls = self.konst(Value::Obj(fo))?;
                let inst = Self::tv(self.b.call(Helper::NewInstance, &[c, cls.r]), tag::OBJ);
                self.objs.push(init);
                // [cls, a1..an] -> [inst, a1..an]: the instance is `self`.
                self.set_slot(fpos, inst);
                self.inline_call(vm, init, fpos, fpos, nargs + 1, fdepth, pc, Some(inst), None, None)
            }
            Kind::Class(_)
                if [vm.types.list, vm.types.tuple, vm.types.dict].iter().any(|c| c.ptr_eq(fo)) && nargs <= 1 =>
            {
                // list(...), tuple(...) of a built-in container, dict(d) of a dict: copies
                // that run no Python code.
                let mut args = vec![];
                for i in 0..nargs {
                    let (tv, v) = (self.read(vm, first + i)?, self.real(vm, first + i));
                    let Value::Obj(o) = v else { return abort("constructor of a non-container") };
                    let k = self.guard_kind(tv, o);
                    let ok = if fo.ptr_eq(vm.types.dict) {
                        k == kind::DICT
                    } else {
                        matches!(k, kind::LIST | kind::TUPLE | kind::STR | kind::RANGE | kind::DICT)
                    };
                    if !ok {
                        return abort(format!("constructor of {}", vm.type_name(v)));
                    }
                    args.push((tv, v));
                }
                self.guard_identity(ftv, fo);
                let snap = self.snap();
                let r = self.effect_free_native(vm, fo, &args, snap)?;
                self.pop_n(self.sp - fpos);
                self.push(r);
                Ok(Some((fdepth, pc + 1)))
            }
            Kind::Class(_) => {
                // Built-in types whose constructor runs no Python code on scalar arguments.
                let t = &vm.types;
                let name = [(t.range, "range"), (t.int, "int"), (t.float, "float"), (t.str, "str"), (t.bool_, "bool")]
                    .into_iter()
                    .find(|(c, _)| c.ptr_eq(fo))
                    .map(|(_, n)| n);
                let Some(name) = name else { return abort(format!("call of class {}", vm.type_name(fv))) };
                self.guard_identity(ftv, fo);
                let mut args = vec![];
                for i in 0..nargs {
                    args.push((self.read(vm, first + i)?, self.real(vm, first + i)));
                }
                let code = self.frames.last().expect("a frame").code.clone();
                if name == "range"
                    && (1..=3).contains(&nargs)
                    && code.co.instrs.get(pc + 1).is_some_and(|i| i.op == BcOp::GetIter)
                    && args.iter().all(|(tv, v)| tv.tag == tag::INT && matches!(v, Value::Int(_)))
                    && !matches!(args.get(2), Some((_, Value::Int(0))))
                {
                    // `for x in range(...)`: the iterator straight away, the range never
                    // made; GET_ITER passes it on (`fused_range`).
                    let snap = self.snap();
                    let (zero, one) = (self.b.kint(0), self.b.kint(1));
                    let (start, stop, step) = match args[..] {
                        [(b, _)] => (zero, b.r, one),
                        [(a, _), (b, _)] => (a.r, b.r, one),
                        [(a, _), (b, _), (c, _)] => (a.r, b.r, c.r),
                        _ => unreachable!("one to three arguments"),
                    };
                    let nonzero = self.b.bin(Op::Ne, step, zero);
                    self.b.guard_ref(Op::GuardTrue, nonzero, None, snap);
                    let c = self.ctx();
                    let it = self.b.call(Helper::RangeIter, &[c, start, stop, step]);
                    self.pop_n(self.sp - fpos);
                    self.push(Self::tv(it, tag::OBJ));
                    self.fused_range = Some(fpos);
                    return Ok(Some((fdepth, pc + 1)));
                }
                let r = self.native(vm, fo, None, name, &args)?;
                self.pop_n(self.sp - fpos);
                self.push(r);
                Ok(Some((fdepth, pc + 1)))
            }
            _ => abort(format!("call of {}", vm.type_name(fv))),
        }
    }

    /// A call of `code` can be inlined here: not recursive, not too deep (else `stop`:
    /// nothing is recorded for the call yet).
    fn can_inline(&self, code: &Rc<Code>) -> R<()> {
        if self.frames.len() > MAX_INLINE_DEPTH {
            return stop("inlining too deep");
        }
        if self.frames.iter().any(|f| Rc::ptr_eq(&f.code, code)) {
            return stop(format!("recursive call of {}", code.co.name));
        }
        Ok(())
    }

    /// Inline a call of Python function `fo` (its identity guarded and `can_inline` checked
    /// by the caller): its frame starts at slot `first` with `nargs` arguments there; it
    /// returns to `fpos`. An inlined `__init__` returns `init_self` instead of its result.
    /// `fresh` gives the closure's cells of a function the trace made or a closure guarded
    /// by its code (else they are the constant callee's).
    #[allow(clippy::too_many_arguments)]
    fn inline_call(
        &mut self,
        vm: &mut Vm,
        fo: ObjRef,
        fpos: usize,
        first: usize,
        nargs: usize,
        fdepth: usize,
        pc: usize,
        init_self: Option<Tv>,
        binop: Option<(BinOp, u8)>,
        fresh: Option<Vec<Tv>>,
    ) -> R<Option<(usize, usize)>> {
        let Kind::Function(func) = &fo.kind else { return abort("inlined call of a non-function") };
        let fcode = func.code.as_code().expect("function code").clone();
        debug_assert!(self.can_inline(&fcode).is_ok(), "callers check can_inline before recording the call");
        let mut args = vec![];
        for i in 0..nargs {
            args.push(self.read(vm, first + i)?);
        }
        for (i, a) in args.into_iter().enumerate() {
            self.set_slot(first + i, Tv { from: None, ..a });
        }
        let nslots = fcode.co.nslots();
        let undef = self.b.kval(tag::UNDEF, 0);
        let nfree = func.closure.len();
        let (nlocals, ncells) = (fcode.co.nlocals(), fcode.cell_params.len());
        if fresh.as_ref().is_some_and(|cells| cells.len() != nfree) {
            return abort("closure of another size");
        }
        for i in nargs..nlocals {
            self.set_slot(first + i, Tv { r: undef, tag: tag::UNDEF, from: None, obj: None });
        }
        // Then a new cell for each cell variable, holding the parameter of that name if
        // any (as `push_callee_locals`).
        if ncells != 0 {
            let c = self.ctx();
            for (i, p) in fcode.cell_params.iter().enumerate() {
                let init = match p {
                    Some(p) => {
                        let a = self.read(vm, first + *p as usize)?;
                        self.boxed(a)
                    }
                    None => undef,
                };
                let cell = self.b.call(Helper::CellNew, &[c, init]);
                self.set_slot(first + nlocals + i, Self::tv(cell, tag::OBJ));
            }
        }
        // The closure's cells follow (as the interpreter lays them out): the cells of a
        // function the trace made, else the guarded constant callee's, constants too.
        for i in 0..nfree {
            let tv = match &fresh {
                Some(cells) => cells[i],
                None => self.konst(Value::Obj(func.closure[i]))?,
            };
            self.set_slot(first + nslots - nfree + i, tv);
        }
        self.sp = first + nslots;
        for i in self.sp..self.slots.len() {
            self.slots[i] = None;
        }
        self.frames.push(RFrame {
            code: fcode,
            func: Some(fo),
            globals: func.globals,
            names_are_globals: false,
            init_self,
            binop,
            gen: None,
            len_of: false,
            consume: false,
            base: first,
            ret_sp: fpos,
            ret_pc: pc + 1,
            depth: fdepth + 1,
        });
        self.max_depth = self.max_depth.max(self.frames.len() - 1);
        Ok(Some((fdepth + 1, 0)))
    }

    /// A call of a native built-in: inline for the common numeric ones, through
    /// `call_native` for others whose arguments are all built-in scalars.
    fn native(&mut self, vm: &mut Vm, f: ObjRef, owner: Option<&str>, name: &str, args: &[(Tv, Value)]) -> R<Tv> {
        let snap = self.snap();
        let is_float = |v: &Value| matches!(v, Value::Float(_));
        let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_));
        match (owner, name, args) {
            (Some("list"), "extend", [(l, Value::Obj(_)), (src, Value::Obj(so))])
                if matches!(kind_of(*so), kind::LIST | kind::TUPLE) =>
            {
                self.guard_kind(*src, *so);
                let ok = self.b.call(Helper::ListExtend, &[l.r, src.r]);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                return self.konst(Value::None);
            }
            (Some("list"), "append", [(l, Value::Obj(_)), (x, _)]) => {
                let xb = self.boxed(*x);
                let ok = self.b.call(Helper::ListAppend, &[l.r, xb]);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                return self.konst(Value::None);
            }
            (Some("list"), "pop", [(l, Value::Obj(lo)), index @ ..])
                if index.iter().all(|(_, v)| matches!(v, Value::Int(_) | Value::Bool(_))) && index.len() <= 1 =>
            {
                // The item at the index (the last without one). The helper pops only an
                // item with the tag seen now, so the guard on the result leaves before any
                // effect; an empty list or an index out of range leaves before the call
                // too (the interpreter raises IndexError).
                let i = index.first().map_or(-1, |(_, v)| as_i64(*v));
                let seen = match &lo.kind {
                    Kind::List(items) => {
                        let items = items.borrow();
                        let n = items.len() as i64;
                        let at = if i < 0 { i + n } else { i };
                        (0..n).contains(&at).then(|| items[at as usize])
                    }
                    _ => None,
                };
                let Some(seen) = seen else { return abort("pop index out of range") };
                let t = self.b.kint(seen.tag() as i64);
                let at = match index.first() {
                    Some((tv, _)) => self.as_int(*tv),
                    None => self.b.kint(-1),
                };
                let boxed = self.b.call(Helper::ListPop, &[l.r, at, t]);
                return self.unbox(boxed, seen, snap);
            }
            (None, "print", _) if args.len() <= 3 && args.iter().all(|(_, v)| Self::builtin_scalar(*v)) => {
                for (tv, v) in args {
                    if let Value::Obj(o) = v {
                        let k = self.guard_kind(*tv, *o);
                        if !matches!(k, kind::STR | kind::BIGINT) {
                            return abort("print of a container");
                        }
                    }
                }
                let boxes = self.boxed3(args);
                let c = self.ctx();
                let kn = self.b.kint(args.len() as i64);
                let ok = self.b.call(Helper::PrintScalars, &[c, kn, boxes[0], boxes[1], boxes[2]]);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                // An error writing (a closed pipe) leaves with the exception, after the call.
                let done = self.b.call(Helper::NoError, &[c]);
                self.b.guard_ref(Op::GuardTrue, done, None, snap);
                return self.konst(Value::None);
            }
            (None, "isinstance", [(x, xv), (c, Value::Obj(co))])
                if co.as_class().is_some_and(|cl| cl.meta.get().is_none()) =>
            {
                // A class without a metaclass (no __instancecheck__) and an object whose
                // exact type is guarded: the answer is a constant.
                match xv {
                    Value::Obj(xo) if kind_of(*xo) == kind::INSTANCE => self.inst_guard(*x, *xo, snap)?,
                    Value::Obj(xo) if kind_of(*xo) != kind::OTHER => {
                        self.guard_kind(*x, *xo);
                    }
                    Value::Obj(_) | Value::Undef => return abort("isinstance of an object of an unknown type"),
                    _ => {}
                }
                self.guard_identity(*c, *co);
                self.epoch_guard(vm, snap);
                let r = vm.call(Value::Obj(f), &[*xv, Value::Obj(*co)], &[]).map_err(|_| "isinstance raises")?;
                return self.konst(r);
            }
            (None, "enumerate" | "zip", _)
                if !args.is_empty()
                    && args.len() <= 3
                    && (name == "zip" || args.len() == 1)
                    && args.iter().all(|(_, v)| {
                        v.as_obj().is_some_and(|o| {
                            matches!(kind_of(o), kind::LIST | kind::TUPLE | kind::RANGE | kind::STR | kind::DICT)
                        })
                    }) =>
            {
                // Iterators over built-in containers: made without running Python code.
                for (tv, v) in args {
                    self.guard_kind(*tv, v.as_obj().expect("checked"));
                }
                return self.effect_free_native(vm, f, args, snap);
            }
            (Some("dict"), "get", [(d, Value::Obj(dobj)), (k, kv), rest @ ..])
                if rest.len() <= 1 && kind_of(*dobj) == kind::DICT && Self::builtin_scalar(*kv) =>
            {
                self.guard_kind(*d, *dobj);
                self.scalar_key(*k, *kv)?;
                let default = match rest.first() {
                    Some((tv, _)) => self.boxed(*tv),
                    None => self.b.kval(tag::NONE, 0),
                };
                let seen = vm.dict_get(*dobj, *kv).map_err(|_| "dict.get raises".to_string())?;
                let seen = seen.unwrap_or(rest.first().map_or(Value::None, |r| r.1));
                let c = self.ctx();
                let kb = self.boxed(*k);
                let boxed = self.b.call(Helper::DictGet, &[c, d.r, kb, default]);
                return self.unbox(boxed, seen, snap);
            }
            (None, "len", [(x, Value::Obj(o))]) => {
                let k = self.guard_kind(*x, *o);
                if matches!(k, kind::LIST | kind::TUPLE) {
                    let len = if k == kind::TUPLE { Helper::TupleLen } else { Helper::ListLen };
                    let r = self.b.call(len, &[x.r]);
                    return Ok(Self::tv(r, tag::INT));
                }
                if matches!(k, kind::STR | kind::DICT | kind::SET | kind::RANGE) {
                    let c = self.ctx();
                    let r = self.b.call(Helper::Len, &[c, x.r]);
                    return Ok(Self::tv(r, tag::INT));
                }
            }
            (None, "abs", [(x, v)]) if is_float(v) => {
                return Ok(Self::tv(self.b.ins(Op::FAbs, Arg::Ref(x.r), Arg::None), tag::FLOAT));
            }
            (None, "int", [(x, Value::Float(f))]) if crate::helpers::float_to_int_fits(*f) => {
                let boxed = self.b.call(Helper::FloatToInt, &[x.r]);
                return self.unbox(boxed, Value::Int(0), snap);
            }
            (None, "float", [(x, v)]) if is_float(v) || is_int(v) => {
                let r = self.as_float(*x);
                return Ok(Self::tv(r, tag::FLOAT));
            }
            (None, "sqrt", [(x, v)]) if is_float(v) || is_int(v) => {
                let fx = self.as_float(*x);
                let z = self.b.kfloat(0.0);
                let ok = self.b.bin(Op::FGe, fx, z);
                self.b.guard_ref(Op::GuardTrue, ok, None, snap);
                return Ok(Self::tv(self.b.ins(Op::FSqrt, Arg::Ref(fx), Arg::None), tag::FLOAT));
            }
            (
                None,
                "sin" | "cos" | "tan" | "atan" | "exp" | "log" | "sinh" | "cosh" | "tanh" | "asin" | "acos",
                [(x, v)],
            ) if is_float(v) || is_int(v) => {
                let id = ["sin", "cos", "tan", "atan", "exp", "log", "sinh", "cosh", "tanh", "asin", "acos"]
                    .iter()
                    .position(|n| *n == name)
                    .expect("listed") as i64;
                let fx = self.as_float(*x);
                let k = self.b.kint(id);
                let boxed = self.b.call(Helper::Math1, &[k, fx]);
                return self.unbox(boxed, Value::Float(0.0), snap);
            }
            _ => {}
        }
        // Natives without effects that run no Python code when their arguments are ints,
        // floats, bools, None, str or big ints. Not `print` (sys.stdout may be a Python
        // object) nor `isinstance` (a metaclass may define __instancecheck__).
        const SAFE: &[&str] = &[
            "abs", "min", "max", "int", "float", "str", "round", "divmod", "pow", "chr", "ord", "len", "bool", "hash",
            "repr", "floor", "ceil", "sqrt", "trunc", "gcd", "isqrt", "fabs", "hypot", "atan2", "log", "exp", "sin",
            "cos", "tan", "atan", "log2", "log10", "range",
        ];
        // Methods without effects on a dict or str receiver and scalar arguments.
        const SAFE_METHODS: &[(&str, &str)] = &[
            ("dict", "get"),
            ("str", "replace"),
            ("str", "startswith"),
            ("str", "endswith"),
            ("str", "find"),
            ("str", "count"),
            ("str", "strip"),
            ("str", "lower"),
            ("str", "upper"),
            ("str", "isdigit"),
            ("str", "isalpha"),
            ("str", "split"),
            ("str", "rsplit"),
            ("str", "rfind"),
            ("str", "lstrip"),
            ("str", "rstrip"),
            ("str", "capitalize"),
            ("str", "title"),
            ("str", "isspace"),
            ("str", "isalnum"),
            ("str", "isupper"),
            ("str", "islower"),
            ("str", "zfill"),
            ("str", "ljust"),
            ("str", "rjust"),
            ("str", "join"),
        ];
        if let Some(owner) = owner {
            let receiver_ok = match args.first() {
                Some((tv, Value::Obj(o))) => {
                    let k = self.guard_kind(*tv, *o);
                    (owner == "dict" && k == kind::DICT) || (owner == "str" && k == kind::STR)
                }
                _ => false,
            };
            if !SAFE_METHODS.contains(&(owner, name)) || !receiver_ok || args.len() > 3 {
                return abort(format!("call of built-in {owner}.{name}"));
            }
            let (dict_get, rest) = (owner == "dict", &args[1..]);
            for (i, (tv, v)) in rest.iter().enumerate() {
                match v {
                    // dict.get's default is returned, never examined.
                    _ if dict_get && i == 1 => {}
                    Value::Obj(o) => {
                        let k = self.guard_kind(*tv, *o);
                        // `sep.join(items)` of a list or tuple: items that are not str
                        // raise TypeError without running Python code.
                        let joined = name == "join" && matches!(k, kind::LIST | kind::TUPLE);
                        if !matches!(k, kind::STR | kind::BIGINT) && !joined {
                            return abort(format!("call of {owner}.{name} on {}", vm.type_name(*v)));
                        }
                    }
                    Value::Undef => return abort("unbound argument"),
                    _ => {}
                }
            }
        } else if !SAFE.contains(&name) || args.len() > 3 {
            return abort(format!("call of built-in {name}"));
        }
        for (tv, v) in args.iter().filter(|_| owner.is_none()) {
            match v {
                Value::Obj(o) => {
                    let k = self.guard_kind(*tv, *o);
                    let ok = k == kind::STR
                        || k == kind::BIGINT
                        || (name == "len" && matches!(k, kind::LIST | kind::TUPLE | kind::DICT | kind::SET));
                    if !ok {
                        return abort(format!("call of built-in {name} on {}", vm.type_name(*v)));
                    }
                }
                Value::Undef => return abort("unbound argument"),
                _ => {}
            }
        }
        self.effect_free_native(vm, f, args, snap)
    }

    /// Up to three arguments boxed, padded with None (the helpers' fixed arity).
    fn boxed3(&mut self, args: &[(Tv, Value)]) -> [IrRef; 3] {
        let none = self.b.kval(tag::NONE, 0);
        let mut boxes = [none; 3];
        for (b, (tv, _)) in boxes.iter_mut().zip(args) {
            *b = self.boxed(*tv);
        }
        boxes
    }

    /// A call of native `f` (at most three arguments) that the caller has checked runs no
    /// Python code and has no effects: it runs now to see the result's type, and the
    /// trace calls it through `call_native`.
    fn effect_free_native(&mut self, vm: &mut Vm, f: ObjRef, args: &[(Tv, Value)], snap: SnapNo) -> R<Tv> {
        let vals: Vec<Value> = args.iter().map(|a| a.1).collect();
        let seen = vm.call(Value::Obj(f), &vals, &[]).map_err(|_| format!("{} raises", vm.type_name(Value::Obj(f))))?;
        let c = self.ctx();
        let fk = self.konst(Value::Obj(f))?;
        let kn = self.b.kint(args.len() as i64);
        let boxes = self.boxed3(args);
        let boxed = self.b.call(Helper::CallNative, &[c, fk.r, kn, boxes[0], boxes[1], boxes[2]]);
        self.unbox(boxed, seen, snap)
    }
}

/// An int or bool as an i64.
fn as_i64(v: Value) -> i64 {
    match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => 0,
    }
}

/// The comparison with its operands swapped (`a < b` is `b > a`).
fn swap(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

/// What `next()` of a built-in iterator (`iter_kind_of` != 0) will return, without
/// advancing it: Some(value of the right type) or None when exhausted. Only the type of
/// the value matters to the recorder.
fn iter_peek(it: ObjRef) -> Option<Value> {
    use krait_runtime::object::IterState;
    let Kind::Iter(cell) = &it.kind else { return None };
    let st = cell.borrow();
    match &*st {
        IterState::Range { cur, stop, step } => {
            ((*step > 0 && cur < stop) || (*step < 0 && cur > stop)).then_some(Value::Int(*cur))
        }
        IterState::Seq { seq: Value::Obj(s), idx } => match &s.kind {
            Kind::List(l) => l.borrow().get(*idx).copied(),
            Kind::Tuple(t) => t.get(*idx).copied(),
            _ => None,
        },
        IterState::Str { s, pos } => (*pos < s.as_str().map_or(0, str::len)).then_some(Value::Obj(it)),
        // A tuple (any object stands for it: only the type matters) if every inner
        // iterator has an item.
        IterState::Enumerate { it: Value::Obj(inner), .. } => iter_peek(*inner).map(|_| Value::Obj(it)),
        IterState::Zip { its } => {
            let all = its.iter().all(|v| v.as_obj().is_some_and(|o| iter_peek(o).is_some()));
            (all && !its.is_empty()).then_some(Value::Obj(it))
        }
        IterState::Dict { dict, idx, what, .. } => {
            let dobj = krait_runtime::ops::real_dict(*dict)?;
            let d = dobj.as_dict()?.borrow();
            let (_, k, v) = d.next_entry(*idx)?;
            Some(match what {
                0 => k,
                1 => v,
                _ => Value::Obj(it),
            })
        }
        _ => None,
    }
}
