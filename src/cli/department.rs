//! The pipeline as every department command runs it: [`crate::pipeline`] reads and
//! scores, this file says on stderr what it found and gives the exit code from the one
//! policy ([`crate::pipeline::exit`]). `score`, `snapshot`, `explain`, `diff`, `monitor`
//! and `template` all come through here, so one broken folder gives them one answer.

use super::exit;
use crate::i18n::tf;
use crate::pipeline::{Outcome, Scored, Stop};
use crate::score::Policy;
use crate::scorecard::Department;
use std::path::Path;

/// A department scored, with what was said on the way.
pub(super) struct Run {
    pub scored: Scored,
    /// The pipeline's exit code: 0 clean, 1 something reported.
    pub code: u8,
    failed_rows: usize,
    bad_cells: usize,
}

impl Run {
    /// The closing lines on stderr (rows that could not be scored, bad cells), and the
    /// command's exit code: the worse of the pipeline's and the command's own `status`.
    pub fn finish(&self, status: u8) -> u8 {
        if self.failed_rows > 0 {
            let n = self.failed_rows.to_string();
            eprintln_safe!("{}", crate::i18n::tf("score.rows-failed", &[("n", &n)]));
        }
        if self.bad_cells > 0 {
            let n = self.bad_cells.to_string();
            eprintln_safe!("{}", crate::i18n::tf("score.bad-cells", &[("n", &n)]));
        }
        exit::worse(self.code, status)
    }
}

/// Loads `folder`, reads its actuals (`actuals`, or the folder's own) and scores them;
/// what was found is printed, and the error is the exit code of a run that stopped.
pub(super) fn score(folder: &Path, actuals: Option<&Path>, policy: &Policy) -> Result<Run, u8> {
    let mut outcome = crate::pipeline::score_department(folder, actuals, policy);
    say(&outcome, folder);
    let code = outcome.exit_code();
    let failed_rows = outcome.scored.as_ref().map_or(0, Scored::failed_rows);
    match outcome.scored.take() {
        Some(scored) => Ok(Run {
            scored,
            code,
            failed_rows,
            bad_cells: outcome.actuals.len(),
        }),
        None => Err(code),
    }
}

/// Loads `folder` alone (no actuals); what was found is printed. `Ok` carries the exit
/// code of the loading (0, or 1 for reported errors that did not stop it).
pub(super) fn load(folder: &Path) -> Result<(Department, u8), u8> {
    let (dept, outcome) = crate::pipeline::load_only(folder);
    say(&outcome, folder);
    let code = outcome.exit_code();
    dept.map(|d| (d, code)).ok_or(code)
}

/// Reads an actuals file for an already loaded department (`monitor --actuals`); what was
/// found is printed. `Ok` carries the actuals and the exit code so far.
pub(super) fn actuals(
    folder: &Path,
    given: &Path,
    dept: &Department,
) -> Result<(crate::actuals::Actuals, u8), u8> {
    let mut outcome = Outcome::default();
    let actuals = crate::pipeline::read_actuals(folder, Some(given), dept, &mut outcome);
    say(&outcome, folder);
    let code = outcome.exit_code();
    actuals.map(|a| (a, code)).ok_or(code)
}

/// Everything the pipeline found, on stderr in the order found.
fn say(outcome: &Outcome, folder: &Path) {
    super::print_diagnostics(&outcome.scorecard);
    if let Some(Stop::Scorecard | Stop::DepartmentUnreadable) = &outcome.stop {
        let folder = folder.display().to_string();
        eprintln_safe!("{}", tf("cli.scorecard-errors", &[("folder", &folder)]));
    }
    super::print_diagnostics(&outcome.actuals);
    if let Some(Stop::ActualsFile(problem)) = &outcome.stop {
        eprintln_safe!("{}", tf("cli.actuals-unusable", &[("problem", problem)]));
    }
    for notice in &outcome.notices {
        eprintln_safe!("{}", notice.message(folder, false));
    }
}
