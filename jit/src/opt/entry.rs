//! Entry guard hoisting: a loop trace reads each slot's entry value lazily, where the
//! iteration first uses it, and guards its type there, mid-iteration (after the iterator
//! advanced, say). The value read is the slot's value at the loop header whatever the
//! position (the trace writes slots only at exits), so the type guards can all move to
//! the start, right after the pending check, leaving to the header snapshot: a trace
//! that does not fit the slot types leaves before doing anything, at the loop header,
//! where another trace of the same loop may take over.

use rustc_hash::FxHashMap;

use super::{Action, Rewriter};
use crate::ir::{Arg, IrRef, Op, SnapNo, Trace};

/// Move `trace`'s slot type guards (`guard_tag` of an `sload_tag`) to its start, with
/// snapshot `header` (the loop header, nothing written). Returns the new trace and the
/// old ref -> new ref map.
pub fn hoist_entry_guards(trace: &Trace, header: SnapNo) -> (Trace, Vec<IrRef>) {
    let hoisted: Vec<(IrRef, IrRef)> = trace
        .ins
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let load = g.a.as_ref()?;
            (g.op == Op::GuardTag && trace.get(load).op == Op::SLoadTag && matches!(g.b, Arg::Imm(_)))
                .then_some((load, IrRef(i as u32)))
        })
        .collect();
    // The first instruction after the pending check (if the trace starts with one).
    let at = usize::from(trace.ins.first().is_some_and(|i| i.op == Op::Pending));
    let mut moved: FxHashMap<IrRef, IrRef> = FxHashMap::default();
    Rewriter::new(trace).run_mapped(|rw, r, ins| {
        if r.index() == at {
            for &(load, guard) in &hoisted {
                let l = *moved.entry(load).or_insert_with(|| rw.push(trace.get(load).clone(), None));
                let mut g = trace.get(guard).clone();
                g.a = Arg::Ref(l);
                rw.push(g, Some(header));
                moved.insert(guard, IrRef(u32::MAX));
            }
        }
        match moved.get(&r) {
            Some(&new) if new.0 == u32::MAX => Action::Drop,
            Some(&new) => Action::Replace(new),
            None => {
                let _ = ins;
                Action::Keep
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{verify, Slot, TraceBuilder};
    use krait_runtime::value::tag;

    #[test]
    fn slot_type_guards_move_to_the_start_with_the_header_snapshot() {
        let mut b = TraceBuilder::new(2);
        let header = b.snapshot(0, &[]);
        b.guard(Op::Pending, Arg::None, Arg::None, header);
        let one = b.kint(1);
        // An effect first (as an iterator step would be), then the lazy slot read.
        let t0 = b.ins(Op::SLoadTag, Arg::Slot(Slot(0)), Arg::None);
        let later = b.snapshot(3, &[(0, one)]);
        b.guard(Op::GuardTag, Arg::Ref(t0), Arg::Imm(tag::INT as i64), later);
        let x = b.ins(Op::SLoadInt, Arg::Slot(Slot(0)), Arg::None);
        let y = b.bin(Op::BXor, x, one);
        let s = b.snapshot(4, &[(0, y)]);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        let trace = b.finish();
        let (t, map) = hoist_entry_guards(&trace, header);
        verify(&t).unwrap();
        assert_eq!(t.ins[1].op, Op::SLoadTag);
        assert_eq!(t.ins[2].op, Op::GuardTag);
        let (snap, _) = t.ins[2].exit.unwrap();
        assert_eq!(t.snaps[snap.index()].pc, 0);
        assert!(t.snaps[snap.index()].entries.is_empty());
        assert_eq!(t.ins.len(), trace.ins.len());
        assert_eq!(t.get(map[y.index()]).op, Op::BXor);
    }
}
