// The audit page: the latest checkpoint and its signature, the ledger's entries as
// the public sees them (leaf hashes) or as an auditor does (the decisions), and each
// check's result in plain words. The checks themselves are in audit-verify.js.
// Everything the server sends is shown as text, never as HTML.
import { b64decode, leafHash, parseCheckpoint, rootsEqual, treeRoot, verifyCheckpoint, verifyDecisionToken, verifyInclusion } from "./audit-verify.js";
import { knownLocale } from "./locales.js";

/** The most entries listed (and rebuilt into a tree) at once: one request's worth. */
const PAGE = 1000;
const $ = (id) => document.getElementById(id);

const page = {
  /** The auditor token, in memory only; `null` in the public view. */
  token: null,
  /** `{size, root, verified, reason}` of the checkpoint shown. */
  checkpoint: null,
  /** Per listed entry: `{index, leafHash, result}`, `result` its inclusion cell. */
  rows: [],
};

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A line of the checks list: ✓ (held), ✗ (did not) or – (not checked), and what it means. */
function report(ok, text) {
  const li = el("li");
  const [mark, className] = ok === null ? ["– ", ""] : ok ? ["✓ ", "ok"] : ["✗ ", "bad"];
  li.append(el("span", mark, className), text);
  $("checks").append(li);
}

function outcome(cell, ok, text) {
  cell.textContent = `${ok ? "✓" : "✗"} ${text}`;
  cell.className = ok ? "ok" : "bad";
}

async function fetchOk(url, options) {
  const res = await fetch(url, options);
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    throw new Error(problem.detail ?? `${url} answered ${res.status}`);
  }
  return res;
}

async function loadCheckpoint() {
  const published = await (await fetchOk("/.well-known/consent-ledger-key")).json();
  const note = await (await fetchOk("/v1/ledger/checkpoint")).text();
  $("checkpoint").textContent = note;
  $("published-key").textContent = published.vkey;
  try {
    const cp = await verifyCheckpoint(note, published);
    page.checkpoint = { size: cp.size, root: cp.root, verified: true };
    report(true, `The checkpoint was signed by the key published at /.well-known/consent-ledger-key (${cp.origin}, key id ${cp.keyId}): a tree of ${cp.size} entries with this root.`);
  } catch (err) {
    // Still list what the note claims, so that the failure can be seen entry by entry.
    const claimed = (() => {
      try {
        return parseCheckpoint(note);
      } catch {
        return { size: 0, root: new Uint8Array(32) };
      }
    })();
    page.checkpoint = { size: claimed.size, root: claimed.root, verified: false, reason: err.message };
    report(false, `The checkpoint's signature does not hold: ${err.message}. Nothing below is proven.`);
  }
}

async function fetchEntries(size) {
  const headers = page.token ? { Authorization: `Bearer ${page.token}` } : {};
  const res = await fetchOk(`/v1/ledger/entries?start=0&end=${Math.min(size, PAGE)}`, { headers });
  return (await res.json()).entries;
}

/** Rebuilds the tree from every listed leaf hash and compares it with the signed root. */
async function checkComplete(entries) {
  const { size, root, verified } = page.checkpoint;
  if (size > PAGE) {
    report(null, `Not checked: the tree has ${size} entries, more than this page lists (${PAGE}); check entries one by one.`);
    return;
  }
  const rebuilt = await treeRoot(entries.map((e) => b64decode(e.leaf_hash)));
  if (entries.length === size && rootsEqual(rebuilt, root)) {
    report(verified, verified
      ? `The ${size} leaf hashes listed rebuild the signed root: the list is the whole tree, in order.`
      : `The ${size} leaf hashes listed rebuild the root the checkpoint claims, but that checkpoint is not signed.`);
  } else {
    report(false, `The ${entries.length} leaf hashes listed do not rebuild the checkpoint's root (${size} entries): the list and the checkpoint disagree.`);
  }
}

