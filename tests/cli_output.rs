//! Writing output through the binary: a closed pipe or a full disk on stdout is never a
//! panic; `-o` never overwrites an input; `-o` follows a symbolic link to its target and
//! writes a device directly instead of renaming a file over it.

mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scorecards/zunhua-sfj-2022")
}

/// Messages in the default language (Chinese), whatever the locale running the tests.
fn jixiao() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

fn run(args: &[&str]) -> Output {
    jixiao().args(args).output().expect("run jixiao")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of the seed department in a temp dir (`d1/`), to try overwriting.
fn department() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d1 = tmp.path().join("d1");
    copy_dir(&seed(), &d1);
    (tmp, d1)
}

/// Every file under `dir` with its bytes, to prove nothing was rewritten.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(contents(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).expect("read")));
        }
    }
    out.sort();
    out
}

/// Commands that write to stdout, each with enough output to hit a write.
fn stdout_commands() -> Vec<Vec<String>> {
    let s = seed().display().to_string();
    let cases = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("scorecards/policies/default.cases.toml")
        .display()
        .to_string();
    let spending = seed().join("spending-2022-06.csv").display().to_string();
    let v = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        v(&["score", &s]),
        v(&["score", &s, "--format", "json"]),
        v(&["score", &s, "--format", "markdown"]),
        v(&["score", &s, "--format", "html"]),
        v(&["score", &s, "--format", "csv"]),
        v(&["parse", "≥2000份", "2022年12月底前"]),
        v(&["parse", "≥2000份", "--format", "json"]),
        v(&["eval", "≥2000份", "1800份"]),
        v(&["eval", "≥2000份", "1800份", "--format", "json"]),
        v(&["check", &s]),
        v(&["check", &s, "--format", "json"]),
        v(&["template", &s]),
        v(&["template", &s, "--format", "csv"]),
        v(&["snapshot", &s]),
        v(&["explain", &s, "--project", "13028122P00306510001A"]),
        v(&[
            "monitor",
            &s,
            "--spending",
            &spending,
            "--as-of",
            "2022-06-30",
        ]),
        v(&["test", &cases]),
        v(&["--help"]),
    ]
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    for args in stdout_commands() {
        // The reading end is closed before the command starts: its first write fails.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = jixiao()
            .args(&args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run jixiao");
        let err = stderr(&out);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "jixiao {args:?}: {err}"
        );
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::process::ExitStatusExt;
            // SIGPIPE (13), as `cat` or `grep` end; a shell shows status 141.
            assert_eq!(
                out.status.signal(),
                Some(13),
                "jixiao {args:?}: {:?}",
                out.status
            );
        }
        #[cfg(not(target_os = "linux"))]
        assert_ne!(out.status.code(), Some(101), "jixiao {args:?}");
    }
}

#[test]
fn a_full_disk_on_stdout_is_one_line_and_exit_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full here; skipped");
        return;
    };
    for args in stdout_commands() {
        let out = jixiao()
            .args(&args)
            .stdout(full.try_clone().expect("dup /dev/full"))
            .output()
            .expect("run jixiao");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "jixiao {args:?}: {err}");
        assert!(
            err.contains("错误：无法写入标准输出") && !err.contains("panicked"),
            "jixiao {args:?}: {err}"
        );
    }
}

