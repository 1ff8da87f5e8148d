//! Scoring the indicator rows of one project (or of the department): points per row
//! from the policy's level weights, 不适用 handling, then each row through the scorer.

use super::points::{level_points, split_equally, split_weighted, LevelPoints};
use super::result::{IndicatorResult, OwnRule};
use crate::actuals::RowActual;
use crate::diagnostic::Diagnostic;
use crate::eval_rows::description_marks_reverse;
use crate::model::{Actual, ActualValue, Quantity, TargetKind, Unit};
use crate::parse::parse_actual;
use crate::policy::RowRule;
use crate::score::policy::NotApplicable;
use crate::score::{score_row, Flag, FlagCode, Policy, RowInput, Status};
use crate::scorecard::Indicator;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub struct RowsOutcome {
    pub results: Vec<IndicatorResult>,
    /// Ids of rows with no actual.
    pub missing: Vec<String>,
    /// Points of 不适用 rows that left the total (rescale policy only).
    pub removed_points: Decimal,
}

impl RowsOutcome {
    /// The total: the plain sum of the printed row scores plus the execution score; under
    /// the rescale policy, scaled back up to the full 100 and rounded once.
    ///
    /// Bounded: a row scores at most its points, and the points of the rows that score
    /// come from the policy's level weights (a level whose explicit points do not add up is
    /// an error, its rows unscored), so the sum is at most the policy's 100. The arithmetic
    /// is checked all the same and saturates rather than panics.
    pub fn total(&self, execution: Option<Decimal>, policy: &Policy) -> Decimal {
        let sum = checked_sum(self.results.iter().filter_map(|r| r.score).chain(execution))
            .unwrap_or(Decimal::MAX);
        if self.removed_points > Decimal::ZERO {
            let full = checked_sum(
                policy
                    .levels
                    .iter()
                    .map(|l| l.points)
                    .chain([policy.execution_points]),
            )
            .unwrap_or(Decimal::MAX);
            let left = full.checked_sub(self.removed_points).unwrap_or_default();
            if left > Decimal::ZERO {
                if let Some(x) = sum.checked_mul(full).and_then(|x| x.checked_div(left)) {
                    return policy.round(x);
                }
            }
        }
        sum
    }
}

/// Σ of the values; `None` when it overflows.
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
}

/// A row named like 预算执行率 (the seed's 成本指标 rows): with no actual, it takes the
/// project's execution rate as its actual.
fn is_execution_rate_row(ind: &Indicator) -> bool {
    let looks = |s: &str| {
        s.contains("预算执行率") || s.contains("预算资金完成率") || s.contains("资金执行率")
    };
    let numeric = matches!(
        ind.target.as_ref().map(|t| &t.kind),
        Some(TargetKind::Comparison(_)) | Some(TargetKind::Range(_))
    );
    numeric && (looks(&ind.name) || looks(&ind.description))
}

/// What the evaluator shares with every row it scores.
struct RowContext<'a> {
    policy: &'a Policy,
    fiscal_year: i32,
    execution_rate: Option<Decimal>,
}

/// One row's actual cell, read before points are shared (不适用 changes how).
struct ReadRow<'a> {
    given: Option<&'a RowActual>,
    /// Absent, parsed, or why it could not be.
    actual: Option<Result<Actual, Vec<Diagnostic>>>,
}

