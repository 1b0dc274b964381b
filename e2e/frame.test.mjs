// The isolated frame mode across two loopback origins, as a host that does not trust
// every script on its page has it: the host page on http://127.0.0.1:P1 (a plain static
// server) loads js/frame.js, which frames http://localhost:P2/frame, the consent
// backend's own origin (a gateway in front of it turns the host's bearer token, handed
// over on request through postMessage, into the trusted user header). A real click in
// the frame decides; scripts of the host page cannot see into the frame or choose for
// the user, a third origin's messages are ignored both ways, and a page whose origin
// the backend does not list cannot show the frame at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Backend, freePort, launch, ROOT } from "./harness.mjs";
import { close, gateway, listen, staticServer, USER_HEADER } from "./hosting.mjs";

const PROTOCOL = "account-link-consent/frame@1";

/** The host page: the bridge, a container, and every event it hears recorded. */
const HOST_PAGE = `<!doctype html>
<html lang="en"><title>Host page</title>
<p>People</p>
<div id="consent"></div>
<script type="module">
  import { createConsentFrame } from "/pkg/frame.js";
  const params = new URLSearchParams(location.search);
  const container = document.getElementById("consent");
  window.__events = [];
  for (const name of ["consent:ready", "consent:open", "consent:close", "consent:decision", "consent:error"]) {
    container.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
  }
  window.__consent = createConsentFrame(container, {
    consentOrigin: params.get("consent"),
    lang: "en",
    getHeaders: async () => ({ Authorization: "Bearer token-for-" + params.get("user") }),
    timeoutMs: Number(params.get("timeout") ?? 15000),
  });
  if (params.has("third")) {
    const third = document.createElement("iframe");
    third.id = "third";
    third.src = params.get("third");
    document.body.append(third);
  }
</script>`;

/** A page on an origin the backend does not list: it frames the consent page directly,
 * claiming to be the listed host. */
const FRAMING_PAGE = `<!doctype html>
<html lang="en"><title>Not a listed host</title>
<script type="module">
  const params = new URLSearchParams(location.search);
  const frame = document.createElement("iframe");
  frame.id = "direct";
  frame.src = params.get("consent") + "/frame?host=" + encodeURIComponent(params.get("claims"));
  document.body.append(frame);
</script>`;

let browser;
let backend;
let servers;
let hostOrigin;
let thirdOrigin;
let consentOrigin;

before(async () => {
  const [hostPort, thirdPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  hostOrigin = `http://127.0.0.1:${hostPort}`;
  thirdOrigin = `http://127.0.0.1:${thirdPort}`;
  consentOrigin = `http://localhost:${gatewayPort}`;
  backend = new Backend({
    env: {
      CONSENT_AUDIENCE: consentOrigin,
      CONSENT_ALLOWED_HOSTS: "localhost,127.0.0.1",
      CONSENT_TRUSTED_HEADER: USER_HEADER,
      CONSENT_TRUSTED_PROXIES: "127.0.0.1",
      CONSENT_ALLOWED_ORIGINS: hostOrigin,
    },
  });
  await backend.start();
  const pages = { "/": HOST_PAGE, "/framing.html": FRAMING_PAGE, "/blank.html": "<!doctype html><title>third</title>" };
  const userOf = (token) => /^token-for-(megan|adele|alex|lynne)$/.exec(token)?.[1];
  servers = [
    staticServer({ pages, dir: ROOT, under: "/pkg/" }),
    staticServer({ pages, dir: ROOT, under: "/pkg/" }),
    gateway(backend.port, userOf),
  ];
  await listen(servers[0], hostPort);
  await listen(servers[1], thirdPort);
  await listen(servers[2], gatewayPort);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const server of servers ?? []) await close(server);
  await backend?.dispose();
});

/** A fresh profile on the host page, signed in as `user` (each test has its own, so
 * that none has decided yet); `third`: a page on the third origin framed beside. */
