// The count over time, on both engines: the public JSON gives confirmed signatures by day since the first and by
// hour for the last 48 hours, with running totals (a signature counts on the day it was confirmed; a pending one is
// not counted), and the API gives the same with the pending ones; days and hours without signatures are there as 0.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { makeUser } from '../support/accounts.js';
import { addSignatures, petitionJson } from '../support/requests.js';
import { createApiKey } from '../../src/api-keys/manage-api-keys.js';
import { findUserById } from '../../src/accounts/user-store.js';
import { HOURS_OF_HISTORY } from '../../src/signing/count-history.js';

let n = 0;
/** One signature made at `createdAt` (and confirmed at `confirmedAt`, when later). */
async function signature(
  t: TestApp,
  petitionId: number,
  createdAt: string,
  status: string,
  confirmedAt: string | null,
) {
  n += 1;
  await addSignatures(t.deps.db, petitionId, 1, `s${n}`, { status, created_at: createdAt, confirmed_at: confirmedAt });
}

describe.each(enginesToTest())('the count over time is open data on $name', (engine) => {
  // The test clock: 25 November 2026, 12:00 UTC.
  const t = useTestApp(engine);

  it('by day since the first signature and by hour for 48 hours, in the public JSON and (with pending) the API', async () => {
    const organizer = await makeUser(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: organizer.id });
    for (let i = 0; i < 3; i++) await signature(t, id, '2026-11-20T12:00:00.000Z', 'confirmed', null);
    // Signed on the 23rd, confirmed late on the 24th: counted on the 24th.
    await signature(t, id, '2026-11-23T10:00:00.000Z', 'confirmed', '2026-11-24T23:30:00.000Z');
    await signature(t, id, '2026-11-25T09:15:00.000Z', 'confirmed', null);
    await signature(t, id, '2026-11-25T10:30:00.000Z', 'pending', null);
    await signature(t, id, '2026-11-25T11:59:59.000Z', 'confirmed', null);

    const json = (await petitionJson(t, slug)) as unknown as Record<string, unknown>;
    expect(json['signatures_by_day']).toEqual([
      { date: '2026-11-20', signature_count: 3, total: 3 },
      { date: '2026-11-21', signature_count: 0, total: 3 },
      { date: '2026-11-22', signature_count: 0, total: 3 },
      { date: '2026-11-23', signature_count: 0, total: 3 },
      { date: '2026-11-24', signature_count: 1, total: 4 },
      { date: '2026-11-25', signature_count: 2, total: 6 },
    ]);
    const hours = json['signatures_by_hour'] as { hour: string; signature_count: number; total: number }[];
    expect(hours).toHaveLength(HOURS_OF_HISTORY);
    expect(hours[0]).toEqual({ hour: '2026-11-23T13:00:00Z', signature_count: 0, total: 3 });
    expect(hours.at(-1)).toEqual({ hour: '2026-11-25T12:00:00Z', signature_count: 0, total: 6 });
    expect(hours.filter((h) => h.signature_count > 0)).toEqual([
      { hour: '2026-11-24T23:00:00Z', signature_count: 1, total: 4 },
      { hour: '2026-11-25T09:00:00Z', signature_count: 1, total: 5 },
      { hour: '2026-11-25T11:00:00Z', signature_count: 1, total: 6 },
    ]);

    const made = await createApiKey(
      {
        db: t.deps.db,
        now: t.deps.now,
        petitions: t.deps.petitions,
        users: { byId: (u) => findUserById(t.deps.db, u) },
      },
      { user: organizer, name: 'charts', petitionId: id, canWrite: false },
    );
    if (made.kind !== 'created') throw new Error(made.kind);
    const petition = (await (
      await t.app.request(`/api/v1/petitions/${id}`, { headers: { 'OSDI-API-Token': made.text } })
    ).json()) as {
      _links: Record<string, { href: string }>;
    };
    const href = petition._links['firma:count_history']?.href ?? '';
    expect(href).toBe(`${TEST_ORIGIN}/api/v1/petitions/${id}/count_history`);
    const res = await t.app.request(href.replace(TEST_ORIGIN, ''), { headers: { 'OSDI-API-Token': made.text } });
    expect(res.status).toBe(200);
    const history = (await res.json()) as { by_day: Record<string, unknown>[]; by_hour: Record<string, unknown>[] };
    expect(history.by_day.at(-1)).toEqual({ date: '2026-11-25', confirmed: 2, pending: 1, total: 6 });
    expect(history.by_hour.find((h) => h['hour'] === '2026-11-25T10:00:00Z')).toEqual({
      hour: '2026-11-25T10:00:00Z',
      confirmed: 0,
      pending: 1,
      total: 5,
    });
  });

  it('a petition without signatures has today at 0 and 48 empty hours', async () => {
    const { slug } = await makePetition(t.deps.db);
    const json = (await petitionJson(t, slug)) as unknown as Record<string, unknown>;
    expect(json['signatures_by_day']).toEqual([{ date: '2026-11-25', signature_count: 0, total: 0 }]);
    expect((json['signatures_by_hour'] as unknown[]).length).toBe(HOURS_OF_HISTORY);
  });
});
