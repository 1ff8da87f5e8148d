//! Loading a scorecard folder (`department.toml` + `projects/*.toml`) into the model.
//!
//! Files are read into a [`toml_tree`](crate::toml_tree), which keeps the byte span of every
//! key and value, so each problem points at the text the user wrote. Every problem is reported, not just the
//! first: a file with five mistakes gets five messages. Decimals (amounts, shares, points)
//! are read from the raw text of the string or number, never through binary floating point.
//!
//! Lenient-parse warnings of targets are kept on each [`Indicator`] (`target_diagnostics`)
//! for `check` to report; a target that does not parse at all is a load error.

use super::levels;
use super::model::{Area, Checkpoint, Department, Indicator, Origin, Project};
use crate::diagnostic::Code;
use crate::diagnostic::{self, Diagnostic};
use crate::limits::NumberKind;
use crate::model::{Direction, Span};
use crate::parse::{parse_target, Strictness};
use crate::toml_tree::{Node, Table};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The department file's name inside a scorecard folder.
pub const DEPARTMENT_FILE: &str = "department.toml";
/// The folder of project files inside a scorecard folder.
pub const PROJECTS_DIR: &str = "projects";

pub use crate::diagnostic::{render_file_diagnostics, FileDiagnostic};

/// `Ok((value, warnings))` when the files have no errors, else `Err(all problems)`.
pub type LoadResult<T> = Result<(T, Vec<FileDiagnostic>), Vec<FileDiagnostic>>;

/// In reading order: by file, then by position.
fn sort(diags: &mut [FileDiagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.diagnostic.span.start).cmp(&(&b.file, b.diagnostic.span.start))
    });
}

fn finish<T>(value: T, mut diags: Vec<FileDiagnostic>) -> LoadResult<T> {
    sort(&mut diags);
    if diags.iter().any(FileDiagnostic::is_error) {
        Err(diags)
    } else {
        Ok((value, diags))
    }
}

/// `what` names the catalogue's variant of the message: `department`, `projects` or
/// `project`.
fn io_problem(path: &Path, what: &'static str, e: &std::io::Error) -> FileDiagnostic {
    FileDiagnostic {
        file: path.to_path_buf(),
        source: Arc::from(""),
        diagnostic: Diagnostic::new(Code::ScorecardIo, Span::new(0, 0))
            .variant(what)
            .arg("path", path.display())
            .arg("why", crate::i18n::io_why(e)),
    }
}

/// The catalogue text `scorecard.<key>` (words used inside the scorecard's diagnostics).
fn word(key: &str) -> String {
    crate::i18n::t(&format!("scorecard.{key}")).to_string()
}

fn at(span: &Range<usize>) -> Span {
    Span::new(span.start, span.end)
}

/// Loads a department folder: `department.toml` and every `projects/*.toml` (in file-name
/// order). All problems of all files are reported.
/// The project files of a department folder, in file-name order: the `.toml` files in
/// `projects/`, leaving out hidden ones (a name starting with `.`: macOS `._01-x.toml`
/// resource forks, editor lock files such as `.#01-x.toml`), which are not projects
/// anybody wrote. No `projects/` folder means no projects.
pub fn project_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let rd = match std::fs::read_dir(dir.join(PROJECTS_DIR)) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

pub fn load_department(dir: &Path) -> LoadResult<Department> {
    let dept_path = dir.join(DEPARTMENT_FILE);
    let source = match crate::limits::read_to_string(&dept_path) {
        // issue 7: size limit
        Ok(s) => s,
        Err(e) => return Err(vec![io_problem(&dept_path, "department", &e)]),
    };
    let (mut dept, mut diags) = parse_department(&dept_path, &source);
    dept.folder = dir.to_path_buf();

    let proj_dir = dir.join(PROJECTS_DIR);
    let files = match project_files(dir) {
        Ok(files) => files,
        Err(e) => {
            diags.push(io_problem(&proj_dir, "projects", &e));
            Vec::new()
        }
    };
    let mut seen: BTreeMap<String, (PathBuf, usize, usize)> = BTreeMap::new();
    for f in files {
        let src = match crate::limits::read_to_string(&f) {
            // issue 7: size limit
            Ok(s) => s,
            Err(e) => {
                diags.push(io_problem(&f, "project", &e));
                continue;
            }
        };
        let (project, pd, code_span) = parse_project_inner(&f, &src);
        diags.extend(pd);
        if let (Some(p), Some(cs)) = (project, code_span) {
            if let Some((first, line, col)) = seen.get(&p.code) {
                let src: Arc<str> = Arc::from(src.as_str());
                diags.push(FileDiagnostic {
                    file: f.clone(),
                    source: src,
                    diagnostic: Diagnostic::new(Code::ScorecardDuplicateCode, at(&cs))
                        .arg("code", &p.code)
                        .arg("first", first.display())
                        .arg("line", line)
                        .arg("col", col),
                });
            } else {
                let (line, col) = diagnostic::line_col(&src, cs.start);
                seen.insert(p.code.clone(), (f.clone(), line, col));
            }
            dept.projects.push(p);
        }
    }
    finish(dept, diags)
}

