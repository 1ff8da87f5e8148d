//! Replacing a whole folder as one step (`import -o DIR`): the complete new folder is built
//! in a temporary sibling (`.DIR.PID.tmp`), checked, and swapped with the old one. On Linux
//! the swap is one `renameat2(RENAME_EXCHANGE)`, so a run killed at any moment leaves either
//! the complete old folder or the complete new one under DIR; the old folder then sits at
//! the temporary name until it is removed. Elsewhere (or on a file system without the
//! exchange) the old folder is renamed to `.DIR.PID.old` first; a run killed between the two
//! renames leaves no DIR, and the next run puts that `.old` folder back before it starts.
//! Leftovers of killed runs are hidden siblings of DIR, never inside it, so they are never
//! loaded as projects, and the next run over the same DIR removes them.
//!
//! Files the writer does not own (an `actuals.toml`, spending sheets, notes) are carried
//! into the new folder as hard links (copies where a link is impossible), so they keep
//! their content, mode and owner.

use super::folder_tree::{
    carry_over, copy_owner_and_mode, snapshot, sync_dir, write_synced, EntryState,
};
use super::replace::{sync_parent, Refusal};
use super::temp::{leftovers, process_gone, remove_any, remove_stale_temps, with_suffix};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What failed when the temporary sibling folder could not be made.
const TEMP_FOLDER: &str = "创建临时文件夹";

/// What writing the folder does to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    New,
    Changed,
    Unchanged,
    /// A file the writer owns that the new folder does not have.
    Removed,
}

impl FileState {
    /// The word a user reads in `--dry-run` and refusal lists.
    pub fn label(self) -> &'static str {
        crate::i18n::t(match self {
            FileState::New => "cli.state-new",
            FileState::Changed => "cli.state-changed",
            FileState::Unchanged => "cli.state-unchanged",
            FileState::Removed => "cli.state-removed",
        })
    }
}

/// One file of the plan: its path inside the folder and what happens to it.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    pub rel: PathBuf,
    pub state: FileState,
    bytes: Vec<u8>,
}

/// The folder a writer wants, compared with what is there.
#[derive(Debug)]
pub struct FolderPlan {
    /// The folder, symbolic links followed (a link to a folder stays and points at the new one).
    real: PathBuf,
    exists: bool,
    /// Every entry of the old folder as it was when planned: checked again before the swap.
    seen: Vec<EntryState>,
    pub files: Vec<PlannedFile>,
}

/// Why a folder was not written.
#[derive(Debug)]
pub enum FolderError {
    /// The output exists and is not a folder (what it is instead).
    NotAFolder(PathBuf, &'static str),
    /// An I/O error while doing something to this path.
    Io(&'static str, PathBuf, std::io::Error),
    /// The new folder did not pass the check (the message says why); nothing was swapped.
    Invalid(String),
    /// Another program changed the old folder while the new one was being built.
    Changed(PathBuf),
    /// Another program has this file of the old folder open for writing.
    Busy(PathBuf),
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FolderError::NotAFolder(p, what) => write!(
                f,
                "`{}` 已存在，但它是{what}，不是文件夹；-o 需要一个文件夹（不存在时会新建）",
                p.display()
            ),
            FolderError::Io(doing, p, e) if e.kind() == std::io::ErrorKind::StorageFull => write!(
                f,
                "{doing} `{}` 失败：{e}（磁盘已满；腾出空间后重新运行）",
                p.display()
            ),
            FolderError::Io(doing @ TEMP_FOLDER, p, e) => write!(
                f,
                "{doing} `{}` 失败：{e}（新文件夹先在旁边建好再整体换入，所以它的上级文件夹必须可写）",
                p.display()
            ),
            FolderError::Io(doing, p, e) => write!(f, "{doing} `{}` 失败：{e}", p.display()),
            FolderError::Invalid(msg) => f.write_str(msg),
            FolderError::Changed(p) => write!(f, "`{}`: {}", p.display(), Refusal::Changed),
            FolderError::Busy(p) => write!(f, "`{}`: {}", p.display(), Refusal::Busy),
        }
    }
}

