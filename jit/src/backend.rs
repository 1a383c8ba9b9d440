//! The Cranelift backend: lowers a verified `Trace` to Cranelift IR and compiles it to
//! native code for the host (`JitBackend`) or to bytes for any Cranelift target
//! (`compile_for_isa`).
//!
//! The compiled function is `extern "C" fn(slots: *mut Value, ctx: *mut c_void) -> u32`.
//! Shape of the generated code:
//!
//! - `entry`: the instructions before `loop` (slot loads, entry guards, constants).
//! - `header`: one block parameter per phi (two for a boxed value); the entry jumps here
//!   with the phis' entry values, the end of the body jumps back with their back-edge
//!   values.
//! - each guard: `brif` to a continuation block, or to its own exit block, which writes
//!   the guard's snapshot into the slots (tag word at offset 0, payload at offset 8) and
//!   returns the exit number.
//!
//! Values inside the trace are unboxed: i64 and f64 in registers, bools as i8, a boxed
//! `Value` as two i64 words, a wide int as an i128 (passed to helpers as two words). An
//! exit writes a wide int into its slot through `wide_box` (an inline int when it fits
//! i64, else a new big int object), the one helper an exit block calls. Helpers are called through their absolute address
//! (`call_indirect`), so lowering needs no relocations and no symbol table.
//!
//! Safety invariants (`CompiledTrace::run` is the one place that calls compiled code):
//! - only verified traces are compiled (`compile` runs `verify`), so every slot access is
//!   below `trace.n_slots`, and `run` checks the slot array is at least that long;
//! - compiled code writes a slot only with a tag matching its payload (int, float, bool
//!   0/1, a whole `Value` it read from a slot or `wide_box` made), so the slots stay valid
//!   `Value`s;
//! - each trace is compiled into its own `JITModule`, owned by its `CompiledTrace`: the
//!   code lives exactly as long as the `CompiledTrace`, whose drop frees it. The driver
//!   drops a trace only between runs (compiled code never re-enters the driver).

use std::ffi::c_void;
use std::fmt;

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::immediates::Ieee64;
use cranelift_codegen::ir::{self as clif, types, AbiParam, InstBuilder, MemFlagsData, Signature, UserFuncName};
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use krait_runtime::value::Value;
use rustc_hash::FxHashMap;

use crate::helpers::{JitCtx, SeqLayout};
use crate::ir::{verify, Arg, ExitNo, Helper, IrRef, Op, Slot, Trace, Type, VerifyError};

/// The layout compiled code assumes for one slot: the `Value` layout (tag word, then
/// payload). Kept here as the contract; a test checks `Value` still matches it.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SlotWords {
    /// The tag (`krait_runtime::value::tag`).
    pub tag: u64,
    /// The payload (i64, f64 bits, bool in the low byte, or a heap pointer).
    pub payload: u64,
}

const SLOT_SIZE: i32 = std::mem::size_of::<SlotWords>() as i32;
const TAG_OFFSET: i32 = 0;
const PAYLOAD_OFFSET: i32 = 8;

/// Why a trace could not be compiled.
#[derive(Debug)]
pub enum BackendError {
    /// The trace breaks an IR invariant.
    Verify(VerifyError),
    /// Cranelift refused it (or the host ISA is unsupported).
    Codegen(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Verify(e) => write!(f, "trace does not verify: {e}"),
            BackendError::Codegen(e) => write!(f, "code generation failed: {e}"),
        }
    }
}

impl std::error::Error for BackendError {}

impl From<VerifyError> for BackendError {
    fn from(e: VerifyError) -> Self {
        BackendError::Verify(e)
    }
}

/// The trampoline: `extern "C" fn(entry, slots, ctx) -> u32` calls the trace at `entry`
/// (which has the `tail` calling convention, so traces can jump to each other).
type TrampolineFn = unsafe extern "C" fn(*const u8, *mut Value, *mut c_void) -> u32;

/// Where a trace's compiled code counts its runs and finds the traces it continues in:
/// memory the driver owns, at addresses fixed for the trace's life. All zero (no
/// counting, no linking) for traces compiled outside the driver.
#[derive(Clone, Copy, Debug, Default)]
pub struct Links {
    /// The trace's number: stored in `JitCtx::last_trace` when compiled code returns.
    pub id: u64,
    /// Address of the trace's table of `u64`s: entries, loop iterations, one count per
    /// exit, then one entry address per exit (0: return to the driver).
    pub table: u64,
    /// For a side trace that ends by entering a loop's trace: address of the `u64` holding
    /// that trace's entry (0 while it has none), used by its last exit instead of the table.
    pub end_target: u64,
}

impl Links {
    /// Index in the table of exit `e`'s count.
    pub fn count_index(e: usize) -> usize {
        2 + e
    }

    /// Index in the table of exit `e`'s target, for a trace with `n` exits.
    pub fn target_index(n: usize, e: usize) -> usize {
        2 + n + e
    }

    /// Length of the table of a trace with `n` exits.
    pub fn table_len(n: usize) -> usize {
        2 + 2 * n
    }
}

/// A trace compiled to native code for the host; dropping it frees the code.
pub struct CompiledTrace {
    /// The module holding the code (None only while being dropped).
    module: Option<JITModule>,
    /// Start of the finalized code (the `tail` calling convention: call it through the
    /// trampoline).
    code: *const u8,
    /// The backend's trampoline (`TrampolineFn`).
    trampoline: *const u8,
    n_slots: u32,
    code_size: u32,
    /// The machine code as text, when the backend was asked for it (`JitBackend::disasm`).
    disasm: Option<String>,
}

impl CompiledTrace {
    /// Run the trace on `slots` until it leaves; returns the exit taken, whose snapshot
    /// has been written into `slots`. Helpers reach the runtime through `ctx`.
    ///
    /// Panics if `slots` is shorter than the trace's `n_slots`.
    pub fn run(&self, slots: &mut [Value], ctx: &mut JitCtx) -> ExitNo {
        assert!(slots.len() >= self.n_slots as usize, "slot array shorter than the trace's n_slots");
        // SAFETY: `code` is the finalized code of a function `JitBackend::compile` declared
        // with `trace_signature`, i.e. `TraceFn`'s C ABI, compiled from a verified trace,
        // and freed only when `self` is dropped (see the module docs). It accesses only slots below `n_slots`,
        // checked above, through the exclusive borrow `slots`, and writes only well-formed
        // `Value`s (tag matching payload). `ctx` is exclusively borrowed for the call; its
        // flag pointers are valid (`JitCtx`'s constructors) and helpers that use its VM
        // pointer are only emitted by the recorder, which runs with a real VM.
        // The trampoline is `TrampolineFn` (compiled by `JitBackend::new`, alive as long as
        // the backend, which outlives its traces) and calls `code` with the trace signature.
        // Compiled code may continue in other traces (tail calls through the driver's link
        // tables); the driver sizes `slots` for every trace it links.
        let exit = unsafe {
            let tramp = std::mem::transmute::<*const u8, TrampolineFn>(self.trampoline);
            tramp(self.code, slots.as_mut_ptr(), ctx as *mut JitCtx as *mut c_void)
        };
        ExitNo(exit)
    }

    /// Start of the native code.
    pub fn entry(&self) -> *const u8 {
        self.code
    }

    /// Size of the native code in bytes.
    pub fn code_size(&self) -> u32 {
        self.code_size
    }

    /// The machine code as text (Cranelift's listing after register allocation), if the
    /// backend kept it (`JitBackend::set_disasm`).
    pub fn disasm(&self) -> Option<&str> {
        self.disasm.as_deref()
    }
}

// SAFETY: the pointers are into memory the trace's own module owns (its code) or the
// backend's trampoline module, which is never freed; neither is thread-local. The code is
// immutable once finalized; a trace compiled on the compiler thread is moved to the
// interpreter's thread, the only one that runs or frees it.
unsafe impl Send for CompiledTrace {}

impl Drop for CompiledTrace {
    fn drop(&mut self) {
        if let Some(module) = self.module.take() {
            // SAFETY: the module holds only this trace's code, and `code` (the one pointer
            // into it) goes with `self`. A trace is dropped only between runs: compiled
            // code never calls back into the driver, so none of it is executing now.
            unsafe { module.free_memory() };
        }
    }
}

impl fmt::Debug for CompiledTrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CompiledTrace").field("code", &self.code).field("code_size", &self.code_size).finish()
    }
}

/// Compiles traces to native code for the host, each into its own `JITModule`.
pub struct JitBackend {
    isa: OwnedTargetIsa,
    ctx: Context,
    fctx: FunctionBuilderContext,
    n_compiled: u32,
    /// The module of the trampoline (never freed: traces call through it).
    _trampoline_module: JITModule,
    trampoline: *const u8,
    /// Keep each trace's machine code as text (`--jit-dump=asm`).
    disasm: bool,
}

impl JitBackend {
    /// A backend for the host ISA (`cranelift_native`), optimizing for speed.
    pub fn new() -> Result<JitBackend, BackendError> {
        let isa = host_isa()?;
        let codegen = |e: &dyn fmt::Debug| BackendError::Codegen(format!("{e:?}"));
        // The trampoline: a C-ABI function calling a trace (the `tail` convention).
        let mut module = JITModule::new(JITBuilder::with_isa(isa.clone(), default_libcall_names()));
        let ptr = isa.pointer_type();
        let mut ctx = Context::new();
        let mut sig = Signature::new(isa.default_call_conv());
        sig.params.extend([AbiParam::new(ptr), AbiParam::new(ptr), AbiParam::new(ptr)]);
        sig.returns.push(AbiParam::new(types::I32));
        ctx.func.signature = sig.clone();
        let mut fctx = FunctionBuilderContext::new();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let (entry, slots, jctx) = (b.block_params(block)[0], b.block_params(block)[1], b.block_params(block)[2]);
            let tsig = b.import_signature(trace_signature(&*isa));
            let call = b.ins().call_indirect(tsig, entry, &[slots, jctx]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.finalize(isa.frontend_config());
        }
        let id = module.declare_function("trampoline", Linkage::Local, &sig).map_err(|e| codegen(&e))?;
        module.define_function(id, &mut ctx).map_err(|e| codegen(&e))?;
        module.finalize_definitions().map_err(|e| codegen(&e))?;
        let trampoline = module.get_finalized_function(id);
        Ok(JitBackend {
            isa,
            ctx: Context::new(),
            fctx,
            n_compiled: 0,
            _trampoline_module: module,
            trampoline,
            disasm: false,
        })
    }

    /// Keep the machine code of the traces compiled from now on as text
    /// (`CompiledTrace::disasm`).
    pub fn set_disasm(&mut self, on: bool) {
        self.disasm = on;
    }

    /// The ISA traces are compiled for.
    pub fn isa(&self) -> &dyn TargetIsa {
        &*self.isa
    }

    /// Verify, lower and compile `trace` (not counting or linking).
    pub fn compile(&mut self, trace: &Trace) -> Result<CompiledTrace, BackendError> {
        self.compile_linked(trace, Links::default())
    }

    /// Verify, lower and compile `trace`, counting and linking through `links`.
    pub fn compile_linked(&mut self, trace: &Trace, links: Links) -> Result<CompiledTrace, BackendError> {
        verify(trace)?;
        let name = format!("trace{}", self.n_compiled);
        self.n_compiled += 1;
        let mut module = JITModule::new(JITBuilder::with_isa(self.isa.clone(), default_libcall_names()));

        module.clear_context(&mut self.ctx);
        self.ctx.func.signature = trace_signature(module.isa());
        self.ctx.func.name = UserFuncName::user(0, self.n_compiled);
        lower(trace, &mut self.ctx.func, &mut self.fctx, module.isa(), links);

        let codegen = |e: &dyn fmt::Debug| BackendError::Codegen(format!("{e:?}"));
        let id = module.declare_function(&name, Linkage::Local, &self.ctx.func.signature).map_err(|e| codegen(&e))?;
        self.ctx.set_disasm(self.disasm);
        module.define_function(id, &mut self.ctx).map_err(|e| codegen(&e))?;
        let code_size = self.ctx.compiled_code().map_or(0, |c| c.code_info().total_size);
        let disasm = self.ctx.compiled_code().and_then(|c| c.vcode.clone());
        module.clear_context(&mut self.ctx);
        module.finalize_definitions().map_err(|e| codegen(&e))?;
        let code = module.get_finalized_function(id);
        Ok(CompiledTrace {
            module: Some(module),
            code,
            trampoline: self.trampoline,
            n_slots: trace.n_slots,
            code_size,
            disasm,
        })
    }

    /// The Cranelift IR `trace` lowers to, as text (for `--jit-dump=clif`).
    pub fn clif_text(&mut self, trace: &Trace) -> Result<String, BackendError> {
        verify(trace)?;
        let mut func = clif::Function::with_name_signature(UserFuncName::user(0, 0), trace_signature(self.isa()));
        lower(trace, &mut func, &mut self.fctx, &*self.isa, Links::default());
        Ok(func.display().to_string())
    }
}

/// The host ISA, with the settings traces are compiled with.
fn host_isa() -> Result<OwnedTargetIsa, BackendError> {
    let isa_builder = cranelift_native::builder().map_err(|e| BackendError::Codegen(e.to_string()))?;
    isa_builder.finish(settings::Flags::new(shared_flags(false))).map_err(|e| BackendError::Codegen(e.to_string()))
}

/// Cranelift settings for traces: optimize for speed, non-PIC (code is placed in memory,
/// helpers called by absolute address); the IR verifier runs in debug builds.
pub(crate) fn shared_flags(is_pic: bool) -> settings::Builder {
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, name: &str, value: &str| {
        flags.set(name, value).unwrap_or_else(|e| panic!("cranelift setting {name}={value}: {e}"))
    };
    set(&mut flags, "opt_level", "speed");
    set(&mut flags, "is_pic", if is_pic { "true" } else { "false" });
    set(&mut flags, "use_colocated_libcalls", "false");
    set(&mut flags, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" });
    // Tail calls between traces need frame pointers.
    set(&mut flags, "preserve_frame_pointers", "true");
    flags
}

/// Compile `trace` for `isa` (any Cranelift target) and return the machine code bytes,
/// without running them: proves the lowering does not depend on the host.
pub fn compile_for_isa(trace: &Trace, isa: &dyn TargetIsa) -> Result<Vec<u8>, BackendError> {
    verify(trace)?;
    let mut ctx =
        Context::for_function(clif::Function::with_name_signature(UserFuncName::user(0, 0), trace_signature(isa)));
    lower(trace, &mut ctx.func, &mut FunctionBuilderContext::new(), isa, Links::default());
    let code = ctx.compile(isa, &mut ControlPlane::default()).map_err(|e| BackendError::Codegen(format!("{e:?}")))?;
    Ok(code.code_buffer().to_vec())
}

/// `(slots: ptr, ctx: ptr) -> i32` in the `tail` calling convention (traces continue in
/// each other with tail calls).
fn trace_signature(isa: &dyn TargetIsa) -> Signature {
    let ptr = isa.pointer_type();
    let mut sig = Signature::new(cranelift_codegen::isa::CallConv::Tail);
    sig.params.push(AbiParam::new(ptr));
    sig.params.push(AbiParam::new(ptr));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

// -- Lowering ----------------------------------------------------------------------------

/// An IR value once lowered: nothing, one Cranelift value, or a boxed `Value`'s two words.
#[derive(Copy, Clone, Debug)]
enum Lowered {
    None,
    One(clif::Value),
    Pair { tag: clif::Value, payload: clif::Value },
}

impl Lowered {
    fn one(self) -> clif::Value {
        match self {
            Lowered::One(v) => v,
            other => panic!("expected one value, got {other:?} (verifier should have caught this)"),
        }
    }

    fn words(self) -> Vec<clif::Value> {
        match self {
            Lowered::None => vec![],
            Lowered::One(v) => vec![v],
            Lowered::Pair { tag, payload } => vec![tag, payload],
        }
    }
}

/// The machine words an IR type is passed to and returned from helpers in (an i128 as
/// two words, low first: `helpers::WideWords`).
fn abi_types(ty: Type) -> &'static [clif::Type] {
    match ty {
        Type::I128 => &[types::I64, types::I64],
        other => clif_types(other),
    }
}

/// The Cranelift types an IR type is carried in.
fn clif_types(ty: Type) -> &'static [clif::Type] {
    match ty {
        Type::I64 => &[types::I64],
        Type::I128 => &[types::I128],
        Type::F64 => &[types::F64],
        Type::Bool => &[types::I8],
        Type::Obj => &[types::I64],
        Type::Value => &[types::I64, types::I64],
        Type::Nil => &[],
    }
}

