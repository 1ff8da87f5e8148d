//! One reader for cells (issue 14): every case of `tests/one_reader_cases.csv` is read from
//! an actuals TOML file, a CSV sheet and an xlsx workbook (a text cell, and a number or
//! date cell where the case gives one), and all of them give the same value or the same
//! error code; the amount cases also through the spending sheet of `monitor`.

use jixiao::actuals::{parse_actuals_csv, parse_actuals_toml, parse_actuals_xlsx, Actuals};
use jixiao::diagnostic::FileDiagnostic;
use jixiao::monitor::parse_spending_csv;
use jixiao::parse::parse_actual;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;
use std::str::FromStr;

const PROJECT: &str = "P1";

struct Case {
    line: usize,
    text: String,
    kind: String,
    expected: String,
    xlsx_cell: String,
    xlsx_format: String,
}

fn cases() -> Vec<Case> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path("tests/one_reader_cases.csv")
        .expect("case file");
    reader
        .records()
        .map(|r| {
            let r = r.expect("case row");
            let cell = |i: usize| r.get(i).unwrap_or("").to_string();
            Case {
                line: r.position().map_or(0, |p| p.line() as usize),
                text: cell(0),
                kind: cell(1),
                expected: cell(2),
                xlsx_cell: cell(3),
                xlsx_format: cell(4),
            }
        })
        .collect()
}

/// The indicator id the case's cell is read under.
fn id(case: &Case) -> &'static str {
    if case.kind == "amount" {
        "spent"
    } else {
        "qty1"
    }
}

fn toml(case: &Case) -> Result<Actuals, Vec<FileDiagnostic>> {
    let text = case.text.replace('\\', "\\\\").replace('"', "\\\"");
    let src = match case.kind.as_str() {
        "amount" => format!("[projects.{PROJECT}]\nspent = \"{text}\"\n"),
        _ => format!("[projects.{PROJECT}.rows]\nqty1 = \"{text}\"\n"),
    };
    parse_actuals_toml(Path::new("actuals.toml"), &src)
}

fn csv_sheet(case: &Case) -> Result<Actuals, Vec<FileDiagnostic>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["project", "indicator", "actual"])
        .expect("w");
    w.write_record([PROJECT, id(case), &case.text]).expect("w");
    let text = String::from_utf8(w.into_inner().expect("csv")).expect("utf-8");
    parse_actuals_csv(Path::new("actuals.csv"), &text, "D1")
}

/// A workbook with the case's cell: its text, or the number or date cell it names.
fn xlsx(case: &Case, typed: bool) -> Result<Actuals, Vec<FileDiagnostic>> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["项目编码", "指标编码", "实际完成值"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    ws.write_string(1, 0, PROJECT).expect("w");
    ws.write_string(1, 1, id(case)).expect("w");
    let format = Format::new().set_num_format(&case.xlsx_format);
    match (typed, case.xlsx_cell.split_once(':')) {
        (true, Some(("n", v))) => {
            let n: f64 = v.parse().expect("number");
            ws.write_number_with_format(1, 2, n, &format).expect("w");
        }
        (true, Some(("d", v))) => {
            let d = ExcelDateTime::parse_from_str(v).expect("date");
            ws.write_datetime_with_format(1, 2, &d, &format).expect("w");
        }
        (true, other) => panic!("line {}: xlsx_cell {other:?}", case.line),
        (false, _) => {
            ws.write_string(1, 2, &case.text).expect("w");
        }
    }
    let bytes = wb.save_to_buffer().expect("save");
    parse_actuals_xlsx(Path::new("actuals.xlsx"), &bytes, "D1", None)
}