impl std::error::Error for FolderError {}

impl From<FolderError> for std::io::Error {
    fn from(e: FolderError) -> Self {
        let kind = match &e {
            FolderError::Io(_, _, io) => io.kind(),
            _ => std::io::ErrorKind::Other,
        };
        std::io::Error::new(kind, e)
    }
}

pub(super) fn io<'p>(
    doing: &'static str,
    p: &'p Path,
) -> impl FnOnce(std::io::Error) -> FolderError + 'p {
    move |e| FolderError::Io(doing, p.to_path_buf(), e)
}

impl FolderPlan {
    /// Compares `files` (path inside the folder → content) with the folder `target`;
    /// `owned` are the files there that the writer owns (paths inside the folder): any of
    /// them not in `files` is [`FileState::Removed`].
    pub fn new(
        target: &Path,
        files: Vec<(PathBuf, Vec<u8>)>,
        owned: &[PathBuf],
    ) -> Result<FolderPlan, FolderError> {
        recover(target);
        let (real, exists) = match std::fs::metadata(target) {
            Ok(m) if m.is_dir() => (
                std::fs::canonicalize(target).map_err(io("读取", target))?,
                true,
            ),
            Ok(m) => return Err(FolderError::NotAFolder(target.to_path_buf(), kind(&m))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (target.to_path_buf(), false),
            Err(e) => return Err(FolderError::Io("读取", target.to_path_buf(), e)),
        };
        let seen = if exists { snapshot(&real)? } else { Vec::new() };
        let mut planned = Vec::with_capacity(files.len());
        for (rel, bytes) in files {
            let path = real.join(&rel);
            let state = match std::fs::read(&path) {
                Ok(old) if old == bytes => FileState::Unchanged,
                Ok(_) => FileState::Changed,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileState::New,
                Err(e) => return Err(FolderError::Io("读取", path, e)),
            };
            planned.push(PlannedFile { rel, state, bytes });
        }
        let written: BTreeSet<PathBuf> = planned.iter().map(|f| f.rel.clone()).collect();
        for rel in owned.iter().filter(|r| !written.contains(*r)) {
            planned.push(PlannedFile {
                rel: rel.clone(),
                state: FileState::Removed,
                bytes: Vec::new(),
            });
        }
        Ok(FolderPlan {
            real,
            exists,
            seen,
            files: planned,
        })
    }

    /// Removes the temporary folders killed runs left beside the target; [`Self::commit`]
    /// does it too, a run with nothing to write should.
    pub fn remove_leftovers(&self) {
        remove_stale_temps(&self.real);
    }

    /// Whether writing would change nothing: the folder exists and holds every file as is.
    pub fn is_noop(&self) -> bool {
        self.exists && self.files.iter().all(|f| f.state == FileState::Unchanged)
    }

    /// The files whose present content writing would lose: changed or removed.
    pub fn overwrites(&self) -> impl Iterator<Item = &PlannedFile> {
        self.files
            .iter()
            .filter(|f| matches!(f.state, FileState::Changed | FileState::Removed))
    }

    /// Builds the new folder beside the old one, runs `check` on it (its path is the
    /// temporary folder), and swaps it into place. Nothing under the target changes unless
    /// every step succeeds.
    pub fn commit(
        &self,
        check: &mut dyn FnMut(&Path) -> Result<(), String>,
    ) -> Result<(), FolderError> {
        self.remove_leftovers();
        let tmp = with_suffix(&self.real, "tmp");
        let result = self.build(&tmp).and_then(|()| {
            check(&tmp).map_err(FolderError::Invalid)?;
            self.swap(&tmp)
        });
        if result.is_err() {
            remove_any(&tmp);
        }
        result
    }

    fn build(&self, tmp: &Path) -> Result<(), FolderError> {
        if let Some(parent) = tmp.parent().filter(|_| !self.exists) {
            std::fs::create_dir_all(parent).map_err(io("创建文件夹", parent))?;
        }
        std::fs::create_dir(tmp).map_err(io(TEMP_FOLDER, tmp))?;
        if self.exists {
            let skip: BTreeSet<&Path> = self.files.iter().map(|f| f.rel.as_path()).collect();
            carry_over(&self.real, tmp, Path::new(""), &skip)?;
        }
        let pause = test_pause();
        let mut dirs = BTreeSet::new();
        for f in self.files.iter().filter(|f| f.state != FileState::Removed) {
            let path = tmp.join(&f.rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io("创建文件夹", parent))?;
                dirs.insert(parent.to_path_buf());
            }
            let old = std::fs::metadata(self.real.join(&f.rel)).ok();
            write_synced(&path, &f.bytes, old.as_ref()).map_err(io("写入", &path))?;
            if let Some(d) = pause {
                std::thread::sleep(d);
            }
        }
        if self.exists {
            copy_owner_and_mode(&self.real, tmp).map_err(io("设置权限", tmp))?;
        }
        for d in &dirs {
            sync_dir(d);
        }
        Ok(())
    }

