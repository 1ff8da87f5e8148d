//! Table-driven tests of the scoring-rule language: every case in
//! `tests/data/rules/cases.toml` is a rule text and either the value it states or the
//! diagnostic codes it raises. Each failing case says which one and why.

use jixiao::diagnostic::render;
use jixiao::policy::{parse_row_override, parse_row_rule, parse_rule, Subject};
use jixiao::score::Formula;
use rust_decimal::Decimal;

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    subject: String,
    text: String,
    expect: Option<String>,
    errors: Option<Vec<String>>,
}

#[test]
fn rule_text_cases() {
    let src = std::fs::read_to_string("tests/data/rules/cases.toml").expect("cases file");
    let cases: Cases = toml::from_str(&src).expect("cases parse");
    assert!(cases.case.len() >= 60, "{} cases", cases.case.len());
    let mut failures = Vec::new();
    for c in &cases.case {
        let got = if c.subject == "row" {
            parse_row_override(&c.text).map(|v| format!("{v:?}"))
        } else {
            let subject = Subject::from_key(&c.subject).expect("known subject");
            parse_rule(subject, &c.text).map(|v| format!("{v:?}"))
        };
        match (&got, &c.expect, &c.errors) {
            (Ok(v), Some(e), None) if v == e => {}
            (Err(ds), None, Some(codes)) => {
                let got_codes: Vec<&str> = ds.iter().map(|d| d.code.as_str()).collect();
                if got_codes != *codes {
                    failures.push(format!(
                        "{} `{}`: expected {codes:?}, got {got_codes:?}\n{}",
                        c.subject,
                        c.text,
                        render(ds, "rule", &c.text)
                    ));
                }
                for d in ds {
                    assert!(d.span.start <= d.span.end && d.span.end <= c.text.len());
                    assert!(!d.message.contains("r_") && !d.label.contains("r_"));
                    assert!(d.help.is_some(), "{} has no help", d.code);
                }
            }
            (Ok(v), _, _) => failures.push(format!(
                "{} `{}`: got {v}, expected {:?}{:?}",
                c.subject, c.text, c.expect, c.errors
            )),
            (Err(ds), _, _) => failures.push(format!(
                "{} `{}`: expected {:?}, got\n{}",
                c.subject,
                c.text,
                c.expect,
                render(ds, "rule", &c.text)
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn row_rule_gives_the_formula() {
    assert_eq!(
        parse_row_rule("reverse: linear zero at 2T"),
        Ok(Formula::Linear {
            zero_at: Decimal::TWO
        })
    );
    assert_eq!(parse_row_rule("全有全无"), Ok(Formula::AllOrNothing));
}

/// The underline sits under the offending text, even after full-width characters.
#[test]
fn spans_point_at_the_text() {
    let text = "优 ≥ 90；良 ≥ 80；中 ≥ 60；差 ＜ 50";
    let ds = parse_rule(Subject::Grades, text).expect_err("gap");
    let d = ds.first().expect("one diagnostic");
    assert_eq!(text.get(d.span.start..d.span.end), Some("50"));

    let text = "产出指标 50; 效果指标 30; 满意度指标 10; 预算执行率 10";
    let ds = parse_rule(Subject::Levels, text).expect_err("unknown level");
    let d = ds.first().expect("one diagnostic");
    assert_eq!(text.get(d.span.start..d.span.end), Some("效果指标"));

    let text = "steps on ratio: [100%, ∞) → 100%; [70%, 100%) → 80%; [0, 80%) → 0";
    let ds = parse_rule(Subject::Positive, text).expect_err("overlap");
    let d = ds.first().expect("one diagnostic");
    assert_eq!(text.get(d.span.start..d.span.end), Some("70%"));
}
