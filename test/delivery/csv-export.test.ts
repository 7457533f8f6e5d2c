import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { csvRecords } from './exports-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('the CSV export on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id } = await makePetition(t.deps.db, { ownerId: owner.user.id }));
    const db = t.deps.db;
    await makeSignature(db, id, {
      name: 'Íñigo Muñoz',
      town: 'Hartford',
      postalCode: '06106',
      comment: 'He said "yes", then left,\nfor good',
      createdAt: '2026-11-02T10:00:00.000Z',
    });
    await makeSignature(db, id, {
      name: '=HYPERLINK("http://evil")',
      town: 'New Haven',
      postalCode: '06510',
      comment: '+1 from me',
      source: 'whatsapp',
      createdAt: '2026-11-10T10:00:00.000Z',
    });
    await makeSignature(db, id, {
      name: '@SUM(A1)',
      town: 'New Haven',
      postalCode: '06511',
      comment: '-2',
      createdAt: '2026-11-15T10:00:00.000Z',
      nameDisplay: 'hidden',
    });
    await makeSignature(db, id, {
      name: 'Pending Person',
      town: 'Hartford',
      postalCode: '06106',
      requiresVerification: true,
      createdAt: '2026-11-16T10:00:00.000Z',
    });
  });

  const download = async (query = '') => {
    const res = await getAs(t, owner, `/organize/${id}/export.csv${query}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  };

  it('starts with a BOM, has one row per confirmed signature, and survives quotes, commas and newlines', async () => {
    const { res, bytes, text } = await download();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.csv"/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = csvRecords(text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      number: '1',
      name: 'Íñigo Muñoz',
      town: 'Hartford',
      postal_code: '06106',
      comment: 'He said "yes", then left,\nfor good',
      status: 'confirmed',
    });
    expect(text).toContain('"He said ""yes"", then left,\nfor good"');
  });

  it('neutralises cells that would run as formulas', async () => {
    const rows = csvRecords((await download()).text);
    expect(rows[1]?.['name']).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[1]?.['comment']).toBe(`'+1 from me`);
    expect(rows[2]?.['name']).toBe(`'@SUM(A1)`);
    expect(rows[2]?.['comment']).toBe(`'-2`);
  });

  it('filters by status, dates, town, ZIP code and source', async () => {
    const names = async (query: string) => csvRecords((await download(query)).text).map((r) => r['postal_code']);
    expect(await names('?status=all')).toHaveLength(4);
    expect(await names('?from=2026-11-10')).toEqual(['06510', '06511']);
    expect(await names('?to=2026-11-10')).toEqual(['06106', '06510']);
    expect(await names('?from=2026-11-03&to=2026-11-14')).toEqual(['06510']);
    expect(await names('?town=New+Haven')).toEqual(['06510', '06511']);
    expect(await names('?zip=06106&status=all')).toEqual(['06106', '06106']);
    expect(await names('?source=whatsapp')).toEqual(['06510']);
  });

  it('answers a bad date with 422 and a message in the reader’s language', async () => {
    const res = await getAs(t, owner, `/organize/${id}/export.csv?from=2026-13-45`, { 'Accept-Language': 'es' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Escriba la fecha como año-mes-día');
    expect(html).toContain('value="2026-13-45"');
    const range = await getAs(t, owner, `/organize/${id}/export.csv?from=2026-11-10&to=2026-11-01`);
    expect(range.status).toBe(422);
    expect(await range.text()).toContain(copy('en', 'export.error.range'));
  });

  it('writes an audit log row for each export, with who and which filters', async () => {
    await download('?town=Hartford&from=2026-11-01');
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: owner.user.id, action: 'export.csv', petition_id: id });
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({
      via: 'web',
      filters: { status: 'confirmed', from: '2026-11-01', town: 'Hartford' },
    });
  });
});
