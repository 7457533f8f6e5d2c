// The server secret that keys address hashes: FIRMA_SECRET, or one made once and kept in the data directory.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { StartupError } from './startup-error.js';

/** Shorter than this, a kept secret is a damaged file (a disk that filled up while it was written), not a key. */
export const MIN_SECRET_LENGTH = 32;

/** Where the data directory keeps the secret Firma generates when FIRMA_SECRET is not set. */
export function secretFileIn(dataDir: string): string {
  return path.join(dataDir, 'secret');
}

/** The kept secret's file, or undefined when FIRMA_SECRET is set (the file is then not used). */
export function keptSecretFile(config: Pick<Config, 'secret' | 'dataDir'>): string | undefined {
  return config.secret === undefined ? secretFileIn(config.dataDir) : undefined;
}

function readKept(file: string): string | undefined {
  let kept: string;
  try {
    kept = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // fs errors carry a code
    throw new StartupError(
      `Firma cannot start: it cannot read its secret in ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`,
    );
  }
  if (kept.length < MIN_SECRET_LENGTH) {
    throw new StartupError(
      `Firma cannot start: the secret in ${file} is empty or damaged. Restore it from a backup, or set FIRMA_SECRET (every link already emailed stops working with a new secret).`,
    );
  }
  return kept;
}

export function resolveSecret(config: Config): string {
  if (config.secret !== undefined) return config.secret;
  const file = secretFileIn(config.dataDir);
  const kept = readKept(file);
  if (kept !== undefined) return kept;
  const secret = randomBytes(32).toString('base64url');
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // 'wx' fails if another process wrote it first; then read theirs.
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code; // fs errors carry a code
    if (code === 'EEXIST') return readKept(file) ?? secret;
    // A half-written file must not be read as the secret next time.
    fs.rmSync(file, { force: true });
    throw new StartupError(
      `Firma cannot start: it cannot write its secret to ${file} (${code ?? String(err)}). Free some space or make ${config.dataDir} writable, or set FIRMA_SECRET.`,
    );
  }
}
