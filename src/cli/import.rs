//! `jixiao import SOURCE -o DIR [--fiscal-year Y] [--dry-run] [--force]`: a published
//! 绩效目标表 (the text export format, or `.docx`) → a scorecard folder.
//!
//! Writing is one step (see [`crate::output::folder`]): the complete new folder is built
//! beside DIR, must load, and is swapped into place, so DIR is always the complete old or
//! the complete new folder. Files import does not own (`actuals.toml`, spending sheets,
//! notes) are carried over. Hand edits are never overwritten silently: if DIR holds a
//! `department.toml` or project file that differs from what import would write, or a
//! project file import would not write, nothing is written and each is listed (exit 2)
//! unless `--force`. Importing an unchanged source again writes nothing (exit 0).

use super::exit;
use crate::i18n::{t, tf};
use crate::output::folder::{FolderError, FolderPlan};
use crate::scorecard::import::{import_file, Imported, NoteLevel};
use crate::scorecard::model::Department;
use crate::scorecard::write::{check_loads, plan_folder};
use clap::Args;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ImportArgs {
    source: PathBuf,
    #[arg(short = 'o', long = "out")]
    out: PathBuf,
    #[arg(long)]
    fiscal_year: Option<i32>,
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    force: bool,
}

pub fn run(a: ImportArgs) -> u8 {
    if let Some(code) = refuse_source_as_output(&a) {
        return code;
    }
    let imported = match import_file(&a.source, a.fiscal_year) {
        Ok(i) => i,
        Err(e) => {
            super::say_error(&e);
            return exit::UNUSABLE;
        }
    };
    report_notes(&a, &imported);
    if !a.force && is_foreign_folder(&a.out) {
        let path = a.out.display().to_string();
        eprintln_safe!(
            "{}",
            crate::i18n::tf("cli.import-foreign-folder", &[("path", &path)])
        );
        return exit::UNUSABLE;
    }
    let d = &imported.department;
    let plan = match plan_folder(d, &a.out) {
        Ok(p) => p,
        Err(e) => {
            let (path, why) = (a.out.display().to_string(), e.to_string());
            eprintln_safe!(
                "{}",
                crate::i18n::tf("cli.write", &[("path", &path), ("why", &why)])
            );
            return exit::UNUSABLE;
        }
    };
    let notes_code = if imported.has_problems() {
        exit::FAILED
    } else {
        exit::OK
    };
    if a.dry_run {
        return dry_run(&a, &plan, d, notes_code);
    }
    if plan.is_noop() {
        plan.remove_leftovers();
        eprintln_safe!(
            "`{}` 已与这次导入完全一致，未写入任何内容（{}）",
            a.out.display(),
            summary(d)
        );
        return notes_code;
    }
    if !a.force && refuse_overwrites(&a.out, &plan) {
        return exit::UNUSABLE;
    }
    write(&a, &plan, d).max(notes_code)
}

/// `-o` naming a folder whose department or project file is the source itself.
fn refuse_source_as_output(a: &ImportArgs) -> Option<u8> {
    // The files this import writes: `department.toml` and `projects/*.toml` in the folder.
    let written_by_import = crate::pipeline::inputs::department_inputs(&a.out)
        .into_iter()
        .filter(|p| !p.ends_with(crate::pipeline::FOLDER_ACTUALS));
    for f in written_by_import {
        if crate::output::is_same_file(&f, &a.source) {
            let line = crate::i18n::tf(
                "cli.import-overwrite-source",
                &[
                    ("out", &a.out.display().to_string()),
                    ("source", &a.source.display().to_string()),
                    ("same", &f.display().to_string()),
                ],
            );
            eprintln_safe!("{line}");
            return Some(exit::UNUSABLE);
        }
    }
    None
}

fn report_notes(a: &ImportArgs, imported: &Imported) {
    let name = a.source.display().to_string();
    let year = crate::i18n::tf(
        "cli.import-year",
        &[
            ("year", &imported.fiscal_year.year.to_string()),
            ("how", &imported.fiscal_year.how),
        ],
    );
    eprintln_safe!("{year}");
    for n in &imported.notes {
        eprint_safe!("{}", n.render(&name));
    }
    let problems = imported
        .notes
        .iter()
        .filter(|n| n.level == NoteLevel::Problem)
        .count();
    if problems > 0 {
        let n = problems.to_string();
        eprintln_safe!("{}", crate::i18n::tf("cli.import-problems", &[("n", &n)]));
    }
}

/// A folder with files but no `department.toml` (`-o ~` by mistake): swapping it for a new
/// folder would keep its files but move the whole tree, which nobody asked for.
fn is_foreign_folder(out: &Path) -> bool {
    out.is_dir()
        && !out.join(crate::scorecard::load::DEPARTMENT_FILE).exists()
        && std::fs::read_dir(out).is_ok_and(|mut rd| rd.next().is_some())
}

