//! `jixiao diff`: what a change of rules, actuals or scorecards moves. Every row, project
//! and department figure whose score or grade changes, old → new with the delta, largest
//! move first.

use crate::evaluate::{IndicatorResult, ScoredDepartment};
use crate::score::formula::fixed;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// `department`, `project` or `row`.
    pub level: &'static str,
    /// Project code (or the department's code).
    pub scope: String,
    /// Row id for rows; empty otherwise.
    pub id: String,
    pub name: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub old: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub new: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub delta: Option<Decimal>,
    pub old_grade: Option<String>,
    pub new_grade: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
    pub rows_changed: usize,
    pub grades_changed: usize,
}

fn rows_of(s: &ScoredDepartment) -> BTreeMap<(String, String), (&IndicatorResult, String)> {
    let mut m = BTreeMap::new();
    for r in &s.department.indicators {
        m.insert(
            (s.department.code.clone(), r.id.clone()),
            (r, s.department.name.clone()),
        );
    }
    for p in &s.projects {
        for r in &p.indicators {
            m.insert((p.code.clone(), r.id.clone()), (r, p.name.clone()));
        }
    }
    m
}

fn delta(old: Option<Decimal>, new: Option<Decimal>) -> Option<Decimal> {
    Some(new? - old?)
}

impl Change {
    /// A moved score (and grade, for projects and the department's total).
    fn new(
        level: &'static str,
        scope: String,
        id: String,
        name: String,
        old: Option<Decimal>,
        new: Option<Decimal>,
    ) -> Change {
        Change {
            level,
            scope,
            id,
            name,
            old,
            new,
            delta: delta(old, new),
            old_grade: None,
            new_grade: None,
        }
    }

    fn grades(mut self, old: Option<String>, new: Option<String>) -> Change {
        self.old_grade = old;
        self.new_grade = new;
        self
    }
}

/// Indicator rows whose score moved, or that are in one result only.
fn row_changes(old: &ScoredDepartment, new: &ScoredDepartment, out: &mut Vec<Change>) {
    let (o, n) = (rows_of(old), rows_of(new));
    let keys: BTreeSet<_> = o.keys().chain(n.keys()).cloned().collect();
    for k in keys {
        let (or, nr) = (o.get(&k), n.get(&k));
        let (os, ns) = (or.and_then(|r| r.0.score), nr.and_then(|r| r.0.score));
        if os != ns || or.is_none() != nr.is_none() {
            let name = nr.or(or).map(|r| r.0.name.clone()).unwrap_or_default();
            out.push(Change::new("row", k.0, k.1, name, os, ns));
        }
    }
}

/// The 预算执行率 row of each project and of the department.
fn execution_changes(
    old: &ScoredDepartment,
    new: &ScoredDepartment,
    codes: &BTreeSet<String>,
    out: &mut Vec<Change>,
) {
    let score = |s: &ScoredDepartment, c: &str| {
        s.projects
            .iter()
            .find(|p| p.code == c)
            .and_then(|p| p.execution.score)
    };
    let mut executions: Vec<(String, Option<Decimal>, Option<Decimal>)> = codes
        .iter()
        .map(|c| (c.clone(), score(old, c), score(new, c)))
        .collect();
    executions.push((
        new.department.code.clone(),
        old.department.execution.score,
        new.department.execution.score,
    ));
    for (scope, os, ns) in executions {
        if os != ns {
            let (id, name) = ("execution".to_string(), "预算执行率".to_string());
            out.push(Change::new("row", scope, id, name, os, ns));
        }
    }
}

/// The department's total (and grade) and its 项目支出综合得分.
fn department_changes(old: &ScoredDepartment, new: &ScoredDepartment, out: &mut Vec<Change>) {
    let (od, nd) = (&old.department, &new.department);
    let total = (
        "total",
        Some(od.score),
        Some(nd.score),
        Some(od.grade.clone()),
        Some(nd.grade.clone()),
    );
    let composite = (
        "项目支出综合得分",
        od.projects_composite,
        nd.projects_composite,
        None,
        None,
    );
    for (what, os, ns, og, ng) in [total, composite] {
        if os != ns || og != ng {
            let change = Change::new(
                "department",
                nd.code.clone(),
                what.to_string(),
                nd.name.clone(),
                os,
                ns,
            );
            out.push(change.grades(og, ng));
        }
    }
}

