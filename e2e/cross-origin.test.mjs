// A host page served by a plain static server on one loopback origin, the backend on
// another, as a Microsoft 365-style host has it: the page authenticates with a bearer
// token from `getHeaders`, and a gateway in front of the backend turns the token into
// the trusted user header (the deployment crates/consent-server/README.md describes).
// With the page's origin allowed, a decision is recorded across origins; without it,
// the host hears consent:error and no prompt offers a choice. And the README's preview:
// a page on another port of the same site keeps the demo's cookie, no hook needed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Backend, freePort, launch, ROOT } from "./harness.mjs";
import { close, gateway, listen, staticServer, USER_HEADER } from "./hosting.mjs";

/** What the host's identity provider issued; anything else is no user. */
const TOKENS = { "token-for-megan": "megan" };


const HOST_PAGE = `<!doctype html>
<html lang="en"><title>Host page</title>
<div id="consent"></div>
<script type="module">
  import init, { mount } from "/pkg/account_link_consent.js";
  await init();
  const host = document.getElementById("consent");
  window.__events = [];
  for (const name of ["consent:ready", "consent:decision", "consent:error"]) {
    host.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
  }
  const params = new URLSearchParams(location.search);
  const backendUrl = params.get("backend");
  if (params.has("cookie")) {
    // The demo's own sign-in: its session cookie travels to another port of the same site.
    await fetch(backendUrl + "v1/session", { method: "POST", credentials: "include",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ user: "megan" }) });
    window.__consent = mount(host, { backendUrl, lang: "en" });
  } else {
    // The first token has expired (the gateway no longer knows it): the widget asks
    // for another after the 401 and tries once more.
    let asked = 0;
    window.__consent = mount(host, {
      backendUrl,
      lang: "en",
      getHeaders: async () => ({ Authorization: "Bearer " + (asked++ === 0 ? "expired" : "token-for-megan") }),
    });
  }
</script>`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The page on http://127.0.0.1:P1, the gateway (the widget's backendUrl) on
 * http://localhost:P2, the backend behind it; `allowed` is the backend's allowed origins. */
async function crossOrigin(allowed, fn) {
  const [pagePort, gatewayPort] = [await freePort(), await freePort()];
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const backend = new Backend({
    env: {
      CONSENT_AUDIENCE: `http://localhost:${gatewayPort}`,
      CONSENT_ALLOWED_HOSTS: "localhost,127.0.0.1",
      CONSENT_TRUSTED_HEADER: USER_HEADER,
      CONSENT_TRUSTED_PROXIES: "127.0.0.1",
      CONSENT_ALLOWED_ORIGINS: allowed(pageOrigin),
    },
  });
  await backend.start();
  const pages = staticServer({ pages: { "/": HOST_PAGE }, dir: ROOT, under: "/pkg/" });
  const proxy = gateway(backend.port, (token) => TOKENS[token]);
  await listen(pages, pagePort);
  await listen(proxy, gatewayPort);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
    await page.goto(`${pageOrigin}/?backend=${encodeURIComponent(`http://localhost:${gatewayPort}/`)}`);
    await fn(page, backend);
  } finally {
    await context.close();
    await close(pages);
    await close(proxy);
    await backend.dispose();
  }
}

const events = (page, name) => page.evaluate((name) => window.__events.filter((e) => e.name === name).map((e) => e.detail), name);
const waitForEvent = (page, name) =>
  page.waitForFunction((name) => window.__events?.some((e) => e.name === name), name, { timeout: 15000 });

test("from a static server on another origin, with a bearer token, a decision is recorded", async () => {
  await crossOrigin(
    (page) => `https://people.contoso.example, ${page}`,
    async (page, backend) => {
      await waitForEvent(page, "consent:ready");
      assert.deepEqual(await events(page, "consent:error"), []);
      const outcome = page.evaluate(() => window.__consent.prompt());
      const prompt = page.locator("#consent dialog[open]");
      await prompt.waitFor();
      await page.locator('#consent button[data-choice="linkedin_only"]').click();
      const decided = await outcome;
      assert.equal(decided.choice, "linkedin_only");
      assert.equal(typeof decided.receipt.index, "number");
      const [entry] = await backend.entries();
      assert.equal(JSON.parse(entry.leaf).token, decided.token, "the ledger holds the page's token");
    },
  );
});

test("with the page's origin not allowed, the host hears consent:error and no choice is offered", async () => {
  await crossOrigin(
    () => "https://people.contoso.example",
    async (page, backend) => {
      await waitForEvent(page, "consent:error");
      const [error] = await events(page, "consent:error");
      assert.equal(error.code, "unreachable");
      assert.match(error.message, /allowed origins/);
      assert.match(error.message, /127\.0\.0\.1/);
      const rejected = await page.evaluate(() => window.__consent.prompt().then(() => null, (e) => e.message));
      assert.match(rejected ?? "", /cannot be reached/);
      assert.equal(await page.locator("#consent dialog[open]").count(), 0);
      assert.equal(await page.locator("#consent button[data-choice]").count(), 0);
      const entries = await fetch(`${backend.url}/v1/ledger/checkpoint`).then((r) => r.text());
      assert.match(entries, /\n0\n/, "nothing reached the ledger");
    },
  );
});

test("from another port of the same site, the demo session cookie works without getHeaders", async () => {
  const pagePort = await freePort();
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const backend = new Backend({ env: { CONSENT_ALLOWED_ORIGINS: pageOrigin } });
  await backend.start();
  const pages = staticServer({ pages: { "/": HOST_PAGE }, dir: ROOT, under: "/pkg/" });
  await listen(pages, pagePort);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
    await page.goto(`${pageOrigin}/?cookie&backend=${encodeURIComponent(`${backend.url}/`)}`);
    await waitForEvent(page, "consent:ready");
    assert.deepEqual(await events(page, "consent:error"), []);
    const outcome = page.evaluate(() => window.__consent.prompt());
    await page.locator("#consent dialog[open]").waitFor();
    await page.locator('#consent button[data-choice="not_now"]').click();
    assert.equal((await outcome).choice, "not_now");
    assert.equal((await backend.entries()).length, 1);
  } finally {
    await context.close();
    await close(pages);
    await backend.dispose();
  }
});
