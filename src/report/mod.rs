//! Renderers: the scored department as a terminal table (the 自评表 layout), Markdown,
//! JSON or CSV. Each takes the same [`ScoredDepartment`]; none recomputes anything.

mod csv_out;
pub mod diff;
pub mod explain;
mod layout;
mod markdown;
pub mod snapshot;
mod table;

use crate::evaluate::ScoredDepartment;

pub use layout::{fmt_amount, fmt_rate};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
    Csv,
}

pub fn render(s: &ScoredDepartment, format: Format) -> String {
    match format {
        Format::Table => table::render(s),
        Format::Markdown => markdown::render(s),
        Format::Json => {
            let mut out = serde_json::to_string_pretty(s).unwrap_or_default();
            out.push('\n');
            out
        }
        Format::Csv => csv_out::render(s),
    }
}
