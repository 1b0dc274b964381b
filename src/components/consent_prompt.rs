use super::category_details::CategoryDetails;
use super::choice_list::ChoiceList;
use super::ids::{DESCRIPTION_ID, TITLE_ID};
use super::key_facts::KeyFacts;
use super::learn_more_links::LearnMoreLinks;
use super::notice_prop::NoticeProp;
use consent_core::Choice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsentPromptProps {
    pub notice: NoticeProp,
    /// What changed since the notice the user decided on, when asking again.
    #[prop_or_default]
    pub changed: Option<AttrValue>,
    pub on_choose: Callback<Choice>,
}

/// The consent prompt. Its first layer (what connecting means, the three outcomes with
/// what flows where, retention, the EU/US transfer and the user's control) fits a
/// laptop screen without scrolling; the categories' details are one click further.
#[component]
pub fn ConsentPrompt(props: &ConsentPromptProps) -> Html {
    let p = &props.notice.prompt;
    html! {
        <div class="prompt">
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
                <ChoiceList notice={props.notice} on_choose={props.on_choose.clone()} />
                <KeyFacts notice={props.notice} />
                <CategoryDetails notice={props.notice} />
                <LearnMoreLinks notice={props.notice} />
            </div>
        </div>
    }
}
