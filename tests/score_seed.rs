//! `jixiao score` on the seed department with its illustrative actuals: snapshots of all
//! four formats (each read against the default policy before it was accepted), and figures checked
//! by hand, row by row.

mod common;

use serde_json::Value;

const SEED: &str = "scorecards/zunhua-sfj-2022";

fn score(format: &str) -> (String, i32) {
    let out = common::jixiao()
        .args(["score", SEED, "--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run jixiao");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

fn json() -> Value {
    let (text, code) = score("json");
    assert_eq!(code, 0, "every row of the example scores");
    serde_json::from_str(&text).expect("valid json")
}

fn project<'a>(j: &'a Value, code: &str) -> &'a Value {
    j["projects"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["code"] == code))
        .unwrap_or_else(|| panic!("project {code}"))
}

fn row<'a>(p: &'a Value, id: &str) -> &'a Value {
    p["indicators"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("row {id}"))
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!("score_table", score("table").0);
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("score_markdown", score("markdown").0);
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!("score_csv", score("csv").0);
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("score_json", score("json").0);
}

/// (project code, row id, points, score, achieved) — each computed by hand below.
/// A row's expected figures: project, id, points, score, achieved.
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<bool>,
);

const ROWS: &[Expected] = &[
    // P1 qty1 ≥3个, 4个: met → full 12.50 (产出 50 over 4 rows).
    (
        "13028122P00306510001A",
        "qty1",
        "12.50",
        Some("12.50"),
        Some(true),
    ),
    // P1 qlt1 ≥70%, 65%: 12.5 × 65/70 = 11.607… → 11.61.
    (
        "13028122P00306510001A",
        "qlt1",
        "12.50",
        Some("11.61"),
        Some(false),
    ),
    // P1 cost1 ≥95%, blank: takes execution 9.86/10.00 = 98.6% ≥ 95% → 12.50.
    (
        "13028122P00306510001A",
        "cost1",
        "12.50",
        Some("12.50"),
        Some(true),
    ),
    // P1 env1 qualitative, 部分达成 75% (inside [60%, 80%)): 7.5 × 75% = 5.625 → 5.63.
    (
        "13028122P00306510001A",
        "env1",
        "7.50",
        Some("5.63"),
        Some(false),
    ),
    // P1 sat1 ≥80%, 172/190 = 90.53% → met, 10.00.
    (
        "13028122P00306510001A",
        "sat1",
        "10.00",
        Some("10.00"),
        Some(true),
    ),
    // P3 env1 不适用: no points, no score; 效益 30 over the 3 others = 10.00 each.
    ("13028122P002633100015", "env1", "0", None, None),
    (
        "13028122P002633100015",
        "sus1",
        "10.00",
        Some("10.00"),
        Some(true),
    ),
    // P4 qty1 ≥2000份, 1800份: 12.5 × 1800/2000 = 11.25.
    (
        "13028122P002630100014",
        "qty1",
        "12.50",
        Some("11.25"),
        Some(false),
    ),
    // P4 cost1 blank: execution 19.53/21.70 = 90% < 95%: 12.5 × 90/95 = 11.842… → 11.84.
    (
        "13028122P002630100014",
        "cost1",
        "12.50",
        Some("11.84"),
        Some(false),
    ),
    // P5 sus1 ≤10% (反向), 6%: met → 7.50.
    (
        "13028122P00263110001R",
        "sus1",
        "7.50",
        Some("7.50"),
        Some(true),
    ),
    // P6 eco1 按年初计划完成, 基本达成 (部分达成 band default 70%); 效益 30/3 = 10: 7.00.
    (
        "13028122P00262810001A",
        "eco1",
        "10.00",
        Some("7.00"),
        Some(false),
    ),
    // P8 sus1 ≤10 (reverse, unitless), 12: 7.5 × 10/12 = 6.25.
    (
        "13028122P003070100015",
        "sus1",
        "7.50",
        Some("6.25"),
        Some(false),
    ),
    // P9 cost1 2021年12月底前 (deadline), done 2022年12月20日: late → 12.5 × 70% = 8.75.
    (
        "13028122P00306310001Y",
        "cost1",
        "12.50",
        Some("8.75"),
        Some(false),
    ),
    // P10 qty1 `≥3数量，办案数量` (read leniently as ≥3), 5: met → 12.50.
    (
        "13028122P00306410001L",
        "qty1",
        "12.50",
        Some("12.50"),
        Some(true),
    ),
    // P10 qlt1 ≥50%, 60%: met → 12.50.
    (
        "13028122P00306410001L",
        "qlt1",
        "12.50",
        Some("12.50"),
        Some(true),
    ),
    // P13 time1 2022年12月底, 2023年1月10日: late → 12.5 × 70% = 8.75.
    (
        "13028122P00307110001T",
        "time1",
        "12.50",
        Some("8.75"),
        Some(false),
    ),
    // P13 env1 missing: listed, no score.
    ("13028122P00307110001T", "env1", "7.50", None, None),
    // P14 eco1 提升普法覆盖面, 部分达成 alone: 7.5 × 70% = 5.25.
    (
        "13028122P003062100019",
        "eco1",
        "7.50",
        Some("5.25"),
        Some(false),
    ),
    // P14 sat1 ≥90%, 89%: 10 × 89/90 = 9.888… → 9.89.
    (
        "13028122P003062100019",
        "sat1",
        "10.00",
        Some("9.89"),
        Some(false),
    ),
];

