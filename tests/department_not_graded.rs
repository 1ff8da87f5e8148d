//! A department without indicators of its own: its 部门整体 score (own indicators 90 +
//! execution 10) cannot be computed, so it is not graded (不评级, with the reason) instead
//! of being graded 差 on its execution alone; `check` and `score` warn; projects score.

mod common;

use jixiao::evaluate::{evaluate, NOT_GRADED};
use jixiao::policy::builtin_policy;
use jixiao::scorecard::load::load_department;
use std::path::Path;

const NO_INDICATORS: &str = "tests/check/no-department-indicators";

#[test]
fn the_department_is_not_graded_and_its_projects_are() {
    let (dept, warnings) = load_department(Path::new(NO_INDICATORS)).unwrap();
    let codes: Vec<&str> = warnings
        .iter()
        .map(|w| w.diagnostic.code.as_str())
        .collect();
    assert_eq!(codes, ["scorecard::no-department-indicators"]);
    let actuals = jixiao::actuals::Actuals::default();
    let scored = evaluate(&dept, &actuals, &builtin_policy());
    let d = &scored.department;
    assert_eq!(d.grade, NOT_GRADED);
    assert!(d
        .not_graded
        .as_deref()
        .unwrap()
        .contains("部门整体得分无法计算"));
    assert!(d
        .execution
        .flags
        .iter()
        .any(|f| f.code == "no-department-indicators"));
    // Not counted among the grades, and the projects keep theirs.
    assert!(!d.grade_counts.contains_key(NOT_GRADED));
    assert_eq!(scored.projects.len(), 1);
    assert_ne!(scored.projects[0].grade, NOT_GRADED);
}

#[test]
fn a_department_with_indicators_is_graded() {
    let (dept, _) = load_department(Path::new("scorecards/zunhua-sfj-2022")).unwrap();
    let actuals = jixiao::actuals::load_actuals_for(
        Path::new("scorecards/zunhua-sfj-2022/actuals.toml"),
        &dept,
    )
    .unwrap();
    let scored = evaluate(&dept, &actuals, &builtin_policy());
    assert!(scored.department.not_graded.is_none());
    assert_ne!(scored.department.grade, NOT_GRADED);
}

#[test]
fn score_warns_and_prints_no_grade() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("actuals.toml"),
        "[projects.P006]\nspent = \"10\"\n",
    )
    .unwrap();
    for format in ["table", "json"] {
        let out = common::jixiao()
            .args(["score", NO_INDICATORS, "--actuals"])
            .arg(tmp.path().join("actuals.toml"))
            .args(["--format", format])
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains("警告[scorecard::no-department-indicators]"),
            "{stderr}"
        );
        assert!(stderr.contains("department.toml:1:8"), "{stderr}");
        if format == "table" {
            assert!(stdout.contains("自评等级：不评级"), "{stdout}");
            assert!(
                stdout.contains("部门整体自评得分：—　等级：不评级"),
                "{stdout}"
            );
            assert!(
                stdout.contains("※ 预算执行率 「部门未设整体指标」：部门未设整体绩效指标"),
                "{stdout}"
            );
            assert!(
                !stdout.contains("部门整体自评得分：10.00　等级：差"),
                "{stdout}"
            );
        } else {
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(v["department"]["grade"], NOT_GRADED);
            assert!(v["department"]["not_graded"].is_string(), "{stdout}");
        }
    }
}
