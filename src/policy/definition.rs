//! The scoring policy as a value. Every number the scorer uses lives here, so a policy
//! file (the rule language) can change any of them; [`Policy::default`] is 财预〔2020〕10号.

use rust_decimal::Decimal;
use serde::Serialize;

/// How a row's score follows from target T, actual A and points w.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "formula", rename_all = "snake_case")]
pub enum Formula {
    /// Positive: w × min(A/T, 1), 0 when A ≤ 0.
    Proportional,
    /// Reverse: w × min(T/A, 1), w when A ≤ T (A = 0 included).
    Inverse,
    /// A straight line from full points at the target to zero at `zero_at` × T
    /// (reverse: `zero_at` > 1, e.g. 2; positive: `zero_at` < 1, e.g. 0.5).
    Linear {
        #[serde(with = "rust_decimal::serde::str")]
        zero_at: Decimal,
    },
    /// Met → w, otherwise 0.
    AllOrNothing,
    /// Bands of the completion ratio (percent; positive A/T, reverse T/A) or of the
    /// actual value, each giving a share of w. Bands are checked for gaps and overlaps
    /// when the policy is loaded, so exactly one applies.
    Steps { on: StepBasis, bands: Vec<Step> },
    /// w minus `deduct` points for every `per` units short of the target, never below
    /// `floor` points and never more than `cap` points deducted.
    PerUnit {
        #[serde(with = "rust_decimal::serde::str")]
        per: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        deduct: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        floor: Decimal,
        #[serde(with = "rust_decimal::serde::str_option")]
        cap: Option<Decimal>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepBasis {
    Ratio,
    Value,
}

/// `[low, high)` (high `None` = no upper end) → `share` percent of the points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    #[serde(with = "rust_decimal::serde::str")]
    pub low: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub high: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub share: Decimal,
}

/// A qualitative band: grades in it score between `low` and `high` percent of w, and a
/// grade given alone scores `default` percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Band {
    #[serde(with = "rust_decimal::serde::str")]
    pub low: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub high: Decimal,
    /// Whether `high` itself belongs to the band (达成's 100% does; 部分达成's 80% not).
    pub high_inclusive: bool,
    #[serde(with = "rust_decimal::serde::str")]
    pub default: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualitativeBands {
    pub achieved: Band,
    pub partial: Band,
    pub not_achieved: Band,
}

/// What a late or missing delivery scores, in percent of w.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineRule {
    /// Done after the deadline.
    #[serde(with = "rust_decimal::serde::str")]
    pub late: Decimal,
    /// Optional extra deduction per started month late (percent of w), floored at
    /// `late_floor`. Zero in the default policy.
    #[serde(with = "rust_decimal::serde::str")]
    pub late_per_month: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub late_floor: Decimal,
    /// Not done by year end.
    #[serde(with = "rust_decimal::serde::str")]
    pub not_done: Decimal,
    /// `已完成` with no date.
    #[serde(with = "rust_decimal::serde::str")]
    pub done_without_date: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagRules {
    /// Positive rows with A ≥ this × T are flagged `over-achieved`.
    #[serde(with = "rust_decimal::serde::str")]
    pub over_positive: Decimal,
    /// Reverse rows with A ≤ this × T are flagged `over-achieved`.
    #[serde(with = "rust_decimal::serde::str")]
    pub over_reverse: Decimal,
}

/// Mid-year monitoring (绩效运行监控) traffic lights on the ratio 执行进度 ÷ 计划进度
/// (cumulative spending rate ÷ planned rate at the date): below `red_below` is 红灯, from
/// `green_from` 绿灯, 黄灯 between. Ratios, not percents (0.6 = 60%).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonitorThresholds {
    #[serde(with = "rust_decimal::serde::str")]
    pub red_below: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub green_from: Decimal,
}

