//! Applying a [`Formula`] to one numeric row. Returns the exact (unrounded) score and the
//! arithmetic written out with the numbers, for the trace.

use super::policy::{Formula, StepBasis};
use crate::model::Direction;
use rust_decimal::Decimal;

pub use crate::model::number::d;

/// A number in a formula line, readable: a value with over 4 decimals (a converted unit,
/// `50小时` = 2.0833…天) shows 2 decimals, or 3 significant digits when it is below 1.
/// Display only: the exact value is what is scored, and `explain` shows it in full.
pub fn shown(x: Decimal) -> String {
    let n = x.normalize();
    if n.scale() <= 4 {
        return n.to_string();
    }
    let places = if n.abs() >= Decimal::ONE {
        2
    } else {
        // 0.000416… → 0.000417: the leading zeros after the point, then 3 digits.
        let mut zeros = 0u32;
        let mut v = n.abs();
        while v < Decimal::new(1, 1) && zeros < 24 {
            v *= Decimal::TEN;
            zeros += 1;
        }
        zeros + 3
    };
    n.round_dp(places).normalize().to_string()
}

/// Display with exactly `places` decimals (already rounded values).
pub fn fixed(x: Decimal, places: u32) -> String {
    format!("{:.*}", places as usize, x)
}

pub struct Applied {
    pub exact: Decimal,
    /// The right-hand side of the formula line, e.g. `10 × 1800/2000`.
    pub working: String,
}

/// Scores actual `a` against target `t` (same unit, `t` > 0) with `w` points.
/// `met` is whether the row reached its target (a ≥ t positive, a ≤ t reverse).
/// Returns `None` only when the numbers are too large for exact arithmetic.
pub fn apply(
    f: &Formula,
    dir: Direction,
    a: Decimal,
    t: Decimal,
    w: Decimal,
    met: bool,
) -> Option<Applied> {
    let full = || applied(w, "满分".to_string());
    match f {
        Formula::Proportional | Formula::Inverse if met => full(),
        Formula::Proportional | Formula::Inverse => proportional(dir, a, t, w),
        Formula::Linear { .. } | Formula::AllOrNothing if met => full(),
        Formula::Linear { zero_at } => linear(*zero_at, dir, a, t, w),
        Formula::AllOrNothing => applied(Decimal::ZERO, "未达到 → 0".to_string()),
        Formula::Steps { on, bands } => steps(*on, bands, dir, a, t, w),
        Formula::PerUnit {
            per,
            deduct,
            floor,
            cap,
        } => {
            let short = match dir {
                Direction::Positive => t.checked_sub(a)?,
                Direction::Reverse => a.checked_sub(t)?,
            };
            if short <= Decimal::ZERO || per.is_zero() {
                return full();
            }
            per_unit(short, *per, *deduct, *floor, *cap, w)
        }
    }
}

fn applied(exact: Decimal, working: String) -> Option<Applied> {
    Some(Applied { exact, working })
}

/// Proportional (positive: w × A/T) and inverse (reverse: w × T/A), below the target.
fn proportional(dir: Direction, a: Decimal, t: Decimal, w: Decimal) -> Option<Applied> {
    match dir {
        Direction::Positive if a <= Decimal::ZERO => {
            applied(Decimal::ZERO, format!("{} ≤ 0 → 0", shown(a)))
        }
        Direction::Positive => applied(
            div(mul(w, a)?, t)?,
            format!("{} × {}/{}", shown(w), shown(a), shown(t)),
        ),
        Direction::Reverse => applied(
            div(mul(w, t)?, a)?,
            format!("{} × {}/{}", shown(w), shown(t), shown(a)),
        ),
    }
}

/// Linear from full marks at T down to zero at `z`×T, clamped to [0, w].
fn linear(z: Decimal, dir: Direction, a: Decimal, t: Decimal, w: Decimal) -> Option<Applied> {
    if z == Decimal::ONE || t.is_zero() {
        return applied(Decimal::ZERO, "0".to_string());
    }
    let r = div(a, t)?;
    let share = match dir {
        Direction::Positive => div(r.checked_sub(z)?, Decimal::ONE - z)?,
        Direction::Reverse => div(z.checked_sub(r)?, z - Decimal::ONE)?,
    };
    let share = share.clamp(Decimal::ZERO, Decimal::ONE);
    let (w_, a_, t_, z_) = (shown(w), shown(a), shown(t), shown(z));
    let working = match dir {
        Direction::Reverse if z == Decimal::TWO => format!("{w_} × (1 − ({a_}−{t_})/{t_})"),
        Direction::Reverse => format!("{w_} × ({z_} − {a_}/{t_})/({z_} − 1)"),
        Direction::Positive => format!("{w_} × ({a_}/{t_} − {z_})/(1 − {z_})"),
    };
    let working = if share.is_zero() {
        format!("{working} → 0 (clamped)")
    } else {
        working
    };
    applied(mul(w, share)?, working)
}

/// The band the value (or the completion ratio) falls in gives its share of the points.
fn steps(
    on: StepBasis,
    bands: &[super::policy::Step],
    dir: Direction,
    a: Decimal,
    t: Decimal,
    w: Decimal,
) -> Option<Applied> {
    let (x, what) = match on {
        StepBasis::Value => (a, shown(a)),
        StepBasis::Ratio => {
            let r = completion_percent(dir, a, t)?;
            (r, format!("完成率 {}%", shown(r.round_dp(2))))
        }
    };
    let band = bands
        .iter()
        .find(|b| x >= b.low && b.high.is_none_or(|h| x < h));
    match band {
        Some(b) => applied(
            div(mul(w, b.share)?, Decimal::ONE_HUNDRED)?,
            format!(
                "{what} ∈ [{}, {}) → {} × {}%",
                shown(b.low),
                b.high.map(d).unwrap_or_else(|| "∞".to_string()),
                shown(w),
                shown(b.share)
            ),
        ),
        None => applied(Decimal::ZERO, format!("{what} 不在任何档位 → 0")),
    }
}

/// `deduct` off per started `per` of shortfall, at most `cap`, never below `floor` or 0.
fn per_unit(
    short: Decimal,
    per: Decimal,
    deduct: Decimal,
    floor: Decimal,
    cap: Option<Decimal>,
    w: Decimal,
) -> Option<Applied> {
    let units = div(short, per)?.ceil();
    let uncapped = mul(units, deduct)?;
    let off = match cap {
        Some(c) => uncapped.min(c),
        None => uncapped,
    };
    let exact = w.checked_sub(off)?.max(floor).max(Decimal::ZERO);
    applied(
        exact,
        format!(
            "{} − {}×{} (差 {}，每{}扣{}){}",
            shown(w),
            shown(units),
            shown(deduct),
            shown(short),
            shown(per),
            shown(deduct),
            if off < uncapped || exact > w - off {
                "，封顶/保底"
            } else {
                ""
            }
        ),
    )
}

/// Completion in percent: positive A/T, reverse T/A (A = 0 counts as 100% done).
pub fn completion_percent(dir: Direction, a: Decimal, t: Decimal) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    match dir {
        Direction::Positive if t.is_zero() => Some(hundred),
        Direction::Positive => mul(div(a, t)?, hundred),
        Direction::Reverse if a.is_zero() => Some(hundred),
        Direction::Reverse => mul(div(t, a)?, hundred),
    }
}

/// Checked arithmetic: user numbers can be large enough to overflow a Decimal.
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}
