//! The krait command-line interface: run a file, `-c CODE`, `-m MODULE`, a program on
//! stdin, the REPL, or `--dis`. Built on the embedding API in lib.rs.

use krait::{Krait, Options, PyException};

/// mimalloc: the interpreter allocates many small, short-lived objects.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc through its plain entry points when 8-byte alignment is enough (every
/// mimalloc block is 8-aligned: block sizes are multiples of the word size), which is
/// every object and value buffer the runtime allocates. `mimalloc::MiMalloc` always
/// takes the aligned entry points, whose fast path gives way to a slow generic one
/// whenever a page's free list needs refilling.
struct Mimalloc;

const PLAIN_ALIGN: usize = 8;

// SAFETY: each method returns memory from mimalloc that meets `layout` (its alignment is
// at most 8 bytes on the plain paths) and frees or resizes only pointers it allocated;
// `mi_free` and `mi_realloc` accept blocks from either family of entry points.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: plain mimalloc calls, see the impl's comment.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the block keeps its alignment.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_realloc(ptr as *mut std::ffi::c_void, new_size) as *mut u8
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr as *mut std::ffi::c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}
use std::io::{IsTerminal, Read};
use std::process::exit;

const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
       krait bench [--runs N] [--warmup K] [--against CMD]... [--json F] [--svg F] script.py...
Options:
  -c cmd             program passed in as string
  -m mod             run library module as a script
  -                  read the program from stdin (default when stdin is not a terminal)
  --dis              print the bytecode of every code object and exit
  --no-jit           run with the interpreter only
  --jit-threshold N  loop back-edges before a loop is compiled (1 = compile at first sight)
  --jit-report[=F]   print a report of compiled traces at exit (to stderr or file F)
  --jit-dump=LIST    print each trace's ir, opt, clif and/or asm (comma-separated, or all)
  --jit-sync         compile each trace at once on the main thread (default, with more
                     than one CPU: in the background, used when ready)
  -V, --version      print the version and exit
  -h, --help         print this help and exit
With no file and a terminal on stdin, starts the interactive interpreter.
";

enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    Repl,
}

struct Cli {
    target: Target,
    args: Vec<String>,
    dis: bool,
    options: Options,
}

fn parse_args() -> Cli {
    let mut argv = std::env::args().skip(1);
    let mut options = Options::default();
    let mut dis = false;
    let mut target = None;
    while let Some(a) = argv.next() {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{}", USAGE);
                exit(0);
            }
            "-V" | "--version" => {
                println!("krait {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
                exit(0);
            }
            "--dis" => dis = true,
            "--no-jit" => options.no_jit = true,
            "--jit-threshold" => {
                let n = argv.next().and_then(|n| n.parse().ok());
                match n {
                    Some(n) => options.jit_threshold = n,
                    None => usage_error("--jit-threshold needs a number"),
                }
            }
            s if s.starts_with("--jit-threshold=") => match s["--jit-threshold=".len()..].parse() {
                Ok(n) => options.jit_threshold = n,
                Err(_) => usage_error("--jit-threshold needs a number"),
            },
            "--jit-report" => options.jit.report = Some(None),
            "--jit-sync" => options.jit.sync = true,
            s if s.starts_with("--jit-report=") => options.jit.report = Some(Some(s["--jit-report=".len()..].into())),
            s if s.starts_with("--jit-dump=") => match krait::krait_jit::DumpFlags::parse(&s["--jit-dump=".len()..]) {
                Ok(d) => options.jit.dump = d,
                Err(e) => usage_error(&e),
            },
            "-u" | "-B" | "-E" | "-I" | "-s" | "-S" | "-O" | "-OO" | "-q" => {}
            "-c" => match argv.next() {
                Some(c) => {
                    target = Some(Target::Command(c));
                    break;
                }
                None => usage_error("Argument expected for the -c option"),
            },
            "-m" => match argv.next() {
                Some(m) => {
                    target = Some(Target::Module(m));
                    break;
                }
                None => usage_error("Argument expected for the -m option"),
            },
            "-" => {
                target = Some(Target::Stdin);
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => usage_error(&format!("unknown option {}", s)),
            _ => {
                target = Some(Target::File(a));
                break;
            }
        }
    }
    let args: Vec<String> = argv.collect();
    let target = target.unwrap_or_else(|| if std::io::stdin().is_terminal() { Target::Repl } else { Target::Stdin });
    Cli { target, args, dis, options }
}

fn usage_error(msg: &str) -> ! {
    eprintln!("{}\n{}", msg, USAGE);
    exit(2);
}

fn report(e: &PyException) -> i32 {
    if let Some(m) = &e.exit_message {
        eprintln!("{}", m);
    }
    eprint!("{}", e.traceback);
    e.exit_code
}

fn main() {
    no_transparent_huge_pages();
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("bench") {
        exit(krait::bench::main(args.collect()));
    }
    let cli = parse_args();
    let code = krait::run_with_big_stack(move || run(cli));
    exit(code);
}