/// A slice bound as `inline_list_reverse` clamps it: a constant of the trace or a value.
#[derive(Copy, Clone, Debug)]
enum Bound {
    Const(i64),
    Var(clif::Value),
}

struct Lowering<'a, 'f> {
    trace: &'a Trace,
    b: FunctionBuilder<'f>,
    slots: clif::Value,
    ctx: clif::Value,
    vals: Vec<Lowered>,
    /// Exit blocks to fill once the body is done: (block, a guard leaving there, its
    /// exit kind). Guards with the same snapshot share one (its parameter is the exit
    /// number).
    exits: Vec<(clif::Block, IrRef, u8)>,
    exit_blocks: rustc_hash::FxHashMap<(u32, u8), clif::Block>,
    /// The tail every exit block of a kind ends in (counting, linking, returning), by
    /// kind (see `exit_target`).
    exit_tails: [Option<clif::Block>; 8],
    /// The loop body's iteration count (a header parameter, kept in a register): exits
    /// after the header add it to the table's iteration counter (`Links`).
    iterations: Option<clif::Value>,
    /// The range iterator whose position the loop keeps in a register (`range_carry`),
    /// and that position as last stored (`None` before the first `range_iter_next_up`).
    range_carry: Option<(IrRef, Option<clif::Value>)>,
    /// How list and instance headers (length, items pointer) are loaded: in an alias
    /// region of their own (only helpers change them, and a call ends what every region
    /// is known to hold), or as fields that never change when no helper the trace calls
    /// can change them (`headers_fixed`), so that loops load them once.
    header_flags: MemFlagsData,
    /// The alias region of the pending flags (`Op::Pending`) and of a scratch word stored
    /// before each check, so the flags are read again every time without a fence.
    poll: clif::AliasRegion,
    ptr_ty: clif::Type,
    /// The C calling convention of helpers.
    helper_conv: cranelift_codegen::isa::CallConv,
    links: Links,
}

/// A snapshot entry as exits write it: (slot, value ref).
type Entry = (u32, u32);

/// The blocks exits share to write common runs of snapshot entries (`fill_exits`).
struct StoreChains<'e> {
    /// How many exits (of a kind) end with a run of entries.
    ends: FxHashMap<(u8, &'e [Entry]), usize>,
    /// The block writing a run, once made.
    blocks: FxHashMap<(u8, &'e [Entry]), clif::Block>,
    made: Vec<clif::Block>,
}

/// The range iterator whose position a looping trace may keep in a register, reading it
/// from memory only at the entry: the one iterator every `range_iter_next_up` advances,
/// when nothing else the trace calls advances a range iterator (an alias of it included:
/// `opt::heap::RANGE_ITER`). The position is still stored at every step, so exits and
/// helpers see it.
fn range_carry(trace: &Trace) -> Option<IrRef> {
    trace.ins.iter().find(|ins| ins.op == Op::Loop)?;
    let mut it = None;
    for (h, args) in helper_calls(trace) {
        if h == Helper::RangeIterNextUp {
            let r = trace.call_args(args)[1];
            if it.is_some_and(|it| it != r) {
                return None;
            }
            it = Some(r);
        } else if crate::opt::helper_heap(h).1 & crate::opt::heap::RANGE_ITER != 0 {
            return None;
        }
    }
    it
}

/// Whether no helper `trace` calls can change a list's or an instance's length or items
/// pointer (`opt::heap::LIST_SHAPE`), so those fields stay as they are while it runs.
fn headers_fixed(trace: &Trace) -> bool {
    helper_calls(trace).all(|(h, _)| crate::opt::helper_heap(h).1 & crate::opt::heap::LIST_SHAPE == 0)
}

/// The helpers `trace` calls, with their arguments.
fn helper_calls(trace: &Trace) -> impl Iterator<Item = (Helper, Arg)> + '_ {
    trace.ins.iter().filter_map(|ins| match (ins.op, ins.b) {
        (Op::CallHelper, Arg::Helper(h)) => Some((h, ins.a)),
        _ => None,
    })
}

/// Whether the int `r` is known never to be negative (an item of a range counting up, a
/// constant), looking `depth` definitions back.
fn never_negative(trace: &Trace, r: IrRef, depth: u32) -> bool {
    let ins = trace.get(r);
    match ins.op {
        Op::KInt => matches!(ins.a, Arg::Imm(v) if v >= 0),
        Op::UnboxInt => ins.a.as_ref().is_some_and(|v| {
            let def = trace.get(v);
            def.op == Op::CallHelper && def.b == Arg::Helper(Helper::RangeIterNextUp)
        }),
        Op::Phi if depth > 0 => {
            [ins.a, ins.b].iter().all(|a| a.as_ref().is_some_and(|v| v != r && never_negative(trace, v, depth - 1)))
        }
        _ => false,
    }
}

/// Lower `trace` (verified) into `func`, whose signature is `trace_signature`.
fn lower(
    trace: &Trace,
    func: &mut clif::Function,
    fctx: &mut FunctionBuilderContext,
    isa: &dyn TargetIsa,
    links: Links,
) {
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let slots = b.block_params(entry)[0];
    let ctx = b.block_params(entry)[1];
    let mut region = |user_id: u32, description: &'static str| {
        b.func.dfg.alias_regions.insert(clif::AliasRegionData { user_id, description: description.into() })
    };
    let (headers, poll) = (region(1, "container headers"), region(2, "pending flags"));
    let header_flags = if headers_fixed(trace) {
        Lowering::fixed_flags()
    } else {
        MemFlagsData::trusted().with_alias_region(Some(headers))
    };
    let mut l = Lowering {
        trace,
        b,
        slots,
        ctx,
        vals: Vec::with_capacity(trace.ins.len()),
        exits: vec![],
        exit_blocks: Default::default(),
        exit_tails: [None; 8],
        iterations: None,
        range_carry: range_carry(trace).map(|it| (it, None)),
        header_flags,
        poll,
        ptr_ty: isa.pointer_type(),
        helper_conv: isa.default_call_conv(),
        links,
    };
    l.count(0);

    let mut header = None;
    for (pos, ins) in trace.ins.iter().enumerate() {
        let r = IrRef(pos as u32);
        let v = match ins.op {
            Op::Loop => {
                header = Some(l.loop_header(pos));
                Lowered::None
            }
            Op::Phi => l.vals[pos], // set by `loop_header`
            _ => l.instruction(r),
        };
        if l.vals.len() == pos {
            l.vals.push(v);
        }
    }

    // Back-edge: jump to the header with each phi's loop-carried value.
    if let Some((header, phis)) = header {
        let mut args: Vec<clif::BlockArg> = phis
            .iter()
            .flat_map(|&phi| l.vals[trace.get(phi).b.as_ref().expect("verified phi").index()].words())
            .map(clif::BlockArg::Value)
            .collect();
        if let Some((_, Some(cur))) = l.range_carry {
            args.push(clif::BlockArg::Value(cur));
        }
        if let Some(n) = l.iterations {
            let n1 = l.b.ins().iadd_imm_s(n, 1);
            args.push(clif::BlockArg::Value(n1));
        }
        l.b.ins().jump(header, &args);
        l.b.seal_block(header);
    }

    let shared = l.fill_exits();
    // The predecessors of the exit tails and the shared store blocks are all known now.
    for block in l.exit_tails.into_iter().flatten().chain(shared) {
        l.b.seal_block(block);
    }
    l.b.finalize(isa.frontend_config());
}

impl Lowering<'_, '_> {
    fn arg(&self, a: Arg) -> Lowered {
        match a {
            Arg::Ref(r) => self.vals[r.index()],
            _ => Lowered::None,
        }
    }

    /// Add one to entry `i` of the link table (no-op without one).
    fn count(&mut self, i: usize) {
        if self.links.table == 0 {
            return;
        }
        let at = self.b.ins().iconst(self.ptr_ty, (self.links.table + 8 * i as u64) as i64);
        let n = self.b.ins().load(types::I64, Self::flags(), at, 0);
        let n1 = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(Self::flags(), n1, at, 0);
    }

    fn slot_offset(slot: Arg) -> i32 {
        match slot {
            Arg::Slot(Slot(s)) => s as i32 * SLOT_SIZE,
            other => panic!("expected a slot operand, got {other:?}"),
        }
    }

    fn flags() -> MemFlagsData {
        MemFlagsData::trusted()
    }

    /// Flags for a load of a field that never changes while the object lives (a tuple's
    /// length and items pointer, a range iterator's bounds, a list iterator's list):
    /// Cranelift may merge such loads and hoist them out of the loop. Only for fields of
    /// the object itself: hoisted above the guards that check what the object is, such a
    /// load still reads inside a live object, and its value is used only once they pass.
    fn fixed_flags() -> MemFlagsData {
        MemFlagsData::trusted().with_readonly().with_can_move()
    }

    fn load(&mut self, ty: clif::Type, slot: Arg, offset: i32) -> clif::Value {
        let at = Self::slot_offset(slot) + offset;
        self.b.ins().load(ty, Self::flags(), self.slots, at)
    }

    /// Write a lowered value of IR type `ty` into a slot (tag and payload).
    fn store_slot(&mut self, slot: Arg, ty: Type, v: Lowered) {
        let base = Self::slot_offset(slot);
        let (tag, payload) = match (ty.slot_tag(), v) {
            // A wide int becomes an inline int or a big int object, as the runtime has it.
            (None, Lowered::One(wide)) if ty == Type::I128 => {
                let (lo, hi) = self.b.ins().isplit(wide);
                match self.helper_call(Helper::WideBox, &[self.ctx, lo, hi]) {
                    Lowered::Pair { tag, payload } => (tag, payload),
                    other => panic!("wide_box returned {other:?}"),
                }
            }
            (Some(tag), Lowered::One(payload)) => (self.b.ins().iconst(types::I64, tag as i64), payload),
            (None, Lowered::Pair { tag, payload }) => (tag, payload),
            other => panic!("cannot store {other:?} of type {ty}"),
        };
        self.b.ins().store(Self::flags(), tag, self.slots, base + TAG_OFFSET);
        // A bool is one byte (Rust's `bool` in the payload); storing just that byte keeps
        // the layout right on either endianness.
        self.b.ins().store(Self::flags(), payload, self.slots, base + PAYLOAD_OFFSET);
    }

    /// The exit block guard `r` leaves through, and its exit number as a block argument.
    /// Guards with the same snapshot share the block (not the pending check, whose exit
    /// never links on, nor a trace's last exit, which links through `end_target`). Its
    /// kind: 1 for the pending check, 2 for the last exit, else 0; plus 4 after the loop
    /// header. Exit blocks are cold: laid out after the trace's code.
    fn exit_target(&mut self, r: IrRef) -> (clif::Block, clif::Value) {
        let (snap, exit) = self.trace.get(r).exit.expect("verified guard has a snapshot");
        let kind = if self.trace.get(r).op == Op::Pending {
            1
        } else if exit.index() + 1 == self.trace.exits.len() {
            2
        } else {
            0
        };
        // Body exits (after the header) and preamble exits never share a block.
        let kind = kind + if self.iterations.is_some() { 4 } else { 0 };
        let block = match self.exit_blocks.get(&(snap.0, kind)) {
            Some(&b) => b,
            None => {
                let b = self.b.create_block();
                self.b.set_cold_block(b);
                self.b.append_block_param(b, types::I32);
                self.exit_blocks.insert((snap.0, kind), b);
                self.exits.push((b, r, kind));
                b
            }
        };
        (block, self.b.ins().iconst(types::I32, exit.0 as i64))
    }

    /// Branch to the exit block of guard `r` when `fail` is true, else continue.
    fn exit_if(&mut self, r: IrRef, fail: clif::Value) {
        let (exit, n) = self.exit_target(r);
        let cont = self.b.create_block();
        self.b.ins().brif(fail, exit, &[clif::BlockArg::Value(n)], cont, &[]);
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
    }

    /// Branch to the exit block of guard `r` unless `ok` is true.
    fn exit_unless(&mut self, r: IrRef, ok: clif::Value) {
        let (exit, n) = self.exit_target(r);
        let cont = self.b.create_block();
        self.b.ins().brif(ok, cont, &[], exit, &[clif::BlockArg::Value(n)]);
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
    }

    /// At `loop`: make the header block with a parameter per phi word, jump to it with the
    /// phis' entry values, and continue in it. Returns the header and the phis.
    fn loop_header(&mut self, loop_pos: usize) -> (clif::Block, Vec<IrRef>) {
        let header = self.b.create_block();
        let phis: Vec<IrRef> = (loop_pos + 1..self.trace.ins.len())
            .take_while(|&p| self.trace.ins[p].op == Op::Phi)
            .map(|p| IrRef(p as u32))
            .collect();
        let mut entry_args = vec![];
        let mut params = vec![];
        for &phi in &phis {
            let ins = self.trace.get(phi);
            entry_args.extend(self.arg(ins.a).words().into_iter().map(clif::BlockArg::Value));
            let words: Vec<clif::Value> =
                clif_types(ins.ty).iter().map(|&t| self.b.append_block_param(header, t)).collect();
            params.push(match words[..] {
                [v] => Lowered::One(v),
                [tag, payload] => Lowered::Pair { tag, payload },
                _ => Lowered::None,
            });
        }
        // The carried range position (as the entry left it in memory), then the iteration
        // count, last: 1 on the first pass through the header.
        self.range_carry = match self.range_carry {
            Some((it, Some(cur))) => {
                let p = self.b.append_block_param(header, types::I64);
                entry_args.push(clif::BlockArg::Value(cur));
                Some((it, Some(p)))
            }
            // Not advanced before the loop: the body reads it from memory.
            _ => None,
        };
        if self.links.table != 0 {
            let n = self.b.append_block_param(header, types::I64);
            entry_args.push(clif::BlockArg::Value(self.b.ins().iconst(types::I64, 1)));
            self.iterations = Some(n);
        }
        self.b.ins().jump(header, &entry_args);
        self.b.switch_to_block(header);
        // The loop marker itself, then the phis, take the next positions in `vals`.
        self.vals.push(Lowered::None);
        self.vals.extend(params);
        (header, phis)
    }

