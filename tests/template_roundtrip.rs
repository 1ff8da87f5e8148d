//! `jixiao template`: the blank actuals sheet for the seed folder, filled in
//! programmatically, reads back through the actuals readers with the values written.

use jixiao::actuals::{parse_actuals_csv, parse_actuals_toml};
use jixiao::check::template::{template_csv, template_toml, BOM, CSV_HEADERS_ZH};
use jixiao::scorecard::load::load_department;
use jixiao::scorecard::Department;
use rust_decimal_macros::dec;
use std::path::Path;

fn seed() -> Department {
    match load_department(Path::new("scorecards/zunhua-sfj-2022")) {
        Ok((d, _)) => d,
        Err(e) => panic!("seed does not load: {e:?}"),
    }
}

#[test]
fn csv_blank_sheet_shape() {
    let dept = seed();
    let text = template_csv(&dept, false);
    let mut lines = text.split("\r\n");
    // Chinese headers by default (issue 16); the reader takes them as well as English ones.
    assert_eq!(lines.next(), Some(CSV_HEADERS_ZH.join(",").as_str()));
    // 126 project rows + 2 budget rows and a 实际完成情况 row per project + 14 department
    // rows, and the header.
    let rows = text.trim_end().split("\r\n").count();
    assert_eq!(rows, 1 + 126 + 3 * 14 + 14);
    assert!(text.contains(
        "13028122P00263110001R,冀财政法【2021】63号河北省财政厅关于提前下达2022年省级基层公检法司转移支付资金的通知（法援）,soc1,效益指标,社会效益指标,提供法律咨询数量（件）,≥80%,,,\r\n"
    ));
    assert!(text.contains(",adjusted_budget,预算执行,,全年预算数（万元）,年初预算数 10.00,,,\r\n"));
    assert!(text.contains(",spent,预算执行,,全年执行数（万元）,,,,\r\n"));
    // The 实际完成情况 row shows the 预期目标 where a target would be.
    assert!(text.contains(
        ",summary,年度总体目标,,实际完成情况,1.单位人员工资发放 2.单位人员各项保险缴纳,,,\r\n"
    ));
    assert!(text.contains(
        "315001,遵化市司法局,qty2,产出指标,数量指标,印制各种法律宣传资料数量,大于等于2000份,,,\r\n"
    ));
    let with_bom = template_csv(&dept, true);
    assert_eq!(with_bom.strip_prefix(BOM), Some(text.as_str()));

    // Blank: every row reads back with no actual, no budget figures.
    let blank = parse_actuals_csv(Path::new("t.csv"), &with_bom, &dept.code).expect("reads");
    assert_eq!(blank.projects.len(), 14);
    assert_eq!(blank.department.len(), 14);
    for p in blank.projects.values() {
        assert!(p.adjusted_budget.is_none() && p.spent.is_none());
        assert!(p.rows.values().all(|r| r.actual.is_none()));
    }
}

#[test]
fn csv_filled_in_reads_back() {
    let dept = seed();
    let text = template_csv(&dept, true);
    let body = text.strip_prefix(BOM).expect("bom");
    let mut rdr = csv::Reader::from_reader(body.as_bytes());
    let headers = rdr.headers().expect("headers").clone();
    let col = |n: &str| headers.iter().position(|h| h == n).expect("column");
    let (pc, ic, ac, rc, bc) = (
        col("项目编码"),
        col("指标编码"),
        col("实际完成值"),
        col("偏差原因分析及改进措施"),
        col("基期值"),
    );
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(&headers).expect("write");
    for rec in rdr.records() {
        let rec = rec.expect("record");
        let mut cells: Vec<String> = rec.iter().map(str::to_string).collect();
        let project = cells[pc].clone();
        let id = cells[ic].clone();
        match (project.as_str(), id.as_str()) {
            ("13028122P00263110001R", "soc1") => {
                cells[ac] = "72件".into();
                cells[rc] = "咨询量下降, 见说明\n第二行".into();
            }
            ("13028122P00263110001R", "adjusted_budget") => cells[ac] = "9.50".into(),
            ("13028122P00263110001R", "spent") => cells[ac] = "9.12".into(),
            ("315001", "soc2") => {
                cells[ac] = "减少6%".into();
                cells[bc] = "3.1%".into();
            }
            ("315001", "qty2") => cells[ac] = "2300份".into(),
            _ => {}
        }
        w.write_record(&cells).expect("write");
    }
    let filled = format!(
        "{BOM}{}",
        String::from_utf8(w.into_inner().expect("bytes")).expect("utf-8")
    );
    let a = parse_actuals_csv(Path::new("filled.csv"), &filled, &dept.code).expect("reads");
    let p = &a.projects["13028122P00263110001R"];
    assert_eq!(p.adjusted_budget, Some(dec!(9.50)));
    assert_eq!(p.spent, Some(dec!(9.12)));
    assert_eq!(p.rows["soc1"].actual.as_deref(), Some("72件"));
    assert_eq!(
        p.rows["soc1"].reason.as_deref(),
        Some("咨询量下降, 见说明\n第二行")
    );
    assert_eq!(p.rows["qty1"].actual, None);
    assert_eq!(a.department["soc2"].actual.as_deref(), Some("减少6%"));
    assert_eq!(a.department["soc2"].baseline.as_deref(), Some("3.1%"));
    assert_eq!(a.department["qty2"].actual.as_deref(), Some("2300份"));
    assert_eq!(a.projects.len(), 14);
}

