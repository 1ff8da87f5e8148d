//! Scoring one indicator row under a [`Policy`]: target + actual + points → score,
//! achieved, flags and a trace that lets a person redo the arithmetic by hand.

use super::figures::Figures;
use super::flag::{Flag, FlagCode};
use super::formula::{apply, d, div, fixed, mul, shown};
use super::policy::{Formula, Policy};
use crate::i18n::tf;
use crate::model::quantity::{in_unit_of, UnitError};
use crate::model::{
    Actual, ActualValue, Change, ChangeDirection, Comparison, Deadline, Direction, DirectionSource,
    Grade, Op, Qualitative, Quantity, RangeTarget, Target, TargetKind, Unit,
};
use crate::parse::normalize::normalize_char;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything the scorer needs about one row. The fiscal year is injected: scoring never
/// reads the clock.
#[derive(Debug, Clone)]
pub struct RowInput<'a> {
    pub target: &'a Target,
    /// `None`: no actual was given.
    pub actual: Option<&'a Actual>,
    pub points: Decimal,
    pub baseline: Option<&'a Quantity>,
    pub fiscal_year: i32,
    /// 反向 written in the indicator's description.
    pub description_reverse: bool,
    pub direction_override: Option<Direction>,
    pub formula_override: Option<&'a Formula>,
    /// 偏差原因; `None` or blank means no reason was given.
    pub reason: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Scored,
    NotApplicable,
    /// No actual given; nothing scored (deadline rows are the exception:
    /// see docs/language.md).
    Missing,
    /// The inputs are readable but not enough to score (e.g. a change with no baseline).
    Unscorable,
    /// The actual cannot be read against this target (wrong unit, a number for a
    /// qualitative target, a share outside its band…).
    Error,
}

/// Which rule of the policy scored a row. Kept as a value so that a reader (`explain`
/// naming the policy file and line) does not have to recognise the rule by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKind {
    Positive,
    Reverse,
    TargetZero,
    Change,
    Deadline,
    Qualitative,
    NotApplicable,
    /// Ranges are scored by a rule built into the scorer, not written in the policy.
    Range,
}

/// How the score came about, in a stable shape. The fields not in the JSON are the typed
/// record behind the strings: readers take the numbers and the rule from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    pub kind: &'static str,
    /// The target as parsed; printed (and serialised) in canonical form.
    #[serde(serialize_with = "as_text")]
    pub target: Target,
    /// The actual as read, with its unit (empty when missing).
    pub actual: String,
    pub direction: Direction,
    pub direction_source: DirectionSource,
    /// The rule that applied, e.g. `positive: proportional`.
    pub rule: String,
    /// The arithmetic with the numbers, e.g. `1800份 < 2000份 → 10 × 1800/2000 = 9.00`.
    pub formula: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    /// The rule that applied (`None` when the row never got to one).
    #[serde(skip)]
    pub rule_kind: Option<RuleKind>,
    /// The formula applied, the row's own or the policy's (`None` for rows scored by
    /// bands: deadlines, grades, ranges, 不适用).
    #[serde(skip)]
    pub formula_used: Option<Formula>,
    /// The row's own `rule` in the scorecard replaced the policy's formula.
    #[serde(skip)]
    pub own_rule: bool,
    /// The numbers behind `formula`.
    #[serde(skip)]
    pub figures: Figures,
}

