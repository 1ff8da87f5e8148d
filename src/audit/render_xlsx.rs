//! The audit report as a workbook: one sheet per section, its lines above its tables.

use super::render::Section;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

pub fn xlsx(sections: &[Section]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (i, s) in sections.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(crate::report::xlsx::sheet_name(i + 1, &s.title))?;
        let mut row: u32 = 0;
        ws.write_string_with_format(row, 0, &s.title, &bold)?;
        row += 1;
        for l in &s.lines {
            ws.write_string(row, 0, l)?;
            row += 1;
        }
        for (h, rows) in &s.tables {
            row += 1;
            for (c, text) in h.iter().enumerate() {
                ws.write_string_with_format(row, c as u16, *text, &bold)?;
            }
            row += 1;
            for r in rows {
                for (c, text) in r.iter().enumerate() {
                    ws.write_string(row, c as u16, text)?;
                }
                row += 1;
            }
        }
    }
    book.save_to_buffer()
}
