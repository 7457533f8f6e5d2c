// The retention job: a set number of days after a petition closes, its signers' personal data is erased
// (counts, per-town totals and delivery records stay). Safe to run at any time, by several workers.
import type { Db } from '../platform/db/connect.js';
import type { SettingsReader } from '../settings/instance-settings.js';
import { eraseSignatureBatch, finishErasure, petitionsDueForErasure } from './retention-store.js';

export interface EraseDueDeps {
  db: Db;
  now: () => Date;
  /** The configured number of days (the instance setting retentionDays). */
  retentionDays: () => Promise<number>;
}

export interface PetitionErasure {
  petitionId: number;
  slug: string;
  signatures: number;
  mails: number;
  reports: number;
}

/** The retention job's dependencies, from the process's: the number of days is the live instance setting. */
export function retentionDeps(deps: { db: Db; now: () => Date; settings: SettingsReader }) {
  return { db: deps.db, now: deps.now, retentionDays: async () => (await deps.settings.current()).retentionDays };
}

const DAY_MS = 24 * 3600 * 1000;

/** Rows per transaction: short transactions, so signers of other petitions never wait long on one. */
export const ERASE_BATCH = 1000;

export async function eraseDuePersonalData(
  deps: EraseDueDeps,
  options: { batchSize?: number; pause?: () => Promise<void> } = {},
): Promise<PetitionErasure[]> {
  const batchSize = options.batchSize ?? ERASE_BATCH;
  const days = await deps.retentionDays();
  const cutoff = new Date(deps.now().getTime() - days * DAY_MS).toISOString();
  const done: PetitionErasure[] = [];
  for (const petition of await petitionsDueForErasure(deps.db, cutoff)) {
    let signatures = 0;
    let mails = 0;
    let afterId = 0;
    for (;;) {
      const batch = await eraseSignatureBatch(deps.db, petition.id, afterId, batchSize, deps.now().toISOString());
      signatures += batch.signatures;
      mails += batch.mails;
      afterId = batch.lastId;
      if (batch.signatures < batchSize) break;
      // Each batch is its own transaction: a stop here leaves the rest for the next round.
      await options.pause?.();
    }
    const finished = await finishErasure(deps.db, petition.id, deps.now(), { signatures, mails, retentionDays: days });
    // Several workers may run this at once: the one that finished the petition reports it.
    if (finished !== undefined)
      done.push({ petitionId: petition.id, slug: petition.slug, signatures, mails, reports: finished.reports });
  }
  return done;
}
