//! One worksheet as the actuals reader sees it: its non-empty cells as text, merged areas
//! filled from their top-left cell, and the percent readings of percent-formatted cells.
//!
//! Sparse on purpose. A sheet's grid is 1,048,576 × 16,384 cells: a 2 KB workbook whose
//! only cell is `XFD1048576`, or whose one merge is `D1:XFD1048576`, must cost what its
//! cells cost, not what the grid would. So cells are read one by one (calamine's cell
//! reader, never its dense `Range`), only non-empty ones are kept, merged areas are
//! clipped to the used range (the bounding box of those cells) before they are filled,
//! and the cells kept — read or filled — stop at [`MAX_XLSX_CELLS`].

use super::load_xlsx::{cell_text, percent_text};
use super::xlsx_formats::percent_styles;
use calamine::{Data, Dimensions, Xlsx};
use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

/// Most cells one workbook may fill (read and merged), over all its sheets: a department
/// of 5,000 projects of 10 rows is 400,000 cells.
pub const MAX_XLSX_CELLS: usize = 2_000_000;

/// A cell as the reader uses it: text, or the reason it cannot be read.
pub type CellValue = Result<Option<String>, super::load_xlsx::CellFault>;

pub struct Sheet {
    pub name: String,
    /// Row → column → value; only cells with text or an error.
    rows: BTreeMap<usize, BTreeMap<usize, CellValue>>,
    /// Number cells with a percent format, as `95%` (merged cells filled likewise).
    percent: HashMap<(usize, usize), String>,
}

/// Why a sheet could not be read.
pub enum SheetError {
    /// calamine's complaint.
    Unreadable(String),
    /// Over [`MAX_XLSX_CELLS`]: the message says so.
    TooLarge(String),
}

impl Sheet {
    pub fn get(&self, row: usize, col: usize) -> CellValue {
        self.rows
            .get(&row)
            .and_then(|r| r.get(&col))
            .cloned()
            .unwrap_or(Ok(None))
    }

    /// A value cell: its percent reading when it has a percent format, else as [`get`].
    ///
    /// [`get`]: Sheet::get
    pub fn value(&self, row: usize, col: usize) -> CellValue {
        match self.percent.get(&(row, col)) {
            Some(p) => Ok(Some(p.clone())),
            None => self.get(row, col),
        }
    }

