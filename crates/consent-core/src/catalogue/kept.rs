//! Every notice ever published, kept for as long as there are decisions made on it:
//! the current ones as the widget renders them, older ones frozen as the fields their
//! digest covered. An auditor gets any of them back, by digest, as a [`Published`].

use super::fields::{digest_of, Field, DOMAIN};
use super::overrides::LinkOverrides;
use super::text::Notice;
use super::NoticeRef;
use crate::Digest;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A notice version that is no longer shown, frozen as the fields its digest covered.
/// Its link targets are fixed: overrides are refused.
#[derive(Debug)]
pub struct Frozen {
    pub id: &'static str,
    pub ver: u32,
    pub lang: &'static str,
    /// The serialisation it was published under.
    pub domain: &'static str,
    /// `(name, text)`, in the order they were shown and hashed.
    pub fields: &'static [(&'static str, &'static str)],
}

/// One kept (version, locale).
#[derive(Clone, Copy, Debug)]
pub enum Kept {
    Frozen(&'static Frozen),
    Live(&'static Notice),
}

impl Kept {
    /// `(id, ver, lang)`.
    pub fn name(self) -> (&'static str, u32, &'static str) {
        match self {
            Kept::Frozen(f) => (f.id, f.ver, f.lang),
            Kept::Live(n) => (n.id, n.ver, n.lang),
        }
    }

    /// This notice as shown with `overrides` in place of its default link targets;
    /// `None` when they are not acceptable (a frozen notice takes none).
    pub fn published(self, overrides: &LinkOverrides) -> Option<Published> {
        match self {
            Kept::Frozen(f) if overrides.is_empty() => {
                let fields: Vec<Field> = f
                    .fields
                    .iter()
                    .map(|(name, text)| Field {
                        name,
                        text: Cow::Borrowed(text),
                    })
                    .collect();
                let texts = fields.iter().map(|f| f.text.as_ref());
                let sha256 = digest_of(f.domain, f.id, f.ver, f.lang, texts).to_hex();
                Some(Published {
                    id: f.id,
                    ver: f.ver,
                    lang: f.lang,
                    sha256,
                    domain: f.domain,
                    fields,
                    links: None,
                })
            }
            Kept::Frozen(_) => None,
            Kept::Live(n) => {
                let shown = n.with_links(overrides).ok()?;
                let fields = shown.fields();
                let sha256 = digest_of(
                    DOMAIN,
                    n.id,
                    n.ver,
                    n.lang,
                    fields.iter().map(|f| f.text.as_ref()),
                )
                .to_hex();
                let links = shown
                    .links
                    .iter()
                    .map(|l| (l.key.as_str(), l.href.to_string()))
                    .collect();
                Some(Published {
                    id: n.id,
                    ver: n.ver,
                    lang: n.lang,
                    sha256,
                    domain: DOMAIN,
                    fields,
                    links: Some(links),
                })
            }
        }
    }

    /// The digest with the default link targets, without building the fields twice
    /// for live notices.
    pub(crate) fn default_digest(self) -> Digest {
        match self {
            Kept::Live(n) => n.digest(),
            Kept::Frozen(f) => digest_of(
                f.domain,
                f.id,
                f.ver,
                f.lang,
                f.fields.iter().map(|(_, text)| *text),
            ),
        }
    }
}

/// Exactly what one digest covers, for an auditor: what `GET /v1/notices/{sha256}`
/// answers. Recompute the digest from `domain`, `id`, `ver`, `lang` and the `text` of
/// every field to check it.
///
/// ```
/// use consent_core::catalogue;
/// let r = catalogue::notice("en").reference();
/// let published = catalogue::find(&r).unwrap();
/// assert_eq!(published.sha256, r.sha256);
/// assert!(published.fields.iter().any(|f| f.text == catalogue::notice("en").prompt.title));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Published {
    pub id: &'static str,
    pub ver: u32,
    pub lang: &'static str,
    pub sha256: String,
    /// The serialisation's domain string: which layout the digest used.
    pub domain: &'static str,
    pub fields: Vec<Field>,
    /// Every link's target by wire name; `None` for versions whose digest did not
    /// cover link targets (version 1).
    pub links: Option<BTreeMap<&'static str, String>>,
}

impl Published {
    /// The `notice` reference this text is behind.
    pub fn reference(&self, overrides: LinkOverrides) -> NoticeRef {
        NoticeRef {
            id: self.id.to_owned(),
            ver: self.ver,
            lang: self.lang.to_owned(),
            sha256: self.sha256.clone(),
            links: overrides,
        }
    }

    /// As JSON, the way the server stores and serves it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a published notice is plain data")
    }
}
