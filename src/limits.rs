//! Limits on hostile or mistaken input, in one place (documented in the README's limits
//! table). Each is enforced where input enters — the target/actual parsers, the rule
//! parser, the scorecard and actuals loaders — with a diagnostic, never a panic, a stack
//! overflow or a hang.

/// Longest target (指标值) or actual (实际完成值) cell, in bytes.
pub const MAX_CELL_BYTES: usize = 4 * 1024;
/// Longest scoring-rule text (a policy rule or a row's `rule`), in bytes.
pub const MAX_RULE_BYTES: usize = 16 * 1024;
/// Deepest nesting of brackets/parentheses in a rule text.
pub const MAX_RULE_NESTING: usize = 32;
/// Most indicator rows in one project (or in a department's own indicators).
pub const MAX_ROWS_PER_PROJECT: usize = 10_000;
/// Largest input file (scorecard, actuals, policy), in bytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest published document `import` and `audit` read (`.docx`/`.xlsx`/`.xls`/text): a
/// Word file of a whole department with its pictures stays well under this.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;
/// Largest amount of money, in 万元: a project's 预算数 (`budget`, `adjusted_budget`,
/// `fiscal_funds`, `other_funds`) and the actuals' 全年预算数 / 全年执行数.
///
/// 10^12 万元 is 10^16 元, several hundred times the whole national general public budget
/// expenditure of China (about 2.6 × 10^9 万元 in 2022), so no real amount comes near it,
/// while sums of amounts stay far inside `Decimal`'s range (about 7.9 × 10^28): the
/// department's Σ 全年预算数 would need 79 million billion projects at the limit to
/// overflow, and Σ(score × 全年预算数) of the 项目支出综合得分 stays below 10^14 per project.
pub const MAX_AMOUNT_WAN: rust_decimal::Decimal = rust_decimal::Decimal::from_parts(
    0xD4A5_1000, // 10^12 = 0xE8_D4A5_1000
    0xE8,
    0,
    false,
    0,
);
/// Largest explicit `points` (分值) of one indicator row.
///
/// A policy's level weights and 预算执行率 add up to 100 (the policy loader insists), so no
/// row can carry more than 100 points under any policy: a larger value is always a
/// mistake. Σ points over [`MAX_ROWS_PER_PROJECT`] rows then stays below 10^6.
pub const MAX_POINTS: rust_decimal::Decimal =
    rust_decimal::Decimal::from_parts(100, 0, 0, false, 0);

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::i18n::tf;
use crate::model::Span;

/// The error for a cell over [`MAX_CELL_BYTES`] (`code`: `target::too-long` or
/// `actual::too-long`, whose catalogue texts say which).
pub fn cell_too_long(src: &str, code: crate::diagnostic::Code) -> Option<Diagnostic> {
    if src.len() <= MAX_CELL_BYTES {
        return None;
    }
    // Underline the first few characters only: the message must stay readable.
    let end = (0..=64.min(src.len()))
        .rev()
        .find(|&i| src.is_char_boundary(i))
        .unwrap_or(0);
    Some(
        Diagnostic::new(code, Span::new(0, end))
            .arg("bytes", src.len())
            .arg("max", MAX_CELL_BYTES),
    )
}

/// What a decimal field holds, for [`number_too_large`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An amount of money in 万元, at most [`MAX_AMOUNT_WAN`].
    Amount,
    /// A row's points, at most [`MAX_POINTS`].
    Points,
}

impl NumberKind {
    /// The largest value allowed.
    pub fn max(self) -> rust_decimal::Decimal {
        match self {
            NumberKind::Amount => MAX_AMOUNT_WAN,
            NumberKind::Points => MAX_POINTS,
        }
    }
}

/// The error for an amount over [`MAX_AMOUNT_WAN`] or points over [`MAX_POINTS`]
/// (`code` is the reader's, e.g. `scorecard::too-large`); the span is the value's text.
/// `what` names the field in the message, e.g. "`budget`".
pub fn number_too_large(
    value: rust_decimal::Decimal,
    kind: NumberKind,
    code: impl Into<Code> + Copy,
    what: &str,
    span: Span,
) -> Option<Diagnostic> {
    (value > kind.max()).then(|| too_large(&value.normalize().to_string(), kind, code, what, span))
}

