//! Renderers: the scored department as a terminal table (the 自评表 layout), Markdown,
//! JSON, CSV, a self-contained HTML report, or the 自评表 workbook (xlsx). Each takes the
//! same [`ScoredDepartment`]; none recomputes anything.

pub mod command_line;
mod csv_out;
pub mod csv_safe;
pub mod diff;
pub mod explain;
mod explain_text;
pub mod html;
pub mod labels;
mod layout;
pub(crate) mod markdown;
pub mod pick_format;
pub mod snapshot;
pub(crate) mod table;
mod text_style;
pub use table::{render_styled as render_table, TableStyle};
pub mod template_xlsx;
pub mod xlsx;

use crate::evaluate::ScoredDepartment;

pub use layout::{fmt_amount, fmt_rate, INDICATOR_HEADER};
pub use template_xlsx::template_xlsx;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
    Csv,
    Html,
    Xlsx,
}

impl Format {
    /// Binary formats go to a file only (`-o`), never to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx)
    }
}

/// Renders a text format. A binary format (xlsx) has no text form: it renders as an empty
/// string here; use [`render_bytes`].
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
        Format::Html => html::render(s),
        Format::Xlsx => String::new(),
    }
}

/// Renders any format as the bytes of its file (UTF-8 for the text formats).
pub fn render_bytes(s: &ScoredDepartment, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Xlsx => xlsx::render(s)
            .map_err(|e| crate::i18n::tf("cli.workbook-build-why", &[("why", &e.to_string())])),
        text => Ok(render(s, text).into_bytes()),
    }
}
