import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('a petition past its closing date, on $name', (engine) => {
  const t = useTestApp(engine, { now: new Date('2026-11-25T12:00:00Z') });

  it('reads as closed in its JSON, while one still open reads as open', async () => {
    const past = await makePetition(t.deps.db, { closesAt: '2026-11-01T00:00:00.000Z' });
    const future = await makePetition(t.deps.db, { closesAt: '2027-01-01T00:00:00.000Z' });
    const status = async (slug: string) =>
      ((await (await t.app.request(`/p/${slug}.json`)).json()) as { status: string }).status;
    expect(await status(past.slug)).toBe('closed');
    expect(await status(future.slug)).toBe('open');
  });
});
