//! `jixiao explain`: why each row of a project (or of the department) scored what it did —
//! the target in canonical form, the actual as read, the direction and why, the rule and
//! where it is written (policy file and line), the numbers and the arithmetic, the
//! rounding and the flags — then how the total and the grade follow.
//!
//! Everything shown comes from the scored record ([`IndicatorResult`] and its trace): the
//! `数值` line prints the numbers the scorer itself used (w, T, A, …, the exact score), so
//! that a person, or a test, can redo the arithmetic by hand, and explain can never come
//! to another number than the score it explains.

use crate::evaluate::{Execution, IndicatorResult, ScoredDepartment};
use crate::model::{ChangeDirection, DirectionSource, Op, Target, TargetKind};
use crate::policy::{RuleOrigins, Subject};
use crate::score::formula::{d, fixed};
use crate::score::{Flag, Policy, RuleKind, Status};
use rust_decimal::Decimal;
use serde::Serialize;

pub use super::explain_text::{render_text, render_text_styled};

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
    /// The rule that scored the row, as the record has it (the text says it above).
    #[serde(skip)]
    pub rule_kind: Option<RuleKind>,
    /// Scored as a reverse target (its over-achievement reads as a target too loose).
    #[serde(skip)]
    pub reverse: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExecutionExplanation {
    pub base_label: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub base: Decimal,
    /// The scored execution row as it is (spent, rate, points, score, flags…).
    #[serde(flatten)]
    pub execution: Execution,
    pub formula: String,
    pub rule_ref: Option<RuleRef>,
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

/// The policy rule behind a row's rule (`None`: a rule built into the scorer).
fn subject_of(kind: RuleKind) -> Option<Subject> {
    match kind {
        RuleKind::Positive => Some(Subject::Positive),
        RuleKind::Reverse => Some(Subject::Reverse),
        RuleKind::TargetZero => Some(Subject::TargetZero),
        RuleKind::Change => Some(Subject::Change),
        RuleKind::Deadline => Some(Subject::Deadline),
        RuleKind::Qualitative => Some(Subject::Qualitative),
        RuleKind::NotApplicable => Some(Subject::NotApplicable),
        RuleKind::Range => None,
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

fn num(key: &'static str, v: Decimal) -> Number {
    Number { key, value: d(v) }
}

fn text(key: &'static str, v: impl Into<String>) -> Number {
    Number {
        key,
        value: v.into(),
    }
}

fn percent(key: &'static str, v: Decimal) -> Number {
    text(key, format!("{}%", d(v)))
}

/// The unit the row's numbers are in: the target's (a relative change: percent).
fn unit_of(target: &Target, relative_change: bool) -> Option<&str> {
    match &target.kind {
        TargetKind::Comparison(c) => c.quantity.unit.as_ref().map(|u| u.as_str()),
        TargetKind::Range(r) => r.high.unit.as_ref().map(|u| u.as_str()),
        TargetKind::Change(_) if relative_change => Some("%"),
        TargetKind::Change(c) => c.amount.unit.as_ref().map(|u| u.as_str()),
        _ => None,
    }
}

/// The plain numbers behind a scored row's arithmetic (w, T, A, …, exact), as the scorer
/// recorded them; an unscored row shows its points only.
fn numbers(r: &IndicatorResult) -> Vec<Number> {
    let mut out = vec![num("w", r.points)];
    let Some(trace) = r.trace.as_ref().filter(|_| r.status == Status::Scored) else {
        return out;
    };
    let f = &trace.figures;
    let date = |x: chrono::NaiveDate| x.format("%Y-%m-%d").to_string();
    let plain = [("T", f.target), ("L", f.low), ("H", f.high)];
    out.extend(plain.iter().filter_map(|(k, v)| v.map(|v| num(k, v))));
    out.extend(f.due.map(|x| text("due", date(x))));
    out.extend(f.done.map(|x| text("done", date(x))));
    out.extend(f.baseline.map(|x| num("B", x)));
    out.extend(f.actual.map(|x| num("A", x)));
    out.extend(f.required.map(|x| num("r", x)));
    let measured = f.actual.is_some() || f.required.is_some();
    if let Some(u) = unit_of(&trace.target, f.relative_change).filter(|_| measured) {
        out.push(text("unit", u));
    }
    out.extend(f.change.map(|x| num("c", x)));
    if let (TargetKind::Change(c), Some(_)) = (&trace.target.kind, f.required) {
        out.push(text(
            "change",
            match c.direction {
                ChangeDirection::Increase => "增长",
                ChangeDirection::Decrease => "减少",
            },
        ));
    }
    out.extend(f.grade.map(|g| text("grade", g.label())));
    out.extend(f.share.map(|x| percent("share", x)));
    out.extend(r.exact.map(|x| num("exact", x)));
    out
}

fn points_why(
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
    if let Some(p) = r.explicit_points {
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

fn rounding_line(r: &IndicatorResult, policy: &Policy, origins: &RuleOrigins) -> String {
    let rule = origins
        .get(Subject::Rounding)
        .map(|o| o.text.clone())
        .unwrap_or_else(|| format!("保留 {} 位小数，四舍五入", policy.rounding_places));
    match r.score {
        Some(s) => format!(
            "{rule}（{}）：每行只取整一次，{} → {}",
            origins.location(Subject::Rounding),
            r.exact.map(d).unwrap_or_else(|| "—".into()),
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
}

fn explain_row(sc: &Scope<'_>, r: &IndicatorResult) -> RowExplanation {
    let (rows, policy, origins) = (sc.rows, sc.policy, sc.origins);
    let trace = r.trace.as_ref();
    let kind = trace.map(|t| t.kind).unwrap_or("—").to_string();
    let (direction, why) = match trace {
        Some(t) => (
            format!("{}（{}）", t.direction.label(), t.direction.code()),
            direction_why(Some(&t.target), t.direction_source),
        ),
        None => ("—".into(), "目标无法读取".into()),
    };
    let rule = trace.map(|t| t.rule.clone()).unwrap_or_default();
    RowExplanation {
        id: r.id.clone(),
        level1: r.level1.clone(),
        level2: r.level2.clone(),
        name: r.name.clone(),
        target_text: r.target.clone(),
        target: trace.map(|t| t.target.to_string()).unwrap_or_default(),
        kind_label: kind_label(&kind).to_string(),
        kind,
        actual_text: r.actual.clone(),
        actual_read: trace.map(|t| t.actual.clone()).unwrap_or_default(),
        baseline: r.baseline.clone(),
        direction,
        direction_why: why,
        points: r.points,
        points_why: points_why(r, rows, policy, origins),
        rule_ref: match &r.own_rule {
            // The row's own rule: its text and the scorecard file, not the policy's rule.
            Some(own) => Some(RuleRef {
                key: "rule".into(),
                at: own.file.display().to_string(),
                text: own.text.clone(),
            }),
            None => trace
                .and_then(|t| t.rule_kind)
                .and_then(subject_of)
                .map(|s| rule_ref(origins, s)),
        },
        rule,
        formula: trace
            .map(|t| t.formula.clone())
            .or_else(|| r.error.clone())
            .unwrap_or_default(),
        rounding: rounding_line(r, policy, origins),
        score: r.score,
        status: r.status,
        flags: r.flags.clone(),
        reason: r.reason.clone(),
        error: r.error.clone(),
        numbers: numbers(r),
        rule_kind: trace.and_then(|t| t.rule_kind),
        reverse: trace.is_some_and(|t| t.direction == crate::model::Direction::Reverse),
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
        execution: e.clone(),
        formula,
        rule_ref: Some(rule_ref(origins, Subject::Levels)),
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

/// The rows, execution and total of one scope (a project or the department's own).
struct Picked<'a> {
    scope: &'static str,
    name: &'a str,
    rows: &'a [IndicatorResult],
    execution: &'a Execution,
    total: Decimal,
    grade: &'a str,
    missing: Vec<String>,
}

fn pick<'a>(scored: &'a ScoredDepartment, code: &str) -> Result<Picked<'a>, NotFound> {
    let d = &scored.department;
    if code == d.code {
        return Ok(Picked {
            scope: "department",
            name: &d.name,
            rows: &d.indicators,
            execution: &d.execution,
            total: d.score,
            grade: &d.grade,
            missing: d
                .missing
                .iter()
                .filter(|m| m.project.is_none())
                .map(|m| m.id.clone())
                .collect(),
        });
    }
    let Some(p) = scored.projects.iter().find(|p| p.code == code) else {
        let mut codes = vec![d.code.clone()];
        codes.extend(scored.projects.iter().map(|p| p.code.clone()));
        return Err(NotFound::Project(codes));
    };
    Ok(Picked {
        scope: "project",
        name: &p.name,
        rows: &p.indicators,
        execution: &p.execution,
        total: p.score,
        grade: &p.grade,
        missing: p.missing.clone(),
    })
}

/// Explains the project `code` (or the department, when `code` is its code), optionally
/// one indicator only, from the scored department alone.
pub fn explain(
    scored: &ScoredDepartment,
    policy: &Policy,
    origins: &RuleOrigins,
    code: &str,
    indicator: Option<&str>,
) -> Result<Explanation, NotFound> {
    let code = code.trim();
    let p = pick(scored, code)?;
    if let Some(id) = indicator {
        if !p.rows.iter().any(|r| r.id == id) {
            return Err(NotFound::Indicator(
                p.rows.iter().map(|r| r.id.clone()).collect(),
            ));
        }
    }
    let sc = Scope {
        rows: p.rows,
        policy,
        origins,
    };
    let is_dept = p.scope == "department";
    Ok(Explanation {
        scope: p.scope,
        code: code.to_string(),
        name: p.name.to_string(),
        policy: policy.name.clone(),
        policy_file: origins.file.clone(),
        rows: p
            .rows
            .iter()
            .filter(|r| indicator.is_none_or(|id| r.id == id))
            .map(|r| explain_row(&sc, r))
            .collect(),
        execution: explain_execution(p.execution, policy, origins, is_dept),
        total: explain_total(
            p.rows,
            p.execution,
            p.total,
            p.grade,
            p.missing,
            policy,
            origins,
        ),
    })
}
