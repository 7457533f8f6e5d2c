// A petition's response options, set by its organizer on the responses page: a quorum (when that many of one
// legislator's constituents have signed, Firma emails that legislator the response link by itself, once), and
// digests (at each milestone, each legislator is emailed how many of their constituents signed since the last one).
import type { Db } from '../platform/db/connect.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { stopDigests, writeResponseOptions, type ResponseOptions } from './response-options-store.js';

export type { ResponseOptions } from './response-options-store.js';

export const QUORUM_MAX = 1_000_000;

/** The options form: an empty quorum is none; otherwise a whole number from 1 to QUORUM_MAX. */
export function parseResponseOptions(
  body: Record<string, unknown>,
): { ok: true; options: ResponseOptions } | { ok: false; error: MessageKey } {
  const quorum = typeof body['quorum'] === 'string' ? body['quorum'].trim() : '';
  const digests = body['digests'] === 'yes';
  if (quorum === '') return { ok: true, options: { quorum: null, digests } };
  if (!/^\d{1,7}$/.test(quorum) || Number(quorum) < 1 || Number(quorum) > QUORUM_MAX)
    return { ok: false, error: 'responses.error.quorum' };
  return { ok: true, options: { quorum: Number(quorum), digests } };
}

/** Saves the options with an audit row, in one transaction. */
export async function saveResponseOptions(
  deps: { db: Db; now: () => Date },
  petitionId: number,
  options: ResponseOptions,
  actorId: number,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await writeResponseOptions(trx, petitionId, options, now.toISOString());
    await recordAudit(trx, {
      actorId,
      action: 'response.options',
      petitionId,
      details: { quorum: options.quorum, digests: options.digests },
      now,
    });
  });
}

/** A legislator stops this petition's digests (their link's one click); audited once, when it changes something. */
export async function stopLegislatorDigests(
  deps: { db: Db; now: () => Date },
  petitionId: number,
  personId: number,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await stopDigests(trx, petitionId, personId, now.toISOString()))) return;
    await recordAudit(trx, { actorId: null, action: 'digest.stop', petitionId, details: { personId }, now });
  });
}
