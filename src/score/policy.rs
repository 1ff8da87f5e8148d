//! The policy's types now live in [`crate::policy::definition`] (policy/ builds them; score
//! reads them): this path is kept for the code that names them here.
pub use crate::policy::definition::*;
