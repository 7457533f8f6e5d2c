// A legislator's response on the petition page is moderated like a comment, on both engines: anyone can report it
// (the form quotes it in the language it was written in); moderators see it in the queue and can hide it, which
// closes its reports, leaves an audit row and takes it off the petition page; a hidden response, one of another
// petition or a made-up id cannot be reported.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { postForm, useTestApp } from '../support/test-app.js';
import { getAs, postFormAs } from '../support/accounts.js';
import { districtPetition } from '../support/district-petition.js';
import { makePetition } from '../support/factories.js';
import { auditRows, moderator } from './moderation-support.js';
import { respondents } from '../../src/targets/respond.js';
import { insertResponse } from '../../src/targets/responses-store.js';

describe.each(enginesToTest())('a legislator’s response can be reported on $name', (engine) => {
  const t = useTestApp(engine, { env: { TRUST_PROXY: 'true' } });
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  async function scene() {
    const { id, slug, bodyId } = await districtPetition(t);
    const [rep] = await respondents(t.deps.db, [{ bodyId, chamber: 'lower' }], t.deps.now().toISOString().slice(0, 10));
    if (rep === undefined) throw new Error('the sample House has members');
    const responseId = await insertResponse(t.deps.db, {
      petitionId: id,
      personId: rep.id,
      locale: 'es',
      body: 'Visiten mi oficina: spam.example',
      enteredBy: null,
      now: t.deps.now().toISOString(),
    });
    return { id, slug, rep, responseId };
  }

  it('anyone reports a response; a moderator hides it, which closes its reports and takes it off the page', async () => {
    const { id, slug, rep, responseId } = await scene();
    const path = `/en/p/${slug}/responses/${responseId}/report`;
    const page = await (await t.app.request(`/en/p/${slug}`)).text();
    expect(page).toContain(`href="${path}"`);
    expect(page).toContain(`aria-label="Report the response from ${rep.name}"`);
    const form = await (await t.app.request(`/es/p/${slug}/responses/${responseId}/report`)).text();
    expect(form).toContain('Denunciar la respuesta de un legislador o legisladora');
    expect(form).toMatch(/<blockquote class="reported-comment" lang="es" dir="ltr">Visiten mi oficina: spam.example/);
    expect((await postForm(t, path, { reason: 'spam', details: 'An ad' }, from('203.0.113.7'))).status).toBe(303);
    expect((await postForm(t, path, { reason: 'offensive', details: '' }, from('198.51.100.20'))).status).toBe(303);
    const rows = await t.deps.db.selectFrom('reports').select(['response_id', 'signature_id']).execute();
    expect(rows).toEqual([
      { response_id: responseId, signature_id: null },
      { response_id: responseId, signature_id: null },
    ]);

    const mo = await moderator(t);
    const queue = await (await getAs(t, mo, '/moderate?view=reported')).text();
    expect(queue).toContain('About a legislator&#39;s response');
    expect(queue).toContain('Visiten mi oficina: spam.example');
    const [first] = await t.deps.db.selectFrom('reports').select('id').orderBy('id').execute();
    const hidden = await postFormAs(t, mo, `/moderate/reports/${first?.id}/hide-response`, { back: 'reported' });
    expect(hidden.headers.get('location')).toBe('/moderate?view=reported&done=hide-response');
    const response = await t.deps.db
      .selectFrom('target_responses')
      .select(['hidden_at', 'hidden_by'])
      .executeTakeFirstOrThrow();
    expect(response.hidden_at).not.toBeNull();
    expect(response.hidden_by).toBe(mo.user.id);
    expect(await t.deps.db.selectFrom('reports').select(['resolution', 'resolved_by']).execute()).toEqual([
      { resolution: 'response_hidden', resolved_by: mo.user.id },
      { resolution: 'response_hidden', resolved_by: mo.user.id },
    ]);
    expect(await auditRows(t, 'response.hide')).toMatchObject([
      { actor_id: mo.user.id, petition_id: id, details: { responseId, reportsClosed: 2 } },
    ]);
    expect(await (await t.app.request(`/en/p/${slug}`)).text()).not.toContain('Visiten mi oficina');
    // Hidden: it cannot be reported, and hiding it again changes nothing.
    expect((await t.app.request(path)).status).toBe(404);
    expect((await postForm(t, path, { reason: 'spam' }, from('192.0.2.1'))).status).toBe(404);
    const again = await postFormAs(t, mo, `/moderate/reports/${first?.id}/hide-response`, { back: 'reported' });
    expect(again.headers.get('location')).toBe('/moderate?view=reported&done=unchanged');
  });

  it('a response of another petition, a made-up id and an id past the integer range are not found', async () => {
    const { slug, responseId } = await scene();
    const other = await makePetition(t.deps.db);
    expect((await t.app.request(`/en/p/${other.slug}/responses/${responseId}/report`)).status).toBe(404);
    expect((await t.app.request(`/en/p/${slug}/responses/${responseId + 1000}/report`)).status).toBe(404);
    expect((await t.app.request(`/en/p/${slug}/responses/99999999999999999999/report`)).status).toBe(404);
    expect((await t.app.request(`/en/p/${slug}/responses/1e3/report`)).status).toBe(404);
  });
});
