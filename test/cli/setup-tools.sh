#!/usr/bin/env bash
# Installs the real tools the CLI's integration tests drive, only when missing: Debian's `pre-commit`
# and `neovim` (0.7 in Debian 12). Idempotent; as root it uses apt-get, otherwise it says what to run.
set -euo pipefail

say() { printf '[cli setup] %s\n' "$*"; }

missing=()
command -v pre-commit >/dev/null || missing+=(pre-commit)
command -v nvim >/dev/null || missing+=(neovim)
# pre-commit's `language: node` hooks run `npm install` of the hook repository and need git.
command -v git >/dev/null || missing+=(git)

if [[ ${#missing[@]} -eq 0 ]]; then
  say "pre-commit $(pre-commit --version | cut -d' ' -f2), $(nvim --version | head -1): already installed"
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  say "missing: ${missing[*]}; install with 'sudo apt-get install -y ${missing[*]}'" >&2
  exit 1
fi
# Two test files may ask at once: apt/dpkg allow one at a time.
exec 9>/tmp/shipshape-cli-setup.lock
flock 9
say "installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
say "installed: ${missing[*]}"
