//! Nothing lost when writing (issue 15 points 1, 2, 5, 20, 22): `fmt` and `-o` never
//! destroy what another program wrote, keep a file's mode and owner, refuse read-only and
//! hard-linked files, report a failed write with exit 2; `import -o` over an existing
//! folder is a transaction that never silently overwrites hand edits and survives kill -9.

#![cfg(unix)]

use jixiao::output::replace::{replace, Expected};
use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED_TXT: &str = "tests/fixtures/zunhua-sfj-2022.txt";
const SEED_FOLDER: &str = "scorecards/zunhua-sfj-2022";

/// A project file with one target `fmt` rewrites by default (a full-width digit), padded past 1 KiB with comments (so a
/// 1-block file size limit stops the write).
fn fmt_file(dir: &Path) -> (PathBuf, String) {
    let mut text = "# 手工维护的项目文件\n".repeat(60);
    text += "[[indicators]]\nid = \"a\"\ntarget = \"大于等于５次\"\n";
    let path = dir.join("p.toml");
    std::fs::write(&path, &text).expect("write");
    (path, text)
}

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Entries of `dir` whose name marks a temporary file or folder.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".old"))
        .collect()
}

/// 15.1, deterministically: the other program appends after the new copy is synced, just
/// before the rename; the replacement is refused and the appended rows stay.
#[test]
fn a_write_after_the_read_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, original) = fmt_file(dir.path());
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let appended = "\n[[indicators]]\nid = \"b\"\ntarget = \"≥6次\"\n";
    let expected = Expected {
        content: original.as_bytes(),
        modified,
    };
    let result = replace(&path, b"formatted", Some(expected), &mut || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open");
        f.write_all(appended.as_bytes()).expect("append");
    });
    let err = result.expect_err("refused");
    assert!(err.to_string().contains("被其他程序修改"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        original.clone() + appended
    );
    assert!(temporaries(dir.path()).is_empty());
    // Nothing in between: replaced.
    let both = original.clone() + appended;
    let expected = Expected {
        content: both.as_bytes(),
        modified: std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
    };
    replace(&path, b"formatted", Some(expected), &mut || ()).expect("replaced");
    assert_eq!(std::fs::read(&path).expect("read"), b"formatted");
}

/// 15.1 through the command: `fmt` waits at its last check on a FIFO (the test hook), the
/// test appends to the file there, and `fmt` must refuse with exit 2.
#[cfg(target_os = "linux")]
#[test]
fn fmt_refuses_a_file_appended_to_while_it_ran() {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, original) = fmt_file(dir.path());
    let fifo = dir.path().join("hook");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo")
        .success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["fmt", s(&path)])
        // Messages in the default language (Chinese), whatever the locale running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("JIXIAO_TEST_BEFORE_RENAME", &fifo)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Opening for writing without blocking succeeds only once fmt has opened the FIFO for
    // reading, i.e. reached the hook; fmt then waits until this end is closed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let hook = loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
        {
            Ok(f) => break f,
            Err(_) if std::time::Instant::now() < deadline => {
                assert!(
                    child.try_wait().expect("wait").is_none(),
                    "fmt ended without reaching the hook"
                );
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(e) => panic!("fmt never reached the hook: {e}"),
        }
    };
    let appended = "[[indicators]]\nid = \"b\"\ntarget = \"≥6次\"\n";
    std::fs::write(&path, original.clone() + appended).expect("append");
    drop(hook);
    let out = child.wait_with_output().expect("fmt ends");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("被其他程序改动；没有写入任何内容"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        original + appended
    );
    assert!(temporaries(dir.path()).is_empty());
}

