//! Actions for the component, held until it exists: the host may call `prompt()`
//! right after `mount()`, before Yew has rendered once.

use crate::state::{Action, State};
use std::cell::RefCell;
use yew::UseReducerDispatcher;

/// The way into the component's reducer, buffered until the component is attached.
#[derive(Default)]
pub struct ActionQueue {
    dispatcher: RefCell<Option<UseReducerDispatcher<State>>>,
    queued: RefCell<Vec<Action>>,
}

impl ActionQueue {
    /// Runs what was queued, then sends everything straight to `dispatcher`.
    pub fn attach(&self, dispatcher: UseReducerDispatcher<State>) {
        for action in self.queued.take() {
            dispatcher.dispatch(action);
        }
        *self.dispatcher.borrow_mut() = Some(dispatcher);
    }

    /// Dispatches `action`, or keeps it for [`ActionQueue::attach`].
    pub fn send(&self, action: Action) {
        match &*self.dispatcher.borrow() {
            Some(d) => d.dispatch(action),
            None => self.queued.borrow_mut().push(action),
        }
    }

    /// Drops the dispatcher and whatever is queued: the component is going away.
    pub fn detach(&self) {
        self.dispatcher.take();
        self.queued.take();
    }
}
