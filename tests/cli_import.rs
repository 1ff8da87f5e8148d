//! `jixiao import` exit codes: 0 ok, 1 problems reported, 2 unusable input.

mod common;

fn jixiao(args: &[&str]) -> (i32, String) {
    let out = common::jixiao().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let out = out.to_str().expect("utf-8 path");
    let (code, err) = jixiao(&["import", "tests/fixtures/zunhua-sfj-2022.txt", "-o", out]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("预算年度 2022"), "{err}");
    assert!(
        err.contains("14 个项目文件，126 行指标，预算合计 346.15 万元"),
        "{err}"
    );

    let (code, err) = jixiao(&["import", "tests/fixtures/zunhua-sfj-2022.docx", "-o", out]);
    assert_eq!(code, 0, "{err}");

    let seed = std::fs::read_to_string("tests/fixtures/zunhua-sfj-2022.txt").expect("seed");
    let broken = dir.path().join("broken.txt");
    std::fs::write(
        &broken,
        seed.replacen("\t单位：万元\n", "\t单位：万元\n\t多余\n", 1),
    )
    .expect("write");
    let (code, err) = jixiao(&["import", broken.to_str().expect("utf-8"), "-o", out]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("broken.txt: 第 40 行"), "{err}");

    let (code, _) = jixiao(&["import", "no/such/file.txt", "-o", out]);
    assert_eq!(code, 2);
    let (code, _) = jixiao(&["import", "Cargo.toml", "-o", out]);
    assert_eq!(code, 2);
}
