//! Properties of the open unit class (issue 13): a target built from any unit word —
//! random CJK or ASCII letters that are not a word the language reserves — parses with that
//! unit in full, and its canonical form re-parses to an equal target; the actual fast path
//! reads exactly what the grammar reads for every known unit and for unknown ones.

use jixiao::model::{ActualValue, TargetKind};
use jixiao::parse::{parse_actual_grammar, parse_actual_uncached, parse_target, Strictness};
use proptest::prelude::*;

/// Words a unit run stops before or refuses (grammar/common.pest `unit_stop`,
/// `measure_word`, `percent_word`), and magnitude words that a number takes first.
const RESERVED: &[&str] = &[
    "以上",
    "以下",
    "以内",
    "之内",
    "内",
    "左右",
    "之间",
    "之前",
    "以前",
    "为止",
    "前",
    "止",
    "覆盖",
    "完成",
    "反向",
    "逆向",
    "正向",
    "每",
    "和",
    "或",
    "及",
    "且",
    "的",
    "为",
    "达",
    "在",
    "大于",
    "小于",
    "等于",
    "不低于",
    "不少于",
    "不小于",
    "至少",
    "达到",
    "不高于",
    "不超过",
    "不多于",
    "至多",
    "控制在",
    "超过",
    "高于",
    "多于",
    "低于",
    "少于",
    "不足",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "增幅",
    "减少",
    "下降",
    "降低",
    "减低",
    "压减",
    "缩减",
    "缩短",
    "降幅",
    "数量",
    "数",
    "比例",
    "比率",
    "率",
    "满意度",
    "指标",
    "情况",
];
const RESERVED_START: &[&str] = &["百分比", "百分点", "个百分点", "万", "亿", "千", "百万"];

fn reserved(word: &str) -> bool {
    RESERVED.iter().any(|r| word.contains(r)) || RESERVED_START.iter().any(|r| word.starts_with(r))
}

fn unit_word() -> impl Strategy<Value = String> {
    let cjk = (0x4e00u32..0x9fa5).prop_filter_map("a char", char::from_u32);
    let ascii = prop::sample::select(('a'..='z').chain('A'..='Z').collect::<Vec<char>>());
    prop::collection::vec(prop_oneof![3 => cjk, 1 => ascii], 1..6)
        .prop_map(|cs| cs.into_iter().collect::<String>())
        .prop_filter("not a reserved word", |w| !reserved(w))
}

fn number() -> impl Strategy<Value = String> {
    (0u32..100000, prop::option::of(0u32..1000)).prop_map(|(i, f)| match f {
        Some(f) => format!("{i}.{f}"),
        None => i.to_string(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_unit_word_is_read_in_full_and_reparses(
        word in unit_word(),
        n in number(),
        op in prop::sample::select(vec!["≥", "≤", ">", "<", "不少于", "不超过"]),
    ) {
        let src = format!("{op}{n}{word}");
        let p = parse_target(&src, Strictness::Strict);
        prop_assert!(p.is_ok(), "`{}` does not parse strictly: {:?}", src, p.err());
        let Ok(p) = p else { return Ok(()) };
        let TargetKind::Comparison(c) = &p.value.kind else {
            return Err(TestCaseError::fail(format!("`{src}` is not a comparison: {:?}", p.value)));
        };
        prop_assert_eq!(c.quantity.unit_str(), word.as_str(), "`{}`", src);
        let canonical = p.value.to_string();
        let again = parse_target(&canonical, Strictness::Strict);
        prop_assert!(again.is_ok(), "`{}` → `{}` does not re-parse", src, canonical);
        if let Ok(again) = again {
            prop_assert_eq!(&again.value, &p.value, "`{}` → `{}`", src, canonical);
        }
    }

    #[test]
    fn the_fast_path_reads_what_the_grammar_reads(
        n in number(),
        unit in prop_oneof![
            prop::sample::select(known_units()),
            unit_word(),
            Just(String::new()),
        ],
    ) {
        let s = format!("{n}{unit}");
        let fast = parse_actual_uncached(&s).map(|p| p.value.value);
        let slow = parse_actual_grammar(&s).map(|p| p.value.value);
        prop_assert_eq!(fast, slow, "input {:?}", s);
    }
}

fn known_units() -> Vec<String> {
    jixiao::model::vocabulary::default()
        .known_units()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Every known unit after a number is read as a number with that unit by the grammar,
/// except those that also begin a date (`3季度` is the third quarter).
#[test]
fn every_known_unit_is_read_as_a_unit() {
    for u in known_units() {
        if u == "季度" {
            continue;
        }
        let s = format!("≥3{u}");
        let p = parse_target(&s, Strictness::Strict);
        let unit = p.as_ref().ok().and_then(|p| match &p.value.kind {
            TargetKind::Comparison(c) => Some(c.quantity.unit_str().to_string()),
            _ => None,
        });
        assert_eq!(unit.as_deref(), Some(u.as_str()), "`{s}`: {p:?}");
        let a = parse_actual_grammar(&format!("3{u}")).map(|p| p.value.value);
        let year_or_date = matches!(a, Ok(ActualValue::Date { .. }));
        assert!(
            matches!(a, Ok(ActualValue::Number { .. }))
                || (year_or_date && ["年", "月"].contains(&u.as_str())),
            "`3{u}` as an actual: {a:?}"
        );
    }
}
