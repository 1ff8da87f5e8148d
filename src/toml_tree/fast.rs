//! The fast road: one pass over the bytes, a small recursive-descent reader for the TOML
//! that scorecards and actuals are written in. It never reports an error: on anything it
//! does not handle, or that is not TOML, it gives up (`None`) and `toml_edit` reads the
//! file instead, so every message users see still comes from that crate.

use super::{Entry, Node, Table};
use std::borrow::Cow;
use std::ops::Range;

/// The deepest nesting read here: header path parts, arrays and inline tables together.
/// Far below `limits::MAX_TOML_DEPTH` as `toml_depth` counts it, so a file this road
/// accepts needs no depth pre-scan, and its recursion stays shallow.
pub(super) const MAX_NESTING: usize = 16;

/// Entries a `[header]` table gets room for before its first key.
const HEADER_TABLE_KEYS: usize = 12;

/// A key as written: its decoded text and its span (quotes included).
type Key<'s> = (Cow<'s, str>, Range<usize>);

/// The document, or `None` when the fast road gives up.
pub(super) fn read(src: &str) -> Option<Table<'_>> {
    let mut r = Reader {
        src,
        bytes: src.as_bytes(),
        at: 0,
    };
    if src.starts_with('\u{feff}') {
        r.at = '\u{feff}'.len_utf8();
    }
    r.document()
}

/// The text and the offset of the next byte; every offset it stops at is an ASCII byte or
/// the end, so slices between them are on character boundaries.
pub(super) struct Reader<'s> {
    pub(super) src: &'s str,
    pub(super) bytes: &'s [u8],
    pub(super) at: usize,
}

impl<'s> Reader<'s> {
    /// The bytes from the current offset on.
    pub(super) fn rest(&self) -> &'s [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Steps over `b` if it is next.
    pub(super) fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    /// Spaces and tabs: TOML's only whitespace (a full-width space is not).
    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// One line end, `\n` or `\r\n`; false (and nothing consumed) otherwise.
    pub(super) fn eat_newline(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => self.at += 1,
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => self.at += 2,
            _ => return false,
        }
        true
    }

    /// From `#` up to the line end (not consumed); `None` on a control character, which
    /// TOML forbids in comments (a `\r` is left for the line end to judge).
    fn comment(&mut self) -> Option<()> {
        self.run_until(b"\n\r", false).map(drop)
    }

    /// The bytes before the next of the (up to three) `stop` bytes, all checked to be no
    /// control character (`\n` allowed when `newlines`); the reader is left at the stop
    /// byte (or the end).
    pub(super) fn run_until(&mut self, stop: &[u8], newlines: bool) -> Option<&'s str> {
        let rest = self.rest();
        let end = match *stop {
            [a] => memchr::memchr(a, rest),
            [a, b] => memchr::memchr2(a, b, rest),
            [a, b, c] => memchr::memchr3(a, b, c, rest),
            _ => None,
        }
        .unwrap_or(rest.len());
        let text = rest.get(..end)?;
        // Tab is no control character anyway: it stands for "nothing more allowed".
        let allowed = if newlines { b'\n' } else { b'\t' };
        if text
            .iter()
            .fold(false, |found, &b| found | (is_control(b) && b != allowed))
        {
            return None;
        }
        let start = self.at;
        self.at += end;
        self.src.get(start..self.at)
    }

    /// What may end a line after a header or a key/value: spaces, a comment, then a line
    /// end or the end of the text.
    fn line_end(&mut self) -> Option<()> {
        self.skip_space();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        (self.peek().is_none() || self.eat_newline()).then_some(())
    }

    /// Spaces, comments and line ends, as between the items of an array or inline table.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_space();
            if self.peek() == Some(b'#') {
                self.comment()?;
            }
            if !self.eat_newline() {
                return Some(());
            }
        }
    }

    fn document(&mut self) -> Option<Table<'s>> {
        let mut root = Table::new(Some(0..0), false);
        // Where `key = value` lines go: a path of entry indices from the root, and the
        // number of header parts that path was named with.
        let mut current: Vec<usize> = Vec::new();
        let mut section = 0;
        loop {
            self.skip_space();
            match self.peek() {
                None => return Some(root),
                Some(b'#' | b'\n' | b'\r') => {}
                Some(b'[') => {
                    let start = self.at;
                    self.at += 1;
                    let array = self.eat(b'[');
                    let path = self.header_path()?;
                    if !self.eat(b']') || (array && !self.eat(b']')) {
                        return None;
                    }
                    section = path.len();
                    current = open_header(&mut root, path, start..self.at, array)?;
                }
                Some(_) => {
                    let entry = self.keyval(section)?;
                    table_at(&mut root, &current)?.insert(entry)?;
                }
            }
            self.line_end()?;
        }
    }

    /// `a.b."c"` inside a header, up to the closing bracket.
    fn header_path(&mut self) -> Option<Vec<Key<'s>>> {
        let mut path = Vec::new();
        loop {
            self.skip_space();
            path.push(self.key()?);
            if path.len() > MAX_NESTING {
                return None;
            }
            self.skip_space();
            if !self.eat(b'.') {
                return Some(path);
            }
        }
    }

    /// A bare key (`id`, `level-1`, `3`) or a quoted one (`"a b"`, `'c'`).
    fn key(&mut self) -> Option<Key<'s>> {
        let start = self.at;
        let key = match self.peek()? {
            b'"' => self.basic_string()?,
            b'\'' => self.literal_string()?,
            _ => {
                while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                {
                    self.at += 1;
                }
                Cow::Borrowed(self.src.get(start..self.at).filter(|k| !k.is_empty())?)
            }
        };
        Some((key, start..self.at))
    }

    /// `key = value`, its value `depth` levels deep already; a dotted key gives up.
    fn keyval(&mut self, depth: usize) -> Option<Entry<'s>> {
        let (key, key_span) = self.key()?;
        self.skip_space();
        if !self.eat(b'=') {
            return None;
        }
        self.skip_space();
        let node = self.value(depth)?;
        Some(Entry {
            key,
            key_span: Some(key_span),
            node,
        })
    }

    fn value(&mut self, depth: usize) -> Option<Node<'s>> {
        match self.peek()? {
            b'[' => self.array(depth + 1),
            b'{' => self.inline_table(depth + 1),
            _ => self.scalar(),
        }
    }

    fn array(&mut self, depth: usize) -> Option<Node<'s>> {
        if depth > MAX_NESTING {
            return None;
        }
        let start = self.at;
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.eat(b']') {
                return Some(Node::Array {
                    items,
                    span: Some(start..self.at),
                });
            }
            items.push(self.value(depth)?);
            self.skip_blank()?;
            if !self.eat(b',') && self.peek() != Some(b']') {
                return None;
            }
        }
    }

    /// `{ a = 1, b = "x" }`, over several lines and with a trailing comma as TOML 1.1
    /// (and so `toml_edit`) allows.
    fn inline_table(&mut self, depth: usize) -> Option<Node<'s>> {
        if depth > MAX_NESTING {
            return None;
        }
        let start = self.at;
        self.at += 1;
        let mut table = Table::new(None, true);
        loop {
            self.skip_blank()?;
            if self.eat(b'}') {
                table.span = Some(start..self.at);
                return Some(Node::Table(table));
            }
            table.insert(self.keyval(depth)?)?;
            self.skip_blank()?;
            if !self.eat(b',') && self.peek() != Some(b'}') {
                return None;
            }
        }
    }
}

