//! Read-ahead for regions on a cold disk.
//!
//! When a region was copied in yesterday its 20,000 files are on disk, not in memory, and
//! two workers reading one file at a time wait on the disk most of the time (1,000
//! departments: 1.85 s cold against 0.77 s warm). One extra thread walks the department
//! folders a little ahead of the workers and asks the kernel to start reading each file
//! (`posix_fadvise(WILLNEED)`): the reads are queued together, and by the time a worker opens
//! a file it is in the page cache. Nothing is read into this process, so memory does not
//! change, and on a warm cache the walk costs a few milliseconds. Linux only: elsewhere the
//! workers simply read as before.

use std::path::{Path, PathBuf};

/// Walks the department folders in order, each once `may_go(i)` allows it (it blocks while
/// the walk is too far ahead of the workers, and says `false` when the run stops).
pub(crate) fn walk(dirs: &[PathBuf], may_go: impl Fn(usize) -> bool) {
    for (i, dir) in dirs.iter().enumerate() {
        if !may_go(i) {
            return;
        }
        department(dir);
    }
}

/// Asks the kernel to start reading every file of a department folder (the folder itself and
/// one level of subfolders, which is where a department keeps its files), unless its
/// `department.toml` is already in memory: a folder is copied, generated or read as a whole,
/// so one file tells whether the walk is needed, and a warm run then costs one open per
/// department instead of one per file. Errors are ignored: the workers report them when
/// they read the files.
#[cfg(target_os = "linux")]
pub(super) fn department(dir: &Path) {
    if in_memory(&dir.join(crate::scorecard::load::DEPARTMENT_FILE)) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        match entry.file_type() {
            Ok(t) if t.is_file() => advise(&entry.path()),
            Ok(t) if t.is_dir() => {
                if let Ok(sub) = std::fs::read_dir(entry.path()) {
                    sub.flatten()
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                        .for_each(|e| advise(&e.path()));
                }
            }
            _ => {}
        }
    }
}

#[cfg(target_os = "linux")]
fn advise(path: &Path) {
    use std::os::fd::AsRawFd;
    // Never a FIFO: opening one would wait for a writer and hold the run.
    if let Ok(file) = crate::limits::open_regular(path) {
        // SAFETY: the descriptor is open for the duration of the call; the advice only
        // schedules reads of the file's pages and changes nothing else.
        unsafe {
            libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED);
        }
    }
}

/// Whether the first page of a file is in the page cache: a one-byte read that the kernel
/// refuses (`RWF_NOWAIT`) instead of going to the disk. `false` when the kernel cannot say.
#[cfg(target_os = "linux")]
fn in_memory(path: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(file) = crate::limits::open_regular(path) else {
        return false;
    };
    let mut byte = [0u8; 1];
    let iov = libc::iovec {
        iov_base: byte.as_mut_ptr().cast(),
        iov_len: byte.len(),
    };
    // SAFETY: `iov` points at `byte`, which outlives the call; the descriptor is open.
    let n = unsafe { libc::preadv2(file.as_raw_fd(), &iov, 1, 0, libc::RWF_NOWAIT) };
    n >= 0
}

/// Elsewhere there is nothing to do (the workers read the files themselves).
#[cfg(not(target_os = "linux"))]
pub(super) fn department(_dir: &Path) {}

/// Whether a read-ahead thread is worth starting on this platform.
pub(crate) const AVAILABLE: bool = cfg!(target_os = "linux");
