//! The number limits (`limits::MAX_AMOUNT_WAN`, `limits::MAX_POINTS`): each field at its
//! limit and one past it, from `tests/cases/number_limits.csv`, with the diagnostic at the
//! value's text; and no input can make scoring panic on decimal overflow — big-but-allowed
//! values across many projects and rows, values past the limits put into the model by hand,
//! `check` on them, and `eval --points 1e400`.

mod common;

use jixiao::actuals::{parse_actuals_csv, parse_actuals_toml, Actuals, ProjectActuals, RowActual};
use jixiao::check::{check_folder, CheckOptions};
use jixiao::diagnostic::render_file_diagnostics;
use jixiao::evaluate::evaluate;
use jixiao::limits::{MAX_AMOUNT_WAN, MAX_POINTS};
use jixiao::policy::builtin_policy;
use jixiao::scorecard::load::{load_department, load_department_file_str, load_project_str};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::path::Path;
use std::process::Command;

const ROWS: &str = r#"
[[indicators]]
id = "qty1"
level1 = "产出指标"
level2 = "数量指标"
name = "宣传资料数量"
target = "≥100份"

[[indicators]]
id = "soc1"
level1 = "效益指标"
level2 = "社会效益指标"
name = "知晓率"
target = "≥90%"

[[indicators]]
id = "sat1"
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "满意度"
target = "≥90%"
"#;

fn project(code: &str, budget: &str, extra: &str) -> String {
    format!("code = \"{code}\"\nname = \"项目\"\nunit = \"测试局\"\nbudget = \"{budget}\"\n{extra}{ROWS}")
}

const DEPARTMENT: &str = "code = \"D1\"\nname = \"测试局\"\nfiscal_year = 2022\n";

/// The codes of the diagnostics and the rendered text, for one case of the CSV.
fn load_case(file: &str, field: &str, value: &str) -> (Vec<&'static str>, String, String) {
    let line = format!("{field} = \"{value}\"");
    let (path, source, diags) = match file {
        "project" => {
            let src = if field == "points" {
                project("P1", "10", "").replacen(
                    "target = \"≥100份\"\n",
                    &format!("target = \"≥100份\"\n{line}\n"),
                    1,
                )
            } else if field == "budget" {
                project("P1", value, "")
            } else {
                project("P1", "10", &format!("{line}\n"))
            };
            let d = match load_project_str(Path::new("p.toml"), &src) {
                Ok((_, w)) => w,
                Err(e) => e,
            };
            ("p.toml", src, d)
        }
        "department" => {
            let src = format!("{DEPARTMENT}{ROWS}").replacen(
                "target = \"≥100份\"\n",
                &format!("target = \"≥100份\"\n{line}\n"),
                1,
            );
            let d = match load_department_file_str(Path::new("department.toml"), &src) {
                Ok((_, w)) => w,
                Err(e) => e,
            };
            ("department.toml", src, d)
        }
        "actuals" => {
            let src = format!("[projects.P1]\n{line}\n");
            let d = parse_actuals_toml(Path::new("actuals.toml"), &src).err();
            ("actuals.toml", src, d.unwrap_or_default())
        }
        "actuals-csv" => {
            let src = format!("project,indicator,actual\nP1,{field},{value}\n");
            let d = parse_actuals_csv(Path::new("actuals.csv"), &src, "D1").err();
            ("actuals.csv", src, d.unwrap_or_default())
        }
        other => panic!("unknown file kind `{other}` in number_limits.csv"),
    };
    let _ = path;
    let codes = diags.iter().map(|d| d.diagnostic.code.as_str()).collect();
    (codes, render_file_diagnostics(&diags), source)
}