#[test]
fn toml_blank_and_filled_read_back() {
    let dept = seed();
    let text = template_toml(&dept);
    assert!(text.contains("# 效益指标 / 社会效益指标 · 提供法律咨询数量（件） · 指标值 ≥80%\nsoc1 = { actual = \"\", reason = \"\" }\n"), "{text}");
    assert!(text.contains("# adjusted_budget = \"\"  # 全年预算数（万元）; 年初预算数 10.00\n"));
    // Change targets ask for the baseline.
    assert!(text.contains("soc2 = { actual = \"\", reason = \"\", baseline = \"\" }"));
    let blank = parse_actuals_toml(Path::new("t.toml"), &text).expect("blank template reads");
    assert_eq!(blank.projects.len(), 14);
    assert_eq!(blank.department.len(), 14);
    let rows: usize = blank.projects.values().map(|p| p.rows.len()).sum();
    assert_eq!(rows, 126);

    let mut doc: toml_edit::DocumentMut = text.parse().expect("toml");
    let p = &mut doc["projects"]["13028122P00263110001R"];
    p["spent"] = toml_edit::value("9.12");
    p["rows"]["soc1"]["actual"] = toml_edit::value("72件");
    p["rows"]["soc1"]["reason"] = toml_edit::value("咨询量下降");
    doc["department"]["rows"]["soc2"]["baseline"] = toml_edit::value("3.1%");
    let filled = doc.to_string();
    // Comments survive the edit.
    assert!(filled.contains("# 效益指标 / 社会效益指标 · 提供法律咨询数量（件） · 指标值 ≥80%"));
    let a = parse_actuals_toml(Path::new("filled.toml"), &filled).expect("filled reads");
    let p = &a.projects["13028122P00263110001R"];
    assert_eq!(p.spent, Some(dec!(9.12)));
    assert_eq!(p.rows["soc1"].actual.as_deref(), Some("72件"));
    assert_eq!(p.rows["soc1"].reason.as_deref(), Some("咨询量下降"));
    assert_eq!(a.department["soc2"].baseline.as_deref(), Some("3.1%"));
}

#[test]
fn cli_writes_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("actuals.csv");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args([
            "template",
            "scorecards/zunhua-sfj-2022",
            "--format",
            "csv",
            "--bom",
            "-o",
        ])
        .arg(&out)
        .status()
        .expect("runs");
    assert!(status.success());
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with(BOM));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["template", "scorecards/zunhua-sfj-2022", "--bom"])
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(2), "--bom is for csv");
}

#[test]
fn summary_rows_carry_the_projects_achievement_in_every_format() {
    let dept = seed();
    let code = "13028122P00306510001A";
    let csv = format!(
        "project,indicator,actual\r\n{code},summary,按计划完成化解任务。\r\n{code},spent,9.86\r\n"
    );
    let a = parse_actuals_csv(Path::new("a.csv"), &csv, &dept.code).expect("reads");
    let p = &a.projects[code];
    assert_eq!(p.summary.as_deref(), Some("按计划完成化解任务。"));
    assert_eq!(p.spent.map(|d| d.to_string()).as_deref(), Some("9.86"));
    // TOML: `summary` next to `spent`.
    let toml = format!("[projects.\"{code}\"]\nsummary = \"按计划完成化解任务。\"\n");
    let a = jixiao::actuals::parse_actuals_toml(Path::new("a.toml"), &toml).expect("reads");
    assert_eq!(
        a.projects[code].summary.as_deref(),
        Some("按计划完成化解任务。")
    );
}
