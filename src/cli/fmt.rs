//! `jixiao fmt PATH [--check] [--canonical]`
//!
//! By default only wording-preserving tidying (see [`Mode::Wording`]): a 自评表's 年度指标值
//! must read as the published 绩效目标表 did. `--canonical` opts into the canonical forms.
//!
//! Each file is replaced through [`crate::output::replace::replace`], which compares the file
//! with what was read once the new copy is synced, just before the rename: a file another
//! program wrote meanwhile is left as that program left it (exit 2), as is a read-only or
//! hard-linked file; a failed write (a full disk) exits 2 too.

use super::exit;
use crate::check::reformat::{files_of, plan_file, FilePlan, FmtError, Mode};
use crate::output::replace::{replace, Expected};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct FmtArgs {
    path: PathBuf,
    #[arg(long)]
    check: bool,
    #[arg(long)]
    canonical: bool,
}

pub fn run(a: FmtArgs) -> u8 {
    let files = files_of(&a.path);
    if files.is_empty() {
        let path = a.path.display().to_string();
        eprintln_safe!(
            "{}",
            crate::i18n::tf("cli.fmt-no-files", &[("path", &path)])
        );
        return exit::UNUSABLE;
    }
    let mode = if a.canonical {
        Mode::Canonical
    } else {
        Mode::Wording
    };
    let mut status = exit::OK;
    let mut changed = 0usize;
    let mut files_changed = 0usize;
    for f in &files {
        let plan = match plan_file(f, mode) {
            Ok(p) => p,
            Err(e) => {
                super::say_error(&e);
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
            super::say_error(&e);
            status = status.max(exit::UNUSABLE);
            continue;
        }
        changed += plan.changes.len();
        files_changed += 1;
    }
    if changed > 0 {
        summarize(&a, mode, changed, files_changed);
        if a.check {
            return exit::FAILED;
        }
    }
    status
}

/// The closing line on stderr: what was (or would be) rewritten, and with `--check` the
/// command that does it.
fn summarize(a: &FmtArgs, mode: Mode, changed: usize, files: usize) {
    let path = a.path.display();
    match (a.check, mode) {
        (true, Mode::Wording) => eprintln_safe!(
            "{files} 个文件中有 {changed} 个目标值带首尾空格或全角数字；`jixiao fmt {path}` 整理它们（措辞不变）"
        ),
        (true, Mode::Canonical) => eprintln_safe!(
            "{files} 个文件中有 {changed} 个目标值不是规范写法；`jixiao fmt --canonical {path}` 改写它们（措辞会变，与公开的绩效目标表不再一字不差）"
        ),
        (false, Mode::Wording) => {
            eprintln_safe!("已整理 {files} 个文件中的 {changed} 个目标值（措辞不变）")
        }
        (false, Mode::Canonical) => {
            eprintln_safe!("已把 {files} 个文件中的 {changed} 个目标值改写为规范写法")
        }
    }
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
