// A petition's signatures as the API lists them: page by page in id order, confirmed only or with the pending ones,
// optionally only those changed after or before a moment (signed, confirmed, unsubscribed or erased then).
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import type { Tables } from '../platform/db/schema.js';
import type { ListedSignature } from './listed-signature.js';

export type { ListedSignature };

export interface SignatureListing {
  petitionId: number;
  /** 'confirmed' (the default) or 'all': pending ones too. */
  status: 'confirmed' | 'all';
  modifiedAfter?: string | undefined;
  modifiedBefore?: string | undefined;
}

const CHANGES = ['confirmed_at', 'unsubscribed_at', 'erased_at'] as const;

function listed(db: Db, listing: SignatureListing) {
  let query = db
    .selectFrom('signatures')
    .where('petition_id', '=', listing.petitionId)
    .where('status', 'in', listing.status === 'all' ? ['confirmed', 'pending'] : ['confirmed']);
  const { modifiedAfter: after, modifiedBefore: before } = listing;
  // Modified after a moment: any of its moments is later. Before: all of them are earlier.
  if (after !== undefined)
    query = query.where((eb: ExpressionBuilder<Tables, 'signatures'>) =>
      eb.or([eb('created_at', '>', after), ...CHANGES.map((c) => eb(c, '>', after))]),
    );
  if (before !== undefined)
    query = query.where((eb: ExpressionBuilder<Tables, 'signatures'>) =>
      eb.and([eb('created_at', '<', before), ...CHANGES.map((c) => eb.or([eb(c, 'is', null), eb(c, '<', before)]))]),
    );
  return query;
}

export async function countListedSignatures(db: Db, listing: SignatureListing): Promise<number> {
  const row = await listed(db, listing)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page, in id order: after the id `afterId` when given (what a `next` link carries: every page as quick as the
 * first), else from `offset`.
 */
export async function listSignatures(
  db: Db,
  listing: SignatureListing,
  page: { limit: number; afterId?: number | undefined; offset: number },
): Promise<ListedSignature[]> {
  let query = listed(db, listing).select(COLUMNS);
  query = page.afterId === undefined ? query.offset(page.offset) : query.where('id', '>', page.afterId);
  const rows = await query.orderBy('id').limit(page.limit).execute();
  return rows.map(toListed);
}

/** One signature of the petition, pending or confirmed, by its id or by its normalized address. */
export async function findListedSignature(
  db: Db,
  petitionId: number,
  by: { id: number } | { emailNormalized: string },
): Promise<ListedSignature | undefined> {
  const query = listed(db, { petitionId, status: 'all' }).select(COLUMNS);
  const row = await (
    'id' in by ? query.where('id', '=', by.id) : query.where('email_normalized', '=', by.emailNormalized)
  ).executeTakeFirst();
  return row === undefined ? undefined : toListed(row);
}

/** Signatures by id, whatever their petition or state (erased ones say so). */
export async function findListedSignaturesByIds(db: Db, ids: readonly number[]): Promise<Map<number, ListedSignature>> {
  const found = new Map<number, ListedSignature>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('signatures')
      .select(COLUMNS)
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const row of rows) found.set(row.id, toListed(row));
  }
  return found;
}

const COLUMNS = [
  'id',
  'name',
  'email',
  'postal_code',
  'town',
  'comment',
  'source',
  'locale',
  'status',
  'opt_in',
  'created_at',
  'confirmed_at',
  'unsubscribed_at',
  'erased_at',
  'method',
  'sheet',
  'sheet_line',
] as const;

type ListedRow = Pick<Selectable<Tables['signatures']>, (typeof COLUMNS)[number]>;

function toListed(r: ListedRow): ListedSignature {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    postalCode: r.postal_code,
    town: r.town,
    comment: r.comment,
    source: r.source,
    locale: r.locale,
    status: r.status,
    optIn: r.opt_in === 1,
    createdAt: r.created_at,
    modifiedAt: [r.created_at, r.confirmed_at, r.unsubscribed_at, r.erased_at]
      .filter((d): d is string => d !== null)
      .reduce((a, b) => (a > b ? a : b)),
    erased: r.erased_at !== null,
    method: r.method === 'paper' || r.method === 'kiosk' ? r.method : 'online',
    sheet: r.sheet,
    sheetLine: r.sheet_line,
  };
}
