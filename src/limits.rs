//! Limits on hostile or mistaken input, in one place (documented in the README's limits
//! table). Each is enforced where input enters — the target/actual parsers, the rule
//! parser, the scorecard and actuals loaders — with a diagnostic, never a panic, a stack
//! overflow or a hang.

/// Longest target (指标值) or actual (实际完成值) cell, in bytes.
pub const MAX_CELL_BYTES: usize = 4 * 1024;
/// Longest scoring-rule text (a policy rule or a row's `rule`), in bytes.
pub const MAX_RULE_BYTES: usize = 16 * 1024;
/// Deepest nesting of brackets/parentheses in a rule text.
pub const MAX_RULE_NESTING: usize = 32;
/// Most indicator rows in one project (or in a department's own indicators).
pub const MAX_ROWS_PER_PROJECT: usize = 10_000;
/// Largest input file (scorecard, actuals, policy), in bytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest amount of money, in 万元: a project's 预算数 (`budget`, `adjusted_budget`,
/// `fiscal_funds`, `other_funds`) and the actuals' 全年预算数 / 全年执行数.
///
/// 10^12 万元 is 10^16 元, several hundred times the whole national general public budget
/// expenditure of China (about 2.6 × 10^9 万元 in 2022), so no real amount comes near it,
/// while sums of amounts stay far inside `Decimal`'s range (about 7.9 × 10^28): the
/// department's Σ 全年预算数 would need 79 million billion projects at the limit to
/// overflow, and Σ(score × 全年预算数) of the 项目支出综合得分 stays below 10^14 per project.
pub const MAX_AMOUNT_WAN: rust_decimal::Decimal = rust_decimal::Decimal::from_parts(
    0xD4A5_1000, // 10^12 = 0xE8_D4A5_1000
    0xE8,
    0,
    false,
    0,
);
/// Largest explicit `points` (分值) of one indicator row.
///
/// A policy's level weights and 预算执行率 add up to 100 (the policy loader insists), so no
/// row can carry more than 100 points under any policy: a larger value is always a
/// mistake. Σ points over [`MAX_ROWS_PER_PROJECT`] rows then stays below 10^6.
pub const MAX_POINTS: rust_decimal::Decimal =
    rust_decimal::Decimal::from_parts(100, 0, 0, false, 0);

use crate::diagnostic::Diagnostic;
use crate::model::Span;

/// The error for a cell over [`MAX_CELL_BYTES`] (`what` = "target" or "actual").
pub fn cell_too_long(src: &str, what: &'static str) -> Option<Diagnostic> {
    if src.len() <= MAX_CELL_BYTES {
        return None;
    }
    let code = if what == "target" {
        "target::too-long"
    } else {
        "actual::too-long"
    };
    // Underline the first few characters only: the message must stay readable.
    let end = (0..=64.min(src.len()))
        .rev()
        .find(|&i| src.is_char_boundary(i))
        .unwrap_or(0);
    Some(
        Diagnostic::error(
            code,
            format!(
                "the {what} is {} bytes long; the limit is {MAX_CELL_BYTES} bytes",
                src.len()
            ),
            Span::new(0, end),
        )
        .with_label("this cell is too long")
        .with_help(format!(
            "{} cell is a short value such as `≥2000份`; put explanations in the description or the reason", if what == "actual" { "an actual" } else { "a target" }
        )),
    )
}

/// What a decimal field holds, for [`number_too_large`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An amount of money in 万元, at most [`MAX_AMOUNT_WAN`].
    Amount,
    /// A row's points, at most [`MAX_POINTS`].
    Points,
}

impl NumberKind {
    /// The largest value allowed.
    pub fn max(self) -> rust_decimal::Decimal {
        match self {
            NumberKind::Amount => MAX_AMOUNT_WAN,
            NumberKind::Points => MAX_POINTS,
        }
    }
}

