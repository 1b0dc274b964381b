//! A consent prompt for connecting a Microsoft work or school account with a LinkedIn
//! account: a Yew component rendered into a shadow root, with a small JS API.
//!
//! ```js
//! import init, { mount } from "account-link-consent";
//! await init();
//! const consent = mount(element, { backendUrl: "https://consent.example.com/" });
//! element.addEventListener("consent:decision", (e) => console.log(e.detail.choice));
//! await consent.prompt();
//! ```
//!
//! Or declaratively, once the module is initialised:
//! `<account-link-consent backend-url="https://consent.example.com/"></account-link-consent>`.

pub mod api;
mod app;
mod bridge;
mod components;
mod delivery;
mod js;
pub mod options;
mod payloads;
pub mod state;
mod style;

pub use api::{define_element, mount, ConsentHandle};
