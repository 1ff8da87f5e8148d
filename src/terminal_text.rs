//! Untrusted text on its way to a terminal. A file name, a project name or a cell may hold
//! control characters: an escape sequence (`\u{1b}]0;pwned\u{7}` retitles the window,
//! others move the cursor or hide what follows), a carriage return that overwrites the
//! line, or a bidirectional override that shows text in another order than it is read.
//! Printed raw, such text can make a message say something the file does not. Every
//! diagnostic and every stderr message of the command line goes through
//! [`sanitize_for_terminal`].

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as is. Newlines and tabs lay text out and stay.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character (C0 but newline and tab, DEL, C1) and every
/// bidirectional override written as a visible escape, `\u{1b}`. Idempotent, and free
/// when there is nothing to escape.
pub fn sanitize_for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_sent() {
        assert_eq!(
            sanitize_for_terminal("a\u{1b}]0;pwned\u{7}b"),
            "a\\u{1b}]0;pwned\\u{7}b"
        );
        assert_eq!(
            sanitize_for_terminal("x\r\u{9b}\u{202e}"),
            "x\\u{d}\\u{9b}\\u{202e}"
        );
        assert_eq!(sanitize_for_terminal("第1行\n\t中文"), "第1行\n\t中文");
        let once = sanitize_for_terminal("\u{1b}[2J").into_owned();
        assert_eq!(sanitize_for_terminal(&once), once);
    }
}
