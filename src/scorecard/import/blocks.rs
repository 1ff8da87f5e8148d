//! The document as a sequence of blocks (paragraphs and tables), the one shape every reader
//! produces: the seed's text export, `.docx`, `.xlsx`/`.xls` and flattened plain text.
//! A table is kept twice: as its cells in source order (`rows`, what the seed's layout is
//! read from, so text export and `.docx` write the same files) and as a grid with merged
//! cells expanded (`grid`, what other layouts are read from by meaning).

use crate::i18n::tf;
use std::fmt;

/// Where something is in the source document, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A line of the text export (1-based).
    Line(usize),
    /// A body paragraph of a `.docx` (1-based, counting every body paragraph).
    Paragraph(usize),
    /// A table cell of a `.docx`: table, row and cell (`w:tc`) numbers, all 1-based.
    Cell {
        table: usize,
        row: usize,
        cell: usize,
    },
    /// The document as a whole (a fact no single place states, such as a derived code).
    Document,
    /// A spreadsheet cell: sheet name, 0-based row and column, shown as `Sheet1!B7`.
    Sheet {
        sheet: String,
        row: usize,
        col: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => f.write_str(&tf("import.loc-line", &[("n", &n.to_string())])),
            Location::Paragraph(n) => {
                f.write_str(&tf("import.loc-paragraph", &[("n", &n.to_string())]))
            }
            Location::Cell { table, row, cell } => f.write_str(&tf(
                "import.loc-cell",
                &[
                    ("table", &table.to_string()),
                    ("row", &row.to_string()),
                    ("cell", &cell.to_string()),
                ],
            )),
            Location::Document => f.write_str(crate::i18n::t("import.loc-document")),
            Location::Sheet { sheet, row, col } => {
                write!(f, "{sheet}!{}", crate::actuals::a1(*row, *col))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The cell's paragraphs joined by `\n`.
    pub text: String,
    pub loc: Location,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One line of body text (a `.docx` paragraph with line breaks gives several).
    Para { text: String, loc: Location },
    Table {
        rows: Vec<Vec<Cell>>,
        loc: Location,
        /// The same table with merged cells expanded (see [`GridCell`]).
        grid: Vec<Vec<GridCell>>,
    },
}

/// One column position of a table row once merged cells are expanded: a cell merged
/// across columns occupies each of them (`spanned` on all but the first), a cell merged
/// down is visible in every row it covers (`continued` below its first row). `loc` is
/// always the origin cell, so a message about a merged cell names the cell a person sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    pub text: String,
    pub loc: Location,
    /// A repeat of the cell to the left (merged across).
    pub spanned: bool,
    /// A repeat of the cell above (merged down).
    pub continued: bool,
}

impl GridCell {
    /// Whether this position is the cell's own first appearance (not a merge repeat).
    pub fn is_origin(&self) -> bool {
        !self.spanned && !self.continued
    }
}

/// A table without merge information: each cell is one grid position.
pub fn plain_grid(rows: &[Vec<Cell>]) -> Vec<Vec<GridCell>> {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| GridCell {
                    text: c.text.clone(),
                    loc: c.loc.clone(),
                    spanned: false,
                    continued: false,
                })
                .collect()
        })
        .collect()
}

/// A table block from its cells alone (text sources, where nothing is merged).
pub fn table_block(rows: Vec<Vec<Cell>>, loc: Location) -> Block {
    let grid = plain_grid(&rows);
    Block::Table { rows, loc, grid }
}

/// Reads the text export: one `\t`-prefixed line per cell (a cell's further paragraphs on
/// the following lines without the tab), an empty line after each row and after each
/// table, `[bookmark: NAME]` before bookmarked paragraphs (dropped here).
pub fn from_text(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Option<(Vec<Vec<Cell>>, Location)> = None;
    let mut row: Option<Vec<Cell>> = None;
    let pieces = src.split('\n').count();
    for (i, raw) in src.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let loc = Location::Line(i + 1);
        if let Some(cell) = line.strip_prefix('\t') {
            if table.is_none() {
                table = Some((Vec::new(), loc.clone()));
            }
            row.get_or_insert_with(Vec::new).push(Cell {
                text: cell.to_string(),
                loc,
            });
            continue;
        }
        if line.is_empty() {
            if let Some(r) = row.take() {
                if let Some((rows, _)) = table.as_mut() {
                    rows.push(r);
                }
                continue;
            }
            if let Some((rows, tloc)) = table.take() {
                blocks.push(table_block(rows, tloc));
                continue;
            }
            // The text ends with a newline: the last, empty piece is no paragraph.
            if i + 1 < pieces {
                blocks.push(Block::Para {
                    text: String::new(),
                    loc,
                });
            }
            continue;
        }
        if let Some(r) = row.as_mut() {
            if let Some(last) = r.last_mut() {
                last.text.push('\n');
                last.text.push_str(line);
                continue;
            }
        }
        if let Some((rows, tloc)) = table.take() {
            blocks.push(table_block(rows, tloc));
        }
        blocks.push(Block::Para {
            text: strip_bookmarks(line).to_string(),
            loc,
        });
    }
    if let Some(r) = row.take() {
        if let Some((rows, _)) = table.as_mut() {
            rows.push(r);
        }
    }
    if let Some((rows, tloc)) = table.take() {
        blocks.push(table_block(rows, tloc));
    }
    blocks
}

fn strip_bookmarks(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix("[bookmark: ") {
        match rest.find(']') {
            Some(end) => line = rest.get(end + 1..).unwrap_or(""),
            None => break,
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_tables_and_paragraphs() {
        let src = "[bookmark: _Toc1]标题\n\ta\n\tb\nb2\n\n\t\n\tc\n\n\n \n";
        let blocks = from_text(src);
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[0], Block::Para { text, .. } if text == "标题"));
        match &blocks[1] {
            Block::Table { rows, .. } => {
                assert_eq!(rows.len(), 2);
                assert_eq!(rows[0][1].text, "b\nb2");
                assert_eq!(rows[1][0].text, "");
                assert_eq!(rows[1][1].loc, Location::Line(7));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&blocks[2], Block::Para { text, .. } if text == " "));
    }
}
