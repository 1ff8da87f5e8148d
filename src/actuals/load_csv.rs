//! Reading actuals from CSV — the sheet `jixiao template --format csv` writes, filled in.
//!
//! Columns (English or Chinese; others, such as names and targets, are ignored):
//! `project` (项目编码), `indicator` (指标编码), `actual` (实际完成值), `reason`
//! (偏差原因), `baseline` (基期值). Budget figures are rows whose indicator is
//! `adjusted_budget` (全年预算数) or `spent` (全年执行数); the row whose indicator is
//! `summary` carries the project's 实际完成情况 (text) in `actual`. Rows whose project is
//! the department's code, or empty, are the department's own indicators.

use super::keyed;
use super::model::{Actuals, RowActual};
use crate::csv_sheet::Sheet;
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::file_diagnostics::FileDiagnostics;
use crate::model::Span;
use crate::parse::cell::Field;
use crate::scorecard::{Department, Origin};
use std::path::Path;

/// Indicator ids that carry the project's budget figures instead of a row's actual.
pub const ADJUSTED_BUDGET_ID: &str = "adjusted_budget";
pub const SPENT_ID: &str = "spent";
/// The indicator id of the row carrying the project's 实际完成情况 (text, not scored).
pub const SUMMARY_ID: &str = "summary";

/// Reads an actuals CSV keyed by 指标编码 (as `jixiao template --format csv` writes it).
pub fn parse_actuals_csv(
    path: &Path,
    text: &str,
    department_code: &str,
) -> Result<Actuals, Vec<FileDiagnostic>> {
    strict(parse(path, text, department_code, None))
}

/// Like [`parse_actuals_csv`], with the scorecard: rows may then be named by 二级指标 +
/// 三级指标 instead of 指标编码 (a sheet typed by a person; README, `score`), and budget rows by
/// 三级指标 `全年预算数` / `全年执行数` / `实际完成情况`.
pub fn parse_actuals_csv_for(
    path: &Path,
    text: &str,
    dept: &Department,
) -> Result<Actuals, Vec<FileDiagnostic>> {
    strict(parse(path, text, &dept.code, Some(dept)))
}

/// Like [`parse_actuals_csv_for`], keeping what could be read: the actuals of every good
/// row and the diagnostics of the bad ones (one policy for bad cells: report them all,
/// still score the rest, mark what they leave open). `Err` only when the sheet as a whole
/// cannot be read (its header).
pub fn parse_actuals_csv_lenient(
    path: &Path,
    text: &str,
    dept: &Department,
) -> Result<(Actuals, Vec<FileDiagnostic>), Vec<FileDiagnostic>> {
    parse(path, text, &dept.code, Some(dept))
}

/// Every row read, or every problem found.
fn strict(
    read: Result<(Actuals, Vec<FileDiagnostic>), Vec<FileDiagnostic>>,
) -> Result<Actuals, Vec<FileDiagnostic>> {
    match read? {
        (actuals, diags) if diags.is_empty() => Ok(actuals),
        (_, diags) => Err(diags),
    }
}

/// Where the columns the reader uses are.
struct Columns {
    project: usize,
    indicator: Option<usize>,
    name: Option<usize>,
    level2: Option<usize>,
    actual: usize,
    reason: Option<usize>,
    baseline: Option<usize>,
}

/// Reads the header row: the columns, or why the sheet cannot be read at all.
fn open_sheet(text: &str, with_scorecard: bool) -> Result<(Sheet<'_>, Columns), Diagnostic> {
    let sheet = Sheet::open(text).map_err(|e| {
        Diagnostic::new(Code::ActualsCsv, Span::new(0, 0))
            .variant("header")
            .arg("error", e)
    })?;
    let first_line = sheet.header_span();
    let fields = [
        Field::Project,
        Field::Indicator,
        Field::Actual,
        Field::Reason,
        Field::Baseline,
        Field::Level2,
        Field::Name,
    ];
    if let Some([(i, a), (j, b)]) = sheet.duplicate_column(&fields) {
        return Err(Diagnostic::new(Code::ActualsCsvDuplicateColumn, first_line)
            .arg("i", i)
            .arg("a", a)
            .arg("j", j)
            .arg("b", b));
    }
    let find = |field| sheet.column(field);
    let ic = find(Field::Indicator);
    // Without 指标编码, rows are named by 三级指标 (and 二级指标): a sheet typed by a person.
    let nc = find(Field::Name).filter(|_| ic.is_none() || with_scorecard);
    let (Some(pc), Some(ac), true) = (
        find(Field::Project),
        find(Field::Actual),
        ic.is_some() || nc.is_some(),
    ) else {
        return Err(Diagnostic::new(Code::ActualsCsvColumns, first_line));
    };
    let columns = Columns {
        project: pc,
        indicator: ic,
        name: nc,
        level2: find(Field::Level2),
        actual: ac,
        reason: find(Field::Reason),
        baseline: find(Field::Baseline),
    };
    Ok((sheet, columns))
}

/// What a data row of the sheet is.
enum RowKey {
    Id(String),
    /// Nothing to read (an empty line, a placeholder of the blank form).
    Skip,
    Bad(Diagnostic),
}

