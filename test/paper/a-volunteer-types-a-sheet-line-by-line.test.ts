// The data-entry page, on both engines: a volunteer with the data-entry role types one signature sheet at a time.
// Problems come back beside their rows with everything typed kept and nothing entered; a good sheet is entered at
// once (method paper, its sheet and lines, a notice to a signer with an email), the page comes back with the next
// sheet's number and the cursor on its first line; a line entered twice and an empty sheet are refused; the volunteer
// sees nothing else of the petition, and the audit log names them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { copy } from '../support/copy.js';
import { inputValue } from '../support/html-fields.js';
import { petitionJson } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { putMember } from '../../src/teams/team-store.js';

describe.each(enginesToTest())('a volunteer types a sheet on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  let volunteer: SignedIn;
  let petition: { id: number; slug: string };
  beforeEach(async () => {
    mailroom = await openMailroom(t);
    const owner = await signedIn(t);
    petition = await makePetition(t.deps.db, { ownerId: owner.user.id });
    volunteer = await signedIn(t, { name: 'Vera Volunteer' });
    await putMember(t.deps.db, {
      petitionId: petition.id,
      userId: volunteer.user.id,
      role: 'data_entry',
      addedBy: owner.user.id,
      now: t.deps.now().toISOString(),
    });
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  const enter = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    postFormAs(t, volunteer, `/organize/${petition.id}/paper/enter`, fields, headers);
  const paperRows = () =>
    t.deps.db
      .selectFrom('signatures')
      .select(['name', 'email', 'postal_code', 'locale', 'method', 'sheet', 'sheet_line', 'status'])
      .where('petition_id', '=', petition.id)
      .orderBy('sheet_line')
      .execute();

  it('a sheet with problems comes back row by row with nothing entered; fixed, it goes in and the next is ready', async () => {
    const page = await getAs(t, volunteer, `/organize/${petition.id}/paper/enter`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Ten lines, as a printed sheet has; the cursor starts on the sheet number.
    expect(html.match(/name="name_\d+"/g)).toHaveLength(10);
    expect(html).toMatch(/<input[^>]*id="sheet"[^>]*autofocus/);
    // A petition in two languages: a language for each line.
    expect(html).toContain('name="language_1"');
    // Only the pages of the role: no dashboard, no editor, no sheets to print.
    expect(html).not.toContain(`href="/organize/${petition.id}/edit"`);
    expect(html).not.toContain(`href="/organize/${petition.id}"`);
    expect(html).not.toContain(`/exports`);

    const typed = {
      sheet: '7',
      name_1: 'Rosa Martínez',
      postal_code_1: '06106',
      email_1: 'rosa@example.org',
      language_1: 'es',
      name_2: 'Luis Pérez',
      postal_code_2: 'ABCDE',
      email_2: '',
      language_2: 'en',
      name_3: 'Rosa M.',
      postal_code_3: '06106',
      email_3: 'Rosa@Example.org',
      language_3: 'en',
      // Line 4 left empty on the sheet.
      name_5: 'Ana Gómez',
      postal_code_5: '06105',
      language_5: 'en',
    };
    const refused = await enter(typed, { 'Accept-Language': 'es' });
    expect(refused.status).toBe(422);
    const report = await refused.text();
    expect(report).toContain(copy('es', 'paperEntry.problems', { count: 2 }));
    expect(report).toContain('id="row-2-error"');
    expect(report).toContain('id="row-3-error"');
    expect(report).toContain(copy('es', 'paper.problem.sameEmailTyped', { first: 1 }));
    expect(report).not.toContain('id="row-1-error"');
    // The cursor goes to the first row with a problem; everything typed is still there.
    expect(report).toMatch(/<input[^>]*id="name-2"[^>]*autofocus/);
    expect(inputValue(report, 'name_5')).toBe('Ana Gómez');
    expect(inputValue(report, 'sheet')).toBe('7');
    expect(await paperRows()).toEqual([]);

    const fixed = await enter({ ...typed, postal_code_2: '06106', email_3: '' });
    expect(fixed.status).toBe(303);
    expect(fixed.headers.get('location')).toBe(`/organize/${petition.id}/paper/enter?entered=4&sheet=7`);
    expect(await paperRows()).toEqual([
      expect.objectContaining({
        name: 'Rosa Martínez',
        locale: 'es',
        method: 'paper',
        sheet: 7,
        sheet_line: 1,
        status: 'confirmed',
      }),
      expect.objectContaining({ name: 'Luis Pérez', email: '', method: 'paper', sheet: 7, sheet_line: 2 }),
      expect.objectContaining({ name: 'Rosa M.', sheet_line: 3 }),
      expect.objectContaining({ name: 'Ana Gómez', sheet_line: 5 }),
    ]);
    const next = await (await getAs(t, volunteer, fixed.headers.get('location') ?? '')).text();
    expect(next).toContain(copy('en', 'paperEntry.entered', { count: 4, sheet: 7 }));
    expect(inputValue(next, 'sheet')).toBe('8');
    expect(inputValue(next, 'name_1')).toBe('');
    expect(next).toMatch(/<input[^>]*id="name-1"[^>]*autofocus/);
    expect((await petitionJson(t, petition.slug)).signatures_by_method).toEqual({ online: 0, paper: 4, kiosk: 0 });

    // Only the signer who gave an email gets the notice, in their language.
    const mails = await mailroom.deliver();
    expect(mails.map((m) => m.to)).toEqual(['rosa@example.org']);
    expect(mails[0]?.subject).toBe(copy('es', 'mail.paperNotice.subject', { title: 'Arreglen la parada' }));

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'signatures.paper_import')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: volunteer.user.id })]);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ count: 4, sheets: 1, via: 'typed' });

    // The same line again is refused; nothing more goes in.
    const twice = await enter({ sheet: '7', name_1: 'Pedro Soto', postal_code_1: '06106' });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('id="row-1-error"');
    expect(await paperRows()).toHaveLength(4);
  });

  it('an empty sheet and a bad sheet number are refused once, clearly', async () => {
    const empty = await enter({ sheet: '3' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(copy('en', 'paperEntry.nothingTyped'));

    const badSheet = await enter({
      sheet: 'abc',
      name_1: 'Rosa',
      postal_code_1: '06106',
      name_2: 'Luis',
      postal_code_2: '06106',
    });
    expect(badSheet.status).toBe(422);
    const html = await badSheet.text();
    expect(html).toContain('id="sheet-error"');
    expect(html.match(/id="sheet-error"/g)).toHaveLength(1);
    expect(html).not.toContain('id="row-1-error"');
    expect(await paperRows()).toEqual([]);
  });
});
