//! Reads a `.docx` (word/document.xml) into blocks: body paragraphs and tables. Each table
//! comes out twice (see [`Block::Table`]): its `w:tc` cells in order, so a spanned cell is
//! one cell and a vertical-merge continuation is an empty cell exactly as the text export
//! shows them, and as a grid where `w:gridSpan` and `w:vMerge` are expanded.
//! A table nested in a cell is flattened into that cell's text, with a note.

use super::blocks::{Block, Cell, GridCell, Location};
use super::Note;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

/// The largest `word/document.xml` read (guards against zip bombs); a larger one is an
/// error, never read in part.
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Why a `.docx` could not be read at all.
#[derive(Debug)]
pub struct DocxError(pub String);

/// The blocks of the document and notes about what was flattened.
pub fn read_docx(bytes: &[u8]) -> Result<(Vec<Block>, Vec<Note>), DocxError> {
    // Zip bombs (entry count, decompressed size, ratio) are refused before any part is read.
    crate::limits::check_zip(bytes, &crate::limits::ZIP_LIMITS)
        .map_err(|e| DocxError(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError(format!("not a .docx (zip) file: {e}")))?;
    let file = zip
        .by_name("word/document.xml")
        .map_err(|e| DocxError(format!("no word/document.xml in the .docx: {e}")))?;
    let too_big = |n: u64| {
        DocxError(format!(
            "word/document.xml 有 {} MB，超过导入可读取的 {} MB：请拆分文件，或只把表格另存为 .xlsx",
            n / (1024 * 1024),
            MAX_XML / (1024 * 1024)
        ))
    };
    if file.size() > MAX_XML {
        return Err(too_big(file.size()));
    }
    let mut raw = Vec::new();
    file.take(MAX_XML + 1)
        .read_to_end(&mut raw)
        .map_err(|e| DocxError(format!("cannot read word/document.xml: {e}")))?;
    if raw.len() as u64 > MAX_XML {
        return Err(too_big(raw.len() as u64));
    }
    let xml = String::from_utf8(raw)
        .map_err(|e| DocxError(format!("word/document.xml is not UTF-8: {e}")))?;
    blocks_from_xml(&xml)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

/// A `w:tc` as read: its text and merge properties.
struct RawCell {
    cell: Cell,
    span: usize,
    vmerge: VMerge,
}

#[derive(Default)]
struct State {
    blocks: Vec<Block>,
    notes: Vec<Note>,
    in_body: bool,
    tbl_depth: usize,
    /// Body paragraphs seen so far (for locations).
    paragraphs: usize,
    tables: usize,
    rows: Vec<Vec<Cell>>,
    grid: Vec<Vec<GridCell>>,
    row: Vec<RawCell>,
    grid_before: usize,
    span: usize,
    vmerge: Option<VMerge>,
    cell_paras: Vec<String>,
    para: Option<String>,
    in_t: bool,
    nested_noted: bool,
    /// Paragraphs inside a paragraph (a text box): their text joins the outer one.
    p_depth: usize,
    /// Inside `mc:Fallback`, the old-format copy of a text box already read: skipped.
    fallback_depth: usize,
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == "val").then(|| a.value.to_string()))
}

