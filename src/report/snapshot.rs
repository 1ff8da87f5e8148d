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
