//! Operating-system errors in the user's language. Rust's own texts ("No such file or
//! directory (os error 2)") are English; in Chinese the common kinds get a plain
//! sentence. English keeps the system's text as before, and an error that carries a
//! message of jixiao's own (already written for the user) is shown as it is.

use super::{current, t, Lang};
use std::io::ErrorKind;

/// Why a file could not be read or written, for a message the user reads.
pub fn io_why(e: &std::io::Error) -> String {
    if current() == Lang::En || e.get_ref().is_some() {
        return e.to_string();
    }
    let key = match e.kind() {
        ErrorKind::NotFound => "io.not-found",
        ErrorKind::PermissionDenied => "io.permission",
        ErrorKind::StorageFull => "io.full",
        ErrorKind::IsADirectory => "io.is-folder",
        ErrorKind::NotADirectory => "io.not-folder",
        ErrorKind::InvalidData => "io.not-utf8",
        _ => return e.to_string(),
    };
    t(key).to_string()
}
