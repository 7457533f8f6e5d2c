// Paper signatures from a CSV file with `firma import signatures`, on both engines: a file with bad rows gets every
// problem with its line (name, ZIP code, email, sheet and line numbers, a line twice, an address twice, a language
// the petition lacks) and changes nothing; a good file enters every row at once — counted, method paper with its
// sheet and line, no email to a signer without one, a notice with a working withdraw link to one with — the public
// JSON's signatures_by_method and the dashboard show them apart, and the same file entered again is refused row by
// row (already entered, already signed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPaperImportCommand } from '../../src/signing/paper-command.js';
import { findPetitionBySlug } from '../../src/petitions/petition-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, TEST_SECRET } from '../support/factories.js';
import { getAs, postFormAs, postMultipartAs, signedIn } from '../support/accounts.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { linkIn } from '../support/smtp-sink.js';
import { openAndPress } from '../support/signer-link-button.js';
import { get, petitionJson } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';
import { csvRecords, pdfText } from '../delivery/exports-support.js';
import { createApiKey } from '../../src/api-keys/manage-api-keys.js';
import { findUserById } from '../../src/accounts/user-store.js';
import { districtPetition, twoHouseZips } from '../support/district-petition.js';
import { flushSignatureDistricts } from '../../src/targets/signature-districts.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'firma-paper-'));
function csvFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe.each(enginesToTest())('paper signatures entered from a file on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  async function run(slug: string, file: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runPaperImportCommand(
      {
        db: t.deps.db,
        now: t.deps.now,
        secret: TEST_SECRET,
        events: t.deps.events,
        signerMatcher: t.deps.signerMatcher,
        petitionBySlug: (s) => findPetitionBySlug(t.deps.db, s),
      },
      ['signatures', file],
      { petition: slug },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    return { code, out, err };
  }

  it('a file with bad rows is refused whole, every problem with its line; a good one is entered at once', async () => {
    const { id, slug } = await makePetition(t.deps.db, { requiresVerification: false });
    await postForm(t, `/p/${slug}/sign`, validSignature({ email: 'online@example.org' }));
    const bad = csvFile('bad.csv', [
      'sheet,line,name,postal_code,email,comment,language',
      '1,1,Rosa Martínez,06106,,,es',
      '1,2,,06106,,,',
      '1,3,Luis Pérez,ABCDE,,,',
      '1,4,Ana Gómez,06106,not-an-email,,',
      '0,5,Marta Ruiz,06106,,,',
      '1,60,José Díaz,06106,,,',
      '1,1,Pedro Soto,06106,,,',
      '2,1,Carmen Vega,06105,carmen@example.org,,',
      '2,2,Carmen V.,06105,Carmen@Example.org,,',
      '2,3,Eva Luna,06105,online@example.org,,',
      '2,4,Sara Paz,06105,,,fr',
    ]);
    const refused = await run(slug, bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toEqual([]);
    expect(refused.err).toEqual([
      'Nothing was entered. Fix these rows and import the whole file again:',
      `  Line 3: ${copy('en', 'error.name.required')}`,
      `  Line 4: ${copy('en', 'error.postalCode.invalid')}`,
      `  Line 5: ${copy('en', 'error.email.invalid')}`,
      '  Line 6: The sheet number must be a whole number from 1 to 1,000,000.',
      '  Line 7: The line number must be a whole number from 1 to 50.',
      '  Line 8: This sheet and line are already on line 2 of the file.',
      '  Line 10: This email is already on line 9 of the file: one signature per person.',
      '  Line 11: This email already signed the petition (signature 1).'.replace('1)', `${await onlineId()})`),
      '  Line 12: The language must be one of the petition’s: en, es.',
    ]);
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toHaveLength(1);

    const good = csvFile('good.csv', [
      'Sheet,Line,Name,Postal_Code,Email,Comment,Language',
      '1,1,Rosa Martínez,06106,,Por mis hijos.,es',
      '1,2,Luis Pérez,06106-1234,luis@example.org,,',
      '2,1,"Gómez, Ana",06105,ana@example.org,,es',
    ]);
    const entered = await run(slug, good);
    expect(entered).toMatchObject({ code: 0, err: [] });
    expect(entered.out).toEqual(['3 signatures entered from 2 sheets; 2 signers were emailed a notice.']);
    const rows = await t.deps.db
      .selectFrom('signatures')
      .select([
        'name',
        'email',
        'postal_code',
        'comment',
        'locale',
        'status',
        'method',
        'sheet',
        'sheet_line',
        'source',
      ])
      .where('method', '=', 'paper')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Rosa Martínez',
        email: '',
        postal_code: '06106',
        comment: 'Por mis hijos.',
        locale: 'es',
        status: 'confirmed',
        method: 'paper',
        sheet: 1,
        sheet_line: 1,
        source: 'sheets',
      },
      {
        name: 'Luis Pérez',
        email: 'luis@example.org',
        postal_code: '06106',
        comment: null,
        locale: 'en',
        status: 'confirmed',
        method: 'paper',
        sheet: 1,
        sheet_line: 2,
        source: 'sheets',
      },
      {
        name: 'Gómez, Ana',
        email: 'ana@example.org',
        postal_code: '06105',
        comment: null,
        locale: 'es',
        status: 'confirmed',
        method: 'paper',
        sheet: 2,
        sheet_line: 1,
        source: 'sheets',
      },
    ]);
    t.advance(61_000);
    const json = await petitionJson(t, slug);
    expect(json.signature_count).toBe(4);
    expect(json.signatures_by_method).toEqual({ online: 1, paper: 3, kiosk: 0 });

    // A notice to the two who gave an email, in their language; the withdraw link works.
    await mailroom.worker.drainAll();
    const notices = (await mailroom.sink.waitFor(3)).filter((m) => m.to !== 'online@example.org');
    expect(notices.map((m) => [m.to, m.subject]).sort()).toEqual([
      ['ana@example.org', 'Se registró tu firma en «Arreglen la parada»'],
      ['luis@example.org', 'Your signature on “Fix the bus shelter” was entered'],
    ]);
    const ana = notices.find((m) => m.to === 'ana@example.org')!;
    expect(ana.text).toContain('desde una hoja de firmas en papel');
    await openAndPress(t, linkIn(ana, '/withdraw'));
    t.advance(61_000);
    expect((await petitionJson(t, slug)).signatures_by_method).toEqual({ online: 1, paper: 2, kiosk: 0 });

    const organizer = await signedIn(t, { role: 'admin' });
    expect(await (await getAs(t, organizer, `/organize/${id}`)).text()).toContain('1 online · 2 on paper');
    // Through the API, as a CRM sync reads them: gathered on paper, with sheet and line; no email, no address.
    const key = await createApiKey(
      {
        db: t.deps.db,
        now: t.deps.now,
        petitions: t.deps.petitions,
        users: { byId: (u) => findUserById(t.deps.db, u) },
      },
      { user: organizer.user, name: 'sync', petitionId: null, canWrite: false },
    );
    if (key.kind !== 'created') throw new Error(key.kind);
    const listed = (await (
      await t.app.request(`/api/v1/petitions/${id}/signatures`, { headers: { 'OSDI-API-Token': key.text } })
    ).json()) as { _embedded: { 'osdi:signatures': Record<string, unknown>[] } };
    const resources = listed._embedded['osdi:signatures'];
    expect(resources.map((r) => r['firma:method'])).toEqual(['online', 'paper', 'paper']);
    expect(resources[1]).toMatchObject({ 'firma:sheet': 1, 'firma:sheet_line': 1, person: { email_addresses: [] } });
    expect(resources[2]).toMatchObject({
      'firma:sheet': 1,
      'firma:sheet_line': 2,
      person: { email_addresses: [{ address: 'luis@example.org', primary: true }] },
    });
    // The packet's summary counts them apart, by the source they were entered with.
    const packet = await getAs(t, organizer, `/organize/${id}/packet.pdf`);
    const { text: packetText } = pdfText(new Uint8Array(await packet.arrayBuffer()));
    expect(packetText.replace(/\s+/g, ' ')).toMatch(/Gathered on paper \(signature sheets\) 2/);
    // Each paper row of the list names its sheet and line (where the page that proves it is), the online one its
    // date. Paper signers' names are delivered, as the sheet they signed says, though never shown on Firma's pages.
    const packetRows = packetText.split('\n').filter((line) => /^\s*[1-3]\s+(Rosa Martínez|Luis Pérez)\s/.test(line));
    expect(packetRows).toHaveLength(3);
    expect(packetRows[0]).toMatch(/^\s*1\s+Rosa Martínez\s/);
    expect(packetRows[0]).not.toContain('Sheet');
    expect(packetRows[1]).toMatch(/^\s*2\s+Rosa Martínez\s.*Sheet 1, line 1/);
    expect(packetRows[2]).toMatch(/^\s*3\s+Luis Pérez\s.*Sheet 1, line 2/);
    expect(await (await get(t, `/en/p/${slug}`)).text()).not.toContain('Luis Pérez');
    // The CSV export says the same, in columns of their own.
    const csv = csvRecords(await (await getAs(t, organizer, `/organize/${id}/export.csv`)).text());
    expect(csv.map((r) => [r['method'], r['sheet'], r['sheet_line']])).toEqual([
      ['online', '', ''],
      ['paper', '1', '1'],
      ['paper', '1', '2'],
    ]);

    // The same file again: each row refused, nothing entered twice.
    const again = await run(slug, good);
    expect(again.code).toBe(1);
    expect(again.err.slice(1)).toEqual([
      expect.stringMatching(/^ {2}Line 2: This sheet and line were already entered \(signature \d+\)\.$/),
      expect.stringMatching(/^ {2}Line 3: This sheet and line were already entered \(signature \d+\)\.$/),
    ]);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.details)])).toContainEqual([
      'signatures.paper_import',
      { count: 3, sheets: 2, emailed: 2, via: 'file' },
    ]);
  });

  it('a closed petition, an unknown one, a missing column or an unreadable file: a sentence and a status', async () => {
    const closed = await makePetition(t.deps.db, { status: 'closed' });
    const file = csvFile('one.csv', ['sheet,line,name,postal_code', '1,1,Rosa,06106']);
    expect(await run(closed.slug, file)).toMatchObject({
      code: 1,
      err: ['This petition does not take signatures now, so none can be entered.'],
    });
    expect((await run('no-such-petition', file)).code).toBe(2);
    const open = await makePetition(t.deps.db);
    const missing = await run(open.slug, csvFile('missing.csv', ['sheet,name', '1,Rosa']));
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('line');
    expect(missing.err.join('\n')).toContain('postal_code');
    expect((await run(open.slug, path.join(dir, 'nothing-here.csv'))).code).toBe(2);
    // A file wrong on every one of 300 lines: the first 200 problems, then how many more.
    const wrong = csvFile('wrong.csv', [
      'sheet,line,name,postal_code',
      ...Array.from({ length: 300 }, (_, i) => `${i + 1},1,${'N'.repeat(101)},06106`),
    ]);
    const capped = await run(open.slug, wrong);
    expect(capped.err).toHaveLength(1 + 200 + 1);
    expect(capped.err[1]).toBe('  Line 2: Your name can be at most 100 characters long.');
    expect(capped.err.at(-1)).toBe('  … and 100 more problems.');
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toEqual([]);
  });

  async function onlineId(): Promise<number> {
    const row = await t.deps.db
      .selectFrom('signatures')
      .select('id')
      .where('email', '=', 'online@example.org')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('on the paper page: the file is checked and its problems listed, then the rows shown are entered when accepted', async () => {
    const organizer = await signedIn(t, { locale: 'es' });
    const { id, slug } = await makePetition(t.deps.db, { ownerId: organizer.user.id });
    const upload = (text: string) => {
      const form = new FormData();
      form.set('csv', new File([text], 'hojas.csv', { type: 'text/csv' }));
      return postMultipartAs(t, organizer, `/organize/${id}/paper`, form, { 'Accept-Language': 'es' });
    };
    const empty = await postMultipartAs(t, organizer, `/organize/${id}/paper`, new FormData(), {
      'Accept-Language': 'es',
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(copy('es', 'paper.error.noFile'));

    const bad = await upload('sheet,line,name,postal_code\n1,1,,06106\n1,2,Luis,06106\n');
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain(copy('es', 'paper.invalid'));
    expect(badHtml).toContain(`Línea 2: ${copy('es', 'error.name.required')}`);
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toEqual([]);

    const text =
      'sheet,line,name,postal_code,email\n7,1,Rosa <b>Martínez</b>,06106,\n7,2,Luis Pérez,06106,luis@example.org\n';
    const checked = await upload(text);
    expect(checked.status).toBe(200);
    const html = await checked.text();
    expect(html).toContain('2 filas de 1 hoja, todo bien. Todavía no se registró nada.');
    expect(html).toContain('Registrar 2 firmas');
    expect(html).not.toContain('<b>Martínez</b>');
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toEqual([]);
    const csv = /name="csv" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const unescaped = csv
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(unescaped).toBe(text);

    const accepted = await postFormAs(
      t,
      organizer,
      `/organize/${id}/paper/accept`,
      { csv: unescaped },
      {
        'Accept-Language': 'es',
      },
    );
    expect(accepted.status).toBe(303);
    const after = await (
      await getAs(t, organizer, accepted.headers.get('location') ?? '', { 'Accept-Language': 'es' })
    ).text();
    expect(after).toContain('2 firmas registradas de 1 hoja; se envió un aviso a 1 persona.');
    expect(after).toContain('2 firmas registradas desde papel hasta ahora.');
    t.advance(61_000);
    expect((await petitionJson(t, slug)).signatures_by_method).toEqual({ online: 0, paper: 2, kiosk: 0 });
    // The same accepted again (a second click): refused row by row, nothing entered twice.
    const twice = await postFormAs(t, organizer, `/organize/${id}/paper/accept`, { csv: unescaped });
    expect(twice.status).toBe(422);
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toHaveLength(2);
  });

  it('paper signers of a petition to each signer’s legislators are matched to their districts by ZIP code', async () => {
    const { slug } = await districtPetition(t);
    const { home } = twoHouseZips();
    const file = csvFile('districts.csv', ['sheet,line,name,postal_code', `1,1,Rosa Martínez,${home.zip}`]);
    expect((await run(slug, file)).code).toBe(0);
    await flushSignatureDistricts(t.deps.db);
    const stored = await t.deps.db
      .selectFrom('signature_districts')
      .select(['chamber', 'method', 'district'])
      .where('chamber', '=', 'lower')
      .execute();
    expect(stored).toEqual([{ chamber: 'lower', method: 'zip', district: home.district }]);
  });
});
