// A legislator's response, emailed to the signers it answers: those of the petition matched to that legislator's
// district (their own senator or representative), confirmed, who asked for news and have not unsubscribed, and
// who signed before it was given. A response hidden before its fan-out ends stops being queued (and the mail
// worker cancels what was queued but not yet sent).
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { fanOut, queuePassedSigner, type Fanout, type FanoutOptions } from '../platform/outbox/fan-out.js';
import { PUBLIC_MODERATION } from './response-options-store.js';
import { flushSignatureDistricts } from './signature-districts.js';

interface PendingResponse {
  id: number;
  petitionId: number;
  bodyId: number;
  chamber: string;
  district: string;
  createdAt: string;
  afterId: number;
}

async function pendingResponses(db: Db): Promise<PendingResponse[]> {
  const rows = await db
    .selectFrom('target_responses as r')
    .innerJoin('target_people as p', 'p.id', 'r.person_id')
    .innerJoin('petitions as pt', 'pt.id', 'r.petition_id')
    .select(['r.id', 'r.petition_id', 'p.body_id', 'p.chamber', 'p.district', 'r.created_at', 'r.fanout_after_id'])
    .where('r.fanout_done_at', 'is', null)
    .where('r.hidden_at', 'is', null)
    // Waits while moderators hold or hide the petition (closed petitions still hear their legislators' answers).
    .where('pt.moderation_state', 'in', PUBLIC_MODERATION)
    .where('pt.hidden_at', 'is', null)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    petitionId: r.petition_id,
    bodyId: r.body_id,
    chamber: r.chamber,
    district: r.district,
    createdAt: r.created_at,
    afterId: r.fanout_after_id,
  }));
}

/** The legislator's constituents among the petition's signers who asked for news, as a condition on `signatures`. */
const constituents = (r: PendingResponse) =>
  sql`petition_id = ${r.petitionId} AND status = 'confirmed' AND opt_in = 1 AND unsubscribed_at IS NULL AND created_at <= ${r.createdAt}
    AND EXISTS (SELECT 1 FROM signature_districts d WHERE d.signature_id = signatures.id AND d.body_id = ${r.bodyId}
      AND d.chamber = ${r.chamber} AND d.district = ${r.district})`;

const responseFanout = (r: PendingResponse): Fanout => ({
  table: 'target_responses',
  id: r.id,
  afterId: r.afterId,
  recipients: constituents(r),
  kind: 'target_response',
  payload: { response: r.id },
  dedupePrefix: `response:${r.id}:`,
});

/** Queues every pending response's emails, batch by batch; resolves with how many were queued. */
export async function fanOutResponses(db: Db, now: () => Date, options: FanoutOptions = {}): Promise<number> {
  await flushSignatureDistricts(db);
  return fanOut(db, (await pendingResponses(db)).map(responseFanout), now, options);
}

/**
 * A signer who confirms after a response's fan-out went past them (they signed before it, but were still pending)
 * gets it now, when they are that legislator's constituent: one message per such response, under the fan-out's
 * dedupe key. Run in the transaction that confirms; the caller checks the signer asked for news.
 */
export async function queueResponsesPassedBy(
  trx: Db,
  signer: { id: number; petitionId: number; locale: string; createdAt: string },
  now: string,
): Promise<number> {
  await flushSignatureDistricts(trx);
  const passed = await trx
    .selectFrom('target_responses as r')
    .innerJoin('target_people as p', 'p.id', 'r.person_id')
    .innerJoin('signature_districts as d', (join) =>
      join
        .on('d.signature_id', '=', signer.id)
        .onRef('d.body_id', '=', 'p.body_id')
        .onRef('d.chamber', '=', 'p.chamber')
        .onRef('d.district', '=', 'p.district'),
    )
    .select('r.id')
    .where('r.petition_id', '=', signer.petitionId)
    .where('r.hidden_at', 'is', null)
    .where('r.created_at', '>=', signer.createdAt)
    .where((eb) => eb.or([eb('r.fanout_done_at', 'is not', null), eb('r.fanout_after_id', '>=', signer.id)]))
    .execute();
  let queued = 0;
  for (const { id } of passed) {
    const fanout = { table: 'target_responses', id, kind: 'target_response', payload: { response: id } } as const;
    if (await queuePassedSigner(trx, { ...fanout, dedupePrefix: `response:${id}:` }, signer, now)) queued += 1;
  }
  return queued;
}
