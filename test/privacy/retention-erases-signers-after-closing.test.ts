import { beforeEach, describe, expect, it } from 'vitest';
import { confirmedByPlace } from '../../src/dashboard/dashboard-store.js';
import { DEFAULT_FILTERS } from '../../src/delivery/export-filters.js';
import { summarizeSignatures } from '../../src/delivery/export-store.js';
import { recordAudit } from '../../src/platform/audit/audit-store.js';
import { eraseDuePersonalData, retentionDeps } from '../../src/privacy/erase-due.js';
import { runPrivacyCommand } from '../../src/privacy/privacy-command.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { pdfText } from '../delivery/exports-support.js';
import { tablesHolding } from './personal-data.js';
import { copy } from '../support/copy.js';

const DAY = 24 * 3600_000;

describe.each(enginesToTest())('retention on $name', (engine) => {
  const t = useTestApp(engine);
  let ana: SignedIn;

  beforeEach(async () => {
    ana = await signedIn(t);
  });

  const signers = [
    {
      name: 'Rosa Martínez',
      email: 'rosa.martinez@example.org',
      postalCode: '06106',
      town: 'Hartford',
      comment: 'Mi familia vive aquí',
    },
    { name: 'Sam Lee', email: 'sam.lee@example.net', postalCode: '06106', town: 'Hartford', comment: null },
    {
      name: 'Ana Ruiz',
      email: 'ana.ruiz@example.com',
      postalCode: '06510',
      town: 'New Haven',
      comment: 'Por mis vecinos',
    },
    {
      name: 'Luis Gómez',
      email: 'luis.gomez@example.org',
      postalCode: '06510',
      town: 'New Haven',
      comment: null,
      pending: true,
    },
    { name: 'Mei Chen', email: 'mei.chen@example.org', postalCode: '99999', town: null, comment: 'Yes' },
  ];

  /** A petition with the signers above, each with address hashes, a domain and queued mail; and a report. */
  async function petitionWithSigners(slug: string, overrides: { closesAt?: string } = {}) {
    const { id } = await makePetition(t.deps.db, { slug, ownerId: ana.user.id, ...overrides });
    for (const s of signers) {
      await makeSignature(t.deps.db, id, {
        name: s.name,
        email: s.email,
        postalCode: s.postalCode,
        town: s.town,
        comment: s.comment,
        ipHash: `ip-${s.email}`,
        requiresVerification: s.pending === true,
        optIn: true,
      });
    }
    await t.deps.db
      .updateTable('signatures')
      .set((eb) => ({ ip_prefix_hash: eb.fn('lower', ['ip_hash']), email_domain: 'example.org' }))
      .where('petition_id', '=', id)
      .execute();
    await t.deps.db
      .insertInto('reports')
      .values({
        petition_id: id,
        signature_id: null,
        reason: 'spam',
        details: 'looks odd',
        locale: 'en',
        reporter_hash: 'reporter-hash-1',
        created_at: t.deps.now().toISOString(),
      })
      .execute();
    return id;
  }

  /** Months pass in these tests: the organizer signs in again (sessions expire). */
  const signInAgain = async () => {
    ana = { user: ana.user, cookie: `${SESSION_COOKIE}=${await createSession(t.deps.db, ana.user.id, t.deps.now())}` };
  };
  const erase = (batchSize?: number) =>
    eraseDuePersonalData(retentionDeps(t.deps), batchSize === undefined ? {} : { batchSize });
  const publicCount = async (slug: string) => {
    t.advance(1500); // past the one-second response cache
    return ((await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number }).signature_count;
  };
  const csv = async (id: number) =>
    (await (await getAs(t, ana, `/organize/${id}/export.csv?status=all`)).text()).split('\r\n').slice(1, -1);

  it('erases the signers of a closed petition after the configured days; counts, per-town totals and exports survive', async () => {
    const closed = await petitionWithSigners('closed-one');
    const open = await petitionWithSigners('still-open');
    await makeSignature(t.deps.db, open, { name: 'Only Open', email: 'only.open@example.org' });
    expect((await postFormAs(t, ana, `/organize/${closed}/close`, {})).status).toBe(303);
    // A moderator had removed a comment: its audit row kept the text.
    await recordAudit(t.deps.db, {
      actorId: ana.user.id,
      action: 'comment.remove',
      petitionId: closed,
      details: { signature: 1, comment: 'Texto quitado por moderación' },
      now: t.deps.now(),
    });

    const before = {
      count: await publicCount('closed-one'),
      places: await confirmedByPlace(t.deps.db, closed, 10),
      summary: await summarizeSignatures(t.deps.db, closed, DEFAULT_FILTERS),
      statuses: await t.deps.db
        .selectFrom('signatures')
        .select(['id', 'status', 'postal_code', 'town', 'source', 'locale', 'created_at', 'confirmed_at'])
        .where('petition_id', '=', closed)
        .orderBy('id')
        .execute(),
    };
    expect(before.count).toBe(4);

    t.advance(180 * DAY - 60_000);
    expect(await erase()).toEqual([]);
    t.advance(2 * 60_000);
    // Batches of two: five signatures take three transactions.
    expect(await erase(2)).toEqual([{ petitionId: closed, slug: 'closed-one', signatures: 5, mails: 5, reports: 1 }]);

    const rows = await t.deps.db
      .selectFrom('signatures')
      .selectAll()
      .where('petition_id', '=', closed)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      expect(row).toMatchObject({
        name: '',
        email: '',
        email_normalized: `erased:${row.id}`,
        comment: null,
        ip_hash: null,
        ip_prefix_hash: null,
        email_domain: null,
        token_salt: null,
        token_hash: null,
        name_display: 'erased',
        erased_at: t.deps.now().toISOString(),
      });
    }
    expect(
      rows.map((r) => ({
        id: r.id,
        status: r.status,
        postal_code: r.postal_code,
        town: r.town,
        source: r.source,
        locale: r.locale,
        created_at: r.created_at,
        confirmed_at: r.confirmed_at,
      })),
    ).toEqual(before.statuses);
    expect(await t.deps.db.selectFrom('mail_outbox').select('id').where('petition_id', '=', closed).execute()).toEqual(
      [],
    );
    expect(
      await t.deps.db
        .selectFrom('reports')
        .select(['reporter_hash', 'details'])
        .where('petition_id', '=', closed)
        .execute(),
    ).toEqual([{ reporter_hash: null, details: '' }]);
    const petition = await t.deps.db
      .selectFrom('petitions')
      .select('personal_data_erased_at')
      .where('id', '=', closed)
      .executeTakeFirstOrThrow();
    expect(petition.personal_data_erased_at).toBe(t.deps.now().toISOString());

    // No name or address of theirs is left in any table; the open petition's signers are all still there.
    const everything = signers.flatMap((s) => [s.name, s.email]);
    const left = await tablesHolding(t, [...everything, 'Texto quitado por moderación']);
    expect(Object.keys(left)).toEqual(['signatures']);
    const removal = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'comment.remove')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(removal.details)).toEqual({ signature: 1, comment: null, commentErased: true });
    const openRows = await t.deps.db
      .selectFrom('signatures')
      .select(['name', 'email', 'erased_at'])
      .where('petition_id', '=', open)
      .execute();
    expect(openRows).toHaveLength(6);
    expect(openRows.every((r) => r.erased_at === null && r.email !== '' && r.name !== '')).toBe(true);
    expect(new Set(left['signatures'])).toEqual(new Set(everything));

    // What the public, the organizer and a delivery packet count is unchanged.
    await signInAgain();
    expect(await publicCount('closed-one')).toBe(4);
    expect(await confirmedByPlace(t.deps.db, closed, 10)).toEqual(before.places);
    expect(await summarizeSignatures(t.deps.db, closed, DEFAULT_FILTERS)).toEqual({
      ...before.summary,
      withComments: 0,
    });
    const dashboard = await (await getAs(t, ana, `/organize/${closed}`)).text();
    expect(dashboard).toContain('New Haven');
    const packet = await getAs(t, ana, `/organize/${closed}/packet.pdf`);
    expect(packet.status).toBe(200);
    expect(packet.headers.get('content-type')).toBe('application/pdf');
    const { text } = pdfText(new Uint8Array(await packet.arrayBuffer()));
    expect(text.match(/Name erased \(privacy\)/g)).toHaveLength(4);
    expect(text).toContain('New Haven');
    for (const s of signers) expect(text).not.toContain(s.name);
    // The CSV keeps a row per signature, marked erased, with place and date but no name or comment.
    const lines = await csv(closed);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('1,,erased,Hartford,06106,2026-11-20T12:00:00.000Z,,,confirmed,en,online,,');
    // The public page lists no erased signer, not even as a blank line.
    const page = await (await t.app.request('/en/p/closed-one')).text();
    expect(page).toContain(copy('en', 'petition.noPublicSigners'));
    for (const s of signers) expect(page).not.toContain(s.name);

    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.erase').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, petition_id: closed });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      signatures: 5,
      mails: 5,
      retentionDays: 180,
      reportsForgotten: 1,
      removedCommentsForgotten: 1,
      invalidationCriteriaErased: 0,
    });

    // A second run finds nothing more to do, and leaves no second audit row.
    t.advance(DAY);
    expect(await erase()).toEqual([]);
    expect(
      await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'retention.erase').execute(),
    ).toHaveLength(1);
  });

  it('counts from a closing date that passed, with the number of days an admin set', async () => {
    const id = await petitionWithSigners('with-a-date', { closesAt: '2026-11-30T23:59:59.000Z' });
    const later = await petitionWithSigners('closes-later', { closesAt: '2027-06-30T23:59:59.000Z' });
    await writeSetting(t.deps.db, 'retentionDays', 30, null, t.deps.now());
    t.deps.settings.invalidate();

    t.advance(30 * DAY); // 25 days after the closing date
    expect(await erase()).toEqual([]);
    t.advance(6 * DAY);
    expect((await erase()).map((e) => e.petitionId)).toEqual([id]);
    const laterRows = await t.deps.db
      .selectFrom('signatures')
      .select('erased_at')
      .where('petition_id', '=', later)
      .execute();
    expect(laterRows.every((r) => r.erased_at === null)).toBe(true);
  });

  it('a petition a moderator rejected counts from the rejection; a hidden one is kept until it closes', async () => {
    const rejected = await petitionWithSigners('rejected-one');
    const hidden = await petitionWithSigners('hidden-one');
    const at = t.deps.now().toISOString();
    await t.deps.db
      .updateTable('petitions')
      .set({ moderation_state: 'rejected', reviewed_at: at })
      .where('id', '=', rejected)
      .execute();
    await t.deps.db
      .updateTable('petitions')
      .set({ hidden_at: at, hidden_reason: 'spam' })
      .where('id', '=', hidden)
      .execute();
    t.advance(181 * DAY);
    expect((await erase()).map((e) => e.petitionId)).toEqual([rejected]);
  });

  it('two workers erasing at once erase everything once, and leave one audit row', async () => {
    const id = await petitionWithSigners('two-workers');
    await postFormAs(t, ana, `/organize/${id}/close`, {});
    t.advance(181 * DAY);
    const [a, b] = await Promise.all([erase(2), erase(2)]);
    expect([...(a ?? []), ...(b ?? [])].map((e) => e.petitionId)).toEqual([id]);
    const rows = await t.deps.db
      .selectFrom('signatures')
      .select(['erased_at', 'email'])
      .where('petition_id', '=', id)
      .execute();
    expect(rows.every((r) => r.erased_at !== null && r.email === '')).toBe(true);
    expect(
      await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'retention.erase').execute(),
    ).toHaveLength(1);
  });

  it('a reopened petition keeps its new signers until it closes again and the days pass', async () => {
    const id = await petitionWithSigners('reopened');
    await postFormAs(t, ana, `/organize/${id}/close`, {});
    t.advance(181 * DAY);
    expect(await erase()).toHaveLength(1);
    await signInAgain();
    expect((await postFormAs(t, ana, `/organize/${id}/reopen`, {})).headers.get('location')).toBe(
      `/organize/${id}/edit?done=reopened`,
    );
    await makeSignature(t.deps.db, id, { name: 'New Signer', email: 'new.signer@example.org' });
    t.advance(400 * DAY);
    expect(await erase()).toEqual([]);
    await signInAgain();
    expect((await postFormAs(t, ana, `/organize/${id}/close`, {})).headers.get('location')).toBe(
      `/organize/${id}/edit?done=closed`,
    );
    t.advance(181 * DAY);
    expect(await erase()).toEqual([{ petitionId: id, slug: 'reopened', signatures: 1, mails: 1, reports: 0 }]);
    expect(await publicCount('reopened')).toBe(5);
  });

  it('firma privacy erase-due runs the same erasure and says what it did', async () => {
    const id = await petitionWithSigners('by-command');
    await postFormAs(t, ana, `/organize/${id}/close`, {});
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(`error: ${line}`) };
    expect(await runPrivacyCommand(t.deps, ['erase-due'], io)).toBe(0);
    expect(out).toEqual(['No petition closed more than 180 days ago has personal data left to erase.']);
    t.advance(181 * DAY);
    expect(await runPrivacyCommand(t.deps, ['erase-due'], io)).toBe(0);
    expect(out[1]).toBe('by-command: 5 signature(s) erased, 5 mail record(s) deleted, 1 reporter hash(es) removed');
    expect(await runPrivacyCommand(t.deps, ['erase'], io)).toBe(2);
  });
});
