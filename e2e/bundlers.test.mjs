// The npm package as host apps get it: pkg/ packed with `npm pack`, installed by name
// into two tiny hosts (e2e/hosts/), built with webpack 5 (as SharePoint Framework web
// parts are) and with Vite, each served from a plain static server on its own loopback
// origin against the backend on another, and driven in Chromium. The webpack host
// mounts the widget from code after init(); the Vite host only imports register.js and
// puts <account-link-consent> in its page. In both, the wasm must come from the
// bundler's own asset handling: an emitted, renamed file the page really fetched.
// Then the Content-Security-Policy the README gives a host page, that each of its parts
// is needed, and Vite's dev server with the setting the README gives for it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { Backend, freePort, launch, ROOT } from "./harness.mjs";
import { close, listen, staticServer } from "./hosting.mjs";

const execFileP = promisify(execFile);
/** Runs a tool, and when it fails says what it printed (webpack reports errors on stdout). */
async function run(cmd, args, options) {
  try {
    return await execFileP(cmd, args, options);
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${e.code}):\n${e.stdout}\n${e.stderr}`);
  }
}
const HOSTS = join(ROOT, "e2e/hosts");
const WASM = readFileSync(join(ROOT, "pkg/account_link_consent_bg.wasm"));

/** The widget's own needs, as README.md ("Content-Security-Policy") states them, and
 * nothing else: `default-src 'none'` leaves styles, images, fonts and frames refused.
 * `backend` goes into connect-src; 'self' there is for the wasm beside the bundle. */
const csp = (backend, { script = "script-src 'self' 'wasm-unsafe-eval'", connect = `connect-src 'self' ${backend}` } = {}) =>
  `default-src 'none'; ${script}; ${connect}; base-uri 'none'`;

let browser, backend, work, tarball;
const origins = {};
const dists = {};

/** Installs the packed widget into the host by name and builds it against the backend. */
async function build(host, env) {
  const dir = join(HOSTS, host);
  assert.ok(
    existsSync(join(dir, "node_modules/.package-lock.json")),
    `${host}'s bundler is not installed: run "source scripts/lib.sh && setup_bundler_hosts" (scripts/test e2e does)`,
  );
  // --no-save: the hosts' lockfiles pin the bundlers only; the widget is whatever pkg/ is now.
  await run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: dir });
  const out = join(work, host);
  const [cmd, ...args] = { webpack: ["webpack", "--mode", "production"], vite: ["vite", "build", "--outDir", out, "--emptyOutDir", "--logLevel", "warn"] }[host];
  await run(join(dir, "node_modules/.bin", cmd), args, { cwd: dir, env: { ...process.env, ...env, OUT_DIR: out } });
  return out;
}

/** The wasm files the bundler wrote, relative to its output. */
function emittedWasm(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".wasm"));
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "consent-bundlers-"));
  await run("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: join(ROOT, "pkg") });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz")));
  for (const host of ["webpack", "vite", "viteDev"]) origins[host] = `http://127.0.0.1:${await freePort()}`;
  backend = new Backend({ env: { CONSENT_ALLOWED_ORIGINS: Object.values(origins).join(",") } });
  await backend.start();
  const backendUrl = `${backend.url}/`;
  dists.webpack = await build("webpack", { CONSENT_BACKEND_URL: backendUrl });
  dists.vite = await build("vite", { VITE_CONSENT_BACKEND_URL: backendUrl });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await backend?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens `host`'s built page, served with `headers`, as `user` (see `visit`). */
async function open(host, user, headers, fn) {
  const server = staticServer({ dir: dists[host], headers });
  await listen(server, Number(new URL(origins[host]).port));
  try {
    await visit(origins[host], user, fn);
  } finally {
    await close(server);
  }
}

/** Opens `origin`'s page as `user` (the demo session, as the host's sign-in would leave
 * it: 127.0.0.1 on another port is the same site, so the cookie travels); gives `fn` the
 * page and every response it got. */
async function visit(origin, user, fn) {
  const context = await browser.newContext();
  try {
    const signIn = await context.request.post(`${backend.url}/v1/session`, { data: { user } });
    assert.equal(signIn.status(), 200);
    const page = await context.newPage();
    const fetched = [];
    page.on("response", (r) => fetched.push({ url: r.url(), status: r.status(), type: r.headers()["content-type"] }));
    page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
    await page.goto(`${origin}/`);
    await fn(page, fetched);
  } finally {
    await context.close();
  }
}

