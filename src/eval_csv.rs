//! `jixiao eval --csv`: every row of a CSV scored, written back as CSV with the input
//! columns followed by `kind,score,achieved,flags,error`. A bad row gets its message in
//! `error` and the batch goes on.
//!
//! Speed: on the default path each distinct target and each distinct actual is parsed
//! once, each distinct row (same target, actual, points, …) is scored once and its result
//! cells kept CSV-encoded, and output is assembled in a byte buffer. `cache: false`
//! (`--no-cache`) is the plain path: every row parsed and scored afresh and written by the
//! `csv` crate. tests/eval_csv_equivalence.rs checks the two are byte-identical;
//! benches/README.md has the figures.

use crate::diagnostic::Diagnostic;
use crate::eval_rows::{eval_row_with, eval_row_with_actual, ParsedActual, RowResult, RowText};
use crate::i18n::tf;
use crate::model::Target;
use crate::parse::cell::{find_column, Field};
use crate::parse::{parse_actual, parse_target, Parsed, Strictness};
use crate::score::formula::fixed;
use crate::score::Policy;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::io::{Read, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct EvalCsvOptions {
    pub fiscal_year: Option<i32>,
    /// The fast path: each distinct target and actual parsed once, each distinct row
    /// scored once. `false` is the plain path every row goes through afresh.
    pub cache: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvalCsvSummary {
    pub rows: usize,
    pub failed: usize,
}

/// The output columns added after the input's.
pub const RESULT_COLUMNS: [&str; 5] = ["kind", "score", "achieved", "flags", "error"];

struct Columns {
    target: usize,
    actual: usize,
    points: Option<usize>,
    baseline: Option<usize>,
    fiscal_year: Option<usize>,
    description: Option<usize>,
    reason: Option<usize>,
}

/// Errors that make the whole input unusable (exit 2).
#[derive(Debug)]
pub struct Unusable(pub String);

pub fn eval_csv<R: Read, W: Write>(
    input: R,
    output: W,
    policy: &Policy,
    opts: EvalCsvOptions,
) -> Result<EvalCsvSummary, Unusable> {
    policy.vocabulary.ensure_active();
    // issue 15: one record of at most `MAX_RECORD_BYTES` (`/dev/zero` is one endless line).
    let input = crate::record_cap::RecordCap::new(input, crate::limits::MAX_RECORD_BYTES);
    let overlong = input.tripped();
    let result = eval_records(input, output, policy, opts);
    match overlong.get() {
        Some(line) => Err(Unusable(crate::record_cap::overlong_record(
            line,
            crate::limits::MAX_RECORD_BYTES,
        ))),
        None => result,
    }
}

fn eval_records<R: Read, W: Write>(
    input: R,
    output: W,
    policy: &Policy,
    opts: EvalCsvOptions,
) -> Result<EvalCsvSummary, Unusable> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| Unusable(tf("eval.header-unreadable", &[("error", &e.to_string())])))?
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = h.trim();
            if i == 0 {
                h.trim_start_matches('\u{feff}').to_string()
            } else {
                h.to_string()
            }
        })
        .collect();
    let find = |field| find_column(&headers, field);
    let need = |field: Field, what: &str| {
        find(field).ok_or_else(|| {
            Unusable(tf(
                "eval.missing-column",
                &[
                    ("what", crate::i18n::t(what)),
                    (
                        "names",
                        &field.names().join(crate::i18n::t("eval.names-or")),
                    ),
                    ("found", &headers.join(", ")),
                ],
            ))
        })
    };
    let cols = Columns {
        target: need(Field::Target, "eval.what-target")?,
        actual: need(Field::Actual, "eval.what-actual")?,
        points: find(Field::Points),
        baseline: find(Field::Baseline),
        fiscal_year: find(Field::FiscalYear),
        description: find(Field::Description),
        reason: find(Field::Reason),
    };
    let scoring = Scoring {
        width: headers.len(),
        cols: &cols,
        policy,
        opts,
    };
    if opts.cache {
        let mut sink = Fast::new(output, &headers, scoring);
        let summary = drive(rdr, scoring.width, &mut sink)?;
        sink.finish().map(|()| summary)
    } else {
        let mut sink = Reference::new(output, &headers, scoring)?;
        let summary = drive(rdr, scoring.width, &mut sink)?;
        sink.finish().map(|()| summary)
    }
}

/// The cells of one record as a [`RowText`].
fn row_text<'r>(rec: &'r csv::StringRecord, cols: &Columns) -> RowText<'r> {
    let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).filter(|s| !s.trim().is_empty());
    RowText {
        target: rec.get(cols.target).unwrap_or(""),
        actual: rec.get(cols.actual).unwrap_or(""),
        points: cell(cols.points),
        baseline: cell(cols.baseline),
        fiscal_year: cell(cols.fiscal_year),
        description: cell(cols.description),
        reason: cell(cols.reason),
    }
}

