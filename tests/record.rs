//! The scoring record is the one place a row's numbers live: `explain` prints what the
//! scorer recorded (never a second computation), a row's own rule is the rule explain
//! names and the formula it applied, and an evaluation reads its actuals with its own
//! policy's vocabulary, whichever policy was loaded last.

mod common;

use jixiao::actuals::load_actuals_for;
use jixiao::evaluate::{evaluate, IndicatorResult, ScoredDepartment};
use jixiao::policy::{builtin_policy_with_origins, load_policy, RuleOrigins};
use jixiao::report::explain::{explain, RowExplanation};
use jixiao::score::{Formula, Policy};
use jixiao::scorecard::load::load_department;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

const SEED: &str = "scorecards/zunhua-sfj-2022";

fn scored(folder: &Path, policy: &Policy) -> ScoredDepartment {
    let (dept, _) = load_department(folder).expect("the folder loads");
    let actuals = load_actuals_for(&folder.join("actuals.toml"), &dept).expect("actuals load");
    evaluate(&dept, &actuals, policy)
}

fn number(e: &RowExplanation, key: &str) -> Option<Decimal> {
    let n = e.numbers.iter().find(|n| n.key == key)?;
    Decimal::from_str(n.value.trim_end_matches('%')).ok()
}

/// Every figure on a row's `数值` line is the record's, and the record's exact value
/// rounds to the printed score.
fn assert_explained_as_recorded(code: &str, r: &IndicatorResult, e: &RowExplanation) {
    let at = format!("{code} {}", r.id);
    assert_eq!(number(e, "w"), Some(r.points), "{at}: w");
    assert_eq!(e.score, r.score, "{at}: score");
    let Some(trace) = r.trace.as_ref().filter(|_| r.score.is_some()) else {
        assert_eq!(e.numbers.len(), 1, "{at}: an unscored row shows w only");
        return;
    };
    let f = &trace.figures;
    let pairs = [
        ("T", f.target),
        ("L", f.low),
        ("H", f.high),
        ("B", f.baseline),
        ("A", f.actual),
        ("r", f.required),
        ("c", f.change),
        ("share", f.share),
        ("exact", r.exact),
    ];
    for (key, want) in pairs {
        assert_eq!(number(e, key), want.map(|x| x.normalize()), "{at}: {key}");
    }
    let exact = r.exact.expect("a scored row has an exact value");
    assert_eq!(
        r.score,
        Some(exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)),
        "{at}: the score is the exact value rounded once"
    );
}

#[test]
fn explain_shows_the_numbers_of_the_record_for_every_seed_row() {
    let (policy, origins) = builtin_policy_with_origins();
    let s = scored(Path::new(SEED), &policy);
    let mut scopes: Vec<(&str, &[IndicatorResult])> =
        vec![(s.department.code.as_str(), &s.department.indicators)];
    scopes.extend(
        s.projects
            .iter()
            .map(|p| (p.code.as_str(), p.indicators.as_slice())),
    );
    let mut rows = 0;
    for (code, results) in scopes {
        let ex = explain(&s, &policy, &origins, code, None).expect("explained");
        assert_eq!(ex.rows.len(), results.len(), "{code}");
        for (r, e) in results.iter().zip(&ex.rows) {
            assert_eq!(r.id, e.id, "{code}: same order");
            assert_explained_as_recorded(code, r, e);
            rows += 1;
        }
    }
    assert!(rows > 100, "only {rows} rows explained");
}

#[test]
fn a_row_rule_is_the_rule_explain_names_and_the_formula_applied() {
    let tmp = common::department_d1();
    let dir = tmp.path();
    let row = "[[indicators]]\nid = \"r1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"r1\"\ntarget = \"≥100份\"\nrule = \"linear zero at 0.5T\"\n";
    write_p1(dir, row, "75份");
    let (policy, origins) = builtin_policy_with_origins();
    let s = scored(dir, &policy);
    let p = s.projects.iter().find(|p| p.code == "P1").expect("P1");
    let r = p.indicators.iter().find(|r| r.id == "r1").expect("r1");
    let trace = r.trace.as_ref().expect("traced");
    let own = Formula::Linear {
        zero_at: Decimal::new(5, 1),
    };
    assert!(trace.own_rule);
    assert_eq!(trace.formula_used.as_ref(), Some(&own));
    assert_ne!(policy.positive, own, "the policy's formula is another one");
    // 90 points for the one row (产出 50, with 效益 30 and 满意度 10 moved to it):
    // 90 × (0.75 − 0.5)/(1 − 0.5) = 45 under the row's rule (proportional would give 67.5).
    let ex = explain(&s, &policy, &origins, "P1", Some("r1")).expect("explained");
    let e = &ex.rows[0];
    assert_explained_as_recorded("P1", r, e);
    let rule = e.rule_ref.as_ref().expect("a rule reference");
    assert_eq!(
        (rule.key.as_str(), rule.text.as_str()),
        ("rule", "linear zero at 0.5T")
    );
    assert!(rule.at.ends_with("01-P1.toml"), "{}", rule.at);
    assert!(
        !rule.at.contains(&origins.file),
        "not the policy file: {}",
        rule.at
    );
    assert_eq!(number(e, "exact"), Some(Decimal::from(45)));
}

