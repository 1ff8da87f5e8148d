//! Compiler-style diagnostics for everything a user writes: targets, actuals, rules,
//! scorecard files. One shape for all of them. Rendered here rather than by miette:
//! miette counts columns in bytes, so a span after Chinese text points at the wrong column.

use crate::model::Span;
use serde::Serialize;
use std::fmt;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Advice,
}

/// One problem in user text: what is wrong (one lowercase sentence), where (a span into
/// the text as written), what the underlined text is (label) and how to fix it (help).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `target::junk`; used as the CSV flag.
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            label: String::new(),
            help: None,
        }
    }
    pub fn warning(code: &'static str, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, span)
        }
    }
    pub fn advice(code: &'static str, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Advice,
            ..Diagnostic::error(code, message, span)
        }
    }
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// Shifts the span, for text that sits at an offset inside a larger file.
    pub fn offset(mut self, by: usize) -> Self {
        self.span = Span::new(self.span.start + by, self.span.end + by);
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_start = past_bom(source, line_start).min(offset);
    let col = source[line_start..offset].chars().count() + 1;
    (line, col)
}

/// A file saved by Excel or Notepad starts with a byte-order mark: it is not part of the
/// first line as the user sees it, so columns and the quoted line start after it.
fn past_bom(source: &str, line_start: usize) -> usize {
    if line_start == 0 && source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        line_start
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Renders diagnostics like a compiler: the message, `--> name:line:col`, the source
/// line, the span underlined (CJK-aware: a Chinese character is two columns wide), a
/// label, and the help line. Columns count characters, not bytes. No colour, so output
/// is stable for snapshots and readable in logs.
pub fn render(diags: &[Diagnostic], name: &str, source: &str) -> String {
    let mut out = String::new();
    for d in diags {
        render_one(&mut out, d, name, source);
    }
    out
}

fn render_one(out: &mut String, d: &Diagnostic, name: &str, source: &str) {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "advice",
    };
    let start = floor_char_boundary(source, d.span.start.min(source.len()));
    let end = floor_char_boundary(source, d.span.end.min(source.len())).max(start);
    let (line, col) = line_col(source, start);
    let line_start = source[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_start = past_bom(source, line_start).min(start);
    let line_end = source[start..]
        .find('\n')
        .map(|i| start + i)
        .unwrap_or(source.len());
    let text = source[line_start..line_end].trim_end_matches('\r');
    let under_end = end.min(line_start + text.len()).max(start);
    let pad = width(&source[line_start..start]);
    let marks = width(&source[start..under_end]).max(1);
    let gutter = " ".repeat(line.to_string().len());
    out.push_str(&format!("{sev}[{}]: {}\n", d.code, d.message));
    out.push_str(&format!("{gutter}--> {name}:{line}:{col}\n"));
    out.push_str(&format!("{gutter} |\n"));
    out.push_str(&format!("{line} | {text}\n"));
    let label = if d.label.is_empty() {
        String::new()
    } else {
        format!(" {}", d.label)
    };
    out.push_str(&format!(
        "{gutter} | {}{}{label}\n",
        " ".repeat(pad),
        "^".repeat(marks)
    ));
    if let Some(h) = &d.help {
        out.push_str(&format!("{gutter} |\n{gutter} = help: {h}\n"));
    }
    out.push('\n');
}

/// A diagnostic in a file: the file's path, its text, and the diagnostic, whose span is a
/// byte range into that text. Travels with its source so it can be rendered anywhere.
#[derive(Debug, Clone)]
pub struct FileDiagnostic {
    pub file: std::path::PathBuf,
    pub source: std::sync::Arc<str>,
    pub diagnostic: Diagnostic,
}

impl FileDiagnostic {
    /// Line and column (1-based, column in characters) where the diagnostic starts.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(&self.source, self.diagnostic.span.start)
    }
    /// The text the diagnostic underlines.
    pub fn snippet(&self) -> &str {
        let s = self.diagnostic.span;
        self.source.get(s.start..s.end).unwrap_or("")
    }
    pub fn is_error(&self) -> bool {
        self.diagnostic.is_error()
    }
}

/// Renders diagnostics like a compiler, each with `--> file:line:col`.
pub fn render_file_diagnostics(diags: &[FileDiagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let name = d.file.display().to_string();
        out.push_str(&render(
            std::slice::from_ref(&d.diagnostic),
            &name,
            &d.source,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_line() {
        let source = "\u{feff}project,spent\r\nP1,九万\r\n";
        let at = source.find("spent").unwrap_or_default();
        assert_eq!(line_col(source, at), (1, 9));
        let shown = render(
            &[Diagnostic::error("t", "m", Span::new(at, at + 5))],
            "f.csv",
            source,
        );
        assert!(shown.contains("--> f.csv:1:9\n"), "{shown}");
        assert!(shown.contains("1 | project,spent\n"), "{shown}");
        assert!(shown.contains("  |         ^^^^^"), "{shown}");
        let second = source.find("九万").unwrap_or_default();
        assert_eq!(line_col(source, second), (2, 4));
    }
}