    /// The rows holding any cell, from `first` on, in order (an empty row says nothing).
    pub fn rows_from(&self, first: usize) -> impl Iterator<Item = usize> + '_ {
        self.rows.range(first..).map(|(r, _)| *r)
    }

    /// The text cells of `row`, left to right.
    pub fn row_texts(&self, row: usize) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.rows.get(&row).into_iter().flat_map(|cells| {
            cells
                .iter()
                .filter_map(|(c, v)| v.as_ref().ok().and_then(|t| t.as_deref()).map(|t| (*c, t)))
        })
    }

    fn cells(&self) -> usize {
        self.rows.values().map(BTreeMap::len).sum()
    }

    /// Reads sheet `name`; `budget` is what is left of [`MAX_XLSX_CELLS`] and is reduced
    /// by the cells this sheet keeps.
    pub fn read(
        book: &mut Xlsx<Cursor<&[u8]>>,
        name: String,
        budget: &mut usize,
    ) -> Result<Sheet, SheetError> {
        let unreadable = |e: calamine::XlsxError| SheetError::Unreadable(e.to_string());
        let mut sheet = Sheet {
            name,
            rows: BTreeMap::new(),
            percent: HashMap::new(),
        };
        let mut kept = 0usize;
        {
            let mut reader = book
                .worksheet_cells_reader(&sheet.name)
                .map_err(unreadable)?;
            let percent_styles = percent_styles(reader.styles());
            while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(unreadable)? {
                let (r, c) = cell.get_position();
                let data = Data::from(cell.get_value().clone());
                if percent_styles.get(style).copied().unwrap_or(false) {
                    if let Some(p) = percent_text(&data) {
                        sheet.percent.insert((r as usize, c as usize), p);
                    }
                }
                let value = cell_text(&data);
                if matches!(value, Ok(None)) {
                    continue;
                }
                kept += 1;
                if kept > *budget {
                    return Err(too_many());
                }
                sheet
                    .rows
                    .entry(r as usize)
                    .or_default()
                    .insert(c as usize, value);
            }
        }
        let merges = book
            .merge_cells_by_sheet_name(&sheet.name)
            .unwrap_or_default();
        sheet.fill_merges(&merges, *budget)?;
        *budget = budget.saturating_sub(sheet.cells());
        Ok(sheet)
    }

    /// The bounding box of the cells read: (first row, last row, first col, last col).
    fn used_range(&self) -> Option<(usize, usize, usize, usize)> {
        let (&r0, _) = self.rows.first_key_value()?;
        let (&r1, _) = self.rows.last_key_value()?;
        let c0 = self.rows.values().filter_map(|r| r.keys().next()).min()?;
        let c1 = self
            .rows
            .values()
            .filter_map(|r| r.keys().next_back())
            .max()?;
        Some((r0, r1, *c0, *c1))
    }

    /// Fills each merged area, clipped to the used range, with its top-left cell (or
    /// empties it when that cell is empty), as Excel shows it.
    fn fill_merges(&mut self, merges: &[Dimensions], budget: usize) -> Result<(), SheetError> {
        let Some((r0, r1, c0, c1)) = self.used_range() else {
            return Ok(());
        };
        let mut cells = self.cells();
        // The areas to fill, measured before any is filled: a hostile merge is refused
        // without first spending the budget's memory on it.
        let mut area = 0usize;
        for m in merges {
            let rows = (m.end.0 as usize)
                .min(r1)
                .saturating_sub((m.start.0 as usize).max(r0));
            let cols = (m.end.1 as usize)
                .min(c1)
                .saturating_sub((m.start.1 as usize).max(c0));
            area = area.saturating_add((rows + 1).saturating_mul(cols + 1));
        }
        if cells.saturating_add(area) > budget.saturating_add(merges.len()) {
            return Err(too_many());
        }
        for m in merges {
            let (top, left) = (m.start.0 as usize, m.start.1 as usize);
            let rows = top.max(r0)..=(m.end.0 as usize).min(r1);
            let cols = left.max(c0)..=(m.end.1 as usize).min(c1);
            if rows.is_empty() || cols.is_empty() {
                continue;
            }
            let value = self.get(top, left);
            let percent = self.percent.get(&(top, left)).cloned();
            if matches!(value, Ok(None)) && percent.is_none() {
                // Only cells that exist need clearing: a walk over them, not the area.
                let rows_held: Vec<usize> = self.rows.range(rows).map(|(r, _)| *r).collect();
                for r in rows_held {
                    if let Some(row) = self.rows.get_mut(&r) {
                        let gone: Vec<usize> = row.range(cols.clone()).map(|(c, _)| *c).collect();
                        for c in gone {
                            row.remove(&c);
                            self.percent.remove(&(r, c));
                            cells -= 1;
                        }
                    }
                }
                continue;
            }
            for r in rows {
                for c in cols.clone() {
                    let row = self.rows.entry(r).or_default();
                    if row.insert(c, value.clone()).is_none() {
                        cells += 1;
                        if cells > budget {
                            return Err(too_many());
                        }
                    }
                    match &percent {
                        Some(p) => self.percent.insert((r, c), p.clone()),
                        None => self.percent.remove(&(r, c)),
                    };
                }
            }
        }
        Ok(())
    }
}

fn too_many() -> SheetError {
    SheetError::TooLarge(crate::i18n::tf(
        "actuals.too-many-cells",
        &[("max", &MAX_XLSX_CELLS.to_string())],
    ))
}
