//! The audit report in the formats `score` has. One layout (sections of titled tables,
//! built once in [`sections`]) is drawn as terminal tables, markdown, CSV or HTML; JSON is
//! the audit itself.

use super::summary::{by_file, counts, deviations};
use super::table::TableAudit;
use super::verdict::{Rescored, Verdict};
use super::FileAudit;
use crate::report::Format;
use crate::score::formula::d;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything an audit run found, as rendered and as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub files: Vec<FileAudit>,
    pub summary: super::summary::Counts,
    pub deviations: Vec<super::summary::Deviation>,
    /// One line per file (several files only), most findings first.
    pub by_file: Vec<super::summary::FileLine>,
}

impl AuditReport {
    pub fn new(files: Vec<FileAudit>) -> AuditReport {
        let summary = counts(&files.iter().flat_map(|f| &f.tables).collect::<Vec<_>>());
        let deviations = deviations(&files);
        let by_file = if files.len() > 1 {
            by_file(&files)
        } else {
            Vec::new()
        };
        AuditReport {
            files,
            summary,
            deviations,
            by_file,
        }
    }
}

/// A titled block of the report: lines of text and tables.
pub struct Section {
    /// `table` (one audited form), `notes` (what could not be read) or `summary`.
    pub kind: &'static str,
    pub title: String,
    pub lines: Vec<String>,
    pub tables: Vec<(Vec<&'static str>, Vec<Vec<String>>)>,
}

const ROW_HEADER: [&str; 11] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "计分分值",
    "填报得分",
    "复核得分",
    "差额",
    "结论",
    "说明",
];
const EXEC_HEADER: [&str; 8] = [
    "全年预算数",
    "全年执行数",
    "执行率（填报）",
    "分值",
    "填报得分",
    "复核得分",
    "结论",
    "说明",
];

fn opt(x: Option<Decimal>) -> String {
    x.map(d).unwrap_or_else(|| "—".into())
}

fn signed(x: Option<Decimal>) -> String {
    match x {
        Some(v) if v > Decimal::ZERO => format!("+{}", d(v)),
        Some(v) => d(v),
        None => "—".into(),
    }
}

fn line_cells(l: &Rescored) -> [String; 5] {
    [
        opt(l.printed),
        l.rescored
            .map(|r| format!("{r:.2}"))
            .unwrap_or_else(|| "—".into()),
        signed(l.difference),
        l.verdict.label().to_string(),
        l.why.clone(),
    ]
}

fn table_section(source: &str, t: &TableAudit) -> Section {
    let f = &t.form;
    let mut lines = vec![format!("{}（{}，{}）", f.kind.label(), source, f.at)];
    if !f.dept.is_empty() || !f.unit.is_empty() {
        lines.push(format!("主管部门：{}　实施单位：{}", f.dept, f.unit));
    }
    let mut tables = Vec::new();
    if let (Some(b), Some(e)) = (&f.budget, &t.execution) {
        let [p, r, diff, v, why] = line_cells(e);
        let adjusted = if b.adjusted.is_blank() {
            &b.initial.text
        } else {
            &b.adjusted.text
        };
        let row = vec![
            adjusted.clone(),
            b.spent.text.clone(),
            b.rate.text.clone(),
            opt(e.weight),
            p,
            r,
            v,
            match e.difference {
                Some(x) if !x.is_zero() => format!("{why}（差额 {diff}）"),
                _ => why,
            },
        ];
        tables.push((EXEC_HEADER.to_vec(), vec![row]));
    }
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let [p, rs, diff, v, why] = line_cells(&r.result);
            vec![
                r.row.level1.clone(),
                r.row.level2.clone(),
                r.row.name.text.clone(),
                r.row.target.text.clone(),
                r.row.actual.text.clone(),
                opt(r.result.weight),
                p,
                rs,
                diff,
                v,
                why,
            ]
        })
        .collect();
    tables.push((ROW_HEADER.to_vec(), rows));
    lines.push(format!(
        "总分：填报 {}（{}）；复核 {}（{}）",
        opt(t.printed_total),
        t.printed_grade.as_deref().unwrap_or("未填等级"),
        t.rescored_total
            .map(|x| format!("{x:.2}"))
            .unwrap_or_else(|| "无法合计（有无法复核的行）".into()),
        t.rescored_grade.as_deref().unwrap_or("—"),
    ));
    for n in &t.notes {
        lines.push(format!("※ {n}"));
    }
    if t.findings.is_empty() {
        lines.push("表格检查：未发现问题".into());
    }
    for fd in &t.findings {
        lines.push(format!("问题 [{}] {}（{}）", fd.id, fd.message, fd.at));
    }
    Section {
        kind: "table",
        title: if f.name.is_empty() {
            "（未注明名称）".into()
        } else {
            f.name.clone()
        },
        lines,
        tables,
    }
}

