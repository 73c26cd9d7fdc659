#!/usr/bin/env bash
# Installs what the container integration tests need, on a fresh Debian machine (see
# ../shared/ENVIRONMENT.md §3): Docker Engine (docker.io, dockerd started privately by run.mjs),
# docker-compose v1, Podman with runc, catatonit (for --init) and podman-compose, and a static
# busybox to build images FROM scratch (no registry is reachable). Idempotent: installs only what
# is missing. Prints one line per engine that cannot be installed; run.mjs skips that engine.
set -uo pipefail

say() { printf '[containers setup] %s\n' "$*"; }

# package → a file it installs, to tell whether it is there without asking dpkg about each one.
declare -A probe=(
  [docker.io]=dockerd
  [docker-compose]=docker-compose
  [busybox-static]=busybox
  [podman]=podman
  [podman-compose]=podman-compose
  [catatonit]=catatonit
  [runc]=runc
)
installed() {
  local dir
  for dir in /usr/bin /usr/sbin /bin /sbin /usr/libexec/podman; do [[ -e "$dir/$1" ]] && return 0; done
  return 1
}
missing=()
for package in "${!probe[@]}"; do
  installed "${probe[$package]}" || missing+=("$package")
done
# Another busybox (dynamically linked) cannot run in a FROM scratch image.
if [[ -e /bin/busybox ]] && ldd /bin/busybox >/dev/null 2>&1; then
  dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  say "all packages present"
  exit 0
fi
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
  say "cannot install ${missing[*]}: not root, or no apt-get (install them yourself to run these tests)"
  exit 0
fi
say "installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || say "apt-get update failed; trying with the package lists there are"
if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/shipshape-containers-apt.log 2>&1; then
  # One package that cannot be had must not keep the other engine from being tested.
  for package in "${missing[@]}"; do
    apt-get install -y -qq --no-install-recommends "$package" >>/tmp/shipshape-containers-apt.log 2>&1 ||
      say "could not install $package (see /tmp/shipshape-containers-apt.log)"
  done
fi
say "done"
