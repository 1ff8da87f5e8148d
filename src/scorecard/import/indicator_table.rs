//! The indicator table of the seed layout: a header of 一级指标 | 二级指标 | 三级指标 |
//! 绩效指标描述 | 指标值 | 指标值确定依据, then one indicator per row, levels filled down
//! from the rows above (a merged cell is written once).

use super::blocks::{Cell, Location};
use super::build::{collect_deadline_years, norm_label};
use super::indicator_row::new_indicator;
use super::Note;
use crate::scorecard::levels;
use crate::scorecard::model::{Indicator, Project};
use std::collections::BTreeMap;

const COLUMNS: [&str; 6] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "绩效指标描述",
    "指标值",
    "指标值确定依据",
];

/// Where each column is; 绩效指标描述 and 指标值确定依据 may be absent.
struct Columns {
    level1: usize,
    level2: usize,
    name: usize,
    description: Option<usize>,
    target: usize,
    basis: Option<usize>,
}

/// What carries from row to row: the levels filled down and the count of ids per prefix.
#[derive(Default)]
struct Carry {
    level1: String,
    level2: String,
    counts: BTreeMap<&'static str, usize>,
}

pub(super) fn read_indicator_table(
    rows: &[Vec<Cell>],
    p: &mut Project,
    notes: &mut Vec<Note>,
    years: &mut Vec<(i32, Location)>,
) {
    let Some(header) = rows.first() else { return };
    let Some(cols) = columns(header, notes) else {
        return;
    };
    let mut carry = Carry::default();
    for row in rows.iter().skip(1) {
        read_row(row, header.len(), &cols, &mut carry, p, notes, years);
    }
}

/// The columns of the header; an unknown column is reported (its cells are not read), and
/// without the four columns an indicator needs the table is not read at all.
fn columns(header: &[Cell], notes: &mut Vec<Note>) -> Option<Columns> {
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
                crate::i18n::tf("import.unknown-column", &[("column", c.text.trim())]),
            )),
        }
    }
    let [Some(level1), Some(level2), Some(name), description, Some(target), basis] = col else {
        notes.push(Note::problem(
            header
                .first()
                .map(|c| c.loc.clone())
                .unwrap_or(Location::Line(0)),
            crate::i18n::t("import.missing-columns").to_string(),
        ));
        return None;
    };
    Some(Columns {
        level1,
        level2,
        name,
        description,
        target,
        basis,
    })
}

/// One row under the header → one indicator of `p`, or a note saying why not.
fn read_row(
    row: &[Cell],
    header_len: usize,
    cols: &Columns,
    carry: &mut Carry,
    p: &mut Project,
    notes: &mut Vec<Note>,
    years: &mut Vec<(i32, Location)>,
) {
    let get = |i: Option<usize>| -> String {
        i.and_then(|i| row.get(i))
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    let first_loc = row
        .first()
        .map(|c| c.loc.clone())
        .unwrap_or(Location::Line(0));
    if row.iter().all(|c| c.text.trim().is_empty()) {
        notes.push(Note::info(
            first_loc,
            crate::i18n::t("import.empty-row").to_string(),
        ));
        return;
    }
    if row.len() != header_len {
        notes.push(Note::problem(
            first_loc.clone(),
            crate::i18n::tf(
                "import.row-width",
                &[
                    ("cells", &row.len().to_string()),
                    ("header_len", &header_len.to_string()),
                ],
            ),
        ));
    }
    fill_down(&mut carry.level1, get(Some(cols.level1)));
    fill_down(&mut carry.level2, get(Some(cols.level2)));
    let name = get(Some(cols.name)).trim().to_string();
    let target = get(Some(cols.target));
    if name.is_empty() && target.trim().is_empty() {
        notes.push(Note::problem(
            first_loc,
            crate::i18n::t("import.no-name-no-target").to_string(),
        ));
        return;
    }
    let target_loc = row.get(cols.target).map(|c| c.loc.clone());
    if target.trim().is_empty() {
        notes.push(Note::problem(
            target_loc.clone().unwrap_or(first_loc.clone()),
            crate::i18n::tf("import.empty-target", &[("name", &name.to_string())]),
        ));
    }
    check_levels(&carry.level1, &carry.level2, &name, first_loc, notes);
    if let Some(loc) = target_loc {
        collect_deadline_years(&target, loc, years);
    }
    let prefix = levels::id_prefix(&carry.level2);
    let n = carry.counts.entry(prefix).or_insert(0);
    *n += 1;
    p.indicators.push(Indicator {
        id: format!("{prefix}{n}"),
        description: get(cols.description).trim().to_string(),
        basis: get(cols.basis).trim().to_string(),
        ..new_indicator(&carry.level1, &carry.level2, name, target)
    });
}

/// A level cell left empty continues the level of the rows above.
fn fill_down(level: &mut String, cell: String) {
    let cell = cell.trim();
    if !cell.is_empty() {
        *level = cell.to_string();
    }
}

/// Every indicator needs both levels, and the pair should be one of the national set.
fn check_levels(level1: &str, level2: &str, name: &str, at: Location, notes: &mut Vec<Note>) {
    if level1.is_empty() || level2.is_empty() {
        notes.push(Note::problem(
            at,
            crate::i18n::tf("import.no-levels", &[("name", name)]),
        ));
    } else if levels::level2_names(level1).is_none_or(|l| !l.contains(&level2)) {
        notes.push(Note::problem(
            at,
            crate::i18n::tf(
                "import.unknown-levels",
                &[("level1", level1), ("level2", level2)],
            ),
        ));
    }
}
