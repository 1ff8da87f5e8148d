//! `jixiao monitor` output: the 绩效运行监控 table (spending against plan, lights, gaps),
//! indicator progress where year-to-date actuals are given, and the rows that need a
//! written reason. JSON is the [`MonitorReport`] itself.

use super::{Light, MonitorReport, ProjectMonitor};
use crate::score::formula::{d, fixed};
use chrono::Datelike;
use rust_decimal::Decimal;

fn opt(x: Option<Decimal>, f: impl Fn(Decimal) -> String) -> String {
    x.map(f).unwrap_or_else(|| "—".into())
}

fn pct2(x: Decimal) -> String {
    format!("{}%", fixed(x, 2))
}

fn signed(x: Decimal) -> String {
    if x > Decimal::ZERO {
        format!("+{}", fixed(x, 2))
    } else {
        fixed(x, 2)
    }
}

fn light(l: Option<Light>) -> &'static str {
    l.map(Light::label).unwrap_or("无数据")
}

/// Why a project needs a written reason, one line each.
fn reasons(p: &ProjectMonitor) -> Vec<String> {
    let mut out = Vec::new();
    if p.light == Some(Light::Red) {
        out.push(format!(
            "{} {}：红灯，执行进度 {}，计划进度 {}，落后 {} 个百分点",
            p.code,
            p.name,
            opt(p.rate, pct2),
            pct2(p.planned),
            opt(p.gap_pp, |g| fixed(g, 2))
        ));
    }
    for i in p.indicators.iter().filter(|i| i.likely == Some(false)) {
        out.push(format!(
            "{} {} [{}] {}：指标值 {}，当前 {}；{}",
            p.code,
            p.name,
            i.id,
            i.name,
            i.target,
            i.actual.as_deref().unwrap_or("—"),
            i.note
        ));
    }
    out
}

pub fn render_table(r: &MonitorReport, policy_name: &str) -> String {
    render_table_styled(r, policy_name, crate::report::TableStyle::default())
}

/// [`render_table`] fitted to a width or drawn in ASCII ([`crate::report::TableStyle`]).
pub fn render_table_styled(
    r: &MonitorReport,
    policy_name: &str,
    style: crate::report::TableStyle,
) -> String {
    let grid = |header: &[&str], rows: Vec<Vec<String>>| style.grid(header, rows);
    let mut out = format!(
        "绩效运行监控（{}，截至{}年{}月{}日）\n",
        r.department,
        r.as_of.year(),
        r.as_of.month(),
        r.as_of.day()
    );
    out.push_str(&format!(
        "监控灯：执行进度 ÷ 计划进度 < {} 红灯；< {} 黄灯；≥ {} 绿灯（政策：{policy_name}）\n",
        d(r.thresholds.red_below),
        d(r.thresholds.green_from),
        d(r.thresholds.green_from)
    ));
    let rows: Vec<Vec<String>> = r
        .projects
        .iter()
        .map(|p| {
            vec![
                p.code.clone(),
                p.name.clone(),
                fixed(p.budget, 2),
                opt(p.spent, |s| fixed(s, 2)),
                opt(p.rate, pct2),
                pct2(p.planned),
                opt(p.ratio, |x| fixed(x, 4)),
                light(p.light).to_string(),
                opt(p.gap_pp, signed),
            ]
        })
        .collect();
    out.push_str(&grid(
        &[
            "项目编码",
            "项目名称",
            "年初预算数（万元）",
            "累计支出（万元）",
            "执行进度",
            "计划进度",
            "进度比",
            "监控灯",
            "落后计划（百分点）",
        ],
        rows,
    ));
    out.push('\n');
    let counts = [Light::Red, Light::Yellow, Light::Green].map(|l| {
        (
            l.label(),
            r.projects.iter().filter(|p| p.light == Some(l)).count(),
        )
    });
    let no_data = r.projects.iter().filter(|p| p.light.is_none()).count();
    out.push_str(&format!(
        "{}；无支出数据 {no_data} 个\n",
        counts
            .iter()
            .map(|(l, n)| format!("{l} {n} 个"))
            .collect::<Vec<_>>()
            .join("，")
    ));

    let reported: Vec<&ProjectMonitor> = r
        .projects
        .iter()
        .filter(|p| p.indicators.iter().any(|i| i.actual.is_some()))
        .collect();
    for p in reported {
        out.push_str(&format!("\n指标进度：{} {}\n", p.code, p.name));
        let rows = p
            .indicators
            .iter()
            .map(|i| {
                vec![
                    i.id.clone(),
                    i.name.clone(),
                    i.target.clone(),
                    i.actual.clone().unwrap_or_else(|| "—".into()),
                    opt(i.progress, pct2),
                    pct2(i.expected),
                    match i.likely {
                        Some(true) => "可能完成".into(),
                        Some(false) => "难以完成".into(),
                        None => "—".into(),
                    },
                    i.note.clone(),
                ]
            })
            .collect();
        out.push_str(&grid(
            &[
                "指标",
                "三级指标",
                "年度指标值",
                "当前完成值",
                "完成进度",
                "时间进度",
                "预计",
                "说明",
            ],
            rows,
        ));
        out.push('\n');
    }

    let all: Vec<String> = r.projects.iter().flat_map(reasons).collect();
    out.push_str(&format!("\n需说明原因（{} 项）：\n", all.len()));
    if all.is_empty() {
        out.push_str("  无\n");
    }
    for line in all {
        out.push_str(&format!("  - {line}\n"));
    }
    out
}

pub fn render_json(r: &MonitorReport) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}
