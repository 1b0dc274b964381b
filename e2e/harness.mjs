// Starts the reference backend (release build) on a free loopback port with a fresh
// data directory, and Debian's Chromium through playwright-core. Never downloads a browser.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = join(ROOT, "target/release/consent-server");

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** The backend; `stop()` and `start()` again keep the same port and data. */
export class Backend {
  /** `env`: more settings for the server (`CONSENT_*`), e.g. its allowed origins. */
  constructor({ env = {} } = {}) {
    this.env = env;
    this.dataDir = mkdtempSync(join(tmpdir(), "consent-e2e-"));
    this.proc = null;
    /** Reads full ledger entries (the public sees leaf hashes only). */
    this.auditorToken = randomBytes(24).toString("base64url");
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    this.port ??= await freePort();
    const www = this.wwwDir ?? join(ROOT, "www");
    const args = ["--port", String(this.port), "--data-dir", this.dataDir, "--www", www, "--pkg", join(ROOT, "pkg")];
    // A settings file (e.g. more demo users) before the flags, which still win.
    if (this.configFile) args.unshift("--config", this.configFile);
    this.proc = spawn(SERVER, args, {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        RUST_LOG: "warn",
        CONSENT_AUDITOR_TOKEN_SHA256: createHash("sha256").update(this.auditorToken).digest("hex"),
        ...this.env,
      },
    });
    this.proc.stderr.on("data", (d) => process.stderr.write(`[server] ${d}`));
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the backend did not start within 10 s");
  }
  async stop() {
    if (!this.proc) return;
    const exited = new Promise((r) => this.proc.once("exit", r));
    this.proc.kill("SIGTERM");
    await exited;
    this.proc = null;
  }
  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
  async setPolicy(mode) {
    const res = await fetch(`${this.url}/v1/admin/policy`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mode, group: ["megan", "adele"] }),
    });
    if (!res.ok) throw new Error(`policy ${mode}: ${res.status}`);
  }
  /** The ledger's entries as the auditor sees them, leaves included. */
  async entries() {
    const res = await fetch(`${this.url}/v1/ledger/entries?start=0`, { headers: { Authorization: `Bearer ${this.auditorToken}` } });
    if (!res.ok) throw new Error(`entries: ${res.status}`);
    return (await res.json()).entries;
  }
}

/** Runs `fn` against a backend of its own, started on loopback and always stopped. */
export async function withBackend(fn) {
  const backend = new Backend();
  await backend.start();
  try {
    await fn(backend);
  } finally {
    await backend.dispose();
  }
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A fresh browser profile signed in as `user`, recording what the widget reports;
 * `options.path` is the page to open (the demo, `/`, by default; e.g. `/?lang=ar`),
 * `options.locale` the browser's language (Playwright's default otherwise). */
export async function openDemo(browser, backend, user, options = {}) {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? "light", viewport: options.viewport, locale: options.locale });
  await context.addInitScript((u) => {
    localStorage.setItem("demo-user", u);
    window.__decisions = [];
    window.__errors = [];
    document.addEventListener("DOMContentLoaded", () => {
      const host = document.getElementById("consent");
      host.addEventListener("consent:decision", (e) => window.__decisions.push(e.detail));
      host.addEventListener("consent:error", (e) => window.__errors.push(e.detail));
    });
  }, user);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
  await page.goto(backend.url + (options.path ?? "/"));
  await page.waitForFunction(() => document.querySelector("#linkedin-body button, #linkedin-body p:not(:empty)"));
  return { context, page };
}

export const dialog = (page) => page.locator("#consent").locator("dialog[open]");
export const choice = (page, c) => page.locator("#consent").locator(`button[data-choice="${c}"]`);
