//! Fit for the people who use jixiao (issue 16): GBK and UTF-16 files read, CSV that
//! Excel opens (BOM, no formula injection), the output format taken from `-o`, and the
//! other points of the issue, each through the binary as a user runs it. Table-driven
//! cases live in `tests/people_fit/`.

mod common;
use common::copy_dir;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed() -> PathBuf {
    root().join("scorecards/zunhua-sfj-2022")
}

fn jixiao<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run jixiao")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

/// The rows of a case file: `#` lines are notes, the first other line is the header.
fn cases(name: &str) -> Vec<csv::StringRecord> {
    let raw =
        std::fs::read_to_string(root().join("tests/people_fit").join(name)).expect("case file");
    let body: String = raw
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("case row"))
        .collect()
}

#[test]
fn the_output_format_follows_the_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    for case in cases("output_formats.csv") {
        let (file, flags, exit, start, err) = (&case[0], &case[1], &case[2], &case[3], &case[4]);
        let out = dir.path().join(file);
        let _ = std::fs::remove_file(&out);
        let mut args: Vec<std::ffi::OsString> = vec!["score".into(), seed().into()];
        args.extend(flags.split_whitespace().map(Into::into));
        args.extend(["-o".into(), out.clone().into()]);
        let o = jixiao(&args);
        let what = format!("{file} {flags}: {}", text(&o.stderr));
        assert_eq!(
            o.status.code().map(|c| c.to_string()).as_deref(),
            Some(exit),
            "{what}"
        );
        assert!(text(&o.stderr).contains(err), "{what}");
        if exit != "0" {
            assert!(!out.exists(), "{what}: nothing is written on a refusal");
            continue;
        }
        let bytes = std::fs::read(&out).expect("written");
        let want: Vec<u8> = match start {
            "BOM" => [b"\xEF\xBB\xBFscope".as_slice()].concat(),
            s => s.as_bytes().to_vec(),
        };
        assert!(
            bytes.starts_with(&want),
            "{what}: starts {:?}",
            text(&bytes[..bytes.len().min(20)])
        );
    }
}

#[test]
fn csv_on_standard_output_has_no_bom_unless_asked() {
    let plain = jixiao([
        OsStrArg::from("score"),
        seed().into(),
        "--format".into(),
        "csv".into(),
    ]);
    assert!(plain.stdout.starts_with(b"scope,"));
    let bom = jixiao([
        OsStrArg::from("score"),
        seed().into(),
        "--format".into(),
        "csv".into(),
        "--bom".into(),
    ]);
    assert!(bom.stdout.starts_with(b"\xEF\xBB\xBFscope,"));
}

type OsStrArg = std::ffi::OsString;

/// A small department (one project, four rows) in a temp dir, with `actuals.csv` as given.
fn small_department(actuals: &[u8]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("tests/broken/51-actuals-csv-crlf-bom/dept");
    let dept = dir.path().join("dept");
    copy_dir(&from, &dept);
    let file = dir.path().join("actuals.csv");
    std::fs::write(&file, actuals).expect("write actuals");
    (dir, dept, file)
}

#[test]
fn a_formula_in_a_reason_is_inert_in_csv_output() {
    let sheet = "project,indicator,actual,reason\r\n\
        900001P001,qty1,1500份,\"=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"\r\n\
        900001P001,soc1,-5%,@SUM(A1)\r\n";
    let (_d, dept, file) = small_department(sheet.as_bytes());
    let o = jixiao([
        OsStrArg::from("score"),
        dept.into(),
        "--actuals".into(),
        file.into(),
        "--format".into(),
        "csv".into(),
    ]);
    let out = text(&o.stdout);
    assert!(
        out.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\""),
        "{out}"
    );
    assert!(out.contains(",'@SUM(A1)"), "{out}");
    assert!(
        out.contains(",-5%,"),
        "a plain negative number stays: {out}"
    );
    assert!(!out.contains(",=") && !out.contains(",@"), "{out}");
}

