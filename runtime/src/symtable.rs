//! Scope analysis for the compiler: which names are local, global (explicit or implicit),
//! free or cell variables in each function, class, lambda, comprehension and module
//! scope. Follows CPython 3.11's `symtable.c` (two passes: collect the uses and bindings
//! of every scope, then resolve them top-down), including its SyntaxErrors.
//!
//! Scopes are keyed by the address of their AST node (`StmtFunctionDef`, `StmtClassDef`,
//! `ExprLambda`, or a comprehension node), so the code generator can find the scope of a
//! node while walking the same, unmoved tree.

use std::borrow::Cow;

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::{FxHashMap, FxHashSet};

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// Deepest AST nesting (expressions and statements) the analysis accepts. Deeper input
/// is rejected with a SyntaxError instead of overflowing the Rust stack (CPython raises
/// RecursionError "maximum recursion depth exceeded during compilation" near 3000).
pub const MAX_NESTING: usize = 1000;

/// The kind of a scope.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes use fast locals and may have cells and free variables.
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Which comprehension a comprehension scope is (for names and error messages).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    /// The code object name (`<listcomp>`, ...).
    pub fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }

    fn description(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

/// Where a name lives, as resolved by the analysis.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// Bound in this scope (a fast local in functions, a namespace entry elsewhere).
    Local,
    /// Declared `global` in this scope.
    GlobalExplicit,
    /// Not bound in any enclosing function: a global or builtin.
    GlobalImplicit,
    /// Bound in an enclosing function: read through a cell from the closure.
    Free,
    /// Bound here and captured by an inner scope: stored in a cell.
    Cell,
}

/// Flags collected for a symbol during the first pass.
pub mod symflags {
    /// `global name` in this scope.
    pub const DEF_GLOBAL: u32 = 1;
    /// Assigned (or deleted) in this scope.
    pub const DEF_LOCAL: u32 = 2;
    /// A parameter.
    pub const DEF_PARAM: u32 = 4;
    /// `nonlocal name` in this scope.
    pub const DEF_NONLOCAL: u32 = 8;
    /// Read in this scope.
    pub const USE: u32 = 16;
    /// A class-scope name that an inner function also needs from an enclosing function.
    pub const DEF_FREE_CLASS: u32 = 64;
    /// Bound by an import.
    pub const DEF_IMPORT: u32 = 128;
    /// Has an annotation (`x: int`).
    pub const DEF_ANNOT: u32 = 256;
    /// A comprehension iteration variable.
    pub const DEF_COMP_ITER: u32 = 512;
    /// Any binding.
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

use symflags::*;

/// One name in one scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
    /// Where the symbol was first seen (or declared `global`/`nonlocal`).
    pub range: TextRange,
}

/// One scope: its symbols and what the code generator needs to lay out its code object.
#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The function/class name (`<lambda>`, `<listcomp>`, ... for the anonymous ones).
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    pub symbols: FxHashMap<String, Symbol>,
    /// Symbol names in the order they were first seen.
    pub order: Vec<String>,
    /// Parameter names in `varnames` order (positional, keyword-only, `*args`, `**kwargs`).
    pub params: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// A class scope whose methods use `__class__` (or zero-argument `super()`).
    pub needs_class_closure: bool,
    /// The class name used for private name mangling inside this scope.
    pub private: Option<String>,
    pub comp_kind: Option<CompKind>,
    /// Start of the scope's node.
    pub range: TextRange,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            symbols: FxHashMap::default(),
            order: Vec::new(),
            params: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            is_generator: false,
            needs_class_closure: false,
            private: None,
            comp_kind: None,
            range,
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The resolved scope of `name` (already mangled); unknown names are implicit globals.
    pub fn lookup(&self, name: &str) -> NameScope {
        self.symbols.get(name).map(|s| s.scope).unwrap_or(NameScope::GlobalImplicit)
    }

    /// The collected flags of `name` (0 if unknown).
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }

    /// Local variable names: the parameters, then the other locals in order of appearance.
    pub fn varnames(&self) -> Vec<String> {
        let mut out = self.params.clone();
        if self.kind.is_function_like() {
            let params: FxHashSet<&str> = self.params.iter().map(|s| s.as_str()).collect();
            for name in &self.order {
                if params.contains(name.as_str()) {
                    continue;
                }
                if self.lookup(name) == NameScope::Local {
                    out.push(name.clone());
                }
            }
        }
        out
    }

    /// Cell variables, sorted (a class's only possible cell is `__class__`).
    pub fn cellvars(&self) -> Vec<String> {
        let mut out: Vec<String> =
            self.symbols.iter().filter(|(_, s)| s.scope == NameScope::Cell).map(|(n, _)| n.clone()).collect();
        out.sort();
        if self.needs_class_closure && !out.iter().any(|n| n == "__class__") {
            out.insert(0, "__class__".to_string());
        }
        out
    }

    /// Free variables, sorted. A class also passes through names its methods need from
    /// an enclosing function even when the class binds the same name itself.
    pub fn freevars(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| {
                s.scope == NameScope::Free || (self.kind == ScopeKind::Class && s.flags & DEF_FREE_CLASS != 0)
            })
            .map(|(n, _)| n.clone())
            .collect();
        out.sort();
        out
    }
}

