//! Vocabulary as data: a policy adds units, aliases, conversions, operator and grade words
//! (inline `[vocabulary]` or a file it names), and cells read with them without a rebuild —
//! through the library and through `jixiao test`.

mod common;
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

/// The same through the command line: `diff --policy A --policy B` loads the folder once per
/// policy, and each load reads the targets with that policy's words. `不低于公分` is a
/// qualitative target under the default (scored 达成) and an operator without its number
/// where 公分 is a unit, so the second load must report it, not reuse the first reading.
#[test]
fn diff_reads_the_targets_with_each_policy_s_words() {
    let tmp = tempfile::tempdir().unwrap();
    let dept = tmp.path().join("dept");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&root.join("scorecards/zunhua-sfj-2022"), &dept);
    let project = std::fs::read_dir(dept.join("projects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("13028122P00306510001A"))
        .unwrap();
    let text = std::fs::read_to_string(&project).unwrap();
    let text = text.replacen("target = \"≥3个\"", "target = \"不低于公分\"", 1);
    std::fs::write(&project, text).unwrap();
    let actuals = std::fs::read_to_string(dept.join("actuals.toml")).unwrap();
    let actuals = actuals.replacen("qty1 = \"4个\"", "qty1 = \"达成\"", 1);
    std::fs::write(dept.join("actuals.toml"), actuals).unwrap();
    let default = root.join("scorecards/policies/default.toml");
    let units = fixture("units_only.toml");
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap()
    };
    let score = run(&[
        "score".as_ref(),
        dept.as_os_str(),
        "--policy".as_ref(),
        default.as_os_str(),
    ]);
    assert_eq!(
        score.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );
    let diff = run(&[
        "diff".as_ref(),
        dept.as_os_str(),
        "--policy".as_ref(),
        default.as_os_str(),
        "--policy".as_ref(),
        units.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&diff.stderr);
    assert_eq!(diff.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("target::missing-number"), "{stderr}");
    assert!(stderr.contains("不低于公分"), "{stderr}");
}
