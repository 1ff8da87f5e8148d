//! `jixiao check`: reviews a scorecard folder the way a careful reviewer would. Load
//! errors are reported as the loader states them; on top of those, every file that loads
//! is checked for targets that parse only leniently, units the name contradicts,
//! deadlines outside the fiscal year, vague qualitative targets, contradicted 反向 marks,
//! points that cannot add up, budget parts and spending plans that do not add up.
//!
//! Also home to `jixiao template` ([`template`]) and `jixiao fmt` ([`reformat`]).

pub mod reformat;
pub mod region;
pub mod rules;
pub mod spans;
pub mod template;

use crate::diagnostic::{render_file_diagnostics, Code, FileDiagnostic, Severity};
use crate::i18n::tf;
use crate::score::Policy;
use crate::scorecard::load::{
    load_department, load_department_file_str, load_project, project_files, DEPARTMENT_FILE,
};
use crate::scorecard::{Department, Indicator, Project};
use serde::Serialize;
use spans::FileIndex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Targets that parse only leniently are errors, not warnings.
    pub strict: bool,
}

/// What `check` found: every diagnostic in reading order (by file, then position), and
/// the files looked at.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub diagnostics: Vec<FileDiagnostic>,
    pub files: Vec<PathBuf>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
}

impl Counts {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a FileDiagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.diagnostic.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Advice => c.advice += 1,
            }
        }
        c
    }
}

/// `0 个错误，4 个警告，29 条建议` / `0 errors, 4 warnings, 29 advice`.
impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tf(
            "check.counts",
            &[
                ("errors", &counted(self.errors, "check.errors")),
                ("warnings", &counted(self.warnings, "check.warnings")),
                ("advice", &counted(self.advice, "check.advice")),
            ],
        ))
    }
}

/// `n` with its noun from the catalogue: `<key>-one` for 1 (English `1 error`), `<key>`
/// otherwise.
fn counted(n: usize, key: &str) -> String {
    let key = if n == 1 {
        format!("{key}-one")
    } else {
        key.to_string()
    };
    tf(&key, &[("n", &n.to_string())])
}

/// `folder: 0 errors, … in 15 files` / `folder：0 个错误，…（共检查 15 个文件）`.
fn summary(folder: &Path, counts: Counts, files: usize) -> String {
    tf(
        "check.summary",
        &[
            ("folder", &folder.display().to_string()),
            ("counts", &counts.to_string()),
            ("files", &counted(files, "check.files")),
        ],
    )
}

