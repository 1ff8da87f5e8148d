//! Actuals sheets typed by a person (README, `score`): CSV rows named by 项目编码 + 二级指标 +
//! 三级指标 instead of 指标编码, read against the scorecard exactly as the id-keyed rows.

use jixiao::actuals::{load_actuals_for, parse_actuals_csv};
use jixiao::scorecard::load::load_department;
use std::path::Path;

const SEED: &str = "scorecards/zunhua-sfj-2022";

/// The messages quoted below are the English ones (`--lang en`); the codes are the same
/// in both languages.
fn english() {
    jixiao::i18n::set(jixiao::i18n::Lang::En);
}

fn dept() -> jixiao::scorecard::Department {
    english();
    match load_department(Path::new(SEED)) {
        Ok((d, _)) => d,
        Err(d) => panic!("{}", jixiao::scorecard::render_file_diagnostics(&d)),
    }
}

#[test]
fn rows_named_by_level2_and_name_read_as_their_ids() {
    let d = dept();
    let a = match load_actuals_for(Path::new("tests/cases/actuals-by-name.csv"), &d) {
        Ok(a) => a,
        Err(e) => panic!("{}", jixiao::scorecard::render_file_diagnostics(&e)),
    };
    let p1 = &a.projects["13028122P00306510001A"];
    assert_eq!(p1.spent.map(|s| s.to_string()).as_deref(), Some("9.86"));
    assert_eq!(p1.summary.as_deref(), Some("按计划完成年度化解任务"));
    assert_eq!(p1.rows["qty1"].actual.as_deref(), Some("4个"));
    // Spaces typed inside a name do not make it another name.
    assert_eq!(p1.rows["qlt1"].actual.as_deref(), Some("65%"));
    assert_eq!(
        p1.rows["qlt1"].reason.as_deref(),
        Some("部分案件当事人诉求复杂")
    );
    // Two rows share the name 社会稳定水平; the 二级指标 picks one.
    let p10 = &a.projects["13028122P00306410001L"];
    assert_eq!(p10.rows.keys().collect::<Vec<_>>(), ["soc1"]);
    // An empty 项目编码 is the department's own indicator.
    assert_eq!(a.department["qty2"].actual.as_deref(), Some("2300份"));
    assert!(a.unknown_keys(&d).is_empty());
}

#[test]
fn unresolvable_names_are_errors_at_their_line() {
    let d = dept();
    let path = Path::new("tests/cases/actuals-by-name-broken.csv");
    let Err(diags) = load_actuals_for(path, &d) else {
        panic!("the broken sheet must not load");
    };
    let shown: Vec<(String, usize, String)> = diags
        .iter()
        .map(|f| {
            let (line, _) = f.line_col();
            (
                f.diagnostic.code.to_string(),
                line,
                f.diagnostic.message.clone(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("actuals::csv-ambiguous".to_string(), 2, "the key `社会稳定水平` matches 2 indicators in project `13028122P00306410001L` (soc1, env1)".to_string()),
            ("actuals::csv-key".to_string(), 3, "no indicator `数量指标 / 论文数量` in project `13028122P00306510001A`".to_string()),
            ("actuals::csv-key".to_string(), 4, "no project has the code `13028122P99999999999X`".to_string()),
            ("actuals::csv-key".to_string(), 5, "this row has a value but no 三级指标".to_string()),
        ]
    );
}

/// Without the scorecard (a sheet read on its own) a named row cannot be resolved: it says
/// so instead of guessing.
#[test]
fn named_rows_need_the_scorecard() {
    english();
    let text = std::fs::read_to_string("tests/cases/actuals-by-name.csv").unwrap_or_default();
    let Err(diags) = parse_actuals_csv(Path::new("a.csv"), &text, "315001") else {
        panic!("must not load without the scorecard");
    };
    assert!(diags.iter().any(|d| d
        .diagnostic
        .message
        .contains("can only be read with the scorecard")));
}
