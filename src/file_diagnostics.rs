//! The diagnostics of one text file as a reader finds them. They share the file's text
//! (to show the lines they point at), copied once at the first diagnostic: a file
//! without problems, the common case, costs no copy.

use crate::diagnostic::{Diagnostic, FileDiagnostic};
use std::path::Path;
use std::sync::Arc;

pub struct FileDiagnostics<'a> {
    path: &'a Path,
    text: &'a str,
    shared: Option<Arc<str>>,
    list: Vec<FileDiagnostic>,
}

impl<'a> FileDiagnostics<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> FileDiagnostics<'a> {
        FileDiagnostics {
            path,
            text,
            shared: None,
            list: Vec::new(),
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        let text = self.text;
        let source = self.shared.get_or_insert_with(|| Arc::from(text)).clone();
        self.list.push(FileDiagnostic {
            file: self.path.to_path_buf(),
            source,
            diagnostic,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_vec(self) -> Vec<FileDiagnostic> {
        self.list
    }

    /// `Ok(value)` when nothing was reported, else every diagnostic.
    pub fn or_value<T>(self, value: T) -> Result<T, Vec<FileDiagnostic>> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(self.list)
        }
    }
}
