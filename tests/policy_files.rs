//! Policy files: the shipped default and variants load and score as they should; broken
//! policies are refused with every diagnostic rendered against the file (insta snapshots
//! of `tests/data/policies/broken/*.toml`).

use jixiao::diagnostic::render;
use jixiao::model::Direction;
use jixiao::parse::{parse_actual, parse_target, Strictness};
use jixiao::policy::{builtin_policy, load_policy, parse_policy, DEFAULT_POLICY_TOML};
use jixiao::score::formula::fixed;
use jixiao::score::policy::{Formula, GradeBand};
use jixiao::score::{score_row, Policy, RowInput};
use rust_decimal::Decimal;
use std::str::FromStr;

const VARIANTS: [&str; 4] = [
    "default",
    "reverse-linear",
    "grades-80-70-60",
    "integer-rounding",
];

fn load(name: &str) -> Policy {
    let path = format!("scorecards/policies/{name}.toml");
    load_policy(&path).unwrap_or_else(|e| panic!("{}", e.render()))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

#[test]
fn embedded_default_is_the_file_and_the_builtin_policy() {
    let on_disk =
        std::fs::read_to_string("scorecards/policies/default.toml").expect("default.toml");
    assert_eq!(DEFAULT_POLICY_TOML, on_disk);
    assert_eq!(load("default"), Policy::default());
    assert_eq!(builtin_policy(), Policy::default());
}

/// Each variant is the default with exactly one rule changed (and its name).
#[test]
fn each_variant_changes_one_rule() {
    let base = Policy::default();
    let mut want = base.clone().with_linear_reverse();
    want.name = "财预〔2020〕10号，反向指标线性扣分".into();
    assert_eq!(load("reverse-linear"), want);

    let mut want = base.clone();
    want.name = "财预〔2020〕10号，等级 80/70/60".into();
    want.grades = [("优", 80), ("良", 70), ("中", 60), ("差", 0)]
        .map(|(l, m)| GradeBand {
            label: l.into(),
            min: Decimal::from(m),
        })
        .to_vec();
    assert_eq!(load("grades-80-70-60"), want);

    let mut want = base;
    want.name = "财预〔2020〕10号，整数计分".into();
    want.rounding_places = 0;
    assert_eq!(load("integer-rounding"), want);
}

fn score(policy: &Policy, target: &str, actual: &str, points: &str) -> Option<Decimal> {
    let t = parse_target(target, Strictness::Lenient)
        .expect("target")
        .value;
    let a = parse_actual(actual).expect("actual").value;
    let input = RowInput {
        target: &t,
        actual: Some(&a),
        points: dec(points),
        baseline: None,
        fiscal_year: 2022,
        description_reverse: false,
        direction_override: None,
        formula_override: None,
        reason: Some("见说明"),
    };
    score_row(&input, policy).score
}

fn csv_rows(path: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path(path)
        .expect("csv");
    let headers = r
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

/// `tests/data/policies/variant_rows.csv`: every row under every shipped policy, and the
/// rows whose score differs from the default are exactly the ones the changed rule touches.
#[test]
fn variants_score_rows_as_expected() {
    let policies: Vec<Policy> = VARIANTS.iter().map(|v| load(v)).collect();
    let (headers, rows) = csv_rows("tests/data/policies/variant_rows.csv");
    assert_eq!(headers.get(3..), Some(&VARIANTS.map(String::from)[..]));
    let mut failures = Vec::new();
    let mut changed = vec![0usize; VARIANTS.len()];
    for row in &rows {
        let [target, actual, points, expected @ ..] = row.as_slice() else {
            panic!("short row {row:?}");
        };
        for (i, (p, want)) in policies.iter().zip(expected).enumerate() {
            let got = score(p, target, actual, points);
            // The value and its printed form (the policy's places) both match.
            let shown = got.map(|g| fixed(g, p.rounding_places));
            if got != Some(dec(want)) || shown.as_deref() != Some(want.as_str()) {
                failures.push(format!(
                    "{target} / {actual} under {}: want {want}, got {got:?}",
                    VARIANTS.get(i).unwrap_or(&"?")
                ));
            }
            if expected.first().map(|d| dec(d)) != Some(dec(want)) {
                changed[i] += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // reverse-linear moves only reverse rows that missed; grades move no row score;
    // integer rounding moves every row with a fraction.
    assert_eq!(changed, vec![0, 3, 0, 6]);
}

#[test]
fn variants_grade_totals_as_expected() {
    let policies: Vec<Policy> = VARIANTS.iter().map(|v| load(v)).collect();
    let (_, rows) = csv_rows("tests/data/policies/variant_grades.csv");
    for row in &rows {
        let [total, expected @ ..] = row.as_slice() else {
            panic!("short row {row:?}");
        };
        for (p, want) in policies.iter().zip(expected) {
            assert_eq!(p.grade_for(dec(total)), want, "{total} under {}", p.name);
        }
    }
}

/// A per-unit deduction for target-zero rows (a behaviour the language added).
#[test]
fn target_zero_per_unit() {
    let text = DEFAULT_POLICY_TOML.replace(
        "target-zero = \"all or nothing\"",
        "target-zero = \"每 1 扣 2 分，最低 1 分\"",
    );
    let p = parse_policy("t", &text).unwrap_or_else(|d| panic!("{}", render(&d, "t", &text)));
    assert_eq!(score(&p, "0次", "0次", "10"), Some(dec("10.00")));
    assert_eq!(score(&p, "0次", "2次", "10"), Some(dec("6.00")));
    assert_eq!(score(&p, "0次", "9次", "10"), Some(dec("1.00")));
    assert_eq!(
        score(&Policy::default(), "0次", "2次", "10"),
        Some(dec("0.00"))
    );
}

/// A row's own rule (parsed from text) overrides the policy for that row only.
#[test]
fn row_override_from_text() {
    let f = jixiao::policy::parse_row_rule("reverse: linear zero at 2T").expect("rule");
    assert_eq!(
        f,
        Formula::Linear {
            zero_at: Decimal::TWO
        }
    );
    let t = parse_target("≤10%", Strictness::Lenient)
        .expect("target")
        .value;
    let a = parse_actual("12%").expect("actual").value;
    let mut input = RowInput {
        target: &t,
        actual: Some(&a),
        points: Decimal::TEN,
        baseline: None,
        fiscal_year: 2022,
        description_reverse: false,
        direction_override: Some(Direction::Reverse),
        formula_override: None,
        reason: Some("见说明"),
    };
    let p = Policy::default();
    assert_eq!(score_row(&input, &p).score, Some(dec("8.33")));
    input.formula_override = Some(&f);
    assert_eq!(score_row(&input, &p).score, Some(dec("8.00")));
}

#[test]
fn broken_policies() {
    insta::glob!("data/policies/broken/*.toml", |path| {
        let text = std::fs::read_to_string(path).expect("read");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let diags = match parse_policy(&name, &text) {
            Ok(_) => panic!("{name} loaded but is broken"),
            Err(d) => d,
        };
        for d in &diags {
            assert!(d.span.end <= text.len(), "{name}: span past the end");
            assert!(
                !d.message.contains("r_") && !d.label.contains("r_"),
                "{name}: rule name in {}",
                d.message
            );
        }
        insta::assert_snapshot!(render(&diags, &format!("broken/{name}"), &text));
    });
}

#[test]
fn missing_file_is_a_diagnostic() {
    let e = load_policy("scorecards/policies/no-such-policy.toml").expect_err("missing");
    assert_eq!(
        e.diagnostics.first().map(|d| d.code.as_str()),
        Some("policy::read")
    );
}