/// Whether `raw` is written like a plain decimal (digits, one optional point, `_` between
/// digits as TOML allows): when such a text does not read as a `Decimal`, it is too large.
pub fn looks_like_decimal(raw: &str) -> bool {
    let t: String = raw.trim().chars().filter(|c| *c != '_').collect();
    let t = t.strip_prefix('+').unwrap_or(&t);
    let (int, frac) = t.split_once('.').unwrap_or((t, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// The error of [`number_too_large`] for a value shown as `shown` (a number written with
/// more digits than a `Decimal` holds is shown as written).
pub fn too_large(
    shown: &str,
    kind: NumberKind,
    code: impl Into<Code> + Copy,
    what: &str,
    span: Span,
) -> Diagnostic {
    let max = kind.max();
    let shown = shown.trim();
    let (message, label, help) = match kind {
        NumberKind::Amount => (
            format!("{what} is {shown} 万元; the limit is {max} 万元"),
            "too large an amount",
            "amounts are in 万元 (ten thousand yuan): 1,234.5 万元 is written \"1234.5\"; \
             check for extra digits or an amount in 元"
                .to_string(),
        ),
        NumberKind::Points => (
            format!("{what} is {shown}; the limit is {max} points"),
            "more than the whole 100-point total",
            "a row's points are part of its level's weight (产出 50, 效益 30, 满意度 10 by default); \
             write e.g. `points = \"10\"`, or remove `points` to share the level equally"
                .to_string(),
        ),
    };
    Diagnostic::error(code, message, span)
        .with_label(label)
        .with_help(help)
}

/// `std::fs::read_to_string`, refusing files over [`MAX_FILE_BYTES`] before reading them
/// (the error reads "the file is N bytes; the limit is …").
pub fn read_to_string(path: &std::path::Path) -> std::io::Result<String> {
    let bytes = read_file_capped(path, MAX_FILE_BYTES)?;
    utf8_string(bytes).map_err(|_| invalid(crate::i18n::t("limits.stream-not-utf8").to_string()))
}

/// `String::from_utf8`, checked with SIMD: Chinese text defeats the standard library's
/// ASCII fast path, and a region's 170 MB of scorecards spent 6 % of the run validating.
/// The bytes come back when they are not UTF-8.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: `simdutf8` has just checked that `bytes` is UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// The error for a rule text over [`MAX_RULE_BYTES`] or nested deeper than
/// [`MAX_RULE_NESTING`] brackets (`(`, `[`, `{`, `（`, `【`).
pub fn rule_problem(text: &str) -> Option<Diagnostic> {
    if text.len() > MAX_RULE_BYTES {
        let end = (0..=64.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        return Some(
            Code::RuleTooLong
                .at(Span::new(0, end))
                .arg("bytes", text.len())
                .arg("limit", MAX_RULE_BYTES),
        );
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' | '（' | '【' => {
                depth += 1;
                if depth > MAX_RULE_NESTING {
                    return Some(
                        Code::RuleTooDeep
                            .at(Span::new(i, i + c.len_utf8()))
                            .arg("limit", MAX_RULE_NESTING),
                    );
                }
            }
            ')' | ']' | '}' | '）' | '】' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Longest line (or CSV record) of an input read as a stream (`eval --csv`, which has no
/// file-size limit because it never holds the whole input): 1 MiB.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;
/// Deepest nesting of a TOML document: dotted header or key parts plus nested arrays and
/// inline tables. Real files nest three or four levels; the limit keeps every reader's
/// recursion (building, converting, dropping the tree) far from the stack's end.
pub const MAX_TOML_DEPTH: usize = 64;

/// Limits of a zip archive (`.xlsx`, `.docx`), checked before any part is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipLimits {
    /// Most entries (files) in the archive.
    pub entries: usize,
    /// Most bytes of all entries together once decompressed.
    pub total_bytes: u64,
    /// Highest decompressed / compressed size of an entry over [`ZipLimits::ratio_floor`].
    pub ratio: u64,
    /// Entries decompressing to at most this many bytes are not held to `ratio` (a small
    /// XML part of repeated tags compresses very well and harms nobody).
    pub ratio_floor: u64,
}

/// The zip limits of every workbook and document read: 10,000 parts, 128 MiB
/// decompressed, 100:1 for any part over 1 MiB. An Excel workbook of 100,000 rows is a
/// few MiB of XML compressed about 10:1.
pub const ZIP_LIMITS: ZipLimits = ZipLimits {
    entries: 10_000,
    total_bytes: 128 * 1024 * 1024,
    ratio: 100,
    ratio_floor: 1024 * 1024,
};

fn invalid(msg: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, msg)
}

/// The error for a file over `limit` bytes.
fn too_big(len: u64, limit: u64) -> std::io::Error {
    invalid(tf(
        "limits.too-big",
        &[
            ("len", &len.to_string()),
            ("limit", &limit.to_string()),
            ("human", &human_bytes(limit)),
        ],
    ))
}

/// `16 MiB`, `512 KiB`: a limit as people read it.
pub fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 && n.is_multiple_of(1024 * 1024) {
        format!("{} MiB", n / (1024 * 1024))
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        tf("limits.bytes", &[("n", &n.to_string())])
    }
}

/// Opens `path` for reading only when it is a regular file (links followed). A FIFO, a
/// socket or a device such as `/dev/zero` is refused before it can block the run or be
/// read without end; on Linux the open itself does not wait for a FIFO's writer.
pub fn open_regular(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    open_regular_sized(path).map(|(file, _)| file)
}

/// [`open_regular`], with the file's length from the same `fstat` (a region reads 32,000
/// files: asking twice was 32,000 system calls more).
pub fn open_regular_sized(path: &std::path::Path) -> std::io::Result<(std::fs::File, u64)> {
    // Elsewhere an open of a FIFO waits for a writer: look before opening.
    #[cfg(not(target_os = "linux"))]
    {
        let meta = std::fs::metadata(path)?;
        if !meta.is_file() {
            return Err(not_regular(&meta));
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    // What was opened is what counts (a FIFO opened non-blocking is refused here).
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok((file, meta.len()))
}

fn not_regular(meta: &std::fs::Metadata) -> std::io::Error {
    let what = crate::i18n::t(if meta.is_dir() {
        "limits.folder"
    } else {
        "limits.not-regular"
    });
    invalid(tf("limits.not-input", &[("what", what)]))
}

/// Reads a whole file of at most `limit` bytes: a regular file only (see
/// [`open_regular`]), refused before reading when larger, and cut off with an error when
/// it grows past the limit while being read. What `import`, `test`, `monitor --spending`
/// and `snapshot --check` read their input with.
pub fn read_file_capped(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let (file, len) = open_regular_sized(path)?;
    if len > limit {
        return Err(too_big(len, limit));
    }
    let mut file = file.take(limit + 1);
    // One read for the whole file plus one byte: a regular file fills the buffer up to
    // its end, so getting exactly `len` bytes means the end was reached, and the second
    // read `read_to_end` makes to see it (32,000 in a region run) is not needed. A file
    // that changed size meanwhile is read on to its end as before.
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    let mut bytes = vec![0u8; len.saturating_add(1)];
    let n = loop {
        match file.read(&mut bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    bytes.truncate(n);
    if n != len {
        file.read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > limit {
        return Err(invalid(tf(
            "limits.grew",
            &[
                ("limit", &limit.to_string()),
                ("human", &human_bytes(limit)),
            ],
        )));
    }
    Ok(bytes)
}

/// [`read_file_capped`] as UTF-8 text.
pub fn read_text_capped(path: &std::path::Path, limit: u64) -> std::io::Result<String> {
    let bytes = read_file_capped(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + 1;
        invalid(tf("limits.not-utf8", &[("at", &at.to_string())]))
    })
}

/// Why a zip archive (an .xlsx or a .docx) is refused before any part of it is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipRefused {
    /// Not a zip archive at all; the reader's words.
    NotZip(String),
    /// More parts than `limit`.
    TooManyParts { parts: usize, limit: usize },
    /// Part `number` (1-based) cannot be opened.
    PartUnreadable { number: usize, error: String },
    /// Part `name` does not inflate.
    InflateFailed { name: String, error: String },
    /// The parts inflate to more than `limit` bytes together.
    TooLarge { limit: u64 },
    /// Part `name` inflates `ratio` times its compressed size, above `limit`.
    Ratio {
        name: String,
        ratio: u64,
        limit: u64,
    },
}

impl std::fmt::Display for ZipRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ZipRefused::NotZip(e) => tf("limits.zip-not-zip", &[("error", e)]),
            ZipRefused::TooManyParts { parts, limit } => tf(
                "limits.zip-too-many-parts",
                &[("parts", &parts.to_string()), ("limit", &limit.to_string())],
            ),
            ZipRefused::PartUnreadable { number, error } => tf(
                "limits.zip-part-unreadable",
                &[("number", &number.to_string()), ("error", error)],
            ),
            ZipRefused::InflateFailed { name, error } => tf(
                "limits.zip-inflate-failed",
                &[("name", name), ("error", error)],
            ),
            ZipRefused::TooLarge { limit } => {
                tf("limits.zip-too-large", &[("human", &human_bytes(*limit))])
            }
            ZipRefused::Ratio { name, ratio, limit } => tf(
                "limits.zip-ratio",
                &[
                    ("name", name),
                    ("ratio", &ratio.to_string()),
                    ("limit", &limit.to_string()),
                ],
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ZipRefused {}

/// Checks a zip archive against `limits` by decompressing every entry into nothing and
/// counting: the sizes an archive declares can lie, the bytes that come out cannot.
/// Costs one pass at inflate speed over at most `limits.total_bytes`, and refuses a zip
/// bomb before a parser holds any of it.
pub fn check_zip(bytes: &[u8], limits: &ZipLimits) -> Result<(), ZipRefused> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ZipRefused::NotZip(e.to_string()))?;
    if zip.len() > limits.entries {
        return Err(ZipRefused::TooManyParts {
            parts: zip.len(),
            limit: limits.entries,
        });
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| ZipRefused::PartUnreadable {
            number: i + 1,
            error: e.to_string(),
        })?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let compressed = entry.compressed_size().max(1);
        let room = limits.total_bytes - total;
        let mut limited = std::io::Read::take(&mut entry, room + 1);
        let size = std::io::copy(&mut limited, &mut std::io::sink()).map_err(|e| {
            ZipRefused::InflateFailed {
                name: name.clone(),
                error: e.to_string(),
            }
        })?;
        total += size;
        if total > limits.total_bytes {
            return Err(ZipRefused::TooLarge {
                limit: limits.total_bytes,
            });
        }
        if size > limits.ratio_floor && size / compressed > limits.ratio {
            return Err(ZipRefused::Ratio {
                name,
                ratio: size / compressed,
                limit: limits.ratio,
            });
        }
    }
    Ok(())
}
