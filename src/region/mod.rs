//! Region scoring: a folder of department folders (as a provincial finance department
//! receives them) scored in one run.
//!
//! Streaming, so memory grows with the largest department and not with the region: the
//! pool's threads (rayon) load, score and render departments in folder order, while the
//! calling thread writes the finished ones in that order; scoring runs at most 4 × threads
//! departments ahead of writing, so a slow department holds back only a bounded queue. Only the summary figures of each department are kept. The bytes written do not
//! depend on the number of threads (tested against a sequential run).
//!
//! A department with errors is reported on stderr and left out; the others are scored and
//! the run exits 1.

mod folders;
mod html;
pub mod memo;
pub(crate) mod readahead;
mod render;
mod sink;
mod summary;
mod xlsx;

pub use folders::{department_folders, is_region, stray_folders, stray_warning};
pub use render::Progress;
pub use sink::AtomicFile;
pub use summary::{BrokenDepartment, DepartmentLine, GradeCount, LowProject, RegionSummary};

use crate::actuals::{load_actuals, Actuals};
use crate::diagnostic::render_file_diagnostics;
use crate::evaluate::evaluate;
use crate::report::Format;
use crate::score::{Policy, Status};
use crate::scorecard::load::load_department;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// The actuals file each department folder of a region carries.
pub const FOLDER_ACTUALS: &str = "actuals.toml";

/// How a region run went.
#[derive(Debug, Default)]
pub struct RegionOutcome {
    pub summary: RegionSummary,
    /// Rows that could not be scored (errors or unscorable), over all departments.
    pub failed_rows: usize,
    /// Keys of actuals files that match no project or row of their department (a typo in a
    /// code or id loses that actual): warned about, and the run exits 1 as for one department.
    pub unknown_actuals: usize,
}

impl RegionOutcome {
    /// Some department was left out, some row could not be scored, or some actual matched
    /// nothing.
    pub fn had_errors(&self) -> bool {
        self.failed_rows > 0 || !self.summary.broken.is_empty() || self.unknown_actuals > 0
    }
}

/// What one worker returns for one department: its rendered bytes and the figures the
/// summary needs; the scored department itself is dropped in the worker.
struct DeptOutcome {
    body: Vec<u8>,
    messages: String,
    line: Option<DepartmentLine>,
    lowest: Vec<LowProject>,
    broken: Option<BrokenDepartment>,
    failed_rows: usize,
    unknown_actuals: usize,
}

/// Runs `score` (a [`score_one`]) with a panic — a bug: every input problem is a
/// diagnostic, and the loaders and parsers are fuzzed — turned into a left-out department.
/// A worker that died would leave the writer waiting for its department forever.
fn guarded(dir: &Path, score: impl FnOnce() -> DeptOutcome) -> DeptOutcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(score)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        DeptOutcome {
            body: Vec::new(),
            messages: format!(
                "error: internal error while scoring `{}`: {what}; the department was left out. This is a bug in jixiao — please report it with this folder\n",
                dir.display()
            ),
            line: None,
            lowest: Vec::new(),
            broken: Some(BrokenDepartment {
                folder: dir.display().to_string(),
                errors: 1,
            }),
            failed_rows: 0,
            unknown_actuals: 0,
        }
    })
}

fn score_one(dir: &Path, policy: &Policy, format: Format) -> DeptOutcome {
    let mut messages = String::new();
    let broken = |errors: usize, messages: String| DeptOutcome {
        body: Vec::new(),
        messages,
        line: None,
        lowest: Vec::new(),
        broken: Some(BrokenDepartment {
            folder: dir.display().to_string(),
            errors,
        }),
        failed_rows: 0,
        unknown_actuals: 0,
    };
    let dept = match load_department(dir) {
        Ok((d, warnings)) => {
            messages.push_str(&render_file_diagnostics(&warnings));
            d
        }
        Err(diags) => {
            messages.push_str(&render_file_diagnostics(&diags));
            let errors = diags.iter().filter(|d| d.is_error()).count();
            messages.push_str(&format!(
                "error: the department folder `{}` has errors; it was left out and the others were scored\n",
                dir.display()
            ));
            return broken(errors, messages);
        }
    };
    let path = dir.join(FOLDER_ACTUALS);
    let actuals = if path.exists() {
        match load_actuals(&path, &dept.code) {
            Ok(a) => a,
            Err(diags) => {
                messages.push_str(&render_file_diagnostics(&diags));
                let errors = diags.iter().filter(|d| d.is_error()).count();
                messages.push_str(&format!(
                    "error: the actuals of `{}` have errors; the department was left out and the others were scored\n",
                    dir.display()
                ));
                return broken(errors, messages);
            }
        }
    } else {
        messages.push_str(&format!(
            "warning: `{}` does not exist; every row of this department is reported as missing\n",
            path.display()
        ));
        Actuals::default()
    };
    let unknown = actuals.unknown_keys(&dept);
    for u in &unknown {
        messages.push_str(&format!(
            "warning: `{}`: {u}; check the code or id (`jixiao template {}` lists them)\n",
            path.display(),
            dir.display()
        ));
    }
    let scored = evaluate(&dept, &actuals, policy);
    drop(actuals);
    drop(dept);
    let failed_rows = scored
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .chain(&scored.department.indicators)
        .filter(|r| matches!(r.status, Status::Error | Status::Unscorable))
        .count();
    let body = render::department(&scored, format);
    let (line, lowest) = summary::figures(&scored, failed_rows);
    DeptOutcome {
        body,
        messages,
        line: Some(line),
        lowest,
        broken: None,
        failed_rows,
        unknown_actuals: unknown.len(),
    }
}

