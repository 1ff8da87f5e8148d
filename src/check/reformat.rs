//! `jixiao fmt`: tidies each indicator's `target`. By default ([`Mode::Wording`]) only what
//! leaves the published wording intact — surrounding spaces and full-width digits — because
//! the 自评表's 年度指标值 must read exactly as the published 绩效目标表; `--canonical`
//! ([`Mode::Canonical`]) rewrites a target to its canonical form where it parses without
//! warnings. Only the target's quoted string is replaced (found with `toml_edit`'s spans), so
//! comments, layout and every other byte stay as they are; a target keeps its own trailing
//! comment.

use crate::parse::{parse_target, Strictness};
use crate::scorecard::load::{project_files, DEPARTMENT_FILE};
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use toml_edit::{Item, Value};

/// How far `fmt` may rewrite a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Keeps the wording: trims surrounding spaces (half-width, full-width, no-break) and
    /// makes full-width digits, `．` and `％` half-width — characters the parser reads the
    /// same either way, so the score cannot change and the text still matches the
    /// published table.
    #[default]
    Wording,
    /// The target's canonical form (`每月播放2期` → `=2期/月`): changes the wording.
    Canonical,
}

impl Mode {
    /// The rewritten target, or `None` when this mode leaves it as it is.
    pub fn rewrite(self, text: &str) -> Option<String> {
        match self {
            Mode::Wording => wording_safe(text),
            Mode::Canonical => canonical(text),
        }
    }
}

/// One target that would be rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub file: PathBuf,
    /// Line and column (characters) of the target's text.
    pub line: usize,
    pub column: usize,
    pub old: String,
    pub new: String,
}

/// What `fmt` would do to one file: its text as read, when it was read, the new text and
/// the changes.
#[derive(Debug, Clone)]
pub struct FilePlan {
    pub path: PathBuf,
    pub original: String,
    pub modified: Option<SystemTime>,
    pub new_text: String,
    pub changes: Vec<Change>,
}

#[derive(Debug)]
pub enum FmtError {
    Read(PathBuf, std::io::Error),
    /// Not TOML: `check` explains it; `fmt` leaves the file alone.
    Syntax(PathBuf, String),
    /// The file changed between reading and writing: nothing written.
    Changed(PathBuf),
    Write(PathBuf, std::io::Error),
}

/// In the current language (`fmt.*` in the catalogues).
impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::tf;
        let (key, path, why) = match self {
            FmtError::Read(p, e) => ("fmt.read", p, e.to_string()),
            FmtError::Syntax(p, e) => ("fmt.syntax", p, e.clone()),
            FmtError::Changed(p) => ("fmt.changed", p, String::new()),
            FmtError::Write(p, e) => ("fmt.write", p, e.to_string()),
        };
        let path = path.display().to_string();
        f.write_str(&tf(key, &[("path", &path), ("why", &why)]))
    }
}

impl std::error::Error for FmtError {}

/// The scorecard files under `path`: a single file, or a folder's `department.toml` and
/// `projects/*.toml` (in name order).
pub fn files_of(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    let dept = path.join(DEPARTMENT_FILE);
    if dept.is_file() {
        files.push(dept);
    }
    files.extend(project_files(path).unwrap_or_default());
    files
}

/// Reads a file and works out its text after `mode`'s rewrites.
pub fn plan_file(path: &Path, mode: Mode) -> Result<FilePlan, FmtError> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let original =
        crate::limits::read_to_string(path).map_err(|e| FmtError::Read(path.into(), e))?;
    let (new_text, changes) =
        plan_text(path, &original, mode).map_err(|e| FmtError::Syntax(path.into(), e))?;
    Ok(FilePlan {
        path: path.to_path_buf(),
        original,
        modified,
        new_text,
        changes,
    })
}

