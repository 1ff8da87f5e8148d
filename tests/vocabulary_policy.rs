//! Vocabulary as data: a policy adds units, aliases, conversions, operator and grade words
//! (inline `[vocabulary]` or a file it names), and cells read with them without a rebuild —
//! through the library and through `jixiao test`.

use jixiao::eval_rows::{eval_row, RowText};
use jixiao::policy::load_policy;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vocabulary")
        .join(name)
}

fn score(policy: &jixiao::score::Policy, target: &str, actual: &str) -> String {
    let row = RowText {
        target,
        actual,
        reason: Some("-"),
        ..RowText::default()
    };
    let r = eval_row(&row, None, policy);
    match (r.score, r.error) {
        (Some(s), _) => format!("{s:.2}"),
        (None, e) => format!("error: {}", e.unwrap_or_default()),
    }
}

#[test]
fn words_from_a_vocabulary_file_and_inline_are_used_and_the_default_comes_back() {
    let file = load_policy(fixture("policy.toml")).unwrap();
    let inline = load_policy(fixture("inline.toml")).unwrap();
    let default = jixiao::policy::builtin_policy();
    for p in [&file, &inline] {
        // 起码 = ≥: 10 × 2/3 = 6.67; 公分 = 厘米; 合格 = 达成 (100%).
        assert_eq!(score(p, "起码3次", "2次"), "6.67");
        assert_eq!(score(p, "≥45厘米", "50公分"), "10.00");
        assert_eq!(score(p, "按计划开展培训", "合格"), "10.00");
    }
    // Without the words: 起码3次 is qualitative text holding a number; 公分 is no 厘米.
    assert!(score(&default, "≥45厘米", "50公分").starts_with("error"));
    assert!(score(&default, "起码3次", "2次").starts_with("error"));
    // And back again: the policy's vocabulary is put in force by the row's policy.
    assert_eq!(score(&file, "起码3次", "2次"), "6.67");
}

#[test]
fn a_bad_conversion_factor_is_refused_with_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let policy = std::fs::read_to_string(fixture("policy.toml")).unwrap();
    std::fs::write(dir.path().join("policy.toml"), policy).unwrap();
    std::fs::write(
        dir.path().join("words.toml"),
        "[conversions.\"米\"]\n\"丈\" = \"三米多\"\n",
    )
    .unwrap();
    let err = load_policy(dir.path().join("policy.toml")).unwrap_err();
    let shown = err.render();
    assert!(shown.contains("words.toml"), "{shown}");
    assert!(shown.contains("三米多"), "{shown}");
}

#[test]
fn jixiao_test_cases_can_use_the_words() {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .arg("test")
        .arg(fixture("cases.toml"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
}

/// Two policies in one process (as `jixiao diff --policy A --policy B` runs them) read the
/// same cell text each with its own words: the per-thread parse memo must not hand the
/// second policy the first one's reading. `不低于公分` is a qualitative target where 公分
/// is no unit, and an operator missing its number where it is one.
#[test]
fn the_parse_memo_keeps_each_vocabulary_s_reading() {
    use jixiao::model::vocabulary::scoped;
    use jixiao::parse::{parse_target, Strictness};
    let units = load_policy(fixture("units_only.toml")).unwrap();
    let default = jixiao::policy::builtin_policy();
    let reads = |p: &jixiao::score::Policy| {
        scoped(&p.vocabulary.0, || {
            parse_target("不低于公分", Strictness::Lenient).is_ok()
        })
    };
    for _ in 0..2 {
        assert!(reads(&default), "default: a qualitative target");
        assert!(!reads(&units), "公分 known: the number is missing");
    }
    // The other order, on a fresh thread (a fresh memo).
    std::thread::spawn(move || {
        assert!(!reads(&units));
        assert!(reads(&default));
    })
    .join()
    .unwrap();
}
