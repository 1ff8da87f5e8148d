//! Shared helpers for the table-driven tests: how a parsed target is written in the
//! case files (`tests/cases/*.csv`).

#![allow(dead_code)]

use jixiao::model::{Target, TargetKind};
use jixiao::parse::{parse_target, Strictness};
use std::path::PathBuf;

/// The fiscal year year-less deadlines resolve to in the case files.
pub const FISCAL_YEAR: i32 = 2022;

pub fn case_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
        .join(name)
}

/// A parsed target as the case files write it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shape {
    pub kind: String,
    pub op: String,
    pub value: String,
    pub unit: String,
    pub direction: String,
    pub canonical: String,
    /// `code=underlined text` for each lenient warning, joined by `;`.
    pub warnings: String,
    /// Error codes (without the `target::` prefix), joined by `;`.
    pub error: String,
}

fn code(c: &str) -> &str {
    c.rsplit("::").next().unwrap_or(c)
}

/// The text a span underlines, or `?` if the span is not on char boundaries.
pub fn spanned(src: &str, start: usize, end: usize) -> String {
    src.get(start..end).unwrap_or("?").to_string()
}

/// Kind, op, value, unit, direction and canonical form of `t`. `value` is the scaled
/// number (magnitude words applied), `lo..hi` for ranges, and the due day in
/// [`FISCAL_YEAR`] for deadlines.
pub fn shape_of(t: &Target, description_reverse: bool) -> Shape {
    let mut s = Shape {
        kind: t.kind_name().to_string(),
        op: t.op().map(|o| o.code().to_string()).unwrap_or_default(),
        direction: t.direction(description_reverse).0.code().to_string(),
        canonical: t.to_string(),
        ..Shape::default()
    };
    match &t.kind {
        TargetKind::Comparison(c) => {
            s.value = c.quantity.scaled().normalize().to_string();
            s.unit = c.quantity.unit_str().to_string();
        }
        TargetKind::Change(c) => {
            s.value = c.amount.scaled().normalize().to_string();
            s.unit = c.amount.unit_str().to_string();
        }
        TargetKind::Range(r) => {
            s.value = format!(
                "{}..{}",
                r.low.scaled().normalize(),
                r.high.scaled().normalize()
            );
            s.unit = r.high.unit_str().to_string();
        }
        TargetKind::Deadline(d) => {
            s.value = d
                .end
                .last_day(FISCAL_YEAR)
                .map(|x| x.to_string())
                .unwrap_or_else(|| "invalid".into());
        }
        TargetKind::Qualitative(_) => {}
    }
    s
}

/// Parses `src` leniently and describes the outcome as the case files do.
pub fn shape(src: &str, description_reverse: bool) -> Shape {
    match parse_target(src, Strictness::Lenient) {
        Ok(p) => {
            let mut s = shape_of(&p.value, description_reverse);
            s.warnings = p
                .warnings
                .iter()
                .map(|w| {
                    format!(
                        "{}={}",
                        code(w.code.as_str()),
                        spanned(src, w.span.start, w.span.end)
                    )
                })
                .collect::<Vec<_>>()
                .join(";");
            s
        }
        Err(diags) => Shape {
            error: diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| code(d.code.as_str()).to_string())
                .collect::<Vec<_>>()
                .join(";"),
            ..Shape::default()
        },
    }
}

/// A department folder `D1 测试局` (fiscal year 2022) with an empty `projects/`, for tests
/// that write their own project and actuals files into it.
pub fn department_d1() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(tmp.path().join("projects")).expect("projects/");
    std::fs::write(
        tmp.path().join("department.toml"),
        "code = \"D1\"\nname = \"测试局\"\nfiscal_year = 2022\n",
    )
    .expect("department.toml");
    tmp
}

/// The jixiao binary with the locale variables removed: its messages come out in the
/// default language (Chinese), whatever the locale running the tests.
pub fn jixiao() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

/// Copies a folder tree byte for byte (a scorecard folder into a test's scratch folder).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    copy_tree(from, to, &|bytes| bytes.to_vec());
}

/// Copies a folder tree of text files, each through `edit` (a region of variants).
pub fn copy_dir_edited(
    from: &std::path::Path,
    to: &std::path::Path,
    edit: &dyn Fn(&str) -> String,
) {
    copy_tree(from, to, &|bytes| {
        edit(std::str::from_utf8(bytes).expect("a text file")).into_bytes()
    });
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path, file: &dyn Fn(&[u8]) -> Vec<u8>) {
    std::fs::create_dir_all(to).expect("create folder");
    for e in std::fs::read_dir(from).expect("read folder") {
        let e = e.expect("folder entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_tree(&e.path(), &target, file);
        } else {
            let bytes = std::fs::read(e.path()).expect("read file");
            std::fs::write(&target, file(&bytes)).expect("write file");
        }
    }
}
