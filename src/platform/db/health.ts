// Whether the database can serve: what the last failures said, one log line a minute while it cannot (not one per
// request), a probe every second until it can again, and the answer /readyz gives.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { errorCode, errorMessage } from '../error-code.js';
import type { Db } from './connect.js';
import { needsWriteToRecover, unavailableCause, type UnavailableCause } from './unavailable.js';

export type Readiness =
  | { ok: true }
  | { ok: false; cause: UnavailableCause }
  /** The database answers but lacks migrations this code needs (an older copy put back under a running server). */
  | { ok: false; cause: 'migrations_pending'; pending: number };

export interface DatabaseHealth {
  /** Notes a failed query; returns the cause when it says the database cannot serve now (else undefined). */
  noteFailure(err: unknown): UnavailableCause | undefined;
  /** Undefined while the database serves; the cause of the outage otherwise. */
  outage(): UnavailableCause | undefined;
  /** Ready to serve: no outage known, and a quick probe answers (its result is shared for a second). */
  ready(): Promise<Readiness>;
  /** Tries a write now (at start): a database that cannot take writes is logged at once, not at the first signer. */
  checkWrites(): Promise<void>;
  /** Stops probing (at shutdown). */
  stop(): void;
}

export interface DatabaseHealthOptions {
  db: Db;
  logger: Logger;
  /** Milliseconds since the epoch. */
  now: () => number;
  probeEveryMs?: number;
  logEveryMs?: number;
  /** How many migrations the database has applied, and how many this code has: fewer is not ready. */
  migrations?: { applied: () => Promise<number>; expected: number };
}

interface Outage {
  cause: UnavailableCause;
  since: number;
  failures: number;
  loggedAt: number;
  /** Failures since the last line was logged. */
  unlogged: number;
  /** Where a write failed, only a write proves the database is back. */
  needsWrite: boolean;
}

/** A one-row table the probe writes to (migration 0008): the cheapest write that shows the disk takes writes. */
async function probe(db: Db, write: boolean, now: number): Promise<void> {
  if (!write) {
    await sql`select 1`.execute(db);
    return;
  }
  const at = new Date(now).toISOString();
  await db
    .insertInto('database_probe')
    .values({ id: 1, checked_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: at }))
    .execute();
}

function describe(err: unknown): { message: string; code?: string } {
  const message = errorMessage(err);
  const code = errorCode(err);
  return code === undefined ? { message } : { message, code };
}

export function createDatabaseHealth({
  db,
  logger,
  now,
  probeEveryMs = 1000,
  logEveryMs = 60_000,
  migrations,
}: DatabaseHealthOptions): DatabaseHealth {
  let outage: Outage | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let readiness: { at: number; value: Promise<Readiness> } | undefined;

  function schedule() {
    if (timer !== undefined || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void probeOnce();
    }, probeEveryMs);
    timer.unref();
  }

  async function probeOnce(): Promise<void> {
    const current = outage;
    if (current === undefined) return;
    try {
      await probe(db, current.needsWrite, now());
    } catch (err) {
      noteFailure(err);
      schedule();
      return;
    }
    if (outage !== current) return;
    outage = undefined;
    readiness = undefined;
    logger.warn(
      { cause: current.cause, seconds: Math.round((now() - current.since) / 1000), failures: current.failures },
      'database available again',
    );
  }

  function noteFailure(err: unknown): UnavailableCause | undefined {
    const cause = unavailableCause(err);
    if (cause === undefined) return undefined;
    const time = now();
    if (outage === undefined) {
      outage = { cause, since: time, failures: 1, loggedAt: time, unlogged: 0, needsWrite: needsWriteToRecover(cause) };
      readiness = undefined;
      logger.error({ cause, ...describe(err) }, `database unavailable: ${cause}`);
      schedule();
      return cause;
    }
    outage.failures += 1;
    outage.unlogged += 1;
    outage.needsWrite ||= needsWriteToRecover(cause);
    if (cause !== outage.cause || time - outage.loggedAt >= logEveryMs) {
      logger.error(
        {
          cause,
          ...describe(err),
          failuresSinceLastLine: outage.unlogged,
          sinceSeconds: Math.round((time - outage.since) / 1000),
        },
        `database still unavailable: ${cause}`,
      );
      outage.cause = cause;
      outage.loggedAt = time;
      outage.unlogged = 0;
    }
    schedule();
    return cause;
  }

  async function check(): Promise<Readiness> {
    const known = outage;
    if (known !== undefined) return { ok: false, cause: known.cause };
    try {
      await probe(db, false, now());
      const applied = migrations === undefined ? undefined : await migrations.applied();
      if (migrations !== undefined && applied !== undefined && applied < migrations.expected)
        return { ok: false, cause: 'migrations_pending', pending: migrations.expected - applied };
      return { ok: true };
    } catch (err) {
      const cause = noteFailure(err);
      if (cause === undefined) throw err;
      return { ok: false, cause };
    }
  }

  return {
    noteFailure,
    outage: () => outage?.cause,
    ready() {
      if (outage !== undefined) return Promise.resolve({ ok: false, cause: outage.cause });
      const time = now();
      if (readiness !== undefined && time - readiness.at < 1000) return readiness.value;
      const value = check();
      readiness = { at: time, value };
      value.catch(() => (readiness = undefined));
      return value;
    },
    async checkWrites() {
      try {
        await probe(db, true, now());
      } catch (err) {
        if (noteFailure(err) === undefined) throw err;
      }
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
