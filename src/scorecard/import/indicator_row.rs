//! One row under an indicator header → an indicator: levels filled down and mapped to the
//! national levels by meaning (the published label kept), a target split over columns
//! joined (`≥`|`98`|`%` → `≥98%`), 正向/反向 taken as the direction, 权重/分值 as points.

use super::blocks::{GridCell, Location};
use super::columns::Columns;
use super::synonyms::{self, is_placeholder, squeeze, Col};
use super::Note;
use crate::model::Direction;
use crate::scorecard::load::read_decimal;
use crate::scorecard::model::{Indicator, Origin};
use rust_decimal::Decimal;

/// Level cells seen above, for tables that leave a merged level cell empty below its
/// first row instead of merging it.
#[derive(Debug, Default, Clone)]
pub struct FillDown {
    level1: String,
    level2: String,
}

/// What a data row turned out to be.
pub enum RowResult {
    Indicator(Box<Indicator>),
    /// Nothing to import and nothing to say (a blank row).
    Blank,
    /// Not imported; the notes say why.
    Skipped,
}

/// The distinct texts of `cols` in `row` (a cell merged across several is taken once),
/// each trimmed, with the location of the first.
fn joined(row: &[GridCell], cols: &[usize], sep: &str) -> (String, Option<Location>) {
    let mut parts: Vec<String> = Vec::new();
    let mut loc = None;
    for c in cols {
        let Some(cell) = row.get(*c) else { continue };
        if cell.spanned && *c != cols.first().copied().unwrap_or(0) {
            continue;
        }
        let t = cell.text.trim();
        if !t.is_empty() {
            parts.push(t.to_string());
            loc.get_or_insert_with(|| cell.loc.clone());
        }
    }
    (parts.join(sep), loc)
}

/// A published label as one line: the lines of a two-line label joined, spaces dropped.
pub fn one_line(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_operator(s: &str) -> bool {
    let k = squeeze(s);
    matches!(
        k.as_str(),
        "≥" | "≤" | ">" | "<" | "=" | ">=" | "<=" | "＞" | "＜" | "＝" | "≧" | "≦"
    ) || [
        "大于等于",
        "小于等于",
        "大于",
        "小于",
        "等于",
        "不少于",
        "不低于",
        "不高于",
        "不超过",
        "不大于",
        "不小于",
    ]
    .contains(&k.as_str())
}

/// A unit cell that says nothing (`—`, `/`, `无`).
fn is_blank_unit(s: &str) -> bool {
    let k = squeeze(s);
    k.is_empty() || matches!(k.as_str(), "—" | "-" | "/" | "无" | "／" | "——" | "空")
}

pub struct RowCtx<'a> {
    pub cols: &'a Columns,
    pub fill: &'a mut FillDown,
    pub notes: &'a mut Vec<Note>,
    /// The row's own location (its first cell), for notes about the row.
    pub at: Location,
}

/// Reads a data row; its cells are aligned to the header (a flattened text row with fewer
/// cells than the header is taken to lack its leftmost, merged, cells).
pub fn read_row(ctx: &mut RowCtx<'_>, raw: &[GridCell]) -> RowResult {
    let row = aligned(ctx, raw);
    let text = |c: Col| joined(&row, &ctx.cols.all(c), "");
    let (l1, l1_loc) = text(Col::Level1);
    let (l2, l2_loc) = text(Col::Level2);
    let (mut name, name_loc) = text(Col::Name);
    let (mut target_raw, mut target_loc) = text(Col::Target);
    if !ctx.cols.has(Col::Target) {
        if let Some((n, t)) = super::prose::split_name_target(&name) {
            name = n;
            target_raw = t;
            target_loc = name_loc.clone();
        }
    }
    let (nature, _) = text(Col::Nature);
    let (unit, _) = text(Col::Unit);
    if !l1.is_empty() {
        if l1 != ctx.fill.level1 {
            ctx.fill.level2.clear();
        }
        ctx.fill.level1 = l1;
    }
    if !l2.is_empty() {
        ctx.fill.level2 = l2;
    }
    let cells = Cells {
        name: &name,
        name_loc: &name_loc,
        target: &target_raw,
        target_loc: &target_loc,
    };
    if let Some(result) = unusable(ctx, &row, &cells) {
        return result;
    }
    let loc = name_loc.clone().unwrap_or_else(|| ctx.at.clone());
    let Some((level1, level2)) = map_levels(ctx, &loc, l1_loc.or(l2_loc), &name, &target_raw)
    else {
        return RowResult::Skipped;
    };
    let (target, direction) = assemble_target(&target_raw, &nature, &unit);
    if let Err(errs) = crate::parse::parse_target(&target, crate::parse::Strictness::Lenient) {
        let why = errs.first().map(|e| e.message.clone()).unwrap_or_default();
        ctx.notes.push(Note::problem(
            target_loc.unwrap_or(loc),
            format!(
                "`{1}` 的指标值 `{0}` 无法读作目标（{why}），该行已跳过——请在运算符后写数字（`≤415.2万元`），或改写为文字（`在预算范围内`）",
                clip(&target),
                clip(&name)
            ),
        ));
        return RowResult::Skipped;
    }
    let points = read_points(ctx, &row);
    let published1 = one_line(&ctx.fill.level1);
    let published2 = one_line(&ctx.fill.level2);
    RowResult::Indicator(Box::new(Indicator {
        label1: (!published1.is_empty() && published1 != level1).then_some(published1),
        label2: (!published2.is_empty() && published2 != level2).then_some(published2),
        description: joined(&row, &ctx.cols.all(Col::Description), "\n").0,
        basis: joined(&row, &ctx.cols.all(Col::Basis), "\n").0,
        points,
        direction,
        ..new_indicator(level1, level2, one_line_keep_spaces(&name), target)
    }))
}

