//! Comparisons in a target's unit now live in [`crate::model::units`] (parse needs them,
//! and parse sits below score): this path is kept for the code that names them here.
pub use crate::model::units::*;
