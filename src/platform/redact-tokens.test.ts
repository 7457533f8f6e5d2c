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

  it('masks a team invitation’s token, in its path and carried through sign-in as ?next=', () => {
    const token = 'A'.repeat(20) + '_-' + 'b'.repeat(21);
    expect(redactTokens(`/organize/invitations/${token}`)).toBe('/organize/invitations/…');
    expect(redactTokens(`https://firma.example.org/organize/invitations/${token}`)).toBe(
      'https://firma.example.org/organize/invitations/…',
    );
    expect(redactTokens(`/signin?next=%2Forganize%2Finvitations%2F${token}`)).toBe(
      '/signin?next=%2Forganize%2Finvitations%2F…',
    );
    expect(redactTokens(`/signin?next=%2forganize%2finvitations%2f${token}`)).not.toContain(token);
  });

  it('leaves every other path as it is', () => {
    for (const path of [
      '/en/p/ct-trust-act',
      '/signin',
      '/organize/3/share',
      '/organize/3/team',
      '/p/s/sign',
      '/en/p/signin/sign',
      '/es/p/s/thanks',
    ])
      expect(redactTokens(path)).toBe(path);
  });
});
