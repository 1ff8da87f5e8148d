//! `jixiao score PATH [--actuals FILE] [--policy FILE] [--format …] [-o FILE]`

use super::exit;
use crate::diagnostic::render_file_diagnostics;
use crate::evaluate::evaluate;
use crate::report::{render_bytes, Format};
use crate::score::Status;
use crate::scorecard::load::load_department;
use clap::Args;
use std::path::PathBuf;

/// The example actuals a department folder may carry; used when `--actuals` is not given.
pub const FOLDER_ACTUALS: &str = "actuals.toml";

#[derive(Args, Debug)]
pub struct ScoreArgs {
    /// A department folder (`scorecards/<department>/`), or a region: a folder of
    /// department folders, each scored with its own `actuals.toml`.
    path: PathBuf,
    /// Year-end actuals (.toml, .csv or .xlsx). Default: the folder's own `actuals.toml`.
    #[arg(long)]
    actuals: Option<PathBuf>,
    /// A policy file in the rule language. Default: 财预〔2020〕10号 (built in).
    #[arg(long)]
    policy: Option<PathBuf>,
    /// Default: from the `-o` file's extension (.xlsx .html .json .csv .md), else table.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to this file (atomically) instead of standard output. Required for xlsx.
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
            eprintln_safe!("error: {msg}");
            exit::UNUSABLE
        })?;
    if format.is_binary() && a.output.is_none() {
        eprintln_safe!(
            "error: `--format xlsx` writes a workbook; name the file with `-o FILE.xlsx`"
        );
        return Err(exit::UNUSABLE);
    }
    Ok(format)
}

/// The actuals to score: the file given, or the folder's `actuals.toml` (none: every row
/// missing), and how many problems were found in it (printed here). A CSV sheet with bad
/// rows still gives its good rows; a file that cannot be used at all is exit 2.
fn read_actuals_lenient(
    folder: &std::path::Path,
    given: Option<&std::path::Path>,
    dept: &crate::scorecard::Department,
) -> Result<(crate::actuals::Actuals, usize), u8> {
    let path = match given {
        Some(p) => {
            super::require_actuals_file(p)?;
            p.to_path_buf()
        }
        None => {
            let p = folder.join(FOLDER_ACTUALS);
            if !p.exists() {
                eprintln_safe!(
                    "warning: 未给出 --actuals，且 `{}` 不存在：每一行都按未填写列出（时效指标按年底未完成计分），总分标为「不完整」",
                    p.display()
                );
                return Ok((crate::actuals::Actuals::default(), 0));
            }
            p
        }
    };
    match crate::actuals::load_actuals_lenient(&path, dept) {
        Ok((actuals, diags)) => {
            eprint_safe!("{}", render_file_diagnostics(&diags));
            Ok((actuals, diags.len()))
        }
        Err(diags) => {
            eprint_safe!("{}", render_file_diagnostics(&diags));
            Err(super::actuals_exit(&diags, exit::FAILED))
        }
    }
}

pub fn run(a: ScoreArgs) -> u8 {
    let policy = match super::load_policy_arg(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Region (issue 7): a folder of department folders is scored by `crate::region`.
    if crate::region::is_region(&a.path) {
        let (actuals, output) = (a.actuals.as_deref(), a.output.as_deref());
        if let Some(out) = output {
            let dirs = crate::region::department_folders(&a.path).unwrap_or_default();
            let extra: Vec<PathBuf> = a.policy.iter().cloned().collect();
            if let Err(e) = crate::output::refuse_region_output(out, &dirs, &extra) {
                eprintln_safe!("error: {e}");
                return exit::UNUSABLE;
            }
        }
        let format = match format(&a) {
            Ok(f) => f,
            Err(code) => return code,
        };
        let bom = a.bom.wanted(output);
        return crate::region::cli_run(&a.path, actuals, &policy, format, output, bom);
    }
    if let Err(code) = super::require_department_folder(&a.path, true) {
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
    let format = match format(&a) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let dept = match load_department(&a.path) {
        Ok((d, warnings)) => {
            eprint_safe!("{}", render_file_diagnostics(&warnings));
            d
        }
        Err(diags) => {
            eprint_safe!("{}", render_file_diagnostics(&diags));
            eprintln_safe!("error: the scorecard folder `{}` has errors; fix them and run again (`jixiao check` lists them)", a.path.display());
            return exit::FAILED;
        }
    };
    // One policy for bad cells: every problem reported, the rest scored and printed, exit 1.
    let (actuals, bad_cells) = match read_actuals_lenient(&a.path, a.actuals.as_deref(), &dept) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let unknown = actuals.unknown_keys(&dept);
    for u in &unknown {
        eprintln_safe!(
            "warning: `{}`: {u}; check the code or id (`jixiao template {}` lists them)",
            actuals.file.display(),
            a.path.display()
        );
    }
    let scored = evaluate(&dept, &actuals, &policy);
    let rendered = if format == Format::Table {
        let style = a.table.style(a.output.as_deref());
        Ok(crate::report::render_table(&scored, style).into_bytes())
    } else {
        render_bytes(&scored, format)
    };
    let bytes = match rendered {
        Ok(b) if format == Format::Csv && a.bom.wanted(a.output.as_deref()) => {
            [crate::report::csv_safe::BOM, &b].concat()
        }
        Ok(b) => b,
        Err(e) => {
            eprintln_safe!("error: {e}");
            return exit::UNUSABLE;
        }
    };
    match &a.output {
        Some(path) => {
            if let Err(e) = crate::output::write_atomic(path, &bytes) {
                eprintln_safe!("error: cannot write `{}`: {e}", path.display());
                return exit::UNUSABLE;
            }
        }
        None => {
            if let Err(e) = super::write_stdout(&bytes) {
                return super::output_status(Err(e), exit::OK);
            }
        }
    }
    let failed = scored
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .chain(&scored.department.indicators)
        .filter(|r| matches!(r.status, Status::Error | Status::Unscorable))
        .count();
    if failed > 0 {
        let n = failed.to_string();
        eprintln_safe!("{}", crate::i18n::tf("score.rows-failed", &[("n", &n)]));
    }
    if bad_cells > 0 {
        let n = bad_cells.to_string();
        eprintln_safe!("{}", crate::i18n::tf("score.bad-cells", &[("n", &n)]));
    }
    if failed > 0 || !unknown.is_empty() || bad_cells > 0 {
        exit::FAILED
    } else {
        exit::OK
    }
}
