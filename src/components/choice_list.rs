use super::notice_prop::NoticeProp;
use super::user_input::from_user;
use consent_core::Choice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceListProps {
    pub notice: NoticeProp,
    pub on_choose: Callback<Choice>,
}

/// The three outcomes as buttons of equal weight, none pre-selected; under each
/// connect choice, which directions data flows in.
#[component]
pub fn ChoiceList(props: &ChoiceListProps) -> Html {
    let p = &props.notice.prompt;
    html! {
        <section class="choices" aria-labelledby="alc-choices-label">
            <h3 id="alc-choices-label">{ p.choices_label }</h3>
            <ul role="list">
                { for p.choices.iter().map(|c| {
                    let summary_id = format!("alc-choice-{}", c.choice.as_str());
                    let onclick = {
                        let on_choose = props.on_choose.clone();
                        let choice = c.choice;
                        // Synthetic clicks from page scripts must not decide for the user.
                        move |e: MouseEvent| if from_user(&e) { on_choose.emit(choice) }
                    };
                    html! {
                        <li class="choice">
                            <button type="button" data-choice={c.choice.as_str()}
                                aria-describedby={summary_id.clone()} {onclick}>
                                { c.label }
                            </button>
                            <div id={summary_id} class="choice-detail">
                                <p>{ c.summary }</p>
                                if c.choice.is_connected() {
                                    <ul class="flow-lines" role="list">
                                        { for p.directions.iter().map(|d| {
                                            let on = c.choice.allows(d.direction);
                                            html! {
                                                <li class={classes!("flow", on.then_some("on"))}>
                                                    <span class="mark" aria-hidden="true">{ if on { "✓" } else { "–" } }</span>
                                                    { d.short }{ ": " }{ if on { p.flows_yes } else { p.flows_no } }
                                                </li>
                                            }
                                        }) }
                                    </ul>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
