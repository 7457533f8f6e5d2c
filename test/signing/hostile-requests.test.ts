import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get, postRaw, signatureRows } from '../support/requests.js';
import { postForm, TEST_ORIGIN, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const FORM = 'application/x-www-form-urlencoded';
const SAME_ORIGIN = { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' };

function multipart(fields: Record<string, string>, boundary = 'firmaBoundary7MA4YWxk'): string {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

describe.each(enginesToTest())('requests that attack the sign form on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  describe('cross-site posts (CSRF)', () => {
    it('a post from another site is refused with 403 and nothing is stored', async () => {
      const attempts: [string, Record<string, string>][] = [
        ['another site’s Origin', { Origin: 'https://evil.example' }],
        ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: TEST_ORIGIN }],
        ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site' }],
        ['Origin: null (a sandboxed frame)', { Origin: 'null' }],
        ['a look-alike origin', { Origin: `${TEST_ORIGIN}.evil.example` }],
        ['neither header', {}],
      ];
      for (const [what, headers] of attempts) {
        const res = await postRaw(t, `/en/p/${slug}/sign`, new URLSearchParams(validSignature()).toString(), {
          'Content-Type': FORM,
          ...headers,
        });
        expect(res.status, what).toBe(403);
        expect(await res.text(), what).toContain(copy('en', 'page.forbidden.title'));
        expect(await signatureRows(t.deps.db), what).toHaveLength(0);
      }
    });

    it('the refusal is in the signer’s language', async () => {
      const res = await postRaw(t, `/es/p/${slug}/sign`, new URLSearchParams(validSignature()).toString(), {
        'Content-Type': FORM,
        Origin: 'https://evil.example',
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(copy('es', 'page.forbidden.title'));
    });

    it('a post from this site is accepted, whichever of the two headers the browser sends', async () => {
      const browsers: [string, Record<string, string>][] = [
        ['Sec-Fetch-Site: same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
        ['the site’s own Origin (an older browser)', { Origin: TEST_ORIGIN }],
        ['both', SAME_ORIGIN],
      ];
      for (const [i, [what, headers]] of browsers.entries()) {
        const fields = validSignature({ email: `browser${i}@example.org` });
        const res = await postRaw(t, `/en/p/${slug}/sign`, new URLSearchParams(fields).toString(), {
          'Content-Type': FORM,
          ...headers,
        });
        expect(res.status, what).toBe(303);
      }
      expect(await signatureRows(t.deps.db)).toHaveLength(browsers.length);
    });
  });

  describe('bodies Firma does not accept', () => {
    it.each([
      ['with a Content-Length', true],
      ['streamed, without a Content-Length', false],
    ])('a body over 16 KiB (%s) gets a 413 page in the signer’s language', async (_what, withLength) => {
      const body = new URLSearchParams(validSignature({ comment: 'x'.repeat(17 * 1024) })).toString();
      const headers: Record<string, string> = {
        'Content-Type': FORM,
        ...SAME_ORIGIN,
        ...(withLength ? { 'Content-Length': String(body.length) } : {}),
      };
      const en = await postRaw(t, `/en/p/${slug}/sign`, body, headers);
      expect(en.status).toBe(413);
      expect(await en.text()).toContain(copy('en', 'page.tooLarge.title'));
      const es = await postRaw(t, `/es/p/${slug}/sign`, body, headers);
      expect(es.status).toBe(413);
      expect(await es.text()).toContain(copy('es', 'page.tooLarge.title'));
      expect(await signatureRows(t.deps.db)).toHaveLength(0);
    });

    it('a form just under the limit is read normally', async () => {
      const res = await postForm(t, `/en/p/${slug}/sign`, validSignature({ comment: 'x'.repeat(1000), website: '' }));
      expect(res.status).toBe(303);
    });

    it('a body that is not a form (JSON, plain text, XML, no type) gets 415 and nothing is stored', async () => {
      const attempts: [string | undefined, string][] = [
        ['application/json', JSON.stringify(validSignature())],
        ['text/plain', new URLSearchParams(validSignature()).toString()],
        ['application/xml', '<signature/>'],
        [undefined, new URLSearchParams(validSignature()).toString()],
      ];
      for (const [contentType, body] of attempts) {
        const res = await postRaw(t, `/es/p/${slug}/sign`, body, {
          ...SAME_ORIGIN,
          ...(contentType === undefined ? {} : { 'Content-Type': contentType }),
        });
        expect(res.status, contentType).toBe(415);
        expect(await res.text(), contentType).toContain(copy('es', 'page.unsupportedType.title'));
      }
      expect(await signatureRows(t.deps.db)).toHaveLength(0);
    });

    it('a well-formed multipart form is accepted like any other', async () => {
      const res = await postRaw(t, `/en/p/${slug}/sign`, multipart(validSignature()), {
        'Content-Type': 'multipart/form-data; boundary=firmaBoundary7MA4YWxk',
        ...SAME_ORIGIN,
      });
      expect(res.status).toBe(303);
      expect(await signatureRows(t.deps.db)).toHaveLength(1);
    });

    it('a malformed multipart body gets 400, never 500', async () => {
      const attempts: [string, string, string][] = [
        ['no boundary', 'multipart/form-data', multipart(validSignature())],
        ['a boundary that never appears', 'multipart/form-data; boundary=other', multipart(validSignature())],
        ['garbage', 'multipart/form-data; boundary=x', '\u0000\u0001garbage\r\n--x\r\nnot a header\r\n'],
        [
          'a cut-off body',
          'multipart/form-data; boundary=firmaBoundary7MA4YWxk',
          multipart(validSignature()).slice(0, 60),
        ],
      ];
      for (const [what, contentType, body] of attempts) {
        const res = await postRaw(t, `/en/p/${slug}/sign`, body, { 'Content-Type': contentType, ...SAME_ORIGIN });
        expect(res.status, what).toBe(400);
        expect(await res.text(), what).toContain(copy('en', 'page.unsupportedType.title'));
      }
      expect(await signatureRows(t.deps.db)).toHaveLength(0);
    });

    it('a file where a name should be is a mistake in the form, not a crash', async () => {
      const boundary = 'b0undary';
      const { name: _name, ...rest } = validSignature();
      const filePart = `--${boundary}\r\nContent-Disposition: form-data; name="name"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nRosa\r\n`;
      const body = filePart + multipart(rest, boundary);
      const res = await postRaw(t, `/en/p/${slug}/sign`, body, {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        ...SAME_ORIGIN,
      });
      expect(res.status).toBe(422);
      expect(await signatureRows(t.deps.db)).toHaveLength(0);
    });
  });

  it('no form content makes the server fail: every post is signed (303) or answered with its mistakes (422)', async () => {
    const oddChar = fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u007f',
      '\n',
      '\r',
      '\t',
      '\u202e',
      '\ud800',
      '\ufeff',
      "'",
      '"',
      '<',
      '%',
      '+',
      '@',
      '.',
      ' ',
      'é',
      'e\u0301',
      '𝒲',
    );
    // Mostly a valid field, sometimes with an odd character slipped in, sometimes anything at all.
    const field = (valid: string) =>
      fc.oneof(
        { arbitrary: fc.constant(valid), weight: 3 },
        {
          arbitrary: fc
            .tuple(fc.nat({ max: valid.length }), oddChar)
            .map(([at, c]) => valid.slice(0, at) + c + valid.slice(at)),
          weight: 3,
        },
        { arbitrary: fc.oneof(fc.string({ unit: oddChar }), fc.string({ unit: 'binary', maxLength: 40 })), weight: 1 },
      );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: field('Rosa Martínez'),
          email: field('rosa@example.org'),
          postal_code: field('06106'),
          comment: field('Por mi familia'),
          name_display: field('full'),
          source: field('flyer'),
        }),
        async (fields) => {
          n += 1;
          t.advance(60_000);
          // A fresh address each time, so a duplicate is never the reason for the answer.
          const res = await postForm(t, `/en/p/${slug}/sign`, {
            ...validSignature(),
            ...fields,
            email: `${n}${fields.email}`,
          });
          expect([303, 422]).toContain(res.status);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe('SQL injection', () => {
    it('slugs that look like SQL are just pages that do not exist', async () => {
      for (const attempt of [
        "' OR '1'='1",
        "x'; DROP TABLE petitions; --",
        '1 OR 1=1',
        `${slug}' --`,
        `${slug}\u0000`,
      ]) {
        const encoded = encodeURIComponent(attempt);
        expect((await get(t, `/p/${encoded}`)).status, attempt).toBe(404);
        expect((await get(t, `/en/p/${encoded}`)).status, attempt).toBe(404);
        expect((await get(t, `/p/${encoded}.json`)).status, attempt).toBe(404);
        expect((await postForm(t, `/en/p/${encoded}/sign`, validSignature())).status, attempt).toBe(404);
      }
      expect(await signatureRows(t.deps.db)).toHaveLength(0);
      expect((await get(t, `/en/p/${slug}`)).status).toBe(200);
    });

    it('field values that look like SQL are stored exactly as typed and harm nothing', async () => {
      const fields = validSignature({
        name: "Robert'); DROP TABLE signatures;--",
        email: "o'brien+x@example.org",
        comment: "' OR 1=1; DELETE FROM petitions WHERE '1'='1",
        source: 'x',
      });
      expect((await postForm(t, `/en/p/${slug}/sign`, fields)).status).toBe(303);
      const rows = await signatureRows(t.deps.db);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: fields['name'], email: fields['email'], comment: fields['comment'] });
      expect((await get(t, `/en/p/${slug}`)).status).toBe(200);
      t.advance(1000);
      const json = (await (await get(t, `/p/${slug}.json`)).json()) as { signature_count: number };
      expect(json.signature_count).toBe(1);
    });
  });
});
