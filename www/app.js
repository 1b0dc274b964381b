// The demo host page: a profile card whose LinkedIn section asks for consent the first
// time it is used. Everything the widget says comes from the widget; this page only
// reacts to its outcome. No inline scripts or styles, so a strict CSP holds.
import { PEOPLE } from "./sample-data.js";
import { LOCALES, knownLocale } from "./locales.js";

const $ = (id) => document.getElementById(id);
const text = (tag, content, className) => {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
};

/** The widget's `mount`, once its module is loaded (see main). */
let mount;

let selected = PEOPLE[0];
let consent;
/** The widget has heard from its backend: its state is worth showing. */
let ready = false;
const USER_KEY = "demo-user";

/** The demo keeps the chosen language in the address, so a reload (or a link) keeps it. */
const LANG_PARAM = "lang";

/** The locale named by `?lang=` (matched case-insensitively, returned as the widget
 * spells it), or undefined for anything else: then the widget follows the browser. */
function chosenLang() {
  return knownLocale(new URLSearchParams(location.search).get(LANG_PARAM))?.[0];
}

async function api(path, init = {}) {
  const res = await fetch(path, {
    credentials: "same-origin",
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.detail ?? `${path} answered ${res.status}`);
  return body;
}

/** Demo sign-in. What this user decided before, and whether to ask again, the widget
 * learns from its backend itself (`consent:ready`, `state()`). */
async function signIn(user) {
  await api("/v1/session", { method: "POST", body: JSON.stringify({ user }) });
  localStorage.setItem(USER_KEY, user);
}

async function setupAdmin() {
  const policy = await api("/v1/admin/policy");
  const select = $("demo-user");
  select.replaceChildren(
    ...policy.users.map((u) => {
      const o = text("option", u[0].toUpperCase() + u.slice(1));
      o.value = u;
      return o;
    }),
  );
  select.value = localStorage.getItem(USER_KEY) ?? policy.users[0];
  select.addEventListener("change", () => start(select.value));
  for (const radio of document.querySelectorAll('input[name="policy"]')) {
    radio.checked = radio.value === policy.mode;
    radio.addEventListener("change", async () => {
      await api("/v1/admin/policy", { method: "POST", body: JSON.stringify({ mode: radio.value, group: ["megan", "adele"] }) });
      start(select.value);
    });
  }
  return select.value;
}

/** The language switcher: "Browser default" or one of the locales. A change is written
 * to the address and remounts the widget in that language. */
function setupLanguage() {
  const select = $("demo-lang");
  const browserDefault = text("option", "Browser default");
  browserDefault.value = "";
  select.replaceChildren(
    browserDefault,
    ...LOCALES.map(([tag, name]) => {
      const o = text("option", name);
      o.value = tag;
      o.lang = tag; // read out in its own language
      return o;
    }),
  );
  select.value = chosenLang() ?? "";
  select.addEventListener("change", () => {
    const url = new URL(location.href);
    if (select.value) url.searchParams.set(LANG_PARAM, select.value);
    else url.searchParams.delete(LANG_PARAM);
    history.replaceState(history.state, "", url);
    start($("demo-user").value);
  });
}

function renderPeople() {
  const list = $("people-list");
  list.replaceChildren(
    ...PEOPLE.map((p) => {
      const li = document.createElement("li");
      const b = text("button", p.name);
      b.type = "button";
      b.dataset.person = p.id;
      b.setAttribute("aria-current", String(p === selected));
      b.addEventListener("click", () => {
        selected = p;
        renderPeople();
        renderCard();
      });
      li.append(b);
      return li;
    }),
  );
}

function renderCard() {
  $("person-initials").textContent = selected.name.split(" ").map((w) => w[0]).join("");
  $("person-name").textContent = selected.name;
  $("person-role").textContent = selected.role;
  const dl = $("person-contact");
  dl.replaceChildren(text("dt", "Email"), text("dd", selected.email), text("dt", "Phone"), text("dd", selected.phone));
  renderLinkedIn();
}

function action(label, onClick, id) {
  const b = text("button", label, "link-button");
  b.type = "button";
  if (id) b.id = id;
  b.addEventListener("click", onClick);
  return b;
}

/** Re-renders the LinkedIn section, keeping keyboard focus in it when it was there. */
function renderLinkedIn() {
  const hadFocus = $("profile-card").contains(document.activeElement);
  paintLinkedIn();
  if (hadFocus) $("linkedin-body").querySelector("button")?.focus();
}

function paintLinkedIn() {
  const body = $("linkedin-body");
  const state = ready ? consent?.state() : undefined;
  if (!state) {
    body.replaceChildren(text("p", "Loading…", "muted"));
    return;
  }
  const manage = () => action("Manage LinkedIn connection", () => consent.manage(), "manage-linkedin");
  if (state.policy !== "enabled") {
    // A user who connected can still disconnect, whatever the tenant says now.
    body.replaceChildren(text("p", unavailableMessage, "muted"), ...(state.connected ? [manage()] : []));
    return;
  }
  if (state.connected && state.upToDate) {
    const li = selected.linkedin;
    const sample = text("p", "Sample data shipped with this demo, not from LinkedIn.", "sample-note");
    const exp = document.createElement("ul");
    exp.append(...li.experience.map((e) => text("li", e)));
    body.replaceChildren(
      text("p", li.headline, "headline"),
      text("h4", "Experience"),
      exp,
      text("h4", "Education"),
      text("p", li.education),
      sample,
      manage(),
    );
    return;
  }
  if (state.upToDate || state.decision === "withdraw") {
    body.replaceChildren(
      text("p", "LinkedIn information is not shown because your accounts are not connected.", "muted"),
      action("Connect LinkedIn account", () => consent.manage(), "connect-later"),
    );
    return;
  }
  // No decision yet, or one made on an older notice: prompt() asks (again).
  body.replaceChildren(
    text("p", `See ${selected.name.split(" ")[0]}'s LinkedIn profile here.`, "muted"),
    action("Show LinkedIn profile", ask, "show-linkedin"),
  );
}

let unavailableMessage = "";

async function ask() {
  try {
    const outcome = await consent.prompt();
    if (outcome.status === "unavailable") unavailableMessage = outcome.message;
  } catch {
    // Not recorded: the widget says why and offers to try again.
  }
  renderLinkedIn();
}

function listen(host) {
  // The widget tells the user itself whether a choice was recorded; the card follows.
  host.addEventListener("consent:ready", () => {
    ready = true;
    renderLinkedIn();
  });
  host.addEventListener("consent:decision", () => renderLinkedIn());
  host.addEventListener("consent:unavailable", (e) => {
    unavailableMessage = e.detail.message;
    renderLinkedIn();
  });
  host.addEventListener("consent:error", (e) => {
    $("status").textContent = `Something went wrong: ${e.detail.message}`;
  });
}

/** (Re)starts the widget for `user`, in the language the address names, as a page load would. */
// Counts starts, so that a user switched while an earlier start still waits for its
// sign-in does not end up with two widgets, one of them on the other user's session.
let starts = 0;

async function start(user) {
  const run = ++starts;
  consent?.destroy();
  consent = undefined;
  ready = false;
  unavailableMessage = "";
  $("status").textContent = "";
  renderLinkedIn();
  await signIn(user);
  if (run !== starts) return;
  $("me").textContent = user.slice(0, 2).toUpperCase();
  // Every link in the notice has a default; a host would pass `links` only for its own.
  // Without `lang` the widget follows the browser's language.
  const lang = chosenLang();
  consent = mount($("consent"), { backendUrl: new URL("/", location.href).href, ...(lang ? { lang } : {}) });
  renderLinkedIn();
}

async function main() {
  // From the URLs index.html preloads, which the server points at the build's hashed
  // copies: the same URLs, so the browser takes what it already has in flight.
  const glue = await import($("widget-glue").href);
  mount = glue.mount;
  await glue.default({ module_or_path: $("widget-wasm").href });
  renderPeople();
  renderCard();
  listen($("consent"));
  setupLanguage();
  await start(await setupAdmin());
}

main().catch((err) => {
  $("status").textContent = `The demo could not start: ${err.message}`;
});
