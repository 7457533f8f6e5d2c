import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './normalize-email.js';

const PLUS_TAG_PROVIDERS = [
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'fastmail.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
];

describe('normalizeEmail', () => {
  it.each([
    ['Rosa@Example.org', 'rosa@example.org'],
    ['  rosa@example.org  ', 'rosa@example.org'],
    ['\trosa@example.org\n', 'rosa@example.org'],
    ['ROSA@EXAMPLE.ORG', 'rosa@example.org'],
    ['rosa@example.org.', 'rosa@example.org'],
  ])('ignores case and surrounding spaces: %j → %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ['a.b@gmail.com', 'ab@gmail.com'],
    ['a.b.c.d@gmail.com', 'abcd@gmail.com'],
    ['a.b+petitions@gmail.com', 'ab@gmail.com'],
    ['ab+one+two@gmail.com', 'ab@gmail.com'],
    ['AB@googlemail.com', 'ab@gmail.com'],
    ['A.B+x@GoogleMail.com', 'ab@gmail.com'],
  ])('treats Gmail dots, +tags and googlemail.com as one mailbox: %s → %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it('a.b+x@gmail.com and AB@googlemail.com are the same person', () => {
    expect(normalizeEmail('a.b+x@gmail.com')).toBe(normalizeEmail('AB@googlemail.com'));
  });

  it.each(PLUS_TAG_PROVIDERS)('drops +tags at %s but keeps its dots', (domain) => {
    expect(normalizeEmail(`Rosa.M+petitions@${domain}`)).toBe(`rosa.m@${domain}`);
  });

  it.each([
    ['rosa+tag@example.org', 'rosa+tag@example.org'],
    ['r.o.s.a@example.org', 'r.o.s.a@example.org'],
    ['rosa+tag@yahoo.com', 'rosa+tag@yahoo.com'],
    ['a.b+x@gmail.co', 'a.b+x@gmail.co'],
    ['a.b+x@gmail.com.example.org', 'a.b+x@gmail.com.example.org'],
    ['a.b+x@mygmail.com', 'a.b+x@mygmail.com'],
  ])('leaves dots and +tags alone at unknown domains: %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it('does not merge different Gmail mailboxes', () => {
    expect(normalizeEmail('ab@gmail.com')).not.toBe(normalizeEmail('abc@gmail.com'));
    expect(normalizeEmail('a.b@outlook.com')).not.toBe(normalizeEmail('ab@outlook.com'));
  });

  it('ignores case and surrounding whitespace for any address (property)', () => {
    const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0'), maxLength: 4 });
    fc.assert(
      fc.property(fc.emailAddress(), whitespace, whitespace, fc.boolean(), (email, before, after, upper) => {
        const variant = `${before}${upper ? email.toUpperCase() : email}${after}`;
        expect(normalizeEmail(variant)).toBe(normalizeEmail(email));
      }),
    );
  });

  it('treats every dot and +tag variant of a Gmail address as the same mailbox (property)', () => {
    const letters = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        letters,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.option(letters),
        fc.constantFrom('gmail.com', 'googlemail.com', 'GMAIL.COM'),
        (local, dots, tag, domain) => {
          const chars = [...local];
          for (const d of dots) chars.splice(d % (chars.length + 1), 0, '.');
          const variant = `${chars.join('')}${tag === null ? '' : `+${tag}`}@${domain}`;
          expect(normalizeEmail(variant)).toBe(`${local}@gmail.com`);
        },
      ),
    );
  });

  it('is idempotent on real-looking addresses (property)', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.constantFrom('', '+tag', '.x'),
        fc.constantFrom('', 'gmail.com', 'googlemail.com', 'outlook.com'),
        (email, extra, domain) => {
          const at = email.lastIndexOf('@');
          const input = domain === '' ? email : `${email.slice(0, at)}${extra}@${domain}`;
          const once = normalizeEmail(input);
          expect(normalizeEmail(once)).toBe(once);
        },
      ),
    );
  });

  it.each(['a@ .', '.\t@gmail.com', 'a.\u0301@gmail.com', '+ x@outlook.com'])(
    'is idempotent on the odd input %j found by fast-check',
    (input) => {
      const once = normalizeEmail(input);
      expect(normalizeEmail(once)).toBe(once);
    },
  );

  it('is idempotent on any string at all (property)', () => {
    const tricky = fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        '.',
        '+',
        '@',
        ' ',
        '\t',
        '\u00a0',
        'gmail.com',
        'googlemail.com',
        'outlook.com',
        'e\u0301',
        '\u0301',
        '\u0130',
        'Σ',
      ),
    });
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (input) => {
        const once = normalizeEmail(input);
        expect(normalizeEmail(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
