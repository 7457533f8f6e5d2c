#!/usr/bin/env bash
# Installs the packed tarball the way a user (and the Dockerfile's runtime stage) does, into a fresh prefix,
# starts `firma serve` from an empty folder with no TypeScript and no checkout in sight, and reads the demo
# petition and the stylesheet. Run by .ci/run after the tests.
# Usage: scripts/check-package.sh   (needs Node 24 on PATH, and npm_config_nodedir where no prebuilt
#        better-sqlite3 can be downloaded)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/scripts/pack.sh" "$work/pack"
# The same install command as the Dockerfile's runtime stage, into a prefix of its own.
npm install --global --prefix "$work/prefix" --omit=dev --no-audit --no-fund "$work"/pack/firma-*.tgz
mkdir -p "$work/empty" "$work/data"
cd "$work/empty"
port=39517
PORT=$port FIRMA_DATA_DIR="$work/data" LOG_LEVEL=warn "$work/prefix/bin/firma" serve &
pid=$!
node - "$port" <<'JS'
const port = process.argv[2];
const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 60_000;
for (;;) {
  try {
    if ((await fetch(`${base}/readyz`)).ok) break;
  } catch {}
  if (Date.now() > deadline) throw new Error('the installed firma did not answer /readyz within 60 s');
  await new Promise((r) => setTimeout(r, 500));
}
const demo = await (await fetch(`${base}/p/ct-trust-act.json`)).json();
if (demo.signature_count !== 120) throw new Error(`the demo petition has ${demo.signature_count} signatures, not 120`);
const css = await fetch(`${base}/static/firma.css`);
if (!css.ok) throw new Error(`/static/firma.css answered ${css.status}`);
const page = await (await fetch(`${base}/es/p/ct-trust-act`)).text();
if (!page.includes('lang="es"')) throw new Error('the Spanish page is not in Spanish');
console.log('package: installed with npm install --global, served the demo petition (120 signatures), its Spanish page and the stylesheet');
JS
kill "$pid"
wait "$pid" || true
