//! Helpers shared by the browser tests: a fresh host element per test, options from
//! JSON, a way to let Yew render, and shadow-root queries.
#![allow(dead_code)]

pub mod clock;
pub mod fake_backend;
pub mod fake_ledger;

use account_link_consent::{mount, ConsentHandle};
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CustomEvent, Document, Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot,
};

pub const BACKEND: &str = "https://consent.example.test/";

thread_local! {
    static NEXT_BACKEND: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A backend URL of its own for each mount, so one test's outbox (IndexedDB, shared by
/// the whole test binary) never feeds another's. Installs the fake backend.
pub fn backend_url() -> String {
    fake_backend::ensure_installed();
    let n = NEXT_BACKEND.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{BACKEND}t{n}/")
}

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new, empty element in the page to mount into.
pub fn host() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

pub fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test options are valid JSON")
}

/// Mounts with the options in `json`, where a value of exactly `BACKEND` stands for a
/// fresh backend URL.
pub fn mount_json(host: &HtmlElement, json: &str) -> Result<ConsentHandle, String> {
    let json = json.replace(&format!("\"{BACKEND}\""), &format!("\"{}\"", backend_url()));
    mount(
        host.clone().unchecked_into(),
        options(&json).unchecked_into(),
    )
    .map_err(|e| {
        let err: js_sys::Error = JsValue::from(e).unchecked_into();
        String::from(err.message())
    })
}

pub fn mount_default(host: &HtmlElement) -> ConsentHandle {
    mount_json(host, &format!(r#"{{"backendUrl":"{BACKEND}"}}"#)).unwrap()
}

/// Waits until `done()` holds, for at most five seconds (signing and IndexedDB are
/// asynchronous); panics with `what` otherwise.
pub async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting until {what}");
}

pub async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Lets Yew's scheduler (a microtask) and our effects run.
pub async fn settle() {
    waits(3, |w, resolve| {
        w.set_timeout_with_callback(resolve).map(drop)
    })
    .await;
}

/// Waits `n` times in a row for the window to call back what `schedule` hands it.
async fn waits(n: usize, schedule: impl Fn(&web_sys::Window, &Function) -> Result<(), JsValue>) {
    for _ in 0..n {
        let p = Promise::new(&mut |resolve, _| {
            schedule(&web_sys::window().unwrap(), &resolve).unwrap();
        });
        JsFuture::from(p).await.unwrap();
    }
}

pub fn shadow(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root()
        .expect("the widget attaches an open shadow root")
}

pub fn find(host: &HtmlElement, selector: &str) -> Option<Element> {
    shadow(host).query_selector(selector).unwrap()
}

pub fn find_all(host: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = shadow(host).query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

pub fn text(host: &HtmlElement, selector: &str) -> String {
    find(host, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn dialog_open(host: &HtmlElement) -> bool {
    find(host, "dialog").is_some_and(|d| d.has_attribute("open"))
}

pub fn click(host: &HtmlElement, selector: &str) {
    find(host, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Presses a key on whatever has focus inside the widget.
pub fn press(host: &HtmlElement, key: &str, shift: bool) {
    let target: Element = shadow(host)
        .active_element()
        .or_else(|| find(host, "dialog"))
        .expect("something to press keys on");
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

pub fn active_in_widget(host: &HtmlElement) -> Option<Element> {
    shadow(host).active_element()
}

/// Records the `detail` of every event called `name` that reaches `host`.
pub struct Recorder {
    pub events: Rc<RefCell<Vec<JsValue>>>,
    _listener: Closure<dyn FnMut(CustomEvent)>,
}

pub fn record(host: &HtmlElement, name: &str) -> Recorder {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    let listener = Closure::<dyn FnMut(CustomEvent)>::new(move |e: CustomEvent| {
        sink.borrow_mut().push(e.detail());
    });
    host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref::<Function>())
        .unwrap();
    Recorder {
        events,
        _listener: listener,
    }
}

impl Recorder {
    pub fn count(&self) -> usize {
        self.events.borrow().len()
    }
    pub fn last(&self) -> JsValue {
        self.events
            .borrow()
            .last()
            .cloned()
            .expect("an event was recorded")
    }
}

pub fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, key| {
        Reflect::get(&acc, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

pub fn get_str(v: &JsValue, path: &str) -> String {
    get(v, path).as_string().unwrap_or_default()
}

/// Calls `prompt()` and waits for the dialog (it opens once the backend has answered
/// the challenge).
pub async fn open_prompt(handle: &ConsentHandle, host: &HtmlElement) -> Promise {
    let pending = handle.prompt().unwrap();
    wait_until("the prompt is open", || dialog_open(host)).await;
    settle().await;
    pending
}

/// Waits until `recorder` has seen `n` events.
pub async fn wait_for_events(recorder: &Recorder, n: usize) {
    wait_until(&format!("{n} event(s) arrived"), || recorder.count() >= n).await;
}

/// Waits for `n` animation frames, so that what the browser reports some time after a
/// call (a dialog's `close` event) has arrived.
pub async fn next_frames(n: usize) {
    waits(n, |w, resolve| w.request_animation_frame(resolve).map(drop)).await;
}
