import { describe, expect, it } from 'vitest';
import { translator } from './translator.js';

const NOW = new Date('2026-12-04T10:00:00Z');

describe('a language Node’s ICU lacks (Haitian Creole) formats with its formatLocale, in its own words', () => {
  const t = translator('ht');

  it('writes dates with Creole month names in the French order, never an English or French date', () => {
    expect(t.date('2026-12-04T10:00:00Z')).toBe('4 desanm 2026');
    expect(t.date('2027-07-14T10:00:00Z')).toBe('14 jiyè 2027');
    expect(t.shortDate('2026-02-03T10:00:00Z')).toBe('3 fev');
  });

  it('writes numbers the French way', () => {
    expect(t.number(1234567)).toBe('1\u202f234\u202f567');
  });

  it('names languages in Creole, or by their own name when it has no Creole name for one', () => {
    expect(t.languageName('es')).toBe('panyòl');
    expect(t.languageName('pt-BR')).toBe('pòtigè (Brezil)');
    expect(t.languageName('ar')).not.toMatch(/arabe|Arabic/);
  });

  it('says how long ago from its catalog, not in French', () => {
    expect(t.ago('2026-12-01T10:00:00Z', NOW)).not.toMatch(/il y a/);
    expect(t.ago('2026-12-01T10:00:00Z', NOW)).toContain('3');
    expect(t.list(['angle', 'panyòl'])).toBe('angle, panyòl');
  });
});

describe('a language Node knows uses Intl throughout', () => {
  it('Spanish: dates, relative times and lists', () => {
    const t = translator('es');
    expect(t.date('2026-12-04T10:00:00Z')).toBe('4 de diciembre de 2026');
    expect(t.ago('2026-12-03T10:00:00Z', NOW)).toBe('ayer');
    expect(t.list(['inglés', 'árabe'])).toBe('inglés y árabe');
    expect(t.languageName('ht')).toBe('criollo haitiano');
  });

  it('Arabic is right to left; English and Spanish are not', () => {
    expect(translator('ar').dir).toBe('rtl');
    expect(translator('en').dir).toBe('ltr');
    expect(translator('es').dir).toBe('ltr');
  });
});
