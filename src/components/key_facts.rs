use super::external_link::external_link;
use super::notice_prop::NoticeProp;
use yew::prelude::*;

/// What the user must know before choosing, in the first layer: how long each side
/// keeps the other's data, where it may travel, and what the user controls; each with
/// the page that says more.
pub fn key_facts(notice: NoticeProp) -> Html {
    let p = &notice.prompt;
    html! {
        <section class="facts" aria-labelledby="alc-facts-heading">
            <h3 id="alc-facts-heading">{ p.facts_heading }</h3>
            <ul role="list">
                { for p.facts.iter().map(|fact| html! {
                    <li data-fact={fact.link.as_str()}>
                        <span>{ fact.text }</span>
                        { external_link(notice, fact.link) }
                    </li>
                }) }
            </ul>
        </section>
    }
}
