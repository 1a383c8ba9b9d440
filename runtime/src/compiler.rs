//! The bytecode compiler: Python source to [`CodeObject`]s, following CPython 3.11's
//! `compile.c` patterns (exception table instead of a run-time block stack, comprehensions
//! as nested functions, CPython's SyntaxError messages and locations).
//!
//! Pipeline: a light pre-scan of the source (bracket nesting limit and tokenizer-level
//! errors such as unterminated strings), the ruff parser, scope analysis
//! ([`crate::symtable`]), code generation with static stack-depth tracking, and a final
//! flow analysis that computes `max_stack` and verifies stack consistency.
//!
//! ## Exception handling protocol
//! An [`ExcEntry`] covers `start..end` (entries never overlap); on an exception the
//! interpreter pops the value stack to `depth`, pushes the exception and jumps to
//! `handler`. With `d` the stack depth at the start of the statement:
//! - `try`/`except`: the body is covered by `(H, d)`; `else` is not covered. At `H` the
//!   stack is `[.., exc]`; `PUSH_EXC_INFO` makes it `[.., prev, exc]`. Each clause:
//!   `<type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next`, then `STORE name` (or `POP_TOP`)
//!   leaving `[.., prev]`, the clause body, `POP_EXCEPT`, (`name = None; del name`),
//!   `JUMP end`. No clause matched: `RERAISE` with `[.., prev, exc]`. The type tests,
//!   the stores, unnamed clause bodies and that final `RERAISE` are covered by
//!   `(C, d + 1)`, where `C` is `SWAP 2, POP_EXCEPT, RERAISE` (entered with
//!   `[.., prev, exc2]`: restore the previous exception, propagate `exc2`). A named
//!   clause body is covered by `(CE, d + 1)`: `name = None; del name; RERAISE`, itself
//!   covered by `C`. The `POP_EXCEPT` (and name cleanup) ending a clause is covered by
//!   the enclosing handler, like the code after the statement.
//! - `try`/`finally`: the body (with any except clauses) is covered by `(F, d)`; the
//!   normal path runs the finally body inline, uncovered. At `F`: `[.., exc]`,
//!   `PUSH_EXC_INFO` -> `[.., prev, exc]`, the finally body, `RERAISE`; the finally body
//!   and that `RERAISE` are covered by `(C, d + 1)` with `C` as above.
//! - `with`: `<mgr> BEFORE_WITH` gives `[.., exit, value]`; storing `value` and the
//!   body are covered by `(W, d + 1)` (the depth with `exit` on the stack). Normal
//!   exit: `LOAD_CONST None` x3, `CALL 3`, `POP_TOP`. At `W`: `[.., exit, exc]`,
//!   `PUSH_EXC_INFO` -> `[.., exit, prev, exc]`, `WITH_EXCEPT_START` ->
//!   `[.., exit, prev, exc, res]`, `POP_JUMP_IF_TRUE S`, `RERAISE`; those three are
//!   covered by `(C, d + 2)`. At `S` (exit returned true): `POP_TOP` (exc),
//!   `POP_EXCEPT`, `POP_TOP` (exit), then the code after the statement.
//! - `return`/`break`/`continue` leaving these blocks first run what the block needs
//!   (finally bodies inline, `exit(None, None, None)`, `POP_EXCEPT`, popping a `for`
//!   iterator; a returned value stays on top, moved with `SWAP 2`), covered by the
//!   handlers outside the blocks they leave.
//! - `yield from`: `GET_YIELD_FROM_ITER`, `LOAD_CONST None`, `S: SEND exit`,
//!   `YIELD_VALUE`, `JUMP S` (not JUMP_BACKWARD: this loop must not count as hot).
//!   While suspended there the receiver is on top of the frame's stack.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigUint;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::{self as ast, Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{
    self as parser, InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, ParseOptions, Parsed,
    UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashMap;

use crate::bytecode::{flags, BinOp, CmpOp, CodeObject, Const, ExcEntry, Instr, Op};
use crate::symtable::{self, mangle, CompKind, NameScope, ScopeId, ScopeKind, SymbolTable, SymtableError};

/// What the source is compiled as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` input: a sequence of statements.
    Exec,
    /// A single expression (`eval`); the code returns its value.
    Eval,
    /// One REPL input: like `Exec`, but top-level expression statements print their
    /// value (PRINT_EXPR).
    Single,
}

/// The exception class a [`CompileError`] becomes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl CompileErrorKind {
    /// The Python exception class name.
    pub fn name(self) -> &'static str {
        match self {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error, located as CPython reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters; 0 when CPython shows no caret line (errors at
    /// the very end of a file).
    pub col: u32,
    /// 1-based column (exclusive) where the offending text ends, on the same line.
    pub end_col: u32,
    /// The source line (without its line terminator).
    pub text: Option<String>,
}

impl fmt::Display for CompileError {
    /// CPython 3.11's layout for an uncaught SyntaxError (pythonrun.c `print_error_text`,
    /// without the "Traceback" header): the line with its indentation stripped, then
    /// `end_col - col` carets (at least one; exactly one for IndentationError and
    /// TabError) under `col`, or no caret line when `col` points into the stripped
    /// indentation (or is 0).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        if let Some(text) = &self.text {
            let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
            let skipped = (text.chars().count() - trimmed.chars().count()) as i64;
            let shown = trimmed.trim_end_matches(['\n', '\r']);
            let len = shown.chars().count() as i64;
            writeln!(f, "    {}", shown)?;
            let offset = (self.col as i64 - 1 - skipped).min(len);
            if offset >= 0 {
                // Only SyntaxError itself shows its end column; subclasses get one caret.
                let end = self.end_col.min(text.chars().count() as u32 + 2);
                let carets = if self.kind == CompileErrorKind::SyntaxError && end > self.col {
                    (end - self.col) as usize
                } else {
                    1
                };
                writeln!(f, "    {}{}", " ".repeat(offset as usize), "^".repeat(carets))?;
            }
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for CompileError {}

/// Compiles `source` (read from `filename`) into a code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let src = Source::new(source, filename);
    if let Some(pos) = source.find('\0') {
        // CPython words this differently for files and for strings (`<string>`).
        let from_string = filename.starts_with('<');
        let msg = if from_string {
            "source code string cannot contain null bytes"
        } else {
            "source code cannot contain null bytes"
        };
        let mut e = src.error(CompileErrorKind::SyntaxError, msg, pos, pos);
        e.line = 1;
        e.col = 0;
        e.end_col = 0;
        e.text = if from_string { None } else { Some(String::new()) };
        return Err(e);
    }
    let scan = prescan(&src);
    if let Some(e) = &scan.fatal {
        return Err(src.error(e.kind, &e.msg, e.start, e.end));
    }
    let parse_mode = match mode {
        Mode::Eval => parser::Mode::Expression,
        Mode::Exec | Mode::Single => parser::Mode::Module,
    };
    let options = ParseOptions::from(parse_mode).with_target_version(PythonVersion::PY311);
    let parsed = parser::parse_unchecked(source, options);
    let result = if !parsed.errors().is_empty() {
        Err(src.parse_error(&parsed, &scan))
    } else if let Some(e) = src.unsupported_syntax(&parsed) {
        Err(e)
    } else {
        match parsed.syntax() {
            Mod::Module(m) => compile_module(&src, &m.body, mode),
            Mod::Expression(e) => compile_expression(&src, &e.body),
        }
    };
    dismantle(parsed.into_syntax());
    result
}

// ---------------------------------------------------------------------------------------
// Source positions
// ---------------------------------------------------------------------------------------

/// The source text with a line index (line starts by byte offset; `\n`, `\r\n` and `\r`
/// end lines).
struct Source<'s> {
    text: &'s str,
    filename: String,
    line_starts: Vec<usize>,
}

impl<'s> Source<'s> {
    fn new(text: &'s str, filename: &str) -> Source<'s> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Source { text, filename: filename.to_string(), line_starts }
    }

    /// Clamps a byte offset into the text, on a character boundary.
    fn clamp(&self, off: usize) -> usize {
        let mut off = off.min(self.text.len());
        while off > 0 && !self.text.is_char_boundary(off) {
            off -= 1;
        }
        off
    }

    /// 0-based index of the line containing `off`.
    fn line_index(&self, off: usize) -> usize {
        let off = self.clamp(off);
        self.line_starts.partition_point(|&s| s <= off).saturating_sub(1)
    }

    /// 1-based line number of `off`.
    fn line_no(&self, off: usize) -> u32 {
        self.line_index(off) as u32 + 1
    }

    /// The text of the 0-based line `idx`, without its terminator.
    fn line_text(&self, idx: usize) -> &'s str {
        let start = self.line_starts.get(idx).copied().unwrap_or(self.text.len());
        let end = self.line_starts.get(idx + 1).copied().unwrap_or(self.text.len());
        let start = self.clamp(start);
        let end = self.clamp(end).max(start);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// 1-based character column of `off` within its line.
    fn col(&self, off: usize) -> u32 {
        let off = self.clamp(off);
        let start = self.line_starts[self.line_index(off)].min(off);
        self.text[start..off].chars().count() as u32 + 1
    }

    fn slice(&self, range: TextRange) -> &'s str {
        let start = self.clamp(range.start().to_usize());
        let end = self.clamp(range.end().to_usize()).max(start);
        &self.text[start..end]
    }

    fn error(&self, kind: CompileErrorKind, msg: &str, start: usize, end: usize) -> CompileError {
        let start = self.clamp(start);
        let end = self.clamp(end).max(start);
        let idx = self.line_index(start);
        let text = self.line_text(idx);
        let col = self.col(start);
        let end_col = if kind != CompileErrorKind::SyntaxError {
            // CPython shows a single caret for IndentationError and TabError.
            col + 1
        } else if self.line_index(end) == idx && end > start {
            self.col(end)
        } else if end > start {
            text.chars().count() as u32 + 1
        } else {
            col + 1
        };
        CompileError {
            kind,
            msg: msg.to_string(),
            filename: self.filename.clone(),
            line: idx as u32 + 1,
            col,
            end_col: end_col.max(col + 1),
            text: Some(text.to_string()),
        }
    }

    fn syntax_error(&self, msg: &str, range: TextRange) -> CompileError {
        self.error(CompileErrorKind::SyntaxError, msg, range.start().to_usize(), range.end().to_usize())
    }
}

// ---------------------------------------------------------------------------------------
// Pre-scan: CPython's tokenizer-level checks
// ---------------------------------------------------------------------------------------

/// CPython's tokenizer limit on open brackets (MAXLEVEL).
const MAX_PAREN_LEVEL: usize = 200;
/// CPython's tokenizer limit on indentation levels (MAXINDENT).
const MAX_INDENT_LEVEL: usize = 100;

#[derive(Clone, Debug)]
struct ScanError {
    kind: CompileErrorKind,
    msg: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Default)]
struct Scan {
    /// An error reported even when the parser would accept the input (too deep nesting).
    fatal: Option<ScanError>,
    /// The first tokenizer-level error; preferred over the parser's message when the
    /// parser fails too.
    error: Option<ScanError>,
    /// Brackets still open at the end of the input: (bracket, byte offset).
    unclosed: Vec<(u8, usize)>,
}

struct Scanner<'a, 's> {
    src: &'a Source<'s>,
    b: &'s [u8],
    i: usize,
    brackets: Vec<(u8, usize)>,
    indents: Vec<(u32, u32)>,
}

fn scan_error(kind: CompileErrorKind, msg: String, start: usize, end: usize) -> ScanError {
    ScanError { kind, msg, start, end }
}

fn is_string_prefix(word: &str) -> Option<(bool, bool)> {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "r" => Some((true, false)),
        "u" | "b" => Some((false, false)),
        "br" | "rb" => Some((true, false)),
        "f" | "t" => Some((false, true)),
        "fr" | "rf" | "tr" | "rt" => Some((true, true)),
        _ => None,
    }
}

fn prescan(src: &Source<'_>) -> Scan {
    let mut s = Scanner { src, b: src.text.as_bytes(), i: 0, brackets: Vec::new(), indents: vec![(0, 0)] };
    if src.text.starts_with('\u{feff}') {
        s.i = 3;
    }
    let mut scan = Scan::default();
    match s.run() {
        Ok(()) => {}
        Err((e, fatal)) => {
            if fatal {
                scan.fatal = Some(e);
            } else {
                scan.error = Some(e);
            }
        }
    }
    scan.unclosed = s.brackets;
    scan
}

type ScanResult<T = ()> = Result<T, (ScanError, bool)>;

impl Scanner<'_, '_> {
    fn peek(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        if i < self.b.len() && self.src.text.is_char_boundary(i) {
            self.src.text[i..].chars().next()
        } else {
            None
        }
    }

