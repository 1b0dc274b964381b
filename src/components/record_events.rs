//! Where [`decision_status`](super::decision_status::decision_status) learns what became
//! of a decision: from the `consent:*` events the widget raises on its host, so the
//! user is told exactly what the host page is told. The delivery state may feed the
//! same [`Record`] directly instead; the component only needs the value.

use super::decision_status::Record;
use crate::state::State;
use consent_core::Choice;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, Element};
use yew::prelude::*;

/// What moves a [`Record`] on.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordAction {
    Decided(Choice),
    Queued(Choice),
    /// The backend acknowledged the choice, at this time (ms since the epoch).
    Acknowledged(Choice, f64),
    /// A `consent:error`, with its problem code: only a decision on its way can fail.
    Failed(AttrValue),
    Dismiss,
}

/// The latest decision's [`Record`], `None` once dismissed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordState(pub Option<Record>);

impl Reducible for RecordState {
    type Action = RecordAction;

    fn reduce(self: Rc<Self>, action: RecordAction) -> Rc<Self> {
        let in_flight = match &self.0 {
            Some(Record::Sending(c) | Record::Queued(c)) => Some(*c),
            _ => None,
        };
        let next = match action {
            RecordAction::Decided(c) => Some(Record::Sending(c)),
            RecordAction::Queued(c) => Some(Record::Queued(c)),
            RecordAction::Acknowledged(choice, at_ms) => Some(Record::Recorded { choice, at_ms }),
            RecordAction::Failed(code) => match in_flight {
                Some(choice) => Some(Record::NotRecorded { choice, code }),
                None => return self,
            },
            RecordAction::Dismiss => None,
        };
        Rc::new(RecordState(next))
    }
}

/// The record of the latest decision made in `state`, kept up to date from the events
/// the host element receives. `anchor` is any element the widget renders (the events
/// are read on its shadow root's host).
#[hook]
pub fn use_record(anchor: NodeRef, state: &State) -> UseReducerHandle<RecordState> {
    let record = use_reducer_eq(RecordState::default);
    {
        let dispatcher = record.dispatcher();
        let decision = state.decision;
        use_effect_with(state.decisions_made, move |made| {
            if *made > 0 {
                if let Some(choice) = decision {
                    dispatcher.dispatch(RecordAction::Decided(choice));
                }
            }
        });
    }
    {
        let dispatcher = record.dispatcher();
        use_effect_with(anchor, move |anchor| {
            let host = anchor
                .cast::<Element>()
                .and_then(|el| el.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
                .map(|root| root.host());
            let listener = Closure::<dyn Fn(CustomEvent)>::new(move |e: CustomEvent| {
                let detail = e.detail();
                let choice =
                    || crate::js::get_str(&detail, "choice").and_then(|c| Choice::parse(&c));
                let action = match e.type_().as_str() {
                    "consent:decision" => {
                        choice().map(|c| RecordAction::Acknowledged(c, js_sys::Date::now()))
                    }
                    "consent:pending" => choice().map(RecordAction::Queued),
                    "consent:error" => Some(RecordAction::Failed(
                        crate::js::get_str(&detail, "code")
                            .unwrap_or_default()
                            .into(),
                    )),
                    _ => None,
                };
                if let Some(action) = action {
                    dispatcher.dispatch(action);
                }
            });
            const EVENTS: [&str; 3] = ["consent:decision", "consent:pending", "consent:error"];
            if let Some(host) = &host {
                for name in EVENTS {
                    let _ = host
                        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(host) = &host {
                    for name in EVENTS {
                        let _ = host.remove_event_listener_with_callback(
                            name,
                            listener.as_ref().unchecked_ref(),
                        );
                    }
                }
                drop(listener);
            }
        });
    }
    record
}
