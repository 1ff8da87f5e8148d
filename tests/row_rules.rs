//! A scorecard row's own `rule` is checked by the loader against the way the row is
//! scored (`tests/cases/row_rules.csv`), so `check` and `score` both report a rule that
//! does not fit the row, at the rule's text, instead of scoring with it.

mod common;

use jixiao::diagnostic::render_file_diagnostics;
use jixiao::scorecard::load::load_project_str;
use std::path::Path;

fn project(target: &str, description: &str, direction: &str, rule: &str) -> String {
    let mut row = format!(
        "[[indicators]]\nid = \"r1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"指标\"\ntarget = \"{target}\"\nrule = \"{rule}\"\n"
    );
    if !description.is_empty() {
        row.push_str(&format!("description = \"{description}\"\n"));
    }
    if !direction.is_empty() {
        row.push_str(&format!("direction = \"{direction}\"\n"));
    }
    format!("code = \"P1\"\nname = \"项目\"\nunit = \"测试局\"\nbudget = \"10\"\n\n{row}")
}

#[test]
fn row_rules_are_checked_against_the_row() {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path("tests/cases/row_rules.csv")
        .unwrap();
    let mut n = 0;
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.unwrap();
        let f = |k: usize| rec.get(k).unwrap_or("");
        let (target, description, direction, rule, code, underlined) =
            (f(0), f(1), f(2), f(3), f(4), f(5));
        n += 1;
        let src = project(target, description, direction, rule);
        let diags = match load_project_str(Path::new("p.toml"), &src) {
            Ok((_, warnings)) => warnings,
            Err(e) => e,
        };
        let text = render_file_diagnostics(&diags);
        let codes: Vec<&str> = diags
            .iter()
            // Errors, and the rule's own warnings (`rule::no-effect`).
            .filter(|d| d.is_error() || d.diagnostic.code.starts_with("rule::"))
            .map(|d| d.diagnostic.code.as_str())
            .collect();
        let want: Vec<&str> = if code.is_empty() { vec![] } else { vec![code] };
        assert_eq!(codes, want, "case {}: {target} / {rule}\n{text}", i + 1);
        if !underlined.is_empty() {
            // The underline sits under that part of the rule, on the rule's line.
            let d = &diags[0].diagnostic;
            assert_eq!(&src[d.span.start..d.span.end], underlined, "{text}");
            let rule_line = src.find("rule = ").unwrap();
            assert!(d.span.start > rule_line, "{text}");
            assert!(diags[0].diagnostic.help.is_some(), "{text}");
        }
    }
    assert!(n >= 25, "{n} cases");
}

fn d1(rule_row: &str, actual: &str) -> tempfile::TempDir {
    let tmp = common::department_d1();
    let dir = tmp.path();
    std::fs::write(
        dir.join("projects/01-P1.toml"),
        format!(
            "code = \"P1\"\nname = \"项目一\"\nunit = \"测试局\"\nbudget = \"100.00\"\n\n{rule_row}\n[[indicators]]\nid = \"sat1\"\nlevel1 = \"满意度指标\"\nlevel2 = \"服务对象满意度指标\"\nname = \"满意度\"\ntarget = \"≥90%\"\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("actuals.toml"),
        format!("[projects.P1]\nspent = \"100\"\n[projects.P1.rows]\nr1 = \"{actual}\"\nsat1 = \"90%\"\n"),
    )
    .unwrap();
    tmp
}

fn run(cmd: &str, dir: &Path) -> (Option<i32>, String) {
    let out = common::jixiao().arg(cmd).arg(dir).output().unwrap();
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn the_reviewers_rows_are_refused_by_check_and_score() {
    // `≥100份` with `linear zero at 2T` and 40份 scored 50/50; `≤10%` with
    // `linear zero at 0.5T` and 15% scored 30/30. Both are errors at the rule now.
    for (target, level, rule, actual, at) in [
        (
            "≥100份",
            "产出指标\"\nlevel2 = \"数量指标",
            "linear zero at 2T",
            "40份",
            "2T",
        ),
        (
            "≤10%",
            "效益指标\"\nlevel2 = \"社会效益指标",
            "linear zero at 0.5T",
            "15%",
            "0.5T",
        ),
    ] {
        let row = format!(
            "[[indicators]]\nid = \"r1\"\nlevel1 = \"{level}\"\nname = \"r1\"\ntarget = \"{target}\"\nrule = \"{rule}\"\n"
        );
        let tmp = d1(&row, actual);
        for cmd in ["check", "score"] {
            let (code, text) = run(cmd, tmp.path());
            assert_eq!(code, Some(1), "{cmd}: {text}");
            assert!(text.contains("错误[rule::zero-point]："), "{cmd}: {text}");
            let file = tmp.path().join("projects/01-P1.toml");
            assert!(
                text.contains(&format!("{}:12:24\n", file.display())),
                "{cmd}: {text}"
            );
            let caret = format!("{} 零点", "^".repeat(at.len()));
            assert!(text.contains(&caret), "{cmd}: {text}");
        }
    }
}

#[test]
fn a_fitting_row_rule_still_scores() {
    let row = "[[indicators]]\nid = \"r1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"r1\"\ntarget = \"≥100份\"\nrule = \"linear zero at 0.5T\"\n";
    let tmp = d1(row, "75份");
    let (code, text) = run("check", tmp.path());
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = run("score", tmp.path());
    assert_eq!(code, Some(0), "{text}");
    // No 效益 row: 产出 takes 50 + 30 × 50/60 = 75 points; 75 × (0.75 − 0.5)/(1 − 0.5).
    assert!(text.contains("┆ 75份       ┆ 75.00  ┆ 37.50"), "{text}");
}

/// `explain` re-computes a row under its own rule, and names that rule (the scorecard's,
/// not the policy's).
#[test]
fn explain_uses_the_row_rule() {
    let row = "[[indicators]]\nid = \"r1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"r1\"\ntarget = \"≥100份\"\nrule = \"linear zero at 0.5T\"\n";
    let tmp = d1(row, "75份");
    let out = common::jixiao()
        .arg("explain")
        .arg(tmp.path())
        .args(["--project", "P1", "--indicator", "r1", "--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let r = &v["rows"][0];
    assert_eq!(r["score"], "37.50", "{text}");
    let exact = r["numbers"]
        .as_array()
        .and_then(|n| n.iter().find(|x| x["key"] == "exact"))
        .map(|x| x["value"].clone());
    assert_eq!(exact, Some(serde_json::json!("37.5")), "{text}");
    assert_eq!(r["rule_ref"]["key"], "rule", "{text}");
    assert_eq!(r["rule_ref"]["text"], "linear zero at 0.5T", "{text}");
}

/// A rule on a row the policy's bands score (a range, a deadline, a qualitative target)
/// would be ignored: it is a warning at the rule, and the row scores as before.
#[test]
fn a_rule_on_a_range_deadline_or_qualitative_row_is_a_warning() {
    for (target, actual) in [
        ("90%-95%", "92%"),
        ("2022年12月底前", "2022年11月30日"),
        ("按计划完成", "达成"),
    ] {
        let row = format!("[[indicators]]\nid = \"r1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"r1\"\ntarget = \"{target}\"\nrule = \"proportional\"\n");
        let tmp = d1(&row, actual);
        for cmd in ["check", "score"] {
            let (code, text) = run(cmd, tmp.path());
            assert_eq!(code, Some(0), "{cmd} {target}: {text}");
            assert!(
                text.contains("警告[rule::no-effect]："),
                "{cmd} {target}: {text}"
            );
        }
    }
}
