//! Scorecard files: a project file and a department file, diagnostics rendered.
#![no_main]
use jixiao::diagnostic::render_file_diagnostics;
use jixiao::scorecard::load::{load_department_file_str, load_project_str};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    match load_project_str(Path::new("projects/01-fuzz.toml"), s) {
        Ok((_, w)) | Err(w) => {
            let _ = render_file_diagnostics(&w);
        }
    }
    match load_department_file_str(Path::new("department.toml"), s) {
        Ok((_, w)) | Err(w) => {
            let _ = render_file_diagnostics(&w);
        }
    }
});
