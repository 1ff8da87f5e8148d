//! Text files as people save them: Excel on a Chinese Windows writes "CSV（逗号分隔）" in
//! GBK, "Unicode 文本" in UTF-16 with a byte-order mark, and "CSV UTF-8" with a UTF-8 BOM.
//! Every sheet a user fills in is read through [`decode`], so all of these read the same;
//! what cannot be read is said with the encoding's name and the line, never as a bare
//! "stream did not contain valid UTF-8".
//!
//! Detection, in order: a zip or OLE signature (an Excel workbook renamed `.csv`), a BOM
//! (UTF-8, UTF-16LE, UTF-16BE), NUL bytes in the pattern of BOM-less UTF-16, valid UTF-8,
//! then GB18030 (a superset of GBK and GB2312). A file in which some lines are UTF-8 and
//! others are not (rows pasted from two files) is refused rather than guessed: one of its
//! halves would come out as mojibake.

use crate::diagnostic::{Code, Diagnostic};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::io::Read;

/// The encodings [`decode`] tells apart, named as a user's editor names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gbk,
}

impl TextEncoding {
    /// The name shown in messages.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => crate::i18n::t("encoding.utf8-bom"),
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gbk => "GBK/GB18030",
        }
    }
}

/// A file's text, without any byte-order mark, and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
}

/// Why a file's bytes are not text we can read: a message and a help line (in the user's
/// language, from the catalogue entry of `code`), and the 1-based line where the problem is, when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    pub code: Code,
    pub message: String,
    pub help: String,
    pub line: Option<usize>,
    /// The line (or the file's first bytes) as best it can be shown, for the diagnostic.
    pub shown: Option<String>,
}

impl EncodingError {
    /// The error of `code`, its texts (`message-<variant>` …) filled with `args`.
    fn new(
        code: Code,
        variant: &'static str,
        args: &[(&'static str, String)],
        line: Option<usize>,
        shown: Option<String>,
    ) -> EncodingError {
        let d = args.iter().fold(
            Diagnostic::new(code, crate::model::Span::default()).variant(variant),
            |d, (name, value)| d.arg(name, value),
        );
        EncodingError {
            code,
            message: d.message,
            help: d.help.unwrap_or_default(),
            line,
            shown,
        }
    }

    /// A source text and span that put [`EncodingError::shown`] at its line, so that a
    /// diagnostic quotes it at `file:line`.
    pub fn as_source(&self) -> (String, crate::model::Span) {
        let Some(shown) = &self.shown else {
            return (String::new(), crate::model::Span::default());
        };
        let before = "\n".repeat(self.line.unwrap_or(1).saturating_sub(1));
        let start = before.len();
        (
            format!("{before}{shown}"),
            crate::model::Span::new(start, start + shown.len()),
        )
    }
}

impl std::fmt::Display for EncodingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::tf(
            "encoding.message-and-help",
            &[("message", &self.message), ("help", &self.help)],
        ))
    }
}

/// The codes of [`EncodingError`]: an Excel workbook under a text name, and undecodable text.
pub const WORKBOOK_CODE: Code = Code::InputWorkbookNotText;
pub const ENCODING_CODE: Code = Code::InputEncoding;

/// Decodes a text file's bytes (see the module comment for the order of detection).
pub fn decode(bytes: &[u8]) -> Result<Decoded, EncodingError> {
    if let Some(other) = not_plain_utf8(bytes) {
        return other;
    }
    // SIMD-checked: Chinese text defeats the standard library's ASCII fast path.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: TextEncoding::Utf8,
        });
    }
    gbk(bytes)
}

/// [`decode`] of bytes it may keep: UTF-8 (most files) becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, EncodingError> {
    if let Some(other) = not_plain_utf8(&bytes) {
        return other;
    }
    match crate::limits::utf8_string(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: TextEncoding::Utf8,
        }),
        Err(bytes) => gbk(&bytes),
    }
}

