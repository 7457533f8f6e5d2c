// FIRMA_DATA_DIR: there (or makeable), writable by this user, on a disk with room for the database to grow.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { errorCode, errorMessage, type Finding } from './check.js';

const MB = 1024 * 1024;
/** Under this, a signing spike (or SQLite's write-ahead log) can fill the disk: a failure. */
export const FAIL_BELOW_BYTES = 100 * MB;
/** Under this, a warning. */
export const WARN_BELOW_BYTES = 1024 * MB;

const gigabytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 });
const megabytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * MB ? gigabytes.format(bytes / (1024 * MB)) : megabytes.format(bytes / MB);
}

/** The directory itself, or the nearest folder above it that exists (where Firma would create it). */
function nearestExisting(dir: string): string {
  let current = dir;
  while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** Writes and removes a small file: the only sure test (a read-only mount passes access checks). */
function writeProbe(dir: string): string | undefined {
  const probe = path.join(dir, `.firma-doctor-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(probe, 'firma doctor\n', { flag: 'wx' });
    fs.rmSync(probe);
    return undefined;
  } catch (err) {
    fs.rmSync(probe, { force: true });
    return errorCode(err) ?? errorMessage(err);
  }
}

export function checkDataDir(config: Config): Finding {
  const dir = config.dataDir;
  const existing = nearestExisting(dir);
  if (existing !== dir && !fs.statSync(existing).isDirectory())
    return { ok: false, message: `${existing} is a file, so ${dir} cannot be made: correct FIRMA_DATA_DIR` };
  if (existing === dir && !fs.statSync(dir).isDirectory())
    return { ok: false, message: `${dir} is a file, not a directory: correct FIRMA_DATA_DIR` };
  const refused = writeProbe(existing);
  if (refused !== undefined)
    return {
      ok: false,
      message: `${existing} cannot be written (${refused}): Firma keeps its database, secret and mail files there; make the user Firma runs as its owner, and check that its disk is not mounted read-only`,
    };
  const stats = fs.statfsSync(existing);
  const free = stats.bavail * stats.bsize;
  const where = existing === dir ? dir : `${dir} (not there yet: Firma creates it in ${existing})`;
  if (free < FAIL_BELOW_BYTES)
    return {
      ok: false,
      message: `${where}: only ${describeBytes(free)} free on its disk; the database needs room to grow: free some space`,
    };
  if (free < WARN_BELOW_BYTES)
    return { ok: 'warn', message: `${where}: writable, but only ${describeBytes(free)} free on its disk` };
  return { ok: existing === dir ? true : 'warn', message: `${where}: writable, ${describeBytes(free)} free` };
}
