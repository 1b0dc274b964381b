# Shared by the scripts in this folder: idempotent set-up steps, each skipped when its
# result is already there, so a warm machine starts in seconds.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Panic locations embed source paths: shorter ones mean fewer wasm bytes. Set here, for
# the wasm32 target only, because a config file cannot name the cargo home portably.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src= --remap-path-prefix=/rustc=r"
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

say() { printf '\n==> %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" || {
    apt-get update -q && apt-get install -y --no-install-recommends "${missing[@]}"
  }
}

setup_rust_wasm() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  command -v wasm-pack >/dev/null ||
    { say "installing wasm-pack (about 2 minutes)"; cargo install wasm-pack --locked; }
  # wasm-pack would try to download wasm-bindgen; build the exact version Cargo.lock
  # pins instead, so the CLI and the library always match.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 3 minutes)"
    # Its published lockfile can name a since-yanked crate; then resolve afresh.
    cargo install wasm-bindgen-cli --version "$want" --locked ||
      cargo install wasm-bindgen-cli --version "$want"
  fi
}

setup_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

# The bundlers of the host apps in e2e/hosts/ (webpack 5, Vite), pinned by each host's
# lockfile. The widget itself is not in them: e2e/bundlers.test.mjs packs pkg/ and
# installs that tarball with --no-save on every run, so it always tests the current build.
setup_bundler_hosts() {
  local host
  for host in e2e/hosts/*/; do
    if [ ! -f "$host/node_modules/.package-lock.json" ] || [ "$host/package-lock.json" -nt "$host/node_modules/.package-lock.json" ]; then
      say "installing the bundler of ${host%/}"
      (cd "$host" && npm ci --no-audit --no-fund)
    fi
  done
}

# jwcrypto, for cross-checking tokens, in a venv of the project's own.
setup_python() {
  local venv="$ROOT/.tools/venv"
  if ! "$venv/bin/python" -c "import jwcrypto" 2>/dev/null; then
    say "installing jwcrypto (Python) for the token cross-check"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r e2e/requirements.txt
  fi
  export JWCRYPTO_PYTHON="$venv/bin/python"
}

setup_browsers() {
  apt_install chromium chromium-driver
}

# Glyphs for the Japanese and Chinese prompts (e2e/locales.test.mjs takes the Japanese
# one's screenshot for docs/); Debian's default fonts already cover Arabic and Hebrew.
setup_fonts() {
  apt_install fonts-noto-cjk
}

# Debian's Firefox ESR and geckodriver built from crates.io: no tool downloads a browser or
# a driver binary. Not exported as GECKODRIVER: the wasm-bindgen test runner prefers that
# variable over CHROMEDRIVER, so it would turn the Chromium run into a second Firefox run.
GECKODRIVER_BIN="${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver"
setup_firefox() {
  apt_install firefox-esr
  [ -x "$GECKODRIVER_BIN" ] ||
    { say "building geckodriver from crates.io (about 5 minutes)"; cargo install geckodriver --locked; }
}

# The backend's tests start throwaway PostgreSQL clusters (they would install it too).
setup_postgres() {
  apt_install postgresql
}

# The widget's release build rebuilds std on a pinned nightly (-Zbuild-std) with panics as
# bare traps (no formatting machinery, no messages, no locations) and std's size-optimised
# algorithms, which the prebuilt stable std cannot do: about 11 KB less wasm, gzipped
# (docs/DESIGN.md, Toolchain notes). Pinned by date, so that figures and behaviour change
# only when this line does; installed here when missing (idempotent, under a second when
# present). When it cannot be installed, the build falls back to stable with a warning;
# WIDGET_STABLE=1 asks for stable. Only this build: wasm-pack test and clippy stay on stable.
WIDGET_NIGHTLY=nightly-2026-10-30

widget_nightly_ready() {
  [ "${WIDGET_STABLE:-0}" != 1 ] || return 1
  command -v rustup >/dev/null || return 1
  # Already there with both extras: nothing to ask the network.
  local sysroot log
  if rustup toolchain list | grep -q "^$WIDGET_NIGHTLY-" &&
    sysroot=$(rustc "+$WIDGET_NIGHTLY" --print sysroot 2>/dev/null) &&
    [ -d "$sysroot/lib/rustlib/src/rust/library" ] && [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
    return 0
  fi
  log=$(rustup toolchain install "$WIDGET_NIGHTLY" --profile minimal \
    -c rust-src -t wasm32-unknown-unknown 2>&1) && return 0
  # rustup's error lines, without the backtrace RUST_BACKTRACE may add.
  printf '%s\n' "$log" | grep -E '^(error|warn)' | head -n 5 >&2
  printf '\nWARNING: cannot install %s; building the widget on stable instead (about 11 KB more gzip).\n' \
    "$WIDGET_NIGHTLY" >&2
  return 1
}

# Builds the wasm-pack crate in directory $1 into $2 (an absolute path) the way the widget's
# release is built: the pinned nightly with std rebuilt for size (else stable), then npm's
# wasm-opt. The widget and the size benchmark's Yew counter (bench/yew-counter) share it,
# so that the counter is a fair floor. Further arguments go to wasm-pack.
build_wasm() {
  local dir=$1 out=$2
  shift 2
  if widget_nightly_ready; then
    say "building $dir (wasm-pack, release, $WIDGET_NIGHTLY with std rebuilt for size)"
    local src
    src="$(rustc "+$WIDGET_NIGHTLY" --print sysroot)/lib/rustlib/src/rust"
    (
      # wasm-pack runs cargo and rustc through rustup's proxies, which obey this.
      export RUSTUP_TOOLCHAIN="$WIDGET_NIGHTLY"
      # -Zlocation-detail=none: a panic here is a bare trap that reports no location, so
      # the file names and line numbers kept for one are dead weight (about 1 KB gzip).
      export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS --remap-path-prefix=$src=r -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
      wasm-pack build --release --target web --out-dir "$out" "$@" "$dir" -- \
        -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
    )
  else
    say "building $dir (wasm-pack, release, stable)"
    wasm-pack build --release --target web --out-dir "$out" "$@" "$dir"
  fi
  # Debian's wasm-opt is too old for today's rustc output; npm's binaryen is not.
  # --converge repeats -Oz while it still shrinks the module: about 0.4 KB gzip more.
  local wasm
  for wasm in "$out"/*_bg.wasm; do
    wasm-opt -Oz --converge --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers "$wasm" -o "$wasm"
  done
}

# The smallest Yew app, a counter, built as the widget is and its glue treated alike, into
# $1: what Yew itself costs a first load (bench/size.mjs). Its own target directory, so
# that it never invalidates the widget's build.
build_yew_counter() {
  local out=$1
  CARGO_TARGET_DIR="$ROOT/target/yew-counter" build_wasm "$ROOT/bench/yew-counter" "$out" --no-pack
  node "$ROOT/scripts/minify-js.mjs" "$out/yew_counter.js"
  node "$ROOT/scripts/shorten-names.mjs" "$out/yew_counter_bg.wasm" "$out/yew_counter.js"
}

build_widget() {
  build_wasm "$PWD" "$PWD/pkg" "$@"
  # The self-initialising entry sits beside the glue it imports, and is listed in the
  # package (a side effect, so bundlers keep it). So do the challenge preloader a page
  # starts before the wasm, the isolated frame mode's host bridge and the script of the
  # frame page the backend serves.
  cp js/register.js js/register.d.ts js/preload.js js/preload.d.ts js/frame.js js/frame.d.ts js/frame-page.js pkg/
  node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
    pkg.files = [...new Set([...(pkg.files ?? []), "register.js", "register.d.ts", "preload.js", "preload.d.ts", "frame.js", "frame.d.ts", "frame-page.js"])];
    pkg.sideEffects = [...new Set([...(pkg.sideEffects ?? []), "./register.js"])];
    fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
  '
  # Comments, whitespace and local names cost every first load; the .d.ts files keep the
  # documentation. About 6 KB gzip over the glue, its snippets and our own modules.
  # preload.js is both a page's module and a snippet of the glue's: minified alike, the two
  # stay one file (one hashed copy, one module in the browser).
  node scripts/minify-js.mjs pkg/account_link_consent.js pkg/snippets/*/js/*.js \
    pkg/register.js pkg/preload.js pkg/frame.js pkg/frame-page.js
  # wasm-bindgen's import names carry 16 hex digits each, and its own exports long names,
  # written in the wasm and in the glue: short names in both save about 6 KB gzip.
  node scripts/shorten-names.mjs pkg/account_link_consent_bg.wasm pkg/account_link_consent.js
  # The snippet modules the glue imports, but preload.js, go into the glue: three requests
  # fewer before the wasm's on a first visit.
  node scripts/inline-snippets.mjs pkg/account_link_consent.js
  # What the backend serves as immutable: content-hashed copies, precompressed, in pkg/assets/
  # (not in the npm package, whose package.json lists its files).
  node scripts/hash-assets.mjs pkg
}