/// What [`decode`] makes of a workbook, a byte-order mark or UTF-16 without one; `None`
/// for bytes to be read as UTF-8, else as GBK.
fn not_plain_utf8(bytes: &[u8]) -> Option<Result<Decoded, EncodingError>> {
    if let Some(e) = workbook_signature(bytes) {
        return Some(Err(e));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(utf8(rest, TextEncoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(utf16(rest, UTF_16LE, TextEncoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(utf16(rest, UTF_16BE, TextEncoding::Utf16Be));
    }
    bomless_utf16(bytes).map(|(enc, which)| utf16(bytes, enc, which))
}

/// Reads `path` (at most [`crate::limits::MAX_FILE_BYTES`]) and decodes it. The outer
/// error is the file's (missing, too large); the inner one is its encoding's.
pub fn read_text(path: &std::path::Path) -> std::io::Result<Result<Decoded, EncodingError>> {
    // A regular file only (a FIFO would block), within the one file-size limit.
    let bytes = crate::limits::read_file_capped(path, crate::limits::MAX_FILE_BYTES)?;
    Ok(decode_owned(bytes))
}

/// A reader of UTF-8 text from `input` in any encoding [`decode`] reads, for inputs read
/// as a stream (`eval --csv`, possibly standard input): a UTF-8 stream passes through
/// unbuffered past its first 64 KiB (its BOM dropped); any other encoding is read whole
/// (at most [`crate::limits::MAX_FILE_BYTES`]) and decoded.
pub fn utf8_reader<'a, R: Read + 'a>(
    mut input: R,
) -> std::io::Result<Result<Box<dyn Read + 'a>, EncodingError>> {
    const SNIFF: usize = 64 * 1024;
    let mut head = Vec::with_capacity(SNIFF);
    (&mut input).take(SNIFF as u64).read_to_end(&mut head)?;
    let plain_utf8 = workbook_signature(&head).is_none()
        && !head.starts_with(b"\xFF\xFE")
        && !head.starts_with(b"\xFE\xFF")
        && bomless_utf16(&head).is_none()
        && match std::str::from_utf8(&head) {
            Ok(_) => true,
            // A character cut at the end of the sniffed part is still UTF-8.
            Err(e) => e.error_len().is_none(),
        };
    if plain_utf8 {
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head).to_vec();
        return Ok(Ok(Box::new(std::io::Cursor::new(body).chain(input))));
    }
    let rest = read_capped(input)?;
    head.extend_from_slice(&rest);
    Ok(decode(&head).map(|d| Box::new(std::io::Cursor::new(d.text.into_bytes())) as Box<dyn Read>))
}

/// All of `input`, refused past [`crate::limits::MAX_FILE_BYTES`].
fn read_capped(input: impl Read) -> std::io::Result<Vec<u8>> {
    let max = crate::limits::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    input.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            crate::i18n::tf("encoding.over-limit", &[("max", &max.to_string())]),
        ));
    }
    Ok(bytes)
}

/// An Excel workbook saved under a `.csv` (or `.toml`) name: a zip (xlsx) or OLE (xls) file.
fn workbook_signature(bytes: &[u8]) -> Option<EncodingError> {
    let variant = if bytes.starts_with(b"PK\x03\x04") {
        ""
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "xls"
    } else {
        return None;
    };
    Some(EncodingError::new(
        WORKBOOK_CODE,
        variant,
        &[],
        Some(1),
        Some(
            bytes
                .iter()
                .take(8)
                .map(|b| match b {
                    b' '..=b'~' => char::from(*b).to_string(),
                    _ => format!("\\x{b:02X}"),
                })
                .collect(),
        ),
    ))
}

fn utf8(bytes: &[u8], which: TextEncoding) -> Result<Decoded, EncodingError> {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: which,
        }),
        Err(e) => Err(undecodable(which, bytes, e.valid_up_to())),
    }
}

fn utf16(
    bytes: &[u8],
    enc: &'static Encoding,
    which: TextEncoding,
) -> Result<Decoded, EncodingError> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: which,
        }),
        None => Err(EncodingError::new(
            ENCODING_CODE,
            "bom",
            &[("encoding", which.name().to_string())],
            None,
            None,
        )),
    }
}

/// UTF-16 without a BOM: ASCII text has a NUL in every other byte. Looked for in the
/// first 1 KiB; at least a quarter of the pairs must show the pattern.
fn bomless_utf16(bytes: &[u8]) -> Option<(&'static Encoding, TextEncoding)> {
    let head = &bytes[..bytes.len().min(1024)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let count = |odd: bool| {
        head.chunks_exact(2)
            .filter(|p| matches!(p, [a, b] if (*b == 0) == odd && (*a == 0) != odd))
            .count()
    };
    if count(true) * 4 >= pairs {
        Some((UTF_16LE, TextEncoding::Utf16Le))
    } else if count(false) * 4 >= pairs {
        Some((UTF_16BE, TextEncoding::Utf16Be))
    } else {
        None
    }
}

/// Not UTF-8: GBK/GB18030 — unless some lines are UTF-8 Chinese and others are not.
fn gbk(bytes: &[u8]) -> Result<Decoded, EncodingError> {
    let mut utf8_line = None;
    let mut other_line = None;
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.is_ascii() {
            continue;
        }
        match std::str::from_utf8(line) {
            // A short GBK line can happen to be valid UTF-8 (`录` is C2 BC): only a line
            // with two or more CJK characters in UTF-8 is taken as evidence of UTF-8.
            Ok(text) if text.chars().filter(|c| *c >= '\u{2E80}').count() >= 2 => {
                utf8_line = utf8_line.or(Some(i + 1))
            }
            Ok(_) => {}
            Err(_) => other_line = other_line.or(Some(i + 1)),
        }
    }
    if let (Some(u), Some(o)) = (utf8_line, other_line) {
        return Err(EncodingError::new(
            ENCODING_CODE,
            "mixed",
            &[("utf8_line", u.to_string()), ("other_line", o.to_string())],
            Some(o),
            Some(shown_line(bytes, o)),
        ));
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: TextEncoding::Gbk,
        }),
        None => {
            let at = std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            Err(undecodable(TextEncoding::Gbk, bytes, at))
        }
    }
}

