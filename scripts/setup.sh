# Installs what SamePage's commands need, and nothing that is already there.
# Sourced by scripts/serve, scripts/test and scripts/bench; every step is idempotent.
# Trunk never downloads a tool: the versions pinned in Trunk.toml are put on PATH here.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
TERSER_VERSION="5.51.2"

export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# rustfmt and clippy, which scripts/test's lints need (a minimal rustup profile has neither).
ensure_lint_tools() {
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    say "Adding rustfmt and clippy"
    rustup component add rustfmt clippy
  fi
}

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say "Installing trunk $TRUNK_VERSION (about 17 minutes the first time)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $version"; then
    say "Installing wasm-bindgen-cli $version (about 7 minutes the first time)"
    # Not --locked: its locked webpki-roots is newer than the registry mirror here.
    cargo install wasm-bindgen-cli --version "$version"
  fi
  if ! grep -q "wasm_bindgen = \"$version\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $version: update [tools]." >&2
    exit 1
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null; then
    say "Installing Node.js and npm"
    as_root apt-get update -qq
    as_root apt-get install -y -qq nodejs npm
  fi
}

# Build tools from npm, into .tools/: binaryen runs wasm-opt on Node (Debian's binaryen 108
# builds a wasm that crashes), and terser minifies the wasm-bindgen JS glue, which trunk's own
# minifier cannot parse.
ensure_build_packages() {
  ensure_node
  if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}" \
    || [ "$(node -p "require('$TOOLS/node_modules/terser/package.json').version" 2>/dev/null)" != "$TERSER_VERSION" ]; then
    say "Installing wasm-opt (npm binaryen@$BINARYEN_VERSION) and terser@$TERSER_VERSION"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --no-save \
      "binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION" >/dev/null
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and ChromeDriver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

ensure_e2e_packages() {
  ensure_node
  if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/e2e/node_modules/axe-core" ]; then
    say "Installing the browser-test packages (playwright-core, axe-core)"
    npm ci --prefix "$ROOT/e2e" --no-audit --no-fund >/dev/null
  fi
}

# Everything needed to build and serve the app.
ensure_app_tools() {
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_build_packages
  ensure_trunk
}

# Builds the release into dist/. Two pages, with a wasm each: the survey (index.html, into
# dist/, which is also the embed: samepage.js) and the workshop page (workshop.html, into
# dist/workshop/, built with the `workshop` feature). The survey's build empties dist/, so it
# goes first. Then the advice each page loads after its first screen is written beside it,
# the later wasm and the QR wasm are built (cargo and wasm-opt: they have no wasm-bindgen
# glue for trunk to make), and scripts/assemble.mjs writes the loaders and the later wasms'
# modules and makes the pages CSP-clean and relative.
build_release() {
  say "Building the release (trunk build --release: survey page, then workshop page)"
  # Wherever cargo's configuration puts its builds (CARGO_TARGET_DIR, build.target-dir).
  local target
  target="$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps --offline \
    | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')"
  local built="$target/wasm32-unknown-unknown/release"
  (cd "$ROOT" && cargo fetch --quiet \
    && trunk build --release --offline \
    && trunk build workshop.html --release --offline --dist dist/workshop --public-url /workshop/ \
    && cargo run --quiet --bin samepage-advice -- dist --whole dist/workshop \
    && cargo build --quiet --release --target wasm32-unknown-unknown --bin samepage-report --bin samepage-qr \
    && for bin in samepage-report samepage-qr; do
      wasm-opt -Oz --converge --low-memory-unused --zero-filled-memory --strip-debug --strip-producers \
        --strip-target-features "$built/$bin.wasm" -o "dist/${bin}_bg.wasm" || exit 1
    done \
    && node scripts/assemble.mjs dist samepage.js shadow \
    && node scripts/assemble.mjs dist/workshop workshop.js page dist)
}
