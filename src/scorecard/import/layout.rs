//! The interpreter for layouts other than the seed's: walks paragraphs and table grids in
//! order and places every part by meaning — titles (year, department, 部门整体 or project
//! scope), project information, the indicator header row wherever it is, indicator rows,
//! total rows, name rows between project blocks. What it cannot place is a note.

use super::amount::is_unit_line;
use super::blocks::{Block, GridCell, Location};
use super::columns::{self, Columns};
use super::indicator_row::{clip, read_row, FillDown, RowCtx, RowResult};
use super::info::{self, label_in_text, mark, read_info_row, space_pieces};
use super::prose::Segment;
use super::reading::{Reading, TableSeen};
use super::synonyms::{is_total, label_of, squeeze, Col, Label};
use super::Note;

pub fn read(blocks: &[Block], notes: Vec<Note>) -> Reading {
    let mut rd = Reading {
        notes,
        ..Reading::default()
    };
    for b in blocks {
        match b {
            Block::Para { text, loc } => paragraph(&mut rd, text, loc),
            Block::Table { grid, loc, .. } => table(&mut rd, grid, loc),
        }
    }
    rd
}

/// Words that make a line a title of the form.
const TITLE_WORDS: &[&str] = &[
    "绩效目标表",
    "绩效目标申报表",
    "绩效目标公示",
    "绩效目标汇总表",
    "绩效目标批复表",
    "部门整体支出",
    "部门整体绩效",
    "绩效指标表",
    "项目支出绩效",
    "预算项目绩效",
    "目标申报表",
];

/// How a title ends when it names the form in other words (`项目绩效目标批量导出`).
const TITLE_ENDS: &[&str] = &["表", "公示", "导出", "汇总", "清单", "申报", "批复"];

fn is_title(t: &str) -> bool {
    let s = squeeze(t);
    let year_line = s.starts_with('(') && s.ends_with(')') && s.contains("年");
    let named = s.contains("绩效")
        && !s.contains(':')
        && (TITLE_ENDS.iter().any(|e| s.ends_with(e))
            || (s.ends_with("绩效目标") && s.chars().count() <= 40));
    s.chars().count() <= 80 && (TITLE_WORDS.iter().any(|w| s.contains(w)) || year_line || named)
}

/// A line such as `填报单位：某某局（盖章）        单位：万元` holds several items: each
/// piece between runs of spaces is read on its own.
fn paragraph(rd: &mut Reading, text: &str, loc: &Location) {
    let t = text.trim();
    if t.is_empty() {
        return;
    }
    if !labelled_pieces(rd, t, loc) {
        paragraph_piece(rd, t, loc);
    }
}

/// Reads a line made only of `label：value` items and unit statements, each between runs
/// of spaces; returns false (reading nothing) when the line is anything else.
fn labelled_pieces(rd: &mut Reading, t: &str, loc: &Location) -> bool {
    let pieces = space_pieces(t);
    let all = pieces.iter().all(|p| {
        is_unit_line(p).is_some()
            || label_in_text(p).is_some_and(|(l, v)| l != Label::Frame && !v.is_empty())
    });
    if pieces.len() < 2 || !all {
        return false;
    }
    for p in pieces {
        paragraph_piece(rd, &p, loc);
    }
    true
}

/// Money stated in a sentence (`项目资金：年度资金总额350万元，其中…`): each clause that is a
/// money label and an amount. Returns whether any was read.
fn money_in_sentence(rd: &mut Reading, t: &str, loc: &Location) -> bool {
    let mut any = false;
    for clause in t.split(['，', ',', '、', '；', ';', '。', '：', ':']) {
        let clause = clause.trim();
        if let Some((label, value)) = label_in_text(clause) {
            if matches!(
                label,
                Label::Total | Label::Fiscal | Label::Part | Label::SubFiscal | Label::Other
            ) {
                any |= info::place(rd, label, clause, &value, loc, None);
            }
        }
    }
    any
}

