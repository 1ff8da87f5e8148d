//! `jixiao score REGION`: the command-line side of [`crate::region`] — the checks of the
//! arguments, where the output goes, the progress bar and the closing lines. Exit codes
//! as everywhere: 0 all scored, 1 some department or row had errors (reported), 2
//! unusable (unreadable region, unwritable output, `--actuals` given).

use super::exit;
use super::progress_bar::Bar;
use crate::i18n::tf;
use crate::pipeline::folders::{region_folders, repeated_codes, stray_warning};
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

/// The department folders to score and the region's other folders, or the exit code of a
/// region that cannot be scored.
fn departments(a: &RegionArgs) -> Result<(Vec<PathBuf>, Vec<PathBuf>), u8> {
    if a.actuals.is_some() {
        let region = a.region.display().to_string();
        eprintln_safe!(
            "{}",
            tf(
                "cli.region-actuals",
                &[("region", &region), ("file", FOLDER_ACTUALS)]
            )
        );
        return Err(exit::UNUSABLE);
    }
    region_folders(a.region).map_err(|e| {
        let region = a.region.display().to_string();
        eprintln_safe!(
            "{}",
            tf(
                "cli.region-unreadable",
                &[("region", &region), ("why", &crate::i18n::io_why(&e))]
            )
        );
        exit::UNUSABLE
    })
}

/// Refuses an output that an input of the region links to (`a/actuals.toml → out.json`):
/// committing it would overwrite that input. Returns the exit code when it is refused.
fn output_is_an_input(link: Option<PathBuf>, output: &Path) -> Option<u8> {
    let input = link?;
    let line = tf(
        "cli.region-symlink",
        &[
            ("path", &output.display().to_string()),
            ("input", &input.display().to_string()),
        ],
    );
    eprintln_safe!("{line}");
    Some(exit::UNUSABLE)
}

/// Scores the region into `path` through a temporary file, committed only when no input
/// of the region is a link to `path`. The links are looked for on a thread of their own
/// while the departments are scored: the walk lists every department's folders (80 ms
/// for 2,000 departments), and nothing is written to `path` before the commit anyway.
fn score_into_file(
    path: &Path,
    dirs: &[PathBuf],
    bom: &[u8],
    run: &RegionRun,
    messages: &mut dyn Write,
) -> Result<std::io::Result<RegionOutcome>, u8> {
    let mut file = match AtomicFile::create(path) {
        Ok(f) => f,
        Err(e) => {
            super::say_write_error(path, &e);
            return Err(exit::UNUSABLE);
        }
    };
    let (link, scored) = std::thread::scope(|s| {
        let links = s.spawn(|| crate::pipeline::folders::symlinked_input(path, dirs));
        let scored = file
            .write_all(bom)
            .and_then(|()| score_region(dirs, run, &mut file, messages));
        (links.join().ok().flatten(), scored)
    });
    if let Some(code) = output_is_an_input(link, path) {
        return Err(code);
    }
    Ok(scored.and_then(|o| file.commit().map(|()| o)))
}

pub fn run(a: &RegionArgs) -> u8 {
    let (dirs, strays) = match departments(a) {
        Ok(d) => d,
        Err(code) => return code,
    };
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
        Some(path) => match score_into_file(path, &dirs, bom, &run, &mut messages) {
            Ok(result) => result,
            Err(code) => return code,
        },
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
                Some(p) => {
                    let (path, why) = (p.display().to_string(), crate::i18n::io_why(&e));
                    eprintln_safe!(
                        "{}",
                        tf("cli.write-kept", &[("path", &path), ("why", &why)])
                    );
                }
                None => eprintln_safe!(
                    "{}",
                    tf("cli.write-output", &[("why", &crate::i18n::io_why(&e))])
                ),
            }
            exit::UNUSABLE
        }
    }
}

/// The region's closing lines on stderr, and its exit code.
fn closing(o: &RegionOutcome, strays: bool) -> u8 {
    let s = &o.summary;
    if !s.broken.is_empty() {
        let (n, total) = (s.broken.len(), s.broken.len() + s.scored);
        eprintln_safe!(
            "{}",
            tf(
                "cli.region-broken",
                &[("n", &n.to_string()), ("total", &total.to_string())]
            )
        );
    }
    if o.failed_rows > 0 {
        let n = o.failed_rows.to_string();
        eprintln_safe!("{}", tf("cli.region-failed-rows", &[("n", &n)]));
    }
    if o.unknown_actuals > 0 {
        let n = o.unknown_actuals.to_string();
        eprintln_safe!("{}", tf("cli.region-unknown-actuals", &[("n", &n)]));
    }
    let codes: Vec<&str> = s.departments.iter().map(|d| d.code.as_str()).collect();
    let repeated = repeated_codes(&codes);
    for (code, n) in &repeated {
        let n = n.to_string();
        eprintln_safe!(
            "{}",
            tf("cli.region-repeated-code", &[("code", code), ("n", &n)])
        );
    }
    if o.had_errors() || strays || !repeated.is_empty() {
        exit::FAILED
    } else {
        exit::OK
    }
}
