//! One exit-code policy, command by command: every command that reads a department folder
//! runs against the same broken folders, and the codes they give must be the ones in
//! `tests/exit_codes/folders.csv` (the command lines are in `commands.toml` beside it).
//! How each folder is broken is written here, in [`break_folder`].

mod common;
use common::copy_dir;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
struct Commands {
    commands: BTreeMap<String, Vec<String>>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Replaces `from` by `to` in the file `path` (which must contain it).
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read file to edit");
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write edited file");
}

/// Breaks the copy of the seed at `dir` the way the folder `name` of the table says.
fn break_folder(name: &str, dir: &Path) {
    let project = dir.join("projects/01-13028122P00306510001A.toml");
    let actuals = dir.join("actuals.toml");
    match name {
        "clean" => {}
        // A TOML syntax error in one project file.
        "broken-project" => edit(&project, "name = \"", "name = "),
        // No actuals.toml in the folder: every row is reported missing.
        "no-actuals" => std::fs::remove_file(&actuals).expect("remove actuals"),
        // One row's actual that is no figure: that row is an error, the rest is scored.
        "bad-actual-cell" => edit(&actuals, "qty1 = \"4个\"", "qty1 = \"四个多\""),
        // A project's spending that is no amount: the actuals file has an error.
        "bad-spent-cell" => edit(&actuals, "spent = \"9.86\"", "spent = \"九点八\""),
        // department.toml that cannot be read (a folder under that name).
        "unreadable-department" => {
            std::fs::remove_file(dir.join("department.toml")).expect("remove department");
            std::fs::create_dir(dir.join("department.toml")).expect("folder in its place");
        }
        other => panic!("folders.csv names `{other}`, which break_folder does not know"),
    }
}

fn jixiao(args: &[String]) -> (i32, String) {
    let out = common::jixiao().args(args).output().expect("run jixiao");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn every_command_follows_one_exit_code_policy() {
    let here = root().join("tests/exit_codes");
    let commands: Commands =
        toml::from_str(&std::fs::read_to_string(here.join("commands.toml")).expect("commands"))
            .expect("commands.toml parses");
    let table = std::fs::read_to_string(here.join("folders.csv")).expect("folders.csv");
    let mut rows = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let header: Vec<&str> = rows.next().expect("header").split(',').collect();
    assert_eq!(header.first(), Some(&"folder"), "first column: folder");

    let tmp = tempfile::tempdir().expect("temp dir");
    let seed = root().join("scorecards/zunhua-sfj-2022");
    let clean = tmp.path().join("clean-reference");
    copy_dir(&seed, &clean);
    let snap = tmp.path().join("clean.snap");
    let (code, err) = jixiao(&[
        "snapshot".into(),
        clean.display().to_string(),
        "-o".into(),
        snap.display().to_string(),
    ]);
    assert_eq!(code, 0, "the snapshot of the seed: {err}");

    let mut failures = Vec::new();
    let mut runs = 0;
    for row in rows {
        let cells: Vec<&str> = row.split(',').collect();
        let name = cells.first().copied().unwrap_or_default();
        let dir = tmp.path().join(name);
        copy_dir(&seed, &dir);
        break_folder(name, &dir);
        for (command, want) in header.iter().zip(&cells).skip(1) {
            let Some(args) = commands.commands.get(*command) else {
                panic!("folders.csv has a column `{command}` that commands.toml lacks");
            };
            let args: Vec<String> = args
                .iter()
                .map(|a| {
                    a.replace("{dir}", &dir.display().to_string())
                        .replace("{clean}", &clean.display().to_string())
                        .replace("{snap}", &snap.display().to_string())
                        .replace(
                            "{spending}",
                            &seed.join("spending-2022-06.csv").display().to_string(),
                        )
                })
                .collect();
            let want: i32 = want.trim().parse().expect("an exit code");
            let (code, stderr) = jixiao(&args);
            runs += 1;
            if code != want || stderr.contains("panicked") {
                failures.push(format!(
                    "{name} × {command}: `jixiao {}` exited {code}, want {want}\n{stderr}",
                    args.join(" ")
                ));
            }
        }
    }
    assert!(runs >= 48, "the table lost its cases: {runs} runs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
