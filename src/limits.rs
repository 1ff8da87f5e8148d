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
