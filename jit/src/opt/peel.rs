//! Loop peeling (LuaJIT's lj_opt_loop): the recorded iteration becomes the preamble and
//! a copy of it the loop body. In the copy, a load of a slot the iteration wrote becomes
//! a phi of the value at the end of the previous iteration (its type is then known, so
//! its tag guard folds away); a load of a slot the iteration never writes becomes the
//! preamble's load (invariant). The copy's other instructions repeat the preamble's with
//! remapped operands; `cse` then removes those that are identical to the preamble's
//! (invariant computations and guards), which hoists them out of the loop.
//!
//! A slot loaded as a big int object and used only as a wide int (`wunbox`) that ends the
//! iteration holding a wide int (an accumulator past i64) is carried round the loop as an
//! i128: in the copy its load is the phi and its `wunbox` the phi itself (`widened_slot`).

use rustc_hash::FxHashMap;

use crate::ir::{Arg, Ins, IrRef, Op, Slot, Snapshot, Trace, Type};

/// Whether `slot`'s load in the recorded iteration `rec` (end state `end`) is an
/// `sload_obj` used only by `wunbox` (and snapshots; no other slot ends holding it): the
/// loop may then carry the slot as a wide int.
pub fn widened_slot(rec: &Trace, end: &[(Slot, IrRef)], slot: u32) -> bool {
    let at = Arg::Slot(Slot(slot));
    let mut loads = rec.ins.iter().enumerate().filter(|(_, i)| i.a == at && i.op != Op::SLoadTag && i.op != Op::SStore);
    let (Some((load, ins)), None) = (loads.next(), loads.next()) else { return false };
    if ins.op != Op::SLoadObj {
        return false;
    }
    if end.iter().any(|&(_, r)| r.index() == load) {
        return false;
    }
    let load = Arg::Ref(IrRef(load as u32));
    rec.ins.iter().all(|i| (i.a != load && i.b != load) || (i.op == Op::WUnbox && i.a == load))
}