fn paragraph_piece(rd: &mut Reading, t: &str, loc: &Location) {
    if is_title(t) {
        title(rd, t, loc);
        return;
    }
    if let Some(m) = is_unit_line(t) {
        rd.money = Some(m);
        return;
    }
    if let Some((label, value)) = label_in_text(t) {
        let label_text = t.split(['：', ':']).next().unwrap_or("").to_string();
        if label != Label::Frame
            && !value.is_empty()
            && info::place(rd, label, &label_text, &value, loc, None)
        {
            return;
        }
    }
    // Money in a sentence is read; the sentence may state targets too, so it goes on.
    money_in_sentence(rd, t, loc);
    super::build::collect_years(t, loc.clone(), &mut rd.other_years);
    rd.prose.push(Segment {
        area: String::new(),
        text: t.to_string(),
        loc: loc.clone(),
        indicator_text: false,
    });
}

/// A title: its years decide the fiscal year; it says whether the indicators that follow
/// are the department's (部门整体) or a project's; it may name the department or project.
fn title(rd: &mut Reading, t: &str, loc: &Location) {
    super::build::collect_years(t, loc.clone(), &mut rd.title_years);
    let s = squeeze(t);
    if s.contains("部门整体") {
        rd.department_scope = true;
    } else if s.contains("项目") {
        rd.department_scope = false;
    } else if s.contains("部门") || s.contains("单位整体") {
        rd.department_title = true;
    }
    // `某某局2023年…`: the text before the year names the department.
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        let head = s
            .get(..i)
            .unwrap_or("")
            .trim_start_matches(|c: char| !is_cjk(c));
        if head.chars().count() >= 3
            && !head.contains("项目")
            && !head.contains('附')
            && ORG_SUFFIXES.iter().any(|s| head.ends_with(s))
        {
            rd.title_department.get_or_insert_with(|| head.to_string());
        }
    }
    // `高标准农田建设项目绩效目标表`: a project named in its own title.
    if let Some(i) = s.find("绩效目标") {
        let head = s.get(..i).unwrap_or("");
        let head = head.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、'));
        if (head.ends_with("项目") || head.ends_with("资金") || head.ends_with("经费"))
            && !head.contains("项目支出")
            && head.chars().count() >= 4
        {
            rd.title_project = Some((head.to_string(), loc.clone()));
        }
    }
}

/// How the name of a unit ends (a title's `某某县2023年…` names a place, not a unit).
const ORG_SUFFIXES: &[&str] = &[
    "局",
    "委员会",
    "委",
    "院",
    "中心",
    "站",
    "所",
    "办公室",
    "办",
    "馆",
    "校",
    "学",
    "政府",
    "街道办事处",
    "部",
    "厅",
    "会",
    "队",
    "室",
    "社",
    "处",
    "公司",
    "园",
];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The distinct non-empty cells that start in this row.
fn own_cells(row: &[GridCell]) -> Vec<(usize, &GridCell)> {
    row.iter()
        .enumerate()
        .filter(|(_, c)| c.is_origin() && !c.text.trim().is_empty())
        .collect()
}

fn seen(rd: &mut Reading, grid: &[Vec<GridCell>], loc: &Location) {
    let first_rows = grid
        .iter()
        .filter_map(|r| {
            let cells: Vec<String> = own_cells(r)
                .iter()
                .map(|(_, c)| clip(c.text.trim()))
                .collect();
            (!cells.is_empty()).then(|| cells.join(" | "))
        })
        .take(3)
        .collect();
    rd.tables.push(TableSeen {
        loc: loc.clone(),
        rows: grid.len(),
        cols: grid.iter().map(Vec::len).max().unwrap_or(0),
        first_rows,
        header: None,
    });
}

