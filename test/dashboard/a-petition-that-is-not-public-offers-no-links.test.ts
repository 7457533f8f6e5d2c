import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from '../organize/petition-form-fields.js';
import { moderator, publishAs, setModerationMode } from '../moderation/moderation-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('the dashboard of a petition that is not public, on $name', (engine) => {
  const t = useTestApp(engine);
  let ana: SignedIn;
  beforeEach(async () => {
    await setModerationMode(t, 'pre');
    ana = await signedIn(t, { email: 'ana@example.org' });
  });

  const page = async (path: string, locale = 'en') => {
    const res = await getAs(t, ana, path, { 'Accept-Language': locale });
    expect(res.status, path).toBe(200);
    return res.text();
  };

  /** Nothing on the page leads to the public petition, its share links, QR codes or embed. */
  function offersNoPublicLinks(html: string, p: { id: number; slug: string }) {
    expect(html).not.toContain(`/p/${p.slug}`);
    expect(html).not.toContain('id="base-link"');
    expect(html).not.toContain('wa.me');
    expect(html).not.toContain('qr.svg');
    expect(html).not.toContain('qr.png');
    expect(html).not.toContain('embed-snippet');
    // The preview, in the reader's language when the petition is written in it.
    expect(html).toContain(`href="/organize/${p.id}/preview/${/<html lang="es">/.test(html) ? 'es' : 'en'}"`);
  }

  it('held for review: the dashboard and share kit say so in English and Spanish, and offer only the preview', async () => {
    const p = await publishAs(t, ana);
    const dashboard = await page(`/organize/${p.id}`);
    expect(dashboard).toContain('<h2 id="not-public-heading">This petition is waiting for review</h2>');
    expect(dashboard).toContain(copy('en', 'dashboard.notPublic.held'));
    offersNoPublicLinks(dashboard, p);
    // The numbers are still there.
    expect(dashboard).toContain('data-count="confirmed"');

    const kit = await page(`/organize/${p.id}/share?source=flyer-1`);
    expect(kit).toContain(copy('en', 'dashboard.notPublic.waitingHeading'));
    expect(kit).toContain('Its link, share links, QR codes and embeddable form are offered once it is public');
    offersNoPublicLinks(kit, p);
    expect(kit).not.toContain('flyer-1');

    const es = await page(`/organize/${p.id}/share`, 'es');
    expect(es).toContain(copy('es', 'dashboard.notPublic.waitingHeading'));
    expect(es).toContain('Una persona moderadora la revisará antes de que sea pública.');
    offersNoPublicLinks(es, p);

    // The organizer's other pages for it link the preview too, not a public page that does not exist.
    for (const path of [`/organize/${p.id}/updates`, `/organize/${p.id}/updates/new`]) {
      const html = await page(path);
      expect(html, path).not.toContain(`/p/${p.slug}`);
      expect(html, path).toContain(`<a href="/organize/${p.id}/preview/en">Preview</a>`);
    }

    for (const qr of ['qr.svg', 'qr.png?source=flyer-1']) {
      const res = await getAs(t, ana, `/organize/${p.id}/${qr}`);
      expect(res.status, qr).toBe(409);
      expect(await res.text()).toContain(copy('en', 'dashboard.notPublic.heading'));
    }
  });

  it('rejected or hidden: the reason and the moderator’s note are shown instead of the links', async () => {
    const rejected = await publishAs(t, ana);
    const hidden = await publishAs(t, ana);
    const mo = await moderator(t);
    expect(
      (
        await postFormAs(t, mo, `/moderate/petitions/${rejected.id}/reject`, {
          reason: 'spam',
          note: 'Please remove the shop link.',
        })
      ).status,
    ).toBe(303);
    expect((await postFormAs(t, mo, `/moderate/petitions/${hidden.id}/approve`, {})).status).toBe(303);
    expect((await postFormAs(t, mo, `/moderate/petitions/${hidden.id}/hide`, { reason: 'offensive' })).status).toBe(
      303,
    );

    const r = await page(`/organize/${rejected.id}`);
    expect(r).toContain('<h2 id="not-public-heading">This petition is not public</h2>');
    expect(r).toContain('A moderator did not approve it. Reason: Spam or advertising.');
    expect(r).toContain('Note from the moderator: Please remove the shop link.');
    offersNoPublicLinks(r, rejected);
    const rEs = await page(`/organize/${rejected.id}/share`, 'es');
    expect(rEs).toContain('Una persona moderadora no la aprobó. Motivo: Spam o publicidad.');
    offersNoPublicLinks(rEs, rejected);

    const h = await page(`/organize/${hidden.id}/share`);
    expect(h).toContain('A moderator has hidden it. Reason: Offensive or hateful content.');
    offersNoPublicLinks(h, hidden);
    expect((await getAs(t, ana, `/organize/${hidden.id}/qr.svg`)).status).toBe(409);
  });

  it('a draft says it is a draft; once approved, the links, QR codes and embed are offered', async () => {
    const draftId = editedId(await postFormAs(t, ana, '/organize/new', petitionFields({ slug: 'still-a-draft' })));
    const draft = await page(`/organize/${draftId}`);
    expect(draft).toContain('It is still a draft.');
    offersNoPublicLinks(draft, { id: draftId, slug: 'still-a-draft' });

    const p = await publishAs(t, ana);
    expect((await postFormAs(t, await moderator(t), `/moderate/petitions/${p.id}/approve`, {})).status).toBe(303);
    const dashboard = await page(`/organize/${p.id}`);
    expect(dashboard).not.toContain('not-public-heading');
    expect(dashboard).toContain(`href="/en/p/${p.slug}"`);
    const kit = await page(`/organize/${p.id}/share`);
    expect(kit).not.toContain('not-public-heading');
    expect(kit).toContain(`id="base-link" type="url" value="http://localhost:3000/p/${p.slug}"`);
    expect(kit).toContain('wa.me');
    expect((await getAs(t, ana, `/organize/${p.id}/qr.svg`)).status).toBe(200);
  });
});