impl CheckReport {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(FileDiagnostic::is_error)
    }

    /// Diagnostics grouped per file (a header line with the file's counts), then a
    /// one-line summary.
    pub fn render_text(&self, folder: &Path) -> String {
        let all: Vec<&FileDiagnostic> = self.diagnostics.iter().collect();
        let mut out = per_file(&all);
        out.push_str(&summary(folder, self.counts(), self.files.len()));
        out.push('\n');
        // File names may hold terminal escapes (the diagnostics are escaped already).
        crate::terminal_text::sanitize_for_terminal(&out).into_owned()
    }

    /// What the `check` command prints: the summary first, then errors and warnings in full
    /// (grouped per file), then advice — in full with `verbose`, else one line per kind of
    /// advice with its count, so that a few warnings are not buried under pages of advice.
    pub fn render_grouped(&self, folder: &Path, verbose: bool) -> String {
        let mut out = summary(folder, self.counts(), self.files.len()) + "\n\n";
        let serious: Vec<&FileDiagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.diagnostic.severity != Severity::Advice)
            .collect();
        let advice: Vec<&FileDiagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.diagnostic.severity == Severity::Advice)
            .collect();
        out.push_str(&per_file(&serious));
        if verbose {
            out.push_str(&per_file(&advice));
        } else if !advice.is_empty() {
            out.push_str(&tf(
                "check.advice-folded",
                &[("n", &advice.len().to_string())],
            ));
            out.push('\n');
            let mut kinds: Vec<(Code, usize, &str)> = Vec::new();
            for d in &advice {
                match kinds.iter_mut().find(|k| k.0 == d.diagnostic.code) {
                    Some(k) => k.1 += 1,
                    None => kinds.push((d.diagnostic.code, 1, &d.diagnostic.message)),
                }
            }
            for (code, n, example) in kinds {
                let line = tf(
                    "check.advice-kind",
                    &[
                        ("code", code.as_str()),
                        ("n", &n.to_string()),
                        ("example", example),
                    ],
                );
                out.push_str(&format!("  {line}\n"));
            }
        }
        // File names and messages may hold terminal escapes.
        crate::terminal_text::sanitize_for_terminal(&out).into_owned()
    }

    /// A JSON array of `{file, line, column, severity, code, message, help, snippet}`.
    pub fn render_json(&self) -> String {
        let mut s =
            serde_json::to_string_pretty(&self.json_items()).unwrap_or_else(|_| "[]".to_string());
        s.push('\n');
        s
    }

    /// The items of [`Self::render_json`].
    fn json_items(&self) -> Vec<JsonDiagnostic<'_>> {
        self.diagnostics
            .iter()
            .map(|d| {
                let (line, column) = d.line_col();
                JsonDiagnostic {
                    file: d.file.display().to_string(),
                    line,
                    column,
                    severity: d.diagnostic.severity,
                    code: d.diagnostic.code.as_str(),
                    message: &d.diagnostic.message,
                    help: d.diagnostic.help.as_deref(),
                    snippet: d.snippet(),
                }
            })
            .collect()
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: usize,
    column: usize,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    snippet: &'a str,
}

/// Diagnostics grouped per file, each group under a line with the file's counts.
fn per_file(diags: &[&FileDiagnostic]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(first) = diags.get(i) {
        let group: Vec<FileDiagnostic> = diags
            .iter()
            .skip(i)
            .take_while(|d| d.file == first.file)
            .map(|d| (*d).clone())
            .collect();
        i += group.len().max(1);
        out.push_str(&tf(
            "check.file-counts",
            &[
                ("file", &first.file.display().to_string()),
                ("counts", &Counts::of(&group).to_string()),
            ],
        ));
        out.push_str("\n\n");
        out.push_str(&render_file_diagnostics(&group));
    }
    out
}

/// Checks a department folder. Load errors come first-hand from the loader; files that
/// load without errors are checked further even when others in the folder do not load.
pub fn check_folder(dir: &Path, policy: &Policy, opts: CheckOptions) -> CheckReport {
    let mut report = CheckReport::default();
    let mut diags = Vec::new();
    match load_department(dir) {
        Ok((dept, warnings)) => {
            diags.extend(warnings);
            report.files.push(dir.join(DEPARTMENT_FILE));
            report
                .files
                .extend(dept.projects.iter().map(|p| p.file.clone()));
            diags.extend(check_department(&dept, policy, opts));
        }
        Err(load_diags) => {
            let broken: BTreeSet<PathBuf> = load_diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.file.clone())
                .collect();
            diags.extend(load_diags);
            let parts = loadable_parts(dir, &broken);
            report.files = parts.files;
            let fiscal_year = parts.department.as_ref().map(|d| d.fiscal_year);
            let own = parts.department.as_ref().map(|d| d.indicators.as_slice());
            let (projects, at) = (&parts.projects, dir.join(DEPARTMENT_FILE));
            diags.extend(check_rows_of(own, &at, projects, fiscal_year, policy, opts));
        }
    }
    sort(&mut diags);
    report.diagnostics = diags;
    report
}

/// The parts of a folder with load errors that load on their own.
struct Parts {
    /// The department file alone (no projects), when it has no errors.
    department: Option<Department>,
    projects: Vec<Project>,
    files: Vec<PathBuf>,
}

