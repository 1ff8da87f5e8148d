//! `--format markdown`: the same 自评表 as pipe tables, for reports and wikis.

use super::layout::*;
use crate::evaluate::ScoredDepartment;

pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

pub fn render(s: &ScoredDepartment) -> String {
    let places = s.rounding_places;
    let d = &s.department;
    let mut out = format!("# {} {}年度绩效自评\n\n", d.name, d.fiscal_year);
    out.push_str("## 部门整体\n\n");
    for line in summary_lines(s) {
        // Indented summary lines (the missing rows) nest under the line before them.
        match line.strip_prefix("  ") {
            Some(sub) => out.push_str(&format!("  - {}\n", cell(sub))),
            None => out.push_str(&format!("- {}\n", cell(&line))),
        }
    }
    out.push('\n');
    out.push_str(&table(&BUDGET_HEADER, &[budget_row(&d.execution, places)]));
    out.push('\n');
    let rows = super::layout::department_indicator_rows(d, places);
    out.push_str(&table(&INDICATOR_HEADER, &rows));
    for n in notes(&d.indicators, &d.execution) {
        out.push_str(&format!("\n> ※ {}", cell(&n)));
    }
    out.push('\n');
    for p in &s.projects {
        let title = project_title(s, p);
        out.push_str(&format!("\n## {}\n\n", cell(&p.name)));
        for line in title.iter().skip(1) {
            out.push_str(&format!("{}  \n", cell(line)));
        }
        out.push('\n');
        out.push_str(&table(
            &BUDGET_HEADER,
            &project_budget_rows(&p.execution, places),
        ));
        out.push('\n');
        if let Some((expected, achieved)) = goals_block(p) {
            let expected: Vec<String> = expected.iter().map(|g| cell(g)).collect();
            out.push_str(&format!(
                "**年度总体目标（预期目标）**：{}  \n**实际完成情况**：{}\n\n",
                expected.join("<br>"),
                cell(&achieved)
            ));
        }
        let rows = super::layout::project_indicator_rows(p, places);
        out.push_str(&table(&INDICATOR_HEADER, &rows));
        let notes = notes(&p.indicators, &p.execution);
        if !notes.is_empty() {
            out.push('\n');
            for n in notes {
                out.push_str(&format!("> ※ {}  \n", cell(&n)));
            }
        }
    }
    out
}
