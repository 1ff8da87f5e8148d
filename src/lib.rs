//! jixiao (绩效): reads performance targets as a language and scores year-end actuals
//! against them, exactly.
//!
//! Pipeline: text → [`parse`] (pest grammar → typed AST with spans) → [`model`] →
//! [`score`] (policy as a value, exact decimals, a trace per row) → [`evaluate`] →
//! renderers ([`report`]). A department folder becomes scores through [`pipeline`] only.
//! `docs/ARCHITECTURE.md` gives every module a layer; `tests/layers.rs` keeps imports
//! pointing down.

pub mod actuals;
pub mod audit;
pub mod cases;
pub mod check;
pub mod cli;
pub mod csv_sheet;
pub mod diagnostic;
pub mod encoding;
pub mod eval_csv;
pub mod eval_rows;
pub mod evaluate;
pub mod file_diagnostics;
pub mod i18n;
pub mod limits;
pub mod line_index;
pub mod model;
pub mod monitor;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod policy;
pub mod record_cap;
pub mod region;
pub mod report;
pub mod score;
pub mod scorecard;
pub mod terminal_text;
pub mod toml_depth;
pub mod toml_tree;
