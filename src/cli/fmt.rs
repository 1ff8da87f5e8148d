//! `jixiao fmt PATH [--check]`

use super::exit;
use crate::check::reformat::{apply, files_of, plan_file};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// A department folder (`department.toml` and `projects/*.toml`) or one scorecard file.
    path: PathBuf,
    /// Print what would change (file:line, old → new) and exit 1 if anything would;
    /// write nothing.
    #[arg(long)]
    check: bool,
}

pub fn run(a: FmtArgs) -> u8 {
    let files = files_of(&a.path);
    if files.is_empty() {
        eprintln_safe!(
            "error: no scorecard files in `{}`; give a folder with `department.toml` and `projects/`, or a .toml file",
            a.path.display()
        );
        return exit::UNUSABLE;
    }
    let mut failed = false;
    let mut changed = 0usize;
    let mut files_changed = 0usize;
    for f in &files {
        let plan = match plan_file(f) {
            Ok(p) => p,
            Err(e) => {
                eprintln_safe!("error: {e}");
                failed = true;
                continue;
            }
        };
        if plan.changes.is_empty() {
            continue;
        }
        if a.check {
            let mut text = String::new();
            for c in &plan.changes {
                text += &format!("{}:{}: {} → {}\n", c.file.display(), c.line, c.old, c.new);
            }
            if let Err(e) = super::write_stdout(text.as_bytes()) {
                return super::output_status(Err(e), exit::FAILED);
            }
        } else if let Err(e) = apply(&plan) {
            eprintln_safe!("error: {e}");
            failed = true;
            continue;
        }
        changed += plan.changes.len();
        files_changed += 1;
    }
    if a.check {
        if changed > 0 {
            eprintln_safe!(
                "{changed} targets in {files_changed} files are not in canonical form; `jixiao fmt {}` rewrites them",
                a.path.display()
            );
            return exit::FAILED;
        }
    } else if changed > 0 {
        eprintln_safe!("rewrote {changed} targets in {files_changed} files");
    }
    if failed {
        exit::FAILED
    } else {
        exit::OK
    }
}
