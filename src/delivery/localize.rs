//! The notice in the reader's language, rebuilt from the strings a challenge carries:
//! the wasm holds the notice's shape (in English, its default locale) and no other
//! language, so a page downloads only the locale it shows.
//!
//! The backend's strings are shown only when, with the host's link targets in place,
//! their digest is the one the challenge names, so what the user reads is exactly what
//! the signed decision will say they read.

use super::backend::CallError;
use consent_core::catalogue::{self, LinkOverrides, Notice};
use consent_core::NoticeRef;
use std::cell::RefCell;

thread_local! {
    /// Rebuilt notices by digest. The widget holds its notice as `&'static` (so do the
    /// components and the signer); a page shows one locale, or a few when the host
    /// remounts in another, so each is kept for the page's life.
    static BUILT: RefCell<Vec<(String, &'static Notice)>> = const { RefCell::new(Vec::new()) };
}

/// The notice `named` by a challenge, from its `text` (every string, in
/// [`Notice::texts`] order) and the link targets the widget shows.
///
/// ```text
/// let notice = localize::notice(&challenge.notice, &text, &options.links)?;
/// assert_eq!(notice.lang, challenge.notice.lang);
/// ```
pub fn notice(
    named: &NoticeRef,
    text: &[String],
    links: &LinkOverrides,
) -> Result<&'static Notice, CallError> {
    if let Some(known) = BUILT.with(|b| {
        b.borrow()
            .iter()
            .find(|(sha256, n)| *sha256 == named.sha256 && n.lang == named.lang)
            .map(|(_, n)| *n)
    }) {
        return Ok(known);
    }
    let bad = |why: String| CallError::local("bad-challenge", why);
    // The shape is the default locale's: that is the notice every locale translates.
    let template = catalogue::CURRENT[0];
    if named.id != template.id || named.ver != template.ver {
        return Err(mismatch());
    }
    let lang: &'static str = String::leak(named.lang.clone());
    let built = template
        .with_texts(lang, text)
        .map_err(|e| bad(format!("the backend's notice text does not fit: {e}")))?
        .with_links(links)
        .map_err(|e| bad(e.to_string()))?;
    if built.digest().to_hex() != named.sha256 {
        return Err(mismatch());
    }
    let kept: &'static Notice = Box::leak(Box::new(built));
    BUILT.with(|b| b.borrow_mut().push((named.sha256.clone(), kept)));
    Ok(kept)
}

/// A challenge for another notice than the one the widget can show: the user would be
/// asked about one text and the backend would record another.
pub fn mismatch() -> CallError {
    CallError::local(
        "notice-mismatch",
        "the backend expects a different version of the notice than this widget shows".into(),
    )
}
