//! A light TOML tree that keeps what the loaders need — values and the byte span of every
//! key and value — and nothing else.
//!
//! Why not `toml_edit` directly: it builds a format-preserving document (decor, raw
//! representations, an index map per table), which made reading the 21,000 files of a
//! 1,000-department region cost more than scoring them. This tree is built by one
//! hand-written pass over the bytes (`fast.rs`, `scalars.rs`), borrowing strings from the
//! source where they have no escapes; a general lexer, parser and event buffer in between
//! were a quarter of a region run.
//!
//! The fast reader handles the shapes scorecards and actuals are written in: plain keys,
//! `[table]` and `[[array]]` headers (dotted and quoted), arrays, inline tables, strings,
//! integers, booleans and plain decimal floats. Anything else — dotted keys on the left of
//! `=`, date-times, exponents, nesting past 16, any syntax error, duplicate keys or
//! redefined tables — makes it give up, and the file is read again by `toml_edit`, whose
//! document is converted to this tree (or whose error is reported). So every edge case of
//! TOML and every syntax message still comes from the well-tested crate;
//! `tests/toml_tree.rs` checks that both roads give equal trees.

mod fast;
mod scalars;

use std::borrow::Cow;
use std::ops::Range;

/// A value in the tree. Spans are byte ranges into the source (`None` only for tables
/// that exist because a header named a path through them, as in `toml_edit`).
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'s> {
    String {
        value: Cow<'s, str>,
        span: Option<Range<usize>>,
    },
    Integer {
        value: i64,
        span: Option<Range<usize>>,
    },
    /// Decimal readers take the digits from the source text, never from a binary float.
    Float {
        span: Option<Range<usize>>,
    },
    Boolean {
        value: bool,
        span: Option<Range<usize>>,
    },
    Datetime {
        span: Option<Range<usize>>,
    },
    Array {
        items: Vec<Node<'s>>,
        span: Option<Range<usize>>,
    },
    /// `[[name]]` sections.
    ArrayOfTables {
        tables: Vec<Table<'s>>,
        span: Option<Range<usize>>,
    },
    Table(Table<'s>),
}

/// A table: a `[header]` section, an inline `{ … }` table, or the document root.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'s> {
    pub entries: Vec<Entry<'s>>,
    pub span: Option<Range<usize>>,
    pub inline: bool,
    /// Key → entry index, once the table is large enough for a scan to cost more than
    /// hashing: a file of 100,000 keys in one table must not take 100,000² comparisons.
    index: KeyIndex,
}

/// Tables at most this large are searched by a scan (scorecard tables hold a dozen keys).
const SCAN_UP_TO: usize = 16;

/// The key index of a large [`Table`]; a cache, so it takes no part in equality. Boxed, so
/// that the tables without one (nearly all) stay small to move.
#[derive(Debug, Clone, Default)]
// The box is the point: an empty `HashMap` is 48 bytes in every table moved; a box is 8.
#[allow(clippy::box_collection)]
struct KeyIndex(Option<Box<std::collections::HashMap<String, usize>>>);

impl PartialEq for KeyIndex {
    fn eq(&self, _: &KeyIndex) -> bool {
        true
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'s> {
    pub key: Cow<'s, str>,
    pub key_span: Option<Range<usize>>,
    pub node: Node<'s>,
}

impl<'s> Table<'s> {
    fn new(span: Option<Range<usize>>, inline: bool) -> Table<'s> {
        Table {
            entries: Vec::new(),
            span,
            inline,
            index: KeyIndex::default(),
        }
    }

