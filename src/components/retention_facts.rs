use super::notice_prop::NoticeProp;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RetentionFactsProps {
    pub notice: NoticeProp,
}

/// How long each side keeps the other's data, where it may travel, and that the user
/// can change their mind.
#[component]
pub fn RetentionFacts(props: &RetentionFactsProps) -> Html {
    let p = &props.notice.prompt;
    html! {
        <section class="retention" aria-labelledby="alc-retention-heading">
            <h3 id="alc-retention-heading">{ p.retention_heading }</h3>
            <ul role="list">
                { for p.retention.iter().map(|fact| html! { <li>{ *fact }</li> }) }
                <li>{ p.transfer }</li>
            </ul>
            <p>{ p.change_mind }</p>
        </section>
    }
}
