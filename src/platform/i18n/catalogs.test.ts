import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { es } from './es.js';
import type { Message } from './message.js';
import { translator } from './translator.js';

const CATALOGS: Record<string, Record<string, Message>> = { en, es };

function texts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((v) => v !== undefined);
}

function placeholders(message: Message): string[] {
  const names = new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')));
  return [...names].sort();
}

describe('message catalogs', () => {
  it('English and Spanish have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(CATALOGS))('%s has no empty or blank message', (_locale, catalog) => {
    const blank = Object.entries(catalog).filter(([, message]) => texts(message).some((text) => text.trim() === ''));
    expect(blank).toEqual([]);
  });

  it('every key uses the same {placeholders} in both languages', () => {
    const differing = Object.keys(en).flatMap((key) => {
      const a = placeholders(en[key as keyof typeof en]); // key comes from Object.keys(en)
      const b = placeholders(es[key as keyof typeof es]); // the two catalogs share keys (checked above)
      return a.join() === b.join() ? [] : [{ key, en: a, es: b }];
    });
    expect(differing).toEqual([]);
  });

  it('each plural form of a message uses the same placeholders', () => {
    const inconsistent = Object.entries(CATALOGS).flatMap(([locale, catalog]) =>
      Object.entries(catalog).flatMap(([key, message]) => {
        if (typeof message === 'string') return [];
        const sets = new Set(
          Object.values(message).map((text) =>
            [...text.matchAll(/\{(\w+)\}/g)]
              .map((m) => m[1])
              .sort()
              .join(),
          ),
        );
        return sets.size === 1 ? [] : [`${locale}:${key}`];
      }),
    );
    expect(inconsistent).toEqual([]);
  });

  it('a message is plural in both languages or in neither, with the same categories', () => {
    const differing = Object.keys(en).flatMap((key) => {
      const a = en[key as keyof typeof en]; // key comes from Object.keys(en)
      const b = es[key as keyof typeof es]; // the two catalogs share keys
      const categories = (m: Message) => (typeof m === 'string' ? 'string' : Object.keys(m).sort().join());
      return categories(a) === categories(b) ? [] : [{ key, en: categories(a), es: categories(b) }];
    });
    expect(differing).toEqual([]);
  });

  it.each(Object.entries(CATALOGS))(
    'every plural message in %s has `other` and only categories the language uses',
    (locale, catalog) => {
      const used = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalog)) {
        if (typeof message === 'string') continue;
        expect(message.other, key).toEqual(expect.any(String));
        for (const category of Object.keys(message)) expect(used, `${locale}:${key}`).toContain(category);
      }
    },
  );

  it('picks plural forms by count and formats numbers in the reader’s locale', () => {
    expect(translator('en').t('petition.count', { count: 1 })).toBe('1 signature');
    expect(translator('en').t('petition.count', { count: 1234 })).toBe('1,234 signatures');
    expect(translator('es').t('petition.count', { count: 1 })).toBe('1 firma');
    expect(translator('es').t('petition.count', { count: 0 })).toBe('0 firmas');
    expect(translator('es').t('petition.count', { count: 1_000_000 })).toBe('1.000.000 firmas');
    expect(translator('es').t('petition.milestoneReached', { count: 100 })).toBe('100 firmas alcanzadas');
    expect(translator('en').t('petition.milestoneReached', { count: 100 })).toBe('100 signatures reached');
  });
});