    fn run(&mut self) -> ScanResult {
        let mut at_line_start = true;
        while self.i < self.b.len() {
            if at_line_start {
                at_line_start = false;
                if self.brackets.is_empty() {
                    self.indentation()?;
                    continue;
                }
            }
            let c = self.b[self.i];
            match c {
                b'#' => {
                    while let Some(c) = self.peek(0) {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                b'\n' | b'\r' => {
                    self.i += 1;
                    if c == b'\r' && self.peek(0) == Some(b'\n') {
                        self.i += 1;
                    }
                    if self.brackets.is_empty() {
                        at_line_start = true;
                    }
                }
                b'\\' => {
                    self.i += 1;
                    match self.peek(0) {
                        Some(b'\r') => {
                            self.i += 1;
                            if self.peek(0) == Some(b'\n') {
                                self.i += 1;
                            }
                        }
                        Some(b'\n') => self.i += 1,
                        _ => {}
                    }
                }
                b'(' | b'[' | b'{' => {
                    self.brackets.push((c, self.i));
                    if self.brackets.len() > MAX_PAREN_LEVEL {
                        return Err((
                            scan_error(
                                CompileErrorKind::SyntaxError,
                                "too many nested parentheses".into(),
                                self.i,
                                self.i + 1,
                            ),
                            true,
                        ));
                    }
                    self.i += 1;
                }
                b')' | b']' | b'}' => {
                    let open = match c {
                        b')' => b'(',
                        b']' => b'[',
                        _ => b'{',
                    };
                    match self.brackets.pop() {
                        None => {
                            return Err((
                                scan_error(
                                    CompileErrorKind::SyntaxError,
                                    format!("unmatched '{}'", c as char),
                                    self.i,
                                    self.i + 1,
                                ),
                                false,
                            ))
                        }
                        Some((o, pos)) if o != open => {
                            let same_line = self.src.line_no(pos) == self.src.line_no(self.i);
                            let msg = if same_line {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    c as char, o as char
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    c as char,
                                    o as char,
                                    self.src.line_no(pos)
                                )
                            };
                            return Err((scan_error(CompileErrorKind::SyntaxError, msg, self.i, self.i + 1), false));
                        }
                        Some(_) => {}
                    }
                    self.i += 1;
                }
                b'"' | b'\'' => {
                    let start = self.i;
                    self.string(start, false, false, 0)?;
                }
                b'0'..=b'9' => self.number()?,
                b'.' if matches!(self.peek(1), Some(b'0'..=b'9')) => self.number()?,
                _ if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => self.word()?,
                _ => self.i += 1,
            }
        }
        Ok(())
    }

    /// Checks the indentation of a new logical line (CPython's tab/space consistency
    /// rules: columns with tab size 8 and with tab size 1 must order the same way).
    fn indentation(&mut self) -> ScanResult {
        let line_start = self.i;
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.peek(0) {
                Some(b' ') => {
                    col += 1;
                    alt += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                Some(0x0c) => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.i += 1;
        }
        if matches!(self.peek(0), None | Some(b'#') | Some(b'\n') | Some(b'\r') | Some(b'\\')) {
            return Ok(());
        }
        let here = self.i;
        let tab_error = |start: usize| {
            Err((
                scan_error(
                    CompileErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation".into(),
                    start,
                    start,
                ),
                false,
            ))
        };
        let (top_col, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top_col {
            if alt != top_alt {
                return tab_error(line_start);
            }
        } else if col > top_col {
            if self.indents.len() >= MAX_INDENT_LEVEL {
                return Err((
                    scan_error(CompileErrorKind::IndentationError, "too many levels of indentation".into(), here, here),
                    false,
                ));
            }
            if alt <= top_alt {
                return tab_error(line_start);
            }
            self.indents.push((col, alt));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
            }
            let (top_col, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top_col {
                let idx = self.src.line_index(here);
                let eol = self.src.line_starts[idx] + self.src.line_text(idx).len();
                return Err((
                    scan_error(
                        CompileErrorKind::IndentationError,
                        "unindent does not match any outer indentation level".into(),
                        eol,
                        eol,
                    ),
                    false,
                ));
            }
            if alt != top_alt {
                return tab_error(line_start);
            }
        }
        Ok(())
    }

    fn word(&mut self) -> ScanResult {
        let start = self.i;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c == b'_' || c.is_ascii_alphanumeric() {
                self.i += 1;
            } else if c >= 0x80 {
                let Some(ch) = self.char_at(self.i) else {
                    self.i += 1;
                    continue;
                };
                if ch.is_alphanumeric() || ch == '_' {
                    self.i += ch.len_utf8();
                } else if self.i == start {
                    let msg = if ch.is_whitespace() || ch.is_control() {
                        format!("invalid non-printable character U+{:04X}", ch as u32)
                    } else {
                        format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                    };
                    return Err((scan_error(CompileErrorKind::SyntaxError, msg, start, start), false));
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if matches!(self.peek(0), Some(b'"') | Some(b'\'')) {
            if let Some((raw, fmt)) = is_string_prefix(&self.src.text[start..self.i]) {
                return self.string(start, raw, fmt, 0);
            }
        }
        Ok(())
    }

    fn number(&mut self) -> ScanResult {
        let start = self.i;
        // Consumes digits with single `_` separators; false if a `_` is not followed
        // by a digit.
        let digits = |s: &mut Self, ok: fn(u8) -> bool| -> bool {
            while let Some(c) = s.peek(0) {
                if ok(c) {
                    s.i += 1;
                } else if c == b'_' {
                    if !s.peek(1).is_some_and(ok) {
                        return false;
                    }
                    s.i += 1;
                } else {
                    break;
                }
            }
            true
        };
        let bad = |s: &Self, kind: &str| {
            Err((scan_error(CompileErrorKind::SyntaxError, format!("invalid {} literal", kind), s.i, s.i), false))
        };
        let mut kind = "decimal";
        let radix: Option<(&str, fn(u8) -> bool)> = match (self.peek(0), self.peek(1)) {
            (Some(b'0'), Some(b'x' | b'X')) => Some(("hexadecimal", |c: u8| c.is_ascii_hexdigit())),
            (Some(b'0'), Some(b'o' | b'O')) => Some(("octal", |c: u8| (b'0'..=b'7').contains(&c))),
            (Some(b'0'), Some(b'b' | b'B')) => Some(("binary", |c: u8| c == b'0' || c == b'1')),
            _ => None,
        };
        if let Some((name, ok)) = radix {
            self.i += 2;
            kind = name;
            if self.peek(0) == Some(b'_') {
                self.i += 1;
            }
            if !self.peek(0).is_some_and(ok) {
                self.i -= 1;
                return bad(self, kind);
            }
            if !digits(self, ok) {
                return bad(self, kind);
            }
            if self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                return bad(self, kind);
            }
        } else {
            if !digits(self, |c| c.is_ascii_digit()) {
                return bad(self, kind);
            }
            if self.peek(0) == Some(b'.') {
                self.i += 1;
                if !digits(self, |c| c.is_ascii_digit()) {
                    return bad(self, kind);
                }
            }
            if matches!(self.peek(0), Some(b'e' | b'E')) {
                let sign = usize::from(matches!(self.peek(1), Some(b'+' | b'-')));
                if matches!(self.peek(1 + sign), Some(b'0'..=b'9')) {
                    self.i += 1 + sign;
                    if !digits(self, |c| c.is_ascii_digit()) {
                        return bad(self, kind);
                    }
                }
            }
            if matches!(self.peek(0), Some(b'j' | b'J')) {
                self.i += 1;
                kind = "imaginary";
            }
        }
        let rest = &self.b[self.i..];
        let next_is_word = match rest.first() {
            Some(&c) if c == b'_' || c.is_ascii_alphanumeric() => true,
            Some(&c) if c >= 0x80 => self.char_at(self.i).is_some_and(|ch| ch.is_alphanumeric()),
            _ => false,
        };
        if next_is_word {
            const KEYWORDS: [&[u8]; 8] = [b"and", b"else", b"for", b"if", b"in", b"is", b"not", b"or"];
            if !KEYWORDS.iter().any(|k| rest.starts_with(k)) {
                return Err((
                    scan_error(CompileErrorKind::SyntaxError, format!("invalid {} literal", kind), start, start),
                    false,
                ));
            }
        }
        Ok(())
    }

    fn unterminated(&self, start: usize, triple: bool) -> (ScanError, bool) {
        let at_eof = self.i >= self.b.len();
        let pos = if at_eof { self.b.len().saturating_sub(1) } else { self.i };
        let at = self.src.line_no(pos);
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {})", at)
        } else {
            format!("unterminated string literal (detected at line {})", at)
        };
        (scan_error(CompileErrorKind::SyntaxError, msg, start, start), false)
    }

    /// Scans a string literal whose prefix starts at `start` and whose opening quote is at
    /// `self.i` (after any prefix letters).
    fn string(&mut self, start: usize, raw: bool, fmt: bool, depth: usize) -> ScanResult {
        let _ = raw; // a backslash escapes the next character even in raw strings
        let q = self.b[self.i];
        let triple = self.peek(1) == Some(q) && self.peek(2) == Some(q);
        self.i += if triple { 3 } else { 1 };
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.unterminated(start, triple));
            };
            match c {
                b'\\' => {
                    self.i += 1;
                    if fmt && matches!(self.peek(0), Some(b'{' | b'}')) {
                        continue;
                    }
                    match self.peek(0) {
                        Some(b'\r') => {
                            self.i += 1;
                            if self.peek(0) == Some(b'\n') {
                                self.i += 1;
                            }
                        }
                        Some(_) => self.i += 1,
                        None => {}
                    }
                }
                b'\n' | b'\r' if !triple => return Err(self.unterminated(start, false)),
                _ if c == q => {
                    if !triple {
                        self.i += 1;
                        return Ok(());
                    }
                    if self.peek(1) == Some(q) && self.peek(2) == Some(q) {
                        self.i += 3;
                        return Ok(());
                    }
                    self.i += 1;
                }
                b'{' if fmt => {
                    if self.peek(1) == Some(b'{') {
                        self.i += 2;
                    } else {
                        self.i += 1;
                        self.fstring_field(start, q, triple, depth + 1)?;
                    }
                }
                _ => self.i += 1,
            }
        }
    }

    /// Scans an f-string replacement field after its `{` (PEP 701 rules: any quotes may
    /// appear inside), up to and including the closing `}`.
    fn fstring_field(&mut self, start: usize, q: u8, triple: bool, depth: usize) -> ScanResult {
        if depth > MAX_PAREN_LEVEL {
            return Err((
                scan_error(
                    CompileErrorKind::SyntaxError,
                    "f-string: expressions nested too deeply".into(),
                    start,
                    start,
                ),
                false,
            ));
        }
        let mut nest = 0usize;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.unterminated(start, triple));
            };
            match c {
                b'"' | b'\'' => {
                    if c == q && !triple && nest == 0 {
                        // The enclosing string ends here (an unclosed field): let the
                        // string scanner see the quote.
                        return Ok(());
                    }
                    let s = self.i;
                    self.string(s, false, false, depth)?;
                }
                b'(' | b'[' | b'{' => {
                    nest += 1;
                    self.i += 1;
                }
                b')' | b']' => {
                    nest = nest.saturating_sub(1);
                    self.i += 1;
                }
                b'}' => {
                    self.i += 1;
                    if nest == 0 {
                        return Ok(());
                    }
                    nest -= 1;
                }
                b':' if nest == 0 => {
                    self.i += 1;
                    return self.format_spec(start, q, triple, depth);
                }
                b'#' => {
                    while let Some(c) = self.peek(0) {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                _ if c == b'_' || c.is_ascii_alphabetic() => {
                    let s = self.i;
                    while matches!(self.peek(0), Some(c) if c == b'_' || c.is_ascii_alphanumeric()) {
                        self.i += 1;
                    }
                    if matches!(self.peek(0), Some(b'"' | b'\'')) {
                        if let Some((raw, fmt)) = is_string_prefix(&self.src.text[s..self.i]) {
                            self.string(s, raw, fmt, depth)?;
                        }
                    }
                }
                _ => self.i += 1,
            }
        }
    }

    /// Scans a format spec (literal text with nested fields) up to the field's `}`.
    fn format_spec(&mut self, start: usize, q: u8, triple: bool, depth: usize) -> ScanResult {
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.unterminated(start, triple));
            };
            match c {
                b'{' => {
                    self.i += 1;
                    self.fstring_field(start, q, triple, depth + 1)?;
                }
                b'}' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' => self.i += 2,
                b'\n' | b'\r' if !triple => return Err(self.unterminated(start, false)),
                _ if c == q => return Ok(()),
                _ => self.i += 1,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Parse errors: ruff's diagnostics mapped to CPython's messages
// ---------------------------------------------------------------------------------------

/// CPython's name for an expression kind in "cannot assign to ..." messages.
fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

fn fstring_error_message(e: &InterpolatedStringErrorType) -> String {
    match e {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".into(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".into(),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses".into()
        }
        InterpolatedStringErrorType::UnterminatedString => "unterminated string literal".into(),
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            "unterminated triple-quoted string literal".into()
        }
        other => format!("f-string: {}", other),
    }
}

impl Source<'_> {
    /// The most CPython-like error for a failed parse.
    fn parse_error(&self, parsed: &Parsed<Mod>, scan: &Scan) -> CompileError {
        if let Some(e) = &scan.error {
            return self.error(e.kind, &e.msg, e.start, e.end);
        }
        let errors = parsed.errors();
        let Some(first) = errors.iter().min_by_key(|e| e.location.start()) else {
            return self.error(CompileErrorKind::SyntaxError, "invalid syntax", 0, 0);
        };
        if let Some(&(bracket, pos)) = scan.unclosed.last() {
            let err_off = first.location.start().to_usize();
            let at_eof = self.text[self.clamp(err_off)..].trim().is_empty()
                || matches!(first.error, ParseErrorType::Lexical(LexicalErrorType::Eof));
            if at_eof || self.line_no(err_off) > self.line_no(pos) {
                return self.error(
                    CompileErrorKind::SyntaxError,
                    &format!("'{}' was never closed", bracket as char),
                    pos,
                    pos,
                );
            }
        }
        if let Some(e) = errors.iter().find(|e| {
            matches!(e.error, ParseErrorType::Lexical(_))
                && !matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
        }) {
            return self.map_parse_error(e, parsed.tokens());
        }
        self.map_parse_error(first, parsed.tokens())
    }

    fn map_parse_error(&self, e: &ParseError, tokens: &Tokens) -> CompileError {
        let err = self.map_parse_error_inner(e, tokens);
        if e.location.start().to_usize() >= self.text.len() {
            // Errors found at the very end of a file are shown without a caret.
            return CompileError { col: 0, end_col: 0, ..err };
        }
        err
    }

    fn map_parse_error_inner(&self, e: &ParseError, tokens: &Tokens) -> CompileError {
        use CompileErrorKind::{IndentationError, SyntaxError};
        let range = e.location;
        let mut start = range.start().to_usize();
        let mut end = range.end().to_usize();
        if self.text[self.clamp(start)..].trim().is_empty() {
            // At the end of the input CPython points at the end of the last line.
            let last = self.text.trim_end().len();
            let idx = self.line_index(last.saturating_sub(1));
            start = self.line_starts[idx] + self.line_text(idx).len();
            end = start;
        }
        let toks: &[ruff_python_ast::token::Token] = tokens;
        let at = toks.partition_point(|t| t.end().to_usize() <= start);
        // CPython 3.11 reports f-string errors just past the whole f-string.
        let fstring_end = || {
            toks[at.min(toks.len())..]
                .iter()
                .find(|t| t.kind() == TokenKind::FStringEnd)
                .map_or(end, |t| t.end().to_usize())
        };
        if toks.get(at).is_some_and(|t| t.kind() == TokenKind::FStringEnd && t.start().to_usize() == start) {
            let e = fstring_end();
            return self.error(SyntaxError, "f-string: expecting '}'", e, e);
        }
        if toks.get(at).is_some_and(|t| t.kind() == TokenKind::Rbrace)
            && at > 0
            && toks[at - 1].kind() == TokenKind::Lbrace
            && toks[..at].iter().rev().any(|t| matches!(t.kind(), TokenKind::FStringStart | TokenKind::FStringMiddle))
        {
            let e = fstring_end();
            return self.error(SyntaxError, "f-string: empty expression not allowed", e, e);
        }
        if let ParseErrorType::FStringError(f) | ParseErrorType::Lexical(LexicalErrorType::FStringError(f)) = &e.error {
            let e = fstring_end();
            return self.error(SyntaxError, &fstring_error_message(f), e, e);
        }
        let simple = |msg: &str| self.error(SyntaxError, msg, start, end);
        let target_kind = || -> &'static str {
            match parser::parse_expression(&format!("({})", self.slice(range).trim())) {
                Ok(p) => {
                    let kind = expr_kind_name(p.expr());
                    dismantle(Mod::Expression(p.into_syntax()));
                    kind
                }
                Err(_) => "expression",
            }
        };
        match &e.error {
            ParseErrorType::Lexical(lex) => match lex {
                LexicalErrorType::IndentationError => {
                    let idx = self.line_index(start);
                    let pos = self.line_starts[idx] + self.line_text(idx).len();
                    self.error(IndentationError, "unindent does not match any outer indentation level", pos, pos)
                }
                LexicalErrorType::UnclosedStringError => {
                    simple(&format!("unterminated string literal (detected at line {})", self.line_no(start)))
                }
                LexicalErrorType::UnrecognizedToken { tok } => {
                    let c = *tok;
                    if c.is_ascii() {
                        simple("invalid syntax")
                    } else if c.is_whitespace() || c.is_control() {
                        simple(&format!("invalid non-printable character U+{:04X}", c as u32))
                    } else {
                        simple(&format!("invalid character '{}' (U+{:04X})", c, c as u32))
                    }
                }
                LexicalErrorType::LineContinuationError => {
                    simple("unexpected character after line continuation character")
                }
                LexicalErrorType::Eof => simple("unexpected EOF while parsing"),
                LexicalErrorType::InvalidByteLiteral => simple("bytes can only contain ASCII literal characters"),
                LexicalErrorType::FStringError(f) | LexicalErrorType::TStringError(f) => {
                    simple(&fstring_error_message(f))
                }
                LexicalErrorType::UnicodeError
                | LexicalErrorType::MissingUnicodeLbrace
                | LexicalErrorType::MissingUnicodeRbrace => {
                    simple("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape")
                }
                LexicalErrorType::OtherError(m) if m.contains("decimal integer literal") => self.error(
                    SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start,
                    start + 1,
                ),
                _ => simple("invalid syntax"),
            },
            ParseErrorType::UnexpectedIndentation => {
                // CPython points at the last character of the indentation.
                let line_start = self.line_starts[self.line_index(start)];
                let text = self.line_text(self.line_index(start));
                let ws = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
                let pos = line_start + ws.saturating_sub(1);
                self.error(IndentationError, "unexpected indent", pos, pos)
            }
            ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after ") => {
                let clause = &m["Expected an indented block after ".len()..];
                let clause = match clause {
                    "`if` statement" => "'if' statement",
                    "`else` clause" => "'else' statement",
                    "`elif` clause" => "'elif' statement",
                    "`for` statement" => "'for' statement",
                    "`with` statement" => "'with' statement",
                    "`class` definition" => "class definition",
                    "`while` statement" => "'while' statement",
                    "function definition" => "function definition",
                    "`case` block" => "'case' statement",
                    "`try` statement" => "'try' statement",
                    "`except` clause" => "'except' statement",
                    "`finally` clause" => "'finally' statement",
                    other => other,
                };
                let header = self.header_line(tokens, start);
                let mut e = self.error(
                    IndentationError,
                    &format!("expected an indented block after {} on line {}", clause, header),
                    start,
                    end,
                );
                if e.line == header {
                    // Nothing follows the header: CPython shows no caret.
                    e.col = 0;
                    e.end_col = 0;
                }
                e
            }
            ParseErrorType::ExpectedToken { expected, found } => match expected {
                TokenKind::Colon => simple("expected ':'"),
                TokenKind::Else => simple("expected 'else' after 'if' expression"),
                TokenKind::Comma
                    if matches!(
                        found,
                        TokenKind::Name
                            | TokenKind::Int
                            | TokenKind::Float
                            | TokenKind::Complex
                            | TokenKind::String
                            | TokenKind::FStringStart
                            | TokenKind::Lpar
                            | TokenKind::Lsqb
                            | TokenKind::Lbrace
                            | TokenKind::True
                            | TokenKind::False
                            | TokenKind::None
                    ) =>
                {
                    let prev = self.previous_token_start(tokens, start).unwrap_or(start);
                    self.error(SyntaxError, "invalid syntax. Perhaps you forgot a comma?", prev, end)
                }
                TokenKind::Lpar if *found == TokenKind::Colon => simple("expected '('"),
                _ => simple("invalid syntax"),
            },
            ParseErrorType::SimpleStatementsOnSameLine => {
                if let Some(e) = self.missing_print_parens(tokens, start) {
                    return e;
                }
                simple("invalid syntax")
            }
            ParseErrorType::InvalidAssignmentTarget => {
                let kind = target_kind();
                if matches!(kind, "None" | "True" | "False") {
                    return simple(&format!("cannot assign to {}", kind));
                }
                if kind == "yield expression" {
                    return simple("assignment to yield expression not possible");
                }
                let line_start = self.line_starts[self.line_index(start)];
                let before = &self.text[self.clamp(line_start)..self.clamp(start)];
                let after = self.text[self.clamp(end)..].trim_start_matches([' ', '\t']);
                if before.trim().is_empty() && after.starts_with('=') && !after.starts_with("==") {
                    simple(&format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", kind))
                } else {
                    simple(&format!("cannot assign to {}", kind))
                }
            }
            ParseErrorType::InvalidDeleteTarget => simple(&format!("cannot delete {}", target_kind())),
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                simple(&format!("'{}' is an illegal expression for augmented assignment", target_kind()))
            }
            ParseErrorType::InvalidAnnotatedAssignmentTarget => simple("illegal target for annotation"),
            ParseErrorType::InvalidNamedAssignmentTarget => {
                simple(&format!("cannot use assignment expressions with {}", target_kind()))
            }
            ParseErrorType::PositionalAfterKeywordArgument => simple("positional argument follows keyword argument"),
            ParseErrorType::PositionalAfterKeywordUnpacking => {
                simple("positional argument follows keyword argument unpacking")
            }
            ParseErrorType::InvalidArgumentUnpackingOrder => {
                simple("iterable argument unpacking follows keyword argument unpacking")
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => simple("Generator expression must be parenthesized"),
            ParseErrorType::NonDefaultParamAfterDefaultParam => simple("non-default argument follows default argument"),
            ParseErrorType::ParamAfterVarKeywordParam => simple("arguments cannot follow var-keyword argument"),
            ParseErrorType::VarParameterWithDefault => simple("var-positional argument cannot have default value"),
            ParseErrorType::ExpectedKeywordParam => simple("named arguments must follow bare *"),
            ParseErrorType::InvalidStarredExpressionUsage => {
                let after_operator = at > 0
                    && toks.get(at - 1).is_some_and(|t| {
                        t.kind().as_binary_operator().is_some()
                            || matches!(t.kind(), TokenKind::Not | TokenKind::Tilde | TokenKind::And | TokenKind::Or)
                    });
                if after_operator {
                    self.error(SyntaxError, "invalid syntax", start, start + 1)
                } else {
                    simple("can't use starred expression here")
                }
            }
            ParseErrorType::IterableUnpackingInComprehension => {
                simple("iterable unpacking cannot be used in comprehension")
            }
            ParseErrorType::FStringError(f) | ParseErrorType::TStringError(f) => simple(&fstring_error_message(f)),
            ParseErrorType::OtherError(m) if m.contains("mixed with non-bytes") || m.contains("cannot be mixed") => {
                self.error(SyntaxError, "cannot mix bytes and nonbytes literals", end, end)
            }
            ParseErrorType::OtherError(m) if m.starts_with("Expected `except` or `finally`") => {
                simple("expected 'except' or 'finally' block")
            }
            _ => simple("invalid syntax"),
        }
    }

    /// The line of the compound statement header whose block is missing: the start of
    /// the logical line holding the last `:` before `off`.
    fn header_line(&self, tokens: &Tokens, off: usize) -> u32 {
        let toks: &[ruff_python_ast::token::Token] = tokens;
        let before = toks.partition_point(|t| t.start().to_usize() < off);
        let Some(colon) = toks[..before].iter().rposition(|t| t.kind() == TokenKind::Colon) else {
            return self.line_no(off);
        };
        let boundary = toks[..colon]
            .iter()
            .rposition(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent));
        let first = toks[boundary.map_or(0, |b| b + 1)..=colon]
            .iter()
            .find(|t| !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
            .map_or(toks[colon].start(), |t| t.start());
        self.line_no(first.to_usize())
    }

    fn previous_token_start(&self, tokens: &Tokens, off: usize) -> Option<usize> {
        let toks: &[ruff_python_ast::token::Token] = tokens;
        let before = toks.partition_point(|t| t.start().to_usize() < off);
        toks[..before]
            .iter()
            .rev()
            .find(|t| !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
            .map(|t| t.start().to_usize())
    }

    /// `print 'x'`: CPython's special message for Python 2 print/exec statements.
    fn missing_print_parens(&self, tokens: &Tokens, off: usize) -> Option<CompileError> {
        let toks: &[ruff_python_ast::token::Token] = tokens;
        let before = toks.partition_point(|t| t.start().to_usize() < off);
        let prev = before.checked_sub(1)?;
        let t = toks[prev];
        if t.kind() != TokenKind::Name {
            return None;
        }
        let word = self.slice(t.range());
        if word != "print" && word != "exec" {
            return None;
        }
        let at_line_start = prev == 0
            || matches!(
                toks[prev - 1].kind(),
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi
            );
        if !at_line_start {
            return None;
        }
        let start = t.start().to_usize();
        let idx = self.line_index(start);
        let end = self.line_starts[idx] + self.line_text(idx).len();
        Some(self.error(
            CompileErrorKind::SyntaxError,
            &format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", word, word),
            start,
            end,
        ))
    }

    /// Syntax the parser accepts but Python 3.11 (or krait) does not.
    fn unsupported_syntax(&self, parsed: &Parsed<Mod>) -> Option<CompileError> {
        let mut errs: Vec<_> = parsed.unsupported_syntax_errors().iter().collect();
        errs.sort_by_key(|e| e.range.start());
        for e in errs {
            let msg = match e.kind {
                UnsupportedSyntaxErrorKind::UnpackingInComprehension(k) => {
                    if format!("{:?}", k) == "DictInDict" {
                        "dict unpacking cannot be used in dict comprehension"
                    } else {
                        "iterable unpacking cannot be used in comprehension"
                    }
                }
                UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
                    "multiple exception types must be parenthesized"
                }
                UnsupportedSyntaxErrorKind::TemplateStrings => "t-strings are not supported by krait",
                UnsupportedSyntaxErrorKind::TypeParameterList | UnsupportedSyntaxErrorKind::TypeParamDefault => {
                    "type parameters are not supported by krait"
                }
                UnsupportedSyntaxErrorKind::TypeAliasStatement => "type aliases are not supported by krait",
                UnsupportedSyntaxErrorKind::LazyImportStatement => "invalid syntax",
                UnsupportedSyntaxErrorKind::ParenthesizedKeywordArgumentName => {
                    "expression cannot contain assignment, perhaps you meant \"==\"?"
                }
                _ => continue,
            };
            return Some(self.syntax_error(msg, e.range));
        }
        None
    }
}