impl<'a> ReadRow<'a> {
    fn read(given: Option<&'a RowActual>) -> ReadRow<'a> {
        let actual = given
            .and_then(|r| r.actual.as_deref())
            .filter(|s| !s.trim().is_empty())
            .map(|t| parse_actual(t).map(|p| p.value));
        ReadRow { given, actual }
    }

    fn is_not_applicable(&self) -> bool {
        matches!(
            self.actual,
            Some(Ok(Actual {
                value: ActualValue::NotApplicable,
                ..
            }))
        )
    }
}

pub fn score_rows(
    indicators: &[Indicator],
    actuals: &BTreeMap<String, RowActual>,
    policy: &Policy,
    fiscal_year: i32,
    execution_rate: Option<Decimal>,
    national_order: bool,
) -> RowsOutcome {
    let read: Vec<ReadRow<'_>> = indicators
        .iter()
        .map(|ind| ReadRow::read(actuals.get(&ind.id)))
        .collect();
    let not_applicable: Vec<bool> = read.iter().map(ReadRow::is_not_applicable).collect();
    let Allocation {
        points,
        removed: removed_points,
        problems,
        left_nothing,
    } = allocate(indicators, &not_applicable, policy);
    let cx = RowContext {
        policy,
        fiscal_year,
        execution_rate,
    };
    let mut results = Vec::with_capacity(indicators.len());
    let mut missing = Vec::new();
    for (i, (ind, row)) in indicators.iter().zip(read).enumerate() {
        let w = points.get(i).copied().unwrap_or_default();
        let mut result = blank_result(ind, row.given, w, policy);
        if left_nothing.get(i).copied().unwrap_or(false) {
            result.flags.push(Flag::new(
                FlagCode::NoPointsLeft,
                "同级其他指标的指定分值已达本级分值，本行分值为0",
            ));
        }
        if score_one(&cx, ind, row, &mut result) {
            missing.push(ind.id.clone());
        }
        // A row stopped before the scorer keeps the reason it stopped.
        if let Some(problem) = problems.get(i).cloned().flatten() {
            if result.trace.is_some() {
                leave_unscored(&mut result, problem);
            }
        }
        results.push(result);
    }
    order_by_level(&mut results, policy, national_order);
    RowsOutcome {
        results,
        missing,
        removed_points,
    }
}

/// The row as the 自评表 lists it, before it is scored: status `Error` until the scorer
/// says otherwise.
fn blank_result(
    ind: &Indicator,
    given: Option<&RowActual>,
    w: Decimal,
    policy: &Policy,
) -> IndicatorResult {
    let text = |f: fn(&RowActual) -> &Option<String>| {
        given
            .and_then(|r| f(r).as_deref())
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
    };
    let mut flags = Vec::new();
    if !policy.levels.iter().any(|l| l.name == ind.level1) {
        flags.push(Flag::new(
            FlagCode::UnknownLevel,
            format!("一级指标“{}”不在政策的一级指标中，未分配分值", ind.level1),
        ));
    }
    let own_rule = ind
        .rule
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|text| OwnRule {
            text: text.to_string(),
            file: ind.origin.file.clone(),
        });
    IndicatorResult {
        id: ind.id.clone(),
        level1: ind.level1.clone(),
        level2: ind.level2.clone(),
        name: ind.name.clone(),
        target: ind.target_text.clone(),
        actual: text(|r| &r.actual),
        points: w,
        score: None,
        achieved: None,
        flags,
        reason: text(|r| &r.reason),
        status: Status::Error,
        error: None,
        trace: None,
        area: ind.area.clone(),
        actual_value: None,
        baseline: given
            .and_then(|r| r.baseline.as_deref())
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(str::to_string),
        exact: None,
        explicit_points: ind.points,
        own_rule,
        diagnostics: Vec::new(),
    }
}

