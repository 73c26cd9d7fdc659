#!/usr/bin/env bash
# Prepares what the end-to-end tests need when no desktop VS Code is available (see
# ../shared/ENVIRONMENT.md): VS Code 1.96 from the `code-server` npm package, and a headless
# Chromium from Debian. Idempotent and cached: a finished install is keyed on the code-server
# version and marked complete only at the very end, so an interrupted run starts over cleanly.
#
# Environment: SHIPSHAPE_E2E_CACHE (default: <repo>/.vscode-test, git-ignored),
#              CODE_SERVER_VERSION (default 4.96.4: VS Code 1.96.4, the last one on Node 20),
#              CHROMIUM_PATH (use this browser instead of installing one).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="${CODE_SERVER_VERSION:-4.96.4}"
cache_root="${SHIPSHAPE_E2E_CACHE:-$repo_root/.vscode-test}"
install_dir="$cache_root/code-server-$version"
marker="$install_dir/.shipshape-setup-complete"

say() { printf '[e2e setup] %s\n' "$*"; }

mkdir -p "$cache_root"
# Two runs at once (two terminals, or a test run started during setup) would corrupt the cache.
exec 9>"$cache_root/.setup.lock"
flock 9

find_chromium() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" ]] && { echo "$CHROMIUM_PATH"; return 0; }
    say "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
    return 1
  fi
  command -v chromium || command -v chromium-browser || return 1
}

install_chromium() {
  if find_chromium >/dev/null; then
    say "chromium: $(find_chromium) (already installed)"
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    say "chromium is missing: install it with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH" >&2
    exit 1
  fi
  say "installing chromium with apt-get (Debian package 'chromium')"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  say "chromium: $(find_chromium)"
}

install_code_server() {
  if [[ -f "$marker" ]]; then
    say "code-server $version: cached in $install_dir"
    return
  fi
  local started=$SECONDS
  local work="$install_dir.partial"
  rm -rf "$work" "$install_dir"
  mkdir -p "$work"
  say "installing code-server@$version (VS Code web workbench + server) into $install_dir"

  # Its own postinstall fetches a git dependency from GitHub, so every step it would do is done
  # here by hand, with install scripts off and only the native modules VS Code needs rebuilt.
  (
    cd "$work"
    printf '{ "private": true, "name": "shipshape-e2e-code-server" }\n' >package.json
    say "npm install --ignore-scripts code-server@$version"
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$version"

    cd node_modules/code-server/lib/vscode
    # The shrinkwrap pins @vscode/proxy-agent to a GitHub URL, unreachable here.
    rm -f npm-shrinkwrap.json
    say "npm install (VS Code server production dependencies)"
    npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
    # kerberos is left out on purpose: it needs GSSAPI headers and only serves proxy auth.
    say "npm rebuild node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid (native, with g++)"
    npm rebuild --loglevel=error node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid
    # The symlinks code-server's postinstall would create.
    ln -sfn node_modules node_modules.asar
    ln -sfn code-linux.sh bin/remote-cli/code-server
    ln -sfn browser-linux.sh bin/helpers/browser.sh
    say "npm install (built-in extensions' dependencies)"
    (cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

    cd "$work"
    say "npm rebuild argon2 (native, with g++)"
    npm rebuild --loglevel=error argon2
  )
  mv "$work" "$install_dir"
  touch "$marker"
  say "code-server $version ready in $((SECONDS - started)) s ($(du -sh "$install_dir" | cut -f1))"
}

install_chromium
install_code_server
