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
            "{} cell is a short value such as `≥2000份`; put explanations in the description or the reason", if what == "actual" { "an actual" } else { "a target" }
        )),
    )
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