/// Peel the recorded iteration `rec` (no `loop` yet), whose end state is `end` (slot ->
/// value at the back-edge). Fails on a type-unstable loop (a slot whose type at the end
/// differs from the type it was loaded with).
pub fn peel(rec: &Trace, end: &[(Slot, IrRef)]) -> Result<Trace, String> {
    // Types of the loads, to check the end state matches them.
    let mut loaded: FxHashMap<u32, Type> = FxHashMap::default();
    for ins in &rec.ins {
        if let (Op::SLoadInt | Op::SLoadFloat | Op::SLoadBool | Op::SLoadObj, Arg::Slot(s)) = (ins.op, ins.a) {
            loaded.insert(s.0, ins.ty);
        }
    }
    let end_ty = |r: IrRef| rec.get(r).ty;
    for &(s, r) in end {
        if let Some(&t) = loaded.get(&s.0) {
            let widened = t == Type::Obj && end_ty(r) == Type::I128 && widened_slot(rec, end, s.0);
            if t != end_ty(r) && !widened {
                return Err(format!("type-unstable loop (slot {} is {} then {})", s.0, t, end_ty(r)));
            }
        }
        if end_ty(r) == Type::Value && rec.get(r).op != Op::KVal {
            return Err(format!("slot {} ends the iteration holding an unexamined value", s.0));
        }
    }

    let mut t = Trace { n_slots: rec.n_slots, consts: rec.consts.clone(), ..Trace::default() };
    // Preamble: the recorded instructions as they are.
    t.ins = rec.ins.clone();
    t.snaps = rec.snaps.clone();
    t.exits = rec.exits.clone();

    t.ins.push(Ins { op: Op::Loop, ty: Type::Nil, a: Arg::None, b: Arg::None, exit: None });
    // One phi per slot the iteration writes: its value at the end of the previous one.
    let mut phi_of: FxHashMap<u32, IrRef> = FxHashMap::default();
    let mut phis = vec![];
    for &(s, r) in end {
        let p = IrRef(t.ins.len() as u32);
        t.ins.push(Ins { op: Op::Phi, ty: end_ty(r), a: Arg::Ref(r), b: Arg::None, exit: None });
        phi_of.insert(s.0, p);
        phis.push((p, r));
    }

    // The body: a copy with loads of written slots replaced by phis.
    let mut map: Vec<IrRef> = Vec::with_capacity(rec.ins.len());
    let mut snap_map: FxHashMap<u32, u32> = FxHashMap::default();
    for (i, ins) in rec.ins.iter().enumerate() {
        let slot = match ins.a {
            Arg::Slot(s) => Some(s.0),
            _ => None,
        };
        let phi = slot.and_then(|s| phi_of.get(&s).copied());
        let new = match ins.op {
            // Constants and the context are the same everywhere: reuse the preamble's.
            Op::KInt | Op::KFloat | Op::KBool | Op::KObj | Op::KVal | Op::Ctx => IrRef(i as u32),
            Op::SLoadTag => match phi {
                Some(p) => {
                    let entry = t.get(p).a.as_ref().expect("phi entry");
                    let tag = match (t.get(p).ty.slot_tag(), t.get(entry).a) {
                        (Some(x), _) => x as i64,
                        // A widened slot: the preamble's guard said big int object.
                        (None, _) if t.get(p).ty == Type::I128 => krait_runtime::value::tag::OBJ as i64,
                        (None, Arg::Imm(k)) if t.get(entry).op == Op::KVal => t.consts[k as usize].0 as i64,
                        _ => -1,
                    };
                    let r = IrRef(t.ins.len() as u32);
                    t.ins.push(Ins { op: Op::KInt, ty: Type::I64, a: Arg::Imm(tag), b: Arg::None, exit: None });
                    r
                }
                None => IrRef(i as u32),
            },
            Op::SLoadInt | Op::SLoadFloat | Op::SLoadBool | Op::SLoadObj | Op::SLoadVal => {
                phi.unwrap_or(IrRef(i as u32))
            }
            _ => {
                let remap = |a: Arg| match a {
                    Arg::Ref(r) => Arg::Ref(map[r.index()]),
                    other => other,
                };
                if let (Op::WUnbox, Arg::Ref(x)) = (ins.op, remap(ins.a)) {
                    if t.get(x).ty == Type::I128 {
                        // A widened slot's phi: already the wide int.
                        map.push(x);
                        continue;
                    }
                }
                let mut n = Ins { a: remap(ins.a), b: remap(ins.b), exit: None, ..ins.clone() };
                if let Some((s, _)) = ins.exit {
                    let ns = match snap_map.get(&s.0) {
                        Some(&ns) => ns,
                        None => {
                            let old = &rec.snaps[s.index()];
                            let mut entries: FxHashMap<u32, IrRef> = FxHashMap::default();
                            for (&slot, &p) in &phi_of {
                                if slot < old.sp {
                                    entries.insert(slot, p);
                                }
                            }
                            for &(sl, r) in &old.entries {
                                entries.insert(sl.0, map[r.index()]);
                            }
                            let mut entries: Vec<(Slot, IrRef)> =
                                entries.into_iter().map(|(s, r)| (Slot(s), r)).collect();
                            entries.sort_by_key(|e| e.0);
                            t.snaps.push(Snapshot { entries, ..old.clone() });
                            let ns = t.snaps.len() as u32 - 1;
                            snap_map.insert(s.0, ns);
                            ns
                        }
                    };
                    let e = crate::ir::ExitNo(t.exits.len() as u32);
                    n.exit = Some((crate::ir::SnapNo(ns), e));
                    t.exits.push(IrRef(t.ins.len() as u32));
                }
                let r = IrRef(t.ins.len() as u32);
                t.ins.push(n);
                r
            }
        };
        map.push(new);
    }
    for (p, r) in phis {
        t.ins[p.index()].b = Arg::Ref(map[r.index()]);
    }
    // The pending check (GC wanted, Ctrl-C) at the top of the loop body is added by the
    // caller with the header snapshot, before peeling (it is the first guard).
    Ok(t)
}
