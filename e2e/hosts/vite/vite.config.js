// Only the dev server needs this: its dependency pre-bundling would move the widget's
// glue into node_modules/.vite/deps/ without the wasm beside it, so the glue's
// `new URL("account_link_consent_bg.wasm", import.meta.url)` would point at nothing.
// Excluded, the package is served as installed. `vite build` needs no setting at all.
export default {
  optimizeDeps: { exclude: ["account-link-consent"] },
};
