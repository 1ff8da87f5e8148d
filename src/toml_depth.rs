//! A linear pre-scan of TOML text for nesting deeper than [`MAX_TOML_DEPTH`], run before
//! `toml_edit` sees the text. (`toml_tree`'s own fast reader needs none: it gives up
//! past 16 levels, and only then does the text reach the pre-scan and `toml_edit`.)
//!
//! Why a pre-scan: one header of 200,000 dotted parts (`[a.a.a…]`) is 400 KB of valid
//! TOML, and every tree built from it — `toml_edit`'s document or our own — is 200,000
//! tables deep, so building, converting or merely dropping it recurses off the end of
//! the stack, an abort no diagnostic can report. Counting before parsing keeps the
//! parser's recursion bounded whatever the input.
//!
//! The count is conservative: each `[` and `{` outside strings and comments opens a level,
//! and each `.` in a run of key or value text adds one (a float's point counts too, so
//! `x = 1.5` is depth 1 — harmless at a limit of 64). A header's depth carries over to
//! the keys of its section.

use crate::limits::MAX_TOML_DEPTH;

/// Where the text nests too deep: the byte offset of the character that went over the
/// limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub offset: usize,
}

impl TooDeep {
    /// The message of every reader's diagnostic for it, in the user's language.
    pub fn message(&self) -> String {
        crate::i18n::tf(
            "limits.toml-too-deep",
            &[("limit", &MAX_TOML_DEPTH.to_string())],
        )
    }

    pub fn help(&self) -> &'static str {
        crate::i18n::t("limits.toml-too-deep-help")
    }
}

/// Scanner state between characters.
#[derive(Default)]
struct Scan {
    /// Levels opened by `[`/`{` still open, each with the depth it added.
    open: Vec<usize>,
    /// The sum of `open`.
    depth: usize,
    /// Dots in the current run of key or value text.
    dots: usize,
    /// Dotted parts of the key before the last `=`, carried into a `{`/`[` value.
    pending: usize,
    /// Depth of the current `[header]` section, which its keys add to.
    section: usize,
    /// Inside a `[header]` (or `[[header]]`) at the top level.
    in_header: bool,
    /// After `=` on the current line at the top level.
    in_value: bool,
}

impl Scan {
    fn total(&self) -> usize {
        let section = if self.in_header { 0 } else { self.section };
        section + self.depth + self.dots
    }

    fn open_level(&mut self, header: bool) {
        let add = self.pending + self.dots + 1;
        self.pending = 0;
        self.dots = 0;
        if header && self.open.is_empty() {
            self.in_header = true;
        }
        self.open.push(add);
        self.depth += add;
    }

    fn close_level(&mut self) {
        if let Some(add) = self.open.pop() {
            self.depth -= add;
        }
        if self.open.is_empty() && self.in_header {
            // `[a.b.c]` done: its keys start at the depth the header reached.
            self.in_header = false;
            self.section = self.dots + 1;
        }
        self.dots = 0;
    }

    fn end_of_item(&mut self) {
        self.dots = 0;
        self.pending = 0;
    }
}

/// The first place `src` nests deeper than [`MAX_TOML_DEPTH`], if any. Linear in the
/// text; strings (all four kinds) and comments are skipped.
pub fn too_deep(src: &str) -> Option<TooDeep> {
    let b = src.as_bytes();
    let mut s = Scan::default();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if !SPECIAL[usize::from(c)] {
            // Runs of ordinary text (names, numbers, Chinese) are skipped in one search:
            // this scan runs before every TOML file a region reads.
            i = next_special(b, i, &SPECIAL);
            continue;
        }
        match c {
            b'"' | b'\'' => {
                i = skip_string(b, i);
                continue;
            }
            b'#' => {
                i = b
                    .get(i..)
                    .and_then(|rest| memchr::memchr(b'\n', rest))
                    .map_or(b.len(), |n| i + n);
                continue;
            }
            b'[' | b'{' => {
                // A `[` at the start of a top-level line is a header, not an array.
                s.open_level(c == b'[' && !s.in_value);
                if s.in_header && b.get(i + 1) == Some(&b'[') && s.open.len() == 1 {
                    // `[[`: one level for the array of tables, counted once.
                    i += 1;
                }
            }
            b']' | b'}' => {
                if s.in_header && s.open.len() == 1 && b.get(i + 1) == Some(&b']') {
                    i += 1;
                }
                s.close_level();
            }
            b'.' => s.dots += 1,
            b'=' => {
                s.pending = s.dots;
                s.dots = 0;
                if s.open.is_empty() {
                    s.in_value = true;
                }
            }
            b',' => s.end_of_item(),
            b'\n' => {
                s.end_of_item();
                if s.open.is_empty() {
                    s.in_value = false;
                }
            }
            _ => {}
        }
        if s.total() > MAX_TOML_DEPTH {
            return Some(TooDeep { offset: i });
        }
        i += 1;
    }
    None
}

