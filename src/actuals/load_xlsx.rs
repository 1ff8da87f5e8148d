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
//! 0.95 with a percent number format, and calamine does not say so. The workbook's
//! `xl/styles.xml` and each sheet's XML are read for that (see `xlsx_percent`): a number
//! cell of the 实际完成值 column whose style is a percent format (builtin `0%` / `0.00%`,
//! or a custom code with an unquoted `%`) reads as its value ×100 with a `%` unit, in
//! `Decimal` from the text above — 0.95 reads `95%`, 0.925 reads `92.5%`, whatever the
//! number of decimals the format shows. An unformatted 95 still reads `95`; a text cell
//! `95%` reads `95%`.
//!
//! Every bad cell is reported as `Sheet!B7` with the reason; the rest is still read.

use super::keyed::{self, budget_id, is_placeholder, norm, scope};
use super::load_csv::{ADJUSTED_BUDGET_ID, SPENT_ID, SUMMARY_ID};
use super::model::{Actuals, RowActual};
use super::xlsx_percent::{percent_cells, PercentCells};
use super::xlsx_sheet::{Sheet, SheetError};
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::model::Span;
use crate::scorecard::{Department, Indicator, Origin};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

const H_PROJECT: &[&str] = &["项目编码", "project"];
const H_ID: &[&str] = &["指标编码", "indicator", "id"];
const H_LEVEL1: &[&str] = &["一级指标"];
const H_LEVEL2: &[&str] = &["二级指标"];
const H_NAME: &[&str] = &["三级指标"];
/// The codes of key errors in a workbook.
const XLSX_KEY_CODES: [&str; 2] = ["actuals::xlsx-key", "actuals::xlsx-ambiguous"];
const H_ACTUAL: &[&str] = &["实际完成值", "actual"];
const H_REASON: &[&str] = &["偏差原因", "偏差原因分析及改进措施", "reason"];
const H_BASELINE: &[&str] = &["基期值", "上年值", "baseline"];

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 20;

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

/// A cell as text (`None` when empty); `Err` with the reason for an error cell.
pub(super) fn cell_text(d: &Data) -> Result<Option<String>, String> {
    let s = match d {
        Data::Empty => return Ok(None),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => match float_text(*f) {
            Some(s) => s,
            None => return Err("the number in this cell is not finite".into()),
        },
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                return Err("this cell holds a duration, not a date or a value".into());
            }
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).trim().to_string(),
        Data::DurationIso(_) => {
            return Err("this cell holds a duration, not a date or a value".into())
        }
        Data::Error(e) => return Err(format!("this cell holds the spreadsheet error `{e}`")),
    };
    Ok(if s.is_empty() { None } else { Some(s) })
}

struct Columns {
    project: usize,
    id: Option<usize>,
    level1: Option<usize>,
    level2: Option<usize>,
    name: Option<usize>,
    actual: usize,
    reason: Option<usize>,
    baseline: Option<usize>,
}

struct Ctx<'a> {
    path: &'a Path,
    diags: Vec<FileDiagnostic>,
}

impl Ctx<'_> {
    /// An error at `sheet!cell`; the cell's text is the source line shown under it.
    fn error(
        &mut self,
        sheet: &str,
        (row, col): (usize, usize),
        shown: &str,
        code: &'static str,
        msg: String,
        help: &str,
    ) {
        let shown = if shown.is_empty() { "（空）" } else { shown };
        self.diags.push(FileDiagnostic {
            file: self.path.to_path_buf(),
            source: Arc::from(shown),
            diagnostic: Diagnostic::error(
                code,
                format!("{sheet}!{}: {msg}", a1(row, col)),
                Span::new(0, shown.len()),
            )
            .with_label(format!("cell {sheet}!{}", a1(row, col)))
            .with_help(help.to_string()),
        });
    }
}

