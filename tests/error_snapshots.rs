//! What a user sees for bad targets and actuals, snapshot-tested: each file under
//! `tests/errors/<kind>/` holds one input, rendered with `jixiao::diagnostic::render`.
//! `target/` is parsed leniently (errors, and the warnings of salvaged cells),
//! `target-strict/` strictly, `actual/` as an actual value.
//!
//! Besides the snapshots, every rendering must underline something, give a help line,
//! and never show a grammar rule name.

use jixiao::diagnostic::{render, Diagnostic};
use jixiao::parse::{parse_actual, parse_target, Strictness};
use std::path::Path;

fn read_input(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Diagnostics for one input of the given folder, errors or warnings.
fn diagnose(kind: &str, input: &str) -> Vec<Diagnostic> {
    match kind {
        "target" => match parse_target(input, Strictness::Lenient) {
            Ok(p) => p.warnings,
            Err(d) => d,
        },
        "target-strict" => parse_target(input, Strictness::Strict)
            .err()
            .unwrap_or_default(),
        "actual" => match parse_actual(input) {
            Ok(p) => p.warnings,
            Err(d) => d,
        },
        other => panic!("unknown folder `{other}`"),
    }
}

/// A grammar rule name looks like `op_ge` or `Rule::…`; no message may contain one.
fn looks_like_rule_name(s: &str) -> bool {
    s.contains("Rule::")
        || s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|w| w.contains('_') && w.chars().any(|c| c.is_ascii_lowercase()))
}

fn check(kind: &str, path: &Path) {
    let input = read_input(path);
    let diags = diagnose(kind, &input);
    assert!(
        !diags.is_empty(),
        "{}: `{input}` gives no diagnostic",
        path.display()
    );
    for d in &diags {
        let first = d.message.chars().next().unwrap_or(' ');
        assert!(
            !first.is_uppercase() && !d.message.ends_with('.'),
            "{}: message is not a lowercase sentence without a full stop: {}",
            path.display(),
            d.message
        );
        assert!(d.help.is_some(), "{}: no help line", path.display());
        assert!(!d.label.is_empty(), "{}: no label", path.display());
        for text in [
            &d.message,
            &d.label,
            d.help.as_ref().unwrap_or(&String::new()),
        ] {
            assert!(
                !looks_like_rule_name(text),
                "{}: grammar rule name in `{text}`",
                path.display()
            );
        }
    }
    let rendered = render(&diags, kind, &input);
    assert!(
        rendered.contains('^'),
        "{}: nothing underlined",
        path.display()
    );
    assert!(rendered.contains("= 帮助："), "{}: no help", path.display());
    insta::assert_snapshot!(kind.to_string(), format!("input: `{input}`\n\n{rendered}"));
}

#[test]
fn target_errors() {
    insta::glob!("errors/target/*.txt", |path| check("target", path));
}

#[test]
fn strict_target_errors() {
    insta::glob!("errors/target-strict/*.txt", |path| check(
        "target-strict",
        path
    ));
}

#[test]
fn actual_errors() {
    insta::glob!("errors/actual/*.txt", |path| check("actual", path));
}
