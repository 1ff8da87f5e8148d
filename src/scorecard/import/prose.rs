//! Department indicators from the 分项绩效目标 prose: sentences such as
//! "印制各种法律宣传资料数量大于等于2000份" or "社区矫正人员在犯罪率比上年同期减少5%" are
//! split into a name and a target, and given levels by meaning: counts →
//! 产出/数量, rates → 产出/质量, deadlines → 产出/时效, 满意 → 满意度, changes and
//! complaints → 效益/社会效益. The same name and target stated twice is kept once.

use super::blocks::Location;
use super::indicator_row::new_indicator;
use super::Note;
use crate::scorecard::levels;
use crate::scorecard::model::Indicator;
use std::collections::BTreeMap;

/// A piece of area text and where it was written.
#[derive(Debug, Clone)]
pub struct Segment {
    pub area: String,
    pub text: String,
    pub loc: Location,
    /// Whether it is `绩效指标：` text (where targets are expected).
    pub indicator_text: bool,
}

/// Words that introduce a target, longest first where one is the end of another.
const LEAD_WORDS: &[&str] = &[
    "比上年同期减少",
    "比上年同期增长",
    "比上年同期下降",
    "比上年同期提高",
    "比上年减少",
    "比上年增长",
    "比上年下降",
    "比上年提高",
    "年增长",
    "年减少",
    "大于等于",
    "小于等于",
    "不少于",
    "不低于",
    "不小于",
    "不超过",
    "不高于",
    "不多于",
    "每月播放",
    "每月",
    "每季度",
    "每年",
    "增长",
    "减少",
    "下降",
    "提高",
    "大于",
    "小于",
    "超过",
    "低于",
    "≥",
    "≤",
    ">=",
    "<=",
    ">",
    "<",
    "=",
];

const CHANGE_WORDS: &[&str] = &["增长", "减少", "下降", "提高"];

/// Units after a number, longest first.
const UNITS: &[&str] = crate::model::quantity::UNIT_WORDS;

const SUFFIXES: &[&str] = &["及以上", "及以下", "以上", "以下", "以内"];

struct Found {
    name: String,
    target: String,
    deadline: bool,
    change: bool,
}

/// Targets a notice states in words, with no number (`群众法治意识明显提升`).
const QUALITATIVE_TAILS: &[&str] = &[
    "明显提升",
    "明显提高",
    "有效提升",
    "有效提高",
    "显著提升",
    "显著提高",
    "进一步提升",
    "进一步提高",
    "进一步丰富",
    "持续提升",
    "持续改善",
    "明显改善",
    "逐步提高",
    "逐步改善",
    "有效改善",
    "逐步缩小",
    "稳步提升",
    "明显增强",
    "有效增强",
    "显著增强",
    "不断增强",
    "进一步增强",
    "持续完善",
    "不断完善",
    "逐步完善",
    "有效保障",
    "明显下降",
];

/// Indicators from a notice (绩效目标公示) that states its targets in sentences: like
/// [`department_indicators`], plus targets in words (`明显提升`), a level heading before a
/// colon (`产出指标：…`) taken as the level, and levels by meaning otherwise.
pub fn notice_indicators(segments: &[Segment], notes: &mut Vec<Note>) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<(String, String), Location> = BTreeMap::new();
    for seg in segments {
        // `1.数量指标：A≥15个；B≥3000亩。`: the heading's level holds for the whole line.
        let (seg_hint, text) = level_hint(strip_list_marker(seg.text.trim()));
        for clause in text.split(['；', ';', '。', '\n']) {
            for phrase in clause.split(['，', ',']) {
                let (hint, phrase) = level_hint(strip_list_marker(phrase.trim()));
                let hint = hint.or(seg_hint);
                let phrase = strip_list_marker(phrase);
                let found = find_target(phrase)
                    .map(|f| open_unit(phrase, f))
                    .or_else(|| find_words(phrase))
                    .or_else(|| hint.and_then(|_| find_bare(phrase)));
                let Some(f) = found else {
                    continue;
                };
                if f.name.is_empty() {
                    continue;
                }
                if !first_time(&mut seen, &f, &seg.loc, notes, |first| {
                    format!(
                        "`{}{}` 重复出现（首次在 {first}），只保留一次",
                        f.name, f.target
                    )
                }) {
                    continue;
                }
                let (level1, level2) = hint.unwrap_or_else(|| classify_notice(&f));
                out.push(new_indicator(level1, level2, f.name, f.target));
            }
        }
    }
    out
}

