//! Blocks → the scorecard model: the department part (一、总体绩效目标, 二、分项绩效目标,
//! 三、工作保障措施) and the project tables (an info table and an indicator table each).
//! Every cell and line is either placed in the model or reported.

use super::blocks::{Block, Cell, Location};
use super::indicator_table::read_indicator_table;
use super::info_table::read_info_table;
use super::prose::{self, Segment};
use super::Note;
use crate::scorecard::model::{Area, Department, Project};
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
    let mut b = Builder {
        section: Section::Start,
        goals: Vec::new(),
        safeguards: Vec::new(),
        areas: Vec::new(),
        projects: Vec::new(),
        years: Vec::new(),
        heading: None,
        has_indicators: true,
    };
    for block in blocks {
        match block {
            Block::Para { text, loc } => b.paragraph(text, loc, notes),
            Block::Table { rows, loc, .. } => b.table(rows, loc, notes),
        }
    }
    b.finish(notes)
}

/// What has been read so far, block by block, in document order.
struct Builder {
    section: Section,
    goals: Vec<String>,
    safeguards: Vec<String>,
    areas: Vec<AreaDraft>,
    projects: Vec<Project>,
    years: Vec<(i32, Location)>,
    /// The project heading (`1.司法局化解办经费绩效目标表`) waiting for its tables.
    heading: Option<(String, Location)>,
    /// Whether the current project already has its indicator table.
    has_indicators: bool,
}

impl Builder {
    /// A paragraph: a heading switches the section; any other text belongs to the
    /// section it stands in, or is reported where no section takes text.
    fn paragraph(&mut self, text: &str, loc: &Location, notes: &mut Vec<Note>) {
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        if let Some(s) = section_heading(t) {
            self.section = s;
            return;
        }
        if matches!(
            t,
            "第一部分" | "第二部分" | "部门整体绩效目标" | "预算项目绩效目标"
        ) {
            if t == "第二部分" || t == "预算项目绩效目标" {
                self.section = Section::Projects;
            }
            return;
        }
        if let Some(title) = project_heading(t) {
            self.section = Section::Projects;
            collect_years(title, loc.clone(), &mut self.years);
            self.heading = Some((title.to_string(), loc.clone()));
            return;
        }
        match self.section {
            Section::Goals => self.goals.push(text.to_string()),
            Section::Safeguards => self.safeguards.push(text.to_string()),
            Section::Areas => area_line(text, loc.clone(), &mut self.areas, notes),
            Section::Start | Section::Projects => notes.push(Note::problem(
                loc.clone(),
                crate::i18n::tf("import.cannot-place", &[("text", &clip(t))]),
            )),
        }
    }

    /// A table: a project's info table opens a project, its indicator table fills it;
    /// any other table is reported cell by cell.
    fn table(&mut self, rows: &[Vec<Cell>], loc: &Location, notes: &mut Vec<Note>) {
        if is_indicator_table(rows) {
            match self.projects.last_mut() {
                Some(p) if !self.has_indicators => {
                    read_indicator_table(rows, p, notes, &mut self.years);
                    self.has_indicators = true;
                }
                _ => notes.push(Note::problem(
                    loc.clone(),
                    crate::i18n::t("import.orphan-indicator-table").to_string(),
                )),
            }
        } else if is_info_table(rows) {
            self.missing_indicators(loc.clone(), notes);
            let p = read_info_table(rows, notes);
            if let Some((title, hloc)) = self.heading.take() {
                let bare = strip_heading(&title);
                if bare != p.name {
                    notes.push(Note::info(
                        hloc,
                        crate::i18n::tf(
                            "import.heading-differs",
                            &[("title", &title.to_string()), ("name", &p.name.to_string())],
                        ),
                    ));
                }
            }
            self.projects.push(p);
            self.has_indicators = false;
        } else {
            for c in rows.iter().flatten() {
                if !c.text.trim().is_empty() {
                    notes.push(Note::problem(
                        c.loc.clone(),
                        crate::i18n::tf("import.stray-table", &[("text", &clip(&c.text))]),
                    ));
                }
            }
        }
    }

    /// Reports the last project when its indicator table never came (at `loc`, where the
    /// next project starts or the document ends).
    fn missing_indicators(&self, loc: Location, notes: &mut Vec<Note>) {
        if self.has_indicators {
            return;
        }
        if let Some(p) = self.projects.last() {
            notes.push(Note::problem(
                loc,
                crate::i18n::tf(
                    "import.no-indicator-table",
                    &[("code", &p.code.to_string())],
                ),
            ));
        }
    }

    /// The department: its identity from the projects, its areas' indicators read from
    /// their prose, and every year seen (for the fiscal-year check).
    fn finish(mut self, notes: &mut Vec<Note>) -> Built {
        self.missing_indicators(Location::Line(0), notes);
        let (code, name) = department_identity(&self.projects);
        let mut units: Vec<String> = Vec::new();
        for p in &self.projects {
            if !p.unit.is_empty() && !units.contains(&p.unit) {
                units.push(p.unit.clone());
            }
        }
        let mut segments = Vec::new();
        let mut dept_areas = Vec::new();
        for a in self.areas {
            segments.extend(a.segments);
            dept_areas.push(a.area);
        }
        let indicators = prose::department_indicators(&segments, notes);
        for s in &segments {
            collect_deadline_years(&s.text, s.loc.clone(), &mut self.years);
        }
        Built {
            department: Department {
                code,
                name,
                fiscal_year: 0,
                units,
                goals: self.goals.join("\n"),
                safeguards: self.safeguards.join("\n"),
                indicators,
                projects: self.projects,
                areas: dept_areas,
                folder: PathBuf::new(),
            },
            years: self.years,
        }
    }
}

/// The first line of `s`, at most 40 characters, for quoting a cell in a note.
pub(super) fn clip(s: &str) -> String {
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
                crate::i18n::tf(
                    "import.area-named",
                    &[("head", &head.to_string()), ("name", &name.to_string())],
                ),
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
            crate::i18n::tf("import.before-first-area", &[("text", &clip(t))]),
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

/// A label without its spaces: `项 目 编 码` is how some tables spread a label across a cell.
pub(super) fn norm_label(s: &str) -> String {
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
