//! The command line: a thin shell over the library. Each subcommand lives in its own
//! file; this one only declares them and maps outcomes to exit codes.
//!
//! Output goes through [`write_stdout`] / [`output_status`], never `print!`: a write that
//! fails (a full disk, `> /dev/full`) is one line on stderr and exit 2, not a panic. A
//! closed pipe (`| head`) ends the process through SIGPIPE (reset to its default in
//! `main.rs`), like other Unix tools. Messages go through `eprint_safe!` /
//! `eprintln_safe!`, which drop what stderr cannot take instead of panicking.

/// `eprint!` that never panics: a message stderr cannot take (closed, full) is dropped —
/// there is nowhere else to say it — and the exit code still tells what happened.
macro_rules! eprint_safe {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        // Names and text from files may hold terminal escapes: shown, never sent.
        let text = format!($($arg)*);
        let text = $crate::terminal_text::sanitize_for_terminal(&text);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }};
}

/// Prints diagnostics on stderr as `eprint_safe!` would, one at a time (see
/// [`crate::diagnostic::for_each_rendered`]): memory stays that of one diagnostic.
pub(crate) fn print_diagnostics(diags: &[crate::diagnostic::FileDiagnostic]) {
    use std::io::Write as _;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    crate::diagnostic::for_each_rendered(diags, |text| {
        let _ = err.write_all(crate::terminal_text::sanitize_for_terminal(text).as_bytes());
    });
    let _ = err.flush();
}

/// `eprintln!` that never panics (see `eprint_safe!`).
macro_rules! eprintln_safe {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut text = format!($($arg)*);
        text.push('\n');
        let text = $crate::terminal_text::sanitize_for_terminal(&text);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }};
}

mod audit;
mod check;
mod department;
mod diff;
mod eval;
mod explain;
mod explain_code;
mod fmt;
mod help_lang;
mod import;
mod monitor;
mod parse;
mod progress_bar;
mod score;
mod score_region;
mod snapshot;
mod template;
mod template_xlsx;
mod terminal;
mod test;

use crate::i18n::tf;
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
            eprint_safe!("{}", e.render());
            exit::UNUSABLE
        }),
    }
}

/// Writes `bytes` to standard output and flushes it; the error is the caller's to report
/// (see [`output_status`]).
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout().lock();
    let shown = for_terminal(bytes, out.is_terminal());
    out.write_all(&shown)?;
    out.flush()
}

/// What a command prints, as it may reach a terminal: a project name or a cell holding an
/// escape sequence (`\u{1b}]0;pwned\u{7}`) is shown escaped, never sent to the terminal.
/// Line ends (`\r\n` of CSV) stay. Files and pipes get the bytes as they are (JSON already
/// escapes control characters; xlsx is binary).
fn for_terminal(bytes: &[u8], terminal: bool) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Cow::Borrowed(bytes);
    };
    if !terminal {
        return Cow::Borrowed(bytes);
    }
    let lines: Vec<std::borrow::Cow<'_, str>> = text
        .split("\r\n")
        .map(crate::terminal_text::sanitize_for_terminal)
        .collect();
    if lines.iter().all(|l| matches!(l, Cow::Borrowed(_))) {
        return Cow::Borrowed(bytes);
    }
    Cow::Owned(lines.join("\r\n").into_bytes())
}

#[cfg(test)]
mod stdout_tests {
    use super::for_terminal;

