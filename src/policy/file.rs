//! Policy files: TOML whose `[rules]` values are rule texts. The TOML only carries the
//! texts; the rule language (grammar/rules.pest, [`super::rules`]) does the work. Every
//! problem in the file is reported at once, each pointing into the file.

use super::definition::Policy;
use super::rules::{parse_rule, RuleValue, Subject};
use super::vocabulary as vocab;
use crate::diagnostic::Code;
use crate::diagnostic::{render, Diagnostic};
use crate::model::Span;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use toml_edit::{TableLike, Value};

/// The default policy (财预〔2020〕10号) as shipped in `scorecards/policies/default.toml`.
pub const DEFAULT_POLICY_TOML: &str = include_str!("../../scorecards/policies/default.toml");

/// Where the embedded default policy lives in the repository, for `explain`.
pub const DEFAULT_POLICY_PATH: &str = "scorecards/policies/default.toml";

/// Where one rule of a policy is written: the key as written, its line (1-based) and the
/// rule text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleOrigin {
    pub key: String,
    pub line: usize,
    pub text: String,
}

/// Where each rule of a loaded policy is written. Kept beside the [`Policy`] (not inside
/// it), so two policies with the same rules stay equal wherever they were written.
/// Optional rules left out of the file have no origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleOrigins {
    /// The policy file, as given (or [`DEFAULT_POLICY_PATH`] for the built-in one).
    pub file: String,
    rules: Vec<(Subject, RuleOrigin)>,
}

impl RuleOrigins {
    /// No rule written anywhere: every rule is a default of `file`.
    pub fn empty(file: &str) -> RuleOrigins {
        RuleOrigins {
            file: file.to_string(),
            rules: Vec::new(),
        }
    }

    pub fn get(&self, subject: Subject) -> Option<&RuleOrigin> {
        self.rules
            .iter()
            .find(|(s, _)| *s == subject)
            .map(|(_, o)| o)
    }

    /// `file:line`, or the file alone when the rule is not written there (a default).
    pub fn location(&self, subject: Subject) -> String {
        match self.get(subject) {
            Some(o) => format!("{}:{}", self.file, o.line),
            None => crate::i18n::tf("rule-words.built-in-default", &[("file", &self.file)]),
        }
    }
}

const TOP_KEYS: [&str; 4] = ["name", "description", "rules", "vocabulary"];

