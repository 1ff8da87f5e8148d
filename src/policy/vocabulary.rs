//! A policy's own words: the `vocabulary` key of a policy file, either a table in the
//! file (`[vocabulary]`, `[vocabulary.conversions."米"]`, …) or the name of a vocabulary
//! file beside it (`vocabulary = "units.toml"`). Either adds to the embedded default
//! vocabulary; see [`crate::model::vocabulary`].

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::model::vocabulary::{self, parse_vocabulary, Vocabulary, VocabularyFile};
use crate::model::Span;
use std::path::Path;
use std::sync::Arc;

/// The vocabulary a policy scores with, compared by identity: two policies read from the
/// same words share one (the default's is shared by every policy without a `vocabulary`).
#[derive(Debug, Clone)]
pub struct PolicyVocabulary(pub Arc<Vocabulary>);

impl Default for PolicyVocabulary {
    fn default() -> Self {
        PolicyVocabulary(vocabulary::default())
    }
}

impl PartialEq for PolicyVocabulary {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for PolicyVocabulary {}

impl PolicyVocabulary {
    /// Makes this vocabulary the one cells are parsed and scored with, unless it already is.
    pub fn ensure_active(&self) {
        if !Arc::ptr_eq(&vocabulary::active(), &self.0) {
            vocabulary::install_arc(Arc::clone(&self.0));
        }
    }
}

/// What the `vocabulary` key holds.
pub enum VocabularyKey {
    Inline(Box<VocabularyFile>),
    /// A file name, relative to the policy file.
    File(String),
}

/// A problem with the policy's words; `variant` picks the message of `policy::vocabulary`
/// (`read`, `table`, `kind`, `add`, `file`, `file-syntax`), `why` fills it.
fn problem(variant: &'static str, why: impl std::fmt::Display, span: Span) -> Diagnostic {
    Code::PolicyVocabulary
        .at(span)
        .variant(variant)
        .arg("why", why)
}

/// Reads the `vocabulary` key of a policy file's `text`; `span` is the key's place.
pub fn read_key(text: &str, span: Span) -> Result<Option<VocabularyKey>, Diagnostic> {
    let table: toml::Table = toml::from_str(text).map_err(|e| problem("read", e, span))?;
    match table.get("vocabulary") {
        None => Ok(None),
        Some(toml::Value::String(name)) => Ok(Some(VocabularyKey::File(name.clone()))),
        Some(v @ toml::Value::Table(_)) => v
            .clone()
            .try_into::<VocabularyFile>()
            .map(|f| Some(VocabularyKey::Inline(Box::new(f))))
            .map_err(|e| problem("table", e, span)),
        Some(_) => Err(problem("kind", "", span)),
    }
}

/// The vocabulary of a policy whose `vocabulary` key (at `span`) is a table; `None` when
/// it names a file instead (`load_policy_with_origins` reads that, knowing where the
/// policy file is).
pub fn inline(text: &str, span: Span) -> Result<Option<PolicyVocabulary>, Diagnostic> {
    match read_key(text, span)? {
        Some(VocabularyKey::Inline(f)) => with_extra(&f, "[vocabulary]", span).map(Some),
        _ => Ok(None),
    }
}

/// The default vocabulary with `extra` added.
pub fn with_extra(
    extra: &VocabularyFile,
    origin: &str,
    span: Span,
) -> Result<PolicyVocabulary, Diagnostic> {
    let mut v = (*vocabulary::default()).clone();
    v.add(extra, origin).map_err(|e| problem("add", e, span))?;
    Ok(PolicyVocabulary(Arc::new(v)))
}

/// Reads the vocabulary file `name`, relative to the policy file at `policy_path`.
pub fn from_file(policy_path: &Path, name: &str) -> Result<PolicyVocabulary, Diagnostic> {
    let path = policy_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(name);
    let shown = path.display().to_string();
    let text = crate::limits::read_to_string(&path)
        .map_err(|e| problem("file", e, Span::default()).arg("path", &shown))?;
    let file =
        parse_vocabulary(&text, &shown).map_err(|e| problem("file-syntax", e, Span::default()))?;
    with_extra(&file, &shown, Span::default())
}
