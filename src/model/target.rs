//! The typed target (指标值) AST. Every node keeps the span of the text it came from.

use super::date::DateSpec;
use super::quantity::Quantity;
use super::span::Span;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
            Op::Eq => "=",
        }
    }
    /// The name used in CSV/JSON outputs and case tables.
    pub fn code(self) -> &'static str {
        match self {
            Op::Ge => "ge",
            Op::Gt => "gt",
            Op::Le => "le",
            Op::Lt => "lt",
            Op::Eq => "eq",
        }
    }
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Op::Le | Op::Lt)
    }
}

/// Whether more is better (positive) or less is better (reverse, 反向指标).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Positive,
    Reverse,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::Positive => "positive",
            Direction::Reverse => "reverse",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Direction::Positive => "正向",
            Direction::Reverse => "反向",
        }
    }
}

/// Where a row's direction came from, for traces and `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectionSource {
    /// 反向 written in the target cell.
    TargetMark,
    /// 反向 written in the indicator's description (or passed in by the caller).
    DescriptionMark,
    /// An operator written in the target (≤ < are reverse; the rest positive).
    Operator,
    /// Nothing in the target decides — a bare value (`100%`, read as `=100%`), a range, a
    /// deadline, a qualitative target, a change without an operator: positive by default.
    /// Told apart from `Operator` so that JSON does not claim an operator nobody wrote.
    Default,
    /// A scorecard row's explicit override.
    Override,
}

