//! Forms the importer refuses or reads only in part (`tests/import_corpus/refused/`): the
//! message a user sees names where (table/row/cell, `Sheet!B7`, line) and what was
//! expected. Each document's message is a snapshot (read every line before accepting),
//! and its `*.expected.toml` says the exit code and substrings the message must contain.
//! A partial import must still write a folder that loads.

use jixiao::scorecard::import::{import_file, NoteLevel};
use jixiao::scorecard::load::load_department;
use jixiao::scorecard::write::write_folder;
use std::path::{Path, PathBuf};
use toml::Value;

const DIR: &str = "tests/import_corpus/refused";

/// The exit code `jixiao import` gives and what it prints about the source.
fn outcome(source: &Path, shown: &str) -> (i64, String) {
    match import_file(source, None) {
        Err(e) => (2, format!("error: {e}\n")),
        Ok(i) => {
            let text: String = i.notes.iter().map(|n| n.render(shown)).collect();
            let problems = i.notes.iter().any(|n| n.level == NoteLevel::Problem);
            let dir = tempfile::tempdir()
                .map(|d| d.keep())
                .unwrap_or_else(|_| PathBuf::from("target/refused-out"));
            let loads = write_folder(&i.department, &dir).is_ok() && load_department(&dir).is_ok();
            let _ = std::fs::remove_dir_all(&dir);
            assert!(
                loads,
                "{}: the partly imported folder does not load",
                source.display()
            );
            (if problems { 1 } else { 0 }, text)
        }
    }
}

#[test]
fn refused_forms_say_where_and_what() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(DIR)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".expected.toml"));
    files.sort();
    assert!(
        files.len() >= 10,
        "at least 10 refused forms, found {}",
        files.len()
    );
    let mut failed = Vec::new();
    for f in &files {
        let want: Value = toml::from_str(&std::fs::read_to_string(f).unwrap_or_default())
            .unwrap_or(Value::Integer(0));
        let source = want.get("source").and_then(Value::as_str).unwrap_or("");
        let name = Path::new(source)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let path = Path::new(DIR).join(name);
        let shown = format!("refused/{name}");
        let (exit, message) = outcome(&path, &shown);
        let stem = name.split('.').next().unwrap_or(name);
        insta::assert_snapshot!(format!("refused-{stem}"), message);
        let want_exit = want.get("exit").and_then(Value::as_integer).unwrap_or(-1);
        if exit != want_exit {
            failed.push(format!(
                "{shown}: exit {exit}, expected {want_exit}\n{message}"
            ));
        }
        let needles = want
            .get("message_contains")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for n in needles.iter().filter_map(Value::as_str) {
            if !message.contains(n) {
                failed.push(format!("{shown}: the message lacks `{n}`:\n{message}"));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
