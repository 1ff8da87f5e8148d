//! `--format xlsx`: the 自评表 workbook in the national layout (README, "Reports"), one sheet per
//! project on a 9-column grid, and a summary sheet for the department.
//!
//! Numbers are stored as numbers with number formats (`0.00`, `0.00%`), never as text.
//! The figures are exact `Decimal`s up to here; they become f64 only when written into a
//! cell (via their decimal text, the nearest f64) — that is presentation, not scoring.

use super::layout::{fmt_amount, notes};
use crate::evaluate::{Execution, IndicatorResult, ProjectResult, ScoredDepartment};
use crate::score::Status;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// The department's summary sheet.
pub const SUMMARY_SHEET: &str = "部门整体";
const MISSED_FILL: u32 = 0xFCE4D6;
const HEAD_FILL: u32 = 0xEDEDED;
const COLUMN_WIDTHS: [f64; 9] = [10.0, 14.0, 16.0, 26.0, 18.0, 18.0, 10.0, 10.0, 32.0];
/// Characters Excel refuses in a sheet name.
const FORBIDDEN: &[char] = &['[', ']', ':', '*', '?', '/', '\\', '\''];
/// Characters of the project name kept in its sheet name.
const SHORT_NAME: usize = 12;

/// A short, unique, valid sheet name for the `index`-th (1-based) project: `01 司法局化解办经费`.
/// At most 31 UTF-16 units (Excel's limit), without `[]:*?/\` or quotes; the full name is
/// inside the sheet.
pub fn sheet_name(index: usize, project_name: &str) -> String {
    let mut out = format!("{index:02} ");
    for c in project_name
        .chars()
        .filter(|c| !FORBIDDEN.contains(c) && !c.is_control())
        .take(SHORT_NAME)
    {
        if out.encode_utf16().count() + c.len_utf16() > 31 {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// The sheet names of projects named `names`, in order: [`sheet_name`], except that
/// projects whose names start alike (`冀财政法【2021】62号…（办案）` and `…（装备）`)
/// show their head and their tail, which is where such names differ, so that the tabs do
/// not look like duplicates.
pub fn sheet_names(names: &[&str]) -> Vec<String> {
    let clean = |n: &str| -> Vec<char> {
        n.chars()
            .filter(|c| !FORBIDDEN.contains(c) && !c.is_control() && !c.is_whitespace())
            .collect()
    };
    let heads: Vec<String> = names
        .iter()
        .map(|n| clean(n).into_iter().take(SHORT_NAME).collect())
        .collect();
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let shared = heads.iter().filter(|h| **h == heads[i]).count() > 1;
            let chars = clean(n);
            if !shared || chars.len() <= SHORT_NAME {
                return sheet_name(i + 1, n);
            }
            let head: String = chars.iter().take(5).collect();
            let tail: String = chars[chars.len().saturating_sub(SHORT_NAME - 6)..]
                .iter()
                .collect();
            sheet_name(i + 1, &format!("{head}…{tail}"))
        })
        .collect()
}

/// A decimal as the nearest f64, for a number cell (presentation only).
pub fn cell_number(d: Decimal) -> f64 {
    d.to_string().parse::<f64>().unwrap_or(0.0)
}

pub struct Fmts {
    title: Format,
    sub: Format,
    label: Format,
    text: Format,
    center: Format,
    num: Format,
    pct: Format,
    int: Format,
    note: Format,
}

impl Fmts {
    fn new(missed: bool) -> Fmts {
        let cell = |f: Format| {
            let f = f
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap()
                .set_font_name("宋体")
                .set_font_size(10);
            if missed {
                f.set_background_color(Color::RGB(MISSED_FILL))
            } else {
                f
            }
        };
        Fmts {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_name("黑体")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            sub: Format::new()
                .set_font_size(11)
                .set_font_name("宋体")
                .set_align(FormatAlign::Center),
            label: cell(Format::new().set_align(FormatAlign::Center))
                .set_bold()
                .set_background_color(Color::RGB(HEAD_FILL)),
            text: cell(Format::new()),
            center: cell(Format::new().set_align(FormatAlign::Center)),
            num: cell(Format::new().set_align(FormatAlign::Center)).set_num_format("0.00"),
            pct: cell(Format::new().set_align(FormatAlign::Center)).set_num_format("0.00%"),
            int: cell(Format::new().set_align(FormatAlign::Center)).set_num_format("0"),
            note: Format::new()
                .set_font_size(9)
                .set_font_name("宋体")
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
        }
    }
}

/// Writes a text cell, merging `c0..=c1` over rows `r0..=r1` when that is more than one cell.
fn put(
    ws: &mut Worksheet,
    r0: u32,
    c0: u16,
    r1: u32,
    c1: u16,
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 && c0 == c1 {
        ws.write_string_with_format(r0, c0, text, f)?;
    } else {
        ws.merge_range(r0, c0, r1, c1, text, f)?;
    }
    Ok(())
}

/// A number cell, merged over `c0..=c1` of one row when wider than one cell.
fn put_num(
    ws: &mut Worksheet,
    r: u32,
    c0: u16,
    c1: u16,
    d: Decimal,
    f: &Format,
) -> Result<(), XlsxError> {
    if c1 > c0 {
        ws.merge_range(r, c0, r, c1, "", f)?;
    }
    ws.write_number_with_format(r, c0, cell_number(d), f)?;
    Ok(())
}

fn put_opt(
    ws: &mut Worksheet,
    r: u32,
    c0: u16,
    c1: u16,
    d: Option<Decimal>,
    num: &Format,
    text: &Format,
) -> Result<(), XlsxError> {
    match d {
        Some(d) => put_num(ws, r, c0, c1, d, num),
        None => put(ws, r, c0, r, c1, "—", text),
    }
}

fn setup(ws: &mut Worksheet, name: &str) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    for (c, w) in COLUMN_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The budget block from `row`: header, 年度资金总额 and (for projects) the three
/// breakdown rows with `—`. Returns the next free row.
fn budget_block(
    ws: &mut Worksheet,
    row: u32,
    e: &Execution,
    breakdown: bool,
    f: &Fmts,
) -> Result<u32, XlsxError> {
    let last = if breakdown { row + 4 } else { row + 1 };
    put(ws, row, 0, last, 0, "项目资金（万元）", &f.label)?;
    put(ws, row, 1, row, 1, "", &f.label)?;
    for (i, h) in ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"]
        .iter()
        .enumerate()
    {
        put(ws, row, 2 + i as u16, row, 2 + i as u16, h, &f.label)?;
    }
    put(ws, row, 7, row, 8, "得分", &f.label)?;
    let r = row + 1;
    put(ws, r, 1, r, 1, "年度资金总额", &f.center)?;
    put_num(ws, r, 2, 2, e.budget.round_dp(2), &f.num)?;
    execution_cells(ws, r, [3, 4, 6], e, f)?;
    put_num(ws, r, 5, 5, e.points, &f.num)?;
    put_opt(ws, r, 7, 8, e.score, &f.num, &f.center)?;
    if breakdown {
        // Only the 年初预算数 split is known (from the scorecard); the rest stays `—`.
        let split = [
            ("其中：当年财政拨款", e.fiscal_funds),
            ("上年结转资金", None),
            ("其他资金", e.other_funds),
        ];
        for (i, (label, amount)) in split.into_iter().enumerate() {
            let r = row + 2 + i as u32;
            put(ws, r, 1, r, 1, label, &f.center)?;
            put_opt(
                ws,
                r,
                2,
                2,
                amount.map(|a| a.round_dp(2)),
                &f.num,
                &f.center,
            )?;
            for c in 3..=6 {
                put(ws, r, c, r, c, "—", &f.center)?;
            }
            put(ws, r, 7, r, 8, "—", &f.center)?;
        }
    }
    Ok(last + 1)
}

fn level1_label(rows: &[IndicatorResult], level1: &str) -> String {
    let pts: Decimal = rows
        .iter()
        .filter(|x| x.level1 == level1)
        .map(|x| x.points)
        .sum();
    format!("{level1}({}分)", pts.normalize())
}

fn missed(r: &IndicatorResult) -> bool {
    r.achieved == Some(false)
        || matches!(
            r.status,
            Status::Error | Status::Unscorable | Status::Missing
        )
}

/// The indicator block from `row`: header and one row per indicator with the level cells
/// merged down over their runs, column A (`绩效指标`) merged down over all. Returns the
/// next free row.
fn indicator_block(
    ws: &mut Worksheet,
    row: u32,
    rows: &[IndicatorResult],
    places: u32,
    f: &Fmts,
    fm: &Fmts,
) -> Result<u32, XlsxError> {
    for (i, h) in super::layout::INDICATOR_HEADER.iter().enumerate() {
        put(ws, row, 1 + i as u16, row, 1 + i as u16, h, &f.label)?;
    }
    let first = row + 1;
    let last = row + rows.len() as u32;
    put(ws, row, 0, last, 0, "绩效指标", &f.label)?;
    // Runs of equal level cells, merged down.
    let mut i = 0;
    while i < rows.len() {
        let Some(r) = rows.get(i) else { break };
        let end1 = rows[i..]
            .iter()
            .position(|x| x.level1 != r.level1)
            .map_or(rows.len(), |p| i + p);
        put(
            ws,
            first + i as u32,
            1,
            first + end1 as u32 - 1,
            1,
            &level1_label(rows, &r.level1),
            &f.center,
        )?;
        let mut j = i;
        while j < end1 {
            let Some(s) = rows.get(j) else { break };
            let end2 = rows[j..end1]
                .iter()
                .position(|x| x.level2 != s.level2)
                .map_or(end1, |p| j + p);
            put(
                ws,
                first + j as u32,
                2,
                first + end2 as u32 - 1,
                2,
                &s.level2,
                &f.center,
            )?;
            j = end2;
        }
        i = end1;
    }
    for (k, r) in rows.iter().enumerate() {
        let x = first + k as u32;
        let g = if missed(r) { fm } else { f };
        put(ws, x, 3, x, 3, &r.name, &g.text)?;
        put(ws, x, 4, x, 4, &r.target, &g.center)?;
        put(ws, x, 5, x, 5, r.actual.as_deref().unwrap_or(""), &g.center)?;
        put_num(ws, x, 6, 6, r.points, &g.num)?;
        match (r.score, r.status) {
            (Some(s), _) => put_num(ws, x, 7, 7, s, &g.num)?,
            (None, Status::NotApplicable) => put(ws, x, 7, x, 7, "不适用", &g.center)?,
            (None, Status::Missing) => put(ws, x, 7, x, 7, "未填报", &g.center)?,
            (None, _) => put(ws, x, 7, x, 7, "—", &g.center)?,
        }
        let _ = places;
        put(ws, x, 8, x, 8, r.reason.as_deref().unwrap_or(""), &g.text)?;
    }
    Ok(last + 1)
}

fn total_block(
    ws: &mut Worksheet,
    row: u32,
    full: Decimal,
    total: Decimal,
    grade: &str,
    incomplete: Option<&str>,
    f: &Fmts,
) -> Result<u32, XlsxError> {
    put(ws, row, 0, row, 5, "总分", &f.label)?;
    put_num(ws, row, 6, 6, full, &f.num)?;
    put_num(ws, row, 7, 7, total, &f.num)?;
    // The total cell stays a number; the grade cell says when it is not final.
    let grade = match incomplete {
        Some(why) => format!("自评等级：{grade}（{}：{why}）", super::layout::INCOMPLETE),
        None => format!("自评等级：{grade}"),
    };
    put(ws, row, 8, row, 8, &grade, &f.center)?;
    Ok(row + 1)
}

fn note_lines(ws: &mut Worksheet, row: u32, lines: &[String], f: &Fmts) -> Result<u32, XlsxError> {
    let mut r = row;
    for l in lines {
        put(ws, r, 0, r, 8, l, &f.note)?;
        let chars = l.chars().count() as f64;
        ws.set_row_height(r, 14.0 * (chars / 80.0).ceil().max(1.0))?;
        r += 1;
    }
    Ok(r)
}

fn project_sheet(
    ws: &mut Worksheet,
    s: &ScoredDepartment,
    p: &ProjectResult,
    name: &str,
    f: &Fmts,
    fm: &Fmts,
) -> Result<(), XlsxError> {
    setup(ws, name)?;
    let places = s.rounding_places;
    put(ws, 0, 0, 0, 8, "项目支出绩效自评表", &f.title)?;
    ws.set_row_height(0, 28)?;
    put(
        ws,
        1,
        0,
        1,
        8,
        &format!("（{}年度）", s.department.fiscal_year),
        &f.sub,
    )?;
    put(ws, 2, 0, 2, 0, "项目名称", &f.label)?;
    put(
        ws,
        2,
        1,
        2,
        8,
        &format!("{}（{}）", p.name, p.code),
        &f.text,
    )?;
    put(ws, 3, 0, 3, 0, "主管部门", &f.label)?;
    put(ws, 3, 1, 3, 3, &s.department.name, &f.text)?;
    put(ws, 3, 4, 3, 4, "实施单位", &f.label)?;
    put(ws, 3, 5, 3, 8, &p.unit, &f.text)?;
    let mut r = budget_block(ws, 4, &p.execution, true, f)?;
    put(ws, r, 0, r + 1, 0, "年度总体目标", &f.label)?;
    put(ws, r, 1, r, 4, "预期目标", &f.label)?;
    put(ws, r, 5, r, 8, "实际完成情况", &f.label)?;
    let (expected, achieved) = super::layout::goals_block(p)
        .map(|(e, a)| (e.join("\n"), a))
        .unwrap_or_default();
    put(ws, r + 1, 1, r + 1, 4, &expected, &f.text)?;
    put(ws, r + 1, 5, r + 1, 8, &achieved, &f.text)?;
    // Tall enough for the paragraphs: about 30 characters a line in the merged cells.
    let lines = expected.chars().count().max(achieved.chars().count()) / 30 + 1;
    ws.set_row_height(r + 1, (16 * lines).clamp(40, 400) as f64)?;
    r += 2;
    r = indicator_block(ws, r, &p.indicators, places, f, fm)?;
    r = total_block(
        ws,
        r,
        super::layout::project_full_points(p),
        p.score,
        &p.grade,
        p.incomplete.as_deref(),
        f,
    )?;
    let mut lines = vec![s.level_note.clone()];
    lines.extend(
        notes(&p.indicators, &p.execution)
            .into_iter()
            .map(|n| format!("※ {n}")),
    );
    note_lines(ws, r, &lines, f)?;
    Ok(())
}

/// 全年预算数, 全年执行数 and 执行率 of an execution row, in the three columns given.
fn execution_cells(
    ws: &mut Worksheet,
    r: u32,
    [budget, spent, rate]: [u16; 3],
    e: &Execution,
    f: &Fmts,
) -> Result<(), XlsxError> {
    let adjusted = e.adjusted.unwrap_or(e.budget).round_dp(2);
    put_num(ws, r, budget, budget, adjusted, &f.num)?;
    let spent_v = e.spent.map(|x| x.round_dp(2));
    put_opt(ws, r, spent, spent, spent_v, &f.num, &f.center)?;
    let rate_v = e.rate.map(|x| x.round_dp(6));
    put_opt(ws, r, rate, rate, rate_v, &f.pct, &f.center)
}

fn summary_sheet(
    ws: &mut Worksheet,
    s: &ScoredDepartment,
    names: &[String],
    f: &Fmts,
    fm: &Fmts,
) -> Result<(), XlsxError> {
    let d = &s.department;
    let places = s.rounding_places;
    setup(ws, SUMMARY_SHEET)?;
    put(ws, 0, 0, 0, 8, "部门整体绩效自评表", &f.title)?;
    ws.set_row_height(0, 28)?;
    let year = format!("（{}年度）", d.fiscal_year);
    put(ws, 1, 0, 1, 8, &year, &f.sub)?;
    put(ws, 2, 0, 2, 0, "部门名称", &f.label)?;
    let name = format!("{}（{}）", d.name, d.code);
    put(ws, 2, 1, 2, 8, &name, &f.text)?;
    let mut r = budget_block(ws, 3, &d.execution, false, f)?;
    r = indicator_block(ws, r, &d.indicators, places, f, fm)?;
    let full = super::layout::department_full_points(d);
    r = total_block(ws, r, full, d.score, &d.grade, d.incomplete.as_deref(), f)?;
    r = grade_counts_block(ws, r + 1, s, f)?;
    r = projects_block(ws, r + 1, s, names, f)?;
    note_lines(ws, r + 1, &summary_notes(s), f)?;
    Ok(())
}

/// 项目支出综合得分 and the projects per grade; returns the next free row.
fn grade_counts_block(
    ws: &mut Worksheet,
    mut r: u32,
    s: &ScoredDepartment,
    f: &Fmts,
) -> Result<u32, XlsxError> {
    let d = &s.department;
    let composite = "项目支出综合得分（按全年预算数加权）";
    put(ws, r, 0, r, 5, composite, &f.label)?;
    put_opt(ws, r, 6, 7, d.projects_composite, &f.num, &f.center)?;
    let count = format!("{}个项目", s.projects.len());
    put(ws, r, 8, r, 8, &count, &f.center)?;
    r += 1;
    for g in &s.grade_order {
        let n = d.grade_counts.get(g).copied().unwrap_or(0);
        let label = format!("自评等级为“{g}”的项目数");
        put(ws, r, 0, r, 5, &label, &f.label)?;
        ws.merge_range(r, 6, r, 7, "", &f.int)?;
        ws.write_number_with_format(r, 6, n as f64, &f.int)?;
        put(ws, r, 8, r, 8, "", &f.center)?;
        r += 1;
    }
    Ok(r)
}

/// One line per project (named after its sheet); returns the next free row.
fn projects_block(
    ws: &mut Worksheet,
    mut r: u32,
    s: &ScoredDepartment,
    names: &[String],
    f: &Fmts,
) -> Result<u32, XlsxError> {
    let heads = [
        "序号",
        "项目编码",
        "项目名称",
        "",
        "全年预算数",
        "全年执行数",
        "执行率",
        "得分",
        "自评等级",
    ];
    put(ws, r, 0, r, 0, heads[0], &f.label)?;
    put(ws, r, 1, r, 1, heads[1], &f.label)?;
    put(ws, r, 2, r, 3, heads[2], &f.label)?;
    for c in 4..=8u16 {
        put(ws, r, c, r, c, heads[c as usize], &f.label)?;
    }
    r += 1;
    for (i, p) in s.projects.iter().enumerate() {
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f.int)?;
        put(ws, r, 1, r, 1, &p.code, &f.center)?;
        let label = match names.get(i) {
            Some(n) => format!("{}（工作表 {n}）", p.name),
            None => p.name.clone(),
        };
        put(ws, r, 2, r, 3, &label, &f.text)?;
        execution_cells(ws, r, [4, 5, 6], &p.execution, f)?;
        put_num(ws, r, 7, 7, p.score, &f.num)?;
        let grade = super::layout::grade_shown(&p.grade, p.incomplete.as_deref());
        put(ws, r, 8, r, 8, &grade, &f.center)?;
        r += 1;
    }
    Ok(r)
}

