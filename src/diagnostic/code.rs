//! The registry of diagnostic codes: one variant per stable code string. The strings are
//! what users, CSV flags, JSON output and `jixiao explain-code` see, so they never change;
//! the enum is what the code matches on, so a typo is a compile error rather than a branch
//! that silently never runs. Every code has a title, a long explanation and (once its call
//! sites are converted) its message in both catalogues, `src/i18n/zh.toml` and `en.toml`;
//! tests fail when one is missing.

use super::Severity;

macro_rules! registry {
    ($($variant:ident = $text:literal, $severity:ident;)*) => {
        /// A diagnostic code. `as_str` is the stable text (`target::empty`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of their stable strings.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable text, e.g. `target::empty`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// How the problem is raised by default (strict parsing turns warnings into
            /// errors; `explain-code` says so).
            pub const fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

registry! {
    Unregistered = "unregistered", Error;
    ActualConflictingOperators = "actual::conflicting-operators", Error;
    ActualEmpty = "actual::empty", Error;
    ActualInvalidDate = "actual::invalid-date", Error;
    ActualNumberTooLarge = "actual::number-too-large", Error;
    ActualTooLong = "actual::too-long", Error;
    ActualsBadAmount = "actuals::bad-amount", Error;
    ActualsBadDate = "actuals::bad-date", Error;
    ActualsBadNumber = "actuals::bad-number", Error;
    ActualsBaselineNotNumber = "actuals::baseline-not-number", Error;
    ActualsCsv = "actuals::csv", Error;
    ActualsCsvAmbiguous = "actuals::csv-ambiguous", Error;
    ActualsCsvColumns = "actuals::csv-columns", Error;
    ActualsCsvDuplicateColumn = "actuals::csv-duplicate-column", Error;
    ActualsCsvKey = "actuals::csv-key", Error;
    ActualsCsvNoId = "actuals::csv-no-id", Error;
    ActualsDuplicate = "actuals::duplicate", Error;
    ActualsEncoding = "actuals::encoding", Error;
    ActualsSyntax = "actuals::syntax", Error;
    ActualsTooLarge = "actuals::too-large", Error;
    ActualsUnknownKey = "actuals::unknown-key", Error;
    ActualsUnreadable = "actuals::unreadable", Error;
    ActualsWorkbookNotText = "actuals::workbook-not-text", Error;
    ActualsWrongType = "actuals::wrong-type", Error;
    ActualsXlsx = "actuals::xlsx", Error;
    ActualsXlsxAmbiguous = "actuals::xlsx-ambiguous", Error;
    ActualsXlsxCell = "actuals::xlsx-cell", Error;
    ActualsXlsxColumns = "actuals::xlsx-columns", Error;
    ActualsXlsxKey = "actuals::xlsx-key", Error;
    CasesBadExpect = "cases::bad-expect", Error;
    CasesEmpty = "cases::empty", Error;
    CasesNoExpectation = "cases::no-expectation", Error;
    CasesSyntax = "cases::syntax", Error;
    CasesUnknownKey = "cases::unknown-key", Error;
    CasesWrongType = "cases::wrong-type", Error;
    CheckBudgetParts = "check::budget-parts", Error;
    CheckDeadlineYear = "check::deadline-year", Warning;
    CheckPoints = "check::points", Error;
    CheckReverseContradicted = "check::reverse-contradicted", Warning;
    CheckSpendingPlan = "check::spending-plan", Warning;
    CheckUnitMismatch = "check::unit-mismatch", Warning;
    CheckUnitMissing = "check::unit-missing", Advice;
    CheckVagueTarget = "check::vague-target", Advice;
    InputEncoding = "input::encoding", Error;
    InputWorkbookNotText = "input::workbook-not-text", Error;
    PolicyDuplicateKey = "policy::duplicate-key", Error;
    PolicyMissingRule = "policy::missing-rule", Error;
    PolicyMissingRules = "policy::missing-rules", Error;
    PolicyNotTable = "policy::not-table", Error;
    PolicyNotText = "policy::not-text", Error;
    PolicyRead = "policy::read", Error;
    PolicyToml = "policy::toml", Error;
    PolicyUnknownKey = "policy::unknown-key", Error;
    PolicyVocabulary = "policy::vocabulary", Error;
    RuleBandBracket = "rule::band-bracket", Error;
    RuleBandEmpty = "rule::band-empty", Error;
    RuleBandGap = "rule::band-gap", Error;
    RuleBandOverlap = "rule::band-overlap", Error;
    RuleDefaultOutsideBand = "rule::default-outside-band", Error;
    RuleDuplicate = "rule::duplicate", Error;
    RuleFloorAboveLate = "rule::floor-above-late", Error;
    RuleGradeOperator = "rule::grade-operator", Error;
    RuleGradeRange = "rule::grade-range", Error;
    RuleLightBand = "rule::light-band", Error;
    RuleLightOperator = "rule::light-operator", Error;
    RuleMissingBand = "rule::missing-band", Error;
    RuleMissingClause = "rule::missing-clause", Error;
    RuleMissingLevel = "rule::missing-level", Error;
    RuleNegative = "rule::negative", Error;
    RuleNoEffect = "rule::no-effect", Warning;
    RuleNumber = "rule::number", Error;
    RulePerUnit = "rule::per-unit", Error;
    RulePercentSign = "rule::percent-sign", Error;
    RuleRounding = "rule::rounding", Error;
    RuleShareRange = "rule::share-range", Error;
    RuleSyntax = "rule::syntax", Error;
    RuleTargetZeroFormula = "rule::target-zero-formula", Error;
    RuleThreshold = "rule::threshold", Error;
    RuleTooDeep = "rule::too-deep", Error;
    RuleTooLong = "rule::too-long", Error;
    RuleUnknownLevel = "rule::unknown-level", Error;
    RuleWeightsSum = "rule::weights-sum", Error;
    RuleZeroPoint = "rule::zero-point", Error;
    ScorecardBadId = "scorecard::bad-id", Error;
    ScorecardDecimal = "scorecard::decimal", Error;
    ScorecardDirection = "scorecard::direction", Error;
    ScorecardDuplicateCode = "scorecard::duplicate-code", Error;
    ScorecardDuplicateId = "scorecard::duplicate-id", Error;
    ScorecardEmpty = "scorecard::empty", Error;
    ScorecardEmptyTarget = "scorecard::empty-target", Error;
    ScorecardIo = "scorecard::io", Error;
    ScorecardLevel = "scorecard::level", Error;
    ScorecardMissingField = "scorecard::missing-field", Error;
    ScorecardMonth = "scorecard::month", Error;
    ScorecardNegative = "scorecard::negative", Error;
    ScorecardNoDepartmentIndicators = "scorecard::no-department-indicators", Warning;
    ScorecardShare = "scorecard::share", Error;
    ScorecardSyntax = "scorecard::syntax", Error;
    ScorecardTooLarge = "scorecard::too-large", Error;
    ScorecardTooManyRows = "scorecard::too-many-rows", Error;
    ScorecardType = "scorecard::type", Error;
    ScorecardUnknownField = "scorecard::unknown-field", Error;
    ScorecardYear = "scorecard::year", Error;
    SpendingBadAmount = "spending::bad-amount", Error;
    SpendingBadDate = "spending::bad-date", Error;
    SpendingBadNumber = "spending::bad-number", Error;
    SpendingColumns = "spending::columns", Error;
    SpendingCsv = "spending::csv", Error;
    SpendingTooLarge = "spending::too-large", Error;
    TargetConflictingOperators = "target::conflicting-operators", Error;
    TargetDoubledOperator = "target::doubled-operator", Warning;
    TargetEmpty = "target::empty", Error;
    TargetInvalidDate = "target::invalid-date", Error;
    TargetMissingNumber = "target::missing-number", Error;
    TargetNumberTooLarge = "target::number-too-large", Error;
    TargetPeriodReversed = "target::period-reversed", Error;
    TargetRangeReversed = "target::range-reversed", Error;
    TargetRangeUnits = "target::range-units", Error;
    TargetTooLong = "target::too-long", Error;
    TargetUnknownUnit = "target::unknown-unit", Advice;
    TargetUnreadNumber = "target::unread-number", Warning;
    TargetUnreadText = "target::unread-text", Warning;
}

impl Code {
    /// The code whose stable text is `text`, if any.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }

    /// A diagnostic of this code at `span`, its texts from the catalogue: see
    /// [`Diagnostic::new`](super::Diagnostic::new).
    pub fn at(self, span: crate::model::span::Span) -> super::Diagnostic {
        super::Diagnostic::new(self, span)
    }

    /// A warning that `--strict` (`check --strict`, `parse --strict`) turns into an error:
    /// the target parser's salvage warnings.
    pub const fn is_strict_error(self) -> bool {
        matches!(
            self,
            Code::TargetUnreadText | Code::TargetUnreadNumber | Code::TargetDoubledOperator
        )
    }

    /// The short title in the current language (`指标值为空`).
    pub fn title(self) -> &'static str {
        crate::i18n::code_text(self.as_str(), "title").unwrap_or(self.as_str())
    }

    /// The long explanation in the current language: what it means, a wrong and a right
    /// example, how to fix it (`jixiao explain-code`).
    pub fn explanation(self) -> &'static str {
        crate::i18n::code_text(self.as_str(), "explain").unwrap_or("")
    }
}

