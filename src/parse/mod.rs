//! Parsing: text → typed AST. Input is normalised (full-width → half-width) first; every
//! node keeps a span into the text as the user wrote it.

mod actual;
mod build;
pub mod cell;
pub mod grammar;
pub mod memo;
pub mod normalize;
mod target;

pub use actual::{parse_actual, parse_actual_grammar, parse_actual_uncached}; // issue 7: uncached = without memo
pub use target::{parse_target, parse_target_uncached}; // issue 7: uncached = without memo

use crate::diagnostic::Diagnostic;
use serde::Serialize;

/// Lenient parsing salvages messy real cells and warns; strict parsing (`check --strict`)
/// refuses anything it had to salvage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strictness {
    #[default]
    Lenient,
    Strict,
}

/// A parsed value and the warnings about what had to be salvaged to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::{parse_actual, parse_target, Strictness};

    /// A target's equality ignores where it was written; its diagnostics' does not.
    #[test]
    fn targets_compare_by_meaning_and_diagnostics_by_place() {
        let tight = parse_target("≥90%", Strictness::Lenient).map(|p| p.value);
        let spaced = parse_target("  ≥ 90%", Strictness::Lenient).map(|p| p.value);
        assert_eq!(tight, spaced);
        assert_ne!(
            tight.as_ref().map(|t| t.span).ok(),
            spaced.as_ref().map(|t| t.span).ok()
        );
        let a = parse_actual("2022年13月").err();
        let b = parse_actual(" 2022年13月").err();
        assert!(a.is_some() && b.is_some());
        assert_ne!(
            a, b,
            "the same problem one byte further on is another diagnostic"
        );
    }
}