/// What a reading gave, comparable across formats: the amount, the parsed actual (as
/// JSON, which has no spans), or the error codes.
fn outcome(case: &Case, read: Result<Actuals, Vec<FileDiagnostic>>) -> String {
    let actuals = match read {
        Ok(a) => a,
        Err(diags) => {
            let codes: Vec<&str> = diags.iter().map(|d| d.diagnostic.code.as_str()).collect();
            return codes.join(" ");
        }
    };
    let project = actuals.projects.get(PROJECT);
    if case.kind == "amount" {
        let spent = project.and_then(|p| p.spent);
        return spent.map_or("no amount".into(), |d| d.normalize().to_string());
    }
    let text = project
        .and_then(|p| p.rows.get("qty1"))
        .and_then(|r| r.actual.clone())
        .unwrap_or_default();
    parsed(&text)
}

fn parsed(text: &str) -> String {
    match parse_actual(text) {
        Ok(p) => serde_json::to_string(&p.value.value).expect("json"),
        Err(diags) => format!(
            "{:?}",
            diags.iter().map(|d| d.code.as_str()).collect::<Vec<_>>()
        ),
    }
}

fn expected(case: &Case) -> String {
    match (case.kind.as_str(), Decimal::from_str(&case.expected)) {
        (_, _) if case.expected.contains("::") => case.expected.clone(),
        ("amount", Ok(d)) => d.normalize().to_string(),
        ("amount", Err(_)) => panic!("line {}: expected `{}`", case.line, case.expected),
        _ => parsed(&case.expected),
    }
}

#[test]
fn the_same_cell_reads_the_same_in_toml_csv_and_xlsx() {
    let all = cases();
    assert!(all.len() >= 25, "{} cases", all.len());
    let mut failures = Vec::new();
    for case in &all {
        let want = expected(case);
        let mut got = vec![
            ("toml", outcome(case, toml(case))),
            ("csv", outcome(case, csv_sheet(case))),
            ("xlsx text cell", outcome(case, xlsx(case, false))),
        ];
        if !case.xlsx_cell.is_empty() {
            got.push(("xlsx typed cell", outcome(case, xlsx(case, true))));
        }
        for (format, value) in got {
            if value != want {
                failures.push(format!(
                    "line {} `{}` ({}) in {format}: got {value}, want {want}",
                    case.line, case.text, case.kind
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same error has the same wording in every format (only the place differs).
#[test]
fn one_error_wording() {
    let case = Case {
        line: 0,
        text: "九点五".into(),
        kind: "amount".into(),
        expected: String::new(),
        xlsx_cell: String::new(),
        xlsx_format: String::new(),
    };
    let message = |read: Result<Actuals, Vec<FileDiagnostic>>| {
        let diags = read.expect_err("refused");
        diags[0].diagnostic.message.clone()
    };
    let wording = "`spent`（全年执行数）「九点五」不是金额";
    assert_eq!(message(toml(&case)), wording);
    assert_eq!(message(csv_sheet(&case)), wording);
    assert_eq!(message(xlsx(&case, false)), format!("Sheet1!C2：{wording}"));
}

/// The mid-year spending sheet of `monitor` reads its 累计支出 with the same reader: every
/// amount case gives the same amount, or the same error under the sheet's own code area.
#[test]
fn the_spending_sheet_reads_amounts_alike() {
    let mut failures = Vec::new();
    for case in cases().iter().filter(|c| c.kind == "amount") {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["project", "spent", "date"]).expect("w");
        w.write_record([PROJECT, &case.text, "2022年6月30日"])
            .expect("w");
        let text = String::from_utf8(w.into_inner().expect("csv")).expect("utf-8");
        let got = match parse_spending_csv(Path::new("spending.csv"), &text) {
            Ok(rows) => rows
                .first()
                .map_or("no row".into(), |r| r.spent.normalize().to_string()),
            Err(diags) => diags
                .iter()
                .map(|d| d.diagnostic.code.replace("spending::", "actuals::"))
                .collect::<Vec<_>>()
                .join(" "),
        };
        let want = expected(case);
        if got != want {
            failures.push(format!(
                "line {} `{}`: got {got}, want {want}",
                case.line, case.text
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
