// The one piece of a receipt check the wasm module leaves to the browser: the Ed25519
// signature on the ledger's checkpoint. WebCrypto has Ed25519 (Chromium 137, Firefox
// 129, Safari 17), so the widget ships no Ed25519 code of its own.

/**
 * Whether `signature` (64 bytes) is an Ed25519 signature of `message` under the raw
 * 32-byte `publicKey`. Rejects when the browser has no Ed25519.
 */
export async function verifyEd25519(publicKey, signature, message) {
  const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
}
