//! The exit codes of the binary, table-driven from `tests/cases/cli_exit_codes.toml`: each
//! case is a command line, the status it must exit with and a part of its stderr.

mod common;
use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    args: Vec<String>,
    exit: i32,
    stderr: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `{tmp}` folder the cases name.
fn fixtures(tmp: &Path) {
    std::fs::create_dir(tmp.join("empty")).expect("empty folder");
    std::fs::write(tmp.join("file.txt"), "not a folder\n").expect("file.txt");
    std::fs::write(tmp.join("no-columns.csv"), "code,value\nx,1\n").expect("no-columns.csv");
    std::fs::write(
        tmp.join("unknown.csv"),
        "project,indicator,actual\nNOPE,qty1,5\n",
    )
    .expect("unknown.csv");
}

#[test]
fn exit_codes_follow_the_readme() {
    let text =
        std::fs::read_to_string(root().join("tests/cases/cli_exit_codes.toml")).expect("case file");
    let cases: Cases = toml::from_str(&text).expect("case file parses");
    assert!(cases.case.len() >= 20, "the case file lost its cases");
    let tmp = tempfile::tempdir().expect("temp dir");
    fixtures(tmp.path());
    let seed = root().join("scorecards/zunhua-sfj-2022");
    let fill = |s: &str| {
        s.replace("{seed}", &seed.display().to_string())
            .replace("{tmp}", &tmp.path().display().to_string())
    };
    let mut failures = Vec::new();
    for c in &cases.case {
        let args: Vec<String> = c.args.iter().map(|a| fill(a)).collect();
        let out = common::jixiao().args(&args).output().expect("run jixiao");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let want = fill(&c.stderr);
        if out.status.code() != Some(c.exit)
            || !stderr.contains(&want)
            || stderr.contains("panicked")
        {
            failures.push(format!(
                "{}: `jixiao {}` exited {:?} (want {}), stderr should contain {want:?}:\n{stderr}",
                c.name,
                args.join(" "),
                out.status.code(),
                c.exit
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
