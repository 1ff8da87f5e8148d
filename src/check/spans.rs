//! Where each field of a scorecard file is written: the byte span of every top-level
//! value, of every indicator field (by indicator id) and of every spending-plan share, so
//! a check can underline the text a person wrote. The model keeps only the target's
//! origin; the rest is looked up here, from the same text the loader read.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml_edit::{Item, TableLike, Value};

/// The spans of one scorecard file.
#[derive(Debug, Clone)]
pub struct FileIndex {
    pub source: Arc<str>,
    root: HashMap<String, Range<usize>>,
    rows: HashMap<String, HashMap<String, Range<usize>>>,
    plan: Vec<Range<usize>>,
}

impl FileIndex {
    /// Reads the file again; `None` when it cannot be read (it was read by the loader a
    /// moment ago, so this only happens when it vanished in between).
    pub fn read(path: &Path) -> Option<FileIndex> {
        // Within the limits, never a FIFO (which would wait for a writer).
        crate::limits::read_to_string(path)
            .ok()
            .map(|s| FileIndex::from_source(&s))
    }

    /// Indexes a file's text. Text that is not TOML gives an index with no spans.
    pub fn from_source(source: &str) -> FileIndex {
        let mut index = FileIndex {
            source: Arc::from(source),
            root: HashMap::new(),
            rows: HashMap::new(),
            plan: Vec::new(),
        };
        let Ok(doc) = crate::toml_tree::parse_document(source) else {
            return index;
        };
        let root = doc.as_table();
        for (key, item) in root.iter() {
            if let Some(span) = item.span() {
                index
                    .root
                    .insert(key.to_string(), content(source, item, span));
            }
        }
        if let Some(plan) = root.get("spending_plan").and_then(Item::as_table_like) {
            for (_, v) in plan.iter() {
                if let Some(span) = v.span() {
                    index.plan.push(content(source, v, span));
                }
            }
        }
        match root.get("indicators") {
            Some(Item::ArrayOfTables(aot)) => {
                for t in aot.iter() {
                    index.add_row(source, t);
                }
            }
            Some(Item::Value(Value::Array(arr))) => {
                for v in arr.iter() {
                    if let Value::InlineTable(t) = v {
                        index.add_row(source, t);
                    }
                }
            }
            _ => {}
        }
        index
    }

    fn add_row(&mut self, source: &str, table: &dyn TableLike) {
        let Some(id) = table.get("id").and_then(Item::as_str) else {
            return;
        };
        let mut fields = HashMap::new();
        for (key, item) in table.iter() {
            if let Some(span) = item.span() {
                fields.insert(key.to_string(), content(source, item, span));
            }
        }
        // The first row with an id wins; the loader reports duplicate ids.
        self.rows.entry(id.to_string()).or_insert(fields);
    }

    /// The span of a top-level value (string contents without quotes).
    pub fn root(&self, key: &str) -> Option<Range<usize>> {
        self.root.get(key).cloned()
    }

    /// The span of an indicator's field.
    pub fn row(&self, id: &str, key: &str) -> Option<Range<usize>> {
        self.rows.get(id).and_then(|f| f.get(key)).cloned()
    }

    /// The span of the last share of the spending plan.
    pub fn last_plan_share(&self) -> Option<Range<usize>> {
        self.plan.last().cloned()
    }
}

/// For a string, the span of its contents without the quotes; otherwise the value's span.
fn content(source: &str, item: &Item, span: Range<usize>) -> Range<usize> {
    if !matches!(item.as_value(), Some(Value::String(_))) {
        return span;
    }
    let raw = source.get(span.clone()).unwrap_or("");
    for q in ["\"\"\"", "'''"] {
        if raw.len() >= 6 && raw.starts_with(q) && raw.ends_with(q) {
            let rest = raw.get(3..).unwrap_or("");
            let lead = if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with('\n'))
            };
            return span.start + 3 + lead..span.end - 3;
        }
    }
    for q in ['"', '\''] {
        if raw.len() >= 2 && raw.starts_with(q) && raw.ends_with(q) {
            return span.start + 1..span.end - 1;
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_fields() {
        let src = "budget = \"10.00\"\nspending_plan = { 3 = \"30%\", 12 = \"90%\" }\n[[indicators]]\nid = \"qty1\"\nname = \"数量\"\npoints = 10\n";
        let ix = FileIndex::from_source(src);
        let at = |r: Option<Range<usize>>| r.and_then(|r| src.get(r)).unwrap_or("?");
        assert_eq!(at(ix.root("budget")), "10.00");
        assert_eq!(at(ix.row("qty1", "name")), "数量");
        assert_eq!(at(ix.row("qty1", "points")), "10");
        assert_eq!(at(ix.last_plan_share()), "90%");
        assert_eq!(ix.row("qty2", "name"), None);
    }

    #[test]
    fn not_toml_gives_no_spans() {
        let ix = FileIndex::from_source("budget = ");
        assert_eq!(ix.root("budget"), None);
    }
}
