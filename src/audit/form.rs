//! A published 自评表 as printed: every cell kept as its text (what a reviewer sees) next
//! to the number read from it, so a verdict can quote the form and a check can work on
//! what was printed rather than on what it should have been.

use crate::scorecard::import::synonyms::squeeze;
use rust_decimal::Decimal;
use serde::Serialize;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// 项目支出绩效自评表.
    Project,
    /// 部门整体支出绩效自评表.
    Department,
}

impl FormKind {
    pub fn label(self) -> &'static str {
        match self {
            FormKind::Project => "项目支出绩效自评表",
            FormKind::Department => "部门整体支出绩效自评表",
        }
    }
}

/// A cell as printed and where it is (`table 1, row 12, cell 7`, `Sheet1!G12`, `line 14`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Printed {
    pub text: String,
    pub at: String,
}

impl Printed {
    pub fn new(text: &str, at: String) -> Printed {
        Printed {
            text: text.trim().to_string(),
            at,
        }
    }
    /// Blank, `—`, `-`, `/` or `无`: nothing printed.
    pub fn is_blank(&self) -> bool {
        is_blank_text(&self.text)
    }
    /// The number printed (`9.5`, `10%` in a 权重 column, `10分`); `None` when blank or
    /// not a number.
    pub fn number(&self) -> Option<Decimal> {
        number_of(&self.text)
    }
}

pub fn is_blank_text(text: &str) -> bool {
    let t = squeeze(text);
    t.is_empty()
        || matches!(
            t.as_str(),
            "—" | "－" | "-" | "--" | "——" | "/" | "／" | "无"
        )
}

/// A number as forms print points and scores: `9.5`, `10.0`, `10%`, `10％`, `15分`.
pub fn number_of(text: &str) -> Option<Decimal> {
    let t = squeeze(text);
    let t = t
        .trim_end_matches(['%', '％', '分'])
        .replace([',', '，'], "");
    let body = t.strip_prefix('+').unwrap_or(&t);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    Decimal::from_str(body).ok().filter(|v| *v <= max_printed())
}

/// The largest number read from a form (10¹²): far above any score, percent or amount in
/// 万元, and small enough that the audit's products and sums of such numbers stay exact.
pub fn max_printed() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

/// The 项目资金 line (年度资金总额) as printed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PublishedBudget {
    pub initial: Printed,
    pub adjusted: Printed,
    pub spent: Printed,
    pub points: Printed,
    pub rate: Printed,
    pub score: Printed,
}

/// One indicator row as printed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PublishedRow {
    /// National 一级 name (`产出指标`), mapped from what the form prints.
    pub level1: String,
    pub level2: String,
    pub name: Printed,
    /// 指标性质 when the form has that column (`正向`, `反向`, `定性`, `区间`).
    pub nature: String,
    /// 度量单位 when the form prints the unit in a column of its own.
    pub unit: String,
    pub target: Printed,
    pub actual: Printed,
    pub points: Printed,
    pub score: Printed,
    pub reason: Printed,
}

impl PublishedRow {
    pub fn is_not_applicable(&self) -> bool {
        squeeze(&self.actual.text).contains("不适用") || squeeze(&self.target.text) == "不适用"
    }
    /// Whether the 偏差原因 cell says nothing (blank, `—`, `/`, `无`).
    pub fn reason_missing(&self) -> bool {
        self.reason.is_blank()
    }
}

/// The 总分 line: the full points, the total and the grade as printed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PublishedTotal {
    pub points: Printed,
    pub total: Printed,
    pub grade: Printed,
}

/// One 自评表 as the document prints it.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedForm {
    pub kind: FormKind,
    pub name: String,
    pub dept: String,
    pub unit: String,
    /// Where the form starts.
    pub at: String,
    pub budget: Option<PublishedBudget>,
    /// Not in the JSON here: each row is written with its verdict in the audit.
    #[serde(skip)]
    pub rows: Vec<PublishedRow>,
    pub total: Option<PublishedTotal>,
}

impl PublishedForm {
    pub fn new(kind: FormKind, at: String) -> PublishedForm {
        PublishedForm {
            kind,
            name: String::new(),
            dept: String::new(),
            unit: String::new(),
            at,
            budget: None,
            rows: Vec::new(),
            total: None,
        }
    }
    /// Whether anything beyond the title has been read into the form.
    pub fn is_started(&self) -> bool {
        !self.name.is_empty() || self.budget.is_some() || !self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_numbers() {
        let d = |s: &str| Decimal::from_str(s).ok();
        assert_eq!(number_of("10%"), d("10"));
        assert_eq!(number_of(" 9.5 "), d("9.5"));
        assert_eq!(number_of("15分"), d("15"));
        assert_eq!(number_of("—"), None);
        assert_eq!(number_of("优"), None);
        assert!(is_blank_text(" / "));
        assert!(is_blank_text("无"));
        assert!(!is_blank_text("0"));
        assert_eq!(number_of("99999999999999999999999999"), None);
    }
}
