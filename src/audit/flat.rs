//! Bulk exports: one line per indicator, the project's own columns (项目名称, 主管部门,
//! 预算数, 执行率, 执行得分, 总分, 自评等级) repeated or merged down per project. A new
//! 项目名称 starts the next form.

use super::columns::{IndicatorColumns, Role};
use super::form::{
    FormKind, Printed, PublishedBudget, PublishedForm, PublishedRow, PublishedTotal,
};
use super::read::grade_in;
use crate::scorecard::import::synonyms::{key, level1_of, level2_of};

pub struct FlatState<'a> {
    pub forms: &'a mut Vec<PublishedForm>,
    pub cur: &'a mut Option<PublishedForm>,
    pub cols: Option<&'a IndicatorColumns>,
}

/// A cell of the bulk export: its text and where it is.
pub struct FlatCell<'a> {
    pub text: &'a str,
    pub at: String,
}

pub fn flat_row(st: FlatState<'_>, cs: &[FlatCell<'_>]) {
    let Some(cols) = st.cols else { return };
    let cell = |r: Role| -> Printed {
        cols.roles
            .iter()
            .position(|x| *x == Some(r))
            .and_then(|i| cs.get(i))
            .map(|c| Printed::new(c.text, c.at.clone()))
            .unwrap_or_default()
    };
    let project = cell(Role::Project);
    if project.is_blank() {
        return;
    }
    let same = st.cur.as_ref().is_some_and(|f| f.name == project.text);
    if !same {
        if let Some(f) = st.cur.take() {
            st.forms.push(f);
        }
        let mut f = PublishedForm::new(FormKind::Project, project.at.clone());
        f.name = project.text.clone();
        f.dept = cell(Role::Dept).text;
        f.unit = cell(Role::Unit).text;
        f.budget = Some(PublishedBudget {
            initial: cell(Role::Initial),
            adjusted: cell(Role::Adjusted),
            spent: cell(Role::Spent),
            points: Printed::default(),
            rate: cell(Role::Rate),
            score: cell(Role::ExecutionScore),
        });
        let grade = cell(Role::Grade);
        let grade = match grade_in(&grade.text) {
            Some(g) => Printed::new(g, grade.at.clone()),
            None => grade,
        };
        f.total = Some(PublishedTotal {
            points: Printed::default(),
            total: cell(Role::Total),
            grade,
        });
        *st.cur = Some(f);
    }
    let level = |r: Role, map: fn(&str) -> Option<&'static str>| {
        let t = cell(r).text;
        map(&t).map(str::to_string).unwrap_or_else(|| key(&t))
    };
    let row = PublishedRow {
        level1: level(Role::Level1, level1_of),
        level2: level(Role::Level2, level2_of),
        name: cell(Role::Name),
        nature: cell(Role::Nature).text,
        unit: cell(Role::MeasureUnit).text,
        target: cell(Role::Target),
        actual: cell(Role::Actual),
        points: cell(Role::Points),
        score: cell(Role::Score),
        reason: cell(Role::Reason),
    };
    if let Some(f) = st.cur.as_mut() {
        f.rows.push(row);
    }
}
