use super::external_link::external_link;
use super::notice_prop::NoticeProp;
use yew::prelude::*;

/// The privacy statements and help pages the notice points to besides its facts.
pub fn learn_more_links(notice: NoticeProp) -> Html {
    let p = &notice.prompt;
    html! {
        <nav class="links" aria-labelledby="alc-links-heading">
            <h3 id="alc-links-heading">{ p.links_heading }</h3>
            <ul role="list">
                { for p.learn_more.iter().map(|key| html! {
                    <li>{ external_link(notice, *key) }</li>
                }) }
            </ul>
        </nav>
    }
}
