//! Reading `actuals.toml`. Every problem in the file is reported (not just the first),
//! each pointing at its text; numbers are read from their source text, never via binary floating point.
//!
//! ```toml
//! [projects."13028122P00306510001A"]
//! adjusted_budget = "10.00"   # 全年预算数（万元），可省略
//! spent = "9.50"              # 全年执行数（万元）
//! summary = "完成化解任务。"    # 实际完成情况（对照年度总体目标），可省略
//!
//! [projects."13028122P00306510001A".rows]
//! qty1 = "4个"                                           # 只填实际完成值
//! qlt1 = { actual = "65%", reason = "部分案件周期长" }    # 实际完成值 + 偏差原因
//!
//! [department.rows]
//! d01 = { actual = "2300份" }
//! ```

use super::load_csv::{ADJUSTED_BUDGET_ID, SPENT_ID};
use super::model::{Actuals, ProjectActuals, RowActual};
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::file_diagnostics::FileDiagnostics;
use crate::model::Span;
use crate::scorecard::Origin;
use crate::toml_tree::{Entry, Node, Table};
use rust_decimal::Decimal;
use std::path::Path;

struct Ctx<'a> {
    path: &'a Path,
    source: &'a str,
    diags: FileDiagnostics<'a>,
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

impl Ctx<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// An unknown key in the table `within` (`file`, `project`, `department`: the
    /// catalogue's variant), with the keys `allowed` there.
    fn unknown_key(&mut self, entry: &Entry<'_>, allowed: &[&str], within: &'static str) {
        let span = span_of(entry.key_span.clone());
        self.push(
            Diagnostic::new(Code::ActualsUnknownKey, span)
                .variant(within)
                .arg("key", &entry.key)
                .arg("allowed", allowed.join(", ")),
        );
    }

    fn text(&mut self, item: &Node<'_>, what: &str) -> Option<String> {
        match item {
            Node::String { value, .. } => Some(value.to_string()),
            Node::Integer { .. } | Node::Float { .. } => {
                let span = span_of(item.span());
                self.source
                    .get(span.start..span.end)
                    .map(|s| s.trim().to_string())
            }
            _ => {
                self.push(
                    Diagnostic::new(Code::ActualsWrongType, span_of(item.span())).arg("what", what),
                );
                None
            }
        }
    }

    /// A budget figure (`spent`, `adjusted_budget`): a TOML number or text, read by the
    /// one cell reader; a diagnostic points at the value without its quotes.
    fn amount(&mut self, item: &Node<'_>, id: &str) -> Option<Decimal> {
        let raw = self.text(item, super::budget_label(id))?;
        let span = self.content_span(item, span_of(item.span()));
        match super::budget_amount(id, &raw, span) {
            Ok(d) => Some(d),
            Err(d) => {
                self.push(d);
                None
            }
        }
    }

    /// The span of a value without its quotes (a number's span is its text).
    fn content_span(&self, item: &Node<'_>, span: Span) -> Span {
        let raw = self.source.get(span.start..span.end).unwrap_or("");
        if matches!(item, Node::String { .. })
            && raw.len() >= 2
            && raw.starts_with('"')
            && raw.ends_with('"')
            && !raw.starts_with("\"\"\"")
        {
            return Span::new(span.start + 1, span.end - 1);
        }
        span
    }

    fn row(&mut self, item: &Node<'_>) -> Option<RowActual> {
        let origin = |span: Span| Origin {
            file: self.path.to_path_buf(),
            start: span.start,
            end: span.end,
        };
        if let Node::String { value, span } = item {
            let span = span_of(span.clone());
            return Some(RowActual {
                actual: Some(value.to_string()),
                origin: origin(span),
                ..Default::default()
            });
        }
        let Some(table) = item.as_table() else {
            self.push(Diagnostic::new(Code::ActualsWrongType, span_of(item.span())).variant("row"));
            return None;
        };
        let mut row = RowActual::default();
        for entry in table.iter() {
            let value = &entry.node;
            match &*entry.key {
                "actual" => {
                    row.origin = origin(span_of(value.span()));
                    row.actual = self.text(value, "`actual`");
                }
                "reason" => row.reason = self.text(value, "`reason`"),
                "baseline" => row.baseline = self.text(value, "`baseline`"),
                other => {
                    let span = span_of(entry.key_span.clone());
                    self.push(Diagnostic::new(Code::ActualsUnknownKey, span).arg("key", other));
                }
            }
        }
        Some(row)
    }

    /// A `rows` table; `variant` names its place (`rows` of a project, `department-rows`).
    fn rows(
        &mut self,
        item: &Node<'_>,
        into: &mut std::collections::BTreeMap<String, RowActual>,
        variant: &'static str,
    ) {
        let Some(table) = self.table_of(item, || Self::not_table(variant)) else {
            return;
        };
        for entry in table.iter() {
            if let Some(r) = self.row(&entry.node) {
                into.insert(entry.key.to_string(), r);
            }
        }
    }
}

