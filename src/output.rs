//! Writing output files without ever leaving a half-written one: write a temporary file
//! beside the target, flush it to disk, then rename it over the target. An interrupted
//! run leaves the previous file intact.
//!
//! A run killed outright (SIGKILL, a power cut) cannot remove its temporary file; the next
//! write of the same target removes such leftovers — `.NAME.PID.tmp` files whose process
//! no longer exists (checked through `/proc`; where there is no `/proc`, nothing is removed).

use std::io::Write;
use std::path::{Path, PathBuf};

/// `.NAME.PID.tmp` beside `path`, for this process.
pub fn temp_path(path: &Path) -> PathBuf {
    let (dir, name) = dir_and_name(path);
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

fn dir_and_name(path: &Path) -> (PathBuf, String) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    (dir, name)
}

/// Removes the temporary files earlier, killed runs left for `path`; returns how many.
pub fn remove_stale_temps(path: &Path) -> usize {
    if !Path::new("/proc/self").exists() {
        return 0;
    }
    let (dir, name) = dir_and_name(path);
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    remove_stale_temps(path);
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