/// A policy file that could not be loaded: where, its text, and every problem in it.
#[derive(Debug, Clone)]
pub struct PolicyError {
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl PolicyError {
    /// The diagnostics as a compiler prints them (`--> file:line:col`, the line, an underline).
    pub fn render(&self) -> String {
        render(&self.diagnostics, &self.path, &self.source)
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for PolicyError {}

/// Reads a policy file from disk.
pub fn load_policy(path: impl AsRef<Path>) -> Result<Policy, PolicyError> {
    load_policy_with_origins(path).map(|(p, _)| p)
}

/// Reads a policy file from disk, with the file and line of every rule.
pub fn load_policy_with_origins(
    path: impl AsRef<Path>,
) -> Result<(Policy, RuleOrigins), PolicyError> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let source = match crate::limits::read_to_string(path) {
        // issue 7: size limit
        Ok(s) => s,
        Err(e) => {
            return Err(PolicyError {
                path: shown,
                source: String::new(),
                diagnostics: vec![Code::PolicyRead.at(Span::default()).arg("why", e)],
            })
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file_words = match vocab::read_key(&source, Span::default()) {
        Ok(Some(vocab::VocabularyKey::File(name))) => match vocab::from_file(path, &name) {
            Ok(v) => Some(v),
            Err(d) => {
                return Err(PolicyError {
                    path: shown,
                    source,
                    diagnostics: vec![d],
                })
            }
        },
        _ => None,
    };
    match parse_policy_with_origins(&stem, &source) {
        Ok((mut p, mut o)) => {
            o.file = shown;
            if let Some(v) = file_words {
                p.vocabulary = v;
            }
            // The policy read from disk is the one the command scores with: cells parsed
            // from here on (scorecards, actuals) read its words.
            p.vocabulary.ensure_active();
            Ok((p, o))
        }
        Err(diagnostics) => Err(PolicyError {
            path: shown,
            source,
            diagnostics,
        }),
    }
}

/// The built-in default policy, read from its embedded file.
pub fn default_policy() -> Result<Policy, Vec<Diagnostic>> {
    parse_policy("default", DEFAULT_POLICY_TOML)
}

/// The built-in default policy with the lines of its rules in
/// `scorecards/policies/default.toml`.
pub fn default_policy_with_origins() -> Result<(Policy, RuleOrigins), Vec<Diagnostic>> {
    parse_policy_with_origins("default", DEFAULT_POLICY_TOML).map(|(p, mut o)| {
        o.file = DEFAULT_POLICY_PATH.to_string();
        (p, o)
    })
}

fn span_of(r: Option<Range<usize>>) -> Span {
    r.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

/// Reads a policy from TOML text. `name` is used when the file has no `name` key. Spans
/// in the diagnostics are byte offsets into `text`.
pub fn parse_policy(name: &str, text: &str) -> Result<Policy, Vec<Diagnostic>> {
    parse_policy_with_origins(name, text).map(|(p, _)| p)
}

/// [`parse_policy`], also returning the line of every rule (the file name is left empty
/// for the caller to fill).
pub fn parse_policy_with_origins(
    name: &str,
    text: &str,
) -> Result<(Policy, RuleOrigins), Vec<Diagnostic>> {
    let doc = crate::toml_tree::parse_document(text).map_err(|e| vec![not_toml(&e, text)])?;
    let mut diags: Vec<Diagnostic> = Vec::new();
    let top = read_top_level(doc.as_table(), name, &mut diags);
    let Some((table, table_span)) = top.rules else {
        if diags.is_empty() {
            diags.push(
                Code::PolicyMissingRules
                    .at(Span::default())
                    .arg("keys", keys_list()),
            );
        }
        return Err(diags);
    };
    let rules = read_rules(table, text, &mut diags);
    report_missing_rules(&rules.seen, table_span, &mut diags);
    let words = top.vocabulary_span.and_then(|span| {
        vocab::inline(text, span).unwrap_or_else(|d| {
            diags.push(d);
            None
        })
    });
    if !diags.is_empty() {
        return Err(diags);
    }
    assemble(top.name, rules.values)
        .map(|mut p| {
            if let Some(v) = words {
                p.vocabulary = v;
            }
            (p, rules.origins)
        })
        .ok_or(diags)
}

/// The one diagnostic for a file the TOML reader refuses: nothing else can be read from it.
fn not_toml(e: &crate::toml_tree::TomlError, text: &str) -> Diagnostic {
    let (first, rest) = crate::toml_tree::syntax_message(e, text);
    let d = Code::PolicyToml.at(span_of(e.span())).arg("why", first);
    if rest.is_empty() {
        d
    } else {
        d.with_label(rest.join("; "))
    }
}

/// What the top level of a policy file says, besides the rules themselves.
struct TopLevel<'a> {
    name: String,
    rules: Option<(&'a dyn TableLike, Span)>,
    /// Where `vocabulary` is written; it is read from the whole text once the rules are.
    vocabulary_span: Option<Span>,
}

/// Reads the top-level keys, pushing a diagnostic for each one that is wrong so that the
/// rules are still read and their problems reported in the same run.
fn read_top_level<'a>(
    root: &'a toml_edit::Table,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) -> TopLevel<'a> {
    let mut top = TopLevel {
        name: name.to_string(),
        rules: None,
        vocabulary_span: None,
    };
    for (key, item) in root.iter() {
        let kspan = span_of(root.key(key).and_then(|k| k.span()));
        match key {
            "name" | "description" => match item.as_value() {
                Some(Value::String(s)) => {
                    if key == "name" {
                        top.name = s.value().clone();
                    }
                }
                _ => diags.push(
                    Code::PolicyNotText
                        .at(span_of(item.span()).max_or(kspan))
                        .variant("key")
                        .arg("key", key),
                ),
            },
            "vocabulary" => top.vocabulary_span = Some(kspan),
            "rules" => match item.as_table_like() {
                Some(t) => top.rules = Some((t, kspan)),
                None => diags.push(Code::PolicyNotTable.at(kspan)),
            },
            other => diags.push(unknown_top_key(other, kspan)),
        }
    }
    top
}

/// An unknown top-level key; a rule written above `[rules]` is the likely slip, so the
/// help says to move it.
fn unknown_top_key(key: &str, kspan: Span) -> Diagnostic {
    let variant = if Subject::from_key(key).is_some() {
        "top-rule"
    } else {
        "top"
    };
    Code::PolicyUnknownKey
        .at(kspan)
        .variant(variant)
        .arg("key", key)
        .arg(
            "keys",
            TOP_KEYS
                .map(|k| format!("`{k}`"))
                .join(crate::i18n::t("rule-words.list-comma")),
        )
}

/// The rules read from `[rules]`: their values, the key each subject was first written
/// with (to catch a rule given twice under its two names), and where each is written.
#[derive(Default)]
struct ReadRules {
    values: HashMap<Subject, RuleValue>,
    seen: HashMap<Subject, String>,
    origins: RuleOrigins,
}

/// Reads every rule of `[rules]`, pushing each problem and going on with the next rule.
fn read_rules(table: &dyn TableLike, text: &str, diags: &mut Vec<Diagnostic>) -> ReadRules {
    let mut read = ReadRules::default();
    for (key, item) in table.iter() {
        let kspan = span_of(table.key(key).and_then(|k| k.span()));
        let Some(subject) = Subject::from_key(key) else {
            diags.push(
                Code::PolicyUnknownKey
                    .at(kspan)
                    .arg("key", key)
                    .arg("keys", keys_list()),
            );
            continue;
        };
        if let Some(first) = read.seen.get(&subject) {
            diags.push(given_twice(subject, first, key, kspan));
            continue;
        }
        read.seen.insert(subject, key.to_string());
        let Some(Value::String(s)) = item.as_value() else {
            diags.push(
                Code::PolicyNotText
                    .at(span_of(item.span()).max_or(kspan))
                    .arg("what", subject.what())
                    .arg("key", subject.key())
                    .arg("example", subject.example()),
            );
            continue;
        };
        match parse_rule(subject, s.value()) {
            Ok(v) => {
                read.values.insert(subject, v);
                let line = crate::diagnostic::line_col(text, kspan.start).0;
                let origin = RuleOrigin {
                    key: key.to_string(),
                    line,
                    text: s.value().clone(),
                };
                read.origins.rules.push((subject, origin));
            }
            Err(ds) => diags.extend(spans_in_file(ds, s, text)),
        }
    }
    read
}

/// A rule given under both its names (e.g. `positive` and `正向`).
fn given_twice(subject: Subject, first: &str, key: &str, kspan: Span) -> Diagnostic {
    Code::PolicyDuplicateKey
        .at(kspan)
        .arg("what", subject.what())
        .arg("first", first)
        .arg("again", key)
        .arg("key", subject.key())
        .arg("alias", subject.alias())
}

/// The rule parser's diagnostics point into the rule text after TOML unescaping; this
/// moves them into the file (or onto the whole value when the string cannot be mapped).
fn spans_in_file(
    ds: Vec<Diagnostic>,
    s: &toml_edit::Formatted<String>,
    text: &str,
) -> impl Iterator<Item = Diagnostic> {
    let value_span = span_of(s.span());
    let map = text
        .get(value_span.start..value_span.end)
        .and_then(|raw| string_map(raw, value_span.start, s.value()));
    ds.into_iter().map(move |mut d| {
        d.span = match &map {
            Some(m) => Span::new(m.at(d.span.start), m.at(d.span.end)),
            None => value_span,
        };
        d
    })
}

/// Every rule a policy must state and does not: one diagnostic each, at `[rules]`.
fn report_missing_rules(
    seen: &HashMap<Subject, String>,
    table_span: Span,
    diags: &mut Vec<Diagnostic>,
) {
    for subject in Subject::ALL {
        if !seen.contains_key(&subject) {
            diags.push(
                Code::PolicyMissingRule
                    .at(table_span)
                    .arg("what", subject.what())
                    .arg("key", subject.key())
                    .arg("example", subject.example()),
            );
        }
    }
}

fn keys_list() -> String {
    let optional = Subject::OPTIONAL
        .map(|s| format!("`{}` ({})", s.key(), s.alias()))
        .join(", ");
    let rules = Subject::ALL
        .map(|s| format!("`{}` ({})", s.key(), s.alias()))
        .join(", ");
    crate::i18n::tf(
        "rule-words.keys-list",
        &[("rules", &rules), ("optional", &optional)],
    )
}

fn assemble(name: String, mut v: HashMap<Subject, RuleValue>) -> Option<Policy> {
    let mut take = |s: Subject| v.remove(&s);
    let Some(RuleValue::Levels {
        levels,
        execution_points,
    }) = take(Subject::Levels)
    else {
        return None;
    };
    let Some(RuleValue::Grades(grades)) = take(Subject::Grades) else {
        return None;
    };
    let mut formula = |s: Subject| match take(s) {
        Some(RuleValue::Formula(f)) => Some(f),
        _ => None,
    };
    let positive = formula(Subject::Positive)?;
    let reverse = formula(Subject::Reverse)?;
    let target_zero = formula(Subject::TargetZero)?;
    let change = formula(Subject::Change)?;
    let Some(RuleValue::Qualitative(qualitative)) = take(Subject::Qualitative) else {
        return None;
    };
    let Some(RuleValue::Deadline(deadline)) = take(Subject::Deadline) else {
        return None;
    };
    let Some(RuleValue::Rounding(rounding_places)) = take(Subject::Rounding) else {
        return None;
    };
    let Some(RuleValue::OverAchieved(flags)) = take(Subject::OverAchieved) else {
        return None;
    };
    let Some(RuleValue::NotApplicable(not_applicable)) = take(Subject::NotApplicable) else {
        return None;
    };
    let monitor = match take(Subject::Monitor) {
        Some(RuleValue::Monitor(m)) => m,
        _ => Default::default(),
    };
    Some(Policy {
        name,
        levels,
        execution_points,
        grades,
        positive,
        reverse,
        target_zero,
        change,
        qualitative,
        deadline,
        rounding_places,
        flags,
        not_applicable,
        monitor,
        vocabulary: Default::default(),
    })
}

trait MaxOr {
    fn max_or(self, other: Span) -> Span;
}
impl MaxOr for Span {
    /// This span, or `other` when this one is empty.
    fn max_or(self, other: Span) -> Span {
        if self.is_empty() {
            other
        } else {
            self
        }
    }
}

/// For every byte of a decoded TOML string, the byte offset in the file where it was
/// written (escapes and line-ending backslashes make the two differ).
pub(crate) struct OffsetMap {
    map: Vec<usize>,
}

impl OffsetMap {
    pub(crate) fn at(&self, decoded: usize) -> usize {
        self.map
            .get(decoded)
            .or(self.map.last())
            .copied()
            .unwrap_or(0)
    }
}

/// Decodes the TOML string literal `raw` (quotes included) found at `base` in the file;
/// `None` when the result does not match `expected` (then spans fall back to the whole
/// value).
pub(crate) fn string_map(raw: &str, base: usize, expected: &str) -> Option<OffsetMap> {
    let (delim, literal) = if raw.starts_with("\"\"\"") {
        (3, false)
    } else if raw.starts_with("'''") {
        (3, true)
    } else if raw.starts_with('"') {
        (1, false)
    } else if raw.starts_with('\'') {
        (1, true)
    } else {
        return None;
    };
    let end = raw.len().checked_sub(delim)?;
    let mut start = delim;
    if delim == 3 {
        if raw.get(start..)?.starts_with("\r\n") {
            start += 2;
        } else if raw.get(start..)?.starts_with('\n') {
            start += 1;
        }
    }
    let body = raw.get(start..end.max(start))?;
    let mut out = String::new();
    let mut map = Vec::new();
    let mut chars = body.char_indices().peekable();
    let push = |out: &mut String, map: &mut Vec<usize>, c: char, at: usize| {
        for _ in 0..c.len_utf8() {
            map.push(base + start + at);
        }
        out.push(c);
    };
    while let Some((i, c)) = chars.next() {
        if c != '\\' || literal {
            push(&mut out, &mut map, c, i);
            continue;
        }
        let (_, e) = chars.next()?;
        let decoded = match e {
            'b' => '\u{8}',
            't' => '\t',
            'n' => '\n',
            'f' => '\u{c}',
            'r' => '\r',
            '"' => '"',
            '\\' => '\\',
            'u' | 'U' => {
                let n = if e == 'u' { 4 } else { 8 };
                let mut hex = String::new();
                for _ in 0..n {
                    hex.push(chars.next()?.1);
                }
                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
            }
            w if w.is_whitespace() && delim == 3 => {
                // Line-ending backslash: skip all whitespace and newlines.
                while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                    chars.next();
                }
                continue;
            }
            _ => return None,
        };
        push(&mut out, &mut map, decoded, i);
    }
    map.push(base + end);
    (out == expected).then_some(OffsetMap { map })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_through_escapes() {
        let raw = r#""a\tb\u00e9c""#;
        let m = string_map(raw, 10, "a\tbéc").expect("decodes");
        assert_eq!(m.at(0), 11);
        assert_eq!(m.at(1), 12);
        assert_eq!(m.at(2), 14);
        assert_eq!(m.at(3), 15);
        assert_eq!(m.at(5), 21);
        let raw = "'''\nx y'''";
        let m = string_map(raw, 0, "x y").expect("decodes");
        assert_eq!(m.at(0), 4);
        assert_eq!(m.at(3), 7);
    }

    #[test]
    fn monitor_rule_is_optional() {
        let without: String = DEFAULT_POLICY_TOML
            .lines()
            .filter(|l| !l.starts_with("monitor ="))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(without, DEFAULT_POLICY_TOML);
        let (p, o) = parse_policy_with_origins("default", &without).expect("loads");
        assert_eq!(p, Policy::default());
        assert!(o.get(Subject::Monitor).is_none());
        assert!(o.get(Subject::Positive).is_some());
    }

    #[test]
    fn embedded_default_is_the_default() {
        assert_eq!(default_policy(), Ok(Policy::default()));
    }
}