/// Lists the files writing would overwrite or remove; `true` if there are any.
fn refuse_overwrites(out: &Path, plan: &FolderPlan) -> bool {
    let lost: Vec<_> = plan.overwrites().collect();
    if lost.is_empty() {
        return false;
    }
    let line = crate::i18n::tf(
        "cli.import-would-overwrite",
        &[
            ("path", &out.display().to_string()),
            ("n", &lost.len().to_string()),
        ],
    );
    eprintln_safe!("{line}");
    for f in lost {
        eprintln_safe!("  {}  {}", f.state.label(), out.join(&f.rel).display());
    }
    eprintln_safe!("{}", crate::i18n::t("cli.import-would-overwrite-help"));
    true
}

fn write(a: &ImportArgs, plan: &FolderPlan, d: &Department) -> u8 {
    let mut forced_errors = None;
    let result = plan.commit(&mut |tmp| match check_loads(tmp, &a.out) {
        Err(e) if a.force => {
            forced_errors = Some(e.to_string());
            Ok(())
        }
        other => other.map_err(|e| e.to_string()),
    });
    match result {
        Ok(()) => {
            let line = crate::i18n::tf(
                "cli.import-wrote",
                &[
                    ("path", &a.out.display().to_string()),
                    ("summary", &summary(d)),
                ],
            );
            eprintln_safe!("{line}");
            match forced_errors {
                Some(msg) => {
                    eprint_safe!("{msg}");
                    eprintln_safe!("{}", crate::i18n::t("cli.import-forced-invalid"));
                    exit::FAILED
                }
                None => exit::OK,
            }
        }
        Err(FolderError::Invalid(msg)) => {
            eprint_safe!("{msg}");
            let path = a.out.display().to_string();
            eprintln_safe!(
                "{}",
                crate::i18n::tf("cli.import-invalid", &[("path", &path)])
            );
            exit::FAILED
        }
        Err(e) => {
            let line = crate::i18n::tf(
                "cli.import-write-kept",
                &[
                    ("path", &a.out.display().to_string()),
                    ("why", &e.to_string()),
                ],
            );
            eprintln_safe!("{line}");
            exit::UNUSABLE
        }
    }
}

/// `--dry-run`: each file and what writing would do to it, whether the new files load, and
/// the exit code a real run would give.
fn dry_run(a: &ImportArgs, plan: &FolderPlan, d: &Department, notes_code: u8) -> u8 {
    let mut text = String::new();
    for f in &plan.files {
        text += &format!("{}  {}\n", f.state.label(), a.out.join(&f.rel).display());
    }
    if let Err(e) = super::write_stdout(text.as_bytes()) {
        return super::output_status(Err(e), exit::UNUSABLE);
    }
    let loads = check_in_memory(d, &a.out);
    if let Err(msg) = &loads {
        eprint_safe!("{msg}");
    }
    let refused = !a.force && plan.overwrites().next().is_some();
    let verdict = if plan.is_noop() {
        t("cli.dry-run-noop").to_string()
    } else if refused {
        t("cli.dry-run-refused-overwrite").to_string()
    } else if loads.is_err() && !a.force {
        t("cli.dry-run-refused-load").to_string()
    } else {
        tf(
            "cli.dry-run-would-write",
            &[("path", &a.out.display().to_string())],
        )
    };
    let loadable = t(if loads.is_ok() {
        "cli.dry-run-loads"
    } else {
        "cli.dry-run-does-not-load"
    });
    eprintln_safe!(
        "{}",
        tf(
            "cli.dry-run",
            &[
                ("verdict", &verdict),
                ("loads", loadable),
                ("summary", &summary(d))
            ]
        )
    );
    if refused {
        exit::UNUSABLE
    } else if loads.is_err() {
        exit::FAILED
    } else {
        notes_code
    }
}

/// The new files parsed from memory, under the paths they would have: each file's errors.
fn check_in_memory(d: &Department, out: &Path) -> Result<(), String> {
    use crate::scorecard::load::{
        load_department_file_str, load_project_str, render_file_diagnostics, DEPARTMENT_FILE,
    };
    let mut diags = Vec::new();
    for (rel, text) in crate::scorecard::write::folder_files(d) {
        let path = out.join(&rel);
        let result = if rel == Path::new(DEPARTMENT_FILE) {
            load_department_file_str(&path, &text).map(|_| ())
        } else {
            load_project_str(&path, &text).map(|_| ())
        };
        if let Err(e) = result {
            diags.extend(e);
        }
    }
    if diags.is_empty() {
        Ok(())
    } else {
        Err(render_file_diagnostics(&diags))
    }
}

/// `department file (N department indicators), N project files, N indicator rows, budgets N 万元`.
fn summary(d: &Department) -> String {
    let rows: usize = d.projects.iter().map(|p| p.indicators.len()).sum();
    let total: Decimal = d.projects.iter().map(|p| p.budget).sum();
    crate::i18n::tf(
        "cli.import-summary",
        &[
            ("indicators", &d.indicators.len().to_string()),
            ("projects", &d.projects.len().to_string()),
            ("rows", &rows.to_string()),
            ("budget", &total.to_string()),
        ],
    )
}
