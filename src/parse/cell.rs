//! One reader for the cells people type into actuals and spending sheets: amounts, plain
//! numbers and dates read the same from TOML, CSV and xlsx, with one error wording.
//!
//! A cell is read the way a finance-bureau clerk writes it: full-width digits (`９.５`),
//! thousands separators (`1,009.86`), a unit (`9.5万元`, `95000元`, `1.2亿元`, converted
//! exactly to the column's unit, 万元), Chinese and slashed dates. Each loader keeps only
//! where a cell is (its span, its `Sheet!B7`); what the text means is decided here.

mod amount;
mod date;
mod headers;

pub use amount::{read_amount, read_number, read_plain_decimal};
pub use date::read_date;
pub use headers::{find_column, Field};

use crate::diagnostic::Diagnostic;
use crate::limits::NumberKind;
use crate::model::Span;

/// Why a cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a number with an amount unit.
    NotAmount,
    /// A negative amount.
    Negative,
    /// More than the amount limit, or more digits than an exact decimal holds.
    TooLarge,
    /// Not a date with a year.
    NotDate,
    /// Not a plain number.
    NotNumber,
}

/// The file kind a cell belongs to: it names the diagnostic's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Year-end actuals (TOML, CSV, xlsx).
    Actuals,
    /// The mid-year spending sheet of `monitor`.
    Spending,
}

/// A cell that does not read: the problem and the text as written (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub problem: Problem,
    pub text: String,
}

impl CellError {
    fn new(problem: Problem, text: &str) -> CellError {
        CellError {
            problem,
            text: text.trim().to_string(),
        }
    }

    /// The diagnostic code for a cell of `area`.
    pub fn code(&self, area: Area) -> &'static str {
        match (area, self.problem) {
            (Area::Actuals, Problem::NotAmount | Problem::Negative) => "actuals::bad-amount",
            (Area::Actuals, Problem::TooLarge) => "actuals::too-large",
            (Area::Actuals, Problem::NotDate) => "actuals::bad-date",
            (Area::Actuals, Problem::NotNumber) => "actuals::bad-number",
            (Area::Spending, Problem::NotAmount | Problem::Negative) => "spending::bad-amount",
            (Area::Spending, Problem::TooLarge) => "spending::too-large",
            (Area::Spending, Problem::NotDate) => "spending::bad-date",
            (Area::Spending, Problem::NotNumber) => "spending::bad-number",
        }
    }

    /// The one wording of this error, for the field `what` (e.g. "`spent`（全年执行数）")
    /// of a cell at `span`. The caller adds where the cell is when the span cannot say it.
    pub fn diagnostic(&self, area: Area, what: &str, span: Span) -> Diagnostic {
        let code = self.code(area);
        let text = &self.text;
        let (message, label, help) = match self.problem {
            Problem::TooLarge => {
                return crate::limits::too_large(text, NumberKind::Amount, code, what, span)
            }
            Problem::NotAmount => (format!("{what}「{text}」不是金额"), "不是金额", AMOUNT_HELP),
            Problem::Negative => (
                format!("{what}「{text}」是负数，金额不能为负"),
                "负数",
                AMOUNT_HELP,
            ),
            Problem::NotDate => (
                format!("{what}「{text}」不是日期"),
                "不是日期",
                "日期写作 2022-06-30、2022/6/30 或 2022年6月30日（要有年份）",
            ),
            Problem::NotNumber => (
                format!("{what}「{text}」不是数字"),
                "不是数字",
                "写一个数字，如 10 或 12.5；可用全角数字和千分位逗号",
            ),
        };
        Diagnostic::error(code, message, span)
            .with_label(label)
            .with_help(help)
    }
}

const AMOUNT_HELP: &str =
    "金额以万元为单位，如 9.50；也可写 1,009.86、9.5万元、95000元 或 1.2亿元（换算为万元）";