impl DirectionSource {
    /// Why the row has its direction, in the words of the command-line output and the
    /// current language (`direction-source.*` in the catalogues).
    pub fn describe(self) -> &'static str {
        crate::i18n::t(match self {
            DirectionSource::TargetMark => "direction-source.target-mark",
            DirectionSource::DescriptionMark => "direction-source.description-mark",
            DirectionSource::Operator => "direction-source.operator",
            DirectionSource::Default => "direction-source.default",
            DirectionSource::Override => "direction-source.override",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetKind {
    Comparison(Comparison),
    Range(RangeTarget),
    Deadline(Deadline),
    Change(Change),
    Qualitative(Qualitative),
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub op: Op,
    pub quantity: Quantity,
    /// Whether `op` was written or implied by a bare value.
    #[serde(skip)]
    pub op_written: OpWritten,
    #[serde(skip)]
    pub span: Span,
}

/// Whether a comparison's operator was written (`=100%`) or implied (`100%`). Ignored by
/// equality and hashing, like spans: both spellings are the same target, and only the
/// direction's stated reason depends on it.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpWritten(pub bool);

impl PartialEq for OpWritten {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for OpWritten {}

impl std::hash::Hash for OpWritten {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// An inclusive band `[low, high]`.
#[derive(Debug, Clone, Serialize)]
pub struct RangeTarget {
    pub low: Quantity,
    pub high: Quantity,
    #[serde(skip)]
    pub span: Span,
}

/// A date by which something must be done; for a period (`2020年1月-2020年11月`) the
/// end counts and the start is kept for display.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<DateSpec>,
    pub end: DateSpec,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeDirection {
    Increase,
    Decrease,
}

/// A required change against a baseline (上年 value): `比上年同期减少5%`.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// What the change is measured against, as written (`比上年同期`, `同比`, `年`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    pub direction: ChangeDirection,
    /// `增长10%以上` is Ge; a bare amount is None (read as "at least").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub op: Option<Op>,
    /// `%` is relative to the baseline; `个百分点` and other units are absolute.
    pub amount: Quantity,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Qualitative {
    pub text: String,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    #[serde(flatten)]
    pub kind: TargetKind,
    /// 反向 / 反向指标 written in the cell.
    pub reverse_mark: bool,
    #[serde(skip)]
    pub span: Span,
}

impl Target {
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            TargetKind::Comparison(_) => "comparison",
            TargetKind::Range(_) => "range",
            TargetKind::Deadline(_) => "deadline",
            TargetKind::Change(_) => "change",
            TargetKind::Qualitative(_) => "qualitative",
        }
    }

    /// Direction by docs/language.md: an explicit mark (in the target or, via `description_mark`,
    /// in the description) beats the operator; ≤ and < are reverse; the rest positive.
    pub fn direction(&self, description_mark: bool) -> (Direction, DirectionSource) {
        if self.reverse_mark {
            return (Direction::Reverse, DirectionSource::TargetMark);
        }
        if description_mark {
            return (Direction::Reverse, DirectionSource::DescriptionMark);
        }
        let op = match &self.kind {
            TargetKind::Comparison(c) if c.op_written.0 => Some(c.op),
            TargetKind::Change(c) => c.op,
            _ => None,
        };
        match op {
            Some(op) if op.is_upper_bound() => (Direction::Reverse, DirectionSource::Operator),
            Some(_) => (Direction::Positive, DirectionSource::Operator),
            None => (Direction::Positive, DirectionSource::Default),
        }
    }

    /// The operator, for comparisons (and changes that state one).
    pub fn op(&self) -> Option<Op> {
        match &self.kind {
            TargetKind::Comparison(c) => Some(c.op),
            TargetKind::Change(c) => c.op,
            _ => None,
        }
    }

    /// The main value and unit, for tables and case files.
    pub fn main_quantity(&self) -> Option<&Quantity> {
        match &self.kind {
            TargetKind::Comparison(c) => Some(&c.quantity),
            TargetKind::Change(c) => Some(&c.amount),
            TargetKind::Range(r) => Some(&r.high),
            _ => None,
        }
    }
}

/// The canonical printed form: re-parses to an equal target.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            TargetKind::Comparison(c) => write!(f, "{}{}", c.op.symbol(), c.quantity)?,
            TargetKind::Range(r) => {
                // `-5%-5%` would not read back, and `1月-3月` or `2020年-2022年` would
                // read back as a period of dates: those are written in brackets.
                let date_like = [&r.low, &r.high].iter().any(|q| {
                    matches!(
                        q.unit.as_ref().map(|u| u.as_str()),
                        Some("年" | "月" | "季度")
                    )
                });
                if date_like || r.low.value.is_sign_negative() || r.high.value.is_sign_negative() {
                    write!(f, "[{}, {}]", r.low, r.high)?
                } else {
                    write!(f, "{}-{}", r.low, r.high)?
                }
            }
            TargetKind::Deadline(d) => match &d.start {
                Some(s) => write!(f, "{s}至{}", d.end)?,
                None => write!(f, "{}", d.end)?,
            },
            TargetKind::Change(c) => {
                if let Some(b) = &c.basis {
                    f.write_str(b)?;
                }
                f.write_str(match c.direction {
                    ChangeDirection::Increase => "增长",
                    ChangeDirection::Decrease => "减少",
                })?;
                match c.op {
                    None => write!(f, "{}", c.amount)?,
                    Some(Op::Ge) => write!(f, "{}以上", c.amount)?,
                    Some(Op::Le) => write!(f, "{}以内", c.amount)?,
                    Some(op) => write!(f, "{}{}", op.symbol(), c.amount)?,
                }
            }
            TargetKind::Qualitative(q) => f.write_str(&q.text)?,
        }
        if self.reverse_mark {
            f.write_str("(反向指标)")?;
        }
        Ok(())
    }
}

crate::model::span::span_blind_eq!(Comparison {
    op,
    quantity,
    op_written
});
crate::model::span::span_blind_eq!(RangeTarget { low, high });
crate::model::span::span_blind_eq!(Deadline { start, end });
crate::model::span::span_blind_eq!(Change {
    basis,
    direction,
    op,
    amount
});
crate::model::span::span_blind_eq!(Qualitative { text });
crate::model::span::span_blind_eq!(Target { kind, reverse_mark });
