//! Strings, numbers and booleans for the fast reader, each exactly as TOML 1.1 (and so
//! `toml_edit`) reads it, or `None`: date-times, exponents, `inf`/`nan` and anything
//! malformed go to `toml_edit`.

use super::fast::Reader;
use super::Node;
use std::borrow::Cow;

/// Plain decimals longer than this go to `toml_edit`, whose check for a float too large
/// for `f64` this road does not repeat.
const MAX_FLOAT_LEN: usize = 300;

impl<'s> Reader<'s> {
    /// A string, number or boolean value.
    pub(super) fn scalar(&mut self) -> Option<Node<'s>> {
        let start = self.at;
        let string = match self.peek()? {
            b'"' if self.rest().starts_with(b"\"\"\"") => self.multi_line(b'"')?,
            b'\'' if self.rest().starts_with(b"'''") => self.multi_line(b'\'')?,
            b'"' => self.basic_string()?,
            b'\'' => self.literal_string()?,
            _ => return self.bare_scalar(),
        };
        Some(Node::String {
            value: string,
            span: Some(start..self.at),
        })
    }

    /// `"…"` on one line, from its opening quote; borrowed from the source when it has
    /// no escapes (most strings of a scorecard).
    pub(super) fn basic_string(&mut self) -> Option<Cow<'s, str>> {
        self.at += 1;
        let start = self.at;
        let mut out: Option<String> = None;
        loop {
            let text = self.run_until(b"\"\\", false)?;
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(match out {
                        None => Cow::Borrowed(self.src.get(start..self.at - 1)?),
                        Some(mut s) => {
                            s.push_str(text);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(text);
                    self.at += 1;
                    self.escape(s)?;
                }
                _ => return None,
            }
        }
    }

    /// `'…'` on one line: no escapes, always borrowed.
    pub(super) fn literal_string(&mut self) -> Option<Cow<'s, str>> {
        self.at += 1;
        let text = self.run_until(b"'", false)?;
        self.eat(b'\'').then_some(Cow::Borrowed(text))
    }

    /// `"""…"""` or `'''…'''` (`quote` says which), from the opening quotes: a line end
    /// right after them is dropped, line ends inside are kept as written (`\r\n` too),
    /// and up to two quotes may stand just before the closing three.
    fn multi_line(&mut self, quote: u8) -> Option<Cow<'s, str>> {
        self.at += 3;
        self.eat_newline();
        let mut run = self.at;
        let mut out: Option<String> = None;
        let stops: &[u8] = if quote == b'"' { b"\"\\\r" } else { b"'\r" };
        loop {
            self.run_until(stops, true)?;
            match self.peek()? {
                b'\r' => {
                    if !self.eat_newline() {
                        return None;
                    }
                }
                b'\\' => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(self.src.get(run..self.at)?);
                    self.at += 1;
                    if matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                        self.line_ending_backslash()?;
                    } else {
                        self.escape(s)?;
                    }
                    run = self.at;
                }
                _ => {
                    let n = self.rest().iter().take_while(|&&b| b == quote).count();
                    self.at += n;
                    if n < 3 {
                        continue;
                    }
                    if n > 5 {
                        return None;
                    }
                    let text = self.src.get(run..self.at - 3)?;
                    return Some(match out {
                        None => Cow::Borrowed(text),
                        Some(mut s) => {
                            s.push_str(text);
                            Cow::Owned(s)
                        }
                    });
                }
            }
        }
    }

    /// After a `\` that ends a line of a `"""` string: the rest of the line must be blank,
    /// and all whitespace and line ends up to the next text are dropped.
    fn line_ending_backslash(&mut self) -> Option<()> {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
        if !self.eat_newline() {
            return None;
        }
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.at += 1,
                _ if self.eat_newline() => {}
                _ => return Some(()),
            }
        }
    }

    /// The escape after a `\`, decoded onto `out`.
    fn escape(&mut self, out: &mut String) -> Option<()> {
        let c = self.peek()?;
        self.at += 1;
        let ch = match c {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'e' => '\u{1b}',
            b'"' => '"',
            b'\\' => '\\',
            b'x' => self.code_point(2)?,
            b'u' => self.code_point(4)?,
            b'U' => self.code_point(8)?,
            _ => return None,
        };
        out.push(ch);
        Some(())
    }

    /// `digits` hex digits naming a Unicode scalar value (surrogates are not).
    fn code_point(&mut self, digits: usize) -> Option<char> {
        let hex = self.src.get(self.at..self.at + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += digits;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// `true`, `false`, an integer or a plain decimal float: the run of characters such
    /// values (and the date-times and exponents left to `toml_edit`) are made of.
    fn bare_scalar(&mut self) -> Option<Node<'s>> {
        let start = self.at;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b':'))
        {
            self.at += 1;
        }
        let text = self.src.get(start..self.at)?;
        let span = Some(start..self.at);
        match text {
            "true" => Some(Node::Boolean { value: true, span }),
            "false" => Some(Node::Boolean { value: false, span }),
            _ if is_plain_float(text) => Some(Node::Float { span }),
            _ => integer(text).map(|value| Node::Integer { value, span }),
        }
    }
}

/// A TOML integer: decimal with an optional sign and no leading zero, or `0x`/`0o`/`0b`
/// without a sign; `_` only between digits; `None` past `i64`.
fn integer(text: &str) -> Option<i64> {
    let (radix, digits) = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find_map(|(prefix, radix)| Some((radix, text.strip_prefix(prefix)?)))
        .unwrap_or((10, text));
    let unsigned = match radix {
        10 => digits.strip_prefix(['+', '-']).unwrap_or(digits),
        _ => digits,
    };
    if !is_digits(unsigned, radix) || (radix == 10 && has_leading_zero(unsigned)) {
        return None;
    }
    let clean: Cow<str> = if digits.contains('_') {
        Cow::Owned(digits.replace('_', ""))
    } else {
        Cow::Borrowed(digits)
    };
    i64::from_str_radix(&clean, radix).ok()
}

/// `12.50`, `-0.5`, `1_000.0`: a decimal integer part, a point, digits; no exponent.
fn is_plain_float(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let Some((whole, fraction)) = unsigned.split_once('.') else {
        return false;
    };
    text.len() <= MAX_FLOAT_LEN
        && is_digits(whole, 10)
        && !has_leading_zero(whole)
        && is_digits(fraction, 10)
}

/// At least one digit of `radix`, with each `_` between two digits.
fn is_digits(s: &str, radix: u32) -> bool {
    let mut after_digit = false;
    for c in s.chars() {
        if c == '_' && after_digit {
            after_digit = false;
        } else if c.is_digit(radix) {
            after_digit = true;
        } else {
            return false;
        }
    }
    after_digit
}

/// `01`, `0_1`: TOML allows no leading zero in decimal numbers.
fn has_leading_zero(digits: &str) -> bool {
    digits.len() > 1 && digits.starts_with('0')
}