    /// The entry named `key`: its key span and value.
    pub fn get(&self, key: &str) -> Option<(Option<Range<usize>>, &Node<'s>)> {
        let e = self.entries.get(self.position(key)?)?;
        Some((e.key_span.clone(), &e.node))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry<'s>> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds an entry; `None` when the key is already there (a TOML error, left to
    /// `toml_edit` to report).
    fn insert(&mut self, entry: Entry<'s>) -> Option<()> {
        if self.position(&entry.key).is_some() {
            return None;
        }
        self.push(entry);
        Some(())
    }

    /// Appends an entry whose key is known to be new, keeping the index.
    fn push(&mut self, entry: Entry<'s>) {
        let at = self.entries.len();
        match &mut self.index.0 {
            Some(map) => {
                map.insert(entry.key.to_string(), at);
            }
            None if at >= SCAN_UP_TO => {
                let map = self
                    .entries
                    .iter()
                    .chain(std::iter::once(&entry))
                    .enumerate()
                    .map(|(i, e)| (e.key.to_string(), i))
                    .collect();
                self.index.0 = Some(Box::new(map));
            }
            None => {}
        }
        self.entries.push(entry);
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index.0 {
            Some(map) => map.get(key).copied(),
            None => self.entries.iter().position(|e| e.key == key),
        }
    }
}

impl<'s> Node<'s> {
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Node::String { span, .. }
            | Node::Integer { span, .. }
            | Node::Float { span }
            | Node::Boolean { span, .. }
            | Node::Datetime { span }
            | Node::Array { span, .. }
            | Node::ArrayOfTables { span, .. } => span.clone(),
            Node::Table(t) => t.span.clone(),
        }
    }

    /// What kind of value it is, as a stable word (`string`, `inline`, …) that messages
    /// put into the user's language ("found …").
    pub fn kind(&self) -> &'static str {
        match self {
            Node::String { .. } => "string",
            Node::Integer { .. } => "integer",
            Node::Float { .. } => "float",
            Node::Boolean { .. } => "boolean",
            Node::Datetime { .. } => "datetime",
            Node::Array { .. } => "array",
            Node::ArrayOfTables { .. } => "tables",
            Node::Table(t) if t.inline => "inline",
            Node::Table(_) => "table",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Header and inline tables alike.
    pub fn as_table(&self) -> Option<&Table<'s>> {
        match self {
            Node::Table(t) => Some(t),
            _ => None,
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Node::Integer { .. } | Node::Float { .. })
    }
}

/// Why a TOML text could not be read: a syntax error (`toml_edit`'s, so its message and
/// span are the ones users have always seen), or nesting past
/// [`crate::limits::MAX_TOML_DEPTH`], found before `toml_edit` ran.
#[derive(Debug, Clone)]
pub enum TomlError {
    Syntax(toml_edit::TomlError),
    TooDeep(crate::toml_depth::TooDeep),
}

impl TomlError {
    /// Whether the text gives a key twice. The library says so only in its English
    /// message; this is the one place that reads it, so callers branch on a bool.
    pub fn is_duplicate_key(&self) -> bool {
        matches!(self, TomlError::Syntax(e) if e.message().trim_start().starts_with("duplicate key"))
    }
    /// The byte range the error points at.
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            TomlError::Syntax(e) => e.span(),
            TomlError::TooDeep(t) => Some(t.offset..t.offset + 1),
        }
    }
}

impl std::fmt::Display for TomlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TomlError::Syntax(e) => e.fmt(f),
            TomlError::TooDeep(t) => f.write_str(&t.message()),
        }
    }
}

impl std::error::Error for TomlError {}

impl From<toml_edit::TomlError> for TomlError {
    fn from(e: toml_edit::TomlError) -> TomlError {
        TomlError::Syntax(e)
    }
}

/// `toml_edit::Document::parse` behind the nesting pre-scan: what every reader that needs
/// `toml_edit`'s document (policies, test cases, `fmt`) parses with.
pub fn parse_document<S: AsRef<str>>(text: S) -> Result<toml_edit::Document<S>, TomlError> {
    if let Some(deep) = crate::toml_depth::too_deep(text.as_ref()) {
        return Err(TomlError::TooDeep(deep));
    }
    Ok(toml_edit::Document::parse(text)?)
}

/// Parses a whole file: the fast road, and `toml_edit` (behind the depth pre-scan) where
/// it gives up. The fast road nests at most [`fast::MAX_NESTING`] deep, far below the
/// pre-scan's limit, so a file it reads needs no pre-scan.
pub fn parse(src: &str) -> Result<Table<'_>, TomlError> {
    match fast::read(src) {
        Some(root) => Ok(root),
        None => slow(src),
    }
}