impl Default for MonitorThresholds {
    /// 红灯 < 0.6; 黄灯 < 0.8; 绿灯 ≥ 0.8.
    fn default() -> Self {
        MonitorThresholds {
            red_below: Decimal::new(6, 1),
            green_from: Decimal::new(8, 1),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotApplicable {
    /// The row's points move to the applicable rows of its level (largest remainder).
    MovePoints,
    /// The row's points leave the total; the total is rescaled to 100.
    Rescale,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelWeight {
    pub name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeBand {
    pub label: String,
    /// Lowest total that earns this grade.
    #[serde(with = "rust_decimal::serde::str")]
    pub min: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    pub name: String,
    pub levels: Vec<LevelWeight>,
    #[serde(with = "rust_decimal::serde::str")]
    pub execution_points: Decimal,
    /// Highest first.
    pub grades: Vec<GradeBand>,
    pub positive: Formula,
    pub reverse: Formula,
    /// Targets of zero (`=0`, `0次`, `≤0`).
    pub target_zero: Formula,
    /// Change vs baseline: applied to achieved change / required change.
    pub change: Formula,
    pub qualitative: QualitativeBands,
    pub deadline: DeadlineRule,
    /// Decimal places each row is rounded to, half-up, once.
    pub rounding_places: u32,
    pub flags: FlagRules,
    pub not_applicable: NotApplicable,
    /// Mid-year monitoring lights (the optional `monitor` rule; defaults when absent).
    pub monitor: MonitorThresholds,
    /// The words cells are read with: the default vocabulary plus the policy's own.
    #[serde(skip)]
    pub vocabulary: crate::policy::vocabulary::PolicyVocabulary,
}

fn pct(n: i64) -> Decimal {
    Decimal::from(n)
}

impl Default for Policy {
    /// 财预〔2020〕10号 as `scorecards/policies/default.toml` states it (docs/language.md,
    /// "Rules").
    fn default() -> Self {
        Policy {
            name: "财预〔2020〕10号".to_string(),
            levels: vec![
                LevelWeight {
                    name: "产出指标".into(),
                    points: pct(50),
                },
                LevelWeight {
                    name: "效益指标".into(),
                    points: pct(30),
                },
                LevelWeight {
                    name: "满意度指标".into(),
                    points: pct(10),
                },
            ],
            execution_points: pct(10),
            grades: vec![
                GradeBand {
                    label: "优".into(),
                    min: pct(90),
                },
                GradeBand {
                    label: "良".into(),
                    min: pct(80),
                },
                GradeBand {
                    label: "中".into(),
                    min: pct(60),
                },
                GradeBand {
                    label: "差".into(),
                    min: pct(0),
                },
            ],
            positive: Formula::Proportional,
            reverse: Formula::Inverse,
            target_zero: Formula::AllOrNothing,
            change: Formula::Proportional,
            qualitative: QualitativeBands {
                achieved: Band {
                    low: pct(80),
                    high: pct(100),
                    high_inclusive: true,
                    default: pct(100),
                },
                partial: Band {
                    low: pct(60),
                    high: pct(80),
                    high_inclusive: false,
                    default: pct(70),
                },
                not_achieved: Band {
                    low: pct(0),
                    high: pct(60),
                    high_inclusive: false,
                    default: pct(30),
                },
            },
            deadline: DeadlineRule {
                late: pct(70),
                late_per_month: pct(0),
                late_floor: pct(0),
                not_done: pct(30),
                done_without_date: pct(100),
            },
            rounding_places: 2,
            flags: FlagRules {
                over_positive: Decimal::new(13, 1),
                over_reverse: Decimal::new(7, 1),
            },
            not_applicable: NotApplicable::MovePoints,
            monitor: MonitorThresholds::default(),
            vocabulary: Default::default(),
        }
    }
}

/// The note under every 自评表 of the national form (财预〔2020〕10号).
const OFFICIAL_LEVEL_NOTE: &str =
    "注：一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。";

impl Policy {
    /// The note under a 自评表 saying how the 一级指标 points are set: the national form's
    /// own sentence under the default weights, else the policy's levels as written (a
    /// bureau that weights 产出 40 must not print 50).
    pub fn level_note(&self) -> String {
        let default = Policy::default();
        if self.levels == default.levels && self.execution_points == default.execution_points {
            return OFFICIAL_LEVEL_NOTE.to_string();
        }
        let parts: Vec<String> = self
            .levels
            .iter()
            .map(|l| format!("{}{}分", l.name, l.points.normalize()))
            .chain(std::iter::once(format!(
                "预算执行率{}分",
                self.execution_points.normalize()
            )))
            .collect();
        format!(
            "注：一级指标分值按评分规则「{}」设置为：{}。",
            self.name,
            parts.join("、")
        )
    }

    /// The default policy with reverse rows scored linearly (zero at 2T).
    pub fn with_linear_reverse(mut self) -> Self {
        self.reverse = Formula::Linear {
            zero_at: Decimal::TWO,
        };
        self
    }

    pub fn grade_for(&self, total: Decimal) -> &str {
        self.grades
            .iter()
            .find(|g| total >= g.min)
            .map(|g| g.label.as_str())
            .unwrap_or("")
    }

    pub fn band(&self, grade: crate::model::Grade) -> &Band {
        match grade {
            crate::model::Grade::Achieved => &self.qualitative.achieved,
            crate::model::Grade::Partial => &self.qualitative.partial,
            crate::model::Grade::NotAchieved => &self.qualitative.not_achieved,
        }
    }

    pub fn round(&self, d: Decimal) -> Decimal {
        d.round_dp_with_strategy(
            self.rounding_places,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
    }
}
