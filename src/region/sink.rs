//! A streaming counterpart of [`crate::output::write_atomic`] for outputs too large to
//! hold in memory: bytes go to a temporary file beside the target (same naming as
//! `write_atomic`), which is flushed, synced and renamed over the target by
//! [`AtomicFile::commit`]. Dropped without a commit (an error, a panic), the temporary file
//! is removed and the previous output is left intact; one left by a killed run is removed
//! by the next write of the same target. A symbolic link is followed and a device or FIFO
//! written directly, as by `write_atomic`.

use crate::output::{Begun, Replacement};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

pub struct AtomicFile {
    /// The temporary file renamed over the target on commit; `None` when the output is not
    /// a regular file (a device, a FIFO), which is written directly.
    replacement: Option<Replacement>,
    file: Option<BufWriter<EarlyWriteback>>,
}

/// A file whose written bytes the kernel is asked to start putting on disk every
/// [`WRITEBACK_EVERY`] bytes (`sync_file_range`, which does not wait), so that the
/// `fsync` of the commit waits for the last stretch only: for a 150 MB region report it
/// waited 63 ms for all of it, with every department already scored.
struct EarlyWriteback {
    file: File,
    written: u64,
    started: u64,
}

/// How many bytes are written between two requests to start writing back.
const WRITEBACK_EVERY: u64 = 8 << 20;

impl EarlyWriteback {
    fn new(file: File) -> EarlyWriteback {
        EarlyWriteback {
            file,
            written: 0,
            started: 0,
        }
    }

    #[cfg(target_os = "linux")]
    fn start_writeback(&mut self) {
        use std::os::fd::AsRawFd;
        let (from, len) = (self.started, self.written - self.started);
        // SAFETY: the descriptor is open; the call only schedules writes of the file's
        // dirty pages in the range. Its failure (a file system without it) is harmless:
        // the commit's fsync writes everything anyway.
        unsafe {
            libc::sync_file_range(
                self.file.as_raw_fd(),
                from as libc::off64_t,
                len as libc::off64_t,
                libc::SYNC_FILE_RANGE_WRITE,
            );
        }
        self.started = self.written;
    }

    #[cfg(not(target_os = "linux"))]
    fn start_writeback(&mut self) {
        self.started = self.written;
    }
}

impl Write for EarlyWriteback {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_EVERY {
            self.start_writeback();
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl AtomicFile {
    /// Like [`crate::output::write_atomic`]: a symbolic link is followed (its target is
    /// replaced, the link stays); a device or FIFO is opened and written directly; a
    /// read-only or hard-linked target is refused.
    pub fn create(path: &Path) -> std::io::Result<AtomicFile> {
        let (replacement, file) = match Replacement::begin(path)? {
            Begun::Direct(file) => (None, file),
            Begun::Replace(r, file) => (Some(*r), file),
        };
        Ok(AtomicFile {
            replacement,
            file: Some(BufWriter::with_capacity(1 << 20, EarlyWriteback::new(file))),
        })
    }

    /// Flushes, syncs and renames the temporary file over the target, unless another
    /// program changed the target meanwhile (a device or FIFO: flushes).
    pub fn commit(mut self) -> std::io::Result<()> {
        let w = self
            .file
            .take()
            .ok_or_else(|| std::io::Error::other("output already committed"))?;
        let f = match w.into_inner().map_err(|e| e.into_error()) {
            Ok(f) => f.file,
            Err(e) => {
                self.remove_tmp();
                return Err(e);
            }
        };
        match self.replacement.take() {
            Some(r) => r.finish(f, None, &mut || ()),
            None => Ok(()),
        }
    }

    fn remove_tmp(&self) {
        if let Some(r) = &self.replacement {
            r.abandon();
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("output already committed")),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(buf),
            None => Err(std::io::Error::other("output already committed")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            self.remove_tmp();
        }
    }
}