/// Scores one row into `result`. Returns whether the row counts as missing (no actual).
fn score_one(
    cx: &RowContext<'_>,
    ind: &Indicator,
    row: ReadRow<'_>,
    result: &mut IndicatorResult,
) -> bool {
    let Some(target) = &ind.target else {
        result.error = Some(format!(
            "the target `{}` cannot be read; fix it in the scorecard (`jixiao check`)",
            ind.target_text
        ));
        result.diagnostics = ind.target_diagnostics.clone();
        return false;
    };
    result.actual_value = match row.actual {
        Some(Err(diags)) => {
            result.error = Some(crate::i18n::tf(
                "score-row.actual-unread",
                &[("why", &messages(&diags))],
            ));
            result.diagnostics = diags;
            return false;
        }
        Some(Ok(a)) => Some(a),
        None => None,
    };
    if result.actual_value.is_none() && is_execution_rate_row(ind) {
        result.actual_value = execution_rate_actual(cx.execution_rate);
        if result.actual_value.is_some() {
            result.flags.push(Flag::new(
                FlagCode::ExecutionRateUsed,
                "未填写实际完成值，取本项目预算执行率",
            ));
        }
    }
    let baseline = match read_baseline(result.baseline.as_deref()) {
        Ok(b) => b,
        Err(diags) => {
            result.error = Some("baseline: not a number (e.g. `200` or `2.5%`)".into());
            result.diagnostics = diags;
            return false;
        }
    };
    let row_rule = match own_rule(ind, target, result.own_rule.as_ref()) {
        Ok(r) => r,
        Err(diags) => {
            let text = result
                .own_rule
                .as_ref()
                .map(|r| r.text.as_str())
                .unwrap_or("");
            result.error = Some(format!("rule `{text}`: {}", messages(&diags)));
            result.diagnostics = diags;
            return false;
        }
    };
    let description_reverse = description_marks_reverse(&ind.description);
    let input = RowInput {
        target,
        actual: result.actual_value.as_ref(),
        points: result.points,
        baseline: baseline.as_ref(),
        fiscal_year: cx.fiscal_year,
        description_reverse,
        direction_override: row_rule
            .as_ref()
            .and_then(|r| r.direction)
            .or(ind.direction),
        formula_override: row_rule.as_ref().map(|r| &r.formula),
        reason: result.reason.as_deref(),
    };
    let scored = score_row(&input, cx.policy);
    let no_actual = result.actual_value.is_none();
    let missing =
        scored.status == Status::Missing || (no_actual && scored.status == Status::Scored);
    result.flags.extend(scored.flags);
    result.score = scored.score;
    result.exact = scored.exact;
    result.achieved = scored.achieved;
    result.status = scored.status;
    result.error = scored.error;
    result.trace = Some(Box::new(scored.trace));
    missing
}

/// Points that do not add up: the row is read and traced (explain shows its target,
/// direction and rule) but not scored.
fn leave_unscored(result: &mut IndicatorResult, problem: String) {
    // Flags about the score (none is given) do not apply.
    result.flags.retain(|f| !f.code.is_about_the_score());
    if let Some(trace) = result.trace.as_mut() {
        trace.formula = problem.clone();
    }
    result.score = None;
    result.exact = None;
    result.achieved = None;
    result.status = Status::Error;
    result.error = Some(problem);
}

