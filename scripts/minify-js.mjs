// Minifies, in place, the ES modules a page loads from pkg/: wasm-bindgen's glue, the snippet
// modules it copied, and our own js/ files. Comments, whitespace and local names go; imports,
// exports and the `new URL("…_bg.wasm", import.meta.url)` that bundlers look for stay as they
// are, and no syntax is lowered. The glue's first-line `@ts-self-types` comment, which points
// TypeScript at its .d.ts, is kept. The .d.ts files are not touched.
//
//   node scripts/minify-js.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { transformSync } from "esbuild";

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const selfTypes = source.match(/^\/\* @ts-self-types="[^"]*" \*\/\n/)?.[0] ?? "";
  const { code } = transformSync(source, {
    format: "esm",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    sourcefile: file,
  });
  writeFileSync(file, selfTypes + code);
}
