// The editor's district targets, on both engines: an organizer ticks the chambers of a body in the directory, the
// petition publishes with them alone (no named target needed) and its page names them, a body not in the directory
// is ignored, and once someone has signed the chambers stay as they were.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { postForm, useTestApp, validSignature } from '../support/test-app.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { editedId, petitionFields } from '../organize/petition-form-fields.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { findBody } from '../../src/targets/directory-store.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../../src/targets/sample/seed-sample-assembly.js';

describe.each(enginesToTest())('an organizer sends each signature to the signer’s legislators on $name', (engine) => {
  const t = useTestApp(engine);

  async function assembly() {
    // Not about moderation: what an organizer publishes is public at once (post-moderation).
    await writeSetting(t.deps.db, 'moderationMode', 'post', null, t.deps.now());
    t.deps.settings.invalidate();
    await seedSampleAssembly({ db: t.deps.db, now: t.deps.now });
    const body = await findBody(t.deps.db, SAMPLE_BODY_SLUG);
    if (body === undefined) throw new Error('seeded');
    return body;
  }

  const seatsOf = (petitionId: number) =>
    t.deps.db
      .selectFrom('petition_seat_targets')
      .select(['body_id', 'chamber'])
      .where('petition_id', '=', petitionId)
      .orderBy('chamber', 'desc')
      .execute();

  it('ticks both chambers, publishes without a named target, and the page says where signatures go', async () => {
    const body = await assembly();
    const ana = await signedIn(t);
    const form = await (await getAs(t, ana, '/organize/new')).text();
    expect(form).toContain(`name="seat_${body.id}_upper"`);
    expect(form).toContain('Each signer&#39;s senator in the Connecticut General Assembly');
    const id = editedId(
      await postFormAs(
        t,
        ana,
        '/organize/new',
        petitionFields({
          target_0_en: '',
          target_0_es: '',
          [`seat_${body.id}_upper`]: 'yes',
          [`seat_${body.id}_lower`]: 'yes',
          seat_99999_upper: 'yes',
        }),
      ),
    );
    expect(await seatsOf(id)).toEqual([
      { body_id: body.id, chamber: 'upper' },
      { body_id: body.id, chamber: 'lower' },
    ]);
    expect((await postFormAs(t, ana, `/organize/${id}/publish`, {})).status).toBe(303);
    const es = await (await t.app.request('/es/p/light-the-park-street-crossing')).text();
    expect(es).toContain('el senador y el representante estatal de cada firmante en Asamblea General de Connecticut');
    expect(es).toContain('Datos de ejemplo');
  });

  it('without a named target or a chamber, publishing asks for a target', async () => {
    await assembly();
    const ana = await signedIn(t);
    const id = editedId(
      await postFormAs(t, ana, '/organize/new', petitionFields({ target_0_en: '', target_0_es: '' })),
    );
    const res = await postFormAs(t, ana, `/organize/${id}/publish`, {});
    expect(res.status).toBe(422);
  });

  it('once someone has signed, the chambers stay as they were whatever the form says', async () => {
    const body = await assembly();
    const ana = await signedIn(t);
    const id = editedId(
      await postFormAs(
        t,
        ana,
        '/organize/new',
        petitionFields({ [`seat_${body.id}_lower`]: 'yes', requires_verification: '' }),
      ),
    );
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    expect((await postForm(t, '/en/p/light-the-park-street-crossing/sign', validSignature())).status).toBe(303);
    const edit = await (await getAs(t, ana, `/organize/${id}/edit`)).text();
    expect(edit).toContain('People have signed: the legislators each signature goes to can no longer change');
    expect(edit).toMatch(
      new RegExp(`name="seat_${body.id}_lower" id="seat_${body.id}_lower" value="yes" checked="" disabled=""`),
    );
    const saved = await postFormAs(
      t,
      ana,
      `/organize/${id}/edit`,
      petitionFields({ [`seat_${body.id}_upper`]: 'yes', slug: 'light-the-park-street-crossing' }),
    );
    expect(saved.status).toBe(303);
    expect(await seatsOf(id)).toEqual([{ body_id: body.id, chamber: 'lower' }]);
  });
});
