// Printable signature sheets, on both engines: the exports page offers them in each of the petition's languages;
// the PDF (read back with pdftotext) has one numbered sheet per page with the petition's title, recipients and
// statement in that language, ten numbered lines under the column headings, the consent text naming the recipients,
// and the petition's address marked `?source=paper`; what is out of range is brought within it; another organizer
// gets 404; the download and `firma export sheets` are audited.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { getAs, signedIn } from '../support/accounts.js';
import { pdfText, runExportOn } from './exports-support.js';

describe.each(enginesToTest())('signature sheets on $name', (engine) => {
  const t = useTestApp(engine);

  it('the exports page offers them; in Spanish, sheets 4 to 6 with the petition, the lines and the consent', async () => {
    const organizer = await signedIn(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: organizer.user.id });
    const page = await (await getAs(t, organizer, `/organize/${id}/exports`)).text();
    expect(page).toContain(`action="/organize/${id}/sheets.pdf"`);
    expect(page).toContain('<option value="es">');

    const res = await getAs(t, organizer, `/organize/${id}/sheets.pdf?locale=es&sheets=3&first=4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`${slug}-sheets-es-4.pdf`);
    const { text, pages } = pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(pages).toBe(3);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Hoja 4',
      'Hoja 5',
      'Hoja 6',
      'Arreglen la parada',
      'Para: Concejo Municipal',
      'Arreglen la parada de autobús de la calle Main.',
      'Nombre',
      'Dirección y código postal',
      'Correo electrónico (opcional)',
      'Firma',
      'Al firmar apoyas esta petición a Concejo Municipal.',
      `${TEST_ORIGIN}/es/p/${slug}?source=paper`,
    ])
      expect(flat, expected).toContain(expected);
    expect(flat).not.toContain('Hoja 7');
    // Ten numbered lines on each sheet.
    expect(text.split('\n').filter((line) => /^\s*10\s*$/.test(line))).toHaveLength(3);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.details)])).toEqual([
      ['export.sheets', { locale: 'es', sheets: 3, first: 4, via: 'web' }],
    ]);
  });

  it('in English by default; a language the petition lacks, no sheets or too many are brought within range', async () => {
    const organizer = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: organizer.user.id });
    const english = pdfText(
      new Uint8Array(
        await (await getAs(t, organizer, `/organize/${id}/sheets.pdf?locale=ar&sheets=0&first=x`)).arrayBuffer(),
      ),
    );
    expect(english.pages).toBe(1);
    expect(english.text).toContain('Sheet 1');
    expect(english.text.replace(/\s+/g, ' ')).toContain('Street address and ZIP code');
    const many = await getAs(t, organizer, `/organize/${id}/sheets.pdf?sheets=999999999999`);
    expect(many.status).toBe(200);
    expect(pdfText(new Uint8Array(await many.arrayBuffer())).pages).toBe(10);
  });

  it('another organizer gets 404; firma export sheets writes them and refuses a language the petition lacks', async () => {
    const owner = await signedIn(t);
    const other = await signedIn(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: owner.user.id });
    expect((await getAs(t, other, `/organize/${id}/sheets.pdf`)).status).toBe(404);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'firma-sheets-')), 'sheets.pdf');
    await runExportOn(t, { format: 'sheets', petition: slug, out: file, locale: 'es', sheets: '2' });
    const { text, pages } = pdfText(new Uint8Array(fs.readFileSync(file)));
    expect(pages).toBe(2);
    expect(text).toContain('Hoja 2');
    await expect(runExportOn(t, { format: 'sheets', petition: slug, locale: 'ht' })).rejects.toThrow(
      "--locale must be one of the petition's languages: en, es",
    );
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'export.sheets')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ locale: 'es', sheets: 2, first: 1, via: 'cli' }]);
  });
});
