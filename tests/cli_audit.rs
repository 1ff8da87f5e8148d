//! `jixiao audit` on the command line: exit codes (0 nothing to look at, 1 findings, 2
//! unusable input), every format, `--tolerance`, `--import-to` (the folder scores), and
//! the report of one document as a snapshot.

use std::process::Command;

fn jixiao(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const CONTROL: &str = "tests/audit_corpus/23-shandong-honest-poor.docx";
const ONE_TABLE: &str = "tests/audit_corpus/01-hebei-county-onetable.docx";

#[test]
fn exit_codes() {
    let (code, out, err) = jixiao(&["audit", CONTROL]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("一致 8，偏高 0，偏低 0，无法复核 0"), "{out}");
    let (code, _, err) = jixiao(&["audit", ONE_TABLE]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = jixiao(&["audit", "tests/audit_corpus/no-such-file.docx"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.docx"), "{err}");
    let (code, _, err) = jixiao(&["audit", ONE_TABLE, "--format", "xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("-o FILE.xlsx"), "{err}");
    let (code, _, _) = jixiao(&["audit", ONE_TABLE, "--tolerance", "-1"]);
    assert_eq!(code, 2);
}

#[test]
fn a_wider_tolerance_accepts_rounding_it_would_otherwise_question() {
    // 09: 447/500 × 10 = 8.94 printed 9.0 is 偏高 at ±0.05 and 一致 at ±0.1.
    let doc = "tests/audit_corpus/09-guangdong-one-decimal-edges.docx";
    let (_, strict, _) = jixiao(&["audit", doc, "--format", "json"]);
    let (_, loose, _) = jixiao(&["audit", doc, "--format", "json", "--tolerance", "0.1"]);
    let count = |s: &str| s.matches("\"verdict\": \"偏高\"").count();
    assert!(count(&loose) < count(&strict), "{strict}");
}

#[test]
fn every_format_renders() {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in ["table", "markdown", "json", "csv", "html"] {
        let (code, out, err) = jixiao(&["audit", ONE_TABLE, "--format", f]);
        assert_eq!(code, 1, "{f}: {err}");
        assert!(out.contains("宣传资料印制数量"), "{f}: {out}");
        assert!(out.contains("偏高"), "{f}: {out}");
    }
    let xlsx = dir.path().join("audit.xlsx");
    let xlsx = xlsx.to_str().expect("utf-8 path");
    let (code, _, err) = jixiao(&["audit", ONE_TABLE, "--format", "xlsx", "-o", xlsx]);
    assert_eq!(code, 1, "{err}");
    let bytes = std::fs::read(xlsx).expect("written");
    assert!(bytes.starts_with(b"PK"));
}

#[test]
fn import_to_writes_a_folder_that_scores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("folder");
    let out = out.to_str().expect("utf-8 path");
    let (code, _, err) = jixiao(&["audit", CONTROL, "--import-to", out, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let actuals = std::fs::read_to_string(dir.path().join("folder/actuals.toml")).expect("actuals");
    assert!(actuals.contains("spent = "), "{actuals}");
    let (code, table, err) = jixiao(&["score", out]);
    assert_eq!(code, 0, "{err}");
    // The control form is scored exactly by the rule: score agrees with the printed 79.2.
    assert!(table.contains("79.2"), "{table}");
}

#[test]
fn report_of_one_document() {
    let (_, out, _) = jixiao(&[
        "audit",
        "tests/audit_corpus/08-zhejiang-two-tables.docx",
        "--format",
        "markdown",
    ]);
    insta::assert_snapshot!(out);
}

#[test]
fn another_policy_changes_the_grade_the_total_should_have() {
    // 02 prints 89.8 with grade 优: 良 under the default bands (优 ≥ 90), but under
    // grades-80-70-60 (优 ≥ 80) the grade fits and the check does not fire.
    let doc = "tests/audit_corpus/02-anhui-level-points.docx";
    let (_, default, _) = jixiao(&["audit", doc, "--format", "json"]);
    let (code, other, err) = jixiao(&[
        "audit",
        doc,
        "--format",
        "json",
        "--policy",
        "scorecards/policies/grades-80-70-60.toml",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(default.contains("grade-contradicts-total"), "{default}");
    assert!(!other.contains("grade-contradicts-total"), "{other}");
}
