//! Hostile and faulty input (issue 15, the input side): every command ends, with a
//! message, in bounded time and memory — no stack overflow, no abort, no hang.
//!
//! Each test names the point of the issue it covers; each failed before its fix. Commands
//! run under a memory cap (`ulimit -v`) and a time limit, so a regression fails the test
//! instead of taking the machine down.

mod common;
use common::copy_dir;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = "scorecards/zunhua-sfj-2022";
/// Virtual memory for one command, in KiB (the allocator reserves more than it uses).
const MEMORY_CAP_KIB: u64 = 4 * 1024 * 1024;
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)
}

/// Runs jixiao with `args` in `dir` under the memory cap; fails the test past the time
/// limit. Stdout and stderr go to files (a pipe left unread would block a large output).
fn jixiao_in(dir: &Path, args: &[&str]) -> Output {
    let mut script = format!("ulimit -v {MEMORY_CAP_KIB}; exec \"$0\"");
    for i in 1..=args.len() {
        script.push_str(&format!(" \"${i}\""));
    }
    let outputs = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (outputs.path().join("out"), outputs.path().join("err"));
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(dir)
        // Messages in the default language (Chinese), whatever the locale running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`jixiao {}` ran over {TIME_LIMIT:?}; stderr:\n{}",
                args.join(" "),
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out_path).unwrap(),
        stderr: std::fs::read(&err_path).unwrap(),
    }
}

fn jixiao(args: &[&str]) -> Output {
    jixiao_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exited by itself (not by a signal: a stack overflow or an abort is SIGSEGV/SIGABRT)
/// with `code`.
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "stderr:\n{}", stderr(o));
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---------------------------------------------------------------------------------------
// Workbooks built byte by byte: the writers refuse to make the hostile ones.

fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in parts {
        out.start_file(*name, opts).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// A one-sheet workbook: `rows` is the XML inside `<sheetData>`, `after` what follows it
/// (`<mergeCells>`), `strings` the shared strings part.
fn workbook(rows: &str, after: &str, strings: &str, method: zip::CompressionMethod) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData>{after}</worksheet>"#
    );
    zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
            ("xl/workbook.xml", WORKBOOK.as_bytes()),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
            ("xl/sharedStrings.xml", strings.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
        method,
    )
}

const NO_STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"#;

fn inline(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A header row (项目编码, 指标编码, 实际完成值) and one row of actuals.
fn header_rows() -> String {
    format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}{}</row>"#,
        inline("A1", "项目编码"),
        inline("B1", "指标编码"),
        inline("C1", "实际完成值"),
        inline("A2", "13028122P00306510001A"),
        inline("B2", "spent"),
        inline("C2", "12.5"),
    )
}

/// Scores the seed with the workbook `bytes` as its actuals.
fn score_with_xlsx(bytes: &[u8]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("actuals.xlsx");
    std::fs::write(&book, bytes).unwrap();
    jixiao(&["score", SEED, "--actuals", s(&book)])
}

/// Point 7: a 2 KB workbook whose only cell is `XFD1048576` (a dense grid would be
/// 1,048,576 × 16,384 cells).
#[test]
fn a_single_far_cell_costs_what_one_cell_costs() {
    let rows = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    let o = score_with_xlsx(&workbook(
        rows,
        "",
        NO_STRINGS,
        zip::CompressionMethod::Stored,
    ));
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("没有哪个工作表有含「项目编码」和「实际完成值」的表头行"),
        "{}",
        stderr(&o)
    );
}

/// Point 7 again, with the used range the whole grid: `A1` and `XFD1048576` filled.
#[test]
fn cells_at_both_corners_are_read_sparsely() {
    let rows = format!(
        r#"{}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        header_rows()
    );
    let start = Instant::now();
    let o = score_with_xlsx(&workbook(
        &rows,
        "",
        NO_STRINGS,
        zip::CompressionMethod::Stored,
    ));
    assert!(matches!(o.status.code(), Some(0..=2)), "{}", stderr(&o));
    assert!(start.elapsed() < Duration::from_secs(20));
}

