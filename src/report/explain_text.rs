//! `jixiao explain` as text: one labelled line per fact of each row, then the execution
//! row and how the total and the grade follow. Renders an [`Explanation`] only.

use super::explain::{Explanation, RowExplanation, RuleRef};
use crate::score::formula::{d, fixed};
use crate::score::{Flag, RuleKind, Status};

fn rule_ref_text(r: &RuleRef) -> String {
    if r.text.is_empty() {
        format!("{}（默认）", r.at)
    } else {
        format!("{}  {} = \"{}\"", r.at, r.key, r.text)
    }
}

/// The flags of a row, labelled; `reverse`: the row is a reverse target (its
/// over-achievement reads as a target set too loose, see [`super::labels::flag_text`]).
fn flags_text(flags: &[Flag], reverse: bool) -> String {
    if flags.is_empty() {
        "—".into()
    } else {
        flags
            .iter()
            .map(|f| {
                let (label, message) = super::labels::flag_text_for(reverse, f);
                format!("「{label}」：{message}")
            })
            .collect::<Vec<_>>()
            .join("；")
    }
}

fn line(out: &mut String, label: &str, value: &str) {
    out.push_str(&format!("  {label}  {value}\n"));
}

fn actual_line(r: &RowExplanation) -> String {
    match (&r.actual_text, r.actual_read.is_empty()) {
        (Some(a), false) => format!("{a}（读作 {}）", r.actual_read),
        (Some(a), true) => a.clone(),
        (None, false) => format!("未填写（取 {}）", r.actual_read),
        (None, true) => "未填写".into(),
    }
}

fn rule_line(r: &RowExplanation) -> String {
    match &r.rule_ref {
        Some(rr) => format!("{} — {}", r.rule, rule_ref_text(rr)),
        None if r.rule_kind == Some(RuleKind::Range) => format!(
            "{} — 内置规则（默认政策：区间内满分，区间外按比例），政策文件中无此项",
            r.rule
        ),
        None if r.rule.is_empty() => "—".into(),
        None => r.rule.clone(),
    }
}

fn score_line(r: &RowExplanation, places: u32) -> String {
    match r.score {
        Some(s) => format!("{} / {}", fixed(s, places), d(r.points)),
        None => format!(
            "— / {}（{}）",
            d(r.points),
            match r.status {
                Status::NotApplicable => "不适用".to_string(),
                Status::Missing => "未填写实际完成值".to_string(),
                _ => r.error.clone().unwrap_or_else(|| "未计分".into()),
            }
        ),
    }
}

fn row_text(out: &mut String, r: &RowExplanation, places: u32) {
    out.push('\n');
    out.push_str(&format!(
        "[{}] {} › {} › {}\n",
        r.id, r.level1, r.level2, r.name
    ));
    line(
        out,
        "年度指标值",
        &format!(
            "{}（读作 {}；类型 {} {}）",
            r.target_text, r.target, r.kind_label, r.kind
        ),
    );
    line(out, "实际完成值", &actual_line(r));
    if let Some(b) = &r.baseline {
        line(out, "基期值    ", b);
    }
    line(
        out,
        "方向      ",
        &format!("{}：{}", r.direction, r.direction_why),
    );
    line(
        out,
        "分值      ",
        &format!("{}：{}", d(r.points), r.points_why),
    );
    line(out, "规则      ", &rule_line(r));
    let numbers: Vec<String> = r
        .numbers
        .iter()
        .map(|n| format!("{}={}", n.key, n.value))
        .collect();
    line(out, "数值      ", &numbers.join(" "));
    line(out, "计算      ", &r.formula);
    line(out, "取整      ", &r.rounding);
    line(out, "得分      ", &score_line(r, places));
    line(out, "标记      ", &flags_text(&r.flags, r.reverse));
    if let Some(reason) = &r.reason {
        line(out, "偏差原因  ", reason);
    }
}

fn rule_ref_or_dash(r: Option<&RuleRef>) -> String {
    r.map(rule_ref_text).unwrap_or_else(|| "—".into())
}

/// The execution row, the total and the grade.
fn totals_text(out: &mut String, e: &Explanation) {
    let x = &e.execution;
    let (points, flags) = (x.execution.points, &x.execution.flags);
    out.push_str(&format!(
        "\n预算执行率（分值 {}）\n  {}\n  分值依据  {}\n  标记  {}\n",
        d(points),
        x.formula,
        rule_ref_or_dash(x.rule_ref.as_ref()),
        flags_text(flags, false)
    ));
    let t = &e.total;
    out.push_str(&format!("\n总分与等级\n  {}\n", t.formula));
    out.push_str(&format!(
        "  等级  {}（{}）\n",
        t.grade_why,
        rule_ref_or_dash(t.grade_ref.as_ref())
    ));
    if !t.missing.is_empty() {
        out.push_str(&format!(
            "  注意  未填写实际完成值的行：{}；总分不完整\n",
            t.missing.join("、")
        ));
    }
}

/// [`render_text`] folded to `style`'s width, in ASCII marks when it asks for them.
pub fn render_text_styled(e: &Explanation, places: u32, style: super::TableStyle) -> String {
    super::text_style::apply(render_text(e, places), style)
}

/// The explanation as text, one labelled line per fact.
pub fn render_text(e: &Explanation, places: u32) -> String {
    let mut out = String::new();
    let head = if e.scope == "department" {
        "部门整体"
    } else {
        "项目"
    };
    out.push_str(&format!("{head} {} {}\n", e.code, e.name));
    out.push_str(&format!("政策 {} — {}\n", e.policy, e.policy_file));
    for r in &e.rows {
        row_text(&mut out, r, places);
    }
    totals_text(&mut out, e);
    out
}
