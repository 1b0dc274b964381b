// Sizes of what a browser downloads to show the prompt, written to docs/BENCHMARKS.md.
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import os from "node:os";

const BUDGET_GZIP = 75 * 1024;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    // assets/ holds hashed copies of the same files (scripts/hash-assets.mjs): counted once.
    if (statSync(p).isDirectory()) {
      if (p !== join("pkg", "assets")) walk(p);
    }
    else if (/\.(wasm|js|css)$/.test(name)) files.push(p);
  }
};
walk("pkg");
const rows = files.sort().map((f) => {
  const raw = readFileSync(f);
  return {
    file: f,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1) + " KB";
const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
const verdict = total.gzip <= BUDGET_GZIP ? "within budget" : `OVER budget by ${kb(total.gzip - BUDGET_GZIP)}`;

const table = [
  "| file | raw | gzip -9 | brotli -q 11 |",
  "|---|---:|---:|---:|",
  ...rows.map((r) => `| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  `| **total** | ${kb(total.raw)} | **${kb(total.gzip)}** | ${kb(total.brotli)} |`,
].join("\n");
console.log(table);
console.log(`budget 75 KB gzip: ${verdict}`);

const section = `<!-- size:start -->
### First-load transfer (wasm + JS glue + CSS, one locale)

Measured ${date} on ${machine} by \`bash scripts/bench\` (release build, wasm-opt -Oz).
Budget: 75 KB gzip. Result: **${verdict}**.

${table}
<!-- size:end -->`;
const path = "docs/BENCHMARKS.md";
let doc = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n\nEvery figure here is written by a benchmark command; none is typed by hand.\n\n";
doc = /<!-- size:start -->[\s\S]*<!-- size:end -->/.test(doc)
  ? doc.replace(/<!-- size:start -->[\s\S]*<!-- size:end -->/, section)
  : doc + "\n" + section + "\n";
writeFileSync(path, doc);
