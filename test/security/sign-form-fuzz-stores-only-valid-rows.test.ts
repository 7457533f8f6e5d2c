import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, NAME_DISPLAYS } from '../../src/signing/sign-form.js';
import { normalizeEmail } from '../../src/platform/normalize-email.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { signatureRows } from '../support/requests.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';

// What a stored signature may never contain (the sign form's own rules, restated here so a change
// there that lets worse through fails this test).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[^\s@"(),:;<>[\\\]_.]+\.)+[^\s@"(),:;<>[\\\]_.]{2,}$/u;
const ANSWERS = new Set([303, 400, 403, 413, 415, 422, 429]);

const odd = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udfff',
  'e\u0301',
  'é',
  'ñ',
  '𝒲',
  '👩🏽‍⚖️',
  'Ａ',
  'ß',
  'İ',
  '<',
  '>',
  '"',
  "'",
  '&',
  '%',
  '+',
  '=',
  '@',
  ';',
  '\\',
  ' ',
  '.',
);
/** Anything at all: unicode, lone surrogates, control characters, and lengths around every limit. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: odd, maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(99, 100, 101, 253, 254, 255, 999, 1000, 1001, 5000).chain((n) => fc.constant('a'.repeat(n))),
);
/** Mostly a usable value, sometimes with one odd character slipped in, sometimes anything. */
const field = (usable: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: usable, weight: 16 },
    {
      arbitrary: fc
        .tuple(usable, fc.nat(), odd)
        .map(([v, at, c]) => v.slice(0, at % (v.length + 1)) + c + v.slice(at % (v.length + 1))),
      weight: 2,
    },
    { arbitrary: anyText, weight: 1 },
  );
// A few people, written many ways: the same person must never be stored twice.
const email = field(
  fc.oneof(
    fc.constantFrom(
      'rosa@example.org',
      'Rosa@Example.ORG',
      ' rosa@example.org ',
      'ro.sa@gmail.com',
      'rosa+petition@gmail.com',
      'ROSA@GMAIL.COM',
      'luis@correo.es',
      'luís@correo.es',
      "o'brien@example.org",
      'a@b.co',
    ),
    fc.nat({ max: 60 }).map((n) => `person${n}@example.org`),
  ),
);
const name = field(fc.constantFrom('Rosa Martínez', 'Luis', 'Nguyễn Thị Minh Khai', "O'Brien", 'محمد', 'José\u0301'));
const zip = field(fc.constantFrom('06106', '06510', '06106-1234', '061061234', ' 06510 ', '99999'));
const comment = field(fc.constantFrom('', 'Por mi familia', 'Line one\nline two', 'x'.repeat(LIMITS.comment)));
const display = field(fc.constantFrom(...NAME_DISPLAYS));
const extra = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'status',
      'petition_id',
      'email_normalized',
      'confirmed_at',
      'website',
      'source',
      'id',
    ),
    fc.string({ maxLength: 12 }),
  ),
  anyText,
  { maxKeys: 4 },
);

type Encoding = 'urlencoded' | 'multipart' | 'json' | 'text' | 'none' | 'latin1';
const encoding = fc.oneof(
  { arbitrary: fc.constant<Encoding>('urlencoded'), weight: 8 },
  { arbitrary: fc.constantFrom<Encoding>('multipart', 'json', 'text', 'none', 'latin1'), weight: 2 },
);

