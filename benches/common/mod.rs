//! Inputs shared by the benchmarks: a mix of targets and actuals as the seed and the
//! 自评表s write them, and a CSV generator shaped like the ZEN peer's `gen_rows.py`.

#![allow(dead_code)] // each bench uses part of this module

/// 指标值 from the seed and docs/language.md: every kind, lenient cells, full-width forms.
pub const TARGETS: &[&str] = &[
    "≥2000份",
    "大于等于2000份",
    ">= 2000 份",
    "2000份以上",
    "≥95%",
    "≥95%百分比，服务对象满意度",
    "≥3数量，办案数量",
    "≤10%（反向指标）",
    "投诉率（反向指标）小于等于10%",
    "≤60人",
    "<5天",
    "=100%",
    "100%",
    "≥100百分比",
    "＞９０％",
    "每月2期",
    "90%-95%",
    "90%～95%",
    "[90%, 95%]",
    "18—54周岁",
    "±10%",
    "2022年12月底",
    "2022年12月底前",
    "2022-12-31",
    "12月底前",
    "年底前",
    "2022年第四季度",
    "2020年1月-2020年11月",
    "比上年同期减少5%",
    "比上年增长10%以上",
    "年增长3%",
    "减少5个百分点",
    "按年初计划完成",
    "宣传环保",
    "效果明显",
    "按时限完成",
    "是",
];

/// 实际完成值 of every form.
pub const ACTUALS: &[&str] = &[
    "2300份",
    "2300",
    "1800份",
    "92.5%",
    "92.5",
    "172/190",
    "2022-11-20",
    "2022年11月",
    "2022年12月底",
    "已完成",
    "未完成",
    "达成",
    "达成预期指标",
    "部分达成 75%",
    "基本达到",
    "未达成",
    "良好",
    "是",
    "不适用",
    "减少6%",
    "≥95%",
    "1.2亿元",
    "45分钟",
];

/// (target, actual, baseline) rows that score cleanly, for the scoring benchmark.
pub const ROWS: &[(&str, &str, Option<&str>)] = &[
    ("≥2000份", "2300份", None),
    ("≥2000份", "1800份", None),
    ("≥95%", "92.5%", None),
    ("≤10%（反向指标）", "12%", None),
    ("≤60分钟", "45分钟", None),
    ("≥15万元", "120000元", None),
    ("100%", "100%", None),
    ("90%-95%", "91.5%", None),
    ("90%-95%", "97%", None),
    ("2022年12月底前", "2022-11-20", None),
    ("2022年12月底前", "2023-01-15", None),
    ("比上年同期减少5%", "95", Some("100")),
    ("比上年增长10%以上", "230", Some("200")),
    ("按年初计划完成", "达成", None),
    ("按年初计划完成", "部分达成 75%", None),
    ("每月2期", "2期/月", None),
];

/// A small deterministic generator, so benchmark inputs are the same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next_u64() % xs.len() as u64) as usize]
    }
}

/// `rows` rows of `target,actual,points` in the mix `gen_rows.py` writes (60% ≥, 20% ≤,
/// 10% bare 100%, 5% >, 5% ranges; actuals within ±30% of the target). With
/// `unique_descriptions`, a `description` column makes every row distinct, so the
/// per-row memo never hits.
pub fn bench_csv(rows: usize, unique_descriptions: bool) -> Vec<u8> {
    let unit = |n: u32| match n {
        2000 | 500 => ("份", 0),
        100 | 95 | 90 | 80 | 10 => ("%", 1),
        15 => ("万元", 2),
        1..=3 => ("小时", 1),
        5 => ("件", 0),
        _ => ("分钟", 0),
    };
    let mut rng = Rng(20240601);
    let mut out = String::with_capacity(rows * 32);
    out.push_str("target,actual,points");
    out.push_str(if unique_descriptions {
        ",description\n"
    } else {
        "\n"
    });
    for i in 0..rows {
        let p = rng.unit();
        let around = |rng: &mut Rng, base: f64| base * (0.7 + 0.6 * rng.unit());
        let (target, actual, u) = if p < 0.95 {
            let (op, n) = if p < 0.60 {
                ("≥", rng.pick(&[2000, 95, 90, 80, 3, 2, 1, 15, 100]))
            } else if p < 0.80 {
                ("≤", rng.pick(&[10, 5, 60]))
            } else if p < 0.90 {
                ("", 100)
            } else {
                (">", rng.pick(&[90, 500, 3]))
            };
            let (u, dec) = unit(n);
            let a = if op.is_empty() && rng.unit() < 0.5 {
                f64::from(n)
            } else {
                around(&mut rng, f64::from(n))
            };
            (format!("{op}{n}{u}"), format!("{a:.dec$}"), u)
        } else {
            let (lo, hi) = rng.pick(&[(90, 95), (80, 90), (60, 80)]);
            let a = around(&mut rng, f64::from(lo + hi) / 2.0);
            (format!("{lo}%-{hi}%"), format!("{a:.1}"), "%")
        };
        out.push_str(&format!("{target},{actual}{u},10"));
        if unique_descriptions {
            out.push_str(&format!(",指标{i}"));
        }
        out.push('\n');
    }
    out.into_bytes()
}
