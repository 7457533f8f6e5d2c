import { describe, expect, it } from 'vitest';
import { packetFonts } from './packet-fonts.js';

describe('the packet fonts', () => {
  const fonts = packetFonts();
  const single = (text: string) => {
    const runs = fonts.runs(text, 'regular');
    return runs.map((r) => r.font);
  };

  it.each([
    ['Latin with accents', 'Íñigo Muñoz Ñandú', 'noto-sans-latin-400'],
    ['Greek', 'Ελένη Παπαδοπούλου', 'noto-sans-greek-400'],
    ['Cyrillic', 'Иван Петров', 'noto-sans-cyrillic-400'],
    ['Arabic', 'محمد علي', 'noto-sans-arabic-arabic-400'],
    ['Hebrew', 'דוד כהן', 'noto-sans-hebrew-hebrew-400'],
    ['Bengali', 'রহমান', 'noto-sans-bengali-bengali-400'],
    ['Gujarati', 'પટેલ', 'noto-sans-gujarati-gujarati-400'],
    ['Gurmukhi', 'ਸਿੰਘ', 'noto-sans-gurmukhi-gurmukhi-400'],
    ['Tamil', 'முருகன்', 'noto-sans-tamil-tamil-400'],
    ['Thai', 'สมชาย', 'noto-sans-thai-thai-400'],
    ['Khmer', 'សុខា', 'noto-sans-khmer-khmer-400'],
    ['Ethiopic', 'አበበ በቀለ', 'noto-sans-ethiopic-ethiopic-400'],
    ['Armenian', 'Արամ', 'noto-sans-armenian-armenian-400'],
    ['Georgian', 'გიორგი', 'noto-sans-georgian-georgian-400'],
  ])('sets %s in the font for that script', (_script, name, font) => {
    expect(new Set(single(name))).toEqual(new Set([font]));
  });

  it('sets Vietnamese from the Latin, Latin Extended and Vietnamese subsets', () => {
    for (const font of single('Nguyễn Thị Hương')) expect(font).toMatch(/^noto-sans-(latin|latin-ext|vietnamese)-400$/);
  });

  it('sets Chinese and Japanese kana, character by character, from the CJK subsets', () => {
    const runs = fonts.runs('李小龍 さくら', 'regular');
    const text = runs.map((r) => r.text).join('');
    expect(text).toBe('李小龍 さくら');
    for (const run of runs.filter((r) => r.text.trim() !== '')) expect(run.font).toMatch(/^noto-sans-sc-/);
  });

  it('sets Korean Hangul from the Korean subsets, and the Chinese characters of a Korean name from the Chinese ones', () => {
    for (const font of single('김민준')) expect(font).toMatch(/^noto-sans-kr-/);
    expect(single('金')[0]).toMatch(/^noto-sans-sc-/);
  });

  it('marks right-to-left runs and moves their trailing spaces out, so what follows keeps its place', () => {
    expect(fonts.runs('Ana محمد علي 3', 'regular').map((r) => [r.text, r.rtl === true])).toEqual([
      ['Ana ', false],
      ['محمد علي', true],
      [' ', false],
      ['3', false],
    ]);
    expect(fonts.runs('דוד כהן', 'regular').map((r) => r.rtl)).toEqual([true]);
  });

  it('keeps a mixed name in as few runs as its scripts need', () => {
    expect(fonts.runs('Ana Иванова', 'regular').map((r) => r.text)).toEqual(['Ana ', 'Иванова']);
  });

  it('prints bold where a bold face has the glyph, and falls back to regular for the rest', () => {
    expect(fonts.runs('Muñoz', 'bold')[0]?.font).toBe('noto-sans-latin-700');
    expect(fonts.runs('李', 'bold')[0]?.font).toMatch(/^noto-sans-sc-.*-700$|^noto-sans-sc-.*-400$/);
  });
});
