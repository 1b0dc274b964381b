use super::notice_prop::NoticeProp;
use consent_core::catalogue::DirectionText;
use yew::prelude::*;

/// The second layer: both directions' data categories, each one click away from what
/// it includes, whose data it is and what it leaves out.
pub fn category_details(notice: NoticeProp) -> Html {
    let p: &'static _ = &notice.0.prompt;
    html! {
        <section class="details" aria-labelledby="alc-details-heading">
            <h3 id="alc-details-heading">{ p.details_heading }</h3>
            <div class="directions">
                { for p.directions.iter().map(direction) }
            </div>
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
                            { for c.notes.iter().map(|note| html! { <p class="note">{ *note }</p> }) }
                        </details>
                    </li>
                }) }
            </ul>
        </section>
    }
}
