//! The core object protocol: `object` and `type` methods, class creation
//! (`__build_class__`, `type(name, bases, ns)`), super, property, staticmethod,
//! classmethod, iterator types, and subscripting of built-in sequences.

use super::args::*;
use crate::dict::Dict;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{class_name, dict_get_str, is_subclass, norm_index, slice_indices};
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub fn register(vm: &mut Vm) {
    let object = vm.types.object;
    vm.add_method(object, "__init__", object_init);
    vm.add_method(object, "__repr__", object_repr);
    vm.add_method(object, "__str__", object_str);
    vm.add_method(object, "__eq__", object_eq);
    vm.add_method(object, "__ne__", object_ne);
    vm.add_method(object, "__hash__", object_hash);
    vm.add_method(object, "__setattr__", object_setattr);
    vm.add_method(object, "__delattr__", object_delattr);
    vm.add_method(object, "__getattribute__", object_getattribute);
    vm.add_method(object, "__format__", object_format);
    vm.add_method(object, "__dir__", object_dir);
    // object's orderings answer NotImplemented (the comparison machinery treats
    // object's own natives as absent, so they cost nothing).
    vm.add_method(object, "__lt__", object_not_implemented);
    vm.add_method(object, "__le__", object_not_implemented);
    vm.add_method(object, "__gt__", object_not_implemented);
    vm.add_method(object, "__ge__", object_not_implemented);
    vm.add_method(object, "__getstate__", object_getstate);
    vm.add_method(object, "__reduce__", object_reduce);
    vm.add_method(object, "__reduce_ex__", object_reduce);
    vm.add_method(object, "__sizeof__", object_sizeof);
    vm.add_static_method(object, "__subclasshook__", object_not_implemented, true);
    vm.add_static_method(object, "__new__", object_new, false);
    vm.add_static_method(object, "__init_subclass__", object_init_subclass, true);
    set_construct(vm, object, object_construct);

    let ty = vm.types.type_;
    set_construct(vm, ty, type_construct);
    vm.add_static_method(ty, "__new__", type_new, false);
    vm.add_method(ty, "__call__", type_call);
    vm.add_method(ty, "__or__", type_or);
    vm.add_method(ty, "__ror__", type_ror);
    vm.add_method(ty, "mro", type_mro);
    vm.add_method(ty, "__subclasses__", type_subclasses);

    let t = vm.types.property;
    set_construct(vm, t, property_construct);
    vm.add_method(t, "setter", property_setter);
    vm.add_method(t, "getter", property_getter);
    vm.add_method(t, "deleter", property_deleter);
    vm.add_method(t, "__get__", property_get);
    let t = vm.types.staticmethod;
    set_construct(vm, t, staticmethod_construct);
    let t = vm.types.classmethod;
    set_construct(vm, t, classmethod_construct);
    let t = vm.types.super_;
    set_construct(vm, t, super_construct);
    let t = vm.types.range;
    set_construct(vm, t, range_construct);
    vm.add_method(t, "index", range_index);
    vm.add_method(t, "count", range_count);
    let t = vm.types.slice;
    set_construct(vm, t, slice_construct);
    vm.add_method(t, "indices", slice_indices_method);
    let t = vm.types.generator;
    vm.add_method(t, "send", gen_send);
    vm.add_method(t, "throw", gen_throw);
    vm.add_method(t, "close", gen_close);
    vm.add_method(t, "__next__", gen_next);
    vm.add_method(t, "__iter__", iter_self);
    let t = vm.types.textio;
    vm.add_method(t, "write", textio_write);
    vm.add_method(t, "flush", textio_flush);
    let t = vm.types.none_type;
    set_construct(vm, t, |_vm, _a, _k| Ok(Value::None));
    let t = vm.types.cell;
    vm.add_method(t, "__repr__", object_repr);

    vm.add_builtin("__build_class__", build_class);
    for (name, cls) in [
        ("object", vm.types.object),
        ("type", vm.types.type_),
        ("property", vm.types.property),
        ("staticmethod", vm.types.staticmethod),
        ("classmethod", vm.types.classmethod),
        ("super", vm.types.super_),
        ("range", vm.types.range),
        ("slice", vm.types.slice),
        ("complex", vm.types.complex),
    ] {
        vm.set_builtin(name, Value::Obj(cls));
    }
    // complex is a type (so isinstance(x, complex) works) that cannot be instantiated.
    let t = vm.types.complex;
    set_construct(vm, t, |vm, _a, _k| Err(vm.not_implemented_error("complex numbers are not supported by krait")));
    let ni = vm.not_implemented;
    vm.set_builtin("NotImplemented", ni);
    let el = vm.ellipsis;
    vm.set_builtin("Ellipsis", el);
    let none_t = vm.types.none_type;
    let _ = none_t;
}

/// Sets the constructor of a built-in type.
pub fn set_construct(_vm: &mut Vm, cls: ObjRef, f: NativeFn) {
    if let Some(c) = cls.as_class() {
        c.construct.set(Some(f));
    }
}

/// Registers the methods every built-in iterator class has.
pub fn register_iter_type(vm: &mut Vm, cls: ObjRef) {
    vm.add_method(cls, "__next__", iter_next);
    vm.add_method(cls, "__iter__", iter_self);
    set_construct(vm, cls, cannot_create);
}

/// The constructor of built-in types that Python code cannot instantiate.
fn cannot_create(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let name = args.first().and_then(|c| c.as_obj()).map(class_name).unwrap_or_default();
    Err(vm.type_error(format!("cannot create '{}' instances", name)))
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    match vm.next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    Ok(args[0])
}

// -- object ---------------------------------------------------------------------------------

fn object_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(vm.type_error("object() takes no arguments"));
    }
    let cls = args[0].as_obj().unwrap();
    vm.new_instance(cls, &[], &[])
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| vm.as_class(*v)) else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if cls.as_class().is_some_and(|c| c.builtin) {
        let c = cls.as_class().unwrap();
        if let Some(ctor) = c.construct.get() {
            return ctor(vm, args, &[]);
        }
    }
    vm.new_instance(cls, &args[1..], &[])
}

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

/// object's `__lt__`/`__le__`/`__gt__`/`__ge__` and `__subclasshook__`.
fn object_not_implemented(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__lt__", args, 2, 2)?;
    Ok(vm.not_implemented)
}

/// `object.__getstate__()`: the instance's attributes, or None when it has none.
fn object_getstate(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__getstate__", args, 1, 1)?;
    let Some(inst) = args[0].as_obj().and_then(|o| o.as_instance()) else {
        return Ok(Value::None);
    };
    if matches!(inst.payload, Payload::Builtin(_)) {
        return Ok(Value::None);
    }
    let d = vm.instance_dict(inst);
    let empty = d.as_obj().and_then(|o| o.as_dict()).is_none_or(|d| d.borrow().is_empty());
    Ok(if empty { Value::None } else { d })
}

