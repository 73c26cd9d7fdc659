#!/usr/bin/env bash
set -Eeuo pipefail
jq -n '{ "fail-fast": false, matrix: { include: [ { name: "example", os: "ubuntu-latest", runs: { build: "docker build ." } } ] } }'
