//! Rule texts (grammar/rules.pest) → policy values. Every problem found in a text is
//! returned, each with a span into the text as written, a label and a help line; grammar
//! rule names never reach a message.

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::model::number::d;
use crate::model::{Direction, Span};
use crate::parse::grammar::{Grammar, Rule};
use crate::parse::normalize::Normalized;
use crate::policy::definition::{
    DeadlineRule, FlagRules, Formula, GradeBand, LevelWeight, MonitorThresholds, NotApplicable,
    QualitativeBands, Step, StepBasis,
};
use pest::iterators::Pair;
use pest::Parser;
use rust_decimal::Decimal;
use std::str::FromStr;

mod bands;

/// Which part of a policy a rule text states. In a policy file each is one key under
/// `[rules]` (English key or its Chinese alias).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Levels,
    Grades,
    Positive,
    Reverse,
    TargetZero,
    Change,
    Qualitative,
    Deadline,
    Rounding,
    OverAchieved,
    NotApplicable,
    /// Mid-year monitoring lights: optional (see [`Subject::OPTIONAL`]).
    Monitor,
}

impl Subject {
    /// Subjects a policy file may leave out; their defaults are those of
    /// [`crate::score::Policy::default`].
    pub const OPTIONAL: [Subject; 1] = [Subject::Monitor];

    /// Every required subject, in the order a policy file lists them.
    pub const ALL: [Subject; 11] = [
        Subject::Levels,
        Subject::Grades,
        Subject::Positive,
        Subject::Reverse,
        Subject::TargetZero,
        Subject::Change,
        Subject::Qualitative,
        Subject::Deadline,
        Subject::Rounding,
        Subject::OverAchieved,
        Subject::NotApplicable,
    ];

    /// The key in a policy file.
    pub fn key(self) -> &'static str {
        match self {
            Subject::Levels => "levels",
            Subject::Grades => "grades",
            Subject::Positive => "positive",
            Subject::Reverse => "reverse",
            Subject::TargetZero => "target-zero",
            Subject::Change => "change",
            Subject::Qualitative => "qualitative",
            Subject::Deadline => "deadline",
            Subject::Rounding => "rounding",
            Subject::OverAchieved => "over-achieved",
            Subject::NotApplicable => "not-applicable",
            Subject::Monitor => "monitor",
        }
    }

    /// The Chinese key that means the same.
    pub fn alias(self) -> &'static str {
        match self {
            Subject::Levels => "分值",
            Subject::Grades => "等级",
            Subject::Positive => "正向",
            Subject::Reverse => "反向",
            Subject::TargetZero => "目标为零",
            Subject::Change => "增减变化",
            Subject::Qualitative => "定性",
            Subject::Deadline => "时限",
            Subject::Rounding => "小数位",
            Subject::OverAchieved => "超额完成",
            Subject::NotApplicable => "不适用",
            Subject::Monitor => "监控",
        }
    }

    pub fn from_key(key: &str) -> Option<Subject> {
        let k = key.trim();
        Subject::ALL.into_iter().chain(Subject::OPTIONAL).find(|s| {
            s.key().eq_ignore_ascii_case(k) || s.alias() == k || s.key().replace('-', "_") == k
        })
    }

    /// What the rule states, for messages, in the current language.
    pub fn what(self) -> String {
        crate::i18n::t(&format!("rule-words.what-{}", self.key())).to_string()
    }

    /// A correct example, for help lines, in the current language (the rule words
    /// themselves are the same in both).
    pub fn example(self) -> String {
        let key = match self {
            Subject::Positive | Subject::Reverse | Subject::Change => "formula",
            other => other.key(),
        };
        crate::i18n::t(&format!("rule-words.example-{key}")).to_string()
    }

    fn entry(self) -> Rule {
        match self {
            Subject::Levels => Rule::rules_levels,
            Subject::Grades => Rule::rules_grades,
            Subject::Positive | Subject::Reverse | Subject::TargetZero | Subject::Change => {
                Rule::rules_formula
            }
            Subject::Qualitative => Rule::rules_qualitative,
            Subject::Deadline => Rule::rules_deadline,
            Subject::Rounding => Rule::rules_rounding,
            Subject::OverAchieved => Rule::rules_over,
            Subject::NotApplicable => Rule::rules_na,
            Subject::Monitor => Rule::rules_monitor,
        }
    }
}

/// A word of the rule messages (`rule-words.<key>` in the catalogues), in the current
/// language.
fn word(key: &str) -> String {
    crate::i18n::t(&format!("rule-words.{key}")).to_string()
}

/// [`word`] with its `{name}` placeholders filled.
fn word_with(key: &str, args: &[(&str, &str)]) -> String {
    crate::i18n::tf(&format!("rule-words.{key}"), args)
}

