//! A region as one HTML page: a short title, every department's report (the same body as
//! its own `score --format html`), and the region summary at the end — the summary is only
//! known once every department has been scored, and the page is written as it goes. Each
//! department starts a new page when printed.
//!
//! Stable hooks for tests: each department is `article.department-report[data-code]`, its
//! header `#d-CODE`; the summary is `#region-summary` with `table.grades`,
//! `table.departments` (one `tr[data-code][data-score][data-grade]` per department) and
//! `table.lowest`.

use super::render::{
    dept_rows, grade_rows, low_rows, totals_line, DEPT_HEADER, GRADE_HEADER, LOW_HEADER,
};
use super::summary::RegionSummary;
use crate::evaluate::ScoredDepartment;
use crate::report::html::{department_body, esc, footer, head};
use crate::score::formula::fixed;
use std::fmt::Write;

const REGION_CSS: &str = "
.department-report{margin-top:36px;padding-top:12px;border-top:4px double var(--line)}
#region-summary{margin-top:36px;padding-top:12px;border-top:4px double var(--ink)}
nav.region{font-size:13px}
@media print{.department-report,#region-summary{break-before:page;border:0}}
";

pub fn begin() -> String {
    let mut out = head("地区绩效自评汇总", REGION_CSS);
    out.push_str("<h1>地区绩效自评</h1><nav class=\"region muted\">各部门自评报告依次列出；地区汇总（部门等级分布、得分最低的项目、各部门得分与缺少实际值的行）见<a href=\"#region-summary\">文末</a>。</nav>");
    out
}

pub fn department(s: &ScoredDepartment) -> Vec<u8> {
    let code = &s.department.code;
    let mut out = format!(
        "<article class=\"department-report\" data-code=\"{}\">",
        esc(code)
    );
    department_body(&mut out, s, &format!("d-{code}"));
    out.push_str("</article>\n");
    out.into_bytes()
}

fn table(out: &mut String, class: &str, header: &[&str], rows: &[Vec<String>]) {
    let _ = write!(out, "<table class=\"{class}\"><thead><tr>");
    for h in header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

pub fn end(s: &RegionSummary, level_note: &str) -> String {
    let mut out = String::from("<section id=\"region-summary\"><h1>地区汇总</h1>");
    let _ = write!(out, "<p class=\"totals\">{}</p>", esc(&totals_line(s)));
    out.push_str("<h2>部门等级分布</h2>");
    table(&mut out, "grades", &GRADE_HEADER, &grade_rows(s));
    out.push_str("<h2>得分最低的项目</h2>");
    table(&mut out, "lowest", &LOW_HEADER, &low_rows(s));
    out.push_str("<h2>各部门得分与缺少实际值的行</h2><table class=\"departments\"><thead><tr>");
    for h in DEPT_HEADER {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (d, row) in s.departments.iter().zip(dept_rows(s)) {
        let _ = write!(
            out,
            "<tr data-code=\"{}\" data-score=\"{}\" data-grade=\"{}\">",
            esc(&d.code),
            fixed(d.score, 2),
            esc(&d.grade)
        );
        for (i, c) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<td><a href=\"#d-{0}\">{0}</a></td>", esc(c));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(c));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if !s.broken.is_empty() {
        out.push_str("<h2>有错误未评分的部门（错误见标准错误输出）</h2><ul class=\"broken\">");
        for b in &s.broken {
            let _ = write!(out, "<li>{}（{} 个错误）</li>", esc(&b.folder), b.errors);
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out.push_str(&footer(level_note));
    out.push_str("</body></html>\n");
    out
}
