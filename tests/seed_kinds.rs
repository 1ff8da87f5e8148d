//! Every 指标值 of the seed (`tests/seed/000_ad9d27081711c7d9.txt`, the published
//! document): the 126 project indicator rows and the target parts of the
//! department prose, listed in `tests/cases/seed_kinds.csv` with the kind, operator,
//! value, unit and direction they must parse to (leniently). Direction takes a 反向 mark
//! in the row's 绩效指标描述 into account. Garbled cells must warn, and the warning must
//! underline the text that was not understood.

mod common;

use common::{case_path, shape, Shape};
use jixiao::eval_rows::description_marks_reverse;
use std::path::PathBuf;

#[derive(Debug, Clone, serde::Deserialize)]
pub struct SeedRow {
    pub source: String,
    pub position: usize,
    pub description: String,
    pub target: String,
    pub kind: String,
    pub op: String,
    pub value: String,
    pub unit: String,
    pub direction: String,
    pub warnings: String,
}

pub const DEPARTMENT: &str = "department";

fn seed_text() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/seed/000_ad9d27081711c7d9.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn seed_rows() -> Vec<SeedRow> {
    let path = case_path("seed_kinds.csv");
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::None)
        .from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    rdr.deserialize()
        .map(|r| r.unwrap_or_else(|e| panic!("bad line in seed_kinds.csv: {e}")))
        .collect()
}

/// (project code, position, 绩效指标描述, 指标值) of every indicator row in the seed's
/// project tables: the 6-cell rows after a header row
/// 一级指标|二级指标|三级指标|绩效指标描述|指标值|指标值确定依据.
///
/// The seed writes a table row as consecutive lines, one cell per `\t`-prefixed line
/// (a line without the tab continues the cell before it); rows are separated by lines
/// that are blank.
fn extract_seed_targets(text: &str) -> Vec<(String, usize, String, String)> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(cell) = line.strip_prefix('\t') {
            cur.push(cell.to_string());
        } else if line.trim().is_empty() {
            if !cur.is_empty() {
                rows.push(std::mem::take(&mut cur));
            }
        } else if let Some(last) = cur.last_mut() {
            last.push('\n');
            last.push_str(line);
        } else {
            rows.push(Vec::new()); // prose: ends any table
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    let header = [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
        "指标值确定依据",
    ];
    let mut out = Vec::new();
    let mut code = String::new();
    let mut inside = false;
    let mut pos = 0;
    for r in rows {
        if r.first().map(String::as_str) == Some("项目编码") {
            code = r.get(1).cloned().unwrap_or_default();
        }
        if r.len() == 6 && r.iter().zip(header).all(|(a, b)| a == b) {
            inside = true;
            pos = 0;
            continue;
        }
        if inside && r.len() == 6 {
            pos += 1;
            out.push((code.clone(), pos, r[3].clone(), r[4].clone()));
        } else {
            inside = false;
        }
    }
    out
}

#[test]
fn csv_lists_exactly_the_seed_project_targets() {
    let from_seed = extract_seed_targets(&seed_text());
    assert_eq!(from_seed.len(), 126, "the seed has 126 indicator rows");
    let listed: Vec<(String, usize, String, String)> = seed_rows()
        .into_iter()
        .filter(|r| r.source != DEPARTMENT)
        .map(|r| (r.source, r.position, r.description, r.target))
        .collect();
    assert_eq!(listed.len(), from_seed.len());
    for (a, b) in listed.iter().zip(&from_seed) {
        assert_eq!(a, b, "seed_kinds.csv differs from the seed");
    }
}

#[test]
fn department_targets_are_verbatim_from_the_department_part() {
    let text = seed_text();
    let dept = text.split("第二部分").next().unwrap_or("");
    let rows: Vec<SeedRow> = seed_rows()
        .into_iter()
        .filter(|r| r.source == DEPARTMENT)
        .collect();
    assert!(
        rows.len() >= 14,
        "the target parts of the department prose are listed"
    );
    for r in rows {
        assert!(
            dept.contains(&r.target),
            "`{}` is not in the department part",
            r.target
        );
        assert!(
            dept.contains(&r.description),
            "`{}` is not in the department part",
            r.description
        );
    }
}

#[test]
fn every_seed_target_parses_to_its_listed_kind() {
    let print = std::env::var_os("JIXIAO_PRINT_CASES").is_some();
    let mut failures = Vec::new();
    for r in seed_rows() {
        let got = shape(&r.target, description_marks_reverse(&r.description));
        assert!(
            got.error.is_empty(),
            "`{}` does not parse: {}",
            r.target,
            got.error
        );
        if print {
            println!(
                "{},{},{},{},{},{},{}",
                r.target, got.kind, got.op, got.value, got.unit, got.direction, got.warnings
            );
            continue;
        }
        let want = Shape {
            kind: r.kind.clone(),
            op: r.op.clone(),
            value: r.value.clone(),
            unit: r.unit.clone(),
            direction: r.direction.clone(),
            warnings: r.warnings.clone(),
            canonical: got.canonical.clone(),
            error: String::new(),
        };
        if got != want {
            failures.push(format!(
                "{} #{} `{}`\n    want {want:?}\n    got  {got:?}",
                r.source, r.position, r.target
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The garbled cells the issue names are salvaged with a warning that underlines the
/// junk, not the target.
#[test]
fn garbled_seed_cells_warn_with_spans() {
    for (cell, junk) in [
        ("≥3数量，办案数量", "数量，办案数量"),
        ("≥95%百分比，服务对象满意度", "，服务对象满意度"),
    ] {
        let s = shape(cell, false);
        assert_eq!(s.warnings, format!("unread-text={junk}"), "{cell}");
        assert!(seed_rows().iter().any(|r| r.target == cell));
    }
}
