//! krait-jit: krait's tracing JIT. This layer holds the trace IR and the Cranelift backend;
//! the recorder, the optimizer passes and side traces build on it.
//!
//! - `ir`: the trace IR, defined once as a table of ops (`Op`) with result types, operand
//!   kinds and effects; snapshots; `TraceBuilder`; the text dump (`Display for Trace`);
//!   `verify`, which every producer of traces runs in tests.
//! - `backend`: lowers a verified `Trace` to Cranelift IR and compiles it, for the host
//!   (`JitBackend`, runnable) or for any Cranelift target (`compile_for_isa`, bytes only).
//!
//! A compiled trace is `extern "C" fn(slots: *mut Value, ctx: *mut c_void) -> u32`: it
//! reads the interpreter slots it needs, runs, and returns the number of the exit it
//! left by after writing that exit's snapshot back into the slots.

#![deny(missing_docs)]

mod backend;
pub mod helpers;
mod ir;
mod jit;
mod opt;
mod record;
mod worker;

pub use backend::{compile_for_isa, BackendError, CompiledTrace, JitBackend, SlotWords};
pub use ir::{
    verify, Arg, Effect, ExitNo, FrameKind, Helper, Ins, IrRef, Op, OperandKind, ResultType, Slot, SnapFrame, SnapNo,
    Snapshot, Trace, TraceBuilder, Type, VerifyError,
};
pub use jit::{DumpFlags, Jit, JitOptions};
pub use opt::optimize;
