//! The rules that cut a scale into named bands: grades of a total (`优 ≥ 90; 良 [80, 90)`),
//! the three bands of a qualitative share (达成, 部分达成, 未达成) and the monitoring
//! lights (红灯, 黄灯, 绿灯). Each is read clause by clause, then checked as a whole for
//! gaps and overlaps, so that every value falls in exactly one band.

use super::{children, pct_text, word, word_with, Interval, Reader, Subject};
use crate::diagnostic::Code;
use crate::model::number::d;
use crate::model::Span;
use crate::parse::grammar::Rule;
use crate::policy::definition::{Band, GradeBand, MonitorThresholds, QualitativeBands};
use pest::iterators::Pair;
use rust_decimal::Decimal;

/// One grade as written. `open_top` is a band written `≥ N`: its upper end is the next
/// grade's lower end, filled in once all grades are read.
struct WrittenGrade {
    label: String,
    band: Interval,
    open_top: bool,
}

/// A qualitative band as written: its interval, its default share and where that is.
type QualitativeSlot = (Interval, Decimal, Span);

/// A light as written: lower bound, upper bound, span of the clause.
type LightBand = (Option<Decimal>, Option<Decimal>, Span);

/// The names of the qualitative bands, low to high (the index of a slot).
const QUALITATIVE_NAMES: [&str; 3] = ["未达成", "部分达成", "达成"];

/// The names of the lights, low to high (the index of a slot).
const LIGHT_NAMES: [&str; 3] = ["红灯", "黄灯", "绿灯"];

