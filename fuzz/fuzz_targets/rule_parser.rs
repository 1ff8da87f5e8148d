//! Scoring rules: every policy subject, a row's own rule, and a whole policy file.
#![no_main]
use jixiao::policy::{parse_policy, parse_row_override, parse_rule, Subject};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for subject in Subject::ALL {
        if let Err(d) = parse_rule(subject, s) {
            let _ = jixiao::diagnostic::render(&d, "rule", s);
        }
    }
    if let Err(d) = parse_row_override(s) {
        let _ = jixiao::diagnostic::render(&d, "rule", s);
    }
    if let Err(d) = parse_policy("fuzz.toml", s) {
        let _ = jixiao::diagnostic::render(&d, "fuzz.toml", s);
    }
});
