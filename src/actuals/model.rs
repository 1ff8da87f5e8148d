//! Year-end actuals (实际完成值) as read from an actuals file, keyed by project code and
//! indicator id. Values stay text here; the scorer parses them, so a bad cell is a row
//! error in the 自评表, not a failure of the whole file.

use crate::scorecard::Origin;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Default, Serialize)]
pub struct RowActual {
    /// 实际完成值 as written.
    pub actual: Option<String>,
    /// 偏差原因分析及改进措施.
    pub reason: Option<String>,
    /// 上年值 / 基期值, for change targets.
    pub baseline: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ProjectActuals {
    /// 全年预算数 (万元): the adjusted budget; the scorecard's 年初预算数 when absent.
    pub adjusted_budget: Option<Decimal>,
    /// 全年执行数 (万元).
    pub spent: Option<Decimal>,
    /// 实际完成情况: what the project achieved against its 年度总体目标, in words.
    pub summary: Option<String>,
    pub rows: BTreeMap<String, RowActual>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Actuals {
    /// Rows of the department's own indicators.
    pub department: BTreeMap<String, RowActual>,
    pub projects: BTreeMap<String, ProjectActuals>,
    #[serde(skip)]
    pub file: PathBuf,
}

impl Actuals {
    /// Keys in this file that the scorecard does not have: a project code, or a row id
    /// in a project or the department. Such rows would otherwise be ignored silently and
    /// their real rows reported as missing, so callers report them.
    pub fn unknown_keys(&self, dept: &crate::scorecard::Department) -> Vec<String> {
        let mut out = Vec::new();
        for id in self.department.keys() {
            if !dept.indicators.iter().any(|i| &i.id == id) {
                out.push(crate::i18n::tf(
                    "actuals.unknown-department-row",
                    &[("id", id), ("department", &dept.code)],
                ));
            }
        }
        for (code, pa) in &self.projects {
            match dept.projects.iter().find(|p| &p.code == code) {
                None => out.push(crate::i18n::tf(
                    "actuals.unknown-project",
                    &[("project", code)],
                )),
                Some(p) => {
                    for id in pa.rows.keys() {
                        if !p.indicators.iter().any(|i| &i.id == id) {
                            out.push(crate::i18n::tf(
                                "actuals.unknown-row",
                                &[("id", id), ("project", code)],
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}
