//! Importing the seed (遵化市司法局 2022): the committed folder is exactly what import
//! writes, the facts of the document come out right, and `.docx` imports the same.

use jixiao::scorecard::import::{import_bytes, import_file, import_text, NoteLevel};
use jixiao::scorecard::load::load_department;
use jixiao::scorecard::write::{folder_files, write_folder};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const SEED: &str = "tests/fixtures/zunhua-sfj-2022.txt";
const DOCX: &str = "tests/fixtures/zunhua-sfj-2022.docx";
const FOLDER: &str = "scorecards/zunhua-sfj-2022";

/// Relative path → bytes of every file in a folder, minus hand-added example inputs.
fn read_tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("readable folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(root, &p, out);
                continue;
            }
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name == "actuals.toml" || (name.starts_with("spending-") && name.ends_with(".csv")) {
                continue;
            }
            let rel = p.strip_prefix(root).expect("inside root").to_path_buf();
            out.insert(rel, std::fs::read(&p).expect("readable file"));
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

fn import_seed() -> jixiao::scorecard::import::Imported {
    match import_file(Path::new(SEED), None) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn committed_folder_is_what_import_writes() {
    let imported = import_seed();
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(&imported.department, dir.path()).expect("written");
    let fresh = read_tree(dir.path());
    let committed = read_tree(Path::new(FOLDER));
    assert_eq!(
        fresh.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (rel, bytes) in &fresh {
        assert!(
            committed.get(rel) == Some(bytes),
            "{} differs; re-run `jixiao import {SEED} -o {FOLDER}`",
            rel.display()
        );
    }
    // Importing again writes the same bytes.
    let again = import_seed();
    assert_eq!(
        folder_files(&imported.department),
        folder_files(&again.department)
    );
}

#[test]
fn seed_facts() {
    let i = import_seed();
    let d = &i.department;
    assert_eq!(i.fiscal_year.year, 2022);
    assert_eq!(d.fiscal_year, 2022);
    assert_eq!(d.code, "315001");
    assert_eq!(d.name, "遵化市司法局");
    assert_eq!(d.units, vec!["315001遵化市司法局本级".to_string()]);
    assert_eq!(d.projects.len(), 14);
    let rows: usize = d.projects.iter().map(|p| p.indicators.len()).sum();
    assert_eq!(rows, 126);
    let total: Decimal = d.projects.iter().map(|p| p.budget).sum();
    assert_eq!(total, Decimal::from_str("346.15").expect("decimal"));
    assert_eq!(total.to_string(), "346.15");
    for p in &d.projects {
        let plan: Vec<(u8, String)> = p
            .spending_plan
            .iter()
            .map(|c| (c.month, c.share.to_string()))
            .collect();
        let want: Vec<(u8, String)> = [(3, "30"), (6, "60"), (10, "90"), (12, "100")]
            .iter()
            .map(|(m, s)| (*m, s.to_string()))
            .collect();
        assert_eq!(plan, want, "{}", p.code);
        assert_eq!(p.fiscal_funds, Some(p.budget), "{}", p.code);
        assert_eq!(p.other_funds, None, "{}", p.code);
        assert!(!p.goals.is_empty() && !p.purpose.is_empty(), "{}", p.code);
        let mut ids: Vec<&str> = p.indicators.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), p.indicators.len(), "unique ids in {}", p.code);
    }
    // Verbatim cells the fixtures README names.
    let p4 = &d.projects[3];
    assert!(p4
        .indicators
        .iter()
        .any(|i| i.target_text == "2022年12月底 "));
    let p14 = &d.projects[13];
    let levels: Vec<&str> = p14.indicators.iter().map(|i| i.level2.as_str()).collect();
    let soc = levels.iter().position(|l| *l == "社会效益指标");
    let eco = levels.iter().position(|l| *l == "经济效益指标");
    assert!(soc < eco, "project 14 keeps 社会效益 before 经济效益");
    assert!(p14
        .indicators
        .iter()
        .any(|i| i.description.ends_with("比率）")));
}

