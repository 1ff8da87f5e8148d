//! The project table of the seed layout (the one with 项目编码): 实施单位 and the money
//! unit above it, label/value pairs along its rows, 资金用途 under 预算规模, the
//! 资金支出计划 as a row of months over a row of shares, and 绩效目标. Every non-empty cell
//! is either read into the project or reported: the table is tracked cell by cell.

use super::blocks::{Cell, Location};
use super::build::{clip, norm_label};
use super::Note;
use crate::scorecard::load::read_decimal;
use crate::scorecard::model::{Checkpoint, Project};
use rust_decimal::Decimal;
use std::path::PathBuf;

/// Which cells of the table have been read, so that the rest can be reported.
struct Used(Vec<Vec<bool>>);

impl Used {
    fn new(rows: &[Vec<Cell>]) -> Used {
        Used(rows.iter().map(|row| vec![false; row.len()]).collect())
    }

    fn mark(&mut self, r: usize, c: usize) {
        if let Some(x) = self.0.get_mut(r).and_then(|u| u.get_mut(c)) {
            *x = true;
        }
    }

    fn is(&self, r: usize, c: usize) -> bool {
        self.0
            .get(r)
            .and_then(|u| u.get(c))
            .copied()
            .unwrap_or(false)
    }
}

/// The project being read, the cells read so far and whether a 预算数 was met.
struct InfoRead<'n> {
    p: Project,
    used: Used,
    budget_seen: bool,
    notes: &'n mut Vec<Note>,
}

pub(super) fn read_info_table(rows: &[Vec<Cell>], notes: &mut Vec<Note>) -> Project {
    let mut read = InfoRead {
        p: empty_project(),
        used: Used::new(rows),
        budget_seen: false,
        notes,
    };
    let mut prev_label = String::new();
    for (r, row) in rows.iter().enumerate() {
        let first = row.first().map(|c| norm_label(&c.text)).unwrap_or_default();
        if r == 0 && first != "项目编码" {
            read.unit_row(row);
        } else if first.is_empty() && prev_label.contains("预算规模") {
            // The 资金用途 row under 预算规模及资金用途.
            read.purpose_row(r, row);
            prev_label.clear();
        } else if first.is_empty() && prev_label.contains("资金支出计划") {
            // Read together with the month row above.
        } else if first.contains("资金支出计划") {
            read.spending_plan(r, row, rows.get(r + 1));
            prev_label = first;
        } else if first == "绩效目标" {
            read.goals_row(r, row);
            prev_label = first;
        } else {
            if first.contains("预算规模") {
                read.used.mark(r, 0);
            }
            read.label_value_pairs(r, row);
            prev_label = first;
        }
    }
    read.finish(rows)
}

/// A project with nothing read yet; 预算数 is set to 0.00 at the end when none is found.
fn empty_project() -> Project {
    Project {
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
    }
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
                crate::i18n::tf("import.not-amount", &[("what", what), ("t", t)]),
            ));
            None
        }
    }
}

/// The key a label cell names, for the label/value pairs of a row.
fn pair_key(label: &str) -> Option<&'static str> {
    match label {
        "项目编码" => Some("code"),
        "项目名称" => Some("name"),
        "预算数" | "年初预算数" | "预算数（万元）" => Some("budget"),
        "全年预算数" => Some("adjusted"),
        "其他资金" => Some("other"),
        "资金用途" => Some("purpose"),
        l if l.starts_with("其中") && l.contains("财政") => Some("fiscal"),
        _ => None,
    }
}

/// `8月底` or `8月末` → 8.
fn plan_month(label: &str) -> Option<u8> {
    label
        .strip_suffix("月底")
        .or_else(|| label.strip_suffix("月末"))
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m))
}

/// `60%` (or `60％`, or `60`) → 60.
fn plan_share(v: &Cell) -> Option<Decimal> {
    let t = norm_label(&v.text);
    let t = t
        .strip_suffix('%')
        .or_else(|| t.strip_suffix('％'))
        .unwrap_or(&t);
    read_decimal(t)
}

