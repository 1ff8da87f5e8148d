//! Reads `.xlsx` / `.xls` workbooks (as budget systems export them) into blocks: one table
//! per sheet, merged ranges expanded into the grid, locations as `Sheet1!B7`.

use super::blocks::{Block, Cell, GridCell, Location};
use super::{Note, Unusable};
use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Reader, Sheets};
use std::io::Cursor;

/// The largest sheet read; cells beyond are reported, not read (a stray value far away
/// would otherwise make a grid of millions of empty cells).
const MAX_ROWS: usize = 5000;
const MAX_COLS: usize = 100;

pub fn read_workbook(bytes: &[u8]) -> Result<(Vec<Block>, Vec<Note>), Unusable> {
    // An .xlsx is a zip: zip bombs are refused before calamine inflates any part.
    if bytes.starts_with(b"PK\x03\x04") {
        crate::limits::check_zip(bytes, &crate::limits::ZIP_LIMITS)
            .map_err(|e| Unusable(e.to_string()))?;
    }
    // calamine can panic on a damaged .xls; a damaged file is the user's error to hear
    // about, never a crash.
    std::panic::catch_unwind(|| read_sheets(bytes)).unwrap_or_else(|_| {
        Err(Unusable(
            "工作簿已损坏，无法读取：请在 Excel 中打开并另存为 .xlsx 后再导入".to_string(),
        ))
    })
}

fn read_sheets(bytes: &[u8]) -> Result<(Vec<Block>, Vec<Note>), Unusable> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| Unusable(format!("不是可读取的 .xlsx/.xls 工作簿：{e}")))?;
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    for name in book.sheet_names() {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                notes.push(Note::problem(
                    Location::Sheet {
                        sheet: name.clone(),
                        row: 0,
                        col: 0,
                    },
                    format!("无法读取此工作表（{e}），已跳过"),
                ));
                continue;
            }
        };
        let merges = merges(&mut book, &name);
        // A text typed with a leading `=` (`=1200元/人·年`) is stored as a formula with no
        // value; its formula text is what the person wrote.
        let formulas = book.worksheet_formula(&name).ok();
        let Some((r0, c0)) = range.start() else {
            // An empty sheet is still listed in the message when nothing is found.
            blocks.push(Block::Table {
                rows: Vec::new(),
                loc: Location::Sheet {
                    sheet: name.clone(),
                    row: 0,
                    col: 0,
                },
                grid: Vec::new(),
            });
            continue;
        };
        let (h, w) = range.get_size();
        if h > MAX_ROWS || w > MAX_COLS {
            notes.push(Note::problem(
                Location::Sheet {
                    sheet: name.clone(),
                    row: MAX_ROWS.min(h),
                    col: 0,
                },
                format!("此工作表用了 {h} 行 × {w} 列，只读取前 {MAX_ROWS} 行、{MAX_COLS} 列——请删除表格以外的零散单元格"),
            ));
        }
        let text_at = |r: usize, c: usize| -> String {
            let rel = (r.wrapping_sub(r0 as usize), c.wrapping_sub(c0 as usize));
            let v = range.get(rel).map(data_text).unwrap_or_default();
            if !v.is_empty() {
                return v;
            }
            let f = formulas.as_ref().and_then(|f| {
                let (fr, fc) = f.start()?;
                f.get((r.wrapping_sub(fr as usize), c.wrapping_sub(fc as usize)))
                    .filter(|s| !s.is_empty())
                    .map(|s| format!("={s}"))
            });
            f.unwrap_or_default()
        };
        let rows_end = r0 as usize + h.min(MAX_ROWS);
        let cols_end = c0 as usize + w.min(MAX_COLS);
        let loc = |r: usize, c: usize| Location::Sheet {
            sheet: name.clone(),
            row: r,
            col: c,
        };
        let mut raw = Vec::new();
        let mut grid = Vec::new();
        // Columns from A, so locations and positions agree with what the user sees.
        for r in r0 as usize..rows_end {
            let mut rrow = Vec::new();
            let mut grow = Vec::new();
            for c in 0..cols_end {
                let (or, oc) = origin_of(&merges, r, c);
                let text = text_at(or, oc);
                rrow.push(Cell {
                    text: if (or, oc) == (r, c) {
                        text.clone()
                    } else {
                        String::new()
                    },
                    loc: loc(r, c),
                });
                grow.push(GridCell {
                    text,
                    loc: loc(or, oc),
                    spanned: oc < c,
                    continued: or < r,
                });
            }
            raw.push(rrow);
            grid.push(grow);
        }
        blocks.push(Block::Table {
            rows: raw,
            loc: loc(r0 as usize, 0),
            grid,
        });
    }
    Ok((blocks, notes))
}

fn merges(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The top-left cell of the merged range holding (r, c), or (r, c) itself.
fn origin_of(merges: &[Dimensions], r: usize, c: usize) -> (usize, usize) {
    for m in merges {
        let (sr, sc) = (m.start.0 as usize, m.start.1 as usize);
        let (er, ec) = (m.end.0 as usize, m.end.1 as usize);
        if (sr..=er).contains(&r) && (sc..=ec).contains(&c) {
            return (sr, sc);
        }
    }
    (r, c)
}

/// A cell as the text a person sees (numbers exact via their shortest decimal form).
fn data_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => crate::actuals::float_text(*f).unwrap_or_default(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}