async function openHost(user, { third = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
  const params = new URLSearchParams({ consent: consentOrigin, user });
  if (third) params.set("third", `${thirdOrigin}/blank.html`);
  await page.goto(`${hostOrigin}/?${params}`);
  await page.waitForFunction(() => window.__events?.some((e) => e.name === "consent:ready"), null, { timeout: 20000 });
  return { context, page };
}

const inFrame = (page) => page.frameLocator("#consent iframe");
const events = (page, name) => page.evaluate((name) => window.__events.filter((e) => e.name === name).map((e) => e.detail), name);
const frameHeight = (page) => page.locator("#consent iframe").evaluate((f) => f.getBoundingClientRect().height);
/** Whether a promise in the page settled within `ms`. */
const settlesWithin = (page, expression, ms) =>
  page.evaluate(([expression, ms]) => Promise.race([window[expression].then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), ms))]), [expression, ms]);

test("a real click in the frame resolves the host's prompt() and fires consent:decision on the container", async () => {
  const { context, page } = await openHost("megan");
  try {
    assert.deepEqual(await events(page, "consent:error"), []);
    assert.equal((await page.evaluate(() => window.__consent.state())).view, "closed");
    await page.evaluate(() => {
      window.__outcome = window.__consent.prompt();
    });
    await inFrame(page).locator("dialog[open]").waitFor();
    // The frame asked for the room its dialog needs, so the buttons are on screen.
    await page.waitForFunction(() => document.querySelector("#consent iframe").getBoundingClientRect().height > 300);
    await inFrame(page).locator('button[data-choice="linkedin_only"]').click();
    const outcome = await page.evaluate(() => window.__outcome);
    assert.equal(outcome.status, "decided");
    assert.equal(outcome.choice, "linkedin_only");
    const [decided] = await events(page, "consent:decision");
    assert.equal(decided.jti, outcome.jti, "the event carries the decision prompt() resolved with");
    const [entry] = await backend.entries();
    assert.equal(JSON.parse(entry.leaf).token, outcome.token, "the ledger holds the frame's token");
    const state = await page.evaluate(() => window.__consent.state());
    assert.equal(state.decision, "linkedin_only");
    assert.equal(state.upToDate, true);
    assert.deepEqual(
      (await events(page, "consent:open")).map((d) => d.view),
      ["prompt"],
    );

    // manage() opens the manage view in the frame; the host hears it open.
    await page.evaluate(() => window.__consent.manage());
    await page.waitForFunction(() => window.__events.some((e) => e.name === "consent:open" && e.detail.view === "manage"));
    assert.equal(await inFrame(page).locator("dialog[open]").count(), 1);
    assert.equal((await page.evaluate(() => window.__consent.state())).view, "manage");

    await page.evaluate(() => window.__consent.destroy());
    assert.equal(await page.locator("#consent iframe").count(), 0);
    const after = await page.evaluate(() => window.__consent.state().then(() => "resolved", (e) => e.message));
    assert.match(after, /destroyed/);
  } finally {
    await context.close();
  }
});

test("the prompt in the frame takes the keyboard focus, and Escape means not now", async () => {
  const { context, page } = await openHost("lynne");
  try {
    await page.evaluate(() => {
      window.__outcome = window.__consent.prompt();
    });
    await inFrame(page).locator("dialog[open]").waitFor();
    await page.waitForFunction(() => document.activeElement === document.querySelector("#consent iframe"));
    await inFrame(page).locator("#alc-title:focus").waitFor();
    await page.keyboard.press("Escape");
    const outcome = await page.evaluate(() => window.__outcome);
    assert.equal(outcome.choice, "not_now");
  } finally {
    await context.close();
  }
});