fn unreadable_message(e: &csv::Error) -> String {
    tf("eval.unreadable-row", &[("error", &e.to_string())])
}

/// A row with more cells than the header names: most often a comma inside a cell that was
/// not quoted, which shifts every later cell, so the row is not scored.
fn overlong_message(rec: &csv::StringRecord, width: usize) -> Option<String> {
    (rec.len() > width).then(|| {
        let extra: Vec<&str> = rec.iter().skip(width).collect();
        tf(
            "eval.overlong",
            &[
                ("n", &rec.len().to_string()),
                ("width", &width.to_string()),
                ("extra", &extra.join(",")),
            ],
        )
    })
}

/// What the next record of the input is.
enum Next {
    End,
    /// A line that is not CSV (bad UTF-8, unbalanced quotes): reported in place.
    Unreadable(String),
    /// A row with more cells than the header names: reported in place.
    Overlong(String),
    /// A row to score, in the record.
    Row,
}

/// Reads the next record into `rec` and counts it in `summary` (a row that cannot be
/// read counts as failed).
// Always inline: called once per input row, on the hot path of a million-row batch.
#[inline(always)]
fn next_record<R: Read>(
    rdr: &mut csv::Reader<R>,
    rec: &mut csv::StringRecord,
    width: usize,
    summary: &mut EvalCsvSummary,
) -> Next {
    match rdr.read_record(rec) {
        Ok(false) => return Next::End,
        Ok(true) => summary.rows += 1,
        Err(e) => {
            summary.rows += 1;
            summary.failed += 1;
            return Next::Unreadable(unreadable_message(&e));
        }
    }
    match overlong_message(rec, width) {
        Some(msg) => {
            summary.failed += 1;
            Next::Overlong(msg)
        }
        None => Next::Row,
    }
}

/// How rows are scored: the columns that hold a row's cells, the policy, the options.
#[derive(Clone, Copy)]
struct Scoring<'a> {
    /// How many columns the header names.
    width: usize,
    cols: &'a Columns,
    policy: &'a Policy,
    opts: EvalCsvOptions,
}

/// Where the rows go: the plain path's `csv` writer or the fast path's byte buffer. Both
/// write the same bytes (tests/eval_csv_equivalence.rs).
trait RowSink {
    /// A line that is not CSV: a blank cell per column, four blank result cells, the message.
    fn unreadable(&mut self, msg: &str) -> Result<(), Unusable>;
    /// A row longer than the header: its cells up to the header's width, then the message.
    fn overlong(&mut self, rec: &csv::StringRecord, msg: &str) -> Result<(), Unusable>;
    /// A row scored and written; whether it failed.
    fn row(&mut self, rec: &csv::StringRecord) -> Result<bool, Unusable>;
}

/// Every record of the input through `sink`, counted.
fn drive<R: Read>(
    mut rdr: csv::Reader<R>,
    width: usize,
    sink: &mut impl RowSink,
) -> Result<EvalCsvSummary, Unusable> {
    let mut summary = EvalCsvSummary::default();
    let mut rec = csv::StringRecord::new();
    loop {
        match next_record(&mut rdr, &mut rec, width, &mut summary) {
            Next::End => return Ok(summary),
            Next::Unreadable(msg) => sink.unreadable(&msg)?,
            Next::Overlong(msg) => sink.overlong(&rec, &msg)?,
            Next::Row => {
                if sink.row(&rec)? {
                    summary.failed += 1;
                }
            }
        }
    }
}

fn write_error(e: impl std::fmt::Display) -> Unusable {
    Unusable(tf("eval.write", &[("error", &e.to_string())]))
}

/// The plain path (`--no-cache`): every row parsed and scored afresh, written with the
/// `csv` crate's writer. It is the reference the fast path is tested against.
struct Reference<'a, W: Write> {
    wtr: csv::Writer<std::io::BufWriter<W>>,
    scoring: Scoring<'a>,
}

impl<'a, W: Write> Reference<'a, W> {
    /// The writer, with the header row written.
    fn new(output: W, headers: &[String], scoring: Scoring<'a>) -> Result<Self, Unusable> {
        let mut wtr = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(std::io::BufWriter::with_capacity(1 << 16, output));
        wtr.write_record(headers.iter().map(String::as_str).chain(RESULT_COLUMNS))
            .map_err(write_error)?;
        Ok(Reference { wtr, scoring })
    }

    fn finish(mut self) -> Result<(), Unusable> {
        self.wtr.flush().map_err(write_error)
    }
}

