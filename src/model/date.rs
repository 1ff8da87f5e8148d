//! Dates in targets and actuals: `2022年12月底`, `12月底前`, `2022年第四季度`, `年底前`.

use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// A point in the year as written. Year-less forms (`12月底前`) take the fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum DatePoint {
    /// `2022年`, `年底`, `2022年度`: the last day of the year.
    YearEnd,
    /// `第四季度`: the last day of the quarter.
    Quarter { quarter: u8 },
    /// `上半年` (1) / `下半年` (2).
    Half { half: u8 },
    /// `2022年12月`: the month named; as a deadline, its last day.
    Month { month: u8 },
    /// `2022年12月底`: the last day of the month, said explicitly.
    MonthEnd { month: u8 },
    /// `2022年12月31日`, `2022-12-31`.
    Day { month: u8, day: u8 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DateSpec {
    pub year: Option<i32>,
    #[serde(flatten)]
    pub point: DatePoint,
}

impl DateSpec {
    /// The last day the spec covers, in `year` if the spec names none.
    pub fn last_day(&self, fiscal_year: i32) -> Option<NaiveDate> {
        let y = self.year.unwrap_or(fiscal_year);
        match self.point {
            DatePoint::YearEnd => NaiveDate::from_ymd_opt(y, 12, 31),
            DatePoint::Quarter { quarter } if (1..=4).contains(&quarter) => {
                month_end(y, u32::from(quarter) * 3)
            }
            DatePoint::Half { half } if (1..=2).contains(&half) => {
                month_end(y, u32::from(half) * 6)
            }
            DatePoint::Quarter { .. } | DatePoint::Half { .. } => None,
            DatePoint::Month { month } | DatePoint::MonthEnd { month } => {
                month_end(y, u32::from(month))
            }
            DatePoint::Day { month, day } => {
                NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day))
            }
        }
    }

    /// Whether the month/day exist (in a leap year when no year is given, so that
    /// `2月29日` alone is accepted).
    pub fn is_valid(&self) -> bool {
        self.last_day(self.year.unwrap_or(2000)).is_some()
    }
}

/// The last day of `month` in `year`; `None` for a month that does not exist.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(y) = self.year {
            write!(f, "{y}年")?;
        }
        match self.point {
            DatePoint::YearEnd => f.write_str(if self.year.is_some() { "底" } else { "年底" }),
            DatePoint::Quarter { quarter } => {
                let q = QUARTERS
                    .get(usize::from(quarter).saturating_sub(1))
                    .copied()
                    .unwrap_or("四");
                write!(f, "第{q}季度")
            }
            DatePoint::Half { half } => {
                f.write_str(if half == 1 { "上半年" } else { "下半年" })
            }
            DatePoint::Month { month } => write!(f, "{month}月"),
            DatePoint::MonthEnd { month } => write!(f, "{month}月底"),
            DatePoint::Day { month, day } => write!(f, "{month}月{day}日"),
        }
    }
}