/// The notes under the summary: missing and unscorable rows, flags, the department's
/// execution and its score.
fn summary_notes(s: &ScoredDepartment) -> Vec<String> {
    let d = &s.department;
    let mut lines = super::layout::missing_lines(d);
    lines.extend(super::layout::error_lines(d));
    lines.extend(
        notes(&d.indicators, &d.execution)
            .into_iter()
            .map(|n| format!("※ {n}")),
    );
    lines.push(format!(
        "部门执行率：全年执行数 {} / 全年预算数 {}；评分规则：{}",
        d.execution
            .spent
            .map(fmt_amount)
            .unwrap_or_else(|| "—".into()),
        fmt_amount(d.execution.adjusted.unwrap_or(d.execution.budget)),
        s.policy_name
    ));
    lines.push(format!(
        "部门整体自评得分 {}，等级 {}",
        super::layout::department_score_text(d, s.rounding_places),
        super::layout::grade_shown(&d.grade, d.incomplete.as_deref())
    ));
    lines
}

/// The 自评表 workbook: the department's summary sheet, then one sheet per project.
pub fn render(s: &ScoredDepartment) -> Result<Vec<u8>, XlsxError> {
    let f = Fmts::new(false);
    let fm = Fmts::new(true);
    let mut wb = Workbook::new();
    let names = sheet_names(
        &s.projects
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
    );
    summary_sheet(wb.add_worksheet(), s, &names, &f, &fm)?;
    for (p, name) in s.projects.iter().zip(&names) {
        project_sheet(wb.add_worksheet(), s, p, name, &f, &fm)?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid() {
        let n = sheet_name(
            3,
            "冀财政法【2021】62号（装备）：司法/行政*项目?名称很长很长很长",
        );
        assert!(n.encode_utf16().count() <= 31);
        assert!(!n.contains(FORBIDDEN));
        assert!(n.starts_with("03 "));
        assert_eq!(sheet_name(1, "司法局化解办经费"), "01 司法局化解办经费");
        assert_eq!(sheet_name(12, "[]"), "12");
    }

    #[test]
    fn names_that_start_alike_show_their_tails() {
        let names = sheet_names(&[
            "冀财政法【2021】62号河北省财政厅关于提前下达2022年中央政法纪检监察转移支付资金的通知（办案）",
            "冀财政法【2021】62号河北省财政厅关于提前下达2022年中央政法纪检监察转移支付资金的通知（装备）",
            "司法局化解办经费",
        ]);
        assert_eq!(
            names,
            [
                "01 冀财政法【…通知（办案）",
                "02 冀财政法【…通知（装备）",
                "03 司法局化解办经费"
            ]
        );
    }

    #[test]
    fn numbers_are_nearest() {
        assert_eq!(cell_number(Decimal::new(8621, 2)), 86.21);
    }
}
