// Just enough W3C WebDriver, spoken with plain fetch, to drive Debian's Firefox ESR through
// a geckodriver built by `cargo install`: playwright-core can only drive its own patched
// Firefox, and a client library would bring a driver downloader along.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { freePort, ROOT } from "./harness.mjs";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const SHADOW = "shadow-6066-11e4-a52e-4f735466cecf";
const GECKODRIVER = process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin/geckodriver");

/** What a command answers when the thing looked for is not (yet) there. */
export const isMissing = (err) => err.webdriverError === "no such element";

/**
 * A headless Firefox session with a fresh profile, configured by `moz:firefoxOptions` in
 * webdriver.json (the same capabilities `wasm-pack test --firefox` uses).
 *
 * ```js
 * const ff = await Firefox.start();
 * try { await ff.go("http://127.0.0.1:8080/"); await ff.click(await ff.find("#show-linkedin")); }
 * finally { await ff.quit(); }
 * ```
 */
export class Firefox {
  static async start() {
    const port = await freePort();
    const driver = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port), "--log", "warn"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const keep = (d) => (log = (log + d).slice(-8000));
    driver.stdout.on("data", keep);
    driver.stderr.on("data", keep);
    const spawned = new Promise((resolve, reject) => driver.once("spawn", resolve).once("error", reject));
    await spawned.catch((e) => {
      throw new Error(`cannot start geckodriver at ${GECKODRIVER} (bash scripts/test e2e builds it): ${e.message}`);
    });
    const ff = new Firefox(driver, `http://127.0.0.1:${port}`, () => log);
    try {
      await ff.#waitForDriver();
      const firefoxOptions = JSON.parse(readFileSync(join(ROOT, "webdriver.json"), "utf8"))["moz:firefoxOptions"];
      const { sessionId } = await ff.#send("POST", "/session", {
        capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": firefoxOptions } },
      });
      ff.session = `/session/${sessionId}`;
    } catch (e) {
      await ff.quit();
      throw e;
    }
    return ff;
  }

  constructor(driver, url, log) {
    this.driver = driver;
    this.url = url;
    this.log = log;
    this.session = null;
  }

  async #waitForDriver() {
    for (let i = 0; i < 200; i++) {
      try {
        if ((await this.#send("GET", "/status")).ready) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`geckodriver did not become ready within 10 s:\n${this.log()}`);
  }

  async #send(method, path, body) {
    const res = await fetch(this.url + path, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const { value } = await res.json();
    if (!res.ok) {
      const err = new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}\n${this.log()}`);
      err.webdriverError = value?.error;
      throw err;
    }
    return value;
  }

  /** One command in this session, e.g. `cmd("POST", "/url", { url })`. */
  cmd(method, path, body) {
    return this.#send(method, this.session + path, body ?? (method === "POST" ? {} : undefined));
  }

  go(url) {
    return this.cmd("POST", "/url", { url });
  }

  /** The first element matching `css`, in the document or under `root` (an element or a shadow root). */
  async find(css, root) {
    const scope = !root ? "" : root[SHADOW] ? `/shadow/${root[SHADOW]}` : `/element/${root[ELEMENT]}`;
    return this.cmd("POST", `${scope}/element`, { using: "css selector", value: css });
  }

  shadowRoot(element) {
    return this.cmd("GET", `/element/${element[ELEMENT]}/shadow`);
  }

  /** A real click: scrolled into view, checked for being hittable, dispatched as trusted input. */
  click(element) {
    return this.cmd("POST", `/element/${element[ELEMENT]}/click`);
  }

  text(element) {
    return this.cmd("GET", `/element/${element[ELEMENT]}/text`);
  }

  async cookie(name) {
    return (await this.cmd("GET", `/cookie/${encodeURIComponent(name)}`)).value;
  }

  /** Polls `probe` until it returns something truthy, treating a missing element as "not yet". */
  async waitFor(what, probe, timeout = 15000) {
    const until = Date.now() + timeout;
    for (;;) {
      try {
        const v = await probe();
        if (v) return v;
      } catch (e) {
        if (!isMissing(e)) throw e;
      }
      if (Date.now() > until) throw new Error(`waited ${timeout} ms for ${what}; Firefox said:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Closes Firefox (geckodriver removes its temporary profile), then geckodriver. */
  async quit() {
    if (this.session) await this.cmd("DELETE", "").catch(() => {});
    this.session = null;
    if (this.driver.exitCode === null && this.driver.signalCode === null) {
      const exited = new Promise((r) => this.driver.once("exit", r));
      this.driver.kill("SIGTERM");
      await exited;
    }
  }
}
