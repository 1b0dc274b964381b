use super::category_details::category_details;
use super::choice_list::choice_list;
use super::ids::{DESCRIPTION_ID, TITLE_ID};
use super::key_facts::key_facts;
use super::learn_more_links::learn_more_links;
use super::notice_prop::NoticeProp;
use consent_core::Choice;
use yew::prelude::*;

pub struct ConsentPromptProps {
    pub notice: NoticeProp,
    /// What changed since the notice the user decided on, when asking again.
    pub changed: Option<AttrValue>,
    pub on_choose: Callback<Choice>,
}

/// The consent prompt. Its first layer (what connecting means, the three outcomes with
/// what flows where, retention, the EU/US transfer and the user's control) fits a
/// laptop screen without scrolling; the categories' details are one click further.
///
/// A function rather than a component, as are the dialog's other views: each component
/// type costs the wasm its own copy of yew's lifecycle code. Its root is keyed, so that
/// switching views replaces the elements as switching components did.
pub fn consent_prompt(props: &ConsentPromptProps) -> Html {
    let p = &props.notice.prompt;
    html! {
        <div key="prompt" class="prompt">
            <header class="head">
                <span class="logo" aria-hidden="true">{ "in" }</span>
                <h2 id={TITLE_ID} tabindex="-1">{ p.title }</h2>
            </header>
            <div class="body">
                <div id={DESCRIPTION_ID} class="lead">
                    <p class="intro">{ p.intro }</p>
                    if let Some(changed) = &props.changed {
                        <div class="changed" data-changed="">
                            <h3>{ props.notice.changes.heading }</h3>
                            <p>{ changed.clone() }</p>
                        </div>
                    }
                </div>
                // Parts of the prompt, rendered with it.
                { choice_list(props.notice, &props.on_choose) }
                { key_facts(props.notice) }
                { category_details(props.notice) }
                { learn_more_links(props.notice) }
            </div>
        </div>
    }
}
