//! `jixiao snapshot PATH [--actuals F] [--policy F] -o FILE` and
//! `jixiao snapshot --check FILE PATH [--actuals F] [--policy F]`: a stable line-per-figure
//! record of every score, and the check that a re-score still matches it (a unified diff
//! and exit 1 when it does not). Also the loading shared by `diff` and `explain`.

use super::exit;
use crate::actuals::{load_actuals_for, Actuals};
use crate::diagnostic::render_file_diagnostics;
use crate::evaluate::{evaluate, ScoredDepartment};
use crate::policy::RuleOrigins;
use crate::report::snapshot::snapshot;
use crate::score::Policy;
use crate::scorecard::load::load_department;
use crate::scorecard::Department;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct SnapshotArgs {
    /// Compare with this snapshot file instead of writing one: print a unified diff and
    /// exit 1 when the scores differ.
    #[arg(long, value_name = "FILE", conflicts_with = "output")]
    check: Option<PathBuf>,
    /// A department folder (`scorecards/<department>/`).
    path: PathBuf,
    /// Year-end actuals (.toml or .csv). Default: the folder's own `actuals.toml`.
    #[arg(long)]
    actuals: Option<PathBuf>,
    /// A policy file in the rule language. Default: 财预〔2020〕10号 (built in).
    #[arg(long)]
    policy: Option<PathBuf>,
    /// Write the snapshot here (atomically). Without `-o` or `--check`, print it.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

/// A department folder, read and scored.
pub(super) struct Loaded {
    pub scored: ScoredDepartment,
}

/// The policy of a command with where its rules are written.
pub(super) fn policy_with_origins(path: Option<&Path>) -> Result<(Policy, RuleOrigins), u8> {
    match path {
        None => Ok(crate::policy::builtin_policy_with_origins()),
        Some(p) => crate::policy::load_policy_with_origins(p).map_err(|e| {
            eprint_safe!("{}", e.render());
            exit::UNUSABLE
        }),
    }
}

/// Reads the folder and its actuals (the given file, or the folder's `actuals.toml`) and
/// scores them. Problems are printed; the error is the exit code.
pub(super) fn load_and_score(
    folder: &Path,
    actuals: Option<&Path>,
    policy: &Policy,
) -> Result<Loaded, u8> {
    let dept = match load_department(folder) {
        Ok((d, warnings)) => {
            eprint_safe!("{}", render_file_diagnostics(&warnings));
            d
        }
        Err(diags) => {
            eprint_safe!("{}", render_file_diagnostics(&diags));
            eprintln_safe!(
                "error: the scorecard folder `{}` has errors; fix them and run again",
                folder.display()
            );
            return Err(exit::UNUSABLE);
        }
    };
    let actuals = read_actuals(folder, actuals, &dept, exit::UNUSABLE)?;
    let scored = evaluate(&dept, &actuals, policy);
    Ok(Loaded { scored })
}

/// The actuals file given, or the folder's `actuals.toml` (none: every row missing), read
/// against the scorecard (so hand-typed sheets keyed by 二级指标 + 三级指标 resolve). Errors
/// are printed; the exit code is 2 for an unusable file, else `on_errors`.
pub(super) fn read_actuals(
    folder: &Path,
    given: Option<&Path>,
    dept: &Department,
    on_errors: u8,
) -> Result<Actuals, u8> {
    let path = match given {
        Some(p) => {
            super::require_actuals_file(p)?;
            p.to_path_buf()
        }
        None => {
            let p = folder.join(super::score::FOLDER_ACTUALS);
            if !p.exists() {
                eprintln_safe!(
                    "warning: no --actuals given and `{}` does not exist; every row is reported as missing",
                    p.display()
                );
                return Ok(Actuals::default());
            }
            p
        }
    };
    load_actuals_for(&path, dept).map_err(|diags| {
        eprint_safe!("{}", render_file_diagnostics(&diags));
        super::actuals_exit(&diags, on_errors)
    })
}

pub fn run(a: SnapshotArgs) -> u8 {
    if let Err(code) = super::require_department_folder(&a.path, false) {
        return code;
    }
    if let Err(code) = super::refuse_department_output(
        &a.path,
        a.output.as_deref(),
        a.actuals.as_deref(),
        a.policy.as_deref(),
    ) {
        return code;
    }
    let policy = match super::load_policy_arg(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let loaded = match load_and_score(&a.path, a.actuals.as_deref(), &policy) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let text = snapshot(&loaded.scored);
    if let Some(file) = &a.check {
        // issue 15: a regular file of at most 16 MiB (not /dev/zero, not a FIFO).
        let old = match crate::limits::read_text_capped(file, crate::limits::MAX_FILE_BYTES) {
            Ok(s) => s,
            Err(e) => {
                eprintln_safe!("error: cannot read the snapshot `{}`: {e}", file.display());
                return exit::UNUSABLE;
            }
        };
        if old == text {
            eprintln_safe!("snapshot `{}` matches", file.display());
            return exit::OK;
        }
        let (unified, changed) = crate::report::snapshot::unified_diff(
            &old,
            &text,
            &file.display().to_string(),
            "re-scored now",
        );
        if let Err(e) = super::write_stdout(unified.as_bytes()) {
            return super::output_status(Err(e), exit::FAILED);
        }
        // The hint keeps every input that changed the result: without `--actuals` it
        // would rewrite the snapshot against no actuals and exit 0.
        let rewrite = crate::report::command_line::snapshot_rewrite(
            &a.path,
            a.actuals.as_deref(),
            a.policy.as_deref(),
            file,
        );
        eprintln_safe!(
            "快照 `{}` 与本次评分不同：{changed} 行变化；如属预期，用 `{rewrite}` 重写快照",
            file.display(),
        );
        return exit::FAILED;
    }
    match &a.output {
        Some(path) => {
            if let Err(e) = crate::output::write_atomic(path, text.as_bytes()) {
                eprintln_safe!("error: cannot write `{}`: {e}", path.display());
                return exit::UNUSABLE;
            }
            eprintln_safe!("wrote `{}`", path.display());
        }
        None => return super::emit(text, exit::OK),
    }
    exit::OK
}
