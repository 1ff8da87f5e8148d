//! Region scoring (issue 7): parallel output == sequential output in every format, a
//! broken department is left out and reported, the parser memo equals a fresh parse, the
//! limits hold at and past their values, and a failed or killed run leaves the previous
//! output intact.

mod common;
use common::copy_dir_edited;

use jixiao::limits::{
    MAX_CELL_BYTES, MAX_FILE_BYTES, MAX_ROWS_PER_PROJECT, MAX_RULE_BYTES, MAX_RULE_NESTING,
};
use jixiao::parse::{
    parse_actual, parse_actual_uncached, parse_target, parse_target_uncached, Parsed, Strictness,
};
use jixiao::policy::{builtin_policy, parse_row_override};
use jixiao::region::{department_folders, is_region, score_region, AtomicFile, RegionRun};
use jixiao::report::Format;
use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = "scorecards/zunhua-sfj-2022";

/// `n` copies of the seed with unique codes (and varied actuals), plus one broken
/// department when `broken`.
fn region(n: usize, broken: bool) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..n {
        let suffix = format!("-{i:03}");
        let edit = move |t: &str| {
            // Unique department and project codes: every quoted code gets the suffix.
            let mut out = t.replace("\"315001\"", &format!("\"315001{suffix}\""));
            for code in [
                "13028122P00306510001A",
                "13028122P00263410001T",
                "13028122P002633100015",
                "13028122P002630100014",
                "13028122P00263110001R",
                "13028122P00262810001A",
                "13028122P00246610001C",
                "13028122P003070100015",
                "13028122P00306310001Y",
                "13028122P00306410001L",
                "13028122P003066100010",
                "13028122P003069100011",
                "13028122P00307110001T",
                "13028122P003062100019",
            ] {
                out = out.replace(&format!("\"{code}\""), &format!("\"{code}{suffix}\""));
            }
            // Vary the scores a little between copies.
            out.replace("\"9.86\"", &format!("\"{}.{:02}\"", 5 + i % 5, i % 100))
        };
        copy_dir_edited(Path::new(SEED), &tmp.path().join(format!("d{i:03}")), &edit);
    }
    if broken {
        let b = tmp.path().join("d001-broken");
        copy_dir_edited(Path::new(SEED), &b, &|t: &str| {
            t.replace("budget = \"10.00\"", "budget = \"十万\"")
        });
    }
    tmp
}

fn run(dirs: &[PathBuf], format: Format, threads: usize) -> (Vec<u8>, String, bool) {
    let policy = builtin_policy();
    let r = RegionRun {
        policy: &policy,
        format,
        threads,
        table: Default::default(),
        progress: &jixiao::pipeline::NoProgress,
    };
    let mut out = Vec::new();
    let mut msgs = Vec::new();
    let outcome = score_region(dirs, &r, &mut out, &mut msgs).unwrap();
    (out, String::from_utf8(msgs).unwrap(), outcome.had_errors())
}

#[test]
fn parallel_output_is_byte_identical_to_sequential() {
    let tmp = region(9, true);
    assert!(is_region(tmp.path()));
    assert!(!is_region(Path::new(SEED)));
    let dirs = department_folders(tmp.path()).unwrap();
    assert_eq!(dirs.len(), 10);
    for format in [
        Format::Json,
        Format::Csv,
        Format::Table,
        Format::Markdown,
        Format::Html,
    ] {
        let (seq, seq_msgs, seq_err) = run(&dirs, format, 1);
        for threads in [2, 3, 4] {
            let (par, par_msgs, par_err) = run(&dirs, format, threads);
            assert!(seq == par, "{format:?} differs with {threads} threads");
            assert_eq!(seq_msgs, par_msgs);
            assert_eq!(seq_err, par_err);
        }
        assert!(seq_err, "the broken department makes the run fail");
        assert!(seq_msgs.contains("d001-broken"), "{seq_msgs}");
    }
}

/// A writer that takes `room` bytes and then fails, like a full disk.
struct FullAfter {
    room: usize,
}

