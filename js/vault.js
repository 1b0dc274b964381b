// The device's signing key and the outbox of signed decisions, kept in IndexedDB.
//
// The private key is a non-extractable WebCrypto key: its bytes are never visible to
// JavaScript or to the wasm module, which only holds an opaque handle to it. This glue
// is JavaScript because IndexedDB's event-based API costs far more wasm through
// web-sys than these few lines do here.

const DB_NAME = "account-link-consent";
const KEYS = "keys";
const OUTBOX = "outbox";
const ECDSA = { name: "ECDSA", namedCurve: "P-256" };

let opening = null;

function openDb() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS);
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: "jti" });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  }).catch((err) => {
    opening = null; // a later call may succeed (e.g. after the other tab closed)
    throw err;
  });
  return opening;
}

function run(store, mode, op) {
  return openDb().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(store, mode, { durability: "strict" });
        const req = op(tx.objectStore(store));
        tx.oncomplete = () => resolve(req?.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
      }),
  );
}

function usable(stored) {
  return (
    stored &&
    stored.privateKey instanceof CryptoKey &&
    stored.privateKey.type === "private" &&
    stored.privateKey.algorithm?.namedCurve === "P-256" &&
    stored.jwk?.kty === "EC"
  );
}

const loading = new Map();

/**
 * The signing key for `scope` (one per backend and subject): the stored one, or a new
 * one when there is none or it is unusable. `persistent` is false when IndexedDB is
 * unavailable; the key then lives only as long as the page. Concurrent calls for one
 * scope share one load, so a first use can never create two keys.
 */
export function deviceKey(scope) {
  if (!loading.has(scope)) {
    loading.set(scope, loadOrCreate(scope).finally(() => loading.delete(scope)));
  }
  return loading.get(scope);
}

async function loadOrCreate(scope) {
  let persistent = true;
  try {
    const stored = await run(KEYS, "readonly", (s) => s.get(scope));
    if (usable(stored)) return { privateKey: stored.privateKey, jwk: stored.jwk, created: false, persistent };
  } catch {
    persistent = false;
  }
  const pair = await crypto.subtle.generateKey(ECDSA, false, ["sign", "verify"]);
  const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const jwk = { kty, crv, x, y };
  if (persistent) {
    try {
      await run(KEYS, "readwrite", (s) => s.put({ privateKey: pair.privateKey, jwk }, scope));
    } catch {
      persistent = false;
    }
  }
  return { privateKey: pair.privateKey, jwk, created: true, persistent };
}

/** ECDSA P-256 / SHA-256 over the UTF-8 of `text`: 64 bytes r||s, as JWS wants. */
export async function sign(privateKey, text) {
  const sig = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, new TextEncoder().encode(text));
  return new Uint8Array(sig);
}

/** `count` cryptographically random bytes. */
export function randomBytes(count) {
  return crypto.getRandomValues(new Uint8Array(count));
}

export function outboxPut(entry) {
  return run(OUTBOX, "readwrite", (s) => s.put(entry));
}

export async function outboxAll() {
  return (await run(OUTBOX, "readonly", (s) => s.getAll())) ?? [];
}

export function outboxDelete(jti) {
  return run(OUTBOX, "readwrite", (s) => s.delete(jti));
}
