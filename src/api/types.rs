//! TypeScript types for the JS API; wasm-bindgen would otherwise type options as `any`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** The three outcomes the prompt offers, plus a withdrawal from the manage view. */
export type ConsentChoice = "both_ways" | "linkedin_only" | "not_now" | "withdraw";
export type ConsentPolicy = "enabled" | "off" | "not_in_group";
export type ConsentDirection = "linkedin_to_microsoft" | "microsoft_to_linkedin";

/** Options of `mount()`; unknown keys are refused. */
export interface ConsentOptions {
  /** The backend that issues challenges and records decisions: https:, or http: on localhost. */
  backendUrl: string;
  /**
   * The language to show (BCP 47). Without it, the nearest `lang` attribute from the
   * host element up, then `navigator.languages`; the first the notice is written in
   * wins (a region falls back to its language: `nl-BE` shows `nl`), else English.
   * The text of that one locale comes from the backend with the first challenge.
   */
  lang?: string;
  /** The tenant's setting for this user; anything but "enabled" means no prompt. */
  policy?: ConsentPolicy;
  /** A decision the host already knows about. */
  decision?: ConsentChoice | null;
  /**
   * https: targets in place of the notice's default links (every link has one). The
   * notice digest, and so the signed decision, covers the targets shown.
   */
  links?: {
    /** Microsoft Privacy Statement. */
    microsoftPrivacy?: string;
    /** LinkedIn Privacy Policy. */
    linkedinPrivacy?: string;
    /** LinkedIn's page on European Union data transfers. */
    euTransfer?: string;
    /** Deleting imported contacts from LinkedIn. */
    removeContacts?: string;
    /** Controlling how one's LinkedIn profile is viewed. */
    profileVisibility?: string;
    /** LinkedIn's help on LinkedIn in Microsoft apps with a work or school account. */
    linkedinHelp?: string;
    /** The FAQ about LinkedIn information in Microsoft apps and services. */
    help?: string;
  };
  /**
   * Headers for each backend call, for hosts that authenticate with bearer tokens
   * rather than cookies: called before every call, and once more after a 401 (the call
   * is then tried once again). Throwing or rejecting counts as the backend being
   * unreachable for now; the call is retried later.
   *
   * @example getHeaders: async () => ({ Authorization: `Bearer ${await getToken()}` })
   */
  getHeaders?: () => ConsentHeaders | Promise<ConsentHeaders>;
  /**
   * The ledger's verifier key (C2SP signed-note `vkey`, `name+keyid+base64`, as the
   * backend publishes it at `/.well-known/consent-ledger-key`). When given, it is the
   * only key a receipt's checkpoint may be signed with and nothing is fetched; else the
   * backend's published key is fetched once per mount. Either way, a decision is
   * reported as acknowledged only once its receipt verifies (leaf, inclusion proof,
   * checkpoint signature).
   *
   * @example ledgerKey: "consent.contoso.example/ledger+1a2b3c4d+AQ..."
   */
  ledgerKey?: string;
}

/** Header names and values `getHeaders` supplies; `Content-Type` and `Accept` stay the widget's. */
export type ConsentHeaders = Record<string, string>;

export interface NoticeRef {
  id: string;
  ver: number;
  lang: string;
  /** SHA-256 (hex) of exactly what the notice showed, link targets included. */
  sha256: string;
}

export interface ConsentDecision {
  status: "decided";
  choice: ConsentChoice;
  /** Every offered category of each direction, mapped to whether it flows. */
  flows: Record<ConsentDirection, Record<string, boolean>>;
  /** The locale the widget showed, such as "nl" or "pt-BR". */
  lang: string;
  /** The notice shown, or null for a decision not made in this widget (passed in, or recorded earlier). */
  notice: NoticeRef | null;
  /**
   * Set once the backend acknowledged the decision: its id, the signed token, and the
   * receipt, which the widget has verified against the ledger key.
   */
  jti?: string;
  token?: string;
  receipt?: unknown;
}

export interface ConsentUnavailable {
  status: "unavailable";
  reason: Exclude<ConsentPolicy, "enabled">;
  /** A sentence for the user, in the widget's language. */
  message: string;
}

export type ConsentOutcome = ConsentDecision | ConsentUnavailable;

export interface ConsentState {
  view: "closed" | "prompt" | "manage";
  decision: ConsentChoice | null;
  connected: boolean;
  policy: ConsentPolicy;
  /** The notice version `decision` was made on; null when unknown (the host's word). */
  decisionNoticeVersion: number | null;
  /** `decision` stands: made on the notice shown today, so `prompt()` resolves at once. */
  upToDate: boolean;
  /**
   * The locale shown, such as "nl" or "ar": English until the backend's first
   * answer (`consent:ready`) brings the reader's language.
   */
  lang: string;
}

/** Events dispatched on the host element (they bubble and cross shadow roots). */
export interface ConsentEventMap {
  /** The backend has answered (or could not be reached): what the widget knows now. */
  "consent:ready": CustomEvent<ConsentState>;
  "consent:open": CustomEvent<{ view: "prompt" | "manage" }>;
  "consent:close": CustomEvent<{ view: "prompt" | "manage" }>;
  "consent:decision": CustomEvent<ConsentDecision>;
  "consent:unavailable": CustomEvent<ConsentUnavailable>;
  /** The decision is signed and queued; the backend could not be reached yet. */
  "consent:pending": CustomEvent<{ choice: ConsentChoice; jti: string | null; reason: string }>;
  /**
   * `code` is the backend's problem type, or the widget's own: `unreachable` (the
   * backend could not be reached at all: the network, the backend, or this page's
   * origin missing from the backend's allowed origins), `bad-headers` (`getHeaders`
   * returned something other than an object of strings), `invalid-options`,
   * `receipt-invalid` (the backend answered, but its receipt does not prove the
   * decision is in the ledger: the decision is not reported as acknowledged),
   * `ledger-key-invalid` (the key the backend publishes cannot be used).
   */
  "consent:error": CustomEvent<{ code: string; message: string }>;
}

/** `<account-link-consent>`: the same methods as the handle `mount()` returns. */
export interface AccountLinkConsentElement extends HTMLElement {
  prompt(): Promise<ConsentOutcome>;
  manage(): void;
  state(): ConsentState;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: AccountLinkConsentElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: AccountLinkConsentElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  /** The widget's events reach whichever element it is mounted on. */
  interface HTMLElementEventMap extends ConsentEventMap {}
  interface HTMLElementTagNameMap {
    "account-link-consent": AccountLinkConsentElement;
  }
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object of `mount()`.
    #[wasm_bindgen(typescript_type = "ConsentOptions")]
    pub type ConsentOptions;

    /// The element that hosts the widget.
    #[wasm_bindgen(typescript_type = "HTMLElement")]
    pub type MountTarget;
}
