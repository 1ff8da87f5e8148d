//! The checks themselves: what a careful reviewer looks for in a scorecard beyond what
//! the loader already refuses. Each check returns diagnostics with spans into the file.

use super::spans::FileIndex;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::evaluate::points::{level_points, LevelPoints};
use crate::i18n::t;
use crate::model::{ChangeDirection, DateSpec, Op, Quantity, Span, Target, TargetKind, Unit};
use crate::parse::{parse_target, Strictness};
use crate::score::Policy;
use crate::scorecard::{Indicator, Project};
use rust_decimal::Decimal;
use std::ops::Range;

pub const UNIT_MISMATCH: Code = Code::CheckUnitMismatch;
pub const UNIT_MISSING: Code = Code::CheckUnitMissing;
pub const DEADLINE_YEAR: Code = Code::CheckDeadlineYear;
pub const VAGUE_TARGET: Code = Code::CheckVagueTarget;
pub const REVERSE_CONTRADICTED: Code = Code::CheckReverseContradicted;
pub const POINTS: Code = Code::CheckPoints;
pub const BUDGET_PARTS: Code = Code::CheckBudgetParts;
pub const SPENDING_PLAN: Code = Code::CheckSpendingPlan;

fn span(r: Range<usize>) -> Span {
    Span::new(r.start, r.end)
}

fn target_span(ind: &Indicator) -> Span {
    Span::new(ind.origin.start, ind.origin.end)
}

/// Every check of one indicator row. `fiscal_year` is `None` when the department file
/// could not be read (deadlines are then not checked).
pub fn check_indicator(
    ind: &Indicator,
    index: &FileIndex,
    fiscal_year: Option<i32>,
    strict: bool,
) -> Vec<Diagnostic> {
    let mut out = target_parse_diagnostics(ind, index, strict);
    let Some(target) = &ind.target else {
        return out;
    };
    out.extend(unit_agreement(ind, target));
    out.extend(crate::model::vocabulary::unknown_unit_advice(
        target,
        target_span(ind),
    ));
    if let Some(year) = fiscal_year {
        out.extend(deadline_year(ind, target, year));
    }
    out.extend(vague(ind, target));
    out.extend(reverse_contradicted(ind, target));
    out
}

// ---------------------------------------------------------------------------------------
// Targets that parse only leniently