    /// Puts `tmp` under the target's name; the old folder, if any, is removed afterwards.
    fn swap(&self, tmp: &Path) -> Result<(), FolderError> {
        if !self.exists {
            std::fs::rename(tmp, &self.real).map_err(io("改名", &self.real))?;
            sync_parent(&self.real);
            return Ok(());
        }
        if snapshot(&self.real)? != self.seen {
            return Err(FolderError::Changed(self.real.clone()));
        }
        let replaced = self.files.iter().filter(|f| f.state != FileState::New);
        for f in replaced {
            let path = self.real.join(&f.rel);
            if super::os_checks::open_for_writing_elsewhere(&path) {
                return Err(FolderError::Busy(path));
            }
        }
        if exchange(tmp, &self.real).is_ok() {
            sync_parent(&self.real);
            remove_any(tmp);
            return Ok(());
        }
        let old = with_suffix(&self.real, "old");
        std::fs::rename(&self.real, &old).map_err(io("改名", &self.real))?;
        if let Err(e) = std::fs::rename(tmp, &self.real) {
            let _ = std::fs::rename(&old, &self.real);
            return Err(FolderError::Io("改名", self.real.clone(), e));
        }
        sync_parent(&self.real);
        remove_any(&old);
        Ok(())
    }
}

/// What a file system entry is, for a message.
fn kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_char_device() || t.is_block_device() {
            return "一个设备文件";
        }
        if t.is_fifo() {
            return "一个命名管道（FIFO）";
        }
        if t.is_socket() {
            return "一个套接字";
        }
    }
    if m.is_file() {
        "一个普通文件"
    } else {
        "一个特殊文件"
    }
}

/// Puts back a folder a killed run of the fallback swap left at `.DIR.PID.old` with no
/// DIR, and removes the `.old` folders of runs that got further.
fn recover(target: &Path) {
    let real = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    for (old, pid) in leftovers(&real, "old") {
        if !process_gone(pid) {
            continue;
        }
        if std::fs::symlink_metadata(&real).is_err() {
            let _ = std::fs::rename(&old, &real);
        } else {
            remove_any(&old);
        }
    }
}

/// Swaps two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let ca = std::ffi::CString::new(a.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    let cb = std::ffi::CString::new(b.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Tests only: `JIXIAO_TEST_PAUSE_MS` makes the build pause after each file, so a test can
/// kill a run in the middle of a re-import.
fn test_pause() -> Option<std::time::Duration> {
    let ms: u64 = std::env::var("JIXIAO_TEST_PAUSE_MS").ok()?.parse().ok()?;
    Some(std::time::Duration::from_millis(ms.min(10_000)))
}