#[test]
fn department_indicators() {
    let d = import_seed().department;
    let got: Vec<(String, String, String, String, String)> = d
        .indicators
        .iter()
        .map(|i| {
            (
                i.area.clone().unwrap_or_default(),
                i.name.clone(),
                i.target_text.clone(),
                i.level1.clone(),
                i.level2.clone(),
            )
        })
        .collect();
    let want = [
        (
            "普法宣传",
            "《政法时空》栏目“以案释法”案例",
            "每月播放2期",
            "产出指标",
            "数量指标",
        ),
        (
            "普法宣传",
            "印制各种法律宣传资料数量",
            "大于等于2000份",
            "产出指标",
            "数量指标",
        ),
        (
            "普法宣传",
            "司法局组织对普法活动进行督导检查次数",
            "大于等于15次",
            "产出指标",
            "数量指标",
        ),
        (
            "普法宣传",
            "组织主题宣传活动",
            "12月底",
            "产出指标",
            "时效指标",
        ),
        (
            "普法宣传",
            "满意程度的比率",
            "大于等于80%",
            "满意度指标",
            "服务对象满意度指标",
        ),
        (
            "法律援助",
            "已年检律师、公证机构数量占应年检机构数量的比率",
            "大于等于95%",
            "产出指标",
            "质量指标",
        ),
        (
            "法律援助",
            "受援群众对法律援助工作的投诉率",
            "小于等于10%",
            "效益指标",
            "社会效益指标",
        ),
        (
            "法律援助",
            "为社会提供法律咨询服务数量",
            "大于等于80",
            "产出指标",
            "数量指标",
        ),
        (
            "人民调解和社区矫正",
            "组织对社区矫正法活动进行宣传次数",
            "大于等于2次",
            "产出指标",
            "数量指标",
        ),
        (
            "人民调解和社区矫正",
            "审前社会调查采纳情况",
            "大于等于90%",
            "产出指标",
            "质量指标",
        ),
        (
            "人民调解和社区矫正",
            "社区矫正人员在犯罪率",
            "比上年同期减少5%",
            "效益指标",
            "社会效益指标",
        ),
        (
            "人民调解和社区矫正",
            "审前社会调查满意度",
            "大于等于80%",
            "满意度指标",
            "服务对象满意度指标",
        ),
        (
            "法律服务体系建设",
            "法律援助年办案量",
            "增长10%以上",
            "效益指标",
            "社会效益指标",
        ),
        (
            "法律服务体系建设",
            "公证办证量",
            "年增长3%",
            "效益指标",
            "社会效益指标",
        ),
    ];
    let want: Vec<(String, String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d, e)| {
            (
                a.to_string(),
                b.to_string(),
                c.to_string(),
                d.to_string(),
                e.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
    // The 反向 mark stays in the description, where the direction rule looks for it.
    assert!(d.indicators[6].description.contains("（反向指标）"));
    let areas: Vec<&str> = d.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        areas,
        [
            "普法宣传",
            "法律援助",
            "人民调解和社区矫正",
            "法律服务体系建设"
        ]
    );
    assert!(d.goals.starts_with("（一）积极推进依法治市") && d.goals.lines().count() == 9);
    assert!(d.safeguards.starts_with("持续学习宣传贯彻") && d.safeguards.lines().count() == 3);
}

#[test]
fn nothing_is_dropped_silently() {
    let i = import_seed();
    assert!(!i.has_problems(), "{:?}", i.notes);
    // The repeats of 二.2 in 二.4 are said, with their line.
    let repeats: Vec<String> = i
        .notes
        .iter()
        .filter(|n| n.message.contains("重复出现"))
        .map(|n| n.loc.to_string())
        .collect();
    assert_eq!(
        repeats,
        ["第 21 行", "第 27 行", "第 27 行", "第 27 行", "第 27 行"]
    );
    assert!(i.notes.iter().all(|n| n.level == NoteLevel::Info));
    // A cell the importer cannot place is reported with its line.
    let seed = std::fs::read_to_string(SEED).expect("seed");
    let broken = seed.replacen("\t单位：万元\n", "\t单位：万元\n\t一个多余的单元格\n", 1);
    let j = import_text(&broken, None).expect("still usable");
    let p: Vec<String> = j
        .notes
        .iter()
        .filter(|n| n.level == NoteLevel::Problem)
        .map(|n| format!("{}: {}", n.loc, n.message))
        .collect();
    assert_eq!(
        p,
        ["第 40 行: 项目表中这个单元格无处放置：`一个多余的单元格`"]
    );
}

#[test]
fn docx_imports_the_same_files() {
    let text = import_seed();
    let bytes = std::fs::read(DOCX).expect("docx fixture");
    let docx = match import_bytes(Path::new(DOCX), &bytes, None) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(docx.fiscal_year.year, 2022);
    assert_eq!(
        folder_files(&docx.department),
        folder_files(&text.department)
    );
    // Its notes point at paragraphs and cells, not lines.
    assert!(docx
        .notes
        .iter()
        .any(|n| n.loc.to_string().ends_with(" 段")));
}

#[test]
fn fiscal_year_can_be_overridden() {
    let i = match import_file(Path::new(SEED), Some(2023)) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(i.department.fiscal_year, 2023);
    assert!(i.fiscal_year.how.contains("--fiscal-year"));
}

#[test]
fn unusable_inputs_are_errors_not_panics() {
    assert!(import_text("", None).is_err());
    assert!(import_text("只有一段文字\n", None).is_err());
    assert!(import_bytes(Path::new("x.docx"), b"PK\x03\x04garbage", None).is_err());
    assert!(import_bytes(Path::new("x.txt"), &[0xff, 0xfe, 0x00], None).is_err());
    let seed = std::fs::read_to_string(SEED).expect("seed");
    for (i, _) in seed.char_indices().step_by(97) {
        let _ = import_text(&seed[..i], None);
    }
    let docx = std::fs::read(DOCX).expect("docx");
    for n in (0..docx.len()).step_by(4099) {
        let _ = import_bytes(Path::new("cut.docx"), &docx[..n], None);
    }
}

#[test]
fn committed_folder_loads_without_errors() {
    let (d, warnings) = match load_department(Path::new(FOLDER)) {
        Ok(x) => x,
        Err(diags) => panic!("{}", jixiao::scorecard::render_file_diagnostics(&diags)),
    };
    assert!(warnings.is_empty());
    let imported = import_seed().department;
    assert_eq!(d.projects.len(), 14);
    assert_eq!(d.fiscal_year, 2022);
    assert_eq!(d.goals, imported.goals);
    assert_eq!(d.safeguards, imported.safeguards);
    assert_eq!(d.areas, imported.areas);
    assert_eq!(d.indicators.len(), imported.indicators.len());
    for (a, b) in d.projects.iter().zip(&imported.projects) {
        assert_eq!(
            (&a.code, &a.name, &a.budget, &a.goals, &a.purpose),
            (&b.code, &b.name, &b.budget, &b.goals, &b.purpose)
        );
        assert_eq!(a.spending_plan, b.spending_plan);
        for (x, y) in a.indicators.iter().zip(&b.indicators) {
            assert_eq!(
                (
                    &x.id,
                    &x.level1,
                    &x.level2,
                    &x.name,
                    &x.description,
                    &x.target_text,
                    &x.basis
                ),
                (
                    &y.id,
                    &y.level1,
                    &y.level2,
                    &y.name,
                    &y.description,
                    &y.target_text,
                    &y.basis
                )
            );
        }
    }
    // Every target parses, and each origin points at the target's text in its file.
    for p in &d.projects {
        let src = std::fs::read_to_string(&p.file).expect("project file");
        for i in &p.indicators {
            assert!(
                i.target.is_some(),
                "{} {} `{}`",
                p.code,
                i.id,
                i.target_text
            );
            assert_eq!(&src[i.origin.start..i.origin.end], i.target_text);
        }
    }
    for i in &d.indicators {
        assert!(
            i.target.is_some(),
            "department {} `{}`",
            i.id,
            i.target_text
        );
    }
}

#[test]
fn snapshot_of_one_project_file() {
    let text = std::fs::read_to_string(format!("{FOLDER}/projects/04-13028122P002630100014.toml"))
        .expect("project 4");
    insta::assert_snapshot!(text);
}