/// Loads one project file.
pub fn load_project(path: &Path) -> LoadResult<Project> {
    let source = match crate::limits::read_to_string(path) {
        // issue 7: size limit
        Ok(s) => s,
        Err(e) => return Err(vec![io_problem(path, "project", &e)]),
    };
    load_project_str(path, &source)
}

/// Loads a project from its text; `path` is only used in messages and origins.
pub fn load_project_str(path: &Path, source: &str) -> LoadResult<Project> {
    let (p, diags, _) = parse_project_inner(path, source);
    match p {
        Some(p) => finish(p, diags),
        None => {
            let mut diags = diags;
            sort(&mut diags);
            Err(diags)
        }
    }
}

/// Loads a department file alone (no projects); `path` is only used in messages.
pub fn load_department_file_str(path: &Path, source: &str) -> LoadResult<Department> {
    let (d, diags) = parse_department(path, source);
    finish(d, diags)
}

// ---------------------------------------------------------------------------------------
// Reading context

struct Ctx<'s> {
    file: PathBuf,
    src: &'s str,
    /// The source shared by this file's diagnostics, made at the first one: most files
    /// have none, and copying every file would cost more than reading it.
    shared: Option<Arc<str>>,
    diags: Vec<FileDiagnostic>,
    /// Line starts, built at the first message that quotes a line and column in its text
    /// (a file of many repeated ids would otherwise be rescanned once per repeat).
    lines: Option<crate::line_index::LineIndex>,
}

impl<'s> Ctx<'s> {
    fn new(file: &Path, src: &'s str) -> Ctx<'s> {
        Ctx {
            file: file.to_path_buf(),
            src,
            shared: None,
            diags: Vec::new(),
            lines: None,
        }
    }
    fn push(&mut self, d: Diagnostic) {
        let src = self.src;
        let source = self.shared.get_or_insert_with(|| Arc::from(src)).clone();
        self.diags.push(FileDiagnostic {
            file: self.file.clone(),
            source,
            diagnostic: d,
        });
    }
    fn had_errors(&self) -> bool {
        self.diags.iter().any(FileDiagnostic::is_error)
    }
}

/// A table being read: its entries, where it starts, what to call it in messages, and
/// which keys have been looked at (the rest are reported as unknown).
struct Fields<'a> {
    table: &'a Table<'a>,
    /// Span to point at when a field is missing.
    at: Range<usize>,
    /// e.g. 「项目文件」, 「项目第 1 个指标」; named only when a diagnostic needs it.
    what: What,
    known: &'static [&'static str],
}

