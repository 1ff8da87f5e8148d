//! The region summary: departments by grade, the lowest-scoring projects, and per
//! department its score, grade and rows missing actuals. Built from small per-department
//! figures, so it stays small however large the departments are.

use super::RegionOutcome;
use crate::evaluate::ScoredDepartment;
use crate::score::Policy;
use rust_decimal::Decimal;
use serde::Serialize;

/// How many lowest-scoring projects the summary lists.
pub const LOWEST_PROJECTS: usize = 10;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct GradeCount {
    pub grade: String,
    pub count: usize,
    /// Department codes with this grade, in folder order.
    pub departments: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DepartmentLine {
    pub code: String,
    pub name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    pub grade: String,
    /// 项目支出综合得分.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub projects_composite: Option<Decimal>,
    pub projects: usize,
    /// Indicator rows (projects and the department's own).
    pub rows: usize,
    /// Rows without an actual.
    pub missing_actuals: usize,
    /// Rows that could not be scored.
    pub failed_rows: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LowProject {
    pub department: String,
    pub code: String,
    pub name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    pub grade: String,
    /// Position in the run (department order, then project order); breaks ties.
    #[serde(skip)]
    pub seq: (usize, usize),
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BrokenDepartment {
    pub folder: String,
    /// Errors reported for it (on stderr).
    pub errors: usize,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct RegionSummary {
    /// Departments scored.
    pub scored: usize,
    pub projects: usize,
    pub rows: usize,
    pub missing_actuals: usize,
    pub failed_rows: usize,
    /// Departments per grade, in the policy's grade order (highest first).
    pub by_grade: Vec<GradeCount>,
    /// The lowest-scoring projects of the region (lowest first; ties in folder order).
    pub lowest_projects: Vec<LowProject>,
    /// Every scored department, in folder order.
    pub departments: Vec<DepartmentLine>,
    /// Department folders left out because of errors.
    pub broken: Vec<BrokenDepartment>,
}

/// The figures of one scored department, and its lowest projects (at most
/// [`LOWEST_PROJECTS`]; `seq.0` is filled in by the accumulator).
pub fn figures(s: &ScoredDepartment, failed_rows: usize) -> (DepartmentLine, Vec<LowProject>) {
    let d = &s.department;
    let rows = d.indicators.len() + s.projects.iter().map(|p| p.indicators.len()).sum::<usize>();
    let line = DepartmentLine {
        code: d.code.clone(),
        name: d.name.clone(),
        score: d.score,
        grade: d.grade.clone(),
        projects_composite: d.projects_composite,
        projects: s.projects.len(),
        rows,
        missing_actuals: d.missing.len(),
        failed_rows,
    };
    let mut lowest: Vec<LowProject> = s
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| LowProject {
            department: d.code.clone(),
            code: p.code.clone(),
            name: p.name.clone(),
            score: p.score,
            grade: p.grade.clone(),
            seq: (0, i),
        })
        .collect();
    keep_lowest(&mut lowest);
    (line, lowest)
}

fn keep_lowest(v: &mut Vec<LowProject>) {
    v.sort_by_key(|p| (p.score, p.seq));
    v.truncate(LOWEST_PROJECTS);
}

pub(super) struct Accumulator {
    summary: RegionSummary,
    failed_rows: usize,
    unknown_actuals: usize,
    next: usize,
}

impl Accumulator {
    pub fn new(policy: &Policy) -> Accumulator {
        Accumulator {
            summary: RegionSummary {
                by_grade: policy
                    .grades
                    .iter()
                    .map(|g| GradeCount {
                        grade: g.label.clone(),
                        count: 0,
                        departments: Vec::new(),
                    })
                    .collect(),
                ..RegionSummary::default()
            },
            failed_rows: 0,
            unknown_actuals: 0,
            next: 0,
        }
    }

    /// Keys of actuals files that name no project or row of their scorecard (warned about).
    pub fn unknown_actuals(&mut self, n: usize) {
        self.unknown_actuals += n;
    }

    pub fn add(&mut self, line: DepartmentLine, lowest: Vec<LowProject>, failed_rows: usize) {
        let seq = self.next;
        self.next += 1;
        let s = &mut self.summary;
        s.scored += 1;
        s.projects += line.projects;
        s.rows += line.rows;
        s.missing_actuals += line.missing_actuals;
        s.failed_rows += line.failed_rows;
        self.failed_rows += failed_rows;
        match s.by_grade.iter_mut().find(|g| g.grade == line.grade) {
            Some(g) => {
                g.count += 1;
                g.departments.push(line.code.clone());
            }
            None => s.by_grade.push(GradeCount {
                grade: line.grade.clone(),
                count: 1,
                departments: vec![line.code.clone()],
            }),
        }
        s.lowest_projects.extend(lowest.into_iter().map(|mut p| {
            p.seq.0 = seq;
            p
        }));
        keep_lowest(&mut s.lowest_projects);
        s.departments.push(line);
    }

    pub fn broken(&mut self, b: BrokenDepartment) {
        self.next += 1;
        self.summary.broken.push(b);
    }

    pub fn finish(self) -> RegionOutcome {
        RegionOutcome {
            summary: self.summary,
            failed_rows: self.failed_rows,
            unknown_actuals: self.unknown_actuals,
        }
    }
}
