// A petition's closing reaches its webhooks once, on both engines, to a real HTTP receiver started here: when its
// closing date passes (found by the job, announced at the time it closed), not again when its organizer then closes
// it by hand; a date moved into the future opens it again, and its next closing is announced too; a petition
// reopened and closed by hand is announced again.
import { describe, expect, it } from 'vitest';
import { announcePassedClosings } from '../../src/petitions/closing-announcements.js';
import { closePetition, reopenPetition } from '../../src/petitions/petition-lifecycle.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { postFormAs, signedIn } from '../support/accounts.js';
import { useTestApp } from '../support/test-app.js';
import { addWebhook, useWebhookWorld } from '../support/webhook-receiver.js';
import { petitionFields } from '../organize/petition-form-fields.js';

const DAY = 24 * 3600_000;

describe.each(enginesToTest())('a petition whose closing date passes on $name', (engine) => {
  const t = useTestApp(engine, { env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  const w = useWebhookWorld(t);
  const announce = () => announcePassedClosings(t.deps.db, t.deps.now(), t.deps.events);
  const closings = async () => {
    await w.deliver();
    return w.receiver.received.filter((m) => m.json.type === 'petition.closed').map((m) => m.json.timestamp);
  };

  it('is announced to its webhooks once, when the date passes, and again only after it is opened again', async () => {
    const ana = await signedIn(t);
    // The test clock starts at 2026-11-25T12:00Z: the petition closes at the end of the next day.
    const { id, slug } = await makePetition(t.deps.db, {
      ownerId: ana.user.id,
      organizer: { name: 'Ana', email: ana.user.email },
      closesAt: '2026-11-26T23:59:59.000Z',
    });
    await addWebhook(t, ana, id, w.receiver.url, ['petition.closed']);
    const petition = async () => (await t.deps.petitions.byId(id))!;

    expect(await announce()).toEqual([]);
    t.advance(2 * DAY);
    // Two workers' rounds at once announce it once.
    expect((await Promise.all([announce(), announce()])).flat()).toEqual([id]);
    expect(await announce()).toEqual([]);
    expect(await closings()).toEqual(['2026-11-26T23:59:59.000Z']);

    // Its date moved on by the editor: open again, and its next closing is announced.
    const edited = await postFormAs(
      t,
      ana,
      `/organize/${id}/edit`,
      petitionFields({ slug, closes_on: '2026-12-10', requires_verification: '' }),
    );
    expect(edited.status).toBe(303);
    expect(await announce()).toEqual([]);
    expect(await closings()).toEqual(['2026-11-26T23:59:59.000Z']);
    t.advance(15 * DAY);
    expect(await announce()).toEqual([id]);
    // Closed by hand after its date passed: nothing more to announce.
    expect(await closePetition(t.deps, ana.user, await petition())).toBe(true);
    expect(await closings()).toEqual(['2026-11-26T23:59:59.000Z', '2026-12-10T23:59:59.000Z']);
  });

  it('a petition closed by hand is announced at once, and again after it was reopened and closed again', async () => {
    const ana = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: ana.user.id, closesAt: '2026-11-26T23:59:59.000Z' });
    await addWebhook(t, ana, id, w.receiver.url, ['petition.closed']);
    const petition = async () => (await t.deps.petitions.byId(id))!;
    expect(await closePetition(t.deps, ana.user, await petition())).toBe(true);
    const closedAt = t.deps.now().toISOString();
    // The date passing later announces nothing more: the job looks at open petitions only, and this one was told.
    t.advance(2 * DAY);
    expect(await announce()).toEqual([]);
    expect(await reopenPetition(t.deps, ana.user, await petition())).toBe(true);
    expect(await closePetition(t.deps, ana.user, await petition())).toBe(true);
    expect(await closings()).toEqual([closedAt, t.deps.now().toISOString()]);
  });
});