/// Point 9: one `<mergeCell ref="D1:XFD1048576"/>` (4 min 35 s before): clipped to the
/// used range A1:C2, it fills nothing.
#[test]
fn a_merge_over_the_whole_sheet_is_clipped_to_the_used_range() {
    let merge = r#"<mergeCells count="1"><mergeCell ref="D1:XFD1048576"/></mergeCells>"#;
    let start = Instant::now();
    let o = score_with_xlsx(&workbook(
        &header_rows(),
        merge,
        NO_STRINGS,
        zip::CompressionMethod::Stored,
    ));
    assert!(matches!(o.status.code(), Some(0..=1)), "{}", stderr(&o));
    assert!(start.elapsed() < Duration::from_secs(20));
}

/// Point 9 with both corners filled: the clipped merge is the whole grid, and is refused
/// before it is filled.
#[test]
fn a_merge_over_a_huge_used_range_is_refused() {
    let rows = format!(
        r#"{}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        header_rows()
    );
    let merge = r#"<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>"#;
    let o = score_with_xlsx(&workbook(
        &rows,
        merge,
        NO_STRINGS,
        zip::CompressionMethod::Stored,
    ));
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("超过"), "{}", stderr(&o));
}

/// Point 10: a sheet that decompresses 1000:1 (a zip bomb) is refused before parsing.
#[test]
fn a_zip_bomb_is_refused() {
    let padding = " ".repeat(4 * 1024 * 1024);
    let rows = format!("{}{padding}", header_rows());
    let book = workbook(&rows, "", NO_STRINGS, zip::CompressionMethod::Deflated);
    assert!(book.len() < 64 * 1024, "{}", book.len());
    let o = score_with_xlsx(&book);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("压缩比"), "{}", stderr(&o));
}