/// Whether this is the first time the text states `f` (same name, same target); a repeat
/// is one indicator said twice, so it is kept once and the note (`repeated`, given where
/// the first one stands) says so.
fn first_time(
    seen: &mut BTreeMap<(String, String), Location>,
    f: &Found,
    at: &Location,
    notes: &mut Vec<Note>,
    repeated: impl FnOnce(&Location) -> String,
) -> bool {
    let key = (f.name.clone(), f.target.clone());
    if let Some(first) = seen.get(&key) {
        notes.push(Note::info(at.clone(), repeated(first)));
        return false;
    }
    seen.insert(key, at.clone());
    true
}

/// `产出指标：数量指标：新建温室大棚≥40座` → the levels and the rest.
fn level_hint(p: &str) -> (Option<(&'static str, &'static str)>, &str) {
    let mut rest = p;
    let mut hint = None;
    while let Some(i) = rest.find(['：', ':']) {
        let head = rest.get(..i).unwrap_or("");
        if head.chars().count() > 10 {
            break;
        }
        let two = super::synonyms::level2_of(head);
        let one = super::synonyms::level1_of(head);
        if two.is_none() && one.is_none() {
            break;
        }
        if let Some(two) = two {
            hint = levels::level1_of(two).map(|one| (one, two));
        }
        let colon = rest
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        rest = rest.get(i + colon..).unwrap_or("").trim_start();
    }
    (hint, rest)
}

/// A cell that states name and target together (`新建温室大棚≥40座`, in a table with no
/// 指标值 column): the name and the target.
pub fn split_name_target(text: &str) -> Option<(String, String)> {
    let p = text.trim();
    let f = find_target(p)
        .map(|f| open_unit(p, f))
        .or_else(|| find_words(p))
        .or_else(|| find_bare(p))?;
    (!f.name.is_empty()).then_some((f.name, f.target))
}

/// A unit the shared vocabulary does not know (`≥3000亩`, `≥6艘次`) ends the phrase: it
/// belongs to the target, not to the name.
fn open_unit(p: &str, mut f: Found) -> Found {
    let Some(i) = p.find(&f.target) else { return f };
    let tail = p.get(i + f.target.len()..).unwrap_or("").trim();
    let short = (1..=3).contains(&tail.chars().count())
        && tail
            .chars()
            .all(|c| c.is_alphabetic() && !"的和及与".contains(c));
    if short && f.name.ends_with(tail) && !f.deadline {
        f.name.truncate(f.name.len() - tail.len());
        f.target.push_str(tail);
    }
    f
}

/// Under a level heading, a value at the end of a phrase with no operator
/// (`改造初制所验收合格率100%`) is the target.
fn find_bare(p: &str) -> Option<Found> {
    let d = p.find(|c: char| c.is_ascii_digit())?;
    let target = p.get(d..)?.trim();
    let unit: String = target
        .chars()
        .skip_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if unit.chars().count() > 4
        || unit
            .chars()
            .any(|c| c.is_ascii_digit() || "，,。；;".contains(c))
    {
        return None;
    }
    let name = join_name(p.get(..d)?, "");
    (!name.is_empty()).then(|| Found {
        name,
        target: target.to_string(),
        deadline: false,
        change: false,
    })
}

/// A target in words at the end of a phrase.
fn find_words(p: &str) -> Option<Found> {
    let tail = QUALITATIVE_TAILS.iter().find(|t| p.ends_with(**t))?;
    let name = p.get(..p.len() - tail.len())?.trim();
    Some(Found {
        name: join_name(name, ""),
        target: (*tail).to_string(),
        deadline: false,
        change: true,
    })
}