fn messages(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The project's execution rate as a row's actual (in percent, to 4 places).
fn execution_rate_actual(rate: Option<Decimal>) -> Option<Actual> {
    let pct = rate?.checked_mul(Decimal::ONE_HUNDRED)?;
    Some(Actual {
        value: ActualValue::Number {
            quantity: Quantity::new(pct.round_dp(4), Some(Unit::percent())),
        },
        span: Default::default(),
    })
}

/// A change row's baseline: a blank one (the template's `baseline = ""`) is not given,
/// as in CSV; anything but a number is an error.
fn read_baseline(text: Option<&str>) -> Result<Option<Quantity>, Vec<Diagnostic>> {
    let Some(text) = text else { return Ok(None) };
    match parse_actual(text).map(|p| p.value) {
        Ok(Actual {
            value: ActualValue::Number { quantity },
            ..
        }) => Ok(Some(quantity)),
        Ok(other) => Err(vec![Diagnostic::new(
            crate::diagnostic::Code::ActualsBaselineNotNumber,
            other.span,
        )]),
        Err(diags) => Err(diags),
    }
}

/// A row's own rule (`rule = "reverse: linear zero at 2T"` in the scorecard) beats the
/// policy for this row; a direction in it beats marks and operators. Checked against
/// this row as the loader does (a model built by hand gets the same error as a file).
fn own_rule(
    ind: &Indicator,
    target: &crate::model::Target,
    own: Option<&OwnRule>,
) -> Result<Option<RowRule>, Vec<Diagnostic>> {
    let Some(own) = own else { return Ok(None) };
    crate::policy::parse_row_override_in(&own.text, |stated| {
        let base = ind.direction.unwrap_or_else(|| {
            target
                .direction(description_marks_reverse(&ind.description))
                .0
        });
        crate::score::row_formula_context(target, stated.unwrap_or(base))
    })
    .map(Some)
}

/// The 自评表 lists rows under their 一级 level in the policy's order; under it, 二级
/// levels in order of first appearance (a project keeps its published table's order), or
/// in the national form's order when `national` (department indicators come from prose,
/// in sentence order). Within a 二级 level the source order is kept (stable sort).
fn order_by_level(results: &mut [IndicatorResult], policy: &Policy, national: bool) {
    let level1 = |r: &IndicatorResult| {
        policy
            .levels
            .iter()
            .position(|l| l.name == r.level1)
            .unwrap_or(policy.levels.len())
    };
    let mut first_seen: Vec<(String, String)> = Vec::new();
    for r in results.iter() {
        let key = (r.level1.clone(), r.level2.clone());
        if !first_seen.contains(&key) {
            first_seen.push(key);
        }
    }
    let level2 = |r: &IndicatorResult| {
        if national {
            if let Some(i) = crate::scorecard::levels::level2_names(&r.level1)
                .and_then(|names| names.iter().position(|n| *n == r.level2))
            {
                return i;
            }
        }
        first_seen
            .iter()
            .position(|(a, b)| *a == r.level1 && *b == r.level2)
            .unwrap_or(usize::MAX)
    };
    // Each row's key computed once (a comparison sort asked for it at every comparison,
    // string compares against the policy's levels each time); stable like `sort_by_key`.
    results.sort_by_cached_key(|r| (level1(r), level2(r)));
}

/// Points per row, and what is wrong with them.
struct Allocation {
    points: Vec<Decimal>,
    /// Points of 不适用 rows that left the total (rescale policy only).
    removed: Decimal,
    /// Per row: why its level's explicit points cannot be used (the row is not scored).
    problems: Vec<Option<String>>,
    /// Per row: it shares a level whose explicit points already reach the weight, so it
    /// gets 0 points (`check` warns about it too).
    left_nothing: Vec<bool>,
}

/// Points per row. Explicit points are kept; the rest of a level's weight is shared
/// equally by its other rows. Under the move-points policy, 不适用 rows get nothing and
/// their level's points go to its applicable rows; a level with no applicable rows
/// passes its weight to the other levels in proportion to their weights.
///
/// A level whose explicit points cannot add up to its weight as written (more than the
/// weight, or every row with points summing to something else: [`level_points`], the
/// same judgement as `jixiao check`) is not rescaled or filled up: its rows keep the
/// points written and get a problem, so they score nothing and the total cannot pass
/// the policy's 100.
fn allocate(indicators: &[Indicator], na: &[bool], policy: &Policy) -> Allocation {
    let n = indicators.len();
    let mut out = Allocation {
        points: vec![Decimal::ZERO; n],
        removed: Decimal::ZERO,
        problems: vec![None; n],
        left_nothing: vec![false; n],
    };
    let levels = Levels {
        indicators,
        na,
        applicable_only: policy.not_applicable != NotApplicable::Rescale,
    };
    let extra = moved_weights(&levels, policy);
    for (li, level) in policy.levels.iter().enumerate() {
        // The scorecard's explicit points against the policy's weights, before 不适用.
        let verdict = level_points(
            level.points,
            levels
                .rows(&level.name, false)
                .filter_map(|i| indicators.get(i).and_then(|r| r.points)),
            levels.rows(&level.name, false).count(),
        );
        if let Some(msg) = verdict.message(&level.name, level.points) {
            let msg = format!(
                "{msg}; the points are not rescaled: fix `points` in the scorecard (`jixiao check` shows where)"
            );
            for i in levels.rows(&level.name, false) {
                if let Some(slot) = out.points.get_mut(i) {
                    *slot = indicators.get(i).and_then(|r| r.points).unwrap_or_default();
                }
                if let Some(p) = out.problems.get_mut(i) {
                    *p = Some(msg.clone());
                }
            }
            continue;
        }
        if let Some(extra) = extra.get(li).copied().flatten() {
            share_level(
                &levels,
                &level.name,
                level.points + extra,
                verdict,
                &mut out,
            );
        }
    }
    // Rows whose level is not in the policy keep only explicit points.
    for (i, ind) in indicators.iter().enumerate() {
        if !policy.levels.iter().any(|l| l.name == ind.level1) {
            if let Some(slot) = out.points.get_mut(i) {
                *slot = ind.points.unwrap_or_default();
            }
        }
    }
    if !levels.applicable_only {
        out.removed = checked_sum(
            (0..n)
                .filter(|&i| na.get(i).copied().unwrap_or(false))
                .filter(|&i| out.problems.get(i).is_some_and(Option::is_none))
                .map(|i| out.points.get(i).copied().unwrap_or_default()),
        )
        .unwrap_or_default();
    }
    out
}

/// The rows of a scorecard by level, with their 不适用 marks.
struct Levels<'a> {
    indicators: &'a [Indicator],
    na: &'a [bool],
    /// Under the move-points policy, 不适用 rows take no share of their level.
    applicable_only: bool,
}

