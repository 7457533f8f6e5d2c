// The front page's search over open petitions: each petition's titles, statements and targets in every language it
// has, in the database's own full-text index (SQLite FTS5 with diacritics removed; PostgreSQL tsvector of the
// unaccented text), so "confianza", "CONFIANZA" and "Confíanza" find the same petitions. Every word typed must
// match, each as the start of a word ("deport" finds "deportation"). Only what the public may see is listed: open,
// not held or rejected by moderators, not hidden, not past its closing date.
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

export interface SearchPage {
  /** Petition ids, most signed first. */
  ids: number[];
  total: number;
}

/** One page of the open petitions matching every word of `query`, most signed first; `page` counts from 1. */
export async function searchPetitions(
  db: Db,
  query: string,
  { page, perPage, now }: { page: number; perPage: number; now: Date },
): Promise<SearchPage> {
  const words = searchWords(query);
  if (words.length === 0) return { ids: [], total: 0 };
  const postgres = engineOf(db) === 'postgres';
  // Each word as the start of a word; the words were reduced to letters and digits, so nothing in them is syntax.
  const match = postgres
    ? sql`p.id IN (SELECT petition_id FROM petition_search
        WHERE document @@ to_tsquery('simple', public.unaccent(${words.map((w) => `${w}:*`).join(' & ')})))`
    : sql`p.id IN (SELECT rowid FROM petition_search WHERE petition_search MATCH ${words.map((w) => `"${w}"*`).join(' ')})`;
  const listed = sql`p.status = 'open' AND p.hidden_at IS NULL
    AND p.moderation_state IN (${sql.join(PUBLIC_MODERATION_STATES)})
    AND (p.closes_at IS NULL OR p.closes_at > ${now.toISOString()})`;
  const counted = await sql<{
    n: number | string;
  }>`SELECT count(*) AS n FROM petitions p WHERE ${listed} AND ${match}`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0) return { ids: [], total };
  const { rows } = await sql<{ id: number }>`SELECT p.id,
      (SELECT coalesce(sum(c.signature_count), 0) FROM petition_count_shards c WHERE c.petition_id = p.id) AS signatures
    FROM petitions p WHERE ${listed} AND ${match}
    ORDER BY signatures DESC, p.id DESC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`.execute(db);
  return { ids: rows.map((r) => r.id), total };
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