impl std::io::Write for FullAfter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::other("no space left on device"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_write_error_mid_region_stops_every_thread_and_is_returned() {
    // The pool scores ahead of the writer; when writing fails, the workers (some waiting for
    // the writer to catch up) must all stop, and the error must come back — not a hang.
    let tmp = region(12, false);
    let dirs = department_folders(tmp.path()).unwrap();
    let policy = builtin_policy();
    for threads in [1, 2, 4] {
        for room in [0, 10, 5_000, 200_000] {
            let r = RegionRun {
                policy: &policy,
                format: Format::Json,
                threads,
                table: Default::default(),
                progress: &jixiao::pipeline::NoProgress,
            };
            let mut out = FullAfter { room };
            let mut msgs = Vec::new();
            let err = score_region(&dirs, &r, &mut out, &mut msgs)
                .err()
                .unwrap_or_else(|| panic!("{threads} threads, room {room}: no error"));
            assert!(err.to_string().contains("no space"), "{err}");
        }
    }
}

/// Every cell of every sheet, as text (a workbook's bytes carry its creation time).
fn workbook_cells(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            (n, rows)
        })
        .collect()
}

#[test]
fn xlsx_region_has_a_summary_and_every_row_and_does_not_depend_on_threads() {
    let tmp = region(5, true);
    let dirs = department_folders(tmp.path()).unwrap();
    let (seq, _, _) = run(&dirs, Format::Xlsx, 1);
    let (par, _, _) = run(&dirs, Format::Xlsx, 3);
    let cells = workbook_cells(&seq);
    assert_eq!(cells, workbook_cells(&par));
    let names: Vec<&str> = cells.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["汇总", "明细"]);
    // 「明细」: the region CSV's lines, one for one, with the same scores.
    let (csv, _, _) = run(&dirs, Format::Csv, 1);
    let csv = String::from_utf8(csv).unwrap();
    let csv_rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .filter(|r: &Vec<String>| r[1] != "region")
        .collect();
    let details = &cells[1].1;
    assert_eq!(details[0][0], "部门编码");
    assert_eq!(details.len() - 1, csv_rows.len());
    for (x, c) in details[1..].iter().zip(&csv_rows) {
        assert_eq!(x[0], c[0]);
        assert_eq!(x[5], c[5]);
        // 得分: a number cell equal to the CSV's decimal.
        if !c[12].is_empty() {
            let d: f64 = c[12].parse().unwrap();
            assert_eq!(x[12].parse::<f64>().unwrap(), d, "{c:?}");
        }
    }
    // 「汇总」: each scored department once, with its score; the broken one is listed.
    let summary: Vec<String> = cells[0].1.iter().map(|r| r.join("|")).collect();
    let text = summary.join("\n");
    for i in 0..5 {
        assert!(text.contains(&format!("315001-{i:03}|")), "{text}");
    }
    assert!(text.contains("d001-broken"), "{text}");
}

#[test]
fn html_region_has_every_department_and_the_summary() {
    let tmp = region(4, false);
    let dirs = department_folders(tmp.path()).unwrap();
    let (html, _, _) = run(&dirs, Format::Html, 2);
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</body></html>"));
    assert_eq!(
        html.matches("<article class=\"department-report\"").count(),
        4
    );
    assert_eq!(html.matches("<section id=\"region-summary\">").count(), 1);
    // Header ids are unique per department; the single report's `#department` is not used.
    assert!(!html.contains("id=\"department\""));
    let (json, _, _) = run(&dirs, Format::Json, 1);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    for d in v["region"]["departments"].as_array().unwrap() {
        let code = d["code"].as_str().unwrap();
        assert!(html.contains(&format!("<header id=\"d-{code}\"")), "{code}");
        let row = format!(
            "<tr data-code=\"{code}\" data-score=\"{}\" data-grade=\"{}\">",
            d["score"].as_str().unwrap(),
            d["grade"].as_str().unwrap()
        );
        assert!(html.contains(&row), "{row}");
    }
}