pub fn diff(old: &ScoredDepartment, new: &ScoredDepartment) -> Diff {
    let mut changes = Vec::new();
    row_changes(old, new, &mut changes);
    let op: BTreeMap<_, _> = old.projects.iter().map(|p| (p.code.clone(), p)).collect();
    let np: BTreeMap<_, _> = new.projects.iter().map(|p| (p.code.clone(), p)).collect();
    let codes: BTreeSet<_> = op.keys().chain(np.keys()).cloned().collect();
    execution_changes(old, new, &codes, &mut changes);
    let rows_changed = changes.len();
    for c in codes {
        let (a, b) = (op.get(&c), np.get(&c));
        let (os, ns) = (a.map(|p| p.score), b.map(|p| p.score));
        let (og, ng) = (a.map(|p| p.grade.clone()), b.map(|p| p.grade.clone()));
        if os != ns || og != ng {
            let name = b.or(a).map(|p| p.name.clone()).unwrap_or_default();
            let change = Change::new("project", c, String::new(), name, os, ns);
            changes.push(change.grades(og, ng));
        }
    }
    department_changes(old, new, &mut changes);
    let grades_changed = changes
        .iter()
        .filter(|c| c.old_grade.is_some() && c.old_grade != c.new_grade)
        .count();
    // Largest move first; equal moves keep rows, then projects, then the department, each by key.
    changes.sort_by(|a, b| {
        let mag = |c: &Change| c.delta.map(|d| d.abs()).unwrap_or(Decimal::MAX);
        mag(b).cmp(&mag(a))
    });
    Diff {
        changes,
        rows_changed,
        grades_changed,
    }
}

/// [`render_text`] folded to `style`'s width, in ASCII marks when it asks for them.
pub fn render_text_styled(d: &Diff, places: u32, style: super::TableStyle) -> String {
    super::text_style::apply(render_text(d, places), style)
}

/// `项目 13028122P00307110001T` / `指标 <code> qty1`: the level in the reader's language,
/// the codes as they are (JSON keeps the level's code).
fn change_key(c: &Change) -> String {
    let level = crate::i18n::t(&format!("report.diff-level-{}", c.level)).to_string();
    if c.id.is_empty() {
        format!("{level} {}", c.scope)
    } else {
        format!("{level} {} {}", c.scope, c.id)
    }
}

pub fn render_text(d: &Diff, places: u32) -> String {
    let mut out = String::new();
    let f = |x: Option<Decimal>| x.map(|v| fixed(v, places)).unwrap_or_else(|| "—".into());
    for c in &d.changes {
        let grade = match (&c.old_grade, &c.new_grade) {
            (Some(a), Some(b)) if a != b => crate::i18n::tf(
                "report.diff-grade",
                &[("old", &a.to_string()), ("new", &b.to_string())],
            ),
            _ => String::new(),
        };
        let delta = c
            .delta
            .map(|x| {
                format!(
                    "{}{}",
                    if x >= Decimal::ZERO { "+" } else { "" },
                    fixed(x, places)
                )
            })
            .unwrap_or_else(|| "n/a".into());
        let key = change_key(c);
        out.push_str(&format!(
            "{key}  {}  {} → {}  ({delta}){grade}\n",
            c.name,
            f(c.old),
            f(c.new)
        ));
    }
    let largest = d
        .changes
        .iter()
        .filter_map(|c| c.delta.map(|x| (x.abs(), c)))
        .max_by(|a, b| a.0.cmp(&b.0));
    let largest = match largest {
        Some((_, c)) => crate::i18n::tf(
            "report.diff-largest",
            &[
                ("what", &change_key(c)),
                (
                    "delta",
                    &c.delta.map(|x| fixed(x, places)).unwrap_or_default(),
                ),
            ],
        ),
        None => crate::i18n::t("report.diff-largest-none").to_string(),
    };
    out.push_str(&crate::i18n::tf(
        "report.diff-summary",
        &[
            ("rows", &d.rows_changed.to_string()),
            ("grades", &d.grades_changed.to_string()),
            ("largest", &largest),
        ],
    ));
    out.push('\n');
    out
}
