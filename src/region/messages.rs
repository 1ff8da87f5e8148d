//! What one department of a region said, as values: its diagnostics, its notices and why
//! it was left out. The caller decides what to do with them; [`DepartmentMessages::render`]
//! gives the text `score REGION` writes to stderr.

use crate::diagnostic::{render_file_diagnostics, FileDiagnostic};
use crate::pipeline::{Notice, Outcome, Stop};
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct DepartmentMessages {
    pub folder: PathBuf,
    /// Diagnostics of the scorecard folder (warnings, or the errors that left it out).
    pub scorecard: Vec<FileDiagnostic>,
    /// Diagnostics of the folder's actuals file.
    pub actuals: Vec<FileDiagnostic>,
    pub notices: Vec<Notice>,
    /// Why the department was left out, if it was for its files.
    pub stop: Option<Stop>,
    /// A bug met while scoring it (a panic), in words; the department was left out.
    pub internal_error: Option<String>,
}

impl DepartmentMessages {
    /// The messages of a pipeline run on `folder`; its scores are taken out before.
    pub(super) fn from_outcome(folder: PathBuf, outcome: Outcome) -> DepartmentMessages {
        DepartmentMessages {
            folder,
            scorecard: outcome.scorecard,
            actuals: outcome.actuals,
            notices: outcome.notices,
            stop: outcome.stop,
            internal_error: None,
        }
    }

    /// Nothing to say (most departments).
    pub fn is_empty(&self) -> bool {
        self.scorecard.is_empty()
            && self.actuals.is_empty()
            && self.notices.is_empty()
            && self.stop.is_none()
            && self.internal_error.is_none()
    }

    /// How many errors the diagnostics hold.
    pub fn errors(&self) -> usize {
        let diags = self.scorecard.iter().chain(&self.actuals);
        diags.filter(|d| d.is_error()).count()
    }

    /// The messages as text, each line ended, in the order found.
    pub fn render(&self) -> String {
        let dir = self.folder.display().to_string();
        let line = |key: &str, extra: &[(&str, &str)]| {
            let mut args = vec![("dir", dir.as_str())];
            args.extend_from_slice(extra);
            let mut l = crate::i18n::tf(key, &args);
            l.push('\n');
            l
        };
        let mut text = render_file_diagnostics(&self.scorecard);
        text.push_str(&render_file_diagnostics(&self.actuals));
        match &self.stop {
            Some(Stop::Scorecard | Stop::DepartmentUnreadable) => {
                text.push_str(&line("cli.region-department-errors", &[]))
            }
            Some(_) => text.push_str(&line("cli.region-actuals-errors", &[])),
            None => {}
        }
        for notice in &self.notices {
            text.push_str(&notice.message(&self.folder, true));
            text.push('\n');
        }
        if let Some(what) = &self.internal_error {
            text.push_str(&line("cli.region-internal", &[("what", what)]));
        }
        text
    }
}
