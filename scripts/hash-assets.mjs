// Content-hashed copies of what a page loads to show the prompt, for the backend to serve as
// immutable: the glue, the modules it imports, the wasm, register.js and preload.js, each beside its
// gzip -9 and brotli q11 twin, and a manifest from each file's name in pkg/ to its copy.
//
//   node scripts/hash-assets.mjs [PKG_DIR]     # writes PKG_DIR/assets/ (default: pkg)
//
// A copy's name hashes its own bytes after the names it refers to were replaced by theirs, so
// a change anywhere below a file renames the file too, and a cached copy can never meet a
// rebuilt neighbour. The plain package in pkg/ is left as it is: its package.json lists its
// files, so assets/ never reaches the npm tarball.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join, posix, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const pkg = process.argv[2] ?? "pkg";
const out = join(pkg, "assets");
const MANIFEST = "manifest.json";
const GLUE = "account_link_consent.js";
const WASM = "account_link_consent_bg.wasm";

function fail(message) {
  console.error(`hash-assets: ${message}`);
  process.exit(1);
}

for (const f of [GLUE, WASM, "register.js", "preload.js"]) {
  if (!existsSync(join(pkg, f))) fail(`${join(pkg, f)} is missing: build the widget first (wasm-pack)`);
}

/** Every module of the snippets wasm-bindgen copied, by its path in pkg/ ("/"-separated). */
function snippets(dir = join(pkg, "snippets")) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? snippets(join(dir, e.name)) : e.name.endsWith(".js") ? [relative(pkg, join(dir, e.name)).split("\\").join("/")] : [],
  );
}

const logical = [WASM, GLUE, "register.js", "preload.js", ...snippets()];
const known = new Set(logical);

// Static imports and re-exports at the start of a line or right after a `;` (minified modules
// have them all on one line), so the usage examples in doc comments are not taken for code;
// and the glue's default wasm URL. A relative name outside
// the set would break once its importer moves to assets/, so it is an error.
const STATIC = /(?:^|;)[ \t]*(?:import|export)\b[^;]*?\bfrom\s*(["'])([^"']+)\1|(?:^|;)[ \t]*import\s*(["'])([^"']+)\3/gm;
const BESIDE = /\bnew URL\(\s*(["'])([^"':]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** What `file` refers to, resolved to pkg-relative names. */
function references(file, text) {
  const found = [];
  const add = (quote, spec) => {
    const target = posix.normalize(posix.join(posix.dirname(file), spec));
    if (!known.has(target)) fail(`${file} refers to ${spec} (${target}), which is not among the hashed assets`);
    found.push({ spec, target, quote });
  };
  for (const m of text.matchAll(STATIC)) {
    const [quote, spec] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    // Bare names are for a bundler or an import map to resolve, not files of ours.
    if (spec.startsWith("./") || spec.startsWith("../")) add(quote, spec);
  }
  for (const m of text.matchAll(BESIDE)) add(m[1], m[2]);
  // A dynamic import of a relative name would escape both checks above and 404 from assets/.
  const dynamic = text.match(/\bimport\(\s*["']\.\.?\//);
  if (dynamic) fail(`${file} imports a relative module dynamically, which this script cannot rename`);
  return found;
}

const texts = new Map(logical.filter((f) => f.endsWith(".js")).map((f) => [f, readFileSync(join(pkg, f), "utf8")]));
const refs = new Map([...texts].map(([f, t]) => [f, references(f, t)]));

// Leaves first, so every file's references already have their final names; a cycle between
// modules has no such order and would need a different scheme.
const hashed = new Map();
const bytes = new Map();
const visiting = new Set();
function place(file) {
  if (hashed.has(file)) return;
  if (visiting.has(file)) fail(`modules refer to each other in a cycle through ${file}`);
  visiting.add(file);
  let body;
  if (texts.has(file)) {
    let text = texts.get(file);
    for (const r of refs.get(file)) {
      place(r.target);
      // Every copy sits in assets/ itself, so a reference is just the other copy's name.
      const quoted = `${r.quote}${r.spec}${r.quote}`;
      text = text.split(quoted).join(`${r.quote}./${hashed.get(r.target)}${r.quote}`);
    }
    body = Buffer.from(text);
  } else {
    body = readFileSync(join(pkg, file));
  }
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const ext = extname(file);
  hashed.set(file, `${basename(file, ext)}.${hash}${ext}`);
  bytes.set(file, body);
  visiting.delete(file);
}
logical.forEach(place);

// Two files with one name have the same bytes (the name hashes them): one copy serves both,
// e.g. preload.js, which a page imports and the glue imports as a snippet, so that both are
// one module in the browser.
const byName = new Map();
for (const [file, name] of hashed) {
  const same = byName.get(name);
  if (same && !bytes.get(same).equals(bytes.get(file))) fail(`${same} and ${file} would both be ${name}`);
  byName.set(name, file);
}
const names = [...byName.keys()];

const previous = (() => {
  try {
    return JSON.parse(readFileSync(join(out, MANIFEST), "utf8"));
  } catch {
    return null;
  }
})();

/** Renamed into place, so an interrupted build never leaves a truncated file under a final name. */
function writeWhole(path, data) {
  writeFileSync(path + ".tmp", data);
  renameSync(path + ".tmp", path);
}

mkdirSync(out, { recursive: true });
for (const [file, name] of hashed) {
  const body = bytes.get(file);
  const target = join(out, name);
  // Same name, same bytes: a copy from an earlier build is already right.
  if (existsSync(target) && existsSync(target + ".gz") && existsSync(target + ".br")) continue;
  const text = file.endsWith(".js");
  writeWhole(target + ".gz", gzipSync(body, { level: 9 }));
  writeWhole(
    target + ".br",
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
  // The plain file last, as the sign that its set is complete (see the check above).
  writeWhole(target, body);
}

// Static imports, transitively, so a page's modulepreload of the glue can name them all at once
// instead of the browser finding them one level at a time.
const imports = (file, seen = new Set()) => {
  for (const r of refs.get(file) ?? []) {
    if (r.target.endsWith(".js") && !seen.has(r.target)) {
      seen.add(r.target);
      imports(r.target, seen);
    }
  }
  return [...seen].sort();
};
const manifest = {
  version: 1,
  assets: Object.fromEntries(
    logical.sort().map((f) => [f, { file: hashed.get(f), ...(f.endsWith(".js") ? { imports: imports(f) } : {}) }]),
  ),
};
// Last, so a server starting mid-build reads either manifest whole, each naming files that exist.
writeWhole(join(out, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");

// The previous build's copies stay, so a backend still serving the page it templated from the
// previous manifest keeps working across one rebuild; anything older goes.
const keep = new Set([MANIFEST]);
for (const m of [manifest, previous]) {
  for (const { file } of Object.values(m?.assets ?? {})) {
    if (typeof file === "string") for (const s of ["", ".gz", ".br"]) keep.add(file + s);
  }
}
for (const name of readdirSync(out)) {
  if (!keep.has(name)) rmSync(join(out, name), { recursive: true, force: true });
}
for (const [file, name] of hashed) console.log(`${file} -> ${posix.join(basename(out), name)}`);
