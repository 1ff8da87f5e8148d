//! Byte spans into the text a user wrote (before normalisation).

use serde::Serialize;

/// A byte range into the original cell text.
///
/// Spans are ignored by equality (every `Span` equals every other) so that two targets
/// written differently but meaning the same thing compare equal — the same choice cedar
/// makes for its AST nodes. Nothing decides behaviour by comparing spans.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}
impl Eq for Span {}

impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}
