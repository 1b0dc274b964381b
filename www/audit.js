// The audit page: ledger entries, the latest checkpoint, and an RFC 9162 inclusion
// proof check done here with WebCrypto, so the result does not rest on the server.
const $ = (id) => document.getElementById(id);
const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const b64url = (s) => b64(s.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(s.length / 4) * 4, "="));
const eq = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

async function sha256(...parts) {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", all));
}
const leafHash = (bytes) => sha256(Uint8Array.of(0), bytes);
const nodeHash = (l, r) => sha256(Uint8Array.of(1), l, r);

/** RFC 9162 section 2.1.3.2. */
async function verifyInclusion(index, size, leaf, proof, root) {
  if (index >= size) return false;
  let fn = index, sn = size - 1, r = leaf;
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
  return sn === 0 && eq(r, root);
}

const cell = (text) => {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
};

async function check(entry, checkpointSize, checkpointRoot, out) {
  out.textContent = "Checking…";
  const res = await fetch(`/v1/ledger/proof/inclusion?index=${entry.index}&size=${checkpointSize}`);
  const proof = await res.json();
  const leaf = await leafHash(new TextEncoder().encode(entry.leaf));
  const ok = await verifyInclusion(entry.index, checkpointSize, leaf, proof.inclusion_proof.map(b64), checkpointRoot);
  out.textContent = ok ? "✓ Included in the signed tree" : "✗ Not proven: this entry does not match the checkpoint";
  out.className = ok ? "ok" : "bad";
}

async function main() {
  const note = await (await fetch("/v1/ledger/checkpoint")).text();
  $("checkpoint").textContent = note;
  const [, sizeLine, rootLine] = note.split("\n");
  const size = Number(sizeLine);
  const root = b64(rootLine);
  const { entries } = await (await fetch(`/v1/ledger/entries?start=0&end=${size}`)).json();
  $("entries").replaceChildren(
    ...entries.map((entry) => {
      const leaf = JSON.parse(entry.leaf);
      const claims = JSON.parse(new TextDecoder().decode(b64url(leaf.token.split(".")[1])));
      const tr = document.createElement("tr");
      const result = document.createElement("span");
      result.setAttribute("role", "status");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = "Verify";
      button.setAttribute("aria-label", `Verify inclusion of entry ${entry.index}`);
      button.addEventListener("click", () => check(entry, size, root, result));
      const action = document.createElement("td");
      action.append(button, " ", result);
      tr.append(
        cell(String(entry.index)),
        cell(leaf.received_at),
        cell(claims.choice.replace("_", " ")),
        cell(claims.sub.slice(0, 10) + "…"),
        cell(leaf.key_thumbprint.slice(0, 10) + "…"),
        action,
      );
      return tr;
    }),
  );
  if (entries.length === 0) {
    const tr = document.createElement("tr");
    const td = cell("No decisions yet.");
    td.colSpan = 6;
    tr.append(td);
    $("entries").append(tr);
  }
}

main().catch((err) => {
  $("checkpoint").textContent = `The ledger could not be read: ${err.message}`;
});
