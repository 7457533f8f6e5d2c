#!/usr/bin/env node
// Compiles src/ to dist/ with tsc (`npm run build`). With --if-stale (`npm start`), does nothing when dist/
// was built from exactly these sources and settings: a start then costs no compile (about 10 s of tsc).
// Run from the project's folder, or give it as the last argument.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
const stampFile = path.join(root, 'dist', '.source-stamp');

/** A hash of every source file's path and content, and of the compiler settings. */
function sourceStamp() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(path.join(root, 'src'));
  for (const file of ['tsconfig.json', 'tsconfig.build.json'])
    if (fs.existsSync(path.join(root, file))) hash.update(file).update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

const stamp = sourceStamp();
const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
if (ifStale && current === stamp && fs.existsSync(path.join(root, 'dist', 'main.js'))) {
  console.log('dist/ is up to date with src/: not compiling.');
  process.exit(0);
}
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stampFile, stamp);
