//! Re-scoring every printed row with jixiao's own scorer (`crate::score::score_row`)
//! under the chosen policy. What the scorer cannot judge from a published form is said
//! so (无法复核) with the reason: a blank actual, a change against 上年 (no form prints
//! the 上年 value), a qualitative row whose actual holds no grade word.

use super::form::{number_of, PublishedBudget, PublishedRow};
use super::qualitative::qualitative;
use super::verdict::Rescored;
use crate::model::{Direction, Target, TargetKind};
use crate::parse::{parse_actual, parse_target, Strictness};
use crate::score::formula::d;
use crate::score::{score_row, Policy, RowInput, Status};
use rust_decimal::Decimal;

/// What re-scoring needs besides the row.
pub struct Rules<'a> {
    pub policy: &'a Policy,
    pub tolerance: Decimal,
    /// For deadlines written without a year.
    pub fiscal_year: i32,
}

pub fn target_of(row: &PublishedRow) -> Option<Target> {
    parse_target(&scoring_target(row), Strictness::Lenient)
        .ok()
        .map(|p| p.value)
}

/// Operators a 指标性质 column may hold instead of 正向/反向 (the newer national template:
/// 指标性质 `≥`, 指标值 `2000`, 度量单位 `份`).
const OPERATORS: &[&str] = &["≥", "≤", "＞", "＜", ">", "<", "=", "＝"];

/// The target as the scorer reads it: the printed 指标值, after the operator of a
/// 指标性质 column and the unit of a 度量单位 column when the cell itself has neither.
pub fn scoring_target(row: &PublishedRow) -> String {
    let t = row.target.text.trim();
    let nature = row.nature.trim();
    let op = OPERATORS
        .iter()
        .find(|o| nature == **o)
        .filter(|_| !OPERATORS.iter().any(|o| t.starts_with(o)));
    format!("{}{}", op.copied().unwrap_or(""), with_unit(t, &row.unit))
}

/// The actual as the scorer reads it: with the 度量单位 column's unit when it ends in a
/// bare number.
pub fn scoring_actual(row: &PublishedRow) -> String {
    with_unit(row.actual.text.trim(), &row.unit)
}

fn with_unit(text: &str, unit: &str) -> String {
    let unit = unit.trim();
    let bare = text.ends_with(|c: char| c.is_ascii_digit());
    if bare && !unit.is_empty() && !super::form::is_blank_text(unit) {
        format!("{text}{unit}")
    } else {
        text.to_string()
    }
}

/// 反向 stated in a 指标性质 column.
pub fn reverse_by_nature(row: &PublishedRow) -> bool {
    row.nature.contains("反向")
}

