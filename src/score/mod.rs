//! Scoring: a [`Policy`] value and the evaluation of rows against it. Exact decimals
//! throughout; each row is rounded once, at the end, half-up.

pub mod figures;
pub mod flag;
pub mod formula;
pub mod policy;
pub mod row;
pub mod units;

pub use figures::Figures;
pub use flag::{Flag, FlagCode};
pub use policy::{Formula, Policy};
pub use row::{
    is_target_zero, row_formula_context, score_row, RowInput, RowScore, RuleKind, Status, Trace,
    YEAR_UNSTATED,
};