/// The parser's warnings for the target (lenient), or its errors (strict), placed in the
/// file.
fn target_parse_diagnostics(ind: &Indicator, index: &FileIndex, strict: bool) -> Vec<Diagnostic> {
    let diags = if strict {
        match parse_target(&ind.target_text, Strictness::Strict) {
            Ok(p) => p.warnings,
            Err(e) => e,
        }
    } else {
        ind.target_diagnostics.clone()
    };
    let start = ind.origin.start;
    let raw_matches = index.source.get(start..ind.origin.end) == Some(ind.target_text.as_str());
    diags
        .into_iter()
        .map(|d| {
            if raw_matches {
                d.offset(start)
            } else {
                // Escapes in the TOML string: underline the whole target.
                Diagnostic {
                    span: target_span(ind),
                    ..d
                }
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Units the name or description states

/// What an indicator's name or description says about the unit of its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// A rate: `（%）`, `率`, `比率`, `比例`, `百分比`.
    Percent { word: String },
    /// Units in brackets: `（件）`, `（个\台\套\件）`.
    Units { word: String, units: Vec<String> },
    /// A count without a unit: `数量`, `次数`, `人数` …
    Count { word: String },
}

impl Claim {
    /// What the name says, for messages: `is a rate`, `counts in `件``, `is a count (`次数`)`.
    /// What the claim says, in the current language (`counts in `件``).
    fn says(&self) -> String {
        match self {
            Claim::Percent { .. } => t("check.says-rate").to_string(),
            Claim::Units { units, .. } => {
                crate::i18n::tf("check.says-units", &[("units", &units.join("/"))])
            }
            Claim::Count { word } => crate::i18n::tf("check.says-count", &[("word", word)]),
        }
    }
}

/// Units a bracket in a name may state (percent signs are a rate, handled apart).
const NAME_UNITS: &[&str] = crate::model::quantity::UNIT_WORDS;

const PERCENT_WORDS: &[&str] = &["%", "％", "百分比", "百分率"];

/// Words that make a name a count.
const COUNT_WORDS: &[&str] = &[
    "数量", "次数", "人数", "件数", "个数", "场次", "册数", "户数", "份数", "人次",
];

/// `率` that do not mean a share: 效率 (efficiency), 频率 (frequency), 功率 (power).
const NOT_RATES: &[char] = &['效', '频', '功'];

/// What `text` claims about units: a bracketed unit first (most explicit), then rate
/// words, then a count word ending the text (the head of the phrase: `…咨询服务数量`, not
/// `（如减少开车次数）`).
pub fn claim(text: &str) -> Option<Claim> {
    bracket_claim(text)
        .or_else(|| rate_claim(text))
        .or_else(|| {
            let head =
                text.trim_end_matches(|c: char| c.is_whitespace() || "。.；;，,".contains(c));
            COUNT_WORDS
                .iter()
                .find(|w| head.ends_with(*w))
                .map(|w| Claim::Count {
                    word: (*w).to_string(),
                })
        })
}

fn bracket_claim(text: &str) -> Option<Claim> {
    let mut rest = text;
    while let Some(open) = rest.find(['（', '(']) {
        let after = rest.get(open..).unwrap_or("");
        let open_len = after.chars().next().map(char::len_utf8).unwrap_or(1);
        let inner_all = after.get(open_len..).unwrap_or("");
        let close = inner_all.find(['）', ')']);
        let inner = match close {
            Some(c) => inner_all.get(..c).unwrap_or(""),
            None => inner_all,
        };
        let close_len = close
            .and_then(|c| inner_all.get(c..))
            .and_then(|s| s.chars().next())
            .map(char::len_utf8)
            .unwrap_or(0);
        let word = after
            .get(..open_len + inner.len() + close_len)
            .unwrap_or("")
            .to_string();
        let t = inner.trim();
        if PERCENT_WORDS.contains(&t) {
            return Some(Claim::Percent { word });
        }
        let units: Vec<String> = t
            .split(['\\', '/', '、', '|', '，', ',', ' '])
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string)
            .collect();
        if !units.is_empty() && units.iter().all(|u| NAME_UNITS.contains(&u.as_str())) {
            return Some(Claim::Units { word, units });
        }
        rest = inner_all.get(inner.len()..).unwrap_or("");
    }
    None
}

fn rate_claim(text: &str) -> Option<Claim> {
    for w in ["比率", "比例", "百分比"] {
        if text.contains(w) {
            return Some(Claim::Percent {
                word: w.to_string(),
            });
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '率' {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        if prev.is_some_and(|p| NOT_RATES.contains(p)) {
            continue;
        }
        let word: String = match prev {
            Some(p) => [*p, '率'].iter().collect(),
            None => "率".to_string(),
        };
        return Some(Claim::Percent { word });
    }
    None
}

/// The quantity whose unit a name or description can disagree with: comparisons and
/// ranges. Changes are left alone (a count may well be asked to grow by a percentage).
fn measured(target: &Target) -> Option<(&Quantity, Option<Op>)> {
    match &target.kind {
        TargetKind::Comparison(c) => Some((&c.quantity, Some(c.op))),
        TargetKind::Range(r) => Some((&r.high, None)),
        _ => None,
    }
}

fn same_unit(a: &str, b: &str) -> bool {
    a == b || Unit::new(a).base().0 == Unit::new(b).base().0
}

/// The target written with another unit, for help texts: `≥80%` → `≥80件`.
fn rewritten(target: &Target, unit: Option<&str>) -> String {
    let mut t = target.clone();
    t.reverse_mark = false;
    let unit = unit.map(Unit::new);
    match &mut t.kind {
        TargetKind::Comparison(c) => c.quantity.unit = unit,
        TargetKind::Range(r) => {
            r.low.unit = unit.clone();
            r.high.unit = unit;
        }
        _ => {}
    }
    t.to_string()
}

fn unit_agreement(ind: &Indicator, target: &Target) -> Vec<Diagnostic> {
    let Some((quantity, _)) = measured(target) else {
        return Vec::new();
    };
    let (claim, field, field_text) = match claim(&ind.name) {
        Some(c) => (c, t("check.field-name"), ind.name.as_str()),
        None => match claim(&ind.description) {
            Some(c) => (c, t("check.field-description"), ind.description.as_str()),
            None => return Vec::new(),
        },
    };
    let text = ind.target_text.trim();
    let at = target_span(ind);
    let says = claim.says();
    let percent = t("check.what-percent").to_string();
    let counted_in = |u: &Unit| crate::i18n::tf("check.what-unit", &[("unit", u.as_str())]);
    // `variant` picks the help; `example` is the target rewritten in the claimed unit.
    let mismatch = |what: String, variant: &'static str, example: String| {
        vec![Diagnostic::new(UNIT_MISMATCH, at)
            .variant(variant)
            .arg("text", text)
            .arg("what", &what)
            .arg("field", field)
            .arg("field_text", field_text)
            .arg("says", &says)
            .arg("example", example)]
    };
    match (&claim, &quantity.unit) {
        (Claim::Percent { .. }, Some(u)) if !u.is_percent_like() => {
            mismatch(counted_in(u), "percent", String::new())
        }
        (Claim::Units { units, .. }, Some(u)) if u.is_percent_like() => {
            let unit = units.first().map(String::as_str).unwrap_or("件");
            mismatch(percent, "units", rewritten(target, Some(unit)))
        }
        (Claim::Count { .. }, Some(u)) if u.is_percent_like() => {
            mismatch(percent, "count", rewritten(target, None))
        }
        (Claim::Units { units, .. }, Some(u))
            if !units.iter().any(|n| same_unit(n, u.as_str())) =>
        {
            let unit = units.first().map(String::as_str).unwrap_or("件");
            mismatch(counted_in(u), "one-unit", rewritten(target, Some(unit)))
        }
        (Claim::Percent { .. }, None) => unit_missing(ind, target, field, field_text, &says, "%"),
        (Claim::Units { units, .. }, None) if units.len() == 1 => {
            let unit = units.first().map(String::as_str).unwrap_or("件");
            unit_missing(ind, target, field, field_text, &says, unit)
        }
        _ => Vec::new(),
    }
}

fn unit_missing(
    ind: &Indicator,
    target: &Target,
    field: &str,
    field_text: &str,
    says: &str,
    unit: &str,
) -> Vec<Diagnostic> {
    vec![Diagnostic::new(UNIT_MISSING, target_span(ind))
        .arg("text", ind.target_text.trim())
        .arg("field", field)
        .arg("field_text", field_text)
        .arg("says", says)
        .arg("example", rewritten(target, Some(unit)))]
}

// ---------------------------------------------------------------------------------------
// Deadlines outside the fiscal year

fn deadline_year(ind: &Indicator, target: &Target, fiscal_year: i32) -> Vec<Diagnostic> {
    let TargetKind::Deadline(d) = &target.kind else {
        return Vec::new();
    };
    let outside = |s: &DateSpec| s.year.filter(|y| *y != fiscal_year);
    let Some(year) = outside(&d.end).or_else(|| d.start.as_ref().and_then(outside)) else {
        return Vec::new();
    };
    let mut fixed = target.clone();
    if let TargetKind::Deadline(fd) = &mut fixed.kind {
        fd.end.year = fd.end.year.map(|_| fiscal_year);
        if let Some(s) = &mut fd.start {
            s.year = s.year.map(|_| fiscal_year);
        }
    }
    let mut yearless = fixed.clone();
    if let TargetKind::Deadline(yd) = &mut yearless.kind {
        yd.end.year = None;
        if let Some(s) = &mut yd.start {
            s.year = None;
        }
    }
    vec![Diagnostic::new(DEADLINE_YEAR, target_span(ind))
        .arg("text", ind.target_text.trim())
        .arg("year", year)
        .arg("fiscal_year", fiscal_year)
        .arg("fixed", fixed)
        .arg("yearless", yearless)]
}

// ---------------------------------------------------------------------------------------
// Qualitative targets with nothing measurable

/// Words that make a qualitative target checkable: a plan, a time limit, a rule or
/// standard to compare with, a yes/no condition.
const MEASURABLE: &[&str] = &[
    "计划",
    "时限",
    "期限",
    "规定",
    "标准",
    "要求",
    "合同",
    "方案",
    "验收",
    "达标",
    "合格",
    "通过",
    "完成",
    "全覆盖",
    "全部",
    "零",
    "无",
    "未发生",
    "不发生",
    "杜绝",
];

const YES_NO: &[&str] = &["是", "否", "有", "无"];

pub fn is_measurable(text: &str) -> bool {
    let t = text.trim();
    YES_NO.contains(&t) || MEASURABLE.iter().any(|w| t.contains(w))
}

fn vague(ind: &Indicator, target: &Target) -> Vec<Diagnostic> {
    let TargetKind::Qualitative(q) = &target.kind else {
        return Vec::new();
    };
    // A target with a number in it already got a parse warning.
    if is_measurable(&q.text) || !ind.target_diagnostics.is_empty() {
        return Vec::new();
    }
    vec![Diagnostic::new(VAGUE_TARGET, target_span(ind)).arg("text", &q.text)]
}

// ---------------------------------------------------------------------------------------
// 反向 marks the operator contradicts

fn reverse_contradicted(ind: &Indicator, target: &Target) -> Vec<Diagnostic> {
    if ind.direction.is_some() {
        // An explicit direction decides; the scorer follows it.
        return Vec::new();
    }
    let where_marked = if target.reverse_mark {
        t("check.where-target")
    } else if ind.description.contains("反向") {
        t("check.where-description")
    } else if ind.name.contains("反向") {
        t("check.where-name")
    } else {
        return Vec::new();
    };
    let asks_for_more = match &target.kind {
        TargetKind::Comparison(c) => matches!(c.op, Op::Ge | Op::Gt),
        TargetKind::Change(c) => c.direction == ChangeDirection::Increase,
        _ => false,
    };
    if !asks_for_more {
        return Vec::new();
    }
    let text = ind.target_text.trim();
    let flipped = match &target.kind {
        TargetKind::Comparison(c) => {
            let op = if c.op == Op::Gt { Op::Lt } else { Op::Le };
            format!("{}{}", op.symbol(), c.quantity)
        }
        _ => "减少…".to_string(),
    };
    vec![Diagnostic::new(REVERSE_CONTRADICTED, target_span(ind))
        .arg("where", where_marked)
        .arg("text", text)
        .arg("flipped", flipped)]
}

// ---------------------------------------------------------------------------------------
// Points against the policy's level weights

/// Explicit points that cannot add up to the level weights: a level whose rows all have
/// points that do not sum to its weight, or explicit points beyond the weight. The
/// judgement is [`level_points`], the one `score` uses to leave such a level unscored.
pub fn check_points(
    indicators: &[Indicator],
    index: &FileIndex,
    policy: &Policy,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for level in &policy.levels {
        let rows: Vec<&Indicator> = indicators
            .iter()
            .filter(|i| i.level1 == level.name)
            .collect();
        let explicit: Vec<(&Indicator, Decimal)> = rows
            .iter()
            .filter_map(|i| i.points.map(|p| (*i, p)))
            .collect();
        let Some((last, _)) = explicit.last() else {
            continue;
        };
        let weight = level.points;
        let verdict = level_points(weight, explicit.iter().map(|(_, p)| *p), rows.len());
        let at = |ind: &Indicator| {
            index
                .row(&ind.id, "points")
                .map(span)
                .unwrap_or_else(|| target_span(ind))
        };
        let given: Vec<String> = explicit
            .iter()
            .map(|(i, p)| format!("{} {}", i.id, p.normalize()))
            .collect();
        let points = |at: Span, variant: &'static str, sum: Option<Decimal>| {
            Diagnostic::new(POINTS, at)
                .variant(variant)
                .arg("level", &level.name)
                .arg("weight", weight.normalize())
                .arg(
                    "sum",
                    sum.map(|s| s.normalize().to_string()).unwrap_or_default(),
                )
                .arg("given", given.join(", "))
        };
        match verdict {
            LevelPoints::Over(sum) => {
                // Point at the row that takes the running sum past the weight.
                let mut running = Some(Decimal::ZERO);
                let over = explicit
                    .iter()
                    .find(|(_, p)| {
                        running = running.and_then(|r| r.checked_add(*p));
                        running.is_none_or(|r| r > weight)
                    })
                    .map(|(i, _)| *i)
                    .unwrap_or(last);
                let variant = if sum.is_some() { "over" } else { "over-any" };
                out.push(points(at(over), variant, sum));
            }
            LevelPoints::Short(sum) => {
                out.push(points(at(last), "short", Some(sum)));
            }
            LevelPoints::Exhausted => {
                let unpointed: Vec<&str> = rows
                    .iter()
                    .filter(|i| i.points.is_none())
                    .map(|i| i.id.as_str())
                    .collect();
                out.push(
                    points(at(last), "exhausted", None)
                        .arg("rows", unpointed.join(", "))
                        .with_severity(Severity::Warning),
                );
            }
            LevelPoints::Fine => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Budget and spending plan

/// 财政资金 + 其他资金 (+ 上年结转) must equal 预算数 when either part is written.
pub fn check_budget(project: &Project, index: &FileIndex) -> Vec<Diagnostic> {
    if project.fiscal_funds.is_none() && project.other_funds.is_none() {
        return Vec::new();
    }
    let fiscal = project.fiscal_funds.unwrap_or_default();
    let other = project.other_funds.unwrap_or_default();
    let sum = fiscal + other + project.carryover.unwrap_or_default();
    if sum == project.budget {
        return Vec::new();
    }
    let at = index
        .root("budget")
        .or_else(|| index.root("fiscal_funds"))
        .map(span)
        .unwrap_or_default();
    let shown = |d: Option<Decimal>| match d {
        Some(d) => format!("{d}"),
        None => t("check.blank-zero").to_string(),
    };
    vec![Diagnostic::new(BUDGET_PARTS, at)
        .arg("sum", sum)
        .arg("budget", project.budget)
        .arg("fiscal", shown(project.fiscal_funds))
        .arg("other", shown(project.other_funds))]
}

/// The plan is cumulative, so it ends with the whole budget spent. (Order and growth are
/// checked by the loader.)
pub fn check_spending_plan(project: &Project, index: &FileIndex) -> Vec<Diagnostic> {
    let Some(last) = project.spending_plan.last() else {
        return Vec::new();
    };
    let hundred = Decimal::from(100);
    if last.share == hundred {
        return Vec::new();
    }
    let at = index
        .last_plan_share()
        .or_else(|| index.root("spending_plan"))
        .map(span)
        .unwrap_or_default();
    vec![Diagnostic::new(SPENDING_PLAN, at)
        .arg("share", last.share.normalize())
        .arg("month", last.month)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn percent(word: &str) -> Option<Claim> {
        Some(Claim::Percent {
            word: word.to_string(),
        })
    }

    #[test]
    fn claims() {
        assert_eq!(
            claim("提供法律咨询数量（件）"),
            Some(Claim::Units {
                word: "（件）".into(),
                units: vec!["件".into()]
            })
        );
        assert_eq!(claim("预算执行率（%）"), percent("（%）"));
        assert_eq!(claim("律师公证机构年检合格率(%)"), percent("(%)"));
        assert_eq!(claim("群众满意度"), None);
        assert_eq!(claim("提高效率"), None);
        assert_eq!(claim("覆盖率"), percent("盖率"));
        assert_eq!(
            claim("已年检律师、公证机构数量占应年检机构数量的比率"),
            percent("比率")
        );
        assert_eq!(
            claim("为社会提供法律咨询服务数量"),
            Some(Claim::Count {
                word: "数量".into()
            })
        );
        assert_eq!(
            claim("设备更新改造（个\\台\\套\\件）"),
            Some(Claim::Units {
                word: "（个\\台\\套\\件）".into(),
                units: vec!["个".into(), "台".into(), "套".into(), "件".into()]
            })
        );
        assert_eq!(claim("重大案件（事件）破案率（化解率"), percent("案率"));
        assert_eq!(
            claim("环保意识明显提高（如减少开车次数、单位可自行增加相关指标）"),
            None
        );
        assert_eq!(claim("（"), None);
        assert_eq!(claim("率"), percent("率"));
    }

    #[test]
    fn measurable_words() {
        assert!(is_measurable("按年初计划完成"));
        assert!(is_measurable("是"));
        assert!(!is_measurable("宣传环保"));
        assert!(!is_measurable("提升普法覆盖面"));
    }
}
