//! Element ids the dialog frame and its views agree on, for `aria-labelledby`,
//! `aria-describedby` and moving focus to the title. Unique inside the shadow root,
//! because each widget has its own.

/// The open view's title: labels the dialog, and takes focus when a view opens.
pub const TITLE_ID: &str = "alc-title";
/// The open view's introduction: describes the dialog.
pub const DESCRIPTION_ID: &str = "alc-description";
