import { describe, expect, it } from 'vitest';
import { publicName } from './public-name.js';

describe('publicName', () => {
  it.each([
    ['Rosa Martínez', 'Rosa Martínez'],
    ['rosa m', 'rosa m'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('shows the full name %j exactly as typed', (name, shown) => {
    expect(publicName(name, 'full')).toBe(shown);
  });

  it.each([
    ['Rosa Martínez', 'Rosa M.'],
    ['Rosa María Martínez López', 'Rosa L.'],
    ['  Rosa   Martínez  ', 'Rosa M.'],
    ['rosa martínez', 'rosa M.'],
    ['José Ñúñez', 'José Ñ.'],
    ['Ángel álvarez', 'Ángel Á.'],
    ['Seán Ó Briain', 'Seán B.'],
    ['Rosa', 'Rosa'],
    ['Li 𝒲ang', 'Li 𝒲.'],
    ['Σοφία παπαδοπούλου', 'Σοφία Π.'],
  ])('shows %j as %j with first name and last initial', (name, shown) => {
    expect(publicName(name, 'first_initial')).toBe(shown);
  });

  it('never shows the surname beyond its first letter', () => {
    const shown = publicName('Guadalupe Hernández', 'first_initial');
    expect(shown).toBe('Guadalupe H.');
    expect(shown).not.toContain('ernández');
  });

  it('shows nothing at all for a signer who asked to be hidden', () => {
    expect(publicName('Rosa Martínez', 'hidden')).toBeUndefined();
  });
});