// ---------------------------------------------------------------------------------------
// Dropping the syntax tree without recursion
// ---------------------------------------------------------------------------------------

/// Work lists of detached nodes; each node is emptied of its children before it drops.
#[derive(Default)]
struct Pile {
    stmts: Vec<Stmt>,
    exprs: Vec<Expr>,
    patterns: Vec<ast::Pattern>,
    specs: Vec<ast::InterpolatedStringFormatSpec>,
}

fn hole() -> Expr {
    Expr::NoneLiteral(ast::ExprNoneLiteral::default())
}

fn hole_pattern() -> ast::Pattern {
    ast::Pattern::MatchStar(ast::PatternMatchStar {
        node_index: ast::AtomicNodeIndex::NONE,
        range: TextRange::default(),
        name: None,
    })
}

/// Drops a syntax tree of any depth with bounded stack use (Rust's drop glue recurses
/// once per nesting level, which long operator chains would turn into a stack overflow).
fn dismantle(m: Mod) {
    let mut pile = Pile::default();
    match m {
        Mod::Module(mut m) => pile.stmts.extend(std::mem::take(&mut m.body)),
        Mod::Expression(e) => pile.exprs.push(*e.body),
    }
    loop {
        if let Some(mut s) = pile.stmts.pop() {
            take_stmt(&mut s, &mut pile);
        } else if let Some(mut e) = pile.exprs.pop() {
            take_expr(&mut e, &mut pile);
        } else if let Some(mut p) = pile.patterns.pop() {
            take_pattern(&mut p, &mut pile);
        } else if let Some(mut spec) = pile.specs.pop() {
            take_elements(&mut spec.elements, &mut pile);
        } else {
            break;
        }
    }
}

fn take_box(b: &mut Expr, pile: &mut Pile) {
    pile.exprs.push(std::mem::replace(b, hole()));
}

fn take_opt(b: &mut Option<Box<Expr>>, pile: &mut Pile) {
    if let Some(e) = b.take() {
        pile.exprs.push(*e);
    }
}

fn take_params(p: &mut ast::Parameters, pile: &mut Pile) {
    for p in p.posonlyargs.iter_mut().chain(p.args.iter_mut()).chain(p.kwonlyargs.iter_mut()) {
        take_opt(&mut p.default, pile);
        take_opt(&mut p.parameter.annotation, pile);
    }
    if let Some(v) = p.vararg.as_mut() {
        take_opt(&mut v.annotation, pile);
    }
    if let Some(k) = p.kwarg.as_mut() {
        take_opt(&mut k.annotation, pile);
    }
}

fn take_arguments(a: &mut ast::Arguments, pile: &mut Pile) {
    pile.exprs.extend(std::mem::take(&mut a.args).into_vec());
    for k in a.keywords.iter_mut() {
        take_box(&mut k.value, pile);
    }
}

fn take_type_params(t: &mut Option<Box<ast::TypeParams>>, pile: &mut Pile) {
    if let Some(t) = t.as_mut() {
        for p in t.type_params.iter_mut() {
            match p {
                ast::TypeParam::TypeVar(v) => {
                    take_opt(&mut v.bound, pile);
                    take_opt(&mut v.default, pile);
                }
                ast::TypeParam::TypeVarTuple(v) => take_opt(&mut v.default, pile),
                ast::TypeParam::ParamSpec(v) => take_opt(&mut v.default, pile),
            }
        }
    }
}

fn take_elements(elements: &mut ast::InterpolatedStringElements, pile: &mut Pile) {
    for el in elements.iter_mut() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            take_box(&mut i.expression, pile);
            if let Some(spec) = i.format_spec.take() {
                pile.specs.push(*spec);
            }
        }
    }
}

fn take_comprehensions(gens: &mut [ast::Comprehension], pile: &mut Pile) {
    for g in gens {
        take_box(&mut g.target, pile);
        take_box(&mut g.iter, pile);
        pile.exprs.extend(std::mem::take(&mut g.ifs));
    }
}

fn take_expr(e: &mut Expr, pile: &mut Pile) {
    match e {
        Expr::BoolOp(b) => pile.exprs.extend(std::mem::take(&mut b.values)),
        Expr::Named(n) => {
            take_box(&mut n.target, pile);
            take_box(&mut n.value, pile);
        }
        Expr::BinOp(b) => {
            take_box(&mut b.left, pile);
            take_box(&mut b.right, pile);
        }
        Expr::UnaryOp(u) => take_box(&mut u.operand, pile),
        Expr::Lambda(l) => {
            if let Some(p) = l.parameters.as_mut() {
                take_params(p, pile);
            }
            take_box(&mut l.body, pile);
        }
        Expr::If(i) => {
            take_box(&mut i.test, pile);
            take_box(&mut i.body, pile);
            take_box(&mut i.orelse, pile);
        }
        Expr::Dict(d) => {
            for item in std::mem::take(&mut d.items) {
                if let Some(k) = item.key {
                    pile.exprs.push(k);
                }
                pile.exprs.push(item.value);
            }
        }
        Expr::Set(s) => pile.exprs.extend(std::mem::take(&mut s.elts)),
        Expr::ListComp(c) => {
            take_box(&mut c.elt, pile);
            take_comprehensions(&mut c.generators, pile);
        }
        Expr::SetComp(c) => {
            take_box(&mut c.elt, pile);
            take_comprehensions(&mut c.generators, pile);
        }
        Expr::DictComp(c) => {
            take_opt(&mut c.key, pile);
            take_box(&mut c.value, pile);
            take_comprehensions(&mut c.generators, pile);
        }
        Expr::Generator(c) => {
            take_box(&mut c.elt, pile);
            take_comprehensions(&mut c.generators, pile);
        }
        Expr::Await(a) => take_box(&mut a.value, pile),
        Expr::Yield(y) => take_opt(&mut y.value, pile),
        Expr::YieldFrom(y) => take_box(&mut y.value, pile),
        Expr::Compare(c) => {
            take_box(&mut c.left, pile);
            pile.exprs.extend(std::mem::take(&mut c.comparators).into_vec());
        }
        Expr::Call(c) => {
            take_box(&mut c.func, pile);
            take_arguments(&mut c.arguments, pile);
        }
        Expr::FString(f) => {
            for part in f.value.iter_mut() {
                if let ast::FStringPart::FString(fs) = part {
                    take_elements(&mut fs.elements, pile);
                }
            }
        }
        Expr::TString(t) => {
            for ts in t.value.iter_mut() {
                take_elements(&mut ts.elements, pile);
            }
        }
        Expr::Attribute(a) => take_box(&mut a.value, pile),
        Expr::Subscript(s) => {
            take_box(&mut s.value, pile);
            take_box(&mut s.slice, pile);
        }
        Expr::Starred(s) => take_box(&mut s.value, pile),
        Expr::List(l) => pile.exprs.extend(std::mem::take(&mut l.elts)),
        Expr::Tuple(t) => pile.exprs.extend(std::mem::take(&mut t.elts)),
        Expr::Slice(s) => {
            take_opt(&mut s.lower, pile);
            take_opt(&mut s.upper, pile);
            take_opt(&mut s.step, pile);
        }
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::Name(_)
        | Expr::IpyEscapeCommand(_) => {}
    }
}

fn take_stmt(s: &mut Stmt, pile: &mut Pile) {
    match s {
        Stmt::FunctionDef(f) => {
            for d in f.decorator_list.iter_mut() {
                take_box(&mut d.expression, pile);
            }
            take_type_params(&mut f.type_params, pile);
            take_params(&mut f.parameters, pile);
            take_opt(&mut f.returns, pile);
            pile.stmts.extend(std::mem::take(&mut f.body));
        }
        Stmt::ClassDef(c) => {
            for d in c.decorator_list.iter_mut() {
                take_box(&mut d.expression, pile);
            }
            take_type_params(&mut c.type_params, pile);
            if let Some(a) = c.arguments.as_mut() {
                take_arguments(a, pile);
            }
            pile.stmts.extend(std::mem::take(&mut c.body));
        }
        Stmt::Return(r) => take_opt(&mut r.value, pile),
        Stmt::Delete(d) => pile.exprs.extend(std::mem::take(&mut d.targets)),
        Stmt::TypeAlias(t) => {
            take_box(&mut t.name, pile);
            take_type_params(&mut t.type_params, pile);
            take_box(&mut t.value, pile);
        }
        Stmt::Assign(a) => {
            pile.exprs.extend(std::mem::take(&mut a.targets));
            take_box(&mut a.value, pile);
        }
        Stmt::AugAssign(a) => {
            take_box(&mut a.target, pile);
            take_box(&mut a.value, pile);
        }
        Stmt::AnnAssign(a) => {
            take_box(&mut a.target, pile);
            take_box(&mut a.annotation, pile);
            take_opt(&mut a.value, pile);
        }
        Stmt::For(f) => {
            take_box(&mut f.target, pile);
            take_box(&mut f.iter, pile);
            pile.stmts.extend(std::mem::take(&mut f.body));
            pile.stmts.extend(std::mem::take(&mut f.orelse));
        }
        Stmt::While(w) => {
            take_box(&mut w.test, pile);
            pile.stmts.extend(std::mem::take(&mut w.body));
            pile.stmts.extend(std::mem::take(&mut w.orelse));
        }
        Stmt::If(i) => {
            take_box(&mut i.test, pile);
            pile.stmts.extend(std::mem::take(&mut i.body));
            for clause in std::mem::take(&mut i.elif_else_clauses) {
                if let Some(t) = clause.test {
                    pile.exprs.push(t);
                }
                pile.stmts.extend(clause.body);
            }
        }
        Stmt::With(w) => {
            for item in w.items.iter_mut() {
                take_box(&mut item.context_expr, pile);
                take_opt(&mut item.optional_vars, pile);
            }
            pile.stmts.extend(std::mem::take(&mut w.body));
        }
        Stmt::Match(m) => {
            take_box(&mut m.subject, pile);
            for case in std::mem::take(&mut m.cases) {
                pile.patterns.push(case.pattern);
                if let Some(g) = case.guard {
                    pile.exprs.push(*g);
                }
                pile.stmts.extend(case.body);
            }
        }
        Stmt::Raise(r) => {
            take_opt(&mut r.exc, pile);
            take_opt(&mut r.cause, pile);
        }
        Stmt::Try(t) => {
            pile.stmts.extend(std::mem::take(&mut t.body));
            for h in std::mem::take(&mut t.handlers) {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(ty) = h.type_ {
                    pile.exprs.push(*ty);
                }
                pile.stmts.extend(h.body);
            }
            pile.stmts.extend(std::mem::take(&mut t.orelse));
            pile.stmts.extend(std::mem::take(&mut t.finalbody));
        }
        Stmt::Assert(a) => {
            take_box(&mut a.test, pile);
            take_opt(&mut a.msg, pile);
        }
        Stmt::Expr(e) => take_box(&mut e.value, pile),
        Stmt::Import(_)
        | Stmt::ImportFrom(_)
        | Stmt::Global(_)
        | Stmt::Nonlocal(_)
        | Stmt::Pass(_)
        | Stmt::Break(_)
        | Stmt::Continue(_)
        | Stmt::IpyEscapeCommand(_) => {}
    }
}