/// `object.__reduce_ex__(protocol)` / `object.__reduce__()`: the reduction of protocol
/// 2 and later (copyreg's `__newobj__` form), as the embedded copy module computes it.
fn object_reduce(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__reduce_ex__", args, 1, 2)?;
    let g = vm.builtins_dict;
    let m = vm.import("copy", 0, Value::None, g)?;
    let n = vm.intern("_reduce");
    let f = vm.get_attr(m, n)?;
    vm.call(f, &args[..1], &[])
}

/// `object.__sizeof__()`: CPython's basic size, without the GC header of containers.
fn object_sizeof(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__sizeof__", args, 1, 1)?;
    let v = args[0];
    let gc_header = match v.as_obj().map(|o| o.kind()) {
        // A plain object, or an instance of a Python class (which adds its dict pointer).
        Some(Kind::Instance(i)) if matches!(i.payload, Payload::None) => {
            let plain = i.class.get().ptr_eq(vm.types.object);
            return Ok(Value::Int(if plain { 16 } else { 24 }));
        }
        Some(
            Kind::Tuple(_)
            | Kind::List(_)
            | Kind::Dict(_)
            | Kind::Set(_)
            | Kind::FrozenSet(_)
            | Kind::Instance(_)
            | Kind::Function(_)
            | Kind::Class(_)
            | Kind::Cell(_)
            | Kind::Generator(_)
            | Kind::BoundMethod(..)
            | Kind::Native(_)
            | Kind::Module(_)
            | Kind::Property(_)
            | Kind::Iter(_),
        ) => 16,
        _ => 0,
    };
    let n = crate::modules::sizeof::getsizeof(vm, v)?;
    Ok(Value::Int(n - gc_header))
}

/// The names `dir()` lists for the attributes of `cls` and its bases that live outside
/// the class namespaces: `__class__` and `__doc__` (every class has them), and
/// `__dict__`/`__weakref__` of Python classes without `__slots__`.
pub fn dir_class_names(vm: &mut Vm, cls: ObjRef, names: &mut Vec<String>) {
    names.push("__class__".into());
    names.push("__doc__".into());
    let slots = vm.intern("__slots__");
    let mro = cls.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
    for m in mro {
        let Some(c) = m.as_class() else { continue };
        if !c.builtin && dict_get_str(c.dict, slots).is_none() {
            names.push("__dict__".into());
            names.push("__weakref__".into());
        }
    }
}

fn object_init_subclass(_vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

/// `<module.Class object at 0x...>`.
pub fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let v = args[0];
    let cls = vm.type_of(v);
    let c = cls.as_class().unwrap();
    let m = c.module.borrow().clone();
    let q = c.qualname.borrow().clone();
    let addr = v.as_obj().map(|o| o.addr()).unwrap_or(0);
    let s = if m == "builtins" {
        format!("<{} object at {:#x}>", q, addr)
    } else {
        format!("<{}.{} object at {:#x}>", m, q, addr)
    };
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let s = vm.repr(args[0])?;
    Ok(vm.new_str(s))
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) { Value::Bool(true) } else { vm.not_implemented })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__ne__", args, 2, 2)?;
    // Default __ne__ inverts __eq__ unless it is NotImplemented.
    let cls = vm.type_of(args[0]);
    let eqn = vm.names.eq;
    if let Some(eq) = vm.class_lookup(cls, eqn) {
        let r = vm.call(eq, &args[..2], &[])?;
        if r.is(&vm.not_implemented) {
            return Ok(r);
        }
        let t = vm.truthy(r)?;
        return Ok(Value::Bool(!t));
    }
    Ok(vm.not_implemented)
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    match args[0] {
        Value::Obj(o) => Ok(Value::Int(crate::ops::identity_hash(o))),
        v => Ok(Value::Int(vm.hash(v)?)),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__setattr__", args, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    if let Some(Kind::Instance(inst)) = args[0].as_obj().map(|o| o.kind()) {
        // Data descriptors still apply.
        let cls = inst.class.get();
        if let Some(Value::Obj(d)) = vm.class_lookup(cls, name) {
            if matches!(d.kind, Kind::Property(_)) {
                let (o, v) = (args[0], args[2]);
                // Temporarily bypass __setattr__ recursion by calling the property directly.
                if let Kind::Property(p) = &d.kind {
                    if p.fset.is_none() || p.fset.is_undef() {
                        let tn = class_name(cls);
                        return Err(vm.attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str().unwrap_or(""),
                            tn
                        )));
                    }
                    let f = p.fset;
                    vm.call(f, &[o, v], &[])?;
                    return Ok(Value::None);
                }
            }
        }
        vm.store_instance_attr(inst, name, args[2]);
        return Ok(Value::None);
    }
    if let Some(o) = vm.as_class(args[0]) {
        // `type.__setattr__` (a metaclass's `super().__setattr__`).
        vm.set_class_attr_raw(o, name, args[2])?;
        return Ok(Value::None);
    }
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__delattr__", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    if let Some(Kind::Instance(inst)) = args[0].as_obj().map(|o| o.kind()) {
        if vm.instance_del(inst, name) {
            return Ok(Value::None);
        }
        return Err(vm.no_attribute(args[0], name));
    }
    if let Some(o) = vm.as_class(args[0]) {
        vm.del_class_attr_raw(o, name)?;
        return Ok(Value::None);
    }
    vm.del_attr(args[0], name)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__getattribute__", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    match vm.generic_get_attr_opt(args[0], name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(args[0], name)),
    }
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "__format__", args, 2, 2)?;
    let spec = str_arg(vm, &args[1], "format_spec")?.to_string();
    if !spec.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", tn)));
    }
    vm.str_value(args[0])
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let v = args[0];
    let mut names: Vec<String> = Vec::new();
    if let Some(Kind::Instance(i)) = v.as_obj().map(|o| o.kind()) {
        if i.shape.get() == crate::shape::DICT_MODE {
            let d = i.slots.borrow()[0];
            for k in d.as_obj().and_then(|o| o.as_dict().map(|d| d.borrow().keys())).unwrap_or_default() {
                if let Some(s) = k.as_obj().and_then(|o| o.as_str()) {
                    names.push(s.to_string());
                }
            }
        }
        for n in vm.shapes.names(i.shape.get()) {
            names.push(n.as_str().unwrap_or("").to_string());
        }
    }
    let cls = vm.type_of(v);
    dir_class_names(vm, cls, &mut names);
    let mro = cls.as_class().unwrap().mro.borrow().clone();
    for m in mro {
        let d = m.as_class().unwrap().dict;
        for (k, _) in d.as_dict().unwrap().borrow().iter() {
            if let Some(s) = k.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
                names.push(s);
            }
        }
    }
    names.sort();
    names.dedup();
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