/// Reads an actuals workbook. With `department`, rows keyed by 二级指标 + 三级指标 are
/// resolved against it and 指标编码 keys are checked; without it only 指标编码 keys work.
pub fn parse_actuals_xlsx(
    path: &Path,
    bytes: &[u8],
    department_code: &str,
    department: Option<&Department>,
) -> Result<Actuals, Vec<FileDiagnostic>> {
    let mut ctx = Ctx {
        path,
        diags: Vec::new(),
    };
    let unreadable = |msg: String| {
        vec![FileDiagnostic {
            file: path.to_path_buf(),
            source: Arc::from(""),
            diagnostic: Diagnostic::error("actuals::xlsx", msg, Span::default())
                .with_help("save the workbook as .xlsx (Excel 2007 or later) and try again"),
        }]
    };
    // issue 15: zip bombs and string bombs are refused before calamine reads a part.
    crate::limits::check_zip(bytes, &crate::limits::ZIP_LIMITS)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            super::xlsx_percent::check_shared_strings(bytes, super::xlsx_sheet::MAX_XLSX_CELLS)
        })
        .map_err(|e| unreadable(format!("cannot open the workbook: {e}")))?;
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("cannot open the workbook: {e}")))?;
    let mut actuals = Actuals {
        file: path.to_path_buf(),
        ..Default::default()
    };
    let percent_cells = match percent_cells(bytes) {
        Ok(p) => p,
        Err(e) => {
            ctx.diags.push(FileDiagnostic {
                file: path.to_path_buf(),
                source: Arc::from(""),
                diagnostic: Diagnostic::error(
                    "actuals::xlsx",
                    format!("cannot read the number formats of the workbook: {e}"),
                    Span::default(),
                )
                .with_help("open the workbook in Excel or WPS, save it as .xlsx and try again"),
            });
            PercentCells::new()
        }
    };
    let mut any_header = false;
    let mut budget = super::xlsx_sheet::MAX_XLSX_CELLS;
    for name in book.sheet_names() {
        let percent = percent_cells.get(&name);
        let sheet = match Sheet::read(&mut book, name.clone(), percent, &mut budget) {
            Ok(s) => s,
            Err(SheetError::Unreadable(e)) => {
                ctx.diags
                    .extend(unreadable(format!("cannot read the sheet `{name}`: {e}")));
                continue;
            }
            Err(SheetError::TooLarge(e)) => {
                ctx.diags.extend(unreadable(format!("`{name}`: {e}")));
                break;
            }
        };
        if read_sheet(&sheet, &mut ctx, &mut actuals, department_code, department) {
            any_header = true;
        }
    }
    if !any_header {
        ctx.diags.extend(unreadable(
            "no sheet has a header row with 项目编码 and 实际完成值".into(),
        ));
    }
    if ctx.diags.is_empty() {
        Ok(actuals)
    } else {
        Err(ctx.diags)
    }
}

fn find_header(sheet: &Sheet) -> Option<(usize, Columns)> {
    for r in sheet.rows_from(0).take_while(|&r| r < HEADER_SEARCH_ROWS) {
        let labels: Vec<(usize, String)> = sheet.row_texts(r).map(|(c, t)| (c, norm(t))).collect();
        let find = |names: &[&str]| {
            labels
                .iter()
                .find(|(_, l)| names.contains(&l.as_str()))
                .map(|(c, _)| *c)
        };
        if let (Some(project), Some(actual)) = (find(H_PROJECT), find(H_ACTUAL)) {
            return Some((
                r,
                Columns {
                    project,
                    id: find(H_ID),
                    level1: find(H_LEVEL1),
                    level2: find(H_LEVEL2),
                    name: find(H_NAME),
                    actual,
                    reason: find(H_REASON),
                    baseline: find(H_BASELINE),
                },
            ));
        }
    }
    None
}

