//! `krait bench`: runs Python scripts under krait (JIT and `--no-jit`) and other
//! interpreters, checks that they all print the same output, and reports median wall
//! time, spread, peak memory and krait's speedups as a table, JSON and an SVG chart.
//!
//! The CLI calls [`main`] when its first argument is `bench`; `cargo bench`
//! (benches/harness.rs) runs it over the programs in benches/.
//!
//! Children run in their own process group with stdin closed and stdout/stderr
//! captured, so a Ctrl-C reaches only the harness: it kills the running child and
//! prints what it has measured so far. Each child is reaped with `wait4`, which gives
//! its peak RSS and CPU time along with the exit status.

use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage: krait bench [options] script.py...
Runs every script under krait (JIT), krait --no-jit and each comparison interpreter,
checks that all of them print the same stdout, and prints a table of median wall
times (min-max), peak RSS and krait's speedups, with their geometric means.
Options:
  --runs N          timed runs per script and interpreter (default 5)
  --warmup K        untimed warm-up runs before them (default 1)
  --against CMD     also compare with CMD (repeatable; CMD may include arguments).
                    Default comparisons: python3 and pypy3, when found on PATH
  --against-only    compare only with the --against interpreters
  --json FILE       also write the results as JSON
  --svg FILE        also write a bar chart of the speedups as SVG
  --timeout SECS    a run taking longer fails (default 300)
  --quick           pass the argument `quick` to every script (its small size)
  -h, --help        print this help
The first comparison interpreter (python3 by default) is the reference: its stdout
is the expected output and the chart shows speeds relative to it. Exit status: 0 if
every row is clean, 1 if any output differed or any run failed, 2 for a usage error,
130 if interrupted.
";

/// How an interpreter is invoked: `argv` then the script and its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Interpreter {
    /// The name shown in the table (`krait`, `krait --no-jit`, `python3`, ...).
    pub name: String,
    /// The command, with the executable resolved where possible.
    pub argv: Vec<String>,
}

/// The parsed command line.
#[derive(Clone, Debug, PartialEq)]
struct Config {
    runs: usize,
    warmup: usize,
    against: Vec<String>,
    against_only: bool,
    json: Option<String>,
    svg: Option<String>,
    timeout: f64,
    quick: bool,
    scripts: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            runs: 5,
            warmup: 1,
            against: vec![],
            against_only: false,
            json: None,
            svg: None,
            timeout: 300.0,
            quick: false,
            scripts: vec![],
        }
    }
}

/// What became of one script under one interpreter.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not run (the benchmark was interrupted first).
    NotRun,
    /// Every run exited with status 0 and printed the same output.
    Ok,
    /// A run failed: non-zero exit, killed by a signal, or could not start.
    Failed(String),
    /// A run took longer than `--timeout`.
    Timeout(f64),
    /// Two runs of the same interpreter printed different output.
    Unstable,
}

/// The measurements of one script under one interpreter.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Wall-clock seconds of each timed run.
    pub times: Vec<f64>,
    /// CPU seconds (user + system) of each timed run.
    pub cpu: Vec<f64>,
    /// The largest peak resident set size over the runs, in KiB.
    pub peak_rss_kib: Option<u64>,
    pub status: Status,
    /// Stdout of the first completed run.
    pub stdout: Option<Vec<u8>>,
    /// The last lines of stderr of a failed run.
    pub error: String,
}

impl Cell {
    fn new() -> Cell {
        Cell {
            times: vec![],
            cpu: vec![],
            peak_rss_kib: None,
            status: Status::NotRun,
            stdout: None,
            error: String::new(),
        }
    }

    /// Median wall time, when every run completed.
    pub fn median(&self) -> Option<f64> {
        if self.status == Status::Ok {
            median(&self.times)
        } else {
            None
        }
    }
}

/// One script: a cell per interpreter, in the report's interpreter order.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub script: String,
    pub cells: Vec<Cell>,
}

/// How one cell compares with the reference output.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Completed and printed the expected output.
    Valid,
    NotRun,
    /// Failed or timed out (the text says how).
    Failed(String),
    /// Output changed from one run to the next.
    Unstable,
    /// Printed something other than the expected output.
    WrongOutput,
}

/// Everything measured, in the order it was measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Index 0 is krait (JIT), index 1 krait `--no-jit`, then the comparisons.
    pub interpreters: Vec<Interpreter>,
    /// Whose output is expected and whose speed is the chart's 1x.
    pub reference: usize,
    pub rows: Vec<Row>,
    pub runs: usize,
    pub warmup: usize,
    pub quick: bool,
    pub timeout: f64,
    pub interrupted: bool,
    /// When the run started, `YYYY-MM-DD HH:MM UTC`.
    pub date: String,
}

/// Runs `krait bench` with the arguments after `bench`; returns the exit status.
pub fn main(args: Vec<String>) -> i32 {
    let config = match parse_args(&args) {
        Ok(Some(c)) => c,
        Ok(None) => {
            print!("{}", USAGE);
            return 0;
        }
        Err(msg) => {
            eprintln!("krait bench: {}\n\n{}", msg, USAGE);
            return 2;
        }
    };
    if let Some(missing) = config.scripts.iter().find(|s| !Path::new(s).is_file()) {
        eprintln!("krait bench: no such file: {}", missing);
        return 2;
    }
    let interpreters = match interpreters(&config) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("krait bench: {}", msg);
            return 2;
        }
    };
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = interrupted.clone();
    let handler = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            // A second Ctrl-C while the results are being written: give up at once.
            std::process::exit(130);
        }
    });
    if let Err(e) = handler {
        eprintln!("krait bench: warning: cannot handle Ctrl-C: {}", e);
    }

    let reference = if interpreters.len() > 2 { 2 } else { 1 };
    let mut report = Report {
        interpreters,
        reference,
        rows: vec![],
        runs: config.runs,
        warmup: config.warmup,
        quick: config.quick,
        timeout: config.timeout,
        interrupted: false,
        date: utc_date(SystemTime::now()),
    };
    let names: Vec<&str> = report.interpreters.iter().map(|i| i.name.as_str()).collect();
    eprintln!(
        "krait bench: {} script(s) × {} ({}), {} run(s) after {} warm-up{}",
        config.scripts.len(),
        names.len(),
        names.join(", "),
        config.runs,
        config.warmup,
        if config.quick { ", quick size" } else { "" }
    );
    run_all(&config, &mut report, &interrupted);

    print!("{}", format_table(&report));
    let notes = format_notes(&report);
    if !notes.is_empty() {
        print!("\n{}", notes);
    }
    let _ = std::io::stdout().flush();
    let mut status = if report.interrupted {
        130
    } else if report.rows.iter().any(|r| row_marked(&report, r)) {
        1
    } else {
        0
    };
    for (path, text) in [(&config.json, to_json(&report)), (&config.svg, to_svg(&report))] {
        if let Some(path) = path {
            match std::fs::write(path, text) {
                Ok(()) => eprintln!("krait bench: wrote {}", path),
                Err(e) => {
                    eprintln!("krait bench: cannot write {}: {}", path, e);
                    status = status.max(1);
                }
            }
        }
    }
    status
}