fn loadable_parts(dir: &Path, broken: &BTreeSet<PathBuf>) -> Parts {
    let mut parts = Parts {
        department: None,
        projects: Vec::new(),
        files: Vec::new(),
    };
    let dept_path = dir.join(DEPARTMENT_FILE);
    if dept_path.is_file() {
        parts.files.push(dept_path.clone());
        if !broken.contains(&dept_path) {
            if let Ok(text) = crate::limits::read_to_string(&dept_path) {
                if let Ok((d, _)) = load_department_file_str(&dept_path, &text) {
                    parts.department = Some(d);
                }
            }
        }
    }
    let paths = project_files(dir).unwrap_or_default();
    for p in paths {
        parts.files.push(p.clone());
        if broken.contains(&p) {
            continue;
        }
        if let Ok((project, _)) = load_project(&p) {
            parts.projects.push(project);
        }
    }
    parts
}

/// Checks a loaded department: its own indicators and every project.
pub fn check_department(
    dept: &Department,
    policy: &Policy,
    opts: CheckOptions,
) -> Vec<FileDiagnostic> {
    let at = dept.folder.join(DEPARTMENT_FILE);
    let fy = Some(dept.fiscal_year);
    let own = Some(dept.indicators.as_slice());
    let mut diags = check_rows_of(own, &at, &dept.projects, fy, policy, opts);
    sort(&mut diags);
    diags
}

/// The department's own rows (written in `department_file`), when they loaded, and every
/// project's: a folder that loads and one that loads only in parts are checked alike.
fn check_rows_of(
    own: Option<&[Indicator]>,
    department_file: &Path,
    projects: &[Project],
    fiscal_year: Option<i32>,
    policy: &Policy,
    opts: CheckOptions,
) -> Vec<FileDiagnostic> {
    let mut diags = match own {
        Some(rows) => check_rows(rows, department_file, fiscal_year, policy, opts),
        None => Vec::new(),
    };
    for p in projects {
        diags.extend(check_project(p, fiscal_year, policy, opts));
    }
    diags
}

fn check_project(
    p: &Project,
    fiscal_year: Option<i32>,
    policy: &Policy,
    opts: CheckOptions,
) -> Vec<FileDiagnostic> {
    let mut diags = check_rows(&p.indicators, &p.file, fiscal_year, policy, opts);
    let index = index_of(&p.file);
    let extra = rules::check_budget(p, &index)
        .into_iter()
        .chain(rules::check_spending_plan(p, &index));
    diags.extend(extra.map(|d| FileDiagnostic {
        file: p.file.clone(),
        source: index.source.clone(),
        diagnostic: d,
    }));
    diags
}

fn index_of(file: &Path) -> FileIndex {
    FileIndex::read(file).unwrap_or_else(|| FileIndex::from_source(""))
}

fn check_rows(
    indicators: &[Indicator],
    file: &Path,
    fiscal_year: Option<i32>,
    policy: &Policy,
    opts: CheckOptions,
) -> Vec<FileDiagnostic> {
    let index = index_of(file);
    let mut found: Vec<_> = indicators
        .iter()
        .flat_map(|ind| rules::check_indicator(ind, &index, fiscal_year, opts.strict))
        .collect();
    found.extend(rules::check_points(indicators, &index, policy));
    found
        .into_iter()
        .map(|d| FileDiagnostic {
            file: file.to_path_buf(),
            source: index.source.clone(),
            diagnostic: d,
        })
        .collect()
}

/// Reading order: by file, then position; at one position errors before warnings before
/// advice.
fn sort(diags: &mut [FileDiagnostic]) {
    let rank = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Advice => 2,
    };
    diags.sort_by(|a, b| {
        (
            &a.file,
            a.diagnostic.span.start,
            rank(a.diagnostic.severity),
        )
            .cmp(&(
                &b.file,
                b.diagnostic.span.start,
                rank(b.diagnostic.severity),
            ))
    });
}
