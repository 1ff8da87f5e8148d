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
