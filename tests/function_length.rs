//! No function in src/ may run over 120 lines, counted from its `fn` line to its closing
//! brace. A function that long mixes several steps a reader has to hold at once; past this
//! size it is split into named steps instead. The check reads the sources as text (no
//! parser crate): comments, strings and character literals are blanked first so that a
//! brace inside them does not count, then every `fn NAME` with a body is measured.

use std::path::{Path, PathBuf};

/// The longest a function may be, in lines, both ends included.
const MAX_LINES: usize = 120;

/// One function found in a source file.
#[derive(Debug, PartialEq)]
struct Function {
    name: String,
    /// 1-based line of the `fn` keyword.
    line: usize,
    /// Lines from the `fn` line to the closing brace, both included.
    length: usize,
}

/// Whether `c` may continue an identifier (ASCII is all Rust names in src/ use).
fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Replaces `chars[from..to]` by spaces, keeping newlines so line numbers stay right.
fn blank(chars: &mut [char], from: usize, to: usize) {
    for c in chars.iter_mut().take(to).skip(from) {
        if *c != '\n' {
            *c = ' ';
        }
    }
}

/// End (exclusive) of a `/* */` comment starting at `at`; Rust block comments nest.
fn block_comment_end(chars: &[char], at: usize) -> usize {
    let mut depth = 0usize;
    let mut i = at;
    while i + 1 < chars.len() {
        match (chars[i], chars[i + 1]) {
            ('/', '*') => {
                depth += 1;
                i += 2;
            }
            ('*', '/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    chars.len()
}

/// End (exclusive) of a `"…"` string whose opening quote is at `at`.
fn string_end(chars: &[char], at: usize) -> usize {
    let mut i = at + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// If a raw string (`r"…"`, `r#"…"#`, `br#"…"#`) starts at `at`, its end (exclusive).
fn raw_string_end(chars: &[char], at: usize) -> Option<usize> {
    let mut i = at;
    if chars.get(i) == Some(&'b') {
        i += 1;
    }
    if chars.get(i) != Some(&'r') {
        return None;
    }
    i += 1;
    let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
    i += hashes;
    if chars.get(i) != Some(&'"') {
        return None;
    }
    i += 1;
    while i < chars.len() {
        if chars[i] == '"'
            && chars[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(chars.len())
}

/// If a character literal starts at `at` (rather than a lifetime), its end (exclusive).
fn char_literal_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at + 1) {
        Some('\\') => {
            let close = chars[at + 2..].iter().position(|&c| c == '\'')?;
            Some(at + 2 + close + 1)
        }
        Some(_) if chars.get(at + 2) == Some(&'\'') => Some(at + 3),
        _ => None,
    }
}

/// The source with comments, strings and character literals blanked out.
fn code_only(source: &str) -> Vec<char> {
    let mut chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let after_ident = i > 0 && is_ident(chars[i - 1]);
        let end = match (chars[i], chars.get(i + 1)) {
            ('/', Some('/')) => Some(
                chars[i..]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(chars.len(), |p| i + p),
            ),
            ('/', Some('*')) => Some(block_comment_end(&chars, i)),
            ('"', _) => Some(string_end(&chars, i)),
            ('\'', _) => char_literal_end(&chars, i),
            ('b' | 'r', _) if !after_ident => raw_string_end(&chars, i),
            _ => None,
        };
        match end {
            Some(end) => {
                blank(&mut chars, i, end);
                i = end;
            }
            None => i += 1,
        }
    }
    chars
}

/// Index of the brace that closes the one at `open`.
fn closing_brace(code: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in code.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the word `fn` stands at `at` as a keyword followed by a function name (not the
/// `fn(…)` pointer type).
fn fn_name_at(code: &[char], at: usize) -> Option<String> {
    let keyword = code.get(at..at + 2)? == ['f', 'n'];
    let before_ok = at == 0 || !is_ident(code[at - 1]);
    if !keyword || !before_ok || !code.get(at + 2)?.is_whitespace() {
        return None;
    }
    let start = at
        + 2
        + code[at + 2..]
            .iter()
            .take_while(|c| c.is_whitespace())
            .count();
    let name: String = code[start..].iter().take_while(|&&c| is_ident(c)).collect();
    (!name.is_empty()).then_some(name)
}

/// Every function with a body in `source`, with its line and length.
fn functions(source: &str) -> Vec<Function> {
    let code = code_only(source);
    let line_of = |index: usize| 1 + code[..index].iter().filter(|&&c| c == '\n').count();
    let mut found = Vec::new();
    for at in 0..code.len() {
        let Some(name) = fn_name_at(&code, at) else {
            continue;
        };
        // The body opens at the first brace; a `;` first means a declaration without one.
        let Some(open) = code[at..]
            .iter()
            .position(|&c| c == '{' || c == ';')
            .map(|p| at + p)
        else {
            continue;
        };
        if code[open] == ';' {
            continue;
        }
        if let Some(close) = closing_brace(&code, open) {
            let line = line_of(at);
            found.push(Function {
                name,
                line,
                length: line_of(close) - line + 1,
            });
        }
    }
    found
}

/// Every `.rs` file below `dir`, sorted so the report reads the same on every machine.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn no_function_in_src_is_over_120_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    for path in rust_files(&root.join("src")) {
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let shown = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        for f in functions(&source)
            .into_iter()
            .filter(|f| f.length > MAX_LINES)
        {
            offenders.push(format!(
                "{shown}:{} fn {} is {} lines",
                f.line, f.name, f.length
            ));
        }
    }
    assert!(
        offenders.is_empty(),
        "{} function(s) over {MAX_LINES} lines; split each into named steps:\n{}",
        offenders.len(),
        offenders.join("\n")
    );
}

#[test]
fn braces_in_strings_comments_and_chars_do_not_count() {
    let source = r##"
fn outer() {
    let a = "}}";
    let b = r#"{"#;
    let c = '{';
    let d: &'static str = "x";
    // }
    /* } /* nested } */ */
    fn inner(x: fn(u8) -> u8) {}
}
trait T { fn declared(&self); }
"##;
    let found = functions(source);
    let summary: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|f| (f.name.as_str(), f.line, f.length))
        .collect();
    assert_eq!(summary, vec![("outer", 2, 9), ("inner", 9, 1)]);
}
