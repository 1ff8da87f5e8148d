//! `jixiao import`: a published 绩效目标表 document (the text export format of the seed, or
//! `.docx`) → a scorecard folder. Both formats are read into the same blocks
//! ([`blocks::Block`]), so both write the same files byte for byte.
//!
//! Nothing is dropped silently: what cannot be placed is a [`Note`] with its location
//! (line of the text export; table/row/cell or paragraph of the `.docx`).

pub mod blocks;
mod build;
pub mod docx;
mod prose;

use super::model::Department;
use blocks::{Block, Location};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteLevel {
    /// Said so the user knows (a repeated target kept once, the inferred year).
    Info,
    /// Something the importer could not place or read; the import exits 1.
    Problem,
}

/// A message about the source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub level: NoteLevel,
    pub loc: Location,
    pub message: String,
}

impl Note {
    pub fn info(loc: Location, message: String) -> Note {
        Note {
            level: NoteLevel::Info,
            loc,
            message,
        }
    }
    pub fn problem(loc: Location, message: String) -> Note {
        Note {
            level: NoteLevel::Problem,
            loc,
            message,
        }
    }
    /// `warning: … \n  --> source:line 12`.
    pub fn render(&self, source: &str) -> String {
        let level = match self.level {
            NoteLevel::Info => "note",
            NoteLevel::Problem => "warning",
        };
        format!("{level}: {}\n  --> {source}: {}\n", self.message, self.loc)
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.loc)
    }
}

/// The input could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable(pub String);

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The fiscal year and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiscalYear {
    pub year: i32,
    /// e.g. "inferred: 2022 is written 14 times (first at line 148); also seen 2021 ×1".
    pub how: String,
}

pub struct Imported {
    pub department: Department,
    pub fiscal_year: FiscalYear,
    pub notes: Vec<Note>,
}

impl Imported {
    pub fn has_problems(&self) -> bool {
        self.notes.iter().any(|n| n.level == NoteLevel::Problem)
    }
}

/// Which reader a source needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
}

impl Format {
    /// `.docx` by extension or by its zip signature; everything else is the text export.
    pub fn detect(path: &Path, bytes: &[u8]) -> Format {
        let ext_docx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        if ext_docx || bytes.starts_with(b"PK\x03\x04") {
            Format::Docx
        } else {
            Format::Text
        }
    }
}

/// Reads a source file and imports it.
pub fn import_file(path: &Path, fiscal_year: Option<i32>) -> Result<Imported, Unusable> {
    let bytes = std::fs::read(path)
        .map_err(|e| Unusable(format!("cannot read `{}`: {e}", path.display())))?;
    import_bytes(path, &bytes, fiscal_year)
}

pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    fiscal_year: Option<i32>,
) -> Result<Imported, Unusable> {
    let blocks = match Format::detect(path, bytes) {
        Format::Docx => docx::read_docx(bytes).map_err(|e| Unusable(e.0))?,
        Format::Text => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                Unusable(format!(
                    "`{}` is neither a .docx nor UTF-8 text: {e}",
                    path.display()
                ))
            })?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            blocks::from_text(text)
        }
    };
    import_blocks(&blocks, fiscal_year)
}

/// Imports the seed's text export format from a string.
pub fn import_text(text: &str, fiscal_year: Option<i32>) -> Result<Imported, Unusable> {
    import_blocks(&blocks::from_text(text), fiscal_year)
}

pub fn import_blocks(blocks: &[Block], fiscal_year: Option<i32>) -> Result<Imported, Unusable> {
    if !blocks.iter().any(|b| matches!(b, Block::Table { .. })) {
        return Err(Unusable(
            "no tables found: this does not look like a published 绩效目标表".to_string(),
        ));
    }
    let mut notes = Vec::new();
    let built = build::build(blocks, &mut notes);
    let mut department = built.department;
    if department.projects.is_empty() {
        return Err(Unusable(
            "no project table (项目编码 …) found: this does not look like a published 绩效目标表"
                .to_string(),
        ));
    }
    let fy = match (fiscal_year, infer_year(&built.years)) {
        (Some(y), inferred) => FiscalYear {
            year: y,
            how: match inferred {
                Some(i) if i.year != y => format!("given by --fiscal-year (the document suggests {}: {})", i.year, i.how),
                _ => "given by --fiscal-year".to_string(),
            },
        },
        (None, Some(i)) => i,
        (None, None) => {
            return Err(Unusable(
                "cannot infer the fiscal year: no year is written in the titles or deadlines; pass --fiscal-year".to_string(),
            ))
        }
    };
    department.fiscal_year = fy.year;
    if department.code.is_empty() {
        notes.push(Note::problem(
            Location::Line(0),
            "the department code could not be read from the 实施单位 of the first project"
                .to_string(),
        ));
    }
    Ok(Imported {
        department,
        fiscal_year: fy,
        notes,
    })
}

/// The most frequent year (ties: the later one).
fn infer_year(years: &[(i32, Location)]) -> Option<FiscalYear> {
    let mut counts: BTreeMap<i32, (usize, Location)> = BTreeMap::new();
    for (y, loc) in years {
        counts.entry(*y).or_insert((0, *loc)).0 += 1;
    }
    let (year, (n, first)) = counts
        .iter()
        .max_by_key(|(y, (n, _))| (*n, **y))
        .map(|(y, v)| (*y, *v))?;
    let others: Vec<String> = counts
        .iter()
        .filter(|(y, _)| **y != year)
        .map(|(y, (n, _))| format!("{y} ×{n}"))
        .collect();
    let mut how =
        format!("inferred: {year} is written {n} times in titles and deadlines (first at {first})");
    if !others.is_empty() {
        how.push_str(&format!("; also seen {}", others.join(", ")));
    }
    Some(FiscalYear { year, how })
}
