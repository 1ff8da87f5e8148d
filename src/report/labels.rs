//! How flags and trace facts read in a Chinese 自评表: codes (`over-achieved`) stay in
//! CSV and JSON for programs; people see the catalogue's labels ([`crate::i18n`]).

use crate::evaluate::IndicatorResult;
use crate::i18n::{flag_label, t};
use crate::model::{Direction, DirectionSource};
use crate::score::{Flag, FlagCode};

/// The label and the message of a flag on row `r` (`None`: the execution row). Over-
/// achievement on a reverse row is not a target "set too low" but one set too loose: its
/// label and message say so.
pub fn flag_text(r: Option<&IndicatorResult>, f: &Flag) -> (String, String) {
    let reverse = r
        .and_then(|r| r.trace.as_ref())
        .is_some_and(|tr| tr.direction == Direction::Reverse);
    flag_text_for(reverse, f)
}

/// [`flag_text`] for a row known to be reverse or not.
pub fn flag_text_for(reverse: bool, f: &Flag) -> (String, String) {
    if f.code == FlagCode::OverAchieved && reverse {
        return (
            flag_label("over-achieved-reverse"),
            t("note.over-achieved-reverse").to_string(),
        );
    }
    (flag_label(f.code.as_str()), f.message.clone())
}

/// 正向 / 反向 in the current language.
pub fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Positive => t("report.direction-positive"),
        Direction::Reverse => t("report.direction-reverse"),
    }
}

/// Why a row has its direction. `has_operator`: the target was written with one (`≥`,
/// `≤`…); without one, "by the operator" would be untrue: the row is positive by default.
pub fn direction_source(s: DirectionSource, has_operator: bool) -> &'static str {
    match s {
        DirectionSource::TargetMark => t("report.source-target-mark"),
        DirectionSource::DescriptionMark => t("report.source-description-mark"),
        DirectionSource::Operator if has_operator => t("report.source-operator"),
        DirectionSource::Operator | DirectionSource::Default => t("report.source-none"),
        DirectionSource::Override => t("report.source-override"),
    }
}

/// Whether a target of kind `kind` is written with a comparison operator: only then does
/// "the operator" explain its direction.
pub fn has_operator(kind: &str) -> bool {
    matches!(kind, "comparison" | "range")
}

/// The kind of a target (`comparison` …) in the current language; unknown kinds as given.
pub fn kind(k: &str) -> &str {
    match k {
        "comparison" | "range" | "deadline" | "change" | "qualitative" => t(match k {
            "comparison" => "report.kind-comparison",
            "range" => "report.kind-range",
            "deadline" => "report.kind-deadline",
            "change" => "report.kind-change",
            _ => "report.kind-qualitative",
        }),
        other => other,
    }
}
