//! `jixiao parse TARGET… [--fiscal-year Y] [--strict] [--format text|json]`

use super::{exit, TextOrJson};
use crate::diagnostic::render;
use crate::model::{Target, TargetKind};
use crate::parse::{parse_target, Strictness};
use clap::Args;
use serde_json::json;

#[derive(Args, Debug)]
pub struct ParseArgs {
    #[arg(required = true)]
    targets: Vec<String>,
    #[arg(long)]
    fiscal_year: Option<i32>,
    #[arg(long)]
    strict: bool,
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
}

pub fn run(a: ParseArgs) -> u8 {
    let strictness = if a.strict {
        Strictness::Strict
    } else {
        Strictness::Lenient
    };
    let mut failed = false;
    let mut json_out = Vec::new();
    for src in &a.targets {
        match parse_target(src, strictness) {
            Ok(p) => {
                if a.format == TextOrJson::Json {
                    json_out.push(json!({
                        "input": src,
                        "target": p.value,
                        "canonical": p.value.to_string(),
                        "direction": p.value.direction(false).0,
                        "due": due(&p.value, a.fiscal_year),
                        "warnings": p.warnings,
                    }));
                } else {
                    let text = describe(src, &p.value, a.fiscal_year);
                    if let Err(e) = super::write_stdout(text.as_bytes()) {
                        return super::output_status(Err(e), status(failed));
                    }
                    eprint_safe!("{}", render(&p.warnings, "target", src));
                }
            }
            Err(diags) => {
                failed = true;
                if a.format == TextOrJson::Json {
                    json_out.push(json!({ "input": src, "errors": diags }));
                } else {
                    eprint_safe!("{}", render(&diags, "target", src));
                }
            }
        }
    }
    if a.format == TextOrJson::Json {
        return super::emit(super::json_line(&json_out), status(failed));
    }
    status(failed)
}

fn status(failed: bool) -> u8 {
    if failed {
        exit::FAILED
    } else {
        exit::OK
    }
}

fn due(t: &Target, fy: Option<i32>) -> Option<String> {
    match &t.kind {
        TargetKind::Deadline(d) => {
            let y = d.end.year.or(fy)?;
            d.end.last_day(y).map(|x| x.to_string())
        }
        _ => None,
    }
}

/// The human-readable description of one parsed target.
pub fn describe(src: &str, t: &Target, fy: Option<i32>) -> String {
    let (dir, why) = t.direction(false);
    let mut out = format!("{src}\n  kind:      {}\n", t.kind_name());
    match &t.kind {
        TargetKind::Comparison(c) => {
            out += &format!(
                "  operator:  {} ({})\n  value:     {}\n  unit:      {}\n",
                c.op.symbol(),
                c.op.code(),
                c.quantity.scaled().normalize(),
                c.quantity.unit_reading()
            );
        }
        TargetKind::Range(r) => {
            out += &format!("  low:       {}\n  high:      {}\n", r.low, r.high);
        }
        TargetKind::Deadline(d) => {
            if let Some(s) = &d.start {
                out += &format!("  from:      {s}\n");
            }
            out += &format!("  deadline:  {}\n", d.end);
            match due(t, fy) {
                Some(day) => out += &format!("  due:       {day} (inclusive)\n"),
                None => out += "  due:       the fiscal year's (pass --fiscal-year to resolve)\n",
            }
        }
        TargetKind::Change(c) => {
            out += &format!(
                "  change:    {:?} by {}{}\n",
                c.direction,
                c.amount,
                c.op.map(|o| format!(" ({})", o.code())).unwrap_or_default()
            );
            if let Some(b) = &c.basis {
                out += &format!("  against:   {b}\n");
            }
        }
        TargetKind::Qualitative(q) => {
            out += &format!("  text:      {}\n", q.text);
        }
    }
    out += &format!(
        "  direction: {} ({})\n  canonical: {t}\n",
        dir.code(),
        why.describe()
    );
    out
}
