//! The audit layout as terminal tables (CJK-aware widths, like `score`), markdown, and
//! CSV (one line per re-scored line, for spreadsheets).

use super::render::{AuditReport, Section};
use crate::report::markdown::{cell as md_cell, table as md_table};
use crate::report::TableStyle;

pub fn terminal(sections: &[Section]) -> String {
    let mut out = String::new();
    for s in sections {
        out.push_str(&format!("【{}】\n", s.title));
        let (head, tail) = s.lines.split_at(s.lines.len().min(if s.tables.is_empty() {
            s.lines.len()
        } else {
            2
        }));
        for l in head {
            out.push_str(&format!("{l}\n"));
        }
        for (h, rows) in &s.tables {
            out.push_str(&TableStyle::default().grid(h, rows.clone()));
            out.push('\n');
        }
        for l in tail {
            out.push_str(&format!("{l}\n"));
        }
        out.push('\n');
    }
    out
}

pub fn markdown(sections: &[Section]) -> String {
    let mut out = String::from("# 自评表复核\n");
    for s in sections {
        out.push_str(&format!("\n## {}\n\n", md_cell(&s.title)));
        for l in &s.lines {
            out.push_str(&format!("- {}\n", md_cell(l)));
        }
        for (h, rows) in &s.tables {
            out.push('\n');
            out.push_str(&md_table(h, rows));
        }
    }
    out
}

/// The CSV columns: where a row is, then the self-evaluation form's own columns up to 分值
/// (named as the scoring report names them), then the audit's findings.
fn csv_header() -> Vec<String> {
    let form = crate::report::INDICATOR_HEADER.iter().take(6);
    ["文件", "表", "类型", "行"]
        .iter()
        .chain(form)
        .chain(&["填报得分", "复核得分", "结论", "说明"])
        .map(|s| s.to_string())
        .collect()
}

/// A re-scored value as the policy rounds it (two places), blank when there is none.
fn fixed2(x: Option<rust_decimal::Decimal>) -> String {
    x.map(|v| format!("{v:.2}")).unwrap_or_default()
}

/// The last five columns of a line: 分值, 填报得分, 复核得分, 结论, 说明.
fn verdict_cells(l: &super::verdict::Rescored) -> [String; 5] {
    let opt = |x: Option<rust_decimal::Decimal>| x.map(|v| v.to_string()).unwrap_or_default();
    [
        opt(l.weight),
        opt(l.printed),
        fixed2(l.rescored),
        l.verdict.label().into(),
        l.why.clone(),
    ]
}

pub fn csv(r: &AuditReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut put = |rec: Vec<String>| {
        let _ = w.write_record(&rec);
    };
    put(csv_header());
    for f in &r.files {
        for t in &f.tables {
            let head = |line: &str| {
                vec![
                    f.source.clone(),
                    t.form.name.clone(),
                    t.form.kind.label().into(),
                    line.into(),
                ]
            };
            if let Some(e) = &t.execution {
                let mut rec = head("预算执行率");
                rec.extend([
                    "".into(),
                    "".into(),
                    "预算执行率".into(),
                    "".into(),
                    "".into(),
                ]);
                rec.extend(verdict_cells(e));
                put(rec);
            }
            for (i, row) in t.rows.iter().enumerate() {
                let p = &row.row;
                let mut rec = head(&(i + 1).to_string());
                rec.extend([
                    p.level1.clone(),
                    p.level2.clone(),
                    p.name.text.clone(),
                    p.target.text.clone(),
                    p.actual.text.clone(),
                ]);
                rec.extend(verdict_cells(&row.result));
                put(rec);
            }
            for fd in &t.findings {
                let mut rec = head("表格检查");
                rec.extend(vec![String::new(); 8]);
                rec.extend([fd.id.clone(), format!("{}（{}）", fd.message, fd.at)]);
                put(rec);
            }
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