/// Parses the arguments after `bench`. `Ok(None)` means `--help`.
fn parse_args(args: &[String]) -> Result<Option<Config>, String> {
    let mut c = Config::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| it.next().cloned()) {
                Some(v) => Ok(v),
                None => Err(format!("{} needs a value", name)),
            }
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--runs" => c.runs = parse_num(&value(flag)?, flag)?,
            "--warmup" => c.warmup = parse_num(&value(flag)?, flag)?,
            "--against" => c.against.push(value(flag)?),
            "--against-only" => c.against_only = true,
            "--json" => c.json = Some(value(flag)?),
            "--svg" => c.svg = Some(value(flag)?),
            "--timeout" => {
                let v = value(flag)?;
                c.timeout = match v.parse::<f64>() {
                    Ok(t) if t > 0.0 && t.is_finite() => t,
                    _ => return Err(format!("--timeout needs a positive number of seconds, not {:?}", v)),
                }
            }
            "--quick" => c.quick = true,
            "--" => c.scripts.extend(it.by_ref().cloned()),
            f if f.starts_with('-') && f.len() > 1 => return Err(format!("unknown option {}", arg)),
            _ => c.scripts.push(arg.clone()),
        }
    }
    if c.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    if c.scripts.is_empty() {
        return Err("no scripts given".into());
    }
    Ok(Some(c))
}

fn parse_num(v: &str, flag: &str) -> Result<usize, String> {
    v.parse().map_err(|_| format!("{} needs a whole number, not {:?}", flag, v))
}

/// krait, krait --no-jit, then the comparison interpreters that exist.
fn interpreters(config: &Config) -> Result<Vec<Interpreter>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the krait executable: {}", e))?;
    let exe = exe.to_string_lossy().to_string();
    let mut list = vec![
        Interpreter { name: "krait".into(), argv: vec![exe.clone()] },
        Interpreter { name: "krait --no-jit".into(), argv: vec![exe, "--no-jit".into()] },
    ];
    if !config.against_only {
        for default in ["python3", "pypy3"] {
            if find_on_path(default).is_some() {
                match resolve_python(default) {
                    Some(i) => list.push(i),
                    None => eprintln!("krait bench: {} is on PATH but does not run; skipping it", default),
                }
            }
        }
    }
    for cmd in &config.against {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        let Some(first) = words.first() else {
            return Err("--against needs a command".into());
        };
        if !first.contains('/') && find_on_path(first).is_none() || first.contains('/') && !Path::new(first).is_file() {
            return Err(format!("--against {:?}: command not found", cmd));
        }
        let interp = resolve_python(cmd)
            .unwrap_or_else(|| Interpreter { name: cmd.clone(), argv: words.iter().map(|w| w.to_string()).collect() });
        if !list.iter().any(|i| i.name == interp.name) {
            list.push(interp);
        }
    }
    Ok(list)
}

/// A Python-like command with its executable resolved through `sys.executable`, so
/// launcher shims (pyenv) are not timed. None when the command does not run.
fn resolve_python(cmd: &str) -> Option<Interpreter> {
    let words: Vec<String> = cmd.split_whitespace().map(String::from).collect();
    let out = Command::new(&words[0])
        .args(&words[1..])
        .args(["-c", "import sys; print(sys.executable)"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let exe = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let argv = if !exe.is_empty() && Path::new(&exe).is_file() {
        std::iter::once(exe).chain(words[1..].iter().cloned()).collect()
    } else {
        words
    };
    Some(Interpreter { name: cmd.to_string(), argv })
}

fn find_on_path(name: &str) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false))
}

/// Progress on stderr: one rewritten line on a terminal, a log line per run otherwise.
struct Progress {
    tty: bool,
}

impl Progress {
    fn status(&self, msg: &str) {
        if self.tty {
            eprint!("\r\x1b[K{}", msg);
        }
    }

    fn log(&self, msg: &str) {
        if self.tty {
            eprintln!("\r\x1b[K{}", msg);
        } else {
            eprintln!("{}", msg);
        }
    }
}

/// Runs every script under every interpreter, filling `report.rows`. Rounds are
/// interleaved (run i of every interpreter, then run i + 1) so that a change in
/// machine load affects all interpreters alike.
fn run_all(config: &Config, report: &mut Report, interrupted: &AtomicBool) {
    let progress = Progress { tty: std::io::stderr().is_terminal() };
    let extra: Vec<String> = if config.quick { vec!["quick".into()] } else { vec![] };
    let timeout = Duration::from_secs_f64(config.timeout);
    let total = config.warmup + config.runs;
    let n_scripts = config.scripts.len();
    'scripts: for (si, script) in config.scripts.iter().enumerate() {
        let name = display_name(script);
        report.rows.push(Row { script: script.clone(), cells: vec![Cell::new(); report.interpreters.len()] });
        let row = report.rows.last_mut().expect("just pushed");
        for round in 0..total {
            for (ii, interp) in report.interpreters.iter().enumerate() {
                let cell = &mut row.cells[ii];
                if matches!(cell.status, Status::Failed(_) | Status::Timeout(_) | Status::Unstable) {
                    continue;
                }
                if interrupted.load(Ordering::SeqCst) {
                    report.interrupted = true;
                    break 'scripts;
                }
                let what = if round < config.warmup {
                    format!("warm-up {}/{}", round + 1, config.warmup)
                } else {
                    format!("run {}/{}", round - config.warmup + 1, config.runs)
                };
                let label = format!("[{}/{}] {} · {} · {}", si + 1, n_scripts, name, interp.name, what);
                progress.status(&format!("{} …", label));
                let run = run_once(&interp.argv, script, &extra, timeout, interrupted);
                match run.end {
                    End::Interrupted => {
                        report.interrupted = true;
                        break 'scripts;
                    }
                    End::Exited(0) => {
                        if !progress.tty {
                            progress.log(&format!("{}: {:.3} s", label, run.wall));
                        }
                        match &cell.stdout {
                            None => cell.stdout = Some(run.stdout),
                            Some(first) if *first != run.stdout => {
                                cell.status = Status::Unstable;
                                cell.error = describe_difference("first run", first, "a later run", &run.stdout);
                                progress.log(&format!("{}: OUTPUT CHANGED between runs", label));
                                continue;
                            }
                            Some(_) => {}
                        }
                        if round >= config.warmup {
                            cell.times.push(run.wall);
                            cell.cpu.push(run.cpu);
                            cell.peak_rss_kib = cell.peak_rss_kib.max(run.max_rss_kib);
                        }
                        if round + 1 == total {
                            cell.status = Status::Ok;
                        }
                    }
                    End::TimedOut => {
                        cell.status = Status::Timeout(config.timeout);
                        cell.error = stderr_tail(&run.stderr, 6);
                        progress.log(&format!("{}: TIMEOUT after {} s", label, config.timeout));
                    }
                    end => {
                        let why = match end {
                            End::Exited(code) => format!("exit status {}", code),
                            End::Signaled(sig) => format!("killed by signal {}", sig),
                            End::SpawnFailed(e) => format!("cannot start: {}", e),
                            _ => unreachable!("handled above"),
                        };
                        progress.log(&format!("{}: FAILED ({})", label, why));
                        cell.status = Status::Failed(why);
                        cell.error = stderr_tail(&run.stderr, 6);
                    }
                }
            }
        }
        let row = report.rows.last().expect("just pushed");
        progress.log(&row_summary(report, row));
    }
    if report.interrupted {
        progress.log("krait bench: interrupted; results so far:");
    }
}

