//! The file-by-file work of a folder replacement (see [`super::folder`]): noting the state
//! of every entry so a change by another program is seen, carrying over the files the writer
//! does not own, and writing new files with the old ones' mode and owner.

use super::folder::{io, FolderError};
use super::replace::keep_metadata;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One entry of a folder as `stat` sees it: path inside the folder, kind, size, times,
/// inode.
pub(super) type EntryState = (PathBuf, bool, u64, Option<SystemTime>, u64);

pub(super) fn snapshot(root: &Path) -> Result<Vec<EntryState>, FolderError> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<EntryState>) -> Result<(), FolderError> {
        let rd = std::fs::read_dir(dir).map_err(io("读取", dir))?;
        for e in rd {
            let e = e.map_err(io("读取", dir))?;
            let path = e.path();
            let m = std::fs::symlink_metadata(&path).map_err(io("读取", &path))?;
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push((rel, m.is_dir(), m.len(), m.modified().ok(), inode(&m)));
            if m.is_dir() {
                walk(root, &path, out)?;
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    out.sort();
    Ok(out)
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.ino()
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// Links (or copies) every entry of `from/rel` into `to/rel` except the `skip` paths, which
/// the writer writes or removes; sub-folders are recreated with their mode.
pub(super) fn carry_over(
    from: &Path,
    to: &Path,
    rel: &Path,
    skip: &BTreeSet<&Path>,
) -> Result<(), FolderError> {
    let dir = from.join(rel);
    let rd = std::fs::read_dir(&dir).map_err(io("读取", &dir))?;
    for e in rd {
        let e = e.map_err(io("读取", &dir))?;
        let r = rel.join(e.file_name());
        if skip.contains(r.as_path()) {
            continue;
        }
        let (src, dst) = (from.join(&r), to.join(&r));
        let m = std::fs::symlink_metadata(&src).map_err(io("读取", &src))?;
        if m.is_dir() {
            std::fs::create_dir(&dst).map_err(io("创建文件夹", &dst))?;
            carry_over(from, to, &r, skip)?;
            copy_owner_and_mode(&src, &dst).map_err(io("设置权限", &dst))?;
        } else if m.file_type().is_symlink() {
            let link = std::fs::read_link(&src).map_err(io("读取", &src))?;
            symlink(&link, &dst).map_err(io("创建链接", &dst))?;
        } else if std::fs::hard_link(&src, &dst).is_err() {
            std::fs::copy(&src, &dst).map_err(io("复制", &src))?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(link: &Path, dst: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(link, dst)
}

#[cfg(not(unix))]
fn symlink(link: &Path, dst: &Path) -> std::io::Result<()> {
    std::fs::copy(link, dst).map(|_| ())
}

/// A folder of the new tree gets the old one's mode and (where possible) owner, so the
/// people who could add files to it still can.
#[cfg(unix)]
pub(super) fn copy_owner_and_mode(from: &Path, to: &Path) -> std::io::Result<()> {
    keep_metadata(&std::fs::File::open(to)?, &std::fs::metadata(from)?)
}

#[cfg(not(unix))]
pub(super) fn copy_owner_and_mode(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::set_permissions(to, std::fs::metadata(from)?.permissions())
}

/// Writes a new file; one that replaces an old file (`like`) gets its mode and owner.
pub(super) fn write_synced(
    path: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    if let Some(m) = like {
        keep_metadata(&f, m)?;
    }
    f.sync_all()
}

pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
