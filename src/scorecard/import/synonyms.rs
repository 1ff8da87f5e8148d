//! Everything the interpreter recognises by name, in one place: the header words of the
//! indicator columns, the labels of project information and money, the level names, and
//! template leftovers. Extend these tables (not the code) when a new form uses a new word.
//!
//! Matching is on [`key`]: whitespace removed, full-width brackets and colons made ASCII,
//! and a trailing note in brackets (`（必填）`, `(50分)`, `（万元）`) dropped.

/// What an indicator table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Level1,
    Level2,
    Name,
    Target,
    /// 指标性质 / 指标方向: 正向/反向/定性, or an operator.
    Nature,
    Unit,
    Points,
    Description,
    Basis,
    /// A column the importer does not import (its cells are noted once per table).
    Ignored,
    /// Multi-project tables: the project each row belongs to.
    Project,
    ProjectCode,
    ProjectBudget,
    /// Bulk exports: the budget year of each row.
    Year,
    /// Bulk exports: the unit of each row's project.
    ProjectUnit,
}

/// Header words, compared whole after [`key`].
pub const COLUMN_WORDS: &[(Col, &[&str])] = &[
    (Col::Level1, &["一级指标", "一级", "一级指标名称"]),
    (Col::Level2, &["二级指标", "二级", "二级指标名称"]),
    (
        Col::Name,
        &[
            "三级指标",
            "三级",
            "三级指标名称",
            "指标内容",
            "指标名称",
            "具体指标",
            "绩效指标名称",
            "三级指标内容",
        ],
    ),
    (
        Col::Target,
        &[
            "指标值",
            "年度指标值",
            "指标值及单位",
            "目标值",
            "年度数值",
            "全年指标值",
            "预期目标",
            "年度目标值",
            "绩效指标值",
            "目标值及单位",
            "计划指标值",
            "指标目标值",
            "预期指标值",
            "年度预期目标",
            "绩效目标值",
            "数值",
            "预期目标值",
            "年度绩效目标值",
            "指标目标",
            "预期绩效目标",
            "年度指标",
        ],
    ),
    (
        Col::Nature,
        &[
            "指标性质",
            "指标方向",
            "性质",
            "方向",
            "指标类型",
            "比较符",
            "运算符",
            "运算符号",
            "符号",
        ],
    ),
    (Col::Unit, &["度量单位", "计量单位", "单位", "指标单位"]),
    (
        Col::Points,
        &[
            "权重",
            "分值",
            "指标分值",
            "权重分值",
            "权重(%)",
            "分值(分)",
        ],
    ),
    (
        Col::Description,
        &[
            "绩效指标描述",
            "指标解释",
            "指标说明",
            "指标描述",
            "指标定义",
        ],
    ),
    (
        Col::Basis,
        &["指标值确定依据", "指标值设定依据", "确定依据", "设定依据"],
    ),
    (
        Col::Ignored,
        &[
            "绩效标准",
            "评(扣)分标准",
            "评分标准",
            "扣分标准",
            "评分规则",
            "备注",
            "数据来源",
            "指标来源",
            "序号",
            "实际完成值",
            "全年实际值",
            "完成值",
            "得分",
            "偏差原因分析及改进措施",
            "偏差原因",
            "未完成原因",
            "指标值说明",
        ],
    ),
    (Col::Project, &["项目名称"]),
    (Col::Year, &["预算年度", "年度", "项目年度"]),
    (
        Col::ProjectUnit,
        &["单位名称", "预算单位", "实施单位", "部门名称", "项目单位"],
    ),
    (Col::ProjectCode, &["项目编码", "项目代码", "项目编号"]),
    (
        Col::ProjectBudget,
        &[
            "资金总额",
            "预算数",
            "预算金额",
            "年度预算",
            "年度资金总额",
            "项目资金",
            "预算资金",
            "项目金额",
            "金额",
        ],
    ),
];

/// Header words recognised when contained in a longer header (`指标值（包含数字及文字描述）`).
pub const COLUMN_PARTS: &[(Col, &str)] = &[
    (Col::Basis, "确定依据"),
    (Col::Ignored, "扣分"),
    (Col::Ignored, "评分"),
    (Col::Target, "指标值"),
    (Col::Target, "目标值"),
    (Col::Name, "三级指标"),
    (Col::Points, "权重"),
    (Col::Points, "分值"),
    (Col::Level1, "一级指标"),
    (Col::Level2, "二级指标"),
];

/// Labels of project information and money, compared whole after [`key`] (a value may
/// follow in the next cell, below, or after a colon in the same cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Name,
    Code,
    Department,
    Unit,
    Manager,
    Period,
    Purpose,
    Goals,
    /// 年度资金总额 and its kin: the project's total for the year.
    Total,
    /// 财政拨款: counts as fiscal funds and towards the total.
    Fiscal,
    /// 上年结转: the carry-over, a part of the total of its own.
    Part,
    /// 省级补助, 县级配套: parts of 财政拨款, towards the total only without it.
    SubFiscal,
    /// 其他资金.
    Other,
    /// 预算年度: the fiscal year.
    Year,
    /// Words that frame the form (`项目资金（万元）`, `绩效指标`): recognised, nothing to read.
    Frame,
}

