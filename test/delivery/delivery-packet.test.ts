import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { pdfText } from './exports-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('the delivery packet on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id } = await makePetition(t.deps.db, {
      ownerId: owner.user.id,
      organizer: { name: 'Ana Organizadora', email: 'ana@example.org' },
      targets: [{ names: { en: 'Governor Lamont', es: 'Gobernador Lamont' } }],
    }));
    const db = t.deps.db;
    await makeSignature(db, id, {
      name: 'Íñigo Muñoz',
      town: 'Hartford',
      postalCode: '06106',
      comment: 'Por mi familia.',
      createdAt: '2026-11-02T10:00:00.000Z',
    });
    await makeSignature(db, id, {
      name: 'Иван Петров',
      town: 'New Haven',
      postalCode: '06510',
      createdAt: '2026-11-03T10:00:00.000Z',
      source: 'flyer',
    });
    await makeSignature(db, id, {
      name: '李小龍',
      town: 'Hartford',
      postalCode: '06106',
      createdAt: '2026-11-04T10:00:00.000Z',
    });
    await makeSignature(db, id, {
      name: 'Secret Signer',
      nameDisplay: 'hidden',
      town: 'Hartford',
      postalCode: '06106',
      createdAt: '2026-11-05T10:00:00.000Z',
    });
    await makeSignature(db, id, { name: 'Not Yet', requiresVerification: true, createdAt: '2026-11-06T10:00:00.000Z' });
  });

  const packet = async (query = '') => {
    const res = await getAs(t, owner, `/organize/${id}/packet.pdf${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return pdfText(new Uint8Array(await res.arrayBuffer()));
  };

  it('has a cover letter in each language with the targets, the total, the organizer and the live address', async () => {
    const { text } = await packet();
    expect(text).toContain('Fix the bus shelter');
    expect(text).toContain('To: Governor Lamont');
    expect(text).toContain('4 confirmed signatures');
    expect(text).toContain('Arreglen la parada');
    expect(text).toContain('Para: Gobernador Lamont');
    expect(text).toContain('4 firmas confirmadas');
    expect(text).toContain('Organized by Ana Organizadora · ana@example.org');
    expect(text).toContain('http://localhost:3000/en/p/');
  });

  it('lists the signatures with accents, other scripts and withheld names, and totals by town and source', async () => {
    const { text, pages } = await packet();
    expect(text).toContain('Íñigo Muñoz');
    expect(text).toContain('Иван Петров');
    expect(text).toContain('李小龍');
    expect(text).toContain(copy('en', 'packet.nameWithheld'));
    expect(text).not.toContain('Secret Signer');
    expect(text).not.toContain('Not Yet');
    expect(text).toMatch(/Hartford\s+06106\s+3/);
    expect(text).toMatch(/flyer\s+1/);
    expect(text).toContain('Por mi familia.');
    // Two covers, the summary, the signatures, the comments.
    expect(pages).toBe(5);
    expect(text).toContain('Page 5 of 5');
  });

  it('gives a summary-only packet without the list of signatures, on A4 when asked', async () => {
    const { text, pages } = await packet('?summary_only=1&paper=a4');
    expect(pages).toBe(3);
    expect(text).toContain('4 confirmed signatures');
    expect(text).not.toContain('Íñigo Muñoz');
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().execute();
    expect(rows.map((r) => r.action)).toEqual(['export.pdf']);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({
      via: 'web',
      filters: { status: 'confirmed' },
      options: { paper: 'a4', summaryOnly: true },
    });
  });

  it('runs to many pages with a running header and page numbers', async () => {
    for (let i = 0; i < 120; i += 1)
      await makeSignature(t.deps.db, id, { name: `Extra Person ${i}`, createdAt: '2026-11-07T10:00:00.000Z' });
    const { text, pages } = await packet();
    expect(pages).toBeGreaterThanOrEqual(7);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text.match(/Fix the bus shelter/g)?.length).toBeGreaterThanOrEqual(pages - 1);
  });
});
