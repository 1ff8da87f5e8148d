//! Message catalogues: one TOML file per language (`zh.toml`, the default, and `en.toml`),
//! keyed by stable codes (`flag.over-achieved`, `report.incomplete`). Chinese is the
//! default because the people who read jixiao's output are Chinese finance staff; English
//! is chosen with `--lang en` or a `LANG`/`LC_ALL`/`LC_MESSAGES` starting with `en`.
//!
//! A plain table rather than an i18n framework: the messages are short, placeholders are
//! named (`{n}`), and the catalogues are compiled in (no files to find at run time). The
//! official 自评表 form itself (its headings) stays Chinese in both languages.

mod io_error;
pub use io_error::io_why;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    // No doc comments: clap would print them under `--lang` in either language; the
    // `--lang` help (`help.lang` in the catalogues) names both.
    Zh,
    En,
}

static CHOSEN: OnceLock<Lang> = OnceLock::new();

/// Chooses the language for this process (the first call wins; the command line calls it
/// once at start).
pub fn set(lang: Lang) {
    let _ = CHOSEN.set(lang);
}

/// The language chosen, Chinese when none was.
pub fn current() -> Lang {
    CHOSEN.get().copied().unwrap_or(Lang::Zh)
}

/// The language the environment asks for: the first set of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` (as POSIX orders them), English when it starts with `en`.
pub fn from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.starts_with("en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

const ZH: &str = include_str!("zh.toml");
const EN: &str = include_str!("en.toml");

/// The catalogue of `lang`, flattened to `section.key` → text.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    static ZH_MAP: OnceLock<Catalogue> = OnceLock::new();
    static EN_MAP: OnceLock<Catalogue> = OnceLock::new();
    let (cell, text) = match lang {
        Lang::Zh => (&ZH_MAP, ZH),
        Lang::En => (&EN_MAP, EN),
    };
    cell.get_or_init(|| flatten(text))
}

/// A language's texts by key. Keyed with FNV-1a rather than the default SipHash: the
/// scorer looks texts up for every row it explains (a region run makes millions of
/// lookups), the keys are our own, and no one can choose them to collide.
pub type Catalogue = HashMap<String, String, BuildHasherDefault<Fnv1a>>;

/// The FNV-1a hash (64-bit) of the bytes written.
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `[section] key = "…"` becomes `section.key`; the diagnostic codes' tables
/// (`[code."target::empty"] title = "…"`) become `code.target::empty.title`.
fn flatten(text: &str) -> Catalogue {
    let mut out = Catalogue::default();
    if let Ok(table) = text.parse::<toml::Table>() {
        flatten_into(&mut out, "", &table);
    }
    out
}

fn flatten_into(out: &mut Catalogue, prefix: &str, table: &toml::Table) {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(v) => {
                out.insert(path, v.clone());
            }
            toml::Value::Table(t) => flatten_into(out, &path, t),
            _ => {}
        }
    }
}

/// The text `part` (`title`, `explain`, `message`, `label`, `help`) of a diagnostic code
/// in the current language: the `<part>-<variant>` text when the catalogue has one.
/// `code` is the stable code text (`target::empty`); taking the text rather than the
/// registry's enum keeps the catalogues below the diagnostics that use them.
pub fn code_part(code: &str, part: &str, variant: &str) -> Option<&'static str> {
    let base = format!("code.{code}.{part}");
    let lookup = |key: &str| {
        catalogue(current())
            .get(key)
            .or_else(|| catalogue(Lang::Zh).get(key))
            .map(String::as_str)
    };
    if !variant.is_empty() {
        if let Some(t) = lookup(&format!("{base}-{variant}")) {
            return Some(t);
        }
    }
    lookup(&base)
}

/// [`code_part`] without a variant.
pub fn code_text(code: &str, part: &str) -> Option<&'static str> {
    code_part(code, part, "")
}

/// Fills `{name}` placeholders of `template` in one pass: a value that itself holds
/// `{…}` (user text) is copied as it is. An unknown `{name}` stays as written.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of `key` in the current language; the key itself when no catalogue has it
/// (a code is better than nothing, and the catalogue test catches it).
pub fn t(key: &str) -> &str {
    catalogue(current())
        .get(key)
        .or_else(|| catalogue(Lang::Zh).get(key))
        .map_or(key, String::as_str)
}

/// [`t`] with `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let owned: Vec<(&str, String)> = args.iter().map(|(n, v)| (*n, v.to_string())).collect();
    fill(t(key), &owned)
}

/// The label of a flag code (`over-achieved` → 「超额完成（目标可能偏低）」), the code
/// itself for a code the catalogue does not know (a policy's own flag).
pub fn flag_label(code: &str) -> String {
    let key = format!("flag.{code}");
    match catalogue(current()).get(&key) {
        Some(label) => label.clone(),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        let (zh, en) = (catalogue(Lang::Zh), catalogue(Lang::En));
        assert!(zh.len() > 20, "zh.toml did not parse: {} keys", zh.len());
        let mut missing: Vec<String> = zh
            .keys()
            .filter(|k| !en.contains_key(*k))
            .map(|k| format!("en lacks {k}"))
            .chain(
                en.keys()
                    .filter(|k| !zh.contains_key(*k))
                    .map(|k| format!("zh lacks {k}")),
            )
            .collect();
        missing.extend(
            zh.iter()
                .chain(en.iter())
                .filter(|(_, v)| v.trim().is_empty())
                .map(|(k, _)| format!("{k} is empty")),
        );
        missing.sort();
        assert!(missing.is_empty(), "{missing:#?}");
    }

    /// `{name}` placeholders of a text (no spaces inside, so a TOML example `{ a = 1 }`
    /// is not one).
    fn placeholders(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| {
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        let (zh, en) = (catalogue(Lang::Zh), catalogue(Lang::En));
        let mut differ: Vec<String> = zh
            .iter()
            .filter_map(|(k, z)| {
                let e = en.get(k)?;
                (placeholders(z) != placeholders(e))
                    .then(|| format!("{k}: zh {:?}, en {:?}", placeholders(z), placeholders(e)))
            })
            .collect();
        differ.sort();
        assert!(differ.is_empty(), "{differ:#?}");
    }

    #[test]
    fn a_value_is_never_filled_twice() {
        let args = [("a", "{b}".to_string()), ("b", "x".to_string())];
        assert_eq!(fill("{a} and {b}, {c}", &args), "{b} and x, {c}");
    }

    #[test]
    fn every_flag_the_scorer_raises_has_a_label() {
        let codes = [
            "over-achieved",
            "reason-required",
            "missing-actual",
            "execution-rate-used",
            "graded-by-hand",
            "no-completion-date",
            "no-points-left",
            "overspent",
            "too-large",
            "unknown-level",
            "zero-budget",
            "no-department-indicators",
            "fraction-for-percent",
        ];
        for code in codes {
            for lang in [Lang::Zh, Lang::En] {
                assert!(
                    catalogue(lang).contains_key(&format!("flag.{code}")),
                    "{code} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            tf("score.rows-failed", &[("n", "3")]),
            "3 行无法评分，原因见输出中该行"
        );
    }
}
