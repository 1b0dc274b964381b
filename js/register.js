// The self-initialising entry: one `<script type="module" src=".../register.js">` and an
// `<account-link-consent>` element are all a page needs. Loading the module fetches the
// wasm from beside this file and registers the element; no `await init()` in the host.
// Everything the main module exports is here too, ready to call:
//
//   import { mount } from "account-link-consent/register.js";
//   mount(el, { backendUrl: "https://consent.contoso.example/" });
import init from "./account_link_consent.js";
import { preloadElements } from "./preload.js";

export * from "./account_link_consent.js";
export { preloadChallenge } from "./preload.js";

// The elements already in the page ask for their first challenge while the wasm loads.
preloadElements();
await init();
