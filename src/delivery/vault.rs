//! Bindings to `js/vault.js`: the device key and the outbox in IndexedDB.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/vault.js")]
extern "C" {
    /// Resolves `{privateKey, jwk, created, persistent}`.
    #[wasm_bindgen(js_name = deviceKey, catch)]
    pub async fn device_key(scope: &str) -> Result<JsValue, JsValue>;

    /// Resolves a `Uint8Array` of 64 bytes (r||s).
    #[wasm_bindgen(catch)]
    pub async fn sign(private_key: &JsValue, text: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = randomBytes)]
    pub fn random_bytes(count: u32) -> Vec<u8>;

    #[wasm_bindgen(js_name = outboxPut, catch)]
    pub async fn outbox_put(entry: &JsValue) -> Result<JsValue, JsValue>;

    /// Resolves an array of the entries `outbox_put` stored.
    #[wasm_bindgen(js_name = outboxAll, catch)]
    pub async fn outbox_all() -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = outboxDelete, catch)]
    pub async fn outbox_delete(jti: &str) -> Result<JsValue, JsValue>;
}
