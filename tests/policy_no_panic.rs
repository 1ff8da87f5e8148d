//! Whatever a person types, reading rules and policies never panics, and every diagnostic
//! points inside the text on character boundaries.

use jixiao::diagnostic::render;
use jixiao::policy::{parse_policy, parse_row_override, parse_rule, Subject, DEFAULT_POLICY_TOML};
use proptest::prelude::*;

fn check_spans(text: &str, diags: &[jixiao::diagnostic::Diagnostic]) {
    for d in diags {
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(d.span.end <= text.len(), "{d:?}");
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        assert!(
            !d.message.contains("r_") && !d.label.contains("rules_"),
            "{d:?}"
        );
    }
    let _ = render(diags, "t", text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rule_texts_never_panic(text in "[优良中差达成部分未逾期完日最低扣每默认产出效益满意度指标预算执行率 ≥≤<>\\[\\]()（）［］,;；%∞→T0-9.\\-a-z]{0,48}") {
        for s in Subject::ALL {
            if let Err(d) = parse_rule(s, &text) {
                check_spans(&text, &d);
            }
        }
        if let Err(d) = parse_row_override(&text) {
            check_spans(&text, &d);
        }
    }

    #[test]
    fn edited_default_never_panics(pos in 0usize..4000, cut in 0usize..6, insert in "[\"'\\\\=\\[\\]% 0-9a-z优;]{0,3}") {
        let mut text = DEFAULT_POLICY_TOML.to_string();
        let mut at = pos.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(text.len());
        while !text.is_char_boundary(end) { end += 1; }
        text.replace_range(at..end, &insert);
        if let Err(d) = parse_policy("p", &text) {
            check_spans(&text, &d);
        }
    }
}