#[test]
fn json_has_every_department_and_the_summary() {
    let tmp = region(3, true);
    let dirs = department_folders(tmp.path()).unwrap();
    let (json, _, _) = run(&dirs, Format::Json, 2);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let depts = v["departments"].as_array().unwrap();
    assert_eq!(depts.len(), 3);
    assert_eq!(depts[1]["department"]["code"], "315001-001");
    assert_eq!(depts[0]["projects"].as_array().unwrap().len(), 14);
    let r = &v["region"];
    assert_eq!(r["scored"], 3);
    assert_eq!(r["rows"], 3 * (126 + 14));
    assert!(r["broken"][0]["folder"]
        .as_str()
        .unwrap()
        .ends_with("d001-broken"));
    assert_eq!(r["lowest_projects"].as_array().unwrap().len(), 10);
    let grades: u64 = r["by_grade"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .sum();
    assert_eq!(grades, 3);
    // Each department equals the single-department JSON.
    let single = common::jixiao()
        .args(["score", "--format", "json"])
        .arg(&dirs[0])
        .output()
        .unwrap();
    let one: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    assert_eq!(one, depts[0]);
}

#[test]
fn binary_scores_a_region_and_exits_1_on_a_broken_department() {
    let tmp = region(2, true);
    let out = tmp.path().join("out.csv");
    let o = common::jixiao()
        .arg("score")
        .arg(tmp.path())
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("1 个部门（共 3 个）有错误"), "{stderr}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("315001-000,department"));
    assert!(csv.contains("315001-001,department"));
}

/// A typo in an actuals key loses that actual: in a region, as for one department, it is
/// warned about (file, key) and the run exits 1.
#[test]
fn a_region_warns_about_actuals_that_match_nothing() {
    let tmp = region(2, false);
    let actuals = tmp.path().join("d001").join("actuals.toml");
    let text = std::fs::read_to_string(&actuals).unwrap();
    std::fs::write(&actuals, text.replacen("\nqty1 = ", "\nqyt1 = ", 1)).unwrap();
    let o = common::jixiao()
        .arg("score")
        .arg(tmp.path())
        .args(["--format", "json", "-o"])
        .arg(tmp.path().join("out.json"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("d001/actuals.toml`：")
            && stderr.contains("行 `qyt1` 不是项目 13028122P00306510001A-001 的指标"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 个实际完成值对不上任何项目或指标"),
        "{stderr}"
    );
    assert!(!stderr.contains("d000"), "{stderr}");
    // The department alone says the same, naming the file.
    let o = common::jixiao()
        .arg("score")
        .arg(tmp.path().join("d001"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("d001/actuals.toml`：")
            && stderr.contains("行 `qyt1` 不是项目 13028122P00306510001A-001 的指标"),
        "{stderr}"
    );
}

#[test]
fn memo_equals_a_fresh_parse() {
    let cells = std::fs::read_to_string("tests/cases/seed_kinds.csv").unwrap();
    let actuals = std::fs::read_to_string(format!("{SEED}/actuals.toml")).unwrap();
    for _ in 0..2 {
        for line in cells.lines().chain(actuals.lines()) {
            for cell in line.split([',', '"']) {
                // Values, diagnostics with their spans, and the node's own span (which
                // the node's equality leaves out).
                for st in [Strictness::Lenient, Strictness::Strict] {
                    let (memo, fresh) = (parse_target(cell, st), parse_target_uncached(cell, st));
                    assert_eq!(memo, fresh, "{cell}");
                    let span = |r: &Result<Parsed<jixiao::model::Target>, _>| {
                        r.as_ref().map(|p| p.value.span).ok()
                    };
                    assert_eq!(span(&memo), span(&fresh), "{cell}");
                }
                let (memo, fresh) = (parse_actual(cell), parse_actual_uncached(cell));
                assert_eq!(memo, fresh, "{cell}");
                let span = |r: &Result<Parsed<jixiao::model::Actual>, _>| {
                    r.as_ref().map(|p| p.value.span).ok()
                };
                assert_eq!(span(&memo), span(&fresh), "{cell}");
            }
        }
    }
}

fn codes<T>(r: Result<T, Vec<jixiao::diagnostic::Diagnostic>>) -> Vec<&'static str> {
    match r {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.code.as_str()).collect(),
    }
}

#[test]
fn cell_limit_at_and_past() {
    let at = format!("{}份", "9".repeat(MAX_CELL_BYTES - "份".len()));
    assert_eq!(at.len(), MAX_CELL_BYTES);
    assert!(!codes(parse_target(&at, Strictness::Lenient)).contains(&"target::too-long"));
    assert!(!codes(parse_actual(&at)).contains(&"actual::too-long"));
    let past = format!("9{at}");
    assert_eq!(
        codes(parse_target(&past, Strictness::Lenient)),
        ["target::too-long"]
    );
    assert_eq!(codes(parse_actual(&past)), ["actual::too-long"]);
    // A 10 MB cell: an error at once, not a hang.
    let huge = "≥".to_string() + &"9".repeat(10 * 1024 * 1024);
    let t = std::time::Instant::now();
    assert_eq!(
        codes(parse_target(&huge, Strictness::Lenient)),
        ["target::too-long"]
    );
    assert_eq!(codes(parse_actual(&huge)), ["actual::too-long"]);
    assert!(t.elapsed().as_secs() < 2);
}

#[test]
fn rule_limits_at_and_past() {
    let nest = |n: usize| format!("{}proportional{}", "(".repeat(n), ")".repeat(n));
    assert!(!codes(parse_row_override(&nest(MAX_RULE_NESTING))).contains(&"rule::too-deep"));
    assert_eq!(
        codes(parse_row_override(&nest(MAX_RULE_NESTING + 1))),
        ["rule::too-deep"]
    );
    assert_eq!(codes(parse_row_override(&nest(1000))), ["rule::too-deep"]);
    assert_eq!(
        codes(parse_row_override(&"[".repeat(100_000))),
        ["rule::too-long"]
    );
    let at = format!("proportional{}", " ".repeat(MAX_RULE_BYTES - 12));
    assert_eq!(at.len(), MAX_RULE_BYTES);
    assert!(codes(parse_row_override(&at)).is_empty());
    assert_eq!(
        codes(parse_row_override(&format!("{at} "))),
        ["rule::too-long"]
    );
    for subject in jixiao::policy::Subject::ALL {
        let r = jixiao::policy::parse_rule(subject, &nest(1000));
        assert_eq!(codes(r), ["rule::too-deep"]);
    }
}

fn project_with_rows(n: usize) -> String {
    let mut s = String::from("code = \"P1\"\nname = \"x\"\nunit = \"u\"\nbudget = \"10\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "[[indicators]]\nid = \"q{i}\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"n\"\ndescription = \"d\"\ntarget = \"≥2000份\"\n"
        ));
    }
    s
}

