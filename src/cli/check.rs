//! `jixiao check PATH [--strict] [--policy FILE] [--format text|json]`

use super::{exit, TextOrJson};
use crate::check::{check_folder, CheckOptions};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct CheckArgs {
    path: PathBuf,
    #[arg(long)]
    strict: bool,
    #[arg(long)]
    policy: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
    #[arg(long, short = 'v')]
    verbose: bool,
}

pub fn run(a: CheckArgs) -> u8 {
    let policy = match super::load_policy_arg(a.policy.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let opts = CheckOptions { strict: a.strict };
    if crate::pipeline::folders::is_region(&a.path) {
        return region(&a, &policy, opts);
    }
    if let Err(code) = super::require_department_folder(&a.path, true) {
        return code;
    }
    let report = check_folder(&a.path, &policy, opts);
    let text = match a.format {
        TextOrJson::Text => report.render_grouped(&a.path, a.verbose),
        TextOrJson::Json => report.render_json(),
    };
    let status = if report.has_errors() {
        exit::FAILED
    } else {
        exit::OK
    };
    super::emit(text, status)
}

fn region(a: &CheckArgs, policy: &crate::score::Policy, opts: CheckOptions) -> u8 {
    let (dirs, strays) = match crate::pipeline::folders::region_folders(&a.path) {
        Ok(d) => d,
        Err(e) => {
            let (region, why) = (a.path.display().to_string(), crate::i18n::io_why(&e));
            eprintln_safe!(
                "{}",
                crate::i18n::tf(
                    "cli.region-unreadable",
                    &[("region", &region), ("why", &why)]
                )
            );
            return exit::UNUSABLE;
        }
    };
    let json = matches!(a.format, TextOrJson::Json);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // A folder that is not a department is said to be, not silently passed over.
    for dir in &strays {
        eprintln_safe!("{}", crate::pipeline::folders::stray_warning(dir));
    }
    let bar = super::progress_bar::Bar::on_terminal(dirs.len());
    let result =
        crate::check::region::check_region(&a.path, &dirs, policy, opts, json, &bar, &mut out)
            .and_then(|r| std::io::Write::flush(&mut out).map(|()| r));
    match result {
        Ok(r) if r.counts.errors > 0 || !strays.is_empty() => exit::FAILED,
        Ok(_) => exit::OK,
        Err(e) => super::output_status(Err(e), exit::OK),
    }
}
