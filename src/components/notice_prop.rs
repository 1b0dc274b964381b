//! The notice a widget shows, passed to components as a prop.

use consent_core::catalogue::{self, LinkError, LinkOverrides, Notice};
use std::cell::RefCell;

/// A notice as a prop: notices are `'static`, so identity is equality.
#[derive(Clone, Copy)]
pub struct NoticeProp(pub &'static Notice);

impl PartialEq for NoticeProp {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for NoticeProp {}

impl std::fmt::Debug for NoticeProp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "NoticeProp({} v{} {})",
            self.0.id, self.0.ver, self.0.lang
        )
    }
}

impl std::ops::Deref for NoticeProp {
    type Target = Notice;
    fn deref(&self) -> &Notice {
        self.0
    }
}

thread_local! {
    /// Notices with a host's own link targets, made once per distinct set: the widget
    /// holds its notice as `&'static` (so do delivery and the bridge), and a page mounts
    /// few distinct ones, so keeping each for the page's life costs a few hundred bytes.
    static WITH_HOST_LINKS: RefCell<Vec<&'static Notice>> = const { RefCell::new(Vec::new()) };
}

/// The current notice in its default locale with the host's link targets in place of
/// the defaults: the shape the reader's language fills in, and what its digest covers.
///
/// ```text
/// let notice = shown_notice(&options.links)?; // the catalogue's own when no overrides
/// ```
pub fn shown_notice(links: &LinkOverrides) -> Result<&'static Notice, LinkError> {
    let base = catalogue::CURRENT[0];
    let shown = base.with_links(links)?;
    let same_links =
        |a: &Notice, b: &Notice| a.links.iter().zip(&b.links).all(|(x, y)| x.href == y.href);
    if same_links(base, &shown) {
        return Ok(base);
    }
    Ok(WITH_HOST_LINKS.with(|made| {
        let mut made = made.borrow_mut();
        if let Some(n) = made.iter().find(|n| same_links(n, &shown)) {
            return *n;
        }
        let kept: &'static Notice = Box::leak(Box::new(shown));
        made.push(kept);
        kept
    }))
}
