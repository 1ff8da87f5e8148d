//! Parsing: text → typed AST. Input is normalised (full-width → half-width) first; every
//! node keeps a span into the text as the user wrote it.

mod actual;
mod build;
pub mod cell;
pub mod grammar;
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
#[derive(Debug, Clone, Serialize)]
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
}