/// Reads an actuals TOML file's text. Returns the actuals and no diagnostics, or every
/// problem found.
pub fn parse_actuals_toml(path: &Path, text: &str) -> Result<Actuals, Vec<FileDiagnostic>> {
    let mut cx = Ctx {
        path,
        source: text,
        diags: FileDiagnostics::new(path, text),
    };
    let doc = match crate::toml_tree::parse(text) {
        Ok(d) => d,
        Err(e) => {
            cx.syntax_error(&e, text);
            return Err(cx.diags.into_vec());
        }
    };
    let mut actuals = Actuals {
        file: path.to_path_buf(),
        ..Default::default()
    };
    for root_entry in doc.iter() {
        let item = &root_entry.node;
        match &*root_entry.key {
            "projects" => cx.projects(item, &mut actuals),
            "department" => cx.department(item, &mut actuals),
            _ => cx.unknown_key(root_entry, &["projects", "department"], "file"),
        }
    }
    cx.diags.or_value(actuals)
}

impl Ctx<'_> {
    fn syntax_error(&mut self, e: &crate::toml_tree::TomlError, text: &str) {
        let span = span_of(e.span());
        let (first, detail) = crate::toml_tree::syntax_message(e, text);
        let msg = std::iter::once(first)
            .chain(detail)
            .collect::<Vec<_>>()
            .join("; ")
            .to_lowercase();
        self.push(Diagnostic::new(Code::ActualsSyntax, span).arg("detail", msg));
    }

    /// `item` as a table, or `None` after reporting `not_table` at it.
    fn table_of<'n, 's>(
        &mut self,
        item: &'n Node<'s>,
        not_table: impl FnOnce() -> Diagnostic,
    ) -> Option<&'n Table<'s>> {
        let table = item.as_table();
        if table.is_none() {
            // Made only when needed: a region run reads tens of thousands of tables that
            // are tables, and filling a diagnostic's texts from the catalogue is not free.
            self.push(Diagnostic {
                span: span_of(item.span()),
                ..not_table()
            });
        }
        table
    }

    /// The `variant` text of `actuals::wrong-type`, for a value that should be a table.
    fn not_table(variant: &'static str) -> Diagnostic {
        Diagnostic::new(Code::ActualsWrongType, Span::default()).variant(variant)
    }

    /// `[projects."CODE"]` tables.
    fn projects(&mut self, item: &Node<'_>, actuals: &mut Actuals) {
        let Some(projects) = self.table_of(item, || Self::not_table("projects")) else {
            return;
        };
        for project in projects.iter() {
            let (code, pitem) = (&project.key, &project.node);
            let not_table = || Self::not_table("project").arg("code", code);
            let Some(pt) = self.table_of(pitem, not_table) else {
                continue;
            };
            let mut pa = ProjectActuals::default();
            for field in pt.iter() {
                let v = &field.node;
                match &*field.key {
                    "adjusted_budget" => pa.adjusted_budget = self.amount(v, ADJUSTED_BUDGET_ID),
                    "spent" => pa.spent = self.amount(v, SPENT_ID),
                    "summary" => {
                        // An uncommented but empty template line means "not given".
                        pa.summary = self
                            .text(v, crate::i18n::t("actuals.what-summary"))
                            .filter(|t| !t.trim().is_empty())
                    }
                    "rows" => self.rows(v, &mut pa.rows, "rows"),
                    _ => self.unknown_key(
                        field,
                        &["adjusted_budget", "spent", "summary", "rows"],
                        "project",
                    ),
                }
            }
            actuals.projects.insert(code.to_string(), pa);
        }
    }

    /// `[department.rows]`.
    fn department(&mut self, item: &Node<'_>, actuals: &mut Actuals) {
        let fields = self.table_of(item, || Self::not_table("department"));
        for field in fields.iter().flat_map(|t| t.iter()) {
            match &*field.key {
                "rows" => self.rows(&field.node, &mut actuals.department, "department-rows"),
                _ => self.unknown_key(field, &["rows"], "department"),
            }
        }
    }
}
