// The front page's search over open petitions: each petition's titles, statements and targets in every language it
// has, in the database's own full-text index (SQLite FTS5 with diacritics removed; PostgreSQL tsvector of the
// unaccented text), so "confianza", "CONFIANZA" and "Confíanza" find the same petitions. Every word typed must
// match, each as the start of a word ("deport" finds "deportation"). Only what the public may see is listed: open,
// not held or rejected by moderators, not hidden, not past its closing date. Most signed first (newest first for a
// search that matches more than a thousand).
import { sql } from 'kysely';
import { engineOf, type Db } from '../platform/db/connect.js';
import { PUBLIC_MODERATION_STATES } from './petition.js';

/** Words longer than this are cut; more words than this are ignored (a query is a few words, not a page). */
const MAX_WORD_LENGTH = 40;
const MAX_WORDS = 8;

/** The text a petition is found by: titles, statements and targets' names in all its languages. */
async function documentOf(db: Db, petitionId: number): Promise<string> {
  const texts = await db
    .selectFrom('petition_translations')
    .select(['title', 'statement'])
    .where('petition_id', '=', petitionId)
    .execute();
  const targets = await db
    .selectFrom('petition_target_names as n')
    .innerJoin('petition_targets as t', 't.id', 'n.target_id')
    .select('n.name')
    .where('t.petition_id', '=', petitionId)
    .execute();
  const bodies = await db
    .selectFrom('target_body_names as b')
    .innerJoin('petition_seat_targets as s', 's.body_id', 'b.body_id')
    .select('b.name')
    .where('s.petition_id', '=', petitionId)
    .distinct()
    .execute();
  return [...texts.flatMap((t) => [t.title, t.statement]), ...targets.map((t) => t.name), ...bodies.map((b) => b.name)]
    .join('\n')
    .normalize('NFC');
}

/** Writes the petition's search document again (in the caller's transaction, after its texts and targets). */
export async function indexPetitionForSearch(db: Db, petitionId: number): Promise<void> {
  const document = await documentOf(db, petitionId);
  if (engineOf(db) === 'postgres') {
    await sql`INSERT INTO petition_search (petition_id, document)
      VALUES (${petitionId}, to_tsvector('simple', public.unaccent(${document})))
      ON CONFLICT (petition_id) DO UPDATE SET document = excluded.document`.execute(db);
  } else {
    await sql`DELETE FROM petition_search WHERE rowid = ${petitionId}`.execute(db);
    await sql`INSERT INTO petition_search (rowid, document) VALUES (${petitionId}, ${document})`.execute(db);
  }
}

/** Indexes the petitions that have no search document yet (saved before the search existed); returns how many. */
export async function indexUnindexedPetitions(db: Db, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const missing =
      engineOf(db) === 'postgres'
        ? sql<{ id: number }>`SELECT id FROM petitions p WHERE NOT EXISTS
            (SELECT 1 FROM petition_search s WHERE s.petition_id = p.id) ORDER BY id LIMIT ${batch}`
        : sql<{ id: number }>`SELECT id FROM petitions p WHERE NOT EXISTS
            (SELECT 1 FROM petition_search s WHERE s.rowid = p.id) ORDER BY id LIMIT ${batch}`;
    const { rows } = await missing.execute(db);
    for (const { id } of rows) await db.transaction().execute((trx) => indexPetitionForSearch(trx, id));
    total += rows.length;
    if (rows.length < batch) return total;
  }
}