/// The value one rule text states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleValue {
    Levels {
        levels: Vec<LevelWeight>,
        execution_points: Decimal,
    },
    Grades(Vec<GradeBand>),
    Formula(Formula),
    Qualitative(QualitativeBands),
    Deadline(DeadlineRule),
    Rounding(u32),
    OverAchieved(FlagRules),
    NotApplicable(NotApplicable),
    Monitor(MonitorThresholds),
}

/// A scorecard row's own rule: an optional direction and a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRule {
    pub direction: Option<Direction>,
    pub formula: Formula,
}

/// Reads one rule text for `subject`. Spans in the diagnostics are byte offsets into `text`.
pub fn parse_rule(subject: Subject, text: &str) -> Result<RuleValue, Vec<Diagnostic>> {
    read_text(
        text,
        subject.entry(),
        (&subject.what(), &subject.example()),
        |r, pairs| r.subject(subject, pairs),
    )
}

/// Checks `text` against the limits, parses it from the grammar rule `entry` and lets
/// `read` turn the parse into a value. A syntax error names the rule and shows an example
/// (`syntax_help`: what, example). The value comes back only when nothing was reported,
/// so a caller never scores with a rule that has a problem.
fn read_text<T>(
    text: &str,
    entry: Rule,
    syntax_help: (&str, &str),
    read: impl FnOnce(&mut Reader<'_>, pest::iterators::Pairs<'_, Rule>) -> Option<T>,
) -> Result<T, Vec<Diagnostic>> {
    if let Some(d) = crate::limits::rule_problem(text) {
        return Err(vec![d]); // issue 7: length and nesting limits
    }
    let norm = Normalized::new(text);
    let mut r = Reader {
        norm: &norm,
        diags: Vec::new(),
    };
    let value = match Grammar::parse(entry, &norm.text) {
        Ok(pairs) => read(&mut r, pairs),
        Err(e) => {
            r.syntax(&e, syntax_help.0, syntax_help.1);
            None
        }
    };
    match value {
        Some(v) if r.diags.is_empty() => Ok(v),
        _ => Err(r.diags),
    }
}

/// Reads a row's rule: `reverse: linear zero at 2T`, `steps on ratio: …`, `inverse`. The
/// formula is checked against the direction the rule states, if any; a scorecard row's
/// rule is checked against the row itself with [`parse_row_override_in`].
pub fn parse_row_override(text: &str) -> Result<RowRule, Vec<Diagnostic>> {
    parse_row_override_in(text, |d| match d {
        Some(Direction::Positive) => Ctx::Positive,
        Some(Direction::Reverse) => Ctx::Reverse,
        None => Ctx::Any,
    })
}

/// Reads a row's rule and checks its formula like a policy rule of the same kind:
/// `context` gives, from the direction the rule states (if any), the context the formula
/// is used in for this row (positive, reverse, target zero), so `linear zero at 2T` on a
/// positive row is `rule::zero-point` as it is in a policy's `positive` rule.
pub fn parse_row_override_in(
    text: &str,
    context: impl Fn(Option<Direction>) -> FormulaContext,
) -> Result<RowRule, Vec<Diagnostic>> {
    read_text(
        text,
        Rule::rules_row,
        (&word("what-row"), &word("example-formula")),
        |r, pairs| {
            let mut direction = None;
            let mut formula = None;
            for p in pairs.flatten() {
                match p.as_rule() {
                    Rule::r_dir_pos if formula.is_none() => direction = Some(Direction::Positive),
                    Rule::r_dir_rev if formula.is_none() => direction = Some(Direction::Reverse),
                    Rule::r_formula => formula = r.formula(p, context(direction)),
                    _ => {}
                }
            }
            formula.map(|formula| RowRule { direction, formula })
        },
    )
}

/// Where a formula is used: it decides which zero points and formulas make sense. A
/// policy rule's context is its subject; a scorecard row's is the way the row is scored
/// (`crate::score::row_formula_context`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormulaContext {
    /// A positive row (more is better): a linear zero point below 1T.
    Positive,
    /// A reverse row (less is better): a linear zero point above 1T.
    Reverse,
    /// A target of zero: no ratio to the target exists.
    TargetZero,
    /// Any row: only the zero point 1T is refused.
    Any,
    /// The policy's `change` rule: it scores required increases (like a positive row) and
    /// upper bounds on a change (like a reverse row) alike, so no linear zero point fits.
    Change,
}

use FormulaContext as Ctx;

/// A band as written: `[low, high)`.
#[derive(Debug, Clone)]
struct Interval {
    low: Decimal,
    low_pct: bool,
    low_span: Span,
    high: Option<Decimal>,
    high_pct: bool,
    high_span: Span,
    open_low: bool,
    closed_high: bool,
    span: Span,
    /// A gap or overlap at this band's upper end is blamed on the upper end (`差 < 50`)
    /// rather than on the next band's lower end.
    blame_high: bool,
}