fn as_text<S: serde::Serializer>(t: &Target, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(t)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowScore {
    pub status: Status,
    /// Rounded once, half-up, to the policy's places.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub score: Option<Decimal>,
    /// The exact score before rounding.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub exact: Option<Decimal>,
    pub achieved: Option<bool>,
    pub flags: Vec<Flag>,
    /// Why the row has no score (Error/Unscorable/Missing).
    pub error: Option<String>,
    pub trace: Trace,
}

/// Working state while scoring a row.
struct Ctx<'a, 'p> {
    input: &'a RowInput<'a>,
    policy: &'p Policy,
    dir: Direction,
    flags: Vec<Flag>,
    actual_text: String,
    rule: String,
    rule_kind: Option<RuleKind>,
    formula_used: Option<Formula>,
    figs: Figures,
}

enum Outcome {
    Scored {
        exact: Decimal,
        achieved: bool,
        formula: String,
    },
    NotApplicable,
    Missing(String),
    Unscorable(String),
    Error(String),
}

/// Whether a comparison row scores as a target of zero (`=0`, `0次`, `≤0`, or 0 on a
/// reverse row): met only by nothing, no ratio to the target.
pub fn is_target_zero(c: &Comparison, dir: Direction) -> bool {
    c.quantity.scaled().is_zero()
        && (matches!(c.op, Op::Eq | Op::Le | Op::Lt) || dir == Direction::Reverse)
}

/// The context a row's own formula (`rule` in the scorecard) is used in when the row is
/// scored in direction `dir`: what [`score_row`] applies the formula to. Comparisons use
/// it as a positive, reverse or target-zero formula; change rows by the change's own
/// bound (never the row's direction); ranges, deadlines and qualitative rows have no
/// formula to apply, so only the zero point 1T is refused there.
pub fn row_formula_context(target: &Target, dir: Direction) -> crate::policy::FormulaContext {
    use crate::policy::FormulaContext as C;
    match &target.kind {
        TargetKind::Comparison(c) if is_target_zero(c, dir) => C::TargetZero,
        TargetKind::Comparison(_) => match dir {
            Direction::Positive => C::Positive,
            Direction::Reverse => C::Reverse,
        },
        TargetKind::Change(c) if c.op.is_some_and(Op::is_upper_bound) => C::Reverse,
        TargetKind::Change(_) => C::Positive,
        _ => C::Any,
    }
}

pub fn score_row(input: &RowInput<'_>, policy: &Policy) -> RowScore {
    let (dir, source) = match input.direction_override {
        Some(d) => (d, DirectionSource::Override),
        None => input.target.direction(input.description_reverse),
    };
    let mut cx = Ctx {
        input,
        policy,
        dir,
        flags: Vec::new(),
        actual_text: String::new(),
        rule: String::new(),
        rule_kind: None,
        formula_used: None,
        figs: Figures::default(),
    };
    let outcome = match input.actual.map(|a| &a.value) {
        Some(ActualValue::NotApplicable) => {
            cx.actual_text = "不适用".into();
            cx.rule = "不适用".into();
            cx.rule_kind = Some(RuleKind::NotApplicable);
            Outcome::NotApplicable
        }
        actual => match &input.target.kind {
            TargetKind::Comparison(c) => cx.comparison(c, actual),
            TargetKind::Range(r) => cx.range(r, actual),
            TargetKind::Deadline(dl) => cx.deadline(dl, actual),
            TargetKind::Change(c) => cx.change(c, actual),
            TargetKind::Qualitative(q) => cx.qualitative(q, actual),
        },
    };
    let w = input.points;
    if input.formula_override.is_some() {
        cx.rule.push_str(&tf("score-rule.row-rule", &[]));
    }
    let trace = |formula: String, cx: &mut Ctx<'_, '_>| Trace {
        kind: input.target.kind_name(),
        target: input.target.clone(),
        actual: std::mem::take(&mut cx.actual_text),
        direction: dir,
        direction_source: source,
        rule: std::mem::take(&mut cx.rule),
        formula,
        points: w,
        rule_kind: cx.rule_kind,
        formula_used: cx.formula_used.take(),
        own_rule: input.formula_override.is_some(),
        figures: std::mem::take(&mut cx.figs),
    };
    match outcome {
        Outcome::Scored {
            exact,
            achieved,
            formula,
        } => {
            let exact = exact.clamp(Decimal::ZERO, w.max(Decimal::ZERO));
            let score = policy.round(exact);
            let blank = input.reason.is_none_or(|r| r.trim().is_empty());
            if score < w && blank {
                cx.flags.push(Flag::new(
                    FlagCode::ReasonRequired,
                    tf("score-note.reason-required", &[]),
                ));
            }
            let shown = fixed(score, policy.rounding_places);
            let formula = if formula.ends_with("满分") {
                format!("{formula} {shown}")
            } else {
                format!("{formula} = {shown}")
            };
            RowScore {
                status: Status::Scored,
                score: Some(score),
                exact: Some(exact),
                achieved: Some(achieved),
                trace: trace(formula, &mut cx),
                flags: cx.flags,
                error: None,
            }
        }
        Outcome::NotApplicable => RowScore {
            status: Status::NotApplicable,
            score: None,
            exact: None,
            achieved: None,
            trace: trace("不适用 → 不计分".into(), &mut cx),
            flags: cx.flags,
            error: None,
        },
        Outcome::Missing(msg) => no_score(
            Status::Missing,
            msg,
            trace("未填写实际完成值".into(), &mut cx),
            cx.flags,
        ),
        Outcome::Unscorable(msg) => no_score(
            Status::Unscorable,
            msg.clone(),
            trace(format!("无法计分：{msg}"), &mut cx),
            cx.flags,
        ),
        Outcome::Error(msg) => no_score(
            Status::Error,
            msg.clone(),
            trace(format!("错误：{msg}"), &mut cx),
            cx.flags,
        ),
    }
}

fn no_score(status: Status, msg: String, trace: Trace, flags: Vec<Flag>) -> RowScore {
    RowScore {
        status,
        score: None,
        exact: None,
        achieved: None,
        flags,
        error: Some(msg),
        trace,
    }
}

// The texts a row's result carries (why it could not be scored, how it was scored, its
// flag notes) come from the catalogues' `score-row`, `score-rule` and `score-note`
// sections, in the language of the run.

fn too_large() -> Outcome {
    Outcome::Error(tf("score-row.too-large", &[]))
}

fn fmt_q(v: Decimal, unit: Option<&Unit>) -> String {
    format!("{}{}", shown(v), unit.map(|u| u.as_str()).unwrap_or(""))
}

impl Ctx<'_, '_> {
    fn w(&self) -> Decimal {
        self.input.points
    }

    /// The row's own rule when the scorecard overrides it, else the policy's.
    /// Recorded in the trace as the formula used.
    fn formula_for(&mut self, default: &Formula) -> Formula {
        let f = self
            .input
            .formula_override
            .cloned()
            .unwrap_or_else(|| default.clone());
        self.formula_used = Some(f.clone());
        f
    }

    fn missing(&mut self) -> Outcome {
        Outcome::Missing(tf("score-row.missing", &[]))
    }

    /// A grade given where a number was expected: accepted leniently at the grade's
    /// default share, flagged.
    fn graded_by_hand(&mut self, grade: Grade, share: Option<Decimal>) -> Outcome {
        self.flags.push(Flag::new(
            FlagCode::GradedByHand,
            tf("score-note.graded-by-hand", &[("grade", grade.label())]),
        ));
        self.rule = tf("score-rule.graded-by-hand", &[("grade", grade.label())]);
        self.rule_kind = Some(RuleKind::Qualitative);
        self.grade_outcome(grade, share)
    }

    /// A grade, `完成` or `未完成` where a number was expected: graded by hand at the
    /// band default (docs/language.md: accepted leniently, flagged). `None` for anything else.
    fn grade_for_number(&mut self, actual: &ActualValue) -> Option<Outcome> {
        let (grade, share) = match actual {
            ActualValue::Grade { grade, share } => (*grade, *share),
            ActualValue::Done => {
                self.actual_text = "已完成".into();
                (Grade::Achieved, None)
            }
            ActualValue::NotDone => {
                self.actual_text = "未完成".into();
                (Grade::NotAchieved, None)
            }
            _ => return None,
        };
        Some(self.graded_by_hand(grade, share))
    }

    fn grade_outcome(&mut self, grade: Grade, share: Option<Decimal>) -> Outcome {
        let band = self.policy.band(grade).clone();
        let pct = match share {
            Some(s) => {
                let inside =
                    s >= band.low && (s < band.high || (band.high_inclusive && s == band.high));
                if !inside {
                    let excluded = if band.high_inclusive {
                        String::new()
                    } else {
                        tf("score-row.upper-excluded", &[])
                    };
                    return Outcome::Error(tf(
                        "score-row.share-outside",
                        &[
                            ("share", &d(s).to_string()),
                            ("grade", grade.label()),
                            ("low", &d(band.low).to_string()),
                            ("high", &d(band.high).to_string()),
                            ("excluded", &excluded),
                        ],
                    ));
                }
                s
            }
            None => band.default,
        };
        self.figs.grade = Some(grade);
        self.figs.share = Some(pct);
        let w = self.w();
        let Some(exact) = mul(w, pct).and_then(|x| div(x, Decimal::ONE_HUNDRED)) else {
            return too_large();
        };
        Outcome::Scored {
            exact,
            achieved: grade == Grade::Achieved,
            formula: format!(
                "{} → {} × {}%",
                self.actual_text_or(grade.label()),
                d(w),
                d(pct)
            ),
        }
    }

    fn actual_text_or(&self, s: &str) -> String {
        if self.actual_text.is_empty() {
            s.to_string()
        } else {
            self.actual_text.clone()
        }
    }

    /// Reads a numeric actual in the target's unit.
    fn number_in(&mut self, actual: &ActualValue, target: &Quantity) -> Result<Decimal, Outcome> {
        let months;
        let actual = match month_count(actual, target) {
            Some(q) => {
                months = ActualValue::Number { quantity: q };
                &months
            }
            None => actual,
        };
        match actual {
            ActualValue::Number { quantity } => {
                let mut q = quantity.clone();
                // A unitless actual takes the target's unit and magnitude as written.
                if q.unit.is_none() && q.magnitude.is_none() {
                    q.magnitude = target.magnitude;
                    self.flag_fraction_for_percent(&q, target);
                }
                let v = in_unit_of(&q, target).map_err(|e| match e {
                    UnitError::Mismatch { actual, target } => Outcome::Error(tf(
                        "score-row.unit-mismatch",
                        &[
                            ("actual", &actual.to_string()),
                            ("target", &target.to_string()),
                        ],
                    )),
                    UnitError::TooLarge => too_large(),
                })?;
                self.actual_text = converted_text(&q, v, target.unit.as_ref());
                Ok(v)
            }
            ActualValue::Fraction {
                numerator,
                denominator,
            } => {
                if denominator.is_zero() {
                    return Err(Outcome::Error(tf(
                        "score-row.fraction-zero",
                        &[
                            ("numerator", &d(*numerator).to_string()),
                            ("denominator", &d(*denominator).to_string()),
                        ],
                    )));
                }
                if let Some(u) = &target.unit {
                    if !u.is_percent_like() {
                        return Err(Outcome::Error(tf(
                            "score-row.fraction-unit",
                            &[("unit", &u.to_string())],
                        )));
                    }
                }
                let pct = div(*numerator, *denominator)
                    .and_then(|x| mul(x, Decimal::ONE_HUNDRED))
                    .ok_or_else(too_large)?;
                let q = Quantity::new(pct, Some(Unit::percent()));
                let v = in_unit_of(&q, target).unwrap_or(pct);
                self.actual_text = format!(
                    "{}/{} = {}%",
                    d(*numerator),
                    d(*denominator),
                    d(pct.round_dp(2))
                );
                Ok(v)
            }
            other => Err(Outcome::Error(tf(
                "score-row.not-a-number",
                &[
                    ("actual", &describe(other)),
                    ("target", &target.to_string()),
                ],
            ))),
        }
    }

    /// `0.92` against `≥90%`: a share typed as a fraction. Scored as written (0.92%, the
    /// rule that a unitless actual takes the target's unit), flagged so that a person looks.
    fn flag_fraction_for_percent(&mut self, q: &Quantity, target: &Quantity) {
        let percent = target.unit.as_ref().is_some_and(|u| u.as_str() == "%");
        let a = q.value;
        if percent && a > Decimal::ZERO && a <= Decimal::ONE && target.scaled() > Decimal::ONE {
            let meant = a * Decimal::ONE_HUNDRED;
            self.flags.push(Flag::new(
                FlagCode::FractionForPercent,
                tf(
                    "score-note.fraction-for-percent",
                    &[
                        ("value", &d(a).to_string()),
                        ("meant", &d(meant).to_string()),
                    ],
                ),
            ));
        }
    }

    fn comparison(&mut self, c: &Comparison, actual: Option<&ActualValue>) -> Outcome {
        let Some(actual) = actual else {
            return self.missing();
        };
        if let Some(o) = self.grade_for_number(actual) {
            return o;
        }
        let a = match self.number_in(actual, &c.quantity) {
            Ok(a) => a,
            Err(o) => return o,
        };
        let t = c.quantity.scaled();
        self.figs.target = Some(t);
        self.figs.actual = Some(a);
        let unit = c.quantity.unit.as_ref();
        let (tq, aq) = (fmt_q(t, unit), self.actual_text.clone());
        let p = self.policy;
        let w = self.w();

        // Target zero: nothing is allowed (`=0`, `0次`, `≤0`).
        if is_target_zero(c, self.dir) {
            let f = self.formula_for(&p.target_zero);
            self.rule = tf("score-rule.target-zero", &[("formula", &formula_name(&f))]);
            self.rule_kind = Some(RuleKind::TargetZero);
            // `<0起` asks for less than nothing: 0 does not meet it (`>`/`<` are strict).
            let met = if c.op == Op::Lt {
                a < Decimal::ZERO
            } else {
                a <= Decimal::ZERO
            };
            // A policy may deduct per unit or step on the value for target-zero rows.
            if matches!(f, Formula::PerUnit { .. } | Formula::Steps { .. }) {
                let Some(applied) = apply(&f, Direction::Reverse, a, t, w, met) else {
                    return too_large();
                };
                return Outcome::Scored {
                    exact: applied.exact,
                    achieved: met,
                    formula: format!("{aq} {} 0 → {}", rel(a, t), applied.working),
                };
            }
            let exact = if met { w } else { Decimal::ZERO };
            let rel = match (met, c.op) {
                (true, Op::Lt) => "<",
                (true, _) => "≤",
                (false, Op::Lt) if a.is_zero() => "=",
                (false, _) => ">",
            };
            return Outcome::Scored {
                exact,
                achieved: met,
                formula: format!("{aq} {rel} 0 → {}", if met { "满分" } else { "0" }),
            };
        }

        let (met, achieved) = match self.dir {
            Direction::Positive => (a >= t, if c.op == Op::Gt { a > t } else { a >= t }),
            Direction::Reverse => (a <= t, if c.op == Op::Lt { a < t } else { a <= t }),
        };
        let default = match self.dir {
            Direction::Positive => &p.positive,
            Direction::Reverse => &p.reverse,
        };
        let f = self.formula_for(default);
        // The policy's rule by its key and words (`positive = "proportional"`), the same
        // in every language, as the policy file has them.
        self.rule = format!("{}: {}", self.dir.code(), formula_name(&f));
        self.rule_kind = Some(match self.dir {
            Direction::Positive => RuleKind::Positive,
            Direction::Reverse => RuleKind::Reverse,
        });
        if t <= Decimal::ZERO && !matches!(f, Formula::AllOrNothing | Formula::PerUnit { .. }) {
            // A ratio to a target of zero or below means nothing: met or not, and `>0次`
            // is met only by more than nothing (`>`/`<` are strict here too).
            let exact = if achieved { w } else { Decimal::ZERO };
            return Outcome::Scored {
                exact,
                achieved,
                formula: format!(
                    "{aq} {} {tq} → {}",
                    rel(a, t),
                    if achieved { "满分" } else { "0" }
                ),
            };
        }
        let Some(applied) = apply(&f, self.dir, a, t, w, met) else {
            return too_large();
        };
        if t > Decimal::ZERO {
            let over = match self.dir {
                Direction::Positive => mul(t, p.flags.over_positive).is_some_and(|x| a >= x),
                Direction::Reverse => mul(t, p.flags.over_reverse).is_some_and(|x| a <= x),
            };
            if over {
                self.flags.push(Flag::new(
                    FlagCode::OverAchieved,
                    tf("score-note.over-achieved", &[]),
                ));
            }
        }
        let relation = match (self.dir, met) {
            (Direction::Positive, true) => "≥",
            (Direction::Positive, false) => "<",
            (Direction::Reverse, true) => "≤",
            (Direction::Reverse, false) => ">",
        };
        Outcome::Scored {
            exact: applied.exact,
            achieved,
            formula: format!("{aq} {relation} {tq} → {}", applied.working),
        }
    }

    fn range(&mut self, r: &RangeTarget, actual: Option<&ActualValue>) -> Outcome {
        let Some(actual) = actual else {
            return self.missing();
        };
        if let Some(o) = self.grade_for_number(actual) {
            return o;
        }
        let a = match self.number_in(actual, &r.high) {
            Ok(a) => a,
            Err(o) => return o,
        };
        let lo = in_unit_of(&r.low, &r.high).unwrap_or_else(|_| r.low.scaled());
        let hi = r.high.scaled();
        let unit = r.high.unit.as_ref();
        let aq = self.actual_text.clone();
        let w = self.w();
        self.rule = tf("score-rule.range", &[]);
        self.rule_kind = Some(RuleKind::Range);
        self.figs.low = Some(lo);
        self.figs.high = Some(hi);
        self.figs.actual = Some(a);
        let band = format!("{}-{}", fmt_q(lo, unit), fmt_q(hi, unit));
        if a >= lo && a <= hi {
            return Outcome::Scored {
                exact: w,
                achieved: true,
                formula: format!("{aq} 在 {band} 内 → 满分"),
            };
        }
        let (exact, working) = if a < lo {
            if lo <= Decimal::ZERO || a <= Decimal::ZERO {
                (
                    Some(Decimal::ZERO),
                    format!("{aq} < {} → 0", fmt_q(lo, unit)),
                )
            } else {
                (
                    mul(w, a).and_then(|x| div(x, lo)),
                    format!("{aq} < {} → {} × {}/{}", fmt_q(lo, unit), d(w), d(a), d(lo)),
                )
            }
        } else {
            (
                mul(w, hi).and_then(|x| div(x, a)),
                format!("{aq} > {} → {} × {}/{}", fmt_q(hi, unit), d(w), d(hi), d(a)),
            )
        };
        match exact {
            Some(exact) => Outcome::Scored {
                exact,
                achieved: false,
                formula: working,
            },
            None => too_large(),
        }
    }

    fn deadline(&mut self, dl: &Deadline, actual: Option<&ActualValue>) -> Outcome {
        let fy = self.input.fiscal_year;
        let Some(due) = dl.end.last_day(fy) else {
            return Outcome::Error(tf("score-row.deadline-not-real", &[]));
        };
        let p = &self.policy.deadline;
        let w = self.w();
        let due_s = cn_date(due);
        let share_of = |pct: Decimal| mul(w, pct).and_then(|x| div(x, Decimal::ONE_HUNDRED));
        self.rule = tf("score-rule.deadline", &[]);
        self.rule_kind = Some(RuleKind::Deadline);
        self.figs.due = Some(due);
        let (share, achieved, formula) = match actual {
            None => {
                self.flags.push(Flag::new(
                    FlagCode::MissingActual,
                    tf("score-note.missing-deadline", &[]),
                ));
                self.rule = tf("score-rule.deadline-not-done", &[]);
                (
                    p.not_done,
                    false,
                    format!("未完成 → {} × {}%", d(w), d(p.not_done)),
                )
            }
            Some(ActualValue::NotDone) => {
                self.actual_text = "未完成".into();
                self.rule = tf("score-rule.deadline-not-done", &[]);
                (
                    p.not_done,
                    false,
                    format!("未完成 → {} × {}%", d(w), d(p.not_done)),
                )
            }
            Some(ActualValue::Done) => {
                self.actual_text = "已完成".into();
                self.rule = tf("score-rule.deadline-no-date", &[]);
                self.flags.push(Flag::new(
                    FlagCode::NoCompletionDate,
                    tf("score-note.no-completion-date", &[]),
                ));
                (
                    p.done_without_date,
                    true,
                    format!("已完成（无日期） → {} × {}%", d(w), d(p.done_without_date)),
                )
            }
            Some(ActualValue::Date { date }) => {
                let Some(done) = date.last_day(fy) else {
                    return Outcome::Error(tf("score-row.done-not-real", &[]));
                };
                self.actual_text = cn_date(done);
                self.figs.done = Some(done);
                if done <= due {
                    self.rule = tf("score-rule.deadline-on-time", &[]);
                    (
                        Decimal::ONE_HUNDRED,
                        true,
                        format!("{} ≤ {due_s} → 满分", cn_date(done)),
                    )
                } else {
                    let months = months_late(due, done);
                    let pct = (p.late - p.late_per_month * Decimal::from(months)).max(p.late_floor);
                    self.rule = tf("score-rule.deadline-late", &[]);
                    let extra = if p.late_per_month.is_zero() {
                        String::new()
                    } else {
                        format!("（逾期{months}个月）")
                    };
                    (
                        pct,
                        false,
                        format!(
                            "{} > {due_s} 逾期{extra} → {} × {}%",
                            cn_date(done),
                            d(w),
                            d(pct)
                        ),
                    )
                }
            }
            Some(ActualValue::Grade { grade, share }) => {
                return self.graded_by_hand(*grade, *share)
            }
            Some(other) => {
                return Outcome::Error(tf("score-row.not-a-date", &[("actual", &describe(other))]))
            }
        };
        self.figs.share = Some(share);
        match share_of(share) {
            Some(exact) => Outcome::Scored {
                exact,
                achieved,
                formula,
            },
            None => too_large(),
        }
    }

    fn change(&mut self, c: &Change, actual: Option<&ActualValue>) -> Outcome {
        let Some(actual) = actual else {
            return self.missing();
        };
        let w = self.w();
        let amount = &c.amount;
        let relative = amount
            .unit
            .as_ref()
            .is_some_and(|u| u.is_percent_like() && !u.is_percentage_points());
        let required = match &amount.unit {
            Some(u) if relative => {
                match in_unit_of(amount, &Quantity::new(Decimal::ZERO, Some(Unit::percent()))) {
                    Ok(v) => v,
                    Err(_) => amount.scaled(),
                }
            }
            _ => amount.scaled(),
        };
        let verb = change_verb(c.direction);
        let (achieved_change, working) = match self.change_achieved(c, actual, relative) {
            Ok(x) => x,
            Err(decided) => return decided,
        };
        let f = self.formula_for(&self.policy.change);
        self.rule = tf("score-rule.change", &[("formula", &formula_name(&f))]);
        self.rule_kind = Some(RuleKind::Change);
        self.figs.required = Some(required);
        self.figs.change = Some(achieved_change);
        self.figs.relative_change = relative;
        let pct_unit = Unit::percent();
        let req_s = fmt_q(
            required,
            if relative {
                Some(&pct_unit)
            } else {
                amount.unit.as_ref()
            },
        );
        let upper = c.op.is_some_and(Op::is_upper_bound);
        let dir = if upper {
            Direction::Reverse
        } else {
            Direction::Positive
        };
        let met = if upper {
            achieved_change <= required
        } else {
            achieved_change >= required
        };
        if required <= Decimal::ZERO {
            let exact = if met { w } else { Decimal::ZERO };
            return Outcome::Scored {
                exact,
                achieved: met,
                formula: format!(
                    "{working} vs 要求 {req_s} → {}",
                    if met { "满分" } else { "0" }
                ),
            };
        }
        let Some(applied) = apply(&f, dir, achieved_change, required, w, met) else {
            return too_large();
        };
        Outcome::Scored {
            exact: applied.exact,
            achieved: met,
            formula: format!(
                "{working} {} 要求{verb} {req_s} → {}",
                rel(achieved_change, required),
                applied.working
            ),
        }
    }

    /// The change achieved (signed in the target's direction; in percent of the baseline
    /// for a relative target) and its working; `Err` when the row's outcome is decided
    /// without it (an error, a missing baseline, a grade given by hand).
    fn change_achieved(
        &mut self,
        c: &Change,
        actual: &ActualValue,
        relative: bool,
    ) -> Result<(Decimal, String), Outcome> {
        let amount = &c.amount;
        let verb = change_verb(c.direction);
        let sign = |dir: ChangeDirection| {
            if dir == c.direction {
                Decimal::ONE
            } else {
                Decimal::NEGATIVE_ONE
            }
        };
        let achieved = match actual {
            ActualValue::Change {
                direction,
                amount: got,
            } => {
                let got_v = match in_unit_of(got, amount) {
                    Ok(v) => v,
                    Err(UnitError::Mismatch { actual, target }) => {
                        return Err(Outcome::Error(tf(
                            "score-row.change-unit",
                            &[
                                ("actual", &actual.to_string()),
                                ("target", &target.to_string()),
                            ],
                        )))
                    }
                    Err(UnitError::TooLarge) => return Err(too_large()),
                };
                let v = got_v * sign(*direction);
                self.actual_text = format!("{}{}", change_verb(*direction), got);
                (v, format!("{}{}", verb, fmt_q(v, amount.unit.as_ref())))
            }
            ActualValue::Number { .. } | ActualValue::Fraction { .. } => {
                let Some(base) = self.input.baseline else {
                    return Err(Outcome::Unscorable(tf("score-row.no-baseline", &[])));
                };
                // The actual and the baseline are read in the baseline's unit.
                let a = self.number_in(actual, base)?;
                let b = base.scaled();
                self.figs.baseline = Some(b);
                self.figs.actual = Some(a);
                let diff = match c.direction {
                    ChangeDirection::Increase => a.checked_sub(b),
                    ChangeDirection::Decrease => b.checked_sub(a),
                };
                let Some(diff) = diff else {
                    return Err(too_large());
                };
                if b.is_zero() {
                    // The default policy: a baseline of 0 makes any change row unscorable (a relative
                    // change is undefined; an absolute one against 0 is almost always a
                    // baseline that was not filled in).
                    return Err(Outcome::Unscorable(tf("score-row.zero-baseline", &[])));
                }
                if relative {
                    let Some(pct) = div(diff, b).and_then(|x| mul(x, Decimal::ONE_HUNDRED)) else {
                        return Err(too_large());
                    };
                    (
                        pct,
                        format!(
                            "基期 {} → 实际 {}，{}率 {}%",
                            fmt_q(b, base.unit.as_ref()),
                            self.actual_text,
                            verb,
                            d(pct.round_dp(4))
                        ),
                    )
                } else {
                    (
                        diff,
                        format!(
                            "基期 {} → 实际 {}，{} {}",
                            fmt_q(b, base.unit.as_ref()),
                            self.actual_text,
                            verb,
                            fmt_q(diff, amount.unit.as_ref())
                        ),
                    )
                }
            }
            ActualValue::Grade { .. } | ActualValue::Done | ActualValue::NotDone => {
                return Err(self.grade_for_number(actual).unwrap_or_else(too_large))
            }
            other => {
                return Err(Outcome::Error(tf(
                    "score-row.not-a-change",
                    &[("actual", &describe(other))],
                )))
            }
        };
        Ok(achieved)
    }

    fn qualitative(&mut self, q: &Qualitative, actual: Option<&ActualValue>) -> Outcome {
        let Some(actual) = actual else {
            return self.missing();
        };
        self.rule = tf("score-rule.qualitative", &[]);
        self.rule_kind = Some(RuleKind::Qualitative);
        let grade = match actual {
            ActualValue::Grade { grade, share } => {
                self.actual_text = match share {
                    Some(s) => format!("{} {}%", grade.label(), d(*s)),
                    None => grade.label().to_string(),
                };
                return self.grade_outcome(*grade, *share);
            }
            ActualValue::Done => Grade::Achieved,
            ActualValue::NotDone => Grade::NotAchieved,
            ActualValue::YesNo { yes } => {
                if *yes {
                    Grade::Achieved
                } else {
                    Grade::NotAchieved
                }
            }
            ActualValue::Text { text } if same_text(text, &q.text) => Grade::Achieved,
            other => {
                return Outcome::Error(tf(
                    "score-row.not-a-grade",
                    &[("actual", &describe(other)), ("target", &q.text)],
                ))
            }
        };
        self.actual_text = grade.label().to_string();
        self.grade_outcome(grade, None)
    }
}

/// `6月` against a quantity target in months (`≥8个月`) is 6 months, not June: a
/// year-less month with nothing after it, read as a count when the target's unit is one of
/// months (its base unit is 月).
fn month_count(actual: &ActualValue, target: &Quantity) -> Option<Quantity> {
    let ActualValue::Date { date } = actual else {
        return None;
    };
    let crate::model::DatePoint::Month { month } = date.point else {
        return None;
    };
    let in_months = target.unit.as_ref().is_some_and(|u| &*u.base().0 == "月");
    (date.year.is_none() && in_months)
        .then(|| Quantity::new(Decimal::from(month), Some(Unit::new("月"))))
}

/// The actual as read, and in the target's unit when it was converted:
/// `50小时 (= 2.08天)`. The converted number is rounded for display only.
fn converted_text(q: &Quantity, v: Decimal, target_unit: Option<&Unit>) -> String {
    match (&q.unit, target_unit) {
        (Some(au), Some(tu)) if au != tu => {
            let written = fmt_q(q.scaled(), Some(au));
            let shown = fmt_q(v, Some(tu));
            if written == shown {
                written
            } else {
                format!("{written} (= {shown})")
            }
        }
        _ => fmt_q(v, target_unit.or(q.unit.as_ref())),
    }
}

fn change_verb(d: ChangeDirection) -> &'static str {
    match d {
        ChangeDirection::Increase => "增长",
        ChangeDirection::Decrease => "减少",
    }
}

