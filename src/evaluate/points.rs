//! Sharing points among rows so every sum is exact: equal shares to 0.01 by largest
//! remainder, ties to the earlier row (the default policy, docs/language.md "Rules").

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
    let zeros = || vec![Decimal::ZERO; weights.len()];
    let sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(*w));
    let Some(sum) = sum else {
        return zeros();
    };
    if weights.is_empty() || sum <= Decimal::ZERO || total <= Decimal::ZERO {
        return zeros();
    }
    let cent = Decimal::new(1, POINT_PLACES);
    let Some(cents_total) = total.checked_div(cent).map(|c| c.floor()) else {
        return zeros();
    };
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
    // Each share is at most `cents_total`, so neither sum can overflow past it by much;
    // checked all the same.
    let Some(given) = cents
        .iter()
        .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(*c))
    else {
        return zeros();
    };
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

/// A level's explicit points against its weight, judged the same way by `check` (which
/// points at the scorecard text) and by `score` (which leaves the level's rows unscored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelPoints {
    /// No explicit points, or explicit points that leave the other rows a share.
    Fine,
    /// The explicit points add up to more than the weight (`None`: past any decimal).
    Over(Option<Decimal>),
    /// Every row has points and they add up to less than the weight.
    Short(Decimal),
    /// Some rows have no points and the explicit ones already reach the weight, so the
    /// others get 0: allowed, but probably not meant (a warning).
    Exhausted,
}

impl LevelPoints {
    /// Whether the level's points cannot be used as written.
    pub fn is_error(self) -> bool {
        matches!(self, LevelPoints::Over(_) | LevelPoints::Short(_))
    }

    /// The one-sentence message of an error, e.g. "the points of the 产出指标 rows add up
    /// to 60, more than the level's 50".
    pub fn message(self, level: &str, weight: Decimal) -> Option<String> {
        let w = weight.normalize();
        match self {
            LevelPoints::Over(Some(sum)) => Some(format!(
                "the points of the {level} rows add up to {}, more than the level's {w}",
                sum.normalize()
            )),
            LevelPoints::Over(None) => Some(format!(
                "the points of the {level} rows add up to more than the level's {w}"
            )),
            LevelPoints::Short(sum) => Some(format!(
                "the points of the {level} rows add up to {}, not the level's {w}",
                sum.normalize()
            )),
            LevelPoints::Fine | LevelPoints::Exhausted => None,
        }
    }
}

/// Judges a level of `rows` rows whose explicit points are `explicit` against `weight`
/// (the default policy: rows with explicit points keep them, the others share the rest). A level
/// whose rows all have points must add up to its weight exactly; explicit points may
/// never exceed it.
pub fn level_points(
    weight: Decimal,
    explicit: impl IntoIterator<Item = Decimal>,
    rows: usize,
) -> LevelPoints {
    let mut count = 0usize;
    let mut sum = Some(Decimal::ZERO);
    for p in explicit {
        count += 1;
        sum = sum.and_then(|s| s.checked_add(p));
    }
    if count == 0 {
        return LevelPoints::Fine;
    }
    match sum {
        None => LevelPoints::Over(None),
        Some(s) if s > weight => LevelPoints::Over(Some(s)),
        Some(s) if count >= rows && s != weight => LevelPoints::Short(s),
        Some(s) if count < rows && s == weight => LevelPoints::Exhausted,
        Some(_) => LevelPoints::Fine,
    }
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
    fn level_points_cases() {
        let lp = |explicit: &[Decimal], rows| level_points(dec!(50), explicit.to_vec(), rows);
        assert_eq!(lp(&[], 3), LevelPoints::Fine);
        assert_eq!(lp(&[dec!(20)], 3), LevelPoints::Fine);
        assert_eq!(lp(&[dec!(25), dec!(25)], 2), LevelPoints::Fine);
        assert_eq!(lp(&[dec!(60)], 1), LevelPoints::Over(Some(dec!(60))));
        assert_eq!(lp(&[dec!(60)], 2), LevelPoints::Over(Some(dec!(60))));
        assert_eq!(lp(&[dec!(0)], 1), LevelPoints::Short(dec!(0)));
        assert_eq!(lp(&[dec!(33.33)], 1), LevelPoints::Short(dec!(33.33)));
        assert_eq!(lp(&[dec!(50)], 2), LevelPoints::Exhausted);
        assert_eq!(
            lp(&[Decimal::MAX, Decimal::MAX], 2),
            LevelPoints::Over(None)
        );
    }

    #[test]
    fn weighted_by_level() {
        // 满意度 (10) not applicable: its points move to 产出 50 and 效益 30 in proportion.
        let s = split_weighted(dec!(10), &[dec!(50), dec!(30)]);
        assert_eq!(s, vec![dec!(6.25), dec!(3.75)]);
    }
}
