// Gives the wasm's imports short names, in the wasm and in its JS glue alike. wasm-bindgen
// names each one `__wbg_<what>_<16 hex digits>` under the module "./<crate>_bg.js": the
// hex digits do not compress, and every name is written twice, once in each file. About
// 5 KB gzip of the widget's first load, for nothing a user or a host sees: the glue is the
// only code that builds the import object, and it is rewritten in the same step.
//
//   node scripts/shorten-imports.mjs pkg/account_link_consent_bg.wasm pkg/account_link_consent.js
//
// Run it on the release build after wasm-opt and the minifier, before hashing. It refuses
// (and leaves both files as they were) anything it does not understand: an import the glue
// does not name exactly once (its property in the import object), or an import section it
// cannot read.
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/shorten-imports.mjs WASM GLUE");
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

function fail(why) {
  console.error(`shorten-imports: ${why}; ${wasmPath} and ${gluePath} are left as they were`);
  process.exit(1);
}

// --- The wasm binary format, as much of it as the import section needs.
function readU32(buf, at) {
  let value = 0, shift = 0, byte;
  do {
    if (at >= buf.length) fail("the wasm ends inside a number");
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
function readName(buf, at) {
  const [len, start] = readU32(buf, at);
  return [buf.toString("utf8", start, start + len), start + len];
}
function name(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
}
// How far an import's description runs, by its kind: function, table, memory, global, tag.
function skipDescription(buf, at) {
  const kind = buf[at++];
  const limits = (at) => {
    const flags = buf[at++];
    [, at] = readU32(buf, at);
    if (flags & 1) [, at] = readU32(buf, at);
    return at;
  };
  switch (kind) {
    case 0: return readU32(buf, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readU32(buf, at + 1)[1];
    default: fail(`an import of kind ${kind}, which this script does not know`);
  }
}

if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail("not a wasm module");
let at = 8, section = null;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  if (id === 2) { section = { at, start, end: start + size }; break; }
  at = start + size;
}
if (!section) fail("the wasm imports nothing");

const imports = [];
let [count, p] = readU32(wasm, section.start);
for (let i = 0; i < count; i++) {
  const [module, afterModule] = readName(wasm, p);
  const [field, afterField] = readName(wasm, afterModule);
  const end = skipDescription(wasm, afterField);
  imports.push({ module, field, description: wasm.subarray(afterField, end) });
  p = end;
}
if (p !== section.end) fail("the import section has bytes after its last import");

// --- New names: one module, "a"; the imports a, b, ... Z, aa, ab, ...
const modules = [...new Set(imports.map((i) => i.module))];
if (modules.length !== 1) fail(`imports from ${modules.length} modules, where the glue provides one`);
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (n) => (n < LETTERS.length ? "" : short(Math.floor(n / LETTERS.length) - 1)) + LETTERS[n % LETTERS.length];
const fields = [...new Set(imports.map((i) => i.field))];
const renamed = new Map(fields.map((field, n) => [field, short(n)]));

// --- The glue: the module's key once, each import's property once, as its object literal
// writes them (`"./x_bg.js":{` and `name:function` or `name(`), and no other mention.
const moduleKey = JSON.stringify(modules[0]);
if (glue.split(moduleKey).length !== 2) fail(`the glue does not name ${moduleKey} exactly once`);
glue = glue.replace(moduleKey, '"a"');
for (const [field, to] of renamed) {
  if (!/^[A-Za-z_$][\w$]*$/.test(field)) fail(`the import ${field} is not a plain identifier`);
  const mention = new RegExp(`(?<![\\w$])${field.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
  const found = glue.match(mention)?.length ?? 0;
  if (found !== 1) fail(`the glue mentions the import ${field} ${found} times, not once`);
  glue = glue.replace(mention, to);
}

const entries = imports.map((i) =>
  Buffer.concat([name("a"), name(renamed.get(i.field)), i.description]),
);
const body = Buffer.concat([u32(imports.length), ...entries]);
const out = Buffer.concat([
  wasm.subarray(0, section.at),
  Buffer.from([2]),
  u32(body.length),
  body,
  wasm.subarray(section.end),
]);

// What the browser will see: the same imports, in order, under their new names.
const seen = WebAssembly.Module.imports(new WebAssembly.Module(out));
if (seen.length !== imports.length || seen.some((s, n) => s.module !== "a" || s.name !== renamed.get(imports[n].field))) {
  fail("the rewritten wasm does not list the renamed imports");
}
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`shorten-imports: ${imports.length} imports renamed, ${wasm.length - out.length} bytes fewer in the wasm`);