/// Re-scores one row on `weight` points (its 分值 after 不适用 points moved).
pub fn rescore_row(row: &PublishedRow, weight: Option<Decimal>, rules: &Rules<'_>) -> Rescored {
    let printed = row.score.number();
    if row.is_not_applicable() {
        return Rescored::scored(
            weight,
            printed,
            Decimal::ZERO,
            rules.tolerance,
            "不适用".into(),
            "不适用的指标不计分，分值调整至同级指标".into(),
        );
    }
    let Some(w) = weight else {
        return Rescored::unverifiable(
            None,
            printed,
            "—",
            "未填写分值（或权重），无法计算得分".into(),
        );
    };
    if row.actual.is_blank() {
        return Rescored::unverifiable(Some(w), printed, "—", "未填写实际完成值，无从复核".into());
    }
    let Some(target) = target_of(row) else {
        return Rescored::unverifiable(
            Some(w),
            printed,
            "—",
            format!("年度指标值 `{}` 无法读取", row.target.text),
        );
    };
    match &target.kind {
        TargetKind::Qualitative(q) => return qualitative(row, &q.text, w, rules),
        TargetKind::Change(_) => {
            return Rescored::unverifiable(
                Some(w),
                printed,
                "与上年比较",
                format!(
                    "指标值 `{}` 要与上年数值比较，自评表未列上年数值",
                    row.target.text
                ),
            )
        }
        _ => {}
    }
    let on_time = matches!(target.kind, TargetKind::Deadline(_)) && says_on_time(&row.actual.text);
    let actual_text = if on_time {
        "已完成".to_string()
    } else {
        scoring_actual(row)
    };
    let first = score_actual(row, &target, &actual_text, w, rules);
    let (s, dropped) = match first {
        Ok(s) if s.status == Status::Error => match unit_words_dropped(row, &target, w, rules) {
            Some((s2, dropped)) => (s2, Some(dropped)),
            None => (s, None),
        },
        Ok(s) => (s, None),
        Err(diags) => {
            let why = diags
                .first()
                .map(|d| d.message.as_str())
                .unwrap_or_default();
            return Rescored::unverifiable(
                Some(w),
                printed,
                "—",
                format!("实际完成值 `{}` 无法读取：{why}", row.actual.text),
            );
        }
    };
    let mut note = dropped
        .map(|x| format!("（指标值读作不含「{x}」，实际完成值同样略去「{x}」）"))
        .unwrap_or_default();
    if reverse_by_nature(row) {
        note.push_str("（指标性质：反向）");
    }
    if on_time {
        note.push_str(&format!("（「{}」按期限内完成计）", row.actual.text));
    }
    match (s.status, s.score) {
        (Status::Scored, Some(score)) => Rescored::scored(
            Some(w),
            printed,
            score,
            rules.tolerance,
            s.trace.rule.clone(),
            format!("{}{note}", s.trace.formula),
        ),
        _ => Rescored::unverifiable(
            Some(w),
            printed,
            &s.trace.rule,
            s.error.unwrap_or_else(|| s.trace.formula.clone()),
        ),
    }
}

/// An actual that says the task was done on time without a date (`按时完成`, `已按期完成`,
/// `如期完成`, `提前完成`): against a deadline it reads as done within it.
fn says_on_time(actual: &str) -> bool {
    let a = crate::scorecard::import::synonyms::squeeze(actual);
    let done =
        a.contains("完成") && !a.contains('未') && !a.contains("逾期") && !a.contains("延期");
    done && ["按时", "按期", "如期", "提前", "准时"]
        .iter()
        .any(|w| a.contains(w))
}

/// Scores `actual_text` against the row's target on `w` points; `Err` (the reader's
/// diagnostics) when the actual cannot be read at all.
fn score_actual(
    row: &PublishedRow,
    target: &Target,
    actual_text: &str,
    w: Decimal,
    rules: &Rules<'_>,
) -> Result<crate::score::RowScore, Vec<crate::diagnostic::Diagnostic>> {
    let actual = parse_actual(actual_text)?.value;
    let input = RowInput {
        target,
        actual: Some(&actual),
        points: w,
        baseline: None,
        fiscal_year: rules.fiscal_year,
        description_reverse: false,
        direction_override: reverse_by_nature(row).then_some(Direction::Reverse),
        formula_override: None,
        reason: Some(&row.reason.text),
    };
    Ok(score_row(&input, rules.policy))
}

/// A unit the grammar does not know in full (`≥1200批次` is read as `≥1200批`, `≤7个工作日`
/// as `≤7个`) is printed the same way after the actual: the words the target and the
/// actual end with alike are dropped from the actual, shortest first, until it scores.
fn unit_words_dropped(
    row: &PublishedRow,
    target: &Target,
    w: Decimal,
    rules: &Rules<'_>,
) -> Option<(crate::score::RowScore, String)> {
    let t: Vec<char> = scoring_target(row).chars().collect();
    let a: Vec<char> = scoring_actual(row).chars().collect();
    let common = t
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take_while(|(x, y)| x == y && !x.is_ascii_digit())
        .count();
    (1..=common).find_map(|k| {
        let kept: String = a.get(..a.len() - k)?.iter().collect();
        let dropped: String = a.get(a.len() - k..)?.iter().collect();
        let s = score_actual(row, target, &kept, w, rules).ok()?;
        (s.status == Status::Scored).then_some((s, dropped))
    })
}

