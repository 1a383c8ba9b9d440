//! The `_operator` module: native versions of the operator functions (the
//! arithmetic, comparison, item and truth operators, in-place operators) and of
//! `itemgetter`, `attrgetter` and `methodcaller`. `py/operator.py` (CPython's pure
//! Python operator module) imports everything from here, as CPython's does.
//!
//! The getter objects are instances of built-in classes whose payload is a cell
//! holding their arguments as a tuple (a cell, so the instances do not act like the
//! tuple in `len`, `+` or `hash`).

use crate::builtins::args::*;
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

type Kw<'a> = &'a [(ObjRef, Value)];

macro_rules! binop {
    ($vm:ident, $m:ident, $name:literal, $op:expr) => {
        $vm.module_add_fn($m, $name, |vm, a, k| {
            no_kw(vm, $name, k)?;
            check_args(vm, $name, a, 2, 2)?;
            vm.binary_op(a[0], a[1], $op)
        });
    };
}

macro_rules! cmpop {
    ($vm:ident, $m:ident, $name:literal, $op:expr) => {
        $vm.module_add_fn($m, $name, |vm, a, k| {
            no_kw(vm, $name, k)?;
            check_args(vm, $name, a, 2, 2)?;
            vm.compare(a[0], a[1], $op)
        });
    };
}

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_operator");
    binop!(vm, m, "add", BinOp::Add);
    binop!(vm, m, "sub", BinOp::Sub);
    binop!(vm, m, "mul", BinOp::Mul);
    binop!(vm, m, "truediv", BinOp::TrueDiv);
    binop!(vm, m, "floordiv", BinOp::FloorDiv);
    binop!(vm, m, "mod", BinOp::Mod);
    binop!(vm, m, "pow", BinOp::Pow);
    binop!(vm, m, "lshift", BinOp::LShift);
    binop!(vm, m, "rshift", BinOp::RShift);
    binop!(vm, m, "and_", BinOp::And);
    binop!(vm, m, "or_", BinOp::Or);
    binop!(vm, m, "xor", BinOp::Xor);
    binop!(vm, m, "matmul", BinOp::MatMul);
    binop!(vm, m, "iadd", BinOp::InplaceAdd);
    binop!(vm, m, "isub", BinOp::InplaceSub);
    binop!(vm, m, "imul", BinOp::InplaceMul);
    binop!(vm, m, "itruediv", BinOp::InplaceTrueDiv);
    binop!(vm, m, "ifloordiv", BinOp::InplaceFloorDiv);
    binop!(vm, m, "imod", BinOp::InplaceMod);
    binop!(vm, m, "ipow", BinOp::InplacePow);
    binop!(vm, m, "ilshift", BinOp::InplaceLShift);
    binop!(vm, m, "irshift", BinOp::InplaceRShift);
    binop!(vm, m, "iand", BinOp::InplaceAnd);
    binop!(vm, m, "ior", BinOp::InplaceOr);
    binop!(vm, m, "ixor", BinOp::InplaceXor);
    binop!(vm, m, "imatmul", BinOp::InplaceMatMul);
    cmpop!(vm, m, "lt", CmpOp::Lt);
    cmpop!(vm, m, "le", CmpOp::Le);
    cmpop!(vm, m, "eq", CmpOp::Eq);
    cmpop!(vm, m, "ne", CmpOp::Ne);
    cmpop!(vm, m, "gt", CmpOp::Gt);
    cmpop!(vm, m, "ge", CmpOp::Ge);
    vm.module_add_fn(m, "neg", |vm, a, k| {
        unary(vm, "neg", a, k)?;
        vm.neg(a[0])
    });
    vm.module_add_fn(m, "pos", |vm, a, k| {
        unary(vm, "pos", a, k)?;
        vm.pos(a[0])
    });
    vm.module_add_fn(m, "invert", |vm, a, k| {
        unary(vm, "invert", a, k)?;
        vm.invert(a[0])
    });
    vm.module_add_fn(m, "inv", |vm, a, k| {
        unary(vm, "inv", a, k)?;
        vm.invert(a[0])
    });
    vm.module_add_fn(m, "not_", |vm, a, k| {
        unary(vm, "not_", a, k)?;
        Ok(Value::Bool(!vm.truthy(a[0])?))
    });
    vm.module_add_fn(m, "truth", |vm, a, k| {
        unary(vm, "truth", a, k)?;
        Ok(Value::Bool(vm.truthy(a[0])?))
    });
    vm.module_add_fn(m, "is_", |vm, a, k| {
        no_kw(vm, "is_", k)?;
        check_args(vm, "is_", a, 2, 2)?;
        Ok(Value::Bool(a[0].is(&a[1])))
    });
    vm.module_add_fn(m, "is_not", |vm, a, k| {
        no_kw(vm, "is_not", k)?;
        check_args(vm, "is_not", a, 2, 2)?;
        Ok(Value::Bool(!a[0].is(&a[1])))
    });
    vm.module_add_fn(m, "index", |vm, a, k| {
        unary(vm, "index", a, k)?;
        match a[0] {
            Value::Int(_) | Value::Bool(_) => Ok(a[0]),
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => Ok(a[0]),
            v => {
                let b = crate::builtins::num::index_big(vm, v)?;
                Ok(vm.new_int(b))
            }
        }
    });
    vm.module_add_fn(m, "getitem", |vm, a, k| {
        no_kw(vm, "getitem", k)?;
        check_args(vm, "getitem", a, 2, 2)?;
        vm.getitem(a[0], a[1])
    });
    vm.module_add_fn(m, "setitem", |vm, a, k| {
        no_kw(vm, "setitem", k)?;
        check_args(vm, "setitem", a, 3, 3)?;
        vm.setitem(a[0], a[1], a[2])?;
        Ok(Value::None)
    });
    vm.module_add_fn(m, "delitem", |vm, a, k| {
        no_kw(vm, "delitem", k)?;
        check_args(vm, "delitem", a, 2, 2)?;
        vm.delitem(a[0], a[1])?;
        Ok(Value::None)
    });
    vm.module_add_fn(m, "contains", |vm, a, k| {
        no_kw(vm, "contains", k)?;
        check_args(vm, "contains", a, 2, 2)?;
        Ok(Value::Bool(vm.contains(a[0], a[1])?))
    });

    let ig = getter_class(vm, "itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr);
    vm.module_set(m, "itemgetter", Value::Obj(ig));
    let ag = getter_class(vm, "attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr);
    vm.module_set(m, "attrgetter", Value::Obj(ag));
    let mc = getter_class(vm, "methodcaller", methodcaller_new, methodcaller_call, methodcaller_repr);
    vm.module_set(m, "methodcaller", Value::Obj(mc));
    Ok(m)
}

fn unary(vm: &mut Vm, name: &str, a: &[Value], k: Kw) -> PyResult<()> {
    no_kw(vm, name, k)?;
    check_args(vm, name, a, 1, 1)
}

fn getter_class(vm: &mut Vm, name: &str, new: NativeFn, call: NativeFn, repr: NativeFn) -> ObjRef {
    let object = vm.types.object;
    let cls = vm.new_class_raw(name, vec![object], BaseKind::Builtin, true);
    *cls.as_class().unwrap().module.borrow_mut() = "operator".into();
    crate::builtins::core::set_construct(vm, cls, new);
    vm.add_method(cls, "__call__", call);
    vm.add_method(cls, "__repr__", repr);
    cls
}

/// A getter instance of `cls` whose payload is a cell holding `data`.
fn new_getter(vm: &mut Vm, cls: Value, data: Value) -> Value {
    let cell = Value::Obj(vm.alloc(Kind::Cell(Cell::new(data))));
    let cls = cls.as_obj().unwrap_or(vm.types.object);
    let shape = vm.shapes.root();
    Value::Obj(vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(Vec::new()),
        payload: Payload::Builtin(Cell::new(cell)),
    })))
}

