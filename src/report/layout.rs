//! The 自评表 grid as rows of cells, shared by the table and Markdown renderers, so both
//! print the same figures in the same places (README, "Reports").

use crate::evaluate::{
    DepartmentResult, Execution, IndicatorResult, ProjectResult, ScoredDepartment,
};
use crate::score::formula::fixed;
use rust_decimal::Decimal;

/// Amounts in 万元 with 2 decimals.
pub fn fmt_amount(d: Decimal) -> String {
    fixed(d.round_dp(2), 2)
}

/// A rate as a percent with 2 decimals (`86.21%`), half-up.
pub fn fmt_rate(r: Decimal) -> String {
    let pct = (r * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format!("{}%", fixed(pct, 2))
}

pub const BUDGET_HEADER: [&str; 7] = [
    "项目资金（万元）",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
];

pub fn budget_row(e: &Execution, places: u32) -> Vec<String> {
    vec![
        "年度资金总额".into(),
        fmt_amount(e.budget),
        fmt_amount(e.adjusted.unwrap_or(e.budget)),
        e.spent.map(fmt_amount).unwrap_or_else(|| "—".into()),
        fixed(e.points, 2),
        e.rate.map(fmt_rate).unwrap_or_else(|| "—".into()),
        e.score
            .map(|s| fixed(s, places))
            .unwrap_or_else(|| "—".into()),
    ]
}

/// A project's budget block: 年度资金总额, then the 其中 rows of the national form. Only
/// the 年初预算数 split is known (from the scorecard); the other cells are `—`.
pub fn project_budget_rows(e: &Execution, places: u32) -> Vec<Vec<String>> {
    let mut rows = vec![budget_row(e, places)];
    for (label, amount) in [
        ("其中：当年财政拨款", e.fiscal_funds),
        ("上年结转资金", None),
        ("其他资金", e.other_funds),
    ] {
        let mut row = vec![label.to_string()];
        row.push(amount.map(fmt_amount).unwrap_or_else(|| "—".into()));
        row.extend(std::iter::repeat_n("—".to_string(), 5));
        rows.push(row);
    }
    rows
}

pub const INDICATOR_HEADER: [&str; 8] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
];

/// Indicator rows with level cells shown once per run ("merged down"); the 一级 label
/// carries its points, e.g. `产出指标(50分)`.
pub fn indicator_rows(rows: &[IndicatorResult], places: u32) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut last1 = None::<&str>;
    let mut last2 = None::<(&str, &str)>;
    for r in rows {
        let l1 = if last1 == Some(r.level1.as_str()) {
            String::new()
        } else {
            let pts: Decimal = rows
                .iter()
                .filter(|x| x.level1 == r.level1)
                .map(|x| x.points)
                .sum();
            format!("{}({}分)", r.level1, pts.normalize())
        };
        let l2 = if last2 == Some((r.level1.as_str(), r.level2.as_str())) {
            String::new()
        } else {
            r.level2.clone()
        };
        last1 = Some(&r.level1);
        last2 = Some((&r.level1, &r.level2));
        let score = match (r.score, &r.status) {
            (Some(s), _) => fixed(s, places),
            (None, crate::score::Status::NotApplicable) => "不适用".into(),
            (None, crate::score::Status::Missing) => "未填报".into(),
            (None, _) => "—".into(),
        };
        out.push(vec![
            l1,
            l2,
            r.name.clone(),
            r.target.clone(),
            r.actual.clone().unwrap_or_default(),
            fixed(r.points, 2),
            score,
            r.reason.clone().unwrap_or_default(),
        ]);
    }
    out
}

/// Flag notes printed under a table: `qty1 名称 「需填写偏差原因」：…`, with the
/// catalogue's label for each flag code (see [`super::labels::flag_text`]).
pub fn notes(rows: &[IndicatorResult], e: &Execution) -> Vec<String> {
    use super::labels::flag_text;
    let mut out = Vec::new();
    for f in &e.flags {
        let (label, message) = flag_text(None, f);
        out.push(format!("预算执行率 「{label}」：{message}"));
    }
    for r in rows {
        if let Some(err) = &r.error {
            if r.status != crate::score::Status::Missing {
                out.push(format!("{} {} 「无法评分」：{err}", r.id, r.name));
            }
        }
        for f in &r.flags {
            let (label, message) = flag_text(Some(r), f);
            out.push(format!("{} {} 「{label}」：{message}", r.id, r.name));
        }
    }
    out
}

/// The 总分 row. An incomplete total (rows missing or not scorable) says so beside the
/// figure and the grade, with why: it must never read as the final result.
pub fn total_row(
    total: Decimal,
    grade: &str,
    places: u32,
    full: Decimal,
    incomplete: Option<&str>,
) -> Vec<String> {
    let total = match incomplete {
        Some(_) => format!("{}（{INCOMPLETE}）", fixed(total, places)),
        None => fixed(total, places),
    };
    let grade = match incomplete {
        Some(why) => format!("自评等级：{grade}（{INCOMPLETE}：{why}）"),
        None => format!("自评等级：{grade}"),
    };
    vec![
        "总分".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        fixed(full, 2),
        total,
        grade,
    ]
}

/// The mark of a total or grade that is not final.
pub const INCOMPLETE: &str = "不完整";

