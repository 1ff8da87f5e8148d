//! The rows of one worksheet of an actuals workbook, read into [`Actuals`]: the header
//! row found, levels filled down, budget rows and indicator rows told apart, every bad
//! cell reported as `Sheet!B7` and the rest still read (see `load_xlsx` for the shapes).

use super::keyed::{self, budget_id, is_placeholder, norm, scope};
use super::load_csv::{ADJUSTED_BUDGET_ID, SPENT_ID, SUMMARY_ID};
use super::load_xlsx::a1;
use super::model::{Actuals, RowActual};
use super::xlsx_sheet::{CellValue, Sheet};
use crate::diagnostic::{Code, Diagnostic, FileDiagnostic};
use crate::model::Span;
use crate::parse::cell::Field;
use crate::scorecard::{Department, Indicator, Origin};
use std::path::Path;
use std::sync::Arc;

/// The codes of key errors in a workbook.
const XLSX_KEY_CODES: [Code; 2] = [Code::ActualsXlsxKey, Code::ActualsXlsxAmbiguous];

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 20;

struct Columns {
    project: usize,
    id: Option<usize>,
    level1: Option<usize>,
    level2: Option<usize>,
    name: Option<usize>,
    actual: usize,
    reason: Option<usize>,
    baseline: Option<usize>,
}

/// What the reader of a workbook carries from sheet to sheet.
pub(super) struct Ctx<'a> {
    path: &'a Path,
    department_code: &'a str,
    department: Option<&'a Department>,
    pub diags: Vec<FileDiagnostic>,
    /// Rows given twice (department?, project, id): left unscored once all is read.
    pub twice: Vec<(bool, String, String)>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        path: &'a Path,
        department_code: &'a str,
        department: Option<&'a Department>,
    ) -> Ctx<'a> {
        Ctx {
            path,
            department_code,
            department,
            diags: Vec::new(),
            twice: Vec::new(),
        }
    }

    /// `diagnostic` about the cell `sheet!cell`, whose text is the source line shown
    /// under it.
    fn report(&mut self, sheet: &str, (row, col): (usize, usize), shown: &str, d: Diagnostic) {
        let shown = if shown.is_empty() {
            crate::i18n::t("actuals.empty-cell")
        } else {
            shown
        };
        let at = format!("{sheet}!{}", a1(row, col));
        let diagnostic = Diagnostic {
            message: crate::i18n::tf("actuals.at-cell", &[("at", &at), ("message", &d.message)]),
            span: Span::new(0, shown.len()),
            label: crate::i18n::tf("actuals.cell", &[("at", &at)]),
            ..d
        };
        self.diags.push(FileDiagnostic {
            file: self.path.to_path_buf(),
            source: Arc::from(shown),
            diagnostic,
        });
    }

    /// An error of `code` (its `variant` texts) at `sheet!cell`.
    fn error(
        &mut self,
        sheet: &str,
        at: (usize, usize),
        shown: &str,
        (code, variant): (Code, &'static str),
    ) {
        let d = Diagnostic::new(code, Span::default()).variant(variant);
        self.report(sheet, at, shown, d);
    }

    /// An error at a row's project cell: the code names no project of the scorecard.
    fn no_such_project(&mut self, sheet: &str, row: &Row) {
        let d = keyed::no_such_project(XLSX_KEY_CODES[0], &row.project);
        self.report(sheet, (row.r, row.project_col), &row.project, d);
    }
}

fn find_header(sheet: &Sheet) -> Option<(usize, Columns)> {
    for r in sheet.rows_from(0).take_while(|&r| r < HEADER_SEARCH_ROWS) {
        let labels: Vec<(usize, String)> = sheet.row_texts(r).map(|(c, t)| (c, norm(t))).collect();
        let find = |field: Field| {
            let texts: Vec<&str> = labels.iter().map(|(_, l)| l.as_str()).collect();
            crate::parse::cell::find_column(&texts, field).and_then(|i| labels.get(i).map(|l| l.0))
        };
        if let (Some(project), Some(actual)) = (find(Field::Project), find(Field::Actual)) {
            return Some((
                r,
                Columns {
                    project,
                    id: find(Field::Indicator),
                    level1: find(Field::Level1),
                    level2: find(Field::Level2),
                    name: find(Field::Name),
                    actual,
                    reason: find(Field::Reason),
                    baseline: find(Field::Baseline),
                },
            ));
        }
    }
    None
}

