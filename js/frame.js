// The host side of the isolated frame mode: the widget runs in an iframe served by the
// consent backend (`GET /frame`), on the backend's origin, where no script of the host
// page can read its DOM, relabel its buttons or use its key. This module creates that
// frame and speaks to it with postMessage: calls go in with request ids, answers and the
// widget's events come back, and only from that frame's window on the consent origin.
// The frame's script is js/frame-page.js; the protocol is in docs/DESIGN.md.
//
//   import { createConsentFrame } from "account-link-consent/frame.js";
//   const consent = createConsentFrame(document.querySelector("#consent"), {
//     consentOrigin: "https://consent.contoso.example",
//     getHeaders: async () => ({ Authorization: `Bearer ${await token()}` }),
//   });
//   const outcome = await consent.prompt();

const PROTOCOL = "account-link-consent/frame@1";
const EVENTS = new Set(["consent:ready", "consent:open", "consent:close", "consent:decision", "consent:pending", "consent:unavailable", "consent:error"]);
const KEYS = new Set(["consentOrigin", "lang", "policy", "decision", "links", "getHeaders", "title", "timeoutMs"]);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
// Far beyond any real dialog; a larger figure is a frame gone wrong, not content.
const MAX_HEIGHT = 20000;

const isPlainObject = (v) => typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isId = (v) => Number.isSafeInteger(v) && v > 0;

/** Only data crosses: through JSON, so nothing but plain values reaches the frame. */
const plain = (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

function checkOptions(container, options) {
  if (!(container instanceof Element)) throw new Error("createConsentFrame: container must be an element");
  if (!isPlainObject(options)) throw new Error("createConsentFrame: options must be an object");
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key)) throw new Error(`createConsentFrame: unknown option ${key}`);
  }
  const { consentOrigin } = options;
  let url = null;
  try {
    url = new URL(consentOrigin);
  } catch {}
  if (!url || url.origin !== consentOrigin) {
    throw new Error(`consentOrigin: ${JSON.stringify(consentOrigin)} is not an origin (scheme, host and port, no path or slash), e.g. https://consent.contoso.example`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new Error("consentOrigin: must be https: (plain http: only on localhost, 127.0.0.1 or [::1])");
  }
  for (const key of ["lang", "policy", "title"]) {
    if (options[key] !== undefined && typeof options[key] !== "string") throw new Error(`${key}: must be a string`);
  }
  if (options.decision !== undefined && options.decision !== null && typeof options.decision !== "string") {
    throw new Error("decision: must be a choice or null");
  }
  if (options.links !== undefined && !(isPlainObject(options.links) && Object.values(options.links).every((v) => typeof v === "string"))) {
    throw new Error("links: must be an object of strings");
  }
  if (options.getHeaders !== undefined && typeof options.getHeaders !== "function") throw new Error("getHeaders: must be a function");
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new Error("timeoutMs: must be a positive number of milliseconds");
  }
}

/**
 * Creates the consent frame in `container` and returns its handle. Options are
 * `mount()`'s (`lang`, `policy`, `decision`, `links`, `getHeaders`) except `backendUrl`:
 * the frame's backend is always `consentOrigin`. `title` names the frame for screen
 * readers; `timeoutMs` (15 s) is how long the frame may take to answer at all before
 * the host hears `consent:error` with code `frame-unreachable`.
 *
 * The widget's events are dispatched on `container`; `prompt()`, `manage()` and
 * `state()` return promises; `destroy()` removes the frame and rejects what is pending.
 */
