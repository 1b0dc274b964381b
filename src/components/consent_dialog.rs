use super::element_ref::use_element_ref;
use super::ids::{DESCRIPTION_ID, TITLE_ID};
use super::user_input::from_user;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsentDialogProps {
    pub open: bool,
    /// Changes when the dialog shows different content, so focus moves to its title.
    pub view: AttrValue,
    /// Escape or the browser's close request.
    pub on_dismiss: Callback<()>,
    /// The language of the text inside (BCP 47), so that screen readers read it in
    /// that language whatever the page's.
    pub lang: AttrValue,
    /// `"rtl"` or `"ltr"`, from the language.
    pub dir: AttrValue,
    pub children: Html,
}

/// The modal dialog frame: shows itself modally, keeps focus inside while open and
/// gives it back to whatever had it before.
#[component]
pub fn ConsentDialog(props: &ConsentDialogProps) -> Html {
    let dialog = use_element_ref();
    let opener = use_mut_ref(|| None::<HtmlElement>);

    {
        let dialog = dialog.clone();
        use_effect_with((props.open, props.view.clone()), move |(open, _)| {
            let Some(el) = dialog.cast::<HtmlDialogElement>() else {
                return;
            };
            if *open {
                if !el.open() {
                    *opener.borrow_mut() = focused_in_page();
                    // A modal dialog makes the rest of the page inert, for assistive
                    // technology too; aria-modal alone is not honoured everywhere.
                    if el.show_modal().is_err() {
                        el.set_open(true);
                    }
                }
                if let Some(title) = el
                    .query_selector(&format!("#{TITLE_ID}"))
                    .ok()
                    .flatten()
                    .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                {
                    let _ = title.focus();
                }
            } else if el.open() {
                el.close();
                if let Some(opener) = opener.borrow_mut().take() {
                    if opener.is_connected() {
                        let _ = opener.focus();
                    }
                }
            }
        });
    }

    let onkeydown = {
        let on_dismiss = props.on_dismiss.clone();
        let dialog = dialog.clone();
        move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                if from_user(&e) {
                    on_dismiss.emit(());
                }
            }
            "Tab" => {
                if let Some(el) = dialog.cast::<Element>() {
                    trap_tab(&el, &e);
                }
            }
            _ => {}
        }
    };
    let oncancel = {
        let on_dismiss = props.on_dismiss.clone();
        move |e: Event| {
            e.prevent_default();
            if from_user(&e) {
                on_dismiss.emit(());
            }
        }
    };

    // Browsers may close a modal dialog without a cancel event (a repeated Escape, a
    // close request from the platform); the state must follow, or the widget would think
    // it is still open. When the state closed it first, the reducer ignores this.
    // The event comes some time after close() returned, not within it: by then the
    // dialog may be showing again (the user answered a refusal at once, the host opened
    // the manage view as the prompt closed), and a late event must not dismiss what the
    // user sees, let alone record a "not now" nobody chose.
    let onclose = {
        let on_dismiss = props.on_dismiss.clone();
        let dialog = dialog.clone();
        move |_: Event| {
            if !dialog.cast::<HtmlDialogElement>().is_some_and(|d| d.open()) {
                on_dismiss.emit(());
            }
        }
    };

    html! {
        <dialog
            ref={dialog}
            class="dialog"
            role="dialog"
            lang={props.lang.clone()}
            dir={props.dir.clone()}
            aria-modal="true"
            aria-labelledby={TITLE_ID}
            aria-describedby={DESCRIPTION_ID}
            {onkeydown}
            {oncancel}
            {onclose}
        >
            if props.open {
                { props.children.clone() }
            }
        </dialog>
    }
}

const FOCUSABLE: &str = "button:not([disabled]), a[href], summary, [tabindex='0']";

/// Wraps Tab from the last control to the first and Shift+Tab from the first to the
/// last, so keyboard focus cannot wander to the page behind the modal.
fn trap_tab(dialog: &Element, e: &KeyboardEvent) {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let (Some(first), Some(last)) = (list.item(0), list.item(list.length().saturating_sub(1)))
    else {
        return;
    };
    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let at = |n: &web_sys::Node| target.as_ref().is_some_and(|t| t.is_same_node(Some(n)));
    let wrap_to = if e.shift_key() && (at(&first) || !contains_target(dialog, &target)) {
        Some(last)
    } else if !e.shift_key() && (at(&last) || !contains_target(dialog, &target)) {
        Some(first)
    } else {
        None
    };
    if let Some(node) = wrap_to.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        e.prevent_default();
        let _ = node.focus();
    }
}

/// The title is focusable only by script (tabindex -1); Tab from there must still go
/// to the first control rather than out of the dialog.
fn contains_target(dialog: &Element, target: &Option<web_sys::Node>) -> bool {
    target.as_ref().is_some_and(|t| {
        dialog.contains(Some(t))
            && t.dyn_ref::<Element>()
                .is_none_or(|el| !el.matches(&format!("#{TITLE_ID}")).unwrap_or(false))
    })
}

/// The element that has focus in the host page, looking through open shadow roots.
fn focused_in_page() -> Option<HtmlElement> {
    let doc = web_sys::window()?.document()?;
    let mut active = doc.active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|r| r.active_element()) {
        active = inner;
    }
    active.dyn_into().ok()
}
