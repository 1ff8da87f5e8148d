//! Actuals files: TOML and CSV, diagnostics rendered.
#![no_main]
use jixiao::actuals::{parse_actuals_csv, parse_actuals_toml};
use jixiao::diagnostic::render_file_diagnostics;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Err(d) = parse_actuals_toml(Path::new("actuals.toml"), s) {
        let _ = render_file_diagnostics(&d);
    }
    if let Err(d) = parse_actuals_csv(Path::new("actuals.csv"), s, "315001") {
        let _ = render_file_diagnostics(&d);
    }
});