/** Vite's dev server on `origin`, until `fn` is done. */
async function viteDev(origin, env, fn) {
  const dir = join(HOSTS, "vite");
  const port = new URL(origin).port;
  const proc = spawn(join(dir, "node_modules/.bin/vite"), ["--host", "127.0.0.1", "--port", port, "--strictPort", "--logLevel", "warn"], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  proc.stderr.on("data", (d) => process.stderr.write(`[vite] ${d}`));
  const exited = new Promise((r) => proc.once("exit", r));
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${origin}/`)).ok) break;
      } catch {}
      if (i === 300) throw new Error("vite's dev server did not start within 30 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    await fn();
  } finally {
    proc.kill("SIGTERM");
    await exited;
  }
}

/** Whether the ledger holds a decision for `choice` (read from its token's claims). */
async function recorded(choice) {
  const claims = (await backend.entries()).map((e) => JSON.parse(Buffer.from(JSON.parse(e.leaf).token.split(".")[1], "base64url")));
  return claims.some((c) => c.choice === choice);
}

const logLines = (page) => page.locator("#log li").allTextContents();
const waitForLog = (page, pattern) =>
  page.waitForFunction((src) => [...document.querySelectorAll("#log li")].some((li) => new RegExp(src).test(li.textContent)), pattern.source, {
    timeout: 15000,
  });

/** The user asks to see LinkedIn data, reads the prompt and picks `choice`; the host
 * hears it both ways (prompt()'s promise and consent:decision). */
async function decide(page, choice, whileOpen = async () => {}) {
  await page.locator("#show:not([disabled])").click();
  const dialog = page.locator("#consent dialog[open]");
  await dialog.waitFor();
  assert.ok(await dialog.isVisible());
  assert.deepEqual(
    await page.locator("#consent button[data-choice]").evaluateAll((bs) => bs.map((b) => b.dataset.choice)),
    ["both_ways", "linkedin_only", "not_now"],
  );
  await whileOpen();
  await page.locator(`#consent button[data-choice="${choice}"]`).click();
  await waitForLog(page, new RegExp(`^prompt: decided ${choice}$`));
  await waitForLog(page, new RegExp(`^event: decision ${choice}$`));
  await dialog.waitFor({ state: "detached" });
}

/** The page fetched the wasm the bundler emitted under its own name, and that file is
 * the package's wasm. */
function assertWasmFromBundler(host, fetched) {
  const emitted = emittedWasm(dists[host]);
  assert.equal(emitted.length, 1, `${host} emitted one wasm file: ${emitted}`);
  assert.notEqual(emitted[0], "account_link_consent_bg.wasm", "renamed (hashed) by the bundler, not copied");
  assert.ok(readFileSync(join(dists[host], emitted[0])).equals(WASM), "the emitted wasm is pkg/'s");
  const url = `${origins[host]}/${emitted[0].split("\\").join("/")}`;
  assert.ok(
    fetched.some((f) => f.url === url && f.status === 200),
    `the page fetched ${url}; it fetched ${fetched.map((f) => relative(origins[host], f.url)).join(", ")}`,
  );
}

test("webpack 5: mount() after init(), from the package installed by name; the prompt shows and a choice is acknowledged", async () => {
  await open("webpack", "megan", {}, async (page, fetched) => {
    await decide(page, "linkedin_only");
    assertWasmFromBundler("webpack", fetched);
    assert.ok(!(await logLines(page)).some((l) => l.startsWith("event: error")));
  });
  assert.ok(await recorded("linkedin_only"), "the backend recorded it");
});

test("Vite: register.js by package name and the element, no init() in the host; the prompt shows and a choice is acknowledged", async () => {
  await open("vite", "adele", {}, async (page, fetched) => {
    await decide(page, "both_ways");
    assertWasmFromBundler("vite", fetched);
    assert.ok(!(await logLines(page)).some((l) => l.startsWith("event: error")));
  });
  assert.ok(await recorded("both_ways"), "the backend recorded it");
});

test("under the README's Content-Security-Policy the webpack host shows the styled prompt and records", async () => {
  await open("webpack", "alex", { "Content-Security-Policy": csp(backend.url) }, async (page) => {
    await decide(page, "not_now", async () => {
      // The constructable stylesheet applied though no style-src allows anything: the accent colour.
      const background = await page.locator('#consent button[data-choice="not_now"]').evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(background, "rgb(15, 108, 189)");
    });
  });
  assert.ok(await recorded("not_now"));
});

test("each part of that policy is needed: without 'wasm-unsafe-eval' init() rejects, without the backend in connect-src the host hears consent:error", async () => {
  // (megan has decided already: nothing here could get as far as asking her.)
  await open("webpack", "megan", { "Content-Security-Policy": csp(backend.url, { script: "script-src 'self'" }) }, async (page) => {
    await waitForLog(page, /^init failed: /);
    assert.match((await logLines(page)).join("\n"), /WebAssembly.*Content Security Policy/);
    assert.equal(await page.locator("#consent dialog").count(), 0);
  });
  await open("webpack", "megan", { "Content-Security-Policy": csp(backend.url, { connect: "connect-src 'self'" }) }, async (page) => {
    await waitForLog(page, /^event: error unreachable$/);
  });
});

test("Vite's dev server, with the host's optimizeDeps exclusion, serves the installed package and its wasm as they are", async () => {
  await viteDev(origins.viteDev, { VITE_CONSENT_BACKEND_URL: `${backend.url}/` }, async () => {
    await visit(origins.viteDev, "lynne", async (page, fetched) => {
      await decide(page, "linkedin_only");
      const wasm = fetched.find((f) => f.url.endsWith("/account_link_consent_bg.wasm"));
      assert.equal(wasm?.status, 200);
      assert.equal(wasm.type, "application/wasm");
      assert.match(wasm.url, /\/node_modules\/account-link-consent\//);
    });
  });
});