/// The bytes [`too_deep`] acts on; every other byte (UTF-8 continuation bytes included) is
/// plain text to it.
static SPECIAL: [bool; 256] = byte_set(b"\"'#[{]}.=,\n");
/// The bytes that can end or escape a string.
static IN_STRING: [bool; 256] = byte_set(b"\\\n\"'");

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        set[bytes[k] as usize] = true;
        k += 1;
    }
    set
}

/// The first index at or after `from` whose byte is in `set`, or the end of `b`.
fn next_special(b: &[u8], from: usize, set: &[bool; 256]) -> usize {
    b.get(from..)
        .and_then(|rest| rest.iter().position(|&x| set[usize::from(x)]))
        .map_or(b.len(), |n| from + n)
}

/// The index just past the string starting at `start` (a quote): basic strings honour
/// `\` escapes, literal strings do not, and tripled quotes open multi-line strings. An
/// unclosed string runs to the end of its line (single-line) or of the text.
fn skip_string(b: &[u8], start: usize) -> usize {
    let quote = b.get(start).copied().unwrap_or(b'"');
    let basic = quote == b'"';
    let triple = b.get(start + 1) == Some(&quote) && b.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    while let Some(&c) = b.get(i) {
        if !IN_STRING[usize::from(c)] {
            // A SIMD search: string contents are most of a scorecard's bytes (Chinese
            // names and descriptions), and a byte-at-a-time loop was 5 % of a region run.
            let rest = b.get(i..).unwrap_or_default();
            let found = if basic {
                memchr::memchr3(b'\\', b'\n', quote, rest)
            } else {
                memchr::memchr2(b'\n', quote, rest)
            };
            i = found.map_or(b.len(), |n| i + n);
            continue;
        }
        if basic && c == b'\\' {
            i += 2;
            continue;
        }
        if c == b'\n' && !triple {
            return i;
        }
        if c == quote {
            if !triple {
                return i + 1;
            }
            if b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote) {
                // Up to two more quotes may end the content (`""""` closes after one).
                let mut end = i + 3;
                while end < i + 5 && b.get(end) == Some(&quote) {
                    end += 1;
                }
                return end;
            }
        }
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_files_pass() {
        let src = "[department]\ncode = \"101\"\nbudget = 12.5\n\n[[project.indicator]]\nid = \"a.b\" # x.y.z\nrow = { points = \"1.5\", list = [1.5, [2.5]] }\ns = '''a.b.c'''\n";
        assert_eq!(too_deep(src), None);
    }

    #[test]
    fn a_long_header_is_found_early() {
        let src = format!("[{}]\n", vec!["a"; 200_000].join("."));
        let found = too_deep(&src).map(|t| t.offset);
        assert!(found.is_some_and(|o| o < 200), "{found:?}");
    }

    #[test]
    fn deep_arrays_and_inline_tables_are_found() {
        let arrays = format!("x = {}1{}\n", "[".repeat(100), "]".repeat(100));
        assert!(too_deep(&arrays).is_some());
        let tables = format!("x = {}{}\n", "{a = ".repeat(100), "}".repeat(100));
        assert!(too_deep(&tables).is_some());
        let dotted = format!("{} = 1\n", vec!["k"; 100].join("."));
        assert!(too_deep(&dotted).is_some());
    }

    #[test]
    fn many_shallow_lines_are_not_summed() {
        let src = "a.b.c = 1\n".repeat(10_000) + &"[x.y]\nz = [1, 2]\n".repeat(10_000);
        assert_eq!(too_deep(&src), None);
    }

    #[test]
    fn section_depth_adds_to_its_keys() {
        let header = vec!["a"; 40].join(".");
        let key = vec!["k"; 40].join(".");
        assert!(too_deep(&format!("[{header}]\n{key} = 1\n")).is_some());
        assert!(too_deep(&format!("[{header}]\nk = 1\n")).is_none());
    }
}
