//! Every document of `tests/audit_corpus/` audited and compared with its expected file:
//! tables in order (kind, name, 主管部门, 实施单位), the execution line, totals, grades and
//! findings per table, and per row what was read, the verdict and the re-scored value. All
//! mismatches of all documents are listed together.

use jixiao::audit::table::TableAudit;
use jixiao::audit::{audit_file, default_tolerance, FileAudit};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const CORPUS: &str = "tests/audit_corpus";
/// Further layouts seen in published forms, in the same expected-file format.
const VARIANTS: &str = "tests/audit_variants";

fn expected_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.to_string_lossy().ends_with(".expected.toml"));
    v.sort();
    v
}

fn dec(s: &str) -> Option<Decimal> {
    let t = s.trim().trim_end_matches('%');
    Decimal::from_str(t).ok()
}

/// Compares an expected decimal string (absent = `None`) with a value.
fn same_dec(expected: Option<&str>, got: Option<Decimal>) -> bool {
    match (expected.and_then(dec), got) {
        (None, None) => expected.is_none(),
        (Some(e), Some(g)) => e == g,
        _ => false,
    }
}

fn s<'a>(v: &'a toml::Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(|x| x.as_str())
}

struct Diffs(Vec<String>);

impl Diffs {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }
}

fn printed(text: &str) -> Option<&str> {
    let t = text.trim();
    (!jixiao::audit::form::is_blank_text(t)).then_some(t)
}

fn compare_table(d: &mut Diffs, at: &str, e: &toml::Value, t: &TableAudit) {
    let kind = format!("{:?}", t.form.kind).to_lowercase();
    d.check(s(e, "kind") == Some(kind.as_str()), || {
        format!("{at}: kind {kind}, expected {:?}", s(e, "kind"))
    });
    for (k, got) in [
        ("name", &t.form.name),
        ("dept", &t.form.dept),
        ("unit", &t.form.unit),
    ] {
        if let Some(x) = s(e, k) {
            d.check(x == got, || format!("{at}: {k} `{got}`, expected `{x}`"));
        }
    }
    if let Some(b) = e.get("budget") {
        let ex = t.execution.as_ref();
        d.check(
            same_dec(s(b, "rescored"), ex.and_then(|x| x.rescored)),
            || {
                format!(
                    "{at}: execution rescored {:?}, expected {:?}",
                    ex.map(|x| x.rescored),
                    s(b, "rescored")
                )
            },
        );
        let v = ex.map(|x| x.verdict.label());
        d.check(v == s(b, "verdict"), || {
            format!(
                "{at}: execution verdict {v:?}, expected {:?}",
                s(b, "verdict")
            )
        });
    }
    d.check(same_dec(s(e, "printed_total"), t.printed_total), || {
        format!(
            "{at}: printed_total {:?}, expected {:?}",
            t.printed_total,
            s(e, "printed_total")
        )
    });
    if s(e, "rescored_total").is_some() {
        d.check(same_dec(s(e, "rescored_total"), t.rescored_total), || {
            format!(
                "{at}: rescored_total {:?}, expected {:?}",
                t.rescored_total,
                s(e, "rescored_total")
            )
        });
    }
    d.check(t.printed_grade.as_deref() == s(e, "printed_grade"), || {
        format!(
            "{at}: printed_grade {:?}, expected {:?}",
            t.printed_grade,
            s(e, "printed_grade")
        )
    });
    let want: BTreeSet<String> = e
        .get("findings")
        .and_then(|f| f.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let got: BTreeSet<String> = t.findings.iter().map(|f| f.id.clone()).collect();
    d.check(want == got, || {
        format!("{at}: findings {got:?}, expected {want:?}")
    });
    let rows = e
        .get("rows")
        .and_then(|r| r.as_array())
        .cloned()
        .unwrap_or_default();
    d.check(rows.len() == t.rows.len(), || {
        format!("{at}: {} rows, expected {}", t.rows.len(), rows.len())
    });
    for (i, (er, r)) in rows.iter().zip(&t.rows).enumerate() {
        let at = format!("{at} row {} ({})", i + 1, r.row.name.text);
        let p = &r.row;
        let texts = [
            ("level1", Some(p.level1.as_str())),
            ("level2", Some(p.level2.as_str())),
            ("name", Some(p.name.text.as_str())),
            ("target", Some(p.target.text.as_str())),
            ("actual", printed(&p.actual.text)),
        ];
        for (k, got) in texts {
            d.check(s(er, k) == got, || {
                format!("{at}: {k} {got:?}, expected {:?}", s(er, k))
            });
        }
        d.check(same_dec(s(er, "points"), p.points.number()), || {
            format!(
                "{at}: points `{}`, expected {:?}",
                p.points.text,
                s(er, "points")
            )
        });
        d.check(same_dec(s(er, "printed_score"), p.score.number()), || {
            format!(
                "{at}: printed_score `{}`, expected {:?}",
                p.score.text,
                s(er, "printed_score")
            )
        });
        let v = r.result.verdict.label();
        d.check(s(er, "verdict") == Some(v), || {
            format!(
                "{at}: verdict {v} ({}), expected {:?}",
                r.result.why,
                s(er, "verdict")
            )
        });
        if s(er, "rescored").is_some() {
            d.check(same_dec(s(er, "rescored"), r.result.rescored), || {
                format!(
                    "{at}: rescored {:?} ({}), expected {:?}",
                    r.result.rescored,
                    r.result.why,
                    s(er, "rescored")
                )
            });
        }
    }
}

fn compare(d: &mut Diffs, name: &str, expected: &toml::Value, got: &FileAudit) {
    let tables = expected
        .get("tables")
        .and_then(|t| t.as_array())
        .cloned()
        .unwrap_or_default();
    d.check(tables.len() == got.tables.len(), || {
        format!(
            "{name}: {} tables, expected {}",
            got.tables.len(),
            tables.len()
        )
    });
    for (i, (e, t)) in tables.iter().zip(&got.tables).enumerate() {
        compare_table(d, &format!("{name} table {}", i + 1), e, t);
    }
}

/// Audits every document of `dir` that has an expected file; the mismatches.
fn mismatches(dir: &str) -> Vec<String> {
    let policy = jixiao::policy::builtin_policy();
    let mut d = Diffs(Vec::new());
    for ef in &expected_files(dir) {
        let text = std::fs::read_to_string(ef).unwrap_or_default();
        let expected: toml::Value = match toml::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                d.0.push(format!("{}: {e}", ef.display()));
                continue;
            }
        };
        let source = s(&expected, "source").unwrap_or_default().to_string();
        let path = Path::new(dir).join(&source);
        match audit_file(&path, &policy, default_tolerance()) {
            Ok(got) => compare(&mut d, &source, &expected, &got),
            Err(e) => d.0.push(format!("{source}: cannot audit: {e}")),
        }
    }
    d.0
}

