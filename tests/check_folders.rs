//! `jixiao check`: the seed folder's real defects (snapshot of the text output), and the
//! small broken folders under `tests/check/`, one defect per row (snapshots plus the
//! codes each must produce), exit codes and the JSON shape.

mod common;
use common::copy_dir;

use jixiao::check::{check_folder, CheckOptions};
use jixiao::policy::builtin_policy;
use std::path::Path;

const SEED: &str = "scorecards/zunhua-sfj-2022";

fn check_text(folder: &str, strict: bool) -> String {
    check_folder(
        Path::new(folder),
        &builtin_policy(),
        CheckOptions { strict },
    )
    .render_text(Path::new(folder))
}

fn jixiao(args: &[&str]) -> (i32, String, String) {
    let out = common::jixiao().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn seed_defects_are_listed() {
    english();
    let text = check_text(SEED, false);
    // 提供法律咨询数量（件）: `≥80%` in project 05 (a rate for a count), `≥80` with no unit in 08.
    assert!(text.contains("warning[check::unit-mismatch]: the target `≥80%` is a percentage but the name `提供法律咨询数量（件）` counts in `件`\n  --> scorecards/zunhua-sfj-2022/projects/05-13028122P00263110001R.toml:93:11"), "{text}");
    assert!(text.contains("advice[check::unit-missing]: the target `≥80` has no unit but the name `提供法律咨询数量（件）` counts in `件`\n  --> scorecards/zunhua-sfj-2022/projects/08-13028122P003070100015.toml:93:11"), "{text}");
    assert!(text.contains("warning[check::deadline-year]: the deadline `2021年12月底前` falls in 2021, outside the fiscal year 2022\n  --> scorecards/zunhua-sfj-2022/projects/09-13028122P00306310001Y.toml:63:11"), "{text}");
    assert!(
        text.contains(
            "43 | target = \"≥3数量，办案数量\"\n   |             ^^^^^^^^^^^^^^ not understood"
        ),
        "{text}"
    );
    assert!(text.contains("113 | target = \"≥95%百分比，服务对象满意度\"\n    |                     ^^^^^^^^^^^^^^^^ not understood"), "{text}");
    assert!(
        text.ends_with("scorecards/zunhua-sfj-2022: 0 errors, 4 warnings, 29 advice in 15 files\n"),
        "{text}"
    );
    insta::assert_snapshot!("seed_check", text);
}

#[test]
fn seed_strict_makes_lenient_targets_errors() {
    english();
    let text = check_text(SEED, true);
    assert_eq!(
        text.matches("error[target::unread-text]").count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("2 errors, 2 warnings, 29 advice in 15 files"),
        "{text}"
    );
}

#[test]
fn exit_codes_and_json() {
    english();
    let (code, out, _) = jixiao(&["check", SEED]);
    assert_eq!(code, 0, "warnings and advice alone exit 0");
    assert!(out.contains("check::deadline-year"));
    let (code, _, _) = jixiao(&["check", "--strict", SEED]);
    assert_eq!(code, 1);
    let (code, _, _) = jixiao(&["check", "tests/check/points-budget-plan"]);
    assert_eq!(code, 1);
    let (code, _, _) = jixiao(&["check", "tests/check/clean"]);
    assert_eq!(code, 0);
    let (code, _, err) = jixiao(&["check", "no/such/folder"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = jixiao(&["check", "--policy", "no/such/policy.toml", SEED]);
    assert_eq!(code, 2);

    let (code, out, _) = jixiao(&["check", "--format", "json", SEED]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 33);
    let deadline = items
        .iter()
        .find(|d| d["code"] == "check::deadline-year")
        .expect("deadline found");
    assert_eq!(
        deadline["file"],
        "scorecards/zunhua-sfj-2022/projects/09-13028122P00306310001Y.toml"
    );
    assert_eq!(deadline["line"], 63);
    assert_eq!(deadline["column"], 11);
    assert_eq!(deadline["severity"], "warning");
    assert_eq!(deadline["snippet"], "2021年12月底前");
    assert!(deadline["help"]
        .as_str()
        .is_some_and(|h| h.contains("2022年12月底")));
    for d in items {
        for key in [
            "file", "line", "column", "severity", "code", "message", "help", "snippet",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
}

/// Codes each broken folder must report (with repeats), in reading order.
const EXPECTED: &[(&str, &[&str])] = &[
    ("clean", &[]),
    (
        "load-errors",
        &[
            "scorecard::share",
            "scorecard::duplicate-id",
            "scorecard::level",
            "check::deadline-year",
        ],
    ),
    (
        "no-department-indicators",
        &["scorecard::no-department-indicators"],
    ),
    (
        "points-budget-plan",
        &[
            "check::budget-parts",
            "check::spending-plan",
            "check::points",
            "check::points",
            "check::points",
        ],
    ),
    (
        "units-and-marks",
        &[
            "check::deadline-year",
            "check::reverse-contradicted",
            "check::unit-mismatch",
            "check::unit-mismatch",
            "check::unit-mismatch",
            "check::unit-mismatch",
            "check::unit-missing",
            "check::deadline-year",
            "check::vague-target",
            "check::reverse-contradicted",
            "target::unread-text",
        ],
    ),
];

#[test]
fn broken_folders() {
    english();
    for (name, codes) in EXPECTED {
        let folder = format!("tests/check/{name}");
        let report = check_folder(
            Path::new(&folder),
            &builtin_policy(),
            CheckOptions::default(),
        );
        let got: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.diagnostic.code.as_str())
            .collect();
        assert_eq!(&got, codes, "{folder}");
        for d in &report.diagnostics {
            let m = &d.diagnostic.message;
            assert!(
                m.chars().next().is_some_and(|c| !c.is_uppercase()),
                "not lowercase: {m}"
            );
            assert!(d.diagnostic.help.is_some(), "no help: {m}");
            assert!(!d.snippet().is_empty(), "nothing underlined: {m}");
        }
        insta::assert_snapshot!(
            format!("folder_{name}"),
            report.render_text(Path::new(&folder))
        );
    }
}

#[test]
fn strict_folder() {
    english();
    let text = check_text("tests/check/units-and-marks", true);
    assert!(text.contains("error[target::unread-text]"), "{text}");
    assert!(
        text.ends_with("1 error, 8 warnings, 2 advice in 2 files\n"),
        "{text}"
    );
}

#[test]
fn a_region_is_checked_department_by_department() {
    english();
    // Two copies of the seed and one with a broken budget: each gets its own report, in
    // folder order, then one line for the region; any error makes the exit 1.
    let tmp = tempfile::tempdir().unwrap();
    let region = tmp.path();
    copy_dir(Path::new(SEED), &region.join("a"));
    copy_dir(Path::new(SEED), &region.join("c"));
    copy_dir(Path::new(SEED), &region.join("b-broken"));
    let broken = region.join("b-broken/projects");
    let first = std::fs::read_dir(&broken)
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        text.replace("budget = \"10.00\"", "budget = \"十万\""),
    )
    .unwrap();

    let r = region.to_str().unwrap();
    // In English, like `check_text`: the lines below are compared with its output.
    let (code, out, _) = jixiao(&["--lang", "en", "check", r]);
    assert_eq!(code, 1, "{out}");
    let single = check_text(SEED, false);
    let single_counts = single.lines().last().unwrap().split(": ").nth(1).unwrap();
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(r)).collect();
    let summaries: Vec<&&str> = lines.iter().filter(|l| l.contains(" in ")).collect();
    // a, b-broken, c in order (per-file header lines also start with the path).
    let dept_lines: Vec<String> = summaries
        .iter()
        .filter(|l| !l.contains(".toml"))
        .map(|l| l.to_string())
        .collect();
    assert_eq!(dept_lines.len(), 4, "{dept_lines:#?}");
    assert!(
        dept_lines[0].ends_with(&format!("/a: {single_counts}")),
        "{}",
        dept_lines[0]
    );
    assert!(
        dept_lines[1].contains("/b-broken: 1 error"),
        "{}",
        dept_lines[1]
    );
    assert!(
        dept_lines[2].ends_with(&format!("/c: {single_counts}")),
        "{}",
        dept_lines[2]
    );
    assert!(
        dept_lines[3].starts_with(&format!("{r}: 3 departments (1 with errors): 1 error")),
        "{}",
        dept_lines[3]
    );
    assert!(out.contains("scorecard::decimal"), "{out}");

    // JSON: one array with every finding of every department.
    let (code, json, _) = jixiao(&["check", r, "--format", "json"]);
    assert_eq!(code, 1);
    let all: serde_json::Value = serde_json::from_str(&json).unwrap();
    let (_, one, _) = jixiao(&["check", SEED, "--format", "json"]);
    let one: serde_json::Value = serde_json::from_str(&one).unwrap();
    let n = one.as_array().unwrap().len();
    let items = all.as_array().unwrap();
    assert!(items.len() > 2 * n, "{} items", items.len());
    assert!(items
        .iter()
        .any(|d| d["code"] == "scorecard::decimal"
            && d["file"].as_str().unwrap().contains("b-broken")));
}

/// Files a computer leaves beside the projects (macOS `._` resource forks, an editor's
/// lock file) are not projects: score, check and fmt leave them alone.
#[test]
fn hidden_files_in_projects_are_not_projects() {
    english();
    let tmp = tempfile::tempdir().unwrap();
    let dept = tmp.path().join("d");
    copy_dir(Path::new(SEED), &dept);
    let projects = dept.join("projects");
    std::fs::write(
        projects.join("._01-13028122P00306510001A.toml"),
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
    )
    .unwrap();
    std::fs::write(projects.join(".#02-lock.toml"), "root@host.1234:1700000000").unwrap();
    let d = dept.to_str().unwrap();
    let (code, out, err) = jixiao(&["score", d, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["projects"].as_array().map(Vec::len), Some(14));
    let (code, out, err) = jixiao(&["check", d]);
    assert!(!out.contains("._01") && !err.contains("._01"), "{out}{err}");
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = jixiao(&["fmt", d, "--check"]);
    assert!(!err.contains(".#02"), "{err}");
    assert_ne!(code, 2, "{err}");
}

/// Messages in English for this file's tests: the assertions and snapshots quote the
/// English messages (the command-line tests run the binary, whose default is Chinese).
/// Every test here calls it first; the language of a process is chosen once.
fn english() {
    jixiao::i18n::set(jixiao::i18n::Lang::En);
}
