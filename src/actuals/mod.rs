//! Year-end actuals: the model, and reading it from TOML or CSV files.

mod load_csv;
mod load_toml;
pub mod model;

pub use load_csv::{parse_actuals_csv, ADJUSTED_BUDGET_ID, SPENT_ID};
pub use load_toml::parse_actuals_toml;
pub use model::{Actuals, ProjectActuals, RowActual};

use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::model::Span;
use std::path::Path;

/// Reads an actuals file, TOML or CSV by extension. `department_code` routes CSV rows
/// of the department's own indicators.
pub fn load_actuals(path: &Path, department_code: &str) -> Result<Actuals, Vec<FileDiagnostic>> {
    let text = crate::limits::read_to_string(path).map_err(|e| {
        // issue 7: size limit
        vec![FileDiagnostic {
            file: path.to_path_buf(),
            source: std::sync::Arc::from(""),
            diagnostic: Diagnostic::error(
                "actuals::unreadable",
                format!("cannot read the actuals file: {e}"),
                Span::default(),
            )
            .with_help("check the path; actuals are a .toml or .csv file"),
        }]
    })?;
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        parse_actuals_csv(path, &text, department_code)
    } else {
        parse_actuals_toml(path, &text)
    }
}