struct Reader<'a> {
    norm: &'a Normalized,
    diags: Vec<Diagnostic>,
}

fn children(p: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    p.into_inner()
}

fn pct_text(x: Decimal) -> String {
    format!("{}%", d(x))
}

impl Reader<'_> {
    fn span(&self, p: &Pair<'_, Rule>) -> Span {
        let s = p.as_span();
        Span::new(self.norm.original(s.start()), self.norm.original(s.end()))
    }

    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Whether a problem was found since the diagnostics numbered `before`: a rule's later
    /// checks only make sense on clauses that read cleanly.
    fn failed_since(&self, before: usize) -> bool {
        self.diags.len() != before
    }

    /// A clause given a second time: `what` names it (`the floor`), `help` is the
    /// variant of the help line (`help-floor` of `rule::duplicate`).
    fn given_twice(&mut self, what: &str, span: Span, help: &'static str) {
        self.push(Code::RuleDuplicate.at(span).variant(help).arg("what", what));
    }

    /// A clause the rule needs and does not have; it belongs to the whole text. `rule` is
    /// the variant of the help line (`deadline`, `over`, `monitor`), `example` fills it.
    fn missing_clause(&mut self, what: &str, rule: &'static str, example: &str) {
        let whole = self.whole();
        self.push(
            Code::RuleMissingClause
                .at(whole)
                .variant(rule)
                .arg("what", what)
                .arg("example", example),
        );
    }

    /// The whole text (trimmed), for problems that belong to no single part.
    fn whole(&self) -> Span {
        let t = &self.norm.text;
        let start = t.len() - t.trim_start().len();
        let end = t.trim_end().len().max(start);
        Span::new(self.norm.original(start), self.norm.original(end))
    }

    fn syntax(&mut self, e: &pest::error::Error<Rule>, what: &str, example: &str) {
        let pos = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        let text = &self.norm.text;
        let pos = pos.min(text.len());
        let rest = text.get(pos..).unwrap_or("");
        let token: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ';')
            .take(12)
            .collect();
        let token = if token.is_empty() {
            rest.chars().next().map(String::from).unwrap_or_default()
        } else {
            token
        };
        let span = Span::new(
            self.norm.original(pos),
            self.norm.original(pos + token.len()),
        );
        let mut expected: Vec<&'static str> = Vec::new();
        if let pest::error::ErrorVariant::ParsingError { positives, .. } = &e.variant {
            for r in positives {
                if let Some(h) = human(*r) {
                    if !expected.contains(&h) {
                        expected.push(h);
                    }
                }
            }
        }
        let expected: Vec<String> = expected.into_iter().map(word).collect();
        let label = match expected.as_slice() {
            [] => word("not-understood"),
            [one] => word_with("expected-one", &[("one", one)]),
            [init @ .., last] => word_with(
                "expected-any",
                &[("list", &init.join(&word("list-comma"))), ("last", last)],
            ),
        };
        let d = Code::RuleSyntax
            .at(span)
            .variant(if token.trim().is_empty() { "end" } else { "" })
            .arg("token", token.trim())
            .arg("what", what)
            .arg("example", example);
        self.push(d.with_label(label));
    }

    fn num(&mut self, p: &Pair<'_, Rule>) -> Decimal {
        match Decimal::from_str(p.as_str()) {
            Ok(v) => v,
            Err(_) => {
                let span = self.span(p);
                self.push(Code::RuleNumber.at(span).arg("number", p.as_str()));
                Decimal::ZERO
            }
        }
    }

    /// `r_num` or `r_share` (number with optional `%`): value, whether `%` was written, span.
    fn share(&mut self, p: Pair<'_, Rule>) -> (Decimal, bool, Span) {
        let span = self.span(&p);
        let mut v = Decimal::ZERO;
        let mut pct = false;
        if p.as_rule() == Rule::r_num {
            return (self.num(&p), false, span);
        }
        for c in children(p) {
            match c.as_rule() {
                Rule::r_num => v = self.num(&c),
                Rule::r_pct => pct = true,
                _ => {}
            }
        }
        (v, pct, span)
    }

    fn not_negative(&mut self, v: Decimal, span: Span, what: &str) -> bool {
        if v < Decimal::ZERO {
            self.push(Code::RuleNegative.at(span).arg("what", what));
            false
        } else {
            true
        }
    }

    /// A percent of the points: `%` required (except for 0), between 0 and 100.
    fn percent(&mut self, v: Decimal, pct: bool, span: Span, what: &str) -> Decimal {
        if !self.not_negative(v, span, what) {
            return v;
        }
        if !pct && !v.is_zero() {
            self.push(
                Code::RulePercentSign
                    .at(span)
                    .arg("what", what)
                    .arg("value", d(v)),
            );
        } else if v > Decimal::ONE_HUNDRED {
            self.push(
                Code::RuleShareRange
                    .at(span)
                    .arg("what", what)
                    .arg("value", pct_text(v)),
            );
        }
        v
    }

    fn interval(&mut self, p: Pair<'_, Rule>) -> Interval {
        let span = self.span(&p);
        let mut iv = Interval {
            low: Decimal::ZERO,
            low_pct: false,
            low_span: span,
            high: None,
            high_pct: false,
            high_span: span,
            open_low: false,
            closed_high: false,
            span,
            blame_high: false,
        };
        let mut seen_low = false;
        for c in children(p) {
            match c.as_rule() {
                Rule::r_open => iv.open_low = c.as_str() == "(",
                Rule::r_close => iv.closed_high = c.as_str() == "]",
                Rule::r_share if !seen_low => {
                    seen_low = true;
                    let (v, pct, s) = self.share(c);
                    iv.low = v;
                    iv.low_pct = pct;
                    iv.low_span = s;
                }
                Rule::r_share => {
                    let (v, pct, s) = self.share(c);
                    iv.high = Some(v);
                    iv.high_pct = pct;
                    iv.high_span = s;
                }
                Rule::r_inf => iv.high_span = self.span(&c),
                _ => {}
            }
        }
        iv
    }

    /// The shape every band must have: closed below, open above (unless `closed_top_ok`
    /// and the band ends at its top), and not empty.
    fn band_shape(&mut self, iv: &Interval, closed_top_ok: bool) -> bool {
        let mut ok = true;
        if iv.open_low {
            self.push(Code::RuleBandBracket.at(iv.span).arg("low", d(iv.low)));
            ok = false;
        }
        if iv.closed_high && iv.high.is_some() && !closed_top_ok {
            self.push(Code::RuleBandBracket.at(iv.span).variant("high"));
            ok = false;
        }
        if let Some(h) = iv.high {
            if h <= iv.low {
                self.push(
                    Code::RuleBandEmpty
                        .at(iv.span)
                        .arg("high", d(h))
                        .arg("low", d(iv.low)),
                );
                ok = false;
            }
        }
        ok
    }

    /// Checks that bands (in any order) tile `[bottom, ∞)` with no gap and no overlap.
    /// `what` names a bound for messages (`%` or empty).
    fn tile(&mut self, bands: &[Interval], bottom: Decimal, unit: &str) {
        let mut sorted: Vec<&Interval> = bands.iter().collect();
        sorted.sort_by_key(|a| a.low);
        let show = |x: Decimal| format!("{}{unit}", d(x));
        let Some(first) = sorted.first() else {
            return;
        };
        if first.low > bottom {
            self.push(
                Code::RuleBandGap
                    .at(first.low_span)
                    .arg("from", show(bottom))
                    .arg("to", show(first.low)),
            );
        }
        for pair in sorted.windows(2) {
            let (lo, hi) = match pair {
                [a, b] => (*a, *b),
                _ => continue,
            };
            match lo.high {
                None => self.push(
                    Code::RuleBandOverlap
                        .at(hi.span)
                        .variant("open")
                        .arg("from", show(hi.low))
                        .arg("low", show(lo.low)),
                ),
                Some(h) if h != hi.low => {
                    let (span, side) = if lo.blame_high {
                        (lo.high_span, "above")
                    } else {
                        (hi.low_span, "below")
                    };
                    let (code, from, to) = if h < hi.low {
                        (Code::RuleBandGap, h, hi.low)
                    } else {
                        (Code::RuleBandOverlap, hi.low, h)
                    };
                    self.push(
                        code.at(span)
                            .variant(side)
                            .arg("from", show(from))
                            .arg("to", show(to)),
                    )
                }
                Some(_) => {}
            }
        }
        if let Some(last) = sorted.last() {
            if let Some(h) = last.high {
                self.push(
                    Code::RuleBandGap
                        .at(last.high_span)
                        .variant("top")
                        .arg("from", show(h)),
                );
            }
        }
    }

    fn subject(
        &mut self,
        subject: Subject,
        pairs: pest::iterators::Pairs<'_, Rule>,
    ) -> Option<RuleValue> {
        let entry = pairs.into_iter().next()?;
        let body =
            children(entry).find(|p| p.as_rule() != Rule::EOI && p.as_rule() != Rule::r_semi)?;
        match subject {
            Subject::Levels => self.levels(body),
            Subject::Grades => self.grades(body).map(RuleValue::Grades),
            Subject::Positive => self.formula(body, Ctx::Positive).map(RuleValue::Formula),
            Subject::Reverse => self.formula(body, Ctx::Reverse).map(RuleValue::Formula),
            Subject::TargetZero => self.formula(body, Ctx::TargetZero).map(RuleValue::Formula),
            Subject::Change => self.formula(body, Ctx::Change).map(RuleValue::Formula),
            Subject::Qualitative => self.qualitative(body).map(RuleValue::Qualitative),
            Subject::Deadline => self.deadline(body).map(RuleValue::Deadline),
            Subject::Rounding => self.rounding(body).map(RuleValue::Rounding),
            Subject::OverAchieved => self.over(body).map(RuleValue::OverAchieved),
            Subject::NotApplicable => {
                let na = if body.into_inner().any(|p| p.as_rule() == Rule::r_na_rescale) {
                    NotApplicable::Rescale
                } else {
                    NotApplicable::MovePoints
                };
                Some(RuleValue::NotApplicable(na))
            }
            Subject::Monitor => self.monitor(body).map(RuleValue::Monitor),
        }
    }

    // ------------------------------------------------------------ formulas

    fn mult(&mut self, p: Pair<'_, Rule>) -> (Decimal, Span) {
        let span = self.span(&p);
        let v = children(p)
            .find(|c| c.as_rule() == Rule::r_num)
            .map(|c| self.num(&c))
            .unwrap_or_default();
        (v, span)
    }

    fn formula(&mut self, p: Pair<'_, Rule>, ctx: Ctx) -> Option<Formula> {
        let span = self.span(&p);
        let inner = children(p).next()?;
        let f = match inner.as_rule() {
            Rule::r_proportional => Formula::Proportional,
            Rule::r_inverse => Formula::Inverse,
            Rule::r_all_or_nothing => Formula::AllOrNothing,
            Rule::r_linear => {
                let (z, zspan) = children(inner)
                    .find(|c| c.as_rule() == Rule::r_mult)
                    .map(|m| self.mult(m))
                    .unwrap_or((Decimal::ZERO, span));
                if !self.not_negative(z, zspan, &word("zero-point")) {
                    return None;
                }
                let bad = match ctx {
                    Ctx::Positive => (z >= Decimal::ONE).then_some("positive"),
                    Ctx::Reverse => (z <= Decimal::ONE).then_some("reverse"),
                    Ctx::Change => Some("change"),
                    _ => (z == Decimal::ONE).then_some("any"),
                };
                if let Some(why) = bad {
                    self.push(Code::RuleZeroPoint.at(zspan).variant(why).arg("zero", d(z)));
                    return None;
                }
                Formula::Linear { zero_at: z }
            }
            Rule::r_steps => self.steps(inner)?,
            Rule::r_per_unit => self.per_unit(inner)?,
            _ => return None,
        };
        if ctx == Ctx::TargetZero {
            let ok = matches!(
                f,
                Formula::AllOrNothing
                    | Formula::PerUnit { .. }
                    | Formula::Steps {
                        on: StepBasis::Value,
                        ..
                    }
            );
            if !ok {
                self.push(Code::RuleTargetZeroFormula.at(span));
                return None;
            }
        }
        Some(f)
    }

    fn steps(&mut self, p: Pair<'_, Rule>) -> Option<Formula> {
        let mut on = StepBasis::Ratio;
        let mut bands = Vec::new();
        let mut ivs = Vec::new();
        let before = self.diags.len();
        for c in children(p) {
            match c.as_rule() {
                Rule::r_step_on
                    if c.clone()
                        .into_inner()
                        .any(|x| x.as_rule() == Rule::r_on_value) =>
                {
                    on = StepBasis::Value;
                }
                Rule::r_step => {
                    let mut iv = None;
                    let mut share = Decimal::ZERO;
                    for s in children(c) {
                        match s.as_rule() {
                            Rule::r_interval => iv = Some(self.interval(s)),
                            Rule::r_share => {
                                let (v, pct, sp) = self.share(s);
                                share = self.percent(v, pct, sp, &word("share"));
                            }
                            _ => {}
                        }
                    }
                    if let Some(iv) = iv {
                        bands.push(Step {
                            low: iv.low,
                            high: iv.high,
                            share,
                        });
                        ivs.push(iv);
                    }
                }
                _ => {}
            }
        }
        let mut shapes_ok = true;
        for iv in &ivs {
            shapes_ok &= self.band_shape(iv, false);
            if on == StepBasis::Ratio {
                shapes_ok &= self.not_negative(iv.low, iv.low_span, &word("completion-ratio"));
                for (v, pct, span) in [
                    (Some(iv.low), iv.low_pct, iv.low_span),
                    (iv.high, iv.high_pct, iv.high_span),
                ] {
                    if let Some(v) = v {
                        if !pct && !v.is_zero() {
                            self.push(
                                Code::RulePercentSign
                                    .at(span)
                                    .variant("ratio")
                                    .arg("value", d(v)),
                            );
                            shapes_ok = false;
                        }
                    }
                }
            }
        }
        if shapes_ok {
            let (bottom, unit) = match on {
                StepBasis::Ratio => (Decimal::ZERO, "%"),
                StepBasis::Value => (
                    ivs.iter()
                        .map(|i| i.low)
                        .min()
                        .unwrap_or_default()
                        .min(Decimal::ZERO),
                    "",
                ),
            };
            self.tile(&ivs, bottom, unit);
        }
        (self.diags.len() == before).then_some(Formula::Steps { on, bands })
    }

    fn per_unit(&mut self, p: Pair<'_, Rule>) -> Option<Formula> {
        let before = self.diags.len();
        let mut per = Decimal::ONE;
        let mut deduct = Decimal::ZERO;
        let mut floor: Option<Decimal> = None;
        let mut cap: Option<Decimal> = None;
        for c in children(p) {
            match c.as_rule() {
                Rule::r_per => {
                    for x in children(c) {
                        match x.as_rule() {
                            Rule::r_share => {
                                let (v, _, span) = self.share(x);
                                if v <= Decimal::ZERO {
                                    self.push(Code::RulePerUnit.at(span).arg("step", d(v)));
                                }
                                per = v;
                            }
                            Rule::r_num => {
                                let span = self.span(&x);
                                deduct = self.num(&x);
                                self.not_negative(deduct, span, &word("deduction"));
                            }
                            _ => {}
                        }
                    }
                }
                Rule::r_floor | Rule::r_cap => {
                    let is_floor = c.as_rule() == Rule::r_floor;
                    let span = self.span(&c);
                    let v = children(c)
                        .find(|x| x.as_rule() == Rule::r_num)
                        .map(|x| (self.num(&x), self.span(&x)));
                    if let Some((v, vspan)) = v {
                        let key = if is_floor { "floor" } else { "cap" };
                        let what = word(key);
                        self.not_negative(v, vspan, &what);
                        let slot = if is_floor { &mut floor } else { &mut cap };
                        if slot.is_some() {
                            self.given_twice(&what, span, key);
                        }
                        let slot = if is_floor { &mut floor } else { &mut cap };
                        *slot = Some(v);
                    }
                }
                _ => {}
            }
        }
        (self.diags.len() == before).then_some(Formula::PerUnit {
            per,
            deduct,
            floor: floor.unwrap_or(Decimal::ZERO),
            cap,
        })
    }

    // ------------------------------------------------------------ subjects

    fn levels(&mut self, p: Pair<'_, Rule>) -> Option<RuleValue> {
        const KNOWN: [(&str, &[&str]); 4] = [
            ("产出指标", &["产出指标", "output"]),
            ("效益指标", &["效益指标", "effect"]),
            ("满意度指标", &["满意度指标", "satisfaction"]),
            ("预算执行率", &["预算执行率", "execution"]),
        ];
        let before = self.diags.len();
        let mut got: Vec<(usize, Decimal, Span)> = Vec::new();
        for lv in children(p).filter(|c| c.as_rule() == Rule::r_level) {
            let lspan = self.span(&lv);
            let mut name: Option<(String, Span)> = None;
            let mut points = Decimal::ZERO;
            for c in children(lv) {
                match c.as_rule() {
                    Rule::r_level_name => name = Some((c.as_str().to_string(), self.span(&c))),
                    Rule::r_num => {
                        let span = self.span(&c);
                        points = self.num(&c);
                        self.not_negative(points, span, &word("level-points"));
                    }
                    _ => {}
                }
            }
            let Some((name, nspan)) = name else { continue };
            let idx = KNOWN
                .iter()
                .position(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(&name)));
            match idx {
                None => self.push(Code::RuleUnknownLevel.at(nspan).arg("name", &name)),
                Some(i) if got.iter().any(|(j, _, _)| *j == i) => self.given_twice(
                    &word_with(
                        "level",
                        &[("name", KNOWN.get(i).map(|k| k.0).unwrap_or(""))],
                    ),
                    lspan,
                    "level",
                ),
                Some(i) => got.push((i, points, lspan)),
            }
        }
        for (i, (name, _)) in KNOWN.iter().enumerate() {
            if !got.iter().any(|(j, _, _)| *j == i) && self.diags.len() == before {
                let whole = self.whole();
                self.push(
                    Code::RuleMissingLevel
                        .at(whole)
                        .arg("name", name)
                        .arg("example", Subject::Levels.example()),
                );
            }
        }
        if self.failed_since(before) {
            return None;
        }
        let total: Decimal = got.iter().map(|(_, p, _)| *p).sum();
        if total != Decimal::ONE_HUNDRED {
            let whole = self.whole();
            self.push(Code::RuleWeightsSum.at(whole).arg("total", d(total)));
            return None;
        }
        got.sort_by_key(|(i, _, _)| *i);
        let mut levels = Vec::new();
        let mut execution_points = Decimal::ZERO;
        for (i, points, _) in got {
            match KNOWN.get(i) {
                Some((name, _)) if i < 3 => levels.push(LevelWeight {
                    name: (*name).to_string(),
                    points,
                }),
                _ => execution_points = points,
            }
        }
        Some(RuleValue::Levels {
            levels,
            execution_points,
        })
    }

    fn deadline(&mut self, p: Pair<'_, Rule>) -> Option<DeadlineRule> {
        let before = self.diags.len();
        // late, per month, floor, not done, no date
        let mut vals: [Option<Decimal>; 5] = [None; 5];
        const WHAT: [&str; 5] = [
            "deadline-late",
            "deadline-per-month",
            "deadline-floor",
            "deadline-not-done",
            "deadline-no-date",
        ];
        for cl in children(p).filter(|c| c.as_rule() == Rule::r_d_clause) {
            let cspan = self.span(&cl);
            let Some(inner) = cl.into_inner().next() else {
                continue;
            };
            let idx = match inner.as_rule() {
                Rule::r_d_late => 0,
                Rule::r_d_per_month => 1,
                Rule::r_d_floor => 2,
                Rule::r_d_not_done => 3,
                _ => 4,
            };
            let what = word(WHAT.get(idx).copied().unwrap_or(""));
            let Some(s) = children(inner).find(|x| x.as_rule() == Rule::r_share) else {
                continue;
            };
            let (v, pct, span) = self.share(s);
            let v = self.percent(v, pct, span, &what);
            match vals.get_mut(idx) {
                Some(slot @ None) => *slot = Some(v),
                _ => self.given_twice(&what, cspan, "clause"),
            }
        }
        let [late, per_month, floor, not_done, no_date] = vals;
        for (v, what) in [(late, "deadline-late"), (not_done, "deadline-not-done")] {
            if v.is_none() && !self.failed_since(before) {
                self.missing_clause(&word(what), "deadline", &Subject::Deadline.example());
            }
        }
        if self.failed_since(before) {
            return None;
        }
        let late = late?;
        let floor = floor.unwrap_or(Decimal::ZERO);
        if floor > late {
            let whole = self.whole();
            self.push(
                Code::RuleFloorAboveLate
                    .at(whole)
                    .arg("floor", pct_text(floor))
                    .arg("late", pct_text(late)),
            );
            return None;
        }
        Some(DeadlineRule {
            late,
            late_per_month: per_month.unwrap_or(Decimal::ZERO),
            late_floor: floor,
            not_done: not_done?,
            done_without_date: no_date.unwrap_or(Decimal::ONE_HUNDRED),
        })
    }

    fn rounding(&mut self, p: Pair<'_, Rule>) -> Option<u32> {
        let n = children(p).find(|c| c.as_rule() == Rule::r_num)?;
        let span = self.span(&n);
        let v = self.num(&n);
        if !self.not_negative(v, span, &word("places")) {
            return None;
        }
        match u32::try_from(v.trunc().mantissa()) {
            Ok(places) if v.fract().is_zero() && places <= 6 => Some(places),
            _ => {
                self.push(Code::RuleRounding.at(span).arg("places", d(v)));
                None
            }
        }
    }

    fn over(&mut self, p: Pair<'_, Rule>) -> Option<FlagRules> {
        let before = self.diags.len();
        let mut pos: Option<Decimal> = None;
        let mut rev: Option<Decimal> = None;
        for cl in children(p).filter(|c| c.as_rule() == Rule::r_over_clause) {
            let cspan = self.span(&cl);
            let Some(inner) = cl.into_inner().next() else {
                continue;
            };
            let is_pos = inner.as_rule() == Rule::r_over_pos;
            let Some(m) = children(inner).find(|x| x.as_rule() == Rule::r_mult) else {
                continue;
            };
            let (v, span) = self.mult(m);
            if self.not_negative(v, span, &word("threshold")) {
                if is_pos && v < Decimal::ONE {
                    self.push(Code::RuleThreshold.at(span).arg("value", d(v)));
                } else if !is_pos && v > Decimal::ONE {
                    self.push(
                        Code::RuleThreshold
                            .at(span)
                            .variant("reverse")
                            .arg("value", d(v)),
                    );
                }
            }
            let which = if is_pos {
                "threshold-positive"
            } else {
                "threshold-reverse"
            };
            let slot = if is_pos { &mut pos } else { &mut rev };
            if slot.is_some() {
                self.given_twice(&word(which), cspan, "threshold");
            }
            let slot = if is_pos { &mut pos } else { &mut rev };
            *slot = Some(v);
        }
        if (pos.is_none() || rev.is_none()) && !self.failed_since(before) {
            let which = if pos.is_none() {
                "threshold-positive"
            } else {
                "threshold-reverse"
            };
            self.missing_clause(&word(which), "over", &Subject::OverAchieved.example());
        }
        if self.failed_since(before) {
            return None;
        }
        Some(FlagRules {
            over_positive: pos?,
            over_reverse: rev?,
        })
    }
}