/// An attribute name argument as an interned str.
pub fn attr_name(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => Ok(vm.intern(&s)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)))
        }
    }
}

// -- type and class creation -----------------------------------------------------------------

fn type_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    if args.len() == 1 && kw.is_empty() {
        return Ok(Value::Obj(vm.type_of(args[0])));
    }
    if args.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = str_arg(vm, &args[0], "type.__new__() argument 1")?.to_string();
    let bases: Vec<ObjRef> = match args[1].as_obj().and_then(|t| t.as_tuple().map(|t| t.to_vec())) {
        Some(b) => b.iter().filter_map(|v| v.as_obj()).collect(),
        None => return Err(vm.type_error("type.__new__() argument 2 must be tuple")),
    };
    let Some(ns) = args[2].as_obj().filter(|o| o.as_dict().is_some()) else {
        return Err(vm.type_error("type.__new__() argument 3 must be dict"));
    };
    let copy = ns.as_dict().unwrap().borrow().clone();
    let ns2 = vm.new_dict(copy).as_obj().unwrap();
    let cls = new_class(vm, &name, bases, ns2)?;
    Ok(Value::Obj(cls))
}

/// `type.__new__(mcls, name, bases, ns, **kw)`: a new class whose metaclass is `mcls`
/// (or the most derived metaclass of the bases).
pub fn type_new(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let ty = vm.types.type_;
    let Some(mcls) = args.first().and_then(|v| vm.as_class(*v)) else {
        let tn = args.first().map(|v| vm.type_name(*v)).unwrap_or_else(|| "NoneType".into());
        return Err(vm.type_error(format!("type.__new__(X): X is not a type object ({})", tn)));
    };
    if !is_subclass(mcls, ty) {
        let n = class_name(mcls);
        return Err(vm.type_error(format!("type.__new__({}): {} is not a subtype of type", n, n)));
    }
    let args = &args[1..];
    if args.len() != 3 {
        return Err(vm.type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", args.len())));
    }
    let name = str_arg(vm, &args[0], "type.__new__() argument 1")?.to_string();
    let bases: Vec<ObjRef> = match args[1].as_obj().and_then(|t| t.as_tuple().map(|t| t.to_vec())) {
        Some(b) => b.iter().filter_map(|v| v.as_obj()).collect(),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {}", tn)));
        }
    };
    let Some(ns) = crate::ops::unwrap_builtin(args[2]).as_obj().filter(|o| o.as_dict().is_some()) else {
        let tn = vm.type_name(args[2]);
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", tn)));
    };
    let copy = ns.as_dict().unwrap().borrow().clone();
    let ns2 = vm.new_dict(copy).as_obj().unwrap();
    vm.roots.push(Value::Obj(ns2));
    let cell = dict_get_str(ns2, vm.names.classcell);
    crate::ops::dict_del_str(ns2, vm.names.classcell);
    let r = new_class_meta(vm, &name, bases, ns2, kw, Some(mcls));
    vm.roots.pop();
    let cls = r?;
    if let Some(Kind::Cell(c)) = cell.and_then(|c| c.as_obj()).map(|o| o.kind()) {
        c.set(Value::Obj(cls));
    }
    Ok(Value::Obj(cls))
}

/// Calls a function of the embedded `types` module (UnionType and GenericAlias live
/// there).
pub fn types_call(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let g = vm.builtins_dict;
    let m = vm.import("types", 0, Value::None, g)?;
    let n = vm.intern(name);
    let f = vm.get_attr(m, n)?;
    vm.call(f, args, &[])
}

/// `type.__or__(a, b)`: `int | None` (a types.UnionType).
fn type_or(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "__or__", args, 1, 1)?;
    types_call(vm, "_union_or", &[args[0], args[1]])
}

/// `type.__ror__(a, b)`: `None | int`.
fn type_ror(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "__ror__", args, 1, 1)?;
    types_call(vm, "_union_or", &[args[1], args[0]])
}

/// `type.__call__(cls, *args, **kw)`: creates an instance (what a metaclass's
/// `super().__call__(...)` reaches).
fn type_call(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| vm.as_class(*v)) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    vm.call_class(cls, &args[1..], kw)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let cls = args[0].as_obj().unwrap();
    let m: Vec<Value> =
        cls.as_class().map(|c| c.mro.borrow().iter().map(|x| Value::Obj(*x)).collect()).unwrap_or_default();
    Ok(vm.new_list(m))
}

fn type_subclasses(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    Ok(vm.new_list(vec![]))
}

/// Creates a user class from a name, bases and a namespace dict (used as the class
/// dict), runs `__set_name__` and `__init_subclass__`.
pub fn new_class(vm: &mut Vm, name: &str, bases: Vec<ObjRef>, ns: ObjRef) -> PyResult<ObjRef> {
    new_class_kw(vm, name, bases, ns, &[])
}

/// `new_class` with the class statement's keyword arguments (passed to the parent's
/// `__init_subclass__`).
pub fn new_class_kw(
    vm: &mut Vm,
    name: &str,
    bases: Vec<ObjRef>,
    ns: ObjRef,
    kw: &[(ObjRef, Value)],
) -> PyResult<ObjRef> {
    new_class_meta(vm, name, bases, ns, kw, None)
}

