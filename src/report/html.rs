//! `--format html`: one self-contained report file — inline CSS and SVG only, no scripts,
//! no fonts, images or links fetched from anywhere. A department summary with a grade
//! badge, a bar chart of project scores, the department's and every project's 自评表 with
//! missed rows highlighted and their flags, each row's trace in a `<details>`, and print
//! styles for A4. Every text from the inputs is escaped.
//!
//! Stable hooks for tests: `#department[data-score][data-grade]`, and per project
//! `section.project[data-code][data-score][data-grade]` with `.p-code`, `.p-name`,
//! `.p-score`, `.p-grade` inside.

use super::layout::{
    budget_row, fmt_amount, fmt_rate, goals_block, project_budget_rows, project_full_points,
    BUDGET_HEADER,
};
use crate::evaluate::{
    DepartmentResult, Execution, IndicatorResult, ProjectResult, ScoredDepartment,
};
use crate::score::formula::fixed;
use crate::score::Status;
use rust_decimal::Decimal;
use std::fmt::Write;

const CSS: &str = r#"
:root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--miss:#fff1e6;--missline:#f0a36b;--head:#f3f4f6}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;color:var(--ink);background:#fff;font:14px/1.55 "Microsoft YaHei","微软雅黑","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","WenQuanYi Zen Hei","Heiti SC",SimHei,sans-serif}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--ink)}
h3{font-size:15px;margin:16px 0 6px}
.muted{color:var(--muted)}
.summary{display:flex;gap:24px;align-items:center;flex-wrap:wrap;margin:12px 0 8px}
.badge{display:inline-flex;align-items:center;justify-content:center;min-width:64px;height:64px;border-radius:50%;color:#fff;font-size:28px;font-weight:700}
.badge.small{min-width:28px;height:28px;font-size:15px}
.g0{background:#2e7d32}.g1{background:#1565c0}.g2{background:#ef6c00}.g3{background:#c62828}
.big{font-size:40px;font-weight:700;line-height:1}
.facts{display:grid;grid-template-columns:auto auto;gap:2px 14px;font-size:13px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
th{background:var(--head);font-weight:600;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.missed td{background:var(--miss)}
tr.missed td:first-child{box-shadow:inset 3px 0 0 var(--missline)}
.flag{display:inline-block;margin:2px 4px 0 0;padding:0 6px;border-radius:9px;font-size:11px;background:#fde2c8;color:#8a3b00}
.flag.err{background:#fbd5d5;color:#8e1b1b}
details{font-size:12px;color:var(--muted)}
details summary{cursor:pointer;color:#0969da}
details dl{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:4px 0}
details dt{font-weight:600}details dd{margin:0;word-break:break-all}
.project{margin-top:18px}
.phead{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.phead .p-score{font-size:20px;font-weight:700}
.chart{max-width:100%;height:auto}
ul.missing{columns:2;font-size:13px}
footer{margin-top:24px;font-size:12px;color:var(--muted)}
@page{size:A4;margin:12mm}
@media print{
 body{padding:0;font-size:10.5pt}
 .project{break-before:page}
 tr,.phead{break-inside:avoid}
 details{display:none}
 a{color:inherit;text-decoration:none}
 tr.missed td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"#;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The CSS class of a grade: its position in the policy's order (best first).
fn grade_class(s: &ScoredDepartment, grade: &str) -> String {
    let i = s
        .grade_order
        .iter()
        .position(|g| g == grade)
        .unwrap_or(3)
        .min(3);
    format!("g{i}")
}

fn grade_color(s: &ScoredDepartment, grade: &str) -> &'static str {
    match grade_class(s, grade).as_str() {
        "g0" => "#2e7d32",
        "g1" => "#1565c0",
        "g2" => "#ef6c00",
        _ => "#c62828",
    }
}

fn missed(r: &IndicatorResult) -> bool {
    r.achieved == Some(false)
        || matches!(
            r.status,
            Status::Error | Status::Unscorable | Status::Missing
        )
}

fn score_cell(r: &IndicatorResult, places: u32) -> String {
    match (r.score, r.status) {
        (Some(s), _) => fixed(s, places),
        (None, Status::NotApplicable) => "不适用".into(),
        (None, Status::Missing) => "未填报".into(),
        (None, _) => "—".into(),
    }
}

fn budget_table(out: &mut String, e: &Execution, places: u32, project: bool) {
    let rows = if project {
        project_budget_rows(e, places)
    } else {
        vec![budget_row(e, places)]
    };
    out.push_str("<table class=\"budget\"><thead><tr>");
    for h in BUDGET_HEADER {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if i == 0 { "" } else { " class=\"num\"" };
            let _ = write!(out, "<td{class}>{}</td>", esc(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if !e.flags.is_empty() {
        out.push_str("<p>");
        for f in &e.flags {
            let _ = write!(
                out,
                "<span class=\"flag\" data-code=\"{}\" title=\"{}\">预算执行率 {}</span>",
                esc(f.code.as_str()),
                esc(&f.message),
                esc(&super::labels::flag_text(None, f).0)
            );
            let _ = write!(out, "<span class=\"muted\">{}</span> ", esc(&f.message));
        }
        out.push_str("</p>");
    }
}

fn trace_details(out: &mut String, r: &IndicatorResult) {
    use super::labels;
    let Some(t) = &r.trace else { return };
    let source = labels::direction_source(t.direction_source, labels::has_operator(t.kind));
    let _ = write!(
        out,
        "<details><summary>计算过程</summary><dl><dt>类型</dt><dd>{}</dd><dt>指标值</dt><dd>{}</dd><dt>实际值</dt><dd>{}</dd><dt>方向</dt><dd>{}（{}）</dd><dt>规则</dt><dd>{}</dd><dt>算式</dt><dd>{}</dd></dl></details>",
        esc(labels::kind(t.kind)),
        esc(&t.target.to_string()),
        esc(&t.actual),
        esc(labels::direction(t.direction)),
        esc(source),
        esc(&t.rule),
        esc(&t.formula),
    );
}

fn indicator_table(
    out: &mut String,
    rows: &[IndicatorResult],
    places: u32,
    full: Decimal,
    total: Decimal,
    grade: &str,
    incomplete: Option<&str>,
) {
    out.push_str("<table class=\"indicators\"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施 · 标记</th></tr></thead><tbody>");
    let mut i = 0;
    while i < rows.len() {
        let Some(first) = rows.get(i) else { break };
        let end1 = rows
            .iter()
            .skip(i)
            .position(|x| x.level1 != first.level1)
            .map_or(rows.len(), |p| i + p);
        let pts: Decimal = rows
            .iter()
            .filter(|x| x.level1 == first.level1)
            .map(|x| x.points)
            .sum();
        let mut j = i;
        while j < end1 {
            let Some(s) = rows.get(j) else { break };
            let end2 = rows
                .iter()
                .take(end1)
                .skip(j)
                .position(|x| x.level2 != s.level2)
                .map_or(end1, |p| j + p);
            for k in j..end2 {
                let Some(r) = rows.get(k) else { break };
                let class = if missed(r) { " class=\"missed\"" } else { "" };
                let _ = write!(out, "<tr{class} data-id=\"{}\">", esc(&r.id));
                if k == i {
                    let _ = write!(
                        out,
                        "<td rowspan=\"{}\">{}({}分)</td>",
                        end1 - i,
                        esc(&r.level1),
                        pts.normalize()
                    );
                }
                if k == j {
                    let _ = write!(out, "<td rowspan=\"{}\">{}</td>", end2 - j, esc(&r.level2));
                }
                let _ = write!(
                    out,
                    "<td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>",
                    esc(&r.name),
                    esc(&r.target),
                    esc(r.actual.as_deref().unwrap_or("")),
                    fixed(r.points, 2),
                    esc(&score_cell(r, places)),
                );
                if let Some(reason) = &r.reason {
                    let _ = write!(out, "<div>{}</div>", esc(reason));
                }
                if let Some(err) = &r.error {
                    if r.status != Status::Missing {
                        let _ = write!(out, "<span class=\"flag err\">{}</span>", esc(err));
                    }
                }
                for f in &r.flags {
                    let (label, message) = super::labels::flag_text(Some(r), f);
                    let _ = write!(
                        out,
                        "<span class=\"flag\" data-code=\"{}\" title=\"{}\">{}</span>",
                        esc(f.code.as_str()),
                        esc(&message),
                        esc(&label)
                    );
                }
                trace_details(out, r);
                out.push_str("</td></tr>");
            }
            j = end2;
        }
        i = end1;
    }
    let _ = write!(
        out,
        "<tr class=\"total\"><th colspan=\"5\">总分</th><td class=\"num\">{}</td><td class=\"num\"><strong>{}</strong></td><td>自评等级：<strong>{}</strong>{}</td></tr></tbody></table>",
        fixed(full, 2),
        fixed(total, places),
        esc(grade),
        incomplete_mark(incomplete)
    );
}

/// The 「不完整」 mark beside a total whose rows are not all scored, with why.
fn incomplete_mark(incomplete: Option<&str>) -> String {
    incomplete
        .map(|why| {
            format!(
                " <span class=\"flag err incomplete\" title=\"{}\">{}</span>",
                esc(why),
                super::layout::INCOMPLETE
            )
        })
        .unwrap_or_default()
}

/// How many characters of a project name a chart label shows.
const LABEL_CHARS: usize = 18;
/// The longest trailing parenthetical kept in a shortened label.
const LABEL_TAIL_CHARS: usize = 8;

/// A short label for a chart bar, at most [`LABEL_CHARS`] characters with the `…`. Names
/// that fit are kept; a longer name
/// with a short trailing parenthetical keeps its start and that tail, which is what tells
/// such names apart (`冀财政法【2021】62号…（办案）` / `…（装备）`); any other long name is
/// cut with `…`.
fn short_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    if chars.len() <= LABEL_CHARS {
        return chars.into_iter().collect();
    }
    let tail_start = match chars.last() {
        Some('）') => chars.iter().rposition(|&c| c == '（'),
        Some(')') => chars.iter().rposition(|&c| c == '('),
        _ => None,
    };
    if let Some(t) = tail_start {
        let tail = chars.get(t..).unwrap_or_default();
        let head_len = LABEL_CHARS.saturating_sub(tail.len() + 1);
        if t > 0 && tail.len() <= LABEL_TAIL_CHARS && head_len > 0 {
            let head: String = chars.iter().take(head_len.min(t)).collect();
            let tail: String = tail.iter().collect();
            return format!("{head}…{tail}");
        }
    }
    let mut head: String = chars.iter().take(LABEL_CHARS - 1).collect();
    head.push('…');
    head
}

fn chart(out: &mut String, s: &ScoredDepartment) {
    let places = s.rounding_places;
    let row = 26u32;
    let label_w = 300u32;
    let bar_w = 520u32;
    let height = row * s.projects.len() as u32 + 34;
    let width = label_w + bar_w + 70;
    let _ = write!(
        out,
        "<svg class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"项目得分\">"
    );
    for t in [0u32, 60, 80, 90, 100] {
        let x = label_w + bar_w * t / 100;
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{}\" stroke=\"#d0d7de\" stroke-dasharray=\"3 3\"/><text x=\"{x}\" y=\"{}\" font-size=\"11\" fill=\"#656d76\" text-anchor=\"middle\">{t}</text>",
            height - 20,
            height - 6
        );
    }
    for (i, p) in s.projects.iter().enumerate() {
        let y = row * i as u32;
        let clamped = p.score.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED);
        // Pixel length of the bar: presentation only, rounded to whole pixels.
        let len = (clamped * Decimal::from(bar_w) / Decimal::ONE_HUNDRED)
            .round()
            .to_string();
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1f2328\"><title>{}</title>{:02} {}</text><rect x=\"{label_w}\" y=\"{}\" width=\"{len}\" height=\"{}\" rx=\"3\" fill=\"{}\"><title>{} {}</title></rect><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1f2328\">{} {}</text>",
            label_w - 8,
            y + 17,
            esc(&p.name),
            i + 1,
            esc(&short_name(&p.name)),
            y + 5,
            row - 8,
            grade_color(s, &p.grade),
            esc(&p.name),
            fixed(p.score, places),
            label_w + bar_w + 6,
            y + 17,
            fixed(p.score, places),
            esc(&p.grade),
        );
    }
    out.push_str("</svg>");
}

pub fn render(s: &ScoredDepartment) -> String {
    let d = &s.department;
    let mut out = head(
        &format!("{} {}年度 绩效自评报告", d.name, d.fiscal_year),
        "",
    );
    department_body(&mut out, s, "department");
    out.push_str(&footer(&s.level_note));
    out.push_str("</body></html>\n");
    out
}

/// The document start up to `<body>`: the report styles plus `extra_css`.
pub fn head(title: &str, extra_css: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}{extra_css}</style></head><body>",
        esc(title)
    )
}

/// The closing note of every report: how the 一级指标 points are set (the policy's
/// [`level_note`](crate::score::Policy::level_note)), and what the colours mean.
pub fn footer(level_note: &str) -> String {
    format!(
        "<footer>{}橙色行为未达到指标值或未能计分的指标。由 jixiao 生成。</footer>",
        esc(level_note)
    )
}

/// One department's report, from its header to its last project; `header_id` is the id of
/// the header (`department` in a single report; unique per department in a region).
pub fn department_body(out: &mut String, s: &ScoredDepartment, header_id: &str) {
    let d = &s.department;
    let places = s.rounding_places;
    let _ = write!(
        out,
        "<header id=\"{}\" data-code=\"{}\" data-score=\"{}\" data-grade=\"{}\"><h1>{} · {}年度绩效自评报告</h1><div class=\"muted\">部门编码 {} · 评分规则：{}</div>",
        esc(header_id),
        esc(&d.code),
        fixed(d.score, places),
        esc(&d.grade),
        esc(&d.name),
        d.fiscal_year,
        esc(&d.code),
        esc(&s.policy_name),
    );
    let counts: Vec<String> = s
        .grade_order
        .iter()
        .map(|g| format!("{} {}", esc(g), d.grade_counts.get(g).copied().unwrap_or(0)))
        .collect();
    let _ = write!(
        out,
        "<div class=\"summary\"><span class=\"badge {}\" title=\"自评等级\"><span class=\"d-grade\">{}</span></span><div><div class=\"muted\">部门整体自评得分</div><div class=\"big d-score\">{}</div>{}</div><dl class=\"facts\"><dt>项目支出综合得分</dt><dd class=\"d-composite\">{}（按全年预算数加权，{}个项目）</dd><dt>部门预算执行率</dt><dd>{}</dd><dt>项目等级分布</dt><dd>{}</dd><dt>未填报的指标</dt><dd>{}项</dd></dl></div></header>",
        grade_class(s, &d.grade),
        esc(&d.grade),
        super::layout::department_score_text(d, places),
        incomplete_mark(d.incomplete.as_deref()),
        d.projects_composite.map(|c| fixed(c, places)).unwrap_or_else(|| "—".into()),
        s.projects.len(),
        d.execution.rate.map(fmt_rate).unwrap_or_else(|| "—".into()),
        counts.join("　"),
        d.missing.len(),
    );
    projects_table(out, s);
    out.push_str("<h2>部门整体绩效</h2>");
    budget_table(out, &d.execution, places, false);
    let full = super::layout::department_full_points(d);
    indicator_table(
        out,
        &d.indicators,
        places,
        full,
        d.score,
        &d.grade,
        d.incomplete.as_deref(),
    );
    missing_list(out, d);
    for (i, p) in s.projects.iter().enumerate() {
        project_section(out, s, i, p);
    }
}

/// The table of projects under the chart, each linking to its section.
fn projects_table(out: &mut String, s: &ScoredDepartment) {
    let places = s.rounding_places;
    out.push_str("<h2>项目得分</h2>");
    chart(out, s);
    out.push_str("<table class=\"projects\"><thead><tr><th>#</th><th>项目编码</th><th>项目名称</th><th>全年预算数</th><th>执行率</th><th>得分</th><th>等级</th></tr></thead><tbody>");
    for (i, p) in s.projects.iter().enumerate() {
        let e = &p.execution;
        let _ = write!(
            out,
            "<tr><td>{}</td><td><a href=\"#p-{}\">{}</a></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            i + 1,
            esc(&p.code),
            esc(&p.code),
            esc(&p.name),
            fmt_amount(e.adjusted.unwrap_or(e.budget)),
            e.rate.map(fmt_rate).unwrap_or_else(|| "—".into()),
            fixed(p.score, places),
            esc(&super::layout::grade_shown(&p.grade, p.incomplete.as_deref())),
        );
    }
    out.push_str("</tbody></table>");
}

/// The rows without an actual, department and projects.
fn missing_list(out: &mut String, d: &DepartmentResult) {
    if !d.missing.is_empty() {
        let _ = write!(
            out,
            "<h3>未填写实际完成值的指标（{}项）</h3><ul class=\"missing\">",
            d.missing.len()
        );
        for m in &d.missing {
            let _ = write!(
                out,
                "<li>{} {} {}</li>",
                esc(m.project.as_deref().unwrap_or("部门")),
                esc(&m.id),
                esc(&m.name)
            );
        }
        out.push_str("</ul>");
    }
}

/// The `i`th project's section: its header, budget, goals and indicator table.
fn project_section(out: &mut String, s: &ScoredDepartment, i: usize, p: &ProjectResult) {
    let (d, places) = (&s.department, s.rounding_places);
    let _ = write!(
        out,
        "<section class=\"project\" id=\"p-{}\" data-code=\"{}\" data-score=\"{}\" data-grade=\"{}\"><h2>{}. <span class=\"p-name\">{}</span></h2><div class=\"phead\"><span class=\"badge small {}\"><span class=\"p-grade\">{}</span></span><span class=\"p-score\">{}</span>{}<span class=\"muted\">项目编码 <span class=\"p-code\">{}</span> · 实施单位 {} · 主管部门 {}</span></div>",
        esc(&p.code),
        esc(&p.code),
        fixed(p.score, places),
        esc(&p.grade),
        i + 1,
        esc(&p.name),
        grade_class(s, &p.grade),
        esc(&p.grade),
        fixed(p.score, places),
        incomplete_mark(p.incomplete.as_deref()),
        esc(&p.code),
        esc(&p.unit),
        esc(&d.name),
    );
    budget_table(out, &p.execution, places, true);
    if let Some((expected, achieved)) = goals_block(p) {
        let expected: Vec<String> = expected.iter().map(|g| esc(g)).collect();
        let _ = write!(
            out,
            "<table class=\"goals\"><thead><tr><th>年度总体目标 · 预期目标</th><th>实际完成情况</th></tr></thead><tbody><tr><td>{}</td><td class=\"p-summary\">{}</td></tr></tbody></table>",
            expected.join("<br>"),
            esc(&achieved)
        );
    }
    indicator_table(
        out,
        &p.indicators,
        places,
        project_full_points(p),
        p.score,
        &p.grade,
        p.incomplete.as_deref(),
    );
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::{esc, short_name};

    #[test]
    fn chart_labels() {
        let long =
            "冀财政法【2021】62号河北省财政厅关于提前下达2022年中央政法纪检监察转移支付资金的通知";
        assert_eq!(
            short_name(&format!("{long}（办案）")),
            "冀财政法【2021】62号…（办案）"
        );
        assert_eq!(
            short_name(&format!("{long}（装备）")),
            "冀财政法【2021】62号…（装备）"
        );
        assert_eq!(short_name(long), "冀财政法【2021】62号河北省财…");
        assert_eq!(short_name("司法局化解办经费"), "司法局化解办经费");
        assert_eq!(short_name("（办案）"), "（办案）");
        // A tail too long to keep: cut like any long name.
        let tail = format!("{long}（{long}）");
        assert_eq!(short_name(&tail), "冀财政法【2021】62号河北省财…");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
