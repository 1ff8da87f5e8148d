//! Dates as spreadsheets and people write them.

use super::{CellError, Problem};
use crate::model::ActualValue;
use chrono::NaiveDate;

/// `2022-06-30`, `2022/6/30` (Excel on a Chinese Windows), `2022.6.30`, `2022年6月30日`,
/// `2022年6月底` (a month stands for its last day), in full-width digits too. The year must
/// be written: a date cell may be of any year. An xlsx date cell arrives here as
/// `2022-06-30`, whatever its display format.
pub fn read_date(text: &str) -> Result<NaiveDate, CellError> {
    let half: String = text
        .trim()
        .chars()
        .map(crate::parse::normalize::normalize_char)
        .collect();
    let t = half.trim();
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, format) {
            return Ok(d);
        }
    }
    let named = match crate::parse::parse_actual(t).map(|p| p.value.value) {
        Ok(ActualValue::Date { date }) => date.year.and_then(|y| date.last_day(y)),
        _ => None,
    };
    named.ok_or_else(|| CellError::new(Problem::NotDate, text))
}

#[cfg(test)]
mod tests {
    use super::read_date;
    use chrono::NaiveDate;

    #[test]
    fn dates_as_people_write_them() {
        let june30 = NaiveDate::from_ymd_opt(2022, 6, 30);
        for t in [
            "2022-06-30",
            "2022/6/30",
            "2022/06/30",
            "2022.6.30",
            "2022年6月30日",
            "２０２２年６月３０日",
            "2022年6月底",
            " 2022年6月 ",
        ] {
            assert_eq!(read_date(t).ok(), june30, "{t}");
        }
        for t in ["6月30日", "2022-13-01", "上半年", "June", ""] {
            assert_eq!(read_date(t).ok(), None, "{t}");
        }
    }
}
