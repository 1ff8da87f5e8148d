//! Names of temporary files and folders beside a target, and removing those killed runs
//! left behind.
//!
//! A temporary entry is `.NAME.PID.tmp` (a folder being replaced also `.NAME.PID.old`), so
//! a person who finds one knows what it was for. A file name may have up to 255 bytes; a
//! long NAME is cut to its first 100 bytes plus `~` and a hash of the whole name, so the
//! temporary name never exceeds that limit. A run killed outright (SIGKILL, a power cut)
//! cannot remove its entries; the next write of the same target removes those whose process
//! no longer exists (checked through `/proc`; where there is no `/proc`, nothing is removed).

use std::path::{Path, PathBuf};

/// Names longer than this are shortened in temporary names (NAME_MAX is 255 bytes; the
/// prefix dot, `.PID` and `.tmp` take at most 16).
const LONGEST_KEPT: usize = 200;

/// `.NAME.PID.tmp` beside `path`, for this process.
pub fn temp_path(path: &Path) -> PathBuf {
    with_suffix(path, "tmp")
}

/// `.NAME.PID.SUFFIX` beside `path`, for this process.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let (dir, stem) = dir_and_stem(path);
    dir.join(format!(".{stem}.{}.{suffix}", std::process::id()))
}

fn dir_and_stem(path: &Path) -> (PathBuf, String) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    (dir, short_stem(&name))
}

/// `name`, or for a long one its first 100 bytes (whole characters), `~` and a hash.
fn short_stem(name: &str) -> String {
    if name.len() <= LONGEST_KEPT {
        return name.to_string();
    }
    let mut cut = 100;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = name.get(..cut).unwrap_or_default();
    format!("{head}~{:016x}", fnv1a(name.as_bytes()))
}

/// FNV-1a: stable across runs and platforms, which the names of leftovers need.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A leftover entry of `path` with this suffix: its path and the process that made it.
pub(crate) fn leftovers(path: &Path, suffix: &str) -> Vec<(PathBuf, u32)> {
    let (dir, stem) = dir_and_stem(path);
    let prefix = format!(".{stem}.");
    let end = format!(".{suffix}");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry
                .file_name()
                .to_str()?
                .strip_prefix(&prefix)?
                .strip_suffix(&end)?
                .parse::<u32>()
                .ok()?;
            Some((entry.path(), pid))
        })
        .collect()
}

/// Whether the process that made a leftover is gone; `false` where that cannot be known.
pub(crate) fn process_gone(pid: u32) -> bool {
    Path::new("/proc/self").exists()
        && pid != std::process::id()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes the temporary files (and folders) earlier, killed runs left for `path`; returns
/// how many.
pub fn remove_stale_temps(path: &Path) -> usize {
    leftovers(path, "tmp")
        .into_iter()
        .filter(|(p, pid)| process_gone(*pid) && remove_any(p))
        .count()
}

/// Removes a file, link or whole folder (a link is removed, not followed).
pub(crate) fn remove_any(p: &Path) -> bool {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(p).is_ok(),
        Ok(_) => std::fs::remove_file(p).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_fit_name_max() {
        let name = "项".repeat(83) + ".toml"; // 254 bytes
        let tmp = temp_path(&Path::new("/x").join(&name));
        let tmp_name = tmp.file_name().map(|n| n.len()).unwrap_or(usize::MAX);
        assert!(tmp_name <= 255, "{tmp_name}");
        assert_eq!(temp_path(&Path::new("/x").join(&name)), tmp, "stable");
        let short = temp_path(Path::new("/x/out.json"));
        assert_eq!(
            short,
            PathBuf::from(format!("/x/.out.json.{}.tmp", std::process::id()))
        );
    }
}
