//! The notice catalogue: every notice version ever published, per locale, as data.
//!
//! The widget takes only the current version's shape from here ([`shape`]: no words;
//! its backend sends the reader's locale), and both sides compute the digest from
//! here, so what the user saw and what the server expects cannot drift apart. Older versions stay as long as decisions made on them may need verifying:
//! a token names its notice by digest, and [`find`] gives back exactly the text (and
//! link targets) that digest covers.
//!
//! Publishing a new version: copy `v{N}_en.rs` (a macro over its strings) to
//! `v{N+1}_en.rs` with the new text and a sentence per earlier version in
//! `changes.since`, and the `.ftl` sources likewise; bump [`CURRENT_VERSION`], list the
//! new notice in [`KEPT`] and [`CURRENT`], and point [`shape`] at its empty form. If the
//! shape of [`Notice`] or [`Notice::fields`] changes, freeze the older live versions
//! as field lists first (as `v1_en.rs` is): the pinned digests in the tests say when.
//!
//! ```
//! use consent_core::catalogue;
//! let en = catalogue::notice("en-GB");
//! assert_eq!(en.lang, "en");
//! assert_eq!(en.prompt.directions.len(), 2);
//! assert!(catalogue::find(&en.reference()).is_some());
//! ```

mod fields;
mod kept;
mod links;
mod overrides;
mod text;
#[cfg(feature = "locales")]
mod translated;
mod v1_en;
mod v2_en;

pub use fields::{Field, LinkError, DOMAIN};
pub use kept::{Frozen, Kept, Published};
pub use links::{check_href, LinkKey, MAX_HREF_LEN};
pub use overrides::LinkOverrides;
pub use text::{
    CategoryText, ChangesText, ChoiceText, DirectionText, Fact, LinkText, ManageText, Mark, Notice,
    Point, PromptText, ReasonText, StatusText, TextCountError, UnavailableText,
};

use serde::{Deserialize, Serialize};

/// Identifies this notice across its versions.
pub const NOTICE_ID: &str = "linkedin-account-connection";
/// The version shown today. Users who decided on an older one are asked again.
pub const CURRENT_VERSION: u32 = 2;

/// Every published (version, locale), oldest first.
pub static KEPT: &[Kept] = &[Kept::Frozen(&v1_en::NOTICE), Kept::Live(&v2_en::NOTICE)];

/// The notices shown today written in Rust: the default locale's. With the `locales`
/// feature, [`current`] adds every other locale, built from the Fluent sources.
pub static CURRENT: &[&Notice] = &[&v2_en::NOTICE];

/// The current notice with every string it shows empty: its shape, which a widget
/// fills from the text its backend sends ([`Notice::with_texts`]), so that the widget
/// carries no language of its own.
///
/// ```
/// use consent_core::catalogue;
/// let en = catalogue::notice("en");
/// let texts: Vec<String> = en.texts().iter().map(|t| t.to_string()).collect();
/// assert_eq!(catalogue::shape().texts().len(), texts.len());
/// assert!(catalogue::shape().texts().iter().all(|t| t.is_empty()));
/// let filled = catalogue::shape().with_texts("en", &texts).unwrap();
/// assert_eq!(filled.digest(), en.digest());
/// ```
pub fn shape() -> &'static Notice {
    &v2_en::SHAPE
}

/// The notices shown today, one per locale, the default locale first.
pub fn current() -> impl Iterator<Item = &'static Notice> {
    let notices = CURRENT.iter().copied();
    #[cfg(feature = "locales")]
    let notices = notices.chain(translated::notices().iter().copied());
    notices
}

/// Every published (version, locale), oldest version first.
fn kept_all() -> impl Iterator<Item = Kept> {
    let kept = KEPT.iter().copied();
    #[cfg(feature = "locales")]
    let kept = kept.chain(translated::notices().iter().map(|n| Kept::Live(n)));
    kept
}

/// The current notice in the locale [`locale::negotiate`](crate::locale::negotiate)
/// picks for a BCP 47 language tag (`"en-US"` -> `"en"`), falling back to the default
/// locale.
pub fn notice(lang: &str) -> &'static Notice {
    notice_for([lang])
}

/// The current notice in the first of a reader's languages (most preferred first)
/// it is written in, as [`locale::negotiate`](crate::locale::negotiate) picks;
/// the default locale when none is.
///
/// ```
/// let n = consent_core::catalogue::notice_for(["ko", "en-AU"]);
/// assert_eq!(n.lang, "en");
/// ```
pub fn notice_for<'w>(wanted: impl IntoIterator<Item = &'w str>) -> &'static Notice {
    let offered: Vec<&str> = current().map(|n| n.lang).collect();
    let chosen = crate::locale::negotiate(wanted, &offered);
    current().find(|n| n.lang == chosen).unwrap_or(CURRENT[0])
}

