// scripts/shorten-imports.mjs on a module small enough to write by hand: the imports get
// short names in the wasm and in the glue alike, the module still links against the
// renamed glue, and a glue it cannot rewrite exactly leaves both files untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = new URL("../scripts/shorten-imports.mjs", import.meta.url).pathname;
const MODULE = "./widget_bg.js";
const NAMES = ["__wbg_answer_0123456789abcdef", "__wbg_twice_fedcba9876543210"];

const bytes = (s) => [...Buffer.from(s)];
const vec = (items) => [items.length, ...items.flat()];
const str = (s) => [s.length, ...bytes(s)];
const section = (id, body) => [id, body.length, ...body];

// (import "./widget_bg.js" "__wbg_answer_…" (func (result i32)))
// (import "./widget_bg.js" "__wbg_twice_…" (func (param i32) (result i32)))
// (func (export "run") (result i32) call $answer  call $twice)
function tinyWasm() {
  const types = section(1, vec([[0x60, 0, 1, 0x7f], [0x60, 1, 0x7f, 1, 0x7f]]));
  const imports = section(2, vec(NAMES.map((n, i) => [...str(MODULE), ...str(n), 0x00, i])));
  const funcs = section(3, vec([[0]]));
  const exports = section(7, vec([[...str("run"), 0x00, 2]]));
  const body = [0, 0x10, 0, 0x10, 1, 0x0b];
  const code = section(10, vec([[body.length, ...body]]));
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...exports, ...code]);
}

// What wasm-bindgen's glue does, in miniature: one object literal of the imports.
const glue = (extra = "") =>
  `export function imports(){return{__proto__:null,${JSON.stringify(MODULE)}:{__proto__:null,` +
  `${NAMES[0]}:function(){return 21},${NAMES[1]}:function(x){return 2*x}}}}${extra}\n`;

function files(glueText) {
  const dir = mkdtempSync(join(tmpdir(), "shorten-imports-"));
  const wasm = join(dir, "widget_bg.wasm");
  const js = join(dir, "widget.mjs");
  writeFileSync(wasm, tinyWasm());
  writeFileSync(js, glueText);
  return { wasm, js };
}

test("imports get short names in the wasm and the glue, and still link", async () => {
  const { wasm, js } = files(glue());
  execFileSync(process.execPath, [SCRIPT, wasm, js]);
  const module = new WebAssembly.Module(readFileSync(wasm));
  assert.deepEqual(
    WebAssembly.Module.imports(module).map(({ module, name }) => `${module} ${name}`),
    ["a a", "a b"],
  );
  const text = readFileSync(js, "utf8");
  for (const name of [MODULE, ...NAMES]) assert.ok(!text.includes(name), `${name} is gone from the glue`);
  const { imports } = await import(js);
  const { exports } = new WebAssembly.Instance(module, imports());
  assert.equal(exports.run(), 42);
});

test("a glue that names an import anywhere but its property is left alone, wasm too", () => {
  const before = glue(`;console.log("${NAMES[1]}")`);
  const { wasm, js } = files(before);
  const run = spawnSync(process.execPath, [SCRIPT, wasm, js], { encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /mentions the import __wbg_twice_\w+ 2 times/);
  assert.equal(readFileSync(js, "utf8"), before);
  assert.deepEqual(readFileSync(wasm), tinyWasm());
});

test("something that is not a wasm module is refused", () => {
  const { wasm, js } = files(glue());
  writeFileSync(wasm, "not wasm");
  const run = spawnSync(process.execPath, [SCRIPT, wasm, js], { encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /not a wasm module/);
});
