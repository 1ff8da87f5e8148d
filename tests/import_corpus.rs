//! The import corpus (`tests/import_corpus/`): every source document there is imported and
//! compared with its `*.expected.toml` summary — projects, rows, budget in 万元 (exact
//! decimals), fiscal year, and per row the levels, published labels, name, target, points
//! and direction. Codes derived for documents without 项目编码 must be stable and unique.
//! What the import writes must load with `load_department`.

use jixiao::scorecard::import::{import_file, Imported, NoteLevel};
use jixiao::scorecard::load::load_department;
use jixiao::scorecard::model::Indicator;
use jixiao::scorecard::write::write_folder;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use toml::Value;

const DIR: &str = "tests/import_corpus";

fn expected_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".expected.toml"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn dec(s: &str) -> Option<Decimal> {
    Decimal::from_str(s.trim()).ok()
}

/// Compares one optional exact decimal; a missing expectation is not checked.
fn check_dec(errs: &mut Vec<String>, what: &str, want: Option<&str>, got: Option<Decimal>) {
    if let Some(w) = want {
        if dec(w) != got {
            errs.push(format!("{what}: expected {w}, got {got:?}"));
        }
    }
}

fn check_rows(errs: &mut Vec<String>, what: &str, want: &Value, got: &[Indicator]) {
    if let Some(n) = want.get("rows").and_then(Value::as_integer) {
        if n as usize != got.len() {
            errs.push(format!("{what}: expected {n} rows, got {}", got.len()));
        }
    }
    let Some(rows) = want.get("row").and_then(Value::as_array) else {
        return;
    };
    for (k, w) in rows.iter().enumerate() {
        let Some(g) = got.get(k) else {
            errs.push(format!("{what} row {}: missing", k + 1));
            continue;
        };
        let at = format!("{what} row {} `{}`", k + 1, g.name);
        let pairs = [
            ("level1", Some(g.level1.as_str())),
            ("level2", Some(g.level2.as_str())),
            ("label1", g.label1.as_deref()),
            ("label2", g.label2.as_deref()),
            ("name", Some(g.name.as_str())),
            ("target", Some(g.target_text.as_str())),
        ];
        for (key, got) in pairs {
            let want = s(w, key);
            let optional = key.starts_with("label");
            if (want.is_some() || optional) && want != got {
                errs.push(format!("{at}: {key} expected {want:?}, got {got:?}"));
            }
        }
        // What the document gives: used as points, or kept as published when the level's
        // points do not fit the policy (see `published_points`).
        let points = g.points.or(g.published_points);
        check_dec(errs, &format!("{at}: points"), s(w, "points"), points);
        if s(w, "points").is_none() && points.is_some() {
            errs.push(format!("{at}: points expected none, got {points:?}"));
        }
        let dir = g.direction.map(|d| d.code().to_string());
        let want_dir = s(w, "direction").map(str::to_string);
        let dir = dir.filter(|d| d != "positive");
        if want_dir != dir {
            errs.push(format!(
                "{at}: direction expected {want_dir:?}, got {dir:?}"
            ));
        }
    }
}

