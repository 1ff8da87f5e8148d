//! The cumulative spending plan (资金支出计划) as a function of the date: it rises
//! linearly from 0 on 1 January through its checkpoints, each at its month's end.

use crate::model::date::month_end;
use crate::scorecard::Checkpoint;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The planned cumulative share (percent) at `as_of` in `year`.
pub fn planned_share(plan: &[Checkpoint], year: i32, as_of: NaiveDate) -> Decimal {
    let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Decimal::ZERO;
    };
    if as_of < start {
        return Decimal::ZERO;
    }
    let mut prev = (start, Decimal::ZERO);
    let mut points: Vec<(NaiveDate, Decimal)> = plan
        .iter()
        .filter_map(|c| month_end(year, u32::from(c.month)).map(|d| (d, c.share)))
        .collect();
    points.sort_by_key(|p| p.0);
    for (date, share) in points {
        if as_of <= date {
            let span = (date - prev.0).num_days();
            if span <= 0 {
                return share;
            }
            let done = (as_of - prev.0).num_days();
            let rise = (share - prev.1)
                .checked_mul(Decimal::from(done))
                .and_then(|x| x.checked_div(Decimal::from(span)))
                .unwrap_or_default();
            return prev.1 + rise;
        }
        prev = (date, share);
    }
    prev.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Vec<Checkpoint> {
        [(3, 30), (6, 60), (10, 90), (12, 100)]
            .iter()
            .map(|&(m, s)| Checkpoint {
                month: m,
                share: Decimal::from(s),
            })
            .collect()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, m, d).unwrap()
    }

    #[test]
    fn checkpoints_are_hit_exactly() {
        assert_eq!(planned_share(&plan(), 2022, day(3, 31)), Decimal::from(30));
        assert_eq!(planned_share(&plan(), 2022, day(6, 30)), Decimal::from(60));
        assert_eq!(
            planned_share(&plan(), 2022, day(12, 31)),
            Decimal::from(100)
        );
    }

    #[test]
    fn between_checkpoints_is_linear_in_days() {
        // 1 Jan → 31 Mar is 89 days for 30%; 1 Jan itself is 0.
        assert_eq!(planned_share(&plan(), 2022, day(1, 1)), Decimal::ZERO);
        let mid = planned_share(&plan(), 2022, day(5, 15));
        // 31 Mar (30%) → 30 Jun (60%) is 91 days; 15 May is 45 days in.
        assert_eq!(
            mid,
            Decimal::from(30) + Decimal::from(30 * 45) / Decimal::from(91)
        );
    }
}
