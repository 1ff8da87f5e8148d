//! Which subfolders of a region are departments, which are not (and are said to be), and
//! whether an `-o` file is one of the region's inputs reached through a symbolic link.

use crate::scorecard::load::{DEPARTMENT_FILE, PROJECTS_DIR};
use std::path::{Path, PathBuf};

/// A region is a folder without `department.toml` whose subfolders (at least one) have one.
pub fn is_region(path: &Path) -> bool {
    if !path.is_dir() || path.join(DEPARTMENT_FILE).exists() {
        return false;
    }
    match std::fs::read_dir(path) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .any(|e| e.path().join(DEPARTMENT_FILE).is_file()),
        Err(_) => false,
    }
}

/// Whether `dir` holds a `department.toml` entry of any kind. A FIFO or a dangling link
/// there makes the folder a department whose loading fails with a message, rather than
/// a folder silently left out.
fn has_department_entry(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(DEPARTMENT_FILE)).is_ok()
}

/// The department folders of a region, in file-name order: every subfolder holding a
/// `department.toml`. Other entries are reported by [`stray_folders`].
pub fn department_folders(region: &Path) -> std::io::Result<Vec<PathBuf>> {
    region_folders(region).map(|(departments, _)| departments)
}

/// Subfolders of a region without `department.toml`, in file-name order: a department
/// whose file was forgotten or misnamed would otherwise be missing from the summary
/// without a word. Hidden folders (`.git`) are not departments and not listed.
pub fn stray_folders(region: &Path) -> Vec<PathBuf> {
    region_folders(region)
        .map(|(_, strays)| strays)
        .unwrap_or_default()
}

/// [`department_folders`] and [`stray_folders`] from one listing of the region. A folder
/// is known by the listing's file type; only a symbolic link is followed to see whether
/// it leads to one (the region's folders were stat-ed one by one before: 2,000
/// departments, two system calls each, before any was scored).
pub fn region_folders(region: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let (mut departments, mut strays) = (Vec::new(), Vec::new());
    for entry in std::fs::read_dir(region)?.filter_map(Result::ok) {
        // Hidden folders are never departments: `.dept.PID.tmp` is what a killed
        // `import -o` leaves behind.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => path.is_dir(),
        };
        if !is_dir {
            continue;
        }
        if has_department_entry(&path) {
            departments.push(path);
        } else {
            strays.push(path);
        }
    }
    departments.sort();
    strays.sort();
    Ok((departments, strays))
}

/// The warning for a folder [`stray_folders`] found.
pub fn stray_warning(dir: &Path) -> String {
    crate::i18n::tf(
        "cli.stray",
        &[
            ("dir", &dir.display().to_string()),
            ("file", DEPARTMENT_FILE),
        ],
    )
}

/// The input of a department in `dirs` that is a symbolic link to `output`, if any: such
/// a link has its own name (`a/actuals.toml → report.html`), so looking for inputs named
/// like the output does not find it, and writing the output would overwrite it.
pub fn symlinked_input(output: &Path, dirs: &[PathBuf]) -> Option<PathBuf> {
    // Only an existing regular file can be an input.
    if !std::fs::metadata(output).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    dirs.iter().find_map(|d| {
        let fixed = [d.join(DEPARTMENT_FILE), d.join(super::FOLDER_ACTUALS)];
        let projects = std::fs::read_dir(d.join(PROJECTS_DIR))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_symlink()))
            .map(|e| e.path());
        fixed
            .into_iter()
            .filter(|p| is_link(p))
            .chain(projects)
            .find(|p| crate::output::is_same_file(p, output))
    })
}

/// Department codes that more than one scored department carries, with how many: their
/// lines in the summary cannot be told apart, and anything keyed by code mixes them up.
pub fn repeated_codes(codes: &[&str]) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for c in codes {
        *counts.entry(c).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(c, n)| (c.to_string(), n))
        .collect()
}
