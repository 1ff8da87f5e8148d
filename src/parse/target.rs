//! Target cells (指标值) → typed [`Target`]s, leniently or strictly.

use super::build::{change_direction, per_period_unit, Builder, Domain};
use super::grammar::{Grammar, Rule};
use super::normalize::Normalized;
use super::{Parsed, Strictness};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::quantity::UnitError;
use crate::model::units::compare_in_unit;
use crate::model::{
    Change, Comparison, Deadline, Op, OpWritten, Qualitative, Quantity, RangeTarget, Span, Target,
    TargetKind,
};
use pest::iterators::Pair;
use pest::Parser;

/// Parses one target cell. Lenient parsing salvages what it can and reports the rest as
/// warnings; strict parsing turns those warnings into errors. All problems found are
/// returned together.
pub fn parse_target(src: &str, strictness: Strictness) -> Result<Parsed<Target>, Vec<Diagnostic>> {
    // ---- issue 7 (region): input limit, then a per-thread memo of this pure function ----
    if let Some(too_long) = crate::limits::cell_too_long(src, Code::TargetTooLong) {
        return Err(vec![too_long]);
    }
    super::memo::target(src, strictness, parse_target_uncached)
}

/// [`parse_target`] without the memo (and without the length limit).
pub fn parse_target_uncached(
    src: &str,
    strictness: Strictness,
) -> Result<Parsed<Target>, Vec<Diagnostic>> {
    // ---- end issue 7 ----
    let norm = Normalized::new(src);
    let trimmed = norm.text.trim();
    if trimmed.is_empty() {
        return Err(vec![Diagnostic::new(
            Code::TargetEmpty,
            Span::new(0, src.len()),
        )]);
    }
    let mut b = Builder::new(&norm, Domain::Target);
    let target = match Grammar::parse(Rule::target, &norm.text) {
        Ok(mut pairs) => match pairs.next() {
            Some(pair) => build_target(&mut b, pair),
            None => qualitative(&mut b, src),
        },
        Err(_) => {
            if let Ok(mut pairs) = Grammar::parse(Rule::dangling_op, &norm.text) {
                let op_span = pairs.next().map(|p| b.span(&p)).unwrap_or_default();
                // Underline what follows the operator, without the spaces around it.
                let tail = src.get(op_span.end..).unwrap_or("");
                let lead = tail.len() - tail.trim_start().len();
                let after = tail.trim();
                let rest = Span::new(op_span.end + lead, op_span.end + lead + after.len());
                // A word operator followed by words and no number (`控制在预算范围内`,
                // `达到预期效果`, `不低于上年水平`) is how real tables state a qualitative
                // target; only a symbol (`≥`) or a word followed by a number it cannot read
                // is a missing number.
                let op_text = src.get(op_span.start..op_span.end).unwrap_or("");
                let word_op = op_text.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
                let only_a_unit = crate::model::vocabulary::active().is_known(after);
                if word_op
                    && !after.is_empty()
                    && !only_a_unit
                    && !after.chars().any(|c| c.is_ascii_digit())
                {
                    let target = qualitative(&mut b, src);
                    return finish(target, b.diags, strictness);
                }
                let d = if after.is_empty() {
                    Diagnostic::new(Code::TargetMissingNumber, op_span)
                } else {
                    Diagnostic::new(Code::TargetMissingNumber, rest).variant("after")
                };
                b.diags.push(d);
            }
            qualitative(&mut b, src)
        }
    };
    finish(target, b.diags, strictness)
}

