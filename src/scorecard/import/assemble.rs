//! Drafts → the scorecard model, so that what is written always loads: every project has
//! a name and a code (derived when the source prints none), a budget, unique ids; the
//! department has a name and a usable code.

use super::blocks::Location;
use super::code::derived_code;
use super::info::breakdown;
use super::prose;
use super::reading::{Draft, Reading};
use super::Note;
use crate::evaluate::points::{level_points, LevelPoints};
use crate::scorecard::levels;
use crate::scorecard::model::{Department, Indicator, Project};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub struct Assembled {
    pub department: Department,
    pub years: Vec<(i32, Location)>,
    pub notes: Vec<Note>,
}

pub fn assemble(mut rd: Reading) -> Assembled {
    department_rows(&mut rd);
    if rd.headers_found == 0 {
        read_prose(&mut rd);
    } else {
        for s in std::mem::take(&mut rd.prose) {
            rd.notes.push(Note::info(
                s.loc,
                crate::i18n::tf(
                    "import.n-prose",
                    &[("text", &super::indicator_row::clip(&s.text))],
                ),
            ));
        }
    }
    let (dept_name, dept_code) = department_identity(&mut rd);
    let mut notes = std::mem::take(&mut rd.notes);
    let mut projects: Vec<Project> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    let mut untitled = rd.title_project.clone();
    for d in std::mem::take(&mut rd.projects) {
        if d.name.is_none() && d.rows.is_empty() {
            continue;
        }
        projects.push(project(
            d,
            &dept_name,
            &mut untitled,
            &mut codes,
            &mut notes,
        ));
    }
    let mut units: Vec<String> = Vec::new();
    for p in &projects {
        if !p.unit.is_empty() && !units.contains(&p.unit) {
            units.push(p.unit.clone());
        }
    }
    let (indicators, goals) = match rd.department.take() {
        Some(d) => {
            if d.total.is_some() || d.fiscal.is_some() {
                notes.push(Note::info(
                    d.loc.clone(),
                    crate::i18n::t("import.n-dept-budget").to_string(),
                ));
            }
            let mut rows = d.rows;
            fit_points(&mut rows, &dept_name, &d.loc, &mut notes);
            (with_ids(rows), d.goals.join("\n"))
        }
        None => (Vec::new(), String::new()),
    };
    let years = [rd.title_years, rd.deadline_years, rd.other_years]
        .into_iter()
        .find(|y| !y.is_empty())
        .unwrap_or_default();
    Assembled {
        department: Department {
            code: dept_code,
            name: dept_name,
            fiscal_year: 0,
            units,
            goals,
            safeguards: String::new(),
            indicators,
            projects,
            areas: Vec::new(),
            folder: PathBuf::new(),
        },
        years,
        notes,
    }
}

/// A department's form that names no project (`2023年部门绩效目标表` with 部门名称):
/// its rows are the department's own.
fn department_rows(rd: &mut Reading) {
    let unnamed = rd
        .projects
        .iter()
        .all(|p| p.name.is_none() && p.code.is_none());
    if !(rd.department_title && unnamed && rd.title_project.is_none()) {
        return;
    }
    for p in std::mem::take(&mut rd.projects) {
        let d = rd
            .department
            .get_or_insert_with(|| Draft::new(p.loc.clone()));
        d.rows.extend(p.rows);
        d.goals.extend(p.goals);
    }
}

/// A prose-only notice: its sentences are the indicators of the project it names, else
/// of the department.
fn read_prose(rd: &mut Reading) {
    let segments = std::mem::take(&mut rd.prose);
    let rows = prose::notice_indicators(&segments, &mut rd.notes);
    let Some(first) = segments.first() else {
        return;
    };
    let at = first.loc.clone();
    for s in &segments {
        super::build::collect_deadline_years(&s.text, s.loc.clone(), &mut rd.deadline_years);
    }
    let named = rd.projects.iter().any(|p| p.name.is_some());
    if named && !rd.department_scope {
        rd.current(&at).rows.extend(rows);
    } else {
        rd.department
            .get_or_insert_with(|| Draft::new(at.clone()))
            .rows
            .extend(rows);
    }
}

