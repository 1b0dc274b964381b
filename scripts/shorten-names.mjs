// Gives the wasm's imports, and the exports only the glue calls, short names, in the wasm
// and in its JS glue alike. wasm-bindgen names each import `__wbg_<what>_<16 hex digits>`
// under the module "./<crate>_bg.js", and its own exports `__wbindgen_malloc`,
// `__externref_table_alloc` or `wasm_bindgen_<hash>___convert__closures_____invoke_...`:
// hex digits do not compress, and every name is written at least twice, once in each file.
// About 6 KB gzip of the widget's first load, for nothing a user or a host calls: the glue
// is the only code that builds the import object or calls those exports, and it is
// rewritten in the same step. The exports named after the widget's API (`mount`,
// `consenthandle_prompt`, `memory`, ...) keep their names, as `init()`'s typed result lists
// them; the type files beside the glue and the wasm are rewritten for the others.
//
//   node scripts/shorten-names.mjs pkg/account_link_consent_bg.wasm pkg/account_link_consent.js
//
// Run it on the release build after wasm-opt and the minifier, before hashing. It refuses
// (and leaves every file as it was) anything it does not understand: an import the glue
// does not name exactly once (its property in the import object), an internal export the
// glue names other than as a property (`wasm.name`), or a section it cannot read.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/shorten-names.mjs WASM GLUE");
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

function fail(why) {
  console.error(`shorten-names: ${why}; ${wasmPath}, ${gluePath} and their types are left as they were`);
  process.exit(1);
}

// --- The wasm binary format, as much of it as the import and export sections need.
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
const sections = new Map();
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  // Custom sections (0) may repeat; only the import (2) and export (7) sections matter.
  if (id === 2 || id === 7) sections.set(id, { at, start, end: start + size });
  at = start + size;
}
const section = sections.get(2);
if (!section) fail("the wasm imports nothing");
const exportSection = sections.get(7);
if (!exportSection) fail("the wasm exports nothing");

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
// A name as a whole word of the glue: a regular expression's source, `$` escaped.
const escape = (name) => name.replace(/\$/g, "\\$");
const wholeWord = (name) => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g");
const renamed = new Map(fields.map((field, n) => [field, short(n)]));
// Only a plain identifier can be found, and renamed, as a word of the glue.
const plainIdentifier = (field, what) => {
  if (!/^[A-Za-z_$][\w$]*$/.test(field)) fail(`the ${what} ${field} is not a plain identifier`);
};

// --- The glue: the module's key once, each import's property once, as its object literal
// writes them (`"./x_bg.js":{` and `name:function` or `name(`), and no other mention.
const moduleKey = JSON.stringify(modules[0]);
if (glue.split(moduleKey).length !== 2) fail(`the glue does not name ${moduleKey} exactly once`);
glue = glue.replace(moduleKey, '"a"');
for (const [field, to] of renamed) {
  plainIdentifier(field, "import");
  const mention = wholeWord(field);
  const found = glue.match(mention)?.length ?? 0;
  if (found !== 1) fail(`the glue mentions the import ${field} ${found} times, not once`);
  glue = glue.replace(mention, to);
}

// --- The exports wasm-bindgen made for its glue alone, by their names' prefixes; the
// glue reaches them only as properties of the instance's exports (`u.__wbindgen_malloc`).
const INTERNAL = /^(__wbindgen_|__externref_|__wbg_|wasm_bindgen_)/;
const exports = [];
[count, p] = readU32(wasm, exportSection.start);
for (let i = 0; i < count; i++) {
  const [field, afterField] = readName(wasm, p);
  const [, end] = readU32(wasm, afterField + 1);
  exports.push({ field, description: wasm.subarray(afterField, end) });
  p = end;
}
if (p !== exportSection.end) fail("the export section has bytes after its last export");
const internal = exports.map((e) => e.field).filter((f) => INTERNAL.test(f));
// After the imports' names, so that no export shares one with an import (both tables are
// the glue's, but one short name each keeps the files easy to read).
const exportNames = new Map(internal.map((field, n) => [field, short(fields.length + n)]));
for (const { field } of exports) {
  if (!exportNames.has(field) && [...exportNames.values()].includes(field)) fail(`the export ${field} would share its name`);
}
for (const [field, to] of exportNames) {
  plainIdentifier(field, "export");
  const anyMention = glue.match(wholeWord(field))?.length ?? 0;
  const property = new RegExp(`(?<=\\.)${escape(field)}(?![\\w$])`, "g");
  const asProperty = glue.match(property)?.length ?? 0;
  if (anyMention !== asProperty) fail(`the glue names the export ${field} other than as a property (${anyMention - asProperty} of ${anyMention} mentions)`);
  glue = glue.replace(property, to);
}

// --- The type files wasm-bindgen wrote beside the two: `readonly name:` in the glue's
// InitOutput and `export const name:` in the wasm's.
const typeFiles = [gluePath.replace(/\.m?js$/, ".d.ts"), `${wasmPath}.d.ts`].filter((f) => existsSync(f));
const types = typeFiles.map((path) => {
  let text = readFileSync(path, "utf8");
  for (const [field, to] of exportNames) {
    const declared = new RegExp(`(?<=(?:readonly|export const) )${escape(field)}(?=:)`, "g");
    text = text.replace(declared, to);
  }
  return [path, text];
});

const entries = imports.map((i) =>
  Buffer.concat([name("a"), name(renamed.get(i.field)), i.description]),
);
const body = Buffer.concat([u32(imports.length), ...entries]);
const exportBody = Buffer.concat([
  u32(exports.length),
  ...exports.map((e) => Buffer.concat([name(exportNames.get(e.field) ?? e.field), e.description])),
]);
const [first, second] = [
  { id: 2, range: section, body },
  { id: 7, range: exportSection, body: exportBody },
].sort((x, y) => x.range.at - y.range.at);
const out = Buffer.concat([
  wasm.subarray(0, first.range.at),
  Buffer.from([first.id]), u32(first.body.length), first.body,
  wasm.subarray(first.range.end, second.range.at),
  Buffer.from([second.id]), u32(second.body.length), second.body,
  wasm.subarray(second.range.end),
]);

// What the browser will see: the same imports and exports, in order, under their new names.
const compiled = new WebAssembly.Module(out);
const seen = WebAssembly.Module.imports(compiled);
if (seen.length !== imports.length || seen.some((s, n) => s.module !== "a" || s.name !== renamed.get(imports[n].field))) {
  fail("the rewritten wasm does not list the renamed imports");
}
const seenExports = WebAssembly.Module.exports(compiled);
if (seenExports.length !== exports.length || seenExports.some((s, n) => s.name !== (exportNames.get(exports[n].field) ?? exports[n].field))) {
  fail("the rewritten wasm does not list the renamed exports");
}
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
for (const [path, text] of types) writeFileSync(path, text);
console.log(
  `shorten-names: ${imports.length} imports and ${exportNames.size} exports renamed, ` +
    `${wasm.length - out.length} bytes fewer in the wasm`,
);