/// The [`Notice::texts`] of the current notice in `locale` (as named by
/// [`Notice::lang`]), made once per locale: what a backend sends a widget that asks
/// for its text. `None` for a locale the notice is not written in.
///
/// ```
/// use consent_core::catalogue;
/// let nl = catalogue::notice("nl");
/// assert!(catalogue::texts("nl").unwrap().contains(&nl.prompt.title));
/// assert!(catalogue::texts("nl-BE").is_none());
/// ```
#[cfg(feature = "locales")]
pub fn texts(locale: &str) -> Option<&'static [&'static str]> {
    static TEXTS: std::sync::LazyLock<Vec<(&str, Vec<&str>)>> =
        std::sync::LazyLock::new(|| current().map(|n| (n.lang, n.texts())).collect());
    TEXTS
        .iter()
        .find(|(lang, _)| *lang == locale)
        .map(|(_, t)| t.as_slice())
}

/// The text a `notice` reference stands for: the kept notice it names, with its link
/// overrides in place, if the digest is exactly that notice's. `None` for anything the
/// catalogue never published.
///
/// ```
/// use consent_core::catalogue;
/// let mut r = catalogue::notice("en").reference();
/// assert_eq!(catalogue::find(&r).unwrap().ver, catalogue::CURRENT_VERSION);
/// r.sha256 = "00".repeat(32);
/// assert!(catalogue::find(&r).is_none());
/// ```
pub fn find(r: &NoticeRef) -> Option<Published> {
    kept(r)?
        .published(&r.links)
        .filter(|p| p.sha256 == r.sha256)
}

/// Whether a `notice` reference names a published notice exactly: [`find`] without
/// building the text when the default link targets were shown.
///
/// ```
/// let r = consent_core::catalogue::notice("en").reference();
/// assert!(consent_core::catalogue::knows(&r));
/// ```
pub fn knows(r: &NoticeRef) -> bool {
    // A server asks this of every decision it verifies, and a digest means hashing the
    // whole text: each kept notice's default digest is computed once, and a host's own
    // link targets, the same on every decision it sends, once per (notice, targets).
    type Name = (&'static str, u32, &'static str);
    static DEFAULTS: std::sync::LazyLock<Vec<(Name, String)>> = std::sync::LazyLock::new(|| {
        kept_all()
            .map(|k| (k.name(), k.default_digest().to_hex()))
            .collect()
    });
    if r.links.is_empty() {
        let name = (r.id.as_str(), r.ver, r.lang.as_str());
        return DEFAULTS
            .iter()
            .any(|(n, sha256)| *n == name && *sha256 == r.sha256);
    }
    // Bounded: a sender choosing targets of its own can push a host's out, which only
    // costs the host's next decision one digest again.
    static FOUND: std::sync::Mutex<std::collections::VecDeque<NoticeRef>> =
        std::sync::Mutex::new(std::collections::VecDeque::new());
    const FOUND_MAX: usize = 64;
    let same = |f: &NoticeRef| f == r && f.links == r.links;
    let found = || FOUND.lock().unwrap_or_else(|p| p.into_inner());
    if found().iter().any(same) {
        return true;
    }
    if find(r).is_none() {
        return false;
    }
    let mut found = found();
    if found.len() == FOUND_MAX {
        found.pop_front();
    }
    found.push_back(r.clone());
    true
}

/// Whether `r` names the version shown today (whatever its link targets).
///
/// ```
/// use consent_core::catalogue;
/// let mut r = catalogue::notice("en").reference();
/// assert!(catalogue::is_current(&r));
/// r.ver = 1;
/// assert!(!catalogue::is_current(&r));
/// ```
pub fn is_current(r: &NoticeRef) -> bool {
    r.id == NOTICE_ID && r.ver == CURRENT_VERSION
}

/// Every kept notice with its default link targets: what a server publishes.
pub fn published() -> Vec<Published> {
    kept_all()
        .filter_map(|k| k.published(&LinkOverrides::new()))
        .collect()
}

fn kept(r: &NoticeRef) -> Option<Kept> {
    kept_all().find(|k| k.name() == (r.id.as_str(), r.ver, r.lang.as_str()))
}

/// Names a notice and the digest of what it showed: the `notice` claim.
///
/// Two references are equal when they name the same notice by id, version, language
/// and digest. `links` takes no part: the digest covers every link target already, and
/// a stored challenge keeps only the digest.
///
/// ```
/// let r = consent_core::catalogue::notice("en").reference();
/// assert_eq!(r.ver, consent_core::catalogue::CURRENT_VERSION);
/// ```
#[derive(Clone, Debug, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRef {
    pub id: String,
    pub ver: u32,
    pub lang: String,
    pub sha256: String,
    /// The link targets shown in place of the defaults; absent when there were none.
    #[serde(default, skip_serializing_if = "LinkOverrides::is_empty")]
    pub links: LinkOverrides,
}

impl PartialEq for NoticeRef {
    fn eq(&self, other: &Self) -> bool {
        (&self.id, self.ver, &self.lang, &self.sha256)
            == (&other.id, other.ver, &other.lang, &other.sha256)
    }
}

#[cfg(test)]
mod tests;
