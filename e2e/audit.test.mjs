// The audit page in Chromium, in both views: the public one (leaf hashes, the
// checkpoint's Ed25519 signature checked with WebCrypto, the tree rebuilt, inclusion
// proofs) and the auditor's (decisions decoded and their signatures checked, the
// token kept in memory only); and what it says when the checkpoint or an entry has
// been tampered with on the way (playwright route interception).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { Backend, launch, openDemo, choice } from "./harness.mjs";

let browser;
let backend;
before(async () => {
  browser = await launch();
  backend = new Backend();
  await backend.start();
  for (const [user, c] of [["megan", "both_ways"], ["adele", "not_now"], ["alex", "linkedin_only"]]) {
    const { context, page } = await openDemo(browser, backend, user);
    await page.click("#show-linkedin");
    await choice(page, c).click();
    await page.waitForFunction(() => window.__decisions.length >= 1, null, { timeout: 15000 });
    await context.close();
  }
});
after(async () => {
  await browser?.close();
  await backend?.dispose();
});

/** The audit page, loaded and its checkpoint checks done; `route` may tamper first. */
async function openAudit(route) {
  const context = await browser.newContext();
  if (route) await route(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
  await page.goto(backend.url + "/audit.html");
  await page.waitForFunction(() => document.querySelectorAll("#checks li").length >= 2 && document.querySelector("#entries tr"));
  return { context, page };
}

const checks = (page) => page.locator("#checks").innerText();

async function checkAll(page) {
  await page.click("#check-all");
  await page.waitForFunction(() => /proven/.test(document.getElementById("check-all-status").textContent));
  return page.textContent("#check-all-status");
}

test("the public view verifies the signature, the whole tree and every entry, and shows no decision", async () => {
  const { context, page } = await openAudit();
  const entries = await backend.entries();
  assert.equal(entries.length, 3);
  const said = await checks(page);
  assert.match(said, /✓ The checkpoint was signed by the key published at \/\.well-known\/consent-ledger-key \(consent\.example\/ledger, key id [0-9a-f]{8}\)/);
  assert.match(said, /✓ The 3 leaf hashes listed rebuild the signed root/);
  assert.equal(await page.locator("#checks .bad").count(), 0);
  assert.deepEqual(await page.locator("#entries-head th").allTextContents(), ["#", "Leaf hash", "Inclusion"]);
  assert.equal(await page.locator("#entries tr").count(), 3);
  assert.equal(await checkAll(page), "3 of 3 entries proven in the signed tree.");
  assert.equal(await page.locator("#entries .ok").count(), 3);
  // Not a token, a subject or a choice anywhere on the page.
  const text = await page.locator("body").innerText();
  for (const e of entries) {
    const leaf = JSON.parse(e.leaf);
    assert.ok(!text.includes(leaf.token.split(".")[1].slice(0, 24)), "a token's claims are on the public page");
    assert.ok(!text.includes(leaf.key_thumbprint), "a device key is on the public page");
  }
  assert.doesNotMatch(text, /both.ways|not.now|linkedin.only/i);
  await context.close();
});

test("the auditor view decodes and checks each decision, and keeps the token in memory only", async () => {
  const { context, page } = await openAudit();
  await page.fill("#auditor-token", "not-the-token");
  await page.press("#auditor-token", "Enter");
  await page.waitForFunction(() => /not accepted/.test(document.getElementById("auditor-status").textContent));
  assert.match(await page.textContent("#auditor-status"), /auditor credential was refused|send no Authorization/);
  assert.deepEqual(await page.locator("#entries-head th").allTextContents(), ["#", "Leaf hash", "Inclusion"]);

  await page.fill("#auditor-token", backend.auditorToken);
  await page.click("#auditor-form button[type=submit]");
  await page.waitForFunction(() => /Showing the decisions/.test(document.getElementById("auditor-status").textContent));
  assert.equal(await page.inputValue("#auditor-token"), "", "the field is emptied");
  const rows = await page.locator("#entries tr").allInnerTexts();
  assert.equal(rows.length, 3);
  const choices = rows.map((r) => r.split("\t")[2]);
  assert.deepEqual(choices.sort(), ["both ways", "linkedin only", "not now"]);
  const flowsOf = {};
  for (const row of rows) {
    const [index, received, choiceMade, flows, notice, language, , checked] = row.split("\t");
    assert.match(index, /^[0-2]$/);
    assert.match(received, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    assert.match(notice, /^\S+ v\d+$/);
    // The browser's language is English: the notice was shown, and signed, in "en".
    assert.equal(language, "en — English");
    assert.match(checked, /^✓ signed by the recorded device key$/);
    flowsOf[choiceMade] = flows.trim();
  }
  assert.match(flowsOf["both ways"], /^LinkedIn → Microsoft: profile, .*connections\nMicrosoft → LinkedIn: profile, .*calendar, contacts$/);
  assert.match(flowsOf["linkedin only"], /LinkedIn → Microsoft: profile,.*\nMicrosoft → LinkedIn: nothing$/);
  assert.match(flowsOf["not now"], /LinkedIn → Microsoft: nothing\nMicrosoft → LinkedIn: nothing$/);
  // Each notice cell leads to the exact text that decision was made on.
  const link = page.locator("#entries td a").first();
  const href = await link.getAttribute("href");
  assert.match(href, /^\/v1\/notices\/[0-9a-f]{64}$/);
  const kept = await (await fetch(backend.url + href)).json();
  assert.equal(`${kept.id} v${kept.ver}`, await link.textContent());
  assert.equal(await link.locator("xpath=../following-sibling::td[1]").textContent(), `${kept.lang} — English`);
  assert.equal(await checkAll(page), "3 of 3 entries proven in the signed tree.");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!stored.includes(backend.auditorToken), "the token was stored");
  assert.ok(!(await page.content()).includes(backend.auditorToken), "the token is in the DOM");

  await page.click("#public-view");
  await page.waitForFunction(() => document.querySelector("#entries-head th:nth-child(2)")?.textContent === "Leaf hash");
  assert.equal(await page.locator("#public-view").isHidden(), true);
  await context.close();
});

/** The checkpoint as served, changed by `forge(note)` on its way to the page. */
const forgedCheckpoint = (forge) => (context) =>
  context.route("**/v1/ledger/checkpoint", async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: forge(await res.text()) });
  });

