// How the demo page loads the widget: the glue, its imports and the wasm all requested by
// the page itself (its preload links) right after the HTML, from the build's hashed,
// precompressed copies, and the wasm compiled by WebAssembly.instantiateStreaming from
// that very response. A second visit takes the copies from the cache without asking.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Backend, launch } from "./harness.mjs";

const HASHED = (name, ext) => new RegExp(`/pkg/assets/${name}\\.[0-9a-f]{16}\\.${ext}$`);

let browser;
let backend;
before(async () => {
  browser = await launch();
  backend = new Backend();
  await backend.start();
});
after(async () => {
  await browser?.close();
  await backend?.dispose();
});

/** Every request the page makes, with who started it, as Chromium's network log has it. */
async function recorded(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    requests.set(e.requestId, { url: e.request.url, initiator: e.initiator, type: e.type, cached: false });
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.cached ||= e.response.fromDiskCache || e.response.fromMemoryCache;
  });
  return requests;
}

async function openDemo(context) {
  const page = await context.newPage();
  const warnings = [];
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
  });
  page.on("pageerror", (e) => warnings.push(e.message));
  const requests = await recorded(page);
  await page.goto(backend.url + "/");
  await page.waitForFunction(() => document.querySelector("#linkedin-body button"));
  return { page, requests: [...requests.values()], warnings };
}

test("the demo fetches the glue, its imports and the wasm from its preloads, and compiles the wasm streaming", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    localStorage.setItem("demo-user", "megan");
    window.__compiled = [];
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async function (source, imports) {
      const response = await source;
      window.__compiled.push({ url: response.url, type: response.headers.get("content-type") });
      return streaming.call(this, response, imports);
    };
  });
  try {
    const { page, requests, warnings } = await openDemo(context);
    const document = requests.find((r) => r.type === "Document");
    assert.equal(document.url, backend.url + "/");

    const wasm = requests.filter((r) => r.url.endsWith(".wasm"));
    assert.equal(wasm.length, 1, `one wasm request: ${wasm.map((r) => r.url).join(", ")}`);
    assert.match(wasm[0].url, HASHED("account_link_consent_bg", "wasm"));
    assert.equal(wasm[0].headers["content-type"], "application/wasm");
    assert.equal(wasm[0].headers["content-encoding"], "br");
    assert.equal(wasm[0].headers["cache-control"], "public, max-age=31536000, immutable");

    // Compiled from the preloaded response: same URL, streaming, no MIME fallback.
    const compiled = await page.evaluate(() => window.__compiled);
    assert.deepEqual(compiled, [{ url: wasm[0].url, type: "application/wasm" }]);
    assert.deepEqual(warnings.filter((w) => /instantiateStreaming|preload/i.test(w)), []);

    // Two sequential fetches before the wasm compiles: the page, then everything the prompt
    // needs, each requested by the page's own markup and none found only when a module ran.
    const code = requests.filter((r) => r.type === "Script" || r.url.endsWith(".wasm"));
    const glue = code.find((r) => HASHED("account_link_consent", "js").test(r.url));
    assert.ok(glue, `the hashed glue: ${code.map((r) => r.url).join(", ")}`);
    // The glue's snippets are bundled into it (scripts/inline-snippets.mjs), but preload.js,
    // which the page fetched already: no request of their own.
    assert.ok(code.some((r) => HASHED("preload", "js").test(r.url)), "preload.js, the glue's one import, is fetched");
    assert.ok(!code.some((r) => /\/(element|vault|ledger)\./.test(r.url)), `no snippet of its own: ${code.map((r) => r.url).join(", ")}`);
    for (const r of code) {
      assert.equal(r.initiator.type, "parser", `${r.url} was requested by ${JSON.stringify(r.initiator)}`);
      assert.equal(r.initiator.url, document.url, r.url);
    }
    assert.equal(new Set(code.map((r) => r.url)).size, code.length, "no module fetched twice");
    assert.ok(!code.some((r) => r.url.includes("/pkg/account_link_consent")), "no plain /pkg/ file loaded beside the copies");

    // A second visit: the page is revalidated, the immutable copies come from the cache.
    const again = await openDemo(context);
    const copies = again.requests.filter((r) => r.url.includes("/pkg/assets/"));
    assert.ok(copies.length >= 2, "the copies are named again");
    for (const r of copies) assert.ok(r.cached, `${r.url} was fetched again instead of taken from the cache`);
    const page2 = again.requests.find((r) => r.type === "Document");
    assert.ok(!page2.cached, "the page itself is revalidated");
  } finally {
    await context.close();
  }
});
