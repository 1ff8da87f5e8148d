//! Reading actuals from an `.xlsx` workbook (calamine). Two shapes are read, sheet by sheet:
//!
//! 1. the workbook `jixiao template --format xlsx` writes, filled in: a header row with
//!    项目编码, 指标编码, …, 实际完成值, 偏差原因, 基期值; rows keyed by 项目编码 + 指标编码,
//!    the budget figures as rows whose 指标编码 is `adjusted_budget` / `spent` (as in CSV),
//!    and the project's 实际完成情况 as the row whose 指标编码 is `summary`;
//! 2. a plain sheet typed by a person, with the Chinese headers 项目编码, 二级指标, 三级指标,
//!    实际完成值 and optionally 偏差原因 (or 偏差原因分析及改进措施) and 基期值 — keyed by
//!    项目编码 + 二级指标 + 三级指标, resolved against the scorecard (README, `score`). A row whose
//!    三级指标 is 全年预算数 / 全年执行数 carries the project's budget figures.
//!
//! A sheet without such a header row is skipped (a note sheet, a cover). Merged cells are
//! filled from their top-left cell, and empty 项目编码 / 一级指标 / 二级指标 cells are filled
//! down from the row above, as people leave them when a level spans rows. Placeholder rows
//! (`指标1：` with nothing else, `……`) and rows with nothing filled in are skipped.
//!
//! Numbers: a text cell is read as written. A number cell (`Data::Float`, an f64) is turned
//! into text by Rust's shortest round-trip formatting and then rounded to 15 significant
//! digits — what Excel itself shows — through `Decimal`, so `95` reads `95`, `92.5` reads
//! `92.5` and a computed `0.30000000000000004` reads `0.3`. No f64 arithmetic is done on it;
//! the scorer parses the text exactly. Date cells read as `YYYY-MM-DD`.
//!
//! Percent cells: typing `95%` into a cell Excel formats as a percentage stores the number
//! 0.95 with a percent number format. calamine gives each cell's style id and the
//! workbook's style palette with its number format codes (see `xlsx_formats`): a number
//! cell of the 实际完成值 column whose format is a percent format (builtin `0%` / `0.00%`,
//! or a custom code with an unquoted `%`) reads as its value ×100 with a `%` unit, in
//! `Decimal` from the text above — 0.95 reads `95%`, 0.925 reads `92.5%`, whatever the
//! number of decimals the format shows. An unformatted 95 still reads `95`; a text cell
//! `95%` reads `95%`. Budget figures are read by the one cell reader (`parse::cell`), as
//! in TOML and CSV: `9.5`, `9.5万元`, `95000元` and `1,009.86` are amounts in 万元.
//!
//! Every bad cell is reported as `Sheet!B7` with the reason; the rest is still read, and
//! [`parse_actuals_xlsx_lenient`] returns it beside the diagnostics (one bad-cell policy
//! with CSV: report them all, score the rest, mark what they leave open).

use super::model::Actuals;
use super::xlsx_rows::{read_sheet, Ctx};
use super::xlsx_sheet::{Sheet, SheetError};
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::model::Span;
use crate::scorecard::Department;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

/// The A1-style name of a 0-based (row, col): (6, 1) → `B7`.
pub fn a1(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.reverse();
    let mut s: String = letters.into_iter().collect();
    s.push_str(&(row + 1).to_string());
    s
}

/// Text of a number cell, exact as Excel shows it (see the module doc).
pub fn float_text(f: f64) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    // `{}` on f64 is the shortest text that round-trips, never in exponent form.
    let shortest = format!("{f}");
    match Decimal::from_str(&shortest)
        .ok()
        .and_then(|d| d.round_sf(15))
    {
        Some(d) => Some(d.normalize().to_string()),
        None => Some(shortest),
    }
}

/// Text of a number cell with a percent format: the value ×100 with a `%` unit, exact
/// (`0.95` → `95%`); `None` when it cannot be shown as a decimal.
pub(super) fn percent_text(d: &Data) -> Option<String> {
    let value = match d {
        Data::Float(f) => Decimal::from_str(&float_text(*f)?).ok()?,
        Data::Int(i) => Decimal::from(*i),
        _ => return None,
    };
    let pct = value.checked_mul(Decimal::ONE_HUNDRED)?.normalize();
    Some(format!("{pct}%"))
}

/// Why a cell holds no value to read; kept per cell, so small (the diagnostic is made
/// only for the cells a row reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CellFault {
    NotFinite,
    Duration,
    /// A spreadsheet error such as `#DIV/0!`.
    Error(String),
}

impl CellFault {
    pub(super) fn diagnostic(&self) -> Diagnostic {
        let d = Diagnostic::new(Code::ActualsXlsxCell, Span::default());
        match self {
            CellFault::NotFinite => d.variant("not-finite"),
            CellFault::Duration => d.variant("duration"),
            CellFault::Error(e) => d.arg("error", e),
        }
    }
}

/// A cell as text (`None` when empty); `Err` with the reason for an error cell.
pub(super) fn cell_text(d: &Data) -> Result<Option<String>, CellFault> {
    let s = match d {
        Data::Empty => return Ok(None),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => match float_text(*f) {
            Some(s) => s,
            None => return Err(CellFault::NotFinite),
        },
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                return Err(CellFault::Duration);
            }
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).trim().to_string(),
        Data::DurationIso(_) => return Err(CellFault::Duration),
        Data::Error(e) => return Err(CellFault::Error(e.to_string())),
    };
    Ok(if s.is_empty() { None } else { Some(s) })
}

