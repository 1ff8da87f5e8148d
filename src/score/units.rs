//! Unit-aware comparison of quantities, used by the parser (range bounds) and scorer.

use crate::model::quantity::{in_unit_of, UnitMismatch};
use crate::model::Quantity;
use std::cmp::Ordering;

/// Orders `a` against `b`, converting `a` into `b`'s unit.
pub fn compare_in_unit(a: &Quantity, b: &Quantity) -> Result<Ordering, UnitMismatch> {
    let av = in_unit_of(a, b)?;
    Ok(av.cmp(&b.scaled()))
}
