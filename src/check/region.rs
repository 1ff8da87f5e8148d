//! `jixiao check REGION`: every department folder of a region checked, in folder order,
//! each with its own report, then one line for the region — what a provincial reviewer
//! runs before scoring. Departments are checked in parallel (rayon) in bounded chunks and
//! printed in order, so the output does not depend on the number of threads and memory
//! does not grow with the region.

use super::{check_folder, CheckOptions, Counts};
use crate::pipeline::Progress;
use crate::score::Policy;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Departments checked at a time: enough to keep the threads busy, few enough that their
/// reports (which hold the text of every file with a finding) stay small.
const CHUNK: usize = 64;

/// What a region check found, for the summary line and the exit code.
#[derive(Debug, Default, Clone, Copy)]
pub struct RegionCheck {
    pub departments: usize,
    pub with_errors: usize,
    pub counts: Counts,
    pub files: usize,
}

/// Checks every folder in `dirs` and writes the reports to `out` as text (each
/// department's report, then the region line) or as one JSON array of every finding, with
/// the items of the single-folder `check --format json`.
/// `progress` is told as departments are checked. The region's subfolders without
/// `department.toml` are the caller's to warn about.
pub fn check_region(
    region: &Path,
    dirs: &[PathBuf],
    policy: &Policy,
    opts: CheckOptions,
    json: bool,
    progress: &dyn Progress,
    out: &mut dyn Write,
) -> std::io::Result<RegionCheck> {
    let mut total = RegionCheck {
        departments: dirs.len(),
        ..RegionCheck::default()
    };
    let mut done = 0;
    let mut first_item = true;
    if json {
        out.write_all(b"[")?;
    }
    // A region on a cold disk: one thread asks the kernel to start reading the folders
    // ahead of the checkers (as `score REGION` does); it stops with the run.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let result = std::thread::scope(|threads| -> std::io::Result<()> {
        if crate::pipeline::readahead::AVAILABLE && dirs.len() > 1 {
            let stop = &stop;
            threads.spawn(move || {
                crate::pipeline::readahead::walk(dirs, |_| {
                    !stop.load(std::sync::atomic::Ordering::Relaxed)
                })
            });
        }
        let mut checked = || -> std::io::Result<()> {
            for chunk in dirs.chunks(CHUNK) {
                let rendered: Vec<(String, Counts, usize)> = chunk
                    .par_iter()
                    .map(|dir| {
                        let report = check_folder(dir, policy, opts);
                        let text = if json {
                            report
                                .json_items()
                                .iter()
                                .map(|item| serde_json::to_string_pretty(item).unwrap_or_default())
                                .collect::<Vec<_>>()
                                .join(",\n")
                        } else {
                            report.render_text(dir)
                        };
                        (text, report.counts(), report.files.len())
                    })
                    .collect();
                done += chunk.len();
                progress.advance(done, dirs.len());
                for (text, counts, files) in rendered {
                    total.counts.errors += counts.errors;
                    total.counts.warnings += counts.warnings;
                    total.counts.advice += counts.advice;
                    total.files += files;
                    if counts.errors > 0 {
                        total.with_errors += 1;
                    }
                    if json {
                        if !text.is_empty() {
                            out.write_all(if first_item { b"\n" } else { b",\n" })?;
                            out.write_all(text.as_bytes())?;
                            first_item = false;
                        }
                    } else {
                        out.write_all(text.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                }
            }
            Ok(())
        };
        let result = checked();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        result
    });
    progress.finish();
    result?;
    if json {
        out.write_all(b"\n]\n")?;
    } else {
        let summary = crate::i18n::tf(
            "check.region-summary",
            &[
                ("region", &region.display().to_string()),
                ("departments", &total.departments.to_string()),
                ("with_errors", &total.with_errors.to_string()),
                ("counts", &total.counts.to_string()),
                ("files", &total.files.to_string()),
            ],
        );
        writeln!(out, "{summary}")?;
    }
    Ok(total)
}
