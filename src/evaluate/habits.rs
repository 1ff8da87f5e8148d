//! Spreadsheet habits that give a wrong score without an error: a fraction typed for a
//! percentage (`0.92` for 92% under `≥90%`) reads as 0.92% and scores almost nothing. The
//! score stands as read (the text could mean 0.92%), but the row says what it assumed.

use crate::model::{Actual, ActualValue, Target, TargetKind};
use crate::score::Flag;
use rust_decimal::Decimal;

/// The `fraction-for-percent` flag, when `actual` is a bare number in (0, 1] and the
/// target a percentage above 1%.
pub fn fraction_for_percent(target: &Target, actual: Option<&Actual>) -> Option<Flag> {
    let TargetKind::Comparison(c) = &target.kind else {
        return None;
    };
    let percent_target = c
        .quantity
        .unit
        .as_ref()
        .is_some_and(|u| u.is_percent_like())
        && c.quantity.value > Decimal::ONE;
    let Some(ActualValue::Number { quantity }) = actual.map(|a| &a.value) else {
        return None;
    };
    let fraction =
        quantity.unit.is_none() && quantity.value > Decimal::ZERO && quantity.value <= Decimal::ONE;
    if !(percent_target && fraction) {
        return None;
    }
    let meant = (quantity.value * Decimal::ONE_HUNDRED).normalize();
    let v = quantity.value.normalize();
    Some(Flag::new(
        "fraction-for-percent",
        format!("实际完成值 {v} 没有写 %，按 {v}% 计分；若是 {meant}%，请写成 {meant}%"),
    ))
}
