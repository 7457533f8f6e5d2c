// The SQL of legislators' responses and of the single-use links that ask for them.
import type { Db } from '../platform/db/connect.js';
import type { StoredResponse } from './response.js';

export type { StoredResponse } from './response.js';

export interface NewResponseLink {
  petitionId: number;
  personId: number;
  tokenHash: string;
  createdBy: number | null;
  now: string;
  expiresAt: string;
  /** Sent by itself at this district count (at most once per legislator and petition). */
  quorum?: number;
}

export interface ResponseLinkRow {
  id: number;
  petitionId: number;
  personId: number;
  expiresAt: string;
  usedAt: string | null;
}

/** The new link's id; undefined when it is a quorum's link and that legislator already had theirs. */
export async function insertResponseLink(db: Db, link: NewResponseLink): Promise<number | undefined> {
  const row = await db
    .insertInto('response_links')
    .values({
      petition_id: link.petitionId,
      person_id: link.personId,
      token_hash: link.tokenHash,
      created_by: link.createdBy,
      created_at: link.now,
      expires_at: link.expiresAt,
      quorum: link.quorum ?? null,
    })
    .onConflict((oc) => oc.columns(['petition_id', 'person_id']).where('quorum', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findResponseLink(db: Db, tokenHash: string): Promise<ResponseLinkRow | undefined> {
  const row = await db.selectFrom('response_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        id: row.id,
        petitionId: row.petition_id,
        personId: row.person_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      };
}

/** Marks the link used; false when it already was (two answers at once: one wins). */
export async function useResponseLink(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('response_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertResponse(
  db: Db,
  response: {
    petitionId: number;
    personId: number;
    locale: string;
    body: string;
    enteredBy: number | null;
    now: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('target_responses')
    .values({
      petition_id: response.petitionId,
      person_id: response.personId,
      locale: response.locale,
      body: response.body,
      entered_by: response.enteredBy,
      created_at: response.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const responseRows = (db: Db) =>
  db
    .selectFrom('target_responses as r')
    .innerJoin('target_people as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.petition_id',
      'r.person_id',
      'p.name',
      'p.chamber',
      'p.district',
      'r.locale',
      'r.body',
      'r.entered_by',
      'r.created_at',
      'r.hidden_at',
      'r.emailed_count',
    ]);

type ResponseRow = Awaited<ReturnType<ReturnType<typeof responseRows>['execute']>>[number];

const storedResponse = (r: ResponseRow): StoredResponse => ({
  id: r.id,
  petitionId: r.petition_id,
  personId: r.person_id,
  name: r.name,
  chamber: r.chamber,
  district: r.district,
  locale: r.locale,
  body: r.body,
  onBehalf: r.entered_by !== null,
  createdAt: r.created_at,
  hiddenAt: r.hidden_at,
  emailedCount: Number(r.emailed_count),
});

/** A petition's responses, oldest first; `visibleOnly` leaves out those hidden. */
export async function listResponses(db: Db, petitionId: number, visibleOnly: boolean): Promise<StoredResponse[]> {
  let query = responseRows(db).where('r.petition_id', '=', petitionId);
  if (visibleOnly) query = query.where('r.hidden_at', 'is', null);
  return (await query.orderBy('r.created_at').orderBy('r.id').execute()).map(storedResponse);
}

/** These responses (hidden ones too), by id: what a batch of mail about them needs. */
export async function findResponses(db: Db, ids: readonly number[]): Promise<Map<number, StoredResponse>> {
  if (ids.length === 0) return new Map();
  const rows = await responseRows(db)
    .where('r.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, storedResponse(r)]));
}

/** Hides (or shows again) one of the petition's responses; false when it has no such response. */
export async function setResponseHidden(
  db: Db,
  petitionId: number,
  responseId: number,
  hidden: { at: string; by: number } | null,
  options: { onlyVisible?: boolean } = {},
): Promise<boolean> {
  let query = db
    .updateTable('target_responses')
    .set({ hidden_at: hidden?.at ?? null, hidden_by: hidden?.by ?? null })
    .where('id', '=', responseId)
    .where('petition_id', '=', petitionId);
  if (options.onlyVisible === true) query = query.where('hidden_at', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
