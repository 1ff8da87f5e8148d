//! Per-thread memo of the target and actual parsers, keyed by the cell text. A region
//! repeats the same cells across departments (`≥95%`, `2022年12月底前`, `达成`), and both
//! parsers are pure functions of their text, so a cached result equals a fresh parse
//! (tested in `tests/region.rs`). Bounded: a full table is cleared, never grown.

use crate::diagnostic::Diagnostic;
use crate::model::{Actual, Target};
use crate::parse::{Parsed, Strictness};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Entries kept per thread and per parser before the table is cleared.
pub const MEMO_ENTRIES: usize = 8192;

type TargetResult = Result<Parsed<Target>, Vec<Diagnostic>>;
type ActualResult = Result<Parsed<Actual>, Vec<Diagnostic>>;

thread_local! {
    static TARGETS: RefCell<FxHashMap<Box<str>, TargetResult>> = RefCell::default();
    static STRICT_TARGETS: RefCell<FxHashMap<Box<str>, TargetResult>> = RefCell::default();
    static ACTUALS: RefCell<FxHashMap<Box<str>, ActualResult>> = RefCell::default();
}

/// `parse(src, strictness)`, memoised.
pub fn target(
    src: &str,
    strictness: Strictness,
    parse: fn(&str, Strictness) -> TargetResult,
) -> TargetResult {
    let table = if strictness == Strictness::Strict {
        &STRICT_TARGETS
    } else {
        &TARGETS
    };
    if let Some(hit) = table.with(|m| m.borrow().get(src).cloned()) {
        return hit;
    }
    let result = parse(src, strictness);
    table.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_ENTRIES {
            m.clear();
        }
        m.insert(Box::from(src), result.clone());
    });
    result
}

/// `parse(src)`, memoised.
pub fn actual(src: &str, parse: fn(&str) -> ActualResult) -> ActualResult {
    if let Some(hit) = ACTUALS.with(|m| m.borrow().get(src).cloned()) {
        return hit;
    }
    let result = parse(src);
    ACTUALS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_ENTRIES {
            m.clear();
        }
        m.insert(Box::from(src), result.clone());
    });
    result
}