#[test]
fn an_evaluation_uses_its_own_policys_vocabulary() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vocabulary");
    let tmp = common::department_d1();
    let dir = tmp.path();
    let row = "[[indicators]]\nid = \"r1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"r1\"\ntarget = \"≥45厘米\"\n";
    write_p1(dir, row, "50公分");
    let with_words = load_policy(fixture.join("policy.toml")).expect("policy");
    // Loaded last: its (default) vocabulary is the process-wide one now.
    let (default, _): (Policy, RuleOrigins) = builtin_policy_with_origins();
    let _ = load_policy(Path::new("scorecards/policies/default.toml")).expect("default");
    let row = |s: &ScoredDepartment| {
        let p = s.projects.iter().find(|p| p.code == "P1").expect("P1");
        let r = p.indicators.iter().find(|r| r.id == "r1").expect("r1");
        (r.score, r.status)
    };
    // 公分 = 厘米 only under the policy that says so, in either order.
    for _ in 0..2 {
        let (score, _) = row(&scored(dir, &with_words));
        assert_eq!(
            score,
            Some(Decimal::new(9000, 2)),
            "50公分 ≥ 45厘米: full points"
        );
        let (score, _) = row(&scored(dir, &default));
        assert_eq!(score, None, "公分 is no unit of the default vocabulary");
    }
}

/// `--width` and `--ascii` reach `explain` and `diff` as they reach the score tables.
#[test]
fn explain_and_diff_text_take_width_and_ascii() {
    use unicode_width::UnicodeWidthStr;
    let run = |args: &[&str]| {
        let out = common::jixiao().args(args).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // diff exits 1 when scores move.
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.is_empty(), "{args:?}");
        text
    };
    let p = "13028122P003070100015";
    let plain = run(&["explain", SEED, "--project", p]);
    let styled = run(&["explain", SEED, "--project", p, "--width", "60", "--ascii"]);
    assert!(plain.lines().any(|l| l.width() > 60) && plain.contains('→'));
    for l in styled.lines() {
        assert!(l.width() <= 60, "{l:?}");
        assert!(!l.contains(['→', '›', '—', '×', '≥', '≤']), "{l:?}");
    }
    // Folding only moves words to new lines; --ascii only spells marks differently.
    let words = |s: &str| -> String { s.split_whitespace().collect() };
    let narrow = run(&["explain", SEED, "--project", p, "--width", "60"]);
    assert_eq!(words(&narrow), words(&plain));
    let policies = [
        "--policy",
        "scorecards/policies/default.toml",
        "--policy",
        "scorecards/policies/reverse-linear.toml",
    ];
    let mut args = vec!["diff", SEED];
    args.extend(policies);
    let plain = run(&args);
    args.extend(["--ascii"]);
    let ascii = run(&args);
    assert!(plain.contains('→'), "{plain}");
    assert_eq!(ascii, plain.replace('→', "->"));
}

/// Project P1 of the test department with the one row `row`, and its actual `r1`.
fn write_p1(dir: &Path, row: &str, r1: &str) {
    std::fs::write(
        dir.join("projects/01-P1.toml"),
        format!(
            "code = \"P1\"\nname = \"项目一\"\nunit = \"测试局\"\nbudget = \"100.00\"\n\n{row}"
        ),
    )
    .expect("write");
    std::fs::write(
        dir.join("actuals.toml"),
        format!("[projects.P1]\nspent = \"100\"\n[projects.P1.rows]\nr1 = \"{r1}\"\n"),
    )
    .expect("write");
}