/// An indicator as an import first knows it: its levels, its name and its target as
/// written. What a document does not say (points, direction, a rule, an id) starts empty,
/// for each layout's reader to fill with what its layout gives.
pub(super) fn new_indicator(
    level1: &str,
    level2: &str,
    name: String,
    target_text: String,
) -> Indicator {
    Indicator {
        id: String::new(),
        level1: level1.to_string(),
        level2: level2.to_string(),
        label1: None,
        label2: None,
        name,
        description: String::new(),
        target_text,
        target: None,
        target_diagnostics: Vec::new(),
        basis: String::new(),
        points: None,
        published_points: None,
        direction: None,
        rule: None,
        area: None,
        origin: Origin::default(),
    }
}

/// The row's cells under the header. A short row that starts with an empty cell lacks its
/// last cells (a wrapped line); one that starts with text lacks its first, merged, cells.
fn aligned(ctx: &RowCtx<'_>, raw: &[GridCell]) -> Vec<GridCell> {
    let pad = ctx.cols.width().saturating_sub(raw.len());
    let filler = GridCell {
        text: String::new(),
        loc: ctx.at.clone(),
        spanned: false,
        continued: true,
    };
    let fill = std::iter::repeat_n(filler, pad);
    if raw.first().is_some_and(|c| c.text.trim().is_empty()) {
        raw.iter().cloned().chain(fill).collect()
    } else {
        fill.chain(raw.iter().cloned()).collect()
    }
}

/// A row's name and target cells as read.
struct Cells<'a> {
    name: &'a str,
    name_loc: &'a Option<Location>,
    target: &'a str,
    target_loc: &'a Option<Location>,
}

/// Why a row cannot be an indicator (blank, a template leftover, a name or target
/// missing), reported; `None` when it can.
fn unusable(ctx: &mut RowCtx<'_>, row: &[GridCell], c: &Cells<'_>) -> Option<RowResult> {
    let own: Vec<&str> = row
        .iter()
        .filter(|x| x.is_origin() && !x.text.trim().is_empty())
        .map(|x| x.text.trim())
        .collect();
    let here = || ctx.at.clone();
    let (message, at) = if c.name.is_empty() && c.target.is_empty() {
        if own.is_empty() {
            return Some(RowResult::Blank);
        }
        (
            format!(
                "无法放置这一行 `{}`：既无三级指标也无指标值（上一行折行断开的部分，或模板空行？），已跳过",
                clip(&own.join(" | "))
            ),
            here(),
        )
    } else if is_placeholder(c.name) || is_placeholder(c.target) {
        (
            format!(
                "模板残留 `{}` / `{}` 已跳过：请填写指标及其指标值，或删除该行",
                clip(c.name),
                clip(c.target)
            ),
            c.name_loc
                .clone()
                .or(c.target_loc.clone())
                .unwrap_or_else(here),
        )
    } else if c.name.is_empty() {
        (
            format!("指标值 `{}` 旁没有三级指标名称，已跳过", clip(c.target)),
            c.target_loc.clone().unwrap_or_else(here),
        )
    } else if c.target.is_empty() {
        (
            format!(
                "指标 `{}` 没有指标值，已跳过——请在源文件中填写指标值后重新导入",
                clip(c.name)
            ),
            c.name_loc.clone().unwrap_or_else(here),
        )
    } else {
        return None;
    };
    ctx.notes.push(Note::problem(at, message));
    Some(RowResult::Skipped)
}

/// A name as published: its lines joined without the break, outer spaces dropped.
fn one_line_keep_spaces(s: &str) -> String {
    s.lines().map(str::trim).collect::<Vec<_>>().join("")
}

