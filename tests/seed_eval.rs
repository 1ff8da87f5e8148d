//! Every one of the seed's 126 project rows scores its full points through the built
//! binary (`jixiao eval --csv -`) when given an actual that meets its target: the
//! target's own number and unit, `达成` for qualitative targets, a day before the
//! deadline; fiscal year 2022.

mod common;

use common::case_path;
use jixiao::model::TargetKind;
use jixiao::parse::{parse_target, Strictness};
use std::io::Write;
use std::process::{Command, Stdio};

#[derive(Debug, serde::Deserialize)]
struct SeedRow {
    source: String,
    position: usize,
    description: String,
    target: String,
    kind: String,
}

/// An actual that meets `target` exactly (not over-achieving it).
fn meeting_actual(target: &str) -> String {
    let parsed = match parse_target(target, Strictness::Lenient) {
        Ok(p) => p.value,
        Err(d) => panic!("`{target}` does not parse: {d:?}"),
    };
    match &parsed.kind {
        TargetKind::Comparison(c) => c.quantity.to_string(),
        TargetKind::Range(r) => r.low.to_string(),
        TargetKind::Change(c) => format!("增长{}", c.amount),
        TargetKind::Qualitative(_) => "达成".to_string(),
        TargetKind::Deadline(d) => {
            let due = d
                .end
                .last_day(2022)
                .unwrap_or_else(|| panic!("`{target}` has no due day"));
            let before = due - chrono::Duration::days(10);
            before.format("%Y年%-m月%-d日").to_string()
        }
    }
}

#[test]
fn every_seed_row_scores_full_points_through_the_binary() {
    let path = case_path("seed_kinds.csv");
    let rows: Vec<SeedRow> = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .deserialize()
        .map(|r| r.unwrap_or_else(|e| panic!("bad line: {e}")))
        .filter(|r: &SeedRow| r.source != "department")
        .collect();
    assert_eq!(rows.len(), 126);

    let mut input = csv::Writer::from_writer(Vec::new());
    input
        .write_record([
            "target",
            "actual",
            "points",
            "baseline",
            "fiscal_year",
            "description",
        ])
        .unwrap_or_else(|e| panic!("{e}"));
    for r in &rows {
        input
            .write_record([
                r.target.as_str(),
                &meeting_actual(&r.target),
                "10",
                "",
                "2022",
                r.description.as_str(),
            ])
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let input = input.into_inner().unwrap_or_else(|e| panic!("{e}"));

    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["eval", "--csv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run jixiao: {e}"));
    child
        .stdin
        .take()
        .unwrap_or_else(|| panic!("no stdin"))
        .write_all(&input)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "exit status; stderr:\n{stderr}");

    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no `{name}` column in {headers:?}"))
    };
    let (target, kind, score, achieved, flags, error) = (
        col("target"),
        col("kind"),
        col("score"),
        col("achieved"),
        col("flags"),
        col("error"),
    );
    let records: Vec<csv::StringRecord> = rdr
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(records.len(), rows.len(), "one output row per input row");
    let mut failures = Vec::new();
    for (r, rec) in rows.iter().zip(&records) {
        let get = |i: usize| rec.get(i).unwrap_or("");
        let flags = get(flags);
        let ok = get(target) == r.target
            && get(kind) == r.kind
            && get(score) == "10.00"
            && get(achieved) == "true"
            && get(error).is_empty()
            // Only lenient-parse warnings may be flagged; nothing about the score.
            && flags.split(';').all(|f| f.is_empty() || f == "unread-text");
        if !ok {
            failures.push(format!("{} #{}: {rec:?}", r.source, r.position));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
