//! Per-thread memo of the target and actual parsers, keyed by the cell text under one
//! vocabulary. A region repeats the same cells across departments (`≥95%`,
//! `2022年12月底前`, `达成`), and both parsers are pure functions of their text and the
//! vocabulary in force, so a cached result equals a fresh parse (tested in
//! `tests/region.rs`). A table remembers the vocabulary it was filled under and is cleared
//! when a parse runs under another: `diff --policy A --policy B` reads the same cells with
//! two policies' words (`tests/vocabulary_policy.rs`). Bounded: a full table is cleared,
//! never grown.

use crate::diagnostic::Diagnostic;
use crate::model::vocabulary::{self, Vocabulary};
use crate::model::{Actual, Target};
use crate::parse::{Parsed, Strictness};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::Arc;

/// Entries kept per thread and per parser before the table is cleared.
pub const MEMO_ENTRIES: usize = 8192;

type TargetResult = Result<Parsed<Target>, Vec<Diagnostic>>;
type ActualResult = Result<Parsed<Actual>, Vec<Diagnostic>>;

/// One parser's memo on one thread. It holds its vocabulary, so the `Arc` it compares
/// with cannot be freed and its address reused by another vocabulary meanwhile.
struct Table<R> {
    vocabulary: Option<Arc<Vocabulary>>,
    results: FxHashMap<Box<str>, R>,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Table {
            vocabulary: None,
            results: FxHashMap::default(),
        }
    }
}

impl<R: Clone> Table<R> {
    /// The result for `src` under the vocabulary in force, computed by `parse` on a miss.
    /// A hit compares addresses only: the table holds its vocabulary, so a vocabulary in
    /// force at the same address is that one.
    fn get_or_parse(cell: &RefCell<Table<R>>, src: &str, parse: impl FnOnce() -> R) -> R {
        let id = vocabulary::active_id();
        {
            let mut t = cell.borrow_mut();
            let same = t.vocabulary.as_ref().is_some_and(|v| Arc::as_ptr(v) == id);
            if !same {
                t.results.clear();
                t.vocabulary = Some(vocabulary::active());
            } else if let Some(hit) = t.results.get(src) {
                return hit.clone();
            }
        }
        // Not borrowed while parsing: a parser may one day parse a nested cell.
        let result = parse();
        let mut t = cell.borrow_mut();
        if t.results.len() >= MEMO_ENTRIES {
            t.results.clear();
        }
        t.results.insert(Box::from(src), result.clone());
        result
    }
}

thread_local! {
    static TARGETS: RefCell<Table<TargetResult>> = RefCell::default();
    static STRICT_TARGETS: RefCell<Table<TargetResult>> = RefCell::default();
    static ACTUALS: RefCell<Table<ActualResult>> = RefCell::default();
}

/// `parse(src, strictness)` under the vocabulary in force, memoised.
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
    table.with(|cell| Table::get_or_parse(cell, src, || parse(src, strictness)))
}

/// `parse(src)` under the vocabulary in force, memoised.
pub fn actual(src: &str, parse: fn(&str) -> ActualResult) -> ActualResult {
    ACTUALS.with(|cell| Table::get_or_parse(cell, src, || parse(src)))
}