#[test]
fn every_document_gets_the_expected_verdicts() {
    let n = expected_files(CORPUS).len();
    assert!(n >= 20, "the corpus has {n} documents");
    let d = mismatches(CORPUS);
    assert!(d.is_empty(), "{} mismatches:\n{}", d.len(), d.join("\n"));
}

#[test]
fn further_layouts_get_the_expected_verdicts() {
    assert!(!expected_files(VARIANTS).is_empty());
    let d = mismatches(VARIANTS);
    assert!(d.is_empty(), "{} mismatches:\n{}", d.len(), d.join("\n"));
}

/// `jixiao audit tests/audit_corpus/`: the folder as one region's year.
#[test]
fn the_folder_summary_matches() {
    use jixiao::audit::render::AuditReport;
    let policy = jixiao::policy::builtin_policy();
    let text =
        std::fs::read_to_string(Path::new(CORPUS).join("folder-summary.toml")).unwrap_or_default();
    let expected: toml::Value = toml::from_str(&text).unwrap_or(toml::Value::Integer(0));
    let files: Vec<FileAudit> = jixiao::audit::sources(Path::new(CORPUS))
        .unwrap_or_default()
        .iter()
        .filter_map(|p| audit_file(p, &policy, default_tolerance()).ok())
        .collect();
    let r = AuditReport::new(files);
    let int = |k: &str| expected.get(k).and_then(|v| v.as_integer()).unwrap_or(-1);
    assert_eq!(r.files.len() as i64, int("files"));
    assert_eq!(r.summary.tables as i64, int("tables"));
    assert_eq!(r.summary.rows as i64, int("rows"));
    assert_eq!(r.summary.execution_lines as i64, int("execution_lines"));
    for (key, got) in [
        ("row_verdicts", &r.summary.row_verdicts),
        ("execution_verdicts", &r.summary.execution_verdicts),
    ] {
        for (v, n) in got {
            let want = expected
                .get(key)
                .and_then(|t| t.get(v.as_str()))
                .and_then(|x| x.as_integer());
            assert_eq!(Some(*n as i64), want, "{key} {v}");
        }
    }
    let want: Vec<(String, i64, i64, i64, i64)> = expected
        .get("by_file")
        .and_then(|b| b.as_array())
        .map(|a| {
            a.iter()
                .map(|f| {
                    let n = |k: &str| f.get(k).and_then(|v| v.as_integer()).unwrap_or(-1);
                    (
                        s(f, "source").unwrap_or_default().to_string(),
                        n("tables"),
                        n("rows"),
                        n("findings"),
                        n("scores_off"),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let got: Vec<(String, i64, i64, i64, i64)> = r
        .by_file
        .iter()
        .map(|f| {
            (
                f.file.clone(),
                f.tables as i64,
                f.rows as i64,
                f.findings as i64,
                f.off as i64,
            )
        })
        .collect();
    assert_eq!(got, want);
}

/// Damaged and odd copies of every document (cut short, numbers made huge, cells
/// emptied) are read or refused, never a panic.
#[test]
fn damaged_documents_never_panic() {
    let policy = jixiao::policy::builtin_policy();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut sources: Vec<PathBuf> = jixiao::audit::sources(Path::new(CORPUS)).unwrap_or_default();
    sources.extend(jixiao::audit::sources(Path::new(VARIANTS)).unwrap_or_default());
    for src in sources {
        let bytes = std::fs::read(&src).unwrap_or_default();
        let name = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut copies: Vec<Vec<u8>> = [3, 2]
            .iter()
            .map(|k| bytes[..bytes.len() * 2 / k / 2].to_vec())
            .collect();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            copies.push(
                text.replace('1', "9999999999999999999999999999")
                    .into_bytes(),
            );
            copies.push(text.replace(['1', '0'], "").into_bytes());
            copies.push(text.replace('|', "").into_bytes());
        }
        for (i, c) in copies.iter().enumerate() {
            let p = dir.path().join(format!("{i}-{name}"));
            std::fs::write(&p, c).expect("write");
            let _ = audit_file(&p, &policy, default_tolerance());
        }
    }
}
