use super::choice_list::ChoiceList;
use super::data_flows::DataFlows;
use super::ids::{DESCRIPTION_ID, TITLE_ID};
use super::learn_more_links::LearnMoreLinks;
use super::notice_prop::NoticeProp;
use super::retention_facts::RetentionFacts;
use crate::options::Links;
use consent_core::Choice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsentPromptProps {
    pub notice: NoticeProp,
    pub links: Rc<Links>,
    pub on_choose: Callback<Choice>,
}

/// The consent prompt: what connecting means, the three outcomes, and every data
/// category with how long it is kept.
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
                <p id={DESCRIPTION_ID} class="intro">{ p.intro }</p>
                <ChoiceList notice={props.notice} on_choose={props.on_choose.clone()} />
                <DataFlows notice={props.notice} />
                <RetentionFacts notice={props.notice} />
                <LearnMoreLinks notice={props.notice} links={props.links.clone()} />
            </div>
        </div>
    }
}
