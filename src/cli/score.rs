//! `jixiao score PATH [--actuals FILE] [--policy FILE] [--format …] [-o FILE]`

use super::exit;
use crate::report::{render_bytes, Format};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ScoreArgs {
    path: PathBuf,
    #[arg(long)]
    actuals: Option<PathBuf>,
    #[arg(long)]
    policy: Option<PathBuf>,
    #[arg(long, value_enum)]
    format: Option<Format>,
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    bom: super::BomArgs,
    #[command(flatten)]
    table: super::TableArgs,
}

/// The format to write (see [`crate::report::pick_format`]); checked after `-o` was
/// checked against the inputs, so that naming an input is refused as such first.
fn format(a: &ScoreArgs) -> Result<Format, u8> {
    let format =
        crate::report::pick_format::resolve(a.format, a.output.as_deref()).map_err(|msg| {
            eprintln_safe!("{}", crate::i18n::tf("cli.error", &[("msg", &msg)]));
            exit::UNUSABLE
        })?;
    if format.is_binary() && a.output.is_none() {
        eprintln_safe!("{}", crate::i18n::t("cli.xlsx-needs-output"));
        return Err(exit::UNUSABLE);
    }
    Ok(format)
}

pub fn run(a: ScoreArgs) -> u8 {
    let policy = match super::load_policy_arg(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Region (issue 7): a folder of department folders is scored by `crate::region`.
    if crate::pipeline::folders::is_region(&a.path) {
        return region(&a, &policy);
    }
    if let Err(code) = super::check_department_paths(
        &a.path,
        true,
        a.output.as_deref(),
        a.actuals.as_deref(),
        a.policy.as_deref(),
    ) {
        return code;
    }
    let format = match format(&a) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let run = match super::department::score(&a.path, a.actuals.as_deref(), &policy) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let scored = &run.scored.scored;
    let rendered = if format == Format::Table {
        let style = a.table.style(a.output.as_deref());
        Ok(crate::report::render_table(scored, style).into_bytes())
    } else {
        render_bytes(scored, format)
    };
    let bytes = match rendered {
        Ok(b) if format == Format::Csv && a.bom.wanted(a.output.as_deref()) => {
            [crate::report::csv_safe::BOM, &b].concat()
        }
        Ok(b) => b,
        Err(e) => {
            super::say_error(&e);
            return exit::UNUSABLE;
        }
    };
    if let Err(code) = super::write_output(a.output.as_deref(), &bytes) {
        return code;
    }
    run.finish(exit::OK)
}

/// `score REGION`: the output checked against the region's inputs, then
/// [`super::score_region`].
fn region(a: &ScoreArgs, policy: &crate::score::Policy) -> u8 {
    let output = a.output.as_deref();
    if let Some(out) = output {
        let dirs = crate::pipeline::folders::department_folders(&a.path).unwrap_or_default();
        let extra: Vec<PathBuf> = a.policy.iter().cloned().collect();
        if let Err(e) = crate::pipeline::inputs::refuse_region_output(out, &dirs, &extra) {
            super::say_error(&e);
            return exit::UNUSABLE;
        }
    }
    let format = match format(a) {
        Ok(f) => f,
        Err(code) => return code,
    };
    super::score_region::run(&super::score_region::RegionArgs {
        region: &a.path,
        actuals: a.actuals.as_deref(),
        policy,
        format,
        output,
        bom: a.bom.wanted(output),
        table: a.table.style(output),
    })
}