/// The indicator id a row names: by 指标编码, or by 二级指标 + 三级指标 with the scorecard.
fn row_key(
    cols: &Columns,
    get: &dyn Fn(Option<usize>) -> Option<String>,
    any_cell: bool,
    (department, project, is_dept): (Option<&Department>, &str, bool),
    line: Span,
) -> RowKey {
    if let Some(id) = get(cols.indicator) {
        return RowKey::Id(id);
    }
    if cols.name.is_none() {
        if !any_cell {
            return RowKey::Skip;
        }
        return RowKey::Bad(Diagnostic::new(Code::ActualsCsvNoId, line));
    }
    let name = get(cols.name);
    if let Some(budget) = name.as_deref().and_then(keyed::budget_id) {
        return RowKey::Id(budget.to_string());
    }
    if get(Some(cols.actual)).is_none() && name.is_none()
        || name.as_deref().is_some_and(keyed::is_placeholder)
    {
        // An empty line, or a row that only holds a place in the blank form
        // (`指标1：`, `……`), as in the xlsx sheet.
        return RowKey::Skip;
    }
    let level2 = get(cols.level2);
    match by_name(
        department,
        project,
        is_dept,
        level2.as_deref(),
        name.as_deref(),
    ) {
        Ok(id) => RowKey::Id(id),
        Err(d) => RowKey::Bad(Diagnostic { span: line, ..d }),
    }
}

fn parse(
    path: &Path,
    text: &str,
    department_code: &str,
    department: Option<&Department>,
) -> Result<(Actuals, Vec<FileDiagnostic>), Vec<FileDiagnostic>> {
    let mut diags = FileDiagnostics::new(path, text);
    let mut push = |d: Diagnostic| diags.push(d);
    let (mut sheet, cols) = match open_sheet(text, department.is_some()) {
        Ok(x) => x,
        Err(d) => {
            push(d);
            return Err(diags.into_vec());
        }
    };
    let mut actuals = Actuals {
        file: path.to_path_buf(),
        ..Default::default()
    };
    let mut rec = csv::StringRecord::new();
    let mut twice = Vec::new();
    while let Some(read) = sheet.next_record(&mut rec) {
        let line = match read {
            Ok(line) => line,
            Err((at, e)) => {
                push(Diagnostic::new(Code::ActualsCsv, at).arg("error", e));
                continue;
            }
        };
        let get = |i: Option<usize>| {
            i.and_then(|i| rec.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let project = get(Some(cols.project)).unwrap_or_default();
        let is_dept = project.is_empty() || project == department_code;
        let any_cell = rec.iter().any(|c| !c.trim().is_empty());
        let id = match row_key(&cols, &get, any_cell, (department, &project, is_dept), line) {
            RowKey::Id(id) => id,
            RowKey::Skip => continue,
            RowKey::Bad(d) => {
                push(d);
                continue;
            }
        };
        let actual = get(Some(cols.actual));
        if id == SUMMARY_ID {
            if let Some(text) = actual {
                actuals.projects.entry(project).or_default().summary = Some(text);
            }
            continue;
        }
        if id == ADJUSTED_BUDGET_ID || id == SPENT_ID {
            let Some(v) = actual else { continue };
            match super::budget_amount(&id, &v, line) {
                Err(d) => push(d),
                Ok(a) => {
                    let pa = actuals.projects.entry(project).or_default();
                    if id == SPENT_ID {
                        pa.spent = Some(a);
                    } else {
                        pa.adjusted_budget = Some(a);
                    }
                }
            }
            continue;
        }
        let row = RowActual {
            actual,
            reason: get(cols.reason),
            baseline: get(cols.baseline),
            origin: Origin {
                file: path.to_path_buf(),
                start: line.start,
                end: line.end,
            },
        };
        let key = (is_dept, project.clone(), id.clone());
        let rows = if is_dept {
            &mut actuals.department
        } else {
            &mut actuals.projects.entry(project).or_default().rows
        };
        if rows.insert(id.clone(), row).is_some() {
            twice.push(key);
            push(Diagnostic::new(Code::ActualsDuplicate, line).arg("id", &id));
        }
    }
    forget(&mut actuals, twice);
    Ok((actuals, diags.into_vec()))
}

/// Rows given twice: which value is right is not ours to guess, so the row stays unscored
/// (missing) and its project's total is marked incomplete. The same for CSV and xlsx.
pub(super) fn forget(actuals: &mut Actuals, twice: Vec<(bool, String, String)>) {
    for (is_dept, project, id) in twice {
        if is_dept {
            actuals.department.remove(&id);
        } else if let Some(pa) = actuals.projects.get_mut(&project) {
            pa.rows.remove(&id);
        }
    }
}

/// The id of the row named by 二级指标 + 三级指标 in `project` (or the department's own
/// indicators), or the diagnostic (its span for the caller to set).
fn by_name(
    department: Option<&Department>,
    project: &str,
    is_dept: bool,
    level2: Option<&str>,
    name: Option<&str>,
) -> Result<String, Diagnostic> {
    let Some(dept) = department else {
        return Err(Diagnostic::new(Code::ActualsCsvNoId, Span::default()).variant("no-scorecard"));
    };
    let list = if is_dept {
        &dept.indicators
    } else {
        match dept.projects.iter().find(|p| p.code == project) {
            Some(p) => &p.indicators,
            None => {
                return Err(keyed::no_such_project(CSV_KEY_CODES[0], project));
            }
        }
    };
    keyed::resolve(list, level2, name)
        .map(str::to_string)
        .map_err(|e| e.diagnostic(&keyed::scope(project, is_dept), CSV_KEY_CODES))
}

/// The codes of key errors in a CSV sheet.
const CSV_KEY_CODES: [Code; 2] = [Code::ActualsCsvKey, Code::ActualsCsvAmbiguous];
