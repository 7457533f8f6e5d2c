// What one check of `firma doctor` finds, and what every check is given.
import type { Config } from '../config.js';

export { errorCode, errorMessage } from '../error-code.js';

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