fn check_import(errs: &mut Vec<String>, want: &Value, got: &Imported, again: &Imported) {
    let d = &got.department;
    if let Some(y) = want.get("fiscal_year").and_then(Value::as_integer) {
        if y != i64::from(got.fiscal_year.year) {
            errs.push(format!(
                "fiscal year: expected {y}, got {}",
                got.fiscal_year.year
            ));
        }
    }
    let problems = got
        .notes
        .iter()
        .filter(|n| n.level == NoteLevel::Problem)
        .count();
    match want.get("exit").and_then(Value::as_integer) {
        Some(0) if problems > 0 => errs.push(format!(
            "expected a clean import, got {problems} problem note(s)"
        )),
        Some(1) => {
            let min = want
                .get("min_notes")
                .and_then(Value::as_integer)
                .unwrap_or(1)
                .max(1);
            if (problems as i64) < min {
                errs.push(format!(
                    "expected at least {min} problem note(s), got {problems}"
                ));
            }
        }
        _ => {}
    }
    if let Some(n) = s(want, "department_name") {
        if n != d.name {
            errs.push(format!("department name: expected {n:?}, got {:?}", d.name));
        }
    }
    let projects = want
        .get("projects")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if projects.len() != d.projects.len() {
        errs.push(format!(
            "expected {} project(s), got {}: {:?}",
            projects.len(),
            d.projects.len(),
            d.projects.iter().map(|p| &p.name).collect::<Vec<_>>()
        ));
    }
    for (k, (w, p)) in projects.iter().zip(&d.projects).enumerate() {
        let what = format!("project {} `{}`", k + 1, p.name);
        if let Some(n) = s(w, "name") {
            if n != p.name {
                errs.push(format!("{what}: name expected {n:?}"));
            }
        }
        match s(w, "code") {
            Some(c) if c != p.code => {
                errs.push(format!("{what}: code expected {c:?}, got {:?}", p.code))
            }
            Some(_) => {}
            None => {
                let same = again.department.projects.get(k).map(|q| &q.code) == Some(&p.code);
                let ascii = p
                    .code
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if !same || !ascii || p.code.is_empty() {
                    errs.push(format!(
                        "{what}: derived code `{}` is not stable ASCII",
                        p.code
                    ));
                }
            }
        }
        check_dec(
            errs,
            &format!("{what}: budget"),
            s(w, "budget"),
            Some(p.budget),
        );
        check_dec(
            errs,
            &format!("{what}: fiscal_funds"),
            s(w, "fiscal_funds"),
            p.fiscal_funds,
        );
        check_dec(
            errs,
            &format!("{what}: other_funds"),
            s(w, "other_funds"),
            p.other_funds,
        );
        check_rows(errs, &what, w, &p.indicators);
    }
    let mut codes: Vec<&String> = d.projects.iter().map(|p| &p.code).collect();
    codes.sort();
    codes.dedup();
    if codes.len() != d.projects.len() {
        errs.push("project codes are not unique".to_string());
    }
    match want.get("department") {
        Some(w) => check_rows(errs, "department", w, &d.indicators),
        None if !d.indicators.is_empty() => errs.push(format!(
            "expected no department indicators, got {}",
            d.indicators.len()
        )),
        None => {}
    }
}

fn check_one(expected: &Path) -> Vec<String> {
    let mut errs = Vec::new();
    let text = std::fs::read_to_string(expected).unwrap_or_default();
    let want: Value = match toml::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![format!("unreadable: {e}")],
    };
    let dir = expected.parent().unwrap_or(Path::new(DIR));
    let Some(source) = s(&want, "source") else {
        return vec!["no `source`".to_string()];
    };
    let file = Path::new(source)
        .file_name()
        .map(|f| dir.join(f))
        .unwrap_or_default();
    let (got, again) = match (import_file(&file, None), import_file(&file, None)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return vec![format!("not imported: {e}")],
    };
    check_import(&mut errs, &want, &got, &again);
    let out = tempfile::tempdir().map(|d| d.keep()).unwrap_or_default();
    match write_folder(&got.department, &out) {
        Ok(_) => {
            if let Err(diags) = load_department(&out) {
                errs.push(format!(
                    "the written folder does not load:\n{}",
                    jixiao::scorecard::render_file_diagnostics(&diags)
                ));
            }
        }
        Err(e) => errs.push(format!("cannot write: {e}")),
    }
    let _ = std::fs::remove_dir_all(&out);
    if !errs.is_empty() {
        for n in &got.notes {
            errs.push(format!(
                "  ({}) {n}",
                if n.level == NoteLevel::Problem {
                    "problem"
                } else {
                    "note"
                }
            ));
        }
    }
    errs
}

#[test]
fn every_corpus_document_imports_as_expected() {
    let files = expected_files(Path::new(DIR));
    assert!(!files.is_empty(), "no *.expected.toml in {DIR}");
    let only = std::env::var("CORPUS_ONLY").unwrap_or_default();
    let mut failed = Vec::new();
    for f in &files {
        if !only.is_empty() && !f.to_string_lossy().contains(&only) {
            continue;
        }
        let errs = check_one(f);
        if !errs.is_empty() {
            failed.push(format!("{}:\n  {}", f.display(), errs.join("\n  ")));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} corpus documents differ from their summaries:\n\n{}",
        failed.len(),
        files.len(),
        failed.join("\n\n")
    );
}

