//! Replacing a regular file so that nothing is lost: the new bytes go to a temporary file
//! beside the target, which is synced, given the target's permission mode (and owner, where
//! the process may set it) and renamed over the target only if the target is still what it
//! was when the command looked at it and no other program has it open for writing. A run
//! that fails or is interrupted leaves the previous file intact; a run killed outright
//! leaves a temporary file that the next write of the same target removes.
//!
//! Refused before anything is written: a read-only target (no write bit at all, or one this
//! process may not write) — renaming over it would bypass the protection its owner chose —
//! and a target with other hard links — a rename would leave the other names with the old
//! content, and writing in place would not survive a crash, so neither is done.

use super::{destination, Destination};
use std::fs::{File, Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Why a replacement was refused or abandoned; shown after ``cannot write `PATH`: ``.
#[derive(Debug)]
pub enum Refusal {
    /// Another program changed, created or removed the target after this command looked at
    /// it; the temporary file was removed and the target left as the other program left it.
    Changed,
    /// The target has no write permission for this process (its mode is given).
    ReadOnly(u32),
    /// The target has this many names (hard links).
    HardLinks(u64),
    /// Another program has the target open for writing (it may be half-way through).
    Busy,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Changed => f.write_str(
                "文件在本命令读取之后被其他程序修改了；未写入任何内容，对方写入的内容保持原样 — 等其他程序写完后重新运行",
            ),
            Refusal::ReadOnly(mode) => write!(
                f,
                "文件是只读的（权限 {mode:04o}）；未写入任何内容 — 如确需改写，先 `chmod u+w`，或写到另一个文件"
            ),
            Refusal::Busy => f.write_str(
                "另一个程序正打开这个文件写入（可能只写了一半）；未写入任何内容 — 等它写完、关闭文件后重新运行",
            ),
            Refusal::HardLinks(n) => write!(
                f,
                "文件有 {n} 个名称（硬链接）；替换它会让其他名称仍指向旧内容，原地写入又无法防止中断时丢失数据，所以未写入任何内容 — 先断开硬链接（`cp F F.new && mv F.new F`），或写到另一个文件"
            ),
        }
    }
}

impl std::error::Error for Refusal {}

impl From<Refusal> for std::io::Error {
    fn from(r: Refusal) -> Self {
        std::io::Error::other(r)
    }
}

/// Whether an I/O error is a [`Refusal`] (the target was left alone on purpose).
pub fn refusal(e: &std::io::Error) -> Option<&Refusal> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
}

/// What the file held when the command read it (`fmt`): compared again, byte for byte,
/// just before the rename.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    pub content: &'a [u8],
    pub modified: Option<SystemTime>,
}

/// Writes `bytes` to `path` (see [`destination`]): a regular file through a temporary file
/// renamed over it (symbolic links followed, so the link stays and its target is
/// replaced); a device or FIFO directly.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, None, &mut || ())
}

/// [`write_atomic`] for a file the command read: refused if the file no longer holds
/// `expected`. `before_rename` runs after the temporary file is synced and before the
/// check — tests use it to play the other program.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    expected: Option<Expected<'_>>,
    before_rename: &mut dyn FnMut(),
) -> std::io::Result<()> {
    match Replacement::begin(path)? {
        Begun::Direct(mut f) => {
            f.write_all(bytes)?;
            f.flush()
        }
        Begun::Replace(r, mut f) => {
            let written = f.write_all(bytes);
            match written {
                Ok(()) => r.finish(f, expected, before_rename),
                Err(e) => {
                    r.abandon();
                    Err(e)
                }
            }
        }
    }
}

/// A replacement under way: the temporary file exists, the target is untouched.
#[derive(Debug)]
pub struct Replacement {
    tmp: PathBuf,
    target: PathBuf,
    /// The target as it was when the replacement began; `None` if it did not exist.
    before: Option<Metadata>,
}

/// How the bytes of an output are to be written.
pub enum Begun {
    /// A device, FIFO or terminal, opened for writing.
    Direct(File),
    /// A regular file: write to the temporary file, then [`Replacement::finish`].
    Replace(Box<Replacement>, File),
}

