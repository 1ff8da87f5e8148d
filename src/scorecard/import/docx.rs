//! Reads a `.docx` (word/document.xml) into blocks: body paragraphs and tables, iterating
//! the `w:tc` elements of each row in order, so a spanned cell is one cell and a vertical
//! merge continuation is an empty cell, exactly as the text export shows them.

use super::blocks::{Block, Cell, Location};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The largest `word/document.xml` read (guards against zip bombs).
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Why a `.docx` could not be read at all.
#[derive(Debug)]
pub struct DocxError(pub String);

pub fn read_docx(bytes: &[u8]) -> Result<Vec<Block>, DocxError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError(format!("not a .docx (zip) file: {e}")))?;
    let file = zip
        .by_name("word/document.xml")
        .map_err(|e| DocxError(format!("no word/document.xml in the .docx: {e}")))?;
    let mut xml = String::new();
    file.take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| DocxError(format!("cannot read word/document.xml: {e}")))?;
    blocks_from_xml(&xml)
}

#[derive(Default)]
struct State {
    blocks: Vec<Block>,
    in_body: bool,
    tbl_depth: usize,
    /// Body paragraphs seen so far (for locations).
    paragraphs: usize,
    tables: usize,
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    cell_paras: Vec<String>,
    para: Option<String>,
    in_t: bool,
}

impl State {
    fn start_para(&mut self) {
        self.para = Some(String::new());
    }
    fn end_para(&mut self) {
        let Some(text) = self.para.take() else { return };
        if self.tbl_depth == 0 {
            self.paragraphs += 1;
            let loc = Location::Paragraph(self.paragraphs);
            for line in text.split('\n') {
                self.blocks.push(Block::Para {
                    text: line.to_string(),
                    loc,
                });
            }
        } else {
            self.cell_paras.push(text);
        }
    }
    fn start_elem(&mut self, local: &str, empty: bool) {
        match local {
            "body" => self.in_body = !empty,
            _ if !self.in_body => {}
            "p" => {
                self.start_para();
                if empty {
                    self.end_para();
                }
            }
            "tbl" => {
                self.tbl_depth += 1;
                if self.tbl_depth == 1 {
                    self.rows.clear();
                }
            }
            "tr" if self.tbl_depth == 1 => self.row.clear(),
            "tc" if self.tbl_depth == 1 => {
                self.cell_paras.clear();
                if empty {
                    self.end_cell();
                }
            }
            "t" => self.in_t = !empty,
            "tab" => self.push_text("\t"),
            "br" | "cr" => self.push_text("\n"),
            _ => {}
        }
    }
    fn end_cell(&mut self) {
        let loc = Location::Cell {
            table: self.tables + 1,
            row: self.rows.len() + 1,
            cell: self.row.len() + 1,
        };
        self.row.push(Cell {
            text: self.cell_paras.join("\n"),
            loc,
        });
        self.cell_paras.clear();
    }
    fn end_elem(&mut self, local: &str) {
        if !self.in_body {
            return;
        }
        match local {
            "body" => self.in_body = false,
            "p" => self.end_para(),
            "t" => self.in_t = false,
            "tc" if self.tbl_depth == 1 => self.end_cell(),
            "tr" if self.tbl_depth == 1 => {
                let row = std::mem::take(&mut self.row);
                self.rows.push(row);
            }
            "tbl" => {
                if self.tbl_depth == 1 {
                    self.tables += 1;
                    let rows = std::mem::take(&mut self.rows);
                    let loc = Location::Cell {
                        table: self.tables,
                        row: 1,
                        cell: 1,
                    };
                    self.blocks.push(Block::Table { rows, loc });
                }
                self.tbl_depth = self.tbl_depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.para.as_mut() {
            p.push_str(s);
        }
    }
}

/// Reads the body of word/document.xml into blocks.
pub fn blocks_from_xml(xml: &str) -> Result<Vec<Block>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut st = State::default();
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| DocxError(format!("word/document.xml is not well-formed XML: {e}")))?;
        match ev {
            Event::Start(e) => st.start_elem(e.local_name().as_ref(), false),
            Event::Empty(e) => st.start_elem(e.local_name().as_ref(), true),
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
    Ok(st.blocks)
}
