//! The root component: owns the state and reports its transitions to the host.

use crate::bridge::HostBridge;
use crate::components::{
    consent_prompt, decision_status, manage_connection, use_element_ref, use_record, ConsentDialog,
    ConsentPromptProps, DecisionStatusProps, ManageConnectionProps, RecordAction,
};
use crate::state::{Action, State, View};
use consent_core::Choice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub bridge: Rc<HostBridge>,
    pub initial: State,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bridge, &other.bridge)
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq({
        let initial = props.initial.clone();
        move || initial
    });

    {
        let bridge = props.bridge.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| bridge.attach(dispatcher));
    }
    {
        let bridge = props.bridge.clone();
        use_effect_with((*state).clone(), move |s| bridge.observe(s));
    }
    let anchor = use_element_ref();
    let record = use_record(anchor.clone(), &state);

    let send = |action: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: ()| d.dispatch(action))
    };
    let on_choose = {
        let d = state.dispatcher();
        Callback::from(move |c: Choice| d.dispatch(Action::Decide(c)))
    };
    let on_retry = {
        let d = state.dispatcher();
        let r = record.dispatcher();
        Callback::from(move |c: Choice| {
            r.dispatch(RecordAction::Dismiss);
            d.dispatch(if c == Choice::Withdraw {
                Action::OpenManage
            } else {
                Action::OpenPrompt
            });
        })
    };
    let on_dismiss_record = {
        let r = record.dispatcher();
        Callback::from(move |_: ()| r.dispatch(RecordAction::Dismiss))
    };
    let notice = state.notice;
    let lang = AttrValue::Static(notice.lang);
    let dir = AttrValue::Static(if consent_core::locale::is_rtl(notice.lang) {
        "rtl"
    } else {
        "ltr"
    });
    let changed = state
        .outdated()
        .map(|ver| AttrValue::Static(notice.changed_since(ver)));

    html! {
        <div ref={anchor} class="frame" lang={lang.clone()} dir={dir.clone()}>
            <ConsentDialog
                {lang}
                {dir}
                open={state.view != View::Closed}
                view={state.view.as_str()}
                on_dismiss={send(Action::Dismiss)}
            >
                { match state.view {
                    View::Prompt => consent_prompt(&ConsentPromptProps {
                        notice,
                        changed,
                        on_choose,
                    }),
                    View::Manage => manage_connection(&ManageConnectionProps {
                        notice,
                        decision: state.decision,
                        policy: state.policy,
                        on_disconnect: send(Action::Decide(Choice::Withdraw)),
                        on_connect: send(Action::OpenPrompt),
                        on_close: send(Action::Close),
                    }),
                    View::Closed => html! {},
                } }
            </ConsentDialog>
            if state.view == View::Closed {
                { decision_status(&DecisionStatusProps {
                    notice,
                    record: record.0.clone(),
                    on_retry,
                    on_dismiss: on_dismiss_record,
                }) }
            }
        </div>
    }
}