/// Reads an actuals workbook. With `department`, rows keyed by 二级指标 + 三级指标 are
/// resolved against it and 指标编码 keys are checked; without it only 指标编码 keys work.
/// `Err` with every problem when any cell is bad.
pub fn parse_actuals_xlsx(
    path: &Path,
    bytes: &[u8],
    department_code: &str,
    department: Option<&Department>,
) -> Result<Actuals, Vec<FileDiagnostic>> {
    match parse_actuals_xlsx_lenient(path, bytes, department_code, department)? {
        (actuals, diags) if diags.is_empty() => Ok(actuals),
        (_, diags) => Err(diags),
    }
}

/// Like [`parse_actuals_xlsx`], keeping what could be read: the actuals of every good row
/// and the diagnostics of the bad cells. `Err` only when nothing can be read: the
/// workbook does not open, or no sheet has a header row.
pub fn parse_actuals_xlsx_lenient(
    path: &Path,
    bytes: &[u8],
    department_code: &str,
    department: Option<&Department>,
) -> Result<(Actuals, Vec<FileDiagnostic>), Vec<FileDiagnostic>> {
    let unreadable = |d: Diagnostic| FileDiagnostic {
        file: path.to_path_buf(),
        source: Arc::from(""),
        diagnostic: d,
    };
    let cannot_open = |e: String| {
        vec![unreadable(
            Diagnostic::new(Code::ActualsXlsx, Span::default()).arg("error", e),
        )]
    };
    // issue 15: zip bombs and string bombs are refused before calamine reads a part.
    crate::limits::check_zip(bytes, &crate::limits::ZIP_LIMITS)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            super::xlsx_guard::check_shared_strings(bytes, super::xlsx_sheet::MAX_XLSX_CELLS)
        })
        .map_err(cannot_open)?;
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| cannot_open(e.to_string()))?;
    let mut ctx = Ctx::new(path, department_code, department);
    let mut actuals = Actuals {
        file: path.to_path_buf(),
        ..Default::default()
    };
    let mut any_header = false;
    let mut budget = super::xlsx_sheet::MAX_XLSX_CELLS;
    for name in book.sheet_names() {
        let sheet = match Sheet::read(&mut book, name.clone(), &mut budget) {
            Ok(s) => s,
            Err(e) => {
                let (variant, stop, e) = match e {
                    SheetError::Unreadable(e) => ("sheet", false, e),
                    SheetError::TooLarge(e) => ("too-large", true, e),
                };
                let d = Diagnostic::new(Code::ActualsXlsx, Span::default())
                    .variant(variant)
                    .arg("sheet", &name)
                    .arg("error", e);
                ctx.diags.push(unreadable(d));
                if stop {
                    return Err(ctx.diags);
                }
                continue;
            }
        };
        any_header |= read_sheet(&sheet, &mut ctx, &mut actuals);
    }
    if !any_header {
        ctx.diags.push(unreadable(
            Diagnostic::new(Code::ActualsXlsx, Span::default()).variant("no-header"),
        ));
        return Err(ctx.diags);
    }
    super::load_csv::forget(&mut actuals, ctx.twice);
    Ok((actuals, ctx.diags))
}

#[cfg(test)]
mod tests {
    use super::super::keyed::{budget_id, is_placeholder};
    use super::super::load_csv::{ADJUSTED_BUDGET_ID, SPENT_ID};
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 1), "B7");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
    }

    #[test]
    fn floats_read_as_written() {
        assert_eq!(float_text(95.0).as_deref(), Some("95"));
        assert_eq!(float_text(92.5).as_deref(), Some("92.5"));
        assert_eq!(float_text(0.1 + 0.2).as_deref(), Some("0.3"));
        assert_eq!(float_text(2300.0).as_deref(), Some("2300"));
        assert_eq!(float_text(9.86).as_deref(), Some("9.86"));
        assert_eq!(float_text(-5.0).as_deref(), Some("-5"));
        assert_eq!(float_text(f64::NAN), None);
        assert_eq!(float_text(1e20).as_deref(), Some("100000000000000000000"));
    }

    #[test]
    fn percent_cells_read_times_100() {
        let p = |f: f64| percent_text(&Data::Float(f));
        assert_eq!(p(0.95).as_deref(), Some("95%"));
        assert_eq!(p(0.925).as_deref(), Some("92.5%"));
        assert_eq!(p(1.0).as_deref(), Some("100%"));
        assert_eq!(p(0.0).as_deref(), Some("0%"));
        assert_eq!(p(0.07).as_deref(), Some("7%")); // 0.07 * 100.0 is 7.000000000000001
        assert_eq!(p(0.1 + 0.2).as_deref(), Some("30%"));
        assert_eq!(p(-0.035).as_deref(), Some("-3.5%"));
        assert_eq!(p(f64::NAN), None);
        assert_eq!(percent_text(&Data::Int(1)).as_deref(), Some("100%"));
        assert_eq!(percent_text(&Data::String("95%".into())), None);
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("指标1："));
        assert!(is_placeholder("指标12:"));
        assert!(is_placeholder("……"));
        assert!(is_placeholder("..."));
        assert!(!is_placeholder("指标完成率"));
        assert!(!is_placeholder("办案数量"));
    }

    #[test]
    fn budget_rows() {
        assert_eq!(budget_id("全年预算数（万元）"), Some(ADJUSTED_BUDGET_ID));
        assert_eq!(budget_id("全年执行数"), Some(SPENT_ID));
        assert_eq!(budget_id("年初预算数"), None);
    }
}