/// 15.5: mode kept, read-only and hard-linked files refused (cases in
/// `reliability_writes/fmt_metadata.csv`).
#[test]
fn fmt_keeps_metadata_or_refuses() {
    let cases =
        std::fs::read_to_string("tests/reliability_writes/fmt_metadata.csv").expect("cases");
    for line in cases.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [case, mode, links, exit, mode_after, content_after, message] = f[..] else {
            panic!("bad case line `{line}`");
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let (path, original) = fmt_file(dir.path());
        let mode = u32::from_str_radix(mode, 8).expect("mode");
        if links == "2" {
            std::fs::hard_link(&path, dir.path().join("other-name.toml")).expect("link");
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        let out = jixiao(&["fmt", s(&path)]);
        assert_eq!(
            out.status.code(),
            Some(exit.parse().expect("exit")),
            "{case}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(message), "{case}: {}", stderr(&out));
        let m = std::fs::metadata(&path).expect("stat");
        assert_eq!(format!("{:04o}", m.mode() & 0o7777), mode_after, "{case}");
        let text = std::fs::read_to_string(&path).expect("read");
        match content_after {
            "rewritten" => assert!(text.contains("target = \"大于等于5次\""), "{case}"),
            _ => assert_eq!(text, original, "{case}"),
        }
        if links == "2" {
            let other = std::fs::read_to_string(dir.path().join("other-name.toml")).expect("read");
            assert_eq!(other, text, "{case}: the names still share one content");
        }
        assert!(temporaries(dir.path()).is_empty(), "{case}");
    }
}

/// 15.5: the owner stays (only root may give a file away, so only checked as root).
#[test]
fn fmt_and_o_keep_the_owner() {
    if euid() != 0 {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = fmt_file(dir.path());
    std::os::unix::fs::chown(&path, Some(4321), Some(4322)).expect("chown");
    let out = jixiao(&["fmt", s(&path)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = std::fs::metadata(&path).expect("stat");
    assert_eq!((m.uid(), m.gid()), (4321, 4322));
    let report = dir.path().join("r.json");
    std::fs::write(&report, "old").expect("write");
    std::os::unix::fs::chown(&report, Some(4321), Some(4322)).expect("chown");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = jixiao(&["score", SEED_FOLDER, "--format", "json", "-o", s(&report)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = std::fs::metadata(&report).expect("stat");
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (4321, 4322, 0o600));
}

/// The effective user: `/proc/self` belongs to it.
fn euid() -> u32 {
    std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(u32::MAX)
}

/// 15.20: a write that fails (here the file size limit, as a full disk would) exits 2 and
/// leaves the file and no temporary file behind.
#[test]
fn fmt_exits_2_when_the_write_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, original) = fmt_file(dir.path());
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" fmt \"$1\"")
        .arg(env!("CARGO_BIN_EXE_jixiao"))
        .arg(&path)
        // Messages in the default language (Chinese), whatever the locale running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("无法写入"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), original);
    assert!(temporaries(dir.path()).is_empty());
}

/// 15.22: a 250-byte output name works (the temporary name stays under 255 bytes), and
/// `import -o /dev/full` says what `/dev/full` is.
#[test]
fn long_output_names_and_honest_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("{}.json", "自评".repeat(40) + &"x".repeat(5)); // 250 bytes
    assert_eq!(name.len(), 250);
    let out_path = dir.path().join(&name);
    for _ in 0..2 {
        let out = jixiao(&["score", SEED_FOLDER, "--format", "json", "-o", s(&out_path)]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert!(std::fs::read(&out_path).expect("written").starts_with(b"{"));
    assert!(temporaries(dir.path()).is_empty());

    let out = jixiao(&["import", SEED_TXT, "-o", "/dev/full"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains("File exists"), "{err}");
    assert!(
        err.contains("设备文件") && err.contains("不是文件夹"),
        "{err}"
    );
}

/// Every file under `dir`: path inside it → bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).expect("inside").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The seed source with every project code changed: every project file gets a new name.
fn changed_source(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(SEED_TXT).expect("seed");
    let path = dir.join("changed.txt");
    std::fs::write(&path, text.replace("13028122P", "13028122Q")).expect("write");
    path
}

/// 15.2 / 16.9: the seed folder imports over itself as a no-op; hand edits and stale
/// project files are listed and kept unless `--force`; `--dry-run` writes nothing; the
/// hand-added `actuals.toml` is carried over.
#[test]
fn reimport_is_a_transaction_that_keeps_hand_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dept");
    let o = s(&out);
    let first = jixiao(&["import", SEED_TXT, "-o", o]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    std::fs::write(out.join("actuals.toml"), "# 手工填写\n").expect("actuals");
    let before = tree(&out);
    let again = jixiao(&["import", SEED_TXT, "-o", o]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("未写入任何内容"),
        "{}",
        stderr(&again)
    );
    assert_eq!(tree(&out), before);

    // A hand edit and a stale project file.
    let edited = out.join("projects/01-13028122P00306510001A.toml");
    let hand = std::fs::read_to_string(&edited).expect("read") + "# 手工修改\n";
    std::fs::write(&edited, &hand).expect("edit");
    std::fs::write(out.join("projects/99-old.toml"), "code = \"old\"\n").expect("stale");
    let edited_tree = tree(&out);
    let refused = jixiao(&["import", SEED_TXT, "-o", o]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    let err = stderr(&refused);
    assert!(
        err.contains("修改  ") && err.contains("01-13028122P00306510001A.toml"),
        "{err}"
    );
    assert!(
        err.contains("删除  ") && err.contains("99-old.toml"),
        "{err}"
    );
    assert_eq!(tree(&out), edited_tree, "nothing written");

    let dry = jixiao(&["import", SEED_TXT, "-o", o, "--dry-run", "--force"]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    let listing = String::from_utf8_lossy(&dry.stdout);
    assert!(
        listing.contains("修改  ") && listing.contains("不变  ") && listing.contains("删除  "),
        "{listing}"
    );
    assert!(stderr(&dry).contains("新文件可以加载"), "{}", stderr(&dry));
    assert_eq!(tree(&out), edited_tree, "a dry run writes nothing");

    let forced = jixiao(&["import", SEED_TXT, "-o", o, "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(
        tree(&out),
        before,
        "the import's files, and actuals.toml carried over"
    );
    assert!(temporaries(dir.path()).is_empty());

    // A folder with files but no department.toml is not taken over without --force.
    let foreign = dir.path().join("home");
    std::fs::create_dir(&foreign).expect("mkdir");
    std::fs::write(foreign.join("notes.txt"), "mine").expect("write");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&foreign)]);
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("没有 department.toml"),
        "{}",
        stderr(&r)
    );
    assert!(!foreign.join("department.toml").exists());

    // Missing parent folders are created, as before.
    let nested = dir.path().join("a/b/dept");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&nested)]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(nested.join("department.toml").is_file());

    // The committed seed folder imports over a copy of itself without a change.
    let seed_copy = dir.path().join("seed");
    std::fs::create_dir(&seed_copy).expect("mkdir");
    let cp = Command::new("cp")
        .arg("-a")
        .arg(format!("{SEED_FOLDER}/."))
        .arg(&seed_copy)
        .status();
    assert!(cp.expect("cp").success());
    let seed_before = tree(&seed_copy);
    let over = jixiao(&["import", SEED_TXT, "-o", s(&seed_copy)]);
    assert_eq!(over.status.code(), Some(0), "{}", stderr(&over));
    assert_eq!(tree(&seed_copy), seed_before);
}

/// 15.2 and point 6: kill -9 at 30 moments of a re-import (the test pause makes the build
/// last a while); the folder is always the complete old or the complete new one, loads,
/// keeps `actuals.toml`, and the next run removes what the killed ones left.
#[test]
fn kill_9_during_a_reimport_leaves_old_or_new() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dept");
    let o = s(&out);
    let changed = changed_source(dir.path());
    let sources = [PathBuf::from(SEED_TXT), changed];
    let mut trees = Vec::new();
    for src in &sources {
        let r = jixiao(&["import", s(src), "-o", o, "--force"]);
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
        std::fs::write(out.join("actuals.toml"), "# 手工填写\n").expect("actuals");
        trees.push(tree(&out));
    }
    assert_ne!(trees[0], trees[1]);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut outcomes = [0usize; 2];
    for run in 0..30 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = std::time::Duration::from_millis((seed >> 33) % 400);
        let src = &sources[run % 2];
        let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["import", s(src), "-o", o, "--force"])
            .env("JIXIAO_TEST_PAUSE_MS", "10")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out);
        let which = trees.iter().position(|t| *t == now);
        let Some(which) = which else {
            panic!(
                "run {run} (killed after {delay:?}) left a mixed folder: {:?}",
                now.keys().collect::<Vec<_>>()
            );
        };
        outcomes[which] += 1;
        assert!(
            jixiao::scorecard::load::load_department(&out).is_ok(),
            "run {run}"
        );
    }
    let clean = jixiao(&["import", SEED_TXT, "-o", o, "--force"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert_eq!(tree(&out), trees[0]);
    assert!(
        temporaries(dir.path()).is_empty(),
        "{:?}",
        temporaries(dir.path())
    );
    eprintln!("old/new after kill: {outcomes:?}");
}

/// What a killed run leaves is a hidden sibling: never a department of a region, never a
/// project of the folder, and removed by the next import.
#[test]
fn leftovers_are_ignored_then_removed() {
    let region = tempfile::tempdir().expect("temp dir");
    let out = region.path().join("dept");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out)]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    // A leftover of a run (process 999999999 does not exist) holding a whole folder.
    let leftover = region.path().join(".dept.999999999.tmp");
    let cp = Command::new("cp")
        .arg("-a")
        .arg(&out)
        .arg(&leftover)
        .status();
    assert!(cp.expect("cp").success());
    let check = jixiao(&["check", s(region.path())]);
    let text = String::from_utf8_lossy(&check.stdout).into_owned() + &stderr(&check);
    assert!(!text.contains(".dept.999999999.tmp"), "{text}");
    // A dry run leaves it; an import with nothing to write removes it.
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out), "--dry-run"]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(leftover.exists());
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out)]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(stderr(&r).contains("未写入任何内容"), "{}", stderr(&r));
    assert!(!leftover.exists());
}

