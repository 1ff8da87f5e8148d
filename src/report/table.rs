//! `--format table`: the 自评表 per project in the terminal, CJK-aware widths.

use super::layout::*;
use crate::evaluate::ScoredDepartment;
use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{ContentArrangement, Table};

/// How the terminal tables are drawn. `width`: wrap cells so that each table fits in that
/// many columns (a terminal); `None`: every cell on one line, however wide (a file, a
/// pipe). `ascii`: `+-|` instead of box-drawing characters, for terminals and fonts in
/// which those are not as wide as they should be next to Chinese text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableStyle {
    pub width: Option<u16>,
    pub ascii: bool,
}

impl TableStyle {
    /// A table of `header` and `rows` in this style.
    pub fn grid(self, header: &[&str], rows: Vec<Vec<String>>) -> String {
        let mut t = Table::new();
        t.load_preset(if self.ascii {
            ASCII_FULL_CONDENSED
        } else {
            UTF8_FULL_CONDENSED
        })
        .set_header(header.to_vec());
        match self.width {
            Some(w) => {
                t.set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(w);
            }
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        for r in rows {
            t.add_row(r);
        }
        t.to_string()
    }
}

pub fn render(s: &ScoredDepartment) -> String {
    render_styled(s, TableStyle::default())
}

/// [`render`] in `style`.
pub fn render_styled(s: &ScoredDepartment, style: TableStyle) -> String {
    let grid = |header: &[&str], rows: Vec<Vec<String>>| style.grid(header, rows);
    let mut out = String::new();
    let places = s.rounding_places;
    for p in &s.projects {
        for line in project_title(s, p) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&grid(
            &BUDGET_HEADER,
            project_budget_rows(&p.execution, places),
        ));
        out.push('\n');
        if let Some((expected, achieved)) = goals_block(p) {
            out.push_str("年度总体目标（预期目标）：\n");
            for g in expected {
                out.push_str(&format!("  {g}\n"));
            }
            out.push_str(&format!("实际完成情况：{achieved}\n"));
        }
        let rows = super::layout::project_indicator_rows(p, places);
        out.push_str(&grid(&INDICATOR_HEADER, rows));
        out.push('\n');
        for n in notes(&p.indicators, &p.execution) {
            out.push_str(&format!("  ※ {n}\n"));
        }
        out.push('\n');
    }
    let d = &s.department;
    out.push_str(&format!(
        "部门整体绩效自评表（{}，{}年度）\n",
        d.name, d.fiscal_year
    ));
    out.push_str(&grid(
        &BUDGET_HEADER,
        vec![budget_row(&d.execution, places)],
    ));
    out.push('\n');
    let rows = super::layout::department_indicator_rows(d, places);
    out.push_str(&grid(&INDICATOR_HEADER, rows));
    out.push('\n');
    for n in notes(&d.indicators, &d.execution) {
        out.push_str(&format!("  ※ {n}\n"));
    }
    out.push('\n');
    for line in summary_lines(s) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
