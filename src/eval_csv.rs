//! `jixiao eval --csv`: every row of a CSV scored, written back as CSV with the input
//! columns followed by `kind,score,achieved,flags,error`. A bad row gets its message in
//! `error` and the batch goes on.
//!
//! Speed: each distinct target is parsed once, and each distinct row (same target,
//! actual, points, …) is scored once; `cache: false` turns both off, and a test checks
//! that the output is byte-identical either way.

use crate::eval_rows::{eval_row_with, RowResult, RowText};
use crate::parse::{parse_target, Strictness};
use crate::score::formula::fixed;
use crate::score::Policy;
use rustc_hash::FxHashMap;
use std::io::{Read, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct EvalCsvOptions {
    pub fiscal_year: Option<i32>,
    /// Parse each distinct target once and score each distinct row once.
    pub cache: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvalCsvSummary {
    pub rows: usize,
    pub failed: usize,
}

/// Column names accepted for each field, English first, then the 自评表's Chinese.
const TARGET: &[&str] = &["target", "年度指标值", "指标值"];
const ACTUAL: &[&str] = &["actual", "实际完成值"];
const POINTS: &[&str] = &["points", "分值"];
const BASELINE: &[&str] = &["baseline", "基期值", "上年值"];
const FISCAL_YEAR: &[&str] = &["fiscal_year", "年度", "预算年度"];
const DESCRIPTION: &[&str] = &["description", "绩效指标描述"];
const REASON: &[&str] = &["reason", "偏差原因", "偏差原因分析及改进措施"];

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

fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| headers.iter().position(|h| h == n))
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
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| Unusable(format!("cannot read the header row: {e}")))?
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
    let need = |names: &[&str], what: &str| {
        find(&headers, names).ok_or_else(|| {
            Unusable(format!(
                "the header row has no {what} column; name it `{}` (found: {})",
                names.join("` or `"),
                headers.join(", ")
            ))
        })
    };
    let cols = Columns {
        target: need(TARGET, "target")?,
        actual: need(ACTUAL, "actual")?,
        points: find(&headers, POINTS),
        baseline: find(&headers, BASELINE),
        fiscal_year: find(&headers, FISCAL_YEAR),
        description: find(&headers, DESCRIPTION),
        reason: find(&headers, REASON),
    };
    let mut wtr = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(std::io::BufWriter::with_capacity(1 << 16, output));
    let io = |e: csv::Error| Unusable(format!("cannot write the output: {e}"));
    wtr.write_record(headers.iter().map(String::as_str).chain(RESULT_COLUMNS))
        .map_err(io)?;

    let mut targets = FxHashMap::default();
    let mut rows_memo: FxHashMap<String, [String; 5]> = FxHashMap::default();
    let mut key = String::new();
    let mut summary = EvalCsvSummary::default();
    let mut rec = csv::StringRecord::new();
    let width = headers.len();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                // A malformed line (bad UTF-8, unbalanced quotes): report it in place.
                summary.rows += 1;
                summary.failed += 1;
                let blank = vec![""; width];
                let msg = format!("unreadable CSV row: {e}");
                wtr.write_record(blank.into_iter().chain(["", "", "", "", msg.as_str()]))
                    .map_err(io)?;
                continue;
            }
        }
        summary.rows += 1;
        let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).filter(|s| !s.trim().is_empty());
        let row = RowText {
            target: rec.get(cols.target).unwrap_or(""),
            actual: rec.get(cols.actual).unwrap_or(""),
            points: cell(cols.points),
            baseline: cell(cols.baseline),
            fiscal_year: cell(cols.fiscal_year),
            description: cell(cols.description),
            reason: cell(cols.reason),
        };
        let suffix = if opts.cache {
            key.clear();
            for part in [
                Some(row.target),
                Some(row.actual),
                row.points,
                row.baseline,
                row.fiscal_year,
                row.description,
                row.reason.map(|_| "r"),
            ] {
                key.push_str(part.unwrap_or(""));
                key.push('\u{1f}');
            }
            match rows_memo.get(key.as_str()) {
                Some(s) => s.clone(),
                None => {
                    let parsed = targets
                        .entry(row.target.to_string())
                        .or_insert_with(|| parse_target(row.target, Strictness::Lenient));
                    let s = result_cells(
                        &eval_row_with(&row, opts.fiscal_year, policy, parsed),
                        policy,
                    );
                    rows_memo.insert(key.clone(), s.clone());
                    s
                }
            }
        } else {
            let parsed = parse_target(row.target, Strictness::Lenient);
            result_cells(
                &eval_row_with(&row, opts.fiscal_year, policy, &parsed),
                policy,
            )
        };
        if !suffix[4].is_empty() {
            summary.failed += 1;
        }
        // Short rows are padded so every input column is present.
        let pad = width.saturating_sub(rec.len());
        wtr.write_record(
            rec.iter()
                .chain(std::iter::repeat_n("", pad))
                .chain(suffix.iter().map(String::as_str)),
        )
        .map_err(io)?;
    }
    wtr.flush()
        .map_err(|e| Unusable(format!("cannot write the output: {e}")))?;
    Ok(summary)
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