impl<W: Write> RowSink for Reference<'_, W> {
    fn unreadable(&mut self, msg: &str) -> Result<(), Unusable> {
        let width = self.scoring.width;
        let blank = std::iter::repeat_n("", width + 4);
        self.wtr
            .write_record(blank.chain([msg]))
            .map_err(write_error)
    }

    fn overlong(&mut self, rec: &csv::StringRecord, msg: &str) -> Result<(), Unusable> {
        let width = self.scoring.width;
        let cells = rec.iter().take(width);
        self.wtr
            .write_record(cells.chain(["", "", "", "", msg]))
            .map_err(write_error)
    }

    fn row(&mut self, rec: &csv::StringRecord) -> Result<bool, Unusable> {
        let width = self.scoring.width;
        let Scoring {
            cols, policy, opts, ..
        } = self.scoring;
        let row = row_text(rec, cols);
        let parsed = parse_target(row.target, Strictness::Lenient);
        let suffix = result_cells(
            &eval_row_with(&row, opts.fiscal_year, policy, &parsed),
            policy,
        );
        // Short rows are padded so every input column is present.
        let pad = width.saturating_sub(rec.len());
        self.wtr
            .write_record(
                rec.iter()
                    .chain(std::iter::repeat_n("", pad))
                    .chain(suffix.iter().map(String::as_str)),
            )
            .map_err(write_error)?;
        Ok(!suffix[4].is_empty())
    }
}

/// At most this many distinct targets and distinct rows are remembered, so memory stays
/// bounded on inputs where every row differs; rows past the limit are simply computed.
const MAX_TARGETS: usize = 1 << 16;
const MAX_ACTUALS: usize = 1 << 16;
const MAX_ROWS: usize = 1 << 18;
/// Output is handed to the writer in blocks of about this size.
const OUT_BLOCK: usize = 1 << 16;

/// The CSV-encoded result cells of one row (`,kind,score,achieved,flags,error\n`), and
/// whether the row failed.
struct Suffix {
    bytes: Box<[u8]>,
    failed: bool,
}

/// Appends one CSV field exactly as the `csv` crate's writer does by default: quoted
/// (with `"` doubled) only when it contains a comma, a quote, CR or LF.
fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    if field
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.reserve(field.len() + 2);
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

fn suffix_of(cells: &[String; 5]) -> Suffix {
    let mut bytes = Vec::with_capacity(cells.iter().map(String::len).sum::<usize>() + 8);
    for c in cells {
        bytes.push(b',');
        push_field(&mut bytes, c.as_bytes());
    }
    bytes.push(b'\n');
    Suffix {
        bytes: bytes.into_boxed_slice(),
        failed: !cells[4].is_empty(),
    }
}

/// The memo key of a row: every text cell the result depends on, length-prefixed so no
/// two different rows share a key.
fn push_key(key: &mut Vec<u8>, row: &RowText<'_>) {
    key.clear();
    for part in [
        Some(row.target),
        Some(row.actual),
        row.points,
        row.baseline,
        row.fiscal_year,
        row.description,
        row.reason,
    ] {
        match part {
            None => key.push(0),
            Some(s) => {
                key.push(1);
                key.extend_from_slice(&(s.len() as u64).to_le_bytes());
                key.extend_from_slice(s.as_bytes());
            }
        }
    }
}

type ParsedTarget = Result<Parsed<Target>, Vec<Diagnostic>>;

/// What the fast path remembers: each distinct target and actual parsed, each distinct
/// row's result cells (CSV-encoded), each bounded so memory stays bounded.
#[derive(Default)]
struct Memo {
    targets: FxHashMap<Box<str>, ParsedTarget>,
    actuals: FxHashMap<Box<str>, ParsedActual>,
    /// Row key → index into `suffixes`.
    rows: FxHashMap<Box<[u8]>, usize>,
    suffixes: Vec<Suffix>,
    key: Vec<u8>,
}

impl Memo {
    /// The result cells of `row`: `Ok` the index of the kept ones, `Err` fresh ones when
    /// the memo is full. Most rows repeat one seen before: that lookup stays inline.
    #[inline]
    fn suffix(&mut self, row: &RowText<'_>, scoring: Scoring<'_>) -> Result<usize, Suffix> {
        push_key(&mut self.key, row);
        match self.rows.get(self.key.as_slice()) {
            Some(&i) => Ok(i),
            None => self.score(row, scoring.policy, scoring.opts.fiscal_year),
        }
    }

