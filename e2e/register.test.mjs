// The self-initialising entry: a page with one <script type="module" src="/pkg/register.js">
// and an <account-link-consent> element, and no script of its own, gets a working prompt.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Backend, launch } from "./harness.mjs";

const PAGE = `<!doctype html>
<html lang="en"><title>Declarative host</title>
<script type="module" src="/pkg/register.js"></script>
<account-link-consent id="consent" backend-url="/"></account-link-consent>`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("register.js alone brings up <account-link-consent>, and a choice is recorded", async () => {
  const www = mkdtempSync(join(tmpdir(), "consent-register-"));
  writeFileSync(join(www, "index.html"), PAGE);
  const backend = new Backend();
  backend.wwwDir = www;
  await backend.start();
  const context = await browser.newContext();
  try {
    // The demo session, as the host's sign-in would have left it.
    const signIn = await context.request.post(`${backend.url}/v1/session`, { data: { user: "megan" } });
    assert.equal(signIn.status(), 200);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
    const challenges = [];
    page.on("request", (r) => r.url().endsWith("/v1/challenge") && challenges.push(r.url()));
    await page.goto(`${backend.url}/`);
    await page.waitForFunction(() => customElements.get("account-link-consent") && document.getElementById("consent").shadowRoot);
    const outcome = page.evaluate(() => document.getElementById("consent").prompt());
    await page.locator("#consent dialog[open]").waitFor();
    await page.locator('#consent button[data-choice="both_ways"]').click();
    const decided = await outcome;
    assert.equal(decided.choice, "both_ways");
    assert.equal((await backend.entries()).length, 1);
    // register.js asked for the element's first challenge while the wasm loaded, and the
    // widget answered that one: besides it, only the next decision's challenge went out.
    assert.equal(challenges.length, 2, `challenge requests: ${challenges.join(", ")}`);
  } finally {
    await context.close();
    await backend.dispose();
    rmSync(www, { recursive: true, force: true });
  }
});
