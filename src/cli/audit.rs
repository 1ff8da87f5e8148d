//! `jixiao audit SOURCE… [--policy FILE] [--tolerance 0.05] [--format …] [-o FILE]
//! [--import-to DIR]`: re-score published 自评表 and show where they break the rules.
//! Exit 0: every printed score agrees and no check fired; 1: something to look at;
//! 2: a source could not be read at all.

use super::exit;
use crate::audit::render::{has_findings, render_bytes, AuditReport};
use crate::audit::{audit_file, default_tolerance, sources};
use crate::report::Format;
use clap::Args;
use rust_decimal::Decimal;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AuditArgs {
    #[arg(required = true)]
    sources: Vec<PathBuf>,
    #[arg(long)]
    policy: Option<PathBuf>,
    #[arg(long, default_value_t = default_tolerance())]
    tolerance: Decimal,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    #[arg(long)]
    import_to: Option<PathBuf>,
}

pub fn run(a: AuditArgs) -> u8 {
    if a.format.is_binary() && a.output.is_none() {
        eprintln_safe!("{}", crate::i18n::t("cli.xlsx-needs-output"));
        return exit::UNUSABLE;
    }
    if a.tolerance < Decimal::ZERO {
        let value = a.tolerance.to_string();
        eprintln_safe!(
            "{}",
            crate::i18n::tf("cli.tolerance-negative", &[("value", &value)])
        );
        return exit::UNUSABLE;
    }
    let policy = match super::load_policy_arg(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut files = Vec::new();
    let mut unusable = false;
    let mut paths = Vec::new();
    for src in &a.sources {
        match sources(src) {
            Ok(p) => paths.extend(p),
            Err(e) => {
                super::say_error(&e);
                unusable = true;
            }
        }
    }
    // Refused before anything is read: the report never overwrites a source.
    if let Some(out) = &a.output {
        if let Err(code) = super::refuse_input_as_output(out, &paths) {
            return code;
        }
    }
    if paths.is_empty() && !unusable {
        eprintln_safe!("{}", crate::i18n::t("cli.audit-nothing"));
        return exit::UNUSABLE;
    }
    for p in paths {
        match audit_file(&p, &policy, a.tolerance) {
            Ok(f) => files.push(f),
            Err(e) => {
                let (path, msg) = (p.display().to_string(), e.to_string());
                eprintln_safe!(
                    "{}",
                    crate::i18n::tf("cli.audit-file", &[("path", &path), ("msg", &msg)])
                );
                unusable = true;
            }
        }
    }
    if let Some(dir) = &a.import_to {
        if !import_all(dir, &files) {
            unusable = true;
        }
    }
    let report = AuditReport::new(files);
    for f in &report.files {
        for n in &f.notes {
            let head = crate::i18n::tf("cli.warning", &[("msg", &n.message)]);
            eprintln_safe!("{head}\n  --> {}: {}", f.source, n.at);
        }
    }
    let bytes = match render_bytes(&report, a.format) {
        Ok(b) => b,
        Err(e) => {
            super::say_error(&e);
            return exit::UNUSABLE;
        }
    };
    let status = if unusable {
        exit::UNUSABLE
    } else if has_findings(&report) {
        exit::FAILED
    } else {
        exit::OK
    };
    match &a.output {
        Some(path) => match crate::output::write_atomic(path, &bytes) {
            Ok(()) => status,
            Err(e) => {
                super::say_write_error(path, &e);
                exit::UNUSABLE
            }
        },
        None => super::emit(bytes, status),
    }
}

/// `--import-to DIR`: DIR itself for one document, DIR/<file stem> for each of several.
fn import_all(dir: &std::path::Path, files: &[crate::audit::FileAudit]) -> bool {
    let mut ok = true;
    for f in files {
        let source = std::path::Path::new(&f.source);
        let target = if files.len() == 1 {
            dir.to_path_buf()
        } else {
            let stem = source
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            dir.join(stem)
        };
        match crate::audit::import_to::import_to(source, f, &target) {
            Ok(notes) => {
                for n in notes {
                    let head = crate::i18n::tf("cli.warning", &[("msg", &n.to_string())]);
                    eprintln_safe!("{head}\n  --> {}", f.source);
                }
                let path = target.display().to_string();
                eprintln_safe!("{}", crate::i18n::tf("cli.audit-wrote", &[("path", &path)]));
            }
            Err(e) => {
                let msg = e.to_string();
                eprintln_safe!(
                    "{}",
                    crate::i18n::tf("cli.audit-import", &[("path", &f.source), ("msg", &msg)])
                );
                ok = false;
            }
        }
    }
    ok
}
