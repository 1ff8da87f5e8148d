//! `jixiao template PATH --format xlsx -o FILE`: the actuals template as a workbook.
//! Hooked into the `template` command by its `--format` dispatch (see `run_xlsx`).

use super::exit;
use crate::i18n::{t, tf};
use crate::report::template_xlsx;
use std::path::Path;

/// Writes the xlsx template of the department folder `path` to `out`. A workbook is
/// binary, so `out` is required: without it this refuses (exit 2).
pub fn run_xlsx(path: &Path, out: Option<&Path>) -> u8 {
    let Some(out) = out else {
        eprintln_safe!("{}", t("cli.xlsx-needs-output"));
        return exit::UNUSABLE;
    };
    let (dept, status) = match super::department::load(path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let bytes = match template_xlsx(&dept) {
        Ok(b) => b,
        Err(e) => {
            eprintln_safe!("{}", tf("cli.workbook-build", &[("why", &e.to_string())]));
            return exit::UNUSABLE;
        }
    };
    if let Err(e) = crate::output::write_atomic(out, &bytes) {
        super::say_write_error(out, &e);
        return exit::UNUSABLE;
    }
    let line = tf(
        "cli.wrote-xlsx-template",
        &[
            ("path", &out.display().to_string()),
            ("sheets", &(dept.projects.len() + 1).to_string()),
            ("projects", &dept.projects.len().to_string()),
            ("folder", &path.display().to_string()),
        ],
    );
    eprintln_safe!("{line}");
    status
}
