// `npm start` compiles src/ to dist/ only when the sources or the compiler settings changed since the last
// build (scripts/build.mjs --if-stale): on a small project of its own, built by the real tsc.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/firma-process.js';

let project: string | undefined;
afterEach(() => {
  if (project !== undefined) fs.rmSync(project, { recursive: true, force: true });
});

function build(dir: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), ...flags, dir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return result.stdout;
}

describe('npm start’s build step', () => {
  it('compiles the first time, not again while nothing changed, and again after a source or a setting changes', () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-build-'));
    const dir = project;
    fs.mkdirSync(path.join(dir, 'src'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const answer: number = 41;\n');
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, noEmit: true } }),
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.build.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { noEmit: false, rootDir: 'src', outDir: 'dist' },
      }),
    );
    const main = path.join(dir, 'dist', 'main.js');

    expect(build(dir, '--if-stale')).not.toContain('up to date');
    expect(fs.readFileSync(main, 'utf8')).toContain('41');
    const built = fs.statSync(main).mtimeMs;

    expect(build(dir, '--if-stale')).toContain('dist/ is up to date with src/: not compiling.');
    expect(fs.statSync(main).mtimeMs).toBe(built);

    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const answer: number = 42;\n');
    expect(build(dir, '--if-stale')).not.toContain('up to date');
    expect(fs.readFileSync(main, 'utf8')).toContain('42');

    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2020', module: 'NodeNext', strict: true, noEmit: true } }),
    );
    expect(build(dir, '--if-stale')).not.toContain('up to date');
    // `npm run build` (no flag) always compiles.
    expect(build(dir)).not.toContain('up to date');
  }, 180_000); // the build script five times, four of them compiling with the real tsc: about 25 s alone, more on a busy machine
});
