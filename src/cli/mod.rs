//! The command line: a thin shell over the library. Each subcommand lives in its own
//! file; this one only declares them and maps outcomes to exit codes.

mod check;
mod diff;
mod eval;
mod explain;
mod fmt;
mod import;
mod monitor;
mod parse;
mod score;
mod snapshot;
mod template;
mod template_xlsx;
mod test;

use crate::score::Policy;
use clap::{Parser, Subcommand};
use std::path::Path;
use std::process::ExitCode;

/// The policy a command runs under: the file given (in the rule language), or the
/// built-in 财预〔2020〕10号. A policy with errors stops the command (exit 2) after
/// printing every diagnostic.
pub fn load_policy_arg(path: Option<&Path>) -> Result<Policy, u8> {
    match path {
        None => Ok(crate::policy::builtin_policy()),
        Some(p) => crate::policy::load_policy(p).map_err(|e| {
            eprint!("{}", e.render());
            exit::UNUSABLE
        }),
    }
}

/// Exit codes shared by every command (documented in the README).
pub mod exit {
    /// Everything read and scored.
    pub const OK: u8 = 0;
    /// Some input had errors (reported); the rest was processed.
    pub const FAILED: u8 = 1;
    /// The input was unusable (unreadable file, missing columns, bad arguments).
    pub const UNUSABLE: u8 = 2;
}

#[derive(Parser, Debug)]
#[command(
    name = "jixiao",
    version,
    about = "绩效自评: read performance targets as a language and score actuals against them"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse targets (指标值) and show their kind, parts, canonical form and warnings.
    Parse(parse::ParseArgs),
    /// Score one actual against one target, or every row of a CSV file.
    Eval(eval::EvalArgs),
    /// Import a published 绩效目标表 (text export or .docx) into a scorecard folder.
    Import(import::ImportArgs),
    /// Score a department folder against year-end actuals: the 自评表 per project and
    /// for the department.
    Score(score::ScoreArgs),
    /// Explain a project's (or the department's) scores row by row: target, actual,
    /// direction, the rule and where it is written, the arithmetic, and the total.
    Explain(explain::ExplainArgs),
    /// What a change of policy, actuals or scorecard moves; exit 1 when anything does.
    Diff(diff::DiffArgs),
    /// Write a line-per-figure record of every score, or `--check` one (exit 1 on change).
    Snapshot(snapshot::SnapshotArgs),
    /// Run rule test cases (a `[[case]]` TOML file) against a policy.
    Test(test::TestArgs),
    /// 绩效运行监控: spending against plan at a date, lights, indicator progress.
    Monitor(monitor::MonitorArgs),
    /// Review a scorecard folder: lenient targets, unit and 反向 contradictions, deadlines
    /// outside the fiscal year, vague targets, points, budgets and spending plans.
    Check(check::CheckArgs),
    /// Write the blank year-end actuals sheet (TOML or CSV) for a scorecard folder.
    Template(template::TemplateArgs),
    /// Rewrite targets to their canonical form, keeping comments and layout.
    Fmt(fmt::FmtArgs),
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOrJson {
    Text,
    Json,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::UNUSABLE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Parse(a) => parse::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Import(a) => import::run(a),
        Command::Score(a) => score::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Snapshot(a) => snapshot::run(a),
        Command::Test(a) => test::run(a),
        Command::Monitor(a) => monitor::run(a),
        Command::Check(a) => check::run(a),
        Command::Template(a) => template::run(a),
        Command::Fmt(a) => fmt::run(a),
    };
    ExitCode::from(code)
}
