//! Why an audit cannot go on: a document or folder that cannot be read, a folder that
//! cannot be written, a report that cannot be produced. The words are what the command
//! line prints after `error: `.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum AuditError {
    /// The document cannot be read (missing, too large, not a regular file).
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The folder of documents cannot be listed.
    Folder {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The bytes are no document the importer's readers know; their words.
    NotADocument(String),
    /// The folder for `--import-to` cannot be written.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The actuals read from the form cannot be written as TOML; the writer's words.
    Toml(String),
    /// The report cannot be written as a workbook.
    Xlsx(String),
}

impl fmt::Display for AuditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditError::Read { path, error } => {
                write!(f, "无法读取 `{}`：{error}", path.display())
            }
            AuditError::Folder { path, error } => {
                write!(f, "无法读取文件夹 `{}`：{error}", path.display())
            }
            AuditError::NotADocument(why) => f.write_str(why),
            AuditError::Write { path, error } => {
                write!(f, "无法写入 `{}`：{error}", path.display())
            }
            AuditError::Toml(why) => f.write_str(why),
            AuditError::Xlsx(why) => write!(f, "无法生成 xlsx：{why}"),
        }
    }
}

impl std::error::Error for AuditError {}
