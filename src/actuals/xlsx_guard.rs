//! A guard run before calamine reads a workbook: a shared-strings part that announces
//! more strings than a workbook may hold cells is refused, since calamine reserves room for
//! the announced count before reading one.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::io::{BufRead, BufReader, Cursor, Read};

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;
/// An XML part being read.
type Xml<'a> = Reader<&'a mut dyn BufRead>;

/// Refuses a shared-strings part that announces more strings than a workbook may hold
/// cells: calamine reserves room for the announced count before reading one, so
/// `uniqueCount="4000000000"` in a 2 KB file would ask for about 100 GB. Every part named
/// `…sharedStrings.xml` is looked at, wherever the workbook says its parts are.
pub fn check_shared_strings(bytes: &[u8], max: usize) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| crate::i18n::tf("actuals.not-zip", &[("error", &e.to_string())]))?;
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
            return Err(crate::i18n::tf(
                "actuals.string-bomb",
                &[("part", &part), ("n", &n), ("max", &max.to_string())],
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
        Err(e) => {
            return Err(crate::i18n::tf(
                "actuals.part-unreadable",
                &[("part", part), ("error", &e.to_string())],
            ))
        }
    };
    let read: &mut dyn Read = &mut file;
    let mut buffered = BufReader::new(read);
    let mut reader: Xml = Reader::from_reader(&mut buffered);
    f(&mut reader).map(Some).map_err(|e| {
        crate::i18n::tf(
            "actuals.part-not-xml",
            &[("part", part), ("error", &e.to_string())],
        )
    })
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
