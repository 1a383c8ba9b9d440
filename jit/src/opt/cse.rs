//! Common-subexpression elimination: an instruction identical to an earlier one (same op
//! and operands) that dominates it is replaced by it. Pure ops and pure helper calls merge
//! freely; a guard identical to an earlier guard is redundant and dropped; a helper read
//! merges with an earlier identical read unless a helper write to the same kind of heap
//! state (see `helper_heap`) may come between — in the loop body that includes writes
//! anywhere in the body, since they run before the next iteration's read.

use rustc_hash::FxHashMap;

use super::{helper_heap, Action, Rewriter};
use crate::ir::{Arg, Effect, Helper, IrRef, Op, Trace};

type Key = (Op, Arg, Arg, Vec<Arg>);

fn args_key(t: &Trace, a: Arg) -> Vec<Arg> {
    t.call_args(a).into_iter().map(Arg::Ref).collect()
}

/// Remove redundant instructions from `trace`.
pub fn cse(trace: &Trace) -> Trace {
    let loop_pos = trace.loop_ref().map_or(usize::MAX, IrRef::index);
    // Heap kinds written anywhere in the loop body.
    let body_writes: u32 = trace.ins[loop_pos.min(trace.ins.len())..]
        .iter()
        .filter_map(|i| match (i.op, i.b) {
            (Op::CallHelper, Arg::Helper(h)) => Some(helper_heap(h).1),
            _ => None,
        })
        .fold(0, |a, b| a | b);
    // key -> (new ref, position in old trace, heap kinds it reads)
    let mut seen: FxHashMap<Key, (IrRef, usize, u32)> = FxHashMap::default();
    // For each heap kind (a bit of `helper_heap`), the last position that wrote it.
    let mut last_write = [0usize; 32];
    Rewriter::new(trace).run(|rw, r, ins| {
        let pos = r.index();
        let (a, b) = (rw.arg(ins.a), rw.arg(ins.b));
        let (reads, write) = match (ins.op, ins.b) {
            (Op::CallHelper, Arg::Helper(h)) => helper_heap(h),
            _ => (0, 0),
        };
        let mergeable = match ins.op.effect() {
            Effect::Pure => true,
            Effect::Guard => ins.op != Op::Exit && ins.op != Op::Pending,
            Effect::Load => true,
            Effect::Call => match ins.b {
                Arg::Helper(h) => matches!(h.effect(), Effect::Pure | Effect::Load) && !matches!(h, Helper::CallNative),
                _ => false,
            },
            Effect::Store | Effect::Marker => false,
        };
        for (bit, last) in last_write.iter_mut().enumerate() {
            if write & (1 << bit) != 0 {
                *last = pos;
            }
        }
        if !mergeable || ins.op == Op::CArg {
            return Action::Keep;
        }
        // A call is keyed by its argument values, not by its `carg` chain (each call has
        // its own chain, so identical calls with several arguments would never match).
        let (a_key, args) = if ins.op == Op::CallHelper { (Arg::None, args_key(&rw.new, a)) } else { (a, vec![]) };
        let key: Key = (ins.op, a_key, b, args);
        if let Some(&(prev, at, reads_prev)) = seen.get(&key) {
            let clobbered = reads_prev != 0
                && ((0..32).any(|bit| reads_prev & (1 << bit) != 0 && last_write[bit] > at)
                    || (at < loop_pos && pos > loop_pos && body_writes & reads_prev != 0));
            if !clobbered {
                return if ins.ty == crate::ir::Type::Nil { Action::Drop } else { Action::Replace(prev) };
            }
        }
        // Keep it and remember it (guards and calls are remembered by their new ref).
        let mut n = ins.clone();
        n.a = a;
        if ins.op != Op::Phi {
            n.b = rw.arg(ins.b);
        }
        let snap = ins.exit.map(|(s, _)| s);
        let new = rw.push(n, snap);
        seen.insert(key, (new, pos, reads));
        Action::Replace(new)
    })
}
