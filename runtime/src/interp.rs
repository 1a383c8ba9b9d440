//! The bytecode interpreter: frame set-up and argument binding, the dispatch loop, and
//! exception unwinding through the exception tables. Python-to-Python calls made by CALL
//! instructions push a frame and continue in the same loop (no Rust recursion); calls
//! from native code (dunders, key functions, generators) run a nested loop via `run`.

use crate::bytecode::{flags, BinOp, CmpOp, Instr, Op};
use crate::dict::Dict;
use crate::heap::ObjRef;
use crate::object::*;
use crate::ops::{dict_get_str, dict_set_str, is_subclass};
use crate::value::{PyErr, PyResult, Value};
use crate::vm::{Frame, Vm};
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Operand-stack room reserved beyond a frame's verified depth (`max_stack`), for the
/// few instructions that briefly hold one more value (a bound method's `self`).
const STACK_SLACK: usize = 4;

/// Reads the `Value` at `p` as two 8-byte loads (tag, then payload).
///
/// Values are mostly written as two 8-byte stores (the tag and payload of a freshly
/// built `Value`); a plain `*p` copy reads them back with one 16-byte load, which the
/// CPU cannot forward from the two pending stores (a store-forwarding stall of a dozen
/// cycles on the dispatch loop's hottest path: an operand pushed, then popped).
///
/// # Safety
/// `p` must point to an initialised `Value`.
#[inline(always)]
unsafe fn load_value(p: *const Value) -> Value {
    let q = p as *const std::mem::MaybeUninit<u64>;
    // SAFETY: a `Value` is 16 bytes (two u64 words, `repr(C, u64)`); `MaybeUninit`
    // words may hold the uninitialised payload of `None`/`Undef`, and the pair read
    // back is the same bytes, so the transmute yields the same valid `Value`.
    unsafe { std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>([q.read(), q.add(1).read()]) }
}

/// What resuming a generator produced.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

/// Formats "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython's argument errors do.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// The entry of instruction `i`'s attribute cache that `hit` accepts: the newest
/// (`Code::caches`), then the older ones (`Code::caches_more`).
#[inline(always)]
fn probe_cache(code: &Code, i: usize, hit: impl Fn(&InlineCache) -> bool) -> Option<InlineCache> {
    let c = code.caches[i].get();
    if hit(&c) {
        return Some(c);
    }
    code.caches_more[i].iter().map(Cell::get).find(|c| hit(c))
}

/// Before instruction `i`'s cache is refilled: keeps its newest entry, if still valid
/// (`epoch`), as the first of the older ones.
fn age_cache(code: &Code, i: usize, epoch: u64) {
    let old = code.caches[i].get();
    if old.key == 0 || old.epoch != epoch {
        return;
    }
    let more = &code.caches_more[i];
    if more.iter().any(|c| {
        let c = c.get();
        c.key == old.key && c.shape == old.shape && c.epoch == epoch
    }) {
        return;
    }
    for j in (1..more.len()).rev() {
        more[j].set(more[j - 1].get());
    }
    more[0].set(old);
}

impl Vm {
    // -- Frames --------------------------------------------------------------------------

    /// How a call of `func` (simple code: positional parameters only) with `npos`
    /// positional arguments followed by keyword arguments named `names` (none for a plain
    /// call leaving trailing arguments to their defaults) binds: for each parameter, the
    /// index of its argument among the call's arguments, or (negative, `-1 - j`) item `j`
    /// of the defaults tuple. None when the call does not bind that simply (too many
    /// arguments, an unknown or repeated name, a missing argument): `bind_args` then
    /// raises.
    pub fn call_layout(&self, func: ObjRef, npos: usize, names: &[Value]) -> Option<SmallVec<[isize; 8]>> {
        let f = func.as_function()?;
        let code = f.code.as_code()?;
        if !code.simple {
            return None;
        }
        let argc = code.co.argcount as usize;
        if npos > argc {
            return None;
        }
        let mut layout: SmallVec<[isize; 8]> = SmallVec::new();
        layout.resize(argc, isize::MIN);
        for (i, slot) in layout.iter_mut().enumerate().take(npos) {
            *slot = i as isize;
        }
        for (j, name) in names.iter().enumerate() {
            let name = name.as_obj()?;
            let p = code.varnames[..argc].iter().position(|v| v.ptr_eq(name))?;
            if layout[p] != isize::MIN {
                return None;
            }
            layout[p] = (npos + j) as isize;
        }
        let ndef = match f.defaults.get() {
            Value::Obj(t) => t.as_tuple().map_or(0, |d| d.len()),
            _ => 0,
        };
        for (p, slot) in layout.iter_mut().enumerate() {
            if *slot == isize::MIN {
                // Defaults cover the last `ndef` parameters.
                let j = (p + ndef).checked_sub(argc)?;
                *slot = -1 - j as isize;
            }
        }
        Some(layout)
    }

