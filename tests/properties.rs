//! Property tests: generated targets survive printing and re-parsing unchanged, and
//! no input — arbitrary characters or shuffled pieces of the target language — makes
//! the parsers, the renderer or the row scorer panic.

use jixiao::diagnostic::render;
use jixiao::eval_rows::{eval_row, RowText};
use jixiao::model::{
    Change, ChangeDirection, Comparison, DatePoint, DateSpec, Deadline, Magnitude, Op, OpWritten,
    Quantity, RangeTarget, Span, Target, TargetKind, Unit,
};
use jixiao::parse::{parse_actual, parse_target, Strictness};
use jixiao::score::Policy;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

// ------------------------------------------------------------------ generated targets

const UNITS: &[&str] = &[
    "%",
    "‰",
    "份",
    "次",
    "个",
    "套",
    "人",
    "件",
    "项",
    "户",
    "场",
    "期",
    "家",
    "所",
    "台",
    "辆",
    "册",
    "篇",
    "条",
    "批",
    "本",
    "处",
    "座",
    "人次",
    "元",
    "天",
    "日",
    "工作日",
    "月",
    "年",
    "小时",
    "个百分点",
    "周岁",
    "粒",
    "季度",
    "个月",
    "元/人",
    "元/人·月",
    "期/月",
    "次/年",
];
const MAGNITUDES: &[Magnitude] = &[
    Magnitude::Qian,
    Magnitude::Wan,
    Magnitude::BaiWan,
    Magnitude::QianWan,
    Magnitude::Yi,
];

