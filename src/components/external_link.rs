use super::notice_prop::NoticeProp;
use consent_core::catalogue::LinkKey;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExternalLinkProps {
    pub notice: NoticeProp,
    pub link: LinkKey,
}

/// One of the notice's links, opened in a new tab without giving it a handle on this
/// page. Targets are the catalogue's defaults or a host's, which passed the `https:`
/// check; the label and the target are both in the notice digest.
#[component]
pub fn ExternalLink(props: &ExternalLinkProps) -> Html {
    let link = props.notice.link(props.link);
    html! {
        <a href={link.href.to_string()} target="_blank" rel="noopener noreferrer"
            data-link={props.link.as_str()}>{ link.label }</a>
    }
}