/// Returns the value with its warnings, or every problem as an error.
pub(super) fn finish<T>(
    value: T,
    mut diags: Vec<Diagnostic>,
    strictness: Strictness,
) -> Result<Parsed<T>, Vec<Diagnostic>> {
    if strictness == Strictness::Strict {
        for d in &mut diags {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        Ok(Parsed {
            value,
            warnings: diags,
        })
    }
}

/// Free text. If it holds a number we could not read, say so: the author probably meant
/// a measurable target.
fn qualitative(b: &mut Builder<'_>, src: &str) -> Target {
    let start = src.len() - src.trim_start().len();
    let text = src.trim();
    let span = Span::new(start, start + text.len());
    let has_digit = b.norm.text.chars().any(|c| c.is_ascii_digit());
    if has_digit && !b.diags.iter().any(Diagnostic::is_error) {
        b.diags
            .push(Diagnostic::new(Code::TargetUnreadNumber, span));
    }
    Target {
        kind: TargetKind::Qualitative(Qualitative {
            text: text.to_string(),
            span,
        }),
        reverse_mark: false,
        span,
    }
}

fn build_target(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> Target {
    let mut reverse_mark = false;
    let mut kind: Option<TargetKind> = None;
    let mut span = b.span(&pair);
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::lead_mark | Rule::reverse_mark => reverse_mark = true,
            Rule::junk => {
                let junk_span = b.span(&p);
                let read = kind
                    .as_ref()
                    .map(|k: &TargetKind| {
                        Target {
                            kind: k.clone(),
                            reverse_mark,
                            span,
                        }
                        .to_string()
                    })
                    .unwrap_or_default();
                b.diags
                    .push(Diagnostic::new(Code::TargetUnreadText, junk_span).arg("read", read));
                span = Span::new(span.start, junk_span.start);
            }
            Rule::deadline => kind = Some(deadline(b, p)),
            Rule::change => kind = Some(change(b, p)),
            Rule::range => kind = Some(range(b, p)),
            Rule::per_period => kind = Some(per_period(b, p)),
            Rule::comparison => kind = Some(comparison(b, p)),
            _ => {}
        }
    }
    let kind = kind.unwrap_or_else(|| {
        TargetKind::Qualitative(Qualitative {
            text: String::new(),
            span,
        })
    });
    Target {
        kind,
        reverse_mark,
        span,
    }
}

