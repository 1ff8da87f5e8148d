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

use super::model::{Actuals, ProjectActuals, RowActual};
use crate::diagnostic::{Diagnostic, FileDiagnostic};
use crate::model::Span;
use crate::scorecard::Origin;
use crate::toml_tree::{Entry, Node};
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

struct Ctx<'a> {
    path: &'a Path,
    source: &'a str,
    /// The source shared by the diagnostics, made at the first one (most files have none).
    shared: Option<Arc<str>>,
    diags: Vec<FileDiagnostic>,
}

fn span_of(r: Option<std::ops::Range<usize>>) -> Span {
    r.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

impl Ctx<'_> {
    fn push(&mut self, d: Diagnostic) {
        let src = self.source;
        let source = self.shared.get_or_insert_with(|| Arc::from(src)).clone();
        self.diags.push(FileDiagnostic {
            file: self.path.to_path_buf(),
            source,
            diagnostic: d,
        });
    }

    fn unknown_key(&mut self, entry: &Entry<'_>, allowed: &[&str], what: &str) {
        let key = &entry.key;
        let span = span_of(entry.key_span.clone());
        self.push(
            Diagnostic::error(
                "actuals::unknown-key",
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
                        "actuals::wrong-type",
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

    fn decimal(&mut self, item: &Node<'_>, what: &str) -> Option<Decimal> {
        let span = span_of(item.span());
        let raw = self.text(item, what)?;
        let cleaned: String = raw.chars().filter(|c| *c != '_' && *c != ',').collect();
        match Decimal::from_str(cleaned.trim()) {
            Ok(d) if d >= Decimal::ZERO => {
                let too_large = crate::limits::number_too_large(
                    d,
                    crate::limits::NumberKind::Amount,
                    "actuals::too-large",
                    what,
                    self.content_span(item, span),
                );
                match too_large {
                    Some(diag) => {
                        self.push(diag);
                        None
                    }
                    None => Some(d),
                }
            }
            Err(_) if crate::limits::looks_like_decimal(&cleaned) => {
                let span = self.content_span(item, span);
                self.push(crate::limits::too_large(
                    &raw,
                    crate::limits::NumberKind::Amount,
                    "actuals::too-large",
                    what,
                    span,
                ));
                None
            }
            _ => {
                self.push(
                    Diagnostic::error(
                        "actuals::bad-amount",
                        format!("{what} `{raw}` is not an amount in 万元"),
                        span,
                    )
                    .with_label("not a non-negative number")
                    .with_help("write the amount in 万元 as a number, e.g. \"9.50\""),
                );
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
                    "actuals::wrong-type",
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
                        Diagnostic::error("actuals::unknown-key", format!("unknown key `{other}` in a row"), span)
                            .with_label("not a known key")
                            .with_help("a row has `actual` (实际完成值), `reason` (偏差原因) and `baseline` (上年值)"),
                    );
                }
            }
        }
        Some(row)
    }

    fn rows(&mut self, item: &Node<'_>, into: &mut std::collections::BTreeMap<String, RowActual>) {
        let Some(table) = item.as_table() else {
            self.push(
                Diagnostic::error(
                    "actuals::wrong-type",
                    "`rows` must be a table of indicator id → actual",
                    span_of(item.span()),
                )
                .with_label("not a table")
                .with_help(
                    "write [projects.\"CODE\".rows] and below it lines like qty1 = \"2300份\"",
                ),
            );
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
        shared: None,
        diags: Vec::new(),
    };
    let doc = match crate::toml_tree::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let span = span_of(e.span());
            let (first, detail) = crate::toml_tree::syntax_message(&e, text);
            let msg = std::iter::once(first)
                .chain(detail)
                .collect::<Vec<_>>()
                .join("; ")
                .to_lowercase();
            cx.push(
                Diagnostic::error(
                    "actuals::syntax",
                    format!("this is not valid TOML: {msg}"),
                    span,
                )
                .with_label("here")
                .with_help(
                    "check quotes, brackets and `=`; text values are written in double quotes",
                ),
            );
            return Err(cx.diags);
        }
    };
    let mut actuals = Actuals {
        file: path.to_path_buf(),
        ..Default::default()
    };
    for root_entry in doc.iter() {
        let item = &root_entry.node;
        match &*root_entry.key {
            "projects" => {
                let Some(projects) = item.as_table() else {
                    cx.push(
                        Diagnostic::error(
                            "actuals::wrong-type",
                            "`projects` must be a table keyed by project code",
                            span_of(item.span()),
                        )
                        .with_label("not a table")
                        .with_help("write [projects.\"13028122P00306510001A\"]"),
                    );
                    continue;
                };
                for project in projects.iter() {
                    let (code, pitem) = (&project.key, &project.node);
                    let mut pa = ProjectActuals::default();
                    let Some(pt) = pitem.as_table() else {
                        cx.push(
                            Diagnostic::error(
                                "actuals::wrong-type",
                                format!("project `{code}` must be a table"),
                                span_of(pitem.span()),
                            )
                            .with_label("not a table")
                            .with_help("write [projects.\"CODE\"] with spent = \"…\" below it"),
                        );
                        continue;
                    };
                    for field in pt.iter() {
                        let v = &field.node;
                        match &*field.key {
                            "adjusted_budget" => {
                                pa.adjusted_budget = cx.decimal(v, "`adjusted_budget` (全年预算数)")
                            }
                            "spent" => pa.spent = cx.decimal(v, "`spent` (全年执行数)"),
                            "summary" => {
                                // An uncommented but empty template line means "not given".
                                pa.summary = cx
                                    .text(v, "`summary` (实际完成情况)")
                                    .filter(|t| !t.trim().is_empty())
                            }
                            "rows" => cx.rows(v, &mut pa.rows),
                            _ => cx.unknown_key(
                                field,
                                &["adjusted_budget", "spent", "summary", "rows"],
                                "a project",
                            ),
                        }
                    }
                    actuals.projects.insert(code.to_string(), pa);
                }
            }
            "department" => match item.as_table() {
                Some(t) => {
                    for field in t.iter() {
                        match &*field.key {
                            "rows" => {
                                let mut rows = std::mem::take(&mut actuals.department);
                                cx.rows(&field.node, &mut rows);
                                actuals.department = rows;
                            }
                            _ => cx.unknown_key(field, &["rows"], "[department]"),
                        }
                    }
                }
                None => cx.push(
                    Diagnostic::error(
                        "actuals::wrong-type",
                        "`department` must be a table",
                        span_of(item.span()),
                    )
                    .with_label("not a table")
                    .with_help("write [department.rows] and below it lines like d01 = \"2300份\""),
                ),
            },
            _ => cx.unknown_key(root_entry, &["projects", "department"], "the actuals file"),
        }
    }
    if cx.diags.is_empty() {
        Ok(actuals)
    } else {
        Err(cx.diags)
    }
}
