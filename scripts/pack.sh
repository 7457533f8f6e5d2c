#!/usr/bin/env bash
# Makes Firma's npm package from a checkout: installs exactly the locked packages, compiles, and packs the
# tarball (dist/, public/, locales/, bin/, docs/) into OUT_DIR. The Dockerfile's build stage runs this, and
# CI runs it before installing the tarball as a user would (scripts/check-package.sh), so the two cannot drift.
# Usage: scripts/pack.sh OUT_DIR
set -euo pipefail
out="$(mkdir -p "$1" && cd "$1" && pwd)"
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm pack --silent --pack-destination "$out" >/dev/null
