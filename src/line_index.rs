//! Line and column of byte offsets, in time independent of how many are asked: the start
//! of every line is found once per file, and characters are counted from checkpoints
//! every [`BLOCK`] bytes, so neither thousands of diagnostics in one file nor one
//! diagnostic far along a 400 KB line costs a scan from the start.

/// Bytes between character-count checkpoints.
const BLOCK: usize = 4096;

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts (the first after a byte-order mark).
    starts: Vec<usize>,
    /// Characters before each multiple of [`BLOCK`].
    chars_before_block: Vec<usize>,
}

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut starts = vec![bom];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(count);
            count += block.iter().filter(|&&b| starts_char(b)).count();
        }
        chars_before_block.push(count);
        LineIndex {
            starts,
            chars_before_block,
        }
    }

    /// Characters in `source[..offset]`.
    fn chars_before(&self, source: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let from = block * BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        let rest = source.as_bytes().get(from..offset).unwrap_or(&[]);
        base + rest.iter().filter(|&&b| starts_char(b)).count()
    }

    /// The byte offset where the line holding `offset` starts (never inside a BOM).
    pub fn line_start(&self, offset: usize) -> usize {
        let i = self.starts.partition_point(|&s| s <= offset);
        self.starts
            .get(i.saturating_sub(1))
            .copied()
            .unwrap_or(0)
            .min(offset)
    }

    /// Line and column, both 1-based, the column in characters, of `offset` in `source`
    /// (the text this index was built from).
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(source.len());
        while offset > 0 && !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_start(offset);
        let col = self.chars_before(source, offset) - self.chars_before(source, start) + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_from_the_start() {
        let line = "甲乙,abc,".repeat(2000);
        let source = format!("\u{feff}x = 1\r\n{line}\n\nend 中文\n");
        let index = LineIndex::new(&source);
        for offset in (0..=source.len())
            .step_by(97)
            .chain([0, 1, 3, source.len()])
        {
            assert_eq!(
                index.line_col(&source, offset),
                crate::diagnostic::line_col(&source, offset),
                "at {offset}"
            );
        }
    }
}
