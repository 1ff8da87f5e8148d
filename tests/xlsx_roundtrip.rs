//! Issue 6 acceptance: template xlsx → filled by this test → actuals read back → `score
//! --format xlsx` → read with calamine: every score equals the JSON output's. Also the
//! plain sheet typed by a person (Chinese headers, merged cells, numbers as numbers),
//! bad cells reported as `Sheet!B7`, and the CLI's refusal to print a workbook.

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use jixiao::actuals::{float_text, load_actuals, parse_actuals_xlsx, Actuals};
use jixiao::evaluate::{evaluate, ScoredDepartment};
use jixiao::report::{render, render_bytes, template_xlsx, Format};
use jixiao::scorecard::load::load_department;
use jixiao::scorecard::Department;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format as XFormat, Workbook};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

const SEED: &str = "scorecards/zunhua-sfj-2022";

fn seed() -> (Department, Actuals) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (dept, _) = load_department(&root.join(SEED)).expect("seed loads");
    let actuals = load_actuals(&root.join(SEED).join("actuals.toml"), &dept.code).expect("actuals");
    (dept, actuals)
}

fn score(dept: &Department, a: &Actuals) -> ScoredDepartment {
    evaluate(dept, a, &jixiao::policy::builtin_policy())
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => float_text(*f).unwrap_or_default(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("opens")
}

/// The template, filled from the seed's `actuals.toml`: every sheet copied cell by cell
/// into a new workbook with the input columns written in. A plain-number actual is written
/// as a number cell (`2300` → 2300.0), everything else as text.
fn fill_template(template: &[u8], a: &Actuals, dept_code: &str) -> Vec<u8> {
    let mut book = open(template);
    let mut wb = Workbook::new();
    let mut filled = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        let ws = wb.add_worksheet();
        ws.set_name(&name).expect("name");
        let mut header = None;
        for (r, row) in range.rows().enumerate() {
            let r = r as u32 + range.start().map_or(0, |s| s.0);
            let texts: Vec<String> = row.iter().map(cell_text).collect();
            for (c, t) in texts.iter().enumerate() {
                if !t.is_empty() {
                    ws.write_string(r, c as u16, t).expect("write");
                }
            }
            if texts.first().map(String::as_str) == Some("项目编码") {
                header = Some(r);
                continue;
            }
            if header.is_none() {
                continue;
            }
            let (code, id) = (texts[0].as_str(), texts[1].as_str());
            let (value, reason, baseline) = if code == dept_code {
                match a.department.get(id) {
                    Some(x) => (x.actual.clone(), x.reason.clone(), x.baseline.clone()),
                    None => continue,
                }
            } else {
                let Some(p) = a.projects.get(code) else {
                    continue;
                };
                match id {
                    "adjusted_budget" => (p.adjusted_budget.map(|d| d.to_string()), None, None),
                    "spent" => (p.spent.map(|d| d.to_string()), None, None),
                    "summary" => (p.summary.clone(), None, None),
                    _ => match p.rows.get(id) {
                        Some(x) => (x.actual.clone(), x.reason.clone(), x.baseline.clone()),
                        None => continue,
                    },
                }
            };
            for (c, v) in [(6u16, value), (7, reason), (8, baseline)] {
                let Some(v) = v else { continue };
                filled += 1;
                match v.parse::<f64>() {
                    Ok(f) if Decimal::from_str(&v).is_ok() => {
                        ws.write_number(r, c, f).expect("number");
                    }
                    _ => {
                        ws.write_string(r, c, &v).expect("text");
                    }
                }
            }
        }
    }
    assert!(filled > 100, "the test filled {filled} cells");
    wb.save_to_buffer().expect("saves")
}

/// The JSON with every decimal string normalised: a number cell `10.00` reads `10`, the
/// same amount as the TOML's `"10.00"`.
fn canon(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => match Decimal::from_str(&s) {
            Ok(d) => Value::String(d.normalize().to_string()),
            Err(_) => Value::String(s),
        },
        Value::Array(a) => Value::Array(a.into_iter().map(canon).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, canon(v))).collect()),
        other => other,
    }
}