/// The data tuple of a getter (through subclass instances' payloads).
fn getter_data<'a>(vm: &mut Vm, args: &[Value], what: &str) -> PyResult<&'a [Value]> {
    let v = super::params::self_arg(vm, args, what, "__call__")?;
    let mut cur = v;
    for _ in 0..4 {
        let inner = crate::ops::unwrap_builtin(cur);
        if let Some(Kind::Cell(c)) = inner.as_obj().map(|o| o.kind()) {
            if let Some(t) = c.get().as_obj().and_then(|o| o.as_tuple()) {
                return Ok(t);
            }
        }
        if inner.is(&cur) {
            break;
        }
        cur = inner;
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor '__call__' requires a 'operator.{}' object but received a '{}'", what, tn)))
}

fn getter_repr_of(vm: &mut Vm, this: Value, parts: Vec<String>) -> PyResult<Value> {
    let cls = vm.type_of(this);
    let name = cls.as_class().map(|c| c.name.borrow().clone()).unwrap_or_default();
    Ok(vm.new_str(format!("operator.{}({})", name, parts.join(", "))))
}

// -- itemgetter ----------------------------------------------------------------------------

fn itemgetter_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "itemgetter", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let t = vm.new_tuple(args[1..].to_vec());
    Ok(new_getter(vm, args[0], t))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "itemgetter", kw)?;
    let items = getter_data(vm, args, "itemgetter")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("itemgetter expected 1 argument, got {}", args.len() - 1)));
    }
    let obj = args[1];
    if items.len() == 1 {
        return vm.getitem(obj, items[0]);
    }
    let mark = vm.roots.len();
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match vm.getitem(obj, *it) {
            Ok(v) => {
                vm.roots.push(v);
                out.push(v);
            }
            Err(e) => {
                vm.roots.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.roots.truncate(mark);
    Ok(vm.new_tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let items = getter_data(vm, args, "itemgetter")?;
    vm.enter_native(" while getting the repr of an object")?;
    let mut parts = Vec::new();
    for it in items {
        match vm.repr(*it) {
            Ok(s) => parts.push(s),
            Err(e) => {
                vm.leave_native();
                return Err(e);
            }
        }
    }
    vm.leave_native();
    getter_repr_of(vm, args[0], parts)
}

// -- attrgetter ----------------------------------------------------------------------------

/// Data: a tuple of the attribute strings, each followed by a tuple of its interned
/// dotted parts.
fn attrgetter_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "attrgetter", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut data = Vec::new();
    for a in &args[1..] {
        let Some(s) = a.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let parts: Vec<Value> = s.split('.').map(|p| Value::Obj(vm.intern(p))).collect();
        data.push(*a);
        let t = vm.new_tuple(parts);
        data.push(t);
    }
    let t = vm.new_tuple(data);
    Ok(new_getter(vm, args[0], t))
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "attrgetter", kw)?;
    let data = getter_data(vm, args, "attrgetter")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("attrgetter expected 1 argument, got {}", args.len() - 1)));
    }
    let obj = args[1];
    let mark = vm.roots.len();
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let parts = pair[1].as_obj().and_then(|o| o.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
        let mut cur = obj;
        for p in parts {
            let name = p.as_obj().unwrap();
            match vm.get_attr(cur, name) {
                Ok(v) => {
                    vm.roots.push(v);
                    cur = v;
                }
                Err(e) => {
                    vm.roots.truncate(mark);
                    return Err(e);
                }
            }
        }
        out.push(cur);
    }
    vm.roots.truncate(mark);
    if out.len() == 1 {
        return Ok(out[0]);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let data = getter_data(vm, args, "attrgetter")?;
    let mut parts = Vec::new();
    for pair in data.chunks(2) {
        parts.push(vm.repr(pair[0])?);
    }
    getter_repr_of(vm, args[0], parts)
}