export function createConsentFrame(container, options = {}) {
  checkOptions(container, options);
  const { consentOrigin, getHeaders, timeoutMs = 15000 } = options;
  const frameOptions = {};
  for (const key of ["lang", "policy", "decision", "links"]) {
    if (options[key] !== undefined) frameOptions[key] = plain(options[key]);
  }
  // The frame is a page of its own, whose language is not the host's: the reader's
  // language is the host page's (or, failing that, the browser's), as for mount().
  if (frameOptions.lang === undefined) {
    const near = container.closest("[lang]")?.getAttribute("lang") || navigator.language;
    if (near) frameOptions.lang = near;
  }

  const iframe = document.createElement("iframe");
  iframe.src = `${consentOrigin}/frame?host=${encodeURIComponent(location.origin)}`;
  iframe.title = options.title ?? "Connect your LinkedIn account";
  iframe.referrerPolicy = "no-referrer";
  Object.assign(iframe.style, { display: "block", width: "100%", height: "0", border: "0", colorScheme: "normal" });

  let greeted = false;
  let destroyed = false;
  /** Why the frame cannot answer (it never started, or failed to): later calls reject. */
  let failure = null;
  let nextId = 1;
  const queue = [];
  const pending = new Map();

  const post = (message) => iframe.contentWindow?.postMessage({ protocol: PROTOCOL, ...message }, consentOrigin);
  const emit = (name, detail) => container.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  const failAll = (message) => {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
    queue.length = 0;
  };

  const unreachable = setTimeout(() => {
    if (greeted || destroyed) return;
    const message = `the consent frame from ${consentOrigin} did not start: the backend may be down, or this page's origin (${location.origin}) may not be in its allowed origins`;
    failure = message;
    failAll(message);
    emit("consent:error", { code: "frame-unreachable", message });
  }, timeoutMs);

  async function answerHeaders(id) {
    try {
      const headers = await getHeaders();
      // As data, checked by the widget in the frame as in the page: no headers for
      // nothing, `bad-headers` for anything but an object of strings.
      let value;
      try {
        value = plain(headers);
      } catch {
        value = "not plain data";
      }
      post({ type: "headers", id, ok: true, headers: value });
    } catch (e) {
      post({ type: "headers", id, ok: false, message: String(e?.message ?? e) });
    }
  }

  function onMessage(event) {
    if (destroyed || event.source !== iframe.contentWindow || event.origin !== consentOrigin) return;
    const m = event.data;
    if (!isPlainObject(m) || m.protocol !== PROTOCOL) return;
    switch (m.type) {
      case "hello":
        // A second hello is the frame loaded again: what the old one held is gone.
        if (greeted) failAll("the consent frame was reloaded");
        greeted = true;
        failure = null;
        post({ type: "init", options: frameOptions, headers: typeof getHeaders === "function" });
        for (const message of queue.splice(0)) post(message);
        break;
      case "result": {
        const waiting = isId(m.id) && pending.get(m.id);
        if (!waiting) return;
        pending.delete(m.id);
        if (m.ok === true) waiting.resolve(m.value);
        else waiting.reject(new Error(typeof m.message === "string" ? m.message : "the consent frame refused"));
        break;
      }
      case "event":
        if (EVENTS.has(m.name)) emit(m.name, m.detail ?? null);
        break;
      case "size":
        if (Number.isFinite(m.height) && m.height >= 0 && m.height <= MAX_HEIGHT) iframe.style.height = `${Math.ceil(m.height)}px`;
        break;
      case "get-headers":
        if (isId(m.id) && typeof getHeaders === "function") answerHeaders(m.id);
        break;
      case "failed": {
        const message = typeof m.message === "string" ? m.message : "the consent frame could not start";
        failure = message;
        failAll(message);
        emit("consent:error", { code: "frame-failed", message });
        break;
      }
    }
  }

  function call(method) {
    if (destroyed) return Promise.reject(new Error("this consent frame was destroyed"));
    if (failure) return Promise.reject(new Error(failure));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const message = { type: "call", id, method };
      if (greeted) post(message);
      else queue.push(message);
    });
  }

  window.addEventListener("message", onMessage);
  container.append(iframe);

  return {
    /** The iframe, for the host's layout (its height follows the content). */
    frame: iframe,
    prompt: () => call("prompt"),
    manage: () => call("manage").then(() => undefined),
    state: () => call("state"),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(unreachable);
      window.removeEventListener("message", onMessage);
      failAll("this consent frame was destroyed");
      iframe.remove();
    },
  };
}
