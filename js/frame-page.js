// The isolated frame's own script, loaded by the consent backend's `GET /frame` page:
// it mounts the widget on the backend's origin and talks to exactly one host page, the
// origin in `?host=` (which the backend checked against its allowed origins). The host
// reaches the widget only through the messages below; none of them makes or signs a
// choice, which only a trusted click inside this frame can do.
//
// Messages are plain objects tagged with PROTOCOL; anything else, anything from another
// window or origin, and any unknown type is ignored. The bridge is js/frame.js.
import init, { mount } from "./account_link_consent.js";

const PROTOCOL = "account-link-consent/frame@1";
const EVENTS = ["consent:ready", "consent:open", "consent:close", "consent:decision", "consent:pending", "consent:unavailable", "consent:error"];
const OPTIONS = new Set(["lang", "policy", "decision", "links"]);
const HEADERS_TIMEOUT_MS = 30000;

const host = hostOrigin();
const element = document.getElementById("consent");
let handle = null;
/** Settles once the widget is mounted (or failed to): calls wait for it. */
let startup = null;
let nextId = 1;
const waitingForHeaders = new Map();

/** The embedding page's origin, exactly as `event.origin` will carry it. */
function hostOrigin() {
  const value = new URLSearchParams(location.search).get("host") ?? "";
  let origin = null;
  try {
    origin = new URL(value).origin;
  } catch {}
  if (origin !== value) throw new Error(`frame-page: ?host= must be an origin such as https://people.contoso.example, not ${JSON.stringify(value)}`);
  if (window.parent === window) throw new Error("frame-page: this page only works inside the host's frame");
  return value;
}

function send(message) {
  window.parent.postMessage({ protocol: PROTOCOL, ...message }, host);
}

/** Only data crosses: whatever the widget hands over goes through JSON. */
const plain = (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

const isPlainObject = (v) => typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isId = (v) => Number.isSafeInteger(v) && v > 0;

window.addEventListener("message", (event) => {
  if (event.source !== window.parent || event.origin !== host) return;
  const m = event.data;
  if (!isPlainObject(m) || m.protocol !== PROTOCOL) return;
  if (m.type === "init") start(m.options, m.headers === true);
  else if (m.type === "call" && isId(m.id)) call(m.id, m.method);
  else if (m.type === "headers" && isId(m.id)) headersArrived(m);
});

function start(options, hostHasHeaders) {
  startup ??= mountWidget(options, hostHasHeaders);
}

async function mountWidget(options, hostHasHeaders) {
  try {
    if (!isPlainObject(options)) throw new Error("frame options must be an object");
    const unknown = Object.keys(options).filter((k) => !OPTIONS.has(k));
    if (unknown.length) throw new Error(`frame options: unknown ${unknown.join(", ")} (the frame takes ${[...OPTIONS].join(", ")})`);
    await init();
    for (const name of EVENTS) element.addEventListener(name, (e) => send({ type: "event", name, detail: plain(e.detail) }));
    // The backend is this frame's own origin: the host cannot point the widget elsewhere.
    const mountOptions = { ...options, backendUrl: new URL("/", location.href).href };
    if (hostHasHeaders) mountOptions.getHeaders = askHostForHeaders;
    handle = mount(element, mountOptions);
    watchSize();
  } catch (e) {
    send({ type: "failed", message: String(e?.message ?? e) });
  }
}

async function call(id, method) {
  try {
    await startup;
    if (!handle) throw new Error("the consent frame has not started the widget");
    let value = null;
    if (method === "prompt") value = await handle.prompt();
    else if (method === "manage") handle.manage();
    else if (method === "state") value = handle.state();
    else throw new Error(`the consent frame has no method ${JSON.stringify(method)}`);
    send({ type: "result", id, ok: true, value: plain(value) });
  } catch (e) {
    send({ type: "result", id, ok: false, message: String(e?.message ?? e) });
  }
}

/** The widget's getHeaders: the host's answer, asked for on each call. */
function askHostForHeaders() {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waitingForHeaders.delete(id);
      reject(new Error("the host page did not answer for headers"));
    }, HEADERS_TIMEOUT_MS);
    waitingForHeaders.set(id, { resolve, reject, timer });
    send({ type: "get-headers", id });
  });
}

function headersArrived(m) {
  const waiting = waitingForHeaders.get(m.id);
  if (!waiting) return;
  waitingForHeaders.delete(m.id);
  clearTimeout(waiting.timer);
  // Whatever the host's hook returned goes to the widget as it is, which checks it as
  // it checks a hook of its own (and reports `bad-headers` to the host).
  if (m.ok === true) waiting.resolve(m.headers);
  else waiting.reject(new Error(typeof m.message === "string" ? m.message : "the host's getHeaders failed"));
}

/** The height the frame needs: the open dialog with all it would show unscrolled (a
 * modal dialog is out of the page's flow, and clipped to the frame it sits in), and
 * the notice of whether a choice was recorded. */
function wantedHeight() {
  const root = element.shadowRoot;
  let height = document.body.scrollHeight;
  const dialog = root?.querySelector("dialog[open]");
  if (dialog) {
    // Squeezed into a short frame, the dialog clips what overflows it and its body
    // scrolls: count both, so the next report asks for room to show it all.
    let hidden = 0;
    for (const el of dialog.querySelectorAll("*")) {
      if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY)) hidden += el.scrollHeight - el.clientHeight;
    }
    const borders = dialog.offsetHeight - dialog.clientHeight;
    // The dialog's margin: 1rem above and below.
    height = Math.max(height, dialog.scrollHeight + borders + hidden + 32);
  }
  const record = root?.querySelector(".record");
  if (record) height = Math.max(height, (dialog ? height : 0) + record.offsetHeight + 32);
  return Math.ceil(height);
}

function watchSize() {
  let last = -1;
  const report = () => {
    const height = wantedHeight();
    if (height === last) return;
    last = height;
    send({ type: "size", height });
  };
  const schedule = () => requestAnimationFrame(report);
  new ResizeObserver(schedule).observe(document.documentElement);
  new MutationObserver(schedule).observe(element.shadowRoot ?? element, { subtree: true, childList: true, attributes: true, characterData: true });
  schedule();
}

send({ type: "hello" });
