//! Constant folding and algebraic simplification: ops on constants become constants
//! (int arithmetic only when it does not overflow: the guard stays otherwise; wide i128
//! arithmetic never), `x + 0`, `x * 1`, `not not x` and a widened i64 narrowed back
//! simplify, and guards whose condition is a known constant vanish when they hold.

use super::{Action, Rewriter};
use crate::ir::{Arg, Ins, Op, Trace, Type};

enum K {
    Int(i64),
    Float(f64),
    Bool(bool),
}

fn konst(t: &Trace, a: Arg) -> Option<K> {
    let r = a.as_ref()?;
    let ins = t.ins.get(r.index())?;
    match (ins.op, ins.a) {
        (Op::KInt, Arg::Imm(v)) => Some(K::Int(v)),
        (Op::KFloat, Arg::Imm(v)) => Some(K::Float(f64::from_bits(v as u64))),
        (Op::KBool, Arg::Imm(v)) => Some(K::Bool(v != 0)),
        _ => None,
    }
}

fn kins(op: Op, ty: Type, v: i64) -> Ins {
    Ins { op, ty, a: Arg::Imm(v), b: Arg::None, exit: None }
}

/// Fold constants through `trace`.
pub fn fold(trace: &Trace) -> Trace {
    Rewriter::new(trace).run(|rw, _r, ins| {
        if ins.op == Op::Phi {
            return Action::Keep;
        }
        let (a, b) = (rw.arg(ins.a), rw.arg(ins.b));
        let ka = konst(&rw.new, a);
        let kb = konst(&rw.new, b);
        let int = |v: i64| Action::Emit(kins(Op::KInt, Type::I64, v));
        let boolean = |v: bool| Action::Emit(kins(Op::KBool, Type::Bool, v as i64));
        let float = |v: f64| Action::Emit(kins(Op::KFloat, Type::F64, v.to_bits() as i64));
        match (ins.op, ka, kb) {
            (Op::AddOv, Some(K::Int(x)), Some(K::Int(y))) if x.checked_add(y).is_some() => int(x + y),
            (Op::SubOv, Some(K::Int(x)), Some(K::Int(y))) if x.checked_sub(y).is_some() => int(x - y),
            (Op::MulOv, Some(K::Int(x)), Some(K::Int(y))) if x.checked_mul(y).is_some() => int(x * y),
            (Op::AddOv | Op::SubOv, _, Some(K::Int(0))) => Action::Replace(a.as_ref().expect("ref")),
            (Op::MulOv, _, Some(K::Int(1))) => Action::Replace(a.as_ref().expect("ref")),
            (Op::BAnd, Some(K::Int(x)), Some(K::Int(y))) => int(x & y),
            (Op::BOr, Some(K::Int(x)), Some(K::Int(y))) => int(x | y),
            (Op::BXor, Some(K::Int(x)), Some(K::Int(y))) => int(x ^ y),
            (Op::Lt, Some(K::Int(x)), Some(K::Int(y))) => boolean(x < y),
            (Op::Le, Some(K::Int(x)), Some(K::Int(y))) => boolean(x <= y),
            (Op::Gt, Some(K::Int(x)), Some(K::Int(y))) => boolean(x > y),
            (Op::Ge, Some(K::Int(x)), Some(K::Int(y))) => boolean(x >= y),
            (Op::Eq, Some(K::Int(x)), Some(K::Int(y))) => boolean(x == y),
            (Op::Ne, Some(K::Int(x)), Some(K::Int(y))) => boolean(x != y),
            (Op::FAdd, Some(K::Float(x)), Some(K::Float(y))) => float(x + y),
            (Op::FSub, Some(K::Float(x)), Some(K::Float(y))) => float(x - y),
            (Op::FMul, Some(K::Float(x)), Some(K::Float(y))) => float(x * y),
            (Op::IToF, Some(K::Int(x)), _) => float(x as f64),
            (Op::BToI, Some(K::Bool(x)), _) => int(x as i64),
            (Op::Not, Some(K::Bool(x)), _) => boolean(!x),
            (Op::Not, _, _) => {
                // not (not x) == x
                let inner = rw.new.get(a.as_ref().expect("ref"));
                if inner.op == Op::Not {
                    Action::Replace(inner.a.as_ref().expect("ref"))
                } else {
                    Action::Keep
                }
            }
            // A widened i64 fits i64 and narrows back to itself (no wide constant is
            // folded: i128 arithmetic stays for the backend, which cannot wrap).
            (Op::WFits, _, _) if rw.new.get(a.as_ref().expect("ref")).op == Op::Widen => boolean(true),
            (Op::WNarrow, _, _) if rw.new.get(a.as_ref().expect("ref")).op == Op::Widen => {
                Action::Replace(rw.new.get(a.as_ref().expect("ref")).a.as_ref().expect("ref"))
            }
            (Op::GuardTag, Some(K::Int(x)), _) if Arg::Imm(x) == ins.b => Action::Drop,
            (Op::GuardTrue, Some(K::Bool(true)), _) | (Op::GuardFalse, Some(K::Bool(false)), _) => Action::Drop,
            (Op::GuardEq, Some(K::Int(x)), Some(K::Int(y))) if x == y => Action::Drop,
            (Op::GuardEq, _, _) if a == b => Action::Drop,
            _ => Action::Keep,
        }
    })
}
