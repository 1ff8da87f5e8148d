//! One row as text (target, actual, points, baseline, …) → a scored result. Shared by
//! `jixiao eval` (one row or a CSV of rows) and the tests that drive the seed through it.

use crate::diagnostic::Diagnostic;
use crate::i18n::tf;
use crate::model::{Actual, ActualValue, Quantity, Target, TargetKind};
use crate::parse::{parse_actual, parse_target, Parsed, Strictness};
use crate::score::{score_row, Policy, RowInput, RowScore, Status};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// What [`parse_actual`] gives for one actual cell.
pub type ParsedActual = Result<Parsed<Actual>, Vec<Diagnostic>>;

/// Default points for a row that gives none.
pub const DEFAULT_POINTS: i64 = 10;

/// A row as the user wrote it. Empty optional cells are `None`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowText<'a> {
    pub target: &'a str,
    pub actual: &'a str,
    pub points: Option<&'a str>,
    pub baseline: Option<&'a str>,
    pub fiscal_year: Option<&'a str>,
    pub description: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// The outcome of one row, ready for any output format.
#[derive(Debug, Clone)]
pub struct RowResult {
    /// Filled whenever the target parsed, even when the actual did not.
    pub kind: Option<&'static str>,
    pub score: Option<Decimal>,
    pub achieved: Option<bool>,
    /// Flag codes: scoring flags and lenient-parse warnings.
    pub flags: Vec<String>,
    /// Set when the row failed; the message says what to fix.
    pub error: Option<String>,
    pub detail: Option<RowScore>,
    pub warnings: Vec<Diagnostic>,
}

impl RowResult {
    fn failed(kind: Option<&'static str>, msg: String, flags: Vec<String>) -> RowResult {
        RowResult {
            kind,
            score: None,
            achieved: None,
            flags,
            error: Some(msg),
            detail: None,
            warnings: Vec::new(),
        }
    }
}

/// A row's points as typed (`--points`, a CSV `points` cell): an exact decimal from 0 to
/// [`MAX_POINTS`](crate::limits::MAX_POINTS), read by the one cell reader (`１０` and
/// `12.5` are points).
pub fn parse_points(text: &str) -> Result<Decimal, String> {
    let max = crate::limits::MAX_POINTS;
    match crate::parse::cell::read_number(text) {
        Ok(d) if d >= Decimal::ZERO && d <= max => Ok(d),
        _ => Err(tf(
            "eval.points",
            &[("text", text), ("max", &max.to_string())],
        )),
    }
}

/// Whether an indicator description marks the row as reverse (`投诉率（反向指标）`).
pub fn description_marks_reverse(description: &str) -> bool {
    description.contains("反向")
        || description.contains("逆向指标")
        || description.contains("reverse")
}

/// The flag code for a lenient-parse warning: the part after `target::`.
fn warning_flag(d: &Diagnostic) -> String {
    let code = d.code.as_str();
    code.rsplit("::").next().unwrap_or(code).to_string()
}

/// A problem of one column of the row, `column: message`, as the `error` cell shows it.
fn field(column: &str, message: &str) -> String {
    tf("eval.field", &[("field", column), ("message", message)])
}

fn first_message(diags: &[Diagnostic], what: &str) -> String {
    // The field as the user's language names it (`actual` → 实际完成值).
    let what = crate::i18n::t(&format!("eval.name-{what}")).to_string();
    let what = what.as_str();
    let msgs: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| match &d.help {
            Some(h) => tf(
                "eval.field-help",
                &[("field", what), ("message", &d.message), ("help", h)],
            ),
            None => field(what, &d.message),
        })
        .collect();
    msgs.join("; ")
}

/// Scores one text row. `parse` is how the target is obtained (directly, or through a
/// cache that parses each distinct target once).
pub fn eval_row_with(
    row: &RowText<'_>,
    default_fy: Option<i32>,
    policy: &Policy,
    parsed_target: &Result<Parsed<Target>, Vec<Diagnostic>>,
) -> RowResult {
    eval_row_with_actual(row, default_fy, policy, parsed_target, |a| {
        Cow::Owned(parse_actual(a))
    })
}

