//! `--format csv`: one line per scored row (indicators, execution, totals) for
//! spreadsheets and further processing.

use super::csv_safe::cell;
use super::layout::{fmt_amount, fmt_rate};
use crate::evaluate::{Execution, IndicatorResult, ScoredDepartment};
use crate::score::formula::fixed;
use crate::score::Flag;

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

/// One scope's lines (the department's own rows or a project's): its rows, the
/// execution row and the total.
struct Scope<'a> {
    scope: &'a str,
    code: &'a str,
    name: &'a str,
    rows: &'a [IndicatorResult],
    execution: &'a Execution,
    total: String,
    grade: &'a str,
    incomplete: Option<&'a str>,
}

/// Flag codes joined by `;`.
fn flag_codes(flags: &[Flag]) -> String {
    let codes: Vec<&str> = flags.iter().map(|f| f.code.as_str()).collect();
    codes.join(";")
}

fn row_line(w: &mut csv::Writer<Vec<u8>>, sc: &Scope<'_>, r: &IndicatorResult, places: u32) {
    write(
        w,
        [
            sc.scope,
            sc.code,
            sc.name,
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
            &flag_codes(&r.flags),
            r.reason.as_deref().unwrap_or(""),
            r.error.as_deref().unwrap_or(""),
        ],
    );
}

fn execution_line(w: &mut csv::Writer<Vec<u8>>, sc: &Scope<'_>, places: u32) {
    let e = sc.execution;
    let actual = match (e.spent, e.rate) {
        (Some(sp), Some(r)) => format!(
            "{} / {} = {}",
            fmt_amount(sp),
            fmt_amount(e.adjusted.unwrap_or(e.budget)),
            fmt_rate(r)
        ),
        _ => String::new(),
    };
    let score = e.score.map(|x| fixed(x, places)).unwrap_or_default();
    let (label, points, flags) = ("预算执行率", fixed(e.points, 2), flag_codes(&e.flags));
    write(
        w,
        [
            sc.scope,
            sc.code,
            sc.name,
            "execution",
            "",
            "",
            "",
            label,
            "",
            &actual,
            &points,
            &score,
            "",
            "",
            &flags,
            "",
            "",
        ],
    );
}

fn total_line(w: &mut csv::Writer<Vec<u8>>, sc: &Scope<'_>) {
    let flag = if sc.incomplete.is_some() {
        "incomplete"
    } else {
        ""
    };
    let reason = sc.incomplete.unwrap_or("");
    write(
        w,
        [
            sc.scope, sc.code, sc.name, "total", "", "", "", "总分", "", "", "", &sc.total, "",
            sc.grade, flag, "", reason,
        ],
    );
}

pub fn render(s: &ScoredDepartment) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let places = s.rounding_places;
    write(&mut w, HEADER);
    let d = &s.department;
    let department = Scope {
        scope: "department",
        code: &d.code,
        name: &d.name,
        rows: &d.indicators,
        execution: &d.execution,
        total: fixed(d.score, places),
        grade: &d.grade,
        incomplete: d.incomplete.as_deref(),
    };
    let projects = s.projects.iter().map(|p| Scope {
        scope: "project",
        code: &p.code,
        name: &p.name,
        rows: &p.indicators,
        execution: &p.execution,
        total: fixed(p.score, places),
        grade: &p.grade,
        incomplete: p.incomplete.as_deref(),
    });
    for sc in std::iter::once(department).chain(projects) {
        for r in sc.rows {
            row_line(&mut w, &sc, r, places);
        }
        execution_line(&mut w, &sc, places);
        total_line(&mut w, &sc);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