/// `>`/`=`/`<` between actual and target, for formula lines.
fn rel(a: Decimal, t: Decimal) -> &'static str {
    match a.cmp(&t) {
        std::cmp::Ordering::Less => "<",
        std::cmp::Ordering::Equal => "=",
        std::cmp::Ordering::Greater => ">",
    }
}

/// The formula in the words of the policy language (`proportional`, `linear zero at 2T`),
/// which a policy file is written in whatever the language of the messages.
fn formula_name(f: &Formula) -> String {
    match f {
        Formula::Proportional => "proportional".into(),
        Formula::Inverse => "inverse".into(),
        Formula::Linear { zero_at } => format!("linear (zero at {}×T)", d(*zero_at)),
        Formula::AllOrNothing => "all or nothing".into(),
        Formula::Steps { on, .. } => format!(
            "steps on {}",
            match on {
                super::policy::StepBasis::Ratio => "completion ratio",
                super::policy::StepBasis::Value => "value",
            }
        ),
        Formula::PerUnit { .. } => "per-unit deduction".into(),
    }
}

/// How an actual is described in an error message.
fn describe(a: &ActualValue) -> String {
    match a {
        ActualValue::Number { quantity } => {
            tf("score-row.number", &[("value", &quantity.to_string())])
        }
        ActualValue::Fraction { .. } => tf("score-row.fraction", &[]),
        ActualValue::Date { date } => tf("score-row.date", &[("value", &date.to_string())]),
        ActualValue::Done => "`已完成`".into(),
        ActualValue::NotDone => "`未完成`".into(),
        ActualValue::Grade { grade, .. } => tf("score-row.grade", &[("value", grade.label())]),
        ActualValue::YesNo { yes } => format!("`{}`", if *yes { "是" } else { "否" }),
        ActualValue::Change { .. } => tf("score-row.change", &[]),
        ActualValue::NotApplicable => "`不适用`".into(),
        ActualValue::Text { text } => tf("score-row.text", &[("value", text)]),
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let n = |s: &str| -> String {
        s.chars()
            .map(normalize_char)
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    n(a) == n(b)
}

/// The fiscal year a row is scored in when none is known and none is needed: a year-less
/// deadline against a year-less actual (`10月前` / `8月`). Year 0 is never a real fiscal
/// year (those are checked to lie in 1900–2999), and dates in it print without a year.
pub const YEAR_UNSTATED: i32 = 0;

fn cn_date(d: NaiveDate) -> String {
    if d.year() == YEAR_UNSTATED {
        format!("{}月{}日", d.month(), d.day())
    } else {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    }
}

/// Started months between `due` and `done` (1 for anything up to a month late).
fn months_late(due: NaiveDate, done: NaiveDate) -> i64 {
    // Calendar months, not 30-day blocks: one day to one month late is 1, and so on.
    // (chrono clamps month ends: 12月31日 + 2 months is 2月28日.)
    let at_month_end = due.succ_opt().is_some_and(|n| n.day() == 1);
    let mut months = 0i64;
    while months < 1200 {
        let edge = due
            .checked_add_months(chrono::Months::new(months as u32))
            .and_then(|e| {
                if at_month_end {
                    crate::model::date::month_end(e.year(), e.month())
                } else {
                    Some(e)
                }
            });
        match edge {
            Some(e) if done > e => months += 1,
            _ => break,
        }
    }
    months
}

#[cfg(test)]
mod tests {
    use super::months_late;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn months_late_counts_started_calendar_months() {
        let cases = [
            ((2022, 12, 31), (2022, 12, 31), 0),
            ((2022, 12, 31), (2023, 1, 1), 1),
            ((2022, 12, 31), (2023, 1, 31), 1),
            ((2022, 12, 31), (2023, 2, 1), 2),
            ((2022, 12, 31), (2023, 3, 1), 3),
            ((2022, 6, 30), (2022, 7, 30), 1),
            ((2022, 6, 30), (2022, 7, 31), 1),
            ((2022, 6, 30), (2022, 8, 1), 2),
            ((2022, 6, 15), (2022, 7, 16), 2),
        ];
        for (due, done, want) in cases {
            let (Some(due), Some(done)) = (d(due.0, due.1, due.2), d(done.0, done.1, done.2))
            else {
                continue;
            };
            assert_eq!(months_late(due, done), want, "{due} → {done}");
        }
    }
}