/// The catalogue keys (`rule-words.x-…`) of the human names of grammar rules, for
/// "expected …" labels. `None` hides a rule.
fn human(r: Rule) -> Option<&'static str> {
    Some(match r {
        Rule::r_num | Rule::r_share => "x-number",
        Rule::r_pct => "x-percent",
        Rule::r_inf => "x-infinity",
        Rule::r_mult => "x-multiple",
        Rule::r_semi => "x-semicolon",
        Rule::r_comma => "x-comma",
        Rule::r_arrow => "x-arrow",
        Rule::r_colon => "x-colon",
        Rule::r_open | Rule::r_interval => "x-band",
        Rule::r_close => "x-close",
        Rule::r_formula
        | Rule::r_proportional
        | Rule::r_inverse
        | Rule::r_linear
        | Rule::r_all_or_nothing
        | Rule::r_steps
        | Rule::r_per_unit
        | Rule::r_per => "x-formula",
        Rule::r_step_on | Rule::r_on_ratio | Rule::r_on_value => "x-basis",
        Rule::r_step => "x-step",
        Rule::r_floor => "x-floor",
        Rule::r_cap => "x-cap",
        Rule::r_level_name | Rule::r_level => "x-level",
        Rule::r_grade_label | Rule::r_grade => "x-grade",
        Rule::r_ge | Rule::r_lt | Rule::r_bad_op | Rule::r_grade_bound => "x-grade-bound",
        Rule::r_grade_word
        | Rule::r_g_achieved
        | Rule::r_g_partial
        | Rule::r_g_not
        | Rule::r_qband => "x-grade-word",
        Rule::r_default => "x-default",
        Rule::r_d_clause
        | Rule::r_d_late
        | Rule::r_d_per_month
        | Rule::r_d_floor
        | Rule::r_d_not_done
        | Rule::r_d_no_date => "x-deadline-clause",
        Rule::r_half_up => "x-half-up",
        Rule::r_rounding => "x-places",
        Rule::r_dir_pos | Rule::r_dir_rev => "x-direction",
        Rule::r_over_clause | Rule::r_over_pos | Rule::r_over_rev => "x-over-clause",
        Rule::r_row_dir => "x-row-direction",
        Rule::r_na | Rule::r_na_move | Rule::r_na_rescale => "x-not-applicable",
        Rule::r_light
        | Rule::r_light_red
        | Rule::r_light_yellow
        | Rule::r_light_green
        | Rule::r_m_clause => "x-light",
        Rule::r_m_bound => "x-light-bound",
        Rule::EOI => "x-end",
        _ => return None,
    })
}

