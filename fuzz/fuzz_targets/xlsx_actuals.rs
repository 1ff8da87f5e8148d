//! The xlsx actuals reader: a whole file when the input is a zip (`PK…`), else the input
//! as the sheet XML (and, after a NUL byte, the shared strings) of a minimal workbook.
//! Read with and without the seed department; diagnostics rendered.
#![no_main]
mod wrap;
use jixiao::actuals::parse_actuals_xlsx;
use jixiao::diagnostic::render_file_diagnostics;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
        let (sheet, strings) = data.split_at(split);
        wrap::workbook(sheet, strings.get(1..).unwrap_or(&[]))
    };
    let path = Path::new("actuals.xlsx");
    if let Err(d) = parse_actuals_xlsx(path, &bytes, "315001", None) {
        let _ = render_file_diagnostics(&d);
    }
    if let Some(dept) = wrap::seed() {
        if let Err(d) = parse_actuals_xlsx(path, &bytes, &dept.code, Some(dept)) {
            let _ = render_file_diagnostics(&d);
        }
    }
});
