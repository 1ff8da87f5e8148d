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
    /// Normalises `original`. Words a policy's vocabulary adds (operator and grade
    /// synonyms) are rewritten here to the words the grammar reads, so the grammar stays
    /// fixed while the vocabulary is data; their spans still cover the word as written.
    pub fn new(original: &str) -> Normalized {
        let vocab = crate::model::vocabulary::active();
        let rewrites = vocab.rewrites();
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut rest = original;
        while let Some(c) = rest.chars().next() {
            let i = original.len() - rest.len();
            let word = rewrites.iter().find(|(w, _)| rest.starts_with(w.as_str()));
            if let Some((w, to)) = word {
                map.extend(std::iter::repeat_n(i, to.len()));
                text.push_str(to);
                rest = rest.get(w.len()..).unwrap_or("");
                continue;
            }
            let n = normalize_char(c);
            map.extend(std::iter::repeat_n(i, n.len_utf8()));
            text.push(n);
            rest = rest.get(c.len_utf8()..).unwrap_or("");
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
