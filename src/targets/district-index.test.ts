import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DistrictRecord } from './directory.js';
import { buildDistrictIndex } from './district-index.js';
import { compareDistrictIds } from './district-id.js';
import { sampleDistricts } from './sample/sample-assembly.js';
import { seededRandom } from './sample/seeded-random.js';

/** A closed counterclockwise rectangle ring. */
function box(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

const polygon = (district: string, ...rings: Position[][]): DistrictRecord => ({
  district,
  geometry: { type: 'Polygon', coordinates: rings },
});

// 3 | 4      with a hole in 3 that district 12 fills
// --+--
// 9 | 10     7 is two squares further east, the second with an empty hole; 20 and 21 split a square diagonally.
const districts: DistrictRecord[] = [
  polygon('10', box(1, 0, 2, 1)),
  polygon('9', box(0, 0, 1, 1)),
  polygon('3', box(0, 1, 1, 2), box(0.25, 1.25, 0.75, 1.75).reverse()),
  polygon('12', box(0.25, 1.25, 0.75, 1.75)),
  polygon('4', box(1, 1, 2, 2)),
  {
    district: '7',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [[box(3, 0, 4, 1)], [box(5, 0, 6, 1), box(5.4, 0.4, 5.6, 0.6).reverse()]],
    },
  },
  polygon('20', [
    [0, 3],
    [1, 3],
    [1, 4],
    [0, 3],
  ]),
  polygon('21', [
    [0, 3],
    [1, 4],
    [0, 4],
    [0, 3],
  ]),
];
const index = buildDistrictIndex(districts);

describe('buildDistrictIndex', () => {
  it('finds the district a point lies inside', () => {
    expect(index.districtAt(0.5, 0.5)).toBe('9');
    expect(index.districtAt(1.9, 0.1)).toBe('10');
    expect(index.districtAt(1.5, 1.5)).toBe('4');
    expect(index.districtAt(0.1, 1.9)).toBe('3');
    expect(index.districtAt(0.2, 3.9)).toBe('21');
    expect(index.districtAt(0.9, 3.1)).toBe('20');
  });

  it('does not place a point in a hole in the district around the hole', () => {
    expect(index.districtAt(0.5, 1.5)).toBe('12');
    expect(index.districtAt(5.5, 0.5)).toBeUndefined();
  });

  it('finds a point in either part of a MultiPolygon', () => {
    expect(index.districtAt(3.5, 0.5)).toBe('7');
    expect(index.districtAt(5.1, 0.9)).toBe('7');
    expect(index.districtAt(4.5, 0.5)).toBeUndefined();
  });

  it('gives a point outside every district none', () => {
    expect(index.districtAt(-0.5, 0.5)).toBeUndefined();
    expect(index.districtAt(50, 50)).toBeUndefined();
    expect(index.districtAt(Number.NaN, 0.5)).toBeUndefined();
    expect(buildDistrictIndex([]).districtAt(0, 0)).toBeUndefined();
  });

  it('gives a point on a border shared by two districts to the lower id, numbers compared as numbers', () => {
    expect(index.districtAt(1, 0.5)).toBe('9'); // 9 | 10: "10" would come first as text
    expect(index.districtAt(1.5, 1)).toBe('4'); // 4 above 10
    expect(index.districtAt(0.5, 1)).toBe('3'); // 3 above 9
    expect(index.districtAt(0.5, 3.5)).toBe('20'); // on the diagonal
    expect(index.districtAt(0.25, 1.5)).toBe('3'); // on the hole's ring, which 12 fills
    expect(index.districtAt(0.25, 1.25)).toBe('3'); // a corner of the hole
  });

  it('gives a vertex shared by four districts to the lowest of them', () => {
    expect(index.districtAt(1, 1)).toBe('3');
  });

  it('counts a point on the outer edge of a district as in it', () => {
    expect(index.districtAt(0, 0.5)).toBe('9');
    expect(index.districtAt(2, 2)).toBe('4');
    expect(index.districtAt(5.4, 0.5)).toBe('7'); // the ring of the empty hole
  });

  it('answers the same whatever the order of the districts or the direction of their rings', () => {
    const reversed = buildDistrictIndex(
      [...districts].reverse().map(({ district, geometry }) => ({
        district,
        geometry:
          geometry.type === 'Polygon'
            ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) }
            : geometry,
      })),
    );
    const points: [number, number][] = [
      [1, 1],
      [1, 0.5],
      [0.5, 3.5],
      [0.25, 1.5],
      [0.5, 1.5],
      [1.5, 1.5],
    ];
    for (const [lon, lat] of points) expect(reversed.districtAt(lon, lat)).toBe(index.districtAt(lon, lat));
  });

  it("agrees with turf's point-in-polygon off the borders of jagged sample districts", () => {
    const sample = sampleDistricts('lower');
    const sampleIndex = buildDistrictIndex(sample);
    const random = seededRandom('district-index-test');
    for (let n = 0; n < 2000; n++) {
      const point = [-73.8 + 2.1 * random(), 40.9 + 1.2 * random()];
      const inside = sample.filter(({ geometry }) => booleanPointInPolygon(point, geometry, { ignoreBoundary: true }));
      expect(inside.length).toBeLessThanOrEqual(1);
      expect(sampleIndex.districtAt(point[0] ?? NaN, point[1] ?? NaN)).toBe(inside[0]?.district);
    }
  });
});

describe('compareDistrictIds', () => {
  it('orders numbers as numbers, then names', () => {
    expect(['10', 'A', '9', '1st Middlesex', '2', '100'].sort(compareDistrictIds)).toEqual([
      '2',
      '9',
      '10',
      '100',
      '1st Middlesex',
      'A',
    ]);
  });
});
