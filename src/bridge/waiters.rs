//! The `prompt()` promises still waiting for a decision.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// `[resolve, reject]` of each pending `prompt()`.
#[derive(Default)]
pub struct Waiters(RefCell<Vec<(Function, Function)>>);

impl Waiters {
    /// A new promise, settled by the next [`Waiters::take`]'s caller.
    pub fn wait(&self) -> Promise {
        Promise::new(&mut |resolve, reject| self.0.borrow_mut().push((resolve, reject)))
    }

    /// Takes every waiting promise, to settle them. Take them before telling the host
    /// anything: a listener may destroy the widget, which rejects whatever still waits.
    pub fn take(&self) -> Settle {
        Settle(self.0.take())
    }
}

/// Promises taken from [`Waiters`], to be settled once.
pub struct Settle(Vec<(Function, Function)>);

impl Settle {
    /// Fulfils every taken promise with `value`.
    pub fn resolve(self, value: &JsValue) {
        for (resolve, _) in self.0 {
            let _ = resolve.call1(&JsValue::UNDEFINED, value);
        }
    }

    /// Rejects every taken promise with `error`.
    pub fn reject(self, error: &JsValue) {
        for (_, reject) in self.0 {
            let _ = reject.call1(&JsValue::UNDEFINED, error);
        }
    }
}
