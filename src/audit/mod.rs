//! `jixiao audit`: re-score a published 自评表 someone else filled in and show where it
//! breaks the rules. Stages, one file each: the importer's readers turn the document into
//! grids (`crate::scorecard::import::read_blocks`); [`read`] finds the forms in them
//! ([`form`] is what a form prints); [`rescore`] scores every row again with jixiao's
//! scorer; [`checks`] are the table checks; [`render`] writes the report.

pub mod checks;
pub mod columns;
mod error;
pub mod flat;
pub mod form;
pub mod import_to;
pub mod qualitative;
pub mod read;
pub mod render;
mod render_html;
mod render_text;
mod render_xlsx;
pub mod rescore;
pub mod summary;
pub mod table;
pub mod verdict;

pub use error::AuditError;

use crate::score::Policy;
use crate::scorecard::import::blocks::{Block, Location};
use crate::scorecard::import::read_blocks;
use read::ReadNote;
use rust_decimal::Decimal;
use serde::Serialize;
use std::path::{Path, PathBuf};
use table::{audit_table, TableAudit};

/// The default tolerance: a one-decimal published score may round (8.95 printed 9.0).
pub fn default_tolerance() -> Decimal {
    Decimal::new(5, 2)
}

/// One document audited.
#[derive(Debug, Clone, Serialize)]
pub struct FileAudit {
    pub source: String,
    pub fiscal_year: Option<i32>,
    pub tables: Vec<TableAudit>,
    /// What could not be placed, with where it is.
    pub notes: Vec<ReadNote>,
}

/// Reads and audits one document; `Err` says why the file cannot be read at all.
pub fn audit_file(
    path: &Path,
    policy: &Policy,
    tolerance: Decimal,
) -> Result<FileAudit, AuditError> {
    let bytes = crate::limits::read_file_capped(path, crate::limits::MAX_SOURCE_BYTES).map_err(
        |error| AuditError::Read {
            path: path.to_path_buf(),
            error,
        },
    )?;
    let (mut blocks, import_notes) =
        read_blocks(path, &bytes).map_err(|e| AuditError::NotADocument(e.0))?;
    percent_cells_as_text(&bytes, &mut blocks);
    let reading = read::read_forms(&blocks);
    let fiscal_year = most_frequent(&reading.years);
    let rules = rescore::Rules {
        policy,
        tolerance,
        fiscal_year: fiscal_year.unwrap_or(2000),
    };
    let mut notes: Vec<ReadNote> = import_notes
        .into_iter()
        .map(|n| ReadNote {
            at: n.loc.to_string(),
            message: n.message,
        })
        .collect();
    notes.extend(reading.notes);
    if reading.forms.is_empty() {
        notes.push(ReadNote {
            at: "整个文件".into(),
            message: "没有找到自评表：需要一行写明 三级指标、年度指标值、得分 等列名的指标表头"
                .into(),
        });
    }
    for f in reading.forms.iter().filter(|f| f.rows.is_empty()) {
        notes.push(ReadNote {
            at: f.at.clone(),
            message: format!(
                "自评表「{}」没有读到指标行：指标表头需写明 三级指标、年度指标值、得分 等列名",
                f.name
            ),
        });
    }
    let tables = reading
        .forms
        .into_iter()
        .map(|f| audit_table(f, &rules))
        .collect();
    Ok(FileAudit {
        source: path.display().to_string(),
        fiscal_year,
        tables,
        notes,
    })
}

fn most_frequent(years: &[i32]) -> Option<i32> {
    let mut counts = std::collections::BTreeMap::new();
    for y in years {
        *counts.entry(*y).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// A number cell with a percent format (`0.94` shown `94.00%`) reads as the percent a
/// person sees: the grids carry the bare number.
fn percent_cells_as_text(bytes: &[u8], blocks: &mut [Block]) {
    let Ok(cells) = crate::actuals::percent_cells(bytes) else {
        return;
    };
    if cells.is_empty() {
        return;
    }
    for b in blocks.iter_mut() {
        let Block::Table { grid, .. } = b else {
            continue;
        };
        for c in grid.iter_mut().flatten() {
            let Location::Sheet { sheet, row, col } = &c.loc else {
                continue;
            };
            let styled = cells
                .get(sheet)
                .is_some_and(|s| s.contains(&(*row as u32, *col as u32)));
            if let (true, Some(v)) = (styled, form::number_of(&c.text)) {
                if !c.text.contains('%') {
                    c.text = format!("{}%", (v * Decimal::ONE_HUNDRED).normalize());
                }
            }
        }
    }
}

/// The documents a SOURCE stands for: the file itself, or every .docx/.xlsx/.xls/.txt in
/// a folder (not its subfolders), sorted by name.
pub fn sources(path: &Path) -> Result<Vec<PathBuf>, AuditError> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let rd = std::fs::read_dir(path).map_err(|error| AuditError::Folder {
        path: path.to_path_buf(),
        error,
    })?;
    let mut out: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_document(p))
        .collect();
    out.sort();
    Ok(out)
}

fn is_document(p: &Path) -> bool {
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    matches!(ext.as_str(), "docx" | "xlsx" | "xlsm" | "xls" | "txt")
}
