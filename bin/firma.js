#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=20
// The `firma` command. V8's young generation is capped at 8 MB per semi-space, as `npm start` does
// (docs/performance.md). Nothing is loaded before the Node.js version is checked: on an older Node a native
// module would crash the process (a segmentation fault) instead of saying what is wrong.
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= REQUIRED_MAJOR)) {
  process.stderr.write(
    `Firma needs Node.js ${REQUIRED_MAJOR} or later; this is v${process.versions.node}.\n` +
      'Install Node.js 24 (see the README, "Quick start") and run firma again.\n',
  );
  process.exit(1);
}
try {
  await import('../dist/main.js');
} catch (err) {
  // A checkout that was never built (the npm package ships dist/).
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/main.js')) {
    process.stderr.write('Firma is not built yet: run `npm run build` (or `npm start`) first.\n');
    process.exit(1);
  }
  throw err;
}
