// Bundles into wasm-bindgen's glue the snippet modules it imports (js/element.js, js/vault.js,
// js/ledger.js, ...), all but preload.js, and deletes the bundled files from the package.
// Each module a page fetches is one more request; on a first visit over HTTP/1.1 each one
// waits for a connection of its own, and the wasm's request queued behind them. preload.js
// stays a module of its own because a page loads it first, before the glue, to start the
// first challenge (its state lives on globalThis, so either copy of it finds the answer).
//
//   node scripts/inline-snippets.mjs GLUE
//
// The glue keeps its exports, its `new URL("…_bg.wasm", import.meta.url)` for bundlers and its
// first-line `@ts-self-types` comment. Nothing is written or deleted unless the bundle builds.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";

const KEPT = /(^|[\\/])preload\.js$/;

const glue = process.argv[2];
if (!glue || process.argv.length > 3) {
  console.error("usage: node scripts/inline-snippets.mjs GLUE");
  process.exit(2);
}
const source = readFileSync(glue, "utf8");
const selfTypes = source.match(/^\/\* @ts-self-types="[^"]*" \*\/\n/)?.[0] ?? "";
const root = dirname(resolve(glue));

/** The glue-relative name of `path`, as an import the glue can keep. */
const fromGlue = (path) => "./" + relative(root, path).split(sep).join("/");

const inlined = [];
let result;
try {
  result = await build({
    entryPoints: [glue],
    bundle: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    write: false,
    metafile: true,
    plugins: [{
      name: "keep-preload",
      setup(b) {
        // Every preload.js import, from the glue or from a snippet, names the glue's one copy.
        b.onResolve({ filter: KEPT }, (args) => ({
          path: fromGlue(resolve(args.resolveDir, args.path)),
          external: true,
        }));
        // Anything else that is not a file of the package (a bare name) stays for whoever
        // loads the glue to resolve, as before.
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === "entry-point" ? undefined : { path: args.path, external: true }));
      },
    }],
  });
} catch (e) {
  console.error(`inline-snippets: ${glue} could not be bundled, nothing changed:\n${e.message}`);
  process.exit(1);
}
for (const input of Object.keys(result.metafile.inputs)) {
  const path = resolve(input);
  if (path !== resolve(glue)) inlined.push(path);
}
writeFileSync(glue, selfTypes + result.outputFiles[0].text);
for (const path of inlined) rmSync(path);
console.log(`inline-snippets: ${inlined.length} module(s) bundled into ${glue}: ${inlined.map(fromGlue).join(", ") || "none"}`);