fn same_json(a: &str, b: &str) -> bool {
    let parse = |s: &str| canon(serde_json::from_str(s).expect("json"));
    parse(a) == parse(b)
}

fn num(d: &Data) -> Option<Decimal> {
    match d {
        Data::Float(f) => float_text(*f).and_then(|s| Decimal::from_str(&s).ok()),
        Data::Int(i) => Some(Decimal::from(*i)),
        _ => None,
    }
}

#[test]
fn template_filled_scores_like_toml_and_xlsx_report_matches_json() {
    let (dept, toml_actuals) = seed();
    let template = template_xlsx(&dept).expect("template");
    let filled = fill_template(&template, &toml_actuals, &dept.code);
    let xlsx_actuals =
        parse_actuals_xlsx(Path::new("filled.xlsx"), &filled, &dept.code, Some(&dept))
            .unwrap_or_else(|d| panic!("{}", jixiao::diagnostic::render_file_diagnostics(&d)));

    // Same actuals → the same scored department, figure for figure.
    let from_toml = score(&dept, &toml_actuals);
    let from_xlsx = score(&dept, &xlsx_actuals);
    let json = render(&from_xlsx, Format::Json);
    assert!(
        same_json(&json, &render(&from_toml, Format::Json)),
        "xlsx actuals score differently"
    );
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");

    // The 自评表 workbook, read back with calamine.
    let report = render_bytes(&from_xlsx, Format::Xlsx).expect("xlsx");
    let mut book = open(&report);
    let names = book.sheet_names();
    assert_eq!(names.len(), dept.projects.len() + 1);
    assert_eq!(names[0], "部门整体");
    let projects = json["projects"].as_array().expect("projects");
    for (i, p) in projects.iter().enumerate() {
        let range = book.worksheet_range(&names[i + 1]).expect("sheet");
        let rows: Vec<&[Data]> = range.rows().collect();
        // Total: the row whose first cell is 总分; column H is the score, a number.
        let total = rows
            .iter()
            .find(|r| cell_text(&r[0]) == "总分")
            .expect("总分 row");
        let want = Decimal::from_str(p["score"].as_str().expect("score")).expect("dec");
        assert_eq!(num(&total[7]), Some(want), "total of {}", names[i + 1]);
        // An incomplete total says so beside its grade (issue 16).
        let incomplete = p["incomplete"]
            .as_str()
            .map(|why| format!("（不完整：{why}）"))
            .unwrap_or_default();
        assert_eq!(
            cell_text(&total[8]),
            format!(
                "自评等级：{}{incomplete}",
                p["grade"].as_str().unwrap_or("")
            )
        );
        // Every indicator row: 三级指标 in D, 得分 in H.
        for ind in p["indicators"].as_array().expect("rows") {
            let row = rows
                .iter()
                .find(|r| {
                    cell_text(&r[3]) == ind["name"].as_str().unwrap_or("")
                        && cell_text(&r[2]) == ind["level2"].as_str().unwrap_or("")
                        || (cell_text(&r[3]) == ind["name"].as_str().unwrap_or("")
                            && cell_text(&r[4]) == ind["target"].as_str().unwrap_or(""))
                })
                .expect("indicator row");
            match ind["score"].as_str() {
                Some(s) => assert_eq!(num(&row[7]), Decimal::from_str(s).ok(), "{}", ind["id"]),
                None => assert!(matches!(row[7], Data::String(_))),
            }
        }
        // 年初预算数 其中：当年财政拨款 (C), a number when the scorecard gives it.
        let fiscal = rows
            .iter()
            .find(|r| cell_text(&r[1]) == "其中：当年财政拨款")
            .expect("财政拨款 row");
        match p["execution"]["fiscal_funds"].as_str() {
            Some(f) => assert_eq!(num(&fiscal[2]), Decimal::from_str(f).ok()),
            None => assert_eq!(cell_text(&fiscal[2]), "—"),
        }
        // 年度总体目标: 预期目标 (B) and 实际完成情况 (F) on the row below the labels.
        let labels = rows
            .iter()
            .position(|r| cell_text(&r[0]) == "年度总体目标")
            .expect("年度总体目标 row");
        let goals: Vec<&str> = p["goals"]
            .as_array()
            .expect("goals")
            .iter()
            .filter_map(|g| g.as_str())
            .collect();
        let below = rows[labels + 1];
        assert_eq!(cell_text(&below[1]), goals.join("\n"), "{}", names[i + 1]);
        let summary = p["summary"].as_str().unwrap_or("（未填写）");
        assert_eq!(cell_text(&below[5]), summary, "{}", names[i + 1]);
        // Budget block: the 年度资金总额 row; 执行率 numeric (a fraction) and 得分.
        let money = rows
            .iter()
            .find(|r| cell_text(&r[1]) == "年度资金总额")
            .expect("budget row");
        let exec = &p["execution"];
        if let Some(s) = exec["score"].as_str() {
            assert_eq!(num(&money[7]), Decimal::from_str(s).ok());
        }
        if let Some(rate) = exec["rate"].as_str() {
            let rate = Decimal::from_str(rate).expect("rate").round_dp(6);
            assert_eq!(num(&money[6]), Some(rate.normalize()));
        }
        assert_eq!(num(&money[5]), Some(Decimal::from(10)));
    }
    // The summary sheet: department total and 项目支出综合得分.
    let range = book.worksheet_range("部门整体").expect("summary");
    let rows: Vec<&[Data]> = range.rows().collect();
    let total = rows
        .iter()
        .find(|r| cell_text(&r[0]) == "总分")
        .expect("总分");
    let d = &json["department"];
    assert_eq!(
        num(&total[7]),
        Decimal::from_str(d["score"].as_str().unwrap_or("x")).ok()
    );
    let comp = rows
        .iter()
        .find(|r| cell_text(&r[0]).starts_with("项目支出综合得分"))
        .expect("composite");
    assert_eq!(
        num(&comp[6]),
        Decimal::from_str(d["projects_composite"].as_str().unwrap_or("x")).ok()
    );
}

