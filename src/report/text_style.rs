//! `--width` and `--ascii` for the text that is not a table (`explain`, `diff`), as the
//! score tables take them: a long line folds at the width under its own indent (Chinese
//! counts two columns a character), and `--ascii` writes the arrows and marks a plain
//! terminal may not show as ASCII. Without either, the text is left as it is.

use super::TableStyle;
use unicode_width::UnicodeWidthChar;

/// The marks the text renderers use, and their ASCII forms.
const ASCII: [(char, &str); 12] = [
    ('→', "->"),
    ('›', ">"),
    ('—', "-"),
    ('−', "-"),
    ('×', "x"),
    ('≥', ">="),
    ('≤', "<="),
    ('∈', "in"),
    ('∞', "inf"),
    ('「', "["),
    ('」', "]"),
    ('…', "..."),
];

/// `text` in `style`.
pub fn apply(text: String, style: TableStyle) -> String {
    if style.width.is_none() && !style.ascii {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let body = if style.ascii {
            ascii(body)
        } else {
            body.to_string()
        };
        match style.width {
            Some(w) => fold(&body, usize::from(w), &mut out),
            None => out.push_str(&body),
        }
        out.push_str(end);
    }
    out
}

fn ascii(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match ASCII.iter().find(|(m, _)| *m == c) {
            Some((_, a)) => out.push_str(a),
            None => out.push(c),
        }
    }
    out
}

/// Writes `line` folded to `width` columns: continuation lines start two columns in
/// from the line's own indent, and break at a space where there is one.
fn fold(line: &str, width: usize, out: &mut String) {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let indent = " ".repeat((lead + 2).min(width / 2));
    let mut row = String::new();
    let mut cols = 0usize;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if cols + w > width && !row.trim().is_empty() {
            let first = row.len() - row.trim_start_matches(' ').len();
            let carry = match row.rfind(' ').filter(|&i| i > first && i + 1 < row.len()) {
                Some(i) => row.split_off(i + 1),
                None => String::new(),
            };
            out.push_str(row.trim_end());
            out.push('\n');
            row = format!("{indent}{carry}");
            cols = row.chars().map(|c| c.width().unwrap_or(0)).sum();
        }
        row.push(c);
        cols += w;
    }
    out.push_str(&row);
}

#[cfg(test)]
mod tests {
    use super::{apply, TableStyle};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn lines_fold_at_the_width_under_their_indent() {
        let line = "  计算      1800份 < 2000份 → 10 × 1800/2000 = 9.00，另有很长的说明文字需要折行显示才能看清楚";
        let style = TableStyle {
            width: Some(40),
            ascii: false,
        };
        let out = apply(format!("{line}\n"), style);
        assert!(out.lines().count() > 1, "{out}");
        for l in out.lines() {
            assert!(l.width() <= 40, "{l:?} is {} wide", l.width());
        }
        for l in out.lines().skip(1) {
            assert!(l.starts_with("    "), "{l:?}");
        }
        let joined: String = out.split_whitespace().collect();
        let want: String = line.split_whitespace().collect();
        assert_eq!(joined, want, "nothing lost");
    }

    #[test]
    fn ascii_writes_the_marks_plainly_and_nothing_changes_without_a_style() {
        let text = "row P1 qty1  名称  9.00 → 10.00  (+1.00)\n".to_string();
        let plain = TableStyle::default();
        assert_eq!(apply(text.clone(), plain), text);
        let out = apply(
            text,
            TableStyle {
                width: None,
                ascii: true,
            },
        );
        assert_eq!(out, "row P1 qty1  名称  9.00 -> 10.00  (+1.00)\n");
    }
}
