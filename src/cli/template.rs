//! `jixiao template PATH [--format toml|csv|xlsx] [--bom] [-o FILE]`

use super::exit;
use crate::check::template::{template_csv, template_toml};
use clap::Args;
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFormat {
    Toml,
    Csv,
    // A workbook; its help text is that of `--format` (`help.template.format`), so it
    // follows `--lang` too.
    Xlsx,
}

#[derive(Args, Debug)]
pub struct TemplateArgs {
    path: PathBuf,
    #[arg(long, value_enum)]
    format: Option<TemplateFormat>,
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    bom: super::BomArgs,
}

/// `--format`, or the `-o` extension's; a contradiction between the two is refused.
fn pick_format(a: &TemplateArgs) -> Result<TemplateFormat, String> {
    let ext = a
        .output
        .as_deref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let implied = match ext.as_deref() {
        Some("toml") => Some(TemplateFormat::Toml),
        Some("csv") => Some(TemplateFormat::Csv),
        Some("xlsx") => Some(TemplateFormat::Xlsx),
        _ => None,
    };
    match (a.format, implied) {
        (Some(g), Some(i)) if g != i => {
            Err(format!(
            "`--format {}` 与输出文件 `{}` 的扩展名矛盾；去掉 `--format`（按扩展名写），或改文件名",
            format!("{g:?}").to_lowercase(),
            a.output.as_deref().map(|p| p.display().to_string()).unwrap_or_default()
        ))
        }
        (g, i) => Ok(g.or(i).unwrap_or(TemplateFormat::Toml)),
    }
}

pub fn run(a: TemplateArgs) -> u8 {
    if let Err(code) = super::require_department_folder(&a.path, false) {
        return code;
    }
    if let Some(out) = &a.output {
        let inputs = crate::pipeline::inputs::department_inputs(&a.path);
        if let Err(code) = super::refuse_input_as_output(out, &inputs) {
            return code;
        }
    }
    let format = match pick_format(&a) {
        Ok(f) => f,
        Err(msg) => {
            eprintln_safe!("{}", crate::i18n::tf("cli.error", &[("msg", &msg)]));
            return exit::UNUSABLE;
        }
    };
    if format == TemplateFormat::Xlsx {
        return super::template_xlsx::run_xlsx(&a.path, a.output.as_deref());
    }
    if (a.bom.bom || a.bom.no_bom) && format != TemplateFormat::Csv {
        eprintln_safe!("{}", crate::i18n::t("cli.bom-not-toml"));
        return exit::UNUSABLE;
    }
    let (dept, status) = match super::department::load(&a.path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let text = match format {
        TemplateFormat::Toml => template_toml(&dept),
        TemplateFormat::Csv | TemplateFormat::Xlsx => {
            template_csv(&dept, a.bom.wanted(a.output.as_deref()))
        }
    };
    if let Err(code) = super::write_output(a.output.as_deref(), text.as_bytes()) {
        return code;
    }
    if let Some(path) = &a.output {
        let rows = dept.indicators.len()
            + dept
                .projects
                .iter()
                .map(|p| p.indicators.len())
                .sum::<usize>();
        let line = crate::i18n::tf(
            "cli.wrote-template",
            &[
                ("path", &path.display().to_string()),
                ("projects", &dept.projects.len().to_string()),
                ("rows", &rows.to_string()),
            ],
        );
        eprintln_safe!("{line}");
    }
    status
}