/// A plain sheet typed by a person: Chinese headers, 项目编码 merged down, 二级指标 left
/// blank under its first row, numbers stored as numbers, a placeholder row, a note sheet.
#[test]
fn plain_sheet_by_hand() {
    let (dept, _) = seed();
    let mut wb = Workbook::new();
    let note = wb.add_worksheet();
    note.set_name("说明").expect("name");
    note.write_string(0, 0, "这是说明页，没有表头").expect("w");
    let ws = wb.add_worksheet();
    ws.set_name("实际完成值").expect("name");
    ws.write_string(0, 0, "2022年度项目实际完成情况")
        .expect("w");
    for (c, h) in ["项目编码", "二级指标", "三级指标", "实际完成值", "偏差原因"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("w");
    }
    let code = "13028122P00306510001A";
    let f = XFormat::new();
    ws.merge_range(2, 0, 6, 0, code, &f).expect("merge");
    ws.write_string(2, 1, "数量指标").expect("w");
    ws.write_string(2, 2, "论文、研究报告数量").expect("w");
    ws.write_number(2, 3, 4.0).expect("w");
    ws.write_string(3, 1, "质量指标").expect("w");
    ws.write_string(3, 2, "覆盖率").expect("w");
    ws.write_number(3, 3, 95.0).expect("w"); // a number cell in a % row: reads 95 → 95%
    ws.write_string(4, 2, "指标1：").expect("w"); // placeholder with a stray value
    ws.write_string(4, 3, "……").expect("w");
    ws.write_string(5, 2, "全年执行数（万元）").expect("w");
    ws.write_number(5, 3, 9.86).expect("w");
    ws.write_string(6, 1, "满意度指标").expect("w");
    ws.write_string(6, 2, "不存在的指标").expect("w");
    ws.write_string(6, 3, "达成").expect("w");
    // Project 10 has 社会稳定水平 twice under different 二级指标.
    ws.write_string(7, 0, "13028122P00306410001L").expect("w");
    ws.write_string(7, 2, "社会稳定水平").expect("w");
    ws.write_string(7, 3, "达成").expect("w");
    ws.write_string(8, 0, "13028122P00306410001L").expect("w");
    ws.write_string(8, 1, "社会效益指标").expect("w");
    ws.write_string(8, 2, "社会稳定水平").expect("w");
    ws.write_string(8, 3, "达成").expect("w");
    ws.write_string(9, 0, "13028122P99999999999X").expect("w");
    ws.write_string(9, 2, "覆盖率").expect("w");
    ws.write_string(9, 3, "90%").expect("w");
    let bytes = wb.save_to_buffer().expect("save");

    let err = parse_actuals_xlsx(Path::new("hand.xlsx"), &bytes, &dept.code, Some(&dept))
        .expect_err("bad keys are errors");
    let msgs: Vec<String> = err.iter().map(|d| d.diagnostic.message.clone()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(
        msgs[0].starts_with(
            "实际完成值!C7：项目「13028122P00306510001A」中没有指标「满意度指标 / 不存在的指标」"
        ),
        "{msgs:#?}"
    );
    assert!(
        msgs[1].starts_with(
            "实际完成值!C8：项目「13028122P00306410001L」中有 2 个指标都叫「社会稳定水平」"
        ),
        "{msgs:#?}"
    );
    assert!(
        msgs[2].starts_with("实际完成值!A10：没有项目编码为"),
        "{msgs:#?}"
    );

    // The rest of the sheet was read: drop the bad rows and read it again.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("实际完成值").expect("name");
    for (c, h) in ["项目编码", "二级指标", "三级指标", "实际完成值", "偏差原因"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    ws.merge_range(1, 0, 4, 0, code, &f).expect("merge");
    ws.write_string(1, 1, "数量指标").expect("w");
    ws.write_string(1, 2, "论文、研究报告数量").expect("w");
    ws.write_number(1, 3, 4.0).expect("w");
    ws.write_string(2, 1, "质量指标").expect("w");
    ws.write_string(2, 2, "覆盖率").expect("w");
    ws.write_number(2, 3, 95.0).expect("w");
    ws.write_string(3, 2, "指标1：").expect("w");
    ws.write_string(3, 3, "……").expect("w");
    ws.write_string(4, 2, "全年执行数（万元）").expect("w");
    ws.write_number(4, 3, 9.86).expect("w");
    ws.write_string(5, 0, "13028122P00306410001L").expect("w");
    ws.write_string(5, 1, "社会效益指标").expect("w");
    ws.write_string(5, 2, "社会稳定水平").expect("w");
    ws.write_string(5, 3, "达成").expect("w");
    let bytes = wb.save_to_buffer().expect("save");
    let a = parse_actuals_xlsx(Path::new("hand.xlsx"), &bytes, &dept.code, Some(&dept))
        .unwrap_or_else(|d| panic!("{}", jixiao::diagnostic::render_file_diagnostics(&d)));
    let p = &a.projects[code];
    assert_eq!(p.rows["qty1"].actual.as_deref(), Some("4"));
    assert_eq!(p.rows["qlt1"].actual.as_deref(), Some("95"));
    assert_eq!(p.spent, Some(Decimal::from_str("9.86").expect("d")));
    assert_eq!(p.rows.len(), 2);
    let p10 = &a.projects["13028122P00306410001L"];
    assert_eq!(p10.rows.len(), 1);
    let scored = score(&dept, &a);
    let qlt1 = scored.projects[0]
        .indicators
        .iter()
        .find(|r| r.id == "qlt1")
        .expect("qlt1");
    // 95 against ≥70% reads as 95%: full points, not 0.95%.
    assert_eq!(qlt1.score, Some(qlt1.points));
}

/// A person types `95%` into a cell Excel formats as a percentage: the cell holds the
/// number 0.95 with a `0%` format. It reads `95%` (not 0.95) and scores against `≥90%`.
#[test]
fn percent_formatted_number_cells_read_as_percent() {
    let (dept, _) = seed();
    let code = "13028122P00262810001A"; // project 6: soc1, env1, sat1 are all ≥90%
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("自评").expect("name");
    for (c, h) in ["项目编码", "二级指标", "三级指标", "实际完成值", "偏差原因"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    let pct0 = XFormat::new().set_num_format("0%");
    let pct2 = XFormat::new().set_num_format("0.00%");
    let pct_custom = XFormat::new().set_num_format("#,##0.0%;[Red]-#,##0.0%");
    let quoted = XFormat::new().set_num_format("0\"%\"");
    ws.merge_range(1, 0, 3, 0, code, &XFormat::new())
        .expect("merge");
    ws.write_string(1, 1, "社会效益指标").expect("w");
    ws.write_string(1, 2, "群众满意度").expect("w");
    ws.write_number_with_format(1, 3, 0.95, &pct0).expect("w");
    ws.write_string(2, 1, "生态效益指标").expect("w");
    ws.write_string(2, 2, "建设项目环评执行率（%）").expect("w");
    ws.write_number(2, 3, 95.0).expect("w"); // unformatted: reads 95
    ws.write_string(3, 1, "服务对象满意度指标").expect("w");
    ws.write_string(3, 2, "办理单位满意度").expect("w");
    ws.write_number_with_format(3, 3, 0.925, &pct2).expect("w");
    // A percent-formatted number outside 实际完成值 is left as it is.
    ws.write_number_with_format(3, 4, 0.5, &pct2).expect("w");
    let bytes = wb.save_to_buffer().expect("save");
    let a = parse_actuals_xlsx(Path::new("hand.xlsx"), &bytes, &dept.code, Some(&dept))
        .unwrap_or_else(|d| panic!("{}", jixiao::diagnostic::render_file_diagnostics(&d)));
    let p = &a.projects[code];
    assert_eq!(p.rows["soc1"].actual.as_deref(), Some("95%"));
    assert_eq!(p.rows["env1"].actual.as_deref(), Some("95"));
    assert_eq!(p.rows["sat1"].actual.as_deref(), Some("92.5%"));
    assert_eq!(p.rows["sat1"].reason.as_deref(), Some("0.5"));

    let scored = score(&dept, &a);
    let project = scored
        .projects
        .iter()
        .find(|p| p.code == code)
        .expect("project 6");
    for id in ["soc1", "env1", "sat1"] {
        let row = project.indicators.iter().find(|r| r.id == id).expect("row");
        assert_eq!(row.score, Some(row.points), "{id}: {row:?}");
    }

    // A custom percent code scales; a quoted `"%"` is only a literal sign and does not.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["项目编码", "二级指标", "三级指标", "实际完成值"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    for r in 1..=2u32 {
        ws.write_string(r, 0, code).expect("w");
    }
    ws.write_string(1, 1, "社会效益指标").expect("w");
    ws.write_string(1, 2, "群众满意度").expect("w");
    ws.write_number_with_format(1, 3, 0.955, &pct_custom)
        .expect("w");
    ws.write_string(2, 1, "服务对象满意度指标").expect("w");
    ws.write_string(2, 2, "办理单位满意度").expect("w");
    ws.write_number_with_format(2, 3, 96.0, &quoted).expect("w");
    let bytes = wb.save_to_buffer().expect("save");
    let a = parse_actuals_xlsx(Path::new("hand.xlsx"), &bytes, &dept.code, Some(&dept))
        .unwrap_or_else(|d| panic!("{}", jixiao::diagnostic::render_file_diagnostics(&d)));
    let p = &a.projects[code];
    assert_eq!(p.rows["soc1"].actual.as_deref(), Some("95.5%"));
    assert_eq!(p.rows["sat1"].actual.as_deref(), Some("96"));
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jixiao"))
}

#[test]
fn cli_xlsx_needs_output_and_html_is_self_contained() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(bin())
        .args(["score", SEED, "--format", "xlsx"])
        .current_dir(root)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE.xlsx"));
    assert!(out.stdout.is_empty());

    let dir = tempfile::tempdir().expect("tmp");
    let html = dir.path().join("r.html");
    let xlsx = dir.path().join("r.xlsx");
    for (fmt, path) in [("html", &html), ("xlsx", &xlsx)] {
        let st = Command::new(bin())
            .args(["score", SEED, "--format", fmt, "-o"])
            .arg(path)
            .current_dir(root)
            .status()
            .expect("runs");
        assert_eq!(st.code(), Some(0), "{fmt}");
    }
    let text = std::fs::read_to_string(&html).expect("html");
    assert!(text.starts_with("<!DOCTYPE html>"));
    for bad in [
        "http://", "https://", "<script", "<link", "src=", "@import", "url(",
    ] {
        assert!(!text.contains(bad), "the report contains `{bad}`");
    }
    assert!(text.contains("<svg"));
    assert!(text.contains("Microsoft YaHei") && text.contains("Noto Sans CJK SC"));
    assert!(text.contains("<details>"));
    assert!(text.contains("@page{size:A4"));
    let bytes = std::fs::read(&xlsx).expect("xlsx");
    assert!(bytes.starts_with(b"PK"));

    // Reading the filled template through the binary, too.
    let (dept, a) = seed();
    let filled = fill_template(&template_xlsx(&dept).expect("t"), &a, &dept.code);
    let fpath = dir.path().join("filled.xlsx");
    std::fs::write(&fpath, filled).expect("w");
    let json = |actuals: &Path| {
        let o = Command::new(bin())
            .args(["score", SEED, "--format", "json", "--actuals"])
            .arg(actuals)
            .current_dir(root)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert!(same_json(
        &json(&fpath),
        &json(&root.join(SEED).join("actuals.toml"))
    ));
}

#[test]
fn bad_cells_are_reported_with_their_position_and_the_rest_is_read() {
    let (dept, _) = seed();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").expect("n");
    for (c, h) in ["项目编码", "指标编码", "实际完成值"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    let code = "13028122P00306510001A";
    ws.write_string(1, 0, code).expect("w");
    ws.write_string(1, 1, "spent").expect("w");
    ws.write_string(1, 2, "九万").expect("w");
    ws.write_string(2, 0, code).expect("w");
    ws.write_string(2, 1, "qty9").expect("w");
    ws.write_string(2, 2, "4个").expect("w");
    ws.write_string(3, 0, code).expect("w");
    ws.write_string(3, 1, "qty1").expect("w");
    ws.write_string(3, 2, "4个").expect("w");
    let bytes = wb.save_to_buffer().expect("s");
    let err = parse_actuals_xlsx(Path::new("b.xlsx"), &bytes, &dept.code, Some(&dept))
        .expect_err("errors");
    let text = jixiao::diagnostic::render_file_diagnostics(&err);
    assert!(
        // The wording of TOML and CSV (one cell reader), at the cell.
        text.contains("Sheet1!C2：`spent`（全年执行数）「九万」不是金额"),
        "{text}"
    );
    assert!(
        text.contains("Sheet1!B3：项目「13028122P00306510001A」中没有编码为 `qty9` 的指标"),
        "{text}"
    );
    assert_eq!(err.len(), 2, "{text}");
}

/// Writes the seed's template (filled and blank) and report workbooks into
/// `$JIXIAO_XLSX_OUT` for the independent reader of `.ci/checks/xlsx.sh`.
#[test]
fn writes_files() {
    let Some(dir) = std::env::var_os("JIXIAO_XLSX_OUT") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let (dept, a) = seed();
    let template = template_xlsx(&dept).expect("template");
    std::fs::write(dir.join("template.xlsx"), &template).expect("w");
    std::fs::write(
        dir.join("filled.xlsx"),
        fill_template(&template, &a, &dept.code),
    )
    .expect("w");
}
