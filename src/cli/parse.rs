//! `jixiao parse TARGET… [--fiscal-year Y] [--strict] [--format text|json]`

use super::{exit, TextOrJson};
use crate::diagnostic::render;
use crate::i18n::tf;
use crate::model::target::ChangeDirection;
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

/// The human-readable description of one parsed target, labelled in the user's language.
pub fn describe(src: &str, t: &Target, fy: Option<i32>) -> String {
    let (dir, why) = t.direction(false);
    let mut out = format!("{src}\n");
    let kind = crate::i18n::t(&format!("report.kind-{}", t.kind_name())).to_string();
    line(&mut out, "kind", &kind);
    match &t.kind {
        TargetKind::Comparison(c) => {
            let op = format!("{} ({})", c.op.symbol(), c.op.code());
            line(&mut out, "operator", &op);
            line(
                &mut out,
                "value",
                &c.quantity.scaled().normalize().to_string(),
            );
            line(&mut out, "unit", &c.quantity.unit_reading().to_string());
        }
        TargetKind::Range(r) => {
            line(&mut out, "low", &r.low.to_string());
            line(&mut out, "high", &r.high.to_string());
        }
        TargetKind::Deadline(d) => {
            if let Some(s) = &d.start {
                line(&mut out, "from", &s.to_string());
            }
            line(&mut out, "deadline", &d.end.to_string());
            let due_text = match due(t, fy) {
                Some(day) => tf("parse.due-inclusive", &[("day", &day.to_string())]),
                None => crate::i18n::t("parse.due-unknown").to_string(),
            };
            line(&mut out, "due", &due_text);
        }
        TargetKind::Change(c) => {
            let op = c.op.map(|o| format!(" ({})", o.code())).unwrap_or_default();
            let way = match c.direction {
                ChangeDirection::Increase => "parse.change-increase",
                ChangeDirection::Decrease => "parse.change-decrease",
            };
            let change = tf(way, &[("amount", &c.amount.to_string())]) + &op;
            line(&mut out, "change", &change);
            if let Some(b) = &c.basis {
                line(&mut out, "against", &b.to_string());
            }
        }
        TargetKind::Qualitative(q) => line(&mut out, "text", &q.text),
    }
    let direction = crate::i18n::t(&format!("report.direction-{}", dir.code())).to_string();
    line(
        &mut out,
        "direction",
        &format!("{direction} ({})", why.describe()),
    );
    line(&mut out, "canonical", &t.to_string());
    out
}

/// One labelled line of [`describe`] (`  kind:      comparison` / `  类型：比较`).
fn line(out: &mut String, label: &str, value: &str) {
    out.push_str("  ");
    out.push_str(crate::i18n::t(&format!("parse.{label}")));
    out.push_str(value);
    out.push('\n');
}
