//! Every broken scorecard file under `tests/scorecards_broken/` gets one message per
//! problem, all in one run, each with file, line, column, the underlined text and a help
//! line — snapshot-tested. Files named `department-*` are read as department files, the
//! rest as project files.

use jixiao::scorecard::load::{load_department_file_str, load_project_str};
use jixiao::scorecard::{render_file_diagnostics, FileDiagnostic};
use std::path::Path;

fn problems(path: &Path) -> Vec<FileDiagnostic> {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let name = Path::new("tests/scorecards_broken").join(path.file_name().expect("file name"));
    let is_dept = name
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("department"));
    let result = if is_dept {
        load_department_file_str(&name, &text).map(|(_, w)| w)
    } else {
        load_project_str(&name, &text).map(|(_, w)| w)
    };
    match result {
        Ok(w) => panic!(
            "{} loaded without errors (warnings: {})",
            name.display(),
            w.len()
        ),
        Err(d) => d,
    }
}

#[test]
fn broken_files() {
    insta::glob!("scorecards_broken/*.toml", |path| {
        let diags = problems(path);
        for d in &diags {
            assert!(d.diagnostic.help.is_some(), "no help: {:?}", d.diagnostic);
            assert!(
                !d.diagnostic.label.is_empty(),
                "no label: {:?}",
                d.diagnostic
            );
        }
        insta::assert_snapshot!(render_file_diagnostics(&diags));
    });
}

#[test]
fn all_problems_of_a_file_are_reported() {
    let diags = problems(Path::new("tests/scorecards_broken/17-many-problems.toml"));
    let codes: Vec<&str> = diags.iter().map(|d| d.diagnostic.code.as_str()).collect();
    for code in [
        "scorecard::empty",
        "scorecard::decimal",
        "scorecard::month",
        "scorecard::type",
        "scorecard::level",
        "scorecard::duplicate-id",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert!(diags.len() >= 7, "{codes:?}");
}

#[test]
fn columns_count_characters_and_snippets_are_the_text() {
    let diags = problems(Path::new("tests/scorecards_broken/06-unknown-level1.toml"));
    let d = diags.first().expect("one problem");
    assert_eq!(d.snippet(), "产出");
    assert_eq!(d.line_col(), (11, 11));
}

/// Truncating a valid file anywhere, or garbling a byte, gives messages, never a panic.
#[test]
fn no_panic_on_any_prefix() {
    let text = std::fs::read_to_string(
        "scorecards/zunhua-sfj-2022/projects/01-13028122P00306510001A.toml",
    )
    .expect("committed project");
    for (i, _) in text.char_indices() {
        let cut = &text[..i];
        let _ = load_project_str(Path::new("cut.toml"), cut);
        let garbled = format!("{}\"{}", cut, &text[i..]);
        let _ = load_project_str(Path::new("garbled.toml"), &garbled);
    }
    let dept = std::fs::read_to_string("scorecards/zunhua-sfj-2022/department.toml")
        .expect("committed department");
    for (i, _) in dept.char_indices().step_by(7) {
        let _ = load_department_file_str(Path::new("cut.toml"), &dept[..i]);
    }
}
