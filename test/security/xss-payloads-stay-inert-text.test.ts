import { beforeEach, describe, expect, it, vi } from 'vitest';
import { csvRecords, pdfText } from '../delivery/exports-support.js';
import { editedId, petitionFields } from '../organize/petition-form-fields.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makeSignature } from '../support/factories.js';
import { postForm, TEST_ORIGIN, validSignature, useTestApp } from '../support/test-app.js';
import { fillPath, registeredRoutes } from './app-routes.js';
import { unsafeMarkup } from './html-safety.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

/** Each short enough for a signer's name (100 characters); together they go in the long petition texts. */
const PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '"><img src=x onerror=alert("xss-2")>',
  "'><svg onload=alert('xss-3')><svg>",
  '<svg><script>alert("xss-4")</script></svg>',
  '[click](javascript:alert("xss-5"))',
  '[x](JaVaScRiPt:alert(6)) <javascript:alert(7)>',
  '![img](x" onerror="alert(8))',
  '<a href="javascript:alert(9)">x</a>',
  '</textarea></title><iframe src=//evil.example>',
  '<style>body{display:none}</style><base href=//evil.example/>',
  '＜script＞alert(10)＜/script＞ <scr\u200Bipt>alert(11)</script>',
  '{{constructor.constructor("alert(12)")()}} ${alert(13)}',
  '&lt;script&gt;alert(14)&lt;/script&gt; &#60;b&#62;',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>',
];
const SHORT = '<script>alert("xss-t")</script>"><img src=x onerror=alert(1)>';
const ALL = PAYLOADS.join('\n\n');

