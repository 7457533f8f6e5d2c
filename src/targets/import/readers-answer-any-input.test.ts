// Every reader of the directory's files answers any input with records or problems: never an exception (a 500 on
// the admin page), and inputs built to be slow (deep nesting, one huge row, a column repeated, a quote never
// closed) are answered as quickly as ordinary ones of their size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from './boundaries.js';
import { readZipCrosswalk } from './crosswalk-csv.js';
import { readOpenStatesPeople } from './open-states-csv.js';

const encoder = new TextEncoder();

const csvLike = fc.array(
  fc.array(fc.oneof(fc.string(), fc.constantFrom('"', '""', '\r\n', ',', 'upper', 'lower', '06106', '0.5', 'ZZZ')), {
    maxLength: 12,
  }),
  { maxLength: 20 },
);

describe('the directory readers', () => {
  it('answer any CSV-like text with records or problems, never an exception', () => {
    fc.assert(
      fc.property(csvLike, fc.boolean(), (rows, withHeader) => {
        const body = rows.map((cells) => cells.join(',')).join('\n');
        for (const header of withHeader
          ? ['id,name,current_party,current_district,current_chamber\n', 'zip,chamber,district,share\n']
          : ['']) {
          const people = readOpenStatesPeople(header + body);
          const zips = readZipCrosswalk(header + body);
          expect(typeof people.ok).toBe('boolean');
          expect(typeof zips.ok).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answer any bytes, and any JSON, as a boundary file with records or problems', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.json().map((j) => encoder.encode(j)),
        ),
        async (bytes) => {
          const result = await readBoundaries(bytes, 'SLDUST');
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answer inputs built to be slow without an exception', async () => {
    const deep = encoder.encode(`{"type":"FeatureCollection","features":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const nested = encoder.encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { SLDUST: '1' }, geometry: { type: 'Polygon', coordinates: [[[[[[1]]]]]] } },
        ],
      }),
    );
    const wideRow = `id,name,current_party,current_district,current_chamber\n${'x,'.repeat(200_000)}x`;
    const openQuote = `zip,chamber,district,share\n"06106,upper,5,1\n${'06106,upper,5,1\n'.repeat(50_000)}`;
    const manyRows = `zip,chamber,district,share\n${Array.from({ length: 100_000 }, (_, i) => `${String(i % 100_000).padStart(5, '0')},upper,${i},1`).join('\n')}`;
    for (const bytes of [deep, nested]) expect((await readBoundaries(bytes, 'SLDUST')).ok).toBe(false);
    expect(readOpenStatesPeople(wideRow).ok).toBe(false);
    expect(readZipCrosswalk(openQuote).ok).toBe(false);
    expect(readZipCrosswalk(manyRows).ok).toBe(true);
  });
});
