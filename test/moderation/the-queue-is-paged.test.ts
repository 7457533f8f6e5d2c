import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { moderator } from './moderation-support.js';

const HOUR = 3600_000;

describe.each(enginesToTest())('the moderation queue in pages of 50 on $name', (engine) => {
  const t = useTestApp(engine);
  let mo: SignedIn;
  /** Held petitions, oldest submission first: the order of the "new" view. */
  let held: number[];

  beforeEach(async () => {
    mo = await moderator(t);
    held = [];
    const now = t.deps.now().getTime();
    for (let i = 0; i < 120; i++) {
      const { id } = await makePetition(t.deps.db);
      // The first 70 have waited 100 hours and more (past the 48-hour deadline), the others an hour or less.
      const submitted = i < 70 ? now - (200 - i) * HOUR : now - HOUR + i * 1000;
      await t.deps.db
        .updateTable('petitions')
        .set({ moderation_state: 'held', submitted_at: new Date(submitted).toISOString() })
        .where('id', '=', id)
        .execute();
      held.push(id);
    }
  });

  const listed = (html: string) =>
    [...html.matchAll(/<li class="queue-item" data-petition-id="(\d+)"/g)].map((m) => Number(m[1]));
  const queue = async (path: string, locale = 'en') => {
    const res = await getAs(t, mo, path, { 'Accept-Language': locale });
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it('the new view shows 50 a page, oldest first, with previous and next links that say where the reader is', async () => {
    const first = await queue('/moderate');
    expect(listed(first)).toEqual(held.slice(0, 50));
    expect(first).toContain('New (120)');
    expect(first).toContain('<p id="pager-top">Page 1 of 3: 1 to 50 of 120</p>');
    expect(first).toContain('<a href="/moderate?page=2" rel="next">Next 50 petitions</a>');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<ol class="queue-items" start="1">');

    const second = await queue('/moderate?page=2');
    expect(listed(second)).toEqual(held.slice(50, 100));
    expect(second).toContain(
      '<nav class="pager" aria-labelledby="pager-top"><p id="pager-top">Page 2 of 3: 51 to 100 of 120</p>',
    );
    expect(second).toContain('<a href="/moderate" rel="prev">Previous 50 petitions</a>');
    expect(second).toContain('<a href="/moderate?page=3" rel="next">Next 20 petitions</a>');
    expect(second).toContain('<ol class="queue-items" start="51">');
    // The language switch keeps the page.
    expect(second).toContain(`href="/lang/es?next=${encodeURIComponent('/moderate?page=2')}"`);

    const third = await queue('/moderate?page=3', 'es');
    expect(listed(third)).toEqual(held.slice(100));
    expect(third).toContain('Página 3 de 3: de la 101 a la 120 de 120');
    expect(third).toContain('<a href="/moderate?page=2" rel="prev">50 peticiones anteriores</a>');
    expect(third).not.toContain('rel="next"');

    // A page past the end is the last one; one that is not a number is the first.
    expect(listed(await queue('/moderate?page=4'))).toEqual(held.slice(100));
    for (const bad of ['0', '-1', 'abc', '2%27%20OR%201=1', '99999999999999999999'])
      expect(listed(await queue(`/moderate?page=${bad}`)), bad).toEqual(held.slice(0, 50));
  });

  it('the overdue view pages on its own count and keeps its view in the links', async () => {
    const first = await queue('/moderate?view=overdue');
    expect(first).toContain('Overdue (70)');
    expect(listed(first)).toEqual(held.slice(0, 50));
    expect(first).toContain('<a href="/moderate?view=overdue&amp;page=2" rel="next">Next 20 petitions</a>');
    const second = await queue('/moderate?view=overdue&page=2');
    expect(listed(second)).toEqual(held.slice(50, 70));
    expect(second).toContain('<a href="/moderate?view=overdue" rel="prev">Previous 50 petitions</a>');
  });

  it('the reported view pages by petition, in the order of their oldest open report, each with all its reports', async () => {
    // Reports arrive newest petition first; the 55th reported petition gets a second report.
    const reported = [...held].reverse().slice(0, 55);
    for (const id of [...reported, reported[54] ?? 0]) {
      await t.deps.db
        .insertInto('reports')
        .values({
          petition_id: id,
          signature_id: null,
          reason: 'spam',
          details: `about ${id}`,
          locale: 'en',
          reporter_hash: null,
          created_at: t.deps.now().toISOString(),
        })
        .execute();
    }
    const first = await queue('/moderate?view=reported');
    expect(first).toContain('Reported (55)');
    expect(listed(first)).toEqual(reported.slice(0, 50));
    const second = await queue('/moderate?view=reported&page=2');
    expect(listed(second)).toEqual(reported.slice(50));
    expect(second).toContain('Page 2 of 2: 51 to 55 of 55');
    expect(second.match(new RegExp(`about ${reported[54]}<`, 'g'))).toHaveLength(2);
    expect(second).not.toContain(`about ${reported[0]}<`);
  });

  it('a decision made on a later page comes back to that page', async () => {
    const second = await queue('/moderate?page=2');
    const target = held[60] ?? 0;
    expect(second).toContain(
      `action="/moderate/petitions/${target}/approve" class="decision approve"><input type="hidden" name="back" value="new"/><input type="hidden" name="page" value="2"/>`,
    );
    const res = await postFormAs(t, mo, `/moderate/petitions/${target}/approve`, { back: 'new', page: '2' });
    expect(res.headers.get('location')).toBe('/moderate?page=2&done=approve');
    const after = await queue('/moderate?page=2&done=approve');
    expect(after).toContain('Approved: the petition is public.');
    expect(after).toContain('Page 2 of 3: 51 to 100 of 119');
    expect(listed(after)).not.toContain(target);
    // A forged page number in the form is ignored, never a 500.
    const forged = await postFormAs(t, mo, `/moderate/petitions/${held[61] ?? 0}/approve`, {
      back: 'overdue',
      page: '1; DROP TABLE petitions',
    });
    expect(forged.headers.get('location')).toBe('/moderate?view=overdue&done=approve');
  });
});