/** The words of a query, as the index can match them: letters and digits only, a few words, lower case. */
export function searchWords(query: string): string[] {
  return (
    query
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .map((w) => w.slice(0, MAX_WORD_LENGTH))
    .slice(0, MAX_WORDS);
}

/** Public, as SQL over `petitions p`: not held, rejected or hidden by moderators. */
export const visibleSql = sql`p.hidden_at IS NULL AND p.moderation_state IN (${sql.join(PUBLIC_MODERATION_STATES)})`;

/** Listed on the home page and in search, as SQL over `petitions p`: open, public, not past its closing date. */
export const listedOpen = (now: Date) =>
  sql`p.status = 'open' AND ${visibleSql} AND (p.closes_at IS NULL OR p.closes_at > ${now.toISOString()})`;

/** Past this many matches a search is too broad to order by signatures: the newest come first instead. */
export const MOST_SIGNED_UP_TO = 1000;

export interface SearchPage {
  /** Petition ids: most signed first, or newest first when `broad`. */
  ids: number[];
  /** How many match, counted up to MOST_SIGNED_UP_TO + 1. */
  total: number;
  /** More than MOST_SIGNED_UP_TO match. */
  broad: boolean;
}

/**
 * One page of the open petitions matching every word of `query`; `page` counts from 1. Up to MOST_SIGNED_UP_TO
 * matches, the most signed first (each one's count summed from its shards); past that ("the" in every petition),
 * summing every match's count would take a tenth of a second: the newest first, and the page says so.
 */
export async function searchPetitions(
  db: Db,
  query: string,
  {
    page,
    perPage,
    now,
    orderedUpTo = MOST_SIGNED_UP_TO,
  }: { page: number; perPage: number; now: Date; /** Tests set a lower bound. */ orderedUpTo?: number },
): Promise<SearchPage> {
  const words = searchWords(query);
  if (words.length === 0) return { ids: [], total: 0, broad: false };
  const postgres = engineOf(db) === 'postgres';
  // Each word as the start of a word; the words were reduced to letters and digits, so nothing in them is syntax.
  // From the index to the petitions (SQLite's CROSS JOIN keeps that order: the matches first, each petition then
  // looked up by id, rather than every petition tested against the matches).
  const found = postgres
    ? sql`petition_search s INNER JOIN petitions p ON p.id = s.petition_id
        WHERE s.document @@ to_tsquery('simple', public.unaccent(${words.map((w) => `${w}:*`).join(' & ')}))`
    : sql`petition_search s CROSS JOIN petitions p ON p.id = s.rowid
        WHERE s.petition_search MATCH ${words.map((w) => `"${w}"*`).join(' ')}`;
  const listed = listedOpen(now);
  const counted = await sql<{ n: number | string }>`SELECT count(*) AS n FROM
    (SELECT 1 FROM ${found} AND ${listed} LIMIT ${orderedUpTo + 1}) AS found`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0) return { ids: [], total, broad: false };
  const broad = total > orderedUpTo;
  const offset = (page - 1) * perPage;
  const { rows } = broad
    ? // In the index's own order on SQLite (its rowid is the petition id): no sort, and it stops at the page's end.
      await sql<{ id: number }>`SELECT p.id FROM ${found} AND ${listed}
        ORDER BY ${postgres ? sql`p.id` : sql`s.rowid`} DESC LIMIT ${perPage} OFFSET ${offset}`.execute(db)
    : await sql<{ id: number }>`SELECT p.id,
          (SELECT coalesce(sum(c.signature_count), 0) FROM petition_count_shards c WHERE c.petition_id = p.id) AS signatures
        FROM ${found} AND ${listed}
        ORDER BY signatures DESC, p.id DESC LIMIT ${perPage} OFFSET ${offset}`.execute(db);
  return { ids: rows.map((r) => r.id), total, broad };
}

/** Indexes again the petitions to a body's chambers (the body was renamed: they are found by its names). */
export async function reindexPetitionsOfBody(db: Db, bodyId: number): Promise<void> {
  const petitions = await db
    .selectFrom('petition_seat_targets')
    .select('petition_id')
    .where('body_id', '=', bodyId)
    .distinct()
    .execute();
  for (const { petition_id } of petitions)
    await db.transaction().execute((trx) => indexPetitionForSearch(trx, petition_id));
}
