// Types of the isolated frame mode's host bridge (frame.js).
import type { ConsentOptions, ConsentOutcome, ConsentState } from "./account_link_consent.js";

/** `mount()`'s options but `backendUrl`: the frame's backend is its own origin. */
export interface ConsentFrameOptions extends Omit<ConsentOptions, "backendUrl"> {
  /** The consent backend's origin, exactly: `https://consent.contoso.example` (no slash). */
  consentOrigin: string;
  /** The frame's accessible name; defaults to "Connect your LinkedIn account". */
  title?: string;
  /** How long the frame may take to start before `consent:error` (`frame-unreachable`); 15000. */
  timeoutMs?: number;
}

/** The widget in its frame; the same calls as `mount()`'s handle, each a promise. */
export interface ConsentFrame {
  /** The iframe; its height follows the widget's content. */
  readonly frame: HTMLIFrameElement;
  prompt(): Promise<ConsentOutcome>;
  manage(): Promise<void>;
  state(): Promise<ConsentState>;
  /** Removes the frame and its listener; pending promises reject. */
  destroy(): void;
}

/**
 * Creates the consent frame in `container`; the widget's `consent:*` events are
 * dispatched on `container`.
 *
 * @example
 * const consent = createConsentFrame(el, { consentOrigin: "https://consent.contoso.example" });
 * el.addEventListener("consent:decision", (e) => console.log(e.detail.choice));
 * const outcome = await consent.prompt();
 */
export function createConsentFrame(container: Element, options: ConsentFrameOptions): ConsentFrame;
