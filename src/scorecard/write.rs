//! Writing a department folder as TOML: `department.toml` and `projects/NN-<code>.toml`,
//! with comments for the person who edits them by hand. Output depends only on the model,
//! so writing the same department twice gives byte-identical files. The folder is written
//! as one step: built complete beside the target, then swapped into place.

use super::load::{DEPARTMENT_FILE, PROJECTS_DIR};
use super::model::{Department, Indicator, Project};
use crate::output::folder::{FolderError, FolderPlan};
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A TOML basic string (one line) or multi-line basic string (text with newlines).
pub fn toml_string(s: &str) -> String {
    let multiline = s.contains('\n');
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(if multiline { "\"\"\"\n" } else { "\"" });
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push_str(if multiline { "\"\"\"" } else { "\"" });
    out
}

fn dec(d: &Decimal) -> String {
    toml_string(&d.to_string())
}

/// `projects/01-13028122P00306510001A.toml` for the first project.
pub fn project_file_name(p: &Project, number: usize) -> String {
    let code: String = p
        .code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let code = if code.is_empty() {
        "project".to_string()
    } else {
        code
    };
    format!("{number:02}-{code}.toml")
}

/// Every file of the folder: relative path → text, in a fixed order.
pub fn folder_files(d: &Department) -> Vec<(PathBuf, String)> {
    let mut files = vec![(PathBuf::from(DEPARTMENT_FILE), render_department(d))];
    for (i, p) in d.projects.iter().enumerate() {
        files.push((
            Path::new(PROJECTS_DIR).join(project_file_name(p, i + 1)),
            render_project(p, i + 1),
        ));
    }
    files
}

/// The files of `dir` that import owns and rewrites: `department.toml` and every project
/// file (`projects/*.toml`, as the loader reads them), as paths inside the folder. Everything
/// else there (an `actuals.toml`, spending sheets, notes) belongs to people and is kept.
fn owned_files(dir: &Path) -> Vec<PathBuf> {
    let mut owned = Vec::new();
    if dir.join(DEPARTMENT_FILE).exists() {
        owned.push(PathBuf::from(DEPARTMENT_FILE));
    }
    owned.extend(
        super::load::project_files(dir)
            .unwrap_or_default()
            .iter()
            .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf)),
    );
    owned
}

/// What writing `d` into `dir` would do to each file (see [`FolderPlan`]).
pub fn plan_folder(d: &Department, dir: &Path) -> Result<FolderPlan, FolderError> {
    let files = folder_files(d)
        .into_iter()
        .map(|(rel, text)| (rel, text.into_bytes()))
        .collect();
    FolderPlan::new(dir, files, &owned_files(dir))
}

/// Writes the folder as one step: the new folder is built beside `dir`, must load, and is
/// then swapped into place (see [`crate::output::folder`]); a folder that already holds
/// exactly these files is left alone. Refused, with nothing written, if that would change
/// or remove a file already there (hand edits; `jixiao import --force` overrides). Returns
/// the paths of the department's files.
pub fn write_folder(d: &Department, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let plan = plan_folder(d, dir)?;
    let lost: Vec<String> = plan
        .overwrites()
        .map(|f| format!("{}（{}）", dir.join(&f.rel).display(), f.state.label()))
        .collect();
    if !lost.is_empty() {
        return Err(std::io::Error::other(format!(
            "会覆盖或删除已有文件：{}",
            lost.join("、")
        )));
    }
    if !plan.is_noop() {
        plan.commit(&mut |tmp| check_loads(tmp, dir).map_err(|e| e.to_string()))?;
    }
    Ok(folder_files(d)
        .into_iter()
        .map(|(rel, _)| dir.join(rel))
        .collect())
}

/// A folder built for writing that does not load: the import produced something the
/// scorer would refuse. Shown with the paths the files will have under the real folder,
/// since the check ran on a temporary one the user never sees.
#[derive(Debug)]
pub struct DoesNotLoad {
    pub diagnostics: Vec<crate::diagnostic::FileDiagnostic>,
    /// Where the folder was checked.
    tmp: std::path::PathBuf,
    /// Where it is meant to go.
    dir: std::path::PathBuf,
}

