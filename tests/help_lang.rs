//! `--help` follows the reader's language: Chinese by default, English with `--lang en` or
//! `LANG=en_US.UTF-8`, for the top level and every subcommand. The subcommands and texts
//! are those of the `[help]` catalogue sections; `every_argument_has_help_in_both_languages`
//! (in `src/cli/help_lang.rs`) keeps those complete.

use std::process::Command;

/// `[help]` of a catalogue: the top level's texts and one table per subcommand.
fn help_section(file: &str) -> toml::Table {
    let path = format!("{}/src/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("read the catalogue");
    let table: toml::Table = text.parse().expect("the catalogue is TOML");
    match table.get("help") {
        Some(toml::Value::Table(help)) => help.clone(),
        _ => panic!("{path} has no [help]"),
    }
}

/// Every text of a table and its subtables.
fn texts(table: &toml::Table) -> Vec<String> {
    table
        .values()
        .flat_map(|v| match v {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Table(t) => texts(t),
            _ => Vec::new(),
        })
        .collect()
}

/// The subcommands named in `[help]` (`None`: the top level).
fn commands(help: &toml::Table) -> Vec<Option<String>> {
    let subs = help
        .iter()
        .filter(|(k, v)| v.is_table() && *k != "common")
        .map(|(k, _)| Some(k.clone()));
    std::iter::once(None).chain(subs).collect()
}

/// `jixiao [sub] --help [extra]` with no language in the environment but `env`.
fn help_of(sub: Option<&str>, extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .envs(env.iter().copied())
        .args(sub)
        .arg("--help")
        .args(extra);
    let out = cmd.output().expect("run jixiao");
    assert!(out.status.success(), "{sub:?} {extra:?} {env:?}: {out:?}");
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

/// Chinese characters and punctuation (`〔`, `：`, full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The runs of Chinese in `text` that no English help text contains: Chinese that came from
/// somewhere else than a term the English deliberately names (自评表, 财预〔2020〕10号).
fn stray_chinese(text: &str, english: &[String]) -> Vec<String> {
    text.split(|c: char| !is_cjk(c))
        .filter(|run| !run.is_empty())
        .filter(|run| !english.iter().any(|e| e.contains(run)))
        .map(str::to_owned)
        .collect()
}

fn about_of<'a>(help: &'a toml::Table, sub: Option<&str>) -> &'a str {
    let table = match sub {
        Some(s) => help.get(s).and_then(toml::Value::as_table),
        None => Some(help),
    };
    table
        .and_then(|t| t.get("about"))
        .and_then(toml::Value::as_str)
        .expect("every command has an about")
}

/// Arguments and environment of one way of asking for help.
type Asking = (
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

/// The two ways of asking for English: the option (given after the subcommand, as `--lang`
/// is global) and the environment.
const ENGLISH: [Asking; 2] = [(&["--lang", "en"], &[]), (&[], &[("LANG", "en_US.UTF-8")])];

#[test]
fn english_help_on_request_for_every_command() {
    let (en, zh) = (help_section("en.toml"), help_section("zh.toml"));
    let english = texts(&en);
    let chinese = texts(&zh);
    let commands = commands(&en);
    assert!(commands.len() > 10, "{commands:?}");
    for sub in &commands {
        let sub = sub.as_deref();
        let own = sub.and_then(|s| en.get(s)).and_then(toml::Value::as_table);
        for (extra, env) in ENGLISH {
            let shown = help_of(sub, extra, env);
            let asked = format!("jixiao {sub:?} --help {extra:?} {env:?}");
            assert!(shown.contains(about_of(&en, sub)), "{asked}:\n{shown}");
            for text in own.map(texts).unwrap_or_default() {
                assert!(shown.contains(&text), "{asked} lacks {text:?}:\n{shown}");
            }
            let stray = stray_chinese(&shown, &english);
            assert!(stray.is_empty(), "{asked}: Chinese {stray:?} in\n{shown}");
            let leaked: Vec<&String> = chinese.iter().filter(|t| shown.contains(*t)).collect();
            assert!(leaked.is_empty(), "{asked}: {leaked:?}");
        }
    }
}

#[test]
fn help_is_chinese_by_default() {
    let (en, zh) = (help_section("en.toml"), help_section("zh.toml"));
    for sub in commands(&zh) {
        let sub = sub.as_deref();
        for shown in [
            help_of(sub, &[], &[]),
            help_of(sub, &["--lang", "zh"], &[("LANG", "en_US.UTF-8")]),
        ] {
            assert!(shown.contains(about_of(&zh, sub)), "{sub:?}:\n{shown}");
            assert!(!shown.contains(about_of(&en, sub)), "{sub:?}:\n{shown}");
        }
    }
}