    #[test]
    fn escape_sequences_in_printed_text_are_shown_not_sent_to_a_terminal() {
        let table = "│ \u{1b}]0;pwned\u{7}普法宣传经费 │ 9.00 │\r\n";
        let shown = for_terminal(table.as_bytes(), true);
        assert_eq!(
            std::str::from_utf8(&shown).ok(),
            Some("│ \\u{1b}]0;pwned\\u{7}普法宣传经费 │ 9.00 │\r\n")
        );
        // To a file or a pipe: the bytes as they are.
        assert_eq!(&*for_terminal(table.as_bytes(), false), table.as_bytes());
        // Nothing to escape: nothing copied.
        assert!(matches!(
            for_terminal("a,b\r\n".as_bytes(), true),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

/// The exit code of a command whose output was written with `result`: its own `status`
/// when the output was written. A closed pipe (only seen where SIGPIPE does not end the
/// process) is the reader's choice, not an error: quietly `status`. Any other failure is
/// one line on stderr and [`exit::UNUSABLE`].
pub fn output_status(result: std::io::Result<()>, status: u8) -> u8 {
    match result {
        Ok(()) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            eprintln_safe!(
                "{}",
                tf("cli.stdout-write", &[("why", &crate::i18n::io_why(&e))])
            );
            exit::UNUSABLE
        }
    }
}

/// Writes `bytes` to the `-o` file (atomically) or, without one, to standard output.
/// `Err`: the exit code to end with now (a failure is said on stderr; a closed pipe is
/// the reader's choice and ends quietly with 0).
pub fn write_output(output: Option<&Path>, bytes: &[u8]) -> Result<(), u8> {
    match output {
        Some(path) => crate::output::write_atomic(path, bytes).map_err(|e| {
            say_write_error(path, &e);
            exit::UNUSABLE
        }),
        None => write_stdout(bytes).map_err(|e| output_status(Err(e), exit::OK)),
    }
}

/// Writes `bytes` to standard output; the exit code is `status`, or as [`output_status`]
/// says when the write fails.
pub fn emit(bytes: impl AsRef<[u8]>, status: u8) -> u8 {
    output_status(write_stdout(bytes.as_ref()), status)
}

/// `v` as pretty JSON and a newline.
pub fn json_line<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The checks of a department command's paths before anything is read: the folder is a
/// scorecard folder ([`require_department_folder`]) and `-o` names none of its inputs
/// ([`refuse_department_output`]).
pub fn check_department_paths(
    folder: &Path,
    region_too: bool,
    output: Option<&Path>,
    actuals: Option<&Path>,
    policy: Option<&Path>,
) -> Result<(), u8> {
    require_department_folder(folder, region_too)?;
    refuse_department_output(folder, output, actuals, policy)
}

/// Refuses (exit 2, with the message) an `-o` path that is one of `inputs`.
/// [`refuse_input_as_output`] for a command on one department folder: its files plus the
/// `--actuals` and `--policy` files given.
pub fn refuse_department_output(
    folder: &Path,
    output: Option<&Path>,
    actuals: Option<&Path>,
    policy: Option<&Path>,
) -> Result<(), u8> {
    let Some(out) = output else {
        return Ok(());
    };
    let mut inputs = crate::pipeline::inputs::department_inputs(folder);
    inputs.extend(actuals.into_iter().chain(policy).map(Path::to_path_buf));
    refuse_input_as_output(out, &inputs)
}

pub fn refuse_input_as_output(output: &Path, inputs: &[std::path::PathBuf]) -> Result<(), u8> {
    crate::output::refuse_input_as_output(output, inputs).map_err(|msg| {
        eprintln_safe!("{}", tf("cli.error", &[("msg", &msg)]));
        exit::UNUSABLE
    })
}

/// An `error:` line (in the user's language) for a message already written for the user.
pub fn say_error(msg: impl std::fmt::Display) {
    eprintln_safe!("{}", tf("cli.error", &[("msg", &msg.to_string())]));
}

/// `错误[input::encoding]：…` (`error[…]: …`): an error with its code, as diagnostics say it.
pub fn say_coded_error(code: impl std::fmt::Display, msg: String) {
    let line = tf(
        "diagnostic.header",
        &[
            ("severity", crate::i18n::t("diagnostic.error")),
            ("code", &code.to_string()),
            ("message", &msg),
        ],
    );
    eprintln_safe!("{line}");
}

/// The one line said when the input `path` cannot be read.
pub fn say_read_error(path: impl std::fmt::Display, e: &std::io::Error) {
    let (path, why) = (path.to_string(), crate::i18n::io_why(e));
    eprintln_safe!("{}", tf("cli.read", &[("path", &path), ("why", &why)]));
}

/// The one line said when the output file `path` cannot be written.
pub fn say_write_error(path: &Path, e: &std::io::Error) {
    let path = path.display().to_string();
    eprintln_safe!(
        "{}",
        tf(
            "cli.write",
            &[("path", &path), ("why", &crate::i18n::io_why(e))]
        )
    );
}

/// A department folder argument that does not exist, is a file, or has no
/// `department.toml` is unusable input (exit 2), said in one line. `region_too`: the
/// command also takes a region (a folder of department folders), and the message says so.
pub fn require_department_folder(path: &Path, region_too: bool) -> Result<(), u8> {
    let shown = path.display().to_string();
    let problem = match std::fs::metadata(path) {
        Err(e) => tf(
            "cli.folder-unreadable",
            &[("path", &shown), ("why", &crate::i18n::io_why(&e))],
        ),
        Ok(m) if !m.is_dir() => tf("cli.folder-is-file", &[("path", &shown)]),
        Ok(_) if !path.join(crate::scorecard::load::DEPARTMENT_FILE).exists() => {
            tf("cli.folder-no-department", &[("path", &shown)])
        }
        Ok(_) => return Ok(()),
    };
    let key = if region_too {
        "cli.give-folder-or-region"
    } else {
        "cli.give-folder"
    };
    eprintln_safe!("{}", tf(key, &[("problem", &problem)]));
    Err(exit::UNUSABLE)
}

/// The actuals diagnostic codes that make a file unusable as a whole (exit 2); kept here
/// for code that named them in `cli`, the list itself is the pipeline's.
pub use crate::pipeline::UNUSABLE_ACTUALS;

/// `--bom` / `--no-bom` of the commands that write CSV.
///
/// Decision: a CSV written to a file (`-o`) starts with a UTF-8 byte-order mark unless
/// `--no-bom`, because the people who open it use Excel, which reads a BOM-less UTF-8 CSV
/// as GBK on a Chinese Windows (mojibake); CSV on standard output has none unless `--bom`,
/// because it usually goes to another program. Our own readers accept either.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct BomArgs {
    #[arg(long, conflicts_with = "no_bom")]
    pub bom: bool,
    #[arg(long)]
    pub no_bom: bool,
}

impl BomArgs {
    /// Whether CSV written to `output` (None: standard output) gets a BOM.
    pub fn wanted(self, output: Option<&Path>) -> bool {
        self.bom || (output.is_some() && !self.no_bom)
    }
}

/// `--width` / `--ascii` of the commands that draw tables.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct TableArgs {
    #[arg(long, value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
    #[arg(long)]
    pub ascii: bool,
}

impl TableArgs {
    /// The style for tables written to `output` (None: standard output). A file written
    /// with `-o` is not the terminal: only `--width` narrows it.
    pub fn style(self, output: Option<&Path>) -> crate::report::TableStyle {
        crate::report::TableStyle {
            width: match output {
                Some(_) => self.width,
                None => terminal::table_width(self.width),
            },
            ascii: self.ascii,
        }
    }
}

/// Exit codes shared by every command (documented in the README), and the policy that
/// combines them: [`crate::pipeline::exit`].
pub mod exit {
    pub use crate::pipeline::exit::{worse, FAILED, OK, UNUSABLE};
}

// Decision: the `--help` texts come from the message catalogues (`[help]` in
// `src/i18n/zh.toml` / `en.toml`); the argument structs carry no doc comments, so each text
// has one home. clap's derive fixes help at compile time and `--lang` is itself an argument clap parses, so `help_lang` decides the
// language from the raw arguments and the environment first and lays that language's texts
// over the built command (Chinese by default, English with `--lang en` or LANG=en_*). A test
// walks the command and fails on any argument or subcommand either catalogue lacks. (clap's
// own words — `Usage:`, `Options:`, `Print help` — stay as clap writes them.)
#[derive(Parser, Debug)]
#[command(name = "jixiao", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum)]
    lang: Option<crate::i18n::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Parse(parse::ParseArgs),
    Eval(eval::EvalArgs),
    Import(import::ImportArgs),
    Score(score::ScoreArgs),
    Explain(explain::ExplainArgs),
    Diff(diff::DiffArgs),
    Snapshot(snapshot::SnapshotArgs),
    Test(test::TestArgs),
    Monitor(monitor::MonitorArgs),
    Check(check::CheckArgs),
    Audit(audit::AuditArgs),
    Template(template::TemplateArgs),
    Fmt(fmt::FmtArgs),
    ExplainCode(explain_code::ExplainCodeArgs),
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOrJson {
    Text,
    Json,
}

pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help_lang::lang_in_args(&args).unwrap_or_else(crate::i18n::from_env);
    crate::i18n::set(lang);
    let mut command = help_lang::command_in(lang);
    let parsed = command.try_get_matches_from_mut(args).and_then(|mut m| {
        <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut m)
            .map_err(|e| e.format(&mut command))
    });
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::UNUSABLE
            } else {
                exit::OK
            };
            // `--help` and `--version` are output (stdout) like any other; an error
            // message that stderr cannot take leaves the exit code to tell.
            let printed = e.print();
            if e.use_stderr() {
                return ExitCode::from(code);
            }
            return ExitCode::from(output_status(printed, code));
        }
    };
    // The language was set above from the same arguments clap has now read.
    debug_assert!(cli.lang.is_none_or(|l| l == lang));
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
        Command::Audit(a) => audit::run(a),
        Command::Template(a) => template::run(a),
        Command::Fmt(a) => fmt::run(a),
        Command::ExplainCode(a) => explain_code::run(a),
    };
    ExitCode::from(code)
}