fn summary_section(r: &AuditReport) -> Section {
    let s = &r.summary;
    let verdicts: Vec<String> = s
        .verdicts()
        .iter()
        .map(|(v, n)| format!("{v} {n}"))
        .collect();
    let mut lines = vec![format!(
        "复核 {} 张表：{} 行指标和 {} 行预算执行率；{}；表格检查发现 {} 处问题",
        s.tables,
        s.rows,
        s.execution_lines,
        verdicts.join("，"),
        s.findings
    )];
    let notes: usize = r.files.iter().map(|f| f.notes.len()).sum();
    if notes > 0 {
        lines.push(format!("另有 {notes} 处内容未能读取，见各文件的提示"));
    }
    let deviations = table_of(
        &["表", "指标", "差额（填报 − 复核）", "结论"],
        &r.deviations,
        |x| {
            vec![
                x.table.clone(),
                x.line.clone(),
                signed(Some(x.difference)),
                x.verdict.label().into(),
            ]
        },
    );
    let by_file = table_of(
        &["文件", "单位", "表", "指标行", "问题", "偏高/偏低"],
        &r.by_file,
        |x| {
            vec![
                x.file.clone(),
                x.unit.clone(),
                x.tables.to_string(),
                x.rows.to_string(),
                x.findings.to_string(),
                x.off.to_string(),
            ]
        },
    );
    let tables = deviations.into_iter().chain(by_file).collect();
    Section {
        kind: "summary",
        title: "汇总".into(),
        lines,
        tables,
    }
}

pub fn sections(r: &AuditReport) -> Vec<Section> {
    let mut out = Vec::new();
    for f in &r.files {
        for t in &f.tables {
            out.push(table_section(&f.source, t));
        }
        if !f.notes.is_empty() {
            out.push(Section {
                kind: "notes",
                title: format!("{}：未能读取的内容", f.source),
                lines: f
                    .notes
                    .iter()
                    .map(|n| format!("{}（{}）", n.message, n.at))
                    .collect(),
                tables: Vec::new(),
            });
        }
    }
    out.push(summary_section(r));
    out
}

/// The report as text; `None` for xlsx (see [`render_bytes`]).
pub fn render(r: &AuditReport, format: Format) -> Option<String> {
    Some(match format {
        Format::Table => super::render_text::terminal(&sections(r)),
        Format::Markdown => super::render_text::markdown(&sections(r)),
        Format::Csv => super::render_text::csv(r),
        Format::Html => super::render_html::html(&sections(r)),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Xlsx => return None,
    })
}

/// Any format as bytes; xlsx is a workbook with one sheet per table.
pub fn render_bytes(r: &AuditReport, format: Format) -> Result<Vec<u8>, super::AuditError> {
    match render(r, format) {
        Some(s) => Ok(s.into_bytes()),
        None => super::render_xlsx::xlsx(&sections(r))
            .map_err(|e| super::AuditError::Xlsx(e.to_string())),
    }
}

/// Whether any line is off, any check fired or anything could not be read: the exit code
/// says so.
pub fn has_findings(r: &AuditReport) -> bool {
    r.files.iter().any(|f| !f.notes.is_empty())
        || r.files.iter().flat_map(|f| &f.tables).any(|t| {
            !t.findings.is_empty()
                || t.lines()
                    .any(|l| matches!(l.verdict, Verdict::TooHigh | Verdict::TooLow))
        })
}

/// A summary table, one row per item; `None` when there are no items, so that an empty
/// table (a header alone) is not shown.
fn table_of<T>(
    header: &[&'static str],
    items: &[T],
    row: impl Fn(&T) -> Vec<String>,
) -> Option<(Vec<&'static str>, Vec<Vec<String>>)> {
    (!items.is_empty()).then(|| (header.to_vec(), items.iter().map(row).collect()))
}
