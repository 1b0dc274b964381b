//! The widget's components, each named for what the user sees.

mod choice_list;
mod consent_dialog;
mod consent_prompt;
mod data_flows;
mod learn_more_links;
mod manage_connection;
mod retention_facts;

pub use consent_dialog::ConsentDialog;
pub use consent_prompt::ConsentPrompt;
pub use manage_connection::ManageConnection;

use consent_core::catalogue::Notice;

/// A catalogue entry as a prop: notices are `'static`, so identity is equality.
#[derive(Clone, Copy)]
pub struct NoticeProp(pub &'static Notice);

impl PartialEq for NoticeProp {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for NoticeProp {
    type Target = Notice;
    fn deref(&self) -> &Notice {
        self.0
    }
}

/// Ids inside the shadow root; unique there because each widget has its own root.
pub(crate) const TITLE_ID: &str = "alc-title";
pub(crate) const DESCRIPTION_ID: &str = "alc-description";

/// Whether an event came from the user rather than from a script on the page: only
/// those may make a decision. Browser tests cannot produce trusted events, so the
/// `synthetic-events` feature (never in a release build) lets them through.
pub(crate) fn from_user(e: &web_sys::Event) -> bool {
    cfg!(feature = "synthetic-events") || e.is_trusted()
}
