//! CSV for Excel: a byte-order mark so that Excel on a Chinese Windows reads UTF-8, and
//! cells of untrusted text that Excel would run as formulas made inert.
//!
//! Formula injection (OWASP, "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return is read by Excel as a formula (`=HYPERLINK(…)` in a 偏差原因
//! runs when the file is opened). Such a text cell is prefixed with `'`, which Excel
//! shows as text and does not display. Decision: only text fields are escaped — names,
//! targets, actuals, reasons, errors — never the numbers we print ourselves (points,
//! scores), and a text that is a plain signed number or percentage (`-5`, `-3.5%`) stays
//! as written: Excel reads it as a number, never as a formula.

/// The UTF-8 byte-order mark Excel needs to open a CSV as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `text` safe to put in a CSV cell opened by a spreadsheet.
pub fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `-5`, `+3.5`, `-12.5%`: a signed decimal, optionally a percentage.
fn is_plain_number(text: &str) -> bool {
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    let t = t.strip_suffix('%').unwrap_or(t);
    let (int, frac) = t.split_once('.').unwrap_or((t, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_escaped_and_numbers_kept() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"点击\")",
                "'=HYPERLINK(\"http://x\",\"点击\")",
            ),
            ("+1+2", "'+1+2"),
            ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-5", "-5"),
            ("-3.5%", "-3.5%"),
            ("+10", "+10"),
            ("≥2000份", "≥2000份"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(cell(raw), want, "{raw:?}");
        }
    }
}
