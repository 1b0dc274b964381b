// What each locale costs a page, and runtime Fluent in the wasm against compiling Fluent on
// the server, written to docs/BENCHMARKS.md. Run by `bash scripts/bench locales`, which
// gathers the inputs in one folder:
//   texts.json          `{"en":[...],...}`: catalogue::texts per locale (the `text` of a
//                       challenge response), from the consent-core example locale_texts
//   today/              the widget's wasm and JS glue as built (scripts/lib.sh build_widget)
//   fluent/             the same, built with fluent-bundle and a format_message export added
//   fluent-version      the fluent-bundle version that build resolved
// Usage: node bench/locales.mjs <folder>
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import os from "node:os";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node bench/locales.mjs <folder>");
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const b = (n) => `${n.toLocaleString("en-US")} B`;
const sb = (n) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toLocaleString("en-US")} B`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// 1. Per locale: the text the backend sends, and the .ftl runtime Fluent would fetch instead.
const texts = JSON.parse(readFileSync(join(dir, "texts.json"), "utf8"));
const locales = Object.entries(texts).map(([lang, strings]) => {
  const ftlPath = `crates/consent-core/messages/${lang}.ftl`;
  return {
    lang,
    strings: strings.length,
    json: sizes(Buffer.from(JSON.stringify(strings), "utf8")),
    ftl: existsSync(ftlPath) ? sizes(readFileSync(ftlPath)) : null,
  };
});
if (locales.length === 0) throw new Error("no locales in texts.json");
const byGzip = [...locales].sort((x, y) => x.json.gzip - y.json.gzip);
const smallest = byGzip[0];
const largest = byGzip[byGzip.length - 1];
const en = locales.find((l) => l.lang === "en");
const ja = locales.find((l) => l.lang === "ja");

const localeTable = [
  "| locale | strings | text JSON raw | gzip -9 | brotli -q 11 | its .ftl raw | .ftl gzip -9 | .ftl brotli -q 11 |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
  ...locales.map(
    (l) =>
      `| ${l.lang} | ${l.strings} | ${b(l.json.raw)} | ${b(l.json.gzip)} | ${b(l.json.brotli)} | ` +
      (l.ftl ? `${b(l.ftl.raw)} | ${b(l.ftl.gzip)} | ${b(l.ftl.brotli)} |` : "– | – | – |"),
  ),
].join("\n");
const spread = `Largest minus smallest, gzip: ${largest.lang} ${b(largest.json.gzip)} − ${smallest.lang} ${b(smallest.json.gzip)} = **${b(largest.json.gzip - smallest.json.gzip)}** (how much a first load can differ between locales).`;
const enJa =
  en && ja
    ? `en against ja: gzip ${b(en.json.gzip)} against ${b(ja.json.gzip)} (${sb(ja.json.gzip - en.json.gzip)} for ja); raw ${b(en.json.raw)} against ${b(ja.json.raw)}; brotli ${b(en.json.brotli)} against ${b(ja.json.brotli)}.`
    : "en or ja is missing from the catalogue.";

// 2. The widget's wasm and glue, today and with runtime Fluent.
const pkgFiles = (sub) => {
  const names = readdirSync(join(dir, sub));
  const wasm = names.find((n) => n.endsWith("_bg.wasm"));
  const js = names.find((n) => n.endsWith(".js"));
  if (!wasm || !js) throw new Error(`${sub}: no wasm or JS glue`);
  return { wasm: sizes(readFileSync(join(dir, sub, wasm))), js: sizes(readFileSync(join(dir, sub, js))) };
};
const today = pkgFiles("today");
const fluent = pkgFiles("fluent");
const sum = (p) => ({ raw: p.wasm.raw + p.js.raw, gzip: p.wasm.gzip + p.js.gzip, brotli: p.wasm.brotli + p.js.brotli });
const todayBoth = sum(today);
const fluentBoth = sum(fluent);
const version = readFileSync(join(dir, "fluent-version"), "utf8").trim();
const row = (what, t, f) =>
  `| ${what} | ${b(t.raw)} | ${b(f.raw)} | ${sb(f.raw - t.raw)} | ${b(t.gzip)} | ${b(f.gzip)} | **${sb(f.gzip - t.gzip)}** | ${b(t.brotli)} | ${b(f.brotli)} | ${sb(f.brotli - t.brotli)} |`;
const fluentTable = [
  "| file | raw today | raw runtime Fluent | Δ | gzip -9 today | gzip -9 runtime Fluent | Δ | brotli -q 11 today | brotli -q 11 runtime Fluent | Δ |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  row("wasm (wasm-opt -Oz)", today.wasm, fluent.wasm),
  row("JS glue", today.js, fluent.js),
  row("**wasm + glue**", todayBoth, fluentBoth),
].join("\n");

// Per locale, what a runtime-Fluent page would download on top of today's: the runtime
// in the wasm and glue, and the whole .ftl in place of the compiled text.
const runtime = fluentBoth.gzip - todayBoth.gzip;
const perLocale = locales.filter((l) => l.ftl).map((l) => runtime + l.ftl.gzip - l.json.gzip);
const lo = Math.min(...perLocale);
const hi = Math.max(...perLocale);
const ftlExtra = locales.filter((l) => l.ftl).map((l) => l.ftl.gzip - l.json.gzip);
const verdict =
  runtime > 0
    ? `Compiling Fluent on the server keeps **${kb(runtime)} gzip** of runtime out of every download of the widget, ` +
      `and with the whole .ftl a runtime-Fluent page would fetch in place of its text (${sb(Math.min(...ftlExtra))} to ${sb(Math.max(...ftlExtra))} gzip), ` +
      `a first load in any one locale would be ${kb(lo)} to ${kb(hi)} gzip larger with runtime Fluent.`
    : `Runtime Fluent added no gzip bytes to the widget (${sb(runtime)}); per locale a first load would differ by ${sb(lo)} to ${sb(hi)} gzip.`;

console.log(localeTable);
console.log(spread);
console.log(enJa);
console.log();
console.log(fluentTable);
console.log(`fluent-bundle ${version}`);
console.log(verdict.replaceAll("**", ""));

const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
const section = `<!-- locales:start -->
### Languages: what each locale costs, and runtime Fluent against compiling it on the server

Measured ${date} on ${machine} by \`bash scripts/bench locales\`.
A page downloads the text of one locale: the \`text\` array of the backend's challenge response,
\`consent_core::catalogue::texts(locale)\` as JSON (from \`cargo run -p consent-core --example locale_texts --features locales\`).
Runtime Fluent would download that locale's whole Fluent source (\`crates/consent-core/messages/<locale>.ftl\`) instead.

${localeTable}

${spread}
${enJa}

Runtime Fluent: the widget built as it is, and built again in a temporary worktree of the same tree
with \`fluent-bundle ${version}\` and \`unic-langid\` in its dependencies and one exported
\`format_message(ftl, lang, id)\` that parses a resource, builds a bundle and formats a message
(release build, wasm-opt -Oz, as in the first-load transfer above).

${fluentTable}

${verdict}
<!-- locales:end -->`;
const path = "docs/BENCHMARKS.md";
let doc = readFileSync(path, "utf8");
if (/<!-- locales:start -->[\s\S]*<!-- locales:end -->/.test(doc)) {
  doc = doc.replace(/<!-- locales:start -->[\s\S]*<!-- locales:end -->/, () => section);
} else if (doc.includes("<!-- size:end -->")) {
  doc = doc.replace("<!-- size:end -->", () => `<!-- size:end -->\n\n${section}`);
} else {
  doc = doc + "\n" + section + "\n";
}
writeFileSync(path, doc);
