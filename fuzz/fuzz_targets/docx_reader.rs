//! The scorecard importer's docx reader: a whole file when the input is a zip (`PK…`),
//! else the input as `word/document.xml` of a minimal document, and as XML directly.
#![no_main]
mod wrap;
use jixiao::scorecard::import::docx::{blocks_from_xml, read_docx};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        let _ = read_docx(data);
        return;
    }
    let _ = read_docx(&wrap::document(data));
    if let Ok(xml) = std::str::from_utf8(data) {
        let _ = blocks_from_xml(xml);
    }
});