/// Reads one sheet into `actuals`; false when it has no header row.
fn read_sheet(
    sheet: &Sheet,
    ctx: &mut Ctx,
    actuals: &mut Actuals,
    department_code: &str,
    department: Option<&Department>,
) -> bool {
    let Some((header, cols)) = find_header(sheet) else {
        return false;
    };
    let sn = sheet.name.as_str();
    if cols.id.is_none() && cols.name.is_none() {
        ctx.error(
            sn,
            (header, cols.actual),
            "实际完成值",
            "actuals::xlsx-columns",
            "the header row has neither 指标编码 nor 三级指标".into(),
            "name the rows by 指标编码 (as the template does) or by 二级指标 and 三级指标",
        );
        return true;
    }
    // Filled down over rows when empty (merged cells are already filled).
    let mut last_project: Option<String> = None;
    let mut last_level1: Option<String> = None;
    let mut last_level2: Option<String> = None;
    // Rows without any cell are skipped: they carry nothing, and fill nothing down.
    for r in sheet.rows_from(header + 1) {
        let cell = |col: Option<usize>, ctx: &mut Ctx| -> Option<String> {
            let c = col?;
            // Only 实际完成值 reads a percent format as a percentage.
            let got = if c == cols.actual {
                sheet.value(r, c)
            } else {
                sheet.get(r, c)
            };
            match got {
                Ok(v) => v,
                Err(reason) => {
                    ctx.error(
                        sn,
                        (r, c),
                        "",
                        "actuals::xlsx-cell",
                        reason,
                        "type the value as text or a plain number",
                    );
                    None
                }
            }
        };
        let project_cell = cell(Some(cols.project), ctx);
        let first = project_cell.clone().unwrap_or_default();
        if first.starts_with("总分") || first.starts_with("注") {
            continue;
        }
        let project = project_cell.or_else(|| last_project.clone());
        if project != last_project {
            last_level1 = None;
            last_level2 = None;
        }
        last_project = project.clone();
        let level1 = cell(cols.level1, ctx).or_else(|| last_level1.clone());
        if level1 != last_level1 {
            last_level2 = None;
        }
        last_level1 = level1.clone();
        let level2 = cell(cols.level2, ctx).or_else(|| last_level2.clone());
        last_level2 = level2.clone();
        let id_cell = cell(cols.id, ctx);
        let name = cell(cols.name, ctx);
        let actual = cell(Some(cols.actual), ctx);
        let reason = cell(cols.reason, ctx);
        let baseline = cell(cols.baseline, ctx);
        if actual.is_none() && reason.is_none() && baseline.is_none() {
            continue;
        }
        if id_cell.is_none() && name.as_deref().is_some_and(is_placeholder) {
            continue;
        }
        let project = project.unwrap_or_default();
        let key_col = cols
            .id
            .filter(|_| id_cell.is_some())
            .or(cols.name)
            .unwrap_or(cols.project);
        let is_dept = project.is_empty() || project == department_code;
        let key_text = id_cell.clone().or(name.clone()).unwrap_or_default();

        // Budget figures and the 实际完成情况 text.
        let budget = match &id_cell {
            Some(id) if id == ADJUSTED_BUDGET_ID || id == SPENT_ID || id == SUMMARY_ID => {
                [SPENT_ID, ADJUSTED_BUDGET_ID, SUMMARY_ID]
                    .into_iter()
                    .find(|known| known == id)
            }
            Some(_) => None,
            None => name.as_deref().and_then(budget_id),
        };
        if let Some(which) = budget {
            let Some(v) = actual else { continue };
            if is_dept {
                ctx.error(
                    sn,
                    (r, cols.project),
                    &project,
                    "actuals::xlsx-key",
                    "budget figures and 实际完成情况 belong to a project; this row names none"
                        .into(),
                    "fill 项目编码 with the project's code",
                );
                continue;
            }
            if let Some(d) = department {
                if !d.projects.iter().any(|p| p.code == project) {
                    ctx.error(
                        sn,
                        (r, cols.project),
                        &project,
                        "actuals::xlsx-key",
                        format!("no project has the code `{project}`"),
                        "copy 项目编码 from the scorecard (`jixiao template` writes it)",
                    );
                    continue;
                }
            }
            if which == SUMMARY_ID {
                actuals.projects.entry(project.clone()).or_default().summary = Some(v);
                continue;
            }
            let amount = match Decimal::from_str(v.trim_end_matches("万元").trim()) {
                Ok(d) if d > crate::limits::MAX_AMOUNT_WAN => {
                    ctx.error(
                        sn,
                        (r, cols.actual),
                        &v,
                        "actuals::too-large",
                        format!(
                            "`{v}` 万元 is more than the limit of {} 万元",
                            crate::limits::MAX_AMOUNT_WAN
                        ),
                        "amounts are in 万元 (ten thousand yuan); check for extra digits or an amount in 元",
                    );
                    continue;
                }
                Ok(d) if d >= Decimal::ZERO => d,
                _ => {
                    ctx.error(
                        sn,
                        (r, cols.actual),
                        &v,
                        "actuals::bad-amount",
                        format!("`{v}` is not an amount in 万元"),
                        "write the amount in 万元 as a number, e.g. 9.50",
                    );
                    continue;
                }
            };
            let pa = actuals.projects.entry(project.clone()).or_default();
            if which == SPENT_ID {
                pa.spent = Some(amount);
            } else {
                pa.adjusted_budget = Some(amount);
            }
            continue;
        }

        // The indicator id: given, or resolved from 二级指标 + 三级指标.
        let indicators: Option<&[Indicator]> = match department {
            None => None,
            Some(d) if is_dept => Some(&d.indicators),
            Some(d) => match d.projects.iter().find(|p| p.code == project) {
                Some(p) => Some(&p.indicators),
                None => {
                    ctx.error(
                        sn,
                        (r, cols.project),
                        &project,
                        "actuals::xlsx-key",
                        format!("no project has the code `{project}`"),
                        "copy 项目编码 from the scorecard (`jixiao template` writes it)",
                    );
                    continue;
                }
            },
        };
        let id = match (&id_cell, indicators) {
            (Some(id), None) => id.clone(),
            (Some(id), Some(list)) => {
                if !list.iter().any(|i| &i.id == id) {
                    ctx.error(sn, (r, key_col), id, "actuals::xlsx-key", format!("no indicator has the id `{id}` in {}", scope(&project, is_dept)), "copy 指标编码 from the template, or leave it empty and name the row by 二级指标 and 三级指标");
                    continue;
                }
                id.clone()
            }
            (None, None) => {
                ctx.error(
                    sn,
                    (r, key_col),
                    &key_text,
                    "actuals::xlsx-key",
                    "a row named by 三级指标 can only be read with the scorecard".into(),
                    "read the workbook through `jixiao score`, or add the 指标编码 column",
                );
                continue;
            }
            (None, Some(list)) => match keyed::resolve(list, level2.as_deref(), name.as_deref()) {
                Ok(id) => id.to_string(),
                Err(e) => {
                    let (code, message, help) =
                        e.explain(&scope(&project, is_dept), XLSX_KEY_CODES);
                    let shown = if matches!(e, keyed::KeyError::NoName) {
                        ""
                    } else {
                        key_text.as_str()
                    };
                    ctx.error(sn, (r, key_col), shown, code, message, help);
                    continue;
                }
            },
        };
        let row = RowActual {
            actual,
            reason,
            baseline,
            origin: Origin {
                file: ctx.path.to_path_buf(),
                start: 0,
                end: 0,
            },
        };
        let rows: &mut BTreeMap<String, RowActual> = if is_dept {
            &mut actuals.department
        } else {
            &mut actuals.projects.entry(project.clone()).or_default().rows
        };
        if rows.insert(id.clone(), row).is_some() {
            ctx.error(
                sn,
                (r, key_col),
                &key_text,
                "actuals::duplicate",
                format!(
                    "the indicator `{id}` appears twice in {}",
                    scope(&project, is_dept)
                ),
                "keep one row per project and indicator",
            );
        }
    }
    true
}

#[cfg(test)]
mod tests {
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
