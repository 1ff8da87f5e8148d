//! Which cells of an `.xlsx` workbook carry a percent number format. calamine tells dates
//! from numbers but not `0%` from `General`, so a person typing `95%` into a percent cell
//! gives the number 0.95 and no hint. This reads the parts calamine hides:
//!
//! - `xl/styles.xml`: the custom formats (`numFmts`) and the cell styles (`cellXfs`, by
//!   index); a style is a percent style when its `numFmtId` is the builtin 9 (`0%`) or 10
//!   (`0.00%`), or a custom format whose code holds a `%` outside quotes, brackets and
//!   escapes (`0.0%`, `#,##0.00%;[Red]-0.00%`);
//! - `xl/workbook.xml` + `xl/_rels/workbook.xml.rels`: which XML part holds which sheet;
//! - each sheet's part: the style index `s` of every `<c>` cell.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Cursor, Read};

/// 0-based (row, column) of the cells with a percent style, per sheet name. Sheets with
/// no such cell are absent.
pub type PercentCells = HashMap<String, HashSet<(u32, u32)>>;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;
/// An XML part being read.
type Xml<'a> = Reader<&'a mut dyn BufRead>;

/// Finds the percent-styled cells of every sheet; `Err` with the reason when a part the
/// workbook names cannot be read.
pub fn percent_cells(bytes: &[u8]) -> Result<PercentCells, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("the workbook is not a zip file: {e}"))?;
    let Some(styles) = read_part(&mut zip, "xl/styles.xml", percent_styles)? else {
        return Ok(PercentCells::new());
    };
    if styles.is_empty() {
        return Ok(PercentCells::new());
    }
    let sheets = read_part(&mut zip, "xl/workbook.xml", sheet_ids)?.unwrap_or_default();
    let targets =
        read_part(&mut zip, "xl/_rels/workbook.xml.rels", rel_targets)?.unwrap_or_default();
    let mut out = PercentCells::new();
    for (name, rid) in sheets {
        let Some(part) = targets.get(&rid) else {
            continue;
        };
        let cells = read_part(&mut zip, part, |r| styled_cells(r, &styles))?.unwrap_or_default();
        if !cells.is_empty() {
            out.insert(name, cells);
        }
    }
    Ok(out)
}

/// Refuses a shared-strings part that announces more strings than a workbook may hold
/// cells: calamine reserves room for the announced count before reading one, so
/// `uniqueCount="4000000000"` in a 2 KB file would ask for about 100 GB. Every part named
/// `…sharedStrings.xml` is looked at, wherever the workbook says its parts are.
pub fn check_shared_strings(bytes: &[u8], max: usize) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("the workbook is not a zip file: {e}"))?;
    let parts: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(|n| n.to_string())
        .collect();
    for part in parts {
        let announced = read_part(&mut zip, &part, sst_count)?.flatten();
        let Some(n) = announced else { continue };
        if n.trim().parse::<u64>().map_or(true, |n| n > max as u64) {
            return Err(format!(
                "`{part}` 声称有 {n} 个共享字符串，超过上限 {max}（可能是“字符串炸弹”）；请用 Excel 或 WPS 重新另存"
            ));
        }
    }
    Ok(())
}

/// The count the `<sst>` element announces (`uniqueCount`, else `count`); reads no
/// further than that element.
fn sst_count(reader: &mut Xml) -> Result<Option<String>, quick_xml::Error> {
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                return Ok(attr(&e, "uniqueCount").or_else(|| attr(&e, "count")));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
        buf.clear();
    }
}

/// Runs `f` over the XML of `part`; `None` when the workbook has no such part.
fn read_part<T>(
    zip: &mut Zip,
    part: &str,
    f: impl FnOnce(&mut Xml) -> Result<T, quick_xml::Error>,
) -> Result<Option<T>, String> {
    let mut file = match zip.by_name(part) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read `{part}` in the workbook: {e}")),
    };
    let read: &mut dyn Read = &mut file;
    let mut buffered = BufReader::new(read);
    let mut reader: Xml = Reader::from_reader(&mut buffered);
    f(&mut reader)
        .map(Some)
        .map_err(|e| format!("`{part}` in the workbook is not well-formed XML: {e}"))
}

/// The value of the attribute whose local name is `name`, unescaped.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| a.normalized_value(XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(|v| v.into_owned())
    })
}

