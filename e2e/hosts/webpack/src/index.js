// A web part's code: the widget imported by its package name, initialised, and mounted
// on an element of the part. The "Show LinkedIn profile" button asks for consent first.
import init, { mount } from "account-link-consent";

const log = (line) => document.getElementById("log").append(Object.assign(document.createElement("li"), { textContent: line }));

const host = document.getElementById("consent");
host.addEventListener("consent:decision", (e) => log(`event: decision ${e.detail.choice}`));
host.addEventListener("consent:error", (e) => log(`event: error ${e.detail.code}`));

init().then(
  () => {
    // CONSENT_BACKEND_URL is replaced by webpack's DefinePlugin at build time.
    const consent = mount(host, { backendUrl: CONSENT_BACKEND_URL, lang: "en" });
    const show = document.getElementById("show");
    show.addEventListener("click", async () => {
      try {
        const outcome = await consent.prompt();
        log(`prompt: ${outcome.status} ${outcome.choice ?? outcome.reason}`);
      } catch (e) {
        log(`prompt failed: ${e.message}`);
      }
    });
    show.disabled = false;
  },
  (e) => log(`init failed: ${e.message}`),
);
