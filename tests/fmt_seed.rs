//! `jixiao fmt` on a copy of the seed folder: by default the published wording stays (the seed
//! needs nothing); with `--canonical` only target values change, comments and layout survive,
//! a second `--check` is clean, and a file changed underneath is refused. Single targets in
//! both modes: `fmt_seed/targets.toml`.

mod common;
use common::copy_dir;

use jixiao::check::reformat::{apply, files_of, plan_file, FmtError, Mode};
use std::path::Path;

fn jixiao(args: &[&str]) -> (i32, String) {
    let out = common::jixiao().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    wording: String,
    canonical: String,
}

#[test]
fn target_cases_in_both_modes() {
    let text = std::fs::read_to_string("tests/fmt_seed/targets.toml").expect("cases");
    let cases: Cases = toml::from_str(&text).expect("cases parse");
    for c in &cases.case {
        let want = |s: &str| (!s.is_empty()).then(|| s.to_string());
        assert_eq!(
            Mode::Wording.rewrite(&c.text),
            want(&c.wording),
            "{:?}",
            c.text
        );
        assert_eq!(
            Mode::Canonical.rewrite(&c.text),
            want(&c.canonical),
            "{:?}",
            c.text
        );
    }
}

/// The 自评表's 年度指标值 must match the published 绩效目标表: plain fmt changes no
/// wording in the seed — only the one target with a trailing space (`2022年12月底 `).
#[test]
fn fmt_keeps_the_published_wording_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("zunhua");
    copy_dir(Path::new("scorecards/zunhua-sfj-2022"), &copy);
    let folder = copy.to_str().expect("utf-8");
    let (code, out) = jixiao(&["fmt", "--check", folder]);
    assert_eq!(code, 1, "{out}");
    let spaced = "projects/04-13028122P002630100014.toml";
    assert_eq!(
        out,
        format!("{folder}/{spaced}:53: 2022年12月底  → 2022年12月底\n")
    );
    assert_eq!(jixiao(&["fmt", folder]).0, 0);
    for f in files_of(Path::new("scorecards/zunhua-sfj-2022")) {
        let name = f
            .strip_prefix("scorecards/zunhua-sfj-2022")
            .expect("inside");
        let mut before = std::fs::read_to_string(&f).expect("orig");
        if name == Path::new(spaced) {
            before = before.replacen("\"2022年12月底 \"", "\"2022年12月底\"", 1);
        }
        let after = std::fs::read_to_string(copy.join(name)).expect("copy");
        assert_eq!(before, after, "{name:?}");
    }
    assert_eq!(jixiao(&["fmt", "--check", folder]), (0, String::new()));
    // A full-width digit and a trailing space are tidied, the words around them kept.
    let one = dir.path().join("p.toml");
    std::fs::write(
        &one,
        "[[indicators]]\nid = \"a\"\ntarget = \"每月播放２期 \"\n",
    )
    .expect("write");
    let one = one.to_str().expect("utf-8");
    let (code, out) = jixiao(&["fmt", "--check", one]);
    assert_eq!(
        (code, out),
        (1, format!("{one}:3: 每月播放２期  → 每月播放2期\n"))
    );
    assert_eq!(jixiao(&["fmt", one]).0, 0);
    assert_eq!(
        std::fs::read_to_string(one).expect("read"),
        "[[indicators]]\nid = \"a\"\ntarget = \"每月播放2期\"\n"
    );
}

#[test]
fn fmt_canonical_rewrites_only_targets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("zunhua");
    copy_dir(Path::new("scorecards/zunhua-sfj-2022"), &copy);
    let folder = copy.to_str().expect("utf-8");

    let (code, out) = jixiao(&["fmt", "--canonical", "--check", folder]);
    assert_eq!(code, 1, "{out}");
    let dept = format!("{folder}/department.toml");
    assert!(
        out.contains(&format!("{dept}:80: 大于等于2000份 → ≥2000份\n")),
        "{out}"
    );
    assert!(
        out.contains("09-13028122P00306310001Y.toml:63: 2021年12月底前 → 2021年12月底\n"),
        "{out}"
    );
    // Lenient targets are left alone.
    assert!(!out.contains("≥3数量"), "{out}");
    let lines = out.lines().count();
    // --check writes nothing.
    for f in files_of(Path::new("scorecards/zunhua-sfj-2022")) {
        let name = f
            .strip_prefix("scorecards/zunhua-sfj-2022")
            .expect("inside");
        assert_eq!(
            std::fs::read_to_string(&f).expect("orig"),
            std::fs::read_to_string(copy.join(name)).expect("copy")
        );
    }

    let (code, _) = jixiao(&["fmt", "--canonical", folder]);
    assert_eq!(code, 0);
    let mut changed = 0;
    for f in files_of(Path::new("scorecards/zunhua-sfj-2022")) {
        let name = f
            .strip_prefix("scorecards/zunhua-sfj-2022")
            .expect("inside");
        let before = std::fs::read_to_string(&f).expect("orig");
        let after = std::fs::read_to_string(copy.join(name)).expect("copy");
        assert_eq!(before.lines().count(), after.lines().count(), "{name:?}");
        for (b, a) in before.lines().zip(after.lines()) {
            if b != a {
                changed += 1;
                assert!(
                    b.starts_with("target = ") && a.starts_with("target = "),
                    "{b} → {a}"
                );
            }
        }
    }
    assert_eq!(changed, lines);

    let (code, out) = jixiao(&["fmt", "--canonical", "--check", folder]);
    assert_eq!((code, out.as_str()), (0, ""));
    // The rewritten folder still loads and checks the same.
    let (code, _) = jixiao(&["check", folder]);
    assert_eq!(code, 0);
}

#[test]
fn refuses_a_file_changed_since_it_was_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("p.toml");
    std::fs::write(&f, "[[indicators]]\nid = \"a\"\ntarget = \"大于等于5次\"\n").expect("write");
    let plan = plan_file(&f, Mode::Canonical).expect("plan");
    assert_eq!(plan.changes.len(), 1);
    std::fs::write(&f, "[[indicators]]\nid = \"a\"\ntarget = \"大于等于6次\"\n").expect("write");
    assert!(matches!(apply(&plan), Err(FmtError::Changed(_))));
    assert!(std::fs::read_to_string(&f)
        .expect("read")
        .contains("大于等于6次"));
    let plan = plan_file(&f, Mode::Canonical).expect("plan");
    apply(&plan).expect("applies");
    assert!(std::fs::read_to_string(&f).expect("read").contains("≥6次"));
}
