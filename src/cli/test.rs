//! `jixiao test CASES.toml [--policy F]`: runs rule test cases written by policy staff and
//! reports each failure with the case's line, expected and actual, and the trace.
//! Exit 0 when every case passes, 1 when one fails, 2 when the file cannot be read.

use super::exit;
use crate::cases::{file_policy, parse_cases, render_failures, run_cases, Case, CasePolicyError};
use crate::score::Policy;
use clap::Args;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct TestArgs {
    cases: PathBuf,
    #[arg(long)]
    policy: Option<PathBuf>,
}

pub fn run(a: TestArgs) -> u8 {
    // issue 15: a regular file of at most 16 MiB (not /dev/zero, not a FIFO).
    let text = match crate::limits::read_text_capped(&a.cases, crate::limits::MAX_FILE_BYTES) {
        Ok(t) => t,
        Err(e) => {
            super::say_read_error(a.cases.display(), &e);
            return exit::UNUSABLE;
        }
    };
    let base = a
        .cases
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let run_policy_path = a
        .policy
        .clone()
        .or_else(|| file_policy(&text).map(|p| base.join(p)));
    let run_policy = match super::load_policy_arg(run_policy_path.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let cases = match parse_cases(&a.cases, &text) {
        Ok(c) => c,
        Err(diags) => {
            super::print_diagnostics(&diags);
            return exit::UNUSABLE;
        }
    };
    // Each policy file a case names is read once, however many cases name it.
    let loaded: RefCell<HashMap<String, Result<Policy, CasePolicyError>>> = RefCell::default();
    let policy_for = |c: &Case| -> Result<Policy, CasePolicyError> {
        let Some(rel) = &c.policy else {
            return Ok(run_policy.clone());
        };
        let mut loaded = loaded.borrow_mut();
        loaded
            .entry(rel.clone())
            .or_insert_with(|| {
                crate::policy::load_policy(base.join(rel)).map_err(|e| CasePolicyError {
                    policy: rel.clone(),
                    diagnostics: e.render().trim_end().to_string(),
                })
            })
            .clone()
    };
    let outcome = run_cases(&cases, &policy_for);
    let status = if outcome.failures.is_empty() {
        exit::OK
    } else {
        exit::FAILED
    };
    super::emit(render_failures(&a.cases, &outcome), status)
}
