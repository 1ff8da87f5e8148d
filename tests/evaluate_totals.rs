//! The evaluator's arithmetic: points shared by largest remainder, 不适用 moves, and the
//! property that every printed total equals the sum of the printed rows.

use jixiao::actuals::{Actuals, ProjectActuals, RowActual};
use jixiao::evaluate::evaluate;
use jixiao::parse::{parse_target, Strictness};
use jixiao::score::Policy;
use jixiao::scorecard::{Department, Indicator, Project};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn ind(id: &str, level1: &str, level2: &str, target: &str) -> Indicator {
    Indicator {
        id: id.into(),
        level1: level1.into(),
        level2: level2.into(),
        label1: None,
        label2: None,
        name: format!("{level2}{id}"),
        description: String::new(),
        target_text: target.into(),
        target: parse_target(target, Strictness::Lenient)
            .ok()
            .map(|p| p.value),
        target_diagnostics: Vec::new(),
        basis: String::new(),
        points: None,
        published_points: None,
        direction: None,
        rule: None,
        area: None,
        origin: Default::default(),
    }
}

fn project(code: &str, budget: &str, indicators: Vec<Indicator>) -> Project {
    Project {
        code: code.into(),
        name: format!("项目{code}"),
        unit: "单位".into(),
        budget: Decimal::from_str(budget).unwrap(),
        adjusted_budget: None,
        fiscal_funds: None,
        other_funds: None,
        carryover: None,
        purpose: String::new(),
        spending_plan: Vec::new(),
        goals: Vec::new(),
        indicators,
        file: Default::default(),
    }
}

fn dept(projects: Vec<Project>) -> Department {
    Department {
        code: "D".into(),
        name: "部门".into(),
        fiscal_year: 2022,
        units: vec![],
        goals: String::new(),
        safeguards: String::new(),
        areas: vec![],
        indicators: vec![],
        projects,
        folder: Default::default(),
    }
}