/// `-o` over an existing output: refused if another program writes it meanwhile (size and
/// times compared after the sync), or if it is read-only.
#[test]
fn o_outputs_are_checked_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.json");
    std::fs::write(&path, "previous").expect("write");
    let err = replace(&path, b"new report", None, &mut || {
        std::fs::write(&path, "written by someone else meanwhile").expect("write");
    })
    .expect_err("refused");
    assert!(err.to_string().contains("被其他程序修改"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "written by someone else meanwhile"
    );
    // A file created meanwhile where there was none is not replaced either.
    let fresh = dir.path().join("fresh.json");
    replace(&fresh, b"{}", None, &mut || {
        std::fs::write(&fresh, "theirs").expect("write");
    })
    .expect_err("refused");
    assert_eq!(std::fs::read_to_string(&fresh).expect("read"), "theirs");
    assert!(temporaries(dir.path()).is_empty());

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = jixiao(&["score", SEED_FOLDER, "--format", "json", "-o", s(&path)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("只读"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "written by someone else meanwhile"
    );
}

/// A re-import keeps the folder's and each rewritten file's mode, and (as root) owner, so
/// the people who edited the folder still can.
#[test]
fn reimport_keeps_modes_and_owners() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dept");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out)]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let project = out.join("projects/02-13028122P00263410001T.toml");
    let edited = out.join("projects/01-13028122P00306510001A.toml");
    std::fs::write(&edited, "hand edit").expect("edit");
    let root = euid() == 0;
    for p in [&out, &project] {
        if root {
            std::os::unix::fs::chown(p, Some(4321), Some(4322)).expect("chown");
        }
    }
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o750)).expect("chmod");
    std::fs::set_permissions(&project, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out), "--force"]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert_ne!(std::fs::read_to_string(&edited).expect("read"), "hand edit");
    let (d, p) = (
        std::fs::metadata(&out).expect("stat"),
        std::fs::metadata(&project).expect("stat"),
    );
    assert_eq!((d.mode() & 0o777, p.mode() & 0o777), (0o750, 0o600));
    if root {
        assert_eq!(
            (d.uid(), d.gid(), p.uid(), p.gid()),
            (4321, 4322, 4321, 4322)
        );
    }
}