/// One line per finished script for the progress log.
fn row_summary(report: &Report, row: &Row) -> String {
    let verdicts = verdicts(report, row);
    let mut s = format!("{}:", display_name(&row.script));
    for (i, (interp, cell)) in report.interpreters.iter().zip(&row.cells).enumerate() {
        let sep = if i == 0 { " " } else { ", " };
        let value = match (&verdicts[i], cell.median()) {
            (Verdict::Valid, Some(m)) => format!("{} s", fmt_secs(m)),
            (Verdict::WrongOutput, Some(m)) => format!("{} s WRONG OUTPUT", fmt_secs(m)),
            (v, _) => verdict_text(v),
        };
        let _ = write!(s, "{}{} {}", sep, interp.name, value);
    }
    if row_marked(report, row) {
        s.push_str("  ✗");
    }
    s
}

/// How a run ended.
#[derive(Debug)]
enum End {
    Exited(i32),
    Signaled(i32),
    TimedOut,
    Interrupted,
    SpawnFailed(String),
}

struct RunResult {
    end: End,
    wall: f64,
    cpu: f64,
    max_rss_kib: Option<u64>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs `argv script extra...` once, with stdin closed, in its own process group.
fn run_once(argv: &[String], script: &str, extra: &[String], timeout: Duration, interrupted: &AtomicBool) -> RunResult {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .arg(script)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return RunResult {
                end: End::SpawnFailed(e.to_string()),
                wall: 0.0,
                cpu: 0.0,
                max_rss_kib: None,
                stdout: vec![],
                stderr: vec![],
            }
        }
    };
    let out = read_in_background(child.stdout.take());
    let err = read_in_background(child.stderr.take());
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = wait_pid(pid);
        let _ = tx.send((r, Instant::now()));
    });
    let deadline = start + timeout;
    let mut killed: Option<End> = None;
    let (waited, end_time) = loop {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(v) => break v,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if killed.is_none() {
                    if interrupted.load(Ordering::SeqCst) {
                        killed = Some(End::Interrupted);
                    } else if Instant::now() >= deadline {
                        killed = Some(End::TimedOut);
                    }
                    if killed.is_some() {
                        // The waiter thread has not reaped the child (it would have
                        // reported), so `pid` is still this child's.
                        let _ = child.kill();
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                break (Err(std::io::Error::other("the waiter thread died")), Instant::now())
            }
        }
    };
    let wall = end_time.duration_since(start).as_secs_f64();
    let collect = |rx: mpsc::Receiver<Vec<u8>>| rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
    let stdout = collect(out);
    let stderr = collect(err);
    let (end, cpu, max_rss_kib) = match waited {
        Err(e) => (End::SpawnFailed(format!("cannot wait for the child: {}", e)), 0.0, None),
        Ok(w) => {
            let end = match killed {
                Some(k) => k,
                None => match (w.status.code(), w.status.signal()) {
                    (Some(code), _) => End::Exited(code),
                    (None, Some(sig)) => End::Signaled(sig),
                    (None, None) => End::Exited(-1),
                },
            };
            (end, w.cpu, Some(w.max_rss_kib))
        }
    };
    RunResult { end, wall, cpu, max_rss_kib, stdout, stderr }
}

fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

/// A reaped child's exit status and resource usage.
struct Waited {
    status: ExitStatus,
    cpu: f64,
    max_rss_kib: u64,
}

/// Waits for child `pid` to exit and reaps it, returning its status, CPU time and peak
/// RSS (what `wait4`'s rusage reports for that child alone).
fn wait_pid(pid: u32) -> std::io::Result<Waited> {
    loop {
        // SAFETY: wait4 writes only through the two pointers, which point to live,
        // writable locals of the right types; an all-zero `rusage` (integers and
        // timevals) is a valid value. `pid` is our own child, which nothing else in
        // this process waits for, so reaping it here cannot race with std.
        let (ret, status, usage) = unsafe {
            let mut status: libc::c_int = 0;
            let mut usage: libc::rusage = std::mem::zeroed();
            let ret = libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage);
            (ret, status, usage)
        };
        if ret == pid as libc::pid_t {
            let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            // Linux reports ru_maxrss in KiB, macOS in bytes.
            let rss = usage.ru_maxrss.max(0) as u64;
            let max_rss_kib = if cfg!(target_os = "macos") { rss / 1024 } else { rss };
            return Ok(Waited {
                status: ExitStatus::from_raw(status),
                cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
                max_rss_kib,
            });
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// The script's file name, for tables and charts.
pub fn display_name(script: &str) -> String {
    Path::new(script).file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_else(|| script.to_string())
}

/// The median of `xs` (the mean of the middle two for an even count).
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// The smallest and largest of `xs`.
pub fn min_max(xs: &[f64]) -> Option<(f64, f64)> {
    let first = *xs.first()?;
    Some(xs.iter().fold((first, first), |(lo, hi), &x| (lo.min(x), hi.max(x))))
}

/// The geometric mean of the positive values in `xs`.
pub fn geomean(xs: &[f64]) -> Option<f64> {
    let v: Vec<f64> = xs.iter().copied().filter(|x| *x > 0.0 && x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    Some((v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp())
}

/// The output every interpreter should print for `row`: the reference's, or, if the
/// reference did not complete, that of the first interpreter that did.
fn expected_output<'a>(report: &Report, row: &'a Row) -> Option<&'a [u8]> {
    let ok = |c: &'a Cell| {
        if c.status == Status::Ok {
            c.stdout.as_deref()
        } else {
            None
        }
    };
    ok(&row.cells[report.reference]).or_else(|| row.cells.iter().find_map(ok))
}

/// The verdict on each cell of `row`.
pub fn verdicts(report: &Report, row: &Row) -> Vec<Verdict> {
    let expected = expected_output(report, row);
    row.cells
        .iter()
        .map(|c| match &c.status {
            Status::NotRun => Verdict::NotRun,
            Status::Failed(why) => Verdict::Failed(why.clone()),
            Status::Timeout(t) => Verdict::Failed(format!("timeout after {} s", t)),
            Status::Unstable => Verdict::Unstable,
            Status::Ok if c.stdout.as_deref() == expected => Verdict::Valid,
            Status::Ok => Verdict::WrongOutput,
        })
        .collect()
}

/// Whether `row` must be flagged: a failed run or an output that differs.
pub fn row_marked(report: &Report, row: &Row) -> bool {
    verdicts(report, row).iter().any(|v| !matches!(v, Verdict::Valid | Verdict::NotRun))
}

/// krait's speedup over interpreter `j` on `row` (`median_j / median_krait`), when
/// both completed with the expected output.
pub fn speedup(report: &Report, row: &Row, j: usize) -> Option<f64> {
    ratio(report, row, j, 0)
}

/// The speed of interpreter `j` relative to the reference (`median_ref / median_j`).
pub fn relative_speed(report: &Report, row: &Row, j: usize) -> Option<f64> {
    ratio(report, row, report.reference, j)
}

/// `median(num) / median(den)` when both cells are valid.
fn ratio(report: &Report, row: &Row, num: usize, den: usize) -> Option<f64> {
    let v = verdicts(report, row);
    if v[num] != Verdict::Valid || v[den] != Verdict::Valid {
        return None;
    }
    let (n, d) = (row.cells[num].median()?, row.cells[den].median()?);
    if d > 0.0 {
        Some(n / d)
    } else {
        None
    }
}

/// The geometric mean over all rows of `f(row)`, with how many rows had a value.
fn geomean_over(report: &Report, f: impl Fn(&Row) -> Option<f64>) -> (Option<f64>, usize) {
    let vals: Vec<f64> = report.rows.iter().filter_map(f).collect();
    (geomean(&vals), vals.len())
}

/// Where two outputs first differ: 1-based line number and the two lines.
pub fn first_difference(expected: &[u8], got: &[u8]) -> Option<(usize, String, String)> {
    if expected == got {
        return None;
    }
    let show = |l: Option<&[u8]>| match l {
        None => "<end of output>".to_string(),
        Some(l) => {
            let s = String::from_utf8_lossy(l).to_string();
            if s.chars().count() > 120 {
                format!("{}…", s.chars().take(120).collect::<String>())
            } else {
                s
            }
        }
    };
    let mut a = expected.split(|&b| b == b'\n');
    let mut b = got.split(|&b| b == b'\n');
    let mut line = 1;
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Some((line, "<same text, different bytes>".into(), String::new())),
            (x, y) if x != y => return Some((line, show(x), show(y))),
            _ => line += 1,
        }
    }
}