/// A scope-analysis error (always a SyntaxError), located by byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymtableError {
    pub msg: String,
    pub range: TextRange,
}

/// The scopes of one compilation unit.
#[derive(Clone, Debug, Default)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: FxHashMap<usize, ScopeId>,
}

/// The key of a scope-creating node: its address.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private name mangling: `__x` inside class `A` becomes `_A__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{}{}", stripped, name))
}

impl SymbolTable {
    /// Analyzes a module (or `exec`/`single` input).
    pub fn for_module(body: &[Stmt]) -> Result<SymbolTable, SymtableError> {
        let mut b = Builder::new(TextRange::default());
        for s in body {
            b.visit_stmt(s)?;
        }
        b.finish()
    }

    /// Analyzes an `eval` expression.
    pub fn for_expression(expr: &Expr) -> Result<SymbolTable, SymtableError> {
        let mut b = Builder::new(TextRange::default());
        b.visit_expr(expr)?;
        b.finish()
    }

    /// The module scope.
    pub fn root(&self) -> ScopeId {
        0
    }

    /// The scope created by `node` (a def, class, lambda or comprehension node).
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: FxHashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    nesting: usize,
}

type R = Result<(), SymtableError>;

fn err<T>(msg: impl Into<String>, range: TextRange) -> Result<T, SymtableError> {
    Err(SymtableError { msg: msg.into(), range })
}

fn unsupported<T>(what: &str, range: TextRange) -> Result<T, SymtableError> {
    err(format!("{} not supported by krait", what), range)
}

