//! The vocabulary of the target and actual languages as data: known units, their aliases
//! and exact conversions, and the operator and grade words a policy adds to the built-in
//! ones.
//!
//! The grammar reads any run of letters as a unit, so the vocabulary never decides whether
//! a cell parses; it decides what a unit converts to (scoring), whether a unit is known
//! (`check`'s typo advice) and which extra words a policy's tables use. One table serves
//! the scorer, the actual fast path, prose reading and `check`, so they cannot disagree.
//!
//! The default is embedded (`scorecards/policies/vocabulary.toml`); a policy may add to it
//! and [`install`] makes the result the one every later parse and score reads (the
//! per-thread parse memo is kept per vocabulary, so nothing parsed before is reused
//! under other words). An evaluation puts its policy's vocabulary in force on its own thread for its
//! duration ([`scoped`]), so a second policy loaded meanwhile does not change its units.

use super::actual::Grade;
use super::target::{Op, Target, TargetKind};
use super::{Quantity, Span};
use crate::diagnostic::Diagnostic;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::str::FromStr;
use std::sync::{Arc, LazyLock, RwLock};

/// The default vocabulary, embedded in the binary.
pub const DEFAULT_VOCABULARY_TOML: &str = include_str!("../../scorecards/policies/vocabulary.toml");

