//! `jixiao import`: a published 绩效目标表 document (the seed's text export, `.docx`,
//! `.xlsx`/`.xls`, or plain text with flattened tables) → a scorecard folder. Every reader
//! produces the same blocks ([`blocks::Block`]). The seed's own layout (an info table with
//! 项目编码 and an indicator table per project) is read by `build`, so text export and
//! `.docx` write the same files byte for byte; any other layout is read by meaning in
//! `layout` (header words and labels from `synonyms`).
//!
//! Nothing is dropped silently: what cannot be placed is a [`Note`] with its location
//! (line of a text file; table/row/cell or paragraph of a `.docx`; `Sheet!B7`).

pub(crate) mod amount;
mod assemble;
pub mod blocks;
mod build;
pub mod code;
mod columns;
pub mod docx;
mod flat_text;
mod indicator_row;
mod indicator_table;
mod info;
mod info_table;
mod layout;
mod prose;
mod reading;
mod sheet;
pub mod synonyms;

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
    /// `警告：…\n  --> source: 第 12 行` (`warning: …` in English).
    pub fn render(&self, source: &str) -> String {
        let key = match self.level {
            NoteLevel::Info => "import.note",
            NoteLevel::Problem => "import.warning",
        };
        let head = crate::i18n::tf(key, &[("msg", &self.message)]);
        format!("{head}\n  --> {source}: {}\n", self.loc)
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
    /// `.xlsx` or `.xls` (calamine tells them apart by content).
    Workbook,
}

impl Format {
    /// By extension, else by content: a zip holding `word/document.xml` is `.docx`, any
    /// other zip or an OLE file is a workbook; everything else is text.
    pub fn detect(path: &Path, bytes: &[u8]) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "docx" => return Format::Docx,
            "xlsx" | "xlsm" | "xls" | "et" => return Format::Workbook,
            _ => {}
        }
        if bytes.starts_with(b"PK\x03\x04") {
            let is_word = zip::ZipArchive::new(std::io::Cursor::new(bytes))
                .map(|mut z| z.by_name("word/document.xml").is_ok())
                .unwrap_or(true);
            if is_word {
                Format::Docx
            } else {
                Format::Workbook
            }
        } else if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
            Format::Workbook
        } else {
            Format::Text
        }
    }
}

/// Formats people often have instead of the ones read here, and what to do with them.
fn unsupported(path: &Path, bytes: &[u8]) -> Option<String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let name = path.display();
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        return Some(format!(
            "`{name}` 是 PDF，无法读取表格：请找原始的 .docx/.xlsx，或把表格复制到文本文件（.txt）后导入"
        ));
    }
    let ole = bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]);
    if ext == "doc" || ext == "wps" || (ole && !matches!(ext.as_str(), "xls" | "et" | "")) {
        return Some(format!(
            "`{name}` 是旧版 Word（.doc/.wps）文件，无法直接读取：请在 Word 或 WPS 中另存为 .docx 后导入"
        ));
    }
    None
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(512)
        .skip_while(|b| b.is_ascii_whitespace() || **b >= 0x80)
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype") || head.starts_with(b"<html") || head.starts_with(b"<?xml")
}

/// Whether a text is the seed's export (one `\t`-led line per cell) rather than a page
/// with tables flattened into lines.
fn is_seed_export(text: &str) -> bool {
    let mut cell_lines = 0usize;
    let mut flat_lines = 0usize;
    for line in text.lines() {
        match line.strip_prefix('\t') {
            Some(rest) if !rest.contains('\t') => cell_lines += 1,
            _ if line.contains('\t') || line.contains('|') => flat_lines += 1,
            _ => {}
        }
    }
    cell_lines > 0 && cell_lines >= flat_lines
}

/// Reads a source file and imports it.
pub fn import_file(path: &Path, fiscal_year: Option<i32>) -> Result<Imported, Unusable> {
    // A regular file (not a FIFO or /dev/zero) within the source-size limit.
    let bytes = crate::limits::read_file_capped(path, crate::limits::MAX_SOURCE_BYTES)
        .map_err(|e| Unusable(format!("无法读取 `{}`：{e}", path.display())))?;
    import_bytes(path, &bytes, fiscal_year)
}

pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    fiscal_year: Option<i32>,
) -> Result<Imported, Unusable> {
    let (blocks, notes) = read_blocks(path, bytes)?;
    import_read(&blocks, notes, fiscal_year)
}

/// The document → blocks layer alone (every format), shared with `audit`, which reads
/// the same grids as a published 自评表.
pub fn read_blocks(path: &Path, bytes: &[u8]) -> Result<(Vec<Block>, Vec<Note>), Unusable> {
    if let Some(why) = unsupported(path, bytes) {
        return Err(Unusable(why));
    }
    Ok(match Format::detect(path, bytes) {
        Format::Docx if looks_like_html(bytes) => {
            return Err(Unusable(format!(
                "`{}` 是以 .docx 为扩展名保存的网页（HTML），不是 Word 文档：请用 Word 打开后另存为 Word 文档（.docx），或把网页另存为文本（.txt）",
                path.display()
            )))
        }
        Format::Docx => docx::read_docx(bytes).map_err(|e| Unusable(e.0))?,
        Format::Workbook => sheet::read_workbook(bytes)?,
        Format::Text => {
            // Text pages saved on a Chinese Windows are often GBK (or UTF-16 from Word's
            // "Unicode text"): decode like every other text input, and say which.
            let decoded = crate::encoding::decode(bytes).map_err(|e| {
                Unusable(format!("`{}`：{}（{}）", path.display(), e.message, e.help))
            })?;
            let text = decoded.text.as_str();
            let mut notes = Vec::new();
            if !matches!(
                decoded.encoding,
                crate::encoding::TextEncoding::Utf8 | crate::encoding::TextEncoding::Utf8Bom
            ) {
                notes.push(Note::info(
                    Location::Document,
                    crate::i18n::tf("import.n-encoding", &[("encoding", decoded.encoding.name())]),
                ));
            }
            if is_seed_export(text) {
                (blocks::from_text(text), notes)
            } else {
                (flat_text::from_flat_text(text), notes)
            }
        }
    })
}