impl InfoRead<'_> {
    /// The row above 项目编码: 实施单位 and `单位：万元`.
    fn unit_row(&mut self, row: &[Cell]) {
        for (c, cell) in row.iter().enumerate() {
            let t = cell.text.trim();
            if t.is_empty() {
                self.used.mark(0, c);
            } else if let Some(u) = norm_label(t).strip_prefix("单位：") {
                self.used.mark(0, c);
                if u != "万元" {
                    self.notes.push(Note::problem(
                        cell.loc.clone(),
                        crate::i18n::tf("import.amount-unit", &[("u", u)]),
                    ));
                }
            } else if self.p.unit.is_empty() {
                self.p.unit = t.to_string();
                self.used.mark(0, c);
            }
        }
    }

    /// The 资金用途 row: every cell but the label is part of the purpose.
    fn purpose_row(&mut self, r: usize, row: &[Cell]) {
        let mut parts = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            let t = cell.text.trim();
            if !t.is_empty() && norm_label(t) != "资金用途" {
                parts.push(cell.text.clone());
            }
            self.used.mark(r, c);
        }
        self.p.purpose = parts.join("\n");
    }

    /// The 资金支出计划 row (months) with the row below it (cumulative shares).
    fn spending_plan(&mut self, r: usize, row: &[Cell], next: Option<&Vec<Cell>>) {
        self.used.mark(r, 0);
        for (c, cell) in row.iter().enumerate().skip(1) {
            let label = norm_label(&cell.text);
            let value = next.and_then(|n| n.get(c));
            match (plan_month(&label), value.and_then(plan_share)) {
                (Some(month), Some(share)) => {
                    self.p.spending_plan.push(Checkpoint { month, share });
                    self.used.mark(r, c);
                    self.used.mark(r + 1, c);
                }
                _ if label.is_empty() && value.is_none_or(|v| v.text.trim().is_empty()) => {
                    self.used.mark(r, c);
                    self.used.mark(r + 1, c);
                }
                _ => self.notes.push(Note::problem(
                    cell.loc.clone(),
                    crate::i18n::tf(
                        "import.bad-checkpoint",
                        &[
                            ("month", cell.text.trim()),
                            ("share", value.map(|v| v.text.trim()).unwrap_or("")),
                        ],
                    ),
                )),
            }
        }
        if next.is_some_and(|n| n.first().is_some_and(|c| c.text.trim().is_empty())) {
            self.used.mark(r + 1, 0);
        }
    }

    /// The 绩效目标 row: one goal per non-empty line of its cells.
    fn goals_row(&mut self, r: usize, row: &[Cell]) {
        self.used.mark(r, 0);
        for (c, cell) in row.iter().enumerate().skip(1) {
            self.used.mark(r, c);
            for line in cell.text.split('\n') {
                if !line.trim().is_empty() {
                    self.p.goals.push(line.to_string());
                }
            }
        }
    }

    /// Label / value pairs along a row (`项目编码 | 315001… | 项目名称 | …`).
    fn label_value_pairs(&mut self, r: usize, row: &[Cell]) {
        let mut c = 0;
        while c < row.len() {
            let Some(cell) = row.get(c) else { break };
            let (Some(key), Some(v)) = (pair_key(&norm_label(&cell.text)), row.get(c + 1)) else {
                c += 1;
                continue;
            };
            self.used.mark(r, c);
            self.used.mark(r, c + 1);
            self.set(key, v);
            c += 2;
        }
    }

    /// Stores the value cell of a pair under its key.
    fn set(&mut self, key: &str, v: &Cell) {
        let notes = &mut *self.notes;
        match key {
            "code" => self.p.code = v.text.trim().to_string(),
            "name" => self.p.name = v.text.trim().to_string(),
            "budget" => {
                self.budget_seen = true;
                match amount(v, "预算数", notes) {
                    Some(d) => self.p.budget = d,
                    None => notes.push(Note::problem(
                        v.loc.clone(),
                        crate::i18n::t("import.no-budget").to_string(),
                    )),
                }
            }
            "adjusted" => self.p.adjusted_budget = amount(v, "全年预算数", notes),
            "fiscal" => self.p.fiscal_funds = amount(v, "财政资金", notes),
            "other" => self.p.other_funds = amount(v, "其他资金", notes),
            _ => self.p.purpose = v.text.clone(),
        }
    }

    /// Reports what the table lacks (预算数, 项目编码) and every cell left unread.
    fn finish(mut self, rows: &[Vec<Cell>]) -> Project {
        let table_loc = rows
            .first()
            .and_then(|r| r.first())
            .map(|c| c.loc.clone())
            .unwrap_or(Location::Line(0));
        if !self.budget_seen {
            self.notes.push(Note::problem(
                table_loc.clone(),
                crate::i18n::tf(
                    "import.no-budget-cell",
                    &[("code", &self.p.code.to_string())],
                ),
            ));
            self.p.budget = Decimal::new(0, 2);
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !self.used.is(r, c) && !cell.text.trim().is_empty() {
                    self.notes.push(Note::problem(
                        cell.loc.clone(),
                        crate::i18n::tf("import.stray-cell", &[("text", &clip(&cell.text))]),
                    ));
                }
            }
        }
        if self.p.code.is_empty() {
            self.notes.push(Note::problem(
                table_loc,
                crate::i18n::t("import.no-code").to_string(),
            ));
        }
        self.p
    }
}
