import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bandPolygon } from './banded-polygon.js';
import { sampleDistricts } from './sample/sample-assembly.js';

function outerRing(district: string): Position[] {
  const record = sampleDistricts('lower').find((d) => d.district === district);
  if (record?.geometry.type !== 'Polygon') throw new Error(`sample district ${district} is not a Polygon`);
  return record.geometry.coordinates[0] ?? [];
}

describe('bandPolygon', () => {
  it('never lets two neighbours both claim, or both refuse, a point on or next to their shared border', () => {
    // Sample districts 1 and 2 share a jagged border; points along it are rarely exactly on it in doubles.
    const [west, east] = [outerRing('1'), outerRing('2')];
    const [westPolygon, eastPolygon] = [bandPolygon([west]), bandPolygon([east])];
    const onEast = new Set(east.map((p) => p.join(',')));
    let checked = 0;
    for (let k = 0; k + 1 < west.length; k++) {
      const [a = [], b = []] = [west[k], west[k + 1]];
      if (!onEast.has(a.join(',')) || !onEast.has(b.join(','))) continue;
      const [ax = NaN, ay = NaN, bx = NaN, by = NaN] = [...a, ...b];
      for (const t of [0.1, 1 / 3, 0.5, 0.7, 0.9])
        for (const nudge of [0, 1e-16, -1e-16, 1e-14, -1e-14, 1e-9, -1e-9]) {
          const [x, y] = [ax + t * (bx - ax) + nudge, ay + t * (by - ay)];
          const places = [westPolygon.locate(x, y), eastPolygon.locate(x, y)];
          expect(places, `${x}, ${y}`).not.toEqual(['inside', 'inside']);
          expect(places, `${x}, ${y}`).not.toEqual(['outside', 'outside']);
          checked += 1;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('tells inside, on the ring and outside apart, holes included', () => {
    const square = bandPolygon([
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ]);
    expect(square.locate(0.5, 0.5)).toBe('inside');
    expect(square.locate(2, 2)).toBe('outside');
    expect(square.locate(2, 0)).toBe('boundary');
    expect(square.locate(1, 2)).toBe('boundary');
    expect(square.locate(3, 3)).toBe('boundary');
    expect(square.locate(5, 2)).toBe('outside');
  });

  it('closes a ring left open', () => {
    const triangle = bandPolygon([
      [
        [0, 0],
        [2, 0],
        [0, 2],
      ],
    ]);
    expect(triangle.locate(0.5, 0.5)).toBe('inside');
    expect(triangle.locate(1, 1)).toBe('boundary');
    expect(triangle.locate(1.5, 1.5)).toBe('outside');
  });
});
