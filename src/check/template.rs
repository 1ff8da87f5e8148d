//! `jixiao template`: the blank year-end actuals sheet for a scorecard folder, in the
//! formats `crate::actuals` reads — CSV (`load_csv.rs`) for spreadsheets, TOML
//! (`load_toml.rs`) for editing by hand. Filled in, either reads back with
//! [`crate::actuals::parse_actuals_csv`] / [`crate::actuals::parse_actuals_toml`].

use crate::actuals::{ADJUSTED_BUDGET_ID, SPENT_ID, SUMMARY_ID};
use crate::model::TargetKind;
use crate::scorecard::{Department, Indicator, Project};

/// The CSV columns, in order. `project`, `indicator`, `actual`, `reason` and `baseline`
/// are the names the CSV reader looks for; the rest are there for the person filling in
/// the sheet and are ignored when it is read.
pub const CSV_COLUMNS: &[&str] = &[
    "project",
    "project_name",
    "indicator",
    "level1",
    "level2",
    "name",
    "target",
    "actual",
    "reason",
    "baseline",
];

/// The same columns as Chinese headers, written by default (`--lang en` writes
/// [`CSV_COLUMNS`]); the CSV reader takes either. They are the xlsx template's headers
/// plus 项目名称, with 偏差原因 under its full name, so the two sheets cannot drift apart.
pub const CSV_HEADERS_ZH: &[&str] = &[
    XLSX[0],
    "项目名称",
    XLSX[1],
    XLSX[2],
    XLSX[3],
    XLSX[4],
    XLSX[5],
    XLSX[6],
    "偏差原因分析及改进措施",
    XLSX[8],
];
/// The xlsx template's headers (constant indexing: a wrong index does not compile).
const XLSX: [&str; 9] = crate::report::template_xlsx::HEADERS;

/// The header row in the current language ([`crate::i18n`]).
pub fn csv_headers() -> &'static [&'static str] {
    match crate::i18n::current() {
        crate::i18n::Lang::Zh => CSV_HEADERS_ZH,
        crate::i18n::Lang::En => CSV_COLUMNS,
    }
}

/// The byte-order mark Excel needs to open a UTF-8 CSV as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The blank sheet as CSV: one row per indicator of every project, then the project's
/// budget rows (`adjusted_budget` 全年预算数, `spent` 全年执行数, in 万元), then the
/// department's own indicators keyed by the department code. `bom` puts a UTF-8
/// byte-order mark first, for Excel.
pub fn template_csv(dept: &Department, bom: bool) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 10]> = Vec::new();
    for p in &dept.projects {
        for ind in &p.indicators {
            rows.push(csv_row(&p.code, &p.name, ind));
        }
        rows.push(budget_row(
            p,
            ADJUSTED_BUDGET_ID,
            "全年预算数（万元）",
            format!("年初预算数 {}", p.budget),
        ));
        rows.push(budget_row(p, SPENT_ID, "全年执行数（万元）", String::new()));
        rows.push(summary_row(p));
    }
    for ind in &dept.indicators {
        rows.push(csv_row(&dept.code, &dept.name, ind));
    }
    // Writing to a Vec cannot fail; a failure would only drop rows, never panic.
    let _ = w.write_record(csv_headers());
    for r in &rows {
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    let body = String::from_utf8(bytes).unwrap_or_default();
    if bom {
        format!("{BOM}{body}")
    } else {
        body
    }
}

