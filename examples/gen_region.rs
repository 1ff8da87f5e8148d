//! Writes a synthetic region (a folder of department folders) for `jixiao score REGION`.
//!
//! ```sh
//! cargo run --release --example gen_region -- --departments 1000 --projects 20 --indicators 12 --seed 7 -o /tmp/region
//! cargo run --release --example gen_region -- --copies 2000 --from scorecards/zunhua-sfj-2022 -o /tmp/copies
//! ```
//!
//! Synthetic mode: N departments × M projects × K indicators, each department with
//! `department.toml` (and 6 own indicators), `projects/NN-<code>.toml` and `actuals.toml`.
//! Targets cover every kind the seed has (comparisons with units, rates, reverse rates
//! marked 反向指标, ranges, deadlines, changes against a baseline, qualitative text, the
//! 预算执行率 成本 row) and actuals every form (units, unitless, fractions, dates, months,
//! grades with shares, 不适用, changes written as such, missing rows, reasons).
//! Deterministic from `--seed` (xorshift64*). Copies mode: N copies of a department
//! folder with unique department and project codes (the codes edited in the TOML text).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

struct Args {
    departments: usize,
    projects: usize,
    indicators: usize,
    seed: u64,
    copies: Option<usize>,
    from: Option<PathBuf>,
    out: PathBuf,
}

fn usage() -> ! {
    eprintln!(
        "usage: gen_region --departments N --projects M --indicators K [--seed S] -o DIR\n       gen_region --copies N --from DEPARTMENT_FOLDER -o DIR"
    );
    std::process::exit(2)
}

fn args() -> Args {
    let mut a = Args {
        departments: 10,
        projects: 20,
        indicators: 12,
        seed: 1,
        copies: None,
        from: None,
        out: PathBuf::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| usage());
        let num = || v.parse::<u64>().unwrap_or_else(|_| usage());
        match k.as_str() {
            "--departments" => a.departments = num() as usize,
            "--projects" => a.projects = num() as usize,
            "--indicators" => a.indicators = num() as usize,
            "--seed" => a.seed = num(),
            "--copies" => a.copies = Some(num() as usize),
            "--from" => a.from = Some(PathBuf::from(&v)),
            "-o" | "--output" => a.out = PathBuf::from(&v),
            _ => usage(),
        }
    }
    if a.out.as_os_str().is_empty() {
        usage()
    }
    a
}

fn main() -> std::io::Result<()> {
    let a = args();
    std::fs::create_dir_all(&a.out)?;
    match (a.copies, &a.from) {
        (Some(n), Some(from)) => copies(from, n, &a.out),
        (None, None) => {
            let mut rng = Rng::new(a.seed);
            for d in 0..a.departments {
                department(&mut rng, d, a.projects, a.indicators, &a.out)?;
            }
            eprintln!(
                "wrote {} departments × {} projects × {} indicators to {}",
                a.departments,
                a.projects,
                a.indicators,
                a.out.display()
            );
            Ok(())
        }
        _ => usage(),
    }
}

// ---------------------------------------------------------------------------------------
// Copies of a department folder

/// The value of the first `code = "…"` line of a TOML text.
fn code_of(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l.strip_prefix("code = \"")?;
        Some(rest[..rest.find('"')?].to_string())
    })
}

