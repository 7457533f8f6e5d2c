// Group commit for signatures: those that arrive while the database is busy are written together
// in one transaction, so a spike costs one commit per batch instead of one per signer.
import type { Db } from '../db/connect.js';
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

export function createSignatureWriter(db: Db, random: () => number): SignatureWriter {
  let queue: Pending[] = [];
  let busy = false;

  async function flush(): Promise<void> {
    busy = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      const shard = Math.floor(random() * 1_000_000);
      try {
        const outcomes = await insertSignatures(db, batch.map((p) => p.signature), shard);
        batch.forEach((p, i) => p.resolve(outcomes[i] as InsertOutcome)); // one outcome per input
      } catch {
        // One bad row must not fail its neighbours: write them one by one.
        for (const p of batch) await insertSignature(db, p.signature, shard).then(p.resolve, p.reject);
      }
    }
    busy = false;
  }

  return {
    write(signature) {
      return new Promise((resolve, reject) => {
        queue.push({ signature, resolve, reject });
        // Let this turn of the event loop deliver every request it has read, then write them all.
        if (!busy && queue.length === 1) setImmediate(() => void flush());
      });
    },
  };
}
