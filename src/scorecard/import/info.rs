//! Project information outside the indicator block: label/value pairs (`项目名称 | …`,
//! `年度资金总额（万元） | 612`, `其中：财政拨款 | 500`), a label and its value in one cell
//! (`主管部门：某某局`), a row of money labels over a row of amounts, and the lines that
//! frame a form (titles, `单位：万元`, `（2023年度）`).

use super::amount::{is_unit_line, read_amount, unit_named, Money};
use super::blocks::{GridCell, Location};
use super::indicator_row::clip;
use super::reading::Reading;
use super::synonyms::{label_of, squeeze, Label};
use super::Note;
use rust_decimal::Decimal;

/// Splits `项目名称：某某` into its label and value when the part before the colon is a label.
pub fn label_in_text(text: &str) -> Option<(Label, String)> {
    let t = text.trim();
    let Some(cut) = t.find(['：', ':']) else {
        return money_in_text(t);
    };
    let head = t.get(..cut)?;
    if super::synonyms::key(head) == "其中" {
        // `其中：财政拨款4726.37`: the breakdown follows.
        let colon = t.get(cut..)?.chars().next()?.len_utf8();
        return label_in_text(t.get(cut + colon..)?);
    }
    let label = label_of(head)?;
    let colon_len = t.get(cut..)?.chars().next()?.len_utf8();
    let value = t.get(cut + colon_len..)?.trim();
    Some((label, value.to_string()))
}

/// `财政拨款4726.37`, `年度资金总额350万元`: a money label and its amount with no colon.
fn money_in_text(t: &str) -> Option<(Label, String)> {
    let d = t.find(|c: char| c.is_ascii_digit())?;
    let head = t.get(..d)?;
    let label = label_of(head)?;
    let money = matches!(
        label,
        Label::Total | Label::Fiscal | Label::Part | Label::SubFiscal | Label::Other
    );
    let value = t.get(d..)?.trim();
    (money && read_amount(value, Money::Wan).is_some()).then(|| (label, value.to_string()))
}

/// The `label：value` items of a text made only of such items between runs of spaces
/// (`其中：财政拨款4726.37    其他资金100`), with each label's own text.
pub fn labelled_items(text: &str) -> Option<Vec<(Label, String, String)>> {
    let mut out = Vec::new();
    for p in space_pieces(text) {
        let (label, value) =
            label_in_text(&p).filter(|(l, v)| *l != Label::Frame && !v.is_empty())?;
        let head = match p.find(['：', ':']) {
            Some(i) => p.get(..i).unwrap_or("").to_string(),
            None => p
                .get(..p.find(|c: char| c.is_ascii_digit()).unwrap_or(0))
                .unwrap_or("")
                .to_string(),
        };
        out.push((label, head, value));
    }
    (!out.is_empty()).then_some(out)
}

