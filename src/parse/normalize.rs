//! Full-width and variant symbols → the half-width forms the grammar is written in,
//! keeping a map back to the original byte offsets so spans point at what the user wrote.

/// Normalised text plus, for every normalised byte offset, the original byte offset.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    map: Vec<usize>,
}

/// The half-width form of one character, or the character itself.
pub fn normalize_char(c: char) -> char {
    match c {
        // Full-width ASCII block: ０-９ ％ ＞ ＜ ＝ （ ） ， ： ［ ］ ～ －
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '≧' => '≥',
        '≦' => '≤',
        '—' | '–' | '―' | '─' | '﹣' | '‐' | '‑' => '-',
        '〜' | '∼' => '~',
        '═' | '﹦' => '=',
        '﹪' => '%',
        '〔' => '[',
        '〕' => ']',
        _ => c,
    }
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            let n = normalize_char(c);
            for _ in 0..n.len_utf8() {
                map.push(i);
            }
            text.push(n);
        }
        map.push(original.len());
        Normalized { text, map }
    }

    /// The original byte offset for a normalised byte offset.
    pub fn original(&self, pos: usize) -> usize {
        self.map
            .get(pos)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }
}