/// What a [`Fields`] table is, put into words only for a diagnostic: naming every row
/// from the catalogue up front cost 2 % of a region run whose rows are all fine.
enum What {
    /// A catalogue word under `scorecard.` (`what-project`, `what-department`).
    Word(&'static str),
    /// The `n`th (1-based) indicator row of a project or department (`owner`).
    Indicator { owner: &'static str, n: usize },
    /// The `n`th (1-based) `[[areas]]` table.
    Area(usize),
}

impl std::fmt::Display for What {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            What::Word(key) => word(key),
            What::Indicator { owner, n } => crate::i18n::tf(
                "scorecard.what-indicator",
                &[
                    ("owner", &word(&format!("owner-{owner}"))),
                    ("n", &n.to_string()),
                ],
            ),
            What::Area(n) => crate::i18n::tf("scorecard.what-area", &[("n", &n.to_string())]),
        };
        f.write_str(&text)
    }
}

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<(Range<usize>, &'a Node<'a>)> {
        let (kspan, node) = self.table.get(key)?;
        Some((kspan.unwrap_or_else(|| self.at.clone()), node))
    }

    /// The field `key`; when absent and `required`, reported as missing (with `example`).
    fn field(
        &self,
        ctx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        example: &str,
    ) -> Option<(Range<usize>, &'a Node<'a>)> {
        let found = self.get(key);
        if found.is_none() && required {
            self.missing(ctx, key, example);
        }
        found
    }

    fn missing(&self, ctx: &mut Ctx<'_>, key: &str, example: &str) {
        ctx.push(
            Diagnostic::new(Code::ScorecardMissingField, at(&self.at))
                .arg("what", &self.what)
                .arg("key", key)
                .arg("example", example),
        );
    }

    fn wrong_type(
        &self,
        ctx: &mut Ctx<'_>,
        key: &str,
        item: &Node<'_>,
        kspan: &Range<usize>,
        expected: &str,
    ) {
        let span = item.span().unwrap_or_else(|| kspan.clone());
        ctx.push(
            Diagnostic::new(Code::ScorecardType, at(&span))
                .arg("key", key)
                .arg("expected", word(&format!("expect-{expected}")))
                .arg("found", found(item))
                .arg("example", word(&format!("example-{expected}"))),
        );
    }

    /// A string field: `Some((value, content span))`.
    fn string(
        &self,
        ctx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        example: &str,
    ) -> Option<(String, Range<usize>)> {
        let (kspan, item) = self.field(ctx, key, required, example)?;
        match item {
            Node::String { value, span } => {
                let span = span
                    .clone()
                    .map(|r| string_content(ctx.src, r))
                    .unwrap_or(kspan);
                Some((value.to_string(), span))
            }
            _ => {
                self.wrong_type(ctx, key, item, &kspan, "string");
                None
            }
        }
    }

    /// A required, non-empty string field.
    fn text(&self, ctx: &mut Ctx<'_>, key: &str, example: &str) -> Option<(String, Range<usize>)> {
        let (s, span) = self.string(ctx, key, true, example)?;
        if s.trim().is_empty() {
            ctx.push(
                Diagnostic::new(Code::ScorecardEmpty, at(&span))
                    .arg("key", key)
                    .arg("what", &self.what)
                    .arg("meaning", field_meaning(key))
                    .arg("example", example),
            );
            return None;
        }
        Some((s, span))
    }

    /// An exact decimal, written as a string (`"10.00"`) or a TOML number (`10.00`).
    /// Digits too many for a `Decimal` are reported as over `kind`'s limit rather than as
    /// "not a decimal" (the limit itself is checked by [`Fields::bounded`]).
    fn decimal(
        &self,
        ctx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        kind: NumberKind,
    ) -> Option<(Decimal, Range<usize>)> {
        let (kspan, item) = self.field(ctx, key, required, "\"10.00\"")?;
        let span = item.span().unwrap_or(kspan.clone());
        let raw: &str = match item {
            Node::String { value, .. } => value,
            Node::Integer { .. } | Node::Float { .. } => ctx.src.get(span.clone()).unwrap_or(""),
            _ => {
                self.wrong_type(ctx, key, item, &kspan, "decimal");
                return None;
            }
        };
        let span = if item.as_str().is_some() {
            string_content(ctx.src, span)
        } else {
            span
        };
        match read_decimal(raw) {
            Some(d) if d.is_sign_negative() && !d.is_zero() => {
                ctx.push(Diagnostic::new(Code::ScorecardNegative, at(&span)).arg("key", key));
                None
            }
            Some(d) => Some((d, span)),
            None if crate::limits::looks_like_decimal(raw) => {
                ctx.push(too_large(raw, kind, key, &span));
                None
            }
            None => {
                ctx.push(
                    Diagnostic::new(Code::ScorecardDecimal, at(&span))
                        .arg("key", key)
                        .arg("raw", raw),
                );
                None
            }
        }
    }

    /// A decimal at most `kind.max()` ([`crate::limits::MAX_AMOUNT_WAN`] for amounts,
    /// [`crate::limits::MAX_POINTS`] for points): larger values are reported at their text.
    fn bounded(
        &self,
        ctx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        kind: crate::limits::NumberKind,
    ) -> Option<(Decimal, Range<usize>)> {
        let (d, span) = self.decimal(ctx, key, required, kind)?;
        if d > kind.max() {
            ctx.push(too_large(&d.normalize().to_string(), kind, key, &span));
            return None;
        }
        Some((d, span))
    }

    /// A required integer (`fiscal_year = 2022`).
    fn integer(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(i64, Range<usize>)> {
        let (kspan, item) = self.field(ctx, key, true, "2022")?;
        match item {
            Node::Integer { value, span } => Some((*value, span.clone().unwrap_or(kspan))),
            _ => {
                self.wrong_type(ctx, key, item, &kspan, "integer");
                None
            }
        }
    }

    /// An array of strings.
    fn strings(&self, ctx: &mut Ctx<'_>, key: &str, required: bool) -> Option<Vec<String>> {
        let (kspan, item) = self.field(ctx, key, required, "[\"…\"]")?;
        let Node::Array { items, .. } = item else {
            self.wrong_type(ctx, key, item, &kspan, "strings");
            return None;
        };
        let mut out = Vec::new();
        for v in items {
            match v {
                Node::String { value, .. } => out.push(value.to_string()),
                other => {
                    let span = other.span().unwrap_or(kspan.clone());
                    ctx.push(
                        Diagnostic::new(Code::ScorecardType, at(&span))
                            .variant("entry")
                            .arg("key", key)
                            .arg("found", found(other)),
                    );
                }
            }
        }
        Some(out)
    }

    /// Reports keys that are not in `known`.
    fn unknown_keys(&self, ctx: &mut Ctx<'_>) {
        for entry in self.table.iter() {
            let key: &str = &entry.key;
            if self.known.contains(&key) {
                continue;
            }
            let span = entry
                .key_span
                .clone()
                .or_else(|| entry.node.span())
                .unwrap_or_else(|| self.at.clone());
            let mut d = Diagnostic::new(Code::ScorecardUnknownField, at(&span));
            if let Some(near) = closest(key, self.known) {
                d = d.variant("suggest").arg("near", near);
            }
            ctx.push(
                d.arg("key", key)
                    .arg("what", &self.what)
                    .arg("known", self.known.join(", ")),
            );
        }
    }
}