    /// A row not seen before: scored, and kept while there is room.
    #[cold]
    fn score(
        &mut self,
        row: &RowText<'_>,
        policy: &Policy,
        fy: Option<i32>,
    ) -> Result<usize, Suffix> {
        let fresh;
        let parsed = match self.targets.get(row.target) {
            Some(p) => p,
            None if self.targets.len() < MAX_TARGETS => self
                .targets
                .entry(row.target.into())
                .or_insert_with(|| parse_target(row.target, Strictness::Lenient)),
            None => {
                fresh = parse_target(row.target, Strictness::Lenient);
                &fresh
            }
        };
        let actuals = &mut self.actuals;
        let actual = move |text: &str| {
            // Moved in, so references into the cache may outlive the call.
            let actuals = actuals;
            if !actuals.contains_key(text) {
                if actuals.len() >= MAX_ACTUALS {
                    return Cow::Owned(parse_actual(text));
                }
                actuals.insert(text.into(), parse_actual(text));
            }
            match actuals.get(text) {
                Some(a) => Cow::Borrowed(a),
                None => Cow::Owned(parse_actual(text)),
            }
        };
        let s = suffix_of(&result_cells(
            &eval_row_with_actual(row, fy, policy, parsed, actual),
            policy,
        ));
        if self.suffixes.len() >= MAX_ROWS {
            return Err(s);
        }
        self.rows
            .insert(self.key.as_slice().into(), self.suffixes.len());
        self.suffixes.push(s);
        Ok(self.suffixes.len() - 1)
    }
}

/// Appends `cells` as one CSV line's fields (without the line end).
fn push_fields<'c>(out: &mut Vec<u8>, cells: impl Iterator<Item = &'c str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, cell.as_bytes());
    }
}

/// The default path: each distinct target parsed once, each distinct row scored once
/// (its result cells kept already CSV-encoded), and output assembled in a byte buffer
/// handed to the writer in blocks. Byte-identical to [`Reference`]
/// (tests/eval_csv_equivalence.rs).
struct Fast<'a, W: Write> {
    output: W,
    out: Vec<u8>,
    memo: Memo,
    scoring: Scoring<'a>,
}

impl<'a, W: Write> Fast<'a, W> {
    /// The buffer, with the header row in it.
    fn new(output: W, headers: &[String], scoring: Scoring<'a>) -> Self {
        let mut out: Vec<u8> = Vec::with_capacity(OUT_BLOCK + 4096);
        push_fields(
            &mut out,
            headers.iter().map(String::as_str).chain(RESULT_COLUMNS),
        );
        out.push(b'\n');
        Fast {
            output,
            out,
            memo: Memo::default(),
            scoring,
        }
    }

    fn finish(mut self) -> Result<(), Unusable> {
        self.output.write_all(&self.out).map_err(write_error)?;
        self.output.flush().map_err(write_error)
    }

    /// Hands the buffer to the writer once a block is full.
    fn spill(&mut self) -> Result<(), Unusable> {
        if self.out.len() >= OUT_BLOCK {
            self.output.write_all(&self.out).map_err(write_error)?;
            self.out.clear();
        }
        Ok(())
    }
}

impl<W: Write> RowSink for Fast<'_, W> {
    fn unreadable(&mut self, msg: &str) -> Result<(), Unusable> {
        let width = self.scoring.width;
        self.out.extend(std::iter::repeat_n(b',', width + 4));
        push_field(&mut self.out, msg.as_bytes());
        self.out.push(b'\n');
        self.spill()
    }

    fn overlong(&mut self, rec: &csv::StringRecord, msg: &str) -> Result<(), Unusable> {
        let width = self.scoring.width;
        push_fields(&mut self.out, rec.iter().take(width));
        self.out.extend_from_slice(b",,,,,");
        push_field(&mut self.out, msg.as_bytes());
        self.out.push(b'\n');
        self.spill()
    }

    fn row(&mut self, rec: &csv::StringRecord) -> Result<bool, Unusable> {
        let width = self.scoring.width;
        let row = row_text(rec, self.scoring.cols);
        let fresh;
        let suffix = match self.memo.suffix(&row, self.scoring) {
            Ok(i) => &self.memo.suffixes[i],
            Err(s) => {
                fresh = s;
                &fresh
            }
        };
        // Short rows are padded so every input column is present.
        let pad = width.saturating_sub(rec.len());
        push_fields(
            &mut self.out,
            rec.iter().chain(std::iter::repeat_n("", pad)),
        );
        self.out.extend_from_slice(&suffix.bytes);
        let failed = suffix.failed;
        self.spill()?;
        Ok(failed)
    }
}

/// `kind,score,achieved,flags,error` for one row.
pub fn result_cells(r: &RowResult, policy: &Policy) -> [String; 5] {
    [
        r.kind.unwrap_or("").to_string(),
        r.score
            .map(|s| fixed(s, policy.rounding_places))
            .unwrap_or_default(),
        match r.achieved {
            Some(true) => "true".into(),
            Some(false) => "false".into(),
            None => String::new(),
        },
        r.flags.join(";"),
        r.error.clone().unwrap_or_default(),
    ]
}
