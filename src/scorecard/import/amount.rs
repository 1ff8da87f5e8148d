//! Amounts of money as forms write them (`612`, `612万`, `180万元`, `2,450,000.00` under a
//! header in 元, `￥4.8`) → exact 万元. The unit comes from the cell, else its label, else
//! the table or document (`单位：元`), else 万元, the unit of every national form.

use super::synonyms::squeeze;
use crate::scorecard::load::read_decimal;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Money {
    Yuan,
    Wan,
}

/// A unit named in a label or heading: `（万元）`, `单位：元`, `金额单位：万元`.
pub fn unit_named(text: &str) -> Option<Money> {
    let s = squeeze(text);
    if s.contains("万元") {
        Some(Money::Wan)
    } else if s.contains("(元)") || s.contains("单位:元") || s.ends_with("元)") {
        Some(Money::Yuan)
    } else {
        None
    }
}

/// A cell that only states the money unit (`单位：万元`, `（金额单位：元）`).
pub fn is_unit_line(text: &str) -> Option<Money> {
    let s = squeeze(text);
    let s = s.trim_start_matches('(').trim_end_matches(')');
    let rest = s
        .strip_prefix("金额单位:")
        .or_else(|| s.strip_prefix("资金单位:"))
        .or_else(|| s.strip_prefix("单位:"))?;
    match rest {
        "万元" => Some(Money::Wan),
        "元" => Some(Money::Yuan),
        _ => None,
    }
}

/// The amount in 万元, or `None` when the text is not an amount. `fallback` is the unit
/// when the cell names none.
pub fn read_amount(text: &str, fallback: Money) -> Option<Decimal> {
    let sq = squeeze(text);
    // `96.5万元(区级财政资金)`: a note after the amount.
    let sq = match sq.find('(') {
        Some(i) if i > 0 && sq.ends_with(')') => sq.get(..i).unwrap_or("").to_string(),
        _ => sq,
    };
    let s: String = sq
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '¥' | '￥'))
        .collect();
    let (num, unit) = if let Some(n) = s.strip_suffix("万元") {
        (n, Money::Wan)
    } else if let Some(n) = s.strip_suffix('万') {
        (n, Money::Wan)
    } else if let Some(n) = s.strip_suffix('元') {
        (n, Money::Yuan)
    } else {
        (s.as_str(), fallback)
    };
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let d = read_decimal(num)?;
    Some(match unit {
        Money::Wan => d,
        Money::Yuan => {
            let mut w = d.checked_div(Decimal::from(10_000))?.normalize();
            if w.scale() < 2 {
                w.rescale(2);
            }
            w
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn units_convert_exactly() {
        let d = |s: &str| Decimal::from_str(s).ok();
        assert_eq!(read_amount("612万", Money::Yuan), d("612"));
        assert_eq!(read_amount("2,450,000.00", Money::Yuan), d("245"));
        assert_eq!(read_amount("215.36", Money::Wan), d("215.36"));
        assert_eq!(read_amount("48000元", Money::Wan), d("4.8"));
        assert_eq!(read_amount("—", Money::Wan), None);
        assert_eq!(is_unit_line("单位：万元"), Some(Money::Wan));
        assert_eq!(is_unit_line("（金额单位：元）"), Some(Money::Yuan));
        assert_eq!(unit_named("年度资金总额（万元）"), Some(Money::Wan));
    }
}
