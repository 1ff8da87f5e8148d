//! Why a row has its direction, as JSON says it (`direction_source`): `operator` only when
//! one is written; a bare value, range, deadline or qualitative target is `default`.
//! Cases in `cases/direction_source.csv`.

use jixiao::parse::{parse_target, Strictness};

#[test]
fn direction_source_cases() {
    let cases = std::fs::read_to_string("tests/cases/direction_source.csv").expect("cases");
    for line in cases.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [target, direction, source] = f[..] else {
            panic!("bad case line `{line}`");
        };
        let parsed = parse_target(target, Strictness::Lenient).expect(target);
        let (d, s) = parsed.value.direction(false);
        let json = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
        assert_eq!(
            (
                json(serde_json::to_value(d).expect("json")),
                json(serde_json::to_value(s).expect("json"))
            ),
            (direction.to_string(), source.to_string()),
            "{target}"
        );
    }
}
