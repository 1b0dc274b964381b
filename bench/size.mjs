// Sizes of what a browser downloads to show the prompt, and which crates the wasm's bytes
// come from, written to docs/BENCHMARKS.md.
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
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
// A file with the same bytes as one listed before it is one file to a page (hash-assets.mjs
// gives both one hashed copy: preload.js and its snippet twin), so it is not counted twice.
const seen = new Map();
const sizes = (raw) => ({
  raw: raw.length,
  gzip: gzipSync(raw, { level: 9 }).length,
  brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const rows = files.sort().map((f) => {
  const raw = readFileSync(f);
  const key = raw.toString("base64");
  const same = seen.get(key);
  seen.set(key, same ?? f);
  return {
    file: same ? `${f} (the same file as ${same}, counted once)` : f,
    counted: !same,
    ...sizes(raw),
  };
});
const total = rows
  .filter((r) => r.counted)
  .reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
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

// The floor: a Yew counter (bench/yew-counter) built and treated as the widget is
// (build_yew_counter in scripts/lib.sh, which `bash scripts/bench size` runs into
// YEW_COUNTER_DIR): what Yew, wasm-bindgen and std cost a first load before any widget code.
let floor = "";
const counterDir = process.env.YEW_COUNTER_DIR;
if (counterDir) {
  const [wasmSize, glueSize] = ["yew_counter_bg.wasm", "yew_counter.js"].map((name) =>
    sizes(readFileSync(join(counterDir, name))),
  );
  const counter = wasmSize.gzip + glueSize.gzip;
  floor = `The floor under that budget: the smallest Yew 0.23 app, a button that counts its clicks
(\`bench/yew-counter\`), built as the widget is (\`build_wasm\` in \`scripts/lib.sh\`: the same pinned
nightly, std rebuilt for size, immediate-abort, wasm-opt -Oz, minified glue, short import and export names):
wasm ${kb(wasmSize.gzip)} + glue ${kb(glueSize.gzip)} = **${kb(counter)} gzip** (raw ${kb(wasmSize.raw)} + ${kb(glueSize.raw)}).
That leaves ${kb(BUDGET_GZIP - counter)} of the budget for everything the widget adds; it adds ${kb(total.gzip - counter)}.
`;
  console.log(`\nfloor, a Yew counter built the same way: ${kb(counter)} gzip (wasm ${kb(wasmSize.gzip)}, glue ${kb(glueSize.gzip)})`);
}

// Which crates the wasm's bytes come from: twiggy's items of the release build as rustc
// left it (before wasm-bindgen and wasm-opt, so every function still has its name), each
// counted under the crate its demangled name starts with. A generic function counts for
// the crate that defines it, whatever crate instantiated it; a trait method for the crate
// of the type it is implemented on, or of the trait when that type is a primitive or a
// type parameter. wasm-bindgen's describe stubs, its custom section and the imports it
// rewrites never reach the browser, and are left out.
const wasmIn = join(process.env.CARGO_TARGET_DIR ?? "target", "wasm32-unknown-unknown/release/account_link_consent.wasm");
// The counter's, beside it: build_yew_counter builds it in a target directory of its own.
const counterIn = join("target", "yew-counter", "wasm32-unknown-unknown/release/yew_counter.wasm");
const twiggy = (wasm) => JSON.parse(execFileSync("twiggy", ["top", "-f", "json", wasm], { maxBuffer: 1 << 28 }).toString());

// `<X as Y>::f` and `<X>::f` name the crate of X, or of Y when X is no path (`T`, `str`,
// `[T]`, `&T`); `a[hash]::b::c` names `a`.
const crateOfPath = (name) => {
  let s = name;
  while (s.startsWith("<")) {
    let depth = 0;
    let end = 0;
    for (; end < s.length; end++) {
      if (s[end] === "<") depth++;
      else if (s[end] === ">" && --depth === 0) break;
    }
    const inner = s.slice(1, end);
    const as = inner.match(/^(.*?) as (.*)$/s);
    const self = (as ? as[1] : inner).replace(/^(&|\*const |\*mut |mut |dyn )+/, "");
    if (/^[A-Za-z_]\w*(\[[0-9a-f]+\])?::/.test(self)) {
      s = self;
      break;
    }
    if (!as) return "core"; // an inherent method of a primitive type: `<u32>::_fmt`
    s = as[2];
  }
  return s.match(/^([A-Za-z_]\w*)(\[[0-9a-f]+\])?::/)?.[1] ?? null;
};
const groupOf = (name) => {
  if (/^custom section |^"function names" subsection$|^import /.test(name)) return null;
  if (/^(export "|)__wbindgen_describe|\bwasm_bindgen::describe::/.test(name)) return null;
  const data = name.match(/^data segment "(.*)"$/);
  if (data) return `(data ${data[1]})`;
  if (/^(elem|table|type|global|memory|export)\b/.test(name)) return "(exports, tables, types)";
  if (!name.includes("::")) {
    if (/^(__wbindgen_|__externref_)/.test(name)) return "wasm_bindgen";
    if (/^__(rdl|rust|rg)_/.test(name)) return "std";
    if (/^__wbg_|_[0-9a-f]{16}$/.test(name)) return "(#[wasm_bindgen] export shims)";
    if (/^(__\w+[0-9]|mem(cpy|set|move|cmp))/.test(name)) return "compiler_builtins";
    return "(other)";
  }
  const crate = crateOfPath(name);
  return crate === "__rustc" ? "std" : crate ?? "(other)";
};
const byCrateOf = (wasm) => {
  const byCrate = new Map();
  for (const { name, shallow_size: bytes } of twiggy(wasm)) {
    const group = groupOf(name);
    if (group === null) continue;
    const g = byCrate.get(group) ?? { bytes: 0, items: 0 };
    g.bytes += bytes;
    g.items += 1;
    byCrate.set(group, g);
  }
  return byCrate;
};
const byCrate = byCrateOf(wasmIn);
const counterByCrate = counterDir ? byCrateOf(counterIn) : null;
const counterBytes = (crate) => (counterByCrate?.get(crate)?.bytes ?? 0).toLocaleString("en-US");
const crates = [...byCrate].sort((a, b) => b[1].bytes - a[1].bytes);
const codeTotal = crates.reduce((t, [, g]) => t + g.bytes, 0);
const itemsTotal = crates.reduce((t, [, g]) => t + g.items, 0);
const SHOWN = 1024; // smaller crates are summed on one row
const shown = crates.filter(([, g]) => g.bytes >= SHOWN);
const rest = crates.filter(([, g]) => g.bytes < SHOWN);
const restSum = rest.reduce((t, [, g]) => ({ bytes: t.bytes + g.bytes, items: t.items + g.items }), { bytes: 0, items: 0 });
const pct = (n) => ((100 * n) / codeTotal).toFixed(1) + " %";
// With the counter's raw bytes per crate beside them: what the widget adds, crate by crate.
const counterTotal = counterByCrate ? [...counterByCrate.values()].reduce((t, g) => t + g.bytes, 0) : 0;
const beside = (text) => (counterByCrate ? ` ${text} |` : "");
const restCounter = rest.reduce((t, [c]) => t + (counterByCrate?.get(c)?.bytes ?? 0), 0);
const crateTable = [
  `| crate | items | raw bytes | share |${beside("the Yew counter's raw bytes")}`,
  `|---|---:|---:|---:|${counterByCrate ? "---:|" : ""}`,
  ...shown.map(([c, g]) => `| ${c} | ${g.items} | ${g.bytes.toLocaleString("en-US")} | ${pct(g.bytes)} |${beside(counterBytes(c))}`),
  ...(rest.length ? [`| ${rest.length} more under 1 KB: ${rest.map(([c]) => c).join(", ")} | ${restSum.items} | ${restSum.bytes.toLocaleString("en-US")} | ${pct(restSum.bytes)} |${beside(restCounter.toLocaleString("en-US"))}`] : []),
  `| **total** | ${itemsTotal} | **${codeTotal.toLocaleString("en-US")}** | 100 % |${beside(`**${counterTotal.toLocaleString("en-US")}**`)}`,
].join("\n");
console.log();
console.log(crateTable);

const section = `<!-- size:start -->
### First-load transfer (wasm + JS glue + CSS, one locale)

Measured ${date} on ${machine} by \`bash scripts/bench\` (release build, wasm-opt -Oz).
Budget: 75 KB gzip. Result: **${verdict}**.

${table}

${floor}
#### Where the wasm's bytes come from, by crate

Measured ${date} on ${machine} by \`bash scripts/bench\` (\`node bench/size.mjs\`): \`twiggy top\` on
\`${wasmIn}\`, the release build before wasm-bindgen and wasm-opt,
each item counted under the crate its demangled name starts with (a generic function under the crate
that defines it, whatever instantiated it; a trait method under the crate of its self type, or of the
trait for primitives and type parameters). Left out: wasm-bindgen's describe stubs, its custom
section and the imports it rewrites. Raw bytes before wasm-opt, which shrinks the total to the
wasm's raw size above; they show the shares, not what each crate costs gzip.${counterByCrate ? `
The last column is the Yew counter's, counted the same way from \`${counterIn}\`
(a crate the counter has that the widget lacks is left out; the counter's own crate is not
the widget's).` : ""}

${crateTable}
<!-- size:end -->`;
const path = "docs/BENCHMARKS.md";
let doc = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n\nEvery figure here is written by a benchmark command; none is typed by hand.\n\n";
doc = /<!-- size:start -->[\s\S]*<!-- size:end -->/.test(doc)
  ? doc.replace(/<!-- size:start -->[\s\S]*<!-- size:end -->/, section)
  : doc + "\n" + section + "\n";
writeFileSync(path, doc);