/// The text of a scorecard file after `mode`'s rewrites and the changes that make it, or
/// the TOML syntax error. Each rewritten target's quoted string is replaced in place, byte range
/// for byte range, so everything else — comments, layout, a byte-order mark, CRLF line
/// endings — stays exactly as the file had it.
pub fn plan_text(path: &Path, text: &str, mode: Mode) -> Result<(String, Vec<Change>), String> {
    let doc = crate::toml_tree::parse_document(text).map_err(|e| syntax_message(&e, text))?;
    // One line index for the file: a line lookup per change must not rescan it.
    let lines = crate::line_index::LineIndex::new(text);
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut changes = Vec::new();
    for value in targets(doc.as_table().get("indicators"))
        .into_iter()
        .flatten()
    {
        let Some(old) = value.as_str() else { continue };
        let Some(new) = mode.rewrite(old) else {
            continue;
        };
        let Some(span) = value.span() else { continue };
        let range = span.start..span.end;
        if text.get(range.clone()).is_none() {
            continue;
        }
        let (line, column) = lines.line_col(text, range.start);
        edits.push((
            range,
            Value::from(new.as_str()).to_string().trim().to_string(),
        ));
        changes.push(Change {
            file: path.to_path_buf(),
            line,
            column,
            old: old.to_string(),
            new,
        });
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, quoted) in &edits {
        out.push_str(text.get(at..range.start).unwrap_or(""));
        out.push_str(quoted);
        at = range.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    Ok((out, changes))
}

/// The canonical form of a target, when it parses without warnings, differs from the
/// text, and reads back as the same target.
pub fn canonical(text: &str) -> Option<String> {
    let parsed = parse_target(text, Strictness::Lenient).ok()?;
    if !parsed.warnings.is_empty() {
        return None;
    }
    let new = parsed.value.to_string();
    if new == text {
        return None;
    }
    let again = parse_target(&new, Strictness::Strict).ok()?;
    (again.warnings.is_empty() && again.value == parsed.value).then_some(new)
}

/// The target with surrounding spaces trimmed and full-width digits, `．` and `％` made
/// half-width, when that differs from the text. Nothing else: every other character is
/// wording the published table chose.
pub fn wording_safe(text: &str) -> Option<String> {
    let is_space = |c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}';
    let new: String = text
        .trim_matches(is_space)
        .chars()
        .map(|c| match c {
            '０'..='９' | '．' | '％' => crate::parse::normalize::normalize_char(c),
            _ => c,
        })
        .collect();
    (new != text).then_some(new)
}

fn syntax_message(e: &crate::toml_tree::TomlError, text: &str) -> String {
    crate::toml_tree::syntax_message(e, text).0
}

/// The `target` value of each entry of `indicators` (array of tables or inline array).
fn targets(item: Option<&Item>) -> Vec<Option<&Value>> {
    match item {
        Some(Item::ArrayOfTables(aot)) => aot
            .iter()
            .map(|t| t.get("target").and_then(Item::as_value))
            .collect(),
        Some(Item::Value(Value::Array(arr))) => arr
            .iter()
            .map(|v| v.as_inline_table().and_then(|t| t.get("target")))
            .collect(),
        _ => Vec::new(),
    }
}

/// Writes the new text, unless the file changed since it was read (content or mtime).
pub fn apply(plan: &FilePlan) -> Result<(), FmtError> {
    if plan.changes.is_empty() {
        return Ok(());
    }
    let modified = std::fs::metadata(&plan.path)
        .and_then(|m| m.modified())
        .ok();
    let now = crate::limits::read_to_string(&plan.path)
        .map_err(|e| FmtError::Read(plan.path.clone(), e))?;
    if now != plan.original || modified != plan.modified {
        return Err(FmtError::Changed(plan.path.clone()));
    }
    crate::output::write_atomic(&plan.path, plan.new_text.as_bytes())
        .map_err(|e| FmtError::Write(plan.path.clone(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical("大于等于2000份").as_deref(), Some("≥2000份"));
        assert_eq!(canonical("≥2000份"), None);
        // Warnings: left alone.
        assert_eq!(canonical("≥3数量，办案数量"), None);
    }

    #[test]
    fn only_targets_change() {
        let text = "# top\ncode = \"x\"\n\n[[indicators]]\nid = \"a\"  # keep\ntarget = \"大于等于2000份\"  # trailing\nname = \"大于等于2000份\"\n\n[[indicators]]\nid = \"b\"\ntarget = \"≥5次\"\n";
        let (new, changes) =
            plan_text(Path::new("f.toml"), text, Mode::Canonical).unwrap_or_default();
        assert_eq!(
            new,
            text.replacen("target = \"大于等于2000份\"", "target = \"≥2000份\"", 1)
        );
        assert_eq!(changes.len(), 1);
        assert_eq!(changes.first().map(|c| c.line), Some(6));
    }

    /// A file saved on Windows keeps its byte-order mark and CRLF endings; only the target
    /// text changes (inline tables too, and a literal string becomes a basic one).
    #[test]
    fn bom_and_crlf_stay() {
        let text = "\u{feff}# 项目\r\ncode = \"x\"\r\n\r\n[[indicators]]\r\nid = \"a\"\r\ntarget = '大于等于2000份'   # trailing\r\n";
        let (new, changes) =
            plan_text(Path::new("f.toml"), text, Mode::Canonical).unwrap_or_default();
        assert_eq!(new, text.replacen("'大于等于2000份'", "\"≥2000份\"", 1));
        assert_eq!(changes.first().map(|c| (c.line, c.column)), Some((6, 10)));
        let inline = "indicators = [{ id = \"a\", target = \"大于等于3个\" }, { id = \"b\", target = \"不少于5次\" }]\r\n";
        let (new, changes) =
            plan_text(Path::new("f.toml"), inline, Mode::Canonical).unwrap_or_default();
        assert_eq!(
            new,
            "indicators = [{ id = \"a\", target = \"≥3个\" }, { id = \"b\", target = \"≥5次\" }]\r\n"
        );
        assert_eq!(changes.len(), 2);
    }
}
