//! Scorecards: the department folder model, loading it from TOML, and importing it from
//! published 绩效目标表 documents.

pub mod model;

pub use model::{Checkpoint, Department, Indicator, Origin, Project};
