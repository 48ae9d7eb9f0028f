//! The shape of the code, checked by parsing it (with `syn`):
//!
//! - no module depends on one that depends on it back, however long the way round;
//! - imports flow one way: nothing outside the front ends (`cli`, `tui`) depends on them, and
//!   the planner does not depend on the command line;
//! - no file under src/ is over 800 lines;
//! - the planner (src/tui, and src/live below it) never touches the file system itself — the
//!   store does that.
//!
//! A module is one file. Module A depends on module B when A names B in a path anywhere: a `use`
//! (nested groups and renames included), an expression or a type — `crate::b::…`, `super::b::…`,
//! or a child `b::…` that A declares. Items under `#[cfg(test)]` are left out: tests may reach
//! anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::{self, Visit};

const MAX_LINES: usize = 800;
const FRONT_ENDS: [&str; 2] = ["cli", "tui"];

type Module = Vec<String>;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The module path of a file: `src/tui/tabs/mod.rs` → `["tui", "tabs"]`.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// What a file names: full paths (as segments) and the methods it calls.
#[derive(Default)]
struct Names {
    paths: Vec<Vec<String>>,
    methods: Vec<String>,
}

impl Names {
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.push_with(prefix, &n.ident.to_string()),
            syn::UseTree::Rename(r) => self.push_with(prefix, &r.ident.to_string()),
            syn::UseTree::Glob(_) => self.paths.push(prefix.clone()),
            syn::UseTree::Group(g) => {
                for tree in &g.items {
                    self.use_tree(prefix, tree);
                }
            }
        }
    }

    fn push_with(&mut self, prefix: &[String], last: &str) {
        let mut path = prefix.to_vec();
        if last != "self" {
            path.push(last.to_string());
        }
        self.paths.push(path);
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => return visit::visit_item(self, item),
        };
        if !is_test_only(attrs) {
            visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.paths
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        visit::visit_path(self, path);
    }

    // `pub(super)` names a module only to say who may see an item, not to use it.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.methods.push(call.method.to_string());
        visit::visit_expr_method_call(self, call);
    }
}

fn names_in(source: &str) -> Names {
    let file = syn::parse_file(source).expect("the source parses");
    let mut names = Names::default();
    names.visit_file(&file);
    names
}

/// The module a path names, given the module it is written in and the modules that exist.
fn resolve(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let (mut base, mut rest): (Module, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("super") | Some("self") => {
            let mut base = from.clone();
            let mut rest = path;
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
            (base, rest)
        }
        Some(first) => {
            // A child module this one declares, named without `self::`.
            let mut child = from.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            (from.clone(), path)
        }
        None => return None,
    };
    // The longest prefix that is a module file.
    let mut best = modules.contains(&base).then(|| base.clone());
    while let Some((segment, more)) = rest.split_first() {
        base.push(segment.clone());
        if modules.contains(&base) {
            best = Some(base.clone());
        }
        rest = more;
    }
    best
}

/// Each module and the modules it depends on.
fn dependencies() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<PathBuf> = sources(&src)
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "main.rs"))
        .collect();
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let names = names_in(&std::fs::read_to_string(file).unwrap());
        let edges = names
            .paths
            .iter()
            .filter_map(|path| resolve(&from, path, &modules))
            .filter(|to| *to != from && !to.is_empty())
            .collect();
        graph.insert(from, edges);
    }
    graph
}

fn name(module: &Module) -> String {
    module.join("::")
}

/// A cycle in `graph`, as a chain of modules, if there is one.
fn find_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        stack: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    if let Some(cycle) = find_cycle(&dependencies()) {
        let names: Vec<String> = cycle.iter().map(name).collect();
        panic!("an import cycle: {}", names.join(" → "));
    }
}

