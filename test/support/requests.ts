// Requests a route test makes beyond postForm: plain GETs, posts with exactly the given headers,
// a look at the stored signatures, and many signatures at once for count and milestone tests.
import type { Insertable } from 'kysely';
import type { Db } from '../../src/platform/db/connect.js';
import type { SignatureTable } from '../../src/platform/db/schema.js';
import { addToCount } from '../../src/signing/signature-counts.js';
import type { TestApp } from './test-app.js';

export async function get(t: TestApp, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return t.app.request(path, { headers });
}

/** A POST with exactly these headers: no same-origin headers are added for you. */
export async function postRaw(
  t: TestApp,
  path: string,
  body: RequestInit['body'],
  headers: Record<string, string>,
): Promise<Response> {
  return t.app.request(path, { method: 'POST', headers, body });
}

export interface PublicJson {
  slug: string;
  status: string;
  default_locale: string;
  locales: string[];
  title: Record<string, string>;
  targets: { name: Record<string, string> }[];
  url: Record<string, string>;
  signature_count: number;
  signatures_by_locale: Record<string, number>;
  signatures_by_method: { online: number; paper: number; kiosk: number };
  last_milestone: number | null;
  next_goal: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closes_at: string | null;
}

export async function petitionJson(t: TestApp, slug: string): Promise<PublicJson> {
  const res = await get(t, `/p/${slug}.json`);
  if (res.status !== 200) throw new Error(`GET /p/${slug}.json answered ${res.status}`);
  return (await res.json()) as PublicJson; // the shape petitionJson() in src/web/public/petition-json.ts writes
}

export async function signatureRows(db: Db) {
  return db.selectFrom('signatures').selectAll().orderBy('id').execute();
}

/** Adds `n` signatures in one statement and counts them, as the demo seeder does. */
/**
 * `n` signatures on the petition, confirmed and counted unless `overrides` says otherwise (a pending one is not
 * counted), each with its own name and address.
 */
export async function addSignatures(
  db: Db,
  petitionId: number,
  n: number,
  prefix = 'bulk',
  overrides: Partial<Insertable<SignatureTable>> = {},
): Promise<void> {
  if (n === 0) return;
  const rows = Array.from({ length: n }, (_, i) => ({
    petition_id: petitionId,
    locale: 'en',
    name: `${prefix} Signer ${i}`,
    email: `${prefix}-${i}@example.org`,
    email_normalized: `${prefix}-${i}@example.org`,
    postal_code: '06106',
    town: 'Hartford',
    comment: null,
    name_display: 'hidden',
    opt_in: 0,
    source: null,
    status: 'confirmed',
    ip_hash: null,
    created_at: '2026-11-20T12:00:00.000Z',
    ...overrides,
  }));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('signatures').values(rows).execute();
    if (rows[0]?.status === 'confirmed') await addToCount(trx, petitionId, n, 0);
  });
}