#[test]
fn number_limits_at_and_past() {
    english();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path("tests/cases/number_limits.csv")
        .unwrap();
    let mut n = 0;
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.unwrap();
        let row = rec.iter().collect::<Vec<_>>().join(",");
        let [file, field, value, code] = [0, 1, 2, 3].map(|k| rec.get(k).unwrap_or(""));
        n += 1;
        let (codes, text, source) = load_case(file, field, value);
        let want: Vec<&str> = if code.is_empty() { vec![] } else { vec![code] };
        assert_eq!(codes, want, "case {}: {row}\n{text}", i + 1);
        if code.ends_with("too-large") && file == "actuals-csv" {
            // A CSV row: the diagnostic is at the row's line, which it underlines.
            assert!(
                text.contains("actuals.csv:2:1\n"),
                "case {}:\n{text}",
                i + 1
            );
            assert!(text.contains("the limit is"), "{text}");
        } else if code.ends_with("too-large") {
            // At the value: `--> file:line:col` of its first digit, the digits underlined.
            let offset = source.find(&format!("\"{value}\"")).unwrap() + 1;
            let line_no = source[..offset].matches('\n').count() + 1;
            let col = offset - source[..offset].rfind('\n').map_or(0, |p| p + 1) + 1;
            assert!(
                text.contains(&format!(":{line_no}:{col}\n")),
                "case {}: not at {line_no}:{col}:\n{text}",
                i + 1
            );
            let underline = format!(" {} ", "^".repeat(value.len()));
            assert!(text.contains(&underline), "case {}:\n{text}", i + 1);
            assert!(text.contains("the limit is"), "{text}");
            assert!(text.contains("help:"), "{text}");
        }
    }
    assert!(n >= 20, "{n} cases");
}

#[test]
fn the_limits_are_what_the_readme_says() {
    english();
    assert_eq!(MAX_AMOUNT_WAN, dec!(1000000000000));
    assert_eq!(MAX_POINTS, dec!(100));
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("`MAX_AMOUNT_WAN`"), "README Limits table");
    assert!(readme.contains("`MAX_POINTS`"), "README Limits table");
}

/// A department folder with `n` projects at the amount limit, every budget figure at
/// the limit too.
fn folder_at_limit(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("projects")).unwrap();
    std::fs::write(dir.join("department.toml"), format!("{DEPARTMENT}{ROWS}")).unwrap();
    let max = MAX_AMOUNT_WAN.to_string();
    let mut actuals = String::new();
    for i in 0..n {
        let code = format!("P{i:03}");
        let extra =
            format!("adjusted_budget = \"{max}\"\nfiscal_funds = \"{max}\"\nother_funds = \"0\"\n");
        std::fs::write(
            dir.join(format!("projects/{i:03}-{code}.toml")),
            project(&code, &max, &extra),
        )
        .unwrap();
        actuals.push_str(&format!(
            "[projects.{code}]\nadjusted_budget = \"{max}\"\nspent = \"{max}\"\n[projects.{code}.rows]\nqty1 = \"99份\"\nsoc1 = \"90%\"\nsat1 = \"90%\"\n"
        ));
    }
    actuals.push_str("[department.rows]\nqty1 = \"100份\"\nsoc1 = \"90%\"\nsat1 = \"90%\"\n");
    std::fs::write(dir.join("actuals.toml"), actuals).unwrap();
    tmp
}

#[test]
fn many_projects_at_the_amount_limit_score() {
    english();
    let tmp = folder_at_limit(200);
    let (dept, _) = load_department(tmp.path()).unwrap();
    let actuals =
        jixiao::actuals::load_actuals_for(&tmp.path().join("actuals.toml"), &dept).unwrap();
    let scored = evaluate(&dept, &actuals, &builtin_policy());
    assert_eq!(scored.projects.len(), 200);
    for p in &scored.projects {
        assert_eq!(p.score, dec!(99.50), "{}", p.code); // 50 × 99/100 + 30 + 10 + 10
    }
    let d = &scored.department;
    assert_eq!(d.execution.budget, MAX_AMOUNT_WAN * dec!(200));
    assert_eq!(d.execution.rate, Some(Decimal::ONE));
    assert_eq!(d.execution.score, Some(dec!(10.00)));
    assert_eq!(d.projects_composite, Some(dec!(99.50)));
    assert_eq!(d.score, dec!(100.00));
    // `check` on the same folder: no panic, and nothing to say about the amounts.
    let report = check_folder(
        tmp.path(),
        &builtin_policy(),
        CheckOptions { strict: false },
    );
    assert!(!report.has_errors(), "{}", report.render_text(tmp.path()));
}

