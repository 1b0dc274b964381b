// The audit page's checks, done in the browser with WebCrypto so that their results
// rest on the published key and on arithmetic, not on the server's word: the
// checkpoint's Ed25519 signature (C2SP signed note), RFC 9162 inclusion proofs and
// tree roots, and (for auditors) each decision token's ES256 signature. No DOM here;
// every failure is a thrown Error whose message says what did not hold.

const enc = new TextEncoder();

/** Standard base64 to bytes; throws on anything else. */
export function b64decode(s) {
  if (typeof s !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    throw new Error(`not base64: ${JSON.stringify(String(s).slice(0, 40))}`);
  }
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

/** base64url (no padding) to bytes. */
export function b64urlDecode(s) {
  if (typeof s !== "string" || !/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("not base64url");
  const std = s.replace(/-/g, "+").replace(/_/g, "/");
  return b64decode(std.padEnd(Math.ceil(std.length / 4) * 4, "="));
}

const b64urlEncode = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function sha256(...parts) {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", all));
}

/** RFC 9162: a leaf is SHA-256(0x00 || data), an interior node SHA-256(0x01 || l || r). */
export const leafHash = (bytes) => sha256(Uint8Array.of(0), bytes);
const nodeHash = (l, r) => sha256(Uint8Array.of(1), l, r);

/**
 * Splits a C2SP signed note into its body (the text the signatures cover, final
 * newline included) and its signature lines, and reads a tlog checkpoint's first
 * three body lines: origin, tree size, base64 root hash.
 */
export function parseCheckpoint(note) {
  const split = note.indexOf("\n\n");
  if (split < 0) throw new Error("the checkpoint has no blank line before its signatures");
  const body = note.slice(0, split + 1);
  const [origin, sizeLine, rootLine] = body.split("\n");
  if (!origin) throw new Error("the checkpoint names no origin");
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeLine ?? "")) throw new Error(`the tree size ${JSON.stringify(sizeLine)} is not a number`);
  const root = b64decode(rootLine ?? "");
  if (root.length !== 32) throw new Error("the root hash is not 32 bytes");
  const signatures = note
    .slice(split + 2)
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const m = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!m) throw new Error(`not a signature line: ${JSON.stringify(line.slice(0, 60))}`);
      const blob = b64decode(m[2]);
      return { name: m[1], keyId: blob.slice(0, 4), signature: blob.slice(4) };
    });
  return { body, origin, size: Number(sizeLine), root, signatures };
}

/** C2SP signed-note key id of an Ed25519 key: SHA-256(name || "\n" || 0x01 || key)[:4]. */
export async function keyId(name, publicKey) {
  return (await sha256(enc.encode(name + "\n"), Uint8Array.of(1), publicKey)).slice(0, 4);
}

/**
 * Verifies `note` against the key the server publishes at
 * /.well-known/consent-ledger-key (`{origin, public_key, vkey}`). Returns the
 * checkpoint `{origin, size, root, keyId}`; throws when the note is malformed, names
 * another key, or its signature does not verify.
 */
export async function verifyCheckpoint(note, published) {
  const checkpoint = parseCheckpoint(note);
  const publicKey = b64decode(published.public_key);
  if (publicKey.length !== 32) throw new Error("the published key is not a 32-byte Ed25519 key");
  const name = published.origin;
  const id = await keyId(name, publicKey);
  // The verifier key string carries the same id: a second, independent statement of it.
  const [vname, vid] = String(published.vkey).split("+");
  if (vname !== name || vid !== hex(id)) throw new Error("the published verifier key does not match the published key");
  if (checkpoint.origin !== name) throw new Error(`the checkpoint is for ${JSON.stringify(checkpoint.origin)}, the key for ${JSON.stringify(name)}`);
  const mine = checkpoint.signatures.filter((s) => s.name === name && equal(s.keyId, id));
  if (mine.length === 0) throw new Error("the checkpoint carries no signature by the published key");
  const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  for (const s of mine) {
    if (s.signature.length === 64 && (await crypto.subtle.verify("Ed25519", key, s.signature, enc.encode(checkpoint.body)))) {
      return { origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root, keyId: hex(id) };
    }
  }
  throw new Error("the signature does not verify: the checkpoint was altered or not signed by the published key");
}

/** RFC 9162, 2.1.3.2: whether `proof` leads from `leaf` at `index` to `root` of a tree of `size`. */
export async function verifyInclusion(index, size, leaf, proof, root) {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/** RFC 9162, 2.1.1: the root of the tree with these leaf hashes. */
export async function treeRoot(leaves) {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(await treeRoot(leaves.slice(0, k)), await treeRoot(leaves.slice(k)));
}

export const rootsEqual = equal;

/**
 * Checks a decision token as an auditor sees it in a leaf: its ES256 signature under
 * the P-256 key in its own header, and that key's RFC 7638 thumbprint against the one
 * the ledger recorded. Returns the claims; throws when either does not hold.
 */
export async function verifyDecisionToken(token, thumbprint) {
  const parts = String(token).split(".");
  if (parts.length !== 3) throw new Error("the token is not a compact JWS");
  const header = JSON.parse(new TextDecoder().decode(b64urlDecode(parts[0])));
  const claims = JSON.parse(new TextDecoder().decode(b64urlDecode(parts[1])));
  const jwk = header.jwk ?? {};
  if (header.alg !== "ES256" || jwk.kty !== "EC" || jwk.crv !== "P-256") throw new Error("the token is not signed with ES256 on P-256");
  const members = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  if (b64urlEncode(await sha256(enc.encode(members))) !== thumbprint) {
    throw new Error("the key in the token is not the key the ledger recorded");
  }
  const key = await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  const ok = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, b64urlDecode(parts[2]), enc.encode(`${parts[0]}.${parts[1]}`));
  if (!ok) throw new Error("the token's signature does not verify");
  return claims;
}
