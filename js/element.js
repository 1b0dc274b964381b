// The <account-link-consent> custom element. Custom elements must be JS classes that
// extend HTMLElement, which Rust cannot declare without eval (forbidden by strict CSP),
// so this small class forwards everything to the Rust `mount()`.

import { ATTRIBUTES, optionsFrom } from "./preload.js";

export function defineConsentElement(name, mount) {
  if (typeof customElements === "undefined" || customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      static get observedAttributes() {
        return ATTRIBUTES;
      }
      #handle = null;
      /** The options the live widget was mounted with, as JSON. */
      #mountedWith = null;
      /** An attribute changed; the widget is remounted once it is idle. */
      #stale = false;
      /** `prompt()` promises not yet settled. */
      #waiting = 0;
      /** mount() sets `lang` on the element itself; that is no change of the host's. */
      #mounting = false;
      constructor() {
        super();
        // Remounting destroys what is on screen and rejects pending prompts, so a
        // change made while the user is reading waits for the dialog to close.
        this.addEventListener("consent:close", () => queueMicrotask(() => this.#refresh()));
      }
      connectedCallback() {
        this.#remount();
      }
      disconnectedCallback() {
        this.#handle?.destroy();
        this.#handle = null;
        this.#mountedWith = null;
      }
      attributeChangedCallback(_name, old, value) {
        if (old === value || this.#mounting || !this.isConnected) return;
        this.#stale = true;
        this.#refresh();
      }
      #refresh() {
        if (!this.#stale || !this.isConnected) return;
        const busy = this.#handle && (this.#handle.state().view !== "closed" || this.#waiting > 0);
        if (busy) return;
        this.#stale = false;
        if (this.#handle && JSON.stringify(optionsFrom(this)) === this.#mountedWith) return;
        this.#remount();
      }
      #remount() {
        this.#handle?.destroy();
        this.#handle = null;
        this.#stale = false;
        this.#mounting = true;
        try {
          this.#handle = mount(this, optionsFrom(this));
          this.#mountedWith = JSON.stringify(optionsFrom(this));
        } catch (err) {
          this.dispatchEvent(
            new CustomEvent("consent:error", {
              bubbles: true,
              composed: true,
              detail: { code: "invalid-options", message: err.message },
            }),
          );
        } finally {
          this.#mounting = false;
        }
      }
      #live() {
        if (!this.#handle) throw new Error("account-link-consent is not mounted (check its attributes)");
        return this.#handle;
      }
      prompt() {
        const outcome = this.#live().prompt();
        this.#waiting++;
        const settled = () => {
          this.#waiting--;
          this.#refresh();
        };
        outcome.then(settled, settled);
        return outcome;
      }
      manage() {
        return this.#live().manage();
      }
      state() {
        return this.#live().state();
      }
    },
  );
}