impl std::fmt::Display for DoesNotLoad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rendered = super::load::render_file_diagnostics(&self.diagnostics);
        f.write_str(&rendered.replace(
            &self.tmp.display().to_string(),
            &self.dir.display().to_string(),
        ))
    }
}

impl std::error::Error for DoesNotLoad {}

/// The folder built at `tmp` loads; its errors otherwise, shown with the paths they will
/// have under `dir`.
pub fn check_loads(tmp: &Path, dir: &Path) -> Result<(), DoesNotLoad> {
    match super::load::load_department(tmp) {
        Ok(_) => Ok(()),
        Err(diagnostics) => Err(DoesNotLoad {
            diagnostics,
            tmp: tmp.to_path_buf(),
            dir: dir.to_path_buf(),
        }),
    }
}

const INDICATOR_HELP: &str = "\
# Each [[indicators]] row: id (short ASCII, unique in this file; actuals are keyed by it),
# level1 一级指标, level2 二级指标, name 三级指标, description 绩效指标描述,
# target 指标值 (target-language text, verbatim: `≥2000份`, `2022年12月底前`, `按年初计划完成`),
# basis 指标值确定依据. Optional: points = \"10\" (分值; rows without share the rest of their
# level), direction = \"reverse\" or \"positive\" (overrides 反向 marks and operators),
# rule = \"…\" (a scoring rule overriding the policy for this row).
";

fn push_indicator(out: &mut String, i: &Indicator, with_area: bool) {
    out.push_str("[[indicators]]\n");
    let _ = writeln!(out, "id = {}", toml_string(&i.id));
    if with_area {
        if let Some(a) = &i.area {
            let _ = writeln!(out, "area = {}", toml_string(a));
        }
    }
    let _ = writeln!(out, "level1 = {}", toml_string(&i.level1));
    let _ = writeln!(out, "level2 = {}", toml_string(&i.level2));
    for (key, label) in [("label1", &i.label1), ("label2", &i.label2)] {
        if let Some(l) = label {
            let _ = writeln!(out, "{key} = {}  # as published", toml_string(l));
        }
    }
    let _ = writeln!(out, "name = {}", toml_string(&i.name));
    if !i.description.is_empty() || !with_area {
        let _ = writeln!(out, "description = {}", toml_string(&i.description));
    }
    let _ = writeln!(out, "target = {}", toml_string(&i.target_text));
    if !i.basis.is_empty() || !with_area {
        let _ = writeln!(out, "basis = {}", toml_string(&i.basis));
    }
    if let Some(p) = &i.points {
        let _ = writeln!(out, "points = {}", dec(p));
    }
    if let Some(p) = &i.published_points {
        let _ = writeln!(
            out,
            "published_points = {}  # 公布的分值, not used: the level's points do not fit",
            dec(p)
        );
    }
    if let Some(d) = i.direction {
        let _ = writeln!(out, "direction = {}", toml_string(d.code()));
    }
    if let Some(r) = &i.rule {
        let _ = writeln!(out, "rule = {}", toml_string(r));
    }
}