/// A byte TOML forbids raw in comments and strings: ASCII controls but tab, and DEL.
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

/// The table at `path` (entry indices; an array of tables means its last table).
fn table_at<'t, 's>(root: &'t mut Table<'s>, path: &[usize]) -> Option<&'t mut Table<'s>> {
    let mut t = root;
    for &i in path {
        t = match &mut t.entries.get_mut(i)?.node {
            Node::Table(inner) => inner,
            Node::ArrayOfTables { tables, .. } => tables.last_mut()?,
            _ => return None,
        };
    }
    Some(t)
}

/// Applies a `[a.b.c]` or `[[a.b.c]]` header; returns the path of the table it opens.
fn open_header<'s>(
    root: &mut Table<'s>,
    mut path: Vec<Key<'s>>,
    span: Range<usize>,
    array: bool,
) -> Option<Vec<usize>> {
    let (key, key_span) = path.pop()?;
    let mut indices = Vec::with_capacity(path.len() + 1);
    let mut t = root;
    for (step, step_span) in path {
        let i = match t.position(&step) {
            Some(i) => i,
            None => {
                // `toml_edit` gives a table made by a path step the span of that key.
                t.push(Entry {
                    key: step,
                    key_span: Some(step_span.clone()),
                    node: Node::Table(Table::new(Some(step_span), false)),
                });
                t.entries.len() - 1
            }
        };
        indices.push(i);
        t = match &mut t.entries.get_mut(i)?.node {
            Node::Table(inner) if !inner.inline => inner,
            Node::ArrayOfTables { tables, .. } => tables.last_mut()?,
            _ => return None,
        };
    }
    let mut fresh = Table::new(Some(span.clone()), false);
    // A scorecard's `[[indicators]]` table holds 7 to 10 keys: room for them at once
    // spares two regrowths, each a copy of every entry so far.
    fresh.entries.reserve(HEADER_TABLE_KEYS);
    match (t.position(&key), array) {
        (None, false) => t.push(Entry {
            key,
            key_span: Some(key_span),
            node: Node::Table(fresh),
        }),
        (None, true) => t.push(Entry {
            key,
            key_span: Some(key_span),
            node: Node::ArrayOfTables {
                tables: vec![fresh],
                span: Some(span),
            },
        }),
        // Defining a table a longer header already passed through (`[a.b]`, then `[a]`)
        // is valid, but `toml_edit` then moves the entry; leave it to that road.
        (Some(_), false) => return None,
        (Some(i), true) => {
            match &mut t.entries.get_mut(i)?.node {
                Node::ArrayOfTables {
                    tables,
                    span: aspan,
                } => {
                    let start = aspan.as_ref().map_or(span.start, |s| s.start);
                    *aspan = Some(start..span.end);
                    tables.push(fresh);
                }
                _ => return None,
            }
            indices.push(i);
            return Some(indices);
        }
    }
    indices.push(t.entries.len() - 1);
    Some(indices)
}