/// Point 10: shared strings announcing four billion entries (calamine would reserve
/// room for them first).
#[test]
fn a_shared_strings_bomb_is_refused() {
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>"#;
    let o = score_with_xlsx(&workbook(
        &header_rows(),
        "",
        strings,
        zip::CompressionMethod::Stored,
    ));
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("共享字符串"), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------------------
// TOML nesting (point 6).

fn deep_header() -> String {
    format!("[{}]\nx = 1\n", vec!["a"; 200_000].join("."))
}

/// Point 6: a 400 KB project file of one header with 200,000 parts.
#[test]
fn a_deep_header_in_a_project_file_is_a_diagnostic() {
    let tmp = tempfile::tempdir().unwrap();
    let dept = tmp.path().join("d");
    copy_dir(&seed(), &dept);
    std::fs::write(dept.join("projects/99-deep.toml"), deep_header()).unwrap();
    for cmd in ["check", "score"] {
        let o = jixiao(&[cmd, s(&dept)]);
        assert!(
            matches!(o.status.code(), Some(1 | 2)),
            "{cmd}: {}",
            stderr(&o)
        );
        let text = String::from_utf8_lossy(&o.stdout).into_owned() + &stderr(&o);
        assert!(text.contains("嵌套超过 64 层"), "{cmd}: {text}");
        assert!(text.len() < 64 * 1024, "{cmd}: {} bytes", text.len());
    }
}

/// Point 6: the same header in an actuals file, a policy, a cases file and a region.
#[test]
fn a_deep_header_is_a_diagnostic_in_every_toml_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = tmp.path().join("deep.toml");
    std::fs::write(&deep, deep_header()).unwrap();
    let arrays = tmp.path().join("arrays.toml");
    std::fs::write(
        &arrays,
        format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    for file in [&deep, &arrays] {
        for args in [
            vec!["score", SEED, "--actuals", s(file)],
            vec!["score", SEED, "--policy", s(file)],
            vec!["test", s(file)],
        ] {
            let o = jixiao(&args);
            assert!(
                matches!(o.status.code(), Some(1 | 2)),
                "{args:?}: {}",
                stderr(&o)
            );
            assert!(stderr(&o).contains("嵌套超过"), "{args:?}: {}", stderr(&o));
        }
    }
    // A region: the deep department is left out, the other is scored.
    let region = tmp.path().join("region");
    copy_dir(&seed(), &region.join("a"));
    copy_dir(&seed(), &region.join("b"));
    std::fs::copy(&deep, region.join("b/actuals.toml")).unwrap();
    let o = jixiao(&["score", s(&region)]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("嵌套超过"), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------------------
// Size caps and endless inputs (points 8, 11).

/// Point 8: `eval --csv /dev/zero` is one endless record: refused at 1 MiB.
#[test]
fn eval_csv_of_an_endless_line_is_refused() {
    let o = jixiao(&["eval", "--csv", "/dev/zero"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("1 MiB"), "{}", stderr(&o));
}

/// Point 11: `/dev/zero` as the cases file, the spending file and the snapshot.
#[test]
fn endless_files_are_refused_by_every_command() {
    for args in [
        vec!["test", "/dev/zero"],
        vec![
            "monitor",
            SEED,
            "--spending",
            "/dev/zero",
            "--as-of",
            "2022-06-30",
        ],
        vec!["snapshot", SEED, "--check", "/dev/zero"],
        vec!["score", SEED, "--actuals", "/dev/zero"],
        vec!["import", "/dev/zero", "-o", "/tmp/jixiao-never-written"],
        vec!["audit", "/dev/zero"],
    ] {
        let o = jixiao(&args);
        assert_exit(&o, 2);
        assert!(
            stderr(&o).contains("不是普通文件"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

/// Point 11: a cases file over the 16 MiB limit says which limit and how to split.
#[test]
fn an_oversized_cases_file_names_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("cases.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(jixiao::limits::MAX_FILE_BYTES + 1).unwrap();
    let o = jixiao(&["test", s(&big)]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("16 MiB"), "{}", stderr(&o));
    assert!(stderr(&o).contains("拆成"), "{}", stderr(&o));
}

/// `read_file_capped`, the helper every reader of a whole file uses.
#[test]
fn read_file_capped_refuses_what_is_over_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("f");
    std::fs::write(&f, "0123456789").unwrap();
    assert!(jixiao::limits::read_file_capped(&f, 10).is_ok());
    let e = jixiao::limits::read_file_capped(&f, 9).unwrap_err();
    assert!(e.to_string().contains("上限"), "{e}");
    assert!(jixiao::limits::read_file_capped(Path::new("/dev/zero"), 9).is_err());
    assert!(jixiao::limits::read_file_capped(tmp.path(), 9).is_err());
}

// ---------------------------------------------------------------------------------------
// Linear time (points 12, 13, 14).

/// Point 12: a diagnostic on a 400 KB line shows a window of it, not the line.
#[test]
fn a_diagnostic_shows_a_window_of_a_long_line() {
    use jixiao::diagnostic::{render, Diagnostic};
    use jixiao::model::Span;
    let line = "甲,".repeat(200_000);
    let at = line.len() / 2;
    let d = Diagnostic::error("t::x", "bad", Span::new(at, at + 3)).with_label("here");
    let shown = render(&[d], "f.csv", &line);
    assert!(shown.len() < 1024, "{} bytes", shown.len());
    assert!(shown.contains("…甲,"), "{shown}");
    assert!(shown.contains(",甲…"), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    let caret = lines.iter().position(|l| l.contains('^')).unwrap();
    let shown_line = lines[caret - 1];
    // The caret sits under the character the span starts at.
    let gutter = shown_line.find("| ").unwrap() + 2;
    let pad = lines[caret][gutter..].find('^').unwrap();
    let before: String = shown_line[gutter..].chars().collect();
    let mut width = 0;
    let mut under = None;
    for c in before.chars() {
        if width == pad {
            under = Some(c);
            break;
        }
        width += if c.is_ascii() || c == '…' { 1 } else { 2 };
    }
    assert_eq!(under, Some('甲'), "{shown}");
}

/// Point 12: 4,000 errors on one line print 4,000 windows, not 4,000 copies of the line.
#[test]
fn many_errors_on_one_line_print_little() {
    let tmp = tempfile::tempdir().unwrap();
    let dept = tmp.path().join("d");
    copy_dir(&seed(), &dept);
    // One row with 4,000 unknown keys, all on one 100 KB line.
    let mut rows = String::from("[projects.\"13028122P00306510001A\"]\nspent = 10\na1 = {");
    for i in 0..4000 {
        rows.push_str(&format!(" bogus_key_number_{i:04} = 1,"));
    }
    rows.push_str(" actual = \"1\" }\n");
    std::fs::write(dept.join("actuals.toml"), &rows).unwrap();
    let start = Instant::now();
    let o = jixiao(&["check", s(&dept)]);
    let printed = o.stdout.len() + o.stderr.len();
    assert!(printed < 4000 * 1024, "{printed} bytes");
    assert!(start.elapsed() < Duration::from_secs(30));
}

/// Point 13: 100,000 keys in one table (35 s before: a linear search per insert).
#[test]
fn a_table_of_100000_keys_reads_in_linear_time() {
    let mut src = String::from("[t]\n");
    for i in 0..100_000 {
        src.push_str(&format!("k{i} = {i}\n"));
    }
    let start = Instant::now();
    let t = jixiao::toml_tree::parse(&src).unwrap();
    let inner = t.get("t").and_then(|(_, n)| n.as_table()).map(|t| t.len());
    assert_eq!(inner, Some(100_000));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    // Duplicates are still found in a large table (the fast road gives them to toml_edit).
    src.push_str("k5 = 1\n");
    assert!(jixiao::toml_tree::parse(&src).is_err());
}

/// Point 13: a 2 MB cases file (53 s before: each case's line counted from the start).
#[test]
fn a_large_cases_file_parses_in_linear_time() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "[[case]]\nname = \"c{i}\"\ntarget = \"≥2000份\"\nactual = \"1800份\"\nexpect = \"9.00\"\n# {}\n",
            "x".repeat(40)
        ));
    }
    assert!(text.len() > 2_000_000);
    let start = Instant::now();
    let cases = jixiao::cases::parse_cases(Path::new("cases.toml"), &text).unwrap();
    assert_eq!(cases.len(), 20_000);
    assert_eq!(cases.last().map(|c| c.line), Some(1 + 6 * 19_999));
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}

/// Point 13: diagnostics of one file find their lines through one index.
#[test]
fn line_numbers_of_many_diagnostics_are_found_in_linear_time() {
    use jixiao::diagnostic::{Diagnostic, FileDiagnostic};
    use jixiao::model::Span;
    let source: std::sync::Arc<str> = "x = 1\n".repeat(400_000).into();
    let diags: Vec<FileDiagnostic> = (0..20_000)
        .map(|i| FileDiagnostic {
            file: "f.toml".into(),
            source: source.clone(),
            diagnostic: Diagnostic::error("t", "m", Span::new(i * 120, i * 120 + 1)),
        })
        .collect();
    let start = Instant::now();
    let all: Vec<(usize, usize)> = diags.iter().map(FileDiagnostic::line_col).collect();
    let last = all.last().copied();
    assert_eq!(last, Some((19_999 * 20 + 1, 1)));
    let text = jixiao::diagnostic::render_file_diagnostics(&diags);
    assert!(text.contains("--> f.toml:399981:1"));
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}

/// Point 14: two 50,000-line snapshots where every figure moved (a policy change).
#[test]
fn a_snapshot_diff_after_a_policy_change_is_fast() {
    let snap = |score: &str| {
        let mut t = String::from("# jixiao snapshot v1\n# policy p\n");
        for p in 0..5000 {
            t.push_str(&format!("project P{p} total {score} grade 优\n"));
            for r in 0..9 {
                t.push_str(&format!(
                    "project P{p} row r{r} score {score} / 10.00 achieved yes flags -\n"
                ));
            }
        }
        t
    };
    let (old, new) = (snap("9.50"), snap("9.25"));
    let start = Instant::now();
    let (diff, changed) = jixiao::report::snapshot::unified_diff(&old, &new, "old", "new");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(changed, 50_000);
    assert!(
        diff.starts_with("--- old\n+++ new\n@@ -1,50002 +1,50002 @@\n"),
        "{}",
        &diff[..200]
    );
    assert!(diff.contains("-project P0 total 9.50 grade 优\n"));
    assert!(diff.contains("+project P4999 row r8 score 9.25 / 10.00 achieved yes flags -\n"));
}

/// The keyed diff reads like a line diff: the same where only figures moved, and a
/// changed line shown as its old and new line side by side.
#[test]
fn the_keyed_snapshot_diff_reads_like_a_line_diff() {
    let old = "# a\nproject P1 total 9 grade 优\nproject P1 row r1 score 1 / 2 achieved no flags -\nproject P2 total 8 grade 良\n";
    let moved = "# a\nproject P1 total 9 grade 优\nproject P1 row r1 score 2 / 2 achieved yes flags -\nproject P2 total 8 grade 良\n";
    let (diff, changed) = jixiao::report::snapshot::unified_diff(old, moved, "a", "b");
    let plain = similar::TextDiff::from_lines(old, moved)
        .unified_diff()
        .context_radius(2)
        .header("a", "b")
        .to_string();
    assert_eq!(diff, plain);
    assert_eq!(changed, 1);
    let renamed = moved.replace("P2", "P3");
    let (diff, changed) = jixiao::report::snapshot::unified_diff(old, &renamed, "a", "b");
    assert_eq!(
        diff,
        "--- a\n+++ b\n@@ -1,4 +1,4 @@\n # a\n project P1 total 9 grade 优\n\
         -project P1 row r1 score 1 / 2 achieved no flags -\n\
         +project P1 row r1 score 2 / 2 achieved yes flags -\n\
         -project P2 total 8 grade 良\n+project P3 total 8 grade 良\n"
    );
    assert_eq!(changed, 2);
    assert_eq!(
        jixiao::report::snapshot::unified_diff(old, old, "a", "b"),
        (String::new(), 0)
    );
}

// ---------------------------------------------------------------------------------------
// Regions (points 3, 15, 18, and repeated codes).

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Point 3: `score R -o FILE` where `R/a/actuals.toml` is a link to FILE.
#[test]
fn region_output_reached_through_a_link_in_a_department_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let region = tmp.path().join("region");
    copy_dir(&seed(), &region.join("a"));
    let out = tmp.path().join("report.txt");
    std::fs::copy(seed().join("actuals.toml"), &out).unwrap();
    let before = std::fs::read(&out).unwrap();
    std::fs::remove_file(region.join("a/actuals.toml")).unwrap();
    std::os::unix::fs::symlink(&out, region.join("a/actuals.toml")).unwrap();
    let o = jixiao(&["score", s(&region), "-o", s(&out)]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("符号链接"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // A project file linked to the output too.
    std::fs::remove_file(region.join("a/actuals.toml")).unwrap();
    std::fs::copy(seed().join("actuals.toml"), region.join("a/actuals.toml")).unwrap();
    let project = std::fs::read_dir(region.join("a/projects"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::copy(&project, &out).unwrap();
    std::fs::remove_file(&project).unwrap();
    std::os::unix::fs::symlink(&out, &project).unwrap();
    let o = jixiao(&["score", s(&region), "-o", s(&out)]);
    assert_exit(&o, 2);
}

/// Point 15: a FIFO as one department's `actuals.toml` (and `department.toml`) must not
/// block the run.
#[test]
fn a_fifo_in_a_region_does_not_block() {
    let tmp = tempfile::tempdir().unwrap();
    let region = tmp.path().join("region");
    for d in ["a", "b", "c"] {
        copy_dir(&seed(), &region.join(d));
    }
    std::fs::remove_file(region.join("b/actuals.toml")).unwrap();
    mkfifo(&region.join("b/actuals.toml"));
    std::fs::remove_file(region.join("c/department.toml")).unwrap();
    mkfifo(&region.join("c/department.toml"));
    let o = jixiao(&["score", s(&region)]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("不是普通文件"), "{err}");
    assert!(err.contains("2 个部门（共 3 个）有错误"), "{err}");
}

/// Point 18: a subfolder without `department.toml` is reported, and the run exits 1.
#[test]
fn a_region_subfolder_without_department_toml_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let region = tmp.path().join("region");
    copy_dir(&seed(), &region.join("a"));
    copy_dir(&seed(), &region.join("b"));
    std::fs::rename(
        region.join("b/department.toml"),
        region.join("b/Department.toml"),
    )
    .unwrap();
    std::fs::create_dir_all(region.join(".git")).unwrap();
    for cmd in ["score", "check"] {
        let o = jixiao(&[cmd, s(&region)]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(
            err.contains("region/b") && err.contains("没有 `department.toml`"),
            "{cmd}: {err}"
        );
        assert!(!err.contains(".git"), "{cmd}: {err}");
    }
}

/// Issue 16's "also": three departments of the same code are said to be.
#[test]
fn a_region_with_repeated_department_codes_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let region = tmp.path().join("region");
    for d in ["a", "b", "c"] {
        copy_dir(&seed(), &region.join(d));
    }
    let o = jixiao(&["score", s(&region)]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("出现在 3 个部门文件夹"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------------------------------
// Terminal escapes (point 23).

/// Point 23: escapes in a file name and in scorecard text are printed escaped (stderr,
/// and `check`'s report of diagnostics).
#[test]
fn terminal_escapes_in_names_and_text_are_shown_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let dept = tmp.path().join("d");
    copy_dir(&seed(), &dept);
    let evil = dept.join("projects/99-\u{1b}]0;pwned\u{7}.toml");
    std::fs::write(&evil, "name = \"\u{1b}[2J\"\n[[[").unwrap();
    let bad = dept.join("actuals.toml");
    let text = std::fs::read_to_string(&bad).unwrap();
    std::fs::write(
        &bad,
        format!("{text}\n[projects.\"\\u001b]0;x\\u0007\"]\nspent = \"\\u001b[31m\"\n"),
    )
    .unwrap();
    for cmd in ["check", "score"] {
        let o = jixiao(&[cmd, s(&dept)]);
        let all = [o.stdout.as_slice(), o.stderr.as_slice()].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{cmd}: {}",
            stderr(&o)
        );
        let shown = String::from_utf8_lossy(&all);
        assert!(shown.contains("\\u{1b}"), "{cmd}: {shown}");
    }
}

/// Point 13: a project file repeating one indicator id 9,000 times is reported in linear
/// time (each repeat used to count lines from the start of the file for its message).
#[test]
fn many_repeated_indicator_ids_are_reported_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let dept = dir.path().join("d");
    copy_dir(&seed(), &dept);
    let projects = dept.join("projects");
    let first = std::fs::read_dir(&projects)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .unwrap();
    let mut src = std::fs::read_to_string(&first).unwrap();
    for _ in 0..9_000 {
        src.push_str("\n[[indicators]]\nid = \"qty1\"\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"x\"\ntarget = \"≥1份\"\n");
    }
    std::fs::write(&first, src).unwrap();
    let start = Instant::now();
    let o = jixiao(&["check", s(&dept)]);
    assert!(
        stderr(&o).contains("duplicate-id")
            || String::from_utf8_lossy(&o.stdout).contains("duplicate-id"),
        "{}",
        stderr(&o)
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

// ---------------------------------------------------------------------------------------
// The inputs of the README's limits table, written for `benches/limits.sh` to measure.

/// Writes each hostile input of the README's limits table into `$JIXIAO_MEASURE_DIR`
/// (ignored: `benches/limits.sh` runs it, then times every command on the files).
#[test]
#[ignore]
fn write_the_measured_inputs() {
    let Some(dir) = std::env::var_os("JIXIAO_MEASURE_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let stored = zip::CompressionMethod::Stored;
    let far = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    let corners = format!("{}{far}", header_rows());
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write("far-cell.xlsx", &workbook(far, "", NO_STRINGS, stored));
    write(
        "merge.xlsx",
        &workbook(
            &header_rows(),
            r#"<mergeCells count="1"><mergeCell ref="D1:XFD1048576"/></mergeCells>"#,
            NO_STRINGS,
            stored,
        ),
    );
    write(
        "corners-merge.xlsx",
        &workbook(
            &corners,
            r#"<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>"#,
            NO_STRINGS,
            stored,
        ),
    );
    let bomb = format!("{}{}", header_rows(), " ".repeat(505 * 1024 * 1024));
    write(
        "zip-bomb.xlsx",
        &workbook(&bomb, "", NO_STRINGS, zip::CompressionMethod::Deflated),
    );
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>"#;
    write(
        "strings-bomb.xlsx",
        &workbook(&header_rows(), "", strings, stored),
    );
    write("deep.toml", deep_header().as_bytes());
    let arrays = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    write("arrays.toml", arrays.as_bytes());
    for (name, keys) in [("long-line.toml", 4000), ("long-line-16k.toml", 16_000)] {
        let mut rows = String::from("[projects.\"13028122P00306510001A\"]\nspent = 10\na1 = {");
        for i in 0..keys {
            rows.push_str(&format!(" bogus_key_number_{i:05} = 1,"));
        }
        rows.push_str(" actual = \"1\" }\n");
        write(name, rows.as_bytes());
    }
    let mut keys = String::from("[projects.\"13028122P00306510001A\"]\nspent = 10\n");
    for i in 0..100_000 {
        keys.push_str(&format!("k{i} = {i}\n"));
    }
    write("keys.toml", keys.as_bytes());
    let mut cases = String::new();
    for i in 0..60_000 {
        cases.push_str(&format!(
            "[[case]]\nname = \"c{i}\"\ntarget = \"≥2000份\"\nactual = \"1800份\"\nexpect = \"9.50\"\n# {}\n",
            "x".repeat(20)
        ));
    }
    write("cases.toml", cases.as_bytes());
}
