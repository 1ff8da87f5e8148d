//! Grids → published 自评表. The document is read by the importer's readers (Word,
//! Excel, text: merged cells expanded, locations kept) and walked here row by row across
//! all its tables, because a form may be cut into two tables and several forms may share
//! one table or sheet: a 项目名称 / 部门（单位）名称 label starts a form, the 项目资金
//! header and the line under it give the money, the indicator header gives the columns of
//! the rows that follow, and 总分 closes the form.

use super::columns::{IndicatorColumns, Role};
use super::form::{
    FormKind, Printed, PublishedBudget, PublishedForm, PublishedRow, PublishedTotal,
};
use crate::scorecard::import::blocks::{Block, GridCell};
use crate::scorecard::import::synonyms::{is_total, key, level1_of, level2_of, squeeze};

/// Something in the document the audit could not place, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReadNote {
    pub at: String,
    pub message: String,
}

#[derive(Default)]
pub struct Reading {
    pub forms: Vec<PublishedForm>,
    pub notes: Vec<ReadNote>,
    /// Every `20xx年` seen, for the year of deadlines written without one.
    pub years: Vec<i32>,
}

/// A grid cell reduced to what the audit needs.
struct C<'a> {
    text: &'a str,
    at: String,
    spanned: bool,
}

impl<'a> C<'a> {
    fn flat(&self) -> super::flat::FlatCell<'a> {
        super::flat::FlatCell {
            text: self.text,
            at: self.at.clone(),
        }
    }
}

#[derive(Default)]
struct Walker {
    out: Reading,
    cur: Option<PublishedForm>,
    pending_kind: Option<FormKind>,
    budget_cols: Option<Vec<(usize, Role)>>,
    indicators: Option<IndicatorColumns>,
    level1: String,
    level2: String,
}

pub fn read_forms(blocks: &[Block]) -> Reading {
    let mut w = Walker::default();
    for b in blocks {
        match b {
            Block::Para { text, .. } => w.paragraph(text),
            Block::Table { grid, .. } => {
                for row in grid {
                    w.row(row);
                }
            }
        }
    }
    w.finish();
    w.out
}

fn cells(row: &[GridCell]) -> Vec<C<'_>> {
    row.iter()
        .map(|c| C {
            text: c.text.as_str(),
            at: c.loc.to_string(),
            spanned: c.spanned,
        })
        .collect()
}

fn kind_in_title(text: &str) -> Option<FormKind> {
    let s = squeeze(text);
    if s.contains("部门整体支出绩效自评") || s.contains("部门整体绩效自评") {
        Some(FormKind::Department)
    } else if s.contains("项目支出绩效自评") {
        Some(FormKind::Project)
    } else {
        None
    }
}

fn years_in(text: &str, out: &mut Vec<i32>) {
    let chars: Vec<char> = text.chars().collect();
    for (i, w) in chars.windows(5).enumerate() {
        let digits: String = w.iter().take(4).collect();
        let before_digit = i > 0 && chars.get(i - 1).is_some_and(|c| c.is_ascii_digit());
        if w.get(4) == Some(&'年') && digits.starts_with("20") && !before_digit {
            if let Ok(y) = digits.parse::<i32>() {
                out.push(y);
            }
        }
    }
}

impl Walker {
    fn paragraph(&mut self, text: &str) {
        years_in(text, &mut self.out.years);
        if let Some(k) = kind_in_title(text) {
            self.pending_kind = Some(k);
        }
    }

    fn finish(&mut self) {
        if let Some(f) = self.cur.take() {
            if f.is_started() {
                self.out.forms.push(f);
            }
        }
        self.indicators = None;
        self.budget_cols = None;
    }

    /// The form rows go to; a new one when the current one is closed by its 总分.
    fn form(&mut self, at: &str) -> &mut PublishedForm {
        if self.cur.as_ref().is_some_and(|f| f.total.is_some()) {
            self.finish();
        }
        let kind = self.pending_kind.unwrap_or(FormKind::Project);
        self.cur
            .get_or_insert_with(|| PublishedForm::new(kind, at.to_string()))
    }

    fn start(&mut self, kind: FormKind, at: &str) -> &mut PublishedForm {
        if self
            .cur
            .as_ref()
            .is_some_and(|f| !f.name.is_empty() || f.total.is_some() || !f.rows.is_empty())
        {
            self.finish();
        }
        let f = self.form(at);
        f.kind = kind;
        f
    }

