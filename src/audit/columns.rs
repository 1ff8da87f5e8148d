//! What each column of a published 自评表 holds, by its header words, and how a data row
//! lines up with the header when a text copy dropped the empty cells at its ends (`|`
//! borders read as cells, a merged-down cell left out). The words of the 绩效目标表 come
//! from the importer's synonym tables; the self-evaluation columns (实际完成值, 得分,
//! 偏差原因, the money and total columns of a bulk export) are added here.

use super::form::{is_blank_text, number_of};
use crate::scorecard::import::synonyms::{column_of, key, level1_of, level2_of, squeeze, Col};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Level1,
    Level2,
    Name,
    Nature,
    /// 度量单位 (the row's unit), not 实施单位.
    MeasureUnit,
    Target,
    Actual,
    Points,
    Score,
    Reason,
    Project,
    Dept,
    Unit,
    Initial,
    Adjusted,
    Spent,
    Rate,
    ExecutionScore,
    Total,
    Grade,
}

/// Self-evaluation header words, compared whole after `key`; checked before the importer's.
const SELF_EVALUATION_WORDS: &[(Role, &[&str])] = &[
    (
        Role::Actual,
        &[
            "实际完成值",
            "全年实际完成值",
            "实际值",
            "完成值",
            "实际完成",
            "实际完成情况值",
            "全年实际值",
            "实际完成指标值",
            "完成情况",
        ],
    ),
    (
        Role::Score,
        &["得分", "自评得分", "实际得分", "指标得分", "评分", "自评分"],
    ),
    (
        Role::ExecutionScore,
        &["执行得分", "执行率得分", "预算执行得分", "预算执行率得分"],
    ),
    (Role::Rate, &["执行率", "预算执行率", "资金执行率"]),
    (Role::Initial, &["年初预算数", "年初预算", "年初预算金额"]),
    (
        Role::Adjusted,
        &["全年预算数", "调整后预算数", "调整预算数", "全年预算"],
    ),
    (
        Role::Spent,
        &[
            "全年执行数",
            "实际支出数",
            "执行数",
            "实际执行数",
            "全年实际支出数",
        ],
    ),
    (Role::Total, &["总分", "自评总分", "自评得分合计"]),
    (Role::Grade, &["自评等级", "等级", "评价等级"]),
    (Role::Dept, &["主管部门"]),
    (Role::Unit, &["实施单位"]),
    (Role::Project, &["项目名称"]),
];

/// The role of a header cell, or `None`.
pub fn role_of(text: &str) -> Option<Role> {
    let k = key(text);
    if k.is_empty() || k.chars().count() > 24 {
        return None;
    }
    if k.contains("偏差原因") || k.contains("原因分析") || k.contains("未完成原因") {
        return Some(Role::Reason);
    }
    for (role, words) in SELF_EVALUATION_WORDS {
        if words.iter().any(|w| *w == k) {
            return Some(*role);
        }
    }
    match column_of(text)? {
        Col::Level1 => Some(Role::Level1),
        Col::Level2 => Some(Role::Level2),
        Col::Name => Some(Role::Name),
        Col::Target => Some(Role::Target),
        Col::Nature => Some(Role::Nature),
        Col::Unit => Some(Role::MeasureUnit),
        Col::Points => Some(Role::Points),
        Col::Project => Some(Role::Project),
        _ => None,
    }
}

/// The columns of an indicator header row: it names the 三级 indicator, a level, the
/// target and the 得分.
#[derive(Debug, Clone)]
pub struct IndicatorColumns {
    pub roles: Vec<Option<Role>>,
    /// The header texts, to tell the empty `绩效指标` column from an unknown one.
    pub names: Vec<String>,
}

impl IndicatorColumns {
    pub fn of(row: &[&str]) -> Option<IndicatorColumns> {
        let roles: Vec<Option<Role>> = row.iter().map(|t| role_of(t)).collect();
        let has = |r: Role| roles.contains(&Some(r));
        let level = has(Role::Level1) || has(Role::Level2);
        (has(Role::Name) && level && has(Role::Target) && has(Role::Score)).then(|| {
            IndicatorColumns {
                roles,
                names: row.iter().map(|t| squeeze(t)).collect(),
            }
        })
    }
    pub fn has(&self, r: Role) -> bool {
        self.roles.contains(&Some(r))
    }
    /// Whether the table is a bulk export: one line per indicator with its project.
    pub fn is_flat(&self) -> bool {
        self.has(Role::Project)
    }

    /// The header column each cell of `row` stands under: cell `i` is column `i + offset`.
    /// A row as wide as the header lines up as is; a narrower one (a text copy that lost
    /// empty cells at its ends) takes the first offset at which every cell fits its
    /// column. `None` when no offset fits.
    pub fn offset(&self, row: &[&str]) -> Option<usize> {
        let width = self.roles.len();
        if row.len() >= width {
            return Some(0);
        }
        (0..=width - row.len()).find(|k| {
            row.iter().enumerate().all(|(i, t)| self.fits(i + k, t))
                && self.required_present(row, *k)
        })
    }

    fn required_present(&self, row: &[&str], k: usize) -> bool {
        [Role::Name, Role::Target].iter().all(|r| {
            self.roles
                .iter()
                .position(|x| *x == Some(*r))
                .and_then(|c| c.checked_sub(k))
                .and_then(|i| row.get(i))
                .is_some_and(|t| !is_blank_text(t))
        })
    }

    fn fits(&self, col: usize, text: &str) -> bool {
        let blank = text.trim().is_empty() || is_blank_text(text);
        match self.roles.get(col).copied().flatten() {
            Some(Role::Level1) => blank || (level1_of(text).is_some() && !is_level2_name(text)),
            Some(Role::Name) => !blank && !is_operator(text),
            Some(Role::Level2) => blank || level2_of(text).is_some(),
            Some(Role::Points) | Some(Role::Score) => blank || number_of(text).is_some(),
            Some(_) => true,
            None => {
                let name = self.names.get(col).map(String::as_str).unwrap_or("");
                blank || name.is_empty() || squeeze(text) == name
            }
        }
    }
}

/// The national 二级 names: `成本指标` reads as 产出 by meaning, but in a 一级 column it
/// means the row lost a cell.
fn is_level2_name(text: &str) -> bool {
    const NAMES: &[&str] = &[
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    ];
    NAMES.contains(&key(text).as_str())
}

fn is_operator(text: &str) -> bool {
    matches!(
        squeeze(text).as_str(),
        "≥" | "≤" | ">" | "<" | "=" | "＞" | "＜" | "＝" | "定性"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_row_that_lost_its_border_cells_lines_up() {
        // A leading 绩效指标 column, then the form's indicator columns.
        let header: Vec<&str> = std::iter::once("绩效指标")
            .chain(crate::report::INDICATOR_HEADER)
            .collect();
        let cols = IndicatorColumns::of(&header);
        let cols = cols.as_ref();
        assert!(cols.is_some());
        let row = [
            "产出指标",
            "数量指标",
            "新建农村幸福院",
            "≥12所",
            "12所",
            "15",
            "15",
        ];
        assert_eq!(cols.and_then(|c| c.offset(&row)), Some(1));
        let row = [
            "",
            "",
            "可持续影响指标",
            "幸福院持续运营",
            "持续运营",
            "部分达成 70%",
            "15",
            "10.5",
            "x",
        ];
        assert_eq!(cols.and_then(|c| c.offset(&row)), Some(0));
    }
}
