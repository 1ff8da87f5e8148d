//! `--format csv`: one line per scored row (indicators, execution, totals) for
//! spreadsheets and further processing.

use super::csv_safe::cell;
use super::layout::{fmt_amount, fmt_rate};
use crate::evaluate::{Execution, IndicatorResult, ScoredDepartment};
use crate::score::formula::fixed;

const HEADER: [&str; 17] = [
    "scope",
    "project_code",
    "project_name",
    "row",
    "id",
    "level1",
    "level2",
    "name",
    "target",
    "actual",
    "points",
    "score",
    "achieved",
    "grade",
    "flags",
    "reason",
    "error",
];

/// Writes one record, every cell made safe for a spreadsheet ([`cell`]): the text cells
/// carry what users typed; our own numbers pass unchanged.
fn write(w: &mut csv::Writer<Vec<u8>>, record: [&str; 17]) {
    let _ = w.write_record(record.map(cell).iter().map(|c| c.as_ref()));
}

pub fn render(s: &ScoredDepartment) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let places = s.rounding_places;
    write(&mut w, HEADER);
    let d = &s.department;
    let put = |scope: &str,
               code: &str,
               name: &str,
               rows: &[IndicatorResult],
               e: &Execution,
               total: &str,
               grade: &str,
               incomplete: Option<&str>,
               w: &mut csv::Writer<Vec<u8>>| {
        for r in rows {
            let flags: Vec<&str> = r.flags.iter().map(|f| f.code.as_str()).collect();
            write(
                w,
                [
                    scope,
                    code,
                    name,
                    "indicator",
                    &r.id,
                    &r.level1,
                    &r.level2,
                    &r.name,
                    &r.target,
                    r.actual.as_deref().unwrap_or(""),
                    &fixed(r.points, 2),
                    &r.score.map(|x| fixed(x, places)).unwrap_or_default(),
                    match r.achieved {
                        Some(true) => "true",
                        Some(false) => "false",
                        None => "",
                    },
                    "",
                    &flags.join(";"),
                    r.reason.as_deref().unwrap_or(""),
                    r.error.as_deref().unwrap_or(""),
                ],
            );
        }
        let flags: Vec<&str> = e.flags.iter().map(|f| f.code.as_str()).collect();
        let actual = match (e.spent, e.rate) {
            (Some(sp), Some(r)) => format!(
                "{} / {} = {}",
                fmt_amount(sp),
                fmt_amount(e.adjusted.unwrap_or(e.budget)),
                fmt_rate(r)
            ),
            _ => String::new(),
        };
        write(
            w,
            [
                scope,
                code,
                name,
                "execution",
                "",
                "",
                "",
                "预算执行率",
                "",
                &actual,
                &fixed(e.points, 2),
                &e.score.map(|x| fixed(x, places)).unwrap_or_default(),
                "",
                "",
                &flags.join(";"),
                "",
                "",
            ],
        );
        write(
            w,
            [
                scope,
                code,
                name,
                "total",
                "",
                "",
                "",
                "总分",
                "",
                "",
                "",
                total,
                "",
                grade,
                if incomplete.is_some() {
                    "incomplete"
                } else {
                    ""
                },
                "",
                incomplete.unwrap_or(""),
            ],
        );
    };
    put(
        "department",
        &d.code,
        &d.name,
        &d.indicators,
        &d.execution,
        &fixed(d.score, places),
        &d.grade,
        d.incomplete.as_deref(),
        &mut w,
    );
    for p in &s.projects {
        put(
            "project",
            &p.code,
            &p.name,
            &p.indicators,
            &p.execution,
            &fixed(p.score, places),
            &p.grade,
            p.incomplete.as_deref(),
            &mut w,
        );
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
