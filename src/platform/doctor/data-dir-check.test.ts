import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { checkDataDir, describeBytes } from './data-dir-check.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-data-dir-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checkDataDir', () => {
  it('passes a writable directory, says how much room its disk has, and leaves nothing behind', () => {
    const { ok, message } = checkDataDir(loadConfig({ FIRMA_DATA_DIR: dir }));
    // The machine's own disk decides between pass and warning; never a failure on a test machine.
    expect(ok).not.toBe(false);
    expect(message).toMatch(new RegExp(`^${dir}: writable, .*\\d+(\\.\\d)? [GM]B free`));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('notes a directory that is not there yet, without making it', () => {
    const missing = path.join(dir, 'not', 'yet');
    const { ok, message } = checkDataDir(loadConfig({ FIRMA_DATA_DIR: missing }));
    expect(ok).toBe('warn');
    expect(message).toContain(`${missing} (not there yet: Firma creates it in ${dir})`);
    expect(fs.existsSync(path.join(dir, 'not'))).toBe(false);
  });

  it('refuses a file in place of the directory', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    expect(checkDataDir(loadConfig({ FIRMA_DATA_DIR: file }))).toEqual({
      ok: false,
      message: `${file} is a file, not a directory: correct FIRMA_DATA_DIR`,
    });
    fs.rmSync(file);
  });
});

describe('describeBytes', () => {
  it('says megabytes under a gigabyte, gigabytes from there', () => {
    expect(describeBytes(80 * 1024 * 1024)).toBe('80 MB');
    expect(describeBytes(1.5 * 1024 * 1024 * 1024)).toBe('1.5 GB');
  });
});