/// Levels left empty below a filled cell: they continue the one above (a level that spans
/// rows, as people leave it). A new project starts its levels afresh.
#[derive(Default)]
struct FillDown {
    project: Option<String>,
    level1: Option<String>,
    level2: Option<String>,
}

impl FillDown {
    fn project(&mut self, cell: Option<String>) -> Option<String> {
        let project = cell.or_else(|| self.project.clone());
        if project != self.project {
            self.level1 = None;
            self.level2 = None;
        }
        self.project.clone_from(&project);
        project
    }

    fn level1(&mut self, cell: Option<String>) {
        let level1 = cell.or_else(|| self.level1.clone());
        if level1 != self.level1 {
            self.level2 = None;
        }
        self.level1 = level1;
    }

    fn level2(&mut self, cell: Option<String>) -> Option<String> {
        self.level2 = cell.or_else(|| self.level2.clone());
        self.level2.clone()
    }
}

/// One data row with something to read.
struct Row {
    r: usize,
    project: String,
    project_col: usize,
    is_dept: bool,
    level2: Option<String>,
    id_cell: Option<String>,
    name: Option<String>,
    /// The column that names the row (指标编码, else 三级指标), and its text.
    key_col: usize,
    key_text: String,
    actual_col: usize,
    actual: Option<String>,
    reason: Option<String>,
    baseline: Option<String>,
}

impl Row {
    /// The budget figure or summary this row carries, if it is such a row.
    fn budget(&self) -> Option<&'static str> {
        match &self.id_cell {
            Some(id) => [SPENT_ID, ADJUSTED_BUDGET_ID, SUMMARY_ID]
                .into_iter()
                .find(|known| known == id),
            None => self.name.as_deref().and_then(budget_id),
        }
    }
}

/// Reads one sheet into `actuals`; false when it has no header row.
pub(super) fn read_sheet(sheet: &Sheet, ctx: &mut Ctx, actuals: &mut Actuals) -> bool {
    let Some((header, cols)) = find_header(sheet) else {
        return false;
    };
    if cols.id.is_none() && cols.name.is_none() {
        ctx.error(
            &sheet.name,
            (header, cols.actual),
            "实际完成值",
            (Code::ActualsXlsxColumns, ""),
        );
        return true;
    }
    let mut fill = FillDown::default();
    // Rows without any cell are skipped: they carry nothing, and fill nothing down.
    for r in sheet.rows_from(header + 1) {
        let Some(row) = read_row(sheet, &cols, r, &mut fill, ctx) else {
            continue;
        };
        if let Some(which) = row.budget() {
            budget_row(&sheet.name, &row, which, ctx, actuals);
        } else if let Some(id) = indicator_id(&sheet.name, &row, ctx) {
            insert_row(&sheet.name, row, id, ctx, actuals);
        }
    }
    true
}

/// The cells of row `r`, or `None` for a row with nothing to read (a total or note line,
/// an empty row, a placeholder of the blank form). Bad cells are reported.
fn read_row(
    sheet: &Sheet,
    cols: &Columns,
    r: usize,
    fill: &mut FillDown,
    ctx: &mut Ctx,
) -> Option<Row> {
    let mut cell = |col: Option<usize>| -> Option<String> {
        let c = col?;
        // Only 实际完成值 reads a percent format as a percentage.
        let got: CellValue = if c == cols.actual {
            sheet.value(r, c)
        } else {
            sheet.get(r, c)
        };
        got.unwrap_or_else(|fault| {
            ctx.report(&sheet.name, (r, c), "", fault.diagnostic());
            None
        })
    };
    let project_cell = cell(Some(cols.project));
    let first = project_cell.as_deref().unwrap_or_default();
    if first.starts_with("总分") || first.starts_with("注") {
        return None;
    }
    let project = fill.project(project_cell);
    fill.level1(cell(cols.level1));
    let level2 = fill.level2(cell(cols.level2));
    let id_cell = cell(cols.id);
    let name = cell(cols.name);
    let (actual, reason, baseline) = (
        cell(Some(cols.actual)),
        cell(cols.reason),
        cell(cols.baseline),
    );
    let nothing = actual.is_none() && reason.is_none() && baseline.is_none();
    if nothing || id_cell.is_none() && name.as_deref().is_some_and(is_placeholder) {
        return None;
    }
    let project = project.unwrap_or_default();
    let is_dept = project.is_empty() || project == ctx.department_code;
    Some(Row {
        r,
        is_dept,
        project_col: cols.project,
        key_col: cols
            .id
            .filter(|_| id_cell.is_some())
            .or(cols.name)
            .unwrap_or(cols.project),
        key_text: id_cell.clone().or(name.clone()).unwrap_or_default(),
        actual_col: cols.actual,
        project,
        level2,
        id_cell,
        name,
        actual,
        reason,
        baseline,
    })
}