fn copies(from: &Path, n: usize, out: &Path) -> std::io::Result<()> {
    let dept = std::fs::read_to_string(from.join("department.toml"))?;
    let dept_code = code_of(&dept).unwrap_or_default();
    let actuals = std::fs::read_to_string(from.join("actuals.toml")).ok();
    let mut projects = Vec::new();
    for e in std::fs::read_dir(from.join("projects"))? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&p)?;
            let code = code_of(&text).unwrap_or_default();
            let name = p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            projects.push((name, code, text));
        }
    }
    projects.sort();
    let base = from
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dept".into());
    for i in 0..n {
        let suffix = format!("-{i:05}");
        let dir = out.join(format!("{base}{suffix}"));
        std::fs::create_dir_all(dir.join("projects"))?;
        let quoted = |c: &str| format!("\"{c}\"");
        let requoted = |c: &str| format!("\"{c}{suffix}\"");
        std::fs::write(
            dir.join("department.toml"),
            dept.replacen(
                &format!("code = {}", quoted(&dept_code)),
                &format!("code = {}", requoted(&dept_code)),
                1,
            ),
        )?;
        let mut act = actuals.clone();
        for (name, code, text) in &projects {
            let new_name = name.replace(code.as_str(), &format!("{code}{suffix}"));
            std::fs::write(
                dir.join("projects").join(new_name),
                text.replacen(&quoted(code), &requoted(code), 1),
            )?;
            if let Some(a) = &mut act {
                *a = a.replace(&quoted(code), &requoted(code));
            }
        }
        if let Some(a) = act {
            std::fs::write(dir.join("actuals.toml"), a)?;
        }
    }
    eprintln!(
        "wrote {n} copies of {} ({} projects each) to {}",
        from.display(),
        projects.len(),
        out.display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Synthetic departments

/// One generated row: where it sits, its target and its actual.
struct Row {
    id: String,
    level1: &'static str,
    level2: &'static str,
    name: String,
    description: String,
    target: String,
    /// The TOML value of its actual (`"…"` or an inline table), `None` = missing.
    actual: Option<String>,
}

const UNITS: [&str; 10] = ["份", "次", "个", "人", "件", "项", "户", "场", "家", "人次"];
const QUAL_TARGETS: [&str; 6] = [
    "按年初计划完成",
    "效果明显",
    "按时限完成",
    "能够及时办理案件",
    "有效提升",
    "群众法治意识提高",
];
const REASONS: [&str; 4] = [
    "受疫情影响，部分活动延期至下一年度",
    "项目资金下达较晚，实施进度滞后",
    "统计口径调整，实际完成略低于预期",
    "已列入下一年度重点工作，持续跟进",
];

fn pct(x: u64) -> String {
    // x in hundredths of a percent
    if x.is_multiple_of(100) {
        format!("{}", x / 100)
    } else {
        format!("{}.{:02}", x / 100, x % 100)
    }
}

fn actual_with_reason(rng: &mut Rng, actual: String, short: bool) -> String {
    if short && rng.chance(70) {
        format!(
            "{{ actual = \"{actual}\", reason = \"{}\" }}",
            rng.pick(&REASONS)
        )
    } else {
        format!("\"{actual}\"")
    }
}

/// A row of the given 一级/二级 level, `n` its position for the id.
fn row(rng: &mut Rng, level1: &'static str, level2: &'static str, id: String) -> Row {
    let mut r = Row {
        id,
        level1,
        level2,
        name: String::new(),
        description: String::new(),
        target: String::new(),
        actual: None,
    };
    let roll = rng.range(0, 99);
    match level2 {
        "数量指标" => {
            let unit = rng.pick(&UNITS);
            let n = rng.range(2, 5000);
            let op = rng.pick(&["≥", "大于等于", "不少于", "", ">="]);
            r.name = format!("完成工作数量{unit}");
            r.description = format!("年度计划完成的{unit}数");
            r.target = if op.is_empty() {
                format!("{n}{unit}以上")
            } else {
                format!("{op}{n}{unit}")
            };
            let a = n * rng.range(80, 140) / 100;
            let written = if rng.chance(30) {
                a.to_string()
            } else {
                format!("{a}{unit}")
            };
            r.actual = Some(actual_with_reason(rng, written, a < n));
        }
        "质量指标" if roll < 20 => {
            let lo = rng.range(80, 90);
            let hi = lo + rng.range(3, 10);
            r.name = "合格率区间".into();
            r.description = "抽检合格率保持在区间内".into();
            r.target = format!("{lo}%-{hi}%");
            let a = rng.range(lo * 100 - 500, hi * 100 + 200);
            r.actual = Some(actual_with_reason(
                rng,
                format!("{}%", pct(a)),
                a < lo * 100,
            ));
        }
        "质量指标" | "服务对象满意度指标" => {
            let t = rng.range(70, 100);
            let sat = level2 == "服务对象满意度指标";
            r.name = if sat {
                "服务对象满意度"
            } else {
                "任务完成合格率"
            }
            .into();
            r.description = if sat {
                "抽样调查满意比率"
            } else {
                "合格数占总数比率"
            }
            .into();
            r.target = format!("{}{t}%", rng.pick(&["≥", "大于等于", "不低于", "≥"]));
            if rng.chance(25) {
                let total = rng.range(100, 400);
                let ok = total * rng.range(t.saturating_sub(10), 100) / 100;
                r.actual = Some(actual_with_reason(
                    rng,
                    format!("{ok}/{total}"),
                    ok * 100 < t * total,
                ));
            } else {
                let a = rng.range(t * 100 - 800, 10_000);
                r.actual = Some(actual_with_reason(rng, format!("{}%", pct(a)), a < t * 100));
            }
        }
        "时效指标" => {
            let m = rng.range(6, 12);
            r.name = "项目完成时限".into();
            r.description = "按期完成年度任务".into();
            r.target = match rng.range(0, 3) {
                0 => format!("2022年{m}月底前"),
                1 => "年底前".into(),
                2 => format!("{m}月底"),
                _ => "2022年第四季度".into(),
            };
            let late = rng.chance(10);
            let am = if late { 12 } else { rng.range(3, m) };
            let day = rng.range(1, 28);
            let written = match rng.range(0, 3) {
                0 => format!("2022-{am:02}-{day:02}"),
                1 => format!("2022年{am}月"),
                2 if !late => "已完成".into(),
                _ => format!("2022年{am}月{day}日"),
            };
            r.actual = Some(actual_with_reason(rng, written, late));
        }
        "成本指标" => {
            r.name = "预算执行率（%）".into();
            r.description = "年底支出占预算资金执行率（%）".into();
            r.target = "≥95%".into();
            r.actual = if rng.chance(50) {
                None // takes the project's execution rate
            } else {
                Some(format!("\"{}%\"", pct(rng.range(9000, 10_000))))
            };
        }
        _ if roll < 15 => {
            let t = rng.range(3, 15);
            r.name = "投诉率".into();
            r.description = "群众投诉率（反向指标）".into();
            r.target = format!("{}{t}%", rng.pick(&["≤", "小于等于", "不高于"]));
            let a = rng.range(0, t * 130);
            r.actual = Some(actual_with_reason(rng, format!("{}%", pct(a)), a > t * 100));
        }
        _ if roll < 35 => {
            let g = rng.range(2, 15);
            let grow = rng.chance(60);
            r.name = if grow {
                "年办案量"
            } else {
                "案件发生率"
            }
            .into();
            r.description = "与上年同期相比".into();
            r.target = if grow {
                rng.pick(&["比上年增长{}%", "年增长{}%", "增长{}%以上"])
                    .replace("{}", &g.to_string())
            } else {
                format!("比上年同期减少{g}%")
            };
            let base = rng.range(200, 3000);
            let a = base * rng.range(85, 120) / 100;
            let short = if grow {
                a * 100 < base * (100 + g)
            } else {
                a * 100 > base * (100 - g)
            };
            if rng.chance(15) && grow {
                r.actual = Some(format!("\"增长{}%\"", rng.range(0, 2 * g)));
            } else {
                let reason = if short {
                    format!(", reason = \"{}\"", rng.pick(&REASONS))
                } else {
                    String::new()
                };
                r.actual = Some(format!(
                    "{{ actual = \"{a}件\", baseline = \"{base}件\"{reason} }}"
                ));
            }
        }
        _ => {
            let t = rng.pick(&QUAL_TARGETS);
            r.name = "社会效益".into();
            r.description = "工作成效".into();
            r.target = t.into();
            let written = match rng.range(0, 9) {
                0 => "部分达成 75%".to_string(),
                1 => "基本达成".into(),
                2 => "不适用".into(),
                3 => t.into(),
                4 => "良好".into(),
                _ => "达成".into(),
            };
            let short = written.starts_with("部分") || written.starts_with("基本");
            r.actual = Some(actual_with_reason(rng, written, short));
        }
    }
    if rng.chance(2) {
        r.actual = None; // a missing row
    }
    r
}

/// The levels of K rows: about half 产出, a third 效益, the rest 满意度, each present.
fn levels(k: usize) -> Vec<(&'static str, &'static str, &'static str)> {
    const OUT: [(&str, &str); 4] = [
        ("数量指标", "qty"),
        ("质量指标", "qlt"),
        ("时效指标", "time"),
        ("成本指标", "cost"),
    ];
    const EFF: [(&str, &str); 3] = [
        ("社会效益指标", "soc"),
        ("经济效益指标", "eco"),
        ("可持续影响指标", "sus"),
    ];
    let k = k.max(3);
    let sat = (k / 6).max(1);
    let eff = ((k - sat) * 2 / 5).max(1);
    let out = k - sat - eff;
    let mut v = Vec::with_capacity(k);
    for i in 0..out {
        let (l2, p) = OUT[i % OUT.len()];
        v.push(("产出指标", l2, p));
    }
    for i in 0..eff {
        let (l2, p) = EFF[i % EFF.len()];
        v.push(("效益指标", l2, p));
    }
    for _ in 0..sat {
        v.push(("满意度指标", "服务对象满意度指标", "sat"));
    }
    v
}

fn rows(rng: &mut Rng, k: usize) -> Vec<Row> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    levels(k)
        .into_iter()
        .map(|(l1, l2, prefix)| {
            let n = counts.entry(prefix).or_insert(0);
            *n += 1;
            row(rng, l1, l2, format!("{prefix}{n}"))
        })
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn indicator_toml(out: &mut String, r: &Row, area: Option<&str>) {
    let _ = writeln!(out, "\n[[indicators]]\nid = \"{}\"", r.id);
    if let Some(a) = area {
        let _ = writeln!(out, "area = \"{a}\"");
    }
    let _ = writeln!(
        out,
        "level1 = \"{}\"\nlevel2 = \"{}\"\nname = \"{}\"\ndescription = \"{}\"\ntarget = \"{}\"",
        r.level1,
        r.level2,
        esc(&r.name),
        esc(&r.description),
        esc(&r.target)
    );
    if area.is_none() {
        let _ = writeln!(out, "basis = \"年度工作计划\"");
    }
}

fn amount(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn department(rng: &mut Rng, d: usize, m: usize, k: usize, out: &Path) -> std::io::Result<()> {
    let code = format!("{:06}", 100_000 + d);
    let dir = out.join(format!("dept-{d:05}"));
    std::fs::create_dir_all(dir.join("projects"))?;
    let mut actuals = format!("# synthetic actuals for department {code} (gen_region)\n");
    let mut total_budget = 0u64;
    for p in 0..m {
        let pcode = format!("{code}P{:05}{:04}", rng.range(0, 99_999), p);
        let budget = rng.range(100, 50_000) * 100 + rng.range(0, 99);
        total_budget += budget;
        let mut t = format!(
            "# synthetic project (gen_region)\ncode = \"{pcode}\"\nname = \"合成项目{d}-{p}\"\nunit = \"{code}合成单位本级\"\nbudget = \"{}\"\nfiscal_funds = \"{}\"\npurpose = \"业务经费\"\nspending_plan = {{ 3 = \"30%\", 6 = \"60%\", 10 = \"90%\", 12 = \"100%\" }}\ngoals = [\"完成年度工作任务。\"]\n",
            amount(budget),
            amount(budget)
        );
        let rs = rows(rng, k);
        for r in &rs {
            indicator_toml(&mut t, r, None);
        }
        std::fs::write(
            dir.join("projects")
                .join(format!("{:02}-{pcode}.toml", p + 1)),
            t,
        )?;
        let adjusted = if rng.chance(30) {
            budget * rng.range(90, 110) / 100
        } else {
            budget
        };
        let spent = adjusted * rng.range(70, 102) / 100;
        let _ = writeln!(actuals, "\n[projects.\"{pcode}\"]");
        if adjusted != budget {
            let _ = writeln!(actuals, "adjusted_budget = \"{}\"", amount(adjusted));
        }
        let _ = writeln!(actuals, "spent = \"{}\"", amount(spent));
        let _ = writeln!(actuals, "[projects.\"{pcode}\".rows]");
        for r in &rs {
            if let Some(a) = &r.actual {
                let _ = writeln!(actuals, "{} = {a}", r.id);
            }
        }
    }
    // The department's own indicators (from the 分项 prose in real folders).
    let own = rows(rng, 6);
    let mut t = format!(
        "# synthetic department (gen_region)\ncode = \"{code}\"\nname = \"合成部门{d}\"\nfiscal_year = 2022\nunits = [\"{code}合成单位本级\"]\ngoals = \"完成年度工作任务。\"\nsafeguards = \"加强管理。\"\n\n[[areas]]\nname = \"综合\"\nsummary = \"综合工作\"\ngoals = \"完成年度工作任务。\"\nindicators_text = \"完成年度工作任务。\"\n"
    );
    for r in &own {
        indicator_toml(&mut t, r, Some("综合"));
    }
    std::fs::write(dir.join("department.toml"), t)?;
    let _ = writeln!(actuals, "\n[department.rows]");
    for r in &own {
        if let Some(a) = &r.actual {
            let _ = writeln!(actuals, "{} = {a}", r.id);
        }
    }
    let _ = total_budget;
    std::fs::write(dir.join("actuals.toml"), actuals)?;
    Ok(())
}
