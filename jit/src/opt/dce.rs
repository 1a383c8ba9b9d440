//! Dead-code elimination: pure ops, constants and slot loads whose value no instruction,
//! snapshot or phi uses are dropped (guards, stores and calls with effects stay).

use super::{Action, Rewriter};
use crate::ir::{Arg, Effect, Helper, Op, Trace};

/// Drop unused pure instructions from `trace`.
pub fn dce(trace: &Trace) -> Trace {
    let n = trace.ins.len();
    let mut used = vec![false; n];
    // Walk backwards: an instruction is live if it has an effect or a live user.
    // A `carg` link lives only as part of a live call's argument list.
    let live_root = |i: &crate::ir::Ins| match i.op.effect() {
        Effect::Marker => i.op != Op::CArg,
        Effect::Guard | Effect::Store => true,
        Effect::Call => {
            !matches!(i.b, Arg::Helper(h) if matches!(h.effect(), Effect::Pure | Effect::Load) && h != Helper::CallNative)
        }
        Effect::Pure | Effect::Load => false,
    };
    for s in &trace.snaps {
        for &(_, r) in &s.entries {
            used[r.index()] = true;
        }
    }
    // Phi back-edges point forward: iterate to a fixed point.
    loop {
        let mut changed = false;
        for i in (0..n).rev() {
            let ins = &trace.ins[i];
            if !(used[i] || live_root(ins)) {
                continue;
            }
            if ins.op == Op::Phi && !used[i] {
                continue;
            }
            for a in [ins.a, ins.b] {
                if let Arg::Ref(r) = a {
                    if !used[r.index()] {
                        used[r.index()] = true;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    Rewriter::new(trace).run(|_, r, ins| {
        if used[r.index()] || live_root(ins) && ins.op != Op::Phi || ins.op == Op::Loop {
            Action::Keep
        } else {
            Action::Drop
        }
    })
}
