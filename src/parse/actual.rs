//! Actual values (实际完成值) → typed [`Actual`]s.

use super::build::{change_direction, Builder};
use super::grammar::{Grammar, Rule};
use super::normalize::Normalized;
use super::target::finish;
use super::{Parsed, Strictness};
use crate::diagnostic::Diagnostic;
use crate::model::{Actual, ActualValue, ChangeDirection, Grade, Quantity, Span};
use pest::iterators::Pair;
use pest::Parser;
use rust_decimal::Decimal;

/// Parses one actual cell. Text the grammar does not read becomes [`ActualValue::Text`]:
/// whether that is acceptable depends on the target, so the scorer decides.
pub fn parse_actual(src: &str) -> Result<Parsed<Actual>, Vec<Diagnostic>> {
    // ---- issue 7 (region): input limit, then a per-thread memo of this pure function ----
    if let Some(too_long) = crate::limits::cell_too_long(src, "actual") {
        return Err(vec![too_long]);
    }
    crate::region::memo::actual(src, parse_actual_uncached)
}

/// [`parse_actual`] without the memo (and without the length limit).
pub fn parse_actual_uncached(src: &str) -> Result<Parsed<Actual>, Vec<Diagnostic>> {
    // ---- end issue 7 ----
    if let Some(quick) = plain_number(src) {
        return Ok(quick);
    }
    parse_actual_grammar(src)
}

/// Units a plain-number actual may carry on the fast path: each is read by the grammar as
/// a plain unit (no magnitude word, no date), so both paths agree (tested by
/// `tests/actual_fast_path.rs` against [`parse_actual_grammar`]).
const FAST_UNITS: &[&str] = &[
    "%", "份", "次", "个", "件", "人", "套", "元", "天", "项", "户", "场", "期", "小时", "分钟",
];

/// The most common actual, `2300份` / `92.5%` / `85`, read without the grammar: ASCII
/// digits, an optional fraction, an optional unit from [`FAST_UNITS`]. Anything else —
/// full-width digits, signs, separators, dates, words — goes to the grammar.
fn plain_number(src: &str) -> Option<Parsed<Actual>> {
    let t = src.trim_matches([' ', '\t']);
    let start = src.len() - src.trim_start_matches([' ', '\t']).len();
    let digits_end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(digits_end);
    let mut parts = num.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if int.is_empty() || parts.next().is_some() || frac.is_some_and(str::is_empty) {
        return None;
    }
    if !unit.is_empty() && !FAST_UNITS.contains(&unit) {
        return None;
    }
    // A number `Decimal` would round (over 28 digits) goes to the grammar, which refuses it.
    let value: Decimal = num
        .parse()
        .ok()
        .filter(|d| super::build::same_number(num, *d))?;
    let quantity = Quantity::new(
        value,
        (!unit.is_empty()).then(|| crate::model::Unit::new(unit)),
    );
    Some(Parsed {
        value: Actual {
            value: ActualValue::Number { quantity },
            span: Span::new(start, start + t.len()),
        },
        warnings: Vec::new(),
    })
}

/// The grammar path of [`parse_actual`], for everything (public so that the fast path
/// can be tested against it).
pub fn parse_actual_grammar(src: &str) -> Result<Parsed<Actual>, Vec<Diagnostic>> {
    let norm = Normalized::new(src);
    let trimmed = norm.text.trim();
    let start = src.len() - src.trim_start().len();
    let whole = Span::new(start, start + src.trim().len());
    if trimmed.is_empty() {
        return Err(vec![Diagnostic::error(
            "actual::empty",
            "the actual value is empty",
            Span::new(0, src.len()),
        )
        .with_label("nothing here")
        .with_help("write what was achieved: a number (`2300份`), a date (`2022年11月20日`), a grade (`达成`, `部分达成 75%`) or `不适用`")]);
    }
    let mut b = Builder::new(&norm, "actual");
    let value = match Grammar::parse(Rule::actual, &norm.text) {
        Ok(mut pairs) => pairs
            .next()
            .and_then(|p| p.into_inner().next())
            .map(|p| build(&mut b, p))
            .unwrap_or_else(|| text(src)),
        Err(_) => text(src),
    };
    finish(Actual { value, span: whole }, b.diags, Strictness::Lenient)
}

fn text(src: &str) -> ActualValue {
    ActualValue::Text {
        text: src.trim().to_string(),
    }
}

fn build(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> ActualValue {
    match pair.as_rule() {
        Rule::not_applicable => ActualValue::NotApplicable,
        Rule::date_actual => {
            let date = pair
                .into_inner()
                .find(|p| p.as_rule() == Rule::date_point)
                .map(|p| b.date_point(p));
            match date {
                Some(date) => ActualValue::Date { date },
                None => ActualValue::Done,
            }
        }
        Rule::fraction => {
            let mut nums = pair.into_inner().map(|p| b.number(&p));
            let numerator = nums.next().unwrap_or_default();
            let denominator = nums.next().unwrap_or_default();
            ActualValue::Fraction {
                numerator,
                denominator,
            }
        }
        Rule::grade_actual => {
            let mut grade = Grade::Achieved;
            let mut share: Option<Decimal> = None;
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::grade => {
                        grade = match p.into_inner().next().map(|g| g.as_rule()) {
                            Some(Rule::grade_partial) => Grade::Partial,
                            Some(Rule::grade_not) => Grade::NotAchieved,
                            _ => Grade::Achieved,
                        }
                    }
                    Rule::share => {
                        share = p.into_inner().next().map(|n| b.number(&n));
                    }
                    _ => {}
                }
            }
            ActualValue::Grade { grade, share }
        }
        Rule::yes_no => ActualValue::YesNo {
            yes: pair.into_inner().next().map(|p| p.as_rule()) == Some(Rule::yes),
        },
        Rule::done => ActualValue::Done,
        Rule::not_done => ActualValue::NotDone,
        Rule::change_actual => {
            let mut direction = ChangeDirection::Increase;
            let mut amount = Quantity::new(Decimal::ZERO, None);
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::change_verb => direction = change_direction(p),
                    Rule::signed_quantity => amount = b.quantity(p),
                    _ => {}
                }
            }
            ActualValue::Change { direction, amount }
        }
        Rule::number_actual => {
            let quantity = pair
                .into_inner()
                .find(|p| p.as_rule() == Rule::signed_quantity)
                .map(|p| b.quantity(p))
                .unwrap_or_else(|| Quantity::new(Decimal::ZERO, None));
            ActualValue::Number { quantity }
        }
        _ => ActualValue::Text {
            text: pair.as_str().to_string(),
        },
    }
}
