//! A button that counts its clicks: the least a Yew app can be and still render and
//! react, so that its size is what Yew, wasm-bindgen and std cost before any widget
//! code.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[component]
fn Counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! { <button {onclick}>{ *count }</button> }
}

#[wasm_bindgen(start)]
fn start() {
    yew::Renderer::<Counter>::new().render();
}