/// The most derived of a metaclass (None: `type`) and the metaclasses of the bases;
/// None when that is `type`.
fn winner_metaclass(vm: &mut Vm, meta: Option<ObjRef>, bases: &[ObjRef]) -> PyResult<Option<ObjRef>> {
    let ty = vm.types.type_;
    let mut winner = meta.unwrap_or(ty);
    for b in bases {
        let bt = vm.type_of(Value::Obj(*b));
        if is_subclass(winner, bt) {
            continue;
        }
        if is_subclass(bt, winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(if winner.ptr_eq(ty) { None } else { Some(winner) })
}

/// `new_class_kw` with the metaclass (None: `type`; the bases' metaclasses count too).
pub fn new_class_meta(
    vm: &mut Vm,
    name: &str,
    mut bases: Vec<ObjRef>,
    ns: ObjRef,
    kw: &[(ObjRef, Value)],
    meta: Option<ObjRef>,
) -> PyResult<ObjRef> {
    for b in &bases {
        if b.as_class().is_none() {
            return Err(vm.type_error("bases must be types"));
        }
    }
    let meta = winner_metaclass(vm, meta, &bases)?;
    if bases.is_empty() {
        bases.push(vm.types.object);
    }
    let exc_base = vm.exc.BaseException;
    let base_kind = if bases.iter().any(|b| is_subclass(*b, exc_base)) {
        BaseKind::Exception
    } else if bases.iter().any(|b| {
        let c = b.as_class().unwrap();
        c.base_kind == BaseKind::Builtin && (!c.builtin || !b.ptr_eq(vm.types.object))
    }) {
        BaseKind::Builtin
    } else {
        BaseKind::Object
    };
    for b in &bases {
        let c = b.as_class().unwrap();
        let final_types =
            [vm.types.bool_, vm.types.range, vm.types.slice, vm.types.function, vm.types.generator, vm.types.none_type];
        if final_types.iter().any(|t| t.ptr_eq(*b)) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", c.name.borrow())));
        }
    }
    let construct = Cell::new(
        bases
            .iter()
            .find_map(|b| b.as_class().and_then(|c| c.construct.get()))
            .filter(|_| base_kind == BaseKind::Builtin),
    );
    let qualname = match dict_get_str(ns, vm.names.qualname) {
        Some(q) => vm.str_of(q)?,
        None => name.to_string(),
    };
    let module = match dict_get_str(ns, vm.names.module) {
        Some(m) => vm.str_of(m)?,
        None => "__main__".into(),
    };
    crate::ops::dict_del_str(ns, vm.names.qualname);
    // __init_subclass__ and __class_getitem__ are implicit classmethods.
    for n in ["__init_subclass__", "__class_getitem__"] {
        let k = vm.intern(n);
        if let Some(f) = dict_get_str(ns, k) {
            if f.as_obj().is_some_and(|o| o.as_function().is_some()) {
                let cm = Value::Obj(vm.alloc(Kind::ClassMethod(f)));
                crate::ops::dict_set_str(ns, k, cm);
            }
        }
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict_get_str(ns, vm.names.eq).is_some() && dict_get_str(ns, vm.names.hash).is_none() {
        crate::ops::dict_set_str(ns, vm.names.hash, Value::None);
    }
    let cls = vm.alloc(Kind::new_class(Class {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(qualname),
        module: RefCell::new(module),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(vec![]),
        dict: ns,
        base_kind,
        construct,
        builtin: false,
        version: Cell::new(0),
        cache: RefCell::new(Default::default()),
        meta: Cell::new(meta),
    }));
    vm.roots.push(Value::Obj(cls));
    let r = (|| {
        let mro = crate::ops::compute_mro(vm, cls, &bases)?;
        *cls.as_class().unwrap().mro.borrow_mut() = mro;
        // Layout conflicts between different built-in bases.
        let mut builtin_bases: Vec<ObjRef> = Vec::new();
        for b in &bases {
            let m = b.as_class().unwrap().mro.borrow().clone();
            if let Some(bb) = m.iter().find(|x| {
                x.as_class().is_some_and(|c| c.builtin && c.construct.get().is_some() && !x.ptr_eq(vm.types.object))
            }) {
                if !builtin_bases.iter().any(|y| y.ptr_eq(*bb) || is_subclass(*y, *bb) || is_subclass(*bb, *y)) {
                    builtin_bases.push(*bb);
                }
            }
        }
        if builtin_bases.len() > 1 {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
        vm.class_epoch.set(vm.class_epoch.get() + 1);
        // __set_name__ on descriptors.
        let items: Vec<(Value, Value)> = ns.as_dict().unwrap().borrow().iter().collect();
        for (k, v) in items {
            if let Some(Kind::Instance(_)) = v.as_obj().map(|o| o.kind()) {
                let vc = vm.type_of(v);
                let sn = vm.names.set_name;
                if let Some(f) = vm.class_lookup(vc, sn) {
                    vm.call(f, &[v, Value::Obj(cls), k], &[])?;
                }
            }
        }
        // __init_subclass__ of the parent (object's default accepts no keywords).
        let isn = vm.names.init_subclass;
        let sup = vm.alloc(Kind::Super(Value::Obj(cls), Value::Obj(cls)));
        vm.roots.push(Value::Obj(sup));
        let r = vm.get_attr(Value::Obj(sup), isn).and_then(|bound| {
            let is_default = matches!(bound.as_obj().map(|o| o.kind()), Some(Kind::BoundMethod(f, _)) if matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(_))));
            if is_default && !kw.is_empty() {
                let c = class_name(cls);
                return Err(vm.type_error(format!("{}.__init_subclass__() takes no keyword arguments", c)));
            }
            vm.call(bound, &[], kw)
        });
        vm.roots.pop();
        r?;
        Ok(cls)
    })();
    vm.roots.pop();
    r
}

/// `__build_class__(body, name, *bases, **kw)`: resolves `__mro_entries__` of non-class
/// bases and the metaclass; a user metaclass gets `__prepare__` and is called with
/// (name, bases, namespace, **kw).
fn build_class(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let body = args[0].as_obj().filter(|o| o.as_function().is_some());
    let Some(body) = body else { return Err(vm.type_error("__build_class__: func must be a function")) };
    let name = str_arg(vm, &args[1], "__build_class__: name")?.to_string();
    let mut meta: Option<Value> = None;
    let mut kw_rest: Vec<(ObjRef, Value)> = Vec::new();
    for (k, v) in kw {
        if k.as_str() == Some("metaclass") {
            meta = Some(*v);
        } else {
            kw_rest.push((*k, *v));
        }
    }
    let mark = vm.roots.len();
    let r = build_class_inner(vm, body, &name, &args[2..], meta, &kw_rest);
    vm.roots.truncate(mark);
    r
}

fn build_class_inner(
    vm: &mut Vm,
    body: ObjRef,
    name: &str,
    orig_bases: &[Value],
    meta: Option<Value>,
    kw: &[(ObjRef, Value)],
) -> PyResult<Value> {
    // Non-class bases may supply classes through __mro_entries__.
    let mut base_vals: Vec<Value> = Vec::new();
    let mut orig_tuple: Option<Value> = None;
    for b in orig_bases {
        if vm.as_class(*b).is_some() {
            base_vals.push(*b);
            continue;
        }
        let me = vm.intern("__mro_entries__");
        let Some(f) = vm.get_attr_opt(*b, me)? else { return Err(vm.type_error("bases must be types")) };
        let ot = match orig_tuple {
            Some(t) => t,
            None => {
                let t = vm.new_tuple(orig_bases.to_vec());
                vm.roots.push(t);
                orig_tuple = Some(t);
                t
            }
        };
        let r = vm.call(f, &[ot], &[])?;
        match r.as_obj().and_then(|o| o.as_tuple()) {
            Some(t) => base_vals.extend_from_slice(t),
            None => return Err(vm.type_error("__mro_entries__ must return a tuple")),
        }
    }
    let mut bases = Vec::new();
    for b in &base_vals {
        match vm.as_class(*b) {
            Some(c) => bases.push(c),
            None => return Err(vm.type_error("bases must be types")),
        }
    }
    // The metaclass: explicit, or the most derived of the bases' metaclasses.
    let winner: Option<Value> = match meta {
        Some(m) => match vm.as_class(m) {
            Some(mc) => winner_metaclass(vm, Some(mc), &bases)?.map(Value::Obj),
            None => Some(m),
        },
        None => winner_metaclass(vm, None, &bases)?.map(Value::Obj),
    };
    let ns = match winner {
        Some(m) => {
            let prep = vm.intern("__prepare__");
            match vm.get_attr_opt(m, prep)? {
                Some(p) if !is_native_value(p) => {
                    let bt = vm.new_tuple(base_vals.clone());
                    vm.roots.push(bt);
                    let nv = vm.new_str(name);
                    vm.roots.push(nv);
                    let d = vm.call(p, &[nv, bt], kw)?;
                    vm.roots.push(d);
                    match crate::ops::unwrap_builtin(d).as_obj().filter(|o| o.as_dict().is_some()) {
                        // A dict subclass instance stays the body's namespace, so that its
                        // __setitem__ sees every name the body binds (enum's duplicate check).
                        Some(o) => d.as_obj().unwrap_or(o),
                        None => {
                            let tn = vm.type_name(d);
                            let mn = vm.as_class(m).map(class_name).unwrap_or_default();
                            return Err(
                                vm.type_error(format!("{}.__prepare__() must return a mapping, not {}", mn, tn))
                            );
                        }
                    }
                }
                _ => vm.alloc(Kind::new_dict(RefCell::new(Dict::new()))),
            }
        }
        None => vm.alloc(Kind::new_dict(RefCell::new(Dict::new()))),
    };
    vm.roots.push(Value::Obj(ns));
    // The dict itself (inside a dict subclass instance that __prepare__ returned).
    let ns_dict = crate::ops::unwrap_builtin(Value::Obj(ns)).as_obj().unwrap_or(ns);
    if let Some(t) = orig_tuple {
        let ob = vm.intern("__orig_bases__");
        crate::ops::dict_set_str(ns_dict, ob, t);
    }
    let cell = vm.call_function_ns(body, &[], &[], Some(ns))?;
    let cls = match winner {
        None => Value::Obj(new_class_kw(vm, name, bases, ns, kw)?),
        Some(m) => {
            let bt = vm.new_tuple(base_vals);
            vm.roots.push(bt);
            let nv = vm.new_str(name);
            vm.roots.push(nv);
            vm.call(m, &[nv, bt, Value::Obj(ns)], kw)?
        }
    };
    if let Some(Kind::Cell(c)) = cell.as_obj().map(|o| o.kind()) {
        if vm.as_class(cls).is_some() {
            c.set(cls);
        }
    }
    crate::ops::dict_del_str(ns_dict, vm.names.classcell);
    Ok(cls)
}

/// Whether a value is a native function (possibly bound): the built-in defaults of
/// `type`'s hooks such as `__prepare__`.
fn is_native_value(v: Value) -> bool {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Native(_)) => true,
        Some(Kind::BoundMethod(f, _)) => matches!(f.as_obj().map(|o| o.kind()), Some(Kind::Native(_))),
        _ => false,
    }
}