#[test]
fn rows_per_project_at_and_past() {
    use jixiao::scorecard::load::load_project_str;
    let file_codes = |n: usize| -> Vec<&'static str> {
        match load_project_str(Path::new("p.toml"), &project_with_rows(n)) {
            Ok(_) => Vec::new(),
            Err(d) => d.iter().map(|d| d.diagnostic.code.as_str()).collect(),
        }
    };
    assert!(file_codes(MAX_ROWS_PER_PROJECT).is_empty());
    assert_eq!(
        file_codes(MAX_ROWS_PER_PROJECT + 1),
        ["scorecard::too-many-rows"]
    );
    assert_eq!(file_codes(100_000), ["scorecard::too-many-rows"]);
}

#[test]
fn file_size_at_and_past() {
    let tmp = tempfile::tempdir().unwrap();
    let head = "code = \"P1\"\nname = \"x\"\nunit = \"u\"\nbudget = \"10\"\n#";
    let at = format!(
        "{head}{}\n",
        "x".repeat(MAX_FILE_BYTES as usize - head.len() - 1)
    );
    assert_eq!(at.len() as u64, MAX_FILE_BYTES);
    let p = tmp.path().join("at.toml");
    std::fs::write(&p, &at).unwrap();
    assert!(jixiao::limits::read_to_string(&p).is_ok());
    assert!(jixiao::scorecard::load::load_project(&p).is_ok());
    let p2 = tmp.path().join("past.toml");
    std::fs::write(&p2, format!("{at} ")).unwrap();
    let e = jixiao::scorecard::load::load_project(&p2).unwrap_err();
    assert!(e[0].diagnostic.message.contains("超过上限"), "{:?}", e[0]);
    let e = jixiao::actuals::load_actuals(&p2, "x").unwrap_err();
    assert!(e[0].diagnostic.message.contains("超过上限"));
    let e = jixiao::policy::load_policy(&p2).unwrap_err();
    assert!(e.render().contains("超过上限"));
}

#[test]
fn a_failed_write_leaves_the_previous_output_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("out.json");
    std::fs::write(&target, "previous").unwrap();
    {
        let mut f = AtomicFile::create(&target).unwrap();
        use std::io::Write;
        f.write_all(b"half of a new ").unwrap();
        // Rendering fails here: dropped without commit.
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "the temporary file is removed");
    let mut f = AtomicFile::create(&target).unwrap();
    std::io::Write::write_all(&mut f, b"new").unwrap();
    f.commit().unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
}