/// A write that fails in the middle of a re-import (here the file size limit, as a full
/// disk would) says so, exits 2, and leaves the old folder complete with no leftovers.
#[test]
fn a_failed_reimport_leaves_the_old_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dept");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out)]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let before = tree(&out);
    let changed = changed_source(dir.path());
    let r = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" import \"$1\" -o \"$2\" --force")
        .arg(env!("CARGO_BIN_EXE_jixiao"))
        .arg(&changed)
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(stderr(&r).contains("File too large"), "{}", stderr(&r));
    assert!(stderr(&r).contains("保持原样"), "{}", stderr(&r));
    assert_eq!(tree(&out), before);
    assert!(temporaries(dir.path()).is_empty());
}

/// 15.1 as reported: a program writes half a file, pauses with the file still open, and
/// writes the rest. `fmt` running in the pause must not rename its copy of the half over it
/// (the rest would go to a file without a name); it refuses, and the whole file arrives.
#[cfg(target_os = "linux")]
#[test]
fn fmt_leaves_a_file_another_program_is_writing() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, original) = fmt_file(dir.path());
    let mut writer = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open");
    writer
        .write_all(b"[[indicators]]\nid = \"b\"\n")
        .expect("first half");
    let out = jixiao(&["fmt", s(&path)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("另一个程序正打开"),
        "{}",
        stderr(&out)
    );
    writer
        .write_all(b"target = \"\xe2\x89\xa56\xe6\xac\xa1\"\n")
        .expect("second half");
    drop(writer);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        original + "[[indicators]]\nid = \"b\"\ntarget = \"≥6次\"\n"
    );
    // Closed: formatted.
    let out = jixiao(&["fmt", s(&path)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(temporaries(dir.path()).is_empty());
}

/// A re-import does not swap out a file another program is still writing.
#[cfg(target_os = "linux")]
#[test]
fn reimport_waits_for_a_file_being_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dept");
    let r = jixiao(&["import", SEED_TXT, "-o", s(&out)]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let before = tree(&out);
    let writer = std::fs::OpenOptions::new()
        .append(true)
        .open(out.join("department.toml"))
        .expect("open");
    let changed = changed_source(dir.path());
    let r = jixiao(&["import", s(&changed), "-o", s(&out), "--force"]);
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(stderr(&r).contains("另一个程序正打开"), "{}", stderr(&r));
    assert_eq!(tree(&out), before);
    drop(writer);
    let r = jixiao(&["import", s(&changed), "-o", s(&out), "--force"]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(temporaries(dir.path()).is_empty());
}
