//! Compiler-style diagnostics for everything a user writes: targets, actuals, rules,
//! scorecard files. One shape for all of them. Rendered here rather than by miette:
//! miette counts columns in bytes, so a span after Chinese text points at the wrong column.

use crate::model::span::Span;
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

mod code;
pub use code::Code;

/// One problem in user text: what is wrong (one lowercase sentence), where (a span into
/// the text as written), what the underlined text is (label) and how to fix it (help).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `target::empty`; used as the CSV flag.
    pub code: Code,
    pub message: String,
    pub span: Span,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// How the catalogue's texts were filled, for a diagnostic made by [`Diagnostic::new`];
    /// boxed so a `Result<_, Diagnostic>` stays small.
    #[serde(skip)]
    pub(crate) fill_in: Option<Box<FillIn>>,
}

/// The named values of the catalogue's placeholders, kept so each text is filled in one
/// pass (a value holding `{x}` is never filled again), and which of the code's texts:
/// `""` for `message`/`label`/`help`, else `message-<v>` … where the catalogue has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FillIn {
    variant: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    /// A diagnostic whose message, label and help come from the catalogue of the current
    /// language (`[code."target::empty"]` in `src/i18n/zh.toml`), with the code's usual
    /// severity. Fill placeholders with [`arg`](Self::arg) before any `with_label`.
    pub fn new(code: Code, span: Span) -> Self {
        let mut d = Diagnostic {
            severity: code.severity(),
            code,
            message: String::new(),
            span,
            label: String::new(),
            help: None,
            fill_in: None,
        };
        d.fill();
        d
    }
    /// Fills the placeholder `{name}` of the catalogue's texts with `value`.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        let fill_in = self.fill_in.get_or_insert_with(Box::default);
        fill_in.args.push((name, value.to_string()));
        self.fill();
        self
    }
    /// Uses the code's texts keyed `message-<v>`, `label-<v>`, `help-<v>` where the
    /// catalogue has them (one code, several situations), the plain ones elsewhere.
    pub fn variant(mut self, v: &'static str) -> Self {
        self.fill_in.get_or_insert_with(Box::default).variant = v;
        self.fill();
        self
    }
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
    fn fill(&mut self) {
        let (variant, args) = match &self.fill_in {
            Some(f) => (f.variant, f.args.as_slice()),
            None => ("", &[][..]),
        };
        let text = |part: &str| {
            crate::i18n::code_part(self.code.as_str(), part, variant)
                .map(|t| crate::i18n::fill(t, args))
        };
        let message = text("message").unwrap_or_else(|| self.code.title().to_string());
        let label = text("label").unwrap_or_default();
        let help = text("help");
        self.message = message;
        self.label = label;
        self.help = help;
    }
    /// A diagnostic with a message written at the call site (not yet in the catalogues:
    /// see the list of such codes in this module's tests).
    pub fn error(code: impl Into<Code>, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.into(),
            message: message.into(),
            span,
            label: String::new(),
            help: None,
            fill_in: None,
        }
    }
    pub fn warning(code: impl Into<Code>, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, span)
        }
    }
    pub fn advice(code: impl Into<Code>, message: impl Into<String>, span: Span) -> Self {
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
    // SIMD searches: the loader places every project's code this way, a region's worth.
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
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
/// is stable for snapshots and readable in logs. A line over [`WHOLE_LINE_CHARS`] is shown
/// as a window of [`WINDOW_CHARS`] characters each side of the span, cut with `…`: a file
/// of 4,000 rows on one line must not print the line 4,000 times. Control characters in the text are
/// escaped (see [`crate::terminal_text`]).
pub fn render(diags: &[Diagnostic], name: &str, source: &str) -> String {
    let index = crate::line_index::LineIndex::new(source);
    let mut out = String::new();
    for d in diags {
        render_one(&mut out, d, name, source, &index);
    }
    out
}

/// Characters shown before the span, and after its first [`WINDOW_CHARS`] characters, of
/// a line longer than [`WHOLE_LINE_CHARS`].
pub const WINDOW_CHARS: usize = 60;
/// Lines up to this many characters are quoted whole.
pub const WHOLE_LINE_CHARS: usize = 160;

/// The byte offset `n` characters before `at` in `s`, not before `floor`.
fn chars_back(s: &str, floor: usize, at: usize, n: usize) -> usize {
    s.get(floor..at)
        .and_then(|t| t.char_indices().rev().nth(n.saturating_sub(1)))
        .map_or(floor, |(i, _)| floor + i)
}

/// The byte offset `n` characters after `at` in `s`, not past `ceil`.
fn chars_forward(s: &str, at: usize, ceil: usize, n: usize) -> usize {
    s.get(at..ceil)
        .and_then(|t| t.char_indices().nth(n))
        .map_or(ceil, |(i, _)| at + i)
}

/// `错误` / `error` …, in the current language.
pub fn severity_word(severity: Severity) -> &'static str {
    crate::i18n::t(match severity {
        Severity::Error => "diagnostic.error",
        Severity::Warning => "diagnostic.warning",
        Severity::Advice => "diagnostic.advice",
    })
}