/// The rate printed and the rate worked out, as text, or why there is none.
pub struct RateCheck {
    /// 全年执行数 / 全年预算数 (a fraction, not percent).
    pub rate: Option<Decimal>,
    /// Whether the printed 执行率 differs from the rate at the printed precision.
    pub printed_wrong: bool,
}

/// rate = 全年执行数 / 全年预算数 (the 年初预算数 only when no 全年预算数 is printed).
pub fn rate_of(b: &PublishedBudget) -> RateCheck {
    let base = amount(&b.adjusted.text).or_else(|| amount(&b.initial.text));
    let rate = match (amount(&b.spent.text), base) {
        (Some(s), Some(base)) if base > Decimal::ZERO => s.checked_div(base),
        _ => None,
    };
    let printed_wrong = match (rate, printed_percent(&b.rate.text)) {
        (Some(r), Some((pct, places))) => {
            let worked = r.checked_mul(Decimal::ONE_HUNDRED).map(|x| {
                x.round_dp_with_strategy(
                    places,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                )
            });
            worked != Some(pct)
        }
        _ => false,
    };
    RateCheck {
        rate,
        printed_wrong,
    }
}

/// `95.0%` → (95.0, 1); a fraction `0.9375` (a percent-formatted cell read as its number)
/// → (93.75, 2).
fn printed_percent(text: &str) -> Option<(Decimal, u32)> {
    let t = text.trim();
    let is_pct = t.ends_with('%') || t.ends_with('％');
    let v = number_of(t)?;
    if is_pct {
        Some((v, v.scale()))
    } else {
        let pct = (v * Decimal::ONE_HUNDRED).normalize();
        Some((pct, pct.scale()))
    }
}

/// An amount as printed (万元, or 亿元 / 元 when the cell says so), in 万元.
pub fn amount(text: &str) -> Option<Decimal> {
    use crate::scorecard::import::amount::{read_amount, Money};
    let t = text.trim();
    if let Some(n) = t.strip_suffix("亿元").or_else(|| t.strip_suffix('亿')) {
        return number_of(n).and_then(|v| v.checked_mul(Decimal::from(10_000)));
    }
    read_amount(t, Money::Wan).filter(|v| *v <= super::form::max_printed())
}

/// The execution line re-scored: min(rate, 1) × its 分值 (the policy's when not printed).
pub fn rescore_execution(b: &PublishedBudget, rules: &Rules<'_>) -> Rescored {
    let points = b.points.number().unwrap_or(rules.policy.execution_points);
    let printed = b.score.number();
    let Some(rate) = rate_of(b).rate else {
        return Rescored::unverifiable(
            Some(points),
            printed,
            "预算执行率",
            "全年预算数或全年执行数未填写（或不是金额），无法计算执行率".into(),
        );
    };
    let capped = rate.min(Decimal::ONE).max(Decimal::ZERO);
    let score = rules.policy.round(capped * points);
    let pct = rate
        .checked_mul(Decimal::ONE_HUNDRED)
        .map(|x| d(rules.policy.round(x)))
        .unwrap_or_else(|| "—".into());
    let why = format!(
        "{} / {} = {}%；min(执行率, 100%) × {} = {}",
        b.spent.text,
        if b.adjusted.is_blank() {
            &b.initial.text
        } else {
            &b.adjusted.text
        },
        pct,
        d(points),
        crate::score::formula::fixed(score, rules.policy.rounding_places)
    );
    Rescored::scored(
        Some(points),
        printed,
        score,
        rules.tolerance,
        "预算执行率 = 全年执行数 / 全年预算数".into(),
        why,
    )
}
