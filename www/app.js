// The demo host page: a profile card whose LinkedIn section asks for consent the first
// time it is used. Everything the widget says comes from the widget; this page only
// reacts to its outcome. No inline scripts or styles, so a strict CSP holds.
import init, { mount } from "/pkg/account_link_consent.js";
import { PEOPLE } from "./sample-data.js";

const $ = (id) => document.getElementById(id);
const text = (tag, content, className) => {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
};

const params = new URLSearchParams(location.search);
let selected = PEOPLE[0];
let consent;

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

function renderLinkedIn() {
  const body = $("linkedin-body");
  const state = consent?.state();
  if (!state) {
    body.replaceChildren(text("p", "Loading…", "muted"));
    return;
  }
  if (state.policy !== "enabled") {
    body.replaceChildren(text("p", unavailableMessage, "muted"));
    return;
  }
  if (state.connected) {
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
      action("Manage LinkedIn connection", () => consent.manage(), "manage-linkedin"),
    );
    return;
  }
  if (state.decision === "not_now" || state.decision === "withdraw") {
    body.replaceChildren(
      text("p", "LinkedIn information is not shown because your accounts are not connected.", "muted"),
      action("Connect LinkedIn account", () => consent.manage(), "connect-later"),
    );
    return;
  }
  body.replaceChildren(
    text("p", `See ${selected.name.split(" ")[0]}'s LinkedIn profile here.`, "muted"),
    action("Show LinkedIn profile", ask, "show-linkedin"),
  );
}

let unavailableMessage = "";

async function ask() {
  const outcome = await consent.prompt();
  if (outcome.status === "unavailable") unavailableMessage = outcome.message;
  renderLinkedIn();
}

async function main() {
  await init();
  renderPeople();
  renderCard();
  const host = $("consent");
  host.addEventListener("consent:decision", (e) => {
    const d = e.detail;
    $("status").textContent = `Decision recorded: ${d.choice.replace("_", " ")}.`;
    renderLinkedIn();
  });
  host.addEventListener("consent:unavailable", (e) => {
    unavailableMessage = e.detail.message;
    renderLinkedIn();
  });
  host.addEventListener("consent:error", (e) => {
    $("status").textContent = `Something went wrong: ${e.detail.message}`;
  });
  consent = mount(host, {
    backendUrl: new URL("/", location.href).href,
    policy: params.get("policy") ?? "enabled",
    links: {
      microsoftPrivacy: "https://privacy.microsoft.com/privacystatement",
      linkedinPrivacy: "https://www.linkedin.com/legal/privacy-policy",
      euTransfer: "https://www.linkedin.com/legal/l/eu-eea-data-transfers",
      help: "https://learn.microsoft.com/entra/identity/users/linkedin-user-consent",
      removeContacts: "https://www.linkedin.com/mynetwork/settings/manage-syncing/",
    },
  });
  if (consent.state().policy !== "enabled") {
    const outcome = await consent.prompt();
    unavailableMessage = outcome.message;
  }
  renderLinkedIn();
}

main().catch((err) => {
  $("status").textContent = `The demo could not start: ${err.message}`;
});
