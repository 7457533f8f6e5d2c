// Audit rows written together: an API client making many calls at once (a CRM recording signatures) would otherwise
// make one write transaction per call. Rows arriving while a write is under way wait for the next one; each caller's
// promise settles when its own row is stored (or its write failed), so no row is acknowledged before it is kept.
import type { Db } from '../db/connect.js';
import { insertAuditRows, type AuditEntry } from './audit-store.js';

export interface AuditBatcher {
  record(entry: AuditEntry): Promise<void>;
}

/** Rows per statement at most (every engine's limit on bound values stays far away). */
const MAX_BATCH = 500;

export function createAuditBatcher(db: Db): AuditBatcher {
  let pending: { entry: AuditEntry; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let writing = false;

  async function write(): Promise<void> {
    writing = true;
    try {
      while (pending.length > 0) {
        const batch = pending.slice(0, MAX_BATCH);
        pending = pending.slice(batch.length);
        try {
          await insertAuditRows(
            db,
            batch.map((item) => item.entry),
          );
          for (const item of batch) item.resolve();
        } catch (err) {
          for (const item of batch) item.reject(err);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    record(entry) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ entry, resolve, reject });
        // The rows of calls answered in the same turn of the event loop go in one statement.
        if (!writing && pending.length === 1) setImmediate(() => void write());
      });
    },
  };
}
