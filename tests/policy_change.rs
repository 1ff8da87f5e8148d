//! Changing one rule in a copy of the default policy changes exactly the scores it should,
//! on the seed department with its example actuals.

use jixiao::actuals::load_actuals;
use jixiao::evaluate::{evaluate, ScoredDepartment};
use jixiao::policy::{parse_policy, DEFAULT_POLICY_TOML};
use jixiao::scorecard::load::load_department;
use std::collections::BTreeMap;
use std::path::Path;

fn seed(policy_text: &str) -> ScoredDepartment {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards/zunhua-sfj-2022");
    let (dept, _) = load_department(&root).expect("seed loads");
    let actuals = load_actuals(&root.join("actuals.toml"), &dept.code).expect("actuals load");
    let policy = parse_policy("copy.toml", policy_text).expect("policy loads");
    evaluate(&dept, &actuals, &policy)
}

/// Every row score as "project/id" → score text.
fn row_scores(s: &ScoredDepartment) -> BTreeMap<String, Option<String>> {
    let mut m = BTreeMap::new();
    for r in &s.department.indicators {
        m.insert(format!("dept/{}", r.id), r.score.map(|x| x.to_string()));
    }
    for p in &s.projects {
        for r in &p.indicators {
            m.insert(
                format!("{}/{}", p.code, r.id),
                r.score.map(|x| x.to_string()),
            );
        }
    }
    m
}

fn changed(a: &ScoredDepartment, b: &ScoredDepartment) -> Vec<String> {
    let (x, y) = (row_scores(a), row_scores(b));
    x.iter()
        .filter(|(k, v)| y.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect()
}

fn replace_line(text: &str, key: &str, new_line: &str) -> String {
    let mut found = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with(key) && !found {
                found = true;
                new_line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(found, "the default policy has a `{key}` line");
    out.join("\n") + "\n"
}

#[test]
fn the_default_copy_changes_nothing() {
    let a = seed(DEFAULT_POLICY_TOML);
    let copy = format!("{DEFAULT_POLICY_TOML}\n");
    let b = seed(&copy);
    assert!(changed(&a, &b).is_empty());
}

#[test]
fn linear_reverse_moves_only_the_missed_reverse_row() {
    let base = seed(DEFAULT_POLICY_TOML);
    let text = replace_line(
        DEFAULT_POLICY_TOML,
        "reverse ",
        r#"reverse = "linear zero at 2T""#,
    );
    let new = seed(&text);
    // Reverse rows in the example: P5 sus1 6% ≤10% (met), P8 sus1 12 vs ≤10 (missed),
    // P9 qty1 58人 ≤60人 (met), department soc1 6% ≤10% (met). Only the missed one moves:
    // 7.5 × 10/12 = 6.25 → 7.5 × (1 − (12−10)/10) = 6.00.
    assert_eq!(changed(&base, &new), ["13028122P003070100015/sus1"]);
    let p8 = |s: &ScoredDepartment| {
        s.projects
            .iter()
            .find(|p| p.code == "13028122P003070100015")
            .map(|p| {
                (
                    p.score.to_string(),
                    p.indicators
                        .iter()
                        .find(|r| r.id == "sus1")
                        .and_then(|r| r.score)
                        .map(|x| x.to_string()),
                )
            })
    };
    assert_eq!(p8(&base), Some(("98.75".into(), Some("6.25".into()))));
    assert_eq!(p8(&new), Some(("98.50".into(), Some("6.00".into()))));
}

#[test]
fn late_delivery_at_50_percent_moves_only_late_rows() {
    let base = seed(DEFAULT_POLICY_TOML);
    let text = replace_line(
        DEFAULT_POLICY_TOML,
        "deadline ",
        r#"deadline = "逾期 50%; 每逾期一月扣 0%; 最低 0%; 未完成 30%; 无完成日期 100%""#,
    );
    let new = seed(&text);
    // Late rows: P9 cost1 (2022-12-20 vs 2021-12-31) and P13 time1 (2023-01-10):
    // 12.5 × 70% = 8.75 → 12.5 × 50% = 6.25.
    assert_eq!(
        changed(&base, &new),
        ["13028122P00306310001Y/cost1", "13028122P00307110001T/time1"]
    );
}

#[test]
fn grade_bands_move_grades_not_scores() {
    let base = seed(DEFAULT_POLICY_TOML);
    let text = replace_line(
        DEFAULT_POLICY_TOML,
        "grades ",
        r#"grades = "优 ≥ 98; 良 ≥ 80; 中 ≥ 60; 差 < 60""#,
    );
    let new = seed(&text);
    assert!(changed(&base, &new).is_empty(), "no row score moves");
    let grades = |s: &ScoredDepartment| s.projects.iter().filter(|p| p.grade == "优").count();
    // Projects at or above 98 in the example: P2 99.50, P3 100.00, P5 98.62, P7 98.34,
    // P8 98.75, P11 99.70, P12 99.60 → 7 stay 优.
    assert_eq!(grades(&base), 13);
    assert_eq!(grades(&new), 7);
}

/// The note under every 自评表 follows the policy's level weights: the national form's own
/// sentence under the default, the policy's levels when a bureau changes them (HTML footer
/// and the xlsx note read it).
#[test]
fn the_level_note_follows_the_policy() {
    let default = seed(DEFAULT_POLICY_TOML);
    assert_eq!(
        default.level_note,
        "注：一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。"
    );
    let text = DEFAULT_POLICY_TOML.replace(
        "levels = \"产出指标 50; 效益指标 30; 满意度指标 10; 预算执行率 10\"",
        "levels = \"产出指标 40; 效益指标 40; 满意度指标 10; 预算执行率 10\"",
    );
    let changed = seed(&text);
    assert!(
        changed
            .level_note
            .contains("产出指标40分、效益指标40分、满意度指标10分、预算执行率10分"),
        "{}",
        changed.level_note
    );
    let html = String::from_utf8(
        jixiao::report::render_bytes(&changed, jixiao::report::Format::Html).unwrap_or_default(),
    )
    .unwrap_or_default();
    assert!(html.contains("产出指标40分、效益指标40分"), "footer");
    assert!(!html.contains("产出指标50分"), "footer");
}
