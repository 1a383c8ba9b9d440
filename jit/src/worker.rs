//! The compiler thread: optimized traces go to Cranelift on a thread of their own, so the
//! interpreter goes on running (the loop in the interpreter, a side exit back to it) while
//! a trace compiles, and the driver installs the code at its next hook call.
//!
//! Invariants:
//! * The thread sees only plain data: a `Trace` (addresses of objects the driver keeps
//!   alive as GC roots, as integers) and its `Links` (addresses of words the driver owns).
//!   It never touches the VM, the heap or the driver's tables.
//! * Code it compiles is unreachable until the driver installs it (stores its entry in a
//!   link word) on the interpreter's thread; the channel orders the code's bytes before
//!   that store. Code is freed only on the interpreter's thread, while no compiled code
//!   runs (`CompiledTrace`'s drop).

use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::Duration;

use crate::backend::{CompiledTrace, JitBackend, Links};
use crate::ir::Trace;

/// A trace to compile: the driver's trace number, the optimized trace, its link words.
pub struct Job {
    pub id: usize,
    pub trace: Trace,
    pub links: Links,
}

/// A compiled (or failed) job, with the CPU time Cranelift took.
pub struct Done {
    pub id: usize,
    pub result: Result<CompiledTrace, String>,
    pub time: Duration,
}

/// The compiler thread's end of the queue, and the number of jobs sent but not received.
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    in_flight: usize,
}

impl Worker {
    /// Start the compiler thread (its backend is created there).
    pub fn start() -> Result<Worker, String> {
        let (jobs, job_rx) = channel::<Job>();
        let (done_tx, done) = channel::<Done>();
        std::thread::Builder::new()
            .name("krait-jit".into())
            .spawn(move || {
                let mut backend = match JitBackend::new() {
                    Ok(b) => Some(b),
                    Err(e) => {
                        // Every job fails with the reason (the driver reports it).
                        let reason = e.to_string();
                        while let Ok(job) = job_rx.recv() {
                            let _ =
                                done_tx.send(Done { id: job.id, result: Err(reason.clone()), time: Duration::ZERO });
                        }
                        None
                    }
                };
                let Some(backend) = backend.as_mut() else { return };
                // Ends when the driver drops its sender.
                while let Ok(job) = job_rx.recv() {
                    let started = crate::jit::thread_cpu_time();
                    let result = backend.compile_linked(&job.trace, job.links).map_err(|e| e.to_string());
                    let time = crate::jit::thread_cpu_time().saturating_sub(started);
                    if done_tx.send(Done { id: job.id, result, time }).is_err() {
                        return;
                    }
                }
            })
            .map_err(|e| format!("cannot start the JIT compiler thread: {e}"))?;
        Ok(Worker { jobs, done, in_flight: 0 })
    }

    /// Queue a trace for compiling.
    pub fn submit(&mut self, job: Job) -> Result<(), String> {
        self.jobs.send(job).map_err(|_| "the JIT compiler thread stopped".to_string())?;
        self.in_flight += 1;
        Ok(())
    }

    /// Jobs queued or compiling.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// A finished job, if one is ready (waiting for it if `wait` and one is in flight).
    pub fn poll(&mut self, wait: bool) -> Option<Done> {
        if self.in_flight == 0 {
            return None;
        }
        let done = if wait { self.done.recv().ok() } else { self.done.try_recv().ok() };
        if done.is_some() {
            self.in_flight -= 1;
        }
        done
    }
}
