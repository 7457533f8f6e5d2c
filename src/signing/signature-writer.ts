// Group commit for signatures: those that arrive while the database is busy are written together
// in one transaction, so a spike costs one commit per batch instead of one per signer.
import type { Db } from '../platform/db/connect.js';
import { unavailableCause } from '../platform/db/unavailable.js';
import type { EventEmitter } from '../platform/events.js';
import type { SigningEvents } from './events.js';
import { pickCountShard } from './signature-counts.js';
import { insertSignature, insertSignatures, type InsertOutcome, type NewSignature } from './signature-store.js';

export interface SignatureWriter {
  /** Resolves once the signature is committed, with what insertSignature would have said. */
  write(signature: NewSignature): Promise<InsertOutcome>;
}

interface Pending {
  signature: NewSignature;
  resolve: (outcome: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

/** SQLite allows 32,766 bound values per statement; a signature row has 22. */
export const MAX_BATCH = 500;

/**
 * Batches committing at once on PostgreSQL. Measured (docs/performance.md): 1 → 3,403–3,930
 * signatures/s with the server 30% idle waiting on commits; 2 → 4,005; 4 → 4,461–4,726; 8 → 4,447.
 */
export const POSTGRES_BATCHES_IN_FLIGHT = 4;

export interface SignatureWriterOptions {
  /**
   * How many batches may be committing at once. One for SQLite (one connection: a second batch would
   * only wait for it, and be smaller). On PostgreSQL a commit waits on the network and the server's
   * log flush, during which the process would sit idle; several batches in flight keep it busy.
   */
  concurrency?: number;
  /** Told why a batch failed before its signatures are written one by one (a log line). */
  onBatchFailure?: (err: unknown, size: number) => void;
  /** Told of the signatures each batch counted ('signatures.counted'), inside its transaction. */
  events?: EventEmitter<SigningEvents>;
}

export function createSignatureWriter(
  db: Db,
  random: () => number,
  options: SignatureWriterOptions = {},
): SignatureWriter {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const onBatchFailure = options.onBatchFailure ?? (() => undefined);
  let queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function writeBatch(batch: Pending[]): Promise<void> {
    const shard = pickCountShard(random);
    try {
      const outcomes = await insertSignatures(
        db,
        batch.map((p) => p.signature),
        shard,
        options.events,
      );
      batch.forEach((p, i) => p.resolve(outcomes[i] as InsertOutcome)); // one outcome per input
    } catch (err) {
      // A database that cannot serve (gone, full, too slow) fails every row alike: each signer is told at
      // once, instead of waiting for one more failure per row.
      if (unavailableCause(err) !== undefined) {
        for (const p of batch) p.reject(err);
        return;
      }
      // One bad row must not fail its neighbours (nor a deadlock between two batches in flight on
      // PostgreSQL): write them one by one.
      onBatchFailure(err, batch.length);
      for (const p of batch) await insertSignature(db, p.signature, shard, options.events).then(p.resolve, p.reject);
    }
  }

  /** Starts batches while there are signatures waiting and room in flight; each one's end starts the next. */
  function pump(): void {
    scheduled = false;
    while (inFlight < concurrency && queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      inFlight += 1;
      void writeBatch(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    write(signature) {
      return new Promise((resolve, reject) => {
        queue.push({ signature, resolve, reject });
        // Let this turn of the event loop deliver every request it has read, then write them all.
        if (!scheduled && inFlight < concurrency) {
          scheduled = true;
          setImmediate(pump);
        }
      });
    },
  };
}