// -- descriptors ---------------------------------------------------------------------------

fn property_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    let get = |i: usize, n: &str| arg_or_kw(args, i, kw, n).unwrap_or(Value::None);
    let p = Property { fget: get(0, "fget"), fset: get(1, "fset"), fdel: get(2, "fdel"), doc: get(3, "doc") };
    let doc = if p.doc.is_none() && !p.fget.is_none() {
        let dn = vm.names.doc;
        vm.get_attr_opt(p.fget, dn)?.unwrap_or(Value::None)
    } else {
        p.doc
    };
    Ok(Value::Obj(vm.alloc(Kind::new_property(Property { doc, ..p }))))
}

fn property_copy(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    check_method(vm, "property", args, 1, 1)?;
    let Some(Kind::Property(p)) = args[0].as_obj().map(|o| o.kind()) else {
        return Err(vm.type_error("descriptor requires a property"));
    };
    let mut np = Property { fget: p.fget, fset: p.fset, fdel: p.fdel, doc: p.doc };
    match which {
        0 => np.fget = args[1],
        1 => np.fset = args[1],
        _ => np.fdel = args[1],
    }
    Ok(Value::Obj(vm.alloc(Kind::new_property(np))))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let Some(Kind::Property(p)) = args[0].as_obj().map(|o| o.kind()) else { return Ok(Value::None) };
    if args.len() < 2 || args[1].is_none() {
        return Ok(args[0]);
    }
    let f = p.fget;
    vm.call(f, &[args[1]], &[])
}

fn staticmethod_construct(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "staticmethod", &args[1..], 1, 1)?;
    Ok(Value::Obj(vm.alloc(Kind::StaticMethod(args[1]))))
}

fn classmethod_construct(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_args(vm, "classmethod", &args[1..], 1, 1)?;
    Ok(Value::Obj(vm.alloc(Kind::ClassMethod(args[1]))))
}

fn super_construct(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    if args.len() != 2 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let Some(start) = vm.as_class(args[0]) else {
        return Err(vm.type_error("super() argument 1 must be a type"));
    };
    let target = args[1];
    let ok = match vm.as_class(target) {
        Some(tc) => is_subclass(tc, start) || crate::ops::isinstance(vm, target, start),
        None => crate::ops::isinstance(vm, target, start),
    };
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::Obj(vm.alloc(Kind::Super(Value::Obj(start), target))))
}

// -- range and slice ---------------------------------------------------------------------------

fn range_construct(vm: &mut Vm, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    no_kw(vm, "range", kw)?;
    let args = &args[1..];
    if args.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if args.len() > 3 {
        return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", args.len())));
    }
    let mut v = [0i64; 3];
    for (i, a) in args.iter().enumerate() {
        v[i] = match a {
            Value::Int(x) => *x,
            Value::Bool(b) => *b as i64,
            Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => return big_range(vm, args),
            _ => match vm.to_index(*a) {
                Ok(i) => i,
                Err(e) if vm.err_matches(&e, vm.exc.IndexError) => return big_range(vm, args),
                Err(e) => return Err(e),
            },
        };
    }
    let (start, stop, step) = match args.len() {
        1 => (0, v[0], 1),
        2 => (v[0], v[1], 1),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(vm.alloc(Kind::Range(Range { start, stop, step }))))
}