/// The national levels of the row from its (filled-down) published labels.
fn map_levels(
    ctx: &mut RowCtx<'_>,
    loc: &Location,
    level_loc: Option<Location>,
    name: &str,
    target: &str,
) -> Option<(&'static str, &'static str)> {
    let l1 = ctx.fill.level1.clone();
    let l2 = ctx.fill.level2.clone();
    let m1 = synonyms::level1_of(&l1);
    let at = level_loc.unwrap_or_else(|| loc.clone());
    let m2 = synonyms::level2_of(&l2).or_else(|| {
        // 满意度 has one 二级: a missing or odd 二级 under it is still that one.
        if m1 == Some("满意度指标") {
            return Some("服务对象满意度指标");
        }
        // A form without 二级 labels: the 二级 by the row's meaning, said so.
        let guess = m1
            .filter(|_| l2.trim().is_empty())
            .map(|one| guess_level2(one, name, target))?;
        ctx.notes.push(Note::info(
            at.clone(),
            crate::i18n::tf(
                "import.n-level2-guessed",
                &[("name", &clip(name)), ("guess", guess)],
            ),
        ));
        Some(guess)
    });
    match (m1, m2) {
        (_, Some(two)) => {
            let one = crate::scorecard::levels::level1_of(two).unwrap_or("产出指标");
            if let Some(m1) = m1 {
                if m1 != one && !l1.contains("成本") {
                    ctx.notes.push(Note::info(
                        at,
                        crate::i18n::tf(
                            "import.n-level1-corrected",
                            &[
                                ("level2", &one_line(&l2)),
                                ("one", one),
                                ("level1", &one_line(&l1)),
                            ],
                        ),
                    ));
                }
            }
            Some((one, two))
        }
        _ => {
            let what = format!("{} / {}", one_line(&l1), one_line(&l2));
            ctx.notes.push(Note::problem(
                at,
                crate::i18n::tf("import.n-unknown-level", &[("what", &what.to_string())]),
            ));
            None
        }
    }
}

/// The 二级 of a row whose form gives only the 一级: deadlines are 时效, money is 成本,
/// rates are 质量, the rest 数量; effects by the words of the name, else 社会效益.
fn guess_level2(level1: &str, name: &str, target: &str) -> &'static str {
    let has = |words: &[&str], s: &str| words.iter().any(|w| s.contains(w));
    match level1 {
        "效益指标" if has(&["经济", "收入", "增收", "产值", "效益"], name) => {
            "经济效益指标"
        }
        "效益指标" if has(&["生态", "环境", "污染", "排放", "绿化"], name) => {
            "生态效益指标"
        }
        "效益指标" if has(&["可持续", "长效", "长期", "持续"], name) => {
            "可持续影响指标"
        }
        "效益指标" => "社会效益指标",
        _ if has(
            &["月底", "年底", "日前", "月前", "季度", "完成时间", "及时"],
            target,
        ) || has(&["时间", "时限", "及时"], name) =>
        {
            "时效指标"
        }
        _ if target.ends_with('元') || has(&["成本", "标准", "单价"], name) => "成本指标",
        _ if target.contains('%') || has(&["率", "合格", "达标", "质量"], name) => {
            "质量指标"
        }
        _ => "数量指标",
    }
}

/// The target text from the 指标值 cells, an operator or direction from 指标性质 and a
/// unit from 度量单位.
fn assemble_target(raw: &str, nature: &str, unit: &str) -> (String, Option<Direction>) {
    let mut target = raw.trim().to_string();
    let mut direction = None;
    let n = squeeze(nature);
    if n.contains("反向") {
        direction = Some(Direction::Reverse);
    } else if is_operator(&n) && !target.starts_with(|c: char| "≥≤><=＞＜＝≧≦".contains(c))
    {
        target = format!("{n}{target}");
    }
    let u = unit.trim();
    if !is_blank_unit(u) && target.ends_with(|c: char| c.is_ascii_digit()) && !target.ends_with(u) {
        target.push_str(u);
    }
    (target, direction)
}

fn read_points(ctx: &mut RowCtx<'_>, row: &[GridCell]) -> Option<Decimal> {
    let (p, loc) = joined(row, &ctx.cols.all(Col::Points), "");
    if p.is_empty() {
        return None;
    }
    let k = squeeze(&p);
    let k = k.trim_end_matches(['%', '％', '分']);
    match read_decimal(k) {
        Some(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => Some(d.normalize()),
        _ => {
            ctx.notes.push(Note::problem(
                loc.unwrap_or_else(|| ctx.at.clone()),
                crate::i18n::tf("import.n-bad-points", &[("p", &p.to_string())]),
            ));
            None
        }
    }
}

pub fn clip(s: &str) -> String {
    let one: String = s.chars().filter(|c| *c != '\n').take(40).collect();
    if one.chars().count() < s.chars().filter(|c| *c != '\n').count() {
        format!("{one}…")
    } else {
        one
    }
}