pub fn render_project(p: &Project, number: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {number}. {} — 预算项目绩效目标表 (project scorecard)",
        p.name
    );
    out.push_str(
        "# Written by `jixiao import` from the published table; edit by hand as needed.\n\
         # Amounts are 万元, written as strings so they are read exactly (\"10.00\").\n\
         # spending_plan: month = cumulative share of the budget spent by the end of that month.\n",
    );
    out.push_str(INDICATOR_HELP);
    out.push('\n');
    let _ = writeln!(out, "code = {}  # 项目编码", toml_string(&p.code));
    let _ = writeln!(out, "name = {}  # 项目名称", toml_string(&p.name));
    let _ = writeln!(out, "unit = {}  # 实施单位", toml_string(&p.unit));
    let _ = writeln!(out, "budget = {}  # 年初预算数 (万元)", dec(&p.budget));
    match &p.adjusted_budget {
        Some(a) => {
            let _ = writeln!(out, "adjusted_budget = {}  # 全年预算数 (万元)", dec(a));
        }
        None => out.push_str("# adjusted_budget = \"\"  # 全年预算数 (万元), once known\n"),
    }
    match &p.fiscal_funds {
        Some(a) => {
            let _ = writeln!(out, "fiscal_funds = {}  # 其中：财政资金", dec(a));
        }
        None => out.push_str("# fiscal_funds = \"\"  # 其中：财政资金 (blank in the source)\n"),
    }
    match &p.other_funds {
        Some(a) => {
            let _ = writeln!(out, "other_funds = {}  # 其他资金", dec(a));
        }
        None => out.push_str("# other_funds = \"\"  # 其他资金 (blank in the source)\n"),
    }
    if let Some(c) = &p.carryover {
        let _ = writeln!(out, "carryover = {}  # 上年结转资金", dec(c));
    }
    let _ = writeln!(out, "purpose = {}  # 资金用途", toml_string(&p.purpose));
    let plan: Vec<String> = p
        .spending_plan
        .iter()
        .map(|c| format!("{} = {}", c.month, toml_string(&format!("{}%", c.share))))
        .collect();
    let _ = writeln!(
        out,
        "spending_plan = {{ {} }}  # 资金支出计划（%）",
        plan.join(", ")
    );
    out.push_str("goals = [  # 绩效目标, one entry per paragraph\n");
    for g in &p.goals {
        let _ = writeln!(out, "  {},", toml_string(g));
    }
    out.push_str("]\n");
    let mut last_level: Option<(&str, &str)> = None;
    for i in &p.indicators {
        out.push('\n');
        let level = (i.level1.as_str(), i.level2.as_str());
        if last_level != Some(level) {
            let _ = writeln!(out, "# {} / {}", i.level1, i.level2);
            last_level = Some(level);
        }
        push_indicator(&mut out, i, false);
    }
    out
}

pub fn render_department(d: &Department) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — 部门整体绩效目标 (department scorecard), fiscal year {}",
        d.name, d.fiscal_year
    );
    out.push_str(
        "# Written by `jixiao import`; edit by hand as needed. The projects are in projects/*.toml.\n\
         # code 部门编码 · name 部门名称 · fiscal_year 预算年度 · units 实施单位 ·\n\
         # goals 一、总体绩效目标 · safeguards 三、工作保障措施 · [[areas]] 二、分项绩效目标 as written ·\n\
         # [[indicators]] the department's own indicators, taken from the 分项 prose: each has its\n\
         # area, and the sentence it was taken from as its description.\n",
    );
    out.push_str(INDICATOR_HELP);
    out.push('\n');
    let _ = writeln!(out, "code = {}", toml_string(&d.code));
    let _ = writeln!(out, "name = {}", toml_string(&d.name));
    let _ = writeln!(out, "fiscal_year = {}", d.fiscal_year);
    let units: Vec<String> = d.units.iter().map(|u| toml_string(u)).collect();
    let _ = writeln!(out, "units = [{}]", units.join(", "));
    out.push_str("\n# 一、总体绩效目标\n");
    let _ = writeln!(out, "goals = {}", toml_string(&d.goals));
    out.push_str("\n# 三、工作保障措施\n");
    let _ = writeln!(out, "safeguards = {}", toml_string(&d.safeguards));
    for (n, a) in d.areas.iter().enumerate() {
        if n == 0 {
            out.push_str(
                "\n# 二、分项绩效目标, as written (summary, 绩效目标, 绩效指标 of each area)",
            );
        }
        out.push_str("\n[[areas]]\n");
        let _ = writeln!(out, "name = {}", toml_string(&a.name));
        let _ = writeln!(out, "summary = {}", toml_string(&a.summary));
        let _ = writeln!(out, "goals = {}  # 绩效目标", toml_string(&a.goals));
        let _ = writeln!(
            out,
            "indicators_text = {}  # 绩效指标",
            toml_string(&a.indicators_text)
        );
    }
    for i in &d.indicators {
        out.push('\n');
        push_indicator(&mut out, i, true);
    }
    out
}