/// Imports the seed's text export format from a string.
pub fn import_text(text: &str, fiscal_year: Option<i32>) -> Result<Imported, Unusable> {
    import_blocks(&blocks::from_text(text), fiscal_year)
}

pub fn import_blocks(blocks: &[Block], fiscal_year: Option<i32>) -> Result<Imported, Unusable> {
    import_read(blocks, Vec::new(), fiscal_year)
}

/// Whether the seed's layout reader read the document completely: every project has its
/// code and indicator table. Then its result is used as is (the seed imports byte for byte).
fn seed_layout(blocks: &[Block]) -> Option<(build::Built, Vec<Note>)> {
    let mut notes = Vec::new();
    let built = build::build(blocks, &mut notes);
    let ps = &built.department.projects;
    let complete = !ps.is_empty()
        && ps
            .iter()
            .all(|p| !p.code.is_empty() && !p.indicators.is_empty());
    complete.then_some((built, notes))
}

fn import_read(
    blocks: &[Block],
    reader_notes: Vec<Note>,
    fiscal_year: Option<i32>,
) -> Result<Imported, Unusable> {
    if let Some((built, mut notes)) = seed_layout(blocks) {
        let mut all = reader_notes;
        all.append(&mut notes);
        return finish(built.department, &built.years, all, fiscal_year);
    }
    let reading = layout::read(blocks, reader_notes);
    let found = nothing_found(&reading);
    let a = assemble::assemble(reading);
    let rows = a.department.indicators.len()
        + a.department
            .projects
            .iter()
            .map(|p| p.indicators.len())
            .sum::<usize>();
    if rows == 0 {
        return Err(Unusable(found));
    }
    finish(a.department, &a.years, a.notes, fiscal_year)
}

/// The message when nothing can be imported: what was found, so the user sees why.
fn nothing_found(rd: &reading::Reading) -> String {
    let mut out = String::from(
        "没有可导入的内容：未找到指标行。导入需要一行表头写明 一级指标（或二级指标）、三级指标（指标名称、指标内容 …）和 指标值（年度指标值、目标值 …），或像 `新建温室大棚≥40座` 这样写有目标的句子。",
    );
    if rd.tables.is_empty() {
        out.push_str("\n找到：没有表格");
        if !rd.prose.is_empty() {
            out.push_str(&format!("，{} 段文字中没有目标", rd.prose.len()));
        }
    } else {
        out.push_str("\n找到：");
        for (i, t) in rd.tables.iter().enumerate() {
            out.push_str(&format!(
                "\n  表 {}（{}）：{} 行 × {} 列；",
                i + 1,
                t.loc,
                t.rows,
                t.cols
            ));
            match &t.header {
                _ if t.first_rows.is_empty() => out.push_str("空表"),
                Some(h) => out.push_str(&format!("有表头行 `{h}`，但其下没有指标行")),
                None => out.push_str("没有指标表头行"),
            }
            for r in &t.first_rows {
                out.push_str(&format!("\n    `{r}`"));
            }
        }
    }
    out.push_str("\n如何修改：给指标表加上写明这些列名的表头行（见 README「Importing other layouts」），或导入绩效目标表本身的 .docx/.xlsx/.txt 文件");
    out
}

fn finish(
    mut department: Department,
    years: &[(i32, Location)],
    mut notes: Vec<Note>,
    fiscal_year: Option<i32>,
) -> Result<Imported, Unusable> {
    let fy = match (fiscal_year, infer_year(years)) {
        (Some(y), inferred) => FiscalYear {
            year: y,
            how: match inferred {
                Some(i) if i.year != y => crate::i18n::tf(
                    "import.year-given-differs",
                    &[("year", &i.year.to_string()), ("how", &i.how)],
                ),
                _ => crate::i18n::t("import.year-given").to_string(),
            },
        },
        (None, Some(i)) => i,
        (None, None) => return Err(Unusable(crate::i18n::t("import.year-unknown").to_string())),
    };
    department.fiscal_year = fy.year;
    if department.code.is_empty() {
        let code = code::derived_code("D", "", &department.name);
        notes.push(Note::problem(
            Location::Document,
            crate::i18n::tf(
                "import.n-derived-dept-code-unit",
                &[("code", &code.to_string())],
            ),
        ));
        department.code = code;
    }
    if department.name.trim().is_empty() {
        department.name = "未注明部门".to_string();
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
        counts.entry(*y).or_insert((0, loc.clone())).0 += 1;
    }
    let (year, (n, first)) = counts
        .iter()
        .max_by_key(|(y, (n, _))| (*n, **y))
        .map(|(y, v)| (*y, v.clone()))?;
    let others: Vec<String> = counts
        .iter()
        .filter(|(y, _)| **y != year)
        .map(|(y, (n, _))| format!("{y} ×{n}"))
        .collect();
    let mut how = crate::i18n::tf(
        "import.year-inferred",
        &[
            ("year", &year.to_string()),
            ("n", &n.to_string()),
            ("first", &first.to_string()),
        ],
    );
    if !others.is_empty() {
        how.push_str(&crate::i18n::tf(
            "import.year-also",
            &[("others", &others.join(", "))],
        ));
    }
    Some(FiscalYear { year, how })
}