fn deadline(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> TargetKind {
    let span = b.span(&pair);
    let mut start = None;
    let mut end = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::period => {
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::date_point => start = Some(b.date_point(q)),
                        Rule::period_end => {
                            if let Some(inner) = q.into_inner().next() {
                                end = Some(b.date_point(inner));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Rule::date_point => end = Some(b.date_point(p)),
            _ => {}
        }
    }
    let mut end = end.unwrap_or(crate::model::DateSpec {
        year: None,
        point: crate::model::DatePoint::YearEnd,
    });
    if let (Some(s), None) = (&start, end.year) {
        end.year = s.year;
    }
    // A period whose start falls after its end (`2022年1月-2021年11月`) has no day to meet;
    // compared in one year when neither end names one.
    if let Some(s) = start
        .as_ref()
        .filter(|s| s.year.is_some() == end.year.is_some())
    {
        if let (Some(a), Some(z)) = (s.last_day(2000), end.last_day(2000)) {
            if a > z {
                b.diags
                    .push(Diagnostic::new(Code::TargetPeriodReversed, span));
            }
        }
    }
    TargetKind::Deadline(Deadline { start, end, span })
}

fn change(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> TargetKind {
    let span = b.span(&pair);
    let mut basis = None;
    let mut direction = crate::model::ChangeDirection::Increase;
    let mut prefix = Vec::new();
    let mut postfix = None;
    let mut amount = Quantity::new(Default::default(), None);
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::change_basis => basis = Some(p.as_str().trim().to_string()),
            Rule::change_verb => direction = change_direction(p),
            Rule::prefix_ops => prefix = b.prefix_ops(p),
            Rule::quantity => amount = b.quantity(p),
            Rule::postfix_op => postfix = Some(b.postfix_op(p)),
            _ => {}
        }
    }
    let op = b.resolve_ops(&prefix, postfix, span);
    TargetKind::Change(Change {
        basis,
        direction,
        op,
        amount,
        span,
    })
}

fn range(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> TargetKind {
    let span = b.span(&pair);
    let mut bounds = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::dash_range | Rule::bracket_range => {
                for q in p.into_inner() {
                    if matches!(q.as_rule(), Rule::quantity | Rule::signed_plain) {
                        bounds.push(b.quantity(q));
                    }
                }
            }
            Rule::plus_minus => {
                for q in p.into_inner() {
                    if q.as_rule() == Rule::quantity {
                        let high = b.quantity(q);
                        let mut low = high.clone();
                        low.value = -low.value;
                        bounds.push(low);
                        bounds.push(high);
                    }
                }
            }
            _ => {}
        }
    }
    let mut it = bounds.into_iter();
    let mut low = it
        .next()
        .unwrap_or_else(|| Quantity::new(Default::default(), None));
    let mut high = it.next().unwrap_or_else(|| low.clone());
    // `5-10万元` is 5万 to 10万: a bare lower end takes the upper end's magnitude word,
    // unless that would put it above the upper end (`5000-1万`).
    if low.unit.is_none() && low.magnitude.is_none() && high.magnitude.is_some() {
        let scaled = Quantity {
            magnitude: high.magnitude,
            ..low.clone()
        };
        if scaled.scaled() <= high.scaled() {
            low = scaled;
        }
    }
    match (&low.unit, &high.unit) {
        (None, Some(u)) => low.unit = Some(u.clone()),
        (Some(u), None) => high.unit = Some(u.clone()),
        _ => {}
    }
    match compare_in_unit(&low, &high) {
        Err(UnitError::TooLarge) => b
            .diags
            .push(Diagnostic::new(Code::TargetNumberTooLarge, span).variant("range")),
        Err(UnitError::Mismatch { actual, target }) => b.diags.push(
            Diagnostic::new(Code::TargetRangeUnits, span)
                .arg("low", actual)
                .arg("high", target),
        ),
        Ok(std::cmp::Ordering::Greater) => b.diags.push(
            Diagnostic::new(Code::TargetRangeReversed, span)
                .arg("high", &high)
                .arg("low", &low),
        ),
        Ok(_) => {}
    }
    TargetKind::Range(RangeTarget { low, high, span })
}

fn per_period(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> TargetKind {
    let span = b.span(&pair);
    let mut per = String::new();
    let mut prefix = Vec::new();
    let mut postfix = None;
    let mut quantity = Quantity::new(Default::default(), None);
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::per_word => per = p.as_str().to_string(),
            Rule::prefix_ops => prefix = b.prefix_ops(p),
            Rule::quantity => quantity = b.quantity(p),
            Rule::postfix_op => postfix = Some(b.postfix_op(p)),
            _ => {}
        }
    }
    let written = b.resolve_ops(&prefix, postfix, span);
    let op_written = OpWritten(written.is_some());
    let op = written.unwrap_or(Op::Eq);
    per_period_unit(&per, &mut quantity);
    TargetKind::Comparison(Comparison {
        op,
        quantity,
        op_written,
        span,
    })
}

fn comparison(b: &mut Builder<'_>, pair: Pair<'_, Rule>) -> TargetKind {
    let span = b.span(&pair);
    let mut prefix = Vec::new();
    let mut postfix = None;
    let mut quantity = Quantity::new(Default::default(), None);
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::prefix_ops => prefix = b.prefix_ops(p),
            Rule::quantity | Rule::signed_quantity => quantity = b.quantity(p),
            Rule::postfix_op => postfix = Some(b.postfix_op(p)),
            _ => {}
        }
    }
    let written = b.resolve_ops(&prefix, postfix, span);
    let op_written = OpWritten(written.is_some());
    let op = written.unwrap_or(Op::Eq);
    TargetKind::Comparison(Comparison {
        op,
        quantity,
        op_written,
        span,
    })
}