fn render_one(
    out: &mut String,
    d: &Diagnostic,
    name: &str,
    source: &str,
    index: &crate::line_index::LineIndex,
) {
    use crate::terminal_text::sanitize_for_terminal as clean;
    let sev = severity_word(d.severity);
    let start = floor_char_boundary(source, d.span.start.min(source.len()));
    let end = floor_char_boundary(source, d.span.end.min(source.len())).max(start);
    let (line, col) = index.line_col(source, start);
    let line_start = index.line_start(start);
    let line_end = source[start..]
        .find('\n')
        .map(|i| start + i)
        .unwrap_or(source.len());
    // A span on the `\r` of a CRLF ending still shows the line before it.
    let line_end =
        (line_start + source[line_start..line_end].trim_end_matches('\r').len()).max(start);
    let under_end = end.min(line_end).max(start);
    // The window: the whole line when short, else the span's surroundings.
    let short = source[line_start..line_end]
        .chars()
        .nth(WHOLE_LINE_CHARS)
        .is_none();
    let (from, span_shown, to) = if short {
        (line_start, under_end, line_end)
    } else {
        let span_shown = chars_forward(source, start, under_end, WINDOW_CHARS);
        (
            chars_back(source, line_start, start, WINDOW_CHARS),
            span_shown,
            chars_forward(source, span_shown, line_end, WINDOW_CHARS),
        )
    };
    let (lead, tail) = (
        if from > line_start { "…" } else { "" },
        if to < line_end { "…" } else { "" },
    );
    let before = clean(&source[from..start]);
    let under = clean(&source[start..span_shown]);
    let after = clean(&source[span_shown..to]);
    let pad = width(lead) + width(&before);
    let marks = width(&under).max(1);
    let gutter = " ".repeat(line.to_string().len());
    out.push_str(&crate::i18n::tf(
        "diagnostic.header",
        &[
            ("severity", sev),
            ("code", d.code.as_str()),
            ("message", &clean(&d.message)),
        ],
    ));
    out.push('\n');
    out.push_str(&format!("{gutter}--> {}:{line}:{col}\n", clean(name)));
    out.push_str(&format!("{gutter} |\n"));
    out.push_str(&format!("{line} | {lead}{before}{under}{after}{tail}\n"));
    let label = if d.label.is_empty() {
        String::new()
    } else {
        format!(" {}", clean(&d.label))
    };
    out.push_str(&format!(
        "{gutter} | {}{}{label}\n",
        " ".repeat(pad),
        "^".repeat(marks)
    ));
    if let Some(h) = &d.help {
        let help = crate::i18n::tf("diagnostic.help", &[("help", &clean(h))]);
        out.push_str(&format!("{gutter} |\n{gutter} = {help}\n"));
    }
    if d.code != Code::Unregistered {
        let more = crate::i18n::tf("diagnostic.explain", &[("code", d.code.as_str())]);
        out.push_str(&format!("{gutter} = {more}\n"));
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
    /// Line and column (1-based, column in characters) where the diagnostic starts. The
    /// line index of the file is kept between calls, so the diagnostics of one file cost
    /// one scan of it, not one each.
    pub fn line_col(&self) -> (usize, usize) {
        with_index(&self.source, |index| {
            index.line_col(&self.source, self.diagnostic.span.start)
        })
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

/// Runs `f` with the line index of `source`, built once per file: the last one built on
/// this thread is kept with its text (so the text cannot be freed and its address reused).
fn with_index<T>(
    source: &std::sync::Arc<str>,
    f: impl FnOnce(&crate::line_index::LineIndex) -> T,
) -> T {
    use crate::line_index::LineIndex;
    use std::cell::RefCell;
    use std::sync::Arc;
    thread_local! {
        static LAST: RefCell<Option<(Arc<str>, LineIndex)>> = const { RefCell::new(None) };
    }
    LAST.with(|cell| {
        let Ok(mut last) = cell.try_borrow_mut() else {
            return f(&LineIndex::new(source));
        };
        match &*last {
            Some((text, index)) if Arc::ptr_eq(text, source) => f(index),
            _ => {
                let index = LineIndex::new(source);
                let out = f(&index);
                *last = Some((source.clone(), index));
                out
            }
        }
    })
}

/// Renders diagnostics like a compiler, each with `--> file:line:col`.
pub fn render_file_diagnostics(diags: &[FileDiagnostic]) -> String {
    let mut out = String::new();
    for_each_rendered(diags, |text| out.push_str(text));
    out
}

/// Renders `diags` one at a time, handing each text to `sink`: a file with 100,000
/// problems is printed without its whole report ever being in memory (a 1.5 MB actuals
/// file of unknown keys makes 32 MB of report).
pub fn for_each_rendered(diags: &[FileDiagnostic], mut sink: impl FnMut(&str)) {
    let mut one = String::new();
    for d in diags {
        one.clear();
        let name = d.file.display().to_string();
        with_index(&d.source, |index| {
            render_one(&mut one, &d.diagnostic, &name, &d.source, index)
        });
        sink(&one);
    }
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
