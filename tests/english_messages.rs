//! Messages with `--lang en`: the English catalogue must say what the messages said
//! before they moved into the catalogues. Broken policies (the files of `policy_files.rs`)
//! and broken rule test case files (the files of `cases_files.rs`), rendered in English.
//! Their own process, since the language is chosen once per process.

use jixiao::diagnostic::{render, render_file_diagnostics};
use jixiao::policy::parse_policy;
use std::path::Path;

fn english() {
    jixiao::i18n::set(jixiao::i18n::Lang::En);
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn broken_policies_in_english() {
    english();
    insta::glob!("data/policies/broken/*.toml", |path| {
        let text = std::fs::read_to_string(path).expect("read");
        let name = file_name(path);
        let diags = match parse_policy(&name, &text) {
            Ok(_) => panic!("{name} loaded but is broken"),
            Err(d) => d,
        };
        insta::assert_snapshot!(render(&diags, &format!("broken/{name}"), &text));
    });
}

#[test]
fn broken_case_files_in_english() {
    english();
    insta::glob!("data/cases/broken/*.toml", |path| {
        let text = std::fs::read_to_string(path).expect("read");
        let name = format!("broken/{}", file_name(path));
        let Err(diags) = jixiao::cases::parse_cases(Path::new(&name), &text) else {
            panic!("{name} loaded but is broken");
        };
        insta::assert_snapshot!(render_file_diagnostics(&diags));
    });
}
