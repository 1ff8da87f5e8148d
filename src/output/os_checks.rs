//! What the operating system can tell about a target before it is replaced: whether this
//! process may write it, and whether another program has it open for writing. The second
//! matters because a program that writes a file in steps keeps it open: a copy renamed over
//! it in a pause would be complete and unchanged by every other test, and the rest the
//! program writes afterwards would go to the replaced file, which no longer has a name.

use std::path::Path;

/// Whether this process may write the file itself (its owner, group and mode, as the kernel
/// decides them): the folder may allow a rename over a file its owner protected.
#[cfg(target_os = "linux")]
pub(super) fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn may_write(_: &Path) -> bool {
    true
}

/// Whether another process has `path` open for writing: Linux refuses a read lease
/// (`F_SETLEASE`, `F_RDLCK`) on such a file with `EAGAIN`. The lease is released at once.
/// Where the answer cannot be had (no lease support on the file system, a file this process
/// neither owns nor has `CAP_LEASE` for, another system) this says `false`.
#[cfg(target_os = "linux")]
pub(super) fn open_for_writing_elsewhere(path: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open for the whole block. Ignoring SIGIO first: a program opening the
    // file in the instant the lease is held makes the kernel signal this process, and the
    // default action of SIGIO would end it; nothing else here uses SIGIO.
    unsafe {
        libc::signal(libc::SIGIO, libc::SIG_IGN);
        if libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) == 0 {
            libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK);
            return false;
        }
    }
    std::io::Error::last_os_error().raw_os_error() == Some(libc::EAGAIN)
}

#[cfg(not(target_os = "linux"))]
pub(super) fn open_for_writing_elsewhere(_: &Path) -> bool {
    false
}
