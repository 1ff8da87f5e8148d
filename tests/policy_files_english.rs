//! The broken policies of `policy_files.rs` rendered with `--lang en`: the English
//! catalogue must say what the messages said before they moved into the catalogues
//! (their own process, since the language is chosen once per process).

use jixiao::diagnostic::render;
use jixiao::policy::parse_policy;

#[test]
fn broken_policies_in_english() {
    jixiao::i18n::set(jixiao::i18n::Lang::En);
    insta::glob!("data/policies/broken/*.toml", |path| {
        let text = std::fs::read_to_string(path).expect("read");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let diags = match parse_policy(&name, &text) {
            Ok(_) => panic!("{name} loaded but is broken"),
            Err(d) => d,
        };
        insta::assert_snapshot!(render(&diags, &format!("broken/{name}"), &text));
    });
}