/// A short description of where `got` differs from `expected`.
fn describe_difference(expected_name: &str, expected: &[u8], got_name: &str, got: &[u8]) -> String {
    match first_difference(expected, got) {
        None => String::new(),
        Some((line, e, g)) => {
            let w = expected_name.chars().count().max(got_name.chars().count()) + 1;
            format!(
                "first difference at line {}:\n  {:<w$} {}\n  {:<w$} {}",
                line,
                format!("{}:", expected_name),
                e,
                format!("{}:", got_name),
                g,
                w = w
            )
        }
    }
}

/// The last `n` non-empty lines of `stderr`.
fn stderr_tail(stderr: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Seconds with three significant decimals for short runs.
pub fn fmt_secs(t: f64) -> String {
    if t < 10.0 {
        format!("{:.3}", t)
    } else if t < 100.0 {
        format!("{:.2}", t)
    } else {
        format!("{:.1}", t)
    }
}

/// A memory size given in KiB, in MiB or GiB.
pub fn fmt_kib(kib: u64) -> String {
    let mib = kib as f64 / 1024.0;
    if mib < 100.0 {
        format!("{:.1} MiB", mib)
    } else if mib < 10240.0 {
        format!("{:.0} MiB", mib)
    } else {
        format!("{:.1} GiB", mib / 1024.0)
    }
}

/// A speedup or relative speed: `1.38×`.
pub fn fmt_ratio(r: f64) -> String {
    if r >= 100.0 {
        format!("{:.0}×", r)
    } else if r >= 10.0 {
        format!("{:.1}×", r)
    } else {
        format!("{:.2}×", r)
    }
}

/// The time cell: `median (min–max)`, or what went wrong.
fn time_cell(cell: &Cell, verdict: &Verdict, runs: usize) -> String {
    match verdict {
        Verdict::NotRun if cell.times.is_empty() => "—".into(),
        Verdict::NotRun => format!("{} [{} of {} runs]", times_text(&cell.times), cell.times.len(), runs),
        Verdict::Failed(why) if matches!(cell.status, Status::Timeout(_)) => {
            format!("TIMEOUT: {}", why)
        }
        Verdict::Failed(why) => format!("FAILED: {}", why),
        Verdict::Unstable => "UNSTABLE OUTPUT".into(),
        Verdict::Valid => times_text(&cell.times),
        Verdict::WrongOutput => format!("{} ✗", times_text(&cell.times)),
    }
}

/// `median (min–max)` of some run times; just the time for one run.
fn times_text(times: &[f64]) -> String {
    match (median(times), min_max(times)) {
        (Some(m), Some(_)) if times.len() == 1 => fmt_secs(m),
        (Some(m), Some((lo, hi))) => format!("{} ({}–{})", fmt_secs(m), fmt_secs(lo), fmt_secs(hi)),
        _ => "—".into(),
    }
}

fn verdict_text(v: &Verdict) -> String {
    match v {
        Verdict::Valid => "ok".into(),
        Verdict::NotRun => "not run".into(),
        Verdict::Failed(why) => format!("failed ({})", why),
        Verdict::Unstable => "output changed between runs".into(),
        Verdict::WrongOutput => "wrong output".into(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

struct Column {
    header: String,
    align: Align,
    cells: Vec<String>,
}

/// `median wall time in seconds of 5 runs after 1 warm-up`.
fn runs_text(report: &Report) -> String {
    let plural = |n: usize, what: &str| format!("{} {}{}", n, what, if n == 1 { "" } else { "s" });
    let what = if report.runs == 1 {
        "wall time in seconds of 1 run".to_string()
    } else {
        format!("median wall time in seconds of {}", plural(report.runs, "run"))
    };
    if report.warmup == 0 {
        format!("{}, no warm-up", what)
    } else {
        format!("{} after {}", what, plural(report.warmup, "warm-up"))
    }
}

/// A first-column cell that stands for a horizontal rule across the table.
const RULE: &str = "\u{0}rule";

/// A title over columns `first..=last`.
struct Group {
    title: String,
    first: usize,
    last: usize,
}

/// Lays out columns under group titles, two spaces apart, trailing spaces trimmed.
fn render_columns(groups: &[Group], cols: &[Column]) -> String {
    let len = |s: &str| s.chars().count();
    let mut w: Vec<usize> =
        cols.iter().map(|c| c.cells.iter().map(|s| len(s)).chain([len(&c.header)]).max().unwrap_or(0)).collect();
    for g in groups {
        let span: usize = w[g.first..=g.last].iter().sum::<usize>() + 2 * (g.last - g.first);
        if len(&g.title) > span {
            w[g.last] += len(&g.title) - span;
        }
    }
    let pad = |s: &str, width: usize, align: Align| {
        let fill = " ".repeat(width.saturating_sub(len(s)));
        if align == Align::Left {
            format!("{}{}", s, fill)
        } else {
            format!("{}{}", fill, s)
        }
    };
    let mut out = String::new();
    let mut push_line = |line: String| {
        out.push_str(line.trim_end());
        out.push('\n');
    };
    let start = |i: usize| w[..i].iter().sum::<usize>() + 2 * i;
    if !groups.is_empty() {
        let mut line = String::new();
        for g in groups {
            let at = start(g.first);
            line.push_str(&" ".repeat(at.saturating_sub(len(&line)).max(usize::from(!line.is_empty()))));
            line.push_str(&g.title);
        }
        push_line(line);
    }
    push_line(cols.iter().zip(&w).map(|(c, &width)| pad(&c.header, width, c.align)).collect::<Vec<_>>().join("  "));
    let total: usize = w.iter().sum::<usize>() + 2 * (w.len().saturating_sub(1));
    push_line("─".repeat(total));
    let rows = cols.first().map(|c| c.cells.len()).unwrap_or(0);
    for r in 0..rows {
        if cols[0].cells[r] == RULE {
            push_line("─".repeat(total));
            continue;
        }
        push_line(
            cols.iter().zip(&w).map(|(c, &width)| pad(&c.cells[r], width, c.align)).collect::<Vec<_>>().join("  "),
        );
    }
    out
}

/// The results table: a row per script, then the geometric means.
pub fn format_table(report: &Report) -> String {
    let n = report.interpreters.len();
    let mut cols = vec![Column { header: "script".into(), align: Align::Left, cells: vec![] }];
    let mut groups = vec![];
    for interp in &report.interpreters {
        groups.push(Group { title: interp.name.clone(), first: cols.len(), last: cols.len() + 1 });
        let header = if report.runs > 1 { "time (min–max)" } else { "time" };
        cols.push(Column { header: header.into(), align: Align::Left, cells: vec![] });
        cols.push(Column { header: "peak RSS".into(), align: Align::Right, cells: vec![] });
    }
    let speed_first = cols.len();
    for interp in &report.interpreters[1..] {
        cols.push(Column { header: interp.name.clone(), align: Align::Right, cells: vec![] });
    }
    groups.push(Group { title: "speedup of krait over".into(), first: speed_first, last: cols.len() - 1 });
    cols.push(Column { header: "check".into(), align: Align::Left, cells: vec![] });
    let check = cols.len() - 1;

    for row in &report.rows {
        let v = verdicts(report, row);
        cols[0].cells.push(display_name(&row.script));
        for (i, cell) in row.cells.iter().enumerate() {
            cols[1 + 2 * i].cells.push(time_cell(cell, &v[i], report.runs));
            let rss = match (&v[i], cell.peak_rss_kib) {
                (Verdict::Valid | Verdict::WrongOutput | Verdict::NotRun, Some(k)) => fmt_kib(k),
                _ => String::new(),
            };
            cols[2 + 2 * i].cells.push(rss);
        }
        for j in 1..n {
            cols[speed_first + j - 1].cells.push(speedup(report, row, j).map(fmt_ratio).unwrap_or_else(|| "—".into()));
        }
        let problems: Vec<String> = report
            .interpreters
            .iter()
            .zip(&v)
            .filter(|(_, v)| !matches!(v, Verdict::Valid | Verdict::NotRun))
            .map(|(i, v)| format!("{}: {}", i.name, verdict_text(v)))
            .collect();
        let check_text = if !problems.is_empty() {
            format!("✗ {}", problems.join("; "))
        } else if v.contains(&Verdict::NotRun) {
            "incomplete".into()
        } else {
            "ok".into()
        };
        cols[check].cells.push(check_text);
    }
    // The geometric means, under a rule.
    for (c, col) in cols.iter_mut().enumerate() {
        col.cells.push(if c == 0 { RULE.into() } else { String::new() });
    }
    cols[0].cells.push("geometric mean".into());
    for col in &mut cols[1..speed_first] {
        col.cells.push(String::new());
    }
    let mut partial = false;
    for j in 1..n {
        let (g, count) = geomean_over(report, |r| speedup(report, r, j));
        partial |= count < report.rows.len();
        cols[speed_first + j - 1].cells.push(g.map(fmt_ratio).unwrap_or_else(|| "—".into()));
    }
    cols[check].cells.push(if partial { "(over the rows that have a speedup)".into() } else { String::new() });

    let mut out = format!(
        "krait bench {} · {}{} · peak RSS{}\n\n",
        report.date,
        runs_text(report),
        if report.runs > 1 { " (min–max)" } else { "" },
        if report.quick { " · quick size" } else { "" }
    );
    out.push_str(&render_columns(&groups, &cols));
    out
}

/// Details of every marked row (which outputs differ and where, how runs failed) and
/// a closing verdict.
pub fn format_notes(report: &Report) -> String {
    let mut out = String::new();
    let reference = &report.interpreters[report.reference].name;
    let mut marked = 0;
    for row in &report.rows {
        let v = verdicts(report, row);
        if !row_marked(report, row) {
            continue;
        }
        marked += 1;
        let name = display_name(&row.script);
        let expected = expected_output(report, row).unwrap_or(&[]);
        let expected_from = if row.cells[report.reference].status == Status::Ok {
            reference.clone()
        } else {
            report.interpreters[row.cells.iter().position(|c| c.status == Status::Ok).unwrap_or(0)].name.clone()
        };
        for (i, verdict) in v.iter().enumerate() {
            let interp = &report.interpreters[i].name;
            let cell = &row.cells[i];
            match verdict {
                Verdict::WrongOutput => {
                    let _ = writeln!(
                        out,
                        "✗ {}: OUTPUT DIFFERS: {} printed something other than {}",
                        name, interp, expected_from
                    );
                    let got = cell.stdout.as_deref().unwrap_or(&[]);
                    let _ = writeln!(
                        out,
                        "  {}",
                        describe_difference(&expected_from, expected, interp, got).replace('\n', "\n  ")
                    );
                }
                Verdict::Failed(why) => {
                    let _ = writeln!(out, "✗ {}: {} FAILED: {}", name, interp, why);
                    for line in cell.error.lines() {
                        let _ = writeln!(out, "    {}", line);
                    }
                }
                Verdict::Unstable => {
                    let _ = writeln!(out, "✗ {}: {} printed different output on different runs", name, interp);
                    let _ = writeln!(out, "  {}", cell.error.replace('\n', "\n  "));
                }
                Verdict::Valid | Verdict::NotRun => {}
            }
        }
    }
    if report.interrupted {
        let done = report.rows.iter().filter(|r| !verdicts(report, r).contains(&Verdict::NotRun)).count();
        let _ = writeln!(out, "interrupted: {} script(s) complete", done);
    }
    if marked > 0 {
        let _ = writeln!(out, "{} of {} script(s) marked ✗: outputs differ or runs failed", marked, report.rows.len());
    }
    out
}

/// A JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON number, or null for a missing or non-finite value.
fn json_num(x: Option<f64>) -> String {
    match x {
        Some(x) if x.is_finite() => format!("{}", x),
        _ => "null".into(),
    }
}

/// The results as JSON: settings, interpreters, and per script each interpreter's
/// times, status and memory, krait's speedups and the speeds relative to the
/// reference; then the geometric means.
pub fn to_json(report: &Report) -> String {
    let names: Vec<&str> = report.interpreters.iter().map(|i| i.name.as_str()).collect();
    let n = names.len();
    let mut o = String::from("{\n");
    let _ = writeln!(o, "  \"tool\": \"krait bench\",");
    let _ = writeln!(o, "  \"krait_version\": {},", json_str(env!("CARGO_PKG_VERSION")));
    let _ = writeln!(o, "  \"date\": {},", json_str(&report.date));
    let _ = writeln!(
        o,
        "  \"runs\": {}, \"warmup\": {}, \"quick\": {}, \"timeout_secs\": {}, \"interrupted\": {},",
        report.runs,
        report.warmup,
        report.quick,
        json_num(Some(report.timeout)),
        report.interrupted
    );
    let _ = writeln!(o, "  \"reference\": {},", json_str(names[report.reference]));
    o.push_str("  \"interpreters\": [\n");
    for (k, i) in report.interpreters.iter().enumerate() {
        let argv: Vec<String> = i.argv.iter().map(|a| json_str(a)).collect();
        let _ =
            writeln!(o, "    {{\"name\": {}, \"command\": [{}]}}{}", json_str(&i.name), argv.join(", "), comma(k, n));
    }
    o.push_str("  ],\n  \"scripts\": [\n");
    for (r, row) in report.rows.iter().enumerate() {
        let v = verdicts(report, row);
        let _ = writeln!(o, "    {{\n      \"script\": {},", json_str(&row.script));
        let _ = writeln!(o, "      \"marked\": {},", row_marked(report, row));
        o.push_str("      \"results\": [\n");
        for (i, cell) in row.cells.iter().enumerate() {
            let (status, error) = match &v[i] {
                Verdict::Valid => ("ok", None),
                Verdict::NotRun if cell.times.is_empty() => ("not run", None),
                Verdict::NotRun => ("incomplete", None),
                Verdict::Failed(why) => {
                    (if matches!(cell.status, Status::Timeout(_)) { "timeout" } else { "failed" }, Some(why.clone()))
                }
                Verdict::Unstable => ("unstable output", None),
                Verdict::WrongOutput => ("wrong output", None),
            };
            let error = match (error, cell.error.is_empty()) {
                (Some(w), true) => json_str(&w),
                (Some(w), false) => json_str(&format!("{}\n{}", w, cell.error)),
                (None, false) => json_str(&cell.error),
                (None, true) => "null".into(),
            };
            let times: Vec<String> = cell.times.iter().map(|t| json_num(Some(*t))).collect();
            let mm = min_max(&cell.times);
            let _ = writeln!(
                o,
                "        {{\"interpreter\": {}, \"status\": {}, \"times\": [{}], \"median\": {}, \"min\": {}, \"max\": {}, \
                 \"cpu_median\": {}, \"peak_rss_kib\": {}, \"error\": {}}}{}",
                json_str(names[i]),
                json_str(status),
                times.join(", "),
                json_num(median(&cell.times)),
                json_num(mm.map(|m| m.0)),
                json_num(mm.map(|m| m.1)),
                json_num(median(&cell.cpu)),
                cell.peak_rss_kib.map(|k| k.to_string()).unwrap_or_else(|| "null".into()),
                error,
                comma(i, n)
            );
        }
        o.push_str("      ],\n");
        let speedups: Vec<String> =
            (1..n).map(|j| format!("{}: {}", json_str(names[j]), json_num(speedup(report, row, j)))).collect();
        let _ = writeln!(o, "      \"speedup_of_krait_over\": {{{}}},", speedups.join(", "));
        let rel: Vec<String> = (0..n)
            .filter(|&j| j != report.reference)
            .map(|j| format!("{}: {}", json_str(names[j]), json_num(relative_speed(report, row, j))))
            .collect();
        let _ = writeln!(o, "      \"speed_relative_to_reference\": {{{}}}", rel.join(", "));
        let _ = writeln!(o, "    }}{}", comma(r, report.rows.len()));
    }
    o.push_str("  ],\n  \"geometric_mean\": {\n");
    let speedups: Vec<String> = (1..n)
        .map(|j| format!("{}: {}", json_str(names[j]), json_num(geomean_over(report, |r| speedup(report, r, j)).0)))
        .collect();
    let _ = writeln!(o, "    \"speedup_of_krait_over\": {{{}}},", speedups.join(", "));
    let rel: Vec<String> = (0..n)
        .filter(|&j| j != report.reference)
        .map(|j| {
            format!("{}: {}", json_str(names[j]), json_num(geomean_over(report, |r| relative_speed(report, r, j)).0))
        })
        .collect();
    let _ = writeln!(o, "    \"speed_relative_to_reference\": {{{}}}", rel.join(", "));
    o.push_str("  }\n}\n");
    o
}

fn comma(i: usize, n: usize) -> &'static str {
    if i + 1 < n {
        ","
    } else {
        ""
    }
}

/// Escapes text for SVG.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Bar colours: krait, krait --no-jit, then the comparisons.
const COLORS: [&str; 8] = ["#e6550d", "#fdae6b", "#3182bd", "#31a354", "#756bb1", "#636363", "#e7ba52", "#843c39"];

/// A tick label on the log axis: `0.25×`, `1×`, `8×`.
fn tick_label(exp: i32) -> String {
    let v = 2f64.powi(exp);
    let s = if exp >= 0 { format!("{}", v as u64) } else { format!("{}", v) };
    format!("{}×", s)
}

/// An SVG bar chart of every interpreter's speed relative to the reference, per script
/// and as geometric means, on a log scale with the reference's 1× line.
pub fn to_svg(report: &Report) -> String {
    let reference = report.interpreters[report.reference].name.clone();
    let series: Vec<usize> = (0..report.interpreters.len()).filter(|&j| j != report.reference).collect();
    // Groups: (label, per series Some(value) or Err(why)).
    let mut groups: Vec<(String, Vec<Result<f64, String>>)> = vec![];
    for row in &report.rows {
        let v = verdicts(report, row);
        let vals = series
            .iter()
            .map(|&j| match relative_speed(report, row, j) {
                Some(x) => Ok(x),
                None => {
                    let name = &report.interpreters[j].name;
                    let (bad, whose) = if v[j] != Verdict::Valid {
                        (j, String::new())
                    } else {
                        (report.reference, format!("{} ", reference))
                    };
                    Err(match &v[bad] {
                        Verdict::Failed(why) => format!("{}: {}failed ({})", name, whose, why),
                        other => format!("{}: {}{}", name, whose, verdict_text(other)),
                    })
                }
            })
            .collect();
        groups.push((display_name(&row.script), vals));
    }
    let mut fewest = report.rows.len();
    let means: Vec<Result<f64, String>> = series
        .iter()
        .map(|&j| {
            let (g, count) = geomean_over(report, |r| relative_speed(report, r, j));
            fewest = fewest.min(count);
            g.ok_or_else(|| format!("{}: no valid results", report.interpreters[j].name))
        })
        .collect();
    groups.push(("geometric mean".into(), means));

    let all: Vec<f64> = groups.iter().flat_map(|g| g.1.iter().filter_map(|v| v.as_ref().ok().copied())).collect();
    let lo_v = all.iter().copied().fold(1.0f64, f64::min);
    let hi_v = all.iter().copied().fold(1.0f64, f64::max);
    let mut lo = ((lo_v.log2() - 0.3).floor() as i32).clamp(-10, -1);
    let mut hi = ((hi_v.log2() + 0.3).ceil() as i32).clamp(1, 12);
    if hi - lo < 3 {
        lo = lo.min(-1);
        hi = hi.max(2);
    }

    let (width, left, right, top, bar_h, bar_gap, group_gap) = (900.0, 190.0, 70.0, 104.0, 14.0, 3.0, 14.0);
    let plot_w = width - left - right;
    let ns = series.len().max(1) as f64;
    let group_h = ns * (bar_h + bar_gap) - bar_gap + group_gap;
    let plot_h = group_h * groups.len() as f64;
    let height = top + plot_h + 60.0;
    let x = |v: f64| left + (v.log2().clamp(lo as f64, hi as f64) - lo as f64) / (hi - lo) as f64 * plot_w;

    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">",
        w = width,
        h = height
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222\">krait: speed relative to {} (higher is faster)</text>",
        left / 8.0,
        xml(&reference)
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"48\" fill=\"#555\">{} · {}{}{}</text>",
        left / 8.0,
        xml(&report.date),
        runs_text(report),
        if report.quick { " · quick size" } else { "" },
        if report.interrupted { " · interrupted, partial results" } else { "" }
    );
    // Legend.
    let mut lx = left / 8.0;
    for &j in &series {
        let name = &report.interpreters[j].name;
        let _ = writeln!(
            s,
            "<rect x=\"{:.1}\" y=\"62\" width=\"12\" height=\"12\" fill=\"{}\"/>",
            lx,
            COLORS[j % COLORS.len()]
        );
        let _ = writeln!(s, "<text x=\"{:.1}\" y=\"72\" fill=\"#222\">{}</text>", lx + 17.0, xml(name));
        lx += 17.0 + 7.5 * name.chars().count() as f64 + 24.0;
    }
    // Grid and axis.
    let step = if hi - lo > 12 { 2 } else { 1 };
    let axis_y = top + plot_h;
    for e in (lo..=hi).filter(|e| (e - lo) % step == 0 || *e == 0) {
        let gx = x(2f64.powi(e));
        let _ = writeln!(
            s,
            "<line x1=\"{gx:.1}\" y1=\"{:.1}\" x2=\"{gx:.1}\" y2=\"{:.1}\" stroke=\"#e5e5e5\"/>",
            top - 8.0,
            axis_y
        );
        let _ = writeln!(
            s,
            "<text x=\"{gx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#444\">{}</text>",
            axis_y + 18.0,
            tick_label(e)
        );
    }
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#444\"/>",
        left + plot_w
    );
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#444\">speed relative to {} (log scale; right of the line is faster)</text>",
        left + plot_w / 2.0,
        axis_y + 42.0,
        xml(&reference)
    );
    // Bars.
    let one = x(1.0);
    for (g, (label, vals)) in groups.iter().enumerate() {
        let gy = top + g as f64 * group_h;
        let is_mean = g + 1 == groups.len();
        if is_mean {
            let _ = writeln!(
                s,
                "<line x1=\"8\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>",
                gy - group_gap / 2.0,
                width - 8.0,
                gy - group_gap / 2.0
            );
        }
        let mid = gy + (group_h - group_gap) / 2.0 + 4.0;
        let weight = if is_mean { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"end\" fill=\"#222\"{}>{}</text>",
            left - 10.0,
            weight,
            xml(label)
        );
        if is_mean && fewest < report.rows.len() {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">of the valid rows only</text>",
                left - 10.0,
                mid + 14.0
            );
        }
        for (k, (&j, v)) in series.iter().zip(vals).enumerate() {
            let by = gy + k as f64 * (bar_h + bar_gap);
            match v {
                Ok(v) => {
                    let bx = x(*v);
                    let (x0, w) = if bx >= one { (one, bx - one) } else { (bx, one - bx) };
                    let _ = writeln!(
                        s,
                        "<rect x=\"{x0:.1}\" y=\"{by:.1}\" width=\"{:.1}\" height=\"{bar_h}\" fill=\"{}\"><title>{}: {}</title></rect>",
                        w.max(1.0),
                        COLORS[j % COLORS.len()],
                        xml(&report.interpreters[j].name),
                        fmt_ratio(*v)
                    );
                    let (tx, anchor) = if bx >= one { (bx + 4.0, "start") } else { (bx - 4.0, "end") };
                    let _ = writeln!(
                        s,
                        "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#222\"{}>{}</text>",
                        by + bar_h - 3.0,
                        weight,
                        fmt_ratio(*v)
                    );
                }
                Err(why) => {
                    let _ = writeln!(
                        s,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-style=\"italic\" fill=\"#c00\">✗ {}</text>",
                        one + 4.0,
                        by + bar_h - 3.0,
                        xml(why)
                    );
                }
            }
        }
    }
    // The reference line, drawn over the bars.
    let _ = writeln!(
        s,
        "<line x1=\"{one:.1}\" y1=\"{:.1}\" x2=\"{one:.1}\" y2=\"{axis_y:.1}\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>",
        top - 14.0
    );
    let _ = writeln!(
        s,
        "<text x=\"{one:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">{} = 1×</text>",
        top - 18.0,
        xml(&reference)
    );
    s.push_str("</svg>\n");
    s
}

