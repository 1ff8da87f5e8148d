//! The mid-year spending file: CSV with `project` (项目编码), `spent` (累计支出, 万元) and an
//! optional `date` (截至日期). Amounts and dates are read as in the actuals files
//! (`parse::cell`), so `9.5万元` and `2022年6月30日` mean here what they mean there.

use crate::csv_sheet::Sheet;
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::file_diagnostics::FileDiagnostics;
use crate::model::Span;
use crate::parse::cell::{read_amount, read_date, Area, Field};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::path::Path;

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
    let mut diags = FileDiagnostics::new(path, text);
    let mut sheet = match Sheet::open(text) {
        Ok(sh) => sh,
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::SpendingCsv, Span::default())
                    .variant("header")
                    .arg("error", e),
            );
            return Err(diags.into_vec());
        }
    };
    let (Some(pc), Some(sc)) = (sheet.column(Field::Project), sheet.column(Field::Spent)) else {
        diags.push(Diagnostic::new(Code::SpendingColumns, sheet.header_span()));
        return Err(diags.into_vec());
    };
    let dc = sheet.column(Field::Date);
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    while let Some(read) = sheet.next_record(&mut rec) {
        let line = match read {
            Ok(line) => line,
            Err((at, e)) => {
                diags.push(Diagnostic::new(Code::SpendingCsv, at).arg("error", e));
                continue;
            }
        };
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let project = cell(pc).to_string();
        let spent_text = cell(sc);
        if project.is_empty() && spent_text.is_empty() {
            continue;
        }
        let read = read_amount(spent_text)
            .map_err(|e| e.diagnostic(Area::Spending, crate::i18n::t("spending.what-spent"), line))
            .and_then(|spent| {
                let date = match dc.map(cell).filter(|s| !s.is_empty()) {
                    None => None,
                    Some(s) => Some(read_date(s).map_err(|e| {
                        e.diagnostic(Area::Spending, crate::i18n::t("spending.what-date"), line)
                    })?),
                };
                Ok((spent, date))
            });
        match read {
            Ok((spent, date)) => rows.push(SpendingRow {
                project,
                spent,
                date,
            }),
            Err(d) => diags.push(d),
        }
    }
    diags.or_value(rows)
}
