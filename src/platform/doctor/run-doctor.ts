// `firma doctor`: checks what a production server needs, one line per check, and exits 0 only when all hold.
import type { Config } from '../config.js';
import type { Check, CheckOptions, CheckResult, CheckStatus } from './check.js';
import { checkBaseUrlAnswers, checkBaseUrlIsHttps } from './base-url-check.js';
import { checkDataDir } from './data-dir-check.js';
import { checkDatabase } from './database-check.js';
import { checkDkim } from './dkim-check.js';
import { checkMailFrom } from './mail-from-check.js';
import { checkNodeVersion } from './node-version-check.js';
import { checkSecret } from './secret-check.js';
import { checkSmtp } from './smtp-check.js';

export const DOCTOR_CHECKS: Check[] = [
  { name: 'Node.js', run: () => checkNodeVersion(process.versions.node) },
  { name: 'BASE_URL', run: checkBaseUrlIsHttps },
  { name: 'BASE_URL answers', run: checkBaseUrlAnswers },
  { name: 'FIRMA_SECRET', run: checkSecret },
  { name: 'Database', run: checkDatabase },
  { name: 'Data directory', run: checkDataDir },
  { name: 'SMTP_URL', run: checkSmtp },
  { name: 'MAIL_FROM', run: checkMailFrom },
  { name: 'DKIM', run: checkDkim },
];

export interface DoctorIo {
  out(line: string): void;
}

export interface DoctorOptions extends Partial<CheckOptions> {
  checks?: Check[];
}

const SYMBOLS = new Map<CheckStatus, string>([
  [true, '✓'],
  ['warn', '!'],
  [false, '✗'],
]);

const DEFAULT_TIMEOUT_MS = 5000;

async function runCheck(check: Check, config: Config, options: CheckOptions): Promise<CheckResult> {
  try {
    return { name: check.name, ...(await check.run(config, options)) };
  } catch (err) {
    // A check that breaks is a finding too: doctor still reports the others.
    return { name: check.name, ok: false, message: `the check itself failed: ${String(err)}` };
  }
}

function summary(results: CheckResult[]): string {
  const failed = results.filter((r) => r.ok === false).length;
  const warned = results.filter((r) => r.ok === 'warn').length;
  const warnings = warned === 0 ? '' : ` (${warned} ${warned === 1 ? 'warning' : 'warnings'} to look at, marked !)`;
  if (failed === 0) return `All ${results.length} checks passed${warnings}.`;
  const problems = `${failed} of ${results.length} checks failed`;
  return `${problems}${warnings}: fix what is marked ✗, then run firma doctor again.`;
}

/** Runs the checks at once, prints their results in order as they come, and returns the exit status. */
export async function runDoctor(config: Config, io: DoctorIo, options: DoctorOptions = {}): Promise<number> {
  const checks = options.checks ?? DOCTOR_CHECKS;
  const checkOptions: CheckOptions = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const width = Math.max(...checks.map((c) => c.name.length));
  const running = checks.map((check) => runCheck(check, config, checkOptions));
  const results: CheckResult[] = [];
  for (const pending of running) {
    const result = await pending;
    results.push(result);
    io.out(`${SYMBOLS.get(result.ok) ?? '?'} ${result.name.padEnd(width)}  ${result.message}`);
  }
  io.out('');
  io.out(summary(results));
  return results.some((r) => r.ok === false) ? 1 : 0;
}
