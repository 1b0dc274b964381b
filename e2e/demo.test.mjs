// End to end: the demo page, the widget and the reference backend, in Debian's
// Chromium. Tokens the widget produced are checked by jose and jwcrypto as well.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { jwtVerify, EmbeddedJWK, calculateJwkThumbprint, decodeProtectedHeader } from "jose";
import { launch, openDemo, dialog, choice, ROOT, withBackend } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const decisions = (page) => page.evaluate(() => window.__decisions);
const waitForDecisions = (page, n, timeout = 15000) =>
  page.waitForFunction((n) => window.__decisions.length >= n, n, { timeout });

test("each choice is signed in the browser, verified, recorded and shown; jose and jwcrypto agree", async () => {
  await withBackend(async (backend) => {
    const tokens = [];
    const cases = [
      ["megan", "both_ways", "#manage-linkedin"],
      ["adele", "linkedin_only", "#manage-linkedin"],
      ["alex", "not_now", "#connect-later"],
    ];
    for (const [user, c, after] of cases) {
      const { context, page } = await openDemo(browser, backend, user);
      await page.click("#show-linkedin");
      await dialog(page).waitFor();
      await choice(page, c).click();
      await waitForDecisions(page, 1);
      await page.locator(after).waitFor();
      const [d] = await decisions(page);
      assert.equal(d.choice, c);
      assert.ok(d.receipt && Number.isInteger(d.receipt.index), "the receipt came back");

      const { payload, protectedHeader } = await jwtVerify(d.token, EmbeddedJWK, {
        typ: "consent-decision+jwt",
        audience: backend.url,
        algorithms: ["ES256"],
      });
      assert.equal(payload.choice, c);
      assert.equal(payload.jti, d.jti);
      assert.equal(protectedHeader.jwk.d, undefined, "no private key leaves WebCrypto");
      const leaf = (await backend.entries()).map((e) => JSON.parse(e.leaf)).find((l) => l.token === d.token);
      assert.ok(leaf, "the verbatim token is in the ledger");
      const thumbprint = await calculateJwkThumbprint(decodeProtectedHeader(d.token).jwk);
      assert.equal(thumbprint, leaf.key_thumbprint, "jose's RFC 7638 thumbprint equals ours");
      tokens.push({ token: d.token, aud: backend.url, thumbprint });

      // Once decided, a reload shows the outcome without asking again.
      await page.reload();
      await page.locator(after).waitFor();
      assert.equal(await dialog(page).count(), 0);
      await context.close();
    }
    const python = process.env.JWCRYPTO_PYTHON ?? "python3";
    const check = spawnSync(python, [join(ROOT, "e2e/verify_jwcrypto.py")], {
      input: tokens.map((t) => JSON.stringify(t)).join("\n"),
      encoding: "utf8",
    });
    process.stdout.write(check.stdout);
    assert.equal(check.status, 0, `jwcrypto refused a token: ${check.stdout}${check.stderr}`);
  });
});

test("withdrawing disconnects, and the ledger keeps both records", async () => {
  await withBackend(async (backend) => {
    const { context, page } = await openDemo(browser, backend, "lynne");
    await page.click("#show-linkedin");
    await choice(page, "both_ways").click();
    await waitForDecisions(page, 1);
    await page.click("#manage-linkedin");
    await page.locator("#consent").locator('button[data-action="disconnect"]').click();
    await waitForDecisions(page, 2);
    await page.locator("#connect-later").waitFor();
    const exported = await page.evaluate(async () => (await fetch("/v1/decisions/export")).text());
    const choices = exported.trim().split("\n").map((l) => JSON.parse(l).choice);
    assert.deepEqual(choices, ["both_ways", "withdraw"]);
    await context.close();
  });
});

test("admin off: no prompt and the card says why; selected group: only members are asked", async () => {
  await withBackend(async (backend) => {
    await backend.setPolicy("off");
    let { context, page } = await openDemo(browser, backend, "megan");
    await page.locator("#linkedin-body", { hasText: "turned off" }).waitFor();
    assert.equal(await page.locator("#show-linkedin").count(), 0);
    assert.equal(await dialog(page).count(), 0);
    await context.close();

    await backend.setPolicy("group");
    ({ context, page } = await openDemo(browser, backend, "alex"));
    await page.locator("#linkedin-body", { hasText: "selected people only" }).waitFor();
    assert.equal(await dialog(page).count(), 0);
    await context.close();
    ({ context, page } = await openDemo(browser, backend, "megan"));
    await page.click("#show-linkedin");
    await dialog(page).waitFor();
    await context.close();
  });
});

test("offline: the choice is queued, the page says so, and it is delivered once", async () => {
  await withBackend(async (backend) => {
    const { context, page } = await openDemo(browser, backend, "adele");
    await page.click("#show-linkedin");
    await dialog(page).waitFor();
    await backend.stop();
    await choice(page, "linkedin_only").click();
    // The widget itself tells the user the choice waits on this device.
    const queued = page.locator("#consent").locator('.record[data-record="queued"]');
    await queued.waitFor();
    assert.match(await queued.textContent(), /saved on this device/);
    assert.equal((await decisions(page)).length, 0, "not reported before the backend has it");
    await backend.start();
    await waitForDecisions(page, 1, 20000);
    await page.locator("#consent").locator('.record[data-record="recorded"]').waitFor();
    await page.waitForTimeout(1500);
    const entries = await backend.entries();
    assert.equal(entries.length, 1, "recorded exactly once");
    assert.equal((await decisions(page)).length, 1);
    await context.close();
  });
});

test("keyboard only: open, move, refuse with Escape; focus comes back to the card", async () => {
  await withBackend(async (backend) => {
    const { context, page } = await openDemo(browser, backend, "megan");
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== "show-linkedin"; i++) {
      await page.keyboard.press("Tab");
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), "show-linkedin");
    await page.keyboard.press("Enter");
    await dialog(page).waitFor();
    const focusedChoice = () =>
      page.evaluate(() => document.getElementById("consent").shadowRoot.activeElement?.getAttribute("data-choice"));
    await page.keyboard.press("Tab");
    assert.equal(await focusedChoice(), "both_ways");
    await page.keyboard.press("Shift+Tab");
    assert.equal(
      await page.evaluate(() => document.getElementById("consent").shadowRoot.activeElement?.tagName),
      "A",
      "Shift+Tab from the first control wraps to the last"
    );
    await page.keyboard.press("Escape");
    await waitForDecisions(page, 1);
    assert.equal((await decisions(page))[0].choice, "not_now");
    await page.locator("#connect-later").waitFor();
    assert.equal(await page.evaluate(() => document.getElementById("profile-card").contains(document.activeElement)), true);
    await context.close();
  });
});