fn take_pattern(p: &mut ast::Pattern, pile: &mut Pile) {
    match p {
        ast::Pattern::MatchValue(v) => take_box(&mut v.value, pile),
        ast::Pattern::MatchSingleton(_) | ast::Pattern::MatchStar(_) => {}
        ast::Pattern::MatchSequence(s) => pile.patterns.extend(std::mem::take(&mut s.patterns)),
        ast::Pattern::MatchMapping(m) => {
            pile.exprs.extend(std::mem::take(&mut m.keys));
            pile.patterns.extend(std::mem::take(&mut m.patterns));
        }
        ast::Pattern::MatchClass(c) => {
            take_box(&mut c.cls, pile);
            pile.patterns.extend(std::mem::take(&mut c.arguments.patterns));
            for k in c.arguments.keywords.iter_mut() {
                pile.patterns.push(std::mem::replace(&mut k.pattern, hole_pattern()));
            }
        }
        ast::Pattern::MatchAs(a) => {
            if let Some(inner) = a.pattern.take() {
                pile.patterns.push(*inner);
            }
        }
        ast::Pattern::MatchOr(o) => pile.patterns.extend(std::mem::take(&mut o.patterns)),
    }
}

// ---------------------------------------------------------------------------------------
// Code generation: units, labels, emission
// ---------------------------------------------------------------------------------------

type CResult<T = ()> = Result<T, CompileError>;

/// A jump target; resolved to an instruction index when the unit is finished.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Label(u32);

/// An exception handler: where to go and the stack depth to unwind to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Handler {
    label: Label,
    depth: u32,
}

/// What a `return`/`break`/`continue` must undo when leaving a block.
#[derive(Clone, Debug)]
enum FKind<'a> {
    While { start: Label, exit: Label },
    For { start: Label, exit: Label },
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    HandlerCleanup(Option<&'a str>),
    ExceptionHandler,
    PopValue,
}

/// A "frame block": the blocks enclosing the code being emitted. The innermost block
/// with a handler is the exception handler of every instruction emitted inside it.
#[derive(Clone, Debug)]
struct FBlock<'a> {
    kind: FKind<'a>,
    handler: Option<Handler>,
}

/// A code object under construction.
struct Unit<'a> {
    scope: ScopeId,
    kind: ScopeKind,
    name: String,
    qualname: String,
    first_line: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    handlers: Vec<Option<Handler>>,
    consts: Vec<Const>,
    const_index: FxHashMap<String, u32>,
    names: Vec<String>,
    name_index: FxHashMap<String, u32>,
    varnames: Vec<String>,
    var_index: FxHashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    deref_index: FxHashMap<String, u32>,
    labels: Vec<Option<u32>>,
    label_depth: Vec<Option<i32>>,
    /// Static stack depth at the current emission point.
    depth: i32,
    /// False after an unconditional jump/return/raise until a label with a known
    /// incoming depth is bound; unreachable code is not emitted.
    reachable: bool,
    fblocks: Vec<FBlock<'a>>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    doc: Option<String>,
    private: Option<String>,
}

/// CPython's limit on statically nested blocks (loops, try, with, handlers): it also
/// bounds the code growth from inlining finally bodies on every exit path.
const MAX_STATIC_BLOCKS: usize = 20;

/// Largest code object the compiler produces (inlined finally bodies can otherwise
/// grow exponentially with nesting).
const MAX_INSTRUCTIONS: usize = 8_000_000;

/// Deepest expression/statement nesting the code generator recurses through.
const MAX_COMPILE_NESTING: usize = symtable::MAX_NESTING + 10;

struct Compiler<'a> {
    src: &'a Source<'a>,
    filename: Rc<str>,
    st: SymbolTable,
    u: Unit<'a>,
    stack: Vec<Unit<'a>>,
    line: u32,
    interactive: bool,
    nesting: usize,
    /// Offsets of the `from __future__` imports that are where they may be.
    future_ok: Vec<TextSize>,
    /// `from __future__ import annotations`: annotations are stored as strings.
    future_annotations: bool,
    /// The statement being compiled (for errors found deep inside it).
    stmt_range: TextRange,
}

fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::JumpBackward
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter
            | Op::Send
    )
}

fn is_terminal(op: Op) -> bool {
    matches!(op, Op::Jump | Op::JumpBackward | Op::ReturnValue | Op::RaiseVarargs | Op::Reraise)
}

fn const_key(c: &Const) -> Option<String> {
    match c {
        Const::Code(_) => None,
        _ => Some(format!("{:?}", c)),
    }
}

fn symtable_error(src: &Source<'_>, e: SymtableError) -> CompileError {
    src.syntax_error(&e.msg, e.range)
}

/// `from __future__ import ...` statements allowed at the top of a module: their
/// offsets (after an optional docstring, before any other statement).
fn future_imports(src: &Source<'_>, body: &[Stmt]) -> CResult<Vec<TextSize>> {
    const FEATURES: [&str; 10] = [
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let mut allowed = Vec::new();
    for s in skip_docstring(body) {
        match s {
            Stmt::ImportFrom(i) if i.level == 0 && i.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    if name == "braces" {
                        return Err(src.syntax_error("not a chance", alias.range));
                    }
                    if !FEATURES.contains(&name) {
                        return Err(src.syntax_error(&format!("future feature {} is not defined", name), alias.range));
                    }
                }
                allowed.push(i.range.start());
            }
            _ => break,
        }
    }
    Ok(allowed)
}

fn compile_module(src: &Source<'_>, body: &[Stmt], mode: Mode) -> CResult<CodeObject> {
    let st = SymbolTable::for_module(body).map_err(|e| symtable_error(src, e))?;
    let mut c = Compiler::new(src, st);
    c.future_ok = future_imports(src, body)?;
    c.future_annotations = has_future_annotations(body);
    c.interactive = mode == Mode::Single;
    if has_annotations(body) {
        c.setup_annotations();
    }
    if mode == Mode::Exec {
        if let Some(doc) = docstring(body) {
            c.set_line(body[0].start());
            c.u.doc = Some(doc.to_string());
            c.emit_const(Const::Str(doc.to_string()));
            c.emit_name(Op::StoreName, "__doc__");
        }
        c.body(skip_docstring(body))?;
    } else {
        c.body(body)?;
    }
    c.emit_const(Const::None);
    c.emit(Op::ReturnValue, 0);
    let unit = std::mem::replace(&mut c.u, Unit::placeholder());
    c.finish_unit(unit)
}

fn compile_expression(src: &Source<'_>, body: &Expr) -> CResult<CodeObject> {
    let st = SymbolTable::for_expression(body).map_err(|e| symtable_error(src, e))?;
    let mut c = Compiler::new(src, st);
    c.expr(body)?;
    c.emit(Op::ReturnValue, 0);
    let unit = std::mem::replace(&mut c.u, Unit::placeholder());
    c.finish_unit(unit)
}

/// Whether a module starts with `from __future__ import annotations`.
fn has_future_annotations(body: &[Stmt]) -> bool {
    for s in skip_docstring(body) {
        match s {
            Stmt::ImportFrom(i) if i.level == 0 && i.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                if i.names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => break,
        }
    }
    false
}

/// Whether a module or class body has annotated assignments (outside nested scopes):
/// then it gets an `__annotations__` dict, like CPython's SETUP_ANNOTATIONS.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}

/// The docstring of a body: a leading plain string literal statement.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

fn skip_docstring(body: &[Stmt]) -> &[Stmt] {
    if docstring(body).is_some() {
        &body[1..]
    } else {
        body
    }
}

impl<'a> Unit<'a> {
    fn placeholder() -> Unit<'a> {
        Unit {
            scope: 0,
            kind: ScopeKind::Module,
            name: String::new(),
            qualname: String::new(),
            first_line: 1,
            instrs: Vec::new(),
            lines: Vec::new(),
            handlers: Vec::new(),
            consts: Vec::new(),
            const_index: FxHashMap::default(),
            names: Vec::new(),
            name_index: FxHashMap::default(),
            varnames: Vec::new(),
            var_index: FxHashMap::default(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            deref_index: FxHashMap::default(),
            labels: Vec::new(),
            label_depth: Vec::new(),
            depth: 0,
            reachable: true,
            fblocks: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            doc: None,
            private: None,
        }
    }

    fn new(st: &SymbolTable, scope: ScopeId, name: &str, qualname: String, line: u32) -> Unit<'a> {
        let sc = &st.scopes[scope];
        let mut u = Unit::placeholder();
        u.scope = scope;
        u.kind = sc.kind;
        u.name = name.to_string();
        u.qualname = qualname;
        u.first_line = line;
        u.varnames = sc.varnames();
        for (i, v) in u.varnames.iter().enumerate() {
            u.var_index.insert(v.clone(), i as u32);
        }
        u.cellvars = sc.cellvars();
        u.freevars = sc.freevars();
        for (i, v) in u.cellvars.iter().chain(u.freevars.iter()).enumerate() {
            u.deref_index.entry(v.clone()).or_insert(i as u32);
        }
        u.argcount = sc.argcount;
        u.posonlyargcount = sc.posonlyargcount;
        u.kwonlyargcount = sc.kwonlyargcount;
        u.flags = match sc.kind {
            ScopeKind::Module => flags::MODULE,
            ScopeKind::Class => flags::CLASS_BODY,
            _ => {
                let mut f = 0;
                if sc.has_varargs {
                    f |= flags::VARARGS;
                }
                if sc.has_varkw {
                    f |= flags::VARKEYWORDS;
                }
                if sc.is_generator {
                    f |= flags::GENERATOR;
                }
                f
            }
        };
        u.private = sc.private.clone();
        u
    }

    fn current_handler(&self) -> Option<Handler> {
        self.fblocks.iter().rev().find_map(|b| b.handler)
    }
}

impl<'a> Compiler<'a> {
    fn new(src: &'a Source<'a>, st: SymbolTable) -> Compiler<'a> {
        let root = st.root();
        let u = Unit::new(&st, root, "<module>", "<module>".to_string(), 1);
        Compiler {
            src,
            filename: Rc::from(src.filename.as_str()),
            st,
            u,
            stack: Vec::new(),
            line: 1,
            interactive: false,
            nesting: 0,
            future_ok: Vec::new(),
            future_annotations: false,
            stmt_range: TextRange::default(),
        }
    }

    // ----- errors and positions -----

    fn error(&self, msg: &str, range: TextRange) -> CompileError {
        self.src.syntax_error(msg, range)
    }

    fn internal(&self, what: &str) -> CompileError {
        CompileError {
            kind: CompileErrorKind::SyntaxError,
            msg: format!("internal compiler error: {}", what),
            filename: self.src.filename.clone(),
            line: self.line,
            col: 1,
            end_col: 2,
            text: None,
        }
    }

    fn line_of(&self, off: TextSize) -> u32 {
        self.src.line_no(off.to_usize())
    }

    fn set_line(&mut self, off: TextSize) {
        self.line = self.line_of(off);
    }

    fn enter_nesting(&mut self, range: TextRange) -> CResult {
        self.nesting += 1;
        if self.nesting > MAX_COMPILE_NESTING {
            return Err(self.error(
                "too many nested expressions or statements (maximum recursion depth exceeded during compilation)",
                range,
            ));
        }
        Ok(())
    }

    fn leave_nesting(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    // ----- emission -----

    fn emit(&mut self, op: Op, arg: u32) {
        let u = &mut self.u;
        if !u.reachable {
            return;
        }
        let handler = u.current_handler();
        u.instrs.push(Instr { op, arg });
        u.lines.push(self.line);
        u.handlers.push(handler);
        let (fall, _) = op.stack_effect(arg);
        u.depth += fall;
        if is_terminal(op) {
            u.reachable = false;
        }
    }

    fn new_label(&mut self) -> Label {
        self.u.labels.push(None);
        self.u.label_depth.push(None);
        Label(self.u.labels.len() as u32 - 1)
    }

    fn jump(&mut self, op: Op, target: Label) {
        if !self.u.reachable {
            return;
        }
        let (_, taken) = op.stack_effect(0);
        let d = self.u.depth + taken;
        if let Some(slot) = self.u.label_depth.get_mut(target.0 as usize) {
            if slot.is_none() {
                *slot = Some(d);
            }
        }
        self.emit(op, target.0);
    }

    fn bind(&mut self, label: Label) {
        let pos = self.u.instrs.len() as u32;
        let idx = label.0 as usize;
        if let Some(slot) = self.u.labels.get_mut(idx) {
            *slot = Some(pos);
        }
        let known = self.u.label_depth.get(idx).copied().flatten();
        if !self.u.reachable {
            if let Some(d) = known {
                self.u.depth = d;
                self.u.reachable = true;
            }
        } else if known.is_none() {
            let d = self.u.depth;
            if let Some(slot) = self.u.label_depth.get_mut(idx) {
                *slot = Some(d);
            }
        }
    }

    /// Binds an exception handler's entry: the stack holds `depth` items plus the
    /// exception.
    fn bind_handler(&mut self, label: Label, depth: u32) {
        let idx = label.0 as usize;
        if let Some(slot) = self.u.labels.get_mut(idx) {
            *slot = Some(self.u.instrs.len() as u32);
        }
        if let Some(slot) = self.u.label_depth.get_mut(idx) {
            *slot = Some(depth as i32 + 1);
        }
        self.u.depth = depth as i32 + 1;
        self.u.reachable = true;
    }

    fn push_fblock(&mut self, kind: FKind<'a>, handler: Option<Handler>) -> CResult {
        if self.u.fblocks.len() >= MAX_STATIC_BLOCKS {
            return Err(self.error("too many statically nested blocks", self.stmt_range));
        }
        self.u.fblocks.push(FBlock { kind, handler });
        Ok(())
    }

    fn pop_fblock(&mut self) -> Option<FBlock<'a>> {
        self.u.fblocks.pop()
    }

    fn depth(&self) -> u32 {
        self.u.depth.max(0) as u32
    }

    fn add_const(&mut self, c: Const) -> u32 {
        let u = &mut self.u;
        if let Some(key) = const_key(&c) {
            if let Some(&i) = u.const_index.get(&key) {
                return i;
            }
            let i = u.consts.len() as u32;
            u.consts.push(c);
            u.const_index.insert(key, i);
            i
        } else {
            u.consts.push(c);
            u.consts.len() as u32 - 1
        }
    }

    fn emit_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    fn add_name(&mut self, name: &str) -> u32 {
        let u = &mut self.u;
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn emit_name(&mut self, op: Op, name: &str) {
        let i = self.add_name(name);
        self.emit(op, i);
    }

    fn var_slot(&mut self, name: &str) -> u32 {
        let u = &mut self.u;
        if let Some(&i) = u.var_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.var_index.insert(name.to_string(), i);
        i
    }

    fn deref_slot(&self, name: &str) -> CResult<u32> {
        self.u.deref_index.get(name).copied().ok_or_else(|| self.internal(&format!("no cell for '{}'", name)))
    }

    // ----- units -----

    /// The qualified name of a new function/class/lambda/comprehension named `name`
    /// defined in the current unit.
    fn qualname_for(&self, name: &str, kind: ScopeKind) -> String {
        if self.stack.is_empty() && self.u.kind == ScopeKind::Module {
            return name.to_string();
        }
        let parent = &self.u;
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].lookup(&mangled) == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else if parent.kind == ScopeKind::Module {
            name.to_string()
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    #[inline(never)]
    fn enter_unit(&mut self, scope: ScopeId, name: &str, qualname: String, first_line: u32) {
        let unit = Unit::new(&self.st, scope, name, qualname, first_line);
        let parent = std::mem::replace(&mut self.u, unit);
        self.stack.push(parent);
    }

    #[inline(never)]
    fn leave_unit(&mut self) -> CResult<CodeObject> {
        let parent = self.stack.pop().ok_or_else(|| self.internal("unit stack underflow"))?;
        let unit = std::mem::replace(&mut self.u, parent);
        self.finish_unit(unit)
    }

    /// Resolves labels, builds the exception table, checks the stack discipline and
    /// produces the code object.
    #[inline(never)]
    fn finish_unit(&self, u: Unit<'a>) -> CResult<CodeObject> {
        let mut instrs = u.instrs;
        for ins in instrs.iter_mut() {
            if is_jump(ins.op) {
                match u.labels.get(ins.arg as usize).copied().flatten() {
                    Some(pos) => ins.arg = pos,
                    None => return Err(self.internal("jump to an unbound label")),
                }
            }
        }
        let mut exc_table = Vec::new();
        let mut i = 0;
        while i < u.handlers.len() {
            let Some(h) = u.handlers[i] else {
                i += 1;
                continue;
            };
            let start = i;
            while i < u.handlers.len() && u.handlers[i] == Some(h) {
                i += 1;
            }
            let handler = u
                .labels
                .get(h.label.0 as usize)
                .copied()
                .flatten()
                .ok_or_else(|| self.internal("unbound exception handler"))?;
            exc_table.push(ExcEntry { start: start as u32, end: i as u32, handler, depth: h.depth });
        }
        let mut code = CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instrs,
            lines: u.lines,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            exc_table,
            max_stack: 0,
            doc: u.doc,
        };
        match verify_stack(&code) {
            Ok(max) => code.max_stack = max,
            Err(msg) => {
                if cfg!(debug_assertions) {
                    panic!("compiler bug in {} ({}): {}\n{}", code.qualname, self.src.filename, msg, code);
                }
                return Err(self.internal(&msg));
            }
        }
        Ok(code)
    }
}