impl Levels<'_> {
    /// Indices of the rows of level `name` (only the applicable ones, when `applicable`).
    fn rows<'s>(&'s self, name: &'s str, applicable: bool) -> impl Iterator<Item = usize> + 's {
        (0..self.indicators.len()).filter(move |&i| {
            self.indicators.get(i).is_some_and(|ind| ind.level1 == name)
                && !(applicable && self.na.get(i).copied().unwrap_or(false))
        })
    }
}

/// Per policy level, the weight it receives from levels left with no applicable row
/// (in proportion to the weights of the others); `None` for a level that has none.
fn moved_weights(levels: &Levels<'_>, policy: &Policy) -> Vec<Option<Decimal>> {
    let alive: Vec<bool> = policy
        .levels
        .iter()
        .map(|l| {
            levels
                .rows(&l.name, levels.applicable_only)
                .next()
                .is_some()
        })
        .collect();
    let dead_total = checked_sum(
        policy
            .levels
            .iter()
            .zip(&alive)
            .filter(|(_, a)| !**a)
            .map(|(l, _)| l.points),
    )
    .unwrap_or_default();
    let alive_weights: Vec<Decimal> = policy
        .levels
        .iter()
        .zip(&alive)
        .map(|(l, a)| if *a { l.points } else { Decimal::ZERO })
        .collect();
    let extra = split_weighted(dead_total, &alive_weights);
    alive
        .iter()
        .enumerate()
        .map(|(li, a)| a.then(|| extra.get(li).copied().unwrap_or_default()))
        .collect()
}

/// Shares `weight` over the rows of one level: explicit points are kept, the rest goes
/// equally to the rows without (to all of them when every row has its own).
fn share_level(
    levels: &Levels<'_>,
    name: &str,
    weight: Decimal,
    verdict: LevelPoints,
    out: &mut Allocation,
) {
    let rows: Vec<usize> = levels.rows(name, levels.applicable_only).collect();
    let explicit_of = |i: usize| levels.indicators.get(i).and_then(|r| r.points);
    // Bounded: the level was judged, so its explicit points are at most its weight.
    let explicit = checked_sum(rows.iter().filter_map(|&i| explicit_of(i))).unwrap_or(Decimal::MAX);
    let shared: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&i| explicit_of(i).is_none() && levels.indicators.get(i).is_some())
        .collect();
    for &i in &rows {
        if let (Some(p), Some(slot)) = (explicit_of(i), out.points.get_mut(i)) {
            *slot = p;
        }
    }
    let rest = weight
        .checked_sub(explicit)
        .unwrap_or_default()
        .max(Decimal::ZERO);
    if verdict == LevelPoints::Exhausted && rest.is_zero() {
        for &i in &shared {
            if let Some(flag) = out.left_nothing.get_mut(i) {
                *flag = true;
            }
        }
    }
    // All rows explicit: spread what is left (moved 不适用 points) over them all.
    let pool = if shared.is_empty() { rows } else { shared };
    for (i, share) in pool.iter().zip(split_equally(rest, pool.len())) {
        if let Some(slot) = out.points.get_mut(*i) {
            *slot += share;
        }
    }
}