async function checkInclusion(row) {
  const { size, root, verified, reason } = page.checkpoint;
  if (!verified) {
    outcome(row.result, false, `Not proven: the checkpoint is not signed by the published key (${reason})`);
    return false;
  }
  row.result.textContent = "Checking…";
  row.result.className = "";
  try {
    const res = await fetchOk(`/v1/ledger/proof/inclusion?index=${row.index}&size=${size}`);
    const proof = (await res.json()).inclusion_proof.map(b64decode);
    const ok = await verifyInclusion(row.index, size, row.leafHash, proof, root);
    outcome(row.result, ok, ok ? "In the signed tree" : "Not proven: the proof does not lead to the signed root");
    return ok;
  } catch (err) {
    outcome(row.result, false, `Not proven: ${err.message}`);
    return false;
  }
}

function inclusionCell(row) {
  const td = el("td");
  const button = el("button", "Check", "link-button");
  button.type = "button";
  button.setAttribute("aria-label", `Check that entry ${row.index} is in the signed tree`);
  button.addEventListener("click", () => checkInclusion(row));
  row.result = el("span");
  row.result.setAttribute("role", "status");
  td.append(button, " ", row.result);
  return td;
}

const short = (s) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);

const DIRECTIONS = [["linkedin_to_microsoft", "LinkedIn → Microsoft"], ["microsoft_to_linkedin", "Microsoft → LinkedIn"]];

/** What the signed `flows` claim says moves each way: the categories that flow, or "nothing". */
function flowsCell(flows) {
  const td = el("td");
  for (const [key, label] of DIRECTIONS) {
    const on = Object.entries(flows?.[key] ?? {}).filter(([, flowing]) => flowing === true).map(([c]) => c);
    td.append(el("div", `${label}: ${on.length ? on.join(", ") : "nothing"}`));
  }
  return td;
}

/**
 * The notice the user was shown, linked to the exact text its digest covers, as the
 * server keeps every published version. Only a well-formed digest becomes a link.
 */
function noticeCell(notice) {
  const td = el("td");
  const name = `${notice.id} v${notice.ver}`;
  if (/^[0-9a-f]{64}$/.test(String(notice.sha256))) {
    const a = el("a", name);
    a.href = `/v1/notices/${notice.sha256}`;
    a.title = `The text this decision was made on (sha256 ${notice.sha256.slice(0, 12)}…)`;
    td.append(a);
  } else {
    td.textContent = name;
  }
  return td;
}

/**
 * The language the notice was shown in: its tag and, for a locale the widget ships, the
 * locale's own name ("nl — Nederlands"); any other tag as it was signed, as text.
 */
function languageCell(tag) {
  const td = el("td", undefined, "lang");
  if (typeof tag !== "string" || tag === "") {
    td.textContent = "?";
    return td;
  }
  const known = knownLocale(tag);
  if (!known) {
    td.textContent = tag;
    return td;
  }
  const name = el("bdi", known[1]);
  name.lang = known[0];
  td.append(`${tag} — `, name);
  return td;
}

/** An auditor's row: the decision decoded from the leaf, and whether leaf and token hold. */
async function auditorCells(entry, hash) {
  const cells = [];
  let leaf;
  const checks = [];
  if (!rootsEqual(await leafHash(new TextEncoder().encode(entry.leaf)), hash)) {
    checks.push([false, "the leaf served is not the one hashed into the tree"]);
  }
  try {
    leaf = JSON.parse(entry.leaf);
    if (leaf.kind === "key_change") {
      // A subject's new device key is an entry of its own; it carries no token to check.
      checks.push([true, "a change of device key, hashed into the tree like a decision"]);
      cells.push(
        el("td", leaf.changed_at),
        el("td", "device key changed"),
        el("td", "—"),
        el("td", "—"),
        el("td", `${short(String(leaf.old_key_thumbprint))} → ${short(String(leaf.new_key_thumbprint))}`),
        el("td", short(String(leaf.sub))),
      );
      const td = el("td");
      outcome(td, checks.every(([ok]) => ok), checks.map(([, t]) => t).join("; "));
      cells.push(td);
      return cells;
    }
    const claims = await verifyDecisionToken(leaf.token, leaf.key_thumbprint);
    checks.push([true, "signed by the recorded device key"]);
    cells.push(
      el("td", leaf.received_at),
      el("td", String(claims.choice).replace(/_/g, " ")),
      flowsCell(claims.flows),
      noticeCell(claims.notice ?? {}),
      languageCell(claims.notice?.lang),
      el("td", short(String(claims.sub))),
    );
  } catch (err) {
    checks.push([false, err.message]);
    cells.push(el("td", leaf?.received_at ?? "?"), ...["?", "?", "?", "?", "?"].map((t) => el("td", t)));
  }
  const td = el("td");
  const failed = checks.filter(([ok]) => !ok);
  const [ok, text] = failed.length ? [false, failed.map(([, t]) => t).join("; ")] : [true, checks.map(([, t]) => t).join("; ")];
  outcome(td, ok, text);
  cells.push(td);
  return cells;
}

