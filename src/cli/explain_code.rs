//! `jixiao explain-code CODE` (like `rustc --explain`): the long help of a diagnostic code
//! — what it means, a wrong and a right example, how to fix it — in the chosen language.
//! `--list` lists every code with its title. The code is the one in brackets of a
//! diagnostic (`错误[target::empty]`), so a user can go from the message to the help.

use super::{emit, exit};
use crate::diagnostic::{severity_word, Code};
use crate::i18n::{t, tf};
use clap::Args;

#[derive(Args, Debug)]
pub struct ExplainCodeArgs {
    code: Option<String>,
    #[arg(long, conflicts_with = "code")]
    list: bool,
}

pub fn run(a: ExplainCodeArgs) -> u8 {
    if a.list {
        return emit(list(), exit::OK);
    }
    let Some(text) = a.code else {
        eprintln_safe!("{}", t("explain-code.no-code"));
        return exit::UNUSABLE;
    };
    let text = code_in(&text);
    match Code::parse(text) {
        Some(code) => emit(explain(code), exit::OK),
        None => {
            let near = nearest(text);
            let mut msg = tf("explain-code.unknown", &[("code", text)]);
            if !near.is_empty() {
                msg.push('\n');
                msg.push_str(&tf(
                    "explain-code.did-you-mean",
                    &[("codes", &near.join("\n  "))],
                ));
            }
            eprintln_safe!("{msg}");
            exit::UNUSABLE
        }
    }
}

/// The code in what a user pasted: the code itself, or a whole diagnostic header
/// (`错误[target::empty]：指标值为空`), whose brackets hold it.
pub fn code_in(pasted: &str) -> &str {
    let t = pasted.trim();
    match (t.find('['), t.find(']')) {
        (Some(open), Some(close)) if open < close => t.get(open + 1..close).unwrap_or(t).trim(),
        _ => t,
    }
}

/// The title, severity and long help of `code`.
pub fn explain(code: Code) -> String {
    let mut severity = tf(
        "explain-code.severity",
        &[("severity", severity_word(code.severity()))],
    );
    if code.is_strict_error() {
        severity.push_str(t("explain-code.strict"));
    }
    format!(
        "{} — {}\n{severity}\n\n{}\n",
        code.as_str(),
        code.title(),
        code.explanation().trim_end()
    )
}

/// One line per code: the code, padded, and its title.
pub fn list() -> String {
    let width = Code::ALL
        .iter()
        .map(|c| c.as_str().len())
        .max()
        .unwrap_or(0);
    Code::ALL
        .iter()
        .filter(|c| **c != Code::Unregistered)
        .map(|c| format!("{:width$}  {}\n", c.as_str(), c.title()))
        .collect()
}

/// Up to five codes close to `text`: those containing it (`empty` → `target::empty`,
/// `actual::empty` …), then those within a few edits (`target::emty`).
pub fn nearest(text: &str) -> Vec<&'static str> {
    let text = text.to_lowercase();
    if text.is_empty() {
        return Vec::new();
    }
    let budget = (text.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &'static str)> = Code::ALL
        .iter()
        .filter(|c| **c != Code::Unregistered)
        .filter_map(|c| {
            let s = c.as_str();
            if s.contains(&text) {
                return Some((0, s));
            }
            let d = crate::scorecard::load::edit_distance(&text, s);
            (d <= budget).then_some((d, s))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_suggests_the_code() {
        let typo = ["target", "emty"].join("::");
        assert_eq!(nearest(&typo).first(), Some(&"target::empty"));
        assert!(nearest("empty").contains(&"actual::empty"));
        assert!(nearest("zzzzzzzzzzzzzzzzzzzz").is_empty());
    }

    #[test]
    fn a_pasted_header_gives_its_code() {
        assert_eq!(code_in("错误[target::empty]：指标值为空"), "target::empty");
        assert_eq!(
            code_in(" warning[target::unread-text]: …"),
            "target::unread-text"
        );
        assert_eq!(code_in("target::empty"), "target::empty");
        assert_eq!(code_in("]["), "][");
    }

    #[test]
    fn every_code_is_listed_once() {
        let listed = list();
        assert_eq!(listed.lines().count(), Code::ALL.len() - 1);
        assert!(listed.contains("target::empty"));
    }
}
