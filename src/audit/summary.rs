//! The summary a reviewer reads first: rows checked, per verdict, the largest deviations,
//! and for a folder one line per file (the unit that published it), most findings first.

use super::table::TableAudit;
use super::verdict::Verdict;
use super::FileAudit;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub tables: usize,
    /// Indicator rows.
    pub rows: usize,
    /// Execution lines (one per table that prints its money).
    pub execution_lines: usize,
    /// Indicator rows per verdict, in the order 一致, 偏高, 偏低, 无法复核.
    pub row_verdicts: Vec<(String, usize)>,
    /// Execution lines per verdict, in the same order.
    pub execution_verdicts: Vec<(String, usize)>,
    pub findings: usize,
    /// Rows and execution lines scored 偏高 or 偏低.
    pub off: usize,
}

impl Counts {
    /// Rows and execution lines together, per verdict.
    pub fn verdicts(&self) -> Vec<(String, usize)> {
        self.row_verdicts
            .iter()
            .zip(&self.execution_verdicts)
            .map(|((v, a), (_, b))| (v.clone(), a + b))
            .collect()
    }
}

pub fn counts(tables: &[&TableAudit]) -> Counts {
    let mut c = Counts::default();
    for v in Verdict::ALL {
        let rows = tables
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|r| r.result.verdict == v)
            .count();
        let exec = tables
            .iter()
            .flat_map(|t| &t.execution)
            .filter(|e| e.verdict == v)
            .count();
        c.row_verdicts.push((v.label().to_string(), rows));
        c.execution_verdicts.push((v.label().to_string(), exec));
    }
    for t in tables {
        c.tables += 1;
        c.rows += t.rows.len();
        c.execution_lines += usize::from(t.execution.is_some());
        c.findings += t.findings.len();
        c.off += t
            .lines()
            .filter(|l| matches!(l.verdict, Verdict::TooHigh | Verdict::TooLow))
            .count();
    }
    c
}

/// A line whose printed score is off, for the "largest deviations" list.
#[derive(Debug, Clone, Serialize)]
pub struct Deviation {
    pub source: String,
    pub table: String,
    pub line: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub difference: Decimal,
    pub verdict: Verdict,
}

/// Every 偏高/偏低 line, largest |difference| first (ties in document order).
pub fn deviations(files: &[FileAudit]) -> Vec<Deviation> {
    let mut out = Vec::new();
    for f in files {
        for t in &f.tables {
            let exec = t.execution.iter().map(|e| ("预算执行率".to_string(), e));
            let rows = t.rows.iter().map(|r| (r.row.name.text.clone(), &r.result));
            for (line, l) in exec.chain(rows) {
                if let (Some(d), Verdict::TooHigh | Verdict::TooLow) = (l.difference, l.verdict) {
                    out.push(Deviation {
                        source: f.source.clone(),
                        table: t.form.name.clone(),
                        line,
                        difference: d,
                        verdict: l.verdict,
                    });
                }
            }
        }
    }
    out.sort_by_key(|x| std::cmp::Reverse(x.difference.abs()));
    out
}

/// One line per file of a folder.
#[derive(Debug, Clone, Serialize)]
pub struct FileLine {
    pub file: String,
    /// The unit that published it: the first form's 实施单位, else its 主管部门, else the
    /// department a 部门整体 form names.
    pub unit: String,
    pub tables: usize,
    pub rows: usize,
    pub findings: usize,
    pub off: usize,
}

/// Files with the most findings first, ties by file name.
pub fn by_file(files: &[FileAudit]) -> Vec<FileLine> {
    let mut out: Vec<FileLine> = files
        .iter()
        .map(|f| {
            let c = counts(&f.tables.iter().collect::<Vec<_>>());
            FileLine {
                file: std::path::Path::new(&f.source)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| f.source.clone()),
                unit: f
                    .tables
                    .first()
                    .map(|t| {
                        [&t.form.unit, &t.form.dept, &t.form.name]
                            .into_iter()
                            .find(|x| !x.is_empty())
                            .cloned()
                            .unwrap_or_default()
                    })
                    .unwrap_or_default(),
                tables: c.tables,
                rows: c.rows,
                findings: c.findings,
                off: c.off,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.findings
            .cmp(&a.findings)
            .then_with(|| a.file.cmp(&b.file))
    });
    out
}
