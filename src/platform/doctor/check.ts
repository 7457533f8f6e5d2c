// What one check of `firma doctor` finds, and what every check is given.
import type { Config } from '../config.js';

/** true: it holds; 'warn': it works, but something deserves a look; false: a production server needs it fixed. */
export type CheckStatus = boolean | 'warn';

export interface Finding {
  ok: CheckStatus;
  /** Plain words: what was found and, when something is wrong, what to do. */
  message: string;
}

export interface CheckResult extends Finding {
  name: string;
}

export interface CheckOptions {
  /** The longest a check waits for a server (the site, the database, SMTP) to answer. */
  timeoutMs: number;
}

export interface Check {
  name: string;
  run(config: Config, options: CheckOptions): Finding | Promise<Finding>;
}

/** The code a Node.js, driver or mailer error carries (ECONNREFUSED, 28P01, EAUTH...), if any. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