#[cfg(test)]
mod monitor_tests {
    use super::*;

    fn lights(text: &str) -> Result<(Decimal, Decimal), Vec<&'static str>> {
        match parse_rule(Subject::Monitor, text) {
            Ok(RuleValue::Monitor(m)) => Ok((m.red_below, m.green_from)),
            Ok(other) => panic!("{other:?}"),
            Err(ds) => Err(ds.iter().map(|d| d.code.as_str()).collect()),
        }
    }

    #[test]
    fn monitor_rule_reads_ratios_and_percents() {
        let want = Ok((Decimal::new(6, 1), Decimal::new(8, 1)));
        assert_eq!(lights("红灯 < 0.6; 黄灯 < 0.8; 绿灯 ≥ 0.8"), want);
        assert_eq!(lights("红灯 < 60%; 绿灯 ≥ 80%"), want);
        assert_eq!(lights("red < 0.6; yellow [0.6, 0.8); green >= 0.8"), want);
        assert_eq!(lights("绿灯 ≥ 0.8；红灯 低于 0.6"), want);
    }

    #[test]
    fn monitor_rule_errors() {
        assert_eq!(lights("红灯 < 0.6"), Err(vec!["rule::missing-clause"]));
        assert_eq!(
            lights("红灯 < 0.9; 绿灯 ≥ 0.8"),
            Err(vec!["rule::band-overlap"])
        );
        assert_eq!(
            lights("红灯 < 0.6; 黄灯 < 0.7; 绿灯 ≥ 0.8"),
            Err(vec!["rule::band-gap"])
        );
        assert_eq!(
            lights("红灯 ≤ 0.6; 绿灯 ≥ 0.8"),
            Err(vec!["rule::light-operator"])
        );
        assert_eq!(
            lights("红灯 < 0.6; 红灯 < 0.5; 绿灯 ≥ 0.8"),
            Err(vec!["rule::duplicate"])
        );
        assert_eq!(lights("紫灯 < 0.6"), Err(vec!["rule::syntax"]));
    }
}