#[test]
fn gbk_spending_and_eval_csv_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spending = dir.path().join("spending.csv");
    std::fs::write(
        &spending,
        gbk("项目编码,累计支出,截至日期\r\n13028122P00306510001A,6.20,2022-06-30\r\n"),
    )
    .expect("write");
    let o = jixiao([
        OsStrArg::from("monitor"),
        seed().into(),
        "--spending".into(),
        spending.into(),
        "--as-of".into(),
        "2022-06-30".into(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let rows = dir.path().join("rows.csv");
    std::fs::write(&rows, gbk("target,actual\r\n≥2000份,1800份\r\n")).expect("write");
    let o = jixiao([OsStrArg::from("eval"), "--csv".into(), rows.into()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("1800份"), "{}", text(&o.stdout));
}

#[test]
fn the_toml_template_filled_in_scores_change_rows_without_a_baseline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("a.toml");
    let o = jixiao([
        OsStrArg::from("template"),
        seed().into(),
        "-o".into(),
        sheet.clone().into(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let blank = std::fs::read_to_string(&sheet).expect("template");
    assert!(blank.contains("soc4 = { actual = \"\", reason = \"\", baseline = \"\" }"));
    // Fill the two change rows of the department with a growth, leaving `baseline = ""`.
    let filled = blank
        .replace("soc3 = { actual = \"\"", "soc3 = { actual = \"增长12%\"")
        .replace("soc4 = { actual = \"\"", "soc4 = { actual = \"增长3.5%\"");
    std::fs::write(&sheet, filled).expect("fill");
    let o = jixiao([
        OsStrArg::from("score"),
        seed().into(),
        "--actuals".into(),
        sheet.into(),
        "--format".into(),
        "json".into(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    for id in ["soc3", "soc4"] {
        let row = v["department"]["indicators"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["id"] == id))
            .cloned()
            .unwrap_or_default();
        assert!(row["error"].is_null(), "{id}: {row}");
        assert_eq!(
            row["achieved"],
            serde_json::Value::Bool(true),
            "{id}: {row}"
        );
    }
}

#[test]
fn an_incomplete_total_never_looks_final() {
    let sheet = "project,indicator,actual\r\n900001P001,qty1,2300份\r\n900001P001,soc1,五\r\n\
        900001P001,spent,9.5\r\n";
    let (_d, dept, file) = small_department(sheet.as_bytes());
    let o = jixiao([
        OsStrArg::from("score"),
        dept.into(),
        "--actuals".into(),
        file.into(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("（不完整）"), "{out}");
    assert!(
        out.contains("自评等级：差（不完整：2 行未填写、1 行无法评分）"),
        "{out}"
    );
    assert!(
        out.contains("无法评分的指标（1项，原因见表中该行）：\n  900001P001 soc1 投诉率"),
        "{out}"
    );
    assert!(out.contains("总分不完整的项目：1个"), "{out}");
}

/// The seed's first project (budget 10.00 万元, plan 60% by 6月底) with `spent` on 6月30日
/// written as `date`: the light and 进度比 of `monitor --format json`.
fn monitor_first_project(spent: &str, date: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let spending = dir.path().join("spending.csv");
    let sheet = format!("项目编码,累计支出,截至日期\r\n13028122P00306510001A,{spent},{date}\r\n");
    std::fs::write(&spending, gbk(&sheet)).expect("write");
    let o = jixiao([
        OsStrArg::from("monitor"),
        seed().into(),
        "--spending".into(),
        spending.into(),
        "--as-of".into(),
        "2022-06-30".into(),
        "--format".into(),
        "json".into(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{date}: {}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    v["projects"][0].clone()
}

#[test]
fn monitor_reads_chinese_dates_and_lights_on_exact_ratios() {
    for date in ["2022-06-30", "2022/6/30", "2022年6月30日"] {
        let p = monitor_first_project("6.20", date);
        assert_eq!(p["spent"], "6.20", "{date}: {p}");
    }
    // 4.7996 / 10 = 47.996%, shown as 48.00%; against 60% planned the exact ratio is
    // 0.79993 (yellow), while 48.00 / 60 = 0.8 would have been green.
    let p = monitor_first_project("4.7996", "2022/6/30");
    assert_eq!(p["rate"], "48.00", "{p}");
    assert_eq!(p["light"], "yellow", "{p}");
}

#[test]
fn chinese_by_default_english_on_request() {
    let sheet = "project,indicator,actual\r\n900001P001,qty1,2300份\r\n900001P001,soc1,五\r\n";
    let (_d, dept, file) = small_department(sheet.as_bytes());
    let args = |extra: &[&str]| {
        let mut v: Vec<OsStrArg> = vec!["score".into(), dept.clone().into()];
        v.extend(["--actuals".into(), file.clone().into()]);
        v.extend(extra.iter().map(Into::into));
        v
    };
    let zh = jixiao(args(&[]));
    assert!(
        text(&zh.stderr).contains("1 行无法评分"),
        "{}",
        text(&zh.stderr)
    );
    let en = jixiao(args(&["--lang", "en"]));
    assert!(
        text(&en.stderr).contains("1 rows could not be scored"),
        "{}",
        text(&en.stderr)
    );
    let by_env = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args(&[]))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("run");
    assert!(text(&by_env.stderr).contains("1 rows could not be scored"));
    assert!(
        text(&by_env.stdout).contains("reason required"),
        "{}",
        text(&by_env.stdout)
    );
}

#[test]
fn flags_read_in_chinese_and_reverse_over_achievement_says_loose() {
    let o = jixiao([OsStrArg::from("score"), seed().into()]);
    let out = text(&o.stdout);
    assert!(out.contains("「超额完成（目标可能偏低）」"), "{out}");
    // soc1 投诉率 ≤10% with 6%: a reverse row far below its ceiling.
    assert!(
        out.contains(
            "soc1 受援群众对法律援助工作的投诉率 「远优于目标（反向指标的目标可能偏松）」"
        ),
        "{out}"
    );
    assert!(
        !out.contains(" over-achieved:") && !out.contains("reason-required:"),
        "{out}"
    );
    let html = jixiao([
        OsStrArg::from("score"),
        seed().into(),
        "--format".into(),
        "html".into(),
    ]);
    let html = text(&html.stdout);
    assert!(
        html.contains("<dt>类型</dt><dd>比较</dd>"),
        "comparison in Chinese"
    );
    assert!(html.contains("<dt>方向</dt><dd>正向（由运算符判断）</dd>"));
    assert!(html.contains("<dt>类型</dt><dd>时限</dd>"));
    assert!(
        html.contains("<dd>正向（指标值无运算符，默认正向）</dd>"),
        "a deadline row has no operator"
    );
    assert!(
        !html.contains("(operator)") && !html.contains("positive ("),
        "English in the HTML trace"
    );
}

#[test]
fn the_csv_template_has_chinese_headers_and_both_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (lang, header) in [
        (
            "zh",
            "项目编码,项目名称,指标编码,一级指标,二级指标,三级指标,年度指标值,实际完成值",
        ),
        ("en", "project,project_name,indicator,level1"),
    ] {
        let sheet = dir.path().join(format!("{lang}.csv"));
        let o = jixiao([
            OsStrArg::from("template"),
            seed().into(),
            "--lang".into(),
            lang.into(),
            "-o".into(),
            sheet.clone().into(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let written = std::fs::read_to_string(&sheet).expect("written");
        assert!(
            written.starts_with(&format!("\u{feff}{header}")),
            "{lang}: {written:.80}"
        );
        let o = jixiao([
            OsStrArg::from("score"),
            seed().into(),
            "--actuals".into(),
            sheet.into(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", text(&o.stderr));
    }
}

#[test]
fn tables_fit_a_width_and_draw_in_ascii() {
    use unicode_width::UnicodeWidthStr;
    let o = jixiao([
        OsStrArg::from("score"),
        seed().into(),
        "--width".into(),
        "100".into(),
    ]);
    let out = text(&o.stdout);
    let widest = out
        .lines()
        .filter(|l| l.starts_with(['│', '┌', '└', '╞', '├']))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    assert!(widest > 60 && widest <= 100, "widest table line {widest}");
    let ascii = jixiao([OsStrArg::from("score"), seed().into(), "--ascii".into()]);
    let ascii = text(&ascii.stdout);
    assert!(
        ascii.contains("+----") && ascii.contains("| 总分"),
        "{ascii:.400}"
    );
    assert!(
        !ascii.contains(['│', '┌', '╞', '┆']),
        "box characters in --ascii"
    );
    // Without a terminal and without --width, the layout is as before: one line per row.
    let plain = text(&jixiao([OsStrArg::from("score"), seed().into()]).stdout);
    assert!(plain.contains("│ 总分             ┆"), "{plain:.400}");
}

#[test]
fn check_puts_the_summary_first_and_folds_advice() {
    let o = jixiao([OsStrArg::from("check"), seed().into()]);
    let out = text(&o.stdout);
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.ends_with("0 个错误，4 个警告，29 条建议（共检查 15 个文件）"),
        "{first}"
    );
    assert_eq!(out.matches("警告[").count(), 4, "{out}");
    assert_eq!(out.matches("建议[").count(), 0, "advice folded: {out}");
    assert!(out.contains("check::vague-target ×24"), "{out}");
    assert!(out.lines().count() < 60, "{} lines", out.lines().count());
    let verbose =
        text(&jixiao([OsStrArg::from("check"), seed().into(), "--verbose".into()]).stdout);
    assert_eq!(verbose.matches("建议[").count(), 29);
}

#[test]
fn a_fraction_typed_for_a_percentage_is_pointed_out() {
    let sheet = "project,indicator,actual\r\n900001P001,sat1,0.92\r\n900001P001,soc1,0.05\r\n";
    let (_d, dept, file) = small_department(sheet.as_bytes());
    let o = jixiao([
        OsStrArg::from("score"),
        dept.into(),
        "--actuals".into(),
        file.into(),
    ]);
    let out = text(&o.stdout);
    assert!(
        out.contains("sat1 满意度 「小数当百分数？」：实际完成值 0.92 未写单位，按 0.92% 计分；如指 92%，请写作 92%"),
        "{out}"
    );
    // One flag per row, from the scorer (sat1 under ≥80%, soc1 under ≤10%).
    assert_eq!(out.matches("小数当百分数").count(), 2, "{out}");
}

#[test]
fn the_monitor_table_fits_a_width_too() {
    use unicode_width::UnicodeWidthStr;
    let o = jixiao([
        OsStrArg::from("monitor"),
        seed().into(),
        "--spending".into(),
        seed().join("spending-2022-06.csv").into(),
        "--as-of".into(),
        "2022-06-30".into(),
        "--width".into(),
        "100".into(),
        "--ascii".into(),
    ]);
    let out = text(&o.stdout);
    let table: Vec<&str> = out.lines().filter(|l| l.starts_with(['+', '|'])).collect();
    assert!(!table.is_empty(), "{out}");
    assert!(
        table.iter().all(|l| UnicodeWidthStr::width(*l) <= 100),
        "{out}"
    );
}
