//! A region as one workbook: 「汇总」 (the region summary, first) and 「明细」 (every scored
//! row of every department, one line each, with filters) — what a finance bureau sorts and
//! filters in Excel. One sheet per department would mean thousands of sheets.
//!
//! 「明细」 is written row by row in constant memory (rust_xlsxwriter keeps only the current
//! row and spools the rest to a temporary file), so memory does not grow with the region.
//! Its lines are the region CSV's (`department` … `error`), decoded from the CSV each worker
//! rendered; points and scores are number cells.

use super::render::{
    dept_rows, grade_rows, low_rows, totals_line, DEPT_HEADER, GRADE_HEADER, LOW_HEADER,
};
use super::summary::RegionSummary;
use crate::report::xlsx::cell_number;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};
use std::str::FromStr;

/// The 「明细」 columns, in the order of the region CSV.
const DETAIL_HEADER: [&str; 18] = [
    "部门编码",
    "范围",
    "项目编码",
    "项目名称",
    "行类型",
    "指标编号",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    "分值",
    "得分",
    "是否达成",
    "等级",
    "标记",
    "偏差原因",
    "错误",
];
const DETAIL_WIDTHS: [f64; 18] = [
    10.0, 10.0, 24.0, 30.0, 10.0, 8.0, 12.0, 16.0, 30.0, 18.0, 18.0, 8.0, 8.0, 8.0, 6.0, 20.0,
    30.0, 30.0,
];
/// Columns of 「明细」 written as numbers (分值, 得分).
const NUMBER_COLUMNS: [usize; 2] = [11, 12];
/// The CSV's English codes, in Chinese for the workbook (范围, 行类型, 是否达成); other
/// text is written as it is.
fn label(column: usize, cell: &str) -> &str {
    match (column, cell) {
        (1, "department") => "部门",
        (1, "project") => "项目",
        (4, "indicator") => "指标",
        (4, "execution") => "预算执行",
        (4, "total") => "总分",
        (13, "true") => "是",
        (13, "false") => "否",
        _ => cell,
    }
}

/// Rows a worksheet can hold (Excel's limit), the header included.
const MAX_SHEET_ROWS: u32 = 1_048_576;

/// A table of 「汇总」: caption, header, rows, and the columns written as numbers.
type Section<'a> = (&'a str, &'a [&'a str], Vec<Vec<String>>, &'a [usize]);

const SUMMARY: usize = 0;
const DETAILS: usize = 1;

pub struct XlsxRegion {
    wb: Workbook,
    /// Next free row of 「明细」.
    row: u32,
    head: Format,
    num: Format,
}

fn io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(crate::i18n::tf(
        "cli.workbook-build-why",
        &[("why", &e.to_string())],
    ))
}

impl XlsxRegion {
    pub fn new() -> std::io::Result<XlsxRegion> {
        let mut wb = Workbook::new();
        let head = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xF3F4F6))
            .set_border(FormatBorder::Thin);
        let num = Format::new().set_num_format("0.00");
        wb.add_worksheet().set_name("汇总").map_err(io)?;
        let ws = wb.add_worksheet_with_constant_memory().map_err(io)?;
        ws.set_name("明细").map_err(io)?;
        for (c, (h, w)) in DETAIL_HEADER.iter().zip(DETAIL_WIDTHS).enumerate() {
            let c = c as u16;
            ws.set_column_width(c, w).map_err(io)?;
            ws.write_string_with_format(0, c, *h, &head).map_err(io)?;
        }
        ws.set_freeze_panes(1, 0).map_err(io)?;
        Ok(XlsxRegion {
            wb,
            row: 1,
            head,
            num,
        })
    }

    /// Appends a department's lines (its region-CSV body, no header).
    pub fn department(&mut self, csv_body: &[u8]) -> std::io::Result<()> {
        let ws = self.wb.worksheet_from_index(DETAILS).map_err(io)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv_body);
        for rec in reader.records() {
            let rec = rec.map_err(std::io::Error::other)?;
            if self.row >= MAX_SHEET_ROWS {
                let max = (MAX_SHEET_ROWS - 1).to_string();
                return Err(std::io::Error::other(crate::i18n::tf(
                    "cli.region-too-many-rows",
                    &[("max", &max)],
                )));
            }
            for (c, cell) in rec.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let col = c as u16;
                match Decimal::from_str(cell) {
                    Ok(d) if NUMBER_COLUMNS.contains(&c) => {
                        ws.write_number_with_format(self.row, col, cell_number(d), &self.num)
                    }
                    _ => ws.write_string(self.row, col, label(c, cell)),
                }
                .map_err(io)?;
            }
            self.row += 1;
        }
        Ok(())
    }

    /// Fills 「汇总」 and returns the workbook's bytes.
    pub fn finish(mut self, s: &RegionSummary) -> std::io::Result<Vec<u8>> {
        let last = self.row.saturating_sub(1).max(1);
        let details = self.wb.worksheet_from_index(DETAILS).map_err(io)?;
        details
            .autofilter(0, 0, last, (DETAIL_HEADER.len() - 1) as u16)
            .map_err(io)?;
        let (head, num) = (self.head.clone(), self.num.clone());
        let ws = self.wb.worksheet_from_index(SUMMARY).map_err(io)?;
        let title = Format::new().set_bold().set_font_size(16);
        let bold = Format::new().set_bold();
        ws.set_column_width(0, 14).map_err(io)?;
        ws.set_column_width(1, 30).map_err(io)?;
        ws.set_column_width(2, 30).map_err(io)?;
        for c in 3..7 {
            ws.set_column_width(c, 14).map_err(io)?;
        }
        ws.write_string_with_format(0, 0, "地区绩效自评汇总", &title)
            .map_err(io)?;
        let totals = format!("{}（逐行结果见「明细」）", totals_line(s));
        ws.write_string(1, 0, totals).map_err(io)?;
        let mut r = 3u32;
        let sections: [Section; 3] = [
            ("部门等级分布", &GRADE_HEADER, grade_rows(s), &[1]),
            ("得分最低的项目", &LOW_HEADER, low_rows(s), &[3]),
            (
                "各部门得分与缺少实际值的行",
                &DEPT_HEADER,
                dept_rows(s),
                &[2, 4, 5, 6],
            ),
        ];
        for (caption, header, rows, numeric) in sections {
            ws.write_string_with_format(r, 0, caption, &bold)
                .map_err(io)?;
            r += 1;
            for (c, h) in header.iter().enumerate() {
                ws.write_string_with_format(r, c as u16, *h, &head)
                    .map_err(io)?;
            }
            r += 1;
            for row in rows {
                for (c, cell) in row.iter().enumerate() {
                    let col = c as u16;
                    match Decimal::from_str(cell) {
                        Ok(d) if numeric.contains(&c) => {
                            let f = if cell.contains('.') {
                                &num
                            } else {
                                &Format::new()
                            };
                            ws.write_number_with_format(r, col, cell_number(d), f)
                        }
                        _ => ws.write_string(r, col, cell),
                    }
                    .map_err(io)?;
                }
                r += 1;
            }
            r += 1;
        }
        if !s.broken.is_empty() {
            ws.write_string_with_format(r, 0, "有错误未评分的部门（错误见标准错误输出）", &bold)
                .map_err(io)?;
            r += 1;
            for b in &s.broken {
                ws.write_string(r, 0, &b.folder).map_err(io)?;
                ws.write_string(r, 1, format!("{} 个错误", b.errors))
                    .map_err(io)?;
                r += 1;
            }
        }
        self.wb.save_to_buffer().map_err(io)
    }
}