#[test]
fn imports_flow_from_the_front_ends_to_the_domain_never_back() {
    let front = |m: &Module| m.first().is_some_and(|f| FRONT_ENDS.contains(&f.as_str()));
    let mut wrong = Vec::new();
    for (from, edges) in dependencies() {
        for to in edges {
            let into_front = front(&to) && !front(&from);
            let tui_to_cli = from.first().is_some_and(|f| f == "tui") && to[0] == "cli";
            if into_front || tui_to_cli {
                wrong.push(format!("{} → {}", name(&from), name(&to)));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the flow: {wrong:?}");
}

#[test]
fn no_file_under_src_is_over_800_lines() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let long: Vec<String> = sources(&src)
        .into_iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(&f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}

/// Calls that reach the file system through a path or file handle.
const FILE_METHODS: [&str; 7] = [
    "exists",
    "metadata",
    "symlink_metadata",
    "read_dir",
    "canonicalize",
    "try_exists",
    "read_link",
];

fn file_system_uses(source: &str) -> Vec<String> {
    let names = names_in(source);
    let mut found: Vec<String> = names
        .paths
        .iter()
        .filter(|p| p.len() >= 2 && p[0] == "std" && p[1] == "fs")
        .map(|p| p.join("::"))
        .collect();
    found.extend(
        names
            .methods
            .iter()
            .filter(|m| FILE_METHODS.contains(&m.as_str()))
            .map(|m| format!(".{m}()")),
    );
    found
}

#[test]
fn the_planner_never_touches_the_file_system_itself() {
    // src/live keeps the planner's copy of a profile in step with its file: through the store.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for file in sources(&root.join("src/tui"))
        .into_iter()
        .chain(sources(&root.join("src/live")))
    {
        let uses = file_system_uses(&std::fs::read_to_string(&file).unwrap());
        assert!(
            uses.is_empty(),
            "{} uses {uses:?}: file access belongs to the store",
            file.display()
        );
    }
}

#[test]
fn the_checker_sees_through_groups_renames_and_test_code() {
    let names = names_in(
        "use crate::{text::{self, wrap}, tui::app::App};\n\
         use std::{io, fs as disk};\n\
         pub(super) fn f() { let _ = crate::ladder::plan::plan(); let _ = p.exists(); }\n\
         #[cfg(test)] mod tests { use crate::cli::Cli; }",
    );
    let has = |p: &str| names.paths.iter().any(|x| x.join("::") == p);
    assert!(has("crate::text"));
    assert!(has("crate::text::wrap"));
    assert!(has("crate::tui::app::App"));
    assert!(has("std::fs"), "a rename is still std::fs");
    assert!(has("crate::ladder::plan::plan"));
    assert!(!has("crate::cli::Cli"), "test code is left out");
    assert!(names.methods.contains(&"exists".to_string()));
    assert!(!has("super"), "a visibility is not a use");
    assert_eq!(
        file_system_uses("use std::{io, fs as disk};"),
        vec!["std::fs".to_string()]
    );
}

#[test]
fn the_checker_resolves_paths_and_finds_cycles() {
    let module = |s: &str| -> Module { s.split("::").map(String::from).collect() };
    let modules: BTreeSet<Module> = ["tui", "tui::tabs", "tui::tabs::plan", "ladder"]
        .iter()
        .map(|m| module(m))
        .collect();
    let from = module("tui::tabs");
    let at = |p: &str| resolve(&from, &module(p), &modules);
    assert_eq!(at("plan::PlanTab"), Some(module("tui::tabs::plan")));
    assert_eq!(at("super::Thing"), Some(module("tui")));
    assert_eq!(at("crate::ladder::Ladder"), Some(module("ladder")));
    assert_eq!(at("std::fmt::Write"), None);
    let graph = BTreeMap::from([
        (module("a"), BTreeSet::from([module("b")])),
        (module("b"), BTreeSet::from([module("c")])),
        (module("c"), BTreeSet::from([module("a")])),
    ]);
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
}

/// Where a file in src/tui makes drawn text itself rather than through `widgets::{span, line,
/// lines}` (which clean what did not come through a loader): ratatui's own constructors of
/// text, or a widget built straight from a string.
fn text_made_by_hand(source: &str) -> Vec<String> {
    struct Calls(Vec<String>);
    impl<'ast> Visit<'ast> for Calls {
        fn visit_item(&mut self, item: &'ast syn::Item) {
            let test_only = match item {
                syn::Item::Mod(m) => is_test_only(&m.attrs),
                syn::Item::Fn(f) => is_test_only(&f.attrs),
                _ => false,
            };
            if !test_only {
                visit::visit_item(self, item);
            }
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if let syn::Expr::Path(p) = &*call.func {
                let names: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                let last_two = names[names.len().saturating_sub(2)..].join("::");
                let made = ["Line", "Span", "Text"].iter().any(|t| {
                    ["raw", "styled"]
                        .iter()
                        .any(|f| last_two == format!("{t}::{f}"))
                });
                let from_string = [
                    "Line::from",
                    "Span::from",
                    "Text::from",
                    "ListItem::new",
                    "Cell::from",
                    "Paragraph::new",
                    "Row::new",
                ]
                .contains(&last_two.as_str())
                    && call.args.iter().any(|a| {
                        matches!(a, syn::Expr::Macro(m) if m.mac.path.is_ident("format"))
                            || matches!(a, syn::Expr::Lit(l) if matches!(l.lit, syn::Lit::Str(_)))
                    });
                if made || from_string {
                    self.0.push(last_two);
                }
            }
            visit::visit_expr_call(self, call);
        }
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            let method = call.method.to_string();
            if ["title", "label"].contains(&method.as_str())
                && call
                    .args
                    .iter()
                    .any(|a| matches!(a, syn::Expr::Macro(m) if m.mac.path.is_ident("format")))
            {
                self.0.push(format!(".{method}(format!(…))"));
            }
            visit::visit_expr_method_call(self, call);
        }
    }
    let mut calls = Calls(Vec::new());
    calls.visit_file(&syn::parse_file(source).expect("the source parses"));
    calls.0
}

#[test]
fn the_planner_draws_text_only_through_the_one_constructor() {
    let tui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let constructor = tui.join("widgets/mod.rs");
    for file in sources(&tui).into_iter().filter(|f| *f != constructor) {
        let made = text_made_by_hand(&std::fs::read_to_string(&file).unwrap());
        assert!(
            made.is_empty(),
            "{} makes drawn text by hand ({made:?}): use widgets::{{span, line, lines}}",
            file.display()
        );
    }
    // The checker itself finds each way.
    let caught = text_made_by_hand(
        r#"fn f(b: Block) { Line::raw(x); ratatui::text::Span::styled(y, s); Line::from(format!("{a}"));
           ListItem::new("text"); b.title(format!(" {t} ")); line(&x, s); Line::from(vec![span(&x, s)]); }
           #[cfg(test)] mod tests { fn g() { Line::raw(x); } }"#,
    );
    assert_eq!(
        caught,
        [
            "Line::raw",
            "Span::styled",
            "Line::from",
            "ListItem::new",
            ".title(format!(…))"
        ]
    );
}
