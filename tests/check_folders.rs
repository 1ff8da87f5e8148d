//! `jixiao check`: the seed folder's real defects (snapshot of the text output), and the
//! small broken folders under `tests/check/`, one defect per row (snapshots plus the
//! codes each must produce), exit codes and the JSON shape.

use jixiao::check::{check_folder, CheckOptions};
use jixiao::policy::builtin_policy;
use std::path::Path;
use std::process::Command;

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
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn seed_defects_are_listed() {
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
            .map(|d| d.diagnostic.code)
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
    let text = check_text("tests/check/units-and-marks", true);
    assert!(text.contains("error[target::unread-text]"), "{text}");
    assert!(
        text.ends_with("1 error, 8 warnings, 2 advice in 2 files\n"),
        "{text}"
    );
}
