//! The command line: a thin shell over the library. Each subcommand lives in its own
//! file; this one only declares them and maps outcomes to exit codes.

mod eval;
mod import;
mod parse;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    };
    ExitCode::from(code)
}