/// A grade as shown: `优` when the total is complete, `优（不完整）` when it is not.
pub fn grade_shown(grade: &str, incomplete: Option<&str>) -> String {
    match incomplete {
        Some(_) => format!("{grade}（{INCOMPLETE}）"),
        None => grade.to_string(),
    }
}

pub fn project_title(s: &ScoredDepartment, p: &ProjectResult) -> Vec<String> {
    vec![
        format!("项目支出绩效自评表（{}年度）", s.department.fiscal_year),
        format!("项目名称：{}　项目编码：{}", p.name, p.code),
        format!("主管部门：{}　实施单位：{}", s.department.name, p.unit),
    ]
}

/// The 年度总体目标 block of the form: (预期目标 paragraphs, 实际完成情况), or `None` when
/// the scorecard has no goals and the actuals no summary.
pub fn goals_block(p: &ProjectResult) -> Option<(Vec<String>, String)> {
    if p.goals.is_empty() && p.summary.is_none() {
        return None;
    }
    let expected = if p.goals.is_empty() {
        vec!["—".to_string()]
    } else {
        p.goals.clone()
    };
    let achieved = p
        .summary
        .clone()
        .unwrap_or_else(|| "（未填写）".to_string());
    Some((expected, achieved))
}

pub fn project_full_points(p: &ProjectResult) -> Decimal {
    p.indicators.iter().map(|r| r.points).sum::<Decimal>() + p.execution.points
}

/// The department's full points: its own rows and its execution row.
pub fn department_full_points(d: &DepartmentResult) -> Decimal {
    d.indicators.iter().map(|r| r.points).sum::<Decimal>() + d.execution.points
}

/// A project's indicator rows and its 总分 row, for the text tables.
pub fn project_indicator_rows(p: &ProjectResult, places: u32) -> Vec<Vec<String>> {
    let mut rows = indicator_rows(&p.indicators, places);
    rows.push(total_row(
        p.score,
        &p.grade,
        places,
        project_full_points(p),
        p.incomplete.as_deref(),
    ));
    rows
}

/// The department's own indicator rows and its 总分 row, for the text tables.
pub fn department_indicator_rows(d: &DepartmentResult, places: u32) -> Vec<Vec<String>> {
    let mut rows = indicator_rows(&d.indicators, places);
    rows.push(total_row(
        d.score,
        &d.grade,
        places,
        department_full_points(d),
        d.incomplete.as_deref(),
    ));
    rows
}

/// 未填写实际完成值的指标: a heading line, then one indented line per missing row.
pub fn missing_lines(d: &crate::evaluate::DepartmentResult) -> Vec<String> {
    if d.missing.is_empty() {
        return vec!["未填写实际完成值的指标：无".into()];
    }
    let mut out = vec![format!("未填写实际完成值的指标（{}项）：", d.missing.len())];
    out.extend(d.missing.iter().map(row_line));
    out
}

/// 无法评分的指标: rows with an actual that could not be scored, like [`missing_lines`];
/// nothing when there are none.
pub fn error_lines(d: &crate::evaluate::DepartmentResult) -> Vec<String> {
    if d.errors.is_empty() {
        return Vec::new();
    }
    let mut out = vec![crate::i18n::tf(
        "report.error-rows",
        &[("n", &d.errors.len().to_string())],
    )];
    out.extend(d.errors.iter().map(row_line));
    out
}

/// `  项目编码 id 名称` (`部门` for a department row), one line of those lists.
fn row_line(m: &crate::evaluate::MissingRow) -> String {
    format!(
        "  {} {} {}",
        m.project.as_deref().unwrap_or("部门"),
        m.id,
        m.name
    )
}

/// The 部门整体自评得分 as printed: `—` for a department that is not graded (no
/// indicators of its own: the figure would be the execution part alone, and read as 差).
pub fn department_score_text(d: &DepartmentResult, places: u32) -> String {
    match d.not_graded {
        Some(_) => "—".into(),
        None => fixed(d.score, places),
    }
}

pub fn summary_lines(s: &ScoredDepartment) -> Vec<String> {
    let d = &s.department;
    let mut out = vec![format!(
        "部门整体自评得分：{}　等级：{}",
        department_score_text(d, s.rounding_places),
        grade_shown(&d.grade, d.incomplete.as_deref())
    )];
    out.push(format!(
        "项目支出综合得分（按全年预算数加权，{}个项目）：{}",
        s.projects.len(),
        d.projects_composite
            .map(|c| fixed(c, s.rounding_places))
            .unwrap_or_else(|| "—".into())
    ));
    let counts: Vec<String> = s
        .grade_order
        .iter()
        .map(|g| format!("{g} {}", d.grade_counts.get(g).copied().unwrap_or(0)))
        .collect();
    out.push(format!("项目等级分布：{}", counts.join("　")));
    let incomplete = s.projects.iter().filter(|p| p.incomplete.is_some()).count();
    if incomplete > 0 {
        out.push(crate::i18n::tf(
            "report.incomplete-projects",
            &[("n", &incomplete.to_string())],
        ));
    }
    out.extend(missing_lines(d));
    out.extend(error_lines(d));
    out.push(format!("评分规则：{}", s.policy_name));
    out
}