/// Options of a region run.
pub struct RegionRun<'a> {
    pub policy: &'a Policy,
    pub format: Format,
    /// Worker threads; `0` = rayon's default (one per core). `1` scores sequentially.
    pub threads: usize,
    /// Shows a progress bar on stderr once the run takes over a second (TTY only).
    pub progress: bool,
}

/// Scores every department folder in `dirs` and streams the output to `out`; messages
/// (diagnostics, warnings) go to `messages` in folder order. Fails only when writing fails.
pub fn score_region(
    dirs: &[PathBuf],
    run: &RegionRun,
    out: &mut dyn Write,
    messages: &mut dyn Write,
) -> std::io::Result<RegionOutcome> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(run.threads)
        .build()
        .map_err(std::io::Error::other)?;
    let threads = pool.current_num_threads().max(1);
    // How far scoring may run ahead of writing: bounds the outcomes held in memory.
    let window = 4 * threads;
    let progress = render::Progress::new(run.progress, dirs.len());
    let mut acc = summary::Accumulator::new(run.policy);
    let mut writer = render::Writer::new(run.format, run.policy.level_note());
    writer.begin(out)?;
    let next = AtomicUsize::new(0);
    let written = (Mutex::new(0usize), Condvar::new());
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, DeptOutcome)>();
    let mut result: std::io::Result<()> = Ok(());
    std::thread::scope(|threads_scope| {
        if readahead::AVAILABLE && dirs.len() > 1 {
            let (written, stop, lead) = (&written, &stop, window + READAHEAD_LEAD);
            threads_scope
                .spawn(move || readahead::walk(dirs, |i| wait_for_window(written, stop, i, lead)));
        }
        pool.in_place_scope(|scope| {
            for _ in 0..threads {
                let tx = tx.clone();
                let (next, written, stop) = (&next, &written, &stop);
                scope.spawn(move |_| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(dir) = dirs.get(i) else { break };
                    if !wait_for_window(written, stop, i, window) {
                        break;
                    }
                    let outcome = guarded(dir, || score_one(dir, run.policy, run.format));
                    if tx.send((i, outcome)).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            // This thread writes, in folder order, while the pool scores the next departments.
            let mut pending: BTreeMap<usize, DeptOutcome> = BTreeMap::new();
            let mut want = 0usize;
            'receive: for (i, o) in rx.iter() {
                pending.insert(i, o);
                while let Some(o) = pending.remove(&want) {
                    if let Err(e) = write_outcome(o, &mut writer, &mut acc, out, messages) {
                        result = Err(e);
                        break 'receive;
                    }
                    want += 1;
                    progress.inc(1);
                    if let Ok(mut w) = written.0.lock() {
                        *w = want;
                    }
                    written.1.notify_all();
                }
            }
            // On a write error, release the workers (they stop at their next department). The
            // flag is set under the lock so a worker cannot miss it between check and wait.
            if let Ok(_guard) = written.0.lock() {
                stop.store(true, Ordering::Relaxed);
            }
            written.1.notify_all();
        });
    });
    result?;
    progress.finish();
    let outcome = acc.finish();
    writer.end(out, &outcome.summary)?;
    out.flush()?;
    Ok(outcome)
}

/// How many departments past the scoring window the read-ahead thread may run: enough to
/// keep the disk busy, little enough to stop promptly.
const READAHEAD_LEAD: usize = 32;

/// Blocks a worker until department `i` is within `window` of the next one to be written;
/// `false` when the run is stopping.
fn wait_for_window(
    written: &(Mutex<usize>, Condvar),
    stop: &AtomicBool,
    i: usize,
    window: usize,
) -> bool {
    let Ok(mut w) = written.0.lock() else {
        return false;
    };
    while i >= *w + window {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        w = match written.1.wait(w) {
            Ok(w) => w,
            Err(_) => return false,
        };
    }
    !stop.load(Ordering::Relaxed)
}

/// Writes one department's messages and body and adds it to the summary.
fn write_outcome(
    o: DeptOutcome,
    writer: &mut render::Writer,
    acc: &mut summary::Accumulator,
    out: &mut dyn Write,
    messages: &mut dyn Write,
) -> std::io::Result<()> {
    // Folder names and file text may hold terminal escapes: shown, never sent.
    messages.write_all(crate::terminal_text::sanitize_for_terminal(&o.messages).as_bytes())?;
    if let Some(b) = o.broken {
        acc.broken(b);
        return Ok(());
    }
    writer.department(out, &o.body)?;
    if let Some(line) = o.line {
        acc.add(line, o.lowest, o.failed_rows);
    }
    acc.unknown_actuals(o.unknown_actuals);
    Ok(())
}

