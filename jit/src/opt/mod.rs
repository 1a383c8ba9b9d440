//! The optimizer: passes over a recorded trace, one file each, run in `optimize`'s order.
//!
//! - `entry`: a loop trace's type guards on slots as the loop is entered move to its
//!   start, leaving to the loop header: the state there is the loop's entry state, so
//!   the loop's next trace (another variant) can take over (`Jit::relink`).
//! - `peel`: loop peeling (LuaJIT's lj_opt_loop). The recorded iteration becomes the
//!   preamble; a copy of it becomes the loop body, reading the previous iteration's values
//!   through phis. Slot loads and guards that do not change round the loop end up identical
//!   to the preamble's and are then removed by `cse`: that is the invariant hoisting.
//! - `fold`: constant folding and algebraic simplification; guards proved true vanish.
//! - `cse`: common-subexpression elimination for pure ops, redundant guard elimination,
//!   and load forwarding for helper reads not clobbered by a write of the same kind.
//! - `dce`: drops pure ops whose value nobody uses (not an instruction, snapshot or phi).
//!
//! Every pass goes through `Rewriter`, which rebuilds the trace with refs, snapshots and
//! exit numbers remapped, and every result is checked by `ir::verify` in tests and before
//! compilation.

mod cse;
mod dce;
mod entry;
mod fold;
mod peel;

pub use entry::hoist_entry_guards;
pub use peel::{peel, widened_slot};

use crate::ir::{Arg, ExitNo, Ins, IrRef, Op, SnapNo, Snapshot, Trace};

/// What a pass does with one instruction.
pub(crate) enum Action {
    /// Keep it (operands remapped).
    Keep,
    /// Keep this instruction instead (operands already in the new trace's refs).
    Emit(Ins),
    /// Its value is this ref of the new trace; the instruction goes.
    Replace(IrRef),
    /// Drop it (only for instructions without a value: guards proved redundant).
    Drop,
}

/// Rebuilds a trace instruction by instruction.
pub(crate) struct Rewriter<'a> {
    pub old: &'a Trace,
    pub new: Trace,
    /// Old ref -> new ref.
    pub map: Vec<IrRef>,
    snap_map: Vec<Option<SnapNo>>,
}

