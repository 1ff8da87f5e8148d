//! The scored scorecard: what every renderer (table, Markdown, JSON, CSV, HTML, xlsx),
//! `explain`, `diff`, `snapshot`, `monitor` and region scoring read. Each row is one
//! record made once by the evaluator — the target and the actual as parsed, the numbers
//! and the rule the scorer used, the exact and the rounded score, flags and diagnostics
//! as values — so that no reader parses or scores again. Serialises to the JSON shape of
//! `jixiao score --format json` (decimals as strings); the typed parts of the record
//! that the strings already carry there are left out of it.

use crate::diagnostic::Diagnostic;
use crate::model::Actual;
use crate::score::{Flag, Status, Trace};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorResult {
    pub id: String,
    pub level1: String,
    pub level2: String,
    pub name: String,
    /// 指标值, verbatim.
    pub target: String,
    /// 实际完成值, verbatim (`None` when missing).
    pub actual: Option<String>,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    /// `None` for 不适用, missing or unscorable rows.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub score: Option<Decimal>,
    pub achieved: Option<bool>,
    pub flags: Vec<Flag>,
    pub reason: Option<String>,
    pub status: Status,
    /// Why the row has no score, when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Boxed: a row is moved a few times on its way to the report, and the trace is most
    /// of its size (a region run moved a gigabyte of rows before it was).
    pub trace: Option<Box<Trace>>,
    /// Department indicators: the 分项 area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    // The typed record below is what `explain`, `diff` and the renderers read; it is not
    // in the JSON (whose shape is pinned), where the strings above carry it.
    /// The actual as parsed, with its span; the project's execution rate when the row
    /// took it (flag `execution-rate-used`).
    #[serde(skip)]
    pub actual_value: Option<Actual>,
    /// 基期值 as written, when given.
    #[serde(skip)]
    pub baseline: Option<String>,
    /// The exact score before rounding.
    #[serde(skip)]
    pub exact: Option<Decimal>,
    /// The points written on the row in the scorecard, when it has its own.
    #[serde(skip)]
    pub explicit_points: Option<Decimal>,
    /// The row's own scoring rule in the scorecard, when it has one.
    #[serde(skip)]
    pub own_rule: Option<OwnRule>,
    /// Why the target, the actual, the baseline or the row's rule could not be read.
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

/// A row's own `rule` and the scorecard file it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnRule {
    pub text: String,
    pub file: PathBuf,
}

/// The 预算执行率 row (10 points by default).
#[derive(Debug, Clone, Serialize)]
pub struct Execution {
    /// 年初预算数.
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    /// 年初预算数 其中：当年财政拨款 / 其他资金, as a project's scorecard gives them.
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub fiscal_funds: Option<Decimal>,
    #[serde(
        with = "rust_decimal::serde::str_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub other_funds: Option<Decimal>,
    /// 全年预算数 (adjusted), when given.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub adjusted: Option<Decimal>,
    /// 全年执行数.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub spent: Option<Decimal>,
    /// 执行率 as a fraction (0.8621 = 86.21%), exact.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub score: Option<Decimal>,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MissingRow {
    /// Project code; `None` for a department indicator.
    pub project: Option<String>,
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectResult {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// 年初预算数.
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    /// The plain sum of the printed rows (or rescaled, under that 不适用 policy).
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    pub grade: String,
    /// 年度总体目标 · 预期目标 (from the scorecard), one entry per paragraph.
    pub goals: Vec<String>,
    /// 年度总体目标 · 实际完成情况 (from the actuals), when given.
    pub summary: Option<String>,
    pub execution: Execution,
    pub indicators: Vec<IndicatorResult>,
    /// Rows without an actual: the total is incomplete while this is not empty.
    pub missing: Vec<String>,
    /// Why the total and grade are not final (rows missing or not scorable, no 全年执行数),
    /// e.g. "2 行未填写、1 行无法评分"; renderers mark them 「不完整」.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
}

/// The grade of a department whose 部门整体 score cannot be computed.
pub const NOT_GRADED: &str = "不评级";

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentResult {
    pub code: String,
    pub name: String,
    pub fiscal_year: i32,
    /// Own indicators (90) + department execution (10): the plain sum of the printed
    /// rows. Without own indicators only the execution part, and not graded.
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    /// The policy's grade for the score, or [`NOT_GRADED`] when the department has no
    /// indicators of its own (see `not_graded`).
    pub grade: String,
    /// Why the department is not graded, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_graded: Option<String>,
    pub indicators: Vec<IndicatorResult>,
    pub execution: Execution,
    /// 项目支出综合得分 = Σ(score × 全年预算数) / Σ 全年预算数 over scored projects.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub projects_composite: Option<Decimal>,
    /// Projects per grade, in the policy's grade order.
    pub grade_counts: BTreeMap<String, usize>,
    pub missing: Vec<MissingRow>,
    /// Rows that have an actual but could not be scored (projects and the department's own).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<MissingRow>,
    /// Why the 部门整体 total is not final (see [`ProjectResult::incomplete`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoredDepartment {
    pub department: DepartmentResult,
    pub projects: Vec<ProjectResult>,
    /// The policy's name, for headers.
    #[serde(skip)]
    pub policy_name: String,
    /// Grade labels in policy order (highest first), for summaries.
    #[serde(skip)]
    pub grade_order: Vec<String>,
    #[serde(skip)]
    pub rounding_places: u32,
    /// The note under each 自评表 on how the 一级指标 points are set ([`Policy::level_note`]).
    ///
    /// [`Policy::level_note`]: crate::score::Policy::level_note
    #[serde(skip)]
    pub level_note: String,
}
