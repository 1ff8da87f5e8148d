//! Scoring, table-driven: every row of `tests/cases/scoring.csv` (target, actual,
//! points, baseline, fiscal year, description, reason, policy → score, achieved, flags
//! or error) is run through `jixiao::eval_rows::eval_row`. The expected numbers are
//! worked out by hand in the file's `arithmetic` column.

mod common;

use common::case_path;
use jixiao::eval_rows::{eval_row, RowText};
use jixiao::score::Policy;
use std::collections::BTreeSet;

#[derive(Debug, serde::Deserialize)]
struct Case {
    target: String,
    actual: String,
    points: String,
    baseline: String,
    fiscal_year: String,
    description: String,
    reason: String,
    policy: String,
    score: String,
    achieved: String,
    flags: String,
    error: String,
    arithmetic: String,
    /// A part of the formula line the row must print (language_scoring.csv).
    #[serde(default)]
    trace: String,
}

fn opt(s: &str) -> Option<&str> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

fn set(s: &str) -> BTreeSet<&str> {
    s.split(';').filter(|f| !f.is_empty()).collect()
}

#[test]
fn scoring_cases() {
    english();
    run_case_file("scoring.csv", 100);
}

/// Open units, conversions and the forms of issue 13 (docs/language.md).
#[test]
fn language_scoring_cases() {
    english();
    run_case_file("language_scoring.csv", 100);
}

fn run_case_file(name: &str, at_least: usize) {
    let path = case_path(name);
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::None)
        .from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let cases: Vec<Case> = rdr
        .deserialize()
        .map(|r| r.unwrap_or_else(|e| panic!("bad case line: {e}")))
        .collect();
    assert!(cases.len() >= at_least, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let policy = match c.policy.as_str() {
            "" => Policy::default(),
            "linear" => Policy::default().with_linear_reverse(),
            other => panic!("unknown policy `{other}`"),
        };
        let row = RowText {
            target: &c.target,
            actual: &c.actual,
            points: opt(&c.points),
            baseline: opt(&c.baseline),
            fiscal_year: opt(&c.fiscal_year),
            description: opt(&c.description),
            reason: opt(&c.reason),
        };
        let r = eval_row(&row, None, &policy);
        let score = r.score.map(|s| format!("{s:.2}")).unwrap_or_default();
        let achieved = r.achieved.map(|a| a.to_string()).unwrap_or_default();
        let error = r.error.clone().unwrap_or_default();
        let got_flags: BTreeSet<&str> = r.flags.iter().map(String::as_str).collect();
        let error_ok = if c.error.is_empty() {
            error.is_empty()
        } else {
            error.contains(&c.error)
        };
        let formula = r
            .detail
            .as_ref()
            .map(|d| d.trace.formula.as_str())
            .unwrap_or("");
        let trace_ok = formula.contains(&c.trace);
        if score != c.score
            || achieved != c.achieved
            || got_flags != set(&c.flags)
            || !error_ok
            || !trace_ok
        {
            failures.push(format!(
                "`{}` / `{}` ({}):\n    want score `{}` achieved `{}` flags `{}` error `{}` trace `{}`\n    got  score `{score}` achieved `{achieved}` flags `{}` error `{error}`\n    trace: {}",
                c.target,
                c.actual,
                c.arithmetic,
                c.score,
                c.achieved,
                c.flags,
                c.error,
                c.trace,
                r.flags.join(";"),
                formula,
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scoring cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Messages in English for this file's tests: the cases' `error` column holds a word of the English message. (Every test here calls it first; the
/// language of a process is chosen once.)
fn english() {
    jixiao::i18n::set(jixiao::i18n::Lang::En);
}
