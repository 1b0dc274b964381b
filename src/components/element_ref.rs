//! A reference to one element the component renders, for effects that must reach it.

use yew::prelude::*;

/// The same [`NodeRef`] on every render of the component, as yew's `use_node_ref` gives.
/// That one keeps it in a `use_state`, whose reducer machinery the widget would carry
/// for nothing else (about 0.4 KB gzip); a `use_mut_ref` holds it just as well, since a
/// `NodeRef` is itself a shared handle.
///
/// ```text
/// let dialog = use_element_ref();
/// html! { <dialog ref={dialog.clone()} /> }
/// ```
#[hook]
pub fn use_element_ref() -> NodeRef {
    use_mut_ref(NodeRef::default).borrow().clone()
}
