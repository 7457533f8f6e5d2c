import fs from 'node:fs';
import type { Config } from '../config.js';
import { secretFileIn } from '../secret.js';
import type { Finding } from './check.js';

export function checkSecret(config: Config): Finding {
  // The configuration already refuses a FIRMA_SECRET shorter than 32 characters.
  if (config.secret !== undefined) return { ok: true, message: `set (${config.secret.length} characters)` };
  const kept = secretFileIn(config.dataDir);
  const share = 'so that every process (web, workers) and a server restored from a backup share it';
  if (fs.existsSync(kept))
    return {
      ok: false,
      message: `not set: Firma uses the one it generated in ${kept}; copy that into FIRMA_SECRET (links already emailed keep working) ${share}`,
    };
  return {
    ok: false,
    message: `not set: Firma would generate one and keep it in ${kept}; set FIRMA_SECRET (32 characters or more, e.g. \`openssl rand -base64 48\`) ${share}`,
  };
}