    fn row(&mut self, row: &[GridCell]) {
        let cs = cells(row);
        let texts: Vec<&str> = cs.iter().map(|c| c.text).collect();
        if texts.iter().all(|t| t.trim().is_empty()) {
            return;
        }
        for t in &texts {
            years_in(t, &mut self.out.years);
        }
        if let Some(cols) = IndicatorColumns::of(&texts) {
            self.indicator_header(cols, &cs);
            return;
        }
        if self
            .indicators
            .as_ref()
            .is_some_and(IndicatorColumns::is_flat)
        {
            let flat: Vec<super::flat::FlatCell<'_>> = cs.iter().map(C::flat).collect();
            super::flat::flat_row(self_flat(self), &flat);
            return;
        }
        let first = cs.iter().find(|c| !c.text.trim().is_empty() && !c.spanned);
        let Some(first) = first else { return };
        if key(first.text) == "小计" {
            // A level's subtotal inside the indicator block: not a row, not the total.
            return;
        }
        if is_total(first.text) || TOTAL_LABELS.contains(&key(first.text).as_str()) {
            self.total(&cs);
            return;
        }
        if self.grade_row(&cs, first.text) {
            return;
        }
        if self.labels(&cs) {
            return;
        }
        if self.budget(&cs) {
            return;
        }
        if self.indicators.is_some() {
            self.indicator(&cs);
            return;
        }
        if let Some(k) = texts.iter().find_map(|t| kind_in_title(t)) {
            self.pending_kind = Some(k);
        }
    }

