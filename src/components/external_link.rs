use super::notice_prop::NoticeProp;
use consent_core::catalogue::LinkKey;
use yew::prelude::*;

/// One of the notice's links, opened in a new tab without giving it a handle on this
/// page. Targets are the catalogue's defaults or a host's, which passed the `https:`
/// check; the label and the target are both in the notice digest. A function rather
/// than a component: it has no state, and each component type costs the wasm more.
pub fn external_link(notice: NoticeProp, key: LinkKey) -> Html {
    let link = notice.link(key);
    html! {
        <a href={link.href.to_string()} target="_blank" rel="noopener noreferrer"
            data-link={key.as_str()}>{ link.label }</a>
    }
}
