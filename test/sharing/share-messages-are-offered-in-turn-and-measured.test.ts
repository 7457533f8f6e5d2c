// Share messages that learn: the organizer writes two or three per language; signers are offered them in turn on
// the thank-you page, each share button counting the share and carrying the message's own source code; the
// dashboard shows which brought more signatures per share.
import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { get } from '../support/requests.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { SHARES_COUNTED_PER_HOUR } from '../../src/web/public/share-routes.js';

const MESSAGES = [
  'Families are afraid to call the police. Sign for the Trust Act:',
  'It takes a minute, and it keeps families together. Sign here:',
];

/** The message a thank-you page offers, and its share buttons' addresses. */
function offered(html: string): { body: string | undefined; links: string[] } {
  const body = /<blockquote class="share-message">([^<]*)<\/blockquote>/.exec(html)?.[1];
  const links = [...html.matchAll(/<a class="share-(\w+)" href="([^"]+)"/g)].map((m) => m[2] ?? '');
  return { body, links };
}

describe.each(enginesToTest())('share messages on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;
  let slug: string;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id, slug } = await makePetition(t.deps.db, { ownerId: owner.user.id, slug: 'trust-act' }));
  });

  const add = (locale: string, body: string, language?: string) =>
    postFormAs(
      t,
      owner,
      `/organize/${id}/share/messages`,
      { message_locale: locale, message_body: body },
      language === undefined ? {} : { 'Accept-Language': language },
    );

  it('offers each message in turn on the thank-you page, in the reader’s language only', async () => {
    for (const body of MESSAGES) {
      const res = await add('en', body);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/organize/${id}/share?message=added#messages-heading`);
    }
    await add('es', 'Las familias tienen miedo. Firma por la Ley de Confianza:');
    const seen = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      const page = offered(await (await get(t, `/en/p/${slug}/thanks`)).text());
      seen.add(page.body ?? '');
      expect(page.links).toHaveLength(4);
      for (const link of page.links)
        expect(link).toMatch(new RegExp(`^/en/p/${slug}/share/(whatsapp|email|facebook|x)\\?m=\\d+$`));
    }
    expect([...seen].sort()).toEqual([...MESSAGES].sort());
    const es = offered(await (await get(t, `/es/p/${slug}/thanks`)).text());
    expect(es.body).toBe('Las familias tienen miedo. Firma por la Ley de Confianza:');
  });

  it('a share button counts the share and goes to the network with the message and a link carrying its source code', async () => {
    await add('en', MESSAGES[0] ?? '');
    const [message] = await t.deps.db.selectFrom('share_messages').select('id').execute();
    const m = message?.id ?? 0;
    const res = await get(t, `/en/p/${slug}/share/whatsapp?m=${m}`);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith('https://wa.me/?text=')).toBe(true);
    expect(decodeURIComponent(location.slice('https://wa.me/?text='.length))).toBe(
      `${MESSAGES[0]} ${TEST_ORIGIN}/en/p/${slug}?source=m${m}-whatsapp`,
    );
    const x = (await get(t, `/en/p/${slug}/share/x?m=${m}`)).headers.get('location') ?? '';
    expect(x).toMatch(/^https:\/\/x\.com\/intent\/post\?text=/);
    expect(decodeURIComponent(x)).toContain(`source=m${m}-x`);
    const shares = await t.deps.db
      .selectFrom('share_message_shares')
      .select(['network', 'shares'])
      .orderBy('network')
      .execute();
    expect(shares.map((s) => [s.network, Number(s.shares)])).toEqual([
      ['whatsapp', 1],
      ['x', 1],
    ]);

    // Pressed over and over from one address: still sent on every time, counted twenty times an hour.
    for (let i = 0; i < 30; i += 1) expect((await get(t, `/en/p/${slug}/share/email?m=${m}`)).status).toBe(303);
    const email = await t.deps.db
      .selectFrom('share_message_shares')
      .select('shares')
      .where('network', '=', 'email')
      .executeTakeFirst();
    expect(Number(email?.shares)).toBe(SHARES_COUNTED_PER_HOUR - 2);

    // Never anywhere else: an unknown network, another petition's message, a removed one, a bad id.
    const other = await makePetition(t.deps.db, { slug: 'other' });
    for (const path of [
      `/en/p/${slug}/share/evil?m=${m}`,
      `/en/p/other/share/whatsapp?m=${m}`,
      `/en/p/${slug}/share/whatsapp?m=abc`,
      `/en/p/${slug}/share/whatsapp`,
      `/en/p/${slug}/share/whatsapp?m=999999`,
    ])
      expect((await get(t, path)).status, path).toBe(404);
    expect(other.id).toBeGreaterThan(0);
    await postFormAs(t, owner, `/organize/${id}/share/messages/${m}/remove`, {});
    expect((await get(t, `/en/p/${slug}/share/whatsapp?m=${m}`)).status).toBe(404);
  });

  it('the dashboard shows each message’s shares, signatures and signatures per share, the best marked', async () => {
    for (const body of MESSAGES) await add('en', body);
    const [first, second] = (await t.deps.db.selectFrom('share_messages').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    for (let i = 0; i < 4; i += 1) await get(t, `/en/p/${slug}/share/whatsapp?m=${first}`);
    for (let i = 0; i < 2; i += 1) await get(t, `/en/p/${slug}/share/email?m=${second}`);
    // Shares but no signatures yet: no message is ahead, none is marked.
    expect(await (await getAs(t, owner, `/organize/${id}`)).text()).not.toContain('<tr class="best">');
    for (let i = 0; i < 2; i += 1) await makeSignature(t.deps.db, id, { source: `m${first}-whatsapp` });
    for (let i = 0; i < 3; i += 1) await makeSignature(t.deps.db, id, { source: `m${second}-email` });
    await makeSignature(t.deps.db, id, { source: 'flyer' });
    const html = await (await getAs(t, owner, `/organize/${id}`)).text();
    const rows = [
      ...html.matchAll(
        /<tr( class="best")?><td><span lang="en">([^<]+)<\/span>[\s\S]*?<td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><\/tr>/g,
      ),
    ].map((m) => ({ best: m[1] !== undefined, body: m[2], shares: m[3], signatures: m[4], perShare: m[5] }));
    expect(rows).toEqual([
      { best: false, body: MESSAGES[0], shares: '4', signatures: '2', perShare: '0.5' },
      { best: true, body: MESSAGES[1], shares: '2', signatures: '3', perShare: '1.5' },
    ]);
    const es = await (await getAs(t, owner, `/organize/${id}`, { 'Accept-Language': 'es' })).text();
    expect(es).toContain('Firmas por vez compartido');
    expect(es).toContain('1,5');
  });

  it('refuses an empty, too long or fourth message in a language, beside the field, in English and Spanish', async () => {
    const empty = await add('en', '   ');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('<p class="field-error" id="message_body-error">Write the message.</p>');
    const long = await add('en', 'x'.repeat(251), 'es');
    expect(long.status).toBe(422);
    expect(await long.text()).toContain(
      '<p class="field-error" id="message_body-error">Como máximo 250 caracteres.</p>',
    );
    const language = await add('fr', 'Bonjour');
    expect(language.status).toBe(422);
    expect(await language.text()).toContain('Choose one of the petition&#39;s languages.');
    for (let i = 0; i < 3; i += 1) expect((await add('en', `Message ${i}`)).status).toBe(303);
    const fourth = await add('en', 'One too many');
    expect(fourth.status).toBe(422);
    const html = await fourth.text();
    expect(html).toContain('This language already has 3 messages: remove one first.');
    expect(html).toContain('>One too many</textarea>');
    expect(await t.deps.db.selectFrom('share_messages').select('id').execute()).toHaveLength(3);
    // Another organizer cannot add to or remove from this petition.
    const stranger = await signedIn(t);
    const [message] = await t.deps.db.selectFrom('share_messages').select('id').execute();
    expect(
      (await postFormAs(t, stranger, `/organize/${id}/share/messages`, { message_locale: 'en', message_body: 'Hi' }))
        .status,
    ).toBe(404);
    expect((await postFormAs(t, stranger, `/organize/${id}/share/messages/${message?.id}/remove`, {})).status).toBe(
      404,
    );
  });
});
