use super::notice_prop::NoticeProp;
use super::user_input::from_user;
use consent_core::catalogue::{ChoiceText, Mark};
use consent_core::Choice;
use yew::prelude::*;

/// The three outcomes as cards of equal weight, none pre-selected: each card says what
/// flows where under its choice, and describes its button, so a screen reader reads
/// the consequence with the label.
pub fn choice_list(notice: NoticeProp, on_choose: &Callback<Choice>) -> Html {
    let p = &notice.prompt;
    html! {
        <section class="choices" aria-labelledby="alc-choices-label">
            <h3 id="alc-choices-label">{ p.choices_label }</h3>
            <ul class="cards" role="list">
                { for p.choices.iter().map(|c| card(c, on_choose)) }
            </ul>
        </section>
    }
}

fn card(c: &ChoiceText, on_choose: &Callback<Choice>) -> Html {
    let points_id = format!("alc-choice-{}", c.choice.as_str());
    let onclick = {
        let on_choose = on_choose.clone();
        let choice = c.choice;
        // Synthetic clicks from page scripts must not decide for the user.
        move |e: MouseEvent| {
            if from_user(&e) {
                on_choose.emit(choice)
            }
        }
    };
    html! {
        <li class="card">
            <button type="button" class="choice" data-choice={c.choice.as_str()}
                aria-describedby={points_id.clone()} {onclick}>
                { c.label }
            </button>
            <ul id={points_id} class="points" role="list">
                { for c.points.iter().map(|point| {
                    // Whole class strings rather than `classes!`, whose IndexSet would cost
                    // the wasm about 1 KB gzip for this one list.
                    let (class, symbol) = match point.mark {
                        Mark::Flows(_) => ("point flows", "✓"),
                        Mark::Stops(_) => ("point stops", "✕"),
                        Mark::Note => ("point note", "•"),
                    };
                    let direction = match point.mark {
                        Mark::Flows(d) | Mark::Stops(d) => Some(d.as_str()),
                        Mark::Note => None,
                    };
                    html! {
                        <li {class} data-direction={direction}>
                            <span class="mark" aria-hidden="true">{ symbol }</span>
                            <span>{ point.text }</span>
                        </li>
                    }
                }) }
            </ul>
        </li>
    }
}
