//! Actuals, spending and encoding messages in both languages (cases in
//! `tests/cases/lang_actuals.toml`): the same command of a `tests/broken/` folder run with
//! `--lang zh` and `--lang en`, each wording looked for in what it prints.

mod common;

use std::path::Path;

#[derive(serde::Deserialize)]
struct Case {
    dir: String,
    zh: String,
    en: String,
}

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

/// What the command of `tests/broken/<dir>` prints on stderr in `lang`.
fn stderr_of(dir: &str, lang: &str) -> String {
    let folder = Path::new("tests/broken").join(dir);
    let cmd = std::fs::read_to_string(folder.join("cmd")).unwrap_or_default();
    let args: Vec<&str> = cmd.lines().filter(|l| !l.starts_with('#')).collect();
    let out = common::jixiao()
        .args(["--lang", lang])
        .args(&args)
        .current_dir(&folder)
        .output();
    match out {
        Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
        Err(e) => format!("cannot run: {e}"),
    }
}

#[test]
fn each_message_in_both_languages() {
    let text = std::fs::read_to_string("tests/cases/lang_actuals.toml").unwrap_or_default();
    let cases: Cases = match toml::from_str(&text) {
        Ok(c) => c,
        Err(e) => panic!("tests/cases/lang_actuals.toml: {e}"),
    };
    assert!(cases.case.len() >= 10, "{} cases", cases.case.len());
    let mut failures = Vec::new();
    for c in &cases.case {
        for (lang, want) in [("zh", &c.zh), ("en", &c.en)] {
            let got = stderr_of(&c.dir, lang);
            if !got.contains(want.as_str()) {
                failures.push(format!("{} --lang {lang}: want {want:?} in\n{got}", c.dir));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
