use super::external_link::external_link;
use super::notice_prop::NoticeProp;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LearnMoreLinksProps {
    pub notice: NoticeProp,
}

/// The privacy statements and help pages the notice points to besides its facts.
#[component]
pub fn LearnMoreLinks(props: &LearnMoreLinksProps) -> Html {
    let p = &props.notice.prompt;
    html! {
        <nav class="links" aria-labelledby="alc-links-heading">
            <h3 id="alc-links-heading">{ p.links_heading }</h3>
            <ul role="list">
                { for p.learn_more.iter().map(|key| html! {
                    <li>{ external_link(props.notice, *key) }</li>
                }) }
            </ul>
        </nav>
    }
}
