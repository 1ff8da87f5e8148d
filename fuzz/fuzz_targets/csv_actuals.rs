//! The CSV actuals reader: rows keyed by 指标编码 and by 二级指标 + 三级指标 (resolved
//! against the seed department), diagnostics rendered.
#![no_main]
mod wrap;
use jixiao::actuals::{parse_actuals_csv, parse_actuals_csv_for};
use jixiao::diagnostic::render_file_diagnostics;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let path = Path::new("actuals.csv");
    if let Err(d) = parse_actuals_csv(path, s, "315001") {
        let _ = render_file_diagnostics(&d);
    }
    if let Some(dept) = wrap::seed() {
        if let Err(d) = parse_actuals_csv_for(path, s, dept) {
            let _ = render_file_diagnostics(&d);
        }
    }
});
