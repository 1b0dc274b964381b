// The audit page's checks (www/audit-verify.js) on their own, in Node's WebCrypto:
// signed notes built here the way the backend builds them, then altered one way at a
// time; RFC 9162 roots and inclusion proofs against a straightforward reference; and
// decision tokens signed here with ES256.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { keyId, leafHash, parseCheckpoint, treeRoot, verifyCheckpoint, verifyDecisionToken, verifyInclusion } from "../www/audit-verify.js";

const enc = new TextEncoder();
const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
const sha = (...parts) => new Uint8Array(createHash("sha256").update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest());

/** A ledger key as the backend publishes it, and a signer of checkpoints under it. */
async function ledgerKey(origin = "consent.example/ledger") {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const pk = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const id = await keyId(origin, pk);
  const published = { origin, public_key: b64(pk), vkey: `${origin}+${Buffer.from(id).toString("hex")}+${b64([1, ...pk])}` };
  const sign = async (body, signingId = id) => {
    const sig = new Uint8Array(await crypto.subtle.sign("Ed25519", pair.privateKey, enc.encode(body)));
    return `${body}\n\u2014 ${origin} ${b64([...signingId, ...sig])}\n`;
  };
  return { published, sign, id };
}

test("a checkpoint signed by the published key verifies, and every alteration fails", async () => {
  const key = await ledgerKey();
  const root = sha("root");
  const body = `consent.example/ledger\n5\n${b64(root)}\n`;
  const note = await key.sign(body);
  const cp = await verifyCheckpoint(note, key.published);
  assert.equal(cp.size, 5);
  assert.deepEqual(cp.root, root);
  assert.equal(cp.keyId, Buffer.from(key.id).toString("hex"));

  const other = await ledgerKey();
  const failures = {
    "size changed": [note.replace("\n5\n", "\n6\n"), /signature does not verify/],
    "root changed": [note.replace(b64(root), b64(sha("other"))), /signature does not verify/],
    "signed by another key under this key's id": [await other.sign(body, key.id), /signature does not verify/],
    "signed by another key under its own id": [await other.sign(body), /no signature by the published key/],
    "another origin": [await key.sign(`evil.example/ledger\n5\n${b64(root)}\n`), /is for "evil\.example\/ledger"/],
    "no signature": [`${body}\n`, /no signature by the published key/],
    "no blank line": [body, /no blank line/],
    "size not a number": [await key.sign(`consent.example/ledger\n05\n${b64(root)}\n`), /not a number/],
    "root too short": [await key.sign(`consent.example/ledger\n5\n${b64(root.slice(1))}\n`), /not 32 bytes/],
    "garbage signature line": [`${body}\n-- consent.example/ledger AAAA\n`, /not a signature line/],
  };
  for (const [what, [forged, message]] of Object.entries(failures)) {
    await assert.rejects(verifyCheckpoint(forged, key.published), message, what);
  }
  // The published key must agree with itself.
  await assert.rejects(verifyCheckpoint(note, { ...key.published, vkey: other.published.vkey }), /verifier key does not match/);
  assert.equal(parseCheckpoint(note).signatures.length, 1);
});

/** RFC 9162 2.1.3.1, the obvious recursive way: the audit path of leaf m in `leaves`. */
async function path(m, leaves) {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k ? [...(await path(m, leaves.slice(0, k))), await treeRoot(leaves.slice(k))] : [...(await path(m - k, leaves.slice(k))), await treeRoot(leaves.slice(0, k))];
}

test("tree roots and inclusion proofs follow RFC 9162", async () => {
  assert.deepEqual(await treeRoot([]), sha(""));
  const leaves = await Promise.all(Array.from({ length: 9 }, (_, i) => leafHash(enc.encode(`leaf ${i}`))));
  assert.deepEqual(leaves[0], sha([0], enc.encode("leaf 0")));
  assert.deepEqual(await treeRoot(leaves.slice(0, 2)), sha([1], leaves[0], leaves[1]));
  for (let size = 1; size <= leaves.length; size++) {
    const tree = leaves.slice(0, size);
    const root = await treeRoot(tree);
    for (let i = 0; i < size; i++) {
      const proof = await path(i, tree);
      assert.ok(await verifyInclusion(i, size, tree[i], proof, root), `${i} of ${size}`);
      assert.ok(!(await verifyInclusion(i, size, sha("not a leaf"), proof, root)), `wrong leaf ${i} of ${size}`);
      if (size > 1) {
        assert.ok(!(await verifyInclusion((i + 1) % size, size, tree[i], proof, root)), `wrong index ${i} of ${size}`);
        const bent = proof.map((p, j) => (j === 0 ? sha("bent") : p));
        assert.ok(!(await verifyInclusion(i, size, tree[i], bent, root)), `altered proof ${i} of ${size}`);
      }
    }
    assert.ok(!(await verifyInclusion(size, size, tree[0], [], root)), "index beyond the tree");
  }
});

test("a decision token verifies under the key the ledger recorded, and not otherwise", async () => {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const { x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const header = { typ: "consent-decision+jwt", alg: "ES256", jwk: { kty: "EC", crv: "P-256", x, y } };
  const claims = { choice: "both_ways", sub: "abc", notice: { id: "n", ver: 1, lang: "en" } };
  const input = `${b64url(enc.encode(JSON.stringify(header)))}.${b64url(enc.encode(JSON.stringify(claims)))}`;
  const sig = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, enc.encode(input)));
  const token = `${input}.${b64url(sig)}`;
  const thumbprint = b64url(sha(enc.encode(JSON.stringify({ crv: "P-256", kty: "EC", x, y }))));

  assert.deepEqual(await verifyDecisionToken(token, thumbprint), claims);
  await assert.rejects(verifyDecisionToken(token, b64url(sha("another key"))), /not the key the ledger recorded/);
  const flipped = Uint8Array.from(sig, (b, i) => (i === 10 ? b ^ 1 : b));
  await assert.rejects(verifyDecisionToken(`${input}.${b64url(flipped)}`, thumbprint), /signature does not verify/);
  const otherClaims = b64url(enc.encode(JSON.stringify({ ...claims, choice: "not_now" })));
  await assert.rejects(verifyDecisionToken(`${input.split(".")[0]}.${otherClaims}.${b64url(sig)}`, thumbprint), /signature does not verify/);
  await assert.rejects(verifyDecisionToken("a.b", thumbprint), /not a compact JWS/);
});