/// For call sites written before the registry (the mechanical pass turns their literals
/// into `Code::…`; branches merged later may still hold some). A text that names no code
/// becomes [`Code::Unregistered`]; the registry's test fails on any such literal in src/.
impl From<&'static str> for Code {
    fn from(text: &'static str) -> Code {
        Code::parse(text).unwrap_or(Code::Unregistered)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Serialised as its stable text, so JSON output and CSV flags read as before.
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Code> for String {
    fn eq(&self, other: &Code) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

/// Reads as its stable text where a `&str` was used before the registry (`code.starts_with("rule::")`).
impl std::ops::Deref for Code {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::Code;
    use crate::i18n::{catalogue, Lang};
    use std::path::Path;

    /// Every string literal shaped like a code (area::name) in `dir`'s Rust files, with where it is.
    fn code_literals(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                code_literals(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for (n, line) in text.lines().enumerate() {
                    for lit in line.split('"').skip(1).step_by(2) {
                        if looks_like_code(lit) {
                            out.push((lit.to_string(), format!("{}:{}", path.display(), n + 1)));
                        }
                    }
                }
            }
        }
    }

    fn looks_like_code(s: &str) -> bool {
        let Some((area, name)) = s.split_once("::") else {
            return false;
        };
        !area.is_empty()
            && !name.is_empty()
            && area.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    }

    #[test]
    fn every_code_literal_in_src_is_registered() {
        let mut found = Vec::new();
        code_literals(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.len() > 20, "the scan found {} literals", found.len());
        let unknown: Vec<String> = found
            .iter()
            .filter(|(lit, _)| Code::parse(lit).is_none())
            .map(|(lit, at)| format!("{at}: \"{lit}\" is not in src/diagnostic/code.rs"))
            .collect();
        assert!(unknown.is_empty(), "{unknown:#?}");
    }

    #[test]
    fn every_code_has_a_title_and_an_explanation_in_both_languages() {
        let mut missing = Vec::new();
        for code in Code::ALL {
            for lang in [Lang::Zh, Lang::En] {
                for part in ["title", "explain"] {
                    let key = format!("code.{}.{part}", code.as_str());
                    if catalogue(lang)
                        .get(&key)
                        .is_none_or(|t| t.trim().is_empty())
                    {
                        missing.push(format!("{lang:?} lacks {key}"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn the_catalogues_name_only_registered_codes() {
        for lang in [Lang::Zh, Lang::En] {
            for key in catalogue(lang).keys() {
                if let Some(rest) = key.strip_prefix("code.") {
                    let code = rest.rsplit_once('.').map_or(rest, |(c, _)| c);
                    assert!(Code::parse(code).is_some(), "{lang:?}: {key}");
                }
            }
        }
    }

    #[test]
    fn the_text_round_trips() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(*code));
            assert_eq!(Code::from(code.as_str()), *code);
        }
        assert_eq!(Code::TargetEmpty, "target::empty");
        assert_eq!(
            serde_json::to_string(&Code::TargetEmpty).ok().as_deref(),
            Some("\"target::empty\"")
        );
    }

    /// Codes whose message is still written in English at the call site rather than taken
    /// from the catalogues. The list in `english_only.txt` may only shrink: a converted
    /// code must leave it, and no new code may join it.
    #[test]
    fn codes_with_hard_coded_english_messages_only_shrink() {
        let listed: Vec<&str> = include_str!("english_only.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let has_message =
            |c: &Code| catalogue(Lang::Zh).contains_key(&format!("code.{}.message", c.as_str()));
        let mut problems = Vec::new();
        for code in Code::ALL.iter().filter(|c| **c != Code::Unregistered) {
            let in_list = listed.contains(&code.as_str());
            if has_message(code) && in_list {
                problems.push(format!(
                    "{code} is converted: remove it from english_only.txt"
                ));
            }
            if !has_message(code) && !in_list {
                problems.push(format!("{code} has no catalogue message: write one"));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
