//! The delivery work of one widget, cancelled as a whole when the widget is destroyed.

use futures::future::{AbortHandle, Abortable};
use std::cell::RefCell;
use std::future::Future;

/// Spawned tasks that can all be stopped at once.
#[derive(Default)]
pub struct Tasks {
    running: RefCell<Vec<AbortHandle>>,
}

impl Tasks {
    /// Runs `task` until it ends or [`Tasks::abort_all`] is called.
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        let (handle, registration) = AbortHandle::new_pair();
        self.running.borrow_mut().push(handle);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = Abortable::new(task, registration).await;
        });
    }

    /// Stops every task at its next `await`; timers and requests are dropped with it.
    pub fn abort_all(&self) {
        for task in self.running.take() {
            task.abort();
        }
    }
}
