//! Region output in every format. Each department is rendered on its own (in a worker) by
//! the single-department renderers; the writer adds what joins them (JSON brackets and
//! commas, the CSV header) and the summary at the end — the summary is only known once
//! every department has been scored, so it comes last (in JSON: `"region"` after
//! `"departments"`; key order does not matter to JSON readers).
//!
//! - json: `{"departments": [ {"department": …, "projects": […]}, … ], "region": {…}}`,
//!   one department per line (compact: a region's JSON runs to hundreds of megabytes), the
//!   region summary pretty-printed
//! - csv: the single-department columns with a leading `department` column, then
//!   summary lines with scope `region`; text cells escaped for Excel like the department
//!   CSV (`crate::report::csv_safe`; the department's own lines come escaped already)
//! - table / markdown: each department's 自评表, then the region summary tables

use super::summary::RegionSummary;
use crate::evaluate::ScoredDepartment;
use crate::report::csv_safe::cell;
use crate::report::{render, Format, TableStyle};
use crate::score::formula::fixed;
use std::io::Write;

/// The rendered body of one department, ready to be written in place; `style`: how
/// tables are drawn (`--width`, `--ascii`).
pub fn department(s: &ScoredDepartment, format: Format, style: TableStyle) -> Vec<u8> {
    match format {
        Format::Json => {
            let mut out = Vec::with_capacity(96 * 1024);
            if serde_json::to_writer(&mut out, s).is_err() {
                out.clear();
                out.extend_from_slice(b"null");
            }
            out
        }
        Format::Csv => csv_body(s),
        Format::Table => {
            let d = &s.department;
            let mut out = format!(
                "════ {} {}（{}年度）════\n\n",
                d.code, d.name, d.fiscal_year
            );
            out.push_str(&crate::report::render_table(s, style));
            out.push('\n');
            out.into_bytes()
        }
        Format::Markdown => {
            let mut out = render(s, format);
            out.push_str("\n---\n\n");
            out.into_bytes()
        }
        Format::Html => super::html::department(s),
        // The writer turns these lines into rows of the workbook's 「明细」 sheet.
        Format::Xlsx => csv_body(s),
    }
}

const CSV_REGION_HEADER: &str = "department,scope,project_code,project_name,row,id,level1,level2,name,target,actual,points,score,achieved,grade,flags,reason,error\n";

/// The department's CSV lines (header dropped), each with the department code in front.
fn csv_body(s: &ScoredDepartment) -> Vec<u8> {
    let text = render(s, Format::Csv);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(text.len() + 64 * 1024));
    let code = cell(s.department.code.as_str());
    let code = code.as_ref();
    for rec in reader.records().flatten() {
        let _ = w.write_record(std::iter::once(code).chain(rec.iter()));
    }
    w.into_inner().unwrap_or_default()
}

/// Writes the parts around the departments, in order.
pub struct Writer {
    format: Format,
    first: bool,
    xlsx: Option<super::xlsx::XlsxRegion>,
    /// The policy's note on the 一级指标 points, for the HTML page's footer.
    level_note: String,
    style: TableStyle,
}

impl Writer {
    pub fn new(format: Format, level_note: String, style: TableStyle) -> Writer {
        Writer {
            format,
            first: true,
            xlsx: None,
            level_note,
            style,
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        match self.format {
            Format::Json => out.write_all(b"{\"departments\": ["),
            Format::Csv => out.write_all(CSV_REGION_HEADER.as_bytes()),
            Format::Html => out.write_all(super::html::begin().as_bytes()),
            Format::Xlsx => {
                self.xlsx = Some(super::xlsx::XlsxRegion::new()?);
                Ok(())
            }
            Format::Table | Format::Markdown => Ok(()),
        }
    }

    pub fn department(&mut self, out: &mut dyn Write, body: &[u8]) -> std::io::Result<()> {
        if self.format == Format::Json {
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
        }
        self.first = false;
        match &mut self.xlsx {
            Some(book) => book.department(body),
            None => out.write_all(body),
        }
    }

    pub fn end(&mut self, out: &mut dyn Write, s: &RegionSummary) -> std::io::Result<()> {
        match self.format {
            Format::Json => {
                out.write_all(if self.first { b"],\n" } else { b"\n],\n" })?;
                out.write_all(b"\"region\": ")?;
                let buf = serde_json::to_vec_pretty(s).map_err(std::io::Error::other)?;
                out.write_all(&buf)?;
                out.write_all(b"\n}\n")
            }
            Format::Csv => out.write_all(&csv_summary(s)),
            Format::Table => out.write_all(table_summary(s, self.style).as_bytes()),
            Format::Markdown => out.write_all(markdown_summary(s).as_bytes()),
            Format::Html => out.write_all(super::html::end(s, &self.level_note).as_bytes()),
            Format::Xlsx => match self.xlsx.take() {
                Some(book) => out.write_all(&book.finish(s)?),
                None => Err(std::io::Error::other("the workbook was not started")),
            },
        }
    }
}

/// One summary record of the region CSV: the columns of a department's rows
/// (`CSV_REGION_HEADER`), of which the summary fills only these.
#[derive(Default)]
struct SummaryRecord<'a> {
    department: &'a str,
    project_code: &'a str,
    project_name: &'a str,
    row: &'a str,
    name: &'a str,
    score: &'a str,
    grade: &'a str,
    flags: &'a str,
    error: &'a str,
}

impl SummaryRecord<'_> {
    fn write(&self, w: &mut csv::Writer<Vec<u8>>) {
        let e = "";
        let _ = w.write_record([
            self.department,
            "region",
            self.project_code,
            self.project_name,
            self.row,
            e,
            e,
            e,
            self.name,
            e,
            e,
            e,
            self.score,
            e,
            self.grade,
            self.flags,
            e,
            self.error,
        ]);
    }
}

