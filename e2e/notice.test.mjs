// The notice in the demo, in Chromium: the first layer at a laptop's 1280 x 800, the
// choices' equal weight, disconnecting with the tenant policy off, and a decision made
// on notice version 1 asked again with what changed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import { SignJWT, generateKeyPair, exportJWK } from "jose";
import { Backend, launch, openDemo, dialog, choice } from "./harness.mjs";

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

const widget = (page) => page.locator("#consent");
const decided = (page, n) => page.waitForFunction((n) => window.__decisions.length >= n, n, { timeout: 15000 });

test("at 1280 x 800 the first layer shows each choice's flows, contacts retention and the EU/US transfer", async () => {
  const { context, page } = await openDemo(browser, backend, "megan", { viewport: { width: 1280, height: 800 } });
  await page.click("#show-linkedin");
  await dialog(page).waitFor();
  await page.waitForTimeout(250); // the opening animation moves the dialog
  const w = widget(page);
  assert.equal(await w.locator("details[open]").count(), 0, "nothing expanded");
  assert.equal(await w.locator(".body").evaluate((b) => b.scrollTop), 0, "nothing scrolled");
  const dialogBox = await dialog(page).boundingBox();
  const visible = async (locator, what) => {
    const box = await locator.boundingBox();
    assert.ok(box, `${what} is rendered`);
    assert.ok(await locator.isVisible(), `${what} is visible`);
    assert.ok(box.y >= 0 && box.y + box.height <= 800, `${what} is inside the viewport: ${JSON.stringify(box)}`);
    // Inside the dialog's visible area, not only inside its scrollable content.
    assert.ok(box.y + box.height <= dialogBox.y + dialogBox.height, `${what} is above the dialog's fold`);
  };
  for (const c of ["both_ways", "linkedin_only", "not_now"]) {
    const points = w.locator(`#alc-choice-${c} li`);
    const n = await points.count();
    assert.ok(n > 0, c);
    for (let i = 0; i < n; i++) await visible(points.nth(i), `${c} point ${i + 1}`);
  }
  const both = await w.locator("#alc-choice-both_ways").textContent();
  assert.match(both, /LinkedIn gets your Microsoft profile, calendar, interests, subscriptions and contacts/);
  assert.match(both, /LinkedIn keeps your contacts until you remove them/);
  assert.match(await w.locator("#alc-choice-linkedin_only").textContent(), /LinkedIn gets no data from your Microsoft account/);
  const retention = w.locator('.facts [data-fact="remove_contacts"]');
  await visible(retention, "retention");
  assert.match(await retention.textContent(), /stay on LinkedIn until you remove them/);
  const transfer = w.locator('.facts [data-fact="eu_transfer"]');
  await visible(transfer, "the EU/US transfer");
  assert.match(await transfer.textContent(), /from the European Union to the United States and back/);
  await visible(transfer.locator("a"), "the EU data transfers link");

  // Equal weight: the same size and the same look, none selected or focused first.
  const buttons = w.locator("button[data-choice]");
  const looks = [];
  for (let i = 0; i < 3; i++) {
    const b = buttons.nth(i);
    const box = await b.boundingBox();
    const style = await b.evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderColor, s.borderWidth].join(" ");
    });
    looks.push({ width: Math.round(box.width), height: Math.round(box.height), style });
    assert.equal(await b.getAttribute("aria-pressed"), null);
  }
  assert.deepEqual(looks[1], looks[0]);
  assert.deepEqual(looks[2], looks[0]);
  assert.equal(
    await page.evaluate(() => document.getElementById("consent").shadowRoot.activeElement?.id),
    "alc-title",
    "focus starts on the title, not on a choice"
  );
  // A screen reader hears each button's consequence with its label.
  const description = await buttons.nth(1).evaluate((b) =>
    b.getAttribute("aria-describedby").split(" ").map((id) => b.getRootNode().getElementById(id).textContent).join(" ")
  );
  assert.match(description, /LinkedIn gets no data from your Microsoft account/);
  await context.close();
});

