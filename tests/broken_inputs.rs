//! The corpus of broken inputs under `tests/broken/`: one folder per failure class, its
//! command line in `cmd` (one argument per line, `#` lines are notes), run through the
//! binary inside the folder. The exit code, stderr and stdout are snapshot-tested.

mod common;

use std::path::Path;

fn shown(arg: &str) -> String {
    if arg.chars().count() > 40 {
        let head: String = arg.chars().take(12).collect();
        format!("{head}…({} bytes)", arg.len())
    } else {
        format!("{arg:?}")
    }
}

fn run(cmd_file: &Path) -> (String, i32) {
    let dir = cmd_file.parent().expect("case folder");
    let text = std::fs::read_to_string(cmd_file).expect("cmd readable");
    let args: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    let out = common::jixiao()
        .args(&args)
        .current_dir(dir)
        .output()
        .expect("binary runs");
    let code = out.status.code().unwrap_or(-1);
    let shown_args: Vec<String> = args.iter().map(|a| shown(a)).collect();
    let snap = format!(
        "jixiao {}\nexit: {code}\n--- stderr ---\n{}--- stdout ---\n{}",
        shown_args.join(" "),
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    (snap, code)
}

#[test]
fn broken_inputs() {
    let mut n = 0;
    insta::glob!("broken/*/cmd", |path| {
        n += 1;
        let (snap, code) = run(path);
        assert!(
            code == 1 || code == 2,
            "{}: a broken input must exit 1 or 2:\n{snap}",
            path.display()
        );
        assert!(!snap.contains("panicked"), "panic:\n{snap}");
        insta::assert_snapshot!(snap);
    });
    assert!(n >= 40, "the corpus has {n} cases");
}
