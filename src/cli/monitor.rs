//! `jixiao monitor PATH --spending FILE --as-of DATE [--actuals F] [--policy F]
//! [--format table|json]` (绩效运行监控): each project's cumulative spending against its
//! plan at the date, a light from the policy's `monitor` rule, the gap in percentage
//! points, indicator progress from year-to-date actuals, and the rows that need a reason.

use super::exit;
use crate::i18n::{t, tf};
use crate::monitor::{monitor, parse_as_of, parse_spending_csv, render_json, render_table_styled};
use clap::Args;
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonitorFormat {
    Table,
    Json,
}

#[derive(Args, Debug)]
pub struct MonitorArgs {
    path: PathBuf,
    #[arg(long)]
    spending: PathBuf,
    #[arg(long = "as-of")]
    as_of: String,
    #[arg(long)]
    actuals: Option<PathBuf>,
    #[arg(long)]
    policy: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: MonitorFormat,
    #[command(flatten)]
    table: super::TableArgs,
}

pub fn run(a: MonitorArgs) -> u8 {
    let policy = match super::load_policy_arg(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let (dept, mut status) = match super::department::load(&a.path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let as_of = match parse_as_of(&a.as_of, dept.fiscal_year) {
        Ok(d) => d,
        Err(msg) => {
            eprintln_safe!("{}", tf("cli.as-of", &[("msg", &msg.to_string())]));
            return exit::UNUSABLE;
        }
    };
    {
        use chrono::Datelike;
        if as_of.year() != dept.fiscal_year {
            let elapsed = t(if as_of.year() < dept.fiscal_year {
                "cli.as-of-before"
            } else {
                "cli.as-of-after"
            });
            let line = tf(
                "cli.as-of-outside",
                &[
                    ("as_of", &as_of.to_string()),
                    ("year", &dept.fiscal_year.to_string()),
                    ("folder", &a.path.display().to_string()),
                    ("elapsed", elapsed),
                    ("md", &as_of.format("%m-%d").to_string()),
                ],
            );
            eprintln_safe!("{line}");
        }
    }
    // issue 15: a regular file of at most 16 MiB (not /dev/zero, not a FIFO); issue 16: GBK,
    // UTF-16 and BOMs are decoded (Excel on a Chinese Windows saves CSV in GBK).
    let bytes = match crate::limits::read_file_capped(&a.spending, crate::limits::MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) => {
            super::say_read_error(a.spending.display(), &e);
            return exit::UNUSABLE;
        }
    };
    let text = match crate::encoding::decode(&bytes) {
        Ok(d) => d.text,
        Err(e) => {
            super::say_coded_error(e.code, format!("`{}`: {e}", a.spending.display()));
            return exit::UNUSABLE;
        }
    };
    let spending = match parse_spending_csv(&a.spending, &text) {
        Ok(s) => s,
        Err(diags) => {
            super::print_diagnostics(&diags);
            return exit::UNUSABLE;
        }
    };
    for s in &spending {
        if !dept.projects.iter().any(|p| p.code == s.project) {
            let line = tf(
                "cli.spending-unknown-project",
                &[
                    ("project", &s.project),
                    ("file", &a.spending.display().to_string()),
                ],
            );
            eprintln_safe!("{line}");
        }
    }
    let ytd = match &a.actuals {
        Some(p) => match super::department::actuals(&a.path, p, &dept) {
            Ok((x, code)) => {
                status = exit::worse(status, code);
                Some(crate::evaluate::evaluate(&dept, &x, &policy))
            }
            Err(code) => return code,
        },
        None => None,
    };
    let report = monitor(&dept, &spending, ytd.as_ref(), as_of, &policy.monitor);
    let text = match a.format {
        MonitorFormat::Table => render_table_styled(&report, &policy.name, a.table.style(None)),
        MonitorFormat::Json => render_json(&report),
    };
    super::emit(text, status)
}
