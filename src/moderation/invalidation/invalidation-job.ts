// The background job of bulk invalidation: every queued, running or reversing invalidation, a batch
// at a time, with a turn of the event loop between batches so signers and readers go first.
import type { Logger } from 'pino';
import type { Db, Engine } from '../../platform/db/connect.js';
import { pickCountShard } from '../../signing/signature-counts.js';
import { invalidateNextBatch, restoreNextBatch, type BatchOutcome } from './invalidation-batch-store.js';
import { activeInvalidationIds, findInvalidation } from './invalidation-store.js';
import { forgetPublicPages } from '../../petitions/petition-directory.js';

export const INVALIDATION_BATCH = 1000;

export interface InvalidationJobDeps {
  db: Db;
  engine: Engine;
  now: () => Date;
  random: () => number;
  logger: Logger;
  /** Cleared after each batch: counts and public lists change. */
  petitions: { forget(): void };
  responses: { clear(): void };
}

export interface InvalidationJobOptions {
  batchSize?: number;
  pause?: () => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One batch of one invalidation, whichever way it goes; true when there is more to do. */
export async function runInvalidationBatch(
  deps: InvalidationJobDeps,
  id: number,
  options: InvalidationJobOptions = {},
): Promise<boolean> {
  const invalidation = await findInvalidation(deps.db, id);
  if (invalidation === undefined) return false;
  const request = {
    id,
    batchSize: options.batchSize ?? INVALIDATION_BATCH,
    shard: pickCountShard(deps.random),
    now: deps.now(),
  };
  let outcome: BatchOutcome;
  if (invalidation.state === 'reversing') outcome = await restoreNextBatch(deps.db, deps.engine, request);
  else if (invalidation.state === 'queued' || invalidation.state === 'running')
    outcome = await invalidateNextBatch(deps.db, deps.engine, request);
  else return false;
  if (outcome.kind === 'batch' && outcome.confirmed > 0) {
    // The count on the public pages follows at once (other processes within their one-second cache).
    forgetPublicPages(deps);
  }
  if (outcome.kind === 'finished')
    deps.logger.info(
      {
        invalidation: id,
        processed: outcome.processed,
        state: invalidation.state === 'reversing' ? 'reversed' : 'done',
      },
      'bulk invalidation finished',
    );
  return outcome.kind === 'batch';
}

/** Works through every invalidation with work left; a cancel takes effect after the batch in progress. */
export async function processInvalidations(
  deps: InvalidationJobDeps,
  options: InvalidationJobOptions = {},
): Promise<void> {
  const pause = options.pause ?? nextTurn;
  for (const id of await activeInvalidationIds(deps.db)) {
    while (await runInvalidationBatch(deps, id, options)) await pause();
  }
}