    fn instruction(&mut self, r: IrRef) -> Lowered {
        let ins = self.trace.get(r);
        let (a, b) = (self.arg(ins.a), self.arg(ins.b));
        let imm = |arg: Arg| match arg {
            Arg::Imm(v) => v,
            other => panic!("expected an immediate, got {other:?}"),
        };
        let one = |v| Lowered::One(v);
        match ins.op {
            Op::KInt => one(self.b.ins().iconst(types::I64, imm(ins.a))),
            Op::KFloat => one(self.b.ins().f64const(Ieee64::with_bits(imm(ins.a) as u64))),
            Op::KBool => one(self.b.ins().iconst(types::I8, (imm(ins.a) != 0) as i64)),
            Op::KObj => one(self.b.ins().iconst(types::I64, imm(ins.a))),
            Op::KVal => {
                let (t, p) = self.trace.consts[imm(ins.a) as usize];
                Lowered::Pair {
                    tag: self.b.ins().iconst(types::I64, t as i64),
                    payload: self.b.ins().iconst(types::I64, p as i64),
                }
            }
            Op::Ctx => one(self.ctx),

            Op::SLoadTag => one(self.load(types::I64, ins.a, TAG_OFFSET)),
            Op::SLoadInt => one(self.load(types::I64, ins.a, PAYLOAD_OFFSET)),
            Op::SLoadFloat => one(self.load(types::F64, ins.a, PAYLOAD_OFFSET)),
            Op::SLoadBool => one(self.load(types::I8, ins.a, PAYLOAD_OFFSET)),
            Op::SLoadObj => one(self.load(types::I64, ins.a, PAYLOAD_OFFSET)),
            Op::SLoadVal => Lowered::Pair {
                tag: self.load(types::I64, ins.a, TAG_OFFSET),
                payload: self.load(types::I64, ins.a, PAYLOAD_OFFSET),
            },
            Op::SStore => {
                let ty = self.trace.get(ins.b.as_ref().expect("verified sstore")).ty;
                self.store_slot(ins.a, ty, b);
                Lowered::None
            }
            Op::PAdd => one(self.b.ins().iadd_imm_s(a.one(), imm(ins.b))),
            Op::PLoadVal => {
                let (at, off) = (a.one(), imm(ins.b) as i32);
                Lowered::Pair {
                    tag: self.b.ins().load(types::I64, Self::flags(), at, off + TAG_OFFSET),
                    payload: self.b.ins().load(types::I64, Self::flags(), at, off + PAYLOAD_OFFSET),
                }
            }
            Op::PStore => {
                let Lowered::Pair { tag, payload } = b else { panic!("pstore of an unboxed value") };
                let at = a.one();
                self.b.ins().store(Self::flags(), tag, at, TAG_OFFSET);
                self.b.ins().store(Self::flags(), payload, at, PAYLOAD_OFFSET);
                Lowered::None
            }

            Op::AddOv | Op::SubOv | Op::MulOv => {
                let (x, y) = (a.one(), b.one());
                let (res, overflow) = match ins.op {
                    Op::AddOv => self.b.ins().sadd_overflow(x, y),
                    Op::SubOv => self.b.ins().ssub_overflow(x, y),
                    _ => self.b.ins().smul_overflow(x, y),
                };
                self.exit_if(r, overflow);
                one(res)
            }

            Op::Widen => one(self.b.ins().sextend(types::I128, a.one())),
            Op::WAddOv | Op::WSubOv => {
                let (x, y) = (a.one(), b.one());
                let (res, overflow) = if ins.op == Op::WAddOv {
                    self.b.ins().sadd_overflow(x, y)
                } else {
                    self.b.ins().ssub_overflow(x, y)
                };
                self.exit_if(r, overflow);
                one(res)
            }
            Op::WMul => {
                let (x, y) = (self.b.ins().sextend(types::I128, a.one()), self.b.ins().sextend(types::I128, b.one()));
                one(self.b.ins().imul(x, y))
            }
            Op::WFits => {
                let lo = self.b.ins().ireduce(types::I64, a.one());
                let back = self.b.ins().sextend(types::I128, lo);
                one(self.b.ins().icmp(IntCC::Equal, back, a.one()))
            }
            Op::WNarrow => one(self.b.ins().ireduce(types::I64, a.one())),
            Op::WShr => {
                // Past 127 bits every bit is the sign's (Cranelift takes the amount mod 128).
                let most = self.b.ins().iconst(types::I64, 127);
                let n = self.b.ins().umin(b.one(), most);
                one(self.b.ins().sshr(a.one(), n))
            }
            Op::WUnbox | Op::WMulOv | Op::WModOv | Op::WFloorDivOv => {
                let wide = if ins.op == Op::WUnbox {
                    self.helper_call(Helper::BigToWide, &[a.one()]).one()
                } else {
                    let h = match ins.op {
                        Op::WMulOv => Helper::WideMul,
                        Op::WModOv => Helper::WideModWide,
                        _ => Helper::WideFloorDivWide,
                    };
                    let (alo, ahi) = self.b.ins().isplit(a.one());
                    let (blo, bhi) = self.b.ins().isplit(b.one());
                    self.helper_call(h, &[alo, ahi, blo, bhi]).one()
                };
                let (lo, hi) = self.b.ins().isplit(wide);
                let none = crate::helpers::WIDE_NONE;
                let lo_none = self.b.ins().icmp_imm_u(IntCC::Equal, lo, none.lo as i64);
                let hi_none = self.b.ins().icmp_imm_u(IntCC::Equal, hi, none.hi as i64);
                let fail = self.b.ins().band(lo_none, hi_none);
                self.exit_if(r, fail);
                one(wide)
            }

            Op::TagOf => match a {
                Lowered::Pair { tag, .. } => one(tag),
                other => panic!("tag_of of {other:?}"),
            },
            Op::UnboxInt | Op::UnboxObj => match a {
                Lowered::Pair { payload, .. } => one(payload),
                other => panic!("unbox of {other:?}"),
            },
            Op::UnboxFloat => match a {
                Lowered::Pair { payload, .. } => one(self.b.ins().bitcast(types::F64, MemFlagsData::new(), payload)),
                other => panic!("unbox of {other:?}"),
            },
            Op::UnboxBool => match a {
                Lowered::Pair { payload, .. } => {
                    let nz = self.b.ins().band_imm_u(payload, 0xff);
                    one(self.b.ins().icmp_imm_u(IntCC::NotEqual, nz, 0))
                }
                other => panic!("unbox of {other:?}"),
            },
            Op::Box => {
                let ty = self.trace.get(ins.a.as_ref().expect("verified box")).ty;
                match (ty, a) {
                    (Type::Value, v) => v,
                    (ty, Lowered::One(v)) => {
                        let tag = self.b.ins().iconst(types::I64, ty.slot_tag().expect("storable type") as i64);
                        let payload = match ty {
                            Type::F64 => self.b.ins().bitcast(types::I64, MemFlagsData::new(), v),
                            Type::Bool => self.b.ins().uextend(types::I64, v),
                            _ => v,
                        };
                        Lowered::Pair { tag, payload }
                    }
                    other => panic!("box of {other:?}"),
                }
            }
            Op::BAnd => one(self.b.ins().band(a.one(), b.one())),
            Op::BOr => one(self.b.ins().bor(a.one(), b.one())),
            Op::BXor => one(self.b.ins().bxor(a.one(), b.one())),
            Op::Sar => one(self.b.ins().sshr(a.one(), b.one())),
            Op::BToI => one(self.b.ins().uextend(types::I64, a.one())),
            Op::ObjEq => one(self.b.ins().icmp(IntCC::Equal, a.one(), b.one())),
            Op::Not => one(self.b.ins().bxor_imm_u(a.one(), 1)),
            Op::FNeg => one(self.b.ins().fneg(a.one())),
            Op::FAbs => one(self.b.ins().fabs(a.one())),
            Op::FSqrt => one(self.b.ins().sqrt(a.one())),
            Op::Pending => {
                // The flags change behind the trace's back (signal handler, helpers). Plain
                // loads (an atomic load is a fence to every other load and store), which
                // the store to the scratch word in their region keeps from being merged
                // with an earlier read.
                // The flags' addresses are read from the context each time too: kept in
                // registers across the loop, they were spilled and reloaded.
                let poll = Self::flags().with_alias_region(Some(self.poll));
                let scratch = self.b.ins().iconst(self.ptr_ty, crate::helpers::POLL_SCRATCH.as_ptr() as i64);
                let zero = self.b.ins().iconst(types::I8, 0);
                self.b.ins().store(poll, zero, scratch, 0);
                let p1 = self.b.ins().load(types::I64, poll, self.ctx, crate::helpers::CTX_INTERRUPT);
                let p2 = self.b.ins().load(types::I64, poll, self.ctx, crate::helpers::CTX_GC_WANTED);
                let b1 = self.b.ins().load(types::I8, poll, p1, 0);
                let b2 = self.b.ins().load(types::I8, poll, p2, 0);
                let any = self.b.ins().bor(b1, b2);
                self.exit_if(r, any);
                Lowered::None
            }
            Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge
            | Op::Eq
            | Op::Ne
            | Op::WLt
            | Op::WLe
            | Op::WGt
            | Op::WGe
            | Op::WEq
            | Op::WNe => {
                let cc = match ins.op {
                    Op::Lt | Op::WLt => IntCC::SignedLessThan,
                    Op::Le | Op::WLe => IntCC::SignedLessThanOrEqual,
                    Op::Gt | Op::WGt => IntCC::SignedGreaterThan,
                    Op::Ge | Op::WGe => IntCC::SignedGreaterThanOrEqual,
                    Op::Eq | Op::WEq => IntCC::Equal,
                    _ => IntCC::NotEqual,
                };
                one(self.b.ins().icmp(cc, a.one(), b.one()))
            }

            Op::FAdd => one(self.b.ins().fadd(a.one(), b.one())),
            Op::FSub => one(self.b.ins().fsub(a.one(), b.one())),
            Op::FMul => one(self.b.ins().fmul(a.one(), b.one())),
            Op::FDiv => one(self.b.ins().fdiv(a.one(), b.one())),
            Op::FLt | Op::FLe | Op::FGt | Op::FGe | Op::FEq | Op::FNe => {
                let cc = match ins.op {
                    Op::FLt => FloatCC::LessThan,
                    Op::FLe => FloatCC::LessThanOrEqual,
                    Op::FGt => FloatCC::GreaterThan,
                    Op::FGe => FloatCC::GreaterThanOrEqual,
                    Op::FEq => FloatCC::Equal,
                    _ => FloatCC::NotEqual,
                };
                one(self.b.ins().fcmp(cc, a.one(), b.one()))
            }
            Op::IToF => one(self.b.ins().fcvt_from_sint(types::F64, a.one())),

            Op::GuardTag => {
                let ok = self.b.ins().icmp_imm_u(IntCC::Equal, a.one(), imm(ins.b));
                self.exit_unless(r, ok);
                Lowered::None
            }
            Op::GuardTrue => {
                self.exit_unless(r, a.one());
                Lowered::None
            }
            Op::GuardFalse => {
                self.exit_if(r, a.one());
                Lowered::None
            }
            Op::GuardEq => {
                let ok = match (a, b) {
                    (Lowered::Pair { tag: t1, payload: p1 }, Lowered::Pair { tag: t2, payload: p2 }) => {
                        let same_tag = self.b.ins().icmp(IntCC::Equal, t1, t2);
                        let same_payload = self.b.ins().icmp(IntCC::Equal, p1, p2);
                        self.b.ins().band(same_tag, same_payload)
                    }
                    (Lowered::One(x), Lowered::One(y)) if self.b.func.dfg.value_type(x) == types::F64 => {
                        self.b.ins().fcmp(FloatCC::Equal, x, y)
                    }
                    (x, y) => self.b.ins().icmp(IntCC::Equal, x.one(), y.one()),
                };
                self.exit_unless(r, ok);
                Lowered::None
            }
            Op::Exit => {
                let (exit, n) = self.exit_target(r);
                self.b.ins().jump(exit, &[clif::BlockArg::Value(n)]);
                Lowered::None
            }

            Op::Loop | Op::Phi => unreachable!("handled by `lower`"),
            Op::CArg => Lowered::None,
            Op::CallHelper => {
                let Arg::Helper(helper) = ins.b else { panic!("verified call has a helper") };
                self.call_helper(helper, ins.a)
            }
        }
    }

