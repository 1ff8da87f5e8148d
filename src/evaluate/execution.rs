//! The 预算执行率 row: rate = 全年执行数 / 全年预算数, score = min(rate, 1) × points.

use super::result::Execution;
use crate::actuals::{Actuals, ProjectActuals};
use crate::score::{Flag, FlagCode, Policy};
use crate::scorecard::Department;
use rust_decimal::Decimal;

pub fn project_execution(budget: Decimal, a: &ProjectActuals, policy: &Policy) -> Execution {
    score_execution(budget, a.adjusted_budget, a.spent, policy)
}

/// Department execution: Σ 全年执行数 / Σ 全年预算数 over its projects. Projects with no
/// 全年执行数 leave the department figure unknown. The sums are checked: amounts are at
/// most [`crate::limits::MAX_AMOUNT_WAN`] when they come through the loaders, so they cannot
/// overflow in practice; a model built by hand that does overflow gets no score and a
/// `too-large` flag instead of a panic.
pub fn department_execution(dept: &Department, actuals: &Actuals, policy: &Policy) -> Execution {
    match department_sums(dept, actuals) {
        Some((budget, adjusted, spent)) => score_execution(budget, adjusted, spent, policy),
        None => Execution {
            budget: Decimal::ZERO,
            fiscal_funds: None,
            other_funds: None,
            adjusted: None,
            spent: None,
            rate: None,
            points: policy.execution_points,
            score: None,
            flags: vec![Flag::new(
                FlagCode::TooLarge,
                "各项目预算数合计超出可精确计算的范围，预算执行率无法计分",
            )],
        },
    }
}

/// (Σ 年初预算数, Σ 全年预算数 when any project gives one, Σ 全年执行数 when every project
/// gives one); `None` when a sum overflows.
#[allow(clippy::type_complexity)]
fn department_sums(
    dept: &Department,
    actuals: &Actuals,
) -> Option<(Decimal, Option<Decimal>, Option<Decimal>)> {
    let mut budget = Decimal::ZERO;
    let mut adjusted = Decimal::ZERO;
    let mut any_adjusted = false;
    let mut spent = Some(Decimal::ZERO);
    for p in &dept.projects {
        let a = actuals.projects.get(&p.code);
        budget = budget.checked_add(p.budget)?;
        let adj = match a.and_then(|a| a.adjusted_budget) {
            Some(x) => {
                any_adjusted = true;
                x
            }
            None => p.budget,
        };
        adjusted = adjusted.checked_add(adj)?;
        spent = match (spent, a.and_then(|a| a.spent)) {
            (Some(s), Some(x)) => Some(s.checked_add(x)?),
            _ => None,
        };
    }
    Some((budget, any_adjusted.then_some(adjusted), spent))
}

fn score_execution(
    budget: Decimal,
    adjusted: Option<Decimal>,
    spent: Option<Decimal>,
    policy: &Policy,
) -> Execution {
    let points = policy.execution_points;
    let base = adjusted.unwrap_or(budget);
    let mut flags = Vec::new();
    let (rate, score) = match spent {
        None => {
            flags.push(Flag::new(
                FlagCode::MissingActual,
                "未填写全年执行数，预算执行率无法计分",
            ));
            (None, None)
        }
        Some(_) if base <= Decimal::ZERO => {
            flags.push(Flag::new(
                FlagCode::ZeroBudget,
                "全年预算数为0，预算执行率计0分",
            ));
            (None, Some(Decimal::ZERO))
        }
        Some(s) => {
            // `s / base` can only overflow far above 100%: capped at full points all the same.
            let rate = s.checked_div(base);
            if s > base {
                flags.push(Flag::new(
                    FlagCode::Overspent,
                    "全年执行数超过全年预算数，执行率按100%计分",
                ));
            }
            let capped = rate
                .unwrap_or(Decimal::ONE)
                .min(Decimal::ONE)
                .max(Decimal::ZERO);
            (rate, capped.checked_mul(points).map(|x| policy.round(x)))
        }
    };
    Execution {
        budget,
        // A project's split comes from its scorecard (`evaluate` fills it in).
        fiscal_funds: None,
        other_funds: None,
        adjusted,
        spent,
        rate,
        points,
        score,
        flags,
    }
}
