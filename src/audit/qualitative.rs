//! Qualitative rows (no number in the target) are graded by hand: the grade word in the
//! actual (达成 / 部分达成 / 未达成 and the words units write for them) picks the policy's
//! band of the row's 分值. A printed score inside the band is accepted; outside it, the
//! nearest edge is what the rules allow. Without a grade word nothing can be said.

use super::form::PublishedRow;
use super::rescore::Rules;
use super::verdict::{Rescored, Verdict};
use crate::model::Grade;
use crate::scorecard::import::synonyms::squeeze;
use rust_decimal::Decimal;

/// Words, checked in this order (未达成 before 达成, 部分达成 before 达成).
const GRADE_WORDS: &[(Grade, &[&str])] = &[
    (
        Grade::NotAchieved,
        &["未达成", "未达到", "未完成", "未实现"],
    ),
    (
        Grade::Partial,
        &[
            "部分达成",
            "部分完成",
            "部分实现",
            "基本达到",
            "基本达成",
            "基本完成",
            "基本实现",
            "较好",
            "一般",
        ],
    ),
    (
        Grade::Achieved,
        &[
            "达成", "完成", "明显", "显著", "有效", "良好", "满意", "达到", "实现",
        ],
    ),
];

/// The grade an actual states, or the target text repeated.
pub fn grade_of(actual: &str, target: &str) -> Option<Grade> {
    let a = squeeze(actual);
    if a == squeeze(target) {
        return Some(Grade::Achieved);
    }
    GRADE_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| a.contains(w)))
        .map(|(g, _)| *g)
}

/// A share written with the grade: `部分达成 70%`.
fn share_in(actual: &str) -> Option<Decimal> {
    let a = squeeze(actual);
    let pct = a.strip_suffix('%').or_else(|| a.strip_suffix('％'))?;
    let digits: String = pct
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    super::form::number_of(&digits)
}

fn grade_label(g: Grade) -> &'static str {
    match g {
        Grade::Achieved => "达成",
        Grade::Partial => "部分达成",
        Grade::NotAchieved => "未达成",
    }
}

pub fn qualitative(row: &PublishedRow, target: &str, w: Decimal, rules: &Rules<'_>) -> Rescored {
    let printed = row.score.number();
    let rule = "定性指标：按等级区间人工评分";
    let Some(grade) = grade_of(&row.actual.text, target) else {
        return Rescored::unverifiable(
            Some(w),
            printed,
            rule,
            format!(
                "定性指标，实际完成值 `{}` 没有写明达成程度（达成、部分达成、未达成），无法判断应得区间",
                row.actual.text
            ),
        );
    };
    let band = rules.policy.band(grade);
    let hundred = Decimal::ONE_HUNDRED;
    let low = rules.policy.round(w * band.low / hundred);
    let high = rules.policy.round(w * band.high / hundred);
    let edge = if band.high_inclusive { "]" } else { ")" };
    let shown = format!("[{low}, {high}{edge}");
    if let Some(share) = share_in(&row.actual.text) {
        let score = rules.policy.round(w * share / hundred);
        let why = format!("{}：{} × {}% = {}", grade_label(grade), w, share, score);
        return Rescored::scored(Some(w), printed, score, rules.tolerance, rule.into(), why);
    }
    let Some(p) = printed else {
        return Rescored::unverifiable(
            Some(w),
            None,
            rule,
            format!("{}，应得区间 {shown}；未填写得分", grade_label(grade)),
        );
    };
    let above = if band.high_inclusive {
        p > high
    } else {
        p >= high
    };
    let (rescored, verdict) = if above {
        (high, Verdict::TooHigh)
    } else if p < low {
        (low, Verdict::TooLow)
    } else {
        (p, Verdict::Agrees)
    };
    let place = match verdict {
        Verdict::TooHigh => "高于区间",
        Verdict::TooLow => "低于区间",
        _ => "在区间内",
    };
    Rescored {
        weight: Some(w),
        printed: Some(p),
        rescored: Some(rescored),
        difference: Some(p - rescored),
        verdict,
        rule: rule.into(),
        why: format!(
            "{}，应得区间 {shown}（分值 {w}）；填报 {p}，{place}",
            grade_label(grade)
        ),
    }
}
