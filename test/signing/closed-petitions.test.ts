import { describe, expect, it } from 'vitest';
import type { NewPetition } from '../../src/petitions/petition-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get, signatureRows } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

// The test clock starts at 2026-11-25T12:00:00Z.
const CLOSED: [string, Partial<NewPetition>][] = [
  ['closed by its organizer', { status: 'closed' }],
  ['past its closing date', { closesAt: '2026-11-25T11:59:59.000Z' }],
];

describe.each(enginesToTest())('closed petitions on $name', (engine) => {
  const t = useTestApp(engine);

  it.each(CLOSED)('a petition %s shows the closed notice instead of the form', async (_what, overrides) => {
    const { slug } = await makePetition(t.deps.db, overrides);
    const en = await get(t, `/en/p/${slug}`);
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(html).toContain(copy('en', 'petition.closed'));
    expect(html).not.toContain('class="sign-form"');
    expect(await (await get(t, `/es/p/${slug}`)).text()).toContain(copy('es', 'petition.closed'));
  });

  it.each(CLOSED)('a signature posted to a petition %s gets 409 and is not stored', async (_what, overrides) => {
    const { slug } = await makePetition(t.deps.db, overrides);
    const res = await postForm(t, `/es/p/${slug}/sign`, validSignature());
    expect(res.status).toBe(409);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Esta petición está cerrada');
    expect(await signatureRows(t.deps.db)).toHaveLength(0);
  });

  it('a petition closes by itself when its closing time passes', async () => {
    const { slug } = await makePetition(t.deps.db, { closesAt: '2026-11-25T13:00:00.000Z' });
    expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'early@example.org' }))).status).toBe(303);
    t.advance(60 * 60_000);
    expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'late@example.org' }))).status).toBe(409);
    expect((await signatureRows(t.deps.db)).map((r) => r.email)).toEqual(['early@example.org']);
    const html = await (await get(t, `/en/p/${slug}`)).text();
    expect(html).toContain('This petition is closed');
    expect(html).toContain('1 signature');
  });

  it('a closed petition keeps its count public', async () => {
    const { slug } = await makePetition(t.deps.db, { status: 'closed' });
    const json = (await (await get(t, `/p/${slug}.json`)).json()) as { status: string; signature_count: number };
    expect(json).toMatchObject({ status: 'closed', signature_count: 0 });
  });
});