/// [`eval_row_with`], with the actual cell obtained through `actual`, called with the
/// cell's text (`row.actual`) at most once: directly, or through a cache that parses each
/// distinct actual once. It must return what `parse_actual` returns for that text.
pub fn eval_row_with_actual<'c>(
    row: &RowText<'_>,
    default_fy: Option<i32>,
    policy: &Policy,
    parsed_target: &Result<Parsed<Target>, Vec<Diagnostic>>,
    actual: impl FnOnce(&str) -> Cow<'c, ParsedActual>,
) -> RowResult {
    let target = match parsed_target {
        Ok(p) => p,
        Err(diags) => return RowResult::failed(None, first_message(diags, "target"), Vec::new()),
    };
    let kind = Some(target.value.kind_name());
    let mut flags: Vec<String> = target.warnings.iter().map(warning_flag).collect();

    let points = match row.points.map(str::trim).filter(|s| !s.is_empty()) {
        None => Decimal::from(DEFAULT_POINTS),
        Some(p) => match parse_points(p) {
            Ok(d) => d,
            Err(msg) => return RowResult::failed(kind, field("points", &msg), flags),
        },
    };
    let fy = match row.fiscal_year.map(str::trim).filter(|s| !s.is_empty()) {
        Some(y) => match y.trim_end_matches('年').parse::<i32>() {
            Ok(y) if (1900..=2999).contains(&y) => Some(y),
            _ => {
                return RowResult::failed(
                    kind,
                    field("fiscal_year", &tf("eval.not-a-year", &[("text", y)])),
                    flags,
                )
            }
        },
        None => default_fy,
    };
    let baseline: Option<Quantity> = match row.baseline.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(b) => match parse_actual(b).map(|p| p.value.value) {
            Ok(ActualValue::Number { quantity }) => Some(quantity),
            _ => {
                return RowResult::failed(
                    kind,
                    field("baseline", &tf("eval.baseline", &[("text", b)])),
                    flags,
                )
            }
        },
    };
    let actual_text = row.actual.trim();
    let parsed_actual = if actual_text.is_empty() {
        None
    } else {
        Some(actual(row.actual))
    };
    let actual = match parsed_actual.as_deref() {
        None => None,
        Some(Ok(a)) => Some(&a.value),
        Some(Err(diags)) => return RowResult::failed(kind, first_message(diags, "actual"), flags),
    };
    let fy = match (fy, &target.value.kind) {
        (Some(y), _) => y,
        (None, TargetKind::Deadline(d)) => match d.end.year.or(d.start.and_then(|s| s.year)) {
            Some(y) => y,
            // `10月前` against `8月`: both in the same unstated year, so the row is decided
            // without one (year 0 stands for it; the trace leaves the year out).
            None if !actual.is_some_and(|a| names_a_year(&a.value)) => crate::score::YEAR_UNSTATED,
            None => {
                return RowResult::failed(
                    kind,
                    crate::i18n::t("eval.deadline-no-year").to_string(),
                    flags,
                )
            }
        },
        (None, _) => 0,
    };
    let input = RowInput {
        target: &target.value,
        actual,
        points,
        baseline: baseline.as_ref(),
        fiscal_year: fy,
        description_reverse: row.description.is_some_and(description_marks_reverse),
        direction_override: None,
        formula_override: None,
        reason: row.reason,
    };
    let scored = score_row(&input, policy);
    flags.extend(scored.flags.iter().map(|f| f.code.to_string()));
    let error = match scored.status {
        Status::Scored | Status::NotApplicable => None,
        Status::Missing => Some(field(
            crate::i18n::t("eval.name-actual"),
            crate::i18n::t("eval.actual-empty"),
        )),
        Status::Unscorable | Status::Error => scored.error.clone(),
    };
    RowResult {
        kind,
        score: scored.score,
        achieved: scored.achieved,
        flags,
        error,
        warnings: target.warnings.clone(),
        detail: Some(scored),
    }
}

/// Whether an actual names a year of its own (`2022年11月`), so that a year-less deadline
/// cannot be compared with it without the fiscal year.
fn names_a_year(a: &ActualValue) -> bool {
    matches!(a, ActualValue::Date { date } if date.year.is_some())
}

/// Scores one text row, parsing its target leniently.
pub fn eval_row(row: &RowText<'_>, default_fy: Option<i32>, policy: &Policy) -> RowResult {
    policy.vocabulary.ensure_active();
    let parsed = parse_target(row.target, Strictness::Lenient);
    eval_row_with(row, default_fy, policy, &parsed)
}