/// A range with a bound outside i64: the embedded `_bigrange` module's class.
fn big_range(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let g = vm.builtins_dict;
    let m = vm.import("_bigrange", 0, Value::None, g)?;
    let n = vm.intern("range");
    let cls = vm.get_attr(m, n)?;
    // The class has the built-in range in its MRO (after itself, so its own methods
    // win), so isinstance(r, range) holds for big ranges too.
    if let Some(c) = cls.as_obj().and_then(|o| o.as_class()) {
        let range = vm.types.range;
        let mut mro = c.mro.borrow_mut();
        if !mro.iter().any(|x| x.ptr_eq(range)) {
            let at = mro.len().saturating_sub(1);
            mro.insert(at, range);
            drop(mro);
            vm.class_epoch.set(vm.class_epoch.get() + 1);
        }
    }
    vm.call(cls, args, &[])
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "index", args, 1, 1)?;
    let Some(Kind::Range(r)) = args[0].as_obj().map(|o| o.kind()) else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("descriptor 'index' for 'range' objects doesn't apply to a '{}' object", tn)));
    };
    let r = *r;
    if vm.contains(args[0], args[1])? {
        if let Value::Int(i) = args[1] {
            return Ok(Value::Int((i - r.start) / r.step));
        }
    }
    let s = vm.repr(args[1])?;
    Err(vm.value_error(format!("{} is not in range", s)))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "count", args, 1, 1)?;
    Ok(Value::Int(vm.contains(args[0], args[1])? as i64))
}

fn slice_construct(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    let (a, b, c) = match args.len() {
        1 => (Value::None, args[0], Value::None),
        2 => (args[0], args[1], Value::None),
        3 => (args[0], args[1], args[2]),
        n => {
            return Err(vm.type_error(format!(
                "slice expected at {} 1 argument{}, got {}",
                if n == 0 { "least" } else { "most" },
                if n == 0 { "" } else { "s" },
                n
            )))
        }
    };
    Ok(Value::Obj(vm.alloc(Kind::Slice(a, b, c))))
}

fn slice_indices_method(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "indices", args, 1, 1)?;
    let Some(Kind::Slice(a, b, c)) = args[0].as_obj().map(|o| o.kind()) else { unreachable!() };
    let n = vm.to_index(args[1])?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (x, y, z, _) = slice_indices(vm, *a, *b, *c, n as usize)?;
    Ok(vm.new_tuple(vec![Value::Int(x), Value::Int(y), Value::Int(z)]))
}

// -- generators ------------------------------------------------------------------------------

