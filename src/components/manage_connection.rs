use super::ids::{DESCRIPTION_ID, TITLE_ID};
use super::learn_more_links::external_link;
use super::notice_prop::NoticeProp;
use super::user_input::from_user;
use crate::options::Links;
use consent_core::Choice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ManageConnectionProps {
    pub notice: NoticeProp,
    pub links: Rc<Links>,
    pub decision: Option<Choice>,
    pub on_disconnect: Callback<()>,
    pub on_connect: Callback<()>,
    pub on_close: Callback<()>,
}

/// The current connection and how to end it, with the steps that fit the choice made.
#[component]
pub fn ManageConnection(props: &ManageConnectionProps) -> Html {
    let m = &props.notice.manage;
    let (status, steps) = match props.decision {
        Some(Choice::BothWays) => (m.status_both_ways, Some(m.disconnect_both_ways)),
        Some(Choice::LinkedinOnly) => (m.status_linkedin_only, Some(m.disconnect_linkedin_only)),
        _ => (m.status_not_connected, None),
    };
    // Only "both ways" ever sent contacts to LinkedIn.
    let contacts_imported = props.decision == Some(Choice::BothWays);
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |e: MouseEvent| {
            if from_user(&e) {
                cb.emit(())
            }
        }
    };
    html! {
        <div class="manage">
            <header class="head">
                <span class="logo" aria-hidden="true">{ "in" }</span>
                <h2 id={TITLE_ID} tabindex="-1">{ m.title }</h2>
            </header>
            <div class="body">
                <p id={DESCRIPTION_ID} class="status">{ status }</p>
                if let Some(steps) = steps {
                    <p class="steps">{ steps }</p>
                }
                if contacts_imported {
                    <p class="steps contacts">{ m.imported_contacts }</p>
                    if let Some(url) = &props.links.remove_contacts {
                        <p>{ external_link(url, props.notice.links.remove_contacts) }</p>
                    }
                }
            </div>
            <footer class="actions">
                if steps.is_some() {
                    <button type="button" class="danger" data-action="disconnect"
                        onclick={emit(&props.on_disconnect)}>{ m.disconnect }</button>
                } else {
                    <button type="button" data-action="connect"
                        onclick={emit(&props.on_connect)}>{ m.connect }</button>
                }
                <button type="button" data-action="close"
                    onclick={emit(&props.on_close)}>{ m.close }</button>
            </footer>
        </div>
    }
}
