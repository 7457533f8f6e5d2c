import { describe, expect, it } from 'vitest';
import { SLUG_MAX, SLUG_PATTERN, slugify, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Aprobar la Ley', 'aprobar-la-ley'],
    ['¡Protejan a los niños del frío!', 'protejan-a-los-ninos-del-frio'],
    ['Fix   the bus shelter -- NOW', 'fix-the-bus-shelter-now'],
    ['Crème brûlée für Straße', 'creme-brulee-fur-strasse'],
    ['  ', ''],
    ['<script>', 'script'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('is short and matches the slug pattern', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('uniqueSlug', () => {
  it('adds the first free numeric suffix', async () => {
    const used = new Set(['fix-it', 'fix-it-2']);
    expect(await uniqueSlug('fix-it', async (s) => used.has(s))).toBe('fix-it-3');
    expect(await uniqueSlug('other', async (s) => used.has(s))).toBe('other');
    expect(await uniqueSlug('', async () => false)).toBe('petition');
  });
});
