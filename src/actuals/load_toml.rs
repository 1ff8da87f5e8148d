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

    fn unknown_key(&mut self, entry: &Entry<'_>, allowed: &[&str], what: &str) {
        let key = &entry.key;
        let span = span_of(entry.key_span.clone());
        self.push(
            Diagnostic::error(
                Code::ActualsUnknownKey,
                format!("unknown key `{key}` in {what}"),
                span,
            )
            .with_label("not a known key")
            .with_help(format!("the keys allowed here are: {}", allowed.join(", "))),
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
                    Diagnostic::error(
                        Code::ActualsWrongType,
                        format!("{what} must be text, e.g. \"2300份\""),
                        span_of(item.span()),
                    )
                    .with_label("not text")
                    .with_help("write the value in double quotes"),
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
            self.push(
                Diagnostic::error(
                    Code::ActualsWrongType,
                    "a row must be the actual as text or a table { actual, reason, baseline }",
                    span_of(item.span()),
                )
                .with_label("not a row")
                .with_help("write e.g. qty1 = \"2300份\" or qty1 = { actual = \"1800份\", reason = \"…\" }"),
            );
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
                    self.push(
                        Diagnostic::error(Code::ActualsUnknownKey, format!("unknown key `{other}` in a row"), span)
                            .with_label("not a known key")
                            .with_help("a row has `actual` (实际完成值), `reason` (偏差原因) and `baseline` (上年值)"),
                    );
                }
            }
        }
        Some(row)
    }

    fn rows(&mut self, item: &Node<'_>, into: &mut std::collections::BTreeMap<String, RowActual>) {
        let message = "`rows` must be a table of indicator id → actual".into();
        let help = "write [projects.\"CODE\".rows] and below it lines like qty1 = \"2300份\"";
        let Some(table) = self.table_of(item, message, help) else {
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
            _ => cx.unknown_key(root_entry, &["projects", "department"], "the actuals file"),
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
        self.push(
            Diagnostic::error(
                Code::ActualsSyntax,
                format!("this is not valid TOML: {msg}"),
                span,
            )
            .with_label("here")
            .with_help("check quotes, brackets and `=`; text values are written in double quotes"),
        );
    }

    /// `item` as a table, or `None` after reporting that it is not one.
    fn table_of<'n, 's>(
        &mut self,
        item: &'n Node<'s>,
        message: String,
        help: &str,
    ) -> Option<&'n Table<'s>> {
        let table = item.as_table();
        if table.is_none() {
            self.push(
                Diagnostic::error(Code::ActualsWrongType, message, span_of(item.span()))
                    .with_label("not a table")
                    .with_help(help),
            );
        }
        table
    }

    /// `[projects."CODE"]` tables.
    fn projects(&mut self, item: &Node<'_>, actuals: &mut Actuals) {
        let message = "`projects` must be a table keyed by project code".into();
        let help = "write [projects.\"13028122P00306510001A\"]";
        let Some(projects) = self.table_of(item, message, help) else {
            return;
        };
        for project in projects.iter() {
            let (code, pitem) = (&project.key, &project.node);
            let message = format!("project `{code}` must be a table");
            let help = "write [projects.\"CODE\"] with spent = \"…\" below it";
            let Some(pt) = self.table_of(pitem, message, help) else {
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
                            .text(v, "`summary` (实际完成情况)")
                            .filter(|t| !t.trim().is_empty())
                    }
                    "rows" => self.rows(v, &mut pa.rows),
                    _ => self.unknown_key(
                        field,
                        &["adjusted_budget", "spent", "summary", "rows"],
                        "a project",
                    ),
                }
            }
            actuals.projects.insert(code.to_string(), pa);
        }
    }

    /// `[department.rows]`.
    fn department(&mut self, item: &Node<'_>, actuals: &mut Actuals) {
        let help = "write [department.rows] and below it lines like d01 = \"2300份\"";
        let fields = self.table_of(item, "`department` must be a table".into(), help);
        for field in fields.iter().flat_map(|t| t.iter()) {
            match &*field.key {
                "rows" => self.rows(&field.node, &mut actuals.department),
                _ => self.unknown_key(field, &["rows"], "[department]"),
            }
        }
    }
}
