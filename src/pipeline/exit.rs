//! The exit codes every command shares, and the one policy that turns what the pipeline
//! found into a code. The README's "Exit codes" table is this file in prose; the test
//! `tests/exit_codes.rs` holds every command to it.
//!
//! Decision: a scorecard folder with errors is 1, not 2. The errors are the user's data,
//! reported with file, line and column, and the fix is in the data (as for a region, where
//! such a department is left out and the run is 1); 2 is kept for what no data fix
//! explains: a usage mistake, a file that cannot be read at all, an output that cannot be
//! written.

use super::{Notice, Outcome, Stop};

/// Everything read and scored.
pub const OK: u8 = 0;
/// Some input had errors (reported, with where); whatever could be processed was.
pub const FAILED: u8 = 1;
/// Nothing usable: bad arguments, a file that cannot be read at all, missing columns, an
/// output that cannot be written.
pub const UNUSABLE: u8 = 2;

/// The exit code of a pipeline outcome.
pub fn code(outcome: &Outcome) -> u8 {
    match &outcome.stop {
        Some(stop) => stop_code(stop),
        None => {
            let failed = outcome
                .scored
                .as_ref()
                .map_or(0, super::Scored::failed_rows);
            let unknown = outcome
                .notices
                .iter()
                .any(|n| matches!(n, Notice::UnknownActual { .. }));
            let bad_cells = !outcome.actuals.is_empty();
            let scorecard_errors = outcome.scorecard.iter().any(|d| d.is_error());
            if failed > 0 || unknown || bad_cells || scorecard_errors {
                FAILED
            } else {
                OK
            }
        }
    }
}

/// The exit code of a run that stopped for `stop`.
pub fn stop_code(stop: &Stop) -> u8 {
    match stop {
        Stop::Scorecard | Stop::Actuals => FAILED,
        Stop::DepartmentUnreadable | Stop::ActualsUnusable | Stop::ActualsFile(_) => UNUSABLE,
    }
}

/// The code of a command whose parts ended with `a` and `b`: the worse of the two (a
/// change found by `diff` and a bad cell are both 1; anything unusable is 2).
pub fn worse(a: u8, b: u8) -> u8 {
    a.max(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_for_the_data_is_1_and_a_stop_for_the_files_is_2() {
        assert_eq!(Outcome::default().exit_code(), OK);
        assert_eq!(Stop::Scorecard.outcome().exit_code(), FAILED);
        assert_eq!(Stop::Actuals.outcome().exit_code(), FAILED);
        assert_eq!(Stop::DepartmentUnreadable.outcome().exit_code(), UNUSABLE);
        assert_eq!(Stop::ActualsUnusable.outcome().exit_code(), UNUSABLE);
        assert_eq!(
            Stop::ActualsFile(String::new()).outcome().exit_code(),
            UNUSABLE
        );
    }

    #[test]
    fn an_unknown_actual_is_reported_and_fails_the_run() {
        let mut o = Outcome::default();
        o.notices.push(Notice::NoFolderActuals("a".into()));
        assert_eq!(
            o.exit_code(),
            OK,
            "no actuals: every row missing, said once"
        );
        o.notices.push(Notice::UnknownActual {
            file: "a".into(),
            what: "x".into(),
        });
        assert_eq!(o.exit_code(), FAILED);
        assert_eq!(worse(OK, FAILED), FAILED);
        assert_eq!(worse(UNUSABLE, FAILED), UNUSABLE);
    }
}
