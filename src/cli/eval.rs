//! `jixiao eval TARGET ACTUAL …` and `jixiao eval --csv FILE`.

use super::{exit, TextOrJson};
use crate::diagnostic::render;
use crate::eval_csv::{eval_csv, EvalCsvOptions};
use crate::eval_rows::{eval_row, RowText};
use crate::i18n::{tf, Lang};
use crate::model::Direction;
use crate::report::labels;
use crate::score::formula::fixed;
use crate::score::Policy;
use clap::Args;
use serde_json::json;
use std::io::Read;

#[derive(Args, Debug)]
pub struct EvalArgs {
    #[arg(required_unless_present = "csv")]
    target: Option<String>,
    #[arg(required_unless_present = "csv")]
    actual: Option<String>,
    #[arg(long, default_value = "10", value_parser = points_arg)]
    points: String,
    #[arg(long)]
    baseline: Option<String>,
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2999))]
    fiscal_year: Option<i32>,
    #[arg(long)]
    description: Option<String>,
    #[arg(long)]
    reason: Option<String>,
    #[arg(long, conflicts_with_all = ["target", "actual"])]
    csv: Option<String>,
    // Hidden, so it needs no help text: parses and scores every row afresh, to check the
    // cache against (slower).
    #[arg(long, hide = true)]
    no_cache: bool,
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
}

/// `--points` as the scorer reads a row's points ([`crate::eval_rows::parse_points`]): a bad
/// value is a bad argument (exit 2), not a row that failed.
fn points_arg(s: &str) -> Result<String, String> {
    crate::eval_rows::parse_points(s).map(|_| s.to_string())
}

pub fn run(a: EvalArgs) -> u8 {
    let policy = Policy::default();
    if let Some(path) = &a.csv {
        return run_csv(path, &a, &policy);
    }
    let (Some(target), Some(actual)) = (&a.target, &a.actual) else {
        eprintln_safe!("{}", crate::i18n::t("cli.eval-usage"));
        return exit::UNUSABLE;
    };
    let fy = a.fiscal_year.map(|y| y.to_string());
    let row = RowText {
        target,
        actual,
        points: Some(&a.points),
        baseline: a.baseline.as_deref(),
        fiscal_year: fy.as_deref(),
        description: a.description.as_deref(),
        reason: a.reason.as_deref(),
    };
    let r = eval_row(&row, a.fiscal_year, &policy);
    let score = r.score.map(|s| fixed(s, policy.rounding_places));
    let status = if r.error.is_some() {
        exit::FAILED
    } else {
        exit::OK
    };
    if a.format == TextOrJson::Json {
        let v = json!({
            "target": target,
            "actual": actual,
            "kind": r.kind,
            "score": score,
            "achieved": r.achieved,
            "flags": r.detail.as_ref().map(|d| d.flags.clone()).unwrap_or_default(),
            "warnings": r.warnings,
            "error": r.error,
            "trace": r.detail.as_ref().map(|d| &d.trace),
        });
        if let Err(e) = super::write_stdout(super::json_line(&v).as_bytes()) {
            return super::output_status(Err(e), status);
        }
    } else {
        eprint_safe!("{}", render(&r.warnings, "target", target));
        if let Some(d) = &r.detail {
            // A row that could not be scored has its error on stderr; its formula line would
            // only repeat it.
            let mut text = match &r.error {
                Some(_) => String::new(),
                None => format!("{}\n", d.trace.formula),
            };
            text += &score_line(d, score.as_deref(), r.achieved);
            let rule = if d.trace.rule.is_empty() {
                "—"
            } else {
                d.trace.rule.as_str()
            };
            text += &tf("cli.eval-rule", &[("rule", rule)]);
            text.push('\n');
            for f in &d.flags {
                let (flag, message) = if crate::i18n::current() == Lang::En {
                    (f.code.as_str().to_string(), f.message.clone())
                } else {
                    labels::flag_text_for(d.trace.direction == Direction::Reverse, f)
                };
                text += &tf("cli.eval-flag", &[("flag", &flag), ("message", &message)]);
                text.push('\n');
            }
            if let Err(e) = super::write_stdout(text.as_bytes()) {
                return super::output_status(Err(e), status);
            }
        }
        if let Some(e) = &r.error {
            super::say_error(e);
        }
    }
    status
}

fn run_csv(path: &str, a: &EvalArgs, policy: &Policy) -> u8 {
    let input: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                super::say_read_error(path, &e);
                return exit::UNUSABLE;
            }
        }
    };
    // GBK, UTF-16 and BOMs are decoded here; UTF-8 streams through.
    let input = match crate::encoding::utf8_reader(input) {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            super::say_coded_error(e.code, format!("`{path}`: {e}"));
            return exit::UNUSABLE;
        }
        Err(e) => {
            super::say_read_error(path, &e);
            return exit::UNUSABLE;
        }
    };
    let opts = EvalCsvOptions {
        fiscal_year: a.fiscal_year,
        cache: !a.no_cache,
    };
    let stdout = std::io::stdout().lock();
    match eval_csv(input, stdout, policy, opts) {
        Ok(s) if s.failed > 0 => {
            let line = crate::i18n::tf(
                "cli.eval-rows-failed",
                &[
                    ("failed", &s.failed.to_string()),
                    ("rows", &s.rows.to_string()),
                ],
            );
            eprintln_safe!("{line}");
            exit::FAILED
        }
        Ok(_) => exit::OK,
        Err(e) => {
            let line = crate::i18n::tf("cli.eval-csv", &[("path", path), ("msg", &e.0)]);
            eprintln_safe!("{line}");
            exit::UNUSABLE
        }
    }
}

/// The score line of `eval`. In English the words stay as they were (`kind: comparison`,
/// `direction: 正向 (by the form of the target)`); in Chinese kind, direction and its
/// reason come from the report's labels, as in the 自评表.
fn score_line(d: &crate::score::RowScore, score: Option<&str>, achieved: Option<bool>) -> String {
    let en = crate::i18n::current() == Lang::En;
    let achieved = match achieved {
        Some(true) => crate::i18n::t("cli.eval-yes"),
        Some(false) => crate::i18n::t("cli.eval-no"),
        None => "—",
    };
    let (kind, direction, source) = if en {
        (
            d.trace.kind.to_string(),
            d.trace.direction.label(),
            d.trace.direction_source.describe(),
        )
    } else {
        let kind = d.trace.kind.to_string();
        (
            labels::kind(&kind).to_string(),
            labels::direction(d.trace.direction),
            labels::direction_source(d.trace.direction_source, labels::has_operator(&kind)),
        )
    };
    let mut line = tf(
        "cli.eval-line",
        &[
            ("score", score.unwrap_or("—")),
            ("points", &d.trace.points.normalize().to_string()),
            ("achieved", achieved),
            ("kind", &kind),
            ("direction", direction),
            ("source", source),
        ],
    );
    line.push('\n');
    line
}
