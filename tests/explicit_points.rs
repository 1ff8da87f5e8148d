//! Explicit `points` on rows: `score` keeps them and agrees with `check` (the cases are in
//! `tests/cases/explicit_points.toml`), no total passes 100, and `explain` states the
//! points the score used.

mod common;

use jixiao::check::{check_folder, CheckOptions};
use jixiao::evaluate::evaluate;
use jixiao::policy::builtin_policy;
use jixiao::score::Status;
use jixiao::scorecard::load::load_department;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    #[serde(default)]
    qty2: bool,
    #[serde(default)]
    points: BTreeMap<String, String>,
    #[serde(default)]
    na: Vec<String>,
    total: String,
    expect_points: BTreeMap<String, String>,
    errors: Vec<String>,
    check: String,
}

fn row(id: &str, level1: &str, level2: &str, target: &str, points: Option<&String>) -> String {
    let points = points
        .map(|p| format!("points = \"{p}\"\n"))
        .unwrap_or_default();
    format!("\n[[indicators]]\nid = \"{id}\"\nlevel1 = \"{level1}\"\nlevel2 = \"{level2}\"\nname = \"{id}\"\ntarget = \"{target}\"\n{points}")
}

fn folder(c: &Case) -> tempfile::TempDir {
    let tmp = common::department_d1();
    let dir = tmp.path();
    let mut rows = vec![("qty1", "产出指标", "数量指标", "≥100份", "100份")];
    if c.qty2 {
        rows.push(("qty2", "产出指标", "数量指标", "≥10次", "10次"));
    }
    rows.push(("soc1", "效益指标", "社会效益指标", "≥90%", "90%"));
    rows.push(("sat1", "满意度指标", "服务对象满意度指标", "≥90%", "90%"));
    let mut project =
        String::from("code = \"P1\"\nname = \"项目一\"\nunit = \"测试局\"\nbudget = \"100.00\"\n");
    let mut actuals = String::from("[projects.P1]\nspent = \"100\"\n[projects.P1.rows]\n");
    for (id, l1, l2, target, actual) in rows {
        project.push_str(&row(id, l1, l2, target, c.points.get(id)));
        let actual = if c.na.iter().any(|n| n == id) {
            "不适用"
        } else {
            actual
        };
        actuals.push_str(&format!("{id} = \"{actual}\"\n"));
    }
    std::fs::write(dir.join("projects/01-P1.toml"), project).unwrap();
    std::fs::write(dir.join("actuals.toml"), actuals).unwrap();
    tmp
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn explicit_points_cases() {
    // The cases file quotes the English messages.
    jixiao::i18n::set(jixiao::i18n::Lang::En);
    let text = std::fs::read_to_string("tests/cases/explicit_points.toml").unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    assert!(cases.case.len() >= 10);
    let policy = builtin_policy();
    for c in &cases.case {
        let tmp = folder(c);
        let (dept, _) = load_department(tmp.path()).unwrap();
        let actuals =
            jixiao::actuals::load_actuals_for(&tmp.path().join("actuals.toml"), &dept).unwrap();
        let scored = evaluate(&dept, &actuals, &policy);
        let p = &scored.projects[0];
        assert_eq!(p.score, dec(&c.total), "{}: total", c.name);
        assert!(p.score <= Decimal::ONE_HUNDRED, "{}", c.name);
        for (id, want) in &c.expect_points {
            let r = p.indicators.iter().find(|r| &r.id == id).unwrap();
            assert_eq!(r.points, dec(want), "{}: points of {id}", c.name);
        }
        let errors: Vec<&str> = p
            .indicators
            .iter()
            .filter(|r| r.status == Status::Error)
            .map(|r| r.id.as_str())
            .collect();
        let mut want_errors: Vec<&str> = c.errors.iter().map(String::as_str).collect();
        let mut got_errors = errors.clone();
        want_errors.sort();
        got_errors.sort();
        assert_eq!(got_errors, want_errors, "{}: rows left unscored", c.name);
        // `check` says the same thing.
        let report = check_folder(tmp.path(), &policy, CheckOptions { strict: false });
        let found: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.diagnostic.code == "check::points")
            .map(|d| {
                let sev = if d.is_error() { "error" } else { "warning" };
                format!("{sev}: {}", d.diagnostic.message)
            })
            .collect();
        if c.check.is_empty() {
            assert!(found.is_empty(), "{}: {found:?}", c.name);
        } else {
            assert_eq!(found, std::slice::from_ref(&c.check), "{}", c.name);
        }
        // An error of check is an error row of score with the same message.
        if c.check.starts_with("error: ") {
            let msg = c.check.trim_start_matches("error: ");
            for r in p.indicators.iter().filter(|r| r.status == Status::Error) {
                let e = r.error.as_deref().unwrap_or("");
                assert!(e.starts_with(msg), "{}: {e}", c.name);
                assert!(r.score.is_none());
            }
        }
        if c.check.starts_with("warning: ") {
            let qty2 = p.indicators.iter().find(|r| r.id == "qty2").unwrap();
            assert!(
                qty2.flags.iter().any(|f| f.code == "no-points-left"),
                "{}: {:?}",
                c.name,
                qty2.flags
            );
        }
    }
}

#[test]
fn score_exits_1_and_explain_agrees() {
    let c = Case {
        name: "0 on qty1".into(),
        qty2: false,
        points: [("qty1".to_string(), "0".to_string())].into(),
        na: vec![],
        total: "50.00".into(),
        expect_points: BTreeMap::new(),
        errors: vec![],
        check: String::new(),
    };
    let tmp = folder(&c);
    let run = |cmd: &str, rest: &[&str]| {
        let out = common::jixiao()
            .arg(cmd)
            .arg(tmp.path())
            .args(rest)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run("score", &[]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("总分"), "{out}");
    assert!(
        !out.contains("110.00") && !out.contains("50.00  ┆ 50.00"),
        "{out}"
    );
    assert!(out.contains("add up to 0, not the level's 50"), "{out}");
    assert!(err.contains("1 行无法评分"), "{err}");
    let (_, out, _) = run("explain", &["--project", "P1", "--indicator", "qty1"]);
    assert!(out.contains("分值        0：记分卡本行指定分值 0"), "{out}");
    assert!(out.contains("得分        — / 0"), "{out}");
    assert!(!out.contains("分值 50"), "{out}");
}
