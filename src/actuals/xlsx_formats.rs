//! Which cells of an `.xlsx` workbook carry a percent number format, through calamine's
//! style palette. Typing `95%` into a cell Excel formats as a percentage stores the number
//! 0.95 with a percent format: the cell's value alone does not say what the person typed.

use calamine::{open_workbook_from_rs, Reader, Style, Xlsx};
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

/// 0-based (row, column) of the cells with a percent style, per sheet name. Sheets with
/// no such cell are absent.
pub type PercentCells = HashMap<String, HashSet<(u32, u32)>>;

/// Whether each style of a workbook's palette (by style id) is a percent format: the
/// builtin `0%` / `0.00%` or a custom code such as `0.0%` or `#,##0.00%;[Red]-0.00%`.
pub fn percent_styles(styles: &[Style]) -> Vec<bool> {
    styles
        .iter()
        .map(|s| {
            s.number_format
                .as_ref()
                .is_some_and(|f| is_percent_code(&f.format_code))
        })
        .collect()
}

/// Finds the percent-styled cells of every sheet; `Err` with the reason when the
/// workbook or a sheet cannot be read.
pub fn percent_cells(bytes: &[u8]) -> Result<PercentCells, String> {
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| format!("{e}"))?;
    let mut out = PercentCells::new();
    for name in book.sheet_names() {
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| format!("{e}"))?;
        let percent = percent_styles(reader.styles());
        let mut cells = HashSet::new();
        while let Some((row, col, style)) = reader.next_style_id().map_err(|e| format!("{e}"))? {
            if percent.get(style).copied().unwrap_or(false) {
                cells.insert((row, col));
            }
        }
        if !cells.is_empty() {
            out.insert(name, cells);
        }
    }
    Ok(out)
}

/// Whether a number format code scales by 100: a `%` outside `"…"`, `[…]`, and not
/// escaped by `\`, `_` or `*`.
pub fn is_percent_code(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '%' => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_codes() {
        assert!(is_percent_code("0%"));
        assert!(is_percent_code("0.00%"));
        assert!(is_percent_code("#,##0.0%;[Red]-#,##0.0%"));
        assert!(is_percent_code("[$-804]0.0%"));
        assert!(!is_percent_code("0.00\"%\""));
        assert!(!is_percent_code("0\\%"));
        assert!(!is_percent_code("0_%"));
        assert!(!is_percent_code("[%]0"));
        assert!(!is_percent_code("General"));
        assert!(!is_percent_code("0.00"));
    }
}
