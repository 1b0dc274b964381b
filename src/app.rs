//! The root component: owns the state and reports its transitions to the host.

use crate::bridge::HostBridge;
use crate::components::{ConsentDialog, ConsentPrompt, ManageConnection, NoticeProp};
use crate::options::Links;
use crate::state::{Action, State, View};
use consent_core::Choice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub bridge: Rc<HostBridge>,
    pub links: Rc<Links>,
    pub initial: State,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bridge, &other.bridge) && self.links == other.links
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

    let send = |action: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: ()| d.dispatch(action))
    };
    let on_choose = {
        let d = state.dispatcher();
        Callback::from(move |c: Choice| d.dispatch(Action::Decide(c)))
    };
    let notice = NoticeProp(props.bridge.notice);

    html! {
        <ConsentDialog
            open={state.view != View::Closed}
            view={state.view.as_str()}
            on_dismiss={send(Action::Dismiss)}
        >
            { match state.view {
                View::Prompt => html! {
                    <ConsentPrompt {notice} links={props.links.clone()} {on_choose} />
                },
                View::Manage => html! {
                    <ManageConnection
                        {notice}
                        links={props.links.clone()}
                        decision={state.decision}
                        on_disconnect={send(Action::Decide(Choice::Withdraw))}
                        on_connect={send(Action::OpenPrompt)}
                        on_close={send(Action::Close)}
                    />
                },
                View::Closed => html! {},
            } }
        </ConsentDialog>
    }
}
