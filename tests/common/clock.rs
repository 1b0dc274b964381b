//! A fake clock for browser tests: replaces the page's `Date.now` and
//! `performance.now`, the only clocks the widget reads (src/delivery/clock.rs), with
//! the real ones plus an offset the test moves forward. The fake backend reads
//! `Date.now` too, so both sides see the same hours pass. Timers are left alone: a
//! retry still waits real (short) milliseconds.

use js_sys::{Function, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

pub struct FakeClock {
    offset_ms: Rc<Cell<f64>>,
    date: JsValue,
    date_now: JsValue,
    performance: JsValue,
    _fakes: Vec<Closure<dyn Fn() -> f64>>,
}

impl FakeClock {
    /// Installs the fake clock, at the real time until moved.
    pub fn install() -> FakeClock {
        let offset_ms = Rc::new(Cell::new(0.0));
        let date = Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
        let performance: JsValue = web_sys::window().unwrap().performance().unwrap().into();
        let date_now = Reflect::get(&date, &"now".into()).unwrap();
        let perf_now = Reflect::get(&performance, &"now".into()).unwrap();
        let shifted = |this: &JsValue, real: &JsValue| {
            let (this, real, offset) = (this.clone(), real.clone(), offset_ms.clone());
            let real: Function = real.unchecked_into();
            Closure::<dyn Fn() -> f64>::new(move || {
                real.call0(&this).unwrap().as_f64().unwrap() + offset.get()
            })
        };
        let fakes = vec![shifted(&date, &date_now), shifted(&performance, &perf_now)];
        Reflect::set(&date, &"now".into(), fakes[0].as_ref()).unwrap();
        // An own property of the object, shadowing the prototype's method.
        Reflect::set(&performance, &"now".into(), fakes[1].as_ref()).unwrap();
        FakeClock {
            offset_ms,
            date,
            date_now,
            performance,
            _fakes: fakes,
        }
    }

    /// Moves both clocks `hours` forward.
    pub fn advance_hours(&self, hours: f64) {
        self.offset_ms
            .set(self.offset_ms.get() + hours * 3_600_000.0);
    }
}

impl Drop for FakeClock {
    fn drop(&mut self) {
        let _ = Reflect::set(&self.date, &"now".into(), &self.date_now);
        let _ = Reflect::delete_property(
            self.performance.unchecked_ref::<js_sys::Object>(),
            &"now".into(),
        );
    }
}
