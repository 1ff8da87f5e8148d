//! The plain-number fast path of `parse_actual` (`2300份`, `92.5%`, `85`) must read exactly
//! what the grammar reads, for every input — those it takes and those it hands on.

use jixiao::model::ActualValue;
use jixiao::parse::{parse_actual_grammar, parse_actual_uncached};
use proptest::prelude::*;

fn same(s: &str) -> Result<(), TestCaseError> {
    let fast = parse_actual_uncached(s).map(|p| p.value.value);
    let slow = parse_actual_grammar(s).map(|p| p.value.value);
    prop_assert_eq!(fast, slow, "input {:?}", s);
    Ok(())
}

#[test]
fn common_actuals_agree_and_are_numbers() {
    for s in [
        "2300份",
        "92.5%",
        "85",
        "0",
        "12.31",
        "2022",
        "2022.11",
        "3天",
        "1.5小时",
        "30分钟",
        "58人",
        "0095",
        "100%",
        " 95% ",
        "7元",
        "2套",
        "3次",
    ] {
        same(s).unwrap();
        assert!(matches!(
            parse_actual_uncached(s).map(|p| p.value.value),
            Ok(ActualValue::Number { .. })
        ));
    }
}

#[test]
fn forms_the_fast_path_must_leave_alone() {
    for s in [
        "2022.11.20",
        "2021.1.1",
        "12月",
        "2022年",
        "10万元",
        "1,000份",
        "９５％",
        "-5%",
        "+3",
        "2300 份",
        "172/190",
        "95%以上",
        "≥95%",
        "1.",
        ".5",
        "1..2",
        "99999999999999999999999999999999",
        "3个月",
        "2\n",
        "５",
        "达成",
        "",
    ] {
        same(s).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn fast_path_agrees_with_the_grammar(
        s in "[ \t]?[0-9０-９]{0,5}[.]?[0-9]{0,3}(%|份|次|个|件|人|套|元|天|项|户|场|期|小时|分钟|月|年|万|万元|日|个月|[a-z]|[.,/ ])?[ \t]?"
    ) {
        same(&s)?;
    }
}

/// A number `Decimal` cannot hold exactly (over 28 digits) is an error on both paths,
/// never silently rounded (`0.000…01份` read as 0).
#[test]
fn too_precise_numbers_are_errors_on_both_paths() {
    for s in [
        "0.0000000000000000000000000000000001份",
        "1.00000000000000000000000000001",
        "12345678901234567890123456789012%",
    ] {
        same(s).unwrap();
        assert!(parse_actual_uncached(s).is_err(), "{s}");
    }
}
