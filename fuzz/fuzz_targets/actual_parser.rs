//! Actual cells (实际完成值): parsing and diagnostics rendering; the plain-number fast path
//! must read exactly what the grammar reads (issue 13: its units come from the vocabulary).
#![no_main]
use jixiao::parse::{parse_actual, parse_actual_grammar, parse_actual_uncached};
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
    if s.len() <= jixiao::limits::MAX_CELL_BYTES {
        let fast = parse_actual_uncached(s).map(|p| p.value.value);
        let slow = parse_actual_grammar(s).map(|p| p.value.value);
        assert_eq!(fast, slow, "fast path and grammar disagree on {s:?}");
    }
});
