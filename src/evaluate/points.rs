//! Sharing points among rows so every sum is exact: equal shares to 0.01 by largest
//! remainder, ties to the earlier row (DESIGN §4).

use rust_decimal::Decimal;

/// The unit points are split to (0.01).
pub const POINT_PLACES: u32 = 2;

/// Splits `total` into `n` shares, each a multiple of 0.01, summing exactly to `total`
/// (when `total` is itself a multiple of 0.01). Larger remainders get the extra cent;
/// equal remainders go to the earlier row.
pub fn split_equally(total: Decimal, n: usize) -> Vec<Decimal> {
    split_weighted(total, &vec![Decimal::ONE; n])
}

/// Splits `total` in proportion to `weights` by largest remainder at 0.01.
pub fn split_weighted(total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let sum: Decimal = weights.iter().copied().sum();
    if weights.is_empty() || sum <= Decimal::ZERO || total <= Decimal::ZERO {
        return vec![Decimal::ZERO; weights.len()];
    }
    let cent = Decimal::new(1, POINT_PLACES);
    let cents_total = (total / cent).floor();
    let exact: Vec<Decimal> = weights
        .iter()
        .map(|w| {
            total
                .checked_mul(*w)
                .and_then(|x| x.checked_div(sum))
                .and_then(|x| x.checked_div(cent))
                .unwrap_or_default()
        })
        .collect();
    let mut cents: Vec<Decimal> = exact.iter().map(|e| e.floor()).collect();
    let given: Decimal = cents.iter().copied().sum();
    let mut left = (cents_total - given).max(Decimal::ZERO);
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; `sort_by` is stable, so ties keep the earlier row first.
    order.sort_by(|&a, &b| {
        let ra =
            exact.get(a).copied().unwrap_or_default() - cents.get(a).copied().unwrap_or_default();
        let rb =
            exact.get(b).copied().unwrap_or_default() - cents.get(b).copied().unwrap_or_default();
        rb.cmp(&ra)
    });
    for i in order {
        if left <= Decimal::ZERO {
            break;
        }
        if let Some(c) = cents.get_mut(i) {
            *c += Decimal::ONE;
            left -= Decimal::ONE;
        }
    }
    cents.into_iter().map(|c| c * cent).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fifty_over_four_rows() {
        assert_eq!(split_equally(dec!(50), 4), vec![dec!(12.5); 4]);
    }

    #[test]
    fn thirty_over_four_rows_is_exact() {
        assert_eq!(split_equally(dec!(30), 4), vec![dec!(7.5); 4]);
    }

    #[test]
    fn remainder_goes_to_earlier_rows() {
        let s = split_equally(dec!(10), 3);
        assert_eq!(s, vec![dec!(3.34), dec!(3.33), dec!(3.33)]);
        assert_eq!(s.iter().copied().sum::<Decimal>(), dec!(10));
    }

    #[test]
    fn weighted_by_level() {
        // 满意度 (10) not applicable: its points move to 产出 50 and 效益 30 in proportion.
        let s = split_weighted(dec!(10), &[dec!(50), dec!(30)]);
        assert_eq!(s, vec![dec!(6.25), dec!(3.75)]);
    }
}