test("a host script can neither see into the frame nor choose for the user", async () => {
  const before = (await backend.entries()).length;
  const { context, page } = await openHost("adele");
  try {
    await page.evaluate(() => {
      window.__outcome = window.__consent.prompt();
    });
    await inFrame(page).locator("dialog[open]").waitFor();
    const reach = await page.evaluate(() => {
      const frame = document.querySelector("#consent iframe");
      let documentRead = "readable";
      try {
        void frame.contentWindow.document.body;
      } catch (e) {
        documentRead = e.name;
      }
      return { contentDocument: frame.contentDocument === null, documentRead };
    });
    assert.deepEqual(reach, { contentDocument: true, documentRead: "SecurityError" });
    // Clicks synthesised on the frame element, where "Connect both ways" is drawn.
    const box = await inFrame(page).locator('button[data-choice="both_ways"]').boundingBox();
    await page.evaluate(({ x, y }) => {
      const frame = document.querySelector("#consent iframe");
      for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
        frame.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }));
      }
      frame.click();
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });

    // Messages a hostile script on the host page might try: a choice, a click, an
    // answer in the frame's name. None is a message the frame knows.
    await page.evaluate(
      ([protocol, consentOrigin]) => {
        const frame = document.querySelector("#consent iframe").contentWindow;
        for (const message of [
          { protocol, type: "choose", choice: "both_ways" },
          { protocol, type: "click", selector: 'button[data-choice="both_ways"]' },
          { protocol, type: "call", id: 900, method: "decide", args: ["both_ways"] },
          { protocol, type: "event", name: "consent:decision", detail: { choice: "both_ways" } },
          { type: "init", options: { decision: "both_ways" } },
        ]) {
          frame.postMessage(message, consentOrigin);
        }
      },
      [PROTOCOL, consentOrigin],
    );
    assert.equal(await settlesWithin(page, "__outcome", 1500), false, "prompt() waits for the user");
    assert.equal(await inFrame(page).locator("dialog[open]").count(), 1, "the prompt is still open");
    assert.deepEqual(await events(page, "consent:decision"), []);
    assert.equal((await backend.entries()).length, before, "nothing was signed");
    const state = await page.evaluate(() => window.__consent.state());
    assert.equal(state.view, "prompt");
    assert.equal(state.decision, null);
  } finally {
    await context.close();
  }
});

test("a third origin posing as the frame to the host, or as the host to the frame, is ignored", async () => {
  const before = (await backend.entries()).length;
  const { context, page } = await openHost("alex", { third: true });
  try {
    const third = await (await page.waitForSelector("#third", { state: "attached" })).contentFrame();
    await third.waitForLoadState();
    // As the host, to the frame: a fresh start with other options, calls, headers.
    await third.evaluate((protocol) => {
      const consentFrame = window.parent.frames[0];
      for (const message of [
        { protocol, type: "init", options: { decision: "both_ways" }, headers: false },
        { protocol, type: "call", id: 77, method: "prompt" },
        { protocol, type: "call", id: 78, method: "manage" },
        { protocol, type: "headers", id: 1, ok: true, headers: { Authorization: "Bearer token-for-megan" } },
      ]) {
        consentFrame.postMessage(message, "*");
      }
    }, PROTOCOL);
    await page.waitForTimeout(1000);
    assert.equal(await inFrame(page).locator("dialog[open]").count(), 0, "the frame opened nothing for the third origin");
    assert.deepEqual(await events(page, "consent:open"), []);
    assert.equal((await page.evaluate(() => window.__consent.state())).view, "closed");

    const height = await frameHeight(page);
    await page.evaluate(() => {
      window.__outcome = window.__consent.prompt();
    });
    await inFrame(page).locator("dialog[open]").waitFor();
    await page.waitForFunction(() => document.querySelector("#consent iframe").getBoundingClientRect().height > 300);
    const openHeight = await frameHeight(page);
    assert.notEqual(openHeight, height);

    // As the consent frame, to the host: a decision, answers to the pending calls, a
    // new size.
    await third.evaluate((protocol) => {
      for (const message of [
        { protocol, type: "hello" },
        { protocol, type: "event", name: "consent:decision", detail: { choice: "both_ways", jti: "forged" } },
        { protocol, type: "result", id: 1, ok: true, value: { status: "decided", choice: "both_ways" } },
        { protocol, type: "result", id: 2, ok: true, value: { status: "decided", choice: "both_ways" } },
        { protocol, type: "size", height: 3 },
      ]) {
        window.parent.postMessage(message, "*");
      }
    }, PROTOCOL);

    assert.equal(await settlesWithin(page, "__outcome", 1500), false, "the host's prompt() still waits for the user");
    assert.deepEqual(await events(page, "consent:decision"), []);
    assert.equal(await frameHeight(page), openHeight, "the frame's size did not change");
    assert.equal(await inFrame(page).locator("dialog[open]").count(), 1);
    assert.equal((await backend.entries()).length, before, "nothing was signed");

    // The genuine parties still talk: the user's own choice goes through.
    await inFrame(page).locator('button[data-choice="not_now"]').click();
    const outcome = await page.evaluate(() => window.__outcome);
    assert.equal(outcome.choice, "not_now");
    assert.deepEqual((await events(page, "consent:decision")).map((d) => d.choice), ["not_now"]);
  } finally {
    await context.close();
  }
});