/// Flow analysis over a code object: every reachable instruction must be reached with
/// one stack depth (following fall-through, jumps and exception edges), the stack must
/// never underflow, exception entries must not be deeper than the stack they protect,
/// loop back-edges must go backwards, code must not fall off the end, and
/// RETURN_VALUE must leave nothing behind. Returns the maximum stack depth.
pub fn verify_stack(code: &CodeObject) -> Result<u32, String> {
    let n = code.instrs.len();
    if n == 0 {
        return Err("empty code".into());
    }
    // The handler of each instruction, as `CodeObject::handler_for` picks it (the
    // narrowest covering entry): paint the entries widest first.
    let mut entries: Vec<&ExcEntry> = code.exc_table.iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.end.saturating_sub(e.start)));
    let mut handler_of: Vec<Option<ExcEntry>> = vec![None; n];
    for e in entries {
        let end = (e.end as usize).min(n);
        for slot in handler_of.iter_mut().take(end).skip(e.start as usize) {
            *slot = Some(*e);
        }
    }
    let mut depth: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<(usize, i32, usize)> = vec![(0, 0, 0)];
    let mut max = 0i32;
    while let Some((pc, d, from)) = work.pop() {
        if pc >= n {
            return Err(format!("instruction {} falls off the end of the code", from));
        }
        if let Some(old) = depth[pc] {
            if old != d {
                return Err(format!("instruction {} reached with stack depths {} and {} (from {})", pc, old, d, from));
            }
            continue;
        }
        if d < 0 {
            return Err(format!("stack underflow at instruction {}", pc));
        }
        depth[pc] = Some(d);
        max = max.max(d);
        let ins = code.instrs[pc];
        let (fall, taken) = ins.op.stack_effect(ins.arg);
        if d + fall < 0 || d + taken < 0 {
            return Err(format!("stack underflow at instruction {} ({})", pc, ins.op.name()));
        }
        max = max.max(d + fall).max(d + taken);
        if let Some(e) = handler_of[pc] {
            if (e.depth as i32) > d {
                return Err(format!(
                    "instruction {} at depth {} is protected by a handler expecting depth {}",
                    pc, d, e.depth
                ));
            }
            work.push((e.handler as usize, e.depth as i32 + 1, pc));
        }
        if ins.op == Op::ReturnValue && d != 1 {
            return Err(format!("RETURN_VALUE at {} with stack depth {}", pc, d));
        }
        if is_jump(ins.op) {
            if ins.op == Op::JumpBackward && ins.arg as usize > pc {
                return Err(format!("JUMP_BACKWARD at {} jumps forward", pc));
            }
            work.push((ins.arg as usize, d + taken, pc));
        }
        if !is_terminal(ins.op) {
            work.push((pc + 1, d + fall, pc));
        }
    }
    Ok(max.max(0) as u32)
}

// ---------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

