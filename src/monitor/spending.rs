//! The mid-year spending file: CSV with `project` (项目编码), `spent` (累计支出, 万元) and an
//! optional `date` (截至日期).

use crate::csv_sheet::Sheet;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::model::Span;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendingRow {
    pub project: String,
    pub spent: Decimal,
    pub date: Option<NaiveDate>,
}

pub fn parse_spending_csv(
    path: &Path,
    text: &str,
) -> Result<Vec<SpendingRow>, Vec<FileDiagnostic>> {
    let source: Arc<str> = Arc::from(text);
    let mut diags = Vec::new();
    let mut push = |d: Diagnostic| {
        diags.push(FileDiagnostic {
            file: path.to_path_buf(),
            source: source.clone(),
            diagnostic: d,
        })
    };
    let mut sheet = match Sheet::open(text) {
        Ok(sh) => sh,
        Err(e) => {
            push(Diagnostic::error(
                "spending::csv",
                format!("cannot read the header row: {e}"),
                Span::default(),
            ));
            return Err(diags);
        }
    };
    let find = |names: &[&str]| sheet.column(names);
    let (Some(pc), Some(sc)) = (find(&["project", "项目编码"]), find(&["spent", "累计支出"]))
    else {
        push(
            Diagnostic::error("spending::columns", "the header row lacks `project` or `spent`", sheet.header_span())
                .with_label("header row")
                .with_help("name the columns `project` (项目编码) and `spent` (累计支出, 万元); `date` (截至日期) is optional"),
        );
        return Err(diags);
    };
    let dc = find(&["date", "截至日期", "日期"]);
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    while let Some(read) = sheet.next_record(&mut rec) {
        let line = match read {
            Ok(line) => line,
            Err((at, e)) => {
                push(Diagnostic::error(
                    "spending::csv",
                    format!("this line cannot be read as CSV: {e}"),
                    at,
                ));
                continue;
            }
        };
        let project = rec.get(pc).unwrap_or("").trim().to_string();
        let spent_text = rec.get(sc).unwrap_or("").trim();
        if project.is_empty() && spent_text.is_empty() {
            continue;
        }
        let spent = match Decimal::from_str(spent_text) {
            Ok(d) if d >= Decimal::ZERO => d,
            _ => {
                push(
                    Diagnostic::error(
                        "spending::bad-amount",
                        format!("`{spent_text}` is not an amount in 万元"),
                        line,
                    )
                    .with_label("this row")
                    .with_help("write the cumulative spending in 万元, e.g. 5.20"),
                );
                continue;
            }
        };
        let date = match dc
            .and_then(|i| rec.get(i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(s) => match spending_date(s) {
                Some(d) => Some(d),
                None => {
                    push(
                        Diagnostic::error(
                            "spending::bad-date",
                            format!("`{s}` is not a date"),
                            line,
                        )
                        .with_label("this row")
                        .with_help("日期写作 2022-06-30、2022/6/30 或 2022年6月30日（要有年份）"),
                    );
                    continue;
                }
            },
        };
        rows.push(SpendingRow {
            project,
            spent,
            date,
        });
    }
    if diags.is_empty() {
        Ok(rows)
    } else {
        Err(diags)
    }
}

/// A 截至日期 as spreadsheets and people write it: `2022-06-30`, `2022/6/30` (Excel on a
/// Chinese Windows), `2022.6.30`, `2022年6月30日`, `2022年6月底` (a month stands for its
/// last day). The year must be written: spending rows may span years.
pub fn spending_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, format) {
            return Some(d);
        }
    }
    match crate::parse::parse_actual(t).map(|p| p.value.value) {
        Ok(crate::model::ActualValue::Date { date }) => {
            let year = date.year?;
            date.last_day(year)
        }
        _ => None,
    }
}

#[cfg(test)]
mod date_tests {
    use super::spending_date;
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
            "2022年6月底",
            " 2022年6月 ",
        ] {
            assert_eq!(spending_date(t), june30, "{t}");
        }
        for t in ["6月30日", "2022-13-01", "上半年", "June"] {
            assert_eq!(spending_date(t), None, "{t}");
        }
    }
}