#[test]
fn an_unwritable_stderr_is_no_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    // A folder that does not exist: the command only has an error to say.
    let out = jixiao()
        .args(["score", "/nonexistent/jixiao-folder"])
        .stderr(full)
        .output()
        .expect("run jixiao");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn o_never_overwrites_an_input() {
    let (tmp, d1) = department();
    let policy = tmp.path().join("policy.toml");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scorecards/policies/default.toml"),
        &policy,
    )
    .expect("policy");
    let csv = tmp.path().join("filled.csv");
    let t = run(&["template", &d1.display().to_string(), "--format", "csv"]);
    std::fs::write(&csv, &t.stdout).expect("csv");
    let project = std::fs::read_dir(d1.join("projects"))
        .expect("projects")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .min()
        .expect("a project file");
    // A symbolic link and a hard link to inputs, under other names.
    let link = tmp.path().join("link.toml");
    let hard = tmp.path().join("hard.toml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d1.join("actuals.toml"), &link).expect("symlink");
    std::fs::hard_link(d1.join("department.toml"), &hard).expect("hard link");
    // A region holding d1, for `score REGION -o`.
    let region = tmp.path().join("region");
    copy_dir(&d1, &region.join("d1"));
    // `region2` holds d1 itself, through a symbolic link to its folder.
    let region2 = tmp.path().join("region2");
    std::fs::create_dir_all(&region2).expect("region2");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&d1, region2.join("d1")).expect("symlink");

    let before = (
        contents(tmp.path()),
        std::fs::read(&policy).expect("policy"),
    );
    let p = |x: &Path| x.display().to_string();
    let (d, act, dep, prj) = (
        p(&d1),
        p(&d1.join("actuals.toml")),
        p(&d1.join("department.toml")),
        p(&project),
    );
    let mut cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["score".into(), d.clone(), "-o".into(), act.clone()],
            act.clone(),
        ),
        (
            vec![
                "score".into(),
                d.clone(),
                "-o".into(),
                prj.clone(),
                "--format".into(),
                "json".into(),
            ],
            prj.clone(),
        ),
        (
            vec!["score".into(), d.clone(), "-o".into(), dep.clone()],
            dep.clone(),
        ),
        (
            vec![
                "score".into(),
                d.clone(),
                "--actuals".into(),
                p(&csv),
                "-o".into(),
                p(&csv),
            ],
            p(&csv),
        ),
        (
            vec![
                "score".into(),
                d.clone(),
                "--policy".into(),
                p(&policy),
                "-o".into(),
                p(&policy),
            ],
            p(&policy),
        ),
        (
            vec![
                "score".into(),
                d.clone(),
                "--format".into(),
                "xlsx".into(),
                "-o".into(),
                act.clone(),
            ],
            act.clone(),
        ),
        (
            vec!["score".into(), d.clone(), "-o".into(), p(&hard)],
            dep.clone(),
        ),
        (
            vec!["template".into(), d.clone(), "-o".into(), act.clone()],
            act.clone(),
        ),
        (
            vec![
                "template".into(),
                d.clone(),
                "--format".into(),
                "csv".into(),
                "-o".into(),
                prj.clone(),
            ],
            prj.clone(),
        ),
        (
            vec![
                "template".into(),
                d.clone(),
                "--format".into(),
                "xlsx".into(),
                "-o".into(),
                dep.clone(),
            ],
            dep.clone(),
        ),
        (
            vec!["snapshot".into(), d.clone(), "-o".into(), act.clone()],
            act.clone(),
        ),
        (
            vec![
                "score".into(),
                p(&region),
                "-o".into(),
                p(&region.join("d1/actuals.toml")),
            ],
            p(&region.join("d1/actuals.toml")),
        ),
    ];
    #[cfg(unix)]
    cases.push((
        vec!["score".into(), d.clone(), "-o".into(), p(&link)],
        act.clone(),
    ));
    // A region: a project file of a department, the links to d1's files (d1 is also a
    // department of `region2`, through a symbolic link to its folder), and a hard link.
    let region_prj = region
        .join("d1/projects")
        .join(Path::new(&prj).file_name().expect("name"));
    cases.push((
        vec!["score".into(), p(&region), "-o".into(), p(&region_prj)],
        p(&region_prj),
    ));
    #[cfg(unix)]
    {
        for (out, input) in [
            (p(&link), p(&region2.join("d1/actuals.toml"))),
            (p(&hard), p(&region2.join("d1/department.toml"))),
            (act.clone(), p(&region2.join("d1/actuals.toml"))),
        ] {
            cases.push((vec!["score".into(), p(&region2), "-o".into(), out], input));
        }
    }
    for (args, input) in &cases {
        let out = jixiao().args(args).output().expect("run jixiao");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "jixiao {args:?}: {err}");
        assert!(
            err.contains(&format!("会覆盖输入文件 `{input}`")) && err.contains("请写到别的路径"),
            "jixiao {args:?}: {err}"
        );
    }
    // `import` writes department.toml and projects/*.toml: a source among them is refused.
    let src = d1.join("projects").join("source.toml");
    std::fs::write(&src, "not really a 绩效目标表\n").expect("source");
    let before_import = contents(tmp.path());
    let out = run(&["import", &p(&src), "-o", &d]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("会覆盖源文件"), "{}", stderr(&out));
    assert_eq!(contents(tmp.path()), before_import);
    std::fs::remove_file(&src).expect("remove source");

    assert_eq!(
        (
            contents(tmp.path()),
            std::fs::read(&policy).expect("policy")
        ),
        before,
        "an input was rewritten"
    );
    // Another path in the same folder is fine.
    let out = run(&["score", &d, "-o", &p(&d1.join("report.txt"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn o_through_a_symbolic_link_replaces_its_target_and_keeps_the_link() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let real = tmp.path().join("real.txt");
    let link = tmp.path().join("link.txt");
    std::fs::write(&real, "old\n").expect("real");
    std::os::unix::fs::symlink("real.txt", &link).expect("symlink");
    let s = seed().display().to_string();
    let out = run(&["snapshot", &s, "-o", &link.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(
        meta.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let expected = run(&["snapshot", &s]).stdout;
    assert_eq!(std::fs::read(&real).expect("real"), expected);
    // A dangling link: the file it names is created.
    let dangling = tmp.path().join("dangling.txt");
    std::os::unix::fs::symlink("made.txt", &dangling).expect("symlink");
    let out = run(&[
        "score",
        &s,
        "--format",
        "json",
        "-o",
        &dangling.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&dangling)
        .expect("link")
        .file_type()
        .is_symlink());
    assert!(std::fs::read(tmp.path().join("made.txt"))
        .expect("made")
        .starts_with(b"{"));
    // A region's streamed output too.
    let region = tmp.path().join("region");
    copy_dir(&seed(), &region.join("a"));
    std::fs::write(&real, "old\n").expect("real");
    let out = run(&[
        "score",
        &region.display().to_string(),
        "--format",
        "csv",
        "-o",
        &link.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    // A CSV file gets the byte-order mark Excel needs, like a department's.
    assert!(std::fs::read(&real)
        .expect("real")
        .starts_with(b"\xEF\xBB\xBFdepartment"));
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("read_dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `-o /dev/null` writes the device, never renames a file over it. Only where /dev/null is
/// the Linux character device; the commands would fail rather than rename (not root) or
/// succeed through a direct write (root), and the device is checked after each.
#[cfg(target_os = "linux")]
#[test]
fn o_to_a_device_writes_it_directly() {
    use std::os::unix::fs::FileTypeExt;
    let null = Path::new("/dev/null");
    let is_char_device =
        |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_char_device());
    if !is_char_device(null) {
        eprintln!("/dev/null is not a character device here; skipped");
        return;
    }
    let s = seed().display().to_string();
    let region = tempfile::tempdir().expect("temp dir");
    copy_dir(&seed(), &region.path().join("a"));
    let r = region.path().display().to_string();
    for args in [
        vec!["score", &s, "-o", "/dev/null"],
        vec!["score", &s, "--format", "xlsx", "-o", "/dev/null"],
        vec!["template", &s, "-o", "/dev/null"],
        vec!["template", &s, "--format", "xlsx", "-o", "/dev/null"],
        vec!["snapshot", &s, "-o", "/dev/null"],
        vec!["score", &r, "--format", "json", "-o", "/dev/null"],
    ] {
        let out = run(&args);
        assert!(is_char_device(null), "jixiao {args:?} replaced /dev/null");
        assert_eq!(
            out.status.code(),
            Some(0),
            "jixiao {args:?}: {}",
            stderr(&out)
        );
    }
    // A full device: exit 2 with the error, the device untouched.
    if is_char_device(Path::new("/dev/full")) {
        for args in [
            vec!["score", &s, "-o", "/dev/full"],
            vec!["score", &r, "-o", "/dev/full"],
        ] {
            let out = run(&args);
            assert!(is_char_device(Path::new("/dev/full")));
            assert_eq!(out.status.code(), Some(2), "jixiao {args:?}");
            assert!(
                stderr(&out).contains("无法写入 `/dev/full`"),
                "{}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn o_to_a_folder_is_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = run(&[
        "snapshot",
        &seed().display().to_string(),
        "-o",
        &tmp.path().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("这是文件夹"), "{}", stderr(&out));
}
