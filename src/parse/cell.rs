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

use crate::diagnostic::{Code, Diagnostic};
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
    pub fn code(&self, area: Area) -> Code {
        match (area, self.problem) {
            (Area::Actuals, Problem::NotAmount | Problem::Negative) => Code::ActualsBadAmount,
            (Area::Actuals, Problem::TooLarge) => Code::ActualsTooLarge,
            (Area::Actuals, Problem::NotDate) => Code::ActualsBadDate,
            (Area::Actuals, Problem::NotNumber) => Code::ActualsBadNumber,
            (Area::Spending, Problem::NotAmount | Problem::Negative) => Code::SpendingBadAmount,
            (Area::Spending, Problem::TooLarge) => Code::SpendingTooLarge,
            (Area::Spending, Problem::NotDate) => Code::SpendingBadDate,
            (Area::Spending, Problem::NotNumber) => Code::SpendingBadNumber,
        }
    }

    /// The one wording of this error, for the field `what` (e.g. "`spent`（全年执行数）")
    /// of a cell at `span`. The caller adds where the cell is when the span cannot say it.
    pub fn diagnostic(&self, area: Area, what: &str, span: Span) -> Diagnostic {
        let d = Diagnostic::new(self.code(area), span).arg("what", what);
        match self.problem {
            Problem::TooLarge => d
                .arg("shown", self.text.trim())
                .arg("max", NumberKind::Amount.max()),
            Problem::Negative => d.arg("text", &self.text).variant("negative"),
            _ => d.arg("text", &self.text),
        }
    }
}