pub const LABELS: &[(Label, &[&str])] = &[
    (
        Label::Name,
        &[
            "项目名称",
            "项目名称(全称)",
            "项目全称",
            "专项名称",
            "二级项目名称",
        ],
    ),
    (Label::Code, &["项目编码", "项目代码", "项目编号"]),
    (
        Label::Department,
        &[
            "主管部门",
            "主管单位",
            "主管部门名称",
            "部门名称",
            "预算部门",
            "主管部门及代码",
            "部门(单位)名称",
            "单位名称",
            "填报单位",
        ],
    ),
    (
        Label::Unit,
        &[
            "实施单位",
            "项目单位",
            "项目实施单位",
            "预算单位",
            "实施主体",
            "项目承担单位",
        ],
    ),
    (
        Label::Manager,
        &[
            "项目负责人",
            "负责人",
            "联系人",
            "联系电话",
            "项目联系人",
            "填报人",
            "填表人",
            "审核人",
            "单位负责人",
            "财务负责人",
            "分管领导",
            "填报日期",
            "填表日期",
            "电话",
        ],
    ),
    (
        Label::Period,
        &[
            "项目期限",
            "项目期",
            "项目执行期",
            "执行期限",
            "实施期限",
            "实施期",
            "项目周期",
            "项目实施期",
            "起止时间",
            "项目起止时间",
            "实施时间",
        ],
    ),
    (
        Label::Purpose,
        &[
            "资金用途",
            "项目内容",
            "主要内容",
            "项目概况",
            "项目主要内容",
            "立项依据",
            "项目属性",
            "项目类型",
            "项目类别",
        ],
    ),
    (
        Label::Goals,
        &[
            "年度总体目标",
            "总体目标",
            "年度目标",
            "绩效目标",
            "年度绩效目标",
            "项目绩效目标",
            "部门整体绩效目标",
            "年度主要任务",
            "部门职能",
            "中长期目标",
        ],
    ),
    (
        Label::Total,
        &[
            "年度资金总额",
            "资金总额",
            "年度预算金额",
            "年初安排数",
            "本年预算数",
            "项目总投资(当年)",
            "预算数",
            "年初预算数",
            "项目资金总额",
            "年度预算",
            "预算金额",
            "项目预算",
            "预算资金总额",
            "年度资金",
            "部门预算总额",
            "年度预算总额",
        ],
    ),
    (
        Label::Fiscal,
        &[
            "财政拨款",
            "其中:财政拨款",
            "当年财政拨款",
            "其中:当年财政拨款",
            "财政拨款小计",
            "财政资金",
            "其中:财政资金",
            "财政拨款(小计)",
            "一般公共预算",
            "本级财政资金",
            "财政性资金",
        ],
    ),
    (
        Label::Part,
        &["上年结转", "上年结转资金", "结转资金", "上年结余"],
    ),
    (
        Label::SubFiscal,
        &[
            "上级补助",
            "上级资金",
            "政府性基金",
            "中央补助",
            "中央资金",
            "省级补助",
            "省级资金",
            "市级补助",
            "市级资金",
            "县级配套",
            "县级资金",
            "配套资金",
            "区级配套",
        ],
    ),
    (
        Label::Other,
        &["其他资金", "其他", "自筹资金", "单位自筹", "其他来源资金"],
    ),
    (Label::Year, &["预算年度", "填报年度", "项目年度", "年度"]),
    (
        Label::Frame,
        &[
            "项目资金",
            "资金情况",
            "项目资金情况",
            "资金来源",
            "绩效指标",
            "年度绩效指标",
            "项目基本情况",
            "基本信息",
            "项目信息",
            "预算情况",
            "年度资金情况",
            "项目资金(万元)",
        ],
    ),
];

/// National 一级指标 by meaning: a word found in the label → the level.
pub const LEVEL1_WORDS: &[(&str, &str)] = &[
    ("满意", "满意度指标"),
    ("效益", "效益指标"),
    ("效果", "效益指标"),
    ("影响", "效益指标"),
    ("产出", "产出指标"),
    ("完成", "产出指标"),
    ("成本", "产出指标"),
];

/// National 二级指标 by meaning, first match wins (成本 before 经济: `经济成本指标` is a cost).
pub const LEVEL2_WORDS: &[(&str, &str)] = &[
    ("成本", "成本指标"),
    ("满意", "服务对象满意度指标"),
    ("数量", "数量指标"),
    ("质量", "质量指标"),
    ("时效", "时效指标"),
    ("进度", "时效指标"),
    ("时间", "时效指标"),
    ("经济", "经济效益指标"),
    ("社会", "社会效益指标"),
    ("生态", "生态效益指标"),
    ("环境", "生态效益指标"),
    ("可持续", "可持续影响指标"),
    ("持续", "可持续影响指标"),
];

