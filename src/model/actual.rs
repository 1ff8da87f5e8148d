//! The typed actual value (实际完成值) AST.

use super::date::DateSpec;
use super::quantity::Quantity;
use super::span::Span;
use super::target::ChangeDirection;
use rust_decimal::Decimal;
use serde::Serialize;

/// The three qualitative grades of the default policy (docs/language.md, "Rules").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Achieved,
    Partial,
    NotAchieved,
}

impl Grade {
    pub fn label(self) -> &'static str {
        match self {
            Grade::Achieved => "达成",
            Grade::Partial => "部分达成",
            Grade::NotAchieved => "未达成",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActualValue {
    Number {
        quantity: Quantity,
    },
    /// `172/190`: a rate from survey counts.
    Fraction {
        #[serde(with = "rust_decimal::serde::str")]
        numerator: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        denominator: Decimal,
    },
    Date {
        date: DateSpec,
    },
    /// `已完成`/`完成` with no date.
    Done,
    /// `未完成`.
    NotDone,
    /// `达成`, `部分达成 75%`.
    Grade {
        grade: Grade,
        /// An explicit share in percent, which must lie inside the grade's band.
        #[serde(with = "rust_decimal::serde::str_option")]
        share: Option<Decimal>,
    },
    YesNo {
        yes: bool,
    },
    /// The change itself (`减少6%`), accepted instead of a value plus baseline.
    Change {
        direction: ChangeDirection,
        amount: Quantity,
    },
    NotApplicable,
    /// Anything else; only meaningful against a qualitative target with the same text.
    Text {
        text: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Actual {
    #[serde(flatten)]
    pub value: ActualValue,
    #[serde(skip)]
    pub span: Span,
}

crate::model::span::span_blind_eq!(Actual { value });
