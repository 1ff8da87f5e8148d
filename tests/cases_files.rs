//! Broken rule test case files (`tests/data/cases/broken/*.toml`): every mistake is
//! reported at its line, in Chinese (the default language); `english_messages.rs` renders
//! the same files in English.

use jixiao::diagnostic::render_file_diagnostics;

#[test]
fn broken_case_files() {
    insta::glob!("data/cases/broken/*.toml", |path| {
        let text = std::fs::read_to_string(path).expect("read");
        let name = format!(
            "broken/{}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let Err(diags) = jixiao::cases::parse_cases(std::path::Path::new(&name), &text) else {
            panic!("{name} loaded but is broken");
        };
        insta::assert_snapshot!(render_file_diagnostics(&diags));
    });
}