fn gen_of(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(o) if matches!(o.kind, Kind::Generator(_)) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let g = gen_of(vm, args[0])?;
    match vm.gen_resume(g, Value::None)? {
        crate::interp::GenResult::Yield(v) => Ok(v),
        crate::interp::GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "send", args, 1, 1)?;
    let g = gen_of(vm, args[0])?;
    match vm.gen_resume(g, args[1])? {
        crate::interp::GenResult::Yield(v) => Ok(v),
        crate::interp::GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "throw", args, 1, 3)?;
    let g = gen_of(vm, args[0])?;
    let mut e = args[1];
    if args.len() > 2 && vm.as_class(e).is_some() && !args[2].is_none() {
        e = vm.call(e, &[args[2]], &[])?;
    }
    let exc = vm.instantiate_exception(e)?;
    match vm.gen_throw(g, exc)? {
        crate::interp::GenResult::Yield(v) => Ok(v),
        crate::interp::GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    let g = gen_of(vm, args[0])?;
    let (started, finished) = match &g.kind {
        Kind::Generator(c) => (c.borrow().started, c.borrow().finished),
        _ => (false, true),
    };
    if !started || finished {
        if let Kind::Generator(c) = &g.kind {
            c.borrow_mut().finished = true;
        }
        return Ok(Value::None);
    }
    let ge = vm.exc.GeneratorExit;
    let exc = crate::value::PyErr(vm.new_exception(ge, vec![]));
    match vm.gen_throw(g, exc) {
        Ok(crate::interp::GenResult::Yield(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(_) => Ok(Value::None),
        Err(e) if vm.err_matches(&e, ge) || vm.err_matches(&e, vm.exc.StopIteration) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

// -- sys.stdout / sys.stderr ----------------------------------------------------------------------

fn textio_write(vm: &mut Vm, args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    check_method(vm, "write", args, 1, 1)?;
    let s = match args[1].as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
        Some(s) => s,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
        }
    };
    let fd = match args[0].as_obj().map(|o| o.kind()) {
        Some(Kind::Instance(Instance { payload: Payload::Builtin(b), .. })) => b.get(),
        _ => Value::Int(1),
    };
    if let Value::Int(2) = fd {
        vm.write_stderr_raw(&s);
    } else {
        vm.write_stdout_raw(&s);
    }
    Ok(Value::Int(s.chars().count() as i64))
}

fn textio_flush(vm: &mut Vm, _args: &[Value], _kw: &[(ObjRef, Value)]) -> PyResult<Value> {
    vm.flush_stdout();
    Ok(Value::None)
}

// -- subscripts of built-in sequences --------------------------------------------------------------

fn slice_parts(v: &Value) -> Option<(Value, Value, Value)> {
    match v.as_obj().map(|o| o.kind()) {
        Some(Kind::Slice(a, b, c)) => Some((*a, *b, *c)),
        _ => None,
    }
}

fn index_of(vm: &mut Vm, k: Value, what: &str) -> PyResult<i64> {
    match k {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => {
            Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        _ => {
            let cls = vm.type_of(k);
            let ix = vm.names.index;
            if vm.class_lookup(cls, ix).is_some() {
                return vm.to_index(k);
            }
            let tn = vm.type_name(k);
            if what == "string" {
                return Err(vm.type_error(format!("string indices must be integers, not '{}'", tn)));
            }
            Err(vm.type_error(format!("{} indices must be integers or slices, not {}", what, tn)))
        }
    }
}

/// `c[a:b:s]` for a list, tuple or str `c`, from the parts of the slice (compiled code
/// calls this without building a slice object).
pub fn get_slice(vm: &mut Vm, c: Value, a: Value, b: Value, s: Value) -> PyResult<Value> {
    let Value::Obj(o) = c else { unreachable!("get_slice of a non-sequence") };
    match &o.kind {
        Kind::List(l) => {
            let len = l.borrow().len();
            let (start, _, step, n) = slice_indices(vm, a, b, s, len)?;
            let items = l.borrow();
            // The list may have shrunk while __index__ ran: clamp.
            let out: Vec<Value> = if step == 1 {
                let lo = (start as usize).min(items.len());
                items[lo..(lo + n).min(items.len())].to_vec()
            } else if step == -1 && start >= 0 && (start as usize) < items.len() && n <= start as usize + 1 {
                items[start as usize + 1 - n..=start as usize].iter().rev().copied().collect()
            } else {
                (0..n).filter_map(|i| items.get((start + i as i64 * step) as usize).copied()).collect()
            };
            drop(items);
            Ok(vm.new_list(out))
        }
        Kind::Tuple(t) => {
            let (start, _, step, n) = slice_indices(vm, a, b, s, t.len())?;
            if start == 0 && step == 1 && n == t.len() {
                return Ok(c);
            }
            let out: Vec<Value> = (0..n).map(|i| t[(start + i as i64 * step) as usize]).collect();
            Ok(vm.new_tuple(out))
        }
        Kind::Str(st) => {
            let (start, _, step, n) = slice_indices(vm, a, b, s, st.nchars)?;
            if start == 0 && step == 1 && n == st.nchars {
                // The whole str: the str itself, as in CPython (and as for a tuple).
                return Ok(c);
            }
            let out: String = if st.is_ascii() {
                let bytes = st.s.as_bytes();
                if step == 1 {
                    st.s[start as usize..start as usize + n].to_string()
                } else {
                    (0..n).map(|i| bytes[(start + i as i64 * step) as usize] as char).collect()
                }
            } else {
                let chars: Vec<char> = st.s.chars().collect();
                (0..n).map(|i| chars[(start + i as i64 * step) as usize]).collect()
            };
            Ok(vm.new_str(out))
        }
        _ => unreachable!("get_slice of a non-sequence"),
    }
}

/// Subscripting of str, list, tuple, range, bytes with ints and slices.
pub fn getitem_builtin(vm: &mut Vm, c: Value, k: Value) -> PyResult<Value> {
    let Value::Obj(o) = c else {
        let tn = vm.type_name(c);
        return Err(vm.type_error(format!("'{}' object is not subscriptable", tn)));
    };
    match &o.kind {
        Kind::List(_) | Kind::Tuple(_) | Kind::Str(_) if slice_parts(&k).is_some() => {
            let (a, b, s) = slice_parts(&k).expect("checked");
            get_slice(vm, c, a, b, s)
        }
        Kind::List(l) => {
            let i = index_of(vm, k, "list")?;
            let l = l.borrow();
            match norm_index(i, l.len()) {
                Some(j) => Ok(l[j]),
                None => {
                    drop(l);
                    Err(vm.index_error("list index out of range"))
                }
            }
        }
        Kind::Tuple(t) => {
            let i = index_of(vm, k, "tuple")?;
            match norm_index(i, t.len()) {
                Some(j) => Ok(t[j]),
                None => Err(vm.index_error("tuple index out of range")),
            }
        }
        Kind::Str(s) => {
            let i = index_of(vm, k, "string")?;
            match norm_index(i, s.nchars) {
                Some(j) => {
                    if s.is_ascii() {
                        Ok(Value::Obj(vm.op_names.chars[s.s.as_bytes()[j] as usize]))
                    } else {
                        let ch = s.s.chars().nth(j).unwrap();
                        Ok(vm.new_str(ch.to_string()))
                    }
                }
                None => Err(vm.index_error("string index out of range")),
            }
        }
        Kind::Range(r) => {
            let r = *r;
            if let Some((a, b, st)) = slice_parts(&k) {
                let (start, stop, step, n) = slice_indices(vm, a, b, st, r.len() as usize)?;
                let _ = stop;
                let nstart = r.start + start * r.step;
                let nstep = r.step * step;
                let nstop = nstart + n as i64 * nstep;
                return Ok(Value::Obj(vm.alloc(Kind::Range(Range { start: nstart, stop: nstop, step: nstep }))));
            }
            let i = index_of(vm, k, "range")?;
            match norm_index(i, r.len() as usize) {
                Some(j) => Ok(Value::Int(r.get(j as i64))),
                None => Err(vm.index_error("range object index out of range")),
            }
        }
        Kind::Bytes(_) | Kind::ByteArray(_) => {
            let data: Vec<u8> = match &o.kind {
                Kind::Bytes(b) => b.to_vec(),
                Kind::ByteArray(b) => b.borrow().clone(),
                _ => unreachable!(),
            };
            if let Some((a, b, st)) = slice_parts(&k) {
                let (start, _, step, n) = slice_indices(vm, a, b, st, data.len())?;
                let out: Vec<u8> = (0..n).map(|i| data[(start + i as i64 * step) as usize]).collect();
                return Ok(Value::Obj(vm.alloc(match &o.kind {
                    Kind::Bytes(_) => Kind::Bytes(out.into_boxed_slice()),
                    _ => Kind::ByteArray(RefCell::new(out)),
                })));
            }
            let i = index_of(vm, k, if matches!(o.kind, Kind::Bytes(_)) { "byte" } else { "bytearray" })?;
            match norm_index(i, data.len()) {
                Some(j) => Ok(Value::Int(data[j] as i64)),
                None => Err(vm.index_error(if matches!(o.kind, Kind::Bytes(_)) {
                    "index out of range"
                } else {
                    "bytearray index out of range"
                })),
            }
        }
        _ => {
            let tn = vm.type_name(c);
            Err(vm.type_error(format!("'{}' object is not subscriptable", tn)))
        }
    }
}

/// `c[a:b:st] = v` for a list `c`, from the parts of the slice (compiled code calls
/// this without building a slice object).
pub fn set_slice(vm: &mut Vm, c: Value, a: Value, b: Value, st: Value, v: Value) -> PyResult<()> {
    let Some(Kind::List(l)) = c.as_obj().map(|o| o.kind()) else { unreachable!("set_slice of a non-list") };
    // A list or tuple with int/None bounds: copied without collecting it into a new
    // vector first (in place when as long as the slice).
    if let (Some(dst), Some(src)) = (c.as_obj(), v.as_obj()) {
        let none = Value::None;
        if matches!(src.kind(), Kind::List(_) | Kind::Tuple(_)) && copy_slice(dst, a, b, st, src, none, none, none) {
            return Ok(());
        }
    }
    let new_items = if v.is(&c) { l.borrow().clone() } else { vm.collect_iter(v)? };
    let len = l.borrow().len();
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(&new_items);
    let r = slice_indices(vm, a, b, st, len);
    vm.roots.truncate(mark);
    let (start, stop, step, n) = r?;
    if step == 1 {
        let stop = stop.max(start) as usize;
        l.borrow_mut().splice(start as usize..stop, new_items);
        return Ok(());
    }
    if new_items.len() != n {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            n
        )));
    }
    let mut lb = l.borrow_mut();
    for (i, item) in new_items.into_iter().enumerate() {
        lb[(start + i as i64 * step) as usize] = item;
    }
    Ok(())
}

/// `dst[a:b:st] = src[c:d:t]` for a list `dst`, a list or tuple `src` and int/None
/// bounds, without the intermediate list (compiled code calls this for the two
/// instructions). The result is Python's, which takes the source slice before the store:
/// when `dst` is `src`, a reversed or identical range is done in place and anything else
/// goes through a copy. False, having changed nothing, when either slice would raise (a
/// zero step, a bound of another type, an extended slice of another size): the caller
/// then runs the two steps the general way.
#[allow(clippy::too_many_arguments)]
#[inline]
pub fn copy_slice(dst: ObjRef, a: Value, b: Value, st: Value, src: ObjRef, c: Value, d: Value, t: Value) -> bool {
    let Kind::List(l) = dst.kind() else { return false };
    let same = dst.ptr_eq(src);
    let src_len = match src.kind() {
        Kind::List(s) => s.borrow().len(),
        Kind::Tuple(s) => s.len(),
        _ => return false,
    };
    let Some((s0, _, sstep, n)) = crate::ops::plain_slice_indices(c, d, t, src_len) else { return false };
    let mut items = l.borrow_mut();
    let Some((start, stop, step, m)) = crate::ops::plain_slice_indices(a, b, st, items.len()) else {
        return false;
    };
    let (start_u, stop_u) = (start as usize, stop.max(start) as usize);
    if step != 1 && m != n {
        return false;
    }
    // Where item `i` of the source slice goes, when the target has as many places.
    let place = |i: usize| (start + i as i64 * step) as usize;
    let from = |i: usize| (s0 + i as i64 * sstep) as usize;
    if same {
        if step == 1 && stop_u - start_u == n && n > 0 {
            let (lo, hi) = (from(0).min(from(n - 1)), from(0).max(from(n - 1)));
            if lo == start_u && hi + 1 == stop_u && (sstep == 1 || sstep == -1) {
                // `a[i:j] = a[i:j]` or `a[i:j] = a[j-1:i-1:-1]`.
                if sstep == -1 {
                    // (A loop: `reverse` is an out-of-line call, and these are short.)
                    let (mut i, mut j) = (start_u, stop_u - 1);
                    while i < j {
                        items.swap(i, j);
                        i += 1;
                        j -= 1;
                    }
                }
                return true;
            }
        }
        let copy: Vec<Value> = (0..n).map(|i| items[from(i)]).collect();
        if step == 1 {
            items.splice(start_u..stop_u, copy);
        } else {
            for (i, item) in copy.into_iter().enumerate() {
                items[place(i)] = item;
            }
        }
        return true;
    }
    let put = |items: &mut Vec<Value>, source: &[Value]| {
        if step != 1 || stop_u - start_u == n {
            for i in 0..n {
                items[place(i)] = source[from(i)];
            }
        } else {
            items.splice(start_u..stop_u, (0..n).map(|i| source[from(i)]));
        }
    };
    match src.kind() {
        Kind::List(s) => put(&mut items, &s.borrow()),
        Kind::Tuple(s) => put(&mut items, s),
        _ => return false,
    }
    true
}

/// Item and slice assignment on lists (and bytearrays).
pub fn setitem_builtin(vm: &mut Vm, c: Value, k: Value, v: Value) -> PyResult<()> {
    let Value::Obj(o) = c else {
        let tn = vm.type_name(c);
        return Err(vm.type_error(format!("'{}' object does not support item assignment", tn)));
    };
    match &o.kind {
        Kind::List(_) if slice_parts(&k).is_some() => {
            let (a, b, st) = slice_parts(&k).expect("checked");
            set_slice(vm, c, a, b, st, v)
        }
        Kind::List(l) => {
            let i = index_of(vm, k, "list")?;
            let mut lb = l.borrow_mut();
            let n = lb.len();
            match norm_index(i, n) {
                Some(j) => {
                    lb[j] = v;
                    Ok(())
                }
                None => {
                    drop(lb);
                    Err(vm.index_error("list assignment index out of range"))
                }
            }
        }
        Kind::ByteArray(bytes) => {
            let i = index_of(vm, k, "bytearray")?;
            let byte = match v {
                Value::Int(x) if (0..256).contains(&x) => x as u8,
                _ => return Err(vm.value_error("byte must be in range(0, 256)")),
            };
            let mut bb = bytes.borrow_mut();
            let n = bb.len();
            match norm_index(i, n) {
                Some(j) => {
                    bb[j] = byte;
                    Ok(())
                }
                None => {
                    drop(bb);
                    Err(vm.index_error("bytearray index out of range"))
                }
            }
        }
        _ => {
            let tn = vm.type_name(c);
            Err(vm.type_error(format!("'{}' object does not support item assignment", tn)))
        }
    }
}

/// Item and slice deletion on lists.
pub fn delitem_builtin(vm: &mut Vm, c: Value, k: Value) -> PyResult<()> {
    let Value::Obj(o) = c else {
        let tn = vm.type_name(c);
        return Err(vm.type_error(format!("'{}' object does not support item deletion", tn)));
    };
    match &o.kind {
        Kind::List(l) => {
            if let Some((a, b, st)) = slice_parts(&k) {
                let len = l.borrow().len();
                let (start, _, step, n) = slice_indices(vm, a, b, st, len)?;
                let mut lb = l.borrow_mut();
                if step == 1 {
                    let lo = (start as usize).min(lb.len());
                    let hi = (lo + n).min(lb.len());
                    lb.drain(lo..hi);
                    return Ok(());
                }
                let remove: std::collections::HashSet<usize> =
                    (0..n).map(|i| (start + i as i64 * step) as usize).collect();
                let mut i = 0;
                lb.retain(|_| {
                    let keep = !remove.contains(&i);
                    i += 1;
                    keep
                });
                return Ok(());
            }
            let i = index_of(vm, k, "list")?;
            let mut lb = l.borrow_mut();
            let n = lb.len();
            match norm_index(i, n) {
                Some(j) => {
                    lb.remove(j);
                    Ok(())
                }
                None => {
                    drop(lb);
                    Err(vm.index_error("list assignment index out of range"))
                }
            }
        }
        _ => {
            let tn = vm.type_name(c);
            Err(vm.type_error(format!("'{}' object doesn't support item deletion", tn)))
        }
    }
}

/// `k in b` for bytes and bytearray.
pub fn bytes_contains(vm: &mut Vm, c: Value, k: Value) -> PyResult<bool> {
    let data: Vec<u8> = match c.as_obj().map(|o| o.kind()) {
        Some(Kind::Bytes(b)) => b.to_vec(),
        Some(Kind::ByteArray(b)) => b.borrow().clone(),
        _ => return Ok(false),
    };
    match k {
        Value::Int(i) => {
            if !(0..256).contains(&i) {
                return Err(vm.value_error("byte must be in range(0, 256)"));
            }
            Ok(data.contains(&(i as u8)))
        }
        Value::Obj(o) => match &o.kind {
            Kind::Bytes(n) => Ok(n.is_empty() || data.windows(n.len()).any(|w| w == &n[..])),
            Kind::ByteArray(n) => {
                let n = n.borrow();
                Ok(n.is_empty() || data.windows(n.len()).any(|w| w == &n[..]))
            }
            _ => {
                let tn = vm.type_name(k);
                Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
            }
        },
        _ => {
            let tn = vm.type_name(k);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}
