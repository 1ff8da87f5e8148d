//! 绩效运行监控 (mid-year monitoring): each project's cumulative spending against its
//! plan at a date, a traffic light, and — where year-to-date actuals are given — each
//! indicator's progress and whether the target still looks reachable.

pub mod plan;
mod render;
mod spending;

pub use render::{render_json, render_table, render_table_styled};
pub use spending::{parse_spending_csv, SpendingRow};

use crate::evaluate::{IndicatorResult, ScoredDepartment};
use crate::model::{ActualValue, Direction, Grade, TargetKind};
use crate::parse::parse_actual;
use crate::scorecard::Department;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Traffic-light thresholds on spent ÷ planned: below `red_below` is red, from
/// `green_from` green, yellow between. They live in the policy (`monitor` rule).
pub use crate::score::policy::MonitorThresholds as Thresholds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Red,
    Yellow,
    Green,
}

impl Light {
    pub fn label(self) -> &'static str {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Green => "绿灯",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorProgress {
    pub id: String,
    pub name: String,
    pub target: String,
    pub actual: Option<String>,
    /// Share of the target reached so far, percent (cumulative counts only).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub progress: Option<Decimal>,
    /// Share of the year elapsed, percent: what a cumulative count should have reached.
    #[serde(with = "rust_decimal::serde::str")]
    pub expected: Decimal,
    /// `None` when nothing was reported for the row.
    pub likely: Option<bool>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectMonitor {
    pub code: String,
    pub name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub spent: Option<Decimal>,
    /// Spent ÷ budget, percent.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    /// Planned cumulative share at the date, percent.
    #[serde(with = "rust_decimal::serde::str")]
    pub planned: Decimal,
    /// rate ÷ planned.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub ratio: Option<Decimal>,
    pub light: Option<Light>,
    /// planned − rate, in percentage points (positive = behind plan).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub gap_pp: Option<Decimal>,
    pub indicators: Vec<IndicatorProgress>,
    /// A written explanation is due: red light, or an indicator unlikely to be met.
    pub needs_reason: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonitorReport {
    pub department: String,
    pub as_of: NaiveDate,
    pub thresholds: Thresholds,
    pub projects: Vec<ProjectMonitor>,
}

fn pct(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// `ytd`: the year-to-date actuals, scored like year-end ones; each row's progress is
/// read from its scoring record (the actual as parsed, A in the target's unit).
pub fn monitor(
    dept: &Department,
    spending: &[SpendingRow],
    ytd: Option<&ScoredDepartment>,
    as_of: NaiveDate,
    t: &Thresholds,
) -> MonitorReport {
    let year = dept.fiscal_year;
    let elapsed = year_elapsed_percent(year, as_of);
    let mut projects = Vec::new();
    for p in &dept.projects {
        // The latest figure on or before the date (rows without a date count as current).
        let spent = spending
            .iter()
            .filter(|s| s.project == p.code && s.date.is_none_or(|d| d <= as_of))
            .max_by_key(|s| s.date)
            .map(|s| s.spent);
        // The light is decided on the exact ratio: computed from rounded percentages it
        // could flip at a threshold. Only what is shown is rounded.
        let planned_exact = plan::planned_share(&p.spending_plan, year, as_of);
        let planned = pct(planned_exact);
        let rate_exact = spent.and_then(|s| {
            s.checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(p.budget))
        });
        let rate = rate_exact.map(pct);
        let ratio_exact = rate_exact.and_then(|r| {
            if planned_exact.is_zero() {
                Some(Decimal::ONE)
            } else {
                r.checked_div(planned_exact)
            }
        });
        let ratio = ratio_exact.map(|x| x.round_dp(4));
        let light = ratio_exact.map(|r| {
            if r < t.red_below {
                Light::Red
            } else if r < t.green_from {
                Light::Yellow
            } else {
                Light::Green
            }
        });
        let gap_pp = rate.map(|r| planned - r);
        let rows = ytd
            .and_then(|s| s.projects.iter().find(|x| x.code == p.code))
            .map(|x| x.indicators.as_slice())
            .unwrap_or_default();
        let indicators: Vec<IndicatorProgress> = p
            .indicators
            .iter()
            .map(|ind| {
                let r = rows.iter().find(|r| r.id == ind.id);
                progress(ind, r, elapsed, year, as_of, t)
            })
            .collect();
        let needs_reason =
            light == Some(Light::Red) || indicators.iter().any(|i| i.likely == Some(false));
        projects.push(ProjectMonitor {
            code: p.code.clone(),
            name: p.name.clone(),
            budget: p.budget,
            spent,
            rate,
            planned,
            ratio,
            light,
            gap_pp,
            indicators,
            needs_reason,
        });
    }
    MonitorReport {
        department: dept.name.clone(),
        as_of,
        thresholds: t.clone(),
        projects,
    }
}

/// Reads `--as-of`: `2022-06-30`, `2022年6月30日`, `2022年6月底`, or without a year
/// (`6月底`, in the fiscal year). A month alone stands for its last day.
pub fn parse_as_of(text: &str, fiscal_year: i32) -> Result<NaiveDate, String> {
    let t = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(d);
    }
    let bad = || format!("`{t}` is not a date; write it like `2022-06-30` or `2022年6月底`");
    match parse_actual(t).map(|p| p.value.value) {
        Ok(ActualValue::Date { date }) => date.last_day(fiscal_year).ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn year_elapsed_percent(year: i32, as_of: NaiveDate) -> Decimal {
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Decimal::ZERO;
    };
    let days = (end - start).num_days() + 1;
    let done = ((as_of - start).num_days() + 1).clamp(0, days);
    pct(Decimal::from(done) * Decimal::ONE_HUNDRED / Decimal::from(days))
}

/// How a row stands mid-year. Counts accumulate over the year, so they are compared with
/// the share of the year elapsed; rates, ranges and reverse rows are compared with the
/// target itself; deadlines with the date; grades by their band.
fn progress(
    ind: &crate::scorecard::Indicator,
    r: Option<&IndicatorResult>,
    elapsed: Decimal,
    year: i32,
    as_of: NaiveDate,
    t: &Thresholds,
) -> IndicatorProgress {
    let mut out = IndicatorProgress {
        id: ind.id.clone(),
        name: ind.name.clone(),
        target: ind.target_text.clone(),
        actual: r.and_then(|r| r.actual.clone()),
        progress: None,
        expected: elapsed,
        likely: None,
        note: String::new(),
    };
    let (Some(target), Some(r)) = (&ind.target, r.filter(|r| r.actual.is_some())) else {
        out.note = "未填报".into();
        return out;
    };
    let Some(actual) = &r.actual_value else {
        out.note = "实际值无法识别".into();
        return out;
    };
    let trace = r.trace.as_ref();
    let dir = match trace {
        Some(tr) => tr.direction,
        None => {
            let reverse = crate::eval_rows::description_marks_reverse(&ind.description);
            target.direction(reverse).0
        }
    };
    let (likely, note) = match (&target.kind, &actual.value) {
        (TargetKind::Comparison(c), ActualValue::Number { .. }) => {
            let tv = c.quantity.scaled();
            match trace.and_then(|tr| tr.figures.actual) {
                None => (None, "单位不一致".to_string()),
                Some(a) => {
                    let rate_like = c
                        .quantity
                        .unit
                        .as_ref()
                        .is_some_and(|u| u.is_percent_like());
                    if dir == Direction::Reverse {
                        (Some(a <= tv), "反向指标：按当前值判断".into())
                    } else if rate_like || tv.is_zero() {
                        let bar = tv.checked_mul(t.green_from).unwrap_or(tv);
                        (Some(a >= bar), "比率：按当前值判断".into())
                    } else {
                        let Some(p) = a
                            .checked_mul(Decimal::ONE_HUNDRED)
                            .and_then(|x| x.checked_div(tv))
                            .map(pct)
                        else {
                            out.note = "数值过大，无法计算".into();
                            return out;
                        };
                        out.progress = Some(p);
                        (
                            Some(p >= elapsed * t.green_from),
                            format!("完成{p}%，时间进度{elapsed}%"),
                        )
                    }
                }
            }
        }
        (TargetKind::Deadline(d), v) => {
            let due = d.end.last_day(year);
            match v {
                ActualValue::Date { .. } | ActualValue::Done => (Some(true), "已完成".into()),
                _ => match due {
                    Some(due) if due < as_of => {
                        (Some(false), format!("已过期限{}", due.format("%Y-%m-%d")))
                    }
                    _ => (Some(true), "未到期限".into()),
                },
            }
        }
        (_, ActualValue::Grade { grade, .. }) => (
            Some(*grade != Grade::NotAchieved),
            grade.label().to_string(),
        ),
        (_, ActualValue::NotApplicable) => (None, "不适用".into()),
        _ => (None, "需人工判断".into()),
    };
    if likely == Some(false) && as_of.year() == year {
        out.note = format!("{note}；预计难以完成，需说明原因");
    } else {
        out.note = note;
    }
    out.likely = likely;
    out
}
