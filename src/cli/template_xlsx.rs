//! `jixiao template PATH --format xlsx -o FILE`: the actuals template as a workbook.
//! Hooked into the `template` command by its `--format` dispatch (see `run_xlsx`).

use super::exit;
use crate::report::template_xlsx;
use std::path::Path;

/// Writes the xlsx template of the department folder `path` to `out`. A workbook is
/// binary, so `out` is required: without it this refuses (exit 2).
pub fn run_xlsx(path: &Path, out: Option<&Path>) -> u8 {
    let Some(out) = out else {
        eprintln_safe!(
            "error: `--format xlsx` writes a workbook; name the file with `-o FILE.xlsx`"
        );
        return exit::UNUSABLE;
    };
    let (dept, status) = match super::department::load(path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let bytes = match template_xlsx(&dept) {
        Ok(b) => b,
        Err(e) => {
            eprintln_safe!("error: cannot build the workbook: {e}");
            return exit::UNUSABLE;
        }
    };
    if let Err(e) = crate::output::write_atomic(out, &bytes) {
        eprintln_safe!("error: cannot write `{}`: {e}", out.display());
        return exit::UNUSABLE;
    }
    eprintln_safe!(
        "wrote `{}`: {} sheets (部门整体指标 + {} projects); fill the white columns and run `jixiao score {} --actuals {}`",
        out.display(),
        dept.projects.len() + 1,
        dept.projects.len(),
        path.display(),
        out.display()
    );
    status
}
