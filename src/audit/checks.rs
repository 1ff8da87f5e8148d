//! Table checks on what the form prints: the 分值 add to 100, the 执行率 and its 得分,
//! 总分 against the printed scores, the grade against 总分, 偏差原因 wherever a row lost
//! points, targets exceeded by far (worth a question: was the target set too low?), and
//! scores given to rows with no 实际完成值.

use super::form::{Printed, PublishedBudget, PublishedRow};
use super::rescore::{rate_of, reverse_by_nature, scoring_actual, target_of, Rules};
use super::table::TableAudit;
use super::verdict::Verdict;
use crate::model::quantity::in_unit_of;
use crate::model::{ActualValue, Direction, TargetKind};
use crate::parse::parse_actual;
use crate::score::is_target_zero;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// `points-sum`, `reason-missing:<三级指标>`, …
    pub id: String,
    /// What is wrong, in words, with the numbers.
    pub message: String,
    /// Where (the cell a reviewer looks at).
    pub at: String,
}

fn finding(id: String, message: String, at: &str) -> Finding {
    Finding {
        id,
        message,
        at: at.to_string(),
    }
}

pub fn table_checks(t: &TableAudit, rules: &Rules<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    points_sum(t, rules, &mut out);
    execution(t, &mut out);
    totals(t, rules, &mut out);
    for r in &t.rows {
        row_checks(&r.row, &mut out);
    }
    out
}

/// One column the form prints (分值 or 得分): the sum over its indicator rows, and the
/// value on its 预算执行率 line (`None` when there is no such line or no number in it).
/// The form's totals add these two, so the checks add them the same way.
fn column_sums(
    t: &TableAudit,
    row: fn(&PublishedRow) -> &Printed,
    budget: fn(&PublishedBudget) -> &Printed,
) -> (Decimal, Option<Decimal>) {
    let rows = t.rows.iter().filter_map(|r| row(&r.row).number()).sum();
    let exec = t.form.budget.as_ref().and_then(|b| budget(b).number());
    (rows, exec)
}

fn points_sum(t: &TableAudit, rules: &Rules<'_>, out: &mut Vec<Finding>) {
    let (rows, exec) = column_sums(t, |r| &r.points, |b| &b.points);
    // A form without a 预算执行率 line leaves its points to the policy.
    let exec = exec.unwrap_or(rules.policy.execution_points);
    let sum = rows + exec;
    if sum != Decimal::ONE_HUNDRED {
        out.push(finding(
            "points-sum".into(),
            format!(
                "指标分值合计 {} + 预算执行率分值 {} = {}，不等于 100",
                rows.normalize(),
                exec.normalize(),
                sum.normalize()
            ),
            &t.form.at,
        ));
    }
}

fn execution(t: &TableAudit, out: &mut Vec<Finding>) {
    let Some(b) = &t.form.budget else { return };
    if rate_of(b).printed_wrong {
        out.push(finding(
            "rate-wrong".into(),
            format!(
                "执行率填报 {}，按全年执行数 {} / 全年预算数 {} 计算不符",
                b.rate.text,
                b.spent.text,
                if b.adjusted.is_blank() {
                    &b.initial.text
                } else {
                    &b.adjusted.text
                }
            ),
            &b.rate.at,
        ));
    }
    if let Some(e) = &t.execution {
        if matches!(e.verdict, Verdict::TooHigh | Verdict::TooLow) {
            out.push(finding(
                "execution-score-wrong".into(),
                format!(
                    "预算执行率得分填报 {}，按规则应为 {}（{}）",
                    b.score.text,
                    e.rescored.unwrap_or_default(),
                    e.why
                ),
                &b.score.at,
            ));
        }
    }
}

fn totals(t: &TableAudit, rules: &Rules<'_>, out: &mut Vec<Finding>) {
    let Some(total) = &t.form.total else { return };
    if let Some(printed) = t.printed_total {
        let (rows, exec) = column_sums(t, |r| &r.score, |b| &b.score);
        let exec = exec.unwrap_or_default();
        let sum = rows + exec;
        if (printed - sum).abs() > rules.tolerance {
            out.push(finding(
                "total-mismatch".into(),
                format!("总分填报 {printed}，各项得分合计为 {}", sum.normalize()),
                &total.total.at,
            ));
        }
        if let Some(g) = &t.printed_grade {
            let should = rules.policy.grade_for(printed);
            if g != should {
                out.push(finding(
                    "grade-contradicts-total".into(),
                    format!("自评等级填报「{g}」，总分 {printed} 对应「{should}」"),
                    &total.grade.at,
                ));
            }
        }
    }
}

fn row_checks(r: &PublishedRow, out: &mut Vec<Finding>) {
    let name = &r.name.text;
    if let (Some(s), Some(p)) = (r.score.number(), r.points.number()) {
        if s < p && !r.is_not_applicable() && r.reason_missing() {
            out.push(finding(
                format!("reason-missing:{name}"),
                format!("得分 {s} 低于分值 {p}，未填写偏差原因"),
                &r.reason.at,
            ));
        }
    }
    if r.actual.is_blank() && r.score.number().is_some_and(|s| s > Decimal::ZERO) {
        out.push(finding(
            format!("score-without-actual:{name}"),
            format!("实际完成值空白，却给了 {} 分", r.score.text),
            &r.score.at,
        ));
    }
    if let Some(msg) = over_achieved(r) {
        out.push(finding(format!("over-achieved:{name}"), msg, &r.actual.at));
    }
}

/// A comparison row done ≥ 130% (positive) or ≤ 70% of a ceiling (reverse).
fn over_achieved(r: &PublishedRow) -> Option<String> {
    if r.is_not_applicable() || r.actual.is_blank() {
        return None;
    }
    let target = target_of(r)?;
    let TargetKind::Comparison(c) = &target.kind else {
        return None;
    };
    let (dir, _) = target.direction(false);
    let dir = if reverse_by_nature(r) {
        Direction::Reverse
    } else {
        dir
    };
    if is_target_zero(c, dir) {
        return None;
    }
    let actual = parse_actual(&scoring_actual(r)).ok()?.value;
    let ActualValue::Number { quantity } = &actual.value else {
        return None;
    };
    let a = in_unit_of(quantity, &c.quantity).ok()?;
    let t = c.quantity.checked_scaled()?;
    if t <= Decimal::ZERO {
        return None;
    }
    let ratio = a.checked_div(t)?;
    let pct = ratio
        .checked_mul(Decimal::ONE_HUNDRED)?
        .round_dp(1)
        .normalize();
    match dir {
        Direction::Positive if ratio >= Decimal::new(13, 1) => Some(format!(
            "实际完成值 {} 达到指标值 {} 的 {pct}%（≥130%），指标值是否设置偏低？",
            r.actual.text, r.target.text
        )),
        Direction::Reverse if ratio <= Decimal::new(7, 1) => Some(format!(
            "实际完成值 {} 仅为上限 {} 的 {pct}%（≤70%），指标值是否设置过宽？",
            r.actual.text, r.target.text
        )),
        _ => None,
    }
}
