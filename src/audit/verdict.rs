//! The result of re-scoring a published form: per row and for the execution line the
//! printed score, the score the rules give, the verdict and why.

use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Verdict {
    #[serde(rename = "一致")]
    Agrees,
    #[serde(rename = "偏高")]
    TooHigh,
    #[serde(rename = "偏低")]
    TooLow,
    #[serde(rename = "无法复核")]
    Unverifiable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Agrees => "一致",
            Verdict::TooHigh => "偏高",
            Verdict::TooLow => "偏低",
            Verdict::Unverifiable => "无法复核",
        }
    }
    pub const ALL: [Verdict; 4] = [
        Verdict::Agrees,
        Verdict::TooHigh,
        Verdict::TooLow,
        Verdict::Unverifiable,
    ];
    /// The verdict on `printed` against `rescored`: 一致 within `tolerance`.
    pub fn compare(printed: Decimal, rescored: Decimal, tolerance: Decimal) -> Verdict {
        let diff = printed - rescored;
        if diff.abs() <= tolerance {
            Verdict::Agrees
        } else if diff > Decimal::ZERO {
            Verdict::TooHigh
        } else {
            Verdict::TooLow
        }
    }
}

/// One re-scored line (an indicator row or the execution line).
#[derive(Debug, Clone, Serialize)]
pub struct Rescored {
    /// The 分值 the row is scored on (after 不适用 points moved), when known.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weight: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub printed: Option<Decimal>,
    /// The score under the policy; for a qualitative row inside its band, the printed score.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rescored: Option<Decimal>,
    /// printed − rescored, when both are known.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub difference: Option<Decimal>,
    pub verdict: Verdict,
    /// The rule applied (`正向：按比例`, `定性：人工评分区间`, …).
    pub rule: String,
    /// The arithmetic, or for 无法复核 why not.
    pub why: String,
}

impl Rescored {
    pub fn unverifiable(
        weight: Option<Decimal>,
        printed: Option<Decimal>,
        rule: &str,
        why: String,
    ) -> Rescored {
        Rescored {
            weight,
            printed,
            rescored: None,
            difference: None,
            verdict: Verdict::Unverifiable,
            rule: rule.to_string(),
            why,
        }
    }
    /// A line scored `rescored`: the verdict on the printed score. A blank printed score
    /// cannot be compared (无法复核) unless the rules give 0.
    pub fn scored(
        weight: Option<Decimal>,
        printed: Option<Decimal>,
        rescored: Decimal,
        tolerance: Decimal,
        rule: String,
        why: String,
    ) -> Rescored {
        let (verdict, difference) = match printed {
            Some(p) => (Verdict::compare(p, rescored, tolerance), Some(p - rescored)),
            None if rescored.is_zero() => (Verdict::Agrees, None),
            None => (Verdict::Unverifiable, None),
        };
        let why = if printed.is_none() && !rescored.is_zero() {
            format!("{why}；未填写得分，无法比较")
        } else {
            why
        };
        Rescored {
            weight,
            printed,
            rescored: Some(rescored),
            difference,
            verdict,
            rule,
            why,
        }
    }
}