fn undecodable(which: TextEncoding, bytes: &[u8], at: usize) -> EncodingError {
    let line = line_of(bytes, at);
    let variant = if which == TextEncoding::Gbk {
        "neither"
    } else {
        ""
    };
    EncodingError::new(
        ENCODING_CODE,
        variant,
        &[
            ("line", line.to_string()),
            ("encoding", which.name().to_string()),
        ],
        Some(line),
        Some(shown_line(bytes, line)),
    )
}

/// Line `n` (1-based) read as GB18030 with replacement characters: a GBK line among UTF-8
/// ones shows as the user typed it.
fn shown_line(bytes: &[u8], n: usize) -> String {
    let line = bytes
        .split(|b| *b == b'\n')
        .nth(n.saturating_sub(1))
        .unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match std::str::from_utf8(line) {
        Ok(t) => t.to_string(),
        Err(_) => GB18030.decode_without_bom_handling(line).0.into_owned(),
    }
}

/// The 1-based line of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(..at)
        .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(text: &str, e: &'static Encoding) -> Vec<u8> {
        e.encode(text).0.into_owned()
    }

    #[test]
    fn every_encoding_reads_the_same_text() {
        let text = "项目编码,三级指标,实际完成值\nP1,宣传材料,2000份\n";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let mut le = b"\xFF\xFE".to_vec();
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = b"\xFE\xFF".to_vec();
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let bomless_le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let cases: [(Vec<u8>, TextEncoding); 6] = [
            (text.as_bytes().to_vec(), TextEncoding::Utf8),
            (bom, TextEncoding::Utf8Bom),
            (le, TextEncoding::Utf16Le),
            (be, TextEncoding::Utf16Be),
            (bomless_le, TextEncoding::Utf16Le),
            (enc(text, GB18030), TextEncoding::Gbk),
        ];
        for (bytes, which) in cases {
            let d = decode(&bytes).map_err(|e| e.message);
            assert_eq!(
                d,
                Ok(Decoded {
                    text: text.into(),
                    encoding: which
                })
            );
        }
    }

    #[test]
    fn a_workbook_and_mixed_lines_are_named() {
        let e = decode(b"PK\x03\x04rest").err().map(|e| e.message);
        assert!(e.is_some_and(|m| m.contains("xlsx")));
        let mut mixed = "项目编码,实际完成值\n".as_bytes().to_vec();
        mixed.extend(enc("P1,两千份\n", GB18030));
        let e = decode(&mixed).err();
        assert_eq!(e.as_ref().and_then(|e| e.line), Some(2));
        assert!(e.is_some_and(|e| e.message.contains("UTF-8") && e.message.contains("GBK")));
    }

    #[test]
    fn a_gbk_line_that_happens_to_be_utf8_is_not_mixed() {
        // `录` in GBK is C2 BC, which is also UTF-8 for `¼`.
        let text = "项目编码,三级指标,实际完成值\nP1,录,2000份\n";
        let d = decode(&enc(text, GB18030)).map(|d| d.text);
        assert_eq!(d, Ok(text.to_string()));
    }

    #[test]
    fn a_stream_passes_utf8_through_and_decodes_gbk() {
        let text = "目标,实际\n≥2000份,1800份\n";
        for bytes in [text.as_bytes().to_vec(), enc(text, GB18030)] {
            let mut out = String::new();
            let r = utf8_reader(bytes.as_slice()).ok().and_then(Result::ok);
            assert!(r.is_some_and(|mut r| r.read_to_string(&mut out).is_ok()));
            assert_eq!(out, text);
        }
    }
}
