//! `jixiao explain`: why each row of a project (or of the department) scored what it did —
//! the target in canonical form, the actual as read, the direction and why, the rule and
//! where it is written (policy file and line), the numbers and the arithmetic, the
//! rounding and the flags — then how the total and the grade follow.
//!
//! Everything shown comes from the scored result and its trace; the `数值` line re-reads
//! the target and the actual into plain numbers (w, T, A, …) so that a person, or a test,
//! can redo the arithmetic by hand.

use crate::evaluate::{Execution, IndicatorResult, ScoredDepartment};
use crate::model::quantity::in_unit_of;
use crate::model::{
    ActualValue, ChangeDirection, Direction, DirectionSource, Op, Quantity, Target, TargetKind,
    Unit,
};
use crate::parse::parse_actual;
use crate::policy::{RuleOrigins, Subject};
use crate::score::formula::{apply, d, fixed};
use crate::score::{Flag, Formula, Policy, Status};
use crate::scorecard::{Department, Indicator};
use rust_decimal::Decimal;
use serde::Serialize;

/// A figure shown on the `数值` line: an ASCII key and a plain decimal (or date/label).
#[derive(Debug, Clone, Serialize)]
pub struct Number {
    pub key: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleRef {
    /// The rule's key in the policy file (`positive`, `deadline`, …).
    pub key: String,
    /// `file:line`, or the file alone for a rule left to its default.
    pub at: String,
    /// The rule text as written.
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowExplanation {
    pub id: String,
    pub level1: String,
    pub level2: String,
    pub name: String,
    /// 年度指标值 as written.
    pub target_text: String,
    /// The target in canonical form (from the trace).
    pub target: String,
    pub kind: String,
    pub kind_label: String,
    /// 实际完成值 as written.
    pub actual_text: Option<String>,
    /// The actual as read, with its unit.
    pub actual_read: String,
    pub baseline: Option<String>,
    pub direction: String,
    pub direction_why: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    pub points_why: String,
    /// The rule as the scorer names it (`positive: proportional`).
    pub rule: String,
    pub rule_ref: Option<RuleRef>,
    pub numbers: Vec<Number>,
    pub formula: String,
    pub rounding: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub score: Option<Decimal>,
    pub status: Status,
    pub flags: Vec<Flag>,
    pub reason: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExecutionExplanation {
    pub base_label: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub base: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub spent: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub score: Option<Decimal>,
    pub formula: String,
    pub rule_ref: Option<RuleRef>,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TotalExplanation {
    #[serde(with = "rust_decimal::serde::str")]
    pub rows_sum: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    pub formula: String,
    pub grade: String,
    pub grade_why: String,
    pub grade_ref: Option<RuleRef>,
    /// Rows with no actual: the total is incomplete.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// `project` or `department`.
    pub scope: &'static str,
    pub code: String,
    pub name: String,
    pub policy: String,
    pub policy_file: String,
    pub rows: Vec<RowExplanation>,
    pub execution: ExecutionExplanation,
    pub total: TotalExplanation,
}

/// What `--project` named that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    Project(Vec<String>),
    Indicator(Vec<String>),
}

fn rule_ref(origins: &RuleOrigins, subject: Subject) -> RuleRef {
    let (key, text) = match origins.get(subject) {
        Some(o) => (o.key.clone(), o.text.clone()),
        None => (subject.key().to_string(), String::new()),
    };
    RuleRef {
        key,
        at: origins.location(subject),
        text,
    }
}

/// The policy rule behind a trace's rule name.
fn subject_of(rule: &str) -> Option<Subject> {
    let r = rule.trim();
    if r.starts_with("positive") {
        Some(Subject::Positive)
    } else if r.starts_with("reverse") {
        Some(Subject::Reverse)
    } else if r.starts_with("target zero") {
        Some(Subject::TargetZero)
    } else if r.starts_with("change") {
        Some(Subject::Change)
    } else if r.starts_with("deadline") {
        Some(Subject::Deadline)
    } else if r.starts_with("qualitative") || r.starts_with("graded by hand") {
        Some(Subject::Qualitative)
    } else if r.starts_with("不适用") {
        Some(Subject::NotApplicable)
    } else {
        None
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "comparison" => "比较（数值）",
        "range" => "区间",
        "deadline" => "时限",
        "change" => "增减变化",
        "qualitative" => "定性",
        _ => "—",
    }
}

fn op_symbol(op: Op) -> &'static str {
    match op {
        Op::Ge => "≥",
        Op::Gt => ">",
        Op::Le => "≤",
        Op::Lt => "<",
        Op::Eq => "=",
    }
}

fn direction_why(target: Option<&Target>, source: DirectionSource) -> String {
    match source {
        DirectionSource::TargetMark => "年度指标值中标明“反向”".into(),
        DirectionSource::DescriptionMark => "指标描述中标明“反向”".into(),
        DirectionSource::Override => "记分卡本行指定方向（direction）".into(),
        DirectionSource::Operator => match target.map(|t| &t.kind) {
            Some(TargetKind::Comparison(c)) => {
                let rev = matches!(c.op, Op::Le | Op::Lt);
                format!(
                    "运算符 `{}`（{}）",
                    op_symbol(c.op),
                    if rev {
                        "≤ < 为反向"
                    } else {
                        "≥ > = 及不写运算符为正向"
                    }
                )
            }
            Some(TargetKind::Change(c)) => match c.op {
                Some(op) => format!("运算符 `{}`", op_symbol(op)),
                None => "未写运算符，按正向".into(),
            },
            _ => "无运算符，按正向".into(),
        },
        DirectionSource::Default => match target.map(|t| &t.kind) {
            Some(TargetKind::Comparison(_)) => "未写运算符（按 `=` 读），按正向".into(),
            Some(TargetKind::Change(_)) => "未写运算符，按正向".into(),
            _ => "无运算符，按正向".into(),
        },
    }
}

/// A numeric actual in the target quantity's unit, as the scorer reads it.
fn number_in(actual: &ActualValue, target: &Quantity) -> Option<Decimal> {
    match actual {
        ActualValue::Number { quantity } => {
            let mut q = quantity.clone();
            if q.unit.is_none() && q.magnitude.is_none() {
                q.magnitude = target.magnitude;
            }
            in_unit_of(&q, target).ok()
        }
        ActualValue::Fraction {
            numerator,
            denominator,
        } => {
            let pct = numerator
                .checked_div(*denominator)?
                .checked_mul(Decimal::ONE_HUNDRED)?;
            let q = Quantity::new(pct, Some(Unit::percent()));
            Some(in_unit_of(&q, target).unwrap_or(pct))
        }
        _ => None,
    }
}

fn num(key: &'static str, v: Decimal) -> Number {
    Number { key, value: d(v) }
}

fn text(key: &'static str, v: impl Into<String>) -> Number {
    Number {
        key,
        value: v.into(),
    }
}

/// The plain numbers behind a row's arithmetic (w, T, A, …).
fn numbers(
    ind: &Indicator,
    r: &IndicatorResult,
    policy: &Policy,
    fiscal_year: i32,
    execution_rate: Option<Decimal>,
    baseline: Option<&str>,
) -> Vec<Number> {
    let mut out = vec![num("w", r.points)];
    let Some(target) = &ind.target else {
        return out;
    };
    let actual: Option<ActualValue> = match &r.actual {
        Some(t) => parse_actual(t).ok().map(|p| p.value.value),
        None if r.flags.iter().any(|f| f.code == "execution-rate-used") => {
            execution_rate.map(|rate| ActualValue::Number {
                quantity: Quantity::new(
                    (rate * Decimal::ONE_HUNDRED).round_dp(4),
                    Some(Unit::percent()),
                ),
            })
        }
        None => None,
    };
    let grade_share = |a: &ActualValue| -> Option<(String, Decimal)> {
        let (g, share) = match a {
            ActualValue::Grade { grade, share } => (*grade, *share),
            ActualValue::Done => (crate::model::Grade::Achieved, None),
            ActualValue::NotDone => (crate::model::Grade::NotAchieved, None),
            ActualValue::YesNo { yes } => (
                if *yes {
                    crate::model::Grade::Achieved
                } else {
                    crate::model::Grade::NotAchieved
                },
                None,
            ),
            ActualValue::Text { .. } => (crate::model::Grade::Achieved, None),
            _ => return None,
        };
        Some((
            g.label().to_string(),
            share.unwrap_or(policy.band(g).default),
        ))
    };
    match (&target.kind, actual.as_ref()) {
        (_, Some(ActualValue::Grade { .. })) if target.kind_name() != "qualitative" => {
            if let Some((g, s)) = actual.as_ref().and_then(grade_share) {
                out.push(text("grade", g));
                out.push(Number {
                    key: "share",
                    value: format!("{}%", d(s)),
                });
            }
        }
        (TargetKind::Comparison(c), Some(a)) => {
            out.push(num("T", c.quantity.scaled()));
            if let Some(a) = number_in(a, &c.quantity) {
                out.push(num("A", a));
            }
            if let Some(u) = &c.quantity.unit {
                out.push(text("unit", u.as_str()));
            }
        }
        (TargetKind::Range(rg), Some(a)) => {
            let lo = in_unit_of(&rg.low, &rg.high).unwrap_or_else(|_| rg.low.scaled());
            out.push(num("L", lo));
            out.push(num("H", rg.high.scaled()));
            if let Some(a) = number_in(a, &rg.high) {
                out.push(num("A", a));
            }
            if let Some(u) = &rg.high.unit {
                out.push(text("unit", u.as_str()));
            }
        }
        (TargetKind::Deadline(dl), a) => {
            let due = dl.end.last_day(fiscal_year);
            if let Some(due) = due {
                out.push(text("due", due.format("%Y-%m-%d").to_string()));
            }
            let dp = &policy.deadline;
            let share = match a {
                Some(ActualValue::Date { date }) => match (date.last_day(fiscal_year), due) {
                    (Some(done), Some(due)) => {
                        out.push(text("done", done.format("%Y-%m-%d").to_string()));
                        if done <= due {
                            Some(Decimal::ONE_HUNDRED)
                        } else {
                            let days = (done - due).num_days();
                            let months = Decimal::from((days + 29) / 30);
                            Some((dp.late - dp.late_per_month * months).max(dp.late_floor))
                        }
                    }
                    _ => None,
                },
                Some(ActualValue::Done) => Some(dp.done_without_date),
                Some(ActualValue::NotDone) | None => Some(dp.not_done),
                _ => None,
            };
            if let Some(s) = share {
                out.push(Number {
                    key: "share",
                    value: format!("{}%", d(s)),
                });
            }
        }
        (TargetKind::Change(c), Some(a)) => {
            let relative = c
                .amount
                .unit
                .as_ref()
                .is_some_and(|u| u.is_percent_like() && !u.is_percentage_points());
            let required = if relative {
                in_unit_of(
                    &c.amount,
                    &Quantity::new(Decimal::ZERO, Some(Unit::percent())),
                )
                .unwrap_or_else(|_| c.amount.scaled())
            } else {
                c.amount.scaled()
            };
            let sign = |dir: ChangeDirection| {
                if dir == c.direction {
                    Decimal::ONE
                } else {
                    Decimal::NEGATIVE_ONE
                }
            };
            let base = baseline.and_then(|b| match parse_actual(b).map(|p| p.value.value) {
                Ok(ActualValue::Number { quantity }) => Some(quantity),
                _ => None,
            });
            let achieved = match a {
                ActualValue::Change { direction, amount } => in_unit_of(amount, &c.amount)
                    .ok()
                    .map(|v| v * sign(*direction)),
                _ => base.as_ref().and_then(|b| {
                    let av = number_in(a, b)?;
                    let bv = b.scaled();
                    out.push(num("B", bv));
                    out.push(num("A", av));
                    let diff = match c.direction {
                        ChangeDirection::Increase => av.checked_sub(bv)?,
                        ChangeDirection::Decrease => bv.checked_sub(av)?,
                    };
                    if relative {
                        diff.checked_div(bv)?.checked_mul(Decimal::ONE_HUNDRED)
                    } else {
                        Some(diff)
                    }
                }),
            };
            out.push(num("r", required));
            if relative {
                out.push(text("unit", "%"));
            } else if let Some(u) = &c.amount.unit {
                out.push(text("unit", u.as_str()));
            }
            if let Some(x) = achieved {
                out.push(num("c", x));
            }
            out.push(text(
                "change",
                match c.direction {
                    ChangeDirection::Increase => "增长",
                    ChangeDirection::Decrease => "减少",
                },
            ));
        }
        (TargetKind::Qualitative(_), Some(a)) => {
            if let Some((g, s)) = grade_share(a) {
                out.push(text("grade", g));
                out.push(Number {
                    key: "share",
                    value: format!("{}%", d(s)),
                });
            }
        }
        _ => {}
    }
    if let Some(x) = exact_of(&target.kind, &out, r, policy, row_formula(ind).as_ref()) {
        out.push(num("exact", x));
    }
    out
}

fn get(numbers: &[Number], key: &str) -> Option<Decimal> {
    numbers
        .iter()
        .find(|n| n.key == key)
        .and_then(|n| n.value.trim_end_matches('%').parse().ok())
}

/// The formula of the row's own `rule` in the scorecard, when it has one (it was checked
/// when the scorecard was loaded).
fn row_formula(ind: &Indicator) -> Option<Formula> {
    let text = ind
        .rule
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    crate::policy::parse_row_override(text)
        .ok()
        .map(|r| r.formula)
}

/// The unrounded score from the numbers, by the policy's formula for the row (the same
/// [`apply`] the scorer uses); `None` when the numbers do not determine it.
fn exact_of(
    kind: &TargetKind,
    numbers: &[Number],
    r: &IndicatorResult,
    policy: &Policy,
    row_formula: Option<&Formula>,
) -> Option<Decimal> {
    // A row's own rule replaces the policy's formula, as in the scorer (`formula_for`).
    let pick = |default: &'_ Formula| -> Formula { row_formula.unwrap_or(default).clone() };
    let w = get(numbers, "w")?;
    if let Some(share) = get(numbers, "share") {
        return w.checked_mul(share)?.checked_div(Decimal::ONE_HUNDRED);
    }
    let dir = r.trace.as_ref().map(|t| t.direction)?;
    let rule = r.trace.as_ref().map(|t| t.rule.as_str()).unwrap_or("");
    let x = match kind {
        TargetKind::Comparison(_) => {
            let (t, a) = (get(numbers, "T")?, get(numbers, "A")?);
            if rule.starts_with("target zero") {
                let f = &pick(&policy.target_zero);
                let met = a <= Decimal::ZERO;
                if matches!(f, Formula::PerUnit { .. } | Formula::Steps { .. }) {
                    apply(f, Direction::Reverse, a, t, w, met)?.exact
                } else if met {
                    w
                } else {
                    Decimal::ZERO
                }
            } else {
                let f = &pick(match dir {
                    Direction::Positive => &policy.positive,
                    Direction::Reverse => &policy.reverse,
                });
                let met = match dir {
                    Direction::Positive => a >= t,
                    Direction::Reverse => a <= t,
                };
                if t <= Decimal::ZERO
                    && !matches!(f, Formula::AllOrNothing | Formula::PerUnit { .. })
                {
                    if met {
                        w
                    } else {
                        Decimal::ZERO
                    }
                } else {
                    apply(f, dir, a, t, w, met)?.exact
                }
            }
        }
        TargetKind::Range(_) => {
            let (lo, hi, a) = (get(numbers, "L")?, get(numbers, "H")?, get(numbers, "A")?);
            if a >= lo && a <= hi {
                w
            } else if a < lo {
                if lo <= Decimal::ZERO || a <= Decimal::ZERO {
                    Decimal::ZERO
                } else {
                    w.checked_mul(a)?.checked_div(lo)?
                }
            } else {
                w.checked_mul(hi)?.checked_div(a)?
            }
        }
        TargetKind::Change(c) => {
            let (req, got) = (get(numbers, "r")?, get(numbers, "c")?);
            let upper = c.op.is_some_and(Op::is_upper_bound);
            let met = if upper { got <= req } else { got >= req };
            if req <= Decimal::ZERO {
                if met {
                    w
                } else {
                    Decimal::ZERO
                }
            } else {
                let d = if upper {
                    Direction::Reverse
                } else {
                    Direction::Positive
                };
                apply(&pick(&policy.change), d, got, req, w, met)?.exact
            }
        }
        _ => return None,
    };
    Some(x.clamp(Decimal::ZERO, w.max(Decimal::ZERO)))
}

fn points_why(
    ind: Option<&Indicator>,
    r: &IndicatorResult,
    rows: &[IndicatorResult],
    policy: &Policy,
    origins: &RuleOrigins,
) -> String {
    if r.status == Status::NotApplicable {
        return format!(
            "不适用：本行不计分，分值移至同级其他行（{}）",
            origins.location(Subject::NotApplicable)
        );
    }
    if let Some(p) = ind.and_then(|i| i.points) {
        return format!("记分卡本行指定分值 {}", d(p));
    }
    let level = policy.levels.iter().find(|l| l.name == r.level1);
    let same: Vec<&IndicatorResult> = rows.iter().filter(|x| x.level1 == r.level1).collect();
    let applicable = same
        .iter()
        .filter(|x| x.status != Status::NotApplicable)
        .count();
    let sum: Decimal = same.iter().map(|x| x.points).sum();
    match level {
        Some(l) => format!(
            "{} {} 分（{}）由本级 {} 行{}分享，按 0.01 最大余数法均分，本级合计 {}",
            l.name,
            d(l.points),
            origins.location(Subject::Levels),
            applicable,
            if applicable < same.len() {
                format!("（另有 {} 行不适用）", same.len() - applicable)
            } else {
                String::new()
            },
            d(sum)
        ),
        None => format!("一级指标“{}”不在政策中，未分配分值", r.level1),
    }
}

fn rounding_line(
    r: &IndicatorResult,
    numbers: &[Number],
    policy: &Policy,
    origins: &RuleOrigins,
) -> String {
    let rule = origins
        .get(Subject::Rounding)
        .map(|o| o.text.clone())
        .unwrap_or_else(|| format!("保留 {} 位小数，四舍五入", policy.rounding_places));
    match r.score {
        Some(s) => format!(
            "{rule}（{}）：每行只取整一次，{} → {}",
            origins.location(Subject::Rounding),
            numbers
                .iter()
                .find(|n| n.key == "exact")
                .map(|n| n.value.clone())
                .unwrap_or_else(|| "—".into()),
            fixed(s, policy.rounding_places)
        ),
        None => "—（未计分）".into(),
    }
}

/// What every row of one scope shares.
struct Scope<'a> {
    rows: &'a [IndicatorResult],
    policy: &'a Policy,
    origins: &'a RuleOrigins,
    fiscal_year: i32,
    execution_rate: Option<Decimal>,
}

fn explain_row(
    sc: &Scope<'_>,
    ind: Option<&Indicator>,
    r: &IndicatorResult,
    baseline: Option<&str>,
) -> RowExplanation {
    let (rows, policy, origins) = (sc.rows, sc.policy, sc.origins);
    let trace = r.trace.as_ref();
    let kind = trace.map(|t| t.kind).unwrap_or("—").to_string();
    let (direction, why) = match trace {
        Some(t) => (
            format!(
                "{}（{}）",
                t.direction.label(),
                match t.direction {
                    Direction::Positive => "positive",
                    Direction::Reverse => "reverse",
                }
            ),
            direction_why(ind.and_then(|i| i.target.as_ref()), t.direction_source),
        ),
        None => ("—".into(), "目标无法读取".into()),
    };
    let rule = trace.map(|t| t.rule.clone()).unwrap_or_default();
    let numbers = match ind {
        Some(i) if r.status == Status::Scored => {
            numbers(i, r, policy, sc.fiscal_year, sc.execution_rate, baseline)
        }
        _ => vec![num("w", r.points)],
    };
    RowExplanation {
        id: r.id.clone(),
        level1: r.level1.clone(),
        level2: r.level2.clone(),
        name: r.name.clone(),
        target_text: r.target.clone(),
        target: trace.map(|t| t.target.clone()).unwrap_or_default(),
        kind_label: kind_label(&kind).to_string(),
        kind,
        actual_text: r.actual.clone(),
        actual_read: trace.map(|t| t.actual.clone()).unwrap_or_default(),
        baseline: baseline.map(str::to_string),
        direction,
        direction_why: why,
        points: r.points,
        points_why: points_why(ind, r, rows, policy, origins),
        rule_ref: match ind.and_then(|i| i.rule.as_deref().map(|t| (i, t.trim()))) {
            // The row's own rule: its text and the scorecard file, not the policy's rule.
            Some((i, text)) if !text.is_empty() => Some(RuleRef {
                key: "rule".into(),
                at: i.origin.file.display().to_string(),
                text: text.to_string(),
            }),
            _ => subject_of(&rule).map(|s| rule_ref(origins, s)),
        },
        rule,
        formula: trace
            .map(|t| t.formula.clone())
            .or_else(|| r.error.clone())
            .unwrap_or_default(),
        rounding: rounding_line(r, &numbers, policy, origins),
        score: r.score,
        status: r.status,
        flags: r.flags.clone(),
        reason: r.reason.clone(),
        error: r.error.clone(),
        numbers,
    }
}

fn explain_execution(
    e: &Execution,
    policy: &Policy,
    origins: &RuleOrigins,
    department: bool,
) -> ExecutionExplanation {
    let base_label = match (department, e.adjusted.is_some()) {
        (true, _) => "Σ 全年预算数（各项目）".to_string(),
        (false, true) => "全年预算数".to_string(),
        (false, false) => "年初预算数（未填全年预算数）".to_string(),
    };
    let spent_label = if department {
        "Σ 全年执行数"
    } else {
        "全年执行数"
    };
    let base = e.adjusted.unwrap_or(e.budget);
    let places = policy.rounding_places;
    let formula = match (e.spent, e.rate, e.score) {
        (Some(s), Some(rate), Some(score)) => format!(
            "执行率 = {spent_label} {} / {base_label} {} = {}；得分 = min(执行率, 100%) × {} = {}",
            d(s),
            d(base),
            super::fmt_rate(rate),
            d(e.points),
            fixed(score, places)
        ),
        (Some(_), None, Some(score)) => format!("{base_label}为 0 → {}", fixed(score, places)),
        _ => format!("未填写{spent_label}，预算执行率无法计分"),
    };
    ExecutionExplanation {
        base_label,
        base,
        spent: e.spent,
        rate: e.rate,
        points: e.points,
        score: e.score,
        formula,
        rule_ref: Some(rule_ref(origins, Subject::Levels)),
        flags: e.flags.clone(),
    }
}

fn explain_total(
    rows: &[IndicatorResult],
    e: &Execution,
    total: Decimal,
    grade: &str,
    missing: Vec<String>,
    policy: &Policy,
    origins: &RuleOrigins,
) -> TotalExplanation {
    let places = policy.rounding_places;
    let scored: Vec<Decimal> = rows.iter().filter_map(|r| r.score).collect();
    let rows_sum: Decimal = scored.iter().copied().sum();
    let terms: Vec<String> = scored.iter().map(|s| fixed(*s, places)).collect();
    let exec = e.score.unwrap_or_default();
    let mut formula = format!(
        "各行得分之和 {} = {}；总分 = {} + 预算执行率 {} = {}",
        if terms.is_empty() {
            "0".to_string()
        } else {
            terms.join(" + ")
        },
        fixed(rows_sum, places),
        fixed(rows_sum, places),
        fixed(exec, places),
        fixed(rows_sum + exec, places)
    );
    if rows_sum + exec != total {
        formula.push_str(&format!(
            "；不适用分值移出后折算为满分 100（{}）→ {}",
            origins.location(Subject::NotApplicable),
            fixed(total, places)
        ));
    }
    let band = policy.grades.iter().find(|g| g.label == grade);
    let grade_why = match band {
        Some(b) => {
            let next_up = policy
                .grades
                .iter()
                .take_while(|g| g.label != grade)
                .last()
                .map(|g| format!("，且 < {}（{}）", d(g.min), g.label))
                .unwrap_or_default();
            format!(
                "{} ≥ {}{} → {}",
                fixed(total, places),
                d(b.min),
                next_up,
                b.label
            )
        }
        None => "—".into(),
    };
    TotalExplanation {
        rows_sum,
        total,
        formula,
        grade: grade.to_string(),
        grade_why,
        grade_ref: Some(rule_ref(origins, Subject::Grades)),
        missing,
    }
}

/// Explains the project `code` (or the department, when `code` is its code), optionally
/// one indicator only.
pub fn explain(
    dept: &Department,
    actuals: &crate::actuals::Actuals,
    scored: &ScoredDepartment,
    policy: &Policy,
    origins: &RuleOrigins,
    code: &str,
    indicator: Option<&str>,
) -> Result<Explanation, NotFound> {
    let code = code.trim();
    let fy = dept.fiscal_year;
    let is_dept = code == dept.code || code == scored.department.code;
    let (scope, name, rows, indicators, execution, total, grade, missing, row_actuals, rate) =
        if is_dept {
            let d = &scored.department;
            (
                "department",
                d.name.clone(),
                &d.indicators,
                dept.indicators.as_slice(),
                &d.execution,
                d.score,
                d.grade.clone(),
                d.missing
                    .iter()
                    .filter(|m| m.project.is_none())
                    .map(|m| m.id.clone())
                    .collect::<Vec<_>>(),
                Some(&actuals.department),
                None,
            )
        } else {
            let Some(p) = scored.projects.iter().find(|p| p.code == code) else {
                let mut codes = vec![scored.department.code.clone()];
                codes.extend(scored.projects.iter().map(|p| p.code.clone()));
                return Err(NotFound::Project(codes));
            };
            let src = dept.projects.iter().find(|x| x.code == p.code);
            (
                "project",
                p.name.clone(),
                &p.indicators,
                src.map(|s| s.indicators.as_slice()).unwrap_or(&[]),
                &p.execution,
                p.score,
                p.grade.clone(),
                p.missing.clone(),
                actuals.projects.get(&p.code).map(|a| &a.rows),
                p.execution.rate,
            )
        };
    if let Some(id) = indicator {
        if !rows.iter().any(|r| r.id == id) {
            return Err(NotFound::Indicator(
                rows.iter().map(|r| r.id.clone()).collect(),
            ));
        }
    }
    let sc = Scope {
        rows,
        policy,
        origins,
        fiscal_year: fy,
        execution_rate: rate,
    };
    let explained = rows
        .iter()
        .filter(|r| indicator.is_none_or(|id| r.id == id))
        .map(|r| {
            let ind = indicators.iter().find(|i| i.id == r.id);
            let baseline = row_actuals
                .and_then(|m| m.get(&r.id))
                .and_then(|a| a.baseline.as_deref());
            explain_row(&sc, ind, r, baseline)
        })
        .collect();
    Ok(Explanation {
        scope,
        code: if is_dept {
            scored.department.code.clone()
        } else {
            code.to_string()
        },
        name,
        policy: policy.name.clone(),
        policy_file: origins.file.clone(),
        rows: explained,
        execution: explain_execution(execution, policy, origins, is_dept),
        total: explain_total(rows, execution, total, &grade, missing, policy, origins),
    })
}

fn rule_ref_text(r: &RuleRef) -> String {
    if r.text.is_empty() {
        format!("{}（默认）", r.at)
    } else {
        format!("{}  {} = \"{}\"", r.at, r.key, r.text)
    }
}

/// The flags of a row, labelled; `reverse`: the row is a reverse target (its
/// over-achievement reads as a target set too loose, see [`super::labels::flag_text`]).
fn flags_text(flags: &[Flag], reverse: bool) -> String {
    if flags.is_empty() {
        "—".into()
    } else {
        flags
            .iter()
            .map(|f| {
                let (label, message) = super::labels::flag_text_for(reverse, f);
                format!("「{label}」：{message}")
            })
            .collect::<Vec<_>>()
            .join("；")
    }
}

/// The explanation as text, one labelled line per fact.
pub fn render_text(e: &Explanation, places: u32) -> String {
    let mut out = String::new();
    let head = if e.scope == "department" {
        "部门整体"
    } else {
        "项目"
    };
    out.push_str(&format!("{head} {} {}\n", e.code, e.name));
    out.push_str(&format!("政策 {} — {}\n", e.policy, e.policy_file));
    for r in &e.rows {
        out.push('\n');
        out.push_str(&format!(
            "[{}] {} › {} › {}\n",
            r.id, r.level1, r.level2, r.name
        ));
        let line = |out: &mut String, label: &str, value: &str| {
            out.push_str(&format!("  {label}  {value}\n"));
        };
        line(
            &mut out,
            "年度指标值",
            &format!(
                "{}（读作 {}；类型 {} {}）",
                r.target_text, r.target, r.kind_label, r.kind
            ),
        );
        line(
            &mut out,
            "实际完成值",
            &match (&r.actual_text, r.actual_read.is_empty()) {
                (Some(a), false) => format!("{a}（读作 {}）", r.actual_read),
                (Some(a), true) => a.clone(),
                (None, false) => format!("未填写（取 {}）", r.actual_read),
                (None, true) => "未填写".into(),
            },
        );
        if let Some(b) = &r.baseline {
            line(&mut out, "基期值    ", b);
        }
        line(
            &mut out,
            "方向      ",
            &format!("{}：{}", r.direction, r.direction_why),
        );
        line(
            &mut out,
            "分值      ",
            &format!("{}：{}", d(r.points), r.points_why),
        );
        line(
            &mut out,
            "规则      ",
            &match &r.rule_ref {
                Some(rr) => format!("{} — {}", r.rule, rule_ref_text(rr)),
                None if r.kind == "range" => format!(
                    "{} — 内置规则（默认政策：区间内满分，区间外按比例），政策文件中无此项",
                    r.rule
                ),
                None if r.rule.is_empty() => "—".into(),
                None => r.rule.clone(),
            },
        );
        line(
            &mut out,
            "数值      ",
            &r.numbers
                .iter()
                .map(|n| format!("{}={}", n.key, n.value))
                .collect::<Vec<_>>()
                .join(" "),
        );
        line(&mut out, "计算      ", &r.formula);
        line(&mut out, "取整      ", &r.rounding);
        line(
            &mut out,
            "得分      ",
            &match r.score {
                Some(s) => format!("{} / {}", fixed(s, places), d(r.points)),
                None => format!(
                    "— / {}（{}）",
                    d(r.points),
                    match r.status {
                        Status::NotApplicable => "不适用".to_string(),
                        Status::Missing => "未填写实际完成值".to_string(),
                        _ => r.error.clone().unwrap_or_else(|| "未计分".into()),
                    }
                ),
            },
        );
        line(
            &mut out,
            "标记      ",
            &flags_text(&r.flags, r.direction.contains("reverse")),
        );
        if let Some(reason) = &r.reason {
            line(&mut out, "偏差原因  ", reason);
        }
    }
    out.push('\n');
    let x = &e.execution;
    out.push_str(&format!(
        "预算执行率（分值 {}）\n  {}\n  分值依据  {}\n  标记  {}\n",
        d(x.points),
        x.formula,
        x.rule_ref
            .as_ref()
            .map(rule_ref_text)
            .unwrap_or_else(|| "—".into()),
        flags_text(&x.flags, false)
    ));
    out.push('\n');
    let t = &e.total;
    out.push_str(&format!("总分与等级\n  {}\n", t.formula));
    out.push_str(&format!(
        "  等级  {}（{}）\n",
        t.grade_why,
        t.grade_ref
            .as_ref()
            .map(rule_ref_text)
            .unwrap_or_else(|| "—".into())
    ));
    if !t.missing.is_empty() {
        out.push_str(&format!(
            "  注意  未填写实际完成值的行：{}；总分不完整\n",
            t.missing.join("、")
        ));
    }
    out
}