#[test]
fn many_rows_at_the_points_limit_do_not_panic() {
    english();
    // 10,000 rows (the row limit), each with the largest points allowed: the loader takes
    // them, check and score report the level sums, nothing overflows.
    let mut src = String::from("code = \"P1\"\nname = \"x\"\nunit = \"u\"\nbudget = \"10\"\n");
    let mut actuals = String::from("[projects.P1]\nspent = \"10\"\n[projects.P1.rows]\n");
    for i in 0..jixiao::limits::MAX_ROWS_PER_PROJECT {
        src.push_str(&format!(
            "[[indicators]]\nid = \"q{i}\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"n\"\ntarget = \"≥100份\"\npoints = \"{MAX_POINTS}\"\n"
        ));
        actuals.push_str(&format!("q{i} = \"100份\"\n"));
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("projects")).unwrap();
    std::fs::write(tmp.path().join("department.toml"), DEPARTMENT).unwrap();
    std::fs::write(tmp.path().join("projects/01-P1.toml"), &src).unwrap();
    std::fs::write(tmp.path().join("actuals.toml"), &actuals).unwrap();
    let (dept, _) = load_department(tmp.path()).unwrap();
    let actuals =
        jixiao::actuals::load_actuals_for(&tmp.path().join("actuals.toml"), &dept).unwrap();
    let scored = evaluate(&dept, &actuals, &builtin_policy());
    let p = &scored.projects[0];
    assert!(p.score <= dec!(100), "{}", p.score);
    assert!(p.indicators.iter().all(|r| r.score.is_none()));
    assert!(p.indicators[0]
        .error
        .as_deref()
        .unwrap()
        .contains("add up to 1000000, more than the level's 50"));
    let report = check_folder(
        tmp.path(),
        &builtin_policy(),
        CheckOptions { strict: false },
    );
    assert!(report
        .render_text(tmp.path())
        .contains("error[check::points]: the points of the 产出指标 rows add up to 1000000, more than the level's 50"));
}

#[test]
fn a_model_past_the_limits_does_not_panic() {
    english();
    // The library's own callers can build a model the loaders would refuse: the largest
    // decimals in every amount and points field. Scoring reports, it does not panic.
    let tmp = folder_at_limit(3);
    let (mut dept, _) = load_department(tmp.path()).unwrap();
    for p in &mut dept.projects {
        p.budget = Decimal::MAX;
        p.adjusted_budget = Some(Decimal::MAX);
        for ind in &mut p.indicators {
            ind.points = Some(Decimal::MAX);
        }
    }
    for ind in &mut dept.indicators {
        ind.points = Some(Decimal::MAX);
    }
    let mut actuals = Actuals::default();
    for p in &dept.projects {
        let mut pa = ProjectActuals {
            adjusted_budget: Some(Decimal::MAX),
            spent: Some(Decimal::MAX),
            ..Default::default()
        };
        for ind in &p.indicators {
            pa.rows.insert(
                ind.id.clone(),
                RowActual {
                    actual: Some("79228162514264337593543950335".into()),
                    ..Default::default()
                },
            );
        }
        actuals.projects.insert(p.code.clone(), pa);
    }
    let scored = evaluate(&dept, &actuals, &builtin_policy());
    for p in &scored.projects {
        assert!(p.score <= dec!(100), "{}: {}", p.code, p.score);
    }
    let d = &scored.department;
    assert_eq!(d.execution.score, None);
    assert!(d.execution.flags.iter().any(|f| f.code == "too-large"));
    // The scored model serialises (the tables' point totals assume loaded input).
    assert!(jixiao::report::render_bytes(&scored, jixiao::report::Format::Json).is_ok());
    // A tiny budget with a spent amount at the limit: the rate is far past 100%.
    let mut one = dept.clone();
    one.projects.truncate(1);
    one.projects[0].budget = dec!(0.0000000000000000000000000001);
    one.projects[0].adjusted_budget = None;
    let mut a = Actuals::default();
    a.projects.insert(
        one.projects[0].code.clone(),
        ProjectActuals {
            spent: Some(MAX_AMOUNT_WAN),
            ..Default::default()
        },
    );
    let scored = evaluate(&one, &a, &builtin_policy());
    let e = &scored.projects[0].execution;
    assert_eq!(e.score, Some(dec!(10.00)));
    assert!(e.flags.iter().any(|f| f.code == "overspent"));
}