describe.each(enginesToTest())('XSS payloads in every text field on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let admin: SignedIn;
  let id: number;
  const slug = 'hostile';
  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    owner = await signedIn(t);
    // The organizer's name, shown on their pages and in mail.
    expect((await postFormAs(t, owner, '/account', { name: PAYLOADS[1] ?? '' })).status).toBeLessThan(400);
    const fields = petitionFields({ slug, requires_verification: '' });
    for (const locale of ['en', 'es']) {
      fields[`title_${locale}`] = SHORT;
      fields[`statement_${locale}`] = `Fix it. ${ALL}`.slice(0, 2000);
      fields[`why_${locale}`] = ALL;
      fields[`delivery_details_${locale}`] = ALL;
      fields[`target_0_${locale}`] = SHORT;
    }
    id = editedId(await postFormAs(t, owner, '/organize/new', fields));
    expect((await postFormAs(t, owner, `/organize/${id}/publish`, {})).status).toBe(303);
    // Public whatever the moderation mode: this test is about rendering, not review.
    await t.deps.db.updateTable('petitions').set({ moderation_state: 'approved' }).where('id', '=', id).execute();
    t.advance(2000);
    // Signers: a payload in the name and the comment, shown in full; one more through ?source=.
    for (const [i, payload] of PAYLOADS.entries()) {
      const res = await postForm(
        t,
        `/en/p/${slug}/sign`,
        validSignature({
          email: `s${i}@example.org`,
          name: payload,
          comment: payload,
          name_display: i % 3 === 2 ? 'first_initial' : 'full',
          source: 'x"><b>',
        }),
      );
      expect(res.status, payload).toBe(303);
    }
    // An update and a delivery record, each field a payload.
    expect(
      (
        await postFormAs(t, owner, `/organize/${id}/updates/new`, {
          title_en: SHORT,
          body_en: ALL,
          title_es: SHORT,
          body_es: ALL,
        })
      ).status,
    ).toBe(303);
    const delivery = new FormData();
    for (const [name, value] of Object.entries({
      delivered_on: '2026-11-24',
      recipients: '0',
      location: SHORT,
      notes: ALL.slice(0, 1000),
    }))
      delivery.append(name, value);
    const delivered = await t.app.request(`/organize/${id}/delivery`, {
      method: 'POST',
      body: delivery,
      headers: { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin', Cookie: owner.cookie },
    });
    expect(delivered.status).toBe(303);
    // A report from the public, for the moderation queue.
    const signature = await t.deps.db.selectFrom('signatures').select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('reports')
      .values({
        petition_id: id,
        signature_id: signature.id,
        reason: 'offensive',
        details: ALL.slice(0, 500),
        locale: 'en',
        reporter_hash: null,
        created_at: t.deps.now().toISOString(),
      })
      .execute();
    t.advance(2000);
  });

  it('every page, for every visitor, in both languages, shows the payloads as text and never as markup', async () => {
    const params = { locale: 'en', slug, id: String(id), file: `${slug}.json` };
    const paths = registeredRoutes(t)
      .filter((r) => r.method === 'GET')
      .flatMap((r) => ['en', 'es'].map((locale) => fillPath(r.pattern, { ...params, locale })));
    paths.push(
      `/en/p/${slug}?source=${encodeURIComponent(SHORT)}`,
      `/en/p/${slug}/thanks?already=1`,
      `/es/p/${slug}/embed?source=${encodeURIComponent(SHORT)}`,
      `/organize/${id}/exports?source=${encodeURIComponent(SHORT)}&town=${encodeURIComponent(SHORT)}`,
    );
    const escapedSeen = new Set<string>();
    for (const path of [...new Set(paths)]) {
      for (const [who, headers] of [
        ['anonymous', {}],
        ['the owner', { Cookie: owner.cookie }],
        ['an admin', { Cookie: admin.cookie }],
      ] as const) {
        const res = await t.app.request(path, { headers });
        expect(res.status, `${path} as ${who}`).toBeLessThan(500);
        const type = res.headers.get('content-type') ?? '';
        if (type.startsWith('application/json')) {
          expect(JSON.stringify(await res.json())).not.toBe('');
          continue;
        }
        if (!type.startsWith('text/html')) continue;
        const html = await res.text();
        expect(unsafeMarkup(html), `${path} as ${who}`).toEqual([]);
        if (html.includes('&lt;script&gt;alert(')) escapedSeen.add(path);
      }
    }
    // The payloads did reach these pages (as escaped text): the public page in both languages, the
    // embed, the updates, the organizer's editor, dashboard and delivery pages.
    const reached = [
      `/en/p/${slug}`,
      `/es/p/${slug}`,
      `/en/p/${slug}/embed`,
      `/organize/${id}/edit`,
      `/organize/${id}/updates`,
      `/organize/${id}/delivery`,
    ];
    // The moderation pages show the reported comment and the report's text.
    if (registeredRoutes(t).some((r) => r.pattern === '/moderate/petitions/:id'))
      reached.push(`/moderate/petitions/${id}`);
    for (const path of reached) {
      expect([...escapedSeen], path).toContain(path);
    }
    const publicPage = await (await t.app.request(`/en/p/${slug}`)).text();
    expect(publicPage).toContain('&lt;svg onload=alert(');
    expect(publicPage).toContain('＜script＞alert(10)＜/script＞');
    expect(publicPage).toContain('&amp;lt;script&amp;gt;alert(14)');
  });

  it('the public JSON carries the texts as data, with no HTML interpretation', async () => {
    const res = await t.app.request(`/p/${slug}.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const json = (await res.json()) as { title: Record<string, string>; targets: { name: Record<string, string> }[] };
    expect(json.title['en']).toBe(SHORT);
    expect(json.targets[0]?.name['es']).toBe(SHORT);
  });

  it('the delivery packet prints the payloads as plain text', async () => {
    const res = await getAs(t, owner, `/organize/${id}/packet.pdf`);
    expect(res.status).toBe(200);
    const { text } = pdfText(new Uint8Array(await res.arrayBuffer()));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('<script>alert("xss-1")</script>');
    expect(flat).toContain('"><img src=x onerror=alert("xss-2")>');
  });

  it('the CSV carries the payloads as text and no cell starts a formula (=, +, -, @, tab, CR)', async () => {
    for (const name of [
      '=HYPERLINK("http://evil.example","x")',
      '+1+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
    ]) {
      await makeSignature(t.deps.db, id, { name, comment: name, postalCode: '06106' });
    }
    const res = await getAs(t, owner, `/organize/${id}/export.csv?status=all`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const records = csvRecords(await res.text());
    expect(records.length).toBeGreaterThanOrEqual(PAYLOADS.length + 6);
    for (const record of records) {
      for (const [column, value] of Object.entries(record))
        expect(value, `${column}: ${JSON.stringify(value)}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const names = records.map((r) => r['name']);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(names).toContain(`'\t=1+1`);
    expect(names).toContain(`'\r=1+1`);
    expect(names).toContain('<script>alert("xss-1")</script>');
  });

  it('the form sent back with mistakes keeps what was typed, escaped', async () => {
    for (const path of [`/en/p/${slug}/sign`, `/es/p/${slug}/embed/sign`]) {
      const res = await postForm(
        t,
        path,
        validSignature({ email: SHORT, postal_code: SHORT, name: SHORT, comment: ALL.slice(0, 900) }),
      );
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(unsafeMarkup(html)).toEqual([]);
      expect(html).toContain('&lt;script&gt;alert(&quot;xss-t&quot;)&lt;/script&gt;');
    }
  });
});
