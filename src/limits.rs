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
            "a {what} cell is a short value such as `≥2000份`; put explanations in the description or the reason"
        )),
    )
}
