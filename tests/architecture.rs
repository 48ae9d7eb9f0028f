//! The shape of the code, checked: no module imports one that imports it back (however long the
//! way round), no file under src/ is over 800 lines, and the planner never touches the file
//! system itself — the store does that.
//!
//! A module is one file. Module A depends on module B when A names B in a path: `crate::b::…`,
//! `super::b::…`, or a child `b::…` that A declares. `#[cfg(test)]` code is left out: tests may
//! reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;

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
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The file's text without its `#[cfg(test)]` items and without comments.
fn code_of(text: &str) -> String {
    let without_tests = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    without_tests
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths named in `code`, each as its segments, with brace groups expanded one level deep:
/// `super::{a::X, b}` gives `super::a::X` and `super::b`.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut paths = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_ident(bytes[i]) || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let seg_start = j;
            while j < bytes.len() && is_ident(bytes[j]) {
                j += 1;
            }
            if seg_start == j {
                break;
            }
            segments.push(code[seg_start..j].to_string());
            if code[j..].starts_with("::{") {
                let close = code[j..].find('}').map_or(bytes.len(), |c| j + c);
                for part in code[j + 3..close].split(',') {
                    let first: Vec<String> = part
                        .trim()
                        .split("::")
                        .map(|s| s.trim().to_string())
                        .filter(|s| {
                            !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
                        })
                        .collect();
                    let mut path = segments.clone();
                    path.extend(first);
                    paths.push(path);
                }
                j = close;
                segments.clear();
                break;
            }
            if code[j..].starts_with("::") {
                j += 2;
            } else {
                break;
            }
        }
        if segments.len() >= 2 {
            paths.push(segments);
        }
        i = j.max(start + 1);
    }
    paths
}

/// The module a path names, given the module it is written in and the modules that exist.
fn resolve(
    from: &[String],
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
    children: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut base: Vec<String>;
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base = Vec::new();
            rest = &path[1..];
        }
        Some("super") | Some("self") => {
            base = from.to_vec();
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
        }
        Some(first) => {
            let mut child = from.to_vec();
            child.push(first.to_string());
            if !children.contains(&child) {
                return None;
            }
            base = from.to_vec();
        }
        None => return None,
    }
    // The longest prefix that is a module file.
    let mut best = modules.contains(&base).then(|| base.clone());
    for segment in rest {
        base.push(segment.clone());
        if modules.contains(&base) {
            best = Some(base.clone());
        }
    }
    best
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<PathBuf> = sources(&src)
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "main.rs"))
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        // Children this file declares with `mod x;`.
        let children: BTreeSet<Vec<String>> = modules
            .iter()
            .filter(|m| m.len() == from.len() + 1 && m.starts_with(&from))
            .cloned()
            .collect();
        let mut edges = BTreeSet::new();
        for path in paths_in(&code) {
            if let Some(to) = resolve(&from, &path, &modules, &children)
                && to != from
                && !to.is_empty()
            {
                edges.insert(to);
            }
        }
        graph.insert(from, edges);
    }
    // Depth-first search for a cycle; report the first one found, as a readable chain.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
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
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!("an import cycle: {}", names.join(" → "));
        }
    }
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

#[test]
fn the_planner_never_touches_the_file_system_itself() {
    let tui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    for file in sources(&tui) {
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for forbidden in ["std::fs", "fs::", "File::", "OpenOptions"] {
            assert!(
                !code.contains(forbidden),
                "{} uses {forbidden}: file access belongs to the store",
                file.display()
            );
        }
    }
}

#[test]
fn the_checker_resolves_paths_to_the_modules_they_name() {
    let module = |s: &str| -> Vec<String> { s.split("::").map(String::from).collect() };
    let modules: BTreeSet<Vec<String>> = ["tui", "tui::tabs", "tui::tabs::plan", "ladder"]
        .iter()
        .map(|m| module(m))
        .collect();
    let children = BTreeSet::from([module("tui::tabs::plan")]);
    let from = module("tui::tabs");
    let resolve_str = |p: &str| resolve(&from, &module(p), &modules, &children);
    assert_eq!(
        resolve_str("plan::PlanTab"),
        Some(module("tui::tabs::plan"))
    );
    assert_eq!(resolve_str("super::Thing"), Some(module("tui")));
    assert_eq!(resolve_str("crate::ladder::Ladder"), Some(module("ladder")));
    assert_eq!(resolve_str("std::fmt::Write"), None);
    let from = module("tui::tabs::plan");
    assert_eq!(
        resolve(&from, &module("super::Tab"), &modules, &BTreeSet::new()),
        Some(module("tui::tabs")),
        "a child naming its parent depends on it"
    );
}

#[test]
fn the_checker_finds_paths() {
    let paths =
        paths_in("use super::{context::Ctx, keymap};\nlet x = crate::ladder::plan::Path::new();");
    assert!(paths.contains(&vec!["super".into(), "context".into(), "Ctx".into()]));
    assert!(paths.contains(&vec!["super".into(), "keymap".into()]));
    assert!(paths.contains(&vec![
        "crate".into(),
        "ladder".into(),
        "plan".into(),
        "Path".into(),
        "new".into()
    ]));
}
