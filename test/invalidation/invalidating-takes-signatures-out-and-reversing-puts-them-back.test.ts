import { beforeEach, describe, expect, it } from 'vitest';
import { signatureCounts } from '../../src/dashboard/dashboard-store.js';
import { processInvalidations } from '../../src/moderation/invalidation/invalidation-job.js';
import { countSignatures } from '../../src/signing/signature-counts.js';
import { fanOutUpdates } from '../../src/updates/fan-out-updates.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get, petitionJson } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { addSigners, type Signer } from './seed.js';
import { copy } from '../support/copy.js';

const honest: Signer[] = Array.from({ length: 30 }, (_, i) => ({
  email: `person${i}@example.org`,
  address: `198.51.${i}.9`,
  optIn: true,
}));
const bots: Signer[] = Array.from({ length: 25 }, (_, i) => ({
  email: `bot${i}@mailinator.com`,
  address: `203.0.113.${i + 1}`,
  optIn: true,
  status: i < 20 ? ('confirmed' as const) : ('pending' as const),
}));

describe.each(enginesToTest())('bulk invalidation on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let petition: { id: number; slug: string };
  const criteria = { reason: 'Scripted signatures from a disposable provider', domain: 'mailinator.com' };

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db);
    await addSigners(t, petition.id, [...honest, ...bots]);
  });

  async function invalidate(): Promise<number> {
    const res = await postFormAs(t, admin, '/admin/invalidations', { slug: petition.slug, ...criteria });
    expect(res.status).toBe(303);
    const match = /^\/admin\/invalidations\/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '');
    expect(match).not.toBeNull();
    return Number(match?.[1]);
  }

  it('the preview counts what the job then invalidates, and later signatures are left alone', async () => {
    const preview = await postFormAs(t, admin, '/admin/invalidations/preview', { slug: petition.slug, ...criteria });
    expect(await preview.text()).toContain('25 signatures match: 20 confirmed, 5 waiting for confirmation.');
    const id = await invalidate();
    await addSigners(t, petition.id, [{ email: 'late@mailinator.com' }]);
    await processInvalidations(t.deps);
    const row = await t.deps.db.selectFrom('invalidations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.state).toBe('done');
    expect(Number(row.matched)).toBe(25);
    expect(Number(row.processed)).toBe(25);
    const taken = await t.deps.db
      .selectFrom('signatures')
      .select(['email', 'status_before_invalidation'])
      .where('invalidation_id', '=', id)
      .where('status', '=', 'invalidated')
      .orderBy('id')
      .execute();
    expect(taken.map((s) => s.email)).toEqual(bots.map((b) => b.email));
    expect(taken.filter((s) => s.status_before_invalidation === 'confirmed')).toHaveLength(20);
    const late = await t.deps.db
      .selectFrom('signatures')
      .select('status')
      .where('email', '=', 'late@mailinator.com')
      .executeTakeFirstOrThrow();
    expect(late.status).toBe('confirmed');
  });

  it('the count drops by the confirmed ones invalidated and comes back exactly after reversing', async () => {
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(50);
    const id = await invalidate();
    await processInvalidations(t.deps);
    // The job clears this process's caches; another process's expire within a second.
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(30);
    expect((await countSignatures(t.deps.db, [petition.id])).get(petition.id)).toBe(30);

    const reverse = await postFormAs(t, admin, `/admin/invalidations/${id}/reverse`, {});
    expect(reverse.status).toBe(303);
    expect(reverse.headers.get('location')).toBe(`/admin/invalidations/${id}?done=reversing`);
    await processInvalidations(t.deps);
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(50);
    const statuses = await t.deps.db
      .selectFrom('signatures')
      .select(['status', 'invalidation_id', 'status_before_invalidation'])
      .where('email', 'like', 'bot%')
      .orderBy('id')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(bots.map((b) => b.status ?? 'confirmed'));
    expect(statuses.every((s) => s.invalidation_id === null && s.status_before_invalidation === null)).toBe(true);
    const row = await t.deps.db
      .selectFrom('invalidations')
      .select(['state', 'reversed_at', 'reversed_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'reversed', reversed_at: t.deps.now().toISOString(), reversed_by: admin.user.id });
  });

  it('invalidated signers leave the public list, the exports, the dashboard totals and the update emails', async () => {
    const outbox = await t.deps.db
      .insertInto('mail_outbox')
      .values({
        kind: 'thanks',
        petition_id: petition.id,
        signature_id: (
          await t.deps.db
            .selectFrom('signatures')
            .select('id')
            .where('email', '=', 'bot0@mailinator.com')
            .executeTakeFirstOrThrow()
        ).id,
        recipient: null,
        locale: 'en',
        payload: '{}',
        dedupe_key: null,
        status: 'queued',
        attempts: 0,
        next_attempt_at: t.deps.now().toISOString(),
        created_at: t.deps.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await invalidate();
    await processInvalidations(t.deps);

    const page = await (await get(t, `/en/p/${petition.slug}`)).text();
    expect(page).toContain('Signer person29');
    expect(page).not.toContain('Signer bot');
    for (const status of ['all', 'confirmed']) {
      const csv = await (await getAs(t, admin, `/organize/${petition.id}/export.csv?status=${status}`)).text();
      expect(csv).not.toContain('Signer bot');
      expect(csv).toContain('Signer person0');
      expect(csv.trim().split('\n')).toHaveLength(31);
    }
    expect(await signatureCounts(t.deps.db, petition.id)).toEqual({ confirmed: 30, pending: 0, total: 30 });
    const mail = await t.deps.db
      .selectFrom('mail_outbox')
      .select('status')
      .where('id', '=', outbox.id)
      .executeTakeFirstOrThrow();
    expect(mail.status).toBe('cancelled');

    await t.deps.db
      .insertInto('petition_updates')
      .values({
        petition_id: petition.id,
        author_id: admin.user.id,
        created_at: t.deps.now().toISOString(),
        email_signers: 1,
      })
      .execute();
    expect(await fanOutUpdates(t.deps.db, t.deps.now)).toBe(30);
    const updateMails = await t.deps.db
      .selectFrom('mail_outbox')
      .innerJoin('signatures', 'signatures.id', 'mail_outbox.signature_id')
      .select('signatures.email')
      .where('mail_outbox.kind', '=', 'petition_update')
      .execute();
    expect(updateMails.some((m) => m.email.includes('mailinator'))).toBe(false);
  });

  it('every step is in the audit log, with who and why', async () => {
    const id = await invalidate();
    await processInvalidations(t.deps);
    await postFormAs(t, admin, `/admin/invalidations/${id}/reverse`, {});
    await processInvalidations(t.deps);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'petition_id', 'details'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id, a.petition_id])).toEqual([
      ['invalidation.create', admin.user.id, petition.id],
      ['invalidation.finish', null, petition.id],
      ['invalidation.reverse', admin.user.id, petition.id],
      ['invalidation.reversed', null, petition.id],
    ]);
    const created = JSON.parse(audit[0]?.details ?? '{}') as Record<string, unknown>;
    expect(created).toMatchObject({
      invalidation: id,
      reason: criteria.reason,
      criteria: { domain: 'mailinator.com' },
      matched: 25,
      confirmed: 20,
      pending: 5,
    });
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({ invalidation: id, processed: 25 });
  });

  it('the progress page refreshes itself while the job runs, when asked, and offers to reverse once done', async () => {
    const created = await postFormAs(t, admin, '/admin/invalidations', {
      slug: petition.slug,
      ...criteria,
      follow: 'auto',
    });
    const id = Number(/(\d+)\?done=created&refresh=auto$/.exec(created.headers.get('location') ?? '')?.[1]);
    const queued = await (await getAs(t, admin, `/admin/invalidations/${id}?done=created&refresh=auto`)).text();
    expect(queued).toContain(`<meta http-equiv="refresh" content="3; url=/admin/invalidations/${id}?refresh=auto"/>`);
    expect(queued).toContain(
      `This page refreshes itself every 3 seconds. <a href="/admin/invalidations/${id}">Stop refreshing</a>`,
    );
    // Not asked (or stopped): no refresh, a link to reload and one to start it.
    const still = await (await getAs(t, admin, `/admin/invalidations/${id}`)).text();
    expect(still).not.toContain('http-equiv="refresh"');
    expect(still).toContain(`<a href="/admin/invalidations/${id}?refresh=auto">Refresh it every 3 seconds</a>`);
    expect(queued).toContain(copy('en', 'invalidation.state.queued'));
    expect(queued).toContain('0 of 25 processed');
    expect(queued).toContain(`action="/admin/invalidations/${id}/cancel"`);
    expect(queued).not.toContain('<script>');
    await processInvalidations(t.deps);
    expect(queued).toContain(copy('en', 'invalidation.notice.created'));
    // Reloaded at the same address: once done, "queued" is no longer said, and nothing refreshes.
    const done = await (await getAs(t, admin, `/admin/invalidations/${id}?done=created&refresh=auto`)).text();
    expect(done).not.toContain('queued and starts');
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).toContain('Done');
    expect(done).toContain('25 of 25 processed');
    expect(done).toContain('25 signatures are invalidated by it now: 20 were confirmed, 5 waiting for confirmation.');
    expect(done).toContain(`action="/admin/invalidations/${id}/reverse"`);
    expect(done).toContain('b***@mailinator.com');
    expect(done).not.toContain('bot0@');
    const list = await (await getAs(t, admin, '/admin/invalidations')).text();
    expect(list).toContain(`href="/admin/invalidations/${id}"`);
  });
});