fn decimal(nonneg: bool) -> impl Strategy<Value = Decimal> {
    let lo = if nonneg { 0 } else { -10_000_000 };
    let small = if nonneg { 0 } else { -5 };
    prop_oneof![
        // Small whole numbers look like months, days and years' ends: the ambiguous part.
        (small..=40i64).prop_map(Decimal::from),
        (2000..=2030i64).prop_map(Decimal::from),
        (lo..=10_000_000i64, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

fn unit() -> impl Strategy<Value = Option<Unit>> {
    prop::option::of(select(UNITS).prop_map(Unit::new))
}

fn magnitude() -> impl Strategy<Value = Option<Magnitude>> {
    prop::option::weighted(0.2, select(MAGNITUDES))
}

fn quantity(nonneg: bool) -> impl Strategy<Value = Quantity> {
    (decimal(nonneg), magnitude(), unit()).prop_map(|(value, magnitude, unit)| Quantity {
        value,
        magnitude,
        unit,
    })
}

fn op() -> impl Strategy<Value = Op> {
    select(&[Op::Ge, Op::Gt, Op::Le, Op::Lt, Op::Eq][..])
}

fn target(kind: TargetKind, reverse_mark: bool) -> Target {
    Target {
        kind,
        reverse_mark,
        span: Span::default(),
    }
}

fn comparison() -> impl Strategy<Value = TargetKind> {
    (op(), quantity(false)).prop_map(|(op, quantity)| {
        TargetKind::Comparison(Comparison {
            op,
            quantity,
            op_written: OpWritten(true),
            span: Span::default(),
        })
    })
}

fn range() -> impl Strategy<Value = TargetKind> {
    (
        decimal(false),
        decimal(false),
        magnitude(),
        magnitude(),
        unit(),
    )
        .prop_map(|(a, b, ma, mb, unit)| {
            // A unitless range keeps no magnitude word on its own (`5-10万` reads the
            // lower end as 5万), so give both ends the same one.
            let (ma, mb) = if unit.is_none() { (mb, mb) } else { (ma, mb) };
            let qa = Quantity {
                value: a,
                magnitude: ma,
                unit: unit.clone(),
            };
            let qb = Quantity {
                value: b,
                magnitude: mb,
                unit,
            };
            let (low, high) = if qa.scaled() <= qb.scaled() {
                (qa, qb)
            } else {
                (qb, qa)
            };
            TargetKind::Range(RangeTarget {
                low,
                high,
                span: Span::default(),
            })
        })
}

fn date_spec(year: Option<i32>) -> impl Strategy<Value = DateSpec> {
    let point = prop_oneof![
        Just(DatePoint::YearEnd),
        (1u8..=4).prop_map(|quarter| DatePoint::Quarter { quarter }),
        (1u8..=2).prop_map(|half| DatePoint::Half { half }),
        (1u8..=12).prop_map(|month| DatePoint::Month { month }),
        (1u8..=12).prop_map(|month| DatePoint::MonthEnd { month }),
        (1u8..=12, 1u8..=31).prop_map(|(month, day)| DatePoint::Day { month, day }),
    ];
    point
        .prop_map(move |point| DateSpec { year, point })
        .prop_filter("a real day", |d| d.is_valid())
}

fn deadline() -> impl Strategy<Value = TargetKind> {
    let year = prop::option::of(2000i32..=2030);
    (year, any::<bool>()).prop_flat_map(|(year, period)| {
        let end = date_spec(year);
        let start = if period {
            date_spec(year).prop_map(Some).boxed()
        } else {
            Just(None).boxed()
        };
        (start, end)
            // A period that starts after it ends is an error (`target::period-reversed`).
            .prop_filter("a period in order", |(start, end)| {
                start
                    .as_ref()
                    .is_none_or(|s| s.last_day(2000) <= end.last_day(2000))
            })
            .prop_map(|(start, end)| {
                TargetKind::Deadline(Deadline {
                    start,
                    end,
                    span: Span::default(),
                })
            })
    })
}

fn change() -> impl Strategy<Value = TargetKind> {
    let basis = prop::option::of(select(
        &[
            "比上年",
            "比上年同期",
            "同比",
            "环比",
            "较上年",
            "年",
            "每年",
            "逐年",
        ][..],
    ));
    let direction = select(&[ChangeDirection::Increase, ChangeDirection::Decrease][..]);
    let op = prop::option::of(op());
    let amount = (
        decimal(true),
        magnitude(),
        prop::option::of(select(&["%", "个百分点", "人", "件", "元", "次"][..])),
    )
        .prop_map(|(value, magnitude, unit)| Quantity {
            value,
            magnitude,
            unit: unit.map(Unit::new),
        });
    (basis, direction, op, amount).prop_map(|(basis, direction, op, amount)| {
        TargetKind::Change(Change {
            basis: basis.map(str::to_string),
            direction,
            op,
            amount,
            span: Span::default(),
        })
    })
}

fn any_target() -> impl Strategy<Value = Target> {
    (
        prop_oneof![comparison(), range(), deadline(), change()],
        prop::bool::weighted(0.2),
    )
        .prop_map(|(k, r)| target(k, r))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    /// parse(canonical(t)) == t, strictly (a canonical form needs no salvaging).
    #[test]
    fn canonical_form_reparses_to_the_same_target(t in any_target()) {
        let printed = t.to_string();
        match parse_target(&printed, Strictness::Strict) {
            Ok(p) => prop_assert_eq!(&p.value, &t, "`{}` re-parses differently", printed),
            Err(d) => prop_assert!(false, "`{}` does not re-parse: {:?}", printed, d),
        }
    }
}

// ------------------------------------------------------------------ never panic

/// Pieces of the language, so that random strings reach deep into the grammar.
const TOKENS: &[&str] = &[
    "≥",
    "≤",
    ">",
    "<",
    "=",
    ">=",
    "<=",
    "≧",
    "≦",
    "＞",
    "＜",
    "＝",
    "═",
    "﹦",
    "±",
    "大于等于",
    "不少于",
    "不超过",
    "超过",
    "不足",
    "达到",
    "控制在",
    "以上",
    "以下",
    "以内",
    "及以上",
    "0",
    "1",
    "2",
    "9",
    "12",
    "31",
    "95",
    "2022",
    "1,000",
    ".",
    "5.5",
    "０",
    "９",
    "%",
    "％",
    "‰",
    "百分比",
    "(百分比)",
    "万",
    "亿",
    "千",
    "份",
    "次",
    "人",
    "元",
    "万元",
    "/",
    "·",
    "人次",
    "个百分点",
    "天",
    "日",
    "月",
    "年",
    "底",
    "末",
    "前",
    "之前",
    "号",
    "第",
    "季度",
    "四",
    "十二",
    "上半年",
    "年底",
    "-",
    "—",
    "～",
    "~",
    "至",
    "到",
    "[",
    "]",
    "［",
    "］",
    ",",
    "，",
    "、",
    "(",
    ")",
    "（",
    "）",
    "【",
    "】",
    "反向",
    "(反向指标)",
    "比上年",
    "同比",
    "增长",
    "减少",
    "每月",
    "每年",
    "播放",
    "在",
    "之间",
    "覆盖",
    "完成",
    "已完成",
    "未完成",
    "达成",
    "部分达成",
    "未达成",
    "是",
    "否",
    "不适用",
    "满意",
    " ",
    "\t",
    "\n",
    "数量",
    "，办案数量",
    "9999999999999999999999999999",
    "e",
    "-",
    "+",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(select(TOKENS), 0..12).prop_map(|v| v.concat())
}

fn char_soup() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        any::<char>(),
        prop::char::range('0', '9'),
        prop::char::range('\u{4e00}', '\u{4e20}'),
        prop::char::range('\u{ff01}', '\u{ff5e}'),
        select(&['≥', '≤', '±', '%', '‰', '年', '月', '日', '万', '亿', '-', '/', '.'][..]),
    ];
    prop::collection::vec(c, 0..16).prop_map(|v| v.into_iter().collect())
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![token_soup(), char_soup()]
}

fn exercise(s: &str) {
    for strictness in [Strictness::Lenient, Strictness::Strict] {
        let diags = match parse_target(s, strictness) {
            Ok(p) => {
                let _ = p.value.to_string();
                p.warnings
            }
            Err(d) => d,
        };
        let _ = render(&diags, "target", s);
    }
    let diags = match parse_actual(s) {
        Ok(p) => p.warnings,
        Err(d) => d,
    };
    let _ = render(&diags, "actual", s);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    /// The target and actual parsers (and the renderer of what they report) never
    /// panic, whatever the text.
    #[test]
    fn parsers_never_panic(s in arbitrary_text()) {
        exercise(&s);
    }

    /// Scoring one row never panics either, whatever the target and actual.
    #[test]
    fn scoring_never_panics(
        t in arbitrary_text(),
        a in arbitrary_text(),
        b in prop::option::of(arbitrary_text()),
    ) {
        let row = RowText {
            target: &t,
            actual: &a,
            baseline: b.as_deref(),
            fiscal_year: Some("2022"),
            ..RowText::default()
        };
        let _ = eval_row(&row, None, &Policy::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    /// Whatever a messy cell parses to, its canonical form reads back as the same target.
    #[test]
    fn canonical_of_any_parsed_cell_reparses(s in token_soup()) {
        if let Ok(p) = parse_target(&s, Strictness::Lenient) {
            let printed = p.value.to_string();
            match parse_target(&printed, Strictness::Lenient) {
                Ok(again) => prop_assert_eq!(
                    &again.value, &p.value,
                    "`{}` → `{}` re-parses differently", s, printed
                ),
                Err(d) => prop_assert!(false, "`{}` → `{}` does not re-parse: {:?}", s, printed, d),
            }
        }
    }
}
