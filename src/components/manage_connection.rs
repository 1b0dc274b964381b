use super::external_link::external_link;
use super::ids::{DESCRIPTION_ID, TITLE_ID};
use super::notice_prop::NoticeProp;
use super::user_input::from_user;
use consent_core::catalogue::Fact;
use consent_core::{Choice, Policy};
use yew::prelude::*;

pub struct ManageConnectionProps {
    pub notice: NoticeProp,
    pub decision: Option<Choice>,
    /// The tenant's word: connecting needs it, disconnecting never does.
    pub policy: Policy,
    pub on_disconnect: Callback<()>,
    pub on_connect: Callback<()>,
    pub on_close: Callback<()>,
}

/// The current connection: what Disconnect stops at once, and what the user can also
/// do on LinkedIn's side, with the pages that explain how.
/// A function rather than a component (see `consent_prompt`), keyed at its root.
pub fn manage_connection(props: &ManageConnectionProps) -> Html {
    let m = &props.notice.manage;
    let (status, stops) = match props.decision {
        Some(Choice::BothWays) => (m.status_both_ways, Some(m.stops_both_ways)),
        Some(Choice::LinkedinOnly) => (m.status_linkedin_only, Some(m.stops_linkedin_only)),
        _ => (m.status_not_connected, None),
    };
    let policy_text = match props.policy {
        Policy::Enabled => None,
        Policy::Off => Some(props.notice.unavailable.policy_off),
        Policy::NotInGroup => Some(props.notice.unavailable.not_in_group),
    };
    // Only "both ways" ever gave LinkedIn contacts.
    let contacts_imported = props.decision == Some(Choice::BothWays);
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |e: MouseEvent| {
            if from_user(&e) {
                cb.emit(())
            }
        }
    };
    let fact = |f: &Fact| {
        html! {
            <li data-fact={f.link.as_str()}>
                <span>{ f.text }</span>
                { external_link(props.notice, f.link) }
            </li>
        }
    };
    html! {
        <div key="manage" class="manage">
            <header class="head">
                <span class="logo" aria-hidden="true">{ "in" }</span>
                <h2 id={TITLE_ID} tabindex="-1">{ m.title }</h2>
            </header>
            <div class="body">
                <p id={DESCRIPTION_ID} class="status">{ status }</p>
                if let Some(text) = policy_text {
                    <p class="policy">{ text }</p>
                }
                if let Some(stops) = stops {
                    <p class="stops">{ stops }</p>
                }
                <ul class="facts-list" role="list">
                    if contacts_imported {
                        { fact(&m.contacts_stay) }
                    }
                    { for m.on_linkedin.iter().map(fact) }
                </ul>
            </div>
            <footer class="actions">
                if stops.is_some() {
                    <button type="button" class="danger" data-action="disconnect"
                        onclick={emit(&props.on_disconnect)}>{ m.disconnect }</button>
                } else if props.policy == Policy::Enabled {
                    <button type="button" data-action="connect"
                        onclick={emit(&props.on_connect)}>{ m.connect }</button>
                }
                <button type="button" data-action="close"
                    onclick={emit(&props.on_close)}>{ m.close }</button>
            </footer>
        </div>
    }
}
