//! The target language, table-driven: every case in `tests/cases/targets.csv` and
//! `tests/cases/language_targets.csv` (the open unit class and the forms of issue 13,
//! each row with a `why`) is parsed
//! leniently and its kind, operator, value, unit, direction, canonical form, warnings
//! (with the text they underline) or error codes are compared with the file. Every
//! parsed case must also re-parse from its canonical form to an equal target, and strict
//! parsing must refuse exactly the cases that warn.
//!
//! `JIXIAO_PRINT_CASES=1 cargo test --test target_cases -- --nocapture` prints what the
//! parser gives for each input, for writing new cases (check them by hand against
//! docs/language.md before committing).

mod common;

use common::{case_path, shape, Shape};
use jixiao::parse::{parse_target, Strictness};

#[derive(Debug, serde::Deserialize)]
struct Case {
    input: String,
    kind: String,
    op: String,
    value: String,
    unit: String,
    direction: String,
    canonical: String,
    warnings: String,
    error: String,
    /// How the reading follows from the language reference (language_targets.csv).
    #[serde(default)]
    #[allow(dead_code)]
    why: String,
}

/// The case files, read in this order.
const CASE_FILES: [&str; 2] = ["targets.csv", "language_targets.csv"];

fn read_cases() -> Vec<Case> {
    CASE_FILES.iter().flat_map(|f| read_case_file(f)).collect()
}

fn read_case_file(name: &str) -> Vec<Case> {
    let path = case_path(name);
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::None)
        .from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    rdr.deserialize()
        .map(|r| r.unwrap_or_else(|e| panic!("bad case line in {name}: {e}")))
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) || s.starts_with(' ') || s.ends_with(' ') || s.is_empty() {
        if s.is_empty() {
            return String::new();
        }
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[test]
fn target_cases() {
    let cases = read_cases();
    let print = std::env::var_os("JIXIAO_PRINT_CASES").is_some();
    let mut failures = Vec::new();
    for c in &cases {
        let got = shape(&c.input, false);
        if print {
            println!(
                "{}",
                [
                    &c.input,
                    &got.kind,
                    &got.op,
                    &got.value,
                    &got.unit,
                    &got.direction,
                    &got.canonical,
                    &got.warnings,
                    &got.error
                ]
                .map(|s| csv_field(s))
                .join(",")
            );
            continue;
        }
        let want = Shape {
            kind: c.kind.clone(),
            op: c.op.clone(),
            value: c.value.clone(),
            unit: c.unit.clone(),
            direction: c.direction.clone(),
            canonical: c.canonical.clone(),
            warnings: c.warnings.clone(),
            error: c.error.clone(),
        };
        if got != want {
            failures.push(format!(
                "`{}`\n    want {want:?}\n    got  {got:?}",
                c.input
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} target cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(cases.len() >= 270, "only {} cases", cases.len());
}

/// parse(canonical(t)) == t, and the canonical form is a fixed point.
#[test]
fn canonical_forms_reparse_to_the_same_target() {
    let mut failures = Vec::new();
    for c in read_cases() {
        let Ok(p) = parse_target(&c.input, Strictness::Lenient) else {
            continue;
        };
        let canonical = p.value.to_string();
        match parse_target(&canonical, Strictness::Lenient) {
            Ok(again) => {
                // A clean target prints as a clean target; qualitative text that holds a
                // number keeps its warning.
                let clean = p.warnings.is_empty()
                    || !matches!(p.value.kind, jixiao::model::TargetKind::Qualitative(_));
                if clean && !again.warnings.is_empty() {
                    failures.push(format!(
                        "`{}` → `{canonical}` warns: {:?}",
                        c.input, again.warnings
                    ));
                }
                if again.value != p.value {
                    failures.push(format!(
                        "`{}` → `{canonical}` re-parses to {:?}, not {:?}",
                        c.input, again.value, p.value
                    ));
                } else if again.value.to_string() != canonical {
                    failures.push(format!("`{}` → `{canonical}` → `{}`", c.input, again.value));
                }
            }
            Err(d) => failures.push(format!(
                "`{}` → `{canonical}` does not re-parse: {d:?}",
                c.input
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Strict parsing refuses exactly what lenient parsing had to salvage.
#[test]
fn strict_refuses_what_lenient_warns_about() {
    let mut failures = Vec::new();
    for c in read_cases() {
        let strict = parse_target(&c.input, Strictness::Strict);
        let should_fail = !c.error.is_empty() || !c.warnings.is_empty();
        if strict.is_err() != should_fail {
            failures.push(format!(
                "`{}`: strict parse {}",
                c.input,
                if strict.is_err() {
                    "failed"
                } else {
                    "succeeded"
                }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
