//! The JavaScript API: `mount()`, the handle it returns, and `<account-link-consent>`.

mod element;
mod handle;
pub mod options;
mod types;

pub use element::define_element;
pub use handle::{mount, ConsentHandle};
