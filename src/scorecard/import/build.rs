//! Blocks → the scorecard model: the department part (一、总体绩效目标, 二、分项绩效目标,
//! 三、工作保障措施) and the project tables (an info table and an indicator table each).
//! Every cell and line is either placed in the model or reported.

use super::blocks::{Block, Cell, Location};
use super::prose::{self, Segment};
use super::Note;
use crate::scorecard::levels;
use crate::scorecard::load::read_decimal;
use crate::scorecard::model::{Area, Checkpoint, Department, Indicator, Origin, Project};
use rust_decimal::Decimal;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Start,
    Goals,
    Areas,
    Safeguards,
    Projects,
}

/// An area being read, with the location of each line of its text.
#[derive(Default)]
struct AreaDraft {
    area: Area,
    segments: Vec<Segment>,
    /// Which field continuation lines go to: 0 summary, 1 goals, 2 indicators.
    field: u8,
}

/// What the builder produced: the department (projects inside) and the years seen.
pub struct Built {
    pub department: Department,
    /// Every `YYYY年` in titles, headings and targets, with where it was written.
    pub years: Vec<(i32, Location)>,
}

pub fn build(blocks: &[Block], notes: &mut Vec<Note>) -> Built {
    let mut section = Section::Start;
    let mut goals: Vec<String> = Vec::new();
    let mut safeguards: Vec<String> = Vec::new();
    let mut areas: Vec<AreaDraft> = Vec::new();
    let mut projects: Vec<Project> = Vec::new();
    let mut years: Vec<(i32, Location)> = Vec::new();
    // The project heading (`1.司法局化解办经费绩效目标表`) waiting for its tables.
    let mut heading: Option<(String, Location)> = None;
    // Whether the current project already has its indicator table.
    let mut has_indicators = true;

    for block in blocks {
        match block {
            Block::Para { text, loc } => {
                let t = text.trim();
                if t.is_empty() {
                    continue;
                }
                if let Some(s) = section_heading(t) {
                    section = s;
                    continue;
                }
                if matches!(
                    t,
                    "第一部分" | "第二部分" | "部门整体绩效目标" | "预算项目绩效目标"
                ) {
                    if t == "第二部分" || t == "预算项目绩效目标" {
                        section = Section::Projects;
                    }
                    continue;
                }
                if let Some(title) = project_heading(t) {
                    section = Section::Projects;
                    collect_years(title, loc.clone(), &mut years);
                    heading = Some((title.to_string(), loc.clone()));
                    continue;
                }
                match section {
                    Section::Goals => goals.push(text.clone()),
                    Section::Safeguards => safeguards.push(text.clone()),
                    Section::Areas => area_line(text, loc.clone(), &mut areas, notes),
                    Section::Start | Section::Projects => notes.push(Note::problem(
                        loc.clone(),
                        format!("cannot place this text: `{}`", clip(t)),
                    )),
                }
            }
            Block::Table { rows, loc, .. } => {
                if is_indicator_table(rows) {
                    match projects.last_mut() {
                        Some(p) if !has_indicators => {
                            read_indicator_table(rows, p, notes, &mut years);
                            has_indicators = true;
                        }
                        _ => notes.push(Note::problem(
                            loc.clone(),
                            "an indicator table with no project table before it; its rows are not imported".to_string(),
                        )),
                    }
                } else if is_info_table(rows) {
                    if !has_indicators {
                        if let Some(p) = projects.last() {
                            notes.push(Note::problem(
                                loc.clone(),
                                format!("project `{}` has no indicator table", p.code),
                            ));
                        }
                    }
                    let p = read_info_table(rows, notes);
                    if let Some((title, hloc)) = heading.take() {
                        let bare = strip_heading(&title);
                        if bare != p.name {
                            notes.push(Note::info(
                                hloc,
                                format!("the heading `{title}` differs from the table's 项目名称 `{}`; the table's name is used", p.name),
                            ));
                        }
                    }
                    projects.push(p);
                    has_indicators = false;
                } else {
                    for row in rows {
                        for c in row {
                            if !c.text.trim().is_empty() {
                                notes.push(Note::problem(
                                    c.loc.clone(),
                                    format!("a table that is neither a project table nor an indicator table; cell not imported: `{}`", clip(&c.text)),
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    if !has_indicators {
        if let Some(p) = projects.last() {
            notes.push(Note::problem(
                Location::Line(0),
                format!("project `{}` has no indicator table", p.code),
            ));
        }
    }

    let (code, name) = department_identity(&projects);
    let mut units: Vec<String> = Vec::new();
    for p in &projects {
        if !p.unit.is_empty() && !units.contains(&p.unit) {
            units.push(p.unit.clone());
        }
    }
    let mut segments = Vec::new();
    let mut dept_areas = Vec::new();
    for a in areas {
        segments.extend(a.segments);
        dept_areas.push(a.area);
    }
    let indicators = prose::department_indicators(&segments, notes);
    for s in &segments {
        collect_deadline_years(&s.text, s.loc.clone(), &mut years);
    }
    Built {
        department: Department {
            code,
            name,
            fiscal_year: 0,
            units,
            goals: goals.join("\n"),
            safeguards: safeguards.join("\n"),
            indicators,
            projects,
            areas: dept_areas,
            folder: PathBuf::new(),
        },
        years,
    }
}

fn clip(s: &str) -> String {
    let one: String = s
        .split('\n')
        .next()
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    if one.chars().count() < s.chars().count() {
        format!("{one}…")
    } else {
        one
    }
}

fn section_heading(t: &str) -> Option<Section> {
    let rest = ["一、", "二、", "三、", "四、"]
        .iter()
        .find_map(|p| t.strip_prefix(p))?
        .trim();
    match rest {
        "总体绩效目标" => Some(Section::Goals),
        "分项绩效目标" => Some(Section::Areas),
        "工作保障措施" => Some(Section::Safeguards),
        _ => None,
    }
}

/// `1.司法局化解办经费绩效目标表` → the title after the number.
fn project_heading(t: &str) -> Option<&str> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = t.get(digits..)?;
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix('、'))?;
    rest.ends_with("绩效目标表").then_some(rest)
}

fn strip_heading(title: &str) -> &str {
    title.strip_suffix("绩效目标表").unwrap_or(title)
}

/// The department's code and name from the first project's 实施单位 (`315001遵化市司法局本级`).
fn department_identity(projects: &[Project]) -> (String, String) {
    let Some(p) = projects.first() else {
        return (String::new(), String::new());
    };
    let code: String = p.unit.chars().take_while(char::is_ascii_digit).collect();
    let name = p.unit.get(code.len()..).unwrap_or("");
    let name = name.strip_suffix("本级").unwrap_or(name).trim().to_string();
    (code, name)
}

/// A line of 二、分项绩效目标: an area heading (`1、普法宣传：…`), `绩效目标：…`,
/// `绩效指标：…`, or a continuation of the field before it.
fn area_line(text: &str, loc: Location, areas: &mut Vec<AreaDraft>, notes: &mut Vec<Note>) {
    let t = text.trim();
    if let Some((name, summary)) = area_heading(t) {
        let written = t.split_once('、').map(|(_, r)| r.trim_start()).unwrap_or(t);
        if !written.starts_with(&format!("{name}：")) && !written.starts_with(&format!("{name}:"))
        {
            let head: String = written.chars().take(name.chars().count() + 6).collect();
            notes.push(Note::info(
                loc.clone(),
                format!("area heading `{head}…` is named `{name}`"),
            ));
        }
        let mut d = AreaDraft::default();
        d.area.name = name.clone();
        d.area.summary = summary.to_string();
        d.segments.push(Segment {
            area: name,
            text: summary.to_string(),
            loc,
            indicator_text: false,
        });
        areas.push(d);
        return;
    }
    let Some(d) = areas.last_mut() else {
        notes.push(Note::problem(
            loc,
            format!("text in 分项绩效目标 before the first area: `{}`", clip(t)),
        ));
        return;
    };
    let (field, body) = if let Some(b) = strip_label(t, "绩效目标") {
        (1, b)
    } else if let Some(b) = strip_label(t, "绩效指标") {
        (2, b)
    } else {
        (d.field, t)
    };
    let continuing = field == d.field && !(field == 1 && strip_label(t, "绩效目标").is_some());
    d.field = field;
    let target = match field {
        0 => &mut d.area.summary,
        1 => &mut d.area.goals,
        _ => &mut d.area.indicators_text,
    };
    if continuing && !target.is_empty() {
        target.push('\n');
    }
    target.push_str(body);
    d.segments.push(Segment {
        area: d.area.name.clone(),
        text: body.to_string(),
        loc,
        indicator_text: field == 2,
    });
}

fn strip_label<'a>(t: &'a str, label: &str) -> Option<&'a str> {
    let rest = t.strip_prefix(label)?;
    rest.strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))
        .map(str::trim_start)
}

/// `1、普法宣传：…` → ("普法宣传", "…"); `4、 加强推进法律服务体系建设（1）…` →
/// ("法律服务体系建设", "（1）…").
fn area_heading(t: &str) -> Option<(String, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = t.get(digits..)?.strip_prefix('、')?.trim_start();
    let cut = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '：' | ':' | '（' | '(' | '。' | '，'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let name = rest.get(..cut)?.trim();
    let mut summary = rest.get(cut..).unwrap_or("");
    summary = summary
        .strip_prefix('：')
        .or_else(|| summary.strip_prefix(':'))
        .unwrap_or(summary)
        .trim_start();
    let mut short = name;
    for verb in ["加强推进", "全力推进", "进一步", "加强", "推进"] {
        if let Some(s) = short.strip_prefix(verb) {
            if !s.is_empty() {
                short = s;
                break;
            }
        }
    }
    if short.is_empty() {
        return None;
    }
    Some((short.to_string(), summary))
}

fn norm_label(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_info_table(rows: &[Vec<Cell>]) -> bool {
    rows.iter()
        .flatten()
        .any(|c| norm_label(&c.text) == "项目编码")
}

fn is_indicator_table(rows: &[Vec<Cell>]) -> bool {
    rows.first()
        .is_some_and(|r| r.iter().any(|c| norm_label(&c.text) == "一级指标"))
}

/// Reads an amount cell: blank → `None`; unreadable → reported, `None`.
fn amount(c: &Cell, what: &str, notes: &mut Vec<Note>) -> Option<Decimal> {
    let t = c.text.trim();
    if t.is_empty() {
        return None;
    }
    match read_decimal(t) {
        Some(d) => Some(d),
        None => {
            notes.push(Note::problem(
                c.loc.clone(),
                format!("{what} `{t}` is not an amount in 万元; left out"),
            ));
            None
        }
    }
}

fn read_info_table(rows: &[Vec<Cell>], notes: &mut Vec<Note>) -> Project {
    let mut p = Project {
        code: String::new(),
        name: String::new(),
        unit: String::new(),
        budget: Decimal::ZERO,
        adjusted_budget: None,
        fiscal_funds: None,
        other_funds: None,
        carryover: None,
        purpose: String::new(),
        spending_plan: Vec::new(),
        goals: Vec::new(),
        indicators: Vec::new(),
        file: PathBuf::new(),
    };
    let mut budget_seen = false;
    let mut used = vec![Vec::<bool>::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        if let Some(u) = used.get_mut(r) {
            *u = vec![false; row.len()];
        }
    }
    let mark = |used: &mut Vec<Vec<bool>>, r: usize, c: usize| {
        if let Some(x) = used.get_mut(r).and_then(|u| u.get_mut(c)) {
            *x = true;
        }
    };
    let mut prev_label = String::new();
    for (r, row) in rows.iter().enumerate() {
        let first = row.first().map(|c| norm_label(&c.text)).unwrap_or_default();
        if r == 0 && first != "项目编码" {
            // 实施单位 and the money unit.
            for (c, cell) in row.iter().enumerate() {
                let t = cell.text.trim();
                if t.is_empty() {
                    mark(&mut used, r, c);
                } else if let Some(u) = norm_label(t).strip_prefix("单位：") {
                    mark(&mut used, r, c);
                    if u != "万元" {
                        notes.push(Note::problem(
                            cell.loc.clone(),
                            format!("amounts are in `{u}`, not 万元; they are imported as written"),
                        ));
                    }
                } else if p.unit.is_empty() {
                    p.unit = t.to_string();
                    mark(&mut used, r, c);
                }
            }
            continue;
        }
        if first.is_empty() && prev_label.contains("预算规模") {
            // The 资金用途 row under 预算规模及资金用途.
            let mut parts = Vec::new();
            for (c, cell) in row.iter().enumerate() {
                let t = cell.text.trim();
                if t.is_empty() {
                    mark(&mut used, r, c);
                } else if norm_label(t) != "资金用途" {
                    parts.push(cell.text.clone());
                    mark(&mut used, r, c);
                } else {
                    mark(&mut used, r, c);
                }
            }
            p.purpose = parts.join("\n");
            prev_label.clear();
            continue;
        }
        if first.is_empty() && prev_label.contains("资金支出计划") {
            continue; // read together with the month row
        }
        if first.contains("资金支出计划") {
            mark(&mut used, r, 0);
            let next = rows.get(r + 1);
            for (c, cell) in row.iter().enumerate().skip(1) {
                let label = norm_label(&cell.text);
                let value = next.and_then(|n| n.get(c));
                let month = label
                    .strip_suffix("月底")
                    .or_else(|| label.strip_suffix("月末"))
                    .and_then(|m| m.parse::<u8>().ok())
                    .filter(|m| (1..=12).contains(m));
                let share = value.and_then(|v| {
                    let t = norm_label(&v.text);
                    let t = t
                        .strip_suffix('%')
                        .or_else(|| t.strip_suffix('％'))
                        .unwrap_or(&t);
                    read_decimal(t)
                });
                match (month, share) {
                    (Some(month), Some(share)) => {
                        p.spending_plan.push(Checkpoint { month, share });
                        mark(&mut used, r, c);
                        mark(&mut used, r + 1, c);
                    }
                    _ if label.is_empty() && value.is_none_or(|v| v.text.trim().is_empty()) => {
                        mark(&mut used, r, c);
                        mark(&mut used, r + 1, c);
                    }
                    _ => notes.push(Note::problem(
                        cell.loc.clone(),
                        format!(
                            "spending plan checkpoint `{}` → `{}` is not a month and a share; left out",
                            cell.text.trim(),
                            value.map(|v| v.text.trim()).unwrap_or("")
                        ),
                    )),
                }
            }
            if let Some(n) = rows.get(r + 1) {
                if n.first().is_some_and(|c| c.text.trim().is_empty()) {
                    mark(&mut used, r + 1, 0);
                }
            }
            prev_label = first;
            continue;
        }
        if first == "绩效目标" {
            mark(&mut used, r, 0);
            for (c, cell) in row.iter().enumerate().skip(1) {
                mark(&mut used, r, c);
                for line in cell.text.split('\n') {
                    if !line.trim().is_empty() {
                        p.goals.push(line.to_string());
                    }
                }
            }
            prev_label = first;
            continue;
        }
        if first.contains("预算规模") {
            mark(&mut used, r, 0);
        }
        // Label / value pairs along the row.
        let mut c = 0;
        while c < row.len() {
            let Some(cell) = row.get(c) else { break };
            let label = norm_label(&cell.text);
            let value = row.get(c + 1);
            let key = match label.as_str() {
                "项目编码" => Some("code"),
                "项目名称" => Some("name"),
                "预算数" | "年初预算数" | "预算数（万元）" => Some("budget"),
                "全年预算数" => Some("adjusted"),
                "其他资金" => Some("other"),
                "资金用途" => Some("purpose"),
                l if l.starts_with("其中") && l.contains("财政") => Some("fiscal"),
                _ => None,
            };
            let (Some(key), Some(v)) = (key, value) else {
                c += 1;
                continue;
            };
            mark(&mut used, r, c);
            mark(&mut used, r, c + 1);
            match key {
                "code" => p.code = v.text.trim().to_string(),
                "name" => p.name = v.text.trim().to_string(),
                "budget" => {
                    budget_seen = true;
                    match amount(v, "预算数", notes) {
                        Some(d) => p.budget = d,
                        None => notes.push(Note::problem(
                            v.loc.clone(),
                            "the project has no readable 预算数; written as 0.00".to_string(),
                        )),
                    }
                }
                "adjusted" => p.adjusted_budget = amount(v, "全年预算数", notes),
                "fiscal" => p.fiscal_funds = amount(v, "财政资金", notes),
                "other" => p.other_funds = amount(v, "其他资金", notes),
                _ => p.purpose = v.text.clone(),
            }
            c += 2;
        }
        prev_label = first;
    }
    if !budget_seen {
        notes.push(Note::problem(
            rows.first()
                .and_then(|r| r.first())
                .map(|c| c.loc.clone())
                .unwrap_or(Location::Line(0)),
            format!("project `{}` has no 预算数 cell; written as 0.00", p.code),
        ));
        p.budget = Decimal::new(0, 2);
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let done = used.get(r).and_then(|u| u.get(c)).copied().unwrap_or(false);
            if !done && !cell.text.trim().is_empty() {
                notes.push(Note::problem(
                    cell.loc.clone(),
                    format!(
                        "cannot place this cell of the project table: `{}`",
                        clip(&cell.text)
                    ),
                ));
            }
        }
    }
    if p.code.is_empty() {
        notes.push(Note::problem(
            rows.first()
                .and_then(|r| r.first())
                .map(|c| c.loc.clone())
                .unwrap_or(Location::Line(0)),
            "a project table without a 项目编码".to_string(),
        ));
    }
    p
}

const COLUMNS: [&str; 6] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "绩效指标描述",
    "指标值",
    "指标值确定依据",
];

fn read_indicator_table(
    rows: &[Vec<Cell>],
    p: &mut Project,
    notes: &mut Vec<Note>,
    years: &mut Vec<(i32, Location)>,
) {
    let Some(header) = rows.first() else { return };
    let mut col = [None; 6];
    for (i, c) in header.iter().enumerate() {
        let l = norm_label(&c.text);
        match COLUMNS.iter().position(|h| *h == l) {
            Some(k) => {
                if let Some(slot) = col.get_mut(k) {
                    *slot = Some(i);
                }
            }
            None => notes.push(Note::problem(
                c.loc.clone(),
                format!(
                    "unknown column `{}` in the indicator table; its cells are not imported",
                    c.text.trim()
                ),
            )),
        }
    }
    let [Some(c1), Some(c2), Some(c3), c4, Some(c5), c6] = col else {
        notes.push(Note::problem(
            header.first().map(|c| c.loc.clone()).unwrap_or(Location::Line(0)),
            "the indicator table lacks one of 一级指标, 二级指标, 三级指标, 指标值; its rows are not imported".to_string(),
        ));
        return;
    };
    let mut level1 = String::new();
    let mut level2 = String::new();
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for row in rows.iter().skip(1) {
        let get = |i: Option<usize>| -> String {
            i.and_then(|i| row.get(i))
                .map(|c| c.text.clone())
                .unwrap_or_default()
        };
        let all_blank = row.iter().all(|c| c.text.trim().is_empty());
        let first_loc = row
            .first()
            .map(|c| c.loc.clone())
            .unwrap_or(Location::Line(0));
        if all_blank {
            notes.push(Note::info(
                first_loc,
                "an empty indicator row, skipped".to_string(),
            ));
            continue;
        }
        if row.len() != header.len() {
            notes.push(Note::problem(
                first_loc.clone(),
                format!(
                    "an indicator row with {} cells where the header has {}; read by position",
                    row.len(),
                    header.len()
                ),
            ));
        }
        let l1 = get(Some(c1)).trim().to_string();
        if !l1.is_empty() {
            level1 = l1;
        }
        let l2 = get(Some(c2)).trim().to_string();
        if !l2.is_empty() {
            level2 = l2;
        }
        let name = get(Some(c3)).trim().to_string();
        let target = get(Some(c5));
        if name.is_empty() && target.trim().is_empty() {
            notes.push(Note::problem(
                first_loc,
                "an indicator row with neither 三级指标 nor 指标值; not imported".to_string(),
            ));
            continue;
        }
        if target.trim().is_empty() {
            notes.push(Note::problem(
                row.get(c5)
                    .map(|c| c.loc.clone())
                    .unwrap_or(first_loc.clone()),
                format!("indicator `{name}` has an empty 指标值; imported empty, fill it in"),
            ));
        }
        if level1.is_empty() || level2.is_empty() {
            notes.push(Note::problem(
                first_loc,
                format!("indicator `{name}` has no 一级/二级指标"),
            ));
        } else if levels::level2_names(&level1).is_none_or(|l| !l.contains(&level2.as_str())) {
            notes.push(Note::problem(
                first_loc,
                format!(
                    "`{level1}` / `{level2}` is not in the national level set; imported as written"
                ),
            ));
        }
        if let Some(loc) = row.get(c5).map(|c| c.loc.clone()) {
            collect_deadline_years(&target, loc, years);
        }
        let prefix = levels::id_prefix(&level2);
        let n = counts.entry(prefix).or_insert(0);
        *n += 1;
        p.indicators.push(Indicator {
            id: format!("{prefix}{n}"),
            level1: level1.clone(),
            level2: level2.clone(),
            label1: None,
            label2: None,
            name,
            description: get(c4).trim().to_string(),
            target_text: target,
            target: None,
            target_diagnostics: Vec::new(),
            basis: get(c6).trim().to_string(),
            points: None,
            published_points: None,
            direction: None,
            rule: None,
            area: None,
            origin: Origin::default(),
        });
    }
}

/// Years written `YYYY年` (titles).
pub(super) fn collect_years(text: &str, loc: Location, years: &mut Vec<(i32, Location)>) {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '年' || i < 4 {
            continue;
        }
        let digits: String = chars
            .get(i - 4..i)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        let before_is_digit = i >= 5 && chars.get(i - 5).is_some_and(|c| c.is_ascii_digit());
        if before_is_digit {
            continue;
        }
        if let Ok(y) = digits.parse::<i32>() {
            if (1949..=2200).contains(&y) {
                years.push((y, loc.clone()));
            }
        }
    }
}

/// Years of deadlines: `YYYY年M月…` (a year followed by a month).
pub(super) fn collect_deadline_years(text: &str, loc: Location, years: &mut Vec<(i32, Location)>) {
    let mut found = Vec::new();
    collect_years(text, loc, &mut found);
    for (y, l) in found {
        let pat = format!("{y}年");
        if text
            .split(&pat)
            .skip(1)
            .any(|a| a.starts_with(|c: char| c.is_ascii_digit()))
        {
            years.push((y, l));
        }
    }
}