/// What a required text field holds, in the words of the catalogue.
fn field_meaning(key: &str) -> String {
    match key {
        "code" | "name" | "unit" | "target" | "id" | "level1" | "level2" => {
            word(&format!("meaning-{key}"))
        }
        _ => word("meaning-text"),
    }
}

/// The kind of TOML value the user wrote, for "found …".
fn found(node: &Node<'_>) -> String {
    word(&format!("found-{}", node.kind()))
}

/// An amount or points over [`NumberKind::max`], shown as written.
fn too_large(shown: &str, kind: NumberKind, key: &str, span: &Range<usize>) -> Diagnostic {
    let variant = match kind {
        NumberKind::Amount => "amount",
        NumberKind::Points => "points",
    };
    Diagnostic::new(Code::ScorecardTooLarge, at(span))
        .variant(variant)
        .arg("key", key)
        .arg("shown", shown.trim())
        .arg("max", kind.max())
}

/// The closest known key by edit distance (≤ 2), for "did you mean".
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The byte range of a string's contents, without its quotes.
fn string_content(src: &str, span: Range<usize>) -> Range<usize> {
    let raw = src.get(span.clone()).unwrap_or("");
    for q in ["\"\"\"", "'''"] {
        if raw.len() >= 6 && raw.starts_with(q) && raw.ends_with(q) {
            let mut start = span.start + 3;
            let rest = raw.get(3..).unwrap_or("");
            if rest.starts_with("\r\n") {
                start += 2;
            } else if rest.starts_with('\n') {
                start += 1;
            }
            return start..span.end - 3;
        }
    }
    for q in ['"', '\''] {
        if raw.len() >= 2 && raw.starts_with(q) && raw.ends_with(q) {
            return span.start + 1..span.end - 1;
        }
    }
    span
}

/// Reads a plain decimal exactly: optional sign, digits, optional fraction; `_` between
/// digits (TOML) is allowed. No exponents, no units.
///
/// The scorecard is a file `jixiao` reads back and people edit as such, so its amounts
/// stay plain decimals (the cell reader's strict form): a unit or a separator there is a
/// typing mistake to report, unlike in an actuals sheet.
pub fn read_decimal(raw: &str) -> Option<Decimal> {
    crate::parse::cell::read_plain_decimal(raw)
}

/// Parses the TOML text; on a syntax error reports it and returns `None`.
fn parse_toml<'s>(ctx: &mut Ctx<'s>) -> Option<Table<'s>> {
    match crate::toml_tree::parse(ctx.src) {
        Ok(doc) => Some(doc),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let (first, detail) = crate::toml_tree::syntax_message(&e, ctx.src);
            let mut first = first.trim_end_matches('.').to_string();
            if let Some(c) = first.get(..1) {
                first = format!("{}{}", c.to_lowercase(), first.get(1..).unwrap_or(""));
            }
            let variant = if e.is_duplicate_key() {
                "duplicate"
            } else if detail.is_empty() {
                ""
            } else {
                "detail"
            };
            ctx.push(
                Diagnostic::new(Code::ScorecardSyntax, at(&span))
                    .variant(variant)
                    .arg("error", first)
                    .arg("detail", detail.join("; ")),
            );
            None
        }
    }
}

// ---------------------------------------------------------------------------------------
// Indicators

const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "area",
    "level1",
    "level2",
    "label1",
    "label2",
    "name",
    "description",
    "target",
    "basis",
    "points",
    "published_points",
    "direction",
    "rule",
];

/// Reads `indicators = [[…]]`, checking ids, levels and targets.
fn read_indicators(ctx: &mut Ctx<'_>, root: &Fields, owner: &'static str) -> Vec<Indicator> {
    let Some((kspan, item)) = root.get("indicators") else {
        return Vec::new();
    };
    let tables: Vec<(&Table<'_>, Range<usize>)> = match item {
        Node::ArrayOfTables { tables, .. } => tables
            .iter()
            .map(|t| (t, t.span.clone().unwrap_or(kspan.clone())))
            .collect(),
        Node::Array { items, .. } => {
            let mut v = Vec::new();
            for el in items {
                match el {
                    Node::Table(t) => v.push((t, t.span.clone().unwrap_or(kspan.clone()))),
                    other => ctx.push(
                        Diagnostic::new(
                            Code::ScorecardType,
                            at(&other.span().unwrap_or(kspan.clone())),
                        )
                        .variant("indicator")
                        .arg("found", found(other)),
                    ),
                }
            }
            v
        }
        other => {
            root.wrong_type(ctx, "indicators", other, &kspan, "tables");
            return Vec::new();
        }
    };
    // ---- issue 7: rows-per-project limit ----
    if tables.len() > crate::limits::MAX_ROWS_PER_PROJECT {
        ctx.push(
            Diagnostic::new(Code::ScorecardTooManyRows, at(&kspan))
                .arg("what", word(&format!("owner-{owner}")))
                .arg("n", tables.len())
                .arg("max", crate::limits::MAX_ROWS_PER_PROJECT),
        );
        return Vec::new();
    }
    // ---- end issue 7 ----
    let mut out = Vec::new();
    let mut ids: BTreeMap<String, Range<usize>> = BTreeMap::new();
    for (n, (table, at)) in tables.into_iter().enumerate() {
        let f = Fields {
            table,
            at,
            what: What::Indicator { owner, n: n + 1 },
            known: INDICATOR_FIELDS,
        };
        if let Some(ind) = read_indicator(ctx, &f, &mut ids) {
            out.push(ind);
        }
        f.unknown_keys(ctx);
    }
    out
}

