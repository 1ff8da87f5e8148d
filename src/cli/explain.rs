//! `jixiao explain PATH [--actuals F] [--policy F] --project CODE [--indicator ID]
//! [--format text|json]`: each row's target, actual, direction, rule (and where it is
//! written), numbers, arithmetic, rounding and flags, then the total and the grade.
//! `--project` may also be the department's code (its own indicators).

use super::exit;
use super::snapshot::policy_with_origins;
use super::TextOrJson;
use crate::i18n::tf;
use crate::report::explain::{explain, render_text_styled, NotFound};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    path: PathBuf,
    #[arg(long)]
    actuals: Option<PathBuf>,
    #[arg(long)]
    policy: Option<PathBuf>,
    #[arg(long)]
    project: String,
    #[arg(long)]
    indicator: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
    #[command(flatten)]
    table: super::TableArgs,
}

pub fn run(a: ExplainArgs) -> u8 {
    let (policy, origins) = match policy_with_origins(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let run = match super::department::score(&a.path, a.actuals.as_deref(), &policy) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let loaded = &run.scored;
    let result = explain(
        &loaded.scored,
        &policy,
        &origins,
        &a.project,
        a.indicator.as_deref(),
    );
    let e = match result {
        Ok(e) => e,
        Err(NotFound::Project(codes)) => {
            let codes = codes.join(", ");
            eprintln_safe!(
                "{}",
                tf(
                    "cli.explain-no-project",
                    &[("project", &a.project), ("codes", &codes)]
                )
            );
            return exit::UNUSABLE;
        }
        Err(NotFound::Indicator(ids)) => {
            let line = tf(
                "cli.explain-no-indicator",
                &[
                    ("project", &a.project),
                    ("id", a.indicator.as_deref().unwrap_or("")),
                    ("ids", &ids.join(", ")),
                ],
            );
            eprintln_safe!("{line}");
            return exit::UNUSABLE;
        }
    };
    let text = match a.format {
        TextOrJson::Text => render_text_styled(&e, policy.rounding_places, a.table.style(None)),
        TextOrJson::Json => super::json_line(&e),
    };
    super::emit(text, run.finish(exit::OK))
}
