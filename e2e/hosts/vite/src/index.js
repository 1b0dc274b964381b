// The declarative way: importing the self-initialising entry by package name loads the
// wasm and registers <account-link-consent>; the host never calls init(). The button
// asks the element for consent before showing LinkedIn data.
import "account-link-consent/register.js";

const log = (line) => document.getElementById("log").append(Object.assign(document.createElement("li"), { textContent: line }));

const consent = document.getElementById("consent");
consent.addEventListener("consent:decision", (e) => log(`event: decision ${e.detail.choice}`));
consent.addEventListener("consent:error", (e) => log(`event: error ${e.detail.code}`));

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