/// Rows that sum, not projects or indicators.
pub const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "总分", "合 计"];

/// A cell text that is a template's blank, not content.
pub fn is_placeholder(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    if t.contains("**") || t.contains("××") || t.contains("XX") || t.contains("xx") {
        return true;
    }
    if t.chars()
        .all(|c| matches!(c, '…' | '.' | '。' | '·' | '-' | '—' | '_' | '／' | '/'))
    {
        return true;
    }
    // `指标1：`, `指标2`, `三级指标1`.
    let bare = t.trim_end_matches([':', '：']);
    let digits = bare
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits > 0 && {
        let head: String = bare.chars().take(bare.chars().count() - digits).collect();
        matches!(head.as_str(), "指标" | "三级指标" | "二级指标" | "指标名称")
    }
}

/// Text made comparable: no whitespace, ASCII brackets and colons, `*`/`★` marks dropped.
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '★' | '☆'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '【' | '[' => '(',
            '】' | ']' => ')',
            c => c,
        })
        .collect()
}

/// [`squeeze`], then a trailing `:` and a trailing bracketed note dropped.
pub fn key(s: &str) -> String {
    let mut k = squeeze(s);
    loop {
        let before = k.len();
        while k.ends_with(':') {
            k.pop();
        }
        if k.ends_with(')') {
            if let Some(open) = k.rfind('(') {
                if open > 0 {
                    k.truncate(open);
                }
            }
        }
        if k.len() == before {
            break;
        }
    }
    k
}

/// The bracketed note of a label (`（万元）` → `万元`), for units written there.
pub fn note(s: &str) -> Option<String> {
    let k = squeeze(s);
    let open = k.rfind('(')?;
    let close = k.rfind(')')?;
    (close > open).then(|| k.get(open + 1..close).unwrap_or("").to_string())
}

pub fn column_of(text: &str) -> Option<Col> {
    let k = key(text);
    let sq = squeeze(text);
    if k.is_empty() {
        return None;
    }
    for (col, words) in COLUMN_WORDS {
        if words.iter().any(|w| *w == k || *w == sq) {
            return Some(*col);
        }
    }
    // A longer header holds a known word: the target only when it ends the header
    // (`全年绩效指标值`, `指标值（包含数字及文字描述）`), never `指标值来源`.
    COLUMN_PARTS
        .iter()
        .find(|(col, part)| match col {
            Col::Target => k.ends_with(part),
            _ => sq.contains(part),
        })
        .map(|(c, _)| *c)
}

pub fn label_of(text: &str) -> Option<Label> {
    let k = key(text);
    let sq = squeeze(text);
    if k.is_empty() {
        return None;
    }
    let k2 = k
        .strip_prefix("其中:")
        .or_else(|| k.strip_prefix("其中"))
        .unwrap_or(&k);
    for (label, words) in LABELS {
        if words.iter().any(|w| *w == k || *w == sq || *w == k2) {
            return Some(*label);
        }
    }
    None
}

/// The national 一级指标 a published label means.
pub fn level1_of(label: &str) -> Option<&'static str> {
    level_meant(LEVEL1_WORDS, label)
}

/// The national 二级指标 a published label means.
pub fn level2_of(label: &str) -> Option<&'static str> {
    level_meant(LEVEL2_WORDS, label)
}

/// The level of the first word of `words` the label contains: the tables list the more
/// telling words first.
fn level_meant(words: &[(&str, &'static str)], label: &str) -> Option<&'static str> {
    let k = key(label);
    words.iter().find(|(w, _)| k.contains(w)).map(|(_, l)| *l)
}

pub fn is_total(text: &str) -> bool {
    let k = key(text);
    TOTAL_WORDS.iter().any(|w| key(w) == k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_words() {
        assert_eq!(key("质量指标（必填）"), "质量指标");
        assert_eq!(key("年度资金总额（万元）："), "年度资金总额");
        assert_eq!(column_of("指标值（包含数字及文字描述）"), Some(Col::Target));
        assert_eq!(column_of("指标值确定依据"), Some(Col::Basis));
        assert_eq!(column_of("评（扣）分标准"), Some(Col::Ignored));
        assert_eq!(label_of("其中：财政拨款"), Some(Label::Fiscal));
        assert_eq!(level1_of("项目完成\n指标"), Some("产出指标"));
        assert_eq!(level2_of("数量值"), Some("数量指标"));
        assert_eq!(level2_of("经济成本指标"), Some("成本指标"));
        assert!(is_placeholder("指标1："));
        assert!(is_placeholder("（≥**%）"));
        assert!(is_placeholder("……"));
        assert!(!is_placeholder("100%"));
    }
}