#[test]
fn rows_computed_by_hand() {
    let j = json();
    for (code, id, points, score, achieved) in ROWS {
        let r = row(project(&j, code), id);
        assert_eq!(r["points"], *points, "{code} {id} points");
        assert_eq!(r["score"].as_str(), *score, "{code} {id} score");
        assert_eq!(r["achieved"].as_bool(), *achieved, "{code} {id} achieved");
    }
}

#[test]
fn department_rows_computed_by_hand() {
    let j = json();
    let d = &j["department"];
    let r = |id: &str| {
        d["indicators"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["id"] == id))
            .unwrap_or_else(|| panic!("department row {id}"))
            .clone()
    };
    // 8 产出 rows share 50 → 6.25 each; 4 效益 rows share 30 → 7.50; 2 满意度 → 5.00.
    assert_eq!(r("qty1")["points"], "6.25");
    assert_eq!(r("soc1")["points"], "7.50");
    assert_eq!(r("sat2")["points"], "5.00");
    // soc2 比上年同期减少5%: baseline 2.3%, actual 2.1%: (2.3−2.1)/2.3 = 8.70% ≥ 5% → 7.50.
    assert_eq!(r("soc2")["score"], "7.50");
    // soc3 增长10%以上: baseline 1250件, actual 1320件: +5.6% of 10% → 7.5 × 0.56 = 4.20.
    assert_eq!(r("soc3")["score"], "4.20");
    // soc4 年增长3%, actual written as 增长3.5% → met, 7.50.
    assert_eq!(r("soc4")["score"], "7.50");
    // Department execution: Σspent 335.14 / Σ全年预算数 347.49 (P9 adjusted to 30.50)
    // = 96.4459…% → 9.644… → 9.64.
    assert_eq!(d["execution"]["score"], "9.64");
    // Total: 50 + (7.5 × 3 + 4.20) + 10 + 9.64 = 96.34 → 优.
    assert_eq!(d["score"], "96.34");
    assert_eq!(d["grade"], "优");
}

#[test]
fn two_project_totals_by_hand() {
    let j = json();
    // P1: 产出 12.50 + 11.61 + 12.50 (time1 on time) + 12.50 = 49.11;
    //     效益 7.50 + 7.50 (达成) + 7.50 (92% ≥ 90%) + 5.63 = 28.13; 满意度 10.00;
    //     execution 9.86/10.00 = 98.6% × 10 = 9.86. Total 49.11 + 28.13 + 10 + 9.86 = 97.10.
    let p1 = project(&j, "13028122P00306510001A");
    assert_eq!(p1["execution"]["score"], "9.86");
    assert_eq!(p1["score"], "97.10");
    assert_eq!(p1["grade"], "优");
    // P13: 产出 12.50 + 12.50 + 8.75 + 12.50 (cost1 = execution 100%) = 46.25;
    //      效益 7.50 × 3 + env1 missing = 22.50; 满意度 82% ≥ 80% = 10.00; execution 10.00.
    //      Total 46.25 + 22.50 + 10 + 10 = 88.75 → 良.
    let p13 = project(&j, "13028122P00307110001T");
    assert_eq!(p13["score"], "88.75");
    assert_eq!(p13["grade"], "良");
    assert_eq!(p13["missing"][0], "env1");
    // 项目支出综合得分 and grade counts.
    assert_eq!(j["department"]["grade_counts"]["优"], 13);
    assert_eq!(j["department"]["grade_counts"]["良"], 1);
}

#[test]
fn every_printed_total_is_the_sum_of_its_rows() {
    let j = json();
    let dec = |v: &Value| {
        v.as_str()
            .map(|s| s.parse::<rust_decimal::Decimal>().unwrap())
    };
    for p in j["projects"].as_array().unwrap() {
        let sum: rust_decimal::Decimal = p["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| dec(&r["score"]))
            .chain(dec(&p["execution"]["score"]))
            .sum();
        assert_eq!(dec(&p["score"]), Some(sum), "{}", p["code"]);
    }
}
