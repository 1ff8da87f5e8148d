//! Unit-aware comparison of quantities, used by the parser (range bounds) and scorer.

use super::quantity::{in_unit_of, UnitError};
use super::Quantity;
use std::cmp::Ordering;

/// Orders `a` against `b`, converting `a` into `b`'s unit.
pub fn compare_in_unit(a: &Quantity, b: &Quantity) -> Result<Ordering, UnitError> {
    let av = in_unit_of(a, b)?;
    let bv = b.checked_scaled().ok_or(UnitError::TooLarge)?;
    Ok(av.cmp(&bv))
}
