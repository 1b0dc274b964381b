//! The `consent:*` events on the host element.

use std::cell::Cell;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Every event the widget raises; their details are built from the payload types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// The backend has answered the first challenge (or could not): the state is
    /// what it will be until the user acts.
    Ready,
    Open,
    Close,
    Decision,
    Pending,
    Unavailable,
    Error,
}

impl HostEvent {
    fn name(self) -> &'static str {
        match self {
            HostEvent::Ready => "consent:ready",
            HostEvent::Open => "consent:open",
            HostEvent::Close => "consent:close",
            HostEvent::Decision => "consent:decision",
            HostEvent::Pending => "consent:pending",
            HostEvent::Unavailable => "consent:unavailable",
            HostEvent::Error => "consent:error",
        }
    }
}

/// Raises events on the host element until silenced.
pub struct HostEvents {
    host: HtmlElement,
    silenced: Cell<bool>,
}

impl HostEvents {
    /// Events for `host`, the element the widget is mounted on.
    pub fn new(host: HtmlElement) -> Self {
        HostEvents {
            host,
            silenced: Cell::new(false),
        }
    }

    /// Dispatches `event` with `detail`. The events bubble and are `composed`, so a
    /// page that embeds the host in its own shadow tree still hears them.
    pub fn emit(&self, event: HostEvent, detail: &JsValue) {
        if self.silenced.get() {
            return;
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }

    /// Nothing more reaches the host: the widget was destroyed.
    pub fn silence(&self) {
        self.silenced.set(true);
    }

    /// Whether the widget was destroyed: then nothing it hears matters any more.
    pub fn is_silenced(&self) -> bool {
        self.silenced.get()
    }
}
