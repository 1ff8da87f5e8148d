//! Region scoring: a folder of department folders (as a provincial finance department
//! receives them) scored in one run.
//!
//! Streaming, so memory grows with the largest department and not with the region: the
//! pool's threads (rayon) load, score and render departments in folder order, while the
//! calling thread writes the finished ones in that order; scoring runs at most 4 × threads
//! departments ahead of writing, so a slow department holds back only a bounded queue.
//! Only the summary figures of each department are kept. The bytes written do not depend
//! on the number of threads (tested against a sequential run).
//!
//! Each department goes through [`crate::pipeline`], as one department does. A department
//! with errors is left out and counted in the summary; its diagnostics go to the messages
//! writer the caller gives. Nothing here prints: `score REGION` is `cli/score_region.rs`.

mod html;
mod messages;
mod render;
mod sink;
mod summary;
mod xlsx;

pub use crate::pipeline::folders::{
    department_folders, is_region, repeated_codes, stray_folders, stray_warning, symlinked_input,
};
pub use crate::pipeline::FOLDER_ACTUALS;
pub use messages::DepartmentMessages;
pub use sink::AtomicFile;
pub use summary::{BrokenDepartment, DepartmentLine, GradeCount, LowProject, RegionSummary};

use crate::pipeline::{readahead, Notice, Progress};
use crate::report::{Format, TableStyle};
use crate::score::Policy;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

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

/// What one worker returns for one department: its rendered bytes, what it said, and the
/// figures the summary needs; the scored department itself is dropped in the worker.
struct DeptOutcome {
    body: Vec<u8>,
    messages: DepartmentMessages,
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
        let messages = DepartmentMessages {
            folder: dir.to_path_buf(),
            internal_error: Some(what),
            ..DepartmentMessages::default()
        };
        broken(dir, 1, messages)
    })
}

fn score_one(dir: &Path, policy: &Policy, format: Format, style: TableStyle) -> DeptOutcome {
    let mut outcome = crate::pipeline::score_department(dir, None, policy);
    let scored = outcome.scored.take();
    let messages = DepartmentMessages::from_outcome(dir.to_path_buf(), outcome);
    let Some(scored) = scored else {
        let errors = messages.errors();
        return broken(dir, errors, messages);
    };
    let unknown_actuals = messages
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::UnknownActual { .. }))
        .count();
    let failed_rows = scored.failed_rows();
    // Only the scores are needed from here: the scorecard and actuals go first.
    let scored = scored.scored;
    let body = render::department(&scored, format, style);
    let (line, lowest) = summary::figures(&scored, failed_rows);
    DeptOutcome {
        body,
        messages,
        line: Some(line),
        lowest,
        broken: None,
        failed_rows,
        unknown_actuals,
    }
}

/// A department left out with `errors` errors and the `messages` that say why.
fn broken(dir: &Path, errors: usize, messages: DepartmentMessages) -> DeptOutcome {
    DeptOutcome {
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
    }
}

/// Options of a region run.
pub struct RegionRun<'a> {
    pub policy: &'a Policy,
    pub format: Format,
    /// Worker threads; `0` = rayon's default (one per core). `1` scores sequentially.
    pub threads: usize,
    /// How tables are drawn (`--width`, `--ascii`); only `Format::Table` looks at it.
    pub table: TableStyle,
    /// Told as departments are written (the command line draws a bar on a terminal).
    pub progress: &'a dyn Progress,
}

/// Scores every department folder in `dirs` and streams the output to `out`; messages
/// (diagnostics, warnings) go to `messages` as text, in folder order, escaped for a
/// terminal. Fails only when writing fails.
pub fn score_region(
    dirs: &[PathBuf],
    run: &RegionRun,
    out: &mut dyn Write,
    messages: &mut dyn Write,
) -> std::io::Result<RegionOutcome> {
    score_region_with(dirs, run, out, &mut |m: &DepartmentMessages| {
        if m.is_empty() {
            return Ok(());
        }
        // Folder names and file text may hold terminal escapes: shown, never sent.
        let text = m.render();
        messages.write_all(crate::terminal_text::sanitize_for_terminal(&text).as_bytes())
    })
}

/// [`score_region`] with each department's messages given as values to `on_messages`, in
/// folder order (also when there are none); an error from it stops the run as a failed
/// write does.
pub fn score_region_with(
    dirs: &[PathBuf],
    run: &RegionRun,
    out: &mut dyn Write,
    on_messages: &mut dyn FnMut(&DepartmentMessages) -> std::io::Result<()>,
) -> std::io::Result<RegionOutcome> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(run.threads)
        .build()
        .map_err(std::io::Error::other)?;
    let threads = pool.current_num_threads().max(1);
    // How far scoring may run ahead of writing: bounds the outcomes held in memory.
    let window = 4 * threads;
    let mut acc = summary::Accumulator::new(run.policy);
    let mut writer = render::Writer::new(run.format, run.policy.level_note(), run.table);
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
        let (policy, format, style) = (run.policy, run.format, run.table);
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
                    let outcome = guarded(dir, || score_one(dir, policy, format, style));
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
                    if let Err(e) = write_outcome(o, &mut writer, &mut acc, out, on_messages) {
                        result = Err(e);
                        break 'receive;
                    }
                    want += 1;
                    run.progress.advance(want, dirs.len());
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
    run.progress.finish();
    result?;
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
    on_messages: &mut dyn FnMut(&DepartmentMessages) -> std::io::Result<()>,
) -> std::io::Result<()> {
    on_messages(&o.messages)?;
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
        let text = o.messages.render();
        assert!(text.contains("内部错误"), "{text}");
        assert!(text.contains("index out of bounds"), "{text}");
    }
}
