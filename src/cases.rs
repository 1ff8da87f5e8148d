//! Rule test cases written by policy staff (`jixiao test CASES.toml`): target, actual,
//! points, optional baseline/description/fiscal year, and the expected score or error.
//! Each failure is reported with the case's line, expected and actual, and the trace.
//!
//! ```toml
//! policy = "default.toml"  # optional: the policy of every case (relative to this file)
//!
//! [[case]]
//! name = "positive, partly met"
//! target = "≥2000份"
//! actual = "1800份"
//! points = 10            # optional, default 10
//! expect = "9.00"        # or: expect_error = "unit"  (a word the error must contain)
//! ```

use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::eval_rows::{eval_row, RowText};
use crate::model::Span;
use crate::score::formula::fixed;
use crate::score::Policy;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use toml_edit::Item;

#[derive(Debug, Clone, Default)]
pub struct Case {
    pub name: String,
    pub line: usize,
    pub target: String,
    pub actual: String,
    pub points: Option<String>,
    pub baseline: Option<String>,
    pub description: Option<String>,
    pub fiscal_year: Option<String>,
    pub reason: Option<String>,
    /// A policy file for this case, relative to the cases file.
    pub policy: Option<String>,
    pub expect: Option<Decimal>,
    pub expect_achieved: Option<bool>,
    pub expect_error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Failure {
    pub case: Case,
    pub message: String,
    pub trace: Option<String>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub passed: usize,
    pub failures: Vec<Failure>,
}

const KEYS: &[&str] = &[
    "name",
    "target",
    "actual",
    "points",
    "baseline",
    "description",
    "fiscal_year",
    "reason",
    "policy",
    "expect",
    "expect_achieved",
    "expect_error",
];

/// Reads a cases file. All problems are reported together.
pub fn parse_cases(path: &Path, text: &str) -> Result<Vec<Case>, Vec<FileDiagnostic>> {
    let mut diags = Vec::new();
    let cases = read_cases(text, &mut diags);
    if diags.is_empty() {
        return Ok(cases);
    }
    let source: Arc<str> = Arc::from(text);
    Err(diags
        .into_iter()
        .map(|diagnostic| FileDiagnostic {
            file: path.to_path_buf(),
            source: source.clone(),
            diagnostic,
        })
        .collect())
}

/// The span of a TOML item, or an empty one at the start when the parser kept none.
fn span_of(range: Option<std::ops::Range<usize>>) -> Span {
    range.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

/// The cases of the document, pushing every problem to `diags`. A file that is not TOML
/// or has no `[[case]]` gives that one problem: anything said about its cases would be noise.
fn read_cases(text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Case> {
    let doc = match crate::toml_tree::parse_document(text) {
        Ok(d) => d,
        Err(e) => {
            let message = crate::toml_tree::syntax_message(&e, text).0;
            diags.push(Code::CasesSyntax.at(span_of(e.span())).arg("why", message));
            return Vec::new();
        }
    };
    let Some(array) = doc.get("case").and_then(Item::as_array_of_tables) else {
        diags.push(Code::CasesEmpty.at(Span::new(0, 0)));
        return Vec::new();
    };
    // One index for the whole file: a line lookup per case must not rescan it.
    let lines = crate::line_index::LineIndex::new(text);
    array
        .iter()
        .map(|table| read_case(table, text, &lines, diags))
        .collect()
}

/// One `[[case]]` table. A case with problems is still returned (and the problems pushed)
/// so that every case of the file is checked in one run.
fn read_case(
    table: &toml_edit::Table,
    text: &str,
    lines: &crate::line_index::LineIndex,
    diags: &mut Vec<Diagnostic>,
) -> Case {
    let span = span_of(table.span());
    let mut c = Case {
        line: lines.line_col(text, span.start).0,
        ..Default::default()
    };
    for (key, item) in table.iter() {
        let vspan = span_of(item.span());
        let Some(raw) = value_text(item, text) else {
            diags.push(Code::CasesWrongType.at(vspan).arg("key", key));
            continue;
        };
        // An unknown key is underlined at the key, not at its value.
        let kspan = table
            .key(key)
            .and_then(|k| k.span())
            .map_or(vspan, |r| span_of(Some(r)));
        if let Err(d) = set_key(&mut c, key, raw, vspan, kspan) {
            diags.push(d);
        }
    }
    // A bad `expect` is reported above; saying it is missing too would mislead.
    let expect_written = table.contains_key("expect");
    if c.expect.is_none() && c.expect_error.is_none() && !expect_written {
        diags.push(Code::CasesNoExpectation.at(span));
    }
    if c.name.is_empty() {
        c.name = format!("{} vs {}", c.target, c.actual);
    }
    c
}

/// The value as the case author wrote it: a string's content, a number's own digits (so
/// `expect = 9.50` keeps its places), a boolean's word. `None` for arrays and tables.
fn value_text(item: &Item, text: &str) -> Option<String> {
    match item.as_value()? {
        toml_edit::Value::String(s) => Some(s.value().to_string()),
        v @ (toml_edit::Value::Integer(_) | toml_edit::Value::Float(_)) => {
            let r = v.span().unwrap_or(0..0);
            text.get(r).map(|s| s.trim().to_string())
        }
        toml_edit::Value::Boolean(b) => Some(b.value().to_string()),
        _ => None,
    }
}

/// Stores one key's text in the case; the error says why it cannot (a bad value is
/// underlined at `vspan`, an unknown key at `kspan`).
fn set_key(
    c: &mut Case,
    key: &str,
    raw: String,
    vspan: Span,
    kspan: Span,
) -> Result<(), Diagnostic> {
    match key {
        "name" => c.name = raw,
        "target" => c.target = raw,
        "actual" => c.actual = raw,
        "points" => c.points = Some(raw),
        "baseline" => c.baseline = Some(raw),
        "description" => c.description = Some(raw),
        "fiscal_year" => c.fiscal_year = Some(raw),
        "reason" => c.reason = Some(raw),
        "policy" => c.policy = Some(raw),
        "expect_error" => c.expect_error = Some(raw),
        "expect_achieved" => c.expect_achieved = raw.parse().ok(),
        "expect" => match Decimal::from_str(&raw) {
            Ok(d) => c.expect = Some(d),
            Err(_) => return Err(Code::CasesBadExpect.at(vspan).arg("value", raw)),
        },
        other => {
            return Err(Code::CasesUnknownKey
                .at(kspan)
                .arg("key", other)
                .arg("keys", KEYS.join(", ")))
        }
    }
    Ok(())
}

/// The file's own default policy: a top-level `policy = "file.toml"`, relative to the
/// cases file. `None` when absent or not text.
pub fn file_policy(text: &str) -> Option<String> {
    let doc = crate::toml_tree::parse_document(text).ok()?;
    doc.get("policy").and_then(Item::as_str).map(str::to_string)
}

/// Why the policy file a case names cannot be used. Only that case fails: the others of
/// the file still run, so one bad policy path does not hide their results.
#[derive(Debug, Clone)]
pub struct CasePolicyError {
    /// The policy file as the case names it.
    pub policy: String,
    /// The policy file's own diagnostics, rendered.
    pub diagnostics: String,
}

impl std::fmt::Display for CasePolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = crate::i18n::tf(
            "cases.policy-unusable",
            &[("policy", &self.policy), ("diagnostics", &self.diagnostics)],
        );
        f.write_str(&text)
    }
}

/// Runs the cases. `policy_for` gives the policy of a case (its own `policy`, or the
/// run's); an error from it fails that case.
pub fn run_cases(
    cases: &[Case],
    policy_for: &dyn Fn(&Case) -> Result<Policy, CasePolicyError>,
) -> Outcome {
    let mut out = Outcome::default();
    for c in cases {
        let policy = match policy_for(c) {
            Ok(p) => p,
            Err(e) => {
                out.failures.push(Failure {
                    case: c.clone(),
                    message: crate::i18n::tf("cases.policy-failed", &[("why", &e.to_string())]),
                    trace: None,
                });
                continue;
            }
        };
        let row = RowText {
            target: &c.target,
            actual: &c.actual,
            points: c.points.as_deref(),
            baseline: c.baseline.as_deref(),
            fiscal_year: c.fiscal_year.as_deref(),
            description: c.description.as_deref(),
            reason: c.reason.as_deref().or(Some("-")),
        };
        let r = eval_row(&row, None, &policy);
        let trace = r
            .detail
            .as_ref()
            .map(|d| format!("{} [{}]", d.trace.formula, d.trace.rule));
        let got = r.score.map(|s| fixed(s, policy.rounding_places));
        let says =
            |key: &str, args: &[(&str, &str)]| Some(crate::i18n::tf(&format!("cases.{key}"), args));
        let problem = match (&c.expect_error, &r.error, c.expect, r.score) {
            (Some(want), Some(err), _, _) if err.contains(want.as_str()) => None,
            (Some(want), Some(err), _, _) => {
                says("want-error-got-error", &[("want", want), ("err", err)])
            }
            (Some(want), None, _, _) => says(
                "want-error-got-score",
                &[("want", want), ("got", got.as_deref().unwrap_or("—"))],
            ),
            (None, Some(err), _, _) => says("want-score-got-error", &[("err", err)]),
            (None, None, Some(want), Some(s)) if want == s => match (c.expect_achieved, r.achieved)
            {
                (Some(w), Some(a)) if w != a => says(
                    "want-achieved",
                    &[("want", &w.to_string()), ("got", &a.to_string())],
                ),
                _ => None,
            },
            (None, None, Some(want), s) => {
                let no_score = crate::i18n::t("cases.no-score").to_string();
                let got = s.map_or(no_score, |x| fixed(x, policy.rounding_places));
                says(
                    "want-score",
                    &[
                        ("want", &fixed(want, policy.rounding_places)),
                        ("got", &got),
                    ],
                )
            }
            (None, None, None, _) => None,
        };
        match problem {
            None => out.passed += 1,
            Some(message) => out.failures.push(Failure {
                case: c.clone(),
                message,
                trace,
            }),
        }
    }
    out
}

pub fn render_failures(path: &Path, o: &Outcome) -> String {
    let mut s = String::new();
    for f in &o.failures {
        let (line, path) = (f.case.line.to_string(), path.display().to_string());
        let args = [
            ("path", path.as_str()),
            ("line", line.as_str()),
            ("name", f.case.name.as_str()),
            ("target", f.case.target.as_str()),
            ("actual", f.case.actual.as_str()),
            ("message", f.message.as_str()),
        ];
        s.push_str(&crate::i18n::tf("cases.failed", &args));
        s.push('\n');
        if let Some(t) = &f.trace {
            s.push_str(&crate::i18n::tf("cases.trace", &[("trace", t)]));
            s.push('\n');
        }
    }
    let (passed, failed) = (o.passed.to_string(), o.failures.len().to_string());
    s.push_str(&crate::i18n::tf(
        "cases.summary",
        &[("passed", &passed), ("failed", &failed)],
    ));
    s.push('\n');
    s
}
