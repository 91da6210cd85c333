#!/usr/bin/env bash
# Installs what the real-editor tests need, OUTSIDE the extension's own
# dependencies: Debian's Chromium, ripgrep, Neovim and code-server's native build
# prerequisites (apt), then code-server 4.100.3 (VS Code 1.100.3, the last line
# that runs on Node 20) from the npm registry into a cache folder.
#
#   NEWS_LENS_E2E_CACHE  where code-server goes (default: $HOME/.cache/news-lens-e2e)
#   SKIP_APT=1           don't touch apt even when packages are missing
#
# Idempotent: a second run with everything in place does nothing. Works offline
# except for apt and the npm registry (see ../shared/docs/real-vscode.md).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE="${NEWS_LENS_E2E_CACHE:-$HOME/.cache/news-lens-e2e}"
APT_PACKAGES=(chromium ripgrep neovim libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev build-essential python3 pkg-config)

log() { printf '[install-e2e] %s\n' "$*" >&2; }

# 1. Debian packages (only the missing ones; needs root).
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ "${SKIP_APT:-}" == 1 ]]; then
    log "missing Debian packages (SKIP_APT=1, not installing): ${missing[*]}"
  elif [[ $(id -u) -ne 0 ]]; then
    log "missing Debian packages: ${missing[*]} — run as root or: sudo apt-get install -y ${missing[*]}"
    exit 1
  else
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

ENTRY="$CACHE/node_modules/code-server/out/node/entry.js"
PTY="$CACHE/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node"
if [[ -f "$ENTRY" && -f "$PTY" ]] &&
   [[ "$(node -p "require('$CACHE/node_modules/code-server/package.json').version")" == "$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION already in $CACHE"
  exit 0
fi

# 2. ripgrep: @vscode/ripgrep's postinstall downloads rg from GitHub, which is
# unreachable here. It first looks in its cache for this exact archive, so give
# it one holding Debian's rg at the top level.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RG_TARBALL="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$RG_TARBALL" ]]; then
  command -v rg >/dev/null || { log "ripgrep (rg) not found; install Debian's ripgrep package"; exit 1; }
  mkdir -p "$RG_CACHE"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -C "$staging" -czf "$RG_TARBALL" rg
  rm -rf "$staging"
  log "seeded ripgrep cache $RG_TARBALL"
fi

# 3. code-server itself, in its own little package so it never mixes with ours.
mkdir -p "$CACHE"
if [[ ! -f "$CACHE/package.json" ]]; then
  printf '{ "name": "news-lens-e2e-cache", "private": true }\n' >"$CACHE/package.json"
fi
log "npm install code-server@$CODE_SERVER_VERSION into $CACHE (about a minute)"
# unsafe_perm: as root its postinstall refuses to run otherwise; yes: one native
# module runs `npx node-gyp`, which would prompt.
(cd "$CACHE" &&
  npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION")

[[ -f "$ENTRY" ]] || { log "code-server entry point missing after install: $ENTRY"; exit 1; }
[[ -f "$PTY" ]] || { log "node-pty was not built (missing $PTY); see the npm output above"; exit 1; }
log "code-server $CODE_SERVER_VERSION installed in $CACHE"
