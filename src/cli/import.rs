//! `jixiao import SOURCE -o DIR [--fiscal-year Y]`: a published 绩效目标表 (the text export
//! format, or `.docx`) → a scorecard folder.

use super::exit;
use crate::scorecard::import::{import_file, NoteLevel};
use crate::scorecard::load::{load_department, render_file_diagnostics, PROJECTS_DIR};
use crate::scorecard::write::write_folder;
use clap::Args;
use rust_decimal::Decimal;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The published document: the text export (`.txt`) or a Word file (`.docx`).
    source: PathBuf,
    /// The scorecard folder to write (`scorecards/<department>`).
    #[arg(short = 'o', long = "out")]
    out: PathBuf,
    /// The budget year; by default inferred from the years in titles and deadlines.
    #[arg(long)]
    fiscal_year: Option<i32>,
}

pub fn run(a: ImportArgs) -> u8 {
    let name = a.source.display().to_string();
    // The files this import writes: `department.toml` and `projects/*.toml` in the folder.
    let written_by_import = crate::output::department_inputs(&a.out)
        .into_iter()
        .filter(|p| !p.ends_with(crate::region::FOLDER_ACTUALS));
    for f in written_by_import {
        if crate::output::is_same_file(&f, &a.source) {
            eprintln_safe!(
                "error: `-o {}` would overwrite the source `{}` (it is `{}`); inputs are never rewritten — import into another folder",
                a.out.display(),
                a.source.display(),
                f.display()
            );
            return exit::UNUSABLE;
        }
    }
    let imported = match import_file(&a.source, a.fiscal_year) {
        Ok(i) => i,
        Err(e) => {
            eprintln_safe!("error: {e}");
            return exit::UNUSABLE;
        }
    };
    eprintln_safe!(
        "fiscal year {} ({})",
        imported.fiscal_year.year,
        imported.fiscal_year.how
    );
    for n in &imported.notes {
        eprint_safe!("{}", n.render(&name));
    }
    let d = &imported.department;
    let written = match write_folder(d, &a.out) {
        Ok(w) => w,
        Err(e) => {
            eprintln_safe!("error: cannot write `{}`: {e}", a.out.display());
            return exit::UNUSABLE;
        }
    };
    let mut failed = imported.has_problems();
    // Project files from an earlier import that this one did not write.
    if let Ok(rd) = std::fs::read_dir(a.out.join(PROJECTS_DIR)) {
        let mut stale: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && !written.contains(p))
            .collect();
        stale.sort();
        for p in stale {
            failed = true;
            eprintln_safe!(
                "warning: `{}` was not written by this import but will be loaded with the folder; remove it if it is stale",
                p.display()
            );
        }
    }
    let rows: usize = d.projects.iter().map(|p| p.indicators.len()).sum();
    let total: Decimal = d.projects.iter().map(|p| p.budget).sum();
    eprintln_safe!(
        "wrote {}: department file ({} department indicators), {} project files, {} indicator rows, budgets {} 万元",
        a.out.display(),
        d.indicators.len(),
        d.projects.len(),
        rows,
        total
    );
    // What was written must load.
    if let Err(diags) = load_department(&a.out) {
        eprint_safe!("{}", render_file_diagnostics(&diags));
        failed = true;
    }
    let problems = imported
        .notes
        .iter()
        .filter(|n| n.level == NoteLevel::Problem)
        .count();
    if problems > 0 {
        eprintln_safe!(
            "{problems} part(s) of the source could not be placed; see the warnings above"
        );
    }
    if failed {
        exit::FAILED
    } else {
        exit::OK
    }
}
