//! `jixiao score REGION`: the command-line side of [`crate::region`] — the checks of the
//! arguments, where the output goes, the progress bar and the closing lines. Exit codes
//! as everywhere: 0 all scored, 1 some department or row had errors (reported), 2
//! unusable (unreadable region, unwritable output, `--actuals` given).

use super::exit;
use super::progress_bar::Bar;
use crate::pipeline::folders::{department_folders, repeated_codes, stray_folders, stray_warning};
use crate::pipeline::FOLDER_ACTUALS;
use crate::region::{score_region, AtomicFile, RegionOutcome, RegionRun};
use crate::report::Format;
use crate::score::Policy;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `score` was given for a region.
pub struct RegionArgs<'a> {
    pub region: &'a Path,
    pub actuals: Option<&'a Path>,
    pub policy: &'a Policy,
    pub format: Format,
    pub output: Option<&'a Path>,
    /// Start CSV with the byte-order mark Excel needs (decided as for one department: by
    /// default in a file, not on standard output).
    pub bom: bool,
    pub table: crate::report::TableStyle,
}

/// The department folders to score, or the exit code of a region that cannot be scored.
fn departments(a: &RegionArgs) -> Result<Vec<PathBuf>, u8> {
    if a.actuals.is_some() {
        eprintln_safe!(
            "error: `--actuals` cannot be used with a region (`{}`); each department folder is scored with its own `{FOLDER_ACTUALS}`",
            a.region.display()
        );
        return Err(exit::UNUSABLE);
    }
    let dirs = department_folders(a.region).map_err(|e| {
        eprintln_safe!(
            "error: cannot read the region `{}`: {e}",
            a.region.display()
        );
        exit::UNUSABLE
    })?;
    if let Some(path) = a.output {
        if let Some(input) = crate::pipeline::folders::symlinked_input(path, &dirs) {
            eprintln_safe!(
                "error: `{}` 是区域的输入文件 `{}`（通过符号链接），写入会覆盖它；请换一个输出文件名",
                path.display(),
                input.display()
            );
            return Err(exit::UNUSABLE);
        }
    }
    Ok(dirs)
}

pub fn run(a: &RegionArgs) -> u8 {
    let dirs = match departments(a) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let strays = stray_folders(a.region);
    for dir in &strays {
        eprintln_safe!("{}", stray_warning(dir));
    }
    let bar = Bar::on_terminal(dirs.len());
    let run = RegionRun {
        policy: a.policy,
        format: a.format,
        threads: 0,
        table: a.table,
        progress: &bar,
    };
    let bom: &[u8] = if a.bom && a.format == Format::Csv {
        crate::report::csv_safe::BOM
    } else {
        b""
    };
    let stderr = std::io::stderr();
    let mut messages = stderr.lock();
    let result = match a.output {
        Some(path) => {
            let mut file = match AtomicFile::create(path) {
                Ok(f) => f,
                Err(e) => {
                    eprintln_safe!("error: cannot write `{}`: {e}", path.display());
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
        Ok(o) => closing(&o, !strays.is_empty()),
        Err(e) => {
            match a.output {
                Some(p) => eprintln_safe!(
                    "error: cannot write `{}`: {e}; the previous file (if any) is unchanged",
                    p.display()
                ),
                None => eprintln_safe!("error: cannot write the output: {e}"),
            }
            exit::UNUSABLE
        }
    }
}

/// The region's closing lines on stderr, and its exit code.
fn closing(o: &RegionOutcome, strays: bool) -> u8 {
    let s = &o.summary;
    if !s.broken.is_empty() {
        eprintln_safe!(
            "{} of {} departments had errors and were left out",
            s.broken.len(),
            s.broken.len() + s.scored
        );
    }
    if o.failed_rows > 0 {
        eprintln_safe!(
            "{} rows could not be scored; see their errors in the output",
            o.failed_rows
        );
    }
    if o.unknown_actuals > 0 {
        eprintln_safe!(
            "{} actuals matched no project or row (warnings above); those rows are reported as missing",
            o.unknown_actuals
        );
    }
    let codes: Vec<&str> = s.departments.iter().map(|d| d.code.as_str()).collect();
    let repeated = repeated_codes(&codes);
    for (code, n) in &repeated {
        eprintln_safe!(
            "warning: 部门编码 `{code}` 出现在 {n} 个部门文件夹里；汇总中它们各占一行，无法区分。请核对各文件夹 `department.toml` 的 `code`"
        );
    }
    if o.had_errors() || strays || !repeated.is_empty() {
        exit::FAILED
    } else {
        exit::OK
    }
}