test("with the tenant policy off, a connected user still disconnects from the card", async () => {
  await backend.setPolicy("all");
  const { context, page } = await openDemo(browser, backend, "lynne");
  await page.click("#show-linkedin");
  await choice(page, "both_ways").click();
  await decided(page, 1);
  await widget(page).locator('.record[data-record="recorded"]').waitFor();
  await backend.setPolicy("off");
  await page.reload();
  await page.locator("#linkedin-body", { hasText: "turned off" }).waitFor();
  await page.click("#manage-linkedin");
  await dialog(page).waitFor();
  assert.match(await widget(page).locator(".manage .policy").textContent(), /up to your organization's admin/);
  assert.equal(await widget(page).locator('button[data-action="connect"]').count(), 0);
  await widget(page).locator('button[data-action="disconnect"]').click();
  await decided(page, 1);
  assert.equal((await page.evaluate(() => window.__decisions))[0].choice, "withdraw");
  const exported = await page.evaluate(async () => (await fetch("/v1/decisions/export")).text());
  assert.deepEqual(exported.trim().split("\n").map((l) => JSON.parse(l).choice), ["both_ways", "withdraw"]);
  await page.locator("#manage-linkedin").waitFor({ state: "detached" });
  await backend.setPolicy("all");
  await context.close();
});

// Notice version 1 as published; its digest never changes.
const V1 = {
  id: "linkedin-account-connection",
  ver: 1,
  lang: "en",
  sha256: "289ccdd2c22b748fae2308d6c74f090a5c6e8757b928e45af993c6f46941762e",
};
const FLOWS = {
  linkedin_to_microsoft: { profile: true, interests: true, subscriptions: true, connections: true },
  microsoft_to_linkedin: { profile: true, calendar: true, interests: true, subscriptions: true, contacts: true },
};

test("a decision signed on notice version 1 is recorded, kept readable, and asked again with what changed", async () => {
  const { context, page } = await openDemo(browser, backend, "adele");
  await page.locator("#show-linkedin").waitFor();
  // A challenge the version-1 server issued a moment ago: in its nonces table, as it
  // stored them (bound to the session as the server keeps it: the SHA-256 of the
  // cookie, base64url), live, since `iat` is judged against the challenge's life.
  const cookie = (await context.cookies()).find((c) => c.name === "alc_session").value;
  const session = createHash("sha256").update(cookie).digest("base64url");
  const me = await page.evaluate(async () => (await fetch("/v1/session")).json());
  const nonce = randomBytes(24).toString("base64url");
  const inserted = spawnSync(
    "python3",
    [
      "-c",
      `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
db.execute("INSERT INTO nonces (nonce, session_id, sub, notice_id, notice_ver, notice_lang, notice_sha256, expires_at, used) VALUES (?, ?, ?, ?, 1, 'en', ?, ?, 0)", sys.argv[2:8])
db.commit()
`,
      join(backend.dataDir, "ledger.sqlite3"),
      nonce,
      session,
      me.sub,
      V1.id,
      V1.sha256,
      // Issued ten seconds ago under the default one-hour life.
      String(Math.floor(Date.now() / 1000) + 3600 - 10),
    ],
    { encoding: "utf8" }
  );
  assert.equal(inserted.status, 0, inserted.stderr);
  // Its answer, signed on version 1 and sent after this server (version 2) started.
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const { kty, crv, x, y } = await exportJWK(publicKey);
  const token = await new SignJWT({
    v: 1,
    jti: randomBytes(16).toString("base64url"),
    iat: Math.floor(Date.now() / 1000),
    nonce,
    aud: backend.url,
    sub: me.sub,
    notice: V1,
    choice: "both_ways",
    flows: FLOWS,
  })
    .setProtectedHeader({ typ: "consent-decision+jwt", alg: "ES256", jwk: { kty, crv, x, y } })
    .sign(privateKey);
  const status = await page.evaluate(
    async (token) => (await fetch("/v1/decisions", { method: "POST", headers: { "Content-Type": "application/jwt" }, body: token })).status,
    token
  );
  assert.equal(status, 201, "a version-1 token still verifies");
  const shown = await (await fetch(`${backend.url}/v1/notices/${V1.sha256}`)).json();
  assert.equal(shown.ver, 1);
  assert.ok(shown.fields.some((f) => f.text === "Your Microsoft apps show LinkedIn data. Nothing is sent to LinkedIn."));

  // The widget learns of it from its challenge: connected, but on an older notice.
  await page.reload();
  await page.locator("#show-linkedin").waitFor();
  assert.equal(await page.locator("#manage-linkedin").count(), 0, "no LinkedIn data on a decision that does not stand");
  await page.click("#show-linkedin");
  await dialog(page).waitFor();
  const changed = widget(page).locator("[data-changed]");
  assert.match(await changed.textContent(), /What changed since you last chose/);
  assert.match(await changed.textContent(), /the lists are examples/);
  await choice(page, "linkedin_only").click();
  await decided(page, 1);
  await page.locator("#manage-linkedin").waitFor();
  const current = await page.evaluate(async () => (await fetch("/v1/decisions/current")).json());
  assert.equal(current.decision.notice_is_current, true);
  await context.close();
});
