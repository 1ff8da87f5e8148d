//! Layers that point one way. `docs/ARCHITECTURE.md` gives every module of `src/` a layer
//! number; a module may use only modules of a lower layer, so no two modules can use
//! each other. This test reads every file of `src/`, finds every `crate::…` path in its
//! code (`use` lines, `use crate::{a, b}` groups, paths written inside code; comments and
//! `#[cfg(test)]` items are not the module's dependencies) and fails on any that points
//! to the same or a higher layer, naming the file, the line and the rule broken. It also
//! fails when a module of `src/` is missing from the table, so the map stays whole.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The layer table: module path (`model`, `model::span`) → layer number.
fn layer_table() -> BTreeMap<String, u32> {
    let text = std::fs::read_to_string(root().join("docs/ARCHITECTURE.md")).expect("doc");
    let mut table = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(layer), Some(module)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let Ok(layer) = layer.parse::<u32>() else {
            continue;
        };
        for m in module.split(',') {
            let m = m.trim().trim_matches('`').trim();
            if !m.is_empty() {
                table.insert(m.to_string(), layer);
            }
        }
    }
    assert!(
        table.len() >= 20,
        "the layer table lost its rows: {table:?}"
    );
    table
}

/// The table entry a module path falls under: the longest entry that is a prefix of it
/// at a `::` boundary.
fn entry<'t>(table: &'t BTreeMap<String, u32>, path: &str) -> Option<(&'t str, u32)> {
    table
        .iter()
        .filter(|(m, _)| path == m.as_str() || path.starts_with(&format!("{m}::")))
        .max_by_key(|(m, _)| m.len())
        .map(|(m, l)| (m.as_str(), *l))
}

/// `src/a/b.rs` → `a::b`; `src/a/mod.rs` → `a`.
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(root().join("src")).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a line: without a `//` comment (one outside a string literal).
fn code_of(line: &str) -> &str {
    let (mut in_str, mut escaped) = (false, false);
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_str => escaped = true,
            b'"' => in_str = !in_str,
            b'/' if !in_str && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// The lines of `text` that are the module's own code, numbered from 1: comments and
/// `#[cfg(test)]` items (tests may reach anywhere) left out.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut skip_depth: Option<i64> = None;
    let mut skip_next_item = false;
    for (i, raw) in text.lines().enumerate() {
        let code = code_of(raw);
        let opens = code.matches('{').count() as i64 - code.matches('}').count() as i64;
        if let Some(depth) = skip_depth.as_mut() {
            *depth += opens;
            if *depth <= 0 {
                skip_depth = None;
            }
            continue;
        }
        let t = code.trim();
        if t == "#[cfg(test)]" {
            skip_next_item = true;
            continue;
        }
        if skip_next_item && !t.is_empty() && !t.starts_with("#[") {
            skip_next_item = false;
            if opens > 0 {
                skip_depth = Some(opens);
            }
            continue;
        }
        out.push((i + 1, code.to_string()));
    }
    out
}

/// Every module path named after `crate::` in `code` (a joined run of lines), with the
/// offset it starts at; a `crate::{a, b::c}` group gives `a` and `b::c`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = code[from..].find("crate::") {
        let at = from + k;
        let rest = &code[at + "crate::".len()..];
        from = at + "crate::".len();
        // `jixiao_crate::` or `my_crate::` are no paths of this crate.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group[..end].char_indices().chain([(end, ',')]) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push((at, path_at(&group[start..i])));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push((at, path_at(rest)));
        }
    }
    out.retain(|(_, p)| !p.is_empty());
    out
}

/// The module path at the start of `s` (`model::span::Span` → `model::span::Span`).
fn path_at(s: &str) -> String {
    s.trim()
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .next()
        .unwrap_or_default()
        .trim_end_matches(':')
        .to_string()
}

#[test]
fn every_import_points_down_the_layer_table() {
    let table = layer_table();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut broken = Vec::new();
    let mut unmapped = Vec::new();
    let mut seen = 0;
    for file in &files {
        let module = module_of(file);
        if module == "lib" || module == "main" {
            continue;
        }
        let Some((from_entry, from_layer)) = entry(&table, &module) else {
            unmapped.push(module);
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read source");
        let lines = code_lines(&text);
        // Joined so that a `use crate::{…}` group over several lines is read whole.
        let mut joined = String::new();
        let mut starts = Vec::new();
        for (n, code) in &lines {
            starts.push((joined.len(), *n));
            joined.push_str(code);
            joined.push('\n');
        }
        for (offset, path) in crate_paths(&joined) {
            seen += 1;
            let line = starts
                .iter()
                .take_while(|(s, _)| *s <= offset)
                .last()
                .map_or(0, |(_, n)| *n);
            let rel = file.strip_prefix(root()).unwrap_or(file).display();
            match entry(&table, &path) {
                None => broken.push(format!(
                    "{rel}:{line}: `crate::{path}` names a module the table in docs/ARCHITECTURE.md lacks"
                )),
                Some((to_entry, _)) if to_entry == from_entry => {}
                Some((to_entry, to_layer)) if to_layer >= from_layer => broken.push(format!(
                    "{rel}:{line}: `{from_entry}` (layer {from_layer}) uses `crate::{path}` of `{to_entry}` (layer {to_layer}); a module may use only lower layers (docs/ARCHITECTURE.md)"
                )),
                Some(_) => {}
            }
        }
    }
    assert!(
        seen > 300,
        "found only {seen} crate:: paths; is the scanner blind?"
    );
    assert!(
        unmapped.is_empty(),
        "modules of src/ missing from the layer table in docs/ARCHITECTURE.md: {unmapped:?}"
    );
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_scanner_reads_groups_comments_and_test_items() {
    let paths: Vec<String> =
        crate_paths("use crate::{a::b, c::{d, e}, f};\nlet x = crate::g::h(1);")
            .into_iter()
            .map(|(_, p)| p)
            .collect();
    assert_eq!(
        paths,
        ["a::b", "c::", "f", "g::h"].map(|s| s.trim_end_matches(':').to_string())
    );
    assert_eq!(
        code_of("let s = \"a // b\"; // crate::x"),
        "let s = \"a // b\"; "
    );
    let lines = code_lines(
        "use crate::a;\n#[cfg(test)]\nmod tests {\n    use crate::z;\n}\nuse crate::b;\n",
    );
    let kept: Vec<usize> = lines.iter().map(|(n, _)| *n).collect();
    assert_eq!(kept, [1, 6]);
}
