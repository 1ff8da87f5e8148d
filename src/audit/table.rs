//! One published form audited: rows re-scored (with 不适用 points moved the way the
//! policy says), the execution line, totals and the table checks.

use super::checks::{table_checks, Finding};
use super::form::{FormKind, PublishedForm, PublishedRow};
use super::rescore::{rescore_execution, rescore_row, Rules};
use super::verdict::Rescored;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RowAudit {
    pub row: PublishedRow,
    #[serde(flatten)]
    pub result: Rescored,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableAudit {
    pub form: PublishedForm,
    pub execution: Option<Rescored>,
    pub rows: Vec<RowAudit>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub printed_total: Option<Decimal>,
    pub printed_grade: Option<String>,
    /// Σ rescored rows + execution, when every line could be re-scored.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rescored_total: Option<Decimal>,
    pub rescored_grade: Option<String>,
    pub findings: Vec<Finding>,
    /// What the audit did that a reviewer should know (points moved from 不适用 rows).
    pub notes: Vec<String>,
}

impl TableAudit {
    pub fn kind(&self) -> FormKind {
        self.form.kind
    }
    /// Every re-scored line: the execution line first, then the rows.
    pub fn lines(&self) -> impl Iterator<Item = &Rescored> {
        self.execution
            .iter()
            .chain(self.rows.iter().map(|r| &r.result))
    }
}

pub fn audit_table(form: PublishedForm, rules: &Rules<'_>) -> TableAudit {
    let mut notes = Vec::new();
    let weights = moved_weights(&form.rows, &mut notes);
    let rows: Vec<RowAudit> = form
        .rows
        .iter()
        .zip(weights)
        .map(|(r, w)| RowAudit {
            row: r.clone(),
            result: rescore_row(r, w, rules),
        })
        .collect();
    let execution = form.budget.as_ref().map(|b| rescore_execution(b, rules));
    let total = form.total.clone().unwrap_or_default();
    let printed_total = total.total.number();
    let printed_grade = (!total.grade.is_blank()).then(|| total.grade.text.clone());
    let rescored_total = execution
        .iter()
        .chain(rows.iter().map(|r| &r.result))
        .map(|l| l.rescored)
        .try_fold(Decimal::ZERO, |acc, x| x.and_then(|x| acc.checked_add(x)))
        .filter(|_| execution.is_some());
    let rescored_grade = rescored_total.map(|t| rules.policy.grade_for(t).to_string());
    let mut t = TableAudit {
        form,
        execution,
        rows,
        printed_total,
        printed_grade,
        rescored_total,
        rescored_grade,
        findings: Vec::new(),
        notes,
    };
    t.findings = table_checks(&t, rules);
    t
}

/// Each row's 分值 after the points of 不适用 rows that still print them are moved to the
/// other rows of the same 一级 level. They are moved only when an equal and a
/// proportional share agree (the siblings weigh the same); otherwise the printed points
/// stay and a note says why.
fn moved_weights(rows: &[PublishedRow], notes: &mut Vec<String>) -> Vec<Option<Decimal>> {
    let mut weights: Vec<Option<Decimal>> = rows.iter().map(|r| r.points.number()).collect();
    for (i, r) in rows.iter().enumerate() {
        let Some(moved) = r.points.number().filter(|p| !p.is_zero()) else {
            continue;
        };
        if !r.is_not_applicable() {
            continue;
        }
        let siblings: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(j, s)| *j != i && s.level1 == r.level1 && !s.is_not_applicable())
            .filter(|(_, s)| s.points.number().is_some())
            .map(|(j, _)| j)
            .collect();
        let points: Vec<Decimal> = siblings
            .iter()
            .filter_map(|j| rows.get(*j).and_then(|s| s.points.number()))
            .collect();
        let same = points.windows(2).all(|w| w.first() == w.get(1));
        if siblings.is_empty() || !same {
            notes.push(format!(
                "不适用指标「{}」仍列 {} 分：同级指标分值不同，均分与按比例分配结果不一致，未调整",
                r.name.text, moved
            ));
            continue;
        }
        let share = moved / Decimal::from(siblings.len());
        for j in &siblings {
            if let Some(Some(w)) = weights.get_mut(*j) {
                *w += share;
            }
        }
        if let Some(w) = weights.get_mut(i) {
            *w = Some(Decimal::ZERO);
        }
        notes.push(format!(
            "不适用指标「{}」的 {} 分按政策平均调整至同属{}的其他 {} 项指标（每项加 {}）",
            r.name.text,
            moved,
            r.level1,
            siblings.len(),
            share.normalize()
        ));
    }
    weights
}