async function render(entries) {
  const auditor = page.token !== null;
  const columns = auditor ? ["#", "Received", "Choice", "What flows", "Notice", "Language", "Subject", "Leaf and signature", "Inclusion"] : ["#", "Leaf hash", "Inclusion"];
  const tr = el("tr");
  for (const c of columns) {
    const th = el("th", c);
    th.scope = "col";
    tr.append(th);
  }
  $("entries-head").replaceChildren(tr);
  page.rows = [];
  const rows = [];
  for (const entry of entries) {
    const row = { index: entry.index, leafHash: b64decode(entry.leaf_hash) };
    const tr = el("tr");
    tr.append(el("td", String(entry.index)));
    if (auditor) tr.append(...(await auditorCells(entry, row.leafHash)));
    else tr.append(el("td", entry.leaf_hash, "hash"));
    tr.append(inclusionCell(row));
    page.rows.push(row);
    rows.push(tr);
  }
  if (entries.length === 0) {
    const td = el("td", "No decisions yet.");
    td.colSpan = columns.length;
    const empty = el("tr");
    empty.append(td);
    rows.push(empty);
  }
  $("entries").replaceChildren(...rows);
  $("check-all-status").textContent = "";
  const { size } = page.checkpoint;
  $("view-note").textContent = (auditor
    ? "Auditor view: each entry's decision, decoded from the token in its leaf."
    : "Public view: leaf hashes only. A decision's content is shown to its own subject (export) and to auditors.")
    + (size > PAGE ? ` The first ${PAGE} of ${size} entries are listed.` : "");
}

async function show() {
  $("checks").replaceChildren();
  await loadCheckpoint();
  const entries = await fetchEntries(page.checkpoint.size);
  await checkComplete(entries);
  await render(entries);
}

async function checkAll() {
  const status = $("check-all-status");
  let proven = 0;
  for (const [i, row] of page.rows.entries()) {
    status.textContent = `Checking ${i + 1} of ${page.rows.length}…`;
    if (await checkInclusion(row)) proven++;
  }
  status.textContent = `${proven} of ${page.rows.length} entries proven in the signed tree.`;
  status.className = proven === page.rows.length ? "ok" : "bad";
}

function setAuditor(token) {
  page.token = token;
  $("public-view").hidden = token === null;
}

$("auditor-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = $("auditor-token");
  const token = input.value.trim();
  input.value = "";
  if (!token) {
    $("auditor-status").textContent = "Paste an auditor token first.";
    return;
  }
  const previous = page.token;
  setAuditor(token);
  try {
    await show();
    $("auditor-status").textContent = "Showing the decisions (auditor view).";
  } catch (err) {
    setAuditor(previous);
    $("auditor-status").textContent = `The auditor token was not accepted: ${err.message}`;
    await show().catch(() => {});
  }
});

$("public-view").addEventListener("click", async () => {
  setAuditor(null);
  $("auditor-status").textContent = "Back to the public view; the token is forgotten.";
  await show();
});

$("check-all").addEventListener("click", checkAll);

show().catch((err) => {
  $("checkpoint").textContent = `The ledger could not be read: ${err.message}`;
});
