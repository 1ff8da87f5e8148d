//! The evaluator: a department folder + actuals + policy → the scored 自评表 for every
//! project and for the department.

mod execution;
pub mod points;
mod result;
mod rows;

pub use result::{
    DepartmentResult, Execution, IndicatorResult, MissingRow, OwnRule, ProjectResult,
    ScoredDepartment, NOT_GRADED,
};

use crate::actuals::{Actuals, ProjectActuals};
use crate::score::{Flag, FlagCode, Policy};
use crate::scorecard::Department;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Scores a whole department. Never fails: problems become row errors and flags. The
/// actuals are read and converted with the policy's own vocabulary, whichever policy
/// was loaded last.
pub fn evaluate(dept: &Department, actuals: &Actuals, policy: &Policy) -> ScoredDepartment {
    crate::model::vocabulary::scoped(&policy.vocabulary.0, || {
        evaluate_in_scope(dept, actuals, policy)
    })
}

fn evaluate_in_scope(dept: &Department, actuals: &Actuals, policy: &Policy) -> ScoredDepartment {
    let empty = ProjectActuals::default();
    let mut projects = Vec::with_capacity(dept.projects.len());
    let mut missing = Vec::new();
    let mut errors = Vec::new();
    for p in &dept.projects {
        let pa = actuals.projects.get(&p.code).unwrap_or(&empty);
        let project = score_project(p, pa, policy, dept.fiscal_year);
        missing.extend(missing_rows(Some(&p.code), &p.indicators, &project.missing));
        errors.extend(error_rows(Some(&p.code), &project.indicators));
        projects.push(project);
    }

    let mut execution = execution::department_execution(dept, actuals, policy);
    // No own indicators: the 部门整体 score (own indicators 90 + execution 10) cannot be
    // computed, so the department is not graded; the table still adds up (execution only)
    // and says why. Projects are scored as usual.
    let not_graded = dept.indicators.is_empty().then(|| {
        "部门未设整体绩效指标（department.toml 无 [[indicators]]），部门整体得分无法计算，不评级；本表仅列预算执行率".to_string()
    });
    if let Some(reason) = &not_graded {
        execution
            .flags
            .push(Flag::new(FlagCode::NoDepartmentIndicators, reason.clone()));
    }
    let own = rows::score_rows(
        &dept.indicators,
        &actuals.department,
        policy,
        dept.fiscal_year,
        None,
        true,
    );
    // The department's own rows come first in the bottom summary.
    missing.splice(0..0, missing_rows(None, &dept.indicators, &own.missing));
    errors.splice(0..0, error_rows(None, &own.results));
    let score = own.total(execution.score, policy);
    let dept_incomplete = incomplete(&own.results, own.missing.len(), &execution);

    let mut grade_counts: BTreeMap<String, usize> =
        policy.grades.iter().map(|g| (g.label.clone(), 0)).collect();
    for p in &projects {
        *grade_counts.entry(p.grade.clone()).or_insert(0) += 1;
    }

    ScoredDepartment {
        department: DepartmentResult {
            code: dept.code.clone(),
            name: dept.name.clone(),
            fiscal_year: dept.fiscal_year,
            grade: match &not_graded {
                Some(_) => NOT_GRADED.to_string(),
                None => policy.grade_for(score).to_string(),
            },
            not_graded,
            score,
            indicators: own.results,
            execution,
            projects_composite: composite(&projects, actuals, policy),
            grade_counts,
            missing,
            errors,
            incomplete: dept_incomplete,
        },
        projects,
        policy_name: policy.name.clone(),
        grade_order: policy.grades.iter().map(|g| g.label.clone()).collect(),
        rounding_places: policy.rounding_places,
        level_note: policy.level_note(),
    }
}

/// One project's 自评表: its rows, its execution row, its total and grade.
fn score_project(
    p: &crate::scorecard::Project,
    pa: &ProjectActuals,
    policy: &Policy,
    fiscal_year: i32,
) -> ProjectResult {
    let mut execution = execution::project_execution(p.budget, pa, policy);
    execution.fiscal_funds = p.fiscal_funds;
    execution.other_funds = p.other_funds;
    let rows = rows::score_rows(
        &p.indicators,
        &pa.rows,
        policy,
        fiscal_year,
        execution.rate,
        false,
    );
    let score = rows.total(execution.score, policy);
    let incomplete = incomplete(&rows.results, rows.missing.len(), &execution);
    ProjectResult {
        code: p.code.clone(),
        name: p.name.clone(),
        unit: p.unit.clone(),
        budget: p.budget,
        grade: policy.grade_for(score).to_string(),
        score,
        goals: p.goals.clone(),
        summary: pa.summary.clone(),
        execution,
        indicators: rows.results,
        missing: rows.missing,
        incomplete,
    }
}

/// The rows of `ids` (without an actual) for the bottom summary, with their names.
fn missing_rows(
    project: Option<&str>,
    indicators: &[crate::scorecard::Indicator],
    ids: &[String],
) -> Vec<MissingRow> {
    ids.iter()
        .map(|id| MissingRow {
            project: project.map(str::to_string),
            id: id.clone(),
            name: indicators
                .iter()
                .find(|i| &i.id == id)
                .map(|i| i.name.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// Why a total is not final: rows without an actual (`missing`, including blank deadline
/// rows, which the policy scores as not done), rows that could not be scored, and a
/// missing 全年执行数 each leave the total open. `None` when every row counts.
fn incomplete(rows: &[IndicatorResult], missing: usize, execution: &Execution) -> Option<String> {
    use crate::score::Status;
    let count = |want: &[Status]| rows.iter().filter(|r| want.contains(&r.status)).count();
    let mut parts = Vec::new();
    if missing > 0 {
        parts.push(format!("{missing} 行未填写"));
    }
    let failed = count(&[Status::Error, Status::Unscorable]);
    if failed > 0 {
        parts.push(format!("{failed} 行无法评分"));
    }
    if execution.score.is_none() && !execution.points.is_zero() {
        parts.push("预算执行率未计分".to_string());
    }
    (!parts.is_empty()).then(|| parts.join("、"))
}

/// The rows of `results` that have an actual but no score, for the bottom summary.
fn error_rows(project: Option<&str>, results: &[IndicatorResult]) -> Vec<MissingRow> {
    use crate::score::Status;
    results
        .iter()
        .filter(|r| matches!(r.status, Status::Error | Status::Unscorable))
        .map(|r| MissingRow {
            project: project.map(str::to_string),
            id: r.id.clone(),
            name: r.name.clone(),
        })
        .collect()
}

/// 项目支出综合得分: budget-weighted mean of project scores, weights = 全年预算数
/// (年初预算数 when no adjusted budget is given), half-up to the policy's places.
fn composite(projects: &[ProjectResult], actuals: &Actuals, policy: &Policy) -> Option<Decimal> {
    let mut num = Decimal::ZERO;
    let mut den = Decimal::ZERO;
    for p in projects {
        let weight = actuals
            .projects
            .get(&p.code)
            .and_then(|a| a.adjusted_budget)
            .unwrap_or(p.budget);
        num = num.checked_add(p.score.checked_mul(weight)?)?;
        den = den.checked_add(weight)?;
    }
    if den.is_zero() {
        return None;
    }
    Some(policy.round(num.checked_div(den)?))
}
