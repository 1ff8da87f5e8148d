//! `jixiao snapshot`: a stable, line-oriented record of every score, meant to live in
//! version control next to a bureau's rules. One figure per line, keyed so that a
//! unified diff of two snapshots reads as "what moved".

use crate::evaluate::{Execution, IndicatorResult, ScoredDepartment};
use crate::score::formula::fixed;
use crate::score::Status;

fn row_line(scope: &str, r: &IndicatorResult, places: u32) -> String {
    let score = match (r.score, r.status) {
        (Some(s), _) => fixed(s, places),
        (None, Status::NotApplicable) => "不适用".into(),
        (None, Status::Missing) => "missing".into(),
        (None, Status::Unscorable) => "unscorable".into(),
        (None, _) => "error".into(),
    };
    let achieved = match r.achieved {
        Some(true) => "yes",
        Some(false) => "no",
        None => "-",
    };
    let flags: Vec<&str> = r.flags.iter().map(|f| f.code.as_str()).collect();
    format!(
        "{scope} row {} score {score} / {} achieved {achieved} flags {}",
        r.id,
        fixed(r.points, 2),
        if flags.is_empty() {
            "-".to_string()
        } else {
            flags.join(",")
        }
    )
}

fn execution_line(scope: &str, e: &Execution, places: u32) -> String {
    let flags: Vec<&str> = e.flags.iter().map(|f| f.code.as_str()).collect();
    format!(
        "{scope} execution score {} / {} rate {} flags {}",
        e.score
            .map(|s| fixed(s, places))
            .unwrap_or_else(|| "missing".into()),
        fixed(e.points, 2),
        e.rate.map(super::fmt_rate).unwrap_or_else(|| "-".into()),
        if flags.is_empty() {
            "-".to_string()
        } else {
            flags.join(",")
        }
    )
}

pub fn snapshot(s: &ScoredDepartment) -> String {
    let places = s.rounding_places;
    let d = &s.department;
    let mut out = vec![
        "# jixiao snapshot v1: one line per figure; regenerate with `jixiao snapshot`".to_string(),
        format!(
            "# department {} {} fiscal year {}",
            d.code, d.name, d.fiscal_year
        ),
        format!("# policy {}", s.policy_name),
    ];
    let scope = format!("department {}", d.code);
    out.push(format!(
        "{scope} total {} grade {}",
        fixed(d.score, places),
        d.grade
    ));
    out.push(format!(
        "{scope} projects_composite {}",
        d.projects_composite
            .map(|c| fixed(c, places))
            .unwrap_or_else(|| "-".into())
    ));
    for g in &s.grade_order {
        out.push(format!(
            "{scope} projects_graded {g} {}",
            d.grade_counts.get(g).copied().unwrap_or(0)
        ));
    }
    out.push(execution_line(&scope, &d.execution, places));
    for r in &d.indicators {
        out.push(row_line(&scope, r, places));
    }
    for p in &s.projects {
        let scope = format!("project {}", p.code);
        out.push(format!(
            "{scope} total {} grade {}",
            fixed(p.score, places),
            p.grade
        ));
        out.push(execution_line(&scope, &p.execution, places));
        for r in &p.indicators {
            out.push(row_line(&scope, r, places));
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The key of a snapshot line: what it is about (`project 101 row a1`, `project 101 total`,
/// `# policy`), without the figures. Lines are aligned by key before they are compared.
fn line_key(line: &str) -> &str {
    let line = line.trim_end_matches(['\n', '\r']);
    if line.starts_with('#') {
        let mut words = line.match_indices(' ');
        return match words.nth(1) {
            Some((i, _)) => &line[..i],
            None => line,
        };
    }
    if let Some(i) = line.find(" row ") {
        let id_start = i + " row ".len();
        let id_end = line[id_start..]
            .find(' ')
            .map_or(line.len(), |j| id_start + j);
        return &line[..id_end];
    }
    for marker in [" total ", " execution ", " projects_composite "] {
        if let Some(i) = line.find(marker) {
            return &line[..i + marker.len() - 1];
        }
    }
    if line.contains(" projects_graded ") {
        if let Some(i) = line.rfind(' ') {
            return &line[..i];
        }
    }
    line
}

/// A unified diff of two snapshots (context 2, as `diff -U2`) and how many lines the new
/// one adds or changes.
///
/// Why not a line diff straight away: after a policy change nearly every figure moves,
/// and a minimal line diff (Myers) costs the product of the two lengths when nothing
/// matches — 101 s for a 5,000-project department. Snapshot lines carry their keys, so
/// the keys are aligned instead (few differ, so Myers is fast on them), and a pair with
/// the same key and other figures is a one-line change. Linear in the snapshots but for
/// the keys that were added or removed.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> (String, usize) {
    use similar::{Algorithm, DiffOp, TextDiff};
    use std::time::{Duration, Instant};
    // Only the line split of `TextDiff` is used (an expired deadline stops its own diff
    // at once); the operations come from the key alignment below.
    let lines = TextDiff::configure()
        .deadline(Instant::now())
        .diff_lines(old, new);
    let (a, b) = (lines.old_slices(), lines.new_slices());
    let ka: Vec<&str> = a.iter().map(|l| line_key(l)).collect();
    let kb: Vec<&str> = b.iter().map(|l| line_key(l)).collect();
    // Hostile keys could still make the key diff slow: past the deadline it is coarser.
    let deadline = Instant::now() + Duration::from_secs(2);
    let by_key = similar::capture_diff_slices_deadline(Algorithm::Myers, &ka, &kb, Some(deadline));
    let mut ops: Vec<DiffOp> = Vec::with_capacity(by_key.len());
    for op in by_key {
        let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        else {
            ops.push(op);
            continue;
        };
        // Same keys: runs of equal lines, and runs of changed ones (one-for-one).
        let mut i = 0;
        while i < len {
            let same = a.get(old_index + i) == b.get(new_index + i);
            let run = (i..len)
                .take_while(|&j| (a.get(old_index + j) == b.get(new_index + j)) == same)
                .count();
            ops.push(if same {
                DiffOp::Equal {
                    old_index: old_index + i,
                    new_index: new_index + i,
                    len: run,
                }
            } else {
                DiffOp::Replace {
                    old_index: old_index + i,
                    old_len: run,
                    new_index: new_index + i,
                    new_len: run,
                }
            });
            i += run;
        }
    }
    let changed = ops
        .iter()
        .map(|op| match *op {
            DiffOp::Insert { new_len, .. } | DiffOp::Replace { new_len, .. } => new_len,
            _ => 0,
        })
        .sum();
    let mut out = String::new();
    for (n, group) in similar::group_diff_ops(ops, 2).into_iter().enumerate() {
        if n == 0 {
            out.push_str(&format!("--- {old_name}\n+++ {new_name}\n"));
        }
        let hunk = similar::udiff::UnifiedDiffHunk::new(group, &lines, true);
        out.push_str(&hunk.to_string());
    }
    (out, changed)
}