impl Builder {
    fn new(range: TextRange) -> Builder {
        Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "top", None, range)],
            by_node: FxHashMap::default(),
            stack: vec![0],
            nesting: 0,
        }
    }

    fn cur_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.cur_id();
        &mut self.scopes[id]
    }

    fn cur_ref(&self) -> &Scope {
        &self.scopes[self.cur_id()]
    }

    fn enter(&mut self, range: TextRange) -> R {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return err(
                "too many nested expressions or statements (maximum recursion depth exceeded during compilation)",
                range,
            );
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, key: usize, range: TextRange) {
        let parent = self.cur_id();
        let private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.scopes[parent].private.clone(),
        };
        let mut scope = Scope::new(kind, name, Some(parent), range);
        scope.private = private;
        let id = self.scopes.len();
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn pop_scope(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// Records `flag` for `name` in the current scope.
    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let id = self.cur_id();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) -> R {
        let scope = &mut self.scopes[id];
        let mangled = mangle(scope.private.as_deref(), name).into_owned();
        let mut flag = flag;
        if flag & DEF_LOCAL != 0 && scope.comp_iter_target {
            flag |= DEF_COMP_ITER;
        }
        match scope.symbols.get_mut(&mangled) {
            Some(sym) => {
                if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                    return err(format!("duplicate argument '{}' in function definition", mangled), range);
                }
                if flag & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && sym.flags & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
                    sym.range = range;
                }
                sym.flags |= flag;
            }
            None => {
                scope.symbols.insert(mangled.clone(), Symbol { flags: flag, scope: NameScope::GlobalImplicit, range });
                scope.order.push(mangled.clone());
            }
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<SymbolTable, SymtableError> {
        let mut free = FxHashSet::default();
        let global = FxHashSet::default();
        self.analyze_block(0, None, &mut free, &global)?;
        Ok(SymbolTable { scopes: self.scopes, by_node: self.by_node })
    }

    // ----- first pass: collect -----

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.enter(s.range())?;
        let r = self.visit_stmt_inner(s);
        self.leave();
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                if f.is_async {
                    return unsupported("'async def' is", f.range);
                }
                if f.type_params.is_some() {
                    return unsupported("type parameters are", f.range);
                }
                self.add_def(f.name.as_str(), DEF_LOCAL, f.name.range)?;
                self.visit_defaults(&f.parameters)?;
                self.visit_annotations(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.push_scope(ScopeKind::Function, f.name.as_str(), node_key(f), f.range);
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.pop_scope();
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return unsupported("type parameters are", c.range);
                }
                self.add_def(c.name.as_str(), DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    self.visit_arguments(args)?;
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.push_scope(ScopeKind::Class, c.name.as_str(), node_key(c), c.range);
                self.visit_body(&c.body)?;
                self.pop_scope();
            }
            Stmt::Return(r) => {
                if !self.cur_ref().kind.is_function_like() {
                    return err("'return' outside function", r.range);
                }
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return unsupported("type aliases are", t.range),
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.cur_ref();
                    let mangled = mangle(cur.private.as_deref(), n.id.as_str()).into_owned();
                    let flags = cur.flags(&mangled);
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && cur.kind != ScopeKind::Module && a.simple {
                        let which = if flags & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return err(format!("annotated name '{}' can't be {}", n.id.as_str(), which), a.range);
                    }
                    if a.simple {
                        self.add_def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
                    }
                } else if a.value.is_some() {
                    self.visit_expr(&a.target)?;
                }
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
                // Module and class bodies evaluate annotations.
                if matches!(self.cur_ref().kind, ScopeKind::Module | ScopeKind::Class) {
                    self.visit_expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    return unsupported("'async for' is", f.range);
                }
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    return unsupported("'async with' is", w.range);
                }
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => return unsupported("'match' statement is", m.range),
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return unsupported("'except*' is", t.range);
                }
                self.visit_body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name.as_str(), DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.orelse)?;
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                if i.is_lazy {
                    return unsupported("'lazy import' is", i.range);
                }
                for alias in &i.names {
                    let stored = match &alias.asname {
                        Some(a) => a.as_str(),
                        None => alias.name.as_str().split('.').next().unwrap_or(alias.name.as_str()),
                    };
                    self.add_def(stored, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                if i.is_lazy {
                    return unsupported("'lazy import' is", i.range);
                }
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if self.cur_ref().kind != ScopeKind::Module {
                            return err("import * only allowed at module level", alias.range);
                        }
                        continue;
                    }
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(stored.as_str(), DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.check_declaration(name.as_str(), "global", g.range)?;
                    self.add_def(name.as_str(), DEF_GLOBAL, g.range)?;
                }
            }
            Stmt::Nonlocal(n) => {
                if self.cur_ref().kind == ScopeKind::Module {
                    return err("nonlocal declaration not allowed at module level", n.range);
                }
                for name in &n.names {
                    self.check_declaration(name.as_str(), "nonlocal", n.range)?;
                    self.add_def(name.as_str(), DEF_NONLOCAL, n.range)?;
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    /// The checks CPython makes when it meets `global x` / `nonlocal x`.
    fn check_declaration(&mut self, name: &str, what: &str, range: TextRange) -> R {
        let cur = self.cur_ref();
        let mangled = mangle(cur.private.as_deref(), name).into_owned();
        let flags = cur.flags(&mangled);
        if flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let msg = if flags & DEF_PARAM != 0 {
                format!("name '{}' is parameter and {}", name, what)
            } else if flags & USE != 0 {
                format!("name '{}' is used prior to {} declaration", name, what)
            } else if flags & DEF_ANNOT != 0 {
                format!("annotated name '{}' can't be {}", name, what)
            } else {
                format!("name '{}' is assigned to before {} declaration", name, what)
            };
            return err(msg, range);
        }
        Ok(())
    }

    /// Default values are evaluated in the enclosing scope.
    fn visit_defaults(&mut self, params: &ast::Parameters) -> R {
        for p in params.posonlyargs.iter().chain(&params.args) {
            if let Some(d) = &p.default {
                self.visit_expr(d)?;
            }
        }
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    /// Parameter and return annotations are evaluated in the enclosing scope.
    fn visit_annotations(&mut self, params: &ast::Parameters, returns: Option<&Expr>) -> R {
        let all = params.posonlyargs.iter().chain(&params.args).chain(&params.kwonlyargs).map(|p| &p.parameter);
        for p in all.chain(params.vararg.as_deref()).chain(params.kwarg.as_deref()) {
            if let Some(a) = &p.annotation {
                self.visit_expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, params: &ast::Parameters) -> R {
        for p in params.posonlyargs.iter().chain(&params.args) {
            self.add_def(p.parameter.name.as_str(), DEF_PARAM, p.parameter.range)?;
        }
        for p in &params.kwonlyargs {
            self.add_def(p.parameter.name.as_str(), DEF_PARAM, p.parameter.range)?;
        }
        if let Some(v) = &params.vararg {
            self.add_def(v.name.as_str(), DEF_PARAM, v.range)?;
        }
        if let Some(k) = &params.kwarg {
            self.add_def(k.name.as_str(), DEF_PARAM, k.range)?;
        }
        let scope = self.cur();
        scope.posonlyargcount = params.posonlyargs.len() as u32;
        scope.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        scope.kwonlyargcount = params.kwonlyargs.len() as u32;
        scope.has_varargs = params.vararg.is_some();
        scope.has_varkw = params.kwarg.is_some();
        Ok(())
    }

    fn visit_arguments(&mut self, args: &ast::Arguments) -> R {
        for a in args.args.iter() {
            self.visit_expr(a)?;
        }
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for k in &args.keywords {
            if let Some(name) = &k.arg {
                if !seen.insert(name.as_str()) {
                    return err(format!("keyword argument repeated: {}", name.as_str()), k.range);
                }
            }
            self.visit_expr(&k.value)?;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.enter(e.range())?;
        let r = self.visit_expr_inner(e);
        self.leave();
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::Named(n) => {
                if self.cur_ref().comp_iter_expr > 0 {
                    return err("assignment expression cannot be used in a comprehension iterable expression", n.range);
                }
                self.visit_expr(&n.value)?;
                if let Expr::Name(target) = &*n.target {
                    if self.cur_ref().kind == ScopeKind::Comprehension {
                        self.extend_namedexpr_scope(target)?;
                    } else {
                        self.add_def(target.id.as_str(), DEF_LOCAL, target.range)?;
                    }
                } else {
                    self.visit_expr(&n.target)?;
                }
            }
            Expr::BinOp(_) => {
                // Walk the left spine iteratively: long `a + b + c + ...` chains are
                // common in generated code and would otherwise nest deeply.
                let mut spine = Vec::new();
                let mut cur = e;
                while let Expr::BinOp(b) = cur {
                    spine.push(b);
                    cur = &b.left;
                }
                self.visit_expr(cur)?;
                for b in spine.iter().rev() {
                    self.visit_expr(&b.right)?;
                }
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.push_scope(ScopeKind::Lambda, "<lambda>", node_key(l), l.range);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.pop_scope();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::ListComp(c) => {
                self.visit_comprehension(node_key(c), c.range, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(node_key(c), c.range, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => match &c.key {
                Some(key) => {
                    self.visit_comprehension(node_key(c), c.range, CompKind::Dict, &c.generators, key, Some(&c.value))?
                }
                None => return err("dict unpacking cannot be used in dict comprehension", c.range),
            },
            Expr::Generator(g) => {
                self.visit_comprehension(node_key(g), g.range, CompKind::Generator, &g.generators, &g.elt, None)?
            }
            Expr::Await(a) => return unsupported("'await' is", a.range),
            Expr::Yield(y) => {
                self.check_yield(y.range)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.check_yield(y.range)?;
                self.visit_expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for v in c.comparators.iter() {
                    self.visit_expr(v)?;
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_arguments(&c.arguments)?;
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return unsupported("t-strings are", t.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ExprContext::Load => USE,
                    ExprContext::Store | ExprContext::Del => DEF_LOCAL,
                    ExprContext::Invalid => return err("invalid syntax", n.range),
                };
                self.add_def(n.id.as_str(), flag, n.range)?;
                if n.ctx == ExprContext::Load && self.cur_ref().kind.is_function_like() && n.id.as_str() == "super" {
                    // Zero-argument super() needs the class cell.
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => {
                for v in &l.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.enter(spec.range)?;
                    let r = self.visit_fstring_elements(&spec.elements);
                    self.leave();
                    r?;
                }
            }
        }
        Ok(())
    }

    fn check_yield(&mut self, range: TextRange) -> R {
        let cur = self.cur();
        match cur.kind {
            ScopeKind::Module | ScopeKind::Class => err("'yield' outside function", range),
            ScopeKind::Comprehension => {
                let what = cur.comp_kind.map(CompKind::description).unwrap_or("comprehension");
                err(format!("'yield' inside {}", what), range)
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                cur.is_generator = true;
                Ok(())
            }
        }
    }

    fn visit_comprehension(
        &mut self,
        key: usize,
        range: TextRange,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return err("invalid syntax", range);
        };
        if generators.iter().any(|g| g.is_async) {
            return unsupported("asynchronous comprehensions are", range);
        }
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur().comp_iter_expr += 1;
        let r = self.visit_expr(&outermost.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        self.push_scope(ScopeKind::Comprehension, kind.code_name(), key, range);
        {
            let scope = self.cur();
            scope.comp_kind = Some(kind);
            if kind == CompKind::Generator {
                scope.is_generator = true;
            }
        }
        self.add_def(".0", DEF_PARAM, range)?;
        self.cur().argcount = 1;
        self.visit_comp_target(&outermost.target)?;
        for cond in &outermost.ifs {
            self.visit_expr(cond)?;
        }
        for g in &generators[1..] {
            self.visit_comp_target(&g.target)?;
            self.cur().comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            r?;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.pop_scope();
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &Expr) -> R {
        self.cur().comp_iter_target = true;
        let r = self.visit_expr(target);
        self.cur().comp_iter_target = false;
        r
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function (or the
    /// module), never in the comprehension itself.
    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> R {
        let name = target.id.as_str();
        for &id in self.stack.clone().iter().rev() {
            let scope = &self.scopes[id];
            let mangled = mangle(scope.private.as_deref(), name).into_owned();
            match scope.kind {
                ScopeKind::Comprehension => {
                    if scope.flags(&mangled) & DEF_COMP_ITER != 0 {
                        return err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{}'", name),
                            target.range,
                        );
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let decl = if scope.flags(&mangled) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, decl, target.range)?;
                    return self.add_def_in(id, name, DEF_LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    return self.add_def_in(id, name, DEF_GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    );
                }
            }
        }
        Ok(())
    }

    // ----- second pass: resolve -----

    fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&FxHashSet<String>>,
        free: &mut FxHashSet<String>,
        global: &FxHashSet<String>,
    ) -> R {
        let kind = self.scopes[id].kind;
        let mut local: FxHashSet<String> = FxHashSet::default();
        let mut scopes: FxHashMap<String, NameScope> = FxHashMap::default();
        let mut newglobal: FxHashSet<String> = FxHashSet::default();
        let mut newfree: FxHashSet<String> = FxHashSet::default();
        let mut newbound: FxHashSet<String> = FxHashSet::default();
        // This scope's own view of the globals (explicit declarations add to it) and of
        // the enclosing bindings (an explicit global hides an enclosing binding).
        let mut global_here = global.clone();
        let mut bound_here: Option<FxHashSet<String>> = bound.cloned();

        if kind == ScopeKind::Class {
            // A class namespace is invisible to nested functions: pass down what came in.
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
        }

        let names = self.scopes[id].order.clone();
        for name in &names {
            let (flags, range) = match self.scopes[id].symbols.get(name) {
                Some(sym) => (sym.flags, sym.range),
                None => continue,
            };
            let sc = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return err(format!("name '{}' is nonlocal and global", name), range);
                }
                global_here.insert(name.clone());
                if let Some(b) = bound_here.as_mut() {
                    b.remove(name);
                }
                NameScope::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                match &bound_here {
                    Some(b) if b.contains(name) => {}
                    _ => return err(format!("no binding for nonlocal '{}' found", name), range),
                }
                free.insert(name.clone());
                NameScope::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
                global_here.remove(name);
                NameScope::Local
            } else if bound_here.as_ref().is_some_and(|b| b.contains(name)) {
                free.insert(name.clone());
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            scopes.insert(name.clone(), sc);
        }

        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound_here {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global_here.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }

        let children = self.scopes[id].children.clone();
        for child in children {
            let mut child_free = FxHashSet::default();
            let child_bound = newbound.clone();
            let child_global = newglobal.clone();
            self.analyze_block(child, Some(&child_bound), &mut child_free, &child_global)?;
            newfree.extend(child_free);
        }

        if kind.is_function_like() {
            // Locals captured by inner scopes become cells.
            for (name, sc) in scopes.iter_mut() {
                if *sc == NameScope::Local && newfree.remove(name) {
                    *sc = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }

        // Record the resolution and the free names that pass through this scope.
        let scope = &mut self.scopes[id];
        for (name, sc) in &scopes {
            if let Some(sym) = scope.symbols.get_mut(name) {
                sym.scope = *sc;
            }
        }
        let mut passing: Vec<String> = newfree.iter().cloned().collect();
        passing.sort();
        for name in passing {
            if let Some(sym) = scope.symbols.get_mut(&name) {
                if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound_here.as_ref().is_some_and(|b| !b.contains(&name)) {
                continue;
            }
            scope
                .symbols
                .insert(name.clone(), Symbol { flags: 0, scope: NameScope::Free, range: TextRange::default() });
            scope.order.push(name);
        }
        free.extend(newfree);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> SymbolTable {
        let parsed = ruff_python_parser::parse_module(src).expect("parse");
        SymbolTable::for_module(parsed.suite()).expect("symtable")
    }

    fn find<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
        t.scopes.iter().find(|s| s.name == name).expect("scope exists")
    }

    #[test]
    fn locals_globals_cells_and_frees() {
        let t = table("g = 1\ndef f(a):\n    b = a + g\n    def inner():\n        return b\n    return inner\n");
        let f = find(&t, "f");
        assert_eq!(f.lookup("a"), NameScope::Local);
        assert_eq!(f.lookup("b"), NameScope::Cell);
        assert_eq!(f.lookup("g"), NameScope::GlobalImplicit);
        assert_eq!(f.cellvars(), vec!["b".to_string()]);
        let inner = find(&t, "inner");
        assert_eq!(inner.lookup("b"), NameScope::Free);
        assert_eq!(inner.freevars(), vec!["b".to_string()]);
    }

    #[test]
    fn methods_see_function_variables_through_the_class() {
        let t = table("def f():\n    x = 1\n    class A:\n        x = 2\n        def m(self):\n            return x\n    return A\n");
        let a = find(&t, "A");
        assert_eq!(a.lookup("x"), NameScope::Local);
        assert_eq!(a.freevars(), vec!["x".to_string()]);
        assert_eq!(find(&t, "m").lookup("x"), NameScope::Free);
        assert_eq!(find(&t, "f").lookup("x"), NameScope::Cell);
    }

    #[test]
    fn super_makes_a_class_cell() {
        let t = table("class A(B):\n    def m(self):\n        return super().m()\n");
        assert!(find(&t, "A").needs_class_closure);
        assert_eq!(find(&t, "A").cellvars(), vec!["__class__".to_string()]);
        assert_eq!(find(&t, "m").lookup("__class__"), NameScope::Free);
    }

    #[test]
    fn nonlocal_and_global_errors() {
        let bad = |src: &str| {
            let parsed = ruff_python_parser::parse_module(src).expect("parse");
            SymbolTable::for_module(parsed.suite()).unwrap_err().msg
        };
        assert_eq!(bad("nonlocal x\n"), "nonlocal declaration not allowed at module level");
        assert_eq!(bad("def f():\n    nonlocal x\n"), "no binding for nonlocal 'x' found");
        assert_eq!(bad("def f():\n    print(x)\n    global x\n"), "name 'x' is used prior to global declaration");
        assert_eq!(bad("def f(a, a): pass\n"), "duplicate argument 'a' in function definition");
    }

    #[test]
    fn walrus_in_comprehension_binds_in_function() {
        let t = table("def f(z):\n    [(y := i) for i in z]\n    return y\n");
        assert_eq!(find(&t, "f").lookup("y"), NameScope::Cell);
        assert_eq!(find(&t, "<listcomp>").lookup("y"), NameScope::Free);
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("A"), "__x"), "_A__x");
        assert_eq!(mangle(Some("_A"), "__x"), "_A__x");
        assert_eq!(mangle(Some("A"), "__x__"), "__x__");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