fn csv_summary(s: &RegionSummary) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for g in &s.by_grade {
        let (count, grade) = (g.count.to_string(), cell(&g.grade));
        let (name, score): (&str, &str) = (&grade, &count);
        let row = "grade";
        SummaryRecord {
            row,
            name,
            score,
            grade: name,
            ..Default::default()
        }
        .write(&mut w);
    }
    for d in &s.departments {
        let score = fixed(d.score, 2);
        let missing = format!("missing_actuals={}", d.missing_actuals);
        let failed = if d.failed_rows > 0 {
            crate::i18n::tf(
                "report.region-failed-rows",
                &[("n", &d.failed_rows.to_string())],
            )
        } else {
            String::new()
        };
        let (code, name, grade) = (cell(&d.code), cell(&d.name), cell(&d.grade));
        SummaryRecord {
            department: &code,
            row: "department",
            name: &name,
            score: &score,
            grade: &grade,
            flags: &missing,
            error: &failed,
            ..Default::default()
        }
        .write(&mut w);
    }
    for p in &s.lowest_projects {
        let score = fixed(p.score, 2);
        let (dept, code, name, grade) = (
            cell(&p.department),
            cell(&p.code),
            cell(&p.name),
            cell(&p.grade),
        );
        SummaryRecord {
            department: &dept,
            project_code: &code,
            project_name: &name,
            row: "lowest-project",
            score: &score,
            grade: &grade,
            ..Default::default()
        }
        .write(&mut w);
    }
    for b in &s.broken {
        let msg = crate::i18n::tf("report.region-broken", &[("n", &b.errors.to_string())]);
        let folder = cell(&b.folder);
        let row = "broken";
        SummaryRecord {
            row,
            name: &folder,
            error: &msg,
            ..Default::default()
        }
        .write(&mut w);
    }
    w.into_inner().unwrap_or_default()
}

pub(super) fn totals_line(s: &RegionSummary) -> String {
    format!(
        "已评分部门 {} 个 · 有错误未评分 {} 个 · 项目 {} 个 · 指标行 {} 行 · 缺少实际值 {} 行 · 无法评分 {} 行",
        s.scored,
        s.broken.len(),
        s.projects,
        s.rows,
        s.missing_actuals,
        s.failed_rows
    )
}

pub(super) const GRADE_HEADER: [&str; 3] = ["等级", "部门数", "部门"];
pub(super) const DEPT_HEADER: [&str; 7] = [
    "部门编码",
    "部门",
    "得分",
    "等级",
    "项目数",
    "缺少实际值的行",
    "无法评分的行",
];
pub(super) const LOW_HEADER: [&str; 5] = ["部门编码", "项目编码", "项目", "得分", "等级"];

pub(super) fn grade_rows(s: &RegionSummary) -> Vec<Vec<String>> {
    s.by_grade
        .iter()
        .map(|g| {
            vec![
                g.grade.clone(),
                g.count.to_string(),
                g.departments.join(" "),
            ]
        })
        .collect()
}

pub(super) fn dept_rows(s: &RegionSummary) -> Vec<Vec<String>> {
    s.departments
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.name.clone(),
                fixed(d.score, 2),
                d.grade.clone(),
                d.projects.to_string(),
                d.missing_actuals.to_string(),
                d.failed_rows.to_string(),
            ]
        })
        .collect()
}

pub(super) fn low_rows(s: &RegionSummary) -> Vec<Vec<String>> {
    s.lowest_projects
        .iter()
        .map(|p| {
            vec![
                p.department.clone(),
                p.code.clone(),
                p.name.clone(),
                fixed(p.score, 2),
                p.grade.clone(),
            ]
        })
        .collect()
}

fn table_summary(s: &RegionSummary, style: TableStyle) -> String {
    let mut out = String::from("════ 区域汇总 ════\n");
    out.push_str(&totals_line(s));
    out.push_str("\n\n部门等级分布\n");
    out.push_str(&style.grid(&GRADE_HEADER, grade_rows(s)));
    out.push_str("\n\n得分最低的项目\n");
    out.push_str(&style.grid(&LOW_HEADER, low_rows(s)));
    out.push_str("\n\n各部门得分与缺少实际值的行\n");
    out.push_str(&style.grid(&DEPT_HEADER, dept_rows(s)));
    out.push('\n');
    if !s.broken.is_empty() {
        out.push_str("\n有错误未评分的部门（见标准错误输出）\n");
        for b in &s.broken {
            out.push_str(&format!("  {}（{} 个错误）\n", b.folder, b.errors));
        }
    }
    out
}

fn markdown_summary(s: &RegionSummary) -> String {
    let mut out = String::from("# 区域汇总\n\n");
    out.push_str(&totals_line(s));
    out.push_str("\n\n## 部门等级分布\n\n");
    out.push_str(&crate::report::markdown::table(
        &GRADE_HEADER,
        &grade_rows(s),
    ));
    out.push_str("\n## 得分最低的项目\n\n");
    out.push_str(&crate::report::markdown::table(&LOW_HEADER, &low_rows(s)));
    out.push_str("\n## 各部门得分与缺少实际值的行\n\n");
    out.push_str(&crate::report::markdown::table(&DEPT_HEADER, &dept_rows(s)));
    if !s.broken.is_empty() {
        out.push_str("\n## 有错误未评分的部门\n\n");
        for b in &s.broken {
            out.push_str(&format!("- `{}`（{} 个错误）\n", b.folder, b.errors));
        }
    }
    out
}
