//! `jixiao diff`: what a change of rules, actuals or scorecard moves. Three forms:
//!
//! - `jixiao diff PATH [--actuals F] --policy OLD --policy NEW` (a rule change),
//! - `jixiao diff OLD_PATH NEW_PATH [--actuals F] [--policy F]` (two versions of a folder),
//! - `jixiao diff PATH --actuals OLD --actuals NEW [--policy F]` (new figures).
//!
//! Exit 0 when nothing changes, 1 otherwise, so it works as a CI gate; 2 on bad input.

use super::exit;
use crate::report::diff::{diff, render_text_styled};
use clap::Args;
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    #[arg(required = true, num_args = 1..=2)]
    paths: Vec<PathBuf>,
    #[arg(long)]
    actuals: Vec<PathBuf>,
    #[arg(long)]
    policy: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
    #[command(flatten)]
    table: super::TableArgs,
}

/// One side of the comparison.
struct Side {
    path: PathBuf,
    actuals: Option<PathBuf>,
    policy: Option<PathBuf>,
}

fn sides(a: &DiffArgs) -> Result<(Side, Side), String> {
    let two = |v: &[PathBuf]| v.len() == 2;
    let varying = [two(&a.paths), two(&a.actuals), two(&a.policy)]
        .iter()
        .filter(|x| **x)
        .count();
    if a.actuals.len() > 2 || a.policy.len() > 2 {
        return Err(crate::i18n::t("cli.diff-too-many").into());
    }
    if varying != 1 {
        return Err(crate::i18n::t("cli.diff-one-thing").into());
    }
    let pick = |v: &[PathBuf], i: usize| -> Option<PathBuf> {
        if v.len() == 2 {
            v.get(i).cloned()
        } else {
            v.first().cloned()
        }
    };
    let side = |i: usize| -> Option<Side> {
        Some(Side {
            path: pick(&a.paths, i)?,
            actuals: pick(&a.actuals, i),
            policy: pick(&a.policy, i),
        })
    };
    match (side(0), side(1)) {
        (Some(o), Some(n)) => Ok((o, n)),
        _ => Err(crate::i18n::t("cli.diff-no-folder").into()),
    }
}

pub fn run(a: DiffArgs) -> u8 {
    let (old, new) = match sides(&a) {
        Ok(s) => s,
        Err(msg) => {
            super::say_error(&msg);
            return exit::UNUSABLE;
        }
    };
    let mut runs = Vec::with_capacity(2);
    for side in [&old, &new] {
        let policy = match super::load_policy_arg(side.policy.as_deref()) {
            Ok(p) => p,
            Err(code) => return code,
        };
        match super::department::score(&side.path, side.actuals.as_deref(), &policy) {
            Ok(r) => runs.push(r),
            Err(code) => return code,
        }
    }
    let (Some(old_run), Some(new_run)) = (runs.first(), runs.get(1)) else {
        return exit::UNUSABLE;
    };
    let (o, n) = (&old_run.scored.scored, &new_run.scored.scored);
    let d = diff(o, n);
    let text = match a.format {
        DiffFormat::Text => {
            let places = o.rounding_places.max(n.rounding_places);
            render_text_styled(&d, places, a.table.style(None))
        }
        DiffFormat::Json => super::json_line(&d),
    };
    let status = if d.changes.is_empty() {
        exit::OK
    } else {
        exit::FAILED
    };
    let status = exit::worse(old_run.finish(status), new_run.finish(status));
    super::emit(text, status)
}
