//! One bad-cell policy for xlsx actuals (issue 16), as for CSV: `score` reports every bad
//! cell of the workbook in one run, still prints the report with the rows and totals they
//! leave open marked 「不完整」, and exits 1.

mod common;

use rust_xlsxwriter::Workbook;

const DEPT: &str = "tests/broken/34-actuals-csv-row-twice/dept";
const PROJECT: &str = "900001P001";

/// A workbook with a bad amount (C2) and an indicator id the project does not have (B4)
/// among good rows.
fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("自评").expect("name");
    let rows = [
        ["项目编码", "指标编码", "实际完成值"],
        [PROJECT, "spent", "九万"],
        [PROJECT, "qty1", "2400份"],
        [PROJECT, "soc9", "5%"],
        [PROJECT, "sat1", "85%"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).expect("w");
        }
    }
    wb.save_to_buffer().expect("save")
}

#[test]
fn every_bad_cell_is_reported_and_the_rest_is_scored() {
    let dir = tempfile::tempdir().expect("tmp");
    let book = dir.path().join("actuals.xlsx");
    std::fs::write(&book, workbook()).expect("write");
    let out = common::jixiao()
        .args(["score", DEPT, "--format", "csv", "--actuals"])
        .arg(&book)
        .output()
        .expect("runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .contains("错误[actuals::bad-amount]：自评!C2：`spent`（全年执行数）「九万」不是金额"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "错误[actuals::xlsx-key]：自评!B4：项目「900001P001」中没有编码为 `soc9` 的指标"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("2 处实际完成值表的问题"), "{stderr}");
    // The good rows are scored; the bad ones are unfilled and the totals incomplete.
    let row = |id: &str| {
        stdout
            .lines()
            .find(|l| {
                l.starts_with(&format!("project,{PROJECT},"))
                    && l.contains(&format!(",indicator,{id},"))
            })
            .unwrap_or_else(|| panic!("row {id}:\n{stdout}"))
            .to_string()
    };
    assert!(row("qty1").contains(",2400份,"), "{stdout}");
    assert!(row("sat1").contains(",85%,"), "{stdout}");
    assert!(row("soc1").contains("未填写实际完成值"), "{stdout}");
    let total = stdout
        .lines()
        .find(|l| l.starts_with(&format!("project,{PROJECT},")) && l.contains(",total,"))
        .unwrap_or_else(|| panic!("total:\n{stdout}"));
    assert!(total.contains("incomplete"), "{total}");
}

/// A row given twice is reported and left unscored, as in CSV: which value is right is
/// not the reader's to guess.
#[test]
fn a_row_given_twice_is_not_scored() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["项目编码", "指标编码", "实际完成值"],
        [PROJECT, "qty1", "2300份"],
        [PROJECT, "qty1", "2400份"],
        [PROJECT, "sat1", "85%"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).expect("w");
        }
    }
    let bytes = wb.save_to_buffer().expect("save");
    let (actuals, diags) = jixiao::actuals::parse_actuals_xlsx_lenient(
        std::path::Path::new("a.xlsx"),
        &bytes,
        "900001",
        None,
    )
    .expect("readable");
    let codes: Vec<&str> = diags.iter().map(|d| d.diagnostic.code.as_str()).collect();
    assert_eq!(codes, ["actuals::duplicate"]);
    let rows = &actuals.projects[PROJECT].rows;
    assert!(!rows.contains_key("qty1"), "{rows:?}");
    assert_eq!(rows["sat1"].actual.as_deref(), Some("85%"));
}
