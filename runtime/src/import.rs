//! Imports: `sys.modules`, native modules, modules embedded in the binary, and the
//! user's own `.py` modules found along `sys.path`.

use crate::heap::ObjRef;
use crate::object::Kind;
use crate::ops::{dict_get_str, dict_set_str};
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    /// `import name` (dotted) with `level` (relative imports) and `fromlist`: returns the
    /// top-level package when fromlist is empty, the named module otherwise.
    pub fn import(&mut self, name: &str, level: usize, fromlist: Value, globals: ObjRef) -> PyResult<Value> {
        let full = if level > 0 {
            let pkg = dict_get_str(globals, self.intern("__package__"))
                .and_then(|v| v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())))
                .unwrap_or_default();
            let mut parts: Vec<&str> = if pkg.is_empty() { vec![] } else { pkg.split('.').collect() };
            for _ in 1..level {
                parts.pop();
            }
            if parts.is_empty() && pkg.is_empty() {
                let c = self.exc.ImportError;
                return Err(self.err(c, "attempted relative import with no known parent package"));
            }
            let base = parts.join(".");
            if name.is_empty() {
                base
            } else {
                format!("{}.{}", base, name)
            }
        } else {
            name.to_string()
        };
        let mut module = None;
        let mut prefix = String::new();
        let mut top = None;
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = self.import_one(&prefix, module)?;
            if top.is_none() {
                top = Some(m);
            }
            module = Some(m);
        }
        let module = module.unwrap();
        let has_fromlist = match fromlist.as_obj().map(|o| o.kind()) {
            Some(Kind::Tuple(t)) => !t.is_empty(),
            Some(Kind::List(l)) => !l.borrow().is_empty(),
            _ => false,
        };
        if has_fromlist || level > 0 {
            Ok(Value::Obj(module))
        } else {
            Ok(Value::Obj(top.unwrap()))
        }
    }

    fn import_one(&mut self, fullname: &str, parent: Option<ObjRef>) -> PyResult<ObjRef> {
        let key = self.intern(fullname);
        if let Some(m) = dict_get_str(self.modules, key) {
            if let Some(o) = m.as_obj() {
                return Ok(o);
            }
        }
        let m = if let Some(init) = self.native_modules.get(fullname).copied() {
            let m = init(self)?;
            dict_set_str(self.modules, key, Value::Obj(m));
            m
        } else if let Some(src) = self.embedded_modules.get(fullname).copied() {
            let filename = format!("<frozen {}>", fullname);
            self.exec_module_source(fullname, src, &filename, None)?
        } else {
            // Search sys.path (or the parent package's directory).
            let dirs: Vec<String> = match parent.and_then(|p| self.module_dir(p)) {
                Some(d) => vec![d],
                None => self.search_path(),
            };
            let leaf = fullname.rsplit('.').next().unwrap_or(fullname);
            let mut found = None;
            for d in dirs {
                let base = std::path::Path::new(&d);
                let file = base.join(format!("{}.py", leaf));
                if file.is_file() {
                    found = Some((file, false));
                    break;
                }
                let init = base.join(leaf).join("__init__.py");
                if init.is_file() {
                    found = Some((init, true));
                    break;
                }
            }
            let Some((path, is_pkg)) = found else {
                let c = self.exc.ModuleNotFoundError;
                let e = self.err(c, format!("No module named '{}'", fullname));
                let nm = self.new_str(fullname);
                let k = self.intern("name");
                self.store_instance_attr(e.0.as_instance().unwrap(), k, nm);
                return Err(e);
            };
            let src = match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(err) => {
                    let c = self.exc.ImportError;
                    return Err(self.err(c, format!("cannot read {}: {}", path.display(), err)));
                }
            };
            let filename = path.to_string_lossy().to_string();
            let pkg_dir = if is_pkg { path.parent().map(|p| p.to_string_lossy().to_string()) } else { None };
            self.exec_module_source(fullname, &src, &filename, pkg_dir)?
        };
        if let Some(p) = parent {
            let leaf = fullname.rsplit('.').next().unwrap_or(fullname);
            self.module_set(p, leaf, Value::Obj(m));
        }
        Ok(m)
    }

    /// Compiles and runs module source, registering the module in sys.modules first.
    pub fn exec_module_source(
        &mut self,
        name: &str,
        src: &str,
        filename: &str,
        pkg_dir: Option<String>,
    ) -> PyResult<ObjRef> {
        let co = match crate::compiler::compile(src, filename, crate::compiler::Mode::Exec) {
            Ok(c) => c,
            Err(ce) => {
                self.sources.insert(filename.to_string(), src.into());
                return Err(self.syntax_error_from(&ce));
            }
        };
        self.sources.insert(filename.to_string(), src.into());
        let m = self.new_module(name);
        let key = self.intern(name);
        dict_set_str(self.modules, key, Value::Obj(m));
        let f = self.new_str(filename);
        self.module_set(m, "__file__", f);
        let package = match &pkg_dir {
            Some(_) => name.to_string(),
            None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
        };
        let pv = self.new_str(package);
        self.module_set(m, "__package__", pv);
        if let Some(d) = pkg_dir {
            let dv = self.new_str(d);
            let l = self.new_list(vec![dv]);
            self.module_set(m, "__path__", l);
        }
        let code = self.load_code(Rc::new(co));
        let Kind::Module(md) = &m.kind else { unreachable!() };
        let globals = md.dict;
        self.roots.push(Value::Obj(code));
        let r = self.run_code(code, globals, None);
        self.roots.pop();
        if let Err(e) = r {
            crate::ops::dict_del_str(self.modules, key);
            return Err(e);
        }
        Ok(m)
    }

    fn module_dir(&mut self, m: ObjRef) -> Option<String> {
        let k = self.intern("__path__");
        let Kind::Module(md) = &m.kind else { return None };
        let p = dict_get_str(md.dict, k)?;
        let items = crate::ops::seq_items(&p)?;
        items.first().and_then(|v| v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())))
    }

    fn search_path(&mut self) -> Vec<String> {
        if let Some(p) = self.sys_attr("path") {
            if let Some(items) = crate::ops::seq_items(&p) {
                return items
                    .iter()
                    .filter_map(|v| v.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())))
                    .collect();
            }
        }
        self.options.path.clone()
    }

    /// `from module import name`.
    pub fn import_from(&mut self, m: Value, name: ObjRef) -> PyResult<Value> {
        match self.get_attr_opt(m, name)? {
            Some(v) => Ok(v),
            None => {
                // A submodule not yet imported.
                if let Some(Kind::Module(md)) = m.as_obj().map(|o| o.kind()) {
                    let full = format!("{}.{}", md.name, name.as_str().unwrap_or(""));
                    if let Ok(sub) = self.import_one(&full, m.as_obj()) {
                        return Ok(Value::Obj(sub));
                    }
                    let c = self.exc.ImportError;
                    let modname = md.name.clone();
                    let file = dict_get_str(md.dict, self.names.file)
                        .and_then(|f| f.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())));
                    let msg = match file {
                        Some(f) => {
                            format!("cannot import name '{}' from '{}' ({})", name.as_str().unwrap_or(""), modname, f)
                        }
                        None => format!(
                            "cannot import name '{}' from '{}' (unknown location)",
                            name.as_str().unwrap_or(""),
                            modname
                        ),
                    };
                    let e = self.err(c, msg);
                    let mn = self.new_str(modname);
                    let k = self.intern("name");
                    self.store_instance_attr(e.0.as_instance().unwrap(), k, mn);
                    return Err(e);
                }
                Err(self.no_attribute(m, name))
            }
        }
    }

    /// `from module import *`.
    pub fn import_star(&mut self, m: Value, ns: ObjRef) -> PyResult<()> {
        let Some(Kind::Module(md)) = m.as_obj().map(|o| o.kind()) else { return Ok(()) };
        let all_key = self.intern("__all__");
        let names: Vec<Value> = match dict_get_str(md.dict, all_key) {
            Some(a) => self.collect_iter(a)?,
            None => md
                .dict
                .as_dict()
                .unwrap()
                .borrow()
                .keys()
                .into_iter()
                .filter(|k| !k.as_obj().and_then(|o| o.as_str().map(|s| s.starts_with('_'))).unwrap_or(true))
                .collect(),
        };
        for n in names {
            let Some(s) = n.as_obj().and_then(|o| o.as_str().map(|s| s.to_string())) else { continue };
            let k = self.intern(&s);
            let v = self.get_attr(m, k)?;
            dict_set_str(ns, k, v);
        }
        Ok(())
    }
}