/// Whether an expression is a constant that is always true (`while True:`).
fn is_const_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_u64() != Some(0),
            ast::Number::Float(f) => *f != 0.0,
            ast::Number::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        },
        Expr::StringLiteral(s) => !s.value.to_str().is_empty(),
        Expr::EllipsisLiteral(_) => true,
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nesting(s.range())?;
        self.set_line(s.start());
        self.stmt_range = s.range();
        let r = self.stmt_inner(s);
        self.leave_nesting();
        r?;
        if self.u.instrs.len() > MAX_INSTRUCTIONS {
            return Err(self.error("code too large (maximum bytecode size exceeded)", s.range()));
        }
        Ok(())
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                if let Some(done) = self.swap_assign(a)? {
                    return Ok(done);
                }
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Copy, 1);
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store(&a.target)?;
                }
                // Module and class bodies evaluate annotations; simple names are recorded
                // in `__annotations__` (function bodies do neither).
                if matches!(self.u.kind, ScopeKind::Module | ScopeKind::Class) {
                    match &*a.target {
                        Expr::Name(n) if a.simple => {
                            self.annotation(&a.annotation)?;
                            self.emit_name(Op::LoadName, "__annotations__");
                            let name = mangle(self.u.private.as_deref(), n.id.as_str()).into_owned();
                            self.emit_const(Const::Str(name));
                            self.emit(Op::StoreSubscr, 0);
                        }
                        _ if !self.future_annotations => {
                            self.expr(&a.annotation)?;
                            self.emit(Op::PopTop, 0);
                        }
                        _ => {}
                    }
                }
                Ok(())
            }
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.import_alias(alias)?;
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => self.expr_stmt(&e.value),
            Stmt::Break(b) => self.break_continue(b.range, true),
            Stmt::Continue(c) => self.break_continue(c.range, false),
            Stmt::Match(m) => Err(self.error("'match' statement is not supported by krait", m.range)),
            Stmt::TypeAlias(t) => Err(self.error("type aliases are not supported by krait", t.range)),
            Stmt::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    /// `a, b = x, y` (two or three names, no starred items): evaluates the values left
    /// to right and reorders them with a SWAP instead of building and unpacking a tuple
    /// (CPython's peephole rewrite of BUILD_TUPLE + UNPACK_SEQUENCE).
    fn swap_assign(&mut self, a: &'a ast::StmtAssign) -> CResult<Option<()>> {
        let [target] = &a.targets[..] else {
            return Ok(None);
        };
        let targets: &'a [Expr] = match target {
            Expr::Tuple(t) => &t.elts,
            Expr::List(l) => &l.elts,
            _ => return Ok(None),
        };
        let Expr::Tuple(values) = &*a.value else {
            return Ok(None);
        };
        let n = targets.len();
        if !(2..=3).contains(&n)
            || values.elts.len() != n
            || targets.iter().any(is_starred)
            || values.elts.iter().any(is_starred)
        {
            return Ok(None);
        }
        for v in &values.elts {
            self.expr(v)?;
        }
        self.emit(Op::Swap, n as u32);
        for t in targets {
            self.store(t)?;
        }
        Ok(Some(()))
    }

    fn expr_stmt(&mut self, e: &'a Expr) -> CResult {
        if self.interactive && self.u.kind == ScopeKind::Module && self.stack.is_empty() {
            self.expr(e)?;
            self.emit(Op::PrintExpr, 0);
            return Ok(());
        }
        // Constant expression statements (docstrings, `...`) have no effect.
        if matches!(
            e,
            Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::NumberLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::EllipsisLiteral(_)
        ) {
            return Ok(());
        }
        self.expr(e)?;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    // ----- names and targets -----

    fn name_op(&mut self, name: &str, ctx: Ctx) -> CResult {
        let mangled = mangle(self.u.private.as_deref(), name).into_owned();
        let scope = self.st.scopes[self.u.scope].lookup(&mangled);
        let kind = self.u.kind;
        let fnlike = kind.is_function_like();
        match scope {
            NameScope::Free | NameScope::Cell => {
                let i = self.deref_slot(&mangled)?;
                let op = match ctx {
                    Ctx::Load if kind == ScopeKind::Class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                self.emit(op, i);
            }
            NameScope::Local if fnlike => {
                let i = self.var_slot(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadFast,
                    Ctx::Store => Op::StoreFast,
                    Ctx::Del => Op::DeleteFast,
                };
                self.emit(op, i);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit if fnlike || scope == NameScope::GlobalExplicit => {
                let op = match ctx {
                    Ctx::Load => Op::LoadGlobal,
                    Ctx::Store => Op::StoreGlobal,
                    Ctx::Del => Op::DeleteGlobal,
                };
                self.emit_name(op, &mangled);
            }
            _ => {
                let op = match ctx {
                    Ctx::Load => Op::LoadName,
                    Ctx::Store => Op::StoreName,
                    Ctx::Del => Op::DeleteName,
                };
                self.emit_name(op, &mangled);
            }
        }
        Ok(())
    }

    fn store_name(&mut self, name: &str) -> CResult {
        self.name_op(name, Ctx::Store)
    }

    fn attr_name(&mut self, attr: &str) -> u32 {
        let mangled = mangle(self.u.private.as_deref(), attr).into_owned();
        self.add_name(&mangled)
    }

    /// Stores the value on top of the stack into `target`.
    fn store(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                self.name_op(n.id.as_str(), Ctx::Store)
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.as_str());
                self.emit(Op::StoreAttr, i);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            Expr::Tuple(t) => self.unpack(&t.elts, t.range),
            Expr::List(l) => self.unpack(&l.elts, l.range),
            Expr::Starred(s) => Err(self.error("starred assignment target must be in a list or tuple", s.range)),
            other => Err(self.error(&format!("cannot assign to {}", expr_kind_name(other)), other.range())),
        }
    }

    fn unpack(&mut self, elts: &'a [Expr], range: TextRange) -> CResult {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return Err(self.error("too many expressions in star-unpacking assignment", range));
                }
                self.emit(Op::UnpackEx, i as u32 | ((after as u32) << 8));
            }
            None => self.emit(Op::UnpackSequence, elts.len() as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store(&s.value)?,
                _ => self.store(e)?,
            }
        }
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.as_str());
                self.emit(Op::DeleteAttr, i);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
                Ok(())
            }
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.delete(e)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete(e)?;
                }
                Ok(())
            }
            other => Err(self.error(&format!("cannot delete {}", expr_kind_name(other)), other.range())),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop(a.op).inplace() as u32;
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), Ctx::Load)?;
                self.expr(&a.value)?;
                self.set_line(a.range.start());
                self.emit(Op::BinaryOp, op);
                self.name_op(n.id.as_str(), Ctx::Store)
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                let i = self.attr_name(at.attr.as_str());
                self.emit(Op::Copy, 1);
                self.emit(Op::LoadAttr, i);
                self.expr(&a.value)?;
                self.set_line(a.range.start());
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, i);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.expr(&a.value)?;
                self.set_line(a.range.start());
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            other => Err(self.error(
                &format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(other)),
                other.range(),
            )),
        }
    }

    // ----- control flow -----

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> CResult {
        let end = self.new_label();
        let mut next = if s.elif_else_clauses.is_empty() { end } else { self.new_label() };
        self.jump_if(&s.test, next, false)?;
        self.body(&s.body)?;
        let n = s.elif_else_clauses.len();
        for (i, clause) in s.elif_else_clauses.iter().enumerate() {
            self.jump(Op::Jump, end);
            self.bind(next);
            self.set_line(clause.range.start());
            match &clause.test {
                Some(test) => {
                    next = if i + 1 < n { self.new_label() } else { end };
                    self.jump_if(test, next, false)?;
                    self.body(&clause.body)?;
                }
                None => {
                    next = end;
                    self.body(&clause.body)?;
                }
            }
        }
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        if !is_const_true(&w.test) {
            self.jump_if(&w.test, anchor, false)?;
        }
        self.push_fblock(FKind::While { start, exit }, None)?;
        self.body(&w.body)?;
        self.pop_fblock();
        self.set_line(w.range.start());
        self.jump(Op::JumpBackward, start);
        self.bind(anchor);
        self.body(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Op::GetIter, 0);
        self.bind(start);
        self.jump(Op::ForIter, cleanup);
        self.push_fblock(FKind::For { start, exit }, None)?;
        self.store(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.jump(Op::JumpBackward, start);
        self.bind(cleanup);
        self.body(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// Emits the code that leaves `block` early (for return/break/continue).
    fn unwind_fblock(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match &block.kind {
            FKind::While { .. } | FKind::TryExcept | FKind::ExceptionHandler => {}
            FKind::For { .. } | FKind::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FKind::FinallyTry(body) => {
                if preserve_tos {
                    self.push_fblock(FKind::PopValue, None)?;
                }
                self.body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopExcept, 0);
            }
            FKind::With => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
            }
            FKind::HandlerCleanup(name) => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopExcept, 0);
                if let Some(name) = name {
                    self.emit_const(Const::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                }
            }
        }
        Ok(())
    }

    /// Pops and unwinds blocks up to (not including) the innermost loop when
    /// `to_loop`, else all of them. Returns the loop block found.
    fn unwind_blocks(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Option<FBlock<'a>>> {
        loop {
            let Some(top) = self.u.fblocks.last().cloned() else {
                return Ok(None);
            };
            if to_loop && matches!(top.kind, FKind::While { .. } | FKind::For { .. }) {
                return Ok(Some(top));
            }
            self.u.fblocks.pop();
            if matches!(top.kind, FKind::HandlerCleanup(_))
                && matches!(self.u.fblocks.last().map(|b| &b.kind), Some(FKind::ExceptionHandler))
            {
                // The handler's cleanup entry no longer applies once POP_EXCEPT runs.
                self.u.fblocks.pop();
            }
            self.unwind_fblock(&top, preserve_tos)?;
        }
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if !self.u.kind.is_function_like() {
            return Err(self.error("'return' outside function", r.range));
        }
        let preserve = r.value.is_some();
        if let Some(v) = &r.value {
            self.expr(v)?;
        }
        let saved = self.u.fblocks.clone();
        self.unwind_blocks(preserve, false)?;
        self.set_line(r.range.start());
        if !preserve {
            self.emit_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        self.u.fblocks = saved;
        Ok(())
    }

    fn break_continue(&mut self, range: TextRange, is_break: bool) -> CResult {
        let has_loop = self.u.fblocks.iter().any(|b| matches!(b.kind, FKind::While { .. } | FKind::For { .. }));
        if !has_loop {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(self.error(msg, range));
        }
        let saved = self.u.fblocks.clone();
        let lp = self.unwind_blocks(false, true)?;
        self.set_line(range.start());
        match lp.map(|b| b.kind) {
            Some(FKind::While { start, exit }) => {
                if is_break {
                    self.jump(Op::Jump, exit);
                } else {
                    self.jump(Op::JumpBackward, start);
                }
            }
            Some(FKind::For { start, exit }) => {
                if is_break {
                    self.emit(Op::PopTop, 0);
                    self.jump(Op::Jump, exit);
                } else {
                    self.jump(Op::JumpBackward, start);
                }
            }
            _ => return Err(self.internal("loop block vanished")),
        }
        self.u.fblocks = saved;
        Ok(())
    }

    /// `[.., exit] -> [..]`: calls `exit(None, None, None)` and drops the result.
    fn call_exit_with_nones(&mut self) {
        self.emit_const(Const::None);
        self.emit_const(Const::None);
        self.emit_const(Const::None);
        self.emit(Op::Call, 3);
        self.emit(Op::PopTop, 0);
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body_handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let d = self.depth();
        self.push_fblock(FKind::TryExcept, Some(Handler { label: body_handler, depth: d }))?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.body(&t.orelse)?;
        self.jump(Op::Jump, end);

        // [.., exc]
        self.bind_handler(body_handler, d);
        self.set_line(t.range.start());
        self.emit(Op::PushExcInfo, 0);
        // [.., prev, exc]
        self.push_fblock(FKind::ExceptionHandler, Some(Handler { label: cleanup, depth: d + 1 }))?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range.start());
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Op::CheckExcMatch, 0);
                self.jump(Op::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let name = name.as_str();
                    self.store_name(name)?;
                    // [.., prev]
                    let cleanup_end = self.new_label();
                    self.push_fblock(
                        FKind::HandlerCleanup(Some(name)),
                        Some(Handler { label: cleanup_end, depth: d + 1 }),
                    )?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    let eh = self.pop_fblock();
                    self.emit(Op::PopExcept, 0);
                    self.emit_const(Const::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                    self.jump(Op::Jump, end);
                    if let Some(eh) = eh {
                        self.u.fblocks.push(eh);
                    }
                    // [.., prev, exc2]: the clause body raised.
                    self.bind_handler(cleanup_end, d + 1);
                    self.emit_const(Const::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                    self.emit(Op::Reraise, 0);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    // [.., prev]
                    self.push_fblock(FKind::HandlerCleanup(None), None)?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    let eh = self.pop_fblock();
                    self.emit(Op::PopExcept, 0);
                    self.jump(Op::Jump, end);
                    if let Some(eh) = eh {
                        self.u.fblocks.push(eh);
                    }
                }
            }
            self.bind(next);
        }
        // No clause matched: [.., prev, exc]
        self.emit(Op::Reraise, 0);
        self.pop_fblock();
        // [.., prev, exc2]: restore the previous exception and propagate.
        self.bind_handler(cleanup, d + 1);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let fin = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let d = self.depth();
        self.push_fblock(FKind::FinallyTry(&t.finalbody), Some(Handler { label: fin, depth: d }))?;
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.body(&t.finalbody)?;
        self.jump(Op::Jump, end);

        // [.., exc]
        self.bind_handler(fin, d);
        self.set_line(t.range.start());
        self.emit(Op::PushExcInfo, 0);
        // [.., prev, exc]
        self.push_fblock(FKind::FinallyEnd, Some(Handler { label: cleanup, depth: d + 1 }))?;
        self.body(&t.finalbody)?;
        self.emit(Op::Reraise, 0);
        self.pop_fblock();
        self.bind_handler(cleanup, d + 1);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, index: usize) -> CResult {
        let Some(item) = w.items.get(index) else {
            return self.body(&w.body);
        };
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.set_line(item.range.start());
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeWith, 0);
        // [.., exit, value]
        let dw = self.depth().saturating_sub(1);
        self.push_fblock(FKind::With, Some(Handler { label: handler, depth: dw }))?;
        match &item.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(Op::PopTop, 0),
        }
        self.with_stmt(w, index + 1)?;
        self.pop_fblock();
        self.set_line(item.range.start());
        self.call_exit_with_nones();
        self.jump(Op::Jump, end);

        // [.., exit, exc]
        self.bind_handler(handler, dw);
        self.emit(Op::PushExcInfo, 0);
        // [.., exit, prev, exc]
        self.push_fblock(FKind::ExceptionHandler, Some(Handler { label: cleanup, depth: dw + 1 }))?;
        self.emit(Op::WithExceptStart, 0);
        self.jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 0);
        self.pop_fblock();
        // [.., exit, prev, exc2]
        self.bind_handler(cleanup, dw + 1);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        // The exit function returned true: swallow the exception.
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    // ----- imports -----

    fn import_alias(&mut self, alias: &'a ast::Alias) -> CResult {
        let module = alias.name.as_str();
        self.emit_const(Const::Int(0));
        self.emit_const(Const::None);
        self.emit_name(Op::ImportName, module);
        match &alias.asname {
            Some(asname) => {
                let parts: Vec<&str> = module.split('.').collect();
                if parts.len() > 1 {
                    for (i, attr) in parts[1..].iter().enumerate() {
                        self.emit_name(Op::ImportFrom, attr);
                        if i + 2 < parts.len() {
                            self.emit(Op::Swap, 2);
                            self.emit(Op::PopTop, 0);
                        }
                    }
                    self.store_name(asname.as_str())?;
                    self.emit(Op::PopTop, 0);
                } else {
                    self.store_name(asname.as_str())?;
                }
            }
            None => {
                let top = module.split('.').next().unwrap_or(module);
                self.store_name(top)?;
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && i.level == 0 && !self.future_ok.contains(&i.range.start()) {
            return Err(self.error("from __future__ imports must occur at the beginning of the file", i.range));
        }
        self.emit_const(Const::Int(i.level as i64));
        let names: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.as_str().to_string())).collect();
        self.emit_const(Const::Tuple(names));
        self.emit_name(Op::ImportName, module);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            self.emit(Op::ImportStar, 0);
            return Ok(());
        }
        for alias in &i.names {
            self.emit_name(Op::ImportFrom, alias.name.as_str());
            let stored = alias.asname.as_ref().unwrap_or(&alias.name);
            self.store_name(stored.as_str())?;
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    // ----- definitions -----

    /// `__annotations__ = {}` at the start of a module or class body.
    fn setup_annotations(&mut self) {
        self.emit(Op::BuildMap, 0);
        self.emit_name(Op::StoreName, "__annotations__");
    }

    /// Pushes an annotation's value (its source text under `from __future__ import
    /// annotations`).
    fn annotation(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = self.src.slice(e.range()).to_string();
            self.emit_const(Const::Str(text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// With the new function on top of the stack, stores its `__annotations__` dict
    /// (parameters in CPython's order, then `return`) when it has annotations.
    fn function_annotations(&mut self, params: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult {
        let mut items: Vec<(&'a str, &'a Expr)> = Vec::new();
        for p in params.args.iter().chain(&params.posonlyargs) {
            if let Some(a) = &p.parameter.annotation {
                items.push((p.parameter.name.as_str(), a));
            }
        }
        if let Some(v) = &params.vararg {
            if let Some(a) = &v.annotation {
                items.push((v.name.as_str(), a));
            }
        }
        for p in &params.kwonlyargs {
            if let Some(a) = &p.parameter.annotation {
                items.push((p.parameter.name.as_str(), a));
            }
        }
        if let Some(k) = &params.kwarg {
            if let Some(a) = &k.annotation {
                items.push((k.name.as_str(), a));
            }
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(());
        }
        self.emit(Op::Copy, 1);
        let n = items.len();
        for (name, a) in items {
            let name = mangle(self.u.private.as_deref(), name).into_owned();
            self.emit_const(Const::Str(name));
            self.annotation(a)?;
        }
        self.emit(Op::BuildMap, n as u32);
        self.emit(Op::Swap, 2);
        let i = self.add_name("__annotations__");
        self.emit(Op::StoreAttr, i);
        Ok(())
    }

    /// Pushes the defaults tuple and kwdefaults dict of a parameter list; returns the
    /// MAKE_FUNCTION flags for them.
    fn defaults(&mut self, params: Option<&'a ast::Parameters>) -> CResult<u32> {
        let Some(params) = params else {
            return Ok(0);
        };
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            params.posonlyargs.iter().chain(&params.args).filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            let consts: Option<Vec<Const>> = defaults.iter().map(|d| self.const_value(d)).collect();
            match consts {
                Some(c) => self.emit_const(Const::Tuple(c)),
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Op::BuildTuple, defaults.len() as u32);
                }
            }
            flags |= 0x01;
        }
        let kw: Vec<&'a ast::ParameterWithDefault> = params.kwonlyargs.iter().filter(|p| p.default.is_some()).collect();
        if !kw.is_empty() {
            for p in &kw {
                let name = mangle(self.u.private.as_deref(), p.parameter.name.as_str()).into_owned();
                self.emit_const(Const::Str(name));
                if let Some(d) = &p.default {
                    self.expr(d)?;
                }
            }
            self.emit(Op::BuildMap, kw.len() as u32);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// Pushes a function made from `code` (closure cells first when it has free
    /// variables). `flags` says which of defaults/kwdefaults are already on the stack.
    fn make_function(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.deref_slot(name)?;
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            flags |= 0x08;
        }
        self.emit_const(Const::Code(Rc::new(code)));
        self.emit(Op::MakeFunction, flags);
        Ok(())
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        if f.is_async {
            return Err(self.error("'async def' is not supported by krait", f.range));
        }
        for d in &f.decorator_list {
            self.set_line(d.range.start());
            self.expr(&d.expression)?;
        }
        let first_line = self.line_of(f.decorator_list.first().map_or(f.range.start(), |d| d.range.start()));
        self.set_line(f.range.start());
        let scope = self.st.scope_of(f).ok_or_else(|| self.internal("function without a scope"))?;
        let flags = self.defaults(Some(&f.parameters))?;
        let name = f.name.as_str();
        let qualname = self.qualname_for(name, ScopeKind::Function);
        let saved_line = self.line;
        self.enter_unit(scope, name, qualname, first_line);
        if let Some(doc) = docstring(&f.body) {
            self.u.doc = Some(doc.to_string());
        }
        self.body(skip_docstring(&f.body))?;
        self.emit_const(Const::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.line = saved_line;
        self.make_function(code, flags)?;
        self.function_annotations(&f.parameters, f.returns.as_deref())?;
        for _ in &f.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.store_name(name)
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.set_line(d.range.start());
            self.expr(&d.expression)?;
        }
        let first_line = self.line_of(c.decorator_list.first().map_or(c.range.start(), |d| d.range.start()));
        self.set_line(c.range.start());
        let scope = self.st.scope_of(c).ok_or_else(|| self.internal("class without a scope"))?;
        let name = c.name.as_str();
        let qualname = self.qualname_for(name, ScopeKind::Class);
        self.emit(Op::LoadBuildClass, 0);
        let saved_line = self.line;
        self.enter_unit(scope, name, qualname.clone(), first_line);
        self.emit_name(Op::LoadName, "__name__");
        self.emit_name(Op::StoreName, "__module__");
        self.emit_const(Const::Str(qualname));
        self.emit_name(Op::StoreName, "__qualname__");
        if let Some(doc) = docstring(&c.body) {
            self.set_line(c.body[0].start());
            self.u.doc = Some(doc.to_string());
            self.emit_const(Const::Str(doc.to_string()));
            self.emit_name(Op::StoreName, "__doc__");
        }
        if has_annotations(&c.body) {
            self.setup_annotations();
        }
        self.body(skip_docstring(&c.body))?;
        if self.st.scopes[scope].needs_class_closure {
            let i = self.deref_slot("__class__")?;
            self.emit(Op::LoadClosure, i);
        } else {
            self.emit_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.line = saved_line;
        self.make_function(code, 0)?;
        self.emit_const(Const::Str(name.to_string()));
        let (args, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args[..], &a.keywords[..]),
            None => (&[], &[]),
        };
        self.call_helper(2, args, keywords)?;
        for _ in &c.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.store_name(name)
    }
}

// ---------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

/// Displays longer than this are built incrementally (bounded stack use).
const MAX_BUILD_ITEMS: usize = 32;

fn is_starred(e: &Expr) -> bool {
    matches!(e, Expr::Starred(_))
}

impl<'a> Compiler<'a> {
    fn expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_nesting(e.range())?;
        let saved = self.line;
        self.set_line(e.start());
        let r = self.expr_inner(e);
        self.line = saved;
        self.leave_nesting();
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = match b.op {
                    ast::BoolOp::And => Op::JumpIfFalseOrPop,
                    ast::BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.jump(op, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.store(&n.target)?;
            }
            Expr::BinOp(_) => {
                // Iterate along the left spine (long chains stay shallow).
                let mut spine = Vec::new();
                let mut cur = e;
                while let Expr::BinOp(b) = cur {
                    spine.push(b);
                    cur = &b.left;
                }
                self.expr(cur)?;
                for b in spine.iter().rev() {
                    self.expr(&b.right)?;
                    self.set_line(b.range.start());
                    self.emit(Op::BinaryOp, binop(b.op) as u32);
                }
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = self.const_value(e) {
                    self.emit_const(c);
                } else {
                    self.expr(&u.operand)?;
                    let op = match u.op {
                        ast::UnaryOp::Invert => Op::UnaryInvert,
                        ast::UnaryOp::Not => Op::UnaryNot,
                        ast::UnaryOp::UAdd => Op::UnaryPositive,
                        ast::UnaryOp::USub => Op::UnaryNegative,
                    };
                    self.emit(op, 0);
                }
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, orelse, false)?;
                self.expr(&i.body)?;
                self.jump(Op::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(&d.items)?,
            Expr::Set(s) => self.seq_display(&s.elts, SeqKind::Set)?,
            Expr::ListComp(c) => {
                let scope = self.st.scope_of(c);
                self.comprehension(scope, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                let scope = self.st.scope_of(c);
                self.comprehension(scope, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let scope = self.st.scope_of(c);
                let Some(key) = &c.key else {
                    return Err(self.error("dict unpacking cannot be used in dict comprehension", c.range));
                };
                self.comprehension(scope, CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::Generator(g) => {
                let scope = self.st.scope_of(g);
                self.comprehension(scope, CompKind::Generator, &g.generators, &g.elt, None)?
            }
            Expr::Await(a) => return Err(self.error("'await' is not supported by krait", a.range)),
            Expr::Yield(y) => {
                if !self.u.kind.is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Const::None),
                }
                self.emit(Op::YieldValue, 0);
            }
            Expr::YieldFrom(y) => {
                if !self.u.kind.is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.emit_const(Const::None);
                let send = self.new_label();
                let exit = self.new_label();
                self.bind(send);
                self.jump(Op::Send, exit);
                self.emit(Op::YieldValue, 0);
                // Back to SEND: a plain JUMP, as this loop must not count as hot.
                self.jump(Op::Jump, send);
                self.bind(exit);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(&f.value)?,
            Expr::TString(t) => return Err(self.error("t-strings are not supported by krait", t.range)),
            Expr::NumberLiteral(ast::ExprNumberLiteral { value: ast::Number::Complex { .. }, range, .. }) => {
                return Err(self.error("complex numbers are not supported by krait", *range))
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = self.const_value(e).ok_or_else(|| self.internal("literal without a value"))?;
                self.emit_const(c);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.as_str());
                self.emit(Op::LoadAttr, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Starred(s) => return Err(self.error("can't use starred expression here", s.range)),
            Expr::Name(n) if n.id.as_str() == "__debug__" => self.emit_const(Const::Bool(true)),
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Load)?,
            Expr::List(l) => self.seq_display(&l.elts, SeqKind::List)?,
            Expr::Tuple(t) => {
                if let Some(c) = self.const_value(e) {
                    self.emit_const(c);
                } else {
                    self.seq_display(&t.elts, SeqKind::Tuple)?;
                }
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.emit_const(Const::None),
                    }
                }
                match &s.step {
                    Some(step) => {
                        self.expr(step)?;
                        self.emit(Op::BuildSlice, 3);
                    }
                    None => self.emit(Op::BuildSlice, 2),
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    // ----- constants -----

    fn int_const(&self, n: &ast::Int, range: TextRange, negate: bool) -> Const {
        if let Some(v) = n.as_i64() {
            return Const::Int(if negate { -v } else { v });
        }
        let text: String = self.src.slice(range).chars().filter(|&c| c != '_').collect();
        let lower = text.to_ascii_lowercase();
        let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
            (d, 16)
        } else if let Some(d) = lower.strip_prefix("0o") {
            (d, 8)
        } else if let Some(d) = lower.strip_prefix("0b") {
            (d, 2)
        } else {
            (lower.as_str(), 10)
        };
        let decimal =
            BigUint::parse_bytes(digits.as_bytes(), radix).map(|v| v.to_string()).unwrap_or_else(|| n.to_string());
        if negate {
            let neg = format!("-{}", decimal);
            match neg.parse::<i64>() {
                Ok(v) => Const::Int(v),
                Err(_) => Const::BigInt(neg),
            }
        } else {
            Const::BigInt(decimal)
        }
    }

    /// The constant an expression folds to, if any (literals, negated numbers, tuples of
    /// constants).
    fn const_value(&self, e: &Expr) -> Option<Const> {
        Some(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => self.int_const(i, n.range, false),
                ast::Number::Float(f) => Const::Float(*f),
                ast::Number::Complex { .. } => return None,
            },
            Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
            Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect()),
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::NoneLiteral(_) => Const::None,
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
                Expr::NumberLiteral(n) => match &n.value {
                    ast::Number::Int(i) => self.int_const(i, n.range, true),
                    ast::Number::Float(f) => Const::Float(-*f),
                    ast::Number::Complex { .. } => return None,
                },
                _ => return None,
            },
            Expr::Tuple(t) => {
                let items: Option<Vec<Const>> =
                    t.elts.iter().map(|x| if is_starred(x) { None } else { self.const_value(x) }).collect();
                Const::Tuple(items?)
            }
            _ => return None,
        })
    }

    // ----- displays -----

    fn seq_display(&mut self, elts: &'a [Expr], kind: SeqKind) -> CResult {
        let (build, append, extend) = match kind {
            SeqKind::List | SeqKind::Tuple => (Op::BuildList, Op::ListAppend, Op::ListExtend),
            SeqKind::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
        };
        let has_star = elts.iter().any(is_starred);
        if !has_star && elts.len() <= MAX_BUILD_ITEMS {
            for e in elts {
                self.expr(e)?;
            }
            let op = match kind {
                SeqKind::List => Op::BuildList,
                SeqKind::Tuple => Op::BuildTuple,
                SeqKind::Set => Op::BuildSet,
            };
            self.emit(op, elts.len() as u32);
            return Ok(());
        }
        let lead = elts.iter().take_while(|e| !is_starred(e)).count().min(MAX_BUILD_ITEMS);
        for e in &elts[..lead] {
            self.expr(e)?;
        }
        self.emit(build, lead as u32);
        for e in &elts[lead..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(e)?;
                    self.emit(append, 1);
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, items: &'a [ast::DictItem]) -> CResult {
        let lead = items.iter().take_while(|i| i.key.is_some()).count().min(MAX_BUILD_ITEMS / 2);
        for item in &items[..lead] {
            if let Some(k) = &item.key {
                self.expr(k)?;
            }
            self.expr(&item.value)?;
        }
        self.emit(Op::BuildMap, lead as u32);
        for item in &items[lead..] {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    self.emit(Op::MapAdd, 1);
                }
                None => {
                    self.expr(&item.value)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, value: &'a ast::FStringValue) -> CResult {
        let mut pending = String::new();
        let mut parts = 0u32;
        for part in value.iter() {
            match part {
                ast::FStringPart::Literal(s) => pending.push_str(s.as_str()),
                ast::FStringPart::FString(f) => self.fstring_elements(&f.elements, &mut pending, &mut parts)?,
            }
        }
        self.finish_string(pending, parts);
        Ok(())
    }

    /// Pushes the pieces of an f-string body, merging adjacent literal text.
    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        pending: &mut String,
        parts: &mut u32,
    ) -> CResult {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => pending.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dbg) = &i.debug_text {
                        pending.push_str(dbg.as_str());
                    }
                    if !pending.is_empty() {
                        self.emit_const(Const::Str(std::mem::take(pending)));
                        *parts += 1;
                    }
                    self.expr(&i.expression)?;
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => {
                            if i.debug_text.is_some() && i.format_spec.is_none() {
                                2
                            } else {
                                0
                            }
                        }
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(spec) = &i.format_spec {
                        self.enter_nesting(spec.range)?;
                        let mut spec_pending = String::new();
                        let mut spec_parts = 0u32;
                        let r = self.fstring_elements(&spec.elements, &mut spec_pending, &mut spec_parts);
                        self.leave_nesting();
                        r?;
                        self.finish_string(spec_pending, spec_parts);
                        conv |= 4;
                    }
                    self.emit(Op::FormatValue, conv);
                    *parts += 1;
                }
            }
        }
        Ok(())
    }

    /// Pushes the remaining literal text and joins all pieces into one string.
    fn finish_string(&mut self, pending: String, mut parts: u32) {
        if !pending.is_empty() || parts == 0 {
            self.emit_const(Const::Str(pending));
            parts += 1;
        }
        if parts > 1 {
            self.emit(Op::BuildString, parts);
        }
    }

    // ----- comparisons and conditions -----

    fn cmp_op(&mut self, op: ast::CmpOp) {
        match op {
            ast::CmpOp::Eq => self.emit(Op::CompareOp, CmpOp::Eq as u32),
            ast::CmpOp::NotEq => self.emit(Op::CompareOp, CmpOp::Ne as u32),
            ast::CmpOp::Lt => self.emit(Op::CompareOp, CmpOp::Lt as u32),
            ast::CmpOp::LtE => self.emit(Op::CompareOp, CmpOp::Le as u32),
            ast::CmpOp::Gt => self.emit(Op::CompareOp, CmpOp::Gt as u32),
            ast::CmpOp::GtE => self.emit(Op::CompareOp, CmpOp::Ge as u32),
            ast::CmpOp::Is => self.emit(Op::IsOp, 0),
            ast::CmpOp::IsNot => self.emit(Op::IsOp, 1),
            ast::CmpOp::In => self.emit(Op::ContainsOp, 0),
            ast::CmpOp::NotIn => self.emit(Op::ContainsOp, 1),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len().min(c.comparators.len());
        if n == 0 {
            return Err(self.error("invalid syntax", c.range));
        }
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.cmp_op(c.ops[i]);
            self.jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.cmp_op(c.ops[n - 1]);
        let end = self.new_label();
        self.jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` if `e` is truthy (`cond`) or falsy (`!cond`), else falls
    /// through; nothing is left on the stack either way.
    fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        self.enter_nesting(e.range())?;
        let saved = self.line;
        self.set_line(e.start());
        let r = self.jump_if_inner(e, target, cond);
        self.line = saved;
        self.leave_nesting();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, target, !cond),
            Expr::BoolOp(b) if !b.values.is_empty() => {
                let is_or = b.op == ast::BoolOp::Or;
                let next = if is_or != cond { self.new_label() } else { target };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next, is_or)?;
                }
                self.jump_if(&b.values[n - 1], target, cond)?;
                if next != target {
                    self.bind(next);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let orelse = self.new_label();
                self.jump_if(&i.test, orelse, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.jump(Op::Jump, end);
                self.bind(orelse);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 && c.ops.len() == c.comparators.len() => {
                let n = c.ops.len();
                self.expr(&c.left)?;
                let cleanup = self.new_label();
                for i in 0..n - 1 {
                    self.expr(&c.comparators[i])?;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Copy, 2);
                    self.cmp_op(c.ops[i]);
                    self.jump(Op::PopJumpIfFalse, cleanup);
                }
                self.expr(&c.comparators[n - 1])?;
                self.cmp_op(c.ops[n - 1]);
                let op = if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse };
                self.jump(op, target);
                let end = self.new_label();
                self.jump(Op::Jump, end);
                self.bind(cleanup);
                self.emit(Op::PopTop, 0);
                if !cond {
                    self.jump(Op::Jump, target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse };
        self.jump(op, target);
        Ok(())
    }

    // ----- calls -----

    /// Zero-argument `super()` inside a method: `super(__class__, <first argument>)`.
    fn zero_arg_super(&self, c: &ast::ExprCall) -> Option<String> {
        let Expr::Name(n) = &*c.func else {
            return None;
        };
        if n.id.as_str() != "super" || !c.arguments.args.is_empty() || !c.arguments.keywords.is_empty() {
            return None;
        }
        if !matches!(self.u.kind, ScopeKind::Function | ScopeKind::Lambda) || self.u.argcount == 0 {
            return None;
        }
        let scope = &self.st.scopes[self.u.scope];
        if scope.lookup("super") != NameScope::GlobalImplicit || scope.lookup("__class__") != NameScope::Free {
            return None;
        }
        self.u.varnames.first().cloned()
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args: &'a [Expr] = &c.arguments.args;
        let keywords: &'a [ast::Keyword] = &c.arguments.keywords;
        if let Some(first) = self.zero_arg_super(c) {
            self.name_op("super", Ctx::Load)?;
            let i = self.deref_slot("__class__")?;
            self.emit(Op::LoadDeref, i);
            self.name_op(&first, Ctx::Load)?;
            self.emit(Op::Call, 2);
            return Ok(());
        }
        if let Expr::Attribute(a) = &*c.func {
            if keywords.is_empty() && !args.iter().any(is_starred) {
                self.expr(&a.value)?;
                let i = self.attr_name(a.attr.as_str());
                self.emit(Op::LoadMethod, i);
                for arg in args {
                    self.expr(arg)?;
                }
                self.emit(Op::CallMethod, args.len() as u32);
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_helper(0, args, keywords)
    }

    /// Emits a call of the callable on the stack, which already has `preset` positional
    /// arguments pushed above it.
    fn call_helper(&mut self, preset: u32, args: &'a [Expr], keywords: &'a [ast::Keyword]) -> CResult {
        let has_star = args.iter().any(is_starred);
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            let n = preset + args.len() as u32;
            if keywords.is_empty() {
                self.emit(Op::Call, n);
            } else {
                let mut names = Vec::with_capacity(keywords.len());
                for k in keywords {
                    self.expr(&k.value)?;
                    if let Some(name) = &k.arg {
                        names.push(Const::Str(name.as_str().to_string()));
                    }
                }
                self.emit_const(Const::Tuple(names));
                self.emit(Op::CallKw, n + keywords.len() as u32);
            }
            return Ok(());
        }
        if has_star {
            let lead = args.iter().take_while(|a| !is_starred(a)).count();
            for a in &args[..lead] {
                self.expr(a)?;
            }
            self.emit(Op::BuildList, preset + lead as u32);
            for a in &args[lead..] {
                match a {
                    Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(Op::ListExtend, 1);
                    }
                    _ => {
                        self.expr(a)?;
                        self.emit(Op::ListAppend, 1);
                    }
                }
            }
            self.emit(Op::ListToTuple, 0);
        } else {
            for a in args {
                self.expr(a)?;
            }
            self.emit(Op::BuildTuple, preset + args.len() as u32);
        }
        if keywords.is_empty() {
            self.emit(Op::CallEx, 0);
            return Ok(());
        }
        self.emit(Op::BuildMap, 0);
        let mut seen_dstar = false;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.emit_const(Const::Str(name.as_str().to_string()));
                    self.expr(&k.value)?;
                    if seen_dstar {
                        self.emit(Op::BuildMap, 1);
                        self.emit(Op::DictMerge, 1);
                    } else {
                        self.emit(Op::MapAdd, 1);
                    }
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                    seen_dstar = true;
                }
            }
        }
        self.emit(Op::CallEx, 1);
        Ok(())
    }

    // ----- nested code -----

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let scope = self.st.scope_of(l).ok_or_else(|| self.internal("lambda without a scope"))?;
        let flags = self.defaults(l.parameters.as_deref())?;
        let qualname = self.qualname_for("<lambda>", ScopeKind::Lambda);
        let saved_line = self.line;
        let first_line = self.line;
        self.enter_unit(scope, "<lambda>", qualname, first_line);
        self.expr(&l.body)?;
        if self.u.flags & flags::GENERATOR != 0 {
            self.emit(Op::PopTop, 0);
            self.emit_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.line = saved_line;
        self.make_function(code, flags)
    }

    fn comprehension(
        &mut self,
        scope: Option<ScopeId>,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let scope = scope.ok_or_else(|| self.internal("comprehension without a scope"))?;
        let Some(outermost) = generators.first() else {
            return Err(self.internal("comprehension without a for clause"));
        };
        let name = kind.code_name();
        let qualname = self.qualname_for(name, ScopeKind::Comprehension);
        let saved_line = self.line;
        let first_line = self.line;
        self.enter_unit(scope, name, qualname, first_line);
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0),
            CompKind::Dict => self.emit(Op::BuildMap, 0),
            CompKind::Generator => {}
        }
        self.comp_generator(generators, 0, elt, value, kind)?;
        if kind == CompKind::Generator {
            self.emit_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.line = saved_line;
        self.make_function(code, 0)?;
        self.expr(&outermost.iter)?;
        self.emit(Op::GetIter, 0);
        self.emit(Op::Call, 1);
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let Some(g) = gens.get(index) else {
            return Err(self.internal("comprehension generator out of range"));
        };
        self.enter_nesting(g.range)?;
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            let slot = self.var_slot(".0");
            self.emit(Op::LoadFast, slot);
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter, 0);
        }
        self.bind(start);
        self.jump(Op::ForIter, anchor);
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comp_generator(gens, index + 1, elt, value, kind)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::Generator => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, depth);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, depth);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd, depth);
                }
            }
        }
        self.bind(if_cleanup);
        self.jump(Op::JumpBackward, start);
        self.bind(anchor);
        self.leave_nesting();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(src: &str) -> CodeObject {
        match compile(src, "test.py", Mode::Exec) {
            Ok(c) => c,
            Err(e) => panic!("compile failed:\n{}", e),
        }
    }

    fn err(src: &str) -> CompileError {
        match compile(src, "test.py", Mode::Exec) {
            Ok(c) => panic!("expected an error, got:\n{}", c),
            Err(e) => e,
        }
    }

    /// The nested code object named `qualname`, searched depth-first.
    fn find<'c>(c: &'c CodeObject, qualname: &str) -> &'c CodeObject {
        fn go<'c>(c: &'c CodeObject, q: &str) -> Option<&'c CodeObject> {
            if c.qualname == q {
                return Some(c);
            }
            c.consts.iter().find_map(|k| match k {
                Const::Code(inner) => go(inner, q),
                _ => None,
            })
        }
        go(c, qualname).unwrap_or_else(|| panic!("no code object {}:\n{}", qualname, c))
    }

    fn ops(c: &CodeObject) -> Vec<Op> {
        c.instrs.iter().map(|i| i.op).collect()
    }

    fn count(c: &CodeObject, op: Op) -> usize {
        c.instrs.iter().filter(|i| i.op == op).count()
    }

    /// Every code object in the tree passes the stack verifier and has a line per
    /// instruction.
    fn check_all(c: &CodeObject) {
        assert_eq!(c.instrs.len(), c.lines.len());
        assert_eq!(verify_stack(c), Ok(c.max_stack), "{}", c);
        for k in &c.consts {
            if let Const::Code(inner) = k {
                check_all(inner);
            }
        }
    }

    #[test]
    fn module_uses_name_ops_and_returns_none() {
        let c = code("x = 1\nprint(x)\n");
        assert_eq!(c.flags & flags::MODULE, flags::MODULE);
        assert_eq!(
            ops(&c),
            vec![
                Op::LoadConst,
                Op::StoreName,
                Op::LoadName,
                Op::LoadName,
                Op::Call,
                Op::PopTop,
                Op::LoadConst,
                Op::ReturnValue
            ]
        );
        assert_eq!(c.lines, vec![1, 1, 2, 2, 2, 2, 2, 2]);
        check_all(&c);
    }

    #[test]
    fn loop_has_exactly_one_back_edge() {
        let c = code("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n");
        let f = find(&c, "f");
        assert_eq!(count(f, Op::JumpBackward), 1);
        assert_eq!(count(f, Op::ForIter), 1);
        assert_eq!(f.varnames, vec!["n", "s", "i"]);
        assert_eq!(f.argcount, 1);
        let w = code("def g(n):\n    while n:\n        n -= 1\n    return n\n");
        assert_eq!(count(find(&w, "g"), Op::JumpBackward), 1);
        let t = code("def h():\n    while True:\n        if x():\n            break\n");
        let h = find(&t, "h");
        assert_eq!(count(h, Op::JumpBackward), 1);
        assert!(!ops(h).contains(&Op::PopJumpIfFalse) || count(h, Op::PopJumpIfFalse) == 1);
        check_all(&c);
        check_all(&w);
        check_all(&t);
    }

    #[test]
    fn closures_use_cells_and_free_variables() {
        let c = code("def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n");
        let outer = find(&c, "outer");
        assert_eq!(outer.cellvars, vec!["a", "b"]);
        assert_eq!(outer.varnames, vec!["a", "inner"]);
        assert!(ops(outer).contains(&Op::StoreDeref));
        assert!(ops(outer).contains(&Op::LoadClosure));
        let mf = outer.instrs.iter().find(|i| i.op == Op::MakeFunction).unwrap();
        assert_eq!(mf.arg & 0x08, 0x08);
        let inner = find(&c, "outer.<locals>.inner");
        assert_eq!(inner.freevars, vec!["a", "b"]);
        assert_eq!(count(inner, Op::LoadDeref), 2);
        assert_eq!(count(inner, Op::LoadFast), 0);
        check_all(&c);
    }

    #[test]
    fn globals_and_nonlocals() {
        let c = code(
            "g = 0\ndef f():\n    global g\n    g = 1\n    h = 2\n    def k():\n        nonlocal h\n        h = 3\n    return len\n",
        );
        let f = find(&c, "f");
        assert!(ops(f).contains(&Op::StoreGlobal));
        assert!(ops(f).contains(&Op::LoadGlobal));
        assert!(ops(find(&c, "f.<locals>.k")).contains(&Op::StoreDeref));
        check_all(&c);
    }

    #[test]
    fn zero_argument_super_gets_class_cell_and_self() {
        let c = code("class A(B):\n    def m(self, x):\n        return super().m(x)\n");
        let m = find(&c, "A.m");
        assert_eq!(m.freevars, vec!["__class__"]);
        assert_eq!(&ops(m)[..4], &[Op::LoadGlobal, Op::LoadDeref, Op::LoadFast, Op::Call]);
        assert_eq!(m.instrs[3].arg, 2);
        let body = find(&c, "A");
        assert_eq!(body.flags & flags::CLASS_BODY, flags::CLASS_BODY);
        assert_eq!(body.cellvars, vec!["__class__"]);
        // The body returns its __class__ cell.
        let n = body.instrs.len();
        assert_eq!(body.instrs[n - 2].op, Op::LoadClosure);
        assert_eq!(body.instrs[n - 1].op, Op::ReturnValue);
        // __module__ and __qualname__ come first.
        assert_eq!(body.names[..3], ["__name__", "__module__", "__qualname__"]);
        check_all(&c);
    }

    #[test]
    fn class_statement_calls_build_class() {
        let c = code("@dec\nclass A(B, metaclass=M):\n    'doc'\n    x = 1\n");
        assert_eq!(
            ops(&c)[..9],
            [
                Op::LoadName,
                Op::LoadBuildClass,
                Op::LoadConst,
                Op::MakeFunction,
                Op::LoadConst,
                Op::LoadName,
                Op::LoadName,
                Op::LoadConst,
                Op::CallKw
            ]
        );
        let body = find(&c, "A");
        assert_eq!(body.doc.as_deref(), Some("doc"));
        assert!(body.names.contains(&"__doc__".to_string()));
        assert_eq!(body.first_line, 1);
        check_all(&c);
    }

    #[test]
    fn qualnames() {
        let c = code(
            "def f():\n    def g():\n        return lambda: [x for x in ()]\n    class C:\n        def m(self): pass\n",
        );
        find(&c, "f.<locals>.g");
        find(&c, "f.<locals>.g.<locals>.<lambda>");
        find(&c, "f.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>");
        find(&c, "f.<locals>.C.m");
        check_all(&c);
    }

    #[test]
    fn parameters_layout() {
        let c = code("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    z = a\n    def g(): return c\n");
        let f = find(&c, "f");
        assert_eq!(f.varnames, vec!["a", "b", "c", "d", "e", "args", "kw", "z", "g"]);
        assert_eq!(f.argcount, 3);
        assert_eq!(f.posonlyargcount, 2);
        assert_eq!(f.kwonlyargcount, 2);
        assert_eq!(f.flags & (flags::VARARGS | flags::VARKEYWORDS), flags::VARARGS | flags::VARKEYWORDS);
        assert_eq!(f.cellvars, vec!["c"]);
        let mf = c.instrs.iter().find(|i| i.op == Op::MakeFunction).unwrap();
        assert_eq!(mf.arg, 0x03);
        assert!(c.consts.contains(&Const::Tuple(vec![Const::Int(1), Const::Int(2)])));
        check_all(&c);
    }

    #[test]
    fn calls_pick_the_right_instruction() {
        let c = code("f(1)\no.m(1, 2)\nf(a, k=1)\nf(*a, 1, **k)\nf(x=1, **k, y=2)\no.m(k=1)\n");
        let o = ops(&c);
        assert!(o.contains(&Op::Call));
        assert!(o.contains(&Op::LoadMethod));
        assert!(o.contains(&Op::CallMethod));
        assert!(o.contains(&Op::CallKw));
        assert_eq!(count(&c, Op::CallEx), 2);
        assert!(o.contains(&Op::ListToTuple));
        assert!(o.contains(&Op::DictMerge));
        assert!(c.consts.contains(&Const::Tuple(vec![Const::Str("k".into())])));
        check_all(&c);
    }

    #[test]
    fn chained_comparison_evaluates_middle_once() {
        let c = code("r = a < b() < c\n");
        assert_eq!(count(&c, Op::Call), 1);
        assert_eq!(count(&c, Op::CompareOp), 2);
        assert!(ops(&c).contains(&Op::JumpIfFalseOrPop));
        let j = code("if a < b < c:\n    pass\n");
        assert_eq!(count(&j, Op::CompareOp), 2);
        check_all(&c);
        check_all(&j);
    }

    #[test]
    fn assignments() {
        let c = code("a = b = 1\nx, *y, z = t\n[p, (q, r)] = s\no.a += 1\no[i] -= 2\n");
        assert_eq!(count(&c, Op::Copy), 1 + 1 + 2);
        let ux = c.instrs.iter().find(|i| i.op == Op::UnpackEx).unwrap();
        assert_eq!(ux.arg, 1 | (1 << 8));
        assert_eq!(count(&c, Op::UnpackSequence), 2);
        assert!(ops(&c).contains(&Op::StoreAttr));
        assert!(ops(&c).contains(&Op::StoreSubscr));
        let inplace: Vec<u32> = c.instrs.iter().filter(|i| i.op == Op::BinaryOp).map(|i| i.arg).collect();
        assert_eq!(inplace, vec![BinOp::InplaceAdd as u32, BinOp::InplaceSub as u32]);
        check_all(&c);
    }

    #[test]
    fn swap_assignment_avoids_a_tuple() {
        let c = code("def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n");
        let f = find(&c, "fib");
        assert_eq!(count(f, Op::BuildTuple), 0);
        assert_eq!(count(f, Op::UnpackSequence), 0);
        assert_eq!(count(f, Op::Swap), 2);
        check_all(&c);
    }

    #[test]
    fn try_except_table_depths() {
        let c = code(
            "def f(xs):\n    for x in xs:\n        try:\n            g(x)\n        except ValueError as e:\n            h(e)\n        finally:\n            k()\n",
        );
        let f = find(&c, "f");
        // Inside the loop the iterator is on the stack: the try body's handler unwinds
        // to depth 1, the handlers' cleanups to depth 2.
        let depths: Vec<u32> = f.exc_table.iter().map(|e| e.depth).collect();
        assert!(depths.contains(&1));
        assert!(depths.contains(&2));
        assert!(depths.iter().all(|&d| d == 1 || d == 2), "{:?}", f.exc_table);
        for e in &f.exc_table {
            assert_eq!(f.instrs[e.handler as usize].op == Op::PushExcInfo, e.depth == 1);
        }
        assert!(ops(f).contains(&Op::CheckExcMatch));
        assert!(ops(f).contains(&Op::PopExcept));
        // `e = None; del e` after the handler body.
        assert!(ops(f).contains(&Op::DeleteFast));
        check_all(&c);
    }

    #[test]
    fn with_statement_protocol() {
        let c = code("with a() as x, b():\n    body()\n");
        assert_eq!(count(&c, Op::BeforeWith), 2);
        assert_eq!(count(&c, Op::WithExceptStart), 2);
        let outer = c.exc_table.iter().find(|e| e.depth == 1).unwrap();
        assert_eq!(c.instrs[outer.handler as usize].op, Op::PushExcInfo);
        assert!(c.exc_table.iter().any(|e| e.depth == 2));
        check_all(&c);
    }

    #[test]
    fn return_break_continue_unwind_blocks() {
        let c = code(
            "def f(xs):\n    for x in xs:\n        with m():\n            try:\n                if x: return x\n                if not x: break\n                continue\n            finally:\n                cleanup()\n    return 0\n",
        );
        check_all(&c);
        let f = find(&c, "f");
        // The finally body is inlined for return, break, continue and the exceptional
        // path (the normal path after `continue` is unreachable and not emitted).
        let cleanups =
            f.instrs.iter().filter(|i| i.op == Op::LoadGlobal && f.names[i.arg as usize] == "cleanup").count();
        assert_eq!(cleanups, 4);
        let r = code(
            "def g():\n    try:\n        return 1\n    except E:\n        return 2\n    finally:\n        return 3\n",
        );
        check_all(&r);
    }

    #[test]
    fn generators_and_yield_from() {
        let c = code("def g():\n    yield 1\n    r = yield from h()\n    return r\n");
        let g = find(&c, "g");
        assert_eq!(g.flags & flags::GENERATOR, flags::GENERATOR);
        assert_eq!(count(g, Op::JumpBackward), 0);
        let send = g.instrs.iter().position(|i| i.op == Op::Send).unwrap();
        assert_eq!(g.instrs[send + 1].op, Op::YieldValue);
        assert_eq!(g.instrs[send + 2], Instr { op: Op::Jump, arg: send as u32 });
        check_all(&c);
    }

    #[test]
    fn comprehensions_are_functions() {
        let c = code("r = [x * y for x in a if x for y in b]\ns = {k: v for k, v in d}\nt = (i for i in c)\n");
        let lc = find(&c, "<listcomp>");
        assert_eq!(lc.varnames[0], ".0");
        assert_eq!(lc.argcount, 1);
        let la = lc.instrs.iter().find(|i| i.op == Op::ListAppend).unwrap();
        assert_eq!(la.arg, 3);
        assert_eq!(count(lc, Op::JumpBackward), 2);
        let dc = find(&c, "<dictcomp>");
        assert_eq!(dc.instrs.iter().find(|i| i.op == Op::MapAdd).unwrap().arg, 2);
        let ge = find(&c, "<genexpr>");
        assert_eq!(ge.flags & flags::GENERATOR, flags::GENERATOR);
        // The outermost iterable is evaluated outside: GET_ITER then CALL 1.
        let o = ops(&c);
        assert!(o.windows(2).any(|w| w == [Op::GetIter, Op::Call]));
        check_all(&c);
    }

    #[test]
    fn displays_and_fstrings() {
        let c = code("a = [*x, 1]\nb = {**d, 'k': 1}\nc = (1, 2, -3)\nd = f'{v!r:>{w}} {v=}'\ne = b'xy'\ng = ...\n");
        assert!(c.consts.contains(&Const::Tuple(vec![Const::Int(1), Const::Int(2), Const::Int(-3)])));
        assert!(ops(&c).contains(&Op::ListExtend));
        assert!(ops(&c).contains(&Op::DictUpdate));
        let fv: Vec<u32> = c.instrs.iter().filter(|i| i.op == Op::FormatValue).map(|i| i.arg).collect();
        assert_eq!(fv, vec![0, 2 | 4, 2]);
        assert!(c.consts.contains(&Const::Str(" v=".into())));
        assert!(c.consts.contains(&Const::Bytes(b"xy".to_vec())));
        assert!(c.consts.contains(&Const::Ellipsis));
        check_all(&c);
    }

    #[test]
    fn big_and_negative_integers() {
        let c = code("a = 123456789012345678901234567890\nb = 0xFFFF_FFFF_FFFF_FFFF_FF\nc = -9223372036854775808\nd = -5\ne = -0.0\n");
        assert!(c.consts.contains(&Const::BigInt("123456789012345678901234567890".into())));
        assert!(c.consts.contains(&Const::BigInt("4722366482869645213695".into())));
        assert!(c.consts.contains(&Const::Int(i64::MIN)));
        assert!(c.consts.contains(&Const::Int(-5)));
        assert!(c.consts.iter().any(|k| matches!(k, Const::Float(f) if *f == 0.0 && f.is_sign_negative())));
    }

    #[test]
    fn imports() {
        let c = code("import a.b.c\nimport a.b as d\nfrom .m import x as y, z\nfrom q import *\n");
        assert_eq!(c.names.iter().filter(|n| *n == "a").count(), 1);
        assert!(ops(&c).contains(&Op::ImportStar));
        assert_eq!(count(&c, Op::ImportFrom), 3);
        assert!(c.consts.contains(&Const::Tuple(vec![Const::Str("x".into()), Const::Str("z".into())])));
        check_all(&c);
    }

    #[test]
    fn assert_and_raise() {
        let c = code("assert x, 'm'\nraise E from c\n");
        let o = ops(&c);
        assert!(o.contains(&Op::LoadAssertionError));
        assert_eq!(c.instrs.last().map(|i| i.op), Some(Op::RaiseVarargs));
        check_all(&c);
    }

    #[test]
    fn private_names_are_mangled() {
        let c = code("class A:\n    def m(self):\n        self.__x = 1\n        return __y\n");
        let m = find(&c, "A.m");
        assert!(m.names.contains(&"_A__x".to_string()));
        assert!(m.names.contains(&"_A__y".to_string()));
    }

    #[test]
    fn eval_and_single_modes() {
        let e = compile("1 + x", "<string>", Mode::Eval).unwrap();
        assert_eq!(e.instrs.last().map(|i| i.op), Some(Op::ReturnValue));
        assert_eq!(count(&e, Op::LoadName), 1);
        let s = compile("x\nif y:\n    y\n", "<stdin>", Mode::Single).unwrap();
        assert_eq!(count(&s, Op::PrintExpr), 2);
        check_all(&e);
        check_all(&s);
    }

    #[test]
    fn compiler_errors() {
        let e = err("x = 1\n\nreturn x\n");
        assert_eq!(e.kind, CompileErrorKind::SyntaxError);
        assert_eq!(e.msg, "'return' outside function");
        assert_eq!((e.line, e.col), (3, 1));
        assert_eq!(e.text.as_deref(), Some("return x"));
        assert_eq!(err("for x in y:\n    pass\nbreak\n").msg, "'break' outside loop");
        assert_eq!(err("def f():\n    continue\n").msg, "'continue' not properly in loop");
        assert_eq!(err("yield 1\n").msg, "'yield' outside function");
        assert_eq!(err("nonlocal x\n").msg, "nonlocal declaration not allowed at module level");
        let e = err("def f():\n    nonlocal x\n");
        assert_eq!((e.msg.as_str(), e.line), ("no binding for nonlocal 'x' found", 2));
        assert_eq!(err("def f():\n    x\n    global x\n").msg, "name 'x' is used prior to global declaration");
        assert_eq!(err("1 = x\n").msg, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
        assert_eq!(err("(a, 1) = x\n").msg, "cannot assign to literal");
    }

    #[test]
    fn future_imports_and_debug() {
        let c = code("'doc'\nfrom __future__ import annotations\nx = __debug__\n");
        assert!(c.consts.contains(&Const::Bool(true)));
        assert_eq!(
            err("x = 1\nfrom __future__ import annotations\n").msg,
            "from __future__ imports must occur at the beginning of the file"
        );
        assert_eq!(err("from __future__ import braces\n").msg, "not a chance");
        assert_eq!(err("from __future__ import nope\n").msg, "future feature nope is not defined");
    }

    #[test]
    fn static_block_limit() {
        let mut src = String::new();
        for i in 0..21 {
            src.push_str(&format!("{}for x{} in y:\n", "    ".repeat(i), i));
        }
        src.push_str(&format!("{}pass\n", "    ".repeat(21)));
        let e = err(&src);
        assert_eq!((e.msg.as_str(), e.line), ("too many statically nested blocks", 21));
        let ok: String = (0..20).map(|i| format!("{}while x{}:\n", "    ".repeat(i), i)).collect::<String>()
            + &"    ".repeat(20)
            + "pass\n";
        check_all(&code(&ok));
    }

    #[test]
    fn exponential_finally_inlining_is_bounded() {
        // Every return inlines all enclosing finally bodies (as in CPython, which takes
        // minutes on this): the size limit turns it into a prompt SyntaxError.
        let mut lines = vec!["def f(v):".to_string()];
        for i in 0..14 {
            lines.push(format!("{}try:", "    ".repeat(i + 1)));
        }
        lines.push(format!("{}v += 1", "    ".repeat(15)));
        for i in (0..14).rev() {
            lines.push(format!("{}finally:", "    ".repeat(i + 1)));
            for k in 1..4 {
                lines.push(format!("{}if v > {}: return {}", "    ".repeat(i + 2), k, k));
            }
        }
        let e = err(&(lines.join("\n") + "\n"));
        assert_eq!(e.msg, "code too large (maximum bytecode size exceeded)");
        assert!(e.line > 1);
    }

    #[test]
    fn unsupported_constructs() {
        let e = err("x = 1\nmatch x:\n    case 1:\n        pass\n");
        assert_eq!(e.msg, "'match' statement is not supported by krait");
        assert_eq!(e.line, 2);
        assert_eq!(err("async def f():\n    pass\n").msg, "'async def' is not supported by krait");
        assert_eq!(err("try:\n    pass\nexcept* E:\n    pass\n").msg, "'except*' is not supported by krait");
        assert_eq!(err("type X = int\n").msg, "type aliases are not supported by krait");
        // Complex literals, also inside folded constants, rather than a wrong float.
        for src in ["z = 2j\n", "z = -1.5j\n", "t = (1, 2j)\n", "if 1j:\n    pass\n"] {
            let e = err(src);
            assert_eq!(e.msg, "complex numbers are not supported by krait", "{}", src);
            assert_eq!(e.line, 1);
        }
    }

    #[test]
    fn parse_errors_match_cpython() {
        let e = err("x = (1,\n2\ny = 3\n");
        assert_eq!((e.msg.as_str(), e.line, e.col), ("'(' was never closed", 1, 5));
        let e = err("x = 1\n  y = 2\n");
        assert_eq!(e.kind, CompileErrorKind::IndentationError);
        assert_eq!((e.msg.as_str(), e.line), ("unexpected indent", 2));
        let e = err("x = 1\n\nif x:\npass\n");
        assert_eq!(e.kind, CompileErrorKind::IndentationError);
        assert_eq!(e.msg, "expected an indented block after 'if' statement on line 3");
        assert_eq!(e.line, 4);
        let e = err("if x:\n    a\n  b\n");
        assert_eq!(e.kind, CompileErrorKind::IndentationError);
        assert_eq!(e.msg, "unindent does not match any outer indentation level");
        let e = err("if x:\n\ta\n        b\n");
        assert_eq!(e.kind, CompileErrorKind::TabError);
        let e = err("x = 'abc\n");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!(err("[a b]\n").msg, "invalid syntax. Perhaps you forgot a comma?");
        assert_eq!(err("x = [1, 2)\n").msg, "closing parenthesis ')' does not match opening parenthesis '['");
        assert_eq!(err("x y\n").msg, "invalid syntax");
        assert_eq!(err("if x\n    pass\n").msg, "expected ':'");
        let e = err("x = €\n");
        assert_eq!((e.msg.as_str(), e.col), ("invalid character '€' (U+20AC)", 5));
    }

    #[test]
    fn display_points_at_the_error() {
        let e = err("x = 1\n  y = (1, 2\n");
        let shown = e.to_string();
        assert!(shown.starts_with("  File \"test.py\", line 2\n"), "{}", shown);
        assert!(shown.ends_with(": unexpected indent"), "{}", shown);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let inputs: Vec<String> = vec![
            "\u{0}\u{1}\u{2}".into(),
            "\u{fffd}\u{1b}[31m ))) ]]] }}} '''".into(),
            "def (:\n\t  \n  ]".into(),
            "f'{'".into(),
            "f'{x:{y:{z}}}'".into(),
            "@\n".into(),
            "lambda: (yield)\n".into(),
            "x = \\\n".into(),
            "class A:\n    x = [super() for _ in ()]\n".into(),
            "\r\n\r\nx\r".into(),
            "\u{feff}x = 1\n".into(),
        ];
        for src in inputs {
            for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                if let Ok(c) = compile(&src, "g.py", mode) {
                    check_all(&c);
                }
            }
        }
        // Every prefix of a realistic program.
        let prog = "class A(B):\n    def f(self, *a, **k):\n        try:\n            return [x for x in a if (y := x)]\n        except (E, F) as e:\n            raise G from e\n        finally:\n            print(f'{a!r:>{k}}')\n";
        for i in 0..prog.len() {
            if prog.is_char_boundary(i) {
                if let Ok(c) = compile(&prog[..i], "p.py", Mode::Exec) {
                    check_all(&c);
                }
            }
        }
    }

    #[test]
    fn deep_nesting_is_rejected_without_overflow() {
        let e = err(&format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000)));
        assert_eq!(e.msg, "too many nested parentheses");
        let e = err(&format!("x = {}1{}\n", "[".repeat(300), "]".repeat(300)));
        assert_eq!(e.msg, "too many nested parentheses");
        for src in [
            format!("x = {}y\n", "-".repeat(100_000)),
            format!("x = {}y\n", "not ".repeat(50_000)),
            format!("x = y{}\n", ".a".repeat(100_000)),
            format!("x = y{}\n", "()".repeat(100_000)),
            format!("x = {}2\n", "2**".repeat(100_000)),
            format!("x = {}2\n", "lambda: ".repeat(20_000)),
            format!("x = {}2\n", "1 if y else ".repeat(20_000)),
        ] {
            let e = err(&src);
            assert!(e.msg.contains("maximum recursion depth"), "{}", e.msg);
        }
        // A 1 MB flat expression compiles (left-leaning chains are walked iteratively).
        let c = code(&format!("x = {}\n", vec!["1"; 500_000].join("+")));
        assert_eq!(c.max_stack, 2);
    }

    #[test]
    fn nesting_limit_fits_a_small_stack() {
        // Compile constructs just under the nesting limit on a 2 MB thread (the default
        // for spawned threads): the recursion must fit comfortably.
        let depth = symtable::MAX_NESTING - 20;
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                for src in [
                    format!("x = {}y\n", "-".repeat(depth)),
                    format!("x = {}y\n", "not ".repeat(depth)),
                    format!("x = y{}\n", ".a".repeat(depth)),
                    format!("x = y{}\n", "()".repeat(depth)),
                    format!("x = {}2\n", "2**".repeat(depth)),
                    format!("x = {}2\n", "1 if y else ".repeat(depth)),
                    format!("def f():\n    return {}2\n", "lambda: ".repeat(depth / 2)),
                    format!("x = {}y\n", "a.b(".repeat(190) + &")".repeat(190)),
                ] {
                    if let Ok(c) = compile(&src, "deep.py", Mode::Exec) {
                        check_all(&c);
                    }
                }
            })
            .unwrap();
        handle.join().unwrap();
    }
}
