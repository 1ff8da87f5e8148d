//! Writing output files without ever losing data. [`replace`] writes a regular file through
//! a temporary file renamed over it once complete, synced, and checked for changes made by
//! another program in the meantime; [`folder`] replaces a whole folder (`import -o`) the same
//! way; [`temp`] names and cleans up their temporary entries.
//!
//! A symbolic link given as the output is followed: the file it points to is replaced (the
//! temporary file sits beside that file) and the link stays. An output that exists and is
//! not a regular file — `/dev/null`, a FIFO, a terminal — is written directly; nothing is
//! ever renamed over it. [`refuse_input_as_output`] keeps `-o` from naming an input.

pub mod folder;
mod folder_tree;
mod os_checks;
pub mod replace;
pub mod temp;

pub use replace::{write_atomic, Begun, Expected, Refusal, Replacement};
pub use temp::{remove_stale_temps, temp_path};

use std::path::{Path, PathBuf};

/// Where the bytes for an output path go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A regular file (existing or not): written to a temporary file beside it and renamed
    /// over it. The path is the file itself, symbolic links followed, so a link given
    /// with `-o` keeps pointing at the updated file.
    Replace(PathBuf),
    /// Something that is not a regular file (a character device such as `/dev/null`, a
    /// FIFO, a terminal): written directly, never renamed over.
    Direct(PathBuf),
}

/// Where writing `path` should go; a folder is refused.
pub fn destination(path: &Path) -> std::io::Result<Destination> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(std::io::Error::other(crate::i18n::t(
            "cli.output-is-folder",
        ))),
        Ok(m) if m.is_file() => Ok(Destination::Replace(std::fs::canonicalize(path)?)),
        // Opened through the path as given: the kernel follows links such as
        // `/dev/stdout` → `/proc/self/fd/1` → a pipe, which have no real path.
        Ok(_) => Ok(Destination::Direct(path.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Destination::Replace(link_target(path)?))
        }
        Err(e) => Err(e),
    }
}

/// `path` with every symbolic link in its last component followed (a dangling link gives
/// the file it names, which writing creates).
fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other(crate::i18n::t(
        "cli.output-link-loop",
    )))
}

/// Refuses an output path that is one of the command's inputs: `output`, symbolic links
/// followed (and, on Unix, hard links too: the same file under another name), against
/// each of `inputs`. The error is the whole message, ready to print after `error: `.
/// An output that does not exist yet cannot be an input, so this costs one `stat` then;
/// otherwise one `stat` per input (a region has tens of thousands).
pub fn refuse_input_as_output(output: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let Some(id) = file_id(output) else {
        return Ok(());
    };
    let Some(input) = inputs.iter().find(|i| file_id(i).as_ref() == Some(&id)) else {
        return Ok(());
    };
    let key = if output == input.as_path() {
        "cli.output-is-input"
    } else {
        "cli.output-is-input-link"
    };
    Err(crate::i18n::tf(
        key,
        &[
            ("output", &output.display().to_string()),
            ("input", &input.display().to_string()),
            ("suggestion", &suggestion(output).display().to_string()),
        ],
    ))
}

/// `a` and `b` are the same existing regular file: the same path once symbolic links are
/// followed, or (on Unix) the same inode — a hard link.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    file_id(a).is_some_and(|x| file_id(b) == Some(x))
}

/// What makes an existing regular file itself, whatever path reaches it: its device and
/// inode on Unix (links followed by `stat`), its canonical path elsewhere.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<PathBuf> {
    std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    std::fs::canonicalize(path).ok()
}

/// `report.html` for an output path that collided with an input: the same name with
/// `.out` before the extension, in the current folder.
fn suggestion(output: &Path) -> PathBuf {
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    match output.extension() {
        Some(ext) => PathBuf::from(format!("{stem}.out.{}", ext.to_string_lossy())),
        None => PathBuf::from(format!("{stem}.out")),
    }
}
