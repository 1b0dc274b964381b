// The per-core reference for ES256 verification: npm jose's jwtVerify over the same
// tokens the backend benchmark sent, one after another on one thread, key taken from
// each token's header as the backend takes it. Prints one JSON line:
// {"tokens": n, "seconds": s, "per_second": r, "version": v}.
//
//   node bench/jose-verify.mjs TOKENS_FILE AUDIENCE
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { jwtVerify, EmbeddedJWK } from "jose";

const [file, audience] = process.argv.slice(2);
if (!file || !audience) {
  console.error("usage: node bench/jose-verify.mjs TOKENS_FILE AUDIENCE");
  process.exit(2);
}
const tokens = readFileSync(file, "utf8").split("\n").filter(Boolean);
if (tokens.length === 0) throw new Error(`${file} holds no tokens`);
const options = { typ: "consent-decision+jwt", audience, algorithms: ["ES256"] };

// One untimed pass warms the JIT and checks every token verifies: a benchmark of
// refusals would measure nothing.
for (const t of tokens) await jwtVerify(t, EmbeddedJWK, options);

const started = process.hrtime.bigint();
for (const t of tokens) await jwtVerify(t, EmbeddedJWK, options);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const version = createRequire(import.meta.url)("jose/package.json").version;
console.log(JSON.stringify({ tokens: tokens.length, seconds, per_second: tokens.length / seconds, version }));
