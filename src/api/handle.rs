use super::types::{ConsentOptions, MountTarget};
use crate::app::{App, AppProps};
use crate::bridge::HostBridge;
use crate::components::{shown_notice, NoticeProp};
use crate::options::Options;
use crate::state::State;
use crate::style;
use js_sys::Promise;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// Marks a host element that has a live widget, so a second `mount()` fails clearly.
const MOUNTED_ATTR: &str = "data-consent-mounted";

/// Mounts the consent widget in `element`'s shadow root.
///
/// ```js
/// import init, { mount } from "./pkg/account_link_consent.js";
/// await init();
/// const consent = mount(document.querySelector("#linkedin"), {
///   backendUrl: "https://consent.example.com/",
///   links: { linkedinPrivacy: "https://www.linkedin.com/legal/privacy-policy" },
/// });
/// const decision = await consent.prompt();
/// ```
#[wasm_bindgen]
pub fn mount(element: MountTarget, options: ConsentOptions) -> Result<ConsentHandle, JsError> {
    let host: HtmlElement = JsValue::from(element)
        .dyn_into()
        .map_err(|_| JsError::new("mount: element must be an HTMLElement"))?;
    let options = Options::from_js(options.into()).map_err(|e| JsError::new(&e.to_string()))?;
    // The default locale's notice: the shape every locale fills in, and what shows
    // until the backend sends the reader's language with the first challenge.
    let notice = shown_notice(&options.links)
        .map_err(|e| JsError::new(&format!("invalid consent options: {e}")))?;
    if host.has_attribute(MOUNTED_ATTR) {
        return Err(JsError::new(
            "mount: this element already has a consent widget; call destroy() on it first",
        ));
    }
    let shadow = shadow_root(&host)?;
    style::adopt(&shadow)
        .map_err(|_| JsError::new("mount: could not attach the widget's stylesheet"))?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("mount: element is not in a document"))?;
    let root = document
        .create_element("div")
        .map_err(|_| JsError::new("mount: could not create the widget root"))?;
    root.set_class_name("root");
    shadow
        .append_child(&root)
        .map_err(|_| JsError::new("mount: could not attach the widget root"))?;

    let initial = State::new(options.policy, options.decision, NoticeProp(notice));
    let bridge = HostBridge::new(
        host.clone(),
        notice,
        options.languages(&host),
        options.backend_url,
        options.get_headers,
        options.ledger_key,
        initial.clone(),
    );
    let props = AppProps {
        bridge: bridge.clone(),
        initial,
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let _ = host.set_attribute(MOUNTED_ATTR, "");
    Ok(ConsentHandle {
        mounted: RefCell::new(Some(Mounted {
            app,
            bridge,
            host,
            shadow,
            root,
        })),
    })
}

/// Reuses an open shadow root left by an earlier, destroyed widget: a shadow root can
/// never be removed from its host.
fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsError> {
    if let Some(existing) = host.shadow_root() {
        return Ok(existing);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| JsError::new("mount: element cannot host a shadow root (use e.g. a <div>)"))
}

struct Mounted {
    app: AppHandle<App>,
    bridge: Rc<HostBridge>,
    host: HtmlElement,
    shadow: ShadowRoot,
    root: Element,
}

/// A mounted widget. Methods take `&self` so that a host listener may call any of
/// them, `destroy()` included, from inside a widget event.
#[wasm_bindgen]
pub struct ConsentHandle {
    mounted: RefCell<Option<Mounted>>,
}

#[wasm_bindgen]
impl ConsentHandle {
    /// Opens the prompt and resolves with the decision; resolves at once with the
    /// existing decision, or with `{status: "unavailable"}` when the tenant's policy
    /// leaves this user out.
    #[wasm_bindgen(unchecked_return_type = "Promise<ConsentOutcome>")]
    pub fn prompt(&self) -> Result<Promise, JsError> {
        Ok(self.bridge()?.prompt())
    }

    /// Opens the view that shows the current connection and lets the user disconnect.
    pub fn manage(&self) -> Result<(), JsError> {
        self.bridge()?.manage();
        Ok(())
    }

    /// What is on screen and what was decided.
    #[wasm_bindgen(unchecked_return_type = "ConsentState")]
    pub fn state(&self) -> Result<JsValue, JsError> {
        Ok(self.bridge()?.state())
    }

    /// Removes the widget and everything it registered; pending `prompt()` promises
    /// reject. The element can be mounted again afterwards. Calling it twice is harmless.
    pub fn destroy(&self) {
        let Some(m) = self.mounted.borrow_mut().take() else {
            return;
        };
        m.bridge.close();
        m.app.destroy();
        let _ = m.shadow.remove_child(&m.root);
        m.shadow.set_adopted_style_sheets(&js_sys::Array::new());
        let _ = m.host.remove_attribute(MOUNTED_ATTR);
    }
}

impl ConsentHandle {
    fn bridge(&self) -> Result<Rc<HostBridge>, JsError> {
        self.mounted
            .borrow()
            .as_ref()
            .map(|m| m.bridge.clone())
            .ok_or_else(|| JsError::new("this consent widget was destroyed"))
    }
}
