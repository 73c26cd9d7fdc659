#!/usr/bin/env bash
# Installs the real tools the CLI's and the server's integration tests drive, only when missing: Debian's
# `pre-commit`, `neovim` (0.7 in Debian 12), `shellcheck` (0.9) and `python3-pyflakes` (2.5, program
# `pyflakes3`; a `pyflakes` from pip counts too). Given package names (`setup-tools.sh shellcheck`), only those. Idempotent; as root it uses apt-get, otherwise it says what to run.
set -euo pipefail

say() { printf '[cli setup] %s\n' "$*"; }

wanted=("$@")
[[ ${#wanted[@]} -gt 0 ]] || wanted=(pre-commit neovim shellcheck python3-pyflakes)
# package → the programs that stand for it (any one will do).
declare -A program=([pre-commit]=pre-commit [neovim]=nvim [shellcheck]=shellcheck [git]=git [python3-pyflakes]="pyflakes3 pyflakes")
# pre-commit's `language: node` hooks run `npm install` of the hook repository and need git.
[[ " ${wanted[*]} " == *" pre-commit "* ]] && wanted+=(git)
missing=()
has_program() {
  local name
  for name in ${program[$1]:-$1}; do command -v "$name" >/dev/null && return 0; done
  return 1
}
for package in "${wanted[@]}"; do
  has_program "$package" || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  say "${wanted[*]}: already installed"
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
