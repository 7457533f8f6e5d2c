import { describe, expect, it } from 'vitest';
import { CHART } from '../../../dashboard/signatures-chart.js';
import { translator } from '../../../platform/i18n/translator.js';
import { SignaturesChart } from './signatures-chart.js';

const PER_DAY = [
  { day: '2026-11-01', count: 1 },
  { day: '2026-11-02', count: 5 },
  { day: '2026-11-03', count: 2 },
];

async function bars(locale: string): Promise<number[]> {
  const html = String(await (<SignaturesChart t={translator(locale)} perDay={PER_DAY} />).toString());
  return [...html.matchAll(/<rect x="([\d.]+)"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('the signatures chart', () => {
  it('runs left to right in English: the first day is the leftmost bar', async () => {
    const xs = await bars('en');
    expect(xs).toHaveLength(3);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeGreaterThanOrEqual(CHART.left);
  });

  it('is mirrored in Arabic: the first day is the rightmost bar, and the scale stands on the right', async () => {
    const [en, ar] = [await bars('en'), await bars('ar')];
    expect(ar).toEqual([...ar].sort((a, b) => b - a));
    const html = String(await (<SignaturesChart t={translator('ar')} perDay={PER_DAY} />).toString());
    const tick = /<text x="([\d.]+)"[^>]*dominant-baseline="middle"/.exec(html);
    expect(Number(tick?.[1])).toBeGreaterThan(CHART.width / 2);
    // The same bars, mirrored about the middle.
    const width = Number(/<rect[^>]*width="([\d.]+)"/.exec(html)?.[1]);
    en.forEach((x, i) => expect(ar[i]).toBeCloseTo(CHART.width - x - width, 1));
  });
});