// -- methodcaller --------------------------------------------------------------------------

/// Data: (name, args tuple, keyword names..., keyword values...) flattened as
/// (name, args, k1, v1, k2, v2, ...).
fn methodcaller_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = args[1].as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) else {
        return Err(vm.type_error("method name must be a string"));
    };
    let name = Value::Obj(vm.intern(&name));
    let a = vm.new_tuple(args[2..].to_vec());
    let mut data = vec![name, a];
    for (k, v) in kw {
        data.push(Value::Obj(*k));
        data.push(*v);
    }
    let t = vm.new_tuple(data);
    Ok(new_getter(vm, args[0], t))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "methodcaller", kw)?;
    let data = getter_data(vm, args, "methodcaller")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("methodcaller expected 1 argument, got {}", args.len() - 1)));
    }
    let name = data[0].as_obj().unwrap();
    let margs = data[1].as_obj().and_then(|o| o.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    let mkw: Vec<(ObjRef, Value)> = data[2..].chunks(2).map(|p| (p[0].as_obj().unwrap(), p[1])).collect();
    let f = vm.get_attr(args[1], name)?;
    vm.roots.push(f);
    let r = vm.call(f, &margs, &mkw);
    vm.roots.pop();
    r
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let data = getter_data(vm, args, "methodcaller")?;
    let mut parts = vec![vm.repr(data[0])?];
    let margs = data[1].as_obj().and_then(|o| o.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    for a in margs {
        parts.push(vm.repr(a)?);
    }
    for p in data[2..].chunks(2) {
        let k = vm.str_of(p[0])?;
        let v = vm.repr(p[1])?;
        parts.push(format!("{}={}", k, v));
    }
    getter_repr_of(vm, args[0], parts)
}
