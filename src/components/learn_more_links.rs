use super::notice_prop::NoticeProp;
use crate::options::Links;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LearnMoreLinksProps {
    pub notice: NoticeProp,
    pub links: Rc<Links>,
}

/// The host-configured links that exist, each labelled from the catalogue.
#[component]
pub fn LearnMoreLinks(props: &LearnMoreLinksProps) -> Html {
    let labels = &props.notice.links;
    let l = &props.links;
    let items: Vec<_> = [
        (&l.microsoft_privacy, labels.microsoft_privacy),
        (&l.linkedin_privacy, labels.linkedin_privacy),
        (&l.eu_transfer, labels.eu_transfer),
        (&l.help, labels.help),
        (&l.remove_contacts, labels.remove_contacts),
    ]
    .into_iter()
    .filter_map(|(url, label)| url.as_ref().map(|u| external_link(u, label)))
    .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <nav class="links" aria-labelledby="alc-links-heading">
            <h3 id="alc-links-heading">{ props.notice.prompt.links_heading }</h3>
            <ul role="list">{ for items.into_iter().map(|a| html! { <li>{ a }</li> }) }</ul>
        </nav>
    }
}

/// A link opened in a new tab without giving it a handle on this page. Only URLs that
/// passed option validation (https:) reach here.
pub fn external_link(url: &str, label: &'static str) -> Html {
    html! {
        <a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ label }</a>
    }
}
