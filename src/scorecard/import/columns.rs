//! Finding the indicator header row anywhere in a grid and what each column holds, by the
//! header words in `synonyms` (never by position). A second header row under a spanned
//! `指标值` (`指标性质 | 指标值 | 度量单位`) refines the columns it covers.

use super::blocks::GridCell;
use super::synonyms::{column_of, squeeze, Col};

/// The role of each grid column of an indicator table.
#[derive(Debug, Clone)]
pub struct Columns {
    pub roles: Vec<Option<Col>>,
    /// Header texts per column, for notes about ignored columns.
    pub names: Vec<String>,
}

impl Columns {
    pub fn all(&self, col: Col) -> Vec<usize> {
        self.roles
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == Some(col))
            .map(|(i, _)| i)
            .collect()
    }
    pub fn has(&self, col: Col) -> bool {
        self.roles.contains(&Some(col))
    }
    pub fn width(&self) -> usize {
        self.roles.len()
    }
}

/// Header cells are short; a sentence that happens to contain `指标值` is not one.
const MAX_HEADER_CHARS: usize = 24;

fn role(cell: &GridCell) -> Option<Col> {
    let t = squeeze(&cell.text);
    if t.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    column_of(&cell.text)
}

/// The columns when `row` is an indicator header row: it names the 三级 indicator, the
/// target and at least one level column (or the project, in a multi-project table).
pub fn header(row: &[GridCell]) -> Option<Columns> {
    let roles: Vec<Option<Col>> = row.iter().map(role).collect();
    let has = |c: Col| roles.contains(&Some(c));
    // A table with no 指标值 column states each target in its 三级 cell.
    let levels = has(Col::Level1) || has(Col::Level2);
    if !(has(Col::Name) && levels) {
        return None;
    }
    Some(Columns {
        roles,
        names: row.iter().map(|c| c.text.trim().to_string()).collect(),
    })
}

/// When `row` is a second header row, the refined columns; `None` when it is data.
pub fn sub_header(cols: &Columns, row: &[GridCell]) -> Option<Columns> {
    let mut any = false;
    let mut out = cols.clone();
    for (i, cell) in row.iter().enumerate() {
        let t = cell.text.trim();
        if t.is_empty() || cell.continued || cell.spanned {
            continue;
        }
        let r = role(cell)?;
        any = true;
        if let Some(slot) = out.roles.get_mut(i) {
            *slot = Some(r);
        }
        if let Some(slot) = out.names.get_mut(i) {
            *slot = t.to_string();
        }
    }
    any.then_some(out)
}
