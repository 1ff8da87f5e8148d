//! The scorecard model: a department (部门整体) with its own indicators, and its projects
//! (预算项目) with theirs, as loaded from `scorecards/<department>/`.
//!
//! Amounts are in 万元, exact. Text fields keep the source text verbatim.

use crate::diagnostic::Diagnostic;
use crate::model::{Direction, Target};
use rust_decimal::Decimal;
use serde::Serialize;
use std::path::PathBuf;

/// Where a value was written: file and byte offset of its text, for diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: PathBuf,
    /// Byte range of the value's text inside `file` (the string contents, without quotes).
    pub start: usize,
    pub end: usize,
}

/// One indicator row (三级指标) of a project or of the department.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// Stable, short, ASCII, unique in its project (e.g. `qty1`, `sat1`).
    pub id: String,
    /// 一级指标: 产出指标 / 效益指标 / 满意度指标.
    pub level1: String,
    /// 二级指标: 数量指标, 质量指标, …
    pub level2: String,
    /// The 一级 label as the source printed it (`项目完成指标`), when it differs from
    /// `level1`; kept so the user can recognise the row and check the mapping.
    pub label1: Option<String>,
    /// The 二级 label as printed (`数量指标（必填）`, `数量`), when it differs from `level2`.
    pub label2: Option<String>,
    /// 三级指标.
    pub name: String,
    /// 绩效指标描述.
    pub description: String,
    /// 指标值 as written.
    pub target_text: String,
    /// The target as parsed (leniently); `None` when it does not parse at all.
    #[serde(skip)]
    pub target: Option<Target>,
    /// Lenient-parse warnings and errors for `target_text`, spans relative to it.
    #[serde(skip)]
    pub target_diagnostics: Vec<Diagnostic>,
    /// 指标值确定依据.
    pub basis: String,
    /// Explicit 分值; rows without share the rest of their level equally.
    pub points: Option<Decimal>,
    /// 分值/权重 as the source published them, kept here instead of `points` when they do
    /// not fit the level's weight in the default policy (a form weighting 产出 60 where the
    /// self-evaluation gives it 50): shown to the user, not used for scoring.
    pub published_points: Option<Decimal>,
    /// Explicit direction, beating marks and operators.
    pub direction: Option<Direction>,
    /// A scoring rule in the rule language, overriding the policy for this row.
    pub rule: Option<String>,
    /// Department indicators: the 分项 area they belong to (普法宣传, 法律援助 …).
    pub area: Option<String>,
    /// Where `target_text` is written.
    #[serde(skip)]
    pub origin: Origin,
}

/// A point of the cumulative spending plan (资金支出计划): by the end of `month`,
/// `share` percent of the budget is spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checkpoint {
    pub month: u8,
    pub share: Decimal,
}

#[derive(Debug, Clone, Serialize)]
pub struct Project {
    /// 项目编码.
    pub code: String,
    /// 项目名称.
    pub name: String,
    /// 实施单位 as written in the table header (e.g. `315001遵化市司法局本级`).
    pub unit: String,
    /// 年初预算数 (万元).
    pub budget: Decimal,
    /// 全年预算数 (万元), when known at import.
    pub adjusted_budget: Option<Decimal>,
    /// 其中：财政资金.
    pub fiscal_funds: Option<Decimal>,
    /// 其他资金.
    pub other_funds: Option<Decimal>,
    /// 上年结转资金: part of the budget that is neither this year's 财政拨款 nor 其他资金.
    pub carryover: Option<Decimal>,
    /// 资金用途.
    pub purpose: String,
    pub spending_plan: Vec<Checkpoint>,
    /// 绩效目标, one entry per paragraph.
    pub goals: Vec<String>,
    pub indicators: Vec<Indicator>,
    #[serde(skip)]
    pub file: PathBuf,
}

#[derive(Debug, Clone, Serialize)]
pub struct Department {
    pub code: String,
    pub name: String,
    pub fiscal_year: i32,
    pub units: Vec<String>,
    /// 总体绩效目标.
    pub goals: String,
    /// 工作保障措施.
    pub safeguards: String,
    /// The department's own indicators (from 分项绩效目标).
    pub indicators: Vec<Indicator>,
    pub projects: Vec<Project>,
    /// The 分项绩效目标 prose, one entry per area, kept verbatim.
    pub areas: Vec<Area>,
    #[serde(skip)]
    pub folder: PathBuf,
}

/// One area (分项) of the department's 分项绩效目标, as written in prose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Area {
    /// 普法宣传, 法律援助 …
    pub name: String,
    /// The area's heading line after its name (what the area covers).
    pub summary: String,
    /// The area's 绩效目标 text.
    pub goals: String,
    /// The area's 绩效指标 text, from which the department indicators are taken.
    pub indicators_text: String,
}
