// The audit page, safety against scripted clicks, notice versions, and accessibility
// (axe-core, WCAG 2.2 A and AA) of the prompt, the manage view, the demo page and the
// audit page in both its views.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Backend, launch, openDemo, dialog, choice, ROOT } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

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

const decided = (page, n) => page.waitForFunction((n) => window.__decisions.length >= n, n, { timeout: 15000 });

test("the audit page lists decisions and verifies inclusion proofs in the browser", async () => {
  const { context, page } = await openDemo(browser, backend, "megan");
  await page.click("#show-linkedin");
  await choice(page, "both_ways").click();
  await decided(page, 1);
  await page.goto(backend.url + "/audit.html");
  await page.locator("#entries tr").first().waitFor();
  const rows = await page.locator("#entries tr").count();
  assert.equal(rows, (await backend.entries()).length);
  assert.match(await page.textContent("#checkpoint"), /^consent\.example\/ledger\n\d+\n/);
  await page.locator("#entries button").first().click();
  await page.locator("#entries .ok").first().waitFor();
  await context.close();
});

test("a click synthesised by a page script decides nothing", async () => {
  const { context, page } = await openDemo(browser, backend, "lynne");
  await page.click("#show-linkedin");
  await dialog(page).waitFor();
  await page.evaluate(() =>
    document.getElementById("consent").shadowRoot.querySelector('button[data-choice="both_ways"]').click()
  );
  await page.waitForTimeout(500);
  assert.equal(await dialog(page).count(), 1, "still asking");
  assert.equal((await page.evaluate(() => window.__decisions)).length, 0);
  await context.close();
});

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    WCAG
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
}

test("axe finds no WCAG 2.2 A/AA violations in light and dark; screenshots for the docs", async () => {
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  for (const [colorScheme, user] of [["light", "adele"], ["dark", "lynne"]]) {
    const context = await browser.newContext({ colorScheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await context.addInitScript((u) => localStorage.setItem("demo-user", u), user);
    const page = await context.newPage();
    await page.goto(backend.url + "/");
    await page.locator("#linkedin-body button").first().waitFor();
    assert.deepEqual(await axe(page), [], `demo page, ${colorScheme}`);
    await page.click("#show-linkedin");
    await dialog(page).waitFor();
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(ROOT, `docs/prompt-${colorScheme}.png`) });
    assert.deepEqual(await axe(page), [], `prompt, ${colorScheme}`);
    if (colorScheme === "light") {
      await page.setViewportSize({ width: 360, height: 780 });
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(ROOT, "docs/prompt-narrow.png") });
      assert.deepEqual(await axe(page), [], "prompt, 360 px");
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await choice(page, "both_ways").click();
    await page.locator("#manage-linkedin").waitFor();
    await page.click("#manage-linkedin");
    await dialog(page).waitFor();
    await page.waitForTimeout(250); // the opening fade, during which colours are blended
    await page.screenshot({ path: join(ROOT, `docs/manage-${colorScheme}.png`) });
    assert.deepEqual(await axe(page), [], `manage view, ${colorScheme}`);
    await context.close();
  }
});

test("axe finds no WCAG 2.2 A/AA violations on the audit page, public and auditor views, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(backend.url + "/audit.html");
    await page.waitForFunction(() => document.querySelectorAll("#checks li").length >= 2 && document.querySelector("#entries tr"));
    await page.click("#check-all");
    await page.waitForFunction(() => /proven/.test(document.getElementById("check-all-status").textContent));
    assert.deepEqual(await axe(page), [], `audit page, public view, ${colorScheme}`);
    await page.fill("#auditor-token", backend.auditorToken);
    await page.press("#auditor-token", "Enter");
    await page.waitForFunction(() => /Showing the decisions/.test(document.getElementById("auditor-status").textContent));
    await page.click("#check-all");
    await page.waitForFunction(() => /proven/.test(document.getElementById("check-all-status").textContent));
    assert.deepEqual(await axe(page), [], `audit page, auditor view, ${colorScheme}`);
    await context.close();
  }
});
