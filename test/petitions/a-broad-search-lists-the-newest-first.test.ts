// A search that matches more petitions than can be ordered by signatures lists the newest first, and says how
// broad it is; and the counts of more petitions than one query may name are read in slices.
import { describe, expect, it } from 'vitest';
import { searchPetitions } from '../../src/petitions/petition-search.js';
import { countSignatures } from '../../src/signing/signature-counts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { addSignatures } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

const text = (title: string) => ({ en: { title, statement: 'A statement.', why: 'Why.', deliveryDetails: '' } });

describe.each(enginesToTest())('broad searches and many counts on $name', (engine) => {
  const t = useTestApp(engine);

  it('orders by signatures up to the bound, and past it the newest first, saying it is broad', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) {
      const p = await makePetition(t.deps.db, { texts: text(`Streetlight ${i}`) });
      await addSignatures(t.deps.db, p.id, 5 - i, `l${i}`);
      made.push(p.id);
    }
    const now = t.deps.now();
    const ordered = await searchPetitions(t.deps.db, 'streetlight', { page: 1, perPage: 3, now, orderedUpTo: 5 });
    expect(ordered).toEqual({ ids: made.slice(0, 3), total: 5, broad: false });
    const broad = await searchPetitions(t.deps.db, 'streetlight', { page: 1, perPage: 3, now, orderedUpTo: 4 });
    expect(broad).toEqual({ ids: made.toReversed().slice(0, 3), total: 5, broad: true });
    const second = await searchPetitions(t.deps.db, 'streetlight', { page: 2, perPage: 3, now, orderedUpTo: 4 });
    expect(second.ids).toEqual(made.toReversed().slice(3));
  });

  it('counts the signatures of more petitions than one statement may name', async () => {
    const p = await makePetition(t.deps.db);
    await addSignatures(t.deps.db, p.id, 7);
    const ids = [...Array.from({ length: 40_000 }, (_, i) => 1_000_000 + i), p.id];
    const counts = await countSignatures(t.deps.db, ids);
    expect(counts.size).toBe(40_001);
    expect(counts.get(p.id)).toBe(7);
    expect(counts.get(1_000_000)).toBe(0);
  });
});
