// The host as a SharePoint Framework web part is built: webpack 5, production mode, no
// loader or rule for the widget. wasm-pack's glue asks for its wasm with
// `new URL("account_link_consent_bg.wasm", import.meta.url)`, which webpack 5 itself
// turns into an emitted asset with a hashed name; nothing is copied by hand.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";

const here = dirname(fileURLToPath(import.meta.url));

/** The page beside the bundle, so `dist/` is the whole deployable host. */
class EmitIndexHtml {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmitIndexHtml", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitIndexHtml", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("index.html", new webpack.sources.RawSource(readFileSync(join(here, "index.html"))));
      });
    });
  }
}

export default {
  entry: "./src/index.js",
  output: { path: process.env.OUT_DIR ?? join(here, "dist"), filename: "main.js", clean: true },
  // The wasm (about 330 KiB, fetched and compiled in parallel with the page) is not
  // part of the entrypoint webpack's size hints are about.
  performance: { assetFilter: (name) => !name.endsWith(".wasm") },
  plugins: [
    // Where the consent backend lives is the deployment's to say, at build time.
    new webpack.DefinePlugin({ CONSENT_BACKEND_URL: JSON.stringify(process.env.CONSENT_BACKEND_URL ?? "https://consent.contoso.example/") }),
    new EmitIndexHtml(),
  ],
};