/// mimalloc asks for transparent huge pages on its arenas, so each first touch of heap
/// memory clears 2 MiB. A short script pays that for memory it never uses (a fifth of
/// nbody's run time went to clearing pages); 4 KiB pages cost only what is touched.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes integer arguments only and changes no
    // memory; failure (an old kernel) leaves the default, which is only slower.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn run(cli: Cli) -> i32 {
    let mut options = cli.options;
    let (argv0, script_dir) = match &cli.target {
        Target::File(f) => {
            let dir = std::path::Path::new(f).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
            (f.clone(), if dir.is_empty() { ".".to_string() } else { dir })
        }
        Target::Command(_) => ("-c".into(), ".".into()),
        Target::Module(m) => (m.clone(), ".".into()),
        Target::Stdin => ("-".into(), ".".into()),
        Target::Repl => (String::new(), ".".into()),
    };
    options.argv = std::iter::once(argv0).chain(cli.args.iter().cloned()).collect();
    options.path = vec![script_dir];
    if cli.dis {
        return dis(&cli.target);
    }
    let mut k = Krait::new(options);
    let flag = k.interrupt_flag();
    let _ = ctrlc_handler(flag);
    let result = match &cli.target {
        Target::File(f) => k.run_file(f),
        Target::Command(c) => k.run_source(c, "<string>"),
        Target::Stdin => {
            let mut src = Vec::new();
            if std::io::stdin().read_to_end(&mut src).is_err() {
                eprintln!("krait: cannot read stdin");
                return 1;
            }
            k.run_bytes(&src, "<stdin>")
        }
        Target::Module(m) => run_module(&mut k, m),
        Target::Repl => {
            repl(&mut k);
            Ok(())
        }
    };
    k.flush();
    let code = match result {
        Ok(()) => 0,
        Err(e) => report(&e),
    };
    k.at_exit();
    code
}

fn run_module(k: &mut Krait, m: &str) -> Result<(), PyException> {
    let rel = m.replace('.', "/");
    for cand in [format!("{}.py", rel), format!("{}/__main__.py", rel)] {
        if std::path::Path::new(&cand).is_file() {
            return k.run_file(&cand);
        }
    }
    Err(PyException {
        type_name: "ModuleNotFoundError".into(),
        message: format!("No module named {}", m),
        traceback: format!("{}: No module named {}\n", std::env::args().next().unwrap_or_else(|| "krait".into()), m),
        exit_code: 1,
        exit_message: None,
    })
}

fn ctrlc_handler(flag: std::sync::Arc<std::sync::atomic::AtomicBool>) -> Result<(), ()> {
    krait::krait_runtime::set_interrupt_handler(flag).map_err(|_| ())
}

fn dis(target: &Target) -> i32 {
    let (src, name) = match target {
        Target::File(f) => match std::fs::read_to_string(f) {
            Ok(s) => (s, f.clone()),
            Err(e) => {
                eprintln!("krait: can't open file '{}': {}", f, e);
                return 2;
            }
        },
        Target::Command(c) => (c.clone(), "<string>".into()),
        _ => {
            let mut s = String::new();
            let _ = std::io::stdin().read_to_string(&mut s);
            (s, "<stdin>".into())
        }
    };
    match krait::krait_runtime::compiler::compile(&src, &name, krait::krait_runtime::compiler::Mode::Exec) {
        Ok(co) => {
            print!("{}", co);
            0
        }
        Err(ce) => {
            let mut k = Krait::new(Options::default());
            let e = k.vm().syntax_error_from(&ce);
            let s = k.vm().format_exception(e.0);
            eprint!("{}", s);
            1
        }
    }
}

fn repl(k: &mut Krait) {
    use rustyline::error::ReadlineError;
    println!("krait {} (Python 3.11 compatible)\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.", env!("CARGO_PKG_VERSION"));
    let Ok(mut rl) = rustyline::DefaultEditor::new() else {
        eprintln!("krait: cannot start the line editor");
        return;
    };
    let history = std::env::var("HOME").map(|h| format!("{}/.krait_history", h)).ok();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { ">>> " } else { "... " };
        match rl.readline(prompt) {
            Ok(line) => {
                let _ = rl.add_history_entry(line.as_str());
                if buf.is_empty() && line.trim().is_empty() {
                    continue;
                }
                buf.push_str(&line);
                buf.push('\n');
                if needs_more(&buf, &line) {
                    continue;
                }
                let src = std::mem::take(&mut buf);
                if let Err(e) = k.run_interactive(&src) {
                    if e.type_name == "SystemExit" {
                        if let Some(m) = &e.exit_message {
                            eprintln!("{}", m);
                        }
                        if let Some(h) = &history {
                            let _ = rl.save_history(h);
                        }
                        std::process::exit(e.exit_code);
                    }
                    eprint!("{}", e.traceback);
                }
            }
            Err(ReadlineError::Interrupted) => {
                buf.clear();
                println!("KeyboardInterrupt");
            }
            Err(_) => break,
        }
    }
    if let Some(h) = &history {
        let _ = rl.save_history(h);
    }
}

/// Whether the REPL should read another line before running `buf`: inside a block
/// (until an empty line) or inside open brackets.
fn needs_more(buf: &str, last: &str) -> bool {
    let mut depth = 0i32;
    let mut in_str: Option<char> = None;
    let mut prev = ' ';
    for c in buf.chars() {
        match in_str {
            Some(q) => {
                if c == q && prev != '\\' {
                    in_str = None;
                }
            }
            None => match c {
                '\'' | '"' => in_str = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                '#' => {}
                _ => {}
            },
        }
        prev = c;
    }
    if depth > 0 {
        return true;
    }
    let first = buf.lines().next().unwrap_or("");
    let block = first.trim_end().ends_with(':') || buf.lines().count() > 1;
    if block {
        return !last.trim().is_empty();
    }
    last.trim_end().ends_with('\\')
}