fn read_indicator(
    ctx: &mut Ctx<'_>,
    f: &Fields,
    ids: &mut BTreeMap<String, Range<usize>>,
) -> Option<Indicator> {
    let before = ctx.diags.iter().filter(|d| d.is_error()).count();
    let id = f.text(ctx, "id", "\"qty1\"");
    check_id(ctx, &id, ids);
    let level1 = f.text(ctx, "level1", "\"产出指标\"");
    let level2 = f.text(ctx, "level2", "\"数量指标\"");
    check_levels(ctx, &level1, &level2);
    let label1 = f.string(ctx, "label1", false, "\"项目完成指标\"");
    let label2 = f.string(ctx, "label2", false, "\"数量指标（必填）\"");
    let name = f.text(ctx, "name", "\"…数量\"");
    let description = f.string(ctx, "description", false, "\"…\"");
    let basis = f.string(ctx, "basis", false, "\"…\"");
    let area = f.string(ctx, "area", false, "\"…\"");
    let rule = f.string(ctx, "rule", false, "\"…\"");
    let points = f.bounded(ctx, "points", false, NumberKind::Points);
    let published_points = f.bounded(ctx, "published_points", false, NumberKind::Points);
    let direction = read_direction(ctx, f);
    let target = f.string(ctx, "target", true, "\"≥2000份\"");
    let (parsed, target_diags) = read_target(ctx, &target);
    if let (Some((text, span)), Some(target)) = (&rule, &parsed) {
        let desc = description.as_ref().map(|d| d.0.as_str()).unwrap_or("");
        check_row_rule(ctx, text, span, target, direction, desc);
    }
    let after = ctx.diags.iter().filter(|d| d.is_error()).count();
    if after > before {
        return None;
    }
    let (target_text, tspan) = target?;
    Some(Indicator {
        id: id?.0,
        level1: level1?.0,
        level2: level2?.0,
        label1: label1.map(|l| l.0),
        label2: label2.map(|l| l.0),
        name: name?.0,
        description: description.map(|d| d.0).unwrap_or_default(),
        target_text,
        target: parsed,
        target_diagnostics: target_diags,
        basis: basis.map(|d| d.0).unwrap_or_default(),
        points: points.map(|p| p.0),
        published_points: published_points.map(|p| p.0),
        direction,
        rule: rule.map(|r| r.0),
        area: area.map(|a| a.0),
        origin: Origin {
            file: ctx.file.clone(),
            start: tspan.start,
            end: tspan.end,
        },
    })
}

/// An indicator id is short ASCII and unique in its file; `ids` holds those seen.
fn check_id(
    ctx: &mut Ctx<'_>,
    id: &Option<(String, Range<usize>)>,
    ids: &mut BTreeMap<String, Range<usize>>,
) {
    if let Some((id, span)) = &id {
        if !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            ctx.push(Diagnostic::new(Code::ScorecardBadId, at(span)).arg("id", id));
        } else if let Some(first) = ids.get(id) {
            let src = ctx.src;
            let (line, col) = ctx
                .lines
                .get_or_insert_with(|| crate::line_index::LineIndex::new(src))
                .line_col(src, first.start);
            ctx.push(
                Diagnostic::new(Code::ScorecardDuplicateId, at(span))
                    .arg("id", id)
                    .arg("line", line)
                    .arg("col", col),
            );
        } else {
            ids.insert(id.clone(), span.clone());
        }
    }
}

/// 一级指标 and 二级指标 are names of the levels, the 二级指标 one under its 一级指标.
fn check_levels(
    ctx: &mut Ctx<'_>,
    level1: &Option<(String, Range<usize>)>,
    level2: &Option<(String, Range<usize>)>,
) {
    if let Some((l1, s1)) = &level1 {
        match levels::level2_names(l1) {
            None => ctx.push(
                Diagnostic::new(Code::ScorecardLevel, at(s1))
                    .arg("value", l1)
                    .arg("names", levels::level1_names().join(&word("level-sep"))),
            ),
            Some(allowed) => {
                if let Some((l2, s2)) = &level2 {
                    if !allowed.contains(&l2.as_str()) {
                        let d = Diagnostic::new(Code::ScorecardLevel, at(s2));
                        let d = match levels::level1_of(l2) {
                            Some(right) => d.variant("moved").arg("right", right),
                            None => d.variant("level2"),
                        };
                        ctx.push(
                            d.arg("value", l2)
                                .arg("parent", l1)
                                .arg("names", allowed.join(&word("level-sep"))),
                        );
                    }
                }
            }
        }
    }
}

