import type { Finding } from './check.js';

const REQUIRED_MAJOR = 24;

/** `version` as process.versions.node gives it ('24.1.0'). */
export function checkNodeVersion(version: string): Finding {
  const major = Number(version.split('.')[0]);
  if (major >= REQUIRED_MAJOR) return { ok: true, message: `v${version}` };
  return {
    ok: false,
    message: `v${version} is too old: Firma needs Node.js ${REQUIRED_MAJOR} or later; install Node.js ${REQUIRED_MAJOR} (README, "Quick start")`,
  };
}
