//! jixiao (绩效): reads performance targets as a language and scores year-end actuals
//! against them, exactly.
//!
//! Pipeline: text → [`parse`] (pest grammar → typed AST with spans) → [`model`] →
//! [`score`] (policy as a value, exact decimals, a trace per row) → renderers.

pub mod cli;
pub mod diagnostic;
pub mod eval_csv;
pub mod eval_rows;
pub mod model;
pub mod parse;
pub mod policy;
pub mod score;
pub mod scorecard;