/// Published 分值/权重 are the row's points when each level's points fit the level's
/// weight in the default policy (as `check` and `score` judge them); otherwise they are
/// kept as `published_points` with a note, so the folder still checks and scores (the rows
/// of that level share its weight).
fn fit_points(rows: &mut [Indicator], owner: &str, at: &Location, notes: &mut Vec<Note>) {
    let Ok(policy) = crate::policy::default_policy() else {
        return;
    };
    for level in &policy.levels {
        let in_level = rows.iter().filter(|i| i.level1 == level.name).count();
        let explicit: Vec<Decimal> = rows
            .iter()
            .filter(|i| i.level1 == level.name)
            .filter_map(|i| i.points)
            .collect();
        let verdict = level_points(level.points, explicit.iter().copied(), in_level);
        if matches!(verdict, LevelPoints::Fine | LevelPoints::Exhausted) {
            continue;
        }
        let sum: Decimal = explicit.iter().copied().sum();
        for i in rows.iter_mut().filter(|i| i.level1 == level.name) {
            i.published_points = i.points.take();
        }
        notes.push(Note::info(
            at.clone(),
            crate::i18n::tf(
                "import.n-points-sum",
                &[
                    ("owner", owner),
                    ("level", level.name.as_str()),
                    ("sum", &sum.to_string()),
                    ("points", &level.points.to_string()),
                ],
            ),
        ));
    }
}

/// Ids as the seed's: the 二级's prefix and a count (`qty1`, `sat1`).
fn with_ids(rows: Vec<Indicator>) -> Vec<Indicator> {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    rows.into_iter()
        .map(|mut i| {
            let prefix = levels::id_prefix(&i.level2);
            let n = counts.entry(prefix).or_insert(0);
            *n += 1;
            i.id = format!("{prefix}{n}");
            i
        })
        .collect()
}

fn project(
    mut d: Draft,
    dept_name: &str,
    untitled: &mut Option<(String, Location)>,
    codes: &mut Vec<String>,
    notes: &mut Vec<Note>,
) -> Project {
    let (name, name_loc) = match (d.name, untitled.take()) {
        (Some(n), _) => n,
        (None, Some(t)) => t,
        (None, None) => {
            notes.push(Note::problem(
                d.loc.clone(),
                crate::i18n::t("import.n-no-project-name").to_string(),
            ));
            ("未命名项目".to_string(), d.loc.clone())
        }
    };
    let unit = d.unit.unwrap_or_else(|| dept_name.to_string());
    let mut code = match d.code.filter(|c| !c.is_empty()) {
        Some(c) => c,
        None => {
            let c = derived_code("JX", &unit, &name);
            notes.push(Note::info(
                name_loc.clone(),
                crate::i18n::tf(
                    "import.n-derived-project-code",
                    &[("name", name.as_str()), ("code", c.as_str())],
                ),
            ));
            c
        }
    };
    if codes.contains(&code) {
        let base = code.clone();
        let mut k = 2;
        while codes.contains(&code) {
            code = format!("{base}-{k}");
            k += 1;
        }
        notes.push(Note::problem(
            name_loc.clone(),
            crate::i18n::tf(
                "import.n-code-taken",
                &[("base", &base.to_string()), ("code", &code.to_string())],
            ),
        ));
    }
    codes.push(code.clone());
    let budget = match d
        .total
        .or_else(|| breakdown(d.fiscal, d.other, d.carryover, &d.sub_fiscal))
    {
        Some(b) => b,
        None => {
            notes.push(Note::problem(
                name_loc.clone(),
                crate::i18n::tf("import.n-no-budget", &[("name", &name.to_string())]),
            ));
            Decimal::new(0, 2)
        }
    };
    fit_points(&mut d.rows, &name, &name_loc, notes);
    if d.rows.is_empty() {
        notes.push(Note::problem(
            name_loc,
            crate::i18n::tf("import.n-no-rows", &[("name", &name.to_string())]),
        ));
    }
    Project {
        code,
        name,
        unit,
        budget,
        adjusted_budget: None,
        fiscal_funds: d.fiscal,
        other_funds: d.other,
        carryover: d.carryover,
        purpose: d.purpose.join("\n"),
        spending_plan: Vec::new(),
        goals: d.goals,
        indicators: with_ids(d.rows),
        file: PathBuf::new(),
    }
}

/// The department's name (label, title, unit) and code (digits it starts with, else
/// derived from the name).
fn department_identity(rd: &mut Reading) -> (String, String) {
    let from_unit = rd.projects.iter().find_map(|p| p.unit.clone());
    let name = match rd
        .department_name
        .clone()
        .map(|n| n.0)
        .or_else(|| rd.title_department.clone())
        .or(from_unit)
    {
        Some(n) => n,
        None => {
            rd.notes.push(Note::problem(
                Location::Document,
                crate::i18n::t("import.n-no-department").to_string(),
            ));
            "未注明部门".to_string()
        }
    };
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    let (name, code) = if digits.len() >= 3 {
        let rest = name.get(digits.len()..).unwrap_or("").trim().to_string();
        (rest, digits)
    } else {
        let code = derived_code("D", "", &name);
        rd.notes.push(Note::info(
            Location::Document,
            crate::i18n::tf("import.n-derived-dept-code", &[("code", &code.to_string())]),
        ));
        (name, code)
    };
    (name, code)
}