#[test]
fn eval_with_huge_points_does_not_panic() {
    english();
    for points in [
        "1e400",
        "79228162514264337593543950335",
        "100.000000000000000000000000001",
    ] {
        let out = common::jixiao()
            .args(["eval", "≥100份", "50份", "--points", points])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{points}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{points}: {stderr}");
    }
}

#[test]
fn score_and_check_of_the_reviewers_folders_do_not_panic() {
    english();
    // The two crashes of the review: two projects at 4 × 10^28 万元, and two rows of one
    // level at 5 × 10^28 points. Both are now refused at the value.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("projects")).unwrap();
    std::fs::write(dir.join("department.toml"), DEPARTMENT).unwrap();
    let big = "40000000000000000000000000000";
    for code in ["P1", "P2"] {
        std::fs::write(
            dir.join(format!("projects/{code}.toml")),
            project(code, big, ""),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("actuals.toml"),
        format!("[projects.P1]\nspent = \"{big}\"\n[projects.P2]\nspent = \"{big}\"\n"),
    )
    .unwrap();
    for cmd in ["score", "check", "snapshot"] {
        let mut c = Command::new(env!("CARGO_BIN_EXE_jixiao"));
        c.arg(cmd).arg(dir);
        if cmd == "snapshot" {
            c.arg("-o").arg(dir.join("snap.txt"));
        }
        let out = c.output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // score and check exit 1 (errors reported); snapshot 2 (nothing to record).
        assert!(matches!(out.status.code(), Some(1 | 2)), "{cmd}: {text}");
        assert!(text.contains("scorecard::too-large"), "{cmd}: {text}");
        assert!(!text.contains("panicked"), "{cmd}: {text}");
    }
}

#[test]
fn xlsx_actuals_amounts_at_and_past_the_limit() {
    english();
    use rust_xlsxwriter::Workbook;
    let (dept, _) = load_department(Path::new("scorecards/zunhua-sfj-2022")).unwrap();
    let sheet = |spent: &[(&str, &str)]| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("实际完成值").unwrap();
        for (c, h) in ["项目编码", "二级指标", "三级指标", "实际完成值"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (r, (code, amount)) in spent.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string(r, 0, *code).unwrap();
            ws.write_string(r, 2, "全年执行数（万元）").unwrap();
            ws.write_string(r, 3, *amount).unwrap();
        }
        wb.save_to_buffer().unwrap()
    };
    let (a, b) = (&dept.projects[0].code, &dept.projects[1].code);
    let at = sheet(&[(a, "1000000000000"), (b, "1000000000000.00")]);
    let read =
        jixiao::actuals::parse_actuals_xlsx(Path::new("a.xlsx"), &at, &dept.code, Some(&dept))
            .unwrap();
    assert_eq!(read.projects[a].spent, Some(MAX_AMOUNT_WAN));
    let past = sheet(&[(a, "1000000000000"), (b, "1000000000000.01")]);
    let err =
        jixiao::actuals::parse_actuals_xlsx(Path::new("a.xlsx"), &past, &dept.code, Some(&dept))
            .unwrap_err();
    let found: Vec<(&str, &str)> = err
        .iter()
        .map(|d| (d.diagnostic.code.as_str(), d.diagnostic.message.as_str()))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "actuals::too-large");
    assert!(
        found[0]
            .1
            // The wording of TOML and CSV (one cell reader), at the cell.
            .starts_with(
                "实际完成值!D3: `spent`（全年执行数） is 1000000000000.01 万元; the limit is"
            ),
        "{found:?}"
    );
}

/// Messages in English for this file's tests: the assertions below quote the English messages. (Every test here calls it first; the
/// language of a process is chosen once.)
fn english() {
    jixiao::i18n::set(jixiao::i18n::Lang::En);
}