test("a tampered checkpoint is reported as failing, and nothing is proven against it", async () => {
  const otherKey = generateKeyPairSync("ed25519").privateKey;
  const forgeries = {
    "another root under the same signature": (note) => {
      const lines = note.split("\n");
      lines[2] = Buffer.alloc(32, 7).toString("base64");
      return lines.join("\n");
    },
    "another size under the same signature": (note) => note.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) - 1}\n`),
    "signed by another key under the published key's id": (note) => {
      const [body, sigLine] = note.split("\n\n");
      const signed = `${body}\n`;
      const [dash, name, blob] = sigLine.trim().split(" ");
      const keyId = Buffer.from(blob, "base64").subarray(0, 4);
      const sig = sign(null, Buffer.from(signed), otherKey);
      return `${signed}\n${dash} ${name} ${Buffer.concat([keyId, sig]).toString("base64")}\n`;
    },
  };
  for (const [what, forge] of Object.entries(forgeries)) {
    const { context, page } = await openAudit(forgedCheckpoint(forge));
    const said = await checks(page);
    assert.match(said, /✗ The checkpoint's signature does not hold: the signature does not verify/, what);
    assert.doesNotMatch(said, /✓/, what);
    await page.locator("#entries button").first().click();
    assert.match(await page.locator("#entries [role=status]").first().innerText(), /✗ Not proven: the checkpoint is not signed/, what);
    assert.match(await checkAll(page), /^0 of \d entries proven/, what);
    await context.close();
  }
});

test("entries altered on the way are caught: a leaf hash in the public view, a leaf in the auditor's", async () => {
  const alter = (change) => (context) =>
    context.route("**/v1/ledger/entries*", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      change(body.entries[1]);
      await route.fulfill({ response: res, json: body });
    });
  let { context, page } = await openAudit(alter((e) => (e.leaf_hash = Buffer.alloc(32, 1).toString("base64"))));
  assert.match(await checks(page), /✗ The 3 leaf hashes listed do not rebuild the checkpoint's root/);
  assert.equal(await checkAll(page), "2 of 3 entries proven in the signed tree.");
  await context.close();

  ({ context, page } = await openAudit(alter((e) => e.leaf && (e.leaf = e.leaf.replace(/"received_at":"\d/, '"received_at":"1')))));
  await page.fill("#auditor-token", backend.auditorToken);
  await page.press("#auditor-token", "Enter");
  await page.waitForFunction(() => /Showing the decisions/.test(document.getElementById("auditor-status").textContent));
  const rows = await page.locator("#entries tr").allInnerTexts();
  assert.match(rows[1], /✗ the leaf served is not the one hashed into the tree/);
  assert.match(rows[0], /✓ signed by the recorded device key/);
  await context.close();
});
