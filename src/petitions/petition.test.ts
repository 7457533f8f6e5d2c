import { describe, expect, it } from 'vitest';
import { textLocaleFor } from './petition.js';

const text = { title: 't', statement: 's', why: 'w', deliveryDetails: '' };
const petition = (locales: string[]) => ({
  defaultLocale: locales[0] ?? 'en',
  locales,
  texts: Object.fromEntries(locales.map((l) => [l, text])),
});

describe('textLocaleFor: the text a reader gets', () => {
  it('their own language when the petition has it', () => {
    expect(textLocaleFor(petition(['en', 'es', 'ht']), 'ht')).toBe('ht');
  });

  it('another variant of their language before the petition’s main language', () => {
    expect(textLocaleFor(petition(['en', 'pt']), 'pt-BR')).toBe('pt');
    expect(textLocaleFor(petition(['es', 'pt-PT']), 'pt-BR')).toBe('pt-PT');
  });

  it('else the petition’s main language', () => {
    expect(textLocaleFor(petition(['es', 'en']), 'ar')).toBe('es');
    expect(textLocaleFor(petition(['en', 'es']), 'pt-BR')).toBe('en');
  });
});