impl Reader<'_> {
    pub(super) fn grades(&mut self, p: Pair<'_, Rule>) -> Option<Vec<GradeBand>> {
        let before = self.diags.len();
        let mut written: Vec<WrittenGrade> = Vec::new();
        for g in children(p).filter(|c| c.as_rule() == Rule::r_grade) {
            if let Some(grade) = self.grade(g, &written) {
                written.push(grade);
            }
        }
        if self.failed_since(before) {
            return None;
        }
        self.close_open_grades(&mut written);
        if self.failed_since(before) {
            return None;
        }
        let bands: Vec<Interval> = written.iter().map(|w| w.band.clone()).collect();
        self.tile(&bands, Decimal::ZERO, "");
        if self.failed_since(before) {
            return None;
        }
        let mut out: Vec<GradeBand> = written
            .into_iter()
            .map(|w| GradeBand {
                label: w.label,
                min: w.band.low,
            })
            .collect();
        out.sort_by_key(|b| std::cmp::Reverse(b.min));
        Some(out)
    }

    /// One `label band` clause; `None` when it has no usable band (the reason is pushed).
    /// `earlier` are the grades read so far, to catch a label given twice.
    fn grade(&mut self, g: Pair<'_, Rule>, earlier: &[WrittenGrade]) -> Option<WrittenGrade> {
        let gspan = self.span(&g);
        let mut label = String::new();
        let mut band: Option<Interval> = None;
        let mut open_top = false;
        for c in children(g) {
            match c.as_rule() {
                Rule::r_grade_label => {
                    label = c.as_str().to_string();
                    if earlier.iter().any(|w| w.label == label) {
                        let span = self.span(&c);
                        self.given_twice(&word_with("grade", &[("label", &label)]), span, "grade");
                    }
                }
                Rule::r_interval => {
                    if let Some(i) = self.grade_interval(c) {
                        band = Some(i);
                    }
                }
                Rule::r_grade_bound => {
                    if let Some((i, from)) = self.grade_bound(c, gspan) {
                        band = Some(i);
                        open_top |= from;
                    }
                }
                _ => {}
            }
        }
        let band = band?;
        self.grade_in_range(&band);
        Some(WrittenGrade {
            label,
            band,
            open_top,
        })
    }

    /// `[80, 90)`. `[90, 100]` is the top band: totals never exceed 100, so its closed
    /// top is allowed and read as open-ended.
    fn grade_interval(&mut self, c: Pair<'_, Rule>) -> Option<Interval> {
        let mut i = self.interval(c);
        let top = i.high == Some(Decimal::ONE_HUNDRED);
        if !self.band_shape(&i, top) {
            return None;
        }
        if top && i.closed_high {
            i.high = None;
        }
        Some(i)
    }

    /// `≥ 90` or `< 60`, as a band, and whether it was `≥` (open at the top).
    fn grade_bound(&mut self, c: Pair<'_, Rule>, gspan: Span) -> Option<(Interval, bool)> {
        let span = self.span(&c);
        let mut op = Rule::r_ge;
        let mut v = Decimal::ZERO;
        let mut vspan = span;
        for x in children(c) {
            match x.as_rule() {
                Rule::r_ge | Rule::r_lt | Rule::r_bad_op => {
                    if x.as_rule() == Rule::r_bad_op {
                        let s = self.span(&x);
                        self.push(Code::RuleGradeOperator.at(s).arg("op", x.as_str()));
                    }
                    op = x.as_rule();
                }
                Rule::r_num => {
                    vspan = self.span(&x);
                    v = self.num(&x);
                }
                _ => {}
            }
        }
        if op == Rule::r_bad_op {
            return None;
        }
        let below = op == Rule::r_lt;
        let (low, high) = if below {
            (Decimal::ZERO, Some(v))
        } else {
            (v, None)
        };
        let band = Interval {
            low,
            low_pct: false,
            low_span: vspan,
            high,
            high_pct: false,
            high_span: vspan,
            open_low: false,
            closed_high: false,
            span: gspan,
            blame_high: below,
        };
        Some((band, !below))
    }

    /// A grade's ends lie between 0 and 100, the range of a total.
    fn grade_in_range(&mut self, i: &Interval) {
        for (v, span) in [(Some(i.low), i.low_span), (i.high, i.high_span)] {
            if let Some(v) = v {
                if self.not_negative(v, span, &word("grade-lowest")) && v > Decimal::ONE_HUNDRED {
                    self.push(Code::RuleGradeRange.at(span).arg("value", d(v)));
                }
            }
        }
    }

    /// `优 ≥ 90` runs up to the next grade's lowest total: give it that upper end, so
    /// only what is written explicitly (`< 60`, `[80, 90)`) can leave a gap or overlap.
    fn close_open_grades(&mut self, written: &mut [WrittenGrade]) {
        let mut order: Vec<usize> = (0..written.len()).collect();
        order.sort_by(|a, b| {
            let low = |i: &usize| written.get(*i).map(|w| w.band.low).unwrap_or_default();
            low(a).cmp(&low(b))
        });
        for w in order.windows(2) {
            let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else {
                continue;
            };
            let (Some(lo), Some(hi_low), Some(hi_span)) = (
                written.get(a),
                written.get(b).map(|g| g.band.low),
                written.get(b).map(|g| g.band.span),
            ) else {
                continue;
            };
            if lo.band.high.is_some() || !lo.open_top {
                continue;
            }
            if lo.band.low == hi_low {
                let overlap = Code::RuleBandOverlap
                    .at(hi_span)
                    .variant("grades")
                    .arg("label", &lo.label)
                    .arg("at", d(hi_low));
                self.push(overlap);
            } else if let Some(g) = written.get_mut(a) {
                g.band.high = Some(hi_low);
            }
        }
    }

    pub(super) fn qualitative(&mut self, p: Pair<'_, Rule>) -> Option<QualitativeBands> {
        let before = self.diags.len();
        let mut slots: [Option<QualitativeSlot>; 3] = [None, None, None];
        for q in children(p).filter(|c| c.as_rule() == Rule::r_qband) {
            let qspan = self.span(&q);
            let Some((idx, band)) = self.qualitative_clause(q) else {
                continue;
            };
            match slots.get_mut(idx) {
                Some(slot @ None) => *slot = Some(band),
                _ => {
                    let name = QUALITATIVE_NAMES.get(idx).unwrap_or(&"");
                    self.given_twice(
                        &word_with("band-of", &[("name", name)]),
                        qspan,
                        "qualitative",
                    );
                }
            }
        }
        let [Some(na), Some(pa), Some(ac)] = slots else {
            if !self.failed_since(before) {
                self.missing_bands(&slots);
            }
            return None;
        };
        if self.failed_since(before) {
            return None;
        }
        let mut ok = self.band_shape(&na.0, false);
        ok &= self.band_shape(&pa.0, false);
        ok &= self.band_shape(&ac.0, true);
        if !ok {
            return None;
        }
        self.qualitative_tiles(&na.0, &pa.0, &ac.0);
        if self.failed_since(before) {
            return None;
        }
        let mut bands = [na, pa, ac]
            .into_iter()
            .zip(QUALITATIVE_NAMES)
            .map(|(slot, name)| self.qualitative_band(slot, name))
            .collect::<Vec<Band>>()
            .into_iter();
        if self.failed_since(before) {
            return None;
        }
        let (not_achieved, partial, achieved) = (bands.next()?, bands.next()?, bands.next()?);
        Some(QualitativeBands {
            achieved,
            partial,
            not_achieved,
        })
    }

    /// One `grade band default` clause: the slot it fills (0 未达成, 1 部分达成, 2 达成)
    /// and what it says. `None` without an interval.
    fn qualitative_clause(&mut self, q: Pair<'_, Rule>) -> Option<(usize, QualitativeSlot)> {
        let qspan = self.span(&q);
        let mut idx = 0usize;
        let mut iv = None;
        let mut default = (Decimal::ZERO, qspan);
        for c in children(q) {
            match c.as_rule() {
                Rule::r_grade_word => {
                    idx = match c.into_inner().next().map(|x| x.as_rule()) {
                        Some(Rule::r_g_achieved) => 2,
                        Some(Rule::r_g_partial) => 1,
                        _ => 0,
                    }
                }
                Rule::r_interval => iv = Some(self.interval(c)),
                Rule::r_share => {
                    let (v, pct, span) = self.share(c);
                    let v = self.percent(v, pct, span, &word("default"));
                    default = (v, span);
                }
                _ => {}
            }
        }
        let iv = iv?;
        for (v, pct, span) in [
            (Some(iv.low), iv.low_pct, iv.low_span),
            (iv.high, iv.high_pct, iv.high_span),
        ] {
            if let Some(v) = v {
                self.percent(v, pct, span, &word("band-end"));
            }
        }
        Some((idx, (iv, default.0, default.1)))
    }

    /// Names the qualitative bands that were not given.
    fn missing_bands(&mut self, slots: &[Option<QualitativeSlot>; 3]) {
        let missing: Vec<&str> = slots
            .iter()
            .zip(QUALITATIVE_NAMES)
            .filter(|(s, _)| s.is_none())
            .map(|(_, n)| n)
            .collect();
        let whole = self.whole();
        self.push(
            Code::RuleMissingBand
                .at(whole)
                .arg("names", missing.join(&word("list-comma")))
                .arg("example", Subject::Qualitative.example()),
        );
    }

    /// The three qualitative bands must cover 0% to 100% (included) end to end: a share
    /// outside every band, or inside two, would have no single grade.
    fn qualitative_tiles(&mut self, na: &Interval, pa: &Interval, ac: &Interval) {
        if na.low != Decimal::ZERO {
            self.push(
                Code::RuleBandGap
                    .at(na.low_span)
                    .variant("share-bottom")
                    .arg("to", pct_text(na.low)),
            );
        }
        for (lo, hi, lo_name, hi_name) in
            [(na, pa, "未达成", "部分达成"), (pa, ac, "部分达成", "达成")]
        {
            let h = lo.high.unwrap_or(Decimal::MAX);
            if h < hi.low {
                self.push(
                    Code::RuleBandGap
                        .at(hi.low_span)
                        .variant("share")
                        .arg("from", pct_text(h))
                        .arg("to", pct_text(hi.low))
                        .arg("lower", lo_name)
                        .arg("upper", hi_name),
                );
            } else if h > hi.low {
                self.push(
                    Code::RuleBandOverlap
                        .at(hi.low_span)
                        .variant("share")
                        .arg("from", pct_text(hi.low))
                        .arg("to", pct_text(h))
                        .arg("lower", lo_name)
                        .arg("upper", hi_name),
                );
            }
        }
        match ac.high {
            Some(h) if h == Decimal::ONE_HUNDRED && ac.closed_high => {}
            _ => self.push(Code::RuleBandGap.at(ac.high_span).variant("share-top")),
        }
    }

    /// The band a slot scores with; its default must lie inside it, or a row given the
    /// default would get a share its own grade excludes.
    fn qualitative_band(&mut self, (iv, def, dspan): QualitativeSlot, name: &str) -> Band {
        let high = iv.high.unwrap_or(Decimal::ONE_HUNDRED);
        let inside = def >= iv.low && (def < high || (iv.closed_high && def == high));
        if !inside {
            self.push(
                Code::RuleDefaultOutsideBand
                    .at(dspan)
                    .arg("default", pct_text(def))
                    .arg("name", name)
                    .arg("low", pct_text(iv.low))
                    .arg("high", pct_text(high))
                    .arg("close", if iv.closed_high { "]" } else { ")" }),
            );
        }
        Band {
            low: iv.low,
            high,
            high_inclusive: iv.closed_high,
            default: def,
        }
    }

    /// `红灯 < 0.6; 黄灯 < 0.8; 绿灯 ≥ 0.8`: 红灯 below a bound, 绿灯 from a bound, 黄灯
    /// (optional) between them. Bounds are ratios (`0.6`) or percents (`60%`).
    pub(super) fn monitor(&mut self, p: Pair<'_, Rule>) -> Option<MonitorThresholds> {
        let before = self.diags.len();
        let mut got: [Option<LightBand>; 3] = [None, None, None];
        for cl in children(p).filter(|c| c.as_rule() == Rule::r_m_clause) {
            let cspan = self.span(&cl);
            let Some((light, (low, high))) = self.light_clause(cl) else {
                continue;
            };
            let name = LIGHT_NAMES.get(light).copied().unwrap_or("");
            match got.get_mut(light) {
                Some(Some(_)) => self.given_twice(name, cspan, "light"),
                Some(slot) => *slot = Some((low, high, cspan)),
                None => {}
            }
        }
        if self.failed_since(before) {
            return None;
        }
        let [red, yellow, green] = got;
        let red_below = self.red_bound(red);
        let green_from = self.green_bound(green);
        if (red.is_none() || green.is_none()) && !self.failed_since(before) {
            self.missing_clause(
                if red.is_none() { "红灯" } else { "绿灯" },
                "monitor",
                &Subject::Monitor.example(),
            );
        }
        let (Some(r), Some(g)) = (red_below, green_from) else {
            return None;
        };
        self.lights_fit(r, g, yellow);
        if self.failed_since(before) {
            return None;
        }
        Some(MonitorThresholds {
            red_below: r,
            green_from: g,
        })
    }

    /// One `light bound` clause: the light (0 红灯, 1 黄灯, 2 绿灯) and its bounds as
    /// ratios. `None` when no usable bound is written.
    #[allow(clippy::type_complexity)]
    fn light_clause(
        &mut self,
        cl: Pair<'_, Rule>,
    ) -> Option<(usize, (Option<Decimal>, Option<Decimal>))> {
        let mut light = 0usize;
        let mut bounds = None;
        for c in children(cl) {
            match c.as_rule() {
                Rule::r_light => {
                    light = match c.into_inner().next().map(|x| x.as_rule()) {
                        Some(Rule::r_light_red) => 0,
                        Some(Rule::r_light_yellow) => 1,
                        _ => 2,
                    };
                }
                Rule::r_m_bound => bounds = Some(self.light_bound(c)),
                Rule::r_interval => {
                    let iv = self.interval(c);
                    if self.band_shape(&iv, false) {
                        bounds = Some((
                            Some(ratio(iv.low, iv.low_pct)),
                            iv.high.map(|h| ratio(h, iv.high_pct)),
                        ));
                    }
                }
                _ => {}
            }
        }
        bounds.map(|b| (light, b))
    }

    /// `< N` (an upper bound) or `≥ N` (a lower bound), as a ratio.
    fn light_bound(&mut self, c: Pair<'_, Rule>) -> (Option<Decimal>, Option<Decimal>) {
        let mut op = Rule::r_ge;
        let mut v = Decimal::ZERO;
        for x in children(c) {
            match x.as_rule() {
                Rule::r_ge | Rule::r_lt => op = x.as_rule(),
                Rule::r_bad_op => {
                    let s = self.span(&x);
                    self.push(Code::RuleLightOperator.at(s).arg("op", x.as_str()));
                }
                Rule::r_share => {
                    let (n, pct, span) = self.share(x);
                    if self.not_negative(n, span, &word("light-bound")) {
                        v = ratio(n, pct);
                    }
                }
                _ => {}
            }
        }
        if op == Rule::r_lt {
            (None, Some(v))
        } else {
            (Some(v), None)
        }
    }

    /// 红灯's upper bound. 红灯 is the bottom band: it must have one and start at 0.
    fn red_bound(&mut self, red: Option<LightBand>) -> Option<Decimal> {
        match red {
            Some((low, Some(h), span)) => {
                if low.is_some_and(|l| !l.is_zero()) {
                    self.push(Code::RuleLightBand.at(span));
                }
                Some(h)
            }
            Some((_, None, span)) => {
                self.push(Code::RuleLightBand.at(span).variant("red-top"));
                None
            }
            None => None,
        }
    }

    /// 绿灯's lower bound. 绿灯 is the top band: a lower bound and nothing above.
    fn green_bound(&mut self, green: Option<LightBand>) -> Option<Decimal> {
        match green {
            Some((Some(l), None, _)) => Some(l),
            Some((_, _, span)) => {
                self.push(Code::RuleLightBand.at(span).variant("green"));
                None
            }
            None => None,
        }
    }

    /// 红灯 must end at or below where 绿灯 starts, and 黄灯 (when written) fill exactly
    /// what lies between.
    fn lights_fit(&mut self, r: Decimal, g: Decimal, yellow: Option<LightBand>) {
        if r > g {
            let whole = self.whole();
            self.push(
                Code::RuleBandOverlap
                    .at(whole)
                    .variant("lights")
                    .arg("red", d(r))
                    .arg("green", d(g)),
            );
        }
        let Some((low, high, span)) = yellow else {
            return;
        };
        let fits = low.is_none_or(|l| l == r) && high.is_none_or(|h| h == g);
        if !fits {
            self.push(
                Code::RuleBandGap
                    .at(span)
                    .variant("yellow")
                    .arg("red", d(r))
                    .arg("green", d(g)),
            );
        }
    }
}

/// A bound as a ratio: `60%` is 0.6, `0.6` stays.
fn ratio(x: Decimal, pct: bool) -> Decimal {
    if pct {
        x / Decimal::ONE_HUNDRED
    } else {
        x
    }
}
