//! `audit --import-to DIR`: the published 自评表 as a scorecard folder (written by the
//! importer, which reads the same document) plus the `actuals.toml` the form prints
//! (全年预算数, 全年执行数, 实际完成值, 偏差原因), so `score`, `explain` and `diff` work on
//! it. Forms and rows are matched to the imported projects and indicators by name.

use super::form::FormKind;
use super::rescore::amount;
use super::table::TableAudit;
use super::{AuditError, FileAudit};
use crate::scorecard::import::import_file;
use crate::scorecard::model::Indicator;
use crate::scorecard::write::write_folder;
use std::path::Path;
use toml::{Table, Value};

/// Writes the folder and its `actuals.toml`; the messages say what could not be matched.
pub fn import_to(source: &Path, audit: &FileAudit, dir: &Path) -> Result<Vec<String>, AuditError> {
    let imported =
        import_file(source, audit.fiscal_year).map_err(|e| AuditError::NotADocument(e.0))?;
    let d = &imported.department;
    write_folder(d, dir).map_err(|error| AuditError::Write {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut notes = Vec::new();
    let mut projects = Table::new();
    let mut department = Table::new();
    for t in &audit.tables {
        let name = &t.form.name;
        if t.form.kind == FormKind::Department && !d.indicators.is_empty() {
            department.insert(
                "rows".into(),
                Value::Table(rows(t, &d.indicators, &mut notes)),
            );
            continue;
        }
        let Some(p) = d.projects.iter().find(|p| &p.name == name) else {
            notes.push(format!(
                "自评表「{name}」没有对应的导入项目，其实际完成值未写入"
            ));
            continue;
        };
        let mut entry = Table::new();
        if let Some(b) = &t.form.budget {
            for (key, text) in [
                ("adjusted_budget", &b.adjusted.text),
                ("spent", &b.spent.text),
            ] {
                if let Some(v) = amount(text) {
                    entry.insert(key.into(), Value::String(v.to_string()));
                }
            }
        }
        entry.insert(
            "rows".into(),
            Value::Table(rows(t, &p.indicators, &mut notes)),
        );
        projects.insert(p.code.clone(), Value::Table(entry));
    }
    let mut root = Table::new();
    if !department.is_empty() {
        root.insert("department".into(), Value::Table(department));
    }
    root.insert("projects".into(), Value::Table(projects));
    let text = format!(
        "# 年终实际完成值：由 `jixiao audit --import-to` 从 {} 的自评表读出\n{}",
        source.display(),
        toml::to_string(&root).map_err(|e| AuditError::Toml(e.to_string()))?
    );
    let path = dir.join(crate::pipeline::FOLDER_ACTUALS);
    crate::output::write_atomic(&path, text.as_bytes())
        .map_err(|error| AuditError::Write { path, error })?;
    Ok(notes)
}

/// Each printed row's 实际完成值 and 偏差原因 under the id of the indicator with its name
/// (the first not yet used, so repeated names pair in order).
fn rows(t: &TableAudit, indicators: &[Indicator], notes: &mut Vec<String>) -> Table {
    let mut used = vec![false; indicators.len()];
    let mut out = Table::new();
    for r in &t.rows {
        let name = &r.row.name.text;
        let found = indicators
            .iter()
            .enumerate()
            .find(|(i, ind)| &ind.name == name && !used.get(*i).copied().unwrap_or(true));
        let Some((i, ind)) = found else {
            notes.push(format!(
                "「{}」的指标「{name}」没有对应的导入指标，未写入",
                t.form.name
            ));
            continue;
        };
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        let mut cell = Table::new();
        if !r.row.actual.is_blank() {
            cell.insert(
                "actual".into(),
                Value::String(super::rescore::scoring_actual(&r.row)),
            );
        }
        if !r.row.reason.is_blank() {
            cell.insert("reason".into(), Value::String(r.row.reason.text.clone()));
        }
        out.insert(ind.id.clone(), Value::Table(cell));
    }
    out
}
