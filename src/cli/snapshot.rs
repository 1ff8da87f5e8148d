//! `jixiao snapshot PATH [--actuals F] [--policy F] -o FILE` and
//! `jixiao snapshot --check FILE PATH [--actuals F] [--policy F]`: a stable line-per-figure
//! record of every score, and the check that a re-score still matches it (a unified diff
//! and exit 1 when it does not). Also the policy loading shared by `explain`.

use super::exit;
use crate::i18n::tf;
use crate::policy::RuleOrigins;
use crate::report::snapshot::snapshot;
use crate::score::Policy;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct SnapshotArgs {
    #[arg(long, value_name = "FILE", conflicts_with = "output")]
    check: Option<PathBuf>,
    path: PathBuf,
    #[arg(long)]
    actuals: Option<PathBuf>,
    #[arg(long)]
    policy: Option<PathBuf>,
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
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

pub fn run(a: SnapshotArgs) -> u8 {
    if let Err(code) = super::check_department_paths(
        &a.path,
        false,
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
    let run = match super::department::score(&a.path, a.actuals.as_deref(), &policy) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let text = snapshot(&run.scored.scored);
    if let Some(file) = &a.check {
        // issue 15: a regular file of at most 16 MiB (not /dev/zero, not a FIFO).
        let old = match crate::limits::read_text_capped(file, crate::limits::MAX_FILE_BYTES) {
            Ok(s) => s,
            Err(e) => {
                let (path, why) = (file.display().to_string(), crate::i18n::io_why(&e));
                eprintln_safe!(
                    "{}",
                    tf("cli.snapshot-unreadable", &[("path", &path), ("why", &why)])
                );
                return exit::UNUSABLE;
            }
        };
        if old == text {
            let path = file.display().to_string();
            eprintln_safe!("{}", tf("cli.snapshot-matches", &[("path", &path)]));
            return run.finish(exit::OK);
        }
        let (unified, changed) = crate::report::snapshot::unified_diff(
            &old,
            &text,
            &file.display().to_string(),
            "re-scored now",
        );
        if let Err(e) = super::write_stdout(unified.as_bytes()) {
            return super::output_status(Err(e), run.finish(exit::FAILED));
        }
        // The hint keeps every input that changed the result: without `--actuals` it
        // would rewrite the snapshot against no actuals and exit 0.
        let rewrite = crate::report::command_line::snapshot_rewrite(
            &a.path,
            a.actuals.as_deref(),
            a.policy.as_deref(),
            file,
        );
        let line = tf(
            "cli.snapshot-differs",
            &[
                ("path", &file.display().to_string()),
                ("changed", &changed.to_string()),
                ("rewrite", &rewrite.to_string()),
            ],
        );
        eprintln_safe!("{line}");
        return run.finish(exit::FAILED);
    }
    if let Err(code) = super::write_output(a.output.as_deref(), text.as_bytes()) {
        return code;
    }
    if let Some(path) = &a.output {
        let path = path.display().to_string();
        eprintln_safe!("{}", tf("cli.wrote", &[("path", &path)]));
    }
    run.finish(exit::OK)
}
