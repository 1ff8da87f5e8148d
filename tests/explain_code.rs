//! `jixiao explain-code CODE` and `--list` through the binary, and the pointer to it under
//! every diagnostic; the cases are in `tests/explain_code/cases.toml`.

mod common;

fn texts(case: &toml::Value, key: &str) -> Vec<String> {
    case.get(key)
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn explain_code_cases() {
    let text = std::fs::read_to_string("tests/explain_code/cases.toml").expect("cases");
    let table: toml::Table = text.parse().expect("valid TOML");
    let cases = table
        .get("case")
        .and_then(toml::Value::as_array)
        .expect("[[case]]");
    assert!(cases.len() >= 9);
    for case in cases {
        let args = texts(case, "args");
        let out = common::jixiao().args(&args).output().expect("binary runs");
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        let exit = case.get("exit").and_then(toml::Value::as_integer);
        assert_eq!(
            out.status.code().map(i64::from),
            exit,
            "{args:?}\n{stdout}\n{stderr}"
        );
        for want in texts(case, "stdout") {
            assert!(
                stdout.contains(&want),
                "{args:?}: stdout lacks {want:?}\n{stdout}"
            );
        }
        for want in texts(case, "stderr") {
            assert!(
                stderr.contains(&want),
                "{args:?}: stderr lacks {want:?}\n{stderr}"
            );
        }
    }
}
