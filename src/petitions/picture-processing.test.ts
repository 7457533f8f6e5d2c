import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seeded-random.js';
import { processPicture, widthsFor } from './picture-processing.js';

describe('a petition picture as Firma keeps it', () => {
  it('is kept in the widths that fit it, never wider than it is', () => {
    expect(widthsFor(4000)).toEqual([480, 960, 1600]);
    expect(widthsFor(1000)).toEqual([480, 960]);
    expect(widthsFor(320)).toEqual([320]);
  });

  it('refuses or keeps every damaged file, never throws (bytes flipped, cut short, repeated)', async () => {
    const random = seededRandom(7);
    const originals = await Promise.all([
      sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
        .jpeg()
        .toBuffer(),
      sharp({ create: { width: 64, height: 48, channels: 4, background: '#3a7a' } })
        .png()
        .toBuffer(),
      sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
        .webp()
        .toBuffer(),
    ]);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 240; i += 1) {
      const original = originals[i % originals.length] ?? new Uint8Array();
      const bytes = new Uint8Array(original);
      const kind = i % 4;
      let damaged: Uint8Array;
      if (kind === 0) {
        for (let flips = 0; flips < 1 + random(8); flips += 1) bytes[random(bytes.length)] = random(256);
        damaged = bytes;
      } else if (kind === 1) damaged = bytes.subarray(0, random(bytes.length));
      else if (kind === 2) {
        // The header kept, the rest noise: decoders must stop at what makes no sense.
        for (let at = 16; at < bytes.length; at += 1) bytes[at] = random(256);
        damaged = bytes;
      } else damaged = new Uint8Array([...bytes.subarray(0, 40), ...bytes.subarray(20)]);
      const result = await processPicture(damaged);
      const outcome = result.ok ? 'kept' : result.reason;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (result.ok)
        for (const file of result.files) expect((await sharp(file.bytes).metadata()).width).toBe(file.width);
    }
    expect(outcomes.get('unreadable') ?? 0).toBeGreaterThan(0);
    expect([...outcomes.keys()].every((o) => ['kept', 'unreadable', 'not-an-image'].includes(o))).toBe(true);
  }, 60_000);
});
