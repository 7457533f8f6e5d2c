import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, negotiateLocale } from './negotiate.js';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['es', 'es'],
    ['en', 'en'],
    ['es-MX', 'es'],
    ['es-419,es;q=0.9', 'es'],
    ['ES-us', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['es-MX,es;q=0.9,en-US;q=0.8,en;q=0.7', 'es'],
    ['en;q=0.5, es;q=0.9', 'es'],
    ['en;q=0.5,es', 'es'],
    ['fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7', 'es'],
    ['fr, de;q=0.9, en;q=0.1', 'en'],
    ['es;q=0, en;q=0.1', 'en'],
    ['es ; q=0.8 , en ; q=0.9', 'en'],
    ['es,en', 'es'],
    ['en,es', 'en'],
    ['es;q=0.5,en;q=0.5', 'es'],
  ])('%j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['fr'],
    ['*'],
    ['pt-BR,pt;q=0.9'],
    ['es;q=0'],
    [';;,,'],
    ['es;q=abc'],
    ['e'],
    ['español'],
  ])('finds no supported language in %j', (header) => {
    expect(localeFromAcceptLanguage(header)).toBeUndefined();
  });
});

describe('negotiateLocale', () => {
  it('a language chosen with the switch (the cookie) wins over Accept-Language', () => {
    expect(negotiateLocale('es', 'en-US,en;q=0.9')).toBe('es');
    expect(negotiateLocale('en', 'es-MX')).toBe('en');
  });

  it('an unknown cookie value is ignored', () => {
    expect(negotiateLocale('fr', 'es-MX')).toBe('es');
    expect(negotiateLocale('<script>', undefined)).toBe('en');
  });

  it('falls back to English when nothing matches', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('en');
    expect(negotiateLocale(undefined, 'de-DE')).toBe('en');
  });
});