impl Replacement {
    /// Refuses a read-only or hard-linked target, removes temporary files that killed runs
    /// left for it, and creates this run's temporary file.
    pub fn begin(path: &Path) -> std::io::Result<Begun> {
        let target = match destination(path)? {
            Destination::Direct(p) => {
                return Ok(Begun::Direct(OpenOptions::new().write(true).open(p)?))
            }
            Destination::Replace(p) => p,
        };
        let before = match std::fs::metadata(&target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if let Some(m) = &before {
            refuse_protected(&target, m)?;
        }
        super::temp::remove_stale_temps(&target);
        let tmp = super::temp::temp_path(&target);
        // `create_new`: never follow a link someone planted under the temporary name.
        let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        Ok(Begun::Replace(
            Box::new(Replacement {
                tmp,
                target,
                before,
            }),
            file,
        ))
    }

    /// Gives the written file the target's mode and owner, syncs it, checks the target is
    /// unchanged (and holds `expected`), renames, and syncs the folder. On any failure the
    /// temporary file is removed and the target left as it is.
    pub fn finish(
        self,
        file: File,
        expected: Option<Expected<'_>>,
        before_rename: &mut dyn FnMut(),
    ) -> std::io::Result<()> {
        let result = (|| {
            if let Some(m) = &self.before {
                keep_metadata(&file, m)?;
            }
            file.sync_all()?;
            drop(file);
            before_rename();
            self.check_unchanged(expected)?;
            std::fs::rename(&self.tmp, &self.target)?;
            sync_parent(&self.target);
            Ok(())
        })();
        if result.is_err() {
            self.abandon();
        }
        result
    }

    /// Removes the temporary file; the target was never touched.
    pub fn abandon(&self) {
        let _ = std::fs::remove_file(&self.tmp);
    }

    /// The target is still the file (same inode, size, times) seen when the replacement
    /// began, or still absent; and holds `expected` when given.
    fn check_unchanged(&self, expected: Option<Expected<'_>>) -> std::io::Result<()> {
        let now = match std::fs::metadata(&self.target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let same = match (&self.before, &now) {
            (None, None) => expected.is_none(),
            (Some(a), Some(b)) => same_state(a, b),
            _ => false,
        };
        if !same {
            return Err(Refusal::Changed.into());
        }
        if now.is_some() && super::os_checks::open_for_writing_elsewhere(&self.target) {
            return Err(Refusal::Busy.into());
        }
        if let (Some(exp), Some(now)) = (expected, &now) {
            let unchanged = now.modified().ok() == exp.modified
                && now.len() == exp.content.len() as u64
                && std::fs::read(&self.target)? == exp.content;
            if !unchanged {
                return Err(Refusal::Changed.into());
            }
        }
        Ok(())
    }
}

/// The same file, not written, truncated, re-permissioned or replaced in between.
fn same_state(a: &Metadata, b: &Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok() && same_inode_and_ctime(a, b)
}

#[cfg(unix)]
fn same_inode_and_ctime(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino(), a.ctime(), a.ctime_nsec()) == (b.dev(), b.ino(), b.ctime(), b.ctime_nsec())
}

#[cfg(not(unix))]
fn same_inode_and_ctime(_: &Metadata, _: &Metadata) -> bool {
    true
}

#[cfg(unix)]
fn refuse_protected(target: &Path, m: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let mode = m.mode() & 0o7777;
    if mode & 0o222 == 0 || !super::os_checks::may_write(target) {
        return Err(Refusal::ReadOnly(mode).into());
    }
    if m.nlink() > 1 {
        return Err(Refusal::HardLinks(m.nlink()).into());
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_protected(_: &Path, m: &Metadata) -> std::io::Result<()> {
    if m.permissions().readonly() {
        return Err(Refusal::ReadOnly(0o444).into());
    }
    Ok(())
}

/// The target's permission mode and, where this process may set them (root, or a group it
/// belongs to), its owner and group.
#[cfg(unix)]
pub(crate) fn keep_metadata(file: &File, m: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{fchown, MetadataExt, PermissionsExt};
    let mine = file.metadata()?;
    let mut mode = m.mode() & 0o7777;
    if (mine.uid(), mine.gid()) != (m.uid(), m.gid())
        && fchown(file, Some(m.uid()), Some(m.gid())).is_err()
    {
        let _ = fchown(file, None, Some(m.gid()));
        // Set-id bits only make sense with the original owner.
        mode &= 0o777;
    }
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(crate) fn keep_metadata(file: &File, m: &Metadata) -> std::io::Result<()> {
    file.set_permissions(m.permissions())
}

/// Makes a rename in `path`'s folder durable; errors are ignored (not every file system
/// can sync a folder, and the rename itself has happened).
pub(crate) fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}