/// Levels of a notice's target by meaning: deadlines → 时效; 满意 → 满意度; money → 成本;
/// changes, less-is-better rates and targets in words → 社会效益; other rates → 质量;
/// counts → 数量.
fn classify_notice(f: &Found) -> (&'static str, &'static str) {
    let t = f.target.as_str();
    let reverse = ["≤", "<", "小于", "不超过", "不高于", "低于", "以下", "以内"]
        .iter()
        .any(|w| t.contains(w));
    if f.deadline {
        ("产出指标", "时效指标")
    } else if f.name.contains("满意") {
        ("满意度指标", "服务对象满意度指标")
    } else if t.ends_with('元') {
        ("产出指标", "成本指标")
    } else if f.change || reverse || f.name.contains("投诉") {
        ("效益指标", "社会效益指标")
    } else if t.contains('%') || t.contains('％') {
        ("产出指标", "质量指标")
    } else {
        ("产出指标", "数量指标")
    }
}

pub fn department_indicators(segments: &[Segment], notes: &mut Vec<Note>) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<(String, String), Location> = BTreeMap::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for seg in segments {
        for clause in seg.text.split(['；', ';', '。', '\n']) {
            let clause = strip_list_marker(clause.trim());
            if clause.is_empty() {
                continue;
            }
            let mut any = false;
            for phrase in clause.split(['，', ',']) {
                let phrase = strip_list_marker(phrase.trim());
                let Some(f) = find_target(phrase) else {
                    continue;
                };
                any = true;
                if f.name.is_empty() {
                    notes.push(Note::problem(
                        seg.loc.clone(),
                        crate::i18n::tf(
                            "import.target-no-name",
                            &[("target", &f.target.to_string()), ("clause", clause)],
                        ),
                    ));
                    continue;
                }
                if !first_time(&mut seen, &f, &seg.loc, notes, |first| {
                    crate::i18n::tf(
                        "import.repeated",
                        &[
                            ("name", &f.name.to_string()),
                            ("target", &f.target.to_string()),
                            ("area", &seg.area.to_string()),
                            ("first", &first.to_string()),
                        ],
                    )
                }) {
                    continue;
                }
                let (level1, level2) = classify(&f);
                let prefix = levels::id_prefix(level2);
                let n = counts.entry(prefix).or_insert(0);
                *n += 1;
                out.push(Indicator {
                    id: format!("{prefix}{n}"),
                    description: clause.to_string(),
                    area: Some(seg.area.clone()),
                    ..new_indicator(level1, level2, f.name, f.target)
                });
            }
            if !any {
                if seg.indicator_text && has_number(clause) {
                    notes.push(Note::problem(
                        seg.loc.clone(),
                        crate::i18n::tf("import.no-target", &[("clause", clause)]),
                    ));
                } else if seg.indicator_text || has_number(clause) {
                    notes.push(Note::info(
                        seg.loc.clone(),
                        crate::i18n::tf("import.not-measurable", &[("clause", clause)]),
                    ));
                }
            }
        }
    }
    out
}

/// A number outside list markers.
fn has_number(clause: &str) -> bool {
    strip_list_marker(clause)
        .chars()
        .any(|c| c.is_ascii_digit())
}

/// Drops `1.`, `1、`, `（1）`, `(1)` at the start of a phrase.
fn strip_list_marker(p: &str) -> &str {
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = p.strip_prefix(open) {
            let d = rest.bytes().take_while(u8::is_ascii_digit).count();
            if d > 0 {
                if let Some(r) = rest.get(d..).and_then(|r| r.strip_prefix(close)) {
                    return r.trim_start();
                }
            }
        }
    }
    let d = p.bytes().take_while(u8::is_ascii_digit).count();
    if d > 0 {
        if let Some(r) = p.get(d..) {
            if let Some(r) = r.strip_prefix('、').or_else(|| {
                r.strip_prefix('.')
                    .filter(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
            }) {
                return r.trim_start();
            }
        }
    }
    p
}

fn find_target(p: &str) -> Option<Found> {
    if let Some(f) = find_deadline(p) {
        return Some(f);
    }
    let d = p.find(|c: char| c.is_ascii_digit())?;
    let before = p.get(..d)?;
    let lead = LEAD_WORDS.iter().find(|w| before.ends_with(**w));
    // The number and what follows it.
    let rest = p.get(d..)?;
    let num_len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let mut end = d + num_len;
    let after_num = p.get(end..).unwrap_or("");
    if let Some(u) = UNITS.iter().find(|u| after_num.starts_with(**u)) {
        end += u.len();
    }
    let after_unit = p.get(end..).unwrap_or("");
    let suffix = SUFFIXES.iter().find(|s| after_unit.starts_with(**s));
    if let Some(s) = suffix {
        end += s.len();
    }
    let start = match (lead, suffix) {
        (Some(w), _) => d - w.len(),
        (None, Some(_)) => d,
        (None, None) => return None,
    };
    let target = p.get(start..end)?.to_string();
    let change = CHANGE_WORDS.iter().any(|w| target.contains(w));
    let name = join_name(p.get(..start)?, p.get(end..).unwrap_or(""));
    Some(Found {
        name,
        target,
        deadline: false,
        change,
    })
}

