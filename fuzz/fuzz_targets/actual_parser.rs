//! Actual cells (实际完成值): parsing and diagnostics rendering.
#![no_main]
use jixiao::parse::parse_actual;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    match parse_actual(s) {
        Ok(p) => {
            let _ = jixiao::diagnostic::render(&p.warnings, "cell", s);
        }
        Err(d) => {
            let _ = jixiao::diagnostic::render(&d, "cell", s);
        }
    }
});
