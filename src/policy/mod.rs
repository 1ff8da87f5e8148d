//! Scoring policies as text. A policy file (`scorecards/policies/*.toml`) is TOML whose
//! `[rules]` hold one rule text per part of the default policy (docs/language.md,
//! "Rules"); the rule language (`grammar/rules.pest`) reads each into the [`Policy`] value
//! the scorer uses. A scorecard row may carry its own formula rule ([`parse_row_rule`]).
//!
//! `scorecards/policies/default.toml` is 财预〔2020〕10号 and the documented example of the
//! language; it is embedded in the binary ([`DEFAULT_POLICY_TOML`], [`default_policy`]).
//!
//! Every problem is reported at once as a [`Diagnostic`] whose span points at the text
//! inside the file; render them with [`crate::diagnostic::render`] or
//! [`PolicyError::render`].

pub mod definition;
mod file;
mod rules;
pub mod vocabulary;

pub use file::{
    default_policy, default_policy_with_origins, load_policy, load_policy_with_origins,
    parse_policy, parse_policy_with_origins, PolicyError, RuleOrigin, RuleOrigins,
    DEFAULT_POLICY_PATH, DEFAULT_POLICY_TOML,
};
pub use rules::{
    parse_row_override, parse_row_override_in, parse_rule, FormulaContext, RowRule, RuleValue,
    Subject,
};

use crate::diagnostic::Diagnostic;
use definition::{Formula, Policy};

/// Reads a row's own formula: `inverse`, `linear zero at 2T`, `steps on ratio: …`,
/// `reverse: linear zero at 2T` (a direction prefix is allowed and checked against the
/// zero point; use [`parse_row_override`] to get the direction too).
pub fn parse_row_rule(text: &str) -> Result<Formula, Vec<Diagnostic>> {
    parse_row_override(text).map(|r| r.formula)
}

/// The built-in default policy. Infallible: the embedded file is tested to read back as
/// exactly [`Policy::default`], which is returned should it ever not.
pub fn builtin_policy() -> Policy {
    default_policy().unwrap_or_default()
}

/// The built-in default policy with where its rules are written. Should the embedded
/// file ever not read (a test forbids it), the default value with no origins.
pub fn builtin_policy_with_origins() -> (Policy, RuleOrigins) {
    default_policy_with_origins()
        .unwrap_or_else(|_| (Policy::default(), RuleOrigins::empty(DEFAULT_POLICY_PATH)))
}