function encode(fields: [string, string][], how: Encoding): { body: string; type: string | undefined } {
  const form = () =>
    fields
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`)
      .join('&');
  switch (how) {
    case 'urlencoded':
      return { body: form(), type: 'application/x-www-form-urlencoded' };
    case 'latin1':
      return { body: form(), type: 'application/x-www-form-urlencoded; charset=iso-8859-1' };
    case 'multipart': {
      const parts = fields.map(
        ([k, v]) => `--fz\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${v}\r\n`,
      );
      return { body: `${parts.join('')}--fz--\r\n`, type: 'multipart/form-data; boundary=fz' };
    }
    case 'json':
      return { body: JSON.stringify(Object.fromEntries(fields)), type: 'application/json' };
    case 'text':
      return { body: form(), type: 'text/plain' };
    case 'none':
      return { body: form(), type: undefined };
  }
}

describe.each(enginesToTest())('a property-based fuzz of the sign form on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  let petitionId: number;
  beforeEach(async () => {
    ({ slug, id: petitionId } = await makePetition(t.deps.db));
  });

  it('whatever is sent, the answer is a signature or a 4xx, and every stored row keeps the rules, one per person', async () => {
    let signed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name,
          email,
          postal_code: zip,
          comment,
          name_display: display,
          opt_in: field(fc.constantFrom('yes', 'on', '')),
          website: fc.oneof({ arbitrary: fc.constant(''), weight: 9 }, { arbitrary: anyText, weight: 1 }),
          source: field(fc.constantFrom('flyer', 'whatsapp', 'qr')),
        }),
        fc.oneof(
          { arbitrary: fc.constant<string[]>([]), weight: 4 },
          {
            arbitrary: fc.subarray([
              'name',
              'email',
              'postal_code',
              'comment',
              'name_display',
              'opt_in',
              'website',
              'source',
            ]),
            weight: 1,
          },
        ),
        extra,
        encoding,
        fc.constantFrom('en', 'es'),
        async (values, dropped, extras, how, locale) => {
          // Each run in a new minute and from a new address: the fuzz is about the form, not the rate limits.
          t.advance(61_000);
          const fields: [string, string][] = Object.entries(values).filter(([k]) => !dropped.includes(k));
          fields.push(...Object.entries(extras));
          const { body, type } = encode(fields, how);
          const res = await t.app.request(`/${locale}/p/${slug}/sign`, {
            method: 'POST',
            headers: {
              Origin: TEST_ORIGIN,
              'Sec-Fetch-Site': 'same-origin',
              'X-Forwarded-For': `10.9.${signed % 250}.${(signed * 7) % 250}`,
              ...(type === undefined ? {} : { 'Content-Type': type }),
            },
            body,
          });
          signed += 1;
          expect(ANSWERS.has(res.status), `${res.status} for ${how}: ${JSON.stringify(fields).slice(0, 300)}`).toBe(
            true,
          );
          await res.arrayBuffer();
        },
      ),
      { numRuns: 300 },
    );

    const rows = (await signatureRows(t.deps.db)).filter((r) => r.petition_id === petitionId);
    // Some runs were valid and signed: the property is not vacuous.
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const what = JSON.stringify(row);
      expect(row.name.length, what).toBeGreaterThan(0);
      expect(row.name.length, what).toBeLessThanOrEqual(LIMITS.name);
      expect(row.name, what).toBe(row.name.normalize('NFC').trim());
      expect(row.name, what).not.toMatch(CONTROL);
      expect(row.name, what).not.toMatch(/[\r\n]/);
      expect(row.email.length, what).toBeLessThanOrEqual(LIMITS.email);
      expect(row.email, what).toMatch(EMAIL);
      expect(row.email, what).not.toMatch(CONTROL);
      expect(row.email_normalized, what).toBe(normalizeEmail(row.email));
      expect(row.postal_code, what).toMatch(/^\d{5}$/);
      if (row.comment !== null) {
        expect(row.comment.length, what).toBeLessThanOrEqual(LIMITS.comment);
        expect(row.comment, what).toBe(row.comment.normalize('NFC'));
        expect(row.comment, what).not.toMatch(CONTROL);
      }
      expect(NAME_DISPLAYS as readonly string[], what).toContain(row.name_display);
      if (row.source !== null) expect(row.source, what).toMatch(/^[a-z0-9_-]{1,64}$/);
      expect(['confirmed', 'pending'], what).toContain(row.status);
    }
    const normalized = rows.map((r) => r.email_normalized);
    expect(new Set(normalized).size).toBe(normalized.length);
    // The count agrees with the rows: nothing counted twice.
    t.advance(2000);
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number };
    expect(json.signature_count).toBe(rows.filter((r) => r.status === 'confirmed').length);
  });
});
