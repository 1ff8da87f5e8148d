//! Scorecards: the department folder model, loading it from TOML, and importing it from
//! published 绩效目标表 documents.

pub mod import;
pub mod levels;
pub mod load;
pub mod model;
pub mod write;

pub use load::{
    load_department, load_project, render_file_diagnostics, FileDiagnostic, LoadResult,
};
pub use model::{Area, Checkpoint, Department, Indicator, Origin, Project};
