import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seeded-random.js';
import { renderCard, type CardContent } from './social-card.js';

const PIECES = [
  'Pass the Trust Act',
  'أقرّوا قانون الثقة',
  '中文字 한국어',
  '<span foreground="red">',
  '</b>&amp;&',
  '\u202e\u202d\u2066\u2069',
  'e\u0301\u0301\u0301',
  '✊🏽👨‍👩‍👧',
  '\u0000\u0007\u001b[31m',
  '\ud800',
  ' '.repeat(50),
  'Ł'.repeat(300),
  'word '.repeat(400),
  '%s%n{0}',
];

describe('the social card', () => {
  it('draws any text it is given at its size: markup, control and direction characters, emoji, very long titles', async () => {
    const random = seededRandom(11);
    const text = () => Array.from({ length: 1 + random(4) }, () => PIECES[random(PIECES.length)] ?? '').join(' ');
    for (let i = 0; i < 24; i += 1) {
      const content: CardContent = {
        title: text(),
        to: text(),
        count: text(),
        site: 'petitions.example.org',
        dir: i % 2 === 0 ? 'ltr' : 'rtl',
      };
      const shape = i % 3 === 0 ? 'story' : 'card';
      const meta = await sharp(await renderCard(content, shape)).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual(
        shape === 'card' ? { format: 'png', width: 1200, height: 630 } : { format: 'png', width: 1080, height: 1920 },
      );
    }
  }, 60_000);
});