/// `direction`: reverse (反向) or positive (正向).
fn read_direction(ctx: &mut Ctx<'_>, f: &Fields) -> Option<Direction> {
    match f.string(ctx, "direction", false, "\"reverse\"") {
        Some((d, span)) => match d.trim() {
            "reverse" | "反向" => Some(Direction::Reverse),
            "positive" | "正向" => Some(Direction::Positive),
            _ => {
                ctx.push(Diagnostic::new(Code::ScorecardDirection, at(&span)).arg("value", d));
                None
            }
        },
        None => None,
    }
}

/// The parsed target and the diagnostics of its parse (errors are also reported).
fn read_target(
    ctx: &mut Ctx<'_>,
    target: &Option<(String, Range<usize>)>,
) -> (Option<crate::model::Target>, Vec<Diagnostic>) {
    let mut parsed = None;
    let mut target_diags = Vec::new();
    if let Some((t, span)) = &target {
        if t.trim().is_empty() {
            ctx.push(Diagnostic::new(Code::ScorecardEmptyTarget, at(span)));
        } else {
            let raw_matches = ctx.src.get(span.clone()) == Some(t.as_str());
            let map = |d: &Diagnostic| -> Diagnostic {
                if raw_matches {
                    d.clone().offset(span.start)
                } else {
                    let mut d = d.clone();
                    d.span = Span::new(span.start, span.end);
                    d
                }
            };
            match parse_target(t, Strictness::Lenient) {
                Ok(p) => {
                    parsed = Some(p.value);
                    target_diags = p.warnings;
                }
                Err(errs) => {
                    for e in &errs {
                        let mut d = map(e);
                        if d.help.is_none() {
                            d = d.with_help(word("target-help"));
                        }
                        ctx.push(d);
                    }
                    target_diags = errs;
                }
            }
        }
    }
    (parsed, target_diags)
}

/// A row's own `rule`, read as the scorer will use it: the formula is checked against the
/// way this row is scored (its direction from the rule, `direction`, a 反向 mark or the
/// operator; a target of zero; a change's bound), exactly as a policy rule is checked
/// against its subject. So `linear zero at 2T` on `≥100份` is `rule::zero-point` here, at
/// the zero point in the file, for `check` and `score` alike.
fn check_row_rule(
    ctx: &mut Ctx<'_>,
    text: &str,
    span: &Range<usize>,
    target: &crate::model::Target,
    direction: Option<Direction>,
    description: &str,
) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return; // an empty rule is no rule (the scorer ignores it too)
    }
    // Ranges, deadlines and qualitative rows are scored by the policy's own bands, which a
    // row's formula does not replace: say so rather than ignore it silently.
    let kind = match &target.kind {
        crate::model::TargetKind::Range(_) => Some("range"),
        crate::model::TargetKind::Deadline(_) => Some("deadline"),
        crate::model::TargetKind::Qualitative(_) => Some("qualitative"),
        _ => None,
    };
    if let Some(kind) = kind {
        let at = Span::new(span.start, span.end);
        ctx.push(crate::diagnostic::Code::RuleNoEffect.at(at).variant(kind));
        return;
    }
    let base = direction.unwrap_or_else(|| {
        target
            .direction(crate::eval_rows::description_marks_reverse(description))
            .0
    });
    let result = crate::policy::parse_row_override_in(trimmed, |stated| {
        crate::score::row_formula_context(target, stated.unwrap_or(base))
    });
    let Err(diags) = result else {
        return;
    };
    // Spans are into the trimmed text: move them into the file when the string is
    // written as is (no escapes), else underline the whole value.
    let lead = text.len() - text.trim_start().len();
    let raw_matches = ctx.src.get(span.clone()) == Some(text);
    for d in diags {
        let mut d = if raw_matches {
            d.offset(span.start + lead)
        } else {
            let mut d = d;
            d.span = Span::new(span.start, span.end);
            d
        };
        if d.help.is_none() {
            d = d.with_help(word("rule-help"));
        }
        ctx.push(d);
    }
}

// ---------------------------------------------------------------------------------------
// Projects

const PROJECT_FIELDS: &[&str] = &[
    "code",
    "name",
    "unit",
    "budget",
    "adjusted_budget",
    "fiscal_funds",
    "other_funds",
    "carryover",
    "purpose",
    "spending_plan",
    "goals",
    "indicators",
];

