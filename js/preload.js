// Asks the backend for the first challenge before the wasm is even downloaded, so that the
// round trip runs while the module loads and compiles instead of after `mount()`:
//
//   import { preloadChallenge } from "account-link-consent/preload.js";
//   preloadChallenge({ backendUrl: "https://consent.contoso.example/" });
//   const { default: init, mount } = await import("account-link-consent");
//   await init();
//   mount(el, { backendUrl: "https://consent.contoso.example/" }).prompt(); // no wait
//
// Plain JS with no import, so that a page can start it first. The wasm takes the answer
// only for a request it would have sent itself, byte for byte (same backend, same
// languages, same links), and reads it as it reads its own: a preload that does not match
// costs one unused challenge and changes nothing else. It is used once, and not after
// MAX_AGE_MS, so that a widget never shows a policy or a decision that old.
//
// This file is both the host's `preload.js` and a snippet the wasm imports. Served from
// pkg/assets/ they are one file and one module; a bundler may keep two module instances,
// hence the one store on `globalThis`.

const MAX_AGE_MS = 30_000;
const STORE = Symbol.for("account-link-consent.preloaded-challenges");
const store = (globalThis[STORE] ??= new Map());

/**
 * Starts the first challenge for the widget `mount(el, options)` will show. Takes the
 * same options as `mount()` (only `backendUrl`, `lang`, `links` and `getHeaders` matter
 * here). Resolves once the answer has arrived (or failed: the widget then asks again);
 * never rejects; throws a TypeError for an options object without a valid `backendUrl`
 * (or with a link that is not a URL).
 */
export function preloadChallenge(options) {
  if (typeof options?.backendUrl !== "string") {
    throw new TypeError("preloadChallenge: options must be an object such as { backendUrl: \"https://...\" }");
  }
  let url;
  try {
    url = new URL(options.backendUrl, location.href).href;
  } catch {
    throw new TypeError(`preloadChallenge: backendUrl ${JSON.stringify(options.backendUrl)} is not a valid URL`);
  }
  if (!url.endsWith("/")) url += "/";
  url += "v1/challenge";
  const body = requestBody(options);
  const key = `${url}\n${body}`;
  const waiting = store.get(key);
  if (waiting && performance.now() - waiting.at < MAX_AGE_MS) return waiting.settled;
  const response = send(url, body, options.getHeaders);
  const entry = { at: performance.now(), response, settled: response.then(() => undefined, () => undefined) };
  store.set(key, entry);
  return entry.settled;
}

/**
 * Preloads for every `<account-link-consent>` (or `name`) element in the document that
 * names its backend; `register.js` calls it before it loads the wasm.
 */
export function preloadElements(name = "account-link-consent") {
  for (const el of document.querySelectorAll(`${name}[backend-url]`)) {
    try {
      preloadChallenge(optionsFrom(el));
    } catch {
      // An element with a bad URL reports it when it mounts.
    }
  }
}

// Each link has a default target in the notice, which the `links` option replaces: its
// element attribute, its key in the option, and its name in a challenge request, in the
// catalogue's order.
const LINKS = [
  ["link-microsoft-privacy", "microsoftPrivacy", "microsoft_privacy"],
  ["link-linkedin-privacy", "linkedinPrivacy", "linkedin_privacy"],
  ["link-eu-transfer", "euTransfer", "eu_transfer"],
  ["link-remove-contacts", "removeContacts", "remove_contacts"],
  ["link-profile-visibility", "profileVisibility", "profile_visibility"],
  ["link-linkedin-help", "linkedinHelp", "linkedin_help"],
  ["link-help", "help", "help"],
];
// The element's other attributes and the options they stand for (element.js mounts with them).
const PLAIN = { "backend-url": "backendUrl", lang: "lang", policy: "policy", decision: "decision", "ledger-key": "ledgerKey" };
export const ATTRIBUTES = [...Object.keys(PLAIN), ...LINKS.map(([attr]) => attr)];

/** The `mount()` options an element's attributes say. */
export function optionsFrom(el) {
  const options = {};
  for (const [attr, key] of Object.entries(PLAIN)) {
    if (el.hasAttribute(attr)) options[key] = el.getAttribute(attr);
  }
  for (const [attr, key] of LINKS) {
    if (el.hasAttribute(attr)) (options.links ??= {})[key] = el.getAttribute(attr);
  }
  return options;
}

/** For the wasm: the preloaded `fetch` promise for exactly this request (the challenge
 * URL and the body), once. */
export function takePreloaded(url, body) {
  const key = `${url}\n${body}`;
  const entry = store.get(key);
  if (!entry) return undefined;
  store.delete(key);
  return performance.now() - entry.at < MAX_AGE_MS ? entry.response : undefined;
}

// What the widget's first challenge request says: the reader's languages (the host's
// `lang`, else the page's, else the browser's) with the notice text, and the host's link
// targets. A widget whose element sits under another `lang` than the page's, or given a
// link equal to the default (which it leaves out), asks differently and fetches its own.
function requestBody(options) {
  const page = document.documentElement.getAttribute("lang");
  const langs = options.lang ? [options.lang] : page ? [page] : [...(navigator.languages ?? [])].slice(0, 16);
  const request = { langs, text: true };
  for (const [, option, name] of LINKS) {
    const href = options.links?.[option];
    if (typeof href === "string") (request.links ??= {})[name] = new URL(href, location.href).href;
  }
  return JSON.stringify(request);
}

async function send(url, body, getHeaders) {
  const headers = new Headers(typeof getHeaders === "function" ? await getHeaders() : undefined);
  headers.set("Content-Type", "application/json");
  headers.set("Accept", "application/json, application/problem+json");
  return fetch(new Request(url, { method: "POST", credentials: "include", headers, body }));
}