/// The `toml_edit` road only: the reference the fast road is tested against.
pub fn slow(src: &str) -> Result<Table<'static>, TomlError> {
    let doc = parse_document(src)?;
    Ok(convert_table(doc.as_table(), doc.as_table().span(), false))
}

/// The fast road only; `None` when it gave up (the file may still be valid TOML, or nest
/// too deep to be read at all).
pub fn fast(src: &str) -> Option<Table<'_>> {
    fast::read(src)
}

// ---------------------------------------------------------------------------------------
// From a `toml_edit` document (the slow road).

fn convert_table<'s>(
    t: &dyn toml_edit::TableLike,
    span: Option<Range<usize>>,
    inline: bool,
) -> Table<'s> {
    let mut out = Table::new(span, inline);
    for (key, item) in t.iter() {
        let key_span = t.key(key).and_then(|k| k.span());
        out.push(Entry {
            key: Cow::Owned(key.to_string()),
            key_span,
            node: convert_item(item),
        });
    }
    out
}

fn convert_item<'s>(item: &toml_edit::Item) -> Node<'s> {
    match item {
        toml_edit::Item::Value(v) => convert_value(v),
        toml_edit::Item::Table(t) => Node::Table(convert_table(t, t.span(), false)),
        toml_edit::Item::ArrayOfTables(a) => Node::ArrayOfTables {
            tables: a
                .iter()
                .map(|t| convert_table(t, t.span(), false))
                .collect(),
            span: a.span(),
        },
        // Never stored in a parsed document; an empty table is the harmless reading.
        toml_edit::Item::None => Node::Table(Table::new(None, false)),
    }
}

fn convert_value<'s>(v: &toml_edit::Value) -> Node<'s> {
    use toml_edit::Value as V;
    let span = v.span();
    match v {
        V::String(s) => Node::String {
            value: Cow::Owned(s.value().clone()),
            span,
        },
        V::Integer(i) => Node::Integer {
            value: *i.value(),
            span,
        },
        V::Float(_) => Node::Float { span },
        V::Boolean(b) => Node::Boolean {
            value: *b.value(),
            span,
        },
        V::Datetime(_) => Node::Datetime { span },
        V::Array(a) => Node::Array {
            items: a.iter().map(convert_value).collect(),
            span,
        },
        V::InlineTable(t) => Node::Table(convert_table(t, t.span(), true)),
    }
}

/// `toml_edit`'s message for a syntax error, as (what is wrong, further lines), tidied
/// for our diagnostics: "duplicate key" names the key, and the ", expected …" of the first
/// line becomes a line of its own (dropped when empty, or when it only restates that a
/// string needs quotes — the help says how).
pub fn syntax_message(e: &TomlError, src: &str) -> (String, Vec<String>) {
    let e = match e {
        TomlError::Syntax(e) => e,
        TomlError::TooDeep(t) => return (t.message(), vec![t.help().to_string()]),
    };
    let msg = e.message().trim();
    let mut lines = msg.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid TOML");
    let mut detail = Vec::new();
    let mut head = first;
    if let Some((h, expected)) = first.split_once(", expected ") {
        head = h;
        if expected != "nothing" && !h.contains("must be quoted") {
            detail.push(crate::i18n::tf("toml.expected", &[("what", expected)]));
        }
    }
    let head = match e.span().and_then(|s| src.get(s)) {
        Some(key) if head == "duplicate key" => {
            crate::i18n::tf("toml.duplicate-key", &[("key", key)])
        }
        _ => in_language(head),
    };
    detail.extend(lines.map(str::to_string));
    (head, detail)
}

/// The reader library's own wording of a syntax error in the user's language, when the
/// catalogue knows it (`[toml]`, keyed by the English text); else as the library wrote it.
fn in_language(english: &str) -> String {
    let key = format!("toml.{english}");
    match crate::i18n::catalogue(crate::i18n::current()).get(&key) {
        Some(text) => text.clone(),
        None => english.to_string(),
    }
}