/// Splits at runs of two or more spaces (a full-width space counts as two) or tabs.
pub fn space_pieces(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut blanks = 0;
    for c in t.chars() {
        match c {
            ' ' => blanks += 1,
            '\u{3000}' | '\t' => blanks += 2,
            _ => {
                if blanks >= 2 && !cur.trim().is_empty() {
                    out.push(std::mem::take(&mut cur).trim().to_string());
                } else if blanks > 0 {
                    cur.push(' ');
                }
                blanks = 0;
                cur.push(c);
            }
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// Places a value under its label. Returns false when the value is not what the label
/// needs (an amount that is not a number), so the caller can report it.
pub fn place(
    reading: &mut Reading,
    label: Label,
    label_text: &str,
    value: &str,
    loc: &Location,
    row_unit: Option<Money>,
) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return true;
    }
    let money = || reading.money_or(unit_named(label_text).or(row_unit));
    match label {
        Label::Name => {
            let name: String = value.lines().map(str::trim).collect::<Vec<_>>().join("");
            let d = reading.new_project(loc);
            d.name = Some((name, loc.clone()));
        }
        Label::Code => {
            let code = squeeze(value);
            let taken = reading.current(loc).code.is_some();
            if taken {
                reading
                    .projects
                    .push(super::reading::Draft::new(loc.clone()));
            }
            reading.current(loc).code = Some(code);
        }
        Label::Department => {
            let v = strip_seal(value);
            if reading.department_name.is_none() && !v.is_empty() {
                reading.department_name = Some((v, loc.clone()));
            }
        }
        Label::Unit => {
            let v = strip_seal(value);
            reading.current(loc).unit = Some(v);
        }
        Label::Manager | Label::Period => {
            reading.notes.push(Note::info(
                loc.clone(),
                crate::i18n::tf(
                    "import.n-not-kept",
                    &[("label", &squeeze(label_text)), ("value", &clip(value))],
                ),
            ));
        }
        Label::Purpose => reading.current(loc).purpose.push(value.to_string()),
        Label::Goals => {
            let lines: Vec<String> = value
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            reading.current(loc).goals.extend(lines);
        }
        Label::Total | Label::Fiscal | Label::Part | Label::SubFiscal | Label::Other => {
            let m = money();
            let Some(amount) = read_amount(value, m) else {
                return is_nothing(value);
            };
            // `36.8万元（其中财政拨款36.8万元）`: the breakdown in the brackets.
            if let Some(inner) = bracket_note(value) {
                let inner = inner
                    .strip_prefix("其中")
                    .unwrap_or(&inner)
                    .trim_start_matches([':', '：']);
                for clause in inner.split(['，', ',', '、', '；', ';']) {
                    if let Some((l, v)) = label_in_text(clause).filter(|(l, _)| *l != label) {
                        place(reading, l, clause, &v, loc, row_unit);
                    }
                }
            }
            let d = reading.current(loc);
            match label {
                Label::Total => d.total = Some(d.total.map_or(amount, |t| t.max(amount))),
                Label::Fiscal => d.fiscal = Some(amount),
                Label::Other => d.other = Some(amount),
                Label::SubFiscal => d.sub_fiscal.push(amount),
                _ => d.carryover = Some(d.carryover.unwrap_or_default() + amount),
            }
        }
        Label::Year => {
            let y = squeeze(value);
            let y = y.trim_end_matches("年度").trim_end_matches('年');
            super::build::collect_years(&format!("{y}年"), loc.clone(), &mut reading.title_years);
        }
        Label::Frame => {}
    }
    true
}

/// The text in the brackets that end a value.
fn bracket_note(value: &str) -> Option<String> {
    let sq = squeeze(value);
    let open = sq.find('(')?;
    sq.ends_with(')')
        .then(|| sq.get(open + 1..sq.len() - 1).unwrap_or("").to_string())
}

/// `—`, `/`, `无`: an amount cell left empty on purpose.
fn is_nothing(value: &str) -> bool {
    matches!(squeeze(value).as_str(), "" | "—" | "-" | "/" | "无" | "——")
}

/// `某某局（盖章）` → `某某局`.
fn strip_seal(v: &str) -> String {
    let s = v.trim();
    let s = s
        .strip_suffix("（盖章）")
        .or_else(|| s.strip_suffix("(盖章)"))
        .unwrap_or(s);
    s.trim().to_string()
}

/// Reads a row outside indicator blocks; returns whether anything in it was recognised.
/// Cells that cannot be placed are reported.
pub fn read_info_row(
    reading: &mut Reading,
    grid: &[Vec<GridCell>],
    r: usize,
    used: &mut [Vec<bool>],
) {
    let Some(row) = grid.get(r) else { return };
    let row_unit = row.iter().find_map(|c| unit_named(&c.text));
    let mut c = 0;
    while c < row.len() {
        let Some(cell) = row.get(c) else { break };
        // A label merged down over several rows labels each of them (年度绩效目标 over
        // two rows of goal text); other merge repeats are not new content.
        let repeated_label = cell.continued
            && !cell.spanned
            && label_of(&cell.text).is_some_and(|l| l != Label::Frame);
        if (!cell.is_origin() && !repeated_label)
            || is_used(used, r, c)
            || cell.text.trim().is_empty()
        {
            c += 1;
            continue;
        }
        if let Some(m) = is_unit_line(&cell.text) {
            reading.money = Some(m);
            mark(used, r, c);
            c += 1;
            continue;
        }
        if let Some(items) = labelled_items(&cell.text) {
            mark(used, r, c);
            for (label, label_text, value) in items {
                if !place(reading, label, &label_text, &value, &cell.loc, row_unit) {
                    reading.notes.push(Note::problem(
                        cell.loc.clone(),
                        crate::i18n::tf("import.n-not-amount", &[("value", &clip(&value))]),
                    ));
                }
            }
            c += 1;
            continue;
        }
        let Some(label) = label_of(&cell.text) else {
            c += 1;
            continue;
        };
        mark(used, r, c);
        if label == Label::Frame {
            c += 1;
            continue;
        }
        if matches!(label, Label::Goals | Label::Purpose) {
            // Text labels take the rest of the row (a task table under 年度主要任务).
            // A short fact (项目属性 | 延续项目 | 项目期 | 1年) ends at the next label; goals
            // and task tables take the whole row.
            let rest = rest_of_row(row, c, r, used, label == Label::Purpose);
            if !rest.is_empty() {
                place(
                    reading,
                    label,
                    &cell.text,
                    &rest.join("\t"),
                    &cell.loc,
                    row_unit,
                );
            }
            c += 1;
            continue;
        }
        let (value, at) = value_for(grid, r, c, used);
        if let Some((vr, vc)) = at {
            mark(used, vr, vc);
            let vloc = grid
                .get(vr)
                .and_then(|x| x.get(vc))
                .map(|x| x.loc.clone())
                .unwrap_or_else(|| cell.loc.clone());
            if !place(reading, label, &cell.text, &value, &vloc, row_unit) {
                reading.notes.push(Note::problem(
                    vloc,
                    crate::i18n::tf(
                        "import.n-not-amount-under",
                        &[("label", &squeeze(&cell.text)), ("value", &clip(&value))],
                    ),
                ));
            }
        }
        c += 1;
    }
}

/// The texts of the cells right of `c` that start in this row, marked as used.
fn rest_of_row(
    row: &[GridCell],
    c: usize,
    r: usize,
    used: &mut [Vec<bool>],
    stop_at_label: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    for (k, cell) in row.iter().enumerate().skip(c + 1) {
        if cell.spanned || cell.continued || is_used(used, r, k) {
            continue;
        }
        if stop_at_label && label_of(&cell.text).is_some_and(|l| l != Label::Frame) {
            break;
        }
        mark(used, r, k);
        let t = cell.text.trim();
        if !t.is_empty() && out.last().is_none_or(|l: &String| l != t) {
            out.push(t.to_string());
        }
    }
    out
}

/// The value of the label at (r, c): the next cell to the right that is neither empty nor a
/// label, else the cell below when the row is a row of labels over a row of values.
fn value_for(
    grid: &[Vec<GridCell>],
    r: usize,
    c: usize,
    used: &[Vec<bool>],
) -> (String, Option<(usize, usize)>) {
    let Some(row) = grid.get(r) else {
        return (String::new(), None);
    };
    let mut k = c + 1;
    while let Some(cell) = row.get(k) {
        if cell.spanned {
            k += 1;
            continue;
        }
        let t = cell.text.trim();
        if t.is_empty() {
            k += 1;
            continue;
        }
        if label_of(t).is_some() || label_in_text(t).is_some() || is_used(used, r, k) {
            break;
        }
        return (cell.text.clone(), Some((r, k)));
    }
    // A row of labels over a row of values.
    if let Some(below) = grid.get(r + 1).and_then(|b| b.get(c)) {
        let t = below.text.trim();
        if below.is_origin()
            && !t.is_empty()
            && label_of(t).is_none()
            && read_amount(t, Money::Wan).is_some()
        {
            return (below.text.clone(), Some((r + 1, c)));
        }
    }
    (String::new(), None)
}

pub fn mark(used: &mut [Vec<bool>], r: usize, c: usize) {
    if let Some(x) = used.get_mut(r).and_then(|u| u.get_mut(c)) {
        *x = true;
    }
}

pub fn is_used(used: &[Vec<bool>], r: usize, c: usize) -> bool {
    used.get(r).and_then(|u| u.get(c)).copied().unwrap_or(false)
}

/// The sum of a breakdown when no total is printed. The parts of 财政拨款 (省级补助,
/// 县级配套 …) count only when 财政拨款 itself is not printed.
pub fn breakdown(
    fiscal: Option<Decimal>,
    other: Option<Decimal>,
    carryover: Option<Decimal>,
    sub_fiscal: &[Decimal],
) -> Option<Decimal> {
    let fiscal = fiscal
        .or_else(|| (!sub_fiscal.is_empty()).then(|| sub_fiscal.iter().copied().sum::<Decimal>()));
    if fiscal.is_none() && other.is_none() && carryover.is_none() {
        return None;
    }
    Some(fiscal.unwrap_or_default() + other.unwrap_or_default() + carryover.unwrap_or_default())
}