    /// Binds `args`/`kw` to the parameters of `func`, returning the frame's slots
    /// (locals, cells, free variables).
    pub fn bind_args(&mut self, func: ObjRef, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Vec<Value>> {
        let f = func.as_function().unwrap();
        let code = f.code.as_code().unwrap().clone();
        let co = &code.co;
        let nlocals = co.nlocals();
        let mut slots = vec![Value::Undef; co.nslots()];
        let argc = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & flags::VARARGS != 0;
        let has_varkw = co.flags & flags::VARKEYWORDS != 0;
        let qual = || -> String {
            match f.qualname.get().as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
                Some(s) => s,
                None => co.qualname.clone(),
            }
        };
        let n = args.len();
        slots[..n.min(argc)].copy_from_slice(&args[..n.min(argc)]);
        let varargs_idx = argc + kwonly;
        if n > argc {
            if has_varargs {
                slots[varargs_idx] = self.new_tuple(args[argc..].to_vec());
            } else {
                let defaults = f.defaults.get().as_obj().and_then(|t| t.as_tuple().map(|t| t.len())).unwrap_or(0);
                let given_kw =
                    kw.iter().filter(|(k, _)| code.varnames[argc..argc + kwonly].iter().any(|v| v.ptr_eq(*k))).count();
                let takes = if defaults > 0 {
                    format!("from {} to {} positional arguments", argc - defaults, argc)
                } else {
                    format!("{} positional argument{}", argc, if argc == 1 { "" } else { "s" })
                };
                let kwpart = if given_kw > 0 {
                    format!(
                        " positional argument{} (and {} keyword-only argument{})",
                        if n == 1 { "" } else { "s" },
                        given_kw,
                        if given_kw == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                let msg = if given_kw > 0 {
                    format!("{}() takes {} but {}{} were given", qual(), takes, n, kwpart)
                } else {
                    format!("{}() takes {} but {} {} given", qual(), takes, n, if n == 1 { "was" } else { "were" })
                };
                return Err(self.type_error(msg));
            }
        } else if has_varargs {
            slots[varargs_idx] = Value::Obj(self.empty_tuple);
        }
        let mut kwdict: Option<ObjRef> = None;
        if has_varkw {
            let d = self.alloc(Kind::new_dict(RefCell::new(Dict::new())));
            slots[varargs_idx + has_varargs as usize] = Value::Obj(d);
            kwdict = Some(d);
        }
        let posonly = co.posonlyargcount as usize;
        for (name, v) in kw {
            let pos =
                code.varnames[..argc + kwonly].iter().position(|vn| vn.ptr_eq(*name) || vn.as_str() == name.as_str());
            match pos {
                Some(p) if p >= posonly => {
                    if !slots[p].is_undef() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qual(),
                            name.as_str().unwrap_or("")
                        )));
                    }
                    slots[p] = *v;
                }
                _ => match kwdict {
                    Some(d) => self.dict_set(d, Value::Obj(*name), *v)?,
                    None => {
                        if pos.is_some() {
                            return Err(self.type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                qual(),
                                name.as_str().unwrap_or("")
                            )));
                        }
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qual(),
                            name.as_str().unwrap_or("")
                        )));
                    }
                },
            }
        }
        if n < argc {
            let defaults = f.defaults.get();
            let defs: &[Value] = defaults.as_obj().and_then(|t| t.as_tuple()).unwrap_or(&[]);
            let first_default = argc - defs.len();
            let mut missing = Vec::new();
            for (i, slot) in slots.iter_mut().enumerate().take(argc).skip(n) {
                if slot.is_undef() {
                    if i >= first_default {
                        *slot = defs[i - first_default];
                    } else {
                        missing.push(co.varnames[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required positional argument{}: {}",
                    qual(),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        if kwonly > 0 {
            let kwdefaults = f.kwdefaults.get();
            let mut missing = Vec::new();
            #[allow(clippy::needless_range_loop)]
            for i in argc..argc + kwonly {
                if slots[i].is_undef() {
                    let d = match kwdefaults.as_obj() {
                        Some(kd) if kd.as_dict().is_some() => dict_get_str(kd, code.varnames[i]),
                        _ => None,
                    };
                    match d {
                        Some(v) => slots[i] = v,
                        None => missing.push(co.varnames[i].clone()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    qual(),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        for (i, p) in code.cell_params.iter().enumerate() {
            let init = match p {
                Some(p) => slots[*p as usize],
                None => Value::Undef,
            };
            slots[nlocals + i] = Value::Obj(self.alloc(Kind::Cell(Cell::new(init))));
        }
        let nc = co.cellvars.len();
        for (i, c) in f.closure.iter().enumerate() {
            if nlocals + nc + i < slots.len() {
                slots[nlocals + nc + i] = Value::Obj(*c);
            }
        }
        Ok(slots)
    }

    fn check_depth(&mut self) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error(""));
        }
        Ok(())
    }

    /// Appends `frame` to the frame stack. Written in place: `Vec::push` built the frame
    /// on the Rust stack with narrow stores and copied it with 16-byte loads, which stalled
    /// store forwarding on every call (a tenth of a call-heavy program's time).
    #[inline(always)]
    fn push_frame(&mut self, make: impl FnOnce() -> Frame) {
        // Reserved before the frame is built, so nothing (no call) separates building it
        // from writing it.
        self.frames.reserve(1);
        let frame = make();
        let len = self.frames.len();
        // SAFETY: `reserve(1)` left room for one more frame at index `len`; it is written
        // (initialised) before `set_len` makes it part of the vector.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(frame);
            self.frames.set_len(len + 1);
        }
    }

    /// MAKE_FUNCTION: a function of `code_obj` in `globals`, with its defaults, keyword
    /// defaults and closure (a tuple of cells, or None).
    pub fn make_function(
        &mut self,
        code_obj: ObjRef,
        globals: ObjRef,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> ObjRef {
        let c = code_obj.as_code().unwrap().clone();
        // Interned: a comprehension makes a function at every run.
        let name = Value::Obj(self.intern(c.co.name.as_str()));
        let qualname = Value::Obj(self.intern(c.co.qualname.as_str()));
        let module = dict_get_str(globals, self.names.name).unwrap_or(Value::None);
        let doc = match &c.co.doc {
            Some(d) => self.new_str(d.as_str()),
            None => Value::None,
        };
        let cells: Box<[ObjRef]> = closure
            .as_obj()
            .and_then(|t| t.as_tuple().map(|t| t.iter().filter_map(|v| v.as_obj()).collect()))
            .unwrap_or_default();
        self.alloc(Kind::new_function(Function {
            code: code_obj,
            globals,
            name: Cell::new(name),
            qualname: Cell::new(qualname),
            defaults: Cell::new(defaults),
            kwdefaults: Cell::new(kwdefaults),
            closure: cells,
            dict: Cell::new(None),
            module,
            doc: Cell::new(doc),
        }))
    }

    /// Pushes the rest of a callee's slots after its `nparams` arguments (the top of the
    /// stack): its other locals (unbound), a new cell for each of its cell variables
    /// (holding the parameter of that name, if any), and its closure's cells.
    #[inline(always)]
    fn push_callee_locals(&mut self, func: &Function, nparams: usize) {
        let code = func.code.as_code().unwrap();
        let nfree = func.closure.len();
        let ncells = code.cell_params.len();
        for _ in 0..code.co.nslots() - nparams - nfree - ncells {
            self.stack.push(Value::Undef);
        }
        if ncells != 0 {
            let base = self.stack.len() - code.co.nlocals();
            for p in code.cell_params.iter() {
                let init = p.map_or(Value::Undef, |p| self.stack[base + p as usize]);
                let cell = self.alloc(Kind::Cell(Cell::new(init)));
                self.stack.push(Value::Obj(cell));
            }
        }
        for c in func.closure.iter() {
            self.stack.push(Value::Obj(*c));
        }
    }

    /// Pushes a frame for `func` whose slots are already on the stack from `base`, with its
    /// constructor instance or binary-operator state (see `Frame::init_self`, `Frame::binop`).
    #[inline(always)]
    fn push_func_frame(
        &mut self,
        func: ObjRef,
        base: usize,
        ret_sp: usize,
        entry: bool,
        locals: Option<ObjRef>,
        init_self: Option<ObjRef>,
        binop: Option<crate::vm::BinopFrame>,
    ) {
        let f = func.as_function().unwrap();
        self.push_frame(|| Frame {
            code: f.code.as_code().unwrap().clone(),
            code_obj: f.code,
            func: Some(func),
            globals: f.globals,
            locals,
            pc: 0,
            base,
            ret_sp,
            entry,
            generator: None,
            init_self,
            binop,
            len_of: false,
            next_of: 0,
            uncounted: false,
        });
    }

    /// Pushes a frame for `func` whose slots are already on the stack from `base`.
    pub fn push_frame_at(&mut self, func: ObjRef, base: usize, ret_sp: usize, entry: bool, locals: Option<ObjRef>) {
        self.push_func_frame(func, base, ret_sp, entry, locals, None, None);
    }

    /// Pushes the `__init__` frame of a constructor call whose slots (the instance
    /// `init_self` first, then the arguments) are already on the stack from `base`: its
    /// return gives `init_self` to the caller (see `Frame::init_self`). The JIT uses this
    /// to rebuild an inlined constructor's frame at a trace exit.
    pub fn push_init_frame_at(&mut self, func: ObjRef, base: usize, ret_sp: usize, init_self: ObjRef) {
        self.push_func_frame(func, base, ret_sp, false, None, Some(init_self), None);
    }

    /// Pushes the `__len__` frame of a call `len(x)` (`Frame::len_of`) whose slots (`x`,
    /// then the function's other locals) are already on the stack from `base`. The JIT
    /// uses this to rebuild an inlined `__len__`'s frame at a trace exit.
    pub fn push_len_frame_at(&mut self, func: ObjRef, base: usize, ret_sp: usize) {
        self.push_func_frame(func, base, ret_sp, false, None, None, None);
        self.frames.last_mut().expect("pushed").len_of = true;
    }

    /// The `__len__` that `len(v)` would call, when the dispatch loop can run it itself: a
    /// plain Python function of one argument, on the class (of `type`) of a plain instance.
    pub fn len_frame_target(&self, v: Value) -> Option<ObjRef> {
        let Value::Obj(o) = v else { return None };
        let Kind::Instance(inst) = &o.kind else { return None };
        if !matches!(inst.payload, Payload::None) {
            return None;
        }
        let cls = inst.class.get();
        if cls.as_class()?.meta.get().is_some() {
            return None;
        }
        let f = self.class_lookup(cls, self.names.len)?.as_obj()?;
        let code = f.as_function()?.code.as_code()?;
        (code.simple && code.co.argcount == 1).then_some(f)
    }

    /// Which of `sum`, `any`, `all`, `min`, `max` (an index into `CONSUME_BUILTINS`) a
    /// positional call `f(*args)` is, when CALL runs it as its `_consume` loop in this loop
    /// (`push_consume_frame_at`): the first argument is a generator, and the only other one is
    /// sum's start value, which is not a str, bytes or bytearray (those take the
    /// built-in's own path). A lone generator given to sum gets start value 0.
    pub fn consume_builtin(&self, f: Value, args: &[Value]) -> Option<usize> {
        // (The argument first: on the interpreter's path of every native call, it is
        // seldom a generator.)
        let Some(Value::Obj(g)) = args.first() else { return None };
        if !matches!(g.kind, Kind::Generator(_)) {
            return None;
        }
        let i = self.consume_builtins.iter().position(|b| b.is(&f))?;
        match (i, args) {
            (_, [_]) => Some(i),
            (0, [_, start]) => {
                let text = matches!(
                    start.as_obj().map(|o| o.kind()),
                    Some(Kind::Str(_) | Kind::Bytes(_) | Kind::ByteArray(_))
                );
                (!text).then_some(i)
            }
            _ => None,
        }
    }

    /// The `_consume` function of built-in `i` of `CONSUME_BUILTINS` (the module is
    /// imported at the first call).
    pub fn consume_func(&mut self, i: usize) -> PyResult<ObjRef> {
        if let Some(fs) = &self.consume_funcs {
            return Ok(fs[i]);
        }
        let mut fs = [self.empty_tuple; 5];
        for (j, name) in crate::builtins::functions::CONSUME_BUILTINS.iter().enumerate() {
            let f = crate::builtins::functions::consume_attr(self, name)?;
            match f.as_obj().filter(|o| o.as_function().is_some()) {
                Some(o) => fs[j] = o,
                None => return Err(self.type_error("_consume functions are not functions")),
            }
        }
        self.consume_funcs = Some(fs);
        Ok(fs[i])
    }

    /// Pushes the frame of `_consume` function `func` run for a call of a built-in, its
    /// slots (the generator, sum's start value, then the function's other locals) already
    /// on the stack from `base`. Tracebacks leave it out (`add_traceback`); sum's does not
    /// count toward the recursion limit (`Frame::uncounted`). The JIT uses this to rebuild
    /// an inlined `_consume` frame at a trace exit.
    pub fn push_consume_frame_at(&mut self, func: ObjRef, base: usize, ret_sp: usize) {
        self.push_func_frame(func, base, ret_sp, false, None, None, None);
        if self.consume_funcs.is_some_and(|fs| fs[0].ptr_eq(func)) {
            self.frames.last_mut().expect("pushed").uncounted = true;
            self.hide_frame();
        }
    }

    /// Whether frame `f` is one `push_consume_frame_at` pushed.
    pub fn is_consume_frame(&self, f: &Frame) -> bool {
        let Some((fo, fs)) = f.func.zip(self.consume_funcs) else { return false };
        match fs.iter().position(|c| c.ptr_eq(fo)) {
            Some(0) => f.uncounted,
            Some(_) => !f.entry,
            None => false,
        }
    }

    /// A frame that does not count toward the recursion limit was pushed
    /// (`Vm::hidden_frames`).
    pub fn hide_frame(&mut self) {
        self.hidden_frames += 1;
        self.recursion_limit += 1;
    }

    /// A frame that `hide_frame` hid was popped.
    pub fn unhide_frame(&mut self) {
        self.hidden_frames -= 1;
        self.recursion_limit -= 1;
    }

    /// Pushes the dunder frame of a binary operation (`Frame::binop`) whose slots (the
    /// operands, then the function's other locals) are already on the stack from `base`.
    /// The JIT uses this to rebuild an inlined operator's frame at a trace exit.
    pub fn push_binop_frame_at(&mut self, func: ObjRef, base: usize, ret_sp: usize, binop: crate::vm::BinopFrame) {
        self.push_func_frame(func, base, ret_sp, false, None, None, Some(binop));
    }

    /// Resumes generator `gen` as a frame of the running dispatch loop, for FOR_ITER (`call`
    /// None) or for a call `next(gen)` / `next(gen, default)` (`call`: the call's stack
    /// position and its number of arguments, `Frame::next_of`): its saved frame is copied
    /// to the top of the stack (with None, the value `yield` evaluates to, when it is
    /// paused at one) and pushed as a non-entry frame, so its YIELD_VALUE hands the value
    /// to the caller's FOR_ITER (or is the call's result) and its RETURN_VALUE ends the
    /// caller's loop (or gives the default, or raises StopIteration in the caller) without
    /// a nested `run`. Returns false, changing nothing, when the generator cannot be
    /// resumed this way (running, finished, or a throw pending); the caller then goes
    /// through `gen_resume`, which reports the error.
    fn gen_push_inline(&mut self, gen: ObjRef, call: Option<(usize, u8)>) -> PyResult<bool> {
        let Kind::Generator(cell) = &gen.kind else { return Ok(false) };
        if self.pending_throw.is_some() {
            return Ok(false);
        }
        let Ok(mut g) = cell.try_borrow_mut() else { return Ok(false) };
        if g.running || g.finished {
            return Ok(false);
        }
        if self.frames.len() >= self.recursion_limit {
            drop(g);
            return Err(self.recursion_error(""));
        }
        g.running = true;
        let started = std::mem::replace(&mut g.started, true);
        let (func, code_obj, globals, pc) = (g.func, g.code, g.globals, g.pc);
        let base = self.stack.len();
        self.stack.extend_from_slice(&g.saved);
        g.saved.clear();
        drop(g);
        if started {
            self.stack.push(Value::None);
        }
        let (ret_sp, next_of) = call.unwrap_or((base, 0));
        self.push_gen_frame(gen, func, code_obj, globals, pc, base, false, ret_sp, next_of);
        Ok(true)
    }

    /// Pushes the frame of generator `gen` (running from `pc`, its slots and operand stack
    /// already on the stack from `base`): an `entry` frame for `gen_resume`'s nested run,
    /// else a frame of the running dispatch loop, the way FOR_ITER or `next()` resumes it
    /// (`gen_push_inline`; `ret_sp` and `next_of` as `Frame`'s). The caller marks the
    /// generator running.
    #[allow(clippy::too_many_arguments)]
    fn push_gen_frame(
        &mut self,
        gen: ObjRef,
        func: ObjRef,
        code_obj: ObjRef,
        globals: ObjRef,
        pc: usize,
        base: usize,
        entry: bool,
        ret_sp: usize,
        next_of: u8,
    ) {
        let code = code_obj.as_code().unwrap().clone();
        self.push_frame(|| Frame {
            code,
            code_obj,
            func: Some(func),
            globals,
            locals: None,
            pc,
            base,
            ret_sp,
            entry,
            generator: Some(gen),
            init_self: None,
            binop: None,
            len_of: false,
            next_of,
            uncounted: false,
        });
    }

    /// Pushes the frame of generator `gen`, which compiled code resumed and left inside its
    /// body (its slots and operand stack already on the stack from `base`), and marks the
    /// generator running, as `gen_push_inline` leaves it: resumed by FOR_ITER (`call` None,
    /// the generator the iterator below `base`) or by `next()` (`call`: the call's stack
    /// position and number of arguments). The caller sets the frame's pc.
    pub fn push_running_gen_frame_at(&mut self, gen: ObjRef, base: usize, call: Option<(usize, u8)>) {
        let Kind::Generator(cell) = &gen.kind else { panic!("not a generator") };
        let (func, code_obj, globals, pc) = {
            let mut g = cell.borrow_mut();
            g.running = true;
            g.started = true;
            g.saved.clear();
            (g.func, g.code, g.globals, g.pc)
        };
        let (ret_sp, next_of) = call.unwrap_or((base, 0));
        self.push_gen_frame(gen, func, code_obj, globals, pc, base, false, ret_sp, next_of);
    }

    /// The exception a generator's frame raised, as its caller sees it: a StopIteration
    /// becomes `RuntimeError: generator raised StopIteration` (PEP 479).
    fn gen_exception(&mut self, e: PyErr) -> PyErr {
        if !self.err_matches(&e, self.exc.StopIteration) {
            return e;
        }
        let re = self.runtime_error("generator raised StopIteration");
        if let Some(d) = re.0.exc_data() {
            let mut d = d.borrow_mut();
            d.cause = Value::Obj(e.0);
            d.context = Value::Obj(e.0);
            d.suppress_context = true;
        }
        re
    }

    /// Marks generator `gen` finished (its frame returned or raised).
    fn gen_finished(gen: ObjRef) {
        if let Kind::Generator(cell) = &gen.kind {
            let mut g = cell.borrow_mut();
            g.running = false;
            g.finished = true;
            g.saved = Vec::new();
        }
    }

    /// Creates a generator object for a call of generator function `func`.
    fn make_generator(&mut self, func: ObjRef, slots: Vec<Value>) -> Value {
        let f = func.as_function().unwrap();
        Value::Obj(self.alloc(Kind::new_generator(RefCell::new(Generator {
            func,
            code: f.code,
            globals: f.globals,
            pc: 0,
            saved: slots,
            running: false,
            finished: false,
            started: false,
            exc_state: Vec::new(),
        }))))
    }

    /// Calls a Python function from Rust: binds arguments, runs it to completion.
    pub fn call_function(&mut self, func: ObjRef, args: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
        self.call_function_ns(func, args, kw, None)
    }

    /// Like `call_function`, with a namespace dict as the frame's locals (class bodies).
    pub fn call_function_ns(
        &mut self,
        func: ObjRef,
        args: &[Value],
        kw: &[(ObjRef, Value)],
        ns: Option<ObjRef>,
    ) -> PyResult<Value> {
        let f = func.as_function().unwrap();
        let code = f.code.as_code().unwrap();
        if code.simple && kw.is_empty() && args.len() == code.co.argcount as usize && ns.is_none() {
            self.check_depth()?;
            let base = self.stack.len();
            self.stack.extend_from_slice(args);
            self.push_callee_locals(f, args.len());
            self.push_frame_at(func, base, base, true, None);
            return self.run();
        }
        let slots = self.bind_args(func, args, kw)?;
        if code.co.is_generator() {
            return Ok(self.make_generator(func, slots));
        }
        self.check_depth()?;
        let base = self.stack.len();
        self.stack.extend_from_slice(&slots);
        self.push_frame_at(func, base, base, true, ns);
        self.run()
    }

    /// Runs a module-level (or exec'd) code object with `globals` as its namespace.
    pub fn run_code(&mut self, code_obj: ObjRef, globals: ObjRef, locals: Option<ObjRef>) -> PyResult<Value> {
        let code = code_obj.as_code().unwrap().clone();
        let base = self.stack.len();
        for _ in 0..code.co.nslots() {
            self.stack.push(Value::Undef);
        }
        self.push_frame(|| Frame {
            code,
            code_obj,
            func: None,
            globals,
            locals: Some(locals.unwrap_or(globals)),
            pc: 0,
            base,
            ret_sp: base,
            entry: true,
            generator: None,
            init_self: None,
            binop: None,
            len_of: false,
            next_of: 0,
            uncounted: false,
        });
        self.run()
    }

    /// Resumes a generator with `sent` (the value of the paused `yield`).
    pub fn gen_resume(&mut self, gen: ObjRef, sent: Value) -> PyResult<GenResult> {
        let Kind::Generator(cell) = &gen.kind else { unreachable!() };
        let (func, code_obj, globals, pc, saved) = {
            let Ok(mut g) = cell.try_borrow_mut() else {
                return Err(self.value_error("generator already executing"));
            };
            if g.running {
                drop(g);
                return Err(self.value_error("generator already executing"));
            }
            if g.finished {
                return Ok(GenResult::Return(Value::None));
            }
            if !g.started && !sent.is_none() {
                drop(g);
                return Err(self.type_error("can't send non-None value to a just-started generator"));
            }
            g.running = true;
            let saved = std::mem::take(&mut g.saved);
            (g.func, g.code, g.globals, g.pc, saved)
        };
        let started = cell.borrow().started;
        if let Err(e) = self.check_depth() {
            let mut g = cell.borrow_mut();
            g.saved = saved;
            g.running = false;
            return Err(e);
        }
        let base = self.stack.len();
        self.stack.extend_from_slice(&saved);
        if started {
            self.stack.push(sent);
        }
        self.push_gen_frame(gen, func, code_obj, globals, pc, base, true, base, 0);
        cell.borrow_mut().started = true;
        self.yielded = false;
        let r = self.run();
        let yielded = std::mem::replace(&mut self.yielded, false);
        match r {
            Ok(v) if yielded => {
                cell.borrow_mut().running = false;
                Ok(GenResult::Yield(v))
            }
            Ok(v) => {
                Self::gen_finished(gen);
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                Self::gen_finished(gen);
                Err(self.gen_exception(e))
            }
        }
    }

    /// Throws an exception into a generator at its paused `yield`.
    pub fn gen_throw(&mut self, gen: ObjRef, exc: PyErr) -> PyResult<GenResult> {
        let Kind::Generator(cell) = &gen.kind else { unreachable!() };
        {
            let g = cell.borrow();
            if g.running {
                drop(g);
                return Err(self.value_error("generator already executing"));
            }
            if g.finished || !g.started {
                drop(g);
                cell.borrow_mut().finished = true;
                return Err(exc);
            }
        }
        self.pending_throw = Some(exc);
        self.gen_resume(gen, Value::None)
    }

    // -- The loop ------------------------------------------------------------------------

    /// Runs frames until the entry frame on top of the frame stack returns.
    pub fn run(&mut self) -> PyResult<Value> {
        if let Err(e) = self.enter_native("") {
            // Drop the frame we were asked to run.
            if let Some(f) = self.frames.pop() {
                self.stack.truncate(f.ret_sp);
            }
            return Err(e);
        }
        if let Some(mut exc) = self.pending_throw.take() {
            self.reraise = false;
            if !self.unwind(&mut exc) {
                self.leave_native();
                return Err(exc);
            }
        }
        loop {
            match self.exec() {
                Ok(v) => {
                    self.leave_native();
                    return Ok(v);
                }
                Err(mut e) => {
                    if !self.unwind(&mut e) {
                        self.leave_native();
                        return Err(e);
                    }
                }
            }
        }
    }

    /// Finds a handler for `e` starting at the top frame; pops frames without one.
    /// Returns false when the exception leaves the entry frame.
    fn unwind(&mut self, e: &mut PyErr) -> bool {
        let reraise = std::mem::replace(&mut self.reraise, false);
        if !reraise {
            // Implicit chaining: the exception being handled becomes the context.
            if let Value::Obj(h) = self.handled {
                if !h.ptr_eq(e.0) {
                    if let Some(d) = e.0.exc_data() {
                        if d.borrow().context.is_none() {
                            // Break cycles: do not link if e is already in h's chain.
                            let mut cur = Value::Obj(h);
                            let mut cyc = false;
                            let mut steps = 0;
                            while let Value::Obj(c) = cur {
                                if c.ptr_eq(e.0) || steps > 1000 {
                                    cyc = true;
                                    break;
                                }
                                steps += 1;
                                cur = c.exc_data().map(|x| x.borrow().context).unwrap_or(Value::None);
                            }
                            if !cyc {
                                d.borrow_mut().context = Value::Obj(h);
                            }
                        }
                    }
                }
            }
            self.add_traceback(*e, self.frames.len() - 1);
        }
        loop {
            let fi = self.frames.len() - 1;
            let frame = &self.frames[fi];
            let pc = frame.pc.saturating_sub(1);
            if let Some(h) = frame.code.co.handler_for(pc).copied() {
                let sp = frame.base + frame.code.co.nslots() + h.depth as usize;
                self.stack.truncate(sp);
                self.stack.push(Value::Obj(e.0));
                self.frames[fi].pc = h.handler as usize;
                return true;
            }
            let frame = self.frames.pop().unwrap();
            self.stack.truncate(frame.ret_sp);
            if frame.uncounted {
                self.unhide_frame();
            }
            if frame.entry {
                return false;
            }
            if let Some(gen) = frame.generator {
                // A generator FOR_ITER resumed in this loop: it is finished, and the
                // exception goes on in the caller's FOR_ITER as `gen_resume` would raise it.
                Self::gen_finished(gen);
                *e = self.gen_exception(*e);
            }
            self.add_traceback(*e, self.frames.len() - 1);
        }
    }

    fn add_traceback(&mut self, e: PyErr, fi: usize) {
        let frame = &self.frames[fi];
        if *frame.code.co.filename == *crate::builtins::functions::CONSUME_FILE {
            // A built-in's loop written in Python (`_consume`): the built-in is what the
            // program called, so the traceback shows no frame for it.
            return;
        }
        let pc = frame.pc.saturating_sub(1);
        let line = frame.code.co.lines.get(pc).copied().unwrap_or(0);
        if let Some(d) = e.0.exc_data() {
            d.borrow_mut().traceback.push(TbEntry { code: frame.code_obj, line });
        }
    }

    /// The dispatch loop. Returns the entry frame's result, or an error with the
    /// failing frame's pc saved (just past the failing instruction).
    fn exec(&mut self) -> PyResult<Value> {
        let mut fidx = self.frames.len() - 1;
        let mut code: Rc<Code> = self.frames[fidx].code.clone();
        let mut pc = self.frames[fidx].pc;
        let mut base = self.frames[fidx].base;
        // The current code's instructions, fetched without going through `code` twice
        // per instruction. `code` (an `Rc`) keeps them alive; `reload!` refreshes both.
        let mut instrs: *const [crate::bytecode::Instr] = &*code.co.instrs;

        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(err) => {
                        self.frames[fidx].pc = pc;
                        return Err(err);
                    }
                }
            };
        }
        // -- Operand stack access --------------------------------------------------------
        //
        // The compiler verifies each code object's stack depth (`CodeObject::max_stack`),
        // and `ensure_stack!` reserves, whenever this loop switches to a frame, room for
        // that frame's slots and deepest operand stack (plus `STACK_SLACK`). The stack
        // never gives capacity back, so within an instruction `push!` cannot outgrow it
        // and `pop!`/`peek!`/`slot!` never read below the frame's slots: these macros
        // skip Vec's capacity and bounds checks (the only `unsafe` of the loop; every
        // access is `debug_assert`ed). Pushes that build a callee's frame, whose depth is
        // not the current frame's, use the checked `self.stack.push`.
        macro_rules! ensure_stack {
            () => {{
                let need = base + code.co.nslots() + code.co.max_stack as usize + STACK_SLACK;
                if self.stack.capacity() < need {
                    self.stack.reserve(need.saturating_sub(self.stack.len()));
                }
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: Value = $v;
                let l = self.stack.len();
                debug_assert!(l < self.stack.capacity());
                // SAFETY: `ensure_stack!` reserved room for this frame's deepest stack.
                unsafe {
                    self.stack.as_mut_ptr().add(l).write(v);
                    self.stack.set_len(l + 1);
                }
            }};
        }
        macro_rules! pop {
            () => {{
                let l = self.stack.len();
                debug_assert!(l > base);
                // SAFETY: the compiler's stack verification guarantees an operand to pop;
                // `Value` is `Copy`, so shortening the Vec drops nothing.
                unsafe {
                    self.stack.set_len(l - 1);
                    load_value(self.stack.as_ptr().add(l - 1))
                }
            }};
        }
        // Operands stay on the stack (rooted) while an operation that may run Python
        // code uses them; `drop_push!(n, v)` then replaces them with the result.
        macro_rules! peek {
            ($n:expr) => {{
                let l = self.stack.len();
                debug_assert!($n >= 1 && $n <= l);
                // SAFETY: the instruction has at least `$n` operands (verified depth).
                unsafe { load_value(self.stack.as_ptr().add(l - $n)) }
            }};
        }
        // A local slot of the current frame (`i` < `nslots`, checked by the compiler).
        macro_rules! slot {
            ($i:expr) => {{
                let i = base + $i;
                debug_assert!(i < self.stack.len());
                // SAFETY: the frame's slots lie below its operand stack.
                unsafe { self.stack.get_unchecked_mut(i) }
            }};
        }
        // (`$n` >= 1: the result takes the place of the deepest operand, so the stack
        // never grows here.)
        macro_rules! drop_push {
            ($n:expr, $v:expr) => {{
                let v: Value = $v;
                let l = self.stack.len();
                debug_assert!($n >= 1 && $n <= l);
                // SAFETY: as for `peek!`; `Value` is `Copy`.
                unsafe {
                    *self.stack.get_unchecked_mut(l - $n) = v;
                    self.stack.set_len(l - $n + 1);
                }
            }};
        }
        macro_rules! drop_n {
            ($n:expr) => {{
                let l = self.stack.len();
                self.stack.truncate(l - $n);
            }};
        }
        macro_rules! top {
            () => {
                peek!(1)
            };
        }
        macro_rules! reload {
            () => {
                fidx = self.frames.len() - 1;
                code = self.frames[fidx].code.clone();
                instrs = &*code.co.instrs;
                pc = self.frames[fidx].pc;
                base = self.frames[fidx].base;
                ensure_stack!();
            };
        }
        macro_rules! throw {
            ($e:expr) => {{
                let err = $e;
                self.frames[fidx].pc = pc;
                return Err(err);
            }};
        }

        ensure_stack!();
        loop {
            if self.recording {
                self.frames[fidx].pc = pc;
                self.with_hooks(|h, vm| h.record(vm));
            }
            // SAFETY: `instrs` points into `code`'s instructions (see its definition);
            // the index is still bounds-checked.
            let ins = unsafe { (&*instrs)[pc] };
            pc += 1;
            match ins.op {
                Op::Nop => {}
                Op::PopTop => {
                    self.stack.pop();
                }
                Op::Copy => {
                    let v = self.stack[self.stack.len() - ins.arg as usize];
                    push!(v);
                }
                Op::Swap => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - ins.arg as usize);
                }
                Op::LoadConst => {
                    let v = code.consts[ins.arg as usize];
                    push!(v);
                }
                Op::LoadFast => {
                    let s: *const Value = slot!(ins.arg as usize);
                    // SAFETY: a slot is an initialised `Value`.
                    let v = unsafe { load_value(s) };
                    if v.is_undef() {
                        let name = code.co.varnames[ins.arg as usize].clone();
                        throw!(self.unbound_local(&name));
                    }
                    push!(v);
                }
                Op::StoreFast => {
                    let v = pop!();
                    *slot!(ins.arg as usize) = v;
                }
                Op::DeleteFast => {
                    let slot = base + ins.arg as usize;
                    if self.stack[slot].is_undef() {
                        let name = code.co.varnames[ins.arg as usize].clone();
                        throw!(self.unbound_local(&name));
                    }
                    self.stack[slot] = Value::Undef;
                }
                Op::LoadDeref | Op::LoadClassDeref => {
                    if ins.op == Op::LoadClassDeref {
                        if let Some(ns) = self.frames[fidx].locals {
                            let name = self.intern(code.co.deref_name(ins.arg as usize));
                            if let Some(v) = dict_get_str(ns, name) {
                                push!(v);
                                continue;
                            }
                        }
                    }
                    let cell = self.stack[base + code.co.nlocals() + ins.arg as usize];
                    let v = match cell.as_obj().map(|o| o.kind()) {
                        Some(Kind::Cell(c)) => c.get(),
                        _ => Value::Undef,
                    };
                    if v.is_undef() {
                        let name = code.co.deref_name(ins.arg as usize).to_string();
                        let msg = if (ins.arg as usize) < code.co.cellvars.len() {
                            format!("cannot access local variable '{}' where it is not associated with a value", name)
                        } else {
                            format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name)
                        };
                        let err = if (ins.arg as usize) < code.co.cellvars.len() {
                            let c = self.exc.UnboundLocalError;
                            self.err(c, msg)
                        } else {
                            self.name_error(msg)
                        };
                        throw!(err);
                    }
                    push!(v);
                }
                Op::StoreDeref => {
                    let v = pop!();
                    let cell = self.stack[base + code.co.nlocals() + ins.arg as usize];
                    if let Some(Kind::Cell(c)) = cell.as_obj().map(|o| o.kind()) {
                        c.set(v);
                    }
                }
                Op::DeleteDeref => {
                    let cell = self.stack[base + code.co.nlocals() + ins.arg as usize];
                    if let Some(Kind::Cell(c)) = cell.as_obj().map(|o| o.kind()) {
                        c.set(Value::Undef);
                    }
                }
                Op::LoadClosure => {
                    let cell = self.stack[base + code.co.nlocals() + ins.arg as usize];
                    push!(cell);
                }
                Op::LoadGlobal => {
                    let globals = self.frames[fidx].globals;
                    let cache = &code.caches[pc - 1];
                    let c = cache.get();
                    if c.key == globals.addr() {
                        let gd = globals.as_dict().unwrap().borrow();
                        if gd.version == c.epoch {
                            if c.slot != u32::MAX {
                                let v = gd.value_at(c.slot as usize);
                                drop(gd);
                                push!(v);
                                continue;
                            }
                            let bd = self.builtins_dict.as_dict().unwrap().borrow();
                            if bd.version == c.epoch2 {
                                let v = bd.value_at(c.new_shape as usize);
                                drop(bd);
                                drop(gd);
                                push!(v);
                                continue;
                            }
                        }
                    }
                    let name = code.names[ins.arg as usize];
                    self.fill_global_cache(cache, globals, name);
                    let v = match dict_get_str(globals, name) {
                        Some(v) => v,
                        None => match self.builtin_lookup(globals, name) {
                            Some(v) => v,
                            None => {
                                let n = name.as_str().unwrap_or("").to_string();
                                throw!(self.name_error(format!("name '{}' is not defined", n)));
                            }
                        },
                    };
                    push!(v);
                }
                Op::StoreGlobal => {
                    let v = pop!();
                    let name = code.names[ins.arg as usize];
                    dict_set_str(self.frames[fidx].globals, name, v);
                }
                Op::DeleteGlobal => {
                    let name = code.names[ins.arg as usize];
                    if !crate::ops::dict_del_str(self.frames[fidx].globals, name) {
                        let n = name.as_str().unwrap_or("").to_string();
                        throw!(self.name_error(format!("name '{}' is not defined", n)));
                    }
                }
                Op::LoadName => {
                    let name = code.names[ins.arg as usize];
                    let frame = &self.frames[fidx];
                    let (locals, globals) = (frame.locals, frame.globals);
                    let mut found = None;
                    if let Some(ns) = locals {
                        if ns.as_dict().is_some() {
                            found = dict_get_str(ns, name);
                        } else {
                            found = tri!(self.getitem_opt(Value::Obj(ns), Value::Obj(name)));
                        }
                    }
                    if found.is_none() {
                        found = dict_get_str(globals, name);
                    }
                    if found.is_none() {
                        found = self.builtin_lookup(globals, name);
                    }
                    match found {
                        Some(v) => push!(v),
                        None => {
                            let n = name.as_str().unwrap_or("").to_string();
                            throw!(self.name_error(format!("name '{}' is not defined", n)));
                        }
                    }
                }
                Op::StoreName => {
                    let v = pop!();
                    let name = code.names[ins.arg as usize];
                    let ns = self.frames[fidx].locals.unwrap_or(self.frames[fidx].globals);
                    if ns.as_dict().is_some() {
                        dict_set_str(ns, name, v);
                    } else {
                        tri!(self.setitem(Value::Obj(ns), Value::Obj(name), v));
                    }
                }
                Op::DeleteName => {
                    let name = code.names[ins.arg as usize];
                    let ns = self.frames[fidx].locals.unwrap_or(self.frames[fidx].globals);
                    if !crate::ops::dict_del_str(ns, name) {
                        let n = name.as_str().unwrap_or("").to_string();
                        throw!(self.name_error(format!("name '{}' is not defined", n)));
                    }
                }
                Op::LoadAttr => {
                    let obj = peek!(1);
                    let cache = &code.caches[pc - 1];
                    if let Value::Obj(o) = obj {
                        if let Kind::Instance(inst) = &o.kind {
                            let (cls, shape, epoch) =
                                (inst.class.get().addr(), inst.shape.get(), self.class_epoch.get());
                            if let Some(c) =
                                probe_cache(&code, pc - 1, |c| c.key == cls && c.shape == shape && c.epoch == epoch)
                            {
                                let v = if c.slot != u32::MAX { inst.slots.borrow()[c.slot as usize] } else { c.value };
                                if !v.is_undef() {
                                    drop_push!(1, v);
                                    continue;
                                }
                            }
                        }
                    }
                    let name = code.names[ins.arg as usize];
                    let v = tri!(self.load_attr_fast(obj, name));
                    age_cache(&code, pc - 1, self.class_epoch.get());
                    self.fill_attr_cache(cache, obj, name);
                    drop_push!(1, v);
                }
                Op::StoreAttr => {
                    let (v, obj) = (peek!(2), peek!(1));
                    drop_n!(2);
                    let cache = &code.caches[pc - 1];
                    if let Value::Obj(o) = obj {
                        if let Kind::Instance(inst) = &o.kind {
                            let (cls, shape, epoch) =
                                (inst.class.get().addr(), inst.shape.get(), self.class_epoch.get());
                            if let Some(c) =
                                probe_cache(&code, pc - 1, |c| c.key == cls && c.shape == shape && c.epoch == epoch)
                            {
                                let mut slots = inst.slots.borrow_mut();
                                if c.new_shape == u32::MAX {
                                    slots[c.slot as usize] = v;
                                } else {
                                    slots.push(v);
                                    inst.shape.set(c.new_shape);
                                }
                                continue;
                            }
                        }
                    }
                    let name = code.names[ins.arg as usize];
                    if let Value::Obj(o) = obj {
                        if let Kind::Instance(inst) = &o.kind {
                            if matches!(inst.payload, Payload::None)
                                && inst.shape.get() != crate::shape::DICT_MODE
                                && !self.class_has_setter(inst.class.get(), name)
                            {
                                let before = inst.shape.get();
                                age_cache(&code, pc - 1, self.class_epoch.get());
                                self.store_instance_attr(inst, name, v);
                                let after = inst.shape.get();
                                let slot = self.shapes.lookup(after, name).unwrap_or(0) as u32;
                                cache.set(InlineCache {
                                    key: inst.class.get().addr(),
                                    epoch: self.class_epoch.get(),
                                    epoch2: 0,
                                    shape: before,
                                    slot,
                                    new_shape: if before == after { u32::MAX } else { after },
                                    value: Value::Undef,
                                });
                                continue;
                            }
                        }
                    }
                    if let Value::Obj(o) = obj {
                        if let Kind::Instance(inst) = &o.kind {
                            // Fast path: existing slot, no data descriptor, no __setattr__.
                            if let Some(slot) = self.shapes.lookup(inst.shape.get(), name) {
                                if matches!(inst.payload, Payload::None)
                                    && !self.class_has_setter(inst.class.get(), name)
                                {
                                    inst.slots.borrow_mut()[slot] = v;
                                    continue;
                                }
                            }
                        }
                    }
                    tri!(self.set_attr(obj, name, v));
                }
                Op::DeleteAttr => {
                    let obj = peek!(1);
                    let name = code.names[ins.arg as usize];
                    tri!(self.del_attr(obj, name));
                    drop_n!(1);
                }
                Op::LoadMethod => {
                    let obj = peek!(1);
                    let cache = &code.caches[pc - 1];
                    let epoch = self.class_epoch.get();
                    let (cls, shape) = match obj {
                        Value::Obj(o) => match &o.kind {
                            Kind::Instance(inst) => (inst.class.get().addr(), inst.shape.get()),
                            Kind::Module(_) | Kind::Class(_) | Kind::Super(..) => (0, 0),
                            _ => (self.type_of(obj).addr(), u32::MAX - 1),
                        },
                        _ => (self.type_of(obj).addr(), u32::MAX - 1),
                    };
                    if cls != 0 {
                        if let Some(c) =
                            probe_cache(&code, pc - 1, |c| c.key == cls && c.shape == shape && c.epoch == epoch)
                        {
                            let l = self.stack.len();
                            self.stack[l - 1] = c.value;
                            push!(obj);
                            continue;
                        }
                    }
                    let name = code.names[ins.arg as usize];
                    let (f, s) = tri!(self.load_method(obj, name));
                    if !s.is_undef() {
                        age_cache(&code, pc - 1, self.class_epoch.get());
                        self.fill_method_cache(cache, obj, f);
                    }
                    let l = self.stack.len();
                    self.stack[l - 1] = f;
                    push!(s);
                }
                Op::BinarySubscr => {
                    let (c, k) = (peek!(2), peek!(1));
                    // Fast path: list or tuple at an index in range.
                    if let (Value::Obj(o), Value::Int(i)) = (c, k) {
                        let item = match &o.kind {
                            Kind::List(l) => {
                                let l = l.borrow();
                                crate::ops::norm_index(i, l.len()).map(|j| l[j])
                            }
                            Kind::Tuple(t) => crate::ops::norm_index(i, t.len()).map(|j| t[j]),
                            _ => None,
                        };
                        if let Some(v) = item {
                            drop_push!(2, v);
                            continue;
                        }
                    }
                    // Fast path: a str key found in an exact dict.
                    if let Value::Obj(o) = c {
                        if let Some(Some(v)) = crate::ops::dict_get_str_key(o, k) {
                            drop_push!(2, v);
                            continue;
                        }
                    }
                    let v = tri!(self.getitem(c, k));
                    drop_push!(2, v);
                }
                Op::StoreSubscr => {
                    let (v, c, k) = (peek!(3), peek!(2), peek!(1));
                    // Fast path: list at an index in range.
                    if let (Value::Obj(o), Value::Int(i)) = (c, k) {
                        if let Kind::List(l) = &o.kind {
                            let mut l = l.borrow_mut();
                            if let Some(j) = crate::ops::norm_index(i, l.len()) {
                                l[j] = v;
                                drop(l);
                                drop_n!(3);
                                continue;
                            }
                        }
                    }
                    tri!(self.setitem(c, k, v));
                    drop_n!(3);
                }
                Op::DeleteSubscr => {
                    let (c, k) = (peek!(2), peek!(1));
                    tri!(self.delitem(c, k));
                    drop_n!(2);
                }
                Op::BuildSlice => {
                    // Fast path: the subscript right after it (`c[a:b:s]`, `c[a:b:s] = v`) on
                    // a list, tuple or str (a list for a store) with int/None bounds runs
                    // here without the slice object. Errors belong to the subscript, whose
                    // pc is then the current one. Not while recording: the recorder sees
                    // every instruction.
                    let n = ins.arg as usize;
                    let plain = |v: Value| matches!(v, Value::Int(_) | Value::None);
                    if !self.recording && plain(peek!(1)) && plain(peek!(2)) && (n == 2 || plain(peek!(3))) {
                        // SAFETY: as for `ins` above; a BUILD_SLICE is never the last
                        // instruction of a code object, and `get` checks the bound anyway.
                        let next = unsafe { (&*instrs).get(pc).map(|i| i.op) };
                        let parts = |vm: &Self| {
                            let l = vm.stack.len();
                            let s = if n == 3 { vm.stack[l - 1] } else { Value::None };
                            (vm.stack[l - n], vm.stack[l - n + 1], s)
                        };
                        // The container is below the parts, the assigned value below it.
                        let (below, value_at) = (n + 1, n + 2);
                        match (next, peek!(below)) {
                            (Some(Op::BinarySubscr), Value::Obj(o))
                                if matches!(o.kind, Kind::List(_) | Kind::Tuple(_) | Kind::Str(_)) =>
                            {
                                let (a, b, st) = parts(self);
                                pc += 1;
                                let v = tri!(crate::builtins::get_slice(self, Value::Obj(o), a, b, st));
                                drop_push!(below, v);
                                continue;
                            }
                            (Some(Op::StoreSubscr), Value::Obj(o)) if matches!(o.kind, Kind::List(_)) => {
                                let (a, b, st) = parts(self);
                                let v = peek!(value_at);
                                pc += 1;
                                tri!(crate::builtins::set_slice(self, Value::Obj(o), a, b, st, v));
                                drop_n!(value_at);
                                continue;
                            }
                            _ => {}
                        }
                    }
                    let step = if ins.arg == 3 { pop!() } else { Value::None };
                    let stop = pop!();
                    let start = pop!();
                    let s = self.alloc(Kind::Slice(start, stop, step));
                    push!(Value::Obj(s));
                }
                Op::BinaryOp => {
                    let (a, b) = (peek!(2), peek!(1));
                    let op = BinOp::from_arg(ins.arg);
                    let r = match crate::arith::fast_binop(a, b, op) {
                        Some(r) => r,
                        None => {
                            // An instance whose class defines the operator in Python: run
                            // it as a frame of this loop (the operands are its arguments).
                            if let Some((f, stage)) = self.binop_frame_target_cached(&code.caches[pc - 1], a, b, op) {
                                if self.frames.len() >= self.recursion_limit {
                                    throw!(self.recursion_error(""));
                                }
                                if stage == 3 {
                                    // The reflected method: `b.__rop__(a)`.
                                    let n = self.stack.len();
                                    self.stack.swap(n - 2, n - 1);
                                }
                                let func = f.as_function().unwrap();
                                let fcode = func.code.as_code().unwrap();
                                self.push_callee_locals(func, 2);
                                let fbase = self.stack.len() - fcode.co.nslots();
                                self.frames[fidx].pc = pc;
                                self.push_binop_frame_at(f, fbase, fbase, crate::vm::BinopFrame { op, a, b, stage });
                                if self.heap.wanted {
                                    self.collect();
                                }
                                reload!();
                                continue;
                            }
                            tri!(self.binary_op(a, b, op))
                        }
                    };
                    drop_push!(2, r);
                }
                Op::CompareOp => {
                    let (a, b) = (peek!(2), peek!(1));
                    let op = CmpOp::from_arg(ins.arg);
                    let r = match (a, b) {
                        (Value::Int(x), Value::Int(y)) => Value::Bool(crate::ops::cmp_apply(op, x.cmp(&y))),
                        (Value::Float(x), Value::Float(y)) => Value::Bool(match op {
                            CmpOp::Lt => x < y,
                            CmpOp::Le => x <= y,
                            CmpOp::Eq => x == y,
                            CmpOp::Ne => x != y,
                            CmpOp::Gt => x > y,
                            CmpOp::Ge => x >= y,
                        }),
                        (Value::Obj(x), Value::Obj(y)) => match (&x.kind, &y.kind) {
                            (Kind::Tuple(p), Kind::Tuple(q)) => match crate::ops::compare_items_simple(p, q, op) {
                                Some(r) => Value::Bool(r),
                                None => tri!(self.compare(a, b, op)),
                            },
                            _ => tri!(self.compare(a, b, op)),
                        },
                        _ => tri!(self.compare(a, b, op)),
                    };
                    drop_push!(2, r);
                }
                Op::IsOp => {
                    let b = pop!();
                    let a = pop!();
                    push!(Value::Bool(a.is(&b) != (ins.arg == 1)));
                }
                Op::ContainsOp => {
                    let (k, c) = (peek!(2), peek!(1));
                    // Fast paths: str in str, str key in an exact dict.
                    let fast = match (c, k) {
                        (Value::Obj(co), Value::Obj(ko)) => match (&co.kind, &ko.kind) {
                            (Kind::Str(s), Kind::Str(t)) => Some(crate::ops::str_contains(&s.s, &t.s)),
                            (Kind::Dict(_), _) => crate::ops::dict_get_str_key(co, k).map(|r| r.is_some()),
                            _ => None,
                        },
                        _ => None,
                    };
                    let r = match fast {
                        Some(r) => r,
                        None => tri!(self.contains(c, k)),
                    };
                    drop_push!(2, Value::Bool(r != (ins.arg == 1)));
                }
                Op::UnaryNegative => {
                    let v = pop!();
                    let r = tri!(self.neg(v));
                    push!(r);
                }
                Op::UnaryPositive => {
                    let v = pop!();
                    let r = tri!(self.pos(v));
                    push!(r);
                }
                Op::UnaryNot => {
                    let v = pop!();
                    let r = tri!(self.truthy(v));
                    push!(Value::Bool(!r));
                }
                Op::UnaryInvert => {
                    let v = pop!();
                    let r = tri!(self.invert(v));
                    push!(r);
                }
                Op::Jump => pc = ins.arg as usize,
                Op::JumpBackward => {
                    let jump_pc = pc - 1;
                    if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                        // Raised as if by the jump, so the traceback shows the loop body.
                        tri!(self.check_interrupt());
                    }
                    pc = ins.arg as usize;
                    if self.heap.wanted {
                        self.frames[fidx].pc = pc;
                        self.collect();
                    }
                    if self.jit_threshold != 0 {
                        let limit = self.jit_threshold.min(u16::MAX as u32) as u16;
                        let mut hot = code.hot.borrow_mut();
                        let n = &mut hot[jump_pc];
                        *n = n.saturating_add(1).min(limit);
                        let go = *n == limit;
                        drop(hot);
                        if go && self.hooks.is_some() {
                            self.frames[fidx].pc = pc;
                            let r = self.with_hooks(|h, vm| h.back_edge(vm, jump_pc, pc));
                            match r {
                                Some(Ok(true)) => {
                                    reload!();
                                }
                                Some(Err(e)) => return Err(e),
                                _ => ensure_stack!(),
                            }
                        }
                    }
                }
                Op::PopJumpIfFalse => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => tri!(self.truthy(v)),
                    };
                    if !t {
                        pc = ins.arg as usize;
                    }
                }
                Op::PopJumpIfTrue => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => tri!(self.truthy(v)),
                    };
                    if t {
                        pc = ins.arg as usize;
                    }
                }
                Op::JumpIfFalseOrPop => {
                    let v = top!();
                    if !tri!(self.truthy(v)) {
                        pc = ins.arg as usize;
                    } else {
                        self.stack.pop();
                    }
                }
                Op::JumpIfTrueOrPop => {
                    let v = top!();
                    if tri!(self.truthy(v)) {
                        pc = ins.arg as usize;
                    } else {
                        self.stack.pop();
                    }
                }
                Op::GetIter => {
                    let v = peek!(1);
                    let it = tri!(self.get_iter(v));
                    drop_push!(1, it);
                }
                Op::ForIter => {
                    let it = top!();
                    // Fast paths: range and list iterators.
                    let mut fast: Option<Option<Value>> = None;
                    if let Value::Obj(o) = it {
                        match &o.kind {
                            Kind::Iter(cell) => {
                                if let Ok(mut st) = cell.try_borrow_mut() {
                                    match &mut *st {
                                        IterState::Range { cur, stop, step } => {
                                            if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                                                let v = *cur;
                                                *cur = match cur.checked_add(*step) {
                                                    Some(n) => n,
                                                    None => *stop,
                                                };
                                                fast = Some(Some(Value::Int(v)));
                                            } else {
                                                fast = Some(None);
                                            }
                                        }
                                        IterState::Seq { seq: Value::Obj(so), idx } => {
                                            if let Kind::List(l) = &so.kind {
                                                let l = l.borrow();
                                                if *idx < l.len() {
                                                    fast = Some(Some(l[*idx]));
                                                    *idx += 1;
                                                } else {
                                                    fast = Some(None);
                                                }
                                            }
                                        }
                                        _ => {}
                                    }
                                }
                            }
                            Kind::Generator(_) => {
                                self.frames[fidx].pc = pc;
                                if tri!(self.gen_push_inline(o, None)) {
                                    reload!();
                                    continue;
                                }
                                fast = Some(match tri!(self.gen_resume(o, Value::None)) {
                                    GenResult::Yield(v) => Some(v),
                                    GenResult::Return(_) => None,
                                });
                            }
                            _ => {}
                        }
                    }
                    let next = match fast {
                        Some(n) => n,
                        None => {
                            self.frames[fidx].pc = pc;
                            tri!(self.next(it))
                        }
                    };
                    match next {
                        Some(v) => push!(v),
                        None => {
                            self.stack.pop();
                            pc = ins.arg as usize;
                        }
                    }
                }
                Op::BuildTuple => {
                    let n = ins.arg as usize;
                    let items = self.stack.split_off(self.stack.len() - n);
                    let t = self.new_tuple(items);
                    push!(t);
                }
                Op::BuildList => {
                    let n = ins.arg as usize;
                    let items = self.stack.split_off(self.stack.len() - n);
                    let l = self.new_list(items);
                    push!(l);
                }
                Op::BuildSet => {
                    let n = ins.arg as usize;
                    let s = Value::Obj(self.alloc(Kind::Set(RefCell::new(crate::set::SetTable::new()))));
                    // Rooted on the stack below its items while their hashes run.
                    let start = self.stack.len() - n;
                    self.stack.insert(start, s);
                    let start = start + 1;
                    for i in 0..n {
                        let item = self.stack[start + i];
                        tri!(self.set_add(s.as_obj().unwrap(), item));
                    }
                    self.stack.truncate(start);
                }
                Op::BuildMap => {
                    let n = ins.arg as usize;
                    let d = self.alloc(Kind::new_dict(RefCell::new(Dict::with_capacity(n))));
                    let start = self.stack.len() - 2 * n;
                    self.stack.insert(start, Value::Obj(d));
                    let start = start + 1;
                    for i in 0..n {
                        let k = self.stack[start + 2 * i];
                        let v = self.stack[start + 2 * i + 1];
                        tri!(self.dict_set(d, k, v));
                    }
                    self.stack.truncate(start);
                }
                Op::BuildString => {
                    let n = ins.arg as usize;
                    let start = self.stack.len() - n;
                    let mut s = String::new();
                    for v in &self.stack[start..] {
                        if let Some(x) = v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) {
                            s.push_str(&x);
                        }
                    }
                    self.stack.truncate(start);
                    let v = self.new_str(s);
                    push!(v);
                }
                Op::ListAppend => {
                    let v = pop!();
                    let l = self.stack[self.stack.len() - ins.arg as usize];
                    if let Some(Kind::List(l)) = l.as_obj().map(|o| o.kind()) {
                        l.borrow_mut().push(v);
                    }
                }
                Op::SetAdd => {
                    let v = peek!(1);
                    let s = self.stack[self.stack.len() - 1 - ins.arg as usize];
                    tri!(self.set_add(s.as_obj().unwrap(), v));
                    drop_n!(1);
                }
                Op::MapAdd => {
                    let (k, v) = (peek!(2), peek!(1));
                    let d = self.stack[self.stack.len() - 2 - ins.arg as usize];
                    tri!(self.dict_set(d.as_obj().unwrap(), k, v));
                    drop_n!(2);
                }
                Op::ListExtend => {
                    let it = peek!(1);
                    let l = self.stack[self.stack.len() - 1 - ins.arg as usize];
                    let items = match self.collect_iter(it) {
                        Ok(items) => items,
                        Err(e) => {
                            if self.err_matches(&e, self.exc.TypeError) && self.get_iter(it).is_err() {
                                let tn = self.type_name(it);
                                throw!(self.type_error(format!("Value after * must be an iterable, not {}", tn)));
                            }
                            throw!(e);
                        }
                    };
                    if let Some(Kind::List(l)) = l.as_obj().map(|o| o.kind()) {
                        l.borrow_mut().extend(items);
                    }
                    drop_n!(1);
                }
                Op::SetUpdate => {
                    let it = peek!(1);
                    let s = self.stack[self.stack.len() - 1 - ins.arg as usize];
                    let items = tri!(self.collect_iter(it));
                    let mark = self.roots.len();
                    self.roots.extend_from_slice(&items);
                    for x in items {
                        if let Err(e) = self.set_add(s.as_obj().unwrap(), x) {
                            self.roots.truncate(mark);
                            throw!(e);
                        }
                    }
                    self.roots.truncate(mark);
                    drop_n!(1);
                }
                Op::DictUpdate | Op::DictMerge => {
                    let m = peek!(1);
                    let d = self.stack[self.stack.len() - 1 - ins.arg as usize];
                    tri!(self.dict_merge(d.as_obj().unwrap(), m, ins.op == Op::DictMerge));
                    drop_n!(1);
                }
                Op::ListToTuple => {
                    let l = pop!();
                    let items = crate::ops::seq_items(&l).unwrap_or_default();
                    let t = self.new_tuple(items);
                    push!(t);
                }
                Op::UnpackSequence => {
                    let seq = pop!();
                    let n = ins.arg as usize;
                    // Fast path: a tuple or list of the right length, its items pushed
                    // straight from it (no copy into a Vec; the verified depth has room).
                    let pushed = match seq.as_obj().map(|o| o.kind()) {
                        Some(Kind::Tuple(t)) if t.len() == n => {
                            for v in t.iter().rev() {
                                push!(*v);
                            }
                            true
                        }
                        Some(Kind::List(l)) => {
                            let l = l.borrow();
                            let ok = l.len() == n;
                            if ok {
                                for v in l.iter().rev() {
                                    push!(*v);
                                }
                            }
                            ok
                        }
                        _ => false,
                    };
                    if pushed {
                        continue;
                    }
                    let items: Vec<Value> = match seq.as_obj().map(|o| o.kind()) {
                        Some(Kind::Tuple(t)) => t.to_vec(),
                        Some(Kind::List(l)) => l.borrow().clone(),
                        _ => match self.collect_iter(seq) {
                            Ok(v) => v,
                            Err(e) => {
                                if self.err_matches(&e, self.exc.TypeError) && self.get_iter(seq).is_err() {
                                    let tn = self.type_name(seq);
                                    throw!(self.type_error(format!("cannot unpack non-iterable {} object", tn)));
                                }
                                throw!(e)
                            }
                        },
                    };
                    if items.len() != n {
                        if items.len() > n {
                            throw!(self.value_error(format!("too many values to unpack (expected {})", n)));
                        }
                        throw!(self.value_error(format!(
                            "not enough values to unpack (expected {}, got {})",
                            n,
                            items.len()
                        )));
                    }
                    self.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx => {
                    let seq = pop!();
                    let before = (ins.arg & 0xff) as usize;
                    let after = (ins.arg >> 8) as usize;
                    let items = match self.collect_iter(seq) {
                        Ok(v) => v,
                        Err(e) => {
                            if self.get_iter(seq).is_err() {
                                let tn = self.type_name(seq);
                                throw!(self.type_error(format!("cannot unpack non-iterable {} object", tn)));
                            }
                            throw!(e)
                        }
                    };
                    if items.len() < before + after {
                        throw!(self.value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let mid = items[before..items.len() - after].to_vec();
                    let midl = self.new_list(mid);
                    for v in items[items.len() - after..].iter().rev() {
                        push!(*v);
                    }
                    push!(midl);
                    for v in items[..before].iter().rev() {
                        push!(*v);
                    }
                }
                Op::FormatValue => {
                    let nargs = if ins.arg & 4 != 0 { 2 } else { 1 };
                    let spec = if ins.arg & 4 != 0 { Some(peek!(1)) } else { None };
                    let v = peek!(nargs);
                    let v = match ins.arg & 3 {
                        1 => tri!(self.str_value(v)),
                        2 => {
                            let s = tri!(self.repr(v));
                            self.new_str(s)
                        }
                        3 => {
                            let s = tri!(self.repr(v));
                            let a = crate::builtins::ascii_escape(&s);
                            self.new_str(a)
                        }
                        _ => v,
                    };
                    let r = match spec {
                        None if matches!(v.as_obj().map(|o| o.kind()), Some(Kind::Str(_))) => v,
                        _ => {
                            let spec = spec.unwrap_or(Value::Obj(self.intern("")));
                            push!(v);
                            let r = self.format(v, spec);
                            self.stack.pop();
                            tri!(r)
                        }
                    };
                    drop_push!(nargs, r);
                }
                Op::Call | Op::CallMethod | Op::CallKw => {
                    let (nargs, fpos, first, mut kwnames) = match ins.op {
                        Op::Call => {
                            let n = ins.arg as usize;
                            (n, self.stack.len() - n - 1, self.stack.len() - n, None)
                        }
                        Op::CallKw => {
                            let names = pop!();
                            let n = ins.arg as usize;
                            (n, self.stack.len() - n - 1, self.stack.len() - n, Some(names))
                        }
                        _ => {
                            let n = ins.arg as usize;
                            let fpos = self.stack.len() - n - 2;
                            if self.stack[fpos + 1].is_undef() {
                                (n, fpos, fpos + 2, None)
                            } else {
                                (n + 1, fpos, fpos + 1, None)
                            }
                        }
                    };
                    let mut f = self.stack[fpos];
                    // Bound Python methods: unpack to function + self (keyword arguments
                    // stay last).
                    let mut first = first;
                    let mut nargs = nargs;
                    if let Value::Obj(fo) = f {
                        if let Kind::BoundMethod(inner, s) = &fo.kind {
                            if matches!(inner.as_obj().map(|o| o.kind()), Some(Kind::Function(_)))
                                && ins.op != Op::CallMethod
                            {
                                // [bm, a1..an] -> [func, self, a1..an]
                                let (inner, s) = (*inner, *s);
                                self.stack[fpos] = inner;
                                self.stack.insert(fpos + 1, s);
                                f = inner;
                                first = fpos + 1;
                                nargs += 1;
                            }
                        }
                    }
                    if let Value::Obj(fo) = f {
                        if let Kind::Function(func) = &fo.kind {
                            let fcode = func.code.as_code().unwrap();
                            let argcount = fcode.co.argcount as usize;
                            // Arguments left to their defaults, or passed by keyword: put
                            // in parameter order, the call is then a positional one.
                            if fcode.simple && (kwnames.is_some() || nargs < argcount) {
                                let names = kwnames.and_then(|n| n.as_obj()).and_then(|t| t.as_tuple()).unwrap_or(&[]);
                                if let Some(layout) = self.call_layout(fo, nargs - names.len(), names) {
                                    let given: SmallVec<[Value; 8]> = SmallVec::from_slice(&self.stack[first..]);
                                    let defaults = func.defaults.get();
                                    let defaults = defaults.as_obj().and_then(|t| t.as_tuple()).unwrap_or(&[]);
                                    self.stack.truncate(first);
                                    for &src in layout.iter() {
                                        let v =
                                            if src >= 0 { given[src as usize] } else { defaults[(-1 - src) as usize] };
                                        self.stack.push(v);
                                    }
                                    nargs = argcount;
                                    kwnames = None;
                                }
                            }
                            if kwnames.is_none() && fcode.simple && nargs == argcount {
                                if self.frames.len() >= self.recursion_limit {
                                    throw!(self.recursion_error(""));
                                }
                                self.push_callee_locals(func, argcount);
                                self.frames[fidx].pc = pc;
                                self.push_func_frame(fo, first, fpos, false, None, None, None);
                                if self.heap.wanted {
                                    self.collect();
                                }
                                reload!();
                                // A hot function (its calls count at instruction 0's
                                // counter): the JIT may run or record its entry trace.
                                if self.jit_threshold != 0 && !self.recording && self.hooks.is_some() {
                                    let limit = self.jit_threshold.min(u16::MAX as u32) as u16;
                                    let mut hot = code.hot.borrow_mut();
                                    let n = &mut hot[0];
                                    *n = n.saturating_add(1).min(limit);
                                    let go = *n == limit;
                                    drop(hot);
                                    if go {
                                        match self.with_hooks(|h, vm| h.call_entry(vm)) {
                                            Some(Ok(true)) => {
                                                reload!();
                                            }
                                            Some(Err(e)) => return Err(e),
                                            _ => ensure_stack!(),
                                        }
                                    }
                                }
                                continue;
                            }
                        }
                        // A constructor whose `__init__` is a plain Python function:
                        // allocate the instance and run `__init__` in this loop.
                        if kwnames.is_none() && matches!(fo.kind, Kind::Class(_)) {
                            if let Some(init) = self.plain_init(&code.caches[pc - 1], fo, nargs) {
                                if self.frames.len() >= self.recursion_limit {
                                    throw!(self.recursion_error(""));
                                }
                                let func = init.as_function().unwrap();
                                let shape = self.shapes.root();
                                let inst = self.alloc(Kind::Instance(Instance {
                                    class: Cell::new(fo),
                                    shape: Cell::new(shape),
                                    slots: RefCell::new(Vec::new()),
                                    payload: Payload::None,
                                }));
                                // [cls, a1..an] -> [inst, a1..an]: the instance is `self`.
                                self.stack[first - 1] = Value::Obj(inst);
                                self.push_callee_locals(func, nargs + 1);
                                self.frames[fidx].pc = pc;
                                self.push_func_frame(init, first - 1, fpos, false, None, Some(inst), None);
                                if self.heap.wanted {
                                    self.collect();
                                }
                                reload!();
                                continue;
                            }
                        }
                        // `len(x)` of an instance with a plain Python `__len__`: run it in
                        // this loop (RETURN_VALUE checks the result).
                        if kwnames.is_none() && nargs == 1 && f.is(&self.len_builtin) {
                            if let Some(lf) = self.len_frame_target(self.stack[first]) {
                                if self.frames.len() >= self.recursion_limit {
                                    throw!(self.recursion_error(""));
                                }
                                self.push_callee_locals(lf.as_function().unwrap(), 1);
                                self.frames[fidx].pc = pc;
                                self.push_len_frame_at(lf, first, fpos);
                                if self.heap.wanted {
                                    self.collect();
                                }
                                reload!();
                                continue;
                            }
                        }
                        // `next(g)` / `next(g, default)` of a suspended generator: resume
                        // it in this loop (`Frame::next_of`), as FOR_ITER does.
                        if kwnames.is_none() && (nargs == 1 || nargs == 2) && f.is(&self.next_builtin) {
                            if let Value::Obj(g) = self.stack[first] {
                                if matches!(g.kind, Kind::Generator(_)) {
                                    self.frames[fidx].pc = pc;
                                    if tri!(self.gen_push_inline(g, Some((fpos, nargs as u8)))) {
                                        reload!();
                                        continue;
                                    }
                                }
                            }
                        }
                        // `sum/any/all/min/max(gen)`: run the built-in's `_consume` loop
                        // in this loop (a frame left out of tracebacks; sum's does not
                        // count toward the recursion limit, the others' count as the
                        // recursion level CPython's call of them enters).
                        if kwnames.is_none() && matches!(fo.kind, Kind::Native(_)) {
                            if let Some(i) = self.consume_builtin(f, &self.stack[first..]) {
                                self.frames[fidx].pc = pc;
                                let cf = tri!(self.consume_func(i));
                                if i != 0 && self.frames.len() >= self.recursion_limit {
                                    throw!(self.recursion_error(""));
                                }
                                if i == 0 && nargs == 1 {
                                    // sum's start value.
                                    self.stack.push(Value::Int(0));
                                }
                                let func = cf.as_function().unwrap();
                                self.push_callee_locals(func, func.code.as_code().unwrap().co.argcount as usize);
                                self.push_consume_frame_at(cf, first, fpos);
                                if self.heap.wanted {
                                    self.collect();
                                }
                                reload!();
                                continue;
                            }
                        }
                    }
                    // Generic call.
                    let args: SmallVec<[Value; 8]> = SmallVec::from_slice(&self.stack[first..]);
                    self.frames[fidx].pc = pc;
                    let r = match kwnames {
                        None => tri!(self.call(f, &args, &[])),
                        Some(names) => {
                            let names: Vec<ObjRef> = names
                                .as_obj()
                                .and_then(|t| t.as_tuple().map(|t| t.iter().filter_map(|v| v.as_obj()).collect()))
                                .unwrap_or_default();
                            let npos = args.len() - names.len();
                            let kw: SmallVec<[(ObjRef, Value); 4]> =
                                names.iter().copied().zip(args[npos..].iter().copied()).collect();
                            tri!(self.call(f, &args[..npos], &kw))
                        }
                    };
                    self.stack.truncate(fpos);
                    push!(r);
                }
                Op::CallEx => {
                    let kwargs = if ins.arg & 1 != 0 { Some(pop!()) } else { None };
                    let args = pop!();
                    let f = pop!();
                    push!(f);
                    push!(args);
                    if let Some(k) = kwargs {
                        push!(k);
                    }
                    let argv = match crate::ops::seq_items(&args) {
                        Some(a) => a,
                        None => tri!(self.collect_iter(args)),
                    };
                    let mut kw: Vec<(ObjRef, Value)> = Vec::new();
                    if let Some(k) = kwargs {
                        if let Some(d) = k.as_obj().and_then(crate::ops::real_dict) {
                            for (key, v) in d.as_dict().unwrap().borrow().iter() {
                                if let Some(ks) = key.as_obj().filter(|o| o.as_str().is_some()) {
                                    kw.push((ks, v));
                                }
                            }
                        }
                    }
                    let mut kwi = Vec::with_capacity(kw.len());
                    for (k, v) in kw {
                        let s = k.as_str().unwrap().to_string();
                        kwi.push((self.intern(&s), v));
                    }
                    self.frames[fidx].pc = pc;
                    let mark = self.roots.len();
                    self.roots.extend_from_slice(&argv);
                    let r = self.call(f, &argv, &kwi);
                    self.roots.truncate(mark);
                    let r = tri!(r);
                    let n = self.stack.len() - if kwargs.is_some() { 3 } else { 2 };
                    self.stack.truncate(n);
                    push!(r);
                }
                Op::MakeFunction => {
                    let code_v = pop!();
                    let closure = if ins.arg & 8 != 0 { pop!() } else { Value::None };
                    let kwdefaults = if ins.arg & 2 != 0 { pop!() } else { Value::None };
                    let defaults = if ins.arg & 1 != 0 { pop!() } else { Value::None };
                    let globals = self.frames[fidx].globals;
                    let f = self.make_function(code_v.as_obj().unwrap(), globals, defaults, kwdefaults, closure);
                    push!(Value::Obj(f));
                }
                Op::ReturnValue => {
                    let mut v = pop!();
                    let frame = self.frames.pop().unwrap();
                    // `next(g, default)`'s default, below the generator's frame.
                    let default = (frame.next_of == 2).then(|| self.stack[frame.base - 1]);
                    self.stack.truncate(frame.ret_sp);
                    if frame.entry {
                        return Ok(v);
                    }
                    if let (Some(gen), 1 | 2) = (frame.generator, frame.next_of) {
                        // Resumed by `next()`: the generator is exhausted; the call gives
                        // the default, or raises StopIteration in the caller.
                        Self::gen_finished(gen);
                        reload!();
                        match default {
                            Some(d) => push!(d),
                            None => throw!(self.stop_iteration(v)),
                        }
                        continue;
                    }
                    if let Some(gen) = frame.generator {
                        // Resumed by the caller's FOR_ITER (`gen_push_inline`): the loop
                        // is over; drop the iterator and jump past the loop.
                        Self::gen_finished(gen);
                        reload!();
                        let Instr { op: Op::ForIter, arg } = code.co.instrs[pc - 1] else {
                            unreachable!("inline generator frame not resumed by FOR_ITER")
                        };
                        self.stack.pop();
                        pc = arg as usize;
                        continue;
                    }
                    if frame.uncounted {
                        self.unhide_frame();
                    }
                    if let Some(inst) = frame.init_self {
                        if !v.is_none() {
                            // Raised by the constructor call, in the caller.
                            fidx = self.frames.len() - 1;
                            pc = self.frames[fidx].pc;
                            let tn = self.type_name(v);
                            throw!(self.type_error(format!("__init__() should return None, not '{}'", tn)));
                        }
                        v = Value::Obj(inst);
                    }
                    if frame.len_of {
                        // `len()`'s check of `__len__`'s result, raised in the caller.
                        fidx = self.frames.len() - 1;
                        pc = self.frames[fidx].pc;
                        v = Value::Int(tri!(self.len_result(v)));
                    }
                    if let Some(bf) = frame.binop {
                        if v.is(&self.not_implemented) {
                            // The rest of the protocol (reflected operand...), in the caller.
                            fidx = self.frames.len() - 1;
                            pc = self.frames[fidx].pc;
                            let mark = self.roots.len();
                            self.roots.extend([bf.a, bf.b]);
                            let r = self.binary_op_dunder_from(bf.a, bf.b, bf.op, bf.stage);
                            self.roots.truncate(mark);
                            v = tri!(r);
                        }
                    }
                    push!(v);
                    reload!();
                }
                Op::LoadBuildClass => {
                    let v = dict_get_str(self.builtins_dict, self.intern("__build_class__")).unwrap_or(Value::None);
                    push!(v);
                }
                Op::YieldValue => {
                    let v = pop!();
                    let frame = self.frames.pop().unwrap();
                    let gen = frame.generator.expect("yield outside generator");
                    if let Kind::Generator(g) = &gen.kind {
                        let mut g = g.borrow_mut();
                        g.saved.clear();
                        g.saved.extend_from_slice(&self.stack[frame.base..]);
                        g.pc = pc;
                        if !frame.entry {
                            g.running = false;
                        }
                    }
                    self.stack.truncate(frame.ret_sp);
                    if !frame.entry {
                        // Resumed by the caller's FOR_ITER: the value is its next item.
                        reload!();
                        push!(v);
                        continue;
                    }
                    self.yielded = true;
                    return Ok(v);
                }
                Op::GetYieldFromIter => {
                    let v = pop!();
                    let it = match v.as_obj().map(|o| o.kind()) {
                        Some(Kind::Generator(_)) => v,
                        _ => tri!(self.get_iter(v)),
                    };
                    push!(it);
                }
                Op::Send => {
                    let v = pop!();
                    let recv = top!();
                    self.frames[fidx].pc = pc;
                    let r = match recv.as_obj().map(|o| (o, o.kind())) {
                        Some((g, Kind::Generator(_))) => tri!(self.gen_resume(g, v)),
                        _ => {
                            if v.is_none() {
                                match tri!(self.next(recv)) {
                                    Some(y) => GenResult::Yield(y),
                                    None => GenResult::Return(Value::None),
                                }
                            } else {
                                match self.call_method(recv, "send", &[v]) {
                                    Ok(y) => GenResult::Yield(y),
                                    Err(e) if self.err_matches(&e, self.exc.StopIteration) => {
                                        let val =
                                            e.0.exc_data()
                                                .and_then(|d| {
                                                    d.borrow()
                                                        .args
                                                        .as_obj()
                                                        .and_then(|t| t.as_tuple().and_then(|t| t.first().copied()))
                                                })
                                                .unwrap_or(Value::None);
                                        GenResult::Return(val)
                                    }
                                    Err(e) => throw!(e),
                                }
                            }
                        }
                    };
                    match r {
                        GenResult::Yield(y) => push!(y),
                        GenResult::Return(rv) => {
                            self.stack.pop();
                            push!(rv);
                            pc = ins.arg as usize;
                        }
                    }
                }
                Op::RaiseVarargs => {
                    let err = match ins.arg {
                        0 => match self.handled {
                            Value::Obj(h) => {
                                self.reraise = true;
                                PyErr(h)
                            }
                            _ => self.runtime_error("No active exception to reraise"),
                        },
                        1 => {
                            let e = pop!();
                            tri!(self.make_raise(e, None))
                        }
                        _ => {
                            let cause = pop!();
                            let e = pop!();
                            tri!(self.make_raise(e, Some(cause)))
                        }
                    };
                    throw!(err);
                }
                Op::Reraise => {
                    let e = pop!();
                    self.reraise = true;
                    match e {
                        Value::Obj(o) => throw!(PyErr(o)),
                        _ => throw!(self.runtime_error("No active exception to reraise")),
                    }
                }
                Op::PushExcInfo => {
                    let e = pop!();
                    let prev = self.handled;
                    push!(prev);
                    push!(e);
                    self.handled = e;
                }
                Op::PopExcept => {
                    let prev = pop!();
                    self.handled = prev;
                }
                Op::CheckExcMatch => {
                    let ty = pop!();
                    let e = top!();
                    let m = tri!(self.exc_matches(e, ty));
                    push!(Value::Bool(m));
                }
                Op::LoadAssertionError => {
                    push!(Value::Obj(self.exc.AssertionError));
                }
                Op::BeforeWith => {
                    let mgr = pop!();
                    let cls = self.type_of(mgr);
                    let enter = self.class_lookup(cls, self.names.enter);
                    let exit = self.class_lookup(cls, self.names.exit);
                    let (Some(enter), Some(exit)) = (enter, exit) else {
                        let tn = self.type_name(mgr);
                        let what = if self.class_lookup(cls, self.names.enter).is_none() {
                            format!("'{}' object does not support the context manager protocol", tn)
                        } else {
                            format!(
                                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                                tn
                            )
                        };
                        throw!(self.type_error(what));
                    };
                    let exit_b = tri!(self.bind_descriptor(exit, mgr, cls));
                    push!(exit_b);
                    self.frames[fidx].pc = pc;
                    let enter_b = tri!(self.bind_descriptor(enter, mgr, cls));
                    let r = tri!(self.call(enter_b, &[], &[]));
                    push!(r);
                }
                Op::WithExceptStart => {
                    let n = self.stack.len();
                    let exc = self.stack[n - 1];
                    let exit = self.stack[n - 3];
                    let ty = Value::Obj(self.type_of(exc));
                    self.frames[fidx].pc = pc;
                    let r = tri!(self.call(exit, &[ty, exc, Value::None], &[]));
                    push!(r);
                }
                Op::ImportName => {
                    let fromlist = pop!();
                    let level = pop!();
                    let name = code.co.names[ins.arg as usize].clone();
                    let level = if let Value::Int(l) = level { l as usize } else { 0 };
                    self.frames[fidx].pc = pc;
                    let globals = self.frames[fidx].globals;
                    let m = tri!(self.import(&name, level, fromlist, globals));
                    push!(m);
                }
                Op::ImportFrom => {
                    let m = top!();
                    let name = code.names[ins.arg as usize];
                    self.frames[fidx].pc = pc;
                    let v = tri!(self.import_from(m, name));
                    push!(v);
                }
                Op::ImportStar => {
                    let m = pop!();
                    let ns = self.frames[fidx].locals.unwrap_or(self.frames[fidx].globals);
                    tri!(self.import_star(m, ns));
                }
                Op::PrintExpr => {
                    let v = pop!();
                    if !v.is_none() {
                        let s = tri!(self.repr(v));
                        tri!(self.print_line(&s));
                        self.set_builtin("_", v);
                    }
                }
            }
        }
    }

    fn unbound_local(&mut self, name: &str) -> PyErr {
        let c = self.exc.UnboundLocalError;
        self.err(c, format!("cannot access local variable '{}' where it is not associated with a value", name))
    }

    /// The builtins visible from `globals` (its `__builtins__`, or the VM's).
    #[inline]
    fn builtin_lookup(&self, _globals: ObjRef, name: ObjRef) -> Option<Value> {
        dict_get_str(self.builtins_dict, name)
    }

    /// Whether a class defines a data descriptor or `__setattr__` affecting `name`.
    pub fn class_has_setter(&self, cls: ObjRef, name: ObjRef) -> bool {
        if let Some(Value::Obj(d)) = self.class_lookup(cls, name) {
            if matches!(d.kind, Kind::Property(_) | Kind::Instance(_)) {
                return true;
            }
        }
        matches!(self.class_lookup(cls, self.names.setattr), Some(Value::Obj(f)) if !matches!(&f.kind, Kind::Native(n) if n.owner == Some("object")))
    }

    /// LOAD_ATTR with a fast path for instance slots.
    #[inline]
    fn load_attr_fast(&mut self, obj: Value, name: ObjRef) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            if let Kind::Instance(inst) = &o.kind {
                if let Some(v) = self.instance_get(inst, name) {
                    if !self.has_custom_getattribute(inst.class.get()) {
                        let cls = inst.class.get();
                        let shadowed = matches!(self.class_lookup(cls, name), Some(Value::Obj(d)) if matches!(d.kind, Kind::Property(_)));
                        if !shadowed {
                            return Ok(v);
                        }
                    }
                }
            }
        }
        self.get_attr(obj, name)
    }

    /// For a call `cls(a1..an)` (positional arguments only): the `__init__` to run in the
    /// dispatch loop when `cls` is a plain class (no metaclass, no `__new__` of its own,
    /// no built-in base) whose `__init__` is a Python function taking exactly `self` and
    /// the n arguments. Remembered in the CALL's inline cache (class and class epoch).
    pub fn plain_init(&self, cache: &Cell<InlineCache>, cls: ObjRef, nargs: usize) -> Option<ObjRef> {
        let c = cache.get();
        let init = if c.key == cls.addr() && c.epoch == self.class_epoch.get() {
            c.value.as_obj()?
        } else {
            let cl = cls.as_class()?;
            let mut init = None;
            if !cl.builtin && cl.base_kind == BaseKind::Object && cl.meta.get().is_none() {
                let new_is_native =
                    self.class_lookup(cls, self.names.new).is_none_or(|n| crate::ops::is_native_callable(&n));
                if new_is_native {
                    init = self
                        .class_lookup(cls, self.names.init)
                        .and_then(|v| v.as_obj())
                        .filter(|f| f.as_function().is_some_and(|f| f.code.as_code().is_some_and(|c| c.simple)));
                }
            }
            cache.set(InlineCache {
                key: cls.addr(),
                epoch: self.class_epoch.get(),
                value: init.map_or(Value::None, Value::Obj),
                ..InlineCache::default()
            });
            init?
        };
        let argc = init.as_function()?.code.as_code()?.co.argcount as usize;
        (argc == nargs + 1).then_some(init)
    }

    /// Remembers where LOAD_GLOBAL found `name` (globals entry, or builtins entry).
    pub fn fill_global_cache(&self, cache: &Cell<InlineCache>, globals: ObjRef, name: ObjRef) {
        let Some(gd) = globals.as_dict() else { return };
        let gd = gd.borrow();
        let Kind::Str(ks) = &name.kind else { return };
        let eq =
            |k: &Value| matches!(k, Value::Obj(o) if o.ptr_eq(name) || matches!(&o.kind, Kind::Str(s) if s.s == ks.s));
        let mut c = InlineCache { key: globals.addr(), epoch: gd.version, ..InlineCache::default() };
        if let Some(pos) = gd.find(ks.hash(), eq) {
            c.slot = pos as u32;
        } else {
            let bd = self.builtins_dict.as_dict().unwrap().borrow();
            match bd.find(ks.hash(), eq) {
                Some(pos) => {
                    c.slot = u32::MAX;
                    c.epoch2 = bd.version;
                    c.new_shape = pos as u32;
                }
                None => return,
            }
        }
        cache.set(c);
    }

    /// Remembers how LOAD_ATTR found `name` on an instance: its slot for this shape, or
    /// a plain class attribute (not a function or descriptor) the instance doesn't shadow.
    pub fn fill_attr_cache(&self, cache: &Cell<InlineCache>, obj: Value, name: ObjRef) {
        let Value::Obj(o) = obj else { return };
        let Kind::Instance(inst) = &o.kind else { return };
        let cls = inst.class.get();
        let shape = inst.shape.get();
        if shape == crate::shape::DICT_MODE || self.has_custom_getattribute(cls) {
            return;
        }
        let class_attr = self.class_lookup(cls, name);
        let is_descr = |v: &Value| {
            matches!(
                v.as_obj().map(|o| o.kind()),
                Some(
                    Kind::Property(_)
                        | Kind::Instance(_)
                        | Kind::Function(_)
                        | Kind::Native(_)
                        | Kind::StaticMethod(_)
                        | Kind::ClassMethod(_)
                )
            )
        };
        let mut c = InlineCache { key: cls.addr(), epoch: self.class_epoch.get(), shape, ..InlineCache::default() };
        match self.shapes.lookup(shape, name) {
            Some(slot) => {
                if class_attr.as_ref().is_some_and(|v| {
                    matches!(v.as_obj().map(|o| o.kind()), Some(Kind::Property(_) | Kind::Instance(_)))
                }) {
                    return;
                }
                c.slot = slot as u32;
            }
            None => match class_attr {
                Some(v) if !is_descr(&v) => {
                    if self.class_lookup(cls, self.names.getattr).is_some() {
                        return;
                    }
                    c.slot = u32::MAX;
                    c.value = v;
                }
                _ => return,
            },
        }
        cache.set(c);
    }

    /// Remembers the method LOAD_METHOD found on `obj`'s type (for this shape).
    pub fn fill_method_cache(&self, cache: &Cell<InlineCache>, obj: Value, f: Value) {
        let (cls, shape) = match obj {
            Value::Obj(o) => match &o.kind {
                Kind::Instance(inst) => {
                    if inst.shape.get() == crate::shape::DICT_MODE {
                        return;
                    }
                    (inst.class.get(), inst.shape.get())
                }
                Kind::Module(_) | Kind::Class(_) | Kind::Super(..) => return,
                _ => (self.type_of(obj), u32::MAX - 1),
            },
            _ => (self.type_of(obj), u32::MAX - 1),
        };
        cache.set(InlineCache {
            key: cls.addr(),
            epoch: self.class_epoch.get(),
            shape,
            value: f,
            ..InlineCache::default()
        });
    }

    /// `c[k]`, None on KeyError (for LOAD_NAME with a non-dict namespace).
    fn getitem_opt(&mut self, c: Value, k: Value) -> PyResult<Option<Value>> {
        match self.getitem(c, k) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, self.exc.KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Merges a mapping into a dict (DICT_UPDATE / DICT_MERGE).
    pub fn dict_merge(&mut self, d: ObjRef, m: Value, strict: bool) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match m.as_obj().and_then(crate::ops::real_dict) {
            Some(md) => md.as_dict().unwrap().borrow().iter().collect(),
            None => {
                let keys_name = self.intern("keys");
                let Some(keys) = self.get_attr_opt(m, keys_name)? else {
                    let tn = self.type_name(m);
                    return Err(self.type_error(if strict {
                        format!("argument after ** must be a mapping, not {}", tn)
                    } else {
                        format!("'{}' object is not a mapping", tn)
                    }));
                };
                let ks = self.call(keys, &[], &[])?;
                let ks = self.collect_iter(ks)?;
                let mut out = Vec::new();
                for k in ks {
                    let v = self.getitem(m, k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in items {
            if strict {
                if k.as_obj().and_then(|o| o.as_str().map(|_| ())).is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                if self.dict_get(d, k)?.is_some() {
                    let ks = k.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())).unwrap_or_default();
                    return Err(self.type_error(format!("got multiple values for keyword argument '{}'", ks)));
                }
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// Builds the exception that `raise e [from cause]` raises.
    fn make_raise(&mut self, e: Value, cause: Option<Value>) -> PyResult<PyErr> {
        let exc = self.instantiate_exception(e)?;
        if let Some(c) = cause {
            let cv = if c.is_none() { Value::None } else { Value::Obj(self.instantiate_exception(c)?.0) };
            if let Some(d) = exc.0.exc_data() {
                let mut d = d.borrow_mut();
                d.cause = cv;
                d.suppress_context = true;
            }
        }
        Ok(exc)
    }

    /// An exception instance from a class or instance (`raise ValueError`).
    pub fn instantiate_exception(&mut self, e: Value) -> PyResult<PyErr> {
        let be = self.exc.BaseException;
        match e {
            Value::Obj(o) if o.exc_data().is_some() => Ok(PyErr(o)),
            Value::Obj(o) if matches!(o.kind, Kind::Class(_)) && is_subclass(o, be) => {
                let v = self.call(e, &[], &[])?;
                match v.as_obj() {
                    Some(x) if x.exc_data().is_some() => Ok(PyErr(x)),
                    _ => {
                        let (r, tn) = (self.repr(e)?, self.type_name(v));
                        Err(self.type_error(format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            r, tn
                        )))
                    }
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// `except ty:` matching.
    pub fn exc_matches(&mut self, e: Value, ty: Value) -> PyResult<bool> {
        let et = self.type_of(e);
        let be = self.exc.BaseException;
        match ty {
            Value::Obj(t) => match &t.kind {
                Kind::Class(_) if is_subclass(t, be) => Ok(is_subclass(et, t)),
                Kind::Tuple(items) => {
                    for it in items.iter() {
                        if self.exc_matches(e, *it)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
            },
            _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }
}