    fn indicator_header(&mut self, cols: IndicatorColumns, cs: &[C<'_>]) {
        let at = cs.first().map(|c| c.at.clone()).unwrap_or_default();
        if cols.is_flat() {
            self.finish();
        } else {
            self.form(&at);
        }
        self.indicators = Some(cols);
        self.level1.clear();
        self.level2.clear();
    }

    /// 项目名称 / 部门（单位）名称 / 主管部门 / 实施单位 with the value in the next cell.
    fn labels(&mut self, cs: &[C<'_>]) -> bool {
        let mut found = false;
        let visible: Vec<&C<'_>> = cs
            .iter()
            .filter(|c| !c.spanned && !c.text.trim().is_empty())
            .collect();
        for (i, c) in visible.iter().enumerate() {
            let next = || {
                visible
                    .get(i + 1)
                    .map(|v| v.text.trim().to_string())
                    .unwrap_or_default()
            };
            let (k, value) = label_in_cell(c.text).unwrap_or_else(|| (key(c.text), next()));
            match k.as_str() {
                "项目名称" => {
                    self.start(FormKind::Project, &c.at).name = value;
                    found = true;
                }
                "部门(单位)名称" | "部门名称" | "单位名称" | "部门(单位)" => {
                    self.start(FormKind::Department, &c.at).name = value;
                    found = true;
                }
                "主管部门" | "主管部门及代码" => {
                    self.form(&c.at).dept = value;
                    found = true;
                }
                "实施单位" => {
                    self.form(&c.at).unit = value;
                    found = true;
                }
                _ => {}
            }
        }
        found
    }

    /// The 项目资金 header (年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分) and
    /// the first line of amounts under it (年度资金总额); the breakdown lines are skipped.
    fn budget(&mut self, cs: &[C<'_>]) -> bool {
        let roles: Vec<(usize, Role)> = cs
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.spanned)
            .filter_map(|(i, c)| super::columns::role_of(c.text).map(|r| (i, r)))
            .collect();
        let money = roles
            .iter()
            .filter(|(_, r)| matches!(r, Role::Initial | Role::Adjusted | Role::Spent))
            .count();
        if money >= 2 {
            let at = cs.first().map(|c| c.at.clone()).unwrap_or_default();
            self.form(&at);
            self.budget_cols = Some(roles);
            return true;
        }
        let Some(cols) = self.budget_cols.clone() else {
            return false;
        };
        let at = cs.first().map(|c| c.at.clone()).unwrap_or_default();
        let form = self.form(&at);
        if form.budget.is_none() {
            form.budget = Some(budget_line(&cols, cs));
        }
        // Breakdown lines (其中：…) and the goal block until the indicator header.
        self.indicators.is_none()
    }

    fn indicator(&mut self, cs: &[C<'_>]) {
        let Some(cols) = self.indicators.clone() else {
            return;
        };
        let visible: Vec<&C<'_>> = cs.iter().filter(|c| !c.spanned).collect();
        let texts: Vec<&str> = visible.iter().map(|c| c.text).collect();
        let Some(k) = cols.offset(&texts) else {
            let at = visible.first().map(|c| c.at.clone()).unwrap_or_default();
            self.out.notes.push(ReadNote {
                at,
                message: format!(
                    "此行无法对应到指标表的列（{}），未复核；请检查该行的单元格是否齐全",
                    texts.join(" | ")
                ),
            });
            return;
        };
        let mut r = PublishedRow::default();
        for (i, c) in visible.iter().enumerate() {
            let p = Printed::new(c.text, c.at.clone());
            match cols.roles.get(i + k).copied().flatten() {
                Some(Role::Level1) if !p.is_blank() => self.level1 = level_name(&p.text, level1_of),
                Some(Role::Level2) if !p.is_blank() => self.level2 = level_name(&p.text, level2_of),
                Some(Role::Name) => r.name = p,
                Some(Role::Nature) => r.nature = p.text,
                Some(Role::MeasureUnit) => r.unit = p.text,
                Some(Role::Target) => r.target = p,
                Some(Role::Actual) => r.actual = p,
                Some(Role::Points) => r.points = p,
                Some(Role::Score) => r.score = p,
                Some(Role::Reason) => r.reason = p,
                _ => {}
            }
        }
        if r.name.is_blank() && r.target.is_blank() {
            return;
        }
        r.level1 = self.level1.clone();
        r.level2 = self.level2.clone();
        let at = r.name.at.clone();
        self.form(&at).rows.push(r);
    }

    /// A 自评等级 line of its own under the 总分 line (`自评等级 | 优`).
    fn grade_row(&mut self, cs: &[C<'_>], first: &str) -> bool {
        if !matches!(key(first).as_str(), "自评等级" | "评价等级" | "等级") {
            return false;
        }
        let Some(c) = cs
            .iter()
            .filter(|c| !c.spanned)
            .skip(1)
            .find(|c| grade_in(c.text).is_some())
        else {
            return false;
        };
        let grade = Printed::new(grade_in(c.text).unwrap_or_default(), c.at.clone());
        let Some(f) = self.cur.as_mut() else {
            return false;
        };
        f.total.get_or_insert_with(PublishedTotal::default).grade = grade;
        true
    }

    /// 总分 · full points · total · grade (`优`, or `自评等级：优`).
    fn total(&mut self, cs: &[C<'_>]) {
        let visible: Vec<&C<'_>> = cs
            .iter()
            .filter(|c| !c.spanned && !c.text.trim().is_empty())
            .skip(1)
            .collect();
        let mut t = PublishedTotal::default();
        let mut numbers = Vec::new();
        for c in visible {
            let p = Printed::new(c.text, c.at.clone());
            if let Some(g) = grade_in(&p.text) {
                t.grade = Printed::new(g, c.at.clone());
            } else if p.number().is_some() {
                numbers.push(p);
            }
        }
        match numbers.len() {
            0 => {}
            1 => t.total = numbers.remove(0),
            _ => {
                t.points = numbers.remove(0);
                t.total = numbers.remove(0);
            }
        }
        let at = t.total.at.clone();
        self.form(&at).total = Some(t);
        self.indicators = None;
        self.budget_cols = None;
    }
}

/// Total rows beyond the importer's `合计`/`总分`.
const TOTAL_LABELS: &[&str] = &["合计得分", "自评总分", "综合得分", "得分合计", "总得分"];

/// A label and its value in one cell: `项目名称：农村公路养护`.
fn label_in_cell(text: &str) -> Option<(String, String)> {
    let (label, value) = text.split_once(['：', ':'])?;
    let value = value.trim();
    (!value.is_empty()).then(|| (key(label), value.to_string()))
}

/// Lets the bulk-export reader use the walker's state.
fn self_flat(w: &mut Walker) -> super::flat::FlatState<'_> {
    super::flat::FlatState {
        forms: &mut w.out.forms,
        cur: &mut w.cur,
        cols: w.indicators.as_ref(),
    }
}

fn level_name(text: &str, map: fn(&str) -> Option<&'static str>) -> String {
    map(text).map(str::to_string).unwrap_or_else(|| key(text))
}

/// The grade a total cell states: `优`, `良`, `中`, `差`, or after `自评等级：`.
pub fn grade_in(text: &str) -> Option<&'static str> {
    let s = squeeze(text);
    let s = s.rsplit_once(':').map(|(_, g)| g).unwrap_or(&s);
    GRADE_WORDS
        .iter()
        .find(|(_, words)| words.contains(&s))
        .map(|(g, _)| *g)
}

/// The grades and the words forms print for them.
const GRADE_WORDS: &[(&str, &[&str])] = &[
    ("优", &["优", "优秀", "优等"]),
    ("良", &["良", "良好", "良等"]),
    ("中", &["中", "中等", "合格"]),
    ("差", &["差", "较差", "差等", "不合格"]),
];

fn budget_line(cols: &[(usize, Role)], cs: &[C<'_>]) -> PublishedBudget {
    let visible: Vec<(usize, &C<'_>)> = cs.iter().enumerate().filter(|(_, c)| !c.spanned).collect();
    // A text copy may shift cells; when the line has as many values as the header has
    // columns, they pair up in order.
    let values: Vec<&C<'_>> = visible
        .iter()
        .map(|(_, c)| *c)
        .filter(|c| {
            !c.text.trim().is_empty()
                && squeeze(c.text)
                    .chars()
                    .any(|ch| ch.is_ascii_digit() || ch == '—')
        })
        .collect();
    let mut b = PublishedBudget::default();
    let mut put = |role: Role, c: &C<'_>| {
        let p = Printed::new(c.text, c.at.clone());
        match role {
            Role::Initial => b.initial = p,
            Role::Adjusted => b.adjusted = p,
            Role::Spent => b.spent = p,
            Role::Points => b.points = p,
            Role::Rate => b.rate = p,
            Role::Score | Role::ExecutionScore => b.score = p,
            _ => {}
        }
    };
    if values.len() == cols.len() {
        for ((_, role), c) in cols.iter().zip(values) {
            put(*role, c);
        }
    } else {
        for (i, role) in cols {
            if let Some(c) = cs.get(*i) {
                put(*role, c);
            }
        }
    }
    b
}