/// What the command does with each corpus document: `jixiao import` exits as the summary
/// says, and the folder it writes passes `jixiao check` and `jixiao score` with no error.
#[test]
fn imported_folders_check_and_score() {
    let bin = env!("CARGO_BIN_EXE_jixiao");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .output()
            .map(|o| {
                (
                    o.status.code().unwrap_or(-1),
                    String::from_utf8_lossy(&o.stderr).into_owned(),
                )
            })
            .unwrap_or((-1, String::new()))
    };
    let mut failed = Vec::new();
    for f in expected_files(Path::new(DIR)) {
        let want: Value = toml::from_str(&std::fs::read_to_string(&f).unwrap_or_default())
            .unwrap_or(Value::Integer(0));
        let Some(source) = s(&want, "source") else {
            continue;
        };
        let src = Path::new(DIR).join(source);
        let Ok(tmp) = tempfile::tempdir() else {
            continue;
        };
        let out = tmp.path().join("out");
        let out_s = out.to_string_lossy().to_string();
        let (code, err) = run(&["import", &src.to_string_lossy(), "-o", &out_s]);
        let want_exit = want.get("exit").and_then(Value::as_integer).unwrap_or(0);
        if i64::from(code) != want_exit {
            failed.push(format!(
                "{source}: import exit {code}, expected {want_exit}\n{err}"
            ));
        }
        for cmd in ["check", "score"] {
            let (code, err) = run(&[cmd, &out_s]);
            if code != 0 || err.contains("error[") || err.contains("错误[") {
                failed.push(format!(
                    "{source}: `jixiao {cmd}` on the imported folder exits {code}\n{err}"
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Damaged sources (cut short, bytes changed) are errors or partial imports, never a panic.
#[test]
fn damaged_sources_do_not_panic() {
    for f in expected_files(Path::new(DIR)) {
        let want: Value = toml::from_str(&std::fs::read_to_string(&f).unwrap_or_default())
            .unwrap_or(Value::Integer(0));
        let Some(source) = s(&want, "source") else {
            continue;
        };
        let path = Path::new(DIR).join(source);
        let bytes = std::fs::read(&path).unwrap_or_default();
        let step = (bytes.len() / 13).max(1);
        for n in (0..bytes.len()).step_by(step) {
            let _ = jixiao::scorecard::import::import_bytes(&path, &bytes[..n], None);
            let mut flipped = bytes.clone();
            if let Some(b) = flipped.get_mut(n) {
                *b ^= 0x5a;
            }
            let _ = jixiao::scorecard::import::import_bytes(&path, &flipped, None);
        }
    }
}

/// A text page saved as GBK (Excel/Notepad on a Chinese Windows) or UTF-16 imports the
/// same department as its UTF-8 original, with a note naming the encoding.
#[test]
fn gbk_and_utf16_text_sources_import_like_utf8() {
    use jixiao::scorecard::import::import_bytes;
    let path = Path::new(DIR).join("06-hunan-pipe-text.txt");
    let utf8 = std::fs::read(&path).expect("corpus file");
    let text = String::from_utf8(utf8.clone()).expect("utf-8 corpus file");
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad, "the page is GBK-encodable");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let want = import_bytes(&path, &utf8, None).expect("utf-8 imports");
    for (name, bytes) in [("GBK", gbk.to_vec()), ("UTF-16LE", utf16)] {
        let got = import_bytes(&path, &bytes, None).expect("imports");
        assert_eq!(
            format!("{:?}", got.department.projects),
            format!("{:?}", want.department.projects),
            "{name}"
        );
        assert!(
            got.notes.iter().any(|n| n.message.contains("编码读取")),
            "{name}: {:?}",
            got.notes
        );
    }
}

/// `项目属性 | 延续项目 | 项目期 | 1年`: a short fact ends at the next label instead of
/// taking the rest of the line as its value.
#[test]
fn a_short_fact_ends_at_the_next_label() {
    let path = Path::new(DIR).join("29-anhui-health-tabs-attachment.txt");
    let imported = jixiao::scorecard::import::import_file(&path, None).expect("imports");
    let purposes: Vec<&str> = imported
        .department
        .projects
        .iter()
        .map(|p| p.purpose.as_str())
        .collect();
    assert_eq!(purposes, ["延续项目"]);
}
