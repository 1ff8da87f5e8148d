//! The 预算执行率 row: rate = 全年执行数 / 全年预算数, score = min(rate, 1) × points.

use super::result::Execution;
use crate::actuals::{Actuals, ProjectActuals};
use crate::score::{Flag, Policy};
use crate::scorecard::Department;
use rust_decimal::Decimal;

pub fn project_execution(budget: Decimal, a: &ProjectActuals, policy: &Policy) -> Execution {
    score_execution(budget, a.adjusted_budget, a.spent, policy)
}

/// Department execution: Σ 全年执行数 / Σ 全年预算数 over its projects. Projects with no
/// 全年执行数 leave the department figure unknown.
pub fn department_execution(dept: &Department, actuals: &Actuals, policy: &Policy) -> Execution {
    let mut budget = Decimal::ZERO;
    let mut adjusted = Decimal::ZERO;
    let mut any_adjusted = false;
    let mut spent = Some(Decimal::ZERO);
    for p in &dept.projects {
        let a = actuals.projects.get(&p.code);
        budget += p.budget;
        match a.and_then(|a| a.adjusted_budget) {
            Some(x) => {
                any_adjusted = true;
                adjusted += x;
            }
            None => adjusted += p.budget,
        }
        spent = match (spent, a.and_then(|a| a.spent)) {
            (Some(s), Some(x)) => Some(s + x),
            _ => None,
        };
    }
    score_execution(budget, any_adjusted.then_some(adjusted), spent, policy)
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
                "missing-actual",
                "未填写全年执行数，预算执行率无法计分",
            ));
            (None, None)
        }
        Some(_) if base <= Decimal::ZERO => {
            flags.push(Flag::new("zero-budget", "全年预算数为0，预算执行率计0分"));
            (None, Some(Decimal::ZERO))
        }
        Some(s) => {
            let rate = s.checked_div(base);
            let score = rate.map(|r| {
                if r > Decimal::ONE {
                    flags.push(Flag::new(
                        "overspent",
                        "全年执行数超过全年预算数，执行率按100%计分",
                    ));
                }
                policy.round(r.min(Decimal::ONE).max(Decimal::ZERO) * points)
            });
            (rate, score)
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
