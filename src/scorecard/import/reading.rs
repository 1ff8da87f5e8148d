//! What the interpreter has read so far from a document of any layout: the projects (and
//! the department's own part) as drafts, the years seen, and the notes. Drafts become the
//! model in `assemble`.

use super::amount::Money;
use super::blocks::Location;
use super::prose::Segment;
use super::Note;
use crate::scorecard::model::Indicator;
use rust_decimal::Decimal;

/// A project (or the department's own part) being read.
#[derive(Debug, Clone)]
pub struct Draft {
    pub name: Option<(String, Location)>,
    pub code: Option<String>,
    pub unit: Option<String>,
    pub total: Option<Decimal>,
    pub fiscal: Option<Decimal>,
    pub other: Option<Decimal>,
    /// 上年结转资金.
    pub carryover: Option<Decimal>,
    /// Parts of 财政拨款 (省级补助, 县级配套), summed only when 财政拨款 is not printed.
    pub sub_fiscal: Vec<Decimal>,
    pub purpose: Vec<String>,
    pub goals: Vec<String>,
    pub rows: Vec<Indicator>,
    pub loc: Location,
}

impl Draft {
    pub fn new(loc: Location) -> Draft {
        Draft {
            name: None,
            code: None,
            unit: None,
            total: None,
            fiscal: None,
            other: None,
            carryover: None,
            sub_fiscal: Vec::new(),
            purpose: Vec::new(),
            goals: Vec::new(),
            rows: Vec::new(),
            loc,
        }
    }
    /// Whether a 项目名称 would now start another project.
    pub fn is_started(&self) -> bool {
        self.name.is_some() || !self.rows.is_empty()
    }
}

/// A table as found, for the message when nothing can be imported.
#[derive(Debug, Clone)]
pub struct TableSeen {
    pub loc: Location,
    pub rows: usize,
    pub cols: usize,
    /// The first non-empty rows, as text.
    pub first_rows: Vec<String>,
    pub header: Option<String>,
}

#[derive(Debug, Default)]
pub struct Reading {
    pub notes: Vec<Note>,
    /// Years in titles (`（2023年度）`, `2021年部门预算项目`): they decide the fiscal year.
    pub title_years: Vec<(i32, Location)>,
    /// Years of deadlines in targets, used when no title names one.
    pub deadline_years: Vec<(i32, Location)>,
    /// Any other `YYYY年` in the text, the last resort.
    pub other_years: Vec<(i32, Location)>,
    pub projects: Vec<Draft>,
    pub department: Option<Draft>,
    pub department_name: Option<(String, Location)>,
    /// A name taken from a title (`某某局2023年…`), used when no label names the department.
    pub title_department: Option<String>,
    /// The project name from a title, for a form whose table has no 项目名称 row.
    pub title_project: Option<(String, Location)>,
    /// Indicators currently belong to the department (部门整体 tables).
    pub department_scope: bool,
    /// A title named the department's own targets without saying 部门整体
    /// (`2023年部门绩效目标表`): unnamed indicator rows are the department's.
    pub department_title: bool,
    /// The money unit the document states (`单位：元`).
    pub money: Option<Money>,
    pub tables: Vec<TableSeen>,
    pub headers_found: usize,
    /// Paragraphs not placed otherwise, read as prose when the document has no indicator table.
    pub prose: Vec<Segment>,
}

impl Reading {
    /// The draft indicators and project facts go to now.
    pub fn current(&mut self, loc: &Location) -> &mut Draft {
        if self.department_scope {
            return self
                .department
                .get_or_insert_with(|| Draft::new(loc.clone()));
        }
        if self.projects.is_empty() {
            self.projects.push(Draft::new(loc.clone()));
        }
        // In range: a draft was pushed just above when there was none.
        let n = self.projects.len();
        &mut self.projects[n - 1]
    }
    /// Starts a new project unless the current one is still empty.
    pub fn new_project(&mut self, loc: &Location) -> &mut Draft {
        self.department_scope = false;
        let fresh = self.projects.last().is_none_or(Draft::is_started);
        if fresh {
            self.projects.push(Draft::new(loc.clone()));
        }
        self.current(loc)
    }
    pub fn money_or(&self, local: Option<Money>) -> Money {
        local.or(self.money).unwrap_or(Money::Wan)
    }
}