test("bad options are an Error naming the field, on the host's side or from the frame", async () => {
  const { context, page } = await openHost("megan");
  try {
    const thrown = await page.evaluate(async (consentOrigin) => {
      const { createConsentFrame } = await import("/pkg/frame.js");
      const messages = [];
      for (const options of [
        { consentOrigin: consentOrigin + "/" },
        { consentOrigin: "http://consent.contoso.example" },
        { consentOrigin, backendUrl: "https://elsewhere.example/" },
        { consentOrigin, getHeaders: "Bearer x" },
      ]) {
        try {
          createConsentFrame(document.body, options);
          messages.push(null);
        } catch (e) {
          messages.push(e instanceof Error ? e.message : "not an Error");
        }
      }
      return messages;
    }, consentOrigin);
    assert.match(thrown[0], /^consentOrigin: .* is not an origin/);
    assert.match(thrown[1], /^consentOrigin: must be https:/);
    assert.match(thrown[2], /unknown option backendUrl/);
    assert.match(thrown[3], /^getHeaders: must be a function/);
    assert.equal(await page.locator("iframe").count(), 1, "no frame for bad options");

    // What only the widget checks (a link that is not https:) fails in the frame and
    // reaches the host as consent:error, and calls reject.
    const failed = await page.evaluate(async (consentOrigin) => {
      const { createConsentFrame } = await import("/pkg/frame.js");
      const container = document.createElement("div");
      document.body.append(container);
      const error = new Promise((resolve) => container.addEventListener("consent:error", (e) => resolve(e.detail)));
      const consent = createConsentFrame(container, { consentOrigin, links: { help: "http://intranet.contoso.example/faq" } });
      const rejected = await consent.prompt().then(() => null, (e) => e.message);
      return { error: await error, rejected };
    }, consentOrigin);
    assert.equal(failed.error.code, "frame-failed");
    assert.match(failed.error.message, /help/);
    assert.equal(failed.rejected, failed.error.message);

    // Headers the host's hook gets wrong are judged in the frame as in the page.
    const badHeaders = await page.evaluate(async (consentOrigin) => {
      const { createConsentFrame } = await import("/pkg/frame.js");
      const container = document.createElement("div");
      document.body.append(container);
      const error = new Promise((resolve) => container.addEventListener("consent:error", (e) => resolve(e.detail)));
      createConsentFrame(container, { consentOrigin, getHeaders: () => ({ Authorization: 42 }) });
      return error;
    }, consentOrigin);
    assert.equal(badHeaders.code, "bad-headers");
  } finally {
    await context.close();
  }
});

test("a page whose origin the backend does not list cannot show the frame", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Whether the page at `origin`, framing the consent page as the listed host, shows it.
    const framed = async (origin) => {
      const params = new URLSearchParams({ consent: consentOrigin, claims: hostOrigin });
      await page.goto(`${origin}/framing.html?${params}`);
      await page.locator("#direct").waitFor({ state: "attached" });
      await page.waitForTimeout(1500);
      const widgets = [];
      for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
        widgets.push(await frame.evaluate(() => document.getElementById("consent") !== null).catch(() => false));
      }
      return widgets;
    };
    assert.deepEqual(await framed(hostOrigin), [true], "the listed host's page shows it");
    // Claiming to be the listed host gets past ?host=; frame-ancestors still refuses.
    assert.deepEqual(await framed(thirdOrigin), [false], "the frame's page did not load");

    // And the bridge on that origin tells its host why nothing appears.
    await page.goto(`${thirdOrigin}/?${new URLSearchParams({ consent: consentOrigin, user: "megan", timeout: "3000" })}`);
    await page.waitForFunction(() => window.__events?.some((e) => e.name === "consent:error"), null, { timeout: 10000 });
    const [error] = await events(page, "consent:error");
    assert.equal(error.code, "frame-unreachable");
    assert.match(error.message, /allowed origins/);
    const rejected = await page.evaluate(() => window.__consent.prompt().then(() => "resolved", (e) => e.message));
    assert.match(rejected, /did not start/);
  } finally {
    await context.close();
  }
});
