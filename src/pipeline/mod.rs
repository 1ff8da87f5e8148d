//! The one way a department folder becomes scores: load the scorecard folder, read its
//! actuals (the folder's own `actuals.toml`, or a file given in any format), evaluate.
//! Every command that scores a department and every department of a region comes through
//! here, so they read the same files the same way and agree on what went wrong; what went
//! wrong comes back as values ([`Outcome`]) and the exit code from one policy
//! ([`exit::code`]). Nothing here prints.

pub mod exit;
pub mod folders;
pub mod inputs;
pub mod progress;
pub(crate) mod readahead;

pub use progress::{NoProgress, Progress};

use crate::actuals::Actuals;
use crate::diagnostic::Code;
use crate::diagnostic::FileDiagnostic;
use crate::evaluate::{evaluate, ScoredDepartment};
use crate::i18n::tf;
use crate::score::{Policy, Status};
use crate::scorecard::load::{load_department, DEPARTMENT_FILE};
use crate::scorecard::Department;
use std::path::{Path, PathBuf};

/// The actuals file a department folder carries; read when no `--actuals` is given, and
/// the only one a region's departments are scored with.
pub const FOLDER_ACTUALS: &str = "actuals.toml";

/// Why nothing was scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The scorecard folder has errors (reported in [`Outcome::scorecard`]).
    Scorecard,
    /// `department.toml` itself could not be read: nothing of the department is known.
    DepartmentUnreadable,
    /// The actuals have errors that leave no row usable (reported in [`Outcome::actuals`]).
    Actuals,
    /// The actuals file cannot be used at all: unreadable, not text, or without the
    /// columns every row needs (reported in [`Outcome::actuals`]).
    ActualsUnusable,
    /// The `--actuals` given does not exist or is a folder; the text says which.
    ActualsFile(String),
}

/// A message that belongs to no place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// No `--actuals` and no `actuals.toml` in the folder: every row is reported missing.
    NoFolderActuals(PathBuf),
    /// A key of the actuals file `file` that the scorecard does not have: that figure
    /// would be lost without a word.
    UnknownActual { file: PathBuf, what: String },
}

impl Notice {
    /// The notice as a line (without its end) about the department folder `folder`;
    /// `region`: one of many departments, so the line says which.
    pub fn message(&self, folder: &Path, region: bool) -> String {
        match self {
            Notice::NoFolderActuals(path) => {
                let key = if region {
                    "cli.no-actuals-region"
                } else {
                    "cli.no-actuals"
                };
                tf(key, &[("path", &path.display().to_string())])
            }
            Notice::UnknownActual { file, what } => tf(
                "cli.unknown-actual",
                &[
                    ("file", &file.display().to_string()),
                    ("what", what),
                    ("folder", &folder.display().to_string()),
                ],
            ),
        }
    }
}

/// A department read and scored.
#[derive(Debug)]
pub struct Scored {
    pub dept: Department,
    pub actuals: Actuals,
    pub scored: ScoredDepartment,
}

impl Scored {
    /// Rows that could not be scored (errors or unscorable).
    pub fn failed_rows(&self) -> usize {
        failed_rows(&self.scored)
    }
}

/// Rows of `scored` that could not be scored (errors or unscorable).
pub fn failed_rows(scored: &ScoredDepartment) -> usize {
    scored
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .chain(&scored.department.indicators)
        .filter(|r| matches!(r.status, Status::Error | Status::Unscorable))
        .count()
}

/// What a run of the pipeline gives: the scores (unless it stopped) and everything said
/// on the way, in the order found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub scored: Option<Scored>,
    /// Diagnostics of the scorecard folder: warnings, or the errors that stopped it.
    pub scorecard: Vec<FileDiagnostic>,
    /// Diagnostics of the actuals file: bad cells (the rest scored), or what stopped it.
    pub actuals: Vec<FileDiagnostic>,
    pub notices: Vec<Notice>,
    pub stop: Option<Stop>,
}

impl Outcome {
    /// The exit code this outcome calls for (see [`exit::code`]).
    pub fn exit_code(&self) -> u8 {
        exit::code(self)
    }

    fn stopped(mut self, stop: Stop) -> Outcome {
        self.stop = Some(stop);
        self
    }
}

/// The department folder read: its scorecard, or why it cannot be used (in `outcome`).
pub fn load(folder: &Path, outcome: &mut Outcome) -> Option<Department> {
    match load_department(folder) {
        Ok((dept, warnings)) => {
            outcome.scorecard = warnings;
            Some(dept)
        }
        Err(diags) => {
            // Nothing of the department is known when its own file cannot be read.
            let department_unreadable = |d: &FileDiagnostic| {
                d.diagnostic.code == Code::ScorecardIo && d.file.ends_with(DEPARTMENT_FILE)
            };
            outcome.stop = Some(Stop::Scorecard);
            if diags.iter().any(department_unreadable) {
                outcome.stop = Some(Stop::DepartmentUnreadable);
            }
            outcome.scorecard = diags;
            None
        }
    }
}

