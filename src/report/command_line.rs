//! Commands we tell the user to run, written so that copying them reproduces the run:
//! every option that changed the result is kept (a `snapshot --check` hint without its
//! `--actuals` rewrote the snapshot against no actuals), and paths are quoted for a shell.

use std::path::Path;

/// `jixiao snapshot PATH [--actuals A] [--policy P] -o FILE`: the command that rewrites
/// the snapshot `file` under the same inputs as the run that checked it.
pub fn snapshot_rewrite(
    path: &Path,
    actuals: Option<&Path>,
    policy: Option<&Path>,
    file: &Path,
) -> String {
    let mut words = vec!["jixiao".to_string(), "snapshot".into(), quote(path)];
    if let Some(a) = actuals {
        words.extend(["--actuals".into(), quote(a)]);
    }
    if let Some(p) = policy {
        words.extend(["--policy".into(), quote(p)]);
    }
    words.extend(["-o".into(), quote(file)]);
    words.join(" ")
}

/// A path as one shell word: as is when it has only safe characters (CJK included), else
/// in single quotes.
pub fn quote(path: &Path) -> String {
    let s = path.display().to_string();
    let safe = !s.is_empty()
        && s.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':' | '@')
        });
    if safe {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rewrite_keeps_actuals_and_policy() {
        let p = Path::new;
        assert_eq!(
            snapshot_rewrite(
                p("scorecards/d"),
                Some(p("年终 实际.csv")),
                Some(p("policy.toml")),
                p("snap.txt")
            ),
            "jixiao snapshot scorecards/d --actuals '年终 实际.csv' --policy policy.toml -o snap.txt"
        );
        assert_eq!(
            snapshot_rewrite(p("d"), None, None, p("s")),
            "jixiao snapshot d -o s"
        );
    }
}
