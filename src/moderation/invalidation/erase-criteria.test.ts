import { describe, expect, it } from 'vitest';
import { patternNamesAddress, withoutCriteria } from './erase-criteria.js';
import type { StoredCriteria } from './invalidation-store.js';

describe('which email patterns name an erased address', () => {
  it.each([
    ['rosamartinez@gmail.com', true],
    ['rosamar*', true],
    ['*martinez@gmail.com', true],
    ['r*z@*', true],
    ['*@gmail.com', false],
    ['**@gmail.com', false],
    ['sam*', false],
    ['rosa.martinez@gmail.com', false],
    ['rosamartinez@gmail.co', false],
    ['(rosa)*', false],
  ])('%s: %s', (pattern, names) => {
    expect(patternNamesAddress(pattern, 'rosamartinez@gmail.com')).toBe(names);
  });

  it('a pattern is read literally apart from *', () => {
    expect(patternNamesAddress('a.b@x.org', 'a.b@x.org')).toBe(true);
    expect(patternNamesAddress('a.b@x.org', 'aXb@x.org')).toBe(false);
    expect(patternNamesAddress('a_b%@x.org', 'a_b%@x.org')).toBe(true);
  });
});

describe('criteria without the personal ones', () => {
  const criteria: StoredCriteria = {
    emailPattern: 'bot*',
    domain: 'mailinator.com',
    network: 'abcdefghijklmnopqrstuv',
    address: { ipHashes: ['h'], prefixHashes: [], range: null },
    zip: '06106',
    from: null,
    until: null,
    upToId: 9,
  };
  it('clears them, names them, and keeps the rest', () => {
    expect(withoutCriteria(criteria)).toEqual({
      ...criteria,
      emailPattern: null,
      network: null,
      address: null,
      erased: ['emailPattern', 'network', 'address'],
    });
  });
  it('adds to what was erased before, in a fixed order', () => {
    const once = withoutCriteria(criteria, ['network']);
    expect(once.erased).toEqual(['network']);
    expect(withoutCriteria(once, ['emailPattern']).erased).toEqual(['emailPattern', 'network']);
  });
});
