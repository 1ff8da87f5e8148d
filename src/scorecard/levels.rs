//! The national three-level indicator set (一级/二级指标) and the short ASCII id prefix
//! each 二级指标 gives its rows (`qty1`, `sat1` …).

/// 一级指标 and the 二级指标 allowed under each, in the order the national form lists them.
pub const LEVELS: &[(&str, &[&str])] = &[
    (
        "产出指标",
        &["数量指标", "质量指标", "时效指标", "成本指标"],
    ),
    (
        "效益指标",
        &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
    ),
    ("满意度指标", &["服务对象满意度指标"]),
];

/// The 二级指标 allowed under a 一级指标, or `None` when the 一级 name is not national.
pub fn level2_names(level1: &str) -> Option<&'static [&'static str]> {
    LEVELS
        .iter()
        .find(|(l1, _)| *l1 == level1)
        .map(|(_, l2)| *l2)
}

/// The 一级指标 a 二级指标 belongs to.
pub fn level1_of(level2: &str) -> Option<&'static str> {
    LEVELS
        .iter()
        .find(|(_, l2)| l2.contains(&level2))
        .map(|(l1, _)| *l1)
}

pub fn level1_names() -> Vec<&'static str> {
    LEVELS.iter().map(|(l1, _)| *l1).collect()
}

/// Id prefix of rows under a 二级指标 (`ind` for names outside the national set).
pub fn id_prefix(level2: &str) -> &'static str {
    match level2 {
        "数量指标" => "qty",
        "质量指标" => "qlt",
        "时效指标" => "time",
        "成本指标" => "cost",
        "经济效益指标" => "eco",
        "社会效益指标" => "soc",
        "生态效益指标" => "env",
        "可持续影响指标" => "sus",
        "服务对象满意度指标" => "sat",
        _ => "ind",
    }
}
