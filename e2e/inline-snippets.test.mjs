// scripts/inline-snippets.mjs on a package small enough to write by hand: the glue takes in the
// snippets it imports but preload.js, still runs, and keeps what bundlers and TypeScript look
// for; a glue that cannot be bundled leaves every file as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = new URL("../scripts/inline-snippets.mjs", import.meta.url).pathname;
const SNIPPETS = "snippets/widget-0123456789abcdef/js";

/** A package as wasm-bindgen leaves it: a glue importing three snippets, one of them preload.js,
 * and a snippet that imports preload.js itself. */
function pkg(glueImports = "") {
  const dir = mkdtempSync(join(tmpdir(), "inline-snippets-"));
  mkdirSync(join(dir, SNIPPETS), { recursive: true });
  writeFileSync(join(dir, SNIPPETS, "preload.js"), `globalThis.__loads = (globalThis.__loads ?? 0) + 1;\nexport const ATTR = "backend-url";\n`);
  writeFileSync(join(dir, SNIPPETS, "element.js"), `import { ATTR } from "./preload.js";\nexport function attribute() { return ATTR; }\n`);
  writeFileSync(join(dir, SNIPPETS, "vault.js"), `export function twice(x) { return 2 * x; }\n`);
  const glue = join(dir, "widget.js");
  writeFileSync(glue, `/* @ts-self-types="./widget.d.ts" */
import { attribute } from "./${SNIPPETS}/element.js";
import { twice } from "./${SNIPPETS}/vault.js";
import { ATTR } from "./${SNIPPETS}/preload.js";
${glueImports}
export const wasmUrl = new URL("widget_bg.wasm", import.meta.url);
export function run() { return [attribute(), twice(21), ATTR]; }
`);
  return { dir, glue };
}

const inline = (glue) => spawnSync(process.execPath, [SCRIPT, glue], { encoding: "utf8" });

test("the snippets but preload.js go into the glue, which runs as before", async () => {
  const { dir, glue } = pkg();
  const run = inline(glue);
  assert.equal(run.status, 0, run.stderr);

  const text = readFileSync(glue, "utf8");
  assert.ok(text.startsWith(`/* @ts-self-types="./widget.d.ts" */\n`), "the TypeScript pointer stays first");
  assert.match(text, /new URL\("widget_bg\.wasm",import\.meta\.url\)/, "bundlers still find the wasm");
  const imported = [...text.matchAll(/from"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(imported)], [`./${SNIPPETS}/preload.js`], "only preload.js is still imported, by its one path");
  assert.ok(!existsSync(join(dir, SNIPPETS, "element.js")) && !existsSync(join(dir, SNIPPETS, "vault.js")), "the bundled files are gone");
  assert.ok(existsSync(join(dir, SNIPPETS, "preload.js")));

  const { run: go } = await import(glue);
  assert.deepEqual(go(), ["backend-url", 42, "backend-url"]);
  assert.equal(globalThis.__loads, 1, "preload.js ran once, for the glue and the snippet alike");
});

test("a glue that does not bundle changes nothing", () => {
  const { dir, glue } = pkg(`import { gone } from "./${SNIPPETS}/missing.js";`);
  const before = readFileSync(glue, "utf8");
  const run = inline(glue);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /could not be bundled, nothing changed/);
  assert.match(run.stderr, /missing\.js/);
  assert.equal(readFileSync(glue, "utf8"), before);
  assert.ok(existsSync(join(dir, SNIPPETS, "element.js")) && existsSync(join(dir, SNIPPETS, "vault.js")));
});