fn csv_row(code: &str, owner: &str, ind: &Indicator) -> [String; 10] {
    [
        code.to_string(),
        owner.to_string(),
        ind.id.clone(),
        ind.level1.clone(),
        ind.level2.clone(),
        ind.name.clone(),
        ind.target_text.trim().to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

fn budget_row(p: &Project, id: &str, name: &str, target: String) -> [String; 10] {
    [
        p.code.clone(),
        p.name.clone(),
        id.to_string(),
        "预算执行".to_string(),
        String::new(),
        name.to_string(),
        target,
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// The row for the project's 实际完成情况; its target column shows the 预期目标.
fn summary_row(p: &Project) -> [String; 10] {
    let mut row = budget_row(p, SUMMARY_ID, "实际完成情况", p.goals.join(" "));
    row[3] = "年度总体目标".to_string();
    row
}

/// A TOML basic string (quoted, escaped).
fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

/// A TOML key: bare when it can be, quoted otherwise.
fn key(s: &str) -> String {
    toml_edit::Key::new(s).display_repr().to_string()
}

/// Text safe inside a `#` comment: one line.
fn comment(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn toml_row(out: &mut String, ind: &Indicator) {
    out.push_str(&format!(
        "# {} / {} · {} · 指标值 {}\n",
        comment(&ind.level1),
        comment(&ind.level2),
        comment(&ind.name),
        comment(&ind.target_text)
    ));
    let is_change = matches!(
        ind.target.as_ref().map(|t| &t.kind),
        Some(TargetKind::Change(_))
    );
    if is_change {
        out.push_str(&format!(
            "{} = {{ actual = \"\", reason = \"\", baseline = \"\" }}  # baseline: 上年值（实际完成值写“增长3.5%”时留空即可）\n",
            key(&ind.id)
        ));
    } else {
        out.push_str(&format!(
            "{} = {{ actual = \"\", reason = \"\" }}\n",
            key(&ind.id)
        ));
    }
}

/// The blank sheet as TOML, with a comment above each row naming it and its target.
/// Budget figures are commented out (an empty amount is not a number): remove the `#`
/// when filling them in.
pub fn template_toml(dept: &Department) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# 年终实际完成值 — {} {}，{}年度\n",
        comment(&dept.name),
        comment(&dept.code),
        dept.fiscal_year
    ));
    out.push_str(
        "# 由 `jixiao template` 生成。每一行填写 `actual`（实际完成值：\"2300份\"、\"92.5%\"、\n",
    );
    out.push_str("# \"2022-11-20\"、\"达成\"、\"不适用\" ……）；未达到目标的行填写 `reason`（偏差原因分析及\n");
    out.push_str(
        "# 改进措施）；变化类指标可填 `baseline`（上年值），实际完成值写成“增长3.5%”时留空即可。\n",
    );
    out.push_str("# 留空的行按未填写列出，总分标为「不完整」。\n");
    out.push_str(
        "# 预算金额单位为万元：去掉 `spent`（全年执行数）行首的 `#` 并填写；预算有调整时，\n",
    );
    out.push_str("# 同样填写 `adjusted_budget`（全年预算数）。\n");
    out.push_str("# `summary`（实际完成情况）用文字说明项目对照年度总体目标的完成情况。\n");
    out.push_str("# 评分：jixiao score 部门目录 --actuals 本文件\n");
    for (n, p) in dept.projects.iter().enumerate() {
        out.push('\n');
        out.push_str(&format!("# {}. {}\n", n + 1, comment(&p.name)));
        out.push_str(&format!("[projects.{}]\n", quoted(&p.code)));
        out.push_str(&format!(
            "# adjusted_budget = \"\"  # 全年预算数（万元）; 年初预算数 {}\n",
            p.budget
        ));
        out.push_str("# spent = \"\"  # 全年执行数（万元）\n");
        out.push_str("# summary = \"\"  # 实际完成情况（对照年度总体目标，文字）\n");
        out.push('\n');
        out.push_str(&format!("[projects.{}.rows]\n", quoted(&p.code)));
        for ind in &p.indicators {
            toml_row(&mut out, ind);
        }
    }
    if !dept.indicators.is_empty() {
        out.push('\n');
        out.push_str(&format!(
            "# 部门整体：{} 的部门整体指标\n",
            comment(&dept.name)
        ));
        out.push_str("[department.rows]\n");
        for ind in &dept.indicators {
            toml_row(&mut out, ind);
        }
    }
    out
}
