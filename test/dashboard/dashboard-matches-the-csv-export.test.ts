import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  confirmedByPlace,
  confirmedBySource,
  confirmedPerDay,
  signatureCounts,
} from '../../src/dashboard/dashboard-store.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

describe.each(enginesToTest())('the dashboard and the CSV export agree on $name', (engine) => {
  const t = useTestApp(engine);
  let organizer: SignedIn;
  let petitionId: number;

  beforeEach(async () => {
    organizer = await signedIn(t);
    ({ id: petitionId } = await makePetition(t.deps.db, { ownerId: organizer.user.id }));
    const sources = ['ct-students', null, 'whatsapp', 'flyer'];
    const places = [
      ['06106', 'Hartford'],
      ['06510', 'New Haven'],
      ['06604', 'Bridgeport'],
    ] as const;
    for (let i = 0; i < 60; i += 1) {
      const [postalCode, town] = places[i % 3] ?? places[0];
      await makeSignature(t.deps.db, petitionId, {
        createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 9), 23, 59 - (i % 50))).toISOString(),
        source: sources[i % 4] ?? null,
        postalCode,
        town,
        requiresVerification: i % 7 === 0,
      });
    }
  });

  it('counts, days, sources and places are the same numbers as the export of confirmed signatures', async () => {
    const res = await getAs(t, organizer, `/organize/${petitionId}/export.csv`);
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true, bom: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    const counts = await signatureCounts(t.deps.db, petitionId);
    expect(rows.length).toBe(counts.confirmed);
    expect(counts.pending).toBe(9);

    const byDay = tally(rows.map((r) => (r['signed_at'] ?? '').slice(0, 10)));
    expect(new Map((await confirmedPerDay(t.deps.db, petitionId)).map((d) => [d.day, d.count]))).toEqual(byDay);
    const bySource = tally(rows.map((r) => r['source'] ?? ''));
    expect(new Map((await confirmedBySource(t.deps.db, petitionId)).map((s) => [s.source ?? '', s.count]))).toEqual(
      bySource,
    );
    const byPlace = tally(rows.map((r) => `${r['postal_code'] ?? ''} ${r['town'] ?? ''}`));
    expect(
      new Map(
        (await confirmedByPlace(t.deps.db, petitionId, 100)).map((p) => [`${p.postalCode} ${p.town ?? ''}`, p.count]),
      ),
    ).toEqual(byPlace);
  });
});