fn table(rd: &mut Reading, grid: &[Vec<GridCell>], loc: &Location) {
    seen(rd, grid, loc);
    let mut used: Vec<Vec<bool>> = grid.iter().map(|r| vec![false; r.len()]).collect();
    let mut cols: Option<Columns> = None;
    let mut fill = FillDown::default();
    let mut blank_rows: Vec<usize> = Vec::new();
    let mut r = 0;
    while r < grid.len() {
        let Some(row) = grid.get(r) else { break };
        let own = own_cells(row);
        if own.is_empty()
            && cols.is_some()
            && row.iter().all(|c| c.text.trim().is_empty())
            && !is_sheet(row)
        {
            blank_rows.push(r);
        } else if !blank_rows.is_empty() {
            note_blank_rows(rd, grid, &std::mem::take(&mut blank_rows));
        }
        if own.is_empty() {
            if cols.is_some() && row.iter().any(|c| c.continued && !c.text.trim().is_empty()) {
                let at = row
                    .first()
                    .map(|c| c.loc.clone())
                    .unwrap_or(Location::Line(0));
                rd.notes.push(Note::problem(
                    at,
                    crate::i18n::tf("import.n-empty-row", &[("n", &(r + 1).to_string())]),
                ));
            }
            r += 1;
            continue;
        }
        if let Some(h) = columns::header(row) {
            mark_row(&mut used, r);
            if r > 0 && grid.get(r - 1).is_some_and(|p| is_super_header(p)) {
                mark_row(&mut used, r - 1);
            }
            note_ignored(rd, &h, row);
            let next = grid.get(r + 1).and_then(|n| columns::sub_header(&h, n));
            let skip = next.is_some();
            let h = next.unwrap_or(h);
            if let Some(t) = rd.tables.last_mut() {
                t.header = Some(
                    h.names
                        .iter()
                        .filter(|n| !n.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
            }
            rd.headers_found += 1;
            cols = Some(h);
            fill = FillDown::default();
            if skip {
                mark_row(&mut used, r + 1);
                r += 1;
            }
            r += 1;
            continue;
        }
        if own.len() == 1 && single_line_row(rd, cols.is_some(), row, &mut fill) {
            mark_row(&mut used, r);
            r += 1;
            continue;
        }
        match &cols {
            Some(c) if !is_info_row(&own) => {
                indicator_row(rd, c, row, &mut fill);
                mark_row(&mut used, r);
            }
            _ => read_info_row(rd, grid, r, &mut used),
        }
        r += 1;
    }
    note_blank_rows(rd, grid, &blank_rows);
    report_unplaced(rd, grid, &used);
}

/// Spreadsheets end their used range with blank formatting rows; only Word and text tables
/// keep a template's empty rows.
fn is_sheet(row: &[GridCell]) -> bool {
    row.first()
        .is_some_and(|c| matches!(c.loc, Location::Sheet { .. }))
}

/// Empty rows of a template under the indicator header, said once per run of them.
fn note_blank_rows(rd: &mut Reading, grid: &[Vec<GridCell>], rows: &[usize]) {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return;
    };
    let at = grid
        .get(*first)
        .and_then(|r| r.first())
        .map(|c| c.loc.clone())
        .unwrap_or(Location::Document);
    let which = if first == last {
        format!("第 {} 行", first + 1)
    } else {
        format!("第 {}–{} 行", first + 1, last + 1)
    };
    rd.notes.push(Note::problem(
        at,
        crate::i18n::tf("import.n-empty-rows", &[("which", &which.to_string())]),
    ));
}

/// A row of header words over the header row (`绩效指标 | 指标值 | 指标解释`).
fn is_super_header(row: &[GridCell]) -> bool {
    let own = own_cells(row);
    !own.is_empty()
        && own.iter().all(|(_, c)| {
            super::synonyms::column_of(&c.text).is_some() || label_of(&c.text) == Some(Label::Frame)
        })
}

fn mark_row(used: &mut [Vec<bool>], r: usize) {
    if let Some(u) = used.get_mut(r) {
        u.iter_mut().for_each(|x| *x = true);
    }
}

/// A row whose first own cell is a project label (not a frame word such as `绩效指标`).
fn is_info_row(own: &[(usize, &GridCell)]) -> bool {
    own.iter()
        .find(|(_, c)| label_of(&c.text) != Some(Label::Frame))
        .is_some_and(|(_, c)| {
            label_of(&c.text).is_some()
                || label_in_text(&c.text).is_some_and(|(l, _)| l != Label::Frame)
        })
}

/// A row with one cell of text across it: a title, a unit line, a total, a note, or the
/// name of the next project in a flat table. Returns whether it was placed.
fn single_line_row(
    rd: &mut Reading,
    in_block: bool,
    row: &[GridCell],
    fill: &mut FillDown,
) -> bool {
    let spans = row.iter().filter(|c| c.spanned).count() * 2 >= row.len();
    let cell = own_cells(row).first().map(|x| x.1);
    let Some(cell) = cell else { return false };
    let t = cell.text.trim();
    if is_unit_line(t).is_some() || is_title(t) {
        if let Some(m) = is_unit_line(t) {
            rd.money = Some(m);
        } else {
            title(rd, t, &cell.loc);
        }
        return true;
    }
    if labelled_pieces(rd, t, &cell.loc) {
        return true;
    }
    if let Some((label, value)) = label_in_text(t).filter(|(_, v)| !v.is_empty()) {
        let head = t.split(['：', ':']).next().unwrap_or("").to_string();
        return info::place(rd, label, &head, &value, &cell.loc, None);
    }
    if is_date_line(t) {
        rd.notes.push(Note::info(
            cell.loc.clone(),
            crate::i18n::tf("import.n-date", &[("text", &clip(t))]),
        ));
        return true;
    }
    if !in_block {
        return false;
    }
    let s = squeeze(t);
    if s.starts_with("注") || s.starts_with("说明") || s.starts_with("备注") {
        rd.notes.push(Note::info(
            cell.loc.clone(),
            crate::i18n::tf("import.n-table-note", &[("text", &clip(t))]),
        ));
        return true;
    }
    if is_total(t) {
        return true;
    }
    let Some((name, money)) = name_row(t, spans) else {
        return false;
    };
    let d = rd.new_project(&cell.loc);
    d.name = Some((name, cell.loc.clone()));
    *fill = FillDown::default();
    if let Some(m) = money {
        let (label, value) = label_in_text(&m).unwrap_or((Label::Total, m.clone()));
        if !info::place(rd, label, &m, &value, &cell.loc, None) {
            rd.notes.push(Note::problem(
                cell.loc.clone(),
                crate::i18n::tf("import.n-not-amount", &[("value", &clip(&m))]),
            ));
        }
    }
    true
}

/// A signing date under a form (`2023年3月1日`, `2023-03-01`).
fn is_date_line(t: &str) -> bool {
    let s = squeeze(t);
    s.chars().count() <= 12
        && s.starts_with(|c: char| c.is_ascii_digit())
        && (s.ends_with('日') || s.chars().filter(|c| *c == '-' || *c == '.').count() == 2)
        && s.chars()
            .all(|c| c.is_ascii_digit() || "年月日-.".contains(c))
}

/// `3、…`, `三.…`, `1:…` → `…`: a number (digits or 一 to 十) and its separator.
fn strip_numbering(s: &str) -> Option<&str> {
    let n =
        s.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if n.len() < s.len() {
        n.strip_prefix([':', '、', '.'])
    } else {
        None
    }
}

/// `一、困难群众救助资金（1,286.40万元）`, `项目一：农村公路养护工程（年度预算245万元）`:
/// the name of the next project in a flat table, and the money stated with it. A row
/// that is only a cell spanning the table, or numbered, or ends like a project name.
fn name_row(t: &str, spans: bool) -> Option<(String, Option<String>)> {
    if super::synonyms::is_placeholder(t) || label_of(t).is_some() {
        return None;
    }
    let s = squeeze(t);
    let mut rest = s.as_str();
    let mut numbered = false;
    if let Some(n) = rest.strip_prefix("项目").and_then(strip_numbering) {
        rest = n;
        numbered = true;
    }
    if !numbered {
        if let Some(n) = strip_numbering(rest) {
            rest = n;
            numbered = true;
        }
    }
    let (name, money) = match rest.rfind('(') {
        Some(i)
            if rest.ends_with(')')
                && rest
                    .get(i..)
                    .is_some_and(|b| b.contains(|c: char| c.is_ascii_digit())) =>
        {
            let inner = rest.get(i + 1..rest.len() - 1).unwrap_or("");
            (rest.get(..i).unwrap_or(""), Some(inner.to_string()))
        }
        _ => (rest, None),
    };
    let named = ["项目", "资金", "经费", "工程", "补助", "补贴"]
        .iter()
        .any(|w| name.ends_with(w));
    (name.chars().count() >= 2 && (spans || numbered || named || money.is_some()))
        .then(|| (name.to_string(), money))
}

fn indicator_row(rd: &mut Reading, cols: &Columns, row: &[GridCell], fill: &mut FillDown) {
    let at = row
        .iter()
        .find(|c| c.is_origin())
        .or(row.first())
        .map(|c| c.loc.clone())
        .unwrap_or(Location::Line(0));
    if row.iter().any(|c| c.is_origin() && is_total(&c.text)) {
        rd.notes.push(Note::info(
            at,
            crate::i18n::t("import.n-total-row").to_string(),
        ));
        return;
    }
    if cols.has(Col::Project) {
        project_columns(rd, cols, row, &at);
    }
    let mut ctx = RowCtx {
        cols,
        fill,
        notes: &mut rd.notes,
        at: at.clone(),
    };
    if let RowResult::Indicator(ind) = read_row(&mut ctx, row) {
        if let Some(loc) = row
            .get(cols.all(Col::Target).first().copied().unwrap_or(0))
            .map(|c| c.loc.clone())
        {
            super::build::collect_deadline_years(&ind.target_text, loc, &mut rd.deadline_years);
        }
        rd.current(&at).rows.push(*ind);
    }
}

/// A multi-project table: the project of each row from its 项目名称 (and 项目编码, 资金) cells.
fn project_columns(rd: &mut Reading, cols: &Columns, row: &[GridCell], at: &Location) {
    let text = |c: Col| {
        cols.all(c)
            .first()
            .and_then(|i| row.get(*i))
            .map(|x| (x.text.trim().to_string(), x.loc.clone(), x.is_origin()))
    };
    if let Some((y, yloc, _)) = text(Col::Year) {
        super::build::collect_years(&format!("{}年", squeeze(&y)), yloc, &mut rd.title_years);
    }
    let Some((name, nloc, origin)) = text(Col::Project) else {
        return;
    };
    let name = name.lines().map(str::trim).collect::<Vec<_>>().join("");
    let same = rd
        .projects
        .last()
        .and_then(|p| p.name.as_ref())
        .is_some_and(|(n, _)| *n == name);
    if name.is_empty() || !origin || same {
        return;
    }
    let d = rd.new_project(at);
    d.name = Some((name, nloc));
    if let Some((unit, uloc, _)) = text(Col::ProjectUnit).filter(|c| !c.0.is_empty()) {
        rd.current(at).unit = Some(unit.clone());
        if rd.department_name.is_none() {
            rd.department_name = Some((unit, uloc));
        }
    }
    if let Some((code, _, _)) = text(Col::ProjectCode).filter(|c| !c.0.is_empty()) {
        rd.current(at).code = Some(squeeze(&code));
    }
    if let Some((amount, aloc, _)) = text(Col::ProjectBudget).filter(|c| !c.0.is_empty()) {
        let header = cols
            .all(Col::ProjectBudget)
            .first()
            .and_then(|i| cols.names.get(*i))
            .cloned()
            .unwrap_or_default();
        if !info::place(rd, Label::Total, &header, &amount, &aloc, None) {
            rd.notes.push(Note::problem(
                aloc,
                crate::i18n::tf("import.n-not-amount", &[("value", &clip(&amount))]),
            ));
        }
    }
}

fn note_ignored(rd: &mut Reading, cols: &Columns, row: &[GridCell]) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, role) in cols.roles.iter().enumerate() {
        if !matches!(role, Some(Col::Ignored) | None) {
            continue;
        }
        let Some(cell) = row.get(i) else { continue };
        let name = cell.text.trim();
        // The frame column left of the levels (`绩效指标`) holds no data.
        if name.is_empty() || seen.contains(&name) || label_of(name) == Some(Label::Frame) {
            continue;
        }
        seen.push(name);
        rd.notes.push(Note::info(
            cell.loc.clone(),
            crate::i18n::tf("import.n-column-dropped", &[("name", &squeeze(name))]),
        ));
    }
}

fn report_unplaced(rd: &mut Reading, grid: &[Vec<GridCell>], used: &[Vec<bool>]) {
    for (r, row) in grid.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_origin() || cell.text.trim().is_empty() || info::is_used(used, r, c) {
                continue;
            }
            rd.notes.push(Note::problem(
                cell.loc.clone(),
                crate::i18n::tf("import.n-unplaced", &[("text", &clip(cell.text.trim()))]),
            ));
        }
    }
    let _ = mark;
}
