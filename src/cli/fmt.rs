//! `jixiao fmt PATH [--check]`
//!
//! Each file is replaced through [`crate::output::replace::replace`], which compares the file
//! with what was read once the new copy is synced, just before the rename: a file another
//! program wrote meanwhile is left as that program left it (exit 2), as is a read-only or
//! hard-linked file; a failed write (a full disk) exits 2 too.

use super::exit;
use crate::check::reformat::{files_of, plan_file, FilePlan, FmtError};
use crate::output::replace::{replace, Expected};
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
    let mut status = exit::OK;
    let mut changed = 0usize;
    let mut files_changed = 0usize;
    for f in &files {
        let plan = match plan_file(f) {
            Ok(p) => p,
            Err(e) => {
                eprintln_safe!("error: {e}");
                status = status.max(exit::FAILED);
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
        } else if let Err(e) = write_plan(&plan, &mut test_hook) {
            eprintln_safe!("error: {e}");
            status = status.max(exit::UNUSABLE);
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
    status
}

/// Replaces the file with the plan's new text unless it no longer holds the text the plan
/// was made from. `before_rename` runs between the sync and that last check.
pub fn write_plan(plan: &FilePlan, before_rename: &mut dyn FnMut()) -> Result<(), FmtError> {
    let expected = Expected {
        content: plan.original.as_bytes(),
        modified: plan.modified,
    };
    replace(
        &plan.path,
        plan.new_text.as_bytes(),
        Some(expected),
        before_rename,
    )
    .map_err(|e| match crate::output::replace::refusal(&e) {
        Some(crate::output::Refusal::Changed) => FmtError::Changed(plan.path.clone()),
        _ => FmtError::Write(plan.path.clone(), e),
    })
}

/// Tests only: with `JIXIAO_TEST_BEFORE_RENAME=FIFO`, each rewrite waits before its last
/// check until a writer opens and closes that FIFO — so a test can change the file at
/// exactly that moment, without timing.
fn test_hook() {
    if let Some(fifo) = std::env::var_os("JIXIAO_TEST_BEFORE_RENAME") {
        if let Ok(mut f) = std::fs::File::open(fifo) {
            let _ = std::io::copy(&mut f, &mut std::io::sink());
        }
    }
}
