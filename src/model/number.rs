//! How an exact decimal is written for a person: below the scorer, because the policy's
//! own messages (policy/) and every renderer write numbers the same way.

use rust_decimal::Decimal;

/// Plain display of an exact decimal: no trailing zeros.
pub fn d(x: Decimal) -> String {
    x.normalize().to_string()
}