    fn call_helper(&mut self, helper: Helper, args: Arg) -> Lowered {
        // Item access on lists, tuples and instance slots inline, once their layout is
        // known (`helpers::learn_layout`); same results as the helpers.
        use crate::helpers::{inst_layout, list_layout, tuple_layout};
        let inline = match helper {
            Helper::ListGet | Helper::ListSet | Helper::ListLen => list_layout(),
            Helper::TupleGet | Helper::TupleLen => tuple_layout(),
            Helper::InstGet | Helper::InstSet => inst_layout(),
            _ => None,
        };
        if let (Helper::InstCheck, Some(off), Some(il)) =
            (helper, crate::helpers::kind_cache_offset(), crate::helpers::inst_class_layout())
        {
            // A plain instance of the class with the shape.
            let a = self.trace.call_args(args);
            let (obj, cls, shape) =
                (self.vals[a[0].index()].one(), self.vals[a[1].index()].one(), self.vals[a[2].index()].one());
            let ok = self.inline_for_kind(helper, &[obj, cls, shape], off, crate::helpers::kind::INSTANCE, |l| {
                let c = l.b.ins().load(types::I64, Self::flags(), obj, il.class);
                let s = l.b.ins().uload32(Self::flags(), obj, il.shape);
                let c_ok = l.b.ins().icmp(IntCC::Equal, c, cls);
                let s_ok = l.b.ins().icmp(IntCC::Equal, s, shape);
                vec![l.b.ins().band(c_ok, s_ok)]
            });
            return Lowered::One(ok[0]);
        }
        if helper == Helper::FloatToInt {
            // As `float_to_int`: the truncated int when -2**63 <= x < 2**63 (NaN fails
            // both compares), else UNDEF; no branch.
            let x = self.vals[self.trace.call_args(args)[0].index()].one();
            let lo = self.b.ins().f64const(Ieee64::with_float(-crate::helpers::TWO_POW_63));
            let hi = self.b.ins().f64const(Ieee64::with_float(crate::helpers::TWO_POW_63));
            let ge = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, lo);
            let lt = self.b.ins().fcmp(FloatCC::LessThan, x, hi);
            let fits = self.b.ins().band(ge, lt);
            let payload = self.b.ins().fcvt_to_sint_sat(types::I64, x);
            return Lowered::Pair { tag: self.int_or_undef(fits), payload };
        }
        if let (Helper::ListReverseSlice, Some(ll)) = (helper, list_layout()) {
            let a = self.trace.call_args(args);
            let bound = |r: IrRef| match (self.trace.get(r).op, self.trace.get(r).a) {
                (Op::KInt, Arg::Imm(k)) => Bound::Const(k),
                _ => Bound::Var(self.vals[r.index()].one()),
            };
            let bounds = [bound(a[1]), bound(a[2]), bound(a[3]), bound(a[4])];
            return Lowered::One(self.inline_list_reverse(ll, self.vals[a[0].index()].one(), bounds));
        }
        if let (Helper::CellGet, Some(off), Some(at)) =
            (helper, crate::helpers::kind_cache_offset(), crate::helpers::cell_value_offset())
        {
            // A closure cell: its value's two words.
            let obj = self.vals[self.trace.call_args(args)[0].index()].one();
            let v = self.inline_for_kind(helper, &[obj], off, crate::helpers::kind::CELL, |l| {
                let tag = l.b.ins().load(types::I64, Self::flags(), obj, at);
                let payload = l.b.ins().load(types::I64, Self::flags(), obj, at + 8);
                vec![tag, payload]
            });
            return Lowered::Pair { tag: v[0], payload: v[1] };
        }
        if let (Helper::DictVersion, Some(off), Some(dl)) =
            (helper, crate::helpers::kind_cache_offset(), crate::helpers::dict_layout())
        {
            // A dict: its version.
            let obj = self.vals[self.trace.call_args(args)[0].index()].one();
            let v = self.inline_for_kind(helper, &[obj], off, crate::helpers::kind::DICT, |l| {
                let d = l.b.ins().load(types::I64, Self::fixed_flags(), obj, dl.boxed);
                vec![l.b.ins().load(types::I64, Self::flags(), d, dl.version)]
            });
            return Lowered::One(v[0]);
        }
        if let (Helper::DictValueAt, Some(off), Some(dl)) =
            (helper, crate::helpers::kind_cache_offset(), crate::helpers::dict_layout())
        {
            // A dict: the value of entry `i` (UNDEF past the table; the version guard
            // before keeps `i` a live entry).
            let a = self.trace.call_args(args);
            let (obj, i) = (self.vals[a[0].index()].one(), self.vals[a[1].index()].one());
            let v = self.inline_for_kind(helper, &[obj, i], off, crate::helpers::kind::DICT, |l| {
                let d = l.b.ins().load(types::I64, Self::fixed_flags(), obj, dl.boxed);
                let (at, in_range) = l.item_address(dl.table, d, i, false, Self::flags(), i64::from(dl.stride));
                let at = l.b.ins().iadd_imm_s(at, i64::from(dl.value));
                let (tag, payload) = l.load_item_or_undef(in_range, at, Self::flags());
                vec![tag, payload]
            });
            return Lowered::Pair { tag: v[0], payload: v[1] };
        }
        if helper == Helper::ClassEpoch {
            // `Vm::class_epoch` through the context's VM pointer.
            let vm = self.b.ins().load(types::I64, Self::fixed_flags(), self.ctx, crate::helpers::CTX_VM);
            let epoch = self.b.ins().load(types::I64, Self::flags(), vm, crate::helpers::VM_CLASS_EPOCH as i32);
            return Lowered::One(epoch);
        }
        if matches!(helper, Helper::IntMod | Helper::IntFloorDiv) {
            // As `int_mod`/`int_floordiv` (`arith::i64_divmod`): Python's floor division,
            // the remainder taking the divisor's sign; UNDEF for a zero divisor and for
            // i64::MIN by -1. Branchless: those divide by 1 instead, and never trap.
            let a = self.trace.call_args(args);
            let (x, y) = (self.vals[a[0].index()].one(), self.vals[a[1].index()].one());
            let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
            let minus1 = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
            let min = self.b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
            let overflow = self.b.ins().band(minus1, min);
            let bad = self.b.ins().bor(zero, overflow);
            let one = self.b.ins().iconst(types::I64, 1);
            let d = self.b.ins().select(bad, one, y);
            let r = self.b.ins().srem(x, d);
            // The remainder's sign differs from the divisor's: floor, not truncate.
            let signs = self.b.ins().bxor(r, d);
            let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
            let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
            let adjust = self.b.ins().band(differ, nonzero);
            let payload = if helper == Helper::IntMod {
                let r_adj = self.b.ins().iadd(r, d);
                self.b.ins().select(adjust, r_adj, r)
            } else {
                let q = self.b.ins().sdiv(x, d);
                let q_adj = self.b.ins().iadd_imm_s(q, -1);
                self.b.ins().select(adjust, q_adj, q)
            };
            let good = self.b.ins().bxor_imm_u(bad, 1);
            return Lowered::Pair { tag: self.int_or_undef(good), payload };
        }
        if let (Helper::ObjKind | Helper::IterKind, Some(off)) = (helper, crate::helpers::kind_cache_offset()) {
            // The kind cached in the header byte: an object's (plus one) in its low bits, a
            // built-in iterator's in its high bits; 0: not yet, ask the helper, which
            // caches it.
            let obj = self.vals[self.trace.call_args(args)[0].index()].one();
            let byte = self.b.ins().uload8(types::I64, Self::flags(), obj, off);
            let cached = if helper == Helper::ObjKind {
                self.b.ins().band_imm_u(byte, i64::from(crate::helpers::KIND_MASK))
            } else {
                self.b.ins().ushr_imm_u(byte, i64::from(crate::helpers::KIND_BITS))
            };
            let kind = self.if_else(
                cached,
                &[types::I64],
                |l| vec![if helper == Helper::ObjKind { l.b.ins().iadd_imm_s(cached, -1) } else { cached }],
                |l| l.helper_call(helper, &[obj]).words(),
            );
            return Lowered::One(kind[0]);
        }
        if let (Helper::ListIterNext, Some(li), Some(ll)) = (helper, crate::helpers::list_iter_layout(), list_layout())
        {
            // As `vm.next` on a list iterator: the item at `idx` and `idx + 1`, or UNDEF
            // and `idx = usize::MAX` (exhausted for good) when past the end.
            // Branchless: past the end, the item is read from `UNDEF_WORDS`.
            let it = self.vals[self.trace.call_args(args)[1].index()].one();
            let idx = self.b.ins().load(types::I64, Self::flags(), it, li.idx);
            let list = self.b.ins().load(types::I64, Self::fixed_flags(), it, li.list);
            let (at, in_range) = self.item_address(ll, list, idx, false, self.header_flags, 16);
            let (tag, payload) = self.load_item_or_undef(in_range, at, Self::flags());
            let next = self.b.ins().iadd_imm_s(idx, 1);
            let end = self.b.ins().iconst(types::I64, -1);
            let next = self.b.ins().select(in_range, next, end);
            self.b.ins().store(Self::flags(), next, it, li.idx);
            return Lowered::Pair { tag, payload };
        }
        if let (Helper::RangeUp, Some(ri)) = (helper, crate::helpers::range_iter_layout()) {
            let it = self.vals[self.trace.call_args(args)[0].index()].one();
            let cur = self.b.ins().load(types::I64, Self::flags(), it, ri.cur);
            let step = self.b.ins().load(types::I64, Self::fixed_flags(), it, ri.step);
            let up = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
            let from = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, cur, 0);
            return Lowered::One(self.b.ins().band(up, from));
        }
        if let (Helper::RangeIterNextUp, Some(ri)) = (helper, crate::helpers::range_iter_layout()) {
            // As `range_iter_next` with `step > 0` and `cur >= 0`: `cur + step` cannot wrap
            // as an unsigned number, and saturates at `i64::MAX`. The position comes from
            // the register the loop carries it in (`range_carry`) when there is one.
            let it_ref = self.trace.call_args(args)[1];
            let it = self.vals[it_ref.index()].one();
            let carried = match self.range_carry {
                Some((r, cur)) if r == it_ref => Some(cur),
                _ => None,
            };
            let cur = match carried.flatten() {
                Some(cur) => cur,
                None => self.b.ins().load(types::I64, Self::flags(), it, ri.cur),
            };
            let stop = self.b.ins().load(types::I64, Self::fixed_flags(), it, ri.stop);
            // The step never changes either, but read at each step rather than held in a
            // register across the loop (it was spilled and written back every iteration).
            let step = self.b.ins().load(types::I64, Self::flags(), it, ri.step);
            let in_range = self.b.ins().icmp(IntCC::SignedLessThan, cur, stop);
            let sum = self.b.ins().iadd(cur, step);
            let max = self.b.ins().iconst(types::I64, i64::MAX);
            let next = self.b.ins().umin(sum, max);
            let (item, stored) = self.range_step(ri, it, cur, next, in_range);
            if carried.is_some() {
                self.range_carry = Some((it_ref, Some(stored)));
            }
            return item;
        }
        if let (Helper::RangeIterNext, Some(ri)) = (helper, crate::helpers::range_iter_layout()) {
            // As `vm.next` on a range iterator: `cur`, and `cur + step` (saturating) is the
            // next; or UNDEF (nothing changed) once `cur` has reached `stop`.
            let it = self.vals[self.trace.call_args(args)[1].index()].one();
            let cur = self.b.ins().load(types::I64, Self::flags(), it, ri.cur);
            let stop = self.b.ins().load(types::I64, Self::fixed_flags(), it, ri.stop);
            let step = self.b.ins().load(types::I64, Self::fixed_flags(), it, ri.step);
            let up = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
            let below = self.b.ins().icmp(IntCC::SignedLessThan, cur, stop);
            let above = self.b.ins().icmp(IntCC::SignedGreaterThan, cur, stop);
            let in_range = self.b.ins().select(up, below, above);
            // Branchless: once exhausted, `cur` is stored back unchanged.
            let (sum, overflow) = self.b.ins().sadd_overflow(cur, step);
            let max = self.b.ins().iconst(types::I64, i64::MAX);
            let min = self.b.ins().iconst(types::I64, i64::MIN);
            let saturated = self.b.ins().select(up, max, min);
            let next = self.b.ins().select(overflow, saturated, sum);
            return self.range_step(ri, it, cur, next, in_range).0;
        }
        // A tuple never changes (its items neither); a list's or an instance's items do.
        let tuple = matches!(helper, Helper::TupleGet | Helper::TupleLen);
        let flags = if tuple { Self::fixed_flags() } else { self.header_flags };
        if let (Some(layout), Helper::ListLen | Helper::TupleLen) = (inline, helper) {
            let obj = self.vals[self.trace.call_args(args)[0].index()].one();
            return Lowered::One(self.b.ins().load(types::I64, flags, obj, layout.len));
        }
        if let Some(layout) = inline {
            let vals: Vec<Lowered> = self.trace.call_args(args).iter().map(|r| self.vals[r.index()]).collect();
            let (obj, index) = (vals[0].one(), vals[1].one());
            let negative_wraps = matches!(helper, Helper::ListGet | Helper::ListSet | Helper::TupleGet)
                && !never_negative(self.trace, self.trace.call_args(args)[1], 4);
            return match helper {
                Helper::ListSet | Helper::InstSet => {
                    let Lowered::Pair { tag, payload } = vals[2] else { panic!("verified helper arguments") };
                    self.inline_seq_set(layout, obj, index, negative_wraps, tag, payload)
                }
                _ => {
                    // Item loads are not moved with the length and pointer: the item's
                    // address is only good once the guards on `obj` passed.
                    let items = if tuple { Self::flags().with_readonly() } else { Self::flags() };
                    self.inline_seq_get(layout, obj, index, negative_wraps, flags, items)
                }
            };
        }
        let mut words = vec![];
        for r in self.trace.call_args(args) {
            match (self.trace.get(r).ty, self.vals[r.index()]) {
                (Type::I128, Lowered::One(wide)) => {
                    let (lo, hi) = self.b.ins().isplit(wide);
                    words.extend([lo, hi]);
                }
                (_, v) => words.extend(v.words()),
            }
        }
        self.helper_call(helper, &words)
    }

    /// A call of `helper` with its arguments as machine words.
    fn helper_call(&mut self, helper: Helper, args: &[clif::Value]) -> Lowered {
        let mut sig = Signature::new(self.helper_conv);
        for &t in helper.params() {
            sig.params.extend(abi_types(t).iter().map(|&ct| AbiParam::new(ct)));
        }
        sig.returns.extend(abi_types(helper.result()).iter().map(|&ct| AbiParam::new(ct)));
        let sig = self.b.import_signature(sig);
        let callee = self.b.ins().iconst(self.ptr_ty, helper.address() as i64);
        let call = self.b.ins().call_indirect(sig, callee, args);
        match *self.b.inst_results(call) {
            [] => Lowered::None,
            [v] => Lowered::One(v),
            [lo, hi] if helper.result() == Type::I128 => Lowered::One(self.b.ins().iconcat(lo, hi)),
            [tag, payload] => Lowered::Pair { tag, payload },
            _ => unreachable!("helpers return at most one value"),
        }
    }

    /// The address of item `index` (items `stride` bytes long) of the sequence at `obj`,
    /// meaningful only if it is in range, and whether it is (a negative index counts from
    /// the end if `wraps`); the length and items pointer are loaded with `flags`.
    #[allow(clippy::too_many_arguments)]
    fn item_address(
        &mut self,
        layout: SeqLayout,
        obj: clif::Value,
        index: clif::Value,
        wraps: bool,
        flags: MemFlagsData,
        stride: i64,
    ) -> (clif::Value, clif::Value) {
        let len = self.b.ins().load(types::I64, flags, obj, layout.len);
        let idx = if wraps {
            let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, index, 0);
            let from_end = self.b.ins().iadd(index, len);
            self.b.ins().select(neg, from_end, index)
        } else {
            index
        };
        // Unsigned: a still-negative index is out of range too.
        let in_range = self.b.ins().icmp(IntCC::UnsignedLessThan, idx, len);
        let offset = self.b.ins().imul_imm_s(idx, stride);
        let items = self.b.ins().load(types::I64, flags, obj, layout.ptr);
        (self.b.ins().iadd(items, offset), in_range)
    }

    /// The end of a range iterator's step: `next` stored as its position if `in_range` (else
    /// the position stays); `cur` as the item, or UNDEF, and the position stored.
    fn range_step(
        &mut self,
        ri: crate::helpers::RangeIterLayout,
        it: clif::Value,
        cur: clif::Value,
        next: clif::Value,
        in_range: clif::Value,
    ) -> (Lowered, clif::Value) {
        let stored = self.b.ins().select(in_range, next, cur);
        self.b.ins().store(Self::flags(), stored, it, ri.cur);
        (Lowered::Pair { tag: self.int_or_undef(in_range), payload: cur }, stored)
    }

    /// The tag INT if `ok`, else UNDEF (a helper's result that leaves through its guard).
    fn int_or_undef(&mut self, ok: clif::Value) -> clif::Value {
        let int = self.b.ins().iconst(types::I64, krait_runtime::value::tag::INT as i64);
        let undef = self.b.ins().iconst(types::I64, krait_runtime::value::tag::UNDEF as i64);
        self.b.ins().select(ok, int, undef)
    }

    /// `seq[index]` as a boxed value, UNDEF when out of range (as `list_get`...), with
    /// `flags` for the length and items pointer and `item_flags` for the item.
    fn inline_seq_get(
        &mut self,
        layout: SeqLayout,
        obj: clif::Value,
        index: clif::Value,
        wraps: bool,
        flags: MemFlagsData,
        item_flags: MemFlagsData,
    ) -> Lowered {
        let (at, in_range) = self.item_address(layout, obj, index, wraps, flags, 16);
        let (tag, payload) = self.load_item_or_undef(in_range, at, item_flags);
        Lowered::Pair { tag, payload }
    }

    /// The value at `at` if `in_range`, else UNDEF, without a branch: out of range the
    /// words are read from `helpers::UNDEF_WORDS` instead (`at` is never dereferenced).
    fn load_item_or_undef(
        &mut self,
        in_range: clif::Value,
        at: clif::Value,
        flags: MemFlagsData,
    ) -> (clif::Value, clif::Value) {
        let undef = self.b.ins().iconst(self.ptr_ty, crate::helpers::UNDEF_WORDS.as_ptr() as i64);
        let addr = self.b.ins().select(in_range, at, undef);
        let t = self.b.ins().load(types::I64, flags, addr, TAG_OFFSET);
        (t, self.b.ins().load(types::I64, flags, addr, PAYLOAD_OFFSET))
    }

    /// `seq[index] = value`; false (nothing stored) when out of range (as `list_set`...).
    fn inline_seq_set(
        &mut self,
        layout: SeqLayout,
        obj: clif::Value,
        index: clif::Value,
        wraps: bool,
        tag: clif::Value,
        payload: clif::Value,
    ) -> Lowered {
        // Branchless: out of range, the words go to `helpers::SCRATCH_WORDS` (never read).
        let (at, in_range) = self.item_address(layout, obj, index, wraps, self.header_flags, 16);
        let scratch = self.b.ins().iconst(self.ptr_ty, crate::helpers::SCRATCH_WORDS.as_ptr() as i64);
        let addr = self.b.ins().select(in_range, at, scratch);
        self.b.ins().store(Self::flags(), tag, addr, TAG_OFFSET);
        self.b.ins().store(Self::flags(), payload, addr, PAYLOAD_OFFSET);
        Lowered::One(in_range)
    }

    /// `cond ? then : els` as blocks: each branch emits its code and returns the values
    /// (of types `tys`) the merge block receives; returns them in the merge block.
    /// `fast`'s values (the helper's result words, read inline) when `args[0]`'s cached
    /// kind (header byte at `off`) is `kind`; else the helper's.
    fn inline_for_kind(
        &mut self,
        helper: Helper,
        args: &[clif::Value],
        off: i32,
        kind: i64,
        fast: impl FnOnce(&mut Self) -> Vec<clif::Value>,
    ) -> Vec<clif::Value> {
        let tys: Vec<clif::Type> = clif_types(helper.result()).to_vec();
        let is = self.kind_cached_is(args[0], off, kind);
        self.if_else(is, &tys, fast, |l| l.helper_call(helper, args).words())
    }

    /// Whether `obj`'s kind, cached in its header byte at `off`, is `kind` (false when
    /// not cached yet).
    fn kind_cached_is(&mut self, obj: clif::Value, off: i32, kind: i64) -> clif::Value {
        let cached = self.b.ins().uload8(types::I64, Self::flags(), obj, off);
        let cached = self.b.ins().band_imm_u(cached, i64::from(crate::helpers::KIND_MASK));
        self.b.ins().icmp_imm_s(IntCC::Equal, cached, kind + 1)
    }

    /// As `list_reverse_slice` (`helpers::reversal_range`) on the list at `obj` (kind
    /// guarded): whether `l[a:b] = l[c:d:-1]` reverses a range in place, and if so the
    /// items swapped by a small loop. The clamping is branchless (and folded for
    /// constant bounds); no call.
    fn inline_list_reverse(&mut self, layout: SeqLayout, obj: clif::Value, [a, b, c, d]: [Bound; 4]) -> clif::Value {
        let len = self.b.ins().load(types::I64, self.header_flags, obj, layout.len);
        let last = self.b.ins().iadd_imm_s(len, -1);
        let zero = self.b.ins().iconst(types::I64, 0);
        let minus1 = self.b.ins().iconst(types::I64, -1);
        // `slice.indices`' clamping of one bound (`ops::clamp_slice`): a negative one
        // counts from the end (never overflowing: `len` >= 0), then into
        // `lower..=upper`. (The extremes standing for None clamp to those ends.)
        let clamp = |l: &mut Self, v: Bound, lower: clif::Value, upper: clif::Value| match v {
            Bound::Const(i64::MIN) => lower,
            Bound::Const(i64::MAX) => upper,
            Bound::Const(k) if k >= 0 => {
                let k = l.b.ins().iconst(types::I64, k);
                l.b.ins().smin(k, upper)
            }
            Bound::Const(k) => {
                let from_end = l.b.ins().iadd_imm_s(len, k);
                l.b.ins().smax(from_end, lower)
            }
            Bound::Var(v) => {
                let neg = l.b.ins().icmp_imm_s(IntCC::SignedLessThan, v, 0);
                let from_end = l.b.ins().iadd(v, len);
                let from_end = l.b.ins().smax(from_end, lower);
                let from_start = l.b.ins().smin(v, upper);
                l.b.ins().select(neg, from_end, from_start)
            }
        };
        let (lo, hi) = (clamp(self, a, zero, len), clamp(self, b, zero, len));
        let (top, bottom) = (clamp(self, c, minus1, last), clamp(self, d, minus1, last));
        let m = self.b.ins().isub(hi, lo);
        let m = self.b.ins().smax(m, zero);
        let n = self.b.ins().isub(top, bottom);
        let n = self.b.ins().smax(n, zero);
        // Both empty (nothing to do), or as long and the source's top is the target's last.
        let either = self.b.ins().bor(m, n);
        let empty = self.b.ins().icmp_imm_s(IntCC::Equal, either, 0);
        let same_n = self.b.ins().icmp(IntCC::Equal, m, n);
        let after_top = self.b.ins().iadd_imm_s(top, 1);
        let same_end = self.b.ins().icmp(IntCC::Equal, after_top, hi);
        let reverse = self.b.ins().band(same_n, same_end);
        let ok = self.b.ins().bor(empty, reverse);
        // Swap from both ends of `lo..=top` (the loop runs not at all unless there are
        // items to reverse: `top` may be -1 otherwise).
        let nonempty = self.b.ins().icmp_imm_s(IntCC::NotEqual, n, 0);
        let reverse = self.b.ins().band(reverse, nonempty);
        let items = self.b.ins().load(types::I64, self.header_flags, obj, layout.ptr);
        let first = self.b.ins().ishl_imm_u(lo, 4);
        let first = self.b.ins().iadd(items, first);
        let end = self.b.ins().ishl_imm_u(top, 4);
        let end = self.b.ins().iadd(items, end);
        let first = self.b.ins().select(reverse, first, zero);
        let end = self.b.ins().select(reverse, end, zero);
        let (head, body, done) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        let p = self.b.append_block_param(head, self.ptr_ty);
        let q = self.b.append_block_param(head, self.ptr_ty);
        self.b.ins().jump(head, &[clif::BlockArg::Value(first), clif::BlockArg::Value(end)]);
        self.b.switch_to_block(head);
        let more = self.b.ins().icmp(IntCC::UnsignedLessThan, p, q);
        self.b.ins().brif(more, body, &[], done, &[]);
        self.b.seal_block(body);
        self.b.switch_to_block(body);
        let words: Vec<clif::Value> = [(p, TAG_OFFSET), (p, PAYLOAD_OFFSET), (q, TAG_OFFSET), (q, PAYLOAD_OFFSET)]
            .iter()
            .map(|&(at, off)| self.b.ins().load(types::I64, Self::flags(), at, off))
            .collect();
        self.b.ins().store(Self::flags(), words[2], p, TAG_OFFSET);
        self.b.ins().store(Self::flags(), words[3], p, PAYLOAD_OFFSET);
        self.b.ins().store(Self::flags(), words[0], q, TAG_OFFSET);
        self.b.ins().store(Self::flags(), words[1], q, PAYLOAD_OFFSET);
        let p2 = self.b.ins().iadd_imm_s(p, 16);
        let q2 = self.b.ins().iadd_imm_s(q, -16);
        self.b.ins().jump(head, &[clif::BlockArg::Value(p2), clif::BlockArg::Value(q2)]);
        self.b.seal_block(head);
        self.b.seal_block(done);
        self.b.switch_to_block(done);
        ok
    }

    fn if_else(
        &mut self,
        cond: clif::Value,
        tys: &[clif::Type],
        then: impl FnOnce(&mut Self) -> Vec<clif::Value>,
        els: impl FnOnce(&mut Self) -> Vec<clif::Value>,
    ) -> Vec<clif::Value> {
        let (yes, no, merge) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        let out: Vec<clif::Value> = tys.iter().map(|&t| self.b.append_block_param(merge, t)).collect();
        self.b.ins().brif(cond, yes, &[], no, &[]);
        self.b.seal_block(yes);
        self.b.seal_block(no);
        self.b.switch_to_block(yes);
        let vals: Vec<clif::BlockArg> = then(self).into_iter().map(clif::BlockArg::Value).collect();
        self.b.ins().jump(merge, &vals);
        self.b.switch_to_block(no);
        let vals: Vec<clif::BlockArg> = els(self).into_iter().map(clif::BlockArg::Value).collect();
        self.b.ins().jump(merge, &vals);
        self.b.seal_block(merge);
        self.b.switch_to_block(merge);
        out
    }

    /// Fill the exit blocks: each writes its snapshot back and continues in its kind's
    /// tail. Snapshot entries many exits write alike (the loop-carried values of a loop
    /// body, the invariants) are written by blocks the exits share: an exit block writes
    /// its own entries, then jumps to the block writing the longest run of entries it has
    /// in common with other exits (of its kind), which may jump to one shared more widely,
    /// and so on to the tail. Every value a shared block writes is in the snapshots of all
    /// the guards leading there, so it is defined before the first of them and dominates
    /// the block. Returns the shared blocks (to seal).
    fn fill_exits(&mut self) -> Vec<clif::Block> {
        let exits = std::mem::take(&mut self.exits);
        let entries = |g: IrRef| {
            let (snap, _) = self.trace.get(g).exit.expect("verified guard has a snapshot");
            self.trace.snaps[snap.index()].entries.iter().map(|&(s, r)| (s.0, r.0)).collect::<Vec<Entry>>()
        };
        let mut lists: Vec<Vec<Entry>> = exits.iter().map(|&(_, g, _)| entries(g)).collect();
        // Rarest entries first, the most widely written last: those end the common runs.
        let mut freq: FxHashMap<(u8, Entry), usize> = FxHashMap::default();
        for (list, &(_, _, kind)) in lists.iter().zip(&exits) {
            for &e in list {
                *freq.entry((kind, e)).or_default() += 1;
            }
        }
        for (list, &(_, _, kind)) in lists.iter_mut().zip(&exits) {
            list.sort_by_key(|&e| (freq[&(kind, e)], e.0));
        }
        // How many exits end with each run of entries.
        let mut ends: FxHashMap<(u8, &[Entry]), usize> = FxHashMap::default();
        for (list, &(_, _, kind)) in lists.iter().zip(&exits) {
            for k in 0..list.len() {
                *ends.entry((kind, &list[k..])).or_default() += 1;
            }
        }
        let mut shared = StoreChains { ends, blocks: FxHashMap::default(), made: vec![] };
        for (list, &(block, _, kind)) in lists.iter().zip(&exits) {
            let k = (0..list.len()).find(|&k| shared.ends[&(kind, &list[k..])] >= 2).unwrap_or(list.len());
            let next = self.store_chain(&mut shared, kind, &list[k..]);
            self.b.seal_block(block);
            self.b.switch_to_block(block);
            let n = self.b.block_params(block)[0];
            self.store_entries(&list[..k]);
            self.b.ins().jump(next, &[clif::BlockArg::Value(n)]);
        }
        shared.made
    }

    /// The block writing the run of entries `run` (shared by exits of kind `kind`) and
    /// going on to the tail, made on first use.
    fn store_chain<'e>(&mut self, chains: &mut StoreChains<'e>, kind: u8, run: &'e [Entry]) -> clif::Block {
        if run.is_empty() {
            return self.exit_tail(kind);
        }
        if let Some(&b) = chains.blocks.get(&(kind, run)) {
            return b;
        }
        // Write entries up to where a run shared by more exits starts, then go on there.
        let here = chains.ends[&(kind, run)];
        let j = (1..run.len()).find(|&j| chains.ends[&(kind, &run[j..])] > here).unwrap_or(run.len());
        let next = self.store_chain(chains, kind, &run[j..]);
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        let n = self.b.append_block_param(block, types::I32);
        self.b.switch_to_block(block);
        self.store_entries(&run[..j]);
        self.b.ins().jump(next, &[clif::BlockArg::Value(n)]);
        chains.blocks.insert((kind, run), block);
        chains.made.push(block);
        block
    }

    /// Write snapshot entries into their slots.
    fn store_entries(&mut self, entries: &[Entry]) {
        for &(slot, r) in entries {
            let ty = self.trace.ins[r as usize].ty;
            self.store_slot(Arg::Slot(Slot(slot)), ty, self.vals[r as usize]);
        }
    }

    /// The block that ends every exit of kind `kind` (made on first use), given the exit
    /// number: count the exit (and for a body exit the loop's iterations), continue in
    /// the trace linked to it if any, else return the exit number.
    fn exit_tail(&mut self, kind: u8) -> clif::Block {
        if let Some(b) = self.exit_tails[kind as usize] {
            return b;
        }
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.exit_tails[kind as usize] = Some(block);
        let n = self.b.append_block_param(block, types::I32);
        self.b.switch_to_block(block);
        let (pending, last, body) = (kind & 3 == 1, kind & 3 == 2, kind & 4 != 0);
        if self.links.table != 0 {
            // The table entry of exit `n`: count at 2 + n, target at 2 + n_exits + n.
            let n64 = self.b.ins().uextend(types::I64, n);
            let offset = self.b.ins().ishl_imm_u(n64, 3);
            let base = self.b.ins().iconst(self.ptr_ty, self.links.table as i64);
            let entry = self.b.ins().iadd(base, offset);
            let count = self.b.ins().load(types::I64, Self::flags(), entry, 8 * Links::count_index(0) as i32);
            let count1 = self.b.ins().iadd_imm_s(count, 1);
            self.b.ins().store(Self::flags(), count1, entry, 8 * Links::count_index(0) as i32);
            if let (Some(iters), true) = (self.iterations, body) {
                let at = self.b.ins().iconst(self.ptr_ty, (self.links.table + 8) as i64);
                let total = self.b.ins().load(types::I64, Self::flags(), at, 0);
                let total = self.b.ins().iadd(total, iters);
                self.b.ins().store(Self::flags(), total, at, 0);
            }
            // Continue in the trace linked to this exit, unless a helper raised. Never
            // from the pending check: the interpreter must collect or raise.
            if !pending {
                let n_exits = self.trace.exits.len();
                let target = if last && self.links.end_target != 0 {
                    let at = self.b.ins().iconst(self.ptr_ty, self.links.end_target as i64);
                    self.b.ins().load(types::I64, Self::flags(), at, 0)
                } else {
                    let at = 8 * Links::target_index(n_exits, 0) as i32;
                    self.b.ins().load(types::I64, Self::flags(), entry, at)
                };
                let err = self.b.ins().load(types::I64, Self::flags(), self.ctx, crate::helpers::CTX_ERR_FLAG);
                let any = self.b.ins().icmp_imm_s(IntCC::NotEqual, target, 0);
                let clean = self.b.ins().icmp_imm_s(IntCC::Equal, err, 0);
                let go = self.b.ins().band(any, clean);
                let link = self.b.create_block();
                let ret = self.b.create_block();
                self.b.set_cold_block(link);
                self.b.set_cold_block(ret);
                self.b.ins().brif(go, link, &[], ret, &[]);
                self.b.seal_block(link);
                self.b.seal_block(ret);
                self.b.switch_to_block(link);
                let sig = self.b.import_signature(self.b.func.signature.clone());
                let (slots, ctx) = (self.slots, self.ctx);
                self.b.ins().return_call_indirect(sig, target, &[slots, ctx]);
                self.b.switch_to_block(ret);
            }
        }
        let id = self.b.ins().iconst(types::I64, self.links.id as i64);
        self.b.ins().store(Self::flags(), id, self.ctx, crate::helpers::CTX_LAST_TRACE);
        self.b.ins().return_(&[n]);
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::tests::counting_loop;
    use crate::ir::TraceBuilder;
    use krait_runtime::value::tag;

    static NO_INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    static NO_GC: bool = false;

    /// A context for traces that call no helper needing the VM.
    fn ctx() -> JitCtx {
        JitCtx::new(&NO_INTERRUPT, &NO_GC, std::ptr::null_mut())
    }

    fn int(v: &Value) -> i64 {
        match v {
            Value::Int(i) => *i,
            other => panic!("expected an int, got {other:?}"),
        }
    }

    fn float(v: &Value) -> f64 {
        match v {
            Value::Float(x) => *x,
            other => panic!("expected a float, got {other:?}"),
        }
    }

    /// A loop over the range iterator in slot 0 reading list slot 1 by its items (and, if
    /// asked, calling `extra` with the list); returns the trace and the loop's item ref.
    fn range_list_loop(extra: Option<Helper>, second_iter: bool) -> (Trace, IrRef) {
        let mut b = TraceBuilder::new(3);
        let s = b.snapshot(0, &[]);
        let it = b.sload(Op::SLoadObj, 0);
        let l = b.sload(Op::SLoadObj, 1);
        let other = b.sload(Op::SLoadObj, 2);
        let c = b.ins(Op::Ctx, Arg::None, Arg::None);
        let first = b.call(Helper::RangeIterNextUp, &[c, it]);
        let i0 = b.ins(Op::UnboxInt, Arg::Ref(first), Arg::None);
        b.loop_marker();
        let i = b.phi(i0);
        let next = b.call(Helper::RangeIterNextUp, &[c, if second_iter { other } else { it }]);
        let i1 = b.ins(Op::UnboxInt, Arg::Ref(next), Arg::None);
        let item = b.call(Helper::ListGet, &[l, i]);
        let t = b.ins(Op::TagOf, Arg::Ref(item), Arg::None);
        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), s);
        if let Some(h) = extra {
            let v = b.kval(tag::NONE, 0);
            b.call(h, &[l, v]);
        }
        b.set_phi(i, i1);
        (b.finish(), i)
    }

    /// Which loops keep a range position in a register, load list headers once and index
    /// without the wrap-around: the decisions the lowering takes from the trace.
    #[test]
    fn range_and_header_decisions() {
        let (plain, i) = range_list_loop(None, false);
        assert!(range_carry(&plain).is_some() && headers_fixed(&plain));
        assert!(never_negative(&plain, i, 4));
        // Appending may resize the list; items are still written in place by `list_set`.
        let (append, _) = range_list_loop(Some(Helper::ListAppend), false);
        assert!(range_carry(&append).is_some() && !headers_fixed(&append));
        let (set, _) = range_list_loop(Some(Helper::ListSet), false);
        assert!(headers_fixed(&set));
        // Something else that may advance a range iterator, or a second one (an alias?).
        let (generic, _) = range_list_loop(Some(Helper::IterNext), false);
        assert!(range_carry(&generic).is_none());
        let (two, _) = range_list_loop(None, true);
        assert!(range_carry(&two).is_none());
        // An index that may be negative keeps the wrap-around.
        let mut b = TraceBuilder::new(1);
        let x = b.sload(Op::SLoadInt, 0);
        let k = b.kint(-1);
        let zero = b.kint(0);
        b.loop_marker();
        let p = b.phi(zero);
        b.set_phi(p, k);
        let t = b.finish();
        assert!(!never_negative(&t, x, 4) && !never_negative(&t, p, 4) && never_negative(&t, zero, 4));
    }

    #[test]
    fn ctx_offsets_match_the_struct() {
        assert_eq!(std::mem::offset_of!(JitCtx, interrupt) as i32, crate::helpers::CTX_INTERRUPT);
        assert_eq!(std::mem::offset_of!(JitCtx, gc_wanted) as i32, crate::helpers::CTX_GC_WANTED);
        assert_eq!(std::mem::offset_of!(JitCtx, last_trace) as i32, crate::helpers::CTX_LAST_TRACE);
        assert_eq!(std::mem::offset_of!(JitCtx, err_flag) as i32, crate::helpers::CTX_ERR_FLAG);
    }

    #[test]
    fn value_has_the_slot_layout() {
        assert_eq!(std::mem::size_of::<Value>(), std::mem::size_of::<SlotWords>());
        // The offsets are checked by the runtime's own layout test and by every test
        // below that reads back what compiled code wrote.
    }

    #[test]
    fn counting_loop_runs_to_the_loop_exit() {
        let trace = counting_loop();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::Int(3), Value::Int(1000)];
        let exit = compiled.run(&mut slots, &mut ctx());
        // Exit 2 is `guard_true (i < n)`: it fails when i reaches n.
        assert_eq!(exit, ExitNo(2));
        assert_eq!(trace.exit_snapshot(exit).pc, 10);
        assert_eq!(int(&slots[0]), 1000);
        assert_eq!(int(&slots[1]), 1000);
        assert!(compiled.code_size() > 0);
    }

    #[test]
    fn entry_guard_fails_on_a_tag_mismatch() {
        let trace = counting_loop();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::Int(0), Value::Float(10.0)];
        // Exit 1 is the tag guard of slot #1; its snapshot is empty: slots unchanged.
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(1));
        assert_eq!(int(&slots[0]), 0);
        assert_eq!(float(&slots[1]), 10.0);
        let mut slots = [Value::None, Value::Int(10)];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(0));
        assert!(slots[0].is_none());
    }

    #[test]
    fn overflow_leaves_with_the_state_before_the_add() {
        // `while True: i = i + step` over ints: only the overflow guard can leave.
        let mut b = TraceBuilder::new(2);
        let entry = b.snapshot(0, &[]);
        for slot in 0..2 {
            let t = b.sload(Op::SLoadTag, slot);
            b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), entry);
        }
        let i0 = b.sload(Op::SLoadInt, 0);
        let step = b.sload(Op::SLoadInt, 1);
        b.loop_marker();
        let i = b.phi(i0);
        let s = b.snapshot(4, &[(0, i)]);
        let next = b.guard_ref(Op::AddOv, i, Some(step), s);
        b.set_phi(i, next);
        let trace = b.finish();
        verify(&trace).unwrap();

        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::Int(i64::MAX - 100), Value::Int(7)];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(2));
        // The last i for which i + 7 does not fit: the interpreter redoes the add and
        // promotes to a big int.
        let last = int(&slots[0]);
        assert!(last.checked_add(7).is_none(), "{last}");
        assert_eq!(last, i64::MAX - 100 + 7 * 14);

        // The same for mul_ov, going negative.
        let mut b = TraceBuilder::new(1);
        let entry = b.snapshot(0, &[]);
        let t = b.sload(Op::SLoadTag, 0);
        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), entry);
        let x0 = b.sload(Op::SLoadInt, 0);
        let k = b.kint(-3);
        b.loop_marker();
        let x = b.phi(x0);
        let s = b.snapshot(2, &[(0, x)]);
        let next = b.guard_ref(Op::MulOv, x, Some(k), s);
        b.set_phi(x, next);
        let trace = b.finish();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::Int(1)];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(1));
        assert_eq!(int(&slots[0]), (-3i64).pow(39));
    }

    /// `while x < limit: x = x * 1.5 + float(k); k = k + 1` with x, limit floats, k int.
    fn float_loop() -> Trace {
        let mut b = TraceBuilder::new(3);
        let entry = b.snapshot(0, &[]);
        for (slot, t) in [(0, tag::FLOAT), (1, tag::FLOAT), (2, tag::INT)] {
            let tg = b.sload(Op::SLoadTag, slot);
            b.guard(Op::GuardTag, Arg::Ref(tg), Arg::Imm(t as i64), entry);
        }
        let x0 = b.sload(Op::SLoadFloat, 0);
        let limit = b.sload(Op::SLoadFloat, 1);
        let k0 = b.sload(Op::SLoadInt, 2);
        let factor = b.kfloat(1.5);
        let one = b.kint(1);
        b.loop_marker();
        let x = b.phi(x0);
        let k = b.phi(k0);
        let s = b.snapshot(20, &[(0, x), (2, k)]);
        let lt = b.bin(Op::FLt, x, limit);
        b.guard_ref(Op::GuardTrue, lt, None, s);
        let scaled = b.bin(Op::FMul, x, factor);
        let kf = b.ins(Op::IToF, Arg::Ref(k), Arg::None);
        let x1 = b.bin(Op::FAdd, scaled, kf);
        let k1 = b.guard_ref(Op::AddOv, k, Some(one), s);
        b.set_phi(x, x1);
        b.set_phi(k, k1);
        b.finish()
    }

    #[test]
    fn float_loop_matches_the_same_loop_in_rust() {
        let trace = float_loop();
        verify(&trace).unwrap();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::Float(1.0), Value::Float(1e12), Value::Int(0)];
        let exit = compiled.run(&mut slots, &mut ctx());
        assert_eq!(exit, ExitNo(3));

        let (mut x, mut k) = (1.0f64, 0i64);
        while x < 1e12 {
            x = x * 1.5 + k as f64;
            k += 1;
        }
        assert_eq!(float(&slots[0]).to_bits(), x.to_bits());
        assert_eq!(int(&slots[2]), k);
        assert_eq!(float(&slots[1]), 1e12);
    }

    #[test]
    fn straight_trace_calls_helpers_and_stores() {
        // slot0 = slot0 ** 0.5 + floor(2.75); slot1 = (slot0 > 1.0); slot2 = slot2 (boxed copy)
        let mut b = TraceBuilder::new(3);
        let entry = b.snapshot(0, &[]);
        let t = b.sload(Op::SLoadTag, 0);
        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::FLOAT as i64), entry);
        let x = b.sload(Op::SLoadFloat, 0);
        let half = b.kfloat(0.5);
        let root = b.call(Helper::PowF64, &[x, half]);
        let k = b.kfloat(2.75);
        let fl = b.call(Helper::FloorF64, &[k]);
        let sum = b.bin(Op::FAdd, root, fl);
        let onef = b.kfloat(1.0);
        let gt = b.bin(Op::FGt, sum, onef);
        let boxed = b.sload(Op::SLoadVal, 2);
        b.ins(Op::SStore, Arg::Slot(Slot(0)), Arg::Ref(sum));
        let s = b.snapshot(8, &[(1, gt), (2, boxed)]);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        let trace = b.finish();
        verify(&trace).unwrap();

        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::Float(16.0), Value::None, Value::Bool(true)];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(1));
        assert_eq!(float(&slots[0]), 6.0);
        assert!(matches!(slots[1], Value::Bool(true)), "{:?}", slots[1]);
        assert!(matches!(slots[2], Value::Bool(true)), "{:?}", slots[2]);
    }

    /// `slot0 = slot0 + k`, then exit 2 (exit 0: the entry type guard, 1: overflow).
    fn add_trace(k: i64) -> Trace {
        let mut b = TraceBuilder::new(1);
        let entry = b.snapshot(0, &[]);
        let t = b.sload(Op::SLoadTag, 0);
        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), entry);
        let x = b.sload(Op::SLoadInt, 0);
        let kk = b.kint(k);
        let sum = b.guard_ref(Op::AddOv, x, Some(kk), entry);
        let s = b.snapshot(5, &[(0, sum)]);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        b.finish()
    }

    #[test]
    fn linked_exits_continue_in_the_next_trace_and_count() {
        use std::sync::atomic::{AtomicU64, Ordering};
        let mut backend = JitBackend::new().unwrap();
        let (first, second) = (add_trace(1), add_trace(100));
        let table = |t: &Trace| -> Box<[AtomicU64]> {
            (0..Links::table_len(t.exits.len())).map(|_| AtomicU64::new(0)).collect()
        };
        let (t1, t2) = (table(&first), table(&second));
        let l1 = Links { id: 1, table: t1.as_ptr() as u64, end_target: 0 };
        let l2 = Links { id: 2, table: t2.as_ptr() as u64, end_target: 0 };
        let c1 = backend.compile_linked(&first, l1).unwrap();
        let c2 = backend.compile_linked(&second, l2).unwrap();
        let mut slots = [Value::Int(5)];
        let mut cx = ctx();

        // Unlinked: the first trace returns its exit 2 and says so.
        assert_eq!(c1.run(&mut slots, &mut cx), ExitNo(2));
        assert_eq!((int(&slots[0]), cx.last_trace), (6, 1));

        // Exit 2 of the first now continues in the second, which returns.
        t1[Links::target_index(3, 2)].store(c2.entry() as u64, Ordering::Relaxed);
        assert_eq!(c1.run(&mut slots, &mut cx), ExitNo(2));
        assert_eq!((int(&slots[0]), cx.last_trace), (107, 2));
        assert_eq!(t1[0].load(Ordering::Relaxed), 2, "entries of the first");
        assert_eq!(t1[Links::count_index(2)].load(Ordering::Relaxed), 2, "exit 2 of the first");
        assert_eq!(t2[0].load(Ordering::Relaxed), 1, "entries of the second");

        // An exception pending in the context (`JitCtx::raise` sets the flag) stops the
        // chain at the first exit.
        cx.err_flag = 1;
        assert_eq!(c1.run(&mut slots, &mut cx), ExitNo(2));
        assert_eq!((int(&slots[0]), cx.last_trace), (108, 1));
    }

    #[test]
    fn list_and_tuple_items_are_read_and_written_inline() {
        use krait_runtime::vm::{Vm, VmOptions};
        let mut vm = Vm::new(VmOptions::default());
        let list = vm.new_list(vec![Value::Int(10), Value::Float(2.5), Value::Int(30)]);
        let tuple = vm.new_tuple(vec![Value::Int(7), Value::Int(8)]);
        for v in [list, tuple] {
            crate::helpers::learn_layout(v.as_obj().unwrap());
        }
        let (ll, tl) = (crate::helpers::list_layout().unwrap(), crate::helpers::tuple_layout().unwrap());
        assert_ne!(ll.ptr, ll.len);
        assert_ne!(tl.ptr, tl.len);

        // slot1 = list[slot0]; list[slot0 - 1] = tuple[-1]; exit.
        let mut b = TraceBuilder::new(2);
        let entry = b.snapshot(0, &[]);
        let t = b.sload(Op::SLoadTag, 0);
        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), entry);
        let i = b.sload(Op::SLoadInt, 0);
        let l = b.ins(Op::KObj, Arg::Imm(list.as_obj().unwrap().as_ptr() as i64), Arg::None);
        let tu = b.ins(Op::KObj, Arg::Imm(tuple.as_obj().unwrap().as_ptr() as i64), Arg::None);
        let item = b.call(Helper::ListGet, &[l, i]);
        let one = b.kint(1);
        let before = b.guard_ref(Op::SubOv, i, Some(one), entry);
        let minus1 = b.kint(-1);
        let last = b.call(Helper::TupleGet, &[tu, minus1]);
        let stored = b.call(Helper::ListSet, &[l, before, last]);
        let s = b.snapshot(9, &[(1, item)]);
        b.guard_ref(Op::GuardTrue, stored, None, s);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        let trace = b.finish();
        verify(&trace).unwrap();
        let text = JitBackend::new().unwrap().clif_text(&trace).unwrap();
        assert!(!text.contains("call_indirect"), "items accessed inline:\n{text}");
        let mut backend = JitBackend::new().unwrap();
        backend.set_disasm(true);
        let compiled = backend.compile(&trace).unwrap();
        // `--jit-dump=asm`: the machine code as text, one line per instruction.
        let asm = compiled.disasm().expect("disassembly kept");
        assert!(asm.lines().count() > 10 && asm.contains("ret"), "{asm}");
        assert!(JitBackend::new().unwrap().compile(&trace).unwrap().disasm().is_none());

        // Exits: 0 the tag guard, 1 the subtraction, 2 the store failing, 3 the end.
        let items = |v: Value| v.as_obj().unwrap().as_list().unwrap().borrow().clone();
        let mut slots = [Value::Int(1), Value::None];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(3));
        assert!(matches!(slots[1], Value::Float(f) if f == 2.5), "{:?}", slots[1]);
        assert!(matches!(items(list)[0], Value::Int(8)));
        // list[-1] counts from the end.
        let mut slots = [Value::Int(-1), Value::None];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(3));
        assert!(matches!(slots[1], Value::Int(30)), "{:?}", slots[1]);
        // Out of range: the read gives no value (UNDEF); the store in range succeeds.
        let mut slots = [Value::Int(3), Value::None];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(3));
        assert!(matches!(slots[1], Value::Undef), "{:?}", slots[1]);
        assert!(matches!(items(list)[2], Value::Int(8)), "list[2] = tuple[-1] stored");
        // Both out of range: the store fails and stores nothing.
        let mut slots = [Value::Int(9), Value::None];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(2));
        assert!(matches!(slots[1], Value::Undef));
        assert_eq!(items(list).len(), 3);
    }

    #[test]
    fn dict_entries_versions_and_cells_are_read_inline() {
        use krait_runtime::dict::Dict;
        use krait_runtime::vm::{Vm, VmOptions};
        let mut vm = Vm::new(VmOptions::default());
        let d = vm.new_dict(Dict::new()).as_obj().unwrap();
        for (k, v) in [(1, Value::Float(0.5)), (2, Value::Int(7)), (3, Value::None)] {
            vm.dict_set(d, Value::Int(k), v).unwrap();
        }
        let cell = vm.alloc(krait_runtime::object::Kind::Cell(std::cell::Cell::new(Value::Int(42))));
        for o in [d, cell] {
            crate::helpers::kind_of(o);
            crate::helpers::learn_layout(o);
        }
        assert!(crate::helpers::dict_layout().is_some() && crate::helpers::cell_value_offset().is_some());

        // slot0 = d.version; slot1 = d's entry at slot2; slot3 = the cell's value; exit.
        let mut b = TraceBuilder::new(4);
        let entry = b.snapshot(0, &[]);
        let t = b.sload(Op::SLoadTag, 2);
        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), entry);
        let i = b.sload(Op::SLoadInt, 2);
        let dk = b.ins(Op::KObj, Arg::Imm(d.as_ptr() as i64), Arg::None);
        let ck = b.ins(Op::KObj, Arg::Imm(cell.as_ptr() as i64), Arg::None);
        let version = b.call(Helper::DictVersion, &[dk]);
        let value = b.call(Helper::DictValueAt, &[dk, i]);
        let inside = b.call(Helper::CellGet, &[ck]);
        let s = b.snapshot(5, &[(0, version), (1, value), (3, inside)]);
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        let trace = b.finish();
        verify(&trace).unwrap();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let expect_version = d.as_dict().unwrap().borrow().version as i64;
        for (at, expect) in [(0, Value::Float(0.5)), (1, Value::Int(7)), (2, Value::None), (3, Value::Undef)] {
            let mut slots = [Value::None, Value::None, Value::Int(at), Value::None];
            assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(1));
            assert!(matches!(slots[0], Value::Int(v) if v == expect_version), "{:?}", slots[0]);
            assert_eq!(format!("{:?}", slots[1]), format!("{expect:?}"), "entry {at}");
            assert!(matches!(slots[3], Value::Int(42)), "{:?}", slots[3]);
        }
        // A key added: the version read changes with it.
        vm.dict_set(d, Value::Int(9), Value::Int(9)).unwrap();
        let mut slots = [Value::None, Value::None, Value::Int(3), Value::None];
        compiled.run(&mut slots, &mut ctx());
        assert!(matches!(slots[0], Value::Int(v) if v > expect_version), "{:?}", slots[0]);
        assert!(matches!(slots[1], Value::Int(9)), "{:?}", slots[1]);
    }

    #[test]
    fn list_iteration_is_inline_and_stays_exhausted() {
        use krait_runtime::vm::{Vm, VmOptions};
        let mut vm = Vm::new(VmOptions::default());
        let list = vm.new_list(vec![Value::Int(5), Value::Float(0.5)]);
        let it = vm.get_iter(list).unwrap();
        for v in [list, it] {
            crate::helpers::learn_layout(v.as_obj().unwrap());
        }
        assert!(crate::helpers::list_iter_layout().is_some());

        // slot0 = next(it) (boxed), then exit.
        let mut b = TraceBuilder::new(1);
        let s0 = b.snapshot(0, &[]);
        let c = b.ins(Op::Ctx, Arg::None, Arg::None);
        let k = b.ins(Op::KObj, Arg::Imm(it.as_obj().unwrap().as_ptr() as i64), Arg::None);
        let item = b.call(Helper::ListIterNext, &[c, k]);
        let s = b.snapshot(1, &[(0, item)]);
        let _ = s0;
        b.guard(Op::Exit, Arg::None, Arg::None, s);
        let trace = b.finish();
        verify(&trace).unwrap();
        let text = JitBackend::new().unwrap().clif_text(&trace).unwrap();
        assert!(!text.contains("call_indirect"), "list iteration inline:\n{text}");
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let next = || {
            let mut slots = [Value::None];
            compiled.run(&mut slots, &mut ctx());
            slots[0]
        };
        assert!(matches!(next(), Value::Int(5)));
        assert!(matches!(next(), Value::Float(f) if f == 0.5));
        assert!(next().is_undef());
        // Exhausted for good, as the runtime's iterator: an item appended now is not seen.
        list.as_obj().unwrap().as_list().unwrap().borrow_mut().push(Value::Int(7));
        assert!(next().is_undef());
        assert!(vm.next(it).unwrap().is_none());
    }

    #[test]
    fn list_reversal_is_inline_and_exact() {
        use krait_runtime::builtins::{get_slice, set_slice};
        use krait_runtime::vm::{Vm, VmOptions};
        let mut vm = Vm::new(VmOptions::default());
        let list = vm.new_list(vec![]);
        crate::helpers::learn_layout(list.as_obj().unwrap());
        let items = |v: Value| v.as_obj().unwrap().as_list().unwrap().borrow().clone();
        let set = |v: Value, to: &[Value]| *v.as_obj().unwrap().as_list().unwrap().borrow_mut() = to.to_vec();
        let values = [i64::MIN, i64::MIN + 1, -7, -4, -1, 0, 1, 2, 3, 5, 7, i64::MAX - 1, i64::MAX];
        // `l[a:b] = l[c:d:-1]`, each bound a constant of the trace or read from its slot.
        let shapes: [[Option<i64>; 4]; 5] = [
            [None; 4],
            [Some(i64::MIN), None, None, Some(i64::MIN)],
            [Some(i64::MIN), Some(i64::MAX), Some(i64::MAX), Some(i64::MIN)],
            [Some(-3), None, Some(4), Some(-9)],
            [None, Some(5), None, Some(0)],
        ];
        for shape in shapes {
            let mut b = TraceBuilder::new(5);
            let entry = b.snapshot(0, &[]);
            let t = b.sload(Op::SLoadTag, 4);
            b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::OBJ as i64), entry);
            let l = b.sload(Op::SLoadObj, 4);
            let mut args = vec![l];
            for (slot, k) in shape.iter().enumerate() {
                args.push(match k {
                    Some(k) => b.kint(*k),
                    None => {
                        let t = b.sload(Op::SLoadTag, slot as u32);
                        b.guard(Op::GuardTag, Arg::Ref(t), Arg::Imm(tag::INT as i64), entry);
                        b.sload(Op::SLoadInt, slot as u32)
                    }
                });
            }
            let ok = b.call(Helper::ListReverseSlice, &args);
            let done = b.snapshot(1, &[]);
            b.guard_ref(Op::GuardTrue, ok, None, done);
            b.guard(Op::Exit, Arg::None, Arg::None, done);
            let trace = b.finish();
            verify(&trace).unwrap();
            let text = JitBackend::new().unwrap().clif_text(&trace).unwrap();
            assert!(!text.contains("call_indirect"), "reversal inline:\n{text}");
            let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
            let fails = ExitNo(1 + shape.iter().filter(|k| k.is_none()).count() as u32);
            let vars = shape.iter().filter(|k| k.is_none()).count() as u32;
            for n in 0..6 {
                let start: Vec<Value> = (0..n).map(Value::Int).collect();
                for combo in 0..values.len().pow(vars) {
                    let mut rest = combo;
                    let bounds: Vec<i64> = shape
                        .iter()
                        .map(|k| {
                            k.unwrap_or_else(|| {
                                let v = values[rest % values.len()];
                                rest /= values.len();
                                v
                            })
                        })
                        .collect();
                    let [a, bb, c, d] = [bounds[0], bounds[1], bounds[2], bounds[3]];
                    set(list, &start);
                    let mut slots = [Value::Int(a), Value::Int(bb), Value::Int(c), Value::Int(d), list];
                    let exit = compiled.run(&mut slots, &mut ctx());
                    // The helper (before the layout is known) does the same.
                    let inline = items(list);
                    set(list, &start);
                    let done = crate::helpers::list_reverse_slice(list.as_obj().unwrap().as_ptr() as u64, a, bb, c, d);
                    assert_eq!(done, exit != fails);
                    assert_eq!(format!("{inline:?}"), format!("{:?}", items(list)));
                    let expect = crate::helpers::reversal_range(n as usize, a, bb, c, d);
                    let what = format!("l[{a}:{bb}] = l[{c}:{d}:-1], len {n}");
                    let Some((lo, hi)) = expect else {
                        assert_eq!(exit, fails, "{what}");
                        assert_eq!(format!("{:?}", items(list)), format!("{start:?}"), "nothing done: {what}");
                        continue;
                    };
                    assert_eq!(exit, ExitNo(fails.0 + 1), "{what}");
                    let mut want = start.clone();
                    want[lo..hi].reverse();
                    assert_eq!(format!("{:?}", items(list)), format!("{want:?}"), "{what}");
                    // What Python does: the source slice taken, then assigned.
                    let py = vm.new_list(start.clone());
                    let src = get_slice(&mut vm, py, Value::Int(c), Value::Int(d), Value::Int(-1)).unwrap();
                    set_slice(&mut vm, py, Value::Int(a), Value::Int(bb), Value::None, src).unwrap();
                    assert_eq!(format!("{:?}", items(py)), format!("{want:?}"), "as Python: {what}");
                }
            }
        }
    }

    #[test]
    fn range_iteration_is_inline_saturates_and_stays_exhausted() {
        use krait_runtime::vm::{Vm, VmOptions};
        let mut vm = Vm::new(VmOptions::default());
        let mut run = |start: i64, stop: i64, step: i64| -> Vec<Value> {
            let range =
                vm.call(Value::Obj(vm.types.range), &[Value::Int(start), Value::Int(stop), Value::Int(step)], &[]);
            let it = vm.get_iter(range.unwrap()).unwrap();
            crate::helpers::learn_layout(it.as_obj().unwrap());
            assert!(crate::helpers::range_iter_layout().is_some());
            // slot0 = next(it) (boxed), then exit.
            let mut b = TraceBuilder::new(1);
            let c = b.ins(Op::Ctx, Arg::None, Arg::None);
            let k = b.ins(Op::KObj, Arg::Imm(it.as_obj().unwrap().as_ptr() as i64), Arg::None);
            let item = b.call(Helper::RangeIterNext, &[c, k]);
            let s = b.snapshot(1, &[(0, item)]);
            b.guard(Op::Exit, Arg::None, Arg::None, s);
            let trace = b.finish();
            verify(&trace).unwrap();
            let text = JitBackend::new().unwrap().clif_text(&trace).unwrap();
            assert!(!text.contains("call_indirect"), "range iteration inline:\n{text}");
            let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
            let mut out = vec![];
            for _ in 0..6 {
                let mut slots = [Value::None];
                compiled.run(&mut slots, &mut ctx());
                out.push(slots[0]);
            }
            // Exhausted, as the runtime's own iterator says.
            assert!(vm.next(it).unwrap().is_none());
            out
        };
        let ints = |vs: &[Value]| vs.iter().map(|v| if v.is_undef() { None } else { Some(int(v)) }).collect::<Vec<_>>();
        assert_eq!(ints(&run(5, 20, 7)), [Some(5), Some(12), Some(19), None, None, None]);
        assert_eq!(ints(&run(3, -4, -3)), [Some(3), Some(0), Some(-3), None, None, None]);
        // The step past i64::MAX saturates: the iterator is exhausted, not wrapped.
        let m = i64::MAX;
        assert_eq!(ints(&run(m - 3, m, 2)), [Some(m - 3), Some(m - 1), None, None, None, None]);
        assert_eq!(ints(&run(i64::MIN + 1, i64::MIN, -1)), [Some(i64::MIN + 1), None, None, None, None, None]);
    }

    /// A straight trace that uses every op but the loop structure: int arithmetic and
    /// compares on slots #0 and #1, float arithmetic on #2, a bool guard on #3, a boxed
    /// copy of #4 into #5. Returns the trace and the exits of the bool guard and the sub.
    fn every_op_trace() -> (Trace, ExitNo, ExitNo) {
        let mut b = TraceBuilder::new(6);
        let entry = b.snapshot(0, &[]);
        for (slot, t) in [(0, tag::INT), (1, tag::INT), (2, tag::FLOAT), (3, tag::BOOL)] {
            let tg = b.sload(Op::SLoadTag, slot);
            b.guard(Op::GuardTag, Arg::Ref(tg), Arg::Imm(t as i64), entry);
        }
        let x = b.sload(Op::SLoadInt, 0);
        let y = b.sload(Op::SLoadInt, 1);
        let fx = b.sload(Op::SLoadFloat, 2);
        let flag = b.sload(Op::SLoadBool, 3);
        let boxed = b.sload(Op::SLoadVal, 4);
        let flag_guard = b.guard_ref(Op::GuardFalse, flag, None, entry);
        let diff = b.guard_ref(Op::SubOv, x, Some(y), entry);
        let prod = b.guard_ref(Op::MulOv, diff, Some(y), entry);
        let sum = b.guard_ref(Op::AddOv, prod, Some(x), entry);
        b.ins(Op::SStore, Arg::Slot(Slot(4)), Arg::Ref(sum));
        // x > y: these hold or fail together.
        for (op, holds) in [(Op::Lt, false), (Op::Le, false), (Op::Gt, true), (Op::Ge, true), (Op::Eq, false)] {
            let c = b.bin(op, x, y);
            b.guard_ref(if holds { Op::GuardTrue } else { Op::GuardFalse }, c, None, entry);
        }
        let ne = b.bin(Op::Ne, x, y);
        let yes = b.ins(Op::KBool, Arg::Imm(1), Arg::None);
        b.guard_ref(Op::GuardEq, ne, Some(yes), entry);
        b.guard_ref(Op::GuardEq, x, Some(x), entry);
        b.guard_ref(Op::GuardEq, boxed, Some(boxed), entry);
        // ((fx - float(x)) / sqrt(fx) * 2 - 1) ** 2, then the same compares against fx (it is smaller).
        let xf = b.ins(Op::IToF, Arg::Ref(x), Arg::None);
        let num = b.bin(Op::FSub, fx, xf);
        let root = b.call(Helper::SqrtF64, &[fx]);
        let quotient = b.bin(Op::FDiv, num, root);
        let two = b.kfloat(2.0);
        let doubled = b.bin(Op::FMul, quotient, two);
        let minus_one = b.kfloat(-1.0);
        let shifted = b.bin(Op::FAdd, doubled, minus_one);
        let q = b.call(Helper::PowF64, &[shifted, two]);
        for (op, holds) in
            [(Op::FLt, true), (Op::FLe, true), (Op::FGt, false), (Op::FGe, false), (Op::FEq, false), (Op::FNe, true)]
        {
            let c = b.bin(op, q, fx);
            b.guard_ref(if holds { Op::GuardTrue } else { Op::GuardFalse }, c, None, entry);
        }
        b.guard_ref(Op::GuardEq, q, Some(q), entry);
        let done = b.snapshot(30, &[(0, diff), (1, prod), (2, q), (3, ne), (5, boxed)]);
        b.guard(Op::Exit, Arg::None, Arg::None, done);
        let trace = b.finish();
        let exit_of = |r: IrRef| trace.get(r).exit.unwrap().1;
        let (flag_exit, sub_exit) = (exit_of(flag_guard), exit_of(diff));
        (trace, flag_exit, sub_exit)
    }

    #[test]
    fn every_op_compiles_and_runs() {
        let (trace, flag_exit, sub_exit) = every_op_trace();
        verify(&trace).unwrap();
        let boxes = boxed_values_trace();
        let pointers = pointer_trace(0);
        let wide = wide_trace(0, 1).0;
        // Loop structure (loop, phi) and kint are covered by the loop tests.
        for op in Op::ALL.iter().filter(|op| !matches!(op, Op::Loop | Op::Phi | Op::KInt)) {
            assert!(
                trace.ins.iter().chain(&boxes.ins).chain(&pointers.ins).chain(&wide.ins).any(|i| i.op == *op),
                "{} not covered",
                op.name()
            );
        }
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let last_exit = ExitNo(trace.exits.len() as u32 - 1);

        let start = [Value::Int(10), Value::Int(3), Value::Float(16.0), Value::Bool(false), Value::None, Value::Undef];
        let mut slots = start;
        assert_eq!(compiled.run(&mut slots, &mut ctx()), last_exit);
        assert_eq!(int(&slots[0]), 7);
        assert_eq!(int(&slots[1]), 21);
        assert_eq!(float(&slots[2]), 4.0);
        assert!(matches!(slots[3], Value::Bool(true)), "{:?}", slots[3]);
        assert_eq!(int(&slots[4]), 31, "sstore");
        assert!(slots[5].is_none(), "boxed copy: {:?}", slots[5]);

        let mut slots = start;
        slots[3] = Value::Bool(true);
        assert_eq!(compiled.run(&mut slots, &mut ctx()), flag_exit);
        assert!(matches!(slots[3], Value::Bool(true)) && slots[4].is_none());

        let mut slots = start;
        slots[0] = Value::Int(i64::MIN);
        assert_eq!(compiled.run(&mut slots, &mut ctx()), sub_exit);
        assert_eq!(int(&slots[0]), i64::MIN);
    }

    /// Wide ints: slot #0 holds a big int (the constant object `big` too), #1 an int x.
    /// Computes s = #0 + x * x (wide), d = s - x, leaves (guard) unless d is past i64, then
    /// writes s to #0, x widened to #1, d % m to #2, d // m to #3 and (the big constant plus
    /// one) times -3 to #4. Returns the trace and the exit of the `wadd_ov`.
    fn wide_trace(big: i64, m: i64) -> (Trace, ExitNo) {
        let mut b = TraceBuilder::new(8);
        let entry = b.snapshot(0, &[]);
        for (slot, t) in [(0, tag::OBJ), (1, tag::INT)] {
            let tg = b.sload(Op::SLoadTag, slot);
            b.guard(Op::GuardTag, Arg::Ref(tg), Arg::Imm(t as i64), entry);
        }
        let o = b.sload(Op::SLoadObj, 0);
        let x = b.sload(Op::SLoadInt, 1);
        let w = b.guard_ref(Op::WUnbox, o, None, entry);
        let sq = b.bin(Op::WMul, x, x);
        let s = b.guard_ref(Op::WAddOv, w, Some(sq), entry);
        let xw = b.ins(Op::Widen, Arg::Ref(x), Arg::None);
        let d = b.guard_ref(Op::WSubOv, s, Some(xw), entry);
        let fits = b.ins(Op::WFits, Arg::Ref(d), Arg::None);
        b.guard_ref(Op::GuardFalse, fits, None, entry);
        // s > d (x > 0): these hold or fail together.
        for (op, holds) in
            [(Op::WLt, false), (Op::WLe, false), (Op::WGt, true), (Op::WGe, true), (Op::WEq, false), (Op::WNe, true)]
        {
            let c = b.bin(op, s, d);
            b.guard_ref(if holds { Op::GuardTrue } else { Op::GuardFalse }, c, None, entry);
        }
        let km = b.kint(m);
        let rem = b.call(Helper::WideMod, &[d, km]);
        let quo = b.call(Helper::WideFloorDiv, &[d, km]);
        let xs = b.ins(Op::WNarrow, Arg::Ref(xw), Arg::None);
        let xs_fits = b.bin(Op::Eq, xs, x);
        b.guard_ref(Op::GuardTrue, xs_fits, None, entry);
        let k = b.ins(Op::KObj, Arg::Imm(big), Arg::None);
        let kw = b.guard_ref(Op::WUnbox, k, None, entry);
        let one = b.kint(1);
        let onew = b.ins(Op::Widen, Arg::Ref(one), Arg::None);
        let k1 = b.guard_ref(Op::WAddOv, kw, Some(onew), entry);
        let minus3 = b.kint(-3);
        let minus3w = b.ins(Op::Widen, Arg::Ref(minus3), Arg::None);
        let k3 = b.guard_ref(Op::WMulOv, k1, Some(minus3w), entry);
        let c = b.ins(Op::Ctx, Arg::None, Arg::None);
        let boxed = b.call(Helper::WideBox, &[c, k3]);
        // d % k1, d // k1 (a divisor past i64), d >> 70.
        let wrem = b.guard_ref(Op::WModOv, d, Some(k1), entry);
        let wquo = b.guard_ref(Op::WFloorDivOv, d, Some(k1), entry);
        let seventy = b.kint(70);
        let shifted = b.bin(Op::WShr, d, seventy);
        let done =
            b.snapshot(9, &[(0, s), (1, xw), (2, rem), (3, quo), (4, boxed), (5, wrem), (6, wquo), (7, shifted)]);
        b.guard(Op::Exit, Arg::None, Arg::None, done);
        let trace = b.finish();
        let add_exit = trace.get(s).exit.unwrap().1;
        (trace, add_exit)
    }

    #[test]
    fn wide_ints_compute_in_i128_and_exit_as_python_ints() {
        use krait_runtime::vm::{Vm, VmOptions};
        use num_bigint::BigInt;
        // A negative divisor: the remainder is negative or zero; the quotient fits i64.
        const M: i128 = -1_000_000_007;
        let mut vm = Vm::new(VmOptions::default());
        let big = |vm: &mut Vm, v: i128| vm.new_int(BigInt::from(v));
        let as_big = |v: &Value| match v {
            Value::Int(i) => BigInt::from(*i),
            Value::Obj(o) => match &o.kind {
                krait_runtime::object::Kind::BigInt(b) => b.clone(),
                _ => panic!("not an int"),
            },
            other => panic!("not an int: {other:?}"),
        };
        let k = big(&mut vm, -(1 << 100));
        let (trace, add_exit) = wide_trace(k.as_obj().unwrap().as_ptr() as i64, M as i64);
        verify(&trace).unwrap();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let last = ExitNo(trace.exits.len() as u32 - 1);
        let run = |vm: &mut Vm, acc: Value, x: i64| {
            let mut slots = [Value::None; 8];
            slots[..2].copy_from_slice(&[acc, Value::Int(x)]);
            let mut cx = JitCtx::new(&NO_INTERRUPT, &NO_GC, vm);
            (compiled.run(&mut slots, &mut cx), slots)
        };
        let x = 4_000_000_000i64;
        let acc = big(&mut vm, -(1i128 << 70));
        let (exit, slots) = run(&mut vm, acc, x);
        assert_eq!(exit, last);
        let s = -(1i128 << 70) + (x as i128) * (x as i128);
        let d = s - x as i128;
        assert_eq!(as_big(&slots[0]), BigInt::from(s));
        // x fits i64: written back as an inline int, as the runtime holds it.
        assert!(matches!(slots[1], Value::Int(v) if v == x), "{:?}", slots[1]);
        // Python's floor semantics: the remainder has the divisor's sign.
        let (q, r) = (d / M, d % M);
        let (q, r) = if r > 0 { (q - 1, r + M) } else { (q, r) };
        assert!(r <= 0 && r > M);
        assert_eq!(as_big(&slots[2]), BigInt::from(r));
        assert_eq!(as_big(&slots[3]), BigInt::from(q));
        assert_eq!(as_big(&slots[4]), BigInt::from((-(1i128 << 100) + 1) * -3));
        // By a divisor past i64 (negative): floor semantics again; and an arithmetic shift.
        let k1 = -(1i128 << 100) + 1;
        let (q, r) = (d / k1, d % k1);
        let (q, r) = if r != 0 && (r < 0) != (k1 < 0) { (q - 1, r + k1) } else { (q, r) };
        assert_eq!((as_big(&slots[5]), as_big(&slots[6])), (BigInt::from(r), BigInt::from(q)));
        assert_eq!(as_big(&slots[7]), BigInt::from(d >> 70));
        // A sum past i128 leaves at the add, with the slots as they were.
        let acc = big(&mut vm, i128::MAX - 5);
        let (exit, slots) = run(&mut vm, acc, x);
        assert_eq!(exit, add_exit);
        assert!(acc.is(&slots[0]) && slots[2].is_none());
        // A product past i128 leaves at `wmul_ov`.
        let k2 = big(&mut vm, 1 << 126);
        let (trace2, _) = wide_trace(k2.as_obj().unwrap().as_ptr() as i64, M as i64);
        let mul = trace2.ins.iter().position(|i| i.op == Op::WMulOv).unwrap();
        let mul_exit = trace2.ins[mul].exit.unwrap().1;
        let compiled2 = JitBackend::new().unwrap().compile(&trace2).unwrap();
        let mut slots = [Value::None; 8];
        slots[..2].copy_from_slice(&[big(&mut vm, -(1i128 << 70)), Value::Int(x)]);
        let mut cx = JitCtx::new(&NO_INTERRUPT, &NO_GC, &mut vm);
        assert_eq!(compiled2.run(&mut slots, &mut cx), mul_exit);
        // An object that is no big int fails `wunbox`.
        let not_big = vm.new_list(vec![]);
        let (exit, slots) = run(&mut vm, not_big, x);
        assert_eq!(exit, ExitNo(2));
        assert!(not_big.is(&slots[0]));
    }

    /// Values read and written through an address (a generator's saved frame): the value at
    /// `at + 16` goes to slot #0, the one at `at` is copied to `at + 32`.
    fn pointer_trace(at: i64) -> Trace {
        let mut b = TraceBuilder::new(1);
        let entry = b.snapshot(0, &[]);
        let p = b.kint(at);
        let second = b.ins(Op::PLoadVal, Arg::Ref(p), Arg::Imm(16));
        let first = b.ins(Op::PLoadVal, Arg::Ref(p), Arg::Imm(0));
        let third = b.ins(Op::PAdd, Arg::Ref(p), Arg::Imm(32));
        b.ins(Op::PStore, Arg::Ref(third), Arg::Ref(first));
        let done = b.snapshot(1, &[(0, second)]);
        let _ = entry;
        b.guard(Op::Exit, Arg::None, Arg::None, done);
        b.finish()
    }

    #[test]
    fn values_through_pointers() {
        let mut mem = [Value::Int(7), Value::Float(2.5), Value::None, Value::None];
        let trace = pointer_trace(mem.as_mut_ptr() as i64);
        verify(&trace).unwrap();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [Value::None];
        assert_eq!(compiled.run(&mut slots, &mut ctx()), ExitNo(0));
        assert_eq!(float(&slots[0]), 2.5);
        assert_eq!(int(&mem[2]), 7, "pstore at padd");
        assert!(mem[3].is_none() && int(&mem[0]) == 7, "{mem:?}");
    }

    /// Boxing and unboxing, bit operations, object identity and the pending check: slot #0
    /// holds an int, #1 a float, #2 a bool; results go to #3.. #7.
    fn boxed_values_trace() -> Trace {
        let mut b = TraceBuilder::new(8);
        let entry = b.snapshot(0, &[]);
        b.guard(Op::Pending, Arg::None, Arg::None, entry);
        let _ctx = b.ins(Op::Ctx, Arg::None, Arg::None);
        let i = b.sload(Op::SLoadVal, 0);
        let f = b.sload(Op::SLoadVal, 1);
        let t = b.sload(Op::SLoadVal, 2);
        let ti = b.ins(Op::TagOf, Arg::Ref(i), Arg::None);
        b.guard(Op::GuardTag, Arg::Ref(ti), Arg::Imm(tag::INT as i64), entry);
        let x = b.ins(Op::UnboxInt, Arg::Ref(i), Arg::None);
        let y = b.ins(Op::UnboxFloat, Arg::Ref(f), Arg::None);
        let flag = b.ins(Op::UnboxBool, Arg::Ref(t), Arg::None);
        let as_obj = b.ins(Op::UnboxObj, Arg::Ref(i), Arg::None);
        let same = b.sload(Op::SLoadObj, 0);
        let eq = b.bin(Op::ObjEq, as_obj, same);
        b.guard_ref(Op::GuardTrue, eq, None, entry);
        let k = b.ins(Op::KObj, Arg::Imm(0x1234), Arg::None);
        let ne = b.bin(Op::ObjEq, as_obj, k);
        let not_ne = b.ins(Op::Not, Arg::Ref(ne), Arg::None);
        b.guard_ref(Op::GuardTrue, not_ne, None, entry);
        // ((x & 12) | 1) ^ 2, x >> 1, flag as int
        let twelve = b.kint(12);
        let one = b.kint(1);
        let two = b.kint(2);
        let and = b.bin(Op::BAnd, x, twelve);
        let or = b.bin(Op::BOr, and, one);
        let xor = b.bin(Op::BXor, or, two);
        let sar = b.bin(Op::Sar, x, one);
        let fi = b.ins(Op::BToI, Arg::Ref(flag), Arg::None);
        let sum = b.guard_ref(Op::AddOv, xor, Some(fi), entry);
        // sqrt(abs(-y))
        let neg = b.ins(Op::FNeg, Arg::Ref(y), Arg::None);
        let abs = b.ins(Op::FAbs, Arg::Ref(neg), Arg::None);
        let root = b.ins(Op::FSqrt, Arg::Ref(abs), Arg::None);
        let boxed_root = b.ins(Op::Box, Arg::Ref(root), Arg::None);
        let none = b.kval(tag::NONE, 0);
        let done = b.snapshot(9, &[(3, sum), (4, sar), (5, boxed_root), (6, none), (7, not_ne)]);
        b.guard(Op::Exit, Arg::None, Arg::None, done);
        b.finish()
    }

    #[test]
    fn boxed_values_and_bit_ops_run() {
        let trace = boxed_values_trace();
        verify(&trace).unwrap();
        let compiled = JitBackend::new().unwrap().compile(&trace).unwrap();
        let mut slots = [
            Value::Int(13),
            Value::Float(-6.25),
            Value::Bool(true),
            Value::Undef,
            Value::Undef,
            Value::Undef,
            Value::Undef,
            Value::Undef,
        ];
        let exit = compiled.run(&mut slots, &mut ctx());
        assert_eq!(exit, ExitNo(trace.exits.len() as u32 - 1));
        assert_eq!(int(&slots[3]), (((13 & 12) | 1) ^ 2) + 1);
        assert_eq!(int(&slots[4]), 6);
        assert_eq!(float(&slots[5]), 2.5);
        assert!(slots[6].is_none());
        assert!(matches!(slots[7], Value::Bool(true)));

        // The pending check leaves at once when a collection is wanted.
        static WANTED: bool = true;
        let mut c = ctx();
        c.gc_wanted = &WANTED;
        assert_eq!(compiled.run(&mut slots, &mut c), ExitNo(0));
    }

    #[test]
    fn broken_trace_is_refused() {
        let mut trace = counting_loop();
        trace.ins[1].exit = None;
        assert!(matches!(JitBackend::new().unwrap().compile(&trace), Err(BackendError::Verify(_))));
    }

    #[test]
    fn clif_text_has_the_loop_and_the_exits() {
        let trace = counting_loop();
        let text = JitBackend::new().unwrap().clif_text(&trace).unwrap();
        assert!(text.contains("sadd_overflow"), "{text}");
        // One exit block per snapshot the guards leave with (the pending check and the
        // last exit apart), each jumping to the one tail (one return) of its kind.
        let blocks: std::collections::HashSet<(u32, bool, bool)> = trace
            .exits
            .iter()
            .enumerate()
            .map(|(e, &g)| {
                let ins = trace.get(g);
                (ins.exit.unwrap().0 .0, ins.op == Op::Pending, e + 1 == trace.exits.len())
            })
            .collect();
        assert!(blocks.len() < trace.exits.len(), "some guards share a snapshot");
        let kinds: std::collections::HashSet<(bool, bool)> = blocks.iter().map(|&(_, p, l)| (p, l)).collect();
        assert_eq!(text.matches("return").count(), kinds.len(), "{text}");
        let tail_jumps = text.lines().filter(|l| l.trim_start().starts_with("jump")).count();
        assert!(tail_jumps >= blocks.len(), "{text}");
    }

    #[test]
    fn lowering_is_isa_neutral_aarch64() {
        let isa = cranelift_codegen::isa::lookup_by_name("aarch64-unknown-linux-gnu")
            .expect("cranelift-codegen built with the arm64 backend")
            .finish(settings::Flags::new(shared_flags(true)))
            .unwrap();
        for trace in [counting_loop(), float_loop(), every_op_trace().0, wide_trace(0, 1).0] {
            let code = compile_for_isa(&trace, &*isa).unwrap();
            // aarch64 instructions are 4 bytes each.
            assert!(!code.is_empty() && code.len().is_multiple_of(4), "{} bytes", code.len());
        }
    }
}