impl State {
    fn end_para(&mut self) {
        let Some(text) = self.para.take() else { return };
        if self.tbl_depth == 0 {
            self.paragraphs += 1;
            let loc = Location::Paragraph(self.paragraphs);
            for line in text.split('\n') {
                self.blocks.push(Block::Para {
                    text: line.to_string(),
                    loc: loc.clone(),
                });
            }
        } else {
            self.cell_paras.push(text);
        }
    }
    fn cell_loc(&self) -> Location {
        Location::Cell {
            table: self.tables + 1,
            row: self.rows.len() + 1,
            cell: self.row.len() + 1,
        }
    }
    fn start_elem(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name();
        let local = name.as_ref();
        match local {
            "body" => self.in_body = !empty,
            _ if !self.in_body => {}
            "Fallback" if !empty => self.fallback_depth += 1,
            "p" if empty && self.p_depth == 0 => {
                self.para = Some(String::new());
                self.end_para();
            }
            "p" if empty => {}
            "p" => {
                self.p_depth += 1;
                if self.p_depth == 1 {
                    self.para = Some(String::new());
                } else {
                    self.push_text("\n");
                }
            }
            "tbl" => {
                self.tbl_depth += 1;
                if self.tbl_depth == 1 {
                    self.rows.clear();
                    self.grid.clear();
                    self.nested_noted = false;
                } else if !self.nested_noted {
                    self.nested_noted = true;
                    let loc = self.cell_loc();
                    self.notes.push(Note::info(
                        loc,
                        crate::i18n::t("import.n-nested-table").to_string(),
                    ));
                }
            }
            "tr" if self.tbl_depth == 1 => {
                self.row.clear();
                self.grid_before = 0;
            }
            "gridBefore" if self.tbl_depth == 1 => {
                self.grid_before = val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
            }
            "tc" if self.tbl_depth == 1 => {
                self.cell_paras.clear();
                self.span = 1;
                self.vmerge = None;
                if empty {
                    self.end_cell();
                }
            }
            "gridSpan" if self.tbl_depth == 1 => {
                self.span = val(e)
                    .and_then(|v| v.parse().ok())
                    .filter(|n: &usize| (1..=64).contains(n))
                    .unwrap_or(1);
            }
            "vMerge" if self.tbl_depth == 1 => {
                self.vmerge = Some(match val(e).as_deref() {
                    Some("restart") => VMerge::Restart,
                    _ => VMerge::Continue,
                });
            }
            "t" => self.in_t = !empty,
            "tab" => self.push_text("\t"),
            "br" | "cr" => self.push_text("\n"),
            _ => {}
        }
    }
    fn end_cell(&mut self) {
        let loc = self.cell_loc();
        self.row.push(RawCell {
            cell: Cell {
                text: self.cell_paras.join("\n"),
                loc,
            },
            span: self.span.max(1),
            vmerge: self.vmerge.unwrap_or(VMerge::None),
        });
        self.cell_paras.clear();
    }
    /// The grid row: spans repeated across, continuations taken from the row above.
    fn end_row(&mut self) {
        let raw = std::mem::take(&mut self.row);
        let above = self.grid.last();
        let mut g: Vec<GridCell> = Vec::new();
        for _ in 0..self.grid_before.min(64) {
            let loc = raw
                .first()
                .map(|c| c.cell.loc.clone())
                .unwrap_or_else(|| self.cell_loc());
            g.push(GridCell {
                text: String::new(),
                loc,
                spanned: false,
                continued: false,
            });
        }
        for rc in &raw {
            let col = g.len();
            let origin = match rc.vmerge {
                VMerge::Continue => above.and_then(|a| a.get(col)).map(|a| GridCell {
                    text: a.text.clone(),
                    loc: a.loc.clone(),
                    spanned: false,
                    continued: true,
                }),
                _ => None,
            };
            let first = origin.unwrap_or_else(|| GridCell {
                text: rc.cell.text.clone(),
                loc: rc.cell.loc.clone(),
                spanned: false,
                continued: false,
            });
            for k in 0..rc.span {
                let mut c = first.clone();
                c.spanned = k > 0;
                g.push(c);
            }
        }
        self.grid.push(g);
        self.rows.push(raw.into_iter().map(|r| r.cell).collect());
    }
    fn end_elem(&mut self, local: &str) {
        if !self.in_body {
            return;
        }
        match local {
            "body" => self.in_body = false,
            "Fallback" => self.fallback_depth = self.fallback_depth.saturating_sub(1),
            "p" => {
                self.p_depth = self.p_depth.saturating_sub(1);
                if self.p_depth == 0 {
                    self.end_para();
                }
            }
            "t" => self.in_t = false,
            "tc" if self.tbl_depth == 1 => self.end_cell(),
            "tr" if self.tbl_depth == 1 => self.end_row(),
            "tbl" => {
                if self.tbl_depth == 1 {
                    self.tables += 1;
                    let rows = std::mem::take(&mut self.rows);
                    let grid = std::mem::take(&mut self.grid);
                    let loc = Location::Cell {
                        table: self.tables,
                        row: 1,
                        cell: 1,
                    };
                    self.blocks.push(Block::Table { rows, loc, grid });
                }
                self.tbl_depth = self.tbl_depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    fn push_text(&mut self, s: &str) {
        if self.fallback_depth > 0 {
            return;
        }
        if let Some(p) = self.para.as_mut() {
            p.push_str(s);
        }
    }
}

/// Reads the body of word/document.xml into blocks.
pub fn blocks_from_xml(xml: &str) -> Result<(Vec<Block>, Vec<Note>), DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut st = State::default();
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| DocxError(format!("word/document.xml is not well-formed XML: {e}")))?;
        match ev {
            Event::Start(e) => st.start_elem(&e, false),
            Event::Empty(e) => st.start_elem(&e, true),
            Event::End(e) => st.end_elem(e.local_name().as_ref()),
            Event::Text(t) if st.in_t => {
                let s = t.xml10_content();
                st.push_text(&s);
            }
            Event::CData(t) if st.in_t => {
                let s: &str = &t;
                let s = s.to_string();
                st.push_text(&s);
            }
            Event::GeneralRef(r) if st.in_t => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        "apos" => "'".to_string(),
                        other => format!("&{other};"),
                    },
                };
                st.push_text(&s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((st.blocks, st.notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tc(text: &str, props: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn merges_expand_in_the_grid_and_stay_as_cells_in_rows() {
        let row1 = format!(
            "<w:tr>{}{}</w:tr>",
            tc("产出指标", r#"<w:vMerge w:val="restart"/>"#),
            tc("数量", r#"<w:gridSpan w:val="2"/>"#)
        );
        let row2 = format!(
            "<w:tr>{}{}{}</w:tr>",
            tc("", "<w:vMerge/>"),
            tc("a", ""),
            tc("b", "")
        );
        let xml = format!(
            r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>标题</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p><w:tbl>{row1}{row2}</w:tbl></w:body></w:document>"#
        );
        let (blocks, _) = blocks_from_xml(&xml).unwrap_or_default();
        let texts: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para { text, .. } => Some(text.clone()),
                Block::Table { .. } => None,
            })
            .collect();
        assert_eq!(texts, ["标题", "框"]);
        let Some(Block::Table { rows, grid, .. }) = blocks.last() else {
            panic!("no table");
        };
        assert_eq!(rows[0].len(), 2);
        assert_eq!(rows[1][0].text, "");
        let g: Vec<Vec<(&str, bool, bool)>> = grid
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| (c.text.as_str(), c.spanned, c.continued))
                    .collect()
            })
            .collect();
        assert_eq!(
            g,
            [
                vec![
                    ("产出指标", false, false),
                    ("数量", false, false),
                    ("数量", true, false)
                ],
                vec![
                    ("产出指标", false, true),
                    ("a", false, false),
                    ("b", false, false)
                ],
            ]
        );
        assert_eq!(grid[1][0].loc, grid[0][0].loc);
    }
}