/// `12月底…`, `2022年12月底前…`, `年底前…`.
fn find_deadline(p: &str) -> Option<Found> {
    let (start, end) = if let Some(i) = p.find("月底") {
        let head = p.get(..i)?;
        let md = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if md == 0 || md > 2 {
            return None;
        }
        let mut start = i - md;
        if let Some(h) = p.get(..start).and_then(|h| h.strip_suffix('年')) {
            let yd = h.bytes().rev().take_while(u8::is_ascii_digit).count();
            if yd == 4 {
                start = h.len() - 4;
            }
        }
        let mut end = i + "月底".len();
        if p.get(end..).is_some_and(|r| r.starts_with('前')) {
            end += '前'.len_utf8();
        }
        (start, end)
    } else if let Some(i) = p.find("年底前") {
        (i, i + "年底前".len())
    } else {
        return None;
    };
    let target = p.get(start..end)?.to_string();
    let name = join_name(p.get(..start)?, p.get(end..).unwrap_or(""));
    Some(Found {
        name,
        target,
        deadline: true,
        change: false,
    })
}

fn join_name(before: &str, after: &str) -> String {
    let before = before.trim();
    let before = before.strip_prefix("达到").unwrap_or(before);
    let mut name = format!("{}{}", before.trim(), after.trim());
    for mark in ["（反向指标）", "(反向指标)"] {
        name = name.replace(mark, "");
    }
    name.trim_matches(|c: char| c.is_whitespace() || "，,。；;：:".contains(c))
        .to_string()
}

fn classify(f: &Found) -> (&'static str, &'static str) {
    if f.deadline {
        ("产出指标", "时效指标")
    } else if f.name.contains("满意") {
        ("满意度指标", "服务对象满意度指标")
    } else if f.change || f.name.contains("投诉") {
        ("效益指标", "社会效益指标")
    } else if f.target.contains('%') || f.target.contains('％') {
        ("产出指标", "质量指标")
    } else {
        ("产出指标", "数量指标")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(p: &str) -> Option<(String, String)> {
        find_target(p).map(|f| (f.name, f.target))
    }

    #[test]
    fn splits_names_and_targets() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            t("印制各种法律宣传资料数量大于等于2000份"),
            s("印制各种法律宣传资料数量", "大于等于2000份")
        );
        assert_eq!(t("12月底组织主题宣传活动"), s("组织主题宣传活动", "12月底"));
        assert_eq!(
            t("达到满意程度的比率大于等于80%"),
            s("满意程度的比率", "大于等于80%")
        );
        assert_eq!(
            t("受援群众对法律援助工作的投诉率（反向指标）小于等于10%"),
            s("受援群众对法律援助工作的投诉率", "小于等于10%")
        );
        assert_eq!(
            t("社区矫正人员在犯罪率比上年同期减少5%"),
            s("社区矫正人员在犯罪率", "比上年同期减少5%")
        );
        assert_eq!(
            t("法律援助年办案量增长10%以上"),
            s("法律援助年办案量", "增长10%以上")
        );
        assert_eq!(t("公证办证量年增长3%"), s("公证办证量", "年增长3%"));
        assert_eq!(
            t("《政法时空》栏目每月播放2期“以案释法”案例"),
            s("《政法时空》栏目“以案释法”案例", "每月播放2期")
        );
        assert_eq!(
            t("为社会提供法律咨询服务数量大于等于80"),
            s("为社会提供法律咨询服务数量", "大于等于80")
        );
        assert_eq!(t("抓实抓细18项具体便民利民措施"), None);
    }

    #[test]
    fn list_markers_are_not_numbers() {
        assert_eq!(strip_list_marker("（4）不断提高"), "不断提高");
        assert_eq!(strip_list_marker("2.继续严格"), "继续严格");
        assert_eq!(strip_list_marker("2.5%"), "2.5%");
    }
}
