//! Actual values (实际完成值) → typed [`Actual`]s.

use super::build::{change_direction, per_period_unit, Builder, Domain};
use super::grammar::{Grammar, Rule};
use super::normalize::Normalized;
use super::target::finish;
use super::{Parsed, Strictness};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocabulary::Vocabulary;
use crate::model::{Actual, ActualValue, ChangeDirection, Grade, Quantity, Span};
use pest::iterators::Pair;
use pest::Parser;
use rust_decimal::Decimal;

/// Parses one actual cell. Text the grammar does not read becomes [`ActualValue::Text`]:
/// whether that is acceptable depends on the target, so the scorer decides.
pub fn parse_actual(src: &str) -> Result<Parsed<Actual>, Vec<Diagnostic>> {
    // ---- issue 7 (region): input limit, then a per-thread memo of this pure function ----
    if let Some(too_long) = crate::limits::cell_too_long(src, Code::ActualTooLong) {
        return Err(vec![too_long]);
    }
    super::memo::actual(src, parse_actual_uncached)
}

/// [`parse_actual`] without the memo (and without the length limit).
pub fn parse_actual_uncached(src: &str) -> Result<Parsed<Actual>, Vec<Diagnostic>> {
    // ---- end issue 7 ----
    // Words a policy added are rewritten before the grammar reads a cell; the fast path
    // reads the text as typed, so it steps aside then.
    let vocab = crate::model::vocabulary::active();
    if vocab.rewrites().is_empty() {
        if let Some(quick) = plain_number(src, &vocab) {
            return Ok(quick);
        }
    }
    parse_actual_grammar(src)
}

/// Letters of dates, and of the words a unit stops before in the grammar (`unit_stop`):
/// a unit holding one goes to the grammar, which decides.
const NOT_FAST: &[char] = &[
    '年', '月', '日', '季', '号', '底', '末', '前', '止', '每', '和', '或', '及', '且', '的', '为',
    '达', '在', '数', '率', '内', '以', '上', '下', '左', '右', '之', '间', '覆', '完', '成', '反',
    '逆', '正', '向', '大', '小', '等', '于', '低', '少', '高', '多', '超', '过', '足', '至', '增',
    '减', '降', '提', '升', '压', '缩', '比', '例', '满', '意', '度', '指', '标', '情', '况', '控',
    '不', '或',
];

/// Whether a plain-number actual may carry `unit` on the fast path: a known unit of the
/// vocabulary (the same table the scorer converts with) that the grammar reads as a plain
/// unit too — nothing a date, a quarter or a magnitude word could start (`12月`, `2022年`,
/// `3季度`, `10万元`). Tested against [`parse_actual_grammar`] by
/// `tests/actual_fast_path.rs`.
fn fast_unit(unit: &str, vocab: &Vocabulary) -> bool {
    unit.is_empty()
        || ((unit == "%"
            || unit
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphabetic()))
            && !unit.contains(NOT_FAST)
            && !unit.starts_with(['万', '亿', '千', '百', 'e', 'E'])
            && vocab.is_known(unit))
}

/// The most common actual, `2300份` / `92.5%` / `85`, read without the grammar: ASCII
/// digits, an optional fraction, an optional unit [`fast_unit`] accepts. Anything else —
/// full-width digits, signs, separators, dates, words — goes to the grammar.
fn plain_number(src: &str, vocab: &Vocabulary) -> Option<Parsed<Actual>> {
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
    if !fast_unit(unit, vocab) {
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
        return Err(vec![Diagnostic::new(
            Code::ActualEmpty,
            Span::new(0, src.len()),
        )]);
    }
    let mut b = Builder::new(&norm, Domain::Actual);
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
        Rule::per_actual => {
            let mut per = String::new();
            let mut quantity = Quantity::new(Decimal::ZERO, None);
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::per_word => per = p.as_str().to_string(),
                    Rule::quantity => quantity = b.quantity(p),
                    _ => {}
                }
            }
            per_period_unit(&per, &mut quantity);
            ActualValue::Number { quantity }
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
