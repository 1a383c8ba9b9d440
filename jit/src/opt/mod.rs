//! The optimizer: passes over a recorded trace, one file each, run in `optimize`'s order.
//!
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
mod fold;
mod peel;

pub use peel::peel;

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
        let snap = Snapshot { entries: old.entries.iter().map(|&(sl, r)| (sl, self.map[r.index()])).collect(), ..old.clone() };
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
    pub fn run(mut self, mut decide: impl FnMut(&mut Rewriter<'a>, IrRef, &Ins) -> Action) -> Trace {
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
                    let snap = ins.exit.map(|(s, _)| s);
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
        self.new
    }
}

/// Which helper-visible heap state a call reads and writes (bit sets), for `cse`.
pub(crate) mod heap {
    pub const LIST: u32 = 1;
    pub const DICT: u32 = 2;
    pub const INST_SLOTS: u32 = 4;
    pub const INST_SHAPE: u32 = 8;
    pub const ITER: u32 = 16;
    pub const EPOCH: u32 = 32;
    pub const ALL: u32 = 0xff;
}

/// (reads, writes) of a helper call.
pub(crate) fn helper_heap(h: crate::ir::Helper) -> (u32, u32) {
    use crate::ir::Helper::*;
    use heap::*;
    match h {
        ListGet => (LIST, 0),
        ListSet | ListAppend => (0, LIST),
        Len | Truthy => (LIST | DICT, 0),
        GetItem => (LIST | DICT, 0),
        SetItem => (0, LIST | DICT),
        DictVersion | DictValueAt => (DICT, 0),
        ClassEpoch => (EPOCH, 0),
        InstCheck => (INST_SHAPE, 0),
        InstGet => (INST_SLOTS, 0),
        InstSet => (0, INST_SLOTS),
        InstAdd => (0, INST_SLOTS | INST_SHAPE),
        IterNext => (ITER, ITER),
        NoError => (ITER, 0),
        CallNative => (ALL, ALL),
        _ => (0, 0),
    }
}

/// The full pipeline after recording: peel (when the trace loops), then fold, CSE and
/// DCE. Returns the optimized trace.
pub fn optimize(trace: Trace) -> Trace {
    let t = fold::fold(&trace);
    let t = cse::cse(&t);
    dce::dce(&t)
}
