// One batch of the group commit: all of its signatures in one transaction, or, when that fails, each
// on its own so that one bad row cannot fail its neighbours. Used in the main thread (PostgreSQL, an
// in-memory SQLite) and in the SQLite write thread alike.
import type { Db } from '../db/connect.js';
import { insertSignature, insertSignatures, type InsertOutcome, type NewSignature } from './signature-store.js';

export interface BatchRequest {
  id: number;
  signatures: NewSignature[];
  /** Which count shard this batch adds to. */
  shard: number;
}

/** What happened to one signature: its outcome, or the error that kept it from being written. */
export type WriteResult = { ok: true; outcome: InsertOutcome } | { ok: false; error: { message: string; code?: string } };

export interface BatchResponse {
  id: number;
  results: WriteResult[];
}

function failure(err: unknown): WriteResult {
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  return { ok: false, error: code === undefined ? { message } : { message, code } };
}

export async function writeBatch(db: Db, { id, signatures, shard }: BatchRequest): Promise<BatchResponse> {
  try {
    const outcomes = await insertSignatures(db, signatures, shard);
    return { id, results: outcomes.map((outcome) => ({ ok: true, outcome })) };
  } catch {
    const results: WriteResult[] = [];
    for (const signature of signatures) {
      results.push(await insertSignature(db, signature, shard).then((outcome): WriteResult => ({ ok: true, outcome }), failure));
    }
    return { id, results };
  }
}

/** Turns a failed result back into an error for the caller that waits on that signature. */
export function writeError({ message, code }: { message: string; code?: string }): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}
