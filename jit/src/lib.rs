//! krait-jit: the tracing JIT (recorder, trace IR, passes, Cranelift backend). Not yet implemented.