/// An element as [`each_element`] shows it.
enum El<'a, 'e> {
    /// A start tag (`true`) or an empty element (`false`).
    Open(&'a BytesStart<'e>, bool),
    /// The local name of an end tag.
    Close(&'a str),
}

/// Calls `f` for every start, empty and end element, in order.
fn each_element<R: BufRead>(
    reader: &mut Reader<R>,
    mut f: impl FnMut(El),
) -> Result<(), quick_xml::Error> {
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => f(El::Open(&e, true)),
            Event::Empty(e) => f(El::Open(&e, false)),
            Event::End(e) => f(El::Close(e.local_name().as_ref())),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
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

/// The indexes into `cellXfs` whose number format is a percent format.
fn percent_styles(reader: &mut Xml) -> Result<HashSet<u32>, quick_xml::Error> {
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut xf_ids: Vec<Option<u32>> = Vec::new();
    let mut in_cell_xfs = false;
    each_element(reader, |el| {
        let El::Open(e, is_start) = el else {
            if matches!(el, El::Close("cellXfs")) {
                in_cell_xfs = false;
            }
            return;
        };
        match e.local_name().as_ref() {
            "numFmt" => {
                if let (Some(id), Some(code)) = (
                    attr(e, "numFmtId").and_then(|s| s.trim().parse().ok()),
                    attr(e, "formatCode"),
                ) {
                    codes.insert(id, code);
                }
            }
            "cellXfs" => in_cell_xfs = is_start,
            "xf" if in_cell_xfs => {
                xf_ids.push(attr(e, "numFmtId").and_then(|s| s.trim().parse().ok()));
            }
            _ => {}
        }
    })?;
    let is_percent = |id: u32| match codes.get(&id) {
        Some(code) => is_percent_code(code),
        None => id == 9 || id == 10,
    };
    Ok(xf_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| id.is_some_and(is_percent))
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect())
}

/// `(sheet name, relationship id)` of each sheet in `xl/workbook.xml`, in order.
fn sheet_ids(reader: &mut Xml) -> Result<Vec<(String, String)>, quick_xml::Error> {
    let mut out = Vec::new();
    each_element(reader, |el| {
        if let El::Open(e, _) = el {
            if e.local_name().as_ref() == "sheet" {
                if let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "id")) {
                    out.push((name, id));
                }
            }
        }
    })?;
    Ok(out)
}

/// Relationship id → zip path of its target, from `xl/_rels/workbook.xml.rels`.
fn rel_targets(reader: &mut Xml) -> Result<HashMap<String, String>, quick_xml::Error> {
    let mut out = HashMap::new();
    each_element(reader, |el| {
        if let El::Open(e, _) = el {
            if e.local_name().as_ref() == "Relationship" {
                if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                    out.insert(id, part_path(&target));
                }
            }
        }
    })?;
    Ok(out)
}

/// The zip path of a relationship target of `xl/workbook.xml`: absolute (`/xl/…`) or
/// relative to `xl/`, with `.` and `..` resolved.
fn part_path(target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// 0-based (row, column) of an A1 reference: `B7` → (6, 1).
fn parse_a1(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut col: u32 = 0;
    for c in letters.chars() {
        let v = u32::from(c.to_ascii_uppercase()) - u32::from('A') + 1;
        col = col.checked_mul(26)?.checked_add(v)?;
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// The cells of a sheet part whose style index is in `styles`.
fn styled_cells(
    reader: &mut Xml,
    styles: &HashSet<u32>,
) -> Result<HashSet<(u32, u32)>, quick_xml::Error> {
    let mut out = HashSet::new();
    // Rows and cells may leave out `r`: they follow the one before.
    let mut row: Option<u32> = None;
    let mut next_col: u32 = 0;
    each_element(reader, |el| {
        let El::Open(e, _) = el else { return };
        match e.local_name().as_ref() {
            "row" => {
                let r = attr(e, "r")
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .and_then(|r| r.checked_sub(1));
                row = r.or_else(|| Some(row.map_or(0, |p| p.saturating_add(1))));
                next_col = 0;
            }
            "c" => {
                let at = attr(e, "r")
                    .and_then(|s| parse_a1(s.trim()))
                    .unwrap_or((row.unwrap_or(0), next_col));
                next_col = at.1.saturating_add(1);
                let style = attr(e, "s").and_then(|s| s.trim().parse::<u32>().ok());
                if style.is_some_and(|s| styles.contains(&s)) {
                    out.insert(at);
                }
            }
            _ => {}
        }
    })?;
    Ok(out)
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

    #[test]
    fn a1_refs() {
        assert_eq!(parse_a1("A1"), Some((0, 0)));
        assert_eq!(parse_a1("B7"), Some((6, 1)));
        assert_eq!(parse_a1("AA1"), Some((0, 26)));
        assert_eq!(parse_a1("A0"), None);
        assert_eq!(parse_a1("7"), None);
        assert_eq!(parse_a1("A"), None);
        assert_eq!(parse_a1("ZZZZZZZZZZ1"), None);
    }

    #[test]
    fn part_paths() {
        assert_eq!(
            part_path("worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_path("/xl/worksheets/sheet2.xml"),
            "xl/worksheets/sheet2.xml"
        );
        assert_eq!(
            part_path("./worksheets/../worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
    }

    #[test]
    fn styles_and_cells() {
        let styles = r#"<styleSheet><numFmts count="2">
            <numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.00&quot;%&quot;"/>
            </numFmts><cellStyleXfs><xf numFmtId="9"/></cellStyleXfs>
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"><alignment/></xf>
            <xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>"#;
        let mut bytes = styles.as_bytes();
        let got = percent_styles(&mut Reader::from_reader(&mut bytes)).expect("xml");
        assert_eq!(got, HashSet::from([1, 2, 4]));
        let sheet = r#"<worksheet><sheetData><row r="3"><c r="D3" s="1"><v>0.95</v></c>
            <c s="2"/><c r="G3" s="3"/></row><row><c s="4"/></row></sheetData></worksheet>"#;
        let mut bytes = sheet.as_bytes();
        let cells = styled_cells(&mut Reader::from_reader(&mut bytes), &got).expect("xml");
        assert_eq!(cells, HashSet::from([(2, 3), (2, 4), (3, 0)]));
    }
}
