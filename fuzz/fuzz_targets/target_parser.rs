//! Target cells (指标值): lenient and strict parsing, diagnostics rendered, and the
//! canonical form of a parsed target re-parsed.
#![no_main]
use jixiao::parse::{parse_target, parse_target_uncached, Strictness};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for st in [Strictness::Lenient, Strictness::Strict] {
        let memo = parse_target(s, st);
        match &memo {
            Ok(p) => {
                let _ = jixiao::diagnostic::render(&p.warnings, "cell", s);
                let canon = p.value.to_string();
                let _ = parse_target(&canon, Strictness::Lenient);
            }
            Err(d) => {
                let _ = jixiao::diagnostic::render(d, "cell", s);
            }
        }
        if s.len() <= jixiao::limits::MAX_CELL_BYTES {
            // The memo must not change the answer.
            assert_eq!(
                format!("{memo:?}"),
                format!("{:?}", parse_target_uncached(s, st))
            );
        }
    }
});
