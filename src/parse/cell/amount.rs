//! Numbers and amounts as typed: full-width digits, thousands separators, a sign, and for
//! amounts a unit converted exactly to 万元.

use super::{CellError, Problem};
use crate::parse::normalize::normalize_char;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// Units an amount cell may carry, longest first, and how many 万元 one of them is
/// (`None`: one 元 is 1/10000 万元).
const UNITS: [(&str, Option<i64>); 5] = [
    ("亿元", Some(10_000)),
    ("万元", Some(1)),
    ("亿", Some(10_000)),
    ("万", Some(1)),
    ("元", None),
];

/// An amount in 万元 (全年预算数, 全年执行数, 累计支出): zero or more, at most
/// [`MAX_AMOUNT_WAN`](crate::limits::MAX_AMOUNT_WAN). `9.5`, `９.５`, `1,009.86`,
/// `9.5万元`, `95000元` and `0.00095亿元` all read 9.5 (or 1009.86), exactly.
pub fn read_amount(text: &str) -> Result<Decimal, CellError> {
    let bad = |p| CellError::new(p, text);
    let half = half_width(text);
    let t = half.trim();
    let (body, per_unit) = UNITS
        .iter()
        .find_map(|(u, per)| t.strip_suffix(u).map(|b| (b.trim_end(), *per)))
        .unwrap_or((t, Some(1)));
    let (negative, value) = signed(body).map_err(bad)?;
    let wan = match per_unit {
        Some(1) => Some(value),
        Some(n) => value.checked_mul(Decimal::from(n)),
        None => value.checked_div(Decimal::from(10_000)),
    }
    .ok_or(bad(Problem::TooLarge))?;
    if negative && !wan.is_zero() {
        return Err(bad(Problem::Negative));
    }
    if wan > crate::limits::MAX_AMOUNT_WAN {
        return Err(CellError::new(
            Problem::TooLarge,
            &wan.normalize().to_string(),
        ));
    }
    Ok(wan.abs())
}

/// A plain number (a row's points, a share): digits as in [`read_amount`], no unit; the
/// sign is kept, so the caller decides whether a negative number is allowed.
pub fn read_number(text: &str) -> Result<Decimal, CellError> {
    let half = half_width(text);
    match signed(half.trim()) {
        Ok((true, d)) => Ok(-d),
        Ok((false, d)) => Ok(d),
        Err(Problem::NotAmount) => Err(CellError::new(Problem::NotNumber, text)),
        Err(p) => Err(CellError::new(p, text)),
    }
}

/// A plain decimal as a scorecard file writes it: optional sign, ASCII digits, optional
/// fraction, `_` between digits (TOML). No separators, units or exponents: the scorecard
/// is a file the tool reads back, so anything else in it is a typing mistake to report.
pub fn read_plain_decimal(raw: &str) -> Option<Decimal> {
    let t = raw.trim().replace('_', "");
    let body = t.strip_prefix(['+', '-']).unwrap_or(&t);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Decimal::from_str(t.strip_prefix('+').unwrap_or(&t)).ok()
}

/// Full-width digits, points, commas and signs in their half-width form; ASCII text as is.
fn half_width(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(normalize_char).collect())
    }
}

/// A number with an optional sign: (negative, magnitude).
fn signed(body: &str) -> Result<(bool, Decimal), Problem> {
    let (negative, digits) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    Ok((negative, magnitude(digits.trim_start())?))
}

/// Digits with an optional fraction; `,` groups thousands (`1,009.86`: three digits after
/// each comma, so `1,00` is refused rather than guessed) and `_` may stand between digits.
fn magnitude(digits: &str) -> Result<Decimal, Problem> {
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let groups_ok = match int.split_once(',') {
        // `.5` as people type it: no digits before the point, some after.
        None if int.is_empty() => frac.is_some_and(is_digits),
        None => is_digits(int),
        Some((first, rest)) => {
            first.len() <= 3
                && is_digits(first)
                && rest.split(',').all(|g| g.len() == 3 && is_digits(g))
        }
    };
    let edges_ok = !int.starts_with('_') && !int.ends_with('_');
    // `5.`: a point with no digits after it is the number before it.
    let frac_ok = frac.is_none_or(|f| f.is_empty() || is_digits(f) && !f.ends_with('_'));
    if !groups_ok || !edges_ok || !frac_ok {
        return Err(Problem::NotAmount);
    }
    let plain: Cow<'_, str> = if digits.contains([',', '_']) {
        Cow::Owned(digits.chars().filter(|c| *c != ',' && *c != '_').collect())
    } else {
        Cow::Borrowed(digits)
    };
    // Well-formed digits that a `Decimal` cannot hold are too many, not "not a number".
    Decimal::from_str(&plain).map_err(|_| Problem::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_as_typed() {
        for (text, want) in [
            ("9.50", dec!(9.50)),
            ("９.５", dec!(9.5)),
            ("1,009.86", dec!(1009.86)),
            ("１，００９．８６", dec!(1009.86)),
            ("9.5万元", dec!(9.5)),
            ("9.5 万元", dec!(9.5)),
            ("95000元", dec!(9.5)),
            ("0.00095亿元", dec!(9.5)),
            ("1_000", dec!(1000)),
            ("-0", dec!(0)),
            (".5", dec!(0.5)),
            ("5.", dec!(5)),
        ] {
            assert_eq!(read_amount(text), Ok(want), "{text}");
        }
        for (text, problem) in [
            ("九点五", Problem::NotAmount),
            ("1,00", Problem::NotAmount),
            ("1e3", Problem::NotAmount),
            ("", Problem::NotAmount),
            ("1.2.3", Problem::NotAmount),
            (".", Problem::NotAmount),
            ("1,0000", Problem::NotAmount),
            ("-1", Problem::Negative),
            ("1000000000000.01", Problem::TooLarge),
            ("100000000000000000000000000000000", Problem::TooLarge),
        ] {
            assert_eq!(
                read_amount(text).map_err(|e| e.problem),
                Err(problem),
                "{text}"
            );
        }
    }

    #[test]
    fn plain_decimals() {
        assert_eq!(read_plain_decimal("1_000.5"), Some(dec!(1000.5)));
        assert_eq!(read_plain_decimal("10.00万元"), None);
        assert_eq!(read_plain_decimal("1e3"), None);
        assert_eq!(read_number("１２.５"), Ok(dec!(12.5)));
        assert_eq!(read_number("-3"), Ok(dec!(-3)));
    }
}
