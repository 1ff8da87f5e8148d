//! A hand-written project file loads into the model with exact decimals and target origins.

use jixiao::scorecard::load::load_project_str;
use std::path::Path;

const PROJECT: &str = r#"# 项目绩效目标
code = "13028122P00306510001A"
name = "司法局化解办经费"
unit = "315001遵化市司法局本级"
budget = "10.00"
adjusted_budget = 12.5
fiscal_funds = "10.00"
purpose = "政府法律顾问费用"
spending_plan = { 3 = "30%", 6 = "60%", 10 = "90%", 12 = "100%" }
goals = ["1.第一段", "2.第二段"]

[[indicators]]
id = "qty1"
level1 = "产出指标"
level2 = "数量指标"
name = "议文、研究报告数量"
description = "上报建议和意见的数量"
target = "≥3个"
basis = "年度工作计划"

[[indicators]]
id = "sat1"
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "执法对象满意度(%)"
target = "≥80%"
points = "10"
direction = "positive"
"#;

#[test]
fn loads_a_project() {
    let (p, warnings) = match load_project_str(Path::new("p.toml"), PROJECT) {
        Ok(x) => x,
        Err(d) => panic!("{}", jixiao::scorecard::render_file_diagnostics(&d)),
    };
    assert!(warnings.is_empty());
    assert_eq!(p.budget.to_string(), "10.00");
    assert_eq!(
        p.adjusted_budget.map(|d| d.to_string()),
        Some("12.5".into())
    );
    assert_eq!(p.spending_plan.len(), 4);
    assert_eq!(p.spending_plan[2].month, 10);
    assert_eq!(p.spending_plan[2].share.to_string(), "90");
    assert_eq!(p.goals.len(), 2);
    assert_eq!(p.indicators.len(), 2);
    let i = &p.indicators[0];
    assert_eq!(&PROJECT[i.origin.start..i.origin.end], "≥3个");
    assert!(i.target.is_some());
    assert_eq!(
        p.indicators[1].points.map(|d| d.to_string()),
        Some("10".into())
    );
}
