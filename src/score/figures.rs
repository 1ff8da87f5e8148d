//! The numbers a row was scored with, as the scorer read them: what `explain` prints on
//! its `数值` line and what a person needs to redo the arithmetic. Recorded once, where
//! the scorer computes them, so that no reader has to parse the target or the actual
//! again (and cannot come to a different number than the scorer did).

use crate::model::Grade;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Every field is `None` when the row's kind has no such number or it was not reached
/// (an actual that could not be read stops before `actual`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// T: a comparison's target, in its unit with its magnitude word applied (`2万` is
    /// 20000); every other number of the row is read in the same terms.
    pub target: Option<Decimal>,
    /// L and H: a range's bounds, in the unit of its upper bound.
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    /// B: a change row's baseline (上年值), in its own unit.
    pub baseline: Option<Decimal>,
    /// A: the actual in the unit of the target (or of the baseline, for a change row).
    pub actual: Option<Decimal>,
    /// r: the change a change row requires (percent for a relative change).
    pub required: Option<Decimal>,
    /// c: the change achieved, signed in the target's direction.
    pub change: Option<Decimal>,
    /// Whether the required change is relative (a percent of the baseline).
    pub relative_change: bool,
    /// A deadline's last day and the day it was done.
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    /// A grade (qualitative rows, or a grade given for a number) and the share of the
    /// points it is worth, in percent; also the share a deadline row earns.
    pub grade: Option<Grade>,
    pub share: Option<Decimal>,
}
