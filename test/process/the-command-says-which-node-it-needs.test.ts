// On a Node.js older than 24, `firma` (and so `npm start`) says which Node it needs and exits 1 before it
// loads anything (no native module, no database), and npm refuses to install Firma, saying why. Run under a
// faked old version, and under the machine's own older Node when it has one (Debian 12's is 20).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/firma-process.js';

const FAKE_OLD = `data:text/javascript,Object.defineProperty(process.versions, 'node', { value: '20.20.2' });`;

/** The machine's own Node and npm when they are older than 24 (a Debian 12 machine's), else undefined. */
function olderSystemNode(): { node: string; npm: string; version: string } | undefined {
  for (const dir of ['/usr/bin', '/usr/local/bin']) {
    const node = path.join(dir, 'node');
    const npm = path.join(dir, 'npm');
    if (!fs.existsSync(node) || !fs.existsSync(npm)) continue;
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) return { node, npm, version };
  }
  return undefined;
}
const older = olderSystemNode();

function runFirma(node: string, preload: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-old-node-'));
  const result = spawnSync(node, [...preload, path.join(ROOT, 'bin', 'firma.js'), 'serve'], {
    cwd: dataDir,
    env: { PATH: process.env['PATH'] ?? '', FIRMA_DATA_DIR: dataDir, PORT: '0' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const left = fs.readdirSync(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ...result, left };
}

describe('the command on a Node.js older than 24', () => {
  it('says which Node it needs and which it found, and exits 1 having opened nothing (faked v20)', () => {
    const { status, stderr, stdout, left } = runFirma(process.execPath, ['--import', FAKE_OLD]);
    expect(status).toBe(1);
    expect(stderr).toContain('Firma needs Node.js 24 or later; this is v20.20.2.');
    expect(stdout).toBe('');
    expect(left).toEqual([]); // no database, no secret, no mail folder
  });

  it.skipIf(older === undefined)('says the same on the machine’s own older Node, never a crash', () => {
    const { status, signal, stderr, left } = runFirma(older?.node ?? '', []);
    expect(signal).toBeNull();
    expect(status).toBe(1);
    expect(stderr).toContain(`Firma needs Node.js 24 or later; this is ${older?.version}.`);
    expect(left).toEqual([]);
  });

  it.skipIf(older === undefined)('npm on that Node refuses to install Firma and says it needs Node 24', () => {
    const result = spawnSync(
      older?.npm ?? '',
      ['install', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'],
      {
        cwd: ROOT,
        env: { PATH: `${path.dirname(older?.node ?? '')}:${process.env['PATH'] ?? ''}`, HOME: os.tmpdir() },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('EBADENGINE');
    expect(result.stderr).toContain('Required: {"node":">=24"}');
  });
});