fn row(actual: &str) -> RowActual {
    RowActual {
        actual: Some(actual.into()),
        reason: Some("原因".into()),
        ..Default::default()
    }
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The seed's shape: 4 产出, 4 效益, 1 满意度 rows.
fn seed_like() -> Vec<Indicator> {
    vec![
        ind("qty1", "产出指标", "数量指标", "≥2000份"),
        ind("qlt1", "产出指标", "质量指标", "≥95%"),
        ind("time1", "产出指标", "时效指标", "2022年12月底"),
        ind("cost1", "产出指标", "成本指标", "≥95%"),
        ind("sus1", "效益指标", "可持续影响指标", "≥90%"),
        ind("eco1", "效益指标", "经济效益指标", "提升普法覆盖面"),
        ind("soc1", "效益指标", "社会效益指标", "≥90%"),
        ind("env1", "效益指标", "生态效益指标", "宣传环保"),
        ind("sat1", "满意度指标", "服务对象满意度指标", "≥80%"),
    ]
}

#[test]
fn seed_shape_gets_12_5_7_5_and_10_points() {
    let dep = dept(vec![project("P1", "10.00", seed_like())]);
    let s = evaluate(&dep, &Actuals::default(), &Policy::default());
    let pts: Vec<String> = s.projects[0]
        .indicators
        .iter()
        .map(|r| r.points.to_string())
        .collect();
    assert_eq!(
        pts,
        ["12.50", "12.50", "12.50", "12.50", "7.50", "7.50", "7.50", "7.50", "10.00"]
    );
}

#[test]
fn not_applicable_points_move_within_the_level() {
    let dep = dept(vec![project("P1", "10.00", seed_like())]);
    let mut a = Actuals::default();
    let mut pa = ProjectActuals {
        spent: Some(d("10")),
        ..Default::default()
    };
    pa.rows.insert("eco1".into(), row("不适用"));
    a.projects.insert("P1".into(), pa);
    let s = evaluate(&dep, &a, &Policy::default());
    let p = &s.projects[0];
    let eco = p.indicators.iter().find(|r| r.id == "eco1").unwrap();
    assert_eq!(eco.points, Decimal::ZERO);
    assert_eq!(eco.score, None);
    // 30 over the three applicable 效益 rows.
    for id in ["sus1", "soc1", "env1"] {
        assert_eq!(
            p.indicators.iter().find(|r| r.id == id).unwrap().points,
            d("10")
        );
    }
}

#[test]
fn a_whole_level_not_applicable_moves_to_the_other_levels_by_weight() {
    let dep = dept(vec![project("P1", "10.00", seed_like())]);
    let mut a = Actuals::default();
    let mut pa = ProjectActuals::default();
    pa.rows.insert("sat1".into(), row("不适用"));
    a.projects.insert("P1".into(), pa);
    let s = evaluate(&dep, &a, &Policy::default());
    let p = &s.projects[0];
    // 10 points → 产出 +6.25 (56.25 over 4 rows = 14.0625 → cents by largest remainder),
    // 效益 +3.75 (33.75 over 4 rows = 8.4375).
    let sum = |l: &str| -> Decimal {
        p.indicators
            .iter()
            .filter(|r| r.level1 == l)
            .map(|r| r.points)
            .sum()
    };
    assert_eq!(sum("产出指标"), d("56.25"));
    assert_eq!(sum("效益指标"), d("33.75"));
    let qty: Vec<String> = p
        .indicators
        .iter()
        .take(4)
        .map(|r| r.points.to_string())
        .collect();
    assert_eq!(qty, ["14.07", "14.06", "14.06", "14.06"]);
}

#[test]
fn missing_actuals_are_listed_not_zeroed_silently() {
    let dep = dept(vec![project("P1", "10.00", seed_like())]);
    let s = evaluate(&dep, &Actuals::default(), &Policy::default());
    let p = &s.projects[0];
    assert_eq!(p.missing.len(), 9);
    assert_eq!(s.department.missing.len(), 9);
    assert!(p
        .indicators
        .iter()
        .filter(|r| r.id != "time1")
        .all(|r| r.score.is_none()));
    // The deadline row with no actual counts as not done (30%), and is still listed.
    assert_eq!(p.indicators[2].score, Some(d("3.75")));
}

#[test]
fn composite_is_budget_weighted() {
    let dep = dept(vec![
        project(
            "P1",
            "30.00",
            vec![ind("a", "产出指标", "数量指标", "≥10份")],
        ),
        project(
            "P2",
            "10.00",
            vec![ind("a", "产出指标", "数量指标", "≥10份")],
        ),
    ]);
    let mut a = Actuals::default();
    for (code, act) in [("P1", "10份"), ("P2", "5份")] {
        let mut pa = ProjectActuals {
            spent: Some(d("10")),
            adjusted_budget: Some(d("10")),
            ..Default::default()
        };
        pa.rows.insert("a".into(), row(act));
        a.projects.insert(code.into(), pa);
    }
    let s = evaluate(&dep, &a, &Policy::default());
    // P1: 50 + 10 = 60 (效益/满意度 levels have no rows: their 40 move to 产出 → 90 + 10 = 100).
    assert_eq!(s.projects[0].score, d("100.00"));
    assert_eq!(s.projects[1].score, d("55.00"));
    assert_eq!(s.department.projects_composite, Some(d("77.50")));
}

const TARGETS: &[&str] = &[
    "≥2000份",
    "≥95%",
    "≤10%",
    "2022年12月底",
    "按年初计划完成",
    "90%-95%",
    "比上年同期减少5%",
    "=0",
    "≥3个",
];
const ACTUALS: &[&str] = &[
    "2300份",
    "1800份",
    "91.3%",
    "12%",
    "2022年11月20日",
    "2023年2月1日",
    "未完成",
    "达成",
    "部分达成",
    "部分达成 65%",
    "不适用",
    "",
    "172/190",
    "abc",
    "3个",
    "1",
    "95",
    "减少6%",
    "0",
];
const LEVELS: &[&str] = &["产出指标", "效益指标", "满意度指标"];

/// Rows as (level, target, actual, explicit points) indexes, and the amount spent.
type GenProject = (Vec<(usize, usize, usize, Option<u8>)>, String);

fn arb_project() -> impl Strategy<Value = GenProject> {
    (
        prop::collection::vec(
            (
                0..LEVELS.len(),
                0..TARGETS.len(),
                0..ACTUALS.len(),
                prop::option::of(0u8..30),
            ),
            1..14,
        ),
        "[0-9]{1,3}\\.[0-9]{2}",
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn printed_total_is_the_sum_of_printed_rows(projects in prop::collection::vec(arb_project(), 1..4), rescale in any::<bool>()) {
        let mut ps = Vec::new();
        let mut a = Actuals::default();
        for (pi, (rows, spent)) in projects.iter().enumerate() {
            let code = format!("P{pi}");
            let mut inds = Vec::new();
            let mut pa = ProjectActuals { spent: Some(d(spent)), ..Default::default() };
            for (ri, (l, t, act, pts)) in rows.iter().enumerate() {
                let id = format!("r{ri}");
                let mut i = ind(&id, LEVELS[*l], "数量指标", TARGETS[*t]);
                i.points = pts.map(Decimal::from);
                inds.push(i);
                if !ACTUALS[*act].is_empty() {
                    pa.rows.insert(id, RowActual { actual: Some(ACTUALS[*act].into()), baseline: Some("200".into()), ..Default::default() });
                }
            }
            a.projects.insert(code.clone(), pa);
            ps.push(project(&code, "100.00", inds));
        }
        let mut policy = Policy::default();
        if rescale {
            policy.not_applicable = jixiao::score::policy::NotApplicable::Rescale;
        }
        let s = evaluate(&dept(ps), &a, &policy);
        let json: serde_json::Value = serde_json::to_value(&s).unwrap();
        for p in json["projects"].as_array().unwrap() {
            let mut sum = Decimal::ZERO;
            for r in p["indicators"].as_array().unwrap() {
                if let Some(x) = r["score"].as_str() { sum += d(x); }
            }
            if let Some(x) = p["execution"]["score"].as_str() { sum += d(x); }
            let total = d(p["score"].as_str().unwrap());
            let na = p["indicators"].as_array().unwrap().iter().any(|r| r["status"] == "not_applicable");
            if !(rescale && na) {
                prop_assert_eq!(total, sum);
            }
            // Points never exceed the policy's total and every row's points are in cents.
            let pts: Decimal = p["indicators"].as_array().unwrap().iter().map(|r| d(r["points"].as_str().unwrap())).sum();
            prop_assert!(pts.scale() <= 2);
        }
    }
}