/// The vocabulary file's shape; a policy's `[vocabulary]` table has the same one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    /// base unit → (unit → how many base units one unit is, as an exact decimal string).
    #[serde(default)]
    pub conversions: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    /// alias → the unit it stands for.
    #[serde(default)]
    pub aliases: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub known: Vec<String>,
    #[serde(default)]
    pub operators: OperatorWords,
    #[serde(default)]
    pub grades: GradeWords,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorWords {
    #[serde(default)]
    pub ge: Vec<String>,
    #[serde(default)]
    pub gt: Vec<String>,
    #[serde(default)]
    pub le: Vec<String>,
    #[serde(default)]
    pub lt: Vec<String>,
    #[serde(default)]
    pub eq: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeWords {
    #[serde(default)]
    pub achieved: Vec<String>,
    #[serde(default)]
    pub partial: Vec<String>,
    #[serde(default)]
    pub not_achieved: Vec<String>,
}

/// The vocabulary in the form the parser and scorer look things up in.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    conversions: FxHashMap<String, (Arc<str>, Decimal)>,
    aliases: FxHashMap<String, String>,
    known: FxHashSet<String>,
    /// Extra words rewritten before parsing (word → what the grammar reads), longest first.
    rewrites: Vec<(String, &'static str)>,
}

impl Vocabulary {
    /// Builds the vocabulary from its file form, refusing any conversion factor that is not
    /// an exact positive decimal. `origin` names the file in messages.
    pub fn from_file(file: &VocabularyFile, origin: &str) -> Result<Vocabulary, String> {
        let mut v = Vocabulary::default();
        v.add(file, origin)?;
        Ok(v)
    }

    /// Adds `file` to this vocabulary; entries in `file` win over earlier ones.
    pub fn add(&mut self, file: &VocabularyFile, origin: &str) -> Result<(), String> {
        for (base, units) in &file.conversions {
            let base: Arc<str> = Arc::from(base.as_str());
            for (unit, factor) in units {
                let f = Decimal::from_str(factor.trim())
                    .ok()
                    .filter(|f| *f > Decimal::ZERO)
                    .ok_or_else(|| {
                        crate::i18n::tf(
                            "vocabulary-file.bad-factor",
                            &[
                                ("origin", origin),
                                ("factor", factor),
                                ("unit", unit),
                                ("base", &base),
                            ],
                        )
                    })?;
                self.conversions
                    .insert(unit.clone(), (Arc::clone(&base), f));
                self.known.insert(unit.clone());
            }
        }
        for (alias, unit) in &file.aliases {
            self.aliases.insert(alias.clone(), unit.clone());
            self.known.insert(alias.clone());
        }
        self.known.extend(file.known.iter().cloned());
        let ops = &file.operators;
        for (words, symbol) in [
            (&ops.ge, "≥"),
            (&ops.gt, ">"),
            (&ops.le, "≤"),
            (&ops.lt, "<"),
            (&ops.eq, "="),
        ] {
            self.add_rewrites(words, symbol, origin)?;
        }
        let g = &file.grades;
        for (words, canonical) in [
            (&g.achieved, Grade::Achieved.label()),
            (&g.partial, Grade::Partial.label()),
            (&g.not_achieved, Grade::NotAchieved.label()),
        ] {
            self.add_rewrites(words, canonical, origin)?;
        }
        self.rewrites
            .sort_by_key(|r| std::cmp::Reverse(r.0.chars().count()));
        Ok(())
    }

    fn add_rewrites(
        &mut self,
        words: &[String],
        to: &'static str,
        origin: &str,
    ) -> Result<(), String> {
        for w in words {
            let w = w.trim();
            if w.is_empty() || w.chars().any(|c| c.is_ascii_digit()) {
                return Err(crate::i18n::tf(
                    "vocabulary-file.bad-word",
                    &[("origin", origin), ("word", w)],
                ));
            }
            self.rewrites.retain(|(x, _)| x != w);
            self.rewrites.push((w.to_string(), to));
        }
        Ok(())
    }

    /// The unit a written unit stands for (an alias resolved), as written otherwise.
    pub fn resolve<'a>(&'a self, unit: &'a str) -> &'a str {
        self.aliases.get(unit).map(String::as_str).unwrap_or(unit)
    }

    /// The base unit and how many base units one `unit` is; an unknown unit is its own
    /// base. Compound units convert as a whole only when listed.
    pub fn base(&self, unit: &str) -> (Arc<str>, Decimal) {
        let u = self.resolve(unit);
        match self.conversions.get(u) {
            Some((b, f)) => (Arc::clone(b), *f),
            None => (Arc::from(u), Decimal::ONE),
        }
    }

    /// Whether the unit is in the vocabulary (each part of a compound unit known).
    pub fn is_known(&self, unit: &str) -> bool {
        self.known.contains(unit)
            || unit
                .split(['/', '·', '・', '*', '、'])
                .all(|p| p.is_empty() || self.known.contains(p))
    }

    /// Every known unit word, longest first (for prose reading).
    pub fn known_units(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.known.iter().map(String::as_str).collect();
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v
    }

    /// The extra words a policy added (word → what the grammar reads), longest first.
    pub fn rewrites(&self) -> &[(String, &'static str)] {
        &self.rewrites
    }

    /// The operator an extra word stands for, for messages.
    pub fn extra_operator(&self, word: &str) -> Option<Op> {
        self.rewrites
            .iter()
            .find(|(w, _)| w == word)
            .and_then(|(_, s)| match *s {
                "≥" => Some(Op::Ge),
                ">" => Some(Op::Gt),
                "≤" => Some(Op::Le),
                "<" => Some(Op::Lt),
                "=" => Some(Op::Eq),
                _ => None,
            })
    }
}

/// Advice for each unit of `target` the vocabulary in force does not know, placed at
/// `span` (`check`'s typo catcher: `≥45分` where `份` was meant). The unit is still read
/// in full and scored as written; this only asks a person to look.
pub fn unknown_unit_advice(target: &Target, span: Span) -> Vec<Diagnostic> {
    let vocab = active();
    let quantities: Vec<&Quantity> = match &target.kind {
        TargetKind::Comparison(c) => vec![&c.quantity],
        TargetKind::Range(r) => vec![&r.low, &r.high],
        TargetKind::Change(c) => vec![&c.amount],
        TargetKind::Deadline(_) | TargetKind::Qualitative(_) => Vec::new(),
    };
    let mut units: Vec<&str> = quantities
        .into_iter()
        .filter_map(|q| q.unit.as_ref().map(|u| u.as_str()))
        .filter(|u| !vocab.is_known(u))
        .collect();
    units.dedup();
    units
        .into_iter()
        .map(|u| Diagnostic::new(crate::diagnostic::Code::TargetUnknownUnit, span).arg("unit", u))
        .collect()
}

/// Reads a vocabulary file's text.
pub fn parse_vocabulary(text: &str, origin: &str) -> Result<VocabularyFile, String> {
    toml::from_str(text).map_err(|e| {
        crate::i18n::tf(
            "vocabulary-file.unreadable",
            &[("origin", origin), ("why", &e.to_string())],
        )
    })
}

fn default_vocabulary() -> Vocabulary {
    // The embedded file is checked by a unit test; should it ever fail to read, an empty
    // vocabulary (every unit its own base) is safer than a panic.
    parse_vocabulary(DEFAULT_VOCABULARY_TOML, "vocabulary.toml")
        .and_then(|f| Vocabulary::from_file(&f, "vocabulary.toml"))
        .unwrap_or_default()
}

static DEFAULT: LazyLock<Arc<Vocabulary>> = LazyLock::new(|| Arc::new(default_vocabulary()));
static ACTIVE: LazyLock<RwLock<Arc<Vocabulary>>> =
    LazyLock::new(|| RwLock::new(Arc::clone(&DEFAULT)));

/// The embedded default vocabulary.
pub fn default() -> Arc<Vocabulary> {
    Arc::clone(&DEFAULT)
}

thread_local! {
    /// The vocabulary of the evaluation running on this thread ([`scoped`]), which beats
    /// the process-wide one: two policies can score in one process (`diff`), each with
    /// its own words, whichever was loaded last.
    static SCOPED: std::cell::RefCell<Option<Arc<Vocabulary>>> =
        const { std::cell::RefCell::new(None) };
}

/// The vocabulary in force: the one of the evaluation running on this thread, else the
/// default plus what the loaded policy added.
pub fn active() -> Arc<Vocabulary> {
    if let Some(v) = SCOPED.with(|s| s.borrow().clone()) {
        return v;
    }
    match ACTIVE.read() {
        Ok(v) => Arc::clone(&v),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

/// The address of the vocabulary in force, to tell whether it is one already held (the
/// parse memo's). Unlike [`active`] it takes no reference: the count of a vocabulary
/// scoped on every worker is one atomic shared by all of them, and the memo asks for
/// every cell a region reads.
pub fn active_id() -> *const Vocabulary {
    let scoped = SCOPED.with(|s| {
        s.try_borrow()
            .ok()
            .and_then(|v| v.as_ref().map(Arc::as_ptr))
    });
    match scoped {
        Some(id) => id,
        None => Arc::as_ptr(&active()),
    }
}

/// The default vocabulary with `extra` added, made the one in force.
pub fn install_extra(extra: &VocabularyFile, origin: &str) -> Result<(), String> {
    let mut v = (*default()).clone();
    v.add(extra, origin)?;
    install(v);
    Ok(())
}

/// Runs `f` with `v` in force on this thread (nested calls restore the outer one, also
/// when `f` unwinds), whatever the process-wide vocabulary is.
pub fn scoped<R>(v: &Arc<Vocabulary>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<Vocabulary>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            SCOPED.with(|s| *s.borrow_mut() = outer);
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(Arc::clone(v)))));
    f()
}

/// Makes `v` the vocabulary in force for every later parse and score.
pub fn install(v: Vocabulary) {
    install_arc(Arc::new(v));
}

/// [`install`] for a vocabulary already shared (a policy's).
pub fn install_arc(v: Arc<Vocabulary>) {
    match ACTIVE.write() {
        Ok(mut slot) => *slot = v,
        Err(poisoned) => *poisoned.into_inner() = v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_vocabulary_reads() {
        let f = parse_vocabulary(DEFAULT_VOCABULARY_TOML, "vocabulary.toml").unwrap();
        let v = Vocabulary::from_file(&f, "vocabulary.toml").unwrap();
        assert_eq!(v.base("小时").1, Decimal::from(3600));
        assert_eq!(&*v.base("km").0, "米");
        assert!(v.is_known("元/人·月"));
        assert!(!v.is_known("分/次") || v.is_known("分"));
    }

    #[test]
    fn check_asks_about_units_it_does_not_know_only() {
        let advice = |t: &str| {
            let p = crate::parse::parse_target_uncached(t, crate::parse::Strictness::Strict)
                .map(|p| p.value)
                .unwrap();
            unknown_unit_advice(&p, Span::new(0, t.len()))
                .into_iter()
                .map(|d| d.message)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            advice("≥45分").len(),
            1,
            "分 is no known unit: 份 was meant"
        );
        assert!(advice("≥45分")[0].contains("`分`"));
        for known in [
            "≥45份",
            "每月2期",
            "≤12.5/亩",
            "90%-95%",
            "≥3km",
            "≤300元/人·月",
            "比上年增长10%",
        ] {
            assert!(advice(known).is_empty(), "{known}: {:?}", advice(known));
        }
        assert_eq!(
            advice("[5丈, 10丈]").len(),
            1,
            "one advice for a unit written twice"
        );
    }

    #[test]
    fn every_prose_unit_word_is_in_the_table() {
        let v = default();
        for w in super::super::quantity::UNIT_WORDS {
            let w = w.replace('％', "%");
            let known = v.is_known(&w) || w == "万元" || w == "册数";
            assert!(known, "UNIT_WORDS has `{w}`, the vocabulary does not");
        }
    }
}
