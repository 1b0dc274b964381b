//! The JavaScript API: `mount()`, the handle it returns, and `<account-link-consent>`.

mod element;
mod handle;
mod types;

pub use crate::options;
pub use element::define_element;
pub use handle::{mount, ConsentHandle};