#[cfg(unix)]
#[test]
fn a_killed_run_leaves_the_previous_output_intact() {
    // The shell's file-size limit kills jixiao (SIGXFSZ) in the middle of writing.
    let reg = region(4, false);
    let target = reg.path().join("out.json");
    std::fs::write(&target, "previous").unwrap();
    for dir in [reg.path().to_path_buf(), PathBuf::from(SEED)] {
        let status = Command::new("sh")
            .arg("-c")
            .arg("ulimit -f 64; exec \"$0\" score \"$1\" --format json -o \"$2\"")
            .arg(env!("CARGO_BIN_EXE_jixiao"))
            .arg(&dir)
            .arg(&target)
            .status()
            .unwrap();
        assert!(
            !status.success(),
            "the run must fail for this test to mean anything"
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
    }
    // The killed runs could not remove their temporary files; the next run does.
    let temps = || -> Vec<String> {
        std::fs::read_dir(reg.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(".out.json.") && n.ends_with(".tmp"))
            .collect()
    };
    assert!(
        !temps().is_empty(),
        "a killed run leaves its temporary file"
    );
    let status = common::jixiao()
        .args(["score", SEED, "--format", "json", "-o"])
        .arg(&target)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        temps(),
        Vec::<String>::new(),
        "stale temporary files removed"
    );
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("\"department\""));
}

/// Region CSV opens in Excel like a department's: a byte-order mark in a file (none on
/// standard output), and a department or project name that Excel would run as a formula
/// made inert with a leading `'` — in the department lines and in the region summary.
#[test]
fn region_csv_has_a_bom_in_a_file_and_inert_formulas() {
    let tmp = region(2, false);
    let dept = tmp.path().join("d000/department.toml");
    let text = std::fs::read_to_string(&dept).unwrap();
    let name = text
        .lines()
        .find_map(|l| l.strip_prefix("name = "))
        .and_then(|v| v.split('"').nth(1))
        .unwrap()
        .to_string();
    std::fs::write(
        &dept,
        text.replacen(
            &format!("\"{name}\""),
            "\"=HYPERLINK(\\\"http://x\\\",\\\"点击\\\")\"",
            1,
        ),
    )
    .unwrap();
    let score = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .arg("score")
            .arg(tmp.path())
            .args(["--format", "csv"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = tmp.path().join("区域.csv");
    let o = score(&["-o", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = std::fs::read(&out).unwrap();
    assert!(file.starts_with(b"\xEF\xBB\xBFdepartment,scope,"));
    let o = score(&[]);
    assert!(o.stdout.starts_with(b"department,scope,"));
    assert_eq!(o.stdout, file[3..]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let summary = rows
        .iter()
        .find(|r| {
            r.get(1) == Some("region")
                && r.get(4) == Some("department")
                && r.get(0) == Some("315001-000")
        })
        .unwrap();
    assert_eq!(summary.get(8), Some("'=HYPERLINK(\"http://x\",\"点击\")"));
    assert!(!rows
        .iter()
        .flat_map(|r| r.iter())
        .any(|c| c.starts_with('=')));
}

#[test]
fn a_region_gives_each_departments_messages_as_values() {
    let region = Path::new("tests/broken/41-region-broken-department/region");
    let dirs = department_folders(region).unwrap();
    let policy = builtin_policy();
    let r = RegionRun {
        policy: &policy,
        format: Format::Json,
        threads: 2,
        table: Default::default(),
        progress: &jixiao::pipeline::NoProgress,
    };
    let mut seen = Vec::new();
    let outcome = jixiao::region::score_region_with(&dirs, &r, &mut Vec::new(), &mut |m| {
        seen.push((m.folder.clone(), m.stop.clone(), m.errors(), m.is_empty()));
        Ok(())
    })
    .unwrap();
    assert_eq!(outcome.summary.broken.len(), 1);
    // In folder order, one per department, the clean one with nothing to say.
    let stops: Vec<_> = seen.iter().map(|(_, s, _, _)| s.clone()).collect();
    assert_eq!(stops, [Some(jixiao::pipeline::Stop::Scorecard), None]);
    assert!(seen[0].0.ends_with("a-broken") && seen[0].2 > 0);
    assert!(seen[1].3, "{seen:?}");
}
