use super::notice_prop::NoticeProp;
use consent_core::catalogue::DirectionText;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataFlowsProps {
    pub notice: NoticeProp,
}

/// Both directions' data categories, each expandable to what it includes and leaves out.
#[component]
pub fn DataFlows(props: &DataFlowsProps) -> Html {
    let p: &'static _ = &props.notice.0.prompt;
    html! {
        <section class="flows" aria-labelledby="alc-data-heading">
            <h3 id="alc-data-heading">{ p.data_heading }</h3>
            { for p.directions.iter().map(direction) }
        </section>
    }
}

fn direction(d: &'static DirectionText) -> Html {
    let heading_id = format!("alc-dir-{}", d.direction.as_str());
    html! {
        <section class="direction" data-direction={d.direction.as_str()}
            aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id}>{ d.heading }</h4>
            <p class="when">{ d.when }</p>
            <ul role="list">
                { for d.categories.iter().map(|c| html! {
                    <li data-category={c.category.as_str()}>
                        // Native disclosure: keyboard and screen-reader support for free.
                        <details>
                            <summary>{ c.name }</summary>
                            <p class="includes">{ c.includes }</p>
                            if let Some(note) = c.note {
                                <p class="note">{ note }</p>
                            }
                        </details>
                    </li>
                }) }
            </ul>
        </section>
    }
}