/// `YYYY-MM-DD HH:MM UTC` for a time.
pub fn utc_date(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (days, rem) = ((secs / 86400) as i64, secs % 86400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", y, m, d, rem / 3600, rem % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interp(name: &str) -> Interpreter {
        Interpreter { name: name.into(), argv: vec![name.into()] }
    }

    fn ok(times: &[f64], out: &str) -> Cell {
        Cell {
            times: times.to_vec(),
            cpu: times.to_vec(),
            peak_rss_kib: Some(20480),
            status: Status::Ok,
            stdout: Some(out.as_bytes().to_vec()),
            error: String::new(),
        }
    }

    fn report(rows: Vec<Row>) -> Report {
        Report {
            interpreters: vec![interp("krait"), interp("krait --no-jit"), interp("python3")],
            reference: 2,
            rows,
            runs: 3,
            warmup: 1,
            quick: false,
            timeout: 60.0,
            interrupted: false,
            date: "2025-01-02 03:04 UTC".into(),
        }
    }

    fn sample() -> Report {
        report(vec![
            Row {
                script: "benches/nbody.py".into(),
                cells: vec![ok(&[1.0, 1.2, 1.1], "42\n"), ok(&[2.0, 2.2, 2.1], "42\n"), ok(&[3.3, 3.0, 3.6], "42\n")],
            },
            Row {
                script: "benches/sieve.py".into(),
                cells: vec![ok(&[0.5, 0.5, 0.5], "7\n"), ok(&[1.0, 1.0, 1.0], "7\n"), ok(&[2.0, 2.0, 2.0], "7\n")],
            },
        ])
    }

    #[test]
    fn median_min_max() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(min_max(&[]), None);
        assert_eq!(min_max(&[2.0, 0.5, 9.0, 1.0]), Some((0.5, 9.0)));
    }

    #[test]
    fn geometric_mean() {
        assert_eq!(geomean(&[]), None);
        let g = geomean(&[2.0, 8.0]).unwrap();
        assert!((g - 4.0).abs() < 1e-12);
        let g = geomean(&[0.5, 2.0, 1.0]).unwrap();
        assert!((g - 1.0).abs() < 1e-12);
        // Non-positive values carry no ratio and are skipped.
        assert!((geomean(&[4.0, 0.0]).unwrap() - 4.0).abs() < 1e-12);
    }

    #[test]
    fn speedups_and_relative_speeds() {
        let r = sample();
        let nbody = &r.rows[0];
        assert!((speedup(&r, nbody, 2).unwrap() - 3.3 / 1.1).abs() < 1e-9);
        assert!((speedup(&r, nbody, 1).unwrap() - 2.1 / 1.1).abs() < 1e-9);
        assert!((relative_speed(&r, nbody, 0).unwrap() - 3.3 / 1.1).abs() < 1e-9);
        assert!((relative_speed(&r, nbody, 1).unwrap() - 3.3 / 2.1).abs() < 1e-9);
        let (g, n) = geomean_over(&r, |row| speedup(&r, row, 2));
        assert_eq!(n, 2);
        assert!((g.unwrap() - (3.0f64 * 4.0).sqrt()).abs() < 1e-9);
    }

    #[test]
    fn output_comparison() {
        assert_eq!(first_difference(b"a\nb\n", b"a\nb\n"), None);
        assert_eq!(first_difference(b"a\nb\nc\n", b"a\nB\nc\n"), Some((2, "b".into(), "B".into())));
        assert_eq!(first_difference(b"a\n", b"a\nextra\n"), Some((2, "".into(), "extra".into())));
        assert_eq!(first_difference(b"a\nb", b"a"), Some((2, "b".into(), "<end of output>".into())));

        let mut r = sample();
        r.rows[0].cells[0].stdout = Some(b"43\n".to_vec());
        assert_eq!(verdicts(&r, &r.rows[0]), vec![Verdict::WrongOutput, Verdict::Valid, Verdict::Valid]);
        assert!(row_marked(&r, &r.rows[0]));
        assert!(!row_marked(&r, &r.rows[1]));
        assert_eq!(speedup(&r, &r.rows[0], 2), None, "a wrong answer has no speedup");
        // When the reference fails, the first completed interpreter's output is expected.
        r.rows[1].cells[2].status = Status::Failed("exit status 1".into());
        r.rows[1].cells[1].stdout = Some(b"8\n".to_vec());
        assert_eq!(
            verdicts(&r, &r.rows[1]),
            vec![Verdict::Valid, Verdict::WrongOutput, Verdict::Failed("exit status 1".into())]
        );
    }

    #[test]
    fn formatting_numbers() {
        assert_eq!(fmt_secs(1.23456), "1.235");
        assert_eq!(fmt_secs(0.0421), "0.042");
        assert_eq!(fmt_secs(12.345), "12.35");
        assert_eq!(fmt_secs(123.45), "123.5");
        assert_eq!(fmt_kib(20480), "20.0 MiB");
        assert_eq!(fmt_kib(300 * 1024), "300 MiB");
        assert_eq!(fmt_kib(20 * 1024 * 1024), "20.0 GiB");
        assert_eq!(fmt_ratio(1.0), "1.00×");
        assert_eq!(fmt_ratio(12.34), "12.3×");
        assert_eq!(fmt_ratio(0.456), "0.46×");
        assert_eq!(tick_label(0), "1×");
        assert_eq!(tick_label(3), "8×");
        assert_eq!(tick_label(-2), "0.25×");
        assert_eq!(utc_date(UNIX_EPOCH), "1970-01-01 00:00 UTC");
        assert_eq!(utc_date(UNIX_EPOCH + Duration::from_secs(951_782_400 + 3600 + 120)), "2000-02-29 01:02 UTC");
        assert_eq!(utc_date(UNIX_EPOCH + Duration::from_secs(1_735_787_045)), "2025-01-02 03:04 UTC");
    }

    #[test]
    fn table_layout() {
        let t = format_table(&sample());
        let lines: Vec<&str> = t.lines().collect();
        assert!(lines[0]
            .starts_with("krait bench 2025-01-02 03:04 UTC · median wall time in seconds of 3 runs after 1 warm-up"));
        let group = lines[2];
        let header = lines[3];
        assert!(
            group.contains("krait --no-jit") && group.contains("python3") && group.contains("speedup of krait over")
        );
        assert!(header.starts_with("script"));
        // Every interpreter's group title sits over its time column.
        let chars = |s: &str, from: usize, n: usize| s.chars().skip(from).take(n).collect::<String>();
        for name in ["krait --no-jit", "python3"] {
            let col = group.split(name).next().unwrap().chars().count();
            assert_eq!(chars(header, col, 14), "time (min–max)", "{} misplaced", name);
        }
        let nbody = lines.iter().find(|l| l.starts_with("nbody.py")).unwrap();
        assert!(nbody.contains("1.100 (1.000–1.200)"));
        assert!(nbody.contains("20.0 MiB"));
        assert!(nbody.contains("3.00×"), "{}", nbody);
        assert!(nbody.ends_with("ok"));
        let mean = lines.iter().find(|l| l.starts_with("geometric mean")).unwrap();
        assert!(mean.contains("3.46×"), "{}", mean);
        // Body rows line up: the speedup columns end at the same place.
        let sieve = lines.iter().find(|l| l.starts_with("sieve.py")).unwrap();
        assert_eq!(nbody.chars().count(), sieve.chars().count());
        assert_eq!(format_notes(&sample()), "");
    }

    #[test]
    fn table_marks_bad_rows() {
        let mut r = sample();
        r.rows[0].cells[1].stdout = Some(b"41\n".to_vec());
        r.rows[1].cells[0] =
            Cell { status: Status::Failed("exit status 1".into()), error: "NameError: x".into(), ..Cell::new() };
        let t = format_table(&r);
        let nbody = t.lines().find(|l| l.starts_with("nbody.py")).unwrap();
        assert!(nbody.contains("✗ krait --no-jit: wrong output"), "{}", nbody);
        assert!(nbody.contains("2.100 (2.000–2.200) ✗"));
        let sieve = t.lines().find(|l| l.starts_with("sieve.py")).unwrap();
        assert!(sieve.contains("FAILED: exit status 1"));
        assert!(sieve.contains("✗ krait: failed (exit status 1)"));
        let notes = format_notes(&r);
        assert!(notes.contains("✗ nbody.py: OUTPUT DIFFERS: krait --no-jit printed something other than python3"));
        assert!(notes.contains("first difference at line 1:"));
        assert!(notes.contains("python3:        42"), "{}", notes);
        assert!(notes.contains("krait --no-jit: 41"));
        assert!(notes.contains("✗ sieve.py: krait FAILED: exit status 1\n    NameError: x"));
        assert!(notes.contains("2 of 2 script(s) marked ✗"));
    }

    #[test]
    fn interrupted_rows() {
        let mut r = sample();
        r.interrupted = true;
        r.rows[1].cells[2] = Cell::new();
        r.rows[1].cells[1].status = Status::NotRun;
        r.rows[1].cells[1].times.pop();
        let t = format_table(&r);
        let sieve = t.lines().find(|l| l.starts_with("sieve.py")).unwrap();
        assert!(sieve.ends_with("incomplete"), "{}", sieve);
        assert!(sieve.contains("1.000 (1.000–1.000) [2 of 3 runs]"), "{}", sieve);
        assert!(to_json(&r).contains("\"status\": \"incomplete\""));
        assert!(!row_marked(&r, &r.rows[1]));
        assert!(format_notes(&r).contains("interrupted: 1 script(s) complete"));
    }

    #[test]
    fn json_output() {
        assert_eq!(json_str("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        assert_eq!(json_num(Some(f64::NAN)), "null");
        assert_eq!(json_num(Some(1.5)), "1.5");
        let j = to_json(&sample());
        assert!(j.contains("\"reference\": \"python3\""));
        assert!(j.contains("\"script\": \"benches/nbody.py\""));
        assert!(j.contains("\"times\": [1, 1.2, 1.1], \"median\": 1.1, \"min\": 1, \"max\": 1.2"));
        assert!(j.contains("\"speedup_of_krait_over\": {\"krait --no-jit\": "));
        assert_eq!(j.matches('{').count(), j.matches('}').count());
        assert_eq!(j.matches('[').count(), j.matches(']').count());
    }

    #[test]
    fn svg_chart() {
        let mut r = sample();
        r.rows[1].cells[1].status = Status::Timeout(60.0);
        let svg = to_svg(&r);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("krait: speed relative to python3 (higher is faster)"));
        assert!(svg.contains("python3 = 1×"));
        assert!(svg.contains(">nbody.py</text>") && svg.contains(">geometric mean</text>"));
        assert!(svg.contains(">3.00×</text>"));
        assert!(svg.contains("✗ krait --no-jit: failed (timeout after 60 s)"), "{}", svg);
        assert!(svg.contains("of the valid rows only"));
        assert!(svg.contains("log scale"));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert_eq!(svg.matches("<title>").count(), svg.matches("</title>").count());
        assert_eq!(xml("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn arguments() {
        let args = |s: &str| parse_args(&s.split_whitespace().map(String::from).collect::<Vec<_>>());
        let c = args("--runs 3 --warmup=0 --against pypy3 --quick --json out.json a.py b.py").unwrap().unwrap();
        assert_eq!((c.runs, c.warmup, c.quick), (3, 0, true));
        assert_eq!(c.against, vec!["pypy3".to_string()]);
        assert_eq!(c.json.as_deref(), Some("out.json"));
        assert_eq!(c.scripts, vec!["a.py".to_string(), "b.py".to_string()]);
        assert_eq!(args("--help").unwrap(), None);
        assert!(args("--runs 0 a.py").is_err());
        assert!(args("--runs x a.py").is_err());
        assert!(args("--timeout -1 a.py").is_err());
        assert!(args("--bogus a.py").is_err());
        assert!(args("--runs 2").is_err());
    }
}