impl<'a> Rewriter<'a> {
    pub fn new(old: &'a Trace) -> Rewriter<'a> {
        Rewriter {
            old,
            new: Trace { n_slots: old.n_slots, consts: old.consts.clone(), ..Trace::default() },
            map: Vec::with_capacity(old.ins.len()),
            snap_map: vec![None; old.snaps.len()],
        }
    }

    /// An old operand in new refs.
    pub fn arg(&self, a: Arg) -> Arg {
        match a {
            Arg::Ref(r) if r.index() < self.map.len() => Arg::Ref(self.map[r.index()]),
            other => other,
        }
    }

    fn snap(&mut self, s: SnapNo) -> SnapNo {
        if let Some(n) = self.snap_map[s.index()] {
            return n;
        }
        let old = &self.old.snaps[s.index()];
        let snap =
            Snapshot { entries: old.entries.iter().map(|&(sl, r)| (sl, self.map[r.index()])).collect(), ..old.clone() };
        let n = SnapNo(self.new.snaps.len() as u32);
        self.new.snaps.push(snap);
        self.snap_map[s.index()] = Some(n);
        n
    }

    /// Append an instruction (operands already new refs); a guard gets snapshot `snap`
    /// (an old snapshot number) and the next exit number.
    pub fn push(&mut self, mut ins: Ins, old_snap: Option<SnapNo>) -> IrRef {
        let r = IrRef(self.new.ins.len() as u32);
        ins.exit = old_snap.map(|s| {
            let sn = self.snap(s);
            let e = ExitNo(self.new.exits.len() as u32);
            self.new.exits.push(r);
            (sn, e)
        });
        self.new.ins.push(ins);
        r
    }

    /// Run `decide` over every instruction and build the new trace. Phi back-edges are
    /// remapped at the end.
    pub fn run(self, decide: impl FnMut(&mut Rewriter<'a>, IrRef, &Ins) -> Action) -> Trace {
        self.run_mapped(decide).0
    }

    /// `run`, also returning the old ref -> new ref map.
    pub fn run_mapped(
        mut self,
        mut decide: impl FnMut(&mut Rewriter<'a>, IrRef, &Ins) -> Action,
    ) -> (Trace, Vec<IrRef>) {
        for (i, ins) in self.old.ins.iter().enumerate() {
            let r = IrRef(i as u32);
            let new_ref = match decide(&mut self, r, ins) {
                Action::Keep => {
                    let mut n = ins.clone();
                    n.a = self.arg(ins.a);
                    if ins.op != Op::Phi {
                        n.b = self.arg(ins.b);
                    }
                    let snap = ins.exit.map(|(s, _)| s);
                    self.push(n, snap)
                }
                Action::Emit(n) => {
                    let is_guard = n.op.effect() == crate::ir::Effect::Guard;
                    let snap = ins.exit.map(|(s, _)| s).filter(|_| is_guard);
                    self.push(n, snap)
                }
                Action::Replace(to) => to,
                Action::Drop => IrRef(u32::MAX),
            };
            self.map.push(new_ref);
        }
        // Phi back-edges name later instructions: remap them now.
        let map = self.map.clone();
        let old = self.old;
        for (i, ins) in old.ins.iter().enumerate() {
            if ins.op == Op::Phi {
                let new_phi = map[i];
                if let Arg::Ref(b) = ins.b {
                    self.new.ins[new_phi.index()].b = Arg::Ref(map[b.index()]);
                }
            }
        }
        (self.new, map)
    }
}

/// Which helper-visible heap state a call reads and writes (bit sets), for `cse` and the
/// backend (`headers_fixed`, `range_carry`). A helper missing from `helper_heap` touches
/// none of it.
pub(crate) mod heap {
    pub const LIST: u32 = 1;
    pub const DICT: u32 = 2;
    pub const INST_SLOTS: u32 = 4;
    pub const INST_SHAPE: u32 = 8;
    pub const ITER: u32 = 16;
    pub const EPOCH: u32 = 32;
    /// `JitCtx::err`: written by helpers that may raise, read by `no_error`.
    pub const ERR: u32 = 64;
    pub const CELL: u32 = 128;
    /// A list's or instance's length or items pointer (written by resizing it).
    pub const LIST_SHAPE: u32 = 256;
    /// A range iterator's position.
    pub const RANGE_ITER: u32 = 512;
    pub const ALL: u32 = 0x3ff;
}

/// (reads, writes) of a helper call.
pub(crate) fn helper_heap(h: crate::ir::Helper) -> (u32, u32) {
    use crate::ir::Helper::*;
    use heap::*;
    match h {
        ListGet | ListLen => (LIST, 0),
        ListSet => (0, LIST),
        ListAppend => (0, LIST | LIST_SHAPE),
        ListExtend => (LIST, LIST | LIST_SHAPE),
        ListPop => (LIST, LIST | LIST_SHAPE),
        Len | Truthy => (LIST | DICT, 0),
        GetItem | Contains => (LIST | DICT, 0),
        SetItem | DelItem => (0, LIST | LIST_SHAPE | DICT | ERR),
        GetSlice | GetSlice3 => (LIST, ERR),
        SetSlice3 => (LIST, LIST | LIST_SHAPE | ERR),
        SliceCopy => (LIST, LIST | LIST_SHAPE),
        ListReverseSlice => (LIST, LIST),
        ListCopy => (LIST, 0),
        GetIter | BinOp | PrintScalars => (0, ERR),
        CellGet => (CELL, 0),
        CellSet => (0, CELL),
        DictVersion | DictValueAt | DictGet => (DICT, 0),
        DictSetAt => (0, DICT),
        ClassEpoch => (EPOCH, 0),
        InstCheck => (INST_SHAPE, 0),
        InstGet => (INST_SLOTS, 0),
        InstSet => (0, INST_SLOTS),
        InstAdd => (0, INST_SLOTS | INST_SHAPE | LIST_SHAPE),
        // (A generic iterator may wrap a range iterator: `zip`, `enumerate`.)
        IterNext => (ITER, ITER | RANGE_ITER | ERR),
        RangeIterNext | RangeIterNextUp => (RANGE_ITER, RANGE_ITER),
        ListIterNext => (ITER | LIST, ITER),
        NoError => (ERR, 0),
        // Only the natives the recorder knows to have no effect (they may raise).
        CallNative => (ALL, ERR),
        _ => (0, 0),
    }
}

/// The passes after peeling (`peel`): fold, CSE, DCE. Returns the optimized trace.
pub fn optimize(trace: Trace) -> Trace {
    let t = fold::fold(&trace);
    let t = cse::cse(&t);
    dce::dce(&t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{verify, Slot, TraceBuilder};
    use krait_runtime::value::tag;

    /// One recorded iteration of `while i < n: s = s + i; i = i + 1` over slots #0 (i),
    /// #1 (n), #2 (s), loaded lazily as the recorder does; returns it and its end state.
    fn recorded_iteration() -> (Trace, Vec<(Slot, IrRef)>) {
        let mut b = TraceBuilder::new(3);
        let s0 = b.push_snapshot(crate::ir::Snapshot { pc: 10, entries: vec![], frames: vec![], sp: 3, ins_pc: 10 });
        b.guard(Op::Pending, Arg::None, Arg::None, s0);
        let load = |b: &mut TraceBuilder, slot: u32| {
            let t = b.sload(Op::SLoadTag, slot);
            b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), s0);
            b.sload(Op::SLoadInt, slot)
        };
        let i = load(&mut b, 0);
        let n = load(&mut b, 1);
        let lt = b.bin(Op::Lt, i, n);
        b.guard_ref(Op::GuardTrue, lt, None, s0);
        let s = load(&mut b, 2);
        let s2 = b.guard_ref(Op::AddOv, s, Some(i), s0);
        let one = b.kint(1);
        let one_again = b.kint(1);
        let i2 = b.guard_ref(Op::AddOv, i, Some(one), s0);
        let _unused = b.guard_ref(Op::AddOv, i2, Some(one_again), s0);
        (b.finish(), vec![(Slot(0), i2), (Slot(2), s2)])
    }

    #[test]
    fn peeling_hoists_invariant_loads_and_guards() {
        let (rec, end) = recorded_iteration();
        let peeled = peel(&rec, &end).unwrap();
        verify(&peeled).unwrap();
        let opt = optimize(peeled);
        verify(&opt).unwrap();
        let body = &opt.ins[opt.loop_ref().unwrap().index()..];
        // The body keeps no slot load and no tag guard: n is loaded once before the loop,
        // i and s come round in phis whose types are known.
        assert!(!body.iter().any(|i| matches!(i.op, Op::SLoadTag | Op::SLoadInt | Op::GuardTag)), "{opt}");
        assert_eq!(body.iter().filter(|i| i.op == Op::Phi).count(), 2, "{opt}");
        // The pending check stays in the body, the compare and the adds too.
        for op in [Op::Pending, Op::Lt, Op::GuardTrue] {
            assert_eq!(body.iter().filter(|i| i.op == op).count(), 1, "{op:?} in {opt}");
        }
        // Every body exit writes back the slots the loop changes.
        for ins in body.iter().filter(|i| i.exit.is_some()) {
            let snap = &opt.snaps[ins.exit.unwrap().0.index()];
            assert!(snap.entries.iter().any(|e| e.0 == Slot(0)), "{opt}");
        }
    }

    /// One recorded iteration of `while i < n: s += i * K` where s (#2) entered as a big
    /// int object and K * i overflows i64: s is unboxed by `wunbox` and ends wide.
    fn wide_accumulator_iteration(extra_use: bool) -> (Trace, Vec<(Slot, IrRef)>) {
        let mut b = TraceBuilder::new(3);
        let s0 = b.push_snapshot(crate::ir::Snapshot { pc: 10, entries: vec![], frames: vec![], sp: 3, ins_pc: 10 });
        b.guard(Op::Pending, Arg::None, Arg::None, s0);
        let load = |b: &mut TraceBuilder, slot: u32, t: u64, op: Op| {
            let tg = b.sload(Op::SLoadTag, slot);
            b.guard(Op::GuardTag, Arg::Ref(tg), Arg::Imm(t as i64), s0);
            b.sload(op, slot)
        };
        let i = load(&mut b, 0, tag::INT, Op::SLoadInt);
        let n = load(&mut b, 1, tag::INT, Op::SLoadInt);
        let lt = b.bin(Op::Lt, i, n);
        b.guard_ref(Op::GuardTrue, lt, None, s0);
        let s = load(&mut b, 2, tag::OBJ, Op::SLoadObj);
        if extra_use {
            b.call(crate::ir::Helper::ObjKind, &[s]);
        }
        let k = b.kint(1 << 40);
        let p = b.bin(Op::WMul, i, k);
        let sw = b.guard_ref(Op::WUnbox, s, None, s0);
        let s2 = b.guard_ref(Op::WAddOv, sw, Some(p), s0);
        let one = b.kint(1);
        let i2 = b.guard_ref(Op::AddOv, i, Some(one), s0);
        (b.finish(), vec![(Slot(0), i2), (Slot(2), s2)])
    }

    #[test]
    fn wide_accumulator_is_carried_round_the_loop_as_i128() {
        let (rec, end) = wide_accumulator_iteration(false);
        assert!(peel::widened_slot(&rec, &end, 2));
        let peeled = peel(&rec, &end).unwrap();
        verify(&peeled).unwrap();
        let opt = optimize(peeled);
        verify(&opt).unwrap();
        let body = &opt.ins[opt.loop_ref().unwrap().index()..];
        // s comes round in an i128 phi: the body neither loads nor unboxes it.
        assert!(body.iter().any(|i| i.op == Op::Phi && i.ty == crate::ir::Type::I128), "{opt}");
        assert!(!body.iter().any(|i| matches!(i.op, Op::SLoadObj | Op::WUnbox | Op::GuardTag)), "{opt}");
        assert_eq!(body.iter().filter(|i| i.op == Op::WAddOv).count(), 1, "{opt}");
        // Its exits write the wide value back (the backend makes it a Python int).
        let last = body.iter().rev().find(|i| i.exit.is_some()).unwrap();
        let snap = &opt.snaps[last.exit.unwrap().0.index()];
        assert!(snap.entries.iter().any(|&(sl, r)| sl == Slot(2) && opt.get(r).ty == crate::ir::Type::I128));

        // Used as an object too: not carried wide (the recorder materializes it instead).
        let (rec, end) = wide_accumulator_iteration(true);
        assert!(!peel::widened_slot(&rec, &end, 2));
        assert!(peel(&rec, &end).unwrap_err().contains("type-unstable"));
        // Or kept in another slot (`t = s` before `s += ...`): not carried wide either.
        let (rec, mut end) = wide_accumulator_iteration(false);
        let load = rec.ins.iter().position(|i| i.op == Op::SLoadObj).unwrap();
        end.push((Slot(1), IrRef(load as u32)));
        assert!(!peel::widened_slot(&rec, &end, 2));
    }

    #[test]
    fn type_unstable_loop_is_refused() {
        let (mut rec, _) = recorded_iteration();
        let f = rec.ins.len();
        rec.ins.push(crate::ir::Ins {
            op: Op::KFloat,
            ty: crate::ir::Type::F64,
            a: Arg::Imm(0),
            b: Arg::None,
            exit: None,
        });
        let err = peel(&rec, &[(Slot(0), IrRef(f as u32))]).unwrap_err();
        assert!(err.contains("type-unstable"), "{err}");
    }

    #[test]
    fn fold_and_dce_remove_constant_work() {
        let mut b = TraceBuilder::new(1);
        let s = b.snapshot(0, &[]);
        let two = b.kint(2);
        let three = b.kint(3);
        let five = b.guard_ref(Op::AddOv, two, Some(three), s);
        let lt = b.bin(Op::Lt, two, three);
        b.guard_ref(Op::GuardTrue, lt, None, s);
        let (x, y) = (b.kfloat(1.5), b.kfloat(2.5));
        b.bin(Op::FAdd, x, y);
        let done = b.snapshot(1, &[(0, five)]);
        b.guard(Op::Exit, Arg::None, Arg::None, done);
        let opt = optimize(b.finish());
        verify(&opt).unwrap();
        // Only the constant 5 and the exit remain.
        assert_eq!(opt.ins.len(), 2, "{opt}");
        assert_eq!(opt.ins[0].a, Arg::Imm(5), "{opt}");
        assert_eq!(opt.n_guards(), 1, "{opt}");
    }
}
