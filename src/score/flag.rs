//! Flags on a scored row or on the execution row. The code is a closed set so that code
//! which reacts to a flag (dropping score flags from an unscored row, reading the
//! execution rate used for a row) matches a variant, not a string; the strings are the
//! stable codes printed in CSV, JSON and snapshots, and the keys of the `flag.*` labels.

use serde::{Serialize, Serializer};
use std::fmt;

/// Every flag the scorer and the evaluator raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagCode {
    OverAchieved,
    ReasonRequired,
    MissingActual,
    ExecutionRateUsed,
    GradedByHand,
    NoCompletionDate,
    NoPointsLeft,
    Overspent,
    TooLarge,
    UnknownLevel,
    ZeroBudget,
    NoDepartmentIndicators,
    FractionForPercent,
}

impl FlagCode {
    pub const ALL: [FlagCode; 13] = [
        FlagCode::OverAchieved,
        FlagCode::ReasonRequired,
        FlagCode::MissingActual,
        FlagCode::ExecutionRateUsed,
        FlagCode::GradedByHand,
        FlagCode::NoCompletionDate,
        FlagCode::NoPointsLeft,
        FlagCode::Overspent,
        FlagCode::TooLarge,
        FlagCode::UnknownLevel,
        FlagCode::ZeroBudget,
        FlagCode::NoDepartmentIndicators,
        FlagCode::FractionForPercent,
    ];

    /// The stable code, as printed in CSV, JSON and snapshots.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagCode::OverAchieved => "over-achieved",
            FlagCode::ReasonRequired => "reason-required",
            FlagCode::MissingActual => "missing-actual",
            FlagCode::ExecutionRateUsed => "execution-rate-used",
            FlagCode::GradedByHand => "graded-by-hand",
            FlagCode::NoCompletionDate => "no-completion-date",
            FlagCode::NoPointsLeft => "no-points-left",
            FlagCode::Overspent => "overspent",
            FlagCode::TooLarge => "too-large",
            FlagCode::UnknownLevel => "unknown-level",
            FlagCode::ZeroBudget => "zero-budget",
            FlagCode::NoDepartmentIndicators => "no-department-indicators",
            FlagCode::FractionForPercent => "fraction-for-percent",
        }
    }

    /// Whether the flag is about a score: it does not apply to a row left unscored.
    pub fn is_about_the_score(self) -> bool {
        matches!(self, FlagCode::ReasonRequired | FlagCode::OverAchieved)
    }
}

impl fmt::Display for FlagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FlagCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for FlagCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for FlagCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub code: FlagCode,
    pub message: String,
}

impl Flag {
    pub fn new(code: FlagCode, message: impl Into<String>) -> Flag {
        Flag {
            code,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FlagCode;

    #[test]
    fn codes_are_distinct_and_serialise_as_their_string() {
        let mut seen = std::collections::BTreeSet::new();
        for c in FlagCode::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert_eq!(
                serde_json::to_string(&c).ok(),
                Some(format!("\"{}\"", c.as_str()))
            );
        }
    }
}
