#!/usr/bin/env -S node --max-semi-space-size=16 --heap-growing-percent=20
// The `firma` command: runs the compiled entry point (build it first with `npm run build`).
// V8's young generation is capped at 32 MB per semi-space, as `npm start` does (docs/performance.md).
import '../dist/main.js';
