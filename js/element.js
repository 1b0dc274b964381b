// The <account-link-consent> custom element. Custom elements must be JS classes that
// extend HTMLElement, which Rust cannot declare without eval (forbidden by strict CSP),
// so this small class forwards everything to the Rust `mount()`.

// Each link has a default target in the notice; these attributes replace it.
const LINKS = {
  "link-microsoft-privacy": "microsoftPrivacy",
  "link-linkedin-privacy": "linkedinPrivacy",
  "link-eu-transfer": "euTransfer",
  "link-remove-contacts": "removeContacts",
  "link-profile-visibility": "profileVisibility",
  "link-linkedin-help": "linkedinHelp",
  "link-help": "help",
};
const PLAIN = { "backend-url": "backendUrl", lang: "lang", policy: "policy", decision: "decision" };

function optionsFrom(el) {
  const options = {};
  for (const [attr, key] of Object.entries(PLAIN)) {
    if (el.hasAttribute(attr)) options[key] = el.getAttribute(attr);
  }
  for (const [attr, key] of Object.entries(LINKS)) {
    if (el.hasAttribute(attr)) (options.links ??= {})[key] = el.getAttribute(attr);
  }
  return options;
}

export function defineConsentElement(name, mount) {
  if (typeof customElements === "undefined" || customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      static get observedAttributes() {
        return [...Object.keys(PLAIN), ...Object.keys(LINKS)];
      }
      #handle = null;
      connectedCallback() {
        this.#remount();
      }
      disconnectedCallback() {
        this.#handle?.destroy();
        this.#handle = null;
      }
      attributeChangedCallback() {
        if (this.isConnected) this.#remount();
      }
      #remount() {
        this.#handle?.destroy();
        this.#handle = null;
        try {
          this.#handle = mount(this, optionsFrom(this));
        } catch (err) {
          this.dispatchEvent(
            new CustomEvent("consent:error", {
              bubbles: true,
              composed: true,
              detail: { code: "invalid-options", message: err.message },
            }),
          );
        }
      }
      #live() {
        if (!this.#handle) throw new Error("account-link-consent is not mounted (check its attributes)");
        return this.#handle;
      }
      prompt() {
        return this.#live().prompt();
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
