//! The actuals template as an xlsx workbook: one sheet per project (and one for the
//! department's own indicators, first), each a table the xlsx actuals reader takes back
//! as it is (`src/actuals/load_xlsx.rs`).
//!
//! Columns: 项目编码 · 指标编码 · 一级指标 · 二级指标 · 三级指标 · 年度指标值 (locked, grey)
//! and 实际完成值 · 偏差原因 · 基期值 (unlocked, stored as text so `95%` stays `95%`). The sheet
//! is protected without a password, so only the input columns take typing. A project sheet
//! starts with two budget rows (指标编码 `adjusted_budget` = 全年预算数, `spent` = 全年执行数,
//! in 万元). Qualitative rows get a drop-down of 达成/部分达成/未达成/不适用 (是/否/不适用 for a
//! yes/no target), as a warning only, so `部分达成 75%` can still be typed.

use super::xlsx::sheet_names;
use crate::actuals::{ADJUSTED_BUDGET_ID, SPENT_ID, SUMMARY_ID};
use crate::model::target::TargetKind;
use crate::scorecard::{Department, Indicator};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

/// The department's sheet.
pub const DEPARTMENT_SHEET: &str = "部门整体指标";
pub const HEADERS: [&str; 9] = [
    "项目编码",
    "指标编码",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "偏差原因",
    "基期值",
];
/// First input column (实际完成值); the last two follow it.
pub const INPUT_COL: u16 = 6;
/// The header row (0-based); data rows follow it.
pub const HEADER_ROW: u32 = 2;
const GRADES: [&str; 4] = ["达成", "部分达成", "未达成", "不适用"];
const YES_NO: [&str; 3] = ["是", "否", "不适用"];
const MAX_WIDTH: usize = 48;

struct Fmts {
    title: Format,
    note: Format,
    head: Format,
    locked: Format,
    input: Format,
}

fn fmts() -> Fmts {
    let base = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_font_size(10);
    Fmts {
        title: Format::new().set_bold().set_font_size(14),
        note: Format::new().set_font_size(9).set_text_wrap(),
        head: base
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xD9D9D9)),
        locked: base.clone().set_background_color(Color::RGB(0xF2F2F2)),
        input: base
            .set_unlocked()
            .set_num_format("@")
            .set_background_color(Color::RGB(0xFFFFFF)),
    }
}

fn grade_list(i: &Indicator) -> Option<&'static [&'static str]> {
    match i.target.as_ref().map(|t| &t.kind) {
        Some(TargetKind::Qualitative(_)) => {
            let t = i.target_text.trim();
            Some(if t == "是" || t == "否" {
                &YES_NO[..]
            } else {
                &GRADES[..]
            })
        }
        _ => None,
    }
}

/// One row of the sheet: the six locked cells, and a drop-down list for the input.
struct Line {
    cells: [String; 6],
    list: Option<&'static [&'static str]>,
}

fn write_sheet(
    ws: &mut Worksheet,
    name: &str,
    title: &str,
    lines: &[Line],
    f: &Fmts,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    ws.merge_range(0, 0, 0, 8, title, &f.title)?;
    ws.merge_range(
        1,
        0,
        1,
        8,
        "只在白色的“实际完成值”“偏差原因”“基期值”三列填写；灰色列由 jixiao 写入，已锁定（工作表保护，无密码）。数值照写，如 2300份、92.5%、172/190、2022年12月20日；定性指标可从下拉列表选择。",
        &f.note,
    )?;
    ws.set_row_height(1, 30)?;
    let mut widths: Vec<usize> = HEADERS.iter().map(|h| h.width()).collect();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &f.head)?;
    }
    for (k, line) in lines.iter().enumerate() {
        let r = HEADER_ROW + 1 + k as u32;
        for (c, text) in line.cells.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, text, &f.locked)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(text.width());
            }
        }
        for c in INPUT_COL..=INPUT_COL + 2 {
            ws.write_blank(r, c, &f.input)?;
        }
        if let Some(list) = line.list {
            let dv = DataValidation::new()
                .allow_list_strings(list)?
                .ignore_blank(true)
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_input_title("定性指标")?
                .set_input_message("选择 达成/部分达成/未达成/不适用，或照写，如“部分达成 75%”")?;
            ws.add_data_validation(r, INPUT_COL, r, INPUT_COL, &dv)?;
        }
    }
    // Input columns are wide enough to type into; the rest fit their text (CJK = 2).
    for (c, w) in [16usize, 30, 12].iter().enumerate() {
        if let Some(x) = widths.get_mut(INPUT_COL as usize + c) {
            *x = (*x).max(*w);
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, ((*w).min(MAX_WIDTH) + 2) as f64)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    Ok(())
}

fn indicator_lines(code: &str, list: &[Indicator]) -> Vec<Line> {
    list.iter()
        .map(|i| Line {
            cells: [
                code.to_string(),
                i.id.clone(),
                i.level1.clone(),
                i.level2.clone(),
                i.name.clone(),
                i.target_text.clone(),
            ],
            list: grade_list(i),
        })
        .collect()
}

/// The template workbook for a department.
pub fn template_xlsx(dept: &Department) -> Result<Vec<u8>, XlsxError> {
    let f = fmts();
    let mut wb = Workbook::new();
    write_sheet(
        wb.add_worksheet(),
        DEPARTMENT_SHEET,
        &format!(
            "{} 部门整体绩效指标 实际完成值（{}年度）",
            dept.name, dept.fiscal_year
        ),
        &indicator_lines(&dept.code, &dept.indicators),
        &f,
    )?;
    let names = sheet_names(
        &dept
            .projects
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
    );
    for (i, p) in dept.projects.iter().enumerate() {
        let budget = super::fmt_amount(p.budget);
        let mut lines = vec![
            Line {
                cells: [
                    p.code.clone(),
                    ADJUSTED_BUDGET_ID.into(),
                    "项目资金".into(),
                    "".into(),
                    "全年预算数（万元）".into(),
                    format!("年初预算数 {budget}"),
                ],
                list: None,
            },
            Line {
                cells: [
                    p.code.clone(),
                    SPENT_ID.into(),
                    "项目资金".into(),
                    "".into(),
                    "全年执行数（万元）".into(),
                    String::new(),
                ],
                list: None,
            },
            Line {
                cells: [
                    p.code.clone(),
                    SUMMARY_ID.into(),
                    "年度总体目标".into(),
                    "".into(),
                    "实际完成情况".into(),
                    p.goals.join(" "),
                ],
                list: None,
            },
        ];
        lines.extend(indicator_lines(&p.code, &p.indicators));
        write_sheet(
            wb.add_worksheet(),
            names.get(i).map_or("", String::as_str),
            &format!(
                "{}（{}） 实际完成值（{}年度）",
                p.name, p.code, dept.fiscal_year
            ),
            &lines,
            &f,
        )?;
    }
    wb.save_to_buffer()
}