/// The error for an amount over [`MAX_AMOUNT_WAN`] or points over [`MAX_POINTS`]
/// (`code` is the reader's, e.g. `scorecard::too-large`); the span is the value's text.
/// `what` names the field in the message, e.g. "`budget`".
pub fn number_too_large(
    value: rust_decimal::Decimal,
    kind: NumberKind,
    code: &'static str,
    what: &str,
    span: Span,
) -> Option<Diagnostic> {
    (value > kind.max()).then(|| too_large(&value.normalize().to_string(), kind, code, what, span))
}

/// Whether `raw` is written like a plain decimal (digits, one optional point, `_` between
/// digits as TOML allows): when such a text does not read as a `Decimal`, it is too large.
pub fn looks_like_decimal(raw: &str) -> bool {
    let t: String = raw.trim().chars().filter(|c| *c != '_').collect();
    let t = t.strip_prefix('+').unwrap_or(&t);
    let (int, frac) = t.split_once('.').unwrap_or((t, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// The error of [`number_too_large`] for a value shown as `shown` (a number written with
/// more digits than a `Decimal` holds is shown as written).
pub fn too_large(
    shown: &str,
    kind: NumberKind,
    code: &'static str,
    what: &str,
    span: Span,
) -> Diagnostic {
    let max = kind.max();
    let shown = shown.trim();
    let (message, label, help) = match kind {
        NumberKind::Amount => (
            format!("{what} is {shown} 万元; the limit is {max} 万元"),
            "too large an amount",
            "amounts are in 万元 (ten thousand yuan): 1,234.5 万元 is written \"1234.5\"; \
             check for extra digits or an amount in 元"
                .to_string(),
        ),
        NumberKind::Points => (
            format!("{what} is {shown}; the limit is {max} points"),
            "more than the whole 100-point total",
            "a row's points are part of its level's weight (产出 50, 效益 30, 满意度 10 by default); \
             write e.g. `points = \"10\"`, or remove `points` to share the level equally"
                .to_string(),
        ),
    };
    Diagnostic::error(code, message, span)
        .with_label(label)
        .with_help(help)
}

/// `std::fs::read_to_string`, refusing files over [`MAX_FILE_BYTES`] before reading them
/// (the error reads "the file is N bytes; the limit is …").
pub fn read_to_string(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    // One open: the size comes from the open file (a region run reads tens of thousands).
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the file is {len} bytes; the limit is {MAX_FILE_BYTES} bytes (16 MiB)"),
        ));
    }
    // A file that grows while it is read is still cut at the limit (+1 to notice it).
    let mut text = String::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the file grew past the limit of {MAX_FILE_BYTES} bytes (16 MiB) while it was read"
            ),
        ));
    }
    Ok(text)
}

/// The error for a rule text over [`MAX_RULE_BYTES`] or nested deeper than
/// [`MAX_RULE_NESTING`] brackets (`(`, `[`, `{`, `（`, `【`).
pub fn rule_problem(text: &str) -> Option<Diagnostic> {
    if text.len() > MAX_RULE_BYTES {
        let end = (0..=64.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        return Some(
            Diagnostic::error(
                "rule::too-long",
                format!(
                    "the rule is {} bytes long; the limit is {MAX_RULE_BYTES} bytes",
                    text.len()
                ),
                Span::new(0, end),
            )
            .with_label("this rule is too long")
            .with_help("a rule is a short formula such as `proportional` or `steps on ratio: …`"),
        );
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' | '（' | '【' => {
                depth += 1;
                if depth > MAX_RULE_NESTING {
                    return Some(
                        Diagnostic::error(
                            "rule::too-deep",
                            format!(
                                "the rule nests brackets more than {MAX_RULE_NESTING} levels deep"
                            ),
                            Span::new(i, i + c.len_utf8()),
                        )
                        .with_label("too deep here")
                        .with_help("rules need at most one level of brackets, as in `[90%, 100%]`"),
                    );
                }
            }
            ')' | ']' | '}' | '）' | '】' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}
