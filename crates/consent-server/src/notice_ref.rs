//! The `notice` reference a challenge names. Its digest hashes every string the
//! notice shows, several kilobytes; the current notices with their default link
//! targets (what nearly every challenge names) have theirs computed once, and a host's
//! own variants once they are kept ([`KeptVariants`]).

use consent_core::catalogue::{self, LinkOverrides, Notice};
use consent_core::NoticeRef;
use std::collections::VecDeque;
use std::sync::{Mutex, OnceLock};

/// `shown.reference()`, where `shown` is `current` (one of
/// [`catalogue::current`]) with the link targets a widget asked for: computed once per
/// locale when those are the defaults.
///
/// ```
/// use consent_core::catalogue::{self, LinkOverrides};
/// let nl = catalogue::notice("nl");
/// let shown = nl.with_links(&LinkOverrides::new()).unwrap();
/// assert_eq!(consent_server::notice_ref::reference(nl, &shown), nl.reference());
/// ```
pub fn reference(current: &'static Notice, shown: &Notice) -> NoticeRef {
    static COMPUTED: OnceLock<Vec<(&'static Notice, NoticeRef)>> = OnceLock::new();
    if shown.overrides().is_empty() {
        let computed =
            COMPUTED.get_or_init(|| catalogue::current().map(|n| (n, n.reference())).collect());
        if let Some((_, r)) = computed.iter().find(|(n, _)| std::ptr::eq(*n, current)) {
            return r.clone();
        }
    }
    shown.reference()
}

/// The notices shown with a host's own link targets that this process has already kept
/// in the notices table, with their references. A host sends the same targets with every
/// challenge, and each would otherwise cost the text built twice, two digests of it and
/// an insert that waits for the ledger's write lock (behind the writer's fsync). Only a
/// kept variant is remembered: the table only grows, so it stays kept.
///
/// ```
/// use consent_core::catalogue::{self, LinkKey, LinkOverrides};
/// use consent_server::notice_ref::KeptVariants;
/// let variants = KeptVariants::default();
/// let en = catalogue::notice("en");
/// let links = LinkOverrides::from([(LinkKey::Help, "https://intranet.example/".into())]);
/// assert!(variants.get(en, &links).is_none());
/// let r = en.with_links(&links).unwrap().reference();
/// variants.kept(en, &links, &r);
/// assert_eq!(variants.get(en, &links), Some(r));
/// ```
#[derive(Debug, Default)]
pub struct KeptVariants(Mutex<VecDeque<(&'static str, LinkOverrides, NoticeRef)>>);

impl KeptVariants {
    /// Bounded: a sender choosing targets of its own can push a host's out, which costs
    /// that host's next challenge the work once more.
    const MAX: usize = 64;

    /// The reference of `current` shown with `links`, if it is kept.
    pub fn get(&self, current: &'static Notice, links: &LinkOverrides) -> Option<NoticeRef> {
        let kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        kept.iter()
            .find(|(lang, l, _)| *lang == current.lang && l == links)
            .map(|(_, _, r)| r.clone())
    }

    /// `current` shown with `links`, whose reference is `r`, is in the notices table.
    pub fn kept(&self, current: &'static Notice, links: &LinkOverrides, r: &NoticeRef) {
        let mut kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if kept
            .iter()
            .any(|(lang, l, _)| *lang == current.lang && l == links)
        {
            return;
        }
        if kept.len() == Self::MAX {
            kept.pop_front();
        }
        kept.push_back((current.lang, links.clone(), r.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consent_core::catalogue::{LinkKey, LinkOverrides};

    #[test]
    fn the_computed_reference_is_the_one_the_notice_gives() {
        for current in catalogue::current() {
            let shown = current.with_links(&LinkOverrides::new()).unwrap();
            assert_eq!(
                reference(current, &shown),
                current.reference(),
                "{}",
                current.lang
            );
            assert_eq!(
                reference(current, &shown).sha256,
                current.reference().sha256
            );
        }
        // A host's own link target is a notice of its own, with a digest of its own.
        let en = catalogue::notice("en");
        let links =
            LinkOverrides::from([(LinkKey::Help, "https://intranet.contoso.example/l".into())]);
        let shown = en.with_links(&links).unwrap();
        assert_eq!(reference(en, &shown), shown.reference());
        assert_ne!(reference(en, &shown).sha256, en.reference().sha256);
    }
}