/// The actuals for `dept`: the file `given`, or the folder's `actuals.toml` (none: every
/// row missing, said as a notice). A CSV sheet with bad rows gives its good rows beside
/// the diagnostics of the bad ones; keys the scorecard lacks become notices.
pub fn read_actuals(
    folder: &Path,
    given: Option<&Path>,
    dept: &Department,
    outcome: &mut Outcome,
) -> Option<Actuals> {
    let path = match given {
        Some(p) => {
            if let Some(problem) = actuals_file_problem(p) {
                outcome.stop = Some(Stop::ActualsFile(problem));
                return None;
            }
            p.to_path_buf()
        }
        None => {
            let p = folder.join(FOLDER_ACTUALS);
            if !p.exists() {
                outcome.notices.push(Notice::NoFolderActuals(p));
                return Some(Actuals::default());
            }
            p
        }
    };
    match crate::actuals::load_actuals_lenient(&path, dept) {
        Ok((actuals, diags)) => {
            outcome.actuals = diags;
            let unknown = actuals.unknown_keys(dept).into_iter();
            outcome
                .notices
                .extend(unknown.map(|what| Notice::UnknownActual {
                    file: actuals.file.clone(),
                    what,
                }));
            Some(actuals)
        }
        Err(diags) => {
            let unusable = diags
                .iter()
                .any(|d| UNUSABLE_ACTUALS.contains(&d.diagnostic.code));
            outcome.actuals = diags;
            outcome.stop = Some(if unusable {
                Stop::ActualsUnusable
            } else {
                Stop::Actuals
            });
            None
        }
    }
}

/// Diagnostic codes of an actuals file that cannot be used at all: it cannot be read (or
/// is a folder), or its header lacks the required columns.
pub const UNUSABLE_ACTUALS: &[crate::diagnostic::Code] = &[
    crate::diagnostic::Code::ActualsUnreadable,
    crate::diagnostic::Code::ActualsCsvColumns,
    crate::diagnostic::Code::ActualsCsvDuplicateColumn,
    crate::diagnostic::Code::ActualsEncoding,
    crate::diagnostic::Code::ActualsWorkbookNotText,
    crate::diagnostic::Code::ActualsXlsx,
    crate::diagnostic::Code::ActualsXlsxColumns,
];

/// Why an `--actuals` path cannot be read as a file, if it cannot.
fn actuals_file_problem(path: &Path) -> Option<String> {
    match std::fs::metadata(path) {
        Err(e) => Some(tf(
            "cli.actuals-unreadable",
            &[
                ("path", &path.display().to_string()),
                ("why", &crate::i18n::io_why(&e)),
            ],
        )),
        Ok(m) if m.is_dir() => Some(tf(
            "cli.actuals-folder",
            &[("path", &path.display().to_string())],
        )),
        Ok(_) => None,
    }
}

/// Loads the department folder, reads its actuals (`given`, or the folder's own) and
/// scores them under `policy`.
pub fn score_department(folder: &Path, given: Option<&Path>, policy: &Policy) -> Outcome {
    let mut outcome = Outcome::default();
    // The targets are read with the words of the policy they are scored under, whichever
    // policy was loaded last (`diff --policy A --policy B` loads the folder once per policy).
    let read = crate::model::vocabulary::scoped(&policy.vocabulary.0, || {
        let dept = load(folder, &mut outcome)?;
        let actuals = read_actuals(folder, given, &dept, &mut outcome)?;
        Some((dept, actuals))
    });
    let Some((dept, actuals)) = read else {
        return outcome;
    };
    let scored = evaluate(&dept, &actuals, policy);
    outcome.scored = Some(Scored {
        dept,
        actuals,
        scored,
    });
    outcome
}

/// [`load`] alone, for the commands that need no actuals (`template`): the outcome holds
/// the scorecard diagnostics and, when it could not be loaded, why.
pub fn load_only(folder: &Path) -> (Option<Department>, Outcome) {
    let mut outcome = Outcome::default();
    let dept = load(folder, &mut outcome);
    (dept, outcome)
}

impl Stop {
    /// The outcome that stopped for this reason with no diagnostics (tests, callers that
    /// found the reason themselves).
    pub fn outcome(self) -> Outcome {
        Outcome::default().stopped(self)
    }
}
