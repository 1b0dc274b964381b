//! The `notice` reference a challenge names. Its digest hashes every string the
//! notice shows, several kilobytes; the current notices with their default link
//! targets (what nearly every challenge names) have theirs computed once.

use consent_core::catalogue::{self, Notice};
use consent_core::NoticeRef;
use std::sync::OnceLock;

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