/// Returns the project when nothing was wrong, all diagnostics, and the span of its code.
fn parse_project_inner(
    path: &Path,
    source: &str,
) -> (Option<Project>, Vec<FileDiagnostic>, Option<Range<usize>>) {
    let mut ctx = Ctx::new(path, source);
    let Some(doc) = parse_toml(&mut ctx) else {
        return (None, ctx.diags, None);
    };
    let root = Fields {
        table: &doc,
        at: 0..0,
        what: What::Word("what-project"),
        known: PROJECT_FIELDS,
    };
    let code = root.text(&mut ctx, "code", "\"13028122P00306510001A\"");
    let name = root.text(&mut ctx, "name", "\"司法局化解办经费\"");
    let unit = root.string(&mut ctx, "unit", true, "\"315001遵化市司法局本级\"");
    let budget = root.bounded(&mut ctx, "budget", true, NumberKind::Amount);
    let adjusted = root.bounded(&mut ctx, "adjusted_budget", false, NumberKind::Amount);
    let fiscal = root.bounded(&mut ctx, "fiscal_funds", false, NumberKind::Amount);
    let other = root.bounded(&mut ctx, "other_funds", false, NumberKind::Amount);
    let carryover = root.bounded(&mut ctx, "carryover", false, NumberKind::Amount);
    let purpose = root.string(&mut ctx, "purpose", false, "\"…\"");
    let plan = read_spending_plan(&mut ctx, &root);
    let goals = root.strings(&mut ctx, "goals", false);
    let indicators = read_indicators(&mut ctx, &root, "project");
    root.unknown_keys(&mut ctx);
    let code_span = code.as_ref().map(|c| c.1.clone());
    if ctx.had_errors() {
        return (None, ctx.diags, code_span);
    }
    let (Some(code), Some(name), Some(unit), Some(budget)) = (code, name, unit, budget) else {
        return (None, ctx.diags, code_span);
    };
    let p = Project {
        code: code.0,
        name: name.0,
        unit: unit.0,
        budget: budget.0,
        adjusted_budget: adjusted.map(|a| a.0),
        fiscal_funds: fiscal.map(|a| a.0),
        other_funds: other.map(|a| a.0),
        carryover: carryover.map(|a| a.0),
        purpose: purpose.map(|p| p.0).unwrap_or_default(),
        spending_plan: plan,
        goals: goals.unwrap_or_default(),
        indicators,
        file: path.to_path_buf(),
    };
    (Some(p), ctx.diags, code_span)
}

