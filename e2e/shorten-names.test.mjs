// scripts/shorten-names.mjs on a module small enough to write by hand: the imports and
// wasm-bindgen's internal exports get short names in the wasm, the glue and the type files
// alike, the API's exports keep theirs, the module still links against the renamed glue,
// and a glue it cannot rewrite exactly leaves every file untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = new URL("../scripts/shorten-names.mjs", import.meta.url).pathname;
const MODULE = "./widget_bg.js";
const NAMES = ["__wbg_answer_0123456789abcdef", "__wbg_twice_fedcba9876543210"];
// One export named after the API, and one of wasm-bindgen's own, which only the glue calls.
const API = "run";
const INTERNAL = "__wbindgen_start";

const bytes = (s) => [...Buffer.from(s)];
const vec = (items) => [items.length, ...items.flat()];
const str = (s) => [s.length, ...bytes(s)];
const section = (id, body) => [id, body.length, ...body];

// (import "./widget_bg.js" "__wbg_answer_…" (func (result i32)))
// (import "./widget_bg.js" "__wbg_twice_…" (func (param i32) (result i32)))
// (func (export "run") (result i32) call $answer  call $twice)
// (func (export "__wbindgen_start") (result i32) i32.const 7)
function tinyWasm() {
  const types = section(1, vec([[0x60, 0, 1, 0x7f], [0x60, 1, 0x7f, 1, 0x7f]]));
  const imports = section(2, vec(NAMES.map((n, i) => [...str(MODULE), ...str(n), 0x00, i])));
  const funcs = section(3, vec([[0], [0]]));
  const exports = section(7, vec([[...str(API), 0x00, 2], [...str(INTERNAL), 0x00, 3]]));
  const body = [0, 0x10, 0, 0x10, 1, 0x0b];
  const start = [0, 0x41, 7, 0x0b];
  const code = section(10, vec([[body.length, ...body], [start.length, ...start]]));
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...exports, ...code]);
}

// What wasm-bindgen's glue does, in miniature: one object literal of the imports, and the
// instance's exports reached as properties.
const glue = (extra = "") =>
  `export function imports(){return{__proto__:null,${JSON.stringify(MODULE)}:{__proto__:null,` +
  `${NAMES[0]}:function(){return 21},${NAMES[1]}:function(x){return 2*x}}}}` +
  `export function start(w){return w.${INTERNAL}()}${extra}\n`;
// The type files wasm-bindgen writes beside the glue and the wasm, in miniature.
const GLUE_TYPES = `export interface InitOutput {\n  readonly ${API}: () => number;\n  readonly ${INTERNAL}: () => number;\n}\n`;
const WASM_TYPES = `export const ${API}: () => number;\nexport const ${INTERNAL}: () => number;\n`;

function files(glueText) {
  const dir = mkdtempSync(join(tmpdir(), "shorten-names-"));
  const wasm = join(dir, "widget_bg.wasm");
  const js = join(dir, "widget.mjs");
  writeFileSync(wasm, tinyWasm());
  writeFileSync(js, glueText);
  writeFileSync(join(dir, "widget.d.ts"), GLUE_TYPES);
  writeFileSync(`${wasm}.d.ts`, WASM_TYPES);
  return { dir, wasm, js };
}

test("imports and internal exports get short names everywhere, and still link", async () => {
  const { dir, wasm, js } = files(glue());
  execFileSync(process.execPath, [SCRIPT, wasm, js]);
  const module = new WebAssembly.Module(readFileSync(wasm));
  assert.deepEqual(
    WebAssembly.Module.imports(module).map(({ module, name }) => `${module} ${name}`),
    ["a a", "a b"],
  );
  assert.deepEqual(WebAssembly.Module.exports(module).map(({ name }) => name), [API, "c"]);
  const text = readFileSync(js, "utf8");
  for (const name of [MODULE, ...NAMES, INTERNAL]) assert.ok(!text.includes(name), `${name} is gone from the glue`);
  assert.equal(readFileSync(join(dir, "widget.d.ts"), "utf8"), GLUE_TYPES.replace(INTERNAL, "c"));
  assert.equal(readFileSync(`${wasm}.d.ts`, "utf8"), WASM_TYPES.replace(INTERNAL, "c"));
  const { imports, start } = await import(js);
  const { exports } = new WebAssembly.Instance(module, imports());
  assert.equal(exports.run(), 42);
  assert.equal(start(exports), 7);
});

test("a glue that names an internal export other than as a property is left alone", () => {
  const before = glue(`;export const which="${INTERNAL}"`);
  const { dir, wasm, js } = files(before);
  const run = spawnSync(process.execPath, [SCRIPT, wasm, js], { encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /names the export __wbindgen_start other than as a property \(1 of 2 mentions\)/);
  assert.equal(readFileSync(js, "utf8"), before);
  assert.deepEqual(readFileSync(wasm), tinyWasm());
  assert.equal(readFileSync(join(dir, "widget.d.ts"), "utf8"), GLUE_TYPES);
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
