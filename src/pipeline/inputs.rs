//! The files a department folder or a region is read from, for refusing an `-o` that
//! would overwrite one of them. They live beside the pipeline because it is the pipeline
//! that decides which files are read (`department.toml`, `projects/*.toml`, `actuals.toml`).

use super::FOLDER_ACTUALS;
use crate::scorecard::load::{project_files, DEPARTMENT_FILE, PROJECTS_DIR};
use std::path::{Path, PathBuf};

/// The files of a department folder a command reads, or that `jixiao score` reads by
/// default: `department.toml`, every `projects/*.toml`, and `actuals.toml`. Files that do
/// not exist are left out.
pub fn department_inputs(folder: &Path) -> Vec<PathBuf> {
    let mut files = vec![folder.join(DEPARTMENT_FILE), folder.join(FOLDER_ACTUALS)];
    files.retain(|p| p.exists());
    files.extend(project_files(folder).unwrap_or_default());
    files
}

/// [`crate::output::refuse_input_as_output`] for a region of `departments` (plus `extra` inputs such as
/// `--policy`), without a `stat` of each of its tens of thousands of files: an output that
/// is a department's file must, once links are followed, carry that file's name —
/// `department.toml`, `actuals.toml`, or the name of a file in `projects/` — so only
/// those paths are compared. A file with other names (hard links) is compared against
/// every input. Not caught: an input that is itself a symbolic link to the output under
/// another name.
pub fn refuse_region_output(
    output: &Path,
    departments: &[PathBuf],
    extra: &[PathBuf],
) -> Result<(), String> {
    let Ok(meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    if !meta.is_file() {
        return Ok(());
    }
    let mut inputs = extra.to_vec();
    let name = std::fs::canonicalize(output)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_os_string()));
    match name {
        Some(name) if links(&meta) <= 1 => {
            for d in departments {
                if name == DEPARTMENT_FILE || name == FOLDER_ACTUALS {
                    inputs.push(d.join(&name));
                } else if is_project_file_name(&name) {
                    inputs.push(d.join(PROJECTS_DIR).join(&name));
                }
            }
        }
        _ => departments
            .iter()
            .for_each(|d| inputs.extend(department_inputs(d))),
    }
    crate::output::refuse_input_as_output(output, &inputs)
}

/// Whether a file of this name in `projects/` is read as a project (`project_files`): a
/// `.toml` file that is not hidden. A report named `out.json` is none, so a region's
/// departments need not be looked at for it.
fn is_project_file_name(name: &std::ffi::OsStr) -> bool {
    let p = Path::new(name);
    p.extension().is_some_and(|x| x == "toml") && !name.to_string_lossy().starts_with('.')
}

#[cfg(unix)]
fn links(m: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.nlink()
}

/// Without link counts every file may have other names.
#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    u64::MAX
}
