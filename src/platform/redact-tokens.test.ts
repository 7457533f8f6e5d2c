import { describe, expect, it } from 'vitest';
import { redactTokens } from './redact-tokens.js';

describe('redactTokens', () => {
  it('masks the token of signer links and sign-in links, in paths and in full URLs', () => {
    expect(redactTokens('/es/s/Abc_123-xyz/confirm')).toBe('/es/s/…/confirm');
    expect(redactTokens('/signin/0123456789abcdefABCDEF_-')).toBe('/signin/…');
    expect(redactTokens('https://firma.example.org/en/s/tok3n/withdraw?x=1')).toBe(
      'https://firma.example.org/en/s/…/withdraw?x=1',
    );
    expect(redactTokens('http://localhost:3000/signin/t0k3n')).toBe('http://localhost:3000/signin/…');
    // In any language a site may speak, not only two-letter ones.
    expect(redactTokens('/pt-BR/s/Abc_123-xyz/unsubscribe')).toBe('/pt-BR/s/…/unsubscribe');
    expect(redactTokens('https://firma.example.org/zh-Hant-TW/s/t0k/confirm')).toBe(
      'https://firma.example.org/zh-Hant-TW/s/…/confirm',
    );
  });

  it('leaves every other path as it is', () => {
    for (const path of [
      '/en/p/ct-trust-act',
      '/signin',
      '/organize/3/share',
      '/p/s/sign',
      '/en/p/signin/sign',
      '/es/p/s/thanks',
    ])
      expect(redactTokens(path)).toBe(path);
  });
});
