//! Rows of a sheet typed by a person, named by 二级指标 + 三级指标 instead of 指标编码
//! (README, `score`): the same resolution for CSV and xlsx, so both accept the same keys and
//! give the same messages.

use super::load_csv::{ADJUSTED_BUDGET_ID, SPENT_ID, SUMMARY_ID};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::scorecard::Indicator;

/// Text as people type it in a cell: spaces (half- and full-width) and line breaks inside a
/// name do not make it another name.
pub(super) fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A budget-figure or summary row of a plain sheet: 三级指标 `全年预算数（万元）`,
/// `全年执行数` or `实际完成情况`.
pub(super) fn budget_id(name: &str) -> Option<&'static str> {
    let n = norm(name);
    let n = n
        .trim_end_matches(['）', ')'])
        .trim_end_matches("万元")
        .trim_end_matches(['（', '(']);
    match n {
        "全年预算数" | "调整后预算数" => Some(ADJUSTED_BUDGET_ID),
        "全年执行数" | "实际支出数" => Some(SPENT_ID),
        "实际完成情况" | "年度总体目标实际完成情况" => Some(SUMMARY_ID),
        _ => None,
    }
}

/// `指标1：`, `指标2:`, `……`, `...`: rows that only hold a place in a blank form.
pub(super) fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    if t.chars().all(|c| matches!(c, '…' | '.' | '。' | '-' | '—')) {
        return true;
    }
    let Some(rest) = t.strip_prefix("指标") else {
        return false;
    };
    let rest = rest.trim_end_matches([':', '：']);
    !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())
}

/// Why a row's 二级指标 + 三级指标 name no single indicator.
pub(super) enum KeyError {
    /// The row has a value but no 三级指标.
    NoName,
    /// No indicator of that name (under that 二级指标).
    NotFound { what: String },
    /// Several indicators share the name: the ids that match.
    Ambiguous { name: String, ids: Vec<String> },
}

/// The id of the one indicator of `list` named `name` (under `level2` when given).
pub(super) fn resolve<'a>(
    list: &'a [Indicator],
    level2: Option<&str>,
    name: Option<&str>,
) -> Result<&'a str, KeyError> {
    let Some(n) = name.map(norm).filter(|n| !n.is_empty()) else {
        return Err(KeyError::NoName);
    };
    let l2 = level2.map(norm).filter(|s| !s.is_empty());
    let found: Vec<&Indicator> = list
        .iter()
        .filter(|i| norm(&i.name) == n)
        .filter(|i| l2.as_ref().is_none_or(|l| norm(&i.level2) == *l))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.id.as_str()),
        [] => Err(KeyError::NotFound {
            what: match &l2 {
                Some(l) => format!("{l} / {n}"),
                None => n,
            },
        }),
        many => Err(KeyError::Ambiguous {
            name: n,
            ids: many.iter().map(|i| i.id.clone()).collect(),
        }),
    }
}

impl KeyError {
    /// The diagnostic (the sheet kind's `key` or `ambiguous` code) for a row of `scope`
    /// (e.g. "project `P1`"), at no span: the caller says where the row is.
    pub(super) fn diagnostic(&self, scope: &str, [key, ambiguous]: [Code; 2]) -> Diagnostic {
        match self {
            KeyError::NoName => Diagnostic::new(key, Span::default()).variant("no-name"),
            KeyError::NotFound { what } => Diagnostic::new(key, Span::default())
                .arg("what", what)
                .arg("scope", scope),
            KeyError::Ambiguous { name, ids } => Diagnostic::new(ambiguous, Span::default())
                .arg("name", name)
                .arg("n", ids.len())
                .arg("scope", scope)
                .arg("ids", ids.join(", ")),
        }
    }
}

/// A row whose 项目编码 names no project of the scorecard (`code`: the sheet kind's key code).
pub(super) fn no_such_project(code: Code, project: &str) -> Diagnostic {
    Diagnostic::new(code, Span::default())
        .variant("no-project")
        .arg("project", project)
}

/// How a row's scope is named in messages.
pub(super) fn scope(project: &str, is_dept: bool) -> String {
    if is_dept {
        crate::i18n::t("actuals.scope-department").to_string()
    } else {
        crate::i18n::tf("actuals.scope-project", &[("project", project)])
    }
}
