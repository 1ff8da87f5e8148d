//! The `--help` texts in the reader's language.
//!
//! clap's derive fixes every help text at compile time, and `--lang` is itself an argument
//! clap parses; so the language is decided from the raw arguments (then the environment)
//! before clap runs, and the built command gets its texts from the catalogue of that
//! language: `[help]` in `src/i18n/zh.toml` / `en.toml`. A text is found under
//! `help.<subcommand>.<argument id>` (`help.score.actuals`), a subcommand's own under
//! `help.<subcommand>.about`, the top level's under `help.about` and `help.<argument id>`;
//! an argument several commands share (`--bom`, `--width`) may stand once under
//! `help.common.<argument id>`.

use crate::i18n::{catalogue, Lang};
use clap::{Command, CommandFactory};
use std::ffi::OsString;

/// The language asked for by `--lang en` / `--lang=en` (or `zh`) among `args`, before clap
/// has read them; `None` when there is none (or its value is not a language: clap then
/// says so).
pub(super) fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        let value = match arg.as_ref() {
            "--" => return None,
            "--lang" => rest.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_owned),
        };
        match value.as_deref() {
            Some("en") => return Some(Lang::En),
            Some("zh") => return Some(Lang::Zh),
            Some(_) => return None,
            None => {}
        }
    }
    None
}

/// The command line of `jixiao`, its help texts in `lang`.
pub(super) fn command_in(lang: Lang) -> Command {
    let texts = catalogue(lang);
    relabel(super::Cli::command(), None, &|key| {
        texts.get(key).map(String::as_str)
    })
}

/// The catalogue keys under which the texts of `cmd` are looked up (`None`: the top level),
/// each with the argument ids it may fall back to `help.common.<id>` for. A hidden argument
/// (`eval --no-cache`, for checking the cache) is never shown and needs none.
fn keys_of(cmd: &Command, sub: Option<&str>) -> (String, Vec<(String, String)>) {
    let prefix = sub.map_or_else(|| "help".to_owned(), |s| format!("help.{s}"));
    let args = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .map(|a| a.get_id().to_string())
        .map(|id| (format!("{prefix}.{id}"), id))
        .collect();
    (format!("{prefix}.about"), args)
}

/// The text of `key`, else that of `help.common.<id>`.
fn lookup(
    text: &impl Fn(&str) -> Option<&'static str>,
    key: &str,
    id: &str,
) -> Option<&'static str> {
    text(key).or_else(|| text(&format!("help.common.{id}")))
}

/// `cmd` with its about and its arguments' help replaced by `text`'s, and (at the top
/// level) each subcommand's too. A key the catalogue lacks leaves the compiled text
/// (`every_argument_has_help_in_both_languages` keeps that from happening).
fn relabel(
    cmd: Command,
    sub: Option<&str>,
    text: &impl Fn(&str) -> Option<&'static str>,
) -> Command {
    let (about_key, args) = keys_of(&cmd, sub);
    let mut cmd = match text(&about_key) {
        Some(about) => cmd.about(about).long_about(None),
        None => cmd,
    };
    for (key, id) in args {
        if let Some(help) = lookup(text, &key, &id) {
            cmd = cmd.mut_arg(id, |a| a.help(help).long_help(None));
        }
    }
    if sub.is_none() {
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_owned())
            .collect();
        for name in names {
            cmd = cmd.mut_subcommand(&name, |s| relabel(s, Some(&name), text));
        }
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every catalogue key a help text of the command line needs that `lang` lacks.
    fn missing_help(lang: Lang) -> Vec<String> {
        let texts = catalogue(lang);
        let has = |key: &str| texts.contains_key(key);
        let cmd = super::super::Cli::command();
        let mut wanted = vec![keys_of(&cmd, None)];
        wanted.extend(
            cmd.get_subcommands()
                .map(|s| keys_of(s, Some(s.get_name()))),
        );
        let mut missing = Vec::new();
        for (about, args) in wanted {
            if !has(&about) {
                missing.push(about);
            }
            for (key, id) in args {
                if !has(&key) && !has(&format!("help.common.{id}")) {
                    missing.push(key);
                }
            }
        }
        missing
    }

    /// A new subcommand or option without its text in both catalogues fails here.
    #[test]
    fn every_argument_has_help_in_both_languages() {
        assert_eq!(missing_help(Lang::En), Vec::<String>::new(), "en.toml");
        assert_eq!(missing_help(Lang::Zh), Vec::<String>::new(), "zh.toml");
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_clap() {
        let lang = |args: &[&str]| {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            lang_in_args(&args)
        };
        assert_eq!(lang(&["jixiao", "--lang", "en", "score"]), Some(Lang::En));
        assert_eq!(
            lang(&["jixiao", "score", "--lang=en", "--help"]),
            Some(Lang::En)
        );
        assert_eq!(lang(&["jixiao", "--lang", "zh", "--help"]), Some(Lang::Zh));
        assert_eq!(lang(&["jixiao", "score", "--help"]), None);
        // A value clap will refuse, a `--lang` without a value, one after `--`.
        assert_eq!(lang(&["jixiao", "--lang", "fr"]), None);
        assert_eq!(lang(&["jixiao", "--lang"]), None);
        assert_eq!(lang(&["jixiao", "parse", "--", "--lang", "en"]), None);
    }

    #[test]
    fn english_help_replaces_every_compiled_text() {
        let cmd = command_in(Lang::En);
        let texts = catalogue(Lang::En);
        assert_eq!(
            cmd.get_about().map(ToString::to_string).as_deref(),
            texts.get("help.about").map(String::as_str)
        );
        let score = cmd.find_subcommand("score").map(|s| {
            let actuals = s.get_arguments().find(|a| a.get_id() == "actuals");
            actuals.and_then(|a| a.get_help()).map(ToString::to_string)
        });
        assert_eq!(
            score.flatten().as_deref(),
            texts.get("help.common.actuals").map(String::as_str)
        );
    }
}