/// `jixiao score REGION`: the command-line side (`src/cli/score.rs` dispatches here).
/// Exit codes as everywhere: 0 all scored, 1 some department or row had errors (reported),
/// 2 unusable (unreadable region, unwritable output, `--actuals` given).
/// `eprintln!` for the region's messages: never panics, and untrusted text (folder
/// names) is escaped for the terminal.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut text = format!($($arg)*);
        text.push('\n');
        let text = crate::terminal_text::sanitize_for_terminal(&text);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }};
}

/// `bom`: start CSV with the byte-order mark Excel needs (the caller decides, as for one
/// department: by default in a file, not on standard output).
pub fn cli_run(
    region: &Path,
    actuals: Option<&Path>,
    policy: &Policy,
    format: Format,
    output: Option<&Path>,
    bom: bool,
) -> u8 {
    use crate::cli::exit;
    use std::io::IsTerminal;
    if actuals.is_some() {
        say!(
            "error: `--actuals` cannot be used with a region (`{}`); each department folder is scored with its own `{FOLDER_ACTUALS}`",
            region.display()
        );
        return exit::UNUSABLE;
    }
    let dirs = match department_folders(region) {
        Ok(d) => d,
        Err(e) => {
            say!("error: cannot read the region `{}`: {e}", region.display());
            return exit::UNUSABLE;
        }
    };
    let strays = stray_folders(region);
    for dir in &strays {
        say!("{}", stray_warning(dir));
    }
    if let Some(path) = output {
        if let Some(input) = folders::symlinked_input(path, &dirs) {
            say!(
                "error: `{}` 是区域的输入文件 `{}`（通过符号链接），写入会覆盖它；请换一个输出文件名",
                path.display(),
                input.display()
            );
            return exit::UNUSABLE;
        }
    }
    let run = RegionRun {
        policy,
        format,
        threads: 0,
        progress: std::io::stderr().is_terminal(),
    };
    let bom: &[u8] = if bom && format == Format::Csv {
        crate::report::csv_safe::BOM
    } else {
        b""
    };
    let stderr = std::io::stderr();
    let mut messages = stderr.lock();
    let result = match output {
        Some(path) => {
            let mut file = match AtomicFile::create(path) {
                Ok(f) => f,
                Err(e) => {
                    say!("error: cannot write `{}`: {e}", path.display());
                    return exit::UNUSABLE;
                }
            };
            file.write_all(bom)
                .and_then(|()| score_region(&dirs, &run, &mut file, &mut messages))
                .and_then(|o| file.commit().map(|()| o))
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            out.write_all(bom)
                .and_then(|()| score_region(&dirs, &run, &mut out, &mut messages))
        }
    };
    drop(messages);
    match result {
        Ok(o) => {
            let s = &o.summary;
            if !s.broken.is_empty() {
                say!(
                    "{} of {} departments had errors and were left out",
                    s.broken.len(),
                    s.broken.len() + s.scored
                );
            }
            if o.failed_rows > 0 {
                say!(
                    "{} rows could not be scored; see their errors in the output",
                    o.failed_rows
                );
            }
            if o.unknown_actuals > 0 {
                say!(
                    "{} actuals matched no project or row (warnings above); those rows are reported as missing",
                    o.unknown_actuals
                );
            }
            let codes: Vec<&str> = s.departments.iter().map(|d| d.code.as_str()).collect();
            let repeated = folders::repeated_codes(&codes);
            for (code, n) in &repeated {
                say!(
                    "warning: 部门编码 `{code}` 出现在 {n} 个部门文件夹里；汇总中它们各占一行，无法区分。请核对各文件夹 `department.toml` 的 `code`"
                );
            }
            if o.had_errors() || !strays.is_empty() || !repeated.is_empty() {
                exit::FAILED
            } else {
                exit::OK
            }
        }
        Err(e) => {
            match output {
                Some(p) => say!(
                    "error: cannot write `{}`: {e}; the previous file (if any) is unchanged",
                    p.display()
                ),
                None => say!("error: cannot write the output: {e}"),
            }
            exit::UNUSABLE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_scoring_leaves_the_department_out_instead_of_hanging() {
        let dir = Path::new("region/d-007");
        let o = guarded(dir, || panic!("index out of bounds"));
        assert!(o.body.is_empty() && o.line.is_none());
        let b = o.broken.as_ref().map(|b| (b.folder.as_str(), b.errors));
        assert_eq!(b, Some(("region/d-007", 1)));
        assert!(o.messages.contains("internal error"), "{}", o.messages);
        assert!(o.messages.contains("index out of bounds"), "{}", o.messages);
    }
}
