#!/usr/bin/env node
// The `firma` command: runs the compiled entry point (build it first with `npm run build`).
import '../dist/main.js';
