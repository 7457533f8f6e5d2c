// The catalog test: every defect a translator (or a developer adding a message) can make is caught here,
// in every catalog in locales/, before it reaches a page.
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script (scripts/ is JavaScript run by node), without type declarations
import { messageKeySource } from '../../../scripts/message-keys.mjs';
import { catalogDir, PARSE_OPTIONS, readCatalog, valuesOf } from './catalogs.js';
import { knownLanguages } from './languages.js';

const DIR = catalogDir();
const LANGUAGES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'languages.json')
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const EN = readCatalog('en');
const others = LANGUAGES.filter((l) => l !== 'en');

/** Parses a message, or returns the syntax error's text. */
function parsed(source: string): MessageFormatElement[] | string {
  try {
    return parse(source, PARSE_OPTIONS);
  } catch (err) {
    return (err as Error).message;
  }
}

/** Every plural (and selectordinal) element of a message, with the branches it offers. */
function plurals(elements: readonly MessageFormatElement[]): { value: string; branches: string[] }[] {
  const found: { value: string; branches: string[] }[] = [];
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.plural) found.push({ value: el.value, branches: Object.keys(el.options) });
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(elements);
  return found;
}

/** The plural categories a whole number can fall in, in a language (CLDR, by Intl): every one needs a branch. */
function integerCategories(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  const seen = new Set<string>();
  for (let n = 0; n <= 1_100_000; n += n < 2000 ? 1 : 997) seen.add(rules.select(n));
  return seen;
}

describe('message catalogs', () => {
  it('locales/ holds English and Spanish at least, and English defines the keys', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'es']));
    expect(Object.keys(EN).length).toBeGreaterThan(500);
  });

  it('the MessageKey type is generated from the English catalog as it is now (npm run i18n:keys)', () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, 'message-key.ts'), 'utf8');
    expect(file).toBe(messageKeySource(Object.keys(EN)));
  });

  it.each(others)('%s has no key English lacks, and every English key when it says it is complete', (locale) => {
    const catalog = readCatalog(locale);
    const complete = knownLanguages().get(locale)?.complete === true;
    const missing = complete ? Object.keys(EN).filter((k) => !(k in catalog)) : [];
    const extra = Object.keys(catalog).filter((k) => !(k in EN));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('every catalog in locales/ is described in locales/languages.json, and English and Spanish are complete', () => {
    expect([...knownLanguages().keys()].sort()).toEqual(LANGUAGES);
    expect(knownLanguages().get('en')?.complete).toBe(true);
    expect(knownLanguages().get('es')?.complete).toBe(true);
  });

  it.each(LANGUAGES)('every message in %s is valid ICU MessageFormat, not blank, with no markup', (locale) => {
    const problems = Object.entries(readCatalog(locale)).flatMap(([key, source]) => {
      const result = parsed(source);
      if (typeof result === 'string') return [`${key}: ${result}`];
      if (source.trim() === '') return [`${key}: blank`];
      if (/<\/?[a-z][^>]*>/i.test(source)) return [`${key}: markup`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it.each(others)('every message in %s reads the same values as in English', (locale) => {
    const catalog = readCatalog(locale);
    const differing = Object.entries(EN).flatMap(([key, source]) => {
      const mine = catalog[key];
      if (mine === undefined) return []; // a partial catalog's lack is shown in English, not a defect here
      const a = parsed(source);
      const b = parsed(mine);
      if (typeof a === 'string' || typeof b === 'string') return []; // reported by the syntax test
      const names = (els: MessageFormatElement[]) => [...valuesOf(els).values].sort().join(', ');
      return names(a) === names(b) ? [] : [{ key, en: names(a), [locale]: names(b) }];
    });
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES)(
    'every plural in %s has a branch for each category a count can fall in, in that language, and no other',
    (locale) => {
      // The rules a count is read by: the language's formatting locale where Node's ICU lacks it (ht → fr).
      const rules = knownLanguages().get(locale)?.formatLocale ?? locale;
      const allowed = new Set(new Intl.PluralRules(rules).resolvedOptions().pluralCategories as string[]);
      const needed = integerCategories(rules);
      const problems = Object.entries(readCatalog(locale)).flatMap(([key, source]) => {
        const result = parsed(source);
        if (typeof result === 'string') return [];
        return plurals(result).flatMap(({ value, branches }) => {
          const missing = [...needed].filter((c) => !branches.includes(c));
          const unknown = branches.filter((b) => !b.startsWith('=') && !allowed.has(b));
          return missing.length === 0 && unknown.length === 0 ? [] : [{ key, value, missing, unknown }];
        });
      });
      expect(problems).toEqual([]);
    },
  );

  it('catches each kind of defect: the checks above are not vacuous', () => {
    expect(typeof parsed('{count, plural, one {# firma}')).toBe('string'); // unclosed
    expect(typeof parsed('{count, plural, one {# firma}}')).toBe('string'); // no `other`
    expect(plurals(parsed('{n, plural, one {#} other {#}}') as MessageFormatElement[])).toEqual([
      { value: 'n', branches: ['one', 'other'] },
    ]);
    expect([...integerCategories('ar')].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect([...integerCategories('en')].sort()).toEqual(['one', 'other']);
  });

  it('picks plural forms by count and formats numbers in the reader’s locale', async () => {
    const { translator } = await import('./translator.js');
    expect(translator('en').t('petition.count', { count: 1 })).toBe('1 signature');
    expect(translator('en').t('petition.count', { count: 1234 })).toBe('1,234 signatures');
    expect(translator('es').t('petition.count', { count: 1 })).toBe('1 firma');
    expect(translator('es').t('petition.count', { count: 0 })).toBe('0 firmas');
    expect(translator('es').t('petition.count', { count: 1_000_000 })).toBe('1.000.000 firmas');
    expect(translator('es').t('petition.milestoneReached', { count: 100 })).toBe('100 firmas alcanzadas');
    expect(translator('en').t('petition.milestoneReached', { count: 100 })).toBe('100 signatures reached');
    // A number outside a plural is written the reader's way too.
    expect(translator('es').t('petition.nextGoal', { goal: 25000 })).toBe('Próxima meta: 25.000');
  });
});
