//! Byte spans into the text a user wrote (before normalisation).

use serde::Serialize;

/// A byte range into the original cell text.
///
/// Two spans are equal when they cover the same bytes, so diagnostics that point at
/// different text differ. Model nodes whose meaning does not depend on where they were
/// written (`≥90%` and ` ≥ 90%` are one target) ignore their spans in their own equality:
/// see [`span_blind_eq`](crate::span_blind_eq).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
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

/// Implements `PartialEq`, `Eq` and `Hash` for a model node over the fields named, leaving
/// out its span: two targets written differently but meaning the same thing compare equal
/// (the choice cedar makes for its AST nodes), while [`Span`] itself keeps real equality.
macro_rules! span_blind_eq {
    ($ty:ty { $($field:ident),+ $(,)? }) => {
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                $(self.$field == other.$field)&&+
            }
        }
        impl Eq for $ty {}
        impl std::hash::Hash for $ty {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                $(self.$field.hash(state);)+
            }
        }
    };
}
pub(crate) use span_blind_eq;

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn spans_compare_by_their_bytes() {
        assert_eq!(Span::new(1, 3), Span::new(1, 3));
        assert_ne!(Span::new(1, 3), Span::new(0, 3));
    }
}
