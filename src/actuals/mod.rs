//! Year-end actuals: the model, and reading it from TOML, CSV or xlsx files.

mod keyed;
mod load_csv;
mod load_toml;
mod load_xlsx;
pub mod model;
mod xlsx_formats;
mod xlsx_guard;
mod xlsx_rows;
mod xlsx_sheet;

pub use load_csv::{
    parse_actuals_csv, parse_actuals_csv_for, ADJUSTED_BUDGET_ID, SPENT_ID, SUMMARY_ID,
};
pub use load_toml::parse_actuals_toml;
pub use load_xlsx::{a1, float_text, parse_actuals_xlsx, parse_actuals_xlsx_lenient};
pub use model::{Actuals, ProjectActuals, RowActual};
pub use xlsx_formats::{percent_cells, PercentCells};

use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::model::Span;
use crate::parse::cell::{read_amount, Area};
use crate::scorecard::Department;
use rust_decimal::Decimal;
use std::path::Path;

/// Reads an actuals file, TOML, CSV or xlsx by extension. `department_code` routes rows
/// of the department's own indicators. xlsx rows keyed by 二级指标 + 三级指标 need the
/// scorecard: use [`load_actuals_for`].
pub fn load_actuals(path: &Path, department_code: &str) -> Result<Actuals, Vec<FileDiagnostic>> {
    load(path, department_code, None)
}

/// Like [`load_actuals`], with the loaded scorecard to resolve xlsx rows keyed by
/// 项目编码 + 二级指标 + 三级指标 and to check 指标编码 keys.
pub fn load_actuals_for(path: &Path, dept: &Department) -> Result<Actuals, Vec<FileDiagnostic>> {
    load(path, &dept.code, Some(dept))
}

/// Like [`load_actuals_for`], but a CSV sheet or an xlsx workbook with bad cells still
/// gives the actuals of its good rows, beside the diagnostics of the bad ones; TOML files
/// load as in [`load_actuals_for`] (no diagnostics with `Ok`). `Err`: nothing usable.
pub fn load_actuals_lenient(
    path: &Path,
    dept: &Department,
) -> Result<(Actuals, Vec<FileDiagnostic>), Vec<FileDiagnostic>> {
    if has_ext(path, "xlsx") {
        let bytes = read_capped(path)?;
        return parse_actuals_xlsx_lenient(path, &bytes, &dept.code, Some(dept));
    }
    if !has_ext(path, "csv") {
        return load(path, &dept.code, Some(dept)).map(|a| (a, Vec::new()));
    }
    let text = read_decoded(path)?;
    load_csv::parse_actuals_csv_lenient(path, &text, dept)
}

/// A budget figure (全年预算数, 全年执行数) of any actuals format, through the one cell
/// reader: the same text gives the same amount or the same error in TOML, CSV and xlsx.
fn budget_amount(id: &str, text: &str, span: Span) -> Result<Decimal, Diagnostic> {
    read_amount(text).map_err(|e| e.diagnostic(Area::Actuals, budget_label(id), span))
}

/// A budget figure as messages name it.
fn budget_label(id: &str) -> &'static str {
    crate::i18n::t(if id == SPENT_ID {
        "actuals.what-spent"
    } else {
        "actuals.what-adjusted-budget"
    })
}

/// The bytes of a workbook: issues 7 and 15, a regular file within the file-size limit.
fn read_capped(path: &Path) -> Result<Vec<u8>, Vec<FileDiagnostic>> {
    crate::limits::read_file_capped(path, crate::limits::MAX_FILE_BYTES)
        .map_err(|e| unreadable(path, &e))
}

/// The text of a text actuals file, in whatever encoding it was saved.
fn read_decoded(path: &Path) -> Result<String, Vec<FileDiagnostic>> {
    match crate::encoding::read_text(path).map_err(|e| unreadable(path, &e))? {
        Ok(d) => Ok(d.text),
        Err(e) => Err(undecodable(path, e)),
    }
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn load(
    path: &Path,
    department_code: &str,
    dept: Option<&Department>,
) -> Result<Actuals, Vec<FileDiagnostic>> {
    if has_ext(path, "xlsx") {
        let bytes = read_capped(path)?;
        return parse_actuals_xlsx(path, &bytes, department_code, dept);
    }
    // issue 7: the file-size limit applies to every actuals file; GBK, UTF-16 and BOMs
    // are decoded (Excel on a Chinese Windows saves CSV in GBK).
    let text = read_decoded(path)?;
    if has_ext(path, "csv") {
        match dept {
            Some(d) => load_csv::parse_actuals_csv_for(path, &text, d),
            None => parse_actuals_csv(path, &text, department_code),
        }
    } else {
        parse_actuals_toml(path, &text)
    }
}

/// A file whose bytes are not text in an encoding we read (or a workbook under a text
/// name): the file as a whole is unusable. The wording is the decoder's, already in the
/// user's language; the code says the file is the actuals.
fn undecodable(path: &Path, e: crate::encoding::EncodingError) -> Vec<FileDiagnostic> {
    let code = if e.code == Code::InputWorkbookNotText {
        Code::ActualsWorkbookNotText
    } else {
        Code::ActualsEncoding
    };
    let (source, span) = e.as_source();
    vec![FileDiagnostic {
        file: path.to_path_buf(),
        source: std::sync::Arc::from(source),
        diagnostic: Diagnostic::new(code, span)
            .arg("problem", &e.message)
            .arg("fix", &e.help),
    }]
}

fn unreadable(path: &Path, e: &std::io::Error) -> Vec<FileDiagnostic> {
    vec![FileDiagnostic {
        file: path.to_path_buf(),
        source: std::sync::Arc::from(""),
        diagnostic: Diagnostic::new(Code::ActualsUnreadable, Span::default()).arg("error", e),
    }]
}