/// A budget-figure or 实际完成情况 row: the project's amount or summary.
fn budget_row(sn: &str, row: &Row, which: &str, ctx: &mut Ctx, actuals: &mut Actuals) {
    let Some(v) = &row.actual else { return };
    if row.is_dept {
        ctx.error(
            sn,
            (row.r, row.project_col),
            &row.project,
            (Code::ActualsXlsxKey, "budget-no-project"),
        );
        return;
    }
    if ctx
        .department
        .is_some_and(|d| !d.projects.iter().any(|p| p.code == row.project))
    {
        ctx.no_such_project(sn, row);
        return;
    }
    let read = match which {
        SUMMARY_ID => Ok(None),
        _ => super::budget_amount(which, v, Span::default()).map(Some),
    };
    let amount = match read {
        Ok(a) => a,
        Err(d) => return ctx.report(sn, (row.r, row.actual_col), v, d),
    };
    let pa = actuals.projects.entry(row.project.clone()).or_default();
    match (which, amount) {
        (SPENT_ID, Some(a)) => pa.spent = Some(a),
        (_, Some(a)) => pa.adjusted_budget = Some(a),
        (_, None) => pa.summary = Some(v.clone()),
    }
}

/// The indicator id of an indicator row: given (and checked with the scorecard), or
/// resolved from 二级指标 + 三级指标. `None` after reporting why not.
fn indicator_id(sn: &str, row: &Row, ctx: &mut Ctx) -> Option<String> {
    let indicators: Option<&[Indicator]> = match ctx.department {
        None => None,
        Some(d) if row.is_dept => Some(&d.indicators),
        Some(d) => match d.projects.iter().find(|p| p.code == row.project) {
            Some(p) => Some(&p.indicators),
            None => {
                ctx.no_such_project(sn, row);
                return None;
            }
        },
    };
    let at = (row.r, row.key_col);
    let scope = scope(&row.project, row.is_dept);
    match (&row.id_cell, indicators) {
        (Some(id), None) => Some(id.clone()),
        (Some(id), Some(list)) if list.iter().any(|i| &i.id == id) => Some(id.clone()),
        (Some(id), Some(_)) => {
            let d = Diagnostic::new(Code::ActualsXlsxKey, Span::default())
                .variant("no-id")
                .arg("id", id)
                .arg("scope", &scope);
            ctx.report(sn, at, id, d);
            None
        }
        (None, None) => {
            ctx.error(
                sn,
                at,
                &row.key_text,
                (Code::ActualsXlsxKey, "no-scorecard"),
            );
            None
        }
        (None, Some(list)) => {
            match keyed::resolve(list, row.level2.as_deref(), row.name.as_deref()) {
                Ok(id) => Some(id.to_string()),
                Err(e) => {
                    let d = e.diagnostic(&scope, XLSX_KEY_CODES);
                    let shown = if matches!(e, keyed::KeyError::NoName) {
                        ""
                    } else {
                        row.key_text.as_str()
                    };
                    ctx.report(sn, at, shown, d);
                    None
                }
            }
        }
    }
}

/// Keeps an indicator row's actual; a second row for the same indicator is reported.
fn insert_row(sn: &str, row: Row, id: String, ctx: &mut Ctx, actuals: &mut Actuals) {
    let rows = if row.is_dept {
        &mut actuals.department
    } else {
        &mut actuals
            .projects
            .entry(row.project.clone())
            .or_default()
            .rows
    };
    let value = RowActual {
        actual: row.actual,
        reason: row.reason,
        baseline: row.baseline,
        origin: Origin {
            file: ctx.path.to_path_buf(),
            start: 0,
            end: 0,
        },
    };
    if rows.insert(id.clone(), value).is_some() {
        ctx.twice
            .push((row.is_dept, row.project.clone(), id.clone()));
        let d = Diagnostic::new(Code::ActualsDuplicate, Span::default())
            .variant("sheet")
            .arg("id", &id)
            .arg("scope", scope(&row.project, row.is_dept));
        ctx.report(sn, (row.r, row.key_col), &row.key_text, d);
    }
}