/// `spending_plan = { 3 = "30%", 6 = "60%", 10 = "90%", 12 = "100%" }`: month → cumulative
/// share of the budget (percent).
fn read_spending_plan(ctx: &mut Ctx<'_>, root: &Fields) -> Vec<Checkpoint> {
    let Some((kspan, item)) = root.get("spending_plan") else {
        return Vec::new();
    };
    let Some(table) = item.as_table() else {
        root.wrong_type(ctx, "spending_plan", item, &kspan, "plan");
        return Vec::new();
    };
    let mut out: Vec<Checkpoint> = Vec::new();
    let mut last: Option<(u8, Decimal)> = None;
    for entry in table.iter() {
        let (key, value): (&str, &Node<'_>) = (&entry.key, &entry.node);
        let kspan_m = entry.key_span.clone().unwrap_or(kspan.clone());
        let month = plan_month(ctx, key, &kspan_m);
        let share = plan_share(ctx, key, value, value.span().unwrap_or(kspan_m.clone()));
        let (Some(month), Some((share, sspan))) = (month, share) else {
            continue;
        };
        if share.is_sign_negative() || share > Decimal::from(100) {
            ctx.push(
                Diagnostic::new(Code::ScorecardShare, at(&sspan))
                    .variant("range")
                    .arg("share", share),
            );
            continue;
        }
        if let Some((pm, ps)) = last {
            if month <= pm {
                ctx.push(
                    Diagnostic::new(Code::ScorecardMonth, at(&kspan_m))
                        .variant("order")
                        .arg("month", month)
                        .arg("previous", pm),
                );
                continue;
            }
            if share < ps {
                ctx.push(
                    Diagnostic::new(Code::ScorecardShare, at(&sspan))
                        .variant("down")
                        .arg("previous", ps)
                        .arg("share", share),
                );
                continue;
            }
        }
        last = Some((month, share));
        out.push(Checkpoint { month, share });
    }
    out
}

/// A spending-plan key: the month a checkpoint ends (`6`, `6月`, `6月底`).
fn plan_month(ctx: &mut Ctx<'_>, key: &str, span: &Range<usize>) -> Option<u8> {
    let month = key.trim().trim_end_matches("月底").trim_end_matches('月');
    match month.parse::<u8>() {
        Ok(m) if (1..=12).contains(&m) => Some(m),
        _ => {
            ctx.push(Diagnostic::new(Code::ScorecardMonth, at(span)).arg("key", key));
            None
        }
    }
}

/// A spending-plan share in percent (`"60%"`, or a number) and its span.
fn plan_share(
    ctx: &mut Ctx<'_>,
    key: &str,
    value: &Node<'_>,
    vspan: Range<usize>,
) -> Option<(Decimal, Range<usize>)> {
    let (shown, number, span) = match value {
        Node::String { value: s, .. } => {
            let t = s.trim();
            let t = t.strip_suffix(['%', '％']).unwrap_or(t);
            (s.to_string(), t, string_content(ctx.src, vspan))
        }
        Node::Integer { .. } | Node::Float { .. } => {
            let raw = ctx.src.get(vspan.clone()).unwrap_or("");
            (raw.to_string(), raw, vspan)
        }
        _ => {
            ctx.push(
                Diagnostic::new(Code::ScorecardType, at(&vspan))
                    .variant("share")
                    .arg("key", key)
                    .arg("found", found(value)),
            );
            return None;
        }
    };
    match read_decimal(number) {
        Some(d) => Some((d, span)),
        None => {
            ctx.push(Diagnostic::new(Code::ScorecardShare, at(&span)).arg("value", shown));
            None
        }
    }
}

// ---------------------------------------------------------------------------------------
// Department

const DEPARTMENT_FIELDS: &[&str] = &[
    "code",
    "name",
    "fiscal_year",
    "units",
    "goals",
    "safeguards",
    "areas",
    "indicators",
];

const AREA_FIELDS: &[&str] = &["name", "summary", "goals", "indicators_text"];

fn parse_department(path: &Path, source: &str) -> (Department, Vec<FileDiagnostic>) {
    let mut ctx = Ctx::new(path, source);
    let mut dept = Department {
        code: String::new(),
        name: String::new(),
        fiscal_year: 0,
        units: Vec::new(),
        goals: String::new(),
        safeguards: String::new(),
        indicators: Vec::new(),
        projects: Vec::new(),
        areas: Vec::new(),
        folder: path.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let Some(doc) = parse_toml(&mut ctx) else {
        return (dept, ctx.diags);
    };
    let root = Fields {
        table: &doc,
        at: 0..0,
        what: What::Word("what-department"),
        known: DEPARTMENT_FIELDS,
    };
    if let Some((c, _)) = root.text(&mut ctx, "code", "\"315001\"") {
        dept.code = c;
    }
    if let Some((n, _)) = root.text(&mut ctx, "name", "\"遵化市司法局\"") {
        dept.name = n;
    }
    if let Some((y, span)) = root.integer(&mut ctx, "fiscal_year") {
        match i32::try_from(y) {
            Ok(y) if (1949..=2200).contains(&y) => dept.fiscal_year = y,
            _ => ctx.push(Diagnostic::new(Code::ScorecardYear, at(&span)).arg("value", y)),
        }
    }
    dept.units = root.strings(&mut ctx, "units", false).unwrap_or_default();
    dept.goals = root
        .string(&mut ctx, "goals", false, "\"…\"")
        .map(|g| g.0)
        .unwrap_or_default();
    dept.safeguards = root
        .string(&mut ctx, "safeguards", false, "\"…\"")
        .map(|g| g.0)
        .unwrap_or_default();
    if let Some((kspan, item)) = root.get("areas") {
        match item {
            Node::ArrayOfTables { tables, .. } => {
                for (n, t) in tables.iter().enumerate() {
                    let f = Fields {
                        table: t,
                        at: t.span.clone().unwrap_or(kspan.clone()),
                        what: What::Area(n + 1),
                        known: AREA_FIELDS,
                    };
                    let name = f.text(&mut ctx, "name", "\"普法宣传\"");
                    let summary = f.string(&mut ctx, "summary", false, "\"…\"");
                    let goals = f.string(&mut ctx, "goals", false, "\"…\"");
                    let itext = f.string(&mut ctx, "indicators_text", false, "\"…\"");
                    f.unknown_keys(&mut ctx);
                    if let Some((name, _)) = name {
                        dept.areas.push(Area {
                            name,
                            summary: summary.map(|s| s.0).unwrap_or_default(),
                            goals: goals.map(|s| s.0).unwrap_or_default(),
                            indicators_text: itext.map(|s| s.0).unwrap_or_default(),
                        });
                    }
                }
            }
            other => root.wrong_type(&mut ctx, "areas", other, &kspan, "tables"),
        }
    }
    dept.indicators = read_indicators(&mut ctx, &root, "department");
    if dept.indicators.is_empty() && !ctx.had_errors() {
        // The 部门整体 score is the department's own indicators (90) plus its execution
        // (10): without indicators it cannot be computed. Projects still score, so this
        // is a warning; `score` shows the department as 不评级 with the reason.
        let at = root
            .get("indicators")
            .map(|(k, _)| k)
            .or_else(|| root.get("code").and_then(|(_, n)| n.span()))
            .unwrap_or(0..0);
        let at = Span::new(at.start, at.end);
        ctx.push(crate::diagnostic::Code::ScorecardNoDepartmentIndicators.at(at));
    }
    root.unknown_keys(&mut ctx);
    (dept, ctx.diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        assert_eq!(
            read_decimal("10.00").map(|d| d.to_string()),
            Some("10.00".into())
        );
        assert_eq!(
            read_decimal("1_000.5").map(|d| d.to_string()),
            Some("1000.5".into())
        );
        assert_eq!(
            read_decimal("0.1").map(|d| d.to_string()),
            Some("0.1".into())
        );
        assert_eq!(read_decimal("1e3"), None);
        assert_eq!(read_decimal("10.00万元"), None);
        assert_eq!(read_decimal(""), None);
        assert_eq!(read_decimal("."), None);
        assert_eq!(read_decimal("nan"), None);
    }

    #[test]
    fn content_span_strips_quotes() {
        let src = "a = \"xy\"\nb = '''\nq'''";
        assert_eq!(string_content(src, 4..8), 5..7);
        assert_eq!(string_content(src, 13..src.len()), 17..18);
    }
}
