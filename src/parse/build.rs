//! Building typed values from pest pairs: the pieces targets and actuals share
//! (quantities, operators, dates, change verbs).

use super::grammar::Rule;
use super::normalize::Normalized;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{ChangeDirection, DatePoint, DateSpec, Magnitude, Op, Quantity, Span, Unit};
use pest::iterators::Pair;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Context for building: the normalised text (for spans) and the diagnostics so far.
pub struct Builder<'a> {
    pub norm: &'a Normalized,
    pub diags: Vec<Diagnostic>,
    /// Whether a target or an actual is read: the codes differ (`target::invalid-date`,
    /// `actual::invalid-date`), the problems are the same.
    pub domain: Domain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    Target,
    Actual,
}

impl Domain {
    /// The target's code or the actual's.
    fn pick(self, target: Code, actual: Code) -> Code {
        match self {
            Domain::Target => target,
            Domain::Actual => actual,
        }
    }
}

impl<'a> Builder<'a> {
    pub fn new(norm: &'a Normalized, domain: Domain) -> Self {
        Builder {
            norm,
            diags: Vec::new(),
            domain,
        }
    }

    /// The span in the original text of a pair found in the normalised text.
    pub fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.norm.original(s.start()), self.norm.original(s.end()))
    }

    pub fn number(&mut self, pair: &Pair<'_, Rule>) -> Decimal {
        match exact_number(pair.as_str()) {
            Some(d) => d,
            None => {
                let code = self
                    .domain
                    .pick(Code::TargetNumberTooLarge, Code::ActualNumberTooLarge);
                self.diags
                    .push(Diagnostic::new(code, self.span(pair)).arg("number", pair.as_str()));
                Decimal::ZERO
            }
        }
    }

    /// `quantity`, `plain_quantity`, `signed_quantity`, `signed_plain`.
    pub fn quantity(&mut self, pair: Pair<'_, Rule>) -> Quantity {
        let whole = self.span(&pair);
        let mut q = Quantity::new(Decimal::ZERO, None);
        let mut negative = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::sign => negative = p.as_str() == "-",
                Rule::quantity | Rule::plain_quantity => {
                    let inner = self.quantity(p);
                    q = inner;
                }
                Rule::number | Rule::plain_number => q.value = self.number(&p),
                Rule::magnitude => q.magnitude = Magnitude::from_word(p.as_str()),
                Rule::unit_part => {
                    let text = p
                        .into_inner()
                        .next()
                        .map(|u| match u.as_rule() {
                            Rule::percent_word => "%".to_string(),
                            _ => u.as_str().to_string(),
                        })
                        .unwrap_or_default();
                    if !text.is_empty() {
                        q.unit = Some(Unit::new(text));
                    }
                }
                _ => {}
            }
        }
        if negative {
            q.value = -q.value;
        }
        if q.checked_scaled().is_none() {
            let code = self
                .domain
                .pick(Code::TargetNumberTooLarge, Code::ActualNumberTooLarge);
            self.diags
                .push(Diagnostic::new(code, whole).variant("magnitude"));
            q.magnitude = None;
        }
        q
    }

    /// All operators in `prefix_ops`, each with its span.
    pub fn prefix_ops(&self, pair: Pair<'_, Rule>) -> Vec<(Op, Span)> {
        pair.into_inner()
            .filter_map(|p| {
                let span = self.span(&p);
                p.into_inner().next().map(|o| (op_of(o.as_rule()), span))
            })
            .collect()
    }

    pub fn postfix_op(&self, pair: Pair<'_, Rule>) -> (Op, Span) {
        let span = self.span(&pair);
        let op = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Rule::post_le) => Op::Le,
            _ => Op::Ge,
        };
        (op, span)
    }

    /// Folds the written operators into one. The same operator twice (`≥≥98%`) is a
    /// warning; `控制在10%以内` (prefix and postfix that agree) is normal Chinese and
    /// passes silently; operators that disagree (`≥10以下`) are an error.
    pub fn resolve_ops(
        &mut self,
        prefix: &[(Op, Span)],
        postfix: Option<(Op, Span)>,
        whole: Span,
    ) -> Option<Op> {
        let all: Vec<(Op, Span)> = prefix.iter().copied().chain(postfix).collect();
        let first = all.first()?;
        if let Some(other) = all.iter().find(|(o, _)| *o != first.0) {
            let code = self.domain.pick(
                Code::TargetConflictingOperators,
                Code::ActualConflictingOperators,
            );
            let span = Span::new(first.1.start.min(other.1.start), whole.end.max(other.1.end));
            self.diags.push(
                Diagnostic::new(code, span)
                    .arg("first", first.0.symbol())
                    .arg("other", other.0.symbol()),
            );
            return Some(first.0);
        }
        if prefix.len() > 1 {
            let span = Span::new(
                prefix.first().map(|p| p.1.start).unwrap_or(0),
                prefix.last().map(|p| p.1.end).unwrap_or(0),
            );
            if self.domain == Domain::Target {
                self.diags.push(
                    Diagnostic::new(Code::TargetDoubledOperator, span).arg("op", first.0.symbol()),
                );
            }
        }
        Some(first.0)
    }

    pub fn date_point(&mut self, pair: Pair<'_, Rule>) -> DateSpec {
        let span = self.span(&pair);
        let mut spec = DateSpec {
            year: None,
            point: DatePoint::YearEnd,
        };
        let inner = match pair.as_rule() {
            Rule::date_point => pair.into_inner().next(),
            _ => Some(pair),
        };
        let Some(inner) = inner else { return spec };
        match inner.as_rule() {
            Rule::iso_date | Rule::dot_date | Rule::month_day_dot => {
                let mut month = 12;
                let mut day = 31;
                for p in inner.into_inner() {
                    match p.as_rule() {
                        Rule::year => spec.year = p.as_str().parse().ok(),
                        Rule::month_num => month = p.as_str().parse().unwrap_or(0),
                        Rule::day_num => day = p.as_str().parse().unwrap_or(0),
                        _ => {}
                    }
                }
                spec.point = DatePoint::Day { month, day };
            }
            Rule::cn_date => {
                for p in inner.into_inner() {
                    match p.as_rule() {
                        Rule::year => spec.year = p.as_str().parse().ok(),
                        Rule::within_year => spec.point = within_year(p),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        if !spec.is_valid() {
            let code = self
                .domain
                .pick(Code::TargetInvalidDate, Code::ActualInvalidDate);
            self.diags.push(Diagnostic::new(code, span));
        }
        spec
    }
}

fn within_year(pair: Pair<'_, Rule>) -> DatePoint {
    let mut month = 12u8;
    let mut point = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::quarter => {
                let q = p
                    .into_inner()
                    .next()
                    .map(|n| cn_digit(n.as_str()))
                    .unwrap_or(4);
                point = Some(DatePoint::Quarter { quarter: q });
            }
            Rule::first_half => point = Some(DatePoint::Half { half: 1 }),
            Rule::second_half => point = Some(DatePoint::Half { half: 2 }),
            Rule::month => {
                month = p
                    .into_inner()
                    .next()
                    .map(|m| cn_digit(m.as_str()))
                    .unwrap_or(12)
            }
            Rule::month_end => point = Some(DatePoint::MonthEnd { month }),
            Rule::day_of_month => {
                let day = p
                    .into_inner()
                    .next()
                    .and_then(|d| d.as_str().parse().ok())
                    .unwrap_or(0);
                point = Some(DatePoint::Day { month, day });
            }
            _ => {}
        }
    }
    point.unwrap_or(DatePoint::Month { month })
}

/// `4`, `四`, `十二` → the number.
fn cn_digit(s: &str) -> u8 {
    if let Ok(n) = s.parse() {
        return n;
    }
    match s {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        "七" => 7,
        "八" => 8,
        "九" => 9,
        "十" => 10,
        "十一" => 11,
        "十二" => 12,
        _ => 0,
    }
}

/// `每月2期` → 2 期/月: the period becomes the unit's divisor (`次` when no unit is
/// written). Targets and actuals read the form alike, so the two compare.
pub fn per_period_unit(per: &str, quantity: &mut Quantity) {
    let unit = match &quantity.unit {
        Some(u) => format!("{u}/{per}"),
        None => format!("次/{per}"),
    };
    quantity.unit = Some(Unit::new(unit));
}

pub fn op_of(rule: Rule) -> Op {
    match rule {
        Rule::op_ge => Op::Ge,
        Rule::op_gt => Op::Gt,
        Rule::op_le => Op::Le,
        Rule::op_lt => Op::Lt,
        _ => Op::Eq,
    }
}

pub fn change_direction(pair: Pair<'_, Rule>) -> ChangeDirection {
    match pair.into_inner().next().map(|p| p.as_rule()) {
        Some(Rule::decrease) => ChangeDirection::Decrease,
        _ => ChangeDirection::Increase,
    }
}

/// The number as written (`1,000`, `12.5`, `1E+03`), exactly, or `None` when it does not
/// fit: `from_str` rounds what does not fit in 28 digits (`0.000…01` would silently become
/// 0, and a `≥0` target score all-or-nothing), so a number is exact or an error. An
/// exponent (spreadsheet exports write `1E+03`) scales the written digits exactly.
pub(crate) fn exact_number(text: &str) -> Option<Decimal> {
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().ok()?),
        None => (digits.as_str(), 0),
    };
    let d = Decimal::from_str(mantissa)
        .ok()
        .filter(|d| same_number(mantissa, *d))?;
    let ten = Decimal::TEN;
    let mut out = d;
    for _ in 0..exponent.unsigned_abs() {
        out = if exponent > 0 {
            out.checked_mul(ten)?
        } else {
            out.checked_div(ten)?
        };
    }
    // Dividing may round once the digits run out; exact or nothing.
    if exponent < 0
        && out.checked_mul(Decimal::from(10i64.checked_pow(exponent.unsigned_abs())?))? != d
    {
        return None;
    }
    Some(out)
}

/// Whether `d` is exactly the decimal written as `digits` (digits and at most one `.`).
pub(crate) fn same_number(digits: &str, d: Decimal) -> bool {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let written = match (int.is_empty(), frac.is_empty()) {
        (_, true) => {
            if int.is_empty() {
                "0".to_string()
            } else {
                int.to_string()
            }
        }
        (true, false) => format!("0.{frac}"),
        (false, false) => format!("{int}.{frac}"),
    };
    d.normalize().to_string() == written
}
